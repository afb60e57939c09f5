//! The real-kernel backend: runs a scenario with the real tools inside a fresh mount, network,
//! UTS, IPC and PID namespace (so every process dies with the run), with its own view of the files:
//! every host mount read-only, private tmpfs on `/tmp`, `/run` (so `/var/run`, `/run/netns`
//! and no docker socket), `/dev/shm`, its own hostname and IPC, a fresh sysfs and procfs, and `/proc/sys` read-only
//! except `/proc/sys/net` (which belongs to the sandbox's network namespace). The host's own
//! network and files are never touched.
//!
//! Commands are sent to the sandbox one at a time and each result is read back before the
//! next command is sent, so callers can print results as they come. A watchdog enforces a
//! per-command and a per-run time limit by killing the sandbox.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use sim_core::scenario::Actual;

const MARK: &str = "\u{1e}NETSIM-END";

/// Time limits for kernel runs.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// How long one command may run (`--command-timeout`).
    pub command: Duration,
    /// How long one scenario may run (`--run-timeout`).
    pub run: Duration,
}

/// Why the kernel backend cannot run here, if it cannot.
pub fn unavailable() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let uid = status
        .lines()
        .find(|l| l.starts_with("Uid:"))
        .and_then(|l| l.split_whitespace().nth(2))
        .unwrap_or("");
    if uid != "0" {
        return Some(
            "netsim: the kernel backend needs root (it creates namespaces with unshare)".into(),
        );
    }
    let ok = Command::new("unshare")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    if !ok.is_ok_and(|s| s.success()) {
        return Some("netsim: the kernel backend needs unshare (util-linux)".into());
    }
    None
}

/// The sandbox's set-up, run as PID 1 before the first command. Exits 90 if a mount fails.
const SETUP: &str = r#"set +e
export NETSIM_ST=0
exec 2>&1
# Every host mount read-only in this mount namespace (private: the host sees nothing of it).
while read -r _ m _; do
  m=$(printf '%b' "$m")
  case "$m" in /proc|/proc/*|/sys|/sys/*|/dev/pts|/dev/pts/*) continue;; esac
  mount -o remount,bind,ro "$m" 2>/dev/null
done < /proc/self/mounts
if touch /.netsim-rw-check 2>/dev/null; then rm -f /.netsim-rw-check; echo "the host's / is still writable"; exit 90; fi
mount -t tmpfs -o mode=1777 netsim-tmp /tmp || exit 90
mount -t tmpfs -o mode=755 netsim-run /run || exit 90
if [ ! -L /var/run ]; then mount -t tmpfs -o mode=755 netsim-varrun /var/run || exit 90; fi
if [ -d /dev/shm ]; then mount -t tmpfs -o mode=1777 netsim-shm /dev/shm || exit 90; fi
mkdir -p /run/netns /run/lock || exit 90
mount -t sysfs sysfs /sys || exit 90
mount -t proc proc /proc || exit 90
mount --bind /proc/sys /proc/sys && mount --bind /proc/sys/net /proc/sys/net && mount -o remount,bind,ro /proc/sys || exit 90
ip link set lo up
mkdir /tmp/netsim && cd /tmp/netsim || exit 90
# A background command (`nc -l ... &`) is ready when it first waits (state S: a listener in
# accept or recv, a ping between probes), not a fixed time after it started, which on a
# loaded machine may be before it bound its port. At least 0.3 s, at most 3 s.
netsim_settle() {
  sleep 0.3
  for _ in $(seq 27); do
    st=$(cut -d')' -f2 "/proc/$1/stat" 2>/dev/null | cut -d' ' -f2)
    case "$st" in S|T|Z|'') return;; esac
    sleep 0.1
  done
}
"#;

/// The script text that runs command `i` and prints its end marker.
fn chunk(i: usize, command: &str) -> String {
    let trimmed = command.trim_end();
    let (body, bg) = match trimmed.strip_suffix('&') {
        Some(b) if !b.ends_with('&') => (b.trim_end().to_string(), true),
        _ => (trimmed.to_string(), false),
    };
    // Each command runs in its own `bash -c`, as the simulator's messages assume; one
    // that reads `$?` first sets it to the previous command's status, as a shell would.
    let body = if body.contains("$?") {
        format!("(exit $NETSIM_ST); {body}")
    } else {
        body
    };
    let quoted = format!("'{}'", body.replace('\'', "'\\''"));
    if bg {
        format!(
            "bash -c {quoted} </dev/null >/dev/null 2>&1 &\nnetsim_settle $!\nprintf '{MARK} 0 {i}\\n'\n"
        )
    } else {
        format!(
            "bash -c {quoted} </dev/null 2>&1\nexport NETSIM_ST=$?\nprintf '\\n{MARK} %d {i}\\n' $NETSIM_ST\n"
        )
    }
}

/// What the watchdog watches: the deadlines, and why it killed the sandbox.
#[derive(Debug, Default)]
struct Watch {
    run_deadline: Option<Instant>,
    command_deadline: Option<(Instant, String)>,
    fired: Option<String>,
    done: bool,
}

/// One scenario running in a sandbox.
#[derive(Debug)]
pub struct KernelRun {
    child: Arc<Mutex<Child>>,
    stdin: Option<ChildStdin>,
    stdout: BufReader<ChildStdout>,
    watch: Arc<(Mutex<Watch>, Condvar)>,
    watchdog: Option<std::thread::JoinHandle<()>>,
    limits: Limits,
    next: usize,
    failed: bool,
}

impl KernelRun {
    /// Start a sandbox and wait until it is set up.
    pub fn start(limits: Limits) -> Result<KernelRun, String> {
        if let Some(e) = unavailable() {
            return Err(e);
        }
        // `setpriv --pdeathsig KILL`: if netsim itself dies (even by SIGKILL), unshare dies
        // too, and with `--kill-child` so does the whole sandbox. The death signal is tied to
        // the thread that spawns, so this must be called from a thread that outlives the run.
        let sandbox = [
            "unshare",
            "--mount",
            "--net",
            "--pid",
            "--uts",
            "--ipc",
            "--fork",
            "--kill-child",
            "--propagation",
            "private",
            "bash",
            "-s",
        ];
        let has_setpriv = Command::new("setpriv")
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        let mut cmd = if has_setpriv {
            let mut c = Command::new("setpriv");
            c.args(["--pdeathsig", "KILL"]).args(sandbox);
            c
        } else {
            let mut c = Command::new(sandbox[0]);
            c.args(&sandbox[1..]);
            c
        };
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("netsim: cannot start unshare: {e}"))?;
        let stdin = child.stdin.take().ok_or("netsim: no stdin")?;
        let stdout = BufReader::new(child.stdout.take().ok_or("netsim: no stdout")?);
        let child = Arc::new(Mutex::new(child));
        let watch = Arc::new((
            Mutex::new(Watch {
                run_deadline: Some(Instant::now() + limits.run),
                ..Watch::default()
            }),
            Condvar::new(),
        ));
        let watchdog = {
            let (child, watch) = (child.clone(), watch.clone());
            std::thread::spawn(move || watchdog(&child, &watch, limits))
        };
        let mut run = KernelRun {
            child,
            stdin: Some(stdin),
            stdout,
            watch,
            watchdog: Some(watchdog),
            limits,
            next: 0,
            failed: false,
        };
        run.send(&format!("{SETUP}printf '{MARK} ready\\n'\n"))?;
        let mut noise = String::new();
        loop {
            match run.read_line()? {
                None => {
                    run.failed = true;
                    return Err(format!(
                        "netsim: could not set up the kernel sandbox: {}",
                        noise.trim_end()
                    ));
                }
                Some(l) if l.starts_with(MARK) => break,
                Some(l) => noise.push_str(&l),
            }
        }
        Ok(run)
    }

    fn send(&mut self, text: &str) -> Result<(), String> {
        let r = match self.stdin.as_mut() {
            Some(s) => s.write_all(text.as_bytes()).and_then(|()| s.flush()),
            None => return Err("netsim: the kernel run is finished".into()),
        };
        r.map_err(|e| self.why_stopped(&format!("writing to the sandbox: {e}")))
    }

    /// One line of the sandbox's output (lossy UTF-8), or `None` at the end.
    fn read_line(&mut self) -> Result<Option<String>, String> {
        let mut buf = Vec::new();
        match self.stdout.read_until(b'\n', &mut buf) {
            Ok(0) => Ok(None),
            Ok(_) => Ok(Some(String::from_utf8_lossy(&buf).into_owned())),
            Err(e) => Err(self.why_stopped(&format!("reading from the sandbox: {e}"))),
        }
    }

    /// The watchdog's reason if it killed the sandbox, else `fallback`.
    fn why_stopped(&self, fallback: &str) -> String {
        let w = self.watch.0.lock().unwrap_or_else(|e| e.into_inner());
        match &w.fired {
            Some(why) => why.clone(),
            None => format!("netsim: the kernel run stopped: {fallback}"),
        }
    }

    /// Run one command and return what it printed and its status.
    pub fn step(&mut self, command: &str) -> Result<Actual, String> {
        if self.failed {
            return Err("netsim: the kernel run already stopped".into());
        }
        let i = self.next;
        self.next += 1;
        {
            let (m, cv) = &*self.watch;
            let mut w = m.lock().unwrap_or_else(|e| e.into_inner());
            w.command_deadline = Some((Instant::now() + self.limits.command, command.to_string()));
            cv.notify_all();
        }
        let r = self.step_inner(i, command);
        {
            let mut w = self.watch.0.lock().unwrap_or_else(|e| e.into_inner());
            w.command_deadline = None;
        }
        if r.is_err() {
            self.failed = true;
            self.kill();
        }
        r
    }

    fn step_inner(&mut self, i: usize, command: &str) -> Result<Actual, String> {
        self.send(&chunk(i, command))?;
        let mut output = String::new();
        loop {
            let Some(line) = self.read_line()? else {
                return Err(self.why_stopped(&format!(
                    "the sandbox ended before command {} ({command}) finished",
                    i + 1
                )));
            };
            if let Some(rest) = line.strip_prefix(MARK) {
                let status: i32 = rest
                    .split_whitespace()
                    .next()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(-1);
                // The marker is preceded by a newline we added; drop it (only it).
                if output.ends_with('\n') {
                    output.pop();
                    if !output.is_empty() && !output.ends_with('\n') {
                        output.push('\n');
                    }
                }
                return Ok(Actual {
                    command: command.to_string(),
                    output,
                    status,
                });
            }
            output.push_str(&line);
        }
    }

    fn kill(&self) {
        let mut c = self.child.lock().unwrap_or_else(|e| e.into_inner());
        let _ = c.kill();
        let _ = c.wait();
    }

    /// End the run: the sandbox's PID 1 reaches the end of its script and everything in it dies.
    pub fn finish(mut self) -> Result<(), String> {
        drop(self.stdin.take());
        let mut rest = Vec::new();
        let _ = std::io::Read::read_to_end(&mut self.stdout, &mut rest);
        let status = {
            let mut c = self.child.lock().unwrap_or_else(|e| e.into_inner());
            c.wait()
        };
        match status {
            Ok(_) => Ok(()),
            Err(e) => Err(format!("netsim: waiting for the sandbox: {e}")),
        }
    }
}

impl Drop for KernelRun {
    fn drop(&mut self) {
        drop(self.stdin.take());
        {
            let (m, cv) = &*self.watch;
            let mut w = m.lock().unwrap_or_else(|e| e.into_inner());
            w.done = true;
            cv.notify_all();
        }
        if let Some(h) = self.watchdog.take() {
            let _ = h.join();
        }
        // A run dropped before `finish` (an error, a panic): kill the sandbox.
        let mut c = self.child.lock().unwrap_or_else(|e| e.into_inner());
        if !matches!(c.try_wait(), Ok(Some(_))) {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

fn secs(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{s:.0} s")
    } else {
        format!("{s} s")
    }
}

/// Kill the sandbox when a deadline passes, recording why.
fn watchdog(child: &Mutex<Child>, watch: &(Mutex<Watch>, Condvar), limits: Limits) {
    let (m, cv) = watch;
    let mut w = m.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        if w.done || w.fired.is_some() {
            return;
        }
        let now = Instant::now();
        let mut why = None;
        if let Some((d, cmd)) = &w.command_deadline {
            if now >= *d {
                why = Some(format!(
                    "netsim: `{cmd}` did not finish within the command time limit of {} on the kernel; the run was stopped (--command-timeout SECS raises the limit)",
                    secs(limits.command)
                ));
            }
        }
        if why.is_none() && w.run_deadline.is_some_and(|d| now >= d) {
            why = Some(format!(
                "netsim: the kernel run took longer than the run time limit of {}; it was stopped (--run-timeout SECS raises the limit)",
                secs(limits.run)
            ));
        }
        if let Some(why) = why {
            w.fired = Some(why);
            drop(w);
            let mut c = child.lock().unwrap_or_else(|e| e.into_inner());
            let _ = c.kill();
            return;
        }
        let next = [w.command_deadline.as_ref().map(|(d, _)| *d), w.run_deadline]
            .into_iter()
            .flatten()
            .min();
        let wait = next.map_or(Duration::from_secs(3600), |d| {
            d.saturating_duration_since(now)
        });
        w = cv
            .wait_timeout(w, wait)
            .unwrap_or_else(|e| e.into_inner())
            .0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_quote_and_background() {
        assert_eq!(
            chunk(3, "echo 'a b'"),
            format!(
                "bash -c 'echo '\\''a b'\\''' </dev/null 2>&1\nexport NETSIM_ST=$?\nprintf '\\n{MARK} %d 3\\n' $NETSIM_ST\n"
            )
        );
        assert!(
            chunk(0, "sleep 9 &").starts_with("bash -c 'sleep 9' </dev/null >/dev/null 2>&1 &\n")
        );
        assert!(chunk(0, "a && b").starts_with("bash -c 'a && b' </dev/null 2>&1\n"));
    }

    #[test]
    fn seconds_read_naturally() {
        assert_eq!(secs(Duration::from_secs(60)), "60 s");
        assert_eq!(secs(Duration::from_millis(1500)), "1.5 s");
    }
}

//! The real-kernel backend: runs a scenario with the real tools inside a fresh mount and
//! network namespace (and PID namespace, so every process dies with the run), with its own
//! tmpfs on /run/netns. The host's own network is never touched.

use std::io::Write;
use std::process::{Command, Stdio};

use sim_core::scenario::Actual;

use crate::backend::Backend;

const MARK: &str = "\u{1e}NETSIM-END";

/// Runs scenarios on the real kernel in a sandbox.
#[derive(Debug)]
pub struct KernelBackend {}

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

impl KernelBackend {
    pub fn new() -> Result<KernelBackend, String> {
        match unavailable() {
            Some(e) => Err(e),
            None => Ok(KernelBackend {}),
        }
    }
}

/// The driver script run as PID 1 of the sandbox.
fn driver(commands: &[String]) -> String {
    let mut s = String::from(
        "set +e\nexport NETSIM_ST=0\nexec 2>&1\nmkdir -p /run/netns\nmount -t tmpfs netsim /run/netns || exit 90\nmount -t sysfs sysfs /sys || exit 91\nip link set lo up\n",
    );
    // Files a scenario writes (`> rules.v4`) go to a fresh scratch directory, removed at
    // the end (the sandbox's /tmp is the host's).
    s.push_str("NETSIM_SCRATCH=$(mktemp -d /tmp/netsim.XXXXXXXX) || exit 92\ncd \"$NETSIM_SCRATCH\" || exit 92\n");
    for (i, c) in commands.iter().enumerate() {
        let trimmed = c.trim_end();
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
            s.push_str(&format!("bash -c {quoted} </dev/null >/dev/null 2>&1 &\nsleep 0.3\nprintf '{MARK} 0 {i}\\n'\n"));
        } else {
            s.push_str(&format!(
                "bash -c {quoted} </dev/null 2>&1\nexport NETSIM_ST=$?\nprintf '\\n{MARK} %d {i}\\n' $NETSIM_ST\n"
            ));
        }
    }
    s.push_str("cd / && rm -rf \"$NETSIM_SCRATCH\"\n");
    s
}

impl Backend for KernelBackend {
    fn run(&mut self, commands: &[String]) -> Result<Vec<Actual>, String> {
        let script = driver(commands);
        // `setpriv --pdeathsig KILL`: if netsim itself is killed, unshare dies too, and with
        // `--kill-child` so does the whole sandbox (else it would run its script to the end).
        let sandbox = [
            "unshare",
            "--mount",
            "--net",
            "--pid",
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
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("netsim: cannot start unshare: {e}"))?;
        // Feed the script from another thread: a long scenario fills the output pipe before
        // bash has read all of its input, and writing both from here would deadlock.
        let mut stdin = child.stdin.take().ok_or("netsim: no stdin")?;
        let writer = std::thread::spawn(move || stdin.write_all(script.as_bytes()));
        let out = child
            .wait_with_output()
            .map_err(|e| format!("netsim: {e}"))?;
        match writer.join() {
            Ok(Ok(())) => {}
            Ok(Err(e)) => return Err(format!("netsim: writing the script to the sandbox: {e}")),
            Err(_) => return Err("netsim: the thread feeding the sandbox panicked".into()),
        }
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        if matches!(out.status.code(), Some(90..=92)) {
            return Err(format!(
                "netsim: could not set up the kernel sandbox: {text}{}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        let mut res = Vec::new();
        let mut rest = text.as_str();
        for (i, c) in commands.iter().enumerate() {
            let Some(pos) = rest.find(MARK) else {
                return Err(format!(
                    "netsim: the kernel run stopped before command {} ({c})",
                    i + 1
                ));
            };
            let mut output = rest[..pos].to_string();
            // The marker is preceded by a newline we added; drop it (only it).
            if output.ends_with('\n') {
                output.pop();
                if !output.is_empty() && !output.ends_with('\n') {
                    output.push('\n');
                }
            }
            let after = &rest[pos + MARK.len()..];
            let line_end = after.find('\n').unwrap_or(after.len());
            let status: i32 = after[..line_end]
                .split_whitespace()
                .next()
                .and_then(|s| s.parse().ok())
                .unwrap_or(-1);
            rest = &after[(line_end + 1).min(after.len())..];
            res.push(Actual {
                command: c.clone(),
                output,
                status,
            });
        }
        Ok(res)
    }
}

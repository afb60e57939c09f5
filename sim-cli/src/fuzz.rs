//! `netsim fuzz`: run generated command lines through the simulator and report panics,
//! hangs and memory blow-ups, each with the lines that reproduce it.
//!
//! The lines come from [`sim_core::testing::grammar`] (the tools' option tables, mutated).
//! They are grouped in *sessions*: a session is one fresh `Sim` running 1 to 48 lines, and
//! its lines are a pure function of `(seed, session)`, so a finding is replayed from those
//! two numbers (`netsim fuzz --seed S --show SESSION` prints them).
//!
//! The parent process hands chunks of sessions to worker processes (`--jobs`), which are
//! this same binary with `--worker`. In a worker:
//! * every line runs under `catch_unwind`; a panic ends the session and is reported;
//! * a watchdog thread samples the running line's CPU time (the thread's utime + stime from
//!   `/proc`) every 10 ms: over `--hang-ms` (1 s) it is a hang, reported when the line ends;
//!   a line still running after `--kill-after-ms` is reported and the worker exits;
//! * the same watchdog reads the process's peak RSS (`VmHWM`); over `--mem-mib` (1 GiB) it
//!   reports the running line and exits.
//!
//! A worker that dies without a report (abort, stack overflow) is detected by the parent,
//! which replays that session alone with a line-by-line trace to name the line. Panics are
//! then shrunk in-process (earlier lines dropped one at a time while the same panic
//! persists) into a minimal reproducer.
//!
//! Test hook: `NETSIM_FUZZ_INJECT=KIND@LINE` (KIND: panic, spin, hang, mem, abort; LINE: a
//! global line number) makes the worker misbehave at that line instead of running it, so
//! the harness's own tests can prove each kind of finding is caught.

use std::collections::{BTreeMap, VecDeque};
use std::io::{BufRead, BufReader, IsTerminal, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::{Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use sim_core::model::Limits;
use sim_core::testing::grammar;
use sim_core::{Sim, SimConfig};

/// Exit status of a worker that stopped itself after reporting a finding.
const WATCHDOG_EXIT: i32 = 86;

/// Options of `netsim fuzz`.
#[derive(clap::Args, Debug, Clone)]
pub struct FuzzOpts {
    /// How many generated lines to run in all.
    #[arg(long, default_value_t = 1_000_000)]
    lines: u64,
    /// The generator's seed.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Worker processes running at once.
    #[arg(long, default_value_t = 1)]
    jobs: usize,
    /// A line using more CPU than this is a hang (milliseconds).
    #[arg(long, default_value_t = 1000)]
    hang_ms: u64,
    /// A hanging line still running after this much CPU is killed (milliseconds).
    #[arg(long, default_value_t = 10_000)]
    kill_after_ms: u64,
    /// Peak resident memory of a worker over this is a finding (MiB).
    #[arg(long, default_value_t = 1024)]
    mem_mib: u64,
    /// Per-session limits, modest so that no line can legitimately run for long.
    #[arg(long, default_value_t = 64)]
    max_netns: usize,
    #[arg(long, default_value_t = 256)]
    max_devices: usize,
    #[arg(long, default_value_t = 20_000)]
    max_frames: u64,
    /// Virtual seconds (a day).
    #[arg(long, default_value_t = 86_400)]
    max_time: u64,
    #[arg(long, default_value_t = 200)]
    max_nesting: usize,
    #[arg(long, default_value_t = 100_000)]
    max_rules: usize,
    /// Bytes in one of the scenario's files (16 MiB).
    #[arg(long, default_value_t = 16 << 20)]
    max_file_bytes: usize,
    /// Sessions per worker process.
    #[arg(long, default_value_t = 500)]
    chunk: u64,
    /// Print the lines of one session and exit (a script `netsim run` replays).
    #[arg(long, value_name = "SESSION")]
    show: Option<u64>,
    /// Internal: run as a worker over sessions FROM..TO.
    #[arg(long, hide = true)]
    worker: Option<String>,
    /// Internal: announce every line before running it (used to locate crashes).
    #[arg(long, hide = true)]
    trace_lines: bool,
}

impl FuzzOpts {
    fn config(&self, session: u64) -> SimConfig {
        SimConfig {
            seed: session,
            limits: Limits {
                max_netns: self.max_netns,
                max_devices: self.max_devices,
                max_frames: self.max_frames,
                max_time_s: self.max_time,
                max_nesting: self.max_nesting,
                max_rules: self.max_rules,
                max_file_bytes: self.max_file_bytes,
            },
            trace: false,
        }
    }

    /// The arguments a worker is started with (everything but the worker's range).
    fn worker_args(&self) -> Vec<String> {
        let mut a = vec!["fuzz".to_string()];
        for (k, v) in [
            ("--lines", self.lines),
            ("--seed", self.seed),
            ("--hang-ms", self.hang_ms),
            ("--kill-after-ms", self.kill_after_ms),
            ("--mem-mib", self.mem_mib),
            ("--max-netns", self.max_netns as u64),
            ("--max-devices", self.max_devices as u64),
            ("--max-frames", self.max_frames),
            ("--max-time", self.max_time),
            ("--max-nesting", self.max_nesting as u64),
            ("--max-rules", self.max_rules as u64),
            ("--max-file-bytes", self.max_file_bytes as u64),
        ] {
            a.push(k.to_string());
            a.push(v.to_string());
        }
        a
    }
}

pub fn run(o: &FuzzOpts) -> ExitCode {
    if let Some(s) = o.show {
        for l in grammar::session(o.seed, s) {
            println!("{l}");
        }
        return ExitCode::SUCCESS;
    }
    if let Some(range) = &o.worker {
        let Some((a, b)) = range
            .split_once("..")
            .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)))
        else {
            eprintln!("netsim fuzz: --worker takes FROM..TO");
            return ExitCode::from(2);
        };
        return ExitCode::from(worker(o, a, b) as u8);
    }
    parent(o)
}

// ------------------------------------------------------------------------ sessions

/// The sessions covering `lines` lines: the global line number each starts at.
fn session_starts(seed: u64, lines: u64) -> Vec<u64> {
    let mut starts = Vec::new();
    let mut total = 0u64;
    let mut k = 0;
    while total < lines {
        starts.push(total);
        total += grammar::session_len(seed, k) as u64;
        k += 1;
    }
    starts
}

/// The lines of a session, cut at the run's last line.
fn session_lines(o: &FuzzOpts, starts: &[u64], k: u64) -> Vec<String> {
    let mut l = grammar::session(o.seed, k);
    let start = starts[k as usize];
    l.truncate((o.lines - start).min(l.len() as u64) as usize);
    l
}

// ------------------------------------------------------------------------ measuring

/// CPU time (user + system) of a thread of this process, in milliseconds.
fn thread_cpu_ms(tid: u32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/self/task/{tid}/stat")).ok()?;
    cpu_ms_of_stat(&s)
}

/// utime + stime from a `/proc/.../stat` line, in milliseconds (clock ticks of 10 ms, the
/// USER_HZ of every Linux architecture this runs on).
fn cpu_ms_of_stat(s: &str) -> Option<u64> {
    let rest = &s[s.rfind(')')? + 1..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = f.get(11)?.parse().ok()?;
    let stime: u64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) * 10)
}

/// The calling thread's id.
fn current_tid() -> Option<u32> {
    let p = std::fs::read_link("/proc/thread-self").ok()?;
    p.file_name()?.to_str()?.parse().ok()
}

/// A field of `/proc/self/status` in KiB (`VmHWM`, `VmRSS`).
fn status_kib(field: &str) -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    line[field.len() + 1..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

/// A message on one line, for the worker protocol.
fn one_line(s: &str) -> String {
    s.replace('\\', "\\\\").replace('\n', "\\n")
}

fn unescape(s: &str) -> String {
    let mut o = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('n') => o.push('\n'),
                Some(x) => o.push(x),
                None => {}
            }
        } else {
            o.push(c);
        }
    }
    o
}

// ------------------------------------------------------------------------ worker

/// What the watchdog and the running line share.
#[derive(Debug, Default)]
struct Shared {
    /// Increments at the start of every line.
    seq: AtomicU64,
    running: AtomicBool,
    session: AtomicU64,
    line: AtomicU64,
    /// The running line's CPU time when the watchdog first saw it.
    cpu0: AtomicU64,
    /// `seq` of a line found using more CPU than allowed.
    hung: AtomicU64,
}

/// The message of the last panic, recorded by the worker's hook.
static PANIC_MSG: Mutex<String> = Mutex::new(String::new());

fn install_quiet_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let msg = if let Some(s) = info.payload().downcast_ref::<&str>() {
            s.to_string()
        } else if let Some(s) = info.payload().downcast_ref::<String>() {
            s.clone()
        } else {
            "(non-string payload)".to_string()
        };
        let loc = info
            .location()
            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
            .unwrap_or_default();
        if let Ok(mut m) = PANIC_MSG.lock() {
            *m = format!("panicked at {loc}: {msg}");
        }
    }));
}

fn emit(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

/// An injected fault, for the harness's own tests.
fn injected() -> Option<(String, u64)> {
    let v = std::env::var("NETSIM_FUZZ_INJECT").ok()?;
    let (kind, at) = v.split_once('@')?;
    Some((kind.to_string(), at.parse().ok()?))
}

fn misbehave(kind: &str, tid: u32) {
    match kind {
        "panic" => panic!("injected panic"),
        "abort" => std::process::abort(),
        "mem" => {
            let v = vec![1u8; 1200 << 20];
            loop {
                std::thread::sleep(Duration::from_millis(50));
                std::hint::black_box(&v);
            }
        }
        "spin" | "hang" => {
            let start = thread_cpu_ms(tid).unwrap_or(0);
            let mut x = 0u64;
            loop {
                for _ in 0..1_000_000 {
                    x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(7));
                }
                let used = thread_cpu_ms(tid).unwrap_or(0).saturating_sub(start);
                if kind == "spin" && used > 2000 {
                    return;
                }
            }
        }
        _ => {}
    }
}

/// Run sessions `from..to`; report on stdout. Returns the exit status.
fn worker(o: &FuzzOpts, from: u64, to: u64) -> i32 {
    install_quiet_panic_hook();
    let starts = session_starts(o.seed, o.lines);
    let to = to.min(starts.len() as u64);
    let tid = current_tid().unwrap_or(std::process::id());
    let shared = Arc::new(Shared::default());
    spawn_watchdog(
        Arc::clone(&shared),
        tid,
        o.hang_ms,
        o.kill_after_ms,
        o.mem_mib << 10,
    );
    let inject = injected();
    for k in from..to {
        let lines = session_lines(o, &starts, k);
        emit(&format!("S {k}"));
        let mut sim = Sim::new(o.config(k));
        let mut ran = 0;
        let mut slowest = (0u128, 0usize);
        for (i, line) in lines.iter().enumerate() {
            if o.trace_lines {
                emit(&format!("L {k} {i}"));
            }
            let global = starts[k as usize] + i as u64;
            shared.session.store(k, Ordering::SeqCst);
            shared.line.store(i as u64, Ordering::SeqCst);
            let seq = shared.seq.fetch_add(1, Ordering::SeqCst) + 1;
            shared.running.store(true, Ordering::SeqCst);
            let t0 = Instant::now();
            let r = catch_unwind(AssertUnwindSafe(|| {
                if let Some((kind, at)) = &inject {
                    if *at == global {
                        misbehave(kind, tid);
                        return;
                    }
                }
                let _ = sim.run_line(line);
            }));
            shared.running.store(false, Ordering::SeqCst);
            let wall = t0.elapsed().as_micros();
            ran += 1;
            if wall > slowest.0 {
                slowest = (wall, i);
            }
            if r.is_err() {
                let msg = PANIC_MSG.lock().map(|m| m.clone()).unwrap_or_default();
                emit(&format!("F panic {k} {i} 0 {}", one_line(&msg)));
                break;
            }
            if shared.hung.load(Ordering::SeqCst) == seq {
                let cpu = thread_cpu_ms(tid)
                    .unwrap_or(0)
                    .saturating_sub(shared.cpu0.load(Ordering::SeqCst));
                emit(&format!(
                    "F hang {k} {i} {cpu} used {cpu} ms of CPU (over {} ms)",
                    o.hang_ms
                ));
                break;
            }
        }
        emit(&format!("E {k} {ran} {} {}", slowest.0, slowest.1));
    }
    emit(&format!("X {}", status_kib("VmHWM").unwrap_or(0)));
    0
}

fn spawn_watchdog(shared: Arc<Shared>, tid: u32, hang_ms: u64, kill_ms: u64, mem_kib: u64) {
    std::thread::spawn(move || {
        let mut last_seq = u64::MAX;
        loop {
            std::thread::sleep(Duration::from_millis(10));
            let seq = shared.seq.load(Ordering::SeqCst);
            let running = shared.running.load(Ordering::SeqCst);
            let where_ = || {
                (
                    shared.session.load(Ordering::SeqCst),
                    shared.line.load(Ordering::SeqCst),
                )
            };
            if let Some(hwm) = status_kib("VmHWM") {
                if hwm > mem_kib {
                    let (k, i) = where_();
                    emit(&format!(
                        "F over-memory {k} {i} 0 peak RSS {} MiB (over {} MiB), during this line or the one before",
                        hwm >> 10,
                        mem_kib >> 10
                    ));
                    std::process::exit(WATCHDOG_EXIT);
                }
            }
            if !running {
                continue;
            }
            let Some(cpu) = thread_cpu_ms(tid) else {
                continue;
            };
            if seq != last_seq {
                last_seq = seq;
                shared.cpu0.store(cpu, Ordering::SeqCst);
                continue;
            }
            let used = cpu.saturating_sub(shared.cpu0.load(Ordering::SeqCst));
            if used > hang_ms {
                shared.hung.store(seq, Ordering::SeqCst);
            }
            if used > kill_ms {
                let (k, i) = where_();
                emit(&format!(
                    "F hang {k} {i} {used} still running after {used} ms of CPU; killed"
                ));
                std::process::exit(WATCHDOG_EXIT);
            }
        }
    });
}

// ------------------------------------------------------------------------ parent

/// One finding as a worker reported it.
#[derive(Debug, Clone)]
struct Finding {
    kind: String,
    session: u64,
    line: usize,
    msg: String,
}

#[derive(Debug)]
enum Msg {
    Line(usize, String),
    Exit(usize, Option<i32>, String),
}

/// A worker process and where it is.
#[derive(Debug)]
struct Running {
    to: u64,
    /// The first session not yet finished.
    next: u64,
    current: Option<u64>,
    reported: bool,
}

fn spawn_worker(
    o: &FuzzOpts,
    id: usize,
    from: u64,
    to: u64,
    tx: mpsc::Sender<Msg>,
) -> std::io::Result<()> {
    let exe = std::env::current_exe()?;
    let mut c = Command::new(exe)
        .args(o.worker_args())
        .arg("--worker")
        .arg(format!("{from}..{to}"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let stdout = c.stdout.take().expect("piped stdout");
    let mut stderr = c.stderr.take().expect("piped stderr");
    std::thread::spawn(move || {
        for l in BufReader::new(stdout).lines() {
            let Ok(l) = l else { break };
            if tx.send(Msg::Line(id, l)).is_err() {
                return;
            }
        }
        let mut err = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut err);
        let status = c.wait().ok().and_then(exit_code);
        let tail: String = err
            .chars()
            .rev()
            .take(2000)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let _ = tx.send(Msg::Exit(id, status, tail));
    });
    Ok(())
}

/// Replay one session in a worker that announces each line; the last line announced
/// before it died is the culprit.
fn locate_crash(o: &FuzzOpts, k: u64) -> (usize, String) {
    let Ok(exe) = std::env::current_exe() else {
        return (0, "crash (could not replay)".into());
    };
    let out = Command::new(exe)
        .args(o.worker_args())
        .arg("--worker")
        .arg(format!("{k}..{}", k + 1))
        .arg("--trace-lines")
        .stdin(Stdio::null())
        .output();
    let Ok(out) = out else {
        return (0, "crash (could not replay)".into());
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .filter_map(|l| l.strip_prefix("L "))
        .filter_map(|l| l.split(' ').nth(1)?.parse().ok())
        .next_back()
        .unwrap_or(0);
    let err = String::from_utf8_lossy(&out.stderr);
    let why = err
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string();
    (line, crash_message(exit_code(out.status), &why))
}

/// The exit code, or minus the signal that killed the process.
fn exit_code(s: std::process::ExitStatus) -> Option<i32> {
    use std::os::unix::process::ExitStatusExt;
    s.code().or_else(|| s.signal().map(|sig| -sig))
}

fn crash_message(code: Option<i32>, stderr_last: &str) -> String {
    let status = match code {
        Some(c) if c < 0 => format!("killed by signal {}", -c),
        Some(c) => format!("exit status {c}"),
        None => "killed by a signal".to_string(),
    };
    format!("crash ({status}): {}", stderr_last.trim())
}

fn parent(o: &FuzzOpts) -> ExitCode {
    let started = Instant::now();
    let starts = session_starts(o.seed, o.lines);
    let n_sessions = starts.len() as u64;
    let mut queue: VecDeque<(u64, u64)> = VecDeque::new();
    let mut k = 0;
    while k < n_sessions {
        let to = (k + o.chunk.max(1)).min(n_sessions);
        queue.push_back((k, to));
        k = to;
    }
    let (tx, rx) = mpsc::channel();
    let mut running: BTreeMap<usize, Running> = BTreeMap::new();
    let mut next_id = 0;
    let mut lines_done = 0u64;
    let mut findings: Vec<Finding> = Vec::new();
    let mut slowest = (0u128, 0u64, 0usize);
    let mut peak_kib = 0u64;
    let mut progress = crate::progress::Progress::new(true);
    let plain_progress = !std::io::stderr().is_terminal();
    let mut last_plain = Instant::now();
    eprintln!(
        "netsim fuzz: seed {}, {} lines in {} sessions, {} job(s)",
        o.seed,
        o.lines,
        n_sessions,
        o.jobs.max(1)
    );
    loop {
        while running.len() < o.jobs.max(1) {
            let Some((from, to)) = queue.pop_front() else {
                break;
            };
            if let Err(e) = spawn_worker(o, next_id, from, to, tx.clone()) {
                eprintln!("netsim fuzz: cannot start a worker: {e}");
                return ExitCode::from(2);
            }
            running.insert(
                next_id,
                Running {
                    to,
                    next: from,
                    current: None,
                    reported: false,
                },
            );
            next_id += 1;
        }
        if running.is_empty() {
            break;
        }
        let Ok(msg) = rx.recv() else { break };
        match msg {
            Msg::Line(id, l) => {
                let Some(w) = running.get_mut(&id) else {
                    continue;
                };
                let mut f = l.splitn(6, ' ');
                match f.next() {
                    Some("S") => {
                        w.current = f.next().and_then(|x| x.parse().ok());
                        w.reported = false;
                    }
                    Some("E") => {
                        let n: u64 = f
                            .next()
                            .and_then(|_| f.next())
                            .and_then(|x| x.parse().ok())
                            .unwrap_or(0);
                        let us: u128 = f.next().and_then(|x| x.parse().ok()).unwrap_or(0);
                        let at: usize = f.next().and_then(|x| x.parse().ok()).unwrap_or(0);
                        lines_done += n;
                        if us > slowest.0 {
                            slowest = (us, w.current.unwrap_or(0), at);
                        }
                        if let Some(k) = w.current.take() {
                            w.next = k + 1;
                        }
                    }
                    Some("F") => {
                        let kind = f.next().unwrap_or("?").to_string();
                        let session = f.next().and_then(|x| x.parse().ok()).unwrap_or(0);
                        let line = f.next().and_then(|x| x.parse().ok()).unwrap_or(0);
                        let _cpu = f.next();
                        let msg = unescape(f.next().unwrap_or(""));
                        w.reported = true;
                        findings.push(Finding {
                            kind,
                            session,
                            line,
                            msg,
                        });
                    }
                    Some("X") => {
                        peak_kib = peak_kib.max(f.next().and_then(|x| x.parse().ok()).unwrap_or(0));
                    }
                    _ => {}
                }
            }
            Msg::Exit(id, status, stderr_tail) => {
                let Some(w) = running.remove(&id) else {
                    continue;
                };
                if let Some(k) = w.current {
                    // Died inside session k.
                    if w.reported {
                        let f = findings
                            .iter()
                            .rev()
                            .find(|f| f.session == k)
                            .map(|f| f.line)
                            .unwrap_or(0);
                        lines_done += f as u64 + 1;
                    } else {
                        progress.clear();
                        let (line, msg) = locate_crash(o, k);
                        let msg = if msg.ends_with(": ") || msg.ends_with(':') {
                            crash_message(status, stderr_tail.lines().last().unwrap_or(""))
                        } else {
                            msg
                        };
                        lines_done += line as u64 + 1;
                        findings.push(Finding {
                            kind: "panic".into(),
                            session: k,
                            line,
                            msg,
                        });
                    }
                    if k + 1 < w.to {
                        queue.push_front((k + 1, w.to));
                    }
                } else if status == Some(WATCHDOG_EXIT) {
                    // Stopped between two sessions (memory): go on after the last one.
                    if w.next < w.to {
                        queue.push_front((w.next, w.to));
                    }
                } else if status != Some(0) {
                    eprintln!("netsim fuzz: a worker failed ({status:?}): {stderr_tail}");
                    return ExitCode::from(2);
                }
            }
        }
        let msg = format!(
            "{lines_done}/{} lines, {} findings, {:.0} s",
            o.lines,
            findings.len(),
            started.elapsed().as_secs_f64()
        );
        if plain_progress {
            if last_plain.elapsed() > Duration::from_secs(60) {
                eprintln!("netsim fuzz: {msg}");
                last_plain = Instant::now();
            }
        } else {
            progress.show(&msg);
        }
    }
    progress.clear();
    let count = |k: &str| findings.iter().filter(|f| f.kind == k).count();
    let wall = started.elapsed().as_secs_f64();
    println!(
        "{lines_done} lines, {} panics, {} hangs, {} over-memory",
        count("panic"),
        count("hang"),
        count("over-memory")
    );
    println!(
        "seed {}, {n_sessions} sessions, {wall:.1} s wall, {:.0} lines/s, {} job(s); slowest line {:.1} ms wall (session {} line {}); peak RSS of a worker {} MiB",
        o.seed,
        lines_done as f64 / wall.max(1e-9),
        o.jobs.max(1),
        slowest.0 as f64 / 1000.0,
        slowest.1,
        slowest.2,
        peak_kib >> 10
    );
    report(o, &starts, &findings);
    if findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The key findings are grouped by: the panic's message, or the command of the line.
fn group_key(o: &FuzzOpts, starts: &[u64], f: &Finding) -> String {
    if f.kind == "panic" {
        return format!("panic: {}", f.msg);
    }
    let lines = session_lines(o, starts, f.session);
    let cmd: Vec<&str> = lines
        .get(f.line)
        .map(|l| l.split(' ').take(3).collect())
        .unwrap_or_default();
    format!("{}: {}", f.kind, cmd.join(" "))
}

fn report(o: &FuzzOpts, starts: &[u64], findings: &[Finding]) {
    let mut groups: BTreeMap<String, Vec<&Finding>> = BTreeMap::new();
    for f in findings {
        groups.entry(group_key(o, starts, f)).or_default().push(f);
    }
    for (key, fs) in groups {
        let f = fs[0];
        let lines = session_lines(o, starts, f.session);
        let prefix: Vec<String> = lines.iter().take(f.line + 1).cloned().collect();
        let repro = if f.kind == "panic" && !f.msg.starts_with("crash") {
            minimize(o, f.session, prefix, &f.msg)
        } else {
            prefix
        };
        println!();
        println!("FINDING {key}");
        println!(
            "  {} occurrence(s); first: seed {} session {} line {}: {}",
            fs.len(),
            o.seed,
            f.session,
            f.line,
            f.msg
        );
        println!(
            "  line: {}",
            shorten(lines.get(f.line).map_or("", String::as_str))
        );
        println!("  replay: netsim fuzz --seed {} --show {} | head -n {} > repro.sh; netsim run repro.sh", o.seed, f.session, f.line + 1);
        println!(
            "  reproducer ({} line(s), each in a fresh Sim with the fuzz limits):",
            repro.len()
        );
        for l in &repro {
            println!("    {}", shorten(l));
        }
    }
}

fn shorten(l: &str) -> String {
    if l.chars().count() <= 300 {
        l.to_string()
    } else {
        let head: String = l.chars().take(300).collect();
        format!("{head}... ({} characters)", l.chars().count())
    }
}

/// Run `lines` in a fresh Sim: the message of the panic they end with, if any.
fn panics_with(o: &FuzzOpts, session: u64, lines: &[String]) -> Option<String> {
    let mut sim = Sim::new(o.config(session));
    for l in lines {
        if catch_unwind(AssertUnwindSafe(|| sim.run_line(l))).is_err() {
            return Some(PANIC_MSG.lock().map(|m| m.clone()).unwrap_or_default());
        }
    }
    None
}

/// Drop earlier lines one at a time while the same panic persists.
fn minimize(o: &FuzzOpts, session: u64, mut lines: Vec<String>, msg: &str) -> Vec<String> {
    install_quiet_panic_hook();
    if panics_with(o, session, &lines).as_deref() != Some(msg) {
        return lines;
    }
    let mut i = 0;
    while i + 1 < lines.len() {
        let mut cand = lines.clone();
        cand.remove(i);
        if panics_with(o, session, &cand).as_deref() == Some(msg) {
            lines = cand;
        } else {
            i += 1;
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(lines: u64) -> FuzzOpts {
        FuzzOpts {
            lines,
            seed: 3,
            jobs: 1,
            hang_ms: 1000,
            kill_after_ms: 10_000,
            mem_mib: 1024,
            max_netns: 64,
            max_devices: 256,
            max_frames: 20_000,
            max_time: 86_400,
            max_nesting: 200,
            max_rules: 100_000,
            max_file_bytes: 16 << 20,
            chunk: 500,
            show: None,
            worker: None,
            trace_lines: false,
        }
    }

    #[test]
    fn sessions_cover_exactly_the_lines_asked_for() {
        let o = opts(1000);
        let starts = session_starts(o.seed, o.lines);
        let total: usize = (0..starts.len() as u64)
            .map(|k| session_lines(&o, &starts, k).len())
            .sum();
        assert_eq!(total, 1000);
        assert_eq!(starts[0], 0);
    }

    #[test]
    fn cpu_time_parses_from_proc_stat() {
        let s = "123 (a) b) R 1 2 3 4 5 6 7 8 9 10 250 30 0 0";
        assert_eq!(cpu_ms_of_stat(s), Some(2800));
        let tid = current_tid().expect("a tid");
        assert!(thread_cpu_ms(tid).is_some());
        assert!(status_kib("VmHWM").is_some_and(|k| k > 0));
    }

    #[test]
    fn protocol_messages_round_trip() {
        let m = "panicked at a.rs:1:2: x\ny \\ z";
        assert_eq!(unescape(&one_line(m)), m);
        assert!(!one_line(m).contains('\n'));
    }

    /// Lines that do not panic (in the same way) are given back unchanged, not shrunk to
    /// nothing. (Shrinking a real panic is exercised by `netsim fuzz` on the simulator's own
    /// panics; none is left to test it with here.)
    #[test]
    fn minimize_returns_the_input_when_it_does_not_panic() {
        let o = opts(10);
        let lines = vec!["ip link".to_string(), "ip addr".to_string()];
        assert_eq!(minimize(&o, 0, lines.clone(), "x"), lines);
    }
}

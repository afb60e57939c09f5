//! `netsim`: run, check and compare scenarios on the simulator or on the real kernel.
//!
//! Architecture invariant: all I/O lives here (files, processes, the terminal, the real
//! kernel); `sim-core` only ever sees command lines and returns text.

mod backend;
mod bench;
mod fuzz;
mod graph;
mod input;
mod kernel;
mod progress;
mod shell;
mod traced;
mod watchdog;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand, ValueEnum};
use sim_core::scenario::{self, Actual, Scenario};
use sim_core::{Sim, SimConfig};

use backend::{Backend, SimBackend};
use input::{Item, Lines, Stream};

/// The notes' walkthrough, replayed when `netsim run` is given no file.
const WALKTHROUGH: &str = include_str!("../../scenarios/notes/walkthrough.t");

#[derive(Parser, Debug)]
#[command(
    name = "netsim",
    version,
    about = "A deterministic Linux network simulator driven by ip, brctl, iptables and ping"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum BackendKind {
    Sim,
    Kernel,
}

#[derive(clap::Args, Debug, Clone)]
struct SimOpts {
    /// Seed for every random choice (MAC addresses, names, ids): 0 to 2^64-1.
    #[arg(long, default_value_t = 0, value_parser = parse_seed, allow_hyphen_values = true)]
    seed: u64,
    /// Maximum number of namespaces.
    #[arg(long)]
    max_netns: Option<usize>,
    /// Maximum number of devices.
    #[arg(long)]
    max_devices: Option<usize>,
    /// Maximum frames one command may move.
    #[arg(long)]
    max_frames: Option<u64>,
    /// Maximum virtual time, in seconds since the scenario started.
    #[arg(long)]
    max_time: Option<u64>,
    /// Maximum depth of commands running commands (ip netns exec ... ip netns exec ...).
    #[arg(long)]
    max_nesting: Option<usize>,
    /// Maximum number of iptables rules in one namespace.
    #[arg(long)]
    max_rules: Option<usize>,
    /// Maximum size of one in-memory file (`> FILE`), in bytes.
    #[arg(long)]
    max_file_bytes: Option<usize>,
    /// Longest wall time one simulated command may take, in seconds (a last guard: the
    /// simulator bounds its own work).
    #[arg(long, value_name = "SECS", default_value_t = 60.0, value_parser = parse_secs)]
    max_wall: f64,
    #[command(flatten)]
    input: InputOpts,
}

/// Size limits for reading scenarios.
#[derive(clap::Args, Debug, Clone)]
struct InputOpts {
    /// Longest line a scenario may have, in bytes.
    #[arg(long, value_name = "N", default_value_t = input::DEFAULT_MAX_LINE)]
    max_line_bytes: usize,
    /// Longest scenario, in bytes.
    #[arg(long, value_name = "N", default_value_t = input::DEFAULT_MAX_SCRIPT)]
    max_script_bytes: usize,
}

impl InputOpts {
    fn limits(&self) -> input::Limits {
        input::Limits {
            max_line: self.max_line_bytes,
            max_script: self.max_script_bytes,
        }
    }
}

/// Time limits of the real-kernel backend.
#[derive(clap::Args, Debug, Clone)]
struct KernelOpts {
    /// Longest time one command may take on the kernel, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 60.0, value_parser = parse_secs)]
    command_timeout: f64,
    /// Longest time one scenario may take on the kernel, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 600.0, value_parser = parse_secs)]
    run_timeout: f64,
}

impl KernelOpts {
    fn limits(&self) -> kernel::Limits {
        kernel::Limits {
            command: Duration::from_secs_f64(self.command_timeout),
            run: Duration::from_secs_f64(self.run_timeout),
        }
    }
}

fn parse_secs(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v > 0.0 && v.is_finite() && v < 1e9 => Ok(v),
        _ => Err(format!("expected a positive number of seconds, not `{s}`")),
    }
}

fn parse_seed(s: &str) -> Result<u64, String> {
    s.parse::<u64>()
        .map_err(|_| format!("a seed is a whole number from 0 to {}, not `{s}`", u64::MAX))
}

impl SimOpts {
    fn config(&self) -> SimConfig {
        watchdog::set_limit(self.max_wall);
        let mut c = SimConfig {
            seed: self.seed,
            ..Default::default()
        };
        if let Some(n) = self.max_netns {
            c.limits.max_netns = n;
        }
        if let Some(n) = self.max_devices {
            c.limits.max_devices = n;
        }
        if let Some(n) = self.max_frames {
            c.limits.max_frames = n;
        }
        if let Some(n) = self.max_time {
            c.limits.max_time_s = n;
        }
        if let Some(n) = self.max_nesting {
            c.limits.max_nesting = n;
        }
        if let Some(n) = self.max_rules {
            c.limits.max_rules = n;
        }
        if let Some(n) = self.max_file_bytes {
            c.limits.max_file_bytes = n;
        }
        c
    }
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum TraceFormat {
    Text,
    Json,
}

#[derive(clap::Args, Debug, Clone)]
struct TraceOpts {
    /// Print every step of every frame after each command's output.
    #[arg(long)]
    trace: bool,
    /// How to print the trace.
    #[arg(long, value_enum, default_value_t = TraceFormat::Text)]
    trace_format: TraceFormat,
    /// Write one pcap file per interface into DIR.
    #[arg(long, value_name = "DIR")]
    pcap: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// Run a scenario and print its transcript (`-` reads standard input; no file replays
    /// the notes' walkthrough).
    Run {
        file: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = BackendKind::Sim)]
        backend: BackendKind,
        #[command(flatten)]
        sim: SimOpts,
        #[command(flatten)]
        trace: TraceOpts,
        #[command(flatten)]
        kernel: KernelOpts,
    },
    /// Run a scenario and print, after each command, every step its frames took.
    Trace {
        file: Option<PathBuf>,
        #[command(flatten)]
        sim: SimOpts,
        #[arg(long, value_enum, default_value_t = TraceFormat::Text)]
        trace_format: TraceFormat,
    },
    /// Run a scenario and print, after each command whose frames were dropped, the step
    /// that dropped each one (the iptables rule or policy, the missing route, ...).
    ExplainDrop {
        file: PathBuf,
        #[command(flatten)]
        sim: SimOpts,
    },
    /// Run scenarios and compare with their expectations; print a diff and exit 1 on mismatch.
    Check {
        files: Vec<PathBuf>,
        /// Rewrite each file with the actual output.
        #[arg(long)]
        bless: bool,
        /// Also run each scenario twice for every seed from A to B-1 (A..B includes A, excludes
        /// B) and require identical output.
        #[arg(long, value_name = "A..B", allow_hyphen_values = true)]
        seeds: Option<String>,
        #[command(flatten)]
        sim: SimOpts,
    },
    /// Measure scale, speed and memory and print them as a table.
    Bench(bench::BenchOpts),
    /// Run generated command lines (the tools' option tables, mutated) and report panics,
    /// hangs (over 1 s of CPU per line) and memory over 1 GiB, with reproducers.
    Fuzz(fuzz::FuzzOpts),
    /// The interactive teaching shell: a prompt per namespace, completion, `help`, `trace`, `save`.
    Shell {
        /// A scenario to run first.
        file: Option<PathBuf>,
        #[command(flatten)]
        sim: SimOpts,
    },
    /// Draw the topology a scenario leaves behind (no file: the notes' walkthrough).
    Graph {
        file: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = graph::GraphFormat::Dot)]
        format: graph::GraphFormat,
        /// Overlay the path of the last command's frames, marking drops.
        #[arg(long)]
        trace: bool,
        #[command(flatten)]
        sim: SimOpts,
    },
    /// Run scenarios on both backends and report where they differ after normalisation.
    Diff {
        files: Vec<PathBuf>,
        /// Print the normalised transcripts too.
        #[arg(long)]
        verbose: bool,
        #[command(flatten)]
        sim: SimOpts,
        #[command(flatten)]
        kernel: KernelOpts,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.cmd {
        Cmd::Run {
            file,
            backend,
            sim,
            trace,
            kernel,
        } => {
            if trace.trace || trace.pcap.is_some() {
                if backend == BackendKind::Kernel {
                    eprintln!("netsim: --trace and --pcap are for the simulator backend");
                    return ExitCode::from(2);
                }
                return traced::run(file.as_deref(), &sim, &trace);
            }
            run(file.as_deref(), backend, &sim, &kernel)
        }
        Cmd::Trace {
            file,
            sim,
            trace_format,
        } => {
            let t = TraceOpts {
                trace: true,
                trace_format,
                pcap: None,
            };
            traced::run(file.as_deref(), &sim, &t)
        }
        Cmd::ExplainDrop { file, sim } => traced::explain_drop(&file, &sim),
        Cmd::Check {
            files,
            bless,
            seeds,
            sim,
        } => check(&files, bless, seeds.as_deref(), &sim),
        Cmd::Diff {
            files,
            verbose,
            sim,
            kernel,
        } => diff(&files, verbose, &sim, &kernel),
        Cmd::Bench(opts) => bench::run(&opts),
        Cmd::Fuzz(opts) => fuzz::run(&opts),
        Cmd::Shell { file, sim } => shell::run(file.as_deref(), sim.config(), &sim.input),
        Cmd::Graph {
            file,
            format,
            trace,
            sim,
        } => graph::run(file.as_deref(), &sim, format, trace),
    }
}

/// The notes' walkthrough as a stream.
fn walkthrough(limits: input::Limits) -> Stream {
    Stream::new(Lines::from_text("walkthrough", WALKTHROUGH, limits), false)
}

/// Open a scenario as a stream (`-`: standard input; `None`: the walkthrough).
fn open_stream(file: Option<&Path>, opts: &SimOpts) -> Result<Stream, String> {
    match file {
        Some(f) => Stream::open(f, opts.input.limits()),
        None => Ok(walkthrough(opts.input.limits())),
    }
}

/// Read and parse a whole scenario file (`-` for stdin) within the size limits; Markdown by
/// extension; `None` is the built-in walkthrough.
fn load_or_default(file: Option<&Path>, limits: input::Limits) -> Result<Scenario, String> {
    match file {
        Some(f) => load(f, limits).map(|(_, s)| s),
        None => Ok(scenario::parse(WALKTHROUGH)),
    }
}

/// Read and parse a whole scenario file (`-` for stdin) within the size limits.
fn load(path: &Path, limits: input::Limits) -> Result<(String, Scenario), String> {
    let text = Lines::open(path, limits)?.read_all()?;
    let sc = if path.extension().is_some_and(|e| e == "md") {
        scenario::parse_markdown(&text)
    } else {
        scenario::parse(&text)
    };
    Ok((text, sc))
}

/// Print now, so a run that is killed leaves what it did.
fn emit(text: &str) {
    let mut o = std::io::stdout().lock();
    let _ = o.write_all(text.as_bytes());
    let _ = o.flush();
}

/// One backend, run command by command.
enum Runner {
    Sim(Box<Sim>),
    Kernel(kernel::KernelRun),
}

impl Runner {
    fn step(&mut self, command: &str) -> Result<Actual, String> {
        match self {
            Runner::Sim(sim) => {
                let o = watchdog::timed(command, || sim.run_line(command));
                Ok(Actual {
                    command: command.to_string(),
                    output: o.combined(),
                    status: o.status,
                })
            }
            Runner::Kernel(k) => k.step(command),
        }
    }

    fn finish(self) -> Result<(), String> {
        match self {
            Runner::Sim(_) => Ok(()),
            Runner::Kernel(k) => k.finish(),
        }
    }
}

fn run(file: Option<&Path>, backend: BackendKind, opts: &SimOpts, kopts: &KernelOpts) -> ExitCode {
    let mut stream = match open_stream(file, opts) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let mut runner = match backend {
        BackendKind::Sim => Runner::Sim(Box::new(Sim::new(opts.config()))),
        BackendKind::Kernel => match kernel::KernelRun::start(kopts.limits()) {
            Ok(k) => Runner::Kernel(k),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        },
    };
    loop {
        match stream.next() {
            Ok(None) => break,
            Ok(Some(Item::Preamble(p))) => emit(&p),
            Ok(Some(Item::Command(c))) => match runner.step(&c) {
                Ok(a) => {
                    let mut t = String::new();
                    scenario::render_step(&mut t, &a);
                    emit(&t);
                }
                Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::from(1);
                }
            },
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(1);
            }
        }
    }
    if let Err(e) = runner.finish() {
        eprintln!("{e}");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// `--seeds A..B`: the seeds A, A+1, ..., B-1.
fn parse_seeds(s: &str) -> Result<std::ops::Range<u64>, String> {
    let usage = "--seeds takes A..B, whole numbers from 0 with A < B: the seeds A, A+1, ..., B-1 (B is excluded)";
    let (a, b) = s
        .split_once("..")
        .ok_or_else(|| format!("netsim: {usage}, not `{s}`"))?;
    let (Ok(a), Ok(b)) = (a.parse::<u64>(), b.parse::<u64>()) else {
        return Err(format!("netsim: {usage}, not `{s}`"));
    };
    if a >= b {
        return Err(format!(
            "netsim: --seeds {s} is empty: {usage}; to run one seed N, give N..N+1"
        ));
    }
    Ok(a..b)
}

fn no_files(cmd: &str) -> ExitCode {
    eprintln!("netsim {cmd}: no scenario files given (usage: netsim {cmd} FILE...)");
    ExitCode::from(2)
}

fn no_commands(f: &Path) -> String {
    format!(
        "netsim: {}: no commands (a scenario has `$ COMMAND` lines, a plain script one command per line)",
        f.display()
    )
}

fn check(files: &[PathBuf], bless: bool, seeds: Option<&str>, opts: &SimOpts) -> ExitCode {
    if files.is_empty() {
        return no_files("check");
    }
    let seeds = match seeds.map(parse_seeds) {
        Some(Err(e)) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
        Some(Ok(r)) => Some(r),
        None => None,
    };
    let mut failed = 0;
    let mut progress = progress::Progress::new(files.len() > 1 || seeds.is_some());
    for (i, f) in files.iter().enumerate() {
        let (text, sc) = match load(f, opts.input.limits()) {
            Ok(x) => x,
            Err(e) => {
                progress.clear();
                println!("FAILED {}", f.display());
                eprintln!("{e}");
                failed += 1;
                continue;
            }
        };
        if sc.steps.is_empty() {
            progress.clear();
            println!("FAILED {}", f.display());
            eprintln!("{}", no_commands(f));
            failed += 1;
            continue;
        }
        progress.show(&format!("[{}/{}] {}", i + 1, files.len(), f.display()));
        let has_expectations = sc.steps.iter().all(|s| s.expected.is_some());
        let compare = has_expectations && !bless;
        // Run command by command; a mismatch is printed as soon as it is found.
        let mut sim = Sim::new(opts.config());
        let mut actual = Vec::new();
        let mut this_failed = false;
        for (n, step) in sc.steps.iter().enumerate() {
            let o = watchdog::timed(&step.command, || sim.run_line(&step.command));
            let a = Actual {
                command: step.command.clone(),
                output: o.combined(),
                status: o.status,
            };
            if compare {
                let mut want = String::new();
                scenario::render_step(
                    &mut want,
                    &Actual {
                        command: step.command.clone(),
                        output: step.expected.clone().unwrap_or_default(),
                        status: step.expected_status,
                    },
                );
                let mut got = String::new();
                scenario::render_step(&mut got, &a);
                if got != want {
                    progress.clear();
                    if !this_failed {
                        println!("FAILED {}", f.display());
                        this_failed = true;
                    }
                    let d = similar::TextDiff::from_lines(&want, &got);
                    emit(
                        &d.unified_diff()
                            .context_radius(3)
                            .header(
                                &format!("{} (expected), command {}", f.display(), n + 1),
                                "actual",
                            )
                            .to_string(),
                    );
                }
            }
            actual.push(a);
        }
        if this_failed {
            failed += 1;
        }
        if let Some(r) = &seeds {
            let cmds: Vec<String> = sc.steps.iter().map(|s| s.command.clone()).collect();
            for seed in r.clone() {
                progress.show(&format!(
                    "[{}/{}] {} seed {seed} of {}..{}",
                    i + 1,
                    files.len(),
                    f.display(),
                    r.start,
                    r.end
                ));
                let c = SimConfig {
                    seed,
                    ..opts.config()
                };
                let a = SimBackend::new(c.clone()).run(&cmds);
                let b = SimBackend::new(c).run(&cmds);
                if a != b {
                    progress.clear();
                    println!(
                        "FAILED {}: seed {seed}: two runs differ (nondeterminism)",
                        f.display()
                    );
                    if !this_failed {
                        failed += 1;
                        this_failed = true;
                    }
                }
            }
        }
        progress.clear();
        if bless {
            let got = scenario::render_blessed(&sc, &actual);
            if got != text {
                if let Err(e) = std::fs::write(f, &got) {
                    eprintln!("netsim: {}: {e}", f.display());
                    failed += 1;
                }
                println!("blessed {}", f.display());
            }
            continue;
        }
        if !has_expectations {
            println!("ran {} (a plain script: no expectations)", f.display());
        } else if !this_failed {
            println!("ok {}", f.display());
        }
    }
    if failed > 0 {
        println!(
            "{} passed, {failed} failed",
            files.len().saturating_sub(failed)
        );
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Why a scenario is not run on the kernel: the text after `netsim: no-diff` in its
/// preamble, up to the end of its parenthesis or sentence.
fn no_diff_reason(head: &str) -> Option<String> {
    let at = head.find("netsim: no-diff")?;
    let rest = head[at + "netsim: no-diff".len()..].replace('\n', " ");
    let rest = rest.trim_start_matches([' ', ':', '—', '-']).trim_end();
    let rest = rest.trim_end_matches("-->").trim_end();
    let end = if let Some(inner) = rest.strip_prefix('(') {
        inner.find(')').map(|i| i + 2)
    } else {
        rest.find(". ").map(|i| i + 1)
    }
    .unwrap_or(rest.len());
    let reason = rest[..end].trim();
    Some(if reason.is_empty() {
        "simulator only".to_string()
    } else {
        reason.to_string()
    })
}

fn diff(files: &[PathBuf], verbose: bool, opts: &SimOpts, kopts: &KernelOpts) -> ExitCode {
    if files.is_empty() {
        return no_files("diff");
    }
    let mut differing = 0;
    for f in files {
        match diff_one(f, verbose, opts, kopts) {
            Ok(true) => {}
            Ok(false) => differing += 1,
            Err(e) if e == NO_KERNEL => {
                // Said once: every other file would say the same.
                if let Some(why) = kernel::unavailable() {
                    eprintln!("{why}");
                }
                return ExitCode::from(2);
            }
            Err(e) => {
                eprintln!("{e}");
                differing += 1;
            }
        }
    }
    if differing > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `diff_one`'s error when this machine cannot run the kernel backend at all.
const NO_KERNEL: &str = "\0no kernel";

/// Compare one file, printing each difference as soon as both backends have run the
/// command. `Ok(true)`: no difference (or skipped by `netsim: no-diff`).
fn diff_one(f: &Path, verbose: bool, opts: &SimOpts, kopts: &KernelOpts) -> Result<bool, String> {
    let mut stream = Stream::open(f, opts.input.limits())?;
    // Everything before the first command decides whether the file runs on the kernel.
    let first = loop {
        match stream.next()? {
            None => {
                println!("FAILED {}", f.display());
                return Err(no_commands(f));
            }
            Some(Item::Preamble(_)) => {}
            Some(Item::Command(c)) => break c,
        }
    };
    if let Some(why) = no_diff_reason(stream.head()) {
        println!("skipped {}: netsim: no-diff {why}", f.display());
        return Ok(true);
    }
    let mut sim = Runner::Sim(Box::new(Sim::new(opts.config())));
    if kernel::unavailable().is_some() {
        return Err(NO_KERNEL.into());
    }
    let mut ker = Runner::Kernel(kernel::KernelRun::start(kopts.limits())?);
    let mut cmp = backend::Comparer::default();
    let mut differences = 0;
    let mut next = Some(first);
    while let Some(c) = next.take() {
        let a = sim.step(&c)?;
        let b = match ker.step(&c) {
            Ok(b) => b,
            Err(e) => {
                if differences == 0 {
                    println!("DIFFERENT {}", f.display());
                }
                return Err(e);
            }
        };
        let (text, d) = cmp.step(&a, &b);
        if verbose {
            emit(&text);
        }
        if let Some(d) = d {
            if differences == 0 {
                println!("DIFFERENT {}", f.display());
            }
            differences += 1;
            emit(&d);
        }
        next = loop {
            match stream.next()? {
                None => break None,
                Some(Item::Preamble(_)) => {}
                Some(Item::Command(c)) => break Some(c),
            }
        };
    }
    ker.finish()?;
    if differences == 0 {
        println!("same {}", f.display());
    }
    Ok(differences == 0)
}

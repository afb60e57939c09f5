//! `netsim`: run, check and compare scenarios on the simulator or on the real kernel.
//!
//! Architecture invariant: all I/O lives here (files, processes, the terminal, the real
//! kernel); `sim-core` only ever sees command lines and returns text.

mod backend;
mod bench;
mod fuzz;
mod graph;
mod kernel;
mod progress;
mod shell;
mod traced;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use sim_core::scenario::{self, Scenario};
use sim_core::SimConfig;

use backend::{Backend, SimBackend};

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
    /// Seed for every random choice (MAC addresses, names, ids).
    #[arg(long, default_value_t = 0)]
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
}

impl SimOpts {
    fn config(&self) -> SimConfig {
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
        /// Also run each scenario twice for every seed in A..B and require identical output.
        #[arg(long)]
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
        } => {
            if trace.trace || trace.pcap.is_some() {
                if backend == BackendKind::Kernel {
                    eprintln!("netsim: --trace and --pcap are for the simulator backend");
                    return ExitCode::from(2);
                }
                return traced::run(file.as_deref(), &sim.config(), &trace);
            }
            run(file.as_deref(), backend, &sim)
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
            traced::run(file.as_deref(), &sim.config(), &t)
        }
        Cmd::ExplainDrop { file, sim } => traced::explain_drop(&file, &sim.config()),
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
        } => diff(&files, verbose, &sim),
        Cmd::Bench(opts) => bench::run(&opts),
        Cmd::Fuzz(opts) => fuzz::run(&opts),
        Cmd::Shell { file, sim } => shell::run(file.as_deref(), sim.config()),
        Cmd::Graph {
            file,
            format,
            trace,
            sim,
        } => graph::run(file.as_deref(), &sim.config(), format, trace),
    }
}

/// Read and parse a scenario file (`-` for stdin); Markdown by extension; `None` is the
/// built-in walkthrough.
fn load_or_default(file: Option<&Path>) -> Result<Scenario, String> {
    match file {
        Some(f) => load(f).map(|(_, s)| s),
        None => Ok(scenario::parse(WALKTHROUGH)),
    }
}

/// Read and parse a scenario file (`-` for stdin); Markdown by extension.
fn load(path: &Path) -> Result<(String, Scenario), String> {
    let text = if path == Path::new("-") {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| format!("netsim: stdin: {e}"))?;
        s
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("netsim: {}: {e}", path.display()))?
    };
    let sc = if path.extension().is_some_and(|e| e == "md") {
        scenario::parse_markdown(&text)
    } else {
        scenario::parse(&text)
    };
    Ok((text, sc))
}

fn run(file: Option<&Path>, backend: BackendKind, opts: &SimOpts) -> ExitCode {
    let (_, sc) = match file {
        Some(f) => match load(f) {
            Ok(x) => x,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        },
        None => (WALKTHROUGH.to_string(), scenario::parse(WALKTHROUGH)),
    };
    let cmds: Vec<String> = sc.steps.iter().map(|s| s.command.clone()).collect();
    let actual = match backend {
        BackendKind::Sim => SimBackend::new(opts.config()).run(&cmds),
        BackendKind::Kernel => match kernel::KernelBackend::new() {
            Ok(mut k) => k.run(&cmds),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        },
    };
    let actual = match actual {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    print!("{}", scenario::render(&sc.preamble, &actual));
    ExitCode::SUCCESS
}

fn parse_seeds(s: &str) -> Option<std::ops::Range<u64>> {
    let (a, b) = s.split_once("..")?;
    Some(a.parse().ok()?..b.parse().ok()?)
}

fn check(files: &[PathBuf], bless: bool, seeds: Option<&str>, opts: &SimOpts) -> ExitCode {
    let seeds = match seeds.map(parse_seeds) {
        Some(None) => {
            eprintln!("netsim: --seeds takes A..B");
            return ExitCode::from(2);
        }
        Some(Some(r)) => Some(r),
        None => None,
    };
    let mut failed = 0;
    let mut progress = progress::Progress::new(files.len() > 1 || seeds.is_some());
    for (i, f) in files.iter().enumerate() {
        let (text, sc) = match load(f) {
            Ok(x) => x,
            Err(e) => {
                eprintln!("{e}");
                failed += 1;
                continue;
            }
        };
        progress.show(&format!("[{}/{}] {}", i + 1, files.len(), f.display()));
        let cmds: Vec<String> = sc.steps.iter().map(|s| s.command.clone()).collect();
        let actual = match SimBackend::new(opts.config()).run(&cmds) {
            Ok(a) => a,
            Err(e) => {
                progress.clear();
                eprintln!("{}: {e}", f.display());
                failed += 1;
                continue;
            }
        };
        if let Some(r) = &seeds {
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
                    eprintln!(
                        "{}: seed {seed}: two runs differ (nondeterminism)",
                        f.display()
                    );
                    failed += 1;
                }
            }
        }
        progress.clear();
        let has_expectations = sc.steps.iter().all(|s| s.expected.is_some());
        let got = scenario::render_blessed(&sc, &actual);
        if bless {
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
            continue;
        }
        let want = scenario::render_expected(&sc);
        if got == want {
            println!("ok {}", f.display());
        } else {
            failed += 1;
            println!("FAILED {}", f.display());
            let d = similar::TextDiff::from_lines(&want, &got);
            print!(
                "{}",
                d.unified_diff()
                    .context_radius(3)
                    .header(&format!("{} (expected)", f.display()), "actual")
            );
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

fn diff(files: &[PathBuf], verbose: bool, opts: &SimOpts) -> ExitCode {
    let mut k = match kernel::KernelBackend::new() {
        Ok(k) => k,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let mut differing = 0;
    for f in files {
        let (_, sc) = match load(f) {
            Ok(x) => x,
            Err(e) => {
                eprintln!("{e}");
                differing += 1;
                continue;
            }
        };
        let cmds: Vec<String> = sc.steps.iter().map(|s| s.command.clone()).collect();
        let sim = SimBackend::new(opts.config()).run(&cmds);
        let ker = k.run(&cmds);
        let (sim, ker) = match (sim, ker) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(e), _) | (_, Err(e)) => {
                eprintln!("{}: {e}", f.display());
                differing += 1;
                continue;
            }
        };
        let report = backend::compare(&sim, &ker);
        if verbose {
            print!("{}", report.sim_text);
        }
        if report.differences.is_empty() {
            println!("same {}", f.display());
        } else {
            differing += 1;
            println!("DIFFERENT {}", f.display());
            for d in &report.differences {
                print!("{d}");
            }
        }
    }
    if differing > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

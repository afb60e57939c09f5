//! `netsim shell`: the interactive teaching shell. A `[init]# ` prompt, `ip netns exec NS bash`
//! (or the `netns NS` built-in) to work inside a namespace, line editing, history kept across
//! sessions (`$XDG_STATE_HOME/netsim/history`) and tab completion on a terminal, a command's
//! non-zero status shown as `[N]` as transcripts do, and built-ins: `help [CMD]`,
//! `trace on|off`, `save FILE`, `reset`, `clear`, `exit`.
//!
//! On a terminal, long-running commands (`ping` without `-c`) run paced in real time: the
//! simulator hands each step's output to a pacer (`Sim::set_pacer`) that prints it at once and
//! sleeps as long as the virtual clock advanced. Ctrl-C while a command runs sets a flag (a
//! SIGINT handler) that the pacer turns into `Flow::Interrupt`, so it stops that command as
//! SIGINT stops the real tool; it never ends the shell.
//!
//! Architecture invariant: this module owns the terminal and the session's bookkeeping; the
//! simulator sees only command lines (`Sim::run_line`, with `cwd_ns` set to the namespace
//! the prompt shows). Every command is also kept in the form `netsim check` would run it from
//! the init namespace (`ip netns exec NS CMD`), so `save` writes a transcript `check` accepts.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::{DefaultHistory, History};
use rustyline::validate::Validator;
use rustyline::{CompletionType, Config, Context, Editor, Helper};
use sim_core::scenario::{self, Actual};
use sim_core::shell::{Flow, Pace};
use sim_core::tools::help;
use sim_core::{Output, Sim, SimConfig};

use crate::backend::{Backend, SimBackend};

/// The shell's own commands, with one line of help each.
const BUILTINS: &[(&str, &str)] = &[
    (
        "help",
        "help [CMD]: the tools, or what the simulator supports of one",
    ),
    (
        "netns",
        "netns [NAME]: work inside a namespace (no NAME: back to init)",
    ),
    (
        "trace",
        "trace on|off: print every step of each command's frames",
    ),
    (
        "save",
        "save FILE: write this session as a transcript `netsim check` accepts",
    ),
    (
        "reset",
        "reset: start again from a fresh host, with the same seed",
    ),
    ("clear", "clear: clear the screen"),
    (
        "exit",
        "exit: leave the namespace shell, or the simulator in init",
    ),
];

/// Shells `ip netns exec NS ...` can start.
const SHELLS: &[&str] = &["bash", "sh", "/bin/bash", "/bin/sh", "/usr/bin/bash"];

/// What the completer knows about the world, refreshed after every command.
#[derive(Debug, Default, Clone)]
pub struct Names {
    /// The namespace the prompt shows (`init` or a name).
    pub cwd: String,
    /// Named namespaces.
    pub netns: Vec<String>,
    /// Device names by namespace (`init` included).
    pub devices: BTreeMap<String, Vec<String>>,
}

impl Names {
    fn of(sim: &Sim, cwd: &str) -> Names {
        let mut devices = BTreeMap::new();
        for ns in sim.world.all_netns() {
            let name = sim.world.netns_name(ns).unwrap_or("init").to_string();
            devices.insert(
                name,
                sim.world
                    .devices_of(ns)
                    .map(|d| sim.world.dev(d).name.clone())
                    .collect(),
            );
        }
        Names {
            cwd: cwd.to_string(),
            netns: sim
                .world
                .named_netns()
                .map(|(n, _)| n.to_string())
                .collect(),
            devices,
        }
    }
}

/// Whether the shell goes on after a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    Continue,
    Quit,
}

/// One shell session: the simulator, where the prompt is, and what was typed.
#[derive(Debug)]
pub struct Session {
    pub sim: Sim,
    cfg: SimConfig,
    /// Text before the first command of a saved transcript.
    preamble: String,
    /// Every command as `netsim check` would run it from the init namespace.
    commands: Vec<String>,
    /// Namespaces entered with `ip netns exec NS bash`, innermost last.
    stack: Vec<String>,
    /// Set by Ctrl-C (SIGINT) on a terminal; when present, long commands run paced.
    interrupt: Option<Arc<AtomicBool>>,
}

impl Session {
    pub fn new(cfg: SimConfig) -> Session {
        let sim = Sim::new(SimConfig {
            trace: false,
            ..cfg.clone()
        });
        Session {
            sim,
            cfg,
            preamble: String::new(),
            commands: Vec::new(),
            stack: Vec::new(),
            interrupt: None,
        }
    }

    /// The session runs on a terminal: tools' output is buffered as on a terminal
    /// (`Sim::set_terminal`), long commands run paced in real time, printing as they go, and
    /// stop when `interrupt` is set (by Ctrl-C).
    pub fn on_terminal(&mut self, interrupt: Arc<AtomicBool>) {
        self.sim.set_terminal(true);
        self.interrupt = Some(interrupt.clone());
        self.sim.set_pacer(Some(Box::new(move |p: Pace<'_>| {
            print(p.output);
            let mut left = Duration::from_nanos(p.until.saturating_sub(p.now));
            let step = Duration::from_millis(20);
            loop {
                if interrupt.load(Ordering::SeqCst) {
                    return Flow::Interrupt;
                }
                if left.is_zero() {
                    return Flow::Continue;
                }
                let d = left.min(step);
                let t = Instant::now();
                std::thread::sleep(d);
                left = left.saturating_sub(t.elapsed().max(d));
            }
        })));
    }

    /// A fresh host with the same seed: no namespaces, no commands to save, back in init.
    fn reset(&mut self) -> Output {
        let interrupt = self.interrupt.take();
        let trace = self.sim.trace.enabled;
        *self = Session::new(self.cfg.clone());
        self.sim.trace.enabled = trace;
        if let Some(i) = interrupt {
            self.on_terminal(i);
        }
        Output::text(format!(
            "netsim: a fresh host (seed {}); `save` now records from here\n",
            self.cfg.seed
        ))
    }

    /// The namespace the prompt shows.
    pub fn cwd(&self) -> &str {
        self.stack.last().map(|s| s.as_str()).unwrap_or("init")
    }

    pub fn prompt(&self) -> String {
        format!("[{}]# ", self.cwd())
    }

    pub fn names(&self) -> Names {
        Names::of(&self.sim, self.cwd())
    }

    /// Run a scenario's commands as they are (from init), returning its transcript.
    pub fn replay(&mut self, sc: &scenario::Scenario) -> String {
        self.preamble = sc.preamble.clone();
        let mut text = sc.preamble.clone();
        for step in &sc.steps {
            let o = self.sim.run_line(&step.command);
            self.commands.push(step.command.clone());
            let a = Actual {
                command: step.command.clone(),
                output: o.combined(),
                status: o.status,
            };
            scenario::render_step(&mut text, &a);
            self.append_trace(&mut text);
        }
        text
    }

    fn append_trace(&mut self, text: &mut String) {
        if self.sim.trace.enabled {
            for s in self.sim.trace.take() {
                text.push_str("  | ");
                text.push_str(&s.line());
                text.push('\n');
            }
        }
    }

    /// Handle one typed line: a built-in, entering a namespace, or a command.
    pub fn handle(&mut self, line: &str) -> (Output, Next) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let out = match words.as_slice() {
            [] => Output::ok(),
            [w, ..] if w.starts_with('#') => Output::ok(),
            ["exit" | "logout"] | ["exit", _] => {
                if self.stack.pop().is_none() {
                    return (Output::ok(), Next::Quit);
                }
                Output::ok()
            }
            ["help"] => Output::text(help_index()),
            ["help", cmd] => match (help::find(cmd), BUILTINS.iter().find(|(b, _)| b == cmd)) {
                (Some(t), _) => Output::text(help::render(t)),
                (None, Some((_, h))) => Output::text(format!("{h}\n")),
                (None, None) => Output::error(
                    format!(
                        "help: no help for `{cmd}`: the simulator does not have it (try `help`)\n"
                    ),
                    1,
                ),
            },
            ["help", ..] => Output::error("help: usage: help [CMD]\n", 2),
            ["trace"] => Output::text(format!(
                "trace is {}\n",
                if self.sim.trace.enabled { "on" } else { "off" }
            )),
            ["trace", "on"] => {
                self.sim.trace.enabled = true;
                Output::ok()
            }
            ["trace", "off"] => {
                self.sim.trace.enabled = false;
                self.sim.trace.take();
                Output::ok()
            }
            ["trace", ..] => Output::error("trace: usage: trace on|off\n", 2),
            ["save", file] => self.save(Path::new(file)),
            ["save", ..] => Output::error("save: usage: save FILE\n", 2),
            ["reset"] => self.reset(),
            ["reset", ..] => Output::error("reset: usage: reset\n", 2),
            ["clear"] => Output::text("\x1b[H\x1b[2J\x1b[3J"),
            ["clear", ..] => Output::error("clear: usage: clear\n", 2),
            ["netns"] => {
                self.stack.clear();
                Output::ok()
            }
            ["netns", name] => {
                if self.sim.world.netns_by_name(name).is_some() {
                    self.stack = vec![name.to_string()];
                    Output::ok()
                } else {
                    Output::error(
                        format!("netns: no namespace \"{name}\" (see `ip netns list`)\n"),
                        1,
                    )
                }
            }
            ["netns", ..] => Output::error("netns: usage: netns [NAME]\n", 2),
            ["ip", "netns", "exec", name, sh] | ["ip", "netns", "exec", name, sh, "-i"]
                if SHELLS.contains(sh) && self.sim.world.netns_by_name(name).is_some() =>
            {
                self.stack.push(name.to_string());
                Output::ok()
            }
            _ => self.command(line),
        };
        (out, Next::Continue)
    }

    /// Run a command in the prompt's namespace and remember it.
    fn command(&mut self, line: &str) -> Output {
        let init = self.sim.world.init_ns();
        self.sim.cwd_ns = match self.stack.last() {
            Some(name) => self.sim.world.netns_by_name(name).unwrap_or(init),
            None => init,
        };
        let mut out = self.sim.run_line(line);
        self.sim.cwd_ns = init;
        self.commands.push(match self.stack.last() {
            Some(ns) => format!("ip netns exec {ns} {}", line.trim()),
            None => line.trim().to_string(),
        });
        let mut t = String::new();
        self.append_trace(&mut t);
        out.out(t);
        // A namespace deleted from inside: the shell would stay in an unnamed one; here
        // the prompt goes back to the innermost namespace that still has its name.
        let before = self.stack.len();
        while self
            .stack
            .last()
            .is_some_and(|n| self.sim.world.netns_by_name(n).is_none())
        {
            self.stack.pop();
        }
        if self.stack.len() != before {
            out.err(format!(
                "netsim: the namespace was deleted; back in {}\n",
                self.cwd()
            ));
        }
        out
    }

    /// The session as a transcript, recorded again from scratch as `netsim check` runs it.
    pub fn transcript(&self) -> Result<String, String> {
        if self.commands.is_empty() {
            return Ok("# netsim shell: no commands\n".into());
        }
        // `netsim check` runs with seed 0 unless told otherwise.
        let cfg = SimConfig {
            seed: 0,
            trace: false,
            ..self.cfg.clone()
        };
        let actual = SimBackend::new(cfg).run(&self.commands)?;
        let mut pre = if self.preamble.trim().is_empty() {
            "Recorded with `netsim shell`.\n".to_string()
        } else {
            self.preamble.clone()
        };
        if self.cfg.seed != 0 {
            pre.push_str(&format!(
                "The session ran with --seed {}; this transcript is recorded with seed 0, as `netsim check` runs it.\n",
                self.cfg.seed
            ));
        }
        Ok(scenario::render(&pre, &actual))
    }

    fn save(&self, path: &Path) -> Output {
        let text = match self.transcript() {
            Ok(t) => t,
            Err(e) => return Output::error(format!("save: {e}\n"), 1),
        };
        match std::fs::write(path, text) {
            Ok(()) => Output::text(format!(
                "saved {} commands to {}\n",
                self.commands.len(),
                path.display()
            )),
            Err(e) => Output::error(format!("save: {}: {e}\n", path.display()), 1),
        }
    }
}

fn help_index() -> String {
    let mut s = String::from("Shell built-ins:\n");
    for (_, h) in BUILTINS {
        s.push_str(&format!("  {h}\n"));
    }
    s.push_str("  ip netns exec NS bash: a shell inside NS (`exit` leaves it)\n\nTools (`help CMD` for the options the simulator supports):\n");
    s.push_str(&help::render_index());
    s
}

// ---------------------------------------------------------------- completion

/// Words that can follow `words` (already complete words before the cursor).
pub fn candidates(names: &Names, words: &[&str]) -> Vec<String> {
    let mut ns = names.cwd.clone();
    let mut w = words;
    while w.len() >= 4 && w[0] == "ip" && w[1] == "netns" && w[2] == "exec" {
        ns = w[3].to_string();
        w = &w[4..];
    }
    let ns_names = || names.netns.clone();
    let Some((cmd, rest)) = w.split_first() else {
        let mut v: Vec<String> = BUILTINS.iter().map(|(b, _)| b.to_string()).collect();
        v.extend(help::TOOLS.iter().map(|t| t.name.to_string()));
        return v;
    };
    match (*cmd, rest) {
        ("help", []) => {
            return help::TOOLS
                .iter()
                .map(|t| t.name.to_string())
                .chain(BUILTINS.iter().map(|(b, _)| b.to_string()))
                .collect()
        }
        ("netns", []) => return ns_names(),
        ("trace", []) => return vec!["on".into(), "off".into()],
        ("help" | "netns" | "trace" | "save" | "reset" | "clear" | "exit", _) => return Vec::new(),
        _ => {}
    }
    let Some(tool) = help::find(cmd) else {
        return Vec::new();
    };
    // Positional words (skipping options, and the value of `-n NS`, which also sets the namespace).
    let mut args: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < rest.len() {
        let a = rest[i];
        if matches!(a, "-n" | "-netns" | "--netns") && *cmd != "iptables" {
            if let Some(v) = rest.get(i + 1) {
                ns = v.to_string();
            }
            i += 2;
            continue;
        }
        if !(a.starts_with('-') && args.is_empty() && *cmd == "ip") {
            args.push(a);
        }
        i += 1;
    }
    let devices = || names.devices.get(&ns).cloned().unwrap_or_default();
    let prev = rest.last().copied().unwrap_or("");
    if matches!(prev, "-n" | "-netns" | "--netns") && *cmd != "iptables" {
        return ns_names();
    }
    let words_for = |sub: &str| -> Vec<String> {
        tool.words
            .iter()
            .find(|(k, _)| !sub.is_empty() && k.starts_with(sub))
            .map(|(_, v)| v.iter().map(|s| s.to_string()).collect())
            .unwrap_or_default()
    };
    match args.as_slice() {
        [] => tool.subcommands.iter().map(|s| s.to_string()).collect(),
        [sub] if *cmd == "ip" && "netns".starts_with(sub) => words_for("netns"),
        [sub, verb] if *cmd == "ip" && "netns".starts_with(sub) && verb != &"add" => ns_names(),
        _ => {
            if matches!(prev, "netns" | "exec") {
                return ns_names();
            }
            let dev_prev = matches!(
                prev,
                "dev"
                    | "master"
                    | "brport"
                    | "br"
                    | "-i"
                    | "-o"
                    | "-I"
                    | "-S"
                    | "--statistics"
                    | "--driver"
                    | "set"
                    | "show"
                    | "del"
                    | "delete"
                    | "addif"
                    | "delif"
                    | "showmacs"
                    | "delbr"
                    | "setageing"
                    | "stp"
                    | "--physdev-in"
                    | "--physdev-out"
            );
            if dev_prev {
                return devices();
            }
            let mut v = if *cmd == "ip" || *cmd == "bridge" || *cmd == "brctl" {
                words_for(args[0])
            } else {
                Vec::new()
            };
            v.extend(devices());
            v
        }
    }
}

/// Complete the word before `pos`: its start and the candidates.
pub fn complete_line(names: &Names, line: &str, pos: usize) -> (usize, Vec<String>) {
    let before = &line[..pos.min(line.len())];
    let start = before
        .rfind(char::is_whitespace)
        .map(|i| i + 1)
        .unwrap_or(0);
    let word = &before[start..];
    let words: Vec<&str> = before[..start].split_whitespace().collect();
    let mut v: Vec<String> = candidates(names, &words)
        .into_iter()
        .filter(|c| c.starts_with(word))
        .collect();
    v.sort();
    v.dedup();
    (start, v)
}

/// rustyline's side of completion.
struct ShellHelper {
    names: Rc<RefCell<Names>>,
}

impl Completer for ShellHelper {
    type Candidate = Pair;
    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (start, v) = complete_line(&self.names.borrow(), line, pos);
        let one = v.len() == 1;
        Ok((
            start,
            v.into_iter()
                .map(|c| Pair {
                    display: c.clone(),
                    replacement: if one { format!("{c} ") } else { c },
                })
                .collect(),
        ))
    }
}

impl Hinter for ShellHelper {
    type Hint = String;
}
impl Highlighter for ShellHelper {}
impl Validator for ShellHelper {}
impl Helper for ShellHelper {}

// ---------------------------------------------------------------- terminal

fn print(o: &Output) {
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    for (is_err, s) in &o.chunks {
        // Errors from the terminal itself are not the simulation's business.
        if *is_err {
            let _ = out.flush();
            let _ = err.write_all(s.as_bytes());
            let _ = err.flush();
        } else {
            let _ = out.write_all(s.as_bytes());
        }
    }
    let _ = out.flush();
}

/// `netsim shell [--seed N] [FILE]`.
pub fn run(file: Option<&Path>, cfg: SimConfig, input: &crate::InputOpts) -> ExitCode {
    let mut session = Session::new(cfg);
    if let Some(f) = file {
        match crate::load_or_default(Some(f), input.limits()) {
            Ok(sc) => print!("{}", session.replay(&sc)),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        }
    }
    if std::io::stdin().is_terminal() {
        interactive(session)
    } else {
        piped(session)
    }
}

/// Print a command's output and, as transcripts do, its status when it is not 0.
fn print_with_status(o: &Output) {
    print(o);
    if o.status != 0 {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "[{}]", o.status);
        let _ = out.flush();
    }
}

/// Where the history is kept: `$XDG_STATE_HOME/netsim/history`, by default
/// `~/.local/state/netsim/history`.
pub fn history_file() -> Option<PathBuf> {
    let state = match std::env::var_os("XDG_STATE_HOME") {
        Some(d) if !d.is_empty() && Path::new(&d).is_absolute() => PathBuf::from(d),
        _ => {
            PathBuf::from(std::env::var_os("HOME").filter(|h| !h.is_empty())?).join(".local/state")
        }
    };
    Some(state.join("netsim").join("history"))
}

/// Lines from a pipe or a file: no prompt, no line editing.
fn piped(mut session: Session) -> ExitCode {
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        let (o, flow) = session.handle(&line);
        print(&o);
        if flow == Next::Quit {
            break;
        }
    }
    ExitCode::SUCCESS
}

fn interactive(mut session: Session) -> ExitCode {
    let config = Config::builder()
        .completion_type(CompletionType::List)
        .auto_add_history(true)
        .max_history_size(1000)
        .map(|b| b.build());
    let config = match config {
        Ok(c) => c,
        Err(e) => {
            eprintln!("netsim: {e}");
            return ExitCode::from(2);
        }
    };
    let mut ed: Editor<ShellHelper, DefaultHistory> = match Editor::with_config(config) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("netsim: cannot use the terminal: {e}");
            return piped(session);
        }
    };
    let names = Rc::new(RefCell::new(session.names()));
    ed.set_helper(Some(ShellHelper {
        names: names.clone(),
    }));
    // Ctrl-C while a command runs: a flag the pacer reads, never the end of the shell. (At the
    // prompt the terminal is in raw mode: rustyline reads Ctrl-C as a key and clears the line.)
    let interrupt = Arc::new(AtomicBool::new(false));
    if let Err(e) = signal_hook::flag::register(signal_hook::consts::SIGINT, interrupt.clone()) {
        eprintln!("netsim: cannot catch Ctrl-C: {e}");
    }
    session.on_terminal(interrupt.clone());
    // History across sessions; a problem with the file is said once, not fatal.
    let history = history_file();
    if let Some(h) = &history {
        if h.exists() {
            if let Err(e) = ed.load_history(h) {
                eprintln!("netsim: history {}: {e}", h.display());
            }
        }
    }
    let mut history_ok = true;
    println!("netsim shell: a simulated Linux host. `help` lists what you can type; TAB completes; `exit` leaves.");
    loop {
        match ed.readline(&session.prompt()) {
            Ok(line) => {
                if history_ok {
                    if let Some(h) = &history {
                        if let Err(e) = save_history(&mut ed, h) {
                            eprintln!(
                                "netsim: history {}: {e} (history is not saved)",
                                h.display()
                            );
                            history_ok = false;
                        }
                    }
                }
                interrupt.store(false, Ordering::SeqCst);
                let (o, flow) = session.handle(&line);
                print_with_status(&o);
                // A Ctrl-C that came while nothing was listening is not kept for later.
                interrupt.store(false, Ordering::SeqCst);
                if flow == Next::Quit {
                    break;
                }
                *names.borrow_mut() = session.names();
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => {
                // Ctrl-D leaves the innermost shell, like bash.
                let (_, flow) = session.handle("exit");
                if flow == Next::Quit {
                    println!("exit");
                    break;
                }
                *names.borrow_mut() = session.names();
            }
            Err(e) => {
                eprintln!("netsim: {e}");
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::SUCCESS
}

/// Add the last entry to the history file (created with its directory).
fn save_history(ed: &mut Editor<ShellHelper, DefaultHistory>, h: &Path) -> Result<(), String> {
    if ed.history().is_empty() {
        return Ok(());
    }
    if let Some(dir) = h.parent() {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    ed.append_history(h).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        let mut s = Session::new(SimConfig::default());
        for l in [
            "ip netns add ns0",
            "ip netns add ns1",
            "ip link add veth0 type veth peer name veth1",
            "ip link set veth1 netns ns1",
        ] {
            let (o, _) = s.handle(l);
            assert_eq!(o.status, 0, "{l}: {}", o.combined());
        }
        s
    }

    #[test]
    fn entering_and_leaving_namespaces() {
        let mut s = session();
        assert_eq!(s.prompt(), "[init]# ");
        s.handle("ip netns exec ns0 bash");
        assert_eq!(s.prompt(), "[ns0]# ");
        let (o, _) = s.handle("ip link");
        assert!(
            o.stdout().starts_with("1: lo: <LOOPBACK>"),
            "{}",
            o.combined()
        );
        assert!(!o.stdout().contains("veth0"));
        assert_eq!(s.handle("exit").1, Next::Continue);
        assert_eq!(s.prompt(), "[init]# ");
        s.handle("netns ns1");
        assert_eq!(s.prompt(), "[ns1]# ");
        assert!(s.handle("ip link").0.stdout().contains("veth1@if"));
        s.handle("netns");
        assert_eq!(s.prompt(), "[init]# ");
        assert_eq!(s.handle("netns nope").0.status, 1);
        // A namespace that does not exist is the real command's error, not a shell.
        let (o, _) = s.handle("ip netns exec nope bash");
        assert_eq!(o.status, 255);
        assert_eq!(s.prompt(), "[init]# ");
        assert_eq!(s.handle("exit").1, Next::Quit);
    }

    #[test]
    fn deleting_the_current_namespace_goes_back_to_init() {
        let mut s = session();
        s.handle("netns ns0");
        let (o, _) = s.handle("ip netns del ns0");
        assert!(o.stderr().contains("back in init"), "{}", o.combined());
        assert_eq!(s.prompt(), "[init]# ");
    }

    #[test]
    fn transcript_is_what_check_runs() {
        let mut s = session();
        s.handle("netns ns1");
        s.handle("ip link set veth1 up");
        s.handle("ip addr add 10.0.0.2/24 dev veth1");
        s.handle("netns");
        s.handle("trace on");
        s.handle("help ip");
        let t = s.transcript().expect("transcript");
        let sc = scenario::parse(&t);
        let cmds: Vec<&str> = sc.steps.iter().map(|x| x.command.as_str()).collect();
        assert_eq!(
            &cmds[4..],
            [
                "ip netns exec ns1 ip link set veth1 up",
                "ip netns exec ns1 ip addr add 10.0.0.2/24 dev veth1"
            ]
        );
        // Replaying the expectations gives the same text: `netsim check` accepts it.
        let actual = SimBackend::new(SimConfig::default())
            .run(&cmds.iter().map(|c| c.to_string()).collect::<Vec<_>>())
            .expect("run");
        assert_eq!(
            scenario::render_blessed(&sc, &actual),
            scenario::render_expected(&sc)
        );
    }

    #[test]
    fn trace_prints_steps() {
        let mut s = session();
        s.handle("ip link set veth0 up");
        s.handle("ip addr add 10.0.0.1/24 dev veth0");
        s.handle("ip netns exec ns1 ip link set veth1 up");
        s.handle("ip netns exec ns1 ip addr add 10.0.0.2/24 dev veth1");
        s.handle("trace on");
        let (o, _) = s.handle("ping -c 1 10.0.0.2");
        assert!(o.stdout().contains("  | "), "{}", o.combined());
        assert!(o.stdout().contains("init/veth0"), "{}", o.combined());
        s.handle("trace off");
        assert!(!s.handle("ping -c 1 10.0.0.2").0.stdout().contains("  | "));
    }

    #[test]
    fn reset_starts_again_with_the_same_seed() {
        let mut s = Session::new(SimConfig {
            seed: 7,
            ..Default::default()
        });
        s.handle("ip link add a type dummy");
        let a_mac = s.handle("ip link show a").0.stdout();
        s.handle("ip netns add ns0");
        s.handle("netns ns0");
        let (o, _) = s.handle("reset");
        assert_eq!(
            o.stdout(),
            "netsim: a fresh host (seed 7); `save` now records from here\n"
        );
        assert_eq!(s.prompt(), "[init]# ");
        assert_eq!(s.handle("ip netns list").0.stdout(), "");
        assert_eq!(s.handle("ip link show a").0.status, 1);
        // Same seed: the same MAC as before the reset.
        s.handle("ip link add a type dummy");
        assert_eq!(s.handle("ip link show a").0.stdout(), a_mac);
        // `save` records from the reset on.
        let t = s.transcript().expect("t");
        let cmds: Vec<&str> = t.lines().filter(|l| l.starts_with("$ ")).collect();
        assert_eq!(
            cmds,
            [
                "$ ip netns list",
                "$ ip link show a",
                "$ ip link add a type dummy",
                "$ ip link show a"
            ]
        );
        assert_eq!(s.handle("reset now").0.status, 2);
    }

    #[test]
    fn history_file_follows_xdg() {
        // Only this test touches these variables in this process.
        std::env::set_var("XDG_STATE_HOME", "/x/state");
        assert_eq!(
            history_file(),
            Some(PathBuf::from("/x/state/netsim/history"))
        );
        std::env::set_var("XDG_STATE_HOME", "relative");
        std::env::set_var("HOME", "/home/u");
        assert_eq!(
            history_file(),
            Some(PathBuf::from("/home/u/.local/state/netsim/history"))
        );
        std::env::remove_var("XDG_STATE_HOME");
        assert_eq!(
            history_file(),
            Some(PathBuf::from("/home/u/.local/state/netsim/history"))
        );
    }

    #[test]
    fn help_lists_and_explains() {
        let mut s = session();
        let o = s.handle("help").0.stdout();
        assert!(o.contains("trace on|off") && o.contains("  ping "), "{o}");
        assert!(s.handle("help ping").0.stdout().contains("-c COUNT"));
        assert_eq!(s.handle("help telnet").0.status, 1);
    }

    #[test]
    fn completion() {
        let s = session();
        let names = s.names();
        let c = |l: &str| complete_line(&names, l, l.len()).1;
        assert_eq!(c("ip li"), ["link"]);
        assert_eq!(c("pi"), ["ping"]);
        assert_eq!(c("ip link set ve"), ["veth0"]);
        assert_eq!(c("ip netns exec n"), ["ns0", "ns1"]);
        assert_eq!(c("ip netns exec ns1 ip link set v"), ["veth1"]);
        assert_eq!(c("ip -n ns1 link set v"), ["veth1"]);
        assert_eq!(c("netns ns"), ["ns0", "ns1"]);
        assert_eq!(c("ip netns e"), ["exec"]);
        assert_eq!(c("trace o"), ["off", "on"]);
        assert_eq!(
            c("help ipt"),
            ["iptables", "iptables-restore", "iptables-save"]
        );
        assert!(c("ip addr add 10.0.0.1/24 dev ").contains(&"veth0".to_string()));
        assert_eq!(complete_line(&names, "ip li", 5).0, 3);
    }
}

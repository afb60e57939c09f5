//! `netsim shell`: the interactive teaching shell. A `[init]# ` prompt, `ip netns exec NS bash`
//! (or the `netns NS` built-in) to work inside a namespace, line editing, history kept across
//! sessions (`$XDG_STATE_HOME/netsim/history`) and tab completion on a terminal, a command's
//! non-zero status shown as `[N]` as transcripts do, and built-ins: `help [CMD]`,
//! `trace on|off`, `save FILE`, `reset`, `clear`, `exit`.
//!
//! On a terminal, tools buffer their output as on a terminal (`Sim::set_terminal`), and
//! long-running commands (`ping` without `-c`) run paced in real time: the simulator hands
//! each step's output to a pacer (`Sim::set_pacer`) that prints it at once and sleeps as long
//! as the virtual clock advanced. Ctrl-C while a command runs sets a flag (a SIGINT handler)
//! that the pacer turns into `Flow::Interrupt`, so it stops that command as SIGINT stops the
//! real tool; it never ends the shell.
//!
//! Architecture invariant: this module owns the terminal and the file `save` writes; the
//! session itself (prompt, built-ins, completion, the transcript `check` accepts) is
//! `sim_core::session`, shared with the browser playground.

use std::cell::RefCell;
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
use sim_core::session::{complete_line, Flow, Names, Session};
use sim_core::shell::{Flow as Pacing, Pace};
use sim_core::{Output, SimConfig};

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

/// Handle a line; `save FILE` writes the transcript here.
fn handle(session: &mut Session, line: &str) -> (Output, Flow) {
    let (o, flow) = session.handle(line);
    match flow {
        Flow::Save(file) => {
            let out = match std::fs::write(&file, session.transcript()) {
                Ok(()) => session.saved(&file),
                Err(e) => Output::error(format!("save: {file}: {e}\n"), 1),
            };
            (out, Flow::Continue)
        }
        f => (o, f),
    }
}

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

/// Print a command's output and, as transcripts do, its status when it is not 0.
fn print_with_status(o: &Output) {
    print(o);
    if o.status != 0 {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "[{}]", o.status);
        let _ = out.flush();
    }
}

/// The session is on a terminal: tools buffer their output as on a terminal, and long
/// commands run paced in real time, printing as they go, until `interrupt` is set (Ctrl-C).
/// Done again after `reset`, which starts a new simulator.
fn on_terminal(session: &mut Session, interrupt: &Arc<AtomicBool>) {
    let interrupt = interrupt.clone();
    session.sim.set_terminal(true);
    session.sim.set_pacer(Some(Box::new(move |p: Pace<'_>| {
        print(p.output);
        let mut left = Duration::from_nanos(p.until.saturating_sub(p.now));
        let step = Duration::from_millis(20);
        loop {
            if interrupt.load(Ordering::SeqCst) {
                return Pacing::Interrupt;
            }
            if left.is_zero() {
                return Pacing::Continue;
            }
            let d = left.min(step);
            let t = Instant::now();
            std::thread::sleep(d);
            left = left.saturating_sub(t.elapsed().max(d));
        }
    })));
}

/// Where the history is kept: `$XDG_STATE_HOME/netsim/history`, by default
/// `~/.local/state/netsim/history` (an XDG_STATE_HOME that is not absolute is ignored, as
/// the XDG specification says).
pub fn history_file() -> Option<PathBuf> {
    let state = match std::env::var_os("XDG_STATE_HOME") {
        Some(d) if !d.is_empty() && Path::new(&d).is_absolute() => PathBuf::from(d),
        _ => {
            PathBuf::from(std::env::var_os("HOME").filter(|h| !h.is_empty())?).join(".local/state")
        }
    };
    Some(state.join("netsim").join("history"))
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

/// Lines from a pipe or a file: no prompt, no line editing.
fn piped(mut session: Session) -> ExitCode {
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        let (o, flow) = handle(&mut session, &line);
        print(&o);
        if flow == Flow::Quit {
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
    on_terminal(&mut session, &interrupt);
    // History across sessions; a problem with the file is said once, and is not fatal.
    let history = history_file();
    if let Some(h) = history.as_deref().filter(|h| h.exists()) {
        if let Err(e) = ed.load_history(h) {
            eprintln!("netsim: history {}: {e}", h.display());
        }
    }
    let mut history_ok = true;
    println!("netsim shell: a simulated Linux host. `help` lists what you can type; TAB completes; `exit` leaves.");
    loop {
        match ed.readline(&session.prompt()) {
            Ok(line) => {
                if let (true, Some(h)) = (history_ok, &history) {
                    if let Err(e) = save_history(&mut ed, h) {
                        eprintln!("netsim: history {}: {e} (not saved)", h.display());
                        history_ok = false;
                    }
                }
                interrupt.store(false, Ordering::SeqCst);
                let (o, flow) = handle(&mut session, &line);
                print_with_status(&o);
                // A Ctrl-C that came while nothing was listening is not kept for later.
                interrupt.store(false, Ordering::SeqCst);
                if !session.sim.has_pacer() {
                    // `reset` made a new simulator.
                    on_terminal(&mut session, &interrupt);
                }
                if flow == Flow::Quit {
                    break;
                }
                *names.borrow_mut() = session.names();
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => {
                // Ctrl-D leaves the innermost shell, like bash.
                let (_, flow) = handle(&mut session, "exit");
                if flow == Flow::Quit {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}

//! `netsim shell`: the interactive teaching shell. A `[init]# ` prompt, `ip netns exec NS bash`
//! (or the `netns NS` built-in) to work inside a namespace, line editing, history and tab
//! completion on a terminal, and built-ins: `help [CMD]`, `trace on|off`, `save FILE`, `exit`.
//!
//! Architecture invariant: this module owns the terminal and the file `save` writes; the
//! session itself (prompt, built-ins, completion, the transcript `check` accepts) is
//! `sim_core::session`, shared with the browser playground.

use std::cell::RefCell;
use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::rc::Rc;

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{CompletionType, Config, Context, Editor, Helper};
use sim_core::session::{complete_line, Flow, Names, Session};
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

/// `netsim shell [--seed N] [FILE]`.
pub fn run(file: Option<&Path>, cfg: SimConfig) -> ExitCode {
    let mut session = Session::new(cfg);
    if let Some(f) = file {
        match crate::load_or_default(Some(f)) {
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
    println!("netsim shell: a simulated Linux host. `help` lists what you can type; TAB completes; `exit` leaves.");
    loop {
        match ed.readline(&session.prompt()) {
            Ok(line) => {
                let (o, flow) = handle(&mut session, &line);
                print(&o);
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

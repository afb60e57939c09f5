//! The shell glue a student types around the tools: words and quotes, pipes into text
//! filters, `cmd &` for background jobs, `#` comments, and dispatch to the tools.
//!
//! Architecture invariant: the shell knows command names, not what they do; each tool lives
//! in `tools/` and sees a parsed argument vector and the namespace it runs in.

use std::collections::BTreeMap;

use crate::engine::trace::Trace;
use crate::model::{Limits, Nanos, NetnsId, World};
use crate::tools;

/// What a command printed, stream by stream in the order it printed, and its exit status.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Output {
    /// `(is_stderr, text)` chunks in order.
    pub chunks: Vec<(bool, String)>,
    pub status: i32,
}

impl Output {
    pub fn ok() -> Output {
        Output::default()
    }
    /// An output with one stderr message and a status.
    pub fn error(msg: impl Into<String>, status: i32) -> Output {
        let mut o = Output::default();
        o.err(msg);
        o.status = status;
        o
    }
    /// An output with one stdout text.
    pub fn text(s: impl Into<String>) -> Output {
        let mut o = Output::default();
        o.out(s);
        o
    }
    pub fn out(&mut self, s: impl Into<String>) {
        let s = s.into();
        if s.is_empty() {
            return;
        }
        match self.chunks.last_mut() {
            Some((false, t)) => t.push_str(&s),
            _ => self.chunks.push((false, s)),
        }
    }
    pub fn err(&mut self, s: impl Into<String>) {
        let s = s.into();
        if s.is_empty() {
            return;
        }
        match self.chunks.last_mut() {
            Some((true, t)) => t.push_str(&s),
            _ => self.chunks.push((true, s)),
        }
    }
    /// Append another output's chunks (its status is not taken).
    pub fn extend(&mut self, o: Output) {
        for (e, s) in o.chunks {
            if e {
                self.err(s)
            } else {
                self.out(s)
            }
        }
    }
    pub fn with_status(mut self, status: i32) -> Output {
        self.status = status;
        self
    }
    /// stdout only.
    pub fn stdout(&self) -> String {
        self.chunks
            .iter()
            .filter(|(e, _)| !e)
            .map(|(_, s)| s.as_str())
            .collect()
    }
    /// stderr only.
    pub fn stderr(&self) -> String {
        self.chunks
            .iter()
            .filter(|(e, _)| *e)
            .map(|(_, s)| s.as_str())
            .collect()
    }
    /// stdout and stderr as a terminal shows them.
    pub fn combined(&self) -> String {
        self.chunks.iter().map(|(_, s)| s.as_str()).collect()
    }
}

/// How a simulation is made.
#[derive(Debug, Clone, Default)]
pub struct SimConfig {
    /// Seeds every random choice (MAC addresses, veth names, ...).
    pub seed: u64,
    pub limits: Limits,
    /// Record a trace of every frame.
    pub trace: bool,
}

/// A simulated host driven by command lines.
#[derive(Debug)]
pub struct Sim {
    pub world: World,
    pub engine: crate::engine::Engine,
    pub trace: Trace,
    /// The namespace commands run in (the shell's `netns` built-in changes it).
    pub cwd_ns: NetnsId,
    /// Docker's records (containers, networks); see `tools::docker`.
    pub docker: crate::tools::docker::DockerState,
    /// The scenario's files (`> FILE`, `< FILE`, `cat FILE`), by [`file_key`]: relative
    /// paths (the kernel backend runs in a scratch directory) and `/tmp/...`.
    pub files: std::collections::BTreeMap<String, String>,
    /// Standard input of the command being run (`< FILE`), taken by the tool that reads it.
    pub stdin: Option<String>,
    /// The driver's pacer for long-running commands (see [`Sim::set_pacer`]).
    pacer: PacerSlot,
    /// The status of the last command line (`$?`).
    last_status: i32,
    /// Whether standard output is a terminal (see [`Sim::set_terminal`]).
    terminal: bool,
    /// The file the running command's stdout goes to, if any (`cat f >> f` is refused).
    out_file: Option<String>,
    /// How many commands are running commands now (`ip netns exec`, `docker`), against
    /// `Limits::max_nesting`.
    depth: usize,
}

/// What a driver answers a long-running command between two of its steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Go on with the next step.
    Continue,
    /// Stop as the real tool does on SIGINT (Ctrl-C): `ping` prints its summary.
    Interrupt,
}

/// One step of a long-running command, as its driver sees it.
#[derive(Debug)]
pub struct Pace<'a> {
    /// Virtual time now.
    pub now: Nanos,
    /// The virtual time the command is about to advance to.
    pub until: Nanos,
    /// True when the command has no end of its own (`ping` without `-c` or `-w`).
    pub unbounded: bool,
    /// What the command printed since the previous step. It is handed over here and is not
    /// part of the command's final [`Output`].
    pub output: &'a Output,
}

/// A driver's pacer: called by long-running commands (`ping`) before each step.
pub type Pacer = Box<dyn FnMut(Pace<'_>) -> Flow>;

#[derive(Default)]
struct PacerSlot(Option<Pacer>);

impl std::fmt::Debug for PacerSlot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Some(pacer)"
        } else {
            "None"
        })
    }
}

/// The key of a file path in [`Sim::files`]: `./a` and `a` are one file. Other absolute
/// paths and `..` are refused (the message names the path).
pub fn file_key(path: &str) -> Result<String, String> {
    let mut p = path;
    while let Some(r) = p.strip_prefix("./") {
        p = r.trim_start_matches('/');
    }
    let bad = p.is_empty() || p.ends_with('/') || p == "." || p.split('/').any(|c| c == "..");
    if bad || (p.starts_with('/') && !(p.starts_with("/tmp/") && p.len() > 5)) {
        return Err(format!(
            "netsim: file `{path}` is not supported (only files in the current directory and /tmp/FILE)\n"
        ));
    }
    Ok(p.to_string())
}

/// A shell word or operator.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Word(String),
    Pipe,
    Amp,
    /// `N>TARGET`: fd 1, 2, or 3 for both (`&>`); TARGET is a path or `&1`/`&2`.
    Redir(u8, String),
    /// `N>>FILE`: append.
    Append(u8, String),
    /// `<FILE`.
    Input(String),
    Other(String),
}

/// Split a command line the way bash does for the subset the simulator supports. `$?`
/// expands to `last_status`.
fn tokenize(line: &str, last_status: i32) -> Result<Vec<Tok>, String> {
    let mut toks = Vec::new();
    let mut cur = String::new();
    let mut has_word = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                has_word = true;
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(ch) => cur.push(ch),
                        None => return Err("unexpected EOF while looking for matching `''".into()),
                    }
                }
            }
            '"' => {
                has_word = true;
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(ch @ ('"' | '\\' | '$' | '`')) => cur.push(ch),
                            Some(ch) => {
                                cur.push('\\');
                                cur.push(ch)
                            }
                            None => {
                                return Err("unexpected EOF while looking for matching `\"'".into())
                            }
                        },
                        Some('$') if chars.peek() == Some(&'?') => {
                            chars.next();
                            cur.push_str(&last_status.to_string());
                        }
                        Some('$')
                            if !chars.peek().is_some_and(|c| {
                                c.is_alphanumeric()
                                    || matches!(
                                        c,
                                        '{' | '(' | '_' | '$' | '!' | '#' | '@' | '*' | '-'
                                    )
                            }) =>
                        {
                            cur.push('$')
                        }
                        Some('$') | Some('`') => return Err("$".into()),
                        Some(ch) => cur.push(ch),
                        None => return Err("unexpected EOF while looking for matching `\"'".into()),
                    }
                }
            }
            '\\' => {
                has_word = true;
                if let Some(ch) = chars.next() {
                    cur.push(ch);
                }
            }
            '$' if chars.peek() == Some(&'?') => {
                chars.next();
                has_word = true;
                cur.push_str(&last_status.to_string());
            }
            ' ' | '\t' => {
                if has_word {
                    toks.push(Tok::Word(std::mem::take(&mut cur)));
                    has_word = false;
                }
            }
            '#' if !has_word => break,
            '>' => {
                let fd = match (has_word, cur.as_str()) {
                    (true, "1") => Some(1),
                    (true, "2") => Some(2),
                    _ => None,
                };
                let fd = match fd {
                    Some(f) => {
                        cur.clear();
                        has_word = false;
                        f
                    }
                    None => {
                        if has_word {
                            toks.push(Tok::Word(std::mem::take(&mut cur)));
                            has_word = false;
                        }
                        // `&>` arrives as an Amp token just before.
                        if matches!(toks.last(), Some(Tok::Amp)) {
                            toks.pop();
                            3
                        } else {
                            1
                        }
                    }
                };
                let append = chars.peek() == Some(&'>');
                if append {
                    chars.next();
                }
                let target = redir_target(&mut chars);
                toks.push(if append {
                    Tok::Append(fd, target)
                } else {
                    Tok::Redir(fd, target)
                });
            }
            '<' if chars.peek() != Some(&'<') && chars.peek() != Some(&'(') => {
                if has_word {
                    toks.push(Tok::Word(std::mem::take(&mut cur)));
                    has_word = false;
                }
                let target = redir_target(&mut chars);
                toks.push(Tok::Input(target));
            }
            '|' | '&' | ';' | '<' | '(' | ')' | '$' | '`' => {
                if has_word {
                    toks.push(Tok::Word(std::mem::take(&mut cur)));
                    has_word = false;
                }
                let next = chars.peek().copied();
                match (c, next) {
                    ('|', Some('|')) | ('&', Some('&')) | ('>', Some('>')) => {
                        chars.next();
                        toks.push(Tok::Other(format!("{c}{c}")));
                    }
                    ('|', _) => toks.push(Tok::Pipe),
                    ('&', _) => toks.push(Tok::Amp),
                    _ => toks.push(Tok::Other(c.to_string())),
                }
            }
            _ => {
                has_word = true;
                cur.push(c);
            }
        }
    }
    if has_word {
        toks.push(Tok::Word(cur));
    }
    Ok(toks)
}

/// The word after `>`, `>>` or `<` (unquoted: up to a blank, `|` or `;`).
fn redir_target(chars: &mut std::iter::Peekable<std::str::Chars>) -> String {
    while chars.peek() == Some(&' ') {
        chars.next();
    }
    let mut target = String::new();
    while let Some(&c) = chars.peek() {
        if c == ' ' || c == '|' || c == ';' {
            break;
        }
        target.push(c);
        chars.next();
    }
    target
}

impl Sim {
    pub fn new(cfg: SimConfig) -> Sim {
        let mut world = World::new(cfg.seed);
        world.limits = cfg.limits;
        let cwd_ns = world.init_ns();
        Sim {
            world,
            engine: Default::default(),
            trace: Trace::new(cfg.trace),
            cwd_ns,
            docker: Default::default(),
            files: Default::default(),
            stdin: None,
            pacer: PacerSlot::default(),
            last_status: 0,
            terminal: false,
            out_file: None,
            depth: 0,
        }
    }

    /// Install (or remove) a pacer. Without one, commands run in virtual time only and a
    /// `ping` with neither `-c` nor `-w` stops by itself (see `tools::ping`). With one, such
    /// commands hand their output over step by step and stop when the pacer interrupts them:
    /// `netsim shell` prints each step at once, sleeps to keep pace with the virtual clock
    /// and turns Ctrl-C into [`Flow::Interrupt`].
    pub fn set_pacer(&mut self, pacer: Option<Pacer>) {
        self.pacer = PacerSlot(pacer);
    }

    /// True when a pacer is installed.
    pub fn has_pacer(&self) -> bool {
        self.pacer.0.is_some()
    }

    /// Hand what `out` holds so far to the pacer, before advancing to `until`. Without a
    /// pacer, `out` is left alone and the answer is [`Flow::Continue`].
    pub fn pace(&mut self, out: &mut Output, until: Nanos, unbounded: bool) -> Flow {
        let Some(p) = self.pacer.0.as_mut() else {
            return Flow::Continue;
        };
        let step = Output {
            chunks: std::mem::take(&mut out.chunks),
            status: 0,
        };
        p(Pace {
            now: self.world.now,
            until,
            unbounded,
            output: &step,
        })
    }

    /// Run one command line as bash would, returning what it printed and its status.
    pub fn run_line(&mut self, line: &str) -> Output {
        let out = self.run_line_inner(line);
        // Deferred kernel work that follows every command (linkwatch).
        self.world.linkwatch_run();
        self.last_status = out.status;
        out
    }

    fn run_line_inner(&mut self, line: &str) -> Output {
        self.trace.begin_command(line);
        self.engine.begin_command();
        let toks = match tokenize(line, self.last_status) {
            Ok(t) => t,
            Err(e) if e == "$" => {
                return Output::error(
                    "netsim: shell expansion (`$`, backquotes) is not supported\n",
                    127,
                )
            }
            Err(e) => return Output::error(format!("bash: -c: line 1: {e}\n"), 2),
        };
        if toks.is_empty() {
            return Output::ok();
        }
        if let Some(Tok::Other(op)) = toks.iter().find(|t| matches!(t, Tok::Other(_))) {
            return Output::error(
                format!("netsim: shell operator `{op}` is not supported\n"),
                127,
            );
        }
        let mut toks = toks;
        let background = matches!(toks.last(), Some(Tok::Amp));
        if background {
            toks.pop();
        }
        if toks.contains(&Tok::Amp) {
            return Output::error("netsim: `&` is supported only at the end of a line\n", 127);
        }
        let mut stages: Vec<Vec<String>> = vec![Vec::new()];
        // Redirections of the whole line's last stage: (drop stdout, drop stderr, merge).
        let mut drop_out = false;
        let mut drop_err = false;
        let mut merge_err = false;
        // Files: stdout's and stderr's (key, append), and stdin's text.
        let mut out_file: Option<(String, bool)> = None;
        let mut err_file: Option<(String, bool)> = None;
        let mut stdin: Option<String> = None;
        for t in toks {
            let (t, append) = match t {
                Tok::Append(fd, x) => (Tok::Redir(fd, x), true),
                t => (t, false),
            };
            match t {
                Tok::Word(w) => stages.last_mut().expect("a stage").push(w),
                Tok::Pipe => stages.push(Vec::new()),
                Tok::Redir(_, target) if target.is_empty() => {
                    return Output::error(
                        format!("bash: -c: line 1: syntax error near unexpected token `newline'\nbash: -c: line 1: `{line}'\n"),
                        2,
                    )
                }
                Tok::Redir(fd, target) if target == "/dev/null" => match fd {
                    1 => drop_out = true,
                    2 => drop_err = true,
                    _ => {
                        drop_out = true;
                        drop_err = true
                    }
                },
                Tok::Redir(2, target) if target == "&1" => {
                    merge_err = true;
                    if drop_out {
                        drop_err = true;
                    }
                    if out_file.is_some() {
                        err_file = out_file.clone().map(|(k, _)| (k, true));
                    }
                }
                Tok::Redir(fd, target) if !target.starts_with('&') => {
                    let key = match file_key(&target) {
                        Ok(k) => k,
                        Err(e) => return Output::error(e, 127),
                    };
                    if !append {
                        // bash truncates (creates) the file before running the command.
                        self.files.insert(key.clone(), String::new());
                    } else {
                        self.files.entry(key.clone()).or_default();
                    }
                    if fd != 2 {
                        out_file = Some((key.clone(), true));
                        drop_out = false;
                    }
                    if fd != 1 {
                        err_file = Some((key, true));
                        drop_err = false;
                    }
                }
                Tok::Input(target) => {
                    let key = match file_key(&target) {
                        Ok(k) => k,
                        Err(e) => return Output::error(e, 127),
                    };
                    match self.files.get(&key) {
                        Some(text) => stdin = Some(text.clone()),
                        None => {
                            return Output::error(format!("bash: line 1: {target}: No such file or directory\n"), 1)
                        }
                    }
                }
                Tok::Redir(_, t) => {
                    return Output::error(
                        format!("netsim: redirection to `{t}` is not supported (only files, /dev/null and 2>&1)\n"),
                        127,
                    )
                }
                _ => {}
            }
        }
        if stages.iter().any(|s| s.is_empty()) {
            let msg = if stages.len() > 1 {
                "bash: -c: line 1: syntax error near unexpected token `|'\n"
            } else {
                ""
            };
            return Output::error(format!("{msg}bash: -c: line 1: `{line}'\n"), 2);
        }
        let ns = self.cwd_ns;
        let first = stages.remove(0);
        self.stdin = stdin;
        self.out_file = if stages.is_empty() {
            out_file.as_ref().map(|(k, _)| k.clone())
        } else {
            None
        };
        let first: Vec<&str> = first.iter().map(String::as_str).collect();
        let mut out = self.exec(ns, &first, background);
        self.stdin = None;
        self.out_file = None;
        if merge_err && !stages.is_empty() {
            // `cmd 2>&1 | filter`: stderr goes down the pipe too.
            let status = out.status;
            out = Output::text(out.combined()).with_status(status);
        }
        if background {
            // A background job's output is not part of the transcript; bash prints nothing.
            return Output::ok();
        }
        // A refusal anywhere in the pipeline is the pipeline's status: what was not modelled
        // must not pass for a success (bash itself would give the last command's status).
        let mut refused = out.status == 127;
        for filter in stages {
            let input = out.stdout();
            let next = tools::filters::run(&filter, &input);
            refused |= next.status == 127;
            // stderr of earlier stages still reaches the terminal, before the filter's output.
            let mut merged = Output::default();
            merged.err(out.stderr());
            let status = next.status;
            merged.extend(next);
            merged.status = status;
            out = merged;
        }
        if refused {
            out.status = 127;
        }
        if drop_out || drop_err {
            out.chunks
                .retain(|(is_err, _)| if *is_err { !drop_err } else { !drop_out });
        }
        if out_file.is_some() || err_file.is_some() {
            // Into the files, in the order the command printed, within the size limit.
            let to = |is_err: bool| if is_err { &err_file } else { &out_file };
            let max = self.world.limits.max_file_bytes;
            let mut grown: BTreeMap<&str, usize> = BTreeMap::new();
            for (is_err, text) in &out.chunks {
                if let Some((k, _)) = to(*is_err) {
                    *grown.entry(k.as_str()).or_default() += text.len();
                }
            }
            let too_big = grown.iter().any(|(k, add)| {
                self.files
                    .get(*k)
                    .map_or(0, String::len)
                    .saturating_add(*add)
                    > max
            });
            if too_big {
                return Output::error(
                    format!("netsim: file size limit of {max} bytes reached (raise it with --max-file-bytes)\n"),
                    1,
                );
            }
            for (is_err, text) in &out.chunks {
                if let Some((k, _)) = to(*is_err) {
                    self.files.entry(k.clone()).or_default().push_str(text);
                }
            }
            out.chunks.retain(|(is_err, _)| to(*is_err).is_none());
        }
        out
    }

    /// Tell the simulator whether standard output is a terminal (`netsim shell`) or not
    /// (transcripts, the default). It decides how tools' stdout is buffered against stderr.
    pub fn set_terminal(&mut self, terminal: bool) {
        self.terminal = terminal;
    }

    /// Run an argument vector in a namespace.
    pub fn exec(&mut self, ns: NetnsId, argv: &[&str], background: bool) -> Output {
        let max = self.world.limits.max_nesting;
        if self.depth >= max {
            return Output::error(
                format!("netsim: nesting limit of {max} commands running commands reached (raise it with --max-nesting)\n"),
                1,
            );
        }
        self.depth += 1;
        let out = self.exec_inner(ns, argv, background);
        self.depth -= 1;
        if !self.terminal && FULLY_BUFFERED.contains(&argv[0]) {
            stdio_order(out)
        } else {
            out
        }
    }

    fn exec_inner(&mut self, ns: NetnsId, argv: &[&str], background: bool) -> Output {
        let args = &argv[1..];
        let ctx = tools::Ctx { ns, background };
        match argv[0] {
            "ip" => tools::ip::run(self, ctx, &args),
            "ethtool" => tools::ethtool::run(self, ctx, &args),
            "sysctl" => tools::sysctl::run(self, ctx, &args),
            "ping" => tools::ping::run(self, ctx, &args),
            "sleep" => tools::misc::sleep(self, &args),
            "sh" | "bash" | "dash" | "zsh" => tools::unsupported(
                &argv[0],
                "running a nested shell (the interactive `netsim shell` has `netns NAME`)",
            ),
            "true" => Output::ok(),
            "false" => Output::ok().with_status(1),
            "echo" => tools::misc::echo(args),
            "cat" => self.cat(&args),
            "grep" | "head" | "tail" | "wc" | "sort" => tools::filters::run(argv, ""),
            name => match tools::external(name) {
                Some(run) => run(self, ctx, &args),
                None if tools::NOT_MODELLED.contains(&name) => tools::not_modelled(name),
                None => Output::error(format!("bash: line 1: {name}: command not found\n"), 127),
            },
        }
    }
}

/// Tools whose stdout is fully buffered by the C library when it is not a terminal (they
/// never flush it themselves), so that what they print on stderr, which is unbuffered,
/// comes first in a transcript. Checked on the kernel: `conntrack -L` prints its summary
/// (stderr) before its entries; `sysctl` and `ping` flush line by line and are not here.
const FULLY_BUFFERED: &[&str] = &["conntrack"];

/// glibc's buffer for a pipe (`st_blksize`).
const PIPE_BUFFER: usize = 4096;

/// The order in which a fully buffered tool's output reaches a pipe: stderr at once, stdout
/// in blocks of [`PIPE_BUFFER`] bytes as the buffer fills, and the rest at exit.
fn stdio_order(out: Output) -> Output {
    let mut o = Output {
        chunks: Vec::with_capacity(out.chunks.len()),
        status: out.status,
    };
    let mut pending = String::new();
    for (is_err, text) in out.chunks {
        if is_err {
            o.chunks.push((true, text));
            continue;
        }
        pending.push_str(&text);
        while pending.len() >= PIPE_BUFFER {
            let mut cut = PIPE_BUFFER;
            while !pending.is_char_boundary(cut) {
                cut -= 1;
            }
            let rest = pending.split_off(cut);
            o.chunks
                .push((false, std::mem::replace(&mut pending, rest)));
        }
    }
    if !pending.is_empty() {
        o.chunks.push((false, pending));
    }
    o
}

impl Sim {
    /// `cat [FILE|-]...`: the scenario's files (see [`Sim::files`]) or standard input.
    fn cat(&mut self, args: &[&str]) -> Output {
        let mut o = Output::ok();
        let stdin = self.stdin.take().unwrap_or_default();
        let names: Vec<&str> = if args.is_empty() {
            vec!["-"]
        } else {
            args.to_vec()
        };
        for a in names {
            if a == "-" {
                o.out(stdin.clone());
                continue;
            }
            if a.starts_with('-') {
                return tools::unsupported("cat", &format!("option `{a}`"));
            }
            let key = match file_key(a) {
                Ok(k) => k,
                Err(e) => return Output::error(e, 127),
            };
            match self.files.get(&key) {
                Some(t) if self.out_file.as_deref() == Some(key.as_str()) && !t.is_empty() => {
                    // GNU cat will not read the file it is appending to.
                    o.err(format!("cat: {a}: input file is output file\n"));
                    o.status = 1;
                }
                Some(t) => o.out(t.clone()),
                None => {
                    o.err(format!("cat: {a}: No such file or directory\n"));
                    o.status = 1;
                }
            }
        }
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokenize_for_test(line: &str) -> Result<Vec<Tok>, String> {
        tokenize(line, 0)
    }

    #[test]
    fn tokenizer_handles_quotes_pipes_and_comments() {
        let t = tokenize_for_test("ip netns exec ns0 ip link | grep 'a b'  # note").unwrap();
        assert_eq!(t.len(), 9);
        assert_eq!(t[6], Tok::Pipe);
        assert_eq!(t[8], Tok::Word("a b".into()));
        assert_eq!(
            tokenize_for_test("a&").unwrap(),
            vec![Tok::Word("a".into()), Tok::Amp]
        );
        assert!(tokenize_for_test("echo 'x").is_err());
        assert_eq!(
            tokenize_for_test("ping x >/dev/null 2>&1").unwrap()[2..],
            [
                Tok::Redir(1, "/dev/null".into()),
                Tok::Redir(2, "&1".into())
            ]
        );
    }

    #[test]
    fn unknown_command_is_127() {
        let mut sim = Sim::new(SimConfig::default());
        let o = sim.run_line("frobnicate --now");
        assert_eq!(o.status, 127);
        assert_eq!(
            o.combined(),
            "bash: line 1: frobnicate: command not found\n"
        );
    }

    #[test]
    fn files_redirections_and_cat() {
        let mut sim = Sim::new(SimConfig::default());
        assert_eq!(sim.run_line("echo a > f").combined(), "");
        sim.run_line("echo b >> ./f");
        assert_eq!(sim.run_line("cat f").stdout(), "a\nb\n");
        assert_eq!(sim.run_line("cat < f").stdout(), "a\nb\n");
        sim.run_line("frobnicate > /tmp/g 2>&1");
        assert_eq!(
            sim.files.get("/tmp/g").map(String::as_str),
            Some("bash: line 1: frobnicate: command not found\n")
        );
        let o = sim.run_line("echo x > /etc/passwd");
        assert_eq!(o.status, 127);
        assert!(o.combined().contains("`/etc/passwd`"), "{}", o.combined());
        assert_eq!(sim.run_line("cat ../f").status, 127);
        let o = sim.run_line("cat < nofile");
        assert_eq!(
            (o.status, o.combined().as_str()),
            (1, "bash: line 1: nofile: No such file or directory\n")
        );
    }

    #[test]
    fn unsupported_operator_is_refused_by_name() {
        let mut sim = Sim::new(SimConfig::default());
        let o = sim.run_line("ip link; ip addr");
        assert_eq!(o.status, 127);
        assert!(o.combined().contains("`;`"));
    }
}

#[cfg(test)]
mod limit_tests {
    use super::*;

    fn sim_with(f: impl FnOnce(&mut Limits)) -> Sim {
        let mut cfg = SimConfig::default();
        f(&mut cfg.limits);
        Sim::new(cfg)
    }

    #[test]
    fn nesting_is_linear_and_bounded() {
        let mut sim = sim_with(|l| l.max_nesting = 50);
        sim.run_line("ip netns add a");
        // `ip netns exec` levels are peeled without recursion: any depth works.
        let deep = format!("{}ip -br link show lo", "ip netns exec a ".repeat(20_000));
        let o = sim.run_line(&deep);
        assert_eq!(o.status, 0, "{}", o.combined());
        // Other ways of nesting count against the limit, with its message and status 1.
        let other = format!("{}ip link", "ip -n a netns exec a ".repeat(60));
        let o = sim.run_line(&other);
        assert_eq!(o.status, 1);
        assert!(o.combined().contains("--max-nesting"), "{}", o.combined());
    }

    #[test]
    fn rules_limit_leaves_the_rules_as_they_were() {
        let mut sim = sim_with(|l| l.max_rules = 2);
        for _ in 0..2 {
            assert_eq!(sim.run_line("iptables -A INPUT -j ACCEPT").status, 0);
        }
        let o = sim.run_line("iptables -I INPUT -j DROP");
        assert_eq!(o.status, 1);
        assert!(o.combined().contains("--max-rules"));
        assert_eq!(
            sim.run_line("iptables -S INPUT").stdout().lines().count(),
            3
        );
    }

    #[test]
    fn ping_stops_at_the_time_limit_and_without_a_count() {
        let mut sim = sim_with(|l| l.max_time_s = 1);
        sim.run_line("ip link set lo up");
        let o = sim.run_line("ping -c 5 127.0.0.1");
        assert_eq!(o.status, 1);
        assert!(o.combined().contains("--max-time"), "{}", o.combined());
        let mut sim = Sim::new(SimConfig::default());
        sim.run_line("ip link set lo up");
        let o = sim.run_line("ping 127.0.0.1");
        assert!(
            o.stdout().contains("4 packets transmitted, 4 received"),
            "{}",
            o.combined()
        );
        // With no carrier, no answer: still four probes, bounded.
        sim.run_line("ip link add v0 type veth peer name v1");
        sim.run_line("ip addr add 10.9.0.1/24 dev v0");
        sim.run_line("ip link set v0 up");
        let o = sim.run_line("ping 10.9.0.2");
        assert!(
            o.stdout().contains("4 packets transmitted, 0 received"),
            "{}",
            o.combined()
        );
    }

    #[test]
    fn a_pacer_sees_every_step_and_can_interrupt() {
        let mut sim = Sim::new(SimConfig::default());
        sim.run_line("ip link set lo up");
        let seen = std::rc::Rc::new(std::cell::RefCell::new(String::new()));
        let s2 = seen.clone();
        let mut steps = 0;
        sim.set_pacer(Some(Box::new(move |p: Pace<'_>| {
            s2.borrow_mut().push_str(&p.output.combined());
            steps += 1;
            if p.unbounded && p.now >= 9_500_000_000 {
                Flow::Interrupt
            } else {
                Flow::Continue
            }
        })));
        let o = sim.run_line("ping 127.0.0.1");
        let streamed = seen.borrow().clone();
        assert!(streamed.contains("icmp_seq=10 "), "{streamed}");
        assert!(!streamed.contains("statistics"));
        assert!(
            o.stdout().contains("--- 127.0.0.1 ping statistics ---"),
            "{}",
            o.combined()
        );
    }
}

#[cfg(test)]
mod stdio_tests {
    use super::*;

    #[test]
    fn fully_buffered_stdout_reaches_a_pipe_after_stderr_in_blocks() {
        let mut o = Output::ok();
        o.out("a\n");
        o.err("e1\n");
        o.out("x".repeat(5000));
        o.err("e2\n");
        let r = stdio_order(o);
        let kinds: Vec<(bool, usize)> = r.chunks.iter().map(|(e, t)| (*e, t.len())).collect();
        assert_eq!(
            kinds,
            vec![(true, 3), (false, 4096), (true, 3), (false, 906)]
        );
    }

    #[test]
    fn conntrack_prints_its_summary_first_in_a_transcript_but_not_on_a_terminal() {
        let mut sim = Sim::new(SimConfig::default());
        let o = sim.run_line("conntrack -L");
        assert!(o.chunks.first().is_some_and(|(e, _)| *e), "{o:?}");
        sim.set_terminal(true);
        sim.run_line("iptables -A INPUT -m state --state NEW -j ACCEPT");
        sim.run_line("ip link set lo up");
        sim.run_line("ping -c 1 127.0.0.1");
        let o = sim.run_line("conntrack -L");
        assert!(o.chunks.first().is_some_and(|(e, _)| !*e), "{o:?}");
    }
}

#[cfg(test)]
mod file_limit_tests {
    use super::*;

    #[test]
    fn files_have_a_size_limit_and_doubling_stops_there() {
        let mut cfg = SimConfig::default();
        cfg.limits.max_file_bytes = 1000;
        let mut sim = Sim::new(cfg);
        sim.run_line("echo 0123456789 > f");
        let mut refused = Vec::new();
        for _ in 0..10 {
            for line in ["cat f f > g", "cat g g > f"] {
                let o = sim.run_line(line);
                if o.status != 0 {
                    refused.push(o);
                }
            }
        }
        let first = refused.first().expect("the limit stops the doubling");
        assert_eq!(first.status, 1);
        assert!(
            first.combined().contains("--max-file-bytes"),
            "{}",
            first.combined()
        );
        assert!(sim.files.values().all(|f| f.len() <= 1000));
    }
}

//! The shell glue a student types around the tools: words and quotes, pipes into text
//! filters, `cmd &` for background jobs, `#` comments, and dispatch to the tools.
//!
//! Architecture invariant: the shell knows command names, not what they do; each tool lives
//! in `tools/` and sees a parsed argument vector and the namespace it runs in.

use crate::engine::trace::Trace;
use crate::model::{Limits, NetnsId, World};
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
        self.chunks.iter().filter(|(e, _)| !e).map(|(_, s)| s.as_str()).collect()
    }
    /// stderr only.
    pub fn stderr(&self) -> String {
        self.chunks.iter().filter(|(e, _)| *e).map(|(_, s)| s.as_str()).collect()
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
}

/// A shell word or operator.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Word(String),
    Pipe,
    Amp,
    /// `N>TARGET`: fd 1, 2, or 3 for both (`&>`); TARGET is a path or `&1`/`&2`.
    Redir(u8, String),
    Other(String),
}

/// Split a command line the way bash does for the subset the simulator supports.
fn tokenize(line: &str) -> Result<Vec<Tok>, String> {
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
                            None => return Err("unexpected EOF while looking for matching `\"'".into()),
                        },
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
                if chars.peek() == Some(&'>') {
                    toks.push(Tok::Other(">>".into()));
                    chars.next();
                    continue;
                }
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
                toks.push(Tok::Redir(fd, target));
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

impl Sim {
    pub fn new(cfg: SimConfig) -> Sim {
        let mut world = World::new(cfg.seed);
        world.limits = cfg.limits;
        let cwd_ns = world.init_ns();
        Sim { world, engine: Default::default(), trace: Trace::new(cfg.trace), cwd_ns, docker: Default::default() }
    }

    /// Run one command line as bash would, returning what it printed and its status.
    pub fn run_line(&mut self, line: &str) -> Output {
        self.trace.begin_command(line);
        self.engine.begin_command();
        let toks = match tokenize(line) {
            Ok(t) => t,
            Err(e) if e == "$" => {
                return Output::error("netsim: shell expansion (`$`, backquotes) is not supported\n", 127)
            }
            Err(e) => return Output::error(format!("bash: -c: line 1: {e}\nbash: -c: line 2: syntax error: unexpected end of file\n"), 2),
        };
        if toks.is_empty() {
            return Output::ok();
        }
        if let Some(Tok::Other(op)) = toks.iter().find(|t| matches!(t, Tok::Other(_))) {
            return Output::error(format!("netsim: shell operator `{op}` is not supported\n"), 127);
        }
        let mut toks = toks;
        let background = matches!(toks.last(), Some(Tok::Amp));
        if background {
            toks.pop();
        }
        if toks.iter().any(|t| *t == Tok::Amp) {
            return Output::error("netsim: `&` is supported only at the end of a line\n", 127);
        }
        let mut stages: Vec<Vec<String>> = vec![Vec::new()];
        // Redirections of the whole line's last stage: (drop stdout, drop stderr, merge).
        let mut drop_out = false;
        let mut drop_err = false;
        let mut merge_err = false;
        for t in toks {
            match t {
                Tok::Word(w) => stages.last_mut().expect("a stage").push(w),
                Tok::Pipe => stages.push(Vec::new()),
                Tok::Redir(fd, target) => match (fd, target.as_str()) {
                    (1, "/dev/null") => drop_out = true,
                    (2, "/dev/null") => drop_err = true,
                    (3, "/dev/null") => {
                        drop_out = true;
                        drop_err = true
                    }
                    (2, "&1") => {
                        merge_err = true;
                        if drop_out {
                            drop_err = true;
                        }
                    }
                    (_, t) => {
                        return Output::error(
                            format!("netsim: redirection to `{t}` is not supported (only /dev/null and 2>&1)\n"),
                            127,
                        )
                    }
                },
                _ => {}
            }
        }
        if stages.iter().any(|s| s.is_empty()) {
            let msg = if stages.len() > 1 { "bash: -c: line 1: syntax error near unexpected token `|'\n" } else { "" };
            return Output::error(format!("{msg}bash: -c: line 1: `{line}'\n"), 2);
        }
        let ns = self.cwd_ns;
        let first = stages.remove(0);
        let mut out = self.exec(ns, &first, background);
        if merge_err && !stages.is_empty() {
            // `cmd 2>&1 | filter`: stderr goes down the pipe too.
            let status = out.status;
            out = Output::text(out.combined()).with_status(status);
        }
        if background {
            // A background job's output is not part of the transcript; bash prints nothing.
            return Output::ok();
        }
        for filter in stages {
            let input = out.stdout();
            let mut next = tools::filters::run(&filter, &input);
            // stderr of earlier stages still reaches the terminal, before the filter's output.
            let mut merged = Output::default();
            merged.err(out.stderr());
            merged.extend(std::mem::take(&mut next));
            merged.status = next.status;
            out = merged;
        }
        if drop_out || drop_err {
            out.chunks.retain(|(is_err, _)| if *is_err { !drop_err } else { !drop_out });
        }
        out
    }

    /// Run an argument vector in a namespace.
    pub fn exec(&mut self, ns: NetnsId, argv: &[String], background: bool) -> Output {
        let args: Vec<&str> = argv[1..].iter().map(|s| s.as_str()).collect();
        let ctx = tools::Ctx { ns, background };
        match argv[0].as_str() {
            "ip" => tools::ip::run(self, ctx, &args),
            "ethtool" => tools::ethtool::run(self, ctx, &args),
            "sysctl" => tools::sysctl::run(self, ctx, &args),
            "ping" => tools::ping::run(self, ctx, &args),
            "sleep" => tools::misc::sleep(self, &args),
            "sh" | "bash" | "dash" | "zsh" => {
                tools::unsupported(&argv[0], "running a nested shell (the interactive `netsim shell` has `netns NAME`)")
            }
            "true" => Output::ok(),
            "false" => Output::ok().with_status(1),
            "echo" => Output::text(format!("{}\n", args.join(" "))),
            "grep" | "head" | "tail" | "wc" | "sort" => tools::filters::run(argv, ""),
            name => match tools::external(name) {
                Some(run) => run(self, ctx, &args),
                None => Output::error(format!("bash: line 1: {name}: command not found\n"), 127),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizer_handles_quotes_pipes_and_comments() {
        let t = tokenize("ip netns exec ns0 ip link | grep 'a b'  # note").unwrap();
        assert_eq!(t.len(), 9);
        assert_eq!(t[6], Tok::Pipe);
        assert_eq!(t[8], Tok::Word("a b".into()));
        assert_eq!(tokenize("a&").unwrap(), vec![Tok::Word("a".into()), Tok::Amp]);
        assert!(tokenize("echo 'x").is_err());
        assert_eq!(
            tokenize("ping x >/dev/null 2>&1").unwrap()[2..],
            [Tok::Redir(1, "/dev/null".into()), Tok::Redir(2, "&1".into())]
        );
    }

    #[test]
    fn unknown_command_is_127() {
        let mut sim = Sim::new(SimConfig::default());
        let o = sim.run_line("frobnicate --now");
        assert_eq!(o.status, 127);
        assert_eq!(o.combined(), "bash: line 1: frobnicate: command not found\n");
    }

    #[test]
    fn unsupported_operator_is_refused_by_name() {
        let mut sim = Sim::new(SimConfig::default());
        let o = sim.run_line("ip link; ip addr");
        assert_eq!(o.status, 127);
        assert!(o.combined().contains("`;`"));
    }
}

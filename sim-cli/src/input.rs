//! Reading scenarios without reading everything first: a line reader with a per-line and a
//! per-script size limit, and a streaming parser that hands out each command as soon as its
//! `$ ` line (or its line of a plain script) has been read, so `run` and `diff` print results
//! while the input is still coming.
//!
//! The format is `sim_core::scenario`'s; this module only decides, line by line, what is a
//! command. One exception to "as soon as it is read": a file whose first lines are not
//! `$ ` lines may be a plain script (no `$ ` line at all) or a transcript's free text, and
//! only a later `$ ` line or the end of the input tells them apart, so those lines are held
//! (within the script size limit) until then.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// Size limits for reading a scenario.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Longest line, in bytes, without its newline (`--max-line-bytes`).
    pub max_line: usize,
    /// Longest input, in bytes (`--max-script-bytes`).
    pub max_script: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_line: DEFAULT_MAX_LINE,
            max_script: DEFAULT_MAX_SCRIPT,
        }
    }
}

pub const DEFAULT_MAX_LINE: usize = 64 * 1024;
pub const DEFAULT_MAX_SCRIPT: usize = 16 * 1024 * 1024;

/// Lines of a file or of standard input, within the limits.
pub struct Lines {
    name: String,
    reader: Box<dyn BufRead>,
    limits: Limits,
    read: usize,
    line_no: usize,
}

impl std::fmt::Debug for Lines {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lines")
            .field("name", &self.name)
            .field("read", &self.read)
            .finish()
    }
}

impl Lines {
    /// Open a file, or standard input for `-`.
    pub fn open(path: &Path, limits: Limits) -> Result<Lines, String> {
        let (name, reader): (String, Box<dyn BufRead>) = if path == Path::new("-") {
            ("stdin".into(), Box::new(BufReader::new(std::io::stdin())))
        } else {
            let f = std::fs::File::open(path)
                .map_err(|e| format!("netsim: {}: {e}", path.display()))?;
            if f.metadata().is_ok_and(|m| m.is_dir()) {
                return Err(format!("netsim: {}: Is a directory", path.display()));
            }
            (path.display().to_string(), Box::new(BufReader::new(f)))
        };
        Ok(Lines {
            name,
            reader,
            limits,
            read: 0,
            line_no: 0,
        })
    }

    /// Lines of a string already in memory (the built-in walkthrough, tests).
    pub fn from_text(name: &str, text: &'static str, limits: Limits) -> Lines {
        Lines {
            name: name.into(),
            reader: Box::new(text.as_bytes()),
            limits,
            read: 0,
            line_no: 0,
        }
    }

    /// The next line, without its newline (and without a `\r` before it), or `None` at the end.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Result<Option<String>, String> {
        let mut buf = Vec::new();
        let cap = self.limits.max_line as u64 + 2;
        let n = (&mut self.reader)
            .take(cap)
            .read_until(b'\n', &mut buf)
            .map_err(|e| format!("netsim: {}: {e}", self.name))?;
        if n == 0 {
            return Ok(None);
        }
        self.line_no += 1;
        self.read += n;
        if buf.last() == Some(&b'\n') {
            buf.pop();
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
        }
        if buf.len() > self.limits.max_line {
            return Err(format!(
                "netsim: {}: line {} is longer than the line size limit of {} bytes (--max-line-bytes N raises the limit)",
                self.name, self.line_no, self.limits.max_line
            ));
        }
        if self.read > self.limits.max_script {
            return Err(format!(
                "netsim: {}: the input is longer than the script size limit of {} bytes (--max-script-bytes N raises the limit)",
                self.name, self.limits.max_script
            ));
        }
        Ok(Some(String::from_utf8_lossy(&buf).into_owned()))
    }

    /// The whole input as text (lines joined with `\n`), within the limits.
    pub fn read_all(mut self) -> Result<String, String> {
        let mut s = String::new();
        while let Some(l) = self.next()? {
            s.push_str(&l);
            s.push('\n');
        }
        Ok(s)
    }
}

/// What the streaming parser hands out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// Free text before the first command of a transcript (given once, before any command).
    Preamble(String),
    /// A command to run.
    Command(String),
}

#[derive(Debug)]
enum Mode {
    /// No `$ ` line yet: holding lines that are a preamble or a plain script.
    Undecided(Vec<String>),
    Transcript,
    /// A plain script's commands, from the held lines, handed out in order.
    Plain(std::collections::VecDeque<String>),
    Markdown {
        in_block: bool,
    },
    Done,
}

/// A scenario read and parsed as it comes.
#[derive(Debug)]
pub struct Stream {
    lines: Lines,
    mode: Mode,
    pending: std::collections::VecDeque<Item>,
    /// Every line read before the first command (the preamble, Markdown's text).
    head: String,
    started: bool,
}

impl Stream {
    /// Parse `lines` as a transcript or plain script, or as Markdown.
    pub fn new(lines: Lines, markdown: bool) -> Stream {
        Stream {
            lines,
            mode: if markdown {
                Mode::Markdown { in_block: false }
            } else {
                Mode::Undecided(Vec::new())
            },
            pending: Default::default(),
            head: String::new(),
            started: false,
        }
    }

    /// The lines read before the first command, once it has been handed out.
    pub fn head(&self) -> &str {
        &self.head
    }

    /// Open a file (`-`: standard input); Markdown by extension.
    pub fn open(path: &Path, limits: Limits) -> Result<Stream, String> {
        let md = path.extension().is_some_and(|e| e == "md");
        Ok(Stream::new(Lines::open(path, limits)?, md))
    }

    /// The next item, `None` at the end of the scenario.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Result<Option<Item>, String> {
        loop {
            if let Some(i) = self.pending.pop_front() {
                return Ok(Some(i));
            }
            if let Mode::Plain(q) = &mut self.mode {
                return Ok(q.pop_front().map(Item::Command));
            }
            if matches!(self.mode, Mode::Done) {
                return Ok(None);
            }
            let line = self.lines.next()?;
            if let (false, Some(l)) = (self.started, &line) {
                if command_of(l).is_some()
                    && !matches!(self.mode, Mode::Markdown { in_block: false })
                {
                    self.started = true;
                } else {
                    self.head.push_str(l);
                    self.head.push('\n');
                }
            }
            match (&mut self.mode, line) {
                (Mode::Undecided(held), None) => {
                    let cmds = held
                        .iter()
                        .map(|l| l.trim())
                        .filter(|l| !l.is_empty() && !l.starts_with('#'))
                        .map(str::to_string)
                        .collect();
                    self.mode = Mode::Plain(cmds);
                }
                (Mode::Undecided(held), Some(l)) => {
                    if let Some(cmd) = command_of(&l) {
                        let mut pre = String::new();
                        for h in held.drain(..) {
                            pre.push_str(&h);
                            pre.push('\n');
                        }
                        self.pending.push_back(Item::Preamble(pre));
                        self.pending.push_back(Item::Command(cmd));
                        self.mode = Mode::Transcript;
                    } else {
                        held.push(l);
                    }
                }
                (Mode::Transcript, Some(l)) => {
                    if let Some(cmd) = command_of(&l) {
                        return Ok(Some(Item::Command(cmd)));
                    }
                }
                (Mode::Markdown { in_block }, Some(l)) => {
                    let t = l.trim_start();
                    if !*in_block && t == "```console" {
                        *in_block = true;
                    } else if *in_block && t == "```" {
                        *in_block = false;
                    } else if *in_block {
                        if let Some(cmd) = command_of(&l) {
                            return Ok(Some(Item::Command(cmd)));
                        }
                    }
                }
                (_, None) => self.mode = Mode::Done,
                (Mode::Plain(_) | Mode::Done, Some(_)) => unreachable!("handled above"),
            }
        }
    }
}

/// The command of a transcript's `$ ` line.
fn command_of(l: &str) -> Option<String> {
    if l == "$" {
        return Some(String::new());
    }
    l.strip_prefix("$ ").map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim_core::scenario;

    fn items(text: &'static str, md: bool) -> Vec<Item> {
        let mut s = Stream::new(Lines::from_text("t", text, Limits::default()), md);
        let mut v = Vec::new();
        while let Some(i) = s.next().expect("read") {
            v.push(i);
        }
        v
    }

    fn commands(v: &[Item]) -> Vec<String> {
        v.iter()
            .filter_map(|i| match i {
                Item::Command(c) => Some(c.clone()),
                Item::Preamble(_) => None,
            })
            .collect()
    }

    #[test]
    fn same_commands_as_the_whole_file_parsers() {
        for (text, md) in [
            ("free\ntext\n$ ip link\n1: lo\n$ nosuch\nbash: nosuch\n[127]\n$\n$ sleep 1\n", false),
            ("ip netns add a\n\n# comment\n  ip link  \n", false),
            ("", false),
            ("# intro\n```console\n$ ip link\nout\n```\ntext\n$ not a command\n```console\n$ ping -c 1 x\n```\n", true),
        ] {
            let want = if md {
                scenario::parse_markdown(text)
            } else {
                scenario::parse(text)
            };
            let got = items(text, md);
            let want_cmds: Vec<String> = want.steps.iter().map(|s| s.command.clone()).collect();
            assert_eq!(commands(&got), want_cmds, "{text}");
            if !md && !want.preamble.is_empty() {
                assert_eq!(got[0], Item::Preamble(want.preamble.clone()));
            }
        }
    }

    #[test]
    fn limits_name_the_option() {
        let mut l = Lines::from_text(
            "x",
            "short\nthis line is too long\n",
            Limits {
                max_line: 10,
                max_script: 100,
            },
        );
        assert_eq!(l.next().expect("first"), Some("short".into()));
        let e = l.next().expect_err("too long");
        assert_eq!(e, "netsim: x: line 2 is longer than the line size limit of 10 bytes (--max-line-bytes N raises the limit)");
        let mut l = Lines::from_text(
            "x",
            "1234\n1234\n1234\n",
            Limits {
                max_line: 10,
                max_script: 12,
            },
        );
        assert!(l.next().is_ok() && l.next().is_ok());
        let e = l.next().expect_err("too much");
        assert!(
            e.contains("script size limit of 12 bytes (--max-script-bytes N"),
            "{e}"
        );
        // A line of exactly the limit is fine, with or without its newline.
        let mut l = Lines::from_text(
            "x",
            "1234567890\n1234567890",
            Limits {
                max_line: 10,
                max_script: 100,
            },
        );
        assert_eq!(l.next().expect("a").as_deref(), Some("1234567890"));
        assert_eq!(l.next().expect("b").as_deref(), Some("1234567890"));
        assert_eq!(l.next().expect("end"), None);
    }
}

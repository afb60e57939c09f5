//! The scenario format: cram-like transcripts, plain scripts, and Markdown whose
//! ```console blocks are transcripts. Parsing and rendering only; running is elsewhere.
//!
//! Architecture invariant: this module knows nothing about the simulator; it turns text
//! into a list of commands with optional expectations, and back.

/// One command of a scenario, with what it is expected to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub command: String,
    /// Expected combined output, `None` for plain scripts.
    pub expected: Option<String>,
    /// Expected exit status (0 unless a `[N]` line closes the output).
    pub expected_status: i32,
}

/// A parsed scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    /// Text before the first command (transcripts) kept as written.
    pub preamble: String,
    pub steps: Vec<Step>,
    /// For Markdown: the document split around console blocks.
    pub markdown: Option<Markdown>,
}

/// A Markdown document: text segments with console blocks between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Markdown {
    /// `segments[i]` precedes block i; the last segment follows the last block.
    pub segments: Vec<String>,
    /// For each block, the range of steps it holds.
    pub blocks: Vec<std::ops::Range<usize>>,
}

/// What running one step printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actual {
    pub command: String,
    pub output: String,
    pub status: i32,
}

fn is_status_line(l: &str) -> Option<i32> {
    let inner = l.strip_prefix('[')?.strip_suffix(']')?;
    if inner.is_empty() || !inner.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    inner.parse().ok()
}

/// Parse a transcript or a plain script.
pub fn parse(text: &str) -> Scenario {
    let lines: Vec<&str> = text.lines().collect();
    if !lines.iter().any(|l| l.starts_with("$ ") || *l == "$") {
        let steps = lines
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| Step {
                command: l.to_string(),
                expected: None,
                expected_status: 0,
            })
            .collect();
        return Scenario {
            preamble: String::new(),
            steps,
            markdown: None,
        };
    }
    let (preamble, steps) = parse_transcript(&lines);
    Scenario {
        preamble,
        steps,
        markdown: None,
    }
}

fn parse_transcript(lines: &[&str]) -> (String, Vec<Step>) {
    let mut preamble = String::new();
    let mut steps: Vec<Step> = Vec::new();
    let mut cur: Option<(String, Vec<&str>)> = None;
    let finish = |cur: Option<(String, Vec<&str>)>, steps: &mut Vec<Step>| {
        if let Some((cmd, mut out)) = cur {
            let mut status = 0;
            if let Some(last) = out.last() {
                if let Some(s) = is_status_line(last) {
                    status = s;
                    out.pop();
                }
            }
            let mut exp = String::new();
            for l in out {
                exp.push_str(l);
                exp.push('\n');
            }
            steps.push(Step {
                command: cmd,
                expected: Some(exp),
                expected_status: status,
            });
        }
    };
    for l in lines {
        if let Some(cmd) = l.strip_prefix("$ ") {
            finish(cur.take(), &mut steps);
            cur = Some((cmd.to_string(), Vec::new()));
        } else if *l == "$" {
            finish(cur.take(), &mut steps);
            cur = Some((String::new(), Vec::new()));
        } else if let Some((_, out)) = cur.as_mut() {
            out.push(l);
        } else {
            preamble.push_str(l);
            preamble.push('\n');
        }
    }
    finish(cur.take(), &mut steps);
    (preamble, steps)
}

/// Parse Markdown: every ```console block is a transcript; all blocks share one simulation.
pub fn parse_markdown(text: &str) -> Scenario {
    let mut segments = Vec::new();
    let mut blocks = Vec::new();
    let mut steps = Vec::new();
    let mut seg = String::new();
    let mut in_block: Option<Vec<&str>> = None;
    for l in text.split_inclusive('\n') {
        let trimmed = l.trim_end_matches('\n');
        match in_block.as_mut() {
            None => {
                seg.push_str(l);
                if trimmed.trim_start() == "```console" {
                    segments.push(std::mem::take(&mut seg));
                    in_block = Some(Vec::new());
                }
            }
            Some(body) => {
                if trimmed.trim_start() == "```" {
                    let (_, s) = parse_transcript(body);
                    let start = steps.len();
                    steps.extend(s);
                    blocks.push(start..steps.len());
                    in_block = None;
                    seg.push_str(l);
                } else {
                    body.push(trimmed);
                }
            }
        }
    }
    if let Some(body) = in_block {
        // An unclosed block: keep it as text.
        for l in body {
            seg.push_str(l);
            seg.push('\n');
        }
    }
    segments.push(seg);
    Scenario {
        preamble: String::new(),
        steps,
        markdown: Some(Markdown { segments, blocks }),
    }
}

/// Render one step as a transcript: `$ CMD`, its output, and `[N]` when N != 0.
pub fn render_step(out: &mut String, a: &Actual) {
    out.push_str("$ ");
    out.push_str(&a.command);
    out.push('\n');
    out.push_str(&a.output);
    if !a.output.is_empty() && !a.output.ends_with('\n') {
        out.push('\n');
    }
    if a.status != 0 {
        out.push_str(&format!("[{}]\n", a.status));
    }
}

/// Render a whole transcript (the preamble, then every step).
pub fn render(preamble: &str, actual: &[Actual]) -> String {
    let mut s = preamble.to_string();
    for a in actual {
        render_step(&mut s, a);
    }
    s
}

/// Render a scenario with actual results in place of its expectations (`--bless`).
pub fn render_blessed(sc: &Scenario, actual: &[Actual]) -> String {
    match &sc.markdown {
        None => render(&sc.preamble, actual),
        Some(md) => {
            let mut s = String::new();
            for (i, seg) in md.segments.iter().enumerate() {
                s.push_str(seg);
                if let Some(r) = md.blocks.get(i) {
                    for a in actual.get(r.clone()).unwrap_or(&[]) {
                        render_step(&mut s, a);
                    }
                }
            }
            s
        }
    }
}

/// Render what a scenario expects, in the same shape `render_blessed` produces.
pub fn render_expected(sc: &Scenario) -> String {
    let exp: Vec<Actual> = sc
        .steps
        .iter()
        .map(|s| Actual {
            command: s.command.clone(),
            output: s.expected.clone().unwrap_or_default(),
            status: s.expected_status,
        })
        .collect();
    render_blessed(sc, &exp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transcript_round_trip() {
        let t = "free text\n$ ip netns add ns0\n$ ip netns add ns0\nCannot create namespace file \"/run/netns/ns0\": File exists\n[1]\n";
        let sc = parse(t);
        assert_eq!(sc.preamble, "free text\n");
        assert_eq!(sc.steps.len(), 2);
        assert_eq!(sc.steps[1].expected_status, 1);
        assert_eq!(render_expected(&sc), t);
    }

    #[test]
    fn plain_script_has_no_expectations() {
        let sc = parse("# comment\nip netns add ns0\n\nip netns list\n");
        assert_eq!(sc.steps.len(), 2);
        assert!(sc.steps.iter().all(|s| s.expected.is_none()));
    }

    #[test]
    fn markdown_blocks_round_trip() {
        let md = "# Title\n\ntext\n\n```console\n$ ip netns list\nns0\n```\n\nmore\n```console\n$ true\n```\n";
        let sc = parse_markdown(md);
        assert_eq!(sc.steps.len(), 2);
        assert_eq!(render_expected(&sc), md);
    }
}

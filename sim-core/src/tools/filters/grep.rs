//! `grep` as GNU grep 3.8 reads its standard input: basic (default), extended (`-E`) and
//! fixed (`-F`) patterns, `-e`/`-f`-less pattern lists, `-i -v -c -q -s -w -x -o -n -m -h -H
//! -A -B -C`, and the long forms of those options. Patterns are translated to the `regex`
//! crate's syntax; back-references, which it cannot express, are refused by name.

use crate::shell::Output;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Basic,
    Extended,
    Fixed,
}

#[derive(Debug)]
struct Opts {
    syntax: Syntax,
    patterns: Vec<String>,
    invert: bool,
    icase: bool,
    count: bool,
    quiet: bool,
    word: bool,
    line: bool,
    only: bool,
    number: bool,
    max: Option<u64>,
    after: usize,
    before: usize,
    /// Any of -A, -B, -C given (even 0): groups are separated by `--`.
    context: bool,
    with_name: bool,
}

const USAGE: &str =
    "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

fn usage(msg: &str) -> Output {
    Output::error(format!("{msg}{USAGE}"), 2)
}

fn context_num(v: &str) -> Result<usize, Output> {
    v.parse::<u64>()
        .map(|n| usize::try_from(n).unwrap_or(usize::MAX))
        .map_err(|_| Output::error(format!("grep: {v}: invalid context length argument\n"), 2))
}

fn parse(args: &[&str]) -> Result<Opts, Output> {
    let mut o = Opts {
        syntax: Syntax::Basic,
        patterns: Vec::new(),
        invert: false,
        icase: false,
        count: false,
        quiet: false,
        word: false,
        line: false,
        only: false,
        number: false,
        max: None,
        after: 0,
        before: 0,
        context: false,
        with_name: false,
    };
    let mut explicit = false;
    let mut operands: Vec<&str> = Vec::new();
    let mut i = 0;
    let mut only_operands = false;
    while i < args.len() {
        let a = args[i];
        i += 1;
        if only_operands || !a.starts_with('-') || a == "-" {
            operands.push(a);
            continue;
        }
        if a == "--" {
            only_operands = true;
            continue;
        }
        if let Some(long) = a.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (long, None),
            };
            let full = match long_option(name) {
                Ok(full) => full,
                Err(None) => return Err(usage(&format!("grep: unrecognized option '{a}'\n"))),
                Err(Some(list)) => {
                    return Err(usage(&format!(
                        "grep: option '{a}' is ambiguous; possibilities:{list}\n"
                    )))
                }
            };
            let takes = LONG_OPTIONS
                .iter()
                .any(|(n, arg, _)| *n == full && *arg == Arg::Required);
            let value = if takes {
                match inline {
                    Some(v) => Some(v.to_string()),
                    None => match args.get(i) {
                        Some(v) => {
                            i += 1;
                            Some(v.to_string())
                        }
                        None => {
                            return Err(usage(&format!(
                                "grep: option '--{full}' requires an argument\n"
                            )))
                        }
                    },
                }
            } else {
                if inline.is_some() && !matches!(full, "color" | "colour") {
                    return Err(usage(&format!(
                        "grep: option '--{full}' doesn't allow an argument\n"
                    )));
                }
                None
            };
            apply_long(&mut o, full, value, &mut explicit)?;
            continue;
        }
        let chars: Vec<char> = a[1..].chars().collect();
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k];
            k += 1;
            let takes = matches!(c, 'e' | 'm' | 'A' | 'B' | 'C' | 'f');
            let value = if takes {
                let rest: String = chars[k..].iter().collect();
                k = chars.len();
                if !rest.is_empty() {
                    Some(rest)
                } else if let Some(v) = args.get(i) {
                    i += 1;
                    Some(v.to_string())
                } else {
                    return Err(usage(&format!(
                        "grep: option requires an argument -- '{c}'\n"
                    )));
                }
            } else {
                None
            };
            match c {
                'E' => o.syntax = Syntax::Extended,
                'F' => o.syntax = Syntax::Fixed,
                'G' => o.syntax = Syntax::Basic,
                'e' => {
                    explicit = true;
                    o.patterns
                        .extend(split_patterns(&value.unwrap_or_default()));
                }
                'i' | 'y' => o.icase = true,
                'v' => o.invert = true,
                'c' => o.count = true,
                'q' => o.quiet = true,
                's' => {}
                'w' => o.word = true,
                'x' => o.line = true,
                'o' => o.only = true,
                'n' => o.number = true,
                'H' => o.with_name = true,
                'h' => o.with_name = false,
                'm' => o.max = Some(max_count(&value.unwrap_or_default())?),
                'A' => {
                    o.after = context_num(&value.unwrap_or_default())?;
                    o.context = true;
                }
                'B' => {
                    o.before = context_num(&value.unwrap_or_default())?;
                    o.context = true;
                }
                'C' => {
                    o.context = true;
                    let n = context_num(&value.unwrap_or_default())?;
                    o.after = n;
                    o.before = n;
                }
                'f' => return Err(crate::tools::unsupported("grep", "option `-f`")),
                d if d.is_ascii_digit() => {
                    // `-3` is `-C 3` (digits may run on: `-12`).
                    let mut num = String::from(d);
                    while k < chars.len() && chars[k].is_ascii_digit() {
                        num.push(chars[k]);
                        k += 1;
                    }
                    let n = context_num(&num)?;
                    o.context = true;
                    o.after = n;
                    o.before = n;
                }
                'Z' | 'a' | 'I' | 'U' => {}
                'r' | 'R' | 'l' | 'L' | 'z' | 'P' | 'b' | 'T' | 'd' | 'D' => {
                    return Err(crate::tools::unsupported("grep", &format!("option `-{c}`")))
                }
                _ => return Err(usage(&format!("grep: invalid option -- '{c}'\n"))),
            }
        }
    }
    let mut operands = operands.into_iter();
    if !explicit {
        match operands.next() {
            Some(p) => o.patterns.extend(split_patterns(p)),
            None => return Err(Output::error(USAGE, 2)),
        }
    }
    if let Some(f) = operands.next() {
        if f != "-" {
            return Err(crate::tools::unsupported(
                "grep",
                "reading files (it reads standard input after a pipe)",
            ));
        }
    }
    Ok(o)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Arg {
    No,
    Required,
    Optional,
}

/// GNU grep 3.8's long options in the order of its table (getopt's ambiguity messages list
/// them in this order), with what each takes and the option it stands for.
const LONG_OPTIONS: &[(&str, Arg, &str)] = &[
    ("basic-regexp", Arg::No, "G"),
    ("extended-regexp", Arg::No, "E"),
    ("fixed-regexp", Arg::No, "F"),
    ("fixed-strings", Arg::No, "F"),
    ("perl-regexp", Arg::No, "P"),
    ("after-context", Arg::Required, "A"),
    ("before-context", Arg::Required, "B"),
    ("binary-files", Arg::Required, "binary-files"),
    ("byte-offset", Arg::No, "b"),
    ("context", Arg::Required, "C"),
    ("color", Arg::Optional, "color"),
    ("colour", Arg::Optional, "color"),
    ("count", Arg::No, "c"),
    ("devices", Arg::Required, "D"),
    ("directories", Arg::Required, "d"),
    ("dereference-recursive", Arg::No, "R"),
    ("exclude", Arg::Required, "exclude"),
    ("exclude-from", Arg::Required, "exclude-from"),
    ("exclude-dir", Arg::Required, "exclude-dir"),
    ("file", Arg::Required, "f"),
    ("files-with-matches", Arg::No, "l"),
    ("files-without-match", Arg::No, "L"),
    ("group-separator", Arg::Required, "group-separator"),
    ("help", Arg::No, "help"),
    ("include", Arg::Required, "include"),
    ("ignore-case", Arg::No, "i"),
    ("no-ignore-case", Arg::No, "no-ignore-case"),
    ("initial-tab", Arg::No, "T"),
    ("label", Arg::Required, "label"),
    ("line-buffered", Arg::No, "line-buffered"),
    ("line-number", Arg::No, "n"),
    ("line-regexp", Arg::No, "x"),
    ("max-count", Arg::Required, "m"),
    ("no-filename", Arg::No, "h"),
    ("no-group-separator", Arg::No, "group-separator"),
    ("no-messages", Arg::No, "s"),
    ("null", Arg::No, "Z"),
    ("null-data", Arg::No, "z"),
    ("only-matching", Arg::No, "o"),
    ("quiet", Arg::No, "q"),
    ("recursive", Arg::No, "r"),
    ("regexp", Arg::Required, "e"),
    ("invert-match", Arg::No, "v"),
    ("silent", Arg::No, "q"),
    ("text", Arg::No, "a"),
    ("binary", Arg::No, "U"),
    ("unix-byte-offsets", Arg::No, "u"),
    ("version", Arg::No, "V"),
    ("with-filename", Arg::No, "H"),
    ("word-regexp", Arg::No, "w"),
];

/// Resolve a long option's name or unambiguous prefix as glibc's getopt does: an exact
/// name wins; prefixes that all stand for the same option are not ambiguous. `Err(None)`:
/// unknown; `Err(Some(list))`: ambiguous, with getopt's list of possibilities.
fn long_option(name: &str) -> Result<&'static str, Option<String>> {
    if let Some((n, _, _)) = LONG_OPTIONS.iter().find(|(n, _, _)| *n == name) {
        return Ok(n);
    }
    let found: Vec<&(&str, Arg, &str)> = LONG_OPTIONS
        .iter()
        .filter(|(n, _, _)| !name.is_empty() && n.starts_with(name))
        .collect();
    let Some(first) = found.first() else {
        return Err(None);
    };
    let others: Vec<&&(&str, Arg, &str)> = found[1..]
        .iter()
        .filter(|o| o.1 != first.1 || o.2 != first.2)
        .collect();
    if others.is_empty() {
        return Ok(first.0);
    }
    let mut list = format!(" '--{}'", first.0);
    for o in others {
        list.push_str(&format!(" '--{}'", o.0));
    }
    Err(Some(list))
}

fn max_count(v: &str) -> Result<u64, Output> {
    match v.parse::<i64>() {
        Ok(n) if n < 0 => Ok(u64::MAX),
        Ok(n) => Ok(n as u64),
        Err(_) => Err(Output::error("grep: invalid max count\n", 2)),
    }
}

fn apply_long(
    o: &mut Opts,
    name: &str,
    value: Option<String>,
    explicit: &mut bool,
) -> Result<(), Output> {
    match name {
        "extended-regexp" => o.syntax = Syntax::Extended,
        "fixed-strings" => o.syntax = Syntax::Fixed,
        "basic-regexp" => o.syntax = Syntax::Basic,
        "regexp" => {
            *explicit = true;
            o.patterns
                .extend(split_patterns(&value.unwrap_or_default()));
        }
        "ignore-case" => o.icase = true,
        "no-ignore-case" => o.icase = false,
        "invert-match" => o.invert = true,
        "count" => o.count = true,
        "quiet" | "silent" => o.quiet = true,
        "word-regexp" => o.word = true,
        "line-regexp" => o.line = true,
        "only-matching" => o.only = true,
        "line-number" => o.number = true,
        "max-count" => o.max = Some(max_count(&value.unwrap_or_default())?),
        "after-context" => {
            o.after = context_num(&value.unwrap_or_default())?;
            o.context = true;
        }
        "before-context" => {
            o.before = context_num(&value.unwrap_or_default())?;
            o.context = true;
        }
        "context" => {
            o.context = true;
            let n = context_num(&value.unwrap_or_default())?;
            o.after = n;
            o.before = n;
        }
        "with-filename" => o.with_name = true,
        "no-filename" => o.with_name = false,
        "no-messages" | "color" | "colour" | "line-buffered" | "null" | "text" | "binary"
        | "label" => {} // nothing to do on a pipe
        other => {
            return Err(crate::tools::unsupported(
                "grep",
                &format!("option `--{other}`"),
            ))
        }
    }
    Ok(())
}

/// A pattern argument holds one pattern per line.
fn split_patterns(p: &str) -> Vec<String> {
    p.split('\n').map(str::to_string).collect()
}

/// Escape a literal character for the `regex` crate.
fn lit(out: &mut String, c: char) {
    if regex_syntax_meta(c) {
        out.push('\\');
    }
    out.push(c);
}

fn regex_syntax_meta(c: char) -> bool {
    matches!(
        c,
        '\\' | '.'
            | '+'
            | '*'
            | '?'
            | '('
            | ')'
            | '|'
            | '['
            | ']'
            | '{'
            | '}'
            | '^'
            | '$'
            | '#'
            | '&'
            | '-'
            | '~'
    )
}

/// A POSIX bracket expression starting at `chars[i] == '['`: its translation and the index
/// after it, or an error when it is not closed.
fn bracket(chars: &[char], mut i: usize, out: &mut String) -> Result<usize, Output> {
    let unmatched = || Output::error("grep: Unmatched [, [^, [:, [., or [=\n", 2);
    i += 1;
    out.push('[');
    if chars.get(i) == Some(&'^') {
        out.push('^');
        i += 1;
    }
    let mut first = true;
    loop {
        let Some(&c) = chars.get(i) else {
            return Err(unmatched());
        };
        if c == ']' && !first {
            out.push(']');
            return Ok(i + 1);
        }
        first = false;
        if c == '[' && matches!(chars.get(i + 1), Some(':' | '.' | '=')) {
            let kind = chars[i + 1];
            let mut j = i + 2;
            let mut name = String::new();
            while j + 1 < chars.len() && !(chars[j] == kind && chars[j + 1] == ']') {
                name.push(chars[j]);
                j += 1;
            }
            if j + 1 >= chars.len() {
                return Err(unmatched());
            }
            match kind {
                ':' => {
                    const CLASSES: &[&str] = &[
                        "alnum", "alpha", "blank", "cntrl", "digit", "graph", "lower", "print",
                        "punct", "space", "upper", "xdigit",
                    ];
                    if !CLASSES.contains(&name.as_str()) {
                        return Err(Output::error("grep: Invalid character class name\n", 2));
                    }
                    out.push_str(&format!("[:{name}:]"));
                }
                _ => {
                    // [.c.] and [=c=]: a single character stands for itself.
                    let mut it = name.chars();
                    match (it.next(), it.next()) {
                        (Some(ch), None) => {
                            out.push('\\');
                            out.push(ch);
                        }
                        _ => return Err(Output::error("grep: Invalid collation character\n", 2)),
                    }
                }
            }
            i = j + 2;
            continue;
        }
        match c {
            '-' => {
                // A range dash, or a literal one at either end.
                let at_end = chars.get(i + 1) == Some(&']');
                if at_end || out.ends_with('[') || out.ends_with("[^") {
                    out.push_str("\\-");
                } else {
                    out.push('-');
                }
            }
            '\\' | '[' | '&' | '~' | '^' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
        i += 1;
    }
}

/// The translated expression being built: where the last atom starts, so that a repetition
/// of a repetition (`a**`, `a+*`, valid in POSIX) can be wrapped for the `regex` crate.
struct Re {
    out: String,
    atom: Option<usize>,
    repeated: bool,
    groups: Vec<usize>,
}

impl Re {
    fn atom(&mut self) {
        self.atom = Some(self.out.len());
        self.repeated = false;
    }
    fn lit(&mut self, c: char) {
        self.atom();
        lit(&mut self.out, c);
    }
    fn push_atom(&mut self, s: &str) {
        self.atom();
        self.out.push_str(s);
    }
    /// A zero-width assertion: a repetition of it wraps it in a group.
    fn assertion(&mut self, s: &str) {
        self.atom = Some(self.out.len());
        self.out.push_str(s);
        self.repeated = true;
    }
    /// An alternation or a group's start: nothing to repeat.
    fn anchor(&mut self, s: &str) {
        self.out.push_str(s);
        self.atom = None;
        self.repeated = false;
    }
    fn open(&mut self) {
        self.groups.push(self.out.len());
        self.anchor("(");
    }
    fn close(&mut self) {
        let start = self.groups.pop().unwrap_or(0);
        self.out.push(')');
        self.atom = Some(start);
        self.repeated = false;
    }
    fn repeat(&mut self, op: &str) {
        match self.atom {
            Some(start) => {
                if self.repeated {
                    self.out.insert_str(start, "(?:");
                    self.out.push(')');
                }
                self.out.push_str(op);
                self.repeated = true;
            }
            // After an anchor: POSIX repeats the empty string, which changes nothing.
            None => {}
        }
    }
}

/// Translate one basic or extended regular expression into the `regex` crate's syntax.
fn translate(p: &str, syntax: Syntax) -> Result<(String, Vec<String>), Output> {
    let mut warnings = Vec::new();
    let chars: Vec<char> = p.chars().collect();
    let mut re = Re {
        out: String::new(),
        atom: None,
        repeated: false,
        groups: Vec::new(),
    };
    let ere = syntax == Syntax::Extended;
    // Where a `*` is literal: at the start of the pattern, after `(`, `|` or `^`.
    let mut at_start = true;
    // BRE: right after an anchoring `^`, another `^` is literal (but a `*` still is too).
    let mut after_caret = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let was_start = at_start;
        let was_after_caret = after_caret;
        at_start = false;
        after_caret = false;
        match c {
            '[' => {
                let mut b = String::new();
                i = bracket(&chars, i, &mut b)?;
                re.push_atom(&b);
                continue;
            }
            '\\' => {
                let Some(&n) = chars.get(i + 1) else {
                    return Err(Output::error("grep: Trailing backslash\n", 2));
                };
                i += 2;
                match n {
                    '(' | ')' | '|' | '{' | '}' | '+' | '?' if !ere => match n {
                        '(' => {
                            re.open();
                            at_start = true;
                        }
                        ')' => {
                            if re.groups.is_empty() {
                                return Err(Output::error("grep: Unmatched ) or \\)\n", 2));
                            }
                            re.close();
                        }
                        '|' => {
                            re.anchor("|");
                            at_start = true;
                        }
                        // At the start of an expression, and unpaired, braces are literal.
                        '{' if was_start => re.lit('{'),
                        '{' => {
                            let mut iv = String::new();
                            i = interval(&chars, i, &mut iv, false)?;
                            re.repeat(&iv);
                        }
                        '}' => re.lit('}'),
                        _ if was_start => re.lit(n),
                        _ => re.repeat(&n.to_string()),
                    },
                    '1'..='9' => {
                        return Err(crate::tools::unsupported("grep", "back-references"));
                    }
                    'w' | 'W' | 's' | 'S' => re.push_atom(&format!("\\{n}")),
                    'b' | 'B' => re.assertion(&format!("\\{n}")),
                    '<' => re.assertion(r"\b{start}"),
                    '>' => re.assertion(r"\b{end}"),
                    '`' => re.assertion(r"\A"),
                    '\'' => re.assertion(r"\z"),
                    c => re.lit(c),
                }
                continue;
            }
            '*' if was_start && !ere => re.lit('*'),
            '^' if ere => {
                // ERE: an anchor anywhere; a `*` after it warns only at the start.
                if was_start {
                    re.anchor("^");
                } else {
                    re.assertion("^");
                }
                at_start = was_start;
            }
            '^' if was_start && !was_after_caret => {
                re.anchor("^");
                at_start = true;
                after_caret = true;
            }
            '$' if ere => {
                if was_start {
                    re.anchor("$");
                } else {
                    re.assertion("$");
                }
                at_start = was_start;
            }
            '$' if i + 1 == chars.len() || next_closes(&chars, i + 1) => re.anchor("$"),
            '(' if ere => {
                re.open();
                at_start = true;
            }
            ')' if ere && !re.groups.is_empty() => re.close(),
            '|' if ere => {
                re.anchor("|");
                at_start = true;
            }
            '*' | '+' | '?' if ere && was_start && chars.get(i + 1) == Some(&')') => {
                // GNU's parser takes `(*)` as a group that is never closed.
                return Err(Output::error("grep: Unmatched ( or \\(\n", 2));
            }
            '*' | '+' | '?' if ere && was_start => {
                // GNU grep warns and lets the operator repeat the empty expression.
                warnings.push(format!("grep: warning: {c} at start of expression\n"));
                at_start = true;
            }
            '*' => re.repeat("*"),
            '+' | '?' if ere => re.repeat(&c.to_string()),
            '{' if ere && was_start => {
                let mut ignored = String::new();
                let end = interval(&chars, i + 1, &mut ignored, true)?;
                if ignored.starts_with("\\{") {
                    re.lit('{');
                } else {
                    warnings.push("grep: warning: {...} at start of expression\n".into());
                    at_start = true;
                }
                i = end;
                continue;
            }
            '{' if ere => {
                let mut iv = String::new();
                i = interval(&chars, i + 1, &mut iv, true)?;
                if iv.starts_with("\\{") {
                    re.lit('{');
                } else {
                    re.repeat(&iv);
                }
                continue;
            }
            '.' => re.push_atom("."),
            c => re.lit(c),
        }
        i += 1;
    }
    if !re.groups.is_empty() {
        return Err(Output::error("grep: Unmatched ( or \\(\n", 2));
    }
    Ok((re.out, warnings))
}

/// Whether the BRE text at `i` closes a group or an alternative (`\)` or `\|`), so a `$`
/// before it is an anchor.
fn next_closes(chars: &[char], i: usize) -> bool {
    chars.get(i) == Some(&'\\') && matches!(chars.get(i + 1), Some(')' | '|'))
}

/// An interval `{m,n}` whose text starts at `i` (after the brace); BRE closes it with `\}`.
fn interval(chars: &[char], i: usize, out: &mut String, ere: bool) -> Result<usize, Output> {
    let mut j = i;
    let mut body = String::new();
    while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == ',') {
        body.push(chars[j]);
        j += 1;
    }
    let ordered = {
        let (a, b) = body.split_once(',').unwrap_or((&body, &body));
        match (a.parse::<u32>(), b.parse::<u32>()) {
            (Ok(x), Ok(y)) => x <= y,
            _ => true,
        }
    };
    let close = if ere {
        (chars.get(j) == Some(&'}')).then_some(j + 1)
    } else {
        (chars.get(j) == Some(&'\\') && chars.get(j + 1) == Some(&'}')).then_some(j + 2)
    };
    let valid = {
        let (a, b) = body.split_once(',').unwrap_or((&body, &body));
        let a_ok = a.is_empty() || a.parse::<u32>().is_ok();
        let b_ok = b.is_empty() || b.parse::<u32>().is_ok();
        let order = match (a.parse::<u32>(), b.parse::<u32>()) {
            (Ok(x), Ok(y)) => x <= y,
            _ => true,
        };
        !body.is_empty() && a_ok && b_ok && order && body.matches(',').count() <= 1
    };
    match close {
        Some(end) if valid => {
            let (a, rest) = body
                .split_once(',')
                .map_or((body.as_str(), None), |(a, b)| (a, Some(b)));
            let a = if a.is_empty() { "0" } else { a };
            match rest {
                None => out.push_str(&format!("{{{a}}}")),
                Some(b) => out.push_str(&format!("{{{a},{b}}}")),
            }
            if a.parse::<u32>().unwrap_or(0) > 32767 {
                return Err(Output::error("grep: Regular expression too big\n", 2));
            }
            Ok(end)
        }
        Some(_) if ere && !ordered => Err(Output::error("grep: Invalid content of \\{\\}\n", 2)),
        // GNU ERE: a brace that does not start a valid interval is literal.
        _ if ere => {
            out.push_str("\\{");
            Ok(i)
        }
        None => Err(Output::error("grep: Unmatched \\{\n", 2)),
        Some(_) => Err(Output::error("grep: Invalid content of \\{\\}\n", 2)),
    }
}

struct Matcher {
    re: regex::Regex,
    /// The same patterns anchored at both ends: `-w` tries shorter matches from the same
    /// start with it, as GNU grep does when the longest one is not a whole word.
    whole: regex::Regex,
}

impl Matcher {
    fn new(o: &Opts) -> Result<(Matcher, Vec<String>), Output> {
        let mut alts = Vec::new();
        let mut warnings = Vec::new();
        for p in &o.patterns {
            let t = match o.syntax {
                Syntax::Fixed => p.chars().fold(String::new(), |mut s, c| {
                    lit(&mut s, c);
                    s
                }),
                s => {
                    let (t, w) = translate(p, s)?;
                    warnings.extend(w);
                    t
                }
            };
            let t = if o.line { format!("^(?:{t})$") } else { t };
            alts.push(format!("(?:{t})"));
        }
        let build = |p: &str| {
            regex::RegexBuilder::new(p)
                .case_insensitive(o.icase)
                .size_limit(1 << 22)
                .build()
                .map_err(|_| Output::error("grep: Invalid regular expression\n", 2))
        };
        let all = alts.join("|");
        let re = build(&all)?;
        let whole = build(&format!("^(?:{all})$"))?;
        Ok((Matcher { re, whole }, warnings))
    }

    /// The matches in a line that count under `-w`: whole words only.
    fn find(&self, line: &str, word: bool) -> Vec<(usize, usize)> {
        let mut v = Vec::new();
        let mut at = 0;
        while at <= line.len() {
            let Some(m) = self.re.find_at(line, at) else {
                break;
            };
            let (s, mut e) = (m.start(), m.end());
            let w = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
            let bounded = |s: usize, e: usize| {
                !w(line[..s].chars().next_back()) && !w(line[e..].chars().next())
            };
            let mut ok = !word || bounded(s, e);
            if !ok {
                // Shorter matches from the same start, longest first.
                for e2 in (s..e).rev().filter(|&i| line.is_char_boundary(i)) {
                    if bounded(s, e2) && self.whole.is_match(&line[s..e2]) {
                        e = e2;
                        ok = true;
                        break;
                    }
                }
            }
            if ok {
                v.push((s, e));
            }
            at = if e > s { e } else { next_char(line, s) };
            if word && !ok {
                at = next_char(line, s);
            }
        }
        v
    }
}

fn next_char(s: &str, i: usize) -> usize {
    s[i..]
        .chars()
        .next()
        .map_or(s.len() + 1, |c| i + c.len_utf8())
}

/// Run `grep` over `input`.
pub fn run(args: &[&str], input: &str) -> Output {
    let o = match parse(args) {
        Ok(o) => o,
        Err(e) => return e,
    };
    let (m, warnings) = match Matcher::new(&o) {
        Ok(m) => m,
        Err(e) => return e,
    };
    let mut out = Output::ok();
    for w in warnings {
        out.err(w);
    }
    let lines: Vec<&str> = input.lines().collect();
    let mut text = String::new();
    let mut n: u64 = 0;
    let max = o.max.unwrap_or(u64::MAX);
    let context = o.context;
    // The last line printed (for context separators) and how many after-context lines remain.
    let mut last_printed: Option<usize> = None;
    let mut after_left = 0usize;
    let prefix = |i: usize, sep: char| -> String {
        let mut p = String::new();
        if o.with_name {
            p.push_str("(standard input)");
            p.push(sep);
        }
        if o.number {
            p.push_str(&format!("{}{sep}", i + 1));
        }
        p
    };
    for (i, l) in lines.iter().enumerate() {
        if n >= max {
            // GNU grep still prints the trailing context of the last match.
            if after_left > 0 && !o.count && !o.quiet {
                text.push_str(&prefix(i, '-'));
                text.push_str(l);
                text.push('\n');
                last_printed = Some(i);
                after_left -= 1;
                continue;
            }
            break;
        }
        let found = m.find(l, o.word);
        let hit = found.is_empty() == o.invert;
        if hit {
            n += 1;
            if o.quiet {
                break;
            }
            if o.count {
                continue;
            }
            if context {
                let from = i.saturating_sub(o.before);
                let from = last_printed.map_or(from, |p| from.max(p + 1));
                if let Some(p) = last_printed {
                    if from > p + 1 {
                        text.push_str("--\n");
                    }
                }
                for (j, bl) in lines.iter().enumerate().take(i).skip(from) {
                    text.push_str(&prefix(j, '-'));
                    text.push_str(bl);
                    text.push('\n');
                }
            }
            if o.only {
                if !o.invert {
                    for (s, e) in found {
                        if e > s {
                            text.push_str(&prefix(i, ':'));
                            text.push_str(&l[s..e]);
                            text.push('\n');
                        }
                    }
                }
            } else {
                text.push_str(&prefix(i, ':'));
                text.push_str(l);
                text.push('\n');
            }
            last_printed = Some(i);
            after_left = o.after;
        } else if after_left > 0 && !o.count && !o.quiet {
            text.push_str(&prefix(i, '-'));
            text.push_str(l);
            text.push('\n');
            last_printed = Some(i);
            after_left -= 1;
        }
    }
    if o.count {
        text = if o.with_name {
            format!("(standard input):{n}\n")
        } else {
            format!("{n}\n")
        };
    }
    if !o.quiet {
        out.out(text);
    }
    out.status = if n > 0 { 0 } else { 1 };
    out
}

#[cfg(test)]
mod tests {
    use super::run;

    fn g(args: &[&str], input: &str) -> (String, i32) {
        let o = run(args, input);
        (o.combined(), o.status)
    }

    #[test]
    fn basic_regular_expressions_are_posix() {
        let t = "v0: up\nv1: down\nbr0 (x)\na|b\n";
        assert_eq!(g(&["v0\\|v1"], t).0, "v0: up\nv1: down\n");
        assert_eq!(g(&["a|b"], t).0, "a|b\n");
        assert_eq!(g(&["(x)"], t).0, "br0 (x)\n");
        assert_eq!(g(&["-E", "v0|v1"], t).0, "v0: up\nv1: down\n");
        assert_eq!(g(&["-E", "(x)"], t).0, "br0 (x)\n");
        assert_eq!(g(&["-F", "a|b"], t).0, "a|b\n");
        assert_eq!(g(&["*up"], "*up\nup\n").0, "*up\n");
        assert_eq!(g(&["v[01]:"], t).0, "v0: up\nv1: down\n");
        assert_eq!(g(&["[[:digit:]]:"], t).0, "v0: up\nv1: down\n");
        assert_eq!(g(&["^br"], t).0, "br0 (x)\n");
        assert_eq!(g(&["a\\{2\\}"], "a\naa\n").0, "aa\n");
        assert_eq!(g(&["-E", "a{2}"], "a\naa\n").0, "aa\n");
    }

    #[test]
    fn options_and_statuses() {
        let t = "inet 10.0.0.1/24\ninet6 fe80::1/64\nlink/ether\n";
        assert_eq!(g(&["-c", "inet"], t), ("2\n".into(), 0));
        assert_eq!(g(&["-q", "inet"], t), ("".into(), 0));
        assert_eq!(g(&["-q", "nomatch"], t), ("".into(), 1));
        assert_eq!(g(&["-w", "inet"], t).0, "inet 10.0.0.1/24\n");
        assert_eq!(g(&["-o", "[0-9.]*/24"], t).0, "10.0.0.1/24\n");
        assert_eq!(
            g(&["-e", "ether", "-e", "inet6"], t).0,
            "inet6 fe80::1/64\nlink/ether\n"
        );
        assert_eq!(g(&["-vn", "inet"], t).0, "3:link/ether\n");
        assert_eq!(g(&["-x", "link/ether"], t).0, "link/ether\n");
        assert_eq!(g(&["-m1", "inet"], t).0, "inet 10.0.0.1/24\n");
        assert_eq!(g(&["-A1", "inet6"], t).0, "inet6 fe80::1/64\nlink/ether\n");
        assert_eq!(
            g(&["-B", "1", "inet6"], t).0,
            "inet 10.0.0.1/24\ninet6 fe80::1/64\n"
        );
        assert_eq!(
            g(&["-A", "0", "inet "], "inet a\nx\ninet b\n").0,
            "inet a\n--\ninet b\n"
        );
        assert_eq!(g(&["-i", "LINK"], t).0, "link/ether\n");
        assert_eq!(g(&["--count", "--invert-match", "inet"], t).0, "1\n");
        assert_eq!(g(&["--regexp=ether"], t).0, "link/ether\n");
        assert_eq!(
            g(&["-E", "(a"], t),
            ("grep: Unmatched ( or \\(\n".into(), 2)
        );
        assert_eq!(
            g(&["[a"], t),
            ("grep: Unmatched [, [^, [:, [., or [=\n".into(), 2)
        );
        assert_eq!(g(&[], t).1, 2);
        assert_eq!(g(&["-r", "x"], t).1, 127);
        assert!(g(&["-j", "x"], t)
            .0
            .starts_with("grep: invalid option -- 'j'\n"));
        assert_eq!(g(&["\\d"], "d\n").0, "d\n");
    }
}

//! Grammar-based command-line generation for fuzzing `Sim::run_line`.
//!
//! The grammar is the tools' own option table ([`crate::tools::help::TOOLS`], what
//! `netsim shell` completes from and `help CMD` prints). Each usage string such as
//! `link add [NAME] type veth [peer name PEER]` is parsed into a small tree (words, `[..]`
//! optional parts, `a|b` choices, `X...` repetitions, UPPERCASE placeholders) and expanded
//! with realistic values: the names of a few namespaces, devices, containers and chains that
//! the generated lines themselves create, addresses, and numbers at and beyond their limits.
//!
//! Around the valid commands, a session mixes in one-argument mutations (drop, duplicate,
//! swap, replace), shell-syntax damage (unbalanced quotes, stray `|`, `&`, `>`, `<`),
//! huge inputs (very long words, thousands of arguments, `ip netns exec a` nested N deep,
//! a rules file doubled until it has tens of thousands of rules) and short recipes that set
//! up a topology or walk docker through a lifecycle.
//!
//! Everything is deterministic from `(seed, session)`: one ChaCha8 stream per session, no
//! hash maps, and the lines do not depend on what the simulator answered, so any finding is
//! reproduced from its seed and session number alone ([`session`]).
//!
//! A few usage strings are ambiguous as written for people (`a|b NAME|c` may mean two
//! choices or one); they are restated in [`OVERRIDES`], and a test keeps every override in
//! step with the help table.

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::tools::help::{ToolHelp, TOOLS};

/// The most lines one session (one fresh `Sim`) runs.
pub const MAX_SESSION_LINES: usize = 48;

/// Usage strings restated for the generator: `(tool, usage in help.rs, restated)`.
///
/// Notation: `{a b|c d}` is a choice between word sequences (`|` inside a word is a choice
/// between words), `{..}+` picks one to three of them, `[..]` is optional, `X...` repeats X
/// one to three times, UPPERCASE runs are placeholders (see [`Gen::value`]).
pub const OVERRIDES: &[(&str, &str, &str)] = &[
    ("ip", "-n[etns] NAME", "-n[etns] NS"),
    ("ip", "netns add|delete|list|list-id|set|identify|pids NAME", "netns add|delete|list|list-id|identify|pids NS"),
    ("ip", "netns exec NAME CMD...", "[-all] netns exec NS CMD"),
    ("ip", "link add [NAME] type veth [peer name PEER]", "link add [NEWDEV] type veth [peer name NEWDEV [netns NS]]"),
    ("ip", "link add NAME type bridge", "link add NEWDEV type bridge"),
    (
        "ip",
        "link set DEV up|down|netns NS|master BR|nomaster|mtu N|address MAC|name NEW",
        "link set [dev] DEV {up|down|netns NS|master BR|nomaster|mtu N|address MAC|name NEWDEV}+",
    ),
    ("ip", "link show|delete [DEV] [type KIND] [master BR] [up]", "link show|delete|del [dev] [DEV] [type KIND] [master BR] [up]"),
    ("ip", "addr add|del ADDR/LEN [broadcast B] [label L] dev DEV", "addr|address|a add|del|delete ADDR/LEN [broadcast|brd B] [label L] dev DEV"),
    ("ip", "addr show|flush [dev DEV]", "addr|address|a show|flush|list [dev] [DEV]"),
    (
        "ip",
        "route add|del|replace PREFIX|default [via GW] [dev DEV] [src A] [metric N] [table main|local]",
        "route|r add|del|replace PREFIX|default [via GW] [dev DEV] [src A] [metric N] [table main|local|TABLE]",
    ),
    ("ip", "route show|get|flush ...", "route|r show|get|flush|list [PREFIX|default|A] [dev DEV] [table main|local|all]"),
    ("ip", "neigh add|del|replace|change IP lladdr MAC dev DEV [nud STATE]", "neigh|neighbour add|del|replace|change A [lladdr MAC] dev DEV [nud STATE]"),
    ("ip", "neigh show|flush [dev DEV]", "neigh|neighbour show|flush [dev DEV] [nud STATE]"),
    ("brctl", "addbr BR | delbr BR", "addbr NEWBR | delbr BR"),
    ("bridge", "-n[etns] NAME, -j[son], -p[retty], -s, -d", "-n[etns] NS, -j[son], -p[retty], -s, -d"),
    ("bridge", "fdb add|del|replace MAC dev DEV [master|self] [permanent|static|dynamic]", "fdb add|del|replace|append MAC dev DEV [master|self] [permanent|static|dynamic]"),
    (
        "docker",
        "run [-d] [--rm] [--name N] [--network NET] [--ip A] [-p [IP:]HOST:CONT[/udp]] IMAGE [CMD]",
        "run [-d] [--rm] [--name CONTAINER] [--network NET] [--ip A] [-p [A:]PORT:PORT[/udp|/tcp]] [-p PORT] IMAGE [sleep SECONDS]",
    ),
    ("docker", "start|stop|rm [-f] NAME", "start|stop|rm|restart [-f] CONTAINER"),
    ("docker", "exec [-it] NAME CMD...", "exec [-it|-d] CONTAINER CMD"),
    ("docker", "ps, inspect NAME", "ps [-a] | inspect CONTAINER|NET"),
    (
        "docker",
        "network ls|inspect|create [--subnet S] [-d bridge]|rm NET",
        "network {ls|inspect NET|create [--subnet SUBNET] [--gateway A] [-d bridge|host|macvlan] NET|rm NET|connect NET CONTAINER|disconnect NET CONTAINER}",
    ),
    ("explain", "explain docker ...", "DOCKER"),
    ("ping", "-I DEV", "-I DEV|A"),
    ("iptables", "-F|-Z|-N|-X|-E|-P", "{-F [CHAIN]|-Z [CHAIN]|-N NEWCHAIN|-X [CHAIN]|-E CHAIN NEWCHAIN|-P CHAIN ACCEPT|DROP|RETURN}"),
    ("iptables", "-A|-I|-D|-R|-C CHAIN [N] RULE", "{-A CHAIN RULE|-I CHAIN [N] RULE|-D CHAIN N|-D CHAIN RULE|-R CHAIN N RULE|-C CHAIN RULE}"),
    ("iptables", "-p tcp|udp|icmp|all, -s, -d, -i, -o, ! NEG", "-p tcp|udp|icmp|all|PROTO, [!] -s A[/LEN], [!] -d A[/LEN], [!] -i DEV, [!] -o DEV, ! -p tcp"),
    (
        "iptables",
        "--sport, --dport, --tcp-flags, --syn, --icmp-type",
        "-p tcp --sport PORT, -p udp --dport PORT, -p tcp --tcp-flags SYN,ACK|ALL SYN|NONE, -p tcp [!] --syn, -p icmp --icmp-type echo-request|echo-reply|8|3/3|bogus",
    ),
    ("iptables", "-m multiport|conntrack|state|addrtype|comment|physdev|mark|mac|limit|length|iprange|pkttype", "MATCH"),
    ("iptables", "-j ACCEPT|DROP|REJECT|RETURN|LOG|MARK|SNAT|DNAT|MASQUERADE|REDIRECT|CHAIN", "TARGET"),
    ("iptables-save", "-t TABLE", "-t TABLE"),
    ("iptables-restore", "(rules on standard input)", "[-n|--noflush] [-c|--counters] [-t|--test] [-w] < FILE"),
    ("conntrack", "--sport PORT | --dport PORT", "-p tcp|udp --sport PORT | -p tcp|udp --dport PORT"),
    ("nc", "-l [-k] [-u] -p PORT &", "-l [-k] [-u] [-p] PORT [&]"),
    ("nc", "-z [-v] [-n] [-u] [-w SECS] HOST PORT[-PORT]...", "-z [-v] [-n] [-u] [-w SECONDS] A PORT[-PORT]..."),
    ("sysctl", "-w KEY=VALUE", "[-w] KV"),
    ("grep", "-v -i -E -c -w -o", "[-v] [-i] [-E] [-c] [-w] [-o] WORD"),
];

/// Words any argument can be replaced with: boundaries, garbage and shell metacharacters.
const ODD_WORDS: &[&str] = &[
    "",
    "-",
    "--",
    "-1",
    "0",
    "4294967296",
    "18446744073709551616",
    "99999999999999999999",
    "1e9",
    "inf",
    "nan",
    "0x10",
    "-0",
    "all",
    "any",
    "default",
    "help",
    "dev",
    "none",
    "aaaaaaaaaaaaaaa",
    "aaaaaaaaaaaaaaaa",
    "%d",
    "a b",
    "\u{e9}",
    "\u{0}",
    "\\",
    "''",
    "\"\"",
    "*",
    "?",
    "~",
    "=",
    "a=b",
    "1.2.3.4/33",
    "::",
    "ff:ff:ff:ff:ff:ff",
    "300.1.1.1",
    "1.2.3",
];

/// Shell pieces inserted between words.
const SHELL_JUNK: &[&str] = &[
    "|",
    "&",
    ">",
    "<",
    ";",
    ">>",
    "2>&1",
    "&>",
    "|&",
    "&&",
    "||",
    "> f",
    ">> f",
    "< f",
    "< nofile",
    "> /dev/null",
    "2> /dev/null",
    ">/tmp/x",
    "> /etc/passwd",
    "| grep a",
    "| head -n 1",
    "| tail -1",
    "| wc -l",
    "| sort -n",
    "| grep -c .",
    "#",
    "$x",
    "`x`",
    "(",
    ")",
    "<(x)",
    "<<",
    "\\",
    "'",
    "\"",
];

/// The tools a line starts with, and how often (weights).
const TOOL_WEIGHTS: &[(&str, u32)] = &[
    ("ip", 30),
    ("iptables", 16),
    ("ping", 8),
    ("docker", 8),
    ("brctl", 5),
    ("bridge", 5),
    ("sysctl", 4),
    ("conntrack", 3),
    ("nc", 4),
    ("ss", 2),
    ("ethtool", 2),
    ("iptables-save", 3),
    ("iptables-restore", 2),
    ("explain", 2),
    ("sleep", 2),
    ("dmesg", 1),
    ("echo", 1),
    ("true", 1),
    ("false", 1),
];

/// A parsed usage string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// Words in order.
    Seq(Vec<Node>),
    /// Present or not.
    Opt(Box<Node>),
    /// One of these.
    Choice(Vec<Node>),
    /// One to three of the node; `Repeat(_, true)` picks different alternatives of a choice.
    Repeat(Box<Node>, bool),
    /// One shell word made of literal text, placeholders and optional parts.
    Word(Vec<Seg>),
}

/// A piece of a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Lit(String),
    Ph(String),
    Opt(Vec<Seg>),
}

/// Parse a usage string in the notation of [`OVERRIDES`].
pub fn parse_usage(s: &str) -> Node {
    let alts = split_top(s, &[" | ", ", "]);
    if alts.len() > 1 {
        return Node::Choice(alts.iter().map(|a| parse_seq(a)).collect());
    }
    parse_seq(s)
}

/// Split at any of `seps` outside brackets and braces.
fn split_top(s: &str, seps: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    let mut i = 0;
    let b = s.as_bytes();
    'outer: while i < b.len() {
        let c = s[i..].chars().next().unwrap_or(' ');
        if depth == 0 {
            for sep in seps {
                if s[i..].starts_with(sep) {
                    out.push(std::mem::take(&mut cur));
                    i += sep.len();
                    continue 'outer;
                }
            }
        }
        match c {
            '[' | '{' => depth += 1,
            ']' | '}' => depth -= 1,
            _ => {}
        }
        cur.push(c);
        i += c.len_utf8();
    }
    out.push(cur);
    out
}

/// The index just after the bracket matching the one at `start`.
fn matching(s: &str, start: usize) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in s[start..].char_indices() {
        match c {
            '[' | '{' => depth += 1,
            ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(start + i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

fn parse_seq(s: &str) -> Node {
    let s = s.trim();
    let mut items = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        if rest.starts_with(' ') {
            i += 1;
            continue;
        }
        // A bracket that closes at a word boundary is a group; otherwise it is part of a word.
        if rest.starts_with('[') || rest.starts_with('{') {
            if let Some(end) = matching(s, i) {
                let after = s[end..].chars().next();
                let plus = after == Some('+');
                let at_boundary = matches!(after, None | Some(' ') | Some('+'));
                if at_boundary {
                    let inner = &s[i + 1..end - 1];
                    let node = if rest.starts_with('[') {
                        Node::Opt(Box::new(parse_seq(inner)))
                    } else {
                        let alts: Vec<Node> = split_top(inner, &["|"])
                            .iter()
                            .map(|a| parse_seq(a))
                            .collect();
                        Node::Choice(alts)
                    };
                    items.push(if plus {
                        Node::Repeat(Box::new(node), true)
                    } else {
                        node
                    });
                    i = end + usize::from(plus);
                    continue;
                }
            }
        }
        // A word: up to the next space outside in-word brackets.
        let mut end = i;
        let mut depth = 0;
        for (j, c) in rest.char_indices() {
            match c {
                '[' => depth += 1,
                ']' => depth -= 1,
                ' ' if depth == 0 => break,
                _ => {}
            }
            end = i + j + c.len_utf8();
        }
        items.push(parse_word(&s[i..end]));
        i = end;
    }
    if items.len() == 1 {
        items.pop().expect("one item")
    } else {
        Node::Seq(items)
    }
}

fn parse_word(w: &str) -> Node {
    if let Some(base) = w.strip_suffix("...") {
        if !base.is_empty() {
            return Node::Repeat(Box::new(parse_word(base)), false);
        }
    }
    // `a|b` outside in-word brackets: a choice of words.
    let alts = split_top(w, &["|"]);
    if alts.len() > 1 && alts.iter().all(|a| !a.is_empty()) {
        return Node::Choice(alts.iter().map(|a| parse_word(a)).collect());
    }
    Node::Word(parse_segs(w))
}

fn parse_segs(w: &str) -> Vec<Seg> {
    let mut segs = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let rest = &w[i..];
        if rest.starts_with('[') {
            if let Some(end) = matching(w, i) {
                segs.push(Seg::Opt(parse_segs(&w[i + 1..end - 1])));
                i = end;
                continue;
            }
        }
        let c = rest.chars().next().expect("not empty");
        if c.is_ascii_uppercase() {
            // A placeholder: a run of capitals, digits and underscores, of 2+ characters or
            // a single capital standing alone (`N`, `A`, `B`, `L`).
            let run: String = rest
                .chars()
                .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_')
                .collect();
            let next = rest[run.len()..].chars().next();
            // `-A`, `-N`, `-L` are options, not placeholders after a dash.
            let prev_alpha = w[..i]
                .chars()
                .last()
                .is_some_and(|p| p.is_ascii_alphanumeric() || p == '-');
            let standalone = !prev_alpha && !next.is_some_and(|n| n.is_ascii_lowercase());
            if standalone && is_placeholder(&run) {
                segs.push(Seg::Ph(run.clone()));
                i += run.len();
                continue;
            }
        }
        match segs.last_mut() {
            Some(Seg::Lit(l)) => l.push(c),
            _ => segs.push(Seg::Lit(c.to_string())),
        }
        i += c.len_utf8();
    }
    segs
}

/// The placeholders [`Gen::value`] knows.
pub const PLACEHOLDERS: &[&str] = &[
    "NS",
    "DEV",
    "NEWDEV",
    "BR",
    "NEWBR",
    "N",
    "MAC",
    "ADDR",
    "LEN",
    "B",
    "L",
    "PREFIX",
    "GW",
    "A",
    "STATE",
    "COUNT",
    "SECONDS",
    "SIZE",
    "TTL",
    "CHAIN",
    "NEWCHAIN",
    "RULE",
    "PORT",
    "KIND",
    "TABLE",
    "CONTAINER",
    "NET",
    "SUBNET",
    "IMAGE",
    "KEY",
    "KV",
    "CMD",
    "DOCKER",
    "MATCH",
    "TARGET",
    "PROTO",
    "FILE",
    "WORD",
];

fn is_placeholder(run: &str) -> bool {
    PLACEHOLDERS.contains(&run)
}

/// Iptables chain names with their tables' built-ins first.
const CHAINS: &[&str] = &[
    "INPUT",
    "OUTPUT",
    "FORWARD",
    "PREROUTING",
    "POSTROUTING",
    "MYCHAIN",
    "C0",
    "DOCKER",
    "DOCKER-USER",
];

/// The grammar of one tool: its parsed options, split into flags and forms.
#[derive(Debug, Clone)]
pub struct ToolGrammar {
    pub name: &'static str,
    /// Options written with a leading `-` (global flags).
    pub flags: Vec<Node>,
    /// Everything else (subcommands and their arguments).
    pub forms: Vec<Node>,
    /// The words the shell completes after the tool name and after subcommands.
    pub words: Vec<&'static str>,
}

/// The usage of an option after [`OVERRIDES`].
pub fn restated(tool: &str, usage: &'static str) -> &'static str {
    OVERRIDES
        .iter()
        .find(|(t, u, _)| *t == tool && *u == usage)
        .map_or(usage, |(_, _, r)| r)
}

/// Every tool of the help table, parsed once.
pub fn grammars() -> &'static [ToolGrammar] {
    static G: std::sync::OnceLock<Vec<ToolGrammar>> = std::sync::OnceLock::new();
    G.get_or_init(|| TOOLS.iter().map(tool_grammar).collect())
}

/// The iptables rule pieces (protocol and address matches), parsed once.
fn rule_parts() -> &'static [Node] {
    static P: std::sync::OnceLock<Vec<Node>> = std::sync::OnceLock::new();
    P.get_or_init(|| {
        TOOLS
            .iter()
            .filter(|t| t.name == "iptables")
            .flat_map(|t| t.options.iter().map(|o| restated("iptables", o.usage)))
            .filter(|u| u.starts_with("-p "))
            .map(parse_usage)
            .collect()
    })
}

fn tool_grammar(t: &ToolHelp) -> ToolGrammar {
    let mut flags = Vec::new();
    let mut forms = Vec::new();
    // Tools whose every option is a complete command on its own.
    let whole = matches!(
        t.name,
        "iptables-restore" | "nc" | "ethtool" | "sleep" | "explain"
    );
    for o in t.options {
        let u = restated(t.name, o.usage);
        let node = parse_usage(u);
        let is_flag = u.starts_with('-');
        // iptables' commands are flags too; they are the forms of its grammar.
        let iptables_form = t.name == "iptables"
            && (u.starts_with('{') || u.starts_with("-L") || u.starts_with("-S"));
        let conntrack_form =
            t.name == "conntrack" && ["-L", "-D", "-F", "-C"].iter().any(|c| u.starts_with(c));
        let rule_part =
            t.name == "iptables" && !iptables_form && u != "-t filter|nat|mangle|raw" && u != "-w";
        if rule_part {
            continue; // used through RULE
        }
        if whole
            || iptables_form
            || conntrack_form
            || (!is_flag && t.name != "sysctl")
            || (t.name == "sysctl" && (u == "KEY" || u.contains("KV")))
        {
            forms.push(node);
        } else {
            flags.push(node);
        }
    }
    let mut words: Vec<&'static str> = t.subcommands.to_vec();
    for (_, ws) in t.words {
        words.extend_from_slice(ws);
    }
    ToolGrammar {
        name: t.name,
        flags,
        forms,
        words,
    }
}

/// A line generator for one session.
#[derive(Debug)]
pub struct Gen {
    rng: ChaCha8Rng,
    /// Lines queued by a recipe.
    queue: std::collections::VecDeque<String>,
    depth: u32,
}

/// How many lines session `index` of `seed` has (1 to [`MAX_SESSION_LINES`]).
pub fn session_len(seed: u64, index: u64) -> usize {
    let mut rng = session_rng(seed, index);
    rng.gen_range(1..=MAX_SESSION_LINES)
}

fn session_rng(seed: u64, index: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(index);
    rng
}

/// Proptest strategy: the lines of a random session (shrinks towards session 0 of seed 0).
pub fn session_strategy() -> impl proptest::strategy::Strategy<Value = Vec<String>> {
    use proptest::prelude::*;
    (any::<u64>(), 0u64..1 << 32).prop_map(|(seed, index)| session(seed, index))
}

/// The lines of session `index` of `seed`.
pub fn session(seed: u64, index: u64) -> Vec<String> {
    let mut g = Gen::new(seed, index);
    let n = g.rng.gen_range(1..=MAX_SESSION_LINES);
    (0..n).map(|_| g.line()).collect()
}

impl Gen {
    /// The generator of session `index` of `seed`; the first draw of the stream is the
    /// session's length (see [`session`]).
    pub fn new(seed: u64, index: u64) -> Gen {
        Gen {
            rng: session_rng(seed, index),
            queue: Default::default(),
            depth: 0,
        }
    }

    /// A generator from an explicit ChaCha8 seed (for fuzzers that feed their own bytes).
    pub fn from_seed_bytes(bytes: [u8; 32]) -> Gen {
        let mut g = Gen::new(0, 0);
        g.rng = ChaCha8Rng::from_seed(bytes);
        g
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        xs.choose(&mut self.rng).expect("a non-empty list")
    }

    fn pick_str(&mut self, xs: &[&'static str]) -> &'static str {
        xs.choose(&mut self.rng).copied().expect("a non-empty list")
    }

    fn chance(&mut self, p: f64) -> bool {
        self.rng.gen_bool(p)
    }

    /// The next line of the session.
    pub fn line(&mut self) -> String {
        if let Some(l) = self.queue.pop_front() {
            return l;
        }
        match self.rng.gen_range(0..100) {
            0..=49 => self.command(),
            50..=67 => {
                let words = self.command_words();
                self.mutate_words(words).join(" ")
            }
            68..=79 => {
                let l = self.command();
                self.shell_damage(l)
            }
            80..=86 => {
                self.recipe();
                self.queue.pop_front().unwrap_or_default()
            }
            87..=90 => self.huge(),
            _ => self.soup(),
        }
    }

    /// A valid-looking command line.
    pub fn command(&mut self) -> String {
        let mut l = self.command_words().join(" ");
        if self.chance(0.08) {
            l = format!("ip netns exec {} {l}", self.value("NS"));
        }
        if self.chance(0.06) {
            let f = self
                .pick(&[
                    "| grep a",
                    "| grep -v lo",
                    "| head -n 2",
                    "| tail -n 1",
                    "| wc -l",
                    "| sort",
                    "2>&1",
                    "> /dev/null",
                    "> f",
                    ">> f",
                    "2>&1 | grep -c .",
                    "&",
                ])
                .to_string();
            l = format!("{l} {f}");
        }
        l
    }

    /// A command as shell words (each already quoted if needed).
    pub fn command_words(&mut self) -> Vec<String> {
        let total: u32 = TOOL_WEIGHTS.iter().map(|(_, w)| w).sum();
        let mut r = self.rng.gen_range(0..total);
        let mut tool = "ip";
        for (t, w) in TOOL_WEIGHTS {
            if r < *w {
                tool = t;
                break;
            }
            r -= w;
        }
        self.tool_words(tool)
    }

    /// A command of one tool.
    pub fn tool_words(&mut self, tool: &str) -> Vec<String> {
        let Some(g) = grammars().iter().find(|g| g.name == tool) else {
            return vec![tool.to_string()];
        };
        let mut out = vec![tool.to_string()];
        match tool {
            "ping" => {
                let n = self.rng.gen_range(0..=4);
                for _ in 0..n {
                    let f = self.pick(&g.flags);
                    self.expand(f, &mut out);
                }
                if !out.iter().any(|w| w == "-c" || w == "-w") && self.chance(0.9) {
                    out.push("-c".into());
                    let c = self.pick(&["1", "1", "2", "3"]).to_string();
                    out.push(c);
                }
                out.push(self.value("A"));
            }
            "ss" | "dmesg" | "iptables-save" | "conntrack" | "sysctl" => {
                let n = self.rng.gen_range(0..=2.min(g.flags.len()));
                if !g.forms.is_empty() && (tool != "conntrack" || self.chance(0.9)) {
                    let f = self.pick(&g.forms);
                    self.expand(f, &mut out);
                }
                for _ in 0..n {
                    let f = self.pick(&g.flags);
                    self.expand(f, &mut out);
                }
            }
            _ => {
                let n = if g.flags.is_empty() {
                    0
                } else {
                    self.rng.gen_range(0..=2)
                };
                for _ in 0..n {
                    let f = self.pick(&g.flags);
                    self.expand(f, &mut out);
                }
                if !g.forms.is_empty() {
                    let f = self.pick(&g.forms);
                    self.expand(f, &mut out);
                }
            }
        }
        out
    }

    /// Expand a grammar node into words.
    pub fn expand(&mut self, n: &Node, out: &mut Vec<String>) {
        match n {
            Node::Seq(items) => {
                for i in items {
                    self.expand(i, out);
                }
            }
            Node::Opt(x) => {
                if self.chance(0.4) {
                    self.expand(x, out);
                }
            }
            Node::Choice(alts) => {
                let a = self.pick(alts).clone();
                self.expand(&a, out);
            }
            Node::Repeat(x, _) => {
                let k = self.rng.gen_range(1..=3);
                for _ in 0..k {
                    self.expand(x, out);
                }
            }
            Node::Word(segs) => {
                // Placeholders that stand for whole commands or rules expand to several words.
                if let [Seg::Ph(p)] = segs.as_slice() {
                    if let Some(ws) = self.multi_word(p) {
                        out.extend(ws);
                        return;
                    }
                }
                let mut w = String::new();
                self.expand_segs(segs, &mut w);
                // Shell operators in a usage (`nc -l -p PORT &`, `< FILE`) stay operators.
                if matches!(w.as_str(), "&" | "<" | ">" | "|") {
                    out.push(w);
                } else {
                    out.push(quote(&w));
                }
            }
        }
    }

    fn expand_segs(&mut self, segs: &[Seg], w: &mut String) {
        for s in segs {
            match s {
                Seg::Lit(l) => w.push_str(l),
                Seg::Ph(p) => {
                    let v = self.value(p);
                    w.push_str(&v);
                }
                Seg::Opt(inner) => {
                    if self.chance(0.5) {
                        self.expand_segs(inner, w);
                    }
                }
            }
        }
    }

    /// Placeholders that expand to several words: a nested command, a rule, a match.
    fn multi_word(&mut self, p: &str) -> Option<Vec<String>> {
        match p {
            "CMD" => {
                if self.depth >= 3 {
                    return Some(vec!["ip".into(), "link".into()]);
                }
                self.depth += 1;
                let ws = self.command_words();
                self.depth -= 1;
                Some(ws)
            }
            "DOCKER" => Some(self.tool_words("docker")),
            "RULE" => Some(self.rule()),
            "MATCH" => Some(self.match_ext()),
            "TARGET" => Some(self.target()),
            _ => None,
        }
    }

    fn rule(&mut self) -> Vec<String> {
        let mut out = Vec::new();
        let n = self.rng.gen_range(0..=3);
        for _ in 0..n {
            if !rule_parts().is_empty() && self.chance(0.6) {
                let p = self.pick(rule_parts());
                self.expand(p, &mut out);
            } else {
                out.extend(self.match_ext());
            }
        }
        if self.chance(0.9) {
            out.extend(self.target());
        }
        out
    }

    fn match_ext(&mut self) -> Vec<String> {
        let m = match self.rng.gen_range(0..13) {
            0 => format!(
                "-p tcp -m multiport --dports {}",
                self.pick(&[
                    "22,80",
                    "1:1024",
                    "80",
                    "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16",
                    "0:65536"
                ])
            ),
            1 => format!(
                "-m conntrack --ctstate {}",
                self.pick(&[
                    "NEW",
                    "ESTABLISHED,RELATED",
                    "INVALID",
                    "DNAT",
                    "SNAT",
                    "UNTRACKED",
                    "BOGUS"
                ])
            ),
            2 => format!(
                "-m state --state {}",
                self.pick(&["NEW", "ESTABLISHED", "RELATED,ESTABLISHED", "INVALID"])
            ),
            3 => format!(
                "-m addrtype --{}-type {}",
                self.pick(&["src", "dst"]),
                self.pick(&["LOCAL", "UNICAST", "BROADCAST", "MULTICAST", "ANY"])
            ),
            4 => format!(
                "-m comment --comment {}",
                quote(self.pick_str(&["x", "a b", "", "docker rule", "\u{e9}"]))
            ),
            5 => format!(
                "-m physdev --physdev-{} {}",
                self.pick(&["in", "out", "is-bridged"]),
                self.value("DEV")
            ),
            6 => format!(
                "-m mark --mark {}",
                self.pick(&["1", "0x1/0xff", "4294967295", "4294967296"])
            ),
            7 => format!("-m mac --mac-source {}", self.value("MAC")),
            8 => format!(
                "-m limit --limit {}",
                self.pick(&["1/s", "10/minute", "0/s", "1000000/s", "x"])
            ),
            9 => format!(
                "-m length --length {}",
                self.pick(&["0:100", "64", "65535:0", "1:65536"])
            ),
            10 => format!(
                "-m iprange --src-range {}",
                self.pick(&["10.0.0.1-10.0.0.9", "10.0.0.9-10.0.0.1", "1.2.3.4"])
            ),
            11 => format!(
                "-m pkttype --pkt-type {}",
                self.pick(&["unicast", "broadcast", "multicast", "x"])
            ),
            _ => format!(
                "-m {}",
                self.pick(&["tcp", "udp", "icmp", "bogus", "owner"])
            ),
        };
        m.split(' ').map(str::to_string).collect()
    }

    fn target(&mut self) -> Vec<String> {
        let t = match self.rng.gen_range(0..12) {
            0 => "-j ACCEPT".to_string(),
            1 => "-j DROP".to_string(),
            2 => format!(
                "-j REJECT{}",
                if self.chance(0.5) {
                    format!(
                        " --reject-with {}",
                        self.pick(&[
                            "tcp-reset",
                            "icmp-port-unreachable",
                            "icmp-host-prohibited",
                            "bogus"
                        ])
                    )
                } else {
                    String::new()
                }
            ),
            3 => "-j RETURN".to_string(),
            4 => format!(
                "-j LOG --log-prefix {}",
                quote(self.pick_str(&["x: ", "", "a b"]))
            ),
            5 => format!(
                "-j MARK --set-mark {}",
                self.pick(&["1", "0x10/0xff", "99999999999"])
            ),
            6 => format!("-j SNAT --to-source {}", self.value("A")),
            7 => format!(
                "-j DNAT --to-destination {}{}",
                self.value("A"),
                if self.chance(0.5) {
                    format!(":{}", self.value("PORT"))
                } else {
                    String::new()
                }
            ),
            8 => "-j MASQUERADE".to_string(),
            9 => format!("-j REDIRECT --to-ports {}", self.value("PORT")),
            10 => format!("-j {}", self.value("CHAIN")),
            _ => format!("-g {}", self.value("CHAIN")),
        };
        t.split(' ').map(str::to_string).collect()
    }

    /// A value for a placeholder: mostly realistic, sometimes at or beyond a boundary.
    pub fn value(&mut self, p: &str) -> String {
        if self.chance(0.03) {
            return self.pick(ODD_WORDS).to_string();
        }
        let v: String = match p {
            "NS" => self
                .pick(&[
                    "ns0",
                    "ns0",
                    "ns1",
                    "ns1",
                    "ns2",
                    "a",
                    "netns-with-a-long-name",
                    "ns0 ",
                ])
                .to_string(),
            "DEV" => self
                .pick(&[
                    "lo", "eth0", "eth0", "eth1", "v0", "v1", "veth0", "veth1", "br0", "br0",
                    "br1", "docker0", "vethpeer", "nosuch",
                ])
                .to_string(),
            "NEWDEV" => self
                .pick(&[
                    "v0",
                    "v1",
                    "v2",
                    "eth0",
                    "eth1",
                    "veth0",
                    "veth1",
                    "br0",
                    "br1",
                    "vethpeer",
                    "lo",
                    "x123456789012345",
                    "x1234567890123456",
                    "eth%d",
                ])
                .to_string(),
            "BR" | "NEWBR" => self
                .pick(&["br0", "br0", "br1", "docker0", "v0", "eth0"])
                .to_string(),
            "N" => self.number(),
            "COUNT" => self
                .pick(&["1", "1", "2", "3", "5", "0", "100", "1000000", "-1", "x"])
                .to_string(),
            "SECONDS" => self
                .pick(&[
                    "1",
                    "1",
                    "0.2",
                    "2",
                    "0",
                    "0.001",
                    "10",
                    "300",
                    "3600",
                    "1e9",
                    "inf",
                    "nan",
                    "-1",
                    "0.0000001",
                    "99999999999999999999",
                ])
                .to_string(),
            "SIZE" => self
                .pick(&[
                    "56", "0", "1", "1472", "1473", "65507", "65508", "100000", "-1",
                ])
                .to_string(),
            "TTL" => self
                .pick(&["64", "1", "0", "2", "255", "256", "-1"])
                .to_string(),
            "MAC" => self
                .pick(&[
                    "02:00:00:00:00:01",
                    "02:00:00:00:00:02",
                    "ff:ff:ff:ff:ff:ff",
                    "00:00:00:00:00:00",
                    "01:00:5e:00:00:01",
                    "02:00:00:00:00",
                    "02:00:00:00:00:01:02",
                    "zz:zz:zz:zz:zz:zz",
                    "2:0:0:0:0:1",
                ])
                .to_string(),
            "ADDR" | "A" | "GW" | "B" => self.address(),
            "LEN" => self
                .pick(&[
                    "24", "24", "16", "32", "8", "0", "31", "33", "64", "128", "129", "-1", "x",
                ])
                .to_string(),
            "PREFIX" => format!("{}/{}", self.address(), self.value("LEN")),
            "L" => self
                .pick(&["eth0:1", "lo:x", "br0", "x", "eth0:verylonglabel"])
                .to_string(),
            "STATE" => self
                .pick(&[
                    "permanent",
                    "reachable",
                    "stale",
                    "noarp",
                    "none",
                    "delay",
                    "probe",
                    "failed",
                    "incomplete",
                    "bogus",
                ])
                .to_string(),
            "CHAIN" | "NEWCHAIN" => {
                if self.chance(0.05) {
                    "C".repeat(self.rng.gen_range(28..=30))
                } else {
                    self.pick(CHAINS).to_string()
                }
            }
            "PORT" => self
                .pick(&[
                    "22", "80", "8080", "53", "1", "0", "65535", "65536", "1-3", "22:80", "-1",
                    "http",
                ])
                .to_string(),
            "KIND" => self
                .pick(&["veth", "bridge", "dummy", "vlan", "bogus"])
                .to_string(),
            "TABLE" => self
                .pick(&[
                    "filter",
                    "nat",
                    "mangle",
                    "raw",
                    "security",
                    "bogus",
                    "main",
                    "local",
                    "255",
                    "4294967296",
                ])
                .to_string(),
            "CONTAINER" => self
                .pick(&["c0", "c0", "c1", "c2", "web", "nosuch"])
                .to_string(),
            "NET" => self
                .pick(&["n0", "n0", "n1", "bridge", "host", "none", "nosuch"])
                .to_string(),
            "SUBNET" => self
                .pick(&[
                    "172.18.0.0/16",
                    "10.1.0.0/24",
                    "10.0.0.0/24",
                    "192.168.0.0/30",
                    "0.0.0.0/0",
                    "10.0.0.0/33",
                    "10.1.0.1/24",
                    "x",
                ])
                .to_string(),
            "IMAGE" => self
                .pick(&["alpine", "busybox", "nginx", "nosuch:latest"])
                .to_string(),
            "KEY" => self.sysctl_key(),
            "KV" => {
                let k = self.sysctl_key();
                let v = self
                    .pick(&["1", "0", "2", "-1", "4294967296", "x", "1 2", ""])
                    .to_string();
                format!("{k}={v}")
            }
            "PROTO" => self
                .pick(&["6", "17", "1", "0", "256", "sctp", "gre"])
                .to_string(),
            "FILE" => self
                .pick(&["f", "f", "/tmp/rules", "nofile", "/etc/passwd"])
                .to_string(),
            "WORD" => self
                .pick(&["a", "eth0", "lo", "UP", "", "[", "("])
                .to_string(),
            _ => self.pick(ODD_WORDS).to_string(),
        };
        v
    }

    fn number(&mut self) -> String {
        self.pick(&[
            "1",
            "2",
            "10",
            "100",
            "1500",
            "1500",
            "9000",
            "0",
            "67",
            "68",
            "65535",
            "65536",
            "2147483647",
            "2147483648",
            "4294967295",
            "4294967296",
            "18446744073709551615",
            "-1",
            "0x10",
            "1e3",
        ])
        .to_string()
    }

    fn address(&mut self) -> String {
        if self.chance(0.7) {
            let last = self
                .pick(&["1", "2", "3", "254", "255", "0", "77"])
                .to_string();
            let net = self
                .pick(&[
                    "10.0.0",
                    "10.0.0",
                    "10.0.1",
                    "172.17.0",
                    "172.18.0",
                    "192.168.1",
                ])
                .to_string();
            return format!("{net}.{last}");
        }
        self.pick(&[
            "127.0.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "224.0.0.1",
            "8.8.8.8",
            "10.0.0.255",
            "fe80::1",
            "::1",
            "256.0.0.1",
            "10.0.0",
            "localhost",
            "10.0.0.1.2",
        ])
        .to_string()
    }

    fn sysctl_key(&mut self) -> String {
        self.pick(&[
            "net.ipv4.ip_forward",
            "net.ipv4.ip_forward",
            "net.ipv4.conf.all.forwarding",
            "net.ipv4.conf.eth0.forwarding",
            "net.ipv4.conf.all.rp_filter",
            "net.ipv4.conf.default.rp_filter",
            "net.ipv4.conf.nosuch.rp_filter",
            "net.bridge.bridge-nf-call-iptables",
            "net.ipv4.ip_local_port_range",
            "net.netfilter.nf_conntrack_max",
            "net.ipv4.icmp_echo_ignore_all",
            "net.ipv4.ping_group_range",
            "net.ipv4.conf.br0.proxy_arp",
            "net.ipv4.neigh.default.gc_stale_time",
            "net.ipv6.conf.all.disable_ipv6",
            "kernel.hostname",
            "net",
            "net.ipv4",
        ])
        .to_string()
    }

    /// Change one argument of a command: drop, duplicate, swap with its neighbour, replace
    /// it with an odd word, or cut it short (iproute2 takes prefixes of keywords).
    pub fn mutate_words(&mut self, mut w: Vec<String>) -> Vec<String> {
        if w.len() < 2 {
            w.push(self.pick(ODD_WORDS).to_string());
            return w;
        }
        let i = self.rng.gen_range(1..w.len());
        match self.rng.gen_range(0..6) {
            0 => {
                w.remove(i);
            }
            1 => {
                let x = w[i].clone();
                w.insert(i, x);
            }
            2 if i + 1 < w.len() => w.swap(i, i + 1),
            3 => {
                // A word the tool completes, in a place it does not belong.
                let tool = w[0].clone();
                let words = grammars()
                    .iter()
                    .find(|g| g.name == tool)
                    .map(|g| g.words.clone())
                    .unwrap_or_default();
                let x = if words.is_empty() {
                    "x"
                } else {
                    *self.pick(&words)
                };
                w.insert(i, x.to_string());
            }
            4 => {
                let n = w[i].chars().count();
                if n > 1 {
                    let k = self.rng.gen_range(1..n);
                    w[i] = w[i].chars().take(k).collect();
                }
            }
            _ => w[i] = quote(self.pick_str(ODD_WORDS)),
        }
        w
    }

    /// Break the shell syntax of a line: an unbalanced quote or a stray operator somewhere.
    pub fn shell_damage(&mut self, line: String) -> String {
        let cuts: Vec<usize> = std::iter::once(0)
            .chain(line.match_indices(' ').map(|(i, _)| i))
            .chain(std::iter::once(line.len()))
            .collect();
        let at = *self.pick(&cuts);
        let junk = self.pick(SHELL_JUNK).to_string();
        match self.rng.gen_range(0..4) {
            0 => format!("{}'{}", &line[..at], &line[at..]),
            1 => format!("{}\"{}", &line[..at], &line[at..]),
            _ => format!("{} {junk} {}", &line[..at], &line[at..]),
        }
    }

    /// A line of words any tool might know, in no particular order.
    fn soup(&mut self) -> String {
        let g = self.pick(grammars());
        let mut w = vec![g.name.to_string()];
        let n = self.rng.gen_range(0..8);
        for _ in 0..n {
            let x = match self.rng.gen_range(0..4) {
                0 if !g.words.is_empty() => self.pick(&g.words).to_string(),
                1 => quote(self.pick_str(ODD_WORDS)),
                2 => {
                    let p = *self.pick(PLACEHOLDERS);
                    self.value(p)
                }
                _ => self
                    .pick(&[
                        "-n", "-s", "-j", "-c", "-t", "dev", "add", "del", "show", "set", "up",
                        "-4", "-6", "help",
                    ])
                    .to_string(),
            };
            w.push(x);
        }
        w.join(" ")
    }

    /// Huge and deeply nested input.
    fn huge(&mut self) -> String {
        // Sizes are log-uniform, so small ones are common and the largest are rare.
        let big = |g: &mut Gen, max_log2: u32| -> usize {
            let e = g.rng.gen_range(4..=max_log2);
            g.rng.gen_range(1usize << (e - 1)..=1usize << e)
        };
        match self.rng.gen_range(0..9) {
            0 => {
                let n = big(self, 20);
                format!("ip link add {} type veth", "a".repeat(n))
            }
            1 => {
                let n = big(self, 20);
                format!("echo {} > f", "x".repeat(n))
            }
            2 => {
                let n = big(self, 14);
                let ns = self.value("NS");
                let inner = self.command();
                let prefix = format!("ip netns exec {ns} ").repeat(n);
                format!("{prefix}{inner}")
            }
            3 => {
                let n = big(self, 14);
                format!("ip{} link", " -n ns0".repeat(n))
            }
            4 => {
                let n = big(self, 12);
                format!("ip link{}", " | grep a".repeat(n))
            }
            5 => {
                let n = big(self, 16);
                format!("echo{}", " x".repeat(n))
            }
            6 => {
                let n = big(self, 16);
                let w = self
                    .pick(&["'", "\"", "\\", "(", "|", "&", ">", "<", "$", "#"])
                    .to_string();
                format!("ip {}", w.repeat(n))
            }
            7 => {
                let n = big(self, 14);
                let words = self.tool_words("iptables");
                format!("{}{}", words.join(" "), " -s 10.0.0.1".repeat(n))
            }
            _ => {
                let n = big(self, 12);
                format!("ping -c 1{} 10.0.0.1", " -q".repeat(n))
            }
        }
    }

    /// Queue a short sequence of related lines.
    fn recipe(&mut self) {
        let lines: Vec<String> = match self.rng.gen_range(0..6) {
            0 => TOPOLOGY.iter().map(|s| s.to_string()).collect(),
            1 => {
                // Docker through its lifecycle, on one or two names: each step kept with
                // probability 0.7, then a few neighbours swapped or steps repeated.
                let net = self.pick_str(&["n0", "n0", "n0", "bridge", "n1"]);
                let mut v: Vec<String> = Vec::new();
                for step in [
                    "docker network create NET",
                    "docker run -d --name CT --network NET alpine sleep 1000",
                    "docker run -d --name CT -p 8080:80 alpine",
                    "docker exec CT ping -c 1 172.18.0.1",
                    "docker stop CT",
                    "docker network rm NET",
                    "docker start CT",
                    "docker exec CT ip addr",
                    "docker rm -f CT",
                    "docker network rm NET",
                ] {
                    if self.chance(0.7) {
                        let c = self.pick_str(&["c0", "c0", "c0", "c1"]);
                        v.push(step.replace("NET", net).replace("CT", c));
                    }
                }
                for _ in 0..self.rng.gen_range(0..=2) {
                    if v.len() >= 2 {
                        let i = self.rng.gen_range(0..v.len() - 1);
                        if self.chance(0.5) {
                            v.swap(i, i + 1);
                        } else {
                            let x = v[i].clone();
                            v.insert(i + 1, x);
                        }
                    }
                }
                v
            }
            2 => {
                // A rules file, doubled k times, then restored.
                let k = self.rng.gen_range(0..=16);
                let mut v = vec![
                    "echo '*filter' > f".to_string(),
                    "echo '-A INPUT -p tcp --dport 22 -j ACCEPT' >> f".to_string(),
                    "echo COMMIT >> f".to_string(),
                ];
                if self.chance(0.3) {
                    v = vec![
                        "iptables -A FORWARD -s 10.0.0.1 -j DROP".into(),
                        "iptables-save > f".into(),
                    ];
                }
                // `cat f >> f` (GNU cat refuses: "input file is output file"), or the same
                // doubling as real shells do it, through a second file.
                let via_g = self.chance(0.5);
                for i in 0..k {
                    match (via_g, i % 2) {
                        (false, _) => v.push("cat f >> f".into()),
                        (true, 0) => v.push("cat f f > g".into()),
                        (true, _) => v.push("cat g g > f".into()),
                    }
                }
                if via_g && k % 2 == 1 {
                    v.push("cat g > f".into());
                }
                let flags = self
                    .pick(&["", "-n ", "--noflush ", "-c ", "-t "])
                    .to_string();
                v.push(format!("iptables-restore {flags}< f"));
                v.push("iptables -S | wc -l".into());
                v
            }
            3 => {
                // Nested `ip netns exec`.
                let n = self.rng.gen_range(1..=64);
                vec![
                    "ip netns add a".into(),
                    format!("{}ip link", "ip netns exec a ".repeat(n)),
                ]
            }
            4 => {
                // Two namespaces, a veth pair, addresses, a listener and a probe.
                vec![
                    "ip netns add ns0".into(),
                    "ip netns add ns1".into(),
                    "ip link add v0 netns ns0 type veth peer name v1 netns ns1".into(),
                    "ip -n ns0 addr add 10.0.1.1/24 dev v0".into(),
                    "ip -n ns1 addr add 10.0.1.2/24 dev v1".into(),
                    "ip -n ns0 link set v0 up".into(),
                    "ip -n ns1 link set v1 up".into(),
                    "ip netns exec ns1 nc -l -k -p 80 &".into(),
                    "ip netns exec ns0 nc -z -v -w 1 10.0.1.2 80".into(),
                    "ip netns exec ns0 ping -c 2 10.0.1.2".into(),
                    "ip netns exec ns1 ss -t -a -n".into(),
                ]
            }
            _ => {
                // A chain of renames and moves on one bridge.
                let a = self.pick(&["br0", "br1"]).to_string();
                let mut v = vec![format!("ip link add {a} type bridge")];
                for _ in 0..self.rng.gen_range(1..=4) {
                    let mut w = vec![
                        "ip".to_string(),
                        "link".into(),
                        "set".into(),
                        "dev".into(),
                        self.value("BR"),
                    ];
                    for _ in 0..self.rng.gen_range(1..=3) {
                        let s = match self.rng.gen_range(0..5) {
                            0 => format!("name {}", self.value("NEWBR")),
                            1 => format!("master {}", self.value("BR")),
                            2 => "nomaster".into(),
                            3 => format!("netns {}", self.value("NS")),
                            _ => "up".into(),
                        };
                        w.push(s);
                    }
                    v.push(w.join(" "));
                }
                v
            }
        };
        self.queue.extend(lines);
    }
}

/// Two namespaces on a bridge and a NATing host (the topology of `tests/fuzz_props.rs`).
pub const TOPOLOGY: &[&str] = &[
    "ip netns add ns0",
    "ip netns add ns1",
    "ip link add br0 type bridge",
    "ip link set br0 up",
    "ip link add v0 type veth peer name eth0 netns ns0",
    "ip link add v1 type veth peer name eth0 netns ns1",
    "ip link set v0 master br0",
    "ip link set v1 master br0",
    "ip link set v0 up",
    "ip link set v1 up",
    "ip addr add 10.0.0.254/24 dev br0",
    "ip -n ns0 addr add 10.0.0.1/24 dev eth0",
    "ip -n ns1 addr add 10.0.0.2/24 dev eth0",
    "ip -n ns0 link set eth0 up",
    "ip -n ns1 link set eth0 up",
    "ip -n ns0 route add default via 10.0.0.254",
    "sysctl -q -w net.ipv4.ip_forward=1",
    "iptables -t nat -A POSTROUTING -s 10.0.0.0/24 ! -o br0 -j MASQUERADE",
];

/// Quote a word for the shell if it needs it (empty, blanks, metacharacters).
pub fn quote(w: &str) -> String {
    let plain = !w.is_empty()
        && w.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:,=+@%!*?~^[]{}".contains(c));
    if plain {
        w.to_string()
    } else if !w.contains('\'') {
        format!("'{w}'")
    } else {
        format!("\"{}\"", w.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Sim, SimConfig};

    #[test]
    fn every_override_matches_the_help_table() {
        for (tool, usage, _) in OVERRIDES {
            let t = TOOLS.iter().find(|t| t.name == *tool);
            assert!(
                t.is_some_and(|t| t.options.iter().any(|o| o.usage == *usage)),
                "override ({tool}, {usage}) is stale: help.rs no longer has it"
            );
        }
    }

    fn placeholders(n: &Node, out: &mut Vec<String>) {
        fn segs(s: &[Seg], out: &mut Vec<String>) {
            for x in s {
                match x {
                    Seg::Ph(p) => out.push(p.clone()),
                    Seg::Opt(i) => segs(i, out),
                    Seg::Lit(_) => {}
                }
            }
        }
        match n {
            Node::Seq(v) | Node::Choice(v) => v.iter().for_each(|x| placeholders(x, out)),
            Node::Opt(x) | Node::Repeat(x, _) => placeholders(x, out),
            Node::Word(s) => segs(s, out),
        }
    }

    /// Every capitalised word of every (restated) usage is a placeholder the generator
    /// fills, except the literal ones iptables spells in capitals.
    #[test]
    fn every_placeholder_is_known() {
        let literal = [
            "ACCEPT", "DROP", "RETURN", "SYN", "ACK", "ALL", "NONE", "INPUT", "OUTPUT", "FORWARD",
        ];
        for t in TOOLS {
            for o in t.options {
                let u = restated(t.name, o.usage);
                for w in
                    u.split(|c: char| !(c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit()))
                {
                    if w.len() >= 2
                        && w.chars().all(|c| c.is_ascii_uppercase())
                        && !literal.contains(&w)
                    {
                        assert!(
                            is_placeholder(w),
                            "{}: `{u}`: unknown placeholder {w}",
                            t.name
                        );
                    }
                }
                let mut ps = Vec::new();
                placeholders(&parse_usage(u), &mut ps);
                for p in ps {
                    assert!(is_placeholder(&p), "{p}");
                }
            }
        }
    }

    #[test]
    fn usage_notation_parses() {
        assert_eq!(
            parse_usage("a|b [c D]"),
            Node::Seq(vec![
                Node::Choice(vec![
                    Node::Word(vec![Seg::Lit("a".into())]),
                    Node::Word(vec![Seg::Lit("b".into())])
                ]),
                Node::Opt(Box::new(Node::Seq(vec![
                    Node::Word(vec![Seg::Lit("c".into())]),
                    Node::Word(vec![Seg::Lit("D".into())])
                ]))),
            ])
        );
        assert_eq!(
            parse_word("-br[ief]"),
            Node::Word(vec![
                Seg::Lit("-br".into()),
                Seg::Opt(vec![Seg::Lit("ief".into())])
            ])
        );
        assert_eq!(
            parse_word("ADDR/LEN"),
            Node::Word(vec![
                Seg::Ph("ADDR".into()),
                Seg::Lit("/".into()),
                Seg::Ph("LEN".into())
            ])
        );
        assert!(
            matches!(parse_usage("x {a B|c}+"), Node::Seq(v) if matches!(&v[1], Node::Repeat(_, true)))
        );
        assert!(matches!(parse_usage("-4 | -6"), Node::Choice(v) if v.len() == 2));
        assert_eq!(parse_word("-A"), Node::Word(vec![Seg::Lit("-A".into())]));
    }

    #[test]
    fn sessions_are_deterministic_and_varied() {
        let a = session(1, 5);
        assert_eq!(a, session(1, 5));
        assert_eq!(a.len(), session_len(1, 5));
        assert_ne!(a, session(1, 6));
        assert_ne!(a, session(2, 5));
        let mut tools = std::collections::BTreeSet::new();
        for i in 0..200 {
            for l in session(3, i) {
                tools.insert(l.split(' ').next().unwrap_or("").to_string());
            }
        }
        for t in [
            "ip",
            "iptables",
            "ping",
            "docker",
            "brctl",
            "bridge",
            "sysctl",
            "nc",
            "conntrack",
            "iptables-restore",
        ] {
            assert!(
                tools.contains(t),
                "no `{t}` line in 200 sessions: {tools:?}"
            );
        }
    }

    /// Most generated valid commands are accepted by the simulator: the generator speaks the
    /// tools' language rather than noise.
    #[test]
    fn valid_commands_are_mostly_accepted() {
        let mut ok = 0;
        let n = 400;
        for i in 0..n {
            let mut g = Gen::new(9, i);
            let mut sim = Sim::new(SimConfig::default());
            for l in TOPOLOGY {
                sim.run_line(l);
            }
            let l = g.command();
            let o = sim.run_line(&l);
            if o.status != 127 && o.status != 2 && !o.combined().contains("Usage") {
                ok += 1;
            }
        }
        assert!(
            ok * 100 / n >= 50,
            "only {ok} of {n} generated commands were understood"
        );
    }
}

//! `iptables`, `iptables-save` and `iptables-restore` as iptables v1.8.9 (nf_tables) prints
//! them, per namespace.
//!
//! Deliberate differences from 1.8.9 (its plain bugs are not copied; legacy behaviour instead):
//! - `-L nochain`/`-S nochain` print `iptables: No chain/target/match by that name.` [1]
//!   instead of "incompatible, use 'nft' tool".
//! - `-E` of a built-in chain is refused (`iptables: Invalid argument.` [1]) instead of
//!   succeeding and leaving an "incompatible" table.
//! - Targets and matches that exist in iptables but are not modelled (TCPMSS, CT, recent,
//!   ...) are refused with a netsim message and status 127, never silently accepted.
//! - The `security` table is refused the same way.
//! - `iptables-restore` reads the scenario's in-memory files (`Sim::files`) or `< FILE`.

pub mod parse;
pub mod print;
pub mod services;

use crate::engine::netfilter::rules::{Rule, Table, TableId, Target};
use crate::engine::netfilter::Netfilter;
use crate::shell::{Output, Sim};
use crate::tools::Ctx;

use parse::{PErr, RuleParser, Step};
use print::ListFmt;

const PROG: &str = "iptables v1.8.9 (nf_tables)";

fn usage_err(msg: &str) -> Output {
    Output::error(
        format!("{PROG}: {msg}\nTry `iptables -h' or 'iptables --help' for more information.\n"),
        2,
    )
}

fn perr(e: PErr) -> Output {
    match e.0.strip_prefix('\u{0}') {
        Some(what) => crate::tools::unsupported("iptables", what),
        None => usage_err(&e.0),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Append,
    Insert,
    Delete,
    Replace,
    Check,
    List,
    ListRules,
    Flush,
    Zero,
    NewChain,
    DeleteChain,
    Rename,
    Policy,
}

impl Cmd {
    fn letter(self) -> &'static str {
        match self {
            Cmd::Append => "-A",
            Cmd::Insert => "-I",
            Cmd::Delete => "-D",
            Cmd::Replace => "-R",
            Cmd::Check => "-C",
            Cmd::List => "-L",
            Cmd::ListRules => "-S",
            Cmd::Flush => "-F",
            Cmd::Zero => "-Z",
            Cmd::NewChain => "-N",
            Cmd::DeleteChain => "-X",
            Cmd::Rename => "-E",
            Cmd::Policy => "-P",
        }
    }
}

fn cmd_of(a: &str) -> Option<Cmd> {
    Some(match a {
        "-A" | "--append" => Cmd::Append,
        "-I" | "--insert" => Cmd::Insert,
        "-D" | "--delete" => Cmd::Delete,
        "-R" | "--replace" => Cmd::Replace,
        "-C" | "--check" => Cmd::Check,
        "-L" | "--list" => Cmd::List,
        "-S" | "--list-rules" => Cmd::ListRules,
        "-F" | "--flush" => Cmd::Flush,
        "-Z" | "--zero" => Cmd::Zero,
        "-N" | "--new-chain" => Cmd::NewChain,
        "-X" | "--delete-chain" => Cmd::DeleteChain,
        "-E" | "--rename-chain" => Cmd::Rename,
        "-P" | "--policy" => Cmd::Policy,
        _ => return None,
    })
}

/// Entry point of `iptables`.
pub fn run(sim: &mut Sim, ctx: Ctx, args: &[&str]) -> Output {
    let max = sim.world.limits.max_rules;
    let nf = &mut sim.world.ns_mut(ctx.ns).nf;
    let adds = args.iter().any(|a| {
        matches!(*a, "--append" | "--insert") || a.starts_with("-A") || a.starts_with("-I")
    });
    if adds && rule_count(nf) >= max {
        return rules_limit(max);
    }
    run_nf(nf, args)
}

/// How many rules a namespace holds, all tables together (cheap: chains' lengths).
fn rule_count(nf: &Netfilter) -> usize {
    nf.tables
        .iter()
        .flat_map(|t| t.chains.iter())
        .map(|c| c.rules.len())
        .sum()
}

fn rules_limit(max: usize) -> Output {
    Output::error(
        format!("netsim: limit of {max} iptables rules reached (raise it with --max-rules)\n"),
        1,
    )
}

/// Short options of iptables 1.8.9 (`IPT_OPTSTRING`): which take a required argument and
/// which an optional one (attached only).
const SHORT_REQUIRED: &str = "ACDEIMNPcdijopstgmR";
const SHORT_OPTIONAL: &str = "FLSWXZhw";
const SHORT_NONE: &str = "V46bfnvx";

/// Long options that take no argument (the rest take one).
const LONG_NO_ARG: &[&str] = &[
    "--numeric",
    "--verbose",
    "--exact",
    "--line-numbers",
    "--version",
    "--help",
    "--syn",
    "--random",
    "--random-fully",
    "--persistent",
    "--clamp-mss-to-pmtu",
    "--log-uid",
    "--log-tcp-sequence",
    "--log-tcp-options",
    "--log-ip-options",
    "--log-macdecode",
    "--fragment",
    "--ipv4",
    "--ipv6",
    "--rcheck",
    "--update",
    "--remove",
    "--set",
    "--rttl",
    "--notrack",
    "--checksum-fill",
    "--save-mark",
    "--restore-mark",
    "--physdev-is-in",
    "--physdev-is-out",
    "--physdev-is-bridged",
    "--src-type",
    "--limit-iface-in",
    "--limit-iface-out",
    "--uid-owner",
    "--wait",
    "--noflush",
    "--counters",
    "--test",
];

/// Options whose value iptables 1.8.9 reads as `argv[optind-1]` (to allow `! value`): given
/// attached (`-ptcp`, `--source=1.2.3.4`), their value is the whole word, which then fails
/// as a protocol, host, interface or chain name, exactly as the real tool does.
const WHOLE_WORD_SHORT: &str = "psdioj";
const WHOLE_WORD_LONG: &[&str] = &[
    "protocol",
    "source",
    "src",
    "destination",
    "dst",
    "in-interface",
    "out-interface",
    "jump",
];

/// Rewrite the arguments as getopt reads them: combined flags (`-nvL`), attached values
/// (`-LINPUT`, `-tnat`) and `--option=value` become separate words.
pub fn getopt_expand(args: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(args.len());
    let mut value_next = false;
    for a in args {
        if value_next {
            value_next = false;
            out.push(a.to_string());
            continue;
        }
        if let Some(long) = a.strip_prefix("--") {
            match long.split_once('=') {
                Some((name, v)) if !name.is_empty() => {
                    out.push(format!("--{name}"));
                    let whole = WHOLE_WORD_LONG.iter().any(|l| l.starts_with(name));
                    out.push(if whole { a.to_string() } else { v.to_string() });
                }
                _ => {
                    value_next = !long.is_empty() && !LONG_NO_ARG.contains(a);
                    out.push(a.to_string());
                }
            }
            continue;
        }
        let Some(body) = a.strip_prefix('-') else {
            out.push(a.to_string());
            continue;
        };
        let known = |c: char| {
            SHORT_REQUIRED.contains(c) || SHORT_OPTIONAL.contains(c) || SHORT_NONE.contains(c)
        };
        let first = body.chars().next();
        if body.chars().count() < 2 || !first.is_some_and(known) {
            value_next = first.is_some_and(|c| SHORT_REQUIRED.contains(c)) && body.len() == 1;
            out.push(a.to_string());
            continue;
        }
        let mut rest = body;
        let start = out.len();
        while let Some(c) = rest.chars().next() {
            rest = &rest[c.len_utf8()..];
            if !known(c) {
                // Not a getopt cluster after all: iptables names the whole word.
                out.truncate(start);
                out.push(a.to_string());
                break;
            }
            out.push(format!("-{c}"));
            if SHORT_REQUIRED.contains(c) || SHORT_OPTIONAL.contains(c) {
                if !rest.is_empty() {
                    let whole = WHOLE_WORD_SHORT.contains(c);
                    out.push(if whole {
                        a.to_string()
                    } else {
                        rest.to_string()
                    });
                } else {
                    value_next = SHORT_REQUIRED.contains(c);
                }
                break;
            }
        }
    }
    out
}

/// `iptables` on one namespace's netfilter state.
pub fn run_nf(nf: &mut Netfilter, args: &[&str]) -> Output {
    let expanded = getopt_expand(args);
    let args: Vec<&str> = expanded.iter().map(String::as_str).collect();
    let args = args.as_slice();
    let mut cmds: Vec<Cmd> = Vec::new();
    let mut chain: Option<String> = None;
    let mut extra: Vec<String> = Vec::new();
    let mut table = "filter".to_string();
    let mut fmt = ListFmt::default();
    let mut rp = RuleParser::new();
    let mut inv = false;
    let mut i = 0;
    let mut has_rule_opts = false;
    if args.is_empty() {
        return usage_err("no command specified");
    }
    while i < args.len() {
        let a = args[i];
        if a == "!" {
            inv = true;
            i += 1;
            continue;
        }
        if let Some(c) = cmd_of(a) {
            if let Some(prev) = cmds.first() {
                return usage_err(&format!("Cannot use {} with {}", c.letter(), prev.letter()));
            }
            cmds.push(c);
            i += 1;
            let needs = matches!(
                c,
                Cmd::Append
                    | Cmd::Insert
                    | Cmd::Delete
                    | Cmd::Replace
                    | Cmd::Check
                    | Cmd::NewChain
                    | Cmd::Rename
                    | Cmd::Policy
            );
            match args.get(i) {
                Some(n) if !n.starts_with('-') || (needs && *n != "!") => {
                    if needs && n.starts_with('-') && c != Cmd::NewChain {
                        return usage_err(&format!("option \"{a}\" requires an argument"));
                    }
                    chain = Some(n.to_string());
                    i += 1;
                    // Optional or required second words.
                    let more = match c {
                        Cmd::Rename | Cmd::Policy | Cmd::Replace => 1,
                        Cmd::Insert | Cmd::Delete | Cmd::List | Cmd::ListRules | Cmd::Zero => {
                            usize::from(
                                args.get(i)
                                    .is_some_and(|w| !w.starts_with('-') && *w != "!"),
                            )
                        }
                        _ => 0,
                    };
                    for _ in 0..more {
                        if let Some(w) = args.get(i) {
                            extra.push(w.to_string());
                            i += 1;
                        }
                    }
                }
                _ if needs => return usage_err(&format!("option \"{a}\" requires an argument")),
                _ => {}
            }
            continue;
        }
        match a {
            "-t" | "--table" => {
                let Some(t) = args.get(i + 1) else { return usage_err(&format!("option \"{a}\" requires an argument")) };
                table = t.to_string();
                i += 2;
                continue;
            }
            "-n" | "--numeric" => fmt.numeric = true,
            "-v" | "--verbose" => fmt.verbose = true,
            "-x" | "--exact" => fmt.exact = true,
            "--line-numbers" => fmt.line_numbers = true,
            "-h" | "--help" => return Output::text(format!("{PROG}\n\nUsage: iptables -[ACD] chain rule-specification [options]\n       iptables -I chain [rulenum] rule-specification [options]\n       iptables -R chain rulenum rule-specification [options]\n")),
            "-V" | "--version" => return Output::text(format!("{PROG}\n")),
            "-w" | "--wait" => {}
            "-c" | "--set-counters" => {
                // `-c PKTS,BYTES` or `-c PKTS BYTES` (xshared.c).
                let Some(v) = args.get(i + 1) else {
                    return usage_err(&format!("option \"{a}\" requires an argument"));
                };
                i += 2;
                let (pc, bc) = match v.split_once(',') {
                    Some((p, b)) => (p.to_string(), b.to_string()),
                    None => match args.get(i) {
                        Some(b) if !b.starts_with('-') => {
                            i += 1;
                            (v.to_string(), b.to_string())
                        }
                        _ => return usage_err("-c requires packet and byte counter"),
                    },
                };
                let Ok(pc) = pc.parse::<u64>() else {
                    return usage_err("-c packet counter not numeric");
                };
                let Ok(bc) = bc.parse::<u64>() else {
                    return usage_err("-c byte counter not numeric");
                };
                rp.p.rule.pkts = pc;
                rp.p.rule.bytes = bc;
                has_rule_opts = true;
                continue;
            }
            _ => match rp.option(args, i, inv) {
                Ok(Step::Took(n)) => {
                    has_rule_opts = true;
                    inv = false;
                    i += n;
                    continue;
                }
                Ok(Step::NotMine) => {
                    if a.starts_with('-') {
                        return usage_err(&format!("unknown option \"{a}\""));
                    }
                    return Output::error(format!("Bad argument `{a}'\nTry `iptables -h' or 'iptables --help' for more information.\n"), 2);
                }
                Err(e) => return perr(e),
            },
        }
        i += 1;
    }
    let _ = has_rule_opts;
    let Some(&cmd) = cmds.first() else {
        return usage_err("no command specified");
    };
    if table == "security" {
        return crate::tools::unsupported("iptables", "table `security`");
    }
    let Some(tid) = TableId::from_name(&table) else {
        return Output::error(
            format!("{PROG}: table '{table}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n"),
            3,
        );
    };
    let mut parsed = rp.p;
    exec(nf, tid, cmd, chain, extra, fmt, &mut parsed)
}

fn no_chain() -> Output {
    Output::error("iptables: No chain/target/match by that name.\n", 1)
}

fn rule_num(s: &str) -> Result<usize, Output> {
    match s.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(usage_err(&format!("Invalid rule number `{s}'"))),
    }
}

/// Check a rule against iptables' and the kernel's validity rules.
fn validate(
    t: &Table,
    tid: TableId,
    chain: &str,
    p: &mut parse::Parsed,
    verb: &str,
) -> Result<(), Output> {
    let builtin = t.id.builtins().contains(&chain);
    if let Some(o) = &p.rule.out_if {
        let _ = o;
        if matches!(chain, "INPUT" | "PREROUTING") {
            return Err(usage_err(&format!("Can't use -o with {chain}\n")));
        }
    }
    if p.rule.in_if.is_some() && matches!(chain, "OUTPUT" | "POSTROUTING") {
        return Err(usage_err(&format!("Can't use -i with {chain}\n")));
    }
    if tid == TableId::Nat && matches!(p.rule.target, Target::Drop) {
        return Err(usage_err("\nThe \"nat\" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n"));
    }
    let port_proto = matches!(p.proto, Some((6 | 17 | 33 | 132, false)));
    match &p.rule.target {
        Target::Dnat(r) if r.min_ip.is_none() && r.ports.is_none() => {
            return Err(usage_err(
                "DNAT: option \"--to-destination\" must be specified\n",
            ))
        }
        Target::Snat(r) if r.min_ip.is_none() && r.ports.is_none() => {
            return Err(usage_err(
                "SNAT: option \"--to-source\" must be specified\n",
            ))
        }
        Target::Dnat(r) | Target::Snat(r) if r.ports.is_some() && !port_proto => {
            return Err(usage_err(
                "Need TCP, UDP, SCTP or DCCP with port specification",
            ))
        }
        Target::Masquerade { ports: Some(_), .. } | Target::Redirect { ports: Some(_), .. }
            if !port_proto =>
        {
            return Err(usage_err(
                "Need TCP, UDP, SCTP or DCCP with port specification",
            ))
        }
        _ => {}
    }
    if let Target::Jump { chain: c, .. } = &p.rule.target {
        if t.chain_idx(c).is_none() || t.id.builtins().contains(&c.as_str()) {
            return Err(usage_err(&format!("Chain '{c}' does not exist")));
        }
    }
    // Kernel checks (hooks and tables of targets and matches), for built-in chains.
    let bad = || {
        Output::error(
            format!("{PROG}:  {verb} failed (Invalid argument): rule in chain {chain}\n"),
            4,
        )
    };
    let ok = match &p.rule.target {
        Target::Reject { icmp, .. } => {
            tid == TableId::Filter
                && (!builtin || matches!(chain, "INPUT" | "FORWARD" | "OUTPUT"))
                && (icmp.is_some() || p.proto == Some((6, false)))
        }
        Target::Dnat(_) | Target::Redirect { .. } => {
            tid == TableId::Nat && (!builtin || matches!(chain, "PREROUTING" | "OUTPUT"))
        }
        Target::Snat(_) => {
            tid == TableId::Nat && (!builtin || matches!(chain, "POSTROUTING" | "INPUT"))
        }
        Target::Masquerade { .. } => tid == TableId::Nat && (!builtin || chain == "POSTROUTING"),
        _ => true,
    };
    let mac_ok = !p
        .rule
        .matches
        .iter()
        .any(|m| matches!(m, crate::engine::netfilter::rules::Match::Mac { .. }))
        || !builtin
        || matches!(chain, "PREROUTING" | "INPUT" | "FORWARD");
    if !ok || !mac_ok {
        return Err(bad());
    }
    if tid == TableId::Nat {
        // A rule in the nat table would make conntrack track: fine.
    }
    Ok(())
}

fn exec(
    nf: &mut Netfilter,
    tid: TableId,
    cmd: Cmd,
    chain: Option<String>,
    extra: Vec<String>,
    fmt: ListFmt,
    p: &mut parse::Parsed,
) -> Output {
    let writes = !matches!(cmd, Cmd::List | Cmd::ListRules | Cmd::Check | Cmd::Delete);
    // An added rule only adds to what the rule set needs: no rescan of every rule (which
    // made N appends, and iptables-restore of N rules, quadratic).
    let added = matches!(cmd, Cmd::Append | Cmd::Insert).then(|| p.rule.clone());
    let out = exec_inner(nf, tid, cmd, chain, extra, fmt, p);
    if writes && out.status == 0 && !nf.registered[tid as usize] {
        nf.registered[tid as usize] = true;
        nf.table_order.push(tid);
    }
    match (&added, out.status) {
        (Some(r), 0) => nf.rule_added(tid, r),
        (Some(_), _) => {}
        (None, _) if matches!(cmd, Cmd::List | Cmd::ListRules | Cmd::Check) => {}
        (None, _) => nf.rules_changed(),
    }
    out
}

fn exec_inner(
    nf: &mut Netfilter,
    tid: TableId,
    cmd: Cmd,
    chain: Option<String>,
    extra: Vec<String>,
    fmt: ListFmt,
    p: &mut parse::Parsed,
) -> Output {
    let t = nf.table_mut(tid);
    match cmd {
        Cmd::Append | Cmd::Insert | Cmd::Replace | Cmd::Check | Cmd::Delete => {
            let c = chain.unwrap_or_default();
            let Some(ci) = t.chain_idx(&c) else {
                return no_chain();
            };
            let num = match extra.first() {
                Some(s) => match rule_num(s) {
                    Ok(n) => Some(n),
                    Err(o) => return o,
                },
                None => None,
            };
            if cmd == Cmd::Delete {
                if let Some(n) = num {
                    if t.chains[ci].rules.is_empty() {
                        return Output::error("iptables: No chain/target/match by that name.\n", 1);
                    }
                    if n > t.chains[ci].rules.len() {
                        return Output::error("iptables: Index of deletion too big.\n", 1);
                    }
                    t.chains[ci].rules.remove(n - 1);
                    return Output::ok();
                }
            }
            let verb = match cmd {
                Cmd::Insert => "RULE_INSERT",
                Cmd::Replace => "RULE_REPLACE",
                _ => "RULE_APPEND",
            };
            if let Err(o) = validate(t, tid, &c, p, verb) {
                return o;
            }
            let mut rule = std::mem::take(&mut p.rule);
            if let Target::Jump { chain: j, idx, .. } = &mut rule.target {
                *idx = t.chain_idx(j).unwrap_or(usize::MAX);
            }
            let rules = &mut t.chains[ci].rules;
            match cmd {
                Cmd::Append => rules.push(rule),
                Cmd::Insert => {
                    let n = num.unwrap_or(1);
                    if n > rules.len() + 1 {
                        return Output::error("iptables: Index of insertion too big.\n", 1);
                    }
                    rules.insert(n - 1, rule);
                }
                Cmd::Replace => {
                    let n = num.unwrap_or(1);
                    if n > rules.len() {
                        return Output::error("iptables: Index of replacement too big.\n", 1);
                    }
                    rules[n - 1] = rule;
                }
                Cmd::Check | Cmd::Delete => match rules.iter().position(|r| r.same(&rule)) {
                    Some(k) => {
                        if cmd == Cmd::Delete {
                            rules.remove(k);
                        }
                    }
                    None => {
                        return Output::error(
                            "iptables: Bad rule (does a matching rule exist in that chain?).\n",
                            1,
                        )
                    }
                },
                _ => {}
            }
            Output::ok()
        }
        Cmd::List | Cmd::ListRules => {
            let mut out = String::new();
            let idxs: Vec<usize> = match &chain {
                Some(c) => match t.chain_idx(c) {
                    Some(i) => vec![i],
                    None => return no_chain(),
                },
                None => (0..t.chains.len()).collect(),
            };
            let rulenum = match extra.first() {
                Some(s) => match s.parse::<usize>() {
                    Ok(n) => Some(n),
                    Err(_) => return usage_err(&format!("Invalid rule number `{s}'")),
                },
                None => None,
            };
            if cmd == Cmd::List {
                for (k, &i) in idxs.iter().enumerate() {
                    if k > 0 {
                        out.push('\n');
                    }
                    let c = &t.chains[i];
                    out.push_str(&print::chain_list(c, t.references(&c.name), fmt));
                }
            } else {
                if let Some(n) = rulenum {
                    if n > 0 {
                        if let Some(r) = t.chains[idxs[0]].rules.get(n - 1) {
                            out.push_str(&print::rule_save(
                                &t.chains[idxs[0]].name,
                                r,
                                fmt.verbose,
                            ));
                            out.push('\n');
                        }
                        return Output::text(out);
                    }
                }
                for &i in &idxs {
                    let c = &t.chains[i];
                    match c.policy {
                        Some(acc) => {
                            out.push_str(&format!(
                                "-P {} {}",
                                c.name,
                                if acc { "ACCEPT" } else { "DROP" }
                            ));
                            if fmt.verbose {
                                out.push_str(&format!(" -c {} {}", c.pkts, c.bytes));
                            }
                            out.push('\n');
                        }
                        None => out.push_str(&format!("-N {}\n", c.name)),
                    }
                }
                for &i in &idxs {
                    let c = &t.chains[i];
                    for r in &c.rules {
                        out.push_str(&print::rule_save(&c.name, r, fmt.verbose));
                        out.push('\n');
                    }
                }
            }
            Output::text(out)
        }
        Cmd::Flush | Cmd::Zero => {
            let idxs: Vec<usize> = match &chain {
                Some(c) => match t.chain_idx(c) {
                    Some(i) => vec![i],
                    None => return no_chain(),
                },
                None => (0..t.chains.len()).collect(),
            };
            for i in idxs {
                let c = &mut t.chains[i];
                if cmd == Cmd::Flush {
                    c.rules.clear();
                } else {
                    match extra.first().and_then(|s| s.parse::<usize>().ok()) {
                        Some(n) => {
                            if let Some(r) = n.checked_sub(1).and_then(|k| c.rules.get_mut(k)) {
                                r.pkts = 0;
                                r.bytes = 0;
                            }
                        }
                        None => {
                            c.pkts = 0;
                            c.bytes = 0;
                            for r in &mut c.rules {
                                r.pkts = 0;
                                r.bytes = 0;
                            }
                        }
                    }
                }
            }
            Output::ok()
        }
        Cmd::NewChain => {
            let c = chain.unwrap_or_default();
            if let Some(o) = bad_chain_name(&c) {
                return o;
            }
            if t.chain_idx(&c).is_some() {
                return Output::error("iptables: Chain already exists.\n", 1);
            }
            t.add_chain(&c);
            Output::ok()
        }
        Cmd::DeleteChain => {
            let busy = |c: &str| {
                Output::error(
                    format!("{PROG}:  CHAIN_DEL failed (Device or resource busy): chain {c}\n"),
                    4,
                )
            };
            match chain {
                Some(c) => {
                    let Some(i) = t.chain_idx(&c) else {
                        return no_chain();
                    };
                    if i < t.n_builtin() || !t.chains[i].rules.is_empty() || t.references(&c) > 0 {
                        return busy(&c);
                    }
                    t.chains.remove(i);
                    t.relink();
                }
                None => {
                    let nb = t.n_builtin();
                    let names: Vec<String> =
                        t.chains[nb..].iter().map(|c| c.name.clone()).collect();
                    for n in names {
                        if t.references(&n) > 0 || t.chain(&n).is_some_and(|c| !c.rules.is_empty())
                        {
                            return busy(&n);
                        }
                    }
                    t.chains.truncate(nb);
                    t.relink();
                    // iptables-nft also deletes empty built-in chains with an ACCEPT
                    // policy; they come back without counters.
                    for ch in t
                        .chains
                        .iter_mut()
                        .filter(|c| c.rules.is_empty() && c.policy == Some(true))
                    {
                        ch.counting = false;
                        ch.pkts = 0;
                        ch.bytes = 0;
                    }
                }
            }
            Output::ok()
        }
        Cmd::Rename => {
            let old = chain.unwrap_or_default();
            let Some(new) = extra.first().cloned() else {
                return usage_err("-E requires old-chain-name and new-chain-name");
            };
            if t.chain_idx(&new).is_some() {
                return Output::error("iptables: File exists.\n", 1);
            }
            let Some(i) = t.chain_idx(&old) else {
                return no_chain();
            };
            if i < t.n_builtin() {
                return Output::error("iptables: Invalid argument.\n", 1);
            }
            if let Some(o) = bad_chain_name(&new) {
                return o;
            }
            let mut c = t.chains.remove(i);
            c.name = new.clone();
            for ch in &mut t.chains {
                for r in &mut ch.rules {
                    if let Target::Jump { chain, .. } = &mut r.target {
                        if *chain == old {
                            *chain = new.clone();
                        }
                    }
                }
            }
            let nb = t.n_builtin();
            let pos = t.chains[nb..]
                .iter()
                .position(|x| x.name > new)
                .map_or(t.chains.len(), |p| p + nb);
            t.chains.insert(pos, c);
            t.relink();
            Output::ok()
        }
        Cmd::Policy => {
            let c = chain.unwrap_or_default();
            let pol = extra.first().cloned().unwrap_or_default();
            if tid == TableId::Nat && pol == "DROP" {
                return usage_err("\nThe \"nat\" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n");
            }
            let Some(i) = t.chain_idx(&c).filter(|i| *i < t.n_builtin()) else {
                return Output::error("iptables: Bad built-in chain name.\n", 1);
            };
            let acc = match pol.as_str() {
                "ACCEPT" => true,
                "DROP" => false,
                _ => {
                    return Output::error(
                        "iptables: Bad policy name. Run `dmesg' for more information.\n",
                        1,
                    )
                }
            };
            // iptables-nft recreates the base chain with counters starting from zero.
            let ch = &mut t.chains[i];
            ch.policy = Some(acc);
            ch.counting = true;
            ch.pkts = 0;
            ch.bytes = 0;
            Output::ok()
        }
    }
}

fn bad_chain_name(c: &str) -> Option<Output> {
    if c.starts_with('-') {
        return Some(usage_err("chain name not allowed to start with `-'"));
    }
    if c.len() > 28 {
        return Some(usage_err(&format!(
            "chain name `{c}' too long (must be under 29 chars)"
        )));
    }
    if matches!(
        c,
        "ACCEPT"
            | "DROP"
            | "RETURN"
            | "REJECT"
            | "LOG"
            | "MARK"
            | "SNAT"
            | "DNAT"
            | "MASQUERADE"
            | "REDIRECT"
    ) {
        return Some(usage_err("chain name may not clash with target name"));
    }
    None
}

/// The date line of iptables-save, from the virtual clock (normalised away by `diff`).
fn save_date(now: u64) -> String {
    let secs = now / 1_000_000_000;
    format!(
        "Thu Jan  1 {:02}:{:02}:{:02} 1970",
        (secs / 3600) % 24,
        (secs / 60) % 60,
        secs % 60
    )
}

/// The text of iptables-save for the registered tables (or `only`).
pub fn save(nf: &Netfilter, only: Option<TableId>, counters: bool, now: u64) -> String {
    let date = save_date(now);
    let mut out = String::new();
    // nft lists tables in the order they were created.
    let order: Vec<TableId> = match only {
        Some(t) => vec![t],
        None => nf.table_order.clone(),
    };
    for tid in order {
        let t = nf.table(tid);
        out.push_str(&format!(
            "# Generated by iptables-save v1.8.9 (nf_tables) on {date}\n*{}\n",
            tid.name()
        ));
        for c in &t.chains {
            let pol = match c.policy {
                Some(true) => "ACCEPT",
                Some(false) => "DROP",
                None => "-",
            };
            let (p, b) = if c.policy.is_some() {
                (c.pkts, c.bytes)
            } else {
                (0, 0)
            };
            out.push_str(&format!(":{} {pol} [{p}:{b}]\n", c.name));
        }
        for c in &t.chains {
            for r in &c.rules {
                if counters {
                    out.push_str(&format!("[{}:{}] ", r.pkts, r.bytes));
                }
                out.push_str(&print::rule_save(&c.name, r, false));
                out.push('\n');
            }
        }
        out.push_str(&format!("COMMIT\n# Completed on {date}\n"));
    }
    out
}

/// Entry point of `iptables-save`.
pub fn run_save(sim: &mut Sim, ctx: Ctx, args: &[&str]) -> Output {
    let mut counters = false;
    let mut only = None;
    let mut i = 0;
    while i < args.len() {
        match args[i] {
            "-c" | "--counters" => counters = true,
            "-t" | "--table" => {
                let Some(t) = args.get(i + 1) else {
                    return Output::error("iptables-save: option requires an argument\n", 1);
                };
                match TableId::from_name(t) {
                    Some(t) => only = Some(t),
                    None => return Output::error(format!("Table `{t}' does not exist\n"), 1),
                }
                i += 1;
            }
            a => return crate::tools::unsupported("iptables-save", &format!("option `{a}`")),
        }
        i += 1;
    }
    let now = sim.world.now;
    Output::text(save(&sim.world.ns(ctx.ns).nf, only, counters, now))
}

/// Entry point of `iptables-restore [-n] [-c] [-t] [FILE]`: FILE is one of the scenario's
/// files (`Sim::files`); without it, standard input (`< FILE`).
pub fn run_restore(sim: &mut Sim, ctx: Ctx, args: &[&str]) -> Output {
    let mut flags = RestoreFlags::default();
    let mut file: Option<&str> = None;
    for a in args {
        match *a {
            "-n" | "--noflush" => flags.noflush = true,
            "-c" | "--counters" => flags.counters = true,
            "-t" | "--test" => flags.test = true,
            "-w" | "--wait" => {}
            "-V" | "--version" => return Output::text("iptables-restore v1.8.9 (nf_tables)\n"),
            "-v" | "--verbose" | "-T" | "--table" | "-M" | "--modprobe" | "-W" | "--wait-interval" => {
                return crate::tools::unsupported("iptables-restore", &format!("option `{a}`"))
            }
            a if a.starts_with("--") => {
                return Output::error(
                    format!("iptables-restore: unrecognized option '{a}'\nTry `iptables-restore -h' for more information.\n"),
                    1,
                )
            }
            a if a.starts_with('-') && a.len() > 1 => {
                return Output::error(
                    format!("iptables-restore: invalid option -- '{}'\nTry `iptables-restore -h' for more information.\n", &a[1..2]),
                    1,
                )
            }
            a => {
                if file.is_some() {
                    return Output::error("Unknown arguments found on commandline\n", 1);
                }
                file = Some(a);
            }
        }
    }
    let stdin = sim.stdin.take();
    let text = match file {
        Some(f) => {
            let key = match crate::shell::file_key(f) {
                Ok(k) => k,
                Err(e) => return Output::error(e, 127),
            };
            match sim.files.get(&key) {
                Some(t) => t.clone(),
                None => {
                    return Output::error(format!("Can't open {f}: No such file or directory\n"), 1)
                }
            }
        }
        None => stdin.unwrap_or_default(),
    };
    let max = sim.world.limits.max_rules;
    let existing = if flags.noflush {
        rule_count(&sim.world.ns(ctx.ns).nf)
    } else {
        0
    };
    let added = text
        .lines()
        .filter(|l| l.starts_with("-A") || l.starts_with("-I"))
        .count();
    if existing + added > max {
        return rules_limit(max);
    }
    match restore(&mut sim.world.ns_mut(ctx.ns).nf, &text, flags) {
        Ok(()) => Output::ok(),
        Err(e) if e.starts_with("netsim:") => Output::error(format!("{e}\n"), 127),
        Err(e) if e.contains("\nError occurred at line: ") => Output::error(
            format!("{e}\nTry `iptables-restore -h' or 'iptables-restore --help' for more information.\n"),
            2,
        ),
        Err(e) => Output::error(format!("{e}\n"), 1),
    }
}

/// Flags of [`restore`].
#[derive(Debug, Clone, Copy, Default)]
pub struct RestoreFlags {
    pub noflush: bool,
    pub counters: bool,
    pub test: bool,
}

/// Apply an iptables-save text. Errors carry iptables-restore's message.
pub fn restore(nf: &mut Netfilter, text: &str, flags: RestoreFlags) -> Result<(), String> {
    let mut work = nf.clone();
    let mut table: Option<TableId> = None;
    let mut n = 0;
    for (ln, line) in text.lines().enumerate() {
        n = ln + 1;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(t) = line.strip_prefix('*') {
            let Some(tid) = TableId::from_name(t) else {
                return Err(format!(
                    "iptables-restore v1.8.9 (nf_tables): iptables-restore: line {n} table name '{t}' invalid\nError occurred at line: {n}"
                ));
            };
            table = Some(tid);
            if !work.registered[tid as usize] {
                work.registered[tid as usize] = true;
                work.table_order.push(tid);
            }
            if !flags.noflush {
                *work.table_mut(tid) = Table::new(tid);
            }
            continue;
        }
        let Some(tid) = table else {
            return Err(format!("iptables-restore: line {n} failed"));
        };
        if line == "COMMIT" {
            table = None;
            continue;
        }
        if let Some(decl) = line.strip_prefix(':') {
            let w: Vec<&str> = decl.split_whitespace().collect();
            let (Some(name), Some(pol)) = (w.first(), w.get(1)) else {
                return Err(format!("iptables-restore: line {n} failed"));
            };
            let cnt = w
                .get(2)
                .and_then(|c| c.strip_prefix('[')?.strip_suffix(']')?.split_once(':'));
            let t = work.table_mut(tid);
            if t.chain_idx(name).is_none() {
                t.add_chain(name);
            }
            if *pol != "-" {
                let Some(c) = t.chain_mut(name).filter(|c| c.policy.is_some()) else {
                    return Err(format!("iptables-restore: line {n} failed"));
                };
                c.policy = Some(*pol == "ACCEPT");
                c.counting = true;
                if let (true, Some((p, b))) = (flags.counters, cnt) {
                    c.pkts = p.parse().unwrap_or(0);
                    c.bytes = b.parse().unwrap_or(0);
                }
            }
            continue;
        }
        let (cnt, rest) = match line.strip_prefix('[').and_then(|l| l.split_once("] ")) {
            Some((c, r)) => (c.split_once(':'), r),
            None => (None, line),
        };
        let words = split_words(rest);
        let mut argv: Vec<&str> = vec!["-t", tid.name()];
        argv.extend(words.iter().map(|s| s.as_str()));
        let o = run_nf(&mut work, &argv);
        if o.status == 127 {
            let msg = o.stderr();
            return Err(format!("{} (line {n})", msg.trim_end()));
        }
        if o.status != 0 {
            let msg = o.stderr();
            let msg = msg
                .lines()
                .next()
                .unwrap_or("")
                .replace("iptables v1.8.9", "iptables-restore v1.8.9");
            return Err(format!("{msg}\nError occurred at line: {n}"));
        }
        if let (true, Some((p, b))) = (flags.counters, cnt) {
            if let Some(c) = words.get(1).and_then(|c| work.table_mut(tid).chain_mut(c)) {
                if let Some(r) = c.rules.last_mut() {
                    r.pkts = p.parse().unwrap_or(0);
                    r.bytes = b.parse().unwrap_or(0);
                }
            }
        }
    }
    if table.is_some() {
        return Err(format!(
            "iptables-restore: COMMIT expected at line {}",
            n + 1
        ));
    }
    if !flags.test {
        *nf = work;
        nf.rules_changed();
    }
    Ok(())
}

/// Split a saved rule line into words, honouring double quotes as iptables-restore does.
fn split_words(s: &str) -> Vec<String> {
    let mut v = Vec::new();
    let mut cur = String::new();
    let mut q = false;
    let mut has = false;
    let mut it = s.chars();
    while let Some(c) = it.next() {
        match c {
            '"' => {
                q = !q;
                has = true;
            }
            '\\' if q => {
                if let Some(n) = it.next() {
                    cur.push(n);
                }
            }
            ' ' | '\t' if !q => {
                if has {
                    v.push(std::mem::take(&mut cur));
                    has = false;
                }
            }
            _ => {
                cur.push(c);
                has = true;
            }
        }
    }
    if has {
        v.push(cur);
    }
    v
}

/// A rule with default (empty) fields, for tests.
pub fn empty_rule() -> Rule {
    Rule::new()
}

#[cfg(test)]
mod tests;

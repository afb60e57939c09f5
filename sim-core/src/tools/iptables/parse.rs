//! Parsing of rule specifications (`-s ... -m tcp --dport ... -j TARGET ...`) into the
//! precompiled [`Rule`] of the engine, with iptables 1.8.9's messages.

use std::net::Ipv4Addr;

use crate::engine::netfilter::rules::{
    addrtype, ctbits, AddrMatch, IfMatch, Match, MpDir, NatRange, PortRange, Rule, Target,
};
use crate::engine::netfilter::PktType;
use crate::model::Nanos;

use super::services;

/// A parse error: message (without the `iptables v1.8.9 (nf_tables): ` prefix) and status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PErr(pub String);

pub type PResult<T> = Result<T, PErr>;

fn err<T>(s: impl Into<String>) -> PResult<T> {
    Err(PErr(s.into()))
}

/// Protocol names iptables knows (its own table, then /etc/protocols).
pub const PROTOS: &[(&str, u8)] = &[
    ("all", 0),
    ("icmp", 1),
    ("igmp", 2),
    ("tcp", 6),
    ("udp", 17),
    ("gre", 47),
    ("esp", 50),
    ("ah", 51),
    ("sctp", 132),
    ("udplite", 136),
];

pub fn proto_name(p: u8) -> Option<&'static str> {
    PROTOS.iter().find(|(_, n)| *n == p).map(|(s, _)| *s)
}

pub fn parse_proto(s: &str) -> PResult<u8> {
    let l = s.to_ascii_lowercase();
    if let Some((_, n)) = PROTOS.iter().find(|(name, _)| *name == l) {
        return Ok(*n);
    }
    match s.parse::<u8>() {
        Ok(n) => Ok(n),
        Err(_) => err(format!("unknown protocol \"{s}\" specified")),
    }
}

/// `-s`/`-d` value: address or `a.b.c.d/len` or `/mask`; comma lists give several.
pub fn parse_addrs(s: &str) -> PResult<Vec<(u32, u32)>> {
    let mut v = Vec::new();
    for part in s.split(',') {
        let (a, m) = match part.split_once('/') {
            Some((a, m)) => (a, Some(m)),
            None => (part, None),
        };
        let addr: Ipv4Addr = match a {
            "localhost" => Ipv4Addr::LOCALHOST,
            _ => a
                .parse()
                .map_err(|_| PErr(format!("host/network `{a}' not found")))?,
        };
        let mask = match m {
            None => u32::MAX,
            Some(m) => match m.parse::<u32>() {
                Ok(l) if l <= 32 => u32::MAX.checked_shl(32 - l).unwrap_or(0),
                Ok(_) => return err(format!("invalid mask `{m}' specified")),
                Err(_) => match m.parse::<Ipv4Addr>() {
                    Ok(a) => u32::from(a),
                    Err(_) => return err(format!("invalid mask `{m}' specified")),
                },
            },
        };
        v.push((u32::from(addr) & mask, mask));
    }
    Ok(v)
}

pub fn parse_port(s: &str, tcp: bool) -> PResult<u16> {
    if let Ok(n) = s.parse::<u32>() {
        if n <= 65535 {
            return Ok(n as u16);
        }
    } else if let Some(p) = services::port(s, tcp) {
        return Ok(p);
    }
    err(format!("invalid port/service `{s}' specified"))
}

fn parse_range(s: &str, tcp: bool, inv: bool) -> PResult<PortRange> {
    match s.split_once(':') {
        Some((a, b)) => {
            let lo = if a.is_empty() { 0 } else { parse_port(a, tcp)? };
            let hi = if b.is_empty() {
                65535
            } else {
                parse_port(b, tcp)?
            };
            if lo > hi {
                return err(format!("invalid portrange ({lo}:{hi}) specified"));
            }
            Ok(PortRange { lo, hi, inv })
        }
        None => {
            let p = parse_port(s, tcp)?;
            Ok(PortRange { lo: p, hi: p, inv })
        }
    }
}

const TCP_FLAGS: &[(&str, u8)] = &[
    ("FIN", 1),
    ("SYN", 2),
    ("RST", 4),
    ("PSH", 8),
    ("ACK", 16),
    ("URG", 32),
    ("ALL", 63),
    ("NONE", 0),
];

fn parse_tcp_flags(s: &str) -> PResult<u8> {
    let mut v = 0;
    for f in s.split(',') {
        match TCP_FLAGS.iter().find(|(n, _)| n.eq_ignore_ascii_case(f)) {
            Some((_, b)) => v |= b,
            None => return err(format!("Unknown TCP flag `{f}'")),
        }
    }
    Ok(v)
}

/// The ICMP type names of libxt_icmp: (name, type, code_min, code_max).
pub const ICMP_TYPES: &[(&str, u8, u8, u8)] = &[
    ("any", 255, 0, 255),
    ("echo-reply", 0, 0, 255),
    ("destination-unreachable", 3, 0, 255),
    ("network-unreachable", 3, 0, 0),
    ("host-unreachable", 3, 1, 1),
    ("protocol-unreachable", 3, 2, 2),
    ("port-unreachable", 3, 3, 3),
    ("fragmentation-needed", 3, 4, 4),
    ("source-route-failed", 3, 5, 5),
    ("network-unknown", 3, 6, 6),
    ("host-unknown", 3, 7, 7),
    ("network-prohibited", 3, 9, 9),
    ("host-prohibited", 3, 10, 10),
    ("TOS-network-unreachable", 3, 11, 11),
    ("TOS-host-unreachable", 3, 12, 12),
    ("communication-prohibited", 3, 13, 13),
    ("host-precedence-violation", 3, 14, 14),
    ("precedence-cutoff", 3, 15, 15),
    ("source-quench", 4, 0, 255),
    ("redirect", 5, 0, 255),
    ("network-redirect", 5, 0, 0),
    ("host-redirect", 5, 1, 1),
    ("TOS-network-redirect", 5, 2, 2),
    ("TOS-host-redirect", 5, 3, 3),
    ("echo-request", 8, 0, 255),
    ("router-advertisement", 9, 0, 255),
    ("router-solicitation", 10, 0, 255),
    ("time-exceeded", 11, 0, 255),
    ("ttl-zero-during-transit", 11, 0, 0),
    ("ttl-zero-during-reassembly", 11, 1, 1),
    ("parameter-problem", 12, 0, 255),
    ("ip-header-bad", 12, 0, 0),
    ("required-option-missing", 12, 1, 1),
    ("timestamp-request", 13, 0, 255),
    ("timestamp-reply", 14, 0, 255),
    ("address-mask-request", 17, 0, 255),
    ("address-mask-reply", 18, 0, 255),
];

fn parse_icmp(s: &str) -> PResult<(u8, (u8, u8))> {
    if let Some((_, t, a, b)) = ICMP_TYPES.iter().find(|(n, ..)| n.eq_ignore_ascii_case(s)) {
        return Ok((*t, (*a, *b)));
    }
    let bad = || PErr(format!("Unknown ICMP type `{s}'"));
    match s.split_once('/') {
        Some((t, c)) => {
            let t = t.parse::<u8>().map_err(|_| bad())?;
            let c = c.parse::<u8>().map_err(|_| bad())?;
            Ok((t, (c, c)))
        }
        None => Ok((s.parse::<u8>().map_err(|_| bad())?, (0, 255))),
    }
}

/// `--reject-with` names: (accepted names, canonical, ICMP type/code or None for tcp-reset).
const REJECTS: &[(&[&str], &str, Option<(u8, u8)>)] = &[
    (
        &["icmp-net-unreachable", "net-unreach"],
        "icmp-net-unreachable",
        Some((3, 0)),
    ),
    (
        &["icmp-host-unreachable", "host-unreach"],
        "icmp-host-unreachable",
        Some((3, 1)),
    ),
    (
        &["icmp-proto-unreachable", "proto-unreach"],
        "icmp-proto-unreachable",
        Some((3, 2)),
    ),
    (
        &["icmp-port-unreachable", "port-unreach"],
        "icmp-port-unreachable",
        Some((3, 3)),
    ),
    (
        &["icmp-net-prohibited", "net-prohib"],
        "icmp-net-prohibited",
        Some((3, 9)),
    ),
    (
        &["icmp-host-prohibited", "host-prohib"],
        "icmp-host-prohibited",
        Some((3, 10)),
    ),
    (
        &["icmp-admin-prohibited", "admin-prohib"],
        "icmp-admin-prohibited",
        Some((3, 13)),
    ),
    (&["tcp-reset", "tcp-rst"], "tcp-reset", None),
];

const LOG_LEVELS: &[&str] = &[
    "emerg", "alert", "crit", "error", "warning", "notice", "info", "debug",
];

/// The `[N]` name iptables prints for a log level.
pub fn log_level_name(l: u8) -> &'static str {
    [
        "emerg", "alert", "crit", "error", "warn", "notice", "info", "debug",
    ]
    .get(usize::from(l))
    .copied()
    .unwrap_or("?")
}

fn parse_u32(s: &str) -> Option<u32> {
    match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        Some(h) => u32::from_str_radix(h, 16).ok(),
        None if s.len() > 1 && s.starts_with('0') => u32::from_str_radix(&s[1..], 8).ok(),
        None => s.parse().ok(),
    }
}

fn parse_value_mask(s: &str) -> Option<(u32, u32)> {
    match s.split_once('/') {
        Some((v, m)) => Some((parse_u32(v)?, parse_u32(m)?)),
        None => Some((parse_u32(s)?, u32::MAX)),
    }
}

fn parse_rate(s: &str) -> PResult<u32> {
    let bad = || PErr(format!("bad rate \"{s}\"'"));
    let (num, unit) = match s.split_once('/') {
        Some((n, u)) => (n, Some(u)),
        None => (s, None),
    };
    let mult: u64 = match unit {
        None => 1,
        Some(u) if u.is_empty() => return Err(bad()),
        Some(u) => {
            let u = u.to_ascii_lowercase();
            if "second".starts_with(&u) {
                1
            } else if "minute".starts_with(&u) {
                60
            } else if "hour".starts_with(&u) {
                3600
            } else if "day".starts_with(&u) {
                86400
            } else {
                return Err(bad());
            }
        }
    };
    let digits: String = num.chars().take_while(|c| c.is_ascii_digit()).collect();
    let r: u64 = digits.parse().unwrap_or(0);
    if r == 0 {
        return Err(bad());
    }
    let v = 10_000 * mult / r;
    if v == 0 {
        return err(format!("Rate too fast \"{s}\"\n"));
    }
    Ok(v.min(u64::from(u32::MAX)) as u32)
}

fn parse_mac(s: &str) -> PResult<[u8; 6]> {
    let parts: Vec<&str> = s.split(':').collect();
    let mut m = [0u8; 6];
    if parts.len() != 6 {
        return err("Invalid MAC address specified.");
    }
    for (i, p) in parts.iter().enumerate() {
        m[i] =
            u8::from_str_radix(p, 16).map_err(|_| PErr("Invalid MAC address specified.".into()))?;
        if p.is_empty() || p.len() > 2 {
            return err("Invalid MAC address specified.");
        }
    }
    Ok(m)
}

fn parse_nat_range(s: &str, what: &str) -> PResult<NatRange> {
    let (ip, ports) = match s.split_once(':') {
        Some((a, p)) => (a, Some(p)),
        None => (s, None),
    };
    let bad = || PErr(format!("Bad IP address \"{ip}\""));
    let (min_ip, max_ip) = if ip.is_empty() {
        (None, None)
    } else {
        match ip.split_once('-') {
            Some((a, b)) => (
                Some(a.parse().map_err(|_| bad())?),
                Some(b.parse().map_err(|_| bad())?),
            ),
            None => (Some(ip.parse().map_err(|_| bad())?), None),
        }
    };
    let ports = match ports {
        None => None,
        Some(p) => {
            let badp = || PErr(format!("Port `{p}' not valid"));
            let (a, b) = p.split_once('-').unwrap_or((p, p));
            let a: u16 = a.parse().map_err(|_| badp())?;
            let b: u16 = b.parse().map_err(|_| badp())?;
            if b < a {
                return Err(badp());
            }
            Some((a, b))
        }
    };
    let _ = what;
    Ok(NatRange {
        min_ip,
        max_ip,
        ports,
        random: false,
        persistent: false,
    })
}

fn parse_port_range(s: &str) -> PResult<(u16, u16)> {
    let bad = || PErr(format!("Port \"{s}\" not valid\n"));
    let (a, b) = s
        .split_once('-')
        .or_else(|| s.split_once(':'))
        .unwrap_or((s, s));
    let a: u16 = a.parse().map_err(|_| bad())?;
    let b: u16 = b.parse().map_err(|_| bad())?;
    if b < a {
        return Err(bad());
    }
    Ok((a, b))
}

/// What the command line said besides the rule: the command and display options.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub rule: Rule,
    /// `-j`/`-g` name as given (resolved later against the table's chains).
    pub jump: Option<(String, bool)>,
    /// Protocol given with `-p` (for validity checks).
    pub proto: Option<(u8, bool)>,
}

/// Parse state of one rule specification.
#[derive(Debug)]
pub struct RuleParser {
    pub p: Parsed,
    /// The target name seen; its options follow.
    target: Option<String>,
    seen_s: bool,
    seen_d: bool,
    seen_i: bool,
    seen_o: bool,
    /// Indexes in `rule.matches` of loaded matches, by name.
    loaded: Vec<(&'static str, usize)>,
}

impl Default for RuleParser {
    fn default() -> Self {
        Self::new()
    }
}

/// Matches netsim models (`-m NAME`).
const MATCHES: &[&str] = &[
    "tcp",
    "udp",
    "icmp",
    "multiport",
    "conntrack",
    "state",
    "addrtype",
    "comment",
    "physdev",
    "mac",
    "iprange",
    "mark",
    "limit",
    "length",
    "pkttype",
];

/// Matches iptables has that netsim does not model.
const KNOWN_UNMODELLED: &[&str] = &[
    "recent",
    "hashlimit",
    "connlimit",
    "owner",
    "set",
    "string",
    "time",
    "u32",
    "dscp",
    "tos",
    "ttl",
    "hl",
    "policy",
    "socket",
    "statistic",
    "quota",
    "connmark",
    "connbytes",
    "helper",
    "realm",
    "rpfilter",
    "cgroup",
    "bpf",
    "esp",
    "ah",
    "sctp",
    "dccp",
    "tcpmss",
    "ecn",
    "devgroup",
    "cluster",
    "cpu",
    "nfacct",
    "osf",
    "ipvs",
    "rateest",
    "l2tp",
    "ipcomp",
    "ipv4options",
    "udplite",
    "frag",
    "ttl",
];

/// Targets iptables has that netsim does not model.
const KNOWN_UNMODELLED_TARGETS: &[&str] = &[
    "TCPMSS",
    "NOTRACK",
    "CT",
    "CONNMARK",
    "TPROXY",
    "NFQUEUE",
    "NFLOG",
    "TEE",
    "TOS",
    "TTL",
    "DSCP",
    "ECN",
    "CLASSIFY",
    "SET",
    "AUDIT",
    "CHECKSUM",
    "NETMAP",
    "CLUSTERIP",
    "SECMARK",
    "CONNSECMARK",
    "TRACE",
    "IDLETIMER",
    "LED",
    "RATEEST",
    "SYNPROXY",
    "HMARK",
    "ULOG",
];

/// `Some(message)` when the word names something netsim refuses as unsupported.
pub fn unsupported_reason(kind: &str, name: &str) -> String {
    format!("{kind} `{name}`")
}

#[derive(Debug)]
pub enum Step {
    /// Consumed `n` words.
    Took(usize),
    /// Not a rule option.
    NotMine,
}

impl RuleParser {
    pub fn new() -> RuleParser {
        RuleParser {
            p: Parsed::default(),
            target: None,
            seen_s: false,
            seen_d: false,
            seen_i: false,
            seen_o: false,
            loaded: Vec::new(),
        }
    }

    fn find_loaded(&self, name: &str) -> Option<usize> {
        self.loaded
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, i)| *i)
    }

    fn load(&mut self, name: &'static str, now: Nanos) -> usize {
        let _ = now;
        let m = match name {
            "tcp" => Match::Tcp {
                sport: None,
                dport: None,
                flags: None,
            },
            "udp" => Match::Udp {
                sport: None,
                dport: None,
            },
            "icmp" => Match::Icmp {
                typ: 255,
                code: (0, 255),
                inv: false,
            },
            "multiport" => Match::Multiport {
                dir: MpDir::Any,
                ports: Vec::new(),
                inv: false,
            },
            "conntrack" => Match::Conntrack {
                state: None,
                orig_src: None,
                orig_dst: None,
            },
            "state" => Match::State {
                mask: 0,
                inv: false,
            },
            "addrtype" => Match::Addrtype {
                src: None,
                dst: None,
            },
            "comment" => Match::Comment(String::new()),
            "physdev" => Match::Physdev {
                phys_in: None,
                phys_out: None,
                is_bridged: None,
                inv_any: false,
            },
            "mac" => Match::Mac {
                mac: [0; 6],
                inv: false,
            },
            "iprange" => Match::Iprange {
                src: None,
                dst: None,
            },
            "mark" => Match::Mark {
                value: 0,
                mask: u32::MAX,
                inv: false,
            },
            "limit" => Match::Limit {
                avg: 10_000 * 3600 / 3,
                burst: 5,
                credit: 0,
                last: Nanos::MAX,
            },
            "length" => Match::Length {
                min: 0,
                max: 0,
                inv: false,
            },
            _ => Match::Pkttype {
                t: PktType::Unicast,
                inv: false,
            },
        };
        self.p.rule.matches.push(m);
        let idx = self.p.rule.matches.len() - 1;
        self.loaded.push((name, idx));
        idx
    }

    /// Try one option at `args[i]` (with `inv` from a preceding `!`).
    pub fn option(&mut self, args: &[&str], i: usize, inv: bool) -> PResult<Step> {
        let opt = args[i];
        let arg = |k: usize| -> PResult<&str> {
            args.get(i + k)
                .copied()
                .ok_or_else(|| PErr(format!("option \"{opt}\" requires an argument")))
        };
        match opt {
            "-s" | "--source" | "--src" | "-d" | "--destination" | "--dst" => {
                let src = matches!(opt, "-s" | "--source" | "--src");
                let seen = if src {
                    &mut self.seen_s
                } else {
                    &mut self.seen_d
                };
                if *seen {
                    return err(format!(
                        "multiple -{} flags not allowed",
                        if src { 's' } else { 'd' }
                    ));
                }
                *seen = true;
                let v = parse_addrs(arg(1)?)?;
                let (a, m) = v[0];
                let am = Some(AddrMatch {
                    addr: a,
                    mask: m,
                    inv,
                });
                if src {
                    self.p.rule.src = am;
                } else {
                    self.p.rule.dst = am;
                }
                if v.len() > 1 {
                    return Err(PErr(
                        "netsim: several addresses in one -s/-d are not supported".into(),
                    ));
                }
                Ok(Step::Took(2))
            }
            "-i" | "--in-interface" | "-o" | "--out-interface" => {
                let inn = matches!(opt, "-i" | "--in-interface");
                let seen = if inn {
                    &mut self.seen_i
                } else {
                    &mut self.seen_o
                };
                if *seen {
                    return err(format!(
                        "multiple -{} flags not allowed",
                        if inn { 'i' } else { 'o' }
                    ));
                }
                *seen = true;
                let name = arg(1)?;
                if name.len() >= 16 {
                    return err(format!(
                        "interface name `{name}' must be shorter than IFNAMSIZ (15)"
                    ));
                }
                let m = Some(IfMatch {
                    name: name.to_string(),
                    inv,
                });
                if inn {
                    self.p.rule.in_if = m;
                } else {
                    self.p.rule.out_if = m;
                }
                Ok(Step::Took(2))
            }
            "-p" | "--protocol" => {
                if self.p.proto.is_some() {
                    return err("multiple -p flags not allowed");
                }
                let p = parse_proto(arg(1)?)?;
                self.p.proto = Some((p, inv));
                self.p.rule.proto = Some((p, inv));
                Ok(Step::Took(2))
            }
            "-m" | "--match" => {
                let name = arg(1)?;
                match MATCHES.iter().find(|m| **m == name) {
                    Some(m) => {
                        self.load(m, 0);
                        Ok(Step::Took(2))
                    }
                    None if KNOWN_UNMODELLED.contains(&name) => {
                        Err(PErr(format!("\u{0}match `{name}`")))
                    }
                    None => err(format!(
                        "Couldn't load match `{name}':No such file or directory\n"
                    )),
                }
            }
            "-j" | "--jump" | "-g" | "--goto" => {
                let name = arg(1)?;
                self.p.jump = Some((name.to_string(), matches!(opt, "-g" | "--goto")));
                self.target = Some(name.to_string());
                self.p.rule.target = match name {
                    "ACCEPT" => Target::Accept,
                    "DROP" => Target::Drop,
                    "RETURN" => Target::Return,
                    "REJECT" => Target::Reject {
                        with: "icmp-port-unreachable",
                        icmp: Some((3, 3)),
                    },
                    "LOG" => Target::Log {
                        prefix: None,
                        level: 4,
                    },
                    "MARK" => Target::Mark { value: 0, mask: 0 },
                    "SNAT" => Target::Snat(NatRange {
                        min_ip: None,
                        max_ip: None,
                        ports: None,
                        random: false,
                        persistent: false,
                    }),
                    "DNAT" => Target::Dnat(NatRange {
                        min_ip: None,
                        max_ip: None,
                        ports: None,
                        random: false,
                        persistent: false,
                    }),
                    "MASQUERADE" => Target::Masquerade {
                        ports: None,
                        random: false,
                    },
                    "REDIRECT" => Target::Redirect {
                        ports: None,
                        random: false,
                    },
                    _ if KNOWN_UNMODELLED_TARGETS.contains(&name) => {
                        return Err(PErr(format!("\u{0}target `{name}`")))
                    }
                    _ => Target::Jump {
                        chain: name.to_string(),
                        idx: usize::MAX,
                        goto: matches!(opt, "-g" | "--goto"),
                    },
                };
                Ok(Step::Took(2))
            }
            _ if opt.starts_with("--") => self.ext_option(args, i, inv),
            _ => Ok(Step::NotMine),
        }
    }

    /// Options of loaded matches and of the target.
    fn ext_option(&mut self, args: &[&str], i: usize, inv: bool) -> PResult<Step> {
        let opt = args[i];
        let arg = |k: usize| -> PResult<&str> {
            args.get(i + k)
                .copied()
                .ok_or_else(|| PErr(format!("option \"{opt}\" requires an argument")))
        };
        // Target options.
        if self.target.is_some() {
            let t = &mut self.p.rule.target;
            let took = match (t, opt) {
                (Target::Reject { with, icmp }, "--reject-with") => {
                    let a = arg(1)?;
                    let Some((_, canon, ic)) =
                        REJECTS.iter().find(|(names, ..)| names.contains(&a))
                    else {
                        return err(format!("unknown reject type \"{a}\""));
                    };
                    *with = canon;
                    *icmp = *ic;
                    Some(2)
                }
                (Target::Log { prefix, .. }, "--log-prefix") => {
                    let a = arg(1)?;
                    *prefix = Some(a.chars().take(29).collect());
                    Some(2)
                }
                (Target::Log { level, .. }, "--log-level") => {
                    let a = arg(1)?;
                    *level = match a.parse::<u8>() {
                        Ok(n) if n <= 7 => n,
                        _ => match LOG_LEVELS.iter().position(|l| l.eq_ignore_ascii_case(a)) {
                            Some(n) => n as u8,
                            None if a.eq_ignore_ascii_case("warn") => 4,
                            None => return err(format!("log level \"{a}\" unknown\n")),
                        },
                    };
                    Some(2)
                }
                (Target::Mark { value, mask }, "--set-mark" | "--set-xmark") => {
                    let a = arg(1)?;
                    let Some((v, m)) = parse_value_mask(a) else {
                        return err(format!("Bad MARK value \"{a}\""));
                    };
                    if opt == "--set-mark" {
                        *value = v;
                        *mask = v | m;
                    } else {
                        *value = v;
                        *mask = m;
                    }
                    Some(2)
                }
                (Target::Mark { value, mask }, "--and-mark" | "--or-mark" | "--xor-mark") => {
                    let a = arg(1)?;
                    let Some(v) = parse_u32(a) else {
                        return err(format!("Bad MARK value \"{a}\""));
                    };
                    (*value, *mask) = match opt {
                        "--and-mark" => (0, !v),
                        "--or-mark" => (v, v),
                        _ => (v, 0),
                    };
                    Some(2)
                }
                (Target::Snat(r), "--to-source") | (Target::Dnat(r), "--to-destination") => {
                    let a = arg(1)?;
                    let rnd = r.random;
                    *r = parse_nat_range(a, opt)?;
                    r.random = rnd;
                    Some(2)
                }
                (Target::Snat(r) | Target::Dnat(r), "--random") => {
                    r.random = true;
                    Some(1)
                }
                (Target::Snat(r) | Target::Dnat(r), "--persistent") => {
                    r.persistent = true;
                    Some(1)
                }
                (
                    Target::Masquerade { ports, .. } | Target::Redirect { ports, .. },
                    "--to-ports",
                ) => {
                    *ports = Some(parse_port_range(arg(1)?)?);
                    Some(2)
                }
                (
                    Target::Masquerade { random, .. } | Target::Redirect { random, .. },
                    "--random",
                ) => {
                    *random = true;
                    Some(1)
                }
                _ => None,
            };
            if let Some(n) = took {
                return Ok(Step::Took(n));
            }
        }
        // Options of loaded matches, most recent first; else the implicit protocol match.
        for k in (0..self.loaded.len()).rev() {
            let (name, idx) = self.loaded[k];
            if let Some(n) = self.match_option(name, idx, args, i, inv)? {
                return Ok(Step::Took(n));
            }
        }
        if let Some((p, false)) = self.p.proto {
            let implicit = match p {
                6 => Some("tcp"),
                17 => Some("udp"),
                1 => Some("icmp"),
                _ => None,
            };
            if let Some(name) = implicit {
                if self.find_loaded(name).is_none() && self.accepts(name, opt) {
                    let idx = self.load(name, 0);
                    if let Some(n) = self.match_option(name, idx, args, i, inv)? {
                        return Ok(Step::Took(n));
                    }
                }
            }
        }
        err(format!("unknown option \"{opt}\""))
    }

    fn accepts(&self, name: &str, opt: &str) -> bool {
        match name {
            "tcp" => matches!(
                opt,
                "--sport"
                    | "--source-port"
                    | "--dport"
                    | "--destination-port"
                    | "--tcp-flags"
                    | "--syn"
            ),
            "udp" => matches!(
                opt,
                "--sport" | "--source-port" | "--dport" | "--destination-port"
            ),
            "icmp" => opt == "--icmp-type",
            _ => false,
        }
    }

    fn match_option(
        &mut self,
        name: &str,
        idx: usize,
        args: &[&str],
        i: usize,
        inv: bool,
    ) -> PResult<Option<usize>> {
        let opt = args[i];
        let arg = |k: usize| -> PResult<&str> {
            args.get(i + k)
                .copied()
                .ok_or_else(|| PErr(format!("option \"{opt}\" requires an argument")))
        };
        let tcp_proto = !matches!(self.p.proto, Some((17, false)));
        let m = &mut self.p.rule.matches[idx];
        let n = match (m, opt) {
            (Match::Tcp { sport, .. } | Match::Udp { sport, .. }, "--sport" | "--source-port") => {
                if sport.is_some() {
                    return err("Only one `--source-port' allowed");
                }
                *sport = Some(parse_range(arg(1)?, name == "tcp", inv)?);
                2
            }
            (
                Match::Tcp { dport, .. } | Match::Udp { dport, .. },
                "--dport" | "--destination-port",
            ) => {
                if dport.is_some() {
                    return err("Only one `--destination-port' allowed");
                }
                *dport = Some(parse_range(arg(1)?, name == "tcp", inv)?);
                2
            }
            (Match::Tcp { flags, .. }, "--tcp-flags") => {
                let (Some(a), Some(b)) = (args.get(i + 1), args.get(i + 2)) else {
                    return err("--tcp-flags requires two args.");
                };
                *flags = Some((parse_tcp_flags(a)?, parse_tcp_flags(b)?, inv));
                3
            }
            (Match::Tcp { flags, .. }, "--syn") => {
                *flags = Some((0x17, 0x02, inv));
                1
            }
            (Match::Icmp { typ, code, inv: iv }, "--icmp-type") => {
                let (t, c) = parse_icmp(arg(1)?)?;
                *typ = t;
                *code = c;
                *iv = inv;
                2
            }
            (
                Match::Multiport {
                    dir,
                    ports,
                    inv: iv,
                },
                "--sports" | "--source-ports" | "--dports" | "--destination-ports" | "--ports",
            ) => {
                *dir = match opt {
                    "--sports" | "--source-ports" => MpDir::Src,
                    "--dports" | "--destination-ports" => MpDir::Dst,
                    _ => MpDir::Any,
                };
                for part in arg(1)?.split(',') {
                    let r = parse_range(part, tcp_proto, false)?;
                    ports.push((r.lo, r.hi));
                }
                *iv = inv;
                2
            }
            (m @ (Match::Conntrack { .. } | Match::State { .. }), "--ctstate" | "--state") => {
                let ct = matches!(m, Match::Conntrack { .. });
                if ct != (opt == "--ctstate") {
                    return Ok(None);
                }
                let a = arg(1)?;
                let mut mask = 0u8;
                for s in a.split(',') {
                    match ctbits::NAMES
                        .iter()
                        .find(|(_, n)| n.eq_ignore_ascii_case(s))
                    {
                        Some((b, _)) if ct || *b < ctbits::SNAT => mask |= b,
                        _ if ct => return err(format!("Bad ctstate \"{s}\"")),
                        _ => return err(format!("Bad state \"{s}\"")),
                    }
                }
                match m {
                    Match::State { mask: mm, inv: iv } => {
                        *mm = mask;
                        *iv = inv;
                    }
                    Match::Conntrack { state, .. } => *state = Some((mask, inv)),
                    _ => {}
                }
                2
            }
            (
                Match::Conntrack {
                    orig_src, orig_dst, ..
                },
                "--ctorigsrc" | "--ctorigdst",
            ) => {
                let v = parse_addrs(arg(1)?)?;
                let am = Some(AddrMatch {
                    addr: v[0].0,
                    mask: v[0].1,
                    inv,
                });
                if opt == "--ctorigsrc" {
                    *orig_src = am;
                } else {
                    *orig_dst = am;
                }
                2
            }
            (Match::Addrtype { src, dst }, "--src-type" | "--dst-type") => {
                let a = arg(1)?;
                let Some(t) = addrtype::NAMES
                    .iter()
                    .position(|n| n.eq_ignore_ascii_case(a))
                else {
                    return err(format!("addrtype: bad type \"{a}\""));
                };
                if opt == "--src-type" {
                    *src = Some((t as u8, inv));
                } else {
                    *dst = Some((t as u8, inv));
                }
                2
            }
            (Match::Comment(c), "--comment") => {
                let a = arg(1)?;
                if a.len() > 255 {
                    return err("COMMENT must be shorter than 256 characters");
                }
                *c = a.to_string();
                2
            }
            (
                Match::Physdev {
                    phys_in,
                    phys_out,
                    is_bridged,
                    ..
                },
                _,
            ) => match opt {
                "--physdev-in" => {
                    *phys_in = Some(IfMatch {
                        name: arg(1)?.to_string(),
                        inv,
                    });
                    2
                }
                "--physdev-out" => {
                    *phys_out = Some(IfMatch {
                        name: arg(1)?.to_string(),
                        inv,
                    });
                    2
                }
                "--physdev-is-bridged" => {
                    *is_bridged = Some(inv);
                    1
                }
                _ => return Ok(None),
            },
            (Match::Mac { mac, inv: iv }, "--mac-source") => {
                *mac = parse_mac(arg(1)?)?;
                *iv = inv;
                2
            }
            (Match::Iprange { src, dst }, "--src-range" | "--dst-range") => {
                let a = arg(1)?;
                let bad = || PErr(format!("iprange: bad address \"{a}\""));
                let (x, y) = a.split_once('-').unwrap_or((a, a));
                let x: Ipv4Addr = x.parse().map_err(|_| bad())?;
                let y: Ipv4Addr = y.parse().map_err(|_| bad())?;
                let r = Some((u32::from(x), u32::from(y), inv));
                if opt == "--src-range" {
                    *src = r;
                } else {
                    *dst = r;
                }
                2
            }
            (
                Match::Mark {
                    value,
                    mask,
                    inv: iv,
                },
                "--mark",
            ) => {
                let a = arg(1)?;
                let Some((v, m)) = parse_value_mask(a) else {
                    return err(
                        "mark: bad integer value for option \"--mark\", or out of range.\n"
                            .to_string(),
                    );
                };
                *value = v;
                *mask = m;
                *iv = inv;
                2
            }
            (Match::Limit { avg, .. }, "--limit") => {
                *avg = parse_rate(arg(1)?)?;
                2
            }
            (Match::Limit { burst, .. }, "--limit-burst") => {
                let a = arg(1)?;
                *burst = match a.parse::<u32>() {
                    Ok(n) if n <= 10000 => n,
                    _ => return err(format!("bad --limit-burst `{a}'")),
                };
                2
            }
            (Match::Length { min, max, inv: iv }, "--length") => {
                let a = arg(1)?;
                let bad = || PErr(format!("length invalid: `{a}'\n"));
                let (x, y) = match a.split_once(':') {
                    Some((x, y)) => (
                        if x.is_empty() {
                            0
                        } else {
                            x.parse().map_err(|_| bad())?
                        },
                        if y.is_empty() {
                            65535
                        } else {
                            y.parse().map_err(|_| bad())?
                        },
                    ),
                    None => {
                        let v: u16 = a.parse().map_err(|_| bad())?;
                        (v, v)
                    }
                };
                *min = x;
                *max = y;
                *iv = inv;
                2
            }
            (Match::Pkttype { t, inv: iv }, "--pkt-type") => {
                let a = arg(1)?;
                *t = match a.to_ascii_lowercase().as_str() {
                    "unicast" | "host" => PktType::Unicast,
                    "broadcast" => PktType::Broadcast,
                    "multicast" => PktType::Multicast,
                    _ => return err(format!("Bad packet type '{a}'")),
                };
                *iv = inv;
                2
            }
            _ => return Ok(None),
        };
        Ok(Some(n))
    }
}

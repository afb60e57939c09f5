//! How iptables 1.8.9 prints rules: `-S`/iptables-save form and `-L` columns.

use std::fmt::Write as _;
use std::net::Ipv4Addr;

use crate::engine::netfilter::rules::{
    addrtype, ctbits, AddrMatch, Chain, IfMatch, Match, MpDir, NatRange, PortRange, Rule, Target,
};
use crate::engine::netfilter::PktType;

use super::parse::{log_level_name, proto_name, ICMP_TYPES};
use super::services;

fn mask_str(mask: u32) -> String {
    let l = mask.leading_ones();
    if mask.checked_shl(l).unwrap_or(0) == 0 {
        format!("/{l}")
    } else {
        format!("/{}", Ipv4Addr::from(mask))
    }
}

fn addr_save(a: &AddrMatch) -> String {
    format!("{}{}", Ipv4Addr::from(a.addr), mask_str(a.mask))
}

/// `xtables_save_string`.
fn save_string(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        format!(" {s}")
    } else {
        let mut o = String::from(" \"");
        for c in s.chars() {
            if c == '\\' || c == '"' {
                o.push('\\');
            }
            o.push(c);
        }
        o.push('"');
        o
    }
}

fn inv(b: bool) -> &'static str {
    if b {
        " !"
    } else {
        ""
    }
}

fn range_save(r: &PortRange) -> String {
    if r.lo == r.hi {
        format!("{}", r.lo)
    } else {
        format!("{}:{}", r.lo, r.hi)
    }
}

fn tcp_flag_names(f: u8) -> String {
    if f == 0 {
        return "NONE".into();
    }
    if f & 0x3f == 0x3f {
        return "ALL".into();
    }
    let names = [
        (1, "FIN"),
        (2, "SYN"),
        (4, "RST"),
        (8, "PSH"),
        (16, "ACK"),
        (32, "URG"),
    ];
    names
        .iter()
        .filter(|(b, _)| f & b != 0)
        .map(|(_, n)| *n)
        .collect::<Vec<_>>()
        .join(",")
}

fn ct_names(mask: u8) -> String {
    ctbits::NAMES
        .iter()
        .filter(|(b, _)| mask & b != 0)
        .map(|(_, n)| *n)
        .collect::<Vec<_>>()
        .join(",")
}

fn pkttype_name(t: PktType) -> &'static str {
    match t {
        PktType::Unicast => "unicast",
        PktType::Broadcast => "broadcast",
        PktType::Multicast => "multicast",
    }
}

fn mac_str(m: &[u8; 6]) -> String {
    format!(
        "{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}",
        m[0], m[1], m[2], m[3], m[4], m[5]
    )
}

fn rate_str(period: u32) -> String {
    let rates: [(&str, u64); 4] = [
        ("day", 10_000 * 86400),
        ("hour", 10_000 * 3600),
        ("min", 10_000 * 60),
        ("sec", 10_000),
    ];
    let p = u64::from(period.max(1));
    let mut i = 1;
    while i < rates.len() {
        if p > rates[i].1 || rates[i].1 / p < rates[i].1 % p {
            break;
        }
        i += 1;
    }
    format!("{}/{}", rates[i - 1].1 / p, rates[i - 1].0)
}

fn nat_range(r: &NatRange) -> String {
    let mut s = String::new();
    if let Some(a) = r.min_ip {
        s.push_str(&a.to_string());
        if let Some(b) = r.max_ip {
            if b != a {
                let _ = write!(s, "-{b}");
            }
        }
    }
    if let Some((a, b)) = r.ports {
        let _ = write!(s, ":{a}");
        if b != a {
            let _ = write!(s, "-{b}");
        }
    }
    s
}

fn ports_str(p: (u16, u16)) -> String {
    if p.0 == p.1 {
        p.0.to_string()
    } else {
        format!("{}-{}", p.0, p.1)
    }
}

/// A match in `-S` form (with its leading ` -m NAME`).
fn match_save(m: &Match) -> String {
    let mut s = String::new();
    match m {
        Match::Tcp {
            sport,
            dport,
            flags,
        } => {
            s.push_str(" -m tcp");
            if let Some(r) = sport {
                let _ = write!(s, "{} --sport {}", inv(r.inv), range_save(r));
            }
            if let Some(r) = dport {
                let _ = write!(s, "{} --dport {}", inv(r.inv), range_save(r));
            }
            if let Some((mask, cmp, i)) = flags {
                let _ = write!(
                    s,
                    "{} --tcp-flags {} {}",
                    inv(*i),
                    tcp_flag_names(*mask),
                    tcp_flag_names(*cmp)
                );
            }
        }
        Match::Udp { sport, dport } => {
            s.push_str(" -m udp");
            if let Some(r) = sport {
                let _ = write!(s, "{} --sport {}", inv(r.inv), range_save(r));
            }
            if let Some(r) = dport {
                let _ = write!(s, "{} --dport {}", inv(r.inv), range_save(r));
            }
        }
        Match::Icmp { typ, code, inv: i } => {
            s.push_str(" -m icmp");
            let _ = write!(s, "{} --icmp-type ", inv(*i));
            if *typ == 255 {
                s.push_str("any");
            } else {
                let _ = write!(s, "{typ}");
                if code.0 == code.1 {
                    let _ = write!(s, "/{}", code.0);
                }
            }
        }
        Match::Multiport { dir, ports, inv: i } => {
            let d = match dir {
                MpDir::Src => "--sports",
                MpDir::Dst => "--dports",
                MpDir::Any => "--ports",
            };
            let list: Vec<String> = ports
                .iter()
                .map(|&(a, b)| {
                    if a == b {
                        a.to_string()
                    } else {
                        format!("{a}:{b}")
                    }
                })
                .collect();
            let _ = write!(s, " -m multiport{} {d} {}", inv(*i), list.join(","));
        }
        Match::Conntrack {
            state,
            orig_src,
            orig_dst,
        } => {
            s.push_str(" -m conntrack");
            if let Some((m, i)) = state {
                let _ = write!(s, "{} --ctstate {}", inv(*i), ct_names(*m));
            }
            for (n, a) in [("--ctorigsrc", orig_src), ("--ctorigdst", orig_dst)] {
                if let Some(a) = a {
                    let m = if a.mask == u32::MAX {
                        String::new()
                    } else {
                        mask_str(a.mask)
                    };
                    let _ = write!(s, "{} {n} {}{m}", inv(a.inv), Ipv4Addr::from(a.addr));
                }
            }
        }
        Match::State { mask, inv: i } => {
            let _ = write!(s, " -m state{} --state {}", inv(*i), ct_names(*mask));
        }
        Match::Addrtype { src, dst } => {
            s.push_str(" -m addrtype");
            if let Some((t, i)) = src {
                let _ = write!(
                    s,
                    "{} --src-type {}",
                    inv(*i),
                    addrtype::NAMES[usize::from(*t) % 12]
                );
            }
            if let Some((t, i)) = dst {
                let _ = write!(
                    s,
                    "{} --dst-type {}",
                    inv(*i),
                    addrtype::NAMES[usize::from(*t) % 12]
                );
            }
        }
        Match::Comment(c) => {
            let _ = write!(s, " -m comment --comment{}", save_string(c));
        }
        Match::Physdev {
            phys_in,
            phys_out,
            is_bridged,
            ..
        } => {
            s.push_str(" -m physdev");
            if let Some(i) = phys_in {
                let _ = write!(s, "{} --physdev-in {}", inv(i.inv), i.name);
            }
            if let Some(o) = phys_out {
                let _ = write!(s, "{} --physdev-out {}", inv(o.inv), o.name);
            }
            if let Some(i) = is_bridged {
                let _ = write!(s, "{} --physdev-is-bridged", inv(*i));
            }
        }
        Match::Mac { mac, inv: i } => {
            let _ = write!(s, " -m mac{} --mac-source {}", inv(*i), mac_str(mac));
        }
        Match::Iprange { src, dst } => {
            s.push_str(" -m iprange");
            for (n, r) in [("--src-range", src), ("--dst-range", dst)] {
                if let Some((a, b, i)) = r {
                    let _ = write!(
                        s,
                        "{} {n} {}-{}",
                        inv(*i),
                        Ipv4Addr::from(*a),
                        Ipv4Addr::from(*b)
                    );
                }
            }
        }
        Match::Mark {
            value,
            mask,
            inv: i,
        } => {
            let _ = write!(s, " -m mark{} --mark 0x{value:x}", inv(*i));
            if *mask != u32::MAX {
                let _ = write!(s, "/0x{mask:x}");
            }
        }
        Match::Limit { avg, burst, .. } => {
            let _ = write!(s, " -m limit --limit {}", rate_str(*avg));
            if *burst != 5 {
                let _ = write!(s, " --limit-burst {burst}");
            }
        }
        Match::Length { min, max, inv: i } => {
            let v = if min == max {
                min.to_string()
            } else {
                format!("{min}:{max}")
            };
            let _ = write!(s, " -m length{} --length {v}", inv(*i));
        }
        Match::Pkttype { t, inv: i } => {
            let _ = write!(s, " -m pkttype{} --pkt-type {}", inv(*i), pkttype_name(*t));
        }
    }
    s
}

fn target_save(t: &Target) -> String {
    match t {
        Target::None => String::new(),
        Target::Accept => " -j ACCEPT".into(),
        Target::Drop => " -j DROP".into(),
        Target::Return => " -j RETURN".into(),
        Target::Jump { chain, goto, .. } => format!(" -{} {chain}", if *goto { 'g' } else { 'j' }),
        Target::Reject { with, .. } => format!(" -j REJECT --reject-with {with}"),
        Target::Log { prefix, level } => {
            let mut s = String::from(" -j LOG");
            if let Some(p) = prefix {
                let _ = write!(s, " --log-prefix{}", save_string(p));
            }
            if *level != 4 {
                let _ = write!(s, " --log-level {level}");
            }
            s
        }
        Target::Mark { value, mask } => format!(" -j MARK --set-xmark 0x{value:x}/0x{mask:x}"),
        Target::Snat(r) | Target::Dnat(r) => {
            let (n, o) = if matches!(t, Target::Snat(_)) {
                ("SNAT", "--to-source")
            } else {
                ("DNAT", "--to-destination")
            };
            let mut s = format!(" -j {n}");
            if r.min_ip.is_some() || r.ports.is_some() {
                let _ = write!(s, " {o} {}", nat_range(r));
            }
            if r.random {
                s.push_str(" --random");
            }
            if r.persistent {
                s.push_str(" --persistent");
            }
            s
        }
        Target::Masquerade { ports, random } | Target::Redirect { ports, random } => {
            let n = if matches!(t, Target::Masquerade { .. }) {
                "MASQUERADE"
            } else {
                "REDIRECT"
            };
            let mut s = format!(" -j {n}");
            if let Some(p) = ports {
                let _ = write!(s, " --to-ports {}", ports_str(*p));
            }
            if *random {
                s.push_str(" --random");
            }
            s
        }
    }
}

fn if_save(flag: &str, i: &Option<IfMatch>) -> String {
    match i {
        Some(i) => format!("{} {flag} {}", inv(i.inv), i.name),
        None => String::new(),
    }
}

/// The rule as `-S` prints it, after `-A CHAIN`; `counters` adds `-c P B` (`-v -S`).
pub fn rule_save(chain: &str, r: &Rule, counters: bool) -> String {
    let mut s = format!("-A {chain}");
    if let Some(a) = &r.src {
        let _ = write!(s, "{} -s {}", inv(a.inv), addr_save(a));
    }
    if let Some(a) = &r.dst {
        let _ = write!(s, "{} -d {}", inv(a.inv), addr_save(a));
    }
    s.push_str(&if_save("-i", &r.in_if));
    s.push_str(&if_save("-o", &r.out_if));
    if let Some((p, i)) = r.proto {
        if p != 0 || i {
            let name = proto_name(p).map_or_else(|| p.to_string(), |n| n.to_string());
            let _ = write!(s, "{} -p {name}", inv(i));
        }
    }
    for m in &r.matches {
        s.push_str(&match_save(m));
    }
    if counters {
        let _ = write!(s, " -c {} {}", r.pkts, r.bytes);
    }
    s.push_str(&target_save(&r.target));
    s
}

/// Display options of `-L`.
#[derive(Debug, Clone, Copy, Default)]
pub struct ListFmt {
    pub numeric: bool,
    pub verbose: bool,
    pub exact: bool,
    pub line_numbers: bool,
}

/// `xtables_print_num`.
pub fn num(n: u64, f: ListFmt, table: bool) -> String {
    if f.exact {
        return if table {
            format!("{n:>8} ")
        } else {
            format!("{n} ")
        };
    }
    if n <= 99999 {
        return if table {
            format!("{n:>5} ")
        } else {
            format!("{n} ")
        };
    }
    let mut n = n;
    for unit in ["K", "M", "G"] {
        n = (n + 500) / 1000;
        if n <= 9999 {
            return if table {
                format!("{n:>4}{unit} ")
            } else {
                format!("{n}{unit} ")
            };
        }
    }
    n = (n + 500) / 1000;
    if table {
        format!("{n:>4}T ")
    } else {
        format!("{n}T ")
    }
}

fn port_name(p: u16, tcp: bool, numeric: bool) -> String {
    if !numeric {
        if let Some(n) = services::name(p, tcp) {
            return n.to_string();
        }
    }
    p.to_string()
}

fn ports_list(name: &str, r: &Option<PortRange>, tcp: bool, numeric: bool, s: &mut String) {
    let Some(r) = r else { return };
    if r.lo == 0 && r.hi == 65535 && !r.inv {
        return;
    }
    let i = if r.inv { "!" } else { "" };
    if r.lo == r.hi {
        let _ = write!(s, " {name}:{i}{}", port_name(r.lo, tcp, numeric));
    } else {
        let _ = write!(
            s,
            " {name}s:{i}{}:{}",
            port_name(r.lo, tcp, numeric),
            port_name(r.hi, tcp, numeric)
        );
    }
}

fn addr_any(a: &AddrMatch, numeric: bool) -> String {
    let host = Ipv4Addr::from(a.addr);
    let name = if !numeric && a.addr == 0x7f00_0001 {
        "localhost".to_string()
    } else {
        host.to_string()
    };
    let m = if a.mask == u32::MAX {
        String::new()
    } else {
        mask_str(a.mask)
    };
    format!("{name}{m}")
}

fn match_list(m: &Match, tcp_rule: bool, f: ListFmt) -> String {
    let n = f.numeric;
    let mut s = String::new();
    match m {
        Match::Tcp {
            sport,
            dport,
            flags,
        } => {
            s.push_str(" tcp");
            ports_list("spt", sport, true, n, &mut s);
            ports_list("dpt", dport, true, n, &mut s);
            if let Some((mask, cmp, i)) = flags {
                let i = if *i { "!" } else { "" };
                if n {
                    let _ = write!(s, " flags:{i}0x{mask:02X}/0x{cmp:02X}");
                } else {
                    let _ = write!(
                        s,
                        " flags:{i}{}/{}",
                        tcp_flag_names(*mask),
                        tcp_flag_names(*cmp)
                    );
                }
            }
        }
        Match::Udp { sport, dport } => {
            s.push_str(" udp");
            ports_list("spt", sport, false, n, &mut s);
            ports_list("dpt", dport, false, n, &mut s);
        }
        Match::Icmp { typ, code, inv: i } => {
            s.push_str(" icmp");
            let name = ICMP_TYPES
                .iter()
                .find(|(_, t, a, b)| t == typ && (*a, *b) == *code)
                .map(|x| x.0);
            match (n, name) {
                (false, Some(name)) => {
                    let _ = write!(s, " {}{name}", if *i { "!" } else { "" });
                }
                _ => {
                    if *i {
                        s.push_str(" !");
                    }
                    let _ = write!(s, "type {typ}");
                    if code.0 == code.1 {
                        let _ = write!(s, " code {}", code.0);
                    } else if *code != (0, 255) {
                        let _ = write!(s, " codes {}-{}", code.0, code.1);
                    }
                }
            }
        }
        Match::Multiport { dir, ports, inv: i } => {
            let d = match dir {
                MpDir::Src => "sports",
                MpDir::Dst => "dports",
                MpDir::Any => "ports",
            };
            let list: Vec<String> = ports
                .iter()
                .map(|&(a, b)| {
                    if a == b {
                        port_name(a, tcp_rule, n)
                    } else {
                        format!(
                            "{}:{}",
                            port_name(a, tcp_rule, n),
                            port_name(b, tcp_rule, n)
                        )
                    }
                })
                .collect();
            let _ = write!(
                s,
                " multiport {d} {}{}",
                if *i { " !" } else { "" },
                list.join(",")
            );
        }
        Match::Conntrack {
            state,
            orig_src,
            orig_dst,
        } => {
            if let Some((m, i)) = state {
                let _ = write!(s, "{} ctstate {}", inv(*i), ct_names(*m));
            }
            for (nm, a) in [("ctorigsrc", orig_src), ("ctorigdst", orig_dst)] {
                if let Some(a) = a {
                    let _ = write!(s, "{} {nm} {}", inv(a.inv), addr_any(a, n));
                }
            }
        }
        Match::State { mask, inv: i } => {
            let _ = write!(s, "{} state {}", inv(*i), ct_names(*mask));
        }
        Match::Addrtype { src, dst } => {
            s.push_str(" ADDRTYPE match");
            if let Some((t, i)) = src {
                let _ = write!(
                    s,
                    " src-type {}{}",
                    if *i { "!" } else { "" },
                    addrtype::NAMES[usize::from(*t) % 12]
                );
            }
            if let Some((t, i)) = dst {
                let _ = write!(
                    s,
                    " dst-type {}{}",
                    if *i { "!" } else { "" },
                    addrtype::NAMES[usize::from(*t) % 12]
                );
            }
        }
        Match::Comment(c) => {
            let _ = write!(s, " /* {c} */");
        }
        Match::Physdev {
            phys_in,
            phys_out,
            is_bridged,
            ..
        } => {
            s.push_str(" PHYSDEV match");
            if let Some(i) = phys_in {
                let _ = write!(s, "{} --physdev-in {}", inv(i.inv), i.name);
            }
            if let Some(o) = phys_out {
                let _ = write!(s, "{} --physdev-out {}", inv(o.inv), o.name);
            }
            if let Some(i) = is_bridged {
                let _ = write!(s, "{} --physdev-is-bridged", inv(*i));
            }
        }
        Match::Mac { mac, inv: i } => {
            let _ = write!(s, " MAC {}{}", if *i { "! " } else { "" }, mac_str(mac));
        }
        Match::Iprange { src, dst } => {
            for (nm, r) in [("source", src), ("destination", dst)] {
                if let Some((a, b, i)) = r {
                    let _ = write!(
                        s,
                        " {nm} IP range{} {}-{}",
                        inv(*i),
                        Ipv4Addr::from(*a),
                        Ipv4Addr::from(*b)
                    );
                }
            }
        }
        Match::Mark {
            value,
            mask,
            inv: i,
        } => {
            let _ = write!(s, " mark match{} 0x{value:x}", inv(*i));
            if *mask != u32::MAX {
                let _ = write!(s, "/0x{mask:x}");
            }
        }
        Match::Limit { avg, burst, .. } => {
            let _ = write!(s, " limit: avg {} burst {burst}", rate_str(*avg));
        }
        Match::Length { min, max, inv: i } => {
            let i = if *i { "!" } else { "" };
            if min == max {
                let _ = write!(s, " length {i}{min}");
            } else {
                let _ = write!(s, " length {i}{min}:{max}");
            }
        }
        Match::Pkttype { t, inv: i } => {
            let _ = write!(
                s,
                " PKTTYPE {}= {}",
                if *i { "!" } else { "" },
                pkttype_name(*t)
            );
        }
    }
    s
}

fn target_list(t: &Target, f: ListFmt) -> String {
    match t {
        Target::Reject { with, .. } => format!(" reject-with {with}"),
        Target::Log { prefix, level } => {
            let mut s = if f.numeric {
                format!(" LOG flags 0 level {level}")
            } else {
                format!(" LOG level {}", log_level_name(*level))
            };
            if let Some(p) = prefix {
                let _ = write!(s, " prefix \"{p}\"");
            }
            s
        }
        Target::Mark { value, mask } => {
            if *value == 0 {
                format!(" MARK and 0x{:x}", !mask)
            } else if value == mask {
                format!(" MARK or 0x{value:x}")
            } else if *mask == 0 {
                format!(" MARK xor 0x{value:x}")
            } else if *mask == u32::MAX {
                format!(" MARK set 0x{value:x}")
            } else {
                format!(" MARK xset 0x{value:x}/0x{mask:x}")
            }
        }
        Target::Snat(r) | Target::Dnat(r) => {
            let mut s = String::new();
            if r.min_ip.is_some() || r.ports.is_some() {
                let _ = write!(s, " to:{}", nat_range(r));
            }
            if r.random {
                s.push_str(" random");
            }
            if r.persistent {
                s.push_str(" persistent");
            }
            s
        }
        Target::Masquerade { ports, random } => {
            let mut s = String::new();
            if let Some(p) = ports {
                let _ = write!(s, " masq ports: {}", ports_str(*p));
            }
            if *random {
                s.push_str(" random");
            }
            s
        }
        Target::Redirect { ports, random } => {
            let mut s = String::new();
            if let Some(p) = ports {
                let _ = write!(s, " redir ports {}", ports_str(*p));
            }
            if *random {
                s.push_str(" random");
            }
            s
        }
        Target::Jump { goto: true, .. } => "[goto] ".into(),
        _ => String::new(),
    }
}

pub fn target_name(t: &Target) -> &str {
    match t {
        Target::None => "",
        Target::Accept => "ACCEPT",
        Target::Drop => "DROP",
        Target::Return => "RETURN",
        Target::Jump { chain, .. } => chain,
        Target::Reject { .. } => "REJECT",
        Target::Log { .. } => "LOG",
        Target::Mark { .. } => "MARK",
        Target::Snat(_) => "SNAT",
        Target::Dnat(_) => "DNAT",
        Target::Masquerade { .. } => "MASQUERADE",
        Target::Redirect { .. } => "REDIRECT",
    }
}

/// The column header line of `-L`.
pub fn header(f: ListFmt) -> String {
    let mut s = String::new();
    if f.line_numbers {
        s.push_str("num  ");
    }
    if f.verbose {
        if f.exact {
            let _ = write!(s, "{:>8} {:>10} ", "pkts", "bytes");
        } else {
            let _ = write!(s, "{:>5} {:>5} ", "pkts", "bytes");
        }
    }
    s.push_str("target     prot opt ");
    if f.verbose {
        s.push_str("in     out     ");
    }
    s.push_str("source               destination         \n");
    s
}

/// One rule line of `-L`.
pub fn rule_list(r: &Rule, n: usize, f: ListFmt) -> String {
    let mut s = String::new();
    if f.line_numbers {
        let _ = write!(s, "{n:<4} ");
    }
    if f.verbose {
        s.push_str(&num(r.pkts, f, true));
        s.push_str(&num(r.bytes, f, true));
    }
    let _ = write!(s, "{:<9} ", target_name(&r.target));
    let (p, pi) = r.proto.unwrap_or((0, false));
    s.push(if pi { '!' } else { ' ' });
    let pname = if f.numeric {
        p.to_string()
    } else {
        proto_name(p).map_or_else(|| p.to_string(), |x| x.to_string())
    };
    let _ = write!(s, "{pname:<5}-- ");
    if f.verbose {
        s.push(' ');
        for i in [&r.in_if, &r.out_if] {
            let v = match i {
                Some(i) => format!("{}{}", if i.inv { "!" } else { "" }, i.name),
                None if f.numeric => "*".into(),
                None => "any".into(),
            };
            let _ = write!(s, "{v:<6} ");
        }
    }
    for a in [&r.src, &r.dst] {
        match a {
            Some(a) => {
                s.push(if a.inv { '!' } else { ' ' });
                let v = if a.mask == 0 && !f.numeric {
                    "anywhere".to_string()
                } else {
                    let host = if !f.numeric && a.addr == 0x7f00_0001 && a.mask == u32::MAX {
                        "localhost".to_string()
                    } else {
                        Ipv4Addr::from(a.addr).to_string()
                    };
                    let m = if a.mask == u32::MAX {
                        String::new()
                    } else {
                        mask_str(a.mask)
                    };
                    format!("{host}{m}")
                };
                let _ = write!(s, "{v:<19} ");
            }
            None => {
                let _ = write!(
                    s,
                    " {:<19} ",
                    if f.numeric { "0.0.0.0/0" } else { "anywhere" }
                );
            }
        }
    }
    let tcp_rule = p != 17;
    for m in &r.matches {
        s.push_str(&match_list(m, tcp_rule, f));
    }
    s.push_str(&target_list(&r.target, f));
    s.push('\n');
    s
}

/// `Chain NAME (...)` with its header and rules.
pub fn chain_list(c: &Chain, refs: usize, f: ListFmt) -> String {
    let mut s = format!("Chain {}", c.name);
    match c.policy {
        Some(acc) => {
            let pol = if acc { "ACCEPT" } else { "DROP" };
            if f.verbose {
                let _ = writeln!(
                    s,
                    " (policy {pol} {}packets, {}bytes)",
                    num(c.pkts, f, false),
                    num(c.bytes, f, false)
                );
            } else {
                let _ = writeln!(s, " (policy {pol})");
            }
        }
        None => {
            let _ = writeln!(s, " ({refs} references)");
        }
    }
    s.push_str(&header(f));
    for (i, r) in c.rules.iter().enumerate() {
        s.push_str(&rule_list(r, i + 1, f));
    }
    s
}

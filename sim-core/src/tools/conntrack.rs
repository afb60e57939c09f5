//! `conntrack` from conntrack-tools 1.4.7: -L, -D, -F, -C on the namespace's table.

use crate::engine::netfilter::conntrack::{format_conn, Conn};
use crate::shell::{Output, Sim};
use crate::tools::Ctx;

const PROG: &str = "conntrack v1.4.7 (conntrack-tools)";

fn usage_err(msg: &str) -> Output {
    Output::error(
        format!("{PROG}: {msg}\nTry `conntrack -h' or 'conntrack --help' for more information.\n"),
        2,
    )
}

/// `--sport`, `--dport` (original direction), `--src-nat`, `--dst-nat`.
#[derive(Debug, Default)]
struct Filter {
    sport: Option<u16>,
    dport: Option<u16>,
    snat: bool,
    dnat: bool,
}

/// Entry point of `conntrack`.
pub fn run(sim: &mut Sim, ctx: Ctx, args: &[&str]) -> Output {
    let now = sim.world.now;
    let mut cmd: Option<char> = None;
    let mut proto: Option<u8> = None;
    // Address filters: (option, address) on the original or reply tuple.
    let mut addrs: Vec<(&str, std::net::Ipv4Addr)> = Vec::new();
    let mut f = Filter::default();
    let mut i = 0;
    while i < args.len() {
        match args[i] {
            "-L" | "--dump" => cmd = Some('L'),
            "-D" | "--delete" => cmd = Some('D'),
            "-F" | "--flush" => cmd = Some('F'),
            "-C" | "--count" => cmd = Some('C'),
            "-p" | "--proto" => {
                let Some(p) = args.get(i + 1) else {
                    return usage_err("option `-p' requires an argument");
                };
                proto = Some(match *p {
                    "tcp" => 6,
                    "udp" => 17,
                    "icmp" => 1,
                    _ => return usage_err(&format!("`{p}' unsupported protocol")),
                });
                i += 1;
            }
            "-s" | "--src" | "--orig-src" | "-d" | "--dst" | "--orig-dst" | "-r"
            | "--reply-src" | "-q" | "--reply-dst" => {
                let Some(v) = args.get(i + 1) else {
                    return usage_err(&format!("option `{}' requires an argument", args[i]));
                };
                let Ok(ip) = v.parse::<std::net::Ipv4Addr>() else {
                    return crate::tools::unsupported(
                        "conntrack",
                        &format!("address `{v}` (IPv4 only)"),
                    );
                };
                addrs.push((args[i], ip));
                i += 1;
            }
            "-n" | "--src-nat" => f.snat = true,
            "-g" | "--dst-nat" => f.dnat = true,
            o @ ("--sport" | "--orig-port-src" | "--dport" | "--orig-port-dst") => {
                let Some(v) = args.get(i + 1) else {
                    return usage_err(&format!("option `{o}' requires an argument"));
                };
                let Ok(p) = v.parse::<u16>() else {
                    return crate::tools::unsupported("conntrack", &format!("port `{v}`"));
                };
                if o.contains("sport") || o.contains("port-src") {
                    f.sport = Some(p)
                } else {
                    f.dport = Some(p)
                }
                i += 1;
            }
            a if a.starts_with('-') => return usage_err(&format!("unknown option `{a}'")),
            a => return crate::tools::unsupported("conntrack", &format!("argument `{a}`")),
        }
        i += 1;
    }
    let nf = &mut sim.world.ns_mut(ctx.ns).nf;
    nf.ct.expire(now);
    let addr_ok = |c: &Conn| {
        addrs.iter().all(|(opt, ip)| match *opt {
            "-s" | "--src" | "--orig-src" => c.orig.src == *ip,
            "-d" | "--dst" | "--orig-dst" => c.orig.dst == *ip,
            "-r" | "--reply-src" => c.reply.src == *ip,
            _ => c.reply.dst == *ip,
        })
    };
    if (f.sport.is_some() || f.dport.is_some()) && !matches!(proto, Some(6 | 17)) {
        return crate::tools::unsupported("conntrack", "port filters without `-p tcp` or `-p udp`");
    }
    let nat_ok = |c: &Conn| {
        f.sport.is_none_or(|p| c.orig.sport == p)
            && f.dport.is_none_or(|p| c.orig.dport == p)
            && (!f.snat || c.snat)
            && (!f.dnat || c.dnat)
    };
    let sel = |c: &Conn| {
        c.confirmed && proto.is_none_or(|p| c.orig.proto == p) && addr_ok(c) && nat_ok(c)
    };
    match cmd {
        Some('L') => {
            let mut o = Output::default();
            let mut n = 0;
            for c in nf.ct.conns.values().filter(|c| sel(c)) {
                o.out(format!("{}\n", format_conn(c, now)));
                n += 1;
            }
            o.err(format!("{PROG}: {n} flow entries have been shown.\n"));
            o
        }
        Some('D') => {
            let ids: Vec<u64> = nf
                .ct
                .conns
                .values()
                .filter(|c| sel(c))
                .map(|c| c.id)
                .collect();
            let mut o = Output::default();
            for id in &ids {
                if let Some(c) = nf.ct.remove(*id) {
                    o.out(format!("{}\n", format_conn(&c, now)));
                }
            }
            o.err(format!(
                "{PROG}: {} flow entries have been deleted.\n",
                ids.len()
            ));
            if ids.is_empty() {
                o.status = 1;
            }
            o
        }
        Some('F') => {
            nf.ct.clear();
            Output::error(
                format!("{PROG}: connection tracking table has been emptied.\n"),
                0,
            )
        }
        Some('C') => Output::text(format!(
            "{}\n",
            nf.ct.conns.values().filter(|c| c.confirmed).count()
        )),
        _ => usage_err("no command specified"),
    }
}

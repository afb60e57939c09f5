//! `ping` as iputils 20221126 prints it: header, replies, ICMP errors, statistics, status.

use std::net::Ipv4Addr;

use crate::engine::{self, sockets::Inbox};
use crate::model::{Errno, Nanos};
use crate::shell::{Flow, Output, Sim};
use crate::tools::Ctx;
use crate::wire::{Icmp, Ipv4, L4};

const SEC: Nanos = 1_000_000_000;

/// How many probes a ping with neither `-c` nor `-w` sends in `netsim run` before it is
/// interrupted as by Ctrl-C (the interactive shell's Ctrl-C interrupts it instead).
pub const UNBOUNDED_PROBES: usize = 4;

struct Opts {
    count: Option<u64>,
    interval: Nanos,
    deadline: Option<Nanos>,
    timeout: Option<Nanos>,
    size: usize,
    ttl: u8,
    quiet: bool,
    broadcast: bool,
    iface: Option<String>,
    dest: String,
    /// Warnings printed before anything else (garbage in a numeric argument).
    warnings: String,
}

fn usage_error(msg: &str) -> Output {
    Output::error(format!("ping: {msg}\n"), 1)
}

fn parse_num(v: &str, max: u64) -> Result<u64, Output> {
    match v.parse::<i64>() {
        Ok(n) if n >= 1 && (n as u64) <= max => Ok(n as u64),
        Ok(_) => Err(Output::error(
            format!("ping: invalid argument: '{v}': out of range: 1 <= value <= {max}\n"),
            1,
        )),
        Err(_) => Err(Output::error(format!("ping: invalid argument: '{v}'\n"), 1)),
    }
}

/// `-w`: like [`parse_num`] but 0 is allowed.
fn parse_num0(v: &str, max: u64) -> Result<u64, Output> {
    match v.parse::<i64>() {
        Ok(n) if n >= 0 && (n as u64) <= max => Ok(n as u64),
        Ok(_) => Err(Output::error(
            format!("ping: invalid argument: '{v}': out of range: 0 <= value <= {max}\n"),
            1,
        )),
        Err(_) => Err(Output::error(format!("ping: invalid argument: '{v}'\n"), 1)),
    }
}

/// A time in seconds as iputils reads it with strtod: the longest numeric prefix (0 when
/// there is none), a warning for trailing garbage, negative values as 0.
fn lenient_secs(v: &str) -> (Nanos, Option<String>) {
    let t = v.trim_start();
    let mut end = 0;
    let mut best = None;
    for (i, _) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
        if i > 0 {
            if let Ok(x) = t[..i].parse::<f64>() {
                if x.is_finite() {
                    best = Some(x);
                    end = i;
                }
            }
        }
        if i > 40 {
            break;
        }
    }
    let secs = best.unwrap_or(0.0).clamp(0.0, 2_147_483.0);
    let warn = (end < t.len()).then(|| {
        format!("ping: option argument contains garbage: {}\nping: this will become fatal error in the future\n", &t[end..])
    });
    ((secs * 1e9).round() as Nanos, warn)
}

fn parse(args: &[&str]) -> Result<Opts, Output> {
    let mut o = Opts {
        count: None,
        interval: SEC,
        deadline: None,
        timeout: None,
        size: 56,
        ttl: 64,
        quiet: false,
        broadcast: false,
        iface: None,
        dest: String::new(),
        warnings: String::new(),
    };
    let mut dest = None;
    let mut i = 0;
    while i < args.len() {
        let a = args[i];
        if a.starts_with('-') && a.len() > 1 {
            let chars = a[1..].char_indices();
            for (pos, c) in chars {
                let takes = matches!(c, 'c' | 'i' | 'W' | 'w' | 's' | 't' | 'I');
                let value = if takes {
                    let rest = &a[1 + pos + 1..];
                    if !rest.is_empty() {
                        Some(rest.to_string())
                    } else {
                        i += 1;
                        match args.get(i) {
                            Some(v) => Some(v.to_string()),
                            None => {
                                return Err(Output::error(
                                    format!("ping: option requires an argument -- '{c}'\n"),
                                    2,
                                ))
                            }
                        }
                    }
                } else {
                    None
                };
                match (c, value) {
                    ('c', Some(v)) => o.count = Some(parse_num(&v, 9223372036854775807)?),
                    ('i', Some(v)) => {
                        // iputils: strtod, garbage warned about (not yet fatal), a negative
                        // interval is no wait at all.
                        let (secs, warn) = lenient_secs(&v);
                        if let Some(w) = warn {
                            o.warnings.push_str(&w);
                        }
                        o.interval = secs;
                    }
                    ('W', Some(v)) => {
                        let (secs, warn) = lenient_secs(&v);
                        if v.trim().starts_with('-') {
                            return Err(Output::error(format!("ping: bad linger time: {v}\n"), 2));
                        }
                        if let Some(w) = warn {
                            o.warnings.push_str(&w);
                        }
                        o.timeout = Some(secs);
                    }
                    ('w', Some(v)) => {
                        let secs = parse_num0(&v, 2147483647)?;
                        // `-w 0`: no deadline.
                        o.deadline = (secs > 0).then_some(secs * SEC);
                    }
                    ('s', Some(v)) => {
                        o.size = match v.parse::<i64>() {
                            Ok(n) if (0..=2147483647).contains(&n) => n as usize,
                            Ok(_) => return Err(Output::error(format!("ping: invalid argument: '{v}': out of range: 0 <= value <= 2147483647\n"), 1)),
                            Err(_) => return Err(Output::error(format!("ping: invalid argument: '{v}'\n"), 1)),
                        }
                    }
                    ('t', Some(v)) => {
                        o.ttl = match v.parse::<i64>() {
                            Ok(0) => {
                                // setsockopt(IP_TTL, 0) is refused by the kernel.
                                return Err(Output::error("ping: cannot set unicast time-to-live: Invalid argument\n", 2));
                            }
                            Ok(n) if (1..=255).contains(&n) => n as u8,
                            Ok(_) => return Err(Output::error(format!("ping: invalid argument: '{v}': out of range: 0 <= value <= 255\n"), 1)),
                            Err(_) => return Err(Output::error(format!("ping: invalid argument: '{v}'\n"), 1)),
                        }
                    }
                    ('I', Some(v)) => o.iface = Some(v),
                    ('q', _) => o.quiet = true,
                    ('b', _) => o.broadcast = true,
                    ('n', _) | ('4', _) => {}
                    (c @ ('a' | 'A' | 'B' | 'C' | 'D' | 'd' | 'e' | 'f' | 'L' | 'l' | 'm' | 'M' | 'O' | 'p' | 'Q' | 'S' | 'U' | 'v' | 'R' | 'T' | '6' | 'F' | 'N' | 'V' | 'h'), _) => {
                        return Err(crate::tools::unsupported("ping", &format!("option `-{c}`")))
                    }
                    (c, _) => {
                        return Err(Output::error(format!("ping: invalid option -- '{c}'\n{}", USAGE), 2));
                    }
                }
                if takes {
                    break;
                }
            }
        } else if dest.is_none() {
            dest = Some(a.to_string());
        } else {
            return Err(crate::tools::unsupported(
                "ping",
                "more than one destination",
            ));
        }
        i += 1;
    }
    match dest {
        Some(d) => o.dest = d,
        None => return Err(usage_error("usage error: Destination address required")),
    }
    Ok(o)
}

/// Run `ping`.
pub fn run(sim: &mut Sim, ctx: Ctx, args: &[&str]) -> Output {
    let mut o = match parse(args) {
        Ok(o) => o,
        Err(e) => return e,
    };
    if o.dest.contains(':') {
        return crate::tools::unsupported("ping", "IPv6 destinations");
    }
    let Ok(mut dst) = o.dest.parse::<Ipv4Addr>() else {
        return Output::error(
            format!("ping: {}: Temporary failure in name resolution\n", o.dest),
            2,
        );
    };
    if dst.is_unspecified() {
        dst = Ipv4Addr::LOCALHOST;
    }
    let ns = ctx.ns;
    let oif = match &o.iface {
        None => None,
        Some(name) => match sim.world.dev_by_name(ns, name) {
            Some(d) => Some(d),
            None if name.parse::<Ipv4Addr>().is_ok() => {
                return crate::tools::unsupported("ping -I", "a source address")
            }
            None => {
                return Output::error(format!("ping: SO_BINDTODEVICE {name}: No such device\n"), 2)
            }
        },
    };
    // connect(): the route must exist before anything is sent.
    let route = match oif {
        Some(d) => match engine::route_output(&sim.world, ns, dst) {
            Ok(r) if r.dev == d || r.local => Ok(r),
            _ => match sim.world.select_src(ns, d, dst) {
                Some(src) => Ok(engine::RouteResult {
                    dev: d,
                    src,
                    gateway: None,
                    local: false,
                }),
                None => Err(Errno::NetUnreach),
            },
        },
        None => engine::route_output(&sim.world, ns, dst),
    };
    let route = match route {
        Ok(r) => r,
        // ping reads EACCES as a broadcast refused by the kernel.
        Err(Errno::Acces) => {
            return Output::error("ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules\n", 2)
        }
        Err(e) => return Output::error(format!("ping: connect: {}\n", e.strerror()), 2),
    };
    let is_bcast = dst == Ipv4Addr::BROADCAST
        || sim.world.v4_addrs(ns).iter().any(|(_, a, p)| {
            *p < 31 && ipnet::Ipv4Net::new(*a, *p).is_ok_and(|n| n.broadcast() == dst)
        });
    let mut out = Output::ok();
    out.err(std::mem::take(&mut o.warnings));
    if is_bcast {
        if !o.broadcast {
            return Output::error("ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules\n", 2);
        }
        out.err("WARNING: pinging broadcast address\n");
    }
    let from = match &o.iface {
        Some(n) => format!("from {} {n}: ", route.src),
        None => String::new(),
    };
    out.out(format!(
        "PING {} ({dst}) {from}{}({}) bytes of data.\n",
        o.dest,
        o.size,
        o.size + 28
    ));

    let id = (sim.world.random_u32() & 0xffff) as u16;
    sim.world.ns_mut(ns).sockets.inboxes.push(Inbox {
        id,
        packets: Vec::new(),
    });
    let start = sim.world.now;
    let timing = o.size >= 16;
    let linger = o.timeout.unwrap_or(10 * SEC);
    let mut sent: Vec<Nanos> = Vec::new();
    let mut received = 0u64;
    let mut errors = 0u64;
    let mut pipe = 0u64;
    let mut rtts: Vec<Nanos> = Vec::new();
    let mut seen = 0usize;
    let mut answered: Vec<bool> = Vec::new();
    let mut lines = String::new();
    let mut next_send = start;
    let mut last_send = start;
    // A ping with no end of its own: a pacer (the interactive shell) interrupts it; without
    // one it is interrupted, as by Ctrl-C, when its fifth probe is due.
    let unbounded = o.count.is_none() && o.deadline.is_none();
    let auto_stop = unbounded && !sim.has_pacer();
    let limit = sim.world.limits.max_time_s.saturating_mul(SEC);
    let mut at_limit = false;
    loop {
        let all_sent = o.count.is_some_and(|c| sent.len() as u64 >= c);
        let deadline_at = o.deadline.map(|d| start + d);
        // The next moment something happens: a send, the deadline, or the linger expiry.
        let mut until = if all_sent {
            last_send + linger
        } else {
            next_send
        };
        if let Some(d) = deadline_at {
            until = until.min(d);
        }
        if until > limit {
            until = limit;
            at_limit = true;
        }
        // The driver (if any) takes what was printed, and may interrupt.
        let step_to = engine::next_event_at(sim).map_or(until, |t| t.min(until));
        if sim.pace(&mut out, step_to, unbounded) == Flow::Interrupt {
            break;
        }
        // Process everything strictly before `until`, stopping early when an answer arrives.
        let early = engine::run_until_inbox(sim, until.saturating_sub(1), ns, id);
        read_inbox(sim, ns, id, &mut seen, &mut |at, pkt| {
            if let L4::Icmp(i) = &pkt.l4 {
                let seq = if i.is_error() {
                    i.quoted().map(|q| q.d)
                } else {
                    Some(i.seq())
                };
                let Some(seq) = seq else { return };
                let Some(idx) = send_index(seq, sent.len()) else {
                    return;
                };
                // iputils measures the pipe when an answer arrives.
                pipe = pipe.max((sent.len() as u64).saturating_sub(received + errors));
                if i.is_error() {
                    errors += 1;
                    if idx < answered.len() {
                        answered[idx] = true;
                    }
                    if !o.quiet {
                        lines.push_str(&format!(
                            "From {} icmp_seq={seq} {}\n",
                            pkt.src,
                            icmp_error_text(i)
                        ));
                    }
                } else if i.typ == crate::wire::ICMP_ECHO_REPLY {
                    if idx < answered.len() && answered[idx] {
                        return; // DUP!: not modelled beyond counting once
                    }
                    received += 1;
                    if idx < answered.len() {
                        answered[idx] = true;
                    }
                    let rtt = at.saturating_sub(sent[idx]);
                    rtts.push(rtt);
                    if !o.quiet {
                        let t = if timing {
                            format!(" time={}", fmt_ms(rtt))
                        } else {
                            String::new()
                        };
                        lines.push_str(&format!(
                            "{} bytes from {}: icmp_seq={seq} ttl={}{t}\n",
                            o.size + 8,
                            pkt.src,
                            pkt.ttl
                        ));
                    }
                }
            }
        });
        out.out(std::mem::take(&mut lines));
        if let Some(e) = sim.engine.overflow.clone() {
            out.err(e);
            break;
        }
        let outstanding = (sent.len() as u64).saturating_sub(received + errors);
        if all_sent && outstanding == 0 {
            break;
        }
        if early {
            continue;
        }
        if at_limit {
            engine::run_until(sim, until);
            break;
        }
        if deadline_at.is_some_and(|d| until >= d) || (all_sent && until >= last_send + linger) {
            engine::run_until(sim, until);
            break;
        }
        if auto_stop && sent.len() >= UNBOUNDED_PROBES && until >= next_send {
            break;
        }
        if !all_sent && until >= next_send {
            // The 16-bit sequence number wraps, as in iputils.
            let seq = (sent.len() as u16).wrapping_add(1);
            let data: Vec<u8> = (0..o.size).map(|b| (b % 256) as u8).collect();
            let pkt = Ipv4 {
                src: if route.local {
                    Ipv4Addr::UNSPECIFIED
                } else {
                    route.src
                },
                dst,
                ttl: o.ttl,
                id: seq,
                tos: 0,
                l4: L4::Icmp(Icmp::echo(true, id, seq, data)),
            };
            // Probes are bounded by the frame budget too, even those that wait for ARP and
            // never become frames (`ping -i 0 -w 1` to a silent address).
            if sent.len() as u64 >= sim.world.limits.max_frames {
                sim.engine.overflow = Some(format!(
                    "netsim: frame budget of {} frames for one command exceeded (ping -i {}); raise it with --max-frames\n",
                    sim.world.limits.max_frames,
                    fmt_secs(o.interval)
                ));
                out.err(sim.engine.overflow.clone().unwrap_or_default());
                break;
            }
            sim.world.now = sim.world.now.max(next_send);
            sent.push(sim.world.now);
            answered.push(false);
            last_send = sim.world.now;
            if o.size + 28 > 65535 {
                // sendmsg() fails with EMSGSIZE: no IPv4 packet is that long.
                let mtu = sim.world.dev(route.dev).mtu.min(65535);
                lines.push_str(&format!("ping: local error: message too long, mtu={mtu}\n"));
                errors += 1;
                if let Some(a) = answered.last_mut() {
                    *a = true;
                }
            } else {
                let _ = engine::ip_output(sim, ns, pkt, oif);
            }
            next_send += o.interval.max(1);
        }
    }
    sim.world.ns_mut(ns).sockets.inboxes.retain(|b| b.id != id);
    let tx = sent.len() as u64;
    let loss = (tx.saturating_sub(received) * 100)
        .checked_div(tx)
        .unwrap_or(0);
    let elapsed_ms = (last_send - start) / 1_000_000;
    let mut stats = format!(
        "\n--- {} ping statistics ---\n{tx} packets transmitted, {received} received, ",
        o.dest
    );
    if errors > 0 {
        stats.push_str(&format!("+{errors} errors, "));
    }
    stats.push_str(&format!("{loss}% packet loss, time {elapsed_ms}ms\n"));
    let mut comma = "";
    if received > 0 && timing {
        let min = *rtts.iter().min().unwrap_or(&0);
        let max = *rtts.iter().max().unwrap_or(&0);
        let n = rtts.len() as u128;
        let sum: u128 = rtts.iter().map(|r| u128::from(*r)).sum();
        let sum2: u128 = rtts.iter().map(|r| u128::from(*r) * u128::from(*r)).sum();
        // iputils computes in microseconds: mdev = sqrt(E[x^2] - E[x]^2).
        let avg = sum / n;
        let var = (sum2 / n).saturating_sub(avg * avg);
        let mdev = (var as f64).sqrt() as u128;
        stats.push_str(&format!(
            "rtt min/avg/max/mdev = {}/{}/{}/{} ms",
            fmt_ms3(u128::from(min)),
            fmt_ms3(avg),
            fmt_ms3(u128::from(max)),
            fmt_ms3(mdev)
        ));
        comma = ", ";
    }
    if pipe > 1 {
        stats.push_str(&format!("{comma}pipe {pipe}"));
    }
    stats.push('\n');
    out.out(stats);
    if at_limit {
        out.err(format!(
            "netsim: virtual time limit of {} s reached (raise it with --max-time)\n",
            sim.world.limits.max_time_s
        ));
        out.status = 1;
        return out;
    }
    let status = if received == 0 || o.deadline.is_some() && o.count.is_some_and(|c| received < c) {
        1
    } else {
        0
    };
    out.status = status;
    out
}

/// Which send an answer with sequence number `seq` belongs to, after `sent` sends: the
/// 16-bit sequence wraps, so it is the latest send that carried `seq` (iputils, too, can tell
/// sends 65536 apart only by when they were sent).
fn send_index(seq: u16, sent: usize) -> Option<usize> {
    let first = usize::from(seq.wrapping_sub(1));
    if first >= sent {
        return None;
    }
    Some(first + (sent - 1 - first) / 65536 * 65536)
}

fn read_inbox(
    sim: &mut Sim,
    ns: crate::model::NetnsId,
    id: u16,
    seen: &mut usize,
    f: &mut dyn FnMut(Nanos, &Ipv4),
) {
    let pkts: Vec<(Nanos, Ipv4)> = match sim.world.ns_mut(ns).sockets.inbox(id) {
        Some(b) => b.packets[*seen..].to_vec(),
        None => return,
    };
    *seen += pkts.len();
    for (at, p) in &pkts {
        f(*at, p);
    }
}

fn icmp_error_text(i: &Icmp) -> String {
    match (i.typ, i.code) {
        (3, 0) => "Destination Net Unreachable".into(),
        (3, 1) => "Destination Host Unreachable".into(),
        (3, 2) => "Destination Protocol Unreachable".into(),
        (3, 3) => "Destination Port Unreachable".into(),
        (3, 4) => "Frag needed and DF set".into(),
        (3, 5) => "Source Route Failed".into(),
        (3, 6) => "Destination Net Unknown".into(),
        (3, 7) => "Destination Host Unknown".into(),
        (3, 8) => "Source Host Isolated".into(),
        (3, 9) => "Destination Net Prohibited".into(),
        (3, 10) => "Destination Host Prohibited".into(),
        (3, 11) => "Destination Net Unreachable for Type of Service".into(),
        (3, 12) => "Destination Host Unreachable for Type of Service".into(),
        (3, 13) => "Packet filtered".into(),
        (3, 14) => "Precedence Violation".into(),
        (3, 15) => "Precedence Cutoff".into(),
        (3, c) => format!("Dest Unreachable, Bad Code: {c}"),
        (11, 0) => "Time to live exceeded".into(),
        (11, 1) => "Frag reassembly time exceeded".into(),
        (t, c) => format!("Bad ICMP type: {t} code {c}"),
    }
}

/// An interval in seconds, as a user typed it (`0`, `0.2`, `1`).
fn fmt_secs(ns: Nanos) -> String {
    let s = format!("{:.9}", ns as f64 / 1e9);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A round-trip time as iputils prints a reply's `time=`.
fn fmt_ms(ns: Nanos) -> String {
    let us = ns / 1000;
    let ms = us as f64 / 1000.0;
    if ms >= 100.0 {
        format!("{:.0} ms", ms)
    } else if ms >= 10.0 {
        format!("{:.1} ms", ms)
    } else {
        format!("{:.3} ms", ms)
    }
}

fn fmt_ms3(ns: u128) -> String {
    let us = ns / 1000;
    format!("{}.{:03}", us / 1000, us % 1000)
}

const USAGE: &str = "\nUsage\n  ping [options] <destination>\n\nOptions:\n  <destination>      dns name or ip address\n  -a                 use audible ping\n  -A                 use adaptive ping\n  -B                 sticky source address\n  -c <count>         stop after <count> replies\n  -C                 call connect() syscall on socket creation\n  -D                 print timestamps\n  -d                 use SO_DEBUG socket option\n  -e <identifier>    define identifier for ping session, default is random for\n                     SOCK_RAW and kernel defined for SOCK_DGRAM\n                     Imply using SOCK_RAW (for IPv4 only for identifier 0)\n  -f                 flood ping\n  -h                 print help and exit\n  -I <interface>     either interface name or address\n  -i <interval>      seconds between sending each packet\n  -L                 suppress loopback of multicast packets\n  -l <preload>       send <preload> number of packages while waiting replies\n  -m <mark>          tag the packets going out\n  -M <pmtud opt>     define mtu discovery, can be one of <do|dont|want>\n  -n                 no dns name resolution\n  -O                 report outstanding replies\n  -p <pattern>       contents of padding byte\n  -q                 quiet output\n  -Q <tclass>        use quality of service <tclass> bits\n  -s <size>          use <size> as number of data bytes to be sent\n  -S <size>          use <size> as SO_SNDBUF socket option value\n  -t <ttl>           define time to live\n  -U                 print user-to-user latency\n  -v                 verbose output\n  -V                 print version and exit\n  -w <deadline>      reply wait <deadline> in seconds\n  -W <timeout>       time to wait for response\n\nIPv4 options:\n  -4                 use IPv4\n  -b                 allow pinging broadcast\n  -R                 record route\n  -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>\n\nIPv6 options:\n  -6                 use IPv6\n  -F <flowlabel>     define flow label, default is random\n  -N <nodeinfo opt>  use icmp6 node info query, try <help> as argument\n\nFor more details see ping(8).\n";

#[cfg(test)]
mod tests {
    use super::send_index;

    #[test]
    fn sequence_numbers_wrap_to_the_latest_send() {
        assert_eq!(send_index(1, 0), None);
        assert_eq!(send_index(1, 1), Some(0));
        assert_eq!(send_index(2, 1), None);
        assert_eq!(send_index(65535, 65535), Some(65534));
        assert_eq!(send_index(0, 65536), Some(65535));
        assert_eq!(send_index(1, 65537), Some(65536));
        assert_eq!(send_index(2, 65537), Some(1));
        assert_eq!(send_index(1, 500_001), Some(458_752));
    }
}

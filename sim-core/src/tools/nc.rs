//! `nc` as netcat-openbsd (Debian 12) behaves for what students do with it: listeners
//! started in the background (`nc -l [-k] [-u] -p PORT &`) and port probes
//! (`nc -z [-v] [-u] [-n] [-w N] HOST PORT[-PORT]...`).
//!
//! A TCP probe is a real handshake and close through the engine, so netfilter counters and
//! conntrack see what the kernel sees: SYN (retransmitted at 1, 3, 7, ... s), SYN-ACK,
//! ACK, FIN, FIN-ACK, ACK, and the client socket then sits in TIME-WAIT. A UDP probe writes
//! "X" as netcat's `udptest` does: twice, then once a second for the `-w` time (3 s
//! without `-w`), failing only when a write reports ECONNREFUSED from an ICMP error.

use std::net::Ipv4Addr;

use crate::engine::sockets::{Inbox, Listener, Proto, TcpConn, TcpState, TimeWait, TIME_WAIT_LEN};
use crate::engine::{self};
use crate::model::{Nanos, NetnsId};
use crate::shell::{Output, Sim};
use crate::tools::iptables::services;
use crate::tools::Ctx;
use crate::wire::{self, Ipv4, TcpFlags, Udp, L4};

const SEC: Nanos = 1_000_000_000;
const MS: Nanos = 1_000_000;
/// The slice the probe advances the clock by while it waits for an answer.
const SLICE: Nanos = MS;
/// SYN retransmissions (tcp_syn_retries = 6): sent at these times after the first.
const SYN_RETX: [Nanos; 6] = [SEC, 3 * SEC, 7 * SEC, 15 * SEC, 31 * SEC, 63 * SEC];
/// After the last retransmission connect() gives up with ETIMEDOUT.
const SYN_GIVE_UP: Nanos = 127 * SEC;
/// netcat's `UDP_SCAN_TIMEOUT`: seconds a UDP probe waits without `-w`.
const UDP_SCAN_TIMEOUT: u64 = 3;

const USAGE: &str = "usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]
\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]
\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]
\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]
\t  [destination] [port]
";

#[derive(Debug, Default)]
struct Opts {
    listen: bool,
    keep: bool,
    udp: bool,
    zero: bool,
    verbose: bool,
    numeric: bool,
    /// `-w`, in seconds.
    wait: Option<u64>,
    port: Option<String>,
    args: Vec<String>,
}

fn fail(msg: &str) -> Output {
    Output::error(format!("nc: {msg}\n"), 1)
}

fn usage() -> Output {
    Output::error(USAGE, 1)
}

fn parse(args: &[&str]) -> Result<Opts, Output> {
    let mut o = Opts::default();
    let mut i = 0;
    while i < args.len() {
        let a = args[i];
        if a == "--" {
            o.args.extend(args[i + 1..].iter().map(|s| s.to_string()));
            break;
        }
        if !(a.starts_with('-') && a.len() > 1) {
            o.args.push(a.to_string());
            i += 1;
            continue;
        }
        for (pos, c) in a[1..].char_indices() {
            let takes = "IiMmOPpqsTVWwXx".contains(c);
            let value = if takes {
                let rest = &a[1 + pos + c.len_utf8()..];
                if !rest.is_empty() {
                    Some(rest.to_string())
                } else {
                    i += 1;
                    match args.get(i) {
                        Some(v) => Some(v.to_string()),
                        None => {
                            let mut e = Output::error(
                                format!("nc: option requires an argument -- '{c}'\n"),
                                1,
                            );
                            e.extend(usage());
                            return Err(e.with_status(1));
                        }
                    }
                }
            } else {
                None
            };
            match (c, value) {
                ('l', _) => o.listen = true,
                ('k', _) => o.keep = true,
                ('u', _) => o.udp = true,
                ('z', _) => o.zero = true,
                ('v', _) => o.verbose = true,
                ('n', _) => o.numeric = true,
                ('4', _) | ('d', _) => {}
                ('w', Some(v)) => match v.parse::<u64>() {
                    Ok(n) if n <= i32::MAX as u64 / 1000 => o.wait = Some(n),
                    _ => return Err(fail(&format!("timeout invalid: {v}"))),
                },
                ('p', Some(v)) => o.port = Some(v),
                ('h', _) => return Err(crate::tools::unsupported("nc", "option `-h`")),
                (c, _) if "6CDFNrStUZIiMmOPqsTVWXx".contains(c) => {
                    return Err(crate::tools::unsupported("nc", &format!("option `-{c}`")))
                }
                (c, _) => {
                    let mut e = Output::error(format!("nc: invalid option -- '{c}'\n"), 1);
                    e.extend(usage());
                    return Err(e.with_status(1));
                }
            }
            if takes {
                break;
            }
        }
        i += 1;
    }
    Ok(o)
}

/// Entry point of `nc`.
pub fn run(sim: &mut Sim, ctx: Ctx, args: &[&str]) -> Output {
    let o = match parse(args) {
        Ok(o) => o,
        Err(e) => return e,
    };
    if o.listen {
        return listen(sim, ctx, &o);
    }
    if o.keep {
        return fail("must use -l with -k");
    }
    if o.port.is_some() {
        return crate::tools::unsupported("nc", "a source port (`-p`) for a connection");
    }
    if o.args.is_empty() {
        return usage();
    }
    if o.args.len() < 2 {
        return fail("missing port number");
    }
    if !o.zero {
        return crate::tools::unsupported("nc", "a connection without -z (data transfer)");
    }
    if ctx.background {
        return crate::tools::unsupported("nc", "a probe in the background");
    }
    probe(sim, ctx.ns, &o)
}

/// A port argument: a number or a service name.
fn port_value(s: &str, udp: bool) -> Result<u16, Output> {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return match s.parse::<u64>() {
            Ok(0) => Err(fail(&format!("port number too small: {s}"))),
            Ok(n) if n <= 65535 => Ok(n as u16),
            _ => Err(fail(&format!("port number too large: {s}"))),
        };
    }
    match services::port(s, !udp) {
        Some(p) => Ok(p),
        None => Err(fail(&format!("port number invalid: {s}"))),
    }
}

/// `build_ports`: single ports and `lo-hi` ranges (either order), in ascending order.
fn ports(args: &[String], udp: bool) -> Result<Vec<u16>, Output> {
    let mut v = Vec::new();
    for a in args {
        match a.split_once('-') {
            Some((lo, hi)) if !lo.is_empty() => {
                let (mut lo, mut hi) = (port_value(lo, udp)?, port_value(hi, udp)?);
                if lo > hi {
                    std::mem::swap(&mut lo, &mut hi);
                }
                v.extend(lo..=hi);
            }
            _ => v.push(port_value(a, udp)?),
        }
    }
    Ok(v)
}

fn listen(sim: &mut Sim, ctx: Ctx, o: &Opts) -> Output {
    if o.zero {
        return crate::tools::unsupported("nc", "-z with -l");
    }
    // `nc -l -p PORT [ADDR]` or `nc -l [ADDR] PORT`.
    let (addr, port) = match (&o.port, o.args.as_slice()) {
        (Some(p), []) => (None, p.clone()),
        (Some(p), [a]) => (Some(a.clone()), p.clone()),
        (None, [p]) => (None, p.clone()),
        (None, [a, p]) => (Some(a.clone()), p.clone()),
        (None, []) => return fail("missing port number"),
        _ => return crate::tools::unsupported("nc", "these listen arguments"),
    };
    let port = match port_value(&port, o.udp) {
        Ok(p) => p,
        Err(e) => return e,
    };
    let addr = match addr.as_deref() {
        None => None,
        Some("localhost") => Some(Ipv4Addr::LOCALHOST),
        Some(a) => match a.parse::<Ipv4Addr>() {
            Ok(ip) => Some(ip),
            Err(_) => return crate::tools::unsupported("nc", &format!("host name `{a}`")),
        },
    };
    if !ctx.background {
        return crate::tools::unsupported(
            "nc",
            "`nc -l` in the foreground (it would wait for ever; run it with `&`)",
        );
    }
    let ns = ctx.ns;
    if let Some(a) = addr {
        if !a.is_unspecified() && sim.world.is_local_v4(ns, a).is_none() {
            // bind() fails with EADDRNOTAVAIL; the background job's message is not shown.
            return fail("Cannot assign requested address");
        }
    }
    let addr = addr.filter(|a| !a.is_unspecified());
    let proto = if o.udp { Proto::Udp } else { Proto::Tcp };
    let socks = &mut sim.world.ns_mut(ns).sockets;
    let clash = socks.listeners.iter().any(|l| {
        l.alive()
            && l.proto == proto
            && l.port == port
            && (l.addr.is_none() || addr.is_none() || l.addr == addr)
    });
    if clash {
        return fail("Address already in use");
    }
    socks.listeners.push(Listener {
        proto,
        addr,
        port,
        keep: o.keep,
        accepted: 0,
    });
    Output::ok()
}

/// How one probe ended.
enum Probe {
    Ok,
    /// connect() failed with this strerror text.
    Failed(&'static str),
    /// `-w` ran out while connecting.
    TimedOut,
    /// A UDP write reported ECONNREFUSED (netcat says nothing).
    Silent,
}

fn probe(sim: &mut Sim, ns: NetnsId, o: &Opts) -> Output {
    let host = o.args[0].as_str();
    let ports = match ports(&o.args[1..], o.udp) {
        Ok(p) => p,
        Err(e) => return e,
    };
    let (dst, shown) = match host.parse::<Ipv4Addr>() {
        Ok(ip) => (ip, host.to_string()),
        Err(_) if host == "localhost" && !o.numeric => {
            (Ipv4Addr::LOCALHOST, "localhost (127.0.0.1)".to_string())
        }
        Err(_) => {
            let why = if o.numeric {
                "Name or service not known"
            } else {
                "Temporary failure in name resolution"
            };
            return fail(&format!(
                "getaddrinfo for host \"{host}\" port {}: {why}",
                o.args[1]
            ));
        }
    };
    let proto = if o.udp { "udp" } else { "tcp" };
    let mut out = Output::ok();
    let mut ret = 1;
    for port in ports {
        let r = if o.udp {
            udp_probe(sim, ns, dst, port, o.wait)
        } else {
            tcp_probe(sim, ns, dst, port, o.wait)
        };
        if let Some(e) = sim.engine.overflow.clone() {
            out.err(e);
            return out.with_status(1);
        }
        match r {
            Probe::Ok => {
                ret = 0;
                if o.verbose {
                    let svc = if o.numeric { None } else { services::name(port, !o.udp) };
                    out.err(format!("Connection to {shown} {port} port [{proto}/{}] succeeded!\n", svc.unwrap_or("*")));
                }
            }
            Probe::Silent => ret = 1,
            Probe::Failed(why) if o.verbose => out.err(format!("nc: connect to {host} port {port} ({proto}) failed: {why}\n")),
            Probe::TimedOut if o.verbose => {
                out.err(format!("nc: connect to {host} port {port} ({proto}) timed out: Operation now in progress\n"))
            }
            Probe::Failed(_) | Probe::TimedOut => {}
        }
    }
    out.with_status(ret)
}

/// The errno an ICMP error gives a socket: (text, whether a UDP socket takes it as a hard error).
fn icmp_errno(typ: u8, code: u8) -> Option<(&'static str, bool)> {
    match (typ, code) {
        (wire::ICMP_DEST_UNREACH, c) => Some(match c {
            // icmp_err_convert: net and host unreachable are soft errors (routes change).
            6 | 9 => ("Network is unreachable", true),
            0 | 11 => ("Network is unreachable", false),
            10 | 13 | 14 | 15 => ("No route to host", true),
            1 | 12 => ("No route to host", false),
            2 => ("Protocol not available", true),
            3 => ("Connection refused", true),
            4 => ("Message too long", false),
            5 => ("Operation not supported", false),
            7 => ("Host is down", true),
            8 => ("Machine is not on the network", true),
            _ => return None,
        }),
        (wire::ICMP_TIME_EXCEEDED, _) => Some(("No route to host", false)),
        _ => None,
    }
}

/// The first ICMP error waiting in a probe's inbox, consumed.
fn take_error(sim: &mut Sim, ns: NetnsId, id: u16) -> Option<(&'static str, bool)> {
    let inbox = sim.world.ns_mut(ns).sockets.inbox(id)?;
    while !inbox.packets.is_empty() {
        let (_, p) = inbox.packets.remove(0);
        if let L4::Icmp(i) = &p.l4 {
            if let Some(e) = icmp_errno(i.typ, i.code) {
                return Some(e);
            }
        }
    }
    None
}

/// A free ephemeral port of the namespace.
fn ephemeral(sim: &mut Sim, ns: NetnsId) -> u16 {
    let s = &mut sim.world.ns_mut(ns).sockets;
    let mut p = s.ephemeral();
    for _ in 0..28232 {
        if !s.port_used(p) {
            break;
        }
        p = s.ephemeral();
    }
    p
}

fn close_socket(sim: &mut Sim, ns: NetnsId, local: (Ipv4Addr, u16), remote: (Ipv4Addr, u16)) {
    let s = &mut sim.world.ns_mut(ns).sockets;
    s.inboxes.retain(|i| i.id != local.1);
    s.tcp.retain(|c| (c.local, c.remote) != (local, remote));
}

fn conn(
    sim: &Sim,
    ns: NetnsId,
    local: (Ipv4Addr, u16),
    remote: (Ipv4Addr, u16),
) -> Option<&TcpConn> {
    sim.world
        .ns(ns)
        .sockets
        .tcp
        .iter()
        .find(|c| (c.local, c.remote) == (local, remote))
}

fn tcp_probe(sim: &mut Sim, ns: NetnsId, dst: Ipv4Addr, port: u16, wait: Option<u64>) -> Probe {
    let rt = match engine::route_output(&sim.world, ns, dst) {
        Ok(r) => r,
        Err(e) => return Probe::Failed(e.strerror()),
    };
    let sport = ephemeral(sim, ns);
    let local = (rt.src, sport);
    let remote = (dst, port);
    let iss = sim.world.random_u32();
    {
        let now = sim.world.now;
        let s = &mut sim.world.ns_mut(ns).sockets;
        s.expire(now);
        s.inboxes.push(Inbox {
            id: sport,
            packets: Vec::new(),
        });
        s.tcp.push(TcpConn {
            local,
            remote,
            state: TcpState::SynSent,
            snd_nxt: iss.wrapping_add(1),
            rcv_nxt: 0,
            reset: false,
        });
    }
    let syn = TcpFlags {
        syn: true,
        ..Default::default()
    };
    let start = sim.world.now;
    engine::send_tcp(sim, ns, local, remote, iss, 0, syn);
    let deadline = wait.filter(|w| *w > 0).map(|w| start + w * SEC);
    let mut retx = SYN_RETX.iter().map(|d| start + d).peekable();
    let result = loop {
        let now = sim.world.now;
        engine::run_until(sim, now.saturating_add(SLICE));
        if sim.engine.overflow.is_some() || engine::time_limit_reached(sim) {
            break Probe::Failed("Connection timed out");
        }
        match conn(sim, ns, local, remote) {
            Some(c) if c.reset => break Probe::Failed("Connection refused"),
            Some(c) if c.state == TcpState::Established => break Probe::Ok,
            Some(_) => {}
            None => break Probe::Failed("Connection refused"),
        }
        if let Some((why, _)) = take_error(sim, ns, sport) {
            break Probe::Failed(why);
        }
        let now = sim.world.now;
        if deadline.is_some_and(|d| now >= d) {
            break Probe::TimedOut;
        }
        if now >= start + SYN_GIVE_UP {
            break Probe::Failed("Connection timed out");
        }
        if retx.peek().is_some_and(|t| now >= *t) {
            retx.next();
            engine::send_tcp(sim, ns, local, remote, iss, 0, syn);
        }
    };
    if !matches!(result, Probe::Ok) {
        close_socket(sim, ns, local, remote);
        return result;
    }
    // netcat closes at once: FIN, the server's FIN, our last ACK; then TIME-WAIT.
    let (snd, rcv) = match conn(sim, ns, local, remote) {
        Some(c) => (c.snd_nxt, c.rcv_nxt),
        None => return result,
    };
    if let Some(c) = sim
        .world
        .ns_mut(ns)
        .sockets
        .tcp
        .iter_mut()
        .find(|c| (c.local, c.remote) == (local, remote))
    {
        c.state = TcpState::FinWait;
        c.snd_nxt = snd.wrapping_add(1);
    }
    engine::send_tcp(
        sim,
        ns,
        local,
        remote,
        snd,
        rcv,
        TcpFlags {
            fin: true,
            ack: true,
            ..Default::default()
        },
    );
    for _ in 0..50 {
        let now = sim.world.now;
        engine::run_until(sim, now.saturating_add(SLICE));
        if conn(sim, ns, local, remote).is_none_or(|c| c.state == TcpState::Closed) {
            break;
        }
    }
    let closed =
        conn(sim, ns, local, remote).is_some_and(|c| c.state == TcpState::Closed && !c.reset);
    close_socket(sim, ns, local, remote);
    if closed {
        let until = sim.world.now.saturating_add(TIME_WAIT_LEN);
        sim.world.ns_mut(ns).sockets.time_wait.push(TimeWait {
            local,
            remote,
            until,
        });
    }
    result
}

fn send_x(sim: &mut Sim, ns: NetnsId, src: Ipv4Addr, sport: u16, dst: Ipv4Addr, port: u16) {
    let pkt = Ipv4 {
        src,
        dst,
        ttl: 64,
        id: 0,
        tos: 0,
        l4: L4::Udp(Udp {
            sport,
            dport: port,
            payload: b"X".to_vec(),
        }),
    };
    let _ = engine::ip_output(sim, ns, pkt, None);
}

/// A write on the connected UDP socket: a pending hard error fails it (and is consumed);
/// `Err(true)` when that error was ECONNREFUSED.
fn udp_write(
    sim: &mut Sim,
    ns: NetnsId,
    src: Ipv4Addr,
    sport: u16,
    dst: Ipv4Addr,
    port: u16,
) -> Result<(), bool> {
    loop {
        match take_error(sim, ns, sport) {
            Some((why, true)) => return Err(why == "Connection refused"),
            Some((_, false)) => continue,
            None => break,
        }
    }
    send_x(sim, ns, src, sport, dst, port);
    Ok(())
}

fn udp_probe(sim: &mut Sim, ns: NetnsId, dst: Ipv4Addr, port: u16, wait: Option<u64>) -> Probe {
    let rt = match engine::route_output(&sim.world, ns, dst) {
        Ok(r) => r,
        Err(e) => return Probe::Failed(e.strerror()),
    };
    let sport = ephemeral(sim, ns);
    sim.world.ns_mut(ns).sockets.inboxes.push(Inbox {
        id: sport,
        packets: Vec::new(),
    });
    let src = rt.src;
    // udptest: write, write (failing on ECONNREFUSED), then one write a second.
    send_x(sim, ns, src, sport, dst, port);
    let now = sim.world.now;
    engine::run_until(sim, now.saturating_add(SLICE));
    let mut result = Probe::Ok;
    if udp_write(sim, ns, src, sport, dst, port) == Err(true) {
        result = Probe::Silent;
    } else {
        for _ in 0..wait.unwrap_or(UDP_SCAN_TIMEOUT) {
            let now = sim.world.now;
            engine::run_until(sim, now.saturating_add(SEC));
            if udp_write(sim, ns, src, sport, dst, port) == Err(true) {
                result = Probe::Silent;
                break;
            }
        }
        let now = sim.world.now;
        engine::run_until(sim, now.saturating_add(SLICE));
    }
    sim.world
        .ns_mut(ns)
        .sockets
        .inboxes
        .retain(|i| i.id != sport);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn port_lists_and_ranges() {
        let a = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            ports(&a(&["10-8", "80"]), false).ok(),
            Some(vec![8, 9, 10, 80])
        );
        assert_eq!(ports(&a(&["http"]), false).ok(), Some(vec![80]));
        assert_eq!(
            ports(&a(&["0"]), false).unwrap_err().combined(),
            "nc: port number too small: 0\n"
        );
        assert_eq!(
            ports(&a(&["70000"]), false).unwrap_err().combined(),
            "nc: port number too large: 70000\n"
        );
    }

    #[test]
    fn foreground_listen_is_refused_by_name() {
        let mut sim = Sim::new(Default::default());
        let o = sim.run_line("nc -l -p 80");
        assert_eq!(o.status, 127);
        assert!(o.combined().contains("`nc -l` in the foreground"));
    }
}

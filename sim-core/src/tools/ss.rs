//! `ss` from iproute2 6.1 for TCP and UDP sockets: `-t`, `-u`, `-l`, `-a`, `-n` and their
//! combinations, in ss's column layout (widths from the widest cell, no screen padding
//! when the output is not a terminal, which it never is in a transcript).
//!
//! Order: UDP before TCP (ss dumps them so); within one protocol netsim lists sockets in
//! creation order, where the kernel walks its hash tables.

use std::net::Ipv4Addr;

use crate::engine::sockets::{Proto, TcpState};
use crate::shell::{Output, Sim};
use crate::tools::iptables::services;
use crate::tools::Ctx;

#[derive(Debug, Default)]
struct Opts {
    tcp: bool,
    udp: bool,
    listening: bool,
    all: bool,
    numeric: bool,
}

fn parse(args: &[&str]) -> Result<Opts, Output> {
    let mut o = Opts::default();
    for a in args {
        let long = match *a {
            "--tcp" => Some('t'),
            "--udp" => Some('u'),
            "--listening" => Some('l'),
            "--all" => Some('a'),
            "--numeric" => Some('n'),
            _ => None,
        };
        let chars: Vec<char> = match long {
            Some(c) => vec![c],
            None if a.starts_with('-') && !a.starts_with("--") && a.len() > 1 => {
                a[1..].chars().collect()
            }
            None => {
                return Err(crate::tools::unsupported(
                    "ss",
                    &format!("argument `{a}` (filters and options beyond -t -u -l -a -n)"),
                ))
            }
        };
        for c in chars {
            match c {
                't' => o.tcp = true,
                'u' => o.udp = true,
                'l' => o.listening = true,
                'a' => o.all = true,
                'n' => o.numeric = true,
                '4' => {}
                c => return Err(crate::tools::unsupported("ss", &format!("option `-{c}`"))),
            }
        }
    }
    if !o.tcp && !o.udp {
        // Without -t/-u ss lists every socket family (netlink, unix, ...), not modelled.
        return Err(crate::tools::unsupported("ss", "listing without -t or -u"));
    }
    Ok(o)
}

/// One socket line's cells.
struct Row {
    netid: &'static str,
    state: &'static str,
    recv_q: u32,
    send_q: u32,
    local: String,
    lport: String,
    peer: String,
    pport: String,
}

fn addr(a: Option<Ipv4Addr>) -> String {
    format!("{}:", a.unwrap_or(Ipv4Addr::UNSPECIFIED))
}

fn port(p: u16, tcp: bool, numeric: bool) -> String {
    match services::name(p, tcp) {
        Some(n) if !numeric => n.to_string(),
        _ => p.to_string(),
    }
}

/// Entry point of `ss`.
pub fn run(sim: &mut Sim, ctx: Ctx, args: &[&str]) -> Output {
    let o = match parse(args) {
        Ok(o) => o,
        Err(e) => return e,
    };
    let now = sim.world.now;
    let socks = &mut sim.world.ns_mut(ctx.ns).sockets;
    socks.expire(now);
    let show_listen = o.listening || o.all;
    let show_conn = !o.listening || o.all;
    let mut rows = Vec::new();
    for proto in [Proto::Udp, Proto::Tcp] {
        let wanted = match proto {
            Proto::Udp => o.udp,
            Proto::Tcp => o.tcp,
        };
        if !wanted {
            continue;
        }
        let tcp = proto == Proto::Tcp;
        let netid = if tcp { "tcp" } else { "udp" };
        for l in socks
            .listeners
            .iter()
            .filter(|l| l.proto == proto && l.alive())
        {
            let connected = if tcp { None } else { socks.udp_peer(l.port) };
            match connected {
                Some((la, (pa, pp))) if show_conn => rows.push(Row {
                    netid,
                    state: "ESTAB",
                    recv_q: 0,
                    send_q: 0,
                    local: addr(Some(la)),
                    lport: port(l.port, tcp, o.numeric),
                    peer: addr(Some(pa)),
                    pport: port(pp, tcp, o.numeric),
                }),
                None if show_listen => rows.push(Row {
                    netid,
                    state: if tcp { "LISTEN" } else { "UNCONN" },
                    recv_q: 0,
                    // netcat listens with a backlog of 1.
                    send_q: u32::from(tcp),
                    local: addr(l.addr),
                    lport: port(l.port, tcp, o.numeric),
                    peer: addr(None),
                    pport: "*".into(),
                }),
                _ => {}
            }
        }
        if tcp && show_conn {
            for c in socks.tcp.iter() {
                let state = match c.state {
                    TcpState::SynSent => "SYN-SENT",
                    // ss's default filter (without -a) hides SYN-RECV and TIME-WAIT.
                    TcpState::SynRecv if o.all => "SYN-RECV",
                    TcpState::SynRecv => continue,
                    TcpState::Established => "ESTAB",
                    TcpState::FinWait => "LAST-ACK",
                    TcpState::Closed => continue,
                };
                rows.push(Row {
                    netid,
                    state,
                    recv_q: 0,
                    send_q: 0,
                    local: addr(Some(c.local.0)),
                    lport: port(c.local.1, tcp, o.numeric),
                    peer: addr(Some(c.remote.0)),
                    pport: port(c.remote.1, tcp, o.numeric),
                });
            }
            // The kernel lists TIME-WAIT sockets newest first within a hash walk; netsim
            // lists them newest first too.
            for t in socks.time_wait.iter().rev().filter(|_| o.all) {
                rows.push(Row {
                    netid,
                    state: "TIME-WAIT",
                    recv_q: 0,
                    send_q: 0,
                    local: addr(Some(t.local.0)),
                    lport: port(t.local.1, tcp, o.numeric),
                    peer: addr(Some(t.remote.0)),
                    pport: port(t.remote.1, tcp, o.numeric),
                });
            }
        }
    }
    Output::text(render(&rows, o.tcp && o.udp))
}

/// Lay the table out as ss's `render_calc_width` does without a terminal.
fn render(rows: &[Row], netid: bool) -> String {
    let w = |head: &str, f: &dyn Fn(&Row) -> usize| {
        rows.iter().map(f).max().unwrap_or(0).max(head.len())
    };
    let w_netid = w("Netid", &|r| r.netid.len());
    let w_state = w("State", &|r| r.state.len());
    let w_rq = w("Recv-Q", &|r| r.recv_q.to_string().len());
    let w_sq = w("Send-Q", &|r| r.send_q.to_string().len());
    let w_local = w("Local Address:", &|r| r.local.len());
    let w_lport = w("Port", &|r| r.lport.len());
    let w_peer = w("Peer Address:", &|r| r.peer.len());
    let w_pport = w("Port", &|r| r.pport.len());
    let line = |nid: &str,
                st: &str,
                rq: &str,
                sq: &str,
                la: &str,
                lp: &str,
                pa: &str,
                pp: &str,
                pr: &str| {
        let mut s = String::new();
        if netid {
            s.push_str(&format!("{nid:<w_netid$} "));
        }
        s.push_str(&format!(
            "{st:<w_state$} {rq:<w_rq$} {sq:<w_sq$} {la:>w_local$}{lp:<w_lport$} {pa:>w_peer$}{pp:<w_pport$}{pr:<7}\n"
        ));
        s
    };
    let mut out = line(
        "Netid",
        "State",
        "Recv-Q",
        "Send-Q",
        "Local Address:",
        "Port",
        "Peer Address:",
        "Port",
        "Process",
    );
    for r in rows {
        out.push_str(&line(
            r.netid,
            r.state,
            &r.recv_q.to_string(),
            &r.send_q.to_string(),
            &r.local,
            &r.lport,
            &r.peer,
            &r.pport,
            "",
        ));
    }
    out
}

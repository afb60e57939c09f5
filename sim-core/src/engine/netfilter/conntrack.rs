//! Connection tracking: tuples, the TCP state machine, timeouts on the virtual clock and
//! the NAT binding each connection carries, as `nf_conntrack` keeps them.

use std::collections::BTreeMap;
use std::net::Ipv4Addr;

use crate::model::Nanos;
use crate::wire::{Ipv4, L4};

const SEC: Nanos = 1_000_000_000;

/// A conntrack tuple: TCP/UDP ports, or ICMP (id, type) with code in `code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Tuple {
    pub proto: u8,
    pub src: Ipv4Addr,
    pub dst: Ipv4Addr,
    /// Source port, or ICMP id.
    pub sport: u16,
    /// Destination port, or ICMP type.
    pub dport: u16,
    /// ICMP code (0 otherwise).
    pub code: u8,
}

impl Tuple {
    /// The tuple of a packet, if conntrack can track its protocol (ICMP: echo only).
    pub fn of(p: &Ipv4) -> Option<Tuple> {
        let (sport, dport, code) = match &p.l4 {
            L4::Tcp(t) => (t.sport, t.dport, 0),
            L4::Udp(u) => (u.sport, u.dport, 0),
            L4::Icmp(i) if matches!(i.typ, 0 | 8 | 13 | 14 | 17 | 18) => {
                (i.id(), u16::from(i.typ), i.code)
            }
            L4::Icmp(_) => return None,
            L4::Other { .. } => (0, 0, 0),
        };
        Some(Tuple {
            proto: p.proto(),
            src: p.src,
            dst: p.dst,
            sport,
            dport,
            code,
        })
    }
    /// The tuple a reply would carry.
    pub fn invert(&self) -> Tuple {
        if self.proto == 1 {
            let t = match self.dport {
                8 => 0,
                0 => 8,
                13 => 14,
                14 => 13,
                17 => 18,
                18 => 17,
                x => x,
            };
            return Tuple {
                src: self.dst,
                dst: self.src,
                dport: t,
                ..*self
            };
        }
        Tuple {
            proto: self.proto,
            src: self.dst,
            dst: self.src,
            sport: self.dport,
            dport: self.sport,
            code: 0,
        }
    }
}

/// TCP conntrack states, as `conntrack -L` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TcpState {
    SynSent,
    SynRecv,
    Established,
    FinWait,
    CloseWait,
    LastAck,
    TimeWait,
    Close,
}

impl TcpState {
    pub fn name(self) -> &'static str {
        match self {
            TcpState::SynSent => "SYN_SENT",
            TcpState::SynRecv => "SYN_RECV",
            TcpState::Established => "ESTABLISHED",
            TcpState::FinWait => "FIN_WAIT",
            TcpState::CloseWait => "CLOSE_WAIT",
            TcpState::LastAck => "LAST_ACK",
            TcpState::TimeWait => "TIME_WAIT",
            TcpState::Close => "CLOSE",
        }
    }
    /// nf_conntrack_tcp_timeout_* defaults.
    fn timeout(self) -> Nanos {
        SEC * match self {
            TcpState::SynSent => 120,
            TcpState::SynRecv => 60,
            TcpState::Established => 432_000,
            TcpState::FinWait => 120,
            TcpState::CloseWait => 60,
            TcpState::LastAck => 30,
            TcpState::TimeWait => 120,
            TcpState::Close => 10,
        }
    }
}

/// A tracked connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conn {
    pub id: u64,
    pub orig: Tuple,
    pub reply: Tuple,
    pub tcp: Option<TcpState>,
    pub seen_reply: bool,
    pub assured: bool,
    /// In the table (passed the last hook); unconfirmed entries are invisible.
    pub confirmed: bool,
    pub created: Nanos,
    pub expires: Nanos,
    pub mark: u32,
    /// NAT decided for the destination (PREROUTING/OUTPUT) and source (POSTROUTING/INPUT).
    pub dst_nat_done: bool,
    pub src_nat_done: bool,
    pub snat: bool,
    pub dnat: bool,
}

/// The direction of a packet relative to its connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Orig,
    Reply,
}

/// The conntrack table of a namespace.
#[derive(Debug, Clone, Default)]
pub struct Conntrack {
    /// By id (creation order), which is also the listing order.
    pub conns: BTreeMap<u64, Conn>,
    by_tuple: BTreeMap<Tuple, (u64, Dir)>,
    next_id: u64,
}

impl Conntrack {
    pub fn is_empty(&self) -> bool {
        self.conns.is_empty()
    }
    /// Drop entries whose timeout passed.
    pub fn expire(&mut self, now: Nanos) {
        if !self.conns.values().any(|c| c.expires <= now) {
            return;
        }
        let dead: Vec<u64> = self
            .conns
            .values()
            .filter(|c| c.expires <= now)
            .map(|c| c.id)
            .collect();
        for id in dead {
            self.remove(id);
        }
    }
    pub fn remove(&mut self, id: u64) -> Option<Conn> {
        let c = self.conns.remove(&id)?;
        if self.by_tuple.get(&c.orig).map(|x| x.0) == Some(id) {
            self.by_tuple.remove(&c.orig);
        }
        if self.by_tuple.get(&c.reply).map(|x| x.0) == Some(id) {
            self.by_tuple.remove(&c.reply);
        }
        Some(c)
    }
    pub fn clear(&mut self) {
        self.conns.clear();
        self.by_tuple.clear();
    }
    pub fn lookup(&self, t: &Tuple) -> Option<(u64, Dir)> {
        self.by_tuple.get(t).copied()
    }
    /// Whether a tuple is taken by another connection (NAT clash test).
    pub fn tuple_taken(&self, t: &Tuple, except: u64) -> bool {
        self.by_tuple.get(t).is_some_and(|(id, _)| *id != except)
    }
    /// Create an unconfirmed connection for a new packet.
    pub fn create(&mut self, orig: Tuple, tcp: Option<TcpState>, now: Nanos) -> u64 {
        self.next_id += 1;
        let id = self.next_id;
        let reply = orig.invert();
        let timeout = match tcp {
            Some(s) => s.timeout(),
            None => 30 * SEC,
        };
        let c = Conn {
            id,
            orig,
            reply,
            tcp,
            seen_reply: false,
            assured: false,
            confirmed: false,
            created: now,
            expires: now + timeout,
            mark: 0,
            dst_nat_done: false,
            src_nat_done: false,
            snat: false,
            dnat: false,
        };
        self.by_tuple.insert(orig, (id, Dir::Orig));
        self.by_tuple.insert(reply, (id, Dir::Reply));
        self.conns.insert(id, c);
        id
    }
    /// Change the reply tuple of a connection (NAT), keeping the index in step.
    pub fn set_reply(&mut self, id: u64, reply: Tuple) {
        let Some(c) = self.conns.get_mut(&id) else {
            return;
        };
        if self.by_tuple.get(&c.reply).map(|x| x.0) == Some(id) {
            self.by_tuple.remove(&c.reply);
        }
        c.reply = reply;
        self.by_tuple.insert(reply, (id, Dir::Reply));
    }
    pub fn get(&self, id: u64) -> Option<&Conn> {
        self.conns.get(&id)
    }
    pub fn get_mut(&mut self, id: u64) -> Option<&mut Conn> {
        self.conns.get_mut(&id)
    }

    /// Account a packet of a known connection: state machine and timeout refresh.
    /// Returns false when the packet is INVALID for the connection.
    pub fn update(&mut self, id: u64, dir: Dir, p: &Ipv4, now: Nanos) -> bool {
        let Some(c) = self.conns.get_mut(&id) else {
            return false;
        };
        if dir == Dir::Reply {
            c.seen_reply = true;
        }
        match (&p.l4, c.tcp) {
            (L4::Tcp(t), Some(st)) => {
                let f = t.flags;
                let next = if f.rst {
                    TcpState::Close
                } else if f.syn && f.ack {
                    if dir == Dir::Reply && st == TcpState::SynSent {
                        TcpState::SynRecv
                    } else {
                        st
                    }
                } else if f.syn {
                    if matches!(st, TcpState::TimeWait | TcpState::Close) && dir == Dir::Orig {
                        TcpState::SynSent
                    } else {
                        st
                    }
                } else if f.fin {
                    match st {
                        TcpState::Established | TcpState::SynRecv => TcpState::FinWait,
                        TcpState::FinWait | TcpState::CloseWait => TcpState::LastAck,
                        s => s,
                    }
                } else if f.ack {
                    match st {
                        TcpState::SynRecv if dir == Dir::Orig => {
                            c.assured = true;
                            TcpState::Established
                        }
                        TcpState::LastAck => TcpState::TimeWait,
                        TcpState::FinWait => TcpState::CloseWait,
                        s => s,
                    }
                } else {
                    st
                };
                // CLOSE_WAIT followed by the other side's FIN goes to LAST_ACK above;
                // a final ACK of LAST_ACK lands in TIME_WAIT.
                c.tcp = Some(next);
                c.expires = now + next.timeout();
            }
            (L4::Udp(_), _) => {
                if c.seen_reply {
                    if now >= c.created + 2 * SEC {
                        c.assured = true;
                        c.expires = now + 120 * SEC;
                    } else {
                        c.expires = now + 30 * SEC;
                    }
                } else {
                    c.expires = now + 30 * SEC;
                }
            }
            _ => c.expires = now + 30 * SEC,
        }
        true
    }
}

/// The source-port class the kernel keeps on remap: 1-511, 600-1023, 1024-65535.
pub fn port_class(p: u16) -> (u16, u16) {
    if p < 512 {
        (1, 511)
    } else if p < 1024 {
        (600, 1023)
    } else {
        (1024, 65535)
    }
}

/// One `conntrack -L` line (without the newline).
pub fn format_conn(c: &Conn, now: Nanos) -> String {
    let name = match c.orig.proto {
        6 => "tcp",
        17 => "udp",
        1 => "icmp",
        _ => "unknown",
    };
    let left = c.expires.saturating_sub(now).saturating_sub(1) / SEC;
    let mut s = format!("{name:<8} {} {left} ", c.orig.proto);
    if let Some(st) = c.tcp {
        s.push_str(st.name());
        s.push(' ');
    }
    let tuple = |s: &mut String, t: &Tuple| {
        s.push_str(&format!("src={} dst={} ", t.src, t.dst));
        match t.proto {
            1 => s.push_str(&format!("type={} code={} id={} ", t.dport, t.code, t.sport)),
            6 | 17 => s.push_str(&format!("sport={} dport={} ", t.sport, t.dport)),
            _ => {}
        }
    };
    tuple(&mut s, &c.orig);
    if !c.seen_reply {
        s.push_str("[UNREPLIED] ");
    }
    tuple(&mut s, &c.reply);
    if c.assured {
        s.push_str("[ASSURED] ");
    }
    s.push_str(&format!("mark={} use=1", c.mark));
    s
}

//! Sockets: listeners opened by `nc -l`, TCP connections, and the inboxes of pings and
//! probes. The engine delivers into them; the tools read from them.

use std::net::Ipv4Addr;

use crate::model::Nanos;
use crate::wire::Ipv4;

/// Transport protocol of a socket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Proto {
    Tcp,
    Udp,
}

/// A listening (TCP) or bound (UDP) socket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listener {
    pub proto: Proto,
    pub addr: Option<Ipv4Addr>,
    pub port: u16,
    /// `nc -k`: keep listening after the first connection.
    pub keep: bool,
    /// Connections accepted so far (TCP) or datagrams received (UDP).
    pub accepted: u32,
}

impl Listener {
    /// Whether the socket still exists: netcat without `-k` closes its TCP listener once it
    /// has accepted a connection.
    pub fn alive(&self) -> bool {
        self.keep || self.proto == Proto::Udp || self.accepted == 0
    }
}

/// A socket in TIME-WAIT after an active close (`ss -ta` lists it for 60 s).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeWait {
    pub local: (Ipv4Addr, u16),
    pub remote: (Ipv4Addr, u16),
    pub until: Nanos,
}

/// `TCP_TIMEWAIT_LEN`: 60 s.
pub const TIME_WAIT_LEN: Nanos = 60_000_000_000;

/// TCP connection state, as far as the model needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TcpState {
    SynSent,
    SynRecv,
    Established,
    FinWait,
    Closed,
}

/// One end of a TCP connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TcpConn {
    pub local: (Ipv4Addr, u16),
    pub remote: (Ipv4Addr, u16),
    pub state: TcpState,
    pub snd_nxt: u32,
    pub rcv_nxt: u32,
    /// Set when the connection was refused (RST) or reset.
    pub reset: bool,
}

/// A ping or probe socket: what arrived for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inbox {
    pub id: u16,
    pub packets: Vec<(Nanos, Ipv4)>,
}

/// The sockets of one namespace.
#[derive(Debug, Clone, Default)]
pub struct Sockets {
    pub listeners: Vec<Listener>,
    pub tcp: Vec<TcpConn>,
    pub inboxes: Vec<Inbox>,
    /// ICMP error rate limit per destination (`inet_peer_xrlim_allow`): tokens and last time.
    pub icmp_rate: std::collections::BTreeMap<Ipv4Addr, (Nanos, Nanos)>,
    pub time_wait: Vec<TimeWait>,
    /// UDP sockets without `-k`, by local port: netcat connects to its first sender and
    /// hears only it from then on (local address, peer).
    pub udp_peers: Vec<(u16, Ipv4Addr, (Ipv4Addr, u16))>,
    next_port: u16,
}

impl Sockets {
    /// An ephemeral port from `ip_local_port_range` (32768-60999), in order.
    pub fn ephemeral(&mut self) -> u16 {
        if self.next_port < 32768 || self.next_port > 60999 {
            self.next_port = 32768;
        }
        let p = self.next_port;
        self.next_port += 1;
        p
    }
    pub fn listener(&self, proto: Proto, dst: Ipv4Addr, port: u16) -> Option<usize> {
        self.listeners.iter().position(|l| {
            l.alive() && l.proto == proto && l.port == port && l.addr.is_none_or(|a| a == dst)
        })
    }
    /// A datagram from `src` reaches a UDP socket bound to `dst:port`: whether one takes it.
    /// A netcat socket without `-k` connects to its first sender and hears only it after.
    pub fn udp_deliver(&mut self, dst: Ipv4Addr, port: u16, src: (Ipv4Addr, u16)) -> bool {
        let found = self.listeners.iter().position(|l| {
            l.proto == Proto::Udp && l.port == port && l.addr.is_none_or(|a| a == dst)
        });
        let Some(i) = found else { return false };
        let connected = self.udp_peer(port);
        if connected.is_some_and(|(a, p)| a != dst || p != src) {
            return false;
        }
        let l = &mut self.listeners[i];
        l.accepted += 1;
        if !l.keep && connected.is_none() {
            self.udp_peers.push((port, dst, src));
        }
        true
    }
    /// The (local address, peer) a UDP socket on `port` is connected to.
    pub fn udp_peer(&self, port: u16) -> Option<(Ipv4Addr, (Ipv4Addr, u16))> {
        self.udp_peers
            .iter()
            .find(|(p, _, _)| *p == port)
            .map(|(_, a, r)| (*a, *r))
    }
    /// Drop TIME-WAIT sockets whose time is up.
    pub fn expire(&mut self, now: Nanos) {
        self.time_wait.retain(|t| t.until > now);
    }
    /// Whether a local port is in use by any socket (an ephemeral port must not be).
    pub fn port_used(&self, port: u16) -> bool {
        self.listeners.iter().any(|l| l.port == port)
            || self.tcp.iter().any(|c| c.local.1 == port)
            || self.time_wait.iter().any(|t| t.local.1 == port)
            || self.inboxes.iter().any(|i| i.id == port)
    }
    pub fn inbox(&mut self, id: u16) -> Option<&mut Inbox> {
        self.inboxes.iter_mut().find(|i| i.id == id)
    }
}

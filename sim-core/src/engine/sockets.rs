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
    /// Connections accepted so far.
    pub accepted: u32,
}

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
        self.listeners.iter().position(|l| l.proto == proto && l.port == port && l.addr.map_or(true, |a| a == dst))
    }
    pub fn inbox(&mut self, id: u16) -> Option<&mut Inbox> {
        self.inboxes.iter_mut().find(|i| i.id == id)
    }
}

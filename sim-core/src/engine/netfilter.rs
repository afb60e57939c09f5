//! Netfilter: iptables tables and chains, connection tracking and NAT, and the hooks the
//! engine calls at the five points of the IPv4 path.
//!
//! Architecture invariant: the engine calls [`Netfilter::hook`] with a packet and a context
//! it has filled in; netfilter never looks at devices or routes itself, and never sends
//! frames: it rewrites the packet (NAT) and returns a verdict.

use std::net::Ipv4Addr;

use crate::model::Nanos;
use crate::wire::{Ipv4, Mac};

/// The five IPv4 hooks, in the kernel's names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Hook {
    PreRouting,
    LocalIn,
    Forward,
    LocalOut,
    PostRouting,
}

/// Link-layer packet type (`-m pkttype`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PktType {
    Unicast,
    Broadcast,
    Multicast,
}

/// Everything netfilter may need to know about a packet's surroundings.
#[derive(Debug, Clone)]
pub struct HookCtx {
    pub hook: Hook,
    /// `-i`: the input device (for bridged traffic, the bridge).
    pub in_dev: Option<String>,
    /// `-o`: the output device (for bridged traffic, the bridge).
    pub out_dev: Option<String>,
    /// `-m physdev`: the bridge ports, for bridged traffic only.
    pub physdev_in: Option<String>,
    pub physdev_out: Option<String>,
    /// The packet is being bridged (br_netfilter), not routed.
    pub bridged: bool,
    pub src_mac: Option<Mac>,
    pub pkt_type: PktType,
    pub now: Nanos,
    /// Addresses of this namespace (`-m addrtype --dst-type LOCAL`).
    pub local_addrs: Vec<Ipv4Addr>,
    /// Broadcast addresses of this namespace (`--dst-type BROADCAST`).
    pub broadcast_addrs: Vec<Ipv4Addr>,
    /// For POSTROUTING: the address MASQUERADE would use on the output device.
    pub masq_src: Option<Ipv4Addr>,
}

/// What netfilter decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Accept,
    Drop,
    /// Drop and answer with an ICMP error (type, code) or a TCP RST.
    Reject(RejectWith),
}

/// `--reject-with`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RejectWith {
    Icmp { typ: u8, code: u8 },
    TcpReset,
}

/// The netfilter state of one namespace.
#[derive(Debug, Clone, Default)]
pub struct Netfilter {}

impl Netfilter {
    /// Run the packet through every table registered at `ctx.hook`, in priority order,
    /// with conntrack and NAT. May rewrite the packet. Appends readable steps to `trace`.
    pub fn hook(&mut self, _ctx: &HookCtx, _pkt: &mut Ipv4, _trace: &mut Vec<String>) -> Verdict {
        Verdict::Accept
    }

    /// Whether any rule or conntrack state exists (lets the engine skip building contexts).
    pub fn is_active(&self) -> bool {
        false
    }
}

//! A network namespace: its devices by ifindex, its routes, neighbours and sysctls.

use std::collections::BTreeMap;

use super::route::{Neigh, Route};
use super::{DeviceId, NetnsId};
use crate::engine::netfilter::Netfilter;
use crate::engine::sockets::Sockets;

/// One namespace of the simulated host.
#[derive(Debug, Clone)]
pub struct Netns {
    /// The name under `/run/netns`, `None` for the init namespace.
    pub name: Option<String>,
    /// Creation order, for stable iteration.
    pub serial: u64,
    /// Devices by ifindex.
    pub devices: BTreeMap<u32, DeviceId>,
    /// Next ifindex to try (the kernel allocates cyclically from here).
    next_ifindex: u32,
    pub lo: DeviceId,
    /// The ids this namespace uses for other namespaces (nsid).
    pub nsids: BTreeMap<NetnsId, i32>,
    pub sysctl: Sysctls,
    /// Routes added by hand (`ip route add`); connected and local routes are derived.
    pub routes: Vec<Route>,
    pub neigh: Vec<Neigh>,
    pub nf: Netfilter,
    pub sockets: Sockets,
}

impl Netns {
    pub fn new(name: Option<String>) -> Netns {
        Netns {
            name,
            serial: 0,
            devices: BTreeMap::new(),
            next_ifindex: 1,
            lo: DeviceId::default(),
            nsids: BTreeMap::new(),
            sysctl: Sysctls::new_ns(),
            routes: Vec::new(),
            neigh: Vec::new(),
            nf: Netfilter::default(),
            sockets: Sockets::default(),
        }
    }

    /// The kernel's `dev_index_reserve(net, 0)`: the first free index from the cyclic cursor.
    pub fn alloc_ifindex(&mut self) -> u32 {
        let mut i = self.next_ifindex.max(1);
        while self.devices.contains_key(&i) {
            i += 1;
        }
        self.next_ifindex = i + 1;
        i
    }
}

/// The sysctl keys the model has, with Linux's per-namespace defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sysctls {
    pub values: BTreeMap<&'static str, String>,
}

/// Keys and their defaults in a new namespace (Linux 6.x).
const DEFAULTS: &[(&str, &str)] = &[
    ("net.bridge.bridge-nf-call-arptables", "1"),
    ("net.bridge.bridge-nf-call-ip6tables", "1"),
    ("net.bridge.bridge-nf-call-iptables", "1"),
    ("net.ipv4.conf.all.forwarding", "0"),
    ("net.ipv4.conf.default.forwarding", "0"),
    ("net.ipv4.icmp_echo_ignore_all", "0"),
    ("net.ipv4.icmp_echo_ignore_broadcasts", "1"),
    ("net.ipv4.ip_default_ttl", "64"),
    ("net.ipv4.ip_forward", "0"),
    ("net.ipv4.ip_local_port_range", "32768\t60999"),
    ("net.netfilter.nf_conntrack_tcp_timeout_established", "432000"),
    ("net.netfilter.nf_conntrack_udp_timeout", "30"),
    ("net.netfilter.nf_conntrack_udp_timeout_stream", "120"),
    ("net.netfilter.nf_conntrack_icmp_timeout", "30"),
];

impl Sysctls {
    pub fn new_ns() -> Sysctls {
        Sysctls { values: DEFAULTS.iter().map(|(k, v)| (*k, v.to_string())).collect() }
    }
    /// The init namespace of a fresh sandbox starts like any new namespace.
    pub fn init_ns() -> Sysctls {
        Sysctls::new_ns()
    }
    pub fn get(&self, key: &str) -> Option<&str> {
        self.values.get(key).map(|s| s.as_str())
    }
    pub fn flag(&self, key: &str) -> bool {
        self.get(key).map_or(false, |v| v.trim() != "0")
    }
    pub fn int(&self, key: &str) -> u64 {
        self.get(key).and_then(|v| v.trim().parse().ok()).unwrap_or(0)
    }
    /// Set a known key; `ip_forward` and `conf.all.forwarding` mirror each other.
    pub fn set(&mut self, key: &str, value: &str) -> bool {
        let Some((k, _)) = DEFAULTS.iter().find(|(k, _)| *k == key) else { return false };
        self.values.insert(k, value.to_string());
        match key {
            "net.ipv4.ip_forward" => {
                self.values.insert("net.ipv4.conf.all.forwarding", value.to_string());
            }
            "net.ipv4.conf.all.forwarding" => {
                self.values.insert("net.ipv4.ip_forward", value.to_string());
            }
            _ => {}
        }
        true
    }
    pub fn known(key: &str) -> bool {
        DEFAULTS.iter().any(|(k, _)| *k == key)
    }
}

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
    /// The values of `nsids`, and a lower bound of the lowest id not among them (so that
    /// allocating an nsid is O(log n), not a scan of every peer).
    pub(crate) nsid_used: std::collections::BTreeSet<i32>,
    pub(crate) nsid_free_from: i32,
    pub sysctl: Sysctls,
    /// Routes added by hand (`ip route add`); connected and local routes are derived.
    pub routes: Vec<Route>,
    pub neigh: Vec<Neigh>,
    /// The local FIB table exists once a first local route was made (the kernel creates
    /// it on demand and keeps it).
    pub local_fib: bool,
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
            nsid_used: Default::default(),
            nsid_free_from: 0,
            sysctl: Sysctls::new_ns(),
            routes: Vec::new(),
            neigh: Vec::new(),
            local_fib: false,
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

/// The sysctl keys the model has, with Linux's per-namespace defaults, and the per-device
/// `net.ipv4.conf.DEV.*` / `net.ipv6.conf.DEV.*` entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sysctls {
    pub values: BTreeMap<&'static str, String>,
    /// Per-device conf values, keyed by device.
    pub dev: BTreeMap<DeviceId, BTreeMap<&'static str, String>>,
}

/// How a key's value is checked on write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Int,
    Pair,
}

/// Keys and their defaults in a new namespace (Linux 6.x on this machine's kind).
const DEFAULTS: &[(&str, &str, Kind)] = &[
    ("net.bridge.bridge-nf-call-arptables", "1", Kind::Int),
    ("net.bridge.bridge-nf-call-ip6tables", "1", Kind::Int),
    ("net.bridge.bridge-nf-call-iptables", "1", Kind::Int),
    ("net.bridge.bridge-nf-filter-pppoe-tagged", "0", Kind::Int),
    ("net.bridge.bridge-nf-filter-vlan-tagged", "0", Kind::Int),
    ("net.bridge.bridge-nf-pass-vlan-input-dev", "0", Kind::Int),
    ("net.core.somaxconn", "4096", Kind::Int),
    ("net.ipv4.icmp_echo_ignore_all", "0", Kind::Int),
    ("net.ipv4.icmp_echo_ignore_broadcasts", "1", Kind::Int),
    ("net.ipv4.ip_default_ttl", "64", Kind::Int),
    ("net.ipv4.ip_forward", "0", Kind::Int),
    ("net.ipv4.ip_local_port_range", "32768\t60999", Kind::Pair),
    ("net.ipv4.ping_group_range", "1\t0", Kind::Pair),
    ("net.netfilter.nf_conntrack_icmp_timeout", "30", Kind::Int),
    // nf_conntrack_max scales with memory; this is the value on a 24 GiB machine.
    ("net.netfilter.nf_conntrack_max", "262144", Kind::Int),
    (
        "net.netfilter.nf_conntrack_tcp_timeout_established",
        "432000",
        Kind::Int,
    ),
    ("net.netfilter.nf_conntrack_udp_timeout", "30", Kind::Int),
    (
        "net.netfilter.nf_conntrack_udp_timeout_stream",
        "120",
        Kind::Int,
    ),
];

/// Per-interface conf entries (`net.ipv4.conf.X.KEY`), with their defaults.
const CONF4: &[(&str, &str)] = &[
    ("accept_local", "0"),
    ("arp_announce", "0"),
    ("arp_ignore", "0"),
    ("forwarding", "0"),
    ("proxy_arp", "0"),
    ("route_localnet", "0"),
    ("rp_filter", "0"),
];
const CONF6: &[(&str, &str)] = &[("disable_ipv6", "0"), ("forwarding", "0")];
/// How IPv6 per-device keys are stored beside the IPv4 ones.
const CONF6_STORED: &[(&str, &str)] = &[
    ("v6.disable_ipv6", "disable_ipv6"),
    ("v6.forwarding", "forwarding"),
];

/// A parsed sysctl key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key<'a> {
    /// A namespace-wide key.
    Global(&'static str),
    /// `net.ipvN.conf.{all,default}.KEY` (stored as a global key).
    Conf(&'static str),
    /// `net.ipvN.conf.DEV.KEY`.
    Dev {
        v6: bool,
        dev: &'a str,
        key: &'static str,
    },
}

fn intern(key: &str) -> Option<&'static str> {
    DEFAULTS.iter().map(|(k, _, _)| *k).find(|k| *k == key)
}

fn conf_keys(v6: bool) -> &'static [(&'static str, &'static str)] {
    if v6 {
        CONF6
    } else {
        CONF4
    }
}

/// Static names of `net.ipvN.conf.{all,default}.KEY`.
fn conf_global_names() -> Vec<(&'static str, &'static str)> {
    // (full key, default) — built once per call; the list is small.
    const NAMES: &[(&str, &str)] = &[
        ("net.ipv4.conf.all.accept_local", "0"),
        ("net.ipv4.conf.all.arp_announce", "0"),
        ("net.ipv4.conf.all.arp_ignore", "0"),
        ("net.ipv4.conf.all.forwarding", "0"),
        ("net.ipv4.conf.all.proxy_arp", "0"),
        ("net.ipv4.conf.all.route_localnet", "0"),
        ("net.ipv4.conf.all.rp_filter", "0"),
        ("net.ipv4.conf.default.accept_local", "0"),
        ("net.ipv4.conf.default.arp_announce", "0"),
        ("net.ipv4.conf.default.arp_ignore", "0"),
        ("net.ipv4.conf.default.forwarding", "0"),
        ("net.ipv4.conf.default.proxy_arp", "0"),
        ("net.ipv4.conf.default.route_localnet", "0"),
        ("net.ipv4.conf.default.rp_filter", "0"),
        ("net.ipv6.conf.all.disable_ipv6", "0"),
        ("net.ipv6.conf.all.forwarding", "0"),
        ("net.ipv6.conf.default.disable_ipv6", "0"),
        ("net.ipv6.conf.default.forwarding", "0"),
    ];
    NAMES.to_vec()
}

impl Sysctls {
    pub fn new_ns() -> Sysctls {
        let mut values: BTreeMap<&'static str, String> = DEFAULTS
            .iter()
            .map(|(k, v, _)| (*k, v.to_string()))
            .collect();
        for (k, v) in conf_global_names() {
            values.insert(k, v.to_string());
        }
        Sysctls {
            values,
            dev: BTreeMap::new(),
        }
    }
    /// The init namespace of a fresh sandbox starts like any new namespace.
    pub fn init_ns() -> Sysctls {
        Sysctls::new_ns()
    }
    pub fn get(&self, key: &str) -> Option<&str> {
        self.values.get(key).map(|s| s.as_str())
    }
    pub fn flag(&self, key: &str) -> bool {
        self.get(key).is_some_and(|v| v.trim() != "0")
    }
    pub fn int(&self, key: &str) -> u64 {
        self.get(key)
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0)
    }
    /// A device's conf value (`forwarding`, `rp_filter`, ...).
    pub fn dev_flag(&self, dev: DeviceId, key: &str) -> bool {
        self.dev
            .get(&dev)
            .and_then(|m| m.get(key))
            .is_some_and(|v| v.trim() != "0")
    }
    /// A device appears in this namespace: its conf starts from `default`.
    pub fn add_device(&mut self, dev: DeviceId) {
        let mut m = BTreeMap::new();
        for (k, _) in CONF4 {
            let v = self
                .values
                .get(format!("net.ipv4.conf.default.{k}").as_str())
                .cloned()
                .unwrap_or_default();
            m.insert(*k, v);
        }
        for (stored, k) in CONF6_STORED {
            let v = self
                .values
                .get(format!("net.ipv6.conf.default.{k}").as_str())
                .cloned()
                .unwrap_or_default();
            m.insert(*stored, v);
        }
        self.dev.insert(dev, m);
    }
    pub fn remove_device(&mut self, dev: DeviceId) {
        self.dev.remove(&dev);
    }

    /// Parse a key written with dots or slashes.
    pub fn parse_key<'a>(&self, key: &'a str) -> Option<Key<'a>> {
        if let Some(k) = intern(key) {
            return Some(Key::Global(k));
        }
        if let Some((k, _)) = conf_global_names().into_iter().find(|(k, _)| *k == key) {
            return Some(Key::Conf(k));
        }
        for (v6, prefix) in [(false, "net.ipv4.conf."), (true, "net.ipv6.conf.")] {
            if let Some(rest) = key.strip_prefix(prefix) {
                let (dev, k) = rest.rsplit_once('.')?;
                let key = conf_keys(v6).iter().map(|(k, _)| *k).find(|x| *x == k)?;
                return Some(Key::Dev { v6, dev, key });
            }
        }
        None
    }

    /// Check a value for a key (`Err` is sysctl's "Invalid argument").
    pub fn valid(key: &str, value: &str) -> bool {
        let kind = DEFAULTS
            .iter()
            .find(|(k, _, _)| *k == key)
            .map_or(Kind::Int, |(_, _, k)| *k);
        let nums: Vec<&str> = value.split_whitespace().collect();
        let want = if kind == Kind::Pair { 2 } else { 1 };
        // Keys whose handler bounds the value (proc_dointvec_minmax).
        let range = match key {
            "net.ipv4.ip_default_ttl" => Some((1, 255)),
            _ => None,
        };
        nums.len() == want
            && nums.iter().all(|n| {
                n.parse::<i64>()
                    .is_ok_and(|v| range.is_none_or(|(lo, hi)| (lo..=hi).contains(&v)))
            })
    }

    /// Set a namespace-wide or all/default key, with the kernel's side effects:
    /// `ip_forward` and `conf.all.forwarding` set every device's forwarding and `default`.
    pub fn set(&mut self, key: &str, value: &str) -> bool {
        let v = value.split_whitespace().collect::<Vec<_>>().join("\t");
        let Some(k) = intern(key).or_else(|| {
            conf_global_names()
                .into_iter()
                .map(|(k, _)| k)
                .find(|k| *k == key)
        }) else {
            return false;
        };
        self.values.insert(k, v.clone());
        if matches!(key, "net.ipv4.ip_forward" | "net.ipv4.conf.all.forwarding") {
            for k in [
                "net.ipv4.ip_forward",
                "net.ipv4.conf.all.forwarding",
                "net.ipv4.conf.default.forwarding",
            ] {
                self.values.insert(k, v.clone());
            }
            for m in self.dev.values_mut() {
                m.insert("forwarding", v.clone());
            }
        }
        if key == "net.ipv6.conf.all.disable_ipv6" {
            for m in self.dev.values_mut() {
                m.insert("v6.disable_ipv6", v.clone());
            }
        }
        true
    }

    /// Set a device's conf key.
    pub fn set_dev(&mut self, dev: DeviceId, v6: bool, key: &str, value: &str) {
        if let Some(m) = self.dev.get_mut(&dev) {
            let name: &'static str = if v6 {
                CONF6_STORED
                    .iter()
                    .find(|(_, k)| *k == key)
                    .map_or("v6.forwarding", |(s, _)| *s)
            } else {
                CONF4
                    .iter()
                    .map(|(k, _)| *k)
                    .find(|k| *k == key)
                    .unwrap_or("forwarding")
            };
            m.insert(
                name,
                value.split_whitespace().collect::<Vec<_>>().join("\t"),
            );
        }
    }

    /// A device's conf value for printing.
    pub fn get_dev(&self, dev: DeviceId, v6: bool, key: &str) -> Option<&str> {
        let m = self.dev.get(&dev)?;
        let k = if v6 {
            format!("v6.{key}")
        } else {
            key.to_string()
        };
        m.get(k.as_str()).map(|s| s.as_str())
    }

    /// Every per-device conf key name for a device, as `(v6, key)`.
    pub fn dev_keys() -> Vec<(bool, &'static str)> {
        CONF4
            .iter()
            .map(|(k, _)| (false, *k))
            .chain(CONF6.iter().map(|(k, _)| (true, *k)))
            .collect()
    }

    pub fn known(key: &str) -> bool {
        intern(key).is_some() || conf_global_names().iter().any(|(k, _)| *k == key)
    }
}

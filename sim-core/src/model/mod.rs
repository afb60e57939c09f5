//! The state of the simulated host: namespaces, devices, addresses, routes, neighbours.
//!
//! Architecture invariant: the model knows nothing about text. It answers with typed values
//! and kernel-like errors ([`Errno`]); the tools turn those into what iproute2 prints.
//! Objects refer to each other by slotmap keys, never by names or references; every
//! collection that is iterated is ordered (`BTreeMap`/`Vec`), never a `HashMap`.

mod device;
pub mod netns;
pub mod route;

pub use device::{
    fmt_mac, parse_mac, BridgeState, Device, DeviceKind, Fdb, FdbEntry, IfAddr, LinkStats,
    OperState, PortInfo,
};
pub use netns::{Netns, Sysctls};

use std::net::Ipv4Addr;

use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use slotmap::{new_key_type, SlotMap};

new_key_type! {
    /// A network namespace.
    pub struct NetnsId;
    /// A network device (in exactly one namespace).
    pub struct DeviceId;
}

/// Kernel-style error numbers that the model returns; tools map them to messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Errno {
    /// EEXIST: "File exists".
    Exist,
    /// ENODEV: "No such device".
    NoDev,
    /// EINVAL: "Invalid argument".
    Inval,
    /// EBUSY: "Device or resource busy".
    Busy,
    /// EADDRNOTAVAIL: "Cannot assign requested address".
    AddrNotAvail,
    /// ENOENT
    NoEnt,
    /// EOPNOTSUPP
    OpNotSupp,
    /// ENETUNREACH: "Network is unreachable".
    NetUnreach,
    /// EHOSTUNREACH: "No route to host".
    HostUnreach,
    /// EACCES: "Permission denied".
    Acces,
    /// ENOSPC: a resource limit of the simulator was reached.
    Limit,
    /// ELOOP: "Too many levels of symbolic links" (a bridge enslaved to a bridge).
    Loop,
}

impl Errno {
    /// The strerror text the C library prints.
    pub fn strerror(self) -> &'static str {
        match self {
            Errno::Exist => "File exists",
            Errno::NoDev => "No such device",
            Errno::Inval => "Invalid argument",
            Errno::Busy => "Device or resource busy",
            Errno::AddrNotAvail => "Cannot assign requested address",
            Errno::NoEnt => "No such file or directory",
            Errno::OpNotSupp => "Operation not supported",
            Errno::NetUnreach => "Network is unreachable",
            Errno::HostUnreach => "No route to host",
            Errno::Acces => "Permission denied",
            Errno::Limit => "No space left on device",
            Errno::Loop => "Too many levels of symbolic links",
        }
    }
}

/// Resource limits; exceeding one stops the command with a message naming the limit.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Maximum number of namespaces (`--max-netns`).
    pub max_netns: usize,
    /// Maximum number of devices (`--max-devices`).
    pub max_devices: usize,
    /// Maximum frames one command may move (`--max-frames`).
    pub max_frames: u64,
    /// Maximum virtual time since the start, in seconds (`--max-time`).
    pub max_time_s: u64,
    /// Maximum depth of commands running commands (`ip netns exec NS ip netns exec ...`,
    /// `--max-nesting`).
    pub max_nesting: usize,
    /// Maximum number of iptables rules in one namespace, all tables together
    /// (`--max-rules`).
    pub max_rules: usize,
    /// Maximum size of one of the scenario's in-memory files (`--max-file-bytes`).
    pub max_file_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        // Ten years of virtual time: far beyond any lesson, far below u64 nanoseconds.
        Limits {
            max_netns: 1_000_000,
            max_devices: 4_000_000,
            max_frames: 1_000_000,
            max_time_s: 315_360_000,
            max_nesting: 200,
            max_rules: 1_000_000,
            max_file_bytes: 64 << 20,
        }
    }
}

/// Virtual time in nanoseconds since the simulation started.
pub type Nanos = u64;

/// The whole simulated host.
#[derive(Debug)]
pub struct World {
    pub(crate) netns: SlotMap<NetnsId, Netns>,
    pub(crate) devices: SlotMap<DeviceId, Device>,
    /// Named namespaces as `/run/netns` lists them: newest first, like tmpfs readdir.
    /// (Stored oldest first; `named_netns` reverses.)
    pub(crate) named: Vec<(String, NetnsId)>,
    /// Index of `named` by name.
    named_idx: std::collections::BTreeMap<String, NetnsId>,
    /// Device names per namespace, kept in step with `Netns::devices` by every function
    /// here that adds, removes, moves or renames a device.
    dev_names: std::collections::BTreeMap<NetnsId, std::collections::BTreeMap<String, DeviceId>>,
    /// The serial of the next namespace.
    serial_next: u64,
    pub(crate) init: NetnsId,
    pub(crate) rng: ChaCha8Rng,
    /// The virtual clock. Only the engine (and `sleep`) advances it.
    pub now: Nanos,
    pub limits: Limits,
    /// Devices whose carrier changed: linkwatch recomputes their operational state once the
    /// current command is over (the kernel runs it from a work queue).
    linkwatch: Vec<DeviceId>,
}

impl World {
    /// A host as Linux boots it: the init namespace with `lo` up, 127.0.0.1/8 and ::1.
    pub fn new(seed: u64) -> World {
        let mut w = World {
            netns: SlotMap::with_key(),
            devices: SlotMap::with_key(),
            named: Vec::new(),
            named_idx: Default::default(),
            dev_names: Default::default(),
            serial_next: 1,
            init: NetnsId::default(),
            rng: ChaCha8Rng::seed_from_u64(seed),
            now: 0,
            limits: Limits::default(),
            linkwatch: Vec::new(),
        };
        let init = w.netns.insert(Netns::new(None));
        w.init = init;
        w.netns[init].sysctl = Sysctls::init_ns();
        w.create_loopback(init);
        let lo = w.netns[init].lo;
        w.set_up(lo, true);
        w
    }

    pub fn init_ns(&self) -> NetnsId {
        self.init
    }

    pub fn ns(&self, id: NetnsId) -> &Netns {
        &self.netns[id]
    }

    pub fn ns_mut(&mut self, id: NetnsId) -> &mut Netns {
        &mut self.netns[id]
    }

    pub fn dev(&self, id: DeviceId) -> &Device {
        &self.devices[id]
    }

    pub fn dev_mut(&mut self, id: DeviceId) -> &mut Device {
        &mut self.devices[id]
    }

    pub fn device_exists(&self, id: DeviceId) -> bool {
        self.devices.contains_key(id)
    }

    /// Number of namespaces, the init one included.
    pub fn netns_count(&self) -> usize {
        self.netns.len()
    }

    /// Number of devices in all namespaces.
    pub fn device_count(&self) -> usize {
        self.devices.len()
    }

    /// Named namespaces, newest first (the order `ip netns list` prints).
    pub fn named_netns(&self) -> impl Iterator<Item = (&str, NetnsId)> {
        self.named.iter().rev().map(|(n, id)| (n.as_str(), *id))
    }

    pub fn netns_by_name(&self, name: &str) -> Option<NetnsId> {
        self.named_idx.get(name).copied()
    }

    pub fn netns_name(&self, id: NetnsId) -> Option<&str> {
        self.netns[id].name.as_deref()
    }

    /// All namespace ids in a stable order: init first, then by creation.
    pub fn all_netns(&self) -> Vec<NetnsId> {
        let mut v: Vec<(u64, NetnsId)> = self.netns.iter().map(|(id, n)| (n.serial, id)).collect();
        v.sort();
        v.into_iter().map(|(_, id)| id).collect()
    }

    /// A random locally administered unicast MAC, as the kernel's `eth_random_addr`.
    pub fn random_mac(&mut self) -> [u8; 6] {
        let mut m = [0u8; 6];
        self.rng.fill_bytes(&mut m);
        m[0] &= 0xfe;
        m[0] |= 0x02;
        m
    }

    /// A random u32 from the seeded generator.
    pub fn random_u32(&mut self) -> u32 {
        self.rng.next_u32()
    }

    // ----- namespaces -----

    /// `ip netns add NAME`.
    pub fn add_netns(&mut self, name: &str) -> Result<NetnsId, Errno> {
        if self.netns_by_name(name).is_some() {
            return Err(Errno::Exist);
        }
        if self.netns.len() >= self.limits.max_netns {
            return Err(Errno::Limit);
        }
        let mut ns = Netns::new(Some(name.to_string()));
        ns.serial = self.serial_next;
        self.serial_next += 1;
        let id = self.netns.insert(ns);
        self.named.push((name.to_string(), id));
        self.named_idx.insert(name.to_string(), id);
        self.create_loopback(id);
        Ok(id)
    }

    /// `ip netns delete NAME`: destroys its devices (and the peers of its veths).
    pub fn del_netns(&mut self, name: &str) -> Result<(), Errno> {
        let id = self.netns_by_name(name).ok_or(Errno::NoEnt)?;
        self.named.retain(|(n, _)| n != name);
        self.named_idx.remove(name);
        let devs: Vec<DeviceId> = self.netns[id].devices.values().copied().collect();
        for d in devs {
            if self.devices.contains_key(d) {
                self.destroy_device(d);
            }
        }
        self.netns.remove(id);
        self.dev_names.remove(&id);
        for ns in self.netns.values_mut() {
            if let Some(v) = ns.nsids.remove(&id) {
                ns.nsid_used.remove(&v);
                if v >= 0 {
                    ns.nsid_free_from = ns.nsid_free_from.min(v);
                }
            }
        }
        Ok(())
    }

    /// The nsid that namespace `ns` uses for `peer`, allocating one if needed
    /// (the kernel's `peernet2id_alloc`).
    pub fn nsid_alloc(&mut self, ns: NetnsId, peer: NetnsId) -> i32 {
        if ns == peer {
            return -1;
        }
        if let Some(id) = self.netns[ns].nsids.get(&peer) {
            return *id;
        }
        // The lowest free id: every id below `nsid_free_from` is taken, so walk up from
        // there past the taken ones (each step moves the bound for good: amortised O(log n)).
        let n = &mut self.netns[ns];
        let mut id = n.nsid_free_from.max(0);
        while n.nsid_used.contains(&id) {
            id += 1;
        }
        n.nsid_free_from = id + 1;
        n.nsids.insert(peer, id);
        n.nsid_used.insert(id);
        id
    }

    /// The nsid that `ns` has for `peer`, without allocating.
    pub fn nsid_get(&self, ns: NetnsId, peer: NetnsId) -> Option<i32> {
        self.netns[ns].nsids.get(&peer).copied()
    }

    /// `ip netns set NAME ID`.
    pub fn nsid_set(&mut self, ns: NetnsId, peer: NetnsId, id: i32) -> Result<(), Errno> {
        if self.netns[ns].nsids.contains_key(&peer) {
            return Err(Errno::Exist);
        }
        if self.netns[ns].nsid_used.contains(&id) {
            return Err(Errno::Exist);
        }
        self.netns[ns].nsids.insert(peer, id);
        self.netns[ns].nsid_used.insert(id);
        Ok(())
    }

    // ----- devices -----

    fn create_loopback(&mut self, ns: NetnsId) {
        let idx = self.netns[ns].alloc_ifindex();
        let mut d = Device::new("lo".into(), idx, ns, DeviceKind::Loopback, [0; 6]);
        d.mtu = 65536; // Linux: loopback MTU 64 KiB
        let id = self.devices.insert(d);
        self.netns[ns].devices.insert(idx, id);
        self.index_name(ns, id);
        self.netns[ns].sysctl.add_device(id);
        self.netns[ns].lo = id;
    }

    /// Record a device's current name in the name index.
    fn index_name(&mut self, ns: NetnsId, id: DeviceId) {
        let name = self.devices[id].name.clone();
        self.dev_names.entry(ns).or_default().insert(name, id);
    }

    /// Forget a device's current name in the name index.
    fn unindex_name(&mut self, ns: NetnsId, id: DeviceId) {
        if let Some(m) = self.dev_names.get_mut(&ns) {
            if m.get(&self.devices[id].name) == Some(&id) {
                m.remove(&self.devices[id].name);
            }
        }
    }

    /// Find a device by name in a namespace.
    pub fn dev_by_name(&self, ns: NetnsId, name: &str) -> Option<DeviceId> {
        let found = self.dev_names.get(&ns).and_then(|m| m.get(name)).copied();
        debug_assert_eq!(
            found,
            self.netns[ns]
                .devices
                .values()
                .copied()
                .find(|d| self.devices[*d].name == name),
            "device name index out of step for {name}"
        );
        found
    }

    /// Find a device by ifindex in a namespace.
    pub fn dev_by_index(&self, ns: NetnsId, idx: u32) -> Option<DeviceId> {
        self.netns[ns].devices.get(&idx).copied()
    }

    /// Devices of a namespace by ifindex.
    pub fn devices_of(&self, ns: NetnsId) -> impl Iterator<Item = DeviceId> + '_ {
        self.netns[ns].devices.values().copied()
    }

    /// The first free `prefix%d` name in a namespace (the kernel's `dev_alloc_name`).
    pub fn alloc_name(&self, ns: NetnsId, prefix: &str) -> String {
        let mut i = 0;
        loop {
            let n = format!("{prefix}{i}");
            if self.dev_by_name(ns, &n).is_none() {
                return n;
            }
            i += 1;
        }
    }

    fn check_device_room(&self, n: usize) -> Result<(), Errno> {
        if self.devices.len() + n > self.limits.max_devices {
            Err(Errno::Limit)
        } else {
            Ok(())
        }
    }

    /// `ip link add [NAME] type veth [peer name PEER [netns PNS]]`. The peer is registered
    /// first, as `veth_newlink` does, so it gets the lower ifindex (and the lower auto name).
    pub fn add_veth(
        &mut self,
        ns: NetnsId,
        name: Option<&str>,
        peer_ns: NetnsId,
        peer_name: Option<&str>,
    ) -> Result<(DeviceId, DeviceId), Errno> {
        self.check_device_room(2)?;
        if let Some(n) = name {
            if self.dev_by_name(ns, n).is_some() {
                return Err(Errno::Exist);
            }
        }
        if let Some(n) = peer_name {
            if self.dev_by_name(peer_ns, n).is_some() {
                return Err(Errno::Exist);
            }
            if peer_ns == ns && Some(n) == name {
                // The peer registered first (using an ifindex), then the device clashed.
                self.netns[peer_ns].alloc_ifindex();
                return Err(Errno::Exist);
            }
        }
        let pname = match peer_name {
            Some(n) => n.to_string(),
            None => self.alloc_name(peer_ns, "veth"),
        };
        if peer_ns == ns && Some(pname.as_str()) == name {
            // The auto-named peer took the name first (and an ifindex); the device clashed.
            self.netns[peer_ns].alloc_ifindex();
            return Err(Errno::Exist);
        }
        let pmac = self.random_mac();
        let pidx = self.netns[peer_ns].alloc_ifindex();
        let peer = self.devices.insert(Device::new(
            pname,
            pidx,
            peer_ns,
            DeviceKind::Veth {
                peer: DeviceId::default(),
            },
            pmac,
        ));
        self.netns[peer_ns].devices.insert(pidx, peer);
        self.netns[peer_ns].sysctl.add_device(peer);
        self.index_name(peer_ns, peer);
        let dname = match name {
            Some(n) => n.to_string(),
            None => self.alloc_name(ns, "veth"),
        };
        let dmac = self.random_mac();
        let didx = self.netns[ns].alloc_ifindex();
        let dev = self.devices.insert(Device::new(
            dname,
            didx,
            ns,
            DeviceKind::Veth { peer },
            dmac,
        ));
        self.netns[ns].devices.insert(didx, dev);
        self.netns[ns].sysctl.add_device(dev);
        self.index_name(ns, dev);
        self.devices[peer].kind = DeviceKind::Veth { peer: dev };
        // veth_newlink turns both carriers off: linkwatch stores their state afterwards.
        self.linkwatch.push(peer);
        self.linkwatch.push(dev);
        if ns != peer_ns {
            self.nsid_alloc(ns, peer_ns);
            self.nsid_alloc(peer_ns, ns);
        }
        Ok((dev, peer))
    }

    /// `ip link add NAME type bridge`.
    pub fn add_bridge(&mut self, ns: NetnsId, name: &str) -> Result<DeviceId, Errno> {
        self.check_device_room(1)?;
        if self.dev_by_name(ns, name).is_some() {
            return Err(Errno::Exist);
        }
        let mac = self.random_mac();
        let idx = self.netns[ns].alloc_ifindex();
        let d = Device::new(
            name.into(),
            idx,
            ns,
            DeviceKind::Bridge(Default::default()),
            mac,
        );
        let id = self.devices.insert(d);
        self.netns[ns].devices.insert(idx, id);
        self.netns[ns].sysctl.add_device(id);
        self.index_name(ns, id);
        // br_dev_init: the random address gets a local entry of its own (`dev br0 master br0`).
        crate::model::device::bridge_add_local(self, id, None, mac);
        Ok(id)
    }

    /// `ip link del DEV`: a veth takes its peer with it; a bridge releases its ports.
    pub fn del_device(&mut self, id: DeviceId) -> Result<(), Errno> {
        if matches!(self.devices[id].kind, DeviceKind::Loopback) {
            return Err(Errno::OpNotSupp);
        }
        self.destroy_device(id);
        Ok(())
    }

    fn destroy_device(&mut self, id: DeviceId) {
        let Some(dev) = self.devices.get(id) else {
            return;
        };
        let peer = match dev.kind {
            DeviceKind::Veth { peer } => Some(peer),
            _ => None,
        };
        // Release bridge ports / leave master.
        if let DeviceKind::Bridge(_) = dev.kind {
            for p in self.bridge_ports(id) {
                self.set_nomaster(p);
            }
        }
        if self.devices[id].master.is_some() {
            self.set_nomaster(id);
        }
        let (ns, idx) = (self.devices[id].netns, self.devices[id].ifindex);
        self.unindex_name(ns, id);
        self.netns[ns].devices.remove(&idx);
        self.netns[ns].routes.retain(|r| r.dev != Some(id));
        self.netns[ns].neigh.retain(|n| n.dev != id);
        self.netns[ns].sysctl.remove_device(id);
        self.devices.remove(id);
        if let Some(p) = peer {
            if self.devices.contains_key(p) {
                self.destroy_device(p);
            }
        }
    }

    /// `ip link set DEV netns NS`.
    pub fn move_device(&mut self, id: DeviceId, to: NetnsId) -> Result<(), Errno> {
        let dev = &self.devices[id];
        if matches!(dev.kind, DeviceKind::Loopback | DeviceKind::Bridge(_)) {
            return Err(Errno::Inval);
        }
        let from = dev.netns;
        if from == to {
            return Ok(());
        }
        if self.dev_by_name(to, &dev.name).is_some() {
            return Err(Errno::Exist);
        }
        // Going to another namespace: the device goes down, loses addresses and master.
        self.set_up(id, false);
        if self.devices[id].master.is_some() {
            self.set_nomaster(id);
        }
        let old_idx = self.devices[id].ifindex;
        self.unindex_name(from, id);
        self.netns[from].devices.remove(&old_idx);
        self.netns[from].sysctl.remove_device(id);
        self.netns[from].routes.retain(|r| r.dev != Some(id));
        self.netns[from].neigh.retain(|n| n.dev != id);
        let d = &mut self.devices[id];
        d.addrs.clear();
        d.netns = to;
        // Re-registered in the new namespace: its qdisc starts again as noop.
        d.ever_up = false;
        let idx = if self.netns[to].devices.contains_key(&old_idx) {
            self.netns[to].alloc_ifindex()
        } else {
            old_idx
        };
        self.devices[id].ifindex = idx;
        self.netns[to].devices.insert(idx, id);
        self.netns[to].sysctl.add_device(id);
        self.index_name(to, id);
        // nsids, as the kernel's notifications allocate them.
        self.nsid_alloc(from, to);
        if let DeviceKind::Veth { peer } = self.devices[id].kind {
            let pns = self.devices[peer].netns;
            if pns != to {
                self.nsid_alloc(to, pns);
                self.nsid_alloc(pns, to);
            }
        }
        Ok(())
    }

    /// `ip link set DEV up|down`.
    pub fn set_up(&mut self, id: DeviceId, up: bool) {
        let was = self.devices[id].admin_up;
        if was == up {
            return;
        }
        let now = self.now;
        let d = &mut self.devices[id];
        d.admin_up = up;
        if up {
            d.ever_up = true;
            d.up_since = now;
            d.ll_flushed = false;
        } else {
            // IPv4 routes through a device that goes down are flushed; so are its neighbours.
            let ns = d.netns;
            self.netns[ns].routes.retain(|r| r.dev != Some(id));
            self.netns[ns].neigh.retain(|n| n.dev != id);
        }
        if let DeviceKind::Loopback = self.devices[id].kind {
            if up {
                let d = &mut self.devices[id];
                if !d
                    .addrs
                    .iter()
                    .any(|a| a.is_v4() && a.local() == std::net::IpAddr::V4(Ipv4Addr::LOCALHOST))
                {
                    d.addrs
                        .insert(0, IfAddr::v4(Ipv4Addr::LOCALHOST, 8, None, "lo"));
                }
            }
        }
        self.bridge_sync_around(id);
        if up && self.devices[id].addrs.iter().any(IfAddr::is_v4) {
            let ns = self.devices[id].netns;
            self.netns[ns].local_fib = true;
        }
        self.refresh_carrier_changes(id);
    }

    /// After `id` went up or down: re-evaluate the ports of every bridge this touches
    /// (the bridge itself, the bridge `id` is a port of, the bridge its veth peer is a port of).
    fn bridge_sync_around(&mut self, id: DeviceId) {
        let mut brs = Vec::new();
        if self.devices[id].is_bridge() {
            brs.push(id);
        }
        brs.extend(self.devices[id].master);
        if let DeviceKind::Veth { peer } = self.devices[id].kind {
            brs.extend(self.devices[peer].master);
        }
        for br in brs {
            self.bridge_sync_ports(br);
        }
    }

    /// Whether a bridge port forwards: the bridge is up and the port is up with carrier
    /// (with STP off a port goes straight from disabled to forwarding).
    pub fn bridge_port_enabled(&self, br: DeviceId, port: DeviceId) -> bool {
        self.devices[br].admin_up && self.port_carrier(&self.devices[port])
    }

    /// Enable or disable ports whose state changed (`br_stp_enable_port`/`br_stp_disable_port`);
    /// each such change while the bridge is up re-runs `br_port_state_selection`. Taking the
    /// bridge down disables its ports without touching the carrier (`br_stp_disable_bridge`).
    fn bridge_sync_ports(&mut self, br: DeviceId) {
        let Some(b) = self.devices[br].bridge() else {
            return;
        };
        let infos = b.port_info.clone();
        let br_up = self.devices[br].admin_up;
        let mut changed = false;
        let mut new = infos.clone();
        for pi in new.iter_mut() {
            let en = self.bridge_port_enabled(br, pi.dev);
            if en != pi.enabled {
                pi.enabled = en;
                changed = true;
            }
        }
        if let Some(b) = self.devices[br].bridge_mut() {
            b.port_info = new;
        }
        if changed && br_up {
            self.bridge_port_state_selection(br);
        }
    }

    /// `br_port_state_selection`: carrier on iff some port forwards.
    fn bridge_port_state_selection(&mut self, br: DeviceId) {
        let Some(b) = self.devices[br].bridge_mut() else {
            return;
        };
        let live = b.port_info.iter().any(|p| p.enabled);
        if b.carrier != live {
            b.carrier = live;
            b.carrier_changed = true;
        }
    }

    /// Record when carrier came up for the device and its peer (IPv6 link-local timing).
    fn refresh_carrier_changes(&mut self, id: DeviceId) {
        let now = self.now;
        let mut ids = vec![id];
        if let DeviceKind::Veth { peer } = self.devices[id].kind {
            ids.push(peer);
        }
        if let Some(m) = self.devices[id].master {
            ids.push(m);
        }
        if let DeviceKind::Veth { peer } = self.devices[id].kind {
            ids.extend(self.devices[peer].master);
        }
        for i in ids {
            let c = self.carrier(i);
            let d = &mut self.devices[i];
            if c && !d.had_carrier {
                d.carrier_since = now;
            }
            if !d.admin_up {
                d.ll_mac = None;
            } else if c && d.ll_mac.is_none() {
                d.ll_mac = Some(d.mac);
            }
            if c != d.had_carrier {
                d.carrier_changes += 1;
                if matches!(d.kind, DeviceKind::Veth { .. }) {
                    self.linkwatch.push(i);
                }
            }
            d.had_carrier = c;
        }
    }

    /// Run linkwatch: store the operational state of every device whose carrier changed,
    /// as `default_operstate()` computes it now. The shell calls this after each command.
    pub fn linkwatch_run(&mut self) {
        for id in std::mem::take(&mut self.linkwatch) {
            if !self.devices.contains_key(id) {
                continue;
            }
            let state = if self.carrier(id) {
                OperState::Up
            } else if let DeviceKind::Veth { peer } = self.devices[id].kind {
                // The lower device is looked up by the peer's ifindex in this device's own
                // namespace, whatever device that turns out to be.
                let idx = self.devices[peer].ifindex;
                match self.dev_by_index(self.devices[id].netns, idx) {
                    Some(l) if l != id && self.oper_up_shallow(l) => OperState::Down,
                    Some(l) if l != id => OperState::LowerLayerDown,
                    _ => OperState::Down,
                }
            } else {
                OperState::Down
            };
            self.devices[id].oper = state;
        }
    }

    /// Whether the device has carrier (IFF_LOWER_UP).
    pub fn carrier(&self, id: DeviceId) -> bool {
        let d = &self.devices[id];
        match &d.kind {
            DeviceKind::Loopback => d.admin_up,
            DeviceKind::Veth { peer } => d.admin_up && self.devices[*peer].admin_up,
            DeviceKind::Bridge(b) => d.admin_up && b.carrier,
        }
    }

    fn port_carrier(&self, p: &Device) -> bool {
        match &p.kind {
            DeviceKind::Veth { peer } => p.admin_up && self.devices[*peer].admin_up,
            _ => p.admin_up,
        }
    }

    /// The RFC 2863 operational state the kernel reports.
    pub fn oper_state(&self, id: DeviceId) -> OperState {
        let d = &self.devices[id];
        match &d.kind {
            DeviceKind::Loopback => {
                if d.admin_up {
                    OperState::Unknown
                } else {
                    OperState::Down
                }
            }
            DeviceKind::Veth { .. } => {
                if !d.admin_up {
                    OperState::Down
                } else {
                    // What linkwatch stored at the last carrier change (see linkwatch_run).
                    d.oper
                }
            }
            DeviceKind::Bridge(b) => {
                // Until its carrier first changes, linkwatch never ran: UNKNOWN.
                if !d.admin_up || !b.carrier {
                    OperState::Down
                } else if b.carrier_changed {
                    OperState::Up
                } else {
                    OperState::Unknown
                }
            }
        }
    }

    /// `netif_oper_up()` of a device as its stored state would say, without recursing.
    fn oper_up_shallow(&self, id: DeviceId) -> bool {
        let d = &self.devices[id];
        match &d.kind {
            DeviceKind::Loopback => d.admin_up,
            DeviceKind::Veth { .. } => d.admin_up && self.carrier(id),
            DeviceKind::Bridge(b) => d.admin_up && (b.carrier || !b.carrier_changed),
        }
    }

    /// `ip link set DEV name NEW`.
    pub fn rename(&mut self, id: DeviceId, new: &str) -> Result<(), Errno> {
        let ns = self.devices[id].netns;
        // Linux 6.x renames devices that are up (older kernels answered EBUSY).
        if let Some(other) = self.dev_by_name(ns, new) {
            if other != id {
                return Err(Errno::Exist);
            }
        }
        self.unindex_name(ns, id);
        self.devices[id].name = new.to_string();
        self.index_name(ns, id);
        // Address labels follow the name (inetdev_changename): the first address gets the
        // name itself, the others keep their `:suffix` or get `:N`, N counting addresses.
        const IFNAMSIZ: usize = 16;
        let mut named = 0;
        for a in &mut self.devices[id].addrs {
            let IfAddr::V4 { label, .. } = a else {
                continue;
            };
            let old = std::mem::replace(label, new.to_string());
            named += 1;
            if named == 1 {
                continue;
            }
            let dot = match old.find(':') {
                Some(i) => old[i..].to_string(),
                None => format!(":{named}"),
            };
            if dot.len() + new.len() < IFNAMSIZ {
                label.push_str(&dot);
            } else {
                label.truncate(IFNAMSIZ - dot.len() - 1);
                label.push_str(&dot);
            }
        }
        Ok(())
    }

    /// `ip link set DEV master BR` (`br_add_if`).
    pub fn set_master(&mut self, port: DeviceId, br: DeviceId) -> Result<(), Errno> {
        // The kernel's order of checks (do_set_master, br_add_if): the master must be in
        // the port's namespace (its ifindex is looked up there), be a bridge, and the port
        // must be neither a bridge (ELOOP) nor loopback.
        if self.devices[port].netns != self.devices[br].netns {
            return Err(Errno::Inval);
        }
        if !matches!(self.devices[br].kind, DeviceKind::Bridge(_)) {
            return Err(Errno::OpNotSupp);
        }
        if matches!(self.devices[port].kind, DeviceKind::Bridge(_)) {
            return Err(Errno::Loop);
        }
        if port == br || matches!(self.devices[port].kind, DeviceKind::Loopback) {
            return Err(Errno::Inval);
        }
        if self.devices[port].master == Some(br) {
            return Ok(());
        }
        if self.devices[port].master.is_some() {
            self.set_nomaster(port);
        }
        self.devices[port].master = Some(br);
        if let DeviceKind::Bridge(b) = &mut self.devices[br].kind {
            b.ports.push(port);
            // The lowest free port number (`find_portno`), without a quadratic search.
            let mut used = vec![false; b.port_info.len() + 2];
            for p in &b.port_info {
                if let Some(u) = used.get_mut(usize::from(p.port_no)) {
                    *u = true;
                }
            }
            let port_no = used
                .iter()
                .skip(1)
                .position(|u| !u)
                .map_or(used.len(), |i| i + 1) as _;
            b.port_info.push(PortInfo {
                dev: port,
                port_no,
                enabled: false,
            });
        }
        let mac = self.devices[port].mac;
        crate::model::device::bridge_add_local(self, br, Some(port), mac);
        self.bridge_recompute_mac(br);
        self.bridge_sync_ports(br);
        self.refresh_carrier_changes(port);
        Ok(())
    }

    /// `ip link set DEV nomaster` (`br_del_if`).
    pub fn set_nomaster(&mut self, port: DeviceId) {
        let Some(br) = self.devices[port].master.take() else {
            return;
        };
        let br_mac = self.devices[br].mac;
        let others: Vec<(DeviceId, [u8; 6])> = self
            .bridge_ports(br)
            .into_iter()
            .filter(|p| *p != port)
            .map(|p| (p, self.devices[p].mac))
            .collect();
        if let DeviceKind::Bridge(b) = &mut self.devices[br].kind {
            b.ports.retain(|p| *p != port);
            b.port_info.retain(|p| p.dev != port);
            // br_fdb_delete_by_port, with fdb_delete_local for the port's own addresses.
            b.fdb.retain_mut(|e| {
                if e.port != Some(port) {
                    return true;
                }
                if !e.local {
                    return false;
                }
                if let Some((o, _)) = others.iter().find(|(_, m)| *m == e.mac) {
                    e.port = Some(*o);
                    true
                } else if e.mac == br_mac {
                    e.port = None;
                    true
                } else {
                    false
                }
            });
        }
        // del_nbp disables the port: br_port_state_selection runs whatever the bridge's state.
        self.bridge_port_state_selection(br);
        self.bridge_recompute_mac(br);
        self.refresh_carrier_changes(br);
    }

    /// `br_stp_recalculate_bridge_id`: the lowest port MAC (zero without ports) unless an
    /// address was set by hand.
    fn bridge_recompute_mac(&mut self, br: DeviceId) {
        let Some(b) = self.devices[br].bridge() else {
            return;
        };
        if b.mac_set_by_hand {
            return;
        }
        let lowest = self
            .bridge_ports(br)
            .iter()
            .map(|p| self.devices[*p].mac)
            .min()
            .unwrap_or([0; 6]);
        if lowest != b.bridge_id {
            self.bridge_change_id(br, lowest);
        }
    }

    /// `br_stp_change_bridge_id`: new bridge id and device address, the bridge's own fdb
    /// entry follows (`br_fdb_change_mac_address`), then port state selection.
    fn bridge_change_id(&mut self, br: DeviceId, addr: [u8; 6]) {
        let old = self.devices[br].mac;
        if let Some(b) = self.devices[br].bridge_mut() {
            b.fdb
                .retain(|e| !(e.mac == old && e.local && e.port.is_none()));
            b.bridge_id = addr;
        }
        crate::model::device::bridge_add_local(self, br, None, addr);
        self.devices[br].mac = addr;
        self.bridge_port_state_selection(br);
    }

    /// Ports of a bridge, by ifindex.
    pub fn bridge_ports(&self, br: DeviceId) -> Vec<DeviceId> {
        let mut v = match &self.devices[br].kind {
            DeviceKind::Bridge(b) => b.ports.clone(),
            _ => Vec::new(),
        };
        v.sort_by_key(|p| self.devices[*p].ifindex);
        v
    }

    /// `ip link set DEV address MAC`.
    pub fn set_mac(&mut self, id: DeviceId, mac: [u8; 6]) -> Result<(), Errno> {
        if mac[0] & 1 == 1 || mac == [0; 6] {
            return Err(Errno::AddrNotAvail);
        }
        if let DeviceKind::Loopback = self.devices[id].kind {
            return Err(Errno::OpNotSupp);
        }
        if self.devices[id].is_bridge() {
            if let Some(b) = self.devices[id].bridge_mut() {
                b.mac_set_by_hand = true;
            }
            if self.devices[id].mac != mac {
                self.bridge_change_id(id, mac);
            }
            return Ok(());
        }
        let old = self.devices[id].mac;
        self.devices[id].mac = mac;
        if let Some(br) = self.devices[id].master {
            // br_fdb_changeaddr: the port's local entry moves to the new address.
            if let Some(b) = self.devices[br].bridge_mut() {
                b.fdb
                    .retain(|e| !(e.port == Some(id) && e.local && e.mac == old));
            }
            crate::model::device::bridge_add_local(self, br, Some(id), mac);
            self.bridge_recompute_mac(br);
        }
        Ok(())
    }

    /// The MTU range of a device (min_mtu, max_mtu).
    pub fn mtu_range(&self, id: DeviceId) -> (u32, u32) {
        match self.devices[id].kind {
            DeviceKind::Loopback => (68, 1 << 31),
            DeviceKind::Veth { .. } => (68, 65535),
            DeviceKind::Bridge(_) => (68, 65535),
        }
    }

    /// `ip link set DEV mtu N`.
    pub fn set_mtu(&mut self, id: DeviceId, mtu: u32) -> Result<(), Errno> {
        let (min, max) = self.mtu_range(id);
        if mtu < min || mtu > max {
            return Err(Errno::Inval);
        }
        self.devices[id].mtu = mtu;
        Ok(())
    }

    // ----- addresses -----

    /// `ip addr add`.
    pub fn add_addr(&mut self, id: DeviceId, addr: IfAddr) -> Result<(), Errno> {
        if self.devices[id].admin_up && addr.is_v4() {
            let ns = self.devices[id].netns;
            self.netns[ns].local_fib = true;
        }
        let d = &mut self.devices[id];
        if d.addrs
            .iter()
            .any(|a| a.local() == addr.local() && a.prefix_len() == addr.prefix_len())
        {
            return Err(Errno::Exist);
        }
        let mut addr = addr;
        if let IfAddr::V4 {
            addr: a, prefix, ..
        } = addr
        {
            let net = ipnet::Ipv4Net::new(a, prefix).map(|n| n.trunc()).ok();
            let primary_exists = d.addrs.iter().any(|x| match x {
                IfAddr::V4 {
                    addr: b,
                    prefix: p,
                    secondary: false,
                    ..
                } => *p == prefix && ipnet::Ipv4Net::new(*b, *p).map(|n| n.trunc()).ok() == net,
                _ => false,
            });
            if let IfAddr::V4 { secondary, .. } = &mut addr {
                *secondary = primary_exists;
            }
            // Secondaries go after all existing v4 addresses; primaries after the primaries.
            let pos = if primary_exists {
                d.addrs
                    .iter()
                    .rposition(|x| x.is_v4())
                    .map(|p| p + 1)
                    .unwrap_or(0)
            } else {
                d.addrs
                    .iter()
                    .rposition(|x| {
                        matches!(
                            x,
                            IfAddr::V4 {
                                secondary: false,
                                ..
                            }
                        )
                    })
                    .map(|p| p + 1)
                    .unwrap_or(0)
            };
            d.addrs.insert(pos, addr);
        } else {
            d.addrs.push(addr);
        }
        Ok(())
    }

    /// `ip addr del`: deleting a primary also deletes its secondaries (promote_secondaries=0).
    pub fn del_addr(
        &mut self,
        id: DeviceId,
        local: std::net::IpAddr,
        prefix: Option<u8>,
    ) -> Result<(), Errno> {
        let d = &mut self.devices[id];
        let pos = d
            .addrs
            .iter()
            .position(|a| a.local() == local && prefix.is_none_or(|p| p == a.prefix_len()))
            .ok_or(Errno::AddrNotAvail)?;
        let removed = d.addrs.remove(pos);
        if let IfAddr::V4 {
            addr,
            prefix,
            secondary: false,
            ..
        } = removed
        {
            let net = ipnet::Ipv4Net::new(addr, prefix).map(|n| n.trunc()).ok();
            d.addrs.retain(|x| match x {
                IfAddr::V4 {
                    addr: b,
                    prefix: p,
                    secondary: true,
                    ..
                } => !(*p == prefix && ipnet::Ipv4Net::new(*b, *p).map(|n| n.trunc()).ok() == net),
                _ => true,
            });
        }
        let ns = d.netns;
        let routes_dev = id;
        // Routes whose preferred source disappeared go with it.
        self.netns[ns]
            .routes
            .retain(|r| !(r.dev == Some(routes_dev) && r.prefsrc == Some(local)));
        Ok(())
    }

    /// Every IPv4 address configured in a namespace, with its device.
    pub fn v4_addrs(&self, ns: NetnsId) -> Vec<(DeviceId, Ipv4Addr, u8)> {
        let mut v = Vec::new();
        for d in self.devices_of(ns) {
            for a in &self.devices[d].addrs {
                if let IfAddr::V4 { addr, prefix, .. } = a {
                    v.push((d, *addr, *prefix));
                }
            }
        }
        v
    }

    /// Whether `ip` is an address of a device in `ns`.
    pub fn is_local_v4(&self, ns: NetnsId, ip: Ipv4Addr) -> Option<DeviceId> {
        // Called per packet: search in place rather than collecting `v4_addrs`.
        self.devices_of(ns).find(|d| {
            self.devices[*d]
                .addrs
                .iter()
                .any(|a| matches!(a, IfAddr::V4 { addr, .. } if *addr == ip))
        })
    }

    /// Advance the virtual clock (`sleep`), running expiry of timed state.
    pub fn advance(&mut self, by: Nanos) {
        self.now = self.now.saturating_add(by);
    }
}

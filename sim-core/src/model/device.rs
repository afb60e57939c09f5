//! Network devices: loopback, veth and bridge, with their addresses and counters.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::{DeviceId, Nanos, NetnsId, World};

/// What kind of device this is, with the state only that kind has.
#[derive(Debug, Clone)]
pub enum DeviceKind {
    Loopback,
    Veth { peer: DeviceId },
    Bridge(BridgeState),
}

/// A bridge's own state: its ports and forwarding database.
#[derive(Debug, Clone)]
pub struct BridgeState {
    pub ports: Vec<DeviceId>,
    pub fdb: Fdb,
    /// Ageing time in centiseconds (Linux default 300 s).
    pub ageing_cs: u64,
    /// `brctl stp on` was given. Recorded and shown; the protocol itself is not modelled.
    pub stp: bool,
    pub mac_set_by_hand: bool,
    /// The MAC half of the bridge id (`8000.<id>`); zero until the first port joins.
    pub bridge_id: [u8; 6],
    /// The bridge's carrier as `br_port_state_selection` sets it (on at creation).
    pub carrier: bool,
    /// Carrier has changed at least once (until then the operstate is UNKNOWN).
    pub carrier_changed: bool,
    /// Port numbers (`port_no`, lowest free from 1) and whether the port is enabled
    /// (forwarding: bridge up, port up with carrier), by port.
    pub port_info: Vec<PortInfo>,
}

/// Per-port state of a bridge port (`struct net_bridge_port`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PortInfo {
    pub dev: DeviceId,
    pub port_no: u16,
    pub enabled: bool,
}

impl BridgeState {
    /// `has_expired`: a learned entry not refreshed within the ageing time.
    pub fn expired(&self, e: &FdbEntry, now: Nanos) -> bool {
        !e.local && !e.is_static && now.saturating_sub(e.updated) >= self.ageing_cs * 10_000_000
    }
}

impl Default for BridgeState {
    fn default() -> Self {
        BridgeState {
            ports: Vec::new(),
            fdb: Fdb::default(),
            ageing_cs: 30000, // Linux default: 300 s
            stp: false,
            mac_set_by_hand: false,
            bridge_id: [0; 6],
            carrier: true,
            carrier_changed: false,
            port_info: Vec::new(),
        }
    }
}

/// One entry of a bridge's forwarding database (`net/bridge/br_fdb.c`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FdbEntry {
    pub mac: [u8; 6],
    /// The port it was learned on; `None` for the bridge itself.
    pub port: Option<DeviceId>,
    /// A local (permanent) entry: the MAC of a port or of the bridge.
    pub local: bool,
    /// Static entry added by hand.
    pub is_static: bool,
    /// Virtual time last seen.
    pub updated: Nanos,
}

/// A bridge's forwarding database: entries in insertion order (the order the tools walk
/// them), with an index by MAC and a lower bound of the oldest refresh time of the entries
/// that can age, so that per-frame learning, lookup and ageing are O(log n), not scans.
///
/// Reads go through `Deref<Target = [FdbEntry]>`; every change goes through the methods
/// here, which keep the index true.
#[derive(Debug, Clone)]
pub struct Fdb {
    entries: Vec<FdbEntry>,
    /// The first position of each MAC in `entries`.
    by_mac: std::collections::BTreeMap<[u8; 6], usize>,
    /// At most the `updated` of every entry that can age (neither local nor static).
    oldest: Nanos,
}

impl Default for Fdb {
    fn default() -> Self {
        Fdb {
            entries: Vec::new(),
            by_mac: Default::default(),
            oldest: Nanos::MAX,
        }
    }
}

impl std::ops::Deref for Fdb {
    type Target = [FdbEntry];
    fn deref(&self) -> &[FdbEntry] {
        &self.entries
    }
}

impl<'a> IntoIterator for &'a Fdb {
    type Item = &'a FdbEntry;
    type IntoIter = std::slice::Iter<'a, FdbEntry>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter()
    }
}

impl Fdb {
    fn note(&mut self, e: &FdbEntry) {
        if !e.local && !e.is_static {
            self.oldest = self.oldest.min(e.updated);
        }
    }
    fn reindex(&mut self) {
        self.by_mac.clear();
        self.oldest = Nanos::MAX;
        for i in 0..self.entries.len() {
            let e = self.entries[i].clone();
            self.by_mac.entry(e.mac).or_insert(i);
            self.note(&e);
        }
    }
    /// Append an entry.
    pub fn push(&mut self, e: FdbEntry) {
        self.note(&e);
        self.by_mac.entry(e.mac).or_insert(self.entries.len());
        self.entries.push(e);
    }
    /// Replace the entry at `pos`.
    pub fn set(&mut self, pos: usize, e: FdbEntry) {
        let same_mac = self.entries[pos].mac == e.mac;
        self.note(&e);
        self.entries[pos] = e;
        if !same_mac {
            self.reindex();
        }
    }
    pub fn remove(&mut self, pos: usize) -> FdbEntry {
        let e = self.entries.remove(pos);
        self.reindex();
        e
    }
    pub fn retain(&mut self, f: impl FnMut(&FdbEntry) -> bool) {
        let before = self.entries.len();
        self.entries.retain(f);
        if self.entries.len() != before {
            self.reindex();
        }
    }
    pub fn retain_mut(&mut self, f: impl FnMut(&mut FdbEntry) -> bool) {
        self.entries.retain_mut(f);
        self.reindex();
    }
    /// The position of the first entry for `mac` (what `iter().position` would find).
    pub fn position(&self, mac: &[u8; 6]) -> Option<usize> {
        self.by_mac.get(mac).copied()
    }
    /// The first entry for `mac`.
    pub fn get(&self, mac: &[u8; 6]) -> Option<&FdbEntry> {
        self.position(mac).map(|p| &self.entries[p])
    }
    /// Refresh a learned entry: it moves to `port`, seen at `now`.
    pub(crate) fn refresh(&mut self, pos: usize, port: Option<DeviceId>, now: Nanos) {
        let e = &mut self.entries[pos];
        e.port = port;
        e.updated = now;
        let e = e.clone();
        self.note(&e);
    }
    /// Whether some entry may have aged out at `now` with ageing time `ageing` (ns): false
    /// means certainly none has.
    pub fn may_have_expired(&self, now: Nanos, ageing: Nanos) -> bool {
        now.saturating_sub(self.oldest) >= ageing
    }
    /// Tighten the bound to the exact oldest refresh time (after a scan found nothing).
    pub fn recompute_oldest(&mut self) {
        self.oldest = self
            .entries
            .iter()
            .filter(|e| !e.local && !e.is_static)
            .map(|e| e.updated)
            .min()
            .unwrap_or(Nanos::MAX);
    }
}

/// `fdb_add_local`: a permanent entry for a port's (or, with `port` `None`, the bridge's)
/// own address. An existing local entry for the MAC is kept; a learned one is replaced.
pub(crate) fn bridge_add_local(w: &mut World, br: DeviceId, port: Option<DeviceId>, mac: [u8; 6]) {
    let now = w.now;
    if mac[0] & 1 == 1 || mac == [0; 6] {
        return;
    }
    if let DeviceKind::Bridge(b) = &mut w.devices[br].kind {
        if b.fdb.iter().any(|e| e.mac == mac && e.local) {
            return;
        }
        b.fdb.retain(|e| e.mac != mac);
        b.fdb.push(FdbEntry {
            mac,
            port,
            local: true,
            is_static: false,
            updated: now,
        });
    }
}

/// RFC 2863 operational state, as `ip link` prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperState {
    Unknown,
    Up,
    Down,
    LowerLayerDown,
}

impl OperState {
    pub fn as_str(self) -> &'static str {
        match self {
            OperState::Unknown => "UNKNOWN",
            OperState::Up => "UP",
            OperState::Down => "DOWN",
            OperState::LowerLayerDown => "LOWERLAYERDOWN",
        }
    }
}

/// An address configured on a device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IfAddr {
    V4 {
        addr: Ipv4Addr,
        prefix: u8,
        brd: Option<Ipv4Addr>,
        label: String,
        secondary: bool,
    },
    V6 {
        addr: Ipv6Addr,
        prefix: u8,
    },
}

impl IfAddr {
    pub fn v4(addr: Ipv4Addr, prefix: u8, brd: Option<Ipv4Addr>, label: &str) -> IfAddr {
        IfAddr::V4 {
            addr,
            prefix,
            brd,
            label: label.to_string(),
            secondary: false,
        }
    }
    pub fn is_v4(&self) -> bool {
        matches!(self, IfAddr::V4 { .. })
    }
    pub fn local(&self) -> IpAddr {
        match self {
            IfAddr::V4 { addr, .. } => IpAddr::V4(*addr),
            IfAddr::V6 { addr, .. } => IpAddr::V6(*addr),
        }
    }
    pub fn prefix_len(&self) -> u8 {
        match self {
            IfAddr::V4 { prefix, .. } | IfAddr::V6 { prefix, .. } => *prefix,
        }
    }
}

/// Packet and byte counters of a device (`ip -s link`, `ethtool -S`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LinkStats {
    pub rx_packets: u64,
    pub rx_bytes: u64,
    pub tx_packets: u64,
    pub tx_bytes: u64,
    pub rx_dropped: u64,
    pub tx_dropped: u64,
}

/// A network device.
#[derive(Debug, Clone)]
pub struct Device {
    pub name: String,
    pub ifindex: u32,
    pub netns: NetnsId,
    pub kind: DeviceKind,
    pub mac: [u8; 6],
    pub mtu: u32,
    pub admin_up: bool,
    /// Has been up at least once (the qdisc turns from noop to noqueue).
    pub ever_up: bool,
    pub up_since: Nanos,
    pub had_carrier: bool,
    pub carrier_since: Nanos,
    /// Carrier transitions (`ip -s -s link`'s `transns`): a new veth or bridge starts at 1
    /// because the driver turns its carrier off when it registers.
    pub carrier_changes: u32,
    /// The operational state linkwatch last stored (veth); shown while the device is up.
    pub oper: OperState,
    /// `ip addr flush` removed the link-local address (it returns on the next up).
    pub ll_flushed: bool,
    /// Set when carrier is first seen after the device comes up, to the MAC it had then:
    /// IPv6 has configured its link-local address (and joined that address's solicited-node
    /// group), which stays until the device goes down even if the MAC or carrier changes.
    pub ll_mac: Option<[u8; 6]>,
    pub master: Option<DeviceId>,
    /// IPv4 addresses in the kernel's order, then manual IPv6 ones.
    pub addrs: Vec<IfAddr>,
    pub stats: LinkStats,
}

impl Device {
    pub fn new(
        name: String,
        ifindex: u32,
        netns: NetnsId,
        kind: DeviceKind,
        mac: [u8; 6],
    ) -> Device {
        let kind_is_lo = matches!(kind, DeviceKind::Loopback);
        Device {
            name,
            ifindex,
            netns,
            kind,
            mac,
            mtu: 1500, // Linux default for Ethernet-like devices
            admin_up: false,
            ever_up: false,
            up_since: 0,
            had_carrier: false,
            carrier_since: 0,
            carrier_changes: u32::from(!kind_is_lo),
            ll_flushed: false,
            oper: OperState::Down,
            ll_mac: None,
            master: None,
            addrs: Vec::new(),
            stats: LinkStats::default(),
        }
    }

    /// The EUI-64 link-local address the kernel derives from the MAC.
    pub fn link_local(&self) -> Ipv6Addr {
        let m = self.mac;
        Ipv6Addr::new(
            0xfe80,
            0,
            0,
            0,
            u16::from_be_bytes([m[0] ^ 2, m[1]]),
            u16::from_be_bytes([m[2], 0xff]),
            u16::from_be_bytes([0xfe, m[3]]),
            u16::from_be_bytes([m[4], m[5]]),
        )
    }

    pub fn is_loopback(&self) -> bool {
        matches!(self.kind, DeviceKind::Loopback)
    }
    pub fn is_bridge(&self) -> bool {
        matches!(self.kind, DeviceKind::Bridge(_))
    }
    pub fn veth_peer(&self) -> Option<DeviceId> {
        match self.kind {
            DeviceKind::Veth { peer } => Some(peer),
            _ => None,
        }
    }
    pub fn bridge(&self) -> Option<&BridgeState> {
        match &self.kind {
            DeviceKind::Bridge(b) => Some(b),
            _ => None,
        }
    }
    pub fn bridge_mut(&mut self) -> Option<&mut BridgeState> {
        match &mut self.kind {
            DeviceKind::Bridge(b) => Some(b),
            _ => None,
        }
    }
}

/// Format a MAC as `aa:bb:cc:dd:ee:ff`.
pub fn fmt_mac(m: &[u8; 6]) -> String {
    format!(
        "{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}",
        m[0], m[1], m[2], m[3], m[4], m[5]
    )
}

/// Parse `aa:bb:cc:dd:ee:ff`.
pub fn parse_mac(s: &str) -> Option<[u8; 6]> {
    let parts: Vec<&str> = s.split(':').collect();
    if parts.len() != 6 {
        return None;
    }
    let mut m = [0u8; 6];
    for (i, p) in parts.iter().enumerate() {
        if p.is_empty() || p.len() > 2 {
            return None;
        }
        m[i] = u8::from_str_radix(p, 16).ok()?;
    }
    Some(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The indexed FDB answers as scans of a plain `Vec` would, after any sequence of changes.
    proptest! {
        #[test]
        fn fdb_index_equals_a_scan(ops in proptest::collection::vec((0u8..6, 0u8..5, any::<bool>(), any::<bool>(), 0u64..100), 0..60)) {
            let mut fdb = Fdb::default();
            let mut plain: Vec<FdbEntry> = Vec::new();
            for (op, m, local, is_static, t) in ops {
                let mac = [2, 0, 0, 0, 0, m];
                let e = FdbEntry { mac, port: None, local, is_static, updated: t };
                match op {
                    0 | 1 => {
                        fdb.push(e.clone());
                        plain.push(e);
                    }
                    2 => {
                        fdb.retain(|x| x.mac != mac);
                        plain.retain(|x| x.mac != mac);
                    }
                    3 => {
                        if let Some(p) = plain.iter().position(|x| x.mac == mac) {
                            fdb.set(p, e.clone());
                            plain[p] = e;
                        }
                    }
                    4 => {
                        if let Some(p) = plain.iter().position(|x| x.mac == mac) {
                            fdb.refresh(p, None, t);
                            plain[p].port = None;
                            plain[p].updated = t;
                        }
                    }
                    _ => {
                        if !plain.is_empty() {
                            let p = usize::from(m) % plain.len();
                            fdb.remove(p);
                            plain.remove(p);
                        }
                    }
                }
                prop_assert_eq!(&fdb[..], &plain[..]);
                for k in 0..5u8 {
                    let mac = [2, 0, 0, 0, 0, k];
                    prop_assert_eq!(fdb.position(&mac), plain.iter().position(|x| x.mac == mac));
                }
                for (now, ageing) in [(t, 10), (t + 50, 20), (200, 100), (0, 0)] {
                    let any = plain.iter().any(|x| !x.local && !x.is_static && now.saturating_sub(x.updated) >= ageing);
                    prop_assert!(!any || fdb.may_have_expired(now, ageing), "bound hides an expired entry");
                }
            }
        }
    }
}

//! IPv4 routing: the main and local tables, connected routes derived from addresses, and
//! the neighbour (ARP) table.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::{DeviceId, IfAddr, Nanos, NetnsId, World};

/// Which routing table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Table {
    Main,
    Local,
}

/// Route type (`unicast`, `local`, `broadcast`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RouteType {
    Unicast,
    Local,
    Broadcast,
    Unreachable,
    Blackhole,
    Prohibit,
}

/// Who installed the route (`proto`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Proto {
    Kernel,
    Boot,
    Static,
}

/// Route scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scope {
    Universe,
    Link,
    Host,
}

/// One route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub table: Table,
    pub kind: RouteType,
    pub dst: Ipv4Net,
    pub gateway: Option<Ipv4Addr>,
    pub dev: Option<DeviceId>,
    pub proto: Proto,
    pub scope: Scope,
    pub prefsrc: Option<std::net::IpAddr>,
    pub metric: u32,
    /// The link has no carrier (`linkdown`); filled when listing.
    pub linkdown: bool,
}

/// Neighbour (ARP) entry state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NudState {
    Incomplete,
    Reachable,
    Stale,
    Delay,
    Probe,
    Failed,
    Permanent,
    Noarp,
}

impl NudState {
    pub fn as_str(self) -> &'static str {
        match self {
            NudState::Incomplete => "INCOMPLETE",
            NudState::Reachable => "REACHABLE",
            NudState::Stale => "STALE",
            NudState::Delay => "DELAY",
            NudState::Probe => "PROBE",
            NudState::Failed => "FAILED",
            NudState::Permanent => "PERMANENT",
            NudState::Noarp => "NOARP",
        }
    }
}

/// One neighbour entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neigh {
    pub ip: Ipv4Addr,
    pub dev: DeviceId,
    pub mac: Option<[u8; 6]>,
    pub state: NudState,
    /// Virtual time of the last confirmation.
    pub updated: Nanos,
    /// Virtual time the entry was created (for solicitation retries).
    pub created: Nanos,
    /// Solicitations sent so far while incomplete.
    pub probes: u32,
}

/// How long a confirmed entry stays REACHABLE (base_reachable_time 30 s, fixed here).
pub const REACHABLE_TIME: Nanos = 30_000_000_000;

impl World {
    /// The full IPv4 routing table of a namespace: derived connected and local routes plus
    /// the routes added by hand, in the order `ip route` prints them.
    pub fn routes(&self, ns: NetnsId, table: Table) -> Vec<Route> {
        let mut v: Vec<Route> = Vec::new();
        self.each_route(ns, table, &mut |r| v.push(r));
        v.sort_by(|a, b| {
            (
                u32::from(a.dst.addr()),
                std::cmp::Reverse(a.dst.prefix_len()),
                a.metric,
            )
                .cmp(&(
                    u32::from(b.dst.addr()),
                    std::cmp::Reverse(b.dst.prefix_len()),
                    b.metric,
                ))
        });
        v.dedup_by(|a, b| dedup_same(a, b));
        v
    }

    /// Every route of a table in generation order (derived ones by device and address, then
    /// those added by hand), unsorted and with duplicates: what [`World::routes`] sorts
    /// (stably) and dedups, and what the lookups scan without allocating.
    fn each_route(&self, ns: NetnsId, table: Table, f: &mut impl FnMut(Route)) {
        for d in self.devices_of(ns) {
            let dev = self.dev(d);
            if !dev.admin_up {
                continue;
            }
            let linkdown = !self.carrier(d);
            for a in &dev.addrs {
                let IfAddr::V4 {
                    addr,
                    prefix,
                    brd,
                    secondary,
                    ..
                } = a
                else {
                    continue;
                };
                let net = Ipv4Net::new(*addr, *prefix).expect("valid prefix").trunc();
                // A secondary address's routes use its primary as the preferred source.
                let src: std::net::IpAddr = if *secondary {
                    dev.addrs
                        .iter()
                        .find_map(|p| match p {
                            IfAddr::V4 {
                                addr: pa,
                                prefix: pp,
                                secondary: false,
                                ..
                            } if pp == prefix
                                && Ipv4Net::new(*pa, *pp).map(|n| n.trunc()) == Ok(net) =>
                            {
                                Some((*pa).into())
                            }
                            _ => None,
                        })
                        .unwrap_or((*addr).into())
                } else {
                    (*addr).into()
                };
                match table {
                    Table::Main => {
                        if *prefix < 32 && !*secondary && !dev.is_loopback() {
                            f(Route {
                                table,
                                kind: RouteType::Unicast,
                                dst: net,
                                gateway: None,
                                dev: Some(d),
                                proto: Proto::Kernel,
                                scope: Scope::Link,
                                prefsrc: Some((*addr).into()),
                                metric: 0,
                                linkdown,
                            });
                        }
                    }
                    Table::Local => {
                        if dev.is_loopback() && *prefix < 32 && !*secondary {
                            f(Route {
                                table,
                                kind: RouteType::Local,
                                dst: net,
                                gateway: None,
                                dev: Some(d),
                                proto: Proto::Kernel,
                                scope: Scope::Host,
                                prefsrc: Some((*addr).into()),
                                metric: 0,
                                linkdown: false,
                            });
                        }
                        f(Route {
                            table,
                            kind: RouteType::Local,
                            dst: Ipv4Net::new(*addr, 32).expect("32"),
                            gateway: None,
                            dev: Some(d),
                            proto: Proto::Kernel,
                            scope: Scope::Host,
                            prefsrc: Some(src),
                            metric: 0,
                            linkdown: false,
                        });
                        let b = brd.or(if *prefix < 31 {
                            Some(net.broadcast())
                        } else {
                            None
                        });
                        if let Some(b) = b {
                            if !*secondary || brd.is_some() {
                                f(Route {
                                    table,
                                    kind: RouteType::Broadcast,
                                    dst: Ipv4Net::new(b, 32).expect("32"),
                                    gateway: None,
                                    dev: Some(d),
                                    proto: Proto::Kernel,
                                    scope: Scope::Link,
                                    prefsrc: Some((*addr).into()),
                                    metric: 0,
                                    linkdown: false,
                                });
                            }
                        }
                    }
                }
            }
        }
        for r in &self.ns(ns).routes {
            if r.table == table {
                let mut r = r.clone();
                r.linkdown = r.dev.is_some_and(|d| !self.carrier(d));
                f(r);
            }
        }
    }

    /// `fib_lookup`: the local table first, then main; longest prefix, lowest metric.
    ///
    /// Computed over [`World::each_route`] without building the table: the answer is the
    /// one `routes()` followed by a `max_by` (last of the equal maxima) gives, i.e. the
    /// greatest (prefix, lowest metric, address) and, among equals, the last in generation
    /// order that `dedup` keeps.
    pub fn route_lookup(&self, ns: NetnsId, dst: Ipv4Addr) -> Option<Route> {
        for table in [Table::Local, Table::Main] {
            let mut best: Option<Route> = None;
            self.each_route(ns, table, &mut |r| {
                if !r.dst.contains(&dst) {
                    return;
                }
                let key = |r: &Route| {
                    (
                        r.dst.prefix_len(),
                        std::cmp::Reverse(r.metric),
                        u32::from(r.dst.addr()),
                    )
                };
                match &best {
                    Some(b) if key(&r) < key(b) => {}
                    Some(b) if key(&r) == key(b) && dedup_same(&r, b) => {}
                    _ => best = Some(r),
                }
            });
            if best.is_some() {
                return best;
            }
        }
        None
    }

    /// The source address the kernel picks for traffic out of `dev` towards `dst`
    /// (`inet_select_addr`): a primary address on the device in the same subnet, else the
    /// first primary of the device, else any global address of the namespace.
    pub fn select_src(&self, ns: NetnsId, dev: DeviceId, dst: Ipv4Addr) -> Option<Ipv4Addr> {
        let d = self.dev(dev);
        let mut first = None;
        for a in &d.addrs {
            if let IfAddr::V4 {
                addr,
                prefix,
                secondary: false,
                ..
            } = a
            {
                if Ipv4Net::new(*addr, *prefix).is_ok_and(|n| n.contains(&dst)) {
                    return Some(*addr);
                }
                first.get_or_insert(*addr);
            }
        }
        if first.is_some() {
            return first;
        }
        self.v4_addrs(ns)
            .into_iter()
            .find(|(dd, a, _)| !self.dev(*dd).is_loopback() || !a.is_loopback())
            .map(|(_, a, _)| a)
    }

    /// Whether `gw` is reachable directly (on-link) through some connected route.
    pub fn gateway_onlink(
        &self,
        ns: NetnsId,
        gw: Ipv4Addr,
        dev: Option<DeviceId>,
    ) -> Option<DeviceId> {
        // As `routes()` then `max_by_key(prefix)` (the last of the longest in sorted order);
        // duplicates `dedup` would drop have the same device, so they change nothing.
        let mut best: Option<((u8, u32, u32), Option<DeviceId>)> = None;
        self.each_route(ns, Table::Main, &mut |r| {
            if r.gateway.is_none()
                && r.kind == RouteType::Unicast
                && r.dst.contains(&gw)
                && dev.is_none_or(|d| r.dev == Some(d))
            {
                let key = (r.dst.prefix_len(), u32::from(r.dst.addr()), r.metric);
                if best.is_none_or(|(k, _)| key >= k) {
                    best = Some((key, r.dev));
                }
            }
        });
        best.and_then(|(_, d)| d).or_else(|| {
            // fib_check_nh_v4_gw also accepts a gateway that resolves to a local route (an
            // address of this host, or a prefix on `lo`); the nexthop device is that route's.
            self.route_lookup(ns, gw)
                .filter(|r| r.kind == RouteType::Local)
                .and_then(|r| r.dev)
                .filter(|d| dev.is_none_or(|x| x == *d))
        })
    }
}

/// The routes `routes()` keeps only once (`dedup_by`: same table, type, destination,
/// device, metric and gateway).
fn dedup_same(a: &Route, b: &Route) -> bool {
    a.table == b.table
        && a.kind == b.kind
        && a.dst == b.dst
        && a.dev == b.dev
        && a.metric == b.metric
        && a.gateway == b.gateway
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The reference the lookups must equal: build, sort and dedup the table, then pick.
    fn lookup_by_table(w: &World, ns: NetnsId, dst: Ipv4Addr) -> Option<Route> {
        for table in [Table::Local, Table::Main] {
            let best = w
                .routes(ns, table)
                .into_iter()
                .filter(|r| r.dst.contains(&dst))
                .max_by(|a, b| {
                    a.dst
                        .prefix_len()
                        .cmp(&b.dst.prefix_len())
                        .then(b.metric.cmp(&a.metric))
                });
            if best.is_some() {
                return best;
            }
        }
        None
    }

    fn onlink_by_table(
        w: &World,
        ns: NetnsId,
        gw: Ipv4Addr,
        dev: Option<DeviceId>,
    ) -> Option<DeviceId> {
        w.routes(ns, Table::Main)
            .into_iter()
            .filter(|r| r.gateway.is_none() && r.kind == RouteType::Unicast && r.dst.contains(&gw))
            .filter(|r| dev.is_none_or(|d| r.dev == Some(d)))
            .max_by_key(|r| r.dst.prefix_len())
            .and_then(|r| r.dev)
            .or_else(|| {
                // A gateway resolving to a local route is accepted too (its device).
                lookup_by_table(w, ns, gw)
                    .filter(|r| r.kind == RouteType::Local)
                    .and_then(|r| r.dev)
                    .filter(|d| dev.is_none_or(|x| x == *d))
            })
    }

    const NETS: [u32; 4] = [0x0a00_0000, 0x0a00_0100, 0x0a01_0000, 0xc0a8_0100];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn lookups_equal_the_sorted_table(
            addrs in proptest::collection::vec((0..3usize, 0..4usize, 0..8u32, proptest::sample::select(vec![8u8, 16, 24, 32])), 0..8),
            statics in proptest::collection::vec((0..4usize, proptest::sample::select(vec![0u8, 8, 16, 24, 32]), 0..3usize, 0..3u32, any::<bool>(), 0..3usize), 0..8),
            ups in proptest::collection::vec(any::<bool>(), 3),
            probes in proptest::collection::vec((0..4usize, 0..8u32, 0..4usize), 1..10),
        ) {
            let mut w = World::new(1);
            let ns = w.add_netns("t").unwrap();
            let (a, _) = w.add_veth(ns, Some("a"), ns, Some("pa")).unwrap();
            let (b, _) = w.add_veth(ns, Some("b"), ns, Some("pb")).unwrap();
            let lo = w.ns(ns).lo;
            let devs = [lo, a, b];
            for (d, up) in devs.iter().zip(&ups) {
                w.set_up(*d, *up);
            }
            w.set_up(w.dev_by_name(ns, "pa").unwrap(), true);
            for (d, n, h, p) in addrs {
                let ip = Ipv4Addr::from(NETS[n] + h + 1);
                let _ = w.add_addr(devs[d], IfAddr::v4(ip, p, None, "x"));
            }
            for (n, p, d, metric, gw, kind) in statics {
                let dst = Ipv4Net::new(Ipv4Addr::from(NETS[n]), p).unwrap().trunc();
                w.ns_mut(ns).routes.push(Route {
                    table: Table::Main,
                    kind: [RouteType::Unicast, RouteType::Blackhole, RouteType::Unicast][kind],
                    dst,
                    gateway: gw.then(|| Ipv4Addr::from(NETS[0] + 1)),
                    dev: Some(devs[d]),
                    proto: Proto::Static,
                    scope: Scope::Universe,
                    prefsrc: None,
                    metric,
                    linkdown: false,
                });
            }
            for (n, h, d) in probes {
                let ip = Ipv4Addr::from(NETS[n] + h);
                prop_assert_eq!(w.route_lookup(ns, ip), lookup_by_table(&w, ns, ip));
                let dev = devs.get(d).copied();
                prop_assert_eq!(w.gateway_onlink(ns, ip, dev), onlink_by_table(&w, ns, ip, dev));
            }
        }
    }
}

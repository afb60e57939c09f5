//! IPv4 routing: the main and local tables, connected routes derived from addresses, and
//! the neighbour (ARP) table.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::{DeviceId, IfAddr, NetnsId, Nanos, World};

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
        for d in self.devices_of(ns) {
            let dev = self.dev(d);
            if !dev.admin_up {
                continue;
            }
            let linkdown = !self.carrier(d);
            for a in &dev.addrs {
                let IfAddr::V4 { addr, prefix, brd, secondary, .. } = a else { continue };
                let net = Ipv4Net::new(*addr, *prefix).expect("valid prefix").trunc();
                // A secondary address's routes use its primary as the preferred source.
                let src: std::net::IpAddr = if *secondary {
                    dev.addrs
                        .iter()
                        .find_map(|p| match p {
                            IfAddr::V4 { addr: pa, prefix: pp, secondary: false, .. }
                                if pp == prefix && Ipv4Net::new(*pa, *pp).map(|n| n.trunc()) == Ok(net) =>
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
                            v.push(Route {
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
                            v.push(Route {
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
                        v.push(Route {
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
                        let b = brd.or(if *prefix < 31 { Some(net.broadcast()) } else { None });
                        if let Some(b) = b {
                            if !*secondary || brd.is_some() {
                                v.push(Route {
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
                r.linkdown = r.dev.map_or(false, |d| !self.carrier(d));
                v.push(r);
            }
        }
        v.sort_by(|a, b| {
            (u32::from(a.dst.addr()), std::cmp::Reverse(a.dst.prefix_len()), a.metric)
                .cmp(&(u32::from(b.dst.addr()), std::cmp::Reverse(b.dst.prefix_len()), b.metric))
        });
        v.dedup_by(|a, b| a.table == b.table && a.kind == b.kind && a.dst == b.dst && a.dev == b.dev && a.metric == b.metric && a.gateway == b.gateway);
        v
    }

    /// `fib_lookup`: the local table first, then main; longest prefix, lowest metric.
    pub fn route_lookup(&self, ns: NetnsId, dst: Ipv4Addr) -> Option<Route> {
        for table in [Table::Local, Table::Main] {
            let best = self
                .routes(ns, table)
                .into_iter()
                .filter(|r| r.dst.contains(&dst))
                .max_by(|a, b| a.dst.prefix_len().cmp(&b.dst.prefix_len()).then(b.metric.cmp(&a.metric)));
            if let Some(r) = best {
                return Some(r);
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
            if let IfAddr::V4 { addr, prefix, secondary: false, .. } = a {
                if Ipv4Net::new(*addr, *prefix).map_or(false, |n| n.contains(&dst)) {
                    return Some(*addr);
                }
                first.get_or_insert(*addr);
            }
        }
        if first.is_some() {
            return first;
        }
        self.v4_addrs(ns).into_iter().find(|(dd, a, _)| !self.dev(*dd).is_loopback() || !a.is_loopback()).map(|(_, a, _)| a)
    }

    /// Whether `gw` is reachable directly (on-link) through some connected route.
    pub fn gateway_onlink(&self, ns: NetnsId, gw: Ipv4Addr, dev: Option<DeviceId>) -> Option<DeviceId> {
        self.routes(ns, Table::Main)
            .into_iter()
            .filter(|r| r.gateway.is_none() && r.kind == RouteType::Unicast && r.dst.contains(&gw))
            .filter(|r| dev.map_or(true, |d| r.dev == Some(d)))
            .max_by_key(|r| r.dst.prefix_len())
            .and_then(|r| r.dev)
    }
}

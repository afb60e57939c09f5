//! The packet engine: frames move between devices on a virtual clock, through ARP, routing,
//! bridges and netfilter, one event at a time in (time, sequence) order.
//!
//! Architecture invariant: the engine never formats text for users; it records what
//! happened in the trace and in socket inboxes, and the tools print from those.

pub mod netfilter;
pub mod sockets;
pub mod trace;

use std::net::Ipv4Addr;

use crate::model::route::RouteType;
use crate::model::{DeviceId, Errno, NetnsId, World};
use crate::shell::Sim;

/// Where the kernel would send a locally generated packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteResult {
    pub dev: DeviceId,
    pub src: Ipv4Addr,
    pub gateway: Option<Ipv4Addr>,
    pub local: bool,
}

/// `ip_route_output`: route a locally generated packet to `dst`.
pub fn route_output(w: &World, ns: NetnsId, dst: Ipv4Addr) -> Result<RouteResult, Errno> {
    let r = w.route_lookup(ns, dst).ok_or(Errno::NetUnreach)?;
    match r.kind {
        RouteType::Local => {
            let src = match r.prefsrc {
                Some(std::net::IpAddr::V4(a)) => a,
                _ => dst,
            };
            Ok(RouteResult { dev: w.ns(ns).lo, src, gateway: None, local: true })
        }
        RouteType::Unicast | RouteType::Broadcast => {
            let dev = r.dev.ok_or(Errno::NetUnreach)?;
            let src = match r.prefsrc {
                Some(std::net::IpAddr::V4(a)) => a,
                _ => w.select_src(ns, dev, dst).ok_or(Errno::NetUnreach)?,
            };
            Ok(RouteResult { dev, src, gateway: r.gateway, local: false })
        }
        RouteType::Unreachable | RouteType::Blackhole | RouteType::Prohibit => Err(Errno::NetUnreach),
    }
}

/// Bring neighbour states up to date with the virtual clock.
pub fn neigh_refresh(_w: &mut World, _ns: NetnsId) {}

/// Advance virtual time by `ns`, processing every event due.
pub fn run_for(sim: &mut Sim, ns: u64) {
    sim.world.advance(ns);
}

//! The Linux bridge's data path (`net/bridge`): learning, forwarding, flooding, ageing, and
//! br_netfilter's calls into iptables for bridged IPv4.

use super::netfilter::{Hook, PktType};
use super::{netif_receive_host, nf_hook_full, where_, At};
use crate::model::{fmt_mac, DeviceId, FdbEntry};
use crate::shell::Sim;
use crate::wire::{Body, Frame};

/// Remove learned entries older than the ageing time (`br_fdb_cleanup`).
pub fn fdb_cleanup(sim: &mut Sim, br: DeviceId) {
    let now = sim.world.now;
    if let Some(b) = sim.world.dev_mut(br).bridge_mut() {
        // Called for every frame: O(1) when no entry can have aged yet, nothing to allocate
        // when nothing expired.
        if !b.fdb.may_have_expired(now, b.ageing_cs * 10_000_000) {
            return;
        }
        if !b.fdb.iter().any(|e| b.expired(e, now)) {
            b.fdb.recompute_oldest();
            return;
        }
        let keep: Vec<bool> = b.fdb.iter().map(|e| !b.expired(e, now)).collect();
        let mut k = keep.into_iter();
        b.fdb.retain(|_| k.next().unwrap_or(true));
    }
}

/// Learn `mac` behind `port` (`br_fdb_update`).
fn fdb_update(sim: &mut Sim, br: DeviceId, port: DeviceId, mac: [u8; 6]) {
    if mac[0] & 1 == 1 || mac == [0; 6] {
        return;
    }
    let now = sim.world.now;
    let Some(b) = sim.world.dev_mut(br).bridge_mut() else {
        return;
    };
    match b.fdb.position(&mac) {
        Some(p) if b.fdb[p].local || b.fdb[p].is_static => {}
        Some(p) => b.fdb.refresh(p, Some(port), now),
        None => b.fdb.push(FdbEntry {
            mac,
            port: Some(port),
            local: false,
            is_static: false,
            updated: now,
        }),
    }
}

/// Where a destination MAC lives: `Some(None)` for the bridge itself (local).
fn fdb_lookup(sim: &Sim, br: DeviceId, mac: &[u8; 6]) -> Option<Option<DeviceId>> {
    let d = sim.world.dev(br);
    if *mac == d.mac {
        return Some(None);
    }
    let b = d.bridge()?;
    b.fdb.get(mac).map(|e| if e.local { None } else { e.port })
}

fn port_forwarding(sim: &Sim, p: DeviceId) -> bool {
    sim.world.device_exists(p) && sim.world.dev(p).admin_up && sim.world.carrier(p)
}

fn bridge_nf(sim: &Sim, br: DeviceId, frame: &Frame) -> bool {
    let ns = sim.world.dev(br).netns;
    matches!(frame.body, Body::Ipv4(_))
        && sim
            .world
            .ns(ns)
            .sysctl
            .flag("net.bridge.bridge-nf-call-iptables")
        && sim.world.ns(ns).nf.is_active()
}

/// A frame arrived on bridge port `port` (`br_handle_frame`).
pub fn handle_frame(sim: &mut Sim, br: DeviceId, port: DeviceId, mut frame: Frame) {
    if !sim.world.dev(br).admin_up {
        return;
    }
    fdb_cleanup(sim, br);
    fdb_update(sim, br, port, frame.src);
    let now = sim.world.now;
    let lab = if sim.trace.enabled {
        where_(&sim.world, port)
    } else {
        String::new()
    }; // only traces read it
    let br_name = sim.world.dev(br).name.clone();
    let port_name = sim.world.dev(port).name.clone();
    let pkt_type = if frame.is_broadcast() {
        PktType::Broadcast
    } else if frame.is_multicast() {
        PktType::Multicast
    } else {
        PktType::Unicast
    };
    let ns = sim.world.dev(br).netns;
    if bridge_nf(sim, br, &frame) {
        if let Body::Ipv4(p) = &mut frame.body {
            let dst_before = p.dst;
            let ok = nf_hook_full(
                sim,
                ns,
                Hook::PreRouting,
                p,
                At {
                    in_dev: Some(&br_name),
                    out_dev: None,
                    out_id: None,
                    physdev_in: Some(&port_name),
                    physdev_out: None,
                    bridged: true,
                    src_mac: Some(frame.src),
                    pkt_type,
                },
            );
            if ok != Ok(true) {
                return;
            }
            // br_nf_pre_routing_finish: NAT changed the destination to a host that is
            // reached through this same bridge: bridge it there, no routing, no TTL change.
            if p.dst != dst_before && sim.world.is_local_v4(ns, p.dst).is_none() {
                if let Ok(rt) = super::route_output(&sim.world, ns, p.dst) {
                    if rt.dev == br && !rt.local {
                        let nh = rt.gateway.unwrap_or(p.dst);
                        let pkt = p.clone();
                        sim.trace.step(now, &lab, || {
                            format!(
                                "bridge {br_name}: NAT moved the destination to {}: bridged there",
                                pkt.dst
                            )
                        });
                        super::neigh_output(sim, ns, br, nh, pkt);
                        return;
                    }
                }
            }
        }
    }
    let dest = if frame.is_multicast() {
        None
    } else {
        fdb_lookup(sim, br, &frame.dst)
    };
    match dest {
        Some(None) => {
            sim.trace.step(now, &lab, || {
                format!(
                    "bridge {br_name}: {} is the bridge itself: up to its stack",
                    fmt_mac(&frame.dst)
                )
            });
            netif_receive_host(sim, br, frame);
        }
        Some(Some(out)) if out == port => {
            sim.trace.drop_step(now, &lab, || {
                format!(
                    "bridge {br_name}: {} lives behind the ingress port: dropped",
                    fmt_mac(&frame.dst)
                )
            });
        }
        Some(Some(out)) => {
            let on = sim.world.dev(out).name.clone();
            sim.trace.step(now, &lab, || {
                format!(
                    "bridge {br_name}: {} learned on {on}: forward",
                    fmt_mac(&frame.dst)
                )
            });
            forward(sim, br, Some(port), out, frame.clone(), pkt_type);
        }
        None => {
            let why = if frame.is_multicast() {
                "broadcast/multicast"
            } else {
                "unknown unicast"
            };
            sim.trace.step(now, &lab, || {
                format!("bridge {br_name}: {} is {why}: flood", fmt_mac(&frame.dst))
            });
            for p in sim.world.bridge_ports(br) {
                if p != port {
                    forward(sim, br, Some(port), p, frame.clone(), pkt_type);
                }
            }
            if frame.is_multicast() {
                netif_receive_host(sim, br, frame);
            }
        }
    }
}

/// Send a frame out of one port (`br_forward`), through br_netfilter when enabled.
fn forward(
    sim: &mut Sim,
    br: DeviceId,
    from: Option<DeviceId>,
    to: DeviceId,
    mut frame: Frame,
    pkt_type: PktType,
) {
    if !port_forwarding(sim, to) {
        return;
    }
    if let (Some(from), true) = (from, bridge_nf(sim, br, &frame)) {
        let ns = sim.world.dev(br).netns;
        let br_name = sim.world.dev(br).name.clone();
        let pin = sim.world.dev(from).name.clone();
        let pout = sim.world.dev(to).name.clone();
        let src = frame.src;
        if let Body::Ipv4(p) = &mut frame.body {
            for hook in [Hook::Forward, Hook::PostRouting] {
                let ok = nf_hook_full(
                    sim,
                    ns,
                    hook,
                    p,
                    At {
                        in_dev: Some(&br_name),
                        out_dev: Some(&br_name),
                        out_id: Some(br),
                        physdev_in: Some(&pin),
                        physdev_out: Some(&pout),
                        bridged: true,
                        src_mac: Some(src),
                        pkt_type,
                    },
                );
                if ok != Ok(true) {
                    return;
                }
            }
        }
    }
    super::dev_xmit(sim, to, &frame);
}

/// The bridge device transmits a frame from its own stack (`br_dev_xmit`).
pub fn dev_xmit(sim: &mut Sim, br: DeviceId, frame: &Frame) {
    fdb_cleanup(sim, br);
    let pkt_type = if frame.is_broadcast() {
        PktType::Broadcast
    } else {
        PktType::Unicast
    };
    match if frame.is_multicast() {
        None
    } else {
        fdb_lookup(sim, br, &frame.dst)
    } {
        Some(Some(p)) => forward(sim, br, None, p, frame.clone(), pkt_type),
        Some(None) => {}
        None => {
            for p in sim.world.bridge_ports(br) {
                forward(sim, br, None, p, frame.clone(), pkt_type);
            }
        }
    }
}

#[cfg(test)]
#[path = "bridge_props.rs"]
mod props;

//! The packet engine: frames move between devices on a virtual clock, through ARP, routing,
//! bridges and netfilter, one event at a time in (time, sequence) order.
//!
//! Architecture invariant: the engine never formats text for users (except trace steps);
//! it records what happened in socket inboxes and counters, and the tools print from those.
//! Frames travel between devices as bytes ([`crate::wire`]); everything else sees `Frame`.

pub(crate) mod bridge;
pub mod netfilter;
pub mod sockets;
pub mod trace;

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::net::Ipv4Addr;

use crate::model::route::{Neigh, NudState, RouteType, REACHABLE_TIME};
use crate::model::{fmt_mac, DeviceId, DeviceKind, Errno, Nanos, NetnsId, World};
use crate::shell::Sim;
use crate::wire::{self, Arp, Body, Frame, Icmp, Ipv4, Mac, BROADCAST, L4};
use netfilter::{Hook, HookCtx, PktType, RejectWith, Verdict};

/// Time a frame takes to cross a veth pair (virtual).
pub const VETH_DELAY: Nanos = 20_000;
/// Time a frame takes through loopback (virtual).
pub const LO_DELAY: Nanos = 5_000;
/// ARP retransmission interval (`retrans_time_ms`, 1 s on Linux).
pub const ARP_RETRANS: Nanos = 1_000_000_000;
/// Multicast solicitations before an entry fails (`mcast_solicit`, 3 on Linux).
pub const ARP_PROBES: u32 = 3;
/// Packets queued per unresolved neighbour (Linux's `unres_qlen` is about 100).
const ARP_QUEUE: usize = 100;

/// What can happen at a point in virtual time.
#[derive(Debug, Clone, PartialEq, Eq)]
enum EventKind {
    /// A frame arrives at a device.
    Rx { dev: DeviceId, bytes: Vec<u8> },
    /// Retransmit an ARP request, or give up.
    ArpTimer {
        ns: NetnsId,
        dev: DeviceId,
        ip: Ipv4Addr,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Event {
    at: Nanos,
    seq: u64,
    kind: EventKind,
}

impl Ord for Event {
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        (self.at, self.seq).cmp(&(o.at, o.seq))
    }
}
impl PartialOrd for Event {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}

/// Packets waiting for a neighbour to resolve.
#[derive(Debug, Clone)]
struct Pending {
    ns: NetnsId,
    dev: DeviceId,
    ip: Ipv4Addr,
    packets: Vec<Ipv4>,
}

/// The engine's own state: the event queue and per-command budgets.
#[derive(Debug, Default)]
pub struct Engine {
    queue: BinaryHeap<Reverse<Event>>,
    seq: u64,
    pending: Vec<Pending>,
    /// Frames moved since the current command started.
    pub frames: u64,
    /// Set when a command exceeded the frame budget: the loop diagnostic.
    pub overflow: Option<String>,
}

impl Engine {
    fn push(&mut self, at: Nanos, kind: EventKind) {
        self.seq += 1;
        self.queue.push(Reverse(Event {
            at,
            seq: self.seq,
            kind,
        }));
    }
    /// Start a new command: reset the frame budget.
    pub fn begin_command(&mut self) {
        self.frames = 0;
        self.overflow = None;
    }
}

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
                Some(std::net::IpAddr::V4(a))
                    if !r.dst.contains(&dst) || r.dst.prefix_len() == 32 =>
                {
                    a
                }
                _ => dst,
            };
            Ok(RouteResult {
                dev: w.ns(ns).lo,
                src,
                gateway: None,
                local: true,
            })
        }
        RouteType::Unicast | RouteType::Broadcast => {
            let dev = r.dev.ok_or(Errno::NetUnreach)?;
            let src = match r.prefsrc {
                Some(std::net::IpAddr::V4(a)) => a,
                _ => w.select_src(ns, dev, dst).ok_or(Errno::NetUnreach)?,
            };
            Ok(RouteResult {
                dev,
                src,
                gateway: r.gateway,
                local: false,
            })
        }
        RouteType::Blackhole => Err(Errno::Inval),
        RouteType::Unreachable => Err(Errno::HostUnreach),
        RouteType::Prohibit => Err(Errno::Acces),
    }
}

/// Bring neighbour states up to date with the virtual clock (REACHABLE turns STALE).
pub fn neigh_refresh(w: &mut World, ns: NetnsId) {
    let now = w.now;
    for n in &mut w.ns_mut(ns).neigh {
        if n.state == NudState::Reachable && now >= n.updated + REACHABLE_TIME {
            n.state = NudState::Stale;
        }
    }
}

/// True once virtual time stands at `--max-time`: a command waiting for later events would
/// wait for ever. Sets the command's overflow message (the limit and the option to raise it),
/// which tools print and stop on, as they do for the frame budget.
pub fn time_limit_reached(sim: &mut Sim) -> bool {
    let limit = sim.world.limits.max_time_s.saturating_mul(1_000_000_000);
    if sim.world.now < limit {
        return false;
    }
    if sim.engine.overflow.is_none() {
        sim.engine.overflow = Some(format!(
            "netsim: virtual time limit of {} s reached (raise it with --max-time)\n",
            sim.world.limits.max_time_s
        ));
    }
    true
}

/// When the next queued event is due, if any.
pub fn next_event_at(sim: &Sim) -> Option<Nanos> {
    sim.engine.queue.peek().map(|Reverse(ev)| ev.at)
}

/// Advance virtual time by `d`, processing every event due.
pub fn run_for(sim: &mut Sim, d: Nanos) {
    let until = sim.world.now.saturating_add(d);
    run_until(sim, until);
}

/// Process events up to and including virtual time `until`, then set the clock there.
pub fn run_until(sim: &mut Sim, until: Nanos) {
    // Virtual time never passes the configured limit (`--max-time`).
    let until = until.min(sim.world.limits.max_time_s.saturating_mul(1_000_000_000));
    while let Some(Reverse(ev)) = sim.engine.queue.peek() {
        if ev.at > until {
            break;
        }
        let Some(Reverse(ev)) = sim.engine.queue.pop() else {
            break;
        };
        if ev.at > sim.world.now {
            sim.world.now = ev.at;
        }
        if sim.engine.overflow.is_some() && matches!(ev.kind, EventKind::Rx { .. }) {
            continue; // drain: a loop was detected, nothing more moves in this command
        }
        match ev.kind {
            EventKind::Rx { dev, bytes } => {
                sim.engine.frames += 1;
                if sim.engine.frames > sim.world.limits.max_frames {
                    let name = if sim.world.device_exists(dev) {
                        sim.world.dev(dev).name.clone()
                    } else {
                        Default::default()
                    };
                    sim.engine.overflow = Some(format!(
                        "netsim: frame budget of {} frames for one command exceeded (a loop? last frame arrived at {name}); raise it with --max-frames\n",
                        sim.world.limits.max_frames
                    ));
                    let now = sim.world.now;
                    let max = sim.world.limits.max_frames;
                    sim.trace.drop_step(now, &name, || format!("frame budget of {max} frames for one command exceeded: this frame and every frame in flight dropped"));
                    // Cut the loop: every frame in flight is lost. Timers (ARP) keep running
                    // so no neighbour entry is left waiting for a retransmission that never comes.
                    sim.engine
                        .queue
                        .retain(|Reverse(e)| !matches!(e.kind, EventKind::Rx { .. }));
                    continue;
                }
                rx(sim, dev, &bytes);
            }
            EventKind::ArpTimer { ns, dev, ip } => arp_timer(sim, ns, dev, ip),
        }
    }
    if until > sim.world.now {
        sim.world.now = until;
    }
}

/// Process events up to `until`, but stop right after the event that delivered something
/// into socket inbox `id` of namespace `ns` (a ping waiting for its replies). Returns true
/// when it stopped early; the clock then stands at that event.
pub fn run_until_inbox(sim: &mut Sim, until: Nanos, ns: NetnsId, id: u16) -> bool {
    let count = |sim: &mut Sim| {
        sim.world
            .ns_mut(ns)
            .sockets
            .inbox(id)
            .map_or(0, |b| b.packets.len())
    };
    let before = count(sim);
    loop {
        let next = match sim.engine.queue.peek() {
            Some(Reverse(ev)) if ev.at <= until => ev.at,
            _ => break,
        };
        run_until(sim, next);
        if count(sim) != before {
            return true;
        }
    }
    run_until(sim, until);
    false
}

fn ns_label(w: &World, ns: NetnsId) -> String {
    w.netns_name(ns).unwrap_or("init").to_string()
}

fn where_(w: &World, dev: DeviceId) -> String {
    let d = w.dev(dev);
    format!("{}/{}", ns_label(w, d.netns), d.name)
}

fn describe(p: &Ipv4) -> String {
    match &p.l4 {
        L4::Icmp(i) => {
            let what = match (i.typ, i.code) {
                (0, _) => format!("echo reply id={} seq={}", i.id(), i.seq()),
                (8, _) => format!("echo request id={} seq={}", i.id(), i.seq()),
                (3, 0) => "net unreachable".into(),
                (3, 1) => "host unreachable".into(),
                (3, 3) => "port unreachable".into(),
                (3, c) => format!("dest unreachable code {c}"),
                (11, _) => "time exceeded".into(),
                (t, c) => format!("type {t} code {c}"),
            };
            format!("ICMP {} > {} {what} ttl={}", p.src, p.dst, p.ttl)
        }
        L4::Tcp(t) => {
            let f = t.flags;
            let mut fl = String::new();
            for (b, c) in [
                (f.syn, 'S'),
                (f.fin, 'F'),
                (f.rst, 'R'),
                (f.psh, 'P'),
                (f.ack, '.'),
            ] {
                if b {
                    fl.push(c);
                }
            }
            format!("TCP {}:{} > {}:{} [{fl}]", p.src, t.sport, p.dst, t.dport)
        }
        L4::Udp(u) => format!(
            "UDP {}:{} > {}:{} len={}",
            p.src,
            u.sport,
            p.dst,
            u.dport,
            u.payload.len()
        ),
        L4::Other { proto, .. } => format!("IP proto {proto} {} > {}", p.src, p.dst),
    }
}

// ---------------------------------------------------------------- transmit

/// Put a frame on a device's wire.
fn dev_xmit(sim: &mut Sim, dev: DeviceId, frame: &Frame) {
    let w = &sim.world;
    if !w.device_exists(dev) || !w.dev(dev).admin_up {
        return;
    }
    let len = frame.wire_len() as u64;
    match w.dev(dev).kind.clone() {
        DeviceKind::Loopback => {
            let d = sim.world.dev_mut(dev);
            d.stats.tx_packets += 1;
            d.stats.tx_bytes += len;
            let at = sim.world.now.saturating_add(LO_DELAY);
            sim.engine.push(
                at,
                EventKind::Rx {
                    dev,
                    bytes: wire::emit(frame),
                },
            );
        }
        DeviceKind::Veth { peer } => {
            let carrier = sim.world.carrier(dev);
            let d = sim.world.dev_mut(dev);
            if !carrier {
                d.stats.tx_dropped += 1;
                let now = sim.world.now;
                sim.trace.drop_step(now, &where_(&sim.world, dev), || {
                    format!("no carrier (peer down): {} dropped", fmt_frame(frame))
                });
                return;
            }
            d.stats.tx_packets += 1;
            d.stats.tx_bytes += len;
            let now = sim.world.now;
            // The label is formatted only when a trace or capture will keep it.
            if sim.trace.enabled {
                let w2 = where_(&sim.world, dev);
                sim.trace
                    .step(now, &w2, || format!("tx {}", fmt_frame(frame)));
            }
            let bytes = wire::emit(frame);
            let w = &sim.world;
            sim.trace.capture(now, || where_(w, dev), &bytes);
            sim.engine.push(
                now.saturating_add(VETH_DELAY),
                EventKind::Rx { dev: peer, bytes },
            );
        }
        DeviceKind::Bridge(_) => {
            let d = sim.world.dev_mut(dev);
            d.stats.tx_packets += 1;
            d.stats.tx_bytes += len;
            bridge::dev_xmit(sim, dev, frame);
        }
    }
}

fn fmt_frame(f: &Frame) -> String {
    match &f.body {
        Body::Arp(a) if a.request => format!("ARP who-has {} tell {}", a.tpa, a.spa),
        Body::Arp(a) => format!("ARP {} is-at {}", a.spa, fmt_mac(&a.sha)),
        Body::Ipv4(p) => describe(p),
        Body::Other { ethertype, .. } => format!("ethertype 0x{ethertype:04x}"),
    }
}

/// Send a locally generated IPv4 packet: route, OUTPUT, POSTROUTING, neighbour, wire.
/// Returns the routing error a socket would see.
pub fn ip_output(
    sim: &mut Sim,
    ns: NetnsId,
    mut pkt: Ipv4,
    oif: Option<DeviceId>,
) -> Result<(), Errno> {
    let mut rt = match oif {
        Some(dev) => {
            // SO_BINDTODEVICE (`ping -I DEV`): route within the device only.
            let r = route_output(&sim.world, ns, pkt.dst);
            match r {
                Ok(r) if r.dev == dev || r.local => r,
                _ => {
                    let src = sim
                        .world
                        .select_src(ns, dev, pkt.dst)
                        .ok_or(Errno::NetUnreach)?;
                    RouteResult {
                        dev,
                        src,
                        gateway: None,
                        local: false,
                    }
                }
            }
        }
        None => route_output(&sim.world, ns, pkt.dst)?,
    };
    if pkt.src == Ipv4Addr::UNSPECIFIED {
        pkt.src = rt.src;
    }
    let now = sim.world.now;
    let lab = if sim.trace.enabled {
        ns_label(&sim.world, ns)
    } else {
        String::new()
    }; // only traces read it
    sim.trace.step(now, &lab, || {
        format!(
            "send {} via {}",
            describe(&pkt),
            route_desc(&sim.world, &rt)
        )
    });
    let out_name = sim.world.dev(rt.dev).name.clone();
    let dst_before = pkt.dst;
    if !nf_hook(
        sim,
        ns,
        Hook::LocalOut,
        &mut pkt,
        None,
        Some(&out_name),
        None,
    )? {
        return Ok(());
    }
    if pkt.dst != dst_before {
        // NAT changed the destination: route again (the kernel's ip_route_me_harder).
        rt = route_output(&sim.world, ns, pkt.dst)?;
    }
    let out_name = sim.world.dev(rt.dev).name.clone();
    if !nf_hook(
        sim,
        ns,
        Hook::PostRouting,
        &mut pkt,
        None,
        Some(&out_name),
        Some(rt.dev),
    )? {
        return Ok(());
    }
    let nh = rt.gateway.unwrap_or(pkt.dst);
    neigh_output(sim, ns, rt.dev, nh, pkt);
    Ok(())
}

fn route_desc(w: &World, r: &RouteResult) -> String {
    match (r.local, r.gateway) {
        (true, _) => "lo (local)".into(),
        (false, Some(g)) => format!("{} gw {g}", w.dev(r.dev).name),
        (false, None) => w.dev(r.dev).name.clone(),
    }
}

/// Run a netfilter hook; `Ok(true)` to continue, `Ok(false)` when the packet was dropped.
fn nf_hook(
    sim: &mut Sim,
    ns: NetnsId,
    hook: Hook,
    pkt: &mut Ipv4,
    in_dev: Option<&str>,
    out_dev: Option<&str>,
    out_id: Option<DeviceId>,
) -> Result<bool, Errno> {
    nf_hook_full(
        sim,
        ns,
        hook,
        pkt,
        At::routed(in_dev, out_dev, out_id, None, PktType::Unicast),
    )
}

/// Where a packet is when a hook runs: what netfilter's `HookCtx` is built from.
#[derive(Debug, Clone, Copy)]
struct At<'a> {
    /// `-i`: the input device (for bridged traffic, the bridge).
    in_dev: Option<&'a str>,
    /// `-o`: the output device (for bridged traffic, the bridge).
    out_dev: Option<&'a str>,
    /// The output device, for MASQUERADE's choice of address.
    out_id: Option<DeviceId>,
    /// `-m physdev`: the bridge ports, for bridged traffic only.
    physdev_in: Option<&'a str>,
    physdev_out: Option<&'a str>,
    bridged: bool,
    src_mac: Option<Mac>,
    pkt_type: PktType,
}

impl<'a> At<'a> {
    /// A routed (not bridged) packet.
    fn routed(
        in_dev: Option<&'a str>,
        out_dev: Option<&'a str>,
        out_id: Option<DeviceId>,
        src_mac: Option<Mac>,
        pkt_type: PktType,
    ) -> At<'a> {
        At {
            in_dev,
            out_dev,
            out_id,
            physdev_in: None,
            physdev_out: None,
            bridged: false,
            src_mac,
            pkt_type,
        }
    }
}

fn nf_hook_full(
    sim: &mut Sim,
    ns: NetnsId,
    hook: Hook,
    pkt: &mut Ipv4,
    at: At<'_>,
) -> Result<bool, Errno> {
    let At {
        in_dev,
        out_dev,
        out_id,
        physdev_in,
        physdev_out,
        bridged,
        src_mac,
        pkt_type,
    } = at;
    if !sim.world.ns(ns).nf.is_active() {
        return Ok(true);
    }
    let w = &sim.world;
    // Addresses only when a rule can look at them (see `Netfilter::needs_addrs`).
    let addrs = if w.ns(ns).nf.needs_addrs {
        w.v4_addrs(ns)
    } else {
        Vec::new()
    };
    let mut bcast = Vec::new();
    for (d, a, p) in &addrs {
        for b in w.dev(*d).addrs.iter() {
            if let crate::model::IfAddr::V4 {
                addr, brd: Some(x), ..
            } = b
            {
                if addr == a {
                    bcast.push(*x);
                }
            }
        }
        if *p < 31 {
            if let Ok(n) = ipnet::Ipv4Net::new(*a, *p) {
                bcast.push(n.broadcast());
            }
        }
    }
    bcast.push(Ipv4Addr::BROADCAST);
    let masq_src = out_id.and_then(|d| w.select_src(ns, d, pkt.dst));
    let in_addr = in_dev
        .and_then(|n| w.dev_by_name(ns, n))
        .and_then(|d| addrs.iter().find(|(x, _, _)| *x == d).map(|(_, a, _)| *a));
    let ctx = HookCtx {
        hook,
        in_dev: in_dev.map(str::to_string),
        out_dev: out_dev.map(str::to_string),
        physdev_in: physdev_in.map(str::to_string),
        physdev_out: physdev_out.map(str::to_string),
        bridged,
        src_mac,
        pkt_type,
        now: w.now,
        local_addrs: addrs.iter().map(|(_, a, _)| *a).collect(),
        broadcast_addrs: bcast,
        masq_src,
        in_addr,
        trace: sim.trace.enabled,
    };
    let mut steps = Vec::new();
    let before = pkt.clone();
    let v = sim.world.ns_mut(ns).nf.hook(&ctx, pkt, &mut steps);
    if sim.trace.enabled {
        let lab = if sim.trace.enabled {
            ns_label(&sim.world, ns)
        } else {
            String::new()
        }; // only traces read it
        let now = sim.world.now;
        // When netfilter dropped the packet, its last step (the rule or policy) is why.
        let n = steps.len();
        for (i, s) in steps.into_iter().enumerate() {
            if i + 1 == n && v != Verdict::Accept {
                sim.trace.drop_step(now, &lab, || s);
            } else {
                sim.trace.step(now, &lab, || s);
            }
        }
    }
    match v {
        Verdict::Accept => Ok(true),
        Verdict::Drop => Ok(false),
        Verdict::Reject(with) => {
            if !bridged {
                send_reject(sim, ns, &before, with);
            }
            Ok(false)
        }
    }
}

fn send_reject(sim: &mut Sim, ns: NetnsId, orig: &Ipv4, with: RejectWith) {
    let reply = match with {
        RejectWith::Icmp { typ, code } => {
            if matches!(&orig.l4, L4::Icmp(i) if i.is_error()) {
                return;
            }
            Ipv4 {
                src: Ipv4Addr::UNSPECIFIED,
                dst: orig.src,
                ttl: 64,
                id: 0,
                tos: 0xc0,
                l4: L4::Icmp(Icmp {
                    typ,
                    code,
                    rest: [0; 4],
                    data: orig.quote(),
                }),
            }
        }
        RejectWith::TcpReset => {
            let L4::Tcp(t) = &orig.l4 else { return };
            if t.flags.rst {
                return;
            }
            let (seq, ack, ackf) = if t.flags.ack {
                (t.ack, 0, false)
            } else {
                (
                    0,
                    t.seq.wrapping_add(
                        u32::from(t.flags.syn) + u32::from(t.flags.fin) + t.payload.len() as u32,
                    ),
                    true,
                )
            };
            Ipv4 {
                src: orig.dst,
                dst: orig.src,
                ttl: 64,
                id: 0,
                tos: 0,
                l4: L4::Tcp(wire::Tcp {
                    sport: t.dport,
                    dport: t.sport,
                    seq,
                    ack,
                    flags: wire::TcpFlags {
                        rst: true,
                        ack: ackf,
                        ..Default::default()
                    },
                    window: 0,
                    options: vec![],
                    payload: vec![],
                }),
            }
        }
    };
    // The reply leaves from an address of this host towards the sender.
    let mut reply = reply;
    if reply.src == Ipv4Addr::UNSPECIFIED {
        reply.src = if sim.world.is_local_v4(ns, orig.dst).is_some() {
            orig.dst
        } else {
            route_output(&sim.world, ns, orig.src)
                .map(|r| r.src)
                .unwrap_or(orig.dst)
        };
    }
    let _ = ip_output(sim, ns, reply, None);
}

/// Hand a packet to the neighbour layer of `dev` for next hop `nh`.
fn neigh_output(sim: &mut Sim, ns: NetnsId, dev: DeviceId, nh: Ipv4Addr, pkt: Ipv4) {
    let d = sim.world.dev(dev);
    if d.is_loopback() {
        let frame = Frame {
            dst: [0; 6],
            src: [0; 6],
            body: Body::Ipv4(pkt),
        };
        dev_xmit(sim, dev, &frame);
        return;
    }
    let src_mac = d.mac;
    // Broadcast destinations need no ARP.
    let is_bcast = nh == Ipv4Addr::BROADCAST
        || sim.world.dev(dev).addrs.iter().any(|a| match a {
            crate::model::IfAddr::V4 { addr, prefix, .. } => {
                *prefix < 31
                    && ipnet::Ipv4Net::new(*addr, *prefix).is_ok_and(|n| n.broadcast() == nh)
            }
            _ => false,
        });
    if is_bcast {
        let frame = Frame {
            dst: BROADCAST,
            src: src_mac,
            body: Body::Ipv4(pkt),
        };
        dev_xmit(sim, dev, &frame);
        return;
    }
    neigh_refresh(&mut sim.world, ns);
    let now = sim.world.now;
    let entry = sim
        .world
        .ns(ns)
        .neigh
        .iter()
        .position(|n| n.ip == nh && n.dev == dev);
    if let Some(i) = entry {
        let n = &sim.world.ns(ns).neigh[i];
        if let (Some(mac), true) = (
            n.mac,
            n.state != NudState::Incomplete && n.state != NudState::Failed,
        ) {
            if n.state == NudState::Stale {
                // STALE -> DELAY -> (confirmed by the reply traffic) REACHABLE, simplified.
                sim.world.ns_mut(ns).neigh[i].state = NudState::Delay;
            }
            let frame = Frame {
                dst: mac,
                src: src_mac,
                body: Body::Ipv4(pkt),
            };
            dev_xmit(sim, dev, &frame);
            return;
        }
        if n.state == NudState::Failed {
            let n = &mut sim.world.ns_mut(ns).neigh[i];
            n.state = NudState::Incomplete;
            n.probes = 0;
            n.created = now;
        } else {
            // Incomplete: queue behind the resolution in progress.
            queue_pending(sim, ns, dev, nh, pkt);
            return;
        }
    } else {
        sim.world.ns_mut(ns).neigh.push(Neigh {
            ip: nh,
            dev,
            mac: None,
            state: NudState::Incomplete,
            updated: now,
            created: now,
            probes: 0,
        });
    }
    let src_ip = pkt.src;
    queue_pending(sim, ns, dev, nh, pkt);
    send_arp_request(sim, ns, dev, nh, Some(src_ip));
    sim.engine.push(
        now.saturating_add(ARP_RETRANS),
        EventKind::ArpTimer { ns, dev, ip: nh },
    );
}

fn queue_pending(sim: &mut Sim, ns: NetnsId, dev: DeviceId, ip: Ipv4Addr, pkt: Ipv4) {
    match sim
        .engine
        .pending
        .iter_mut()
        .find(|p| p.ns == ns && p.dev == dev && p.ip == ip)
    {
        Some(p) => {
            if p.packets.len() < ARP_QUEUE {
                p.packets.push(pkt)
            }
        }
        None => sim.engine.pending.push(Pending {
            ns,
            dev,
            ip,
            packets: vec![pkt],
        }),
    }
}

fn send_arp_request(
    sim: &mut Sim,
    ns: NetnsId,
    dev: DeviceId,
    target: Ipv4Addr,
    src_hint: Option<Ipv4Addr>,
) {
    let d = sim.world.dev(dev);
    let mac = d.mac;
    // arp_announce=0: use the packet's source address if it is local, else the device's.
    let spa = src_hint
        .filter(|s| sim.world.is_local_v4(ns, *s).is_some())
        .or_else(|| sim.world.select_src(ns, dev, target))
        .unwrap_or(Ipv4Addr::UNSPECIFIED);
    if let Some(n) = sim
        .world
        .ns_mut(ns)
        .neigh
        .iter_mut()
        .find(|n| n.ip == target && n.dev == dev)
    {
        n.probes += 1;
    }
    let frame = Frame {
        dst: BROADCAST,
        src: mac,
        body: Body::Arp(Arp {
            request: true,
            sha: mac,
            spa,
            tha: [0; 6],
            tpa: target,
        }),
    };
    dev_xmit(sim, dev, &frame);
}

fn arp_timer(sim: &mut Sim, ns: NetnsId, dev: DeviceId, ip: Ipv4Addr) {
    if !sim.world.device_exists(dev) {
        sim.engine.pending.retain(|p| p.dev != dev);
        return;
    }
    let Some(i) = sim
        .world
        .ns(ns)
        .neigh
        .iter()
        .position(|n| n.ip == ip && n.dev == dev)
    else {
        sim.engine
            .pending
            .retain(|p| !(p.ns == ns && p.dev == dev && p.ip == ip));
        return;
    };
    let n = sim.world.ns(ns).neigh[i].clone();
    if n.state != NudState::Incomplete {
        return;
    }
    if n.probes < ARP_PROBES {
        let src = sim
            .engine
            .pending
            .iter()
            .find(|p| p.ns == ns && p.dev == dev && p.ip == ip)
            .and_then(|p| p.packets.first().map(|x| x.src));
        send_arp_request(sim, ns, dev, ip, src);
        let now = sim.world.now;
        sim.engine.push(
            now.saturating_add(ARP_RETRANS),
            EventKind::ArpTimer { ns, dev, ip },
        );
        return;
    }
    // Resolution failed: every queued packet gets a local "host unreachable".
    sim.world.ns_mut(ns).neigh[i].state = NudState::Failed;
    let now = sim.world.now;
    let lab = if sim.trace.enabled {
        where_(&sim.world, dev)
    } else {
        String::new()
    }; // only traces read it
    sim.trace.drop_step(now, &lab, || {
        format!("ARP for {ip} failed after {ARP_PROBES} probes: host unreachable")
    });
    let pos = sim
        .engine
        .pending
        .iter()
        .position(|p| p.ns == ns && p.dev == dev && p.ip == ip);
    if let Some(p) = pos {
        let p = sim.engine.pending.remove(p);
        for pkt in p.packets {
            local_icmp_error(sim, ns, &pkt, wire::ICMP_DEST_UNREACH, 1);
        }
    }
}

/// An ICMP error generated for a locally sent packet and delivered to the local sender.
fn local_icmp_error(sim: &mut Sim, ns: NetnsId, orig: &Ipv4, typ: u8, code: u8) {
    if matches!(&orig.l4, L4::Icmp(i) if i.is_error()) {
        return;
    }
    let err = Ipv4 {
        src: orig.src,
        dst: orig.src,
        ttl: 64,
        id: 0,
        tos: 0xc0,
        l4: L4::Icmp(Icmp {
            typ,
            code,
            rest: [0; 4],
            data: orig.quote(),
        }),
    };
    if sim.world.is_local_v4(ns, orig.src).is_some() {
        // Delivered to ourselves through loopback: lost while `lo` is down.
        let lo = sim.world.ns(ns).lo;
        if sim.world.dev(lo).admin_up {
            ip_local_deliver(sim, ns, err);
        }
    } else {
        // A forwarded packet: the error goes back to its sender.
        if !icmp_rate_allow(sim, ns, orig.src, typ) {
            return;
        }
        let mut e = err;
        e.src = Ipv4Addr::UNSPECIFIED;
        e.dst = orig.src;
        let _ = ip_output(sim, ns, e, None);
    }
}

// ---------------------------------------------------------------- receive

/// A frame arrives at a device.
pub fn rx(sim: &mut Sim, dev: DeviceId, bytes: &[u8]) {
    if !sim.world.device_exists(dev) {
        return;
    }
    let now = sim.world.now;
    sim.trace.capture(now, || where_(&sim.world, dev), bytes);
    let Ok(frame) = wire::parse(bytes) else {
        let d = sim.world.dev_mut(dev);
        d.stats.rx_dropped += 1;
        return;
    };
    let len = frame.wire_len() as u64;
    {
        let d = sim.world.dev_mut(dev);
        if !d.admin_up {
            return;
        }
        d.stats.rx_packets += 1;
        d.stats.rx_bytes += len;
    }
    if let Some(br) = sim.world.dev(dev).master {
        bridge::handle_frame(sim, br, dev, frame);
        return;
    }
    netif_receive(sim, dev, frame);
}

/// A bridge passes a frame up to its own stack (`br_pass_frame_up`): for it, whatever
/// port MAC it was addressed to.
fn netif_receive_host(sim: &mut Sim, br: DeviceId, frame: Frame) {
    let ns = sim.world.dev(br).netns;
    let pkt_type = if frame.is_broadcast() {
        PktType::Broadcast
    } else if frame.is_multicast() {
        PktType::Multicast
    } else {
        PktType::Unicast
    };
    let src_mac = frame.src;
    match frame.body {
        Body::Arp(a) => arp_rcv(sim, ns, br, a),
        Body::Ipv4(p) => ip_rcv(sim, ns, br, p, src_mac, pkt_type),
        Body::Other { .. } => {}
    }
}

/// A frame reaches a device's protocol stack (not bridged).
fn netif_receive(sim: &mut Sim, dev: DeviceId, frame: Frame) {
    let d = sim.world.dev(dev);
    let ns = d.netns;
    let pkt_type = if frame.is_broadcast() {
        PktType::Broadcast
    } else if frame.is_multicast() {
        PktType::Multicast
    } else if d.is_loopback() || frame.dst == d.mac {
        PktType::Unicast
    } else {
        // PACKET_OTHERHOST: not for us.
        return;
    };
    let src_mac = frame.src;
    match frame.body {
        Body::Arp(a) => arp_rcv(sim, ns, dev, a),
        Body::Ipv4(p) => ip_rcv(sim, ns, dev, p, src_mac, pkt_type),
        Body::Other { .. } => {}
    }
}

fn arp_rcv(sim: &mut Sim, ns: NetnsId, dev: DeviceId, a: Arp) {
    let now = sim.world.now;
    let lab = if sim.trace.enabled {
        where_(&sim.world, dev)
    } else {
        String::new()
    }; // only traces read it
       // arp_ignore=0: answer for any local address of the namespace.
    let for_us = sim.world.is_local_v4(ns, a.tpa).is_some() && !a.tpa.is_loopback();
    let existing = sim
        .world
        .ns(ns)
        .neigh
        .iter()
        .position(|n| n.ip == a.spa && n.dev == dev);
    if a.request {
        if !for_us {
            return;
        }
        sim.trace.step(now, &lab, || {
            format!("ARP who-has {} from {}: answering", a.tpa, a.spa)
        });
        match existing {
            Some(i) => {
                let n = &mut sim.world.ns_mut(ns).neigh[i];
                if n.state != NudState::Permanent && n.mac != Some(a.sha)
                    || n.state == NudState::Incomplete
                {
                    n.mac = Some(a.sha);
                    n.state = NudState::Stale;
                    n.updated = now;
                }
            }
            None => sim.world.ns_mut(ns).neigh.push(Neigh {
                ip: a.spa,
                dev,
                mac: Some(a.sha),
                state: NudState::Stale,
                updated: now,
                created: now,
                probes: 0,
            }),
        }
        let mac = sim.world.dev(dev).mac;
        let reply = Frame {
            dst: a.sha,
            src: mac,
            body: Body::Arp(Arp {
                request: false,
                sha: mac,
                spa: a.tpa,
                tha: a.sha,
                tpa: a.spa,
            }),
        };
        dev_xmit(sim, dev, &reply);
        flush_pending(sim, ns, dev, a.spa);
    } else if let Some(i) = existing {
        let n = &mut sim.world.ns_mut(ns).neigh[i];
        if n.state == NudState::Permanent {
            return;
        }
        n.mac = Some(a.sha);
        n.state = NudState::Reachable;
        n.updated = now;
        sim.trace.step(now, &lab, || {
            format!("ARP reply: {} is-at {}", a.spa, fmt_mac(&a.sha))
        });
        flush_pending(sim, ns, dev, a.spa);
    }
}

fn flush_pending(sim: &mut Sim, ns: NetnsId, dev: DeviceId, ip: Ipv4Addr) {
    let Some(pos) = sim
        .engine
        .pending
        .iter()
        .position(|p| p.ns == ns && p.dev == dev && p.ip == ip)
    else {
        return;
    };
    let Some(mac) = sim
        .world
        .ns(ns)
        .neigh
        .iter()
        .find(|n| n.ip == ip && n.dev == dev)
        .and_then(|n| n.mac)
    else {
        return;
    };
    let p = sim.engine.pending.remove(pos);
    let src = sim.world.dev(dev).mac;
    for pkt in p.packets {
        dev_xmit(
            sim,
            dev,
            &Frame {
                dst: mac,
                src,
                body: Body::Ipv4(pkt),
            },
        );
    }
}

fn is_broadcast_for(w: &World, ns: NetnsId, dst: Ipv4Addr) -> bool {
    dst == Ipv4Addr::BROADCAST
        || w.v4_addrs(ns).iter().any(|(_, a, p)| {
            *p < 31 && ipnet::Ipv4Net::new(*a, *p).is_ok_and(|n| n.broadcast() == dst)
        })
}

fn ip_rcv(
    sim: &mut Sim,
    ns: NetnsId,
    dev: DeviceId,
    mut pkt: Ipv4,
    src_mac: Mac,
    pkt_type: PktType,
) {
    let in_name = sim.world.dev(dev).name.clone();
    let now = sim.world.now;
    let lab = if sim.trace.enabled {
        where_(&sim.world, dev)
    } else {
        String::new()
    }; // only traces read it
    sim.trace
        .step(now, &lab, || format!("rx {}", describe(&pkt)));
    if nf_hook_full(
        sim,
        ns,
        Hook::PreRouting,
        &mut pkt,
        At::routed(Some(&in_name), None, None, Some(src_mac), pkt_type),
    ) != Ok(true)
    {
        sim.trace.step(now, &lab, || "dropped in PREROUTING".into());
        return;
    }
    // Routing decision.
    let local = sim
        .world
        .route_lookup(ns, pkt.dst)
        .is_some_and(|r| r.kind == RouteType::Local)
        || is_broadcast_for(&sim.world, ns, pkt.dst);
    if local {
        // Loopback addresses never arrive from outside (martians).
        if pkt.dst.is_loopback() && !sim.world.dev(dev).is_loopback() {
            sim.trace.drop_step(now, &lab, || {
                format!("martian destination {} from outside: dropped", pkt.dst)
            });
            return;
        }
        if nf_hook_full(
            sim,
            ns,
            Hook::LocalIn,
            &mut pkt,
            At::routed(Some(&in_name), None, None, Some(src_mac), pkt_type),
        ) != Ok(true)
        {
            sim.trace.step(now, &lab, || "dropped in INPUT".into());
            return;
        }
        ip_local_deliver(sim, ns, pkt);
        return;
    }
    if pkt_type != PktType::Unicast {
        return;
    }
    // Forwarding is decided by the input device's conf (IN_DEV_FORWARD).
    if !sim.world.ns(ns).sysctl.dev_flag(dev, "forwarding") {
        sim.trace.drop_step(now, &lab, || {
            "not for this host and net.ipv4.ip_forward=0: dropped".to_string()
        });
        return;
    }
    let rt = match route_output(&sim.world, ns, pkt.dst) {
        Ok(r) if !r.local => r,
        Err(Errno::Inval) => {
            sim.trace.drop_step(now, &lab, || {
                format!("blackhole route to {}: dropped", pkt.dst)
            });
            return;
        }
        Err(Errno::HostUnreach) => {
            sim.trace.drop_step(now, &lab, || {
                format!("unreachable route to {}: ICMP host unreachable", pkt.dst)
            });
            icmp_error_from(sim, ns, dev, &pkt, wire::ICMP_DEST_UNREACH, 1);
            return;
        }
        Err(Errno::Acces) => {
            sim.trace.drop_step(now, &lab, || {
                format!(
                    "prohibit route to {}: ICMP administratively prohibited",
                    pkt.dst
                )
            });
            icmp_error_from(sim, ns, dev, &pkt, wire::ICMP_DEST_UNREACH, 13);
            return;
        }
        _ => {
            sim.trace.drop_step(now, &lab, || {
                format!("no route to {}: ICMP net unreachable", pkt.dst)
            });
            icmp_error_from(sim, ns, dev, &pkt, wire::ICMP_DEST_UNREACH, 0);
            return;
        }
    };
    if pkt.ttl <= 1 {
        sim.trace.drop_step(now, &lab, || {
            "TTL exceeded in transit: ICMP time exceeded".into()
        });
        icmp_error_from(sim, ns, dev, &pkt, wire::ICMP_TIME_EXCEEDED, 0);
        return;
    }
    pkt.ttl -= 1;
    let out_name = sim.world.dev(rt.dev).name.clone();
    sim.trace.step(now, &lab, || {
        format!(
            "forward to {} (ttl now {})",
            route_desc(&sim.world, &rt),
            pkt.ttl
        )
    });
    if nf_hook_full(
        sim,
        ns,
        Hook::Forward,
        &mut pkt,
        At::routed(
            Some(&in_name),
            Some(&out_name),
            Some(rt.dev),
            Some(src_mac),
            pkt_type,
        ),
    ) != Ok(true)
    {
        sim.trace.step(now, &lab, || "dropped in FORWARD".into());
        return;
    }
    if nf_hook_full(
        sim,
        ns,
        Hook::PostRouting,
        &mut pkt,
        At::routed(
            Some(&in_name),
            Some(&out_name),
            Some(rt.dev),
            Some(src_mac),
            pkt_type,
        ),
    ) != Ok(true)
    {
        return;
    }
    let nh = rt.gateway.unwrap_or(pkt.dst);
    neigh_output(sim, ns, rt.dev, nh, pkt);
}

/// An ICMP error sent by this host (a router) about a packet it received on `in_dev`.
fn icmp_error_from(sim: &mut Sim, ns: NetnsId, in_dev: DeviceId, orig: &Ipv4, typ: u8, code: u8) {
    if matches!(&orig.l4, L4::Icmp(i) if i.is_error()) {
        return;
    }
    if !icmp_rate_allow(sim, ns, orig.src, typ) {
        let now = sim.world.now;
        let lab = if sim.trace.enabled {
            ns_label(&sim.world, ns)
        } else {
            String::new()
        }; // only traces read it
        sim.trace.step(now, &lab, || {
            format!("ICMP error to {} suppressed by the rate limit", orig.src)
        });
        return;
    }
    // icmp_send: with icmp_errors_use_inbound_ifaddr=0 (the default) the source is chosen by
    // the route back to the sender, not by the interface the packet came in on.
    let src = if sim
        .world
        .ns(ns)
        .sysctl
        .flag("net.ipv4.icmp_errors_use_inbound_ifaddr")
    {
        sim.world
            .select_src(ns, in_dev, orig.src)
            .unwrap_or(Ipv4Addr::UNSPECIFIED)
    } else {
        Ipv4Addr::UNSPECIFIED
    };
    let err = Ipv4 {
        src,
        dst: orig.src,
        ttl: 64,
        id: 0,
        tos: 0xc0,
        l4: L4::Icmp(Icmp {
            typ,
            code,
            rest: [0; 4],
            data: orig.quote(),
        }),
    };
    let _ = ip_output(sim, ns, err, None);
}

/// The kernel's ICMP error rate limit towards one host (`icmp_ratelimit` 1 s, burst 6,
/// for the types in `icmp_ratemask`: unreachable, source quench, time exceeded, parameter
/// problem). Errors to a local address are never limited.
fn icmp_rate_allow(sim: &mut Sim, ns: NetnsId, dst: Ipv4Addr, typ: u8) -> bool {
    const TIMEOUT: Nanos = 1_000_000_000;
    if !matches!(typ, 3 | 4 | 11 | 12) || sim.world.is_local_v4(ns, dst).is_some() {
        return true;
    }
    let now = sim.world.now;
    let e = sim
        .world
        .ns_mut(ns)
        .sockets
        .icmp_rate
        .entry(dst)
        .or_insert((60 * TIMEOUT, now)); // inet_getpeer: rate_last = jiffies - 60 s
    let mut token = e.0 + now.saturating_sub(e.1);
    e.1 = now;
    token = token.min(6 * TIMEOUT);
    let ok = token >= TIMEOUT;
    if ok {
        token -= TIMEOUT;
    }
    e.0 = token;
    ok
}

/// Deliver a packet to this namespace's transport layer.
fn ip_local_deliver(sim: &mut Sim, ns: NetnsId, pkt: Ipv4) {
    let now = sim.world.now;
    let lab = if sim.trace.enabled {
        ns_label(&sim.world, ns)
    } else {
        String::new()
    }; // only traces read it
    match &pkt.l4 {
        L4::Icmp(i) if i.typ == wire::ICMP_ECHO_REQUEST => {
            if sim
                .world
                .ns(ns)
                .sysctl
                .flag("net.ipv4.icmp_echo_ignore_all")
            {
                sim.trace.drop_step(now, &lab, || {
                    format!(
                        "{}: net.ipv4.icmp_echo_ignore_all=1: dropped",
                        describe(&pkt)
                    )
                });
                return;
            }
            if is_broadcast_for(&sim.world, ns, pkt.dst)
                && sim
                    .world
                    .ns(ns)
                    .sysctl
                    .flag("net.ipv4.icmp_echo_ignore_broadcasts")
            {
                return;
            }
            sim.trace
                .step(now, &lab, || format!("deliver {}: reply", describe(&pkt)));
            let src = if is_broadcast_for(&sim.world, ns, pkt.dst) {
                Ipv4Addr::UNSPECIFIED
            } else {
                pkt.dst
            };
            let reply = Ipv4 {
                src,
                dst: pkt.src,
                ttl: 64,
                id: pkt.id,
                tos: pkt.tos,
                l4: L4::Icmp(Icmp {
                    typ: wire::ICMP_ECHO_REPLY,
                    code: 0,
                    rest: i.rest,
                    data: i.data.clone(),
                }),
            };
            let _ = ip_output(sim, ns, reply, None);
        }
        L4::Icmp(i) => {
            let id = if i.is_error() {
                i.quoted().map(|q| q.c)
            } else {
                Some(i.id())
            };
            if let Some(id) = id {
                sim.trace.step(now, &lab, || {
                    format!("deliver {} to socket", describe(&pkt))
                });
                if let Some(b) = sim.world.ns_mut(ns).sockets.inbox(id) {
                    b.packets.push((now, pkt));
                    return;
                }
            }
            // TCP/UDP probes learn about errors through their inbox keyed by source port.
            if let Some(q) = i.quoted() {
                if let Some(b) = sim.world.ns_mut(ns).sockets.inbox(q.a) {
                    b.packets.push((now, pkt));
                }
            }
        }
        L4::Tcp(_) | L4::Udp(_) => transport_rcv(sim, ns, pkt),
        L4::Other { .. } => {}
    }
}

/// TCP and UDP in just enough depth for probes, listeners and conntrack.
fn transport_rcv(sim: &mut Sim, ns: NetnsId, pkt: Ipv4) {
    use sockets::{Proto, TcpConn, TcpState};
    let now = sim.world.now;
    let lab = if sim.trace.enabled {
        ns_label(&sim.world, ns)
    } else {
        String::new()
    }; // only traces read it
    match &pkt.l4 {
        L4::Udp(u) => {
            let has =
                sim.world
                    .ns_mut(ns)
                    .sockets
                    .udp_deliver(pkt.dst, u.dport, (pkt.src, u.sport));
            if let Some(b) = sim.world.ns_mut(ns).sockets.inbox(u.dport) {
                b.packets.push((now, pkt));
                return;
            }
            if has {
                sim.trace.step(now, &lab, || {
                    format!("deliver {} to listener", describe(&pkt))
                });
                return;
            }
            sim.trace.drop_step(now, &lab, || {
                format!("{}: no socket, ICMP port unreachable", describe(&pkt))
            });
            let err = Ipv4 {
                src: pkt.dst,
                dst: pkt.src,
                ttl: 64,
                id: 0,
                tos: 0xc0,
                l4: L4::Icmp(Icmp {
                    typ: wire::ICMP_DEST_UNREACH,
                    code: 3,
                    rest: [0; 4],
                    data: pkt.quote(),
                }),
            };
            let _ = ip_output(sim, ns, err, None);
        }
        L4::Tcp(t) => {
            let t = t.clone();
            let key = ((pkt.dst, t.dport), (pkt.src, t.sport));
            let conn = sim
                .world
                .ns(ns)
                .sockets
                .tcp
                .iter()
                .position(|c| (c.local, c.remote) == key);
            if let Some(ci) = conn {
                let c = sim.world.ns(ns).sockets.tcp[ci].clone();
                if t.flags.rst {
                    let c = &mut sim.world.ns_mut(ns).sockets.tcp[ci];
                    c.state = TcpState::Closed;
                    c.reset = true;
                    return;
                }
                match c.state {
                    TcpState::SynSent if t.flags.syn && t.flags.ack => {
                        let c = &mut sim.world.ns_mut(ns).sockets.tcp[ci];
                        c.state = TcpState::Established;
                        c.rcv_nxt = t.seq.wrapping_add(1);
                        let (snd, rcv) = (c.snd_nxt, c.rcv_nxt);
                        send_tcp(
                            sim,
                            ns,
                            key.0,
                            key.1,
                            snd,
                            rcv,
                            wire::TcpFlags {
                                ack: true,
                                ..Default::default()
                            },
                        );
                    }
                    TcpState::SynRecv if t.flags.ack => {
                        sim.world.ns_mut(ns).sockets.tcp[ci].state = TcpState::Established;
                        if t.flags.fin {
                            tcp_fin_received(sim, ns, ci, &t);
                        }
                    }
                    TcpState::Established | TcpState::FinWait if t.flags.fin => {
                        tcp_fin_received(sim, ns, ci, &t)
                    }
                    TcpState::FinWait if t.flags.ack => {
                        sim.world.ns_mut(ns).sockets.tcp[ci].state = TcpState::Closed;
                    }
                    _ => {}
                }
                return;
            }
            if t.flags.syn && !t.flags.ack {
                if let Some(li) = sim
                    .world
                    .ns(ns)
                    .sockets
                    .listener(Proto::Tcp, pkt.dst, t.dport)
                {
                    sim.trace.step(now, &lab, || {
                        format!("{}: listener accepts, SYN-ACK", describe(&pkt))
                    });
                    sim.world.ns_mut(ns).sockets.listeners[li].accepted += 1;
                    let iss = sim.world.random_u32();
                    sim.world.ns_mut(ns).sockets.tcp.push(TcpConn {
                        local: key.0,
                        remote: key.1,
                        state: TcpState::SynRecv,
                        snd_nxt: iss.wrapping_add(1),
                        rcv_nxt: t.seq.wrapping_add(1),
                        reset: false,
                    });
                    send_tcp(
                        sim,
                        ns,
                        key.0,
                        key.1,
                        iss,
                        t.seq.wrapping_add(1),
                        wire::TcpFlags {
                            syn: true,
                            ack: true,
                            ..Default::default()
                        },
                    );
                    return;
                }
            }
            if t.flags.rst {
                return;
            }
            sim.trace.drop_step(now, &lab, || {
                format!("{}: no listener, RST", describe(&pkt))
            });
            let (seq, ack, ackf) = if t.flags.ack {
                (t.ack, 0, false)
            } else {
                (
                    0,
                    t.seq.wrapping_add(
                        u32::from(t.flags.syn) + u32::from(t.flags.fin) + t.payload.len() as u32,
                    ),
                    true,
                )
            };
            send_tcp(
                sim,
                ns,
                key.0,
                key.1,
                seq,
                ack,
                wire::TcpFlags {
                    rst: true,
                    ack: ackf,
                    ..Default::default()
                },
            );
        }
        _ => {}
    }
}

fn tcp_fin_received(sim: &mut Sim, ns: NetnsId, ci: usize, t: &wire::Tcp) {
    use sockets::TcpState;
    let c = &mut sim.world.ns_mut(ns).sockets.tcp[ci];
    c.rcv_nxt = t.seq.wrapping_add(1 + t.payload.len() as u32);
    let was = c.state;
    let (l, r, snd, rcv) = (c.local, c.remote, c.snd_nxt, c.rcv_nxt);
    if was == TcpState::FinWait {
        c.state = TcpState::Closed;
        send_tcp(
            sim,
            ns,
            l,
            r,
            snd,
            rcv,
            wire::TcpFlags {
                ack: true,
                ..Default::default()
            },
        );
    } else {
        // Passive close: ACK and FIN together, then wait for the last ACK.
        c.state = TcpState::FinWait;
        c.snd_nxt = snd.wrapping_add(1);
        send_tcp(
            sim,
            ns,
            l,
            r,
            snd,
            rcv,
            wire::TcpFlags {
                fin: true,
                ack: true,
                ..Default::default()
            },
        );
    }
}

/// Send a TCP segment from `local` to `remote`.
pub fn send_tcp(
    sim: &mut Sim,
    ns: NetnsId,
    local: (Ipv4Addr, u16),
    remote: (Ipv4Addr, u16),
    seq: u32,
    ack: u32,
    flags: wire::TcpFlags,
) {
    let pkt = Ipv4 {
        src: local.0,
        dst: remote.0,
        ttl: 64,
        id: 0,
        tos: 0,
        l4: L4::Tcp(wire::Tcp {
            sport: local.1,
            dport: remote.1,
            seq,
            ack,
            flags,
            window: 64240,
            options: tcp_options(flags),
            payload: vec![],
        }),
    };
    let _ = ip_output(sim, ns, pkt, None);
}

/// The options Linux puts on a segment: MSS, SACK-permitted, timestamps and window scale
/// on a SYN (20 bytes), timestamps on later segments (12), none on a reset.
fn tcp_options(flags: wire::TcpFlags) -> Vec<u8> {
    if flags.rst {
        Vec::new()
    } else if flags.syn {
        vec![
            2, 4, 0x05, 0xb4, 4, 2, 8, 10, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 3, 7,
        ]
    } else {
        vec![1, 1, 8, 10, 0, 0, 0, 0, 0, 0, 0, 0]
    }
}

/// Inject raw bytes at a device, as if they arrived on its wire (fuzzing, tests).
pub fn inject(sim: &mut Sim, dev: DeviceId, bytes: Vec<u8>) {
    let now = sim.world.now;
    sim.engine.push(now, EventKind::Rx { dev, bytes });
}

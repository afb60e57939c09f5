//! Property tests of the packet engine over random topologies: chains of namespaces joined
//! by veth pairs or bridges, with random routes and `ip_forward`, probed by random pings and
//! `nc -z` probes through `Sim::run_line`.
//!
//! The properties: the same scenario and seed give the same bytes, traces and frames; a
//! packet is delivered locally only to a namespace that owns its destination; a packet's TTL
//! never grows along its path; every ICMP error quotes a packet that was really on a wire.
//! The frame properties read the capture (`sim.trace.frames`) back with `wire::parse`.

use std::collections::BTreeMap;
use std::net::Ipv4Addr;

use proptest::prelude::*;
use sim_core::engine::trace::Step;
use sim_core::model::Limits;
use sim_core::wire::{self, Body, L4};
use sim_core::{Sim, SimConfig};

/// How two neighbouring namespaces of the chain are joined.
#[derive(Debug, Clone)]
enum Link {
    /// A veth pair straight between them.
    Veth,
    /// A bridge in a namespace of its own, optionally with an address (`.3`) on it.
    Bridge { addressed: bool },
}

/// A namespace's routing: what it knows beyond its connected subnets.
#[derive(Debug, Clone)]
enum Routes {
    None,
    /// `default via` the neighbour on the left (`false`) or right (`true`).
    Default(bool),
    /// A correct route to every subnet, through the neighbour on its side.
    Complete,
}

#[derive(Debug, Clone)]
struct Node {
    forward: bool,
    routes: Routes,
    /// An extra, possibly wrong, route: subnet and side.
    extra: Option<(usize, bool)>,
}

#[derive(Debug, Clone)]
struct Topology {
    nodes: Vec<Node>,
    links: Vec<Link>,
    /// Links whose left end stays down.
    down: Vec<bool>,
}

#[derive(Debug, Clone)]
enum Probe {
    Ping {
        from: usize,
        to: Ipv4Addr,
        count: u8,
        ttl: Option<u8>,
    },
    Tcp {
        from: usize,
        to: Ipv4Addr,
    },
    Udp {
        from: usize,
        to: Ipv4Addr,
    },
}

fn subnet_host(link: usize, host: u8) -> Ipv4Addr {
    Ipv4Addr::new(10, 0, link as u8, host)
}

fn topology() -> impl Strategy<Value = Topology> {
    (2usize..5).prop_flat_map(|n| {
        let node = (
            prop::bool::weighted(0.7),
            prop_oneof![
                1 => Just(Routes::None),
                2 => any::<bool>().prop_map(Routes::Default),
                3 => Just(Routes::Complete),
            ],
            prop::option::weighted(0.3, (0..n, any::<bool>())),
        )
            .prop_map(|(forward, routes, extra)| Node {
                forward,
                routes,
                extra,
            });
        let link = prop_oneof![
            Just(Link::Veth),
            any::<bool>().prop_map(|addressed| Link::Bridge { addressed }),
        ];
        (
            prop::collection::vec(node, n),
            prop::collection::vec(link, n - 1),
            prop::collection::vec(prop::bool::weighted(0.1), n - 1),
        )
            .prop_map(|(nodes, links, down)| Topology { nodes, links, down })
    })
}

fn probes(n: usize) -> impl Strategy<Value = Vec<Probe>> {
    let target = prop_oneof![
        8 => (0..n, prop::sample::select(vec![1u8, 2, 3, 9])).prop_map(|(l, h)| subnet_host(l, h)),
        1 => (0..n).prop_map(|l| subnet_host(l, 255)),
        1 => Just(Ipv4Addr::LOCALHOST),
    ];
    let probe = prop_oneof![
        6 => (0..n, target.clone(), 1u8..4, prop::option::weighted(0.3, 1u8..4))
            .prop_map(|(from, to, count, ttl)| Probe::Ping { from, to, count, ttl }),
        1 => (0..n, target.clone()).prop_map(|(from, to)| Probe::Tcp { from, to }),
        1 => (0..n, target).prop_map(|(from, to)| Probe::Udp { from, to }),
    ];
    prop::collection::vec(probe, 1..8)
}

fn case() -> impl Strategy<Value = (u64, Topology, Vec<Probe>)> {
    topology().prop_flat_map(|t| {
        let n = t.nodes.len();
        (any::<u64>(), Just(t), probes(n))
    })
}

/// The commands that build a topology. Namespace `nI` has `west` (towards `nI-1`, address
/// 10.0.I-1.2) and `east` (towards `nI+1`, address 10.0.I.1).
fn setup(t: &Topology) -> Vec<String> {
    let n = t.nodes.len();
    let mut c = Vec::new();
    for i in 0..n {
        c.push(format!("ip netns add n{i}"));
        c.push(format!("ip -n n{i} link set lo up"));
    }
    for (i, l) in t.links.iter().enumerate() {
        let j = i + 1;
        match l {
            Link::Veth => c.push(format!(
                "ip link add east netns n{i} type veth peer name west netns n{j}"
            )),
            Link::Bridge { addressed } => {
                c.push(format!("ip netns add s{i}"));
                c.push(format!("ip -n s{i} link add br0 type bridge"));
                c.push(format!(
                    "ip link add east netns n{i} type veth peer name p0 netns s{i}"
                ));
                c.push(format!(
                    "ip link add west netns n{j} type veth peer name p1 netns s{i}"
                ));
                for p in ["p0", "p1"] {
                    c.push(format!("ip -n s{i} link set {p} master br0"));
                    c.push(format!("ip -n s{i} link set {p} up"));
                }
                c.push(format!("ip -n s{i} link set br0 up"));
                if *addressed {
                    c.push(format!(
                        "ip -n s{i} addr add {}/24 dev br0",
                        subnet_host(i, 3)
                    ));
                }
            }
        }
        c.push(format!(
            "ip -n n{i} addr add {}/24 dev east",
            subnet_host(i, 1)
        ));
        c.push(format!(
            "ip -n n{j} addr add {}/24 dev west",
            subnet_host(i, 2)
        ));
        if !t.down[i] {
            c.push(format!("ip -n n{i} link set east up"));
        }
        c.push(format!("ip -n n{j} link set west up"));
    }
    // The next hop towards the left is 10.0.I-1.1, towards the right 10.0.I.2.
    let via = |i: usize, right: bool| -> Option<Ipv4Addr> {
        match right {
            true if i + 1 < n => Some(subnet_host(i, 2)),
            false if i > 0 => Some(subnet_host(i - 1, 1)),
            _ => None,
        }
    };
    for (i, node) in t.nodes.iter().enumerate() {
        if node.forward {
            c.push(format!(
                "ip netns exec n{i} sysctl -q -w net.ipv4.ip_forward=1"
            ));
        }
        match node.routes {
            Routes::None => {}
            Routes::Default(right) => {
                if let Some(g) = via(i, right) {
                    c.push(format!("ip -n n{i} route add default via {g}"));
                }
            }
            Routes::Complete => {
                for s in 0..n - 1 {
                    // Subnets I-1 and I are connected; the others lie left or right.
                    if s + 1 < i {
                        c.extend(
                            via(i, false)
                                .map(|g| format!("ip -n n{i} route add 10.0.{s}.0/24 via {g}")),
                        );
                    } else if s > i {
                        c.extend(
                            via(i, true)
                                .map(|g| format!("ip -n n{i} route add 10.0.{s}.0/24 via {g}")),
                        );
                    }
                }
            }
        }
        if let Some((s, right)) = node.extra {
            if let Some(g) = via(i, right) {
                // May point the wrong way, or duplicate a route (then it fails: fine).
                c.push(format!(
                    "ip -n n{i} route add {}/32 via {g}",
                    subnet_host(s, 9)
                ));
            }
        }
    }
    c
}

fn probe_command(p: &Probe) -> String {
    match p {
        Probe::Ping {
            from,
            to,
            count,
            ttl,
        } => {
            let ttl = ttl.map(|t| format!(" -t {t}")).unwrap_or_default();
            let b = if to.octets()[3] == 255 { " -b" } else { "" };
            format!("ip netns exec n{from} ping -c {count} -W 1{ttl}{b} {to}")
        }
        Probe::Tcp { from, to } => format!("ip netns exec n{from} nc -z -w 1 {to} 80"),
        Probe::Udp { from, to } => format!("ip netns exec n{from} nc -z -u -w 1 {to} 53"),
    }
}

/// What one command left behind.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Record {
    command: String,
    output: String,
    status: i32,
    trace: Vec<Step>,
    /// The range of `sim.trace.frames` captured while it ran.
    frames: std::ops::Range<usize>,
}

fn run(seed: u64, t: &Topology, probes: &[Probe]) -> (Sim, Vec<Record>) {
    let limits = Limits {
        max_frames: 50_000,
        ..Limits::default()
    };
    let mut sim = Sim::new(SimConfig {
        seed,
        limits,
        trace: true,
    });
    sim.trace.capture = true;
    let mut recs = Vec::new();
    let cmds = setup(t).into_iter().chain(probes.iter().map(probe_command));
    for command in cmds {
        let start = sim.trace.frames.len();
        let o = sim.run_line(&command);
        recs.push(Record {
            command,
            output: o.combined(),
            status: o.status,
            trace: sim.trace.steps.clone(),
            frames: start..sim.trace.frames.len(),
        });
    }
    (sim, recs)
}

/// The destination address of a trace step `deliver PROTO SRC > DST ...`.
fn delivered_to(what: &str) -> Option<Ipv4Addr> {
    let rest = what.strip_prefix("deliver ")?;
    let mut w = rest.split_whitespace();
    let _proto = w.next()?;
    let _src = w.next()?;
    if w.next()? != ">" {
        return None;
    }
    let dst = w.next()?;
    let dst = dst.split(':').next()?;
    dst.trim_end_matches(':').parse().ok()
}

/// Whether `dst` is an address a namespace may accept as its own: one of its addresses, a
/// broadcast of one of its subnets, the limited broadcast, or loopback.
fn owns(sim: &Sim, ns_name: &str, dst: Ipv4Addr) -> bool {
    let Some(ns) = sim.world.netns_by_name(ns_name) else {
        return false;
    };
    if dst.is_loopback() || dst == Ipv4Addr::BROADCAST {
        return true;
    }
    sim.world.v4_addrs(ns).iter().any(|(_, a, p)| {
        let host_bits = u32::MAX.checked_shr(u32::from(*p)).unwrap_or(0);
        *a == dst || (*p < 31 && Ipv4Addr::from(u32::from(*a) | host_bits) == dst)
    })
}

fn check_delivery(sim: &Sim, recs: &[Record]) -> Result<(), TestCaseError> {
    let mut seen = 0;
    for r in recs {
        for s in &r.trace {
            if let Some(dst) = delivered_to(&s.what) {
                seen += 1;
                prop_assert!(
                    owns(sim, &s.at, dst),
                    "`{}`: {} delivered a packet for {} it does not own: {:?}",
                    r.command,
                    s.at,
                    dst,
                    s
                );
            } else {
                prop_assert!(
                    !s.what.starts_with("deliver "),
                    "unparsed deliver step {:?}",
                    s
                );
            }
        }
    }
    let _ = seen;
    Ok(())
}

/// The IPv4 packet of a captured frame, as bytes (without Ethernet header and padding).
fn ip_bytes(frame: &[u8]) -> Option<&[u8]> {
    if frame.get(12..14)? != [0x08, 0x00] {
        return None;
    }
    let ip = &frame[14..];
    let total = usize::from(u16::from_be_bytes([*ip.get(2)?, *ip.get(3)?]));
    ip.get(..total)
}

/// An echo's identity along its path: (source, destination, ICMP type, id, sequence).
type EchoKey = (Ipv4Addr, Ipv4Addr, u8, u16, u16);

fn check_ttl(sim: &Sim, recs: &[Record]) -> Result<(), TestCaseError> {
    for (k, r) in recs.iter().enumerate() {
        // The TTL each echo was last seen with, and where.
        let mut last: BTreeMap<EchoKey, (u8, String)> = BTreeMap::new();
        for c in &sim.trace.frames[r.frames.clone()] {
            let Ok(f) = wire::parse(&c.bytes) else {
                continue;
            };
            let Body::Ipv4(p) = &f.body else { continue };
            let L4::Icmp(i) = &p.l4 else { continue };
            if i.typ != wire::ICMP_ECHO_REQUEST && i.typ != wire::ICMP_ECHO_REPLY {
                continue;
            }
            let key = (p.src, p.dst, i.typ, i.id(), i.seq());
            if let Some((before, at)) = last.get(&key) {
                prop_assert!(
                    p.ttl <= *before,
                    "command {} `{}`: TTL of {:?} grew from {} (at {}) to {} (at {})",
                    k,
                    r.command,
                    key,
                    before,
                    at,
                    p.ttl,
                    c.iface
                );
            }
            last.insert(key, (p.ttl, c.iface.clone()));
        }
    }
    Ok(())
}

fn check_errors_quote_real_frames(sim: &Sim) -> Result<(), TestCaseError> {
    let frames = &sim.trace.frames;
    for (n, c) in frames.iter().enumerate() {
        let Ok(f) = wire::parse(&c.bytes) else {
            continue;
        };
        let Body::Ipv4(p) = &f.body else { continue };
        let L4::Icmp(i) = &p.l4 else { continue };
        if !i.is_error() {
            continue;
        }
        let q = &i.data;
        prop_assert!(
            q.len() >= 28,
            "ICMP error with a short quote at {}: {:?}",
            c.iface,
            p
        );
        // The quoted packet as it was on some wire before: equal but for TTL (a router may
        // quote after decrementing it) and the header checksum that covers it.
        let masked = |b: &[u8]| -> Vec<u8> {
            let mut v = b.to_vec();
            v[8] = 0;
            v[10] = 0;
            v[11] = 0;
            v
        };
        let want = masked(q);
        let found = frames[..n].iter().any(|e| {
            ip_bytes(&e.bytes).is_some_and(|ip| {
                ip.len() >= q.len() && masked(&ip[..q.len()]) == want && ip[8] >= q[8]
            })
        });
        prop_assert!(
            found,
            "ICMP error at {} (t={}) quotes a packet never sent: {:?}",
            c.iface,
            c.t,
            p
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Same scenario, same seed: the same transcript, the same trace, the same frames.
    #[test]
    fn same_seed_same_transcript_trace_and_frames((seed, t, probes) in case()) {
        let (a, ra) = run(seed, &t, &probes);
        let (b, rb) = run(seed, &t, &probes);
        prop_assert_eq!(&ra, &rb);
        prop_assert_eq!(&a.trace.frames, &b.trace.frames);
    }

    /// Local delivery only to the owner; TTL never grows; ICMP errors quote real packets.
    #[test]
    fn packets_follow_the_rules((seed, t, probes) in case()) {
        let (sim, recs) = run(seed, &t, &probes);
        check_delivery(&sim, &recs)?;
        check_ttl(&sim, &recs)?;
        check_errors_quote_real_frames(&sim)?;
    }
}

/// The checks above must be able to fail: a forged error and a forged delivery are caught.
#[test]
fn the_checks_catch_forgeries() {
    let t = Topology {
        nodes: vec![
            Node {
                forward: false,
                routes: Routes::Default(true),
                extra: None,
            },
            Node {
                forward: true,
                routes: Routes::Complete,
                extra: None,
            },
            Node {
                forward: false,
                routes: Routes::Default(false),
                extra: None,
            },
        ],
        links: vec![Link::Veth, Link::Bridge { addressed: true }],
        down: vec![false, false],
    };
    let probes = [
        Probe::Ping {
            from: 0,
            to: subnet_host(1, 2),
            count: 2,
            ttl: None,
        },
        Probe::Ping {
            from: 0,
            to: subnet_host(1, 2),
            count: 1,
            ttl: Some(1),
        },
    ];
    let (mut sim, mut recs) = run(1, &t, &probes);
    let out = &recs[recs.len() - 2].output;
    assert!(out.contains("2 received"), "{out}");
    assert!(
        recs.last()
            .unwrap()
            .output
            .contains("Time to live exceeded"),
        "{}",
        recs.last().unwrap().output
    );
    assert!(check_delivery(&sim, &recs).is_ok());
    assert!(check_ttl(&sim, &recs).is_ok());
    assert!(check_errors_quote_real_frames(&sim).is_ok());

    // A delivery to a namespace that does not own the address.
    let mut forged = recs.clone();
    let mut step = recs.last().unwrap().trace[0].clone();
    step.at = "n0".into();
    step.what = "deliver ICMP 10.0.0.2 > 10.0.1.2 echo request id=1 seq=1 ttl=64: reply".into();
    forged[0].trace.push(step);
    assert!(check_delivery(&sim, &forged).is_err());

    // A frame whose TTL grows, and an ICMP error quoting a packet nobody sent.
    let last = recs.last_mut().unwrap();
    let idx = sim.trace.frames[last.frames.clone()]
        .iter()
        .position(|c| matches!(wire::parse(&c.bytes), Ok(f) if matches!(&f.body, Body::Ipv4(p) if matches!(&p.l4, L4::Icmp(i) if i.typ == 11))))
        .expect("a time exceeded") + last.frames.start;
    let request = sim.trace.frames[last.frames.clone()]
        .iter()
        .find(|c| matches!(wire::parse(&c.bytes), Ok(f) if matches!(&f.body, Body::Ipv4(p) if matches!(&p.l4, L4::Icmp(i) if i.typ == 8))))
        .expect("a request")
        .clone();
    let mut grown = request.clone();
    let Ok(mut f) = wire::parse(&grown.bytes) else {
        panic!("parse")
    };
    if let Body::Ipv4(p) = &mut f.body {
        p.ttl = 200;
    }
    grown.bytes = wire::emit(&f);
    sim.trace.frames.insert(last.frames.end, grown);
    last.frames.end += 1;
    assert!(check_ttl(&sim, &recs).is_err());

    let mut err = sim.trace.frames[idx].clone();
    let Ok(mut f) = wire::parse(&err.bytes) else {
        panic!("parse")
    };
    if let Body::Ipv4(p) = &mut f.body {
        if let L4::Icmp(i) = &mut p.l4 {
            i.data[16] ^= 0x55; // another destination address
        }
    }
    err.bytes = wire::emit(&f);
    sim.trace.frames.push(err);
    assert!(check_errors_quote_real_frames(&sim).is_err());
}

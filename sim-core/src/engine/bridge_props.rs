//! Property tests of the bridge data path: random bridges, random frame sequences, egress
//! observed through the ports' tx counters.

use proptest::prelude::*;

use crate::engine;
use crate::model::DeviceId;
use crate::shell::{Sim, SimConfig};
use crate::wire::{self, Body, Frame};

/// One thing that happens to the bridge.
#[derive(Debug, Clone)]
enum Step {
    /// A frame from host `src` (an index into the MAC pool) arrives on port `port`.
    Frame { port: usize, src: usize, dst: Dst },
    /// Virtual time passes (milliseconds).
    Wait(u64),
}

#[derive(Debug, Clone)]
enum Dst {
    Host(usize),
    Broadcast,
    Multicast,
}

const POOL: usize = 6;
/// Ageing time used by the tests, in centiseconds (10 s).
const AGEING_CS: u64 = 1000;

fn host_mac(i: usize) -> [u8; 6] {
    [0x06, 0, 0, 0, 1, i as u8]
}

struct Rig {
    sim: Sim,
    br: DeviceId,
    ports: Vec<DeviceId>,
}

/// A bridge `br0` with `n` veth ports (`vethI` with peers `peerI` in the same namespace);
/// ports whose `live` flag is false have their peer down, so they do not forward.
fn rig(seed: u64, live: &[bool]) -> Rig {
    let mut sim = Sim::new(SimConfig {
        seed,
        ..Default::default()
    });
    let ns = sim.world.init_ns();
    let br = sim.world.add_bridge(ns, "br0").expect("bridge");
    let mut ports = Vec::new();
    for (i, l) in live.iter().enumerate() {
        let (v, p) = sim
            .world
            .add_veth(ns, Some(&format!("veth{i}")), ns, Some(&format!("peer{i}")))
            .expect("veth");
        sim.world.set_master(v, br).expect("enslave");
        sim.world.set_up(v, true);
        if *l {
            sim.world.set_up(p, true);
        }
        ports.push(v);
    }
    sim.world.set_up(br, true);
    sim.world
        .dev_mut(br)
        .bridge_mut()
        .expect("bridge")
        .ageing_cs = AGEING_CS;
    Rig { sim, br, ports }
}

fn tx(r: &Rig) -> Vec<u64> {
    r.ports
        .iter()
        .map(|p| r.sim.world.dev(*p).stats.tx_packets)
        .collect()
}

/// The ports a frame to `dst` arriving on `ingress` must leave by, from the fdb as it is now.
fn expected(r: &Rig, ingress: usize, dst: &[u8; 6]) -> Vec<usize> {
    let now = r.sim.world.now;
    let b = r.sim.world.dev(r.br).bridge().expect("bridge");
    let live = |i: usize| r.sim.world.bridge_port_enabled(r.br, r.ports[i]);
    let flood = || {
        (0..r.ports.len())
            .filter(|i| *i != ingress && live(*i))
            .collect::<Vec<_>>()
    };
    if dst[0] & 1 == 1 {
        return flood();
    }
    match b.fdb.iter().find(|e| e.mac == *dst && !b.expired(e, now)) {
        None => flood(),
        Some(e) if e.local => vec![],
        Some(e) => {
            let j = r
                .ports
                .iter()
                .position(|p| Some(*p) == e.port)
                .expect("entry on a port");
            if j == ingress || !live(j) {
                vec![]
            } else {
                vec![j]
            }
        }
    }
}

fn step_strategy(n: usize) -> impl Strategy<Value = Step> {
    let dst = prop_oneof![
        6 => (0..POOL).prop_map(Dst::Host),
        1 => Just(Dst::Broadcast),
        1 => Just(Dst::Multicast),
    ];
    prop_oneof![
        8 => (0..n, 0..POOL, dst).prop_map(|(port, src, dst)| Step::Frame { port, src, dst }),
        2 => (0u64..15_000).prop_map(Step::Wait),
    ]
}

fn case() -> impl Strategy<Value = (u64, Vec<bool>, Vec<Step>)> {
    (2usize..6).prop_flat_map(|n| {
        (
            any::<u64>(),
            prop::collection::vec(prop::bool::weighted(0.8), n),
            prop::collection::vec(step_strategy(n), 1..60),
        )
    })
}

/// Run one step, returning the ports the frame left by (empty for a wait).
fn run_step(r: &mut Rig, s: &Step) -> Result<(), TestCaseError> {
    match s {
        Step::Wait(ms) => {
            engine::run_for(&mut r.sim, ms * 1_000_000);
            Ok(())
        }
        Step::Frame { port, src, dst } => {
            let dst = match dst {
                Dst::Host(h) => host_mac(*h),
                Dst::Broadcast => [0xff; 6],
                Dst::Multicast => [0x01, 0x00, 0x5e, 0, 0, 0x7b],
            };
            let src = host_mac(*src);
            if !r.sim.world.bridge_port_enabled(r.br, r.ports[*port]) || src == dst {
                return Ok(());
            }
            let want = expected(r, *port, &dst);
            let before = tx(r);
            let f = Frame {
                dst,
                src,
                body: Body::Other {
                    ethertype: 0x88b5,
                    len: 46,
                },
            };
            engine::inject(&mut r.sim, r.ports[*port], wire::emit(&f));
            engine::run_for(&mut r.sim, 1_000_000);
            let after = tx(r);
            let left: Vec<usize> = (0..r.ports.len())
                .filter(|i| after[*i] != before[*i])
                .collect();
            for i in &left {
                prop_assert_eq!(
                    after[*i] - before[*i],
                    1,
                    "port {} sent the frame more than once",
                    i
                );
            }
            prop_assert!(
                !left.contains(port),
                "frame left by its ingress port {}",
                port
            );
            prop_assert_eq!(left, want, "wrong egress for {:?}", s);
            Ok(())
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Never out of the ingress port; known unicast to exactly its port; unknown and
    /// broadcast to every other forwarding port exactly once.
    #[test]
    fn forwarding_follows_the_fdb((seed, live, steps) in case()) {
        let mut r = rig(seed, &live);
        for s in &steps {
            run_step(&mut r, s)?;
        }
    }

    /// After cleanup no learned entry is older than the ageing time.
    #[test]
    fn cleanup_removes_aged_entries((seed, live, steps) in case()) {
        let mut r = rig(seed, &live);
        for s in &steps {
            run_step(&mut r, s)?;
            super::fdb_cleanup(&mut r.sim, r.br);
            let now = r.sim.world.now;
            let b = r.sim.world.dev(r.br).bridge().expect("bridge");
            for e in &b.fdb {
                prop_assert!(e.local || e.is_static || now - e.updated < AGEING_CS * 10_000_000);
            }
        }
    }

    /// Removing a port removes every entry behind it.
    #[test]
    fn removing_a_port_removes_its_entries((seed, live, steps) in case(), victim in 0usize..6) {
        let mut r = rig(seed, &live);
        for s in &steps {
            run_step(&mut r, s)?;
        }
        let p = r.ports[victim % r.ports.len()];
        r.sim.world.set_nomaster(p);
        let b = r.sim.world.dev(r.br).bridge().expect("bridge");
        prop_assert!(b.fdb.iter().all(|e| e.port != Some(p)));
        prop_assert!(!b.ports.contains(&p));
    }
}

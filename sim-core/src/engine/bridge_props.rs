//! Property tests of the bridge data path: random bridges, random frame sequences, egress
//! observed through the ports' tx counters. The strategies and the rig are the public ones
//! of [`crate::testing`]; the reference model below reads the fdb, which only the crate sees.

use proptest::prelude::*;

use crate::testing::{bridge_case, BridgeRig, Step, AGEING_CS};

/// The ports a frame to `dst` arriving on `ingress` must leave by, from the fdb as it is now.
fn expected(r: &BridgeRig, ingress: usize, dst: &[u8; 6]) -> Vec<usize> {
    let now = r.sim.world.now;
    let b = r.sim.world.dev(r.br).bridge().expect("bridge");
    let flood = || {
        (0..r.ports.len())
            .filter(|i| *i != ingress && r.port_enabled(*i))
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
            if j == ingress || !r.port_enabled(j) {
                vec![]
            } else {
                vec![j]
            }
        }
    }
}

/// Run one step, checking a frame's egress against the reference model.
fn run_step(r: &mut BridgeRig, s: &Step) -> Result<(), TestCaseError> {
    let Step::Frame { port, frame } = s else {
        r.apply(s);
        return Ok(());
    };
    let dst = frame.dst.mac();
    if !r.port_enabled(*port) || frame.frame().src == dst {
        return Ok(());
    }
    let want = expected(r, *port, &dst);
    let Some(egress) = r.apply(s) else {
        return Ok(());
    };
    for (i, n) in egress.counts.iter().enumerate() {
        prop_assert!(*n <= 1, "port {} sent the frame {} times", i, n);
    }
    let left = egress.ports();
    prop_assert!(
        !left.contains(port),
        "frame left by its ingress port {}",
        port
    );
    prop_assert_eq!(left, want, "wrong egress for {:?}", s);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Never out of the ingress port; known unicast to exactly its port; unknown and
    /// broadcast to every other forwarding port exactly once.
    #[test]
    fn forwarding_follows_the_fdb((topo, steps) in bridge_case()) {
        let mut r = topo.build();
        for s in &steps {
            run_step(&mut r, s)?;
        }
    }

    /// After cleanup no learned entry is older than the ageing time.
    #[test]
    fn cleanup_removes_aged_entries((topo, steps) in bridge_case()) {
        let mut r = topo.build();
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
    fn removing_a_port_removes_its_entries((topo, steps) in bridge_case(), victim in 0usize..6) {
        let mut r = topo.build();
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

//! An example of a bridge property written with nothing but `sim-core`'s public API (the
//! `proptest` feature's `sim_core::testing`): a black-box model of a learning bridge, kept
//! from the frames the test itself injected, must predict every frame's egress.

use std::collections::BTreeMap;

use proptest::prelude::*;
use sim_core::model::Nanos;
use sim_core::testing::{bridge_case, BridgeRig, Step, AGEING_CS};

/// What a learning bridge knows, as an outside observer can reconstruct it: the port each
/// source MAC was last seen on, and when.
#[derive(Debug, Default)]
struct Model {
    learned: BTreeMap<[u8; 6], (usize, Nanos)>,
}

impl Model {
    /// The ports a frame to `dst` entering by `ingress` at `now` must leave by.
    fn egress(&self, rig: &BridgeRig, ingress: usize, dst: [u8; 6], now: Nanos) -> Vec<usize> {
        let flood = || {
            (0..rig.ports.len())
                .filter(|i| *i != ingress && rig.port_enabled(*i))
                .collect()
        };
        if dst[0] & 1 == 1 {
            return flood();
        }
        match self.learned.get(&dst) {
            Some((port, at)) if now - at < AGEING_CS * 10_000_000 => {
                if *port == ingress {
                    vec![]
                } else {
                    vec![*port]
                }
            }
            _ => flood(),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Learned unicast goes to its port only, unknown unicast and broadcast to every other
    /// forwarding port, never back out of the ingress port, never more than one copy per
    /// port, and nothing out of a disabled port.
    #[test]
    fn a_learning_bridge_as_seen_from_outside((topo, steps) in bridge_case()) {
        let mut rig = topo.build();
        let mut model = Model::default();
        for s in &steps {
            let Step::Frame { port, frame } = s else {
                rig.apply(s);
                continue;
            };
            let f = frame.frame();
            // Frames only arrive on ports that have a carrier; a host never sends to itself.
            if !rig.port_enabled(*port) || f.src == f.dst {
                continue;
            }
            let now = rig.sim.world.now;
            model.learned.insert(f.src, (*port, now));
            let want = model.egress(&rig, *port, f.dst, now);
            let Some(egress) = rig.apply(s) else { continue };
            for (i, n) in egress.counts.iter().enumerate() {
                prop_assert!(*n <= 1, "port {} sent {} copies of {:?}", i, n, s);
                prop_assert!(*n == 0 || rig.port_enabled(i), "disabled port {} sent {:?}", i, s);
            }
            prop_assert_eq!(egress.ports(), want, "egress of {:?} at t={}", s, now);
        }
    }
}

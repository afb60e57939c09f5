//! Proptest strategies and helpers for writing your own properties of the simulated Linux
//! bridge (enable the `proptest` feature): random bridge topologies, random Ethernet frame
//! sequences from a small MAC pool, a way to inject them at a port, and per-port egress
//! observed through the ports' tx counters.
//!
//! ```
//! use proptest::prelude::*;
//! use sim_core::testing::{bridge_case, Step};
//!
//! proptest!(|((topo, steps) in bridge_case())| {
//!     let mut rig = topo.build();
//!     for s in &steps {
//!         if let Some(egress) = rig.apply(s) {
//!             // A frame never leaves by the port it came in on.
//!             if let Step::Frame { port, .. } = s {
//!                 prop_assert_eq!(egress.counts[*port], 0);
//!             }
//!         }
//!     }
//! });
//! ```
//!
//! Architecture invariant: only the public API of the crate is used here (the model's
//! constructors, [`engine::inject`], [`engine::run_for`], device counters), so everything a
//! property built on these helpers observes is what any user of `sim-core` can observe.

use proptest::prelude::*;

use crate::engine;

pub mod grammar;
use crate::model::{DeviceId, Nanos, NetnsId};
use crate::shell::{Sim, SimConfig};
use crate::wire::{self, Body, Frame, Mac};

/// How many host MAC addresses the frames draw from: few, so that learning, moves between
/// ports and fdb hits happen often.
pub const MAC_POOL: usize = 6;

/// The bridge ageing time the topologies use, in centiseconds (10 s rather than Linux's
/// 300 s, so that waits of a few seconds age entries out).
pub const AGEING_CS: u64 = 1000;

/// The multicast MAC used for multicast frames (IPv4 multicast 224.0.0.123).
pub const MULTICAST: Mac = [0x01, 0x00, 0x5e, 0, 0, 0x7b];

/// The experimental ethertype of the frames (IEEE 802 local experimental, 0x88b5): no host
/// stack in the simulation handles it, so the frames exercise the bridge alone.
pub const ETHERTYPE: u16 = 0x88b5;

/// Virtual time given to each injected frame to cross the bridge (1 ms: many veth delays).
pub const SETTLE: Nanos = 1_000_000;

/// The `i`th host MAC of the pool (locally administered unicast `06:00:00:00:01:0i`).
pub fn host_mac(i: usize) -> Mac {
    [0x06, 0, 0, 0, 1, i as u8]
}

/// A frame's destination.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dst {
    /// Host `i` of the MAC pool.
    Host(usize),
    /// `ff:ff:ff:ff:ff:ff`.
    Broadcast,
    /// [`MULTICAST`].
    Multicast,
}

impl Dst {
    /// The destination MAC.
    pub fn mac(self) -> Mac {
        match self {
            Dst::Host(h) => host_mac(h),
            Dst::Broadcast => wire::BROADCAST,
            Dst::Multicast => MULTICAST,
        }
    }
}

/// A test frame: from host `src` of the pool to `dst`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TestFrame {
    pub src: usize,
    pub dst: Dst,
}

impl TestFrame {
    /// The frame: Ethernet II, [`ETHERTYPE`], a 46-byte payload (the minimum frame).
    pub fn frame(self) -> Frame {
        Frame {
            dst: self.dst.mac(),
            src: host_mac(self.src),
            body: Body::Other {
                ethertype: ETHERTYPE,
                len: 46,
            },
        }
    }
    /// The frame's bytes, built with [`wire::emit`].
    pub fn bytes(self) -> Vec<u8> {
        wire::emit(&self.frame())
    }
}

/// One thing that happens to a bridge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A frame arrives on port `port` (an index into [`BridgeRig::ports`]).
    Frame { port: usize, frame: TestFrame },
    /// Virtual time passes (milliseconds).
    Wait(u64),
}

/// The state of one bridge port.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PortState {
    /// Up, with its peer up: the port forwards.
    Forwarding,
    /// Up, but the veth peer in the host namespace is down: no carrier, disabled.
    PeerDown,
    /// The port itself is down (`ip link set vethI down`): disabled.
    AdminDown,
}

/// A bridge `br0` in the initial namespace with one veth port per entry of `ports`
/// (`veth0`, `veth1`, ...), each cabled to `eth0` of its own namespace `h0`, `h1`, ...
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BridgeTopology {
    /// Seeds the simulation (device MACs).
    pub seed: u64,
    pub ports: Vec<PortState>,
}

/// A built [`BridgeTopology`]: the simulation and the ids of its devices.
#[derive(Debug)]
pub struct BridgeRig {
    pub sim: Sim,
    pub br: DeviceId,
    /// The bridge's ports, in order.
    pub ports: Vec<DeviceId>,
    /// The namespace behind each port.
    pub hosts: Vec<NetnsId>,
}

/// What left the bridge after a frame went in: frames sent per port (tx counter deltas).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Egress {
    pub counts: Vec<u64>,
}

impl Egress {
    /// The ports the frame left by, in order.
    pub fn ports(&self) -> Vec<usize> {
        (0..self.counts.len())
            .filter(|i| self.counts[*i] > 0)
            .collect()
    }
}

impl BridgeTopology {
    /// Build the topology in a fresh simulation.
    ///
    /// # Panics
    /// When the model refuses a device (it cannot for the sizes the strategies produce).
    pub fn build(&self) -> BridgeRig {
        let mut sim = Sim::new(SimConfig {
            seed: self.seed,
            ..Default::default()
        });
        let root = sim.world.init_ns();
        let br = sim.world.add_bridge(root, "br0").expect("a bridge");
        let mut ports = Vec::new();
        let mut hosts = Vec::new();
        for (i, state) in self.ports.iter().enumerate() {
            let h = sim.world.add_netns(&format!("h{i}")).expect("a namespace");
            let (v, peer) = sim
                .world
                .add_veth(root, Some(&format!("veth{i}")), h, Some("eth0"))
                .expect("a veth pair");
            sim.world.set_master(v, br).expect("a port");
            sim.world.set_up(v, *state != PortState::AdminDown);
            sim.world.set_up(peer, *state != PortState::PeerDown);
            ports.push(v);
            hosts.push(h);
        }
        sim.world.set_up(br, true);
        if let Some(b) = sim.world.dev_mut(br).bridge_mut() {
            b.ageing_cs = AGEING_CS;
        }
        BridgeRig {
            sim,
            br,
            ports,
            hosts,
        }
    }
}

impl BridgeRig {
    /// Every port's tx packet counter.
    pub fn tx_counts(&self) -> Vec<u64> {
        self.ports
            .iter()
            .map(|p| self.sim.world.dev(*p).stats.tx_packets)
            .collect()
    }

    /// Whether port `i` forwards (bridge up, port up with carrier).
    pub fn port_enabled(&self, i: usize) -> bool {
        self.sim.world.bridge_port_enabled(self.br, self.ports[i])
    }

    /// Inject raw bytes as if they arrived on port `port`'s wire, without running the clock.
    pub fn inject(&mut self, port: usize, bytes: Vec<u8>) {
        engine::inject(&mut self.sim, self.ports[port], bytes);
    }

    /// Inject a frame on port `port`, run the clock [`SETTLE`], and report what left where.
    pub fn send(&mut self, port: usize, frame: TestFrame) -> Egress {
        let before = self.tx_counts();
        self.inject(port, frame.bytes());
        engine::run_for(&mut self.sim, SETTLE);
        let after = self.tx_counts();
        Egress {
            counts: after.iter().zip(&before).map(|(a, b)| a - b).collect(),
        }
    }

    /// Let `ms` milliseconds of virtual time pass.
    pub fn wait(&mut self, ms: u64) {
        engine::run_for(&mut self.sim, ms * 1_000_000);
    }

    /// Run one step; the egress of a frame, `None` for a wait.
    pub fn apply(&mut self, step: &Step) -> Option<Egress> {
        match step {
            Step::Wait(ms) => {
                self.wait(*ms);
                None
            }
            Step::Frame { port, frame } => Some(self.send(*port, *frame)),
        }
    }
}

/// A port state: forwarding four times in five.
pub fn port_state() -> impl Strategy<Value = PortState> {
    prop_oneof![
        8 => Just(PortState::Forwarding),
        1 => Just(PortState::PeerDown),
        1 => Just(PortState::AdminDown),
    ]
}

/// A bridge with 2 to 5 ports.
pub fn bridge_topology() -> impl Strategy<Value = BridgeTopology> {
    (any::<u64>(), prop::collection::vec(port_state(), 2..6))
        .prop_map(|(seed, ports)| BridgeTopology { seed, ports })
}

/// A frame from the MAC pool: mostly unicast to a pool host, sometimes broadcast or multicast.
pub fn test_frame() -> impl Strategy<Value = TestFrame> {
    let dst = prop_oneof![
        6 => (0..MAC_POOL).prop_map(Dst::Host),
        1 => Just(Dst::Broadcast),
        1 => Just(Dst::Multicast),
    ];
    (0..MAC_POOL, dst).prop_map(|(src, dst)| TestFrame { src, dst })
}

/// One step on a bridge with `ports` ports: a frame (80%) or a wait of up to 15 s (beyond
/// the ageing time).
pub fn step(ports: usize) -> impl Strategy<Value = Step> {
    prop_oneof![
        8 => (0..ports, test_frame()).prop_map(|(port, frame)| Step::Frame { port, frame }),
        2 => (0u64..15_000).prop_map(Step::Wait),
    ]
}

/// 1 to 60 steps on a bridge with `ports` ports.
pub fn steps(ports: usize) -> impl Strategy<Value = Vec<Step>> {
    prop::collection::vec(step(ports), 1..60)
}

/// A topology and a sequence of steps for it.
pub fn bridge_case() -> impl Strategy<Value = (BridgeTopology, Vec<Step>)> {
    bridge_topology().prop_flat_map(|t| {
        let n = t.ports.len();
        (Just(t), steps(n))
    })
}

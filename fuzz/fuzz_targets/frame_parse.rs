//! Any bytes through the frame parser, re-emitted and re-parsed when they parse, and
//! injected into a bridge port of a small topology. None of it may panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use sim_core::model::Limits;
use sim_core::{engine, wire, Sim, SimConfig};

fn topology() -> Sim {
    let limits = Limits { max_netns: 8, max_devices: 32, max_frames: 2_000, ..Limits::default() };
    let mut s = Sim::new(SimConfig { seed: 7, limits, trace: false });
    for l in sim_core::testing::grammar::TOPOLOGY {
        s.run_line(l);
    }
    s
}

/// The setup lines, run once to check they work (each input gets a fresh copy).
fn checked() -> &'static () {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        let mut s = topology();
        assert!(s.run_line("ip netns exec ns0 ping -c 1 10.0.0.2").stdout().contains("1 received"));
    })
}

fuzz_target!(|data: &[u8]| {
    checked();
    if let Ok(f) = wire::parse(data) {
        let again = wire::emit(&f);
        let _ = wire::parse(&again).expect("an emitted frame parses");
    }
    let Some((&port, bytes)) = data.split_first() else { return };
    let mut s = topology();
    let devs: Vec<_> = s
        .world
        .all_netns()
        .into_iter()
        .flat_map(|ns| s.world.devices_of(ns).collect::<Vec<_>>())
        .collect();
    let dev = devs[port as usize % devs.len()];
    s.engine.begin_command();
    engine::inject(&mut s, dev, bytes.to_vec());
    engine::run_for(&mut s, 5_000_000_000);
    s.run_line("conntrack -L");
});

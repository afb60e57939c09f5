//! Any text as `iptables-restore` input, with flags from the first byte, into a host with a
//! NAT rule; then the rules are printed and a ping crosses them. None of it may panic; a
//! refused or test-only restore must change nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sim_core::model::Limits;
use sim_core::tools::iptables::{restore, RestoreFlags};
use sim_core::{Sim, SimConfig};

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let limits = Limits { max_netns: 8, max_devices: 32, max_frames: 2_000, ..Limits::default() };
    let mut s = Sim::new(SimConfig { seed: 1, limits, trace: false });
    for l in [
        "ip link add v0 type veth peer name v1",
        "ip addr add 10.0.0.1/24 dev v0",
        "ip link set v0 up",
        "ip link set v1 up",
        "iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -j MASQUERADE",
    ] {
        s.run_line(l);
    }
    let init = s.world.init_ns();
    let before = format!("{:?}", s.world.ns(init).nf.tables);
    let f = RestoreFlags { noflush: flags & 1 != 0, counters: flags & 2 != 0, test: flags & 4 != 0 };
    let r = restore(&mut s.world.ns_mut(init).nf, &text, f);
    if r.is_err() || f.test {
        assert_eq!(before, format!("{:?}", s.world.ns(init).nf.tables), "a refused or test restore changed the tables");
    }
    s.run_line("iptables-save -c");
    s.run_line("iptables -L -n -v");
    s.run_line("ping -c 1 -W 1 10.0.0.2");
});

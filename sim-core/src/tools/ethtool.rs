//! `ethtool -S DEV` (veth peer index and per-queue counters) and `ethtool -i DEV`.

use crate::model::DeviceKind;
use crate::shell::{Output, Sim};
use crate::tools::{unsupported, Ctx};

pub fn run(sim: &mut Sim, ctx: Ctx, args: &[&str]) -> Output {
    match args {
        [] => Output::error("ethtool: bad command line argument(s)\nFor more information run ethtool -h\n", 1),
        ["-S" | "--statistics", dev] => stats(sim, ctx, dev),
        ["-i" | "--driver", dev] => driver(sim, ctx, dev),
        [flag, ..] if flag.starts_with('-') => unsupported("ethtool", &format!("option `{flag}`")),
        [_dev] => unsupported("ethtool", "settings without an option (only -S and -i are modelled)"),
        _ => Output::error("ethtool: bad command line argument(s)\nFor more information run ethtool -h\n", 1),
    }
}

fn stats(sim: &mut Sim, ctx: Ctx, name: &str) -> Output {
    let Some(d) = sim.world.dev_by_name(ctx.ns, name) else {
        return Output::error("netlink error: no device matches name (offset 24)\nnetlink error: No such device\n", 1)
            .no_device_msg(name);
    };
    let dv = sim.world.dev(d);
    match dv.kind {
        DeviceKind::Veth { peer } => {
            let p = sim.world.dev(peer).ifindex;
            let mut s = String::from("NIC statistics:\n");
            s.push_str(&format!("     peer_ifindex: {p}\n"));
            for k in [
                "rx_queue_0_xdp_packets",
                "rx_queue_0_xdp_bytes",
                "rx_queue_0_drops",
                "rx_queue_0_xdp_redirect",
                "rx_queue_0_xdp_drops",
                "rx_queue_0_xdp_tx",
                "rx_queue_0_xdp_tx_errors",
                "tx_queue_0_xdp_xmit",
                "tx_queue_0_xdp_xmit_errors",
            ] {
                s.push_str(&format!("     {k}: 0\n"));
            }
            Output::text(s)
        }
        _ => Output::error("no stats available\n", 94),
    }
}

trait NoDev {
    fn no_device_msg(self, name: &str) -> Output;
}
impl NoDev for Output {
    fn no_device_msg(self, _name: &str) -> Output {
        self
    }
}

fn driver(sim: &mut Sim, ctx: Ctx, name: &str) -> Output {
    let Some(d) = sim.world.dev_by_name(ctx.ns, name) else {
        return Output::error("Cannot get driver information: No such device\n", 71);
    };
    let drv = match sim.world.dev(d).kind {
        DeviceKind::Veth { .. } => ("veth", "1.0"),
        DeviceKind::Bridge(_) => ("bridge", "2.3"),
        DeviceKind::Loopback => return Output::error("Cannot get driver information: Operation not supported\n", 71),
    };
    Output::text(format!(
        "driver: {}\nversion: {}\nfirmware-version: \nexpansion-rom-version: \nbus-info: \nsupports-statistics: {}\nsupports-test: no\nsupports-eeprom-access: no\nsupports-register-dump: no\nsupports-priv-flags: no\n",
        drv.0,
        drv.1,
        if drv.0 == "veth" { "yes" } else { "no" }
    ))
}

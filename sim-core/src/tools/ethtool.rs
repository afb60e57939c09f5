//! `ethtool -S DEV` (veth peer index and per-queue counters) and `ethtool -i DEV`.

use crate::model::DeviceKind;
use crate::shell::{Output, Sim};
use crate::tools::{unsupported, Ctx};

pub fn run(sim: &mut Sim, ctx: Ctx, args: &[&str]) -> Output {
    match args {
        [] => Output::error(
            "ethtool: bad command line argument(s)\nFor more information run ethtool -h\n",
            1,
        ),
        ["-S" | "--statistics", dev] => stats(sim, ctx, dev),
        ["-i" | "--driver", dev] => driver(sim, ctx, dev),
        ["-g" | "--show-ring", dev] => match sim.world.dev_by_name(ctx.ns, dev) {
            Some(_) => Output::error("netlink error: Operation not supported\n", 1),
            None => no_such(),
        },
        [flag, ..] if flag.starts_with('-') => unsupported("ethtool", &format!("option `{flag}`")),
        [dev] => settings(sim, ctx, dev),
        _ => Output::error(
            "ethtool: bad command line argument(s)\nFor more information run ethtool -h\n",
            1,
        ),
    }
}

fn stats(sim: &mut Sim, ctx: Ctx, name: &str) -> Output {
    let Some(d) = sim.world.dev_by_name(ctx.ns, name) else {
        return Output::error("Cannot get stats strings information: No such device\n", 96);
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

/// `ethtool DEV` for a device that does not exist: each netlink query fails in turn.
fn no_such() -> Output {
    Output::error(
        format!(
            "{}No data available\n",
            "netlink error: no device matches name (offset 24)\nnetlink error: No such device\n"
                .repeat(5)
        ),
        75,
    )
}

/// `ethtool DEV`: link settings. veth reports a fixed 10 Gb/s full-duplex link.
fn settings(sim: &mut Sim, ctx: Ctx, name: &str) -> Output {
    let Some(d) = sim.world.dev_by_name(ctx.ns, name) else {
        return no_such();
    };
    let link = if sim.world.carrier(d) { "yes" } else { "no" };
    match sim.world.dev(d).kind {
        DeviceKind::Loopback => Output::text(format!("Settings for {name}:\n\tLink detected: {link}\n")),
        DeviceKind::Veth { .. } => Output::text(format!(
            "Settings for {name}:\n\tSupported ports: [  ]\n\tSupported link modes:   Not reported\n\tSupported pause frame use: No\n\tSupports auto-negotiation: No\n\tSupported FEC modes: Not reported\n\tAdvertised link modes:  Not reported\n\tAdvertised pause frame use: No\n\tAdvertised auto-negotiation: No\n\tAdvertised FEC modes: Not reported\n\tSpeed: 10000Mb/s\n\tDuplex: Full\n\tAuto-negotiation: off\n\tPort: Twisted Pair\n\tPHYAD: 0\n\tTransceiver: internal\n\tMDI-X: Unknown\n\tLink detected: {link}\n"
        )),
        DeviceKind::Bridge(_) => unsupported("ethtool", "link settings of a bridge"),
    }
}

fn driver(sim: &mut Sim, ctx: Ctx, name: &str) -> Output {
    let Some(d) = sim.world.dev_by_name(ctx.ns, name) else {
        return Output::error("Cannot get driver information: No such device\n", 71);
    };
    let drv = match sim.world.dev(d).kind {
        DeviceKind::Veth { .. } => ("veth", "1.0"),
        DeviceKind::Bridge(_) => ("bridge", "2.3"),
        DeviceKind::Loopback => {
            return Output::error(
                "Cannot get driver information: Operation not supported\n",
                71,
            )
        }
    };
    Output::text(format!(
        "driver: {}\nversion: {}\nfirmware-version: \nexpansion-rom-version: \nbus-info: \nsupports-statistics: {}\nsupports-test: no\nsupports-eeprom-access: no\nsupports-register-dump: no\nsupports-priv-flags: no\n",
        drv.0,
        drv.1,
        if drv.0 == "veth" { "yes" } else { "no" }
    ))
}

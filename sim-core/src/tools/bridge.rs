//! `bridge` from iproute2 6.1: `link [show]` and `fdb show|add|del|replace`.
//!
//! `bridge fdb show` dumps like `rtnl_fdb_dump`: devices by ifindex; for a bridge port the
//! bridge's entries behind it (newest first, as the kernel's hlist), then the device's own
//! multicast list (`self permanent`); for a bridge, its multicast list, then its own entries.

use crate::model::{fmt_mac, parse_mac, DeviceId, DeviceKind, FdbEntry, NetnsId};
use crate::shell::{Output, Sim};
use crate::tools::ip::matches;
use crate::tools::{unsupported, Ctx};

fn usage() -> &'static str {
    "Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }\n       bridge [ -force ] -batch filename\nwhere  OBJECT := { link | fdb | mdb | vlan | monitor }\n       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |\n                    -o[neline] | -t[imestamp] | -n[etns] name |\n                    -c[ompressvlans] -color -p[retty] -j[son] }\n"
}

/// Entry point of `bridge`.
pub fn run(sim: &mut Sim, ctx: Ctx, args: &[&str]) -> Output {
    let mut ns = ctx.ns;
    let mut i = 0;
    while i < args.len() && args[i].starts_with('-') && args[i].len() > 1 {
        let a = args[i].trim_start_matches('-');
        if matches(a, "netns") {
            i += 1;
            let Some(name) = args.get(i) else {
                return Output::error("Command line is not complete. Try option \"help\"\n", 255);
            };
            match sim.world.netns_by_name(name) {
                Some(n) => ns = n,
                None => {
                    return Output::error(
                        format!(
                            "Cannot open network namespace \"{name}\": No such file or directory\n"
                        ),
                        255,
                    )
                }
            }
        } else if [
            "statistics",
            "details",
            "oneline",
            "timestamp",
            "json",
            "pretty",
            "compressvlans",
            "color",
            "force",
            "batch",
            "Version",
        ]
        .iter()
        .any(|w| matches(a, w))
        {
            return unsupported("bridge", &format!("option `{}`", args[i]));
        } else {
            return Output::error(
                format!("Option \"{}\" is unknown, try \"bridge help\".\n", args[i]),
                255,
            );
        }
        i += 1;
    }
    let Some(obj) = args.get(i) else {
        return Output::error(usage(), 255);
    };
    let rest = &args[i + 1..];
    if matches(obj, "link") {
        link(sim, ns, rest)
    } else if matches(obj, "fdb") {
        fdb(sim, ns, rest)
    } else if matches(obj, "help") {
        Output::error(usage(), 255)
    } else if ["mdb", "vlan", "monitor"].iter().any(|w| matches(obj, w)) {
        unsupported("bridge", &format!("object `{obj}`"))
    } else {
        Output::error(
            format!("Object \"{obj}\" is unknown, try \"bridge help\".\n"),
            255,
        )
    }
}

fn no_device(name: &str) -> Output {
    Output::error(format!("Cannot find device \"{name}\"\n"), 255)
}

// ---------------------------------------------------------------- link

fn link(sim: &mut Sim, ns: NetnsId, args: &[&str]) -> Output {
    let rest = match args.first() {
        None => args,
        Some(c) if matches(c, "show") || matches(c, "list") || matches(c, "lst") => &args[1..],
        Some(c) if matches(c, "set") || matches(c, "help") => {
            return unsupported("bridge link", &format!("`{c}`"))
        }
        Some(c) => {
            return Output::error(
                format!("Command \"{c}\" is unknown, try \"bridge link help\".\n"),
                255,
            )
        }
    };
    let mut filter: Option<DeviceId> = None;
    let mut i = 0;
    while i < rest.len() {
        match rest[i] {
            "dev" => {
                i += 1;
                let Some(n) = rest.get(i) else {
                    return Output::error(
                        "Command line is not complete. Try option \"help\"\n",
                        255,
                    );
                };
                match sim.world.dev_by_name(ns, n) {
                    Some(d) => filter = Some(d),
                    None => return no_device(n),
                }
            }
            // iproute2 6.1 takes a bare word here and ignores it.
            _ => {}
        }
        i += 1;
    }
    let mut out = String::new();
    for d in sim.world.devices_of(ns).collect::<Vec<_>>() {
        if filter.is_some_and(|f| f != d) {
            continue;
        }
        let Some(br) = sim.world.dev(d).master else {
            continue;
        };
        if sim.world.dev(br).bridge().is_some_and(|b| b.stp) {
            return unsupported(
                "bridge link",
                "port states of a bridge with STP on (the protocol is not modelled)",
            );
        }
        out.push_str(&link_line(sim, ns, d, br));
    }
    Output::text(out)
}

/// `IFINDEX: NAME@LINK: <FLAGS> mtu N master BR state S priority 32 cost 2 `.
fn link_line(sim: &Sim, ns: NetnsId, d: DeviceId, br: DeviceId) -> String {
    let dv = sim.world.dev(d);
    let mut s = format!("{}: {}", dv.ifindex, dv.name);
    if let DeviceKind::Veth { peer } = dv.kind {
        // IFLA_LINK is the peer's ifindex, which bridge(8) resolves in its own namespace.
        let idx = sim.world.dev(peer).ifindex;
        let name = sim
            .world
            .devices_of(ns)
            .find(|x| sim.world.dev(*x).ifindex == idx)
            .map(|x| sim.world.dev(x).name.clone())
            .unwrap_or_else(|| format!("if{idx}"));
        s.push_str(&format!("@{name}"));
    }
    let state = if sim.world.bridge_port_enabled(br, d) {
        "forwarding"
    } else {
        "disabled"
    };
    // A veth's speed is 10 Gb/s: STP path cost 2; default port priority 32.
    s.push_str(&format!(
        ": <{}> mtu {} master {} state {state} priority 32 cost 2 \n",
        link_flags(sim, ns, d),
        dv.mtu,
        sim.world.dev(br).name
    ));
    s
}

/// The flags between `<` and `>`. bridge(8) looks IFLA_LINK (the peer's ifindex) up in its
/// own namespace, whatever namespace the peer is in; a missing device counts as down.
fn link_flags(sim: &Sim, ns: NetnsId, d: DeviceId) -> String {
    let m_down = match sim.world.dev(d).kind {
        DeviceKind::Veth { peer } => {
            let idx = sim.world.dev(peer).ifindex;
            !sim.world
                .dev_by_index(ns, idx)
                .is_some_and(|x| sim.world.dev(x).admin_up)
        }
        _ => false,
    };
    crate::tools::ip::link::print_link_flags(sim, d, m_down)
}

// ---------------------------------------------------------------- fdb

fn fdb(sim: &mut Sim, ns: NetnsId, args: &[&str]) -> Output {
    let Some(c) = args.first() else {
        return fdb_show(sim, ns, args);
    };
    let rest = &args[1..];
    if matches(c, "show") || matches(c, "list") || matches(c, "lst") {
        fdb_show(sim, ns, rest)
    } else if *c == "add" {
        fdb_modify(sim, ns, rest, Modify::Add)
    } else if matches(c, "replace") {
        fdb_modify(sim, ns, rest, Modify::Replace)
    } else if matches(c, "delete") {
        fdb_modify(sim, ns, rest, Modify::Del)
    } else if matches(c, "append") || matches(c, "get") || matches(c, "flush") || matches(c, "help")
    {
        unsupported("bridge fdb", &format!("`{c}`"))
    } else {
        Output::error(
            format!("Command \"{c}\" is unknown, try \"bridge fdb help\".\n"),
            255,
        )
    }
}

/// The multicast addresses the kernel has put on a device's list, in list order:
/// ff02::1 when IPv6 attaches (at creation), the bridge's snooper groups (224.0.0.106,
/// ff02::6a) at open, 224.0.0.1 when IPv4 comes up, the link-local's solicited-node group
/// once it has one. Taking a device down empties the list.
fn mc_list(sim: &Sim, d: DeviceId) -> Vec<[u8; 6]> {
    let dv = sim.world.dev(d);
    if dv.is_loopback() {
        return Vec::new();
    }
    let all_nodes = [0x33, 0x33, 0, 0, 0, 1];
    if !dv.admin_up {
        return if dv.ever_up {
            Vec::new()
        } else {
            vec![all_nodes]
        };
    }
    let mut v = vec![all_nodes];
    if dv.is_bridge() {
        v.push([0x01, 0x00, 0x5e, 0, 0, 0x6a]);
        v.push([0x33, 0x33, 0, 0, 0, 0x6a]);
    }
    v.push([0x01, 0x00, 0x5e, 0, 0, 1]);
    let v6_off = sim
        .world
        .ns(dv.netns)
        .sysctl
        .get_dev(d, true, "disable_ipv6")
        .is_some_and(|x| x.trim() != "0");
    if let (Some(m), false) = (dv.ll_mac, v6_off) {
        v.push([0x33, 0x33, 0xff, m[3], m[4], m[5]]);
    }
    v
}

fn fdb_state(e: &FdbEntry) -> &'static str {
    if e.local {
        "permanent"
    } else if e.is_static {
        "static"
    } else {
        ""
    }
}

fn fdb_show(sim: &mut Sim, ns: NetnsId, args: &[&str]) -> Output {
    let mut br_filter: Option<DeviceId> = None;
    let mut dev_filter: Option<DeviceId> = None;
    let mut i = 0;
    while i < args.len() {
        let a = args[i];
        let val = |i: usize| args.get(i + 1).copied();
        match a {
            "br" => {
                let Some(n) = val(i) else {
                    return Output::error(
                        "Command line is not complete. Try option \"help\"\n",
                        255,
                    );
                };
                match sim.world.dev_by_name(ns, n) {
                    Some(d) => br_filter = Some(d),
                    None => {
                        return Output::error(format!("Cannot find bridge device \"{n}\"\n"), 255)
                    }
                }
                i += 1;
            }
            "dev" | "brport" => {
                let Some(n) = val(i) else {
                    return Output::error(
                        "Command line is not complete. Try option \"help\"\n",
                        255,
                    );
                };
                match sim.world.dev_by_name(ns, n) {
                    Some(d) => dev_filter = Some(d),
                    None => return no_device(n),
                }
                i += 1;
            }
            other => return unsupported("bridge fdb show", &format!("argument `{other}`")),
        }
        i += 1;
    }
    let now = sim.world.now;
    let mut out = String::new();
    for d in sim.world.devices_of(ns).collect::<Vec<_>>() {
        let dv = sim.world.dev(d);
        if dev_filter.is_some_and(|f| f != d) {
            continue;
        }
        if let Some(b) = br_filter {
            if d != b && dv.master != Some(b) {
                continue;
            }
        }
        let dev_part = if dev_filter.is_some() {
            String::new()
        } else {
            format!(" dev {}", dv.name)
        };
        let own_entries = |br: DeviceId, port: Option<DeviceId>, out: &mut String| {
            let bd = sim.world.dev(br);
            let Some(b) = bd.bridge() else { return };
            for e in b
                .fdb
                .iter()
                .rev()
                .filter(|e| e.port == port && !b.expired(e, now))
            {
                out.push_str(&format!(
                    "{}{dev_part} master {} {}\n",
                    fmt_mac(&e.mac),
                    bd.name,
                    fdb_state(e)
                ));
            }
        };
        if let Some(br) = dv.master {
            own_entries(br, Some(d), &mut out);
        }
        for m in mc_list(sim, d) {
            out.push_str(&format!("{}{dev_part} self permanent\n", fmt_mac(&m)));
        }
        if dv.is_bridge() {
            own_entries(d, None, &mut out);
        }
    }
    Output::text(out)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Modify {
    Add,
    Replace,
    Del,
}

fn fdb_modify(sim: &mut Sim, ns: NetnsId, args: &[&str], op: Modify) -> Output {
    let mut mac: Option<[u8; 6]> = None;
    let mut dev: Option<&str> = None;
    let mut master = false;
    let mut self_ = false;
    let mut state = "permanent";
    let mut i = 0;
    while i < args.len() {
        let a = args[i];
        match a {
            "dev" => {
                i += 1;
                let Some(n) = args.get(i) else {
                    return Output::error(
                        "Command line is not complete. Try option \"help\"\n",
                        255,
                    );
                };
                dev = Some(n);
            }
            "master" => master = true,
            "self" => self_ = true,
            "permanent" | "local" => state = "permanent",
            "static" => state = "static",
            "dynamic" => state = "dynamic",
            "vlan" | "dst" | "port" | "vni" | "via" | "src_vni" | "router" | "use"
            | "extern_learn" | "sticky" | "nhid" | "activity_notify" | "inactive" | "norefresh" => {
                return unsupported("bridge fdb", &format!("option `{a}`"))
            }
            _ if mac.is_none() => match parse_mac(a) {
                Some(m) => mac = Some(m),
                None => return Output::error(format!("Invalid mac address {a}\n"), 255),
            },
            _ => {
                return Output::error(
                    format!("Error: either \"dev\" is duplicate, or \"{a}\" is a garbage.\n"),
                    255,
                )
            }
        }
        i += 1;
    }
    let (Some(mac), Some(dev)) = (mac, dev) else {
        return Output::error("Device and address are required arguments.\n", 255);
    };
    let Some(d) = sim.world.dev_by_name(ns, dev) else {
        return no_device(dev);
    };
    if self_ || !master {
        return unsupported(
            "bridge fdb",
            "entries on a device's own address list (`self`; use `master`)",
        );
    }
    let rtnl = |msg: &str| Output::error(format!("RTNETLINK answers: {msg}\n"), 255);
    let Some(br) = sim.world.dev(d).master else {
        return rtnl("Operation not supported");
    };
    let now = sim.world.now;
    let Some(b) = sim.world.dev_mut(br).bridge_mut() else {
        return rtnl("Operation not supported");
    };
    // The kernel's gc would have removed expired entries by now.
    let keep: Vec<bool> = b.fdb.iter().map(|e| !b.expired(e, now)).collect();
    let mut k = keep.into_iter();
    b.fdb.retain(|_| k.next().unwrap_or(true));
    let pos = b.fdb.position(&mac);
    let (local, is_static) = match state {
        "permanent" => (true, true),
        "static" => (false, true),
        _ => (false, false),
    };
    match op {
        Modify::Del => match pos {
            Some(p) if b.fdb[p].port == Some(d) => {
                b.fdb.remove(p);
                Output::ok()
            }
            _ => rtnl("No such file or directory"),
        },
        Modify::Add if pos.is_some() => rtnl("File exists"),
        Modify::Add | Modify::Replace => {
            let e = FdbEntry {
                mac,
                port: Some(d),
                local,
                is_static,
                updated: now,
            };
            match pos {
                Some(p) => b.fdb.set(p, e),
                None => b.fdb.push(e),
            }
            Output::ok()
        }
    }
}

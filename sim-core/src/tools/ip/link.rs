//! `ip link`: add, delete, set, show.

use super::{incomplete, matches, no_device, rtnl_err, Opts};
use crate::model::{fmt_mac, parse_mac, DeviceId, DeviceKind, Errno, NetnsId};
use crate::shell::{Output, Sim};
use crate::tools::json::{s as js, J};
use crate::tools::{unsupported, Ctx};

pub fn run(sim: &mut Sim, ctx: Ctx, o: Opts, args: &[&str]) -> Output {
    let Some(cmd) = args.first() else {
        return show(sim, ctx.ns, o, &[]);
    };
    let rest = &args[1..];
    if matches(cmd, "add") {
        add(sim, ctx.ns, rest)
    } else if matches(cmd, "delete") {
        del(sim, ctx.ns, rest)
    } else if matches(cmd, "set") || matches(cmd, "change") {
        set(sim, ctx.ns, rest)
    } else if matches(cmd, "show") || matches(cmd, "list") || matches(cmd, "lst") {
        show(sim, ctx.ns, o, rest)
    } else if matches(cmd, "help") {
        Output::error(
            "Usage: ip link add [link DEV | parentdev NAME] [ name ] NAME\n",
            255,
        )
    } else {
        Output::error(
            format!("Command \"{cmd}\" is unknown, try \"ip link help\".\n"),
            255,
        )
    }
}

fn add(sim: &mut Sim, ns: NetnsId, args: &[&str]) -> Output {
    let mut name: Option<&str> = None;
    let mut kind: Option<&str> = None;
    let mut i = 0;
    let mut type_args: &[&str] = &[];
    let mut dev_ns = ns;
    // Which word named the device: iproute2's messages quote it.
    let mut name_key = "dev";
    while i < args.len() {
        let a = args[i];
        if a == "type" {
            i += 1;
            let Some(k) = args.get(i) else {
                return incomplete();
            };
            kind = Some(k);
            type_args = &args[i + 1..];
            break;
        } else if a == "name" || a == "dev" {
            i += 1;
            let Some(n) = args.get(i) else {
                return incomplete();
            };
            name = Some(n);
            name_key = a;
        } else if a == "netns" {
            i += 1;
            let Some(n) = args.get(i) else {
                return incomplete();
            };
            match sim.world.netns_by_name(n) {
                Some(id) => dev_ns = id,
                None => {
                    return Output::error(
                        format!("Error: argument \"{n}\" is wrong: Invalid \"netns\" value\n\n"),
                        255,
                    )
                }
            }
        } else if matches!(
            a,
            "mtu" | "address" | "txqueuelen" | "link" | "numtxqueues" | "numrxqueues"
        ) {
            return unsupported("ip link add", &format!("option `{a}`"));
        } else if matches(a, "address") || matches(a, "broadcast") {
            i += 1;
            let Some(v) = args.get(i) else {
                return incomplete();
            };
            if let Err(e) = parse_lladdr(v) {
                return e;
            }
            return unsupported("ip link add", &format!("option `{a}`"));
        } else if name.is_none() {
            name = Some(a);
        } else {
            return Output::error(
                format!("Error: either \"dev\" is duplicate, or \"{a}\" is a garbage.\n"),
                255,
            );
        }
        i += 1;
    }
    if let Some(n) = name {
        if let Some(e) = check_ifname(n, name_key) {
            return e;
        }
    }
    let Some(kind) = kind else {
        return Output::error("Not enough information: \"type\" argument is required\n", 1);
    };
    match kind {
        "veth" => {
            let mut peer_name = None;
            let mut peer_ns = ns;
            let mut j = 0;
            if let Some(&"peer") = type_args.first() {
                j = 1;
                while j < type_args.len() {
                    match type_args[j] {
                        "name" => {
                            j += 1;
                            let Some(n) = type_args.get(j) else {
                                return incomplete();
                            };
                            if let Some(e) = check_ifname(n, "name") {
                                return e;
                            }
                            peer_name = Some(*n);
                        }
                        "netns" => {
                            j += 1;
                            let Some(n) = type_args.get(j) else {
                                return incomplete();
                            };
                            match sim.world.netns_by_name(n) {
                                Some(id) => peer_ns = id,
                                None => {
                                    return Output::error(
                                        format!("Error: argument \"{n}\" is wrong: Invalid \"netns\" value\n\n"),
                                        255,
                                    )
                                }
                            }
                        }
                        other if peer_name.is_none() && !other.is_empty() => {
                            if matches!(other, "address" | "mtu" | "txqueuelen") {
                                return unsupported(
                                    "ip link add type veth peer",
                                    &format!("option `{other}`"),
                                );
                            }
                            peer_name = Some(other)
                        }
                        other => {
                            return unsupported(
                                "ip link add type veth peer",
                                &format!("option `{other}`"),
                            )
                        }
                    }
                    j += 1;
                }
            } else if let Some(x) = type_args.first() {
                return unsupported("ip link add type veth", &format!("option `{x}`"));
            }
            let _ = j;
            match sim.world.add_veth(dev_ns, name, peer_ns, peer_name) {
                Ok(_) => Output::ok(),
                Err(Errno::Limit) => limit_err(sim, "devices"),
                Err(e) => rtnl_err(e),
            }
        }
        "bridge" => {
            if let Some(x) = type_args.first() {
                return unsupported("ip link add type bridge", &format!("option `{x}`"));
            }
            let name = match name {
                Some(n) => n.to_string(),
                None => sim.world.alloc_name(ns, "bridge"),
            };
            match sim.world.add_bridge(dev_ns, &name) {
                Ok(_) => Output::ok(),
                Err(Errno::Limit) => limit_err(sim, "devices"),
                Err(e) => rtnl_err(e),
            }
        }
        "dummy" | "vlan" | "vxlan" | "macvlan" | "ipvlan" | "bond" | "team" | "gre" | "ipip"
        | "sit" | "tun" | "tap" | "vrf" | "wireguard" | "geneve" | "macsec" | "ifb" | "nlmon"
        | "vcan" | "veth_pair" | "dsa" => {
            unsupported("ip link add", &format!("link type `{kind}`"))
        }
        _ => Output::error("Error: Unknown device type.\n", 2),
    }
}

/// The message when a resource limit of the simulator stops a command.
pub fn limit_err(sim: &Sim, what: &str) -> Output {
    let (n, opt) = match what {
        "devices" => (sim.world.limits.max_devices, "--max-devices"),
        _ => (sim.world.limits.max_netns, "--max-netns"),
    };
    Output::error(
        format!("netsim: limit of {n} {what} reached (raise it with {opt})\n"),
        1,
    )
}

/// iproute2's `check_ifname`.
fn check_ifname(n: &str, key: &str) -> Option<Output> {
    // iproute2 6.1 checks the characters, and the length only after `name`; a long `dev`
    // name reaches the kernel, whose netlink policy refuses it (below).
    if n.is_empty()
        || (key == "name" && n.len() >= 16)
        || n.contains('/')
        || n.contains(':')
        || n.chars().any(|c| c.is_whitespace())
        || n == "."
        || n == ".."
    {
        return Some(Output::error(
            format!("Error: argument \"{n}\" is wrong: \"{key}\" not a valid ifname\n"),
            255,
        ));
    }
    if n.len() >= 16 {
        // IFNAMSIZ: netlink's attribute policy refuses the name.
        return Some(Output::error(
            "Error: Attribute failed policy validation.\n",
            2,
        ));
    }
    None
}

fn del(sim: &mut Sim, ns: NetnsId, args: &[&str]) -> Output {
    let mut name = None;
    let mut i = 0;
    while i < args.len() {
        match args[i] {
            "dev" => {
                i += 1;
                name = args.get(i).copied();
                if name.is_none() {
                    return incomplete();
                }
            }
            "type" => return unsupported("ip link delete", "option `type`"),
            a => name = Some(a),
        }
        i += 1;
    }
    let Some(name) = name else {
        return Output::error(
            "Not enough information: \"dev\" argument is required.\n",
            255,
        );
    };
    let Some(d) = sim.world.dev_by_name(ns, name) else {
        return no_device(name);
    };
    match sim.world.del_device(d) {
        Ok(()) => Output::ok(),
        Err(e) => rtnl_err(e),
    }
}

fn set(sim: &mut Sim, ns: NetnsId, args: &[&str]) -> Output {
    let mut dev_name: Option<&str> = None;
    let mut ops: Vec<(&str, Option<&str>)> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = args[i];
        match a {
            "up" | "down" | "nomaster" => ops.push((a, None)),
            "dev" => {
                i += 1;
                let Some(v) = args.get(i) else {
                    return incomplete();
                };
                dev_name = Some(v);
            }
            "name" | "mtu" | "master" => {
                i += 1;
                let Some(v) = args.get(i) else {
                    return incomplete();
                };
                ops.push((a, Some(v)));
            }
            _ if matches(a, "address") || matches(a, "netns") => {
                let key = if matches(a, "address") {
                    "address"
                } else {
                    "netns"
                };
                i += 1;
                let Some(v) = args.get(i) else {
                    return incomplete();
                };
                if key == "address" {
                    if let Err(e) = parse_lladdr(v) {
                        return e;
                    }
                }
                ops.push((key, Some(v)));
            }
            _ if matches(a, "broadcast") => {
                i += 1;
                let Some(v) = args.get(i) else {
                    return incomplete();
                };
                if let Err(e) = parse_lladdr(v) {
                    return e;
                }
                return unsupported("ip link set", "option `broadcast`");
            }
            "arp" | "multicast" | "promisc" | "allmulticast" | "txqueuelen" | "txqlen" | "qlen"
            | "alias" | "group" | "type" | "broadcast" | "brd" | "peer" | "vf" | "xdp"
            | "protodown" | "addrgenmode" | "link-netns" | "link-netnsid" | "dynamic"
            | "trailers" | "carrier" | "gso_max_size" | "gso_max_segs" => {
                return unsupported("ip link set", &format!("option `{a}`"))
            }
            _ if dev_name.is_none() => dev_name = Some(a),
            _ => {
                return Output::error(
                    format!("Error: either \"dev\" is duplicate, or \"{a}\" is a garbage.\n"),
                    255,
                )
            }
        }
        i += 1;
    }
    let Some(dn) = dev_name else {
        return Output::error(
            "Not enough of information: \"dev\" argument is required.\n",
            255,
        );
    };
    let Some(d) = sim.world.dev_by_name(ns, dn) else {
        return no_device(dn);
    };
    // Parse every argument before changing anything, as iproute2 does.
    for (op, v) in &ops {
        let v = v.unwrap_or("");
        match *op {
            // iproute2 reads it as an int: a negative one reaches the kernel's minimum check.
            "mtu" if v.parse::<i32>().is_ok_and(|m| m < 0) => {
                return Output::error("Error: mtu less than device minimum.\n", 2)
            }
            "mtu"
                if v.parse::<u32>().is_ok_and(|m| m < 68)
                    && matches!(sim.world.dev(d).kind, crate::model::DeviceKind::Loopback) =>
            {
                return crate::tools::unsupported(
                    "ip link set",
                    "an mtu below 68 on lo (the kernel then drops the device's IPv4 configuration)",
                )
            }
            "mtu" if v.parse::<u32>().is_err() => {
                return Output::error(
                    format!("Error: argument \"{v}\" is wrong: Invalid \"mtu\" value\n\n"),
                    255,
                )
            }
            "netns" if sim.world.netns_by_name(v).is_none() && v.parse::<u32>().is_err() => {
                return Output::error(
                    format!("Error: argument \"{v}\" is wrong: Invalid \"netns\" value\n\n"),
                    255,
                )
            }
            "netns" if sim.world.netns_by_name(v).is_none() && v != "1" => {
                // Only PID 1 (the host's init, in the init namespace) exists in the simulation.
                return Output::error("RTNETLINK answers: No such process\n", 2);
            }
            "master" if sim.world.dev_by_name(ns, v).is_none() => {
                return Output::error(
                    format!("Error: argument \"{v}\" is wrong: Device does not exist\n\n"),
                    255,
                )
            }
            "name" => {
                if let Some(e) = check_ifname(v, "name") {
                    return e;
                }
            }
            _ => {}
        }
    }
    // iproute2 resolves `master` to an ifindex here, in the namespace the command runs in;
    // the kernel then applies the attributes in do_setlink's order (namespace first, master
    // late) and looks the ifindex up in the device's namespace at that point.
    let master = ops
        .iter()
        .rev()
        .find(|(op, _)| *op == "master")
        .and_then(|(_, v)| sim.world.dev_by_name(ns, v.unwrap_or("")));
    let rank = |op: &str| match op {
        "netns" => 0,
        "address" => 1,
        "mtu" => 2,
        "name" => 3,
        "up" | "down" => 4,
        "master" | "nomaster" => 5,
        _ => 6,
    };
    let mut ops = ops;
    ops.sort_by_key(|(op, _)| rank(op));
    for (op, v) in ops {
        let v = v.unwrap_or("");
        let r: Result<(), Errno> = match op {
            "up" => {
                sim.world.set_up(d, true);
                Ok(())
            }
            "down" => {
                sim.world.set_up(d, false);
                Ok(())
            }
            "nomaster" => {
                sim.world.set_nomaster(d);
                Ok(())
            }
            "address" => sim.world.set_mac(d, parse_mac(v).unwrap_or_default()),
            "name" => sim.world.rename(d, v),
            "netns" => {
                let to = sim.world.netns_by_name(v).unwrap_or(sim.world.init_ns());
                sim.world.move_device(d, to)
            }
            "mtu" => {
                let mtu: u32 = v.parse().unwrap_or(0);
                let (min, max) = sim.world.mtu_range(d);
                if mtu > max {
                    return Output::error("Error: mtu greater than device maximum.\n", 2);
                }
                if mtu < min {
                    return Output::error("Error: mtu less than device minimum.\n", 2);
                }
                sim.world.set_mtu(d, mtu)
            }
            "master" => match master {
                Some(br) if sim.world.device_exists(br) => sim.world.set_master(d, br),
                _ => Err(Errno::Inval),
            },
            _ => Ok(()),
        };
        if let Err(e) = r {
            return match (op, e) {
                ("netns", Errno::Inval) => {
                    Output::error("Error: The interface netns is immutable.\n", 2)
                }
                ("master", Errno::Loop) => {
                    Output::error("Error: Can not enslave a bridge to a bridge.\n", 2)
                }
                _ => rtnl_err(e),
            };
        }
    }
    Output::ok()
}

fn show(sim: &mut Sim, ns: NetnsId, o: Opts, args: &[&str]) -> Output {
    let mut dev: Option<DeviceId> = None;
    let mut master: Option<DeviceId> = None;
    let mut kind: Option<&str> = None;
    let mut up_only = false;
    let mut i = 0;
    while i < args.len() {
        let a = args[i];
        match a {
            "dev" => {
                i += 1;
                let Some(n) = args.get(i) else {
                    return incomplete();
                };
                match sim.world.dev_by_name(ns, n) {
                    Some(d) => dev = Some(d),
                    None => return super::dev_not_exist(n),
                }
            }
            "master" => {
                i += 1;
                let Some(n) = args.get(i) else {
                    return incomplete();
                };
                match sim.world.dev_by_name(ns, n) {
                    Some(d) => master = Some(d),
                    None => {
                        return Output::error(
                            format!("Error: argument \"{n}\" is wrong: Device does not exist\n\n"),
                            255,
                        )
                    }
                }
            }
            "type" => {
                i += 1;
                let Some(n) = args.get(i) else {
                    return incomplete();
                };
                kind = Some(n);
            }
            "up" => up_only = true,
            _ if dev.is_none() => match sim.world.dev_by_name(ns, a) {
                Some(d) => dev = Some(d),
                None => return super::dev_not_exist(a),
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
    if o.json && o.brief {
        return unsupported("ip", "`-j` with `-br`");
    }
    if o.details {
        return unsupported("ip link show", "option `-d`");
    }
    let devs: Vec<DeviceId> = match dev {
        Some(d) => vec![d],
        None => sim.world.devices_of(ns).collect(),
    };
    let mut out = String::new();
    let mut json: Vec<J> = Vec::new();
    for d in devs {
        let dv = sim.world.dev(d);
        if master.is_some() && dv.master != master {
            continue;
        }
        if up_only && !dv.admin_up {
            continue;
        }
        if let Some(k) = kind {
            let ok = match (&dv.kind, k) {
                (DeviceKind::Veth { .. }, "veth") | (DeviceKind::Bridge(_), "bridge") => true,
                (DeviceKind::Bridge(_), "bridge_slave") => false,
                _ => dv.master.is_some() && k == "bridge_slave",
            };
            if !ok {
                continue;
            }
        }
        if o.json {
            json.push(J::Obj(link_json(sim, ns, d, true)));
        } else if o.brief {
            out.push_str(&brief_link(sim, ns, d));
        } else {
            out.push_str(&header(sim, ns, d, true, o));
        }
    }
    if o.json {
        let v = J::Arr(json);
        out = if o.pretty { v.pretty() } else { v.compact() };
        out.push('\n');
    }
    Output::text(out)
}

/// The `NAME@PEER` part of a link line.
pub fn display_name(sim: &mut Sim, ns: NetnsId, d: DeviceId) -> (String, Option<String>) {
    let dv = sim.world.dev(d).clone();
    match dv.kind {
        DeviceKind::Veth { peer } => {
            let p = sim.world.dev(peer).clone();
            if p.netns == ns {
                (format!("{}@{}", dv.name, p.name), None)
            } else {
                // Dumping a link whose peer lives elsewhere allocates an nsid (peernet2id_alloc).
                let id = sim.world.nsid_alloc(ns, p.netns);
                let netns = match sim
                    .world
                    .named_netns()
                    .find(|(_, n)| *n == p.netns)
                    .map(|(s, _)| s.to_string())
                {
                    Some(name) if sim.world.nsid_get(ns, p.netns).is_some() => {
                        format!(" link-netns {name}")
                    }
                    _ => format!(" link-netnsid {id}"),
                };
                (format!("{}@if{}", dv.name, p.ifindex), Some(netns))
            }
        }
        _ => (dv.name.clone(), None),
    }
}

/// The flags between `<` and `>`.
pub fn flags(sim: &Sim, ns: NetnsId, d: DeviceId) -> String {
    // `ip` prints M-DOWN only for a peer in the same namespace that is down.
    let m_down = match sim.world.dev(d).kind {
        DeviceKind::Veth { peer } => {
            let p = sim.world.dev(peer);
            p.netns == ns && !p.admin_up
        }
        _ => false,
    };
    print_link_flags(sim, d, m_down)
}

/// iproute2's `print_link_flags`: the flags between `<` and `>`; `m_down` is the caller's
/// verdict on the lower device (ip and bridge(8) decide it differently).
pub fn print_link_flags(sim: &Sim, d: DeviceId, m_down: bool) -> String {
    let dv = sim.world.dev(d);
    let carrier = sim.world.carrier(d);
    let mut f: Vec<&str> = Vec::new();
    if dv.admin_up && !carrier {
        f.push("NO-CARRIER");
    }
    if dv.is_loopback() {
        f.push("LOOPBACK");
    } else {
        f.push("BROADCAST");
        f.push("MULTICAST");
    }
    if dv.admin_up {
        f.push("UP");
    }
    if carrier {
        f.push("LOWER_UP");
    }
    if m_down {
        f.push("M-DOWN");
    }
    f.join(",")
}

fn qdisc(sim: &Sim, d: DeviceId) -> &'static str {
    let dv = sim.world.dev(d);
    if dv.admin_up || dv.ever_up {
        "noqueue"
    } else {
        "noop"
    }
}

/// The two-line header `ip link` and `ip addr` print for a device.
pub fn header(sim: &mut Sim, ns: NetnsId, d: DeviceId, link_cmd: bool, o: Opts) -> String {
    let (name, netns_suffix) = display_name(sim, ns, d);
    let dv = sim.world.dev(d).clone();
    let mut s = format!(
        "{}: {}: <{}> mtu {} qdisc {} ",
        dv.ifindex,
        name,
        flags(sim, ns, d),
        dv.mtu,
        qdisc(sim, d)
    );
    if let Some(m) = dv.master {
        s.push_str(&format!("master {} ", sim.world.dev(m).name));
    }
    s.push_str(&format!("state {} ", sim.world.oper_state(d).as_str()));
    if link_cmd {
        s.push_str("mode DEFAULT ");
    }
    s.push_str("group default qlen 1000");
    let sep = if o.oneline { "\\    " } else { "\n    " };
    s.push_str(sep);
    if dv.is_loopback() {
        s.push_str("link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00");
    } else {
        s.push_str(&format!(
            "link/ether {} brd ff:ff:ff:ff:ff:ff",
            fmt_mac(&dv.mac)
        ));
    }
    if let Some(n) = netns_suffix {
        s.push_str(&n);
    }
    if link_cmd && o.stats > 0 {
        let st = dv.stats;
        s.push_str(&format!(
            "{sep}RX:  bytes packets errors dropped  missed   mcast           {sep}{:>10} {:>7} {:>6} {:>7} {:>7} {:>7} {sep}TX:  bytes packets errors dropped carrier collsns           {sep}{:>10} {:>7} {:>6} {:>7} {:>7} {:>7} ",
            st.rx_bytes, st.rx_packets, 0, st.rx_dropped, 0, 0, st.tx_bytes, st.tx_packets, 0, st.tx_dropped, 0, 0
        ));
        if o.stats > 1 {
            // Inserted after each RX/TX pair: the error details.
            let rx_err = format!("{sep}RX errors:  length    crc   frame    fifo overrun{sep}{:>18} {:>6} {:>7} {:>7} {:>7} ", 0, 0, 0, 0, 0);
            let tx_err = format!("{sep}TX errors: aborted   fifo  window heartbt transns{sep}{:>18} {:>6} {:>7} {:>7} {:>7} ", 0, 0, 0, 0, dv.carrier_changes);
            if let Some(pos) = s.find(&format!("{sep}TX:")) {
                s.insert_str(pos, &rx_err);
            }
            s.push_str(&tx_err);
        }
    }
    s.push('\n');
    s
}

/// `ip -br link` line.
fn brief_link(sim: &mut Sim, ns: NetnsId, d: DeviceId) -> String {
    let (name, _) = display_name(sim, ns, d);
    let dv = sim.world.dev(d);
    let mac = if dv.is_loopback() {
        "00:00:00:00:00:00".to_string()
    } else {
        fmt_mac(&dv.mac)
    };
    format!(
        "{:<16} {:<14} {} <{}> \n",
        name,
        sim.world.oper_state(d).as_str(),
        mac,
        flags(sim, ns, d)
    )
}

/// iproute2's `ll_addr_a2n`: a MAC as `hh:hh:...`, with its two messages.
fn parse_lladdr(v: &str) -> Result<[u8; 6], Output> {
    let mut out = Vec::new();
    for part in v.split(':') {
        match u8::from_str_radix(part, 16) {
            Ok(b) if !part.is_empty() && part.len() <= 2 => out.push(b),
            _ => return Err(Output::error(format!("\"{part}\" is invalid lladdr.\n"), 1)),
        }
    }
    if out.len() != 6 {
        return Err(Output::error(
            format!("Invalid address length {} - must be 6 bytes\n", out.len()),
            1,
        ));
    }
    let mut m = [0u8; 6];
    m.copy_from_slice(&out);
    Ok(m)
}

/// The fields `ip -j link` (and `ip -j addr`, without `linkmode`) prints for a device.
pub fn link_json(sim: &mut Sim, ns: NetnsId, d: DeviceId, link_cmd: bool) -> Vec<(String, J)> {
    let dv = sim.world.dev(d).clone();
    let mut o: Vec<(String, J)> = vec![("ifindex".into(), J::UInt(u64::from(dv.ifindex)))];
    let mut netnsid = None;
    if let DeviceKind::Veth { peer } = dv.kind {
        let p = sim.world.dev(peer).clone();
        if p.netns == ns {
            o.push(("link".into(), js(p.name.clone())));
        } else {
            o.push(("link_index".into(), J::UInt(u64::from(p.ifindex))));
            netnsid = Some(sim.world.nsid_alloc(ns, p.netns));
        }
    }
    o.push(("ifname".into(), js(dv.name.clone())));
    o.push((
        "flags".into(),
        J::Arr(flags(sim, ns, d).split(',').map(js).collect()),
    ));
    o.push(("mtu".into(), J::UInt(u64::from(dv.mtu))));
    o.push(("qdisc".into(), js(qdisc(sim, d))));
    if let Some(m) = dv.master {
        o.push(("master".into(), js(sim.world.dev(m).name.clone())));
    }
    o.push(("operstate".into(), js(sim.world.oper_state(d).as_str())));
    if link_cmd {
        o.push(("linkmode".into(), js("DEFAULT")));
    }
    o.push(("group".into(), js("default")));
    o.push(("txqlen".into(), J::UInt(1000)));
    if dv.is_loopback() {
        o.push(("link_type".into(), js("loopback")));
        o.push(("address".into(), js("00:00:00:00:00:00")));
        o.push(("broadcast".into(), js("00:00:00:00:00:00")));
    } else {
        o.push(("link_type".into(), js("ether")));
        o.push(("address".into(), js(fmt_mac(&dv.mac))));
        o.push(("broadcast".into(), js("ff:ff:ff:ff:ff:ff")));
    }
    if let Some(id) = netnsid {
        o.push(("link_netnsid".into(), J::Int(i64::from(id))));
    }
    o
}

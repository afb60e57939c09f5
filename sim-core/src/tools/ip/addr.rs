//! `ip addr`: add, del, flush, show.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::link::header;
use super::{incomplete, matches, no_device, rtnl_err, Opts};
use crate::model::{DeviceId, IfAddr, NetnsId};
use crate::shell::{Output, Sim};
use crate::tools::json::{s as js, J};
use crate::tools::{unsupported, Ctx};

pub fn run(sim: &mut Sim, ctx: Ctx, o: Opts, args: &[&str]) -> Output {
    let Some(cmd) = args.first() else {
        return show(sim, ctx.ns, o, &[]);
    };
    let rest = &args[1..];
    if matches(cmd, "add") || cmd == &"replace" {
        add(sim, ctx.ns, rest, *cmd == "replace")
    } else if matches(cmd, "delete") {
        del(sim, ctx.ns, rest)
    } else if matches(cmd, "flush") {
        flush(sim, ctx.ns, rest)
    } else if matches(cmd, "show") || matches(cmd, "list") || matches(cmd, "lst") {
        show(sim, ctx.ns, o, rest)
    } else if matches(cmd, "help") {
        Output::error(ADDR_HELP, 255)
    } else {
        Output::error(
            format!("Command \"{cmd}\" is unknown, try \"ip address help\".\n"),
            255,
        )
    }
}

const ADDR_HELP: &str = "Usage: ip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]
                                                      [ CONFFLAG-LIST ]
       ip address del IFADDR dev IFNAME [mngtmpaddr]
       ip address {save|flush} [ dev IFNAME ] [ scope SCOPE-ID ]
                            [ to PREFIX ] [ FLAG-LIST ] [ label LABEL ] [up]
       ip address [ show [ dev IFNAME ] [ scope SCOPE-ID ] [ master DEVICE ]
                         [ nomaster ]
                         [ type TYPE ] [ to PREFIX ] [ FLAG-LIST ]
                         [ label LABEL ] [up] [ vrf NAME ] ]
       ip address {showdump|restore}
IFADDR := PREFIX | ADDR peer PREFIX
          [ broadcast ADDR ] [ anycast ADDR ]
          [ label IFNAME ] [ scope SCOPE-ID ] [ metric METRIC ]
SCOPE-ID := [ host | link | global | NUMBER ]
FLAG-LIST := [ FLAG-LIST ] FLAG
FLAG  := [ permanent | dynamic | secondary | primary |
           [-]tentative | [-]deprecated | [-]dadfailed | temporary |
           CONFFLAG-LIST ]
CONFFLAG-LIST := [ CONFFLAG-LIST ] CONFFLAG
CONFFLAG  := [ home | nodad | mngtmpaddr | noprefixroute | autojoin ]
LIFETIME := [ valid_lft LFT ] [ preferred_lft LFT ]
LFT := forever | SECONDS
TYPE := { amt | bareudp | bond | bond_slave | bridge | bridge_slave |
          dsa | dummy | erspan | geneve | gre | gretap | gtp | ifb |
          ip6erspan | ip6gre | ip6gretap | ip6tnl |
          ipip | ipoib | ipvlan | ipvtap |
          macsec | macvlan | macvtap |
          netdevsim | nlmon | rmnet | sit | team | team_slave |
          vcan | veth | vlan | vrf | vti | vxcan | vxlan | wwan |
          xfrm | virt_wifi }
";

/// Parse `A.B.C.D[/LEN]` (or IPv6) as iproute2's `get_prefix`.
fn parse_prefix(s: &str) -> Option<(IpAddr, Option<u8>)> {
    let (a, l) = match s.split_once('/') {
        Some((a, l)) => (a, Some(l)),
        None => (s, None),
    };
    let ip: IpAddr = if let Ok(v4) = a.parse::<Ipv4Addr>() {
        IpAddr::V4(v4)
    } else if let Ok(v6) = a.parse::<Ipv6Addr>() {
        IpAddr::V6(v6)
    } else {
        return None;
    };
    let max = if ip.is_ipv4() { 32 } else { 128 };
    let len = match l {
        Some(l) => {
            let n: u8 = l.parse().ok()?;
            if n > max {
                return None;
            }
            Some(n)
        }
        None => None,
    };
    Some((ip, len))
}

fn add(sim: &mut Sim, ns: NetnsId, args: &[&str], replace: bool) -> Output {
    let mut local: Option<(IpAddr, Option<u8>)> = None;
    let mut dev: Option<&str> = None;
    let mut brd: Option<&str> = None;
    let mut label: Option<&str> = None;
    let mut i = 0;
    while i < args.len() {
        let a = args[i];
        match a {
            "dev" => {
                i += 1;
                dev = Some(match args.get(i) {
                    Some(v) => v,
                    None => return incomplete(),
                });
            }
            "broadcast" | "brd" => {
                i += 1;
                brd = Some(match args.get(i) {
                    Some(v) => v,
                    None => return incomplete(),
                });
            }
            "label" => {
                i += 1;
                label = args.get(i).copied();
            }
            "local" => {
                i += 1;
                let Some(v) = args.get(i) else {
                    return incomplete();
                };
                match parse_prefix(v) {
                    Some(p) => local = Some(p),
                    None => return bad_prefix(v),
                }
            }
            "peer" | "scope" | "valid_lft" | "preferred_lft" | "anycast" | "metric"
            | "noprefixroute" | "nodad" | "home" | "mngtmpaddr" | "autojoin" | "optimistic" => {
                return unsupported("ip addr add", &format!("option `{a}`"))
            }
            _ => {
                if local.is_some() {
                    return Output::error(
                        format!("Error: either \"local\" is duplicate, or \"{a}\" is a garbage.\n"),
                        255,
                    );
                }
                match parse_prefix(a) {
                    Some(p) => local = Some(p),
                    None => return bad_prefix(a),
                }
            }
        }
        i += 1;
    }
    let Some(dn) = dev else {
        return Output::error("Not enough information: \"dev\" argument is required.\n", 1);
    };
    let Some((ip, len)) = local else {
        return Output::error(
            "Not enough information: \"local\" argument is required.\n",
            1,
        );
    };
    let Some(d) = sim.world.dev_by_name(ns, dn) else {
        return no_device(dn);
    };
    if let Some(l) = label {
        if l != dn && !l.starts_with(&format!("{dn}:")) {
            return Output::error(format!("\"{l}\" label must match device name\n"), 1);
        }
    }
    let addr = match ip {
        IpAddr::V4(v4) => {
            let prefix = len.unwrap_or(32);
            let b = match brd {
                None => None,
                Some("+") => Some(ipnet::Ipv4Net::new(v4, prefix).expect("prefix").broadcast()),
                Some("-") => Some(ipnet::Ipv4Net::new(v4, prefix).expect("prefix").network()),
                Some(b) => match b.parse::<Ipv4Addr>() {
                    Ok(x) => Some(x),
                    Err(_) => {
                        return Output::error(
                            format!("Error: inet address is expected rather than \"{b}\".\n"),
                            1,
                        )
                    }
                },
            };
            IfAddr::v4(v4, prefix, b, label.unwrap_or(dn))
        }
        IpAddr::V6(v6) => IfAddr::V6 {
            addr: v6,
            prefix: len.unwrap_or(128),
        },
    };
    if replace {
        let _ = sim.world.del_addr(d, ip, Some(addr.prefix_len()));
    }
    let v4 = addr.is_v4();
    match sim.world.add_addr(d, addr) {
        Ok(()) => Output::ok(),
        Err(crate::model::Errno::Exist) if v4 => {
            Output::error("Error: ipv4: Address already assigned.\n", 2)
        }
        Err(e) => rtnl_err(e),
    }
}

fn bad_prefix(v: &str) -> Output {
    Output::error(
        format!("Error: any valid prefix is expected rather than \"{v}\".\n"),
        1,
    )
}

fn del(sim: &mut Sim, ns: NetnsId, args: &[&str]) -> Output {
    let mut local: Option<(IpAddr, Option<u8>)> = None;
    let mut dev: Option<&str> = None;
    let mut i = 0;
    while i < args.len() {
        match args[i] {
            "dev" => {
                i += 1;
                dev = Some(match args.get(i) {
                    Some(v) => v,
                    None => return incomplete(),
                });
            }
            a => match parse_prefix(a) {
                Some(p) => local = Some(p),
                None => return bad_prefix(a),
            },
        }
        i += 1;
    }
    let Some(dn) = dev else {
        return Output::error("Not enough information: \"dev\" argument is required.\n", 1);
    };
    let Some(d) = sim.world.dev_by_name(ns, dn) else {
        return no_device(dn);
    };
    let Some((ip, len)) = local else {
        // `ip addr del dev X` deletes the first IPv4 address.
        let first = sim.world.dev(d).addrs.iter().find(|a| a.is_v4()).cloned();
        return match first {
            Some(a) => match sim.world.del_addr(d, a.local(), Some(a.prefix_len())) {
                Ok(()) => Output::ok(),
                Err(e) => rtnl_err(e),
            },
            None => rtnl_err(crate::model::Errno::AddrNotAvail),
        };
    };
    let mut out = Output::ok();
    if len.is_none() && ip.is_ipv4() {
        out.err(format!("Warning: Executing wildcard deletion to stay compatible with old scripts.\n         Explicitly specify the prefix length ({ip}/32) to avoid this warning.\n         This special behaviour is likely to disappear in further releases,\n         fix your scripts!\n"));
    }
    match sim.world.del_addr(d, ip, len) {
        Ok(()) => out,
        Err(_) if ip.is_ipv4() => {
            out.err("Error: ipv4: Address not found.\n");
            out.with_status(2)
        }
        Err(e) => {
            out.extend(rtnl_err(e));
            out.with_status(2)
        }
    }
}

fn flush(sim: &mut Sim, ns: NetnsId, args: &[&str]) -> Output {
    let dn = match args {
        ["dev", d] | [d] => *d,
        [] => return Output::error("Flush requires arguments.\n", 255),
        _ => return unsupported("ip addr flush", "selectors other than `dev DEV`"),
    };
    let Some(d) = sim.world.dev_by_name(ns, dn) else {
        return super::dev_not_exist(dn);
    };
    let v4: Vec<IfAddr> = sim
        .world
        .dev(d)
        .addrs
        .iter()
        .filter(|a| a.is_v4())
        .cloned()
        .collect();
    for a in v4 {
        let _ = sim.world.del_addr(d, a.local(), Some(a.prefix_len()));
    }
    let dv = sim.world.dev_mut(d);
    dv.addrs.retain(|a| a.is_v4());
    // The kernel-made link-local address goes too, until the link comes up again.
    dv.ll_flushed = true;
    Output::ok()
}

/// An IPv6 address as `ip addr` shows it: address, prefix length, scope, tentative.
pub type V6Shown = (Ipv6Addr, u8, &'static str, bool);

/// All addresses a device shows, IPv4 first, then IPv6 (kernel-generated link-local last).
pub fn addresses(sim: &Sim, d: DeviceId) -> (Vec<IfAddr>, Vec<V6Shown>) {
    let dv = sim.world.dev(d);
    let v4: Vec<IfAddr> = dv.addrs.iter().filter(|a| a.is_v4()).cloned().collect();
    let mut v6 = Vec::new();
    let ns = dv.netns;
    let v6_off = sim
        .world
        .ns(ns)
        .sysctl
        .get_dev(d, true, "disable_ipv6")
        .is_some_and(|v| v.trim() != "0");
    if dv.admin_up && !v6_off {
        for a in dv.addrs.iter().rev() {
            if let IfAddr::V6 { addr, prefix } = a {
                v6.push((*addr, *prefix, "global", false));
            }
        }
        if dv.is_loopback() {
            v6.push((Ipv6Addr::LOCALHOST, 128, "host", false));
        } else if sim.world.carrier(d) && !dv.ll_flushed {
            // DAD takes about a second after carrier; until then the address is tentative.
            let tentative = sim.world.now < dv.carrier_since + 2_000_000_000;
            v6.push((dv.link_local(), 64, "link", tentative));
        }
    }
    (v4, v6)
}

fn show(sim: &mut Sim, ns: NetnsId, o: Opts, args: &[&str]) -> Output {
    let mut dev: Option<DeviceId> = None;
    let mut up_only = false;
    let mut scope_filter: Option<&str> = None;
    let mut to_filter: Option<ipnet::Ipv4Net> = None;
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
            "up" => up_only = true,
            "scope" => {
                i += 1;
                scope_filter = match args.get(i) {
                    Some(&"host") => Some("host"),
                    Some(&"link") => Some("link"),
                    Some(&"global") | Some(&"universe") => Some("global"),
                    Some(v) => return unsupported("ip addr show", &format!("scope `{v}`")),
                    None => return incomplete(),
                };
            }
            "to" => {
                i += 1;
                let Some(v) = args.get(i) else {
                    return incomplete();
                };
                match parse_prefix(v) {
                    Some((IpAddr::V4(a), l)) => {
                        to_filter = ipnet::Ipv4Net::new(a, l.unwrap_or(32))
                            .ok()
                            .map(|n| n.trunc());
                    }
                    Some(_) => return unsupported("ip addr show", "`to` with an IPv6 prefix"),
                    None => return bad_prefix(v),
                }
            }
            "label" | "master" | "type" | "primary" | "secondary" | "permanent" | "dynamic" => {
                return unsupported("ip addr show", &format!("selector `{a}`"))
            }
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
    let mut json: Vec<J> = Vec::new();
    let devs: Vec<DeviceId> = match dev {
        Some(d) => vec![d],
        None => sim.world.devices_of(ns).collect(),
    };
    let mut out = String::new();
    for d in devs {
        if up_only && !sim.world.dev(d).admin_up {
            continue;
        }
        let (v4, v6) = addresses(sim, d);
        let mut v4: Vec<IfAddr> = if o.family6 { Vec::new() } else { v4 };
        let mut v6 = if o.family4 { Vec::new() } else { v6 };
        if let Some(sc) = scope_filter {
            v4.retain(|a| {
                (if a.local().is_loopback() {
                    "host"
                } else {
                    "global"
                }) == sc
            });
            v6.retain(|(_, _, s, _)| *s == sc);
        }
        if let Some(net) = to_filter {
            v4.retain(|a| matches!(a.local(), IpAddr::V4(x) if net.contains(&x)));
            v6.clear();
        }
        let filtered = o.family4 || o.family6 || scope_filter.is_some() || to_filter.is_some();
        // iproute2 keeps a link that has no address at all unless a family or prefix is given.
        let had_any = !sim.world.dev(d).addrs.is_empty() || !addresses(sim, d).1.is_empty();
        let keep_bare = !(had_any || o.family4 || o.family6 || to_filter.is_some());
        if filtered && v4.is_empty() && v6.is_empty() && !keep_bare {
            continue;
        }
        if o.json {
            let mut obj = super::link::link_json(sim, ns, d, false);
            if o.family4 || o.family6 {
                obj.retain(|(k, _)| !matches!(k.as_str(), "link_type" | "address" | "broadcast"));
            }
            let mut info = Vec::new();
            for a in &v4 {
                let IfAddr::V4 {
                    addr,
                    prefix,
                    brd,
                    label,
                    secondary,
                } = a
                else {
                    continue;
                };
                let mut x = vec![
                    ("family".to_string(), js("inet")),
                    ("local".into(), js(addr.to_string())),
                    ("prefixlen".into(), J::UInt(u64::from(*prefix))),
                ];
                if let Some(b) = brd {
                    x.push(("broadcast".into(), js(b.to_string())));
                }
                x.push((
                    "scope".into(),
                    js(if addr.is_loopback() { "host" } else { "global" }),
                ));
                if *secondary {
                    x.push(("secondary".into(), J::Bool(true)));
                }
                x.push(("label".into(), js(label.clone())));
                x.push(("valid_life_time".into(), J::UInt(4294967295)));
                x.push(("preferred_life_time".into(), J::UInt(4294967295)));
                info.push(J::Obj(x));
            }
            for (a, p, scope, t) in &v6 {
                let mut x = vec![
                    ("family".to_string(), js("inet6")),
                    ("local".into(), js(a.to_string())),
                    ("prefixlen".into(), J::UInt(u64::from(*p))),
                    ("scope".into(), js(*scope)),
                ];
                if *t {
                    x.push(("tentative".into(), J::Bool(true)));
                }
                x.push(("valid_life_time".into(), J::UInt(4294967295)));
                x.push(("preferred_life_time".into(), J::UInt(4294967295)));
                info.push(J::Obj(x));
            }
            obj.push(("addr_info".into(), J::Arr(info)));
            json.push(J::Obj(obj));
            continue;
        }
        if o.brief {
            let (name, _) = super::link::display_name(sim, ns, d);
            let mut s = format!("{:<16} {:<14} ", name, sim.world.oper_state(d).as_str());
            for a in &v4 {
                s.push_str(&format!("{}/{} ", a.local(), a.prefix_len()));
            }
            for (a, p, _, _) in &v6 {
                s.push_str(&format!("{a}/{p} "));
            }
            s.push('\n');
            out.push_str(&s);
            continue;
        }
        if o.oneline {
            let name = sim.world.dev(d).name.clone();
            let idx = sim.world.dev(d).ifindex;
            for a in &v4 {
                out.push_str(&format!(
                    "{idx}: {name}    {}\\       valid_lft forever preferred_lft forever\n",
                    v4_line(a)
                ));
            }
            for (a, p, scope, t) in &v6 {
                out.push_str(&format!(
                    "{idx}: {name}    inet6 {a}/{p} scope {scope} {}\\       valid_lft forever preferred_lft forever\n",
                    if *t { "tentative " } else { "" }
                ));
            }
            continue;
        }
        if o.family6 && dev.is_none() {
            // The AF_INET6 link dump carries no qdisc, group or link address.
            let (name, _) = super::link::display_name(sim, ns, d);
            let dv = sim.world.dev(d);
            let master = dv
                .master
                .map(|m| format!("master {} ", sim.world.dev(m).name))
                .unwrap_or_default();
            out.push_str(&format!(
                "{}: {name}: <{}> mtu {} {master}state {} qlen 1000\n",
                dv.ifindex,
                super::link::flags(sim, ns, d),
                dv.mtu,
                sim.world.oper_state(d).as_str()
            ));
        } else {
            let h = header(sim, ns, d, false, o);
            if o.family4 || o.family6 || to_filter.is_some() {
                // Only the first line: no link/ether line under a family filter; a veth's
                // ` link-netns NAME` then ends the first line.
                let first = h.split_inclusive('\n').next().unwrap_or("");
                let (_, suffix) = super::link::display_name(sim, ns, d);
                match suffix {
                    Some(sfx) if first.ends_with('\n') => {
                        out.push_str(first.trim_end_matches('\n'));
                        out.push_str(&sfx);
                        out.push('\n');
                    }
                    _ => out.push_str(first),
                }
            } else {
                out.push_str(&h);
            }
        }
        for a in &v4 {
            out.push_str(&format!(
                "    {}\n       valid_lft forever preferred_lft forever\n",
                v4_line(a)
            ));
        }
        for (a, p, scope, t) in &v6 {
            out.push_str(&format!(
                "    inet6 {a}/{p} scope {scope} {}\n       valid_lft forever preferred_lft forever\n",
                if *t { "tentative " } else { "" }
            ));
        }
    }
    if o.json {
        let v = J::Arr(json);
        out = if o.pretty { v.pretty() } else { v.compact() };
        out.push('\n');
    }
    Output::text(out)
}

fn v4_line(a: &IfAddr) -> String {
    let IfAddr::V4 {
        addr,
        prefix,
        brd,
        label,
        secondary,
    } = a
    else {
        return String::new();
    };
    let mut s = format!("inet {addr}/{prefix} ");
    if let Some(b) = brd {
        s.push_str(&format!("brd {b} "));
    }
    let scope = if addr.is_loopback() { "host" } else { "global" };
    s.push_str(&format!("scope {scope} "));
    if *secondary {
        s.push_str("secondary ");
    }
    s.push_str(label);
    s
}

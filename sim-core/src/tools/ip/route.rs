//! `ip route`: show, add, del, replace, get.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::{incomplete, matches, Opts};
use crate::model::route::{Proto, Route, RouteType, Scope, Table};
use crate::model::NetnsId;
use crate::shell::{Output, Sim};
use crate::tools::json::{s as js, J};
use crate::tools::{unsupported, Ctx};

pub fn run(sim: &mut Sim, ctx: Ctx, o: Opts, args: &[&str]) -> Output {
    let Some(cmd) = args.first() else {
        return show(sim, ctx.ns, o, &[]);
    };
    let rest = &args[1..];
    if matches(cmd, "add") {
        modify(sim, ctx.ns, rest, Mode::Add)
    } else if matches(cmd, "delete") {
        modify(sim, ctx.ns, rest, Mode::Del)
    } else if matches(cmd, "replace") {
        modify(sim, ctx.ns, rest, Mode::Replace)
    } else if matches(cmd, "show") || matches(cmd, "list") {
        show(sim, ctx.ns, o, rest)
    } else if matches(cmd, "get") {
        get(sim, ctx.ns, rest)
    } else if matches(cmd, "flush") {
        unsupported("ip route", "`flush`")
    } else {
        Output::error(
            format!("Command \"{cmd}\" is unknown, try \"ip route help\".\n"),
            255,
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Add,
    Del,
    Replace,
}

fn parse_dst(s: &str) -> Option<Ipv4Net> {
    if s == "default" || s == "all" || s == "any" {
        return Some(Ipv4Net::default());
    }
    let (a, l) = match s.split_once('/') {
        Some((a, l)) => (a, l.parse::<u8>().ok()?),
        None => (s, 32),
    };
    let ip: Ipv4Addr = a.parse().ok()?;
    Ipv4Net::new(ip, l).ok()
}

fn modify(sim: &mut Sim, ns: NetnsId, args: &[&str], mode: Mode) -> Output {
    let mut dst: Option<Ipv4Net> = None;
    let mut via: Option<Ipv4Addr> = None;
    let mut dev = None;
    let mut metric = 0u32;
    let mut src = None;
    let mut kind = RouteType::Unicast;
    let mut table = Table::Main;
    let mut scope: Option<Scope> = None;
    let mut i = 0;
    while i < args.len() {
        let a = args[i];
        let mut val = || {
            i += 1;
            args.get(i).copied()
        };
        match a {
            "via" => {
                let Some(v) = val() else { return incomplete() };
                let v = v.strip_prefix("inet ").unwrap_or(v);
                match v.parse() {
                    Ok(x) => via = Some(x),
                    Err(_) => {
                        return Output::error(
                            format!("Error: inet address is expected rather than \"{v}\".\n"),
                            1,
                        )
                    }
                }
            }
            "dev" | "oif" => {
                let Some(v) = val() else { return incomplete() };
                match sim.world.dev_by_name(ns, v) {
                    Some(d) => dev = Some(d),
                    None => return super::no_device(v),
                }
            }
            "metric" | "priority" | "preference" => {
                let Some(v) = val() else { return incomplete() };
                match v.parse() {
                    Ok(m) => metric = m,
                    Err(_) => {
                        return Output::error(
                            format!(
                                "Error: argument \"{v}\" is wrong: \"metric\" value is invalid\n\n"
                            ),
                            255,
                        )
                    }
                }
            }
            "src" => {
                let Some(v) = val() else { return incomplete() };
                match v.parse::<Ipv4Addr>() {
                    Ok(x) => src = Some(x),
                    Err(_) => {
                        return Output::error(
                            format!("Error: inet address is expected rather than \"{v}\".\n"),
                            1,
                        )
                    }
                }
            }
            "table" => {
                let Some(v) = val() else { return incomplete() };
                table = match v {
                    "main" | "254" => Table::Main,
                    "local" | "255" => Table::Local,
                    _ => return unsupported("ip route", &format!("table `{v}`")),
                };
            }
            "scope" => {
                let Some(v) = val() else { return incomplete() };
                scope = Some(match v {
                    "global" | "universe" => Scope::Universe,
                    "link" => Scope::Link,
                    "host" => Scope::Host,
                    _ => {
                        return Output::error(
                            format!(
                                "Error: argument \"{v}\" is wrong: invalid \"scope\" value\n\n"
                            ),
                            255,
                        )
                    }
                });
            }
            "proto" | "protocol" => {
                let _ = val();
            }
            "unreachable" | "blackhole" | "prohibit" | "unicast" if dst.is_none() => {
                kind = match a {
                    "unreachable" => RouteType::Unreachable,
                    "blackhole" => RouteType::Blackhole,
                    "prohibit" => RouteType::Prohibit,
                    _ => RouteType::Unicast,
                };
            }
            "to" => {
                let Some(v) = val() else { return incomplete() };
                match parse_dst(v) {
                    Some(n) => dst = Some(n),
                    None => {
                        return Output::error(
                            format!("Error: any valid prefix is expected rather than \"{v}\".\n"),
                            1,
                        )
                    }
                }
            }
            "onlink" | "mtu" | "advmss" | "nexthop" | "tos" | "dsfield" | "realm" | "initcwnd"
            | "encap" | "nhid" | "weight" | "expires" | "pref" | "rtt" | "window" | "congctl"
            | "quickack" | "fastopen" => return unsupported("ip route", &format!("option `{a}`")),
            _ => {
                if dst.is_some() {
                    return Output::error(
                        format!("Error: either \"to\" is duplicate, or \"{a}\" is a garbage.\n"),
                        255,
                    );
                }
                match parse_dst(a) {
                    Some(n) => dst = Some(n),
                    None => {
                        return Output::error(
                            format!("Error: any valid prefix is expected rather than \"{a}\".\n"),
                            1,
                        )
                    }
                }
            }
        }
        i += 1;
    }
    let Some(dst) = dst else {
        return incomplete();
    };
    if dst.addr() != dst.network() {
        return Output::error("Error: Invalid prefix for given prefix length.\n", 2);
    }
    if mode == Mode::Del {
        let pos = sim.world.ns(ns).routes.iter().position(|r| {
            r.dst == dst
                && r.table == table
                && via.is_none_or(|v| r.gateway == Some(v))
                && dev.is_none_or(|d| r.dev == Some(d))
                && (metric == 0 || r.metric == metric)
        });
        return match pos {
            Some(p) => {
                sim.world.ns_mut(ns).routes.remove(p);
                Output::ok()
            }
            None => Output::error("RTNETLINK answers: No such process\n", 2),
        };
    }
    if kind == RouteType::Unicast && via.is_none() && dev.is_none() {
        return Output::error("Error: Device for nexthop is not up.\n", 2);
    }
    let mut out_dev = dev;
    if let Some(gw) = via {
        match sim.world.gateway_onlink(ns, gw, dev) {
            Some(d) => out_dev = Some(d),
            None => return Output::error("Error: Nexthop has invalid gateway.\n", 2),
        }
    }
    if let Some(d) = out_dev {
        if !sim.world.dev(d).admin_up {
            return Output::error("Error: Device for nexthop is not up.\n", 2);
        }
    }
    let route = Route {
        table,
        kind,
        dst,
        gateway: via,
        dev: out_dev,
        proto: Proto::Boot,
        scope: scope.unwrap_or(if via.is_none() && kind == RouteType::Unicast {
            Scope::Link
        } else {
            Scope::Universe
        }),
        prefsrc: src.map(Into::into),
        metric,
        linkdown: false,
    };
    // A connected (kernel) route is a route like any other to the FIB: adding one with the
    // same prefix, table and metric is EEXIST too.
    let derived = mode == Mode::Add
        && sim
            .world
            .routes(ns, table)
            .iter()
            .any(|r| r.dst == dst && r.metric == metric && r.proto == Proto::Kernel);
    let routes = &mut sim.world.ns_mut(ns).routes;
    let existing = routes
        .iter()
        .position(|r| r.dst == dst && r.table == table && r.metric == metric);
    match (mode, existing) {
        (Mode::Add, Some(_)) => Output::error("RTNETLINK answers: File exists\n", 2),
        (Mode::Add, None) if derived => Output::error("RTNETLINK answers: File exists\n", 2),
        (Mode::Replace, Some(p)) => {
            routes[p] = route;
            Output::ok()
        }
        _ => {
            routes.push(route);
            Output::ok()
        }
    }
}

fn show(sim: &mut Sim, ns: NetnsId, o: Opts, args: &[&str]) -> Output {
    let mut table = Table::Main;
    let mut dev_filter = None;
    let mut exact: Option<Ipv4Net> = None;
    let mut i = 0;
    while i < args.len() {
        match args[i] {
            "table" => {
                i += 1;
                table = match args.get(i) {
                    Some(&"main") => Table::Main,
                    Some(&"local") => Table::Local,
                    Some(&"all") => return unsupported("ip route show", "`table all`"),
                    Some(t) => return unsupported("ip route show", &format!("table `{t}`")),
                    None => return incomplete(),
                };
            }
            "dev" => {
                i += 1;
                let Some(n) = args.get(i) else {
                    return incomplete();
                };
                match sim.world.dev_by_name(ns, n) {
                    Some(d) => dev_filter = Some(d),
                    None => return super::no_device(n),
                }
            }
            "root" | "match" | "exact" | "proto" | "scope" | "type" | "via" | "src" | "cached"
            | "cloned" => return unsupported("ip route show", &format!("selector `{}`", args[i])),
            a => {
                // `ip route show PREFIX` selects the routes with exactly that prefix.
                let a = if a == "to" {
                    i += 1;
                    match args.get(i) {
                        Some(v) => *v,
                        None => return incomplete(),
                    }
                } else {
                    a
                };
                match parse_dst(a) {
                    Some(n) => exact = Some(n),
                    None => {
                        return Output::error(
                            format!("Error: any valid prefix is expected rather than \"{a}\".\n"),
                            1,
                        )
                    }
                }
            }
        }
        i += 1;
    }
    if o.family6 {
        return unsupported("ip -6 route", "IPv6 routes");
    }
    if table == Table::Local && !sim.world.ns(ns).local_fib {
        return Output::error(
            "Error: ipv4: FIB table does not exist.\nDump terminated\n",
            2,
        );
    }
    let mut out = String::new();
    let mut json = Vec::new();
    for r in sim.world.routes(ns, table) {
        if dev_filter.is_some() && r.dev != dev_filter {
            continue;
        }
        if exact.is_some_and(|n| n != r.dst) {
            continue;
        }
        if o.json {
            json.push(route_json(
                sim,
                &r,
                table == Table::Local,
                dev_filter.is_some(),
            ));
            continue;
        }
        out.push_str(&format_route(
            sim,
            &r,
            table == Table::Local,
            dev_filter.is_some(),
        ));
        out.push('\n');
    }
    if o.json {
        let v = J::Arr(json);
        out = if o.pretty { v.pretty() } else { v.compact() };
        out.push('\n');
    }
    Output::text(out)
}

/// One route as `ip -j route` prints it.
fn route_json(sim: &Sim, r: &Route, show_type: bool, hide_dev: bool) -> J {
    let mut o: Vec<(String, J)> = Vec::new();
    let typ = match r.kind {
        RouteType::Local if show_type => Some("local"),
        RouteType::Broadcast => Some("broadcast"),
        RouteType::Unreachable => Some("unreachable"),
        RouteType::Blackhole => Some("blackhole"),
        RouteType::Prohibit => Some("prohibit"),
        _ => None,
    };
    if let Some(t) = typ {
        o.push(("type".into(), js(t)));
    }
    let dst = if r.dst.prefix_len() == 0 {
        "default".to_string()
    } else if r.dst.prefix_len() == 32 {
        r.dst.addr().to_string()
    } else {
        r.dst.to_string()
    };
    o.push(("dst".into(), js(dst)));
    if let Some(gw) = r.gateway {
        o.push(("gateway".into(), js(gw.to_string())));
    }
    if let (Some(d), false) = (r.dev, hide_dev) {
        o.push(("dev".into(), js(sim.world.dev(d).name.clone())));
    }
    if r.proto == Proto::Kernel {
        o.push(("protocol".into(), js("kernel")));
    }
    match r.scope {
        Scope::Link => o.push(("scope".into(), js("link"))),
        Scope::Host => o.push(("scope".into(), js("host"))),
        Scope::Universe => {}
    }
    if let Some(src) = r.prefsrc {
        o.push(("prefsrc".into(), js(src.to_string())));
    }
    if r.metric != 0 {
        o.push(("metric".into(), J::UInt(u64::from(r.metric))));
    }
    let flags = if r.linkdown {
        vec![js("linkdown")]
    } else {
        vec![]
    };
    o.push(("flags".into(), J::Arr(flags)));
    J::Obj(o)
}

/// One route as `ip route` prints it.
pub fn format_route(sim: &Sim, r: &Route, show_type: bool, hide_dev: bool) -> String {
    let mut s = String::new();
    match r.kind {
        RouteType::Local if show_type => s.push_str("local "),
        RouteType::Broadcast => s.push_str("broadcast "),
        RouteType::Unreachable => s.push_str("unreachable "),
        RouteType::Blackhole => s.push_str("blackhole "),
        RouteType::Prohibit => s.push_str("prohibit "),
        _ => {}
    }
    if r.dst.prefix_len() == 0 {
        s.push_str("default");
    } else if r.dst.prefix_len() == 32 {
        s.push_str(&r.dst.addr().to_string());
    } else {
        s.push_str(&r.dst.to_string());
    }
    if let Some(gw) = r.gateway {
        s.push_str(&format!(" via {gw}"));
    }
    if let Some(d) = r.dev {
        if !hide_dev {
            s.push_str(&format!(" dev {}", sim.world.dev(d).name));
        }
    }
    match r.proto {
        Proto::Kernel => s.push_str(" proto kernel"),
        Proto::Boot | Proto::Static => {}
    }
    match r.scope {
        Scope::Link => s.push_str(" scope link"),
        Scope::Host => s.push_str(" scope host"),
        Scope::Universe => {}
    }
    if let Some(src) = r.prefsrc {
        s.push_str(&format!(" src {src}"));
    }
    if r.metric != 0 {
        s.push_str(&format!(" metric {}", r.metric));
    }
    if r.linkdown {
        s.push_str(" linkdown");
    }
    s.push(' ');
    s
}

fn get(sim: &mut Sim, ns: NetnsId, args: &[&str]) -> Output {
    let Some(a) = args.first() else {
        return incomplete();
    };
    if args.len() > 1 {
        return unsupported("ip route get", "options after the address");
    }
    let Ok(dst) = a.parse::<Ipv4Addr>() else {
        return Output::error(
            format!("Error: inet prefix is expected rather than \"{a}\".\n"),
            1,
        );
    };
    match crate::engine::route_output(&sim.world, ns, dst) {
        Ok(res) => {
            let mut s = String::new();
            if res.local {
                s.push_str(&format!(
                    "local {dst} dev lo src {} uid 0 \n    cache <local> \n",
                    res.src
                ));
            } else {
                s.push_str(&format!("{dst} "));
                if let Some(gw) = res.gateway {
                    s.push_str(&format!("via {gw} "));
                }
                s.push_str(&format!(
                    "dev {} src {} uid 0 \n    cache \n",
                    sim.world.dev(res.dev).name,
                    res.src
                ));
            }
            Output::text(s)
        }
        Err(e) => Output::error(format!("RTNETLINK answers: {}\n", e.strerror()), 2),
    }
}

//! `ip neigh`: show, add, replace, del, flush.

use std::net::Ipv4Addr;

use super::{incomplete, matches, Opts};
use crate::model::route::{Neigh, NudState};
use crate::model::{fmt_mac, parse_mac, NetnsId};
use crate::shell::{Output, Sim};
use crate::tools::{unsupported, Ctx};

pub fn run(sim: &mut Sim, ctx: Ctx, o: Opts, args: &[&str]) -> Output {
    let Some(cmd) = args.first() else {
        return show(sim, ctx.ns, o, &[]);
    };
    let rest = &args[1..];
    if matches(cmd, "change") && !matches(cmd, "add") {
        // `change` needs the entry to exist (no NLM_F_CREATE).
        if let Ok(a) = parse(sim, ctx.ns, rest) {
            let exists = sim
                .world
                .ns(ctx.ns)
                .neigh
                .iter()
                .any(|n| Some(n.ip) == a.ip && Some(n.dev) == a.dev);
            if a.ip.is_some() && a.dev.is_some() && !exists {
                return Output::error("RTNETLINK answers: No such file or directory\n", 2);
            }
        }
        add(sim, ctx.ns, rest, true)
    } else if matches(cmd, "add") || matches(cmd, "replace") {
        add(sim, ctx.ns, rest, *cmd != "add")
    } else if matches(cmd, "delete") {
        del(sim, ctx.ns, rest)
    } else if matches(cmd, "show") || matches(cmd, "list") {
        show(sim, ctx.ns, o, rest)
    } else if matches(cmd, "flush") {
        flush(sim, ctx.ns, rest)
    } else {
        Output::error(
            format!("Command \"{cmd}\" is unknown, try \"ip neigh help\".\n"),
            255,
        )
    }
}

struct Args {
    ip: Option<Ipv4Addr>,
    dev: Option<crate::model::DeviceId>,
    mac: Option<[u8; 6]>,
    state: Option<NudState>,
    /// `nud all` (show and flush only).
    all: bool,
}

fn parse(sim: &Sim, ns: NetnsId, args: &[&str]) -> Result<Args, Output> {
    let mut r = Args {
        ip: None,
        dev: None,
        mac: None,
        state: None,
        all: false,
    };
    let mut i = 0;
    while i < args.len() {
        let a = args[i];
        match a {
            "dev" => {
                i += 1;
                let n = args.get(i).ok_or_else(incomplete)?;
                r.dev = Some(
                    sim.world
                        .dev_by_name(ns, n)
                        .ok_or_else(|| super::no_device(n))?,
                );
            }
            "lladdr" => {
                i += 1;
                let m = args.get(i).ok_or_else(incomplete)?;
                r.mac =
                    Some(parse_mac(m).ok_or_else(|| {
                        Output::error(format!("\"{m}\" is invalid lladdr.\n"), 1)
                    })?);
            }
            "nud" => {
                i += 1;
                let s = args.get(i).ok_or_else(incomplete)?;
                if *s == "all" {
                    r.all = true;
                    i += 1;
                    continue;
                }
                r.state = Some(match *s {
                    "permanent" => NudState::Permanent,
                    "reachable" => NudState::Reachable,
                    "stale" => NudState::Stale,
                    "noarp" => NudState::Noarp,
                    "delay" => NudState::Delay,
                    "probe" => NudState::Probe,
                    "failed" => NudState::Failed,
                    _ => {
                        return Err(Output::error(
                            format!("Error: argument \"{s}\" is wrong: nud state is bad\n\n"),
                            255,
                        ))
                    }
                });
            }
            "to" => {
                i += 1;
                let v = args.get(i).ok_or_else(incomplete)?;
                r.ip = Some(v.parse().map_err(|_| {
                    Output::error(
                        format!("Error: inet address is expected rather than \"{v}\".\n"),
                        1,
                    )
                })?);
            }
            "proxy" | "router" | "extern_learn" | "protocol" => {
                return Err(unsupported("ip neigh", &format!("option `{a}`")))
            }
            _ => {
                r.ip = Some(a.parse().map_err(|_| {
                    Output::error(
                        format!("Error: inet address is expected rather than \"{a}\".\n"),
                        1,
                    )
                })?);
            }
        }
        i += 1;
    }
    Ok(r)
}

fn add(sim: &mut Sim, ns: NetnsId, args: &[&str], replace: bool) -> Output {
    let a = match parse(sim, ns, args) {
        Ok(a) => a,
        Err(o) => return o,
    };
    let (Some(ip), Some(dev)) = (a.ip, a.dev) else {
        return Output::error("Device and destination are required arguments.\n", 255);
    };
    if a.mac.is_none()
        && matches!(
            a.state,
            None | Some(NudState::Permanent | NudState::Reachable | NudState::Stale)
        )
    {
        return Output::error("Error: No link layer address given.\n", 2);
    }
    let now = sim.world.now;
    let list = &mut sim.world.ns_mut(ns).neigh;
    if let Some(e) = list.iter_mut().find(|n| n.ip == ip && n.dev == dev) {
        if !replace {
            return Output::error("RTNETLINK answers: File exists\n", 2);
        }
        e.mac = a.mac;
        e.state = a.state.unwrap_or(NudState::Permanent);
        e.updated = now;
        return Output::ok();
    }
    list.push(Neigh {
        ip,
        dev,
        mac: a.mac,
        state: a.state.unwrap_or(NudState::Permanent),
        updated: now,
        created: now,
        probes: 0,
    });
    Output::ok()
}

fn del(sim: &mut Sim, ns: NetnsId, args: &[&str]) -> Output {
    let a = match parse(sim, ns, args) {
        Ok(a) => a,
        Err(o) => return o,
    };
    let (Some(ip), Some(dev)) = (a.ip, a.dev) else {
        return Output::error("Device and destination are required arguments.\n", 255);
    };
    let list = &mut sim.world.ns_mut(ns).neigh;
    match list.iter().position(|n| n.ip == ip && n.dev == dev) {
        Some(p) => {
            list.remove(p);
            Output::ok()
        }
        None => Output::error("RTNETLINK answers: No such file or directory\n", 2),
    }
}

fn flush(sim: &mut Sim, ns: NetnsId, args: &[&str]) -> Output {
    let a = match parse(sim, ns, args) {
        Ok(a) => a,
        Err(o) => return o,
    };
    if a.dev.is_none() && a.ip.is_none() {
        return Output::error("Flush requires arguments.\n", 255);
    }
    sim.world.ns_mut(ns).neigh.retain(|n| {
        n.state == NudState::Permanent
            || !(a.dev.is_none_or(|d| d == n.dev) && a.ip.is_none_or(|i| i == n.ip))
    });
    Output::ok()
}

fn show(sim: &mut Sim, ns: NetnsId, o: Opts, args: &[&str]) -> Output {
    let a = match parse(sim, ns, args) {
        Ok(a) => a,
        Err(o) => return o,
    };
    if o.family6 {
        return Output::ok();
    }
    crate::engine::neigh_refresh(&mut sim.world, ns);
    let mut out = String::new();
    let mut list = sim.world.ns(ns).neigh.clone();
    list.reverse(); // the kernel's hash dump lists the newest entry first in small tables
    for n in list {
        if a.dev.is_some_and(|d| d != n.dev) || a.ip.is_some_and(|i| i != n.ip) {
            continue;
        }
        // iproute2's default state filter leaves NOARP entries out; `nud STATE` shows only
        // that state, `nud all` everything.
        let shown = match a.state {
            Some(st) => st == n.state,
            None => a.all || n.state != NudState::Noarp,
        };
        if !shown {
            continue;
        }
        let mut s = format!("{} ", n.ip);
        if a.dev.is_none() {
            s.push_str(&format!("dev {} ", sim.world.dev(n.dev).name));
        }
        if let Some(m) = n.mac {
            s.push_str(&format!("lladdr {} ", fmt_mac(&m)));
        }
        s.push_str(n.state.as_str());
        s.push_str(" \n");
        out.push_str(&s);
    }
    Output::text(out)
}

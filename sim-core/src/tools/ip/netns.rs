//! `ip netns`: add, delete, list, list-id, set, identify, pids, exec.

use super::{matches, Opts};
use crate::shell::{Output, Sim};
use crate::tools::{unsupported, Ctx};

pub fn run(sim: &mut Sim, ctx: Ctx, o: Opts, args: &[&str]) -> Output {
    let Some(cmd) = args.first() else {
        return list(sim, ctx);
    };
    let rest = &args[1..];
    match *cmd {
        c if matches(c, "list") || c == "show" || c == "lst" => list(sim, ctx),
        "list-id" => list_id(sim, ctx, rest),
        "add" => {
            let Some(name) = rest.first() else {
                return Output::error("No netns name specified\n", 1);
            };
            if rest.len() > 1 {
                return usage();
            }
            if !valid_name(name) {
                return Output::error(format!("Invalid netns name \"{name}\"\n"), 255);
            }
            match sim.world.add_netns(name) {
                Ok(_) => Output::ok(),
                Err(crate::model::Errno::Limit) => super::link::limit_err(sim, "namespaces"),
                Err(_) => Output::error(
                    format!("Cannot create namespace file \"/run/netns/{name}\": File exists\n"),
                    1,
                ),
            }
        }
        c if matches(c, "delete") && o.all && rest.is_empty() => {
            let names: Vec<String> = sim
                .world
                .named_netns()
                .map(|(n, _)| n.to_string())
                .collect();
            for n in names {
                let _ = sim.world.del_netns(&n);
            }
            Output::ok()
        }
        c if matches(c, "delete") => {
            let Some(name) = rest.first() else {
                return Output::error("No netns name specified\n", 1);
            };
            if !valid_name(name) {
                return Output::error(format!("Invalid netns name \"{name}\"\n"), 1);
            }
            match sim.world.del_netns(name) {
                Ok(()) => Output::ok(),
                Err(_) => Output::error(
                    format!("Cannot remove namespace file \"/run/netns/{name}\": No such file or directory\n"),
                    1,
                ),
            }
        }
        "set" => {
            let (Some(name), Some(id)) = (rest.first(), rest.get(1)) else {
                return usage();
            };
            let Some(peer) = sim.world.netns_by_name(name) else {
                return Output::error(
                    format!(
                        "Cannot open network namespace \"{name}\": No such file or directory\n"
                    ),
                    1,
                );
            };
            let id: i32 = match *id {
                "auto" => -1,
                s => match s.parse::<i32>() {
                    Ok(v) if v >= 0 => v,
                    Ok(_) => {
                        return Output::error(
                            format!(
                            "Error: argument \"{s}\" is wrong: \"netnsid\" value should be >= 0\n"
                        ),
                            255,
                        )
                    }
                    _ => {
                        return Output::error(
                            format!(
                                "Error: argument \"{s}\" is wrong: Invalid \"netnsid\" value\n"
                            ),
                            255,
                        )
                    }
                },
            };
            let r = if id < 0 {
                sim.world.nsid_alloc(ctx.ns, peer);
                Ok(())
            } else {
                sim.world.nsid_set(ctx.ns, peer, id)
            };
            match r {
                Ok(()) => Output::ok(),
                Err(_) => Output::error("Error: The specified nsid is already used.\n", 2),
            }
        }
        "identify" => {
            if !rest.is_empty() {
                return unsupported("ip netns identify", "a PID argument");
            }
            let name = sim
                .world
                .named_netns()
                .find(|(_, id)| *id == ctx.ns)
                .map(|(n, _)| n.to_string());
            Output::text(format!("{}\n", name.unwrap_or_default()))
        }
        "pids" => {
            let Some(name) = rest.first() else {
                return usage();
            };
            if sim.world.netns_by_name(name).is_none() {
                return Output::error(
                    "Cannot open network namespace: No such file or directory\n",
                    1,
                );
            }
            // The simulation runs no processes inside namespaces.
            Output::ok()
        }
        "exec" if o.all => exec_all(sim, ctx, rest),
        "exec" => exec(sim, ctx, rest),
        "monitor" | "attach" => unsupported("ip netns", &format!("`{cmd}`")),
        "help" => usage(),
        other => Output::error(
            format!("Command \"{other}\" is unknown, try \"ip netns help\".\n"),
            255,
        ),
    }
}

fn valid_name(n: &str) -> bool {
    !n.is_empty() && n.len() <= 255 && !n.contains('/') && n != "." && n != ".."
}

fn exec(sim: &mut Sim, ctx: Ctx, rest: &[&str]) -> Output {
    // `ip netns exec A ip netns exec B ...` replaces one process with the next: the levels
    // are peeled here one after another (linear in the line's length, no recursion).
    let mut rest = rest;
    let mut ns;
    loop {
        let Some(name) = rest.first() else {
            return Output::error("No netns name specified\n", 1);
        };
        let Some(found) = sim.world.netns_by_name(name) else {
            return Output::error(
                format!("Cannot open network namespace \"{name}\": No such file or directory\n"),
                255,
            );
        };
        ns = found;
        if rest.len() < 2 {
            return Output::error("No command specified\n", 1);
        }
        match rest.get(1..5) {
            Some(["ip", "netns", "exec", _]) => rest = &rest[4..],
            _ => break,
        }
    }
    let argv = &rest[1..];
    let out = sim.exec(ns, argv, ctx.background);
    if out.status == 127 && out.combined().starts_with("bash: line 1:") {
        return Output::error(
            format!(
                "exec of \"{}\" failed: No such file or directory\n",
                argv[0]
            ),
            1,
        );
    }
    out
}

/// `ip -all netns exec CMD`: the command in every named namespace, each under a heading.
fn exec_all(sim: &mut Sim, ctx: Ctx, rest: &[&str]) -> Output {
    if rest.is_empty() {
        return Output::error("No command specified\n", 1);
    }
    let argv = rest;
    let all: Vec<(String, crate::model::NetnsId)> = sim
        .world
        .named_netns()
        .map(|(n, id)| (n.to_string(), id))
        .collect();
    let mut out = Output::ok();
    for (name, ns) in all {
        out.out(format!("\nnetns: {name}\n"));
        let o = sim.exec(ns, argv, ctx.background);
        if o.status != 0 {
            out.status = o.status;
        }
        out.extend(o);
    }
    out
}

fn list(sim: &mut Sim, ctx: Ctx) -> Output {
    let names: Vec<(String, crate::model::NetnsId)> = sim
        .world
        .named_netns()
        .map(|(n, id)| (n.to_string(), id))
        .collect();
    let mut out = String::new();
    for (n, id) in names {
        match sim.world.nsid_get(ctx.ns, id) {
            Some(nsid) => out.push_str(&format!("{n} (id: {nsid})\n")),
            None => out.push_str(&format!("{n}\n")),
        }
    }
    Output::text(out)
}

fn list_id(sim: &mut Sim, ctx: Ctx, args: &[&str]) -> Output {
    let mut only: Option<i32> = None;
    let mut i = 0;
    while i < args.len() {
        let (key, v) = (args[i], args.get(i + 1));
        let Some(v) = v else { return usage() };
        let Ok(n) = v.parse::<u32>() else {
            return Output::error(format!("Invalid \"{key}\" value {v}\n"), 1);
        };
        match key {
            "target-nsid" => {
                let known = sim
                    .world
                    .ns(ctx.ns)
                    .nsids
                    .values()
                    .any(|id| *id as i64 == i64::from(n));
                if !known {
                    return Output::error(
                        "Error: Invalid target network namespace id.\nDump terminated\n",
                        1,
                    );
                }
                return unsupported(
                    "ip netns list-id",
                    "`target-nsid` (ids seen from another namespace)",
                );
            }
            "nsid" => only = Some(n as i32),
            _ => return usage(),
        }
        i += 2;
    }
    let mut ids: Vec<(i32, crate::model::NetnsId)> = sim
        .world
        .ns(ctx.ns)
        .nsids
        .iter()
        .map(|(k, v)| (*v, *k))
        .collect();
    ids.sort();
    let mut out = String::new();
    for (id, peer) in ids {
        if only.is_some_and(|o| o != id) {
            continue;
        }
        match sim.world.named_netns().find(|(_, n)| *n == peer) {
            Some((name, _)) => out.push_str(&format!("nsid {id} (iproute2 netns name: {name})\n")),
            None => out.push_str(&format!("nsid {id} \n")),
        }
    }
    Output::text(out)
}

fn usage() -> Output {
    Output::error(
        "Usage:\tip netns list\n\tip netns add NAME\n\tip netns attach NAME PID\n\tip netns set NAME NETNSID\n\tip [-all] netns delete [NAME]\n\tip netns identify [PID]\n\tip netns pids NAME\n\tip [-all] netns exec [NAME] cmd ...\n\tip netns monitor\n\tip netns list-id [target-nsid POSITIVE-INT] [nsid POSITIVE-INT]\nNETNSID := auto | POSITIVE-INT\n",
        255,
    )
}

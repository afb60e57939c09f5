//! `sysctl [-w] [-n] [-N] [-q] KEY[=VALUE]...` for the keys the model has, including the
//! per-interface `net.ipv4.conf.DEV.*` entries and prefix listings such as `sysctl net.bridge`.

use crate::model::netns::Key;
use crate::model::{NetnsId, Sysctls};
use crate::shell::{Output, Sim};
use crate::tools::{unsupported, Ctx};

#[derive(Debug, Clone, Copy, Default)]
struct Flags {
    write: bool,
    names_only: bool,
    values_only: bool,
    quiet: bool,
    /// `-e`: ignore unknown keys.
    ignore: bool,
}

pub fn run(sim: &mut Sim, ctx: Ctx, args: &[&str]) -> Output {
    let mut f = Flags::default();
    let mut items = Vec::new();
    for a in args {
        match *a {
            "-w" | "--write" => f.write = true,
            "-n" | "--values" => f.values_only = true,
            "-N" | "--names" => f.names_only = true,
            "-q" | "--quiet" => f.quiet = true,
            "-e" | "--ignore" => f.ignore = true,
            "-a" | "-A" | "-X" | "--all" => return unsupported("sysctl", "listing all keys"),
            s if s.starts_with('-') => return unsupported("sysctl", &format!("option `{s}`")),
            s => items.push(s),
        }
    }
    if items.is_empty() {
        return unsupported("sysctl", "running without a key");
    }
    let mut out = Output::ok();
    for it in items {
        let (key, val) = match it.split_once('=') {
            Some((k, v)) => (k.replace('/', "."), Some(v)),
            None => (it.replace('/', "."), None),
        };
        match val {
            Some(v) => write(sim, ctx.ns, &key, v, f, &mut out),
            None if f.write => {
                out.err("sysctl: command line(0): invalid syntax, continuing...\n");
                out.status = 1;
            }
            None => read(sim, ctx.ns, &key, f, &mut out),
        }
    }
    out
}

fn not_found(key: &str, f: Flags, out: &mut Output) {
    if f.ignore {
        return;
    }
    out.err(format!(
        "sysctl: cannot stat /proc/sys/{}: No such file or directory\n",
        key.replace('.', "/")
    ));
    out.status = 1;
}

fn line(key: &str, v: &str, f: Flags) -> String {
    if f.names_only {
        format!("{key}\n")
    } else if f.values_only {
        format!("{v}\n")
    } else {
        format!("{key} = {v}\n")
    }
}

fn write(sim: &mut Sim, ns: NetnsId, key: &str, v: &str, f: Flags, out: &mut Output) {
    let parsed = sim.world.ns(ns).sysctl.parse_key(key);
    let dev = match &parsed {
        Some(Key::Dev { dev, .. }) => match sim.world.dev_by_name(ns, dev) {
            Some(d) => Some(d),
            None => return not_found(key, f, out),
        },
        Some(_) => None,
        None => return not_found(key, f, out),
    };
    if !Sysctls::valid(key, v) {
        out.err(format!("sysctl: setting key \"{key}\": Invalid argument\n"));
        out.status = 1;
        return;
    }
    match (parsed, dev) {
        (Some(Key::Dev { v6, key: k, .. }), Some(d)) => {
            sim.world.ns_mut(ns).sysctl.set_dev(d, v6, k, v)
        }
        _ => {
            sim.world.ns_mut(ns).sysctl.set(key, v);
        }
    }
    if !f.quiet {
        out.out(line(key, v.trim(), f));
    }
}

fn read(sim: &mut Sim, ns: NetnsId, key: &str, f: Flags, out: &mut Output) {
    let sc = &sim.world.ns(ns).sysctl;
    match sc.parse_key(key) {
        Some(Key::Global(k)) | Some(Key::Conf(k)) => {
            let v = sc.get(k).unwrap_or_default().to_string();
            out.out(line(k, &v, f));
        }
        Some(Key::Dev { v6, dev, key: k }) => match sim.world.dev_by_name(ns, dev) {
            Some(d) => {
                let v = sc.get_dev(d, v6, k).unwrap_or("0").to_string();
                out.out(line(key, &v, f));
            }
            None => not_found(key, f, out),
        },
        None => {
            // A directory: list every key below it, in name order.
            let prefix = format!("{key}.");
            let mut rows: Vec<(String, String)> = sc
                .values
                .iter()
                .filter(|(k, _)| k.starts_with(&prefix))
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect();
            for d in sim.world.devices_of(ns) {
                let name = &sim.world.dev(d).name;
                for (v6, k) in Sysctls::dev_keys() {
                    let full = format!("net.ipv{}.conf.{name}.{k}", if v6 { 6 } else { 4 });
                    if full.starts_with(&prefix) {
                        rows.push((full, sc.get_dev(d, v6, k).unwrap_or("0").to_string()));
                    }
                }
            }
            if rows.is_empty() {
                return not_found(key, f, out);
            }
            rows.sort();
            for (k, v) in rows {
                out.out(line(&k, &v, f));
            }
        }
    }
}

//! `sysctl [-w] [-n] KEY[=VALUE]` for the keys the model has.

use crate::model::Sysctls;
use crate::shell::{Output, Sim};
use crate::tools::{unsupported, Ctx};

pub fn run(sim: &mut Sim, ctx: Ctx, args: &[&str]) -> Output {
    let mut write = false;
    let mut names_only = false;
    let mut values_only = false;
    let mut quiet = false;
    let mut items = Vec::new();
    for a in args {
        match *a {
            "-w" | "--write" => write = true,
            "-n" | "--values" => values_only = true,
            "-N" | "--names" => names_only = true,
            "-q" | "--quiet" => quiet = true,
            "-a" | "-A" | "-X" | "--all" => return unsupported("sysctl", "listing all keys"),
            "-p" | "--load" | "--system" => return unsupported("sysctl", &format!("option `{a}`")),
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
            Some(v) if write || true => {
                let _ = write;
                if !Sysctls::known(&key) {
                    out.err(format!("sysctl: cannot stat /proc/sys/{}: No such file or directory\n", key.replace('.', "/")));
                    out.status = 255;
                    continue;
                }
                sim.world.ns_mut(ctx.ns).sysctl.set(&key, v);
                if !quiet {
                    out.out(line(&key, v, names_only, values_only));
                }
            }
            _ => match sim.world.ns(ctx.ns).sysctl.get(&key) {
                Some(v) => out.out(line(&key, v, names_only, values_only)),
                None => {
                    out.err(format!("sysctl: cannot stat /proc/sys/{}: No such file or directory\n", key.replace('.', "/")));
                    out.status = 255;
                }
            },
        }
    }
    out
}

fn line(key: &str, v: &str, names_only: bool, values_only: bool) -> String {
    if names_only {
        format!("{key}\n")
    } else if values_only {
        format!("{v}\n")
    } else {
        format!("{key} = {v}\n")
    }
}

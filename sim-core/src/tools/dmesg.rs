//! `dmesg`: the kernel log lines `-j LOG` wrote. Real dmesg shows one ring buffer for the
//! whole host; netsim keeps one per namespace (the namespace the command runs in), so
//! scenarios with several namespaces see only their own lines.

use crate::shell::{Output, Sim};
use crate::tools::Ctx;

/// Entry point of `dmesg`.
pub fn run(sim: &mut Sim, ctx: Ctx, args: &[&str]) -> Output {
    let mut clear = false;
    for a in args {
        match *a {
            "-c" | "--read-clear" => clear = true,
            "-C" | "--clear" => {
                sim.world.ns_mut(ctx.ns).nf.log.clear();
                return Output::ok();
            }
            a => return crate::tools::unsupported("dmesg", &format!("option `{a}`")),
        }
    }
    let nf = &mut sim.world.ns_mut(ctx.ns).nf;
    let mut s = String::new();
    for l in &nf.log {
        let us = l.at / 1000;
        s.push_str(&format!(
            "[{:>5}.{:06}] {}\n",
            us / 1_000_000,
            us % 1_000_000,
            l.text
        ));
    }
    if clear {
        nf.log.clear();
    }
    Output::text(s)
}

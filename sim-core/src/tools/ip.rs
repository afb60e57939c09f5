//! `ip` from iproute2 6.1: netns, link, addr, route, neigh.

mod addr;
pub(crate) mod link;
mod neigh;
mod netns;
mod route;

use crate::shell::{Output, Sim};
use crate::tools::Ctx;

/// Global options of `ip`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Opts {
    pub family4: bool,
    pub family6: bool,
    pub brief: bool,
    pub oneline: bool,
    pub json: bool,
    pub pretty: bool,
    pub stats: u8,
    pub details: bool,
    pub all: bool,
}

const OBJECTS: &[&str] = &[
    "address",
    "addrlabel",
    "maddress",
    "route",
    "rule",
    "neighbour",
    "neigh",
    "ntable",
    "ntbl",
    "link",
    "l2tp",
    "fou",
    "ila",
    "macsec",
    "tunnel",
    "tunl",
    "tuntap",
    "tap",
    "token",
    "tcpmetrics",
    "tcp_metrics",
    "monitor",
    "xfrm",
    "mroute",
    "mrule",
    "netns",
    "netconf",
    "vrf",
    "sr",
    "nexthop",
    "mptcp",
    "ioam",
    "stats",
    "help",
];

/// `matches()` of iproute2: `arg` is a non-empty prefix of `word`.
pub fn matches(arg: &str, word: &str) -> bool {
    !arg.is_empty() && word.starts_with(arg)
}

/// Entry point of `ip`.
pub fn run(sim: &mut Sim, ctx: Ctx, args: &[&str]) -> Output {
    let mut o = Opts::default();
    let mut i = 0;
    let mut ns = ctx.ns;
    while i < args.len() && args[i].starts_with('-') && args[i].len() > 1 {
        let a = args[i].trim_start_matches('-');
        match a {
            "4" => o.family4 = true,
            "6" => o.family6 = true,
            _ if matches(a, "brief") && a.len() >= 2 => o.brief = true,
            _ if matches(a, "oneline") => o.oneline = true,
            _ if matches(a, "json") => o.json = true,
            _ if matches(a, "pretty") => o.pretty = true,
            _ if matches(a, "statistics") || a == "s" => o.stats += 1,
            _ if matches(a, "details") => o.details = true,
            "all" => o.all = true,
            _ if matches(a, "netns") => {
                i += 1;
                let Some(name) = args.get(i) else {
                    return Output::error(
                        "Command line is not complete. Try option \"help\"\n",
                        255,
                    );
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
            }
            _ => {
                return Output::error(
                    format!("Option \"{}\" is unknown, try \"ip -help\".\n", args[i]),
                    255,
                )
            }
        }
        i += 1;
    }
    let ctx = Ctx { ns, ..ctx };
    let Some(obj) = args.get(i) else {
        return Output::error(usage(), 255);
    };
    let rest = &args[i + 1..];
    let Some(object) = OBJECTS.iter().find(|w| matches(obj, w)) else {
        return Output::error(
            format!("Object \"{obj}\" is unknown, try \"ip help\".\n"),
            1,
        );
    };
    match *object {
        "address" => addr::run(sim, ctx, o, rest),
        "route" => route::run(sim, ctx, o, rest),
        "neighbour" | "neigh" => neigh::run(sim, ctx, o, rest),
        "link" => link::run(sim, ctx, o, rest),
        "netns" => netns::run(sim, ctx, o, rest),
        "help" => Output::error(usage(), 255),
        other => crate::tools::unsupported("ip", &format!("object `{other}`")),
    }
}

fn usage() -> &'static str {
    "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n       ip [ -force ] -batch filename\nwhere  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp | link |\n                   macsec | maddress | monitor | mptcp | mroute | mrule |\n                   neighbor | neighbour | netconf | netns | nexthop | ntable |\n                   ntbl | route | rule | sr | tap | tcpmetrics |\n                   token | tunnel | tuntap | vrf | xfrm }\n       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |\n                    -h[uman-readable] | -iec | -j[son] | -p[retty] |\n                    -f[amily] { inet | inet6 | mpls | bridge | link } |\n                    -4 | -6 | -M | -B | -0 |\n                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |\n                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |\n                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |\n                    -c[olor]}\n"
}

/// `Command line is not complete. Try option "help"`.
pub fn incomplete() -> Output {
    Output::error("Command line is not complete. Try option \"help\"\n", 255)
}

/// `Cannot find device "X"`.
pub fn no_device(name: &str) -> Output {
    Output::error(format!("Cannot find device \"{name}\"\n"), 1)
}

/// `Device "X" does not exist.` (what `ip link show X` and `ip addr show dev X` print).
pub fn dev_not_exist(name: &str) -> Output {
    Output::error(format!("Device \"{name}\" does not exist.\n"), 1)
}

/// An RTNETLINK error as iproute2 prints it.
pub fn rtnl_err(e: crate::model::Errno) -> Output {
    Output::error(format!("RTNETLINK answers: {}\n", e.strerror()), 2)
}

//! The user-space tools, each printing what the real one prints on Debian 12.
//!
//! Architecture invariant: tools parse arguments, call the model or the engine, and format
//! text. They hold no state of their own between commands; all state is in the `World`.

pub mod brctl;
pub mod bridge;
pub mod conntrack;
pub mod dmesg;
pub mod docker;
pub mod ethtool;
pub mod filters;
pub mod help;
pub mod ip;
pub mod iptables;
pub mod json;
pub mod misc;
pub mod nc;
pub mod ping;
pub mod ss;
pub mod sysctl;

use crate::model::NetnsId;
use crate::shell::{Output, Sim};

/// Where and how a command runs.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    pub ns: NetnsId,
    /// Started with `&`.
    pub background: bool,
}

/// A tool's entry point.
pub type ToolFn = fn(&mut Sim, Ctx, &[&str]) -> Output;

/// Tools beyond the core set, looked up by name.
pub fn external(name: &str) -> Option<ToolFn> {
    match name {
        "iptables" => Some(iptables::run),
        "iptables-save" => Some(iptables::run_save),
        "iptables-restore" => Some(iptables::run_restore),
        "conntrack" => Some(conntrack::run),
        "dmesg" => Some(dmesg::run),
        "nc" => Some(nc::run),
        "ss" => Some(ss::run),
        "docker" => Some(docker::run),
        "explain" => Some(docker::explain),
        "brctl" => Some(brctl::run),
        "bridge" => Some(bridge::run),
        _ => None,
    }
}

/// Programs a Debian 12 host (or the tutorials' hosts) has that the simulator does not model:
/// refused by name with status 127 wherever they are run (bare, after `ip netns exec`, in a
/// pipeline), never mistaken for a missing program.
pub const NOT_MODELLED: &[&str] = &[
    "ifconfig",
    "route",
    "arp",
    "netstat",
    "ping6",
    "tcpdump",
    "traceroute",
    "tracepath",
    "traceroute6",
    "curl",
    "wget",
    "nsenter",
    "unshare",
    "python3",
    "python",
    "busybox",
    "ip6tables",
    "ip6tables-save",
    "ip6tables-restore",
    "iptables-legacy",
    "iptables-nft",
    "nft",
    "ebtables",
    "arptables",
    "ipset",
    "arping",
    "mtr",
    "dig",
    "nslookup",
    "host",
    "getent",
    "telnet",
    "socat",
    "ncat",
    "iperf",
    "iperf3",
    "tshark",
    "tc",
    "ss6",
    "kill",
    "jobs",
    "wait",
    "ps",
    "ls",
    "readlink",
    "stat",
    "printf",
    "test",
    "[",
    "cd",
    "read",
    "export",
    "env",
    "systemctl",
    "service",
    "modprobe",
    "lsmod",
    "bridge-utils",
    "dhclient",
    "hostname",
    "nmcli",
    "resolvectl",
    "awk",
    "sed",
    "cut",
    "tr",
    "xargs",
    "tee",
    "watch",
];

/// The refusal of a program in [`NOT_MODELLED`].
pub fn not_modelled(name: &str) -> Output {
    Output::error(
        format!("netsim: {name}: this program is not modelled by the simulator\n"),
        127,
    )
}

/// The message and status for an option or form the simulator does not model yet.
pub fn unsupported(tool: &str, what: &str) -> Output {
    Output::error(
        format!("netsim: {tool}: {what} is not supported by the simulator\n"),
        127,
    )
}

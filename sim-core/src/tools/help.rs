//! What the simulator supports of each tool, as one table: the teaching shell's `help CMD`
//! prints it, its tab completion reads the subcommands, and the docs can render it.
//!
//! Architecture invariant: this is data about the tools, not their parsers; a tool refuses
//! what it does not support by itself ([`crate::tools::unsupported`]). A test below keeps
//! the table and the shell's dispatch in step.

/// One option or form a tool accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opt {
    /// How it is written, e.g. `-c COUNT` or `link add NAME type veth peer name PEER`.
    pub usage: &'static str,
    /// What it does, in a few words.
    pub what: &'static str,
}

/// What the simulator supports of one tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ToolHelp {
    pub name: &'static str,
    /// One line on what the tool is for.
    pub summary: &'static str,
    /// Words that may follow the tool's name (objects, subcommands): for completion.
    pub subcommands: &'static [&'static str],
    /// Words that may follow a subcommand, by subcommand: for completion.
    pub words: &'static [(&'static str, &'static [&'static str])],
    pub options: &'static [Opt],
}

const fn o(usage: &'static str, what: &'static str) -> Opt {
    Opt { usage, what }
}

/// Every tool the simulator runs, in the order `help` lists them.
pub const TOOLS: &[ToolHelp] = &[
    ToolHelp {
        name: "ip",
        summary: "show and change namespaces, links, addresses, routes and neighbours (iproute2 6.1)",
        subcommands: &["netns", "link", "address", "addr", "route", "neigh", "neighbour", "help"],
        words: &[
            ("netns", &["add", "delete", "list", "list-id", "set", "identify", "pids", "exec"]),
            ("link", &["add", "delete", "set", "show", "type", "veth", "bridge", "peer", "name", "up", "down", "master", "nomaster", "netns", "mtu", "address", "dev"]),
            ("address", &["add", "delete", "show", "flush", "dev", "broadcast", "brd", "label", "local"]),
            ("addr", &["add", "delete", "show", "flush", "dev", "broadcast", "brd", "label", "local"]),
            ("route", &["add", "delete", "replace", "show", "get", "flush", "via", "dev", "src", "metric", "table", "scope", "proto", "default", "unreachable", "blackhole", "prohibit"]),
            ("neigh", &["add", "delete", "replace", "change", "show", "flush", "dev", "lladdr", "nud", "permanent", "reachable", "stale"]),
            ("neighbour", &["add", "delete", "replace", "change", "show", "flush", "dev", "lladdr", "nud", "permanent", "reachable", "stale"]),
        ],
        options: &[
            o("-4 | -6", "one address family"),
            o("-br[ief]", "one line per object, in columns"),
            o("-o[neline]", "one line per record"),
            o("-j[son] [-p[retty]]", "JSON output"),
            o("-s[tatistics]", "packet counters (twice for more)"),
            o("-n[etns] NAME", "run in a named namespace"),
            o("-all", "with `netns exec` and `netns delete`: every namespace"),
            o("netns add|delete|list|list-id|set|identify|pids NAME", "named namespaces under /run/netns"),
            o("netns exec NAME CMD...", "run a command in a namespace"),
            o("link add [NAME] type veth [peer name PEER]", "a veth pair"),
            o("link add NAME type bridge", "a bridge"),
            o("link set DEV up|down|netns NS|master BR|nomaster|mtu N|address MAC|name NEW", "change a link"),
            o("link show|delete [DEV] [type KIND] [master BR] [up]", "list or remove links"),
            o("addr add|del ADDR/LEN [broadcast B] [label L] dev DEV", "IPv4 and IPv6 addresses"),
            o("addr show|flush [dev DEV]", "list or remove addresses"),
            o("route add|del|replace PREFIX|default [via GW] [dev DEV] [src A] [metric N] [table main|local]", "static routes"),
            o("route add unreachable|blackhole|prohibit PREFIX", "reject routes"),
            o("route show|get|flush ...", "list routes, ask the routing decision"),
            o("neigh add|del|replace|change IP lladdr MAC dev DEV [nud STATE]", "the ARP table"),
            o("neigh show|flush [dev DEV]", "list or clear the ARP table"),
        ],
    },
    ToolHelp {
        name: "brctl",
        summary: "bridges the old way (bridge-utils 1.7.1)",
        subcommands: &["addbr", "delbr", "addif", "delif", "show", "showmacs", "setageing", "stp"],
        words: &[("stp", &["on", "off"])],
        options: &[
            o("addbr BR | delbr BR", "create or delete a bridge"),
            o("addif BR DEV | delif BR DEV", "make a device a port of the bridge, or release it"),
            o("show [BR]", "bridges and their ports"),
            o("showmacs BR", "the forwarding database (learned MACs and ageing timers)"),
            o("setageing BR SECONDS", "how long learned MACs are kept"),
            o("stp BR on|off", "the STP flag (the protocol itself is not modelled)"),
        ],
    },
    ToolHelp {
        name: "bridge",
        summary: "bridge ports and forwarding database (iproute2 6.1)",
        subcommands: &["link", "fdb"],
        words: &[("fdb", &["show", "add", "del", "replace", "dev", "br", "brport", "master", "self", "permanent", "static", "dynamic"]), ("link", &["show", "dev"])],
        options: &[
            o("link [show] [dev DEV]", "bridge ports and their state"),
            o("fdb show [br BR] [brport DEV] [dev DEV]", "the forwarding database"),
            o("fdb add|del|replace MAC dev DEV [master|self] [permanent|static|dynamic]", "change the forwarding database"),
            o("-n[etns] NAME, -j[son], -p[retty], -s, -d", "global options"),
        ],
    },
    ToolHelp {
        name: "docker",
        summary: "Docker's networking, built from the commands above (simulator only)",
        subcommands: &["run", "start", "stop", "rm", "exec", "ps", "inspect", "network"],
        words: &[("network", &["ls", "inspect", "create", "rm"])],
        options: &[
            o("run [-d] [--rm] [--name N] [--network NET] [--ip A] [-p [IP:]HOST:CONT[/udp]] IMAGE [CMD]", "a container in its own namespace"),
            o("start|stop|rm [-f] NAME", "container lifecycle"),
            o("exec [-it] NAME CMD...", "run a command in a container's namespace"),
            o("ps, inspect NAME", "list and describe containers"),
            o("network ls|inspect|create [--subnet S] [-d bridge]|rm NET", "networks"),
        ],
    },
    ToolHelp {
        name: "explain",
        summary: "print the plain commands a docker command runs, without running them",
        subcommands: &["docker"],
        words: &[],
        options: &[o("explain docker ...", "the ip/iptables/sysctl commands underneath")],
    },
    ToolHelp {
        name: "ping",
        summary: "send ICMP echo requests (iputils 20221126)",
        subcommands: &[],
        words: &[],
        options: &[
            o("-c COUNT", "stop after COUNT replies"),
            o("-i SECONDS", "interval between requests (default 1)"),
            o("-W SECONDS", "time to wait for each reply"),
            o("-w SECONDS", "deadline for the whole run"),
            o("-s SIZE", "payload bytes (default 56)"),
            o("-t TTL", "IP time to live"),
            o("-I DEV", "send through a device"),
            o("-q", "summary only"),
            o("-b", "allow pinging a broadcast address"),
            o("-n | -4", "accepted (numeric output, IPv4 are the defaults)"),
        ],
    },
    ToolHelp {
        name: "iptables",
        summary: "packet filtering and NAT rules (iptables 1.8.9, nf_tables)",
        subcommands: &["-t", "-A", "-I", "-D", "-R", "-C", "-L", "-S", "-F", "-Z", "-N", "-X", "-E", "-P"],
        words: &[
            ("-t", &["filter", "nat", "mangle", "raw"]),
            ("-A", &["INPUT", "OUTPUT", "FORWARD", "PREROUTING", "POSTROUTING"]),
            ("-I", &["INPUT", "OUTPUT", "FORWARD", "PREROUTING", "POSTROUTING"]),
            ("-P", &["INPUT", "OUTPUT", "FORWARD", "ACCEPT", "DROP"]),
        ],
        options: &[
            o("-t filter|nat|mangle|raw", "the table (default filter)"),
            o("-A|-I|-D|-R|-C CHAIN [N] RULE", "append, insert, delete, replace, check a rule"),
            o("-L [CHAIN] [-n] [-v] [-x] [--line-numbers]", "list rules"),
            o("-S [CHAIN]", "list rules as commands"),
            o("-F|-Z|-N|-X|-E|-P", "flush, zero, new, delete, rename chain, policy"),
            o("-p tcp|udp|icmp|all, -s, -d, -i, -o, ! NEG", "basic matches"),
            o("--sport, --dport, --tcp-flags, --syn, --icmp-type", "protocol matches"),
            o("-m multiport|conntrack|state|addrtype|comment|physdev|mark|mac|limit|length|iprange|pkttype", "match extensions"),
            o("-j ACCEPT|DROP|REJECT|RETURN|LOG|MARK|SNAT|DNAT|MASQUERADE|REDIRECT|CHAIN", "targets"),
            o("-w", "accepted (wait for the lock)"),
        ],
    },
    ToolHelp {
        name: "iptables-save",
        summary: "print the rules as iptables-restore reads them",
        subcommands: &[],
        words: &[],
        options: &[o("-t TABLE", "one table"), o("-c", "with counters")],
    },
    ToolHelp {
        name: "iptables-restore",
        summary: "load rules in iptables-save format",
        subcommands: &[],
        words: &[],
        options: &[o("(rules on standard input)", "replace the tables named in the input")],
    },
    ToolHelp {
        name: "conntrack",
        summary: "the connection tracking table (conntrack-tools 1.4.7)",
        subcommands: &["-L", "-D", "-F", "-C"],
        words: &[],
        options: &[
            o("-L | --dump", "list tracked connections"),
            o("-D | --delete", "delete entries"),
            o("-F | --flush", "clear the table"),
            o("-C | --count", "count entries"),
            o("-p tcp|udp|icmp", "only one protocol"),
            o("--sport PORT | --dport PORT", "original ports (with -p tcp|udp)"),
            o("-n | --src-nat, -g | --dst-nat", "only source- or destination-NATed entries"),
        ],
    },
    ToolHelp {
        name: "ethtool",
        summary: "driver information and NIC statistics",
        subcommands: &["-S", "-i"],
        words: &[],
        options: &[o("-S DEV | --statistics DEV", "statistics (a veth's peer_ifindex)"), o("-i DEV | --driver DEV", "driver name and version")],
    },
    ToolHelp {
        name: "sysctl",
        summary: "kernel parameters of the namespace (net.ipv4.*, net.bridge.*, net.netfilter.*)",
        subcommands: &["-w", "-n", "-N", "-q"],
        words: &[],
        options: &[
            o("KEY", "print a parameter"),
            o("-w KEY=VALUE", "set a parameter (e.g. net.ipv4.ip_forward=1)"),
            o("-n | --values", "values only"),
            o("-N | --names", "names only"),
            o("-q | --quiet", "print nothing when setting"),
        ],
    },
    ToolHelp {
        name: "dmesg",
        summary: "the kernel log (what LOG rules print)",
        subcommands: &[],
        words: &[],
        options: &[o("-c | --read-clear", "print, then clear"), o("-C | --clear", "clear")],
    },
    ToolHelp {
        name: "nc",
        summary: "netcat-openbsd: background listeners and TCP/UDP port probes",
        subcommands: &["-l", "-z"],
        words: &[],
        options: &[
            o("-l [-k] [-u] -p PORT &", "listen in the background (-k: keep listening, -u: UDP)"),
            o("-z [-v] [-n] [-u] [-w SECS] HOST PORT[-PORT]...", "probe ports: handshake and close, or UDP writes"),
        ],
    },
    ToolHelp {
        name: "ss",
        summary: "TCP and UDP sockets (iproute2 6.1)",
        subcommands: &[],
        words: &[],
        options: &[
            o("-t | -u", "TCP or UDP sockets (one is needed)"),
            o("-l | -a", "listening only, or all (with TIME-WAIT)"),
            o("-n", "numeric ports"),
        ],
    },
    ToolHelp {
        name: "sleep",
        summary: "let virtual time pass (timers, ageing, background pings)",
        subcommands: &[],
        words: &[],
        options: &[o("SECONDS", "how long, fractions allowed")],
    },
    ToolHelp { name: "echo", summary: "print its arguments", subcommands: &[], words: &[], options: &[] },
    ToolHelp { name: "true", summary: "exit with status 0", subcommands: &[], words: &[], options: &[] },
    ToolHelp { name: "false", summary: "exit with status 1", subcommands: &[], words: &[], options: &[] },
    ToolHelp {
        name: "grep",
        summary: "filter lines after a pipe",
        subcommands: &[],
        words: &[],
        options: &[o("-v -i -E -c -w -o", "invert, ignore case, extended (default), count, word, only matching")],
    },
    ToolHelp { name: "head", summary: "first lines after a pipe", subcommands: &[], words: &[], options: &[o("-n N | -N", "how many")] },
    ToolHelp { name: "tail", summary: "last lines after a pipe", subcommands: &[], words: &[], options: &[o("-n N | -N", "how many")] },
    ToolHelp { name: "wc", summary: "count lines after a pipe", subcommands: &[], words: &[], options: &[o("-l", "lines")] },
    ToolHelp {
        name: "sort",
        summary: "sort lines after a pipe",
        subcommands: &[],
        words: &[],
        options: &[o("-n", "numeric"), o("-r", "reverse")],
    },
];

/// The help entry of a tool.
pub fn find(name: &str) -> Option<&'static ToolHelp> {
    TOOLS.iter().find(|t| t.name == name)
}

/// `help CMD`: the summary and a two-column table of the options.
pub fn render(t: &ToolHelp) -> String {
    let mut s = format!("{} - {}\n", t.name, t.summary);
    if t.options.is_empty() {
        return s;
    }
    s.push_str("supported by the simulator:\n");
    let w = t
        .options
        .iter()
        .map(|o| o.usage.chars().count())
        .max()
        .unwrap_or(0)
        .min(48);
    for o in t.options {
        let n = o.usage.chars().count();
        if n > w {
            s.push_str(&format!("  {}\n  {:w$}  {}\n", o.usage, "", o.what));
        } else {
            s.push_str(&format!("  {}{}  {}\n", o.usage, " ".repeat(w - n), o.what));
        }
    }
    s
}

/// `help`: one line per tool.
pub fn render_index() -> String {
    let w = TOOLS.iter().map(|t| t.name.len()).max().unwrap_or(0);
    TOOLS
        .iter()
        .map(|t| format!("  {:w$}  {}\n", t.name, t.summary))
        .collect()
}

/// The table as Markdown, for the docs.
pub fn render_markdown() -> String {
    let mut s = String::new();
    for t in TOOLS {
        s.push_str(&format!("### `{}`\n\n{}\n\n", t.name, t.summary));
        if !t.options.is_empty() {
            s.push_str("| option | what it does |\n|---|---|\n");
            for o in t.options {
                s.push_str(&format!(
                    "| `{}` | {} |\n",
                    o.usage.replace('|', "\\|"),
                    o.what
                ));
            }
            s.push('\n');
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Sim, SimConfig};

    #[test]
    fn every_listed_tool_runs_in_the_shell() {
        for t in TOOLS {
            let mut sim = Sim::new(SimConfig::default());
            let o = sim.run_line(t.name);
            assert!(
                !o.combined().contains("command not found"),
                "{} is in the help table but the shell does not know it",
                t.name
            );
        }
    }

    #[test]
    fn tools_the_shell_knows_have_help() {
        // Candidates a student may type; any that runs must be documented here.
        for name in [
            "brctl",
            "bridge",
            "nc",
            "ncat",
            "tcpdump",
            "docker",
            "ss",
            "arp",
            "route",
            "ifconfig",
            "arping",
            "traceroute",
            "curl",
            "ip6tables",
            "nft",
            "iptables-legacy",
        ] {
            let mut sim = Sim::new(SimConfig::default());
            let o = sim.run_line(name);
            let refused = o.combined().contains("command not found")
                || crate::tools::NOT_MODELLED.contains(&name);
            if !refused {
                assert!(
                    find(name).is_some(),
                    "`{name}` runs in the simulator but has no entry in tools/help.rs"
                );
            }
        }
    }

    #[test]
    fn render_aligns_options() {
        let s = render(find("ping").expect("ping"));
        assert!(s.starts_with("ping - send ICMP echo requests"));
        assert!(
            s.contains("\n  -c COUNT    stop after COUNT replies\n"),
            "{s}"
        );
        assert!(render_index().lines().count() == TOOLS.len());
        assert!(render_markdown().contains("| `-c COUNT` | stop after COUNT replies |"));
    }
}

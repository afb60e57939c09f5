//! `docker` (Docker Engine 28 networking) built out of the primitives: every action is a list
//! of plain commands (`ip netns add`, `ip link add ... type veth`, `iptables -t nat -A ...`,
//! `sysctl -w ...`) run through the shell, so what the student finds underneath is what the
//! kernel would hold. `explain docker ...` prints that list without running it.
//!
//! Docker version: the iptables chains, rules and their order are those of Docker Engine
//! v28.5.2 (moby/moby tag v28.5.2, commit 89c5e8fd66634b6128fc4c0e6f1236e2540e46e0), IPv4,
//! iptables backend, userland proxy on (the default), as recorded in that tag's
//! integration/network/bridge/iptablesdoc/generated/{new-daemon,usernet-portmap}.md and made
//! by libnetwork/drivers/bridge/internal/iptabler (setupIPChains, setupUserChain,
//! setupIPTables, setPerPortIptables, filterDirectAccess): filter FORWARD jumps to DOCKER-USER
//! and DOCKER-FORWARD; DOCKER-FORWARD to DOCKER-CT, DOCKER-ISOLATION-STAGE-1, DOCKER-BRIDGE and
//! then each network's outgoing ACCEPT; DOCKER holds the per-port ACCEPTs above each network's
//! DROP; raw PREROUTING drops packets for a container's address that did not come from its
//! bridge. No ipset is used (28.0.0's `docker-ext-bridges-v4` set was dropped in 28.0.1, moby
//! PR #49518; 28.5.2 only deletes its leftovers). The commands are issued in the order the
//! daemon issues them, so that `-I` and `-A` leave the same order. Not modelled: IPv6
//! (ip6tables), `--internal`, `enable_icc=false`, `--userland-proxy=false` and gateway modes.
//!
//! Architecture invariant: docker keeps only its own records (containers, networks, allocated
//! addresses, published ports) in [`DockerState`]; it never touches the model directly except
//! to start a container's listening process (a socket, as a process would) and to read back
//! what the commands made (MAC addresses). Randomness (ids, veth names) comes from the world's
//! seeded generator.
//!
//! Simulator choices, documented: a container's network namespace is a named one (its id's
//! first 12 hex characters) so that `ip netns list` shows it, where real Docker keeps it
//! under /run/docker/netns; the userland proxy (docker-proxy) is not modelled, so a published
//! port is reached through DNAT only (from another namespace, not from the host's 127.0.0.1);
//! the embedded DNS server of user networks is not modelled.

mod format;
#[cfg(test)]
mod tests;

use std::net::Ipv4Addr;

use crate::engine::sockets::{Listener, Proto};
use crate::model::NetnsId;
use crate::shell::{Output, Sim};
use crate::tools::{unsupported, Ctx};

/// The default bridge network (Docker's defaults).
const DOCKER0: &str = "docker0";
const DEFAULT_SUBNET: (Ipv4Addr, u8) = (Ipv4Addr::new(172, 17, 0, 0), 16);
/// `docker stop` waits this long before SIGKILL (`--time`, default 10 s).
const STOP_TIMEOUT_NS: u64 = 10_000_000_000;

/// How a container is attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetMode {
    /// A bridge network (the default `bridge` or a user-defined one), by network name.
    Bridge(String),
    Host,
    None,
    /// Shares the namespace of the container with this id.
    Container(String),
}

/// A container's place on a bridge network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub id: String,
    pub ip: Ipv4Addr,
    pub veth: String,
}

/// One published port (`-p [HOSTIP:]HOSTPORT:CONTPORT[/PROTO]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortMap {
    pub host_ip: Option<Ipv4Addr>,
    pub host_port: u16,
    pub cont_port: u16,
    pub proto: Proto,
}

/// Lifecycle of a container.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Created,
    Running,
    Exited(i32),
}

/// One container.
#[derive(Debug, Clone)]
pub struct Container {
    pub id: String,
    pub name: String,
    pub image: String,
    /// What `docker ps` shows as COMMAND (entrypoint and command joined).
    pub command: String,
    pub mode: NetMode,
    pub ports: Vec<PortMap>,
    /// `--ip`.
    pub want_ip: Option<Ipv4Addr>,
    /// Ports the image exposes (shown by `docker ps` when not published).
    pub exposed: Vec<u16>,
    pub status: Status,
    pub created: u64,
    pub started: u64,
    pub finished: u64,
    pub auto_remove: bool,
    /// Exit code on `docker stop` (0 when the process handles SIGTERM, 137 when killed).
    pub stop_code: i32,
    /// The process: a listener it opens, `(proto, port, keep)`.
    pub listen: Option<(Proto, u16, bool)>,
    /// The netns the process runs in (`None`: the host's).
    pub netns: Option<String>,
    pub endpoint: Option<Endpoint>,
    /// Commands that undo the network set-up, in order.
    pub undo: Vec<String>,
}

/// A docker network.
#[derive(Debug, Clone)]
pub struct Network {
    pub id: String,
    pub name: String,
    /// `bridge`, `host` or `null`.
    pub driver: &'static str,
    /// The Linux bridge (`docker0`, `br-<12 hex>`).
    pub bridge: Option<String>,
    pub subnet: Option<(Ipv4Addr, u8)>,
    pub gateway: Option<Ipv4Addr>,
    /// `--subnet` given (a user may then choose `--ip`).
    pub user_subnet: bool,
    pub created: u64,
    pub default: bool,
    /// Commands that undo the network set-up.
    pub undo: Vec<String>,
}

/// Docker's records for the host.
#[derive(Debug, Clone, Default)]
pub struct DockerState {
    pub started: bool,
    /// Docker's own random stream (ids, veth names), seeded from the world's generator when
    /// the daemon starts, so that `explain` can predict names without replaying the kernel.
    pub rng: Option<rand_chacha::ChaCha8Rng>,
    pub containers: Vec<Container>,
    pub networks: Vec<Network>,
}

/// What a docker action will do: commands to run, then records to keep.
#[derive(Debug, Default)]
struct Plan {
    cmds: Vec<String>,
    /// Commands whose failure is expected and ignored (`conntrack -D` with no entries).
    tolerant: Vec<String>,
}

impl Plan {
    fn cmd(&mut self, s: impl Into<String>) {
        self.cmds.push(s.into());
    }
    fn tolerant(&mut self, s: impl Into<String>) {
        let s = s.into();
        self.tolerant.push(s.clone());
        self.cmds.push(s);
    }
}

/// A random u32 from docker's stream.
fn rand32(sim: &mut Sim) -> u32 {
    use rand::{RngCore, SeedableRng};
    if sim.docker.rng.is_none() {
        let seed = (u64::from(sim.world.random_u32()) << 32) | u64::from(sim.world.random_u32());
        sim.docker.rng = Some(rand_chacha::ChaCha8Rng::seed_from_u64(seed));
    }
    sim.docker.rng.as_mut().expect("seeded above").next_u32()
}

fn hex_id(sim: &mut Sim, len: usize) -> String {
    let mut s = String::new();
    while s.len() < len {
        s.push_str(&format!("{:08x}", rand32(sim)));
    }
    s.truncate(len);
    s
}

fn run_help(msg: &str) -> Output {
    Output::error(
        format!("docker: {msg}\n\nRun 'docker run --help' for more information\n"),
        125,
    )
}

fn no_such_container(name: &str) -> Output {
    Output::error(
        format!("Error response from daemon: No such container: {name}\n"),
        1,
    )
}

fn cidr_net(ip: Ipv4Addr, len: u8) -> Ipv4Addr {
    let mask = if len == 0 { 0 } else { u32::MAX << (32 - len) };
    Ipv4Addr::from(u32::from(ip) & mask)
}

fn in_subnet(ip: Ipv4Addr, (net, len): (Ipv4Addr, u8)) -> bool {
    cidr_net(ip, len) == net
}

fn nth(net: Ipv4Addr, n: u32) -> Ipv4Addr {
    Ipv4Addr::from(u32::from(net) + n)
}

fn broadcast((net, len): (Ipv4Addr, u8)) -> Ipv4Addr {
    let host = if len >= 32 { 0 } else { u32::MAX >> len };
    Ipv4Addr::from(u32::from(net) | host)
}

fn proto_name(p: Proto) -> &'static str {
    match p {
        Proto::Tcp => "tcp",
        Proto::Udp => "udp",
    }
}

/// A known image: (name, entrypoint, default command, listening port, stops cleanly on TERM).
const IMAGES: &[(&str, &str, &str, Option<u16>, bool)] = &[
    (
        "nginx",
        "/docker-entrypoint.sh",
        "nginx -g 'daemon off;'",
        Some(80),
        true,
    ),
    ("httpd", "", "httpd-foreground", Some(80), true),
    ("busybox", "", "sh", None, false),
    ("alpine", "", "/bin/sh", None, false),
    ("ubuntu", "", "/bin/bash", None, false),
    ("debian", "", "bash", None, false),
];

fn image_base(image: &str) -> &str {
    let last = image.rsplit('/').next().unwrap_or(image);
    let base = last.split(['@', ':']).next().unwrap_or(last);
    if image.contains('/')
        && !image.starts_with("library/")
        && !image.starts_with("docker.io/library/")
    {
        return image;
    }
    base
}

// ---------------------------------------------------------------------------------------------
// Entry points

/// `docker ...`.
pub fn run(sim: &mut Sim, ctx: Ctx, args: &[&str]) -> Output {
    let mut out = Output::ok();
    if !sim.docker.started {
        let mut p = Plan::default();
        daemon_setup(sim, &mut p);
        if let Err(e) = execute(sim, &p) {
            return e;
        }
        sim.docker.started = true;
    }
    let r = dispatch(sim, ctx, args, false);
    out.extend(r.clone());
    out.status = r.status;
    out
}

/// `explain docker ...`: the plain commands a docker action would run, without running them.
pub fn explain(sim: &mut Sim, ctx: Ctx, args: &[&str]) -> Output {
    match args.first() {
        Some(&"docker") => {}
        Some(other) => {
            return unsupported(
                "explain",
                &format!("`{other}` (only `explain docker ...` is modelled)"),
            )
        }
        None => return Output::error("usage: explain docker COMMAND [ARG...]\n", 2),
    }
    let saved_rng = sim.world.rng.clone();
    let saved_state = sim.docker.clone();
    let mut text = String::new();
    if !sim.docker.started {
        let mut p = Plan::default();
        daemon_setup(sim, &mut p);
        for c in &p.cmds {
            text.push_str(c);
            text.push('\n');
        }
        sim.docker.started = true;
    }
    let r = dispatch(sim, ctx, &args[1..], true);
    sim.world.rng = saved_rng;
    sim.docker = saved_state;
    let mut o = Output::ok();
    o.out(text);
    o.extend(r.clone());
    o.status = r.status;
    o
}

/// Run a plan's commands in the init namespace, stopping at the first unexpected failure.
fn execute(sim: &mut Sim, p: &Plan) -> Result<(), Output> {
    let init = sim.world.init_ns();
    for c in &p.cmds {
        let (line, background) = match c.strip_suffix(" &") {
            Some(l) => (l, true),
            None => (c.as_str(), false),
        };
        let argv: Vec<String> = split_words(line);
        let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
        let o = sim.exec(init, &argv, background);
        if o.status != 0 && !p.tolerant.contains(c) {
            return Err(Output::error(
                format!(
                    "netsim: docker: `{c}` failed ({}): {}",
                    o.status,
                    o.combined()
                ),
                125,
            ));
        }
    }
    Ok(())
}

/// Words of a generated command (single quotes only, as [`quote`] makes them).
fn split_words(line: &str) -> Vec<String> {
    let mut v = Vec::new();
    let mut cur = String::new();
    let mut has = false;
    let mut q = false;
    for c in line.chars() {
        match c {
            '\'' => {
                q = !q;
                has = true;
            }
            ' ' if !q => {
                if has {
                    v.push(std::mem::take(&mut cur));
                    has = false;
                }
            }
            c => {
                cur.push(c);
                has = true;
            }
        }
    }
    if has {
        v.push(cur);
    }
    v
}

/// Quote a word for a generated command line if it needs it.
fn quote(w: &str) -> String {
    if !w.is_empty()
        && w.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=,@+%".contains(c))
    {
        w.to_string()
    } else {
        format!("'{}'", w.replace('\'', "'\\''"))
    }
}

fn dispatch(sim: &mut Sim, _ctx: Ctx, args: &[&str], dry: bool) -> Output {
    let Some(cmd) = args.first() else {
        return unsupported("docker", "running without a command");
    };
    let rest = &args[1..];
    let r = match *cmd {
        "run" => cmd_run(sim, rest, dry),
        "start" => cmd_start(sim, rest, dry),
        "stop" => cmd_stop(sim, rest, dry),
        "rm" => cmd_rm(sim, rest, dry),
        "exec" => cmd_exec(sim, rest, dry),
        "ps" => format::ps(sim, rest),
        "inspect" => format::inspect(sim, rest),
        "network" => match rest.first() {
            Some(&"ls") | Some(&"list") => format::network_ls(sim, &rest[1..]),
            Some(&"inspect") => format::network_inspect(sim, &rest[1..]),
            Some(&"create") => network_create(sim, &rest[1..], dry),
            Some(&"rm") | Some(&"remove") => network_rm(sim, &rest[1..], dry),
            Some(other) => unsupported("docker", &format!("`docker network {other}`")),
            None => unsupported("docker", "`docker network` without a subcommand"),
        },
        "container" | "image" | "pull" | "build" | "logs" | "kill" | "restart" | "rename" | "port" | "top"
        | "stats" | "cp" | "create" | "attach" | "commit" | "info" | "version" | "images" | "compose" => {
            unsupported("docker", &format!("`docker {cmd}`"))
        }
        other if other.starts_with('-') => unsupported("docker", &format!("global option `{other}`")),
        other => Output::error(
            format!("docker: unknown command: docker {other}\n\nRun 'docker --help' for more information\n"),
            1,
        ),
    };
    if dry && (r.status == 0) {
        // Read-only commands run no network command.
        if matches!(*cmd, "ps" | "inspect")
            || (*cmd == "network"
                && matches!(rest.first(), Some(&"ls") | Some(&"list") | Some(&"inspect")))
        {
            return Output::ok();
        }
    }
    r
}

/// Find a container by name, full id or unique id prefix.
fn find(sim: &Sim, key: &str) -> Option<usize> {
    let key = key.strip_prefix('/').unwrap_or(key);
    if let Some(i) = sim
        .docker
        .containers
        .iter()
        .position(|c| c.name == key || c.id == key)
    {
        return Some(i);
    }
    let m: Vec<usize> = (0..sim.docker.containers.len())
        .filter(|&i| sim.docker.containers[i].id.starts_with(key))
        .collect();
    (m.len() == 1 && !key.is_empty()).then(|| m[0])
}

fn find_network(sim: &Sim, key: &str) -> Option<usize> {
    if let Some(i) = sim
        .docker
        .networks
        .iter()
        .position(|n| n.name == key || n.id == key)
    {
        return Some(i);
    }
    let m: Vec<usize> = (0..sim.docker.networks.len())
        .filter(|&i| sim.docker.networks[i].id.starts_with(key))
        .collect();
    (m.len() == 1 && !key.is_empty()).then(|| m[0])
}

// ---------------------------------------------------------------------------------------------
// The daemon

/// What dockerd does when it starts: the default networks, docker0, forwarding, the chains.
fn daemon_setup(sim: &mut Sim, p: &mut Plan) {
    let now = sim.world.now;
    let mut bridge_undo = Vec::new();
    for (name, driver) in [("bridge", "bridge"), ("host", "host"), ("none", "null")] {
        let id = hex_id(sim, 64);
        let bridge = (driver == "bridge").then(|| DOCKER0.to_string());
        sim.docker.networks.push(Network {
            id,
            name: name.into(),
            driver,
            bridge,
            subnet: (driver == "bridge").then_some(DEFAULT_SUBNET),
            gateway: (driver == "bridge").then_some(Ipv4Addr::new(172, 17, 0, 1)),
            user_subnet: false,
            created: now,
            default: true,
            undo: Vec::new(),
        });
    }
    // The bridge driver's initialisation (iptabler.setupIPChains), then the controller's
    // DOCKER-USER chain (setupUserChain): each jump is inserted at the head, so FORWARD reads
    // DOCKER-USER, DOCKER-FORWARD and DOCKER-FORWARD reads DOCKER-CT, ISOLATION-STAGE-1, BRIDGE.
    p.cmd("iptables -t nat -N DOCKER");
    for c in [
        "DOCKER",
        "DOCKER-FORWARD",
        "DOCKER-BRIDGE",
        "DOCKER-CT",
        "DOCKER-ISOLATION-STAGE-1",
        "DOCKER-ISOLATION-STAGE-2",
    ] {
        p.cmd(format!("iptables -N {c}"));
    }
    p.cmd("iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER");
    p.cmd("iptables -t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER");
    p.cmd("iptables -I FORWARD -j DOCKER-FORWARD");
    p.cmd("iptables -I DOCKER-FORWARD -j DOCKER-BRIDGE");
    p.cmd("iptables -I DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1");
    p.cmd("iptables -I DOCKER-FORWARD -j DOCKER-CT");
    p.cmd("iptables -N DOCKER-USER");
    p.cmd("iptables -I FORWARD -j DOCKER-USER");
    // The default bridge network: device, address, forwarding (the FORWARD policy becomes
    // DROP because the daemon itself turned ip_forward on), the network's rules, then up.
    p.cmd("ip link add docker0 type bridge");
    p.cmd("ip addr add 172.17.0.1/16 brd 172.17.255.255 dev docker0");
    p.cmd("sysctl -w net.ipv4.ip_forward=1");
    p.cmd("iptables -P FORWARD DROP");
    bridge_network_rules(p, &mut bridge_undo, DOCKER0, DEFAULT_SUBNET);
    p.cmd("ip link set docker0 up");
}

/// The iptables rules of one (non-internal, ICC-enabled, NAT) bridge network, in the order
/// iptabler's `setupIPTables` makes them: `setupNonInternalNetworkRules` (MASQUERADE and the
/// skip-DNAT RETURN inserted, the outgoing ACCEPT appended), `setDefaultForwardRule`
/// (appended DROP), the DOCKER-CT and DOCKER-BRIDGE rules (appended), then `setINC`
/// (ISOLATION-STAGE-1 appended, ISOLATION-STAGE-2 inserted). `undo` gets the deletions in
/// the order of its clean-up functions.
fn bridge_network_rules(p: &mut Plan, undo: &mut Vec<String>, br: &str, subnet: (Ipv4Addr, u8)) {
    let (net, len) = subnet;
    let rules = [
        (
            "-t nat -I",
            format!("POSTROUTING -s {net}/{len} ! -o {br} -j MASQUERADE"),
        ),
        ("-t nat -I", format!("DOCKER -i {br} -j RETURN")),
        ("-A", format!("DOCKER-FORWARD -i {br} -j ACCEPT")),
        ("-A", format!("DOCKER ! -i {br} -o {br} -j DROP")),
        (
            "-A",
            format!("DOCKER-CT -o {br} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT"),
        ),
        ("-A", format!("DOCKER-BRIDGE -o {br} -j DOCKER")),
        (
            "-A",
            format!("DOCKER-ISOLATION-STAGE-1 -i {br} ! -o {br} -j DOCKER-ISOLATION-STAGE-2"),
        ),
        ("-I", format!("DOCKER-ISOLATION-STAGE-2 -o {br} -j DROP")),
    ];
    for (op, rule) in &rules {
        p.cmd(format!("iptables {op} {rule}"));
        let table = if op.starts_with("-t nat") {
            "-t nat "
        } else {
            ""
        };
        undo.push(format!("iptables {table}-D {rule}"));
    }
}

// ---------------------------------------------------------------------------------------------
// docker run

/// Parsed `docker run` options.
#[derive(Debug, Default)]
struct RunOpts {
    detach: bool,
    tty: bool,
    name: Option<String>,
    network: Option<String>,
    publish: Vec<String>,
    ip: Option<String>,
    rm: bool,
    image: String,
    cmd: Vec<String>,
}

fn parse_run(args: &[&str]) -> Result<RunOpts, Output> {
    let mut o = RunOpts::default();
    let mut i = 0;
    while i < args.len() {
        let a = args[i];
        if !a.starts_with('-') || a == "-" {
            break;
        }
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (a, None),
        };
        let value = |i: &mut usize| -> Result<String, Output> {
            if let Some(v) = &inline {
                return Ok(v.clone());
            }
            *i += 1;
            args.get(*i).map(|s| s.to_string()).ok_or_else(|| {
                let f = if flag.starts_with("--") {
                    flag.to_string()
                } else {
                    format!("'{}' in {flag}", &flag[1..])
                };
                run_help(&format!("flag needs an argument: {f}"))
            })
        };
        match flag {
            "--name" => o.name = Some(value(&mut i)?),
            "--network" | "--net" => o.network = Some(value(&mut i)?),
            "-p" | "--publish" => o.publish.push(value(&mut i)?),
            "--ip" => o.ip = Some(value(&mut i)?),
            "--rm" => o.rm = true,
            "-d" | "--detach" => o.detach = true,
            "-t" | "--tty" => o.tty = true,
            "-i" | "--interactive" => {}
            f if !f.starts_with("--")
                && f.len() > 2
                && f[1..].chars().all(|c| "dit".contains(c)) =>
            {
                o.detach |= f.contains('d');
                o.tty |= f.contains('t');
            }
            f => return Err(unsupported("docker", &format!("`docker run` option `{f}`"))),
        }
        i += 1;
    }
    let Some(image) = args.get(i) else {
        return Err(Output::error(
            "docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nCreate and run a new container from an image\n\nSee 'docker run --help' for more information\n",
            1,
        ));
    };
    o.image = image.to_string();
    o.cmd = args[i + 1..].iter().map(|s| s.to_string()).collect();
    Ok(o)
}

/// Parse one `-p` spec as the docker CLI (go-connections/nat) does.
fn parse_publish(spec: &str) -> Result<PortMap, Output> {
    let (body, proto) = match spec.rsplit_once('/') {
        Some((b, p)) => (b, p),
        None => (spec, "tcp"),
    };
    let proto = match proto.to_ascii_lowercase().as_str() {
        "tcp" => Proto::Tcp,
        "udp" => Proto::Udp,
        "sctp" => return Err(unsupported("docker", "sctp ports")),
        _ => return Err(run_help(&format!("invalid proto: {proto}"))),
    };
    let parts: Vec<&str> = body.split(':').collect();
    let (ip, host, cont) = match parts.as_slice() {
        [c] => ("", "", *c),
        [h, c] => ("", *h, *c),
        [ip, h, c] => (*ip, *h, *c),
        _ => {
            return Err(run_help(&format!(
                "invalid publish opts format (should be name=value but got '{spec}')"
            )))
        }
    };
    let host_ip = if ip.is_empty() {
        None
    } else {
        match ip.parse::<Ipv4Addr>() {
            Ok(a) if a.is_unspecified() => None,
            Ok(a) => Some(a),
            Err(_) => return Err(run_help(&format!("invalid IP address: {ip}"))),
        }
    };
    let port = |s: &str| s.parse::<u16>().ok().filter(|p| *p > 0);
    if cont.contains('-') || host.contains('-') {
        return Err(unsupported("docker", "port ranges in -p"));
    }
    let Some(cont_port) = port(cont) else {
        return Err(run_help(&format!("invalid containerPort: {cont}")));
    };
    if host.is_empty() {
        return Err(unsupported(
            "docker",
            "-p without a host port (an ephemeral host port)",
        ));
    }
    let Some(host_port) = port(host) else {
        return Err(run_help(&format!("invalid hostPort: {host}")));
    };
    Ok(PortMap {
        host_ip,
        host_port,
        cont_port,
        proto,
    })
}

fn ports_overlap(a: &PortMap, b: &PortMap) -> bool {
    a.proto == b.proto
        && a.host_port == b.host_port
        && (a.host_ip.is_none() || b.host_ip.is_none() || a.host_ip == b.host_ip)
}

const ADJECTIVES: &[&str] = &[
    "admiring", "bold", "clever", "eager", "festive", "gallant", "jolly", "nifty", "quirky",
    "serene",
];
const SURNAMES: &[&str] = &[
    "babbage", "curie", "dijkstra", "hopper", "lovelace", "noether", "ritchie", "shannon",
    "turing", "wozniak",
];

fn cmd_run(sim: &mut Sim, args: &[&str], dry: bool) -> Output {
    let o = match parse_run(args) {
        Ok(o) => o,
        Err(e) => return e,
    };
    let mut ports = Vec::new();
    for s in &o.publish {
        match parse_publish(s) {
            Ok(p) => ports.push(p),
            Err(e) => return e,
        }
    }
    let base = image_base(&o.image).to_string();
    let known = IMAGES.iter().find(|i| i.0 == base);
    if known.is_none() && o.cmd.is_empty() {
        let names: Vec<&str> = IMAGES.iter().map(|i| i.0).collect();
        return unsupported(
            "docker",
            &format!(
                "image `{}` without a command (images known: {})",
                o.image,
                names.join(", ")
            ),
        );
    }
    let mode = match o.network.as_deref() {
        None | Some("bridge") | Some("default") => NetMode::Bridge("bridge".into()),
        Some("host") => NetMode::Host,
        Some("none") => NetMode::None,
        Some(n) if n.starts_with("container:") => {
            let other = &n["container:".len()..];
            match find(sim, other) {
                Some(i) if sim.docker.containers[i].status == Status::Running => {
                    NetMode::Container(sim.docker.containers[i].id.clone())
                }
                Some(i) => {
                    let id = sim.docker.containers[i].id.clone();
                    return run_help(&format!("Error response from daemon: cannot join network namespace of a non running container: container {id} is not running"));
                }
                None => {
                    return run_help(&format!(
                        "Error response from daemon: No such container: {other}"
                    ))
                }
            }
        }
        Some(n) => match find_network(sim, n) {
            Some(i) if sim.docker.networks[i].driver == "bridge" => {
                NetMode::Bridge(sim.docker.networks[i].name.clone())
            }
            Some(_) => return unsupported("docker", &format!("network `{n}`")),
            None => {
                return run_help(&format!(
                    "Error response from daemon: network {n} not found"
                ))
            }
        },
    };
    // Name conflicts are found when the container is created.
    let name = match &o.name {
        Some(n) => {
            if !n.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
                || !n
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
            {
                return run_help(&format!("Error response from daemon: Invalid container name ({n}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed"));
            }
            if let Some(c) = sim.docker.containers.iter().find(|c| &c.name == n) {
                return run_help(&format!(
                    "Error response from daemon: Conflict. The container name \"/{n}\" is already in use by container \"{}\". You have to remove (or rename) that container to be able to reuse that name.",
                    c.id
                ));
            }
            n.clone()
        }
        None => loop {
            let a = ADJECTIVES[(rand32(sim) as usize) % ADJECTIVES.len()];
            let b = SURNAMES[(rand32(sim) as usize) % SURNAMES.len()];
            let n = format!("{a}_{b}");
            if !sim.docker.containers.iter().any(|c| c.name == n) {
                break n;
            }
        },
    };
    let want_ip = match &o.ip {
        None => None,
        Some(s) => match s.parse::<Ipv4Addr>() {
            Ok(a) => Some(a),
            Err(_) => return run_help(&format!("invalid argument \"{s}\" for \"--ip\" flag: invalid string being converted to IP address: {s}")),
        },
    };
    if let (Some(ip), NetMode::Bridge(net)) = (want_ip, &mode) {
        let n = &sim.docker.networks[find_network(sim, net).expect("mode names a network")];
        if n.default {
            return run_help("Error response from daemon: user specified IP address is supported on user defined networks only");
        }
        if !n.user_subnet {
            return run_help("Error response from daemon: user specified IP address is supported only when connecting to networks with user configured subnets");
        }
        if !in_subnet(ip, n.subnet.expect("bridge subnet")) {
            return run_help(&format!("Error response from daemon: Invalid address {ip}: It does not belong to any of this network's subnets"));
        }
    } else if want_ip.is_some() && !matches!(mode, NetMode::Bridge(_)) {
        return run_help("Error response from daemon: user specified IP address is supported on user defined networks only");
    }
    let (entry, default_cmd, listen_port, clean_stop) = match known {
        Some(k) => (k.1, k.2, k.3, k.4),
        None => ("", "", None, false),
    };
    let cmdline = if o.cmd.is_empty() {
        default_cmd.to_string()
    } else {
        o.cmd
            .iter()
            .map(|w| w.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let command = if entry.is_empty() {
        cmdline.clone()
    } else {
        format!("{entry} {cmdline}")
    };
    // The process: an image's server, or `nc -l` given as the command.
    let mut listen = if o.cmd.is_empty() {
        listen_port.map(|p| (Proto::Tcp, p, true))
    } else {
        None
    };
    let mut clean = if o.cmd.is_empty() { clean_stop } else { false };
    if o.cmd.first().map(|s| s.as_str()) == Some("nc") {
        match parse_nc(&o.cmd[1..]) {
            Some(l) => listen = Some(l),
            None => {
                return unsupported(
                    "docker",
                    &format!(
                        "container command `{cmdline}` (an `nc` listener needs -l and a port)"
                    ),
                )
            }
        }
        clean = false;
    }
    let shell = matches!(cmdline.as_str(), "sh" | "/bin/sh" | "bash" | "/bin/bash");
    // In the foreground, `docker run` shows the process's output and returns its status
    // when it exits. A process that never exits (a server, a listener) or a shell on a
    // terminal would hold the transcript forever: those need -d.
    if !o.detach {
        if listen.is_some() {
            return unsupported(
                "docker",
                &format!("`docker run` without -d of `{cmdline}`, which never exits (use -d)"),
            );
        }
        if shell && o.tty {
            return unsupported(
                "docker",
                "an interactive container shell (`docker run -it ... sh`)",
            );
        }
    }
    let id = hex_id(sim, 64);
    let now = sim.world.now;
    let mut c = Container {
        id: id.clone(),
        name,
        image: o.image.clone(),
        command,
        mode: mode.clone(),
        ports: if mode == NetMode::Host
            || mode == NetMode::None
            || matches!(mode, NetMode::Container(_))
        {
            Vec::new()
        } else {
            ports.clone()
        },
        want_ip,
        exposed: if o.cmd.is_empty() {
            listen_port.into_iter().collect()
        } else {
            Vec::new()
        },
        status: Status::Created,
        created: now,
        started: 0,
        finished: 0,
        auto_remove: o.rm,
        stop_code: if clean { 0 } else { 137 },
        listen,
        netns: None,
        endpoint: None,
        undo: Vec::new(),
    };
    let mut out = Output::ok();
    if mode == NetMode::Host && !ports.is_empty() {
        out.err("WARNING: Published ports are discarded when using host network mode\n");
    }
    if matches!(mode, NetMode::Container(_)) && !ports.is_empty() {
        return run_help("Error response from daemon: conflicting options: port publishing and the container type network mode");
    }
    sim.docker.containers.push(c.clone());
    let idx = sim.docker.containers.len() - 1;
    if !dry && o.detach {
        out.out(format!("{id}\n"));
    }
    // Starting: a published port that is taken fails the start; the container stays Created.
    for p in &c.ports {
        let taken = sim
            .docker
            .containers
            .iter()
            .filter(|o| o.status == Status::Running)
            .flat_map(|o| o.ports.iter())
            .any(|q| ports_overlap(p, q));
        if taken {
            let ep = hex_id(sim, 64);
            let hip = p.host_ip.map_or("0.0.0.0".to_string(), |a| a.to_string());
            let mut e = run_help(&format!(
                "Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint {} ({ep}): Bind for {hip}:{} failed: port is already allocated",
                c.name, p.host_port
            ));
            out.extend(std::mem::take(&mut e));
            out.status = 125;
            return out;
        }
    }
    let r = start(sim, idx, dry);
    out.extend(r.clone());
    if r.status != 0 {
        out.status = r.status;
        return out;
    }
    if shell && !o.tty {
        // A shell with no terminal reads EOF and exits at once.
        c = sim.docker.containers[idx].clone();
        let _ = c;
        let r = stop_at(sim, idx, dry, 0, false);
        out.extend(r);
    } else if !o.detach {
        // The foreground process: the command in the container's network namespace.
        let c = sim.docker.containers[idx].clone();
        let ns = match (&c.mode, &c.netns) {
            (NetMode::Host, _) => Some(sim.world.init_ns()),
            (_, Some(n)) => sim.world.netns_by_name(n),
            (_, None) => None,
        };
        let words: Vec<&str> = o.cmd.iter().map(String::as_str).collect();
        let status = if dry {
            let q: Vec<String> = words.iter().map(|w| quote(w)).collect();
            let line = match &c.mode {
                NetMode::Host => q.join(" "),
                NetMode::Container(other) => format!(
                    "ip netns exec {} {}",
                    &other[..12.min(other.len())],
                    q.join(" ")
                ),
                _ => format!("ip netns exec {} {}", &c.id[..12], q.join(" ")),
            };
            out.out(format!("{line}\n"));
            0
        } else if let (Some(ns), false) = (ns, words.is_empty()) {
            // The process starts once the kernel has brought the links up (linkwatch).
            sim.world.linkwatch_run();
            let r = sim.exec(ns, &words, false);
            let st = r.status;
            out.extend(r);
            st
        } else {
            0
        };
        let r = stop_at(sim, idx, dry, status, false);
        out.extend(r);
        out.status = status;
    }
    out
}

/// `nc -l [-k] [-u] [-p] PORT`: what the listener is.
fn parse_nc(args: &[String]) -> Option<(Proto, u16, bool)> {
    let (mut l, mut k, mut u, mut port) = (false, false, false, None);
    for a in args {
        if let Some(flags) = a.strip_prefix('-') {
            for f in flags.chars() {
                match f {
                    'l' => l = true,
                    'k' => k = true,
                    'u' => u = true,
                    'p' | 'n' | 'v' => {}
                    _ => return None,
                }
            }
        } else {
            port = Some(a.parse::<u16>().ok()?);
        }
    }
    l.then_some(())?;
    Some((if u { Proto::Udp } else { Proto::Tcp }, port?, k))
}

/// Port bindings in the order the bridge driver programs them (`sortAndNormPBs`,
/// `cmpPortBinding`): by container port, protocol (tcp before udp), host port, host address
/// (0.0.0.0 first).
fn bindings_in_docker_order(ports: &[PortMap]) -> Vec<PortMap> {
    let mut v = ports.to_vec();
    v.sort_by_key(|p| {
        let proto = match p.proto {
            Proto::Tcp => 6u8,
            Proto::Udp => 17,
        };
        (
            p.cont_port,
            proto,
            p.host_port,
            p.host_ip.map_or(0, u32::from),
        )
    });
    v
}

/// Start a created or stopped container: its network set-up and its process.
fn start(sim: &mut Sim, idx: usize, dry: bool) -> Output {
    let mut p = Plan::default();
    let mut undo_ipt: Vec<String> = Vec::new();
    let mut undo_tail: Vec<String> = Vec::new();
    let c = sim.docker.containers[idx].clone();
    let short = c.id[..12].to_string();
    let mut netns = None;
    let mut endpoint = None;
    match &c.mode {
        NetMode::Host => {}
        NetMode::None => {
            p.cmd(format!("ip netns add {short}"));
            p.cmd(format!("ip netns exec {short} ip link set lo up"));
            netns = Some(short.clone());
            undo_tail.push(format!("ip netns delete {short}"));
        }
        NetMode::Container(other) => {
            let o = sim.docker.containers.iter().find(|x| &x.id == other);
            match o {
                Some(o) if o.status == Status::Running => netns = o.netns.clone(),
                _ => {
                    return run_help(&format!("Error response from daemon: cannot join network namespace of a non running container: container {other} is not running"))
                }
            }
        }
        NetMode::Bridge(net) => {
            let Some(ni) = find_network(sim, net) else {
                return Output::error(
                    format!("Error response from daemon: network {net} not found\n"),
                    1,
                );
            };
            let n = sim.docker.networks[ni].clone();
            let subnet = n.subnet.expect("bridge subnet");
            let gw = n.gateway.expect("bridge gateway");
            let br = n.bridge.clone().expect("bridge name");
            let used: Vec<Ipv4Addr> = sim
                .docker
                .containers
                .iter()
                .filter(|x| x.id != c.id)
                .filter_map(|x| {
                    x.endpoint
                        .as_ref()
                        .filter(|_| x.mode == c.mode)
                        .map(|e| e.ip)
                })
                .collect();
            let ip = match c.want_ip {
                Some(ip) => {
                    if used.contains(&ip) || ip == gw {
                        return run_help("Error response from daemon: failed to set up container networking: Address already in use");
                    }
                    ip
                }
                None => {
                    let size = 1u32 << (32 - subnet.1);
                    match (2..size - 1).map(|n| nth(subnet.0, n)).find(|a| !used.contains(a) && *a != gw) {
                        Some(a) => a,
                        None => return run_help(&format!("Error response from daemon: failed to set up container networking: no available IPv4 addresses on this network's address pools: {} ({})", n.name, n.id)),
                    }
                }
            };
            let host = format!("veth{:07x}", rand32(sim) & 0x0fff_ffff);
            let tmp = format!("veth{:07x}", rand32(sim) & 0x0fff_ffff);
            let (net_addr, len) = subnet;
            let _ = net_addr;
            p.cmd(format!("ip netns add {short}"));
            p.cmd(format!("ip link add {host} type veth peer name {tmp}"));
            p.cmd(format!("ip link set {host} master {br}"));
            // CreateEndpoint -> AddEndpoint (filterDirectAccess): only the bridge itself may
            // address the container directly.
            let direct = format!("PREROUTING -d {ip}/32 ! -i {br} -j DROP");
            p.cmd(format!("iptables -t raw -A {direct}"));
            p.cmd(format!("ip link set {host} up"));
            p.cmd(format!("ip link set {tmp} netns {short}"));
            p.cmd(format!("ip netns exec {short} ip link set {tmp} name eth0"));
            p.cmd(format!(
                "ip netns exec {short} ip addr add {ip}/{len} brd {} dev eth0",
                broadcast(subnet)
            ));
            p.cmd(format!("ip netns exec {short} ip link set eth0 up"));
            p.cmd(format!("ip netns exec {short} ip link set lo up"));
            p.cmd(format!(
                "ip netns exec {short} ip route add default via {gw}"
            ));
            // ProgramExternalConnectivity -> AddPorts, binding by binding (setPerPortIptables):
            // loopback filtering (raw, appended), DNAT (nat, appended), the open port (filter,
            // inserted above the network's DROP). Stop deletes them in the same order, then the
            // endpoint's raw rule (DelPorts, then DelEndpoint).
            for pm in &bindings_in_docker_order(&c.ports) {
                let pr = proto_name(pm.proto);
                if let Some(hip) = pm.host_ip.filter(|a| a.is_loopback()) {
                    let lo = format!(
                        "PREROUTING -d {hip}/32 ! -i lo -p {pr} -m {pr} --dport {} -j DROP",
                        pm.host_port
                    );
                    p.cmd(format!("iptables -t raw -A {lo}"));
                    undo_ipt.push(format!("iptables -t raw -D {lo}"));
                }
                let d = pm.host_ip.map_or(String::new(), |a| format!("-d {a}/32 "));
                let nat = format!(
                    "DOCKER {d}! -i {br} -p {pr} -m {pr} --dport {} -j DNAT --to-destination {ip}:{}",
                    pm.host_port, pm.cont_port
                );
                let filt = format!(
                    "DOCKER -d {ip}/32 ! -i {br} -o {br} -p {pr} -m {pr} --dport {} -j ACCEPT",
                    pm.cont_port
                );
                p.cmd(format!("iptables -t nat -A {nat}"));
                p.cmd(format!("iptables -I {filt}"));
                undo_ipt.push(format!("iptables -t nat -D {nat}"));
                undo_ipt.push(format!("iptables -D {filt}"));
            }
            undo_ipt.push(format!("iptables -t raw -D {direct}"));
            undo_tail.push(format!("conntrack -D -s {ip}"));
            undo_tail.push(format!("conntrack -D -r {ip}"));
            undo_tail.push(format!("ip link delete {host}"));
            undo_tail.push(format!("ip netns delete {short}"));
            netns = Some(short.clone());
            endpoint = Some(Endpoint {
                id: hex_id(sim, 64),
                ip,
                veth: host,
            });
        }
    }
    // The process.
    if let Some((proto, port, keep)) = c.listen {
        if let Some(nc) = crate::tools::external("nc") {
            let _ = nc;
            let u = if proto == Proto::Udp { "-u " } else { "" };
            let k = if keep { "-k " } else { "" };
            let line = format!("nc -l {u}{k}-p {port} &");
            match &netns {
                Some(ns) => p.cmd(format!("ip netns exec {ns} {line}")),
                None => p.cmd(line),
            }
        }
    }
    let mut undo = undo_ipt;
    undo.extend(undo_tail);
    let now = sim.world.now;
    if dry {
        let mut o = Output::ok();
        for c in &p.cmds {
            o.out(format!("{c}\n"));
        }
        return o;
    }
    if let Err(e) = execute(sim, &p) {
        return e;
    }
    if let Some((proto, port, keep)) = c.listen {
        if crate::tools::external("nc").is_none() {
            let ns = ns_id(sim, netns.as_deref());
            if let Some(ns) = ns {
                let socks = &mut sim.world.ns_mut(ns).sockets;
                if socks
                    .listeners
                    .iter()
                    .all(|l| !(l.proto == proto && l.port == port))
                {
                    socks.listeners.push(Listener {
                        proto,
                        addr: None,
                        port,
                        keep,
                        accepted: 0,
                    });
                }
            }
        }
    }
    let c = &mut sim.docker.containers[idx];
    c.status = Status::Running;
    c.started = now;
    c.netns = netns;
    c.endpoint = endpoint;
    c.undo = undo;
    Output::ok()
}

fn ns_id(sim: &Sim, name: Option<&str>) -> Option<NetnsId> {
    match name {
        None => Some(sim.world.init_ns()),
        Some(n) => sim.world.netns_by_name(n),
    }
}

/// Undo what `start` did. `code` is the exit status recorded.
fn stop_at(sim: &mut Sim, idx: usize, dry: bool, code: i32, wait: bool) -> Output {
    let c = sim.docker.containers[idx].clone();
    if c.status != Status::Running {
        return Output::ok();
    }
    let mut p = Plan::default();
    for u in &c.undo {
        if u.starts_with("conntrack -D") {
            p.tolerant(u.clone());
        } else {
            p.cmd(u.clone());
        }
    }
    if dry {
        let mut o = Output::ok();
        for c in &p.cmds {
            o.out(format!("{c}\n"));
        }
        return o;
    }
    if wait && code == 137 {
        crate::engine::run_for(sim, STOP_TIMEOUT_NS);
    }
    // The process goes first: its listener closes.
    if let Some((proto, port, _)) = c.listen {
        let shared_gone =
            c.netns.is_some() && !c.undo.iter().any(|u| u.starts_with("ip netns delete"));
        let _ = shared_gone;
        if let Some(ns) = ns_id(sim, c.netns.as_deref()) {
            sim.world
                .ns_mut(ns)
                .sockets
                .listeners
                .retain(|l| !(l.proto == proto && l.port == port));
        }
    }
    if let Err(e) = execute(sim, &p) {
        return e;
    }
    let now = sim.world.now;
    let x = &mut sim.docker.containers[idx];
    x.status = Status::Exited(code);
    x.finished = now;
    x.netns = None;
    x.endpoint = None;
    x.undo.clear();
    // Containers sharing this one's namespace lose it too.
    let id = x.id.clone();
    for o in sim.docker.containers.iter_mut() {
        if o.mode == NetMode::Container(id.clone()) && o.status == Status::Running {
            o.netns = None;
        }
    }
    if sim.docker.containers[idx].auto_remove {
        sim.docker.containers.remove(idx);
    }
    Output::ok()
}

fn cmd_start(sim: &mut Sim, args: &[&str], dry: bool) -> Output {
    if args.is_empty() {
        return Output::error("docker: 'docker start' requires at least 1 argument\n\nUsage:  docker start [OPTIONS] CONTAINER [CONTAINER...]\n\nStart one or more stopped containers\n\nSee 'docker start --help' for more information\n", 1);
    }
    let mut out = Output::ok();
    for a in args {
        if a.starts_with('-') {
            return unsupported("docker", &format!("`docker start` option `{a}`"));
        }
        let Some(i) = find(sim, a) else {
            out.extend(no_such_container(a));
            out.status = 1;
            continue;
        };
        if sim.docker.containers[i].status != Status::Running {
            let c = &sim.docker.containers[i];
            let taken = c.ports.iter().any(|p| {
                sim.docker
                    .containers
                    .iter()
                    .filter(|o| o.status == Status::Running)
                    .flat_map(|o| o.ports.iter())
                    .any(|q| ports_overlap(p, q))
            });
            if taken {
                out.err(format!("Error response from daemon: failed to set up container networking: port is already allocated\nError: failed to start containers: {a}\n"));
                out.status = 1;
                continue;
            }
            if let NetMode::Bridge(net) = &sim.docker.containers[i].mode {
                if find_network(sim, net).is_none() {
                    // The network was removed while the container was stopped.
                    out.err(format!("Error response from daemon: network {net} not found\nError: failed to start containers: {a}\n"));
                    out.status = 1;
                    continue;
                }
            }
            let r = start(sim, i, dry);
            if r.status != 0 {
                out.extend(r);
                out.status = 1;
                continue;
            }
            out.extend(r);
        }
        if !dry {
            out.out(format!("{a}\n"));
        }
    }
    out
}

fn cmd_stop(sim: &mut Sim, args: &[&str], dry: bool) -> Output {
    if args.is_empty() {
        return Output::error("docker: 'docker stop' requires at least 1 argument\n\nUsage:  docker stop [OPTIONS] CONTAINER [CONTAINER...]\n\nStop one or more running containers\n\nSee 'docker stop --help' for more information\n", 1);
    }
    let mut out = Output::ok();
    for a in args {
        if a.starts_with('-') {
            return unsupported("docker", &format!("`docker stop` option `{a}`"));
        }
        let Some(i) = find(sim, a) else {
            out.extend(no_such_container(a));
            out.status = 1;
            continue;
        };
        let code = sim.docker.containers[i].stop_code;
        let r = stop_at(sim, i, dry, code, true);
        let failed = r.status != 0;
        out.extend(r);
        if failed {
            out.status = 125;
            continue;
        }
        if !dry {
            out.out(format!("{a}\n"));
        }
    }
    out
}

fn cmd_rm(sim: &mut Sim, args: &[&str], dry: bool) -> Output {
    let mut force = false;
    let mut names = Vec::new();
    for a in args {
        match *a {
            "-f" | "--force" => force = true,
            s if s.starts_with('-') => {
                return unsupported("docker", &format!("`docker rm` option `{s}`"))
            }
            s => names.push(s),
        }
    }
    if names.is_empty() {
        return Output::error("docker: 'docker rm' requires at least 1 argument\n\nUsage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]\n\nRemove one or more containers\n\nSee 'docker rm --help' for more information\n", 1);
    }
    let mut out = Output::ok();
    for a in names {
        let Some(i) = find(sim, a) else {
            out.extend(no_such_container(a));
            out.status = 1;
            continue;
        };
        let c = sim.docker.containers[i].clone();
        if c.status == Status::Running {
            if !force {
                out.err(format!("Error response from daemon: cannot remove container \"{}\": container is running: stop the container before removing or force remove\n", c.name));
                out.status = 1;
                continue;
            }
            // `rm -f` kills (SIGKILL) at once.
            let r = stop_at(sim, i, dry, 137, false);
            let failed = r.status != 0;
            out.extend(r);
            if failed {
                out.status = 125;
                continue;
            }
        }
        if !dry {
            if let Some(j) = sim.docker.containers.iter().position(|x| x.id == c.id) {
                sim.docker.containers.remove(j);
            }
            out.out(format!("{a}\n"));
        }
    }
    out
}

fn cmd_exec(sim: &mut Sim, args: &[&str], dry: bool) -> Output {
    let mut i = 0;
    let mut detach = false;
    while i < args.len() && args[i].starts_with('-') {
        match args[i] {
            "-i" | "-t" | "-it" | "-ti" | "--interactive" | "--tty" => {}
            "-d" | "--detach" => detach = true,
            f => return unsupported("docker", &format!("`docker exec` option `{f}`")),
        }
        i += 1;
    }
    if args.len() < i + 2 {
        return Output::error("docker: 'docker exec' requires at least 2 arguments\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nExecute a command in a running container\n\nSee 'docker exec --help' for more information\n", 1);
    }
    let Some(ci) = find(sim, args[i]) else {
        return no_such_container(args[i]);
    };
    let c = sim.docker.containers[ci].clone();
    if c.status != Status::Running {
        return Output::error(
            format!(
                "Error response from daemon: container {} is not running\n",
                c.id
            ),
            1,
        );
    }
    let argv: Vec<String> = args[i + 1..].iter().map(|s| s.to_string()).collect();
    let ns = match (&c.mode, &c.netns) {
        (NetMode::Host, _) => Some(sim.world.init_ns()),
        (_, Some(n)) => sim.world.netns_by_name(n),
        (_, None) => None,
    };
    let Some(ns) = ns else {
        return unsupported(
            "docker",
            &format!(
                "exec in `{}`, whose shared network namespace was removed with its owner",
                c.name
            ),
        );
    };
    if dry {
        let words: Vec<String> = argv.iter().map(|w| quote(w)).collect();
        let line = match &c.netns {
            Some(n) if c.mode != NetMode::Host => format!("ip netns exec {n} {}", words.join(" ")),
            _ => words.join(" "),
        };
        return Output::text(format!("{line}{}\n", if detach { " &" } else { "" }));
    }
    let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
    let o = sim.exec(ns, &argv, detach);
    if detach {
        return Output::ok();
    }
    o
}

// ---------------------------------------------------------------------------------------------
// Networks

fn network_create(sim: &mut Sim, args: &[&str], dry: bool) -> Output {
    let mut subnet: Option<(Ipv4Addr, u8)> = None;
    let mut name = None;
    let mut i = 0;
    while i < args.len() {
        let a = args[i];
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v)),
            _ => (a, None),
        };
        match flag {
            "--subnet" => {
                let v = match inline {
                    Some(v) => v,
                    None => {
                        i += 1;
                        match args.get(i) {
                            Some(v) => v,
                            None => {
                                return Output::error("flag needs an argument: --subnet\n", 125)
                            }
                        }
                    }
                };
                let parsed = v.split_once('/').and_then(|(a, l)| {
                    Some((
                        a.parse::<Ipv4Addr>().ok()?,
                        l.parse::<u8>().ok().filter(|l| *l <= 30)?,
                    ))
                });
                let Some((a, l)) = parsed else {
                    return Output::error(format!("Error response from daemon: invalid subnet {v} : invalid CIDR address: {v}\n"), 1);
                };
                if cidr_net(a, l) != a {
                    return unsupported("docker", &format!("a subnet with host bits set (`{v}`)"));
                }
                subnet = Some((a, l));
            }
            "-d" | "--driver" => {
                i += 1;
                if args.get(i) != Some(&"bridge") {
                    return unsupported("docker", "network drivers other than bridge");
                }
            }
            f if f.starts_with('-') => {
                return unsupported("docker", &format!("`docker network create` option `{f}`"))
            }
            n => {
                if name.is_some() {
                    return Output::error("\"docker network create\" requires exactly 1 argument.\nSee 'docker network create --help'.\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nCreate a network\n", 1);
                }
                name = Some(n.to_string())
            }
        }
        i += 1;
    }
    let Some(name) = name else {
        return Output::error("\"docker network create\" requires exactly 1 argument.\nSee 'docker network create --help'.\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nCreate a network\n", 1);
    };
    if sim.docker.networks.iter().any(|n| n.name == name) {
        return Output::error(
            format!("Error response from daemon: network with name {name} already exists\n"),
            1,
        );
    }
    let overlaps = |s: (Ipv4Addr, u8), nets: &[Network]| {
        nets.iter().filter_map(|n| n.subnet).any(|t| {
            let l = s.1.min(t.1);
            cidr_net(s.0, l) == cidr_net(t.0, l)
        })
    };
    let user_subnet = subnet.is_some();
    let subnet = match subnet {
        Some(s) => {
            if overlaps(s, &sim.docker.networks) {
                return Output::error("Error response from daemon: invalid pool request: Pool overlaps with other one on this address space\n", 1);
            }
            s
        }
        None => match (18..=31u8)
            .map(|b| (Ipv4Addr::new(172, b, 0, 0), 16))
            .find(|s| !overlaps(*s, &sim.docker.networks))
        {
            Some(s) => s,
            None => return unsupported("docker", "more than the 172.17-172.31 address pools"),
        },
    };
    let id = hex_id(sim, 64);
    let br = format!("br-{}", &id[..12]);
    let gw = nth(subnet.0, 1);
    let len = subnet.1;
    let mut p = Plan::default();
    p.cmd(format!("ip link add {br} type bridge"));
    p.cmd(format!(
        "ip addr add {gw}/{len} brd {} dev {br}",
        broadcast(subnet)
    ));
    // The rules before the device goes up, as the bridge driver's set-up steps run.
    let mut undo: Vec<String> = Vec::new();
    bridge_network_rules(&mut p, &mut undo, &br, subnet);
    p.cmd(format!("ip link set {br} up"));
    undo.push(format!("ip link delete {br}"));
    if dry {
        let mut o = Output::ok();
        for c in &p.cmds {
            o.out(format!("{c}\n"));
        }
        return o;
    }
    if let Err(e) = execute(sim, &p) {
        return e;
    }
    let now = sim.world.now;
    sim.docker.networks.push(Network {
        id: id.clone(),
        name,
        driver: "bridge",
        bridge: Some(br),
        subnet: Some(subnet),
        gateway: Some(gw),
        user_subnet,
        created: now,
        default: false,
        undo,
    });
    Output::text(format!("{id}\n"))
}

fn network_rm(sim: &mut Sim, args: &[&str], dry: bool) -> Output {
    if args.is_empty() {
        return Output::error("\"docker network rm\" requires at least 1 argument.\nSee 'docker network rm --help'.\n\nUsage:  docker network rm NETWORK [NETWORK...]\n\nRemove one or more networks\n", 1);
    }
    let mut out = Output::ok();
    for a in args {
        if a.starts_with('-') {
            return unsupported("docker", &format!("`docker network rm` option `{a}`"));
        }
        let Some(i) = find_network(sim, a) else {
            out.err(format!(
                "Error response from daemon: network {a} not found\n"
            ));
            out.status = 1;
            continue;
        };
        let n = sim.docker.networks[i].clone();
        if n.default {
            out.err(format!(
                "Error response from daemon: {} is a pre-defined network and cannot be removed\n",
                n.name
            ));
            out.status = 1;
            continue;
        }
        if let Some(c) = sim
            .docker
            .containers
            .iter()
            .find(|c| c.status == Status::Running && c.mode == NetMode::Bridge(n.name.clone()))
        {
            out.err(format!(
                "Error response from daemon: error while removing network: network {} has active endpoints (name:\"{}\" id:\"{}\")\n",
                n.name,
                c.name,
                &c.endpoint.as_ref().map_or(c.id.as_str(), |e| e.id.as_str())[..12]
            ));
            out.status = 1;
            continue;
        }
        let mut p = Plan::default();
        for u in &n.undo {
            p.cmd(u.clone());
        }
        if dry {
            for c in &p.cmds {
                out.out(format!("{c}\n"));
            }
            continue;
        }
        if let Err(e) = execute(sim, &p) {
            return e;
        }
        sim.docker.networks.retain(|x| x.id != n.id);
        out.out(format!("{a}\n"));
    }
    out
}

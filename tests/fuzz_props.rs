//! Hardening by fuzzing: random command lines through `Sim::run_line`, random scenario
//! text through the parsers, random `iptables-restore` input, and random or mutated frames
//! entering a device. None of them may panic or hang. Inputs that once broke something
//! are kept below as named regression tests.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use sim_core::engine;
use sim_core::model::Limits;
use sim_core::tools::iptables::{restore, RestoreFlags};
use sim_core::{scenario, Sim, SimConfig};

/// Generous wall-clock bound per command: the virtual clock must never turn into real waiting.
const PER_COMMAND: Duration = Duration::from_secs(5);

fn small_sim() -> Sim {
    // Small limits so that fuzzed loops and floods stop quickly.
    let limits = Limits {
        max_netns: 64,
        max_devices: 256,
        max_frames: 20_000,
        ..Limits::default()
    };
    Sim::new(SimConfig {
        seed: 7,
        limits,
        trace: false,
    })
}

/// A small topology to fuzz against: two namespaces on a bridge, a router with NAT.
fn topology() -> Sim {
    let mut s = small_sim();
    for l in [
        "ip netns add ns0",
        "ip netns add ns1",
        "ip link add br0 type bridge",
        "ip link set br0 up",
        "ip link add v0 type veth peer name eth0 netns ns0",
        "ip link add v1 type veth peer name eth0 netns ns1",
        "ip link set v0 master br0",
        "ip link set v1 master br0",
        "ip link set v0 up",
        "ip link set v1 up",
        "ip addr add 10.0.0.254/24 dev br0",
        "ip -n ns0 addr add 10.0.0.1/24 dev eth0",
        "ip -n ns1 addr add 10.0.0.2/24 dev eth0",
        "ip -n ns0 link set eth0 up",
        "ip -n ns1 link set eth0 up",
        "ip -n ns0 route add default via 10.0.0.254",
        "sysctl -q -w net.ipv4.ip_forward=1",
        "iptables -t nat -A POSTROUTING -s 10.0.0.0/24 ! -o br0 -j MASQUERADE",
        "iptables -A FORWARD -p tcp --dport 22 -j REJECT --reject-with tcp-reset",
        "ip netns exec ns0 ping -c 1 10.0.0.2",
    ] {
        let o = s.run_line(l);
        assert_eq!(o.status, 0, "setup `{l}`: {}", o.combined());
    }
    s
}

const WORDS: &[&str] = &[
    "ip",
    "brctl",
    "bridge",
    "iptables",
    "iptables-save",
    "iptables-restore",
    "ping",
    "sysctl",
    "ethtool",
    "nc",
    "ss",
    "docker",
    "conntrack",
    "sleep",
    "echo",
    "grep",
    "dmesg",
    "link",
    "addr",
    "address",
    "route",
    "neigh",
    "netns",
    "add",
    "del",
    "delete",
    "set",
    "show",
    "list",
    "exec",
    "flush",
    "dev",
    "type",
    "veth",
    "bridge",
    "peer",
    "name",
    "master",
    "nomaster",
    "up",
    "down",
    "mtu",
    "address",
    "netns",
    "ns0",
    "ns1",
    "ns2",
    "eth0",
    "v0",
    "v1",
    "br0",
    "lo",
    "default",
    "via",
    "src",
    "metric",
    "10.0.0.1",
    "10.0.0.2/24",
    "10.0.0.0/8",
    "0.0.0.0/0",
    "255.255.255.255",
    "1.2.3.4/33",
    "::1",
    "fe80::1/64",
    "02:00:00:00:00:01",
    "ff:ff:ff:ff:ff:ff",
    "-A",
    "-I",
    "-D",
    "-R",
    "-N",
    "-X",
    "-F",
    "-Z",
    "-P",
    "-L",
    "-S",
    "-C",
    "-E",
    "-t",
    "nat",
    "filter",
    "mangle",
    "raw",
    "security",
    "INPUT",
    "OUTPUT",
    "FORWARD",
    "PREROUTING",
    "POSTROUTING",
    "-j",
    "ACCEPT",
    "DROP",
    "REJECT",
    "MASQUERADE",
    "SNAT",
    "DNAT",
    "LOG",
    "RETURN",
    "--to-source",
    "--to-destination",
    "-p",
    "tcp",
    "udp",
    "icmp",
    "all",
    "--dport",
    "--sport",
    "22",
    "0:65535",
    "65536",
    "-s",
    "-d",
    "-i",
    "-o",
    "!",
    "-m",
    "conntrack",
    "--ctstate",
    "NEW,ESTABLISHED",
    "state",
    "multiport",
    "--dports",
    "1,2,3",
    "limit",
    "--limit",
    "1/s",
    "-n",
    "-v",
    "-x",
    "--line-numbers",
    "-c",
    "1",
    "0",
    "-1",
    "-w",
    "1000000",
    "-W",
    "-i",
    "0.2",
    "-I",
    "-q",
    "net.ipv4.ip_forward=1",
    "net.ipv4.ip_forward",
    "net.bridge.bridge-nf-call-iptables=1",
    "-S",
    "-k",
    "-l",
    "-z",
    "-u",
    "-t",
    "-a",
    "addbr",
    "delbr",
    "addif",
    "delif",
    "showmacs",
    "stp",
    "setageing",
    "fdb",
    "run",
    "-d",
    "--name",
    "--network",
    "alpine",
    "network",
    "create",
    "rm",
    "ps",
    "inspect",
    "-L",
    "-E",
    "-D",
    "1e9",
    "99999999999999999999",
    "nan",
    "inf",
    "-0",
    "",
    "'",
    "\"",
    "|",
    "&",
    "#",
    "\\",
    "--",
    "-",
    "-h",
    "help",
    "--help",
    "a=b",
    "%",
    "\u{e9}",
    "\u{0}",
];

fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(WORDS).prop_map(str::to_string),
        1 => "[ -~]{0,12}",
        1 => any::<u32>().prop_map(|n| n.to_string()),
    ]
}

fn line() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..10).prop_map(|t| t.join(" "))
}

fn run_checked(s: &mut Sim, l: &str) {
    let start = Instant::now();
    let _ = s.run_line(l);
    assert!(
        start.elapsed() < PER_COMMAND,
        "`{l}` took {:?} of real time",
        start.elapsed()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Random token soups never panic or hang, on an empty host and on a busy one.
    #[test]
    fn command_lines_never_panic(lines in prop::collection::vec(line(), 1..8), busy in any::<bool>()) {
        let mut s = if busy { topology() } else { small_sim() };
        for l in &lines {
            run_checked(&mut s, l);
        }
    }

    /// Commands aimed at one tool with its own vocabulary.
    #[test]
    fn tool_lines_never_panic(tool in prop::sample::select(&["ip", "iptables", "brctl", "bridge", "ping", "sysctl", "ethtool", "nc", "ss", "docker", "conntrack", "ip netns exec ns0"][..]),
                              args in prop::collection::vec(token(), 0..8)) {
        let mut s = topology();
        run_checked(&mut s, &format!("{tool} {}", args.join(" ")));
        run_checked(&mut s, "ip netns exec ns0 ping -c 1 -W 1 10.0.0.2");
    }

    /// Scenario parsing accepts any text.
    #[test]
    fn scenario_parsers_never_panic(text in prop::collection::vec(prop_oneof![
        Just("$ ".to_string()), Just("\n".to_string()), Just("[1]\n".to_string()), Just("```\n".to_string()),
        Just("```console\n".to_string()), Just("$ ip link\n".to_string()), Just("[".to_string()), Just("]".to_string()),
        Just("# t\n".to_string()), "\\PC{0,20}",
    ], 0..30)) {
        let t: String = text.concat();
        let _ = scenario::parse(&t);
        let _ = scenario::parse_markdown(&t);
    }

    /// The iptables-restore library function accepts any text (and fails cleanly).
    #[test]
    fn iptables_restore_never_panics(lines in prop::collection::vec(prop_oneof![
        Just("*filter".to_string()), Just("*nat".to_string()), Just("*raw".to_string()), Just("*mangle".to_string()),
        Just("*bogus".to_string()), Just("COMMIT".to_string()), Just(":INPUT ACCEPT [0:0]".to_string()),
        Just(":FORWARD DROP [1:2]".to_string()), Just(":MYCHAIN - [0:0]".to_string()), Just(":X".to_string()),
        Just("-A MYCHAIN -j RETURN".to_string()), Just("-A INPUT -j MYCHAIN".to_string()),
        Just("[5:6] -A INPUT -p tcp --dport 22 -j ACCEPT".to_string()),
        Just("-A POSTROUTING -o eth0 -j MASQUERADE".to_string()),
        Just("-A INPUT -m comment --comment \"a b".to_string()), Just("# c".to_string()), Just(String::new()),
        prop::collection::vec(token(), 0..8).prop_map(|t| format!("-A INPUT {}", t.join(" "))),
        prop::collection::vec(token(), 0..6).prop_map(|t| t.join(" ")),
    ], 0..16), noflush in any::<bool>(), counters in any::<bool>(), test in any::<bool>()) {
        let text = lines.join("\n");
        let mut s = topology();
        let init = s.world.init_ns();
        let before = s.world.ns(init).nf.clone();
        let flags = RestoreFlags { noflush, counters, test };
        if restore(&mut s.world.ns_mut(init).nf, &text, flags).is_err() || test {
            // A failed or test-only restore changes nothing.
            prop_assert_eq!(format!("{:?}", before.tables), format!("{:?}", s.world.ns(init).nf.tables));
        }
        // Whatever was loaded, traffic still flows through the engine without panics.
        run_checked(&mut s, "ip netns exec ns0 ping -c 1 -W 1 10.0.0.2");
        run_checked(&mut s, "iptables-save");
    }

    /// Random bytes, and valid frames with random bytes changed, entering any device.
    #[test]
    fn frames_into_devices_never_panic(frames in prop::collection::vec((0usize..16, prop_oneof![
        prop::collection::vec(any::<u8>(), 0..128),
        (prop::collection::vec((0usize..98, any::<u8>()), 1..6)).prop_map(|edits| {
            let mut f = valid_frame();
            for (i, b) in edits { if i < f.len() { f[i] = b; } }
            f
        }),
        (0usize..98).prop_map(|n| { let mut f = valid_frame(); f.truncate(n); f }),
    ]), 1..20)) {
        let mut s = topology();
        let devs: Vec<_> = s.world.all_netns().into_iter().flat_map(|ns| s.world.devices_of(ns).collect::<Vec<_>>()).collect();
        for (d, bytes) in frames {
            let dev = devs[d % devs.len()];
            s.engine.begin_command();
            engine::inject(&mut s, dev, bytes);
            let start = Instant::now();
            engine::run_for(&mut s, 5_000_000_000);
            prop_assert!(start.elapsed() < PER_COMMAND);
        }
        run_checked(&mut s, "ip -s link");
        run_checked(&mut s, "conntrack -L");
    }
}

/// An echo request from ns0 to ns1 as it arrives on the bridge port (98 bytes).
fn valid_frame() -> Vec<u8> {
    use sim_core::wire::{self, Body, Frame, Icmp, Ipv4, L4};
    let pkt = Ipv4 {
        src: "10.0.0.1".parse().unwrap(),
        dst: "10.0.0.2".parse().unwrap(),
        ttl: 64,
        id: 1,
        tos: 0,
        l4: L4::Icmp(Icmp::echo(true, 1, 1, vec![0; 56])),
    };
    wire::emit(&Frame {
        dst: [2, 0, 0, 0, 0, 2],
        src: [2, 0, 0, 0, 0, 1],
        body: Body::Ipv4(pkt),
    })
}

// ---------------------------------------------------------------- regressions and limits

/// Lines that once misbehaved or that probe the edges; each must finish without panicking.
const CORPUS: &[&str] = &[
    "sleep 1e9",
    "sleep 99999999999999999999",
    "sleep inf",
    "sleep nan",
    "ip netns exec ns0 ping -w 1000000 -c 2 10.0.0.2",
    "ip netns exec ns0 ping -w 1000000 10.0.0.77",
    "ip netns exec ns0 ping -c 1000000 -i 0.2 10.0.0.2",
    "ip link set br0 mtu 4294967295",
    "ip addr add 1.2.3.4/33 dev lo",
    "ip route add 0.0.0.0/0 via 255.255.255.255",
    "iptables -A INPUT -p tcp --dport 99999 -j ACCEPT",
    "iptables -N a; iptables -A a -j a",
    "iptables -A FORWARD -j FORWARD",
    "ip link add name '' type veth",
    "echo '",
    "ip netns exec",
    "ip netns exec ns0",
    "|",
    "&",
    "ip -n",
    "ip -n ns0 -n ns1 link",
];

#[test]
fn corpus_finishes() {
    for l in CORPUS {
        let mut s = topology();
        run_checked(&mut s, l);
        // The host still works afterwards.
        let o = s.run_line("ip netns exec ns0 ping -c 1 10.0.0.2");
        assert!(
            o.stdout().contains("1 received"),
            "after `{l}`: {}",
            o.combined()
        );
    }
}

#[test]
fn virtual_time_never_becomes_real_time() {
    let mut s = topology();
    let start = Instant::now();
    run_checked(&mut s, "sleep 1e9");
    run_checked(&mut s, "ip netns exec ns0 ping -w 1000000 -c 3 10.0.0.2");
    assert!(start.elapsed() < Duration::from_secs(2));
}

/// Exceeding a limit stops with a message naming it and the option that raises it, and
/// leaves everything made before intact.
#[test]
fn limits_name_the_option_and_keep_state() {
    let limits = Limits {
        max_netns: 3,
        max_devices: 6,
        max_frames: 50,
        ..Limits::default()
    };
    let mut s = Sim::new(SimConfig {
        seed: 1,
        limits,
        trace: false,
    });
    assert_eq!(s.run_line("ip netns add a").status, 0);
    assert_eq!(s.run_line("ip netns add b").status, 0);
    let o = s.run_line("ip netns add c");
    assert_ne!(o.status, 0);
    assert!(
        o.combined().contains("--max-netns"),
        "netns limit message: {}",
        o.combined()
    );
    let list = s.run_line("ip netns list").stdout();
    assert_eq!(list, "b\na\n");

    // a and b each have lo: 3 devices; a veth pair makes 5, a second one would make 7.
    assert_eq!(s.run_line("ip link add x type veth peer name y").status, 0);
    let o = s.run_line("ip link add p type veth peer name q");
    assert_ne!(o.status, 0);
    assert!(
        o.combined().contains("--max-devices"),
        "device limit message: {}",
        o.combined()
    );
    let links = s.run_line("ip -br link").stdout();
    assert!(
        links.contains("x@y") && links.contains("y@x") && !links.contains("p@q"),
        "{links}"
    );
    let o = s.run_line("ip link add br9 type bridge");
    assert!(o.status == 0, "one more device fits: {}", o.combined());

    // A frame loop: two bridge ports cabled together, then a broadcast.
    for l in [
        "ip link del br9",
        "ip link del x",
        "ip link add br0 type bridge",
        "ip link set br0 up",
    ] {
        assert_eq!(s.run_line(l).status, 0, "{l}");
    }
    let limits = Limits {
        max_netns: 8,
        max_devices: 64,
        max_frames: 50,
        ..Limits::default()
    };
    let mut s = Sim::new(SimConfig {
        seed: 1,
        limits,
        trace: false,
    });
    for l in [
        "ip link add br0 type bridge",
        "ip link add p1 type veth peer name p2",
        "ip link set p1 master br0",
        "ip link set p2 master br0",
        "ip link set p1 up",
        "ip link set p2 up",
        "ip link set br0 up",
        "ip addr add 10.9.0.1/24 dev br0",
    ] {
        assert_eq!(s.run_line(l).status, 0, "{l}");
    }
    let o = s.run_line("ping -c 1 -W 1 10.9.0.2");
    assert!(
        o.combined().contains("--max-frames"),
        "frame budget message: {}",
        o.combined()
    );
    // The loop is cut; the next command works and the state is intact.
    let o = s.run_line("ip -br link show br0");
    assert_eq!(o.status, 0);
    assert!(o.stdout().starts_with("br0"), "{}", o.combined());
    // Virtual time has a limit too, named with its option; the clock does not move.
    let before = s.world.now;
    let o = s.run_line("sleep 400000000");
    // Limits exit with status 1 (main's 8b52e53), not sleep's usage status 2.
    assert_eq!(o.status, 1);
    assert!(o.combined().contains("--max-time"), "{}", o.combined());
    assert_eq!(s.world.now, before);
}

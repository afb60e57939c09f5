//! Workloads shared by the criterion benches and `netsim bench`: topologies built through
//! the same command lines a user types, and frames injected straight at a device.
//!
//! Included with `#[path]` by `sim-cli/src/bench.rs`, so both report the same workloads.

#![allow(dead_code)]

use std::net::Ipv4Addr;

use sim_core::engine;
use sim_core::model::Limits;
use sim_core::tools::iptables::{restore, RestoreFlags};
use sim_core::wire::{self, Body, Frame, Icmp, Ipv4, L4};
use sim_core::{DeviceId, NetnsId, Sim, SimConfig};

/// A simulator with limits high enough for the largest workload.
pub fn sim() -> Sim {
    let limits = Limits {
        max_netns: 10_000_000,
        max_devices: 40_000_000,
        max_frames: u64::MAX,
        ..Limits::default()
    };
    Sim::new(SimConfig {
        seed: 1,
        limits,
        trace: false,
    })
}

/// Run a command line and insist that it succeeded.
pub fn must(sim: &mut Sim, line: &str) {
    let o = sim.run_line(line);
    assert_eq!(o.status, 0, "`{line}` failed: {}", o.combined());
}

/// The `i`-th host address in 10.0.0.0/8 (i from 0), skipping .0.
pub fn host(i: usize) -> Ipv4Addr {
    Ipv4Addr::from(0x0a00_0000u32 + i as u32 + 1)
}

/// Ports per bridge: Linux refuses a 1,024th port (`BR_MAX_PORTS`, "Exchange full").
pub const PORTS_PER_BRIDGE: usize = 1_000;

/// `n` namespaces `ns0..`, each with `eth0` (10.x/8) cabled by a veth `vI` to a bridge in
/// the init namespace: `br0` alone up to 1,000 namespaces; beyond that, leaf bridges
/// `brK` of 1,000 ports each, joined to `br0` by veth uplinks (one L2 segment, as Linux
/// allows no more than 1,023 ports on one bridge).
pub fn build_star(n: usize) -> Sim {
    let mut s = sim();
    must(&mut s, "ip link add br0 type bridge");
    must(&mut s, "ip link set br0 up");
    for i in 0..n {
        let br = if n <= PORTS_PER_BRIDGE {
            "br0".to_string()
        } else {
            let k = i / PORTS_PER_BRIDGE + 1;
            if i % PORTS_PER_BRIDGE == 0 {
                must(&mut s, &format!("ip link add br{k} type bridge"));
                must(&mut s, &format!("ip link set br{k} up"));
                must(
                    &mut s,
                    &format!("ip link add up{k} type veth peer name dn{k}"),
                );
                must(&mut s, &format!("ip link set up{k} master br{k}"));
                must(&mut s, &format!("ip link set dn{k} master br0"));
                must(&mut s, &format!("ip link set up{k} up"));
                must(&mut s, &format!("ip link set dn{k} up"));
            }
            format!("br{k}")
        };
        must(&mut s, &format!("ip netns add ns{i}"));
        must(
            &mut s,
            &format!("ip link add v{i} type veth peer name eth0 netns ns{i}"),
        );
        must(&mut s, &format!("ip link set v{i} master {br}"));
        must(&mut s, &format!("ip link set v{i} up"));
        must(
            &mut s,
            &format!("ip -n ns{i} addr add {}/8 dev eth0", host(i)),
        );
        must(&mut s, &format!("ip -n ns{i} link set eth0 up"));
    }
    s
}

/// One ping from the first namespace to the last, which must be answered.
pub fn ping_across(s: &mut Sim, n: usize) {
    let o = s.run_line(&format!("ip netns exec ns0 ping -c 1 {}", host(n - 1)));
    assert!(
        o.stdout().contains("1 received"),
        "ping across {n} namespaces failed: {}",
        o.combined()
    );
}

/// Build `n` namespaces on one bridge and ping across.
pub fn build_and_ping(n: usize) -> Sim {
    let mut s = build_star(n);
    ping_across(&mut s, n);
    s
}

/// A device by namespace name and device name.
pub fn dev(s: &Sim, ns: Option<&str>, name: &str) -> DeviceId {
    let id = ns_id(s, ns);
    s.world.dev_by_name(id, name).expect("device exists")
}

pub fn ns_id(s: &Sim, ns: Option<&str>) -> NetnsId {
    match ns {
        Some(n) => s.world.netns_by_name(n).expect("namespace exists"),
        None => s.world.init_ns(),
    }
}

/// An ICMP echo request frame between two MACs and addresses.
pub fn echo_frame(
    src_mac: [u8; 6],
    dst_mac: [u8; 6],
    src: Ipv4Addr,
    dst: Ipv4Addr,
    seq: u16,
) -> Vec<u8> {
    let pkt = Ipv4 {
        src,
        dst,
        ttl: 64,
        id: seq,
        tos: 0,
        l4: L4::Icmp(Icmp::echo(true, 0x4242, seq, vec![0u8; 56])),
    };
    wire::emit(&Frame {
        dst: dst_mac,
        src: src_mac,
        body: Body::Ipv4(pkt),
    })
}

/// A prepared stream of frames: inject `frames[k % len]` at `at`, run the engine dry.
#[derive(Debug)]
pub struct Stream {
    pub sim: Sim,
    pub at: Vec<DeviceId>,
    pub frames: Vec<Vec<u8>>,
}

impl Stream {
    /// Inject `count` frames one after the other, letting each one (and its answers) finish;
    /// returns the number of frames the engine moved.
    pub fn run(&mut self, count: usize) -> u64 {
        let mut moved = 0;
        for k in 0..count {
            let i = k % self.frames.len();
            self.sim.engine.begin_command();
            engine::inject(&mut self.sim, self.at[i], self.frames[i].clone());
            engine::run_for(&mut self.sim, 1_000_000);
            moved += self.sim.engine.frames;
        }
        moved
    }
}

/// Two namespaces `a` and `b` joined by a veth pair; echo requests from a arrive at b.
pub fn veth_pair() -> Stream {
    let mut s = sim();
    for l in [
        "ip netns add a",
        "ip netns add b",
        "ip link add eth0 netns a type veth peer name eth0 netns b",
        "ip -n a addr add 10.0.0.1/24 dev eth0",
        "ip -n b addr add 10.0.0.2/24 dev eth0",
        "ip -n a link set eth0 up",
        "ip -n b link set eth0 up",
        "ip netns exec a ping -c 1 10.0.0.2",
    ] {
        must(&mut s, l);
    }
    let (a, b) = (dev(&s, Some("a"), "eth0"), dev(&s, Some("b"), "eth0"));
    let f = echo_frame(
        s.world.dev(a).mac,
        s.world.dev(b).mac,
        "10.0.0.1".parse().unwrap(),
        "10.0.0.2".parse().unwrap(),
        1,
    );
    Stream {
        sim: s,
        at: vec![b],
        frames: vec![f],
    }
}

/// A bridge with `ports` ports, one namespace behind each; echo requests from namespace i
/// to namespace i+1 enter at port i (the bridge has learned every MAC).
pub fn bridge(ports: usize) -> Stream {
    let mut s = build_star(ports);
    // Teach the bridge every MAC (and every namespace its neighbour).
    for i in 0..ports {
        must(
            &mut s,
            &format!("ip netns exec ns{i} ping -c 1 {}", host((i + 1) % ports)),
        );
    }
    let mut at = Vec::new();
    let mut frames = Vec::new();
    for i in 0..ports {
        let j = (i + 1) % ports;
        let (a, b) = (
            dev(&s, Some(&format!("ns{i}")), "eth0"),
            dev(&s, Some(&format!("ns{j}")), "eth0"),
        );
        at.push(dev(&s, None, &format!("v{i}")));
        frames.push(echo_frame(
            s.world.dev(a).mac,
            s.world.dev(b).mac,
            host(i),
            host(j),
            i as u16,
        ));
    }
    Stream { sim: s, at, frames }
}

/// `lan` -- router `r` -- `wan`, with MASQUERADE out of the wan side and `rules` FORWARD
/// rules that do not match before an ACCEPT (policy DROP). Echo requests from lan enter at
/// the router's lan port.
pub fn router(rules: usize) -> Stream {
    let mut s = sim();
    for l in [
        "ip netns add lan",
        "ip netns add r",
        "ip netns add wan",
        "ip link add eth0 netns lan type veth peer name eth0 netns r",
        "ip link add eth1 netns r type veth peer name eth0 netns wan",
        "ip -n lan addr add 192.168.1.2/24 dev eth0",
        "ip -n r addr add 192.168.1.1/24 dev eth0",
        "ip -n r addr add 203.0.113.1/24 dev eth1",
        "ip -n wan addr add 203.0.113.2/24 dev eth0",
        "ip -n lan link set eth0 up",
        "ip -n r link set eth0 up",
        "ip -n r link set eth1 up",
        "ip -n wan link set eth0 up",
        "ip -n lan route add default via 192.168.1.1",
        "ip netns exec r sysctl -q -w net.ipv4.ip_forward=1",
    ] {
        must(&mut s, l);
    }
    let r = ns_id(&s, Some("r"));
    let mut text = String::from("*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n-A POSTROUTING -o eth1 -j MASQUERADE\nCOMMIT\n");
    text.push_str("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n");
    for i in 0..rules {
        // A realistic mix: ports, addresses and interfaces that this traffic never matches.
        match i % 4 {
            0 => text.push_str(&format!(
                "-A FORWARD -p tcp -m tcp --dport {} -j DROP\n",
                1 + i % 60000
            )),
            1 => text.push_str(&format!(
                "-A FORWARD -s 172.{}.{}.0/24 -j DROP\n",
                16 + (i / 256) % 16,
                i % 256
            )),
            2 => text.push_str(&format!("-A FORWARD -i veth{i} -j ACCEPT\n")),
            _ => text.push_str(&format!(
                "-A FORWARD -d 198.51.{}.{}/32 -p udp -m udp --dport 53 -j ACCEPT\n",
                (i / 256) % 256,
                i % 256
            )),
        }
    }
    text.push_str("-A FORWARD -i eth0 -o eth1 -j ACCEPT\n-A FORWARD -i eth1 -o eth0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\nCOMMIT\n");
    restore(&mut s.world.ns_mut(r).nf, &text, RestoreFlags::default()).expect("rules load");
    must(&mut s, "ip netns exec lan ping -c 1 203.0.113.2");
    let (a, b) = (dev(&s, Some("lan"), "eth0"), dev(&s, Some("r"), "eth0"));
    let f = echo_frame(
        s.world.dev(a).mac,
        s.world.dev(b).mac,
        "192.168.1.2".parse().unwrap(),
        "203.0.113.2".parse().unwrap(),
        7,
    );
    Stream {
        sim: s,
        at: vec![b],
        frames: vec![f],
    }
}

/// The inputs that used to cost quadratic time (issue: hardening). Each returns a fresh
/// simulator and the command line to time, so the timing covers exactly one command.
pub mod former_quadratic {
    use super::*;

    /// An `iptables-save` file with `n` filter rules, each different.
    pub fn rules_text(n: usize) -> String {
        let mut t = String::from(
            "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n",
        );
        for i in 0..n {
            t.push_str(&format!(
                "-A INPUT -s 10.{}.{}.{}/32 -p tcp -m tcp --dport {} -j ACCEPT\n",
                (i >> 16) & 255,
                (i >> 8) & 255,
                i & 255,
                1 + i % 60_000
            ));
        }
        t.push_str("COMMIT\n");
        t
    }

    /// `iptables-restore < rules` of `n` rules.
    pub fn restore(n: usize) -> (Sim, String) {
        let mut s = sim();
        s.files.insert("rules".into(), rules_text(n));
        (s, "iptables-restore < rules".into())
    }

    /// `n` nested `ip netns exec a` around `ip link` (peeled without recursion).
    pub fn nested_exec(n: usize) -> (Sim, String) {
        let mut s = sim();
        must(&mut s, "ip netns add a");
        (
            s,
            format!("{}ip -br link show lo", "ip netns exec a ".repeat(n)),
        )
    }

    /// A chain of `n` rules built with `iptables -A`, one command each; returns the time.
    pub fn appends(n: usize) -> std::time::Duration {
        let mut s = sim();
        let start = std::time::Instant::now();
        for i in 0..n {
            let o = s.run_line(&format!(
                "iptables -A INPUT -s 10.{}.{}.{}/32 -j ACCEPT",
                (i >> 16) & 255,
                (i >> 8) & 255,
                i & 255
            ));
            assert_eq!(o.status, 0);
        }
        start.elapsed()
    }
}

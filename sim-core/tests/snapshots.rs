//! Snapshot tests (insta) of outputs whose exact bytes matter: `ip addr` after the notes'
//! set-up, the trace of a ping between two namespaces and across a flooding bridge, and
//! `iptables -S` / `iptables-save` of a small ruleset. The `.snap` files beside this test are
//! the expectations; a mismatch fails `cargo test` (`cargo insta review` updates them).

use sim_core::{Sim, SimConfig};

/// Run set-up lines that must succeed.
fn setup(sim: &mut Sim, lines: &[&str]) {
    for l in lines {
        let o = sim.run_line(l);
        assert_eq!(o.status, 0, "`{l}`: {}", o.combined());
    }
}

/// The notes' walkthrough set-up: two namespaces joined by a veth pair.
fn two_namespaces(trace: bool) -> Sim {
    let mut sim = Sim::new(SimConfig {
        trace,
        ..Default::default()
    });
    setup(
        &mut sim,
        &[
            "ip netns add ns0",
            "ip netns exec ns0 ip link set lo up",
            "ip link add type veth",
            "ip netns add ns1",
            "ip link set veth0 netns ns0",
            "ip link set veth1 netns ns1",
            "ip netns exec ns0 ip link set veth0 up",
            "ip netns exec ns0 ip addr add 10.0.1.1/24 dev veth0",
            "ip netns exec ns1 ip link set veth1 up",
            "ip netns exec ns1 ip addr add 10.0.1.2/24 dev veth1",
        ],
    );
    sim
}

/// A command's output followed by its trace, one step a line.
fn traced(sim: &mut Sim, line: &str) -> String {
    let o = sim.run_line(line);
    let mut s = format!("$ {line}\n{}[{}]\n", o.combined(), o.status);
    for l in sim.trace.lines() {
        s.push_str(&l);
        s.push('\n');
    }
    s
}

#[test]
fn ip_addr_after_the_notes_setup() {
    let mut sim = two_namespaces(false);
    let a = sim.run_line("ip netns exec ns0 ip addr").combined();
    let b = sim.run_line("ip netns exec ns1 ip addr").combined();
    insta::assert_snapshot!(format!(
        "$ ip netns exec ns0 ip addr\n{a}$ ip netns exec ns1 ip addr\n{b}"
    ));
}

#[test]
fn trace_of_a_ping_between_two_namespaces() {
    let mut sim = two_namespaces(true);
    insta::assert_snapshot!(traced(&mut sim, "ip netns exec ns0 ping -c 1 10.0.1.2"));
}

#[test]
fn trace_of_a_ping_across_a_flooding_bridge() {
    let mut sim = Sim::new(SimConfig {
        trace: true,
        ..Default::default()
    });
    let mut lines = vec![
        "ip link add br0 type bridge".to_string(),
        "ip link set br0 up".to_string(),
    ];
    for i in 0..3 {
        lines.extend([
            format!("ip netns add h{i}"),
            format!("ip link add v{i} type veth peer name eth0 netns h{i}"),
            format!("ip link set v{i} master br0"),
            format!("ip link set v{i} up"),
            format!("ip -n h{i} addr add 10.0.0.{}/24 dev eth0", i + 1),
            format!("ip -n h{i} link set eth0 up"),
        ]);
    }
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    setup(&mut sim, &lines);
    // The ARP request is broadcast (flooded to v1 and v2); the reply and the echo are
    // unicast to learned ports; h2 sees the request and stays silent.
    insta::assert_snapshot!(traced(&mut sim, "ip netns exec h0 ping -c 1 10.0.0.2"));
}

#[test]
fn iptables_listing_and_save() {
    let mut sim = Sim::new(SimConfig::default());
    setup(
        &mut sim,
        &[
            "iptables -P FORWARD DROP",
            "iptables -N LOGDROP",
            "iptables -A LOGDROP -j DROP",
            "iptables -A INPUT -i lo -j ACCEPT",
            "iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT",
            "iptables -A INPUT -p tcp --dport 22 -j ACCEPT",
            "iptables -A INPUT -p icmp -j ACCEPT",
            "iptables -A INPUT -j LOGDROP",
            "iptables -A FORWARD -s 10.0.0.0/24 -o eth0 -j ACCEPT",
            "iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -o eth0 -j MASQUERADE",
            "iptables -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 10.0.0.2:80",
        ],
    );
    let s = sim.run_line("iptables -S");
    let n = sim.run_line("iptables -t nat -S");
    let save = sim.run_line("iptables-save");
    assert_eq!((s.status, n.status, save.status), (0, 0, 0));
    insta::assert_snapshot!(format!(
        "$ iptables -S\n{}$ iptables -t nat -S\n{}$ iptables-save\n{}",
        s.combined(),
        n.combined(),
        save.combined()
    ));
}

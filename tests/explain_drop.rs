//! `netsim explain-drop`: after each command that lost frames, the step that dropped each
//! one: here the REJECT rule as `iptables -S` prints it, a DROP policy and a missing route.

use std::process::Command;

const SCENARIO: &str = "\
A router ns1 between ns0 and ns2 with a small firewall.
$ ip netns add ns0
$ ip netns add ns1
$ ip netns add ns2
$ ip link add veth0 netns ns0 type veth peer name veth1 netns ns1
$ ip link add veth2 netns ns1 type veth peer name veth3 netns ns2
$ ip -n ns0 addr add 10.0.1.2/24 dev veth0
$ ip -n ns1 addr add 10.0.1.1/24 dev veth1
$ ip -n ns1 addr add 10.0.2.1/24 dev veth2
$ ip -n ns2 addr add 10.0.2.2/24 dev veth3
$ ip -n ns0 link set veth0 up
$ ip -n ns1 link set veth1 up
$ ip -n ns1 link set veth2 up
$ ip -n ns2 link set veth3 up
$ ip -n ns0 route add default via 10.0.1.1
$ ip -n ns2 route add default via 10.0.2.1
$ ip netns exec ns1 sysctl -w net.ipv4.ip_forward=1
$ ip netns exec ns1 iptables -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
$ ip netns exec ns1 iptables -A FORWARD -p icmp -j ACCEPT
$ ip netns exec ns1 iptables -A FORWARD -p tcp --dport 22 -j REJECT --reject-with tcp-reset
$ ip netns exec ns1 iptables -P FORWARD DROP
$ ip netns exec ns0 ping -c 1 10.0.2.2
$ ip netns exec ns0 nc -z -v -w 1 10.0.2.2 22
$ ip netns exec ns0 nc -z -v -w 1 10.0.2.2 80
$ ip netns exec ns0 ping -c 1 10.9.9.9
";

fn explain(scenario: &str) -> String {
    // One directory per call: the tests run in parallel.
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("netsim-explain-drop-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("fw.t");
    std::fs::write(&file, scenario).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_netsim"))
        .arg("explain-drop")
        .arg(&file)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The lines explain-drop printed after the command `cmd`.
fn drops_after(text: &str, cmd: &str) -> Vec<String> {
    let start = text
        .find(&format!("$ {cmd}\n"))
        .unwrap_or_else(|| panic!("no `{cmd}` in:\n{text}"));
    let rest = &text[start + cmd.len() + 3..];
    let end = rest.find("\n$ ").map_or(rest.len(), |e| e + 1);
    rest[..end]
        .lines()
        .filter(|l| l.starts_with("  dropped at "))
        .map(str::to_string)
        .collect()
}

#[test]
fn explain_drop_names_the_rule_the_policy_and_the_missing_route() {
    let t = explain(SCENARIO);
    assert_eq!(
        drops_after(&t, "ip netns exec ns0 ping -c 1 10.0.2.2"),
        Vec::<String>::new(),
        "{t}"
    );
    assert_eq!(
        drops_after(&t, "ip netns exec ns0 nc -z -v -w 1 10.0.2.2 22"),
        ["  dropped at ns1: filter FORWARD rule 3: -A FORWARD -p tcp -m tcp --dport 22 -j REJECT --reject-with tcp-reset -> REJECT"],
        "{t}"
    );
    assert_eq!(
        drops_after(&t, "ip netns exec ns0 nc -z -v -w 1 10.0.2.2 80"),
        ["  dropped at ns1: filter FORWARD policy DROP"],
        "{t}"
    );
    assert_eq!(
        drops_after(&t, "ip netns exec ns0 ping -c 1 10.9.9.9"),
        ["  dropped at ns1/veth1: no route to 10.9.9.9: ICMP net unreachable"],
        "{t}"
    );
}

#[test]
fn explain_drop_names_ip_forward_off() {
    let s = SCENARIO.replace("$ ip netns exec ns1 sysctl -w net.ipv4.ip_forward=1\n", "");
    let t = explain(&s);
    assert_eq!(
        drops_after(&t, "ip netns exec ns0 ping -c 1 10.0.2.2"),
        ["  dropped at ns1/veth1: not for this host and net.ipv4.ip_forward=0: dropped"],
        "{t}"
    );
}

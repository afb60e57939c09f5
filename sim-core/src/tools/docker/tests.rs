//! Unit tests of docker: removal leaves nothing behind, conflicts, unknown names, bad -p,
//! and a published port reached through DNAT from another namespace.

use std::net::Ipv4Addr;

use crate::engine::sockets::Proto;
use crate::shell::{Output, Sim, SimConfig};

fn sim() -> Sim {
    Sim::new(SimConfig::default())
}

fn ok(sim: &mut Sim, line: &str) -> String {
    let o = sim.run_line(line);
    assert_eq!(o.status, 0, "{line}: {}", o.combined());
    o.stdout()
}

fn run(sim: &mut Sim, line: &str) -> Output {
    sim.run_line(line)
}

/// Everything that `docker run` may leave in the kernel: links, namespaces, rules, entries.
fn kernel_state(sim: &mut Sim) -> String {
    let mut s = String::new();
    // Link names and IPv4 addresses (docker0's state and MAC follow its ports, as in Linux:
    // a bridge whose last port left is NO-CARRIER with a zero MAC).
    for c in ["ip -br link", "ip -br addr"] {
        let o = sim.run_line(c);
        for l in o.stdout().lines() {
            let w: Vec<&str> = l.split_whitespace().collect();
            let v4: Vec<&str> = w
                .iter()
                .skip(2)
                .copied()
                .filter(|x| x.contains('.') && !x.contains(':'))
                .collect();
            s.push_str(&format!("{} {}\n", w[0], v4.join(" ")));
        }
    }
    for c in [
        "ip netns list",
        "iptables -S",
        "iptables -t nat -S",
        "iptables -t raw -S",
        "conntrack -L",
    ] {
        let o = sim.run_line(c);
        s.push_str(&format!("$ {c}\n{}", o.stdout()));
    }
    s
}

#[test]
fn stop_and_rm_leave_nothing_behind() {
    let mut s = sim();
    ok(&mut s, "docker ps");
    let before = kernel_state(&mut s);
    ok(&mut s, "docker run -d --name web -p 8080:80 nginx");
    ok(&mut s, "docker run -d --name app busybox sleep 3600");
    ok(&mut s, "docker exec app ping -c 1 172.17.0.2");
    ok(&mut s, "ping -c 1 172.17.0.3");
    let during = kernel_state(&mut s);
    assert!(during.contains("veth"), "{during}");
    assert!(
        during.contains("DNAT --to-destination 172.17.0.2:80"),
        "{during}"
    );
    assert!(during.contains("src=172.17.0.3"), "{during}");
    ok(&mut s, "docker stop web");
    ok(&mut s, "docker rm -f app");
    ok(&mut s, "docker rm web");
    assert_eq!(kernel_state(&mut s), before);
    assert!(s.docker.containers.is_empty());
    // The addresses were released: the next container gets 172.17.0.2 again.
    ok(&mut s, "docker run -d --name again busybox sleep 1");
    assert_eq!(
        ok(
            &mut s,
            "docker inspect -f '{{.NetworkSettings.IPAddress}}' again"
        ),
        "172.17.0.2\n"
    );
}

#[test]
fn user_network_removal_leaves_nothing_behind() {
    let mut s = sim();
    ok(&mut s, "docker ps");
    let before = kernel_state(&mut s);
    ok(&mut s, "docker network create net1");
    ok(
        &mut s,
        "docker run -d --name a --network net1 -p 9000:80 nginx",
    );
    assert_eq!(
        ok(
            &mut s,
            "docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' a"
        ),
        "172.18.0.2\n"
    );
    ok(&mut s, "docker rm -f a");
    ok(&mut s, "docker network rm net1");
    assert_eq!(kernel_state(&mut s), before);
}

#[test]
fn conflicts_are_refused_with_dockers_messages() {
    let mut s = sim();
    ok(&mut s, "docker run -d --name web -p 8080:80 nginx");
    let o = run(&mut s, "docker run -d --name web nginx");
    assert_eq!(o.status, 125);
    assert!(o.stderr().starts_with("docker: Error response from daemon: Conflict. The container name \"/web\" is already in use by container \""), "{}", o.combined());
    let o = run(&mut s, "docker run -d --name web2 -p 8080:81 nginx");
    assert_eq!(o.status, 125);
    assert!(
        o.stderr()
            .contains("Bind for 0.0.0.0:8080 failed: port is already allocated"),
        "{}",
        o.combined()
    );
    // Created, not started: it holds no port and no namespace.
    assert!(ok(&mut s, "docker ps -a").contains("Created"));
    assert_eq!(ok(&mut s, "ip netns list").lines().count(), 1);
    let o = run(&mut s, "docker rm web");
    assert_eq!(o.status, 1);
    assert!(o
        .stderr()
        .contains("container is running: stop the container before removing or force remove"));
    let o = run(&mut s, "docker run -d --name h --network host -p 1:2 nginx");
    assert_eq!(o.status, 0);
    assert_eq!(
        o.stderr(),
        "WARNING: Published ports are discarded when using host network mode\n"
    );
    let o = run(&mut s, "docker network create bridge");
    assert_eq!(
        o.stderr(),
        "Error response from daemon: network with name bridge already exists\n"
    );
}

#[test]
fn unknown_names_and_bad_publish_specs() {
    let mut s = sim();
    for (line, want, status) in [
        ("docker stop nosuch", "Error response from daemon: No such container: nosuch\n", 1),
        ("docker rm nosuch", "Error response from daemon: No such container: nosuch\n", 1),
        ("docker exec nosuch ip addr", "Error response from daemon: No such container: nosuch\n", 1),
        ("docker inspect -f '{{.Id}}' nosuch", "Error: No such object: nosuch\n", 1),
        (
            "docker run -d --network nosuch busybox sleep 1",
            "docker: Error response from daemon: network nosuch not found\n\nRun 'docker run --help' for more information\n",
            125,
        ),
        ("docker run -d -p 8080:abc nginx", "docker: invalid containerPort: abc\n\nRun 'docker run --help' for more information\n", 125),
        ("docker run -d -p x:80 nginx", "docker: invalid hostPort: x\n\nRun 'docker run --help' for more information\n", 125),
        ("docker run -d -p 80:80/icmp nginx", "docker: invalid proto: icmp\n\nRun 'docker run --help' for more information\n", 125),
        ("docker run -d -p 1.2.3:80:80 nginx", "docker: invalid IP address: 1.2.3\n\nRun 'docker run --help' for more information\n", 125),
    ] {
        let o = run(&mut s, line);
        assert_eq!((o.combined().as_str(), o.status), (want, status), "{line}");
    }
    assert!(s.docker.containers.is_empty());
    // Forms the simulator does not model are refused by name.
    assert_eq!(run(&mut s, "docker run --name fg nginx").status, 127);
    assert_eq!(run(&mut s, "docker inspect web").status, 127);
    assert_eq!(run(&mut s, "explain ls").status, 127);
}

#[test]
fn explain_predicts_and_changes_nothing() {
    let mut s = sim();
    let e = ok(&mut s, "explain docker run -d --name web -p 8080:80 nginx");
    assert!(e.starts_with("iptables -t nat -N DOCKER\n"), "{e}");
    assert!(e.contains("\nip link add docker0 type bridge\n"), "{e}");
    assert!(!s.docker.started && s.docker.containers.is_empty());
    assert_eq!(
        ok(&mut s, "ip -br link"),
        "lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> \n"
    );
    ok(&mut s, "docker run -d --name web -p 8080:80 nginx");
    let id = s.docker.containers[0].id[..12].to_string();
    let veth = s.docker.containers[0]
        .endpoint
        .as_ref()
        .expect("endpoint")
        .veth
        .clone();
    assert!(
        e.contains(&format!("ip netns add {id}\n"))
            && e.contains(&format!("ip link add {veth} type veth")),
        "{e}"
    );
    assert_eq!(veth.len(), 11);
}

#[test]
fn published_port_is_reached_through_dnat() {
    let mut s = sim();
    for l in [
        "ip netns add outside",
        "ip link add uplink type veth peer name ext0",
        "ip link set ext0 netns outside",
        "ip addr add 192.0.2.1/24 dev uplink",
        "ip link set uplink up",
        "ip netns exec outside ip addr add 192.0.2.2/24 dev ext0",
        "ip netns exec outside ip link set ext0 up",
        "docker run -d --name web -p 8080:80 nginx",
    ] {
        ok(&mut s, l);
    }
    let outside = s.world.netns_by_name("outside").expect("outside");
    let cns = s
        .world
        .netns_by_name(&s.docker.containers[0].id[..12])
        .expect("container ns");
    assert!(s
        .world
        .ns(cns)
        .sockets
        .listener(Proto::Tcp, Ipv4Addr::new(172, 17, 0, 2), 80)
        .is_some());
    let syn = crate::wire::TcpFlags {
        syn: true,
        ..Default::default()
    };
    crate::engine::send_tcp(
        &mut s,
        outside,
        (Ipv4Addr::new(192, 0, 2, 2), 40000),
        (Ipv4Addr::new(192, 0, 2, 1), 8080),
        1,
        0,
        syn,
    );
    crate::engine::run_for(&mut s, 1_000_000_000);
    let socks = &s.world.ns(cns).sockets;
    assert!(
        socks
            .tcp
            .iter()
            .any(|c| c.local == (Ipv4Addr::new(172, 17, 0, 2), 80)
                && c.remote == (Ipv4Addr::new(192, 0, 2, 2), 40000)),
        "{:?}",
        socks.tcp
    );
    let ct = ok(&mut s, "conntrack -L -p tcp");
    assert!(ct.contains("dst=192.0.2.1 sport=40000 dport=8080 src=172.17.0.2 dst=192.0.2.2 sport=80 dport=40000"), "{ct}");
    // Stopping deletes the entry with the rules.
    ok(&mut s, "docker stop web");
    assert_eq!(ok(&mut s, "conntrack -L -p tcp"), "");
}

#[test]
fn container_mode_shares_the_namespace_and_its_listener() {
    let mut s = sim();
    ok(&mut s, "docker run -d --name web nginx");
    ok(
        &mut s,
        "docker run -d --name side --network container:web busybox sleep 3600",
    );
    assert_eq!(
        ok(&mut s, "docker exec side ip -br addr"),
        ok(&mut s, "docker exec web ip -br addr")
    );
    let ns = s
        .world
        .netns_by_name(&s.docker.containers[0].id[..12])
        .expect("ns");
    assert!(s
        .world
        .ns(ns)
        .sockets
        .listener(Proto::Tcp, Ipv4Addr::LOCALHOST, 80)
        .is_some());
    ok(&mut s, "docker rm -f web");
    assert_eq!(run(&mut s, "docker exec side ip addr").status, 127);
}

/// The rules of moby v28.5.2's generated docs
/// (integration/network/bridge/iptablesdoc/generated/usernet-portmap.md: "Container on a
/// user-defined network, with a published port"), with the simulator's bridge name for
/// `bridge1` and the FORWARD policy DROP that the daemon sets when it turns ip_forward on.
const USERNET_PORTMAP_V28_5_2: &str = "\
-P INPUT ACCEPT
-P FORWARD DROP
-P OUTPUT ACCEPT
-N DOCKER
-N DOCKER-BRIDGE
-N DOCKER-CT
-N DOCKER-FORWARD
-N DOCKER-ISOLATION-STAGE-1
-N DOCKER-ISOLATION-STAGE-2
-N DOCKER-USER
-A FORWARD -j DOCKER-USER
-A FORWARD -j DOCKER-FORWARD
-A DOCKER -d 192.0.2.2/32 ! -i bridge1 -o bridge1 -p tcp -m tcp --dport 80 -j ACCEPT
-A DOCKER ! -i docker0 -o docker0 -j DROP
-A DOCKER ! -i bridge1 -o bridge1 -j DROP
-A DOCKER-BRIDGE -o docker0 -j DOCKER
-A DOCKER-BRIDGE -o bridge1 -j DOCKER
-A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A DOCKER-CT -o bridge1 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A DOCKER-FORWARD -j DOCKER-CT
-A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1
-A DOCKER-FORWARD -j DOCKER-BRIDGE
-A DOCKER-FORWARD -i docker0 -j ACCEPT
-A DOCKER-FORWARD -i bridge1 -j ACCEPT
-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
-A DOCKER-ISOLATION-STAGE-1 -i bridge1 ! -o bridge1 -j DOCKER-ISOLATION-STAGE-2
-A DOCKER-ISOLATION-STAGE-2 -o bridge1 -j DROP
-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
-P PREROUTING ACCEPT
-P INPUT ACCEPT
-P OUTPUT ACCEPT
-P POSTROUTING ACCEPT
-N DOCKER
-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
-A POSTROUTING -s 192.0.2.0/24 ! -o bridge1 -j MASQUERADE
-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
-A DOCKER -i bridge1 -j RETURN
-A DOCKER -i docker0 -j RETURN
-A DOCKER ! -i bridge1 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.0.2.2:80
-P PREROUTING ACCEPT
-P OUTPUT ACCEPT
-A PREROUTING -d 192.0.2.2/32 ! -i bridge1 -j DROP
";

fn all_tables(s: &mut Sim) -> String {
    let mut out = String::new();
    for t in ["filter", "nat", "raw"] {
        out.push_str(&ok(s, &format!("iptables -t {t} -S")));
    }
    out
}

#[test]
fn rules_are_those_of_docker_28_5_2() {
    let mut s = sim();
    ok(
        &mut s,
        "docker network create --subnet 192.0.2.0/24 bridge1",
    );
    ok(
        &mut s,
        "docker run -d --name c1 --network bridge1 -p 8080:80 nginx",
    );
    let br = s
        .docker
        .networks
        .iter()
        .find(|n| n.name == "bridge1")
        .and_then(|n| n.bridge.clone());
    let br = br.expect("bridge1 has a bridge");
    assert_eq!(
        all_tables(&mut s).replace(&br, "bridge1"),
        USERNET_PORTMAP_V28_5_2
    );
    // Stopping the container takes away exactly its rules; removing the network, the rest of
    // bridge1's: what is left is new-daemon.md's rule set.
    ok(&mut s, "docker rm -f c1");
    ok(&mut s, "docker network rm bridge1");
    let expect: String = USERNET_PORTMAP_V28_5_2
        .lines()
        .filter(|l| !l.contains("bridge1") && !l.contains("192.0.2.2"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(all_tables(&mut s), expect);
}

#[test]
fn loopback_published_port_gets_the_raw_loopback_filter() {
    let mut s = sim();
    ok(&mut s, "docker ps");
    let before = kernel_state(&mut s);
    ok(
        &mut s,
        "docker run -d --name web -p 127.0.0.1:8080:80 nginx",
    );
    assert_eq!(
        ok(&mut s, "iptables -t raw -S PREROUTING"),
        "-P PREROUTING ACCEPT\n\
         -A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP\n\
         -A PREROUTING -d 127.0.0.1/32 ! -i lo -p tcp -m tcp --dport 8080 -j DROP\n"
    );
    ok(&mut s, "docker rm -f web");
    assert_eq!(kernel_state(&mut s), before);
}

#[test]
fn bindings_are_programmed_in_dockers_order() {
    let mut s = sim();
    ok(
        &mut s,
        "docker run -d --name web -p 9090:443/udp -p 8443:443 -p 8080:80 nginx",
    );
    // Sorted by container port, then tcp before udp; each ACCEPT is inserted at the head of
    // DOCKER, each DNAT appended to nat DOCKER.
    assert_eq!(
        ok(&mut s, "iptables -S DOCKER"),
        "-N DOCKER\n\
         -A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p udp -m udp --dport 443 -j ACCEPT\n\
         -A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 443 -j ACCEPT\n\
         -A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT\n\
         -A DOCKER ! -i docker0 -o docker0 -j DROP\n"
    );
    assert_eq!(
        ok(&mut s, "iptables -t nat -S DOCKER"),
        "-N DOCKER\n\
         -A DOCKER -i docker0 -j RETURN\n\
         -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80\n\
         -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8443 -j DNAT --to-destination 172.17.0.2:443\n\
         -A DOCKER ! -i docker0 -p udp -m udp --dport 9090 -j DNAT --to-destination 172.17.0.2:443\n"
    );
}

use super::*;
use crate::tools::iptables::run_nf;
use crate::wire::{Icmp, Tcp, TcpFlags};

fn ipt(nf: &mut Netfilter, line: &str) {
    let args: Vec<&str> = line.split_whitespace().collect();
    let o = run_nf(nf, &args);
    assert_eq!(o.status, 0, "{line}: {}", o.combined());
}

fn ctx(hook: Hook, now: Nanos) -> HookCtx {
    HookCtx {
        hook,
        in_dev: matches!(hook, Hook::PreRouting | Hook::LocalIn | Hook::Forward)
            .then(|| "veth0".into()),
        out_dev: matches!(hook, Hook::LocalOut | Hook::PostRouting | Hook::Forward)
            .then(|| "veth1".into()),
        physdev_in: None,
        physdev_out: None,
        bridged: false,
        src_mac: None,
        pkt_type: PktType::Unicast,
        now,
        local_addrs: vec![Ipv4Addr::new(10, 0, 1, 1)],
        broadcast_addrs: vec![],
        masq_src: Some(Ipv4Addr::new(192, 168, 0, 1)),
        in_addr: None,
        trace: false,
    }
}

fn ping(src: [u8; 4], dst: [u8; 4], req: bool) -> Ipv4 {
    Ipv4 {
        src: src.into(),
        dst: dst.into(),
        ttl: 64,
        id: 1,
        tos: 0,
        l4: L4::Icmp(Icmp::echo(req, 7, 1, vec![0; 56])),
    }
}

fn tcp(src: [u8; 4], sport: u16, dst: [u8; 4], dport: u16, syn: bool, ack: bool) -> Ipv4 {
    let flags = TcpFlags {
        syn,
        ack,
        ..Default::default()
    };
    Ipv4 {
        src: src.into(),
        dst: dst.into(),
        ttl: 64,
        id: 1,
        tos: 0,
        l4: L4::Tcp(Tcp {
            sport,
            dport,
            seq: 1,
            ack: 0,
            flags,
            window: 64240,
            options: vec![],
            payload: vec![],
        }),
    }
}

#[test]
fn counters_policy_and_reject() {
    let mut nf = Netfilter::default();
    assert!(!nf.is_active());
    ipt(
        &mut nf,
        "-A INPUT -p icmp --icmp-type echo-request -j REJECT --reject-with icmp-host-prohibited",
    );
    ipt(&mut nf, "-A INPUT -p tcp");
    let mut tr = Vec::new();
    let mut p = ping([10, 0, 1, 2], [10, 0, 1, 1], true);
    assert_eq!(
        nf.hook(&ctx(Hook::LocalIn, 0), &mut p, &mut tr),
        Verdict::Reject(RejectWith::Icmp { typ: 3, code: 10 })
    );
    let mut t = tcp([10, 0, 1, 2], 40000, [10, 0, 1, 1], 80, true, false);
    assert_eq!(
        nf.hook(&ctx(Hook::LocalIn, 0), &mut t, &mut tr),
        Verdict::Accept
    );
    let f = nf.table(TableId::Filter);
    let c = f.chain("INPUT").unwrap();
    assert_eq!((c.rules[0].pkts, c.rules[0].bytes), (1, 84));
    assert_eq!((c.rules[1].pkts, c.rules[1].bytes), (1, 40));
    // iptables-nft base chains count their policy only once `-P` recreated them.
    assert_eq!((c.pkts, c.bytes), (0, 0));
    ipt(&mut nf, "-P INPUT ACCEPT");
    let mut t = tcp([10, 0, 1, 2], 40001, [10, 0, 1, 1], 80, true, false);
    nf.hook(&ctx(Hook::LocalIn, 0), &mut t, &mut tr);
    let c = nf.table(TableId::Filter).chain("INPUT").unwrap();
    assert_eq!((c.pkts, c.bytes), (1, 40));
}

#[test]
fn user_chains_return_and_goto() {
    let mut nf = Netfilter::default();
    ipt(&mut nf, "-N a");
    ipt(&mut nf, "-N b");
    ipt(&mut nf, "-A a -p tcp -j RETURN");
    ipt(&mut nf, "-A a -j DROP");
    ipt(&mut nf, "-A b -j RETURN");
    ipt(&mut nf, "-A INPUT -j a");
    ipt(&mut nf, "-A INPUT -p tcp -g b");
    ipt(&mut nf, "-A INPUT -j DROP");
    ipt(&mut nf, "-P INPUT DROP");
    let mut tr = Vec::new();
    let mut t = tcp([1, 1, 1, 1], 1, [10, 0, 1, 1], 2, true, false);
    // a RETURNs, goto b RETURNs to the caller of INPUT: the policy (DROP) applies.
    assert_eq!(
        nf.hook(&ctx(Hook::LocalIn, 0), &mut t, &mut tr),
        Verdict::Drop
    );
    assert_eq!(nf.table(TableId::Filter).chain("INPUT").unwrap().pkts, 1);
    let mut p = ping([1, 1, 1, 1], [10, 0, 1, 1], true);
    assert_eq!(
        nf.hook(&ctx(Hook::LocalIn, 0), &mut p, &mut tr),
        Verdict::Drop
    );
    assert_eq!(
        nf.table(TableId::Filter).chain("a").unwrap().rules[1].pkts,
        1
    );
}

#[test]
fn masquerade_tracks_and_reverses() {
    let mut nf = Netfilter::default();
    ipt(&mut nf, "-t nat -A POSTROUTING -o veth1 -j MASQUERADE");
    ipt(
        &mut nf,
        "-A FORWARD -m conntrack --ctstate ESTABLISHED -j ACCEPT",
    );
    let mut tr = Vec::new();
    let mut syn = tcp([10, 0, 1, 2], 40000, [8, 8, 8, 8], 80, true, false);
    for h in [Hook::PreRouting, Hook::Forward, Hook::PostRouting] {
        assert_eq!(nf.hook(&ctx(h, 0), &mut syn, &mut tr), Verdict::Accept);
    }
    assert_eq!(syn.src, Ipv4Addr::new(192, 168, 0, 1));
    assert_eq!(syn.ports(), Some((40000, 80)));
    let mut synack = tcp([8, 8, 8, 8], 80, [192, 168, 0, 1], 40000, true, true);
    for h in [Hook::PreRouting, Hook::Forward, Hook::PostRouting] {
        assert_eq!(
            nf.hook(&ctx(h, 1000), &mut synack, &mut tr),
            Verdict::Accept
        );
    }
    assert_eq!(synack.dst, Ipv4Addr::new(10, 0, 1, 2));
    assert_eq!(
        nf.table(TableId::Filter).chain("FORWARD").unwrap().rules[0].pkts,
        1
    );
    let c = nf.ct.conns.values().next().unwrap();
    assert_eq!(
        conntrack::format_conn(c, 1000),
        "tcp      6 59 SYN_RECV src=10.0.1.2 dst=8.8.8.8 sport=40000 dport=80 src=8.8.8.8 dst=192.168.0.1 sport=80 dport=40000 mark=0 use=1"
    );
    // A second inside host with the same source port gets remapped (clash).
    let mut syn2 = tcp([10, 0, 1, 3], 40000, [8, 8, 8, 8], 80, true, false);
    for h in [Hook::PreRouting, Hook::Forward, Hook::PostRouting] {
        nf.hook(&ctx(h, 2000), &mut syn2, &mut tr);
    }
    assert_eq!(syn2.ports(), Some((40001, 80)));
}

#[test]
fn dnat_and_icmp_conntrack_expiry() {
    let mut nf = Netfilter::default();
    ipt(
        &mut nf,
        "-t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 10.0.2.2:80",
    );
    let mut tr = Vec::new();
    let mut syn = tcp([1, 2, 3, 4], 5555, [10, 0, 1, 1], 8080, true, false);
    nf.hook(&ctx(Hook::PreRouting, 0), &mut syn, &mut tr);
    assert_eq!(
        (syn.dst, syn.ports()),
        (Ipv4Addr::new(10, 0, 2, 2), Some((5555, 80)))
    );
    nf.hook(&ctx(Hook::Forward, 0), &mut syn, &mut tr);
    nf.hook(&ctx(Hook::PostRouting, 0), &mut syn, &mut tr);
    let mut reply = tcp([10, 0, 2, 2], 80, [1, 2, 3, 4], 5555, true, true);
    nf.hook(&ctx(Hook::PreRouting, 1), &mut reply, &mut tr);
    nf.hook(&ctx(Hook::Forward, 1), &mut reply, &mut tr);
    nf.hook(&ctx(Hook::PostRouting, 1), &mut reply, &mut tr);
    assert_eq!(
        (reply.src, reply.ports()),
        (Ipv4Addr::new(10, 0, 1, 1), Some((8080, 5555)))
    );
    // ICMP: 30 s on the virtual clock.
    let mut p = ping([10, 0, 1, 1], [10, 0, 1, 2], true);
    nf.hook(&ctx(Hook::LocalOut, 0), &mut p, &mut tr);
    nf.hook(&ctx(Hook::PostRouting, 0), &mut p, &mut tr);
    assert_eq!(nf.ct.conns.len(), 2);
    nf.ct.expire(31_000_000_000);
    assert_eq!(nf.ct.conns.len(), 1);
}

#[test]
fn limit_and_log() {
    let mut nf = Netfilter::default();
    ipt(
        &mut nf,
        "-A INPUT -m limit --limit 1/sec --limit-burst 2 -j LOG --log-prefix x:",
    );
    let mut tr = Vec::new();
    for _ in 0..5 {
        let mut p = ping([10, 0, 1, 2], [10, 0, 1, 1], true);
        nf.hook(&ctx(Hook::LocalIn, 1_000_000), &mut p, &mut tr);
    }
    assert_eq!(nf.log.len(), 2);
    assert!(
        nf.log[0]
            .text
            .starts_with("x:IN=veth0 OUT= SRC=10.0.1.2 DST=10.0.1.1 LEN=84 "),
        "{}",
        nf.log[0].text
    );
    let mut p = ping([10, 0, 1, 2], [10, 0, 1, 1], true);
    nf.hook(&ctx(Hook::LocalIn, 1_100_000_000), &mut p, &mut tr);
    assert_eq!(nf.log.len(), 3);
}

/// Adding rules one by one keeps the flags a full rescan (`rules_changed`) would compute.
#[test]
fn rule_added_agrees_with_a_full_rescan() {
    let commands = [
        "-A INPUT -p tcp --dport 22 -j ACCEPT",
        "-A INPUT -m addrtype --dst-type LOCAL -j ACCEPT",
        "-t nat -A PREROUTING -p tcp --dport 80 -j REDIRECT --to-ports 8080",
        "-A FORWARD -m conntrack --ctstate ESTABLISHED -j ACCEPT",
        "-t nat -A POSTROUTING -s 10.0.0.0/8 -j MASQUERADE",
        "-D INPUT 1",
        "-I INPUT -s 1.2.3.4 -j DROP",
        "-F INPUT",
        "-t nat -F",
        "-A OUTPUT -m state --state NEW -j ACCEPT",
    ];
    for start in 0..commands.len() {
        let mut nf = Netfilter::default();
        for c in &commands[start..] {
            let args: Vec<&str> = c.split_whitespace().collect();
            let _ = run_nf(&mut nf, &args); // some fail (nothing to delete): fine
            let (addrs, tracking) = (nf.needs_addrs, nf.tracking);
            nf.rules_changed();
            assert_eq!(
                (addrs, tracking),
                (nf.needs_addrs, nf.tracking),
                "after {c}"
            );
        }
    }
}

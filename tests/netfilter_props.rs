//! Property tests of netfilter: (a) for random rule sets and packets, the verdict is that of
//! the first matching terminal rule as a small reference evaluator here computes it, and the
//! counters of deciding rules and the policy add up to the packets sent; (b) for random flows
//! through SNAT, MASQUERADE or DNAT on a router namespace, replies are translated back (every
//! probe succeeds), no two connections share a translated tuple, and without NAT rules
//! nothing is rewritten.

use std::collections::BTreeSet;
use std::net::Ipv4Addr;

use proptest::prelude::*;
use sim_core::engine::netfilter::rules::{TableId, Target};
use sim_core::engine::netfilter::{Hook, HookCtx, Netfilter, PktType, Verdict};
use sim_core::tools::iptables::run_nf;
use sim_core::wire::{Icmp, Ipv4, Tcp, TcpFlags, Udp, L4};
use sim_core::{Sim, SimConfig};

// ------------------------------------------------------------------ (a) rule evaluation

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tgt {
    Accept,
    Drop,
    Return,
    /// User chain U0 or U1 (U0 may jump to U1, never back: no loops).
    Jump(usize),
}

#[derive(Debug, Clone)]
struct R {
    src: Option<(Ipv4Addr, u8)>,
    dst: Option<(Ipv4Addr, u8)>,
    /// 6, 17 or 1.
    proto: Option<u8>,
    /// Only with tcp or udp.
    dport: Option<u16>,
    in_if: Option<&'static str>,
    out_if: Option<&'static str>,
    tgt: Tgt,
}

#[derive(Debug, Clone)]
struct Pkt {
    src: Ipv4Addr,
    dst: Ipv4Addr,
    proto: u8,
    dport: u16,
    in_if: &'static str,
    out_if: &'static str,
}

const ADDRS: [[u8; 4]; 4] = [
    [10, 0, 0, 1],
    [10, 0, 0, 2],
    [10, 0, 1, 1],
    [192, 168, 1, 7],
];
const IFS: [&str; 2] = ["eth0", "eth1"];

fn prefix() -> impl Strategy<Value = Option<(Ipv4Addr, u8)>> {
    prop::option::of(
        (
            prop::sample::select(ADDRS.to_vec()),
            prop::sample::select(vec![8u8, 16, 24, 32]),
        )
            .prop_map(|(a, p)| {
                let m = if p == 0 { 0 } else { u32::MAX << (32 - p) };
                (Ipv4Addr::from(u32::from(Ipv4Addr::from(a)) & m), p)
            }),
    )
}

fn rule(chain: usize) -> impl Strategy<Value = R> {
    // FORWARD (chain 0) may jump to U0 or U1, U0 (chain 1) only to U1, U1 nowhere.
    let tgt = match chain {
        0 => prop_oneof![
            Just(Tgt::Accept),
            Just(Tgt::Drop),
            Just(Tgt::Return),
            Just(Tgt::Jump(0)),
            Just(Tgt::Jump(1))
        ]
        .boxed(),
        1 => prop_oneof![
            Just(Tgt::Accept),
            Just(Tgt::Drop),
            Just(Tgt::Return),
            Just(Tgt::Jump(1))
        ]
        .boxed(),
        _ => prop_oneof![Just(Tgt::Accept), Just(Tgt::Drop), Just(Tgt::Return)].boxed(),
    };
    (
        prefix(),
        prefix(),
        prop::option::of(prop::sample::select(vec![6u8, 17, 1])),
        prop::option::of(prop::sample::select(vec![22u16, 53, 80])),
        prop::option::of(prop::sample::select(IFS.to_vec())),
        prop::option::of(prop::sample::select(IFS.to_vec())),
        tgt,
    )
        .prop_map(|(src, dst, proto, dport, in_if, out_if, tgt)| R {
            src,
            dst,
            dport: dport.filter(|_| matches!(proto, Some(6 | 17))),
            proto,
            in_if,
            out_if,
            tgt,
        })
}

fn packet() -> impl Strategy<Value = Pkt> {
    (
        prop::sample::select(ADDRS.to_vec()),
        prop::sample::select(ADDRS.to_vec()),
        prop::sample::select(vec![6u8, 17, 1]),
        prop::sample::select(vec![22u16, 53, 80, 443]),
        prop::sample::select(IFS.to_vec()),
        prop::sample::select(IFS.to_vec()),
    )
        .prop_map(|(s, d, proto, dport, in_if, out_if)| Pkt {
            src: s.into(),
            dst: d.into(),
            proto,
            dport,
            in_if,
            out_if,
        })
}

fn rule_text(chain: &str, r: &R) -> String {
    let mut s = format!("-A {chain}");
    if let Some((a, p)) = r.src {
        s += &format!(" -s {a}/{p}");
    }
    if let Some((a, p)) = r.dst {
        s += &format!(" -d {a}/{p}");
    }
    if let Some(p) = r.proto {
        s += match p {
            6 => " -p tcp",
            17 => " -p udp",
            _ => " -p icmp",
        };
    }
    if let Some(d) = r.dport {
        s += &format!(" --dport {d}");
    }
    if let Some(i) = r.in_if {
        s += &format!(" -i {i}");
    }
    if let Some(o) = r.out_if {
        s += &format!(" -o {o}");
    }
    s += match r.tgt {
        Tgt::Accept => " -j ACCEPT",
        Tgt::Drop => " -j DROP",
        Tgt::Return => " -j RETURN",
        Tgt::Jump(0) => " -j U0",
        Tgt::Jump(_) => " -j U1",
    };
    s
}

fn in_prefix(a: Ipv4Addr, (n, p): (Ipv4Addr, u8)) -> bool {
    let m = if p == 0 { 0 } else { u32::MAX << (32 - p) };
    u32::from(a) & m == u32::from(n)
}

fn ref_matches(r: &R, p: &Pkt) -> bool {
    r.src.is_none_or(|x| in_prefix(p.src, x))
        && r.dst.is_none_or(|x| in_prefix(p.dst, x))
        && r.proto.is_none_or(|x| x == p.proto)
        && r.dport.is_none_or(|d| d == p.dport)
        && r.in_if.is_none_or(|i| i == p.in_if)
        && r.out_if.is_none_or(|o| o == p.out_if)
}

/// Walk one chain: `Some(accept?)` when a terminal rule decided, `None` when the chain ended
/// or returned.
fn ref_chain(chains: &[Vec<R>; 3], c: usize, p: &Pkt) -> Option<bool> {
    for r in &chains[c] {
        if !ref_matches(r, p) {
            continue;
        }
        match r.tgt {
            Tgt::Accept => return Some(true),
            Tgt::Drop => return Some(false),
            Tgt::Return => return None,
            Tgt::Jump(u) => {
                if let Some(v) = ref_chain(chains, u + 1, p) {
                    return Some(v);
                }
            }
        }
    }
    None
}

fn ref_verdict(chains: &[Vec<R>; 3], policy_accept: bool, p: &Pkt) -> bool {
    ref_chain(chains, 0, p).unwrap_or(policy_accept)
}

fn ipv4(p: &Pkt) -> Ipv4 {
    let l4 = match p.proto {
        6 => L4::Tcp(Tcp {
            sport: 40000,
            dport: p.dport,
            seq: 1,
            ack: 0,
            flags: TcpFlags {
                syn: true,
                ..Default::default()
            },
            window: 64240,
            options: vec![],
            payload: vec![],
        }),
        17 => L4::Udp(Udp {
            sport: 40000,
            dport: p.dport,
            payload: vec![0; 4],
        }),
        _ => L4::Icmp(Icmp::echo(true, 7, 1, vec![0; 8])),
    };
    Ipv4 {
        src: p.src,
        dst: p.dst,
        ttl: 64,
        id: 1,
        tos: 0,
        l4,
    }
}

fn ctx(p: &Pkt) -> HookCtx {
    HookCtx {
        hook: Hook::Forward,
        in_dev: Some(p.in_if.into()),
        out_dev: Some(p.out_if.into()),
        physdev_in: None,
        physdev_out: None,
        bridged: false,
        src_mac: None,
        pkt_type: PktType::Unicast,
        now: 0,
        local_addrs: vec![],
        broadcast_addrs: vec![],
        masq_src: None,
        in_addr: None,
        trace: false,
    }
}

fn ipt(nf: &mut Netfilter, line: &str) -> Result<(), TestCaseError> {
    let args: Vec<&str> = line.split_whitespace().collect();
    let o = run_nf(nf, &args);
    prop_assert_eq!(o.status, 0, "iptables {}: {}", line, o.combined());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn verdict_is_the_first_matching_terminal_rule(
        fwd in prop::collection::vec(rule(0), 0..8),
        u0 in prop::collection::vec(rule(1), 0..5),
        u1 in prop::collection::vec(rule(2), 0..5),
        policy_accept in any::<bool>(),
        pkts in prop::collection::vec(packet(), 1..24),
        trace in any::<bool>(),
    ) {
        let mut nf = Netfilter::default();
        ipt(&mut nf, "-N U0")?;
        ipt(&mut nf, "-N U1")?;
        ipt(&mut nf, &format!("-P FORWARD {}", if policy_accept { "ACCEPT" } else { "DROP" }))?;
        for (name, rules) in [("FORWARD", &fwd), ("U0", &u0), ("U1", &u1)] {
            for r in rules {
                ipt(&mut nf, &rule_text(name, r))?;
            }
        }
        let chains = [fwd, u0, u1];
        for p in &pkts {
            let mut pkt = ipv4(p);
            let mut c = ctx(p);
            c.trace = trace;
            let mut steps = Vec::new();
            let v = nf.hook(&c, &mut pkt, &mut steps);
            let want = if ref_verdict(&chains, policy_accept, p) { Verdict::Accept } else { Verdict::Drop };
            prop_assert_eq!(&v, &want, "packet {:?}", p);
            // Tracing changes nothing but the steps; when on, the last step says why.
            prop_assert_eq!(steps.is_empty(), !trace);
            if trace {
                let last = steps.last().cloned().unwrap_or_default();
                let word = if want == Verdict::Accept { "ACCEPT" } else { "DROP" };
                prop_assert!(last.ends_with(word), "{:?} for {:?}", steps, p);
            }
        }
        // Every packet was decided by exactly one ACCEPT/DROP rule or by the policy.
        let t = nf.table(TableId::Filter);
        let deciding: u64 = t
            .chains
            .iter()
            .flat_map(|c| c.rules.iter())
            .filter(|r| matches!(r.target, Target::Accept | Target::Drop))
            .map(|r| r.pkts)
            .sum();
        let policy = t.chain("FORWARD").map_or(0, |c| c.pkts);
        prop_assert_eq!(deciding + policy, pkts.len() as u64);
    }
}

// ------------------------------------------------------------------ (b) NAT with real traffic

#[derive(Debug, Clone, Copy)]
enum Nat {
    None,
    Masquerade,
    Snat,
    Dnat,
}

/// Clients c1 (10.0.1.2) and c2 (10.0.3.2), router r, server s (10.0.2.2) listening on
/// ports 80 and 8080.
fn topology(nat: Nat) -> Sim {
    let mut sim = Sim::new(SimConfig::default());
    let lines = [
        "ip netns add c1",
        "ip netns add c2",
        "ip netns add r",
        "ip netns add s",
        "ip link add a1 netns c1 type veth peer name r1 netns r",
        "ip link add a2 netns c2 type veth peer name r2 netns r",
        "ip link add rs netns r type veth peer name s0 netns s",
        "ip -n c1 addr add 10.0.1.2/24 dev a1",
        "ip -n c2 addr add 10.0.3.2/24 dev a2",
        "ip -n r addr add 10.0.1.1/24 dev r1",
        "ip -n r addr add 10.0.3.1/24 dev r2",
        "ip -n r addr add 10.0.2.1/24 dev rs",
        "ip -n s addr add 10.0.2.2/24 dev s0",
        "ip -n c1 link set a1 up",
        "ip -n c2 link set a2 up",
        "ip -n r link set r1 up",
        "ip -n r link set r2 up",
        "ip -n r link set rs up",
        "ip -n s link set s0 up",
        "ip -n c1 route add default via 10.0.1.1",
        "ip -n c2 route add default via 10.0.3.1",
        // Without SNAT, the server answers the clients through its default route.
        "ip -n s route add default via 10.0.2.1",
        "ip netns exec r sysctl -w net.ipv4.ip_forward=1",
        // Conntrack on in every case, so that "nothing is rewritten" is checked, not vacuous.
        "ip netns exec r iptables -A FORWARD -m conntrack --ctstate NEW,ESTABLISHED -j ACCEPT",
        "ip netns exec s nc -l -k -p 80 &",
        "ip netns exec s nc -l -k -p 8080 &",
    ];
    for l in lines {
        let o = sim.run_line(l);
        assert_eq!(o.status, 0, "{l}: {}", o.combined());
    }
    let nat_rules: &[&str] = match nat {
        Nat::None => &[],
        Nat::Masquerade => &["iptables -t nat -A POSTROUTING -o rs -j MASQUERADE"],
        Nat::Snat => &["iptables -t nat -A POSTROUTING -o rs -p tcp -j SNAT --to-source 10.0.2.1"],
        // The server is reached at the router's client-side addresses.
        Nat::Dnat => &[
            "iptables -t nat -A PREROUTING -p tcp -d 10.0.1.1 -j DNAT --to-destination 10.0.2.2",
            "iptables -t nat -A PREROUTING -p tcp -d 10.0.3.1 -j DNAT --to-destination 10.0.2.2",
        ],
    };
    for r in nat_rules {
        let o = sim.run_line(&format!("ip netns exec r {r}"));
        assert_eq!(o.status, 0, "{r}: {}", o.combined());
    }
    sim
}

/// `src=A dst=B sport=P dport=Q` of a conntrack line: (original, reply).
type T4 = (String, String, String, String);
fn ct_tuples(line: &str) -> Option<(T4, T4)> {
    let get = |k: &str, n: usize| {
        line.split_whitespace()
            .filter_map(|w| w.strip_prefix(k))
            .nth(n)
            .map(str::to_string)
    };
    let t = |n| {
        Some((
            get("src=", n)?,
            get("dst=", n)?,
            get("sport=", n)?,
            get("dport=", n)?,
        ))
    };
    Some((t(0)?, t(1)?))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn nat_translates_replies_back_and_never_shares_a_tuple(
        nat in prop::sample::select(vec![0u8, 1, 2, 3]),
        // (client, server port); both clients pick the same ephemeral source ports, so
        // SNAT/MASQUERADE to one address must move clashing ones.
        probes in prop::collection::vec((0usize..2, prop::sample::select(vec![80u16, 8080])), 1..8),
    ) {
        let nat = [Nat::None, Nat::Masquerade, Nat::Snat, Nat::Dnat][usize::from(nat)];
        let mut sim = topology(nat);
        let sent = probes.len();
        for (client, dport) in probes {
            let (ns, via) = [("c1", "10.0.1.1"), ("c2", "10.0.3.1")][client];
            let dst = if let Nat::Dnat = nat { via } else { "10.0.2.2" };
            let o = sim.run_line(&format!("ip netns exec {ns} nc -z -v -w 1 {dst} {dport}"));
            prop_assert!(o.combined().contains("succeeded"), "{:?} {} -> {}:{}: {}", nat, ns, dst, dport, o.combined());
        }
        let o = sim.run_line("ip netns exec r conntrack -L");
        let mut replies = BTreeSet::new();
        let mut n = 0;
        for line in o.stdout().lines() {
            let Some((orig, reply)) = ct_tuples(line) else { continue };
            n += 1;
            prop_assert!(replies.insert(reply.clone()), "two connections share the translated tuple {:?}:\n{}", reply, o.stdout());
            let inverse = (orig.1.clone(), orig.0.clone(), orig.3.clone(), orig.2.clone());
            match nat {
                Nat::None => prop_assert_eq!(&reply, &inverse, "rewritten without NAT rules"),
                Nat::Masquerade | Nat::Snat => {
                    prop_assert_eq!(&reply.0, &orig.1);
                    prop_assert_eq!(&reply.1, "10.0.2.1");
                }
                Nat::Dnat => {
                    prop_assert_eq!(&reply.0, "10.0.2.2");
                    prop_assert_eq!(&reply.1, &orig.0);
                }
            }
        }
        prop_assert_eq!(n, sent, "one conntrack entry per probe:\n{}", o.stdout());
    }
}

//! The rule index against a plain linear scan: same verdicts, same counters, same `-m limit`
//! state, for random chains (with a user chain to jump to) and random packet sequences.

use std::net::Ipv4Addr;

use proptest::prelude::*;

use super::super::rules::{
    ctbits, rule_matches, AddrMatch, IfMatch, Match, PktMeta, PortRange, Rule, Table, TableId,
    Target,
};
use super::super::{Hook, HookCtx, Netfilter, PktType, RejectWith, Verdict};
use crate::wire::{Icmp, Ipv4, Tcp, TcpFlags, Udp, L4};

const ADDRS: [u32; 4] = [0x0a00_0001, 0x0a00_0002, 0x0a00_0101, 0xc0a8_0102];
const MASKS: [u32; 4] = [u32::MAX, 0xffff_ff00, 0xffff_0000, 0];
const IFS: [&str; 4] = ["eth0", "eth1", "veth+", "veth3"];
const PORTS: [u16; 3] = [22, 53, 80];

fn addr() -> impl Strategy<Value = Option<AddrMatch>> {
    prop_oneof![
        2 => Just(None),
        3 => (0..4usize, 0..4usize, any::<bool>()).prop_map(|(a, m, inv)| Some(AddrMatch { addr: ADDRS[a] & MASKS[m], mask: MASKS[m], inv })),
    ]
}

fn iface() -> impl Strategy<Value = Option<IfMatch>> {
    prop_oneof![
        2 => Just(None),
        2 => (0..4usize, any::<bool>()).prop_map(|(i, inv)| Some(IfMatch { name: IFS[i].to_string(), inv })),
    ]
}

fn port() -> impl Strategy<Value = Option<PortRange>> {
    prop_oneof![
        Just(None),
        (0..3usize, any::<bool>()).prop_map(|(p, inv)| Some(PortRange {
            lo: PORTS[p],
            hi: PORTS[p],
            inv
        })),
        Just(Some(PortRange {
            lo: 20,
            hi: 60,
            inv: false
        })),
    ]
}

fn a_match() -> impl Strategy<Value = Match> {
    prop_oneof![
        (port(), port()).prop_map(|(sport, dport)| Match::Tcp {
            sport,
            dport,
            flags: None
        }),
        (port(), port()).prop_map(|(sport, dport)| Match::Udp { sport, dport }),
        any::<bool>().prop_map(|inv| Match::Icmp {
            typ: 8,
            code: (0, 255),
            inv
        }),
        (1..3u32).prop_map(|burst| Match::Limit {
            avg: 10_000,
            burst,
            credit: 0,
            last: u64::MAX
        }),
    ]
}

fn target(jump: bool) -> impl Strategy<Value = Target> {
    let mut v = vec![
        Target::None,
        Target::Accept,
        Target::Drop,
        Target::Return,
        Target::Reject {
            with: "icmp-port-unreachable",
            icmp: Some((3, 3)),
        },
    ];
    if jump {
        v.push(Target::Jump {
            chain: "U".into(),
            idx: 0,
            goto: false,
        });
        v.push(Target::Jump {
            chain: "U".into(),
            idx: 0,
            goto: true,
        });
    }
    proptest::sample::select(v)
}

fn rule(jump: bool) -> impl Strategy<Value = Rule> {
    (
        addr(),
        addr(),
        iface(),
        iface(),
        prop_oneof![
            Just(None),
            (proptest::sample::select(vec![0u8, 1, 6, 17]), any::<bool>()).prop_map(Some)
        ],
        proptest::collection::vec(a_match(), 0..3),
        target(jump),
    )
        .prop_map(|(src, dst, in_if, out_if, proto, matches, target)| Rule {
            src,
            dst,
            in_if,
            out_if,
            proto,
            matches,
            target,
            ..Rule::new()
        })
}

#[derive(Debug, Clone)]
struct Pkt {
    src: u32,
    dst: u32,
    l4: u8,
    sport: u16,
    dport: u16,
    in_dev: Option<&'static str>,
    out_dev: Option<&'static str>,
}

fn pkt() -> impl Strategy<Value = Pkt> {
    let dev = || {
        proptest::sample::select(vec![
            None,
            Some("eth0"),
            Some("eth1"),
            Some("veth3"),
            Some(""),
        ])
    };
    (
        0..4usize,
        0..4usize,
        0..3u8,
        0..3usize,
        0..3usize,
        dev(),
        dev(),
    )
        .prop_map(|(s, d, l4, sp, dp, in_dev, out_dev)| Pkt {
            src: ADDRS[s],
            dst: ADDRS[d],
            l4,
            sport: PORTS[sp],
            dport: PORTS[dp],
            in_dev,
            out_dev,
        })
}

fn packet(p: &Pkt) -> Ipv4 {
    let l4 = match p.l4 {
        0 => L4::Icmp(Icmp::echo(true, 1, 1, vec![0; 8])),
        1 => L4::Tcp(Tcp {
            sport: p.sport,
            dport: p.dport,
            seq: 0,
            ack: 0,
            flags: TcpFlags::default(),
            window: 0,
            options: vec![],
            payload: vec![],
        }),
        _ => L4::Udp(Udp {
            sport: p.sport,
            dport: p.dport,
            payload: vec![1],
        }),
    };
    Ipv4 {
        src: Ipv4Addr::from(p.src),
        dst: Ipv4Addr::from(p.dst),
        ttl: 64,
        id: 0,
        tos: 0,
        l4,
    }
}

fn ctx(p: &Pkt, now: u64) -> HookCtx {
    HookCtx {
        hook: Hook::Forward,
        in_dev: p.in_dev.map(str::to_string),
        out_dev: p.out_dev.map(str::to_string),
        physdev_in: None,
        physdev_out: None,
        bridged: false,
        src_mac: None,
        pkt_type: PktType::Unicast,
        now,
        local_addrs: vec![],
        broadcast_addrs: vec![],
        masq_src: None,
        in_addr: None,
        trace: false,
    }
}

/// The reference: FORWARD of the filter table walked rule by rule, as iptables defines it.
fn linear(t: &mut Table, ctx: &HookCtx, p: &Ipv4) -> Verdict {
    let meta = PktMeta {
        ctstate: ctbits::UNTRACKED,
        orig_src: Ipv4Addr::UNSPECIFIED,
        orig_dst: Ipv4Addr::UNSPECIFIED,
        mark: 0,
    };
    let len = p.total_len() as u64;
    let base = t.chain_idx("FORWARD").expect("FORWARD");
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let (mut ci, mut ri) = (base, 0);
    let policy = |t: &mut Table| {
        let c = &mut t.chains[base];
        c.pkts += 1;
        c.bytes += len;
        if c.policy == Some(false) {
            Verdict::Drop
        } else {
            Verdict::Accept
        }
    };
    loop {
        if ri >= t.chains[ci].rules.len() {
            match stack.pop() {
                Some(back) if ci != base => (ci, ri) = back,
                _ => return policy(t),
            }
            continue;
        }
        let r = &mut t.chains[ci].rules[ri];
        ri += 1;
        if !rule_matches(r, ctx, p, &meta) {
            continue;
        }
        r.pkts += 1;
        r.bytes += len;
        match r.target.clone() {
            Target::None => {}
            Target::Accept => return Verdict::Accept,
            Target::Drop => return Verdict::Drop,
            Target::Reject {
                icmp: Some((typ, code)),
                ..
            } => return Verdict::Reject(RejectWith::Icmp { typ, code }),
            Target::Return => match stack.pop() {
                Some(back) => (ci, ri) = back,
                None => return policy(t),
            },
            Target::Jump { idx, goto, .. } => {
                if !goto {
                    stack.push((ci, ri));
                }
                (ci, ri) = (idx, 0);
            }
            other => panic!("target not generated: {other:?}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn indexed_walk_equals_linear_scan(
        fwd in proptest::collection::vec(rule(true), 0..60),
        user in proptest::collection::vec(rule(false), 0..30),
        drop_policy in any::<bool>(),
        pkts in proptest::collection::vec(pkt(), 1..8),
    ) {
        let mut nf = Netfilter::default();
        nf.registered[TableId::Filter as usize] = true;
        {
            let t = nf.table_mut(TableId::Filter);
            t.add_chain("U");
            let f = t.chain_idx("FORWARD").unwrap();
            t.chains[f].rules = fwd;
            t.chains[f].policy = Some(!drop_policy);
            t.chains[f].counting = true;
            let u = t.chain_idx("U").unwrap();
            t.chains[u].rules = user;
            t.relink();
        }
        nf.rules_changed();
        let mut reference = nf.table(TableId::Filter).clone();
        for (k, p) in pkts.iter().enumerate() {
            let c = ctx(p, 1_000_000 * k as u64);
            let mut a = packet(p);
            let b = a.clone();
            let got = nf.hook(&c, &mut a, &mut Vec::new());
            let want = linear(&mut reference, &c, &b);
            prop_assert_eq!(got, want, "packet {}: {:?}", k, p);
            let t = nf.table(TableId::Filter);
            for (x, y) in t.chains.iter().zip(&reference.chains) {
                prop_assert_eq!(&x.rules, &y.rules, "rules of {} after packet {}", x.name, k);
                prop_assert_eq!((x.pkts, x.bytes), (y.pkts, y.bytes), "policy counters of {}", x.name);
            }
        }
    }
}

/// Long chains do take the index, and skip what cannot match.
#[test]
fn a_long_chain_evaluates_only_candidates() {
    let mut rules: Vec<Rule> = (0..1000u32)
        .map(|i| Rule {
            dst: Some(AddrMatch {
                addr: 0xc633_0000 + i,
                mask: u32::MAX,
                inv: false,
            }),
            target: Target::Drop,
            ..Rule::new()
        })
        .collect();
    rules.push(Rule {
        in_if: Some(IfMatch {
            name: "eth0".into(),
            inv: false,
        }),
        target: Target::Accept,
        ..Rule::new()
    });
    let p = Pkt {
        src: ADDRS[0],
        dst: ADDRS[1],
        l4: 0,
        sport: 0,
        dport: 0,
        in_dev: Some("eth0"),
        out_dev: None,
    };
    let mut cell = super::IndexCell::default();
    assert_eq!(
        cell.next_candidate(&rules, 0, &ctx(&p, 0), &packet(&p)),
        1000
    );
    let q = Pkt {
        dst: 0xc633_0005,
        ..p
    };
    assert_eq!(cell.next_candidate(&rules, 0, &ctx(&q, 0), &packet(&q)), 5);
    assert_eq!(
        cell.next_candidate(&rules, 6, &ctx(&q, 0), &packet(&q)),
        1000
    );
}

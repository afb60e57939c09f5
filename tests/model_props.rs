//! Property tests of the model: any sequence of link/netns/addr commands leaves it consistent,
//! and the same scenario and seed always give the same bytes.

use proptest::prelude::*;
use sim_core::{Sim, SimConfig};

fn command() -> impl Strategy<Value = String> {
    let ns = prop::sample::select(vec!["ns0", "ns1", "ns2"]);
    let dev = prop::sample::select(vec![
        "veth0", "veth1", "veth2", "veth3", "a", "b", "lo", "br0",
    ]);
    prop_oneof![
        ns.clone().prop_map(|n| format!("ip netns add {n}")),
        ns.clone().prop_map(|n| format!("ip netns delete {n}")),
        Just("ip link add type veth".to_string()),
        (dev.clone(), dev.clone())
            .prop_map(|(a, b)| format!("ip link add {a} type veth peer name {b}")),
        Just("ip link add br0 type bridge".to_string()),
        dev.clone().prop_map(|d| format!("ip link del {d}")),
        (dev.clone(), ns.clone()).prop_map(|(d, n)| format!("ip link set {d} netns {n}")),
        (ns.clone(), dev.clone())
            .prop_map(|(n, d)| format!("ip netns exec {n} ip link set {d} up")),
        dev.clone().prop_map(|d| format!("ip link set {d} up")),
        dev.clone()
            .prop_map(|d| format!("ip link set {d} master br0")),
        (dev.clone(), 1u8..250).prop_map(|(d, x)| format!("ip addr add 10.0.0.{x}/24 dev {d}")),
        (ns.clone(), dev.clone(), 1u8..250)
            .prop_map(|(n, d, x)| format!("ip netns exec {n} ip addr add 10.0.0.{x}/24 dev {d}")),
        (ns.clone(), 1u8..250).prop_map(|(n, x)| format!("ip netns exec {n} ping -c 1 -W 1 10.0.0.{x}")),
        // Several attributes in one command: the kernel applies them in its own order and
        // the model must keep its invariants whatever fails half-way.
        Just("ip link add br1 type bridge".to_string()),
        (dev.clone(), ns.clone(), prop::sample::select(vec!["br0", "br1"]))
            .prop_map(|(d, n, b)| format!("ip link set dev {d} netns {n} master {b}")),
        (dev.clone(), dev.clone(), prop::sample::select(vec!["br0", "br1"]))
            .prop_map(|(d, n, b)| format!("ip link set dev {d} name {n} master {b} up")),
        (ns.clone(), dev.clone(), prop::sample::select(vec!["br0", "br1"]))
            .prop_map(|(n, d, b)| format!("ip -n {n} link set {d} master {b}")),
        (prop::sample::select(vec!["br0", "br1"]), ns)
            .prop_map(|(b, n)| format!("ip link set {b} netns {n}")),
        prop::sample::select(vec!["br0", "br1"])
            .prop_map(|b| format!("brctl addif {b} br0 br1 veth0")),
    ]
}

fn check_consistent(sim: &Sim) -> Result<(), TestCaseError> {
    let w = &sim.world;
    for ns in w.all_netns() {
        let mut names = std::collections::BTreeSet::new();
        let mut ifindexes = std::collections::BTreeSet::new();
        for d in w.devices_of(ns) {
            let dev = w.dev(d);
            prop_assert_eq!(
                dev.netns,
                ns,
                "device {} listed in the wrong namespace",
                dev.name
            );
            prop_assert!(
                names.insert(dev.name.clone()),
                "duplicate name {}",
                dev.name
            );
            prop_assert!(
                w.ns(ns).sysctl.dev.contains_key(&d),
                "device {} has no per-interface sysctls",
                dev.name
            );
            prop_assert_eq!(
                w.dev_by_name(ns, &dev.name),
                Some(d),
                "name index disagrees for {}",
                dev.name
            );
            if let Some(p) = dev.veth_peer() {
                prop_assert!(w.device_exists(p), "veth {} has a dangling peer", dev.name);
                prop_assert_eq!(w.dev(p).veth_peer(), Some(d), "veth peers disagree");
            }
            if let Some(m) = dev.master {
                prop_assert!(
                    w.device_exists(m) && w.dev(m).is_bridge(),
                    "dangling master"
                );
                prop_assert_eq!(w.dev(m).netns, ns, "master in another namespace");
                prop_assert!(!dev.is_bridge(), "bridge {} under a bridge", dev.name);
            }
            prop_assert!(
                ifindexes.insert(dev.ifindex),
                "duplicate ifindex {} ({})",
                dev.ifindex,
                dev.name
            );
        }
        prop_assert!(
            w.devices_of(ns).any(|d| w.dev(d).is_loopback()),
            "namespace without lo"
        );
        prop_assert_eq!(
            w.ns(ns).sysctl.dev.len(),
            w.devices_of(ns).count(),
            "per-interface sysctls of gone devices"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn model_stays_consistent(cmds in prop::collection::vec(command(), 1..40)) {
        let mut sim = Sim::new(SimConfig::default());
        for c in &cmds {
            let _ = sim.run_line(c);
            check_consistent(&sim)?;
        }
    }

    #[test]
    fn same_seed_same_bytes(cmds in prop::collection::vec(command(), 1..25), seed in 0u64..1000) {
        let run = |seed| {
            let mut sim = Sim::new(SimConfig { seed, ..Default::default() });
            cmds.iter().map(|c| sim.run_line(c).combined()).collect::<Vec<_>>()
        };
        prop_assert_eq!(run(seed), run(seed));
    }
}

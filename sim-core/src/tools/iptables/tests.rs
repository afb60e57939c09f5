use super::*;

fn ipt(nf: &mut Netfilter, line: &str) -> Output {
    let args: Vec<&str> = line.split_whitespace().collect();
    run_nf(nf, &args)
}

#[test]
fn save_restore_round_trip_of_thousands_of_rules() {
    let mut nf = Netfilter::default();
    assert_eq!(ipt(&mut nf, "-N web").status, 0);
    assert_eq!(
        ipt(
            &mut nf,
            "-t nat -A POSTROUTING -s 10.0.0.0/8 -o eth0 -j MASQUERADE"
        )
        .status,
        0
    );
    for i in 0..3000u32 {
        let line = match i % 6 {
            0 => format!("-A INPUT -s 10.{}.{}.0/24 -p tcp --dport {} -j ACCEPT", i % 256, i / 256, 1 + i % 60000),
            1 => format!("-A FORWARD -i veth+ -p udp -m multiport --dports {},{} -j DROP", i, i + 1),
            2 => format!("-A web -m conntrack --ctstate RELATED,ESTABLISHED -m comment --comment \"r{i}\" -j RETURN"),
            3 => format!("-A OUTPUT -d 192.168.{}.{} -j REJECT --reject-with icmp-host-prohibited", i % 256, i % 200),
            4 => format!("-A INPUT -p icmp --icmp-type echo-request -m limit --limit {}/min -j LOG --log-prefix p{i}", 1 + i % 50),
            _ => "-A INPUT -j web".to_string(),
        };
        let o = ipt(&mut nf, &line);
        assert_eq!(o.status, 0, "{line}: {}", o.combined());
    }
    let text = save(&nf, None, true, 0);
    let mut nf2 = Netfilter::default();
    restore(
        &mut nf2,
        &text,
        RestoreFlags {
            counters: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(save(&nf2, None, true, 0), text);
    // --test changes nothing; --noflush appends.
    let mut nf3 = Netfilter::default();
    restore(
        &mut nf3,
        &text,
        RestoreFlags {
            test: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(save(&nf3, None, false, 0), "");
    restore(
        &mut nf2,
        "*filter\n-A INPUT -j DROP\nCOMMIT\n",
        RestoreFlags {
            noflush: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        nf2.table(TableId::Filter)
            .chain("INPUT")
            .unwrap()
            .rules
            .len(),
        1501
    );
}

#[test]
fn restore_errors() {
    let mut nf = Netfilter::default();
    let e = restore(
        &mut nf,
        "*filter\n-A INPUT -j nosuchchain\nCOMMIT\n",
        RestoreFlags::default(),
    )
    .unwrap_err();
    assert!(
        e.contains("Chain 'nosuchchain' does not exist") && e.contains("line: 2"),
        "{e}"
    );
    let e = restore(
        &mut nf,
        "*filter\n-A INPUT -j ACCEPT\n",
        RestoreFlags::default(),
    )
    .unwrap_err();
    assert_eq!(e, "iptables-restore: COMMIT expected at line 3");
    assert_eq!(
        restore(&mut nf, "garbage\n", RestoreFlags::default()).unwrap_err(),
        "iptables-restore: line 1 failed"
    );
}

#[test]
fn hostile_input_never_panics() {
    let words = [
        "-A",
        "INPUT",
        "-p",
        "tcp",
        "--dport",
        "!",
        "-m",
        "limit",
        "--limit",
        "0/x",
        "-j",
        "-s",
        "1.2.3.4/99",
        "-I",
        "0",
        "-L",
        "-Z",
        "-t",
        "nat",
        "-E",
        "",
        "--syn",
        "-g",
    ];
    let mut nf = Netfilter::default();
    for a in 0..words.len() {
        for b in 0..words.len() {
            for c in 0..words.len() {
                let _ = run_nf(&mut nf, &[words[a], words[b], words[c]]);
            }
        }
    }
}

//! The kernel backend leaves nothing behind on the host: namespaces, links, addresses,
//! routes and iptables rules are the same before and after a run, and after a run killed
//! with SIGKILL halfway. Skips (saying why) when not root or without unshare.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const NETSIM: &str = env!("CARGO_BIN_EXE_netsim");

/// Why this test cannot run here, if it cannot.
fn skip_reason() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let uid = status
        .lines()
        .find(|l| l.starts_with("Uid:"))
        .and_then(|l| l.split_whitespace().nth(2))
        .unwrap_or("");
    if uid != "0" {
        return Some("not root: the kernel backend needs root".into());
    }
    for tool in ["unshare", "ip", "iptables-save"] {
        let ok = Command::new(tool)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        if ok.is_err() {
            return Some(format!("{tool} is not installed"));
        }
    }
    None
}

/// What the host's network looks like, as text.
fn snapshot() -> String {
    let mut s = String::new();
    for args in [
        &["netns", "list"][..],
        &["-o", "link"],
        &["-o", "addr"],
        &["route"],
        &["-6", "route"],
    ] {
        let o = Command::new("ip").args(args).output().expect("ip runs");
        s.push_str(&format!(
            "## ip {}\n{}{}",
            args.join(" "),
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ));
    }
    let o = Command::new("iptables-save")
        .output()
        .expect("iptables-save runs");
    // Counters move with the host's own traffic; compare rules only.
    let rules: String = String::from_utf8_lossy(&o.stdout)
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| match l.find(" [") {
            Some(p) if l.starts_with(':') => format!("{}\n", &l[..p]),
            _ => format!("{l}\n"),
        })
        .collect();
    s.push_str("## iptables-save\n");
    s.push_str(&rules);
    // Link statistics change by themselves; drop them from `ip -o link` by not asking -s.
    s
}

fn scenario(name: &str, body: &str) -> PathBuf {
    let p = std::env::temp_dir().join(format!("netsim-cleanup-{}-{name}.t", std::process::id()));
    std::fs::write(&p, body).expect("write scenario");
    p
}

const BUSY: &str = "A run that creates every kind of state the kernel backend can.\n\
$ ip netns add c1\n\
$ ip netns add c2\n\
$ ip link add br0 type bridge\n\
$ ip link set br0 up\n\
$ ip link add v1 type veth peer name eth0 netns c1\n\
$ ip link add v2 type veth peer name eth0 netns c2\n\
$ ip link set v1 master br0\n\
$ ip link set v2 master br0\n\
$ ip link set v1 up\n\
$ ip link set v2 up\n\
$ ip addr add 10.77.0.254/24 dev br0\n\
$ ip -n c1 addr add 10.77.0.1/24 dev eth0\n\
$ ip -n c1 link set eth0 up\n\
$ ip -n c1 route add default via 10.77.0.254\n\
$ ip route add 10.78.0.0/16 via 10.77.0.1\n\
$ iptables -t nat -A POSTROUTING -s 10.77.0.0/24 -j MASQUERADE\n\
$ iptables -A FORWARD -i br0 -j ACCEPT\n\
$ sysctl -w net.ipv4.ip_forward=1\n\
$ ip netns exec c1 ping -c 1 10.77.0.254\n";

#[test]
fn kernel_backend_leaves_nothing_behind() {
    if let Some(why) = skip_reason() {
        println!("skipped: {why}");
        return;
    }
    let before = snapshot();

    // A complete run.
    let p = scenario("full", BUSY);
    let o = Command::new(NETSIM)
        .args(["run", "--backend", "kernel"])
        .arg(&p)
        .output()
        .expect("netsim runs");
    let _ = std::fs::remove_file(&p);
    assert!(
        o.status.success(),
        "kernel run failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("1 received"), "the run did its work: {text}");
    assert_eq!(
        snapshot(),
        before,
        "state left behind after a complete kernel run"
    );

    // A run killed with SIGKILL while it sleeps halfway.
    let p = scenario("killed", &format!("{BUSY}$ sleep 60\n$ ip link\n"));
    let mut child = Command::new(NETSIM)
        .args(["run", "--backend", "kernel"])
        .arg(&p)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("netsim starts");
    // Wait until the sandbox exists and the scenario reached its sleep.
    let start = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(200));
        let ps = Command::new("pgrep").args(["-f", "sleep 60"]).output();
        if ps.is_ok_and(|o| !o.stdout.is_empty()) || start.elapsed() > Duration::from_secs(20) {
            break;
        }
    }
    child.kill().expect("SIGKILL netsim");
    let _ = child.wait();
    let _ = std::fs::remove_file(&p);
    // The sandbox's processes die with its PID namespace; give the kernel a moment.
    let start = Instant::now();
    let mut after = snapshot();
    while after != before && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(200));
        after = snapshot();
    }
    assert_eq!(
        after, before,
        "state left behind after a kernel run killed with SIGKILL"
    );
    let survivors = || {
        Command::new("pgrep")
            .args(["-f", "sleep 60"])
            .output()
            .map(|o| o.stdout)
            .unwrap_or_default()
    };
    let start = Instant::now();
    let mut left = survivors();
    while !left.is_empty() && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(100));
        left = survivors();
    }
    assert!(
        left.is_empty(),
        "processes of the killed run survive: {}",
        String::from_utf8_lossy(&left)
    );
}

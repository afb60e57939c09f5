//! The kernel backend leaves nothing behind on the host: namespaces, links, addresses,
//! routes, iptables rules and files (`/tmp/netsim.*`, anything a scenario writes) are the same
//! before and after a run, and after a run killed with SIGTERM or SIGKILL halfway.
//!
//! These tests need root: they are `#[ignore = "needs root"]`, run with
//! `cargo test -- --include-ignored` (`.ci/run` does, as root). Asked for on a machine
//! without root, unshare or the tools, they fail and say which is missing.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const NETSIM: &str = env!("CARGO_BIN_EXE_netsim");

/// Why these tests cannot run here, if they cannot.
fn unavailable() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let uid = status
        .lines()
        .find(|l| l.starts_with("Uid:"))
        .and_then(|l| l.split_whitespace().nth(2))
        .unwrap_or("");
    if uid != "0" {
        return Some("needs root: the kernel backend creates namespaces".into());
    }
    for tool in ["unshare", "ip", "iptables-save"] {
        let ok = Command::new(tool)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        if ok.is_err() {
            return Some(format!("needs {tool}, which is not installed"));
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
    // Files a run could leave in the host's /tmp: the sandbox's working directory and what
    // these scenarios write. (Not every /tmp/netsim.*: other programs on a shared machine,
    // older netsim binaries among them, may create and remove such names meanwhile.)
    s.push_str("## files in /tmp\n");
    for n in ["netsim", "netsim.x", MARKER_PREFIX] {
        if std::path::Path::new("/tmp").join(n).exists() {
            s.push_str(&format!("/tmp/{n}\n"));
        }
    }
    // Link statistics change by themselves; drop them from `ip -o link` by not asking -s.
    s
}

const MARKER_PREFIX: &str = "netsim-cleanup-marker";

fn scenario(name: &str, body: &str) -> PathBuf {
    // Not in /tmp: the test compares /tmp before and after.
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let p = dir.join(format!("netsim-cleanup-{}-{name}.t", std::process::id()));
    std::fs::write(&p, body).expect("write scenario");
    p
}

fn needs(why: Option<String>) {
    if let Some(why) = why {
        panic!("this test cannot run here: {why}");
    }
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
#[ignore = "needs root"]
fn kernel_backend_leaves_nothing_behind() {
    needs(unavailable());
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
}

/// A run killed while it sleeps halfway, by `signal`, leaves nothing behind either.
fn killed_run_leaves_nothing(signal: &str) {
    needs(unavailable());
    let before = snapshot();
    // A sleep no other test runs, so that pgrep finds this one only.
    let tag = match signal {
        "KILL" => 1,
        "TERM" => 2,
        _ => 3,
    };
    let sleep = format!("sleep {}.{tag}", 600 + std::process::id() % 1000);
    let p = scenario(
        signal,
        &format!("{BUSY}$ touch /tmp/netsim.x /tmp/{MARKER_PREFIX}\n$ {sleep}\n$ ip link\n"),
    );
    let child = Command::new(NETSIM)
        .args(["run", "--backend", "kernel"])
        .arg(&p)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("netsim starts");
    // Wait until the sandbox exists and the scenario reached its sleep.
    let start = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(200));
        let ps = Command::new("pgrep").args(["-f", &sleep]).output();
        if ps.is_ok_and(|o| !o.stdout.is_empty()) {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the run never reached `{sleep}`"
        );
    }
    let st = Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(st.success(), "kill -{signal} failed");
    let out = child.wait_with_output().expect("netsim ends");
    assert!(
        !out.status.success(),
        "netsim ended by {signal}: {}",
        out.status
    );
    // Each result was printed as it came: what ran before the kill is there.
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with(
            "A run that creates every kind of state the kernel backend can.\n$ ip netns add c1\n"
        ) && text.contains("1 packets transmitted, 1 received")
            && text.ends_with(&format!("$ touch /tmp/netsim.x /tmp/{MARKER_PREFIX}\n")),
        "{text}"
    );
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
        "state left behind after a kernel run killed with {signal}"
    );
    let survivors = || {
        Command::new("pgrep")
            .args(["-f", &sleep])
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
        "processes of the run killed with {signal} survive: {}",
        String::from_utf8_lossy(&left)
    );
}

#[test]
#[ignore = "needs root"]
fn a_run_killed_with_sigkill_leaves_nothing() {
    killed_run_leaves_nothing("KILL");
}

#[test]
#[ignore = "needs root"]
fn a_run_killed_with_sigterm_leaves_nothing() {
    killed_run_leaves_nothing("TERM");
}

/// Files: a scenario sees its own /tmp and /run and a read-only host; nothing it writes
/// reaches the host, and the docker socket is not there.
#[test]
#[ignore = "needs root"]
fn kernel_runs_cannot_touch_host_files() {
    needs(unavailable());
    let before = snapshot();
    let host_marker = PathBuf::from(format!("/tmp/{MARKER_PREFIX}"));
    assert!(
        !host_marker.exists(),
        "{} exists before the test",
        host_marker.display()
    );
    // A host directory outside the sandbox's private /tmp, /run and /dev/shm.
    let home = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(format!("netsim-cleanup-ro-{}", std::process::id()));
    let body = format!(
        "$ touch /tmp/{MARKER_PREFIX} && ls /tmp/{MARKER_PREFIX}\n\
         $ touch {home}\n\
         $ ls /run/docker.sock /var/run/docker.sock\n\
         $ touch /run/x /var/run/y /dev/shm/z && echo private\n\
         $ sysctl -w kernel.domainname=netsim\n\
         $ sysctl -w net.ipv4.ip_forward=1\n\
         $ sleep inf\n",
        home = home.display()
    );
    let p = scenario("files", &body);
    let o = Command::new(NETSIM)
        .args(["run", "--backend", "kernel", "--command-timeout", "1"])
        .arg(&p)
        .output()
        .expect("netsim runs");
    let _ = std::fs::remove_file(&p);
    let out = String::from_utf8_lossy(&o.stdout);
    let err = String::from_utf8_lossy(&o.stderr);
    let want = format!(
        "$ touch /tmp/{MARKER_PREFIX} && ls /tmp/{MARKER_PREFIX}\n/tmp/{MARKER_PREFIX}\n\
         $ touch {home}\ntouch: cannot touch '{home}': Read-only file system\n[1]\n\
         $ ls /run/docker.sock /var/run/docker.sock\n\
         ls: cannot access '/run/docker.sock': No such file or directory\n\
         ls: cannot access '/var/run/docker.sock': No such file or directory\n[2]\n\
         $ touch /run/x /var/run/y /dev/shm/z && echo private\nprivate\n\
         $ sysctl -w kernel.domainname=netsim\n",
        home = home.display()
    );
    assert!(out.starts_with(&want), "{out}");
    assert!(
        out.contains("$ sysctl -w net.ipv4.ip_forward=1\nnet.ipv4.ip_forward = 1\n"),
        "{out}"
    );
    assert!(out.ends_with("net.ipv4.ip_forward = 1\n"), "{out}");
    assert_eq!(
        err,
        "netsim: `sleep inf` did not finish within the command time limit of 1 s on the kernel; the run was stopped (--command-timeout SECS raises the limit)\n"
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        !host_marker.exists(),
        "the scenario's /tmp file reached the host"
    );
    let wrote = home.exists();
    let _ = std::fs::remove_file(&home);
    assert!(!wrote, "the scenario wrote to the host's files");
    let dn = std::fs::read_to_string("/proc/sys/kernel/domainname").unwrap_or_default();
    assert_ne!(dn.trim(), "netsim", "the scenario changed a host sysctl");
    assert_eq!(snapshot(), before, "state left behind");
}

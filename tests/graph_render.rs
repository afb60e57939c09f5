//! `netsim graph`: the DOT it prints is accepted by Graphviz (`dot -Tsvg`), with and without
//! the path overlay, and the SVG and Mermaid outputs are well formed and deterministic.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

fn graph(args: &[&str], file: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_netsim"))
        .arg("graph")
        .args(args)
        .arg(file)
        .output()
        .expect("run netsim graph");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The notes' bridge with a DROP rule in ns3, ending with a ping that it drops.
fn dropped_ping_script(tag: &str) -> PathBuf {
    let sc = std::fs::read_to_string(root().join("scenarios/bridge/brctl_basics.t"))
        .expect("bridge scenario");
    let mut s = String::new();
    for l in sc.lines().filter_map(|l| l.strip_prefix("$ ")) {
        if !(l.contains("ping") || l.contains("show") || l.starts_with("bridge")) {
            s.push_str(l);
            s.push('\n');
        }
    }
    s.push_str("ip netns exec ns3 iptables -A INPUT -p icmp -j DROP\nip netns exec ns1 ping -c 1 -w 1 10.0.0.3\n");
    let p = std::env::temp_dir().join(format!("netsim-graph-{tag}-{}.sh", std::process::id()));
    std::fs::write(&p, s).expect("write script");
    p
}

fn dot_available() -> bool {
    Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn graphviz(dot: &str) {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn dot");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(dot.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("dot");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && !err.contains("Error") && !err.contains("Warning"),
        "dot -Tsvg failed:\n{err}\n{dot}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
}

#[test]
#[ignore = "needs graphviz"]
fn dot_renders_with_graphviz() {
    assert!(
        dot_available(),
        "this test needs Graphviz `dot` (apt-get install graphviz)"
    );
    let bridge = root().join("scenarios/bridge/brctl_basics.t");
    graphviz(&graph(&["--format", "dot"], &bridge));
    let script = dropped_ping_script("dot");
    let dot = graph(&["--format", "dot", "--trace"], &script);
    assert!(dot.contains("dropped in INPUT"), "{dot}");
    assert!(dot.contains("color=\"#1f5fd6\""), "{dot}");
    graphviz(&dot);
    // The walkthrough (no file): two namespaces and a veth between them.
    let out = Command::new(env!("CARGO_BIN_EXE_netsim"))
        .args(["graph", "--trace"])
        .output()
        .expect("netsim graph");
    assert!(out.status.success());
    graphviz(&String::from_utf8_lossy(&out.stdout));
    let _ = std::fs::remove_file(script);
}

#[test]
fn svg_and_mermaid_are_self_contained_and_deterministic() {
    let script = dropped_ping_script("svg");
    let a = graph(&["--format", "svg", "--trace"], &script);
    let b = graph(&["--format", "svg", "--trace"], &script);
    assert_eq!(a, b);
    assert!(a.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(a.trim_end().ends_with("</svg>"));
    assert!(!a.contains("href"), "no external resources");
    assert_eq!(a.matches("<g class=\"netns\"").count(), 4);
    assert_eq!(a.matches("class=\"veth\"").count(), 3);
    assert_eq!(a.matches("class=\"port\"").count(), 3);
    assert!(
        a.contains("class=\"path\"") && a.contains("#c62828"),
        "path and drop are drawn"
    );
    let m = graph(&["--format", "mermaid"], &script);
    assert!(m.starts_with("flowchart LR\n"));
    assert_eq!(m.matches("---|veth|").count(), 3);
    let _ = std::fs::remove_file(script);
}

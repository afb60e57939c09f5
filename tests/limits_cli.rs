//! The limits' command-line options: each one stops the command with a message naming the
//! limit and the option that raises it, status 1.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], script: &str) -> (String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_netsim"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("netsim runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(script.as_bytes())
        .expect("script written");
    let out = child.wait_with_output().expect("netsim ends");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (text, out.status.code().unwrap_or(-1))
}

#[test]
fn wall_time_limit_stops_a_long_command() {
    let (text, status) = run(
        &["run", "--max-wall", "0.05", "-"],
        "$ ip link set lo up\n$ ping -q -c 300000 -i 0 127.0.0.1\n$ echo after\n",
    );
    assert_eq!(status, 1, "{text}");
    assert!(
        text.contains("--max-wall") && !text.contains("after"),
        "{text}"
    );
}

#[test]
fn each_simulator_limit_names_its_option() {
    for (opt, val, script) in [
        ("--max-rules", "1", "$ iptables -A INPUT -j ACCEPT\n$ iptables -A INPUT -j DROP\n"),
        ("--max-nesting", "3", "$ ip netns add a\n$ ip -n a netns exec a ip -n a netns exec a ip -n a netns exec a ip -n a netns exec a ip link\n"),
        ("--max-file-bytes", "10", "$ echo 0123456789abcdef > f\n"),
        ("--max-time", "5", "$ sleep 6\n"),
        ("--max-netns", "1", "$ ip netns add a\n$ ip netns add b\n"),
    ] {
        let (text, _) = run(&["run", opt, val, "-"], script);
        assert!(text.contains(&format!("(raise it with {opt})")), "{opt}: {text}");
        assert!(text.contains("[1]"), "{opt}: status 1 expected: {text}");
    }
}

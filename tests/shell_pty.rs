//! The teaching shell and the progress line seen through a real pseudo-terminal: what a student
//! sees when typing `netsim shell`, TAB completion included, and that long commands draw
//! progress only on a terminal.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use expectrl::session::OsSession as Session;
use expectrl::{Eof, Expect, Regex};

fn netsim() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_netsim"));
    c.env("TERM", "xterm");
    c
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

fn spawn(cmd: Command) -> Session {
    let mut s = expectrl::Session::spawn(cmd).expect("spawn under a pseudo-terminal");
    s.set_expect_timeout(Some(Duration::from_secs(30)));
    s
}

/// Wait for a fresh prompt before typing: rustyline asks the terminal for the cursor position
/// (`ESC [6n`) when it starts reading a line, and keys typed earlier would be taken for the
/// answer. A fresh prompt follows a newline, that query or the bracketed-paste switch, with
/// only escape sequences in between; the prompt rustyline redraws while a line is edited
/// follows the text typed so far.
fn prompt(s: &mut Session, ns: &str) -> String {
    let re = format!(r"(?:\n|\x1b\[\?2004h|\x1b\[6n)(?:\x1b\[[0-9;?]*[A-Za-z]|\r)*\[{ns}\]# ");
    let got = s
        .expect(Regex(re))
        .unwrap_or_else(|e| panic!("no [{ns}]# prompt: {e}"));
    String::from_utf8_lossy(got.before()).into_owned()
}

/// Type a line, wait for the next prompt, return what was printed in between.
fn run(s: &mut Session, line: &str, next_ns: &str) -> String {
    s.send_line(line).expect("type");
    prompt(s, next_ns)
}

fn text(c: &expectrl::Captures) -> String {
    String::from_utf8_lossy(c.before()).into_owned() + &String::from_utf8_lossy(&c[0])
}

#[test]
fn shell_prompts_completes_and_saves() {
    let dir = std::env::temp_dir().join(format!("netsim-shell-pty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let saved = dir.join("session.t");

    let mut c = netsim();
    c.arg("shell");
    let mut s = spawn(c);
    let banner = prompt(&mut s, "init");
    assert!(banner.contains("netsim shell"), "{banner}");
    run(&mut s, "ip netns add ns0", "init");
    run(
        &mut s,
        "ip link add veth0 type veth peer name veth1",
        "init",
    );
    run(&mut s, "ip link set veth1 netns ns0", "init");

    // TAB completes the namespace name: only then does the prompt change to [ns0].
    s.send("ip netns exec n").expect("type");
    s.send("\t").expect("tab");
    s.expect("ns0 ").expect("completed");
    run(&mut s, "bash", "ns0");

    // TAB completes `li` to `link`; the output is ns0's links only.
    s.send("ip li").expect("type");
    s.send("\t").expect("tab");
    s.expect("link ").expect("completed");
    let screen = run(&mut s, "", "ns0");
    assert!(screen.contains("1: lo: <LOOPBACK> mtu 65536"), "{screen}");
    assert!(screen.contains("veth1@if"), "{screen}");
    assert!(!screen.contains("veth0@"), "{screen}");

    // Several candidates: TAB TAB lists them.
    s.send("ip link set veth1 d").expect("type");
    s.send("\t").expect("tab");
    s.send("\t").expect("tab");
    s.expect(Regex("dev +down")).expect("candidates listed");
    s.send("own").expect("type");
    s.expect("own").expect("echoed");
    run(&mut s, "", "ns0");

    let help = run(&mut s, "help ping", "ns0");
    assert!(help.contains("-c COUNT"), "{help}");

    run(&mut s, "exit", "init");
    let out = run(&mut s, &format!("save {}", saved.display()), "init");
    assert!(out.contains("saved 5 commands"), "{out}");
    s.send_line("exit").expect("type");
    s.expect(Eof).expect("the shell exits");

    let t = std::fs::read_to_string(&saved).expect("saved transcript");
    assert!(
        t.contains("$ ip netns exec ns0 ip link set veth1 down\n"),
        "{t}"
    );
    assert!(t.contains("$ ip netns exec ns0 ip link\n1: lo:"), "{t}");
    let out = netsim()
        .arg("check")
        .arg(&saved)
        .output()
        .expect("netsim check");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok "));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn shell_starts_from_a_scenario_and_traces() {
    let mut c = netsim();
    c.arg("shell")
        .arg(root().join("scenarios/notes/walkthrough.t"));
    let mut s = spawn(c);
    // The scenario's transcript first, then the prompt.
    let first = prompt(&mut s, "init");
    assert!(first.contains("$ ip netns add ns0\r\n"), "{first}");
    run(&mut s, "trace on", "init");
    run(&mut s, "netns ns0", "ns0");
    let screen = run(&mut s, "ping -c 1 127.0.0.1", "ns0");
    assert!(
        screen.contains("1 packets transmitted, 1 received"),
        "{screen}"
    );
    assert!(
        screen.contains("  | ") && screen.contains("ns0/lo"),
        "{screen}"
    );
    run(&mut s, "netns", "init");
    s.send("\x04").expect("ctrl-d");
    s.expect(Eof).expect("the shell exits");
}

#[test]
fn shell_reads_a_pipe_without_prompts() {
    let mut child = netsim()
        .arg("shell")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(
            b"ip netns add a\nip netns exec a bash\nip link show lo\nexit\nip netns list\nnosuch\n",
        )
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout,
        "1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\na\n"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "bash: line 1: nosuch: command not found\n"
    );
}

#[test]
fn check_shows_progress_only_on_a_terminal() {
    let file = root().join("scenarios/notes/walkthrough.t");
    let out = netsim()
        .arg("check")
        .arg("--seeds")
        .arg("0..3")
        .arg(&file)
        .output()
        .expect("netsim check");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "",
        "no progress when stderr is not a terminal"
    );

    let mut c = netsim();
    c.arg("check").arg("--seeds").arg("0..3").arg(&file);
    let mut s = spawn(c);
    let got = s
        .expect(Regex(r"\[1/1\] \S*walkthrough\.t seed [0-2] of 0\.\.3"))
        .expect("a progress line");
    assert!(!text(&got).is_empty());
    let got = s.expect("ok ").expect("the result");
    // The progress line is erased before the result is printed.
    assert!(text(&got).contains("\r\x1b[K"), "{:?}", text(&got));
    s.expect(Eof).expect("check exits");
}

//! The teaching shell and the progress line seen through a real pseudo-terminal: what a student
//! sees when typing `netsim shell`, TAB completion included, `[N]` after a failed command,
//! `reset`, history kept across sessions, Ctrl-C stopping a paced `ping` (and only it), and
//! that long commands draw progress only on a terminal.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use expectrl::session::OsSession as Session;
use expectrl::{Eof, Expect, Regex};

/// A private state directory per call, so shells never share a history file.
fn state_dir() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "shell-state-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&d);
    d
}

fn netsim() -> Command {
    netsim_with_state(&state_dir())
}

fn netsim_with_state(state: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_netsim"));
    c.env("TERM", "xterm").env("XDG_STATE_HOME", state);
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

#[test]
fn shell_shows_status_resets_and_clears() {
    let mut c = netsim();
    c.args(["shell", "--seed", "3"]);
    let mut s = spawn(c);
    prompt(&mut s, "init");
    let screen = run(&mut s, "ip link show nosuch", "init");
    assert!(
        screen.ends_with("Device \"nosuch\" does not exist.\r\n[1]\r"),
        "{screen:?}"
    );
    let screen = run(&mut s, "nosuch", "init");
    assert!(
        screen.ends_with("bash: line 1: nosuch: command not found\r\n[127]\r"),
        "{screen:?}"
    );
    // A command that succeeds shows no status.
    let screen = run(&mut s, "ip netns add a", "init");
    assert!(
        screen.ends_with("ip netns add a\x1b[?2004l\r"),
        "{screen:?}"
    );
    run(&mut s, "netns a", "a");
    let screen = run(&mut s, "reset", "init");
    assert!(
        screen.ends_with("netsim: a fresh host (seed 3); `save` now records from here\r"),
        "{screen:?}"
    );
    let screen = run(&mut s, "ip netns list", "init");
    assert!(
        screen.ends_with("ip netns list\x1b[?2004l\r"),
        "the host is fresh: {screen:?}"
    );
    // On a terminal, stdout is line-buffered: conntrack's rows come before its summary
    // (in a transcript, a pipe, the summary on stderr comes first).
    run(
        &mut s,
        "iptables -A INPUT -m state --state NEW -j ACCEPT",
        "init",
    );
    run(&mut s, "ping -c 1 127.0.0.1", "init");
    let screen = run(&mut s, "conntrack -L", "init");
    let (row, summary) = (
        screen.find("icmp "),
        screen.find("flow entries have been shown."),
    );
    assert!(
        row.is_some() && summary.is_some() && row < summary,
        "{screen:?}"
    );
    s.send_line("clear").expect("type");
    s.expect("\x1b[H\x1b[2J").expect("the screen is cleared");
    prompt(&mut s, "init");
    s.send_line("exit").expect("type");
    s.expect(Eof).expect("the shell exits");
}

#[test]
fn shell_keeps_history_across_sessions() {
    let state = state_dir();
    let file = state.join("netsim/history");
    let mut c = netsim_with_state(&state);
    c.arg("shell");
    let mut s = spawn(c);
    prompt(&mut s, "init");
    run(&mut s, "ip netns add remembered", "init");
    run(&mut s, "ip netns list", "init");
    s.send_line("exit").expect("type");
    s.expect(Eof).expect("the shell exits");
    let h = std::fs::read_to_string(&file).expect("the history file exists");
    assert!(
        h.contains("ip netns add remembered\n") && h.contains("ip netns list\n"),
        "{h}"
    );

    // A new session: Up brings back the last session's commands, newest first.
    let mut c = netsim_with_state(&state);
    c.arg("shell");
    let mut s = spawn(c);
    prompt(&mut s, "init");
    s.send("\x1b[A").expect("up");
    s.expect("exit").expect("the last command");
    s.send("\x1b[A").expect("up");
    s.expect("ip netns list").expect("the one before");
    s.send("\x1b[A").expect("up");
    s.expect("ip netns add remembered").expect("the first one");
    let screen = run(&mut s, "", "init");
    assert!(!screen.contains("File exists"), "{screen:?}");
    let screen = run(&mut s, "ip netns list", "init");
    assert!(
        screen.ends_with("\nremembered\r"),
        "the recalled command ran: {screen:?}"
    );
    s.send_line("exit").expect("type");
    s.expect(Eof).expect("the shell exits");
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn ctrl_c_stops_a_paced_ping_and_not_the_shell() {
    let mut c = netsim();
    c.arg("shell");
    let mut s = spawn(c);
    prompt(&mut s, "init");
    // Ctrl-C at the prompt clears the line, as in bash.
    s.send("ip li").expect("type");
    s.send("\x03").expect("ctrl-c");
    prompt(&mut s, "init");
    s.send_line("ping 127.0.0.1").expect("type");
    s.expect("icmp_seq=1 ").expect("the first reply");
    let t = Instant::now();
    s.expect("icmp_seq=2 ").expect("the second reply");
    // Paced: a second of virtual time is about a second of real time.
    let waited = t.elapsed();
    assert!(
        waited > Duration::from_millis(600) && waited < Duration::from_secs(5),
        "{waited:?}"
    );
    s.send("\x03").expect("ctrl-c");
    let got = s
        .expect(Regex(
            r"--- 127\.0\.0\.1 ping statistics ---\r\n([0-9]+) packets transmitted, ([0-9]+) received, 0% packet loss",
        ))
        .expect("ping's SIGINT summary");
    let sent: u32 = String::from_utf8_lossy(&got[1]).parse().expect("a count");
    assert!((2..=4).contains(&sent), "{}", text(&got));
    // The shell is still there and answers.
    prompt(&mut s, "init");
    let screen = run(&mut s, "ip netns add after", "init");
    assert!(
        screen.ends_with("ip netns add after\x1b[?2004l\r"),
        "{screen:?}"
    );
    let screen = run(&mut s, "ip netns list", "init");
    assert!(screen.ends_with("\nafter\r"), "{screen:?}");
    s.send_line("exit").expect("type");
    s.expect(Eof).expect("the shell exits");
}

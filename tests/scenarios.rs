//! Every scenario under `scenarios/` and every Markdown file under `docs/` is a test:
//! `netsim check` must pass on each, and where the machine allows it (root and unshare),
//! `netsim diff` must find no difference from the real kernel.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, ext, out);
        } else if p.extension().is_some_and(|e| e == ext) {
            out.push(p);
        }
    }
}

fn netsim(args: &[&str], files: &[PathBuf]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_netsim"))
        .args(args)
        .args(files)
        .output()
        .expect("run netsim");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn scenarios_match_their_transcripts() {
    let mut f = Vec::new();
    files(&root().join("scenarios"), "t", &mut f);
    assert!(f.len() >= 2, "expected scenarios, found {f:?}");
    let (ok, text) = netsim(&["check"], &f);
    assert!(ok, "{text}");
}

#[test]
fn docs_console_blocks_match() {
    let mut f = Vec::new();
    files(&root().join("docs"), "md", &mut f);
    if f.is_empty() {
        return;
    }
    let (ok, text) = netsim(&["check"], &f);
    assert!(ok, "{text}");
}

#[test]
fn scenarios_are_deterministic_over_seeds() {
    let mut f = Vec::new();
    files(&root().join("scenarios"), "t", &mut f);
    // A short sweep in CI; `netsim check --seeds 0..100` runs the long one.
    let (ok, text) = netsim(&["check", "--seeds", "0..3"], &f);
    assert!(ok, "{text}");
}

/// The differential test: the real kernel is the oracle.
#[test]
fn scenarios_match_the_kernel() {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let root_user = status
        .lines()
        .any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(2) == Some("0"));
    let has_unshare = Command::new("unshare")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let has_tools = Command::new("ip")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !(root_user && has_unshare && has_tools) {
        eprintln!("SKIPPED: the kernel differential needs root, unshare and iproute2 (root={root_user}, unshare={has_unshare}, ip={has_tools})");
        return;
    }
    let mut f = Vec::new();
    files(&root().join("scenarios"), "t", &mut f);
    // The tutorials too: their console blocks are what the real tools print.
    files(&root().join("docs"), "md", &mut f);
    // Files that say `netsim: no-diff` are simulator-only (the reason is given there).
    f.retain(|p| {
        !std::fs::read_to_string(p)
            .unwrap_or_default()
            .contains("netsim: no-diff")
    });
    let (ok, text) = netsim(&["diff"], &f);
    assert!(ok, "{text}");
}

#[test]
fn run_without_a_file_replays_the_walkthrough() {
    let out = Command::new(env!("CARGO_BIN_EXE_netsim"))
        .arg("run")
        .output()
        .expect("run");
    assert!(out.status.success());
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("$ ip netns add ns0\n"), "{s}");
    assert!(
        s.contains("64 bytes from 10.0.1.2: icmp_seq=1 ttl=64"),
        "{s}"
    );
}

#[test]
fn check_reports_a_mismatch_with_a_diff() {
    let dir = std::env::temp_dir().join(format!("netsim-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let p = dir.join("bad.t");
    std::fs::write(&p, "$ ip netns add ns0\n$ ip netns list\nnsX\n").expect("write");
    let (ok, text) = netsim(&["check"], &[p.clone()]);
    assert!(!ok);
    assert!(text.contains("-nsX") && text.contains("+ns0"), "{text}");
    let (ok, _) = netsim(&["check", "--bless"], &[p.clone()]);
    assert!(ok);
    assert_eq!(
        std::fs::read_to_string(&p).expect("read"),
        "$ ip netns add ns0\n$ ip netns list\nns0\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

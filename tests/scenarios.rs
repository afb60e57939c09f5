//! Every scenario under `scenarios/` and every Markdown file under `docs/` is a test of its
//! own (a libtest-mimic harness, so the runner spreads them over the cores and names the one
//! that failed):
//!
//! * `check::FILE`: `netsim check FILE` passes;
//! * `seeds::FILE`: `netsim check --seeds 0..3 FILE` (two runs per seed give the same bytes);
//! * `kernel::FILE` (ignored unless asked for, it needs root): `netsim diff FILE` finds no
//!   difference from the real kernel. Run with `-- --include-ignored` (`.ci/run` does, as
//!   root); asked for without root, unshare or iproute2 it fails and says which is missing.
//!   Files that say `netsim: no-diff` have no kernel test.
//!
//! Plus the command-line behaviour of `run`, `check` and `diff` (messages and statuses).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use libtest_mimic::{Arguments, Failed, Trial};

const NETSIM: &str = env!("CARGO_BIN_EXE_netsim");

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

/// Run netsim; (status code, stdout, stderr).
fn netsim(args: &[&str], files: &[&Path]) -> (i32, String, String) {
    let out = Command::new(NETSIM)
        .args(args)
        .args(files)
        .stdin(Stdio::null())
        .output()
        .expect("run netsim");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn ensure(cond: bool, msg: impl FnOnce() -> String) -> Result<(), Failed> {
    if cond {
        Ok(())
    } else {
        Err(msg().into())
    }
}

/// A command must succeed.
fn passes(args: &[&str], file: &Path) -> Result<(), Failed> {
    let (code, out, err) = netsim(args, &[file]);
    ensure(code == 0, || {
        format!("netsim {} exited {code}:\n{out}{err}", args.join(" "))
    })
}

/// Why the kernel differential cannot run here, if it cannot.
fn kernel_unavailable() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let root_user = status
        .lines()
        .any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(2) == Some("0"));
    if !root_user {
        return Some("needs root: the kernel differential creates namespaces".into());
    }
    for (tool, arg) in [
        ("unshare", "--version"),
        ("ip", "-V"),
        ("iptables", "--version"),
    ] {
        let ok = Command::new(tool)
            .arg(arg)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            return Some(format!("needs {tool}, which is not installed"));
        }
    }
    None
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("netsim-test-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    dir
}

fn main() {
    let args = Arguments::from_args();
    let base = root();
    let mut scenarios = Vec::new();
    files(&base.join("scenarios"), "t", &mut scenarios);
    let mut docs = Vec::new();
    files(&base.join("docs"), "md", &mut docs);
    assert!(
        scenarios.len() >= 2,
        "expected scenarios, found {scenarios:?}"
    );
    assert!(!docs.is_empty(), "expected Markdown files under docs/");

    let mut trials = Vec::new();
    let mut kernel_trials = Vec::new();
    for f in scenarios.iter().chain(&docs) {
        let name = f.strip_prefix(&base).unwrap_or(f).display().to_string();
        let text = std::fs::read_to_string(f).unwrap_or_default();
        let p = f.clone();
        trials.push(Trial::test(format!("check::{name}"), move || {
            passes(&["check"], &p)
        }));
        if f.extension().is_some_and(|e| e == "t") {
            // A short sweep here; `netsim check --seeds 0..100` runs the long one.
            let p = f.clone();
            trials.push(Trial::test(format!("seeds::{name}"), move || {
                passes(&["check", "--seeds", "0..3"], &p)
            }));
        }
        // The differential test: the real kernel is the oracle.
        if !text.contains("netsim: no-diff") {
            let p = f.clone();
            // Real time on the kernel is mostly ping and sleep: start the files with the most
            // of them first, so the longest do not end the run alone.
            let waits = text
                .lines()
                .filter(|l| l.starts_with("$ ") && (l.contains("ping") || l.contains("sleep")))
                .count();
            kernel_trials.push((
                waits,
                Trial::test(format!("kernel::{name}"), move || {
                    if let Some(why) = kernel_unavailable() {
                        return Err(format!("cannot compare with the kernel: {why}").into());
                    }
                    let (code, out, err) = netsim(&["diff"], &[&p]);
                    ensure(code == 0 && out.starts_with("same "), || {
                        format!("netsim diff exited {code}:\n{out}{err}")
                    })
                })
                .with_kind("needs root")
                .with_ignored_flag(true),
            ));
        }
    }
    kernel_trials.sort_by_key(|(waits, _)| std::cmp::Reverse(*waits));
    let mut trials: Vec<Trial> = kernel_trials
        .into_iter()
        .map(|(_, t)| t)
        .chain(trials)
        .collect();
    for (name, f) in KERNEL_CLI_TESTS {
        let f = *f;
        trials.push(
            Trial::test(format!("kernel_cli::{name}"), move || {
                if let Some(why) = kernel_unavailable() {
                    return Err(format!("cannot run the kernel backend: {why}").into());
                }
                f()
            })
            .with_kind("needs root")
            .with_ignored_flag(true),
        );
    }
    for (name, f) in CLI_TESTS {
        trials.push(Trial::test(format!("cli::{name}"), *f));
    }
    libtest_mimic::run(&args, trials).exit();
}

type CliTest = (&'static str, fn() -> Result<(), Failed>);

/// The kernel backend's command line (root only).
const KERNEL_CLI_TESTS: &[CliTest] = &[
    ("timeouts_stop_the_run_and_name_the_option", kernel_timeouts),
    ("diff_prints_as_it_goes", kernel_diff_streams),
];

const CLI_TESTS: &[CliTest] = &[
    (
        "run_without_a_file_replays_the_walkthrough",
        run_without_a_file,
    ),
    (
        "check_reports_a_mismatch_with_a_diff",
        check_reports_a_mismatch,
    ),
    ("check_and_diff_need_files", check_and_diff_need_files),
    ("empty_scenarios_are_errors", empty_scenarios_are_errors),
    ("seeds_and_seed_are_checked", seeds_and_seed_are_checked),
    ("input_size_limits", input_size_limits),
    ("run_prints_each_result_as_it_finishes", run_streams),
    ("json_trace_is_only_json", json_trace_is_only_json),
    ("diff_skips_no_diff_files", diff_skips_no_diff_files),
    (
        "diff_without_root_says_so_once",
        diff_without_root_says_so_once,
    ),
];

fn run_without_a_file() -> Result<(), Failed> {
    let (code, s, _) = netsim(&["run"], &[]);
    ensure(code == 0, || format!("exit {code}"))?;
    ensure(s.contains("$ ip netns add ns0\n"), || s.clone())?;
    ensure(
        s.contains("64 bytes from 10.0.1.2: icmp_seq=1 ttl=64"),
        || s.clone(),
    )
}

fn check_reports_a_mismatch() -> Result<(), Failed> {
    let dir = scratch("mismatch");
    let p = dir.join("bad.t");
    std::fs::write(&p, "$ ip netns add ns0\n$ ip netns list\nnsX\n")?;
    let (code, out, _) = netsim(&["check"], &[&p]);
    ensure(code == 1, || format!("exit {code}: {out}"))?;
    ensure(
        out.starts_with(&format!("FAILED {}\n", p.display()))
            && out.contains("command 2")
            && out.contains("-nsX")
            && out.contains("+ns0")
            && out.ends_with("0 passed, 1 failed\n"),
        || out.clone(),
    )?;
    let (code, out, _) = netsim(&["check", "--bless"], &[&p]);
    ensure(code == 0, || format!("bless exit {code}: {out}"))?;
    let blessed = std::fs::read_to_string(&p)?;
    ensure(
        blessed == "$ ip netns add ns0\n$ ip netns list\nns0\n",
        || blessed.clone(),
    )?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

fn check_and_diff_need_files() -> Result<(), Failed> {
    for cmd in ["check", "diff"] {
        let (code, out, err) = netsim(&[cmd], &[]);
        ensure(code == 2 && out.is_empty(), || {
            format!("{cmd}: exit {code}: {out}{err}")
        })?;
        ensure(
            err == format!("netsim {cmd}: no scenario files given (usage: netsim {cmd} FILE...)\n"),
            || err.clone(),
        )?;
    }
    Ok(())
}

fn empty_scenarios_are_errors() -> Result<(), Failed> {
    let dir = scratch("empty");
    let empty = dir.join("empty.t");
    std::fs::write(&empty, "# only comments\n\n   \n# and blank lines\n")?;
    std::fs::write(dir.join("nothing.t"), "")?;
    for p in [empty.clone(), dir.join("nothing.t")] {
        let want = format!(
            "netsim: {}: no commands (a scenario has `$ COMMAND` lines, a plain script one command per line)\n",
            p.display()
        );
        // No root is needed to say that: diff checks the file before starting a sandbox.
        for cmd in ["check", "diff"] {
            let (code, out, err) = netsim(&[cmd], &[&p]);
            ensure(code == 1, || format!("{cmd} {}: exit {code}", p.display()))?;
            ensure(
                out.starts_with(&format!("FAILED {}\n", p.display())),
                || out.clone(),
            )?;
            ensure(err == want, || format!("{cmd}: {err}"))?;
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

fn seeds_and_seed_are_checked() -> Result<(), Failed> {
    let walk = root().join("scenarios/notes/walkthrough.t");
    let usage = "--seeds takes A..B, whole numbers from 0 with A < B: the seeds A, A+1, ..., B-1 (B is excluded)";
    for (seeds, want) in [
        (
            "5..1",
            format!("netsim: --seeds 5..1 is empty: {usage}; to run one seed N, give N..N+1\n"),
        ),
        (
            "3..3",
            format!("netsim: --seeds 3..3 is empty: {usage}; to run one seed N, give N..N+1\n"),
        ),
        ("-1..2", format!("netsim: {usage}, not `-1..2`\n")),
        ("7", format!("netsim: {usage}, not `7`\n")),
    ] {
        let (code, out, err) = netsim(&["check", "--seeds", seeds], &[&walk]);
        ensure(code == 2 && out.is_empty(), || {
            format!("{seeds}: exit {code}: {out}")
        })?;
        ensure(err == want, || format!("{seeds}: {err}"))?;
    }
    let (code, out, _) = netsim(&["check", "--seeds", "4..5"], &[&walk]);
    ensure(code == 0 && out.starts_with("ok "), || out.clone())?;
    let (code, _, err) = netsim(&["run", "--seed", "-1"], &[]);
    ensure(code == 2, || format!("exit {code}"))?;
    ensure(
        err.starts_with("error: invalid value '-1' for '--seed <SEED>': a seed is a whole number from 0 to 18446744073709551615, not `-1`\n"),
        || err.clone(),
    )
}

fn input_size_limits() -> Result<(), Failed> {
    // /dev/zero is one endless line: the line limit stops it at once.
    let start = Instant::now();
    let (code, out, err) = netsim(&["run", "/dev/zero"], &[]);
    ensure(code == 1 && out.is_empty(), || {
        format!("exit {code}: {out}")
    })?;
    ensure(
        err == "netsim: /dev/zero: line 1 is longer than the line size limit of 65536 bytes (--max-line-bytes N raises the limit)\n",
        || err.clone(),
    )?;
    ensure(start.elapsed() < Duration::from_secs(20), || {
        "took too long".into()
    })?;
    // The script limit: the commands before it have run and printed.
    let dir = scratch("limits");
    let p = dir.join("long.t");
    let mut s = String::from("$ ip netns add a\n");
    for _ in 0..100 {
        s.push_str("$ ip netns list\n");
    }
    std::fs::write(&p, &s)?;
    let (code, out, err) = netsim(&["run", "--max-script-bytes", "100"], &[&p]);
    ensure(code == 1, || format!("exit {code}"))?;
    ensure(
        out.starts_with("$ ip netns add a\n$ ip netns list\na\n"),
        || out.clone(),
    )?;
    ensure(
        err == format!("netsim: {}: the input is longer than the script size limit of 100 bytes (--max-script-bytes N raises the limit)\n", p.display()),
        || err.clone(),
    )?;
    let (code, _, err) = netsim(&["check", "--max-line-bytes", "5"], &[&p]);
    ensure(code == 1, || format!("exit {code}"))?;
    ensure(err.contains("line 1 is longer than the line size limit of 5 bytes (--max-line-bytes N raises the limit)"), || err.clone())?;
    let (code, out, _) = netsim(&["run"], &[&p]);
    ensure(code == 0 && out.len() > s.len(), || format!("exit {code}"))?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// `netsim run -` answers each command before its input has ended.
fn run_streams() -> Result<(), Failed> {
    let mut child = Command::new(NETSIM)
        .args(["run", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let mut stdin = child.stdin.take().ok_or("stdin")?;
    let stdout = child.stdout.take().ok_or("stdout")?;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for l in BufReader::new(stdout).lines() {
            let Ok(l) = l else { break };
            if tx.send(l).is_err() {
                break;
            }
        }
    });
    stdin.write_all(b"Streamed.\n$ ip netns add a\n$ ip netns list\n")?;
    stdin.flush()?;
    let mut seen = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(20);
    while !seen.iter().any(|l: &String| l == "a") {
        match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(l) => seen.push(l),
            Err(_) => {
                let _ = child.kill();
                return Err(format!("no result before the input ended; saw {seen:?}").into());
            }
        }
    }
    ensure(
        seen == ["Streamed.", "$ ip netns add a", "$ ip netns list", "a"],
        || format!("{seen:?}"),
    )?;
    drop(stdin);
    let status = child.wait()?;
    ensure(status.success(), || format!("{status}"))
}

fn json_trace_is_only_json() -> Result<(), Failed> {
    let walk = root().join("scenarios/notes/walkthrough.t");
    for args in [
        &["trace", "--trace-format", "json"][..],
        &["run", "--trace", "--trace-format", "json"],
    ] {
        let (code, out, _) = netsim(args, &[&walk]);
        ensure(code == 0, || format!("exit {code}"))?;
        let mut commands = 0;
        for (i, l) in out.lines().enumerate() {
            let v: serde_json::Value = serde_json::from_str(l)
                .map_err(|e| format!("line {} is not JSON ({e}): {l}", i + 1))?;
            if i == 0 {
                ensure(
                    v["preamble"].as_str().is_some_and(|p| !p.is_empty()),
                    || l.to_string(),
                )?;
            } else {
                ensure(v["command"].is_string() && v["trace"].is_array(), || {
                    l.to_string()
                })?;
                commands += 1;
            }
        }
        ensure(commands > 5, || out.clone())?;
    }
    Ok(())
}

fn diff_skips_no_diff_files() -> Result<(), Failed> {
    let base = root();
    let bridge = base.join("scenarios/docker/bridge.t");
    let loops = base.join("scenarios/packet/loops.t");
    let md = base.join("docs/en/06-docker-network-modes.md");
    // No root needed: a skipped file never starts a sandbox.
    let (code, out, err) = netsim(&["diff"], &[&bridge, &loops, &md]);
    ensure(code == 0 && err.is_empty(), || {
        format!("exit {code}: {out}{err}")
    })?;
    let want = format!(
        "skipped {}: netsim: no-diff (the kernel sandbox has no docker; ",
        bridge.display()
    );
    let lines: Vec<&str> = out.lines().collect();
    ensure(lines.len() == 3, || out.clone())?;
    ensure(
        lines[0].starts_with(&want) && lines[0].ends_with(')'),
        || out.clone(),
    )?;
    ensure(
        lines[1] == format!("skipped {}: netsim: no-diff a real broadcast storm is not something to run on the kernel (it would spin the machine's CPUs until the loop is cut), so this scenario is checked against the simulator only.", loops.display()),
        || out.clone(),
    )?;
    ensure(
        lines[2]
            == format!(
                "skipped {}: netsim: no-diff the docker front end exists only in the simulator.",
                md.display()
            ),
        || out.clone(),
    )?;
    Ok(())
}

/// Without root, `netsim diff` still skips `no-diff` files, then stops at the first file that
/// needs the kernel, saying why once (status 2). As root, the test runs netsim without root.
fn diff_without_root_says_so_once() -> Result<(), Failed> {
    let base = root();
    let bridge = base.join("scenarios/docker/bridge.t");
    let walk = base.join("scenarios/notes/walkthrough.t");
    let netns = base.join("scenarios/foundation/netns.t");
    let root_user = kernel_unavailable().is_none();
    let mut c = if root_user {
        // Not root for this one run: a user namespace with no uid mapping (uid 65534 inside,
        // still the owner of root's files).
        let mut c = Command::new("unshare");
        c.args(["--user", NETSIM]);
        c
    } else {
        Command::new(NETSIM)
    };
    let out = c.arg("diff").args([&bridge, &walk, &netns]).output()?;
    let (code, out, err) = (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    ensure(code == 2, || format!("exit {code}: {out}{err}"))?;
    ensure(
        out.starts_with(&format!("skipped {}: ", bridge.display())) && out.lines().count() == 1,
        || out.clone(),
    )?;
    ensure(
        err == "netsim: the kernel backend needs root (it creates namespaces with unshare)\n",
        || err.clone(),
    )
}

fn kernel_timeouts() -> Result<(), Failed> {
    let dir = scratch("timeouts");
    let p = dir.join("hang.t");
    std::fs::write(&p, "$ ip netns add a\n$ sleep inf\n$ ip netns list\n")?;
    let start = Instant::now();
    let (code, out, err) = netsim(&["diff", "--command-timeout", "1.5"], &[&p]);
    ensure(start.elapsed() < Duration::from_secs(20), || {
        "diff hung".into()
    })?;
    ensure(code == 1, || format!("exit {code}: {out}{err}"))?;
    ensure(out == format!("DIFFERENT {}\n", p.display()), || {
        out.clone()
    })?;
    ensure(
        err == "netsim: `sleep inf` did not finish within the command time limit of 1.5 s on the kernel; the run was stopped (--command-timeout SECS raises the limit)\n",
        || err.clone(),
    )?;
    std::fs::write(
        &p,
        "$ ip netns add a\n$ sleep 1\n$ sleep 1\n$ sleep 1\n$ ip netns list\n",
    )?;
    let (code, out, err) = netsim(&["run", "--backend", "kernel", "--run-timeout", "2"], &[&p]);
    ensure(code == 1, || format!("exit {code}: {out}{err}"))?;
    ensure(out == "$ ip netns add a\n$ sleep 1\n", || out.clone())?;
    ensure(
        err == "netsim: the kernel run took longer than the run time limit of 2 s; it was stopped (--run-timeout SECS raises the limit)\n",
        || err.clone(),
    )?;
    let (code, _, err) = netsim(
        &["run", "--backend", "kernel", "--command-timeout", "0"],
        &[&p],
    );
    ensure(
        code == 2 && err.contains("expected a positive number of seconds, not `0`"),
        || err.clone(),
    )?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// `netsim diff --verbose` prints each command as soon as both sides ran it: the first
/// commands are on stdout while a later one is still running.
fn kernel_diff_streams() -> Result<(), Failed> {
    let dir = scratch("diffstream");
    let p = dir.join("slow.t");
    std::fs::write(&p, "$ ip netns add a\n$ ip netns list\n$ sleep 30\n")?;
    let mut child = Command::new(NETSIM)
        .args(["diff", "--verbose"])
        .arg(&p)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let stdout = child.stdout.take().ok_or("stdout")?;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for l in BufReader::new(stdout).lines() {
            let Ok(l) = l else { break };
            if tx.send(l).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(15);
    while seen.len() < 3 {
        match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(l) => seen.push(l),
            Err(_) => break,
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);
    ensure(seen == ["$ ip netns add a", "$ ip netns list", "a"], || {
        format!("{seen:?}")
    })
}

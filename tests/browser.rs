//! The browser playground in headless Chromium (issue "The browser playground").
//!
//! `web/tests/browser.mjs` drives the page built by `web/build.sh` (playwright-core, Debian's
//! `/usr/bin/chromium`) and writes what the page showed; this test compares it with the
//! `netsim` binary byte for byte: the transcript of commands typed at the prompt and of a
//! `?script=` link with `netsim run`, the walkthrough replayed from a `#script=` link with
//! `netsim run`, the steps of the ping with `netsim trace --trace-format json`, and the
//! downloaded session with `netsim check`. Then the budgets of the issue, which it writes to
//! `target/browser/budgets.json` (README reports them).
//!
//! Ignored by default (it needs Chromium, node with web/node_modules, and web/dist);
//! `web/ci.sh` runs it with `--ignored`, and then a missing piece is a failure, not a skip.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace root")
        .to_path_buf()
}

fn netsim(args: &[&str]) -> (String, i32) {
    let o = Command::new(env!("CARGO_BIN_EXE_netsim"))
        .args(args)
        .output()
        .expect("run netsim");
    (
        String::from_utf8(o.stdout).expect("utf-8"),
        o.status.code().unwrap_or(-1),
    )
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn same(what: &str, page: &str, cli: &str) {
    if page != cli {
        let line = page
            .lines()
            .zip(cli.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(page.lines().count().min(cli.lines().count()));
        panic!(
            "{what}: the page's transcript differs from netsim's at line {}\n--- page\n{page}\n--- netsim\n{cli}",
            line + 1
        );
    }
}

#[test]
#[ignore = "needs chromium and web/dist (run web/ci.sh)"]
fn playground_in_headless_chromium() {
    let repo = repo();
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).exists(),
        "needs chromium at {chromium} (Debian: apt-get install chromium; web/ci.sh installs it)"
    );
    let dist = repo.join("web/dist");
    assert!(
        dist.join("index.html").exists() && dist.join("pkg/sim_web_bg.wasm").exists(),
        "needs web/dist: run web/build.sh"
    );
    assert!(
        repo.join("web/node_modules/playwright-core").exists(),
        "needs playwright-core: (cd web && npm ci)"
    );
    let out = repo.join("target/browser");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).expect("target/browser");
    let shots = std::env::var("NETSIM_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| out.join("screenshots"));
    let status = Command::new("node")
        .arg(repo.join("web/tests/browser.mjs"))
        .arg(&dist)
        .arg(&out)
        .arg(&shots)
        .env("CHROMIUM", &chromium)
        .status()
        .expect("run node web/tests/browser.mjs");
    assert!(status.success(), "web/tests/browser.mjs failed: {status}");

    // Typed at the prompt (with `ip netns exec ns1 bash` ... `exit`) = the script netsim runs.
    let script = repo.join("web/tests/typed.script");
    let script_s = script.to_str().expect("utf-8 path");
    let (run, code) = netsim(&["run", script_s]);
    assert_eq!(code, 0);
    same(
        "typed at the prompt",
        &read(&out.join("typed-transcript.txt")),
        &run,
    );
    same(
        "the ?script= link",
        &read(&out.join("query-transcript.txt")),
        &run,
    );

    // The walkthrough from a #script= link = `netsim run` of it.
    let walk = repo.join("scenarios/notes/walkthrough.t");
    let (walk_run, code) = netsim(&["run", walk.to_str().expect("utf-8 path")]);
    assert_eq!(code, 0);
    same(
        "the walkthrough from a #script= link",
        &read(&out.join("walkthrough-transcript.txt")),
        &walk_run,
    );

    // The step-through lists the ping's steps exactly as `netsim trace` has them.
    let (json, code) = netsim(&["trace", "--trace-format", "json", script_s]);
    assert_eq!(code, 0);
    let last: serde_json::Value =
        serde_json::from_str(json.lines().last().expect("a line per command")).expect("json");
    let want: Vec<(String, String)> = last["trace"]
        .as_array()
        .expect("trace")
        .iter()
        .map(|s| {
            (
                s["where"].as_str().unwrap_or_default().to_string(),
                s["what"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let page: serde_json::Value =
        serde_json::from_str(&read(&out.join("steps.json"))).expect("steps.json");
    let got: Vec<(String, String)> = page
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| {
            (
                s["where"].as_str().unwrap_or_default().to_string(),
                s["what"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert!(!want.is_empty());
    assert_eq!(got, want, "the page's steps differ from netsim trace's");

    // The downloaded session is a scenario `netsim check` accepts.
    let dl = out.join("download.t");
    let (check, code) = netsim(&["check", dl.to_str().expect("utf-8 path")]);
    assert_eq!(code, 0, "netsim check download.t:\n{check}");
    assert!(read(&dl).contains("$ ip netns exec ns1 iptables -A INPUT -p icmp -j ACCEPT\n"));

    // The budgets.
    let b: serde_json::Value =
        serde_json::from_str(&read(&out.join("budgets.json"))).expect("budgets.json");
    let f = |k: &str| b[k].as_f64().unwrap_or(f64::INFINITY);
    println!(
        "budgets: wasm {} bytes gzipped; interactive {:.0} ms (median of 5); command answered {:.1} ms (max of {}), with the picture and frames redrawn {:.1} ms (median) {:.1} ms (max); walkthrough from a URL {:.0} ms (median of 5)",
        f("wasm_gzip_bytes"),
        f("interactive_ms_median"),
        f("command_ms_max"),
        b["command_ms"].as_array().map_or(0, |v| v.len()),
        f("redraw_ms_median"),
        f("redraw_ms_max"),
        f("walkthrough_replay_ms_median"),
    );
    assert!(
        f("wasm_gzip_bytes") < 2.0 * 1024.0 * 1024.0,
        "wasm over 2 MiB gzipped"
    );
    assert!(
        f("interactive_ms_median") < 1000.0,
        "page interactive in 1 s or more"
    );
    assert!(
        f("command_ms_max") < 20.0,
        "a command took 20 ms or more: {}",
        b["command_ms"]
    );
    assert!(
        f("redraw_ms_median") < 20.0,
        "redrawing the picture and the frames took 20 ms or more (median)"
    );
    assert!(
        f("walkthrough_replay_ms_median") < 200.0,
        "the walkthrough took 200 ms or more"
    );
}

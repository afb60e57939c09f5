//! `netsim bench`: scale, speed and memory of the simulator as one table, with the real
//! kernel alongside where it can be measured (`--kernel`, needs root).
//!
//! Builds and memory figures each run in a fresh child process (`netsim bench --child ...`)
//! so that one measurement's heap does not flatter the next; memory is the growth of the
//! child's resident set (`/proc/self/statm`) divided by the number of objects made.

#[allow(dead_code, clippy::all)]
#[path = "../../sim-core/benches/workloads/mod.rs"]
mod workloads;

use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use sim_core::engine;

/// Options of `netsim bench`.
#[derive(clap::Args, Debug, Clone)]
pub struct BenchOpts {
    /// Also time the real kernel: replaying the walkthrough and building 100 and 1,000
    /// namespaces on a bridge (needs root; adds about 40 seconds).
    #[arg(long)]
    pub kernel: bool,
    /// Also build 100,000 namespaces (a few seconds and about 1 GiB of memory).
    #[arg(long)]
    pub huge: bool,
    /// Internal: run one measurement and print its raw figures.
    #[arg(long, hide = true)]
    pub child: Option<String>,
}

/// Entry point of `netsim bench`.
pub fn run(opts: &BenchOpts) -> ExitCode {
    if let Some(c) = &opts.child {
        return child(c);
    }
    let mut rows: Vec<(String, String)> = Vec::new();
    let emit = |rows: &mut Vec<(String, String)>, what: String, val: String| {
        eprintln!("  {what}: {val}");
        rows.push((what, val));
    };
    eprintln!("netsim bench: measuring (under a minute; --huge adds 100,000 namespaces, --kernel the real kernel)");

    // Whole-process replay of the notes' walkthrough.
    let walk = Path::new("scenarios/notes/walkthrough.t");
    let exe = std::env::current_exe().unwrap_or_else(|_| "netsim".into());
    if walk.exists() {
        let t = time_process(Command::new(&exe).args(["run"]).arg(walk));
        emit(
            &mut rows,
            "replay scenarios/notes/walkthrough.t, netsim (whole process)".into(),
            fmt_dur(t),
        );
    } else {
        emit(
            &mut rows,
            "replay walkthrough".into(),
            "skipped: run from the repository root".into(),
        );
    }

    // Building N namespaces on one bridge, each with a veth and an address, plus one ping.
    let mut ns_sizes = vec![100usize, 1_000, 10_000];
    if opts.huge {
        ns_sizes.push(100_000);
    }
    for n in ns_sizes {
        match child_figures(&exe, &format!("build:{n}")) {
            Some(f) if f.len() >= 2 => emit(
                &mut rows,
                format!("build {n} namespaces on a bridge + ping across, netsim"),
                format!(
                    "{} (peak RSS {})",
                    fmt_dur(Duration::from_secs_f64(f[0])),
                    fmt_bytes(f[1] * 1024.0)
                ),
            ),
            _ => emit(
                &mut rows,
                format!("build {n} namespaces, netsim"),
                "failed".into(),
            ),
        }
    }

    // The inputs that used to take quadratic time (one command each, timed alone).
    {
        use workloads::former_quadratic as fq;
        for n in [50_000usize, 200_000] {
            let (mut s, line) = fq::restore(n);
            let start = Instant::now();
            let o = s.run_line(&line);
            let t = start.elapsed();
            emit(
                &mut rows,
                format!("iptables-restore of {n} rules, netsim"),
                if o.status == 0 { fmt_dur(t) } else { "failed".into() },
            );
        }
        let t = fq::appends(10_000);
        emit(&mut rows, "10000 × iptables -A, netsim".into(), fmt_dur(t));
        let (mut s, line) = fq::nested_exec(100_000);
        let start = Instant::now();
        let o = s.run_line(&line);
        let t = start.elapsed();
        emit(
            &mut rows,
            "ip netns exec nested 100000 levels in one line, netsim".into(),
            if o.status == 0 { fmt_dur(t) } else { "failed".into() },
        );
    }

    // Frames per second on one core.
    let mut streams: Vec<(String, Box<dyn Fn() -> workloads::Stream>)> =
        vec![("a veth pair (ping)".into(), Box::new(workloads::veth_pair))];
    for p in [2usize, 16, 256] {
        streams.push((
            format!("a bridge of {p} ports (ping)"),
            Box::new(move || workloads::bridge(p)),
        ));
    }
    for r in [0usize, 10, 1_000, 10_000] {
        streams.push((
            format!("a MASQUERADE router, {r} FORWARD rules (ping)"),
            Box::new(move || workloads::router(r)),
        ));
    }
    for (name, make) in streams {
        let mut s = make();
        s.run(1_000);
        let (frames, pings, t) = (0..)
            .try_fold((0u64, 0u64, Duration::ZERO), |(f, p, t), _| {
                let start = Instant::now();
                let moved = s.run(2_000);
                let t = t + start.elapsed();
                let acc = (f + moved, p + 2_000, t);
                if t > Duration::from_millis(700) {
                    Err(acc)
                } else {
                    Ok(acc)
                }
            })
            .unwrap_err();
        let secs = t.as_secs_f64();
        emit(
            &mut rows,
            format!("frames/s through {name}"),
            format!(
                "{} frames/s ({} echo requests/s)",
                fmt_count(frames as f64 / secs),
                fmt_count(pings as f64 / secs)
            ),
        );
    }

    // Memory.
    for (key, label) in [
        (
            "ns",
            "memory per namespace (`ip netns add`: lo, sysctls, tables)",
        ),
        ("dev", "memory per device (veth pairs in one namespace)"),
        ("fdb", "memory per FDB entry (learned MACs on one bridge)"),
        (
            "ct",
            "memory per conntrack entry (ICMP flows through MASQUERADE)",
        ),
    ] {
        match child_figures(&exe, &format!("mem:{key}")) {
            Some(f) if !f.is_empty() => emit(
                &mut rows,
                label.into(),
                format!("{} (RSS growth / count)", fmt_bytes(f[0])),
            ),
            _ => emit(&mut rows, label.into(), "failed".into()),
        }
    }
    emit(
        &mut rows,
        "shallow sizes (size_of, excluding heap)".into(),
        shallow_sizes(),
    );

    // The real kernel.
    if opts.kernel {
        match crate::kernel::unavailable() {
            Some(why) => emit(
                &mut rows,
                "kernel backend".into(),
                format!("skipped: {why}"),
            ),
            None => {
                if walk.exists() {
                    let t = time_process(
                        Command::new(&exe)
                            .args(["run", "--backend", "kernel"])
                            .arg(walk),
                    );
                    emit(
                        &mut rows,
                        "replay scenarios/notes/walkthrough.t, kernel backend (whole process)"
                            .into(),
                        fmt_dur(t),
                    );
                }
                for n in [100usize, 1_000] {
                    let path = std::env::temp_dir()
                        .join(format!("netsim-bench-{n}-{}.t", std::process::id()));
                    let script = build_script(n);
                    if std::fs::write(&path, script).is_err() {
                        emit(
                            &mut rows,
                            format!("build {n} namespaces, kernel"),
                            "failed: cannot write script".into(),
                        );
                        continue;
                    }
                    let t = time_process(
                        Command::new(&exe)
                            .args(["run", "--backend", "kernel"])
                            .arg(&path),
                    );
                    let _ = std::fs::remove_file(&path);
                    emit(
                        &mut rows,
                        format!("build {n} namespaces on a bridge + ping across, kernel backend"),
                        fmt_dur(t),
                    );
                }
            }
        }
    } else {
        let why = match crate::kernel::unavailable() {
            Some(w) => format!("not measured: {w}"),
            None => "not measured: pass --kernel (adds about 40 s)".into(),
        };
        emit(&mut rows, "kernel backend".into(), why);
    }

    let w = rows.iter().map(|(a, _)| a.len()).max().unwrap_or(0);
    println!("| {:w$} | result |", "measurement");
    println!("|{}|{}|", "-".repeat(w + 2), "-".repeat(40));
    for (a, b) in &rows {
        println!("| {a:w$} | {b} |");
    }
    ExitCode::SUCCESS
}

/// The scenario `build_star` runs, as a script for the kernel backend.
fn build_script(n: usize) -> String {
    let mut s = String::from(
        "Generated by netsim bench.\n$ ip link add br0 type bridge\n$ ip link set br0 up\n",
    );
    for i in 0..n {
        s.push_str(&format!(
            "$ ip netns add ns{i}\n$ ip link add v{i} type veth peer name eth0 netns ns{i}\n"
        ));
        s.push_str(&format!(
            "$ ip link set v{i} master br0\n$ ip link set v{i} up\n"
        ));
        s.push_str(&format!(
            "$ ip -n ns{i} addr add {}/8 dev eth0\n$ ip -n ns{i} link set eth0 up\n",
            workloads::host(i)
        ));
    }
    s.push_str(&format!(
        "$ ip netns exec ns0 ping -c 1 {}\n",
        workloads::host(n - 1)
    ));
    s
}

fn time_process(cmd: &mut Command) -> Duration {
    let start = Instant::now();
    let _ = cmd.stdout(Stdio::null()).stderr(Stdio::null()).status();
    start.elapsed()
}

/// Run a child measurement and parse the numbers it prints.
fn child_figures(exe: &Path, what: &str) -> Option<Vec<f64>> {
    let out = Command::new(exe)
        .args(["bench", "--child", what])
        .stderr(Stdio::inherit())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .filter_map(|x| x.parse().ok())
            .collect(),
    )
}

/// Resident set size in bytes.
fn rss() -> f64 {
    let s = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: f64 = s
        .split_whitespace()
        .nth(1)
        .and_then(|x| x.parse().ok())
        .unwrap_or(0.0);
    pages * 4096.0
}

/// Peak resident set size in KiB.
fn hwm_kb() -> f64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|x| x.parse().ok())
        .unwrap_or(0.0)
}

fn child(what: &str) -> ExitCode {
    let (kind, arg) = what.split_once(':').unwrap_or((what, ""));
    match kind {
        "build" => {
            let Ok(n) = arg.parse::<usize>() else {
                return ExitCode::from(2);
            };
            let start = Instant::now();
            let s = workloads::build_and_ping(n);
            let t = start.elapsed().as_secs_f64();
            println!("{t} {}", hwm_kb());
            drop(s);
        }
        "mem" => {
            let per = match arg {
                "ns" => {
                    let n = 20_000;
                    let mut s = workloads::sim();
                    let before = rss();
                    for i in 0..n {
                        workloads::must(&mut s, &format!("ip netns add ns{i}"));
                    }
                    (rss() - before) / n as f64
                }
                "dev" => {
                    let n = 20_000;
                    let mut s = workloads::sim();
                    let before = rss();
                    for i in 0..n {
                        workloads::must(
                            &mut s,
                            &format!("ip link add a{i} type veth peer name b{i}"),
                        );
                    }
                    (rss() - before) / (2 * n) as f64
                }
                "fdb" => {
                    let n = 100_000u32;
                    let mut s = workloads::build_star(1);
                    let port = workloads::dev(&s, None, "v0");
                    let before = rss();
                    for i in 0..n {
                        let b = i.to_be_bytes();
                        let mac = [0x02, 0x10, b[0], b[1], b[2], b[3]];
                        let f = workloads::echo_frame(
                            mac,
                            [0x02, 0xff, 0, 0, 0, 1],
                            workloads::host(5),
                            workloads::host(6),
                            1,
                        );
                        engine::inject(&mut s, port, f);
                        engine::run_for(&mut s, 1_000);
                    }
                    (rss() - before) / n as f64
                }
                "ct" => {
                    let n = 20_000u32;
                    let mut st = workloads::router(0);
                    let lan = workloads::dev(&st.sim, Some("lan"), "eth0");
                    let r = workloads::dev(&st.sim, Some("r"), "eth0");
                    let (sm, dm) = (st.sim.world.dev(lan).mac, st.sim.world.dev(r).mac);
                    let before = rss();
                    for i in 0..n {
                        let src = std::net::Ipv4Addr::from(u32::from(std::net::Ipv4Addr::new(
                            192, 168, 1, 2,
                        )));
                        let dst = std::net::Ipv4Addr::new(203, 0, 113, 2);
                        let pkt = sim_core::wire::Ipv4 {
                            src,
                            dst,
                            ttl: 64,
                            id: 0,
                            tos: 0,
                            l4: sim_core::wire::L4::Icmp(sim_core::wire::Icmp::echo(
                                true,
                                i as u16,
                                (i >> 16) as u16 + 1,
                                vec![0; 56],
                            )),
                        };
                        let f = sim_core::wire::emit(&sim_core::wire::Frame {
                            dst: dm,
                            src: sm,
                            body: sim_core::wire::Body::Ipv4(pkt),
                        });
                        st.sim.engine.begin_command();
                        engine::inject(&mut st.sim, r, f);
                        engine::run_for(&mut st.sim, 200_000);
                    }
                    let ns = workloads::ns_id(&st.sim, Some("r"));
                    let count = st.sim.world.ns(ns).nf.ct.conns.len().max(1);
                    (rss() - before) / count as f64
                }
                _ => return ExitCode::from(2),
            };
            println!("{per}");
        }
        _ => return ExitCode::from(2),
    }
    ExitCode::SUCCESS
}

fn shallow_sizes() -> String {
    use sim_core::engine::netfilter::conntrack::Conn;
    use sim_core::model::{Device, FdbEntry, Netns};
    format!(
        "Netns {} B, Device {} B, FdbEntry {} B, conntrack Conn {} B",
        std::mem::size_of::<Netns>(),
        std::mem::size_of::<Device>(),
        std::mem::size_of::<FdbEntry>(),
        std::mem::size_of::<Conn>()
    )
}

fn fmt_dur(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 1.0 {
        format!("{s:.2} s")
    } else {
        format!("{:.1} ms", s * 1e3)
    }
}

fn fmt_bytes(b: f64) -> String {
    if b >= 1024.0 * 1024.0 {
        format!("{:.1} MiB", b / (1024.0 * 1024.0))
    } else if b >= 1024.0 {
        format!("{:.1} KiB", b / 1024.0)
    } else {
        format!("{b:.0} B")
    }
}

fn fmt_count(x: f64) -> String {
    let n = x.round() as u64;
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

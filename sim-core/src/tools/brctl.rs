//! `brctl` from bridge-utils 1.7.1: addbr, delbr, addif, delif, show, showmacs, setageing, stp.
//!
//! brctl's stdout is block-buffered when it is not a terminal, so its error messages (stderr)
//! come out before whatever it printed on stdout; outputs here keep that order.
//!
//! STP: `brctl stp BR on` records the flag (shown by `brctl show`), but the spanning tree
//! protocol itself (BPDUs, listening/learning delays, blocking) is not modelled; `showstp`
//! and the STP timer setters are refused.

use crate::model::{fmt_mac, DeviceId, DeviceKind, Errno, NetnsId};
use crate::shell::{Output, Sim};
use crate::tools::{unsupported, Ctx};

/// brctl's command table: name, number of arguments, help text.
const COMMANDS: &[(&str, usize, &str)] = &[
    ("addbr", 1, "<bridge>\t\tadd bridge"),
    ("delbr", 1, "<bridge>\t\tdelete bridge"),
    ("addif", 2, "<bridge> <device>\tadd interface to bridge"),
    (
        "delif",
        2,
        "<bridge> <device>\tdelete interface from bridge",
    ),
    (
        "hairpin",
        3,
        "<bridge> <port> {on|off}\tturn hairpin on/off",
    ),
    ("setageing", 2, "<bridge> <time>\t\tset ageing time"),
    ("setbridgeprio", 2, "<bridge> <prio>\t\tset bridge priority"),
    ("setfd", 2, "<bridge> <time>\t\tset bridge forward delay"),
    ("sethello", 2, "<bridge> <time>\t\tset hello time"),
    ("setmaxage", 2, "<bridge> <time>\t\tset max message age"),
    ("setpathcost", 3, "<bridge> <port> <cost>\tset path cost"),
    (
        "setportprio",
        3,
        "<bridge> <port> <prio>\tset port priority",
    ),
    ("show", 0, "[ <bridge> ]\t\tshow a list of bridges"),
    ("showmacs", 1, "<bridge>\t\tshow a list of mac addrs"),
    ("showstp", 1, "<bridge>\t\tshow bridge stp info"),
    ("stp", 2, "<bridge> {on|off}\tturn stp on/off"),
];

/// Linux `IFNAMSIZ - 1`: brctl copies names into a 16-byte buffer.
const IFNAME_MAX: usize = 15;

fn help() -> String {
    let mut s = String::from("Usage: brctl [commands]\ncommands:\n");
    for (name, _, h) in COMMANDS {
        s.push_str(&format!("\t{name:<10}\t{h}\n"));
    }
    s
}

/// An error on stderr followed by text on stdout, as a pipe shows them.
fn err_then_out(err: impl Into<String>, out: impl Into<String>, status: i32) -> Output {
    let mut o = Output::error(err, status);
    o.out(out);
    o
}

/// Entry point of `brctl`.
pub fn run(sim: &mut Sim, ctx: Ctx, args: &[&str]) -> Output {
    // getopt("h") permutes: any `-x` word anywhere is an option.
    if let Some(opt) = args.iter().find(|a| a.starts_with('-') && a.len() > 1) {
        if opt.starts_with("--") {
            return unsupported("brctl", &format!("option `{opt}`"));
        }
        let c = opt.chars().nth(1).unwrap_or('?');
        if c == 'h' {
            return Output::text(help());
        }
        return err_then_out(
            format!("brctl: invalid option -- '{c}'\nUnknown option '?'\n"),
            help(),
            1,
        );
    }
    let Some(cmd) = args.first() else {
        return Output::text(help()).with_status(1);
    };
    let Some(&(name, nargs, h)) = COMMANDS.iter().find(|(n, _, _)| n == cmd) else {
        return err_then_out(format!("never heard of command [{cmd}]\n"), help(), 1);
    };
    let rest = &args[1..];
    if rest.len() < nargs {
        return err_then_out(
            "Incorrect number of arguments for command\n",
            format!("Usage: brctl {name} {h}\n"),
            1,
        );
    }
    let ns = ctx.ns;
    match name {
        "addbr" => addbr(sim, ns, rest[0]),
        "delbr" => delbr(sim, ns, rest[0]),
        "addif" => addif(sim, ns, rest[0], &rest[1..]),
        "delif" => delif(sim, ns, rest[0], &rest[1..]),
        "show" => show(sim, ns, rest),
        "showmacs" => showmacs(sim, ns, rest[0]),
        "setageing" => setageing(sim, ns, rest[0], rest[1]),
        "stp" => stp(sim, ns, rest[0], rest[1]),
        "showstp" => match bridge_by_name(sim, ns, rest[0]) {
            Some(_) => unsupported(
                "brctl",
                "`showstp` (the spanning tree protocol is not modelled)",
            ),
            None => Output::error(format!("bridge {} does not exist!\n", rest[0]), 1),
        },
        other => unsupported(
            "brctl",
            &format!("`{other}` (the spanning tree protocol is not modelled)"),
        ),
    }
}

/// The name the kernel sees: brctl truncates to IFNAMSIZ - 1 bytes.
fn ifname(n: &str) -> &str {
    match n.char_indices().nth(IFNAME_MAX) {
        Some((i, _)) => &n[..i],
        None => n,
    }
}

fn bridge_by_name(sim: &Sim, ns: NetnsId, name: &str) -> Option<DeviceId> {
    sim.world
        .dev_by_name(ns, ifname(name))
        .filter(|d| sim.world.dev(*d).is_bridge())
}

fn addbr(sim: &mut Sim, ns: NetnsId, name: &str) -> Output {
    let n = ifname(name);
    if sim.world.dev_by_name(ns, n).is_some() {
        return Output::error(
            format!("device {name} already exists; can't create bridge with the same name\n"),
            1,
        );
    }
    if n.is_empty()
        || n == "."
        || n == ".."
        || n.contains('/')
        || n.contains(':')
        || n.chars().any(char::is_whitespace)
    {
        return Output::error(
            format!("add bridge failed: {}\n", Errno::Inval.strerror()),
            1,
        );
    }
    match sim.world.add_bridge(ns, n) {
        Ok(_) => Output::ok(),
        Err(Errno::Limit) => Output::error(
            format!(
                "netsim: limit of {} devices reached (raise it with --max-devices)\n",
                sim.world.limits.max_devices
            ),
            1,
        ),
        Err(e) => Output::error(format!("add bridge failed: {}\n", e.strerror()), 1),
    }
}

fn delbr(sim: &mut Sim, ns: NetnsId, name: &str) -> Output {
    let Some(d) = sim.world.dev_by_name(ns, ifname(name)) else {
        return Output::error(format!("bridge {name} doesn't exist; can't delete it\n"), 1);
    };
    let dv = sim.world.dev(d);
    if !dv.is_bridge() {
        return Output::error(
            format!("can't delete bridge {name}: Operation not permitted\n"),
            1,
        );
    }
    if dv.admin_up {
        return Output::error(format!("bridge {name} is still up; can't delete it\n"), 1);
    }
    match sim.world.del_device(d) {
        Ok(()) => Output::ok(),
        Err(e) => Output::error(format!("can't delete bridge {name}: {}\n", e.strerror()), 1),
    }
}

fn addif(sim: &mut Sim, ns: NetnsId, br: &str, ifs: &[&str]) -> Output {
    for ifn in ifs {
        let Some(port) = sim.world.dev_by_name(ns, ifname(ifn)) else {
            return Output::error(format!("interface {ifn} does not exist!\n"), 1);
        };
        let Some(brd) = sim.world.dev_by_name(ns, ifname(br)) else {
            return Output::error(format!("bridge {br} does not exist!\n"), 1);
        };
        if !sim.world.dev(brd).is_bridge() {
            return Output::error(
                format!("can't add {ifn} to bridge {br}: Operation not supported\n"),
                1,
            );
        }
        let pd = sim.world.dev(port);
        if matches!(pd.kind, DeviceKind::Bridge(_)) {
            // bridge-utils checks this itself, before asking the kernel.
            return Output::error(
                format!("device {ifn} is a bridge device itself; can't add a bridge device to a bridge device.\n"),
                1,
            );
        }
        if port == brd || matches!(pd.kind, DeviceKind::Loopback) {
            return Output::error(
                format!("can't add {ifn} to bridge {br}: Invalid argument\n"),
                1,
            );
        }
        if pd.master.is_some() {
            return Output::error(
                format!(
                    "device {ifn} is already a member of a bridge; can't add it to bridge {br}.\n"
                ),
                1,
            );
        }
        if let Err(e) = sim.world.set_master(port, brd) {
            return Output::error(
                format!("can't add {ifn} to bridge {br}: {}\n", e.strerror()),
                1,
            );
        }
    }
    Output::ok()
}

fn delif(sim: &mut Sim, ns: NetnsId, br: &str, ifs: &[&str]) -> Output {
    for ifn in ifs {
        let port = sim.world.dev_by_name(ns, ifname(ifn));
        let Some(brd) = sim.world.dev_by_name(ns, ifname(br)) else {
            return match port {
                None => Output::error(format!("interface {ifn} does not exist!\n"), 1),
                Some(_) => Output::error(format!("bridge {br} does not exist!\n"), 1),
            };
        };
        let Some(port) = port else {
            return Output::error(format!("interface {ifn} does not exist!\n"), 1);
        };
        if !sim.world.dev(brd).is_bridge() {
            return Output::error(
                format!("can't delete {ifn} from {br}: Operation not supported\n"),
                1,
            );
        }
        if sim.world.dev(port).master != Some(brd) {
            return Output::error(format!("device {ifn} is not a port of {br}\n"), 1);
        }
        sim.world.set_nomaster(port);
    }
    Output::ok()
}

/// `8000.` and the bridge id's MAC without separators.
fn bridge_id(sim: &Sim, br: DeviceId) -> String {
    let id = sim
        .world
        .dev(br)
        .bridge()
        .map(|b| b.bridge_id)
        .unwrap_or_default();
    format!(
        "8000.{}",
        id.iter().map(|b| format!("{b:02x}")).collect::<String>()
    )
}

/// One bridge's lines of `brctl show`: ports sorted by name (scandir + alphasort).
fn show_bridge(sim: &Sim, br: DeviceId) -> String {
    let dv = sim.world.dev(br);
    let stp = if dv.bridge().is_some_and(|b| b.stp) {
        "yes"
    } else {
        "no"
    };
    let mut s = format!("{}\t\t{}\t{stp}\t\t", dv.name, bridge_id(sim, br));
    let mut ports: Vec<&str> = sim
        .world
        .bridge_ports(br)
        .into_iter()
        .map(|p| sim.world.dev(p).name.as_str())
        .collect();
    ports.sort_unstable();
    if ports.is_empty() {
        s.push('\n');
    }
    for (i, p) in ports.iter().enumerate() {
        if i > 0 {
            s.push_str("\t\t\t\t\t\t\t");
        }
        s.push_str(p);
        s.push('\n');
    }
    s
}

const SHOW_HEADER: &str = "bridge name\tbridge id\t\tSTP enabled\tinterfaces\n";

fn show(sim: &mut Sim, ns: NetnsId, names: &[&str]) -> Output {
    let mut err = String::new();
    let mut out = String::new();
    let mut brs: Vec<DeviceId> = Vec::new();
    if names.is_empty() {
        brs = sim
            .world
            .devices_of(ns)
            .filter(|d| sim.world.dev(*d).is_bridge())
            .collect();
        brs.sort_by(|a, b| sim.world.dev(*a).name.cmp(&sim.world.dev(*b).name));
    } else {
        for n in names {
            match sim.world.dev_by_name(ns, ifname(n)) {
                None => err.push_str(&format!("bridge {n} does not exist!\n")),
                Some(d) if !sim.world.dev(d).is_bridge() => {
                    err.push_str(&format!("device {n} is not a bridge!\n"))
                }
                Some(d) => brs.push(d),
            }
        }
    }
    for br in brs {
        if out.is_empty() {
            out.push_str(SHOW_HEADER);
        }
        out.push_str(&show_bridge(sim, br));
    }
    let status = i32::from(!err.is_empty());
    let mut o = Output::default();
    o.err(err);
    o.out(out);
    o.with_status(status)
}

fn showmacs(sim: &mut Sim, ns: NetnsId, name: &str) -> Output {
    let Some(d) = sim.world.dev_by_name(ns, ifname(name)) else {
        return Output::error("read of forward table failed: No such device\n", 1);
    };
    let now = sim.world.now;
    let dv = sim.world.dev(d);
    let Some(b) = dv.bridge() else {
        return Output::error("read of forward table failed: Operation not supported\n", 1);
    };
    // br_fdb_fillbuf: entries behind a port that have not expired; brctl sorts them by MAC.
    let mut rows: Vec<([u8; 6], u16, bool, u64)> = b
        .fdb
        .iter()
        .rev()
        .filter(|e| !b.expired(e, now))
        .filter_map(|e| {
            let port = e.port?;
            let no = b.port_info.iter().find(|p| p.dev == port)?.port_no;
            let cs = if e.local || e.is_static {
                0
            } else {
                now.saturating_sub(e.updated) / 10_000_000
            };
            Some((e.mac, no, e.local, cs))
        })
        .collect();
    rows.sort_by_key(|r| r.0);
    let mut s = String::from("port no\tmac addr\t\tis local?\tageing timer\n");
    for (mac, no, local, cs) in rows {
        let yes = if local { "yes" } else { "no" };
        s.push_str(&format!(
            "{no:3}\t{}\t{yes}\t\t{:4}.{:02}\n",
            fmt_mac(&mac),
            cs / 100,
            cs % 100
        ));
    }
    Output::text(s)
}

/// The leading decimal number of `s`, as `sscanf("%lf")` reads it.
fn scan_f64(s: &str) -> Option<f64> {
    let s = s.trim_start();
    let mut end = 0;
    let b = s.as_bytes();
    if end < b.len() && (b[end] == b'+' || b[end] == b'-') {
        end += 1;
    }
    let digits_start = end;
    while end < b.len() && b[end].is_ascii_digit() {
        end += 1;
    }
    if end < b.len() && b[end] == b'.' {
        end += 1;
        while end < b.len() && b[end].is_ascii_digit() {
            end += 1;
        }
    }
    if end == digits_start || &s[digits_start..end] == "." {
        return None;
    }
    s[..end].parse().ok()
}

fn setageing(sim: &mut Sim, ns: NetnsId, name: &str, val: &str) -> Output {
    let Some(secs) = scan_f64(val) else {
        return Output::error("bad ageing time value\n", 1);
    };
    // brctl: a timeval from the double, then centiseconds (`__tv_to_jiffies`).
    let tv_sec = secs.trunc();
    let tv_usec = (1_000_000.0 * (secs - tv_sec)) as i64;
    let cs = (tv_sec as i64)
        .saturating_mul(100)
        .saturating_add(tv_usec / 10_000);
    let Some(d) = sim.world.dev_by_name(ns, ifname(name)) else {
        return Output::error("set ageing time failed: No such device\n", 1);
    };
    // The kernel's garbage collector has already deleted what expired under the old ageing
    // time: a longer one must not bring those entries back.
    crate::engine::bridge::fdb_cleanup(sim, d);
    match sim.world.dev_mut(d).bridge_mut() {
        Some(b) => {
            b.ageing_cs = cs.max(0) as u64;
            Output::ok()
        }
        None => Output::error("set ageing time failed: Operation not supported\n", 1),
    }
}

fn stp(sim: &mut Sim, ns: NetnsId, name: &str, val: &str) -> Output {
    let on = match val {
        "on" | "yes" | "1" => true,
        "off" | "no" | "0" => false,
        _ => return Output::error("expect on/off for argument\n", 1),
    };
    let Some(d) = sim.world.dev_by_name(ns, ifname(name)) else {
        return Output::error("set stp status failed: No such device\n", 1);
    };
    match sim.world.dev_mut(d).bridge_mut() {
        // Turning STP on would block loops on a real bridge; the protocol is not modelled, so
        // accepting it would be a silent lie.
        Some(_) if on => unsupported(
            "brctl",
            "`stp on` (the spanning tree protocol is not modelled)",
        ),
        Some(b) => {
            b.stp = false;
            Output::ok()
        }
        None => Output::error("set stp status failed: Operation not supported\n", 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by `cargo fuzz run shell_line`: centiseconds overflowed (a panic with overflow
    /// checks, as in debug builds and the fuzz targets).
    #[test]
    fn huge_ageing_times_do_not_overflow() {
        let mut sim = crate::Sim::new(crate::SimConfig::default());
        sim.run_line("ip link add br0 type bridge");
        for v in [
            "99999999999999999999",
            "1e300",
            "-1e300",
            "9223372036854775807.9",
        ] {
            sim.run_line(&format!("brctl setageing br0 {v}"));
        }
    }

    #[test]
    fn sscanf_like_numbers() {
        assert_eq!(scan_f64("12.345"), Some(12.345));
        assert_eq!(scan_f64("10abc"), Some(10.0));
        assert_eq!(scan_f64("abc"), None);
        assert_eq!(scan_f64("."), None);
    }

    #[test]
    fn help_lists_commands_like_brctl() {
        assert!(help().contains("\taddbr     \t<bridge>\t\tadd bridge\n"));
        assert!(help().contains("\tsetbridgeprio\t<bridge> <prio>\t\tset bridge priority\n"));
    }
}

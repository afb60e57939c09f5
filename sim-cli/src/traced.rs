//! `netsim run --trace`, `netsim trace` and `--pcap`: the transcript with every frame's steps,
//! and one pcap file per interface.

use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use sim_core::scenario::{self, Actual};
use sim_core::{Sim, SimConfig};

use crate::input::Item;
use crate::{emit, load_or_default, open_stream, SimOpts, TraceFormat, TraceOpts};

/// Run a scenario, printing each command's result and trace as soon as it has run. With
/// `--trace-format json` every line on stdout is one JSON object: `{"preamble": ...}` for a
/// transcript's free text, then one object per command.
pub fn run(file: Option<&Path>, opts: &SimOpts, topts: &TraceOpts) -> ExitCode {
    let mut stream = match open_stream(file, opts) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let mut sim = Sim::new(SimConfig {
        trace: topts.trace,
        ..opts.config()
    });
    sim.trace.capture = topts.pcap.is_some();
    let json = topts.trace_format == TraceFormat::Json;
    let mut i = 0;
    loop {
        let command = match stream.next() {
            Ok(None) => break,
            Ok(Some(Item::Preamble(p))) => {
                if !json {
                    emit(&p);
                } else if !p.is_empty() {
                    emit(&format!("{}\n", serde_json::json!({ "preamble": p })));
                }
                continue;
            }
            Ok(Some(Item::Command(c))) => c,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(1);
            }
        };
        let o = crate::watchdog::timed(&command, || sim.run_line(&command));
        let a = Actual {
            command,
            output: o.combined(),
            status: o.status,
        };
        let mut text = String::new();
        if json {
            let obj = serde_json::json!({
                "command": a.command, "index": i, "output": a.output, "status": a.status,
                "trace": sim.trace.steps,
            });
            text.push_str(&obj.to_string());
            text.push('\n');
        } else {
            scenario::render_step(&mut text, &a);
            for l in sim.trace.lines() {
                text.push_str("  | ");
                text.push_str(&l);
                text.push('\n');
            }
        }
        emit(&text);
        i += 1;
    }
    if let Some(dir) = &topts.pcap {
        if let Err(e) = write_pcaps(dir, &sim) {
            eprintln!("netsim: {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

/// `netsim explain-drop`: the transcript, and after each command that lost frames, the
/// step where each was dropped (marked by the engine with [`sim_core::engine::trace::Trace::drop_step`]).
pub fn explain_drop(file: &Path, opts: &SimOpts) -> ExitCode {
    let sc = match load_or_default(Some(file), opts.input.limits()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let mut sim = Sim::new(SimConfig {
        trace: true,
        ..opts.config()
    });
    emit(&sc.preamble);
    for step in &sc.steps {
        let o = crate::watchdog::timed(&step.command, || sim.run_line(&step.command));
        let a = Actual {
            command: step.command.clone(),
            output: o.combined(),
            status: o.status,
        };
        let mut text = String::new();
        scenario::render_step(&mut text, &a);
        for d in sim.trace.drops() {
            text.push_str(&format!("  dropped at {}: {}\n", d.at, d.what));
        }
        emit(&text);
    }
    ExitCode::SUCCESS
}

/// One pcap file per interface, named `NAMESPACE-DEVICE.pcap`.
fn write_pcaps(dir: &Path, sim: &Sim) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let mut names: Vec<&str> = sim.trace.frames.iter().map(|f| f.iface.as_str()).collect();
    names.sort();
    names.dedup();
    for n in names {
        let path = dir.join(format!("{}.pcap", n.replace('/', "-")));
        let f = std::fs::File::create(&path).map_err(|e| e.to_string())?;
        let mut w = pcap_file::pcap::PcapWriter::new(std::io::BufWriter::new(f))
            .map_err(|e| e.to_string())?;
        for fr in sim.trace.frames.iter().filter(|f| f.iface == n) {
            let p = pcap_file::pcap::PcapPacket::new(
                Duration::from_nanos(fr.t),
                fr.bytes.len() as u32,
                &fr.bytes,
            );
            w.write_packet(&p).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

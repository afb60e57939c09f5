//! `netsim run --trace`, `netsim trace` and `--pcap`: the transcript with every frame's steps,
//! and one pcap file per interface.

use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use sim_core::scenario::{self, Actual};
use sim_core::{Sim, SimConfig};

use crate::{load_or_default, TraceFormat, TraceOpts};

pub fn run(file: Option<&Path>, cfg: &SimConfig, opts: &TraceOpts) -> ExitCode {
    let sc = match load_or_default(file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let mut sim = Sim::new(SimConfig {
        trace: opts.trace,
        ..cfg.clone()
    });
    sim.trace.capture = opts.pcap.is_some();
    let mut text = sc.preamble.clone();
    for (i, step) in sc.steps.iter().enumerate() {
        let o = sim.run_line(&step.command);
        let a = Actual {
            command: step.command.clone(),
            output: o.combined(),
            status: o.status,
        };
        match opts.trace_format {
            TraceFormat::Text => {
                scenario::render_step(&mut text, &a);
                for l in sim.trace.lines() {
                    text.push_str("  | ");
                    text.push_str(&l);
                    text.push('\n');
                }
            }
            TraceFormat::Json => {
                let obj = serde_json::json!({
                    "command": a.command, "index": i, "output": a.output, "status": a.status,
                    "trace": sim.trace.steps,
                });
                text.push_str(&obj.to_string());
                text.push('\n');
            }
        }
    }
    print!("{text}");
    if let Some(dir) = &opts.pcap {
        if let Err(e) = write_pcaps(dir, &sim) {
            eprintln!("netsim: {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

/// `netsim explain-drop`: the transcript, and after each command that lost frames, the
/// step where each was dropped (marked by the engine with [`sim_core::engine::trace::Trace::drop_step`]).
pub fn explain_drop(file: &Path, cfg: &SimConfig) -> ExitCode {
    let sc = match load_or_default(Some(file)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let mut sim = Sim::new(SimConfig {
        trace: true,
        ..cfg.clone()
    });
    let mut text = sc.preamble.clone();
    for step in &sc.steps {
        let o = sim.run_line(&step.command);
        let a = Actual {
            command: step.command.clone(),
            output: o.combined(),
            status: o.status,
        };
        scenario::render_step(&mut text, &a);
        for d in sim.trace.drops() {
            text.push_str(&format!("  dropped at {}: {}\n", d.at, d.what));
        }
    }
    print!("{text}");
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

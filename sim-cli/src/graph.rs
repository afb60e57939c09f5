//! `netsim graph`: run a scenario and draw the host it leaves behind (DOT, Mermaid or SVG),
//! optionally with the path the last command's frames took.
//!
//! Architecture invariant: the picture is made by `sim_core::graph`; this module only runs
//! the scenario and writes the text out.

use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;
use sim_core::graph::{self, Topology};
use sim_core::{Sim, SimConfig};

/// The picture's format.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum GraphFormat {
    /// Graphviz (`dot -Tsvg`).
    Dot,
    /// A Mermaid flowchart (Markdown renderers draw it).
    Mermaid,
    /// A self-contained SVG laid out by netsim itself.
    Svg,
}

/// The picture of a scenario's final state as text.
pub fn render(
    file: Option<&Path>,
    cfg: &SimConfig,
    limits: crate::input::Limits,
    format: GraphFormat,
    trace: bool,
) -> Result<String, String> {
    let sc = crate::load_or_default(file, limits)?;
    let mut sim = Sim::new(SimConfig {
        trace,
        ..cfg.clone()
    });
    for step in &sc.steps {
        sim.run_line(&step.command);
    }
    let mut t = Topology::from_world(&sim.world);
    if trace {
        // The steps of the last command: each command line starts a fresh trace.
        t = t.with_path(&sim.trace.steps);
    }
    Ok(match format {
        GraphFormat::Dot => graph::to_dot(&t),
        GraphFormat::Mermaid => graph::to_mermaid(&t),
        GraphFormat::Svg => graph::to_svg(&t),
    })
}

/// `netsim graph [FILE] [--format dot|mermaid|svg] [--trace]`.
pub fn run(
    file: Option<&Path>,
    opts: &crate::SimOpts,
    format: GraphFormat,
    trace: bool,
) -> ExitCode {
    match render(file, &opts.config(), opts.input.limits(), format, trace) {
        Ok(s) => {
            print!("{s}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

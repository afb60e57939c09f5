//! The seam between scenarios and what runs them: the simulator or the real kernel.

use sim_core::normalize::Normalizer;
use sim_core::scenario::Actual;
use sim_core::{Sim, SimConfig};

/// Something that runs a list of command lines in one fresh host and reports each result.
pub trait Backend {
    fn run(&mut self, commands: &[String]) -> Result<Vec<Actual>, String>;
}

/// The simulator.
#[derive(Debug)]
pub struct SimBackend {
    cfg: SimConfig,
}

impl SimBackend {
    pub fn new(cfg: SimConfig) -> SimBackend {
        SimBackend { cfg }
    }
}

impl Backend for SimBackend {
    fn run(&mut self, commands: &[String]) -> Result<Vec<Actual>, String> {
        let mut sim = Sim::new(self.cfg.clone());
        Ok(commands
            .iter()
            .map(|c| {
                let o = sim.run_line(c);
                Actual {
                    command: c.clone(),
                    output: o.combined(),
                    status: o.status,
                }
            })
            .collect())
    }
}

/// The outcome of comparing two transcripts.
#[derive(Debug, Default)]
pub struct Report {
    pub differences: Vec<String>,
    pub sim_text: String,
}

/// Compare command by command after normalising both sides.
pub fn compare(sim: &[Actual], ker: &[Actual]) -> Report {
    let mut ns = Normalizer::new();
    let mut nk = Normalizer::new();
    let mut r = Report::default();
    for (a, b) in sim.iter().zip(ker) {
        // A transcript cannot show a missing final newline (`echo -n`): compare as printed.
        let line_end = |s: &str| {
            if s.is_empty() || s.ends_with('\n') {
                s.to_string()
            } else {
                format!("{s}\n")
            }
        };
        let sa = ns.normalize(&a.command, &line_end(&a.output));
        let sb = nk.normalize(&b.command, &line_end(&b.output));
        r.sim_text.push_str(&format!("$ {}\n{sa}", a.command));
        if sa != sb || a.status != b.status {
            let mut d = format!("--- $ {}\n", a.command);
            if a.status != b.status {
                d.push_str(&format!("status: sim {} kernel {}\n", a.status, b.status));
            }
            if sa != sb {
                let td = similar::TextDiff::from_lines(&sb, &sa);
                d.push_str(
                    &td.unified_diff()
                        .context_radius(2)
                        .header("kernel", "sim")
                        .to_string(),
                );
            }
            r.differences.push(d);
        }
    }
    r
}

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
                let o = crate::watchdog::timed(c, || sim.run_line(c));
                Actual {
                    command: c.clone(),
                    output: o.combined(),
                    status: o.status,
                }
            })
            .collect())
    }
}

/// Compares two runs command by command, normalising both sides as it goes.
#[derive(Debug, Default)]
pub struct Comparer {
    ns: Normalizer,
    nk: Normalizer,
}

impl Comparer {
    /// The simulator's normalised step, and the difference from the kernel's, if any.
    pub fn step(&mut self, a: &Actual, b: &Actual) -> (String, Option<String>) {
        // A transcript cannot show a missing final newline (`echo -n`): compare as printed.
        let line_end = |s: &str| {
            if s.is_empty() || s.ends_with('\n') {
                s.to_string()
            } else {
                format!("{s}\n")
            }
        };
        let sa = self.ns.normalize(&a.command, &line_end(&a.output));
        let sb = self.nk.normalize(&b.command, &line_end(&b.output));
        let text = format!("$ {}\n{sa}", a.command);
        if sa == sb && a.status == b.status {
            return (text, None);
        }
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
        (text, Some(d))
    }
}

//! The step-by-step trace of every frame: what `--trace` and the teaching shell print.

use crate::model::Nanos;

/// Recorded trace lines of the current command.
#[derive(Debug, Clone, Default)]
pub struct Trace {
    pub enabled: bool,
    pub lines: Vec<String>,
}

impl Trace {
    pub fn new(enabled: bool) -> Trace {
        Trace { enabled, lines: Vec::new() }
    }
    /// Start the trace of a new command line.
    pub fn begin_command(&mut self, _line: &str) {
        self.lines.clear();
    }
    /// Record a step at virtual time `now`.
    pub fn step(&mut self, now: Nanos, where_: &str, what: impl FnOnce() -> String) {
        if self.enabled {
            self.lines.push(format!("{:>4}.{:06} {where_:<16} {}", now / 1_000_000_000, (now / 1000) % 1_000_000, what()));
        }
    }
    /// Take the lines recorded so far.
    pub fn take(&mut self) -> Vec<String> {
        std::mem::take(&mut self.lines)
    }
}

//! The step-by-step trace of every frame: what the teaching aid and `--trace` print.

/// Recorded trace lines.
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
}

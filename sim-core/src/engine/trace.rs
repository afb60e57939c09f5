//! The step-by-step trace of every frame: what `--trace` and the teaching shell print, and
//! the frames seen on each interface for `--pcap`.

use crate::model::Nanos;

/// One step of a frame's journey.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Step {
    /// Virtual time in nanoseconds.
    pub t: Nanos,
    /// `namespace/device`, or the namespace alone.
    #[serde(rename = "where")]
    pub at: String,
    /// What happened, in words.
    pub what: String,
    /// The frame went no further here (`netsim explain-drop` prints these).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub drop: bool,
}

impl Step {
    /// The step as one readable line.
    pub fn line(&self) -> String {
        format!(
            "{:>4}.{:06} {:<16} {}",
            self.t / 1_000_000_000,
            (self.t / 1000) % 1_000_000,
            self.at,
            self.what
        )
    }
}

/// A frame seen on an interface (for pcap files).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Captured {
    /// `namespace/device`.
    pub iface: String,
    pub t: Nanos,
    pub bytes: Vec<u8>,
}

/// Recorded steps of the current command, and captured frames of the whole run.
#[derive(Debug, Clone, Default)]
pub struct Trace {
    pub enabled: bool,
    pub steps: Vec<Step>,
    /// Capture frames per interface (`--pcap`).
    pub capture: bool,
    pub frames: Vec<Captured>,
}

impl Trace {
    pub fn new(enabled: bool) -> Trace {
        Trace {
            enabled,
            ..Default::default()
        }
    }
    /// Start the trace of a new command line.
    pub fn begin_command(&mut self, _line: &str) {
        self.steps.clear();
    }
    /// Record a step at virtual time `now`.
    pub fn step(&mut self, now: Nanos, where_: &str, what: impl FnOnce() -> String) {
        if self.enabled {
            self.steps.push(Step {
                t: now,
                at: where_.to_string(),
                what: what(),
                drop: false,
            });
        }
    }
    /// Record the step where a frame was dropped (or refused and answered with an error).
    pub fn drop_step(&mut self, now: Nanos, where_: &str, what: impl FnOnce() -> String) {
        if self.enabled {
            self.steps.push(Step {
                t: now,
                at: where_.to_string(),
                what: what(),
                drop: true,
            });
        }
    }
    /// The drop steps recorded so far.
    pub fn drops(&self) -> impl Iterator<Item = &Step> {
        self.steps.iter().filter(|s| s.drop)
    }
    /// Record a frame seen on an interface.
    pub fn capture(&mut self, now: Nanos, iface: impl FnOnce() -> String, bytes: &[u8]) {
        if self.capture {
            self.frames.push(Captured {
                iface: iface(),
                t: now,
                bytes: bytes.to_vec(),
            });
        }
    }
    /// Take the steps recorded so far.
    pub fn take(&mut self) -> Vec<Step> {
        std::mem::take(&mut self.steps)
    }
    /// The steps recorded so far as readable lines.
    pub fn lines(&self) -> Vec<String> {
        self.steps.iter().map(Step::line).collect()
    }
}

//! A one-line progress display on stderr for long commands (`netsim check` over many files or
//! seeds). It draws only when stderr is a terminal, so pipes, files and CI logs stay quiet.

use std::io::{IsTerminal, Write};

/// A progress line that rewrites itself in place.
#[derive(Debug)]
pub struct Progress {
    enabled: bool,
    shown: bool,
}

impl Progress {
    /// Draw only if `wanted` and stderr is a terminal.
    pub fn new(wanted: bool) -> Progress {
        Progress {
            enabled: wanted && std::io::stderr().is_terminal(),
            shown: false,
        }
    }

    /// Replace the line with `msg`.
    pub fn show(&mut self, msg: &str) {
        if !self.enabled {
            return;
        }
        let mut e = std::io::stderr().lock();
        let _ = write!(e, "\r\x1b[K{msg}");
        let _ = e.flush();
        self.shown = true;
    }

    /// Erase the line before anything else is printed.
    pub fn clear(&mut self) {
        if self.shown {
            let _ = std::io::stdout().flush();
            let mut e = std::io::stderr().lock();
            let _ = write!(e, "\r\x1b[K");
            let _ = e.flush();
            self.shown = false;
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.clear();
    }
}

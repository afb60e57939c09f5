//! Whole shell lines. The input is split at newlines; each piece runs in one `Sim` (a fresh
//! one, or the NAT topology when the first byte is odd). A piece starting with a NUL byte
//! is replaced by a line of the grammar generator seeded from the piece, so coverage
//! guidance works both on raw bytes (tokenizer, quoting, option parsers) and on well-formed
//! commands. None of it may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sim_core::model::Limits;
use sim_core::testing::grammar::{Gen, TOPOLOGY};
use sim_core::{Sim, SimConfig};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let limits = Limits { max_netns: 16, max_devices: 64, max_frames: 5_000, max_time_s: 86_400 };
    let mut s = Sim::new(SimConfig { seed: 3, limits, trace: false });
    if mode & 1 == 1 {
        for l in TOPOLOGY {
            s.run_line(l);
        }
    }
    for piece in rest.split(|b| *b == b'\n').take(16) {
        let line = if let Some(seed) = piece.strip_prefix(&[0]) {
            let mut bytes = [0u8; 32];
            for (i, b) in seed.iter().take(32).enumerate() {
                bytes[i] = *b;
            }
            Gen::from_seed_bytes(bytes).line()
        } else {
            String::from_utf8_lossy(piece).into_owned()
        };
        s.run_line(&line);
    }
});

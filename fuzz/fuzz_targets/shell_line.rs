//! Whole shell lines. The input is split at newlines; each piece runs in one `Sim` (a fresh
//! one, or the NAT topology when the first byte is odd). A piece starting with a NUL byte
//! is replaced by a line of the grammar generator seeded from the piece, so coverage
//! guidance works both on raw bytes (tokenizer, quoting, option parsers) and on well-formed
//! commands. Generated lines are cut at 4,096 bytes, the bound libFuzzer puts on raw input
//! (`-max_len`): the huge ones belong to `netsim fuzz`, whose workers measure memory and
//! CPU. `SHELL_LINE_PRINT=1` prints each line before running it. None of it may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sim_core::model::Limits;
use sim_core::testing::grammar::{Gen, TOPOLOGY};
use sim_core::{Sim, SimConfig};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let limits = Limits { max_netns: 16, max_devices: 64, max_frames: 5_000, max_time_s: 86_400, ..Limits::default() };
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
            let mut l = Gen::from_seed_bytes(bytes).line();
            if l.len() > 4096 {
                let mut cut = 4096;
                while !l.is_char_boundary(cut) {
                    cut -= 1;
                }
                l.truncate(cut);
            }
            l
        } else {
            String::from_utf8_lossy(piece).into_owned()
        };
        if std::env::var_os("SHELL_LINE_PRINT").is_some() {
            eprintln!("line: {line}");
        }
        s.run_line(&line);
    }
});

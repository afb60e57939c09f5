//! Any text through the transcript parsers (plain and Markdown), and what they parsed back
//! through the renderers. None of it may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sim_core::scenario;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for sc in [scenario::parse(&text), scenario::parse_markdown(&text)] {
        let _ = scenario::render_expected(&sc);
    }
});

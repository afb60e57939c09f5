//! Small commands: `sleep` (advances the virtual clock).

use crate::engine;
use crate::shell::{Output, Sim};

/// `sleep N`: advances virtual time by N seconds (fractions allowed), running timers.
pub fn sleep(sim: &mut Sim, args: &[&str]) -> Output {
    let Some(a) = args.first() else {
        return Output::error(
            "sleep: missing operand\nTry 'sleep --help' for more information.\n",
            1,
        );
    };
    let secs: f64 = match a.trim_end_matches('s').parse() {
        Ok(s) if s >= 0.0 && f64::is_finite(s) => s,
        _ => {
            return Output::error(
                format!(
                "sleep: invalid time interval ‘{a}’\nTry 'sleep --help' for more information.\n"
            ),
                1,
            )
        }
    };
    let limit = sim.world.limits.max_time_s;
    let now_s = sim.world.now / 1_000_000_000;
    if secs > (limit.saturating_sub(now_s)) as f64 {
        return Output::error(
            format!("netsim: virtual time limit of {limit} s reached (raise it with --max-time)\n"),
            1,
        );
    }
    let ns = (secs * 1e9) as u64;
    engine::run_for(sim, ns);
    Output::ok()
}

//! The wall-time limit of one simulated command (`--max-wall`). The simulator bounds its own
//! work (frames, virtual time, rules, nesting, file sizes), so no command should come near it;
//! it is the last guard. A thread watches the command that is running; one that runs past the
//! limit ends the process with a message naming the limit and the option, status 1.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, Once};
use std::time::{Duration, Instant};

/// Milliseconds since `EPOCH` when the running command started, or 0 when none runs.
static STARTED_MS: AtomicU64 = AtomicU64::new(0);
static LIMIT_MS: AtomicU64 = AtomicU64::new(60_000);
static EPOCH: Mutex<Option<Instant>> = Mutex::new(None);
static SPAWN: Once = Once::new();

fn now_ms() -> u64 {
    let mut e = EPOCH.lock().unwrap_or_else(|p| p.into_inner());
    let epoch = *e.get_or_insert_with(Instant::now);
    // Never 0, which means "no command".
    u64::try_from(epoch.elapsed().as_millis())
        .unwrap_or(u64::MAX)
        .max(1)
}

/// Set the limit (seconds).
pub fn set_limit(secs: f64) {
    LIMIT_MS.store((secs * 1000.0) as u64, Ordering::Relaxed);
}

/// Run one command under the watch.
pub fn timed<T>(line: &str, f: impl FnOnce() -> T) -> T {
    SPAWN.call_once(|| {
        std::thread::spawn(|| loop {
            std::thread::sleep(Duration::from_millis(100));
            let start = STARTED_MS.load(Ordering::Relaxed);
            let limit = LIMIT_MS.load(Ordering::Relaxed);
            if start != 0 && now_ms().saturating_sub(start) > limit {
                eprintln!(
                    "netsim: wall-time limit of {} s for one command reached (raise it with --max-wall)",
                    limit as f64 / 1000.0
                );
                std::process::exit(1);
            }
        });
    });
    let _ = line;
    STARTED_MS.store(now_ms(), Ordering::Relaxed);
    let r = f();
    STARTED_MS.store(0, Ordering::Relaxed);
    r
}

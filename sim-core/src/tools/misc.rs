//! Small commands: `sleep` (advances the virtual clock) and bash's `echo`.

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

/// bash's builtin `echo`: leading words made only of `-n`, `-e`, `-E` are options (the last
/// of `-e`/`-E` wins); anything else, `--` included, is printed.
pub fn echo(args: &[&str]) -> Output {
    let mut newline = true;
    let mut escapes = false;
    let mut i = 0;
    while let Some(a) = args.get(i) {
        let Some(flags) = a.strip_prefix('-') else {
            break;
        };
        if flags.is_empty() || !flags.chars().all(|c| matches!(c, 'n' | 'e' | 'E')) {
            break;
        }
        for c in flags.chars() {
            match c {
                'n' => newline = false,
                'e' => escapes = true,
                _ => escapes = false,
            }
        }
        i += 1;
    }
    let text = args[i..].join(" ");
    let mut out = String::new();
    if escapes {
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('a') => out.push('\u{7}'),
                Some('b') => out.push('\u{8}'),
                Some('c') => return Output::text(out), // no further output, no newline
                Some('e' | 'E') => out.push('\u{1b}'),
                Some('f') => out.push('\u{c}'),
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some('t') => out.push('\t'),
                Some('v') => out.push('\u{b}'),
                Some('\\') => out.push('\\'),
                Some('0') => {
                    let mut v = 0u32;
                    for _ in 0..3 {
                        match chars.peek().and_then(|d| d.to_digit(8)) {
                            Some(d) => {
                                v = v * 8 + d;
                                chars.next();
                            }
                            None => break,
                        }
                    }
                    out.push(char::from_u32(v & 0xff).unwrap_or('?'));
                }
                Some('x') => {
                    let mut v = 0u32;
                    let mut n = 0;
                    while n < 2 {
                        match chars.peek().and_then(|d| d.to_digit(16)) {
                            Some(d) => {
                                v = v * 16 + d;
                                chars.next();
                                n += 1;
                            }
                            None => break,
                        }
                    }
                    if n == 0 {
                        out.push_str("\\x");
                    } else {
                        out.push(char::from_u32(v).unwrap_or('?'));
                    }
                }
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            }
        }
    } else {
        out = text;
    }
    if newline {
        out.push('\n');
    }
    Output::text(out)
}

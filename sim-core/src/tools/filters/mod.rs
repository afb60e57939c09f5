//! Text filters used after a pipe: grep, head, tail, wc -l, sort.

mod grep;

use crate::shell::Output;

/// Run a filter over its standard input.
pub fn run<S: AsRef<str>>(argv: &[S], input: &str) -> Output {
    let args: Vec<&str> = argv[1..].iter().map(|s| s.as_ref()).collect();
    match argv[0].as_ref() {
        "grep" => grep::run(&args, input),
        "head" => head_tail(&args, input, true),
        "tail" => head_tail(&args, input, false),
        "wc" => wc(&args, input),
        "sort" => sort(&args, input),
        other => Output::error(format!("netsim: `{other}` after a pipe is not supported (grep, head, tail, wc, sort are)\n"), 127),
    }
}

fn head_tail(args: &[&str], input: &str, head: bool) -> Output {
    let name = if head { "head" } else { "tail" };
    let mut n: usize = 10;
    let mut i = 0;
    while i < args.len() {
        let a = args[i];
        let val = if a == "-n" {
            i += 1;
            args.get(i).copied()
        } else if let Some(v) = a.strip_prefix("-n") {
            Some(v)
        } else if let Some(v) = a.strip_prefix('-') {
            Some(v)
        } else {
            return crate::tools::unsupported(name, "a file argument after a pipe");
        };
        match val.and_then(|v| v.parse().ok()) {
            Some(v) => n = v,
            None => {
                return Output::error(
                    format!("{name}: invalid number of lines: '{}'\n", val.unwrap_or("")),
                    1,
                )
            }
        }
        i += 1;
    }
    let lines: Vec<&str> = input.lines().collect();
    let sel: &[&str] = if head {
        &lines[..n.min(lines.len())]
    } else {
        &lines[lines.len().saturating_sub(n)..]
    };
    let mut out = String::new();
    for l in sel {
        out.push_str(l);
        out.push('\n');
    }
    Output::text(out)
}

fn wc(args: &[&str], input: &str) -> Output {
    if args != ["-l"] {
        return crate::tools::unsupported("wc", "anything but `wc -l`");
    }
    Output::text(format!("{}\n", input.lines().count()))
}

fn sort(args: &[&str], input: &str) -> Output {
    let mut numeric = false;
    let mut reverse = false;
    for a in args {
        match *a {
            "-n" => numeric = true,
            "-r" => reverse = true,
            "-rn" | "-nr" => {
                numeric = true;
                reverse = true
            }
            _ => return crate::tools::unsupported("sort", &format!("option `{a}`")),
        }
    }
    let mut lines: Vec<&str> = input.lines().collect();
    if numeric {
        let key = |l: &str| -> f64 {
            let t = l.trim_start();
            let end = t
                .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
                .unwrap_or(t.len());
            t[..end].parse().unwrap_or(0.0)
        };
        lines.sort_by(|a, b| {
            key(a)
                .partial_cmp(&key(b))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.cmp(b))
        });
    } else {
        lines.sort();
    }
    if reverse {
        lines.reverse();
    }
    let mut out = String::new();
    for l in lines {
        out.push_str(l);
        out.push('\n');
    }
    Output::text(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn grep_filters_and_sets_status() {
        let o = run(&v(&["grep", "5"]), "1: lo\n5: veth0\n");
        assert_eq!(o.stdout(), "5: veth0\n");
        assert_eq!(o.status, 0);
        let o = run(&v(&["grep", "-v", "lo"]), "1: lo\n");
        assert_eq!(o.status, 1);
    }

    #[test]
    fn head_tail_wc() {
        assert_eq!(run(&v(&["head", "-n", "1"]), "a\nb\n").stdout(), "a\n");
        assert_eq!(run(&v(&["tail", "-1"]), "a\nb\n").stdout(), "b\n");
        assert_eq!(run(&v(&["wc", "-l"]), "a\nb\n").stdout(), "2\n");
    }
}

//! The browser playground's bindings: the same teaching shell as `netsim shell`
//! ([`sim_core::session::Session`]), the topology picture of `netsim graph`, the frames'
//! trace of `netsim trace`, the transcript of `netsim run`, and the exercises' checks, for
//! JavaScript through `wasm-bindgen`.
//!
//! Architecture invariant: a thin layer. Everything the page shows is computed by sim-core;
//! this crate only turns it into strings and JSON. The [`Playground`] methods are plain Rust
//! too, so the native unit tests below exercise exactly what the page calls.

use serde_json::json;
use sim_core::graph::{self, Topology};
use sim_core::normalize::Normalizer;
use sim_core::scenario::{self, Actual};
use sim_core::session::{self, Flow, Session};
use sim_core::SimConfig;
use wasm_bindgen::prelude::wasm_bindgen;

/// One playground session: the shell, with every command's trace steps recorded.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Playground {
    session: Session,
    seed: u32,
    /// Text before the first command of the replayed scenario.
    preamble: String,
}

#[wasm_bindgen]
impl Playground {
    /// A fresh simulated host (seed 0 is what `netsim run` and `netsim check` use).
    #[wasm_bindgen(constructor)]
    pub fn new(seed: u32) -> Playground {
        Playground {
            session: fresh(seed),
            seed,
            preamble: String::new(),
        }
    }

    /// Start again from a fresh host.
    pub fn reset(&mut self) {
        self.session = fresh(self.seed);
        self.preamble.clear();
    }

    /// `[init]# ` or `[NS]# `.
    pub fn prompt(&self) -> String {
        self.session.prompt()
    }

    /// Handle one typed line as `netsim shell` does. JSON:
    /// `{"chunks": [[is_stderr, text], ...], "status": N, "flow": "continue"|"quit"|"save",
    /// "file": NAME|null, "prompt": "[..]# "}`. For `save FILE` the page downloads
    /// [`Playground::transcript`] as FILE.
    pub fn handle(&mut self, line: &str) -> String {
        let (out, flow) = self.session.handle(line);
        let (out, flow, file) = match flow {
            Flow::Continue => (out, "continue", None),
            // The page cannot be left: `exit` in init says so and stays.
            Flow::Quit => (
                sim_core::Output::text(
                    "(this is the browser playground: nothing to exit; the Reset button starts a fresh host)\n",
                ),
                "quit",
                None,
            ),
            Flow::Save(f) => (self.session.saved(&f), "save", Some(f)),
        };
        json!({
            "chunks": out.chunks,
            "status": out.status,
            "flow": flow,
            "file": file,
            "prompt": self.session.prompt(),
        })
        .to_string()
    }

    /// Tab completion of the word before `pos` (a char index), from the same tables as
    /// `netsim shell`. JSON: `{"start": CHAR_INDEX, "candidates": [...]}`.
    pub fn complete(&self, line: &str, pos: usize) -> String {
        // JavaScript counts UTF-16 units; the shell's words are ASCII, so chars are enough.
        let byte = line.char_indices().nth(pos).map_or(line.len(), |(i, _)| i);
        let (start, v) = session::complete_line(&self.session.names(), line, byte);
        json!({"start": line[..start].chars().count(), "candidates": v}).to_string()
    }

    /// The topology as SVG (`netsim graph --format svg`), with the path of the first `upto`
    /// trace steps of the last command (all of them when `upto` is larger).
    pub fn svg(&self, upto: usize) -> String {
        let steps = &self.session.last_steps;
        let t = Topology::from_world(&self.session.sim.world)
            .with_path(&steps[..upto.min(steps.len())]);
        graph::to_svg(&t)
    }

    /// The last command's trace steps as JSON: `[{"t", "where", "what", "drop", "line",
    /// "node"}]`, `node` being the picture's element the step happened at (a device's `id`
    /// or a namespace's IP stack `nKs`), or null when the namespace is gone.
    pub fn steps(&self) -> String {
        let base = Topology::from_world(&self.session.sim.world);
        let v: Vec<_> = self
            .session
            .last_steps
            .iter()
            .map(|s| {
                let node = base
                    .clone()
                    .with_path(std::slice::from_ref(s))
                    .path
                    .first()
                    .map(|p| p.node.clone());
                json!({
                    "t": s.t, "where": s.at, "what": s.what, "drop": s.drop || graph::is_drop(&s.what),
                    "line": s.line(), "node": node,
                })
            })
            .collect();
        serde_json::Value::Array(v).to_string()
    }

    /// The command line the last trace belongs to.
    pub fn last_command(&self) -> String {
        self.session
            .commands()
            .last()
            .map(|a| a.command.clone())
            .unwrap_or_default()
    }

    /// Replay a scenario (a transcript or a plain list of commands) from the init namespace
    /// and return its transcript exactly as `netsim run FILE` prints it.
    pub fn replay(&mut self, script: &str) -> String {
        let sc = scenario::parse(script);
        if self.session.commands().is_empty() {
            self.preamble = sc.preamble.clone();
        }
        let text = self.session.replay(&sc);
        // `replay` also prints trace lines when `trace on` was typed; `netsim run` does not.
        let n = self.session.commands().len();
        let ran = &self.session.commands()[n - sc.steps.len()..];
        let plain = scenario::render(&sc.preamble, ran);
        if self.session.trace_shown() {
            text
        } else {
            plain
        }
    }

    /// Everything run so far as `netsim run` prints it for [`Playground::script`] (with the
    /// replayed scenario's preamble): the page's `#transcript`.
    pub fn session_transcript(&self) -> String {
        scenario::render(&self.preamble, self.session.commands())
    }

    /// The session as a scenario file `netsim check` accepts (what `save FILE` writes).
    pub fn transcript(&self) -> String {
        self.session.transcript()
    }

    /// The session's commands, one a line, as `netsim run` would replay them (for the share link).
    pub fn script(&self) -> String {
        self.session
            .commands()
            .iter()
            .map(|a| format!("{}\n", a.command))
            .collect()
    }

    /// Check an exercise against its answer scenario. Every command of the answer that
    /// prints something (or fails) is an observation; the exercise is done when the session
    /// made each of them, in order, with the same output (MAC addresses, times and other
    /// random values normalised as `netsim diff` does) and status. JSON:
    /// `{"passed": bool, "observations": [{"command", "expected", "got", "ok"}]}`.
    pub fn check(&self, answer: &str) -> String {
        let r = check(self.session.commands(), answer);
        serde_json::to_string(&r).unwrap_or_default()
    }
}

fn fresh(seed: u32) -> Session {
    let mut s = Session::new(SimConfig {
        seed: u64::from(seed),
        ..SimConfig::default()
    });
    s.record_steps(true);
    s
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn same_output(command: &str, a: &str, b: &str) -> bool {
    Normalizer::new().normalize(command, a) == Normalizer::new().normalize(command, b)
}

/// See [`Playground::check`].
pub fn check(done: &[Actual], answer: &str) -> serde_json::Value {
    let sc = scenario::parse(answer);
    let mut from = 0;
    let mut passed = true;
    let mut obs = Vec::new();
    for step in &sc.steps {
        let expected = step.expected.clone().unwrap_or_default();
        if expected.is_empty() && step.expected_status == 0 {
            continue;
        }
        let cmd = words(&step.command);
        let hit = done[from..].iter().position(|a| {
            words(&a.command) == cmd
                && a.status == step.expected_status
                && same_output(&cmd, &a.output, &expected)
        });
        let got = match hit {
            Some(i) => {
                from += i + 1;
                Some(done[from - 1].output.clone())
            }
            None => {
                passed = false;
                // The latest run of the same command, if any, to show what differs.
                done.iter()
                    .rev()
                    .find(|a| words(&a.command) == cmd)
                    .map(|a| a.output.clone())
            }
        };
        obs.push(json!({
            "command": step.command, "expected": expected, "status": step.expected_status,
            "got": got, "ok": hit.is_some(),
        }));
    }
    json!({"passed": passed && !obs.is_empty(), "observations": obs})
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn v(s: &str) -> Value {
        serde_json::from_str(s).expect("json")
    }

    const PAIR: &str = "ip netns add ns0\nip netns add ns1\nip link add veth0 netns ns0 type veth peer name veth1 netns ns1\nip -n ns0 addr add 10.0.0.1/24 dev veth0\nip -n ns1 addr add 10.0.0.2/24 dev veth1\nip -n ns0 link set veth0 up\nip -n ns1 link set veth1 up\n";

    #[test]
    fn replay_is_what_netsim_run_prints() {
        let mut p = Playground::new(0);
        let script = format!("{PAIR}ip netns exec ns0 ping -c 1 10.0.0.2\n");
        let t = p.replay(&script);
        let sc = scenario::parse(&script);
        let cmds: Vec<String> = sc.steps.iter().map(|s| s.command.clone()).collect();
        let want = scenario::render("", &session::run_commands(SimConfig::default(), &cmds));
        assert_eq!(t, want);
        assert!(t.contains("1 received"), "{t}");
        assert_eq!(p.session_transcript(), want);
        p.handle("netns ns1");
        p.handle("ip -br link");
        assert!(p
            .session_transcript()
            .ends_with("$ ip netns exec ns1 ip -br link\nlo               DOWN           00:00:00:00:00:00 <LOOPBACK> \nveth1@if2        UP             6e:3b:9a:a7:67:f7 <BROADCAST,MULTICAST,UP,LOWER_UP> \n"), "{}", p.session_transcript());
    }

    #[test]
    fn steps_follow_the_last_command_and_land_on_the_picture() {
        let mut p = Playground::new(0);
        p.replay(PAIR);
        let o = v(&p.handle("ip netns exec ns0 ping -c 1 10.0.0.2"));
        assert_eq!(o["status"], 0);
        let steps = v(&p.steps());
        let steps = steps.as_array().expect("array");
        assert!(steps.len() > 4);
        let svg = p.svg(usize::MAX);
        for s in steps {
            let node = s["node"].as_str().expect("placed");
            // Devices are <g id=...>; stacks are drawn in namespace order.
            assert!(
                svg.contains(&format!("id=\"{node}\"")) || node.ends_with('s'),
                "{node}"
            );
        }
        // A prefix of the path draws fewer badges than the whole.
        assert!(p.svg(1).matches("<circle").count() < svg.matches("<circle").count());
        assert_eq!(p.last_command(), "ip netns exec ns0 ping -c 1 10.0.0.2");
        // A command without frames leaves no steps.
        p.handle("ip netns list");
        assert_eq!(p.steps(), "[]");
    }

    #[test]
    fn shell_builtins_and_completion() {
        let mut p = Playground::new(0);
        p.replay(PAIR);
        assert_eq!(v(&p.handle("netns ns0"))["prompt"], "[ns0]# ");
        let c = v(&p.complete("ip link set ve", 14));
        assert_eq!(c["candidates"], json!(["veth0"]));
        assert_eq!(c["start"], 12);
        let s = v(&p.handle("save lab.t"));
        assert_eq!(s["flow"], "save");
        assert_eq!(s["file"], "lab.t");
        assert!(p.transcript().contains("$ ip -n ns0 link set veth0 up\n"));
        p.handle("exit");
        assert_eq!(v(&p.handle("exit"))["flow"], "quit");
        assert_eq!(p.prompt(), "[init]# ");
    }

    #[test]
    fn exercises_are_checked_against_their_answers() {
        let answer = "$ ip netns add lab\n$ ip netns exec lab ping -c 1 127.0.0.1\nping: connect: Network is unreachable\n[2]\n$ ip netns exec lab ip link set lo up\n$ ip netns exec lab ip link show lo\n1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n";
        let mut p = Playground::new(0);
        p.handle("ip netns add lab");
        let r = v(&p.check(answer));
        assert_eq!(r["passed"], false);
        p.handle("netns lab");
        p.handle("ping -c 1 127.0.0.1");
        let r = v(&p.check(answer));
        assert_eq!(r["passed"], false);
        assert_eq!(r["observations"][0]["ok"], true);
        assert_eq!(r["observations"][1]["ok"], false);
        p.handle("ip link set lo up");
        p.handle("ip link show lo");
        let r = v(&p.check(answer));
        assert_eq!(r["passed"], true, "{r}");
    }
}

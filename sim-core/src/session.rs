//! The teaching shell's session, without a terminal: the `[init]# ` prompt, `ip netns exec NS
//! bash` (or the `netns NS` built-in) to work inside a namespace, the built-ins (`help [CMD]`,
//! `trace on|off`, `save FILE`, `exit`), tab completion from the tools' help tables, and the
//! session kept as a transcript `netsim check` accepts. `netsim shell` puts a terminal around
//! it; the browser playground (`sim-web`) a web page.
//!
//! Architecture invariant: no I/O here either. The simulator sees only command lines
//! (`Sim::run_line`, with `cwd_ns` set to the namespace the prompt shows); `save FILE` is
//! returned to the caller as [`Flow::Save`] to write.

use std::collections::BTreeMap;

use crate::engine::trace::Step;
use crate::scenario::{self, Actual};
use crate::tools::help;
use crate::{Output, Sim, SimConfig};

/// The shell's own commands, with one line of help each.
pub const BUILTINS: &[(&str, &str)] = &[
    (
        "help",
        "help [CMD]: the tools, or what the simulator supports of one",
    ),
    (
        "netns",
        "netns [NAME]: work inside a namespace (no NAME: back to init)",
    ),
    (
        "trace",
        "trace on|off: print every step of each command's frames",
    ),
    (
        "save",
        "save FILE: write this session as a transcript `netsim check` accepts",
    ),
    (
        "exit",
        "exit: leave the namespace shell, or the simulator in init",
    ),
];

/// Shells `ip netns exec NS ...` can start.
pub const SHELLS: &[&str] = &["bash", "sh", "/bin/bash", "/bin/sh", "/usr/bin/bash"];

/// What the completer knows about the world, refreshed after every command.
#[derive(Debug, Default, Clone)]
pub struct Names {
    /// The namespace the prompt shows (`init` or a name).
    pub cwd: String,
    /// Named namespaces.
    pub netns: Vec<String>,
    /// Device names by namespace (`init` included).
    pub devices: BTreeMap<String, Vec<String>>,
}

impl Names {
    pub fn of(sim: &Sim, cwd: &str) -> Names {
        let mut devices = BTreeMap::new();
        for ns in sim.world.all_netns() {
            let name = sim.world.netns_name(ns).unwrap_or("init").to_string();
            devices.insert(
                name,
                sim.world
                    .devices_of(ns)
                    .map(|d| sim.world.dev(d).name.clone())
                    .collect(),
            );
        }
        Names {
            cwd: cwd.to_string(),
            netns: sim
                .world
                .named_netns()
                .map(|(n, _)| n.to_string())
                .collect(),
            devices,
        }
    }
}

/// Whether the shell goes on after a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
    /// `save FILE`: the caller writes [`Session::transcript`] to FILE (this crate does no I/O)
    /// and prints what [`Session::saved`] says.
    Save(String),
}

/// One shell session: the simulator, where the prompt is, and what was typed.
#[derive(Debug)]
pub struct Session {
    pub sim: Sim,
    cfg: SimConfig,
    /// Text before the first command of a saved transcript.
    preamble: String,
    /// Every command as `netsim check` would run it from the init namespace, with what it
    /// printed (without trace lines) and its status.
    commands: Vec<Actual>,
    /// Namespaces entered with `ip netns exec NS bash`, innermost last.
    stack: Vec<String>,
    /// `trace on`: print every step after each command.
    show_trace: bool,
    /// Keep the steps of the last command in [`Session::last_steps`] even when they are not
    /// printed (the browser playground draws them).
    record_steps: bool,
    /// The trace steps of the last command (kept when tracing is on or steps are recorded).
    pub last_steps: Vec<Step>,
}

impl Session {
    pub fn new(cfg: SimConfig) -> Session {
        let sim = Sim::new(SimConfig {
            trace: false,
            ..cfg.clone()
        });
        Session {
            sim,
            cfg,
            preamble: String::new(),
            commands: Vec::new(),
            stack: Vec::new(),
            show_trace: false,
            record_steps: false,
            last_steps: Vec::new(),
        }
    }

    /// Record every command's trace steps into [`Session::last_steps`], printed or not.
    pub fn record_steps(&mut self, on: bool) {
        self.record_steps = on;
        self.sim.trace.enabled = self.show_trace || on;
    }

    /// Whether `trace on` is in force.
    pub fn trace_shown(&self) -> bool {
        self.show_trace
    }

    /// The commands so far, as `netsim check` would run them from the init namespace, with
    /// what each printed and its status.
    pub fn commands(&self) -> &[Actual] {
        &self.commands
    }

    /// The namespace the prompt shows.
    pub fn cwd(&self) -> &str {
        self.stack.last().map(|s| s.as_str()).unwrap_or("init")
    }

    pub fn prompt(&self) -> String {
        format!("[{}]# ", self.cwd())
    }

    pub fn names(&self) -> Names {
        Names::of(&self.sim, self.cwd())
    }

    /// Run a scenario's commands as they are (from init), returning its transcript.
    pub fn replay(&mut self, sc: &scenario::Scenario) -> String {
        self.preamble = sc.preamble.clone();
        let mut text = sc.preamble.clone();
        for step in &sc.steps {
            let o = self.sim.run_line(&step.command);
            let a = Actual {
                command: step.command.clone(),
                output: o.combined(),
                status: o.status,
            };
            scenario::render_step(&mut text, &a);
            self.commands.push(a);
            self.append_trace(&mut text);
        }
        text
    }

    fn append_trace(&mut self, text: &mut String) {
        self.last_steps = self.sim.trace.take();
        if self.show_trace {
            for s in &self.last_steps {
                text.push_str("  | ");
                text.push_str(&s.line());
                text.push('\n');
            }
        }
    }

    /// Handle one typed line: a built-in, entering a namespace, or a command.
    pub fn handle(&mut self, line: &str) -> (Output, Flow) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let out = match words.as_slice() {
            [] => Output::ok(),
            [w, ..] if w.starts_with('#') => Output::ok(),
            ["exit" | "logout"] | ["exit", _] => {
                if self.stack.pop().is_none() {
                    return (Output::ok(), Flow::Quit);
                }
                Output::ok()
            }
            ["help"] => Output::text(help_index()),
            ["help", cmd] => match (help::find(cmd), BUILTINS.iter().find(|(b, _)| b == cmd)) {
                (Some(t), _) => Output::text(help::render(t)),
                (None, Some((_, h))) => Output::text(format!("{h}\n")),
                (None, None) => Output::error(
                    format!(
                        "help: no help for `{cmd}`: the simulator does not have it (try `help`)\n"
                    ),
                    1,
                ),
            },
            ["help", ..] => Output::error("help: usage: help [CMD]\n", 2),
            ["trace"] => Output::text(format!(
                "trace is {}\n",
                if self.show_trace { "on" } else { "off" }
            )),
            ["trace", "on"] => {
                self.show_trace = true;
                self.sim.trace.enabled = true;
                Output::ok()
            }
            ["trace", "off"] => {
                self.show_trace = false;
                self.sim.trace.enabled = self.record_steps;
                self.sim.trace.take();
                Output::ok()
            }
            ["trace", ..] => Output::error("trace: usage: trace on|off\n", 2),
            ["save", file] => return (Output::ok(), Flow::Save(file.to_string())),
            ["save", ..] => Output::error("save: usage: save FILE\n", 2),
            ["netns"] => {
                self.stack.clear();
                Output::ok()
            }
            ["netns", name] => {
                if self.sim.world.netns_by_name(name).is_some() {
                    self.stack = vec![name.to_string()];
                    Output::ok()
                } else {
                    Output::error(
                        format!("netns: no namespace \"{name}\" (see `ip netns list`)\n"),
                        1,
                    )
                }
            }
            ["netns", ..] => Output::error("netns: usage: netns [NAME]\n", 2),
            ["ip", "netns", "exec", name, sh] | ["ip", "netns", "exec", name, sh, "-i"]
                if SHELLS.contains(sh) && self.sim.world.netns_by_name(name).is_some() =>
            {
                self.stack.push(name.to_string());
                Output::ok()
            }
            _ => self.command(line),
        };
        (out, Flow::Continue)
    }

    /// Run a command in the prompt's namespace and remember it.
    fn command(&mut self, line: &str) -> Output {
        let init = self.sim.world.init_ns();
        self.sim.cwd_ns = match self.stack.last() {
            Some(name) => self.sim.world.netns_by_name(name).unwrap_or(init),
            None => init,
        };
        let mut out = self.sim.run_line(line);
        self.sim.cwd_ns = init;
        self.commands.push(Actual {
            command: match self.stack.last() {
                Some(ns) => format!("ip netns exec {ns} {}", line.trim()),
                None => line.trim().to_string(),
            },
            output: out.combined(),
            status: out.status,
        });
        let mut t = String::new();
        self.append_trace(&mut t);
        out.out(t);
        // A namespace deleted from inside: the shell would stay in an unnamed one; here
        // the prompt goes back to the innermost namespace that still has its name.
        let before = self.stack.len();
        while self
            .stack
            .last()
            .is_some_and(|n| self.sim.world.netns_by_name(n).is_none())
        {
            self.stack.pop();
        }
        if self.stack.len() != before {
            out.err(format!(
                "netsim: the namespace was deleted; back in {}\n",
                self.cwd()
            ));
        }
        out
    }

    /// The session as a transcript, recorded again from scratch as `netsim check` runs it.
    pub fn transcript(&self) -> String {
        if self.commands.is_empty() {
            return "# netsim shell: no commands\n".into();
        }
        // `netsim check` runs with seed 0 unless told otherwise.
        let cfg = SimConfig {
            seed: 0,
            trace: false,
            ..self.cfg.clone()
        };
        let cmds: Vec<String> = self.commands.iter().map(|a| a.command.clone()).collect();
        let actual = run_commands(cfg, &cmds);
        let mut pre = if self.preamble.trim().is_empty() {
            "Recorded with `netsim shell`.\n".to_string()
        } else {
            self.preamble.clone()
        };
        if self.cfg.seed != 0 {
            pre.push_str(&format!(
                "The session ran with --seed {}; this transcript is recorded with seed 0, as `netsim check` runs it.\n",
                self.cfg.seed
            ));
        }
        scenario::render(&pre, &actual)
    }

    /// What `save FILE` prints once the transcript is written.
    pub fn saved(&self, file: &str) -> Output {
        Output::text(format!(
            "saved {} commands to {file}\n",
            self.commands.len()
        ))
    }
}

/// Run command lines in one fresh simulation, as `netsim run` and `netsim check` do.
pub fn run_commands(cfg: SimConfig, commands: &[String]) -> Vec<Actual> {
    let mut sim = Sim::new(cfg);
    commands
        .iter()
        .map(|c| {
            let o = sim.run_line(c);
            Actual {
                command: c.clone(),
                output: o.combined(),
                status: o.status,
            }
        })
        .collect()
}

/// What `help` prints: the built-ins, then the tools.
pub fn help_index() -> String {
    let mut s = String::from("Shell built-ins:\n");
    for (_, h) in BUILTINS {
        s.push_str(&format!("  {h}\n"));
    }
    s.push_str("  ip netns exec NS bash: a shell inside NS (`exit` leaves it)\n\nTools (`help CMD` for the options the simulator supports):\n");
    s.push_str(&help::render_index());
    s
}

// ---------------------------------------------------------------- completion

/// Words that can follow `words` (already complete words before the cursor).
pub fn candidates(names: &Names, words: &[&str]) -> Vec<String> {
    let mut ns = names.cwd.clone();
    let mut w = words;
    while w.len() >= 4 && w[0] == "ip" && w[1] == "netns" && w[2] == "exec" {
        ns = w[3].to_string();
        w = &w[4..];
    }
    let ns_names = || names.netns.clone();
    let Some((cmd, rest)) = w.split_first() else {
        let mut v: Vec<String> = BUILTINS.iter().map(|(b, _)| b.to_string()).collect();
        v.extend(help::TOOLS.iter().map(|t| t.name.to_string()));
        return v;
    };
    match (*cmd, rest) {
        ("help", []) => {
            return help::TOOLS
                .iter()
                .map(|t| t.name.to_string())
                .chain(BUILTINS.iter().map(|(b, _)| b.to_string()))
                .collect()
        }
        ("netns", []) => return ns_names(),
        ("trace", []) => return vec!["on".into(), "off".into()],
        ("help" | "netns" | "trace" | "save" | "exit", _) => return Vec::new(),
        _ => {}
    }
    let Some(tool) = help::find(cmd) else {
        return Vec::new();
    };
    // Positional words (skipping options, and the value of `-n NS`, which also sets the namespace).
    let mut args: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < rest.len() {
        let a = rest[i];
        if matches!(a, "-n" | "-netns" | "--netns") && *cmd != "iptables" {
            if let Some(v) = rest.get(i + 1) {
                ns = v.to_string();
            }
            i += 2;
            continue;
        }
        if !(a.starts_with('-') && args.is_empty() && *cmd == "ip") {
            args.push(a);
        }
        i += 1;
    }
    let devices = || names.devices.get(&ns).cloned().unwrap_or_default();
    let prev = rest.last().copied().unwrap_or("");
    if matches!(prev, "-n" | "-netns" | "--netns") && *cmd != "iptables" {
        return ns_names();
    }
    let words_for = |sub: &str| -> Vec<String> {
        tool.words
            .iter()
            .find(|(k, _)| !sub.is_empty() && k.starts_with(sub))
            .map(|(_, v)| v.iter().map(|s| s.to_string()).collect())
            .unwrap_or_default()
    };
    match args.as_slice() {
        [] => tool.subcommands.iter().map(|s| s.to_string()).collect(),
        [sub] if *cmd == "ip" && "netns".starts_with(sub) => words_for("netns"),
        [sub, verb] if *cmd == "ip" && "netns".starts_with(sub) && verb != &"add" => ns_names(),
        _ => {
            if matches!(prev, "netns" | "exec") {
                return ns_names();
            }
            let dev_prev = matches!(
                prev,
                "dev"
                    | "master"
                    | "brport"
                    | "br"
                    | "-i"
                    | "-o"
                    | "-I"
                    | "-S"
                    | "--statistics"
                    | "--driver"
                    | "set"
                    | "show"
                    | "del"
                    | "delete"
                    | "addif"
                    | "delif"
                    | "showmacs"
                    | "delbr"
                    | "setageing"
                    | "stp"
                    | "--physdev-in"
                    | "--physdev-out"
            );
            if dev_prev {
                return devices();
            }
            let mut v = if *cmd == "ip" || *cmd == "bridge" || *cmd == "brctl" {
                words_for(args[0])
            } else {
                Vec::new()
            };
            v.extend(devices());
            v
        }
    }
}

/// Complete the word before `pos`: its start and the candidates.
pub fn complete_line(names: &Names, line: &str, pos: usize) -> (usize, Vec<String>) {
    let before = &line[..pos.min(line.len())];
    let start = before
        .rfind(char::is_whitespace)
        .map(|i| i + 1)
        .unwrap_or(0);
    let word = &before[start..];
    let words: Vec<&str> = before[..start].split_whitespace().collect();
    let mut v: Vec<String> = candidates(names, &words)
        .into_iter()
        .filter(|c| c.starts_with(word))
        .collect();
    v.sort();
    v.dedup();
    (start, v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        let mut s = Session::new(SimConfig::default());
        for l in [
            "ip netns add ns0",
            "ip netns add ns1",
            "ip link add veth0 type veth peer name veth1",
            "ip link set veth1 netns ns1",
        ] {
            let (o, _) = s.handle(l);
            assert_eq!(o.status, 0, "{l}: {}", o.combined());
        }
        s
    }

    #[test]
    fn entering_and_leaving_namespaces() {
        let mut s = session();
        assert_eq!(s.prompt(), "[init]# ");
        s.handle("ip netns exec ns0 bash");
        assert_eq!(s.prompt(), "[ns0]# ");
        let (o, _) = s.handle("ip link");
        assert!(
            o.stdout().starts_with("1: lo: <LOOPBACK>"),
            "{}",
            o.combined()
        );
        assert!(!o.stdout().contains("veth0"));
        assert_eq!(s.handle("exit").1, Flow::Continue);
        assert_eq!(s.prompt(), "[init]# ");
        s.handle("netns ns1");
        assert_eq!(s.prompt(), "[ns1]# ");
        assert!(s.handle("ip link").0.stdout().contains("veth1@if"));
        s.handle("netns");
        assert_eq!(s.prompt(), "[init]# ");
        assert_eq!(s.handle("netns nope").0.status, 1);
        // A namespace that does not exist is the real command's error, not a shell.
        let (o, _) = s.handle("ip netns exec nope bash");
        assert_eq!(o.status, 255);
        assert_eq!(s.prompt(), "[init]# ");
        assert_eq!(s.handle("exit").1, Flow::Quit);
    }

    #[test]
    fn deleting_the_current_namespace_goes_back_to_init() {
        let mut s = session();
        s.handle("netns ns0");
        let (o, _) = s.handle("ip netns del ns0");
        assert!(o.stderr().contains("back in init"), "{}", o.combined());
        assert_eq!(s.prompt(), "[init]# ");
    }

    #[test]
    fn transcript_is_what_check_runs() {
        let mut s = session();
        s.handle("netns ns1");
        s.handle("ip link set veth1 up");
        s.handle("ip addr add 10.0.0.2/24 dev veth1");
        s.handle("netns");
        s.handle("trace on");
        s.handle("help ip");
        let t = s.transcript();
        let sc = scenario::parse(&t);
        let cmds: Vec<&str> = sc.steps.iter().map(|x| x.command.as_str()).collect();
        assert_eq!(
            &cmds[4..],
            [
                "ip netns exec ns1 ip link set veth1 up",
                "ip netns exec ns1 ip addr add 10.0.0.2/24 dev veth1"
            ]
        );
        // Replaying the expectations gives the same text: `netsim check` accepts it.
        let actual = run_commands(
            SimConfig::default(),
            &cmds.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
        );
        assert_eq!(
            scenario::render_blessed(&sc, &actual),
            scenario::render_expected(&sc)
        );
    }

    #[test]
    fn trace_prints_steps() {
        let mut s = session();
        s.handle("ip link set veth0 up");
        s.handle("ip addr add 10.0.0.1/24 dev veth0");
        s.handle("ip netns exec ns1 ip link set veth1 up");
        s.handle("ip netns exec ns1 ip addr add 10.0.0.2/24 dev veth1");
        s.handle("trace on");
        let (o, _) = s.handle("ping -c 1 10.0.0.2");
        assert!(o.stdout().contains("  | "), "{}", o.combined());
        assert!(o.stdout().contains("init/veth0"), "{}", o.combined());
        s.handle("trace off");
        assert!(!s.handle("ping -c 1 10.0.0.2").0.stdout().contains("  | "));
        // Recorded but not printed (the browser draws them).
        s.record_steps(true);
        let (o, _) = s.handle("ping -c 1 10.0.0.2");
        assert!(!o.stdout().contains("  | "));
        assert!(s.last_steps.iter().any(|st| st.at == "init/veth0"));
        assert_eq!(
            s.commands().last().map(|a| a.output.clone()),
            Some(o.combined())
        );
        assert_eq!(s.handle("save x.t").1, Flow::Save("x.t".into()));
    }

    #[test]
    fn help_lists_and_explains() {
        let mut s = session();
        let o = s.handle("help").0.stdout();
        assert!(o.contains("trace on|off") && o.contains("  ping "), "{o}");
        assert!(s.handle("help ping").0.stdout().contains("-c COUNT"));
        assert_eq!(s.handle("help telnet").0.status, 1);
    }

    #[test]
    fn completion() {
        let s = session();
        let names = s.names();
        let c = |l: &str| complete_line(&names, l, l.len()).1;
        assert_eq!(c("ip li"), ["link"]);
        assert_eq!(c("pi"), ["ping"]);
        assert_eq!(c("ip link set ve"), ["veth0"]);
        assert_eq!(c("ip netns exec n"), ["ns0", "ns1"]);
        assert_eq!(c("ip netns exec ns1 ip link set v"), ["veth1"]);
        assert_eq!(c("ip -n ns1 link set v"), ["veth1"]);
        assert_eq!(c("netns ns"), ["ns0", "ns1"]);
        assert_eq!(c("ip netns e"), ["exec"]);
        assert_eq!(c("trace o"), ["off", "on"]);
        assert_eq!(
            c("help ipt"),
            ["iptables", "iptables-restore", "iptables-save"]
        );
        assert!(c("ip addr add 10.0.0.1/24 dev ").contains(&"veth0".to_string()));
        assert_eq!(complete_line(&names, "ip li", 5).0, 3);
    }
}

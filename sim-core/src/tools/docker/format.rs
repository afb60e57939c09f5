//! What docker prints: `docker ps` and `docker network ls` tables (Go's tabwriter with the
//! CLI's settings), `inspect` objects as JSON (Go's `MarshalIndent`) and `-f` Go templates.

use super::{proto_name, Container, NetMode, Network, Status};
use crate::model::fmt_mac;
use crate::shell::{Output, Sim};
use crate::tools::unsupported;

/// A value of docker's API objects: what templates walk and JSON prints.
#[derive(Debug, Clone, PartialEq)]
pub enum V {
    Null,
    Bool(bool),
    Int(i64),
    Str(String),
    /// A Go struct: fields in declaration order.
    Struct(Vec<(&'static str, V)>),
    /// A Go map: keys sorted (as Go's JSON encoder and templates iterate).
    Map(Vec<(String, V)>),
    List(Vec<V>),
}

fn s(x: impl Into<String>) -> V {
    V::Str(x.into())
}

/// Go's tabwriter as the docker CLI sets it up: minwidth 10, padding 3, blanks.
pub fn table(rows: &[Vec<String>]) -> String {
    let ncol = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    let mut w = vec![0usize; ncol];
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            w[i] = w[i].max(c.chars().count() + 3).max(10);
        }
    }
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for (i, c) in r.iter().enumerate() {
            line.push_str(c);
            if i + 1 < r.len() {
                line.push_str(&" ".repeat(w[i] - c.chars().count()));
            }
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// go-units `HumanDuration`.
pub fn human_duration(ns: u64) -> String {
    let secs = ns / 1_000_000_000;
    let mins = secs / 60;
    let hours = ((secs as f64) / 3600.0).round() as u64;
    if secs < 1 {
        "Less than a second".into()
    } else if secs == 1 {
        "1 second".into()
    } else if secs < 60 {
        format!("{secs} seconds")
    } else if mins == 1 {
        "About a minute".into()
    } else if mins < 60 {
        format!("{mins} minutes")
    } else if hours == 1 {
        "About an hour".into()
    } else if hours < 48 {
        format!("{hours} hours")
    } else if hours < 24 * 7 * 2 {
        format!("{} days", hours / 24)
    } else if hours < 24 * 30 * 2 {
        format!("{} weeks", hours / 24 / 7)
    } else if hours < 24 * 365 * 2 {
        format!("{} months", hours / 24 / 30)
    } else {
        format!("{} years", hours / 24 / 365)
    }
}

/// A timestamp as Go's RFC3339Nano prints it. The virtual clock starts at 2025-01-01 UTC
/// (the simulator has no wall clock).
pub fn timestamp(ns: u64) -> String {
    let secs = ns / 1_000_000_000;
    let frac = ns % 1_000_000_000;
    let (d, rem) = (secs / 86400, secs % 86400);
    // Days from 2025-01-01 to a civil date (valid for the simulator's short runs).
    let mut y = 2025u64;
    let mut day = d;
    loop {
        let len = if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) {
            366
        } else {
            365
        };
        if day < len {
            break;
        }
        day -= len;
        y += 1;
    }
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let months = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let mut m = 0;
    while day >= months[m] {
        day -= months[m];
        m += 1;
    }
    let mut t = format!(
        "{y:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        m + 1,
        day + 1,
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    );
    if frac != 0 {
        let f = format!("{frac:09}");
        t.push('.');
        t.push_str(f.trim_end_matches('0'));
    }
    t.push('Z');
    t
}

fn ports_column(c: &Container) -> String {
    if c.status != Status::Running {
        return String::new();
    }
    let mut v = Vec::new();
    for p in &c.ports {
        let pr = proto_name(p.proto);
        match p.host_ip {
            Some(a) => v.push(format!("{a}:{}->{}/{pr}", p.host_port, p.cont_port)),
            None => {
                v.push(format!("0.0.0.0:{}->{}/{pr}", p.host_port, p.cont_port));
                v.push(format!("[::]:{}->{}/{pr}", p.host_port, p.cont_port));
            }
        }
    }
    if c.mode != NetMode::Host {
        for e in &c.exposed {
            if !c.ports.iter().any(|p| p.cont_port == *e) {
                v.push(format!("{e}/tcp"));
            }
        }
    }
    v.join(", ")
}

fn quote_go(x: &str) -> String {
    let mut o = String::from("\"");
    for ch in x.chars() {
        match ch {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// `docker ps [-a] [-q]`.
pub fn ps(sim: &mut Sim, args: &[&str]) -> Output {
    let (mut all, mut quiet) = (false, false);
    for a in args {
        match *a {
            "-a" | "--all" => all = true,
            "-q" | "--quiet" => quiet = true,
            "-aq" | "-qa" => {
                all = true;
                quiet = true
            }
            f => return unsupported("docker", &format!("`docker ps` option `{f}`")),
        }
    }
    let now = sim.world.now;
    let list: Vec<&Container> = sim
        .docker
        .containers
        .iter()
        .rev()
        .filter(|c| all || c.status == Status::Running)
        .collect();
    if quiet {
        return Output::text(
            list.iter()
                .map(|c| format!("{}\n", &c.id[..12]))
                .collect::<String>(),
        );
    }
    let mut rows = vec![[
        "CONTAINER ID",
        "IMAGE",
        "COMMAND",
        "CREATED",
        "STATUS",
        "PORTS",
        "NAMES",
    ]
    .map(String::from)
    .to_vec()];
    for c in list {
        let cmd = if c.command.chars().count() > 20 {
            format!("{}…", c.command.chars().take(19).collect::<String>())
        } else {
            c.command.clone()
        };
        let status = match c.status {
            Status::Created => "Created".to_string(),
            Status::Running => format!("Up {}", human_duration(now - c.started)),
            Status::Exited(code) => {
                format!("Exited ({code}) {} ago", human_duration(now - c.finished))
            }
        };
        rows.push(vec![
            c.id[..12].to_string(),
            c.image.clone(),
            quote_go(&cmd),
            format!("{} ago", human_duration(now - c.created)),
            status,
            ports_column(c),
            c.name.clone(),
        ]);
    }
    Output::text(table(&rows))
}

/// `docker network ls`.
pub fn network_ls(sim: &mut Sim, args: &[&str]) -> Output {
    if let Some(a) = args.first() {
        return unsupported("docker", &format!("`docker network ls` option `{a}`"));
    }
    let mut nets: Vec<&Network> = sim.docker.networks.iter().collect();
    nets.sort_by(|a, b| a.name.cmp(&b.name));
    let mut rows = vec![["NETWORK ID", "NAME", "DRIVER", "SCOPE"]
        .map(String::from)
        .to_vec()];
    for n in nets {
        rows.push(vec![
            n.id[..12].to_string(),
            n.name.clone(),
            n.driver.to_string(),
            "local".into(),
        ]);
    }
    Output::text(table(&rows))
}

fn mac_of(sim: &Sim, c: &Container) -> String {
    let Some(ns) = c.netns.as_deref().and_then(|n| sim.world.netns_by_name(n)) else {
        return String::new();
    };
    match sim.world.dev_by_name(ns, "eth0") {
        Some(d) => fmt_mac(&sim.world.dev(d).mac),
        None => String::new(),
    }
}

fn network_name(sim: &Sim, c: &Container) -> Option<String> {
    match &c.mode {
        NetMode::Bridge(n) => Some(n.clone()),
        NetMode::Host => Some("host".into()),
        NetMode::None => Some("none".into()),
        NetMode::Container(_) => None,
    }
    .filter(|n| sim.docker.networks.iter().any(|x| &x.name == n))
}

/// The parts of `docker inspect CONTAINER` the simulator knows.
pub fn container_value(sim: &Sim, c: &Container) -> V {
    let (ip, len, gw, mac, ep) = match (&c.endpoint, &c.mode) {
        (Some(e), NetMode::Bridge(n)) => {
            let net = sim
                .docker
                .networks
                .iter()
                .find(|x| &x.name == n)
                .expect("network of a running container");
            (
                e.ip.to_string(),
                i64::from(net.subnet.map_or(0, |s| s.1)),
                net.gateway.map_or(String::new(), |g| g.to_string()),
                mac_of(sim, c),
                e.id.clone(),
            )
        }
        _ => (
            String::new(),
            0,
            String::new(),
            String::new(),
            String::new(),
        ),
    };
    let default_bridge = c.mode == NetMode::Bridge("bridge".into());
    let mut networks = Vec::new();
    if let Some(n) = network_name(sim, c) {
        let net = sim
            .docker
            .networks
            .iter()
            .find(|x| x.name == n)
            .expect("network exists");
        networks.push((
            n.clone(),
            V::Struct(vec![
                ("MacAddress", s(mac.clone())),
                ("NetworkID", s(net.id.clone())),
                ("EndpointID", s(ep.clone())),
                ("Gateway", s(gw.clone())),
                ("IPAddress", s(ip.clone())),
                ("IPPrefixLen", V::Int(len)),
            ]),
        ));
    }
    let top = |x: &str| if default_bridge { s(x) } else { s("") };
    let mode = match &c.mode {
        NetMode::Bridge(n) => n.clone(),
        NetMode::Host => "host".into(),
        NetMode::None => "none".into(),
        NetMode::Container(id) => format!("container:{id}"),
    };
    let (status, running, code) = match c.status {
        Status::Created => ("created", false, 0),
        Status::Running => ("running", true, 0),
        Status::Exited(n) => ("exited", false, n),
    };
    V::Struct(vec![
        ("Id", s(c.id.clone())),
        ("Created", s(timestamp(c.created))),
        (
            "State",
            V::Struct(vec![
                ("Status", s(status)),
                ("Running", V::Bool(running)),
                ("ExitCode", V::Int(code.into())),
            ]),
        ),
        ("Name", s(format!("/{}", c.name))),
        ("HostConfig", V::Struct(vec![("NetworkMode", s(mode))])),
        ("Config", V::Struct(vec![("Image", s(c.image.clone()))])),
        (
            "NetworkSettings",
            V::Struct(vec![
                (
                    "SandboxKey",
                    s(c.netns
                        .as_ref()
                        .map_or(String::new(), |n| format!("/var/run/docker/netns/{n}"))),
                ),
                ("Gateway", top(&gw)),
                ("IPAddress", top(&ip)),
                ("IPPrefixLen", V::Int(if default_bridge { len } else { 0 })),
                ("MacAddress", top(&mac)),
                ("Networks", V::Map(networks)),
            ]),
        ),
    ])
}

/// `docker network inspect NETWORK` as docker prints it.
pub fn network_value(sim: &Sim, n: &Network) -> V {
    let mut containers: Vec<(String, V)> = Vec::new();
    for c in &sim.docker.containers {
        if c.status != Status::Running {
            continue;
        }
        let on = match &c.mode {
            NetMode::Bridge(x) => x == &n.name,
            NetMode::Host => n.name == "host",
            NetMode::None => n.name == "none",
            NetMode::Container(_) => false,
        };
        if !on {
            continue;
        }
        let (ep, mac, ip) = match &c.endpoint {
            Some(e) => (
                e.id.clone(),
                mac_of(sim, c),
                format!("{}/{}", e.ip, n.subnet.map_or(0, |s| s.1)),
            ),
            // host and none: an endpoint with no address (its id comes from the container's).
            None => (c.id.chars().rev().collect(), String::new(), String::new()),
        };
        containers.push((
            c.id.clone(),
            V::Struct(vec![
                ("Name", s(c.name.clone())),
                ("EndpointID", s(ep)),
                ("MacAddress", s(mac)),
                ("IPv4Address", s(ip)),
                ("IPv6Address", s("")),
            ]),
        ));
    }
    containers.sort_by(|a, b| a.0.cmp(&b.0));
    let config = match (n.subnet, n.gateway) {
        (Some((net, len)), Some(gw)) => V::List(vec![V::Struct(vec![
            ("Subnet", s(format!("{net}/{len}"))),
            ("Gateway", s(gw.to_string())),
        ])]),
        _ => V::List(Vec::new()),
    };
    let options = if n.name == "bridge" && n.default {
        V::Map(
            [
                ("com.docker.network.bridge.default_bridge", "true"),
                ("com.docker.network.bridge.enable_icc", "true"),
                ("com.docker.network.bridge.enable_ip_masquerade", "true"),
                ("com.docker.network.bridge.host_binding_ipv4", "0.0.0.0"),
                ("com.docker.network.bridge.name", "docker0"),
                ("com.docker.network.driver.mtu", "1500"),
            ]
            .iter()
            .map(|(k, v)| (k.to_string(), s(*v)))
            .collect(),
        )
    } else {
        V::Map(Vec::new())
    };
    V::Struct(vec![
        ("Name", s(n.name.clone())),
        ("Id", s(n.id.clone())),
        ("Created", s(timestamp(n.created))),
        ("Scope", s("local")),
        ("Driver", s(n.driver)),
        ("EnableIPv4", V::Bool(n.driver == "bridge")),
        ("EnableIPv6", V::Bool(false)),
        (
            "IPAM",
            V::Struct(vec![
                ("Driver", s("default")),
                ("Options", V::Null),
                ("Config", config),
            ]),
        ),
        ("Internal", V::Bool(false)),
        ("Attachable", V::Bool(false)),
        ("Ingress", V::Bool(false)),
        ("ConfigFrom", V::Struct(vec![("Network", s(""))])),
        ("ConfigOnly", V::Bool(false)),
        ("Containers", V::Map(containers)),
        ("Options", options),
        ("Labels", V::Map(Vec::new())),
    ])
}

fn json_str(x: &str) -> String {
    let mut o = String::from("\"");
    for ch in x.chars() {
        match ch {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '<' => o.push_str("\\u003c"),
            '>' => o.push_str("\\u003e"),
            '&' => o.push_str("\\u0026"),
            c if (c as u32) < 0x20 => o.push_str(&format!("\\u{:04x}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// Go's `json.MarshalIndent(v, "", "    ")`.
pub fn json(v: &V, indent: usize, out: &mut String) {
    let pad = |n: usize| "    ".repeat(n);
    match v {
        V::Null => out.push_str("null"),
        V::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        V::Int(i) => out.push_str(&i.to_string()),
        V::Str(x) => out.push_str(&json_str(x)),
        V::Struct(f) if f.is_empty() => out.push_str("{}"),
        V::Map(f) if f.is_empty() => out.push_str("{}"),
        V::List(l) if l.is_empty() => out.push_str("[]"),
        V::Struct(_) | V::Map(_) => {
            let fields: Vec<(String, &V)> = match v {
                V::Struct(f) => f.iter().map(|(k, v)| (k.to_string(), v)).collect(),
                V::Map(f) => f.iter().map(|(k, v)| (k.clone(), v)).collect(),
                _ => unreachable!("matched above"),
            };
            out.push_str("{\n");
            for (i, (k, x)) in fields.iter().enumerate() {
                out.push_str(&pad(indent + 1));
                out.push_str(&json_str(k));
                out.push_str(": ");
                json(x, indent + 1, out);
                if i + 1 < fields.len() {
                    out.push(',');
                }
                out.push('\n');
            }
            out.push_str(&pad(indent));
            out.push('}');
        }
        V::List(l) => {
            out.push_str("[\n");
            for (i, x) in l.iter().enumerate() {
                out.push_str(&pad(indent + 1));
                json(x, indent + 1, out);
                if i + 1 < l.len() {
                    out.push(',');
                }
                out.push('\n');
            }
            out.push_str(&pad(indent));
            out.push(']');
        }
    }
}

fn get<'a>(v: &'a V, path: &str) -> Result<&'a V, String> {
    let mut cur = v;
    for part in path.split('.').filter(|p| !p.is_empty()) {
        cur = match cur {
            V::Struct(f) => f
                .iter()
                .find(|(k, _)| *k == part)
                .map(|(_, v)| v)
                .ok_or_else(|| format!("field `.{part}`"))?,
            V::Map(f) => match f.iter().find(|(k, _)| k == part) {
                Some((_, v)) => v,
                None => return Ok(&V::Null),
            },
            _ => return Err(format!("field `.{part}`")),
        };
    }
    Ok(cur)
}

fn print_value(v: &V) -> Result<String, String> {
    match v {
        V::Null => Ok("<no value>".into()),
        V::Bool(b) => Ok(b.to_string()),
        V::Int(i) => Ok(i.to_string()),
        V::Str(x) => Ok(x.clone()),
        _ => Err("printing a map, struct or list (use a field of it)".into()),
    }
}

/// A Go template over `v`: text, `{{.Path}}`, `{{range .Path}}...{{end}}`, `{{json .Path}}`.
pub fn template(tpl: &str, v: &V) -> Result<String, String> {
    enum Tok<'a> {
        Text(&'a str),
        Act(&'a str),
    }
    let mut toks = Vec::new();
    let mut rest = tpl;
    while let Some(a) = rest.find("{{") {
        toks.push(Tok::Text(&rest[..a]));
        let Some(b) = rest[a..].find("}}") else {
            return Err("an unclosed action".into());
        };
        toks.push(Tok::Act(rest[a + 2..a + b].trim()));
        rest = &rest[a + b + 2..];
    }
    toks.push(Tok::Text(rest));
    fn eval(
        toks: &[Tok],
        i: &mut usize,
        dot: &V,
        out: &mut String,
        stop_at_end: bool,
    ) -> Result<(), String> {
        while *i < toks.len() {
            match &toks[*i] {
                Tok::Text(t) => out.push_str(t),
                Tok::Act("end") => {
                    return if stop_at_end {
                        Ok(())
                    } else {
                        Err("an unexpected {{end}}".into())
                    };
                }
                Tok::Act(a) if a.starts_with("range ") => {
                    let path = a["range ".len()..].trim();
                    if !path.starts_with('.') {
                        return Err(format!("action `{a}`"));
                    }
                    let items: Vec<V> = match get(dot, path)? {
                        V::Map(m) => m.iter().map(|(_, v)| v.clone()).collect(),
                        V::List(l) => l.clone(),
                        V::Null => Vec::new(),
                        _ => return Err(format!("range over `{path}`")),
                    };
                    *i += 1;
                    let start = *i;
                    if items.is_empty() {
                        // Skip to the matching end without output.
                        let mut depth = 0;
                        while *i < toks.len() {
                            match &toks[*i] {
                                Tok::Act(x) if x.starts_with("range ") => depth += 1,
                                Tok::Act("end") if depth == 0 => break,
                                Tok::Act("end") => depth -= 1,
                                _ => {}
                            }
                            *i += 1;
                        }
                    } else {
                        for it in &items {
                            *i = start;
                            eval(toks, i, it, out, true)?;
                        }
                    }
                    if *i >= toks.len() {
                        return Err("a {{range}} without {{end}}".into());
                    }
                }
                Tok::Act(a) if a.starts_with("json ") => {
                    let mut j = String::new();
                    json(get(dot, a["json ".len()..].trim())?, 0, &mut j);
                    // `{{json}}` is compact in Go; the simulator prints compact JSON too.
                    out.push_str(&compact(&j));
                }
                Tok::Act(a) if a.starts_with('.') => out.push_str(&print_value(get(dot, a)?)?),
                Tok::Act(a) => return Err(format!("action `{{{{{a}}}}}`")),
            }
            *i += 1;
        }
        if stop_at_end {
            return Err("a {{range}} without {{end}}".into());
        }
        Ok(())
    }
    let mut out = String::new();
    let mut i = 0;
    eval(&toks, &mut i, v, &mut out, false)?;
    Ok(out)
}

fn compact(j: &str) -> String {
    let mut o = String::new();
    let mut in_str = false;
    let mut esc = false;
    let mut chars = j.chars().peekable();
    while let Some(c) = chars.next() {
        if in_str {
            o.push(c);
            if esc {
                esc = false;
            } else if c == '\\' {
                esc = true;
            } else if c == '"' {
                in_str = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_str = true;
                o.push(c)
            }
            '\n' => {
                while chars.peek() == Some(&' ') {
                    chars.next();
                }
            }
            ' ' if o.ends_with(':') => {}
            c => o.push(c),
        }
    }
    o
}

fn format_flag<'a>(args: &[&'a str]) -> Result<(Option<String>, Vec<&'a str>), Output> {
    let mut f = None;
    let mut names = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = args[i];
        if a == "-f" || a == "--format" {
            i += 1;
            match args.get(i) {
                Some(v) => f = Some(v.to_string()),
                None => {
                    return Err(Output::error(
                        format!(
                            "flag needs an argument: {}\n",
                            if a == "-f" {
                                "'f' in -f".into()
                            } else {
                                a.to_string()
                            }
                        ),
                        125,
                    ))
                }
            }
        } else if let Some(v) = a.strip_prefix("--format=") {
            f = Some(v.to_string());
        } else if a.starts_with('-') {
            return Err(unsupported("docker", &format!("inspect option `{a}`")));
        } else {
            names.push(a);
        }
        i += 1;
    }
    Ok((f, names))
}

fn render(values: &[V], format: Option<&str>) -> Result<String, String> {
    match format {
        Some(t) => {
            let mut o = String::new();
            for v in values {
                o.push_str(&template(t, v)?);
                o.push('\n');
            }
            Ok(o)
        }
        None => {
            let mut o = String::new();
            json(&V::List(values.to_vec()), 0, &mut o);
            o.push('\n');
            Ok(o)
        }
    }
}

/// `docker inspect [-f FORMAT] CONTAINER...`.
pub fn inspect(sim: &mut Sim, args: &[&str]) -> Output {
    let (f, names) = match format_flag(args) {
        Ok(x) => x,
        Err(e) => return e,
    };
    if f.is_none() {
        return unsupported(
            "docker",
            "`docker inspect` without -f (the full object is not modelled; use -f '{{...}}')",
        );
    }
    if names.is_empty() {
        return Output::error("docker: 'docker inspect' requires at least 1 argument\n\nUsage:  docker inspect [OPTIONS] NAME|ID [NAME|ID...]\n\nReturn low-level information on Docker objects\n\nSee 'docker inspect --help' for more information\n", 1);
    }
    let mut values = Vec::new();
    let mut missing = Vec::new();
    for n in names {
        match super::find(sim, n) {
            Some(i) => values.push(container_value(sim, &sim.docker.containers[i])),
            None if super::find_network(sim, n).is_some() => {
                let ni = super::find_network(sim, n).expect("found");
                values.push(network_value(sim, &sim.docker.networks[ni]))
            }
            None => missing.push(n),
        }
    }
    let mut o = match render(&values, f.as_deref()) {
        Ok(t) => Output::text(t),
        Err(e) => return unsupported("docker", &format!("template: {e}")),
    };
    for m in missing {
        o.err(format!("Error: No such object: {m}\n"));
        o.status = 1;
    }
    o
}

/// `docker network inspect [-f FORMAT] NETWORK...`.
pub fn network_inspect(sim: &mut Sim, args: &[&str]) -> Output {
    let (f, names) = match format_flag(args) {
        Ok(x) => x,
        Err(e) => return e,
    };
    if names.is_empty() {
        return Output::error("\"docker network inspect\" requires at least 1 argument.\nSee 'docker network inspect --help'.\n\nUsage:  docker network inspect [OPTIONS] NETWORK [NETWORK...]\n\nDisplay detailed information on one or more networks\n", 1);
    }
    let mut values = Vec::new();
    let mut missing = Vec::new();
    for n in names {
        match super::find_network(sim, n) {
            Some(i) => values.push(network_value(sim, &sim.docker.networks[i])),
            None => missing.push(n),
        }
    }
    let mut o = match render(&values, f.as_deref()) {
        Ok(t) => Output::text(t),
        Err(e) => return unsupported("docker", &format!("template: {e}")),
    };
    for m in missing {
        o.err(format!("Error: No such network: {m}\n"));
        o.status = 1;
    }
    o
}

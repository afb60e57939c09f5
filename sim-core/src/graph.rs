//! Pictures of the simulated host: a topology description built from the [`World`]
//! (namespaces as boxes with their devices and addresses, veth pairs and bridge ports as
//! lines, static routes between namespaces), optionally with the path the frames of the last
//! command took, rendered as Graphviz DOT, Mermaid, or a self-contained SVG.
//!
//! Architecture invariant: pure functions from a `World` (and trace steps) to text; no
//! layout engine, no I/O. Everything is emitted in a stable order (namespaces by creation,
//! devices by ifindex), so the same scenario always gives the same bytes.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::engine::trace::Step;
use crate::model::route::RouteType;
use crate::model::{DeviceKind, IfAddr, NetnsId, OperState, World};

/// What kind of device a box is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DevKind {
    Loopback,
    Veth,
    Bridge,
}

/// A device inside a namespace box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DevBox {
    /// A stable identifier usable in DOT, Mermaid and SVG.
    pub id: String,
    pub name: String,
    pub kind: DevKind,
    /// `UP`, `DOWN`, `UNKNOWN`, `LOWERLAYERDOWN` as `ip link` prints it.
    pub state: String,
    /// Configured addresses, `ADDR/LEN`.
    pub addrs: Vec<String>,
}

/// A namespace box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NsBox {
    pub id: String,
    /// `init` for the initial namespace, otherwise its `/run/netns` name.
    pub name: String,
    pub devices: Vec<DevBox>,
}

impl NsBox {
    /// The node that stands for the namespace's IP stack (routes and local delivery).
    pub fn stack_id(&self) -> String {
        format!("{}s", self.id)
    }
}

/// What a line between two devices is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// The two ends of a veth pair.
    Veth,
    /// A port (`a`) enslaved to a bridge (`b`).
    BridgePort,
}

/// A line between two devices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub a: String,
    pub b: String,
    pub kind: LinkKind,
}

/// A static route whose gateway is an address of another namespace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteEdge {
    /// Stack node ids.
    pub from: String,
    pub to: String,
    /// `DEST via GATEWAY`.
    pub label: String,
}

/// One step of the last command's frames, placed on a node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathStep {
    /// 1-based order.
    pub n: usize,
    /// A device id or a stack id.
    pub node: String,
    /// `ns/dev` or `ns`, as the trace names it.
    pub at: String,
    pub what: String,
    /// The frame was dropped or refused here.
    pub drop: bool,
}

/// Everything a picture shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Topology {
    pub namespaces: Vec<NsBox>,
    pub links: Vec<Link>,
    pub routes: Vec<RouteEdge>,
    pub path: Vec<PathStep>,
}

/// Does this trace step say the frame went no further?
pub fn is_drop(what: &str) -> bool {
    let w = what.to_ascii_lowercase();
    [
        "drop",
        "failed",
        "no route",
        "no socket",
        "no listener",
        "ttl exceeded",
    ]
    .iter()
    .any(|k| w.contains(k))
}

impl Topology {
    /// Describe the world as it is now.
    pub fn from_world(w: &World) -> Topology {
        let mut t = Topology::default();
        let mut dev_ids = BTreeMap::new();
        let mut ns_ids: Vec<(NetnsId, String)> = Vec::new();
        for (k, ns) in w.all_netns().into_iter().enumerate() {
            let id = format!("n{k}");
            let name = w.netns_name(ns).unwrap_or("init").to_string();
            let mut devices = Vec::new();
            for d in w.devices_of(ns) {
                let dev = w.dev(d);
                let did = format!("{id}d{}", dev.ifindex);
                dev_ids.insert(d, did.clone());
                let kind = match dev.kind {
                    DeviceKind::Loopback => DevKind::Loopback,
                    DeviceKind::Veth { .. } => DevKind::Veth,
                    DeviceKind::Bridge(_) => DevKind::Bridge,
                };
                let addrs = dev
                    .addrs
                    .iter()
                    .map(|a| match a {
                        IfAddr::V4 { addr, prefix, .. } => format!("{addr}/{prefix}"),
                        IfAddr::V6 { addr, prefix } => format!("{addr}/{prefix}"),
                    })
                    .collect();
                let state = match w.oper_state(d) {
                    OperState::Unknown if !dev.admin_up => OperState::Down,
                    s => s,
                };
                devices.push(DevBox {
                    id: did,
                    name: dev.name.clone(),
                    kind,
                    state: state.as_str().to_string(),
                    addrs,
                });
            }
            ns_ids.push((ns, id.clone()));
            t.namespaces.push(NsBox { id, name, devices });
        }
        // Veth pairs once (from the end seen first), then bridge ports.
        let mut seen = Vec::new();
        for (d, did) in &dev_ids {
            let dev = w.dev(*d);
            if let Some(peer) = dev.veth_peer() {
                if let Some(pid) = dev_ids.get(&peer) {
                    if !seen.contains(&peer) {
                        seen.push(*d);
                        t.links.push(Link {
                            a: did.clone(),
                            b: pid.clone(),
                            kind: LinkKind::Veth,
                        });
                    }
                }
            }
        }
        // Stable order: by the first end's position in the picture.
        let order: Vec<String> = t
            .namespaces
            .iter()
            .flat_map(|n| n.devices.iter().map(|d| d.id.clone()))
            .collect();
        let pos = |id: &str| order.iter().position(|x| x == id).unwrap_or(usize::MAX);
        t.links
            .sort_by_key(|l| (pos(&l.a).min(pos(&l.b)), pos(&l.a).max(pos(&l.b))));
        for l in &mut t.links {
            if pos(&l.b) < pos(&l.a) {
                std::mem::swap(&mut l.a, &mut l.b);
            }
        }
        for ns in w.all_netns() {
            for d in w.devices_of(ns) {
                if let (Some(m), Some(did)) = (w.dev(d).master, dev_ids.get(&d)) {
                    if let Some(mid) = dev_ids.get(&m) {
                        t.links.push(Link {
                            a: did.clone(),
                            b: mid.clone(),
                            kind: LinkKind::BridgePort,
                        });
                    }
                }
            }
        }
        // Static routes through a gateway that is another namespace's address.
        for (ns, id) in &ns_ids {
            for r in &w.ns(*ns).routes {
                let (RouteType::Unicast, Some(gw)) = (r.kind, r.gateway) else {
                    continue;
                };
                for (other, oid) in &ns_ids {
                    if other != ns && w.is_local_v4(*other, gw).is_some() {
                        let dst = if r.dst.prefix_len() == 0 {
                            "default".to_string()
                        } else {
                            r.dst.to_string()
                        };
                        t.routes.push(RouteEdge {
                            from: format!("{id}s"),
                            to: format!("{oid}s"),
                            label: format!("{dst} via {gw}"),
                        });
                    }
                }
            }
        }
        t
    }

    /// Place trace steps (of the last command) on the picture's nodes.
    pub fn with_path(mut self, steps: &[Step]) -> Topology {
        let mut n = 0;
        for s in steps {
            let (ns_name, dev) = match s.at.split_once('/') {
                Some((a, b)) => (a, Some(b)),
                None => (s.at.as_str(), None),
            };
            let Some(ns) = self.namespaces.iter().find(|x| x.name == ns_name) else {
                continue;
            };
            let node = dev
                .and_then(|d| ns.devices.iter().find(|x| x.name == d))
                .map(|d| d.id.clone())
                .unwrap_or_else(|| ns.stack_id());
            n += 1;
            self.path.push(PathStep {
                n,
                node,
                at: s.at.clone(),
                what: s.what.clone(),
                drop: is_drop(&s.what),
            });
        }
        self
    }

    /// The other end of a veth.
    fn peer(&self, id: &str) -> Option<&str> {
        self.links
            .iter()
            .filter(|l| l.kind == LinkKind::Veth)
            .find_map(|l| {
                if l.a == id {
                    Some(l.b.as_str())
                } else if l.b == id {
                    Some(l.a.as_str())
                } else {
                    None
                }
            })
    }

    /// The bridge a port belongs to.
    fn bridge_of(&self, id: &str) -> Option<&str> {
        self.links
            .iter()
            .find(|l| l.kind == LinkKind::BridgePort && l.a == id)
            .map(|l| l.b.as_str())
    }

    /// The hops the frames took, each `(from, to)` once, with the step that first took it.
    /// From the trace: a `tx` on a veth crosses to its peer; a bridge step on a port then a
    /// `tx` on another port goes through the bridge; other consecutive steps join nodes of
    /// one namespace (device to stack and back). Steps of unrelated namespaces that merely
    /// follow each other in time are not joined.
    pub fn path_edges(&self) -> Vec<(String, String, usize)> {
        let mut out: Vec<(String, String, usize)> = Vec::new();
        let mut add = |a: &str, b: &str, n: usize| {
            if a != b && !out.iter().any(|(x, y, _)| x == a && y == b) {
                out.push((a.to_string(), b.to_string(), n));
            }
        };
        for (i, s) in self.path.iter().enumerate() {
            if let Some(prev) = i.checked_sub(1).map(|j| &self.path[j]) {
                let (x, y) = (prev.node.as_str(), s.node.as_str());
                if x != y && !prev.drop {
                    let br = self.bridge_of(y);
                    if self.peer(x) == Some(y) {
                        add(x, y, s.n);
                    } else if let (Some(b), true) = (br, s.what.starts_with("tx")) {
                        if x == b {
                            add(b, y, s.n);
                        } else if self.bridge_of(x) == Some(b) {
                            if prev.what.starts_with("bridge") {
                                add(x, b, s.n);
                            }
                            add(b, y, s.n);
                        }
                    } else if ns_of(x).is_some() && ns_of(x) == ns_of(y) {
                        add(x, y, s.n);
                    }
                }
            }
            if s.what.starts_with("tx") && !s.drop {
                if let Some(p) = self.peer(&s.node) {
                    let p = p.to_string();
                    add(&s.node.clone(), &p, s.n);
                }
            }
        }
        out
    }

    /// Nodes where a frame was dropped, each once, with the first such step.
    fn drops(&self) -> Vec<&PathStep> {
        let mut out: Vec<&PathStep> = Vec::new();
        for s in self.path.iter().filter(|s| s.drop) {
            if !out.iter().any(|o| o.node == s.node) {
                out.push(s);
            }
        }
        out
    }

    fn visited(&self, node: &str) -> bool {
        self.path.iter().any(|s| s.node == node)
    }
}

/// How many path steps the pictures list in their legend.
const LEGEND_STEPS: usize = 40;

/// `1,5,9` (at most three, then `…`).
fn step_list(ns: &[usize]) -> String {
    let mut v: Vec<String> = ns.iter().take(3).map(|n| n.to_string()).collect();
    if ns.len() > 3 {
        v.push("…".into());
    }
    v.join(",")
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

fn dev_label_lines(d: &DevBox) -> Vec<String> {
    let kind = match d.kind {
        DevKind::Loopback => "loopback",
        DevKind::Veth => "veth",
        DevKind::Bridge => "bridge",
    };
    let mut v = vec![d.name.clone(), format!("{kind} {}", d.state)];
    v.extend(d.addrs.iter().cloned());
    v
}

/// Graphviz DOT.
pub fn to_dot(t: &Topology) -> String {
    let mut s = String::new();
    s.push_str("digraph netsim {\n");
    s.push_str("  graph [rankdir=LR, fontname=\"Helvetica\", nodesep=0.3, ranksep=0.8];\n");
    s.push_str("  node [fontname=\"Helvetica\", fontsize=10, shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\"];\n");
    s.push_str("  edge [fontname=\"Helvetica\", fontsize=9, dir=none];\n");
    let drops = t.drops();
    for ns in &t.namespaces {
        let _ = writeln!(s, "  subgraph cluster_{} {{", ns.id);
        let _ = writeln!(s, "    label=\"netns {}\"; style=\"rounded,filled\"; fillcolor=\"#f4f6fb\"; color=\"#7a8bb0\";", dot_escape(&ns.name));
        let stack = ns.stack_id();
        let sc = if t.visited(&stack) {
            ", color=\"#1f5fd6\", penwidth=2"
        } else {
            ""
        };
        let _ = writeln!(
            s,
            "    {stack} [label=\"{} stack\", shape=ellipse, fillcolor=\"#e8ecf5\"{sc}];",
            dot_escape(&ns.name)
        );
        for d in &ns.devices {
            let label = dev_label_lines(d)
                .iter()
                .map(|l| dot_escape(l))
                .collect::<Vec<_>>()
                .join("\\n");
            let fill = match d.kind {
                DevKind::Loopback => "#eeeeee",
                DevKind::Veth => "#ffffff",
                DevKind::Bridge => "#fff4d6",
            };
            let mut extra = String::new();
            if let Some(dr) = drops.iter().find(|x| x.node == d.id) {
                let _ = write!(
                    extra,
                    ", color=\"#c62828\", penwidth=2, xlabel=\"✗ {}\"",
                    dot_escape(&dr.what)
                );
            } else if t.visited(&d.id) {
                extra.push_str(", color=\"#1f5fd6\", penwidth=2");
            }
            let _ = writeln!(
                s,
                "    {} [label=\"{label}\", fillcolor=\"{fill}\"{extra}];",
                d.id
            );
        }
        if let Some(dr) = drops.iter().find(|x| x.node == stack) {
            let _ = writeln!(
                s,
                "    {stack} [color=\"#c62828\", penwidth=2, xlabel=\"✗ {}\"];",
                dot_escape(&dr.what)
            );
        }
        s.push_str("  }\n");
    }
    // Links the frames crossed are drawn in the path's colour, with the steps and direction;
    // other hops (device to stack) are extra edges. (Graphviz loses edges declared
    // `constraint=false` inside clusters, so none are.)
    let mut hops = t.path_edges();
    let steps_on =
        |hops: &mut Vec<(String, String, usize)>, a: &str, b: &str| -> (Vec<usize>, bool, bool) {
            let mut ns = Vec::new();
            let (mut fwd, mut back) = (false, false);
            hops.retain(|(x, y, n)| {
                if x == a && y == b {
                    fwd = true;
                } else if x == b && y == a {
                    back = true;
                } else {
                    return true;
                }
                ns.push(*n);
                false
            });
            ns.sort();
            (ns, fwd, back)
        };
    for l in &t.links {
        let (ns, fwd, back) = steps_on(&mut hops, &l.a, &l.b);
        let (kind, base) = match l.kind {
            LinkKind::Veth => ("veth", "penwidth=2"),
            LinkKind::BridgePort => ("port", "style=dashed, color=\"#b08a2e\""),
        };
        if ns.is_empty() {
            let _ = writeln!(s, "  {} -> {} [label=\"{kind}\", {base}];", l.a, l.b);
        } else {
            let dir = match (fwd, back) {
                (true, true) => "both",
                (true, false) => "forward",
                _ => "back",
            };
            let _ = writeln!(
                s,
                "  {} -> {} [label=\"{kind} {}\", dir={dir}, color=\"#1f5fd6\", fontcolor=\"#1f5fd6\", penwidth=3];",
                l.a,
                l.b,
                step_list(&ns)
            );
        }
    }
    for r in &t.routes {
        let _ = writeln!(
            s,
            "  {} -> {} [label=\"{}\", style=dotted, dir=forward, color=\"#555555\"];",
            r.from,
            r.to,
            dot_escape(&r.label)
        );
    }
    for (a, b, n) in hops {
        let _ = writeln!(s, "  {a} -> {b} [label=\"{n}\", dir=forward, color=\"#1f5fd6\", fontcolor=\"#1f5fd6\", penwidth=2];");
    }
    if !t.path.is_empty() {
        let mut lines = String::new();
        for p in t.path.iter().take(LEGEND_STEPS) {
            let mark = if p.drop { " ✗" } else { "" };
            let _ = write!(
                lines,
                "{}. {}: {}{mark}\\l",
                p.n,
                dot_escape(&p.at),
                dot_escape(&p.what)
            );
        }
        if t.path.len() > LEGEND_STEPS {
            let _ = write!(lines, "... {} more steps\\l", t.path.len() - LEGEND_STEPS);
        }
        let _ = writeln!(s, "  path [shape=note, fillcolor=\"#fffbe6\", label=\"frames of the last command\\l{lines}\"];");
    }
    s.push_str("}\n");
    s
}

fn mermaid_escape(s: &str) -> String {
    s.replace('"', "#quot;")
        .replace('<', "#lt;")
        .replace('>', "#gt;")
}

/// Mermaid flowchart.
pub fn to_mermaid(t: &Topology) -> String {
    let mut s = String::from("flowchart LR\n");
    for ns in &t.namespaces {
        let _ = writeln!(
            s,
            "  subgraph {}[\"netns {}\"]",
            ns.id,
            mermaid_escape(&ns.name)
        );
        let _ = writeln!(
            s,
            "    {}([\"{} stack\"])",
            ns.stack_id(),
            mermaid_escape(&ns.name)
        );
        for d in &ns.devices {
            let label = dev_label_lines(d)
                .iter()
                .map(|l| mermaid_escape(l))
                .collect::<Vec<_>>()
                .join("<br/>");
            let _ = writeln!(s, "    {}[\"{label}\"]", d.id);
        }
        s.push_str("  end\n");
    }
    let mut n_links = 0;
    for l in &t.links {
        match l.kind {
            LinkKind::Veth => {
                let _ = writeln!(s, "  {} ---|veth| {}", l.a, l.b);
            }
            LinkKind::BridgePort => {
                let _ = writeln!(s, "  {} -.-|port| {}", l.a, l.b);
            }
        }
        n_links += 1;
    }
    for r in &t.routes {
        let _ = writeln!(
            s,
            "  {} -.->|\"{}\"| {}",
            r.from,
            mermaid_escape(&r.label),
            r.to
        );
        n_links += 1;
    }
    let mut path_links = Vec::new();
    for (a, b, n) in t.path_edges() {
        let _ = writeln!(s, "  {a} ==>|{n}| {b}");
        path_links.push(n_links.to_string());
        n_links += 1;
    }
    s.push_str("  classDef bridge fill:#fff4d6,stroke:#b08a2e\n");
    s.push_str("  classDef lo fill:#eeeeee\n");
    s.push_str("  classDef visited stroke:#1f5fd6,stroke-width:2px\n");
    s.push_str("  classDef drop stroke:#c62828,stroke-width:3px,fill:#fde8e8\n");
    let ids = |k: DevKind| -> Vec<String> {
        t.namespaces
            .iter()
            .flat_map(|n| n.devices.iter())
            .filter(|d| d.kind == k)
            .map(|d| d.id.clone())
            .collect()
    };
    for (class, k) in [("bridge", DevKind::Bridge), ("lo", DevKind::Loopback)] {
        let v = ids(k);
        if !v.is_empty() {
            let _ = writeln!(s, "  class {} {class}", v.join(","));
        }
    }
    let drops: Vec<String> = t.drops().iter().map(|d| d.node.clone()).collect();
    let mut visited: Vec<String> = Vec::new();
    for p in &t.path {
        if !drops.contains(&p.node) && !visited.contains(&p.node) {
            visited.push(p.node.clone());
        }
    }
    if !visited.is_empty() {
        let _ = writeln!(s, "  class {} visited", visited.join(","));
    }
    if !drops.is_empty() {
        let _ = writeln!(s, "  class {} drop", drops.join(","));
    }
    if !path_links.is_empty() {
        let _ = writeln!(
            s,
            "  linkStyle {} stroke:#1f5fd6,stroke-width:2px",
            path_links.join(",")
        );
    }
    s
}

// ---------------------------------------------------------------- SVG

const NS_W: i64 = 250;
const NS_PAD: i64 = 24;
const NS_HEAD: i64 = 30;
const NS_GAP_X: i64 = 130;
const NS_GAP_Y: i64 = 40;
const LINE_H: i64 = 15;
const DEV_GAP: i64 = 10;
const STACK_H: i64 = 24;
const MARGIN: i64 = 20;

/// A placed rectangle.
#[derive(Debug, Clone, Copy)]
struct Rect {
    x: i64,
    y: i64,
    w: i64,
    h: i64,
}

impl Rect {
    fn cx(&self) -> i64 {
        self.x + self.w / 2
    }
    fn cy(&self) -> i64 {
        self.y + self.h / 2
    }
    fn right(&self) -> i64 {
        self.x + self.w
    }
}

/// Which side a connector between boxes of one column leaves from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

/// A connector: a straight line between columns, a bracket (out, along, back) within one.
fn connector(a: &Rect, b: &Rect, side: Side, off: i64, dy: i64) -> Vec<(i64, i64)> {
    let (ya, yb) = (a.cy() + dy, b.cy() + dy);
    if a.right() <= b.x {
        return vec![(a.right(), ya), (b.x, yb)];
    }
    if b.right() <= a.x {
        return vec![(a.x, ya), (b.right(), yb)];
    }
    match side {
        Side::Right => {
            let x = a.right().max(b.right()) + off;
            vec![(a.right(), ya), (x, ya), (x, yb), (b.right(), yb)]
        }
        Side::Left => {
            let x = a.x.min(b.x) - off;
            vec![(a.x, ya), (x, ya), (x, yb), (b.x, yb)]
        }
    }
}

fn points(p: &[(i64, i64)]) -> String {
    p.iter()
        .map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn dev_height(d: &DevBox) -> i64 {
    dev_label_lines(d).len() as i64 * LINE_H + 10
}

/// The namespace index a node id belongs to (`n3d2`, `n3s` → 3).
fn ns_of(id: &str) -> Option<usize> {
    let rest = id.strip_prefix('n')?;
    let end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    rest[..end].parse().ok()
}

/// Columns: the init namespace first, then namespaces by their veth distance from it
/// (breadth first); namespaces not connected to anything placed already start at column 1.
fn columns(t: &Topology) -> Vec<usize> {
    let n = t.namespaces.len();
    let mut adj = vec![Vec::new(); n];
    for l in t.links.iter().filter(|l| l.kind == LinkKind::Veth) {
        if let (Some(a), Some(b)) = (ns_of(&l.a), ns_of(&l.b)) {
            if a != b && a < n && b < n {
                adj[a].push(b);
                adj[b].push(a);
            }
        }
    }
    let mut col: Vec<Option<usize>> = vec![None; n];
    for start in 0..n {
        if col[start].is_some() {
            continue;
        }
        col[start] = Some(if start == 0 { 0 } else { 1 });
        let mut queue = std::collections::VecDeque::from([start]);
        while let Some(x) = queue.pop_front() {
            let c = col[x].unwrap_or(0);
            for &y in &adj[x] {
                if col[y].is_none() {
                    col[y] = Some(c + 1);
                    queue.push_back(y);
                }
            }
        }
    }
    col.into_iter().map(|c| c.unwrap_or(0)).collect()
}

/// A self-contained SVG: namespaces in columns (init first, then by distance over veth
/// links), devices inside, straight lines between columns and brackets within one.
pub fn to_svg(t: &Topology) -> String {
    let cols = columns(t);
    let ncols = cols.iter().max().map_or(1, |m| m + 1);
    let ns_h: Vec<i64> = t
        .namespaces
        .iter()
        .map(|ns| {
            NS_HEAD
                + STACK_H
                + DEV_GAP
                + ns.devices
                    .iter()
                    .map(|d| dev_height(d) + DEV_GAP)
                    .sum::<i64>()
                + NS_PAD
                - DEV_GAP
        })
        .collect();
    let mut boxes: BTreeMap<String, Rect> = BTreeMap::new();
    let mut ns_rects = Vec::new();
    let mut col_y = vec![MARGIN; ncols];
    for (i, ns) in t.namespaces.iter().enumerate() {
        let c = cols[i];
        let x = MARGIN + 40 + c as i64 * (NS_W + NS_GAP_X);
        let y = col_y[c];
        col_y[c] += ns_h[i] + NS_GAP_Y;
        let rect = Rect {
            x,
            y,
            w: NS_W,
            h: ns_h[i],
        };
        ns_rects.push(rect);
        let mut yy = y + NS_HEAD;
        boxes.insert(
            ns.stack_id(),
            Rect {
                x: x + NS_PAD + 40,
                y: yy,
                w: NS_W - 2 * NS_PAD - 80,
                h: STACK_H,
            },
        );
        yy += STACK_H + DEV_GAP;
        for d in &ns.devices {
            let h = dev_height(d);
            boxes.insert(
                d.id.clone(),
                Rect {
                    x: x + NS_PAD,
                    y: yy,
                    w: NS_W - 2 * NS_PAD,
                    h,
                },
            );
            yy += h + DEV_GAP;
        }
    }
    let grid_w = MARGIN + 40 + ncols as i64 * NS_W + (ncols as i64 - 1) * NS_GAP_X + 40;
    let grid_h = col_y.iter().max().copied().unwrap_or(MARGIN) - NS_GAP_Y + MARGIN;
    let legend: Vec<String> = {
        let mut v: Vec<String> = t
            .path
            .iter()
            .take(LEGEND_STEPS)
            .map(|p| {
                format!(
                    "{}. {}: {}{}",
                    p.n,
                    p.at,
                    p.what,
                    if p.drop { "  ✗" } else { "" }
                )
            })
            .collect();
        if t.path.len() > LEGEND_STEPS {
            v.push(format!("... {} more steps", t.path.len() - LEGEND_STEPS));
        }
        v
    };
    let legend_h = if legend.is_empty() {
        0
    } else {
        30 + legend.len() as i64 * LINE_H
    };
    let height = grid_h + legend_h;
    let width = grid_w.max(
        legend
            .iter()
            .map(|l| l.chars().count() as i64 * 6 + 2 * MARGIN)
            .max()
            .unwrap_or(0),
    );
    // Same-column connectors between namespaces get their own lane each.
    let mut lanes_right = 0i64;
    let mut lanes_left = 0i64;
    let mut lane = |a: &str, b: &str, side: Side| -> i64 {
        if ns_of(a) == ns_of(b) {
            return 10;
        }
        let k = match side {
            Side::Right => {
                lanes_right += 1;
                lanes_right
            }
            Side::Left => {
                lanes_left += 1;
                lanes_left
            }
        };
        NS_PAD + 8 + 8 * k
    };

    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">"
    );
    s.push_str("  <defs>\n");
    s.push_str("    <marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555555\"/></marker>\n");
    s.push_str("    <marker id=\"patharrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"5\" markerHeight=\"5\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#1f5fd6\"/></marker>\n");
    s.push_str("  </defs>\n");
    let _ = writeln!(
        s,
        "  <rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>"
    );
    for (ns, r) in t.namespaces.iter().zip(&ns_rects) {
        let _ = writeln!(
            s,
            "  <g class=\"netns\" id=\"{}\">\n    <rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"10\" fill=\"#f4f6fb\" stroke=\"#7a8bb0\"/>\n    <text x=\"{}\" y=\"{}\" font-weight=\"bold\" font-size=\"13\">netns {}</text>\n  </g>",
            ns.id,
            r.x,
            r.y,
            r.w,
            r.h,
            r.x + 12,
            r.y + 20,
            xml(&ns.name)
        );
    }
    // Links and routes under the device boxes.
    for l in &t.links {
        let (Some(a), Some(b)) = (boxes.get(&l.a), boxes.get(&l.b)) else {
            continue;
        };
        match l.kind {
            LinkKind::Veth => {
                let p = connector(a, b, Side::Right, lane(&l.a, &l.b, Side::Right) + 8, 0);
                let _ = writeln!(s, "  <polyline class=\"veth\" points=\"{}\" fill=\"none\" stroke=\"#333333\" stroke-width=\"2\"/>", points(&p));
            }
            LinkKind::BridgePort => {
                let p = connector(a, b, Side::Right, 10, 0);
                let _ = writeln!(
                    s,
                    "  <polyline class=\"port\" points=\"{}\" fill=\"none\" stroke=\"#b08a2e\" stroke-width=\"1.5\" stroke-dasharray=\"5,3\"/>",
                    points(&p)
                );
            }
        }
    }
    for r in &t.routes {
        let (Some(a), Some(b)) = (boxes.get(&r.from), boxes.get(&r.to)) else {
            continue;
        };
        let off = lane(&r.from, &r.to, Side::Left) + 40;
        let p = connector(a, b, Side::Left, off, 0);
        let (lx, ly) = if p.len() == 2 {
            ((p[0].0 + p[1].0) / 2, (p[0].1 + p[1].1) / 2 - 4)
        } else {
            (p[1].0 + 4, (p[1].1 + p[2].1) / 2)
        };
        let anchor = if p.len() == 2 { "middle" } else { "start" };
        let _ = writeln!(
            s,
            "  <polyline class=\"route\" points=\"{}\" fill=\"none\" stroke=\"#555555\" stroke-dasharray=\"2,3\" marker-end=\"url(#arrow)\"/>\n  <text x=\"{lx}\" y=\"{ly}\" font-size=\"10\" fill=\"#555555\" text-anchor=\"{anchor}\">{}</text>",
            points(&p),
            xml(&r.label)
        );
    }
    let drops = t.drops();
    let stroke_for = |id: &str, normal: &'static str| -> &'static str {
        if drops.iter().any(|d| d.node == id) {
            "#c62828\" stroke-width=\"2.5"
        } else if t.visited(id) {
            "#1f5fd6\" stroke-width=\"2"
        } else {
            normal
        }
    };
    for ns in &t.namespaces {
        let stack = ns.stack_id();
        if let Some(r) = boxes.get(&stack) {
            let _ = writeln!(
                s,
                "  <rect class=\"stack\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"12\" fill=\"#e8ecf5\" stroke=\"{}\"/>\n  <text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">IP stack</text>",
                r.x,
                r.y,
                r.w,
                r.h,
                stroke_for(&stack, "#7a8bb0"),
                r.cx(),
                r.y + 16
            );
        }
        for d in &ns.devices {
            let Some(r) = boxes.get(&d.id) else { continue };
            let fill = match d.kind {
                DevKind::Loopback => "#eeeeee",
                DevKind::Veth => "#ffffff",
                DevKind::Bridge => "#fff4d6",
            };
            let _ = writeln!(
                s,
                "  <g class=\"device\" id=\"{}\">\n    <rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\" fill=\"{fill}\" stroke=\"{}\"/>",
                d.id,
                r.x,
                r.y,
                r.w,
                r.h,
                stroke_for(&d.id, "#555555")
            );
            for (i, l) in dev_label_lines(d).iter().enumerate() {
                let weight = if i == 0 { " font-weight=\"bold\"" } else { "" };
                let color = if i == 1 {
                    " fill=\"#666666\" font-size=\"10\""
                } else {
                    ""
                };
                let _ = writeln!(
                    s,
                    "    <text x=\"{}\" y=\"{}\"{weight}{color}>{}</text>",
                    r.x + 8,
                    r.y + 16 + i as i64 * LINE_H,
                    xml(l)
                );
            }
            s.push_str("  </g>\n");
        }
    }
    // The path on top: arrows between consecutive nodes, a numbered badge on each node.
    for (a, b, _) in t.path_edges() {
        let (Some(ra), Some(rb)) = (boxes.get(&a), boxes.get(&b)) else {
            continue;
        };
        let p = connector(ra, rb, Side::Left, 8, 5);
        let _ = writeln!(
            s,
            "  <polyline class=\"path\" points=\"{}\" fill=\"none\" stroke=\"#1f5fd6\" stroke-width=\"2.5\" stroke-opacity=\"0.75\" marker-end=\"url(#patharrow)\"/>",
            points(&p)
        );
    }
    let mut badges: Vec<(String, usize, bool)> = Vec::new();
    for p in &t.path {
        match badges.iter_mut().find(|(n, _, _)| *n == p.node) {
            Some(b) => b.2 |= p.drop,
            None => badges.push((p.node.clone(), p.n, p.drop)),
        }
    }
    for (node, n, drop) in badges {
        let Some(r) = boxes.get(&node) else { continue };
        let (cx, cy) = (r.x + r.w - 14, r.y + 12);
        let fill = if drop { "#c62828" } else { "#1f5fd6" };
        let label = if drop {
            format!("{n}✗")
        } else {
            n.to_string()
        };
        let _ = writeln!(
            s,
            "  <circle cx=\"{cx}\" cy=\"{cy}\" r=\"10\" fill=\"{fill}\"/>\n  <text x=\"{cx}\" y=\"{}\" text-anchor=\"middle\" font-size=\"9\" fill=\"#ffffff\">{label}</text>",
            cy + 3
        );
    }
    if !legend.is_empty() {
        let y0 = grid_h + 10;
        let _ = writeln!(s, "  <text x=\"{MARGIN}\" y=\"{y0}\" font-weight=\"bold\">frames of the last command</text>");
        for (i, l) in legend.iter().enumerate() {
            let color = if l.ends_with('✗') {
                "#c62828"
            } else {
                "#222222"
            };
            let _ = writeln!(s, "  <text x=\"{MARGIN}\" y=\"{}\" font-family=\"monospace\" font-size=\"10\" fill=\"{color}\">{}</text>", y0 + 18 + i as i64 * LINE_H, xml(l));
        }
    }
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Sim, SimConfig};

    fn bridge_sim(trace: bool) -> Sim {
        let mut sim = Sim::new(SimConfig {
            trace,
            ..Default::default()
        });
        for l in [
            "ip link add br0 type bridge",
            "ip link set br0 up",
            "ip netns add ns0",
            "ip netns add ns1",
            "ip link add veth0 type veth peer name br-veth0",
            "ip link add veth1 type veth peer name br-veth1",
            "ip link set veth0 netns ns0",
            "ip link set veth1 netns ns1",
            "ip link set br-veth0 master br0",
            "ip link set br-veth1 master br0",
            "ip link set br-veth0 up",
            "ip link set br-veth1 up",
            "ip netns exec ns0 ip link set veth0 up",
            "ip netns exec ns1 ip link set veth1 up",
            "ip netns exec ns0 ip addr add 10.0.0.1/24 dev veth0",
            "ip netns exec ns1 ip addr add 10.0.0.2/24 dev veth1",
            "ip netns exec ns1 ip route add 10.9.0.0/16 via 10.0.0.1",
        ] {
            let o = sim.run_line(l);
            assert_eq!(o.status, 0, "{l}: {}", o.combined());
        }
        sim
    }

    #[test]
    fn topology_has_boxes_links_ports_and_routes() {
        let sim = bridge_sim(false);
        let t = Topology::from_world(&sim.world);
        let names: Vec<&str> = t.namespaces.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["init", "ns0", "ns1"]);
        let veths = t.links.iter().filter(|l| l.kind == LinkKind::Veth).count();
        let ports = t
            .links
            .iter()
            .filter(|l| l.kind == LinkKind::BridgePort)
            .count();
        assert_eq!((veths, ports), (2, 2));
        assert_eq!(t.routes.len(), 1);
        assert_eq!(t.routes[0].label, "10.9.0.0/16 via 10.0.0.1");
        let ns0 = &t.namespaces[1];
        assert!(ns0
            .devices
            .iter()
            .any(|d| d.name == "veth0" && d.addrs == ["10.0.0.1/24"] && d.state == "UP"));
    }

    #[test]
    fn renderers_are_deterministic_and_name_everything() {
        let a = Topology::from_world(&bridge_sim(false).world);
        let b = Topology::from_world(&bridge_sim(false).world);
        assert_eq!(to_dot(&a), to_dot(&b));
        assert_eq!(to_svg(&a), to_svg(&b));
        let dot = to_dot(&a);
        assert!(dot.starts_with("digraph netsim {"));
        assert!(dot.contains("subgraph cluster_n1"));
        assert!(dot.contains("label=\"netns ns0\""));
        assert!(dot.contains("10.0.0.2/24"));
        let mm = to_mermaid(&a);
        assert!(mm.starts_with("flowchart LR\n"));
        assert!(mm.contains("---|veth|"));
        assert!(mm.contains("-.-|port|"));
        let svg = to_svg(&a);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert_eq!(svg.matches("class=\"veth\"").count(), 2);
        assert_eq!(columns(&a), [0, 1, 1]);
        assert_eq!(svg.matches("<g class=\"netns\"").count(), 3);
    }

    #[test]
    fn path_overlay_follows_a_ping_and_marks_drops() {
        let mut sim = bridge_sim(true);
        let o = sim.run_line("ip netns exec ns0 ping -c 1 10.0.0.2");
        assert_eq!(o.status, 0, "{}", o.combined());
        let t = Topology::from_world(&sim.world).with_path(&sim.trace.steps);
        assert!(!t.path.is_empty());
        let ns0_veth = t.namespaces[1]
            .devices
            .iter()
            .find(|d| d.name == "veth0")
            .expect("veth0")
            .id
            .clone();
        assert!(t.path.iter().any(|p| p.node == ns0_veth));
        assert!(!t.path_edges().is_empty());
        assert!(to_dot(&t).contains("color=\"#1f5fd6\""));
        assert!(to_svg(&t).contains("class=\"path\""));

        sim.run_line("ip netns exec ns1 iptables -A INPUT -p icmp -j DROP");
        sim.run_line("ip netns exec ns0 ping -c 1 -W 1 10.0.0.2");
        let t = Topology::from_world(&sim.world).with_path(&sim.trace.steps);
        assert!(t.path.iter().any(|p| p.drop), "{:?}", t.path);
        assert!(to_dot(&t).contains("✗"));
    }

    #[test]
    fn escaping() {
        assert_eq!(dot_escape("a\"b\\"), "a\\\"b\\\\");
        assert_eq!(xml("<a & \"b\">"), "&lt;a &amp; &quot;b&quot;&gt;");
        assert!(is_drop("dropped in FORWARD"));
        assert!(is_drop("netfilter: filter INPUT DROP"));
        assert!(!is_drop(
            "rx ICMP 10.0.0.1 > 10.0.0.2 echo request id=1 seq=1 ttl=64"
        ));
    }
}

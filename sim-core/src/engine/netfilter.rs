//! Netfilter: iptables tables and chains, connection tracking and NAT, and the hooks the
//! engine calls at the five points of the IPv4 path.
//!
//! Architecture invariant: the engine calls [`Netfilter::hook`] with a packet and a context
//! it has filled in; netfilter never looks at devices or routes itself, and never sends
//! frames: it rewrites the packet (NAT) and returns a verdict.
//!
//! Order at each hook follows the kernel's priorities (raw -300, conntrack -200, mangle
//! -150, nat DNAT -100, filter 0, nat SNAT 100, confirm last); `security` is not modelled.
//!
//! Conntrack: real kernels track only once `nf_conntrack` is loaded; in the sandbox it is
//! loaded as soon as a rule needs it. netsim keeps that simple: a namespace tracks
//! connections from the moment any nat rule or `-m conntrack`/`-m state` rule exists in it
//! (and keeps tracking after the rule goes, as the loaded module would).

pub mod conntrack;
pub mod index;
pub mod rules;

use std::fmt::Write as _;
use std::net::Ipv4Addr;

use crate::model::Nanos;
use crate::wire::{Ipv4, Mac, L4};

use conntrack::{port_class, Conntrack, Dir, TcpState, Tuple};
use rules::{ctbits, rule_matches, NatRange, PktMeta, Table, TableId, Target};

/// The five IPv4 hooks, in the kernel's names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Hook {
    PreRouting,
    LocalIn,
    Forward,
    LocalOut,
    PostRouting,
}

impl Hook {
    /// The built-in chain name of this hook.
    pub fn chain(self) -> &'static str {
        match self {
            Hook::PreRouting => "PREROUTING",
            Hook::LocalIn => "INPUT",
            Hook::Forward => "FORWARD",
            Hook::LocalOut => "OUTPUT",
            Hook::PostRouting => "POSTROUTING",
        }
    }
}

/// Link-layer packet type (`-m pkttype`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PktType {
    Unicast,
    Broadcast,
    Multicast,
}

/// Everything netfilter may need to know about a packet's surroundings.
#[derive(Debug, Clone)]
pub struct HookCtx {
    pub hook: Hook,
    /// `-i`: the input device (for bridged traffic, the bridge).
    pub in_dev: Option<String>,
    /// `-o`: the output device (for bridged traffic, the bridge).
    pub out_dev: Option<String>,
    /// `-m physdev`: the bridge ports, for bridged traffic only.
    pub physdev_in: Option<String>,
    pub physdev_out: Option<String>,
    /// The packet is being bridged (br_netfilter), not routed.
    pub bridged: bool,
    pub src_mac: Option<Mac>,
    pub pkt_type: PktType,
    pub now: Nanos,
    /// Addresses of this namespace (`-m addrtype --dst-type LOCAL`).
    pub local_addrs: Vec<Ipv4Addr>,
    /// Broadcast addresses of this namespace (`--dst-type BROADCAST`).
    pub broadcast_addrs: Vec<Ipv4Addr>,
    /// For POSTROUTING: the address MASQUERADE would use on the output device.
    pub masq_src: Option<Ipv4Addr>,
    /// The primary address of the input device (REDIRECT in PREROUTING uses it).
    pub in_addr: Option<Ipv4Addr>,
    /// Record readable steps (tables, chains, matched rules, conntrack, NAT) into the
    /// hook's `trace`; off, nothing is formatted.
    pub trace: bool,
}

/// What netfilter decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Accept,
    Drop,
    /// Drop and answer with an ICMP error (type, code) or a TCP RST.
    Reject(RejectWith),
}

/// `--reject-with`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RejectWith {
    Icmp { typ: u8, code: u8 },
    TcpReset,
}

/// What walking one chain decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ChainResult {
    Accept,
    Drop,
    Reject(RejectWith),
    Nat(NatAction),
}

/// A NAT target that fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NatAction {
    Snat(NatRange),
    Dnat(NatRange),
    Masquerade(Option<(u16, u16)>),
    Redirect(Option<(u16, u16)>),
}

/// The conntrack view of the packet being processed, carried from hook to hook.
#[derive(Debug, Clone, Copy)]
struct Current {
    /// The packet's tuple as it left the last hook (to recognise it at the next).
    tuple: Option<Tuple>,
    conn: Option<(u64, Dir)>,
    ctstate: u8,
    mark: u32,
}

/// One line of the namespace's kernel log (`-j LOG`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogLine {
    pub at: Nanos,
    pub level: u8,
    pub text: String,
}

/// The netfilter state of one namespace.
#[derive(Debug, Clone)]
pub struct Netfilter {
    /// Indexed by `TableId as usize`: raw, mangle, nat, filter.
    pub tables: [Table; 4],
    /// Whether iptables created the table (iptables-nft registers a table's hooks on the
    /// first command that writes to it; only then do its policies count packets).
    pub registered: [bool; 4],
    /// Registered tables in creation order (iptables-save prints them so).
    pub table_order: Vec<TableId>,
    pub ct: Conntrack,
    /// Connection tracking is on (see the module comment).
    pub tracking: bool,
    /// Kernel log of `-j LOG`, per namespace (the real ring buffer is global to the host).
    pub log: Vec<LogLine>,
    /// Some rule needs the namespace's addresses (`-m addrtype`, `-j REDIRECT`); when not,
    /// the engine leaves `HookCtx::local_addrs`/`broadcast_addrs`/`in_addr` empty.
    /// Re-derived by `rules_changed`.
    pub needs_addrs: bool,
    cur: Current,
}

impl Default for Netfilter {
    fn default() -> Self {
        Netfilter {
            tables: TableId::ALL.map(Table::new),
            registered: [false; 4],
            table_order: Vec::new(),
            ct: Conntrack::default(),
            tracking: false,
            log: Vec::new(),
            needs_addrs: false,
            cur: Current {
                tuple: None,
                conn: None,
                ctstate: 0,
                mark: 0,
            },
        }
    }
}

const MAX_DEPTH: usize = 64;

impl Netfilter {
    pub fn table(&self, t: TableId) -> &Table {
        &self.tables[t as usize]
    }
    pub fn table_mut(&mut self, t: TableId) -> &mut Table {
        &mut self.tables[t as usize]
    }

    /// Re-derive `tracking` after rules changed (it never turns off, like a loaded module).
    /// What one added rule changes: the chain indexes (rebuilt when next needed) and the
    /// flags, which an addition can only set. The same result as [`Netfilter::rules_changed`]
    /// (a property test compares them) without looking at every rule.
    pub fn rule_added(&mut self, table: TableId, r: &rules::Rule) {
        if let Some(t) = self.tables.iter_mut().find(|t| t.id == table) {
            for c in &mut t.chains {
                c.index.clear();
            }
        }
        self.needs_addrs |= matches!(r.target, rules::Target::Redirect { .. })
            || r.matches
                .iter()
                .any(|m| matches!(m, rules::Match::Addrtype { .. }));
        self.tracking |= table == TableId::Nat || r.uses_conntrack();
    }

    pub fn rules_changed(&mut self) {
        for c in self.tables.iter_mut().flat_map(|t| t.chains.iter_mut()) {
            c.index.clear();
        }
        self.needs_addrs = self
            .tables
            .iter()
            .flat_map(|t| t.chains.iter())
            .flat_map(|c| c.rules.iter())
            .any(|r| {
                matches!(r.target, rules::Target::Redirect { .. })
                    || r.matches
                        .iter()
                        .any(|m| matches!(m, rules::Match::Addrtype { .. }))
            });
        if !self.tracking {
            self.tracking = self.tables.iter().any(|t| {
                t.id == TableId::Nat && t.chains.iter().any(|c| !c.rules.is_empty())
                    || t.chains
                        .iter()
                        .flat_map(|c| c.rules.iter())
                        .any(|r| r.uses_conntrack())
            });
        }
    }

    /// Run the packet through every table registered at `ctx.hook`, in priority order,
    /// with conntrack and NAT. May rewrite the packet. Appends readable steps to `trace`.
    pub fn hook(&mut self, ctx: &HookCtx, pkt: &mut Ipv4, trace: &mut Vec<String>) -> Verdict {
        let mark = trace.len();
        let v = self.hook_tables(ctx, pkt, trace);
        if ctx.trace && trace.len() > mark {
            trace.insert(mark, hook_header(ctx));
        }
        if v != Verdict::Accept {
            // A dropped packet's unconfirmed connection dies with it.
            if let Some((id, _)) = self.cur.conn {
                if self.ct.get(id).is_some_and(|c| !c.confirmed) {
                    self.ct.remove(id);
                }
            }
            self.cur.conn = None;
            self.cur.tuple = None;
        }
        v
    }

    fn hook_tables(&mut self, ctx: &HookCtx, pkt: &mut Ipv4, trace: &mut Vec<String>) -> Verdict {
        let hook = ctx.hook;
        if matches!(hook, Hook::PreRouting | Hook::LocalOut) {
            // A new packet enters the stack: its mark starts at 0.
            self.cur = Current {
                tuple: None,
                conn: None,
                ctstate: 0,
                mark: 0,
            };
            if let Some(v) = self.run_table(TableId::Raw, ctx, pkt, trace) {
                return v;
            }
            if self.tracking {
                self.ct_in(ctx, pkt);
                if ctx.trace {
                    trace.push(self.ct_line(pkt));
                }
            }
        } else {
            self.recognise(ctx, pkt);
        }
        if let Some(v) = self.run_table(TableId::Mangle, ctx, pkt, trace) {
            return v;
        }
        match hook {
            Hook::PreRouting => self.nat(ctx, pkt, true, trace),
            Hook::LocalOut => {
                if let Some(v) = self.nat(ctx, pkt, true, trace) {
                    return v;
                }
                self.run_table(TableId::Filter, ctx, pkt, trace)
            }
            Hook::Forward => self.run_table(TableId::Filter, ctx, pkt, trace),
            Hook::LocalIn => {
                if let Some(v) = self.run_table(TableId::Filter, ctx, pkt, trace) {
                    return v;
                }
                self.nat(ctx, pkt, false, trace)
            }
            Hook::PostRouting => self.nat(ctx, pkt, false, trace),
        }
        .unwrap_or_else(|| {
            if matches!(hook, Hook::LocalIn | Hook::PostRouting) {
                self.confirm();
            }
            self.cur.tuple = Tuple::of(pkt);
            Verdict::Accept
        })
    }

    /// Whether any rule or conntrack state exists (lets the engine skip building contexts).
    pub fn is_active(&self) -> bool {
        self.registered.iter().any(|r| *r) || self.tracking || !self.ct.is_empty()
    }

    /// Find the current packet's connection at a hook after the first.
    fn recognise(&mut self, ctx: &HookCtx, pkt: &Ipv4) {
        let t = Tuple::of(pkt);
        if t.is_some() && t == self.cur.tuple {
            return;
        }
        // Not the packet we saw last: look it up afresh.
        self.cur = Current {
            tuple: None,
            conn: None,
            ctstate: 0,
            mark: 0,
        };
        if self.tracking {
            if let Some(t) = t {
                if let Some((id, dir)) = self.ct.lookup(&t) {
                    let seen = self.ct.get(id).is_some_and(|c| c.seen_reply);
                    self.cur.conn = Some((id, dir));
                    self.cur.ctstate = if dir == Dir::Reply || seen {
                        ctbits::ESTABLISHED
                    } else {
                        ctbits::NEW
                    };
                }
            }
        }
        let _ = ctx;
    }

    /// Conntrack at PREROUTING/OUTPUT: find or create the connection, classify the packet.
    fn ct_in(&mut self, ctx: &HookCtx, pkt: &Ipv4) {
        self.ct.expire(ctx.now);
        let now = ctx.now;
        if let L4::Icmp(i) = &pkt.l4 {
            if let Some(q) = i.quoted() {
                let (sport, dport) = if q.proto == 1 {
                    (q.c, q.a >> 8)
                } else {
                    (q.a, q.b)
                };
                let qt = Tuple {
                    proto: q.proto,
                    src: q.src,
                    dst: q.dst,
                    sport,
                    dport,
                    code: 0,
                };
                let found = self.ct.lookup(&qt.invert()).or_else(|| {
                    self.ct.lookup(&qt).map(|(id, d)| {
                        (
                            id,
                            if d == Dir::Orig {
                                Dir::Reply
                            } else {
                                Dir::Orig
                            },
                        )
                    })
                });
                match found {
                    Some(c) => {
                        self.cur.conn = Some(c);
                        self.cur.ctstate = ctbits::RELATED;
                    }
                    None => self.cur.ctstate = ctbits::INVALID,
                }
                return;
            }
        }
        let Some(t) = Tuple::of(pkt) else {
            self.cur.ctstate = ctbits::INVALID;
            return;
        };
        if ctx.hook == Hook::PreRouting && ctx.in_dev.as_deref() == Some("lo") {
            // A packet this namespace sent to itself keeps the conntrack entry it got at
            // OUTPUT (the skb carries it through loopback): no second state update, and it
            // may already be translated: then its inverse is the other direction's tuple.
            let found = self.ct.lookup(&t).or_else(|| {
                self.ct.lookup(&t.invert()).map(|(id, d)| {
                    (
                        id,
                        if d == Dir::Orig {
                            Dir::Reply
                        } else {
                            Dir::Orig
                        },
                    )
                })
            });
            if let Some((id, dir)) = found {
                let seen = self.ct.get(id).is_some_and(|c| c.seen_reply);
                self.cur.conn = Some((id, dir));
                self.cur.ctstate = if dir == Dir::Reply || seen {
                    ctbits::ESTABLISHED
                } else {
                    ctbits::NEW
                };
                return;
            }
        }
        if let Some((id, dir)) = self.ct.lookup(&t) {
            let seen_before = self.ct.get(id).is_some_and(|c| c.seen_reply);
            if dir == Dir::Reply && !seen_before && matches!(&pkt.l4, L4::Tcp(tc) if tc.flags.rst) {
                // "If only reply is a RST, we can consider ourselves not to have an
                // established connection" (nf_conntrack_proto_tcp): killed at once.
                self.ct.update(id, dir, pkt, now);
                if let Some(c) = self.ct.get_mut(id) {
                    c.expires = now;
                }
                self.cur.conn = Some((id, dir));
                self.cur.ctstate = ctbits::ESTABLISHED;
                return;
            }
            self.ct.update(id, dir, pkt, now);
            self.cur.conn = Some((id, dir));
            self.cur.ctstate = if dir == Dir::Reply || seen_before {
                ctbits::ESTABLISHED
            } else {
                ctbits::NEW
            };
            return;
        }
        let tcp = match &pkt.l4 {
            L4::Tcp(t) if t.flags.rst || (t.flags.fin && !t.flags.ack) => {
                self.cur.ctstate = ctbits::INVALID;
                return;
            }
            L4::Tcp(t) if t.flags.syn && !t.flags.ack => Some(TcpState::SynSent),
            // nf_conntrack_tcp_loose: pick up a connection in the middle.
            L4::Tcp(_) => Some(TcpState::Established),
            _ => None,
        };
        let id = self.ct.create(t, tcp, now);
        self.cur.conn = Some((id, Dir::Orig));
        self.cur.ctstate = ctbits::NEW;
    }

    fn confirm(&mut self) {
        if let Some((id, _)) = self.cur.conn {
            if let Some(c) = self.ct.get_mut(id) {
                c.confirmed = true;
            }
        }
    }

    fn meta(&self) -> PktMeta {
        let (os, od) = match self.cur.conn.and_then(|(id, _)| self.ct.get(id)) {
            Some(c) => (c.orig.src, c.orig.dst),
            None => (Ipv4Addr::UNSPECIFIED, Ipv4Addr::UNSPECIFIED),
        };
        let mut st = self.cur.ctstate;
        if let Some(c) = self.cur.conn.and_then(|(id, _)| self.ct.get(id)) {
            if c.snat {
                st |= ctbits::SNAT;
            }
            if c.dnat {
                st |= ctbits::DNAT;
            }
        }
        if !self.tracking {
            st = ctbits::UNTRACKED;
        }
        PktMeta {
            ctstate: st,
            orig_src: os,
            orig_dst: od,
            mark: self.cur.mark,
        }
    }

    /// Walk a table's chain for this hook; `Some` when it decided the packet's fate.
    fn run_table(
        &mut self,
        t: TableId,
        ctx: &HookCtx,
        pkt: &mut Ipv4,
        trace: &mut Vec<String>,
    ) -> Option<Verdict> {
        if !self.registered[t as usize] {
            return None;
        }
        // The rule or policy line the walk traced says why.
        match self.walk(t, ctx, pkt, trace)? {
            ChainResult::Accept => None,
            ChainResult::Drop => Some(Verdict::Drop),
            ChainResult::Reject(w) => Some(Verdict::Reject(w)),
            ChainResult::Nat(_) => None,
        }
    }

    /// Walk the built-in chain of `ctx.hook` in table `t`. `None`: the chain does not exist.
    fn walk(
        &mut self,
        t: TableId,
        ctx: &HookCtx,
        pkt: &mut Ipv4,
        trace: &mut Vec<String>,
    ) -> Option<ChainResult> {
        let mut meta = self.meta();
        let len = pkt.total_len() as u64;
        let now = ctx.now;
        let table = &mut self.tables[t as usize];
        let base = table.chains[..table.n_builtin()]
            .iter()
            .position(|c| c.name == ctx.hook.chain())?;
        let mut stack = [(0usize, 0usize); MAX_DEPTH];
        let mut depth = 0usize;
        let (mut ci, mut ri) = (base, 0usize);
        let mut logs: Option<(u8, String)> = None;
        let result = loop {
            let Some(chain) = table.chains.get_mut(ci) else {
                if ctx.trace {
                    trace.push(format!(
                        "{} {}: jump to a missing chain: DROP",
                        t.name(),
                        ctx.hook.chain()
                    ));
                }
                break ChainResult::Drop;
            };
            // Skip the rules that cannot match (see `index`): the same as testing each.
            ri = chain.index.next_candidate(&chain.rules, ri, ctx, pkt);
            if ri >= chain.rules.len() {
                if depth == 0 || chain.policy.is_some() && ci == base {
                    let c = &mut table.chains[base];
                    if c.counting {
                        c.pkts += 1;
                        c.bytes += len;
                    }
                    if ctx.trace {
                        trace.push(policy_line(t, c));
                    }
                    break if c.policy == Some(false) {
                        ChainResult::Drop
                    } else {
                        ChainResult::Accept
                    };
                }
                depth -= 1;
                if ctx.trace {
                    let here = chain.name.clone();
                    let back = &table.chains[stack[depth].0].name;
                    trace.push(format!("{} {here}: end of chain, back to {back}", t.name()));
                }
                (ci, ri) = stack[depth];
                continue;
            }
            let rule = &mut chain.rules[ri];
            ri += 1;
            if !rule_matches(rule, ctx, pkt, &meta) {
                continue;
            }
            rule.pkts += 1;
            rule.bytes += len;
            if ctx.trace {
                trace.push(rule_line(t, &chain.name, ri, rule));
            }
            match &rule.target {
                Target::None => {}
                Target::Accept => break ChainResult::Accept,
                Target::Drop => break ChainResult::Drop,
                Target::Reject { icmp, .. } => {
                    break ChainResult::Reject(match icmp {
                        Some((typ, code)) => RejectWith::Icmp {
                            typ: *typ,
                            code: *code,
                        },
                        None => RejectWith::TcpReset,
                    })
                }
                Target::Return => {
                    if depth == 0 {
                        let c = &mut table.chains[base];
                        if c.counting {
                            c.pkts += 1;
                            c.bytes += len;
                        }
                        if ctx.trace {
                            trace.push(policy_line(t, c));
                        }
                        break if c.policy == Some(false) {
                            ChainResult::Drop
                        } else {
                            ChainResult::Accept
                        };
                    }
                    depth -= 1;
                    if ctx.trace {
                        let back = &table.chains[stack[depth].0].name;
                        if let Some(l) = trace.last_mut() {
                            let _ = write!(l, " to {back}");
                        }
                    }
                    (ci, ri) = stack[depth];
                }
                Target::Jump { idx, goto, .. } => {
                    if !goto {
                        if depth >= MAX_DEPTH {
                            if ctx.trace {
                                trace.push(format!(
                                    "{} {}: more than {MAX_DEPTH} nested jumps: DROP",
                                    t.name(),
                                    ctx.hook.chain()
                                ));
                            }
                            break ChainResult::Drop;
                        }
                        stack[depth] = (ci, ri);
                        depth += 1;
                    }
                    ci = *idx;
                    ri = 0;
                }
                Target::Log { prefix, level } => {
                    let line = log_line(prefix.as_deref().unwrap_or(""), ctx, pkt);
                    // Flushed after the walk (the table is borrowed).
                    match &mut logs {
                        Some((_, s)) => {
                            s.push('\n');
                            s.push_str(&line);
                        }
                        None => logs = Some((*level, line)),
                    }
                }
                Target::Mark { value, mask } => {
                    meta.mark = (meta.mark & !mask) ^ value;
                }
                Target::Snat(r) => break ChainResult::Nat(NatAction::Snat(*r)),
                Target::Dnat(r) => break ChainResult::Nat(NatAction::Dnat(*r)),
                Target::Masquerade { ports, .. } => {
                    break ChainResult::Nat(NatAction::Masquerade(*ports))
                }
                Target::Redirect { ports, .. } => {
                    break ChainResult::Nat(NatAction::Redirect(*ports))
                }
            }
        };
        self.cur.mark = meta.mark;
        if let Some(c) = self.cur.conn.and_then(|(id, _)| self.ct.get_mut(id)) {
            if t == TableId::Mangle && meta.mark != 0 && c.mark == 0 {
                // netsim does not model CONNMARK; the conntrack mark stays 0 like the kernel's.
            }
        }
        if let Some((level, text)) = logs {
            for l in text.split('\n') {
                self.log.push(LogLine {
                    at: now,
                    level,
                    text: l.to_string(),
                });
            }
        }
        Some(result)
    }

    /// NAT at a DST hook (`dst`: PREROUTING/OUTPUT) or a SRC hook (INPUT/POSTROUTING).
    fn nat(
        &mut self,
        ctx: &HookCtx,
        pkt: &mut Ipv4,
        dst: bool,
        trace: &mut Vec<String>,
    ) -> Option<Verdict> {
        if !self.tracking {
            return None;
        }
        let (id, dir) = self.cur.conn?;
        let c = self.ct.get(id)?.clone();
        let done = if dst { c.dst_nat_done } else { c.src_nat_done };
        let first =
            self.cur.ctstate & (ctbits::NEW | ctbits::RELATED) != 0 && dir == Dir::Orig && !done;
        let mut label = None;
        if first && self.cur.ctstate & ctbits::NEW != 0 {
            let action = if self.registered[TableId::Nat as usize] {
                match self.walk(TableId::Nat, ctx, pkt, trace) {
                    Some(ChainResult::Nat(a)) => Some(a),
                    Some(ChainResult::Drop) => return Some(Verdict::Drop),
                    Some(ChainResult::Reject(w)) => return Some(Verdict::Reject(w)),
                    _ => None,
                }
            } else {
                None
            };
            // The translated original tuple: the connection as the far side will see it.
            let mut want = c.reply.invert();
            let mut port_range: Option<(u16, u16)> = None;
            match action {
                Some(NatAction::Dnat(r)) => {
                    if let Some(ip) = r.min_ip {
                        want.dst = ip;
                    }
                    if let Some((lo, _)) = r.ports {
                        want.dport = lo;
                    }
                }
                Some(NatAction::Redirect(ports)) => {
                    want.dst = if ctx.hook == Hook::LocalOut {
                        Ipv4Addr::LOCALHOST
                    } else {
                        match ctx.in_addr {
                            Some(a) => a,
                            None => return Some(Verdict::Drop),
                        }
                    };
                    if let Some((lo, _)) = ports {
                        want.dport = lo;
                    }
                }
                Some(NatAction::Snat(r)) => {
                    if let Some(ip) = r.min_ip {
                        want.src = ip;
                    }
                    port_range = r.ports;
                }
                Some(NatAction::Masquerade(ports)) => {
                    match ctx.masq_src {
                        Some(a) => want.src = a,
                        None => {
                            trace.push(
                                "nat POSTROUTING MASQUERADE: no source address on the output device: DROP".into(),
                            );
                            return Some(Verdict::Drop);
                        }
                    }
                    port_range = ports;
                }
                None => {}
            }
            if !dst && want.proto != 1 && (want.proto == 6 || want.proto == 17) {
                // Keep the source port unless it clashes (or is outside a given range).
                let (lo, hi) = port_range.unwrap_or_else(|| port_class(want.sport));
                let mut p = want.sport;
                if p < lo || p > hi {
                    p = lo;
                }
                let span = u32::from(hi - lo) + 1;
                let mut tries = 0u32;
                while self.ct.tuple_taken(&want.with_sport(p).invert(), id) && tries < span {
                    p = if p >= hi { lo } else { p + 1 };
                    tries += 1;
                }
                want.sport = p;
            }
            let changed_dst = want.dst != c.orig.dst || want.dport != c.orig.dport;
            let changed_src = want.src != c.orig.src || want.sport != c.orig.sport;
            self.ct.set_reply(id, want.invert());
            if let Some(cm) = self.ct.get_mut(id) {
                if dst {
                    cm.dst_nat_done = true;
                    cm.dnat |= changed_dst;
                } else {
                    cm.src_nat_done = true;
                    cm.snat |= changed_src;
                }
            }
            label = action.map(|a| match a {
                NatAction::Snat(_) => "SNAT",
                NatAction::Dnat(_) => "DNAT",
                NatAction::Masquerade(_) => "MASQUERADE",
                NatAction::Redirect(_) => "REDIRECT",
            });
        }
        // Apply the binding (also to RELATED ICMP errors' outer header).
        let Some(c) = self.ct.get(id) else {
            return None;
        };
        let icmp_err = self.cur.ctstate == ctbits::RELATED;
        let before = (pkt.src, pkt.dst, pkt.ports());
        match (dst, dir) {
            (true, Dir::Orig) if c.dnat && !icmp_err => {
                pkt.dst = c.reply.src;
                if let Some((s, _)) = pkt.ports() {
                    pkt.set_ports(s, c.reply.sport);
                }
            }
            (true, Dir::Reply) if c.snat => {
                pkt.dst = c.orig.src;
                if let (Some((s, _)), false) = (pkt.ports(), icmp_err) {
                    pkt.set_ports(s, c.orig.sport);
                }
            }
            (false, Dir::Orig) if c.snat => {
                pkt.src = c.reply.dst;
                if let (Some((_, d)), false) = (pkt.ports(), icmp_err) {
                    pkt.set_ports(c.reply.dport, d);
                }
            }
            (false, Dir::Reply) if c.dnat => {
                pkt.src = c.orig.dst;
                if let (Some((_, d)), false) = (pkt.ports(), icmp_err) {
                    pkt.set_ports(c.orig.dport, d);
                }
            }
            _ => {}
        }
        if ctx.trace && before != (pkt.src, pkt.dst, pkt.ports()) {
            let why = match (label, dir) {
                (Some(l), _) => l,
                (None, Dir::Orig) => "binding of the connection",
                (None, Dir::Reply) => "reply of a translated connection",
            };
            let (what, a, b) = if dst {
                (
                    "dst",
                    addr_port(before.1, before.2.map(|p| p.1)),
                    addr_port(pkt.dst, pkt.ports().map(|p| p.1)),
                )
            } else {
                (
                    "src",
                    addr_port(before.0, before.2.map(|p| p.0)),
                    addr_port(pkt.src, pkt.ports().map(|p| p.0)),
                )
            };
            trace.push(format!("nat {} {why}: {what} {a} -> {b}", ctx.hook.chain()));
        }
        None
    }
}

/// `netfilter FORWARD in=veth1 out=veth2`: the first line of a hook's steps.
fn hook_header(ctx: &HookCtx) -> String {
    let mut s = format!("netfilter {}", ctx.hook.chain());
    if let Some(d) = &ctx.in_dev {
        let _ = write!(s, " in={d}");
    }
    if let Some(d) = &ctx.out_dev {
        let _ = write!(s, " out={d}");
    }
    if ctx.bridged {
        s.push_str(" (bridged");
        if let Some(d) = &ctx.physdev_in {
            let _ = write!(s, ", physdev-in={d}");
        }
        if let Some(d) = &ctx.physdev_out {
            let _ = write!(s, ", physdev-out={d}");
        }
        s.push(')');
    }
    s
}

/// `filter INPUT rule 3: -A INPUT -p tcp -j REJECT --reject-with tcp-reset -> REJECT`.
fn rule_line(t: TableId, chain: &str, n: usize, r: &rules::Rule) -> String {
    let outcome = match &r.target {
        Target::None => "counted, continue".to_string(),
        Target::Accept => "ACCEPT".into(),
        Target::Drop => "DROP".into(),
        Target::Reject { .. } => "REJECT".into(),
        Target::Return => "RETURN".into(),
        Target::Jump {
            chain, goto: false, ..
        } => format!("jump to {chain}"),
        Target::Jump {
            chain, goto: true, ..
        } => format!("goto {chain}"),
        Target::Log { .. } => "LOG, continue".into(),
        Target::Mark { .. } => "MARK, continue".into(),
        Target::Snat(_) => "SNAT".into(),
        Target::Dnat(_) => "DNAT".into(),
        Target::Masquerade { .. } => "MASQUERADE".into(),
        Target::Redirect { .. } => "REDIRECT".into(),
    };
    format!(
        "{} {chain} rule {n}: {} -> {outcome}",
        t.name(),
        crate::tools::iptables::print::rule_save(chain, r, false)
    )
}

/// `filter FORWARD policy DROP`.
fn policy_line(t: TableId, c: &rules::Chain) -> String {
    let p = if c.policy == Some(false) {
        "DROP"
    } else {
        "ACCEPT"
    };
    format!("{} {} policy {p}", t.name(), c.name)
}

/// `10.0.1.2:40000` or `10.0.1.2` for a NAT step.
fn addr_port(a: Ipv4Addr, port: Option<u16>) -> String {
    match port {
        Some(p) => format!("{a}:{p}"),
        None => a.to_string(),
    }
}

fn proto_word(p: u8) -> String {
    match p {
        1 => "icmp".into(),
        6 => "tcp".into(),
        17 => "udp".into(),
        n => format!("proto {n}"),
    }
}

impl Netfilter {
    /// `conntrack: NEW icmp 10.0.1.1 -> 10.0.2.2 id=7`: the state conntrack gave the packet.
    fn ct_line(&self, pkt: &Ipv4) -> String {
        let st = self.cur.ctstate;
        let name = ctbits::NAMES
            .iter()
            .find(|(b, _)| st & b != 0)
            .map_or("UNTRACKED", |(_, n)| n);
        let mut s = format!(
            "conntrack: {name} {} {} -> {}",
            proto_word(pkt.proto()),
            pkt.src,
            pkt.dst
        );
        match &pkt.l4 {
            L4::Tcp(t) => {
                let _ = write!(s, " sport={} dport={}", t.sport, t.dport);
            }
            L4::Udp(u) => {
                let _ = write!(s, " sport={} dport={}", u.sport, u.dport);
            }
            L4::Icmp(i) if i.quoted().is_some() => {
                let _ = write!(s, " (error type {} code {})", i.typ, i.code);
            }
            L4::Icmp(i) => {
                let _ = write!(s, " id={}", i.id());
            }
            L4::Other { .. } => {}
        }
        if matches!(self.cur.conn, Some((_, Dir::Reply))) {
            s.push_str(" (reply direction)");
        }
        s
    }
}

impl Tuple {
    fn with_sport(mut self, p: u16) -> Tuple {
        self.sport = p;
        self
    }
}

/// A `-j LOG` line as the kernel's nf_log_ipv4 writes it (without the timestamp).
fn log_line(prefix: &str, ctx: &HookCtx, p: &Ipv4) -> String {
    let mut s = String::with_capacity(160);
    let _ = write!(
        s,
        "{prefix}IN={} OUT={} ",
        ctx.in_dev.as_deref().unwrap_or(""),
        ctx.out_dev.as_deref().unwrap_or("")
    );
    if ctx.bridged {
        if let Some(d) = &ctx.physdev_in {
            let _ = write!(s, "PHYSIN={d} ");
        }
        if let Some(d) = &ctx.physdev_out {
            let _ = write!(s, "PHYSOUT={d} ");
        }
    }
    if ctx.in_dev.is_some() {
        if let Some(m) = ctx.src_mac {
            // netsim knows the source MAC only; the kernel prints dst:src:ethertype.
            let _ = write!(
                s,
                "MAC={:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x} ",
                m[0], m[1], m[2], m[3], m[4], m[5]
            );
        }
    }
    let df = !matches!(&p.l4, L4::Icmp(i) if i.is_error());
    let _ = write!(
        s,
        "SRC={} DST={} LEN={} TOS=0x{:02X} PREC=0x{:02X} TTL={} ID={} {}",
        p.src,
        p.dst,
        p.total_len(),
        p.tos & 0x1e,
        p.tos & 0xe0,
        p.ttl,
        p.id,
        if df { "DF " } else { "" }
    );
    match &p.l4 {
        L4::Tcp(t) => {
            let _ = write!(
                s,
                "PROTO=TCP SPT={} DPT={} WINDOW={} RES=0x00 ",
                t.sport, t.dport, t.window
            );
            for (on, n) in [
                (t.flags.ack, "ACK"),
                (t.flags.psh, "PSH"),
                (t.flags.rst, "RST"),
                (t.flags.syn, "SYN"),
                (t.flags.fin, "FIN"),
            ] {
                if on {
                    let _ = write!(s, "{n} ");
                }
            }
            s.push_str("URGP=0 ");
        }
        L4::Udp(u) => {
            let _ = write!(
                s,
                "PROTO=UDP SPT={} DPT={} LEN={} ",
                u.sport,
                u.dport,
                8 + u.payload.len()
            );
        }
        L4::Icmp(i) => {
            let _ = write!(s, "PROTO=ICMP TYPE={} CODE={} ", i.typ, i.code);
            if matches!(i.typ, 0 | 8) {
                let _ = write!(s, "ID={} SEQ={} ", i.id(), i.seq());
            }
        }
        L4::Other { proto, .. } => {
            let _ = write!(s, "PROTO={proto} ");
        }
    }
    s
}

#[cfg(test)]
mod tests;

//! Tables, chains and rules as iptables builds them, precompiled for matching: every match
//! is a plain enum with fixed-size data, so evaluating a rule allocates nothing.

use std::net::Ipv4Addr;

use crate::model::Nanos;
use crate::wire::{Ipv4, Mac, L4};

use super::{HookCtx, PktType};

/// The four tables netsim models (`security` is refused by the CLI).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TableId {
    Raw,
    Mangle,
    Nat,
    Filter,
}

impl TableId {
    /// In the order iptables-save prints them (nft table creation order on a fresh host
    /// where tables appear as rules are added; netsim uses this fixed order).
    pub const ALL: [TableId; 4] = [TableId::Raw, TableId::Mangle, TableId::Nat, TableId::Filter];
    pub fn name(self) -> &'static str {
        match self {
            TableId::Raw => "raw",
            TableId::Mangle => "mangle",
            TableId::Nat => "nat",
            TableId::Filter => "filter",
        }
    }
    pub fn from_name(s: &str) -> Option<TableId> {
        TableId::ALL.into_iter().find(|t| t.name() == s)
    }
    /// Built-in chains in hook order.
    pub fn builtins(self) -> &'static [&'static str] {
        match self {
            TableId::Raw => &["PREROUTING", "OUTPUT"],
            TableId::Mangle => &["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"],
            TableId::Nat => &["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"],
            TableId::Filter => &["INPUT", "FORWARD", "OUTPUT"],
        }
    }
}

/// `-s`/`-d`/`--ctorigsrc`: address and mask in host order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AddrMatch {
    pub addr: u32,
    pub mask: u32,
    pub inv: bool,
}

impl AddrMatch {
    #[inline]
    pub fn matches(&self, a: Ipv4Addr) -> bool {
        ((u32::from(a) & self.mask) == self.addr) != self.inv
    }
    pub fn prefix_len(&self) -> Option<u32> {
        let l = self.mask.leading_ones();
        (self.mask.checked_shl(l).unwrap_or(0) == 0).then_some(l)
    }
}

/// `-i`/`-o`: a name, `+` meaning any name with that prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IfMatch {
    pub name: String,
    pub inv: bool,
}

impl IfMatch {
    #[inline]
    pub fn matches(&self, dev: Option<&str>) -> bool {
        let d = dev.unwrap_or("");
        let m = match self.name.strip_suffix('+') {
            Some(p) => d.starts_with(p),
            None => d == self.name,
        };
        m != self.inv
    }
}

/// A port range `lo:hi` with its `!`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PortRange {
    pub lo: u16,
    pub hi: u16,
    pub inv: bool,
}

impl PortRange {
    #[inline]
    pub fn matches(&self, p: u16) -> bool {
        (p >= self.lo && p <= self.hi) != self.inv
    }
}

/// `-m multiport` direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MpDir {
    Src,
    Dst,
    Any,
}

/// Conntrack states as bits (`--ctstate`, `--state`), in xt_conntrack's order.
pub mod ctbits {
    pub const INVALID: u8 = 1;
    pub const ESTABLISHED: u8 = 2;
    pub const RELATED: u8 = 4;
    pub const NEW: u8 = 8;
    pub const UNTRACKED: u8 = 16;
    pub const SNAT: u8 = 32;
    pub const DNAT: u8 = 64;
    /// Printing order of iptables.
    pub const NAMES: [(u8, &str); 7] = [
        (INVALID, "INVALID"),
        (NEW, "NEW"),
        (RELATED, "RELATED"),
        (ESTABLISHED, "ESTABLISHED"),
        (UNTRACKED, "UNTRACKED"),
        (SNAT, "SNAT"),
        (DNAT, "DNAT"),
    ];
}

/// `-m addrtype` types as bits (xt_addrtype's RTN_* order).
pub mod addrtype {
    pub const NAMES: [&str; 12] = [
        "UNSPEC",
        "UNICAST",
        "LOCAL",
        "BROADCAST",
        "ANYCAST",
        "MULTICAST",
        "BLACKHOLE",
        "UNREACHABLE",
        "PROHIBIT",
        "THROW",
        "NAT",
        "XRESOLVE",
    ];
}

/// One `-m` match (or the implicit one `-p tcp --dport` loads), precompiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Match {
    Tcp {
        sport: Option<PortRange>,
        dport: Option<PortRange>,
        flags: Option<(u8, u8, bool)>,
    },
    Udp {
        sport: Option<PortRange>,
        dport: Option<PortRange>,
    },
    /// Type 255 is `any`.
    Icmp {
        typ: u8,
        code: (u8, u8),
        inv: bool,
    },
    Multiport {
        dir: MpDir,
        ports: Vec<(u16, u16)>,
        inv: bool,
    },
    Conntrack {
        state: Option<(u8, bool)>,
        orig_src: Option<AddrMatch>,
        orig_dst: Option<AddrMatch>,
    },
    State {
        mask: u8,
        inv: bool,
    },
    /// (type index, inverted) for source and destination.
    Addrtype {
        src: Option<(u8, bool)>,
        dst: Option<(u8, bool)>,
    },
    Comment(String),
    Physdev {
        phys_in: Option<IfMatch>,
        phys_out: Option<IfMatch>,
        /// `--physdev-is-bridged` (with its `!`).
        is_bridged: Option<bool>,
        inv_any: bool,
    },
    Mac {
        mac: Mac,
        inv: bool,
    },
    Iprange {
        src: Option<(u32, u32, bool)>,
        dst: Option<(u32, u32, bool)>,
    },
    Mark {
        value: u32,
        mask: u32,
        inv: bool,
    },
    /// `avg` in iptables' units (1/10000 s per packet); `credit` is kept in nanoseconds.
    Limit {
        avg: u32,
        burst: u32,
        credit: u64,
        last: Nanos,
    },
    Length {
        min: u16,
        max: u16,
        inv: bool,
    },
    Pkttype {
        t: PktType,
        inv: bool,
    },
}

impl Match {
    /// Same match ignoring run-time state (for `-D`/`-C`).
    pub fn same(&self, o: &Match) -> bool {
        match (self, o) {
            (
                Match::Limit {
                    avg: a, burst: b, ..
                },
                Match::Limit {
                    avg: c, burst: d, ..
                },
            ) => a == c && b == d,
            _ => self == o,
        }
    }
}

/// The NAT range of SNAT/DNAT.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NatRange {
    pub min_ip: Option<Ipv4Addr>,
    pub max_ip: Option<Ipv4Addr>,
    pub ports: Option<(u16, u16)>,
    pub random: bool,
    pub persistent: bool,
}

/// `-j`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// No `-j`: the rule only counts.
    None,
    Accept,
    Drop,
    Return,
    /// A user chain, by name; `idx` is its position in the table (kept up to date).
    Jump {
        chain: String,
        idx: usize,
        goto: bool,
    },
    /// `--reject-with` name as iptables prints it, and what to send.
    Reject {
        with: &'static str,
        icmp: Option<(u8, u8)>,
    },
    Log {
        prefix: Option<String>,
        level: u8,
    },
    /// `--set-xmark value/mask`.
    Mark {
        value: u32,
        mask: u32,
    },
    Snat(NatRange),
    Dnat(NatRange),
    Masquerade {
        ports: Option<(u16, u16)>,
        random: bool,
    },
    Redirect {
        ports: Option<(u16, u16)>,
        random: bool,
    },
}

/// One rule with its counters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub src: Option<AddrMatch>,
    pub dst: Option<AddrMatch>,
    pub in_if: Option<IfMatch>,
    pub out_if: Option<IfMatch>,
    /// `-p`: protocol number (0 = all) and `!`.
    pub proto: Option<(u8, bool)>,
    pub matches: Vec<Match>,
    pub target: Target,
    pub pkts: u64,
    pub bytes: u64,
}

impl Rule {
    pub fn new() -> Rule {
        Rule {
            src: None,
            dst: None,
            in_if: None,
            out_if: None,
            proto: None,
            matches: Vec::new(),
            target: Target::None,
            pkts: 0,
            bytes: 0,
        }
    }
    /// Same rule for `-D`/`-C` (counters and limit state ignored).
    pub fn same(&self, o: &Rule) -> bool {
        let tgt = match (&self.target, &o.target) {
            (
                Target::Jump {
                    chain: a, goto: g, ..
                },
                Target::Jump {
                    chain: b, goto: h, ..
                },
            ) => a == b && g == h,
            (a, b) => a == b,
        };
        tgt && self.src == o.src
            && self.dst == o.dst
            && self.in_if == o.in_if
            && self.out_if == o.out_if
            && self.proto.filter(|p| p.0 != 0 || p.1) == o.proto.filter(|p| p.0 != 0 || p.1)
            && self.matches.len() == o.matches.len()
            && self.matches.iter().zip(&o.matches).all(|(a, b)| a.same(b))
    }
    pub fn uses_conntrack(&self) -> bool {
        self.matches
            .iter()
            .any(|m| matches!(m, Match::Conntrack { .. } | Match::State { .. }))
            || matches!(
                self.target,
                Target::Snat(_)
                    | Target::Dnat(_)
                    | Target::Masquerade { .. }
                    | Target::Redirect { .. }
            )
    }
}

impl Default for Rule {
    fn default() -> Self {
        Rule::new()
    }
}

/// A chain: built-in ones have a policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chain {
    pub name: String,
    /// `Some(accept?)` for built-in chains.
    pub policy: Option<bool>,
    pub rules: Vec<Rule>,
    pub pkts: u64,
    pub bytes: u64,
    /// Built-in chains: whether the policy counts packets. iptables-nft creates base chains
    /// without counters; `-P` (or a restore) recreates them with counters from zero.
    pub counting: bool,
    /// Which rules a packet could match (a cache: built on first use, cleared by
    /// `Netfilter::rules_changed`).
    pub index: super::index::IndexCell,
}

/// A table: built-in chains in hook order, then user chains sorted by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub id: TableId,
    pub chains: Vec<Chain>,
}

impl Table {
    pub fn new(id: TableId) -> Table {
        let chains = id
            .builtins()
            .iter()
            .map(|n| Chain {
                name: n.to_string(),
                policy: Some(true),
                rules: Vec::new(),
                pkts: 0,
                bytes: 0,
                counting: false,
                index: Default::default(),
            })
            .collect();
        Table { id, chains }
    }
    pub fn n_builtin(&self) -> usize {
        self.id.builtins().len()
    }
    pub fn chain_idx(&self, name: &str) -> Option<usize> {
        self.chains.iter().position(|c| c.name == name)
    }
    pub fn chain(&self, name: &str) -> Option<&Chain> {
        self.chains.iter().find(|c| c.name == name)
    }
    pub fn chain_mut(&mut self, name: &str) -> Option<&mut Chain> {
        self.chains.iter_mut().find(|c| c.name == name)
    }
    /// Add a user chain in sorted position.
    pub fn add_chain(&mut self, name: &str) {
        let nb = self.n_builtin();
        let pos = self.chains[nb..]
            .iter()
            .position(|c| c.name.as_str() > name)
            .map_or(self.chains.len(), |p| p + nb);
        self.chains.insert(
            pos,
            Chain {
                name: name.to_string(),
                policy: None,
                rules: Vec::new(),
                pkts: 0,
                bytes: 0,
                counting: false,
                index: Default::default(),
            },
        );
        self.relink();
    }
    /// Recompute jump indexes after chains moved.
    pub fn relink(&mut self) {
        let names: Vec<String> = self.chains.iter().map(|c| c.name.clone()).collect();
        for c in &mut self.chains {
            for r in &mut c.rules {
                if let Target::Jump { chain, idx, .. } = &mut r.target {
                    *idx = names.iter().position(|n| n == chain).unwrap_or(usize::MAX);
                }
            }
        }
    }
    /// How many rules jump to chain `name`.
    pub fn references(&self, name: &str) -> usize {
        self.chains
            .iter()
            .flat_map(|c| c.rules.iter())
            .filter(|r| matches!(&r.target, Target::Jump { chain, .. } if chain == name))
            .count()
    }
    pub fn is_empty(&self) -> bool {
        self.chains.len() == self.n_builtin() && self.chains.iter().all(|c| c.rules.is_empty())
    }
}

/// What matching needs besides the packet: its conntrack state and mark.
#[derive(Debug, Clone, Copy)]
pub struct PktMeta {
    /// ctstate bits, 0 when untracked by netsim.
    pub ctstate: u8,
    pub orig_src: Ipv4Addr,
    pub orig_dst: Ipv4Addr,
    pub mark: u32,
}

fn addr_type(ctx: &HookCtx, a: Ipv4Addr) -> u8 {
    // RTN_* numbers: UNICAST 1, LOCAL 2, BROADCAST 3, MULTICAST 5.
    if ctx.local_addrs.contains(&a) || a.is_loopback() {
        2
    } else if a.is_broadcast() || ctx.broadcast_addrs.contains(&a) {
        3
    } else if a.is_multicast() {
        5
    } else if a.is_unspecified() {
        0
    } else {
        1
    }
}

/// Whether a match accepts the packet. `now` drives `-m limit`.
#[inline]
pub fn match_one(m: &mut Match, ctx: &HookCtx, p: &Ipv4, meta: &PktMeta) -> bool {
    match m {
        Match::Tcp {
            sport,
            dport,
            flags,
        } => {
            let L4::Tcp(t) = &p.l4 else { return false };
            sport.is_none_or(|r| r.matches(t.sport))
                && dport.is_none_or(|r| r.matches(t.dport))
                && flags.is_none_or(|(mask, cmp, inv)| ((t.flags.bits() & mask) == cmp) != inv)
        }
        Match::Udp { sport, dport } => {
            let L4::Udp(u) = &p.l4 else { return false };
            sport.is_none_or(|r| r.matches(u.sport)) && dport.is_none_or(|r| r.matches(u.dport))
        }
        Match::Icmp { typ, code, inv } => {
            let L4::Icmp(i) = &p.l4 else { return false };
            let m = *typ == 255 || (i.typ == *typ && i.code >= code.0 && i.code <= code.1);
            m != *inv
        }
        Match::Multiport { dir, ports, inv } => {
            let Some((s, d)) = p.ports() else {
                return false;
            };
            let hit = |x: u16| ports.iter().any(|&(a, b)| x >= a && x <= b);
            let m = match dir {
                MpDir::Src => hit(s),
                MpDir::Dst => hit(d),
                MpDir::Any => hit(s) || hit(d),
            };
            m != *inv
        }
        Match::Conntrack {
            state,
            orig_src,
            orig_dst,
        } => {
            state.is_none_or(|(mask, inv)| (meta.ctstate & mask != 0) != inv)
                && orig_src.is_none_or(|a| a.matches(meta.orig_src))
                && orig_dst.is_none_or(|a| a.matches(meta.orig_dst))
        }
        Match::State { mask, inv } => (meta.ctstate & *mask != 0) != *inv,
        Match::Addrtype { src, dst } => {
            src.is_none_or(|(t, inv)| (addr_type(ctx, p.src) == t) != inv)
                && dst.is_none_or(|(t, inv)| (addr_type(ctx, p.dst) == t) != inv)
        }
        Match::Comment(_) => true,
        Match::Physdev {
            phys_in,
            phys_out,
            is_bridged,
            ..
        } => {
            if let Some(inv) = is_bridged {
                if ctx.bridged == *inv {
                    return false;
                }
            }
            if !ctx.bridged && (phys_in.is_some() || phys_out.is_some()) {
                // Not bridged: only an inverted physdev test can match.
                return phys_in.as_ref().is_none_or(|i| i.inv)
                    && phys_out.as_ref().is_none_or(|o| o.inv);
            }
            phys_in
                .as_ref()
                .is_none_or(|i| i.matches(ctx.physdev_in.as_deref()))
                && phys_out
                    .as_ref()
                    .is_none_or(|o| o.matches(ctx.physdev_out.as_deref()))
        }
        Match::Mac { mac, inv } => (ctx.src_mac == Some(*mac)) != *inv,
        Match::Iprange { src, dst } => {
            let inr = |(a, b, inv): (u32, u32, bool), x: Ipv4Addr| {
                let x = u32::from(x);
                (x >= a && x <= b) != inv
            };
            src.is_none_or(|r| inr(r, p.src)) && dst.is_none_or(|r| inr(r, p.dst))
        }
        Match::Mark { value, mask, inv } => ((meta.mark & *mask) == *value) != *inv,
        Match::Limit {
            avg,
            burst,
            credit,
            last,
        } => {
            // The kernel's token bucket, in nanoseconds of credit: each packet costs
            // `avg` ten-thousandths of a second; the bucket holds `burst` packets.
            let cost = u64::from(*avg) * 100_000;
            let cap = cost.saturating_mul(u64::from(*burst));
            let now = ctx.now;
            if *last == Nanos::MAX {
                *credit = cap;
            } else {
                *credit = credit.saturating_add(now.saturating_sub(*last)).min(cap);
            }
            *last = now;
            if *credit >= cost {
                *credit -= cost;
                true
            } else {
                false
            }
        }
        Match::Length { min, max, inv } => {
            let l = p.total_len();
            (l >= usize::from(*min) && l <= usize::from(*max)) != *inv
        }
        Match::Pkttype { t, inv } => (ctx.pkt_type == *t) != *inv,
    }
}

/// Whether the rule's base fields and matches accept the packet.
#[inline]
pub fn rule_matches(r: &mut Rule, ctx: &HookCtx, p: &Ipv4, meta: &PktMeta) -> bool {
    if let Some(a) = &r.src {
        if !a.matches(p.src) {
            return false;
        }
    }
    if let Some(a) = &r.dst {
        if !a.matches(p.dst) {
            return false;
        }
    }
    if let Some((proto, inv)) = r.proto {
        if proto != 0 && (p.proto() == proto) == inv {
            return false;
        }
    }
    if let Some(i) = &r.in_if {
        if !i.matches(ctx.in_dev.as_deref()) {
            return false;
        }
    }
    if let Some(o) = &r.out_if {
        if !o.matches(ctx.out_dev.as_deref()) {
            return false;
        }
    }
    r.matches.iter_mut().all(|m| match_one(m, ctx, p, meta))
}

//! A per-chain index of rules by the fields most rules test (destination /32, input and
//! output interface, source prefix, TCP/UDP destination port, protocol), so that a packet is
//! checked only against the rules that could match it, still in chain order.
//!
//! Architecture invariant: the index only ever skips rules that cannot match the packet
//! (each indexed rule sits in exactly one bucket, chosen by a non-inverted exact test it
//! makes), and rules are still evaluated by [`super::rules::rule_matches`] in their order;
//! so verdicts and per-rule counters are exactly those of a linear scan. Rules that could
//! change state while failing (`-m limit` buckets) are never skipped on a port test. The
//! index is rebuilt lazily after [`super::Netfilter::rules_changed`] or a change of length.

use std::collections::BTreeMap;

use super::rules::{Match, Rule};
use super::HookCtx;
use crate::wire::{Ipv4, L4};

/// Chains shorter than this are scanned plainly (an index would not pay).
const MIN_INDEXED: usize = 8;

/// The buckets of one chain: rule positions, ascending, per key.
#[derive(Debug, Clone, Default)]
pub struct ChainIndex {
    /// Number of rules when built (a cheap staleness check besides `rules_changed`).
    len: usize,
    always: Vec<u32>,
    by_dst: BTreeMap<u32, Vec<u32>>,
    by_in: BTreeMap<String, Vec<u32>>,
    /// Per distinct source mask: masked address to rules.
    by_src: Vec<(u32, BTreeMap<u32, Vec<u32>>)>,
    /// (protocol 6 or 17, destination port).
    by_dport: BTreeMap<(u8, u16), Vec<u32>>,
    by_out: BTreeMap<String, Vec<u32>>,
    by_proto: BTreeMap<u8, Vec<u32>>,
}

/// The index of a chain, built on first use. Compares equal to any other (it is a cache,
/// not part of the chain's value) and starts empty when cloned.
#[derive(Debug, Default)]
pub struct IndexCell(Option<Box<ChainIndex>>);

impl Clone for IndexCell {
    fn clone(&self) -> Self {
        IndexCell(None)
    }
}
impl PartialEq for IndexCell {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
impl Eq for IndexCell {}

impl IndexCell {
    /// Forget the index (rules changed).
    pub fn clear(&mut self) {
        self.0 = None;
    }

    /// The first rule at or after `from` that could match the packet (`rules.len()` when
    /// none can). Every rule before it from `from` on certainly does not match.
    pub fn next_candidate(
        &mut self,
        rules: &[Rule],
        from: usize,
        ctx: &HookCtx,
        p: &Ipv4,
    ) -> usize {
        if rules.len() < MIN_INDEXED || from >= rules.len() {
            return from;
        }
        if self.0.as_ref().is_none_or(|i| i.len != rules.len()) {
            self.0 = Some(Box::new(ChainIndex::build(rules)));
        }
        let Some(ix) = self.0.as_deref() else {
            return from;
        };
        ix.next(from, ctx, p).unwrap_or(rules.len())
    }
}

/// The bucket a rule goes in.
enum Key {
    Dst(u32),
    In(String),
    Src(u32, u32),
    Dport(u8, u16),
    Out(String),
    Proto(u8),
    Always,
}

fn exact_if(m: &Option<super::rules::IfMatch>) -> Option<String> {
    m.as_ref()
        .filter(|i| !i.inv && !i.name.ends_with('+'))
        .map(|i| i.name.clone())
}

fn key_of(r: &Rule) -> Key {
    if let Some(a) = r.dst.filter(|a| !a.inv && a.mask == u32::MAX) {
        return Key::Dst(a.addr);
    }
    if let Some(n) = exact_if(&r.in_if) {
        return Key::In(n);
    }
    if let Some(a) = r.src.filter(|a| !a.inv && a.mask != 0) {
        return Key::Src(a.mask, a.addr);
    }
    // A port test fails before later matches run only if nothing can change state by being
    // evaluated; `-m limit` does, so such rules are not skipped on their port.
    if !r.matches.iter().any(|m| matches!(m, Match::Limit { .. })) {
        for m in &r.matches {
            match m {
                Match::Tcp { dport: Some(d), .. } if !d.inv && d.lo == d.hi => {
                    return Key::Dport(6, d.lo)
                }
                Match::Udp { dport: Some(d), .. } if !d.inv && d.lo == d.hi => {
                    return Key::Dport(17, d.lo)
                }
                _ => {}
            }
        }
    }
    if let Some(n) = exact_if(&r.out_if) {
        return Key::Out(n);
    }
    if let Some((proto, false)) = r.proto.filter(|p| p.0 != 0) {
        return Key::Proto(proto);
    }
    Key::Always
}

impl ChainIndex {
    fn build(rules: &[Rule]) -> ChainIndex {
        let mut ix = ChainIndex {
            len: rules.len(),
            ..Default::default()
        };
        for (i, r) in rules.iter().enumerate() {
            let i = i as u32;
            match key_of(r) {
                Key::Dst(a) => ix.by_dst.entry(a).or_default().push(i),
                Key::In(n) => ix.by_in.entry(n).or_default().push(i),
                Key::Src(mask, a) => {
                    let pos = match ix.by_src.iter().position(|(m, _)| *m == mask) {
                        Some(p) => p,
                        None => {
                            ix.by_src.push((mask, BTreeMap::new()));
                            ix.by_src.len() - 1
                        }
                    };
                    ix.by_src[pos].1.entry(a).or_default().push(i);
                }
                Key::Dport(proto, port) => ix.by_dport.entry((proto, port)).or_default().push(i),
                Key::Out(n) => ix.by_out.entry(n).or_default().push(i),
                Key::Proto(proto) => ix.by_proto.entry(proto).or_default().push(i),
                Key::Always => ix.always.push(i),
            }
        }
        ix
    }

    /// The lowest candidate position at or after `from`.
    fn next(&self, from: usize, ctx: &HookCtx, p: &Ipv4) -> Option<usize> {
        let from = from as u32;
        let mut best: Option<u32> = None;
        let mut take = |v: Option<&Vec<u32>>| {
            if let Some(v) = v {
                let k = v.partition_point(|x| *x < from);
                if let Some(&x) = v.get(k) {
                    if best.is_none_or(|b| x < b) {
                        best = Some(x);
                    }
                }
            }
        };
        take(Some(&self.always));
        let (src, dst) = (u32::from(p.src), u32::from(p.dst));
        take(self.by_dst.get(&dst));
        take(self.by_in.get(ctx.in_dev.as_deref().unwrap_or("")));
        for (mask, m) in &self.by_src {
            take(m.get(&(src & mask)));
        }
        match &p.l4 {
            L4::Tcp(t) => take(self.by_dport.get(&(6, t.dport))),
            L4::Udp(u) => take(self.by_dport.get(&(17, u.dport))),
            _ => {}
        }
        take(self.by_out.get(ctx.out_dev.as_deref().unwrap_or("")));
        take(self.by_proto.get(&p.proto()));
        best.map(|b| b as usize)
    }
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;

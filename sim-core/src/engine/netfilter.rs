//! Netfilter: iptables tables and chains, and the hooks the engine calls.

/// The netfilter state of one namespace.
#[derive(Debug, Clone, Default)]
pub struct Netfilter {}

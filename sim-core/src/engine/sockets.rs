//! Sockets: listeners opened by `nc -l`, and the inboxes of probes and pings.

/// The sockets of one namespace.
#[derive(Debug, Clone, Default)]
pub struct Sockets {}

//! netsim's core: an in-memory model of Linux networking (namespaces, links, addresses,
//! routes, bridges, netfilter), a deterministic packet engine on a virtual clock, and the
//! user-space tools (`ip`, `ping`, `iptables`, ...) that print what the real ones print.
//!
//! Architecture invariant: this crate does no I/O. No clock, no OS randomness, no files,
//! no processes. Everything comes in through [`Sim::run_line`] and goes out as text.

pub mod engine;
pub mod graph;
pub mod model;
pub mod normalize;
pub mod scenario;
pub mod session;
pub mod shell;
#[cfg(any(test, feature = "proptest"))]
pub mod testing;
pub mod tools;
pub mod wire;

pub use model::{DeviceId, NetnsId, World};
pub use shell::{Output, Sim, SimConfig};

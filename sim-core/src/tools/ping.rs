//! `ping` as iputils 20221126 prints it.

use crate::shell::{Output, Sim};
use crate::tools::{unsupported, Ctx};

pub fn run(_sim: &mut Sim, _ctx: Ctx, _args: &[&str]) -> Output {
    unsupported("ping", "sending packets (the packet engine is not built yet)")
}

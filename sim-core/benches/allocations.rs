//! Heap allocations per frame: the same frame streams as the speed benchmarks, counted with
//! dhat's allocator (`cargo bench -p sim-core --bench allocations`). Reported, not asserted.

mod workloads;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

fn measure(name: &str, mut stream: workloads::Stream) {
    // Warm up (conntrack entries, neighbour caches), then count a steady run.
    stream.run(100);
    let before = dhat::HeapStats::get();
    let frames = stream.run(10_000);
    let after = dhat::HeapStats::get();
    let blocks = after.total_blocks - before.total_blocks;
    let bytes = after.total_bytes - before.total_bytes;
    println!(
        "{name:<40} {:>6.2} allocations/frame {:>8.1} bytes/frame ({frames} frames)",
        blocks as f64 / frames as f64,
        bytes as f64 / frames as f64
    );
}

fn main() {
    let _profiler = dhat::Profiler::builder().testing().build();
    measure("ping over a veth pair", workloads::veth_pair());
    measure("ping across a bridge of 16 ports", workloads::bridge(16));
    measure("ping through a MASQUERADE router", workloads::router(10));
}

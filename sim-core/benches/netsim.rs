//! Criterion benchmarks of netsim's scale and speed: building many namespaces on one bridge,
//! and frames per second through a veth pair, a bridge, a MASQUERADE router and long
//! iptables chains. `netsim bench` reports the same workloads as one table.

mod workloads;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn build(c: &mut Criterion) {
    let mut g = c.benchmark_group("build_n_namespaces_on_a_bridge_and_ping");
    g.sample_size(10);
    for n in [100usize, 1_000, 10_000] {
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, &n| {
            b.iter(|| workloads::build_and_ping(n))
        });
    }
    g.finish();
}

/// Frames moved per injected echo request (request and reply, each counted per hop).
fn frames(c: &mut Criterion) {
    const BATCH: usize = 1_000;
    let mut g = c.benchmark_group("frames");
    let mut cases: Vec<(String, workloads::Stream)> =
        vec![("veth_pair".into(), workloads::veth_pair())];
    for p in [2usize, 16, 256] {
        cases.push((format!("bridge_{p}_ports"), workloads::bridge(p)));
    }
    for r in [0usize, 10, 1_000, 10_000] {
        cases.push((format!("masquerade_router_{r}_rules"), workloads::router(r)));
    }
    for (name, mut s) in cases {
        let per = s.run(BATCH);
        g.throughput(Throughput::Elements(per));
        g.bench_function(name, |b| b.iter(|| s.run(BATCH)));
    }
    g.finish();
}

/// The inputs that used to take quadratic time: they must grow linearly.
fn former_quadratic(c: &mut Criterion) {
    use workloads::former_quadratic as fq;
    let mut g = c.benchmark_group("former_quadratic");
    g.sample_size(10);
    for n in [10_000usize, 50_000] {
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("iptables_restore", n), &n, |b, &n| {
            b.iter_batched(
                || fq::restore(n),
                |(mut s, l)| s.run_line(&l),
                criterion::BatchSize::LargeInput,
            )
        });
        g.bench_with_input(BenchmarkId::new("nested_netns_exec", n), &n, |b, &n| {
            b.iter_batched(
                || fq::nested_exec(n),
                |(mut s, l)| s.run_line(&l),
                criterion::BatchSize::LargeInput,
            )
        });
    }
    g.bench_function("iptables_append_10000", |b| b.iter(|| fq::appends(10_000)));
    g.finish();
}

criterion_group!(benches, build, frames, former_quadratic);
criterion_main!(benches);

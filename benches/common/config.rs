//! How long each benchmark file samples, in one table: every file measures CPU time
//! (`ProcessCpuTime`) with one second of warm-up, and differs only in its number of samples and
//! the time they are spread over. The machine is shared, so most runs are short and repeatable
//! rather than long.

use std::time::Duration;

use criterion::Criterion;

use crate::cpu_time::ProcessCpuTime;

/// Each benchmark file (its crate name, `benches/<name>.rs`), the samples criterion takes per
/// benchmark (its default is 100) and the seconds they are spread over.
const SAMPLING: [(&str, usize, u64); 6] = [
    // 1,000 annotation pairs compared: criterion's default count over ten seconds
    ("agreement", 100, 10),
    ("annotations", 15, 4),
    ("attributions", 15, 4),
    ("layout", 30, 3),
    ("learned", 15, 4),
    ("reader", 20, 3),
];

/// Criterion measuring the process's CPU time, sampled as the table says for the benchmark
/// file being built.
pub fn criterion() -> Criterion<ProcessCpuTime> {
    let bench = env!("CARGO_CRATE_NAME");
    let (_, samples, seconds) = SAMPLING
        .into_iter()
        .find(|(name, _, _)| *name == bench)
        .expect("every benchmark file has a row in benches/common/config.rs");
    Criterion::default()
        .with_measurement(ProcessCpuTime::default())
        .sample_size(samples)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(seconds))
}

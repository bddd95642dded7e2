//! A criterion measurement of CPU time used by the whole process (every thread, from
//! `/proc/self/task/*/schedstat`, nanoseconds), for benchmarks on a shared machine: other
//! programs' load stretches wall time but hardly the CPU time a piece of code needs. On an idle
//! machine single-threaded code takes as long in wall time; code using both cores less.
//! Linux only: elsewhere it falls back to wall time.

use std::time::{Duration, Instant};

use criterion::measurement::{Measurement, ValueFormatter, WallTime};

/// CPU time used so far by all threads of this process; wall time since an arbitrary origin
/// where /proc is not available.
pub fn cpu_now() -> Duration {
    let mut total = 0u64;
    let mut found = false;
    if let Ok(tasks) = std::fs::read_dir("/proc/self/task") {
        for task in tasks.flatten() {
            let Ok(stat) = std::fs::read_to_string(task.path().join("schedstat")) else {
                continue;
            };
            if let Some(ns) = stat
                .split_whitespace()
                .next()
                .and_then(|n| n.parse::<u64>().ok())
            {
                total += ns;
                found = true;
            }
        }
    }
    if found {
        Duration::from_nanos(total)
    } else {
        static ORIGIN: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
        ORIGIN.get_or_init(Instant::now).elapsed()
    }
}

pub struct ProcessCpuTime {
    wall: WallTime,
}

impl Default for ProcessCpuTime {
    fn default() -> Self {
        Self { wall: WallTime }
    }
}

impl Measurement for ProcessCpuTime {
    type Intermediate = Duration;
    type Value = Duration;

    fn start(&self) -> Duration {
        cpu_now()
    }

    fn end(&self, started: Duration) -> Duration {
        cpu_now().saturating_sub(started)
    }

    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }

    fn zero(&self) -> Duration {
        Duration::ZERO
    }

    fn to_f64(&self, value: &Duration) -> f64 {
        value.as_nanos() as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        self.wall.formatter()
    }
}

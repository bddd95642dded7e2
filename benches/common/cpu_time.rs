//! A criterion measurement of CPU time used by the whole process (every thread, from
//! `clock_gettime(CLOCK_PROCESS_CPUTIME_ID)`), for benchmarks on a shared machine: other
//! programs' load stretches wall time but hardly the CPU time a piece of code needs. On an idle
//! machine single-threaded code takes as long in wall time; code using both cores less.

use std::time::Duration;

use criterion::measurement::{Measurement, ValueFormatter, WallTime};

/// CPU time used so far by all threads of this process.
pub fn cpu_now() -> Duration {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ProcessCPUTime);
    Duration::new(
        u64::try_from(t.tv_sec).unwrap_or(0),
        u32::try_from(t.tv_nsec).unwrap_or(0),
    )
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

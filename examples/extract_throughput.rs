//! Measures the built-in extractor's throughput on one core:
//! `cargo run --release --example extract_throughput -- FILE [REPEAT]`
//! (FILE is repeated REPEAT times, 20 by default, so the run lasts long enough to time).

use std::time::Instant;

/// CPU time of this thread (user + system) from /proc on Linux; `None` elsewhere.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    // Clock ticks are 100 per second on Linux.
    Some((utime + stime) / 100.0)
}

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: extract_throughput FILE [REPEAT]");
        return std::process::ExitCode::FAILURE;
    };
    let repeat: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(20);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let text = text.repeat(repeat);
    // Build the gazetteer and lexicon once before timing.
    let _ = isnad::extract::extract("بغداد");
    let cpu_before = thread_cpu_seconds();
    let started = Instant::now();
    let found = isnad::extract::extract(&text);
    let seconds = started.elapsed().as_secs_f64();
    let cpu = thread_cpu_seconds().zip(cpu_before).map(|(a, b)| a - b);
    let mb = text.len() as f64 / 1_000_000.0;
    print!(
        "{mb:.1} MB in {seconds:.3} s wall = {:.1} MB/s",
        mb / seconds
    );
    if let Some(cpu) = cpu.filter(|c| *c > 0.0) {
        // On a busy machine the wall clock includes time the thread was not running.
        print!("; {cpu:.3} s on the CPU = {:.1} MB/s", mb / cpu);
    }
    println!(", {} suggestions", found.len());
    std::process::ExitCode::SUCCESS
}

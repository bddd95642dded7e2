//! Measures the built-in extractor's throughput on one core:
//! `cargo run --release --example extract_throughput -- FILE [REPEAT]`
//! (FILE is repeated REPEAT times, 20 by default, so the run lasts long enough to time).

use std::time::Instant;

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
    let started = Instant::now();
    let found = isnad::extract::extract(&text);
    let seconds = started.elapsed().as_secs_f64();
    let mb = text.len() as f64 / 1_000_000.0;
    println!(
        "{mb:.1} MB in {seconds:.3} s = {:.1} MB/s, {} suggestions",
        mb / seconds,
        found.len()
    );
    std::process::ExitCode::SUCCESS
}

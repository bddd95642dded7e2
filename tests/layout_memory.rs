//! Memory of laying out a very long paragraph, as the kernel counts it for this test process
//! (peak resident set, reset before): a 10 MB line took 436 MB in `isnad render` when laid out
//! whole; in windows it takes a small multiple of its printed size, whatever its length.
//! Alone in its test binary, so no other test shares the process while it measures.

#![allow(clippy::unwrap_used)]

use isnad::layout::{LayoutOptions, print_paragraph};

/// The process's peak resident set in kB (`VmHWM`), if the system reports it.
fn peak_kb() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn a_two_megabyte_line_is_printed_in_a_few_times_its_size() {
    let wikinews = include_str!("data/wikinews-ar.txt").replace('\n', " ");
    let mut line = wikinews.repeat(1 + 2_000_000 / wikinews.len());
    line.truncate(line.floor_char_boundary(2_000_000));
    // room for the output, touched so that it is resident before the peak is reset
    let mut out = vec![0; line.len() * 2];
    out.clear();
    // "5" resets the peak to the current resident set (Linux 4.0 and later)
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let (Some(before), true) = (peak_kb(), reset) else {
        eprintln!("skipped: this system does not report or reset the peak resident set");
        return;
    };
    print_paragraph(&line, &LayoutOptions::default(), &mut out);
    let grown = peak_kb().unwrap().saturating_sub(before) * 1024;
    // the printed rows (presentation forms take three bytes where letters took two) and the
    // layout of one window; laid out whole it was about 40 times the line
    assert!(out.len() > line.len());
    assert!(
        grown < out.len() + 4 * line.len(),
        "peak grew {grown} bytes for a {} byte line printed in {} bytes",
        line.len(),
        out.len()
    );
}

//! Quality floor of the built-in extractor on the Wojood sample's validation split (MIT,
//! SinaLab/ArabicNER; vendored in tests/data/wojood with its licence). Fails if the overlap
//! micro-F1 over PERSON / ORG / places / dates drops below the figure reached when the rules
//! were written.

#![allow(clippy::unwrap_used)]

use isnad::extract::conll;
use isnad::extract::eval::{Group, evaluate};

/// Reached: overlap micro-F1 0.921, strict micro-F1 0.833 (docs/extraction.md, issue 14 entity
/// round eight; 0.916 / 0.827 in round five).
const MIN_OVERLAP_MICRO_F1: f64 = 0.92;
const MIN_STRICT_MICRO_F1: f64 = 0.83;

#[test]
fn wojood_val_overlap_micro_f1_floor() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/wojood/val.txt");
    let data = std::fs::read_to_string(path).expect("vendored Wojood val split");
    let doc = conll::parse(&data, path).expect("valid CoNLL");
    let report = evaluate(&doc);
    for (group, strict, overlap) in &report.groups {
        println!(
            "{:24} strict F1 {:.3}  overlap P {:.3} R {:.3} F1 {:.3}",
            group.name(),
            strict.f1(),
            overlap.precision(),
            overlap.recall(),
            overlap.f1()
        );
    }
    let micro = report.micro_overlap.f1();
    println!(
        "micro overlap F1 {micro:.3}, strict {:.3}",
        report.micro_strict.f1()
    );
    assert!(
        report.micro_overlap.gold > 300,
        "gold entities were not read"
    );
    assert!(
        micro >= MIN_OVERLAP_MICRO_F1,
        "overlap micro-F1 {micro:.3} < {MIN_OVERLAP_MICRO_F1}"
    );
    assert!(
        report.micro_strict.f1() >= MIN_STRICT_MICRO_F1,
        "strict micro-F1 {:.3}",
        report.micro_strict.f1()
    );
    // No group may collapse while the others carry the average.
    for (group, _, overlap) in &report.groups {
        assert!(
            overlap.f1() >= 0.7,
            "{} overlap F1 {:.3}",
            group.name(),
            overlap.f1()
        );
    }
    assert_eq!(report.groups.len(), Group::ALL.len());
}

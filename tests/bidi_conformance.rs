//! Conformance of the engine's paragraph levels and per-line reordering with Unicode's
//! `BidiCharacterTest.txt` (UAX #9 through rule L2), every case in the file.
//!
//! The file orders code points; the engine orders grapheme clusters and keeps combining marks
//! after their base (L3), so the visual order is compared cluster by cluster: the expected
//! code-point order is mapped to the clusters the code points belong to. Levels are compared per
//! code point. Code points the file marks `x` (removed by rule X9) have no level or position to
//! compare and are skipped on both sides.

use std::ops::Range;

const DATA: &str = include_str!("data/unicode/BidiCharacterTest.txt");

struct Case {
    line: usize,
    text: String,
    /// Byte offset of each code point in `text`.
    offsets: Vec<usize>,
    direction: u8,
    paragraph_level: u8,
    /// Per code point; `None` = removed by X9.
    levels: Vec<Option<u8>>,
    /// Indices of code points, left to right.
    visual: Vec<usize>,
}

fn parse(line_no: usize, line: &str) -> Case {
    let fields: Vec<&str> = line.split(';').collect();
    assert_eq!(fields.len(), 5, "line {line_no}: {line}");
    let mut text = String::new();
    let mut offsets = Vec::new();
    for hex in fields[0].split_whitespace() {
        let cp = u32::from_str_radix(hex, 16).expect("hex code point");
        offsets.push(text.len());
        text.push(char::from_u32(cp).expect("scalar value"));
    }
    let levels = fields[3]
        .split_whitespace()
        .map(|l| {
            if l == "x" {
                None
            } else {
                Some(l.parse().expect("level"))
            }
        })
        .collect::<Vec<_>>();
    assert_eq!(levels.len(), offsets.len(), "line {line_no}");
    Case {
        line: line_no,
        text,
        offsets,
        direction: fields[1].parse().expect("direction"),
        paragraph_level: fields[2].parse().expect("paragraph level"),
        levels,
        visual: fields[4]
            .split_whitespace()
            .map(|i| i.parse().expect("index"))
            .collect(),
    }
}

/// What the engine says about one paragraph laid out as a single line.
struct EngineLine {
    paragraph_level: u8,
    /// Level of each byte of the text after L1 for the line.
    byte_levels: Vec<u8>,
    /// Grapheme clusters (byte ranges) from left to right.
    visual_clusters: Vec<Range<usize>>,
}

/// The engine's own functions: paragraph analysis, L1 for the line, L2 over grapheme clusters
/// (each cluster at the level of its first code point, as the layout does).
fn engine_line(text: &str, direction: u8) -> EngineLine {
    use isnad::text::bidi::{self, Direction};
    use unicode_segmentation::UnicodeSegmentation;
    let direction = match direction {
        0 => Direction::Ltr,
        1 => Direction::Rtl,
        _ => Direction::Auto,
    };
    let para = bidi::analyze(text, direction);
    let levels = bidi::line_levels(&para, text, 0..text.len());
    let clusters: Vec<Range<usize>> = text
        .grapheme_indices(true)
        .map(|(o, g)| o..o + g.len())
        .collect();
    let cluster_levels: Vec<_> = clusters.iter().map(|c| levels[c.start]).collect();
    let order = bidi::visual_order(&cluster_levels);
    EngineLine {
        paragraph_level: para.paragraph_level.number(),
        byte_levels: levels.iter().map(|l| l.number()).collect(),
        visual_clusters: order.into_iter().map(|i| clusters[i].clone()).collect(),
    }
}

#[derive(Default, Debug)]
struct Tally {
    cases: usize,
    passed: usize,
    /// Cases where the expected order puts one cluster's code points apart (the code points of a
    /// cluster resolved to different levels), so a cluster-level order cannot be compared; their
    /// levels are still compared.
    split_clusters: usize,
    failures: Vec<String>,
}

fn check(case: &Case, tally: &mut Tally) {
    tally.cases += 1;
    let engine = engine_line(&case.text, case.direction);
    let mut problems = Vec::new();
    if engine.paragraph_level != case.paragraph_level {
        problems.push(format!(
            "paragraph level {} != expected {}",
            engine.paragraph_level, case.paragraph_level
        ));
    }
    for (i, expected) in case.levels.iter().enumerate() {
        if let Some(expected) = expected {
            let got = engine.byte_levels[case.offsets[i]];
            if got != *expected {
                problems.push(format!(
                    "level of code point {i}: {got} != expected {expected}"
                ));
            }
        }
    }
    // Cluster index of every code point.
    let cluster_of = |cp: usize| {
        let byte = case.offsets[cp];
        engine
            .visual_clusters
            .iter()
            .position(|c| c.contains(&byte))
            .expect("every code point is in a cluster")
    };
    let mut expected_clusters: Vec<usize> = Vec::new();
    for &cp in &case.visual {
        let c = cluster_of(cp);
        if expected_clusters.last() != Some(&c) {
            expected_clusters.push(c);
        }
    }
    let mut seen = expected_clusters.clone();
    seen.sort_unstable();
    seen.dedup();
    if seen.len() != expected_clusters.len() {
        tally.split_clusters += 1;
    } else {
        // Clusters made only of X9-removed code points have no expected position.
        let has_kept = |c: &Range<usize>| {
            case.offsets
                .iter()
                .zip(&case.levels)
                .any(|(o, l)| l.is_some() && c.contains(o))
        };
        let got: Vec<usize> = (0..engine.visual_clusters.len())
            .filter(|&i| has_kept(&engine.visual_clusters[i]))
            .collect();
        if got != expected_clusters {
            problems.push(format!(
                "visual cluster order {got:?} != expected {expected_clusters:?}"
            ));
        }
    }
    if problems.is_empty() {
        tally.passed += 1;
    } else if tally.failures.len() < 20 {
        tally.failures.push(format!(
            "line {} (direction {}): {}",
            case.line,
            case.direction,
            problems.join("; ")
        ));
    }
}

#[test]
fn bidi_character_test_all_cases() {
    let mut tally = Tally::default();
    for (i, line) in DATA.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        check(&parse(i + 1, line), &mut tally);
    }
    eprintln!(
        "BidiCharacterTest: {} of {} cases passed ({} with clusters split by level, order not comparable)",
        tally.passed, tally.cases, tally.split_clusters
    );
    assert_eq!(tally.cases, 91_707, "the whole file must be read");
    assert!(
        tally.failures.is_empty(),
        "{} cases failed, first ones:\n{}",
        tally.cases - tally.passed,
        tally.failures.join("\n")
    );
}

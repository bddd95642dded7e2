//! Pairing one annotator's units with another's, one-to-one: units with identical anchors
//! first (preferring the same label), then units whose anchors all overlap, largest overlap
//! first. The pairs feed the span F1s, κ, the per-label figures and the compare view.

use super::{Anchor, Unit};

/// One unit of A paired with one unit of B.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    /// Every anchor identical (same offsets, same name).
    pub exact: bool,
}

/// How much two units' anchors overlap, in code points (names count 1 when equal); `None`
/// when some anchor does not overlap its counterpart or the units have different shapes.
fn overlap(a: &Unit<'_>, b: &Unit<'_>) -> Option<u64> {
    if a.anchors.len() != b.anchors.len() {
        return None;
    }
    let mut total = 0u64;
    for (x, y) in a.anchors.iter().zip(&b.anchors) {
        total += match (x, y) {
            (Anchor::Span(s), Anchor::Span(t)) => {
                let (start, end) = (s.0.max(t.0), s.1.min(t.1));
                if start >= end {
                    return None;
                }
                u64::from(end - start)
            }
            (Anchor::Name(m), Anchor::Name(n)) if m == n => 1,
            _ => return None,
        };
    }
    Some(total)
}

/// Where a unit sits for the candidate search: its first anchor's span, or after every span
/// for a unit whose first anchor is a name.
fn first_span(u: &Unit<'_>) -> (u32, u32) {
    match u.anchors.first() {
        Some(Anchor::Span(s)) => *s,
        _ => (u32::MAX, u32::MAX),
    }
}

/// Pairs `a`'s units with `b`'s. Deterministic: ties go to the earlier unit.
pub fn pair_units(a: &[Unit<'_>], b: &[Unit<'_>]) -> Vec<Pair> {
    // b's units by the start of their first anchor; the longest first span bounds how far
    // back a unit starting before `a`'s start can still reach into it.
    let mut order: Vec<usize> = (0..b.len()).collect();
    order.sort_by_key(|&j| first_span(&b[j]));
    let starts: Vec<u32> = order.iter().map(|&j| first_span(&b[j]).0).collect();
    let longest = b
        .iter()
        .map(|u| {
            let (s, e) = first_span(u);
            if s == u32::MAX { 0 } else { e - s }
        })
        .max()
        .unwrap_or(0);
    // (exact, same label, overlap, i, j), best first after sorting
    let mut candidates: Vec<(bool, bool, u64, usize, usize)> = Vec::new();
    for (i, x) in a.iter().enumerate() {
        let (s, e) = first_span(x);
        let from = if s == u32::MAX {
            starts.partition_point(|&t| t < u32::MAX)
        } else {
            starts.partition_point(|&t| t < s.saturating_sub(longest))
        };
        for &j in &order[from..] {
            let y = &b[j];
            let (t, _) = first_span(y);
            if s != u32::MAX && t >= e {
                break;
            }
            if let Some(size) = overlap(x, y) {
                let exact = x.anchors == y.anchors;
                candidates.push((exact, x.label == y.label, size, i, j));
            }
        }
    }
    candidates.sort_by(|p, q| {
        q.0.cmp(&p.0)
            .then(q.1.cmp(&p.1))
            .then(q.2.cmp(&p.2))
            .then(p.3.cmp(&q.3))
            .then(p.4.cmp(&q.4))
    });
    let (mut used_a, mut used_b) = (vec![false; a.len()], vec![false; b.len()]);
    let mut pairs = Vec::new();
    for (exact, _, _, i, j) in candidates {
        if used_a[i] || used_b[j] {
            continue;
        }
        used_a[i] = true;
        used_b[j] = true;
        pairs.push(Pair { a: i, b: j, exact });
    }
    pairs.sort_by_key(|p| (p.a, p.b));
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(start: u32, end: u32, label: &'static str) -> Unit<'static> {
        Unit::span(start, end, label)
    }

    #[test]
    fn exact_before_overlap_and_same_label_before_other() {
        let a = [unit(0, 5, "X"), unit(0, 5, "Y"), unit(10, 20, "X")];
        let b = [
            unit(0, 5, "Y"),
            unit(0, 5, "X"),
            unit(12, 30, "X"),
            unit(40, 50, "X"),
        ];
        let pairs = pair_units(&a, &b);
        assert_eq!(
            pairs,
            vec![
                Pair {
                    a: 0,
                    b: 1,
                    exact: true
                },
                Pair {
                    a: 1,
                    b: 0,
                    exact: true
                },
                Pair {
                    a: 2,
                    b: 2,
                    exact: false
                },
            ]
        );
    }

    #[test]
    fn largest_overlap_wins_and_long_spans_are_found_from_behind() {
        let a = [unit(10, 12, "X"), unit(50, 60, "X")];
        // the long span starts well before 50 and must still be found; it overlaps 50..60
        // most, so 10..12 takes the small one
        let b = [unit(0, 100, "X"), unit(9, 11, "X")];
        let pairs = pair_units(&a, &b);
        let p = |a, b| Pair { a, b, exact: false };
        assert_eq!(pairs, vec![p(0, 1), p(1, 0)]);
    }

    #[test]
    fn links_need_every_anchor_to_overlap() {
        let link = |c: (u32, u32), s: Anchor<'static>| Unit {
            id: "",
            anchors: vec![Anchor::Span(c), s],
            label: "indirect".into(),
        };
        let a = [link((0, 10), Anchor::Span((20, 25)))];
        let b = [
            link((0, 10), Anchor::Span((30, 35))),
            link((2, 8), Anchor::Span((22, 24))),
        ];
        assert_eq!(
            pair_units(&a, &b),
            vec![Pair {
                a: 0,
                b: 1,
                exact: false
            }]
        );
        let named = [link((0, 10), Anchor::Name("هو"))];
        assert!(pair_units(&named, &named)[0].exact);
        assert!(pair_units(&named, &a).is_empty());
    }
}

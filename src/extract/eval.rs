//! Scoring the built-in extractor against a gold token-tag file: strict (same tokens, same
//! label group) and overlap (any shared character, same label group) precision, recall and F1
//! for PERSON, ORG, places (GPE+LOC+FAC) and dates (DATE+TIME), plus their micro average.
//!
//! The text is rebuilt from the gold tokens (single spaces, one sentence per line), so token
//! boundaries are exact. Gold spans keep their proclitics (Wojood convention); for the strict
//! score a suggestion is widened to the tokens it touches, which makes the two conventions
//! comparable.

pub mod gold;

use std::collections::HashSet;
use std::ops::Range;

use super::conll::{ConllDoc, decode, rebuild_text};
use super::extract_nested;
use super::import::{OffsetUnit, align_tokens};
use crate::annotate::Label;

/// The label groups that are scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    Person,
    Org,
    Places,
    Dates,
}

impl Group {
    pub const ALL: [Group; 4] = [Group::Person, Group::Org, Group::Places, Group::Dates];

    pub fn of(label: &Label) -> Option<Group> {
        let groups = [
            (Label::PERSON, Group::Person),
            (Label::ORG, Group::Org),
            (Label::GPE, Group::Places),
            (Label::LOC, Group::Places),
            (Label::FAC, Group::Places),
            (Label::DATE, Group::Dates),
            (Label::TIME, Group::Dates),
        ];
        groups.into_iter().find(|(l, _)| l == label).map(|(_, g)| g)
    }

    pub fn name(self) -> &'static str {
        match self {
            Group::Person => "PERSON",
            Group::Org => "ORG",
            Group::Places => "places (GPE+LOC+FAC)",
            Group::Dates => "dates (DATE+TIME)",
        }
    }
}

/// True/false positive counts for one group under one matching criterion.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    /// Predictions that match a gold span.
    pub matched_predicted: usize,
    pub predicted: usize,
    /// Gold spans matched by a prediction.
    pub matched_gold: usize,
    pub gold: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.matched_predicted, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched_gold, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, other: &Counts) {
        self.matched_predicted += other.matched_predicted;
        self.predicted += other.predicted;
        self.matched_gold += other.matched_gold;
        self.gold += other.gold;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

#[derive(Debug, Clone, Default)]
pub struct EvalReport {
    /// Per group: (strict, overlap).
    pub groups: Vec<(Group, Counts, Counts)>,
    pub micro_strict: Counts,
    pub micro_overlap: Counts,
    pub tokens: usize,
}

struct Scored {
    group: Group,
    chars: Range<usize>,
    tokens: (usize, usize),
}

/// Scores the extractor on a gold document, on the text rebuilt from its tokens.
pub fn evaluate(gold: &ConllDoc) -> EvalReport {
    let (text, token_ranges) = rebuild_text(gold);
    let token_ranges: Vec<Option<Range<usize>>> = token_ranges
        .into_iter()
        .map(|r| (r.start < r.end).then_some(r))
        .collect();
    score(gold, &text, &token_ranges)
}

/// Scores the extractor on an article that the gold tokens belong to: the tokens are aligned
/// to the article text (gold entities whose tokens cannot be found are counted as missed).
pub fn evaluate_on_text(gold: &ConllDoc, text: &str) -> EvalReport {
    let offsets = vec![None; gold.tokens.len()];
    let (token_ranges, _) = align_tokens(text, gold, &offsets, OffsetUnit::Codepoint);
    score(gold, text, &token_ranges)
}

fn score(gold: &ConllDoc, text: &str, token_ranges: &[Option<Range<usize>>]) -> EvalReport {
    let mut missing_gold = vec![0usize; Group::ALL.len()];
    let gold_spans: Vec<Scored> = decode(gold)
        .into_iter()
        .filter_map(|s| {
            let group = Group::of(&Label::map_foreign(&s.raw_label)?)?;
            match (&token_ranges[s.first], &token_ranges[s.last]) {
                (Some(a), Some(b)) if a.start < b.end => Some(Scored {
                    group,
                    chars: a.start..b.end,
                    tokens: (s.first, s.last),
                }),
                _ => {
                    missing_gold[group as usize] += 1;
                    None
                }
            }
        })
        .collect();
    let tokens = TokenIndex::new(token_ranges);
    let predicted: Vec<Scored> = extract_nested(text)
        .into_iter()
        .filter_map(|s| {
            let group = Group::of(&s.label)?;
            let (first, last) = tokens.touching(&s.range)?;
            Some(Scored {
                group,
                chars: s.range,
                tokens: (first, last.max(first)),
            })
        })
        .collect();
    let mut report = EvalReport {
        tokens: gold.tokens.len(),
        ..EvalReport::default()
    };
    for group in Group::ALL {
        let g: Vec<&Scored> = gold_spans.iter().filter(|s| s.group == group).collect();
        let p: Vec<&Scored> = predicted.iter().filter(|s| s.group == group).collect();
        let gold_total = g.len() + missing_gold[group as usize];
        let (strict, overlap) = (
            Counts::strict(&g, &p, gold_total),
            Counts::overlap(&g, &p, gold_total),
        );
        report.micro_strict.add(&strict);
        report.micro_overlap.add(&overlap);
        report.groups.push((group, strict, overlap));
    }
    report
}

impl Counts {
    /// Predictions and gold spans matched by covering the same tokens.
    fn strict(g: &[&Scored], p: &[&Scored], gold: usize) -> Counts {
        let gold_tokens: HashSet<(usize, usize)> = g.iter().map(|s| s.tokens).collect();
        let predicted_tokens: HashSet<(usize, usize)> = p.iter().map(|s| s.tokens).collect();
        Counts {
            matched_predicted: p.iter().filter(|x| gold_tokens.contains(&x.tokens)).count(),
            predicted: p.len(),
            matched_gold: g
                .iter()
                .filter(|y| predicted_tokens.contains(&y.tokens))
                .count(),
            gold,
        }
    }

    /// Predictions and gold spans matched by sharing a character.
    fn overlap(g: &[&Scored], p: &[&Scored], gold: usize) -> Counts {
        let gold_chars = Intervals::new(g.iter().map(|s| s.chars.clone()));
        let predicted_chars = Intervals::new(p.iter().map(|s| s.chars.clone()));
        Counts {
            matched_predicted: p.iter().filter(|x| gold_chars.overlaps(&x.chars)).count(),
            predicted: p.len(),
            matched_gold: g
                .iter()
                .filter(|y| predicted_chars.overlaps(&y.chars))
                .count(),
            gold,
        }
    }
}

/// Ranges sorted by start with the largest end up to each: whether any of them shares a
/// character with a given range, by binary search (a scan of all of them per prediction made
/// `eval` quadratic).
struct Intervals {
    starts: Vec<usize>,
    /// `max_end[i]`: the largest end among the first `i + 1` ranges by start.
    max_end: Vec<usize>,
}

impl Intervals {
    fn new(ranges: impl Iterator<Item = Range<usize>>) -> Self {
        let mut ranges: Vec<Range<usize>> = ranges.collect();
        ranges.sort_unstable_by_key(|r| r.start);
        let max_end = ranges
            .iter()
            .scan(0, |most, r| {
                *most = r.end.max(*most);
                Some(*most)
            })
            .collect();
        Self {
            starts: ranges.into_iter().map(|r| r.start).collect(),
            max_end,
        }
    }

    /// True when some range `a` has `a.start < r.end && r.start < a.end`.
    fn overlaps(&self, r: &Range<usize>) -> bool {
        let starting_before_end = self.starts.partition_point(|&s| s < r.end);
        starting_before_end > 0 && self.max_end[starting_before_end - 1] > r.start
    }
}

/// The tokens' character ranges, to find the first and last token a prediction touches.
struct TokenIndex<'a> {
    ranges: &'a [Option<Range<usize>>],
    /// (start, end, token) of the placed tokens, when they are non-empty, in order and do not
    /// overlap (always for text rebuilt from the tokens; aligned tokens too in practice):
    /// then the touched tokens are found by binary search, else by scanning them all.
    ordered: Option<Vec<(usize, usize, usize)>>,
}

impl<'a> TokenIndex<'a> {
    fn new(ranges: &'a [Option<Range<usize>>]) -> Self {
        let placed: Vec<(usize, usize, usize)> = ranges
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.as_ref().map(|r| (r.start, r.end, i)))
            .collect();
        let in_order =
            placed.iter().all(|t| t.0 < t.1) && placed.windows(2).all(|w| w[0].1 <= w[1].0);
        Self {
            ranges,
            ordered: in_order.then_some(placed),
        }
    }

    /// The first and last token sharing a character with `span`.
    fn touching(&self, span: &Range<usize>) -> Option<(usize, usize)> {
        let Some(placed) = &self.ordered else {
            let touches = |r: &Option<Range<usize>>| {
                r.as_ref()
                    .is_some_and(|r| r.start < span.end && span.start < r.end)
            };
            return Some((
                self.ranges.iter().position(touches)?,
                self.ranges.iter().rposition(touches)?,
            ));
        };
        let first = placed.partition_point(|t| t.1 <= span.start);
        let after_last = placed.partition_point(|t| t.0 < span.end);
        (first < after_last).then(|| (placed[first].2, placed[after_last - 1].2))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::extract::conll::parse;

    #[test]
    fn counts_overlap_and_strict() {
        let data = "وقال O\nالرئيس O\nمحمود B-PERS\nعباس I-PERS\nفي O\nمدينة B-GPE\nرام I-GPE\nالله I-GPE\nيوم O\nالسبت B-DATE\n";
        let doc = parse(data, "t").unwrap();
        let report = evaluate(&doc);
        assert_eq!(report.micro_overlap.gold, 3);
        assert_eq!(report.micro_overlap.matched_gold, 3);
        let person = report.groups.iter().find(|g| g.0 == Group::Person).unwrap();
        assert_eq!(person.1.matched_gold, 1);
        assert!(report.micro_overlap.f1() > 0.99);
    }

    #[test]
    fn a_large_gold_file_scores_as_its_parts_add_up() {
        // 20,000 copies of a small document (200,000 tokens; scanning every token per
        // prediction made this quadratic): every count is 20,000 times the small one's.
        let data = "وقال O\nالرئيس O\nمحمود B-PERS\nعباس I-PERS\nفي O\nمدينة B-GPE\nرام I-GPE\nالله I-GPE\nيوم O\nالسبت B-DATE\n\n";
        let copies = 20_000;
        let small = evaluate(&parse(data, "t").unwrap());
        let large = evaluate(&parse(&data.repeat(copies), "t").unwrap());
        let times = |c: &Counts| Counts {
            matched_predicted: c.matched_predicted * copies,
            predicted: c.predicted * copies,
            matched_gold: c.matched_gold * copies,
            gold: c.gold * copies,
        };
        assert!(small.micro_strict.predicted > 0 && small.micro_strict.gold > 0);
        assert_eq!(large.tokens, small.tokens * copies);
        assert_eq!(large.micro_strict, times(&small.micro_strict));
        assert_eq!(large.micro_overlap, times(&small.micro_overlap));
        for ((g, s, o), (lg, ls, lo)) in small.groups.iter().zip(&large.groups) {
            assert_eq!((lg, ls, lo), (g, &times(s), &times(o)));
        }
    }

    #[test]
    fn touched_tokens_and_overlaps_agree_with_scanning() {
        // placed tokens in order (binary search) and out of order (the scan) give the same
        let in_order = [Some(0..3), None, Some(4..6), Some(7..9), Some(10..12)];
        let shuffled = [Some(4..6), None, Some(0..3), Some(10..12), Some(7..9)];
        for ranges in [&in_order[..], &shuffled[..]] {
            let index = TokenIndex::new(ranges);
            for start in 0..13 {
                for end in start + 1..14 {
                    let touches = |r: &Option<Range<usize>>| {
                        r.as_ref().is_some_and(|r| r.start < end && start < r.end)
                    };
                    let want = ranges
                        .iter()
                        .position(touches)
                        .zip(ranges.iter().rposition(touches));
                    assert_eq!(index.touching(&(start..end)), want, "{start}..{end}");
                }
            }
        }
        let spans = [2..5, 9..9, 3..4, 12..20];
        let intervals = Intervals::new(spans.iter().cloned());
        for start in 0..22 {
            for end in start..23 {
                let want = spans.iter().any(|a| a.start < end && start < a.end);
                assert_eq!(intervals.overlaps(&(start..end)), want, "{start}..{end}");
            }
        }
    }

    #[test]
    fn scores_on_an_article_text() {
        let data = "الرئيس O\nمحمود B-PERS\nعباس I-PERS\nفي O\nغزة B-GPE\nأمس B-DATE\nمريخ B-LOC\n";
        let doc = parse(data, "t").unwrap();
        let report = evaluate_on_text(&doc, "قال الرئيس محمود عباس، في غزة أمس.");
        let places = report.groups.iter().find(|g| g.0 == Group::Places).unwrap();
        // مريخ is not in the text: counted as a missed gold entity.
        assert_eq!(places.2.gold, 2);
        assert_eq!(places.2.matched_gold, 1);
        let person = report.groups.iter().find(|g| g.0 == Group::Person).unwrap();
        assert_eq!(person.1.matched_gold, 1);
    }
}

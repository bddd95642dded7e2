//! Scoring the built-in extractor against a gold token-tag file: strict (same tokens, same
//! label group) and overlap (any shared character, same label group) precision, recall and F1
//! for PERSON, ORG, places (GPE+LOC+FAC) and dates (DATE+TIME), plus their micro average.
//!
//! The text is rebuilt from the gold tokens (single spaces, one sentence per line), so token
//! boundaries are exact. Gold spans keep their proclitics (Wojood convention); for the strict
//! score a suggestion is widened to the tokens it touches, which makes the two conventions
//! comparable.

use std::ops::Range;

use super::conll::{ConllDoc, decode, rebuild_text};
use super::extract;
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
    let touches = |r: &Option<Range<usize>>, span: &Range<usize>| {
        r.as_ref()
            .is_some_and(|r| r.start < span.end && span.start < r.end)
    };
    let predicted: Vec<Scored> = extract(text)
        .into_iter()
        .filter_map(|s| {
            let group = Group::of(&s.label)?;
            let first = token_ranges.iter().position(|r| touches(r, &s.range))?;
            let last = token_ranges.iter().rposition(|r| touches(r, &s.range))?;
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
        let overlaps =
            |a: &Scored, b: &Scored| a.chars.start < b.chars.end && b.chars.start < a.chars.end;
        let strict = Counts {
            matched_predicted: p
                .iter()
                .filter(|x| g.iter().any(|y| y.tokens == x.tokens))
                .count(),
            predicted: p.len(),
            matched_gold: g
                .iter()
                .filter(|y| p.iter().any(|x| x.tokens == y.tokens))
                .count(),
            gold: g.len() + missing_gold[group as usize],
        };
        let overlap = Counts {
            matched_predicted: p
                .iter()
                .filter(|x| g.iter().any(|y| overlaps(x, y)))
                .count(),
            predicted: p.len(),
            matched_gold: g
                .iter()
                .filter(|y| p.iter().any(|x| overlaps(x, y)))
                .count(),
            gold: g.len() + missing_gold[group as usize],
        };
        report.micro_strict.add(&strict);
        report.micro_overlap.add(&overlap);
        report.groups.push((group, strict, overlap));
    }
    report
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

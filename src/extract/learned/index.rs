//! What the candidates of an article look up, indexed once per article rather than scanned per
//! cue: the rules' attributions by cue, the rules' sources and the entity names by position,
//! and the speakers named so far (docs/extraction/learned.md, "Tenth round": the ninth
//! round's stage scanned every entity and sorted every earlier speaker at each cue).

use std::cmp::Reverse;
use std::ops::Range;

use super::candidates::{SourceKind, SourceOption, overlaps};
use crate::annotate::Label;
use crate::annotate::model::SourceType;
use crate::extract::Suggestion;
use crate::extract::cues::CueSuggestions;

/// Speakers named in earlier sentences offered to a cue.
pub(crate) const PREVIOUS_SPEAKERS: usize = 4;

/// Spans sorted by start, with the largest end so far, to find those overlapping a range
/// without reading them all.
pub(crate) struct Spans {
    /// (start, end, the item's index), by start then index.
    items: Vec<(usize, usize, usize)>,
    max_end: Vec<usize>,
}

impl Spans {
    pub(crate) fn new(spans: impl Iterator<Item = Range<usize>>) -> Self {
        let mut items: Vec<(usize, usize, usize)> = spans
            .enumerate()
            .map(|(i, r)| (r.start, r.end, i))
            .collect();
        items.sort_unstable();
        let mut max = 0;
        let max_end = items
            .iter()
            .map(|&(_, end, _)| {
                max = max.max(end);
                max
            })
            .collect();
        Spans { items, max_end }
    }

    /// The indices of the spans overlapping `range`, in no particular order.
    pub(crate) fn overlapping(&self, range: &Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let hi = self.items.partition_point(|&(s, _, _)| s < range.end);
        let start = range.start;
        (0..hi)
            .rev()
            .take_while(move |&k| self.max_end[k] > start)
            .filter(move |&k| self.items[k].1 > start)
            .map(|k| self.items[k].2)
    }
}

/// An article's rules' suggestions and entity names, indexed.
pub(crate) struct ArticleIndex<'a> {
    rules: &'a CueSuggestions,
    /// Entity suggestions, sorted by start.
    entities: &'a [Suggestion],
    cues: Spans,
    sources: Spans,
    /// The speakers a subjectless verb may have: the rules' attributed sources, then the
    /// person and organisation names, latest first (by start, then end; ties keep that order).
    earlier: Vec<(Range<usize>, SourceType)>,
}

/// What a sentence offers each of its cues.
pub(crate) struct Near<'a> {
    /// The entity names starting in the sentence, in order.
    pub(crate) entities: &'a [Suggestion],
    /// The rules' sources inside the sentence, by index.
    pub(crate) rule_sources: Vec<usize>,
    /// The speakers named before the sentence, the nearest first, [`PREVIOUS_SPEAKERS`]
    /// distinct spans at most.
    pub(crate) previous: Vec<SourceOption>,
}

impl<'a> ArticleIndex<'a> {
    pub(crate) fn new(rules: &'a CueSuggestions, entities: &'a [Suggestion]) -> Self {
        let mut earlier: Vec<(Range<usize>, SourceType)> = rules
            .attributions
            .iter()
            .filter_map(|a| a.source.and_then(|s| rules.sources.get(s)))
            .map(|s| (s.span.clone(), s.source_type))
            .chain(
                entities
                    .iter()
                    .filter(|e| e.label == Label::PERSON || e.label == Label::ORG)
                    .map(|e| (e.range.clone(), SourceType::Unknown)),
            )
            .collect();
        // stable: a rules' source stays ahead of an entity name of the same span
        earlier.sort_by_key(|(r, _)| Reverse((r.start, r.end)));
        ArticleIndex {
            rules,
            entities,
            cues: Spans::new(rules.attributions.iter().map(|a| a.cue.clone())),
            sources: Spans::new(rules.sources.iter().map(|s| s.span.clone())),
            earlier,
        }
    }

    /// The first of the rules' attributions (by index) whose cue overlaps `cue`.
    pub(crate) fn first_attribution_at(&self, cue: &Range<usize>) -> Option<usize> {
        self.cues.overlapping(cue).min()
    }

    /// The rules' attributions whose cue overlaps `cue`, in no particular order.
    pub(crate) fn attributions_at<'s>(
        &'s self,
        cue: &Range<usize>,
    ) -> impl Iterator<Item = usize> + 's {
        self.cues.overlapping(cue)
    }

    /// What the sentence at bytes `sentence` offers its cues.
    pub(crate) fn near(&self, sentence: &Range<usize>) -> Near<'a> {
        let first = self
            .entities
            .partition_point(|e| e.range.start < sentence.start);
        let count = self.entities[first..].partition_point(|e| e.range.start < sentence.end);
        let mut rule_sources: Vec<usize> = self
            .sources
            .overlapping(sentence)
            .filter(|&s| {
                let span = &self.rules.sources[s].span;
                span.start >= sentence.start && span.end <= sentence.end
            })
            .collect();
        rule_sources.sort_unstable();
        Near {
            entities: &self.entities[first..first + count],
            rule_sources,
            previous: self.previous_speakers(sentence.start),
        }
    }

    /// The speakers named before byte `sentence_start`, the nearest first.
    fn previous_speakers(&self, sentence_start: usize) -> Vec<SourceOption> {
        let first = self
            .earlier
            .partition_point(|(r, _)| r.start > sentence_start);
        let mut out: Vec<SourceOption> = Vec::new();
        for (range, source_type) in &self.earlier[first..] {
            if out.len() == PREVIOUS_SPEAKERS {
                break;
            }
            if range.end > sentence_start || out.iter().any(|o| overlaps(&o.range, range)) {
                continue;
            }
            out.push(SourceOption {
                range: range.clone(),
                kind: SourceKind::Previous(out.len() + 1),
                source_type: *source_type,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Spans;

    /// The index finds exactly the spans a scan of them all finds, for every query.
    #[test]
    fn spans_overlapping_a_range_are_those_a_scan_finds() {
        let spans = [
            0..4,
            2..30,
            5..6,
            5..9,
            10..12,
            11..11,
            12..20,
            31..40,
            35..36,
        ];
        let index = Spans::new(spans.iter().cloned());
        for start in 0..42 {
            for end in start..43 {
                let query = start..end;
                let mut found: Vec<usize> = index.overlapping(&query).collect();
                found.sort_unstable();
                let expected: Vec<usize> = (0..spans.len())
                    .filter(|&i| spans[i].start < query.end && query.start < spans[i].end)
                    .collect();
                assert_eq!(found, expected, "{query:?}");
            }
        }
    }
}

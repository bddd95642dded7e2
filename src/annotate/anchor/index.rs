//! The quote index of re-anchoring: where each of many quotes occurs in a text, found in one
//! Aho-Corasick pass instead of one search of the whole text per span (100,000 spans after a
//! line was added to a 9 MB article: minutes, one text scan each, before this index).

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use super::super::model::Span;

/// For each quote, its occurrences as byte offsets in text order, non-overlapping and leftmost
/// first: exactly what `str::match_indices` yields for that quote alone.
pub(super) fn occurrences(text: &str, quotes: &[&str]) -> Option<Vec<Vec<usize>>> {
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(quotes)
        .ok()?;
    let mut found = vec![Vec::new(); quotes.len()];
    // Where the last kept occurrence of each quote ends: an overlapping match of the same quote
    // starting before it is one `match_indices` skips. Matches of one quote arrive in order of
    // their end, so also of their start (they all have its length).
    let mut free_from = vec![0usize; quotes.len()];
    for m in automaton.find_overlapping_iter(text) {
        let q = m.pattern().as_usize();
        if m.start() >= free_from[q] {
            found[q].push(m.start());
            free_from[q] = m.end();
        }
    }
    Some(found)
}

/// Occurrences of the given quotes, looked up by quote.
pub(super) struct QuoteIndex {
    places: HashMap<Box<str>, Vec<Span>>,
}

impl QuoteIndex {
    /// Indexes the distinct non-empty `quotes` in `text`; `None` when the automaton cannot be
    /// built (the caller then searches quote by quote).
    pub(super) fn exact<'q>(text: &str, quotes: impl IntoIterator<Item = &'q str>) -> Option<Self> {
        let quotes = distinct(quotes);
        let found = occurrences(text, &quotes)?;
        let places = quotes
            .iter()
            .zip(found)
            .map(|(q, starts)| {
                let spans = starts
                    .into_iter()
                    .map(|start| Span {
                        start,
                        end: start + q.len(),
                    })
                    .collect();
                (Box::from(*q), spans)
            })
            .collect();
        Some(Self { places })
    }

    /// Indexes the distinct non-empty `needles` in `folded` (a tolerant form of the text with,
    /// per folded character, the byte range of the text it came from): the places are ranges
    /// of the original text.
    pub(super) fn folded<'q>(
        folded: &str,
        map: &[(usize, usize)],
        needles: impl IntoIterator<Item = &'q str>,
    ) -> Option<Self> {
        let needles = distinct(needles);
        let found = occurrences(folded, &needles)?;
        // Folded byte offset → folded character index, counted once for all matches in order.
        let mut starts: Vec<(usize, usize)> = found
            .iter()
            .enumerate()
            .flat_map(|(n, starts)| starts.iter().map(move |&s| (s, n)))
            .collect();
        starts.sort_unstable();
        let lengths: Vec<usize> = needles.iter().map(|n| n.chars().count()).collect();
        let mut places: Vec<Vec<Span>> =
            found.iter().map(|f| Vec::with_capacity(f.len())).collect();
        let (mut counted_to, mut chars_before) = (0, 0);
        for (start, n) in starts {
            chars_before += folded[counted_to..start].chars().count();
            counted_to = start;
            if let (Some(&(start, _)), Some(&(_, end))) = (
                map.get(chars_before),
                map.get(chars_before + lengths[n] - 1),
            ) {
                places[n].push(Span { start, end });
            }
        }
        let places = needles
            .iter()
            .zip(places)
            .map(|(n, spans)| (Box::from(*n), spans))
            .collect();
        Some(Self { places })
    }

    /// The places of `quote`, in text order; `None` when it was not indexed.
    pub(super) fn get(&self, quote: &str) -> Option<&[Span]> {
        self.places.get(quote).map(Vec::as_slice)
    }

    pub(super) fn quotes(&self) -> impl Iterator<Item = &str> {
        self.places.keys().map(|q| &**q)
    }
}

fn distinct<'q>(quotes: impl IntoIterator<Item = &'q str>) -> Vec<&'q str> {
    let mut quotes: Vec<&str> = quotes.into_iter().filter(|q| !q.is_empty()).collect();
    quotes.sort_unstable();
    quotes.dedup();
    quotes
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn occurrences_are_those_of_match_indices() {
        let text = "aaaa abab aba ababa";
        let quotes = ["aa", "aba", "a", "b", "ab a", "x"];
        let found = occurrences(text, &quotes).unwrap();
        for (q, got) in quotes.iter().zip(found) {
            let want: Vec<usize> = text.match_indices(q).map(|(b, _)| b).collect();
            assert_eq!(got, want, "{q:?}");
        }
    }
}

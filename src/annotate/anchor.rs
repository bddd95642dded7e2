//! Re-anchoring: placing a stored span (code-point offsets + quote) in an article whose text may
//! have changed. Order of attempts, after Hypothesis: the stored offsets if the quote is still
//! there; else every exact occurrence of the quote, scored by how much of the stored
//! prefix/suffix surrounds it and by distance from the old position; else the same search on a
//! tolerant form of the text (harakat, tatweel and whitespace differences ignored). A span that
//! cannot be placed is reported as such; the caller keeps the item as an orphan.
//!
//! Many spans at once (a file opened after its article changed) are placed through a quote
//! index ([`Anchorer::indexed`]): one pass over the text finds every quote, and the scoring
//! walks a quote's occurrences outwards from the old position, stopping at the first one whose
//! context is complete. The result is the same as scoring every occurrence.

mod index;

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::article::Article;

use super::model::{FileSpan, Span};
use index::QuoteIndex;

/// A quote at least this long (code points) is placed wherever it is found: it is unlikely to
/// occur by chance.
const DISTINCTIVE_QUOTE_CHARS: usize = 20;
/// Shorter quotes need this much of their stored prefix + suffix around the new place.
const MIN_CONTEXT_CHARS: usize = 8;

/// How a span was placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// Same offsets, same quote.
    Unchanged,
    /// The exact quote, found elsewhere.
    Moved,
    /// Found only when ignoring harakat, tatweel and whitespace differences.
    Tolerant,
}

/// Counts of what re-anchoring did, for the status bar and tests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AnchorReport {
    pub unchanged: usize,
    pub moved: usize,
    pub tolerant: usize,
    /// Items (not spans) that could not be placed and went to `orphans`.
    pub orphaned: usize,
    /// Orphans from the file that now fit the text again and were restored.
    pub restored: usize,
}

impl AnchorReport {
    pub fn add(&mut self, p: Placement) {
        match p {
            Placement::Unchanged => self.unchanged += 1,
            Placement::Moved => self.moved += 1,
            Placement::Tolerant => self.tolerant += 1,
        }
    }

    /// True when anything moved, was lost or came back.
    pub fn changed_anything(&self) -> bool {
        self.moved + self.tolerant + self.orphaned + self.restored > 0
    }
}

/// What placing reads of a stored span, borrowed: from a [`FileSpan`], or straight from the
/// text of the file being read (its fast path deserialises no owned copy of a quote).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoredSpan<'s> {
    /// Code-point offsets, as stored.
    pub start: usize,
    pub end: usize,
    pub exact: &'s str,
    pub prefix: Option<&'s str>,
    pub suffix: Option<&'s str>,
}

impl<'s> From<&'s FileSpan> for StoredSpan<'s> {
    fn from(s: &'s FileSpan) -> Self {
        Self {
            start: s.start,
            end: s.end,
            exact: &s.exact,
            prefix: s.prefix.as_deref(),
            suffix: s.suffix.as_deref(),
        }
    }
}

/// Searches one article; build once, place many spans.
pub struct Anchorer<'a> {
    article: &'a Article,
    /// The tolerant form of the text, and for each of its chars the byte range it came from.
    /// Built on the first span that is not where the file says (usually never: opening a file
    /// whose article did not change must not fold the whole text, 16 bytes per character).
    folded: OnceLock<Folded>,
    /// Where the quotes of the spans given to [`Anchorer::indexed`] occur (`None`: no index,
    /// each span searches the text).
    exact: Option<QuoteIndex>,
    /// The same for their tolerant forms, in the folded text; built on first need.
    tolerant: OnceLock<Option<QuoteIndex>>,
    work: Work,
}

/// What placing has cost so far, for tests that check the algorithm rather than a clock.
#[derive(Debug, Default)]
struct Work {
    /// Searches of the whole text (or its folded form) for one quote.
    scans: AtomicUsize,
    /// Occurrences whose surrounding context was compared with the stored one.
    checks: AtomicUsize,
}

/// A copy of the work counters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AnchorWork {
    pub scans: usize,
    pub checks: usize,
}

struct Folded {
    text: String,
    map: Vec<(usize, usize)>,
}

/// Characters the tolerant match ignores: Arabic harakat and Quranic marks, superscript alef,
/// tatweel, and format controls that editors insert invisibly.
fn is_ignorable(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{0640}'
        | '\u{200B}'..='\u{200F}'
        | '\u{061C}'
        | '\u{FEFF}')
}

/// Tolerant form of `text`: ignorable characters dropped, whitespace runs become one space.
/// Returns the folded text and, per folded char, the source byte range.
fn fold(text: &str) -> (String, Vec<(usize, usize)>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() / 2);
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if is_ignorable(c) {
            // attach marks to the previous kept char so a match ending on a letter keeps its harakat
            if let Some(last) = map.last_mut() {
                let last: &mut (usize, usize) = last;
                if !in_space {
                    last.1 = end;
                }
            }
            continue;
        }
        if c.is_whitespace() {
            if in_space {
                if let Some(last) = map.last_mut() {
                    let last: &mut (usize, usize) = last;
                    last.1 = end;
                }
                continue;
            }
            in_space = true;
            out.push(' ');
            map.push((i, end));
            continue;
        }
        in_space = false;
        out.push(c);
        map.push((i, end));
    }
    (out, map)
}

/// The byte span at exactly the stored offsets, when they fit the article and the text there is
/// the stored quote: [`FileSpan::to_bytes`] without building an error for the spans that moved.
pub fn at_offsets(article: &Article, span: StoredSpan<'_>) -> Option<Span> {
    if span.start >= span.end {
        return None;
    }
    let start = article.char_to_byte(span.start)?;
    let end = start.checked_add(span.exact.len())?;
    // The quote found at `start` ends at the stored end offset exactly when it has as many code
    // points as the offsets span: one offset lookup instead of two.
    (article.text.get(start..end)? == span.exact
        && span.exact.chars().count() == span.end - span.start)
        .then_some(Span { start, end })
}

/// Number of chars shared at the end of `a` and `b`.
fn common_suffix_chars(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// Number of chars shared at the start of `a` and `b`.
fn common_prefix_chars(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

impl<'a> Anchorer<'a> {
    pub fn new(article: &'a Article) -> Self {
        Self {
            article,
            folded: OnceLock::new(),
            exact: None,
            tolerant: OnceLock::new(),
            work: Work::default(),
        }
    }

    /// An anchorer that has found, in one pass over the text, every occurrence of the quotes
    /// of those `spans` that are not where they say: placing them then searches nothing.
    /// Spans not given here are still placed, by searching the text for each.
    pub fn indexed<'s, S: Into<StoredSpan<'s>>>(
        article: &'a Article,
        spans: impl IntoIterator<Item = S>,
    ) -> Self {
        let quotes = spans
            .into_iter()
            .map(Into::into)
            .filter(|s| at_offsets(article, *s).is_none())
            .map(|s| s.exact);
        Self {
            exact: QuoteIndex::exact(&article.text, quotes),
            ..Self::new(article)
        }
    }

    /// [`Anchorer::indexed`] for spans already known not to be where they say (none of them
    /// passes [`at_offsets`]), which it does not check again.
    pub fn indexed_moved<'s>(
        article: &'a Article,
        moved: impl IntoIterator<Item = StoredSpan<'s>>,
    ) -> Self {
        Self {
            exact: QuoteIndex::exact(&article.text, moved.into_iter().map(|s| s.exact)),
            ..Self::new(article)
        }
    }

    /// The work done so far.
    pub fn work(&self) -> AnchorWork {
        AnchorWork {
            scans: self.work.scans.load(Ordering::Relaxed),
            checks: self.work.checks.load(Ordering::Relaxed),
        }
    }

    /// Places `span` in the article, or `None` when it cannot be placed.
    pub fn place<'s>(&self, span: impl Into<StoredSpan<'s>>) -> Option<(Span, Placement)> {
        let span = span.into();
        if span.exact.is_empty() {
            return None;
        }
        match at_offsets(self.article, span) {
            Some(s) => Some((s, Placement::Unchanged)),
            None => self.relocate(span),
        }
    }

    /// Places a span that is not where it says ([`at_offsets`] found nothing there): by its
    /// quote and context, exactly or tolerantly, or `None`.
    pub fn relocate(&self, span: StoredSpan<'_>) -> Option<(Span, Placement)> {
        if span.exact.is_empty() {
            return None;
        }
        let exact = match self.exact.as_ref().and_then(|i| i.get(span.exact)) {
            Some(places) => self.best(span, places),
            None => self.best(span, &self.search_text(span.exact)),
        };
        if let Some(best) = exact {
            return Some((best, Placement::Moved));
        }
        let (needle, _) = fold(span.exact);
        let needle = needle.trim();
        if needle.is_empty() {
            return None;
        }
        let tolerant = match self.tolerant_index().and_then(|i| i.get(needle)) {
            Some(places) => self.best(span, places),
            None => self.best(span, &self.search_folded(needle)),
        };
        tolerant.map(|s| (s, Placement::Tolerant))
    }

    fn folded(&self) -> &Folded {
        self.folded.get_or_init(|| {
            let (text, map) = fold(&self.article.text);
            Folded { text, map }
        })
    }

    /// The tolerant forms of the indexed quotes, found in the folded text in one pass.
    fn tolerant_index(&self) -> Option<&QuoteIndex> {
        let exact = self.exact.as_ref()?;
        self.tolerant
            .get_or_init(|| {
                let needles: Vec<String> = exact.quotes().map(|q| fold(q).0).collect();
                let folded = self.folded();
                QuoteIndex::folded(&folded.text, &folded.map, needles.iter().map(|n| n.trim()))
            })
            .as_ref()
    }

    /// Every occurrence of `quote` in the text, in order.
    fn search_text(&self, quote: &str) -> Vec<Span> {
        self.work.scans.fetch_add(1, Ordering::Relaxed);
        self.article
            .text
            .match_indices(quote)
            .map(|(b, m)| Span {
                start: b,
                end: b + m.len(),
            })
            .collect()
    }

    /// Every occurrence of the tolerant form `needle` in the folded text, as ranges of the text.
    fn search_folded(&self, needle: &str) -> Vec<Span> {
        self.work.scans.fetch_add(1, Ordering::Relaxed);
        let folded = self.folded();
        let mut candidates = Vec::new();
        // Matches come in order: count characters from the previous match on, not from the
        // start of the text each time.
        let (mut counted_to, mut chars_before) = (0, 0);
        for (fb, m) in folded.text.match_indices(needle) {
            chars_before += folded.text[counted_to..fb].chars().count();
            counted_to = fb;
            let first = chars_before;
            let count = m.chars().count();
            let (Some(&(start, _)), Some(&(_, end))) =
                (folded.map.get(first), folded.map.get(first + count - 1))
            else {
                continue;
            };
            candidates.push(Span { start, end });
        }
        candidates
    }

    /// The candidate with the most matching context, nearest to the old position on ties (the
    /// later one when two are equally near). A short quote found only in unrelated surroundings
    /// (its sentence was deleted, the word occurs elsewhere) is not placed: a misplaced
    /// annotation is worse than a listed orphan.
    ///
    /// `candidates` are in text order. They are visited outwards from the old position, so in
    /// order of distance; once one has all the stored context, only those as near can beat it.
    fn best(&self, span: StoredSpan<'_>, candidates: &[Span]) -> Option<Span> {
        let text = &self.article.text;
        let prefix = span.prefix.unwrap_or("");
        let suffix = span.suffix.unwrap_or("");
        let distinctive = span.exact.chars().count() >= DISTINCTIVE_QUOTE_CHARS;
        let stored_context = prefix.chars().count() + suffix.chars().count();
        let needed = MIN_CONTEXT_CHARS.min(stored_context);
        let distance = |c: &Span| self.article.byte_to_char(c.start).abs_diff(span.start);
        let old_byte = self.article.char_to_byte(span.start).unwrap_or(text.len());
        let split = candidates.partition_point(|c| c.start < old_byte);
        let (before, after) = candidates.split_at(split);
        let mut before = before.iter().rev().map(|c| (distance(c), *c)).peekable();
        let mut after = after.iter().map(|c| (distance(c), *c)).peekable();
        // (context, distance, candidate) of the best so far
        let mut best: Option<(usize, usize, Span)> = None;
        loop {
            let next = match (before.peek(), after.peek()) {
                (None, None) => break,
                (Some(b), Some(a)) if b.0 < a.0 => before.next(),
                (Some(_), None) => before.next(),
                _ => after.next(),
            };
            let Some((far, c)) = next else { break };
            if best.is_some_and(|(context, near, _)| context == stored_context && far > near) {
                break;
            }
            self.work.checks.fetch_add(1, Ordering::Relaxed);
            let context = common_suffix_chars(text.get(..c.start).unwrap_or(""), prefix)
                + common_prefix_chars(text.get(c.end..).unwrap_or(""), suffix);
            let better = best.is_none_or(|(b_context, b_far, b)| {
                (context, std::cmp::Reverse(far), c.start)
                    > (b_context, std::cmp::Reverse(b_far), b.start)
            });
            if better {
                best = Some((context, far, c));
            }
        }
        best.filter(|(context, _, _)| distinctive || *context >= needed)
            .map(|(_, _, c)| c)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn file_span(article: &Article, quote: &str, nth: usize) -> FileSpan {
        let (b, _) = article.text.match_indices(quote).nth(nth).unwrap();
        Span {
            start: b,
            end: b + quote.len(),
        }
        .to_file(article)
    }

    #[test]
    fn prefers_context_then_nearest() {
        let old = Article::from_text("a", "قال زيد. قال عمرو. قال زيد.".into());
        let second = file_span(&old, "قال", 2);
        let new = Article::from_text("a", "مقدمة جديدة. قال زيد. قال عمرو. قال زيد.".into());
        let anchorer = Anchorer::new(&new);
        let (placed, how) = anchorer.place(&second).unwrap();
        assert_eq!(how, Placement::Moved);
        assert_eq!(
            placed.start,
            new.text.match_indices("قال").nth(2).unwrap().0
        );
    }

    #[test]
    fn tolerant_match_ignores_harakat_tatweel_and_spaces() {
        let old = Article::from_text("a", "أعلن الوزير  سُجّلت الإصابات".into());
        let span = file_span(&old, "الوزير  سُجّلت", 0);
        let new = Article::from_text("a", "أعلن الوزيــر سجلت الإصابات".into());
        let (placed, how) = Anchorer::new(&new).place(&span).unwrap();
        assert_eq!(how, Placement::Tolerant);
        assert_eq!(placed.text(&new), "الوزيــر سجلت");
    }

    #[test]
    fn tolerant_match_keeps_trailing_harakat() {
        let old = Article::from_text("a", "في القَاهرة الآن".into());
        let span = file_span(&old, "القَاهرة", 0);
        let new = Article::from_text("a", "في القاهرةُ الآن".into());
        let (placed, _) = Anchorer::new(&new).place(&span).unwrap();
        assert_eq!(placed.text(&new), "القاهرةُ");
    }

    #[test]
    fn a_short_quote_in_unrelated_surroundings_is_not_placed() {
        let old = Article::from_text(
            "a",
            "قال الوزير إن داعش هاجم القرية.\nوفي خبر آخر نفت داعش ذلك.".into(),
        );
        let span = file_span(&old, "داعش", 0);
        let new = Article::from_text("a", "وفي خبر آخر نفت داعش ذلك.".into());
        assert_eq!(Anchorer::new(&new).place(&span), None);
        // a long quote is distinctive enough on its own
        let long = file_span(&old, "قال الوزير إن داعش هاجم القرية", 0);
        let moved = Article::from_text("a", "عاجل: قال الوزير إن داعش هاجم القرية!".into());
        let (placed, how) = Anchorer::new(&moved).place(&long).unwrap();
        assert_eq!(
            (placed.text(&moved), how),
            ("قال الوزير إن داعش هاجم القرية", Placement::Moved)
        );
    }

    #[test]
    fn many_spans_cost_one_search_and_few_context_checks() {
        // 2,000 annotations of one repeated sentence, after a line was added above them: each
        // is placed by its nearest occurrence, without a search of the text of its own and
        // without scoring the other 1,999 occurrences.
        let sentence = "قال المتحدث باسم الوزارة إن الاجتماع انتهى. ";
        let old = Article::from_text("a", sentence.repeat(2_000));
        let spans: Vec<FileSpan> = (0..2_000).map(|n| file_span(&old, "الوزارة", n)).collect();
        let new = Article::from_text("a", format!("سطر جديد\n{}", old.text));
        let anchorer = Anchorer::indexed(&new, &spans);
        for (n, span) in spans.iter().enumerate() {
            let (placed, how) = anchorer.place(span).unwrap();
            assert_eq!(how, Placement::Moved);
            assert_eq!(
                placed.start,
                new.text.match_indices("الوزارة").nth(n).unwrap().0
            );
        }
        let work = anchorer.work();
        assert_eq!(work.scans, 0);
        assert!(work.checks <= 3 * spans.len(), "{work:?}");
    }

    #[test]
    fn missing_quote_is_unplaceable() {
        let old = Article::from_text("a", "قال زيد".into());
        let span = file_span(&old, "زيد", 0);
        let new = Article::from_text("a", "قال عمرو".into());
        assert_eq!(Anchorer::new(&new).place(&span), None);
    }

    /// The straightforward placing the index must agree with: one search of the text per span
    /// and every occurrence scored.
    fn place_by_scanning(article: &Article, span: &FileSpan) -> Option<(Span, Placement)> {
        if span.exact.is_empty() {
            return None;
        }
        if let Ok(s) = span.to_bytes(article) {
            return Some((s, Placement::Unchanged));
        }
        let exact: Vec<Span> = article
            .text
            .match_indices(span.exact.as_str())
            .map(|(b, m)| Span {
                start: b,
                end: b + m.len(),
            })
            .collect();
        if let Some(best) = best_by_scoring_all(article, span, &exact) {
            return Some((best, Placement::Moved));
        }
        let (needle, _) = fold(&span.exact);
        let needle = needle.trim();
        if needle.is_empty() {
            return None;
        }
        let (folded, map) = fold(&article.text);
        let tolerant: Vec<Span> = folded
            .match_indices(needle)
            .filter_map(|(fb, m)| {
                let first = folded[..fb].chars().count();
                let last = first + m.chars().count() - 1;
                Some(Span {
                    start: map.get(first)?.0,
                    end: map.get(last)?.1,
                })
            })
            .collect();
        best_by_scoring_all(article, span, &tolerant).map(|s| (s, Placement::Tolerant))
    }

    fn best_by_scoring_all(
        article: &Article,
        span: &FileSpan,
        candidates: &[Span],
    ) -> Option<Span> {
        let text = &article.text;
        let prefix = span.prefix.as_deref().unwrap_or("");
        let suffix = span.suffix.as_deref().unwrap_or("");
        let distinctive = span.exact.chars().count() >= DISTINCTIVE_QUOTE_CHARS;
        let stored_context = prefix.chars().count() + suffix.chars().count();
        let needed = MIN_CONTEXT_CHARS.min(stored_context);
        candidates
            .iter()
            .map(|c| {
                let before = text.get(..c.start).unwrap_or("");
                let after = text.get(c.end..).unwrap_or("");
                let context =
                    common_suffix_chars(before, prefix) + common_prefix_chars(after, suffix);
                let distance = article.byte_to_char(c.start).abs_diff(span.start);
                (context, distance, *c)
            })
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
            .filter(|(context, _, _)| distinctive || *context >= needed)
            .map(|(_, _, c)| c)
    }

    /// Text from few letters, harakat, tatweel and spaces, so quotes repeat and fold.
    fn small_text(max: usize) -> impl Strategy<Value = String> {
        proptest::collection::vec(
            proptest::sample::select(vec!["ق", "ا", "ل", "ز", " ", "  ", "َ", "ـ", "\n", "قال"]),
            0..max,
        )
        .prop_map(|pieces| pieces.concat())
    }

    use proptest::prelude::*;

    proptest! {
        /// The one-lookup check of a span's offsets agrees with `FileSpan::to_bytes` (two
        /// lookups and a comparison), also for offsets past the end, reversed or off by one and
        /// quotes with the right text but the wrong length in code points.
        #[test]
        fn at_offsets_agrees_with_to_bytes(
            text in small_text(30),
            start in 0usize..40,
            len in 0usize..8,
            quote_from in 0usize..40,
            quote_len in 0usize..8,
        ) {
            let article = Article::from_text("a", text);
            let chars: Vec<char> = article.text.chars().collect();
            let pick = |from: usize, n: usize| -> String {
                chars.iter().skip(from).take(n).collect()
            };
            for exact in [pick(start, len), pick(quote_from, quote_len)] {
                let span = FileSpan { start, end: start + len, exact, prefix: None, suffix: None };
                prop_assert_eq!(at_offsets(&article, (&span).into()), span.to_bytes(&article).ok());
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn indexed_placing_equals_scanning(
            old in small_text(40),
            inserted in small_text(8),
            at in any::<proptest::sample::Index>(),
            cut in any::<proptest::sample::Index>(),
            cut_len in 0usize..4,
            picks in proptest::collection::vec(
                (any::<proptest::sample::Index>(), 1usize..6, 0usize..=32, 0usize..=32, 0usize..6),
                1..8,
            ),
        ) {
            let old = Article::from_text("a", old);
            let chars = old.len_chars();
            prop_assume!(chars > 0);
            let spans: Vec<FileSpan> = picks
                .iter()
                .map(|&(start, len, keep_prefix, keep_suffix, shift)| {
                    let start = start.index(chars);
                    let end = (start + len).min(chars);
                    let byte = |c| old.char_to_byte(c).unwrap_or(old.text.len());
                    let mut span = Span { start: byte(start), end: byte(end) }.to_file(&old);
                    // shorter stored context, as older or hand-made files have
                    let keep = |s: &str, n: usize, from_end: bool| {
                        let count = s.chars().count();
                        let skip = if from_end { count.saturating_sub(n) } else { 0 };
                        s.chars().skip(skip).take(n).collect::<String>()
                    };
                    span.prefix = span.prefix.map(|p| keep(&p, keep_prefix, true));
                    span.suffix = span.suffix.map(|s| keep(&s, keep_suffix, false));
                    // offsets off by a few (a hand-edited file), so occurrences on both sides
                    // can be equally far
                    span.start += shift;
                    span.end += shift;
                    span
                })
                .collect();
            // the new text: `inserted` put in at one place, a few characters cut at another
            let mut new: Vec<char> = old.text.chars().collect();
            let at = at.index(new.len() + 1);
            new.splice(at..at, inserted.chars());
            let cut = cut.index(new.len() + 1);
            let cut_end = (cut + cut_len).min(new.len());
            new.drain(cut..cut_end);
            let new = Article::from_text("a", new.into_iter().collect());
            let indexed = Anchorer::indexed(&new, &spans);
            let scanning = Anchorer::new(&new);
            for span in &spans {
                let want = place_by_scanning(&new, span);
                prop_assert_eq!(indexed.place(span), want, "indexed, {:?}", span);
                prop_assert_eq!(scanning.place(span), want, "scanning, {:?}", span);
            }
        }
    }
}

//! Re-anchoring: placing a stored span (code-point offsets + quote) in an article whose text may
//! have changed. Order of attempts, after Hypothesis: the stored offsets if the quote is still
//! there; else every exact occurrence of the quote, scored by how much of the stored
//! prefix/suffix surrounds it and by distance from the old position; else the same search on a
//! tolerant form of the text (harakat, tatweel and whitespace differences ignored). A span that
//! cannot be placed is reported as such; the caller keeps the item as an orphan.

use crate::article::Article;

use super::model::{FileSpan, Span};

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

/// Searches one article; build once, place many spans.
pub struct Anchorer<'a> {
    article: &'a Article,
    /// The tolerant form of the text, and for each of its chars the byte range it came from.
    /// Built on the first span that is not where the file says (usually never: opening a file
    /// whose article did not change must not fold the whole text, 16 bytes per character).
    folded: std::sync::OnceLock<Folded>,
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
            folded: std::sync::OnceLock::new(),
        }
    }

    /// Places `span` in the article, or `None` when it cannot be placed.
    pub fn place(&self, span: &FileSpan) -> Option<(Span, Placement)> {
        if span.exact.is_empty() {
            return None;
        }
        if let Ok(s) = span.to_bytes(self.article) {
            return Some((s, Placement::Unchanged));
        }
        let text = &self.article.text;
        let candidates: Vec<Span> = text
            .match_indices(span.exact.as_str())
            .map(|(b, m)| Span {
                start: b,
                end: b + m.len(),
            })
            .collect();
        if let Some(best) = self.best(span, &candidates) {
            return Some((best, Placement::Moved));
        }
        let (needle, _) = fold(&span.exact);
        let needle = needle.trim();
        if needle.is_empty() {
            return None;
        }
        let folded = self.folded.get_or_init(|| {
            let (text, map) = fold(&self.article.text);
            Folded { text, map }
        });
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
        self.best(span, &candidates)
            .map(|s| (s, Placement::Tolerant))
    }

    /// The candidate with the most matching context, nearest to the old position on ties.
    /// A short quote found only in unrelated surroundings (its sentence was deleted, the word
    /// occurs elsewhere) is not placed: a misplaced annotation is worse than a listed orphan.
    fn best(&self, span: &FileSpan, candidates: &[Span]) -> Option<Span> {
        let text = &self.article.text;
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
                let distance = self.article.byte_to_char(c.start).abs_diff(span.start);
                (context, distance, *c)
            })
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
            .filter(|(context, _, _)| distinctive || *context >= needed)
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
    fn missing_quote_is_unplaceable() {
        let old = Article::from_text("a", "قال زيد".into());
        let span = file_span(&old, "زيد", 0);
        let new = Article::from_text("a", "قال عمرو".into());
        assert_eq!(Anchorer::new(&new).place(&span), None);
    }
}

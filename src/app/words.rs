//! Words of the article for the word cursor: UAX #29 word boundaries with at least one letter or
//! digit, found from the nearest whitespace before a position, so that moving never scans more
//! than it passes over, even in a paragraph of megabytes.
//! Plain logic over the article (no terminal types).

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::article::Article;

/// Words of one paragraph, as article byte ranges in reading (logical) order.
pub fn paragraph_words(article: &Article, paragraph: usize) -> Vec<Range<usize>> {
    let Some(range) = article.paragraphs.get(paragraph) else {
        return Vec::new();
    };
    let base = range.start;
    article
        .paragraph_text(paragraph)
        .split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(i, w)| base + i..base + i + w.len())
        .collect()
}

/// How far back from a position a word search looks for whitespace to start segmenting from:
/// in a long paragraph (a 10 MB line) a word motion segments a few words, not the paragraph.
const SYNC_BYTES: usize = 4096;

/// A byte of paragraph text `text`, at or before `at`, from which UAX #29 segmentation finds
/// the boundaries of the whole paragraph for every word starting after the first whitespace
/// there (see [`words_from`]): the last character before the last run of whitespace in the
/// [`SYNC_BYTES`] before `at`, or the paragraph's start.
fn sync_point(text: &str, at: usize) -> usize {
    let at = floor_boundary(text, at);
    let low = floor_boundary(text, at.saturating_sub(SYNC_BYTES));
    let Some(space) = text[low..at].rfind(char::is_whitespace) else {
        return 0;
    };
    let before_run = text[..low + space]
        .trim_end_matches(char::is_whitespace)
        .len();
    match before_run {
        0 => 0,
        end => floor_boundary(text, end - 1),
    }
}

fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The words of paragraph `paragraph` from its text's byte `from` (a [`sync_point`]) on, as
/// article byte ranges, lazily. Segmenting from the middle of a paragraph may cut the word
/// there (or a mark off a space), so words are taken from the first whitespace segment that is
/// not the first on: from there the boundaries are those of the whole paragraph.
fn words_from(
    article: &Article,
    paragraph: usize,
    from: usize,
) -> impl Iterator<Item = Range<usize>> + '_ {
    let base = article.paragraphs.get(paragraph).map_or(0, |r| r.start);
    let text = article.paragraph_text(paragraph);
    let from = floor_boundary(text, from);
    let mut trusted = from == 0;
    text[from..]
        .split_word_bound_indices()
        .enumerate()
        .filter(move |(n, (_, w))| {
            if trusted {
                return true;
            }
            // that segment is one of the paragraph's too (a space with marks on it)
            trusted = *n > 0 && w.starts_with(char::is_whitespace);
            trusted
        })
        .filter(|(_, (_, w))| w.chars().any(char::is_alphanumeric))
        .map(move |(_, (i, w))| base + from + i..base + from + i + w.len())
}

/// The words of `paragraph` that may reach article byte `at` or lie after it.
fn words_around(
    article: &Article,
    paragraph: usize,
    at: usize,
) -> impl Iterator<Item = Range<usize>> + '_ {
    let from = article.paragraphs.get(paragraph).map_or(0, |r| {
        sync_point(
            article.paragraph_text(paragraph),
            at.saturating_sub(r.start),
        )
    });
    words_from(article, paragraph, from)
}

/// Words overlapping a byte range (a visual row), in logical order.
pub fn words_in(article: &Article, paragraph: usize, range: &Range<usize>) -> Vec<Range<usize>> {
    words_around(article, paragraph, range.start)
        .take_while(|w| w.start < range.end)
        .filter(|w| range.start < w.end)
        .collect()
}

/// The first word starting at or after byte `from`.
pub fn word_at_or_after(article: &Article, from: usize) -> Option<Range<usize>> {
    let count = article.paragraphs.len();
    let first = article.paragraph_at(from);
    (first..count).find_map(|p| words_around(article, p, from).find(|w| w.start >= from))
}

/// The last word starting before byte `before`.
pub fn word_before(article: &Article, before: usize) -> Option<Range<usize>> {
    if article.paragraphs.is_empty() {
        return None;
    }
    let last = article.paragraph_at(before);
    (0..=last)
        .rev()
        .find_map(|p| last_word_before(article, p, before))
}

/// The first word of `paragraph` that may reach byte `at` or lie after it (segmenting from
/// there on) for which `wanted` holds: one starting after `at`, say, or ending after it.
pub fn first_word_of_paragraph(
    article: &Article,
    paragraph: usize,
    at: usize,
    wanted: impl Fn(&Range<usize>) -> bool,
) -> Option<Range<usize>> {
    words_around(article, paragraph, at).find(|w| wanted(w))
}

/// The last word of `paragraph` ending before byte `end`: the last one starting before it, or
/// when that one reaches `end`, the one before that (words never overlap).
pub fn word_of_paragraph_ending_before(
    article: &Article,
    paragraph: usize,
    end: usize,
) -> Option<Range<usize>> {
    let last = last_word_before(article, paragraph, end)?;
    if last.end < end {
        Some(last)
    } else {
        last_word_before(article, paragraph, last.start)
    }
}

/// The last word of `paragraph` starting before byte `before`, segmenting backwards a stretch
/// at a time from there.
pub fn last_word_before(
    article: &Article,
    paragraph: usize,
    before: usize,
) -> Option<Range<usize>> {
    let base = article.paragraphs.get(paragraph)?.start;
    let text = article.paragraph_text(paragraph);
    let mut until = before.saturating_sub(base).min(text.len());
    loop {
        let from = sync_point(text, until);
        let found = words_from(article, paragraph, from)
            .take_while(|w| w.start < before)
            .last();
        if found.is_some() || from == 0 {
            return found;
        }
        until = from;
    }
}

/// The word containing byte `at`, or else the nearest word after it.
pub fn word_near(article: &Article, at: usize) -> Option<Range<usize>> {
    let p = article.paragraph_at(at);
    words_around(article, p, at)
        .take_while(|w| w.start <= at)
        .find(|w| w.contains(&at))
        .or_else(|| word_at_or_after(article, at))
        .or_else(|| word_before(article, at))
}

/// How many words lie inside the byte range `range` (which may cross paragraphs).
pub fn words_between(article: &Article, range: Range<usize>) -> usize {
    if article.paragraphs.is_empty() {
        return 0;
    }
    let (first, last) = (
        article.paragraph_at(range.start),
        article.paragraph_at(range.end),
    );
    (first..=last)
        .map(|p| {
            words_around(article, p, range.start)
                .take_while(|w| w.start < range.end)
                .filter(|w| w.start >= range.start && w.end <= range.end)
                .count()
        })
        .sum()
}

pub fn first_word(article: &Article) -> Option<Range<usize>> {
    word_at_or_after(article, 0)
}

pub fn last_word(article: &Article) -> Option<Range<usize>> {
    word_before(article, article.text.len() + 1)
}

pub fn next_word(article: &Article, current: &Range<usize>) -> Option<Range<usize>> {
    word_at_or_after(article, current.end.max(current.start + 1))
}

pub fn prev_word(article: &Article, current: &Range<usize>) -> Option<Range<usize>> {
    word_before(article, current.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Article {
        Article::from_text("t", "أعلن المتحدث، السبت.\n\n(قسد) 3 عناصر\n".into())
    }

    fn text<'a>(a: &'a Article, r: &Range<usize>) -> &'a str {
        &a.text[r.clone()]
    }

    #[test]
    fn walks_words_across_paragraphs_both_ways() {
        let a = article();
        let mut w = first_word(&a).expect("first");
        let mut seen = vec![text(&a, &w).to_owned()];
        while let Some(n) = next_word(&a, &w) {
            w = n;
            seen.push(text(&a, &w).to_owned());
        }
        assert_eq!(seen, ["أعلن", "المتحدث", "السبت", "قسد", "3", "عناصر"]);
        assert_eq!(Some(w.clone()), last_word(&a));
        let mut back = vec![text(&a, &w).to_owned()];
        while let Some(p) = prev_word(&a, &w) {
            w = p;
            back.push(text(&a, &w).to_owned());
        }
        back.reverse();
        assert_eq!(back, seen);
    }

    proptest::proptest! {
        /// Words found from any position are those of segmenting the whole paragraph, forward
        /// and backward, whatever spaces, marks and punctuation lie around the sync point.
        #[test]
        fn words_from_anywhere_are_the_paragraphs_words(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                'a', 'b', '1', ' ', ' ', '.', ',', '،', 'ل', 'ا', 'ب', '\u{064E}', '\u{0651}',
                '\u{00A0}', '\t', '\u{200D}', '\'', '٣', '😀',
            ]), 0..300),
            at in 0usize..700,
        ) {
            let text: String = chars.into_iter().collect();
            let a = Article::from_text("t", text);
            let whole = paragraph_words(&a, 0);
            let at = at.min(a.text.len());
            proptest::prop_assert_eq!(
                word_at_or_after(&a, at),
                whole.iter().find(|w| w.start >= at).cloned()
            );
            proptest::prop_assert_eq!(
                word_before(&a, at),
                whole.iter().rev().find(|w| w.start < at).cloned()
            );
            let row = at..(at + 40).min(a.text.len());
            let overlapping: Vec<_> = whole
                .iter()
                .filter(|w| w.start < row.end && row.start < w.end)
                .cloned()
                .collect();
            proptest::prop_assert_eq!(words_in(&a, 0, &row), overlapping);
            let inside = whole.iter().filter(|w| w.start >= row.start && w.end <= row.end);
            proptest::prop_assert_eq!(words_between(&a, row.clone()), inside.count());
        }
    }

    #[test]
    fn word_near_a_position() {
        let a = article();
        let comma = a.text.find('،').expect("comma");
        assert_eq!(text(&a, &word_near(&a, comma).expect("near")), "السبت");
        assert_eq!(text(&a, &word_near(&a, 2).expect("inside")), "أعلن");
        let empty = Article::from_text("e", String::new());
        assert_eq!(first_word(&empty), None);
        assert_eq!(last_word(&empty), None);
    }
}

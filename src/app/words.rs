//! Words of the article for the word cursor: UAX #29 word boundaries with at least one letter or
//! digit, found paragraph by paragraph so that moving never scans more than it passes over.
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

/// Words overlapping a byte range (a visual row), in logical order.
pub fn words_in(article: &Article, paragraph: usize, range: &Range<usize>) -> Vec<Range<usize>> {
    paragraph_words(article, paragraph)
        .into_iter()
        .filter(|w| w.start < range.end && range.start < w.end)
        .collect()
}

/// The first word starting at or after byte `from`.
pub fn word_at_or_after(article: &Article, from: usize) -> Option<Range<usize>> {
    let count = article.paragraphs.len();
    let first = article.paragraph_at(from);
    (first..count).find_map(|p| {
        paragraph_words(article, p)
            .into_iter()
            .find(|w| w.start >= from)
    })
}

/// The last word starting before byte `before`.
pub fn word_before(article: &Article, before: usize) -> Option<Range<usize>> {
    if article.paragraphs.is_empty() {
        return None;
    }
    let last = article.paragraph_at(before);
    (0..=last).rev().find_map(|p| {
        paragraph_words(article, p)
            .into_iter()
            .rev()
            .find(|w| w.start < before)
    })
}

/// The word containing byte `at`, or else the nearest word after it.
pub fn word_near(article: &Article, at: usize) -> Option<Range<usize>> {
    let p = article.paragraph_at(at);
    paragraph_words(article, p)
        .into_iter()
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
            paragraph_words(article, p)
                .iter()
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

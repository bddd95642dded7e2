//! Text search that ignores harakat, tatweel, invisible characters and Arabic letter variants
//! (أ/إ/آ/ٱ/ا, ى/ي, ة/ه, Persian letters and digits), returning byte ranges of the original text
//! so that highlights land exactly on what the reader sees.
//!
//! Folding is [`crate::text::normalize::fold_char`] (the shared matching normalisation); this
//! module keeps its own compact offset map (runs instead of two words per byte) so a 9 MB
//! article indexes quickly and cheaply.

use std::ops::Range;

use crate::article::Article;
use crate::text::normalize::{Fold, fold_char, is_arabic_mark, normalize_str};

/// A stretch of folded text and the original bytes it came from. Linear runs map byte for byte
/// (every character kept the same UTF-8 length); a non-linear run is one original character
/// whose folded form has a different length (an Arabic-Indic digit folded to ASCII, a ligature
/// expanded to two letters).
#[derive(Clone, Copy, Debug)]
struct Run {
    folded: u32,
    original: u32,
    folded_len: u32,
    original_len: u32,
    /// Bytes of combining marks right after the run (they break linearity, so they only ever
    /// follow a run's last character); a match ending there covers them too.
    trailing_marks: u32,
    linear: bool,
}

/// The folded text of an article and the map back to original bytes. Build it once per article
/// (about 30 ms for 9 MB in release) and query it as the user types.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    folded: String,
    runs: Vec<Run>,
    original_len: usize,
}

impl SearchIndex {
    /// Folds `text`. Texts over 4 GiB are not supported by the u32 map; articles are capped far
    /// below that (`article::MAX_ARTICLE_BYTES`), and longer input is truncated at a character
    /// boundary rather than panicking.
    pub fn new(text: &str) -> Self {
        let text = truncate_to_u32(text);
        let mut folded = String::with_capacity(text.len());
        let mut runs: Vec<Run> = Vec::new();
        for (offset, c) in text.char_indices() {
            let mut one = [0u8; 4];
            let out: &str = match fold_char(c) {
                Fold::Drop => {
                    // Marks and tatweel belong to the letter before them; a match ending on
                    // that letter covers them.
                    if (is_arabic_mark(c) || c == '\u{0640}')
                        && let Some(last) = runs.last_mut()
                        && (last.original + last.original_len + last.trailing_marks) as usize
                            == offset
                    {
                        last.trailing_marks += c.len_utf8() as u32;
                    }
                    continue;
                }
                Fold::Char(f) => f.encode_utf8(&mut one),
                Fold::Expand(s) => s,
            };
            let original = offset as u32;
            let at = folded.len() as u32;
            let (f_len, o_len) = (out.len() as u32, c.len_utf8() as u32);
            folded.push_str(out);
            let linear = f_len == o_len && out.chars().count() == 1;
            if linear
                && let Some(last) = runs.last_mut()
                && last.linear
                && last.folded + last.folded_len == at
                && last.original + last.original_len == original
                && last.trailing_marks == 0
            {
                last.folded_len += f_len;
                last.original_len += o_len;
                continue;
            }
            runs.push(Run {
                folded: at,
                original,
                folded_len: f_len,
                original_len: o_len,
                trailing_marks: 0,
                linear,
            });
        }
        SearchIndex {
            folded,
            runs,
            original_len: text.len(),
        }
    }

    /// Length in bytes of the indexed original text.
    pub fn original_len(&self) -> usize {
        self.original_len
    }

    fn run_containing(&self, folded_pos: u32) -> Option<&Run> {
        let i = self
            .runs
            .partition_point(|r| r.folded <= folded_pos)
            .checked_sub(1)?;
        let run = self.runs.get(i)?;
        (folded_pos < run.folded + run.folded_len).then_some(run)
    }

    fn original_start(&self, folded_pos: u32) -> Option<usize> {
        let run = self.run_containing(folded_pos)?;
        Some(if run.linear {
            (run.original + (folded_pos - run.folded)) as usize
        } else {
            run.original as usize
        })
    }

    /// Original end for a match whose last folded byte is `folded_last`, extended over the
    /// combining marks that follow the last letter.
    fn original_end(&self, folded_last: u32) -> Option<usize> {
        let run = self.run_containing(folded_last)?;
        let last_of_run = folded_last + 1 == run.folded + run.folded_len;
        let end = if last_of_run {
            run.original + run.original_len + run.trailing_marks
        } else if run.linear {
            run.original + (folded_last - run.folded) + 1
        } else {
            run.original + run.original_len
        };
        Some(end as usize)
    }

    /// Every non-overlapping match of `query`, as byte ranges of the original text, in order.
    /// An empty query (or one made only of ignored characters) matches nothing.
    pub fn find_all(&self, query: &str) -> Vec<Range<usize>> {
        let needle = normalize_str(query);
        if needle.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (pos, matched) in self.folded.match_indices(needle.as_str()) {
            let (start, last) = (pos as u32, (pos + matched.len() - 1) as u32);
            if let (Some(s), Some(e)) = (self.original_start(start), self.original_end(last)) {
                out.push(s..e);
            }
        }
        out
    }

    /// The first match starting at or after byte `from` of the original, wrapping to the first
    /// match of the text; for `n`.
    pub fn next_match(&self, query: &str, from: usize) -> Option<Range<usize>> {
        let all = self.find_all(query);
        let i = all.partition_point(|m| m.start < from);
        all.get(i).or_else(|| all.first()).cloned()
    }

    /// The last match starting before byte `before`, wrapping to the last match; for `N`.
    pub fn previous_match(&self, query: &str, before: usize) -> Option<Range<usize>> {
        let all = self.find_all(query);
        let i = all.partition_point(|m| m.start < before);
        i.checked_sub(1)
            .and_then(|i| all.get(i))
            .or_else(|| all.last())
            .cloned()
    }
}

fn truncate_to_u32(text: &str) -> &str {
    let limit = u32::MAX as usize - 8;
    if text.len() <= limit {
        return text;
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Every match of `query` in the article, as byte ranges of `article.text`. Builds a fresh
/// index; keep a [`SearchIndex`] when searching the same article repeatedly.
pub fn find_all(article: &Article, query: &str) -> Vec<Range<usize>> {
    find_all_in(&article.text, query)
}

/// [`find_all`] on plain text.
pub fn find_all_in(text: &str, query: &str) -> Vec<Range<usize>> {
    if normalize_str(query).is_empty() {
        return Vec::new();
    }
    SearchIndex::new(text).find_all(query)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(text: &'a str, query: &str) -> Vec<&'a str> {
        find_all_in(text, query)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn ignores_harakat_in_text_and_query() {
        let text = "أَعْلَنَتْ الْأَكَادِيمِيَّةُ عَنْ تَرْشِيحَاتِهَا";
        assert_eq!(found(text, "اعلنت"), vec!["أَعْلَنَتْ"]);
        assert_eq!(found(text, "الأكاديمية"), vec!["الْأَكَادِيمِيَّةُ"]);
        assert_eq!(found("أعلنت الوزارة", "أَعْلَنَتْ"), vec!["أعلنت"]);
    }

    #[test]
    fn ignores_tatweel_and_invisibles() {
        assert_eq!(found("الانظمـــة الجديدة", "الانظمة"), vec!["الانظمـــة"]);
        assert_eq!(
            found("قال\u{200F} الوزير", "قال الوزير"),
            vec!["قال\u{200F} الوزير"]
        );
        assert_eq!(found("حل\u{200C}ب", "حلب"), vec!["حل\u{200C}ب"]);
    }

    #[test]
    fn folds_letter_variants_both_ways() {
        let text = "إعلان آخر أعلن اعلان مستشفى مستشفي الوزارة الوزاره";
        assert_eq!(found(text, "اعلان"), vec!["إعلان", "اعلان"]);
        assert_eq!(found(text, "أخر"), vec!["آخر"]);
        assert_eq!(found(text, "مستشفى"), vec!["مستشفى", "مستشفي"]);
        assert_eq!(found(text, "الوزارة"), vec!["الوزارة", "الوزاره"]);
        assert_eq!(found("٣ عناصر و3 آخرين", "3"), vec!["٣", "3"]);
    }

    #[test]
    fn latin_is_case_insensitive() {
        assert_eq!(found("COVID-19 and covid", "Covid"), vec!["COVID", "covid"]);
    }

    #[test]
    fn match_ends_cover_trailing_marks_but_not_leading_ones() {
        let text = "وَقَالَ";
        let ranges = find_all_in(text, "قال");
        assert_eq!(ranges.len(), 1);
        assert_eq!(&text[ranges[0].clone()], "قَالَ");
        assert!(text.is_char_boundary(ranges[0].start) && text.is_char_boundary(ranges[0].end));
    }

    #[test]
    fn ranges_are_exact_original_bytes_after_length_changes() {
        // Arabic-Indic digits shrink from 2 bytes to 1 when folded; later matches must not drift.
        let text = "في ٢٠٢٥ أعلن وفي ٢٠٢٦ أعلنت";
        let ranges = find_all_in(text, "اعلن");
        assert_eq!(ranges.len(), 2);
        assert_eq!(&text[ranges[0].clone()], "أعلن");
        assert_eq!(&text[ranges[1].clone()], "أعلن");
        assert_eq!(ranges[1].start, text.rfind("أعلنت").unwrap());
        assert_eq!(found(text, "2025"), vec!["٢٠٢٥"]);
    }

    #[test]
    fn ligatures_match_their_letters_and_map_to_the_whole_glyph() {
        let text = "ﻻ شيء ثم لا";
        assert_eq!(found(text, "لا"), vec!["ﻻ", "لا"]);
        let ranges = find_all_in(text, "شيء ثم");
        assert_eq!(&text[ranges[0].clone()], "شيء ثم");
    }

    #[test]
    fn empty_or_mark_only_query_matches_nothing() {
        assert!(find_all_in("قال الوزير", "").is_empty());
        assert!(find_all_in("قال الوزير", "\u{064E}\u{0640}").is_empty());
    }

    #[test]
    fn query_longer_than_text_matches_nothing() {
        assert!(find_all_in("قال", "قال الوزير").is_empty());
        assert!(find_all_in("", "قال").is_empty());
    }

    #[test]
    fn finds_all_occurrences_in_the_sample() {
        let article = Article::sample();
        let hits = find_all(&article, "داعش");
        assert_eq!(hits.len(), article.text.matches("داعش").count());
        for r in hits {
            assert_eq!(&article.text[r], "داعش");
        }
    }

    #[test]
    fn next_and_previous_wrap_around() {
        let text = "قال ثم قال ثم قال";
        let index = SearchIndex::new(text);
        let all = index.find_all("قال");
        assert_eq!(all.len(), 3);
        assert_eq!(
            index.next_match("قال", all[0].start + 1),
            Some(all[1].clone())
        );
        assert_eq!(
            index.next_match("قال", all[2].start + 1),
            Some(all[0].clone())
        );
        assert_eq!(
            index.previous_match("قال", all[1].start),
            Some(all[0].clone())
        );
        assert_eq!(
            index.previous_match("قال", all[0].start),
            Some(all[2].clone())
        );
        assert_eq!(index.next_match("غير", 0), None);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_ranges_fold_to_the_query(
            text in "[\\PC\u{064B}-\u{0652}\u{0640}\u{200F}أإآاىيةه٠-٩ ]{0,60}",
            query in "[\\PC\u{064B}-\u{0652}\u{0640}أإآاىيةه٠-٩ ]{0,6}",
        ) {
            let needle = normalize_str(&query);
            let ranges = find_all_in(&text, &query);
            let mut previous_end = 0;
            for r in ranges {
                proptest::prop_assert!(r.start >= previous_end && r.start < r.end && r.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                proptest::prop_assert_eq!(normalize_str(&text[r.clone()]), needle.clone());
                previous_end = r.end;
            }
        }
    }
}

//! Text search that ignores harakat, tatweel, invisible characters and Arabic letter variants
//! (أ/إ/آ/ٱ/ا, ى/ي, ة/ه, Persian letters and digits), returning byte ranges of the original text
//! so that highlights land exactly on what the reader sees.
//!
//! The folding here is the matching layer of `notes/arabic-extraction.md` §2.2 (level L2, without
//! NFKC ligature expansion). It lives in this module until the shared normaliser in
//! `text::normalize` exists; [`fold_char`] is crate-visible so the cue suggester folds words the
//! same way search does.

use std::ops::Range;

use crate::article::Article;

/// What one original character becomes in the folded text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Folded {
    /// Dropped: harakat and other combining marks, tatweel, invisible format characters.
    Drop,
    /// Replaced by (or kept as) this character.
    Char(char),
}

/// True for combining marks that sit on the preceding letter (harakat, Quranic signs). A match
/// that ends on a letter also covers these, so highlighting a word includes its vowels.
pub(crate) fn is_arabic_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}')
}

/// Format characters that carry no visible text: joiners, bidi marks and embeddings, BOM,
/// soft hyphen, word joiner.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}'
        | '\u{061C}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}')
}

/// Folds one character for matching.
pub(crate) fn fold_char(c: char) -> Folded {
    if is_arabic_mark(c) || is_invisible(c) || c == '\u{0640}' {
        return Folded::Drop;
    }
    let folded = match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' | '\u{0675}' => 'ا',
        'ى' | 'ی' | 'ې' | 'ۍ' | 'ێ' | 'ے' => 'ي',
        'ة' | 'ە' | 'ۀ' | 'ھ' => 'ه',
        'ک' => 'ك',
        'ڤ' => 'ف',
        'پ' => 'ب',
        'چ' => 'ج',
        'ژ' => 'ز',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        c if c.is_ascii_uppercase() => c.to_ascii_lowercase(),
        c if c.is_uppercase() => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
        c => c,
    };
    Folded::Char(folded)
}

/// Folds a whole string (no offset map); used for lexicon keys and queries.
pub(crate) fn fold_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if let Folded::Char(f) = fold_char(c) {
            out.push(f);
        }
    }
    out
}

/// A stretch of folded text and the original bytes it came from. Linear runs map byte for byte
/// (every character kept the same UTF-8 length); a non-linear run is one original character
/// whose folded form has a different length (e.g. an Arabic-Indic digit folded to ASCII).
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
            let Folded::Char(f) = fold_char(c) else {
                if is_arabic_mark(c)
                    && let Some(last) = runs.last_mut()
                    && (last.original + last.original_len + last.trailing_marks) as usize == offset
                {
                    last.trailing_marks += c.len_utf8() as u32;
                }
                continue;
            };
            let original = offset as u32;
            let at = folded.len() as u32;
            let (f_len, o_len) = (f.len_utf8() as u32, c.len_utf8() as u32);
            folded.push(f);
            if f_len == o_len {
                if let Some(last) = runs.last_mut()
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
                    linear: true,
                });
            } else {
                runs.push(Run {
                    folded: at,
                    original,
                    folded_len: f_len,
                    original_len: o_len,
                    trailing_marks: 0,
                    linear: false,
                });
            }
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
        let end = if !last_of_run {
            run.original + (folded_last - run.folded) + 1
        } else {
            run.original + run.original_len + run.trailing_marks
        };
        Some(end as usize)
    }

    /// Every non-overlapping match of `query`, as byte ranges of the original text, in order.
    /// An empty query (or one made only of ignored characters) matches nothing.
    pub fn find_all(&self, query: &str) -> Vec<Range<usize>> {
        let needle = fold_str(query);
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
    if fold_str(query).is_empty() {
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
            let needle = fold_str(&query);
            let ranges = find_all_in(&text, &query);
            let mut previous_end = 0;
            for r in ranges {
                proptest::prop_assert!(r.start >= previous_end && r.start < r.end && r.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                proptest::prop_assert_eq!(fold_str(&text[r.clone()]), needle.clone());
                previous_end = r.end;
            }
        }
    }
}

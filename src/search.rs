//! Text search that ignores harakat, tatweel, invisible characters and Arabic letter variants
//! (أ/إ/آ/ٱ/ا, ى/ي, ة/ه, Persian letters and digits), returning byte ranges of the original text
//! so that highlights land exactly on what the reader sees.
//!
//! Folding is [`crate::text::normalize::fold_char`] (the shared matching normalisation); this
//! module keeps its own compact offset map (runs instead of two words per byte) so a 9 MB
//! article indexes quickly and cheaply.

use std::ops::Range;
use std::sync::LazyLock;

use rayon::prelude::*;

use crate::article::Article;
use crate::text::normalize::{Fold, fold_char, is_arabic_mark, normalize_str};

/// A stretch of folded text and the original bytes it came from. Linear runs map byte for byte
/// (every character kept the same UTF-8 length); a non-linear run is one original character
/// whose folded form has a different length (an Arabic-Indic digit folded to ASCII, a ligature
/// expanded to two letters).
/// 16 bytes: fully diacritised text has one run per letter.
#[derive(Clone, Copy, Debug)]
struct Run {
    folded: u32,
    original: u32,
    original_len: u32,
    /// 0 for a linear run (folded length = original length), else the folded length of the
    /// one character (at most a few bytes).
    nonlinear_folded_len: u16,
    /// Bytes of combining marks right after the run (they break linearity, so they only ever
    /// follow a run's last character); a match ending there covers them too. Saturates: a
    /// longer pile of marks is simply not all highlighted.
    trailing_marks: u16,
}

impl Run {
    fn linear(&self) -> bool {
        self.nonlinear_folded_len == 0
    }

    fn folded_len(&self) -> u32 {
        if self.linear() {
            self.original_len
        } else {
            u32::from(self.nonlinear_folded_len)
        }
    }

    fn original_end(&self) -> u32 {
        self.original + self.original_len + u32::from(self.trailing_marks)
    }
}

/// The folded text of an article and the map back to original bytes. Build it once per article
/// and query it as the user types (see `examples/search_speed.rs` for timings).
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    folded: String,
    runs: Vec<Run>,
    original_len: usize,
}

/// Which ASCII characters and which characters of the Arabic block (U+0600–U+06FF, two
/// UTF-8 bytes) fold to themselves, computed from [`fold_char`] so the fast path can never
/// disagree with it.
struct UnchangedTable {
    ascii: [bool; 128],
    arabic: [bool; 256],
    /// Dropped marks and tatweel of the Arabic block, which extend the previous letter.
    arabic_mark: [bool; 256],
}

static UNCHANGED: LazyLock<UnchangedTable> = LazyLock::new(|| {
    let mut table = UnchangedTable {
        ascii: [false; 128],
        arabic: [false; 256],
        arabic_mark: [false; 256],
    };
    for (i, slot) in table.ascii.iter_mut().enumerate() {
        let c = char::from(i as u8);
        *slot = fold_char(c) == Fold::Char(c);
    }
    for (i, slot) in table.arabic.iter_mut().enumerate() {
        if let Some(c) = char::from_u32(0x600 + i as u32) {
            *slot = fold_char(c) == Fold::Char(c);
            table.arabic_mark[i] =
                fold_char(c) == Fold::Drop && (is_arabic_mark(c) || c == '\u{0640}');
        }
    }
    table
});

/// State while folding: identical stretches are copied in bulk, and the current linear run
/// is open until a character changes length or is dropped.
struct Builder<'a> {
    text: &'a str,
    folded: String,
    runs: Vec<Run>,
    /// Original offset of identical bytes not yet copied into `folded`.
    copy_from: usize,
    /// (folded, original) start of the linear run in progress.
    open_run: Option<(u32, u32)>,
}

impl Builder<'_> {
    /// Copies the pending identical bytes up to `offset` and skips the `len` bytes there.
    fn flush(&mut self, offset: usize, len: usize) {
        if let Some(pending) = self.text.get(self.copy_from..offset) {
            self.folded.push_str(pending);
        }
        self.copy_from = offset + len;
    }

    /// Ends the linear run in progress at original `offset` (everything before it is flushed).
    fn close_run(&mut self, offset: usize) {
        if let Some((folded, original)) = self.open_run.take() {
            let folded_len = self.folded.len() as u32 - folded;
            if folded_len > 0 {
                self.runs.push(Run {
                    folded,
                    original,
                    original_len: offset as u32 - original,
                    nonlinear_folded_len: 0,
                    trailing_marks: 0,
                });
            }
        }
    }
}

impl SearchIndex {
    /// Folds `text`. Texts over 4 GiB are not supported by the u32 map; articles are capped far
    /// below that (`article::MAX_ARTICLE_BYTES`), and longer input is truncated at a character
    /// boundary rather than panicking.
    pub fn new(text: &str) -> Self {
        let text = truncate_to_u32(text);
        let chunks = split_at_spaces(text, PARALLEL_CHUNK_BYTES);
        if chunks.len() < 2 {
            let (folded, runs) = fold_chunk(text);
            return SearchIndex {
                folded,
                runs,
                original_len: text.len(),
            };
        }
        // Chunks end before a space, so no run or trailing mark crosses a boundary; their
        // results are concatenated with shifted offsets.
        let parts: Vec<(usize, String, Vec<Run>)> = chunks
            .par_iter()
            .map(|r| {
                let (folded, runs) = fold_chunk(&text[r.clone()]);
                (r.start, folded, runs)
            })
            .collect();
        let mut folded = String::with_capacity(text.len());
        let mut runs = Vec::with_capacity(parts.iter().map(|p| p.2.len()).sum());
        for (original_start, part_folded, part_runs) in parts {
            let folded_start = folded.len() as u32;
            folded.push_str(&part_folded);
            runs.extend(part_runs.into_iter().map(|mut r| {
                r.folded += folded_start;
                r.original += original_start as u32;
                r
            }));
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

    /// Index of the run containing folded byte `pos`, searching forward from run `from`
    /// (galloping, so a sorted sequence of lookups walks the runs once).
    fn locate(&self, from: usize, pos: u32) -> Option<usize> {
        let runs = self.runs.get(from..)?;
        let mut hi = 1;
        while hi < runs.len() && runs[hi].folded <= pos {
            hi *= 2;
        }
        let lo = hi / 2;
        let hi = hi.min(runs.len());
        let i = lo + runs[lo..hi].partition_point(|r| r.folded <= pos);
        let i = i.checked_sub(1)?;
        let run = runs.get(i)?;
        (pos < run.folded + run.folded_len()).then_some(from + i)
    }

    fn original_start(&self, run: &Run, folded_pos: u32) -> usize {
        (if run.linear() {
            run.original + (folded_pos - run.folded)
        } else {
            run.original
        }) as usize
    }

    /// Original end for a match whose last folded byte is `folded_last`, extended over the
    /// combining marks that follow the last letter.
    fn original_end(&self, run: &Run, folded_last: u32) -> usize {
        let last_of_run = folded_last + 1 == run.folded + run.folded_len();
        (if last_of_run {
            run.original_end()
        } else if run.linear() {
            run.original + (folded_last - run.folded) + 1
        } else {
            run.original + run.original_len
        }) as usize
    }

    /// Every non-overlapping match of `query`, as byte ranges of the original text, in order.
    /// An empty query (or one made only of ignored characters) matches nothing.
    pub fn find_all(&self, query: &str) -> Vec<Range<usize>> {
        let needle = normalize_str(query);
        if needle.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut cursor = 0;
        for (pos, matched) in self.folded.match_indices(needle.as_str()) {
            let (start, last) = (pos as u32, (pos + matched.len() - 1) as u32);
            let Some(first_run) = self.locate(cursor, start) else {
                continue;
            };
            cursor = first_run;
            let Some(last_run) = self.locate(first_run, last) else {
                continue;
            };
            let s = self.original_start(&self.runs[first_run], start);
            let e = self.original_end(&self.runs[last_run], last);
            out.push(s..e);
        }
        out
    }
}

/// Index of the first match starting at or after byte `from`, wrapping to the first match;
/// for `n`. `matches` is a result of [`SearchIndex::find_all`] (sorted).
pub fn next_match(matches: &[Range<usize>], from: usize) -> Option<usize> {
    if matches.is_empty() {
        return None;
    }
    let i = matches.partition_point(|m| m.start < from);
    Some(if i < matches.len() { i } else { 0 })
}

/// Index of the last match starting before byte `before`, wrapping to the last match; for `N`.
pub fn previous_match(matches: &[Range<usize>], before: usize) -> Option<usize> {
    let last = matches.len().checked_sub(1)?;
    let i = matches.partition_point(|m| m.start < before);
    Some(i.checked_sub(1).unwrap_or(last))
}

/// Texts larger than this are folded in parallel chunks.
const PARALLEL_CHUNK_BYTES: usize = 1 << 20;

/// Splits `text` into ranges of about `size` bytes, each ending just before an ASCII space or
/// newline (so never inside a character or between a letter and its marks).
fn split_at_spaces(text: &str, size: usize) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > size {
        let Some(cut) = bytes[start + size..]
            .iter()
            .position(|b| *b == b' ' || *b == b'\n')
            .map(|p| start + size + p)
        else {
            break;
        };
        out.push(start..cut);
        start = cut;
    }
    out.push(start..text.len());
    out
}

/// Folds one stretch of text: the folded string and its runs, offsets relative to the stretch.
fn fold_chunk(text: &str) -> (String, Vec<Run>) {
    let mut b = Builder {
        text,
        folded: String::with_capacity(text.len()),
        runs: Vec::new(),
        copy_from: 0,
        open_run: None,
    };
    let bytes = text.as_bytes();
    let table = &*UNCHANGED;
    let mut offset = 0;
    while offset < bytes.len() {
        // Most characters are ASCII or Arabic letters that fold to themselves: a table
        // lookup on the raw bytes says so without decoding, and they are copied in bulk
        // later, only extending the current linear run.
        let lead = bytes[offset];
        let (unchanged, mark) = if lead < 0x80 {
            (table.ascii[lead as usize], false)
        } else if (0xD8..=0xDB).contains(&lead) {
            let cp = (usize::from(lead & 0x1F) << 6)
                | usize::from(bytes.get(offset + 1).copied().unwrap_or(0) & 0x3F);
            (table.arabic[cp - 0x600], table.arabic_mark[cp - 0x600])
        } else {
            (false, false)
        };
        if mark {
            b.flush(offset, 2);
            b.close_run(offset);
            if let Some(last) = b.runs.last_mut()
                && last.original_end() as usize == offset
            {
                last.trailing_marks = last.trailing_marks.saturating_add(2);
            }
            offset += 2;
            continue;
        }
        if unchanged {
            if b.open_run.is_none() {
                let at = b.folded.len() + (offset - b.copy_from);
                b.open_run = Some((at as u32, offset as u32));
            }
            offset += if lead < 0x80 { 1 } else { 2 };
            continue;
        }
        let Some(c) = text.get(offset..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let next = offset + c.len_utf8();
        let fold = fold_char(c);
        if fold == Fold::Char(c) {
            if b.open_run.is_none() {
                let at = b.folded.len() + (offset - b.copy_from);
                b.open_run = Some((at as u32, offset as u32));
            }
            offset = next;
            continue;
        }
        b.flush(offset, c.len_utf8());
        match fold {
            Fold::Drop => {
                b.close_run(offset);
                // Marks and tatweel belong to the letter before them; a match ending on
                // that letter covers them.
                if (is_arabic_mark(c) || c == '\u{0640}')
                    && let Some(last) = b.runs.last_mut()
                    && last.original_end() as usize == offset
                {
                    last.trailing_marks = last.trailing_marks.saturating_add(c.len_utf8() as u16);
                }
            }
            Fold::Char(f) if f.len_utf8() == c.len_utf8() => {
                if b.open_run.is_none() {
                    b.open_run = Some((b.folded.len() as u32, offset as u32));
                }
                b.folded.push(f);
            }
            Fold::Char(_) | Fold::Expand(_) => {
                b.close_run(offset);
                let at = b.folded.len() as u32;
                match fold {
                    Fold::Expand(out) => b.folded.push_str(out),
                    Fold::Char(f) => b.folded.push(f),
                    Fold::Drop => {}
                }
                b.runs.push(Run {
                    folded: at,
                    original: offset as u32,
                    original_len: c.len_utf8() as u32,
                    nonlinear_folded_len: (b.folded.len() as u32 - at).max(1) as u16,
                    trailing_marks: 0,
                });
            }
        }
        offset = next;
    }
    b.flush(text.len(), 0);
    b.close_run(text.len());
    (b.folded, b.runs)
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
        assert_eq!(ranges[1].start, text.rfind("أعلنت").expect("second verb"));
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
    fn agrees_with_the_shared_normaliser_on_diacritised_news() {
        let text = include_str!("../tests/data/wikinews-ar-attribution.txt");
        let norm = crate::text::normalize::NormalizedText::new(text);
        let index = SearchIndex::new(text);
        for query in [
            "قال",
            "أن",
            "الإسلام",
            "التويم",
            "2005",
            "ا",
            "ة",
            "النبي داود",
        ] {
            let needle = normalize_str(query);
            let expected: Vec<Range<usize>> = norm
                .text
                .match_indices(needle.as_str())
                .map(|(p, m)| norm.to_original(p..p + m.len()))
                .collect();
            assert!(!expected.is_empty(), "{query}");
            assert_eq!(index.find_all(query), expected, "{query}");
        }
    }

    #[test]
    fn parallel_chunks_give_the_same_matches_as_one_pass() {
        let piece = include_str!("../tests/data/wikinews-ar-attribution.txt");
        let mut text = String::new();
        while text.len() < 3 * PARALLEL_CHUNK_BYTES {
            text.push_str(piece);
            text.push_str(crate::article::SAMPLE_TEXT);
        }
        assert!(split_at_spaces(&text, PARALLEL_CHUNK_BYTES).len() >= 3);
        let chunked = SearchIndex::new(&text);
        let (folded, runs) = fold_chunk(&text);
        let single = SearchIndex {
            folded,
            runs,
            original_len: text.len(),
        };
        assert_eq!(chunked.folded, single.folded);
        for query in ["النبي داود", "داعش", "ا", "2005"] {
            let hits = chunked.find_all(query);
            assert!(!hits.is_empty());
            assert_eq!(hits, single.find_all(query), "{query}");
        }
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
        assert_eq!(next_match(&all, all[0].start + 1), Some(1));
        assert_eq!(next_match(&all, all[2].start + 1), Some(0));
        assert_eq!(previous_match(&all, all[1].start), Some(0));
        assert_eq!(previous_match(&all, all[0].start), Some(2));
        assert_eq!(next_match(&[], 0), None);
        assert_eq!(previous_match(&[], 0), None);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_ranges_fold_to_the_query(
            text in "[\\PC\u{064B}-\u{0652}\u{0640}\u{200F}أإآاىيةه٠-٩ﻻﷲ ]{0,60}",
            query in "[\\PC\u{064B}-\u{0652}\u{0640}أإآاىيةه٠-٩ ]{0,6}",
        ) {
            let needle = normalize_str(&query);
            let ranges = find_all_in(&text, &query);
            if !needle.is_empty() {
                proptest::prop_assert_eq!(ranges.len(), normalize_str(&text).matches(needle.as_str()).count());
            }
            let mut previous_end = 0;
            for r in ranges {
                proptest::prop_assert!(r.start >= previous_end && r.start < r.end && r.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                // Equal, except that a match inside a ligature (ﷲ) covers the whole glyph.
                proptest::prop_assert!(normalize_str(&text[r.clone()]).contains(needle.as_str()));
                previous_end = r.end;
            }
        }
    }
}

//! Text search that ignores harakat, tatweel, invisible characters and Arabic letter variants
//! (أ/إ/آ/ٱ/ا, ى/ي, ة/ه, Persian letters and digits), returning byte ranges of the original text
//! so that highlights land exactly on what the reader sees.
//!
//! Folding is [`crate::text::normalize::fold_char`] (the shared matching normalisation). The
//! index keeps only the folded text and a checkpoint per 256 bytes; a query refolds the segments
//! its matches fall in to map them back, so a 9 MB article indexes quickly and costs about its
//! folded size in memory.

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

    /// Original start of a match whose first folded byte, in this run, is `folded_pos`.
    fn original_start(&self, folded_pos: u32) -> usize {
        (if self.linear() {
            self.original + (folded_pos - self.folded)
        } else {
            self.original
        }) as usize
    }

    /// Original end of a match whose last folded byte, in this run, is `folded_last`;
    /// extended over the combining marks that follow the last letter.
    fn original_end_of_match(&self, folded_last: u32) -> usize {
        let last_of_run = folded_last + 1 == self.folded + self.folded_len();
        (if last_of_run {
            self.original_end()
        } else if self.linear() {
            self.original + (folded_last - self.folded) + 1
        } else {
            self.original + self.original_len
        }) as usize
    }
}

/// The folded text of an article and sparse checkpoints back to the original. The offset map
/// itself (a [`Run`] per letter of diacritised text, 16 bytes each, four times the text) is not
/// kept: a query refolds only the segments its matches fall in, so the index costs about the
/// size of the folded text.
#[derive(Clone, Debug, Default)]
pub struct FoldedIndex {
    folded: String,
    /// Where each segment starts: (folded offset, original offset). Segments are folded
    /// independently and give exactly the runs of a whole-text fold, because each starts just
    /// before a character that is not dropped (so no combining mark belongs to the segment
    /// before it).
    checkpoints: Vec<Checkpoint>,
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

impl UnchangedTable {
    /// (folds to itself, is a dropped mark or tatweel) for the character whose UTF-8 starts at
    /// `offset`, from its bytes alone; (false, false) for characters the table does not cover.
    #[inline]
    fn lookup(&self, bytes: &[u8], offset: usize) -> (bool, bool) {
        let lead = bytes[offset];
        if lead < 0x80 {
            (self.ascii[lead as usize], false)
        } else if (0xD8..=0xDB).contains(&lead) {
            let cp = (usize::from(lead & 0x1F) << 6)
                | usize::from(bytes.get(offset + 1).copied().unwrap_or(0) & 0x3F);
            (self.arabic[cp - 0x600], self.arabic_mark[cp - 0x600])
        } else {
            (false, false)
        }
    }
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
    /// Folded output; this stretch's folded offsets count from `base`.
    folded: &'a mut String,
    base: usize,
    runs: &'a mut Vec<Run>,
    /// Original offset of identical bytes not yet copied into `folded`.
    copy_from: usize,
    /// (folded, original) start of the linear run in progress.
    open_run: Option<(u32, u32)>,
}

impl Builder<'_> {
    fn folded_len(&self) -> usize {
        self.folded.len() - self.base
    }

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
            let folded_len = self.folded_len() as u32 - folded;
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

    /// Keeps the character at original `offset`, which folds to itself, in the linear run
    /// (opening one there if none is open); its bytes are copied later in bulk.
    #[inline]
    fn extend_run(&mut self, offset: usize) {
        if self.open_run.is_none() {
            let at = self.folded_len() + (offset - self.copy_from);
            self.open_run = Some((at as u32, offset as u32));
        }
    }

    /// Counts the `len` bytes of a dropped mark or tatweel at original `offset` as trailing the
    /// run before it, when that run ends there: a match ending on a letter covers its marks.
    #[inline]
    fn attach_to_previous(&mut self, offset: usize, len: usize) {
        if let Some(last) = self.runs.last_mut()
            && last.original_end() as usize == offset
        {
            last.trailing_marks = last.trailing_marks.saturating_add(len as u16);
        }
    }

    /// Folds the character `c` at original `offset`, which the byte table did not settle.
    #[inline]
    fn fold_one(&mut self, offset: usize, c: char) {
        let fold = fold_char(c);
        if fold == Fold::Char(c) {
            self.extend_run(offset);
            return;
        }
        self.flush(offset, c.len_utf8());
        match fold {
            Fold::Drop => {
                self.close_run(offset);
                // Marks and tatweel belong to the letter before them.
                if is_arabic_mark(c) || c == '\u{0640}' {
                    self.attach_to_previous(offset, c.len_utf8());
                }
            }
            Fold::Char(f) if f.len_utf8() == c.len_utf8() => {
                if self.open_run.is_none() {
                    self.open_run = Some((self.folded_len() as u32, offset as u32));
                }
                self.folded.push(f);
            }
            Fold::Char(_) | Fold::Expand(_) => self.push_nonlinear(offset, c, fold),
        }
    }

    /// Ends the run before `c` (at original `offset`), which folds to text of another length,
    /// and records the fold as a run of its own.
    #[inline]
    fn push_nonlinear(&mut self, offset: usize, c: char, fold: Fold) {
        self.close_run(offset);
        let at = self.folded_len() as u32;
        match fold {
            Fold::Expand(out) => self.folded.push_str(out),
            Fold::Char(f) => self.folded.push(f),
            Fold::Drop => {}
        }
        self.runs.push(Run {
            folded: at,
            original: offset as u32,
            original_len: c.len_utf8() as u32,
            nonlinear_folded_len: (self.folded_len() as u32 - at).max(1) as u16,
            trailing_marks: 0,
        });
    }
}

/// (folded offset, original offset) where a segment starts.
type Checkpoint = (u32, u32);

/// Original bytes per segment: a match is mapped back by refolding at most this much text.
const SEGMENT_BYTES: usize = 256;

/// Queries with more matches than this map them back on all cores.
const PARALLEL_MATCHES: usize = 2048;

/// The runs of one refolded segment, with absolute offsets; kept while the sorted matches of a
/// query walk through it.
struct SegmentRuns {
    segment: usize,
    runs: Vec<Run>,
    scratch: String,
}

impl SegmentRuns {
    fn new() -> Self {
        SegmentRuns {
            segment: usize::MAX,
            runs: Vec::new(),
            scratch: String::new(),
        }
    }

    /// The run containing folded byte `pos` of segment `segment`, refolding it if it is not the
    /// one held.
    fn run_at(&mut self, index: &FoldedIndex, text: &str, segment: usize, pos: u32) -> Option<Run> {
        if self.segment != segment {
            let (folded_start, original_start) = *index.checkpoints.get(segment)?;
            let original_end = index
                .checkpoints
                .get(segment + 1)
                .map_or(index.original_len, |c| c.1 as usize);
            self.scratch.clear();
            self.runs.clear();
            fold_into(
                text.get(original_start as usize..original_end)?,
                &mut self.scratch,
                &mut self.runs,
            );
            for run in &mut self.runs {
                run.folded += folded_start;
                run.original += original_start;
            }
            self.segment = segment;
        }
        let i = self
            .runs
            .partition_point(|r| r.folded <= pos)
            .checked_sub(1)?;
        let run = self.runs[i];
        (pos < run.folded + run.folded_len()).then_some(run)
    }
}

impl FoldedIndex {
    /// Folds `text`. Texts over 4 GiB are not supported by the u32 offsets; articles are capped
    /// far below that (`article::MAX_ARTICLE_BYTES`), and longer input is truncated at a
    /// character boundary rather than panicking.
    pub fn new(text: &str) -> Self {
        Self::with_segments(text, SEGMENT_BYTES)
    }

    fn with_segments(text: &str, segment_bytes: usize) -> Self {
        let text = truncate_to_u32(text);
        let chunks = split_at_safe_points(text, PARALLEL_CHUNK_BYTES);
        if chunks.len() < 2 {
            let (folded, checkpoints) = fold_segments(text, segment_bytes);
            return FoldedIndex {
                folded,
                checkpoints,
                original_len: text.len(),
            };
        }
        // Chunk boundaries are safe points too, so the chunks' segments are the whole text's.
        let parts: Vec<(usize, String, Vec<Checkpoint>)> = chunks
            .par_iter()
            .map(|r| {
                let (folded, checkpoints) = fold_segments(&text[r.clone()], segment_bytes);
                (r.start, folded, checkpoints)
            })
            .collect();
        let mut folded = String::with_capacity(parts.iter().map(|p| p.1.len()).sum());
        let mut checkpoints = Vec::with_capacity(parts.iter().map(|p| p.2.len()).sum());
        for (original_start, part_folded, part_checkpoints) in parts {
            let folded_start = folded.len() as u32;
            folded.push_str(&part_folded);
            checkpoints.extend(
                part_checkpoints
                    .into_iter()
                    .map(|(f, o)| (f + folded_start, o + original_start as u32)),
            );
        }
        FoldedIndex {
            folded,
            checkpoints,
            original_len: text.len(),
        }
    }

    /// Length in bytes of the indexed original text.
    pub fn original_len(&self) -> usize {
        self.original_len
    }

    /// Bytes of memory the index holds (for measurements).
    pub fn heap_bytes(&self) -> usize {
        self.folded.capacity() + self.checkpoints.capacity() * std::mem::size_of::<Checkpoint>()
    }

    /// Segment containing folded byte `pos`, searching forward from segment `from`.
    fn segment_of(&self, from: usize, pos: u32) -> usize {
        let rest = self.checkpoints.get(from..).unwrap_or(&[]);
        // Matches are dense or close together, so look at the next few segments first.
        let near = rest.len().min(4);
        let i = match rest[..near].iter().position(|c| c.0 > pos) {
            Some(i) => i,
            None => near + rest[near..].partition_point(|c| c.0 <= pos),
        };
        from + i.saturating_sub(1)
    }

    /// Every non-overlapping match of `query` in `text` (the text this index was built from),
    /// as byte ranges of it, in order. An empty query (or one made only of ignored characters)
    /// matches nothing.
    pub fn find_all(&self, text: &str, query: &str) -> Vec<Range<usize>> {
        let needle = normalize_str(query);
        if needle.is_empty() || text.len() < self.original_len {
            return Vec::new();
        }
        let positions: Vec<(u32, u32)> = self
            .folded
            .match_indices(needle.as_str())
            .map(|(pos, m)| (pos as u32, (pos + m.len() - 1) as u32))
            .collect();
        let mapped = if positions.len() < PARALLEL_MATCHES {
            self.map_matches(text, &positions)
        } else {
            // A frequent word refolds most of the text: share that between the cores.
            let group = positions.len().div_ceil(rayon::current_num_threads() * 4);
            positions
                .par_chunks(group)
                .flat_map_iter(|group| self.map_matches(text, group))
                .collect()
        };
        without_overlaps(mapped)
    }

    /// Original byte ranges of the sorted matches whose first and last folded bytes are
    /// `positions`.
    fn map_matches(&self, text: &str, positions: &[(u32, u32)]) -> Vec<Range<usize>> {
        let mut out = Vec::with_capacity(positions.len());
        // Match starts and ends each move forward only, so each side refolds a segment at
        // most once.
        let mut starts = SegmentRuns::new();
        let mut ends = SegmentRuns::new();
        let mut segment = 0;
        for &(start, last) in positions {
            segment = self.segment_of(segment, start);
            let last_segment = self.segment_of(segment, last);
            let Some(first_run) = starts.run_at(self, text, segment, start) else {
                continue;
            };
            let last_run = if last_segment == segment {
                starts.run_at(self, text, last_segment, last)
            } else {
                ends.run_at(self, text, last_segment, last)
            };
            let Some(last_run) = last_run else {
                continue;
            };
            out.push(first_run.original_start(start)..last_run.original_end_of_match(last));
        }
        out
    }
}

/// Drops a match that overlaps the one before it in the original text: one character that
/// folds to several letters (ﷲ → الله) can hold two matches of a short query, which are one
/// place to the reader (and `n` must not stop there twice).
fn without_overlaps(mut matches: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut last_end = 0;
    matches.retain(|m| {
        let keep = m.start >= last_end;
        if keep {
            last_end = m.end;
        }
        keep
    });
    matches
}

/// A [`FoldedIndex`] with the text it was built from. Build it once per article and query it as
/// the user types (see `examples/search_speed.rs` for timings); an owner of the text that
/// cannot lend it for the index's lifetime keeps the [`FoldedIndex`] and passes the text to
/// each query.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex<'a> {
    text: &'a str,
    index: FoldedIndex,
}

impl<'a> SearchIndex<'a> {
    /// Folds `text` (see [`FoldedIndex::new`]).
    pub fn new(text: &'a str) -> Self {
        SearchIndex {
            text,
            index: FoldedIndex::new(text),
        }
    }

    /// Length in bytes of the indexed original text.
    pub fn original_len(&self) -> usize {
        self.index.original_len()
    }

    /// Every non-overlapping match of `query`, as byte ranges of the original text, in order.
    /// An empty query (or one made only of ignored characters) matches nothing.
    pub fn find_all(&self, query: &str) -> Vec<Range<usize>> {
        self.index.find_all(self.text, query)
    }

    /// The index without the borrowed text.
    pub fn into_folded(self) -> FoldedIndex {
        self.index
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

/// Splits `text` into ranges of about `size` bytes, each ending just before a character that
/// is not dropped by folding: never inside a character or between a letter and its marks, so
/// the ranges fold exactly as the whole text does.
fn split_at_safe_points(text: &str, size: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while let Some(cut) = next_safe_point(text, start + size.max(1)) {
        out.push(start..cut);
        start = cut;
    }
    out.push(start..text.len());
    out
}

/// The first offset at or after `from` (and before the end) where a character that folding
/// keeps starts.
fn next_safe_point(text: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    let rest = text.get(at..)?;
    rest.char_indices()
        .find(|&(_, c)| fold_char(c) != Fold::Drop)
        .map(|(i, _)| at + i)
}

/// Folds `text` into a string with a checkpoint at the start of each segment of about
/// `segment_bytes` (offsets relative to `text`).
fn fold_segments(text: &str, segment_bytes: usize) -> (String, Vec<Checkpoint>) {
    let mut folded = String::with_capacity(text.len());
    let mut checkpoints = Vec::with_capacity(text.len() / segment_bytes.max(1) + 1);
    let mut runs = Vec::new();
    for segment in split_at_safe_points(text, segment_bytes) {
        checkpoints.push((folded.len() as u32, segment.start as u32));
        fold_into(&text[segment], &mut folded, &mut runs);
        runs.clear();
    }
    folded.shrink_to_fit();
    (folded, checkpoints)
}

/// Folds one stretch of text onto `folded`, appending its runs (offsets relative to the stretch
/// and to where its folded text starts).
fn fold_into(text: &str, folded: &mut String, runs: &mut Vec<Run>) {
    let base = folded.len();
    let mut b = Builder {
        text,
        folded,
        base,
        runs,
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
        let (unchanged, mark) = table.lookup(bytes, offset);
        if mark {
            b.flush(offset, 2);
            b.close_run(offset);
            b.attach_to_previous(offset, 2);
            offset += 2;
            continue;
        }
        if unchanged {
            b.extend_run(offset);
            offset += if lead < 0x80 { 1 } else { 2 };
            continue;
        }
        let Some(c) = text.get(offset..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        b.fold_one(offset, c);
        offset += c.len_utf8();
    }
    b.flush(text.len(), 0);
    b.close_run(text.len());
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

    /// The map before checkpoints: the whole text folded in one pass, every run kept, each
    /// match located by binary search.
    fn reference_find_all(text: &str, query: &str) -> Vec<Range<usize>> {
        let needle = normalize_str(query);
        if needle.is_empty() {
            return Vec::new();
        }
        let (mut folded, mut runs) = (String::new(), Vec::new());
        fold_into(text, &mut folded, &mut runs);
        let run_at = |pos: u32| {
            let i = runs.partition_point(|r| r.folded <= pos) - 1;
            assert!(pos < runs[i].folded + runs[i].folded_len());
            runs[i]
        };
        // One place in the text is one match (ﷲ folds to four letters and can hold two).
        without_overlaps(
            folded
                .match_indices(needle.as_str())
                .map(|(pos, m)| {
                    let (start, last) = (pos as u32, (pos + m.len() - 1) as u32);
                    run_at(start).original_start(start)..run_at(last).original_end_of_match(last)
                })
                .collect(),
        )
    }

    #[test]
    fn parallel_chunks_and_segments_give_the_same_matches_as_one_pass() {
        let piece = include_str!("../tests/data/wikinews-ar-attribution.txt");
        let mut text = String::new();
        while text.len() < 3 * PARALLEL_CHUNK_BYTES {
            text.push_str(piece);
            text.push_str(crate::article::SAMPLE_TEXT);
        }
        assert!(split_at_safe_points(&text, PARALLEL_CHUNK_BYTES).len() >= 3);
        let chunked = SearchIndex::new(&text);
        let (mut folded, mut runs) = (String::new(), Vec::new());
        fold_into(&text, &mut folded, &mut runs);
        assert_eq!(chunked.index.folded, folded);
        assert!(chunked.index.checkpoints.len() > text.len() / (2 * SEGMENT_BYTES));
        for query in ["النبي داود", "داعش", "ا", "2005"] {
            let hits = chunked.find_all(query);
            assert!(!hits.is_empty());
            assert_eq!(hits, reference_find_all(&text, query), "{query}");
        }
    }

    #[test]
    fn matches_across_segment_boundaries_map_exactly() {
        let text = include_str!("../tests/data/wikinews-ar-attribution.txt");
        for segment_bytes in [1, 2, 3, 7, 64] {
            let index = FoldedIndex::with_segments(text, segment_bytes);
            for query in ["النبي داود", "قال", "ا", "2005", "أن ا"] {
                let hits = index.find_all(text, query);
                assert!(!hits.is_empty());
                assert_eq!(
                    hits,
                    reference_find_all(text, query),
                    "{query} {segment_bytes}"
                );
            }
        }
    }

    #[test]
    fn the_index_is_about_the_size_of_the_folded_text() {
        let text = include_str!("../tests/data/wikinews-ar-attribution.txt").repeat(20);
        let index = FoldedIndex::new(&text);
        assert!(
            index.heap_bytes() <= text.len() * 11 / 10,
            "{}",
            index.heap_bytes()
        );
    }

    #[test]
    fn a_shorter_text_than_the_indexed_one_matches_nothing() {
        let index = FoldedIndex::new("قال الوزير");
        assert!(index.find_all("قال", "قال").is_empty());
        assert_eq!(index.find_all("قال الوزير", "الوزير"), vec![7..19]);
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
    fn one_character_folding_to_two_matches_is_found_once() {
        // ﷲ folds to الله: two lams, one place in the text
        let text = "قال ﷲ أكبر";
        let found = SearchIndex::new(text).find_all("ل");
        let lig = text.find('ﷲ').expect("ligature");
        assert_eq!(
            found.iter().filter(|m| m.start == lig).count(),
            1,
            "{found:?}"
        );
        assert!(
            found.windows(2).all(|w| w[0].end <= w[1].start),
            "{found:?}"
        );
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
        fn segmented_index_agrees_with_the_whole_text_map(
            // One alternative per kind of character, so marks are as common as letters.
            text in "([ء-ي]|[\u{064B}-\u{0652}\u{0670}]|\u{0640}|[\u{200C}\u{200F}\u{00A0}]|[أإآٱاىيةهیکپ]|[٠-٩۰-۹٫]|[ﻻﻼﷲﺍﺑ]|[a-zA-Z0-9]| |\n|\\.){0,120}",
            random_query in "[a-zA-Z0-9\u{0621}-\u{064A}\u{064B}-\u{0652}\u{0640}أإآاىيةه٠-٩ﻻﷲ ]{1,4}",
            // Most queries are cut from the text itself so that they match, often at
            // segment edges.
            query_start in 0usize..120,
            query_chars in 0usize..6,
            segment_bytes in 1usize..40,
        ) {
            let chars: Vec<char> = text.chars().collect();
            let query: String = if query_chars == 0 || chars.is_empty() {
                random_query
            } else {
                chars.iter().cycle().skip(query_start % chars.len()).take(query_chars).collect()
            };
            let index = FoldedIndex::with_segments(&text, segment_bytes);
            proptest::prop_assert_eq!(index.find_all(&text, &query), reference_find_all(&text, &query));
        }

        #[test]

        fn never_panics_and_ranges_fold_to_the_query(
            text in "[\\PC\u{064B}-\u{0652}\u{0640}\u{200F}أإآاىيةه٠-٩ﻻﷲ ]{0,60}",
            query in "[\\PC\u{064B}-\u{0652}\u{0640}أإآاىيةه٠-٩ ]{0,6}",
        ) {
            let needle = normalize_str(&query);
            let ranges = find_all_in(&text, &query);
            if !needle.is_empty() {
                // Fewer only where one character holds several matches (ﷲ and the query ل).
                let folded_matches = normalize_str(&text).matches(needle.as_str()).count();
                proptest::prop_assert!(ranges.len() <= folded_matches);
                proptest::prop_assert_eq!(ranges.is_empty(), folded_matches == 0);
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

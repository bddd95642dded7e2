//! Orthographic normalisation of Arabic text for matching (never for display), with a map from
//! every byte of the normalised text back to the original text.
//!
//! What is folded (notes/arabic-extraction.md §2.2, level "L2"): harakat, tanwin, shadda, sukun,
//! dagger alef and Quranic marks are dropped; tatweel and invisible / bidi control characters are
//! dropped; alef variants أ إ آ ٱ → ا; ى → ي; ة → ه; Persian letters (ک گ ی ڤ پ چ ژ ھ) → their
//! Arabic counterparts; Arabic presentation forms → base letters (ﻻ → لا); Arabic-Indic and
//! Persian digits → ASCII; ٫ ٬ ٪ → . , %; unusual spaces → ' '; ASCII letters → lower case.
//! Hamza on waw/yeh (ؤ ئ) is kept: folding it merges too many unrelated words.

use std::ops::Range;

/// What one original character becomes in the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// Removed (diacritic, tatweel, invisible control).
    Drop,
    /// Replaced by (or kept as) one character.
    Char(char),
    /// Expanded to several characters (ligatures: ﻻ → لا, ﷲ → الله).
    Expand(&'static str),
}

/// Is `c` a combining mark that belongs to the letter before it (and is dropped when matching)?
pub const fn is_arabic_mark(c: char) -> bool {
    matches!(c,
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}' | '\u{06EA}'..='\u{06ED}')
}

/// Is `c` an invisible formatting character that carries no letter (bidi controls, joiners, BOM)?
pub const fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// Base letters of Arabic Presentation Forms-B U+FE80..=U+FEF4, as (count of forms, letter).
const FORMS_B: &[(u32, char)] = &[
    (1, 'ء'),
    (2, 'ا'), // alef madda
    (2, 'ا'), // alef hamza above
    (2, 'ؤ'),
    (2, 'ا'), // alef hamza below
    (4, 'ئ'),
    (2, 'ا'),
    (4, 'ب'),
    (2, 'ه'), // teh marbuta
    (4, 'ت'),
    (4, 'ث'),
    (4, 'ج'),
    (4, 'ح'),
    (4, 'خ'),
    (2, 'د'),
    (2, 'ذ'),
    (2, 'ر'),
    (2, 'ز'),
    (4, 'س'),
    (4, 'ش'),
    (4, 'ص'),
    (4, 'ض'),
    (4, 'ط'),
    (4, 'ظ'),
    (4, 'ع'),
    (4, 'غ'),
    (4, 'ف'),
    (4, 'ق'),
    (4, 'ك'),
    (4, 'ل'),
    (4, 'م'),
    (4, 'ن'),
    (4, 'ه'),
    (2, 'و'),
    (2, 'ي'), // alef maksura
    (4, 'ي'),
];

const fn presentation_form_b(c: char) -> Option<Fold> {
    let cp = c as u32;
    match cp {
        // Isolated / medial forms of harakat, with or without tatweel.
        0xFE70..=0xFE7F => Some(Fold::Drop),
        0xFEF5..=0xFEFC => Some(Fold::Expand("لا")),
        0xFE80..=0xFEF4 => {
            let mut offset = cp - 0xFE80;
            // `while`, not `for`: this runs in a const context (ARABIC_BLOCK_FOLDS)
            let mut i = 0;
            while i < FORMS_B.len() {
                let (count, letter) = FORMS_B[i];
                if offset < count {
                    return Some(Fold::Char(letter));
                }
                offset -= count;
                i += 1;
            }
            None
        }
        _ => None,
    }
}

/// First code point of the Arabic block, folded through [`ARABIC_BLOCK_FOLDS`].
const ARABIC_BLOCK: u32 = 0x0600;

/// [`fold_code_point`] of U+0600..=U+06FF, computed at compile time: the Arabic block is most
/// of the text, and a table read is cheaper than the `match` on every letter and haraka.
const ARABIC_BLOCK_FOLDS: [Fold; 256] = {
    let mut table = [Fold::Drop; 256];
    let mut i = 0;
    while i < table.len() {
        if let Some(c) = char::from_u32(ARABIC_BLOCK + i as u32) {
            table[i] = fold_code_point(c);
        }
        i += 1;
    }
    table
};

/// How one character is folded for matching: ASCII and the Arabic block by a table or a
/// shift, anything else by [`fold_code_point`].
#[inline]
pub fn fold_char(c: char) -> Fold {
    if c.is_ascii() {
        return Fold::Char(c.to_ascii_lowercase());
    }
    match (c as u32).checked_sub(ARABIC_BLOCK) {
        Some(i) if i < 256 => ARABIC_BLOCK_FOLDS[i as usize],
        _ => fold_code_point(c),
    }
}

/// [`ARABIC_BLOCK_FOLDS`] as [`NormalizedText::new`] writes it: the folded character already
/// encoded in UTF-8 (`len` bytes, 0 when dropped), and for a dropped one whether it widens the
/// character before it (harakat and tatweel do, an invisible control does not).
#[derive(Clone, Copy)]
struct Utf8Fold {
    len: u8,
    bytes: [u8; 2],
    extends: bool,
}

const ARABIC_BLOCK_UTF8: [Utf8Fold; 256] = {
    let mut table = [Utf8Fold {
        len: 0,
        bytes: [0; 2],
        extends: false,
    }; 256];
    let mut i = 0;
    while i < table.len() {
        let c = match char::from_u32(ARABIC_BLOCK + i as u32) {
            Some(c) => c,
            None => panic!("the Arabic block is all characters"),
        };
        table[i] = match ARABIC_BLOCK_FOLDS[i] {
            Fold::Drop => Utf8Fold {
                len: 0,
                bytes: [0; 2],
                extends: is_arabic_mark(c) || c == '\u{0640}',
            },
            Fold::Char(f) if (f as u32) < 0x80 => Utf8Fold {
                len: 1,
                bytes: [f as u8, 0],
                extends: false,
            },
            Fold::Char(f) if (f as u32) < 0x800 => Utf8Fold {
                len: 2,
                bytes: [0xC0 | (f as u32 >> 6) as u8, 0x80 | (f as u32 & 0x3F) as u8],
                extends: false,
            },
            // checked when compiling: no letter of the block folds to a longer form
            _ => panic!("a letter of the Arabic block folds to more than two bytes"),
        };
        i += 1;
    }
    table
};

/// How one character is folded for matching: a `match` on the code point (the definition
/// [`fold_char`] reads from its table).
const fn fold_code_point(c: char) -> Fold {
    if c.is_ascii() {
        return Fold::Char(c.to_ascii_lowercase());
    }
    if is_arabic_mark(c) || is_invisible(c) || c == '\u{0640}' {
        return Fold::Drop;
    }
    let folded = match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' | '\u{0675}' => 'ا',
        'ى' | 'ی' | 'ې' | 'ۍ' | 'ێ' | 'ے' | 'ۓ' => 'ي',
        'ة' | 'ۀ' | 'ھ' | 'ە' | 'ہ' => 'ه',
        'ک' | 'ڪ' | 'گ' => 'ك',
        'ڤ' | 'ڥ' => 'ف',
        'پ' => 'ب',
        'چ' => 'ج',
        'ژ' => 'ز',
        '٠'..='٩' => (b'0' + (c as u32 - 0x0660) as u8) as char,
        '۰'..='۹' => (b'0' + (c as u32 - 0x06F0) as u8) as char,
        '٫' => '.',
        '٬' => ',',
        '٪' => '%',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        '\u{FDF2}' => return Fold::Expand("الله"),
        _ => {
            if let Some(fold) = presentation_form_b(c) {
                return fold;
            }
            c
        }
    };
    Fold::Char(folded)
}

/// Normalises a string without keeping an offset map (for gazetteer keys and lookups).
pub fn normalize_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

/// Appends `s` normalised to `out`: a scan over every word of an article reuses one buffer
/// rather than allocating a string per word.
pub fn normalize_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match fold_char(c) {
            Fold::Drop => {}
            Fold::Char(f) => out.push(f),
            Fold::Expand(s) => out.push_str(s),
        }
    }
}

/// Is `s` already normalised (`normalize_str(s) == s`)? Found without allocating, so a word
/// that is already a key is looked up as it is.
pub fn is_normalized(s: &str) -> bool {
    s.chars().all(|c| fold_char(c) == Fold::Char(c))
}

/// Do two strings match after folding?
pub fn fold_eq(a: &str, b: &str) -> bool {
    let mut left = a.chars().flat_map(fold_iter);
    let mut right = b.chars().flat_map(fold_iter);
    loop {
        match (left.next(), right.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

fn fold_iter(c: char) -> impl Iterator<Item = char> {
    let (single, expanded) = match fold_char(c) {
        Fold::Drop => (None, ""),
        Fold::Char(f) => (Some(f), ""),
        Fold::Expand(s) => (None, s),
    };
    single.into_iter().chain(expanded.chars())
}

/// A normalised copy of some text with a byte map back to the original.
///
/// `map[i]` is the original byte offset of the character that produced normalised byte `i`;
/// `map[text.len()]` is the original length. Offsets are `u32` to keep the map small (articles
/// are limited far below 4 GiB; longer input saturates). Use [`NormalizedText::to_original`] to turn a
/// normalised range into an original one.
#[derive(Debug, Clone, Default)]
pub struct NormalizedText {
    pub text: String,
    pub map: Vec<u32>,
    /// `ends[i]`: original byte where the character that produced normalised byte `i` ends,
    /// including the marks dropped right after it (so a mapped word keeps its harakat).
    ends: Vec<u32>,
    /// `forward[k]`: [`NormalizedText::normalized_offset`] of original byte `k` (the inverse
    /// of `map`), so that a lookup is one read: the isnad rules and the cue parser read a
    /// word's key from the folded text this way, tens of thousands of times per article, and
    /// a search of `map` per key (even of one 64-byte block of it) was 5% of the extractor.
    forward: Vec<u32>,
}

impl NormalizedText {
    /// Folds `original` byte by byte: ASCII and the Arabic block (most of an Arabic article)
    /// through [`ARABIC_BLOCK_UTF8`], already encoded, anything else character by character
    /// through [`fold_char`]. The forward map is written as each character is read.
    pub fn new(original: &str) -> Self {
        let bytes = original.as_bytes();
        let mut out = Folding::with_capacity(original.len());
        let mut at = 0;
        while let Some(&lead) = bytes.get(at) {
            if lead.is_ascii() {
                out.push_ascii(lead.to_ascii_lowercase(), at);
                at += 1;
                continue;
            }
            if let (0xD8..=0xDB, Some(&next)) = (lead, bytes.get(at + 1)) {
                // U+0600..=U+06FF: lead 110110xx, continuation 10xxxxxx
                let index = usize::from(lead & 0x03) << 6 | usize::from(next & 0x3F);
                let fold = ARABIC_BLOCK_UTF8[index];
                match fold.len {
                    0 => out.drop_two_byte(at, fold.extends),
                    len => out.push_two_byte(&fold.bytes[..usize::from(len)], at),
                }
                at += 2;
                continue;
            }
            let Some(c) = original.get(at..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let end = at + c.len_utf8();
            match fold_char(c) {
                Fold::Char(f) => out.push(f.encode_utf8(&mut [0; 4]).as_bytes(), at, end),
                // A dropped mark extends the preceding character's span; an invisible control
                // does not (it is not part of the word).
                Fold::Drop => out.drop(at, end, is_arabic_mark(c) || c == '\u{0640}'),
                Fold::Expand(s) => out.push_expansion(s, at, end),
            }
            at = end;
        }
        out.finish(original.len())
    }

    /// The original byte range covering the normalised byte range `range`. An empty range maps
    /// to an empty range at the corresponding original position. Out-of-range input is clamped.
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        let n = self.text.len();
        let start = range.start.min(n);
        let end = range.end.clamp(start, n);
        let orig_start = self.map[start] as usize;
        if end == start {
            return orig_start..orig_start;
        }
        orig_start..(self.ends[end - 1] as usize).max(orig_start)
    }

    /// The original byte offset of normalised byte `at` (clamped).
    pub fn original_offset(&self, at: usize) -> usize {
        self.map[at.min(self.text.len())] as usize
    }

    /// The normalised byte where the character at original byte `at` starts its folded form
    /// (the end of the text for `at` past the last character). Folding is character by
    /// character, so for original character boundaries `a..b`,
    /// `text[normalized_offset(a)..normalized_offset(b)]` is `normalize_str(&original[a..b])`.
    pub fn normalized_offset(&self, at: usize) -> usize {
        match self.forward.get(at) {
            Some(&offset) => offset as usize,
            // past the end of the original (or the empty default): where a search of `map`
            // for the first entry at or after `at` ends
            None => self.map.partition_point(|&m| (m as usize) < at),
        }
    }

    /// `normalize_str(&original[range])` for a range on character boundaries of the original,
    /// read from the folded text instead of folded again.
    pub fn slice(&self, range: Range<usize>) -> &str {
        let start = self.normalized_offset(range.start).min(self.text.len());
        let end = self
            .normalized_offset(range.end)
            .clamp(start, self.text.len());
        self.text.get(start..end).unwrap_or_default()
    }
}

/// [`NormalizedText`] while it is built: the folded bytes, both maps and the forward map.
struct Folding {
    text: Vec<u8>,
    map: Vec<u32>,
    ends: Vec<u32>,
    forward: Vec<u32>,
}

/// An offset as stored in the maps (articles are far below 4 GiB; longer input saturates).
fn narrow(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

impl Folding {
    fn with_capacity(original_len: usize) -> Self {
        Folding {
            text: Vec::with_capacity(original_len),
            map: Vec::with_capacity(original_len + 1),
            ends: Vec::with_capacity(original_len + 1),
            forward: Vec::with_capacity(original_len + 1),
        }
    }

    /// Appends the folded form of the one-byte (ASCII) original character at `at`.
    #[inline(always)]
    fn push_ascii(&mut self, folded: u8, at: usize) {
        let (start, stop) = (narrow(at), narrow(at + 1));
        self.forward.push(narrow(self.text.len()));
        self.text.push(folded);
        self.map.push(start);
        self.ends.push(stop);
    }

    /// Appends `folded` (one or two bytes, a whole character), the folded form of the
    /// two-byte original character at `at`: one map entry per folded byte, and the forward
    /// map of both original bytes (the first finds the first folded byte, the second the
    /// folded byte after them).
    #[inline(always)]
    fn push_two_byte(&mut self, folded: &[u8], at: usize) {
        let (start, stop) = (narrow(at), narrow(at + 2));
        self.forward.push(narrow(self.text.len()));
        for &byte in folded {
            self.text.push(byte);
            self.map.push(start);
            self.ends.push(stop);
        }
        self.forward.push(narrow(self.text.len()));
    }

    /// The forward map of the original character at `at..end`, whose folded form (if any)
    /// takes the folded bytes `before..after`: its first byte finds `before` (the first
    /// folded byte it made, or the next one made when it made none), its other bytes `after`.
    fn forward_of(&mut self, at: usize, end: usize, before: usize) {
        self.forward.push(narrow(before));
        let after = narrow(self.text.len());
        self.forward.extend((at + 1..end).map(|_| after));
    }

    /// Appends `folded`, the folded form of the original character at `at..end`: one map
    /// entry per byte.
    fn push(&mut self, folded: &[u8], at: usize, end: usize) {
        let before = self.text.len();
        self.text.extend_from_slice(folded);
        let (start, stop) = (narrow(at), narrow(end));
        for _ in folded {
            self.map.push(start);
            self.ends.push(stop);
        }
        self.forward_of(at, end, before);
    }

    /// Appends a ligature's expansion (ﻻ → لا), every byte made by the original at `at..end`.
    fn push_expansion(&mut self, expansion: &str, at: usize, end: usize) {
        self.push(expansion.as_bytes(), at, end);
    }

    /// The original character at `at..end` folds to nothing; a mark or tatweel (`extends`)
    /// widens the span of the folded character before it over itself.
    fn drop(&mut self, at: usize, end: usize, extends: bool) {
        if extends {
            extend_last(&self.map, &mut self.ends, narrow(at), narrow(end));
        }
        let before = self.text.len();
        self.forward_of(at, end, before);
    }

    /// [`Folding::drop`] of a two-byte original character at `at` (a haraka, tatweel or
    /// ALM): both its bytes find the next folded byte.
    #[inline(always)]
    fn drop_two_byte(&mut self, at: usize, extends: bool) {
        if extends {
            extend_last(&self.map, &mut self.ends, narrow(at), narrow(at + 2));
        }
        let next = narrow(self.text.len());
        self.forward.push(next);
        self.forward.push(next);
    }

    fn finish(mut self, original_len: usize) -> NormalizedText {
        self.map.push(narrow(original_len));
        self.ends.push(narrow(original_len));
        self.forward.push(narrow(self.text.len()));
        // every byte pushed is a whole character's UTF-8 encoding, so this never fails; the
        // lossy copy keeps the function total all the same
        let text = String::from_utf8(self.text)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        NormalizedText {
            text,
            map: self.map,
            ends: self.ends,
            forward: self.forward,
        }
    }
}

/// Extends the span of the last folded character over a mark dropped after it (`at..end`).
#[inline]
fn extend_last(map: &[u32], ends: &mut [u32], at: u32, end: u32) {
    let Some(&last_start) = map.last() else {
        return;
    };
    for (m, e) in map.iter().rev().zip(ends.iter_mut().rev()) {
        if *m != last_start {
            break;
        }
        if *e == at {
            *e = end;
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn is_normalized_says_whether_normalising_changes_the_text() {
        for s in ["قال الرئيس", "abc 12", ""] {
            assert!(is_normalized(s), "{s}");
        }
        for s in ["قالَ", "أحمد", "ABC", "٣", "ﻻ"] {
            assert!(!is_normalized(s), "{s}");
            assert!(is_normalized(&normalize_str(s)), "{s}");
        }
        let mut buffer = "x".to_owned();
        normalize_into("إذا", &mut buffer);
        assert_eq!(buffer, "xاذا");
    }

    #[test]
    fn the_arabic_block_table_folds_as_the_match_does() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(fold_char(c), fold_code_point(c), "U+{:04X}", c as u32);
        }
        assert_eq!(fold_char('إ'), Fold::Char('ا'));
        assert_eq!(fold_char('\u{064E}'), Fold::Drop);
        assert_eq!(fold_char('٣'), Fold::Char('3'));
    }

    #[test]
    fn a_slice_of_the_folded_text_is_the_folded_slice() {
        let original = "وَقَالَـتْ ﻻ «الأُمَمُ» ١٢ ﷲ\u{200F}إِلى\nABC";
        let norm = NormalizedText::new(original);
        let bounds: Vec<usize> = original
            .char_indices()
            .map(|(at, _)| at)
            .chain([original.len()])
            .collect();
        for (i, &a) in bounds.iter().enumerate() {
            for &b in &bounds[i..] {
                assert_eq!(norm.slice(a..b), normalize_str(&original[a..b]), "{a}..{b}");
            }
        }
    }

    #[test]
    fn folding_a_folded_text_changes_nothing() {
        // callers that hold a key read from the folded text look it up as it is
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let once = normalize_str(c.encode_utf8(&mut [0; 4]));
            assert!(is_normalized(&once), "U+{:04X}", c as u32);
        }
    }

    /// The folding as it was written before the byte-level loop: character by character
    /// through [`fold_char`], the forward map found afterwards by a pass over `map` (for every
    /// original byte, the first folded byte made at or after it).
    fn folded_char_by_char(original: &str) -> NormalizedText {
        let (mut text, mut map, mut ends) = (String::new(), Vec::new(), Vec::new());
        for (at, c) in original.char_indices() {
            let (at, end) = (narrow(at), narrow(at + c.len_utf8()));
            let mut push = |f: char, text: &mut String| {
                text.push(f);
                for _ in 0..f.len_utf8() {
                    map.push(at);
                    ends.push(end);
                }
            };
            match fold_char(c) {
                Fold::Char(f) => push(f, &mut text),
                Fold::Drop if is_arabic_mark(c) || c == '\u{0640}' => {
                    extend_last(&map, &mut ends, at, end);
                }
                Fold::Drop => {}
                Fold::Expand(s) => s.chars().for_each(|f| push(f, &mut text)),
            }
        }
        map.push(narrow(original.len()));
        ends.push(narrow(original.len()));
        let forward = (0..=original.len())
            .map(|i| narrow(map.partition_point(|&m| (m as usize) < i)))
            .collect();
        NormalizedText {
            text,
            map,
            ends,
            forward,
        }
    }

    fn assert_same_folding(original: &str) {
        let (fast, slow) = (NormalizedText::new(original), folded_char_by_char(original));
        assert_eq!(fast.text, slow.text, "{original:?}");
        assert_eq!(fast.map, slow.map, "{original:?}");
        assert_eq!(fast.ends, slow.ends, "{original:?}");
        assert_eq!(fast.forward, slow.forward, "{original:?}");
    }

    #[test]
    fn the_byte_level_folding_is_the_folding_character_by_character() {
        // every code point below U+0800 and a few longer ones, alone, after a letter (marks
        // widen it) and inside an Arabic word; then a diacritised article
        let longer = [
            '\u{200F}', '\u{2009}', '\u{FDF2}', '\u{FEFB}', '\u{FE8D}', '😀', 'ک',
        ];
        for c in (0..0x800).filter_map(char::from_u32).chain(longer) {
            assert_same_folding(&c.to_string());
            assert_same_folding(&format!("قال{c}"));
            assert_same_folding(&format!("بِ{c}َسم ـ{c}\u{064E}"));
        }
        assert_same_folding("");
        assert_same_folding("\u{064E}\u{0640}ب ﻻ «الأُمَمُ» ١٢ ﷲ\u{200F}إِلى\nABC");
        assert_same_folding(include_str!("../../tests/data/wikinews-ar.txt"));
    }

    #[test]
    fn the_forward_map_finds_what_a_search_of_the_whole_map_finds() {
        // every byte, inside characters too, with harakat, expansions and dropped controls
        let original = "وَقَالَـتْ ﻻ «الأُمَمُ» ١٢ ﷲ\u{200F}إِلى\nABC ".repeat(9);
        let norm = NormalizedText::new(&original);
        for at in 0..=original.len() + 70 {
            let whole = norm.map.partition_point(|&m| (m as usize) < at);
            assert_eq!(norm.normalized_offset(at), whole, "{at}");
        }
        let empty = NormalizedText::default();
        assert_eq!(empty.normalized_offset(5), 0);
        assert_eq!(empty.slice(0..3), "");
    }

    #[test]
    fn strips_harakat_and_tatweel_and_maps_back() {
        let original = "قالَ الـــرئيسُ مُحَمَّدٌ";
        let norm = NormalizedText::new(original);
        assert_eq!(norm.text, "قال الرئيس محمد");
        let word = norm.text.find("محمد").unwrap();
        let back = norm.to_original(word..word + "محمد".len());
        assert_eq!(&original[back], "مُحَمَّدٌ");
        let word = norm.text.find("الرئيس").unwrap();
        let back = norm.to_original(word..word + "الرئيس".len());
        assert_eq!(&original[back], "الـــرئيسُ");
    }

    #[test]
    fn unifies_alef_yeh_teh_marbuta() {
        assert_eq!(
            normalize_str("أحمد إبراهيم آمنة ٱلله"),
            "احمد ابراهيم امنه الله"
        );
        assert_eq!(normalize_str("مصطفى"), "مصطفي");
        assert_eq!(normalize_str("ڤيينا"), "فيينا");
        assert_eq!(normalize_str("کرکوک"), "كركوك");
        assert!(fold_eq("القاهرة", "القاهره"));
        assert!(fold_eq("مُصْطَفَى", "مصطفي"));
        assert!(!fold_eq("بغداد", "غداد"));
    }

    #[test]
    fn folds_digits_and_separators() {
        let original = "٢٠٢٤/٣/١٥ و۱۲٫٥٪";
        let norm = NormalizedText::new(original);
        assert_eq!(norm.text, "2024/3/15 و12.5%");
        let at = norm.text.find("12.5%").unwrap();
        let back = norm.to_original(at..norm.text.len());
        assert_eq!(&original[back], "۱۲٫٥٪");
    }

    #[test]
    fn invisible_controls_are_dropped_but_not_attached_to_words() {
        let original = "\u{200F}غزة\u{200E} و\u{200C}رفح";
        let norm = NormalizedText::new(original);
        assert_eq!(norm.text, "غزه ورفح");
        let back = norm.to_original(0.."غزه".len());
        assert_eq!(&original[back], "غزة");
    }

    #[test]
    fn ligatures_expand_and_map_to_the_single_original_char() {
        let original = "ﻻ بد";
        let norm = NormalizedText::new(original);
        assert_eq!(norm.text, "لا بد");
        // Half of the ligature still maps to the whole ligature.
        let back = norm.to_original(0.."ل".len());
        assert_eq!(&original[back], "ﻻ");
        assert_eq!(normalize_str("ﺑﻐﺪاد"), "بغداد");
        assert_eq!(normalize_str("\u{FDF2}"), "الله");
    }

    #[test]
    fn map_is_monotonic_and_ends_at_original_length() {
        let original = "السَّلامُ عليكم ﻷهل ٣ 😀 text";
        let norm = NormalizedText::new(original);
        assert_eq!(norm.map.len(), norm.text.len() + 1);
        assert_eq!(*norm.map.last().unwrap() as usize, original.len());
        assert!(norm.map.windows(2).all(|w| w[0] <= w[1]));
        for (i, _) in norm.text.char_indices() {
            assert!(original.is_char_boundary(norm.map[i] as usize));
        }
        let at = norm.original_offset(3);
        assert_eq!(norm.to_original(3..3), at..at);
        assert_eq!(norm.to_original(0..10_000), 0..original.len());
    }

    #[test]
    fn ascii_is_lowercased_other_scripts_kept() {
        assert_eq!(normalize_str("UN Security Council"), "un security council");
        assert_eq!(normalize_str("Ωμέγα"), "Ωμέγα");
    }

    #[test]
    fn leading_marks_do_not_panic() {
        let norm = NormalizedText::new("\u{064E}\u{0640}ب");
        assert_eq!(norm.text, "ب");
        assert_eq!(norm.to_original(0..2), 4..6);
    }
}

//! Cutting text after each whitespace character by looking at bytes: what
//! `text.split_inclusive(char::is_whitespace)` gives, for the extractor's scans over every word
//! of an article (the isnad rules cut whole articles and many windows this way).
//!
//! Why not the standard splitter: its pattern machinery decodes every character and asks the
//! predicate through a searcher, about 100 instructions per Arabic letter; whitespace in UTF-8
//! is an ASCII byte or starts with one of four lead bytes, so the other bytes are passed over
//! one by one without decoding.
//!
//! [`PieceEnds`] cuts a whole article once and hands out the pieces of any range of it from
//! that one cut: the isnad rules cut hundreds of windows of one article, each a range of it.

use std::ops::Range;

/// The pieces of `text`, each up to and including one whitespace character (`char::
/// is_whitespace`), the last one without it if the text does not end in whitespace: the same
/// pieces, in the same order, as `text.split_inclusive(char::is_whitespace)`.
pub fn split_after_spaces(text: &str) -> impl Iterator<Item = &str> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(rest) = bytes.get(at..) {
            // the next byte a whitespace character may start at: a tight loop over a table
            let Some(offset) = rest.iter().position(|&b| MAY_START_SPACE[usize::from(b)]) else {
                break;
            };
            let here = at + offset;
            let width = whitespace_width(text, here, rest[offset]);
            if width == 0 {
                // a lead byte of some other character (continuation bytes are never one)
                at = here + 1;
                continue;
            }
            let piece = text.get(start..here + width);
            at = here + width;
            start = at;
            return piece;
        }
        at = text.len();
        if start < text.len() {
            let last = text.get(start..);
            start = text.len();
            return last;
        }
        None
    })
}

/// The first word of `text`: what `text.split_whitespace().next()` gives, found by the byte
/// scan of [`split_after_spaces`] (each piece is a word and the one whitespace character after
/// it, or a whitespace character alone).
pub fn first_word(text: &str) -> Option<&str> {
    split_after_spaces(text)
        .map(str::trim_end)
        .find(|word| !word.is_empty())
}

/// Where every piece of [`split_after_spaces`] of a whole text ends, kept so that the pieces of
/// any range of the text come from this one cut instead of a scan of the range.
#[derive(Clone, Debug, Default)]
pub struct PieceEnds {
    /// The end of each piece of the text, ascending: right after a whitespace character, and
    /// the end of the text for a last piece without one.
    ends: Vec<usize>,
}

impl PieceEnds {
    pub fn new(text: &str) -> Self {
        let mut at = 0;
        let ends = split_after_spaces(text)
            .map(|piece| {
                at += piece.len();
                at
            })
            .collect();
        Self { ends }
    }

    /// The pieces of `text[range]`, the same, in the same order, as
    /// `split_after_spaces(&text[range])` (`text` is the text this was built from). A piece
    /// of the range ends where a piece of the whole text ends inside it (after a whitespace
    /// character, which cannot straddle the range's start, a character boundary), and the
    /// last one at the range's end. A range that is not one of `text` gives no pieces.
    pub fn pieces<'t>(
        &'t self,
        text: &'t str,
        range: Range<usize>,
    ) -> impl Iterator<Item = &'t str> {
        let Range { start, end } = range;
        let valid = text.get(start..end).is_some();
        let first = self.ends.partition_point(|&e| e <= start);
        let mut inner = self.ends[first..].iter().take_while(move |&&e| e < end);
        let mut at = if valid { start } else { end };
        std::iter::from_fn(move || {
            let piece_end = inner.next().copied().unwrap_or(end);
            if at >= end {
                return None;
            }
            let piece = text.get(at..piece_end);
            at = piece_end;
            piece
        })
    }
}

/// The bytes a whitespace character can start with: the ASCII ones, and the lead bytes of
/// every non-ASCII one (U+0085, U+00A0: 0xC2; U+1680: 0xE1; U+2000..U+205F: 0xE2; U+3000:
/// 0xE3).
const MAY_START_SPACE: [bool; 256] = {
    let mut table = [false; 256];
    let starts: [u8; 10] = [
        b'\t', b'\n', 0x0B, 0x0C, b'\r', b' ', 0xC2, 0xE1, 0xE2, 0xE3,
    ];
    let mut i = 0;
    while i < starts.len() {
        table[starts[i] as usize] = true;
        i += 1;
    }
    table
};

/// The width of the whitespace character starting at byte `at` (whose value is `byte`), or 0
/// when none starts there. Every non-ASCII whitespace character (U+0085, U+00A0, U+1680,
/// U+2000..U+205F, U+3000) starts with 0xC2, 0xE1, 0xE2 or 0xE3: only those are decoded.
#[inline]
fn whitespace_width(text: &str, at: usize, byte: u8) -> usize {
    match byte {
        b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => 1,
        0xC2 | 0xE1 | 0xE2 | 0xE3 => text
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(text: &str) {
        let ours: Vec<&str> = split_after_spaces(text).collect();
        let std: Vec<&str> = text.split_inclusive(char::is_whitespace).collect();
        assert_eq!(ours, std, "{text:?}");
        assert_eq!(first_word(text), text.split_whitespace().next(), "{text:?}");
    }

    #[test]
    fn every_whitespace_character_cuts_as_the_standard_splitter_does() {
        let spaces: Vec<char> = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        assert!(spaces.len() > 20, "{spaces:?}");
        for c in spaces {
            both(&format!("قال{c}الوزير"));
            both(&format!("{c}{c}وأضاف،{c}"));
            both(&c.to_string());
        }
    }

    #[test]
    fn text_without_spaces_and_neighbours_of_the_lead_bytes() {
        for text in [
            "",
            "كلمة",
            "  ",
            "a b\tc\r\nd",
            // characters whose UTF-8 starts with a lead byte of a space, but no space
            "\u{00A9}\u{1680}x\u{1681}\u{2010}\u{2030}\u{3001}\u{00C2}",
            "وَقَالَـتْ ﻻ «الأُمَمُ» ١٢ ﷲ\u{200F}إِلى\nABC \u{202F}x\u{205F}",
            "\u{2028}\u{2029}end",
        ] {
            both(text);
        }
    }

    #[test]
    fn the_pieces_of_every_range_are_those_of_the_cut_range() {
        for text in [
            "",
            "  ",
            "قال  الوزير،\nإن\t«الأمر»\u{00A0}انتهى. ",
            "وَقَالَـتْ ﻻ «الأُمَمُ» ١٢\u{2028}x\u{3000}y\u{205F}z end",
        ] {
            let ends = PieceEnds::new(text);
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for &start in &bounds {
                for &end in bounds.iter().filter(|&&e| e >= start) {
                    let ours: Vec<&str> = ends.pieces(text, start..end).collect();
                    let cut: Vec<&str> = split_after_spaces(&text[start..end]).collect();
                    assert_eq!(ours, cut, "{text:?} {start}..{end}");
                }
            }
        }
        // a range that is not one of the text gives nothing, as no piece fits it
        let text = "قال الوزير";
        let ends = PieceEnds::new(text);
        assert_eq!(ends.pieces(text, 1..4).count(), 0);
        assert_eq!(ends.pieces(text, 4..99).count(), 0);
    }
}

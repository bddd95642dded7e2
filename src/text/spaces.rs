//! Cutting text after each whitespace character by looking at bytes: what
//! `text.split_inclusive(char::is_whitespace)` gives, for the extractor's scans over every word
//! of an article (the isnad rules cut whole articles and many windows this way).
//!
//! Why not the standard splitter: its pattern machinery decodes every character and asks the
//! predicate through a searcher, about 100 instructions per Arabic letter; whitespace in UTF-8
//! is an ASCII byte or starts with one of four lead bytes, so the other bytes are passed over
//! one by one without decoding.

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
}

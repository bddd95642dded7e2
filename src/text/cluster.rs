//! Extended grapheme clusters (UAX #29) of a paragraph, with a fast path for the text isnad
//! mostly sees. General segmentation costs a table search per character (and a second one for
//! the Indic conjunct rule); it was the largest single cost of laying out Arabic news. In text
//! made only of printable ASCII and Arabic-block letters, digits, punctuation and marks, every
//! character is either a base (Grapheme_Cluster_Break=Other) or a combining mark (Extend, not
//! ZWJ), so the only rules that apply are GB9 (no break before Extend) and GB999 (break
//! everywhere else): a cluster is a base and the marks after it. Anything else (controls,
//! joiners, emoji, prepended concatenation marks, other scripts) takes the general path.

use unicode_segmentation::{GraphemeIndices, UnicodeSegmentation};

/// Combining marks of the Arabic block (all Grapheme_Cluster_Break=Extend). The iterator tests
/// the same set on UTF-8 bytes; this is the reference the tests check it and the general
/// segmenter against.
#[cfg(test)]
fn is_arabic_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0610}'..='\u{061A}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{06D6}'..='\u{06DC}'
            | '\u{06DF}'..='\u{06E4}'
            | '\u{06E7}'..='\u{06E8}'
            | '\u{06EA}'..='\u{06ED}'
    )
}

/// Characters the fast path handles: printable ASCII and the Arabic block, except the
/// prepended concatenation marks (U+0600–0605, U+06DD: GCB=Prepend) and the Arabic letter
/// mark (U+061C: GCB=Control). The reference [`all_simple`] is tested against.
#[cfg(test)]
fn is_simple(c: char) -> bool {
    matches!(c, ' '..='~')
        || (matches!(c, '\u{0606}'..='\u{06FF}') && !matches!(c, '\u{061C}' | '\u{06DD}'))
}

/// `text.chars().all(is_simple)` on the bytes: printable ASCII bytes, or two-byte sequences
/// with lead byte D8–DB (U+0600–U+06FF) other than the excluded code points.
fn all_simple(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        if lead < 0x80 {
            if !(0x20..=0x7E).contains(&lead) {
                return false;
            }
            i += 1;
            continue;
        }
        // U+0600–U+06FF is D8 80 – DB BF; the excluded U+0600–0605 are D8 80–85, U+061C is
        // D8 9C and U+06DD is DB 9D. In valid UTF-8 a lead byte D8–DB is always followed by a
        // continuation byte.
        let simple = match (lead, bytes.get(i + 1)) {
            (0xD8, Some(&next)) => !matches!(next, 0x80..=0x85 | 0x9C),
            (0xD9 | 0xDA, Some(_)) => true,
            (0xDB, Some(&next)) => next != 0x9D,
            _ => false,
        };
        if !simple {
            return false;
        }
        i += 2;
    }
    true
}

/// Iterator over `(byte offset, cluster)` pairs, like `grapheme_indices(true)`.
pub enum ClusterIndices<'a> {
    Simple { text: &'a str, pos: usize },
    General(GraphemeIndices<'a>),
}

/// The extended grapheme clusters of `text` with their byte offsets.
pub fn cluster_indices(text: &str) -> ClusterIndices<'_> {
    if all_simple(text) {
        ClusterIndices::Simple { text, pos: 0 }
    } else {
        ClusterIndices::General(text.grapheme_indices(true))
    }
}

impl ClusterIndices<'_> {
    /// True when the text is made only of printable ASCII and the Arabic block (without the
    /// prepended concatenation marks and the Arabic letter mark): every cluster is a base and
    /// the Arabic marks after it.
    pub fn is_simple(&self) -> bool {
        matches!(self, Self::Simple { .. })
    }
}

impl<'a> Iterator for ClusterIndices<'a> {
    type Item = (usize, &'a str);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Self::General(inner) => inner.next(),
            Self::Simple { text, pos } => {
                // Only ASCII and two-byte Arabic-block characters are here, and every mark is
                // a two-byte character: walk the bytes instead of decoding.
                let bytes = text.as_bytes();
                let start = *pos;
                let lead = *bytes.get(start)?;
                let mut end = start + if lead < 0x80 { 1 } else { 2 };
                while let (Some(&b0), Some(&b1)) = (bytes.get(end), bytes.get(end + 1)) {
                    // is_arabic_mark on the UTF-8 bytes of U+0600–U+06FF (lead D8–DB).
                    let mark = match b0 {
                        0xD8 => matches!(b1, 0x90..=0x9A),
                        0xD9 => matches!(b1, 0x8B..=0x9F | 0xB0),
                        0xDB => matches!(b1, 0x96..=0x9C | 0x9F..=0xA4 | 0xA7..=0xA8 | 0xAA..=0xAD),
                        _ => false,
                    };
                    if !mark {
                        break;
                    }
                    end += 2;
                }
                *pos = end;
                text.get(start..end).map(|cluster| (start, cluster))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn general(text: &str) -> Vec<(usize, &str)> {
        text.grapheme_indices(true).collect()
    }

    fn fast(text: &str) -> Vec<(usize, &str)> {
        cluster_indices(text).collect()
    }

    fn simple_chars() -> Vec<char> {
        (0u32..0x0800)
            .filter_map(char::from_u32)
            .filter(|&c| is_simple(c))
            .collect()
    }

    #[test]
    fn every_simple_char_is_a_base_or_a_mark() {
        // The fast path's premise, checked against the general segmenter: a mark never starts a
        // cluster after a base, a base always does.
        for c in simple_chars() {
            let pair = format!("a{c}");
            let joined = general(&pair).len() == 1;
            assert_eq!(joined, is_arabic_mark(c), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn all_pairs_match_general_segmentation() {
        // Only pairwise rules (GB9, GB999) apply to these characters, so agreeing on every pair
        // means agreeing on every string of them.
        let chars = simple_chars();
        let mut s = String::new();
        for &a in &chars {
            for &b in &chars {
                s.clear();
                s.push(a);
                s.push(b);
                assert_eq!(fast(&s), general(&s), "{s:?}");
            }
        }
    }

    #[test]
    fn byte_mark_test_agrees_with_the_char_test() {
        for c in '\u{0600}'..='\u{06FF}' {
            let text = format!("ب{c}");
            let joined = fast(&text).len() == 1;
            assert_eq!(joined, is_arabic_mark(c), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn byte_check_agrees_with_the_char_check() {
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            for text in [c.to_string(), format!("a{c}ب"), format!("ب{c}")] {
                assert_eq!(all_simple(&text), text.chars().all(is_simple), "{text:?}");
            }
        }
    }

    #[test]
    fn other_text_takes_the_general_path() {
        for text in [
            "ب\u{200D}لا",
            "\u{0600}١٢",
            "e\u{0301} 👨\u{200D}👩",
            "a\tb",
            "\u{064E}ب \u{064B}",
            "",
        ] {
            assert_eq!(fast(text), general(text), "{text:?}");
        }
        assert!(matches!(
            cluster_indices("a\tb"),
            ClusterIndices::General(_)
        ));
        assert!(matches!(
            cluster_indices("كِتَابٌ (2024)"),
            ClusterIndices::Simple { .. }
        ));
        assert_eq!(fast("كِتَابٌ"), general("كِتَابٌ"));
    }
}

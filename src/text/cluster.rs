//! Extended grapheme clusters (UAX #29) of a paragraph, with a fast path for the text isnad
//! mostly sees. General segmentation costs a table search per character (and a second one for
//! the Indic conjunct rule); it was the largest single cost of laying out Arabic news. In text
//! made only of printable ASCII and Arabic-block letters, digits, punctuation and marks, every
//! character is either a base (Grapheme_Cluster_Break=Other) or a combining mark (Extend, not
//! ZWJ), so the only rules that apply are GB9 (no break before Extend) and GB999 (break
//! everywhere else): a cluster is a base and the marks after it. Anything else (controls,
//! joiners, emoji, prepended concatenation marks, other scripts) takes the general path.

use unicode_segmentation::{GraphemeIndices, UnicodeSegmentation};

/// Combining marks of the Arabic block (all Grapheme_Cluster_Break=Extend).
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
/// mark (U+061C: GCB=Control).
fn is_simple(c: char) -> bool {
    matches!(c, ' '..='~')
        || (matches!(c, '\u{0606}'..='\u{06FF}') && !matches!(c, '\u{061C}' | '\u{06DD}'))
}

/// Iterator over `(byte offset, cluster)` pairs, like `grapheme_indices(true)`.
pub enum ClusterIndices<'a> {
    Simple { text: &'a str, pos: usize },
    General(GraphemeIndices<'a>),
}

/// The extended grapheme clusters of `text` with their byte offsets.
pub fn cluster_indices(text: &str) -> ClusterIndices<'_> {
    if text.chars().all(is_simple) {
        ClusterIndices::Simple { text, pos: 0 }
    } else {
        ClusterIndices::General(text.grapheme_indices(true))
    }
}

impl<'a> Iterator for ClusterIndices<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Self::General(inner) => inner.next(),
            Self::Simple { text, pos } => {
                let start = *pos;
                let rest = text.get(start..)?;
                let mut chars = rest.char_indices();
                let (_, base) = chars.next()?;
                let mut end = start + base.len_utf8();
                for (i, c) in chars {
                    if !is_arabic_mark(c) {
                        break;
                    }
                    end = start + i + c.len_utf8();
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

//! Cell widths of what is drawn. Widths are measured on the shaped, sanitised text of one
//! grapheme cluster, because that is what occupies the cells: a lam-alef ligature is one cell,
//! harakat and joiners none, a C0 control shown as its picture one.

use unicode_width::UnicodeWidthStr;

/// Columns taken by one displayed cluster.
#[inline]
pub fn cluster_width(display: &str) -> usize {
    let mut width = 0;
    for c in display.chars() {
        match simple_char_width(c) {
            Some(w) => width += w,
            None => return UnicodeWidthStr::width(display),
        }
    }
    width
}

/// Width of the characters that make up nearly all of what is drawn, without the width tables:
/// printable ASCII and the Arabic presentation forms take one column, harakat none. `None` for
/// anything else, including unshaped letters (where the lam-alef sequence rule applies): such a
/// cluster must be measured whole with [`cluster_width`]. Widths of these characters add up.
#[inline]
pub fn simple_char_width(c: char) -> Option<usize> {
    match c {
        ' '..='~' | '\u{FE70}'..='\u{FE74}' | '\u{FE76}'..='\u{FEFC}' => Some(1),
        '\u{064B}'..='\u{065F}' | '\u{0670}' => Some(0),
        _ => None,
    }
}

/// True for characters that separate words and may hang at the end of a line: the UAX #14
/// spaces, but not the no-break spaces, which glue words together, and not control characters
/// other than tab (a carriage return or form feed is shown as its symbol, never dropped).
pub fn is_breaking_space(c: char) -> bool {
    (c == '\t' || !c.is_control())
        && c.is_whitespace()
        && !matches!(
            c,
            '\u{A0}' | '\u{2007}' | '\u{202F}' | '\u{2028}' | '\u{2029}' | '\u{85}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shaped_widths() {
        assert_eq!(cluster_width("\u{FEFB}"), 1);
        assert_eq!(cluster_width("\u{FEAA}\u{064C}"), 1);
        assert_eq!(cluster_width("\u{0640}"), 1);
        assert_eq!(cluster_width("\u{064E}"), 0);
        assert_eq!(cluster_width("😀"), 2);
        assert!(is_breaking_space(' '));
        assert!(is_breaking_space('\t'));
        assert!(!is_breaking_space('\u{A0}'));
        assert!(!is_breaking_space('\r'));
        assert!(!is_breaking_space('\u{B}'));
    }

    #[test]
    fn fast_path_agrees_with_unicode_width() {
        let fast: Vec<char> = ('\u{20}'..='\u{7E}')
            .chain('\u{FE70}'..='\u{FEFC}')
            .chain('\u{064B}'..='\u{065F}')
            .chain(['\u{0670}'])
            .collect();
        let mut s = String::new();
        for &a in &fast {
            for &b in &fast {
                s.clear();
                s.push(a);
                s.push(b);
                assert_eq!(
                    cluster_width(&s),
                    UnicodeWidthStr::width(s.as_str()),
                    "{s:?}"
                );
            }
        }
        // Unshaped lam-alef takes the general path and its sequence rule.
        assert_eq!(cluster_width("\u{0644}\u{0627}"), 1);
    }
}

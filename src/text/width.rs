//! Cell widths of what is drawn. Widths are measured on the shaped, sanitised text of one
//! grapheme cluster, because that is what occupies the cells: a lam-alef ligature is one cell,
//! harakat and joiners none, a C0 control shown as its picture one.

use unicode_width::UnicodeWidthStr;

/// Columns taken by one displayed cluster.
pub fn cluster_width(display: &str) -> usize {
    UnicodeWidthStr::width(display)
}

/// True for characters that separate words and may hang at the end of a line: the UAX #14
/// spaces, but not the no-break spaces, which glue words together.
pub fn is_breaking_space(c: char) -> bool {
    c.is_whitespace()
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
    }
}

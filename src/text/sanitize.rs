//! What may reach the terminal. Article text is untrusted: control characters (C0 except tab
//! and newline, DEL, C1, ESC) would move the cursor, change colours or the window title, so
//! they are shown as visible symbols instead; invisible formatting characters are dropped from
//! the display (they keep their effect on bidi and shaping), and bidi controls can be revealed.

/// Bidi embedding, override and isolate controls (U+202A–202E, U+2066–2069).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters with no glyph that terminals handle inconsistently; they are not drawn.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{FEFF}' | '\u{2060}'..='\u{2064}'
    ) || is_bidi_control(c)
}

/// How one character is drawn: `Some(symbol)` to draw, `None` to draw nothing.
/// `reveal` shows bidi controls as visible arrows so hidden reordering (Trojan Source) is seen.
pub fn display_char(c: char, reveal: bool) -> Option<char> {
    match c {
        // C0 controls map onto the Control Pictures block: ESC becomes ␛, BEL ␇, CR ␍.
        '\0'..='\u{1F}' => char::from_u32(0x2400 + c as u32),
        '\u{7F}' => Some('\u{2421}'),
        // C1 controls (including the 8-bit CSI U+009B) have no pictures; show a replacement.
        '\u{80}'..='\u{9F}' => Some('\u{FFFD}'),
        _ if reveal && is_bidi_control(c) => Some(reveal_symbol(c)),
        _ if reveal && matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}') => Some(reveal_symbol(c)),
        _ if is_invisible(c) => None,
        _ => Some(c),
    }
}

fn reveal_symbol(c: char) -> char {
    match c {
        '\u{200E}' => '\u{21A3}', // LRM  ↣
        '\u{200F}' => '\u{21A2}', // RLM  ↢
        '\u{061C}' => '\u{219E}', // ALM  ↞
        '\u{202A}' => '\u{21D2}', // LRE  ⇒
        '\u{202B}' => '\u{21D0}', // RLE  ⇐
        '\u{202C}' => '\u{21D3}', // PDF  ⇓
        '\u{202D}' => '\u{21DB}', // LRO  ⇛
        '\u{202E}' => '\u{21DA}', // RLO  ⇚
        '\u{2066}' => '\u{22B3}', // LRI  ⊳
        '\u{2067}' => '\u{22B2}', // RLI  ⊲
        '\u{2068}' => '\u{22C4}', // FSI  ⋄
        _ => '\u{22A5}',          // PDI  ⊥
    }
}

/// Counts of characters in a text that change what is shown without being visible.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HiddenCounts {
    /// Bidi embedding/override/isolate controls and directional marks.
    pub bidi_controls: usize,
    /// C0/C1 control characters other than tab and newline (shown as symbols).
    pub control_chars: usize,
}

/// Counts hidden characters in `text`.
pub fn count_hidden(text: &str) -> HiddenCounts {
    let mut counts = HiddenCounts::default();
    for c in text.chars() {
        if is_bidi_control(c) || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}') {
            counts.bidi_controls += 1;
        } else if matches!(c, '\0'..='\u{8}' | '\u{B}'..='\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}')
        {
            counts.control_chars += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_visible_symbols() {
        assert_eq!(display_char('\u{1B}', false), Some('␛'));
        assert_eq!(display_char('\u{7}', false), Some('␇'));
        assert_eq!(display_char('\r', false), Some('␍'));
        assert_eq!(display_char('\u{9B}', false), Some('\u{FFFD}'));
        assert_eq!(display_char('\u{7F}', false), Some('␡'));
        assert_eq!(display_char('ب', false), Some('ب'));
    }

    #[test]
    fn bidi_controls_hidden_or_revealed() {
        assert_eq!(display_char('\u{202E}', false), None);
        assert_eq!(display_char('\u{202E}', true), Some('⇚'));
        assert_eq!(display_char('\u{200D}', true), None);
        let counts = count_hidden("a\u{202E}b\u{2066}c\u{1B}[31m\u{200F}");
        assert_eq!(counts.bidi_controls, 3);
        assert_eq!(counts.control_chars, 1);
    }
}

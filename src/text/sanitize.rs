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

/// Counts hidden characters in `text`. Runs on every article opened, so it skips, in blocks,
/// text that has no byte any hidden character is made of (control bytes, `C2` of the C1
/// controls, `E2` of the bidi controls and marks, `9C` of U+061C) and decodes only the rest.
pub fn count_hidden(text: &str) -> HiddenCounts {
    const CHUNK: usize = 64;
    let bytes = text.as_bytes();
    let mut counts = HiddenCounts::default();
    let mut start = 0;
    while start < bytes.len() {
        let mut end = (start + CHUNK).min(bytes.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        // `fold` with `|` (rather than `any`) lets the compiler check the block with vectors.
        let suspect = bytes[start..end].iter().fold(false, |acc, &b| {
            acc | (b < 0x20) | (b == 0x7F) | (b == 0xC2) | (b == 0xE2) | (b == 0x9C)
        });
        if suspect {
            count_hidden_chars(&text[start..end], &mut counts);
        }
        start = end;
    }
    counts
}

fn count_hidden_chars(text: &str, counts: &mut HiddenCounts) {
    for c in text.chars() {
        if is_bidi_control(c) || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}') {
            counts.bidi_controls += 1;
        } else if matches!(c, '\0'..='\u{8}' | '\u{B}'..='\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}')
        {
            counts.control_chars += 1;
        }
    }
}

/// `text` (a string from a file) made safe for one line of command-line output: controls,
/// line breaks included, shown as symbols; bidi controls revealed; invisible marks dropped.
pub fn printable(text: &str) -> String {
    text.chars().filter_map(|c| display_char(c, true)).collect()
}

/// A writer for command-line reports: what passes through it reaches the terminal as
/// [`printable`] shows it, except that line feeds and tabs stay (reports are lines). Every
/// subcommand that prints strings from files (labels, quotes, names, problems) writes through
/// one, so a file cannot send an escape sequence by way of an error message.
pub struct PrintableWriter<W: std::io::Write> {
    inner: W,
    /// The start of a UTF-8 sequence cut between two writes.
    pending: Vec<u8>,
}

impl<W: std::io::Write> PrintableWriter<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            pending: Vec::new(),
        }
    }

    fn pass(&mut self, upto: usize) -> std::io::Result<()> {
        let text = String::from_utf8_lossy(&self.pending[..upto]);
        let clean: String = text
            .chars()
            .filter_map(|c| match c {
                '\n' | '\t' => Some(c),
                _ => display_char(c, true),
            })
            .collect();
        self.pending.drain(..upto);
        self.inner.write_all(clean.as_bytes())
    }
}

impl<W: std::io::Write> std::io::Write for PrintableWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let upto = match std::str::from_utf8(&self.pending) {
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            _ => self.pending.len(),
        };
        self.pass(upto)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.pass(self.pending.len())?;
        self.inner.flush()
    }
}

impl<W: std::io::Write> Drop for PrintableWriter<W> {
    fn drop(&mut self) {
        let _ = std::io::Write::flush(self);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_report_writer_keeps_lines_and_shows_controls() {
        use std::io::Write;
        let mut out = Vec::new();
        {
            let mut w = PrintableWriter::new(&mut out);
            write!(w, "a\u{1b}]0;x\u{7}\tb\n\u{9b}").unwrap();
            // a sequence cut between two writes
            let bytes = "ب".as_bytes();
            w.write_all(&bytes[..1]).unwrap();
            w.write_all(&bytes[1..]).unwrap();
        }
        assert_eq!(String::from_utf8(out).unwrap(), "a␛]0;x␇\tb\n\u{FFFD}ب");
    }

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
    fn printable_keeps_one_line_and_shows_controls() {
        assert_eq!(printable("قال\n\u{1B}[2J\u{202E}x"), "قال␊␛[2J⇚x");
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

    #[test]
    fn block_skipping_counts_like_a_plain_scan() {
        // Hidden characters at every position relative to the 64-byte blocks, and text whose
        // bytes look suspect (U+065C, “) without being hidden.
        let pieces = [
            "بَ", "a", "\u{202E}", "\u{200F}", "\u{061C}", "\u{9B}", "\u{7F}", "\u{1B}", "\n", "\t",
            "\r", "\u{065C}", "“", "😀", "\u{2066}",
        ];
        let mut text = String::new();
        for i in 0..2000usize {
            text.push_str(pieces[(i * 7 + i / 13) % pieces.len()]);
            if i % 37 == 0 || i > 1990 {
                let mut plain = HiddenCounts::default();
                count_hidden_chars(&text, &mut plain);
                assert_eq!(count_hidden(&text), plain, "after {i} pieces");
            }
        }
        assert!(count_hidden(&text).bidi_controls > 100);
    }
}

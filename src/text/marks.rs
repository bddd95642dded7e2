//! Finding the marks that end a sentence for the isnad rules (`.` `!` `؟` and the line feed)
//! by searching bytes: what `text.find(['.', '!', '؟', '\n'])` and `rfind` give. The rules ask
//! where the sentence of a cue or claim ends or starts about a thousand times per article,
//! and the standard search decodes every character on the way; `.` `!` and the line feed are
//! single bytes, and `؟` (U+061F) is the only one of its bytes 0xD8 0x9F, so a byte search
//! (`memchr`) finds them without decoding.

/// The second byte of `؟` in UTF-8 (the first is 0xD8).
const QUESTION_TAIL: u8 = 0x9F;
const QUESTION_LEAD: u8 = 0xD8;

/// The byte offset of the first `.` `!` `؟` or line feed in `text`.
pub fn find_sentence_mark(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let ascii = memchr::memchr3(b'.', b'!', b'\n', bytes);
    let before = &bytes[..ascii.unwrap_or(bytes.len())];
    // 0x9F is a continuation byte: `؟` is where the byte before it is 0xD8 (a lead byte)
    let question = memchr::memchr_iter(QUESTION_TAIL, before)
        .find(|&i| i > 0 && bytes[i - 1] == QUESTION_LEAD)
        .map(|i| i - 1);
    question.or(ascii)
}

/// The byte offset of the last `.` `!` `؟` or line feed in `text`.
pub fn rfind_sentence_mark(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let ascii = memchr::memrchr3(b'.', b'!', b'\n', bytes);
    let after = ascii.map_or(0, |i| i + 1);
    let question = memchr::memrchr_iter(QUESTION_TAIL, &bytes[after..])
        .map(|i| after + i)
        .find(|&i| i > 0 && bytes[i - 1] == QUESTION_LEAD)
        .map(|i| i - 1);
    question.or(ascii)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MARKS: [char; 4] = ['.', '!', '؟', '\n'];

    #[test]
    fn finds_what_the_character_search_finds_in_every_piece_of_text() {
        // characters whose UTF-8 ends in 0x9F but are not `؟` (U+065F, U+069F, U+201F,
        // U+1F61F), the marks themselves, and text without any
        let text = "قال؟ هل\u{065F}\u{069F}\u{201F}\u{1F61F}. نعم!\nلا\u{061F}x؟\u{064E}end";
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &a in &bounds {
            for &b in bounds.iter().filter(|&&b| b >= a) {
                let piece = &text[a..b];
                assert_eq!(find_sentence_mark(piece), piece.find(MARKS), "{piece:?}");
                assert_eq!(rfind_sentence_mark(piece), piece.rfind(MARKS), "{piece:?}");
            }
        }
        for piece in ["", "بلا علامة", "\u{065F}\u{069F}"] {
            assert_eq!(find_sentence_mark(piece), None);
            assert_eq!(rfind_sentence_mark(piece), None);
        }
    }
}

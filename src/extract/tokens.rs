//! Tokenisation of normalised text and proclitic analysis: a token's proclitics (و ف ب ل ك ال
//! لل) are split off only when what remains is a known word, so بغداد stays بغداد while
//! وبغداد is و + بغداد.

use std::ops::Range;
use std::sync::OnceLock;

use super::gazetteer::{Gazetteer, Hit};
use super::lexicon::{self, class};
use crate::text::normalize::{is_arabic_mark, is_invisible};

/// Does `c` belong to a word? Letters and digits (ASCII, Arabic, any script), `_`, and the
/// marks raw text carries inside Arabic words (harakat, tatweel, zero-width joiners; normalised
/// text has none of them left). The one word test of both tokenisers (the entity extractor's
/// on normalised text, the cue parser's on the article's own) and of the gazetteer's word ends.
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' | '_' => true,
        // Arabic letters.
        '\u{0621}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' => true,
        // Harakat and tatweel (diacritised text): without this arm they reach the slow
        // Unicode table lookup below, once per mark.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => true,
        c if c.is_ascii() => false,
        '\u{200C}' | '\u{200D}' => true,
        '\u{2000}'..='\u{206F}' => false,
        _ => c.is_alphanumeric() || is_arabic_mark(c) || c == '\u{0640}',
    }
}

/// `char::is_alphanumeric`, with ASCII and the Arabic block (letters, digits and the harakat
/// Unicode counts as alphabetic) answered without the Unicode tables: the isnad rules trim
/// every word of the article's own, diacritised text with it.
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{0610}'..='\u{061A}'
        | '\u{0620}'..='\u{0657}'
        | '\u{0659}'..='\u{0669}'
        | '\u{066E}'..='\u{06D3}'
        | '\u{06D5}'..='\u{06DC}'
        | '\u{06E1}'..='\u{06E8}'
        | '\u{06ED}'..='\u{06FC}'
        | '\u{06FF}' => true,
        '\u{0600}'..='\u{06FF}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// One piece of text as both tokenisers cut it: a run of word characters, a line break, or any
/// other visible character on its own. Spaces and invisible formatting characters separate
/// pieces and are no piece themselves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Byte range of a maximal run of [`is_word_char`] characters.
    Word(Range<usize>),
    /// A `\n` at this byte.
    Break(usize),
    /// Any other visible character, at this byte.
    Other(usize, char),
}

/// What one character is to [`pieces`]: the tests of [`pieces`] in the order it asks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CharClass {
    /// Whitespace or an invisible formatting character: separates pieces, is none.
    Space,
    Word,
    /// Any other visible character.
    Other,
    Break,
}

fn char_class(c: char) -> CharClass {
    if c == '\n' {
        CharClass::Break
    } else if is_word_char(c) {
        CharClass::Word
    } else if !c.is_whitespace() && !is_invisible(c) {
        CharClass::Other
    } else {
        CharClass::Space
    }
}

/// [`char_class`] of every code point UTF-8 writes in one or two bytes (U+0000–U+07FF: ASCII
/// and the Arabic block, nearly every character of an article), computed once: both
/// tokenisers classify each character of the article, about 18 M instructions per article
/// through the tests themselves, against a load from this table.
fn short_classes() -> &'static [CharClass; 0x800] {
    static TABLE: OnceLock<[CharClass; 0x800]> = OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|code| {
            u32::try_from(code)
                .ok()
                .and_then(char::from_u32)
                .map_or(CharClass::Space, char_class)
        })
    })
}

/// The character at byte `at` of `text` (a character boundary), its length in bytes and its
/// [`char_class`]; one- and two-byte characters are decoded here and classified by `table`.
#[inline]
fn char_at(text: &str, table: &[CharClass; 0x800], at: usize) -> Option<(char, usize, CharClass)> {
    let bytes = text.as_bytes();
    let lead = *bytes.get(at)?;
    if lead < 0x80 {
        return Some((char::from(lead), 1, table[usize::from(lead)]));
    }
    if lead < 0xE0 {
        // a two-byte sequence (valid UTF-8: the lead byte is C2–DF, one continuation byte)
        let code = (usize::from(lead & 0x1F) << 6) | usize::from(*bytes.get(at + 1)? & 0x3F);
        let c = u32::try_from(code).ok().and_then(char::from_u32)?;
        return Some((c, 2, table[code]));
    }
    let c = text.get(at..)?.chars().next()?;
    Some((c, c.len_utf8(), char_class(c)))
}

/// The pieces of `text`, in order (byte offsets into `text`).
pub fn pieces(text: &str) -> impl Iterator<Item = Piece> + '_ {
    let table = short_classes();
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            let start = at;
            let (c, len, class) = char_at(text, table, at)?;
            at += len;
            match class {
                CharClass::Break => return Some(Piece::Break(start)),
                CharClass::Word => {
                    while let Some((_, len, CharClass::Word)) = char_at(text, table, at) {
                        at += len;
                    }
                    return Some(Piece::Word(start..at));
                }
                CharClass::Other => return Some(Piece::Other(start, c)),
                CharClass::Space => {}
            }
        }
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    /// A line break: entities never cross it.
    Break,
}

#[derive(Debug, Clone)]
pub struct Token {
    /// Byte range in the normalised text.
    pub range: Range<usize>,
    pub kind: TokenKind,
    /// Bytes of proclitics before the stem (0 when none was split off).
    pub clitic: usize,
    /// Lexicon classes of the stem.
    pub classes: u32,
    /// The stem had the article ال (possibly assimilated in لل).
    pub definite: bool,
    /// The longest gazetteer entry starting at the stem, if any.
    pub gazetteer: Option<Hit>,
}

/// Proclitic chains, longest first, in normalised spelling. `لل` stands for ل + ال.
const PROCLITICS: &[&str] = &[
    "وبال", "فبال", "وكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "وب", "وك", "ول", "فب",
    "فك", "فل", "و", "ف", "ب", "ك", "ل",
];

/// The letters a chain of [`PROCLITICS`] starts with: a word that starts with none of them
/// is not tried against each chain.
const PROCLITIC_FIRST_LETTERS: [char; 5] = ['و', 'ف', 'ب', 'ك', 'ل'];

impl Token {
    /// A token of `kind` with nothing analysed yet.
    fn bare(range: Range<usize>, kind: TokenKind) -> Token {
        Token {
            range,
            kind,
            clitic: 0,
            classes: 0,
            definite: false,
            gazetteer: None,
        }
    }

    pub fn text<'a>(&self, norm: &'a str) -> &'a str {
        &norm[self.range.clone()]
    }

    /// The token without its proclitics.
    pub fn stem<'a>(&self, norm: &'a str) -> &'a str {
        &norm[self.range.start + self.clitic..self.range.end]
    }

    pub fn is(&self, flags: u32) -> bool {
        self.classes & flags != 0
    }

    /// Starts with a conjunction (و/ف) that was split off: a new phrase begins here.
    pub fn has_conjunction(&self, norm: &str) -> bool {
        self.clitic > 0
            && (norm[self.range.clone()].starts_with('و')
                || norm[self.range.clone()].starts_with('ف'))
    }
}

/// Splits normalised text into tokens and analyses each word's proclitics.
pub fn tokenize(norm: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(norm.len() / 6);
    for piece in pieces(norm) {
        let token = match piece {
            Piece::Break(at) => Token::bare(at..at + 1, TokenKind::Break),
            Piece::Other(at, c) => Token::bare(at..at + c.len_utf8(), TokenKind::Punct),
            Piece::Word(range) => word_token(norm, range),
        };
        tokens.push(token);
    }
    tokens
}

/// A word token: a number (possibly with a proclitic glued on: و20، ب2019) or a word with its
/// proclitics analysed.
fn word_token(norm: &str, range: Range<usize>) -> Token {
    let word = &norm[range.clone()];
    let digits_from = word
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(word.len());
    let numeric = digits_from < word.len()
        && word[digits_from..].bytes().all(|b| b.is_ascii_digit())
        && matches!(
            &word[..digits_from],
            "" | "و" | "ف" | "ب" | "ل" | "ك" | "وب" | "ول"
        );
    if numeric {
        let mut token = Token::bare(range, TokenKind::Number);
        token.clitic = digits_from;
        return token;
    }
    let mut token = Token::bare(range, TokenKind::Word);
    analyse(norm, &mut token);
    token
}

/// Finds the proclitic split: the full form first, then the longest chain whose remainder is
/// a lexicon word or starts a gazetteer entry.
fn analyse(norm: &str, token: &mut Token) {
    let word = &norm[token.range.clone()];
    let full = lexicon::classes(word);
    token.definite = word.starts_with("ال") && word.chars().count() > 3;
    let hit = Gazetteer::get().longest_at(norm, token.range.start);
    if full != 0 || hit.is_some() {
        token.classes = full;
        token.gazetteer = hit.filter(|h| !h.entry.after_lam);
        return;
    }
    // every proclitic chain starts with one of these letters: most unknown words (names,
    // verbs) start with another and need none of the 21 tries below
    if !word.starts_with(PROCLITIC_FIRST_LETTERS) {
        return;
    }
    // the stem with its article restored, for every prefix tried: one buffer
    let mut restored = String::new();
    for prefix in PROCLITICS {
        let Some(rest) = word.strip_prefix(prefix) else {
            continue;
        };
        if rest.chars().count() < 2 {
            continue;
        }
        let ends_with_article = prefix.ends_with("ال") || prefix.ends_with("لل");
        // After لل the stem is looked up with its article restored.
        let classes = if ends_with_article {
            restored.clear();
            restored.push_str("ال");
            restored.push_str(rest);
            lexicon::classes(&restored)
        } else {
            lexicon::classes(rest)
        };
        let hit = if ends_with_article {
            None
        } else {
            Gazetteer::get()
                .longest_at(norm, token.range.start + prefix.len())
                .filter(|hit| !hit.entry.after_lam || prefix.ends_with('ل'))
        };
        let in_gazetteer = hit.is_some();
        let assimilated_article = hit.as_ref().is_some_and(|h| h.entry.after_lam);
        if classes != 0 || in_gazetteer {
            token.clitic = if ends_with_article {
                // Keep ال inside the stem where it is written (وال/بال); for لل the article
                // is assimilated, so the stem starts after the whole prefix.
                if prefix.ends_with("ال") {
                    prefix.len() - "ال".len()
                } else {
                    prefix.len()
                }
            } else {
                prefix.len()
            };
            token.classes = classes;
            token.gazetteer = hit;
            token.definite = ends_with_article || assimilated_article || rest.starts_with("ال");
            return;
        }
    }
}

/// Proclitic split of a single word on its own (for tests and importers): (clitic, stem).
pub fn split_proclitics(word: &str) -> (&str, &str) {
    let norm = crate::text::normalize::NormalizedText::new(word);
    let tokens = tokenize(&norm.text);
    match tokens.first() {
        Some(t) if t.clitic > 0 && t.range.start == 0 => {
            let at = norm.original_offset(t.clitic);
            (&word[..at], &word[at..])
        }
        _ => ("", word),
    }
}

/// Is this token shaped like an imperfect verb (يفعل، تفعل، نفعل) rather than a name?
pub fn verb_shaped(stem: &str) -> bool {
    let mut chars = stem.chars();
    matches!(chars.next(), Some('ي' | 'ت' | 'ن'))
        && stem.chars().count() >= 4
        && lexicon::classes(stem) & class::GIVEN_NAME == 0
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn is_letter_or_digit_is_is_alphanumeric() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(
                is_letter_or_digit(c),
                c.is_alphanumeric(),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn the_fast_arms_of_is_word_char_agree_with_the_general_rule() {
        let general = |c: char| c.is_alphanumeric() || is_arabic_mark(c) || c == '\u{0640}';
        let outside_fixed_ranges = (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| !matches!(c, '\u{2000}'..='\u{206F}'));
        for c in outside_fixed_ranges {
            assert_eq!(is_word_char(c), general(c), "U+{:04X}", c as u32);
        }
        assert!(is_word_char('\u{0651}'), "shadda is inside a word");
    }
    use crate::text::normalize::normalize_str;

    fn stems(s: &str) -> Vec<String> {
        let norm = normalize_str(s);
        tokenize(&norm)
            .iter()
            .map(|t| t.stem(&norm).to_owned())
            .collect()
    }

    #[test]
    fn clitics_split_only_before_known_words() {
        assert_eq!(stems("بغداد"), ["بغداد"]);
        assert_eq!(stems("وبغداد"), ["بغداد"]);
        assert_eq!(stems("بيروت"), ["بيروت"]);
        assert_eq!(stems("لبنان"), ["لبنان"]);
        assert_eq!(stems("فرنسا"), ["فرنسا"]);
        assert_eq!(stems("كندا"), ["كندا"]);
        assert_eq!(stems("واشنطن"), ["واشنطن"]);
        assert_eq!(stems("ولبنان"), ["لبنان"]);
        assert_eq!(stems("بالقاهرة"), ["القاهره"]);
        assert_eq!(stems("والرئيس"), ["الرئيس"]);
        // Unknown remainder: nothing is split.
        assert_eq!(stems("وبالكتابة"), ["وبالكتابه"]);
    }

    #[test]
    fn every_proclitic_chain_starts_with_a_listed_first_letter() {
        for prefix in PROCLITICS {
            assert!(prefix.starts_with(PROCLITIC_FIRST_LETTERS), "{prefix}");
        }
    }

    #[test]
    fn lam_lam_restores_the_article() {
        let norm = normalize_str("للأمم المتحدة");
        let tokens = tokenize(&norm);
        assert!(tokens[0].definite);
        assert_eq!(tokens[0].stem(&norm), "لامم");
        let norm = normalize_str("لوزارة");
        let tokens = tokenize(&norm);
        assert_eq!(tokens[0].stem(&norm), "وزاره");
        assert!(tokens[0].is(class::ORG_HEAD));
    }

    #[test]
    fn punctuation_numbers_and_breaks() {
        let norm = normalize_str("قتل ٣ أشخاص، أمس.\nثم");
        let kinds: Vec<TokenKind> = tokenize(&norm).iter().map(|t| t.kind).collect();
        use TokenKind::*;
        assert_eq!(kinds, [Word, Number, Word, Punct, Word, Punct, Break, Word]);
    }

    #[test]
    fn pieces_keep_harakat_tatweel_and_joiners_inside_words() {
        let text = "قَالَـت\u{200C}ه «نعم»، \u{200F}ok_1\nب";
        let words: Vec<&str> = pieces(text)
            .filter_map(|p| match p {
                Piece::Word(r) => Some(&text[r]),
                _ => None,
            })
            .collect();
        assert_eq!(words, ["قَالَـت\u{200C}ه", "نعم", "ok_1", "ب"]);
        let others: Vec<char> = pieces(text)
            .filter_map(|p| match p {
                Piece::Other(_, c) => Some(c),
                Piece::Break(_) => Some('⏎'),
                Piece::Word(_) => None,
            })
            .collect();
        // The right-to-left mark between words is no piece.
        assert_eq!(others, ['«', '»', '،', '⏎']);
    }

    /// [`pieces`] as it was written before the table: one character at a time through the
    /// three tests.
    fn pieces_by_char_tests(text: &str) -> Vec<Piece> {
        let mut out = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if c == '\n' {
                out.push(Piece::Break(start));
            } else if is_word_char(c) {
                let mut end = start + c.len_utf8();
                while let Some(&(at, next)) = chars.peek() {
                    if !is_word_char(next) {
                        break;
                    }
                    end = at + next.len_utf8();
                    chars.next();
                }
                out.push(Piece::Word(start..end));
            } else if !c.is_whitespace() && !is_invisible(c) {
                out.push(Piece::Other(start, c));
            }
        }
        out
    }

    #[test]
    fn pieces_by_table_are_the_pieces_by_char_tests() {
        // every one- and two-byte character, each alone between spaces and each glued to
        // Arabic letters on both sides; then characters of three and four bytes
        let longer = [
            '\u{0800}',
            '\u{200C}',
            '\u{200D}',
            '\u{200F}',
            '\u{2028}',
            '\u{202B}',
            '\u{3000}',
            '\u{FEFF}',
            '\u{FB50}',
            '\u{FE8D}',
            '\u{FFFD}',
            '\u{1D400}',
            '\u{1F600}',
            '\u{10FFFF}',
        ];
        let mut text = String::new();
        for c in (0..0x800u32).filter_map(char::from_u32).chain(longer) {
            text.push(' ');
            text.push(c);
            text.push_str(" قال");
            text.push(c);
            text.push_str("ت\u{0651}");
        }
        text.push_str("\nقَالَـت\u{200C}ه «نعم»، \u{200F}ok_1\r\nب\u{85}\u{A0}x");
        let wikinews = include_str!("../../tests/data/wikinews-ar.txt");
        for text in [text.as_str(), wikinews, "", "\n", "a", "ب"] {
            assert_eq!(pieces(text).collect::<Vec<_>>(), pieces_by_char_tests(text));
        }
    }

    #[test]
    fn split_proclitics_of_a_word() {
        assert_eq!(split_proclitics("وبغداد"), ("و", "بغداد"));
        assert_eq!(split_proclitics("بغداد"), ("", "بغداد"));
        assert_eq!(split_proclitics("لوزارة"), ("ل", "وزارة"));
        assert_eq!(split_proclitics("وبالكتابة"), ("", "وبالكتابة"));
    }
}

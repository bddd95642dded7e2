//! The cue parser's tokens: words (with their folded key), punctuation, and quotation marks
//! paired across the paragraph. Harakat are folded away and tell the parser nothing: an
//! article gives the same suggestions with and without them (docs/attribution-guidelines.md §2.6).

use std::ops::Range;

use crate::extract::tokens::{Piece, pieces};
use crate::text::normalize::{NormalizedText, is_arabic_mark};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Punct(char),
    Quote(QuoteMark),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum QuoteMark {
    Open,
    Close,
    Either,
}

#[derive(Clone, Debug)]
pub(super) struct Token<'a> {
    /// Article byte range.
    pub(super) range: Range<usize>,
    pub(super) kind: Kind,
    /// Folded form (no harakat/tatweel, letter variants unified): a word's is a slice of the
    /// article's folded text, a mark's of the paragraph, so no token allocates a key.
    pub(super) key: &'a str,
    /// Ends in ة (folded to ه in `key`): a feminine noun, rarely a man's name (`نزيه`).
    pub(super) ta_marbuta: bool,
    /// Index of the matching quote mark for quote tokens.
    pub(super) pair: Option<usize>,
    /// Inside a quotation (between paired marks, marks excluded).
    pub(super) quoted: bool,
}

pub(super) fn quote_mark(c: char) -> Option<QuoteMark> {
    match c {
        '«' | '“' | '„' | '‹' => Some(QuoteMark::Open),
        '»' | '”' | '›' => Some(QuoteMark::Close),
        '"' => Some(QuoteMark::Either),
        _ => None,
    }
}

/// The tokens of `paragraph`, whose first byte is at `base` in the article (token ranges are
/// article byte ranges), with quotation marks paired; the words' keys are read from `folded`,
/// the whole article folded once.
pub(super) fn tokenize<'a>(
    paragraph: &'a str,
    base: usize,
    folded: &'a NormalizedText,
) -> Vec<Token<'a>> {
    let mut tokens = Vec::new();
    for piece in pieces(paragraph) {
        match piece {
            Piece::Word(range) => tokens.extend(word_token(paragraph, range, base, folded)),
            Piece::Other(at, c) => tokens.push(Token {
                range: base + at..base + at + c.len_utf8(),
                kind: quote_mark(c).map_or(Kind::Punct(c), Kind::Quote),
                key: &paragraph[at..at + c.len_utf8()],
                ta_marbuta: false,
                pair: None,
                quoted: false,
            }),
            Piece::Break(_) => {}
        }
    }
    pair_quotes(&mut tokens);
    tokens
}

/// A word token with its folded key and what its harakat say; `None` for a run of marks that
/// folds to nothing.
fn word_token<'a>(
    paragraph: &'a str,
    range: Range<usize>,
    base: usize,
    folded: &'a NormalizedText,
) -> Option<Token<'a>> {
    let raw = &paragraph[range.clone()];
    let key = folded.slice(base + range.start..base + range.end);
    if key.is_empty() {
        return None;
    }
    let last_letter = raw
        .chars()
        .rev()
        .find(|c| !is_arabic_mark(*c) && *c != '\u{0640}');
    Some(Token {
        range: base + range.start..base + range.end,
        kind: Kind::Word,
        key,
        ta_marbuta: last_letter == Some('ة'),
        pair: None,
        quoted: false,
    })
}

/// Pairs quotation marks: « » and “ ” nest; `"` alternates. Unpaired marks stay unpaired so a
/// stray mark never swallows the rest of the paragraph.
pub(super) fn pair_quotes(tokens: &mut [Token]) {
    let mut stack: Vec<usize> = Vec::new();
    let mut straight_open: Option<usize> = None;
    for i in 0..tokens.len() {
        match tokens[i].kind {
            Kind::Quote(QuoteMark::Open) => stack.push(i),
            Kind::Quote(QuoteMark::Close) => {
                if let Some(open) = stack.pop() {
                    tokens[open].pair = Some(i);
                    tokens[i].pair = Some(open);
                }
            }
            Kind::Quote(QuoteMark::Either) => match straight_open.take() {
                Some(open) => {
                    tokens[open].pair = Some(i);
                    tokens[i].pair = Some(open);
                }
                None => straight_open = Some(i),
            },
            _ => {}
        }
    }
    pair_stray_marks(tokens);
    for i in 0..tokens.len() {
        if let (Kind::Quote(_), Some(close)) = (tokens[i].kind, tokens[i].pair)
            && close > i
        {
            for t in &mut tokens[i + 1..close] {
                t.quoted = true;
            }
        }
    }
}

/// Marks left unpaired by [`pair_quotes`] that are written the wrong way round (`”…“`) or
/// mixed (`“…"`): a mark glued to the word after it opens, the next unpaired mark glued to the
/// word before it closes, when no pair crosses them.
fn pair_stray_marks(tokens: &mut [Token]) {
    let glued_after = |tokens: &[Token], i: usize| {
        tokens
            .get(i + 1)
            .is_some_and(|n| n.kind == Kind::Word && n.range.start == tokens[i].range.end)
    };
    // glued to whatever token comes before it (a word or a full stop: `قال.”`)
    let glued_before =
        |tokens: &[Token], i: usize| i > 0 && tokens[i - 1].range.end == tokens[i].range.start;
    let stray: Vec<usize> = (0..tokens.len())
        .filter(|&i| matches!(tokens[i].kind, Kind::Quote(_)) && tokens[i].pair.is_none())
        .collect();
    let mut k = 0;
    while k + 1 < stray.len() {
        let (open, close) = (stray[k], stray[k + 1]);
        let crossing =
            (open + 1..close).any(|m| tokens[m].pair.is_some_and(|p| p < open || p > close));
        if glued_after(tokens, open) && glued_before(tokens, close) && !crossing {
            tokens[open].pair = Some(close);
            tokens[close].pair = Some(open);
            // read as the marks they stand for
            tokens[open].kind = Kind::Quote(QuoteMark::Open);
            tokens[close].kind = Kind::Quote(QuoteMark::Close);
            k += 2;
        } else {
            k += 1;
        }
    }
}

pub(super) fn is_sentence_end(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    if t.quoted {
        return false;
    }
    match t.kind {
        Kind::Punct('!' | '?' | '؟' | '…' | '\u{06D4}') => true,
        Kind::Punct('.') => {
            // A decimal point or an abbreviation dot inside a number is not a sentence end.
            let touching = |j: Option<&Token>, before: bool| {
                j.is_some_and(|n| {
                    n.kind == Kind::Word
                        && n.key.chars().all(|c| c.is_ascii_digit())
                        && if before {
                            n.range.end == t.range.start
                        } else {
                            n.range.start == t.range.end
                        }
                })
            };
            let decimal = touching(i.checked_sub(1).and_then(|j| tokens.get(j)), true)
                && touching(tokens.get(i + 1), false);
            !(decimal || is_abbreviation_dot(tokens, i))
        }
        _ => false,
    }
}

/// `قال د. سامي …`، `م.خالد العمري`: a dot right after a letter standing alone abbreviates a
/// title (no Arabic word is one letter long): it ends no sentence, and the name after it goes on
/// the speaker's noun phrase.
pub(super) fn is_abbreviation_dot(tokens: &[Token], i: usize) -> bool {
    let dot = &tokens[i];
    dot.kind == Kind::Punct('.')
        && i.checked_sub(1)
            .and_then(|j| tokens.get(j))
            .is_some_and(|letter| {
                letter.kind == Kind::Word
                    && letter.range.end == dot.range.start
                    && letter.key.chars().count() == 1
                    && letter
                        .key
                        .chars()
                        .all(|c| c.is_alphabetic() && !c.is_ascii())
            })
}

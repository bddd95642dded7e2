//! What the learned stage (`crate::extract::learned`) reads of the cue parser, without reaching
//! into its private steps: the paragraphs' tokens as the parser made them (so nothing is
//! tokenised twice), the cue lexicon's verdict on a word, the prepositional frames and the
//! closed word classes the learned features may name.

use std::ops::Range;

use super::lexicon::{Form, Gender, PREPOSITION_CUES, cue_form};
use super::tokens::{Kind, Token, is_sentence_end};
use super::words::{
    ADVERBS, COMPLEMENTIZERS, MEDIUM_HEADS, PARTICLES, PARTITIVE_HEADS, PREPOSITIONS, bare,
    head_type, in_set, is_definite, is_negation, is_role,
};
use super::{CueType, Stance};
use crate::annotate::model::SourceType;

/// What a token is, for the learned stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ViewKind {
    Word,
    Punct(char),
    Quote,
}

/// One token of the cue parser, as the learned stage reads it.
#[derive(Clone, Debug)]
pub(crate) struct ViewToken<'a> {
    /// Article byte range.
    pub(crate) range: Range<usize>,
    pub(crate) kind: ViewKind,
    /// Folded form (no harakat, letter variants unified).
    pub(crate) key: &'a str,
    /// Inside a quotation.
    pub(crate) quoted: bool,
    /// The paired quotation mark of a quote token, as an index into the same paragraph list.
    pub(crate) pair: Option<usize>,
    /// Ends a sentence (the parser's own test).
    pub(crate) sentence_end: bool,
}

/// The tokens of one paragraph.
pub(crate) type ViewParagraph<'a> = Vec<ViewToken<'a>>;

/// Reads a paragraph's tokens after the parser ran on them.
pub(super) fn view_of<'a>(tokens: &[Token<'a>]) -> ViewParagraph<'a> {
    (0..tokens.len())
        .map(|i| {
            let t = &tokens[i];
            ViewToken {
                range: t.range.clone(),
                kind: match t.kind {
                    Kind::Word => ViewKind::Word,
                    Kind::Punct(c) => ViewKind::Punct(c),
                    Kind::Quote(_) => ViewKind::Quote,
                },
                key: t.key,
                quoted: t.quoted,
                pair: t.pair,
                sentence_end: is_sentence_end(tokens, i),
            }
        })
        .collect()
}

/// The sentences of a paragraph as token ranges: the parser's own split
/// (`parser::sentence_ranges`) over the tokens' sentence ends.
pub(crate) fn sentences(tokens: &ViewParagraph<'_>) -> Vec<Range<usize>> {
    super::parser::sentence_ranges(tokens.len(), |i| tokens[i].sentence_end)
}

/// What the cue lexicon says of a word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CueWord {
    pub(crate) lemma: &'static str,
    pub(crate) cue_type: CueType,
    pub(crate) stance: Stance,
    /// `past`, `present`, `passive`, `participle`, `noun`.
    pub(crate) form: &'static str,
    /// Written with a و/ف prefix.
    pub(crate) prefixed: bool,
    /// `masculine`, `feminine`, `plural`: the subject the verb form agrees with.
    pub(crate) gender: &'static str,
    /// The lexicon's flags that say how the word behaves (`adjacent`: a homograph that counts
    /// only with its complement right after it; `object`: takes a noun-phrase claim;
    /// `needs-frame`, `speaker-only`, `relay`, `accuses`, `distancing`).
    pub(crate) flags: Vec<&'static str>,
}

/// The cue lexicon's entry for a folded word (with or without a و/ف prefix).
pub(crate) fn cue_word(key: &str) -> Option<CueWord> {
    let (form, prefix) = cue_form(key)?;
    let flags = [
        ("adjacent", form.needs_adjacent_complement),
        ("object", form.object_claim),
        ("needs-frame", form.needs_frame),
        ("speaker-only", form.speaker_only),
        ("relay", form.relay),
        ("accuses", form.accuses),
        ("distancing", form.distancing),
    ]
    .into_iter()
    .filter_map(|(name, set)| set.then_some(name))
    .collect();
    Some(CueWord {
        flags,
        lemma: form.lemma,
        cue_type: form.cue_type,
        stance: form.stance,
        form: match form.form {
            Form::Past => "past",
            Form::Present => "present",
            Form::Passive => "passive",
            Form::Participle => "participle",
            Form::Noun => "noun",
        },
        prefixed: prefix > 0,
        gender: match form.gender {
            Gender::Masculine => "masculine",
            Gender::Feminine => "feminine",
            Gender::Plural => "plural",
        },
    })
}

/// The prepositional cue (`بحسب`, `نقلا عن`, `على لسان`) whose words start `keys`: its number
/// of words and dictionary form. A one-letter ل or ب glued to the next word is not read here.
pub(crate) fn preposition_at(keys: &[&str]) -> Option<(usize, &'static str)> {
    // most words start no cue (this runs at every word): the parser's filter of first words
    let first = keys.first()?;
    if !super::preposition::may_start_preposition(first) {
        return None;
    }
    PREPOSITION_CUES.iter().find_map(|cue| {
        let fits = cue.words.len() <= keys.len()
            && cue
                .words
                .iter()
                .zip(keys)
                .all(|(w, k)| *k == w || k.strip_prefix('و').is_some_and(|rest| rest == w));
        fits.then_some((cue.words.len(), cue.lemma))
    })
}

/// `أن`, `إن`, `بأن`…: a word that opens a reported clause.
pub(crate) fn is_complementizer(key: &str) -> bool {
    in_set(&COMPLEMENTIZERS, key)
}

/// `لا`, `لم`, `لن`, `ما`…
pub(crate) fn is_negation_word(key: &str) -> bool {
    is_negation(key)
}

/// The closed word class of a word opening a phrase, by the parser's word lists: `head` (a
/// source head noun), `medium` (`وسائل`, `مواقع`), `partitive` (`بعض`, `أحد`), `preposition`,
/// `adverb`, `particle`, `complementizer`, `negation`, `definite` (ال), else `other`.
pub(crate) fn word_class(key: &str) -> &'static str {
    let b = bare(key);
    if head_type(b).is_some() || is_role(b) {
        "head"
    } else if in_set(&MEDIUM_HEADS, b) || in_set(&MEDIUM_HEADS, key) {
        "medium"
    } else if in_set(&PARTITIVE_HEADS, b) {
        "partitive"
    } else if in_set(&PREPOSITIONS, key) {
        "preposition"
    } else if in_set(&ADVERBS, key) {
        "adverb"
    } else if in_set(&PARTICLES, key) {
        "particle"
    } else if in_set(&COMPLEMENTIZERS, key) {
        "complementizer"
    } else if is_negation(key) {
        "negation"
    } else if is_definite(key) {
        "definite"
    } else {
        "other"
    }
}

/// The source type a head noun gives (with or without ال), and whether it is a role that may
/// be followed by a name (`الوزير فلان`).
pub(crate) fn head_class(key: &str) -> (Option<SourceType>, bool) {
    let b = bare(key);
    (head_type(b), is_role(b))
}

/// The agreement a source's first word asks of its verb: the parser's own test
/// (`phrase::noun_gender`), as `masculine`, `feminine` or `plural`.
pub(crate) fn agreement(key: &str) -> &'static str {
    match super::phrase::noun_gender(key) {
        Gender::Masculine => "masculine",
        Gender::Feminine => "feminine",
        Gender::Plural => "plural",
    }
}

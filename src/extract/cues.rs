//! Attribution suggestions: finds source–cue–claim triples in Arabic news text from a cue lexicon
//! (verbs of saying in their inflections, `بحسب`/`وفقاً لـ`/`نقلاً عن`, anonymous sources, direct
//! quotes before or after the speaker) and the claim templates of `notes/arabic-extraction.md`
//! §3.3 (listed in `docs/extraction.md`). Output is plain data with article byte ranges; turning
//! it into annotations is the caller's business.

//!
//! The pipeline, one file per step: [`tokens`] (words, punctuation and paired quotation marks
//! with their harakat features), [`lexicon`] (cue verbs and nouns in their inflections),
//! [`words`] (closed word classes and source head nouns), [`parser`] (the paragraph parser's
//! state and sentences) with its parts [`phrase`] (source noun phrases), [`claims`] (where a
//! claim starts and ends), [`verb`] and [`preposition`] (the cue templates), and [`convert`]
//! (suggestions into annotations).

mod anaphora;
mod claims;
mod convert;
mod lexicon;
mod parser;
mod phrase;
mod preposition;
mod quotes;
mod tokens;
mod verb;
pub(crate) mod view;
mod words;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_claim_ends;
#[cfg(test)]
mod tests_objects;
#[cfg(test)]
mod tests_source_names;
#[cfg(test)]
mod tests_speakers_back;
#[cfg(test)]
mod tests_stance;
#[cfg(test)]
mod tests_subjects;
#[cfg(test)]
mod tests_tables;

use std::ops::Range;

use crate::annotate::model::{QuoteType, SourceType};
use crate::article::Article;
use crate::text::normalize::NormalizedText;

pub use convert::{Added, add_to_annotations};

/// Bytes of a و or ف (with its marks) glued to a cue verb at the start of `text` (`وأضاف`,
/// `فقال`), 0 when there is none: a cue set by hand in the reader is given without it, as the
/// extractor gives its cues.
pub fn conjunction_prefix_len(text: &str) -> usize {
    let word = text.split_whitespace().next().unwrap_or("");
    let key = crate::text::normalize::normalize_str(word);
    if !text.starts_with(word) || !matches!(lexicon::cue_form(&key), Some((_, 1))) {
        return 0;
    }
    word.char_indices()
        .skip(1)
        .find(|(_, c)| !crate::text::normalize::is_arabic_mark(*c) && *c != '\u{0640}')
        .map_or(0, |(at, _)| at)
}
use parser::{Antecedent, ParagraphParser};
use tokens::{Kind, tokenize};
/// The source type a head noun (folded, without ال) gives, for the isnad rules.
pub(crate) use words::head_type as source_head_type;

/// What kind of word the cue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueType {
    VerbOfSaying,
    VerbOfBelief,
    /// `بحسب`, `وفقاً لـ`, `نقلاً عن`, `على لسان`.
    Preposition,
    /// `إعلان`, `تصريح`.
    Noun,
}

impl CueType {
    pub fn as_str(self) -> &'static str {
        match self {
            CueType::VerbOfSaying => "verb_of_saying",
            CueType::VerbOfBelief => "verb_of_belief",
            CueType::Preposition => "preposition",
            CueType::Noun => "noun",
        }
    }
}

/// The source's stance toward the claim, as the cue expresses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stance {
    Asserts,
    Denies,
    /// `شكك في`، `استبعد`.
    Doubts,
    /// `أكد صحة الأنباء عن …`: confirms a report the text mentions.
    Confirms,
    Believes,
    Predicts,
}

impl Stance {
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Asserts => "asserts",
            Stance::Denies => "denies",
            Stance::Doubts => "doubts",
            Stance::Confirms => "confirms",
            Stance::Believes => "believes",
            Stance::Predicts => "predicts",
        }
    }
}

/// Which template produced a suggestion; recorded as the suggestion's origin (`cues:<name>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Template {
    /// `CUE SOURCE أن CLAIM` (verb–subject–object, the common news order).
    Vso,
    /// `SOURCE CUE أن CLAIM`.
    Svo,
    /// A cue verb with no subject (`وأضاف أن`), linked to an earlier source.
    ProDrop,
    /// An adverbial participle (`مشيراً إلى أن`, `قائلاً:`) continuing the sentence's source.
    Participle,
    /// A passive cue (`قيل`, `أُفيد`): the source is not named.
    Passive,
    /// `CLAIM، بحسب SOURCE` or `بحسب SOURCE، CLAIM`.
    Preposition,
    /// `نقلت OUTLET عن SOURCE قوله إن CLAIM`: the inner attribution.
    Relay,
    /// A cue followed by quotations and no complement clause.
    Quotation,
    /// A quotation first, its speaker after it (`«…»، قال الوزير`).
    Postposed,
    /// A cue noun (`إعلان X رفع العقوبات`).
    Noun,
    /// Added by the learned stage (`crate::extract::learned`) at a cue the rules left.
    Learned,
}

impl Template {
    pub fn as_str(self) -> &'static str {
        match self {
            Template::Vso => "vso",
            Template::Svo => "svo",
            Template::ProDrop => "pro_drop",
            Template::Participle => "participle",
            Template::Passive => "passive",
            Template::Preposition => "preposition",
            Template::Relay => "relay",
            Template::Quotation => "quotation",
            Template::Postposed => "postposed",
            Template::Noun => "noun",
            Template::Learned => "learned",
        }
    }
}

/// A suggested source mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceSuggestion {
    /// The whole noun phrase (`المتحدث باسم وزارة الداخلية السورية نور الدين البابا`).
    pub span: Range<usize>,
    /// The personal name inside it when one was recognised, else the whole phrase.
    pub name: Range<usize>,
    pub source_type: SourceType,
}

/// A suggested claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimSuggestion {
    pub span: Range<usize>,
    pub quote_type: QuoteType,
}

/// A suggested link between a claim and a source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttributionSuggestion {
    /// Index into [`CueSuggestions::claims`].
    pub claim: usize,
    /// Index into [`CueSuggestions::sources`]; `None` for passive cues with no resolvable source.
    pub source: Option<usize>,
    /// The cue words (without a و/ف prefix).
    pub cue: Range<usize>,
    /// Dictionary form of the cue (`قال`, `بحسب`).
    pub lemma: &'static str,
    pub cue_type: CueType,
    pub quote_type: QuoteType,
    pub stance: Stance,
    /// `true` for cues by which the writer distances themself (`زعم`, `ادعى`).
    pub distancing: bool,
    pub template: Template,
    /// Index of the attribution this one is relayed through (`نقلت وكالة … عن مسؤول …`,
    /// `… بحسب موقع …`).
    pub nested_in: Option<usize>,
}

/// Everything suggested for one text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CueSuggestions {
    pub sources: Vec<SourceSuggestion>,
    pub claims: Vec<ClaimSuggestion>,
    pub attributions: Vec<AttributionSuggestion>,
}

/// Suggestions for an article.
pub fn suggest_article(article: &Article) -> CueSuggestions {
    suggest_folded(&article.text, article.folded(), &article.paragraphs)
}

/// Suggestions for `text` split into `paragraphs` (byte ranges; out-of-range or non-boundary
/// ranges are skipped). A pro-drop cue may link to a source of the previous paragraph.
pub fn suggest(text: &str, paragraphs: &[Range<usize>]) -> CueSuggestions {
    suggest_folded(text, &NormalizedText::new(text), paragraphs)
}

/// [`suggest`] with the words' folded keys read from `folded` (the whole text folded once,
/// shared with the other layers: [`Article::folded`]).
fn suggest_folded(
    text: &str,
    folded: &NormalizedText,
    paragraphs: &[Range<usize>],
) -> CueSuggestions {
    suggest_viewing(text, folded, paragraphs, None)
}

/// [`suggest_article`] with the parser's tokens of every paragraph (the learned stage reads
/// them rather than tokenising again).
pub(crate) fn suggest_article_viewed(
    article: &Article,
) -> (CueSuggestions, Vec<view::ViewParagraph<'_>>) {
    let mut views = Vec::new();
    let out = suggest_viewing(
        &article.text,
        article.folded(),
        &article.paragraphs,
        Some(&mut views),
    );
    (out, views)
}

/// The parser run over `paragraphs`; with `views`, each paragraph's tokens are kept there.
fn suggest_viewing<'a>(
    text: &'a str,
    folded: &'a NormalizedText,
    paragraphs: &[Range<usize>],
    mut views: Option<&mut Vec<view::ViewParagraph<'a>>>,
) -> CueSuggestions {
    let mut out = CueSuggestions::default();
    let mut previous_sources: Vec<Antecedent> = Vec::new();
    let mut names = rustc_hash::FxHashMap::default();
    // the end of a quotation an earlier paragraph opened and left open
    let mut quoted_to = 0;
    for range in paragraphs {
        let Some(paragraph) = text.get(range.clone()) else {
            continue;
        };
        let mut tokens = tokenize(paragraph, range.start, folded);
        if quoted_to > range.start {
            for t in tokens.iter_mut().filter(|t| t.range.end <= quoted_to) {
                t.quoted = true;
            }
        }
        if tokens.iter().all(|t| t.kind != Kind::Word) {
            continue;
        }
        // the parser reads its tokens and never changes them: the view is taken before
        if let Some(views) = views.as_deref_mut() {
            views.push(view::view_of(&tokens));
        }
        let mut parser =
            ParagraphParser::new(text, tokens, &previous_sources, &mut out, &mut names);
        parser.run();
        quoted_to = quoted_to.max(parser.carried_quote_to);
        let here = parser.sources_here;
        previous_sources = here;
    }
    sort_attributions(&mut out);
    out
}

/// Orders attributions by claim position, keeping `nested_in` pointing at the same attribution.
fn sort_attributions(out: &mut CueSuggestions) {
    let claims = &out.claims;
    let mut order: Vec<usize> = (0..out.attributions.len()).collect();
    order.sort_by_key(|&a| {
        let at = &out.attributions[a];
        (
            claims.get(at.claim).map_or(0, |c| c.span.start),
            at.cue.start,
            a,
        )
    });
    let mut new_index = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut sorted: Vec<AttributionSuggestion> = order
        .iter()
        .map(|&old| out.attributions[old].clone())
        .collect();
    for a in &mut sorted {
        a.nested_in = a.nested_in.and_then(|n| new_index.get(n).copied());
    }
    out.attributions = sorted;
}

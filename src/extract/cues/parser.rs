//! The paragraph parser: its state (tokens, the speakers a pro-drop cue can point back to, the
//! claims made so far), the sentence loop, and recording attributions. The templates live in
//! [`super::verb`] and [`super::preposition`], phrases in [`super::phrase`] and
//! [`super::claims`].

// FxHash: the names of a paragraph are looked up for every word
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use super::lexicon::{CueForm, Gender};
use super::tokens::{Kind, Token, is_sentence_end};
use super::{AttributionSuggestion, CueSuggestions, SourceSuggestion, Template};
use crate::annotate::model::{QuoteType, SourceType};
use crate::text::normalize::is_arabic_mark;

/// Something a pro-drop cue can point back to.
#[derive(Clone, Debug)]
pub(super) enum Antecedent {
    /// A suggested source (index into [`CueSuggestions::sources`]).
    Source(usize, Gender),
    /// A speaker not (yet) suggested as a source.
    Latent(SourceSuggestion, Gender),
}

impl Antecedent {
    pub(super) fn gender(&self) -> Gender {
        match self {
            Antecedent::Source(_, g) | Antecedent::Latent(_, g) => *g,
        }
    }
}

pub(super) struct NounPhrase {
    /// Token range, end exclusive.
    pub(super) tokens: Range<usize>,
    /// Token index where a personal name starts, if any.
    pub(super) name_at: Option<usize>,
    pub(super) source_type: SourceType,
    pub(super) gender: Gender,
}

pub(super) struct ParagraphParser<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: Vec<Token<'a>>,
    /// Speakers of the previous paragraph, oldest first.
    pub(super) previous: &'a [Antecedent],
    pub(super) out: &'a mut CueSuggestions,
    /// Sources mentioned in this paragraph, in order, with their gender.
    pub(super) sources_here: Vec<Antecedent>,
    /// Token ranges covered by each claim made here (with the claim's index); cues inside
    /// them are content, not cues.
    pub(super) claimed: Vec<(Range<usize>, usize)>,
    /// The words of the personal names of the article's sources so far (family names,
    /// given names) with the source and its gender: a later bare mention (`فلم يعط سيدا أسماء
    /// واعتبر أن …`) makes it the speaker a pro-drop cue points back to.
    pub(super) names: &'a mut HashMap<String, (usize, Gender)>,
    /// Tokens between a cue and its claim (`استنتج الباحثون من الفروق بين النسخ أن …`): the
    /// cue's frame, where no other cue starts.
    pub(super) frames: Vec<Range<usize>>,
    /// Claim tokens whose first letter is a preposition left out of the claim (`لسقوط`,
    /// `بالإفراج` after a reaction).
    pub(super) glued_starts: Vec<usize>,
    /// Parsing a report inside a claim: its speaker is no antecedent for a later pro-drop cue
    /// (`قال تيري إن أوكامبو أبلغ …، وأضاف` is تيري adding).
    pub(super) nested: bool,
    /// Parsing a report inside a quoted claim: it needs its own subject (a pro-drop verb there
    /// is the quoted speaker's own `أكدت` "I confirmed").
    pub(super) in_quotation: bool,
    /// Where a quotation this paragraph opened and left open ends in the article (0: none):
    /// the next paragraphs' words before it are quoted.
    pub(super) carried_quote_to: usize,
}

impl<'a> ParagraphParser<'a> {
    pub(super) fn new(
        text: &'a str,
        tokens: Vec<Token<'a>>,
        previous: &'a [Antecedent],
        out: &'a mut CueSuggestions,
        names: &'a mut HashMap<String, (usize, Gender)>,
    ) -> Self {
        ParagraphParser {
            text,
            tokens,
            previous,
            out,
            sources_here: Vec::new(),
            claimed: Vec::new(),
            names,
            glued_starts: Vec::new(),
            frames: Vec::new(),
            nested: false,
            in_quotation: false,
            carried_quote_to: 0,
        }
    }

    pub(super) fn key(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.key)
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    pub(super) fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    pub(super) fn is_comma(&self, i: usize) -> bool {
        self.is_punct(i, '،')
            || self.is_punct(i, ',')
            || self.is_punct(i, '؛')
            || self.is_punct(i, ';')
    }

    pub(super) fn sentences(&self) -> Vec<Range<usize>> {
        sentence_ranges(self.tokens.len(), |i| is_sentence_end(&self.tokens, i))
    }

    pub(super) fn run(&mut self) {
        for sentence in self.sentences() {
            self.sentence(sentence);
        }
    }

    pub(super) fn is_claimed(&self, i: usize) -> bool {
        self.claimed.iter().any(|(r, _)| r.contains(&i))
    }

    pub(super) fn sentence(&mut self, s: Range<usize>) {
        let mut i = s.start;
        while i < s.end {
            // a quotation is the speaker's own words: only a report inside a claim counts
            // there (`قال: «السفير أكد لي أن …»`, guidelines §7.6), and only with its subject
            let quoted = self.tokens[i].quoted;
            if (quoted && !self.is_claimed(i))
                || !self.is_word(i)
                || self.frames.iter().any(|f| f.contains(&i))
            {
                i += 1;
                continue;
            }
            // Inside a claim only a full reported clause counts (`مع أنه صرح أن …`,
            // `على أن آخرين أشاروا إلى أن …`); `الحملة كشفت عن …` is content.
            self.named_speaker(i);
            if self.is_claimed(i) {
                self.nested = true;
                self.in_quotation = quoted;
                self.verb_cue(i, &s, true);
                self.nested = false;
                self.in_quotation = false;
            } else if let Some(after_cue) = self.preposition_cue(i, &s) {
                // `بحسب ما أفادت`: the verb belongs to the prepositional cue.
                i = after_cue.max(i + 1);
                continue;
            } else {
                self.verb_cue(i, &s, false);
            }
            i += 1;
        }
    }

    /// A word outside claims that names an earlier source (`سيدا`): this mention becomes the
    /// latest speaker.
    fn named_speaker(&mut self, i: usize) {
        if self.is_claimed(i) {
            return;
        }
        let key = self.key(i);
        let found = self.names.get(key).or_else(|| {
            key.strip_prefix(['و', 'ف'])
                .and_then(|rest| self.names.get(rest))
        });
        if let Some(&(source, gender)) = found {
            // the mention itself is the source item of what follows (a later mention is its own
            // source, guidelines §3.4)
            let start = self.word_start_after_prefix(i);
            let range = start.max(self.tokens[i].range.start)..self.tokens[i].range.end;
            // `تحدث أحمد عصيد …`: a word of a speaker's phrase just taken is no mention of its own
            let inside = self.sources_here.iter().any(|a| {
                let span = match a {
                    Antecedent::Source(k, _) => &self.out.sources[*k].span,
                    Antecedent::Latent(latent, _) => &latent.span,
                };
                span.start <= range.start && range.end <= span.end
            });
            if inside {
                return;
            }
            let source_type = self.out.sources[source].source_type;
            self.sources_here.push(Antecedent::Latent(
                SourceSuggestion {
                    span: range.clone(),
                    name: range,
                    source_type,
                },
                gender,
            ));
        }
    }

    pub(super) fn cue_span(&self, i: usize, prefix_chars: usize) -> Range<usize> {
        let t = &self.tokens[i];
        if prefix_chars == 0 {
            return t.range.clone();
        }
        let raw = &self.text[t.range.clone()];
        let mut seen = 0;
        for (offset, c) in raw.char_indices() {
            if is_arabic_mark(c) || c == '\u{0640}' {
                continue;
            }
            if seen == prefix_chars {
                return t.range.start + offset..t.range.end;
            }
            seen += 1;
        }
        t.range.clone()
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn attribute(
        &mut self,
        claim: (usize, QuoteType),
        source: Option<usize>,
        cue: Range<usize>,
        form: &CueForm,
        template: Template,
        nested_in: Option<usize>,
    ) -> usize {
        self.out.attributions.push(AttributionSuggestion {
            claim: claim.0,
            source,
            cue,
            lemma: form.lemma,
            cue_type: form.cue_type,
            quote_type: claim.1,
            stance: form.stance,
            distancing: form.distancing,
            template,
            nested_in,
        });
        self.out.attributions.len() - 1
    }

    /// `قال الوزير والسفير إن …`: the links made since `first_link` are the second speaker's
    /// too, each a link of its own with the same cue (guidelines §3.3).
    pub(super) fn share_links(&mut self, first_link: usize, second: &NounPhrase) {
        let end = self.out.attributions.len();
        if first_link >= end {
            return;
        }
        let source = self.add_source(second);
        for a in first_link..end {
            let mut link = self.out.attributions[a].clone();
            link.source = Some(source);
            self.out.attributions.push(link);
        }
    }

    /// The latest speaker (this paragraph, then the previous one), preferring one whose
    /// grammatical gender agrees with the verb; a latent speaker becomes a source.
    pub(super) fn resolve_pro_drop(&mut self, gender: Gender) -> Option<usize> {
        let candidates: Vec<Antecedent> = self
            .previous
            .iter()
            .chain(self.sources_here.iter())
            .cloned()
            .collect();
        let agrees = |a: &&Antecedent| {
            let g = a.gender();
            g == gender || (gender == Gender::Masculine && g == Gender::Plural)
        };
        let chosen = candidates
            .iter()
            .rev()
            .find(agrees)
            .or(candidates.last())?
            .clone();
        Some(match chosen {
            Antecedent::Source(i, g) => {
                self.mention(i, g);
                i
            }
            Antecedent::Latent(source, g) => self.materialise(source, g),
        })
    }
}

/// The sentences of `len` tokens as token ranges, split at the tokens `is_end` says end one
/// (the end token belongs to none; empty sentences are skipped). The parser's split, read by
/// the learned stage too (`view::sentences`).
pub(super) fn sentence_ranges(len: usize, is_end: impl Fn(usize) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..len {
        if is_end(i) {
            if start < i {
                out.push(start..i);
            }
            start = i + 1;
        }
    }
    if start < len {
        out.push(start..len);
    }
    out
}

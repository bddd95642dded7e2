//! Candidate attributions, for recall: every triple the rules found, and for every other word
//! of the cue lexicon (and every prepositional frame) the sources and claims it could take —
//! entity names and source phrases near it, the sources the rules found in its sentence, the
//! last speaker before a subjectless verb; the complement after أن/إن, «:» or a quotation, the
//! rest of the sentence, the clause before a postposed frame. The model (`super::model`)
//! scores them and `super::decode` keeps the best.

use std::ops::Range;
use std::sync::Arc;

use crate::annotate::Label;
use crate::annotate::model::{QuoteType, SourceType};
use crate::extract::Suggestion;
use crate::extract::cues::view::{
    self, CueWord, ViewKind, ViewParagraph, ViewToken, cue_word, preposition_at,
};
use crate::extract::cues::{CueSuggestions, CueType, Stance, Template};

use super::index::{ArticleIndex, Near};

/// Words either side of a cue where its source is looked for.
const SOURCE_WINDOW: usize = 10;
/// Words after a cue where its complement marker (أن, «:», a quotation) is looked for.
const MARKER_WINDOW: usize = 14;
/// Words of a source phrase read after a head noun.
const PHRASE_WORDS: usize = 6;

/// Where a candidate source comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SourceKind {
    /// A source the rules suggested (index into [`CueSuggestions::sources`]).
    Rule(usize),
    /// An entity name of this label.
    Entity(&'static str),
    /// A phrase opened by a source head noun (`المتحدث باسم …`, `مصادر`).
    Phrase,
    /// A speaker named before this sentence (a subjectless verb's): a source of the rules or
    /// a person or organisation name, the nearest first (rank 1).
    Previous(usize),
    /// The words in a subject's place whatever their head: right after the cue (`after`,
    /// `تناقلته بعض وسائل الإعلام`, `وفق البيانات`) or opening the sentence before a verb
    /// (`الوثائق تزعم`); the model weighs them by the first word's class.
    Slot { after: bool },
}

/// Where a candidate claim comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ClaimKind {
    /// The claim the rules gave this cue.
    Rule,
    /// After أن/إن.
    Complement,
    /// After «:».
    Colon,
    /// A quotation after the cue.
    Quotation,
    /// The clause before a postposed cue (`…، بحسب المصادر`, `«…»، قال`).
    Before,
    /// The rest of the sentence after the cue and its source.
    Rest,
}

/// The cue of a candidate.
#[derive(Clone, Debug)]
pub(crate) struct Cue {
    pub(crate) range: Range<usize>,
    pub(crate) lemma: &'static str,
    pub(crate) cue_type: CueType,
    pub(crate) stance: Stance,
    /// `past`, `present`, `passive`, `participle`, `noun`, `preposition`.
    pub(crate) form: &'static str,
    pub(crate) prefixed: bool,
    /// The rules' template when the rules used this cue.
    pub(crate) template: Option<Template>,
}

/// One (cue, source, claim) triple to score.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub(crate) cue: Cue,
    pub(crate) source: Range<usize>,
    pub(crate) source_kind: SourceKind,
    pub(crate) source_type: SourceType,
    pub(crate) claim: Range<usize>,
    pub(crate) claim_kind: ClaimKind,
    pub(crate) quote_type: QuoteType,
    /// The rules' attribution when this is exactly its triple.
    pub(crate) rule: Option<usize>,
    /// Which cue of the article it belongs to (candidates of one cue compete).
    pub(crate) group: usize,
    /// The readings a ranking model compares it with: its group, and for a rules' triple the
    /// group of the other readings of its cue ([`rank_groups`]).
    pub(crate) rank_group: usize,
    /// Feature names (filled for training and tests only: [`super::features::Features`]).
    pub(crate) features: Vec<String>,
    /// The ids of its cue's own features, shared by the cue's candidates (hashed and, by
    /// [`super::model::Model::scores`], summed once per cue); scored before `ids`.
    pub(crate) shared: Arc<[u64]>,
    /// The ids of its other features: the model scores `shared` then these.
    pub(crate) ids: Vec<u64>,
}

impl Candidate {
    /// Every feature id, in the order of [`Candidate::features`].
    #[cfg(test)]
    pub(crate) fn all_ids(&self) -> Vec<u64> {
        self.shared.iter().chain(&self.ids).copied().collect()
    }
}

/// What candidates are generated from.
pub(crate) struct Input<'a> {
    pub(crate) paragraphs: &'a [ViewParagraph<'a>],
    pub(crate) rules: &'a CueSuggestions,
    /// Entity suggestions, sorted by start.
    pub(crate) entities: &'a [Suggestion],
}

/// A sentence of a paragraph: paragraph index and token range.
#[derive(Clone, Debug)]
pub(crate) struct Sentence {
    pub(crate) paragraph: usize,
    pub(crate) tokens: Range<usize>,
}

/// The sentences of every paragraph, in order (the parser's split, `view::sentences`).
pub(crate) fn sentences(paragraphs: &[ViewParagraph<'_>]) -> Vec<Sentence> {
    paragraphs
        .iter()
        .enumerate()
        .flat_map(|(p, tokens)| {
            view::sentences(tokens)
                .into_iter()
                .map(move |tokens| Sentence {
                    paragraph: p,
                    tokens,
                })
        })
        .collect()
}

/// Every candidate of an article: the rules' triples first, then those of the cues the rules
/// left, sentence by sentence.
pub(crate) fn candidates(input: &Input<'_>) -> Vec<Candidate> {
    let mut out = rule_candidates(input.rules);
    let mut group = out.len();
    let index = ArticleIndex::new(input.rules, input.entities);
    for sentence in &sentences(input.paragraphs) {
        let tokens = &input.paragraphs[sentence.paragraph];
        // what every cue of the sentence is offered, found on its first cue
        let mut near: Option<Near> = None;
        let mut i = sentence.tokens.start;
        while i < sentence.tokens.end {
            let Some((cue, words)) = cue_at(tokens, i, sentence.tokens.end) else {
                i += 1;
                continue;
            };
            // a cue the rules used gets other readings too (another claim, another speaker)
            let mut cue = cue;
            let used = index
                .first_attribution_at(&cue.range)
                .map(|k| &input.rules.attributions[k]);
            cue.template = used.map(|a| a.template);
            let before = out.len();
            let sentence_bytes = tokens[sentence.tokens.start].range.start
                ..tokens[sentence.tokens.end - 1].range.end;
            let near = near.get_or_insert_with(|| index.near(&sentence_bytes));
            let at = CueAt {
                input,
                index: &index,
                near,
                tokens,
                sentence,
                first: i,
                words,
                rule_claim: used.and_then(|a| input.rules.claims.get(a.claim)),
            };
            at.push_candidates(&cue, group, &mut out);
            if out.len() > before {
                group += 1;
            }
            i += words;
        }
    }
    out
}

/// The rules' attributions that have a source, as candidates (each its own group).
fn rule_candidates(rules: &CueSuggestions) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (index, a) in rules.attributions.iter().enumerate() {
        let (Some(source), Some(claim)) = (
            a.source.and_then(|s| rules.sources.get(s)),
            rules.claims.get(a.claim),
        ) else {
            continue;
        };
        out.push(Candidate {
            cue: Cue {
                range: a.cue.clone(),
                lemma: a.lemma,
                cue_type: a.cue_type,
                stance: a.stance,
                form: "rule",
                prefixed: false,
                template: Some(a.template),
            },
            source: source.span.clone(),
            source_kind: SourceKind::Rule(a.source.unwrap_or(0)),
            source_type: source.source_type,
            claim: claim.span.clone(),
            claim_kind: ClaimKind::Rule,
            quote_type: a.quote_type,
            rule: Some(index),
            group: out.len(),
            features: Vec::new(),
            shared: Arc::from(Vec::new()),
            ids: Vec::new(),
            rank_group: 0,
        });
    }
    out
}

/// The cue starting at token `i` (a lexicon word or a prepositional frame) and its number of
/// tokens.
fn cue_at(tokens: &[ViewToken<'_>], i: usize, end: usize) -> Option<(Cue, usize)> {
    let t = &tokens[i];
    if t.kind != ViewKind::Word {
        return None;
    }
    let mut keys: [&str; 4] = [""; 4];
    let mut n = 0;
    for t in tokens[i..end.min(i + 4)]
        .iter()
        .take_while(|t| t.kind == ViewKind::Word)
    {
        keys[n] = t.key;
        n += 1;
    }
    if let Some((words, lemma)) = preposition_at(&keys[..n]) {
        let last = &tokens[i + words - 1];
        return Some((
            Cue {
                range: t.range.start..last.range.end,
                lemma,
                cue_type: CueType::Preposition,
                stance: Stance::Asserts,
                form: "preposition",
                prefixed: false,
                template: None,
            },
            words,
        ));
    }
    let CueWord {
        lemma,
        cue_type,
        stance,
        form,
        prefixed,
        ..
    } = cue_word(t.key)?;
    Some((
        Cue {
            range: t.range.clone(),
            lemma,
            cue_type,
            stance,
            form,
            prefixed,
            template: None,
        },
        1,
    ))
}

/// Sets every candidate's `rank_group`: a rules' triple joins the first group of other
/// readings whose cue overlaps its own (one ranking over all readings of a cue), else stays
/// alone.
pub(crate) fn rank_groups(found: &mut [Candidate]) {
    let ruled = found.iter().take_while(|c| c.rule.is_some()).count();
    let mut cues: Vec<(Range<usize>, usize)> = Vec::new();
    for c in &found[ruled..] {
        if cues.last().is_none_or(|(_, g)| *g != c.group) {
            cues.push((c.cue.range.clone(), c.group));
        }
    }
    let index = super::index::Spans::new(cues.iter().map(|(r, _)| r.clone()));
    for c in found.iter_mut() {
        c.rank_group = if c.rule.is_some() {
            index
                .overlapping(&c.cue.range)
                .min()
                .map_or(c.group, |k| cues[k].1)
        } else {
            c.group
        };
    }
}

pub(crate) fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// A cue the rules left, where it stands.
struct CueAt<'a> {
    input: &'a Input<'a>,
    index: &'a ArticleIndex<'a>,
    /// What the cue's sentence offers every cue in it.
    near: &'a Near<'a>,
    tokens: &'a [ViewToken<'a>],
    sentence: &'a Sentence,
    /// The cue's first token and its number of tokens.
    first: usize,
    words: usize,
    /// The claim the rules gave this cue, offered with other sources.
    rule_claim: Option<&'a crate::extract::cues::ClaimSuggestion>,
}

/// A candidate source before it is paired with claims.
#[derive(Clone)]
pub(super) struct SourceOption {
    pub(super) range: Range<usize>,
    pub(super) kind: SourceKind,
    pub(super) source_type: SourceType,
}

impl CueAt<'_> {
    fn push_candidates(&self, cue: &Cue, group: usize, out: &mut Vec<Candidate>) {
        let sources = self.sources();
        // the sources the rules gave this cue: their triples are candidates already
        let rules = self.input.rules;
        let own_sources: Vec<&Range<usize>> = self
            .index
            .attributions_at(&cue.range)
            .filter_map(|k| rules.attributions[k].source)
            .filter_map(|s| rules.sources.get(s).map(|s| &s.span))
            .collect();
        for source in &sources {
            for (claim, claim_kind, quote_type) in self.claims(cue, &source.range) {
                let the_rules_own = claim_kind == ClaimKind::Rule
                    && matches!(source.kind, SourceKind::Rule(_))
                    && own_sources.contains(&&source.range);
                if the_rules_own || overlaps(&claim, &source.range) || overlaps(&claim, &cue.range)
                {
                    continue;
                }
                out.push(Candidate {
                    cue: cue.clone(),
                    source: source.range.clone(),
                    source_kind: source.kind,
                    source_type: source.source_type,
                    claim,
                    claim_kind,
                    quote_type,
                    rule: None,
                    group,
                    features: Vec::new(),
                    shared: Arc::from(Vec::new()),
                    ids: Vec::new(),
                    rank_group: group,
                });
            }
        }
    }

    fn cue_range(&self) -> Range<usize> {
        self.first..self.first + self.words
    }

    /// Byte range of tokens `a..b` (b exclusive, b > a).
    fn bytes(&self, tokens: Range<usize>) -> Range<usize> {
        self.tokens[tokens.start].range.start..self.tokens[tokens.end - 1].range.end
    }

    fn sources(&self) -> Vec<SourceOption> {
        let mut out = Vec::new();
        let sentence = self.bytes(self.sentence.tokens.clone());
        let cue = self.bytes(self.cue_range());
        self.entity_sources(&sentence, &cue, &mut out);
        for &s in &self.near.rule_sources {
            let source = &self.input.rules.sources[s];
            if !overlaps(&source.span, &cue) && !out.iter().any(|o| o.range == source.span) {
                out.push(SourceOption {
                    range: source.span.clone(),
                    kind: SourceKind::Rule(s),
                    source_type: source.source_type,
                });
            }
        }
        self.phrase_sources(&mut out);
        self.slot_sources(&mut out);
        for previous in &self.near.previous {
            if !out.iter().any(|o| o.range == previous.range) {
                out.push(previous.clone());
            }
        }
        out
    }

    /// Entity names of a speaking kind: the two nearest after the cue, the nearest before it.
    fn entity_sources(
        &self,
        sentence: &Range<usize>,
        cue: &Range<usize>,
        out: &mut Vec<SourceOption>,
    ) {
        let speaking = [Label::PERSON, Label::ORG, Label::GPE, Label::NORP];
        let mut after = 0;
        let mut before: Option<&Suggestion> = None;
        for e in self.near.entities {
            if e.range.end > sentence.end {
                continue;
            }
            let Some(label) = speaking.iter().find(|l| **l == e.label) else {
                continue;
            };
            if e.range.end <= cue.start {
                before = Some(e);
            } else if e.range.start >= cue.end
                && after < 2
                && self.words_between(cue.end, e.range.start) <= SOURCE_WINDOW
            {
                after += 1;
                out.push(entity_option(e, label));
            }
        }
        if let Some(e) = before
            && self.words_between(e.range.end, cue.start) <= SOURCE_WINDOW
            && let Some(label) = speaking.iter().find(|l| **l == e.label)
        {
            out.push(entity_option(e, label));
        }
    }

    /// Word tokens between two byte offsets of this sentence.
    fn words_between(&self, from: usize, to: usize) -> usize {
        // tokens are in order and apart: those inside `from..to` are one run
        let tokens = &self.tokens[self.sentence.tokens.clone()];
        let first = tokens.partition_point(|t| t.range.start < from);
        tokens[first..]
            .iter()
            .take_while(|t| t.range.end <= to)
            .filter(|t| t.kind == ViewKind::Word)
            .count()
    }

    /// A phrase opened by a source head noun right after the cue, or opening the sentence
    /// before it.
    fn phrase_sources(&self, out: &mut Vec<SourceOption>) {
        let after = self.first + self.words;
        let starts = [
            Some(after),
            Some(self.sentence.tokens.start).filter(|&s| s < self.first),
        ];
        for start in starts.into_iter().flatten() {
            let Some(t) = self.tokens.get(start).filter(|t| t.kind == ViewKind::Word) else {
                continue;
            };
            let (Some(source_type), _) = view::head_class(t.key) else {
                continue;
            };
            let limit = if start < self.first {
                self.first
            } else {
                self.sentence.tokens.end
            };
            let range = self.bytes(start..self.phrase_end(start, limit));
            if !out.iter().any(|o| overlaps(&o.range, &range)) {
                out.push(SourceOption {
                    range,
                    kind: SourceKind::Phrase,
                    source_type,
                });
            }
        }
    }

    /// The words in a subject's place: up to [`PHRASE_WORDS`] words right after the cue, and
    /// for a verb the words opening the sentence before it (when there are at most that
    /// many), each up to a punctuation mark, a complementizer or another cue word, and not
    /// opened by a word of a closed class that opens no noun phrase (a preposition, a
    /// particle, an adverb, a complementizer, a negation).
    fn slot_sources(&self, out: &mut Vec<SourceOption>) {
        let after = self.first + self.words;
        let before = self.sentence.tokens.start;
        let mut slots = vec![(after, self.sentence.tokens.end, true)];
        if self.input_is_verb() && before < self.first && self.first - before <= PHRASE_WORDS {
            slots.push((before, self.first, false));
        }
        for (start, limit, is_after) in slots {
            let Some(t) = self.tokens.get(start).filter(|t| t.kind == ViewKind::Word) else {
                continue;
            };
            if matches!(
                view::word_class(t.key),
                "preposition" | "particle" | "adverb" | "complementizer" | "negation"
            ) {
                continue;
            }
            let range = self.bytes(start..self.phrase_end(start, limit));
            if !out.iter().any(|o| overlaps(&o.range, &range)) {
                out.push(SourceOption {
                    range,
                    kind: SourceKind::Slot { after: is_after },
                    source_type: SourceType::Unknown,
                });
            }
        }
    }

    /// Where a phrase opened at `start` ends: at most [`PHRASE_WORDS`] words, before `limit`,
    /// a punctuation mark, a complementizer or another cue word.
    fn phrase_end(&self, start: usize, limit: usize) -> usize {
        let mut end = start + 1;
        while end < limit
            && end < start + PHRASE_WORDS
            && self.tokens[end].kind == ViewKind::Word
            && !view::is_complementizer(self.tokens[end].key)
            && cue_word(self.tokens[end].key).is_none()
        {
            end += 1;
        }
        end
    }

    /// Whether the cue is a word of the lexicon (a verb, participle or noun), not a frame.
    fn input_is_verb(&self) -> bool {
        cue_word(self.tokens[self.first].key).is_some_and(|w| w.cue_type != CueType::Preposition)
    }

    /// The claims the cue could take, given a source: the complement after a marker, else the
    /// rest of the sentence after the cue and source; the clause before the cue.
    fn claims(
        &self,
        cue: &Cue,
        source: &Range<usize>,
    ) -> Vec<(Range<usize>, ClaimKind, QuoteType)> {
        let mut out = Vec::new();
        if let Some(claim) = self.rule_claim {
            out.push((claim.span.clone(), ClaimKind::Rule, claim.quote_type));
        }
        let end = self.sentence.tokens.end;
        let after_cue = self.first + self.words;
        let after_source = if source.start >= cue.range.end {
            self.sentence
                .tokens
                .clone()
                .find(|&k| self.tokens[k].range.start >= source.end)
                .unwrap_or(end)
        } else {
            after_cue
        };
        if let Some(found) = self.marked_claim(after_source.max(after_cue), end) {
            out.push(found);
        } else if cue.cue_type != CueType::Preposition
            && let Some(range) = self.trimmed(after_source, end)
        {
            out.push((range, ClaimKind::Rest, QuoteType::Indirect));
        }
        if self.first > self.sentence.tokens.start + 2
            && let Some(range) = self.trimmed(self.sentence.tokens.start, self.first)
            && !overlaps(&range, source)
        {
            out.push((range, ClaimKind::Before, QuoteType::Indirect));
        }
        out
    }

    /// The claim after a marker within [`MARKER_WINDOW`] words of `from`.
    fn marked_claim(
        &self,
        from: usize,
        end: usize,
    ) -> Option<(Range<usize>, ClaimKind, QuoteType)> {
        for k in from..end.min(from + MARKER_WINDOW) {
            let t = &self.tokens[k];
            match t.kind {
                ViewKind::Word if view::is_complementizer(t.key) => {
                    return self
                        .trimmed(k + 1, end)
                        .map(|r| (r, ClaimKind::Complement, QuoteType::Indirect));
                }
                ViewKind::Punct(':') => {
                    return self
                        .trimmed(k + 1, end)
                        .map(|r| (r, ClaimKind::Colon, QuoteType::Direct));
                }
                ViewKind::Quote => {
                    let close = t.pair.filter(|&c| c > k + 1)?;
                    return self
                        .trimmed(k + 1, close)
                        .map(|r| (r, ClaimKind::Quotation, QuoteType::Direct));
                }
                _ => {}
            }
        }
        None
    }

    /// Tokens `a..b` without punctuation or quotation marks at either end, as bytes; `None`
    /// when no word is left.
    fn trimmed(&self, mut a: usize, mut b: usize) -> Option<Range<usize>> {
        while a < b && self.tokens[a].kind != ViewKind::Word {
            a += 1;
        }
        while b > a && self.tokens[b - 1].kind != ViewKind::Word {
            b -= 1;
        }
        (a < b).then(|| self.bytes(a..b))
    }
}

fn entity_option(e: &Suggestion, label: &Label) -> SourceOption {
    let (kind, source_type) = match label.as_str() {
        "PERSON" => ("PERSON", SourceType::Unknown),
        "ORG" => ("ORG", SourceType::Organization),
        "GPE" => ("GPE", SourceType::Official),
        _ => ("NORP", SourceType::Unknown),
    };
    SourceOption {
        range: e.range.clone(),
        kind: SourceKind::Entity(kind),
        source_type,
    }
}

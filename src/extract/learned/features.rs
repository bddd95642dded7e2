//! The features of a candidate attribution. Every feature names only the rules' own verdicts,
//! the lexicon's classes and lemmas, the entity labels, word-list classes, distances and
//! punctuation: never a word of the text (a name or a content word would let the model
//! memorise the reports it was trained on).

use std::ops::Range;

use rustc_hash::FxHashSet;

use super::candidates::{Candidate, ClaimKind, SourceKind};
use crate::extract::cues::CueSuggestions;
use crate::extract::cues::view::{self, ViewKind, ViewParagraph, ViewToken};

/// Finds the token at a byte offset of the article.
pub(crate) struct Locator<'a> {
    paragraphs: &'a [ViewParagraph<'a>],
}

impl<'a> Locator<'a> {
    pub(crate) fn new(paragraphs: &'a [ViewParagraph<'a>]) -> Self {
        Locator { paragraphs }
    }

    /// Paragraph index and token index of the token holding byte `at`.
    fn at(&self, at: usize) -> Option<(usize, usize)> {
        let p = self
            .paragraphs
            .partition_point(|p| p.first().is_some_and(|t| t.range.start <= at))
            .checked_sub(1)?;
        let tokens = &self.paragraphs[p];
        let i = tokens.partition_point(|t| t.range.end <= at);
        (i < tokens.len()).then_some((p, i))
    }

    /// Word tokens inside `span` (within the paragraph where it starts).
    fn words_in(&self, span: &Range<usize>) -> usize {
        self.at(span.start).map_or(0, |(p, i)| {
            self.paragraphs[p][i..]
                .iter()
                .take_while(|t| t.range.end <= span.end)
                .filter(|t| t.kind == ViewKind::Word)
                .count()
        })
    }
}

/// A distance in words as a coarse bucket.
fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        _ => "11+",
    }
}

fn length_bucket(words: usize) -> &'static str {
    match words {
        0..=3 => "1-3",
        4..=8 => "4-8",
        9..=20 => "9-20",
        _ => "21+",
    }
}

/// What lies between two byte offsets of one paragraph.
struct Between {
    words: usize,
    comma: bool,
    quote: bool,
    sentence_end: bool,
}

fn between(tokens: &[ViewToken<'_>], span: Range<usize>) -> Between {
    let mut b = Between {
        words: 0,
        comma: false,
        quote: false,
        sentence_end: false,
    };
    // tokens are in order and apart: those inside `span` are one run
    let first = tokens.partition_point(|t| t.range.start < span.start);
    let run = tokens[first..]
        .iter()
        .take_while(|t| t.range.end <= span.end);
    for t in run {
        match t.kind {
            ViewKind::Word => b.words += 1,
            ViewKind::Punct(',' | '،' | '؛' | ';') => b.comma = true,
            ViewKind::Quote => b.quote = true,
            ViewKind::Punct(_) => {}
        }
        b.sentence_end |= t.sentence_end;
    }
    b
}

/// The feature list of one candidate: its names (for training and the model file) when asked
/// for, and always its ids ([`feature_id`], what scoring reads).
pub(crate) struct Features {
    pub(crate) names: Option<Vec<String>>,
    pub(crate) ids: Vec<u64>,
}

impl Features {
    pub(crate) fn new(names: bool) -> Self {
        Features {
            names: names.then(Vec::new),
            ids: Vec::new(),
        }
    }

    /// Adds the feature whose name is `parts` joined.
    fn add(&mut self, parts: &[&str]) {
        self.ids.push(feature_id(parts));
        if let Some(names) = &mut self.names {
            names.push(parts.concat());
        }
    }
}

/// A feature's id: the 64-bit FNV-1a hash of its name's bytes, computed from the name's parts
/// without joining them (the hash of a name is the same whether it is read whole from the
/// model file or built here piece by piece).
pub(crate) fn feature_id(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// `previous1` … the rank of an earlier speaker, as a feature value.
const PREVIOUS: [&str; 9] = [
    "previous0",
    "previous1",
    "previous2",
    "previous3",
    "previous4",
    "previous5",
    "previous6",
    "previous7",
    "previous8",
];

fn source_name(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Rule(_) => "rule",
        SourceKind::Entity("PERSON") => "entity:PERSON",
        SourceKind::Entity("ORG") => "entity:ORG",
        SourceKind::Entity("GPE") => "entity:GPE",
        SourceKind::Entity(_) => "entity:NORP",
        SourceKind::Phrase => "phrase",
        SourceKind::Previous(rank) => PREVIOUS[rank.min(PREVIOUS.len() - 1)],
    }
}

fn claim_name(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Rule => "rule",
        ClaimKind::Complement => "complement",
        ClaimKind::Colon => "colon",
        ClaimKind::Quotation => "quotation",
        ClaimKind::Before => "before",
        ClaimKind::Rest => "rest",
    }
}

fn yes_no(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}

/// What the rules found, indexed once per article for the features.
pub(crate) struct RuleSpans {
    sources: FxHashSet<(usize, usize)>,
    claims: FxHashSet<(usize, usize)>,
    /// The rules' claims as spans sorted by start, with the largest end so far.
    claims_by_start: Vec<(usize, usize)>,
    claims_max_end: Vec<usize>,
}

impl RuleSpans {
    pub(crate) fn new(rules: &CueSuggestions) -> Self {
        let key = |r: &Range<usize>| (r.start, r.end);
        let mut claims_by_start: Vec<(usize, usize)> =
            rules.claims.iter().map(|c| key(&c.span)).collect();
        claims_by_start.sort_unstable();
        let mut max = 0;
        let claims_max_end = claims_by_start
            .iter()
            .map(|&(_, end)| {
                max = max.max(end);
                max
            })
            .collect();
        RuleSpans {
            sources: rules.sources.iter().map(|s| key(&s.span)).collect(),
            claims: rules.claims.iter().map(|c| key(&c.span)).collect(),
            claims_by_start,
            claims_max_end,
        }
    }

    /// Whether a rules' claim overlaps `range`.
    fn claim_overlaps(&self, range: &Range<usize>) -> bool {
        let hi = self
            .claims_by_start
            .partition_point(|&(s, _)| s < range.end);
        (0..hi)
            .rev()
            .take_while(|&k| self.claims_max_end[k] > range.start)
            .any(|k| self.claims_by_start[k].1 > range.start)
    }
}

/// What the features read of a cue (the same for every candidate of its group).
pub(crate) struct CueContext {
    /// The cue's start and what the candidate says of it (read when the lexicon does not).
    start: usize,
    cue_form: &'static str,
    cue_prefixed: bool,
    paragraph: usize,
    token: usize,
    word: Option<view::CueWord>,
    form: &'static str,
    complement_next: bool,
    colon_next: bool,
    prefixed: bool,
    quoted: bool,
    sentence_start: bool,
    negated: bool,
}

impl CueContext {
    /// The context of `c`'s cue, or `None` when no token holds it.
    pub(crate) fn of(c: &Candidate, locate: &Locator<'_>) -> Option<Self> {
        let (p, i) = locate.at(c.cue.range.start)?;
        let tokens = &locate.paragraphs[p];
        let t = &tokens[i];
        let word = view::cue_word(t.key);
        let next = tokens.get(i + 1);
        let sentence_start = i == 0
            || tokens[i - 1].sentence_end
            || (tokens[..i]
                .iter()
                .rev()
                .take_while(|t| !t.sentence_end)
                .all(|t| t.kind != ViewKind::Word));
        Some(CueContext {
            start: c.cue.range.start,
            cue_form: c.cue.form,
            cue_prefixed: c.cue.prefixed,
            paragraph: p,
            token: i,
            form: word.as_ref().map_or(c.cue.form, |w| w.form),
            prefixed: word.as_ref().is_some_and(|w| w.prefixed) || c.cue.prefixed,
            word,
            complement_next: next
                .is_some_and(|n| n.kind == ViewKind::Word && view::is_complementizer(n.key)),
            colon_next: next.is_some_and(|n| n.kind == ViewKind::Punct(':')),
            quoted: t.quoted,
            sentence_start,
            negated: tokens[i.saturating_sub(2)..i]
                .iter()
                .any(|t| t.kind == ViewKind::Word && view::is_negation_word(t.key)),
        })
    }

    /// Whether this context is `c`'s cue's.
    pub(crate) fn holds(&self, c: &Candidate) -> bool {
        self.start == c.cue.range.start
            && self.cue_form == c.cue.form
            && self.cue_prefixed == c.cue.prefixed
    }
}

/// The features of `c`; `cue` is its cue's context ([`CueContext::of`]).
pub(crate) fn describe(
    c: &Candidate,
    cue: Option<&CueContext>,
    locate: &Locator<'_>,
    rules: &RuleSpans,
    f: &mut Features,
) {
    f.add(&["bias"]);
    let src = source_name(c.source_kind);
    let claim = claim_name(c.claim_kind);
    match c.cue.template {
        Some(t) if c.rule.is_some() => {
            f.add(&["rule"]);
            f.add(&["rule_template=", t.as_str()]);
        }
        _ => f.add(&["new"]),
    }
    if matches!(c.source_kind, SourceKind::Rule(_))
        || rules.sources.contains(&(c.source.start, c.source.end))
    {
        f.add(&["rule_source"]);
    }
    if c.rule.is_none() && c.cue.template.is_some() {
        f.add(&["rule_cue_other_reading"]);
    }
    if rules.claims.contains(&(c.claim.start, c.claim.end)) {
        f.add(&["rule_claim"]);
    }
    if c.rule.is_none() && rules.claim_overlaps(&c.cue.range) {
        f.add(&["cue_in_rule_claim"]);
    }
    let cue_type = c.cue.cue_type.as_str();
    f.add(&["lemma=", c.cue.lemma]);
    f.add(&["cue_type=", cue_type]);
    f.add(&["stance=", c.cue.stance.as_str()]);
    f.add(&["src=", src]);
    f.add(&["src_type=", c.source_type.as_str()]);
    f.add(&["claim=", claim]);
    f.add(&["cue_type×claim=", cue_type, "×", claim]);
    f.add(&["src×claim=", src, "×", claim]);
    f.add(&["claim_len=", length_bucket(locate.words_in(&c.claim))]);
    if let Some(cue) = cue {
        context_features(c, cue, locate, src, f);
    }
}

/// The features read from the tokens around the cue.
fn context_features(
    c: &Candidate,
    cue: &CueContext,
    locate: &Locator<'_>,
    src: &str,
    f: &mut Features,
) {
    let tokens = &locate.paragraphs[cue.paragraph];
    let next = tokens.get(cue.token + 1);
    if let Some(w) = &cue.word {
        cue_word_features(c, w, cue.complement_next, locate, src, f);
    }
    if cue.complement_next {
        f.add(&["complementizer_next"]);
    }
    // a name or a source head right after the verb is its subject: an earlier speaker is not
    let subject_after = next.is_some_and(|n| {
        n.kind == ViewKind::Word
            && (view::head_class(n.key).0.is_some() || n.range.start == c.source.start)
    });
    if subject_after {
        f.add(&["subject_after×src=", src]);
    }
    if cue.colon_next {
        f.add(&["colon_next"]);
    }
    let form = cue.form;
    f.add(&["form×claim=", form, "×", claim_name(c.claim_kind)]);
    f.add(&["form=", form]);
    f.add(&["form×src=", form, "×", src]);
    let flags = [
        (cue.prefixed, "prefixed"),
        (cue.paragraph == 0, "headline"),
        (cue.quoted, "cue_quoted"),
        (cue.sentence_start, "sentence_start"),
        (cue.negated, "negated"),
    ];
    for (set, name) in flags {
        if set {
            f.add(&[name]);
        }
    }
    source_features(c, locate, cue.paragraph, src, f);
}

/// Where the source stands from the cue (direction, words, punctuation between) and the class
/// of its first word; `p` is the cue's paragraph.
fn source_features(c: &Candidate, locate: &Locator<'_>, p: usize, src: &str, f: &mut Features) {
    let tokens = &locate.paragraphs[p];
    let (dir, span) = if c.source.start >= c.cue.range.end {
        ("after", c.cue.range.end..c.source.start)
    } else {
        ("before", c.source.end..c.cue.range.start)
    };
    let source_at = locate.at(c.source.start);
    let same_paragraph = source_at.is_some_and(|(sp, _)| sp == p);
    let dir = if same_paragraph {
        dir
    } else {
        "other_paragraph"
    };
    let gap = between(tokens, span);
    f.add(&["dir=", dir]);
    f.add(&["src×dir=", src, "×", dir]);
    f.add(&["dist=", bucket(gap.words)]);
    if gap.comma {
        f.add(&["comma_between"]);
    }
    if gap.quote {
        f.add(&["quote_between"]);
    }
    if gap.sentence_end {
        f.add(&["sentence_between"]);
    }
    let (head_type, role) = source_at
        .and_then(|(sp, si)| locate.paragraphs[sp].get(si))
        .filter(|t| t.kind == ViewKind::Word)
        .map_or((None, false), |t| view::head_class(t.key));
    if let Some(ty) = head_type {
        f.add(&["head=", ty.as_str()]);
    }
    if role {
        f.add(&["head_role"]);
    }
}

/// The cue word's lexicon flags with the claim's kind, and its agreement with the source.
fn cue_word_features(
    c: &Candidate,
    w: &view::CueWord,
    complement_next: bool,
    locate: &Locator<'_>,
    src: &str,
    f: &mut Features,
) {
    let claim = claim_name(c.claim_kind);
    for flag in &w.flags {
        f.add(&["flag=", flag]);
        f.add(&["flag×complement_next=", flag, "×", yes_no(complement_next)]);
        f.add(&["flag×claim=", flag, "×", claim]);
    }
    if w.flags.is_empty() {
        f.add(&["flag×claim=none×", claim]);
    }
    let source_gender = locate
        .at(c.source.start)
        .and_then(|(sp, si)| locate.paragraphs[sp].get(si))
        .map_or("none", |t| view::agreement(t.key, t.ta_marbuta));
    let agrees = if source_gender == w.gender {
        "agrees"
    } else {
        "disagrees"
    };
    f.add(&["gender=", w.gender, "×", source_gender]);
    f.add(&["agreement=", agrees]);
    f.add(&["agreement×src=", agrees, "×", src]);
}

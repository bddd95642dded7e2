//! The features of a candidate attribution. Every feature names only the rules' own verdicts,
//! the lexicon's classes and lemmas, the entity labels, word-list classes, distances and
//! punctuation: never a word of the text (a name or a content word would let the model
//! memorise the reports it was trained on).

use std::ops::Range;
use std::sync::Arc;

use rustc_hash::FxHashSet;

use super::candidates::{Candidate, ClaimKind, SourceKind};
use super::index::Spans;
use crate::extract::cues::CueSuggestions;
use crate::extract::cues::view::{self, ViewKind, ViewParagraph};

/// Finds the token at a byte offset of the article.
pub(crate) struct Locator<'a> {
    paragraphs: &'a [ViewParagraph<'a>],
    /// Per paragraph, what its tokens before each index hold (one more entry than tokens).
    counts: Vec<Vec<Counts>>,
}

/// Words, commas, quotation marks and sentence ends of a run of tokens.
#[derive(Clone, Copy, Debug, Default)]
struct Counts {
    words: u32,
    commas: u32,
    quotes: u32,
    sentence_ends: u32,
}

impl<'a> Locator<'a> {
    pub(crate) fn new(paragraphs: &'a [ViewParagraph<'a>]) -> Self {
        let counts = paragraphs
            .iter()
            .map(|tokens| {
                let mut sum = Counts::default();
                let mut out = Vec::with_capacity(tokens.len() + 1);
                out.push(sum);
                for t in tokens {
                    match t.kind {
                        ViewKind::Word => sum.words += 1,
                        ViewKind::Punct(',' | '،' | '؛' | ';') => sum.commas += 1,
                        ViewKind::Quote => sum.quotes += 1,
                        ViewKind::Punct(_) => {}
                    }
                    sum.sentence_ends += u32::from(t.sentence_end);
                    out.push(sum);
                }
                out
            })
            .collect();
        Locator { paragraphs, counts }
    }

    /// What the tokens `from..to` of paragraph `p` hold.
    fn counted(&self, p: usize, from: usize, to: usize) -> Counts {
        let c = &self.counts[p];
        let (a, b) = (c[from], c[to.max(from)]);
        Counts {
            words: b.words - a.words,
            commas: b.commas - a.commas,
            quotes: b.quotes - a.quotes,
            sentence_ends: b.sentence_ends - a.sentence_ends,
        }
    }

    /// Tokens of paragraph `p` inside `span`, as a token range (tokens are in order and apart:
    /// those inside a span are one run).
    fn inside(&self, p: usize, span: &Range<usize>) -> (usize, usize) {
        let tokens = &self.paragraphs[p];
        let first = tokens.partition_point(|t| t.range.start < span.start);
        let run = tokens[first..].partition_point(|t| t.range.end <= span.end);
        (first, first + run)
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
            let run = self.paragraphs[p][i..].partition_point(|t| t.range.end <= span.end);
            self.counted(p, i, i + run).words as usize
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
            // a candidate has some forty features: one allocation
            ids: Vec::with_capacity(48),
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

/// A feature's id: a 64-bit hash of its name's bytes, computed from the name's parts without
/// joining them (the id of a name is the same whether it is read whole from the model file or
/// built here piece by piece): the bytes are packed eight at a time into words, each word mixed
/// in with a rotation and a multiplication (FxHash's step), the length last.
pub(crate) fn feature_id(parts: &[&str]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mix = |h: u64, word: u64| (h.rotate_left(5) ^ word).wrapping_mul(K);
    let (mut h, mut word, mut filled, mut length) = (0u64, 0u64, 0usize, 0u64);
    for part in parts {
        let mut bytes = part.as_bytes();
        length += bytes.len() as u64;
        while !bytes.is_empty() {
            // as many bytes as the word has room for, at once
            let take = (8 - filled).min(bytes.len());
            let mut chunk = [0u8; 8];
            chunk[..take].copy_from_slice(&bytes[..take]);
            word |= u64::from_le_bytes(chunk) << (8 * filled);
            filled += take;
            bytes = &bytes[take..];
            if filled == 8 {
                h = mix(h, word);
                (word, filled) = (0, 0);
            }
        }
    }
    if filled > 0 {
        h = mix(h, word);
    }
    mix(h, length)
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
        SourceKind::Slot { after: true } => "slot_after",
        SourceKind::Slot { after: false } => "slot_before",
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
    /// The rules' claims by position.
    claim_spans: Spans,
}

impl RuleSpans {
    pub(crate) fn new(rules: &CueSuggestions) -> Self {
        let key = |r: &Range<usize>| (r.start, r.end);
        RuleSpans {
            sources: rules.sources.iter().map(|s| key(&s.span)).collect(),
            claims: rules.claims.iter().map(|c| key(&c.span)).collect(),
            claim_spans: Spans::new(rules.claims.iter().map(|c| c.span.clone())),
        }
    }

    /// Whether a rules' claim overlaps `range`.
    fn claim_overlaps(&self, range: &Range<usize>) -> bool {
        self.claim_spans.overlapping(range).next().is_some()
    }
}

/// What the features read of a cue (the same for every candidate of its group), and the
/// features that depend on the cue alone, hashed once for all its candidates.
pub(crate) struct CueContext {
    /// The cue's start and what the candidate says of it (read when the lexicon does not).
    start: usize,
    cue_form: &'static str,
    cue_prefixed: bool,
    lemma: &'static str,
    paragraph: usize,
    token: usize,
    word: Option<view::CueWord>,
    form: &'static str,
    complement_next: bool,
    /// The word after the cue is a source head noun (read once per cue).
    next_head: bool,
    /// The cue's own features ([`CueContext::cue_features`]): ids, and names when training.
    shared_ids: Arc<[u64]>,
    shared_names: Vec<String>,
}

impl CueContext {
    /// The context of `c`'s cue, or `None` when no token holds it; `names` keeps the shared
    /// features' names (for training).
    pub(crate) fn of(c: &Candidate, locate: &Locator<'_>, names: bool) -> Option<Self> {
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
        let complement_next =
            next.is_some_and(|n| n.kind == ViewKind::Word && view::is_complementizer(n.key));
        let negated = tokens[i.saturating_sub(2)..i]
            .iter()
            .any(|t| t.kind == ViewKind::Word && view::is_negation_word(t.key));
        let mut cue = CueContext {
            start: c.cue.range.start,
            cue_form: c.cue.form,
            cue_prefixed: c.cue.prefixed,
            lemma: c.cue.lemma,
            paragraph: p,
            token: i,
            form: word.as_ref().map_or(c.cue.form, |w| w.form),
            word,
            complement_next,
            next_head: next
                .is_some_and(|n| n.kind == ViewKind::Word && view::head_class(n.key).0.is_some()),
            shared_ids: Arc::from(Vec::new()),
            shared_names: Vec::new(),
        };
        let flags = CueFlags {
            colon_next: next.is_some_and(|n| n.kind == ViewKind::Punct(':')),
            prefixed: cue.word.as_ref().is_some_and(|w| w.prefixed) || c.cue.prefixed,
            headline: p == 0,
            quoted: t.quoted,
            sentence_start,
            negated,
        };
        let mut f = Features::new(names);
        cue.cue_features(c, &flags, &mut f);
        cue.shared_ids = Arc::from(f.ids);
        cue.shared_names = f.names.unwrap_or_default();
        Some(cue)
    }

    /// The features of the cue alone: its lemma, type, stance and form, what follows it, where
    /// it stands, and the lexicon's flags with what follows.
    fn cue_features(&self, c: &Candidate, flags: &CueFlags, f: &mut Features) {
        cue_identity(c, f);
        if self.complement_next {
            f.add(&["complementizer_next"]);
        }
        if flags.colon_next {
            f.add(&["colon_next"]);
        }
        f.add(&["form=", self.form]);
        let set = [
            (flags.prefixed, "prefixed"),
            (flags.headline, "headline"),
            (flags.quoted, "cue_quoted"),
            (flags.sentence_start, "sentence_start"),
            (flags.negated, "negated"),
        ];
        for (on, name) in set {
            if on {
                f.add(&[name]);
            }
        }
        for flag in self.word.iter().flat_map(|w| &w.flags) {
            f.add(&["flag=", flag]);
            f.add(&[
                "flag×complement_next=",
                flag,
                "×",
                yes_no(self.complement_next),
            ]);
        }
    }

    /// Whether this context is `c`'s cue's.
    pub(crate) fn holds(&self, c: &Candidate) -> bool {
        self.start == c.cue.range.start
            && self.cue_form == c.cue.form
            && self.cue_prefixed == c.cue.prefixed
            && self.lemma == c.cue.lemma
    }

    /// The cue's own feature ids, shared by its candidates.
    pub(crate) fn shared_ids(&self) -> &Arc<[u64]> {
        &self.shared_ids
    }

    /// The names of [`CueContext::shared_ids`] (empty unless asked for).
    pub(crate) fn shared_names(&self) -> &[String] {
        &self.shared_names
    }
}

/// Where a cue stands, read once with its context.
struct CueFlags {
    colon_next: bool,
    prefixed: bool,
    headline: bool,
    quoted: bool,
    sentence_start: bool,
    negated: bool,
}

/// The cue's lemma, type and stance.
fn cue_identity(c: &Candidate, f: &mut Features) {
    f.add(&["lemma=", c.cue.lemma]);
    f.add(&["cue_type=", c.cue.cue_type.as_str()]);
    f.add(&["stance=", c.cue.stance.as_str()]);
}

/// The features of `c` beyond its cue's own; `cue` is its cue's context ([`CueContext::of`]),
/// whose shared features the candidate carries apart (without a context, the cue's identity
/// is added here).
pub(crate) fn describe(
    c: &Candidate,
    cue: Option<&CueContext>,
    locate: &Locator<'_>,
    rules: &RuleSpans,
    source_word: &mut SourceWord,
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
    if cue.is_none() {
        cue_identity(c, f);
    }
    let cue_type = c.cue.cue_type.as_str();
    f.add(&["src=", src]);
    f.add(&["src_type=", c.source_type.as_str()]);
    f.add(&["claim=", claim]);
    f.add(&["cue_type×claim=", cue_type, "×", claim]);
    f.add(&["src×claim=", src, "×", claim]);
    f.add(&["claim_len=", length_bucket(locate.words_in(&c.claim))]);
    if let Some(cue) = cue {
        let word = source_word.read(c.source.start, locate);
        context_features(c, cue, locate, src, word, f);
    }
}

/// What the features read of a source's first word, kept for the next candidates with the
/// same source (a cue's candidates come source by source): its token, its head class, the
/// agreement it asks and its word class.
#[derive(Default)]
pub(crate) struct SourceWord {
    start: Option<usize>,
    at: Option<(usize, usize)>,
    head: (Option<crate::annotate::model::SourceType>, bool),
    gender: &'static str,
    class: &'static str,
}

impl SourceWord {
    /// Reads the first word of a source starting at byte `start`, unless it was the last one.
    fn read(&mut self, start: usize, locate: &Locator<'_>) -> &Self {
        if self.start != Some(start) {
            let at = locate.at(start);
            let token = at.and_then(|(sp, si)| locate.paragraphs[sp].get(si));
            *self = SourceWord {
                start: Some(start),
                at,
                head: token
                    .filter(|t| t.kind == ViewKind::Word)
                    .map_or((None, false), |t| view::head_class(t.key)),
                gender: token.map_or("none", |t| view::agreement(t.key)),
                class: token.map_or("other", |t| view::word_class(t.key)),
            };
        }
        self
    }
}

/// The features read from the tokens around the cue that depend on the candidate.
fn context_features(
    c: &Candidate,
    cue: &CueContext,
    locate: &Locator<'_>,
    src: &str,
    word: &SourceWord,
    f: &mut Features,
) {
    let tokens = &locate.paragraphs[cue.paragraph];
    let next = tokens.get(cue.token + 1);
    if let Some(w) = &cue.word {
        cue_word_features(c, w, word.gender, src, f);
    }
    // a name or a source head right after the verb is its subject: an earlier speaker is not
    let subject_after = next.is_some_and(|n| {
        n.kind == ViewKind::Word && (cue.next_head || n.range.start == c.source.start)
    });
    if subject_after {
        f.add(&["subject_after×src=", src]);
    }
    let form = cue.form;
    f.add(&["form×claim=", form, "×", claim_name(c.claim_kind)]);
    f.add(&["form×src=", form, "×", src]);
    source_features(c, locate, cue.paragraph, src, word, f);
}

/// Where the source stands from the cue (direction, words, punctuation between) and the class
/// of its first word; `p` is the cue's paragraph.
fn source_features(
    c: &Candidate,
    locate: &Locator<'_>,
    p: usize,
    src: &str,
    word: &SourceWord,
    f: &mut Features,
) {
    let (dir, span) = if c.source.start >= c.cue.range.end {
        ("after", c.cue.range.end..c.source.start)
    } else {
        ("before", c.source.end..c.cue.range.start)
    };
    let source_at = word.at;
    let same_paragraph = source_at.is_some_and(|(sp, _)| sp == p);
    let dir = if same_paragraph {
        dir
    } else {
        "other_paragraph"
    };
    let (from, to) = locate.inside(p, &span);
    let gap = locate.counted(p, from, to);
    f.add(&["dir=", dir]);
    f.add(&["src×dir=", src, "×", dir]);
    f.add(&["dist=", bucket(gap.words as usize)]);
    if gap.commas > 0 {
        f.add(&["comma_between"]);
    }
    if gap.quotes > 0 {
        f.add(&["quote_between"]);
    }
    if gap.sentence_ends > 0 {
        f.add(&["sentence_between"]);
    }
    let (head_type, role) = word.head;
    if let Some(ty) = head_type {
        f.add(&["head=", ty.as_str()]);
    }
    if matches!(c.source_kind, SourceKind::Slot { .. }) && source_at.is_some() {
        f.add(&["src×first_word=", src, "×", word.class]);
    }
    if role {
        f.add(&["head_role"]);
    }
}

/// The cue word's lexicon flags with the claim's kind, and its agreement with the source.
fn cue_word_features(
    c: &Candidate,
    w: &view::CueWord,
    source_gender: &'static str,
    src: &str,
    f: &mut Features,
) {
    let claim = claim_name(c.claim_kind);
    for flag in &w.flags {
        f.add(&["flag×claim=", flag, "×", claim]);
    }
    if w.flags.is_empty() {
        f.add(&["flag×claim=none×", claim]);
    }
    let agrees = if source_gender == w.gender {
        "agrees"
    } else {
        "disagrees"
    };
    f.add(&["gender=", w.gender, "×", source_gender]);
    f.add(&["agreement=", agrees]);
    f.add(&["agreement×src=", agrees, "×", src]);
}

//! The features of a candidate attribution. Every feature names only the rules' own verdicts,
//! the lexicon's classes and lemmas, the entity labels, word-list classes, distances and
//! punctuation: never a word of the text (a name or a content word would let the model
//! memorise the reports it was trained on).

use std::ops::Range;

use super::candidates::{Candidate, ClaimKind, SourceKind, overlaps};
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
    for t in tokens
        .iter()
        .filter(|t| t.range.start >= span.start && t.range.end <= span.end)
    {
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

fn source_name(kind: SourceKind) -> String {
    match kind {
        SourceKind::Rule(_) => "rule".to_owned(),
        SourceKind::Entity(label) => format!("entity:{label}"),
        SourceKind::Phrase => "phrase".to_owned(),
        SourceKind::Previous(rank) => format!("previous{rank}"),
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

/// Fills in `c.features`.
pub(crate) fn describe(c: &mut Candidate, locate: &Locator<'_>, rules: &CueSuggestions) {
    let mut f: Vec<String> = vec!["bias".to_owned()];
    let src = source_name(c.source_kind);
    let claim = claim_name(c.claim_kind);
    match c.cue.template {
        Some(t) if c.rule.is_some() => {
            f.push("rule".to_owned());
            f.push(format!("rule_template={}", t.as_str()));
        }
        _ => f.push("new".to_owned()),
    }
    if matches!(c.source_kind, SourceKind::Rule(_))
        || rules.sources.iter().any(|s| s.span == c.source)
    {
        f.push("rule_source".to_owned());
    }
    if c.rule.is_none() && c.cue.template.is_some() {
        f.push("rule_cue_other_reading".to_owned());
    }
    if rules.claims.iter().any(|r| r.span == c.claim) {
        f.push("rule_claim".to_owned());
    }
    if c.rule.is_none() && rules.claims.iter().any(|r| overlaps(&r.span, &c.cue.range)) {
        f.push("cue_in_rule_claim".to_owned());
    }
    f.push(format!("lemma={}", c.cue.lemma));
    f.push(format!("cue_type={}", c.cue.cue_type.as_str()));
    f.push(format!("stance={}", c.cue.stance.as_str()));
    f.push(format!("src={src}"));
    f.push(format!("src_type={}", c.source_type.as_str()));
    f.push(format!("claim={claim}"));
    f.push(format!(
        "cue_type×claim={}×{claim}",
        c.cue.cue_type.as_str()
    ));
    f.push(format!("src×claim={src}×{claim}"));
    f.push(format!(
        "claim_len={}",
        length_bucket(locate.words_in(&c.claim))
    ));
    context_features(c, locate, &src, &mut f);
    c.features = f;
}

/// The features read from the tokens around the cue.
fn context_features(c: &Candidate, locate: &Locator<'_>, src: &str, f: &mut Vec<String>) {
    let Some((p, i)) = locate.at(c.cue.range.start) else {
        return;
    };
    let tokens = &locate.paragraphs[p];
    let t = &tokens[i];
    let word = view::cue_word(t.key);
    let form = word.as_ref().map_or(c.cue.form, |w| w.form);
    let next = tokens.get(i + 1);
    let complement_next =
        next.is_some_and(|n| n.kind == ViewKind::Word && view::is_complementizer(n.key));
    if let Some(w) = &word {
        cue_word_features(c, w, complement_next, locate, src, f);
    }
    if complement_next {
        f.push("complementizer_next".to_owned());
    }
    // a name or a source head right after the verb is its subject: an earlier speaker is not
    let subject_after = next.is_some_and(|n| {
        n.kind == ViewKind::Word
            && (view::head_class(n.key).0.is_some() || n.range.start == c.source.start)
    });
    if subject_after {
        f.push(format!("subject_after×src={src}"));
    }
    if next.is_some_and(|n| n.kind == ViewKind::Punct(':')) {
        f.push("colon_next".to_owned());
    }
    f.push(format!("form×claim={form}×{}", claim_name(c.claim_kind)));
    f.push(format!("form={form}"));
    f.push(format!("form×src={form}×{src}"));
    if word.as_ref().is_some_and(|w| w.prefixed) || c.cue.prefixed {
        f.push("prefixed".to_owned());
    }
    if p == 0 {
        f.push("headline".to_owned());
    }
    if t.quoted {
        f.push("cue_quoted".to_owned());
    }
    let sentence_start = i == 0
        || tokens[i - 1].sentence_end
        || (tokens[..i]
            .iter()
            .rev()
            .take_while(|t| !t.sentence_end)
            .all(|t| t.kind != ViewKind::Word));
    if sentence_start {
        f.push("sentence_start".to_owned());
    }
    let negated = tokens[i.saturating_sub(2)..i]
        .iter()
        .any(|t| t.kind == ViewKind::Word && view::is_negation_word(t.key));
    if negated {
        f.push("negated".to_owned());
    }
    source_features(c, locate, p, src, f);
}

/// Where the source stands from the cue (direction, words, punctuation between) and the class
/// of its first word; `p` is the cue's paragraph.
fn source_features(c: &Candidate, locate: &Locator<'_>, p: usize, src: &str, f: &mut Vec<String>) {
    let tokens = &locate.paragraphs[p];
    let (dir, span) = if c.source.start >= c.cue.range.end {
        ("after", c.cue.range.end..c.source.start)
    } else {
        ("before", c.source.end..c.cue.range.start)
    };
    let same_paragraph = locate.at(c.source.start).is_some_and(|(sp, _)| sp == p);
    let dir = if same_paragraph {
        dir
    } else {
        "other_paragraph"
    };
    let gap = between(tokens, span);
    f.push(format!("dir={dir}"));
    f.push(format!("src×dir={src}×{dir}"));
    f.push(format!("dist={}", bucket(gap.words)));
    if gap.comma {
        f.push("comma_between".to_owned());
    }
    if gap.quote {
        f.push("quote_between".to_owned());
    }
    if gap.sentence_end {
        f.push("sentence_between".to_owned());
    }
    let (head_type, role) = locate
        .at(c.source.start)
        .and_then(|(sp, si)| locate.paragraphs[sp].get(si))
        .filter(|t| t.kind == ViewKind::Word)
        .map_or((None, false), |t| view::head_class(t.key));
    if let Some(ty) = head_type {
        f.push(format!("head={}", ty.as_str()));
    }
    if role {
        f.push("head_role".to_owned());
    }
}

/// The cue word's lexicon flags with the claim's kind, and its agreement with the source.
fn cue_word_features(
    c: &Candidate,
    w: &view::CueWord,
    complement_next: bool,
    locate: &Locator<'_>,
    src: &str,
    f: &mut Vec<String>,
) {
    let claim = claim_name(c.claim_kind);
    for flag in &w.flags {
        f.push(format!("flag={flag}"));
        f.push(format!("flag×complement_next={flag}×{complement_next}"));
        f.push(format!("flag×claim={flag}×{claim}"));
    }
    if w.flags.is_empty() {
        f.push(format!("flag×claim=none×{claim}"));
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
    f.push(format!("gender={}×{source_gender}", w.gender));
    f.push(format!("agreement={agrees}"));
    f.push(format!("agreement×src={agrees}×{src}"));
}

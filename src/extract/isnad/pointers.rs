//! Pointed denials, second of three passes (see `pointed_denials.rs`): a denial WORD THAT
//! OPENS NO CLAUSE, so its denier stands before it (docs/attribution-guidelines.md §6.3): after
//! a relative pronoun (`… وزارة الخارجية، التي نفت تلك الأنباء`: the name before the relative),
//! in the first person inside a quotation (`قال المتحدث: "إننا ننفي هذه الأخبار"`: the
//! quotation's speaker), or as a verbal noun (`دأبت الشركة على نفي هذا الاتهام`: the subject of
//! the verb before). The report pointed at is found as for the other two (`stated_reports.rs`).
//! Counted over the pool of outlet reports: 4 sentences in 4 outlets (docs/extraction/chains.md,
//! "Eighth round: chains").

use std::ops::Range;

use crate::annotate::model::{AnnotationSet, Label, Span, Stance};
use crate::article::Article;

use super::channels::{sentence_end, sentence_start};
use super::denial_shapes::{self as shapes, W};
use super::pointed_denials::{DEMONSTRATIVES, add_denial, last_claim_before};
use super::stated_reports::pointed_claim;
use super::{Rule, rule_of};

/// Relative pronouns after which a verb's subject is the noun before them.
const RELATIVES: [&str; 4] = ["التي", "الذي", "والتي", "والذي"];

/// Report nouns a demonstrative points with besides the report frames' (`هذا الاتهام`).
const POINTED_NOUNS: [&str; 3] = ["الاتهام", "الاتهامات", "الشائعه"];

/// Prepositions before a denial noun governed by a verb (`دأبت على نفي`، `سارعت إلى نفي`).
const NOUN_PREPOSITIONS: [&str; 2] = ["علي", "الي"];

/// Most words between the denial word and the demonstrative (`نفت مرة أخرى هذه الأنباء`).
const GAP_WORDS: usize = 3;

/// Whether `w[d]` and the word after it are a demonstrative and a report noun.
fn pointer_at(w: &[W], d: usize) -> bool {
    let noun = w.get(d + 1).map(|x| x.key);
    DEMONSTRATIVES.contains(&w[d].key)
        && noun.is_some_and(|n| {
            shapes::opens_report(&w[d + 1]) && n != "ما" && n != "صحه" || POINTED_NOUNS.contains(&n)
        })
}

/// How a denial word before a pointer names its denier.
enum Denier {
    /// `التي نفت`: the noun before the relative.
    Relative(usize),
    /// `ننفي`، `أنفي` (at this index): the speaker of the quotation it stands in.
    FirstPerson(usize),
    /// `على نفي`: the subject of the verb before the preposition.
    Noun(usize),
}

/// The denial word among the few before the pointer at `w[d]`, and how its denier is named.
fn denial_word(w: &[W], d: usize) -> Option<(usize, Denier)> {
    let from = d.saturating_sub(GAP_WORDS + 1);
    (from..d).rev().find_map(|v| {
        let key = w[v].key;
        // a comma between the denial word and the pointer starts another clause
        if (v + 1..=d).any(|k| w[k - 1].comma) {
            return None;
        }
        let verb = rule_of(key) == Some(Rule::Stance(Stance::Denies));
        let prev = v.checked_sub(1).map(|p| w[p].key);
        if verb && prev.is_some_and(|p| RELATIVES.contains(&p)) {
            return Some((v, Denier::Relative(v - 1)));
        }
        if verb && (key.starts_with('ن') || key.starts_with('ا')) && key != "نفي" {
            return Some((v, Denier::FirstPerson(v)));
        }
        let noun = key == "نفي" && prev.is_some_and(|p| NOUN_PREPOSITIONS.contains(&p));
        noun.then(|| (v, Denier::Noun(v - 1)))
    })
}

/// A named entity (person, organisation, place) or a source ending right before byte `at`
/// (a comma and spaces between) or a few words before it, within `from..at`: the range from
/// its start to those words' end.
fn named_before(
    set: &AnnotationSet,
    article: &Article,
    from: usize,
    at: usize,
    rest_words: usize,
) -> Option<Range<usize>> {
    let before = article.text.get(from..at)?;
    let end = from
        + before
            .trim_end_matches(|c: char| c.is_whitespace() || c == '،')
            .len();
    let entity = set
        .entities
        .iter()
        .filter(|e| [Label::PERSON, Label::ORG, Label::GPE].contains(&e.label))
        .map(|e| e.span.range())
        .chain(set.sources.iter().filter_map(|s| s.span.map(|x| x.range())))
        .filter(|r| r.start >= from && r.end <= end)
        .max_by_key(|r| (r.end, usize::MAX - r.start))?;
    // right before, or followed by the rest of a name the entity cut short (`وزارة التربية
    // والتعليم الفني، التي`): the denier runs to the relative
    let gap = article.text[entity.end..end].split_whitespace().count();
    (gap <= rest_words).then_some(entity.start..end)
}

/// Most words of a name after the entity that cut it short, before a relative pronoun.
const NAME_REST_WORDS: usize = 2;

/// The denier of the denial word `w[v]`: its range, or `None` when it is not named where its
/// kind of denier stands.
fn denier_range(
    set: &AnnotationSet,
    article: &Article,
    sentence: usize,
    w: &[W],
    kind: &Denier,
) -> Option<Range<usize>> {
    match *kind {
        Denier::Relative(r) => {
            named_before(set, article, sentence, w[r].range.start, NAME_REST_WORDS)
        }
        Denier::Noun(p) => {
            // the subject after the verb (`سارعت الوزارة إلى نفي`) or before it (`لكن طهران
            // دأبت على نفي`)
            let verb = p.checked_sub(1)?;
            named_before(set, article, sentence, w[p].range.start, 0)
                .or_else(|| named_before(set, article, sentence, w[verb].range.start, 0))
        }
        Denier::FirstPerson(v) => {
            let at = w[v].range.start;
            set.attributions.iter().find_map(|a| {
                let claim = set.claims[set.position(&a.claim_id)?].span;
                let source = set.sources[set.position(&a.source_id)?].span?;
                (claim.start <= at && claim.end > at).then(|| source.range())
            })
        }
    }
}

/// Sentences that may hold a denial (pointed here, subject-first in `subject_denials`): where
/// the folded text has `نفي`, `نفت` or `نفى`.
pub(super) fn candidate_sentences(article: &Article) -> Vec<usize> {
    let folded = article.folded();
    let text = folded.slice(0..article.text.len());
    let mut out: Vec<usize> = ["نفي", "نفت"]
        .iter()
        .flat_map(|k| text.match_indices(k))
        .map(|(at, _)| sentence_start(article, folded.original_offset(at)))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Adds the denials of reports pointed back at by a denial word that opens no clause; a link
/// of the cue suggester through that word is mended.
pub(super) fn pointer_denials(set: &mut AnnotationSet, article: &Article) {
    let mut replaced = Vec::new();
    let mut old_claims = Vec::new();
    for sentence in candidate_sentences(article) {
        let end = sentence_end(article, sentence);
        let w = shapes::words(article, sentence, end);
        for d in 0..w.len() {
            if !pointer_at(&w, d) {
                continue;
            }
            let Some((v, kind)) = denial_word(&w, d) else {
                continue;
            };
            let Ok(cue) = Span::checked(article, w[v].range.clone()) else {
                continue;
            };
            let Some(denier) = denier_range(set, article, sentence, &w, &kind) else {
                continue;
            };
            let at = w[d].range.start;
            let fallback = |set: &mut AnnotationSet| last_claim_before(set, article, at);
            let Some(claim) = pointed_claim(set, article, at, fallback) else {
                continue;
            };
            match set.attributions.iter().position(|a| a.cue == Some(cue)) {
                Some(i) => {
                    let Some(source) = shapes::source_at(set, article, denier) else {
                        continue;
                    };
                    let a = &mut set.attributions[i];
                    if a.source_id != source {
                        replaced.push(std::mem::replace(&mut a.source_id, source));
                    }
                    old_claims.push(std::mem::replace(&mut a.claim_id, claim));
                    a.stance = Stance::Denies;
                }
                None => add_denial(set, article, denier, cue, claim),
            }
        }
    }
    // the claims the mended links no longer use
    set.claims.retain(|c| {
        !old_claims.contains(&c.id) || set.attributions.iter().any(|a| a.claim_id == c.id)
    });
    super::drop_unused_sources(set, &replaced);
}

//! Denials with the denier BEFORE the verb (docs/attribution-guidelines.md §6.3): a headline
//! `الجيش ينفي خبر C`، `التعليم تنفي C`, or a subject set off by a comma in the body (`لكن
//! المتحدثة باسم الوزارة فلانة، نفت بشدة تقرير «X»`). `denial_shapes.rs` reads only a verb that
//! opens its clause (its denier after it); here the verb follows a name that opens the
//! sentence: on the headline a short name, in the body a name (an entity or source) ending in a
//! comma right before the verb. The report after the verb is read as there (adverbs such as
//! `بشدة` set aside; `خبر C` → C); a report named without its content (`تقرير «X»`) is the
//! claim itself (§6.3). Pool: 3 sentences, 3 outlets (one already found through the cue
//! suggester's link).

use std::ops::Range;

use crate::annotate::model::{AnnotationSet, Claim, ClaimType, Origin};
use crate::annotate::model::{Span, Stance};
use crate::article::Article;

use super::channels::sentence_end;
use super::denial_shapes::{self as shapes, W};
use super::pointers::candidate_sentences;
use super::{Rule, rule_of_key};

/// Most words of a headline's denier (`قيادة الجيش اللبناني`).
const HEADLINE_SUBJECT_WORDS: usize = 4;

/// Words that open a sentence before its subject (`لكن`، `بينما`).
const OPENERS: [&str; 4] = ["لكن", "ولكن", "بينما", "فيما"];

/// The denial verb after a subject that opens the sentence `w`, and the subject's range.
fn subject_and_verb(
    set: &AnnotationSet,
    w: &[W],
    on_headline: bool,
) -> Option<(usize, Range<usize>)> {
    let first = usize::from(w.first().is_some_and(|x| OPENERS.contains(&x.key)));
    let v = (first + 1..w.len().min(first + 9))
        .find(|&k| rule_of_key(w[k].key) == Some(Rule::Stance(Stance::Denies)))?;
    let subject = w[first].range.start..w[v - 1].range.end;
    // the words before the verb are one name: no comma inside it
    if w[first..v - 1].iter().any(|x| x.comma) {
        return None;
    }
    if on_headline && !w[v - 1].comma {
        return (v - first <= HEADLINE_SUBJECT_WORDS).then_some((v, subject));
    }
    // in the body: a comma closes the subject, and an entity or source starts or ends where it
    // does (`المتحدثة باسم الوزارة فلانة الفلانية،`: the person's name ends it)
    let named = set
        .entities
        .iter()
        .map(|e| e.span)
        .chain(set.sources.iter().filter_map(|s| s.span))
        .filter(|s| s.start >= subject.start && s.end <= subject.end)
        .any(|s| s.start == subject.start || s.end == subject.end);
    (w[v - 1].comma && named).then_some((v, subject))
}

/// The denied content after the verb at `w[v]`: the report's content after its frame, or the
/// words from the report (or the content) to the sentence's end.
fn denied_after(w: &[W], v: usize) -> Option<Range<usize>> {
    let at = shapes::past_asides(w, v + 1);
    let first = w.get(at)?;
    if super::pointed_denials::DEMONSTRATIVES.contains(&first.key) {
        // a pointed report is read by the pointer passes
        return None;
    }
    let from = shapes::content_start(w, at).unwrap_or(at);
    let last = w.len() - 1;
    (last >= from).then(|| w[from].range.start..w[last].range.end)
}

/// `range` without the marks that end its sentence.
fn trimmed(article: &Article, range: Range<usize>) -> Range<usize> {
    let kept = article.text[range.clone()].trim_end_matches(['.', '!', '؟', '?']);
    range.start..range.start + kept.len()
}

/// Adds or mends the denial of every subject-first denial verb.
pub(super) fn subject_denials(set: &mut AnnotationSet, article: &Article) {
    let headline_end = article.paragraphs.first().map_or(0, |p| p.end);
    let mut replaced = Vec::new();
    for sentence in candidate_sentences(article) {
        let end = sentence_end(article, sentence);
        let w = shapes::words(article, sentence, end);
        let Some((v, subject)) = subject_and_verb(set, &w, sentence < headline_end) else {
            continue;
        };
        let Some(content) = denied_after(&w, v).map(|c| trimmed(article, c)) else {
            continue;
        };
        let Ok(cue) = Span::checked(article, w[v].range.clone()) else {
            continue;
        };
        let Some(source) = shapes::source_at(set, article, subject) else {
            continue;
        };
        match set.attributions.iter().position(|a| a.cue == Some(cue)) {
            // the cue suggester's link through the verb: its speaker was a word after it
            Some(i) => {
                let a = &mut set.attributions[i];
                if a.source_id != source {
                    replaced.push(std::mem::replace(&mut a.source_id, source));
                }
                a.stance = Stance::Denies;
            }
            None => {
                let origin = Origin::rule("isnad:denial", None);
                let Ok(claim) = Claim::suggested(article, content, ClaimType::Statement, origin)
                else {
                    continue;
                };
                let id = claim.id.clone();
                set.claims.push(claim);
                super::pointed_denials::push_denial(set, &id, &source, cue);
            }
        }
    }
    super::drop_unused_sources(set, &replaced);
}

//! Pointed denials, third of three passes (see `pointed_denials.rs`): NO DENIAL WORD, a verb of
//! saying whose content names a report only by a pointer and calls it false
//! (docs/attribution-guidelines.md §6.3 as settled on 2026-12-04, ADJUDICATION A4): `وأشار إلى
//! أن ذلك ليس صحيحا`، `مؤكدا أن هذه المزاعم لا تمت إلى الواقع بصلة`، `إن هذا الخبر ما هو إلا
//! شائعة`. The denier is the link's own speaker; the link is turned to the report pointed at
//! (`stated_reports.rs`: a report stated with its content, else the last claim before it in the
//! same sentence: a claim of the sentence before was as often another report, dev 05-culture)
//! (pool: 3 sentences, 3 outlets).

use std::collections::HashSet;

use crate::annotate::model::{AnnotationSet, Stance};
use crate::article::Article;

use super::channels::sentence_start;
use super::falsity::{falsity_start, is_report_noun, words};
use super::pointed_denials::DEMONSTRATIVES;
use super::stated_reports::pointed_claim;

/// Most words between the pointer and the phrase of falsity (`ما هو إلا`، `مجرد`).
const GAP_WORDS: usize = 3;

/// Report nouns a demonstrative points with besides the report frames' (`هذا الخبر`).
const POINTED_NOUNS: [&str; 6] = [
    "الخبر",
    "المزاعم",
    "الادعاءات",
    "الاتهام",
    "الاتهامات",
    "الشائعه",
];

/// Words that open a denial themselves: a claim opening with them is a denial, not the report.
const DENIAL_OPENERS: [&str; 2] = ["لا", "عدم"];

/// Whether the claim of link `i` opens with a pointer to a report and calls it false: where
/// the pointer starts.
fn pointer_at(set: &AnnotationSet, article: &Article, i: usize) -> Option<usize> {
    let a = &set.attributions[i];
    a.cue?;
    let claim = set.claims[set.position(&a.claim_id)?].span;
    let w = words(article, claim.start..claim.end);
    if !DEMONSTRATIVES.contains(&w.first()?.1) {
        return None;
    }
    let noun = w
        .get(1)
        .is_some_and(|(_, k)| is_report_noun(k) || POINTED_NOUNS.contains(k));
    let from = 1 + usize::from(noun);
    let falsity = falsity_start(&w, from)?;
    (falsity <= from + GAP_WORDS).then_some(claim.start)
}

/// The last claim before the pointer at `at` in its sentence, unless it is a denial itself
/// (`لا صحة …`).
fn last_claim_here(set: &AnnotationSet, article: &Article, at: usize) -> Option<String> {
    let sentence = sentence_start(article, at);
    let target = set
        .claims
        .iter()
        .filter(|c| c.span.end <= at && c.span.start >= sentence)
        .max_by_key(|c| c.span.end)?;
    let first = words(article, target.span.start..target.span.end)
        .first()?
        .1;
    (!DENIAL_OPENERS.contains(&first)).then(|| target.id.clone())
}

/// Points every link that calls a pointed report false at the claim that states the report
/// (a report stated with its content in this sentence or the one before, else the last claim
/// of the sentence: `stated_reports.rs`), with the stance `denies`; its own claim goes when no
/// link is left on it.
pub(super) fn pointed_falsity(set: &mut AnnotationSet, article: &Article) {
    let mut old = HashSet::new();
    for i in 0..set.attributions.len() {
        if set.attributions[i].stance != Stance::Asserts {
            continue;
        }
        let Some(at) = pointer_at(set, article, i) else {
            continue;
        };
        let fallback = |set: &AnnotationSet| last_claim_here(set, article, at);
        let Some(target) = pointed_claim(set, article, at, fallback) else {
            continue;
        };
        let a = &mut set.attributions[i];
        old.insert(std::mem::replace(&mut a.claim_id, target));
        a.stance = Stance::Denies;
    }
    super::drop_unused_claims(set, old);
}

//! Pointed denials, first of three passes that share the report pointed at
//! (`stated_reports.rs`) and differ in where the denier is: here a denial VERB THAT OPENS ITS
//! CLAUSE, its denier named right after it (`ونفت الشرطة هذه الأنباء`، `ونفى المتحدث تلك
//! المعلومات جملة وتفصيلا`); `pointers.rs` reads a denial word that opens no clause (its denier
//! stands before it); `pointed_falsity.rs` reads no denial word at all (a verb of saying whose
//! content calls the pointed report false). Docs/attribution-guidelines.md §6.3: the denied
//! claim is the report as stated earlier; the cue suggester finds no link for these. (The
//! seventh round's verbal noun `نفيه القاطع لـC`، `إلى نفي`، `عدم صحة` and a claim opening with
//! `تنفي` were dropped in the eighth: no report of the pool writes them.)

use std::ops::Range;

use crate::annotate::model::{AnnotationSet, Attribution, Origin, QuoteType, Span, Stance};
use crate::article::Article;

use super::channels::{sentence_end, sentence_start};
use super::denial_shapes::{self as shapes, W};
use super::stated_reports::pointed_claim;

/// Demonstratives that point back at a report (`هذه الأنباء`، `ذلك`).
pub(super) const DEMONSTRATIVES: [&str; 4] = ["هذه", "هذا", "ذلك", "تلك"];

/// Whether `w[i..]` is a demonstrative (with its report noun) and nothing but adverb phrases
/// and time words after it: the report named only by pointing back.
fn points_back(w: &[W], i: usize) -> bool {
    if !w.get(i).is_some_and(|x| DEMONSTRATIVES.contains(&x.key)) {
        return false;
    }
    let mut j = i + 1;
    if w.get(j).is_some_and(|x| x.key.starts_with("ال")) && shapes::between_at(w, j) == 0 {
        j += 1;
    }
    while j < w.len() {
        let n = shapes::between_at(w, j);
        if n > 0 {
            j += n;
        } else if shapes::TIME.contains(w[j].key) {
            j += 1;
        } else {
            // `نفى هذا الخبر وأكد أن …`: the denier's next clause
            return w[j].key.starts_with('و') && j > i + 1;
        }
    }
    true
}

/// The last claim that ends before `at`, in its sentence or the one before: the report a
/// demonstrative points back at.
pub(super) fn last_claim_before(
    set: &AnnotationSet,
    article: &Article,
    at: usize,
) -> Option<String> {
    let sentence = sentence_start(article, at);
    // the sentence before starts before the mark that ends it; the mark may be two bytes (`؟`)
    let mark = article.text[..sentence]
        .char_indices()
        .next_back()
        .map_or(0, |(i, _)| i);
    let earliest = sentence_start(article, mark);
    set.claims
        .iter()
        .filter(|c| c.span.end <= at && c.span.start >= earliest)
        .max_by_key(|c| c.span.end)
        .map(|c| c.id.clone())
}

/// Adds a denial of `claim` by the source at `denier`, through `cue`.
pub(super) fn add_denial(
    set: &mut AnnotationSet,
    article: &Article,
    denier: Range<usize>,
    cue: Span,
    claim: String,
) {
    let Some(source) = shapes::source_at(set, article, denier) else {
        return;
    };
    push_denial(set, &claim, &source, cue);
}

/// Adds a denial of the claim `claim` by the source `source`, through `cue` (a rule's link,
/// `isnad:denial`).
pub(super) fn push_denial(set: &mut AnnotationSet, claim: &str, source: &str, cue: Span) {
    let origin = Origin::rule("isnad:denial", None);
    let mut a = Attribution::suggested(claim, source, Some(cue), QuoteType::Indirect, origin);
    a.stance = Stance::Denies;
    set.attributions.push(a);
}

/// `نفت X هذه الأنباء`: every denial verb without a link whose report is a demonstrative.
fn demonstrative_denials(set: &mut AnnotationSet, article: &Article, verbs: &[Span]) {
    let mut replaced = Vec::new();
    let mut old_claims = Vec::new();
    for &cue in verbs {
        let end = sentence_end(article, cue.end);
        let w = shapes::words(article, cue.end, end);
        // the denier ends before the demonstrative, asides and adverbs set aside
        let Some(d) = w.iter().position(|x| DEMONSTRATIVES.contains(&x.key)) else {
            continue;
        };
        let Some(last) = shapes::denier(&w[..d]) else {
            continue;
        };
        if shapes::past_asides(&w, last + 1) != d || !points_back(&w, d) {
            continue;
        }
        let fallback = |set: &mut AnnotationSet| last_claim_before(set, article, cue.start);
        let Some(claim) = pointed_claim(set, article, cue.start, fallback) else {
            continue;
        };
        let denier = w[0].range.start..w[last].range.end;
        // the cue suggester's link through the verb read another claim: it is mended
        match set.attributions.iter().position(|a| a.cue == Some(cue)) {
            Some(i) => {
                let Some(source) = shapes::source_at(set, article, denier) else {
                    continue;
                };
                let a = &mut set.attributions[i];
                replaced.push(std::mem::replace(&mut a.source_id, source));
                old_claims.push(std::mem::replace(&mut a.claim_id, claim));
                a.stance = Stance::Denies;
            }
            None => add_denial(set, article, denier, cue, claim),
        }
    }
    // the claims the mended links no longer use
    super::drop_unused_claims(set, old_claims);
    super::drop_unused_sources(set, &replaced);
}

/// Adds the denials of reports named by a demonstrative.
/// `verbs`: the denial verbs opening a clause ([`shapes::denial_verbs`]).
pub(super) fn pointed_denials(set: &mut AnnotationSet, article: &Article, verbs: &[Span]) {
    demonstrative_denials(set, article, verbs);
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::test_rows::links;

    #[test]
    fn a_claim_without_a_source_stays() {
        let article = crate::article::Article::from_text(
            "t",
            "وقد أفيد بأن الجسر انهار صباح اليوم.".to_owned(),
        );
        let set = crate::extract::isnad::suggest_annotations(
            &article,
            &crate::extract::extract(&article.text),
        );
        let claims: Vec<&str> = set.claims.iter().map(|c| c.span.text(&article)).collect();
        assert_eq!(claims, ["الجسر انهار صباح اليوم"]);
    }

    /// The sentence before ends with a two-byte `؟` (stepping back one byte from the
    /// sentence's start landed inside it and panicked).
    #[test]
    fn a_demonstrative_after_a_question_mark() {
        for text in [
            "؟ نفت  هذه الأنباء ",
            "هل أغلق المعبر؟ ونفت الوزارة هذه الأنباء.",
        ] {
            assert!(links(text).is_empty(), "{text}");
        }
        let l = links("قالت صحيفة المساء إن المعبر أغلق؟ لكن الوزارة نفت هذه الأنباء.");
        let denial = ("الوزارة".into(), "المعبر أغلق".into(), "denies".into());
        assert!(l.contains(&denial), "{l:?}");
    }

    #[test]
    fn a_demonstrative_with_no_claim_before_gives_nothing() {
        let l = links("ونفت الشرطة هذه الأنباء.");
        assert!(l.is_empty(), "{l:?}");
    }
}

//! Denials whose report is not spelled out after the verb (docs/attribution-guidelines.md
//! §6.3): a demonstrative points back at the report just made (`ونفت الشرطة هذه الأنباء`،
//! `ونفى المتحدث تلك المعلومات جملة وتفصيلا`), so the denied claim is the last claim of the
//! sentence before or of the same one; and a denial as a verbal noun (`جدد الوزير نفيه القاطع
//! لصحة الأنباء عن C`، `أكدت الشركة نفيها لوجود C`), whose cue is the noun and whose content
//! follows its ل. The cue suggester finds no link for either.

use std::collections::HashSet;
use std::ops::Range;

use crate::annotate::model::{
    AnnotationSet, Attribution, Claim, ClaimType, Origin, QuoteType, Span, Stance,
};
use crate::article::Article;
use crate::text::normalize::normalize_str;

use super::channels::{sentence_end, sentence_start};
use super::denial_shapes::{self as shapes, W};
use super::{Rule, rule_of};

/// Demonstratives that point back at a report (`هذه الأنباء`، `ذلك`).
const DEMONSTRATIVES: [&str; 4] = ["هذه", "هذا", "ذلك", "تلك"];

/// The verbal noun of `نفى` with its possessive pronoun, folded (`نفيه`، `نفيها`).
const DENIAL_NOUNS: [&str; 4] = ["نفيه", "نفيها", "نفيهم", "نفيهما"];

/// Words that open a report's content after its frame (`عن`، `حول`، `بشأن`، `بخصوص`).
const ABOUT: [&str; 4] = ["عن", "حول", "بشان", "بخصوص"];

/// Most words of the denier before a verbal noun, of a frame before its `عن`, and of the
/// adjectives after the noun (`نفيه القاطع`).
const SUBJECT_WORDS: usize = 6;
const FRAME_WORDS: usize = 6;
const NOUN_ADJECTIVES: usize = 2;

/// Whether `w[i..]` is a demonstrative (with its report noun) and nothing but adverb phrases
/// and time words after it: the report named only by pointing back.
fn points_back(w: &[W], i: usize) -> bool {
    if !w
        .get(i)
        .is_some_and(|x| DEMONSTRATIVES.contains(&x.key.as_str()))
    {
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
        } else if shapes::TIME.contains(&w[j].key) {
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
fn last_claim_before(set: &AnnotationSet, article: &Article, at: usize) -> Option<String> {
    let sentence = sentence_start(article, at);
    let earliest = sentence_start(article, sentence.saturating_sub(1));
    set.claims
        .iter()
        .filter(|c| c.span.end <= at && c.span.start >= earliest)
        .max_by_key(|c| c.span.end)
        .map(|c| c.id.clone())
}

/// Adds a denial of `claim` by the source at `denier`, through `cue`.
fn add_denial(
    set: &mut AnnotationSet,
    article: &Article,
    denier: Range<usize>,
    cue: Span,
    claim: String,
) {
    let Some(source) = shapes::source_at(set, article, denier) else {
        return;
    };
    let origin = Origin::rule("isnad:denial", None);
    let mut a = Attribution::suggested(&claim, &source, Some(cue), QuoteType::Indirect, origin);
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
        let Some(d) = w
            .iter()
            .position(|x| DEMONSTRATIVES.contains(&x.key.as_str()))
        else {
            continue;
        };
        let Some(last) = shapes::denier(&w[..d]) else {
            continue;
        };
        if shapes::past_asides(&w, last + 1) != d || !points_back(&w, d) {
            continue;
        }
        let Some(claim) = last_claim_before(set, article, cue.start) else {
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
    let claimed: HashSet<String> = set
        .attributions
        .iter()
        .map(|a| a.claim_id.clone())
        .collect();
    set.claims
        .retain(|c| claimed.contains(&c.id) || !old_claims.contains(&c.id));
    super::drop_unused_sources(set, &replaced);
}

/// The content after the ل of the word at `w[j]` (`لصحة الأنباء عن C`، `لما تردد عن C`،
/// `لوجود C`): where it starts.
fn content_after_lam(article: &Article, w: &[W], j: usize) -> Option<usize> {
    let x = w.get(j)?;
    let rest = x.key.strip_prefix('ل')?;
    // `للأنباء`: the article's alef fell after the ل
    let noun = if rest.starts_with('ل') {
        format!("ا{rest}")
    } else {
        rest.to_owned()
    };
    let frame = noun == "صحه" || noun == "ما" || super::falsity::is_report_noun(&noun);
    if !frame {
        // the word itself opens the content, after its ل
        let lam = article.text[x.range.clone()].chars().next()?.len_utf8();
        return Some(x.range.start + lam);
    }
    let about =
        (j + 1..w.len().min(j + 1 + FRAME_WORDS)).find(|&k| ABOUT.contains(&w[k].key.as_str()));
    match about {
        Some(k) => w.get(k + 1).map(|n| n.range.start),
        // `لصحة الوثيقة`: what is denied is named right after صحة
        None if noun == "صحه" => w.get(j + 1).map(|n| n.range.start),
        None => None,
    }
}

/// A denial noun at `w[k]`: the index of the denier's last word and where the content starts
/// (inside a word after its ل: `نفيه (القاطع) لـC`), `إلى نفي
/// الأنباء عن C`، `بنفي …`، `عدم صحة ما تردد عن C`.
fn denial_noun(article: &Article, w: &[W], k: usize) -> Option<(usize, usize)> {
    let key = w[k].key.trim_start_matches('و');
    if DENIAL_NOUNS.contains(&key) {
        let mut j = k + 1;
        while j < w.len().min(k + 1 + NOUN_ADJECTIVES) && w[j].key.starts_with("ال") {
            j += 1;
        }
        return Some((k.checked_sub(1)?, content_after_lam(article, w, j)?));
    }
    let (last, report) = match key {
        "نفي" if k > 0 && w[k - 1].key == normalize_str("إلى") => (k.checked_sub(2)?, k + 1),
        "بنفي" => (k.checked_sub(1)?, k + 1),
        "عدم" if w.get(k + 1).is_some_and(|n| n.key == "صحه") => (k.checked_sub(1)?, k + 2),
        _ => return None,
    };
    // `نفي أن يكون …`: the content after `أن`
    let from = if w.get(report).is_some_and(|x| x.key == "ان") {
        report + 1
    } else {
        shapes::content_start(w, report)?
    };
    Some((last, w.get(from)?.range.start))
}

/// `جدد الوزير نفيه القاطع لـC`، `سارعت الوزارة إلى نفي الأنباء عن C`، `أوضح المكتب عدم صحة
/// ما تردد عن C`: each denial noun after a verb and its subject, when no link holds it.
fn nominal_denials(set: &mut AnnotationSet, article: &Article) {
    // only the sentences that hold the nouns' letters are read word by word
    let folded = article.folded();
    let text = folded.slice(0..article.text.len());
    let mut sentences: Vec<usize> = text
        .match_indices("نفي")
        .chain(text.match_indices("عدم صحه"))
        .map(|(at, _)| sentence_start(article, folded.original_offset(at)))
        .collect();
    sentences.sort_unstable();
    sentences.dedup();
    for at in sentences {
        let end = sentence_end(article, at);
        let w = shapes::words(article, at, end);
        for k in 0..w.len() {
            let Some((last, start)) = denial_noun(article, &w, k) else {
                continue;
            };
            // the clause: back to a comma or the sentence's start; its verb, then the denier
            let clause = (0..k).rev().find(|&i| w[i].comma).map_or(0, |i| i + 1);
            if last <= clause || last - clause > SUBJECT_WORDS {
                continue;
            }
            let noun = &w[k].range;
            // a link of the cue suggester holds the noun already (`أكدت الوزارة عدم صحة …`)
            let held = set
                .claims
                .iter()
                .any(|c| c.span.range().contains(&noun.start))
                || set
                    .attributions
                    .iter()
                    .any(|a| a.cue.is_some_and(|c| c.range() == *noun));
            let Ok(cue) = Span::checked(article, noun.clone()) else {
                continue;
            };
            if held {
                continue;
            }
            let stop = w.last().map_or(end, |l| l.range.end);
            let origin = Origin::rule("isnad:denial", None);
            let Ok(claim) = Claim::suggested(article, start..stop, ClaimType::Statement, origin)
            else {
                continue;
            };
            let id = claim.id.clone();
            set.claims.push(claim);
            add_denial(
                set,
                article,
                w[clause + 1].range.start..w[last].range.end,
                cue,
                id,
            );
        }
    }
}

/// `قالت الوزارة إنها تنفي الأنباء عن C`: a reported claim that opens with a denial verb is the
/// speaker's denial of C (the pronoun on `إنها` is the speaker).
fn denials_in_claims(set: &mut AnnotationSet, article: &Article) {
    for i in 0..set.attributions.len() {
        if set.attributions[i].stance != Stance::Asserts {
            continue;
        }
        let Some(c) = set.position(&set.attributions[i].claim_id) else {
            continue;
        };
        let claim = set.claims[c].span;
        let w = shapes::words(article, claim.start, claim.end);
        let opens = w
            .first()
            .is_some_and(|x| rule_of(&x.key) == Some(Rule::Stance(Stance::Denies)));
        if !opens {
            continue;
        }
        let rest = &w[1..];
        let report = shapes::past_asides(rest, 0);
        let from = if rest.get(report).is_some_and(|x| x.key == "ان") {
            Some(report + 1)
        } else {
            shapes::content_start(rest, report)
        };
        let Some(start) = from.and_then(|k| rest.get(k)).map(|x| x.range.start) else {
            continue;
        };
        if let Ok(span) = Span::checked(article, start..claim.end) {
            set.claims[c].span = span;
            set.attributions[i].stance = Stance::Denies;
        }
    }
}

/// Adds the denials of reports named by a demonstrative or a verbal noun.
/// `verbs`: the denial verbs opening a clause ([`shapes::denial_verbs`]).
pub(super) fn pointed_denials(set: &mut AnnotationSet, article: &Article, verbs: &[Span]) {
    demonstrative_denials(set, article, verbs);
    nominal_denials(set, article);
    denials_in_claims(set, article);
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::agency_variants::links;

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

    #[test]
    fn a_demonstrative_with_no_claim_before_gives_nothing() {
        let l = links("ونفت الشرطة هذه الأنباء.");
        assert!(l.is_empty(), "{l:?}");
    }

    #[test]
    fn a_denial_noun_without_a_subject_or_a_lam_gives_nothing() {
        for text in [
            "وجدد نفيه القاطع لصحة الأنباء.",
            "وجاء نفيه بعد ساعات من البيان.",
        ] {
            let l = links(text);
            assert!(l.iter().all(|(_, _, st)| st != "denies"), "{text}: {l:?}");
        }
    }
}

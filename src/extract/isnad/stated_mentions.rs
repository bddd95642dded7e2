//! A denied mention of a report the text has stated (docs/attribution-guidelines.md §6.3 as
//! written on 2026-12-05 (b)): any mention of a report (`الخبر المنشور`، `ما يتم تداوله على
//! مواقع التواصل`، `ما ورد في المقال`، `الوثيقة التي تداولتها …`، `هذه الأنباء`) is read like a
//! demonstrative. When the text has stated the report's content before the mention, the denial
//! is a second attribution of that stated claim item (one denied claim is one item however often
//! it is denied); only when the text states the content nowhere is the mention itself the claim.
//! Run after every denial pass: whichever pass left a mention as a denied claim (the cue
//! suggester's `نفت الوزارة الأنباء المتداولة`, a pointer called false with nothing stated in its
//! own sentence), the stated claim is looked for here: a report stated with its content in the
//! mention's sentence or the one before (`stated_reports.rs`), else the nearest earlier claim a
//! link denies.

use std::collections::HashSet;

use crate::annotate::model::{AnnotationSet, Stance};
use crate::article::Article;

use super::falsity::{ABOUT, words};
use super::pointed_falsity::pointer_words;
use super::stated_reports::stated_claim_before;

/// Most words after the pointer in a claim that is only a mention (`ما يتم تداوله على مواقع
/// التواصل الاجتماعي حاليا`): a place and a time, no content.
const PLACE_WORDS: usize = 6;

/// Whether the claim over `range` is only the mention of a report: a pointer (a demonstrative
/// and its noun, a definite report noun and its participle, `ما` and a verb of circulation, a
/// noun and a relative clause of circulation) and a few words of place, none opening content.
fn is_mention(article: &Article, range: std::ops::Range<usize>) -> bool {
    let w = words(article, range);
    let Some((from, _, _)) = pointer_words(&w) else {
        return false;
    };
    from <= w.len()
        && w.len() - from <= PLACE_WORDS
        && !w[from..]
            .iter()
            .any(|(_, k)| ABOUT.contains(k) || *k == "ان")
}

/// The nearest claim before byte `at` that a link denies and that is no mention itself: the
/// report the text stated and denied before.
fn denied_before(set: &AnnotationSet, article: &Article, at: usize) -> Option<String> {
    let denied: HashSet<&String> = set
        .attributions
        .iter()
        .filter(|a| a.stance == Stance::Denies)
        .map(|a| &a.claim_id)
        .collect();
    set.claims
        .iter()
        .filter(|c| c.span.end <= at && denied.contains(&c.id))
        .filter(|c| !is_mention(article, c.span.start..c.span.end))
        .max_by_key(|c| c.span.end)
        .map(|c| c.id.clone())
}

/// Turns every denial of a mere mention to the claim the text stated for that report, when it
/// stated one; the mention's claim goes when no link is left on it.
pub(super) fn stated_mentions(set: &mut AnnotationSet, article: &Article) {
    let mut old = HashSet::new();
    for i in 0..set.attributions.len() {
        if set.attributions[i].stance != Stance::Denies {
            continue;
        }
        // a claim the passes before pushed is not in the id index yet: looked for in the list
        let id = &set.attributions[i].claim_id;
        let Some(mention) = set.claims.iter().find(|c| c.id == *id).map(|c| c.span) else {
            continue;
        };
        if !is_mention(article, mention.start..mention.end) {
            continue;
        }
        let stated = stated_claim_before(set, article, mention.start)
            .or_else(|| denied_before(set, article, mention.start));
        let Some(stated) = stated.filter(|id| *id != set.attributions[i].claim_id) else {
            continue;
        };
        old.insert(std::mem::replace(&mut set.attributions[i].claim_id, stated));
    }
    super::drop_unused_claims(set, old);
}

//! A report left unconfirmed (docs/attribution-guidelines.md §6.3, `doubts`: `لم يؤكد`): `ولم
//! تؤكد الشرطة مقتل القائد`، `ولم يؤكد المتحدث صحة الصور`، `دون أن يؤكد تقارير بأن C`. The cue
//! suggester reads `يؤكد` as an assertion (or, before `صحة`, a confirmation); under `لم` or
//! `دون أن` the speaker neither asserts nor confirms it: the link doubts it (pool: 3 sentences,
//! 3 outlets since the pool grew; one of them had a link, the others none).

use crate::annotate::model::{AnnotationSet, Stance};
use crate::article::Article;
use crate::text::normalize::normalize_str;

/// The forms of `أكد` a negation in the past (`لم`) or `دون أن` takes, folded on use.
const CONFIRM_FORMS: [&str; 5] = ["يؤكد", "تؤكد", "نؤكد", "يؤكدوا", "يؤكدا"];

/// Words before `أن` that make the verb after it unsaid (`دون أن يؤكد`، `بدون أن`).
const WITHOUT: [&str; 2] = ["دون", "بدون"];

/// Whether the words before the cue leave it unsaid: `لم` (its و/ف set aside), or `دون أن`.
/// Only `لم` of the negations `negated` reads: §6.3 names `لم يؤكد` a doubt; `لن يؤكد` (will
/// not confirm) refuses and `لا يؤكد` is no report left open, so neither is read as one.
fn left_unsaid(article: &Article, cue_start: usize) -> bool {
    let mut before = super::words_before(article, cue_start);
    let Some(last) = before.next() else {
        return false;
    };
    if super::without_conjunction(&last) == "لم" {
        return true;
    }
    last == "ان" && before.next().is_some_and(|w| WITHOUT.contains(&w.as_str()))
}

/// Turns every asserting or confirming link whose cue is a form of `أكد` left unsaid into one
/// that doubts.
pub(super) fn unconfirmed(set: &mut AnnotationSet, article: &Article) {
    for a in &mut set.attributions {
        if !matches!(a.stance, Stance::Asserts | Stance::Confirms) {
            continue;
        }
        let Some(cue) = a.cue else { continue };
        let verb = normalize_str(cue.text(article));
        let verb = super::without_conjunction(&verb);
        let form = CONFIRM_FORMS.iter().any(|f| normalize_str(f) == verb);
        if form && left_unsaid(article, cue.start) {
            a.stance = Stance::Doubts;
        }
    }
}

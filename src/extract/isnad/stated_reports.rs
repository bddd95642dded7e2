//! The report a pointer points back at, as the text stated it (docs/attribution-guidelines.md
//! §6.3: the denied claim is the content "as the report states it"): `ما تردد من أنباء تفيد C،
//! …، والتي نفت تلك الأنباء`، `لا صحة للخبر الذي … يزعم C. … إن هذا الخبر ما هو إلا شائعة`،
//! `معلومات مغلوطة عن C. … تنفي هذا الخبر`. A report noun, a few words, then a word that opens
//! its content (`عن`، `حول`، `بشأن`، `تفيد`، `يزعم`، `مفادها`، `بأن`); the content runs to the
//! first comma or the sentence's end. Looked for in the pointer's sentence before it, then in
//! the sentence before; the three pointer passes (`pointed_denials.rs`, `pointers.rs`,
//! `pointed_falsity.rs`) take it before the last claim, which was often the narration around
//! the report (pool: 5 sentences, 3 outlets; docs/extraction/chains.md, "Ninth round").

use std::ops::Range;

use crate::annotate::model::{AnnotationSet, Claim, ClaimType, Origin};
use crate::article::Article;

use super::channels::sentence_start;
use super::denial_shapes::{self as shapes, W};
use super::pointed_denials::DEMONSTRATIVES;

/// Report nouns besides the report frames' and the denial frames' (`معلومات مغلوطة عن`).
const MORE_REPORT_NOUNS: [&str; 6] = ["معلومات", "شائعات", "اشاعات", "الاشاعات", "اخبار", "تقرير"];

/// Words that open a report's content: about-words and verbs of content.
const CONTENT_OPENERS: [&str; 11] = [
    "عن",
    "حول",
    "بشان",
    "بخصوص",
    "تفيد",
    "يفيد",
    "يزعم",
    "تزعم",
    "مفادها",
    "مفاده",
    "بان",
];

/// A complementiser after a verb of content (`تفيد بأن`، `مفادها أن`): not part of the content.
const COMPLEMENTISERS: [&str; 4] = ["بان", "ان", "بانه", "بانها"];

/// Most words between a report noun and the word that opens its content (`للخبر الذي
/// انتشر منذ أيام على صفحات كثيرة في موقع فيسبوك، والذي يزعم`).
const FRAME_WORDS: usize = 12;

/// Whether a folded word is a report noun, a preposition `ل` on it set aside (`للخبر`).
fn is_report_noun(key: &str) -> bool {
    let bare = key
        .strip_prefix("لل")
        .map(|rest| format!("ال{rest}"))
        .or_else(|| key.strip_prefix('ل').map(str::to_owned));
    [Some(key.to_owned()), bare]
        .into_iter()
        .flatten()
        .any(|k| shapes::is_report_or_claim_noun(&k) || MORE_REPORT_NOUNS.contains(&&*k))
}

/// The content of the last report stated in `w`: from the word after its opener to the first
/// comma after it, or to the end of `w`.
fn stated_content(w: &[W]) -> Option<Range<usize>> {
    (0..w.len()).rev().find_map(|n| {
        // a noun after a demonstrative is itself a pointer, not the report stated
        let pointed = n > 0 && DEMONSTRATIVES.contains(&w[n - 1].key);
        if pointed {
            return None;
        }
        content_after_noun(w, n)
    })
}

/// The content of the report whose noun is `w[n]`, when a word that opens it follows.
fn content_after_noun(w: &[W], n: usize) -> Option<Range<usize>> {
    if !is_report_noun(w[n].key) {
        return None;
    }
    let opener =
        (n + 1..w.len().min(n + 2 + FRAME_WORDS)).find(|&k| CONTENT_OPENERS.contains(&w[k].key))?;
    let mut from = opener + 1;
    if w.get(from)
        .is_some_and(|x| COMPLEMENTISERS.contains(&x.key))
    {
        from += 1;
    }
    let first = w.get(from)?;
    let last = (from..w.len()).find(|&k| w[k].comma).unwrap_or(w.len() - 1);
    Some(first.range.start..w[last].range.end)
}

/// The content of the report whose noun opens `range` (`للخبر الذي … يزعم C`), to the first
/// comma or the range's end.
pub(super) fn content_of_report_at(article: &Article, range: Range<usize>) -> Option<Range<usize>> {
    let w = shapes::words(article, range.start, range.end);
    if w.is_empty() {
        return None;
    }
    content_after_noun(&w, 0).map(|c| trimmed(article, c))
}

/// The claim of the report pointed at from byte `at`, in this order: a report stated with its
/// content in the pointer's sentence before it (the claim that starts where the content does,
/// added when there is none); the last claim of that sentence before the pointer (`ذلك ليس
/// صحيحا` after `أبلغ … بأن C`: dev 28-politics); a report stated in the sentence before; else
/// `fallback` (the last claim before the pointer, as each pass reads it).
pub(super) fn pointed_claim(
    set: &mut AnnotationSet,
    article: &Article,
    at: usize,
    fallback: impl FnOnce(&mut AnnotationSet) -> Option<String>,
) -> Option<String> {
    if let Some(here) = pointed_claim_here(set, article, at) {
        return Some(here);
    }
    match stated_in_sentence_before(article, sentence_start(article, at)) {
        Some(content) => claim_for(set, article, content),
        None => fallback(set),
    }
}

/// The first two steps of [`pointed_claim`], in the pointer's own sentence only: a report
/// stated with its content before it, else the last claim before it.
pub(super) fn pointed_claim_here(
    set: &mut AnnotationSet,
    article: &Article,
    at: usize,
) -> Option<String> {
    let sentence = sentence_start(article, at);
    if let Some(content) = stated_between(article, sentence, at) {
        return claim_for(set, article, content);
    }
    set.claims
        .iter()
        .filter(|c| c.span.start >= sentence && c.span.end <= at)
        .max_by_key(|c| c.span.end)
        .map(|c| c.id.clone())
}

/// The claim of a report stated with its content before byte `at`, in its sentence or the one
/// before (a mention of a report read like a demonstrative, §6.3): none when neither states one.
pub(super) fn stated_claim_before(
    set: &mut AnnotationSet,
    article: &Article,
    at: usize,
) -> Option<String> {
    let sentence = sentence_start(article, at);
    let content = stated_between(article, sentence, at)
        .or_else(|| stated_in_sentence_before(article, sentence))?;
    claim_for(set, article, content)
}

/// The content a report states between bytes `from` and `to`.
fn stated_between(article: &Article, from: usize, to: usize) -> Option<Range<usize>> {
    stated_content(&shapes::words(article, from, to))
}

/// The content a report states in the sentence before the one starting at byte `sentence`.
fn stated_in_sentence_before(article: &Article, sentence: usize) -> Option<Range<usize>> {
    sentence_before(article, sentence).and_then(|from| stated_between(article, from, sentence))
}

/// Where the sentence before the one starting at byte `sentence` starts: its end is found past
/// the marks and line ends between them (`….\n`, `…؟ `), none when there is no text before.
pub(super) fn sentence_before(article: &Article, sentence: usize) -> Option<usize> {
    let head = article.text[..sentence]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | '؟'));
    (!head.is_empty()).then(|| sentence_start(article, head.len()))
}

/// The claim that states `content`: one that starts where it does and ends within it, or a new
/// one.
fn claim_for(set: &mut AnnotationSet, article: &Article, content: Range<usize>) -> Option<String> {
    let content = trimmed(article, content);
    if let Some(c) = set
        .claims
        .iter()
        .find(|c| c.span.start == content.start && c.span.end <= content.end)
    {
        return Some(c.id.clone());
    }
    let origin = Origin::rule("isnad:stated-report", None);
    let claim = Claim::suggested(article, content, ClaimType::Statement, origin).ok()?;
    let id = claim.id.clone();
    set.claims.push(claim);
    Some(id)
}

/// `range` without the marks that end its sentence or close a quotation.
fn trimmed(article: &Article, range: Range<usize>) -> Range<usize> {
    let text = &article.text[range.clone()];
    let kept = text.trim_end_matches(['.', '!', '؟', '?', '"', '”', '»', ':', '؛']);
    range.start..range.start + kept.len()
}

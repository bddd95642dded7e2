//! Reports called false (docs/attribution-guidelines.md §6.3): the speaker denies the report's
//! content without a verb of denial. Three shapes, each read on a link the cue suggester made
//! as a plain assertion:
//!
//! - `أكد/قال أنه لا صحة لما تردد عن C` (also `للأنباء عن C`): no truth to the report;
//! - `قال إن الأنباء عن C عارية عن الصحة`: a report frame, C, then a phrase of falsity;
//! - `وصفت الوزارة الأنباء عن C بأنها عارية عن الصحة`: the report described as false.
//!
//! The claim becomes C and the stance `denies`.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use crate::annotate::model::{AnnotationSet, Span, Stance};
use crate::article::Article;
use crate::extract::tokens::is_letter_or_digit;
use crate::extract::wordlists as lists;
use crate::text::normalize::normalize_str;

use super::denial_shapes::TIME;

/// Words that end a report frame before its content (`عن`، `حول`، `بشأن`، `بخصوص`).
pub(super) const ABOUT: [&str; 4] = ["عن", "حول", "بشان", "بخصوص"];

/// Most words between a report noun and its `عن` (`الأنباء التي تحدثت عن`، `ما تداولته
/// مواقع التواصل عن`).
const FRAME_WORDS: usize = 5;

/// The nouns that open a report frame: the first word of each denied-report frame
/// (`أنباء`، `التقارير`، `ما`), `صحة` set aside.
static REPORT_NOUNS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    lists::entries(lists::REPORT_FRAME_PHRASES)
        .filter_map(|p| p.split_whitespace().next().map(normalize_str))
        .filter(|w| w != "صحه")
        .collect()
});

/// Whether a folded word opens a report frame (`أنباء`، `التقارير`، `الشائعات`).
pub(super) fn is_report_noun(word: &str) -> bool {
    word != "ما" && REPORT_NOUNS.contains(word)
}

/// The phrases of falsity, folded word by word, longest first (`مجرد شائعات` before `شائعات`).
static FALSITY: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    let mut phrases: Vec<Vec<String>> = lists::entries(lists::FALSITY_PHRASES)
        .map(|p| p.split_whitespace().map(normalize_str).collect())
        .collect();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    phrases
});

/// The first word of every phrase of [`FALSITY`]: a word that starts none is passed over
/// without trying each phrase at it (every word of a denied claim is tried).
static FALSITY_FIRST_WORDS: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
    FALSITY
        .iter()
        .filter_map(|p| p.first())
        .map(String::as_str)
        .collect()
});

/// `بأنها`، `أنه`، `هي` before a phrase of falsity: part of the saying, not of the content.
const FALSITY_OPENERS: [&str; 7] = ["بانها", "بانه", "بانهم", "انها", "انه", "هي", "هو"];

/// The words of `range`, folded, with their places; punctuation around them set aside.
pub(super) fn words(article: &Article, range: Range<usize>) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut at = range.start;
    for piece in article.pieces(range) {
        let lead = piece.len()
            - piece
                .trim_start_matches(|c: char| !is_letter_or_digit(c))
                .len();
        let word = piece[lead..].trim_end_matches(|c: char| !is_letter_or_digit(c));
        if !word.is_empty() {
            let range = at + lead..at + lead + word.len();
            let key = article.folded().slice(range.clone());
            out.push((range, key));
        }
        at += piece.len();
    }
    out
}

/// The index of the content's first word after a report frame opened by `noun` at `w[k]`:
/// the noun, a few words, then an about-word.
fn content_after(w: &[(Range<usize>, &str)], k: usize, noun: &str) -> Option<usize> {
    if !REPORT_NOUNS.contains(noun) {
        return None;
    }
    // `ما جاء في الفيديو عبارة عن شائعات`: the عن of `عبارة` ("is") opens no content
    let about = (k + 1..w.len().min(k + 2 + FRAME_WORDS)).find(|&j| {
        // nor does the عن of `عارية عن الصحة`
        ABOUT.contains(&w[j].1)
            && w[j - 1].1 != "عباره"
            && w.get(j + 1).is_none_or(|(_, x)| *x != "الصحه")
    })?;
    (about + 1 < w.len()).then_some(about + 1)
}

/// Where the first phrase of falsity in `w` from `from` on starts, with what says it is one
/// before it (`بأنها`، `هي`, a report noun: `هي أخبار كاذبة لا تمت إلى الحقيقة بصلة`).
pub(super) fn falsity_start(w: &[(Range<usize>, &str)], from: usize) -> Option<usize> {
    let keys: Vec<&str> = w.iter().map(|(_, k)| *k).collect();
    let at = (from..keys.len()).find(|&i| {
        // `وثيقة مزورة وعارية عن الصحة`: a phrase joined by و to the predicate before it
        let first = keys[i]
            .strip_prefix('و')
            .filter(|rest| FALSITY_FIRST_WORDS.contains(rest))
            .unwrap_or(keys[i]);
        FALSITY_FIRST_WORDS.contains(first)
            && FALSITY.iter().any(|p| {
                keys.get(i..i + p.len()).is_some_and(|k| {
                    k.iter()
                        .enumerate()
                        .all(|(n, x)| if n == 0 { first == p[0] } else { *x == p[n] })
                })
            })
    })?;
    let mut start = at;
    if start > from && is_report_noun(keys[start - 1]) {
        start -= 1;
    }
    if start > from && FALSITY_OPENERS.contains(&keys[start - 1]) {
        start -= 1;
    }
    Some(start)
}

/// `لا صحة لما تردد عن C`، `لا صحة للأنباء عن C`، `لا صحة نهائيا للخبر الذي … يزعم C`: where C
/// starts and ends (to the claim's end when `None`).
fn no_truth(
    article: &Article,
    w: &[(Range<usize>, &str)],
) -> Option<(usize, Option<Range<usize>>)> {
    let [(_, la), (_, sihha), ..] = w else {
        return None;
    };
    if *la != "لا" || *sihha != "صحه" {
        return None;
    }
    // an adverb between (`لا صحة نهائيا للخبر`)
    let k = 2 + usize::from(w.get(2).is_some_and(|(_, x)| TIME.contains(*x)));
    let (noun_at, third) = w.get(k)?;
    // the ل on the report noun, which keeps its ال (`للأنباء` → `الأنباء`)
    let noun = third.strip_prefix("لل").map_or_else(
        || third.strip_prefix('ل').unwrap_or(third).to_owned(),
        |rest| format!("ال{rest}"),
    );
    if let Some(c) = content_after(w, k, &noun) {
        return Some((w[c].0.start, None));
    }
    // the content after a verb of content (`الذي يزعم C`، `التي تفيد C`)
    let end = w.last()?.0.end;
    let stated = super::stated_reports::content_of_report_at(article, noun_at.start..end)?;
    Some((stated.start, Some(stated)))
}

/// The content of the report the claim of link `i` calls false, when it does.
fn denied_content(set: &AnnotationSet, article: &Article, i: usize) -> Option<Range<usize>> {
    let a = &set.attributions[i];
    let claim = set.claims[set.position(&a.claim_id)?].span;
    let w = words(article, claim.start..claim.end);
    if let Some((start, stated)) = no_truth(article, &w) {
        return Some(stated.unwrap_or(start..claim.end));
    }
    let framed = w.first().and_then(|(_, noun)| content_after(&w, 0, noun));
    // the phrase after the report's content (the first word of it at the least)
    let falsity = falsity_start(&w, framed.map_or(0, |k| k + 1))?;
    if let Some(k) = framed
        && k < falsity
    {
        return Some(w[k].0.start..w[falsity - 1].0.end);
    }
    // `وصفت الوزارة الأنباء عن C بأنها …`: the frame before the claim, or C in it
    let cue = a.cue?;
    let verb = normalize_str(cue.text(article));
    if !(verb.starts_with("وصف") || verb.starts_with("واصف")) {
        return None;
    }
    if falsity > 0 {
        return Some(w[0].0.start..w[falsity - 1].0.end);
    }
    let before = words(article, cue.end..claim.start);
    let k = (0..before.len()).find_map(|k| content_after(&before, k, before[k].1))?;
    let end = (k..before.len())
        .rev()
        .find(|&j| !FALSITY_OPENERS.contains(&before[j].1))?;
    (end >= k).then(|| before[k].0.start..before[end].0.end)
}

/// Sets the claim of every link that calls a report false to the report's content, and its
/// stance to `denies`.
pub(super) fn falsified_reports(set: &mut AnnotationSet, article: &Article) {
    for i in 0..set.attributions.len() {
        if set.attributions[i].stance != Stance::Asserts {
            continue;
        }
        let Some(content) = denied_content(set, article, i) else {
            continue;
        };
        let id = &set.attributions[i].claim_id;
        let Some(c) = set.claims.iter().position(|c| c.id == *id) else {
            continue;
        };
        if let Ok(span) = Span::checked(article, content) {
            set.claims[c].span = span;
            set.attributions[i].stance = Stance::Denies;
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::article::Article;
    use crate::extract::extract;
    use crate::extract::isnad::suggest_annotations;

    #[test]
    fn every_phrase_of_falsity_has_a_first_word_to_be_found_by() {
        // falsity_start tries the phrases only at a word that starts one: an empty phrase
        // (which would match anywhere) must not exist
        assert!(!super::FALSITY.is_empty());
        assert!(super::FALSITY.iter().all(|p| !p.is_empty()));
        let w: Vec<(std::ops::Range<usize>, &str)> = ["قال", "انها", "مجرد", "شائعات"]
            .iter()
            .enumerate()
            .map(|(i, k)| (i..i + 1, *k))
            .collect();
        assert_eq!(super::falsity_start(&w, 0), Some(1));
        assert_eq!(super::falsity_start(&w[..1], 0), None);
    }

    /// (claim, stance) of every link.
    fn links(text: &str) -> Vec<(String, String)> {
        let article = Article::from_text("t", text.to_owned());
        let set = suggest_annotations(&article, &extract(&article.text));
        set.attributions
            .iter()
            .map(|a| {
                let c = set.claims.iter().find(|c| c.id == a.claim_id).unwrap();
                (
                    c.span.text(&article).to_owned(),
                    a.stance.as_str().to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn a_description_or_a_falsity_without_a_report_still_asserts() {
        for text in [
            "ووصف الوزير الاتفاق بأنه تاريخي.",
            "وقال المهندس إن القياس غير صحيح.",
            "وأكد المدرب أن الفريق لا صحة فيه للإصابات.",
        ] {
            let l = links(text);
            assert!(
                l.iter().all(|(_, stance)| stance == "asserts"),
                "{text}: {l:?}"
            );
        }
    }
}

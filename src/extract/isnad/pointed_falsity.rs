//! Pointed denials, third of three passes (see `pointed_denials.rs`): NO DENIAL WORD, a verb of
//! saying whose content names a report only by a pointer and calls it false
//! (docs/attribution-guidelines.md §6.3 as settled on 2026-12-04, ADJUDICATION A4): `وأشار إلى
//! أن ذلك ليس صحيحا`، `مؤكدا أن هذه المزاعم لا تمت إلى الواقع بصلة`، `إن هذا الخبر ما هو إلا
//! شائعة`. The denier is the link's own speaker; the link is turned to the report pointed at
//! (`stated_reports.rs`: a report stated with its content, else the last claim before it in the
//! same sentence: a claim of the sentence before was as often another report, dev 05-culture)
//! (pool: 3 sentences, 3 outlets). Since the pool grew (ninth round, second half) a pointer is
//! also a definite report noun with or without a participle of circulation (`أن الأنباء
//! المتداولة عارية عن الصحة`، `أن الخبر المنشور عار عن الصحة`) or `ما` and a verb of
//! circulation (`أن ما يتم تداوله على مواقع التواصل مجرد شائعات`); and when no report is
//! stated, the report denied in the sentence before is the one pointed at (`نفى X ما تردد عن C.
//! وأكد أن هذه الأنباء لا أساس لها من الصحة`), else the pointer's own words are the claim
//! (§6.3: "the claim is the report's mention") (pool: 12 sentences, 12 outlets).

use std::collections::HashSet;

use std::ops::Range;

use crate::annotate::model::{AnnotationSet, Claim, ClaimType, Origin, Stance};
use crate::article::Article;

use super::channels::sentence_start;
use super::denial_shapes::TIME;
use super::falsity::{falsity_start, is_report_noun, words};
use super::pointed_denials::DEMONSTRATIVES;
use super::stated_reports::sentence_before;
use super::stated_reports::{pointed_claim, pointed_claim_here};

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

/// Participles of circulation after a definite report noun (`الأنباء المتداولة`، `الخبر
/// المنشور`), folded.
const CIRCULATED: [&str; 8] = [
    "المتداوله",
    "المتداول",
    "المنشور",
    "المنشوره",
    "المتناقله",
    "المتناقل",
    "المزعومه",
    "المزعوم",
];

/// Verbs of circulation after `ما` (`ما يتم تداوله`، `ما يتداول`، `ما يقال`، `ما يشاع`), and of
/// a document's content (`ما ورد في المقال`، `ما جاء في الفيديو`), folded.
const CIRCULATING: [&str; 12] = [
    "تداوله",
    "يتداول",
    "تداولته",
    "يقال",
    "يشاع",
    "يتردد",
    "تردد",
    "نشر",
    "نشرته",
    "تناقلته",
    "ورد",
    "جاء",
];

/// Verbs of circulation with the object pronoun, in a relative clause on a noun (`الوثيقة التي
/// تداولتها وسائل إعلام`، `الخبر الذي نشرته الصفحة`), folded.
const CIRCULATED_IT: [&str; 8] = [
    "تداولتها",
    "تداولته",
    "نشرتها",
    "نشرته",
    "تناقلتها",
    "تناقلته",
    "روجتها",
    "روجته",
];

/// Adverbs of degree between `لا صحة` and what it denies (`لا صحة مطلقا لهذه المعلومات`),
/// folded.
const ABSOLUTELY: [&str; 4] = ["مطلقا", "اطلاقا", "تماما", "نهائيا"];

/// Relative pronouns after a noun (`الوثيقة التي`، `الخبر الذي`), folded.
const RELATIVES: [&str; 2] = ["التي", "الذي"];

/// Most words of place after `ما` and its verb (`ما يتم تداوله على مواقع التواصل
/// الاجتماعي`), and a copula (`هي مجرد شائعات`).
const PLACE_WORDS: usize = 6;

/// A copula between a pointer and its phrase of falsity (`هي مجرد شائعات`).
const COPULAS: [&str; 2] = ["هو", "هي"];

/// Words that open a denial themselves: a claim opening with them is a denial, not the report.
const DENIAL_OPENERS: [&str; 2] = ["لا", "عدم"];

/// A pointer to a report at the start of a claim called false.
struct Pointer {
    /// Where it starts (the claim's start, or after the ل of `لهذه`).
    at: usize,
    /// Where its words end, when it names a report (a bare demonstrative may point at an
    /// opinion: no mention is made of it).
    end: Option<usize>,
    /// A mention with a description of its own (`الخبر المنشور`، `ما ورد في المقال`، `الوثيقة
    /// التي تداولتها …`): looked for here in its own sentence only (the content restated, or a
    /// denial before it), else left as the claim for `stated_mentions.rs`, which reads it like
    /// a demonstrative over the text before (§6.3 of 2026-12-05 (b)); a bare pointer (`هذا
    /// الخبر`، `الأنباء`) takes the pointer passes' order here.
    described: bool,
}

/// Whether the claim of link `i` opens with a pointer to a report and calls it false.
fn pointer_at(set: &AnnotationSet, article: &Article, i: usize) -> Option<Pointer> {
    let a = &set.attributions[i];
    a.cue?;
    let claim = set.claims[set.position(&a.claim_id)?].span;
    let w = words(article, claim.start..claim.end);
    if let Some(pointer) = no_truth_pointer(&w) {
        // the ل's own haraka (`لِهذه`) stays outside the mention too
        let rest = &article.text[pointer.clone()];
        let bare = rest.trim_start_matches(|c: char| ('\u{064B}'..='\u{0652}').contains(&c));
        return Some(Pointer {
            at: pointer.end - bare.len(),
            end: Some(pointer.end),
            described: false,
        });
    }
    let (from, gap, described) = pointer_words(&w)?;
    // a bare demonstrative (`رأى آخرون أن ذلك غير دقيق`) may point at an opinion: only a
    // pointer that names a report falls back to the report denied before or its own words
    let names_report = from > 1 || w.first()?.1 == "ما" || !DEMONSTRATIVES.contains(&w[0].1);
    let falsity = falsity_start(&w, from)?;
    // `عبارة عن شائعات`: the عن of `عبارة` states no content
    let stated = (from..falsity)
        .any(|j| super::falsity::ABOUT.contains(&w[j].1) && (j == 0 || w[j - 1].1 != "عباره"));
    (falsity > 0 && falsity <= from + gap && !stated).then(|| {
        // a copula before the phrase of falsity (`ما يقال هو مجرد شائعات`) is no part of it
        let mut last = (from + gap).min(falsity) - 1;
        if last >= from && COPULAS.contains(&w[last].1) {
            last -= 1;
        }
        // nor is `عبارة عن` (`ما جاء في الفيديو عبارة عن شائعات`)
        if last > from && w[last].1 == "عن" && w[last - 1].1 == "عباره" {
            last -= 2;
        }
        // the mention ends at a comma (`الوثيقة التي تداولتها وسائل إعلام ،وثيقة مزورة`)
        if let Some(j) = (from.saturating_sub(1)..last)
            .find(|&j| article.text[w[j].0.end..w[j + 1].0.start].contains(['،', ',']))
        {
            last = j;
        }
        Pointer {
            // past a quotation mark that opens the claim (`أن "الأنباء المتداولة عارية …`)
            at: w[0].0.start,
            end: names_report.then_some(w[last].0.end),
            described,
        }
    })
}

/// How many words the pointer at the start of `w` takes, and how many may come between it and
/// the phrase of falsity: a demonstrative and its noun (`هذه الأنباء`); a definite report noun
/// and a participle of circulation (`الأنباء المتداولة`، `الخبر المنشور`, or the noun alone);
/// `ما`, `يتم` and a verb of circulation, then words of place (`ما يتم تداوله على مواقع
/// التواصل`).
pub(super) fn pointer_words(w: &[(Range<usize>, &str)]) -> Option<(usize, usize, bool)> {
    let first = w.first()?.1;
    let noun_at = |k: usize| {
        w.get(k)
            .is_some_and(|(_, x)| is_report_noun(x) || POINTED_NOUNS.contains(x))
    };
    if DEMONSTRATIVES.contains(&first) {
        return Some((1 + usize::from(noun_at(1)), GAP_WORDS, false));
    }
    if first.starts_with("ال") && noun_at(0) {
        let participle = w.get(1).is_some_and(|(_, x)| CIRCULATED.contains(x));
        return Some((1 + usize::from(participle), GAP_WORDS, participle));
    }
    // `الوثيقة التي تداولتها وسائل إعلام …، وثيقة مزورة وعارية عن الصحة`: a noun and a
    // relative clause of circulation, its place, then a predicate before the falsity
    if first.starts_with("ال")
        && w.get(1).is_some_and(|(_, x)| RELATIVES.contains(x))
        && w.get(2).is_some_and(|(_, x)| CIRCULATED_IT.contains(x))
    {
        return Some((3, PLACE_WORDS + GAP_WORDS, true));
    }
    // `ماجاء في` written as one word
    if first
        .strip_prefix("ما")
        .is_some_and(|v| v == "جاء" || v == "ورد")
    {
        return Some((1, PLACE_WORDS, true));
    }
    if first != "ما" {
        return None;
    }
    let verb = 1 + usize::from(w.get(1).is_some_and(|(_, x)| *x == "يتم"));
    let circulating = w.get(verb).is_some_and(|(_, x)| CIRCULATING.contains(x));
    circulating.then_some((verb + 1, PLACE_WORDS, true))
}

/// `لا صحة (مطلقا) لهذه المعلومات (المتداولة)`: the falsity first, then a demonstrative with ل
/// on it and its report noun, nothing stated after them (`لهذه الأنباء عن C` is
/// `falsity.rs`'s): the pointer's range, without the ل.
fn no_truth_pointer(w: &[(Range<usize>, &str)]) -> Option<Range<usize>> {
    let [(_, la), (_, sihha), ..] = w else {
        return None;
    };
    if *la != "لا" || *sihha != "صحه" {
        return None;
    }
    let adverb = w
        .get(2)
        .is_some_and(|(_, x)| TIME.contains(*x) || ABSOLUTELY.contains(x));
    let k = 2 + usize::from(adverb);
    let (lam_at, lam) = w.get(k)?;
    let demonstrative = lam.strip_prefix('ل')?;
    let (noun_at, noun) = w.get(k + 1)?;
    let names_report = is_report_noun(noun) || POINTED_NOUNS.contains(noun);
    if !DEMONSTRATIVES.contains(&demonstrative) || !names_report {
        return None;
    }
    let participle = w.get(k + 2).filter(|(_, x)| CIRCULATED.contains(x));
    let end = participle.map_or(noun_at.end, |(r, _)| r.end);
    let stated = w
        .iter()
        .skip(k + 2)
        .take(2)
        .any(|(_, x)| super::falsity::ABOUT.contains(x));
    (!stated).then(|| lam_at.start + 'ل'.len_utf8()..end)
}

/// The claim a pointer denied nothing stated earlier for: the last claim of the sentence
/// before that a link denies (`نفى X ما تردد عن C. وأكد أن هذه الأنباء …`: the same report),
/// else a claim of the pointer's own words (§6.3).
fn denied_before_or_mention(
    set: &mut AnnotationSet,
    article: &Article,
    pointer: Range<usize>,
) -> Option<String> {
    let sentence = sentence_start(article, pointer.start);
    let denied_before = sentence_before(article, sentence).and_then(|from| {
        set.claims
            .iter()
            .filter(|c| c.span.start >= from && c.span.end <= sentence)
            .filter(|c| {
                set.attributions
                    .iter()
                    .any(|a| a.claim_id == c.id && a.stance == Stance::Denies)
            })
            .max_by_key(|c| c.span.end)
            .map(|c| c.id.clone())
    });
    if denied_before.is_some() {
        return denied_before;
    }
    mention_claim(set, article, pointer)
}

/// The claim a denial earlier in the pointer's sentence denies (`نفت القيادة هذا الخبر،
/// مؤكدة أن ما ورد في المنشور عار من الصحة`: the same report denied again).
fn denied_in_sentence(set: &AnnotationSet, article: &Article, at: usize) -> Option<String> {
    let sentence = sentence_start(article, at);
    set.attributions
        .iter()
        .filter(|a| a.stance == Stance::Denies)
        .filter(|a| a.cue.is_some_and(|c| c.start >= sentence && c.end <= at))
        .max_by_key(|a| a.cue.map(|c| c.start))
        .map(|a| a.claim_id.clone())
}

/// Whether the claim `id` opens with a word of denial (`لا`، `عدم`).
fn opens_with_denial(set: &AnnotationSet, article: &Article, id: &str) -> bool {
    let Some(claim) = set.position(id).map(|k| set.claims[k].span) else {
        return false;
    };
    words(article, claim.start..claim.end)
        .first()
        .is_some_and(|(_, k)| DENIAL_OPENERS.contains(k))
}

/// A claim of the pointer's own words (§6.3: "the claim is the report's mention").
fn mention_claim(
    set: &mut AnnotationSet,
    article: &Article,
    pointer: Range<usize>,
) -> Option<String> {
    let origin = Origin::rule("isnad:pointed-falsity", None);
    let claim = Claim::suggested(article, pointer, ClaimType::Statement, origin).ok()?;
    let id = claim.id.clone();
    set.claims.push(claim);
    Some(id)
}

/// Points every link that calls a pointed report false at the claim that states the report
/// (a report stated with its content in this sentence or the one before, else the last claim
/// of the sentence: `stated_reports.rs`; else the report denied in the sentence before, else
/// the pointer's words), with the stance `denies`; its own claim goes when no link is left on
/// it.
pub(super) fn pointed_falsity(set: &mut AnnotationSet, article: &Article) {
    let mut old = HashSet::new();
    for i in 0..set.attributions.len() {
        if set.attributions[i].stance != Stance::Asserts {
            continue;
        }
        let Some(Pointer { at, end, described }) = pointer_at(set, article, i) else {
            continue;
        };
        let target = if described {
            // its own sentence restating the content or denying the report already (§6.3,
            // "one denial, several cues"), else the mention itself
            pointed_claim_here(set, article, at)
                .or_else(|| denied_in_sentence(set, article, at))
                .or_else(|| end.and_then(|end| mention_claim(set, article, at..end)))
        } else {
            // (the last claim of the sentence was tried by pointed_claim already)
            let fallback = |set: &mut AnnotationSet| {
                end.and_then(|end| denied_before_or_mention(set, article, at..end))
            };
            pointed_claim(set, article, at, fallback)
        };
        let Some(mut target) = target else {
            continue;
        };
        // a claim that is a denial itself (`لا توجد أي نية …`) is the speaker's answer, not
        // the report: the pointer's words are then the claim
        if opens_with_denial(set, article, &target) {
            let mention = end.and_then(|end| mention_claim(set, article, at..end));
            let Some(mention) = mention else {
                continue;
            };
            target = mention;
        }
        let a = &mut set.attributions[i];
        old.insert(std::mem::replace(&mut a.claim_id, target));
        a.stance = Stance::Denies;
    }
    super::drop_unused_claims(set, old);
}

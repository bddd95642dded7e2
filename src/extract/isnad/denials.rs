//! The origin of a denied report (docs/attribution-guidelines.md §6.3): in `نفت الحكومة ما
//! نشرته صحيفة الأيام عن استقالة الوزير` the newspaper did not carry the government's words, it
//! published the report the government denies. It is no hand of the denial: it gets its own
//! link to the same claim, asserting it, with the verb of publishing (`نشرته`) as its cue.

use std::ops::Range;

use crate::annotate::model::{
    AnnotationSet, Attribution, Origin, QuoteType, SourceRole, SourceType, Span, Stance,
};
use crate::article::Article;
use crate::text::normalize::normalize_str;

/// Words that end the origin's name before the denied content (`عن`، `حول`، `بشأن`، `بخصوص`).
const ABOUT: [&str; 4] = ["عن", "حول", "بشان", "بخصوص"];

/// The longest origin name read (words): an outlet with its adjectives, not a clause.
const ORIGIN_WORDS: usize = 5;

/// `ما VERB X عن C` or `أنباء (التي) VERB X عن C` in `region` (from the denial's cue to the end
/// of its claim; the speaker may stand first: `كذبت الحكومة ما …`): the verb's place, the
/// origin's and where C starts.
fn origin_frame(
    article: &Article,
    region: Range<usize>,
) -> Option<(Range<usize>, Range<usize>, usize)> {
    let text = article.text.get(region.clone())?;
    let w: Vec<(Range<usize>, String)> = text
        .split(' ')
        .scan(region.start, |at, word| {
            let start = *at;
            *at += word.len() + 1;
            Some((start..start + word.len(), normalize_str(word)))
        })
        .filter(|(r, _)| !r.is_empty())
        .collect();
    // `ما` (also `لما` after `لا صحة`) or a report noun (`أنباء`، `الأنباء`)
    let k = w
        .iter()
        .position(|(_, x)| x == "ما" || x == "لما" || super::falsity::is_report_noun(x))?;
    let mut v = k + 1;
    if w.get(v).is_some_and(|(_, x)| x == "التي" || x == "الذي") {
        v += 1;
    }
    let (verb, key) = w.get(v)?;
    if ABOUT.contains(&key.as_str()) {
        return None;
    }
    let rest = &w[v + 1..];
    let about = rest.iter().position(|(_, x)| ABOUT.contains(&x.as_str()))?;
    if about == 0 || about > ORIGIN_WORDS || rest[..about].iter().any(|(_, x)| x.contains('،')) {
        return None;
    }
    if !names_an_origin(key, &rest[0].1) {
        return None;
    }
    let content = rest.get(about + 1)?.0.start;
    Some((
        verb.clone(),
        rest[0].0.start..rest[about - 1].0.end,
        content,
    ))
}

/// Verbs of the passive that stand before a verbal noun (`ما تم تداوله عن`، `ما يجري
/// تداوله`), folded (`جرى` → `جري`): the word after them is no origin.
const PASSIVE_AUXILIARIES: [&str; 4] = ["تم", "يتم", "جري", "يجري"];

/// Prepositions that open where a report went round, not who made it (`المنتشرة على مواقع
/// التواصل`، `ما ورد في المقال`).
const PLACE_PREPOSITIONS: [&str; 6] = ["في", "على", "علي", "عبر", "من", "بين"];

/// Whether the words after the frame's verb `verb` (the first folded as `first`) name who made
/// the report: not a verbal noun after a passive auxiliary, a time word (`أنباء ترددت الجمعة،
/// عن`) or a place opened by a preposition. Only a named origin gets a link (§6.3).
fn names_an_origin(verb: &str, first: &str) -> bool {
    let first = first.trim_end_matches(['،', ',']);
    !PASSIVE_AUXILIARIES.contains(&verb)
        && !PLACE_PREPOSITIONS.contains(&first)
        && !super::denial_shapes::TIME.contains(first)
}

/// Makes the origin named in a denied report's frame a speaker of the claim, asserting it, and
/// takes it out of the denial's hands.
pub(super) fn report_origins(set: &mut AnnotationSet, article: &Article) {
    let mut added = Vec::new();
    let mut replaced = Vec::new();
    for i in 0..set.attributions.len() {
        let a = &set.attributions[i];
        if a.stance != Stance::Denies {
            continue;
        }
        let (Some(cue), Some(claim)) = (
            a.cue,
            set.claims
                .iter()
                .find(|c| c.id == a.claim_id)
                .map(|c| c.span),
        ) else {
            continue;
        };
        if claim.start <= cue.end {
            continue;
        }
        let Some((verb, origin, content)) = origin_frame(article, cue.end..claim.end) else {
            continue;
        };
        // the frame was inside the claim (`نفت الشرطة أنباء نشرتها صحيفة X عن C`): C alone
        if content > claim.start
            && let Some(c) = set.claims.iter().position(|c| c.id == a.claim_id)
            && let Ok(span) = Span::checked(article, content..claim.end)
        {
            set.claims[c].span = span;
        }
        let (origin_start, origin_end) = (origin.start, origin.end);
        let Some(at) = super::channels::hand_source(set, article, origin, SourceType::Outlet)
        else {
            continue;
        };
        let id = set.sources[at].id.clone();
        // the hand a channel rule read there (the same words, or a few more) goes
        let inside = |v: &String| {
            set.sources.iter().any(|s| {
                s.id == *v
                    && s.span
                        .is_some_and(|x| x.start < origin_end && x.end > origin_start)
            })
        };
        let via: Vec<String> = set.attributions[i].via.clone();
        let (gone, kept): (Vec<String>, Vec<String>) = via.into_iter().partition(|v| inside(v));
        set.attributions[i].via = kept;
        replaced.extend(gone.into_iter().filter(|v| *v != id));
        let claim_id = set.attributions[i].claim_id.clone();
        let cue = Span::checked(article, verb).ok();
        let origin = Origin::rule("isnad:denied-origin", None);
        added.push(Attribution::suggested(
            &claim_id,
            &id,
            cue,
            QuoteType::Indirect,
            origin,
        ));
    }
    add_origin_links(set, added);
    super::drop_unused_sources(set, &replaced);
}

/// The origins' links, unless the origin already speaks the claim; an origin that is no
/// hand elsewhere is a speaker.
fn add_origin_links(set: &mut AnnotationSet, added: Vec<Attribution>) {
    for link in added {
        let source = link.source_id.clone();
        if !set
            .attributions
            .iter()
            .any(|a| a.claim_id == link.claim_id && a.source_id == source)
        {
            set.attributions.push(link);
        }
        let hand = set.attributions.iter().any(|a| a.via.contains(&source));
        if let Some(s) = set.sources.iter_mut().find(|s| s.id == source) {
            s.role = if hand {
                SourceRole::Both
            } else {
                SourceRole::Speaker
            };
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::article::Article;
    use crate::extract::extract;
    use crate::extract::isnad::suggest_annotations;

    /// (source, claim, stance, hands) of every link.
    fn links(text: &str) -> Vec<(String, String, String, usize)> {
        let article = Article::from_text("t", text.to_owned());
        let set = suggest_annotations(&article, &extract(&article.text));
        set.attributions
            .iter()
            .map(|a| {
                let s = set.sources.iter().find(|s| s.id == a.source_id).unwrap();
                let c = set.claims.iter().find(|c| c.id == a.claim_id).unwrap();
                (
                    s.span.unwrap().text(&article).to_owned(),
                    c.span.text(&article).to_owned(),
                    a.stance.as_str().to_owned(),
                    a.via.len(),
                )
            })
            .collect()
    }

    #[test]
    fn the_outlet_of_a_denied_report_asserts_it() {
        for (text, denier, origin, claim) in [
            (
                "وكذبت الحكومة ما نشرته صحيفة الأيام عن استقالة الوزير.",
                "الحكومة",
                "صحيفة الأيام",
                "استقالة الوزير",
            ),
            (
                "ونفت الشركة ما تداولته مواقع التواصل الاجتماعي عن رفع الأسعار.",
                "الشركة",
                "مواقع التواصل الاجتماعي",
                "رفع الأسعار",
            ),
            (
                "ونفت الشرطة صحة ما أوردته قناة الغد حول اعتقال الصحفي.",
                "الشرطة",
                "قناة الغد",
                "اعتقال الصحفي",
            ),
            // the guidelines' own example (§6.3), with and without a relative
            (
                "ونفت الشرطة أنباء نشرتها صحيفة المساء عن اعتقال الصحفي.",
                "الشرطة",
                "صحيفة المساء",
                "اعتقال الصحفي",
            ),
            (
                "ونفت الشرطة الأنباء التي نشرتها صحيفة المساء عن اعتقال الصحفي.",
                "الشرطة",
                "صحيفة المساء",
                "اعتقال الصحفي",
            ),
            (
                "وأكد المتحدث أنه لا صحة لما نشرته صحيفة الأيام عن استقالة الوزير.",
                "المتحدث",
                "صحيفة الأيام",
                "استقالة الوزير",
            ),
        ] {
            let l = links(text);
            let has = |who: &str, stance: &str| {
                l.iter()
                    .any(|x| x.0 == who && x.1 == claim && x.2 == stance && x.3 == 0)
            };
            assert!(has(denier, "denies"), "{text}: {l:?}");
            assert!(has(origin, "asserts"), "{text}: {l:?}");
        }
    }

    #[test]
    fn a_denial_without_a_named_origin_has_one_link() {
        let l = links("ونفى المحافظ ما يتردد حول إصابة موظفين بالفيروس.");
        assert_eq!(l.len(), 1, "{l:?}");
        assert_eq!(l[0].2, "denies", "{l:?}");
    }

    /// After the frame's verb, a verbal noun of the passive (`ما تم تداوله`), a time word
    /// (`أنباء ترددت الجمعة`) or where the report went round (`المنتشرة على مواقع التواصل`،
    /// `ما ورد في المقال`) names no origin: the denial is the only link (7 of the 8 rows
    /// gave the words after the verb a link of their own before).
    #[test]
    fn words_after_the_frame_verb_that_name_no_origin() {
        for (text, claim) in [
            (
                "ونفى المتحدث أنباء ترددت الجمعة عن انشقاق ضباط.",
                "انشقاق ضباط",
            ),
            (
                "وأكد المصدر أنه لا صحة لما تم تداوله عن إغلاق المطار.",
                "إغلاق المطار",
            ),
            ("ونفت الشركة ما يتم تداوله بشأن إفلاسها.", "إفلاسها"),
            (
                "وأكدت القيادة أن ما ورد في المقال عن لقاء الضابطين عار من الصحة.",
                "لقاء الضابطين",
            ),
            (
                "ونفى الجيش الأنباء المتداولة في وسائل الإعلام عن انسحاب القوات.",
                "انسحاب القوات",
            ),
            (
                "ونفت الوزارة الشائعات المنتشرة على مواقع التواصل حول إغلاق المدارس.",
                "إغلاق المدارس",
            ),
            // with harakat: one link, its cue the verb without the conjunction's fatha
            ("وَنَفَتِ الوزارةُ ما جرى تداوله عن رفع الأسعار.", "رفع الأسعار"),
            (
                "فنفى المحافظ أنباء انتشرت أمس، عن إغلاق الطريق.",
                "إغلاق الطريق",
            ),
        ] {
            let l = links(text);
            assert_eq!(l.len(), 1, "{text}: {l:?}");
            assert!(l[0].1 == claim && l[0].2 == "denies", "{text}: {l:?}");
        }
    }
}

//! Surface variants of agency-style reporting (docs/extraction.md, "Fifth round: chains,
//! denials and same_as"): chains as agency wires write them (a relay phrase between commas
//! after an outlet that is the subject, an acronym in brackets, a verbal noun after the relayed
//! speaker, statements received by an outlet, a post on the speaker's account), denials of a
//! report (the stance and the denied content) and later mentions of one source (a title
//! alone, a surname alone, `المصدر ذاته`). Every sentence is invented; each row was run before
//! the round's rules to count the families really missing.

#![cfg(test)]
#![allow(clippy::unwrap_used)]

use crate::article::Article;
use crate::extract::extract;
use crate::extract::isnad::{chains_in, suggest_annotations};

/// One invented sentence, the speaker and the hands of the chain it must give.
type ChainRow = (&'static str, &'static str, &'static [&'static str]);

/// The rows of `rows` that do not give their chain, with what was found instead.
fn chain_misses(rows: &[ChainRow]) -> Vec<String> {
    rows.iter()
        .filter_map(|&(text, speaker, hands)| {
            let found = chains_in(text);
            let ok = found.iter().any(|(_, s, h)| {
                s == speaker && h.iter().map(String::as_str).eq(hands.iter().copied())
            });
            (!ok).then(|| format!("{text}\n   want {speaker} ← {hands:?}\n   found {found:?}"))
        })
        .collect()
}

fn check_chains(rows: &[ChainRow]) {
    let m = chain_misses(rows);
    assert!(
        m.is_empty(),
        "{} of {} rows:\n{}",
        m.len(),
        rows.len(),
        m.join("\n")
    );
}

#[test]
fn a_relay_phrase_after_the_outlet() {
    check_chains(&[
        (
            "وذكرت وكالة الأنباء الوطنية الثلاثاء نقلا عن مصدر عسكري أن القوات انسحبت من البلدة.",
            "مصدر عسكري",
            &["وكالة الأنباء الوطنية"],
        ),
        (
            "وأفادت صحيفة الصباح، نقلا عن مصادر مطلعة، بأن المفاوضات توقفت.",
            "مصادر مطلعة",
            &["صحيفة الصباح"],
        ),
        (
            "ونقلت وكالة «إنترفاكس» الروسية، عن مصادر دبلوماسية، تأكيدها أن المحادثات ستستأنف.",
            "مصادر دبلوماسية",
            &["وكالة «إنترفاكس» الروسية"],
        ),
        (
            "ونقلت رويترز عن ثلاثة مصادر مطلعة قولها إن الشركة ستخفض الإنتاج.",
            "ثلاثة مصادر مطلعة",
            &["رويترز"],
        ),
        (
            "وذكرت صحيفة الوادي، نقلاً عن مسؤول في البلدية لم تسمه، أن الجسر سيغلق.",
            "مسؤول في البلدية لم تسمه",
            &["صحيفة الوادي"],
        ),
        (
            "وأوردت قناة الغد عن شهود عيان أن الانفجار هز المنطقة.",
            "شهود عيان",
            &["قناة الغد"],
        ),
    ]);
}

#[test]
fn relayed_statements_in_a_trailing_phrase() {
    check_chains(&[
        (
            "وقال الوزير في تصريحات نقلتها وكالة الأنباء الرسمية إن الميزانية جاهزة.",
            "الوزير",
            &["وكالة الأنباء الرسمية"],
        ),
        (
            "وأكد المتحدث باسم الجيش، في تصريحات أوردتها قناة الغد، أن القوات تقدمت.",
            "المتحدث باسم الجيش",
            &["قناة الغد"],
        ),
        (
            "وقالت الوزارة في بيان ورد لوكالة الأنباء المحلية إن الطريق سيفتح.",
            "الوزارة",
            &["بيان", "وكالة الأنباء المحلية"],
        ),
    ]);
}

#[test]
fn agencies_by_acronym() {
    check_chains(&[
        (
            "وذكرت وكالة الأنباء القطرية (قنا) نقلا عن مسؤول في الوزارة أن الاتفاق سيوقع غدا.",
            "مسؤول في الوزارة",
            &["وكالة الأنباء القطرية (قنا)"],
        ),
        (
            "وقال المتحدث باسم الشرطة لوكالة الأنباء السعودية (واس) إن الحريق أخمد.",
            "المتحدث باسم الشرطة",
            &["وكالة الأنباء السعودية (واس)"],
        ),
    ]);
}

/// (source, claim, stance) of every link in the suggestions for `text`.
fn links(text: &str) -> Vec<(String, String, String)> {
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
            )
        })
        .collect()
}

/// One invented denial: the sentence, the one who denies and the denied content.
type DenialRow = (&'static str, &'static str, &'static str);

/// Denials of a report, its frame before the content (`الأنباء التي تحدثت عن`، `ما يتردد حول`،
/// `صحة ما نشرته X حول`، `التهم الموجهة إليه بـ`).
const DENIALS: &[DenialRow] = &[
    (
        "ونفت الوزارة الأنباء التي تحدثت عن إغلاق المعبر.",
        "الوزارة",
        "إغلاق المعبر",
    ),
    (
        "نفى المتحدث باسم الحكومة صحة التقارير التي تحدثت عن استقالة الوزير.",
        "المتحدث باسم الحكومة",
        "استقالة الوزير",
    ),
    (
        "ونفت الشركة ما تداولته مواقع التواصل الاجتماعي عن رفع الأسعار.",
        "الشركة",
        "رفع الأسعار",
    ),
    (
        "وكذّب الجيش الأنباء المتداولة عن انسحاب قواته من المدينة.",
        "الجيش",
        "انسحاب قواته من المدينة",
    ),
    (
        "ونفى المحافظ ما يتردد حول إصابة موظفين بالفيروس.",
        "المحافظ",
        "إصابة موظفين بالفيروس",
    ),
    (
        "ونفت البلدية ما أشيع عن هدم السوق القديم.",
        "البلدية",
        "هدم السوق القديم",
    ),
    (
        "وأنكر المتهم التهم الموجهة إليه بسرقة الأموال.",
        "المتهم",
        "سرقة الأموال",
    ),
    (
        "ودحضت الوزارة المزاعم بشأن تسرب المياه إلى المحطة.",
        "الوزارة",
        "تسرب المياه إلى المحطة",
    ),
    (
        "ونفى مصدر في الوزارة، في تصريح للإذاعة، أن يكون الوزير قد استقال.",
        "مصدر في الوزارة",
        "يكون الوزير قد استقال",
    ),
    (
        "ورفضت الحكومة الاتهامات بتزوير الانتخابات.",
        "الحكومة",
        "تزوير الانتخابات",
    ),
    (
        "ونفت الشرطة صحة ما نشرته بعض الصحف حول اعتقال الصحفي.",
        "الشرطة",
        "اعتقال الصحفي",
    ),
    (
        "ونَفَتِ الوزارةُ الأنباءَ عن إغلاقِ المعبرِ.",
        "الوزارةُ",
        "إغلاقِ المعبرِ",
    ),
    (
        "الشرطة تنفي الأنباء عن اعتقال الصحفي",
        "الشرطة",
        "اعتقال الصحفي",
    ),
    (
        "وكذبت الحكومة ما نشرته صحيفة الأيام عن استقالة الوزير.",
        "الحكومة",
        "استقالة الوزير",
    ),
    (
        "فيما نفت الشركة صحة ما تناقلته وسائل إعلام محلية بشأن إفلاسها.",
        "الشركة",
        "إفلاسها",
    ),
];

#[test]
fn denials_of_a_report() {
    let rows = DENIALS;
    let misses: Vec<String> = rows
        .iter()
        .filter_map(|&(text, who, claim)| {
            let l = links(text);
            let ok = l
                .iter()
                .any(|(s, c, st)| s == who && c == claim && st == "denies");
            (!ok).then(|| format!("{text}\n   want {who} denies {claim}\n   found {l:?}"))
        })
        .collect();
    assert!(
        misses.is_empty(),
        "{} of {} rows:\n{}",
        misses.len(),
        rows.len(),
        misses.join("\n")
    );
}

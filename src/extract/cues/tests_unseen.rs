//! Unit tests of the fourth round's families, written from a phrasing inventory of news
//! (docs/extraction.md, "Fourth round: attribution cues"): every sentence is invented, and each
//! family is tried on several surfaces (with and without و/ف and harakat, «» and "" quotes,
//! masculine, feminine and plural verbs, a time word between verb and subject).

use super::tests::{one, triples};
use super::*;

/// The (source, cue, claim) of every suggestion in `text`.
fn links(text: &str) -> Vec<(Option<String>, String, String)> {
    triples(text)
        .into_iter()
        .map(|t| (t.source, t.cue, t.claim))
        .collect()
}

#[test]
fn coordinated_speakers_are_two_sources_of_one_claim() {
    let cases: [(&str, [&str; 2], &str); 6] = [
        (
            "قال الوزير والسفير إن المحادثات ستستأنف الأسبوع المقبل.",
            ["الوزير", "السفير"],
            "المحادثات ستستأنف الأسبوع المقبل",
        ),
        (
            "فأكدت مصادر طبية وسكان محليون، صباح اليوم، أن الطريق أغلق.",
            ["مصادر طبية", "سكان محليون"],
            "الطريق أغلق",
        ),
        (
            "وبحسب مصدر أمني وشهود عيان، سقطت قذيفة قرب السوق.",
            ["مصدر أمني", "شهود عيان"],
            "سقطت قذيفة قرب السوق",
        ),
        (
            "سقطت قذيفة قرب السوق، وفقا لمسعفين وشهود.",
            ["مسعفين", "شهود"],
            "سقطت قذيفة قرب السوق",
        ),
        (
            "وقالَ الوزيرُ والسفيرُ إنّ المحادثاتِ ستستأنف.",
            ["الوزيرُ", "السفيرُ"],
            "المحادثاتِ ستستأنف",
        ),
        (
            "وقال أمس المحافظ ومدير الشرطة: «الوضع تحت السيطرة تماما».",
            ["المحافظ", "مدير الشرطة"],
            "الوضع تحت السيطرة تماما",
        ),
    ];
    for (text, sources, claim) in cases {
        let all = links(text);
        assert_eq!(all.len(), 2, "{text}: {all:#?}");
        for (link, source) in all.iter().zip(sources) {
            assert_eq!(link.0.as_deref(), Some(source), "{text}");
            assert_eq!(link.2, claim, "{text}");
            assert_eq!(link.1, all[0].1, "{text}: one cue for both");
        }
    }
    // a و between genitives joins them: one source
    for (text, source) in [
        (
            "قال وزيرا الخارجية والدفاع إن الاتفاق قريب.",
            "وزيرا الخارجية والدفاع",
        ),
        (
            "وقالت وزارة الصحة والسكان إن اللقاح وصل.",
            "وزارة الصحة والسكان",
        ),
        (
            "وقال المتحدث باسم الجيش والشرطة إن الطريق مفتوح.",
            "المتحدث باسم الجيش والشرطة",
        ),
    ] {
        assert_eq!(one(text).source.as_deref(), Some(source), "{text}");
    }
}

#[test]
fn a_verbal_noun_object_ends_the_subject_and_is_the_claim() {
    let cases = [
        (
            "أعلن الجيش السيطرة على المدينة بعد معارك.",
            "الجيش",
            "السيطرة على المدينة بعد معارك",
        ),
        (
            "وأعلنت الشرطة الإفراج عن ثلاثة صحفيين.",
            "الشرطة",
            "الإفراج عن ثلاثة صحفيين",
        ),
        (
            "فأعلنت الشركةُ الاستحواذَ على المصنع.",
            "الشركةُ",
            "الاستحواذَ على المصنع",
        ),
        ("وأعلنوا أمس الإضراب عن العمل.", "", ""),
        (
            "وأكدت المصادر تقدم القوات في الجهة الشمالية.",
            "المصادر",
            "تقدم القوات في الجهة الشمالية",
        ),
        ("أكد الأطباء تحسن حالة المريض.", "الأطباء", "تحسن حالة المريض"),
        (
            "وأعلنت المصادر عن حدوث انفجارات قرب المطار.",
            "المصادر",
            "حدوث انفجارات قرب المطار",
        ),
        (
            "وأعلن المرصد الأحد عن وصول التعزيزات إلى البلدة.",
            "المرصد",
            "وصول التعزيزات إلى البلدة",
        ),
        (
            "وأكد التقرير تراجع الصادرات هذا العام.",
            "التقرير",
            "تراجع الصادرات هذا العام",
        ),
    ];
    for (text, source, claim) in cases {
        let all = links(text);
        if source.is_empty() {
            // no speaker to point back to: no suggestion
            assert!(all.is_empty(), "{text}: {all:#?}");
            continue;
        }
        assert_eq!(all.len(), 1, "{text}: {all:#?}");
        assert_eq!(all[0].0.as_deref(), Some(source), "{text}");
        assert_eq!(all[0].2, claim, "{text}");
    }
    // a nisba after the subject is its adjective, and a definite genitive stays in it
    let t = one("أعلن المجلس الانتقالي أن الانتخابات ستجرى في موعدها.");
    assert_eq!(t.source.as_deref(), Some("المجلس الانتقالي"));
    let t = one("وأعلنت وزارة الاقتصاد أن الأسعار استقرت.");
    assert_eq!(t.source.as_deref(), Some("وزارة الاقتصاد"));
    // a plural or a name of the same shape is no object where no verb governs it
    let t = one("وقال سكان الجنوب إن المياه انقطعت.");
    assert_eq!(t.source.as_deref(), Some("سكان الجنوب"));
}

/// The links of `text` to the claim `claim`: (source, cue, stance).
fn stances_on(text: &str, claim: &str) -> Vec<(Option<String>, String, Stance)> {
    triples(text)
        .into_iter()
        .filter(|t| t.claim == claim)
        .map(|t| (t.source, t.cue, t.stance))
        .collect()
}

#[test]
fn a_stance_on_what_was_said_before_links_the_earlier_claim() {
    let cases = [
        (
            "قال الباحث إن الموقع قديم جدا، لكن خبراء آخرين شككوا في هذا الأمر.",
            "الموقع قديم جدا",
            "خبراء آخرين",
            "شككوا",
            Stance::Doubts,
        ),
        (
            "وقال المدير إن المصنع سيغلق. لكن الشركة نفت ذلك.",
            "المصنع سيغلق",
            "الشركة",
            "نفت",
            Stance::Denies,
        ),
        (
            "وذكرت الصحيفة أن الوزير سيستقيل، غير أن الحكومة نفت هذه الأنباء.",
            "الوزير سيستقيل",
            "الحكومة",
            "نفت",
            Stance::Denies,
        ),
        (
            "وقال المدير: «المصنع سيغلق قريبا». ونفى النقابيون ذلك.",
            "المصنع سيغلق قريبا",
            "النقابيون",
            "نفى",
            Stance::Denies,
        ),
        (
            "وقال المدير إن المصنع سيغلق، وهو ما أكده مسؤول في النقابة.",
            "المصنع سيغلق",
            "مسؤول في النقابة",
            "أكده",
            Stance::Confirms,
        ),
        (
            "أفادت مصادر محلية بأن الجسر انهار، وهذا ما أكدته وزارة النقل.",
            "الجسر انهار",
            "وزارة النقل",
            "أكدته",
            Stance::Confirms,
        ),
        (
            "وَقالَ المديرُ إنّ المصنعَ سيُغلق، وهو ما أكّدهُ مسؤولٌ في النقابة.",
            "المصنعَ سيُغلق",
            "مسؤولٌ في النقابة",
            "أكّدهُ",
            Stance::Confirms,
        ),
    ];
    for (text, claim, source, cue, stance) in cases {
        let links = stances_on(text, claim);
        assert_eq!(links.len(), 2, "{text}: {links:#?}");
        assert_eq!(links[1].0.as_deref(), Some(source), "{text}");
        assert_eq!((links[1].1.as_str(), links[1].2), (cue, stance), "{text}");
    }
    // a verb that only says makes no stance on what came before, nor does an object that
    // names something else
    assert_eq!(
        one("وقال المدير إن المصنع سيغلق. وذكر ذلك في مؤتمر.").claim,
        "المصنع سيغلق"
    );
    let all = triples("وقال المدير إن المصنع سيغلق. ونفت الشركة ذلك الخبر عن الرواتب.");
    assert!(
        all.iter()
            .all(|t| t.stance != Stance::Denies || t.claim != "المصنع سيغلق"),
        "{all:#?}"
    );
}

#[test]
fn a_pronoun_subject_is_the_last_speaker() {
    for (text, claim) in [
        (
            "وقال الوزير إن الحوار ضروري، وهو بذلك يستبعد أن تجرى انتخابات قريبا.",
            "تجرى انتخابات قريبا",
        ),
        (
            "وقال الوزير إن الحوار ضروري وهو يستبعد أن تجرى انتخابات قريبا.",
            "تجرى انتخابات قريبا",
        ),
    ] {
        let all = triples(text);
        assert_eq!(all.len(), 2, "{text}: {all:#?}");
        assert_eq!(all[0].claim, "الحوار ضروري", "{text}");
        assert_eq!(all[1].claim, claim, "{text}");
        assert_eq!(all[1].source.as_deref(), Some("الوزير"), "{text}");
        assert_eq!(all[1].stance, Stance::Doubts, "{text}");
    }
    let all = triples("قالت الوزيرة إن الحوار ضروري، وهي تؤكد أن الانتخابات ستجرى.");
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[1].source.as_deref(), Some("الوزيرة"));
    assert_eq!(all[1].claim, "الانتخابات ستجرى");
}

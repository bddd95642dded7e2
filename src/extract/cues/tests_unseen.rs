//! Unit tests of the fourth round's families, written from a phrasing inventory of news
//! (docs/extraction/cues.md, "Fourth round: attribution cues"): every sentence is invented, and each
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

/// Each case has two links to `claim`, the second by `source` with `cue` and `stance`.
fn assert_second_stance(cases: &[(&str, &str, &str, &str, Stance)]) {
    for &(text, claim, source, cue, stance) in cases {
        let links = stances_on(text, claim);
        assert_eq!(links.len(), 2, "{text}: {links:#?}");
        assert_eq!(links[1].0.as_deref(), Some(source), "{text}");
        assert_eq!((links[1].1.as_str(), links[1].2), (cue, stance), "{text}");
    }
}

#[test]
fn a_stance_on_what_was_said_before_links_the_earlier_claim() {
    assert_second_stance(&[
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
    ]);
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
fn a_confirmation_in_a_relative_clause_confirms_the_claim_before() {
    assert_second_stance(&[
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
    ]);
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

#[test]
fn a_name_between_commas_after_a_title_joins_the_source() {
    let cases = [
        (
            "قالت المتحدثة باسم المنظمة، ليلى حسن، في مؤتمر صحفي إن المساعدات وصلت.",
            "المتحدثة باسم المنظمة، ليلى حسن",
            "المساعدات وصلت",
        ),
        (
            "وأوضح مدير المستشفى، جون سميث، أمس، أن الجرحى نقلوا إلى العاصمة.",
            "مدير المستشفى، جون سميث",
            "الجرحى نقلوا إلى العاصمة",
        ),
        (
            "فأكد الناطق باسم الشرطة، مارك لويس، للصحفيين: «لم نعتقل أحدا حتى الآن».",
            "الناطق باسم الشرطة، مارك لويس",
            "لم نعتقل أحدا حتى الآن",
        ),
        (
            "وقال المتحدثون باسم الحملة، سامي وليلى، عبر الإذاعة إن التبرعات زادت.",
            "المتحدثون باسم الحملة، سامي وليلى",
            "التبرعات زادت",
        ),
    ];
    for (text, source, claim) in cases {
        let t = one(text);
        assert_eq!(t.source.as_deref(), Some(source), "{text}");
        assert_eq!(t.claim, claim, "{text}");
    }
    // a time or an occasion between the commas is no name
    for text in [
        "وقال الوزير، صباح اليوم، إن المعبر سيفتح.",
        "وقال الوزير، في مؤتمر صحفي، إن المعبر سيفتح.",
        "وقال الوزير، الأحد، إن المعبر سيفتح.",
        "وقال الوزير، أمس، إن المعبر سيفتح.",
        "وقال الوزير، بحسب وكالة الأنباء المحلية، إن المعبر سيفتح.",
        "وقال الوزير، حسب الإذاعة، إن المعبر سيفتح.",
    ] {
        assert_eq!(one(text).source.as_deref(), Some("الوزير"), "{text}");
    }
}

#[test]
fn an_occasion_between_commas_after_a_fronted_subject_is_left_out() {
    for (text, source) in [
        (
            "المصادر، وفي حديث لصحيفة الأيام، أشارت إلى أن الجيش انسحب.",
            "المصادر",
        ),
        ("والوزيرة، خلال مؤتمر صحفي، قالت إن الجيش انسحب.", "الوزيرة"),
        ("الشهود، في تصريحات للإذاعة، أكدوا أن الجيش انسحب.", "الشهود"),
        (
            "سامي ناصر، مدير الميناء، أوضح أن الجيش انسحب.",
            "سامي ناصر، مدير الميناء",
        ),
    ] {
        let t = one(text);
        assert_eq!(t.source.as_deref(), Some(source), "{text}");
        assert_eq!(t.claim, "الجيش انسحب", "{text}");
    }
}

#[test]
fn a_past_form_that_is_also_passive_has_no_source_when_nobody_spoke_before() {
    for (text, claim) in [
        (
            "وأعلن عن إغلاق المعبر حتى إشعار آخر.",
            "إغلاق المعبر حتى إشعار آخر",
        ),
        (
            "وأُعلِنَ عن إغلاق المعبر حتى إشعار آخر.",
            "إغلاق المعبر حتى إشعار آخر",
        ),
        ("ذكر أن الطريق سيفتح غدا.", "الطريق سيفتح غدا"),
        (
            "وكُشف أمس عن وجود مقبرة جماعية قرب القرية.",
            "وجود مقبرة جماعية قرب القرية",
        ),
        ("فذكر أمس أن الطريق سيفتح غدا.", "الطريق سيفتح غدا"),
    ] {
        let t = one(text);
        assert_eq!((t.source, t.template), (None, Template::Passive), "{text}");
        assert_eq!(t.claim, claim, "{text}");
    }
    // with a speaker before, the same letters are his next report
    let all = triples("قال الوزير إن المعبر مغلق. وأعلن أن الطريق سيفتح غدا.");
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[1].source.as_deref(), Some("الوزير"));
    assert_eq!(all[1].template, Template::ProDrop);
    // a feminine, plural or first-person form is no passive of these letters
    for text in [
        "وأعلنت أن الطريق سيفتح غدا.",
        "وأعلنوا أن الطريق سيفتح غدا.",
        "وأعلنا أن الطريق سيفتح غدا.",
    ] {
        assert!(triples(text).is_empty(), "{text}");
    }
}

#[test]
fn a_sign_or_leaflet_before_an_imperfect_verb_says_it() {
    for (text, source, claim) in [
        (
            "وزع المحتجون منشورات تقول إن الإضراب مستمر.",
            "منشورات",
            "الإضراب مستمر",
        ),
        (
            "ورفع المتظاهرون لافتات كبيرة تقول: «لا للفساد في البلاد».",
            "لافتات كبيرة",
            "لا للفساد في البلاد",
        ),
        (
            "وعلق الطلاب ملصقا يؤكد أن الامتحان أُجّل.",
            "ملصقا",
            "الامتحان أُجّل",
        ),
        (
            "وانتشرت في المدينة عبارات تقول \"الشعب يريد الماء والكهرباء\".",
            "عبارات",
            "الشعب يريد الماء والكهرباء",
        ),
    ] {
        let t = one(text);
        assert_eq!(t.source.as_deref(), Some(source), "{text}");
        assert_eq!(t.claim, claim, "{text}");
    }
    // a sign with و before the verb is a new clause, and a definite one is its subject only
    // at the clause start
    assert!(triples("وزع المحتجون منشورات ويقول إن الإضراب مستمر.").is_empty());
    // a statement before a verb that does not agree with it, or before `فيه`, is its
    // publisher's
    for text in [
        "أصدرت الوزارة بيانا تقول فيه إن الإضراب انتهى.",
        "وأصدرت الوزارة بيانا تقول إن الإضراب انتهى.",
    ] {
        let all = triples(text);
        assert!(
            all.iter().all(|t| t.source.as_deref() != Some("بيانا")),
            "{text}: {all:#?}"
        );
    }
}
#[test]
fn a_report_frame_may_be_described_and_be_about_its_content() {
    for (text, source, claim, stance) in [
        (
            "نفى مصدر أمني تماما صحة المعلومات المتداولة حول اعتقال الصحفي.",
            "مصدر أمني",
            "اعتقال الصحفي",
            Stance::Denies,
        ),
        (
            "ونفت الوزارة الأنباء المتداولة عن نيتها رفع الأسعار.",
            "الوزارة",
            "نيتها رفع الأسعار",
            Stance::Denies,
        ),
        (
            "فنفى المتحدثون تقارير صحفية بشأن انسحاب القوات.",
            "المتحدثون",
            "انسحاب القوات",
            Stance::Denies,
        ),
        (
            "وأكدت الشرطة صحة الأنباء الأخيرة بخصوص توقيف المشتبه به.",
            "الشرطة",
            "توقيف المشتبه به",
            Stance::Confirms,
        ),
        (
            "وَنَفَتِ الوزارةُ الأنباءَ المتداوَلة عن نيتها رفع الأسعار.",
            "الوزارةُ",
            "نيتها رفع الأسعار",
            Stance::Denies,
        ),
    ] {
        let t = one(text);
        assert_eq!(t.source.as_deref(), Some(source), "{text}");
        assert_eq!((t.claim.as_str(), t.stance), (claim, stance), "{text}");
    }
}

#[test]
fn a_speaker_who_says_he_did_not_say_it_denies_it() {
    for (text, source, claim, cue) in [
        (
            "وقال الوزير: «أنا لم أقل إن الحكومة ستستقيل. هذا كلام غير دقيق».",
            "الوزير",
            "الحكومة ستستقيل",
            "أقل",
        ),
        (
            "وقالت النقابة في بيان: \"نحن لم نصرح بأن الإضراب سيستمر\".",
            "النقابة",
            "الإضراب سيستمر",
            "نصرح",
        ),
        (
            "وقالَ المدربُ: « لَمْ أَقُلْ إنّ اللاعبَ سيرحل، بل قلت إنه متعب ».",
            "المدربُ",
            "اللاعبَ سيرحل، بل قلت إنه متعب",
            "أَقُلْ",
        ),
    ] {
        let all = triples(text);
        assert_eq!(all.len(), 2, "{text}: {all:#?}");
        assert_eq!(all[0].stance, Stance::Asserts, "{text}");
        let denial = &all[1];
        assert_eq!(denial.source.as_deref(), Some(source), "{text}");
        assert_eq!(
            (denial.claim.as_str(), denial.cue.as_str()),
            (claim, cue),
            "{text}"
        );
        assert_eq!(denial.stance, Stance::Denies, "{text}");
    }
    // someone else not having said it, or an indirect report, denies nothing
    for text in [
        "وقال الوزير: «المدير لم يقل إن الحكومة ستستقيل».",
        "وقال الوزير إنه لم يقل إن الحكومة ستستقيل.",
    ] {
        let all = triples(text);
        assert!(
            all.iter().all(|t| t.stance == Stance::Asserts),
            "{text}: {all:#?}"
        );
    }
}

#[test]
fn a_long_occasion_between_commas_does_not_hide_the_complement() {
    for text in [
        "وأضاف متحدث الحكومة، خلال مداخلة هاتفية مع الإعلامي سامي ناصر ببرنامج \"كل يوم\"، مساء الخميس، أن الحدود آمنة.",
        "وأكدت المتحدثة، في حديث مطول لإذاعة المدينة بثته صباح اليوم على موجاتها، أن الحدود آمنة.",
        "فقال الوزراء، عقب اجتماعهم الطارئ في العاصمة مع ممثلي النقابات والأحزاب، إن الحدود آمنة.",
    ] {
        let t = one(text);
        assert_eq!(t.claim, "الحدود آمنة", "{text}");
        assert!(t.source.is_some(), "{text}");
    }
    // a report inside the commas is no occasion
    let all = triples("وقال الوزير، في رد على ما قاله المعارضون أمس، إن الحدود آمنة.");
    assert!(
        all.iter()
            .all(|t| t.claim != "الحدود آمنة" || t.source.as_deref() == Some("الوزير"))
    );
}

#[test]
fn names_in_marks_brackets_and_naming_words_join_the_source() {
    for (text, source) in [
        (
            "صرح المتحدث باسم الوزارة \"سامي ناصر\" بأنه لا توجد إصابات.",
            "المتحدث باسم الوزارة \"سامي ناصر\"",
        ),
        (
            "وأكدت الناطقة باسم البلدية «سلمى حداد» أنه لا توجد إصابات.",
            "الناطقة باسم البلدية «سلمى حداد»",
        ),
        (
            "وذكرت وكالة الأنباء الرسمية (سانا) أنه لا توجد إصابات.",
            "وكالة الأنباء الرسمية (سانا)",
        ),
        (
            "وقال أحد السكان، ويدعى سامي، إنه لا توجد إصابات.",
            "أحد السكان، ويدعى سامي",
        ),
        (
            "وقالت إحدى الممرضات، وتدعى ليلى، إنه لا توجد إصابات.",
            "إحدى الممرضات، وتدعى ليلى",
        ),
        ("وبحسب بيان للجيش، فإنه لا توجد إصابات.", "بيان للجيش"),
        (
            "وقال تقرير لمنظمة الصحة إنه لا توجد إصابات.",
            "تقرير لمنظمة الصحة",
        ),
    ] {
        let t = one(text);
        assert_eq!(t.source.as_deref(), Some(source), "{text}");
        assert_eq!(t.claim, "لا توجد إصابات", "{text}");
    }
    // a short quotation after a speaker is what he said, not his name
    let t = one("وقال المتحدث باسم الوزارة \"لن نتراجع أبدا\".");
    assert_eq!(t.source.as_deref(), Some("المتحدث باسم الوزارة"));
    // `يدعي` before its complement still claims
    let t = one("ويدعي المحامي أن موكله بريء.");
    assert_eq!(
        (t.source.as_deref(), t.claim.as_str()),
        (Some("المحامي"), "موكله بريء")
    );
}

#[test]
fn describing_something_as_something_is_a_claim_of_the_describer() {
    for (text, source, claim) in [
        (
            "ووصفت الوزارة الانفجار بأنه حادث عرضي.",
            "الوزارة",
            "حادث عرضي",
        ),
        (
            "ووصف المعارضون الانتخابات بالمزورة.",
            "المعارضون",
            "الانتخابات بالمزورة",
        ),
        ("ناشطة تصف القرار بالظالم.", "ناشطة", "القرار بالظالم"),
    ] {
        let t = one(text);
        assert_eq!(
            (t.source.as_deref(), t.claim.as_str()),
            (Some(source), claim),
            "{text}"
        );
    }
}

#[test]
fn homographs_of_saying_and_titles_joined_by_wa_make_no_second_speaker() {
    // `يبلغ` "amounts to", `فيما` "while": no report, no source
    for text in [
        "فيما يبلغ عدد المستخدمين نحو مليون مستخدم، مع العلم أن الخدمة مجانية.",
        "وتبلغ قيمة الصفقة مليار دولار.",
    ] {
        let all = triples(text);
        assert!(all.iter().all(|t| t.source.is_none()), "{text}: {all:#?}");
    }
    let t = one("وأبلغ الوزير الصحفيين أن الصفقة أبرمت.");
    assert_eq!(
        (t.source.as_deref(), t.claim.as_str()),
        (Some("الوزير"), "الصفقة أبرمت")
    );
    // two titles of one person after a genitive stay one source
    for (text, source) in [
        (
            "وقال رئيس الوزراء وزعيم الحزب إن الصفقة أبرمت.",
            "رئيس الوزراء وزعيم الحزب",
        ),
        (
            "وقال وزير الخارجية ونائب رئيس الوزراء إن الصفقة أبرمت.",
            "وزير الخارجية ونائب رئيس الوزراء",
        ),
    ] {
        assert_eq!(one(text).source.as_deref(), Some(source), "{text}");
    }
    let all = links("وقال المتحدث باسم الجيش ومصادر أمنية إن الصفقة أبرمت.");
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[1].0.as_deref(), Some("مصادر أمنية"));
}

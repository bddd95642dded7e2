//! Unit tests of the cue parser, one family of shapes: a speaker named earlier: pro-drop and subjectless reports, pronouns on prepositional cues,
//! relays (نسب إلى، نقلاً عن، صدر عن), passive forms, a speaker's own name mentioned again.
//! Every sentence is invented; each family is a table over several surfaces (with and without و/ف
//! and harakat, masculine, feminine and plural), and a table lists every failing row. The rounds
//! that added them are in docs/extraction/cues.md.

use super::tests::{one, triples};
use super::tests_tables::{assert_link_counts, assert_source_table, assert_table};
use super::{Stance, Template};

#[test]
fn a_document_takes_its_issuer_after_sadir_an() {
    assert_source_table(&[
        (
            "وجاء في بيان صادر عن الجيش أن جنديين قتلا.",
            Some("بيان صادر عن الجيش"),
            "جاء",
            "جنديين قتلا",
        ),
        (
            "وأوضح البيان الصادر عن الوزارة أن الامتحانات ستجرى في موعدها.",
            Some("البيان الصادر عن الوزارة"),
            "أوضح",
            "الامتحانات ستجرى في موعدها",
        ),
        (
            "وقال التقرير الصادر أمس عن البنك الدولي إن النمو تباطأ.",
            Some("التقرير الصادر أمس عن البنك الدولي"),
            "قال",
            "النمو تباطأ",
        ),
        (
            "وأكدت الدراسة الصادرة عن جامعة القاهرة أن التلوث يزداد.",
            Some("الدراسة الصادرة عن جامعة القاهرة"),
            "أكدت",
            "التلوث يزداد",
        ),
    ]);
}

#[test]
fn an_outlet_that_learned_from_a_source_relays_it() {
    let cases = [
        (
            "وعلمت الصحيفة من مصادر مطلعة أن الاتفاق وقع أمس.",
            "مصادر مطلعة",
            "الاتفاق وقع أمس",
        ),
        (
            "علمت صحيفة الأنباء من مصدر حكومي أن الوزير سيستقيل.",
            "مصدر حكومي",
            "الوزير سيستقيل",
        ),
        (
            "وعلمت القناة، مساء اليوم، من مسؤول أمني أن المهاجمين فروا.",
            "مسؤول أمني",
            "المهاجمين فروا",
        ),
    ];
    let bad: Vec<String> = cases
        .iter()
        .filter(|(text, source, claim)| {
            let all = triples(text);
            !(all.len() == 1
                && all[0].source.as_deref() == Some(*source)
                && all[0].claim == *claim
                && all[0].template == super::Template::Relay)
        })
        .map(|(text, _, _)| format!("{text}: {:?}", triples(text).len()))
        .collect();
    assert!(bad.is_empty(), "{} of 3 fail: {bad:#?}", bad.len());
    // without من the outlet is the speaker
    assert_source_table(&[(
        "وعلمت الصحيفة أن الاتفاق وقع أمس.",
        Some("الصحيفة"),
        "علمت",
        "الاتفاق وقع أمس",
    )]);
}

#[test]
fn a_pronoun_on_a_prepositional_cue_points_back_to_the_last_speaker() {
    assert_table(&[
        (
            "قال الوزير إن الميناء مغلق. وبحسبه، فإن السفن ستنتظر.",
            "بحسبه",
            Some("الوزير"),
            "السفن ستنتظر",
        ),
        (
            "أعلنت الشركة أن المصنع سيغلق. وحسبها، فإن العمال سيعوضون.",
            "حسبها",
            Some("الشركة"),
            "العمال سيعوضون",
        ),
        (
            "وقال الخبراء إن الأزمة طويلة. ووفقا لهم، فإن الأسعار سترتفع.",
            "وفقا",
            Some("الخبراء"),
            "الأسعار سترتفع",
        ),
        (
            "وقالت المديرة إن الدوام سيتغير، وبحسبها فإن القرار نهائي.",
            "بحسبها",
            Some("المديرة"),
            "القرار نهائي",
        ),
        (
            "صرح المتحدث بأن الجولة انتهت. وبحَسَبِه، فإنّ المفاوضات ستستأنف.",
            "بحَسَبِه",
            Some("المتحدث"),
            "المفاوضات ستستأنف",
        ),
        (
            "وأكد المدير أن الخطة جاهزة. ووفقاً له فإن التنفيذ يبدأ غدا.",
            "وفقاً",
            Some("المدير"),
            "التنفيذ يبدأ غدا",
        ),
    ]);
}

#[test]
fn nasaba_ila_relays_the_speaker_after_ila() {
    assert_table(&[
        (
            "ونسبت الصحيفة إلى الوزير قوله إن الحكومة لن تستقيل.",
            "نسبت",
            Some("الوزير"),
            "الحكومة لن تستقيل",
        ),
        (
            "نسبت وكالة الأنباء إلى مصدر أمني قوله إن الهجوم فشل.",
            "نسبت",
            Some("مصدر أمني"),
            "الهجوم فشل",
        ),
        (
            "وتنسب الصحف إلى المدرب قوله إن اللاعب سيرحل.",
            "تنسب",
            Some("المدرب"),
            "اللاعب سيرحل",
        ),
    ]);
}

#[test]
fn rates_written_like_nasaba_report_nothing() {
    assert_link_counts(&[
        ("وارتفعت نسب البطالة في المدينة.", 0),
        (
            "نسب النجاح مرتفعة هذا العام، وقال الوزير إن الامتحانات كانت سهلة.",
            1,
        ),
    ]);
}

#[test]
fn a_subjectless_report_after_a_comma_is_the_opening_verbs_subjects() {
    assert_table(&[
        (
            "ودعا وزير الخارجية إلى وقف الحرب، مشيرا إلى أن المفاوضات مستمرة.",
            "مشيرا",
            Some("وزير الخارجية"),
            "المفاوضات مستمرة",
        ),
        (
            "وقدمت وزيرة المالية عرضا حول الموازنة، موضحة أن العجز تراجع.",
            "موضحة",
            Some("وزيرة المالية"),
            "العجز تراجع",
        ),
        (
            "وأطلق المتمردون صاروخا على المدينة، قالوا إنه استهدف مطارا عسكريا.",
            "قالوا",
            Some("المتمردون"),
            "استهدف مطارا عسكريا",
        ),
        (
            "فاستقبل الرئيس سامي ناصر الوفد الزائر، مؤكدا أن العلاقات متينة.",
            "مؤكدا",
            Some("الرئيس سامي ناصر"),
            "العلاقات متينة",
        ),
        (
            "وَطَالَبَتِ الوِزَارَةُ بِرَفْعِ الأُجُورِ، مُؤَكِّدَةً أَنَّ الأَسْعَارَ ارْتَفَعَتْ.",
            "مُؤَكِّدَةً",
            Some("الوِزَارَةُ"),
            "الأَسْعَارَ ارْتَفَعَتْ",
        ),
        (
            "قال المدير إن الاجتماع انتهى. ودعا الوزير إلى الهدوء، مشيرا إلى أن الحل قريب.",
            "مشيرا",
            Some("الوزير"),
            "الحل قريب",
        ),
    ]);
    // a speaker of the sentence, or an opening subject that is no speaker or does not agree,
    // leaves the latest speaker
    assert_table(&[
        (
            "وقال الوزير إن الأسعار سترتفع، مشيرا إلى أن الدعم مستمر.",
            "مشيرا",
            Some("الوزير"),
            "الدعم مستمر",
        ),
        (
            "قال الوزير إن المدينة آمنة. وشهدت المدينة هدوءا حذرا، مؤكدا أن القوات انتشرت.",
            "مؤكدا",
            Some("الوزير"),
            "القوات انتشرت",
        ),
        (
            "قالت الوزيرة إن الوضع هادئ. واستقبل الرئيس الوفد، مؤكدة أن العلاقات متينة.",
            "مؤكدة",
            Some("الوزيرة"),
            "العلاقات متينة",
        ),
    ]);
    assert_link_counts(&[("وشهدت المدينة هدوءا حذرا، مؤكدا أن القوات انتشرت.", 0)]);
}

#[test]
fn an_impersonal_verb_of_belief_after_a_feminine_relative_or_kana_has_no_source() {
    assert_table(&[
        (
            "وتضرب الإقليم موجة الحر الشديدة التي يتوقع أن تستمر حتى نهاية الأسبوع.",
            "يتوقع",
            None,
            "تستمر حتى نهاية الأسبوع",
        ),
        (
            "وأقيل الوزير لأسباب غامضة التي يرجح أنها تتعلق بخلافات مع الرئيس.",
            "يرجح",
            None,
            "تتعلق بخلافات مع الرئيس",
        ),
        (
            "كان يعتقد أن الهجمات انطلقت من الجنوب.",
            "يعتقد",
            None,
            "الهجمات انطلقت من الجنوب",
        ),
        (
            "وقال مصدر إن المحادثات التي كانت مرتقبة في المدينة كان يتوقع أن تتناول ملف الأسرى.",
            "يتوقع",
            None,
            "تتناول ملف الأسرى",
        ),
        (
            "وَكَانَ يُتَوَقَّعُ أَنْ تَنْتَهِيَ المُفَاوَضَاتُ قَرِيبًا.",
            "يُتَوَقَّعُ",
            None,
            "تَنْتَهِيَ المُفَاوَضَاتُ قَرِيبًا",
        ),
    ]);
    // he was expecting: a pronoun or a speaker before كان, a speaker between, an earlier
    // speaker for a verb opening its sentence
    assert_table(&[
        (
            "وقال الوزير إنه كان يتوقع أن تنخفض الأسعار.",
            "يتوقع",
            Some("الوزير"),
            "تنخفض الأسعار",
        ),
        (
            "وكان الوزير يتوقع أن تنخفض الأسعار.",
            "يتوقع",
            Some("الوزير"),
            "تنخفض الأسعار",
        ),
        (
            "قال الوزير إن الأسعار مرتفعة. ويتوقع أن تنخفض الأسعار.",
            "يتوقع",
            Some("الوزير"),
            "تنخفض الأسعار",
        ),
    ]);
}

#[test]
fn a_speakers_own_name_is_no_second_mention() {
    // the family name inside the phrase a speaker-only verb just took is the same mention
    assert_table(&[(
        "وقال الباحث سامي ناصر إن المنهج قديم. وتحدث سامي ناصر في المؤتمر، وأضاف: \"المنهج يحتاج إلى تغيير\".",
        "أضاف",
        Some("سامي ناصر"),
        "المنهج يحتاج إلى تغيير",
    )]);
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

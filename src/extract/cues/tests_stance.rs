//! Unit tests of the cue parser, one family of shapes: stances: denials not made, doubts denied, a stance on what was said before or what an outlet
//! spread, confirmations in a relative clause.
//! Every sentence is invented; each family is a table over several surfaces (with and without و/ف
//! and harakat, masculine, feminine and plural), and a table lists every failing row. The rounds
//! that added them are in docs/extraction/cues.md.

use super::Stance;
use super::tests::{one, triples};
use super::tests_tables::{
    assert_link_counts, assert_second_stance, assert_source_table, assert_table,
};

#[test]
fn a_stance_on_what_an_outlet_spread_takes_the_content_after_it() {
    assert_source_table(&[
        (
            "ونفى المتحدث ما تداولته وسائل إعلام عن استقالة الوزير.",
            Some("المتحدث"),
            "نفى",
            "استقالة الوزير",
        ),
        (
            "ونفت الوزارة ما أوردته صحيفة محلية بشأن إغلاق المدارس.",
            Some("الوزارة"),
            "نفت",
            "إغلاق المدارس",
        ),
        (
            "فنفى الجيش، مساء أمس، ما تناقلته مواقع التواصل حول انسحاب قواته.",
            Some("الجيش"),
            "نفى",
            "انسحاب قواته",
        ),
        (
            "ونفت الشركة ما يتم تداوله من أن مديرها اعتقل.",
            Some("الشركة"),
            "نفت",
            "مديرها اعتقل",
        ),
        (
            "وأكد المتحدث ما ذكرته الصحيفة عن تأجيل الزيارة.",
            Some("المتحدث"),
            "أكد",
            "تأجيل الزيارة",
        ),
    ]);
    let t = &triples("وأكد المتحدث ما ذكرته الصحيفة عن تأجيل الزيارة.")[0];
    assert_eq!(t.stance, Stance::Confirms);
    let t = &triples("ونفت الوزارة ما أوردته صحيفة محلية بشأن إغلاق المدارس.")[0];
    assert_eq!(t.stance, Stance::Denies);
}

#[test]
fn a_doubt_that_is_denied_asserts() {
    let texts = [
        "ولم تستبعد الوزارة أن ترتفع الحصيلة.",
        "لم يستبعد المحلل أن تتأجل الانتخابات.",
        "ولا يستبعد خبراء أن ترتفع الأسعار.",
    ];
    let bad: Vec<&str> = texts
        .into_iter()
        .filter(|t| {
            let all = triples(t);
            all.len() != 1 || all[0].stance != Stance::Asserts
        })
        .collect();
    assert!(bad.is_empty(), "{} of 3 fail: {bad:#?}", bad.len());
    assert_eq!(
        triples("واستبعد المحلل أن تتأجل الانتخابات.")[0].stance,
        Stance::Doubts
    );
}

#[test]
fn what_the_speaker_did_not_do_holds_no_complement() {
    assert_source_table(&[
        (
            "وقال المسؤول، دون تأكيد أن الجيش شن الهجوم، إن الحدود أغلقت.",
            Some("المسؤول"),
            "قال",
            "الحدود أغلقت",
        ),
        (
            "وأكدت الوزارة، من دون أن تذكر مصدر معلوماتها، أن الشحنة ضبطت.",
            Some("الوزارة"),
            "أكدت",
            "الشحنة ضبطت",
        ),
        (
            "فأوضح المتحدثُ، بدونِ الإشارة إلى أن أحدا اعتقل، أنّ التحقيق مستمر.",
            Some("المتحدثُ"),
            "أوضح",
            "التحقيق مستمر",
        ),
    ]);
}

#[test]
fn a_denial_not_made_asserts_the_content() {
    assert_table(&[
        (
            "ولم ينف الوزير أن المفاوضات متعثرة.",
            "ينف",
            Some("الوزير"),
            "المفاوضات متعثرة",
        ),
        (
            "لم تنف الشركة أن الأسعار سترتفع.",
            "تنف",
            Some("الشركة"),
            "الأسعار سترتفع",
        ),
        (
            "ولم ينفِ المتحدث أن الوفد غادر.",
            "ينفِ",
            Some("المتحدث"),
            "الوفد غادر",
        ),
        (
            "لا ينفي المسؤولون أن الخطة تأخرت.",
            "ينفي",
            Some("المسؤولون"),
            "الخطة تأخرت",
        ),
    ]);
    for text in [
        "ولم ينف الوزير أن المفاوضات متعثرة.",
        "لا ينفي المسؤولون أن الخطة تأخرت.",
    ] {
        let stances: Vec<Stance> = triples(text).iter().map(|t| t.stance).collect();
        assert_eq!(stances, vec![Stance::Asserts], "{text}");
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

/// The manner of saying between a cue verb and its object (`بشكل قاطع`، `وبشكل قاطع`، `بصورة
/// قاطعة`، `جملة وتفصيلا`) hides neither the object nor the frame of a denial, which may also
/// be all the reports (`جميع الشائعات التي تحدثت عن …`) or close its carrier with a comma.
const MANNER_BEFORE_THE_OBJECT: &[(&str, &str, Option<&str>, &str)] = &[
    (
        "ونفت الوزارة بشكل قاطع جميع الشائعات التي تحدثت عن إصابة الوزير بوعكة.",
        "نفت",
        Some("الوزارة"),
        "إصابة الوزير بوعكة",
    ),
    (
        "وتنفي قيادة الشرطة بشكل قاطع الأخبار التي تتحدث عن فرار سجناء من السجن.",
        "تنفي",
        Some("قيادة الشرطة"),
        "فرار سجناء من السجن",
    ),
    (
        "نفت الشركة بشكلٍ قاطعٍ وجود أي عجز في السيولة.",
        "نفت",
        Some("الشركة"),
        "وجود أي عجز في السيولة",
    ),
    (
        "ونفى المتحدث وبشكل قاطع صحة ما نشر عن استقالة الوزير.",
        "نفى",
        Some("المتحدث"),
        "استقالة الوزير",
    ),
    (
        "فنفت الوزارة جملة وتفصيلا ما تداولته المواقع عن إغلاق المدارس.",
        "نفت",
        Some("الوزارة"),
        "إغلاق المدارس",
    ),
    (
        "وأكد المدير بشكل واضح أن العمل مستمر.",
        "أكد",
        Some("المدير"),
        "العمل مستمر",
    ),
    (
        "نفت الوزارة ما تداولته بعض المواقع، بشأن اعتقال صحفي.",
        "نفت",
        Some("الوزارة"),
        "اعتقال صحفي",
    ),
    (
        "ونفى المصدر الشائعات التي تتحدث عن وفاة المدير.",
        "نفى",
        Some("المصدر"),
        "وفاة المدير",
    ),
];

#[test]
fn the_manner_of_saying_hides_no_object_and_no_denied_report() {
    assert_table(MANNER_BEFORE_THE_OBJECT);
    // `حسب ما نقلته الوكالة، أن …`: an aside closed by a comma before a complement is no frame
    let t = one("وأكد المصدر، حسب ما نقلته الوكالة، أن الخبر غير صحيح.");
    assert_eq!(
        (t.claim.as_str(), t.stance),
        ("الخبر غير صحيح", Stance::Asserts)
    );
}

/// `تداولت مواقع التواصل أنباء عن …`، `تناقلت وسائل إعلام تقارير تفيد …`: a verb of spreading
/// reports with a report noun as its object says the report's content (guidelines §6.3: what was
/// spread is the spreader's claim); without a framed report it says nothing (`تداول المستخدمون
/// الصور`), and `يُتداول` (is traded) is no cue.
const SPREADING_A_REPORT: &[(&str, &str, Option<&str>, &str)] = &[
    (
        "وتداولت مواقع التواصل أنباء عن وفاة الفنان.",
        "تداولت",
        Some("مواقع التواصل"),
        "وفاة الفنان",
    ),
    (
        "تناقلت مواقع إخبارية مؤخرا، تقارير تفيد قيام المصنع بتسريح عماله.",
        "تناقلت",
        Some("مواقع إخبارية"),
        "قيام المصنع بتسريح عماله",
    ),
    (
        "تداولت صفحات على مواقع التواصل خبرًا عن إغلاق المطار.",
        "تداولت",
        Some("صفحات"),
        "إغلاق المطار",
    ),
    (
        "وتناقلت حسابات على المنصة شائعة عن استقالة المدرب.",
        "تناقلت",
        Some("حسابات"),
        "استقالة المدرب",
    ),
    (
        "وتتداول حسابات محلية معلومات تفيد بأن الطريق أغلق.",
        "تتداول",
        Some("حسابات محلية"),
        "الطريق أغلق",
    ),
    (
        "ونفى الوزير في مؤتمر صحفي الأنباء عن استقالته.",
        "نفى",
        Some("الوزير"),
        "استقالته",
    ),
];

#[test]
fn spreading_a_framed_report_says_its_content() {
    assert_table(SPREADING_A_REPORT);
    assert_link_counts(&[
        ("وتداول المستخدمون الصور على نطاق واسع.", 0),
        ("ارتفع حجم تداول الأسهم في البورصة.", 0),
        ("وكان خام برنت يُتداول عند نحو 75 دولارا للبرميل.", 0),
    ]);
}

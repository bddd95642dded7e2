//! Unit tests of the sixth round's families, found by reading unseen agency and outlet reports
//! (docs/extraction/cues.md, "Sixth round: attribution cues"; their text is not in the repository):
//! every sentence here is invented, and each family is a table tried on several surfaces (with
//! and without و/ف and harakat, masculine, feminine and plural verbs). A table collects every
//! row that fails, so a failure lists them all.

use super::Stance;
use super::tests::{Triple, triples};

/// One expected link: the text, the link's cue, its source (`None`: no source) and claim. The
/// text may hold other links (an earlier report a pronoun points back to); the row checks the
/// one link with this cue.
pub(super) type Row<'a> = (&'a str, &'a str, Option<&'a str>, &'a str);

/// The link of `text` whose cue is `cue`, when there is exactly one.
pub(super) fn link_with_cue(text: &str, cue: &str) -> Option<Triple> {
    let mut found: Vec<Triple> = triples(text).into_iter().filter(|t| t.cue == cue).collect();
    (found.len() == 1).then(|| found.remove(0))
}

/// The rows of `table` whose link is missing or has another source or claim, each with what
/// was found.
pub(super) fn failing(table: &[Row]) -> Vec<String> {
    table
        .iter()
        .filter_map(|&(text, cue, source, claim)| {
            let ok = link_with_cue(text, cue)
                .is_some_and(|t| t.source.as_deref() == source && t.claim == claim);
            (!ok).then(|| {
                let found: Vec<_> = triples(text)
                    .iter()
                    .map(|t| (t.source.clone(), t.cue.clone(), t.claim.clone()))
                    .collect();
                format!("{text}\n    found {found:?}")
            })
        })
        .collect()
}

pub(super) fn assert_table(table: &[Row]) {
    let bad = failing(table);
    assert!(
        bad.is_empty(),
        "{} of {} rows fail:\n{}",
        bad.len(),
        table.len(),
        bad.join("\n")
    );
}

/// Asserts that each text gives exactly `links` links, listing every one that does not.
pub(super) fn assert_link_counts(rows: &[(&str, usize)]) {
    let bad: Vec<String> = rows
        .iter()
        .filter(|(text, links)| triples(text).len() != *links)
        .map(|(text, links)| format!("{text}\n    expected {links}, found {:?}", triples(text)))
        .collect();
    assert!(
        bad.is_empty(),
        "{} rows fail:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn a_speaker_named_after_kana_and_a_comma_speaks_the_verb_after_it() {
    assert_table(&[
        (
            "وكان مصدر في الوزارة، قال إن الاجتماع تأجل.",
            "قال",
            Some("مصدر في الوزارة"),
            "الاجتماع تأجل",
        ),
        (
            "وكانت وزيرة الصحة سامية حسن، أعلنت أن المستشفى سيفتح.",
            "أعلنت",
            Some("وزيرة الصحة سامية حسن"),
            "المستشفى سيفتح",
        ),
        (
            "وكان المتحدث باسم الشرطة، قد أكد أن الطريق آمن.",
            "أكد",
            Some("المتحدث باسم الشرطة"),
            "الطريق آمن",
        ),
        (
            "فكان مسؤولون في البلدية، صرحوا بأن المياه ستعود.",
            "صرحوا",
            Some("مسؤولون في البلدية"),
            "المياه ستعود",
        ),
        (
            "وَكانَ مصدرٌ أمنيٌّ، قالَ إنَّ الحادثَ عرضيٌّ.",
            "قالَ",
            Some("مصدرٌ أمنيٌّ"),
            "الحادثَ عرضيٌّ",
        ),
        (
            "قال الوزير إن الميناء مغلق. وكانت مصادر مطلعة، ذكرت أمس أن الوفد سيصل.",
            "ذكرت",
            Some("مصادر مطلعة"),
            "الوفد سيصل",
        ),
    ]);
}

#[test]
fn a_verbal_noun_object_is_the_claim_of_a_prediction_or_a_doubt() {
    assert_table(&[
        (
            "توقع محللون ماليون، تراجع التضخم في العام المقبل.",
            "توقع",
            Some("محللون ماليون"),
            "تراجع التضخم في العام المقبل",
        ),
        (
            "وتوقعت الخبيرة سامية يوسف ارتفاع أسعار الذهب.",
            "توقعت",
            Some("الخبيرة سامية يوسف"),
            "ارتفاع أسعار الذهب",
        ),
        (
            "ويتوقع المصرف المركزي تباطؤ النمو خلال الصيف.",
            "يتوقع",
            Some("المصرف المركزي"),
            "تباطؤ النمو خلال الصيف",
        ),
        (
            "ورجح مراقبون تأجيل الانتخابات إلى الربيع.",
            "رجح",
            Some("مراقبون"),
            "تأجيل الانتخابات إلى الربيع",
        ),
        (
            "واستبعد الوزير العودة إلى الحظر الشامل.",
            "استبعد",
            Some("الوزير"),
            "العودة إلى الحظر الشامل",
        ),
        (
            "وتحدث الوزير عن الأزمة، مستبعدا العودة إلى الحظر.",
            "مستبعدا",
            Some("الوزير"),
            "العودة إلى الحظر",
        ),
        (
            "وأكدت الوزارة، في بيان سابق، عدم وجود إصابات جديدة.",
            "أكدت",
            Some("الوزارة"),
            "عدم وجود إصابات جديدة",
        ),
        (
            "وَتَوَقَّعَ الخبراءُ انخفاضَ الأسعار.",
            "تَوَقَّعَ",
            Some("الخبراءُ"),
            "انخفاضَ الأسعار",
        ),
    ]);
    let t = link_with_cue("واستبعد الوزير العودة إلى الحظر الشامل.", "استبعد");
    assert_eq!(t.map(|t| t.stance), Some(Stance::Doubts));
    let t = link_with_cue("ورجح مراقبون تأجيل الانتخابات إلى الربيع.", "رجح");
    assert_eq!(t.map(|t| t.stance), Some(Stance::Predicts));
}

#[test]
fn a_plain_object_of_a_prediction_is_no_claim() {
    assert_link_counts(&[("وتوقع الجمهور ذلك.", 0), ("وتوقعت الشركة الأسوأ.", 0)]);
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
fn bayyana_with_its_subject_and_an_occasion_before_the_complement_is_a_report() {
    assert_table(&[
        (
            "وبين المدرب في ختام حديثه أن الفريق يحتاج إلى الراحة.",
            "بين",
            Some("المدرب"),
            "الفريق يحتاج إلى الراحة",
        ),
        (
            "وبيّن الوزير خلال المؤتمر أن الموازنة جاهزة.",
            "بيّن",
            Some("الوزير"),
            "الموازنة جاهزة",
        ),
        (
            "فبينت الوزارة في بيانها أن المدارس ستفتح.",
            "بينت",
            Some("الوزارة"),
            "المدارس ستفتح",
        ),
        (
            "وبين رئيس اللجنة سامي ناصر، مساء أمس، أن التقرير جاهز.",
            "بين",
            Some("رئيس اللجنة سامي ناصر"),
            "التقرير جاهز",
        ),
    ]);
    // "between": no report
    assert_link_counts(&[
        ("وبين المدينة والميناء طريق طويل.", 0),
        (
            "ووقع الاشتباك بين الجيش والمسلحين قرب الحدود، وقال شاهد إن القتال توقف.",
            1,
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
fn a_quoted_name_after_the_verb_speaks_across_an_occasion_between_commas() {
    assert_table(&[
        (
            "وأضاف “عادل”، خلال مداخلة هاتفية، أن الأسعار سترتفع.",
            "أضاف",
            Some("“عادل”"),
            "الأسعار سترتفع",
        ),
        (
            "وقالت \"ليلى\"، في حديث للإذاعة، إن المدرسة ستفتح.",
            "قالت",
            Some("\"ليلى\""),
            "المدرسة ستفتح",
        ),
        (
            "وأكد «سامي»، أن الفريق جاهز.",
            "أكد",
            Some("«سامي»"),
            "الفريق جاهز",
        ),
        (
            "وأضاف “حسن”، خلال مداخلة ببرنامج “المساء”، المذاع عبر قناة “الأولى”، مساء الخميس، أن السوق مستقرة.",
            "أضاف",
            Some("“حسن”"),
            "السوق مستقرة",
        ),
    ]);
}

#[test]
fn a_titles_domain_after_li_stays_in_the_source() {
    assert_table(&[
        (
            "وأكد وزير الدولة لشؤون الإعلام عادل يوسف أن الحكومة لن تفرض الحظر.",
            "أكد",
            Some("وزير الدولة لشؤون الإعلام عادل يوسف"),
            "الحكومة لن تفرض الحظر",
        ),
        (
            "وقال مساعد وزير الخارجية لشؤون الشرق الأوسط سامي ناصر إن الحوار مستمر.",
            "قال",
            Some("مساعد وزير الخارجية لشؤون الشرق الأوسط سامي ناصر"),
            "الحوار مستمر",
        ),
        (
            "قال نائب الرئيس للشؤون الاقتصادية إن النمو تباطأ.",
            "قال",
            Some("نائب الرئيس للشؤون الاقتصادية"),
            "النمو تباطأ",
        ),
        (
            "وأوضح المفوض السامي لحقوق الإنسان أن الوضع خطير.",
            "أوضح",
            Some("المفوض السامي لحقوق الإنسان"),
            "الوضع خطير",
        ),
        (
            "وقال الوزير لسكان المدينة إن المياه ستعود.",
            "قال",
            Some("الوزير"),
            "المياه ستعود",
        ),
        (
            "وقال المتحدث للصحفيين إن الموعد لم يحدد.",
            "قال",
            Some("المتحدث"),
            "الموعد لم يحدد",
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
fn a_bodys_name_goes_on_through_lil() {
    assert_table(&[
        (
            "وقالت الهيئة العامة للاستثمار إن المشاريع زادت.",
            "قالت",
            Some("الهيئة العامة للاستثمار"),
            "المشاريع زادت",
        ),
        (
            "وأعلن المركز الوطني للأرصاد أن الأمطار ستهطل.",
            "أعلن",
            Some("المركز الوطني للأرصاد"),
            "الأمطار ستهطل",
        ),
        (
            "قالت منظمة الأمم المتحدة للطفولة إن الأطفال بحاجة إلى الغذاء.",
            "قالت",
            Some("منظمة الأمم المتحدة للطفولة"),
            "الأطفال بحاجة إلى الغذاء",
        ),
        (
            "وأوضح المعهد الوطني للإحصاء أن البطالة تراجعت.",
            "أوضح",
            Some("المعهد الوطني للإحصاء"),
            "البطالة تراجعت",
        ),
        (
            "وقالت الوزارة للصحفيين إن الموعد لم يحدد.",
            "قالت",
            Some("الوزارة"),
            "الموعد لم يحدد",
        ),
        (
            "وقالت الشرطة للسكان إن الطريق مغلق.",
            "قالت",
            Some("الشرطة"),
            "الطريق مغلق",
        ),
        (
            "وقال الجيش للمواطنين إن الوضع آمن.",
            "قال",
            Some("الجيش"),
            "الوضع آمن",
        ),
        (
            "وقالت الشركة للإذاعة إن المصنع سيغلق.",
            "قالت",
            Some("الشركة"),
            "المصنع سيغلق",
        ),
    ]);
}

#[test]
fn a_fear_that_something_happens_is_a_belief() {
    assert_table(&[
        (
            "وتخوفت مصادر مطلعة من أن تنهار المفاوضات.",
            "تخوفت",
            Some("مصادر مطلعة"),
            "تنهار المفاوضات",
        ),
        (
            "مصادر مطلعة تخوفت في اتصال مع الصحيفة أن تذهب الأمور نحو التصعيد.",
            "تخوفت",
            Some("مصادر مطلعة"),
            "تذهب الأمور نحو التصعيد",
        ),
        (
            "ويتخوف السكان من أن يرتفع منسوب النهر.",
            "يتخوف",
            Some("السكان"),
            "يرتفع منسوب النهر",
        ),
    ]);
    let t = link_with_cue("ويتخوف السكان من أن يرتفع منسوب النهر.", "يتخوف");
    assert_eq!(t.map(|t| t.stance), Some(Stance::Believes));
}

//! Unit tests of the fifth round's families, written from a phrasing inventory of agency news
//! (docs/extraction.md, "Fifth round: attribution cues"): every sentence is invented, and each
//! family is a table tried on several surfaces (with and without و/ف and harakat, «» and ""
//! quotes, masculine, feminine and plural verbs, a time word between verb and subject). Each
//! table collects every row that fails, so a failure lists them all.

use super::tests::triples;

/// One expected link: the sentence, its source (`None`: no source), cue and claim.
type Row<'a> = (&'a str, Option<&'a str>, &'a str, &'a str);

/// The rows of `table` whose text does not give exactly one link with the expected source, cue
/// and claim, each with what was found.
fn failing(table: &[Row]) -> Vec<String> {
    table
        .iter()
        .filter_map(|&(text, source, cue, claim)| {
            let all = triples(text);
            let ok = all.len() == 1
                && all[0].source.as_deref() == source
                && all[0].cue == cue
                && all[0].claim == claim;
            (!ok).then(|| {
                let found: Vec<_> = all
                    .iter()
                    .map(|t| (t.source.clone(), t.cue.clone(), t.claim.clone()))
                    .collect();
                format!("{text}\n    found {found:?}")
            })
        })
        .collect()
}

fn assert_table(table: &[Row]) {
    let bad = failing(table);
    assert!(
        bad.is_empty(),
        "{} of {} rows fail:\n{}",
        bad.len(),
        table.len(),
        bad.join("\n")
    );
}

#[test]
fn a_clause_withholding_the_speakers_name_is_no_report_and_hides_no_complement() {
    assert_table(&[
        (
            "وقال المصدر، الذي رفض الكشف عن هويته، إن الاجتماع تأجل.",
            Some("المصدر"),
            "قال",
            "الاجتماع تأجل",
        ),
        (
            "وقال مصدر عسكري، رفض الكشف عن اسمه لأنه غير مخول بالحديث للإعلام، إن الطائرة سقطت.",
            Some("مصدر عسكري"),
            "قال",
            "الطائرة سقطت",
        ),
        (
            "وأضاف المسؤول الذي تحدث شريطة عدم نشر اسمه أن القرار نهائي.",
            Some("المسؤول"),
            "أضاف",
            "القرار نهائي",
        ),
        (
            "وقال مسؤول كبير في الإدارة، تحدث شرط عدم الكشف عن هويته، إن القرار اتخذ.",
            Some("مسؤول كبير في الإدارة"),
            "قال",
            "القرار اتخذ",
        ),
        (
            "فأكدت مصادر دبلوماسية، رفضت الكشف عن هويتها، أن الوفد سيصل غدا.",
            Some("مصادر دبلوماسية"),
            "أكدت",
            "الوفد سيصل غدا",
        ),
        (
            "وقالَ مصدرٌ أمنيٌّ، رَفَضَ الكشفَ عن هويتِه، إنّ المهاجمين فرّوا.",
            Some("مصدرٌ أمنيٌّ"),
            "قالَ",
            "المهاجمين فرّوا",
        ),
        (
            "وقال شاهد، طلب عدم ذكر اسمه خوفا من الانتقام: «رأيت الدبابات تدخل الحي».",
            Some("شاهد"),
            "قال",
            "رأيت الدبابات تدخل الحي",
        ),
    ]);
    // a speaker between the verb and the clause keeps the verb a report
    assert_table(&[(
        "وقال مسؤول أمني دون الكشف عن اسمه إن الطريق مغلق.",
        Some("مسؤول أمني"),
        "قال",
        "الطريق مغلق",
    )]);
}

#[test]
fn writing_and_posting_are_verbs_of_saying() {
    assert_table(&[
        (
            "وكتب الوزير في تغريدة على منصة إكس: «سنعيد بناء ما دمر».",
            Some("الوزير"),
            "كتب",
            "سنعيد بناء ما دمر",
        ),
        (
            "وكتبت الوزيرة في منشور على فيسبوك: \"نحن فخورون بأبطالنا\".",
            Some("الوزيرة"),
            "كتبت",
            "نحن فخورون بأبطالنا",
        ),
        (
            "كتب الرئيس عبر حسابه الرسمي أن البلاد تمر بمرحلة صعبة.",
            Some("الرئيس"),
            "كتب",
            "البلاد تمر بمرحلة صعبة",
        ),
        (
            "وغردت السفيرة، مساء أمس، بأن العلاقات في أفضل حالاتها.",
            Some("السفيرة"),
            "غردت",
            "العلاقات في أفضل حالاتها",
        ),
        (
            "فغرد رئيس الحزب على تويتر أن الانتخابات ستجرى في موعدها.",
            Some("رئيس الحزب"),
            "غرد",
            "الانتخابات ستجرى في موعدها",
        ),
        (
            "وكَتَبَ الناشطُ: «المدينة تحترق منذ الصباح».",
            Some("الناشطُ"),
            "كَتَبَ",
            "المدينة تحترق منذ الصباح",
        ),
    ]);
    // `كتب عليها` is the passive "was written on it": no report of whoever spoke before
    let all = triples("قال الوزير إن الوضع صعب. ورفع المحتجون لافتات كتب عليها «ارحلوا».");
    assert_eq!(all.len(), 1, "{all:#?}");
}

#[test]
fn a_time_after_an_unnamed_speaker_is_no_name() {
    assert_table(&[
        (
            "وقال مسؤول في الوزارة يوم أمس، الأحد، إنه لم يتلق أي إخطار.",
            Some("مسؤول في الوزارة"),
            "قال",
            "لم يتلق أي إخطار",
        ),
        (
            "وأكد مصدر في الميناء صباح اليوم أن السفينة غادرت.",
            Some("مصدر في الميناء"),
            "أكد",
            "السفينة غادرت",
        ),
        (
            "وقالت مصادر في الشرطة مساء الأحد إن المشتبه به فر.",
            Some("مصادر في الشرطة"),
            "قالت",
            "المشتبه به فر",
        ),
    ]);
}

#[test]
fn a_speaker_after_an_unquoted_claim_said_the_clause_before_the_comma() {
    assert_table(&[
        (
            "الوفد سيصل غدا إلى العاصمة، قال مصدر دبلوماسي لوكالة الأنباء.",
            Some("مصدر دبلوماسي"),
            "قال",
            "الوفد سيصل غدا إلى العاصمة",
        ),
        (
            "الوضع تحت السيطرة تماما، قالت المتحدثة باسم الشرطة.",
            Some("المتحدثة باسم الشرطة"),
            "قالت",
            "الوضع تحت السيطرة تماما",
        ),
        (
            "الاتفاق \"خطوة مهمة نحو السلام\"، قال الرئيس في كلمة متلفزة.",
            Some("الرئيس"),
            "قال",
            "الاتفاق \"خطوة مهمة نحو السلام\"",
        ),
        (
            "سيتم فتح المعبر غدا، كما أعلنت السلطات المحلية.",
            Some("السلطات المحلية"),
            "أعلنت",
            "سيتم فتح المعبر غدا",
        ),
        (
            "وانهار جزء من الجسر، كما أفاد شهود عيان مساء أمس.",
            Some("شهود عيان"),
            "أفاد",
            "انهار جزء من الجسر",
        ),
        (
            "الأسعارُ سترتفعُ الشهرَ المقبل، يقولُ خبراءُ الاقتصاد.",
            Some("خبراءُ الاقتصاد"),
            "يقولُ",
            "الأسعارُ سترتفعُ الشهرَ المقبل",
        ),
    ]);
    // an occasion or a call before the comma is nobody's claim
    for text in [
        "وفي ختام اللقاء، قال الوزير للصحفيين.",
        "وبعد وصوله إلى المطار، قال الرئيس في كلمة قصيرة.",
        "دعا الأهالي إلى الهدوء، قال المحافظ.",
    ] {
        assert!(triples(text).is_empty(), "{text}: {:#?}", triples(text));
    }
}

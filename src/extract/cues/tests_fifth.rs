//! Unit tests of the fifth round's families, written from a phrasing inventory of agency news
//! (docs/extraction.md, "Fifth round: attribution cues"): every sentence is invented, and each
//! family is a table tried on several surfaces (with and without و/ف and harakat, «» and ""
//! quotes, masculine, feminine and plural verbs, a time word between verb and subject). Each
//! table collects every row that fails, so a failure lists them all.

use super::Stance;
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

/// Asserts that none of `texts` gives a link, listing every one that does.
fn assert_no_links(texts: &[&str]) {
    let bad: Vec<String> = texts
        .iter()
        .filter(|t| !triples(t).is_empty())
        .map(|t| format!("{t}\n    found {:?}", triples(t).len()))
        .collect();
    assert!(
        bad.is_empty(),
        "{} of {} texts give links:\n{}",
        bad.len(),
        texts.len(),
        bad.join("\n")
    );
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
    assert_no_links(&[
        "وفي ختام اللقاء، قال الوزير للصحفيين.",
        "وبعد وصوله إلى المطار، قال الرئيس في كلمة قصيرة.",
        "دعا الأهالي إلى الهدوء، قال المحافظ.",
    ]);
}

#[test]
fn a_comma_phrase_describing_the_speaker_hides_no_complement() {
    assert_table(&[
        (
            "وقال المرصد، ومقره لندن، إن عشرة مقاتلين قتلوا.",
            Some("المرصد"),
            "قال",
            "عشرة مقاتلين قتلوا",
        ),
        (
            "وأكدت المنظمة، ومقرها جنيف، أن المساعدات توقفت.",
            Some("المنظمة"),
            "أكدت",
            "المساعدات توقفت",
        ),
        (
            "وذكرت الشبكة، التي تتخذ من باريس مقرا لها، أن الصحفي أفرج عنه.",
            Some("الشبكة"),
            "ذكرت",
            "الصحفي أفرج عنه",
        ),
        (
            "فقالَ المرصدُ، ومقرُّه لندن، إنّ الاشتباكات تجددت.",
            Some("المرصدُ"),
            "قالَ",
            "الاشتباكات تجددت",
        ),
    ]);
}

#[test]
fn a_wish_after_a_cue_is_no_claim() {
    assert_no_links(&[
        "وأعرب الوزير عن أمله في أن تنتهي الأزمة قريبا.",
        "وعبرت الوزيرة عن تمنياتها بأن يعود الهدوء.",
        "وأبدى الرئيس رغبته في أن تستأنف المفاوضات.",
        "وأعربَ السفيرُ عن أملِه في أنْ تتحسن العلاقات.",
    ]);
}

#[test]
fn a_stance_on_what_an_outlet_spread_takes_the_content_after_it() {
    assert_table(&[
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
fn a_document_takes_its_issuer_after_sadir_an() {
    assert_table(&[
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
fn the_speakers_own_words_end_before_ala_hadd_qawlihi() {
    assert_table(&[
        (
            "قال الوزير إن الوضع صعب، على حد قوله.",
            Some("الوزير"),
            "قال",
            "الوضع صعب",
        ),
        (
            "وأكدت الوزيرة أن الخطة \"فاشلة تماما\"، على حد تعبيرها.",
            Some("الوزيرة"),
            "أكدت",
            "الخطة \"فاشلة تماما\"",
        ),
        (
            "وأشار النائب إلى أن الحكومة تتهرب من مسؤولياتها، على حدِّ وصفه.",
            Some("النائب"),
            "أشار",
            "الحكومة تتهرب من مسؤولياتها",
        ),
    ]);
}

#[test]
fn about_this_after_the_speaker_is_outside_the_source() {
    assert_table(&[
        (
            "وصرح الوزير بهذا الشأن بأن القرار نهائي.",
            Some("الوزير"),
            "صرح",
            "القرار نهائي",
        ),
        (
            "وقالت المتحدثة بشأن الحادث إن التحقيق جار.",
            Some("المتحدثة"),
            "قالت",
            "التحقيق جار",
        ),
        (
            "وأوضح المحافظ بهذه المناسبة أن المشروع سينتهي قريبا.",
            Some("المحافظ"),
            "أوضح",
            "المشروع سينتهي قريبا",
        ),
    ]);
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
fn a_quotation_running_over_paragraphs_is_one_claim() {
    assert_table(&[
        (
            "قال الوزير: «نحن ملتزمون بالاتفاق.\nلن نتراجع عن أي بند منه».",
            Some("الوزير"),
            "قال",
            "نحن ملتزمون بالاتفاق.\nلن نتراجع عن أي بند منه",
        ),
        (
            "وقالت المتحدثة: \"الوضع مستقر. القوات تسيطر على المداخل.\nوأكدت القيادة أن الطرق آمنة\".",
            Some("المتحدثة"),
            "قالت",
            "الوضع مستقر. القوات تسيطر على المداخل.\nوأكدت القيادة أن الطرق آمنة",
        ),
        (
            "وأضاف المدير: «لقد خسرنا كثيرا.\n«لكننا سنعيد البناء.\n«والعمال سيعودون قريبا».",
            Some("المدير"),
            "أضاف",
            "لقد خسرنا كثيرا.\n«لكننا سنعيد البناء.\n«والعمال سيعودون قريبا",
        ),
        (
            "فقالَ الرئيسُ: «لن نسمحَ بالفوضى.\nسنحاسب كل من أخطأ».",
            Some("الرئيسُ"),
            "قالَ",
            "لن نسمحَ بالفوضى.\nسنحاسب كل من أخطأ",
        ),
        // left open to the article's end: the mark is no part of the claim
        (
            "وقال المحافظ: «المياه ستعود غدا",
            Some("المحافظ"),
            "قال",
            "المياه ستعود غدا",
        ),
    ]);
    let all = triples("قال الوزير: «نحن ملتزمون بالاتفاق.\nلن نتراجع عن أي بند منه».");
    assert_eq!(all[0].quote_type, crate::annotate::model::QuoteType::Direct);
    // the speaker of the next paragraph, after the quotation closed, speaks again
    let all = triples("قال الوزير: «نحن ملتزمون.\nلن نتراجع».\nوقال السفير إن الاتفاق صامد.");
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[1].source.as_deref(), Some("السفير"));
    // another quotation opening first: the open one is not read on
    let all = triples("قال الوزير: «نحن ملتزمون.\nوقال السفير: «الاتفاق صامد».");
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[0].claim, "نحن ملتزمون");
}

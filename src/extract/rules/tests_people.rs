//! Tests of the seventh round's name families (given names that are words too before a family
//! name in ي, given names with a glued preposition, family names in و, names before a
//! spokesman's title, and the nouns after a title that are no names), each a table of
//! invented sentences with surface variants: proclitics, harakat on and off, negative rows.
//! Facilities named after a person are here too, as their namesake is the person rules'
//! concern. The eighth round's audit removed the families no pool report has (the particles of
//! European names, الفريق before a predicate, باسم as a given name, a title's complement over
//! a place).

use super::test_tables::{failures_of, missing};
use crate::annotate::Label;

/// The rows of a table of (sentence, expected person or "" for none) that fail.
fn failures(table: &[(&str, &str)]) -> Vec<String> {
    failures_of(Label::PERSON, table)
}

#[test]
fn a_given_name_that_is_a_word_too_before_a_family_name_in_yaa() {
    // A given name that is a word too (خليل، هدى، محمود) before a family name in ي that no list
    // knows, with و glued on or not; not على before its object, nor a broken plural (الأهالي).
    // Before the rule: 4 of the 7 rows failed.
    let table = [
        ("وحضر الحفل كل من هدى الشامي ومحمود عيسى.", "هدى الشامي"),
        ("والتقى خليل الرفاعي بالوفد أمس.", "خليل الرفاعي"),
        ("وشارك في الندوة ومحمود عيسى وآخرون.", "محمود عيسى"),
        ("وَاسْتَقْبَلَ خَلِيلُ الرِّفَاعِيّ الوَفْدَ.", "خَلِيلُ الرِّفَاعِيّ"),
        ("وطالب بعودة الأهالي إلى القرية.", ""),
        ("وكتب ردا على المالكي في بيان.", ""),
        ("وتحدث عن حسن النية في المفاوضات.", ""),
    ];
    let failed = failures(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_given_name_with_a_glued_preposition_before_its_family_name() {
    // ب or ل glued to a given name that is no word, before a family name (لمحمد الزعبي); a glued
    // word that is a name only in form (برقية) or a name that is a word (لحسن الحظ) is none.
    // Before the rule: 5 of the 7 rows failed.
    let table = [
        (
            "وقال مصدر مقرب لعمر الهاشمي إن القرار نهائي.",
            "عمر الهاشمي",
        ),
        ("ووفقا لمحمد الزعبي فإن الخسائر كبيرة.", "محمد الزعبي"),
        ("وفي تصريح لسليم الحايك قال إن المشروع تأخر.", "سليم الحايك"),
        ("واتصل بخالد يوسف أمس.", "خالد يوسف"),
        ("وَوِفْقًا لِمُحَمَّدٍ الزُّعْبِيِّ فَإِنَّ الخَسَائِرَ كَبِيرَةٌ.", "مُحَمَّدٍ الزُّعْبِيِّ"),
        ("وأرسل برقية تعزية إلى الأسرة.", ""),
        ("وقال لحسن الحظ إن أحدا لم يصب.", ""),
    ];
    let failed = failures(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_known_name_after_a_titles_complement_is_no_part_of_the_body() {
    // A known name after a title and its complement (رئيس الحكومة الليبية …) is the title
    // holder, not the end of the body's name.
    // Before the rule: 2 of the 3 rows failed.
    let table = [
        (
            "وقال رئيس الحكومة الليبية عبد الحميد الدبيبة إن الانتخابات ضرورية.",
            "عبد الحميد الدبيبة",
        ),
        (
            "وأكد رئيس الحكومة اللبنانية نواف سلام أن الجيش سينتشر.",
            "نواف سلام",
        ),
        (
            "وقال وزير الخارجية الأمريكي ماركو روبيو إن العقوبات مستمرة.",
            "ماركو روبيو",
        ),
    ];
    let failed = failures(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_family_name_that_starts_with_waw_closes_a_name() {
    // A family name that starts with و (وهبي، ولعلو), which the tokeniser keeps whole, where a
    // title, a comma and a title or إن after a verb of saying closes the name.
    // Before the rule: 3 of the 4 rows failed.
    let table = [
        (
            "وقال وزير العدل عبد اللطيف وهبي إن المشروع جاهز.",
            "عبد اللطيف وهبي",
        ),
        (
            "وقال عبد القادر ولعلو، وزير المالية السابق، إن العجز كبير.",
            "عبد القادر ولعلو",
        ),
        (
            "وأكد يوسف وهبي رئيس الجمعية أن المهرجان سيقام.",
            "يوسف وهبي",
        ),
        ("وقال محمد وصل متأخرا إلى الاجتماع.", "محمد"),
    ];
    let failed = failures(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn allah_closes_a_theophoric_family_name() {
    // الله closes a theophoric family name after a given name (صنع الله، نصر الله).
    // Before the rule: 2 of the 2 rows failed.
    let table = [
        (
            "وقال رئيس المؤسسة مصطفى صنع الله للصحفيين إن الإنتاج ارتفع.",
            "مصطفى صنع الله",
        ),
        (
            "وقال عبد الرحمن نصر الله إن الحملة بدأت.",
            "عبد الرحمن نصر الله",
        ),
    ];
    let failed = failures(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_name_before_a_spokesmans_definite_title() {
    // A name before a spokesman's definite title (… المتحدث باسم الحكومة): a definite title
    // that speaks for a body names no group.
    // Before the rule: 2 of the 3 rows failed.
    let table = [
        (
            "وقال كريستوف كاستانير المتحدث باسم الحكومة الفرنسية، إن الضربات نجحت.",
            "كريستوف كاستانير",
        ),
        (
            "وقال يوهانس كريستن الناطق باسم الشرطة إن التحقيق مستمر.",
            "يوهانس كريستن",
        ),
        ("وقال مسؤول المتحدث باسم الوزارة إن التحقيق مستمر.", ""),
    ];
    let failed = failures(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn an_abstract_or_described_noun_after_a_title_is_no_name() {
    // After a title, an abstract noun in ية (أهمية) or a noun with an indefinite feminine
    // adjective (جريمة سياسية) is the sentence going on.
    // Before the rule: 3 of the 4 rows failed.
    let table = [
        ("وأبرزت الوزيرة أهمية مشروع الطريق.", ""),
        ("وأرجع المسؤول الفرنسي أهمية سرية العمليات إلى الخطر.", ""),
        ("ويعتبر القانون انتقاد أمير البلاد جريمة سياسية.", ""),
        ("وقالت الوزيرة نادية فتاح إن الميزانية جاهزة.", "نادية فتاح"),
    ];
    let failed = failures(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn titles_stay_outside_known_names() {
    // Titles stay outside known names (guidelines §9.3): الملك محمد السادس → محمد السادس.
    // Before the rule: 3 of the 3 rows failed.
    let table = [
        (
            "واستقبل العاهل المغربي الملك محمد السادس الوفد.",
            "محمد السادس",
        ),
        (
            "وقال الملك عبد الله الثاني إن الأردن يدعم الحوار.",
            "عبد الله الثاني",
        ),
        (
            "وهنأ الملك سلمان بن عبد العزيز الفائزين.",
            "سلمان بن عبد العزيز",
        ),
    ];
    let failed = failures(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_facility_named_after_a_titled_person_keeps_title_and_name() {
    // مطار الملك خالد الدولي is one FAC (guidelines §9.1), not a PERSON خالد الدولي; a
    // university named so is an ORG. Before the rule: 4 of the 5 rows failed.
    let table = [
        (
            "وهبطت الطائرة في مطار الملك خالد الدولي بالرياض.",
            "مطار الملك خالد الدولي",
            Label::FAC,
        ),
        (
            "ونقل المصاب إلى مستشفى الأمير سلطان العسكري.",
            "مستشفى الأمير سلطان العسكري",
            Label::FAC,
        ),
        (
            "وصلى الوفد في مسجد الشيخ زايد.",
            "مسجد الشيخ زايد",
            Label::FAC,
        ),
        (
            "ودرس في جامعة الملك سعود بالرياض.",
            "جامعة الملك سعود",
            Label::ORG,
        ),
        (
            "وَهَبَطَتْ فِي مَطَارِ المَلِكِ خَالِدٍ الدَّوْلِيِّ.",
            "مَطَارِ المَلِكِ خَالِدٍ الدَّوْلِيِّ",
            Label::FAC,
        ),
        // Without a title too (before: 2 of the 2 failed).
        (
            "وأقيمت المباراة على ملعب جوزيبي مياتزا، أمس.",
            "ملعب جوزيبي مياتزا",
            Label::FAC,
        ),
        (
            "وهبطت الطائرة في مطار رفيق الحريري الدولي.",
            "مطار رفيق الحريري الدولي",
            Label::FAC,
        ),
    ];
    let failed = missing(&table);
    assert!(failed.is_empty(), "{failed:#?}");
    let no_person = [("وهبطت الطائرة في مطار الملك خالد الدولي بالرياض.", "")];
    let failed = failures(&no_person);
    assert!(failed.is_empty(), "{failed:#?}");
}

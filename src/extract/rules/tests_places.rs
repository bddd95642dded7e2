//! Tests of the place families (GPE, LOC and FAC): regions that are no political units, lists
//! after a plural place head, country spellings, capitals with their title, the countryside of
//! a place, list names that are ordinary words, where a place head names nothing, facilities
//! named after a person. Each a table of invented sentences with surface variants (a
//! preposition glued on, harakat) and rows that must keep working.

use super::test_tables::{failures_of, missing, unwanted};
use crate::annotate::Label;

/// The rows of a table of (sentence, expected person or "" for none) that fail.
fn failures(table: &[(&str, &str)]) -> Vec<String> {
    failures_of(Label::PERSON, table)
}

#[test]
fn regions_that_are_no_political_units_are_locations() {
    // Before the rules: 7 of the 12 rows failed (the territories and جنوب لبنان were GPEs, صعيد
    // and the direction adjective were left out, منطقة made a GPE of a sea).
    let table = [
        (
            "وتوغلت القوات في الضفة الغربية أمس.",
            "الضفة الغربية",
            Label::LOC,
        ),
        (
            "ووصلت المساعدات إلى قطاع غزة صباحا.",
            "قطاع غزة",
            Label::LOC,
        ),
        ("وشنت الطائرات غارات بجنوب لبنان.", "جنوب لبنان", Label::LOC),
        ("ويعيش معظم الفقراء في صعيد مصر.", "صعيد مصر", Label::LOC),
        (
            "وَتَرَاجَعَ النُّمُوُّ فِي أُورُوبَّا الغَرْبِيَّةِ.",
            "أُورُوبَّا الغَرْبِيَّةِ",
            Label::LOC,
        ),
        (
            "ومرت السفن في منطقة البحر الأحمر.",
            "منطقة البحر الأحمر",
            Label::LOC,
        ),
        (
            "وهبت رياح قوية على منطقة الخليج العربي.",
            "منطقة الخليج العربي",
            Label::LOC,
        ),
        // Countries, governorates and places north of a city stay GPEs.
        ("وأعلنت جنوب السودان استقلالها.", "جنوب السودان", Label::GPE),
        ("وزار المحافظ شمال سيناء أمس.", "شمال سيناء", Label::GPE),
        ("وتقع البلدة جنوب نابلس.", "نابلس", Label::GPE),
        ("واشتدت المعارك في شمال شرق سوريا.", "سوريا", Label::GPE),
        ("وتسكن الأسرة في منطقة شاكلالا.", "منطقة شاكلالا", Label::GPE),
    ];
    let failed = missing(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn the_names_of_a_list_after_a_plural_place_head_are_places() {
    // A plural or dual place head (قرى، بلدات، محافظتي …) and two names or more joined by و:
    // each name is a GPE. Pool: 9 sentences in 7 outlets have the shape. Before the rule: 8 of
    // the 8 rows failed.
    let table = [
        (
            "وقصفت المدفعية قرى الحميدية والسلامية وأبو جرين قرب الحدود.",
            "السلامية",
            Label::GPE,
        ),
        (
            "وقصفت المدفعية قرى الحميدية والسلامية وأبو جرين قرب الحدود.",
            "أبو جرين",
            Label::GPE,
        ),
        (
            "فَنَزَحَ السُّكَّانُ مِنْ قُرَى الحَمِيدِيَّةِ وَالسَّلَامِيَّةِ وَأَبُو جُرَيْن.",
            "السَّلَامِيَّةِ",
            Label::GPE,
        ),
        (
            "ونزح السكان من بلدتي عين البيضاء وكفر ناصح إلى المدينة.",
            "عين البيضاء",
            Label::GPE,
        ),
        (
            "ونزح السكان من بلدتي عين البيضاء وكفر ناصح إلى المدينة.",
            "كفر ناصح",
            Label::GPE,
        ),
        (
            "وانقطعت المياه عن أحياء الزهور، والنخيل، وتل الورد منذ الصباح.",
            "تل الورد",
            Label::GPE,
        ),
        (
            "وفرض الجيش حظر تجوال في بلدات غرانيج والطيانة بريف المحافظة.",
            "غرانيج",
            Label::GPE,
        ),
        (
            "وفرض الجيش حظر تجوال في بلدات غرانيج والطيانة بريف المحافظة.",
            "الطيانة",
            Label::GPE,
        ),
    ];
    let failed = missing(&table);
    assert!(failed.is_empty(), "{failed:#?}");
    // Not a list of names: adjectives, a pronoun that refers back, common nouns, a list of
    // definite nouns only, a comma before the sentence goes on.
    let negative = [
        ("وتضررت مدن صغيرة وكبيرة في البلاد.", "صغيرة"),
        ("وانتشرت القوات في محافظتي دمشق وريفها.", "ريفها"),
        ("وسقطت قذائف على قرى كثيرة ومزارع.", "مزارع"),
        ("وتنتشر في مدن العالم والمنطقة.", "العالم"),
        ("وتقع بين بلدتي غرانيج والطيانة، فزارهما الوفد.", "فزارهما"),
    ];
    let failed = unwanted(Label::GPE, &negative);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn short_names_and_spellings_of_countries_the_lists_missed() {
    // الإمارات alone, ج for a hard g (نيكاراجوا، الكونجو), states of the last century. Pool:
    // 12 sentences in 8 outlets have them; +11 GPEs in 7 outlets, all right. Before: 6 of the
    // 6 rows failed.
    let table = [
        ("وشاركت الإمارات في القمة أمس.", "الإمارات"),
        ("وتكثف الإمارات غاراتها على المواقع.", "الإمارات"),
        ("وضرب زلزال نيكاراجوا فجرا.", "نيكاراجوا"),
        ("ويلتقي المنتخب نظيره من بيلاروسيا غدا.", "بيلاروسيا"),
        ("وعمل سفيرا في الهند ويوغوسلافيا.", "يوغوسلافيا"),
        ("وتراجع الإنتاج في الكونجو وأنجولا.", "أنجولا"),
    ];
    let failed = super::test_tables::failures_of(Label::GPE, &table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_capital_with_its_title_is_the_city_and_opec_plus_is_one_name() {
    // العاصمة صنعاء came as one GPE from a generated list of subdivisions: the title is
    // outside the name, as the gold of every set writes it (4 outlets of the pool; now in
    // blocklist.txt). OPEC and its allies are named with بلس or + (6 outlets): one ORG.
    // Before: 7 of the 7 rows failed.
    let table = [
        (
            "وسيطر الحوثيون على العاصمة صنعاء في سبتمبر.",
            "صنعاء",
            Label::GPE,
        ),
        (
            "وَقَصَفَتِ الطائراتُ مواقعَ في العاصِمَةِ صَنْعَاءَ.",
            "صَنْعَاءَ",
            Label::GPE,
        ),
        ("فعاد الوفد إلى العاصمة صنعاء.", "صنعاء", Label::GPE),
        (
            "واتفق تحالف أوبك بلس على خفض الإنتاج.",
            "تحالف أوبك بلس",
            Label::ORG,
        ),
        ("وقررت أوبك+ خفض الإنتاج.", "أوبك+", Label::ORG),
        ("وقالت دول أوبك + إن الخفض مستمر.", "أوبك +", Label::ORG),
        ("فأعلنت أوبك بلس أنها ستجتمع.", "أوبك بلس", Label::ORG),
    ];
    let failed = missing(&table);
    assert!(failed.is_empty(), "{failed:#?}");
    let failed = unwanted(
        Label::GPE,
        &[(
            "وسيطر الحوثيون على العاصمة صنعاء في سبتمبر.",
            "العاصمة صنعاء",
        )],
    );
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn the_countryside_of_a_place_is_that_place() {
    // ريف X "the countryside of X" is the place X for every gold set (ريف outside, like a
    // compass part, guidelines §12); the governorate ريف دمشق keeps its name, and ريف before a
    // bare head noun names nothing. Pool: 20 sentences in 7 outlets. Before the change: 6 of the
    // 9 rows failed.
    let table = [
        ("وأصيب ثلاثة مدنيين بانفجار بريف درعا الشمالي.", "درعا"),
        ("وقصفت الطائرات قرى في ريف حلب أمس.", "حلب"),
        (
            "وتواصلت الاشتباكات في قرى ريف دير الزور الشرقي.",
            "دير الزور",
        ),
        ("وقتل مدني في ريف محافظة درعا جنوبي البلاد.", "محافظة درعا"),
        ("وانتقل إلى رِيفِ القرداحة مع عائلته.", "القرداحة"),
        ("ووصلوا إلى بلدة يبرود في ريف دمشق.", "ريف دمشق"),
        (
            "وفرض الجيش حظر تجوال في بلدات غرانيج والطيانة بريف المحافظة.",
            "غرانيج",
        ),
    ];
    let failed = failures_of(Label::GPE, &table);
    assert!(failed.is_empty(), "{failed:#?}");
    let negative = [
        ("وأصيب ثلاثة مدنيين بانفجار بريف درعا الشمالي.", "ريف درعا"),
        (
            "وفرض الجيش حظر تجوال في بلدات غرانيج والطيانة بريف المحافظة.",
            "المحافظة",
        ),
    ];
    let failed = unwanted(Label::GPE, &negative);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn place_names_that_are_words_or_given_names_are_not_looked_up_bare() {
    // الصور "the pictures", الظاهرة "the phenomenon" and the given name رشيد are places in the
    // gazetteer's sources (assets/gazetteer/blocklist.txt). Before: 3 of the 3 rows failed.
    let table = [
        ("ونشر الموقع الصور أو المقاطع دون إذن.", ""),
        ("وقالت إن البلاد تدرك آثار هذه الظاهرة على الزراعة.", ""),
        ("رشيد يعقوب قال للصحفيين إن الخطة جاهزة.", ""),
    ];
    let failed = super::test_tables::failures_of(Label::GPE, &table);
    assert!(failed.is_empty(), "{failed:#?}");
    let failed = super::test_tables::failures_of(
        Label::PERSON,
        &[("رشيد يعقوب قال للصحفيين إن الخطة جاهزة.", "رشيد يعقوب")],
    );
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn places_of_the_generated_lists_that_are_ordinary_words_are_not_looked_up_bare() {
    // Words that a generated list has as a town: أقصر "shorter", سيول "floods", عالية "high",
    // قارة "continent", الحد "the limit" (للحد من), كواليس, الخمس "the five", البيض "eggs".
    // Pool: one wrong GPE each in 16 outlets, gone. Before: 8 of the 8 rows failed.
    let table = [
        ("نأمل أن تنتهي الأزمة في أقصر وقت ممكن.", ""),
        ("وتهدد أمطار غزيرة وسيول عدة مناطق.", ""),
        (
            "وتقع الأحياء ذات الكثافة السكانية العالية مثل أحياء ذات كثافة عالية.",
            "",
        ),
        ("وتقع الدولة في قارة أمريكا الشمالية.", ""),
        ("ودعت إلى حملات توعية للحد من الحوادث.", ""),
        ("وتكشف الصحيفة كواليس القرار.", ""),
        ("وتنافس المرشحون في الدوائر الخمس.", ""),
        ("وارتفعت أسعار الدواجن والبيض.", ""),
    ];
    let failed = super::test_tables::failures_of(Label::GPE, &table);
    assert!(failed.is_empty(), "{failed:#?}");
    // Their head still finds them (مدينة الخمس).
    let places = [("ووصل الوفد إلى مدينة الخمس أمس.", "مدينة الخمس", Label::GPE)];
    let failed = missing(&places);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_place_head_before_a_glued_preposition_names_nothing() {
    // Before: 2 of the 3 rows failed (حي بالعاصمة and منطقة للتدريب were GPEs). The eighth
    // round's audit removed the height family (الجليل الأعلى): no pool report has the shape.
    let table = [
        ("وقع الانفجار في حي بالعاصمة صباحا.", ""),
        ("وتقع القاعدة في منطقة للتدريب قرب الحدود.", ""),
    ];
    let failed = super::test_tables::failures_of(Label::GPE, &table);
    assert!(failed.is_empty(), "{failed:#?}");
    let table = [("وسكن في حي الزيتون منذ سنوات.", "حي الزيتون", Label::GPE)];
    let failed = missing(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_verb_or_participle_after_a_place_head_describes_it() {
    // A place head without the article and a short imperfect verb (منطقة تقع جنوب …) or an
    // indefinite participle in ة (دولة موزعة على …) before a particle or a direction: the
    // sentence describing the place, not its name. Pool: 2 wrong GPEs in 2 outlets, the shape
    // (with مقابلة-like participles) in 3. Before: 4 of the 4 rows failed.
    let negative = [
        ("بعد رصد القارب في منطقة تقع جنوب الجزيرة.", "منطقة تقع"),
        ("وسجلت الحالات في 32 دولة موزعة على خمس مناطق.", "دولة موزعة"),
        ("وانتشرت القوات في منطقة مفتوحة على الحدود.", "منطقة مفتوحة"),
        ("فَأُقِيمَ المُخَيَّمُ في مِنْطَقَةٍ تَقَعُ شَمَالَ المَدِينَةِ.", "مِنْطَقَةٍ تَقَعُ"),
    ];
    let failed = unwanted(Label::GPE, &negative);
    assert!(failed.is_empty(), "{failed:#?}");
    // Names after the head stay places, known or not.
    let table = [
        ("وقصفت الطائرات مدينة تعز أمس.", "مدينة تعز", Label::GPE),
        (
            "ووصلوا إلى بلدة يبرود في ريف دمشق.",
            "بلدة يبرود",
            Label::GPE,
        ),
        (
            "وزار الوفد مدينة مصراتة في ليبيا.",
            "مدينة مصراتة",
            Label::GPE,
        ),
    ];
    let failed = missing(&table);
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

//! Tests of the person families read from a title or a verb of saying: a name after a title, its
//! complement and a comma, a name before an indefinite or a spokesman's title, a name between a
//! verb of saying and its claim, and the words after a title that are no name (a predicate, an
//! abstract noun, a dual pronoun), each a table of invented sentences with surface variants
//! (proclitics, harakat on and off, «» and "") and negative rows.

use super::test_tables::{assert_has, assert_no, assert_nothing_with, failures_of, found};
use crate::annotate::Label;

/// The rows of a table of (sentence, expected person or "" for none) that fail.
fn failures(table: &[(&str, &str)]) -> Vec<String> {
    failures_of(Label::PERSON, table)
}

#[test]
fn unknown_name_before_an_indefinite_title_is_a_person() {
    let text = "وقال كينجي موراتا وزير الزراعة الياباني إن المحصول وفير.";
    assert_has(text, "كينجي موراتا", Label::PERSON);
    let text = "وَقَالَ كِينْجِي مُوراتا وَزِيرُ الزِّرَاعَةِ إِنَّ المَحْصُولَ وَفِيرٌ.";
    assert_has(text, "كِينْجِي مُوراتا", Label::PERSON);
    // After a comma, three words, a name that reads like ب + noun.
    let text = "حضر الاجتماع ممثلون عن الوكالة، بيدرو لوسادا برانكو مدير البرنامج.";
    assert_has(text, "بيدرو لوسادا برانكو", Label::PERSON);
    // One word is too little to tell a name from a noun; a definite title names a group too.
    assert_no("وقال مسؤول رئيس البلدية إن الطريق مغلق.", Label::PERSON);
    assert_no(
        "قبل شهر، هزمت جماعات المعارضة المسلحة القوات.",
        Label::PERSON,
    );
}

#[test]
fn a_name_after_a_title_its_complement_and_a_comma() {
    let text = "وقالت المتحدثة باسم البعثة الأممية، لوبا تاكاشي، إن الهدوء عاد.";
    assert_has(text, "لوبا تاكاشي", Label::PERSON);
    let text = "وقال رئيس الوفد، خالد سليم إن المفاوضات مستمرة.";
    assert_has(text, "خالد سليم", Label::PERSON);
    // Two ordinary words in the middle of a phrase are no name.
    assert_no("يرأسها جلالة الملك، خير شاهد على ذلك.", Label::PERSON);
}

#[test]
fn a_title_before_an_organisation_in_construct_skips_its_complement() {
    let text = "قال رئيس جمعية رعاية المسنين الأردنية وليد الساكت إن الدعم تأخر.";
    assert_has(text, "وليد الساكت", Label::PERSON);
    let all = found(text);
    assert!(
        !all.iter()
            .any(|(s, l)| s.contains("رعاية") && *l == Label::PERSON),
        "{all:?}"
    );
}

#[test]
fn an_indefinite_title_takes_a_construct_complement_before_the_name() {
    let text = "وقالت رئيسة وزراء الدنمارك هيلي سوندرغارد إن الاتفاق جيد.";
    assert_has(text, "هيلي سوندرغارد", Label::PERSON);
    // A predicate, not a title: no name after it.
    assert_nothing_with("رونالدو لاعب استثنائي وسعيد بفوزه.", "سعيد");
    // An apposition whose title is followed by a quoted organisation.
    let text = "وقال ثيوفيلوس كارانيس رئيس «حزب الخضر» إن الحزب سيشارك.";
    assert_has(text, "ثيوفيلوس كارانيس", Label::PERSON);
}

#[test]
fn a_nationality_used_as_a_noun_introduces_a_name() {
    let text = "وسجل البرازيلي رافينيو كوستاردي الهدف الأول.";
    assert_has(text, "رافينيو كوستاردي", Label::PERSON);
    let text = "ذهبت الجائزة للروسي بافيل غرومانوف عن دوره.";
    assert_has(text, "بافيل غرومانوف", Label::PERSON);
    // An adjective of a noun before it, an Arabic word or a verb after it: no name.
    for text in [
        "تحدث عن الشعب السوري ربما للمرة الأولى.",
        "قال المدرب الفرنسي نزل إلى الملعب.",
        "أنهى السنغالي بوكامو دراميسا أنهاها بنجاح.",
    ] {
        let all = found(text);
        assert!(
            !all.iter().any(|(s, l)| *l == Label::PERSON
                && (s.contains("ربما") || s.contains("نزل") || s.contains("أنهاها"))),
            "{all:?}"
        );
    }
}

#[test]
fn a_family_name_in_quotation_marks_after_a_verb_of_saying() {
    // Before the rule: 4 of the 8 rows failed (the four names).
    let table = [
        (
            "وأضاف «الشمري»، خلال كلمته في الجلسة، أن العمل مستمر.",
            "الشمري",
        ),
        ("وأشارت \"بوعزة\" إلى أن الخطة جاهزة.", "بوعزة"),
        ("وَتابَعَ «العَلَوِي» أنَّ الوَضْعَ مُسْتَقِرٌّ.", "العَلَوِي"),
        (
            "وأوضح \"كوفمان\"، في تصريحات صحفية، أن المفاوضات متعثرة.",
            "كوفمان",
        ),
        // A quotation, not a name: after a colon, a particle, or more than two words.
        ("وأضاف: \"نعم\"، ثم غادر القاعة.", ""),
        ("وقال \"لا\" للمشروع كله.", ""),
        ("وأضاف \"الوضع خطير جدا\" في إشارة إلى الفيضان.", ""),
        ("وقال \"سنعود قريبا\" قبل أن يغادر.", ""),
    ];
    let failed = failures(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn two_or_three_unknown_words_between_a_verb_of_saying_and_its_claim_are_a_name() {
    // Before the rule: 6 of the 17 rows failed (the six names).
    let table = [
        (
            "وقال لويس مورينو أوكامبو إن المحكمة ستنظر في القضية.",
            "لويس مورينو أوكامبو",
        ),
        ("وقال فوتيس كوفيليس إن الحكومة ستتحرك.", "فوتيس كوفيليس"),
        ("وصرح غاتلواك نهيال بأن القوات انسحبت.", "غاتلواك نهيال"),
        ("وقالت جاله أريكان إنها أنهت التصوير.", "جاله أريكان"),
        (
            "وأعلن كيير ستارمر أن الانتخابات ستجري في موعدها.",
            "كيير ستارمر",
        ),
        ("وَقَالَ فُوتِيس كُوفِيلِيس إِنَّ الحُكُومَةَ سَتَتَحَرَّكُ.", "فُوتِيس كُوفِيلِيس"),
        // A described source is no name: a source noun first, a feminine or plural
        // adjective or an Arabic participle last.
        ("وقال شهود عيان إن القصف استمر.", ""),
        ("وقالت مصادر مطلعة إن الاتفاق قريب.", ""),
        ("وذكرت تقارير صحفية أن الموعد تأجل.", ""),
        ("وأوضح بيان مشترك أن الطرفين اتفقا.", ""),
        ("وأضاف مصدر مسؤول أن التحقيق جار.", ""),
        ("وقالت منظمات حقوقية إن الاعتقالات تعسفية.", ""),
        ("وقالت أوساط سياسية إن الحكومة ستسقط.", ""),
        ("وقال شاهد عيان إن النار اشتعلت.", ""),
        ("وقالت جماعات حقوقية إن المعتقلين تعرضوا للتعذيب.", ""),
        ("وقال خبراء اقتصاديون إن التضخم سيتراجع.", ""),
        // Without a verb of saying before them, two words before إن are no name.
        ("ولا شك عندنا أن الموعد قريب.", ""),
    ];
    let failed = failures(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_title_that_is_a_common_noun_before_its_predicate_names_nobody() {
    // Before the rules: 4 of the 6 rows failed (a participle in ة and verbs in س taken as names,
    // a family name in ن after a title cut off).
    let table = [
        ("وقالت المعارضة موحدة في موقفها من الحكومة.", ""),
        ("وأكد أن الفريق سيعود إلى التدريبات غدا.", ""),
        ("وذكرت الصحيفة أن المدرب سيرحل.", ""),
        (
            "وقالت المعارضة سميرة الحسن إن الحكومة تأخرت.",
            "سميرة الحسن",
        ),
        ("وقال الفريق محمود حجازي إن الجيش جاهز.", "محمود حجازي"),
        ("وقال المعارض مصطفى نوار إن الحوار فشل.", "مصطفى نوار"),
    ];
    let failed = failures(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_verb_or_a_feminine_noun_after_a_name_or_title_ends_it() {
    // Before the rules: 2 of the 4 rows failed (استقال, الكرة).
    let table = [
        ("وذكرت الصحيفة أن الوزير استقال من منصبه.", ""),
        ("ومرر فابيان رويز الكرة إلى زميله.", "فابيان رويز"),
        ("وقال محمد حسن الصباغ إن السوق هادئة.", "محمد حسن الصباغ"),
        (
            "وقال الرئيس سيريل رامافوزا إن البلاد مستقرة.",
            "سيريل رامافوزا",
        ),
    ];
    let failed = failures(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_titles_complement_goes_on_over_glued_prepositions_and_conjunctions() {
    // Before the rules: 5 of the 7 rows failed (the four names after والـ / بالـ complements,
    // and متمنيا taken for a name).
    let table = [
        (
            "وقالت وزيرة التضامن والأسرة نجاة الفاسي إن الدعم مستمر.",
            "نجاة الفاسي",
        ),
        (
            "دعا الوزير المنتدب المكلف بالميزانية، فؤاد لحلو، إلى مقاربة جديدة.",
            "فؤاد لحلو",
        ),
        (
            "وقال وزير التجهيز والماء عمر بنسالم إن السدود ممتلئة.",
            "عمر بنسالم",
        ),
        (
            "وَقَالَتْ وَزِيرَةُ الشَّبَابِ وَالرِّيَاضَةِ رِيمَا حَدَّاد إِنَّ الْمَلْعَبَ جَاهِزٌ.",
            "رِيمَا حَدَّاد",
        ),
        // The manner of saying after a title is no name, nor a title's complement alone.
        ("وقال الوزير مؤكدا أن الخطة جاهزة.", ""),
        ("وتحدث المدير متمنيا التوفيق للجميع.", ""),
        ("وقال وزير الصحة والسكان إن الوضع مستقر.", ""),
    ];
    let failed = failures(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn foreign_names_after_a_title_are_not_read_as_predicates_or_complements() {
    // Sixth round, the regression lead: the fifth round's predicate and complement shapes took
    // names that start like a glued article (فالكاو، فالنتينا، كالفين، كاليستا), a future verb
    // before a comma (سيميوني،) or a participle in ة or ا (مبروكة، ميشيلا) for no name, and a
    // lineage stopped inside a compound name (بن عبد), and the body after باسم for a name.
    // Before the narrowing: 10 of the 18 rows failed (nine of the ten names, رئاسة الجمهورية).
    let table = [
        ("وقال المهاجم فالكاو إن الفريق جاهز.", "فالكاو"),
        ("وأكد المدرب فالفيردي أن اللاعبين مستعدون.", "فالفيردي"),
        (
            "وقالت الرئيسة فالنتينا ماتفيينكو إن المجلس موافق.",
            "فالنتينا ماتفيينكو",
        ),
        ("وقال اللاعب كالفين فيليبس إن الإصابة خفيفة.", "كالفين فيليبس"),
        (
            "وقالت الممثلة كاليستا فلوكهارت إن الفيلم ناجح.",
            "كاليستا فلوكهارت",
        ),
        (
            "وقال المدرب سيميوني، بعد المباراة، إن الفوز مستحق.",
            "سيميوني",
        ),
        (
            "وقالت الرئيسة ميشيلا باتشيليت إن المنظمة قلقة.",
            "ميشيلا باتشيليت",
        ),
        (
            "وقالت الناشطة مبروكة العياري إن الاحتجاج سلمي.",
            "مبروكة العياري",
        ),
        (
            "وَقَالَتِ المُدِيرَةُ مَدِيحَة الشَّرِيف إِنَّ المَدْرَسَةَ مُغْلَقَةٌ.",
            "مَدِيحَة الشَّرِيف",
        ),
        (
            "والتقى الأمير فيصل بن فرحان بن عبد الله نظيره أمس.",
            "فيصل بن فرحان بن عبد الله",
        ),
        // The predicates and complements the shapes were written for stay no names.
        ("وقالت المعارضة موحدة في موقفها.", ""),
        ("وذكرت الصحيفة أن المدرب سيرحل.", ""),
        ("وقال إن الفريق سيقاتل من أجل اللقب.", ""),
        ("وغادر الوزير مؤكدا أن الاتفاق قريب.", ""),
        ("وكان تعقيب النائب مليئا بالأحكام السلبية.", ""),
        (
            "وقال المتحدث الرسمي باسم رئاسة الجمهورية إن اللقاء مثمر.",
            "",
        ),
        (
            "وقال المتحدث باسم رئاسة الحكومة سامي نصار إن الجلسة تأجلت.",
            "سامي نصار",
        ),
        (
            "وقالت وزيرة التضامن والأسرة نجاة الفاسي إن البرنامج بدأ.",
            "نجاة الفاسي",
        ),
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
fn a_dual_pronoun_on_a_preposition_is_no_name_after_a_title() {
    // المدعى عليهما after المدعي/المدعى (a title to the lexicon): the dual forms of the
    // prepositions with a pronoun are stop words like the others. Pool: the shape in 3
    // outlets, 1 wrong PERSON gone. Before: 2 of the 3 rows failed.
    let table = [
        ("وحضر المدعي العام والمدعى عليهما الأول والثالث.", ""),
        ("وَحَضَرَ المُدَّعَى عَلَيْهِمَا الجَلْسَةَ.", ""),
        ("وقال المدعي العام إن المدعى عليه اعترف.", ""),
    ];
    let failed = super::test_tables::failures_of(Label::PERSON, &table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_persons_name_after_a_body_or_an_administration_is_the_person() {
    // إدارة الرئيس X is a president's term, named after no one; a given name that names a
    // town too (جاسم) after a body's name starts the title holder's name. Pool: 3 outlets,
    // 7 items right. Before: 3 of the 3 rows failed.
    let table = [
        (
            "وقال مسؤولون في إدارة الرئيس دونالد ترامب إن الخطة جاهزة.",
            "دونالد ترامب",
        ),
        (
            "ورفع رئيس مجلس الأمة الكويتي جاسم الخرافي الجلسة.",
            "جاسم الخرافي",
        ),
        (
            "وَرَفَعَ رَئِيسُ مَجْلِسِ الأُمَّةِ الكُوَيْتِيِّ جَاسِمُ الخُرَافِيُّ الجَلْسَةَ.",
            "جَاسِمُ الخُرَافِيُّ",
        ),
    ];
    let failed = super::test_tables::failures_of(Label::PERSON, &table);
    assert!(failed.is_empty(), "{failed:#?}");
}

/// An article may end on the word a rule stands on while it looks one word ahead: an
/// indefinite title and a plain word as the last two words (a fuzzer found it), a meeting
/// head as the last word. Each once indexed past the last token.
#[test]
fn rules_looking_ahead_at_the_article_end_do_not_panic() {
    for text in [
        "وقال متحدث جديد",
        "وصل رئيس فريق",
        "وصلَ رئيسُ فريقٍ",
        "قال مدير مكتب",
        "عقدت قمة",
        "وانتهى مؤتمر",
        "متحدث",
    ] {
        let all = found(text);
        assert!(
            all.iter().all(|(s, _)| text.contains(s.as_str())),
            "{text}: {all:?}"
        );
    }
}

//! Tests of the fifth round's name families (a quoted family name after a verb of saying, a
//! transliterated outlet name of two words after its head,
//! family name that starts like an imperfect verb, the lineage after a name, given names with
//! the article, a title that is a common noun before its predicate), each a table of
//! invented sentences with their surface variants: proclitics, harakat on and off, «» and "".

use super::test_tables::failures_of;
use crate::annotate::Label;

/// The rows of a table of (sentence, expected person or "" for none) that fail.
fn failures(table: &[(&str, &str)]) -> Vec<String> {
    failures_of(Label::PERSON, table)
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
fn a_family_name_that_starts_like_an_imperfect_verb_closes_a_name() {
    // Before the rule: 4 of the 8 rows failed (the four family names in ن and ت).
    let table = [
        ("وقال سمير نشار إن التحقيق مستمر.", "سمير نشار"),
        (
            "وأكد موفق نيربيه، عضو الائتلاف، أن الاجتماع تأجل.",
            "موفق نيربيه",
        ),
        ("وَقالَ سَمِيرُ نَشّار إنَّ التَّحْقِيقَ مُسْتَمِرٌّ.", "سَمِيرُ نَشّار"),
        ("وصرح خالد تمام رئيس البلدية بأن الطريق مغلق.", "خالد تمام"),
        // The sentence's verb after the subject's given name.
        ("وكان محمد يعمل في المصنع.", "محمد"),
        ("وظل أحمد ينتظر الحافلة ساعة.", "أحمد"),
        ("وقال خالد يرافقه الرئيس إن الزيارة مهمة.", "خالد"),
        ("وكان سمير يتابع المدير باهتمام.", "سمير"),
    ];
    let failed = failures(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn the_lineage_after_a_name_belongs_to_it() {
    // Before the rule: 4 of the 6 rows failed (آل after a known name, علي and حسن before بن).
    let table = [
        (
            "وقال الشيخ عبد الله بن زايد آل نهيان إن العلاقات متينة.",
            "عبد الله بن زايد آل نهيان",
        ),
        (
            "وقال علي بن طلال الجهني إن الدراسة انتهت.",
            "علي بن طلال الجهني",
        ),
        ("واستقبل حسن بن ناصر آل ثاني الوفد.", "حسن بن ناصر آل ثاني"),
        ("وَقَالَ عَلِيُّ بْنُ طَلالٍ إنَّ الدِّرَاسَةَ انْتَهَتْ.", "عَلِيُّ بْنُ طَلالٍ"),
        // على before ابن and a common noun is the preposition.
        ("واعتمد على ابن عمه في العمل.", ""),
        ("وتحدث عن آل البيت في كلمته.", ""),
    ];
    let failed = failures(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_given_name_written_with_the_article_starts_a_name() {
    // Before the rule: 4 of the 7 rows failed (every name).
    let table = [
        (
            "وقال الرئيس التونسي المنصف المرزوقي إن الحوار مستمر.",
            "المنصف المرزوقي",
        ),
        (
            "وصرح الحبيب الصيد رئيس الحكومة بأن الميزانية جاهزة.",
            "الحبيب الصيد",
        ),
        ("وقال الطاهر الزين إن الطريق مغلق.", "الطاهر الزين"),
        ("واستقبل الوزير المنجي بن حميدة الوفد.", "المنجي بن حميدة"),
        // The same words as ordinary adjectives or titles are no name.
        ("وقال الأمين العام للحزب إن المؤتمر تأجل.", ""),
        ("وعبرت السفينة المحيط الهادي الشمالي أمس.", ""),
        ("وأشاد بالقلب الطاهر النقي للأم.", ""),
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
fn the_word_for_age_is_no_given_name() {
    // Before the rule: 3 of the 5 rows failed (عمر before a verb of approaching, a number, a
    // duration).
    let table = [
        ("وتوفي الفنان عن عمر يناهز الثمانين.", ""),
        ("وتوفيت عن عمر 85 عاما في منزلها.", ""),
        ("ونقل الطفل وهو في عمر أسبوعين إلى المستشفى.", ""),
        ("وقال عمر البشير إن الحوار مستمر.", "عمر البشير"),
        ("وَقَالَ عُمَرُ سَلِيم إِنَّ الطَّرِيقَ مُغْلَقٌ.", "عُمَرُ سَلِيم"),
    ];
    let failed = failures(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_transliterated_name_of_two_words_goes_on_after_its_head() {
    // Before the rule: 3 of the 5 rows failed (the second word cut off).
    let table = [
        (
            "وقالت مجلة فورين بوليسي إن الإدارة منقسمة.",
            "مجلة فورين بوليسي",
        ),
        (
            "وقال لإذاعة مونت كارلو الدولية إن الحوار مستمر.",
            "إذاعة مونت كارلو الدولية",
        ),
        (
            "وَقَالَتْ مَجَلَّةُ فُورِين بُولِيسِي إِنَّ الإِدَارَةَ مُنْقَسِمَةٌ.",
            "مَجَلَّةُ فُورِين بُولِيسِي",
        ),
        // A verb or an accusative noun after a one-word name is not part of it.
        ("ونشرت صحيفة هآرتس بيانا مصورا.", "صحيفة هآرتس"),
        ("وقالت وكالة بلومبرغ تابعت الملف.", "وكالة بلومبرغ"),
    ];
    let failed = failures_of(Label::ORG, &table);
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
fn a_family_name_after_a_compound_given_name_may_start_like_a_preposition() {
    // Sixth round: after a title, a compound given name is followed by a family name that may
    // read like ب or ل and a noun (Maghreb names). Before the rule: 4 of the 8 rows failed.
    let table = [
        (
            "وقال وزير الداخلية عبد الوافي لفتيت إن الانتخابات في موعدها.",
            "عبد الوافي لفتيت",
        ),
        (
            "وقال النائب عبد الله بووانو إن الحزب يرفض.",
            "عبد الله بووانو",
        ),
        (
            "وَقَالَ رَئِيسُ الحُكُومَةِ عَبْد الإِلَه بنكيران إِنَّ الإِصْلَاحَ مُسْتَمِرٌّ.",
            "عَبْد الإِلَه بنكيران",
        ),
        (
            "وقال الأمين العام أبو بكر بلقاسم إن المؤتمر انتهى.",
            "أبو بكر بلقاسم",
        ),
        // A preposition with its noun after the name is the sentence going on.
        (
            "وقال وزير الخارجية عبد الله بحضور السفير إن اللقاء مثمر.",
            "عبد الله",
        ),
        ("وقال المدير عبد الرحمن بالأمس إن المشروع بدأ.", "عبد الرحمن"),
        ("وظهر حارس مرماه الأمير عبد الحميد بشكل ضعيف.", "عبد الحميد"),
        (
            "وقال الرئيس عبد الحميد لوكالة الأنباء إن الوضع هادئ.",
            "عبد الحميد",
        ),
    ];
    let failed = failures(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

//! Tests of the families that read the words of a person's name: given names that are words
//! too, with the article or a glued preposition, names no list knew; family names that start
//! like a verb, a preposition or و, theophoric names, the lineage; and where a name ends before
//! the noun or adverb the sentence goes on with. Each a table of invented sentences with
//! surface variants (proclitics, harakat on and off) and negative rows.

use super::test_tables::{
    assert_has, assert_no, assert_nothing_with, failures_of, missing, unwanted,
};
use crate::annotate::Label;

/// The rows of a table of (sentence, expected person or "" for none) that fail.
fn failures(table: &[(&str, &str)]) -> Vec<String> {
    failures_of(Label::PERSON, table)
}

#[test]
fn a_given_name_that_is_a_word_too_starts_a_chain_of_names() {
    let text = "وصل حسن محمد الدباغ إلى القرية.";
    assert_has(text, "حسن محمد الدباغ", Label::PERSON);
    // Alone it stays a word.
    assert_no("كان الطقس حسن اليوم.", Label::PERSON);
}

#[test]
fn a_given_name_before_a_kunya_or_a_connector() {
    let text = "مقابلة مع السيدة نوالة أبو الريش من القرية.";
    assert_has(text, "نوالة أبو الريش", Label::PERSON);
    // A relative or a preposition glued to a noun is no given name.
    assert_nothing_with("زارتنا خالتي أم كريم أمس.", "خالتي");
    assert_nothing_with("وصلت الرسالة بواسطة عبد الحميد الساعدي.", "بواسطة");
    assert_nothing_with("وقع الكتاب بإسم عبد الغني السالمي.", "بإسم");
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
fn common_given_names_that_no_list_knew_start_a_name() {
    // Given names of the Levant, Iraq, the Gulf and the Maghreb and foreign ones frequent in
    // news (حسان، وضاح، رمطان، شارل، شيرين). Pool: 7 names in 6 outlets found, none wrong.
    // Before: 5 of the 7 rows failed (شارل was found after a title and a verb of saying).
    let table = [
        ("وقال وضاح الشامي إن الاتفاق قريب.", "وضاح الشامي"),
        ("وأكد حسان الخطيب أن القرار نهائي.", "حسان الخطيب"),
        ("وَأَكَّدَ حَسَّانُ الخَطِيبِ أَنَّ القَرَارَ نِهَائِيٌّ.", "حَسَّانُ الخَطِيبِ"),
        ("واستقبل الوزير شارل مالك في مكتبه.", "شارل مالك"),
        ("وقال شارل مالك إن الزيارة ناجحة.", "شارل مالك"),
        ("وعين رمطان حداد سفيرا في روما.", "رمطان حداد"),
        ("فقالت شيرين الحسيني إن المعرض يفتح غدا.", "شيرين الحسيني"),
    ];
    let failed = super::test_tables::failures_of(Label::PERSON, &table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn given_names_that_are_words_are_no_name_on_their_own() {
    // Words the pool read as a person on their own: آمنة "safe", عزت "ascribed", سلمي
    // "peaceful", زينة "decoration", برنت (Brent crude). Pool: 8 wrong names gone in 6 outlets.
    // Before: 5 of the 5 rows failed.
    let table = [
        ("وطالبت المنظمة بممرات آمنة للمدنيين.", ""),
        ("وعزت المصادر الحادث إلى السرعة.", ""),
        ("وتقول الحكومة إن برنامجها سلمي تماما.", ""),
        ("وارتفع سعر خام برنت إلى مئة دولار.", ""),
        ("وباع المتجر قطع غيار وزينة السيارات.", ""),
    ];
    let failed = super::test_tables::failures_of(Label::PERSON, &table);
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
fn a_given_name_that_is_a_noun_before_a_definite_noun_is_that_noun() {
    // عمر "age, lifetime" and خلف "behind" are given names and nouns in construct: before a
    // definite common noun (من عمر المباراة، الانسياق خلف الشائعات) they are the nouns; a family
    // name in ي, another given name or a name before them keeps the person. Pool: 3 wrong
    // PERSONs in 3 outlets. Before the change: 5 of the 5 negative rows failed.
    let negative = [
        (
            "وسجل الضيوف هدفا في الدقيقة الأخيرة من عمر المباراة.",
            "عمر المباراة",
        ),
        (
            "ودعا الجيش المواطنين إلى عدم الانسياق خلف الشائعات.",
            "خلف الشائعات",
        ),
        ("وجاء الهدف في الدقائق الأولى مِنْ عُمْرِ اللِّقَاءِ.", "عُمْرِ اللِّقَاءِ"),
        ("فاجتمع الوزراء خلف الأبواب المغلقة.", "خلف الأبواب"),
        ("واختبأ الأطفال خلف الجدار حتى الصباح.", "خلف الجدار"),
    ];
    let failed = unwanted(Label::PERSON, &negative);
    assert!(failed.is_empty(), "{failed:#?}");
    let table = [
        (
            "وقال عمر البشير إن الحكومة باقية.",
            "عمر البشير",
            Label::PERSON,
        ),
        ("ووصل عمر مصطفى إلى القاعة.", "عمر مصطفى", Label::PERSON),
        (
            "وعين في المنصب عبد العزيز خلف.",
            "عبد العزيز خلف",
            Label::PERSON,
        ),
        (
            "وأكد الوزير عمر الحسن أن الخطة جاهزة.",
            "عمر الحسن",
            Label::PERSON,
        ),
    ];
    let failed = missing(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_given_name_that_is_a_preposition_too_ends_a_name_before_a_mark_or_allah() {
    // خلف "behind" and علي (على after folding) are prepositions too, which the name rules
    // stop at; a preposition needs its object, so before a closing mark or الله they are the
    // family name (ياسر علي، …، عبد العزيز خلف.، عبد المنعم خلف الله). Pool: 4 names in 4
    // outlets were cut or split. Before the rule: 5 of the 5 rows failed.
    let table = [
        (
            "وأعلن مدرب الفريق، ياسر علي، عن التشكيلة.",
            "ياسر علي",
            Label::PERSON,
        ),
        (
            "وعين في المنصب عبد العزيز خلف.",
            "عبد العزيز خلف",
            Label::PERSON,
        ),
        (
            "ويشير الباحث عبد المنعم خلف الله، إلى أن الجيش تقدم.",
            "عبد المنعم خلف الله",
            Label::PERSON,
        ),
        ("وغاب عن التدريب سامي علي.", "سامي علي", Label::PERSON),
        (
            "وَقَالَ عَبْدُ الرَّحْمَنِ خَلَف: إن الخطة جاهزة.",
            "عَبْدُ الرَّحْمَنِ خَلَف",
            Label::PERSON,
        ),
    ];
    let failed = missing(&table);
    assert!(failed.is_empty(), "{failed:#?}");
    // The preposition before its object stays outside the name.
    let negative = [
        ("وحصل محمد على «الجائزة» أمس.", "محمد على"),
        ("وحصل محمد على الجائزة أمس.", "محمد على"),
        ("ووقف سامي خلف الباب.", "سامي خلف"),
    ];
    let failed = unwanted(Label::PERSON, &negative);
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
fn a_name_ends_before_the_noun_or_adverb_the_sentence_goes_on_with() {
    // After two name words, a word that an ordinal or a plain adjective describes (شوط أول،
    // مرة أخرى) or an accusative adverb of a nisba (دوليا، رسميا) is the sentence going on,
    // not a family name. Pool: 3 names in 3 outlets ran on so. Before the rule: 5 of the 6
    // rows failed.
    let table = [
        (
            "واعتزل المهاجم مشعل عبد الله دوليا.",
            "مشعل عبد الله",
            Label::PERSON,
        ),
        ("وقدم مصطفى محمد شوط أول جيد.", "مصطفى محمد", Label::PERSON),
        (
            "وسجّل علاء الدين مرة ثانية بعد ثلاث دقائق.",
            "علاء الدين",
            Label::PERSON,
        ),
        ("فسجل سامي أحمد مرة ثانية.", "سامي أحمد", Label::PERSON),
        (
            "وانضم خالد محمود رسميا إلى النادي.",
            "خالد محمود",
            Label::PERSON,
        ),
        (
            "وَلَعِبَ يوسف عبد الرحمن دَوْلِيًّا عشر سنوات.",
            "يوسف عبد الرحمن",
            Label::PERSON,
        ),
    ];
    let failed = missing(&table);
    assert!(failed.is_empty(), "{failed:#?}");
    // A third name word is still a family name.
    let names = [
        (
            "وقال سامي أحمد قرطام إن الاتفاق قريب.",
            "سامي أحمد قرطام",
            Label::PERSON,
        ),
        (
            "وأكد محمد أحمد حسين أن الوفد وصل.",
            "محمد أحمد حسين",
            Label::PERSON,
        ),
    ];
    let failed = missing(&names);
    assert!(failed.is_empty(), "{failed:#?}");
}

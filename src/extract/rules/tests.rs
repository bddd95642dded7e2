//! Tests of the fourth round's rule families (names from the shape of the sentence, names
//! that come back, names in quotation marks after a head noun), on invented sentences with
//! their surface variants: proclitics, harakat on and off, «» and "" quotes.

use super::test_tables::found;
use crate::annotate::Label;

#[track_caller]
fn assert_has(text: &str, span: &str, label: Label) {
    let all = found(text);
    assert!(
        all.iter().any(|(s, l)| s == span && *l == label),
        "{span} [{label:?}] not in {all:?}"
    );
}

/// No finding of `text` contains `part`.
#[track_caller]
fn assert_nothing_with(text: &str, part: &str) {
    let all = found(text);
    assert!(
        !all.iter().any(|(s, _)| s.contains(part)),
        "{part} in {all:?}"
    );
}

#[track_caller]
fn assert_no(text: &str, label: Label) {
    let all = found(text);
    assert!(
        !all.iter().any(|(_, l)| *l == label),
        "{label:?} in {all:?}"
    );
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
fn a_family_name_comes_back_alone_anywhere_in_the_article() {
    // The headline names him by his family name before the text gives the full name.
    let text = "تاكاشي: لا تغيير في الموعد\nصرح هيروشي تاكاشي رئيس الاتحاد الآسيوي للتزلج بأن البطولة قائمة.\nوأكد تاكاشي أن الاستعدادات اكتملت، ولتاكاشي رأي آخر.";
    let people: Vec<_> = found(text)
        .into_iter()
        .filter(|(s, l)| *l == Label::PERSON && s == "تاكاشي")
        .collect();
    assert_eq!(people.len(), 2, "{:?}", found(text));
    assert_has(text, "هيروشي تاكاشي", Label::PERSON);
    // A definite family name without a nisba ending comes back after a verb.
    let text = "قال رئيس الجمعية سالم الدويك إن الأسعار ارتفعت.\nوشرح الدويك أن الطلب زاد.\nاقترح الدويك حلولا.";
    let people = found(text)
        .into_iter()
        .filter(|(s, l)| *l == Label::PERSON && s == "الدويك")
        .count();
    assert_eq!(people, 2, "{:?}", found(text));
}

#[test]
fn a_name_in_quotation_marks_after_a_head_noun_takes_the_heads_label() {
    // The name without its marks and its head (guidelines §9.4), with «» and "".
    let text = "أطلقت مجموعة «سحابة الشمال» حملة جديدة.";
    assert_has(text, "سحابة الشمال", Label::ORG);
    let text = "عرض المهرجان لفيلم \"ليالي الرمل\" للمرة الأولى.";
    assert_has(text, "ليالي الرمل", Label::MISC);
    let text = "وَفازَت بِجائِزَةِ «القَلَمِ الذَّهَبِيِّ» هذا العام.";
    assert_has(text, "القَلَمِ الذَّهَبِيِّ", Label::MISC);
    let text = "وتنطلق غدا فعاليات مهرجان «أيام الزيتون» في القرية.";
    assert_has(text, "أيام الزيتون", Label::EVENT);
    // A definite organisation head before a quotation is a speaker, not a name.
    let text = "وقالت الحركة \"لن نشارك في الانتخابات\" في بيان.";
    assert!(
        !found(text).iter().any(|(s, _)| s.contains("نشارك")),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_transliterated_name_after_the_head_of_a_work() {
    let text = "اكتشف الباحثون فيروس كرونوكس الذي يصيب الهواتف.";
    assert_has(text, "فيروس كرونوكس", Label::MISC);
    let text = "وشاهد الجمهور لفيلم تامبيرو في الافتتاح.";
    assert_has(text, "فيلم تامبيرو", Label::MISC);
    // Arabic words after the head are a description, not a name.
    for text in [
        "اكتشف الباحثون فيروس جديد للتجسس.",
        "أطلق المتطوعون حملة لتوزيع الطعام.",
        "بث القناة لفيلم رسوم متحركة.",
        "أعلن عن مشروع استثمار كبير.",
    ] {
        assert_no(text, Label::MISC);
    }
}

#[test]
fn a_short_form_of_a_name_found_in_full_comes_back() {
    // A work without its head, also with a conjunction glued to it.
    let text = "رصدت الشركة فيروس كرونوكس في الهواتف.\nويختلف كرونوكس عن غيره، وكرونوكس أخطر.";
    let misc = found(text)
        .into_iter()
        .filter(|(s, l)| *l == Label::MISC && s == "كرونوكس")
        .count();
    assert_eq!(misc, 2, "{:?}", found(text));
    // An acronym in parentheses after an organisation's name, and alone later.
    let text = "قرر حزب التجمع الوطني للعمل (تاجو) الانسحاب.\nوقال قادة تاجو إن القرار نهائي.";
    let org = found(text)
        .into_iter()
        .filter(|(s, l)| *l == Label::ORG && s == "تاجو")
        .count();
    assert_eq!(org, 2, "{:?}", found(text));
    // A foreign given name no list knows comes back alone; the full name in a headline is
    // one name, not two.
    let text = "ماتياس كورنر يفوز بالسباق\nفاز ماتياس كورنر رئيس النادي المحلي بالسباق، وقال ماتياس إنه سعيد.";
    assert_has(text, "ماتياس كورنر", Label::PERSON);
    assert_has(text, "ماتياس", Label::PERSON);
    assert!(
        !found(text).iter().any(|(s, _)| s == "كورنر"),
        "{:?}",
        found(text)
    );
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
fn a_second_name_coordinated_with_a_person_found() {
    let text = "أسسها الثنائي جون كارتر وبريتون هالوك عام 2001.";
    assert_has(text, "جون كارتر", Label::PERSON);
    assert_has(text, "بريتون هالوك", Label::PERSON);
    // وكيل is a word with a conjunction-looking letter, not و + a name.
    assert_no("التقى سامي وكيل قاضي التحقيق.", Label::MISC);
    assert_nothing_with("التقى جون كارتر وكيل قاضي التحقيق.", "قاضي");
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
fn a_month_with_its_epithet_is_one_date() {
    assert_has(
        "يبدأ شهر رمضان المبارك في المدينة.",
        "شهر رمضان المبارك",
        Label::DATE,
    );
    assert_has(
        "وفي رمضانَ الكريمِ تكثر الزيارات.",
        "رمضانَ الكريمِ",
        Label::DATE,
    );
}

#[test]
fn an_event_head_takes_its_defining_complement() {
    let text = "افتتح أمس مؤتمر أصدقاء البيئة في العاصمة.";
    assert_has(text, "مؤتمر أصدقاء البيئة", Label::EVENT);
    let text = "وفاز الفيلم بجائزة في مهرجان القاهرة السينمائي الدولي.";
    assert_has(text, "مهرجان القاهرة السينمائي الدولي", Label::EVENT);
    let text = "وتأهل الفريق إلى نهائي كأس الاتحاد الآسيوي.";
    assert_has(text, "كأس الاتحاد الآسيوي", Label::EVENT);
    // Without a defining word, or an operation named by a verbal noun, there is no name.
    for text in [
        "عقد الوزير مؤتمر صحفي أمس.",
        "دعا الحزب إلى انتخابات مبكرة.",
        "انتهت عملية الفرز مساء.",
        "تعرض الموقع لهجوم إلكتروني.",
    ] {
        assert_no(text, Label::EVENT);
    }
    // An election stops before the body it is held in.
    let text = "جرت انتخابات رئاسة الاتحاد المصري للسباحة أمس.";
    assert_has(text, "الاتحاد المصري للسباحة", Label::ORG);
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

//! Tests of the names that come back in an article: a family name alone, a short form of a name
//! found in full, a second name coordinated with a person found, on invented sentences.

use super::test_tables::{assert_has, assert_no, assert_nothing_with, found};
use crate::annotate::Label;

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
fn a_second_name_coordinated_with_a_person_found() {
    let text = "أسسها الثنائي جون كارتر وبريتون هالوك عام 2001.";
    assert_has(text, "جون كارتر", Label::PERSON);
    assert_has(text, "بريتون هالوك", Label::PERSON);
    // وكيل is a word with a conjunction-looking letter, not و + a name.
    assert_no("التقى سامي وكيل قاضي التحقيق.", Label::MISC);
    assert_nothing_with("التقى جون كارتر وكيل قاضي التحقيق.", "قاضي");
}

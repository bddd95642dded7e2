//! Tests of names in quotation marks or transliterated after a head noun (a work, a body): the
//! name takes the head's label, on invented sentences with «» and "" quotes.

use super::test_tables::{assert_has, assert_no, found};
use crate::annotate::Label;

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

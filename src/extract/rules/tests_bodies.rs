//! Tests of the seventh round's families for bodies, states, laws and events: a verbal noun in
//! اية heading an organisation's complement, the sport of a federation, the long names of
//! states and laws named by their complement, each a table of invented sentences with surface
//! variants (proclitics, harakat) and negative rows.

use super::test_tables::failures_of;
use crate::annotate::Label;

#[test]
fn a_verbal_noun_in_aya_or_a_sport_continues_an_organisations_name() {
    // Before the rules: 4 of the 5 rows failed (حماية and رعاية read as feminine adjectives,
    // لكرة and لألعاب as no complement).
    let table = [
        (
            "وقالت جمعية حماية المستهلك إن الأسعار ارتفعت.",
            "جمعية حماية المستهلك",
        ),
        ("وأعلنت جمعية رعاية الأيتام عن حملة.", "جمعية رعاية الأيتام"),
        (
            "وقال رئيس الاتحاد السوداني لكرة القدم إن المدرب باق.",
            "الاتحاد السوداني لكرة القدم",
        ),
        (
            "وفاز بطل الاتحاد المصري لألعاب القوى بالسباق.",
            "الاتحاد المصري لألعاب القوى",
        ),
        // An indefinite feminine adjective after the head still makes no name.
        ("وقالت جمعية خيرية إن المساعدات وصلت.", ""),
    ];
    let failed = failures_of(Label::ORG, &table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_state_noun_with_a_nationality_adjective_is_the_states_long_name() {
    // Before the rule: 3 of the 4 rows failed (the adjectives were NORPs).
    let table = [
        (
            "وقالت وزارة خارجية الجمهورية الإسلامية الإيرانية إن الوفد وصل.",
            "الجمهورية الإسلامية الإيرانية",
        ),
        (
            "وزار الوفد المملكة الأردنية الهاشمية أمس.",
            "المملكة الأردنية الهاشمية",
        ),
        (
            "وَزَارَ الوَفْدُ المَمْلَكَةَ الأُرْدُنِيَّةَ الهَاشِمِيَّةَ.",
            "المَمْلَكَةَ الأُرْدُنِيَّةَ الهَاشِمِيَّةَ",
        ),
        ("وقال إن الجمهورية الجديدة ستبنى على العدل.", ""),
    ];
    let failed = failures_of(Label::GPE, &table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_law_named_by_its_complement_is_misc() {
    // Before the rule: 3 of the 5 rows failed (the three laws).
    let table = [
        (
            "وتنص المادة من قانون أمن الدولة الكويتي على العقوبة.",
            "قانون أمن الدولة الكويتي",
        ),
        (
            "وأقر المجلس تعديل قانون الانتخابات العامة.",
            "قانون الانتخابات العامة",
        ),
        ("وطالب المحتجون بقانون العقوبات الجديد.", "قانون العقوبات"),
        // A law described by a verb or an adjective has no name.
        ("وطالب المحتجون بقانون يجرم الإساءة.", ""),
        ("وأقر البرلمان قانونا جديدا للضرائب.", ""),
    ];
    let failed = failures_of(Label::MISC, &table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn an_event_head_before_another_and_a_meeting_named_by_its_place() {
    // بطولة before كأس is its word (the name is كأس …); a meeting named only by its place is
    // no event (guidelines §12). Before: 2 of the 4 rows failed.
    let table = [
        (
            "وفاز المنتخب ببطولة كأس الأمم الإفريقية.",
            "كأس الأمم الإفريقية",
        ),
        ("وعقد مؤتمر العلا أمس بحضور الوزراء.", ""),
        ("وعقدت قمة الرياض 2024 بحضور القادة.", "قمة الرياض 2024"),
        ("وألقى كلمة في مؤتمر حقوق الإنسان.", "مؤتمر حقوق الإنسان"),
    ];
    let failed = failures_of(Label::EVENT, &table);
    assert!(failed.is_empty(), "{failed:#?}");
}

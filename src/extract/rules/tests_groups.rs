//! Tests of the seventh round's families for groups and counts: nationalities behind a
//! proclitic the tokeniser left on them and peoples named by a broken plural (NORP), and
//! numbers written in words joined by و (NUMBER), each a table of invented sentences with
//! surface variants (harakat, digits and words) and negative rows.

use super::test_tables::failures_of;
use crate::annotate::Label;

#[test]
fn a_nationality_behind_a_glued_proclitic_is_a_norp() {
    // Before the rule: 6 of the 7 rows failed (all but the one without a nationality).
    let table = [
        ("وأوقفت الشرطة 12 مواطنا ومصريين وسوري وأردني.", "مصريين"),
        ("وأوقفت الشرطة 12 مواطنا ومصريين وسوري وأردني.", "سوري"),
        // An assimilated article keeps its lam (guidelines §2.3, like لجمعية).
        ("وقال إن الدعم وصل للفلسطينيين في القطاع.", "لفلسطينيين"),
        ("وَقَالَ إِنَّ الدَّعْمَ وَصَلَ لِلْفِلَسْطِينِيِّينَ.", "لْفِلَسْطِينِيِّينَ"),
        (
            "وقال إن القرار مهم بالنسبة للسودانيين، وفق بيان.",
            "لسودانيين",
        ),
        ("وأغضب القرار المغاربة في المدن الكبرى.", "المغاربة"),
        // A language is no people: with ب and the article, or feminine in a list.
        ("ونشر التقرير بالإنجليزية والعربية.", ""),
    ];
    let failed = failures_of(Label::NORP, &table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn numbers_in_words_joined_by_waw_are_one_number() {
    // Before the rule: 4 of the 5 rows failed (the four compound numbers).
    let table = [
        (
            "وبلغ عدد الضحايا أربعمئة وأربعة وثمانين شخصا.",
            "أربعمئة وأربعة وثمانين",
        ),
        ("وقتل ثلاثة وعشرون شخصا في الهجوم.", "ثلاثة وعشرون"),
        ("وبلغ عدد الإصابات 23 ألفا و433 حالة.", "23 ألفا و433"),
        ("وَقُتِلَ ثَلَاثَةٌ وَعِشْرُونَ شَخْصًا.", "ثَلَاثَةٌ وَعِشْرُونَ"),
        // و before a verb starts a new clause: two numbers.
        ("وقتل ثلاثة وأصيب خمسة آخرون.", "ثلاثة"),
    ];
    let failed = failures_of(Label::NUMBER, &table);
    assert!(failed.is_empty(), "{failed:#?}");
    // Two years in digits stay two dates.
    let failed = failures_of(Label::DATE, &[("في عامي 2019 و2020.", "2019")]);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn an_age_written_as_an_ordinal_is_a_number() {
    // Guidelines §12: ages as ordinals are NUMBER, ranks are not. Before the rule: 3 of the 5
    // rows failed (the three ages).
    let table = [
        ("وتستهدف الحملة الأطفال دون سن الخامسة فقط.", "الخامسة"),
        ("ويحق التصويت لمن بلغ سن الثامنة عشرة.", "الثامنة عشرة"),
        ("وتوفي الشاعر في الخامسة من عمره.", "الخامسة"),
        ("وحصل الفريق على المركز الخامس.", ""),
        ("وفاز للمرة الخامسة.", ""),
    ];
    let failed = failures_of(Label::NUMBER, &table);
    assert!(failed.is_empty(), "{failed:#?}");
}

//! Tests of the eighth round's entity families, each counted in the pool of real outlet
//! reports before it was written (docs/extraction.md, "Eighth round: entities"): a table of
//! invented sentences per family with surface variants (و/ف glued on, harakat, commas in a
//! list) and negative rows.

use super::test_tables::{found, missing};
use crate::annotate::Label;

/// The rows of a table of (sentence, span) where the span is found with `label`.
fn unwanted(label: Label, table: &[(&str, &str)]) -> Vec<String> {
    table
        .iter()
        .filter_map(|&(text, span)| {
            let all = found(text);
            let bad = all.iter().any(|(s, l)| s == span && *l == label);
            bad.then(|| format!("{text} → {all:?}"))
        })
        .collect()
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

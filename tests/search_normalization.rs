//! Search (`/` in the reader) ignores harakat, tatweel and the usual letter variants (أ/إ/آ/ٱ/ا,
//! ى/ي, ة/ه) in both the query and the text, every variant against every other, and returns the
//! text as written; letters that only look alike (ؤ/و, ئ/ي, ة/ت, ى/ا) stay distinct. The shared
//! matching normaliser agrees on the same folds.

use isnad::search::{SearchIndex, find_all_in};
use isnad::text::normalize::{fold_eq, normalize_str};

fn found<'a>(text: &'a str, query: &str) -> Vec<&'a str> {
    find_all_in(text, query)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

const ALEFS: [char; 5] = ['ا', 'أ', 'إ', 'آ', 'ٱ'];

#[test]
fn every_alef_matches_every_other_alef() {
    for in_text in ALEFS {
        let word = format!("{in_text}علن");
        let text = format!("ثم {word} الوزير");
        for in_query in ALEFS {
            let query = format!("{in_query}علن");
            assert_eq!(
                found(&text, &query),
                vec![word.as_str()],
                "{query} in {text}"
            );
            assert!(fold_eq(&word, &query));
        }
    }
}

#[test]
fn alef_maqsura_and_yeh_match_both_ways() {
    let text = "مستشفى الحكومة ومستشفي الجامعة";
    for query in ["مستشفى", "مستشفي"] {
        assert_eq!(found(text, query), vec!["مستشفى", "مستشفي"], "{query}");
    }
    // only at the end of a word too: على / علي
    assert_eq!(found("وقف على الطريق", "علي"), vec!["على"]);
    assert_eq!(found("قال علي", "على"), vec!["علي"]);
}

#[test]
fn teh_marbuta_and_heh_match_both_ways() {
    let text = "الوزارة أعلنت والوزاره نفت";
    for query in ["الوزارة", "الوزاره"] {
        assert_eq!(found(text, query), vec!["الوزارة", "الوزاره"], "{query}");
    }
}

#[test]
fn harakat_in_the_text_the_query_or_both() {
    let plain = "أكد الوزير أن المستشفى مفتوح";
    let voweled = "أَكَّدَ الوَزِيرُ أَنَّ المُسْتَشْفَى مَفْتُوحٌ";
    // fatha, kasra, damma, sukun, shadda, tanwin
    assert_eq!(found(voweled, "المستشفى"), vec!["المُسْتَشْفَى"]);
    assert_eq!(found(voweled, "مفتوح"), vec!["مَفْتُوحٌ"]);
    assert_eq!(found(voweled, "أكد"), vec!["أَكَّدَ"]);
    assert_eq!(found(plain, "المُسْتَشْفَى"), vec!["المستشفى"]);
    assert_eq!(found(plain, "مَفْتُوحٌ"), vec!["مفتوح"]);
    // differently voweled on each side
    assert_eq!(found(voweled, "مُفتَوح"), vec!["مَفْتُوحٌ"]);
    // dagger alef (superscript alef) is a mark too
    assert_eq!(found("هٰذا القرار", "هذا"), vec!["هٰذا"]);
    assert_eq!(found("هذا القرار", "هٰذا"), vec!["هذا"]);
}

#[test]
fn tatweel_in_the_text_or_the_query() {
    assert_eq!(found("الـــوزير قال", "الوزير"), vec!["الـــوزير"]);
    assert_eq!(found("الوزير قال", "الـــوزير"), vec!["الوزير"]);
    assert_eq!(found("قــــال", "قال"), vec!["قــــال"]);
}

#[test]
fn everything_at_once() {
    // tatweel, harakat, hamza on alef, alef maqsura and teh marbuta in one word pair
    let text = "وأعلنت إدارةُ الـمُسْتَشْفَـى";
    assert_eq!(found(text, "اداره المستشفي"), vec!["إدارةُ الـمُسْتَشْفَـى"]);
    assert_eq!(
        normalize_str("إدارةُ الـمُسْتَشْفَـى"),
        normalize_str("اداره المستشفي")
    );
}

#[test]
fn letters_that_only_look_alike_stay_distinct() {
    // hamza on waw / yeh is kept: folding it merges unrelated words
    assert!(found("قال مسؤول", "مسوول").is_empty());
    assert!(found("هيئة الأمم", "هييه").is_empty());
    // teh marbuta is not teh, alef maqsura is not alef
    assert!(found("الوزارة", "الوزارت").is_empty());
    assert!(found("مستشفى", "مستشفا").is_empty());
    // but the mark-free spelling of the same letters still matches
    assert_eq!(found("قال مسؤول", "مسؤول"), vec!["مسؤول"]);
}

#[test]
fn index_reused_for_several_queries_gives_the_same_ranges() {
    let text = "أعلنت الوزارة. ثم اعلنت الوزاره. ثم أَعْلَنَتْ الـوزارة";
    let index = SearchIndex::new(text);
    for query in ["اعلنت", "الوزارة", "أعلنت الوزاره"] {
        assert_eq!(index.find_all(query), find_all_in(text, query), "{query}");
    }
    assert_eq!(
        found(text, "أعلنت الوزاره"),
        vec!["أعلنت الوزارة", "اعلنت الوزاره", "أَعْلَنَتْ الـوزارة"]
    );
}

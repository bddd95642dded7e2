//! Properties of the matching normalisation and the extractor on arbitrary text: offsets map
//! back onto character boundaries in order, suggestions are always valid spans, and the whole
//! extraction (entities, cues, chains, stance, same_as) on text made of reporting phrases never
//! panics and always writes a file that `isnad validate` accepts.

#![allow(clippy::unwrap_used)]

use isnad::annotate::document::{DocumentInfo, to_json};
use isnad::annotate::validate::validate_text;
use isnad::article::Article;
use isnad::extract::{extract, extract_article, isnad::suggest_annotations};
use isnad::text::normalize::{NormalizedText, normalize_str};
use proptest::prelude::*;

/// Arabic letters, marks, tatweel, digits, controls, spaces, punctuation and an emoji.
fn arabic_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("ال".to_owned()),
        Just("و".to_owned()),
        Just("بغداد".to_owned()),
        Just("وزارة الصحة".to_owned()),
        Just("الرئيس".to_owned()),
        Just("مدينة".to_owned()),
        Just("12".to_owned()),
        Just("٣٫٥٪".to_owned()),
        Just(" / ".to_owned()),
        Just("( ".to_owned()),
        Just("\u{064E}".to_owned()),
        Just("\u{0651}".to_owned()),
        Just("\u{0640}".to_owned()),
        Just("\u{200F}".to_owned()),
        Just("ﻻ".to_owned()),
        Just("😀".to_owned()),
        Just(" ".to_owned()),
        Just("\n".to_owned()),
        Just("،".to_owned()),
        Just(" عام ".to_owned()),
        Just(" كانون ".to_owned()),
        Just(" الثاني ".to_owned()),
        Just(" أبو ".to_owned()),
        Just(" مقابلة مع ".to_owned()),
        Just(" د . ".to_owned()),
        Just(" : ".to_owned()),
        Just(" ) ".to_owned()),
        Just(" هجري ".to_owned()),
        Just(" بتاريخ ".to_owned()),
        Just(" 1948 ".to_owned()),
        Just(" دولار ".to_owned()),
        Just(" مليون ".to_owned()),
        Just(" للأمم المتحدة ".to_owned()),
        Just(" حي ".to_owned()),
        Just(" والتعليم ".to_owned()),
        Just(" محمد ".to_owned()),
        Just(" على ".to_owned()),
        "[\u{0600}-\u{06FF}]{1,3}",
        "[a-z0-9 ]{1,3}",
    ];
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

/// Pieces of reported speech: verbs of saying and denial, relays, speakers, every kind of
/// quotation mark and sentence end, so that the cue parser and the isnad rules meet their
/// shapes in every order, cut off and unbalanced (a «؟» before a cue, and a relay frame after the claim, once panicked).
fn reporting_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just(" قال ".to_owned()),
        Just(" وأضاف ".to_owned()),
        Just(" أكدت ".to_owned()),
        Just(" نفت ".to_owned()),
        Just(" لا صحة لما ".to_owned()),
        Just(" نقلت وكالة الأنباء عن ".to_owned()),
        Just(" بحسب ".to_owned()),
        Just(" حسبما أفادت ".to_owned()),
        Just(" وفق ما ذكرت صحيفة ".to_owned()),
        Just(" في بيان لها ".to_owned()),
        Just(" لقناة ".to_owned()),
        Just(" لـ".to_owned()),
        Just(" مصدر أمني ".to_owned()),
        Just(" وكالة الأنباء ".to_owned()),
        Just(" وزارة الداخلية ".to_owned()),
        Just(" الوزارة ".to_owned()),
        Just(" المتحدث باسم وزارة الداخلية ".to_owned()),
        Just(" المصدر ".to_owned()),
        Just(" هذه الأنباء ".to_owned()),
        Just(" سلمى حداد ".to_owned()),
        Just(" إن ".to_owned()),
        Just(" أن ".to_owned()),
        Just(" عن ".to_owned()),
        Just(" إلى ".to_owned()),
        Just(" مشيرا ".to_owned()),
        Just(" قوله ".to_owned()),
        Just(" لم ".to_owned()),
        Just(" الجسر سيفتح غدا ".to_owned()),
        Just("«".to_owned()),
        Just("»".to_owned()),
        Just("\"".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("؟".to_owned()),
        Just("!".to_owned()),
        Just(".".to_owned()),
        Just("،".to_owned()),
        Just("؛".to_owned()),
        Just(":".to_owned()),
        Just(" - ".to_owned()),
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just("\n".to_owned()),
        Just("\u{064F}".to_owned()),
        "[\u{0600}-\u{06FF}]{1,3}",
    ];
    prop::collection::vec(pieces, 0..48).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(384))]

    #[test]
    fn the_whole_extraction_never_panics_and_writes_a_valid_file(text in reporting_text()) {
        let article = Article::from_text("props.txt", text);
        let set = suggest_annotations(&article, &extract_article(&article));
        let json = to_json(&DocumentInfo::for_article(&article, "props.txt".into()), &set, &article);
        let problems = validate_text(&json, "props.isnad.json", Some(&article));
        prop_assert!(problems.is_empty(), "{problems:?}\n{json}");
    }
}

proptest! {
    #[test]
    fn normalised_ranges_map_to_ordered_char_boundaries(text in arabic_text(), a in 0usize..200, b in 0usize..200) {
        let norm = NormalizedText::new(&text);
        prop_assert_eq!(norm.map.len(), norm.text.len() + 1);
        prop_assert!(norm.map.windows(2).all(|w| w[0] <= w[1]));
        let (s, e) = (a.min(b), a.max(b));
        let r = norm.to_original(s..e);
        prop_assert!(r.start <= r.end && r.end <= text.len());
        prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        prop_assert_eq!(normalize_str(&text), norm.text.clone());
    }

    #[test]
    fn suggestions_are_valid_spans(text in arabic_text()) {
        for s in extract(&text) {
            prop_assert!(s.range.start < s.range.end && s.range.end <= text.len());
            prop_assert!(text.is_char_boundary(s.range.start) && text.is_char_boundary(s.range.end));
            prop_assert!(s.score > 0.0 && s.score <= 1.0);
        }
    }
}

//! Tests of the extractor as a whole: one per rule family, on short Arabic sentences.

use super::*;

fn found(text: &str) -> Vec<(String, Label)> {
    extract(text)
        .into_iter()
        .map(|s| (text[s.range].to_owned(), s.label))
        .collect()
}

fn has(text: &str, span: &str, label: Label) -> bool {
    found(text).iter().any(|(s, l)| s == span && *l == label)
}

#[test]
fn debug_print() {
    for s in found(crate::article::SAMPLE_TEXT) {
        println!("{:?}", s);
    }
}

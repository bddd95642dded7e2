//! Runners shared by the rule tests' tables of invented sentences: what the extractor finds in
//! a sentence, which rows of a table it fails, and single-sentence assertions.

use crate::annotate::Label;
use crate::extract::extract;

/// Every (surface, label) the extractor finds in `text`.
pub(super) fn found(text: &str) -> Vec<(String, Label)> {
    extract(text)
        .into_iter()
        .map(|s| (text[s.range].to_owned(), s.label))
        .collect()
}

/// Runs a table of (sentence, expected `label` span or "" for none) and lists the rows that
/// fail: a row with a span fails when that exact span with `label` is missing, a row without
/// one when anything with `label` is found.
pub(super) fn failures_of(label: Label, table: &[(&str, &str)]) -> Vec<String> {
    table
        .iter()
        .filter_map(|&(text, want)| {
            let all = found(text);
            let mut with_label = all.iter().filter(|(_, l)| *l == label).map(|(s, _)| s);
            let ok = if want.is_empty() {
                with_label.next().is_none()
            } else {
                with_label.any(|s| s == want)
            };
            (!ok).then(|| format!("{text} → {all:?}"))
        })
        .collect()
}

/// Runs a table of (sentence, span, label) and lists the rows whose exact span with that label
/// is missing.
pub(super) fn missing(table: &[(&str, &str, Label)]) -> Vec<String> {
    table
        .iter()
        .filter_map(|(text, span, label)| {
            let all = found(text);
            let ok = all.iter().any(|(s, l)| s == span && l == label);
            (!ok).then(|| format!("{text} → {all:?}"))
        })
        .collect()
}

/// The rows of a table of (sentence, span) where the span is found with `label`.
pub(super) fn unwanted(label: Label, table: &[(&str, &str)]) -> Vec<String> {
    table
        .iter()
        .filter_map(|&(text, span)| {
            let all = found(text);
            let bad = all.iter().any(|(s, l)| s == span && *l == label);
            bad.then(|| format!("{text} → {all:?}"))
        })
        .collect()
}

/// `span` is found with `label` in `text`.
#[track_caller]
pub(super) fn assert_has(text: &str, span: &str, label: Label) {
    let all = found(text);
    assert!(
        all.iter().any(|(s, l)| s == span && *l == label),
        "{span} [{label:?}] not in {all:?}"
    );
}

/// No finding of `text` contains `part`.
#[track_caller]
pub(super) fn assert_nothing_with(text: &str, part: &str) {
    let all = found(text);
    assert!(
        !all.iter().any(|(s, _)| s.contains(part)),
        "{part} in {all:?}"
    );
}

/// Nothing with `label` is found in `text`.
#[track_caller]
pub(super) fn assert_no(text: &str, label: Label) {
    let all = found(text);
    assert!(
        !all.iter().any(|(_, l)| *l == label),
        "{label:?} in {all:?}"
    );
}

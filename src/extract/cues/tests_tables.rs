//! Table helpers shared by the cue parser's family test files (`tests_*.rs`): a family is a table
//! of invented sentences with the link each must give, and a table lists every failing row.

use super::Stance;
use super::tests::{Triple, triples};

/// One expected link: the text, the link's cue, its source (`None`: no source) and claim. The
/// text may hold other links (an earlier report a pronoun points back to); the row checks the
/// one link with this cue.
pub(super) type Row<'a> = (&'a str, &'a str, Option<&'a str>, &'a str);

/// The link of `text` whose cue is `cue`, when there is exactly one.
pub(super) fn link_with_cue(text: &str, cue: &str) -> Option<Triple> {
    let mut found: Vec<Triple> = triples(text).into_iter().filter(|t| t.cue == cue).collect();
    (found.len() == 1).then(|| found.remove(0))
}

/// The rows of `table` whose link is missing or has another source or claim, each with what
/// was found.
pub(super) fn failing(table: &[Row]) -> Vec<String> {
    table
        .iter()
        .filter_map(|&(text, cue, source, claim)| {
            let ok = link_with_cue(text, cue)
                .is_some_and(|t| t.source.as_deref() == source && t.claim == claim);
            (!ok).then(|| {
                let found: Vec<_> = triples(text)
                    .iter()
                    .map(|t| (t.source.clone(), t.cue.clone(), t.claim.clone()))
                    .collect();
                format!("{text}\n    found {found:?}")
            })
        })
        .collect()
}

/// Asserts that each text has its expected link by cue, listing every row that does not.
pub(super) fn assert_table(table: &[Row]) {
    let bad = failing(table);
    assert!(
        bad.is_empty(),
        "{} of {} rows fail:\n{}",
        bad.len(),
        table.len(),
        bad.join("\n")
    );
}

/// Asserts that each text gives exactly `links` links, listing every one that does not.
pub(super) fn assert_link_counts(rows: &[(&str, usize)]) {
    let bad: Vec<String> = rows
        .iter()
        .filter(|(text, links)| triples(text).len() != *links)
        .map(|(text, links)| format!("{text}\n    expected {links}, found {:?}", triples(text)))
        .collect();
    assert!(
        bad.is_empty(),
        "{} rows fail:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// One expected link of a one-link sentence: the sentence, its source (`None`: no source), cue and claim.
pub(super) type SourceRow<'a> = (&'a str, Option<&'a str>, &'a str, &'a str);

/// The rows of `table` whose text does not give exactly one link with the expected source, cue
/// and claim, each with what was found.
pub(super) fn failing_source_first(table: &[SourceRow]) -> Vec<String> {
    table
        .iter()
        .filter_map(|&(text, source, cue, claim)| {
            let all = triples(text);
            let ok = all.len() == 1
                && all[0].source.as_deref() == source
                && all[0].cue == cue
                && all[0].claim == claim;
            (!ok).then(|| {
                let found: Vec<_> = all
                    .iter()
                    .map(|t| (t.source.clone(), t.cue.clone(), t.claim.clone()))
                    .collect();
                format!("{text}\n    found {found:?}")
            })
        })
        .collect()
}

/// Asserts that none of `texts` gives a link, listing every one that does.
pub(super) fn assert_no_links(texts: &[&str]) {
    let bad: Vec<String> = texts
        .iter()
        .filter(|t| !triples(t).is_empty())
        .map(|t| format!("{t}\n    found {:?}", triples(t).len()))
        .collect();
    assert!(
        bad.is_empty(),
        "{} of {} texts give links:\n{}",
        bad.len(),
        texts.len(),
        bad.join("\n")
    );
}

/// Asserts that each text gives exactly its one expected link, listing every row that does not.
pub(super) fn assert_source_table(table: &[SourceRow]) {
    let bad = failing_source_first(table);
    assert!(
        bad.is_empty(),
        "{} of {} rows fail:\n{}",
        bad.len(),
        table.len(),
        bad.join("\n")
    );
}

/// The (source, cue, claim) of every suggestion in `text`.
pub(super) fn links(text: &str) -> Vec<(Option<String>, String, String)> {
    triples(text)
        .into_iter()
        .map(|t| (t.source, t.cue, t.claim))
        .collect()
}

/// The links of `text` to the claim `claim`: (source, cue, stance).
pub(super) fn stances_on(text: &str, claim: &str) -> Vec<(Option<String>, String, Stance)> {
    triples(text)
        .into_iter()
        .filter(|t| t.claim == claim)
        .map(|t| (t.source, t.cue, t.stance))
        .collect()
}

/// Each case has two links to `claim`, the second by `source` with `cue` and `stance`.
pub(super) fn assert_second_stance(cases: &[(&str, &str, &str, &str, Stance)]) {
    for &(text, claim, source, cue, stance) in cases {
        let links = stances_on(text, claim);
        assert_eq!(links.len(), 2, "{text}: {links:#?}");
        assert_eq!(links[1].0.as_deref(), Some(source), "{text}");
        assert_eq!((links[1].1.as_str(), links[1].2), (cue, stance), "{text}");
    }
}

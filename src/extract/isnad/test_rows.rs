//! What the chain rules' tests share: the row types of their tables (a chain, one hand, a
//! denial, a later mention) and the checks that run a table and report every row that failed.

#![cfg(test)]
#![allow(clippy::unwrap_used)]

use crate::article::Article;
use crate::extract::extract;
use crate::extract::isnad::{chains_in, suggest_annotations};

/// One invented sentence and the chain it must give: the speaker's text and the hands', from
/// the speaker outward. No hands: the sentence must give no chain at all.
pub(super) struct Row {
    pub(super) text: &'static str,
    pub(super) speaker: &'static str,
    pub(super) hands: &'static [&'static str],
}

pub(super) const fn row(
    text: &'static str,
    speaker: &'static str,
    hands: &'static [&'static str],
) -> Row {
    Row {
        text,
        speaker,
        hands,
    }
}

/// Every row of `rows` that does not give its chain, with what was found instead.
pub(super) fn misses(rows: &[Row]) -> Vec<String> {
    let mut out = Vec::new();
    for r in rows {
        let found = chains_in(r.text);
        let ok = if r.hands.is_empty() {
            found.is_empty()
        } else {
            found
                .iter()
                .any(|(_, speaker, hands)| speaker == r.speaker && hands == r.hands)
        };
        if !ok {
            let found: Vec<String> = found
                .iter()
                .map(|(_, s, h)| format!("{s} ← {}", h.join(" ← ")))
                .collect();
            out.push(format!(
                "{}\n   want {} ← {}\n   found {found:?}",
                r.text,
                r.speaker,
                r.hands.join(" ← ")
            ));
        }
    }
    out
}

pub(super) fn check(rows: &[Row]) {
    let m = misses(rows);
    assert!(
        m.is_empty(),
        "{} of {} rows:\n{}",
        m.len(),
        rows.len(),
        m.join("\n")
    );
}

/// One invented sentence, the speaker and the hands of the chain it must give.
pub(super) type ChainRow = (&'static str, &'static str, &'static [&'static str]);

/// Checks (text, later mention, first mention) rows of `same_as`: every later mention links to
/// its first.
pub(super) fn check_same_as(rows: &[(&str, &str, &str)]) {
    let misses: Vec<String> = rows
        .iter()
        .filter_map(|&(text, later, first)| {
            let l = same_as_links(text);
            let ok = l.iter().any(|(m, f)| m == later && f == first);
            (!ok).then(|| format!("{text}\n   want {later} → {first}\n   found {l:?}"))
        })
        .collect();
    assert_no_misses(&misses, rows.len());
}

/// The rows of `rows` that do not give their chain, with what was found instead.
pub(super) fn chain_misses(rows: &[ChainRow]) -> Vec<String> {
    rows.iter()
        .filter_map(|&(text, speaker, hands)| {
            let found = chains_in(text);
            let ok = found.iter().any(|(_, s, h)| {
                s == speaker && h.iter().map(String::as_str).eq(hands.iter().copied())
            });
            (!ok).then(|| format!("{text}\n   want {speaker} ← {hands:?}\n   found {found:?}"))
        })
        .collect()
}

pub(super) fn check_chains(rows: &[ChainRow]) {
    assert_no_misses(&chain_misses(rows), rows.len());
}

/// One invented sentence with a claim, its speaker and the one hand it came through.
pub(super) type OneHandRow = (&'static str, &'static str, &'static str, &'static str);

/// Checks (sentence, claim, speaker, hand) rows: the claim is linked to its speaker through
/// that one hand and no other.
pub(super) fn check_one_hand(rows: &[OneHandRow]) {
    let misses: Vec<String> = rows
        .iter()
        .filter_map(|&(text, claim, speaker, hand)| {
            let c = chains_in(text);
            let ok = c
                .iter()
                .any(|(cl, s, via)| cl == claim && s == speaker && via == &[hand.to_owned()]);
            (!ok)
                .then(|| format!("{text}\n   want {speaker} via [{hand}]: {claim}\n   found {c:?}"))
        })
        .collect();
    assert_no_misses(&misses, rows.len());
}

/// Fails with every row of a table that did not give what it wants (`misses`, one message
/// each), so that one run shows all of them.
pub(super) fn assert_no_misses(misses: &[String], rows: usize) {
    assert!(
        misses.is_empty(),
        "{} of {rows} rows:\n{}",
        misses.len(),
        misses.join("\n")
    );
}

/// (source, claim, stance) of every link in the suggestions for `text`.
pub(super) fn links(text: &str) -> Vec<(String, String, String)> {
    let article = Article::from_text("t", text.to_owned());
    let set = suggest_annotations(&article, &extract(&article.text));
    set.attributions
        .iter()
        .map(|a| {
            let s = set.sources.iter().find(|s| s.id == a.source_id).unwrap();
            let c = set.claims.iter().find(|c| c.id == a.claim_id).unwrap();
            (
                s.span.unwrap().text(&article).to_owned(),
                c.span.text(&article).to_owned(),
                a.stance.as_str().to_owned(),
            )
        })
        .collect()
}

/// One invented denial: the sentence, the one who denies and the denied content.
pub(super) type DenialRow = (&'static str, &'static str, &'static str);

/// Every row's denier must deny its content.
pub(super) fn check_denials(rows: &[(&str, &str, &str)]) {
    check_stance(rows, "denies");
}

/// Checks (text, speaker, claim) rows: each gives a link from the speaker to the claim with
/// `stance`.
pub(super) fn check_stance(rows: &[(&str, &str, &str)], stance: &str) {
    let misses: Vec<String> = rows
        .iter()
        .filter_map(|&(text, who, claim)| {
            let l = links(text);
            let ok = l
                .iter()
                .any(|(s, c, st)| s == who && c == claim && st == stance);
            (!ok).then(|| format!("{text}\n   want {who} {stance} {claim}\n   found {l:?}"))
        })
        .collect();
    assert_no_misses(&misses, rows.len());
}

/// (mention, the first mention it refers to) of every source with `same_as`.
pub(super) fn same_as_links(text: &str) -> Vec<(String, String)> {
    let article = Article::from_text("t", text.to_owned());
    let set = suggest_annotations(&article, &extract(&article.text));
    let name = |id: &str| {
        let s = set.sources.iter().find(|s| s.id == id).unwrap();
        s.span.unwrap().text(&article).to_owned()
    };
    set.sources
        .iter()
        .filter_map(|s| Some((name(&s.id), name(s.same_as.as_ref()?))))
        .collect()
}

/// One invented pair of mentions: the text, the later mention and the first one.
pub(super) type SameRow = (&'static str, &'static str, &'static str);

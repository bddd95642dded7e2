//! The built-in Arabic entity extractor (offline, no model): normalisation with an offset map,
//! tokenisation with lexicon-checked proclitic stripping, gazetteers matched with an
//! Aho–Corasick automaton, and trigger rules for people, organisations, places, dates, numbers
//! and money.

pub mod conll;
pub mod counts;
pub mod cues;
pub mod eval;
pub mod gazetteer;
pub mod import;
pub mod isnad;
pub mod learned;
pub mod lexicon;
pub mod open;
pub mod rules;
pub mod tokens;
pub mod wordlists;

use std::ops::Range;

use crate::annotate;
use crate::annotate::Label;
use crate::article::Article;
use crate::text::normalize::NormalizedText;

/// One suggested entity: a byte range into the text given to [`extract`].
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub range: Range<usize>,
    pub label: Label,
    /// Which list or rule found it: `gazetteer:places`, `rule:title`, …
    pub by: &'static str,
    pub score: f32,
}

/// Finds entities in `text` as the attribution guidelines mark them (§9.3: flat, longest name,
/// no entity inside another: جامعة بيرزيت is one ORG). Ranges are byte ranges into `text`, on
/// character boundaries, sorted by start, then longest first.
pub fn extract(text: &str) -> Vec<Suggestion> {
    let mut out = extract_nested(text);
    drop_nested(&mut out);
    out
}

/// [`extract`] with the names inside longer names of another label kept (جامعة بيرزيت ORG ⊃
/// بيرزيت GPE), for gold sets that nest them (Wojood, `isnad eval --gold FILE.conll`);
/// identical ranges keep the best-scored label.
pub fn extract_nested(text: &str) -> Vec<Suggestion> {
    extract_nested_folded(&NormalizedText::new(text))
}

/// [`extract`] for an article, on the folded text the article keeps ([`Article::folded`]),
/// which the cue parser and the isnad rules read too: the article is folded once, not once
/// per layer. Gives what `extract(&article.text)` gives.
pub fn extract_article(article: &Article) -> Vec<Suggestion> {
    let mut out = extract_nested_folded(article.folded());
    drop_nested(&mut out);
    out
}

/// [`extract_nested`] on text already folded, with its map back to the original.
fn extract_nested_folded(norm: &NormalizedText) -> Vec<Suggestion> {
    let toks = tokens::tokenize(&norm.text);
    let found = rules::run(&norm.text, &toks);
    let mut out: Vec<Suggestion> = found
        .into_iter()
        .map(|f| Suggestion {
            range: norm.to_original(f.range),
            label: f.label,
            by: f.by,
            score: f.score,
        })
        .filter(|s| s.range.start < s.range.end)
        .collect();
    resolve(&mut out);
    out
}

/// The built-in suggestions for an article as annotation entities: status `suggested`,
/// origin `rule` with the rule or list that found them and its score.
pub fn suggest_entities(article: &Article) -> Vec<annotate::Entity> {
    to_entities(article, &extract_article(article))
}

/// Converts suggestions on `article.text` into annotation entities (spans that do not fit the
/// article are skipped).
pub fn to_entities(article: &Article, suggestions: &[Suggestion]) -> Vec<annotate::Entity> {
    suggestions
        .iter()
        .filter_map(|s| {
            let label = s.label.clone();
            let score = (f64::from(s.score) * 1000.0).round() / 1000.0;
            let origin = annotate::Origin::rule(s.by, Some(score));
            annotate::Entity::suggested(article, s.range.clone(), label, origin).ok()
        })
        .collect()
}

/// Converts imported mentions into annotation entities: status `suggested`, origin `import`
/// by the tool, with the tool's own label kept in `original_label`.
pub fn imported_entities(
    article: &Article,
    outcome: &import::ImportOutcome,
) -> Vec<annotate::Entity> {
    outcome
        .mentions
        .iter()
        .filter_map(|m| {
            let label = m.label.clone();
            let mut origin = annotate::Origin::import(&outcome.tool);
            origin.score = m
                .score
                .map(|x| (f64::from(x) * 10_000.0).round() / 10_000.0);
            let mut entity =
                annotate::Entity::suggested(article, m.range.clone(), label, origin).ok()?;
            if m.raw_label != m.label.as_str() {
                entity.original_label = Some(m.raw_label.clone());
            }
            Some(entity)
        })
        .collect()
}

/// Settles competing findings: one label per range; gazetteer entries beat weaker rule
/// findings that overlap them partially with the same label group; sorted output.
fn resolve(out: &mut Vec<Suggestion>) {
    out.sort_by(|a, b| {
        a.range
            .start
            .cmp(&b.range.start)
            .then(b.range.end.cmp(&a.range.end))
            .then(b.score.total_cmp(&a.score))
    });
    out.dedup_by(|later, kept| later.range == kept.range);
    // Each pair of overlapping spans is looked at once, found with a sweep over the sorted
    // spans (linear in practice: spans are short, few are open at a time).
    let mut drop = vec![false; out.len()];
    let mut open: Vec<usize> = Vec::new();
    for i in 0..out.len() {
        let start = out[i].range.start;
        open.retain(|&o| out[o].range.end > start);
        for &o in &open {
            let (a, b) = (&out[o], &out[i]);
            let a_holds_b = a.range.start <= b.range.start && b.range.end <= a.range.end;
            let b_holds_a = b.range.start <= a.range.start && a.range.end <= b.range.end;
            if a.label == b.label {
                if a_holds_b {
                    // A same-label span inside a longer one adds nothing.
                    drop[i] = true;
                } else if b_holds_a {
                    drop[o] = true;
                } else if a.score > b.score {
                    // Crossing spans of one label: the weaker one goes.
                    drop[i] = true;
                } else if b.score > a.score {
                    drop[o] = true;
                }
            } else {
                // Numbers inside dates and money are part of them.
                let is_container = |l: &Label| [Label::DATE, Label::TIME, Label::MONEY].contains(l);
                if b.label == Label::NUMBER && is_container(&a.label) && a_holds_b {
                    drop[i] = true;
                } else if a.label == Label::NUMBER && is_container(&b.label) && b_holds_a {
                    drop[o] = true;
                }
            }
        }
        open.push(i);
    }
    let mut index = 0;
    out.retain(|_| {
        let keep = !drop[index];
        index += 1;
        keep
    });
}

/// Drops every suggestion inside a longer one (the list is sorted by start, longest first, with
/// no two equal ranges, so a span is inside another exactly when an earlier one reaches as far).
fn drop_nested(out: &mut Vec<Suggestion>) {
    let mut reach = 0;
    out.retain(|s| {
        let inside = s.range.end <= reach;
        reach = reach.max(s.range.end);
        !inside
    });
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;

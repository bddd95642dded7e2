//! Turning cue suggestions into annotation items (sources, claims, attributions), reusing what
//! the annotation set already holds.

use std::collections::HashSet;

use super::{
    AttributionSuggestion, ClaimSuggestion, CueSuggestions, SourceSuggestion, Stance, Template,
};
use crate::annotate::model;
use crate::annotate::model::QuoteType;
use crate::article::Article;

/// What [`add_to_annotations`] added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Added {
    pub sources: usize,
    pub claims: usize,
    pub attributions: usize,
}

/// Adds the suggestions to `set` as `suggested` items with origin `rule` by `cues:<template>`.
/// A source or claim whose span is already in the set (whatever its review status, so a
/// rejected suggestion does not come back) is reused rather than duplicated, and an
/// attribution already linking the same claim and source is skipped. Claims from passive cues
/// (`قيل إن`) have no source to link and are added alone. Spans that do not fit `article` are
/// skipped.
pub fn add_to_annotations(
    set: &mut model::AnnotationSet,
    article: &Article,
    suggestions: &CueSuggestions,
) -> Added {
    let mut added = Added::default();
    // The template that first used each source and claim, for their origin.
    let mut source_template: Vec<Option<Template>> = vec![None; suggestions.sources.len()];
    let mut claim_template: Vec<Option<Template>> = vec![None; suggestions.claims.len()];
    for a in &suggestions.attributions {
        if let Some(slot) = a.source.and_then(|s| source_template.get_mut(s)) {
            slot.get_or_insert(a.template);
        }
        if let Some(slot) = claim_template.get_mut(a.claim) {
            slot.get_or_insert(a.template);
        }
    }
    // The ids in use, kept here as items are pushed: the set's own index is out of date until
    // the lists are sorted at the end, and its fallback is a scan of every list per new item.
    let mut taken = set.ids();
    let source_ids: Vec<Option<String>> = (suggestions.sources.iter().zip(source_template))
        .map(|(s, template)| add_source(set, &mut taken, article, s, template, &mut added))
        .collect();
    let claim_ids: Vec<Option<String>> = (suggestions.claims.iter().zip(claim_template))
        .map(|(c, template)| add_claim(set, &mut taken, article, c, template, &mut added))
        .collect();
    for a in &suggestions.attributions {
        let (Some(Some(claim_id)), Some(Some(source_id))) = (
            claim_ids.get(a.claim),
            a.source.and_then(|s| source_ids.get(s)),
        ) else {
            continue;
        };
        if add_attribution(set, &mut taken, article, a, claim_id, source_id) {
            added.attributions += 1;
        }
    }
    set.sort();
    added
}

/// `cues:<template>`, the `by` of every item a template suggested.
fn by_of(template: Template) -> String {
    format!("cues:{}", template.as_str())
}

/// `id` when `taken` does not hold it, else a fresh random id for `kind`
/// ([`model::AnnotationSet::unique_id`] with the ids of `set` in `taken`); the id returned is
/// added to `taken`.
fn unique_id(
    set: &model::AnnotationSet,
    taken: &mut HashSet<String>,
    mut id: String,
    kind: model::ItemKind,
) -> String {
    while taken.contains(&id) {
        id = set.fresh_id(kind);
    }
    taken.insert(id.clone());
    id
}

/// The id of the source at `s.span`: the one already in `set`, or a new suggested one.
fn add_source(
    set: &mut model::AnnotationSet,
    taken: &mut HashSet<String>,
    article: &Article,
    s: &SourceSuggestion,
    template: Option<Template>,
    added: &mut Added,
) -> Option<String> {
    if let Some(existing) = set
        .sources
        .iter()
        .find(|x| x.span.is_some_and(|sp| sp.range() == s.span))
    {
        return Some(existing.id.clone());
    }
    let origin = model::Origin::rule(&by_of(template.unwrap_or(Template::Vso)), None);
    let mut source =
        model::Source::suggested(article, s.span.clone(), s.source_type, origin).ok()?;
    source.id = unique_id(set, taken, source.id, model::ItemKind::Source);
    source.name = article.text.get(s.name.clone())?.to_owned();
    let id = source.id.clone();
    set.sources.push(source);
    added.sources += 1;
    Some(id)
}

/// The id of the claim at `c.span`: the one already in `set`, or a new suggested one (a quote
/// when the claim is a direct quotation, else a statement).
fn add_claim(
    set: &mut model::AnnotationSet,
    taken: &mut HashSet<String>,
    article: &Article,
    c: &ClaimSuggestion,
    template: Option<Template>,
    added: &mut Added,
) -> Option<String> {
    if let Some(existing) = set.claims.iter().find(|x| x.span.range() == c.span) {
        return Some(existing.id.clone());
    }
    let claim_type = if c.quote_type == QuoteType::Direct {
        model::ClaimType::Quote
    } else {
        model::ClaimType::Statement
    };
    let origin = model::Origin::rule(&by_of(template.unwrap_or(Template::Vso)), None);
    let mut claim = model::Claim::suggested(article, c.span.clone(), claim_type, origin).ok()?;
    claim.id = unique_id(set, taken, claim.id, model::ItemKind::Claim);
    let id = claim.id.clone();
    set.claims.push(claim);
    added.claims += 1;
    Some(id)
}

/// Adds the attribution linking `claim_id` to `source_id` unless `set` already links them;
/// whether it was added.
fn add_attribution(
    set: &mut model::AnnotationSet,
    taken: &mut HashSet<String>,
    article: &Article,
    a: &AttributionSuggestion,
    claim_id: &str,
    source_id: &str,
) -> bool {
    if set
        .attributions
        .iter()
        .any(|x| x.claim_id == claim_id && x.source_id == source_id)
    {
        return false;
    }
    let cue = model::Span::checked(article, a.cue.clone()).ok();
    let origin = model::Origin::rule(&by_of(a.template), None);
    let mut attribution =
        model::Attribution::suggested(claim_id, source_id, cue, a.quote_type, origin);
    attribution.stance = match a.stance {
        Stance::Denies => model::Stance::Denies,
        Stance::Doubts => model::Stance::Doubts,
        Stance::Confirms => model::Stance::Confirms,
        Stance::Asserts | Stance::Believes | Stance::Predicts => model::Stance::Asserts,
    };
    attribution.id = unique_id(set, taken, attribution.id, model::ItemKind::Attribution);
    set.attributions.push(attribution);
    true
}

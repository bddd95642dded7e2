//! The learned stage of the attribution extractor (docs/extraction/learned.md): candidate
//! triples for recall ([`candidates`]: the rules' own, plus the other cue words with the
//! sources and claims they could take), features that name only the rules' verdicts and the
//! project's word classes ([`features`]), a linear model trained on gold ([`model`]), decoding
//! back into cue suggestions ([`decode`]) and training and cross-validation on gold folders
//! ([`train`], `isnad learn`).

mod candidates;
mod decode;
mod features;
mod index;
pub mod model;
pub mod train;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_candidates;
#[cfg(test)]
mod tests_decoding;
#[cfg(test)]
mod tests_features;
#[cfg(test)]
mod tests_model;

pub use model::Model;

use std::sync::LazyLock;

use crate::article::Article;
use crate::extract::Suggestion;
use crate::extract::cues::{self, CueSuggestions};
use candidates::{Candidate, Input};

/// The rules' suggestions for `article` and every candidate with its features (their names
/// too with `names`, for training); `entities` are the entity suggestions already computed
/// for it (sorted by start).
pub(crate) fn generate(
    article: &Article,
    entities: &[Suggestion],
    names: bool,
) -> (CueSuggestions, Vec<Candidate>) {
    let (rules, views) = cues::suggest_article_viewed(article);
    let input = Input {
        paragraphs: &views,
        rules: &rules,
        entities,
    };
    let mut found = candidates::candidates(&input);
    candidates::rank_groups(&mut found);
    let locate = features::Locator::new(&views);
    let spans = features::RuleSpans::new(&rules);
    let mut context: Option<features::CueContext> = None;
    let mut source_word = features::SourceWord::default();
    for c in &mut found {
        // candidates of one cue are generated together: its context is read once
        if !context.as_ref().is_some_and(|x| x.holds(c)) {
            context = features::CueContext::of(c, &locate, names);
        }
        let mut f = features::Features::new(names);
        features::describe(
            c,
            context.as_ref(),
            &locate,
            &spans,
            &mut source_word,
            &mut f,
        );
        c.ids = f.ids;
        if let Some(cue) = &context {
            c.shared = std::sync::Arc::clone(cue.shared_ids());
        }
        if let Some(own) = f.names {
            c.features = cue_names(context.as_ref(), own);
        }
    }
    (rules, found)
}

/// A candidate's feature names: its cue's own (as scored, first) then `own`.
fn cue_names(cue: Option<&features::CueContext>, own: Vec<String>) -> Vec<String> {
    match cue {
        Some(cue) => cue.shared_names().iter().cloned().chain(own).collect(),
        None => own,
    }
}

/// The shipped model, read once (`assets/model/attributions.tsv`; the file is checked by
/// `tests/learn_cli.rs` and the unit tests, so `None` here means a broken build).
static SHIPPED: LazyLock<Option<Model>> = LazyLock::new(|| Model::shipped().ok());

/// The cue suggestions for `article` with the shipped model's decisions applied (the rules'
/// own when the model does not read); `entities` as for [`generate`].
pub fn suggest(article: &Article, entities: &[Suggestion]) -> CueSuggestions {
    match SHIPPED.as_ref() {
        Some(model) => suggest_with(article, entities, model),
        None => cues::suggest_article(article),
    }
}

/// The cue suggestions for `article` with `model`'s decisions applied; `entities` as for
/// [`generate`].
pub fn suggest_with(article: &Article, entities: &[Suggestion], model: &Model) -> CueSuggestions {
    let (rules, found) = generate(article, entities, false);
    decide(&rules, &found, model)
}

/// The rules' suggestions with `model`'s decisions on the `candidates` applied: every caller
/// (extraction, scoring in training) scores through [`Model::scores`], so a ranking model is
/// scored as one everywhere.
pub(crate) fn decide(
    rules: &CueSuggestions,
    candidates: &[Candidate],
    model: &Model,
) -> CueSuggestions {
    decode::decode(rules, candidates, &model.scores(candidates), model)
}

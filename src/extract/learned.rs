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
mod tests_tenth;

pub use model::Model;

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
    for c in &mut found {
        // candidates of one cue are generated together: its context is read once
        if !context.as_ref().is_some_and(|x| x.holds(c)) {
            context = features::CueContext::of(c, &locate);
        }
        let mut f = features::Features::new(names);
        features::describe(c, context.as_ref(), &locate, &spans, &mut f);
        c.ids = f.ids;
        c.features = f.names.unwrap_or_default();
    }
    (rules, found)
}

/// The shipped model (`assets/model/attributions.tsv`), read once; `None` if it does not read
/// (a test checks that it does).
pub fn shipped() -> Option<&'static Model> {
    static SHIPPED: std::sync::OnceLock<Option<Model>> = std::sync::OnceLock::new();
    SHIPPED.get_or_init(|| Model::shipped().ok()).as_ref()
}

/// The cue suggestions for `article` with the shipped model's decisions applied (the rules'
/// alone if it does not read); `entities` as for [`suggest_with`].
pub fn suggest(article: &Article, entities: &[Suggestion]) -> CueSuggestions {
    match shipped() {
        Some(model) => suggest_with(article, entities, model),
        None => cues::suggest_article(article),
    }
}

/// The cue suggestions for `article` with `model`'s decisions applied.
pub fn suggest_with(article: &Article, entities: &[Suggestion], model: &Model) -> CueSuggestions {
    let (rules, found) = generate(article, entities, false);
    decode::decode(&rules, &found, &model.scores(&found), model)
}

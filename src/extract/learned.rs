//! The learned stage of the attribution extractor (docs/extraction/learned.md): candidate
//! triples for recall ([`candidates`]: the rules' own, plus the other cue words with the
//! sources and claims they could take), features that name only the rules' verdicts and the
//! project's word classes ([`features`]), a linear model trained on gold ([`model`]), decoding
//! back into cue suggestions ([`decode`]) and training and cross-validation on gold folders
//! ([`train`], `isnad learn`).

mod candidates;
mod decode;
mod features;
pub mod model;
pub mod train;

#[cfg(test)]
mod tests;

pub use model::Model;

use crate::article::Article;
use crate::extract::Suggestion;
use crate::extract::cues::{self, CueSuggestions};
use candidates::{Candidate, Input};

/// The rules' suggestions for `article` and every candidate with its features; `entities`
/// are the entity suggestions already computed for it (sorted by start).
pub(crate) fn generate(
    article: &Article,
    entities: &[Suggestion],
) -> (CueSuggestions, Vec<Candidate>) {
    let (rules, views) = cues::suggest_article_viewed(article);
    let input = Input {
        paragraphs: &views,
        rules: &rules,
        entities,
    };
    let mut found = candidates::candidates(&input);
    let locate = features::Locator::new(&views);
    for c in &mut found {
        features::describe(c, &locate, &rules);
    }
    (rules, found)
}

/// The cue suggestions for `article` with `model`'s decisions applied.
pub fn suggest_with(article: &Article, entities: &[Suggestion], model: &Model) -> CueSuggestions {
    let (rules, found) = generate(article, entities);
    let scores: Vec<f64> = found.iter().map(|c| model.score(&c.features)).collect();
    decode::decode(&rules, &found, &scores, model)
}

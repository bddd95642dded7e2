//! Helpers shared by the learned stage's unit tests (grouped by what they test:
//! `tests_candidates.rs`, `tests_features.rs`, `tests_decoding.rs`, `tests_model.rs`): the
//! candidates of an invented text, a hand-set model and the corpus's dev half.

use std::path::Path;

use super::candidates::Candidate;
use super::model::Model;
use super::{generate, train};
use crate::article::Article;
use crate::extract::cues::CueSuggestions;
use crate::extract::eval::gold::Half;

pub(super) fn candidates_of(text: &str) -> (Article, CueSuggestions, Vec<Candidate>) {
    let article = Article::from_text("test", text.to_owned());
    let entities = crate::extract::extract_article(&article);
    let (rules, found) = generate(&article, &entities, true);
    (article, rules, found)
}

pub(super) fn covers(article: &Article, range: &std::ops::Range<usize>, part: &str) -> bool {
    article
        .text
        .get(range.clone())
        .is_some_and(|t| t.contains(part))
}

pub(super) fn model(weights: &[(&str, f64)], keep: f64, add: f64, replace: f64) -> Model {
    Model::new(
        weights.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect(),
        (keep, add, replace),
    )
}

pub(super) fn dev_half() -> Vec<train::GoldDoc> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/attribution");
    train::load(&dir, Some(Half::Dev)).unwrap_or_else(|e| panic!("{e}"))
}

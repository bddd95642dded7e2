//! The annotated article of the annotation benchmarks (`benches/annotations.rs`,
//! `examples/annotation_io.rs`): repeated Wikinews text with accepted entities on it.

use std::collections::HashSet;
use std::ops::Range;

use isnad::annotate::model::{Item, ReviewStatus};
use isnad::annotate::{Entity, Label, Origin};
use isnad::article::Article;

pub const WIKINEWS: &str = include_str!("../../tests/data/wikinews-ar.txt");

/// The line put above the text to make every stored offset wrong by its length.
pub const PREPENDED_LINE: &str = "سطر أضيف في أعلى المقال\n";

/// `count` entities on `article`, accepted by a person (so every field of a review is
/// written): the built-in extractor's suggestions, then single words spread evenly over the
/// text until there are `count`. Ids are unique; `None` when the text is too short.
pub fn accepted_entities(article: &Article, count: usize) -> Option<Vec<Item>> {
    let label = Label::parse("MISC").ok()?;
    let words = word_ranges(&article.text);
    let step = (words.len() / count.max(1)).max(1);
    let spread = words.into_iter().step_by(step).filter_map(|w| {
        Entity::suggested(article, w, label.clone(), Origin::rule("bench", None)).ok()
    });
    let mut ids = HashSet::new();
    let items: Vec<Item> = isnad::extract::suggest_entities(article)
        .into_iter()
        .chain(spread)
        .filter(|e| ids.insert(e.id.clone()))
        .take(count)
        .map(|mut e| {
            e.review.set_status(ReviewStatus::Accepted, "bench");
            Item::Entity(e)
        })
        .collect();
    (items.len() == count).then_some(items)
}

fn word_ranges(text: &str) -> Vec<Range<usize>> {
    text.split_whitespace()
        .map(|w| {
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            start..start + w.len()
        })
        .collect()
}

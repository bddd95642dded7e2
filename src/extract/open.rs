//! Opening an article's annotations for the reader: when there is no annotation file yet, the
//! built-in extractor's suggestions are added (shown at once, written only after the first
//! change). Reads files, so the shell's loop calls it, never `update`.

use std::sync::Arc;

use crate::annotate::progress::LoadProgress;
use crate::annotate::{AnnotationSet, AnnotationStore, Item, StoreOptions};
use crate::article::Article;

/// Articles larger than this get no automatic suggestions on open (extraction would delay
/// opening); `isnad extract` still works on them.
pub const SUGGEST_LIMIT_BYTES: usize = 1024 * 1024;

/// Opens an article's annotations, with suggestions when there are none yet.
pub fn open_store(article: impl Into<Arc<Article>>, options: &StoreOptions) -> AnnotationStore {
    open_store_reporting(article, options, &LoadProgress::default())
}

/// [`open_store`], counting the items placed in `progress` (the reader opens annotations in
/// the background and shows how far re-anchoring got).
pub fn open_store_reporting(
    article: impl Into<Arc<Article>>,
    options: &StoreOptions,
    progress: &LoadProgress,
) -> AnnotationStore {
    let mut store = AnnotationStore::open_reporting(article, options, progress);
    let fresh = !store.path().exists() && store.set().is_empty() && !store.is_read_only();
    if fresh {
        let suggested = first_suggestions(store.article());
        store.add_suggestions(suggested.items());
    }
    store
}

/// The suggestions a first open adds to an article without annotations (none above
/// [`SUGGEST_LIMIT_BYTES`]): the extractor's entities, then the cue lexicon's sources, claims
/// and attributions. The library counts them for articles never opened
/// (`extract::counts`).
pub fn first_suggestions(article: &Article) -> AnnotationSet {
    let mut set = AnnotationSet::default();
    if article.text.len() > SUGGEST_LIMIT_BYTES {
        return set;
    }
    add_new(
        &mut set,
        crate::extract::suggest_entities(article)
            .into_iter()
            .map(Item::Entity),
    );
    // built on a copy of the set (the cue suggester reuses spans already there, and may widen
    // them), of which the items not there yet are added
    let cues = crate::extract::cues::suggest_article(article);
    let mut with_cues = set.clone();
    crate::extract::cues::add_to_annotations(&mut with_cues, article, &cues);
    add_new(&mut set, with_cues.items());
    set
}

/// Adds the items whose id is not in `set` yet (the first of each id), as
/// [`AnnotationStore::add_suggestions`] does.
fn add_new(set: &mut AnnotationSet, items: impl Iterator<Item = Item>) {
    let mut ids = set.ids();
    let new: Vec<Item> = items
        .filter(|item| ids.insert(item.id().to_owned()))
        .collect();
    set.upsert_all(new);
}

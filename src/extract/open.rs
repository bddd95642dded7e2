//! Opening an article's annotations for the reader: when there is no annotation file yet, the
//! built-in extractor's suggestions are added (shown at once, written only after the first
//! change). Reads files, so the shell's loop calls it, never `update`.

use std::sync::Arc;

use crate::annotate::progress::LoadProgress;
use crate::annotate::{AnnotationStore, Item, StoreOptions};
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
    if fresh && store.article().text.len() <= SUGGEST_LIMIT_BYTES {
        let entities = crate::extract::suggest_entities(store.article());
        store.add_suggestions(entities.into_iter().map(Item::Entity));
        // sources, claims and attributions from the cue lexicon: built on a copy of the set
        // (the cue suggester reuses spans already there), then added the same way
        let cues = crate::extract::cues::suggest_article(store.article());
        let mut with_cues = store.set().clone();
        crate::extract::cues::add_to_annotations(&mut with_cues, store.article(), &cues);
        store.add_suggestions(with_cues.items());
    }
    store
}

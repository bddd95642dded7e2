//! The annotating session's part of the state: the annotation store (with its undo history and
//! review statuses), who annotates, how annotation files are found, and what is unsaved.

use crate::annotate::{AnnotationStore, StoreOptions};
use crate::app::annotations::Unsaved;

pub struct Session {
    /// The article's annotations; `None` when they are not available (tests without files).
    pub store: Option<AnnotationStore>,
    /// Name recorded as `by` on annotations.
    pub annotator: String,
    /// How to find annotation files for articles opened with `:e`.
    pub store_options: Option<StoreOptions>,
    /// Unsaved annotation changes, for autosave timing.
    pub unsaved: Option<Unsaved>,
    /// The annotations being opened in the background (`store` is `None` meanwhile).
    pub opening: Option<crate::app::opening::Opening>,
}

impl Default for Session {
    fn default() -> Self {
        Self {
            store: None,
            annotator: "analyst".to_owned(),
            store_options: None,
            unsaved: None,
            opening: None,
        }
    }
}

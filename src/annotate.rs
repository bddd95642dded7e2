//! Annotations: the model (entities, sources, claims, attributions), their JSON file, undo/redo,
//! re-anchoring after the article text changes, validation, and export/import formats.

pub mod agreement;
pub mod anchor;
pub mod compare;
pub mod describe;
pub mod document;
pub mod file;
pub mod formats;
pub mod history;
pub mod isnad;
pub mod jsonpos;
pub mod library;
pub mod lock;
pub mod merge;
pub mod merge_files;
pub mod model;
pub mod output;
pub mod progress;
pub mod recovery;
pub mod report;
pub mod store;
pub mod team;
pub mod validate;

pub use history::{Applied, Edit, EditError};
pub use model::*;
pub use store::{AnnotationStore, Location, SaveOutcome, SaveReport, StoreError, StoreOptions};

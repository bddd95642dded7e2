//! Annotations: the model (entities, sources, claims, attributions), their JSON file, undo/redo,
//! re-anchoring after the article text changes, validation, and export/import formats.

pub mod model;

pub use model::*;

//! The annotation model held in memory: entities, sources, claims and attributions with their
//! spans (article byte ranges), provenance (`Origin`) and review state (`Review`), plus the
//! code-point span shape used in files (`FileSpan`) and the conversion between the two.

mod attribution;
mod claim;
mod entity;
mod id_index;
mod ids;
mod item;
mod label;
mod review;
mod set;
mod source;
mod span;
mod vocab;

pub use attribution::Attribution;
pub use claim::Claim;
pub use entity::Entity;
pub use ids::{id_for, is_valid_id, kind_of_id, new_id};
pub use item::{Item, ItemKind};
pub use label::Label;
pub use review::{Origin, Review, Verification, now_rfc3339};
pub use set::AnnotationSet;
pub use source::Source;
pub use span::{CONTEXT_CHARS, FileSpan, Span, SpanError};
pub use vocab::{
    ClaimType, OriginKind, QuoteType, ReviewStatus, SourceRole, SourceType, Stance,
    VerificationStatus, in_words,
};

/// A short article with an emoji and harakat, shared by the model's unit tests.
#[cfg(test)]
pub(crate) fn test_article() -> crate::article::Article {
    crate::article::Article::from_text("t", "قال 😀 إن القاهرة سُجّلت.".to_owned())
}

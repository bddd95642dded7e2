//! Sources: who a statement is attributed to.

use std::ops::Range;

use crate::article::Article;

use super::ids::id_for;
use super::item::ItemKind;
use super::review::{Origin, Review};
use super::span::{Span, SpanError};
use super::vocab::{SourceRole, SourceType};

/// Who a statement is attributed to, or a hand it passed through. `span` is `None` for pro-drop
/// sources ("وأضاف"), which then usually point at an entity.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: String,
    pub span: Option<Span>,
    pub name: String,
    pub source_type: SourceType,
    pub entity_id: Option<String>,
    /// Speaker, intermediary (in some attribution's `via`) or both.
    pub role: SourceRole,
    /// The source this mention refers back to ("المصدر" → "مصدر مسؤول بوزارة الخارجية"); the
    /// referent's chain of `same_as` ends at the mention that names the source.
    pub same_as: Option<String>,
    pub origin: Origin,
    pub review: Review,
    pub note: String,
    pub conflict_with: Option<String>,
}

impl Source {
    pub fn suggested(
        article: &Article,
        range: Range<usize>,
        source_type: SourceType,
        origin: Origin,
    ) -> Result<Self, SpanError> {
        let span = Span::checked(article, range)?;
        let key = format!("{}-{}:{}", span.start, span.end, source_type.as_str());
        Ok(Self {
            id: id_for(ItemKind::Source, &origin, &key),
            name: span.text(article).to_owned(),
            span: Some(span),
            source_type,
            entity_id: None,
            role: SourceRole::Speaker,
            same_as: None,
            origin,
            review: Review::suggested(),
            note: String::new(),
            conflict_with: None,
        })
    }

    /// A source tagged by hand (`s` key): type `unknown`, accepted.
    pub fn by_human(article: &Article, range: Range<usize>, by: &str) -> Result<Self, SpanError> {
        let mut s = Self::suggested(article, range, SourceType::Unknown, Origin::human(by))?;
        s.review = Review::accepted(by);
        Ok(s)
    }

    pub fn set_type(&mut self, source_type: SourceType, by: &str) {
        if source_type == self.source_type {
            return;
        }
        let old = serde_json::json!({ "source_type": self.source_type.as_str() });
        self.source_type = source_type;
        self.review.correct(old, by);
    }
}

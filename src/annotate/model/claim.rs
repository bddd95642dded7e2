//! Claims: checkable (or not) statements made in the article, with their verdict.

use std::ops::Range;

use crate::article::Article;

use super::ids::id_for;
use super::item::ItemKind;
use super::review::{Origin, Review, Verification};
use super::span::{Span, SpanError};
use super::vocab::ClaimType;

/// A checkable (or not) statement made in the article.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub id: String,
    pub span: Span,
    pub claim_type: ClaimType,
    pub verification: Verification,
    pub origin: Origin,
    pub review: Review,
    pub note: String,
    pub conflict_with: Option<String>,
}

impl Claim {
    pub fn suggested(
        article: &Article,
        range: Range<usize>,
        claim_type: ClaimType,
        origin: Origin,
    ) -> Result<Self, SpanError> {
        let key = format!("{}-{}:{}", range.start, range.end, claim_type.as_str());
        Ok(Self {
            id: id_for(ItemKind::Claim, &origin, &key),
            span: Span::checked(article, range)?,
            claim_type,
            verification: Verification::default(),
            origin,
            review: Review::suggested(),
            note: String::new(),
            conflict_with: None,
        })
    }

    /// A claim tagged by hand (`c` key): type `statement`, accepted.
    pub fn by_human(article: &Article, range: Range<usize>, by: &str) -> Result<Self, SpanError> {
        let mut c = Self::suggested(article, range, ClaimType::Statement, Origin::human(by))?;
        c.review = Review::accepted(by);
        Ok(c)
    }

    pub fn set_type(&mut self, claim_type: ClaimType, by: &str) {
        if claim_type == self.claim_type {
            return;
        }
        let old = serde_json::json!({ "claim_type": self.claim_type.as_str() });
        self.claim_type = claim_type;
        self.review.correct(old, by);
    }
}

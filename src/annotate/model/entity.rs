//! Entities: named mentions (person, organisation, place, date…) with their label.

use std::ops::Range;

use crate::article::Article;

use super::ids::id_for;
use super::item::ItemKind;
use super::label::Label;
use super::review::{Origin, Review};
use super::span::{Span, SpanError};

/// A named mention: person, organisation, place, date…
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub id: String,
    pub label: Label,
    /// The label an importer or model gave before mapping to ours (e.g. Wojood's `PERS`).
    pub original_label: Option<String>,
    pub span: Span,
    pub origin: Origin,
    pub review: Review,
    pub note: String,
    /// Id of the other copy when a save found this item changed both here and on disk.
    pub conflict_with: Option<String>,
}

impl Entity {
    /// A suggestion from a rule, model or importer: random id, status `suggested`.
    pub fn suggested(
        article: &Article,
        range: Range<usize>,
        label: Label,
        origin: Origin,
    ) -> Result<Self, SpanError> {
        let key = format!("{}-{}:{}", range.start, range.end, label.as_str());
        Ok(Self {
            id: id_for(ItemKind::Entity, &origin, &key),
            label,
            original_label: None,
            span: Span::checked(article, range)?,
            origin,
            review: Review::suggested(),
            note: String::new(),
            conflict_with: None,
        })
    }

    /// An entity tagged by hand: accepted at once.
    pub fn by_human(
        article: &Article,
        range: Range<usize>,
        label: Label,
        by: &str,
    ) -> Result<Self, SpanError> {
        let mut e = Self::suggested(article, range, label, Origin::human(by))?;
        e.review = Review::accepted(by);
        Ok(e)
    }

    /// Relabels, recording the old label in `review.previous`.
    pub fn relabel(&mut self, label: Label, by: &str) {
        if label == self.label {
            return;
        }
        let old = serde_json::json!({ "label": self.label.as_str() });
        self.label = label;
        self.review.correct(old, by);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::annotate::model::{ReviewStatus, is_valid_id, test_article as article};

    #[test]
    fn relabel_keeps_first_previous() {
        let a = article();
        let mut e = Entity::suggested(
            &a,
            0..6,
            Label::parse("ORG").unwrap(),
            Origin::rule("r", Some(0.5)),
        )
        .unwrap();
        e.relabel(Label::parse("PERSON").unwrap(), "me");
        e.relabel(Label::parse("GPE").unwrap(), "me");
        assert_eq!(e.review.status, ReviewStatus::Corrected);
        assert_eq!(e.review.previous, Some(serde_json::json!({"label": "ORG"})));
        assert_eq!(e.label.as_str(), "GPE");
    }

    #[test]
    fn a_suggestion_has_the_same_id_in_every_extraction_and_a_human_tag_a_new_one() {
        let a = article();
        let suggest = |range: std::ops::Range<usize>, label: &str, by: &str| {
            Entity::suggested(
                &a,
                range,
                Label::parse(label).unwrap(),
                Origin::rule(by, None),
            )
            .unwrap()
            .id
        };
        let id = suggest(0..6, "ORG", "r");
        assert_eq!(id, suggest(0..6, "ORG", "r"));
        assert!(is_valid_id(ItemKind::Entity, &id), "{id}");
        for other in [
            suggest(0..7, "ORG", "r"),
            suggest(0..6, "GPE", "r"),
            suggest(0..6, "ORG", "g"),
        ] {
            assert_ne!(id, other);
        }
        let tag = || {
            Entity::by_human(&a, 0..6, Label::parse("ORG").unwrap(), "me")
                .unwrap()
                .id
        };
        assert_ne!(tag(), tag());
    }
}

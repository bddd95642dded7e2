//! Any one item (`Item`) and its kind (`ItemKind`), for code that handles all four kinds alike:
//! history, merge, review, the reader's cursor.

use crate::article::Article;

use super::attribution::Attribution;
use super::claim::Claim;
use super::entity::Entity;
use super::review::{Origin, Review};
use super::source::Source;
use super::span::Span;

/// The four kinds of item, for code that handles any of them (history, merge, review).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    Entity,
    Source,
    Claim,
    Attribution,
}

impl ItemKind {
    /// Every kind, in the order of the lists of an annotation file.
    pub const ALL: [ItemKind; 4] = [
        ItemKind::Entity,
        ItemKind::Source,
        ItemKind::Claim,
        ItemKind::Attribution,
    ];

    /// The id prefix of this kind (`e`, `s`, `c`, `a`).
    pub fn prefix(self) -> &'static str {
        match self {
            ItemKind::Entity => "e",
            ItemKind::Source => "s",
            ItemKind::Claim => "c",
            ItemKind::Attribution => "a",
        }
    }

    /// One item of this kind, in messages ("entity", "claim"…).
    pub fn noun(self) -> &'static str {
        match self {
            ItemKind::Entity => "entity",
            ItemKind::Source => "source",
            ItemKind::Claim => "claim",
            ItemKind::Attribution => "attribution",
        }
    }

    /// The key of this kind's array in the file.
    pub fn key(self) -> &'static str {
        match self {
            ItemKind::Entity => "entities",
            ItemKind::Source => "sources",
            ItemKind::Claim => "claims",
            ItemKind::Attribution => "attributions",
        }
    }
}

/// Any one item.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Entity(Entity),
    Source(Source),
    Claim(Claim),
    Attribution(Attribution),
}

impl Item {
    pub fn id(&self) -> &str {
        match self {
            Item::Entity(x) => &x.id,
            Item::Source(x) => &x.id,
            Item::Claim(x) => &x.id,
            Item::Attribution(x) => &x.id,
        }
    }

    pub fn kind(&self) -> ItemKind {
        match self {
            Item::Entity(_) => ItemKind::Entity,
            Item::Source(_) => ItemKind::Source,
            Item::Claim(_) => ItemKind::Claim,
            Item::Attribution(_) => ItemKind::Attribution,
        }
    }

    /// The main span (the cue for attributions), if any.
    pub fn span(&self) -> Option<Span> {
        match self {
            Item::Entity(x) => Some(x.span),
            Item::Source(x) => x.span,
            Item::Claim(x) => Some(x.span),
            Item::Attribution(x) => x.cue,
        }
    }

    pub fn review(&self) -> &Review {
        match self {
            Item::Entity(x) => &x.review,
            Item::Source(x) => &x.review,
            Item::Claim(x) => &x.review,
            Item::Attribution(x) => &x.review,
        }
    }

    pub fn review_mut(&mut self) -> &mut Review {
        match self {
            Item::Entity(x) => &mut x.review,
            Item::Source(x) => &mut x.review,
            Item::Claim(x) => &mut x.review,
            Item::Attribution(x) => &mut x.review,
        }
    }

    pub fn origin(&self) -> &Origin {
        match self {
            Item::Entity(x) => &x.origin,
            Item::Source(x) => &x.origin,
            Item::Claim(x) => &x.origin,
            Item::Attribution(x) => &x.origin,
        }
    }

    pub fn conflict_with(&self) -> Option<&str> {
        match self {
            Item::Entity(x) => x.conflict_with.as_deref(),
            Item::Source(x) => x.conflict_with.as_deref(),
            Item::Claim(x) => x.conflict_with.as_deref(),
            Item::Attribution(x) => x.conflict_with.as_deref(),
        }
    }

    pub fn set_conflict_with(&mut self, other: Option<String>) {
        match self {
            Item::Entity(x) => x.conflict_with = other,
            Item::Source(x) => x.conflict_with = other,
            Item::Claim(x) => x.conflict_with = other,
            Item::Attribution(x) => x.conflict_with = other,
        }
    }

    /// The free-text note every kind of item carries.
    pub fn note(&self) -> &str {
        match self {
            Item::Entity(x) => &x.note,
            Item::Source(x) => &x.note,
            Item::Claim(x) => &x.note,
            Item::Attribution(x) => &x.note,
        }
    }

    pub fn set_note(&mut self, note: String) {
        match self {
            Item::Entity(x) => x.note = note,
            Item::Source(x) => x.note = note,
            Item::Claim(x) => x.note = note,
            Item::Attribution(x) => x.note = note,
        }
    }

    pub fn set_id(&mut self, id: String) {
        match self {
            Item::Entity(x) => x.id = id,
            Item::Source(x) => x.id = id,
            Item::Claim(x) => x.id = id,
            Item::Attribution(x) => x.id = id,
        }
    }
}

impl Item {
    /// Moves the item's span (the cue of an attribution) to `span` and records the old one in
    /// `review.previous` as a correction, in the file's form (code points and the quote), so
    /// the record is readable without the program. False, changing nothing, when the item has
    /// no span or the span is the same.
    pub fn respan(&mut self, article: &Article, span: Span, by: &str) -> bool {
        let slot = match self {
            Item::Entity(x) => Some(&mut x.span),
            Item::Claim(x) => Some(&mut x.span),
            Item::Source(x) => x.span.as_mut(),
            Item::Attribution(x) => x.cue.as_mut(),
        };
        let Some(slot) = slot else {
            return false;
        };
        if *slot == span {
            return false;
        }
        let was = slot.to_file(article);
        *slot = span;
        // a source named by its span (as suggested or tagged) keeps being named by it
        if let Item::Source(x) = self
            && x.name == was.exact
        {
            x.name = span.text(article).to_owned();
        }
        let key = if self.kind() == ItemKind::Attribution {
            "cue"
        } else {
            "span"
        };
        let old =
            serde_json::json!({ key: { "start": was.start, "end": was.end, "exact": was.exact } });
        self.review_mut().correct(old, by);
        true
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::annotate::model::{Label, ReviewStatus, SourceType, test_article as article};

    #[test]
    fn respan_records_the_original_span_next_to_an_earlier_relabel() {
        let a = article();
        let start = a.text.find("القاهرة").unwrap();
        let mut e = Entity::suggested(
            &a,
            start..start + "القاهرة".len(),
            Label::parse("ORG").unwrap(),
            Origin::rule("r", None),
        )
        .unwrap();
        e.relabel(Label::parse("GPE").unwrap(), "me");
        let mut item = Item::Entity(e);
        let wider = Span::checked(&a, start - "إن ".len()..start + "القاهرة".len()).unwrap();
        assert!(item.respan(&a, wider, "me"));
        assert!(!item.respan(&a, wider, "me"), "same span: no change");
        let narrower = Span::checked(&a, start..start + "القاهرة".len()).unwrap();
        assert!(item.respan(&a, narrower, "me"));
        let Item::Entity(e) = item else { panic!() };
        assert_eq!(e.review.status, ReviewStatus::Corrected);
        assert_eq!(
            e.review.previous,
            Some(serde_json::json!({
                "label": "ORG",
                "span": {"start": 9, "end": 16, "exact": "القاهرة"}
            })),
            "the first label and the first span, in code points"
        );
        let mut source = Item::Source(Source {
            span: None,
            ..Source::suggested(
                &a,
                start..start + "القاهرة".len(),
                SourceType::Unknown,
                Origin::rule("r", None),
            )
            .unwrap()
        });
        assert!(
            !source.respan(&a, narrower, "me"),
            "a source without a span"
        );
    }
}

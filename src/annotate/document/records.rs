//! The records of the annotation file: one item as the file holds it, in its fixed key order,
//! with the conversions to and from the model. `S` is the span as read: `FileSpan` on the
//! general path (and when writing), a span borrowing its quote from the file on the fast path
//! (`fast::SpanIn`). Both paths build the model with the same `into_model`.
//!
//! Fields that format version 2 added (`role`, `same_as`, `via`, `stance`, the verdict's
//! provenance) default when absent, so one set of records reads both versions; a version 1
//! file that carries them is refused by `check_item`.

use serde::{Deserialize, Deserializer, Serialize};

use crate::article::Article;

use super::super::model::{
    Attribution, Claim, ClaimType, Entity, FileSpan, ItemKind, Label, Origin, QuoteType, Review,
    Source, SourceRole, SourceType, Span, Stance, Verification, VerificationStatus,
};

/// A nullable field that must be present (the schema requires `null` rather than absence):
/// with `deserialize_with`, serde reports a missing field instead of taking it as `None`. The
/// general path checks this itself first, with its own message (`check_item`); the fast path
/// relies on it.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    Option::<T>::deserialize(d)
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EntityRecord<S = FileSpan> {
    pub(super) id: String,
    pub(super) label: Label,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) original_label: Option<String>,
    pub(super) span: S,
    pub(super) origin: Origin,
    pub(super) review: Review,
    #[serde(default)]
    pub(super) note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) conflict_with: Option<String>,
}

impl<S> EntityRecord<S> {
    pub(super) fn into_model(self, span: Span) -> Entity {
        Entity {
            span,
            id: self.id,
            label: self.label,
            original_label: self.original_label,
            origin: self.origin,
            review: self.review,
            note: self.note,
            conflict_with: self.conflict_with,
        }
    }
}

impl EntityRecord {
    pub(super) fn from_model(e: &Entity, article: &Article) -> Self {
        Self {
            id: e.id.clone(),
            label: e.label.clone(),
            original_label: e.original_label.clone(),
            span: e.span.to_file(article),
            origin: e.origin.clone(),
            review: e.review.clone(),
            note: e.note.clone(),
            conflict_with: e.conflict_with.clone(),
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "S: Deserialize<'de>"))]
pub(super) struct SourceRecord<S = FileSpan> {
    pub(super) id: String,
    #[serde(deserialize_with = "present")]
    pub(super) span: Option<S>,
    pub(super) name: String,
    pub(super) source_type: SourceType,
    #[serde(deserialize_with = "present")]
    pub(super) entity_id: Option<String>,
    /// Version 2; written on every source.
    #[serde(default)]
    pub(super) role: SourceRole,
    /// Version 2; written when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) same_as: Option<String>,
    pub(super) origin: Origin,
    pub(super) review: Review,
    #[serde(default)]
    pub(super) note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) conflict_with: Option<String>,
}

impl<S> SourceRecord<S> {
    pub(super) fn into_model(self, span: Option<Span>) -> Source {
        Source {
            span,
            id: self.id,
            name: self.name,
            source_type: self.source_type,
            entity_id: self.entity_id,
            role: self.role,
            same_as: self.same_as,
            origin: self.origin,
            review: self.review,
            note: self.note,
            conflict_with: self.conflict_with,
        }
    }
}

impl SourceRecord {
    pub(super) fn from_model(s: &Source, article: &Article) -> Self {
        Self {
            id: s.id.clone(),
            span: s.span.map(|x| x.to_file(article)),
            name: s.name.clone(),
            source_type: s.source_type,
            entity_id: s.entity_id.clone(),
            role: s.role,
            same_as: s.same_as.clone(),
            origin: s.origin.clone(),
            review: s.review.clone(),
            note: s.note.clone(),
            conflict_with: s.conflict_with.clone(),
        }
    }
}

/// [`Verification`] as the file holds it: the confidence must be written, `null` when unknown;
/// the verdict's provenance (version 2) only when there is some.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct VerificationRecord {
    pub(super) status: VerificationStatus,
    #[serde(deserialize_with = "present")]
    pub(super) confidence: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) at: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) evidence: Vec<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ClaimRecord<S = FileSpan> {
    pub(super) id: String,
    pub(super) span: S,
    pub(super) claim_type: ClaimType,
    pub(super) verification: VerificationRecord,
    pub(super) origin: Origin,
    pub(super) review: Review,
    #[serde(default)]
    pub(super) note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) conflict_with: Option<String>,
}

impl<S> ClaimRecord<S> {
    pub(super) fn into_model(self, span: Span) -> Claim {
        let v = self.verification;
        Claim {
            span,
            id: self.id,
            claim_type: self.claim_type,
            verification: Verification {
                status: v.status,
                confidence: v.confidence,
                by: v.by,
                at: v.at,
                evidence: v.evidence,
            },
            origin: self.origin,
            review: self.review,
            note: self.note,
            conflict_with: self.conflict_with,
        }
    }
}

impl ClaimRecord {
    pub(super) fn from_model(c: &Claim, article: &Article) -> Self {
        let v = &c.verification;
        Self {
            id: c.id.clone(),
            span: c.span.to_file(article),
            claim_type: c.claim_type,
            verification: VerificationRecord {
                status: v.status,
                confidence: v.confidence,
                by: v.by.clone(),
                at: v.at.clone(),
                evidence: v.evidence.clone(),
            },
            origin: c.origin.clone(),
            review: c.review.clone(),
            note: c.note.clone(),
            conflict_with: c.conflict_with.clone(),
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CueRecord<S = FileSpan> {
    pub(super) span: S,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "S: Deserialize<'de>"))]
pub(super) struct AttributionRecord<S = FileSpan> {
    pub(super) id: String,
    pub(super) claim_id: String,
    pub(super) source_id: String,
    /// Version 2; written on every attribution (`[]` for a direct one).
    #[serde(default)]
    pub(super) via: Vec<String>,
    #[serde(deserialize_with = "present")]
    pub(super) cue: Option<CueRecord<S>>,
    pub(super) quote_type: QuoteType,
    /// Version 2; written on every attribution.
    #[serde(default)]
    pub(super) stance: Stance,
    pub(super) origin: Origin,
    pub(super) review: Review,
    #[serde(default)]
    pub(super) note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) conflict_with: Option<String>,
}

impl<S> AttributionRecord<S> {
    pub(super) fn into_model(self, cue: Option<Span>) -> Attribution {
        Attribution {
            cue,
            id: self.id,
            claim_id: self.claim_id,
            source_id: self.source_id,
            via: self.via,
            quote_type: self.quote_type,
            stance: self.stance,
            origin: self.origin,
            review: self.review,
            note: self.note,
            conflict_with: self.conflict_with,
        }
    }
}

impl AttributionRecord {
    pub(super) fn from_model(a: &Attribution, article: &Article) -> Self {
        Self {
            id: a.id.clone(),
            claim_id: a.claim_id.clone(),
            source_id: a.source_id.clone(),
            via: a.via.clone(),
            cue: a.cue.map(|x| CueRecord {
                span: x.to_file(article),
            }),
            quote_type: a.quote_type,
            stance: a.stance,
            origin: a.origin.clone(),
            review: a.review.clone(),
            note: a.note.clone(),
            conflict_with: a.conflict_with.clone(),
        }
    }
}

/// The fields format version 2 added, per item kind (paths inside the item): a version 1 file
/// must not carry them.
pub(super) fn version_2_fields(kind: ItemKind) -> &'static [&'static [&'static str]] {
    match kind {
        ItemKind::Entity => &[],
        ItemKind::Source => &[&["role"], &["same_as"]],
        ItemKind::Claim => &[
            &["verification", "by"],
            &["verification", "at"],
            &["verification", "evidence"],
        ],
        ItemKind::Attribution => &[&["via"], &["stance"]],
    }
}

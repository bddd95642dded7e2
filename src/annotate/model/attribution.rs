//! Attributions: the link from a claim to its source, through a cue.

use super::ids::id_for;
use super::item::ItemKind;
use super::review::{Origin, Review};
use super::span::Span;
use super::vocab::{QuoteType, Stance};

/// Links a claim to its source, optionally through a cue ("قال", "بحسب"), and through the
/// intermediaries it passed on the way to the article (`via`: "نقلت وكالة الأناضول عن مصدر أمني"
/// is the source مصدر أمني via الأناضول).
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    pub id: String,
    pub claim_id: String,
    pub source_id: String,
    /// Source ids of the intermediaries, in order from the speaker outward (a statement, then
    /// the agency that carried it…); the article's own outlet is `document.outlet`, not here.
    pub via: Vec<String>,
    pub cue: Option<Span>,
    pub quote_type: QuoteType,
    pub stance: Stance,
    pub origin: Origin,
    pub review: Review,
    pub note: String,
    pub conflict_with: Option<String>,
}

impl Attribution {
    pub fn suggested(
        claim_id: &str,
        source_id: &str,
        cue: Option<Span>,
        quote_type: QuoteType,
        origin: Origin,
    ) -> Self {
        let cue_key = cue.map_or_else(String::new, |c| format!("{}-{}", c.start, c.end));
        let key = format!("{claim_id}>{source_id}@{cue_key}:{}", quote_type.as_str());
        Self {
            id: id_for(ItemKind::Attribution, &origin, &key),
            claim_id: claim_id.to_owned(),
            source_id: source_id.to_owned(),
            via: Vec::new(),
            cue,
            quote_type,
            stance: Stance::Asserts,
            origin,
            review: Review::suggested(),
            note: String::new(),
            conflict_with: None,
        }
    }

    /// A link made by hand (`l` key), accepted.
    pub fn by_human(claim_id: &str, source_id: &str, cue: Option<Span>, by: &str) -> Self {
        let mut a = Self::suggested(
            claim_id,
            source_id,
            cue,
            QuoteType::Unknown,
            Origin::human(by),
        );
        a.review = Review::accepted(by);
        a
    }
}

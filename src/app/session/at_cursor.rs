//! The session's answers about the reader: the annotation under its cursor (the one the
//! review, link and note keys act on), the entity there, pending entities, the claim a cue
//! attaches to, the ranges linked to the current claim or source, the marks drawn over a range
//! of text, and the legend's counts.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::annotate::{AnnotationSet, Entity, Item, ItemKind, ReviewStatus, Span};
use crate::app::annotations::entity_slot;
use crate::app::attributes::gap;
use crate::app::reader::Reader;
use crate::app::review::{Counts, Layers, LegendRow};
use crate::app::session::Session;
use crate::app::suggestions;
use crate::config::commands::{Command, Mode};
use crate::config::keymap::Keymap;
use crate::config::theme::Slot;

impl Session {
    /// The annotation the review keys act on: the one last reached with `]`/`[` or adjusted,
    /// while the cursor is inside it; else the drawn one under the cursor, pending first, then
    /// the shortest.
    pub fn current_item(&self, reader: &Reader) -> Option<Item> {
        let store = self.store.as_ref()?;
        let at = reader.cursor.as_ref()?.start;
        let set = store.set();
        // the focused item may be an attribution, reached at its cue
        if let Some(item) = reader.focus.as_deref().and_then(|id| set.get(id))
            && suggestions::item_range(set, &item).is_some_and(|r| r.start <= at && at < r.end)
            && reader.layers.shows_item(&item)
        {
            return Some(item);
        }
        // Drawn every frame (linked highlights): compare by reference, clone only the one found.
        let under = |kind, label, span: Option<Span>, status| {
            span.is_some_and(|s| s.start <= at && at < s.end)
                && reader.layers.shows(kind, label, status)
        };
        let entities = set.entities.iter().map(|e| {
            let label = Some(e.label.as_str());
            (
                ItemKind::Entity,
                label,
                &e.id,
                Some(e.span),
                e.review.status,
            )
        });
        let claims = (set.claims.iter())
            .map(|c| (ItemKind::Claim, None, &c.id, Some(c.span), c.review.status));
        let sources =
            (set.sources.iter()).map(|s| (ItemKind::Source, None, &s.id, s.span, s.review.status));
        entities
            .chain(claims)
            .chain(sources)
            .filter(|&(kind, label, _, span, status)| under(kind, label, span, status))
            .min_by_key(|&(_, _, _, span, status)| {
                let len = span.map_or(0, |s| s.end - s.start);
                (status != ReviewStatus::Suggested, len)
            })
            .and_then(|(_, _, id, _, _)| set.get(id))
    }

    /// The claim or source the linking keys act on: the current item, or for an attribution
    /// reached at its cue, its claim.
    pub fn current_claim_or_source(&self, reader: &Reader) -> Option<Item> {
        let set = self.store.as_ref()?.set();
        match self.current_item(reader)? {
            Item::Attribution(a) => set.get(&a.claim_id),
            item @ (Item::Claim(_) | Item::Source(_)) => Some(item),
            Item::Entity(_) => None,
        }
    }

    /// Pending (suggested) entities of the shown layers, in text order.
    pub fn pending_entities(&self, reader: &Reader) -> Vec<Entity> {
        let Some(store) = &self.store else {
            return Vec::new();
        };
        let mut pending: Vec<Entity> = store
            .set()
            .entities
            .iter()
            .filter(|e| e.review.status == ReviewStatus::Suggested)
            .filter(|e| {
                reader.layers.shows(
                    crate::annotate::ItemKind::Entity,
                    Some(e.label.as_str()),
                    e.review.status,
                )
            })
            .cloned()
            .collect();
        pending.sort_by_key(|e| (e.span.start, e.span.end));
        pending
    }

    /// The entity under the cursor: a pending one first, the shortest first.
    pub fn entity_at_cursor(&self, reader: &Reader) -> Option<Entity> {
        let store = self.store.as_ref()?;
        let at = reader.cursor.as_ref()?.start;
        store
            .set()
            .entities
            .iter()
            .filter(|e| e.span.start <= at && at < e.span.end)
            .filter(|e| {
                reader.layers.shows(
                    crate::annotate::ItemKind::Entity,
                    Some(e.label.as_str()),
                    e.review.status,
                )
            })
            .min_by_key(|e| {
                (
                    e.review.status != ReviewStatus::Suggested,
                    e.span.end - e.span.start,
                )
            })
            .cloned()
    }

    /// The claim `C` attaches to: the one last worked on (tagged, linked, reached with `]`),
    /// else the nearest claim in the same paragraph.
    pub fn cue_claim(&self, reader: &Reader, range: &Range<usize>) -> Option<String> {
        let set = self.store.as_ref()?.set();
        if let Some(id) = &reader.focus
            && let Some(Item::Claim(c)) = set.get(id)
        {
            return Some(c.id);
        }
        let paragraph = reader.article.paragraph_at(range.start);
        set.claims
            .iter()
            .filter(|c| c.review.status != ReviewStatus::Rejected)
            .filter(|c| reader.article.paragraph_at(c.span.start) == paragraph)
            .min_by_key(|c| gap(&c.span.range(), range))
            .map(|c| c.id.clone())
    }

    /// Claims and sources linked to the claim or source under the cursor (drawn lit up).
    pub fn linked_ranges(&self, reader: &Reader) -> Vec<Range<usize>> {
        let (Some(store), Some(item)) = (self.store.as_ref(), self.current_claim_or_source(reader))
        else {
            return Vec::new();
        };
        let set = store.set();
        let shown = |s: ReviewStatus| reader.layers.shows(ItemKind::Attribution, None, s);
        set.attributions
            .iter()
            .filter(|a| shown(a.review.status))
            .filter_map(|a| {
                if a.claim_id == item.id() {
                    set.get(&a.source_id)
                } else if a.source_id == item.id() {
                    set.get(&a.claim_id)
                } else {
                    None
                }
            })
            .filter(|other| reader.layers.shows_item(other))
            .filter_map(|other| other.span().map(|s| s.range()))
            .collect()
    }
    /// Annotated ranges of the shown layers overlapping `range`, with the slot to draw them in
    /// (sources and claims by kind, entities by label) and their review status (suggestions are
    /// drawn additionally in the `suggested` slot, rejected ones struck through).
    pub fn marks_in(
        &self,
        reader: &Reader,
        range: &Range<usize>,
    ) -> Vec<(Range<usize>, Slot, ReviewStatus)> {
        use crate::annotate::ItemKind;
        let Some(store) = &self.store else {
            return Vec::new();
        };
        let set = store.set();
        let layers = &reader.layers;
        let overlaps = |r: &Range<usize>| r.start < range.end && range.start < r.end;
        let mut out = Vec::new();
        for c in &set.claims {
            if overlaps(&c.span.range()) && layers.shows(ItemKind::Claim, None, c.review.status) {
                out.push((c.span.range(), Slot::Claim, c.review.status));
            }
        }
        for s in &set.sources {
            if let Some(span) = s.span
                && overlaps(&span.range())
                && layers.shows(ItemKind::Source, None, s.review.status)
            {
                out.push((span.range(), Slot::Source, s.review.status));
            }
        }
        for e in &set.entities {
            let label = e.label.as_str();
            if overlaps(&e.span.range())
                && layers.shows(ItemKind::Entity, Some(label), e.review.status)
            {
                out.push((e.span.range(), entity_slot(label), e.review.status));
            }
        }
        for a in &set.attributions {
            if let Some(cue) = a.cue
                && overlaps(&cue.range())
                && layers.shows(ItemKind::Attribution, None, a.review.status)
            {
                out.push((cue.range(), Slot::Cue, a.review.status));
            }
        }
        // drawn last, so the linked ends stand out over their own colours
        for linked in self.linked_ranges(reader) {
            if overlaps(&linked) {
                out.push((linked, Slot::Linked, ReviewStatus::Accepted));
            }
        }
        out
    }

    /// The legend: every entity label (those of the picker, then any other label in the file),
    /// then suggestions, rejected, claims and sources, with counts and whether they are shown.
    pub fn legend_rows(&self, layers: &Layers, keymap: &Keymap) -> Vec<LegendRow> {
        let counts = self
            .store
            .as_ref()
            .map(|store| LegendCounts::of(store.set()))
            .unwrap_or_default();
        let mut rows = label_rows(&counts.per_label, layers, keymap);
        rows.extend(layer_rows(&counts, layers, keymap));
        rows
    }
}

/// What the legend counts: per entity label, every annotation, claims and sources.
#[derive(Default)]
struct LegendCounts<'a> {
    per_label: BTreeMap<&'a str, Counts>,
    all: Counts,
    claims: Counts,
    sources: Counts,
}

impl<'a> LegendCounts<'a> {
    fn of(set: &'a AnnotationSet) -> Self {
        let mut counts = Self::default();
        for e in &set.entities {
            (counts.per_label.entry(e.label.as_str()).or_default()).add(e.review.status);
            counts.all.add(e.review.status);
        }
        for c in &set.claims {
            counts.claims.add(c.review.status);
            counts.all.add(c.review.status);
        }
        for s in &set.sources {
            counts.sources.add(s.review.status);
            counts.all.add(s.review.status);
        }
        counts
    }
}

/// The legend's label rows: the picker's labels with their keys, then any other label found
/// in the file (without a key).
fn label_rows(
    per_label: &BTreeMap<&str, Counts>,
    layers: &Layers,
    keymap: &Keymap,
) -> Vec<LegendRow> {
    let keys: Vec<(String, &str)> = keymap
        .choices(Mode::Label)
        .into_iter()
        .filter_map(|(key, command)| match command {
            Command::Label(label) => Some((key, label)),
            _ => None,
        })
        .collect();
    let row = |key: Option<String>, label: &str, counts: Counts| LegendRow {
        key,
        name: label.to_owned(),
        label: Some(label.to_owned()),
        counts,
        shown: layers.label_shown(label),
    };
    let mut rows: Vec<LegendRow> = (keys.iter())
        .map(|(key, label)| {
            let counts = per_label.get(label).copied().unwrap_or_default();
            row(Some(key.clone()), label, counts)
        })
        .collect();
    rows.extend(
        (per_label.iter())
            .filter(|(label, _)| !keys.iter().any(|(_, l)| l == *label))
            .map(|(label, counts)| row(None, label, *counts)),
    );
    rows
}

/// The legend's layer rows: suggestions, rejected, claims and sources.
fn layer_rows(counts: &LegendCounts, layers: &Layers, keymap: &Keymap) -> [LegendRow; 4] {
    let layer = |command: Command, name: &str, counts: Counts, shown: bool| LegendRow {
        key: keymap.keys_in(Mode::Legend, command).into_iter().next(),
        name: name.to_owned(),
        label: None,
        counts,
        shown,
    };
    let pending = Counts {
        pending: counts.all.pending,
        ..Counts::default()
    };
    let rejected = Counts {
        rejected: counts.all.rejected,
        ..Counts::default()
    };
    [
        layer(
            Command::LegendSuggestions,
            "suggestions",
            pending,
            layers.suggestions,
        ),
        layer(
            Command::LegendRejected,
            "rejected",
            rejected,
            layers.rejected,
        ),
        layer(
            Command::LegendClaims,
            "claims",
            counts.claims,
            layers.claims,
        ),
        layer(
            Command::LegendSources,
            "sources",
            counts.sources,
            layers.sources,
        ),
    ]
}

//! The pairs of items a merge kept twice (`conflict_with`, left by `isnad merge` or a save
//! that merged with another writer), as differences the compare view settles like two
//! annotators' items: take one copy, keep both, or drop both.

use crate::annotate::agreement::Layer;
use crate::annotate::model::{AnnotationSet, Item, ItemKind};

use super::{Difference, DifferenceKind, Resolution, remove_with_dependants};

/// Pairs of items a merge kept twice (`conflict_with` naming each other), each pair once.
pub fn conflict_pairs(set: &AnnotationSet) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = set
        .items()
        .filter_map(|i| {
            let other = i.conflict_with()?.to_owned();
            (i.id() < other.as_str()).then(|| (i.id().to_owned(), other))
        })
        .collect();
    out.sort();
    out
}

/// Settles a conflict pair: keeps the content of `keep`, removes the other copy, and clears
/// `conflict_with`. When links name only the other copy (the merge gave theirs a fresh id, and
/// the links name the original), the kept content moves to the other copy's id, so no link is
/// lost; otherwise what needs the removed copy goes with it.
pub fn settle_conflict(set: &mut AnnotationSet, keep: &str) -> bool {
    let Some(mut item) = set.get(keep) else {
        return false;
    };
    let Some(other) = item.conflict_with().map(str::to_owned) else {
        return false;
    };
    item.set_conflict_with(None);
    if referenced(set, &other) && !referenced(set, keep) {
        set.remove(keep);
        set.remove(&other);
        item.set_id(other);
        set.upsert(item);
    } else {
        set.upsert(item);
        remove_with_dependants(set, &other);
    }
    true
}

/// The conflict pairs as differences: A is the copy with the smaller id, B the other; the kind
/// says what differs between the copies.
pub fn conflict_differences(set: &AnnotationSet) -> Vec<Difference> {
    conflict_pairs(set)
        .into_iter()
        .filter_map(|(a, b)| {
            let (x, y) = (set.get(&a)?, set.get(&b)?);
            Some(Difference {
                layer: layer_of(x.kind()),
                kind: conflict_kind(&x, &y),
                a: Some(a),
                b: Some(b),
            })
        })
        .collect()
}

fn layer_of(kind: ItemKind) -> Layer {
    match kind {
        ItemKind::Entity => Layer::Entities,
        ItemKind::Source => Layer::Sources,
        ItemKind::Claim => Layer::Claims,
        ItemKind::Attribution => Layer::Attributions,
    }
}

/// What differs between two copies of one item, the most visible first.
fn conflict_kind(x: &Item, y: &Item) -> DifferenceKind {
    let label = |i: &Item| match i {
        Item::Entity(e) => e.label.as_str().to_owned(),
        Item::Source(s) => s.source_type.as_str().to_owned(),
        Item::Claim(c) => c.claim_type.as_str().to_owned(),
        Item::Attribution(a) => {
            format!(
                "{}|{}|{:?}|{:?}|{:?}",
                a.claim_id, a.source_id, a.via, a.quote_type, a.stance
            )
        }
    };
    if x.span() != y.span() {
        DifferenceKind::Boundaries
    } else if label(x) != label(y) {
        if x.kind() == ItemKind::Attribution {
            DifferenceKind::Link
        } else {
            DifferenceKind::Label
        }
    } else {
        DifferenceKind::Changed
    }
}

/// A decision on one conflict pair: take A's copy, B's copy, keep both as separate items
/// (`conflict_with` cleared), or drop both (with what needs them).
pub fn settle(set: &mut AnnotationSet, difference: &Difference, how: Resolution) -> bool {
    let (Some(a), Some(b)) = (&difference.a, &difference.b) else {
        return false;
    };
    match how {
        Resolution::TakeA => settle_conflict(set, a),
        Resolution::TakeB => settle_conflict(set, b),
        Resolution::TakeBoth => {
            let mut done = false;
            for id in [a, b] {
                if let Some(mut item) = set.get(id) {
                    item.set_conflict_with(None);
                    set.upsert(item);
                    done = true;
                }
            }
            done
        }
        Resolution::DropBoth => {
            remove_with_dependants(set, a);
            remove_with_dependants(set, b);
            true
        }
    }
}

/// Whether any item names `id` (a link's claim, source or chain; a source's entity or
/// `same_as`).
fn referenced(set: &AnnotationSet, id: &str) -> bool {
    set.attributions
        .iter()
        .any(|a| a.claim_id == id || a.source_id == id || a.via.iter().any(|v| v == id))
        || set
            .sources
            .iter()
            .any(|s| s.entity_id.as_deref() == Some(id) || s.same_as.as_deref() == Some(id))
}

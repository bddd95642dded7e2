//! Two annotators' files of one article side by side, for adjudication (`isnad compare` and the
//! reader's compare view): the list of differences, and the decisions that turn them into one
//! normal annotation file. Items are paired as agreement pairs them
//! ([`super::agreement::pair_units`]); what pairs exactly with the same label (and, for links,
//! the same quote type, chain and stance) agrees and is not listed.

use std::collections::HashMap;

use crate::article::Article;

use super::agreement::{Layer, Unit, pair_units};
use super::history::Edit;
use super::model::{AnnotationSet, Item};

mod conflicts;
pub use conflicts::{conflict_differences, conflict_pairs, settle, settle_conflict};

/// How two annotators differ on one item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DifferenceKind {
    /// Only A marked it.
    OnlyA,
    /// Only B marked it.
    OnlyB,
    /// The same span with a different label (entity label, source or claim type).
    Label,
    /// Overlapping spans with different boundaries (the label may differ too).
    Boundaries,
    /// The same claim–source link with a different quote type, chain (`via`) or stance.
    Link,
    /// The same item changed differently on two branches (a merge's `conflict_with` pair) in
    /// something other than its span, label or link: a note, a verdict, a review.
    Changed,
}

impl DifferenceKind {
    pub fn describe(self) -> &'static str {
        match self {
            DifferenceKind::OnlyA => "only in A",
            DifferenceKind::OnlyB => "only in B",
            DifferenceKind::Label => "same span, different label",
            DifferenceKind::Boundaries => "overlapping spans, different boundaries",
            DifferenceKind::Link => "different link or chain",
            DifferenceKind::Changed => "changed on both sides",
        }
    }
}

/// One difference: the item of A and/or the item of B it concerns, by id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub layer: Layer,
    pub kind: DifferenceKind,
    pub a: Option<String>,
    pub b: Option<String>,
}

/// A decision on one difference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Keep A's item (drop B's).
    TakeA,
    /// Keep B's item in place of A's (under A's id, so links to it stay valid).
    TakeB,
    /// Keep both items.
    TakeBoth,
    /// Keep neither.
    DropBoth,
}

/// The layers whose items the compare view lists (chains and stance are part of a link).
const LAYERS: [Layer; 4] = [
    Layer::Entities,
    Layer::Sources,
    Layer::Claims,
    Layer::Attributions,
];

/// A link's chain and stance, which must agree too for two paired links to agree.
fn link_extras<'a>(set: &'a AnnotationSet, id: &str) -> Option<(&'a [String], &'a str)> {
    set.attributions
        .iter()
        .find(|x| x.id == id)
        .map(|x| (x.via.as_slice(), x.stance.as_str()))
}

/// Every difference between `a` and `b` (both placed in `article`), layer by layer, in A's
/// file order within each kind of pairing.
pub fn differences(a: &AnnotationSet, b: &AnnotationSet, article: &Article) -> Vec<Difference> {
    let ids = b_to_a(a, b, article);
    let mut out = Vec::new();
    for layer in LAYERS {
        let (ua, ub) = (layer.units(a, article), layer.units(b, article));
        let pairs = pair_units(&ua, &ub);
        let (mut seen_a, mut seen_b) = (vec![false; ua.len()], vec![false; ub.len()]);
        for p in &pairs {
            seen_a[p.a] = true;
            seen_b[p.b] = true;
            let (x, y) = (&ua[p.a], &ub[p.b]);
            let kind = if !p.exact {
                Some(DifferenceKind::Boundaries)
            } else if x.label != y.label {
                Some(if layer == Layer::Attributions {
                    DifferenceKind::Link
                } else {
                    DifferenceKind::Label
                })
            } else if layer == Layer::Attributions && !same_link(a, b, x, y, &ids) {
                Some(DifferenceKind::Link)
            } else {
                None
            };
            if let Some(kind) = kind {
                out.push(Difference {
                    layer,
                    kind,
                    a: Some(x.id.to_owned()),
                    b: Some(y.id.to_owned()),
                });
            }
        }
        let only = |units: &[Unit<'_>], seen: &[bool], kind| {
            units
                .iter()
                .zip(seen)
                .filter(|(_, s)| !**s)
                .map(|(u, _)| Difference {
                    layer,
                    kind,
                    a: (kind == DifferenceKind::OnlyA).then(|| u.id.to_owned()),
                    b: (kind == DifferenceKind::OnlyB).then(|| u.id.to_owned()),
                })
                .collect::<Vec<_>>()
        };
        out.extend(only(&ua, &seen_a, DifferenceKind::OnlyA));
        out.extend(only(&ub, &seen_b, DifferenceKind::OnlyB));
    }
    out
}

/// Whether two exactly paired links also agree on chain (through the pairing of sources) and
/// stance.
fn same_link(
    a: &AnnotationSet,
    b: &AnnotationSet,
    x: &Unit<'_>,
    y: &Unit<'_>,
    ids: &HashMap<String, String>,
) -> bool {
    match (link_extras(a, x.id), link_extras(b, y.id)) {
        (Some((via_a, stance_a)), Some((via_b, stance_b))) => {
            stance_a == stance_b
                && via_a.len() == via_b.len()
                && via_a
                    .iter()
                    .zip(via_b)
                    .all(|(p, q)| ids.get(q).is_some_and(|m| m == p))
        }
        _ => false,
    }
}

/// B's item ids mapped to the ids of the A items they pair with (any overlap), for entities,
/// sources and claims.
fn b_to_a(a: &AnnotationSet, b: &AnnotationSet, article: &Article) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for layer in [Layer::Entities, Layer::Sources, Layer::Claims] {
        let (ua, ub) = (layer.units(a, article), layer.units(b, article));
        for p in pair_units(&ua, &ub) {
            map.insert(ub[p.b].id.to_owned(), ua[p.a].id.to_owned());
        }
    }
    map
}

/// The adjudicated set: A's items, with each decision applied; a difference without a decision
/// keeps A's side (an item only in B is left out). B's items keep their ids unless A uses them;
/// links and references from B's items are carried to the A items they pair with, and the B
/// items a taken link needs come along. Removing an item removes the links that need it.
pub fn resolve(
    a: &AnnotationSet,
    b: &AnnotationSet,
    article: &Article,
    decisions: &[(Difference, Resolution)],
) -> AnnotationSet {
    let mut ids = b_to_a(a, b, article);
    let mut out = a.clone();
    let mut removed = Vec::new();
    for (d, how) in decisions {
        match how {
            Resolution::TakeA => {}
            Resolution::DropBoth => removed.extend(d.a.clone()),
            Resolution::TakeB => match (&d.a, &d.b) {
                (Some(a_id), Some(b_id)) => {
                    if let Some(mut item) = b.get(b_id) {
                        item.set_id(a_id.clone());
                        relink(&mut item, b, &mut out, &mut ids);
                        out.upsert(item);
                    }
                }
                (Some(a_id), None) => removed.push(a_id.clone()),
                (None, Some(b_id)) => add_from_b(b_id, b, &mut out, &mut ids),
                (None, None) => {}
            },
            Resolution::TakeBoth => {
                if let Some(b_id) = &d.b {
                    // B's copy stands beside A's: it is not the same item any more
                    ids.remove(b_id);
                    add_from_b(b_id, b, &mut out, &mut ids);
                }
            }
        }
    }
    for id in removed {
        remove_with_dependants(&mut out, &id);
    }
    out.sort();
    out
}

/// Adds B's item `b_id` (under a fresh id if A already uses its id), with what it links to.
fn add_from_b(
    b_id: &str,
    b: &AnnotationSet,
    out: &mut AnnotationSet,
    ids: &mut HashMap<String, String>,
) {
    if ids.get(b_id).is_some_and(|a_id| out.contains(a_id)) {
        return;
    }
    let Some(mut item) = b.get(b_id) else {
        return;
    };
    if out.contains(b_id) {
        item.set_id(out.fresh_id(item.kind()));
    }
    ids.insert(b_id.to_owned(), item.id().to_owned());
    relink(&mut item, b, out, ids);
    out.upsert(item);
}

/// Points the references of a B item at merged items, bringing along B items that have none.
fn relink(
    item: &mut Item,
    b: &AnnotationSet,
    out: &mut AnnotationSet,
    ids: &mut HashMap<String, String>,
) {
    let mut map = |id: &mut String, out: &mut AnnotationSet| {
        if !ids.contains_key(id.as_str()) {
            add_from_b(id, b, out, ids);
        }
        if let Some(m) = ids.get(id.as_str()) {
            *id = m.clone();
        }
    };
    match item {
        Item::Attribution(x) => {
            map(&mut x.claim_id, out);
            map(&mut x.source_id, out);
            for v in &mut x.via {
                map(v, out);
            }
        }
        Item::Source(x) => {
            if let Some(e) = &mut x.entity_id {
                map(e, out);
            }
            if let Some(s) = &mut x.same_as {
                map(s, out);
            }
        }
        Item::Entity(_) | Item::Claim(_) => {}
    }
}

/// The one edit (an undo step) that turns `from` into `to`: additions, changes and removals
/// by id; `None` when they hold the same items. Orphans are not items and are left alone.
pub fn edit_between(from: &AnnotationSet, to: &AnnotationSet) -> Option<Edit> {
    let before: HashMap<String, Item> = from.items().map(|i| (i.id().to_owned(), i)).collect();
    let mut edits = Vec::new();
    for item in to.items() {
        match before.get(item.id()) {
            None => edits.push(Edit::Add(item)),
            Some(old) if *old != item => edits.push(Edit::Update(item)),
            Some(_) => {}
        }
    }
    edits.extend(
        from.items()
            .filter(|i| !to.contains(i.id()))
            .map(|i| Edit::Remove(i.id().to_owned())),
    );
    match edits.len() {
        0 => None,
        1 => edits.pop(),
        _ => Some(Edit::Batch(edits)),
    }
}

/// One decision on one difference between `current` (A's items as adjudicated so far) and
/// `b`, applied: the set it leads to. Used one at a time by the reader, so each decision is an
/// undo step of its own.
pub fn decide(
    current: &AnnotationSet,
    b: &AnnotationSet,
    article: &Article,
    difference: &Difference,
    how: Resolution,
) -> AnnotationSet {
    resolve(current, b, article, &[(difference.clone(), how)])
}

/// Removes an item and every link or reference that needs it.
pub(super) fn remove_with_dependants(set: &mut AnnotationSet, id: &str) {
    set.remove(id);
    let gone = |x: &str| x == id;
    set.attributions
        .retain(|a| !gone(&a.claim_id) && !gone(&a.source_id) && !a.via.iter().any(|v| gone(v)));
    for s in &mut set.sources {
        if s.entity_id.as_deref() == Some(id) {
            s.entity_id = None;
        }
        if s.same_as.as_deref() == Some(id) {
            s.same_as = None;
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;

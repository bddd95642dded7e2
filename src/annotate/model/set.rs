//! Every annotation of one article (`AnnotationSet`): lists kept in file order, lookup by id
//! and position, insertion and removal.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde_json::Value;

use super::attribution::Attribution;
use super::claim::Claim;
use super::entity::Entity;
use super::id_index::{IdIndex, IndexCell, Listed, scan};
use super::ids::{kind_of_id, new_id};
use super::item::{Item, ItemKind};
use super::source::Source;

/// Every annotation of one article. Items are kept in file order (start, then id) by
/// [`AnnotationSet::sort`]; `orphans` are items that could not be re-anchored, kept verbatim.
///
/// Items are found by id through an index ([`IdIndex`]) kept up to date by every change made
/// through the set (`upsert`, `remove`, `upsert_all`, `remove_all`, `sort`; merges and undo go
/// through these). The lists are public for reading and for building a set in bulk: a list
/// pushed to directly is noticed by its length and the index is rebuilt (and the lists put in
/// order) at the next change through the set; a span or id changed in place must be followed
/// by [`AnnotationSet::sort`].
#[derive(Clone, Default)]
pub struct AnnotationSet {
    pub entities: Vec<Entity>,
    pub sources: Vec<Source>,
    pub claims: Vec<Claim>,
    pub attributions: Vec<Attribution>,
    pub orphans: Vec<Value>,
    /// The id index: derived from the lists (so not part of equality), kept by the set's
    /// methods. Public only so that a set can be written as `AnnotationSet { entities,
    /// ..Default::default() }`; leave it to `Default`.
    pub index: IndexCell,
}

impl PartialEq for AnnotationSet {
    fn eq(&self, other: &Self) -> bool {
        self.entities == other.entities
            && self.sources == other.sources
            && self.claims == other.claims
            && self.attributions == other.attributions
            && self.orphans == other.orphans
    }
}

impl std::fmt::Debug for AnnotationSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AnnotationSet")
            .field("entities", &self.entities)
            .field("sources", &self.sources)
            .field("claims", &self.claims)
            .field("attributions", &self.attributions)
            .field("orphans", &self.orphans)
            .finish_non_exhaustive()
    }
}

/// The list (0 entities, 1 sources, 2 claims, 3 attributions) an item of `kind` lives in.
fn slot(kind: ItemKind) -> usize {
    match kind {
        ItemKind::Entity => 0,
        ItemKind::Source => 1,
        ItemKind::Claim => 2,
        ItemKind::Attribution => 3,
    }
}

/// Where `id` is in `list`: through the index when it is current, by a scan otherwise.
fn locate<T: Listed>(index: Option<&IdIndex>, list: &[T], id: &str) -> Option<usize> {
    match index.map(|ix| ix.position(list, id)) {
        Some(Ok(found)) => found,
        _ => scan(list, id),
    }
}

/// [`locate`] while the lists may have been pushed to or cut behind the set's back since the
/// index was built (the isnad rules push sources and links between their passes): an item
/// the index holds is still found by its binary search when the list agrees (ids are unique,
/// so a hit checked against the list is the item); anything else, such as an item pushed
/// since, is scanned for. Before this the stale index was dropped and every lookup scanned.
fn locate_stale<T: Listed>(index: &IdIndex, list: &[T], id: &str) -> Option<usize> {
    match index.position(list, id) {
        Ok(Some(found)) => Some(found),
        _ => scan(list, id),
    }
}

/// Replaces or adds `x`, keeping `list` in file order: a binary search and one move.
fn put<T: Listed>(list: &mut Vec<T>, index: &mut IdIndex, slot: usize, x: T) -> Option<T> {
    let old = locate(Some(index), list, x.id()).map(|i| list.remove(i));
    let at = list.partition_point(|y| y.order_key() < x.order_key());
    index.insert(x.id(), x.order_span(), slot, old.is_none());
    list.insert(at, x);
    old
}

fn take<T: Listed>(list: &mut Vec<T>, index: &mut IdIndex, slot: usize, id: &str) -> Option<T> {
    let at = locate(Some(index), list, id)?;
    index.remove(id, slot);
    Some(list.remove(at))
}

fn sort_list<T: Listed>(list: &mut [T]) {
    list.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
}

fn list_is_sorted<T: Listed>(list: &[T]) -> bool {
    list.is_sorted_by(|a, b| a.order_key() <= b.order_key())
}

impl AnnotationSet {
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
            && self.sources.is_empty()
            && self.claims.is_empty()
            && self.attributions.is_empty()
            && self.orphans.is_empty()
    }

    /// Number of items (orphans not counted).
    pub fn len(&self) -> usize {
        self.entities.len() + self.sources.len() + self.claims.len() + self.attributions.len()
    }

    fn lens(&self) -> [usize; 4] {
        [
            self.entities.len(),
            self.sources.len(),
            self.claims.len(),
            self.attributions.len(),
        ]
    }

    fn build_index(&self) -> IdIndex {
        fn pairs<T: Listed>(list: &[T]) -> impl Iterator<Item = (&str, Option<super::Span>)> {
            list.iter().map(|x| (x.id(), x.order_span()))
        }
        let items = pairs(&self.entities)
            .chain(pairs(&self.sources))
            .chain(pairs(&self.claims))
            .chain(pairs(&self.attributions));
        IdIndex::build(items, self.lens())
    }

    /// The index, built on first use; `None` when the lists were changed behind the set's back
    /// since (lookups then scan).
    fn index(&self) -> Option<&IdIndex> {
        let index = self.index.0.get_or_init(|| Box::new(self.build_index()));
        (index.lens == self.lens()).then_some(index)
    }

    /// Makes the index current before a change: rebuilt, with the lists put in order, when they
    /// were pushed to directly.
    fn refresh_index(&mut self) {
        if self.index.0.get().is_none_or(|ix| ix.lens != self.lens()) {
            if !self.is_sorted() {
                self.sort_lists();
            }
            self.index = IndexCell(OnceLock::from(Box::new(self.build_index())));
        }
    }

    fn sort_lists(&mut self) {
        sort_list(&mut self.entities);
        sort_list(&mut self.sources);
        sort_list(&mut self.claims);
        sort_list(&mut self.attributions);
    }

    /// Puts every list in file order (by start, then end, then id) and rebuilds the id index on
    /// next use: call it after changing spans or ids in place.
    pub fn sort(&mut self) {
        self.sort_lists();
        self.index = IndexCell::default();
    }

    /// True when every list is in the order [`AnnotationSet::sort`] gives.
    pub fn is_sorted(&self) -> bool {
        list_is_sorted(&self.entities)
            && list_is_sorted(&self.sources)
            && list_is_sorted(&self.claims)
            && list_is_sorted(&self.attributions)
    }

    /// The item with this id, of any kind.
    pub fn get(&self, id: &str) -> Option<Item> {
        let index = self.index();
        match kind_of_id(id)? {
            ItemKind::Entity => {
                locate(index, &self.entities, id).map(|i| Item::Entity(self.entities[i].clone()))
            }
            ItemKind::Source => {
                locate(index, &self.sources, id).map(|i| Item::Source(self.sources[i].clone()))
            }
            ItemKind::Claim => {
                locate(index, &self.claims, id).map(|i| Item::Claim(self.claims[i].clone()))
            }
            ItemKind::Attribution => locate(index, &self.attributions, id)
                .map(|i| Item::Attribution(self.attributions[i].clone())),
        }
    }

    /// Where the item with this id sits in the list of its kind (`sources` for a source id…),
    /// found through the id index: for rules that change an item in place.
    pub fn position(&self, id: &str) -> Option<usize> {
        let index = self.index.0.get_or_init(|| Box::new(self.build_index()));
        if index.lens == self.lens() {
            return match kind_of_id(id)? {
                ItemKind::Entity => locate(Some(index), &self.entities, id),
                ItemKind::Source => locate(Some(index), &self.sources, id),
                ItemKind::Claim => locate(Some(index), &self.claims, id),
                ItemKind::Attribution => locate(Some(index), &self.attributions, id),
            };
        }
        match kind_of_id(id)? {
            ItemKind::Entity => locate_stale(index, &self.entities, id),
            ItemKind::Source => locate_stale(index, &self.sources, id),
            ItemKind::Claim => locate_stale(index, &self.claims, id),
            ItemKind::Attribution => locate_stale(index, &self.attributions, id),
        }
    }

    /// The ids of every item (orphans not counted).
    pub fn ids(&self) -> HashSet<String> {
        self.entities
            .iter()
            .map(|x| &x.id)
            .chain(self.sources.iter().map(|x| &x.id))
            .chain(self.claims.iter().map(|x| &x.id))
            .chain(self.attributions.iter().map(|x| &x.id))
            .cloned()
            .collect()
    }

    pub fn contains(&self, id: &str) -> bool {
        match self.index() {
            Some(index) => index.contains(id),
            None => {
                scan(&self.entities, id).is_some()
                    || scan(&self.sources, id).is_some()
                    || scan(&self.claims, id).is_some()
                    || scan(&self.attributions, id).is_some()
            }
        }
    }

    /// A random id for `kind` not used in this set.
    pub fn fresh_id(&self, kind: ItemKind) -> String {
        loop {
            let id = new_id(kind);
            if !self.contains(&id) {
                return id;
            }
        }
    }

    /// `id` when no item has it yet, else a fresh random id for `kind`: the uniqueness check
    /// for an item whose id was derived from what it is ([`super::ids::id_for`]).
    pub fn unique_id(&self, id: &str, kind: ItemKind) -> String {
        if self.contains(id) {
            self.fresh_id(kind)
        } else {
            id.to_owned()
        }
    }

    /// Every item, in kind order then file order.
    pub fn items(&self) -> impl Iterator<Item = Item> + '_ {
        self.entities
            .iter()
            .cloned()
            .map(Item::Entity)
            .chain(self.sources.iter().cloned().map(Item::Source))
            .chain(self.claims.iter().cloned().map(Item::Claim))
            .chain(self.attributions.iter().cloned().map(Item::Attribution))
    }

    /// Inserts `item`, or replaces the item with the same id. Returns the replaced item.
    /// Keeps file order: the item is found through the index and goes where the order puts it
    /// (a binary search and one move), so a run of edits is not quadratic.
    pub fn upsert(&mut self, item: Item) -> Option<Item> {
        self.refresh_index();
        let index = self.index.0.get_mut()?;
        let slot = slot(item.kind());
        match item {
            Item::Entity(x) => put(&mut self.entities, index, slot, x).map(Item::Entity),
            Item::Source(x) => put(&mut self.sources, index, slot, x).map(Item::Source),
            Item::Claim(x) => put(&mut self.claims, index, slot, x).map(Item::Claim),
            Item::Attribution(x) => {
                put(&mut self.attributions, index, slot, x).map(Item::Attribution)
            }
        }
    }

    /// Removes the item with this id; returns it.
    pub fn remove(&mut self, id: &str) -> Option<Item> {
        let kind = kind_of_id(id)?;
        self.refresh_index();
        let index = self.index.0.get_mut()?;
        let slot = slot(kind);
        match kind {
            ItemKind::Entity => take(&mut self.entities, index, slot, id).map(Item::Entity),
            ItemKind::Source => take(&mut self.sources, index, slot, id).map(Item::Source),
            ItemKind::Claim => take(&mut self.claims, index, slot, id).map(Item::Claim),
            ItemKind::Attribution => {
                take(&mut self.attributions, index, slot, id).map(Item::Attribution)
            }
        }
    }

    /// [`AnnotationSet::upsert`] for many items at once (a later item with the same id wins):
    /// one sort for the lot instead of a move per item, for batches of thousands (a merge,
    /// undoing an import).
    pub fn upsert_all(&mut self, items: impl IntoIterator<Item = Item>) {
        let mut seen = HashSet::new();
        // the last of each id wins: walk backwards, keep first sightings
        let mut items: Vec<Item> = items.into_iter().collect();
        items.reverse();
        items.retain(|item| seen.insert(item.id().to_owned()));
        if items.len() < 32 {
            // a few are cheaper one by one than a pass over every item
            items.into_iter().rev().for_each(|item| {
                self.upsert(item);
            });
            return;
        }
        self.retain_ids(|id| !seen.contains(id));
        for item in items {
            match item {
                Item::Entity(x) => self.entities.push(x),
                Item::Source(x) => self.sources.push(x),
                Item::Claim(x) => self.claims.push(x),
                Item::Attribution(x) => self.attributions.push(x),
            }
        }
        self.sort();
    }

    /// Removes every item whose id is in `ids` in one pass; returns how many were removed.
    pub fn remove_all(&mut self, ids: &HashSet<String>) -> usize {
        let before = self.len();
        self.retain_ids(|id| !ids.contains(id));
        self.index = IndexCell::default();
        before - self.len()
    }

    fn retain_ids(&mut self, keep: impl Fn(&str) -> bool) {
        self.entities.retain(|x| keep(&x.id));
        self.sources.retain(|x| keep(&x.id));
        self.claims.retain(|x| keep(&x.id));
        self.attributions.retain(|x| keep(&x.id));
    }

    /// Items whose span (or cue) overlaps byte offset `byte`, innermost (shortest) first.
    pub fn at(&self, byte: usize) -> Vec<Item> {
        let mut hits: Vec<Item> = self
            .items()
            .filter(|it| it.span().is_some_and(|s| s.start <= byte && byte < s.end))
            .collect();
        hits.sort_by_key(|it| it.span().map_or(usize::MAX, |s| s.end - s.start));
        hits
    }
}

/// Test-only: true when the index is current and finds every item where it is.
#[cfg(test)]
impl AnnotationSet {
    fn index_finds_everything(&self) -> bool {
        fn all<T: Listed>(ix: &IdIndex, list: &[T]) -> bool {
            list.iter()
                .enumerate()
                .all(|(i, x)| ix.position(list, x.id()) == Ok(Some(i)))
        }
        self.index().is_some_and(|ix| {
            all(ix, &self.entities)
                && all(ix, &self.sources)
                && all(ix, &self.claims)
                && all(ix, &self.attributions)
        })
    }
}

#[cfg(test)]
mod tests;

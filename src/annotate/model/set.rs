//! Every annotation of one article (`AnnotationSet`): lists kept in file order, lookup by id
//! and position, insertion and removal.

use serde_json::Value;

use super::attribution::Attribution;
use super::claim::Claim;
use super::entity::Entity;
use super::ids::{kind_of_id, new_id};
use super::item::{Item, ItemKind};
use super::source::Source;
use super::span::Span;

/// Every annotation of one article. Items are kept in file order (start, then id) by
/// [`AnnotationSet::sort`]; `orphans` are items that could not be re-anchored, kept verbatim.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct AnnotationSet {
    pub entities: Vec<Entity>,
    pub sources: Vec<Source>,
    pub claims: Vec<Claim>,
    pub attributions: Vec<Attribution>,
    pub orphans: Vec<Value>,
}

/// Sort key: spanless items (pro-drop sources, cue-less attributions) go last, then by id.
fn order_key(span: Option<Span>, id: &str) -> (usize, usize, &str) {
    match span {
        Some(s) => (s.start, s.end, id),
        None => (usize::MAX, usize::MAX, id),
    }
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

    /// Puts every list in file order: by start, then end, then id.
    pub fn sort(&mut self) {
        self.entities
            .sort_by(|a, b| order_key(Some(a.span), &a.id).cmp(&order_key(Some(b.span), &b.id)));
        self.sources
            .sort_by(|a, b| order_key(a.span, &a.id).cmp(&order_key(b.span, &b.id)));
        self.claims
            .sort_by(|a, b| order_key(Some(a.span), &a.id).cmp(&order_key(Some(b.span), &b.id)));
        self.attributions
            .sort_by(|a, b| order_key(a.cue, &a.id).cmp(&order_key(b.cue, &b.id)));
    }

    /// True when every list is in the order [`AnnotationSet::sort`] gives.
    pub fn is_sorted(&self) -> bool {
        self.entities
            .is_sorted_by(|a, b| order_key(Some(a.span), &a.id) <= order_key(Some(b.span), &b.id))
            && self
                .sources
                .is_sorted_by(|a, b| order_key(a.span, &a.id) <= order_key(b.span, &b.id))
            && self.claims.is_sorted_by(|a, b| {
                order_key(Some(a.span), &a.id) <= order_key(Some(b.span), &b.id)
            })
            && self
                .attributions
                .is_sorted_by(|a, b| order_key(a.cue, &a.id) <= order_key(b.cue, &b.id))
    }

    /// The item with this id, of any kind.
    pub fn get(&self, id: &str) -> Option<Item> {
        let kind = kind_of_id(id)?;
        match kind {
            ItemKind::Entity => self
                .entities
                .iter()
                .find(|x| x.id == id)
                .cloned()
                .map(Item::Entity),
            ItemKind::Source => self
                .sources
                .iter()
                .find(|x| x.id == id)
                .cloned()
                .map(Item::Source),
            ItemKind::Claim => self
                .claims
                .iter()
                .find(|x| x.id == id)
                .cloned()
                .map(Item::Claim),
            ItemKind::Attribution => self
                .attributions
                .iter()
                .find(|x| x.id == id)
                .cloned()
                .map(Item::Attribution),
        }
    }

    /// The ids of every item (orphans not counted).
    pub fn ids(&self) -> std::collections::HashSet<String> {
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
        self.entities.iter().any(|x| x.id == id)
            || self.sources.iter().any(|x| x.id == id)
            || self.claims.iter().any(|x| x.id == id)
            || self.attributions.iter().any(|x| x.id == id)
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
    /// Keeps file order.
    pub fn upsert(&mut self, item: Item) -> Option<Item> {
        /// Replaces or adds `x`, keeping `list` in file order: the item goes where the order
        /// puts it (a binary search and one move) instead of re-sorting the list on every edit,
        /// which made a batch of 10,000 edits quadratic. A list found out of order (the fields
        /// are public) is sorted as before.
        fn put<T>(
            list: &mut Vec<T>,
            id: &str,
            x: T,
            id_of: fn(&T) -> &str,
            key: fn(&T) -> (usize, usize, &str),
        ) -> Option<T> {
            let old = list
                .iter()
                .position(|y| id_of(y) == id)
                .map(|i| list.remove(i));
            if list.is_sorted_by(|a, b| key(a) <= key(b)) {
                let at = list.partition_point(|y| key(y) < key(&x));
                list.insert(at, x);
            } else {
                list.push(x);
                list.sort_by(|a, b| key(a).cmp(&key(b)));
            }
            old
        }
        let id = item.id().to_owned();
        match item {
            Item::Entity(x) => put(
                &mut self.entities,
                &id,
                x,
                |y| &y.id,
                |y| order_key(Some(y.span), &y.id),
            )
            .map(Item::Entity),
            Item::Source(x) => put(
                &mut self.sources,
                &id,
                x,
                |y| &y.id,
                |y| order_key(y.span, &y.id),
            )
            .map(Item::Source),
            Item::Claim(x) => put(
                &mut self.claims,
                &id,
                x,
                |y| &y.id,
                |y| order_key(Some(y.span), &y.id),
            )
            .map(Item::Claim),
            Item::Attribution(x) => put(
                &mut self.attributions,
                &id,
                x,
                |y| &y.id,
                |y| order_key(y.cue, &y.id),
            )
            .map(Item::Attribution),
        }
    }

    /// Removes the item with this id; returns it.
    pub fn remove(&mut self, id: &str) -> Option<Item> {
        fn take<T>(list: &mut Vec<T>, id: &str, id_of: fn(&T) -> &str) -> Option<T> {
            let pos = list.iter().position(|y| id_of(y) == id)?;
            Some(list.remove(pos))
        }
        match kind_of_id(id)? {
            ItemKind::Entity => take(&mut self.entities, id, |y| &y.id).map(Item::Entity),
            ItemKind::Source => take(&mut self.sources, id, |y| &y.id).map(Item::Source),
            ItemKind::Claim => take(&mut self.claims, id, |y| &y.id).map(Item::Claim),
            ItemKind::Attribution => {
                take(&mut self.attributions, id, |y| &y.id).map(Item::Attribution)
            }
        }
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::annotate::model::test_article as article;

    #[test]
    fn set_keeps_file_order_and_finds_by_id() {
        let a = article();
        let mut set = AnnotationSet::default();
        let late = Claim::by_human(&a, 17..31, "me").unwrap();
        let early = Claim::by_human(&a, 0..6, "me").unwrap();
        set.upsert(Item::Claim(late.clone()));
        set.upsert(Item::Claim(early.clone()));
        assert_eq!(set.claims[0].id, early.id);
        assert_eq!(set.get(&late.id), Some(Item::Claim(late.clone())));
        assert_eq!(set.at(1).len(), 1);
        assert!(set.remove(&early.id).is_some());
        assert_eq!(set.len(), 1);
    }
}

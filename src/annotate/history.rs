//! Edits to an annotation set and their undo/redo history. Every change the user makes is an
//! [`Edit`]; applying it records what it replaced, so undo and redo are exact and unlimited
//! while the article is open.

use std::collections::HashSet;

use crate::article::Article;

use super::model::{AnnotationSet, Attribution, Item, ItemKind, ReviewStatus, Span, kind_of_id};

/// A change requested by the app.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Adds a new item (its id must be unused).
    Add(Item),
    /// Removes the item with this id.
    Remove(String),
    /// Replaces the item with the same id.
    Update(Item),
    /// Several edits that undo and redo as one step (e.g. "accept all identical mentions").
    Batch(Vec<Edit>),
}

impl Edit {
    /// Removes `id` together with what points at it, as one undo step, so no reference is left
    /// dangling: the attributions of a claim or a source; the `entity_id` of sources naming an
    /// entity is cleared (the sources stay).
    pub fn remove_with_links(set: &AnnotationSet, id: &str) -> Edit {
        let mut edits: Vec<Edit> = Vec::new();
        match kind_of_id(id) {
            Some(ItemKind::Claim | ItemKind::Source) => edits.extend(
                set.attributions
                    .iter()
                    .filter(|a| a.claim_id == id || a.source_id == id)
                    .map(|a| Edit::Remove(a.id.clone())),
            ),
            Some(ItemKind::Entity) => edits.extend(
                set.sources
                    .iter()
                    .filter(|s| s.entity_id.as_deref() == Some(id))
                    .map(|s| {
                        let mut s = s.clone();
                        s.entity_id = None;
                        Edit::Update(Item::Source(s))
                    }),
            ),
            _ => {}
        }
        edits.push(Edit::Remove(id.to_owned()));
        if edits.len() == 1 {
            edits.remove(0)
        } else {
            Edit::Batch(edits)
        }
    }
}

impl Edit {
    /// Links claim `claim_id` to source `source_id` (the `l` key), with an optional cue, as
    /// accepted by `by`. A link that exists already is not doubled: a suggested or rejected one
    /// is accepted (and given the cue when it had none), an accepted one is refused.
    pub fn link(
        set: &AnnotationSet,
        claim_id: &str,
        source_id: &str,
        cue: Option<Span>,
        by: &str,
    ) -> Result<Edit, EditError> {
        for (id, kind) in [(claim_id, ItemKind::Claim), (source_id, ItemKind::Source)] {
            if kind_of_id(id) != Some(kind) {
                return Err(EditError::BadId(id.to_owned()));
            }
            if !set.contains(id) {
                return Err(EditError::NoSuchItem(id.to_owned()));
            }
        }
        let existing = set
            .attributions
            .iter()
            .find(|a| a.claim_id == claim_id && a.source_id == source_id);
        match existing {
            Some(a)
                if matches!(
                    a.review.status,
                    ReviewStatus::Accepted | ReviewStatus::Corrected
                ) =>
            {
                Err(EditError::AlreadyLinked {
                    claim_id: claim_id.to_owned(),
                    source_id: source_id.to_owned(),
                })
            }
            Some(a) => {
                let mut a = a.clone();
                if a.cue.is_none() {
                    a.cue = cue;
                }
                a.review.set_status(ReviewStatus::Accepted, by);
                Ok(Edit::Update(Item::Attribution(a)))
            }
            None => {
                let mut a = Attribution::by_human(claim_id, source_id, cue, by);
                a.id = set.fresh_id(ItemKind::Attribution);
                Ok(Edit::Add(Item::Attribution(a)))
            }
        }
    }

    /// Removes every attribution between claim `claim_id` and source `source_id` as one step;
    /// `None` when they are not linked.
    pub fn unlink(set: &AnnotationSet, claim_id: &str, source_id: &str) -> Option<Edit> {
        let edits: Vec<Edit> = set
            .attributions
            .iter()
            .filter(|a| a.claim_id == claim_id && a.source_id == source_id)
            .map(|a| Edit::Remove(a.id.clone()))
            .collect();
        match edits.len() {
            0 => None,
            1 => edits.into_iter().next(),
            _ => Some(Edit::Batch(edits)),
        }
    }

    /// Sets the review status of `id` (accept, reject), keeping everything else.
    pub fn set_review(
        set: &AnnotationSet,
        id: &str,
        status: ReviewStatus,
        by: &str,
    ) -> Option<Edit> {
        let mut item = set.get(id)?;
        item.review_mut().set_status(status, by);
        Some(Edit::Update(item))
    }

    /// Accepts the entity `id` and every pending suggestion with the same label and the same
    /// text, as one undo step.
    pub fn accept_identical(
        set: &AnnotationSet,
        article: &Article,
        id: &str,
        by: &str,
    ) -> Option<Edit> {
        let Some(Item::Entity(first)) = set.get(id) else {
            return None;
        };
        let text = first.span.text(article);
        let edits: Vec<Edit> = set
            .entities
            .iter()
            .filter(|e| {
                e.id == first.id
                    || (e.review.status == ReviewStatus::Suggested
                        && e.label == first.label
                        && e.span.text(article) == text)
            })
            .filter_map(|e| Edit::set_review(set, &e.id, ReviewStatus::Accepted, by))
            .collect();
        Some(Edit::Batch(edits))
    }
}

/// Why an edit was refused; the set is left unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("an item with id {0} already exists")]
    DuplicateId(String),
    #[error("no item with id {0}")]
    NoSuchItem(String),
    #[error(
        "{0:?} is not an id of this format (e-, s-, c- or a- followed by 16 hex digits, or 6 in older files)"
    )]
    BadId(String),
    #[error("empty batch")]
    EmptyBatch,
    #[error("claim {claim_id} is already attributed to source {source_id}")]
    AlreadyLinked { claim_id: String, source_id: String },
}

/// An edit as applied, with what it replaced: enough to undo and redo it exactly.
#[derive(Clone, Debug, PartialEq)]
pub enum Applied {
    Added(Item),
    Removed(Item),
    Updated { before: Box<Item>, after: Box<Item> },
    Batch(Vec<Applied>),
}

impl Applied {
    fn inverse(&self) -> Applied {
        match self {
            Applied::Added(x) => Applied::Removed(x.clone()),
            Applied::Removed(x) => Applied::Added(x.clone()),
            Applied::Updated { before, after } => Applied::Updated {
                before: after.clone(),
                after: before.clone(),
            },
            Applied::Batch(v) => Applied::Batch(v.iter().rev().map(Applied::inverse).collect()),
        }
    }

    /// Re-applies this change. Tolerant: after a merge with another writer's file, the item may
    /// already be there or gone; the result is still the state this change leads to.
    fn replay(&self, set: &mut AnnotationSet) {
        match self {
            Applied::Added(x) => {
                set.upsert(x.clone());
            }
            Applied::Updated { after, .. } => {
                set.upsert((**after).clone());
            }
            Applied::Removed(x) => {
                set.remove(x.id());
            }
            Applied::Batch(v) => replay_runs(v, set),
        }
    }

    /// Ids of the items this change touches.
    pub fn ids(&self) -> Vec<String> {
        match self {
            Applied::Added(x) | Applied::Removed(x) => vec![x.id().to_owned()],
            Applied::Updated { after, .. } => vec![after.id().to_owned()],
            Applied::Batch(v) => v.iter().flat_map(Applied::ids).collect(),
        }
    }
}

/// Replays the changes of a batch in order, each run of additions (or of removals) at once:
/// one sort or one pass for the run, so undoing an import of 100,000 items is not quadratic.
fn replay_runs(changes: &[Applied], set: &mut AnnotationSet) {
    let mut rest = changes;
    while let Some(first) = rest.first() {
        let same = |a: &Applied| std::mem::discriminant(a) == std::mem::discriminant(first);
        let run = rest.iter().position(|a| !same(a)).unwrap_or(rest.len());
        let (now, later) = rest.split_at(run);
        match first {
            Applied::Added(_) => set.upsert_all(now.iter().filter_map(|a| match a {
                Applied::Added(x) => Some(x.clone()),
                _ => None,
            })),
            Applied::Removed(_) => {
                let ids = now
                    .iter()
                    .filter_map(|a| match a {
                        Applied::Removed(x) => Some(x.id().to_owned()),
                        _ => None,
                    })
                    .collect();
                set.remove_all(&ids);
            }
            _ => now.iter().for_each(|a| a.replay(set)),
        }
        rest = later;
    }
}

/// Applies `edit` to `set`. On error the set is unchanged (a failing batch is rolled back).
pub fn apply_edit(set: &mut AnnotationSet, edit: Edit) -> Result<Applied, EditError> {
    match edit {
        Edit::Add(item) => {
            let id = item.id().to_owned();
            if kind_of_id(&id) != Some(item.kind()) {
                return Err(EditError::BadId(id));
            }
            if set.contains(&id) {
                return Err(EditError::DuplicateId(id));
            }
            set.upsert(item.clone());
            Ok(Applied::Added(item))
        }
        Edit::Remove(id) => set
            .remove(&id)
            .map(Applied::Removed)
            .ok_or(EditError::NoSuchItem(id)),
        Edit::Update(item) => {
            let id = item.id().to_owned();
            let Some(before) = set.get(&id) else {
                return Err(EditError::NoSuchItem(id));
            };
            if before.kind() != item.kind() {
                return Err(EditError::BadId(id));
            }
            set.upsert(item.clone());
            Ok(Applied::Updated {
                before: Box::new(before),
                after: Box::new(item),
            })
        }
        Edit::Batch(edits) => {
            // Ids are looked up in a set built once per batch: scanning every item for each
            // added one made a batch of 10,000 additions quadratic.
            let mut ids = set.ids();
            apply_batch(set, edits, &mut ids)
        }
    }
}

/// Applies a batch, checking added ids against `ids` (the set's ids, kept up to date). On
/// error the set is rolled back; `ids` is then stale, and the caller drops it. Additions are
/// gathered and put in at once before any other kind of edit (and at the end), so a batch of
/// 100,000 additions in any order costs one sort.
fn apply_batch(
    set: &mut AnnotationSet,
    edits: Vec<Edit>,
    ids: &mut HashSet<String>,
) -> Result<Applied, EditError> {
    if edits.is_empty() {
        return Err(EditError::EmptyBatch);
    }
    let mut done: Vec<Applied> = Vec::with_capacity(edits.len());
    let mut pending: Vec<Item> = Vec::new();
    for e in edits {
        if !matches!(e, Edit::Add(_)) {
            set.upsert_all(pending.drain(..));
        }
        let outcome = match e {
            Edit::Add(item) => {
                let id = item.id().to_owned();
                if kind_of_id(&id) != Some(item.kind()) {
                    Err(EditError::BadId(id))
                } else if ids.contains(&id) {
                    Err(EditError::DuplicateId(id))
                } else {
                    pending.push(item.clone());
                    ids.insert(id);
                    Ok(Applied::Added(item))
                }
            }
            Edit::Remove(id) => {
                let removed = apply_edit(set, Edit::Remove(id.clone()));
                if removed.is_ok() {
                    ids.remove(&id);
                }
                removed
            }
            Edit::Update(item) => apply_edit(set, Edit::Update(item)),
            Edit::Batch(inner) => apply_batch(set, inner, ids),
        };
        match outcome {
            Ok(a) => done.push(a),
            Err(err) => {
                set.upsert_all(pending.drain(..));
                Applied::Batch(done).inverse().replay(set);
                return Err(err);
            }
        }
    }
    set.upsert_all(pending);
    Ok(Applied::Batch(done))
}

/// Undo and redo stacks. Unlimited: an article's edits are small and the history lives only
/// while it is open.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Applied>,
    redo: Vec<Applied>,
}

impl History {
    /// Applies `edit` and records it; clears the redo stack.
    pub fn apply(&mut self, set: &mut AnnotationSet, edit: Edit) -> Result<&Applied, EditError> {
        let applied = apply_edit(set, edit)?;
        self.redo.clear();
        self.undo.push(applied);
        Ok(self
            .undo
            .last()
            .unwrap_or_else(|| unreachable!("just pushed")))
    }

    /// Undoes the last change; returns it, or `None` when there is nothing to undo.
    pub fn undo(&mut self, set: &mut AnnotationSet) -> Option<&Applied> {
        let applied = self.undo.pop()?;
        applied.inverse().replay(set);
        self.redo.push(applied);
        self.redo.last()
    }

    /// Redoes the last undone change.
    pub fn redo(&mut self, set: &mut AnnotationSet) -> Option<&Applied> {
        let applied = self.redo.pop()?;
        applied.replay(set);
        self.undo.push(applied);
        self.undo.last()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::annotate::model::{Claim, Label, Source};

    fn setup() -> (Article, AnnotationSet) {
        (Article::sample(), AnnotationSet::default())
    }

    #[test]
    fn undo_redo_every_kind_of_edit() {
        let (a, mut set) = setup();
        let mut h = History::default();
        let claim = Claim::by_human(&a, 0..8, "me").unwrap();
        let id = claim.id.clone();
        h.apply(&mut set, Edit::Add(Item::Claim(claim.clone())))
            .unwrap();
        let mut changed = claim.clone();
        changed.note = "checked".into();
        h.apply(&mut set, Edit::Update(Item::Claim(changed.clone())))
            .unwrap();
        h.apply(&mut set, Edit::Remove(id.clone())).unwrap();
        assert!(set.is_empty());
        h.undo(&mut set);
        assert_eq!(set.claims, vec![changed.clone()]);
        h.undo(&mut set);
        assert_eq!(set.claims, vec![claim.clone()]);
        h.undo(&mut set);
        assert!(set.is_empty());
        assert!(h.undo(&mut set).is_none());
        h.redo(&mut set);
        h.redo(&mut set);
        assert_eq!(set.claims, vec![changed]);
        h.redo(&mut set);
        assert!(set.is_empty());
        assert!(!h.can_redo());
    }

    #[test]
    fn failing_batch_rolls_back_and_new_edit_clears_redo() {
        let (a, mut set) = setup();
        let mut h = History::default();
        let c = Claim::by_human(&a, 0..8, "me").unwrap();
        let err = h
            .apply(
                &mut set,
                Edit::Batch(vec![
                    Edit::Add(Item::Claim(c.clone())),
                    Edit::Remove("e-000000".into()),
                ]),
            )
            .unwrap_err();
        assert_eq!(err, EditError::NoSuchItem("e-000000".into()));
        assert!(set.is_empty());
        h.apply(&mut set, Edit::Add(Item::Claim(c.clone())))
            .unwrap();
        assert_eq!(
            h.apply(&mut set, Edit::Add(Item::Claim(c.clone())))
                .unwrap_err(),
            EditError::DuplicateId(c.id.clone())
        );
        h.undo(&mut set);
        assert!(h.can_redo());
        let e =
            crate::annotate::model::Entity::by_human(&a, 0..8, Label::parse("ORG").unwrap(), "me")
                .unwrap();
        h.apply(&mut set, Edit::Add(Item::Entity(e))).unwrap();
        assert!(!h.can_redo());
    }

    #[test]
    fn batches_see_ids_added_and_removed_earlier_in_the_batch() {
        let (a, mut set) = setup();
        let c = Claim::by_human(&a, 0..8, "me").unwrap();
        let s = Source::by_human(&a, 0..8, "me").unwrap();
        apply_edit(&mut set, Edit::Add(Item::Source(s.clone()))).unwrap();
        let before = set.clone();
        for (batch, expected) in [
            (
                vec![
                    Edit::Add(Item::Claim(c.clone())),
                    Edit::Batch(vec![Edit::Add(Item::Claim(c.clone()))]),
                ],
                EditError::DuplicateId(c.id.clone()),
            ),
            (
                vec![Edit::Add(Item::Source(s.clone()))],
                EditError::DuplicateId(s.id.clone()),
            ),
            (
                vec![Edit::Remove(s.id.clone()), Edit::Remove(s.id.clone())],
                EditError::NoSuchItem(s.id.clone()),
            ),
        ] {
            assert_eq!(apply_edit(&mut set, Edit::Batch(batch)), Err(expected));
            assert_eq!(set, before);
        }
        // removed then added again in one batch: allowed, and one undo step
        let mut h = History::default();
        h.apply(
            &mut set,
            Edit::Batch(vec![
                Edit::Remove(s.id.clone()),
                Edit::Add(Item::Source(s.clone())),
                Edit::Add(Item::Claim(c.clone())),
            ]),
        )
        .unwrap();
        assert_eq!((set.sources.len(), set.claims.len()), (1, 1));
        h.undo(&mut set);
        assert_eq!(set, before);
    }

    #[test]
    fn accept_identical_mentions_in_one_step() {
        use crate::annotate::model::{Entity, Origin};
        let a = Article::from_text("t", "حلب ثم حلب ثم دمشق ثم حلب".into());
        let mut set = AnnotationSet::default();
        let mut h = History::default();
        let label = Label::parse("GPE").unwrap();
        let mut ids = Vec::new();
        for (b, m) in a
            .text
            .match_indices("حلب")
            .chain(a.text.match_indices("دمشق"))
        {
            let e = Entity::suggested(&a, b..b + m.len(), label.clone(), Origin::rule("g", None))
                .unwrap();
            ids.push(e.id.clone());
            set.upsert(Item::Entity(e));
        }
        let edit = Edit::accept_identical(&set, &a, &ids[0], "me").unwrap();
        h.apply(&mut set, edit).unwrap();
        let accepted = set
            .entities
            .iter()
            .filter(|e| e.review.status == ReviewStatus::Accepted)
            .count();
        assert_eq!(accepted, 3);
        h.undo(&mut set);
        assert!(
            set.entities
                .iter()
                .all(|e| e.review.status == ReviewStatus::Suggested)
        );
    }

    #[test]
    fn remove_with_links_takes_attributions_along() {
        let (a, mut set) = setup();
        let mut h = History::default();
        let c = Claim::by_human(&a, 0..8, "me").unwrap();
        let s = Source::by_human(&a, 9..23, "me").unwrap();
        let link = Attribution::by_human(&c.id, &s.id, None, "me");
        for item in [
            Item::Claim(c.clone()),
            Item::Source(s),
            Item::Attribution(link),
        ] {
            h.apply(&mut set, Edit::Add(item)).unwrap();
        }
        let edit = Edit::remove_with_links(&set, &c.id);
        h.apply(&mut set, edit).unwrap();
        assert!(set.attributions.is_empty() && set.claims.is_empty());
        assert_eq!(set.sources.len(), 1);
        h.undo(&mut set);
        assert_eq!(set.attributions.len(), 1);
        assert_eq!(set.claims.len(), 1);
    }
}

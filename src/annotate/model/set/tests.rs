//! Tests of [`super::AnnotationSet`]: file order, lookup by id, and the id index staying true
//! to the lists through every kind of change (one by one, in bulk, merges, undo, and lists
//! pushed to directly).
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::annotate::history::{Edit, History};
use crate::annotate::merge::merge;
use crate::annotate::model::test_article as article;
use crate::annotate::model::{Label, Span, is_valid_id};
use crate::article::Article;

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
    assert_eq!(set.position(&late.id), Some(1));
    assert!(set.remove(&early.id).is_some());
    assert_eq!(set.len(), 1);
    assert_eq!(
        (set.position(&late.id), set.position(&early.id)),
        (Some(0), None)
    );
}

/// One change to a set, as the generator draws it: `pick` chooses among the items present.
#[derive(Clone, Debug)]
enum Change {
    Add {
        kind: u8,
        start: usize,
        len: usize,
    },
    Move {
        pick: usize,
        start: usize,
        len: usize,
    },
    Remove {
        pick: usize,
    },
    AddMany {
        count: usize,
        start: usize,
    },
    RemoveMany {
        every: usize,
    },
    PushDirectly {
        start: usize,
    },
    MergeTheirs {
        pick: usize,
        start: usize,
    },
    Undo,
}

fn change() -> impl Strategy<Value = Change> {
    let at = 0..50usize;
    prop_oneof![
        4 => (0..4u8, at.clone(), 1..8usize).prop_map(|(kind, start, len)| Change::Add { kind, start, len }),
        2 => (any::<usize>(), at.clone(), 1..8usize).prop_map(|(pick, start, len)| Change::Move { pick, start, len }),
        2 => any::<usize>().prop_map(|pick| Change::Remove { pick }),
        1 => (1..80usize, at.clone()).prop_map(|(count, start)| Change::AddMany { count, start }),
        1 => (2..5usize).prop_map(|every| Change::RemoveMany { every }),
        1 => at.clone().prop_map(|start| Change::PushDirectly { start }),
        1 => (any::<usize>(), at).prop_map(|(pick, start)| Change::MergeTheirs { pick, start }),
        1 => Just(Change::Undo),
    ]
}

/// An item of kind `kind % 4` on `start..start + len` of the ASCII article (sources every
/// other time without a span, to exercise the spanless end of the order).
fn item(a: &Article, kind: u8, start: usize, len: usize) -> Item {
    let range = start..(start + len).min(a.text.len());
    match kind % 4 {
        0 => Item::Entity(Entity::by_human(a, range, Label::PERSON, "t").unwrap()),
        1 => {
            let mut s = Source::by_human(a, range, "t").unwrap();
            if start.is_multiple_of(2) {
                s.span = None;
            }
            Item::Source(s)
        }
        2 => Item::Claim(Claim::by_human(a, range, "t").unwrap()),
        _ => {
            let cue = (!start.is_multiple_of(3)).then_some(Span {
                start,
                end: range.end,
            });
            Item::Attribution(Attribution::by_human(
                "c-0000000000000001",
                "s-0000000000000001",
                cue,
                "t",
            ))
        }
    }
}

/// `item` moved to `start..start + len` (an attribution's cue, a source's span if it has one).
fn moved(item: &Item, start: usize, len: usize) -> Item {
    let span = Span {
        start,
        end: start + len,
    };
    let mut x = item.clone();
    match &mut x {
        Item::Entity(e) => e.span = span,
        Item::Source(s) => s.span = s.span.map(|_| span),
        Item::Claim(c) => c.span = span,
        Item::Attribution(a) => a.cue = a.cue.map(|_| span),
    }
    x
}

fn pick(model: &BTreeMap<String, Item>, n: usize) -> Option<Item> {
    (!model.is_empty())
        .then(|| model.values().nth(n % model.len()).cloned())
        .flatten()
}

/// The set holds exactly the model's items, in file order, found through a current index.
fn agrees(set: &AnnotationSet, model: &BTreeMap<String, Item>) -> Result<(), TestCaseError> {
    prop_assert_eq!(set.len(), model.len());
    prop_assert!(set.is_sorted());
    for (id, x) in model {
        prop_assert_eq!(set.get(id), Some(x.clone()));
        prop_assert!(set.contains(id));
    }
    prop_assert!(!set.contains(&new_id(ItemKind::Claim)));
    prop_assert!(set.index_finds_everything());
    Ok(())
}

fn model_of(set: &AnnotationSet) -> BTreeMap<String, Item> {
    set.items().map(|x| (x.id().to_owned(), x)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn the_index_stays_true_to_the_lists_through_every_change(
        changes in proptest::collection::vec(change(), 1..40),
    ) {
        let a = Article::from_text("t", "abcdefghij".repeat(6));
        let mut set = AnnotationSet::default();
        let mut model = BTreeMap::new();
        let mut history = History::default();
        for c in changes {
            match c {
                Change::Add { kind, start, len } => {
                    let x = item(&a, kind, start, len);
                    history.apply(&mut set, Edit::Add(x.clone())).unwrap();
                    model.insert(x.id().to_owned(), x);
                }
                Change::Move { pick: n, start, len } => {
                    if let Some(x) = pick(&model, n) {
                        let x = moved(&x, start, len);
                        set.upsert(x.clone());
                        model.insert(x.id().to_owned(), x);
                    }
                }
                Change::Remove { pick: n } => {
                    if let Some(x) = pick(&model, n) {
                        history.apply(&mut set, Edit::Remove(x.id().to_owned())).unwrap();
                        model.remove(x.id());
                    }
                }
                Change::AddMany { count, start } => {
                    let batch: Vec<Item> = (0..count)
                        .map(|i| item(&a, i as u8, (start + i * 7) % 50, 1 + i % 5))
                        .collect();
                    let edits = batch.iter().cloned().map(Edit::Add).collect();
                    history.apply(&mut set, Edit::Batch(edits)).unwrap();
                    model.extend(batch.into_iter().map(|x| (x.id().to_owned(), x)));
                }
                Change::RemoveMany { every } => {
                    let gone: HashSet<String> = model.keys().step_by(every).cloned().collect();
                    prop_assert_eq!(set.remove_all(&gone), gone.len());
                    model.retain(|id, _| !gone.contains(id));
                }
                Change::PushDirectly { start } => {
                    // behind the set's back, as a file reader does
                    if let Item::Claim(c) = item(&a, 2, start, 3) {
                        model.insert(c.id.clone(), Item::Claim(c.clone()));
                        set.claims.insert(0, c);
                        // the next change through the set puts the list back in order
                        set.upsert(Item::Claim(set.claims[0].clone()));
                    }
                }
                Change::MergeTheirs { pick: n, start } => {
                    // the other side moved one item and added one
                    let mut theirs = set.clone();
                    if let Some(x) = pick(&model, n) {
                        theirs.upsert(moved(&x, start, 2));
                    }
                    theirs.upsert(item(&a, 0, start, 4));
                    let (merged, _) = merge(&set, &set, &theirs);
                    set = merged;
                    model = model_of(&theirs);
                    history = History::default();
                }
                Change::Undo => {
                    if history.undo(&mut set).is_some() {
                        model = model_of(&set);
                        // what undo produced is checked against a rebuilt copy
                        let mut copy = AnnotationSet::default();
                        copy.upsert_all(set.items());
                        prop_assert_eq!(&copy, &set);
                    }
                }
            }
            agrees(&set, &model)?;
        }
    }
}

#[test]
fn twenty_thousand_additions_in_reverse_order_and_their_undo() {
    let a = Article::from_text("t", "abcdefghij".repeat(2_000));
    let items: Vec<Item> = (0..20_000).rev().map(|i| item(&a, 0, i, 1)).collect();
    let mut set = AnnotationSet::default();
    let mut history = History::default();
    history
        .apply(
            &mut set,
            Edit::Batch(items.into_iter().map(Edit::Add).collect()),
        )
        .unwrap();
    assert_eq!(set.len(), 20_000);
    assert!(set.is_sorted());
    assert!(set.index_finds_everything());
    history.undo(&mut set).unwrap();
    assert!(set.is_empty());
}

#[test]
fn an_id_already_in_the_set_is_replaced_at_creation() {
    // issue 18: ids derived from what an item is (suggestions) or drawn at random are checked
    // against the set before use, so an import never fails with "id already exists"
    let a = article();
    let mut set = AnnotationSet::default();
    let claim = Claim::by_human(&a, 0..6, "me").unwrap();
    set.upsert(Item::Claim(claim.clone()));
    let taken = set.unique_id(&claim.id, ItemKind::Claim);
    assert_ne!(taken, claim.id);
    assert!(is_valid_id(ItemKind::Claim, &taken) && !set.contains(&taken));
    assert_eq!(
        set.unique_id("c-00000000000000aa", ItemKind::Claim),
        "c-00000000000000aa"
    );
    let fresh = set.fresh_id(ItemKind::Source);
    assert!(is_valid_id(ItemKind::Source, &fresh) && !set.contains(&fresh));
}

//! Properties of the three-way merge of annotation sets (the one merge of concurrent saves and
//! of the git merge driver), on random base/ours/theirs stores: each side keeps, changes or
//! deletes every base item and adds items of its own (sometimes under the same id as the other
//! side, as two readers adding one derived suggestion id do).
//!
//! - Nothing either side has is lost, unless one side deleted it and the other left it as the
//!   base had it (then the deletion wins, and the item is gone): what a side changed or added
//!   is in the result as that side made it; what a side left unchanged is still there (as the
//!   other side changed it, if it did).
//! - Merging is symmetric: swapping ours and theirs gives the same items, except which copy of
//!   a conflicting pair keeps the original id.

#![allow(clippy::unwrap_used)]

use std::collections::HashMap;

use isnad::annotate::merge::merge;
use isnad::annotate::model::{AnnotationSet, Claim, ClaimType, Item};
use isnad::article::Article;
use proptest::prelude::*;

fn article() -> Article {
    Article::from_text("t.txt", "abcdefghij".repeat(20))
}

/// A claim at slot `slot` (a 4-letter span), with `id` and a note.
fn claim(a: &Article, slot: usize, id: &str, note: &str) -> Item {
    let start = (slot % 40) * 5;
    let mut c = Claim::by_human(a, start..start + 4, "t").unwrap();
    c.id = id.to_owned();
    c.note = note.to_owned();
    Item::Claim(c)
}

/// What one side does to a base item.
#[derive(Clone, Copy, Debug)]
enum Op {
    Keep,
    /// A change to the note (one of three values, so both sides sometimes make the same one)
    /// and sometimes to the type.
    Change(u8),
    Delete,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        Just(Op::Keep),
        (0u8..6).prop_map(Op::Change),
        Just(Op::Delete)
    ]
}

/// A side: an op per base item, and additions (slot, id number, note). Ids below 3 are shared
/// between the sides, so both may add the same id.
type Side = (Vec<Op>, Vec<(usize, u8, u8)>);

fn side(n: usize) -> impl Strategy<Value = Side> {
    (
        proptest::collection::vec(op(), n),
        proptest::collection::vec((0usize..40, 0u8..6, 0u8..3), 0..4),
    )
}

fn build(a: &Article, base: &AnnotationSet, (ops, added): &Side, name: &str) -> AnnotationSet {
    let mut out = AnnotationSet::default();
    for (item, op) in base.items().zip(ops) {
        match op {
            Op::Keep => {
                out.upsert(item);
            }
            Op::Change(k) => {
                let Item::Claim(mut c) = item else { continue };
                c.note = format!("changed {}", k % 3);
                if *k >= 3 {
                    c.claim_type = ClaimType::Quantity;
                }
                out.upsert(Item::Claim(c));
            }
            Op::Delete => {}
        }
    }
    for (slot, n, note) in added {
        let id = if *n < 3 {
            format!("c-00add{n}")
        } else {
            format!("c-{name}{n:02}")
        };
        if !out.contains(&id) {
            out.upsert(claim(a, *slot, &id, &format!("added {note}")));
        }
    }
    out.sort();
    out
}

/// An item without its id and `conflict_with`: what it says.
fn content(item: &Item) -> String {
    let mut item = item.clone();
    item.set_id("c-000000".into());
    item.set_conflict_with(None);
    format!("{item:?}")
}

fn by_id(set: &AnnotationSet) -> HashMap<String, Item> {
    set.items().map(|i| (i.id().to_owned(), i)).collect()
}

/// The merged items as the symmetric property compares them: a conflict copy by content
/// alone (either copy may hold the original id), every other item with its id.
fn normalised(set: &AnnotationSet) -> Vec<String> {
    let mut out: Vec<String> = set
        .items()
        .map(|i| {
            if i.conflict_with().is_some() {
                format!("conflict {}", content(&i))
            } else {
                format!("{} {}", i.id(), content(&i))
            }
        })
        .collect();
    out.sort();
    out
}

fn stores() -> impl Strategy<Value = (Vec<(usize, u8)>, Side, Side)> {
    proptest::collection::vec((0usize..40, 0u8..3), 0..8)
        .prop_flat_map(|base| (Just(base.clone()), side(base.len()), side(base.len())))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn nothing_is_lost_and_merging_is_symmetric((base_spec, ours_ops, theirs_ops) in stores()) {
        let a = article();
        let mut base = AnnotationSet::default();
        for (i, (slot, note)) in base_spec.iter().enumerate() {
            base.upsert(claim(&a, *slot, &format!("c-base{i:02}"), &format!("base {note}")));
        }
        base.sort();
        let ours = build(&a, &base, &ours_ops, "ou");
        let theirs = build(&a, &base, &theirs_ops, "th");
        let (merged, _) = merge(&base, &ours, &theirs);
        let (base_items, merged_items) = (by_id(&base), by_id(&merged));
        let merged_contents: Vec<String> = merged.items().map(|i| content(&i)).collect();
        for (side, other) in [(&ours, &theirs), (&theirs, &ours)] {
            let other_items = by_id(other);
            for item in side.items() {
                let id = item.id();
                let deleted_by_other = base_items.contains_key(id) && !other_items.contains_key(id);
                let unchanged_here = base_items.get(id) == Some(&item);
                if deleted_by_other && unchanged_here {
                    // the deletion wins
                    prop_assert!(!merged_items.contains_key(id), "{id} deleted on one side");
                } else if unchanged_here {
                    // kept, possibly as the other side changed it
                    prop_assert!(merged_items.contains_key(id), "lost {id}\nmerged: {merged:#?}");
                } else {
                    // a change or an addition is there as made (under a fresh id if both
                    // sides changed the item)
                    prop_assert!(
                        merged_contents.contains(&content(&item)),
                        "lost {id}: {item:?}\nmerged: {merged:#?}"
                    );
                }
            }
        }
        // a conflict pair names each other
        for item in merged.items() {
            if let Some(other) = item.conflict_with() {
                let back = merged_items.get(other).and_then(|o| o.conflict_with().map(str::to_owned));
                prop_assert_eq!(back.as_deref(), Some(item.id()));
            }
        }
        let (swapped, _) = merge(&base, &theirs, &ours);
        prop_assert_eq!(normalised(&merged), normalised(&swapped));
    }
}

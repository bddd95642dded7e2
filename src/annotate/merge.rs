//! Three-way merge of annotation sets by id, used when the file changed on disk since it was
//! read (another annotator, a `git pull`). Nothing either side saved is lost:
//!
//! - added on one side only → kept;
//! - deleted on one side, unchanged on the other → deleted; deleted on one side but changed on
//!   the other → the changed item is kept;
//! - changed on one side only → that side's version;
//! - changed differently on both sides → both kept: ours under its id, theirs under a fresh id,
//!   each with `conflict_with` naming the other, for the user to resolve.
//!
//! Orphans are united (identical ones once).

use std::collections::{BTreeSet, HashMap, HashSet};

use super::model::{AnnotationSet, Item};

/// What a merge did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Items added or changed by the other writer and taken into ours.
    pub taken: usize,
    /// Items the other writer deleted that we had not changed, deleted here too.
    pub deleted: usize,
    /// Items changed on both sides, now present twice and flagged with `conflict_with`.
    pub conflicts: usize,
}

/// In words, for the status bar: `2 items taken, 1 deleted, 1 conflict kept twice (conflict_with)`.
impl std::fmt::Display for MergeReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let count =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = Vec::new();
        if self.taken > 0 {
            parts.push(format!("{} taken", count(self.taken, "item", "items")));
        }
        if self.deleted > 0 {
            parts.push(format!("{} deleted", count(self.deleted, "item", "items")));
        }
        if self.conflicts > 0 {
            parts.push(format!(
                "{} kept twice (conflict_with)",
                count(self.conflicts, "conflict", "conflicts")
            ));
        }
        if parts.is_empty() {
            return f.write_str("nothing new");
        }
        f.write_str(&parts.join(", "))
    }
}

/// Merges `ours` and `theirs`, both descended from `base` (the version this writer last read
/// or wrote). The one merge of annotation sets: the store's save and the git merge driver both
/// use it. An item only in `ours` is an addition, never a deletion by the other side.
pub fn merge(
    base: &AnnotationSet,
    ours: &AnnotationSet,
    theirs: &AnnotationSet,
) -> (AnnotationSet, MergeReport) {
    let mut report = MergeReport::default();
    let mut out = ours.clone();
    let index = |set: &AnnotationSet| -> HashMap<String, Item> {
        set.items().map(|i| (i.id().to_owned(), i)).collect()
    };
    let (base_items, our_items, their_items) = (index(base), index(ours), index(theirs));
    let ids: BTreeSet<&String> = base_items
        .keys()
        .chain(our_items.keys())
        .chain(their_items.keys())
        .collect();
    // Changes are gathered and made at once (one pass, one sort): 100,000 items taken from the
    // other side one move at a time made a merge quadratic.
    let mut deleted: HashSet<String> = HashSet::new();
    let mut changed: Vec<Item> = Vec::new();
    let mut copies: HashSet<String> = HashSet::new();
    for id in ids {
        match outcome(base_items.get(id), our_items.get(id), their_items.get(id)) {
            Outcome::Ours => {}
            Outcome::Delete => {
                deleted.insert(id.clone());
                report.deleted += 1;
            }
            Outcome::Theirs(t) => {
                changed.push(t.clone());
                report.taken += 1;
            }
            Outcome::Both(o, t) => {
                let taken = |c: &String| their_items.contains_key(c) || base_items.contains_key(c);
                changed.extend(keep_both(
                    &mut out,
                    o.clone(),
                    t.clone(),
                    taken,
                    &mut copies,
                ));
                report.conflicts += 1;
            }
        }
    }
    out.remove_all(&deleted);
    out.upsert_all(changed);
    for orphan in &theirs.orphans {
        if !out.orphans.contains(orphan) {
            out.orphans.push(orphan.clone());
        }
    }
    out.sort();
    (out, report)
}

/// What the merge does with one id.
enum Outcome<'a> {
    /// Ours stands (or it is on neither side).
    Ours,
    /// They deleted it and we did not change it.
    Delete,
    /// Theirs is taken: added or changed only by them.
    Theirs(&'a Item),
    /// Both changed it, differently: ours and theirs are both kept.
    Both(&'a Item, &'a Item),
}

/// The three-way decision for one id, from its item in the base, ours and theirs. An item only
/// in ours is an addition, never a deletion by the other side.
fn outcome<'a>(b: Option<&Item>, o: Option<&'a Item>, t: Option<&'a Item>) -> Outcome<'a> {
    match (b, o, t) {
        (_, None, None) | (None, Some(_), None) => Outcome::Ours,
        // they deleted it: follow unless we changed it
        (Some(b), Some(o), None) if o == b => Outcome::Delete,
        (Some(_), Some(_), None) => Outcome::Ours,
        (None, None, Some(t)) => Outcome::Theirs(t),
        // we deleted; keep theirs only if they changed it
        (Some(b), None, Some(t)) if t != b => Outcome::Theirs(t),
        (Some(_), None, Some(_)) => Outcome::Ours,
        // same on both, or only we changed it
        (b, Some(o), Some(t)) if o == t || Some(t) == b => Outcome::Ours,
        (b, Some(o), Some(t)) if Some(o) == b => Outcome::Theirs(t),
        (_, Some(o), Some(t)) => Outcome::Both(o, t),
    }
}

/// Both sides changed an item, differently: ours is kept, flagged, and theirs beside it as a
/// copy under an id unused on every side (`taken`) and by the copies made so far.
fn keep_both(
    out: &mut AnnotationSet,
    ours: Item,
    theirs: Item,
    taken: impl Fn(&String) -> bool,
    copies: &mut HashSet<String>,
) -> [Item; 2] {
    let copy_id = std::iter::repeat_with(|| out.fresh_id(theirs.kind()))
        .find(|c| !taken(c) && !copies.contains(c))
        .unwrap_or_default();
    copies.insert(copy_id.clone());
    let mut theirs_copy = theirs;
    theirs_copy.set_id(copy_id.clone());
    theirs_copy.set_conflict_with(Some(ours.id().to_owned()));
    let mut ours_flagged = ours;
    ours_flagged.set_conflict_with(Some(copy_id));
    [ours_flagged, theirs_copy]
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::annotate::model::{Claim, Item};
    use crate::article::Article;

    fn claim(a: &Article, chars: std::ops::Range<usize>) -> Claim {
        Claim::by_human(
            a,
            a.char_to_byte(chars.start).unwrap()..a.char_to_byte(chars.end).unwrap(),
            "me",
        )
        .unwrap()
    }

    fn set_of(items: &[&Claim]) -> AnnotationSet {
        let mut s = AnnotationSet::default();
        for c in items {
            s.upsert(Item::Claim((*c).clone()));
        }
        s
    }

    #[test]
    fn every_case_of_the_three_way_merge() {
        let a = Article::sample();
        let kept = claim(&a, 0..4);
        let deleted_by_them = claim(&a, 5..10);
        let changed_by_them = claim(&a, 11..20);
        let changed_by_both = claim(&a, 21..30);
        let deleted_by_us_changed_by_them = claim(&a, 31..40);
        let base = set_of(&[
            &kept,
            &deleted_by_them,
            &changed_by_them,
            &changed_by_both,
            &deleted_by_us_changed_by_them,
        ]);

        let mut ours = base.clone();
        let ours_new = claim(&a, 41..50);
        ours.upsert(Item::Claim(ours_new.clone()));
        let mut ours_change = changed_by_both.clone();
        ours_change.note = "ours".into();
        ours.upsert(Item::Claim(ours_change.clone()));
        ours.remove(&deleted_by_us_changed_by_them.id);

        let mut theirs = base.clone();
        let theirs_new = claim(&a, 51..60);
        theirs.upsert(Item::Claim(theirs_new.clone()));
        theirs.remove(&deleted_by_them.id);
        let mut t1 = changed_by_them.clone();
        t1.note = "theirs".into();
        theirs.upsert(Item::Claim(t1.clone()));
        let mut t2 = changed_by_both.clone();
        t2.note = "theirs too".into();
        theirs.upsert(Item::Claim(t2.clone()));
        let mut t3 = deleted_by_us_changed_by_them.clone();
        t3.note = "still wanted".into();
        theirs.upsert(Item::Claim(t3.clone()));
        theirs.orphans.push(serde_json::json!({"id": "e-abcdef"}));

        let (m, report) = merge(&base, &ours, &theirs);
        assert_eq!(
            report,
            MergeReport {
                taken: 3,
                deleted: 1,
                conflicts: 1
            }
        );
        let get = |id: &str| m.claims.iter().find(|c| c.id == id).cloned();
        assert_eq!(get(&kept.id), Some(kept.clone()));
        assert_eq!(get(&deleted_by_them.id), None);
        assert_eq!(get(&changed_by_them.id), Some(t1));
        assert_eq!(get(&ours_new.id), Some(ours_new));
        assert_eq!(get(&theirs_new.id), Some(theirs_new));
        assert_eq!(get(&deleted_by_us_changed_by_them.id), Some(t3));
        let ours_flagged = get(&changed_by_both.id).unwrap();
        assert_eq!(ours_flagged.note, "ours");
        let copy_id = ours_flagged.conflict_with.clone().unwrap();
        let copy = get(&copy_id).unwrap();
        assert_eq!(copy.note, "theirs too");
        assert_eq!(
            copy.conflict_with.as_deref(),
            Some(changed_by_both.id.as_str())
        );
        assert_eq!(m.orphans.len(), 1);
        assert_eq!(m.claims.len(), 7);
        assert_eq!(
            report.to_string(),
            "3 items taken, 1 item deleted, 1 conflict kept twice (conflict_with)"
        );
        assert_eq!(MergeReport::default().to_string(), "nothing new");
    }
}

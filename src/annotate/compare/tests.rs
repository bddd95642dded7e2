//! Differences between two annotators and the decisions that settle them.

use super::*;
use crate::annotate::model::{Attribution, Claim, Entity, Label, Source};

fn article() -> Article {
    Article::from_text(
        "t",
        "قال المتحدث باسم الوزارة إن القاهرة استقبلت الوفد.".to_owned(),
    )
}

fn at(a: &Article, needle: &str) -> std::ops::Range<usize> {
    let s = a.text.find(needle).unwrap();
    s..s + needle.len()
}

fn entity(a: &Article, needle: &str, label: &str) -> Entity {
    Entity::by_human(a, at(a, needle), Label::parse(label).unwrap(), "x").unwrap()
}

fn set(items: impl IntoIterator<Item = Item>) -> AnnotationSet {
    let mut s = AnnotationSet::default();
    for i in items {
        s.upsert(i);
    }
    s
}

#[test]
fn every_kind_of_difference_and_every_decision() {
    let a = article();
    let same = entity(&a, "الوفد", "ORG");
    let relabelled = entity(&a, "القاهرة", "GPE");
    let claim = Claim::by_human(&a, at(&a, "القاهرة استقبلت الوفد"), "x").unwrap();
    let speaker = Source::by_human(&a, at(&a, "المتحدث"), "x").unwrap();
    let link = Attribution::by_human(&claim.id, &speaker.id, None, "x");
    let one = set([
        Item::Entity(same.clone()),
        Item::Entity(relabelled.clone()),
        Item::Entity(entity(&a, "الوزارة", "ORG")),
        Item::Claim(claim.clone()),
        Item::Source(speaker.clone()),
        Item::Attribution(link),
    ]);
    let mut same_b = same.clone();
    same_b.id = "e-00000b".into();
    let mut gpe_as_loc = entity(&a, "القاهرة", "LOC");
    gpe_as_loc.id = "e-00000c".into();
    let wider = entity(&a, "المتحدث باسم", "PERSON");
    let two = set([
        Item::Entity(same_b),
        Item::Entity(gpe_as_loc.clone()),
        Item::Entity(wider.clone()),
    ]);
    let diffs = differences(&one, &two, &a);
    let kinds: Vec<(Layer, DifferenceKind)> = diffs.iter().map(|d| (d.layer, d.kind)).collect();
    assert!(kinds.contains(&(Layer::Entities, DifferenceKind::Label)));
    assert!(
        kinds.contains(&(Layer::Entities, DifferenceKind::OnlyA)),
        "الوزارة"
    );
    assert!(
        kinds.contains(&(Layer::Entities, DifferenceKind::OnlyB)),
        "المتحدث باسم"
    );
    assert!(kinds.contains(&(Layer::Claims, DifferenceKind::OnlyA)));
    assert!(kinds.contains(&(Layer::Attributions, DifferenceKind::OnlyA)));
    assert_eq!(diffs.len(), 6, "{diffs:#?}");

    let find = |k: DifferenceKind, layer: Layer| {
        diffs
            .iter()
            .find(|d| d.kind == k && d.layer == layer)
            .cloned()
            .unwrap()
    };
    let decisions = [
        (
            find(DifferenceKind::Label, Layer::Entities),
            Resolution::TakeB,
        ),
        (
            find(DifferenceKind::OnlyB, Layer::Entities),
            Resolution::TakeBoth,
        ),
        (
            find(DifferenceKind::OnlyA, Layer::Claims),
            Resolution::DropBoth,
        ),
    ];
    let merged = resolve(&one, &two, &a, &decisions);
    let cairo = merged
        .entities
        .iter()
        .find(|e| e.id == relabelled.id)
        .unwrap();
    assert_eq!(cairo.label.as_str(), "LOC", "B's label under A's id");
    assert!(merged.contains(&wider.id), "taken from B");
    assert!(!merged.contains(&claim.id), "dropped");
    assert!(
        merged.attributions.is_empty(),
        "the link to the dropped claim goes too"
    );
    assert_eq!(merged.entities.len(), 4);
    // nothing differs between a file and itself
    assert!(differences(&merged, &merged, &a).is_empty());
}

#[test]
fn conflict_pairs_are_listed_once_and_settled() {
    let a = article();
    let mut x = entity(&a, "القاهرة", "GPE");
    let mut y = entity(&a, "القاهرة", "LOC");
    y.id = "e-ffffff".into();
    x.conflict_with = Some(y.id.clone());
    y.conflict_with = Some(x.id.clone());
    let mut s = set([Item::Entity(x.clone()), Item::Entity(y.clone())]);
    assert_eq!(conflict_pairs(&s).len(), 1);
    assert!(settle_conflict(&mut s, &y.id));
    assert_eq!(s.entities.len(), 1);
    assert_eq!(s.entities[0].label.as_str(), "LOC");
    assert_eq!(s.entities[0].conflict_with, None);
    assert!(conflict_pairs(&s).is_empty());
}

#[test]
fn taking_the_fresh_copy_keeps_the_links_to_the_original_id() {
    let a = article();
    let claim = Claim::by_human(&a, at(&a, "القاهرة استقبلت الوفد"), "x").unwrap();
    let ours = Source::by_human(&a, at(&a, "المتحدث"), "x").unwrap();
    let mut theirs = Source::by_human(&a, at(&a, "المتحدث باسم الوزارة"), "y").unwrap();
    let link = Attribution::by_human(&claim.id, &ours.id, None, "x");
    theirs.conflict_with = Some(ours.id.clone());
    let mut ours_flagged = ours.clone();
    ours_flagged.conflict_with = Some(theirs.id.clone());
    let s = set([
        Item::Claim(claim),
        Item::Source(ours_flagged),
        Item::Source(theirs.clone()),
        Item::Attribution(link.clone()),
    ]);
    let d = conflict_differences(&s);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].kind, DifferenceKind::Boundaries);
    let mut taken = s.clone();
    assert!(settle_conflict(&mut taken, &theirs.id));
    assert_eq!(taken.sources.len(), 1);
    assert_eq!(taken.sources[0].id, ours.id, "under the id the link names");
    assert_eq!(taken.sources[0].span, theirs.span, "with their content");
    assert_eq!(taken.attributions, vec![link]);
    // both kept: two plain items; both dropped: the link goes with them
    let mut both = s.clone();
    assert!(settle(&mut both, &d[0], Resolution::TakeBoth));
    assert!(conflict_pairs(&both).is_empty() && both.sources.len() == 2);
    let mut none = s.clone();
    assert!(settle(&mut none, &d[0], Resolution::DropBoth));
    assert!(none.sources.is_empty() && none.attributions.is_empty());
}

#[test]
fn edit_between_two_sets_leads_from_one_to_the_other_and_back() {
    let a = article();
    let kept = entity(&a, "الوفد", "ORG");
    let changed = entity(&a, "القاهرة", "GPE");
    let mut relabelled = changed.clone();
    relabelled.label = Label::parse("LOC").unwrap();
    let gone = entity(&a, "الوزارة", "ORG");
    let added = Claim::by_human(&a, at(&a, "استقبلت الوفد"), "x").unwrap();
    let from = set([
        Item::Entity(kept.clone()),
        Item::Entity(changed),
        Item::Entity(gone),
    ]);
    let to = set([
        Item::Entity(kept),
        Item::Entity(relabelled),
        Item::Claim(added),
    ]);
    let mut history = crate::annotate::history::History::default();
    let mut s = from.clone();
    history
        .apply(&mut s, edit_between(&from, &to).unwrap())
        .unwrap();
    assert_eq!(s, to);
    history.undo(&mut s).unwrap();
    assert_eq!(s, from);
    assert_eq!(edit_between(&to, &to), None);
}

//! Agreement on real annotation sets: layers, pairing by span, pooling over articles.

use super::*;
use crate::annotate::model::{
    Attribution, Claim, ClaimType, Entity, Item, Label, QuoteType, Source, SourceType,
};

fn article() -> Article {
    Article::from_text(
        "t",
        "قال المتحدث باسم الوزارة إن القاهرة استقبلت الوفد.".to_owned(),
    )
}

/// Byte range of the `n`th occurrence (0-based) of `needle`.
fn at(a: &Article, needle: &str) -> std::ops::Range<usize> {
    let s = a.text.find(needle).unwrap();
    s..s + needle.len()
}

fn entity(a: &Article, needle: &str, label: &str) -> Item {
    Item::Entity(Entity::by_human(a, at(a, needle), Label::parse(label).unwrap(), "x").unwrap())
}

fn set(items: impl IntoIterator<Item = Item>) -> AnnotationSet {
    let mut s = AnnotationSet::default();
    for i in items {
        s.upsert(i);
    }
    s
}

#[test]
fn entities_exact_overlap_labelled_and_kappa() {
    let a = article();
    let one = set([
        entity(&a, "المتحدث", "PERSON"),
        entity(&a, "القاهرة", "GPE"),
        entity(&a, "الوفد", "ORG"),
    ]);
    let two = set([
        entity(&a, "المتحدث باسم", "PERSON"),
        entity(&a, "القاهرة", "LOC"),
    ]);
    let r = agree(&a, &[Some(&one), Some(&two)]);
    let s = &r.layers[&Layer::Entities].pairs[&(0, 1)];
    assert_eq!(
        s.exact,
        Counts {
            matched: 1,
            a: 3,
            b: 2
        }
    );
    assert_eq!(s.overlap.matched, 2);
    assert_eq!(s.labelled.matched, 0);
    // pairs: PERSON/PERSON, GPE/LOC: p_o = 1/2, p_e = 1/2·1/2 (PERSON) = 1/4, κ = 1/3
    assert!((s.kappa().unwrap() - 1.0 / 3.0).abs() < 1e-12);
    assert_eq!(
        s.by_label["GPE"].exact,
        Counts {
            matched: 0,
            a: 1,
            b: 0
        }
    );
    assert_eq!(s.by_label["PERSON"].overlap.matched, 1);
    // system vs gold reading of the same pairing
    assert!((s.overlap.precision().unwrap() - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!(s.overlap.recall(), Some(1.0));
    assert!(r.layers[&Layer::Entities].alpha().unwrap() < 1.0);
}

#[test]
fn identical_sets_agree_fully_and_swapping_transposes() {
    let a = article();
    let one = set([entity(&a, "القاهرة", "GPE"), entity(&a, "الوفد", "ORG")]);
    let two = set([entity(&a, "القاهرة", "LOC")]);
    let same = agree(&a, &[Some(&one), Some(&one)]);
    let e = &same.layers[&Layer::Entities];
    assert_eq!(e.pairs[&(0, 1)].labelled.f1(), Some(1.0));
    assert_eq!(e.alpha(), Some(1.0));
    let ab = &agree(&a, &[Some(&one), Some(&two)]).layers[&Layer::Entities];
    let ba = &agree(&a, &[Some(&two), Some(&one)]).layers[&Layer::Entities];
    let (x, y) = (&ab.pairs[&(0, 1)], &ba.pairs[&(0, 1)]);
    assert_eq!(x.overlap.f1(), y.overlap.f1());
    assert_eq!(x.kappa(), y.kappa());
    assert_eq!(ab.alpha(), ba.alpha());
    let (labels, m) = x.confusion.matrix();
    let (labels2, m2) = y.confusion.matrix();
    assert_eq!(labels, labels2);
    for i in 0..m.len() {
        for j in 0..m.len() {
            assert_eq!(m[i][j], m2[j][i]);
        }
    }
}

#[test]
fn attributions_pair_on_claim_and_source() {
    let a = article();
    let claim = Claim::by_human(&a, at(&a, "القاهرة استقبلت الوفد"), "x").unwrap();
    let speaker = Source::by_human(&a, at(&a, "المتحدث باسم الوزارة"), "x").unwrap();
    let mut link = Attribution::by_human(&claim.id, &speaker.id, None, "x");
    link.quote_type = QuoteType::Indirect;
    let one = set([
        Item::Claim(claim.clone()),
        Item::Source(speaker.clone()),
        Item::Attribution(link),
    ]);
    // the other annotator: claim a little shorter, source only the noun, other ids
    let mut claim2 = Claim::by_human(&a, at(&a, "القاهرة استقبلت"), "y").unwrap();
    claim2.claim_type = ClaimType::Event;
    let mut speaker2 = Source::by_human(&a, at(&a, "المتحدث"), "y").unwrap();
    speaker2.source_type = SourceType::Official;
    let link2 = Attribution::by_human(&claim2.id, &speaker2.id, None, "y");
    let two = set([
        Item::Claim(claim2),
        Item::Source(speaker2),
        Item::Attribution(link2),
    ]);
    let r = agree(&a, &[Some(&one), Some(&two)]);
    let links = &r.layers[&Layer::Attributions].pairs[&(0, 1)];
    assert_eq!(links.overlap.matched, 1);
    assert_eq!(links.exact.matched, 0);
    // one pair, labels differ: p_o = 0 = p_e, κ = 0 (as scikit-learn gives)
    assert_eq!(links.kappa(), Some(0.0));
    let (labels, _) = links.confusion.matrix();
    assert_eq!(labels, ["indirect", "unknown"]);
    let claims = &r.layers[&Layer::Claims].pairs[&(0, 1)];
    assert_eq!((claims.exact.matched, claims.overlap.matched), (0, 1));
}

#[test]
fn three_annotators_pairs_alpha_and_missing_files() {
    let a = article();
    let one = set([entity(&a, "القاهرة", "GPE")]);
    let two = set([entity(&a, "القاهرة", "GPE")]);
    let r = agree(&a, &[Some(&one), None, Some(&two)]);
    let e = &r.layers[&Layer::Entities];
    assert_eq!(e.pairs.keys().copied().collect::<Vec<_>>(), [(0, 2)]);
    assert_eq!(e.alpha(), Some(1.0));
}

#[test]
fn pooling_sums_counts_and_keeps_article_places_apart() {
    let a = article();
    let one = set([entity(&a, "القاهرة", "GPE")]);
    let two = set([entity(&a, "الوفد", "GPE")]);
    let first = agree(&a, &[Some(&one), Some(&one)]);
    let second = agree(&a, &[Some(&one), Some(&two)]);
    let all = pool([&first, &second]);
    let e = &all.layers[&Layer::Entities];
    assert_eq!(
        e.pairs[&(0, 1)].exact,
        Counts {
            matched: 1,
            a: 2,
            b: 2
        }
    );
    let n = first.layers[&Layer::Entities].coincidence.pairable()
        + second.layers[&Layer::Entities].coincidence.pairable();
    assert_eq!(e.coincidence.pairable(), n);
    assert_eq!(e.value_names, ["none", "GPE"]);
    // pooled α lies between the two articles' α
    let (x, y) = (
        first.layers[&Layer::Entities].alpha().unwrap(),
        second.layers[&Layer::Entities].alpha().unwrap(),
    );
    let p = e.alpha().unwrap();
    assert!(y < p && p < x, "{y} < {p} < {x}");
}

#[test]
fn the_worked_example_of_docs_agreement_md() {
    let u = |s: u32, e: u32, label: &'static str| Unit {
        id: "",
        anchors: vec![Anchor::Span((s, e))],
        label: label.into(),
    };
    let a = [u(0, 4, "PERSON"), u(10, 17, "GPE"), u(20, 25, "ORG")];
    let b = [u(0, 7, "PERSON"), u(10, 17, "LOC")];
    let s = score_pair(&a, &b);
    let close = |x: Option<f64>, y: f64| (x.unwrap() - y).abs() < 1e-12;
    assert!(close(s.exact.f1(), 0.4));
    assert!(close(s.overlap.f1(), 0.8));
    assert!(close(s.labelled.f1(), 0.0));
    assert!(close(s.kappa(), 1.0 / 3.0));
    assert!(close(s.by_label["PERSON"].overlap.f1(), 1.0));
    assert_eq!(
        s.by_label["GPE"].overlap,
        Counts {
            matched: 0,
            a: 1,
            b: 0
        }
    );
    let (m, _) = chars::coincidences(&[Some(&a), Some(&b)], 30);
    assert!(close(m.alpha(), 1.0 - 59.0 * 30.0 / 2456.0));
}

#[test]
fn chains_and_stance_compare_paired_links() {
    let a = article();
    let claim = Claim::by_human(&a, at(&a, "القاهرة استقبلت الوفد"), "x").unwrap();
    let speaker = Source::by_human(&a, at(&a, "المتحدث"), "x").unwrap();
    let ministry = Source::by_human(&a, at(&a, "الوزارة"), "x").unwrap();
    let mut direct = Attribution::by_human(&claim.id, &speaker.id, None, "x");
    let mut through = direct.clone();
    through.via = vec![ministry.id.clone()];
    through.stance = crate::annotate::model::Stance::Denies;
    let with = |link: &Attribution| {
        set([
            Item::Claim(claim.clone()),
            Item::Source(speaker.clone()),
            Item::Source(ministry.clone()),
            Item::Attribution(link.clone()),
        ])
    };
    direct.note = "one".into();
    let r = agree(&a, &[Some(&with(&direct)), Some(&with(&through))]);
    let chains = &r.layers[&Layer::Chains].pairs[&(0, 1)];
    assert_eq!(chains.exact.matched, 1, "the links pair");
    assert_eq!(chains.labelled.matched, 0, "their chains differ");
    let (labels, _) = chains.confusion.matrix();
    assert_eq!(labels, ["[17,24)", "direct"]);
    let stance = &r.layers[&Layer::Stance].pairs[&(0, 1)];
    assert_eq!(stance.labelled.matched, 0);
    let same = agree(&a, &[Some(&with(&through)), Some(&with(&through))]);
    assert_eq!(same.layers[&Layer::Chains].alpha(), Some(1.0));
}

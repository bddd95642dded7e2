//! Linking claims to sources, unlinking them and deleting either, through the engine's edits and
//! undo history: a claim may have several sources and a source many claims; a deleted source's
//! (or claim's) attributions go with it in one undo step and undo restores all of it; what is
//! saved never holds a dangling reference.

#![allow(clippy::unwrap_used)]

use isnad::annotate::history::{Edit, EditError, History};
use isnad::annotate::model::*;
use isnad::annotate::store::{AnnotationStore, StoreOptions};
use isnad::annotate::validate::validate_text;
use isnad::article::Article;

const TEXT: &str =
    "قال الوزير إن المعبر مفتوح. وذكرت مصادر محلية أن القصف توقف. وأكد الوزير أن المساعدات وصلت.";

fn span(a: &Article, quote: &str) -> std::ops::Range<usize> {
    let s = a.text.find(quote).unwrap();
    s..s + quote.len()
}

struct Fixture {
    article: Article,
    set: AnnotationSet,
    history: History,
    minister: String,
    locals: String,
    open: String,
    stopped: String,
    arrived: String,
}

fn fixture() -> Fixture {
    let article = Article::from_text("t", TEXT.to_owned());
    let mut set = AnnotationSet::default();
    let mut history = History::default();
    let minister = Source::by_human(&article, span(&article, "الوزير"), "me").unwrap();
    let locals = Source::by_human(&article, span(&article, "مصادر محلية"), "me").unwrap();
    let open = Claim::by_human(&article, span(&article, "المعبر مفتوح"), "me").unwrap();
    let stopped = Claim::by_human(&article, span(&article, "القصف توقف"), "me").unwrap();
    let arrived = Claim::by_human(&article, span(&article, "المساعدات وصلت"), "me").unwrap();
    let ids = (
        minister.id.clone(),
        locals.id.clone(),
        open.id.clone(),
        stopped.id.clone(),
        arrived.id.clone(),
    );
    for item in [
        Item::Source(minister),
        Item::Source(locals),
        Item::Claim(open),
        Item::Claim(stopped),
        Item::Claim(arrived),
    ] {
        history.apply(&mut set, Edit::Add(item)).unwrap();
    }
    Fixture {
        article,
        set,
        history,
        minister: ids.0,
        locals: ids.1,
        open: ids.2,
        stopped: ids.3,
        arrived: ids.4,
    }
}

impl Fixture {
    fn link(&mut self, claim: &str, source: &str) {
        let edit = Edit::link(&self.set, claim, source, None, "me").unwrap();
        self.history.apply(&mut self.set, edit).unwrap();
    }

    fn links(&self) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = self
            .set
            .attributions
            .iter()
            .map(|a| (a.claim_id.clone(), a.source_id.clone()))
            .collect();
        v.sort();
        v
    }

    /// The minister said two things, the local sources one, and the second claim is backed by
    /// both.
    fn linked() -> Self {
        let mut f = fixture();
        let (m, l) = (f.minister.clone(), f.locals.clone());
        let (o, s, a) = (f.open.clone(), f.stopped.clone(), f.arrived.clone());
        f.link(&o, &m);
        f.link(&a, &m);
        f.link(&s, &l);
        f.link(&s, &m);
        f
    }
}

fn pair(c: &str, s: &str) -> (String, String) {
    (c.to_owned(), s.to_owned())
}

#[test]
fn linking_adds_an_accepted_human_attribution_and_undoes() {
    let mut f = fixture();
    let cue = Span::checked(&f.article, span(&f.article, "قال")).unwrap();
    let edit = Edit::link(&f.set, &f.open, &f.minister, Some(cue), "analyst").unwrap();
    f.history.apply(&mut f.set, edit).unwrap();
    let a = &f.set.attributions[0];
    assert_eq!(
        (a.claim_id.as_str(), a.source_id.as_str()),
        (f.open.as_str(), f.minister.as_str())
    );
    assert_eq!(a.cue, Some(cue));
    assert_eq!(a.review.status, ReviewStatus::Accepted);
    assert_eq!(a.review.by.as_deref(), Some("analyst"));
    assert_eq!(a.origin.kind, OriginKind::Human);
    assert!(is_valid_id(ItemKind::Attribution, &a.id));
    let linked = f.set.clone();
    f.history.undo(&mut f.set);
    assert!(f.set.attributions.is_empty());
    assert_eq!(f.set.claims.len(), 3, "undoing a link keeps the claim");
    f.history.redo(&mut f.set);
    assert_eq!(f.set, linked);
}

#[test]
fn several_sources_per_claim_and_several_claims_per_source() {
    let f = Fixture::linked();
    assert_eq!(f.links(), {
        let mut v = vec![
            pair(&f.open, &f.minister),
            pair(&f.arrived, &f.minister),
            pair(&f.stopped, &f.locals),
            pair(&f.stopped, &f.minister),
        ];
        v.sort();
        v
    });
}

#[test]
fn linking_refuses_bad_ids_and_does_not_double_a_link() {
    let mut f = fixture();
    assert_eq!(
        Edit::link(&f.set, &f.minister, &f.open, None, "me"),
        Err(EditError::BadId(f.minister.clone())),
        "claim and source swapped"
    );
    assert_eq!(
        Edit::link(&f.set, "c-abcdef", &f.minister, None, "me"),
        Err(EditError::NoSuchItem("c-abcdef".into()))
    );
    assert_eq!(
        Edit::link(&f.set, &f.open, "s-abcdef", None, "me"),
        Err(EditError::NoSuchItem("s-abcdef".into()))
    );
    let (o, m) = (f.open.clone(), f.minister.clone());
    f.link(&o, &m);
    assert_eq!(
        Edit::link(&f.set, &o, &m, None, "me"),
        Err(EditError::AlreadyLinked {
            claim_id: o.clone(),
            source_id: m.clone()
        })
    );

    // a rule's link the user had rejected is accepted again, not doubled, and gets the cue
    let mut suggested = Attribution::suggested(
        &f.stopped,
        &f.locals,
        None,
        QuoteType::Indirect,
        Origin::rule("cues:vso", None),
    );
    suggested.review.set_status(ReviewStatus::Rejected, "me");
    f.history
        .apply(&mut f.set, Edit::Add(Item::Attribution(suggested.clone())))
        .unwrap();
    let cue = Span::checked(&f.article, span(&f.article, "وذكرت")).unwrap();
    let edit = Edit::link(&f.set, &f.stopped, &f.locals, Some(cue), "me").unwrap();
    assert!(matches!(edit, Edit::Update(_)), "{edit:?}");
    f.history.apply(&mut f.set, edit).unwrap();
    assert_eq!(f.set.attributions.len(), 2);
    let again = f.set.get(&suggested.id).unwrap();
    let Item::Attribution(again) = again else {
        panic!()
    };
    assert_eq!(again.review.status, ReviewStatus::Accepted);
    assert_eq!(again.cue, Some(cue));
    assert_eq!(again.origin.kind, OriginKind::Rule, "provenance kept");
}

#[test]
fn unlinking_removes_only_that_pair() {
    let mut f = Fixture::linked();
    let before = f.set.clone();
    let edit = Edit::unlink(&f.set, &f.stopped, &f.minister).unwrap();
    f.history.apply(&mut f.set, edit).unwrap();
    assert_eq!(f.set.attributions.len(), 3);
    assert!(!f.links().contains(&pair(&f.stopped, &f.minister)));
    assert!(f.links().contains(&pair(&f.stopped, &f.locals)));
    assert_eq!((f.set.claims.len(), f.set.sources.len()), (3, 2));
    assert_eq!(Edit::unlink(&f.set, &f.stopped, &f.minister), None);
    f.history.undo(&mut f.set);
    assert_eq!(f.set, before);
}

#[test]
fn deleting_a_source_takes_its_attributions_and_undo_restores_all() {
    let mut f = Fixture::linked();
    let before = f.set.clone();
    let edit = Edit::remove_with_links(&f.set, &f.minister);
    f.history.apply(&mut f.set, edit).unwrap();
    assert!(f.set.get(&f.minister).is_none());
    // the minister's three links are gone; the local sources' link stays; no claim is deleted
    assert_eq!(f.links(), vec![pair(&f.stopped, &f.locals)]);
    assert_eq!(f.set.claims.len(), 3);
    assert!(
        f.set
            .attributions
            .iter()
            .all(|a| f.set.contains(&a.claim_id) && f.set.contains(&a.source_id))
    );
    // one step back restores the source and every link, exactly
    assert!(f.history.undo(&mut f.set).is_some());
    assert_eq!(f.set, before);
    f.history.redo(&mut f.set);
    assert_eq!(f.links(), vec![pair(&f.stopped, &f.locals)]);
}

#[test]
fn deleting_a_claim_takes_its_attributions_and_undo_restores_all() {
    let mut f = Fixture::linked();
    let before = f.set.clone();
    let edit = Edit::remove_with_links(&f.set, &f.stopped);
    f.history.apply(&mut f.set, edit).unwrap();
    assert_eq!(f.links(), {
        let mut v = vec![pair(&f.open, &f.minister), pair(&f.arrived, &f.minister)];
        v.sort();
        v
    });
    assert_eq!(f.set.sources.len(), 2, "sources stay");
    f.history.undo(&mut f.set);
    assert_eq!(f.set, before);
}

#[test]
fn deleting_an_entity_clears_the_sources_naming_it() {
    let mut f = Fixture::linked();
    let entity = Entity::by_human(
        &f.article,
        span(&f.article, "الوزير"),
        Label::parse("PERSON").unwrap(),
        "me",
    )
    .unwrap();
    let mut minister = match f.set.get(&f.minister).unwrap() {
        Item::Source(s) => s,
        _ => unreachable!(),
    };
    minister.entity_id = Some(entity.id.clone());
    f.history
        .apply(&mut f.set, Edit::Add(Item::Entity(entity.clone())))
        .unwrap();
    f.history
        .apply(&mut f.set, Edit::Update(Item::Source(minister)))
        .unwrap();
    let before = f.set.clone();
    let edit = Edit::remove_with_links(&f.set, &entity.id);
    f.history.apply(&mut f.set, edit).unwrap();
    assert!(f.set.entities.is_empty());
    assert!(f.set.sources.iter().all(|s| s.entity_id.is_none()));
    assert_eq!(f.set.attributions.len(), 4, "links untouched");
    f.history.undo(&mut f.set);
    assert_eq!(f.set, before);
}

#[test]
fn saved_file_after_deleting_has_no_dangling_reference() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.txt");
    std::fs::write(&path, TEXT).unwrap();
    let article = Article::load(&path).unwrap();
    let options = StoreOptions {
        annotations: None,
        data_dir: Some(dir.path().join("data")),
    };
    let mut store = AnnotationStore::open(article.clone(), &options);
    let f = Fixture::linked();
    // the fixture's items, re-created on the loaded article (same text, same offsets)
    for item in f.set.items().filter(|i| i.kind() != ItemKind::Attribution) {
        store.apply(Edit::Add(item)).unwrap();
    }
    for a in &f.set.attributions {
        let edit = Edit::link(store.set(), &a.claim_id, &a.source_id, None, "me").unwrap();
        store.apply(edit).unwrap();
    }
    let edit = Edit::remove_with_links(store.set(), &f.minister);
    store.apply(edit).unwrap();
    store.save().unwrap();
    let saved = std::fs::read_to_string(store.path()).unwrap();
    assert_eq!(
        validate_text(&saved, "t.isnad.json", Some(&article)),
        Vec::<String>::new()
    );
    let doc: serde_json::Value = serde_json::from_str(&saved).unwrap();
    assert_eq!(doc["attributions"].as_array().unwrap().len(), 1);
    assert_eq!(doc["sources"].as_array().unwrap().len(), 1);
    // undo, save: the source and its three links are back on disk
    store.undo();
    store.save().unwrap();
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(store.path()).unwrap()).unwrap();
    assert_eq!(saved["attributions"].as_array().unwrap().len(), 4);
    assert_eq!(saved["sources"].as_array().unwrap().len(), 2);
}

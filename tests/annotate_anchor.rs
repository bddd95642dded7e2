//! Re-anchoring on the sample article: annotate it, edit the article (insert a paragraph,
//! change a word next to a span, drop a shadda inside one, delete a span's sentence), reopen,
//! and check where each annotation lands, that the lost one is an orphan kept verbatim, and
//! that it comes back when the text does.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use isnad::annotate::Edit;
use isnad::annotate::model::*;
use isnad::annotate::store::{AnnotationStore, StoreOptions};
use isnad::article::{Article, SAMPLE_TEXT};

fn span_of(a: &Article, quote: &str) -> std::ops::Range<usize> {
    let start = a
        .text
        .find(quote)
        .unwrap_or_else(|| panic!("{quote} not in the article"));
    start..start + quote.len()
}

fn opts(data: &Path) -> StoreOptions {
    StoreOptions {
        annotations: None,
        data_dir: Some(data.to_path_buf()),
    }
}

const PERSON: &str = "نور الدين البابا";
const CLAIM: &str = "القضاء على 3 عناصر من تنظيم \"داعش\"";
const WITNESSES: &str = "شهود عيان";
const SPOKESWOMAN: &str = "كارولين ليفيت";
const SHADDA_CLAIM: &str = "حدّدت فيه مجموعة من النقاط الأساسية";
const OFFICIAL: &str = "المتحدث باسم وزارة الداخلية السورية نور الدين البابا";

#[test]
fn reanchoring_after_the_sample_article_is_edited() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let path = dir.path().join("aleppo.txt");
    std::fs::write(&path, SAMPLE_TEXT).unwrap();
    let a = Article::load(&path).unwrap();

    let mut store = AnnotationStore::open(a.clone(), &opts(data.path()));
    let person = Entity::by_human(
        &a,
        span_of(&a, PERSON),
        Label::parse("PERSON").unwrap(),
        "me",
    )
    .unwrap();
    let spokeswoman = Entity::by_human(
        &a,
        span_of(&a, SPOKESWOMAN),
        Label::parse("PERSON").unwrap(),
        "me",
    )
    .unwrap();
    let claim = Claim::by_human(&a, span_of(&a, CLAIM), "me").unwrap();
    let shadda_claim = Claim::by_human(&a, span_of(&a, SHADDA_CLAIM), "me").unwrap();
    let official = Source::by_human(&a, span_of(&a, OFFICIAL), "me").unwrap();
    let witnesses = Source::by_human(&a, span_of(&a, WITNESSES), "me").unwrap();
    let cue = Span::checked(&a, 0.."أعلن".len()).unwrap();
    let link = Attribution::by_human(&claim.id, &official.id, Some(cue), "me");
    for item in [
        Item::Entity(person.clone()),
        Item::Entity(spokeswoman.clone()),
        Item::Claim(claim.clone()),
        Item::Claim(shadda_claim.clone()),
        Item::Source(official.clone()),
        Item::Source(witnesses.clone()),
        Item::Attribution(link.clone()),
    ] {
        store.apply(Edit::Add(item)).unwrap();
    }
    store.save().unwrap();
    let first_file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(store.path()).unwrap()).unwrap();
    let witnesses_json = first_file["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == witnesses.id.as_str())
        .unwrap()
        .clone();

    // Edit the article.
    let inserted = "تحديث: عنوان جديد أضيف في أول المقال.\n";
    let witnesses_sentence = SAMPLE_TEXT
        .lines()
        .find(|l| l.contains(WITNESSES))
        .unwrap()
        .to_owned();
    let edited = format!("{inserted}{SAMPLE_TEXT}")
        .replace("كارولين ليفيت بياناً", "كارولين ليفيت تصريحاً")
        .replace("حدّدت فيه", "حددت فيه")
        .replace(&format!("{witnesses_sentence}\n"), "");
    assert!(!edited.contains(WITNESSES) && edited.contains("تصريحاً") && !edited.contains("حدّدت"));
    std::fs::write(&path, &edited).unwrap();
    let b = Article::load(&path).unwrap();

    let mut reopened = AnnotationStore::open(b.clone(), &opts(data.path()));
    assert!(reopened.text_changed());
    assert!(reopened.read_only_reason().is_none());
    let report = reopened.anchor_report();
    assert_eq!(report.orphaned, 1, "{report:?}");
    assert_eq!(report.tolerant, 1, "{report:?}");
    assert_eq!(report.moved, 5, "{report:?}"); // 2 entities, 1 claim, 1 source, 1 cue
    let set = reopened.set().clone();
    let text_of = |id: &str| {
        set.get(id)
            .and_then(|i| i.span())
            .map(|s| s.text(&b).to_owned())
    };
    assert_eq!(text_of(&person.id).as_deref(), Some(PERSON));
    assert_eq!(text_of(&spokeswoman.id).as_deref(), Some(SPOKESWOMAN));
    assert_eq!(text_of(&claim.id).as_deref(), Some(CLAIM));
    assert_eq!(text_of(&official.id).as_deref(), Some(OFFICIAL));
    assert_eq!(
        text_of(&shadda_claim.id).as_deref(),
        Some("حددت فيه مجموعة من النقاط الأساسية")
    );
    assert_eq!(text_of(&link.id).as_deref(), Some("أعلن"));
    // positions moved by exactly the inserted paragraph (before the later edits)
    let shift = inserted.len();
    assert_eq!(
        set.get(&person.id).unwrap().span().unwrap().start,
        person.span.start + shift
    );
    assert!(!set.contains(&witnesses.id));
    assert_eq!(set.orphans, vec![witnesses_json.clone()]);

    // Nothing is written until the user changes something; then the orphan is written back
    // unchanged, with the new hash.
    assert!(!reopened.is_dirty());
    let Some(Item::Entity(mut p)) = set.get(&person.id) else {
        panic!("the person entity is gone")
    };
    p.note = "checked".into();
    reopened.apply(Edit::Update(Item::Entity(p))).unwrap();
    reopened.save().unwrap();
    let second_file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(reopened.path()).unwrap()).unwrap();
    assert_eq!(second_file["orphans"], serde_json::json!([witnesses_json]));
    assert_eq!(second_file["document"]["text_sha256"], b.sha256());
    let again = AnnotationStore::open(b, &opts(data.path()));
    assert_eq!(again.anchor_report().orphaned, 0); // already an orphan in the file
    assert_eq!(again.set().orphans, vec![witnesses_json.clone()]);
    assert_eq!(again.anchor_report().moved, 0);
    assert_eq!(again.set().len(), 6);

    // Put the sentence back: the orphan is restored where it fits.
    std::fs::write(&path, SAMPLE_TEXT).unwrap();
    let c = Article::load(&path).unwrap();
    let restored = AnnotationStore::open(c.clone(), &opts(data.path()));
    assert_eq!(restored.anchor_report().restored, 1);
    assert!(restored.set().orphans.is_empty());
    assert_eq!(
        restored
            .set()
            .get(&witnesses.id)
            .and_then(|i| i.span())
            .map(|s| s.text(&c).to_owned())
            .as_deref(),
        Some(WITNESSES)
    );
}

/// A chain's members are sources with spans of their own: when the article changes they move
/// with their spans, and the chain (ids, in order) and the coreference stay as they were.
#[test]
fn chain_members_move_with_their_spans() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let path = dir.path().join("aleppo.txt");
    std::fs::write(&path, SAMPLE_TEXT).unwrap();
    let a = Article::load(&path).unwrap();
    let after = |quote: &str, from: usize| {
        let start = from + a.text[from..].find(quote).unwrap();
        start..start + quote.len()
    };
    let claim = Claim::by_human(&a, span_of(&a, "اشتباكات عنيفة دارت ظهر السبت"), "me").unwrap();
    let speaker = Source::by_human(&a, span_of(&a, "مصادر محلية"), "me").unwrap();
    let outlet = Source {
        source_type: SourceType::Outlet,
        role: SourceRole::Intermediary,
        ..Source::by_human(&a, after("الشرق", speaker.span.unwrap().end), "me").unwrap()
    };
    let later = Source {
        same_as: Some(speaker.id.clone()),
        ..Source::by_human(&a, span_of(&a, "وأوضحت المصادر"), "me").unwrap()
    };
    let mut link = Attribution::by_human(&claim.id, &speaker.id, None, "me");
    link.via = vec![outlet.id.clone()];
    link.stance = Stance::Confirms;
    let mut store = AnnotationStore::open(a.clone(), &opts(data.path()));
    for item in [
        Item::Claim(claim),
        Item::Source(speaker.clone()),
        Item::Source(outlet.clone()),
        Item::Source(later.clone()),
        Item::Attribution(link.clone()),
    ] {
        store.apply(Edit::Add(item)).unwrap();
    }
    store.save().unwrap();

    let inserted = "عاجل: تحديث.\n";
    std::fs::write(&path, format!("{inserted}{SAMPLE_TEXT}")).unwrap();
    let b = Article::load(&path).unwrap();
    let reopened = AnnotationStore::open(b.clone(), &opts(data.path()));
    assert_eq!(reopened.anchor_report().orphaned, 0);
    let set = reopened.set();
    for (source, quote) in [
        (&speaker, "مصادر محلية"),
        (&outlet, "الشرق"),
        (&later, "وأوضحت المصادر"),
    ] {
        let Some(Item::Source(moved)) = set.get(&source.id) else {
            panic!("{quote} is gone")
        };
        let span = moved.span.unwrap();
        assert_eq!(span.start, source.span.unwrap().start + inserted.len());
        assert_eq!(span.text(&b), quote);
        assert_eq!((moved.role, &moved.same_as), (source.role, &source.same_as));
    }
    assert_eq!(set.attributions, vec![link]);
}

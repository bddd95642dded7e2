//! The compare view in the reader, driven by keys through the real event loop: `:compare FILE`
//! lists the differences with another annotator's file, the keys settle them, the open file
//! becomes the adjudicated one (saved like every edit), undo reverts a decision; `:compare`
//! alone settles the `conflict_with` pairs a merge left. Snapshots at 100×30 and 40×20. Also the
//! library's team columns, and who a file says did what (`review.by`) through imports and
//! adjudication.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use common::{TestApp, code, draw, keys, run_script};
use crossterm::event::{Event, KeyCode};
use isnad::annotate::compare::conflict_pairs;
use isnad::annotate::document::{DocumentInfo, to_json};
use isnad::annotate::file;
use isnad::annotate::model::{AnnotationSet, Claim, Entity, Item, Label, Source};
use isnad::app::App;
use isnad::article::Article;

fn article() -> Article {
    Article::sample()
}

fn at(a: &Article, needle: &str) -> std::ops::Range<usize> {
    let s = a.text.find(needle).unwrap();
    s..s + needle.len()
}

fn entity(a: &Article, needle: &str, label: &str, id: &str) -> Item {
    let mut e = Entity::by_human(a, at(a, needle), Label::parse(label).unwrap(), "t").unwrap();
    e.id = id.to_owned();
    Item::Entity(e)
}

fn set(items: impl IntoIterator<Item = Item>) -> AnnotationSet {
    let mut s = AnnotationSet::default();
    for i in items {
        s.upsert(i);
    }
    s.sort();
    s
}

fn write(path: &Path, set: &AnnotationSet) {
    let a = article();
    std::fs::write(
        path,
        to_json(&DocumentInfo::for_article(&a, "sample.txt".into()), set, &a),
    )
    .unwrap();
}

/// A's and B's files: one agreement, one label difference, one item only in A, one only in B,
/// one pair of different boundaries.
fn two_files(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let a = article();
    let claim = Claim::by_human(&a, at(&a, "القضاء على 3 عناصر من تنظيم"), "alice").unwrap();
    let ours = set([
        entity(&a, "نور الدين البابا", "PERSON", "e-000001"),
        entity(&a, "حلب", "GPE", "e-000002"),
        entity(&a, "وزارة الداخلية السورية", "ORG", "e-000003"),
        entity(&a, "داعش", "ORG", "e-000004"),
        Item::Claim(claim),
    ]);
    let theirs = set([
        entity(&a, "نور الدين البابا", "PERSON", "e-0000b1"),
        entity(&a, "حلب", "LOC", "e-0000b2"),
        entity(&a, "وزارة الداخلية", "ORG", "e-0000b3"),
        Item::Source(Source::by_human(&a, at(&a, "المتحدث باسم"), "bob").unwrap()),
    ]);
    let (fa, fb) = (dir.join("sample.isnad.json"), dir.join("bob.isnad.json"));
    write(&fa, &ours);
    write(&fb, &theirs);
    (fa, fb)
}

fn open(file: &Path, width: u16, height: u16) -> App {
    TestApp::article(article())
        .size(width, height)
        .annotations(file)
        .annotator("carol")
        .build()
}

/// `:LINE` then Enter, as typed.
fn command(line: &str) -> Vec<Event> {
    let mut events = keys(&format!(":{line}"));
    events.push(code(KeyCode::Enter));
    events
}

/// Runs the events through the real loop, then `:q` (which saves); the app may run again.
fn run(app: &mut App, mut events: Vec<Event>) {
    app.shell.quit = false;
    events.extend(command("q"));
    run_script(app, events);
}

#[test]
fn compare_view_100x30_and_40x20() {
    let dir = tempfile::tempdir().unwrap();
    let (fa, fb) = two_files(dir.path());
    for (w, h) in [(100, 30), (40, 20)] {
        let mut app = open(&fa, w, h);
        run(&mut app, command(&format!("compare {}", fb.display())));
        let shown = app.compare.as_ref().expect("compare view open");
        assert_eq!(shown.differences.len(), 5);
        insta::assert_snapshot!(format!("compare_view_{w}x{h}"), draw(&app).backend());
    }
}

/// The open file's items as (id, label or kind, quote), sorted, for comparing whole results.
fn summary(path: &Path) -> Vec<(String, String, String)> {
    let f = file::read(path, Some(std::sync::Arc::new(article()))).unwrap();
    let mut out: Vec<_> = f
        .set
        .items()
        .map(|i| {
            let what = match &i {
                Item::Entity(e) => e.label.as_str().to_owned(),
                other => other.kind().noun().to_owned(),
            };
            let quote = i
                .span()
                .map_or(String::new(), |s| f.article.text[s.range()].to_owned());
            (i.id().to_owned(), what, quote)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn keys_settle_every_difference_and_the_file_is_the_adjudicated_one() {
    let dir = tempfile::tempdir().unwrap();
    let (fa, fb) = two_files(dir.path());
    let mut app = open(&fa, 100, 30);
    let mut events = command(&format!("compare {}", fb.display()));
    // 1 boundaries → B's span; 2 label → A's; 3 داعش only in A → dropped; 4 the source only in
    // B → taken, undone, then kept with "both"; 5 the claim only in A → kept
    events.extend(keys("badbuta"));
    run(&mut app, events);
    let c = app.compare.as_ref().unwrap();
    assert_eq!(c.left(), 0, "{:?}", c.decisions);
    let source_id = set_of(&fa)
        .sources
        .first()
        .map(|s| s.id.clone())
        .expect("B's source taken");
    let claim_id = set_of(&fa).claims[0].id.clone();
    let mut expected = vec![
        (
            "e-000001".into(),
            "PERSON".into(),
            "نور الدين البابا".into(),
        ),
        ("e-000002".into(), "GPE".into(), "حلب".into()),
        ("e-000003".into(), "ORG".into(), "وزارة الداخلية".into()),
        (source_id, "source".into(), "المتحدث باسم".into()),
        (
            claim_id,
            "claim".into(),
            "القضاء على 3 عناصر من تنظيم".into(),
        ),
    ];
    expected.sort();
    assert_eq!(summary(&fa), expected);
    // who did what stays said: B's source keeps B's name
    assert_eq!(set_of(&fa).sources[0].review.by.as_deref(), Some("bob"));
    // B's file is read, never written
    assert_eq!(set_of(&fb).entities.len(), 3);
}

fn quote_of(path: &Path, id: &str) -> String {
    summary(path)
        .into_iter()
        .find(|(i, _, _)| i == id)
        .map(|(_, _, q)| q)
        .unwrap()
}

fn set_of(path: &Path) -> AnnotationSet {
    file::read(path, Some(std::sync::Arc::new(article())))
        .unwrap()
        .set
}

#[test]
fn undo_reverts_a_decision_and_opens_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let (fa, fb) = two_files(dir.path());
    let mut app = open(&fa, 100, 30);
    let mut events = command(&format!("compare {}", fb.display()));
    events.extend(keys("b"));
    run(&mut app, events);
    assert_eq!(quote_of(&fa, "e-000003"), "وزارة الداخلية");
    let mut events = keys("u");
    events.extend(command("w"));
    run(&mut app, events);
    assert_eq!(quote_of(&fa, "e-000003"), "وزارة الداخلية السورية");
    let c = app.compare.as_ref().unwrap();
    assert_eq!((c.current, c.left()), (0, 5));
}

#[test]
fn edit_drops_into_the_reader_on_the_item_and_d_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let (fa, fb) = two_files(dir.path());
    let mut app = open(&fa, 100, 30);
    let mut events = command(&format!("compare {}", fb.display()));
    events.extend(keys("]e"));
    run(&mut app, events);
    assert!(!app.compare_shown());
    let cursor = app.reader.cursor.clone().unwrap();
    assert_eq!(&app.reader.article.text[cursor], "حلب");
    // the reader has the keys: relabel the entity as LOC, then back to the differences
    run(&mut app, keys("rlD"));
    assert!(app.compare_shown());
    assert!(
        summary(&fa)
            .iter()
            .any(|(_, l, q)| l == "LOC" && q == "حلب")
    );
    insta::assert_snapshot!("compare_view_after_edit_40x20", {
        app.update(isnad::app::Action::Resize {
            width: 40,
            height: 20,
        });
        draw(&app).backend().to_string()
    });
}

#[test]
fn merge_conflicts_are_hinted_on_open_and_settled_with_the_same_keys() {
    let dir = tempfile::tempdir().unwrap();
    let a = article();
    let mut ours = entity(&a, "حلب", "GPE", "e-000002");
    let mut theirs = entity(&a, "حلب", "LOC", "e-0000c2");
    ours.set_conflict_with(Some("e-0000c2".into()));
    theirs.set_conflict_with(Some("e-000002".into()));
    let other = entity(&a, "داعش", "ORG", "e-000004");
    let path = dir.path().join("sample.isnad.json");
    write(&path, &set([ours, theirs, other]));
    let mut app = open(&path, 100, 30);
    let hint = app.shell.message.as_ref().map(|m| m.text.clone()).unwrap();
    assert!(hint.contains(":compare settles them"), "{hint}");
    let mut events = command("compare");
    events.extend(keys("b"));
    run(&mut app, events);
    let after = set_of(&path);
    assert!(conflict_pairs(&after).is_empty());
    assert_eq!(after.entities.len(), 2);
    let kept = after
        .entities
        .iter()
        .find(|e| e.label.as_str() == "LOC")
        .unwrap();
    assert_eq!(kept.conflict_with, None);
    let src = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        isnad::annotate::validate::validate_text(&src, "sample.isnad.json", Some(&a)),
        Vec::<String>::new()
    );
}

#[test]
fn the_library_counts_annotators_files_and_what_is_left_to_settle() {
    use isnad::annotate::library::scan;
    use isnad::app::Screen;
    use isnad::app::library::Library;
    let dir = tempfile::tempdir().unwrap();
    let (_, fb) = two_files(dir.path());
    // bob's file beside the article, named by the convention STEM.NAME.isnad.json
    std::fs::rename(&fb, dir.path().join("sample.bob.isnad.json")).unwrap();
    std::fs::write(dir.path().join("sample.txt"), article().text.clone()).unwrap();
    std::fs::write(dir.path().join("alone.txt"), "خبر قصير\nنص.\n").unwrap();
    let mut app = TestApp::sample().size(100, 8).build();
    app.library = Some(Library::new(
        std::path::PathBuf::from("articles"),
        scan(dir.path()).unwrap(),
    ));
    app.screen = Screen::Library;
    let lib = app.library.as_ref().unwrap();
    let sample = lib
        .visible()
        .into_iter()
        .find(|e| e.path.ends_with("sample.txt"))
        .unwrap();
    assert_eq!((sample.team.files, sample.team.differences), (2, 5));
    insta::assert_snapshot!("library_team_columns", draw(&app).backend());
}

#[test]
fn imports_name_the_tool_and_the_reviewer_is_the_configured_annotator() {
    use isnad::annotate::{AnnotationStore, ReviewStatus, StoreOptions};
    use isnad::extract::import::{Format, import_into};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.isnad.json");
    let options = StoreOptions {
        annotations: Some(path.clone()),
        data_dir: None,
    };
    let mut store = AnnotationStore::open(article(), &options);
    let conll = "نور B-PERS\nالدين I-PERS\nالبابا I-PERS\n";
    let report = import_into(&mut store, conll.as_bytes(), "ner.conll", Format::Conll).unwrap();
    assert_eq!(report.added, 1);
    store.save().unwrap();
    let imported = set_of(&path).entities[0].clone();
    assert_eq!(imported.review.status, ReviewStatus::Suggested);
    assert_eq!(imported.review.by, None, "nobody reviewed it yet");
    assert_ne!(imported.origin.by, "carol", "the tool, not the annotator");
    // accepted in the reader: the reviewer is the configured annotator, and it is saved
    let mut app = open(&path, 100, 30);
    run(&mut app, keys("]a"));
    let accepted = set_of(&path).entities[0].clone();
    assert_eq!(accepted.review.status, ReviewStatus::Accepted);
    assert_eq!(accepted.review.by.as_deref(), Some("carol"));
}

#[test]
fn the_help_lists_the_compare_keys_from_the_keymap() {
    use isnad::app::help::{Row, rows};
    let app = TestApp::sample().build();
    let rows = rows(&app.settings.keymap);
    let keys_of = |name: &str| {
        rows.iter().find_map(|r| match r {
            Row::Entry {
                keys,
                name: Some(n),
                ..
            } if *n == name => Some(keys.clone()),
            _ => None,
        })
    };
    assert!(rows.contains(&Row::Group("Compare")));
    assert_eq!(keys_of("compare.take_b").as_deref(), Some("b"));
    assert_eq!(keys_of("compare.show").as_deref(), Some("D"));
    assert_eq!(keys_of("compare.next").as_deref(), Some("], n"));
}

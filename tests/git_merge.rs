//! The git merge driver in real repositories: `isnad git-setup`, then two branches annotating
//! the same article merged, rebased and cherry-picked through `isnad merge`; a conflict settled
//! in the reader by keys, then committed; branches on different versions of the article text.
//! Needs git; when git is missing each test says so and passes without running.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;
use std::process::{Command, Output};

use isnad::annotate::document::{DocumentInfo, to_json};
use isnad::annotate::file;
use isnad::annotate::model::{AnnotationSet, Entity, Item, Label};
use isnad::article::Article;

const ARTICLE: &str = "قال المتحدث باسم وزارة الداخلية إن القاهرة استقبلت الوفد يوم السبت.\n";
const FILE: &str = "news.isnad.json";

fn git_available() -> bool {
    let ok = Command::new("git").arg("--version").output().is_ok();
    if !ok {
        eprintln!("git is not installed: the git merge driver tests are skipped");
    }
    ok
}

fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join(".xdg"))
        .env("GIT_EDITOR", "true")
        .output()
        .unwrap()
}

fn ok(o: Output) -> Output {
    assert!(
        o.status.success(),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn isnad(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join(".xdg"))
        .env("XDG_DATA_HOME", dir.join(".data"))
        .output()
        .unwrap()
}

fn article() -> Article {
    Article::from_text("news.txt", ARTICLE.to_owned())
}

fn entity(a: &Article, needle: &str, label: &str) -> Item {
    let s = a.text.find(needle).unwrap();
    Item::Entity(
        Entity::by_human(a, s..s + needle.len(), Label::parse(label).unwrap(), "t").unwrap(),
    )
}

/// Reads the annotation file of the repository.
fn read(dir: &Path) -> AnnotationSet {
    file::read(&dir.join(FILE), None).unwrap().set
}

fn write(dir: &Path, set: &AnnotationSet) {
    let a = article();
    std::fs::write(
        dir.join(FILE),
        to_json(&DocumentInfo::for_article(&a, "news.txt".into()), set, &a),
    )
    .unwrap();
}

fn commit(dir: &Path, message: &str) {
    ok(git(dir, &["add", "-A"]));
    ok(git(dir, &["commit", "-q", "-m", message]));
}

/// A repository set up with `isnad git-setup`, the article and one entity committed on `main`.
fn repo() -> (tempfile::TempDir, AnnotationSet) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(git(d, &["init", "-q", "-b", "main"]));
    ok(git(d, &["config", "user.name", "Test"]));
    ok(git(d, &["config", "user.email", "t@example.org"]));
    ok(git(d, &["config", "commit.gpgsign", "false"]));
    let setup = ok(isnad(d, &["git-setup"]));
    let said = String::from_utf8_lossy(&setup.stdout).into_owned();
    assert!(said.contains("added `*.isnad.json merge=isnad`"), "{said}");
    let again = ok(isnad(d, &["git-setup"]));
    assert!(
        String::from_utf8_lossy(&again.stdout).contains("already"),
        "idempotent"
    );
    let attributes = std::fs::read_to_string(d.join(".gitattributes")).unwrap();
    assert_eq!(attributes.matches("merge=isnad").count(), 1);
    std::fs::write(d.join("news.txt"), ARTICLE).unwrap();
    let a = article();
    let mut set = AnnotationSet::default();
    set.upsert(entity(&a, "القاهرة", "GPE"));
    write(d, &set);
    commit(d, "article and first entity");
    (dir, set)
}

fn assert_valid_without_markers(dir: &Path) {
    let text = std::fs::read_to_string(dir.join(FILE)).unwrap();
    assert!(
        !text.contains("<<<<<<<") && !text.contains(">>>>>>>"),
        "{text}"
    );
    let v = isnad(dir, &["validate", FILE]);
    assert!(v.status.success(), "{}", String::from_utf8_lossy(&v.stderr));
}

/// Branch `a` adds one entity, branch `b` another; both from `main`.
fn two_branches(d: &Path, base: &AnnotationSet) -> (Item, Item) {
    let a = article();
    let (x, y) = (
        entity(&a, "المتحدث", "PERSON"),
        entity(&a, "وزارة الداخلية", "ORG"),
    );
    ok(git(d, &["checkout", "-q", "-b", "a"]));
    let mut set = base.clone();
    set.upsert(x.clone());
    write(d, &set);
    commit(d, "a: speaker");
    ok(git(d, &["checkout", "-q", "-b", "b", "main"]));
    let mut set = base.clone();
    set.upsert(y.clone());
    write(d, &set);
    commit(d, "b: ministry");
    (x, y)
}

#[test]
fn disjoint_edits_merge_cleanly_and_nothing_is_lost() {
    if !git_available() {
        return;
    }
    let (dir, base) = repo();
    let d = dir.path();
    let (x, y) = two_branches(d, &base);
    ok(git(d, &["checkout", "-q", "a"]));
    ok(git(d, &["merge", "-q", "--no-edit", "b"]));
    assert_valid_without_markers(d);
    let merged = read(d);
    for item in [&x, &y, &base.items().next().unwrap()] {
        assert!(merged.contains(item.id()), "{} lost", item.id());
    }
    assert_eq!(merged.len(), 3);
}

#[test]
fn the_same_item_changed_on_both_sides_is_kept_twice_and_git_stops() {
    if !git_available() {
        return;
    }
    let (dir, base) = repo();
    let d = dir.path();
    let id = base.entities[0].id.clone();
    for (branch, label) in [("a", "LOC"), ("b", "ORG")] {
        ok(git(d, &["checkout", "-q", "-b", branch, "main"]));
        let mut set = base.clone();
        set.entities[0].relabel(Label::parse(label).unwrap(), branch);
        write(d, &set);
        commit(d, &format!("{branch}: relabel"));
    }
    ok(git(d, &["checkout", "-q", "a"]));
    let out = git(d, &["merge", "--no-edit", "b"]);
    assert!(!out.status.success(), "git reports the conflict");
    assert_valid_without_markers(d);
    let merged = read(d);
    assert_eq!(merged.entities.len(), 2);
    let ours = merged.entities.iter().find(|e| e.id == id).unwrap();
    assert_eq!(ours.label.as_str(), "LOC");
    let copy_id = ours.conflict_with.clone().unwrap();
    let theirs = merged.entities.iter().find(|e| e.id == copy_id).unwrap();
    assert_eq!(theirs.label.as_str(), "ORG");
    assert_eq!(theirs.conflict_with.as_deref(), Some(id.as_str()));
    // each copy says who made it
    assert_eq!(ours.review.by.as_deref(), Some("a"));
    assert_eq!(theirs.review.by.as_deref(), Some("b"));

    // settled in the reader, by keys: `:compare`, then the key of the ORG copy (A is the copy
    // with the smaller id)
    let take = if copy_id < id { "a" } else { "b" };
    let mut app = common::TestApp::article(Article::load(&d.join("news.txt")).unwrap())
        .annotations(&d.join(FILE))
        .build();
    let said = app.shell.message.as_ref().map(|m| m.text.clone()).unwrap();
    assert!(said.contains(":compare settles them"), "{said}");
    let mut events = common::keys(":compare");
    events.push(common::code(crossterm::event::KeyCode::Enter));
    events.extend(common::keys(take));
    events.extend(common::keys(":q"));
    events.push(common::code(crossterm::event::KeyCode::Enter));
    common::run_script(&mut app, events);
    assert_valid_without_markers(d);
    let settled = read(d);
    assert_eq!(settled.entities.len(), 1);
    assert_eq!(settled.entities[0].label.as_str(), "ORG");
    assert_eq!(settled.entities[0].conflict_with, None);
    commit(d, "merge b: settled in the reader");
    let status = ok(git(d, &["status", "--porcelain"]));
    assert!(
        status.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&status.stdout)
    );
}

/// The article as a typo fix on one branch leaves it: a word added before every span.
const FIXED: &str = "قال المتحدث الرسمي باسم وزارة الداخلية إن القاهرة استقبلت الوفد يوم الأحد.\n";

#[test]
fn a_branch_that_fixed_the_article_text_merges_placed_in_the_merged_article() {
    if !git_available() {
        return;
    }
    let (dir, base) = repo();
    let d = dir.path();
    // a: fixes the article; its annotations are saved against the new text
    ok(git(d, &["checkout", "-q", "-b", "a"]));
    std::fs::write(d.join("news.txt"), FIXED).unwrap();
    let fixed = Article::from_text("news.txt", FIXED.to_owned());
    let placed = file::read(&d.join(FILE), Some(std::sync::Arc::new(fixed.clone()))).unwrap();
    std::fs::write(
        d.join(FILE),
        to_json(
            &DocumentInfo::for_article(&fixed, "news.txt".into()),
            &placed.set,
            &fixed,
        ),
    )
    .unwrap();
    commit(d, "a: fix the article");
    // b: annotates the old text
    ok(git(d, &["checkout", "-q", "-b", "b", "main"]));
    let mut set = base.clone();
    let delegation = entity(&article(), "الوفد", "ORG");
    set.upsert(delegation.clone());
    write(d, &set);
    commit(d, "b: delegation");
    ok(git(d, &["checkout", "-q", "a"]));
    ok(git(d, &["merge", "-q", "--no-edit", "b"]));
    assert_valid_without_markers(d);
    // written against the fixed text: read back with nothing to re-anchor
    let src = std::fs::read_to_string(d.join(FILE)).unwrap();
    let merged = isnad::annotate::document::parse(&src, FILE, &fixed).unwrap();
    assert!(!merged.text_changed);
    assert_eq!((merged.anchor.moved, merged.anchor.orphaned), (0, 0));
    let e = merged
        .set
        .entities
        .iter()
        .find(|e| e.id == delegation.id())
        .unwrap();
    assert_eq!(
        &fixed.text[e.span.range()],
        "الوفد",
        "re-anchored to the fixed text"
    );
    assert!(merged.set.orphans.is_empty());
}

#[test]
fn without_the_article_at_hand_theirs_is_placed_in_ours_and_the_rest_kept_as_orphans() {
    use isnad::annotate::merge_files::{MergedText, Side, merge_files};
    let old = article();
    let fixed = Article::from_text("news.txt", FIXED.to_owned());
    let json = |a: &Article, set: &AnnotationSet| {
        to_json(&DocumentInfo::for_article(a, "news.txt".into()), set, a)
    };
    let mut base = AnnotationSet::default();
    base.upsert(entity(&old, "القاهرة", "GPE"));
    // ours: the same entity, saved against the fixed text
    let ours = isnad::annotate::document::parse(&json(&old, &base), "ours", &fixed)
        .unwrap()
        .set;
    let mut theirs = base.clone();
    let (placed, lost) = (entity(&old, "الوفد", "ORG"), entity(&old, "السبت", "DATE"));
    theirs.upsert(placed.clone());
    theirs.upsert(lost.clone());
    let side = |name, src| Side { name, src };
    let (base_src, ours_src, theirs_src) =
        (json(&old, &base), json(&fixed, &ours), json(&old, &theirs));
    let merged = merge_files(
        side("base", &base_src),
        side("ours", &ours_src),
        side("theirs", &theirs_src),
        None,
    )
    .unwrap();
    assert_eq!(merged.text, MergedText::Ours);
    assert_eq!(merged.orphaned, 1, "السبت is not in ours' text");
    let value: serde_json::Value = serde_json::from_str(&merged.json).unwrap();
    assert_eq!(value["orphans"].as_array().map(Vec::len), Some(1));
    let back = isnad::annotate::document::parse(&merged.json, "merged", &fixed).unwrap();
    let e = back
        .set
        .entities
        .iter()
        .find(|e| e.id == placed.id())
        .unwrap();
    assert_eq!(&fixed.text[e.span.range()], "الوفد");
    assert!(back.set.contains(base.entities[0].id.as_str()));
    assert!(!back.set.contains(lost.id()), "an orphan, not an item");
}

#[test]
fn rebase_and_cherry_pick_go_through_the_driver() {
    if !git_available() {
        return;
    }
    let (dir, base) = repo();
    let d = dir.path();
    let (x, y) = two_branches(d, &base);
    // rebase b onto a: b's commit is replayed on top of a's file
    ok(git(d, &["checkout", "-q", "b"]));
    ok(git(d, &["rebase", "-q", "a"]));
    assert_valid_without_markers(d);
    let rebased = read(d);
    assert!(rebased.contains(x.id()) && rebased.contains(y.id()));
    // cherry-pick a's commit onto main
    ok(git(d, &["checkout", "-q", "-b", "c", "main"]));
    let a = article();
    let mut set = base.clone();
    let z = entity(&a, "السبت", "DATE");
    set.upsert(z.clone());
    write(d, &set);
    commit(d, "c: date");
    let a_head = String::from_utf8(ok(git(d, &["rev-parse", "a"])).stdout).unwrap();
    ok(git(d, &["cherry-pick", a_head.trim()]));
    assert_valid_without_markers(d);
    let picked = read(d);
    assert!(picked.contains(x.id()) && picked.contains(z.id()));
}

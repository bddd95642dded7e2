//! Saving under pressure: two stores saving one file at the same instant, many times over, lose
//! nothing (the read-merge-write is serialised by a lock and merged against what each last saw).

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use isnad::annotate::Edit;
use isnad::annotate::model::*;
use isnad::annotate::store::{AnnotationStore, SaveOutcome, StoreOptions};
use isnad::article::Article;

fn opts_at(path: &Path) -> StoreOptions {
    StoreOptions {
        annotations: Some(path.to_path_buf()),
        data_dir: None,
    }
}

/// Rounds per writer: enough for a lost update to show every time without the lock (it lost one
/// in most rounds), few enough to stay within a few seconds.
const ROUNDS: usize = 100;

#[test]
fn two_stores_saving_at_the_same_instant_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.isnad.json");
    let article = Arc::new(Article::sample());
    let start = Arc::new(Barrier::new(2));
    let started = Instant::now();
    let writers: Vec<_> = ["first", "second"]
        .into_iter()
        .map(|who| {
            let (path, article, start) = (path.clone(), article.clone(), start.clone());
            std::thread::spawn(move || {
                let mut store = AnnotationStore::open(article.clone(), &opts_at(&path));
                let mut mine = Vec::new();
                start.wait();
                for round in 0..ROUNDS {
                    let mut claim = Claim::by_human(&article, 0..8, who).unwrap();
                    claim.note = format!("{who} {round}");
                    mine.push(claim.id.clone());
                    store.apply(Edit::Add(Item::Claim(claim))).unwrap();
                    store.save().unwrap();
                    // what this store added is never taken for a deletion by the other side
                    let missing = mine.iter().filter(|id| !store.set().contains(id)).count();
                    assert_eq!(missing, 0, "{who} dropped its own claims by round {round}");
                }
                mine
            })
        })
        .collect();
    let ids: Vec<String> = writers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    let elapsed = started.elapsed();
    let end = AnnotationStore::open(article, &opts_at(&path));
    let lost: Vec<&String> = ids.iter().filter(|id| !end.set().contains(id)).collect();
    assert!(
        lost.is_empty(),
        "{} of {} claims lost",
        lost.len(),
        ids.len()
    );
    assert_eq!(end.set().claims.len(), 2 * ROUNDS);
    assert!(elapsed < Duration::from_secs(30), "took {elapsed:?}");
}

#[test]
fn two_readers_on_an_article_without_annotations_share_the_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    let article_path = dir.path().join("aleppo.txt");
    std::fs::write(&article_path, isnad::article::SAMPLE_TEXT).unwrap();
    let options = StoreOptions {
        annotations: None,
        data_dir: Some(dir.path().join("data")),
    };
    let open = || isnad::extract::open::open_store(Article::load(&article_path).unwrap(), &options);
    let (mut first, mut second) = (open(), open());
    let suggested = first.set().len();
    assert!(
        first.set().entities.len() > 3,
        "the sample has entity suggestions"
    );
    assert_eq!(
        first.set(),
        second.set(),
        "two extractions of one text agree, ids too"
    );
    for (store, who) in [(&mut first, "first"), (&mut second, "second")] {
        let claim = Claim::by_human(store.article(), 0..8, who).unwrap();
        store.apply(Edit::Add(Item::Claim(claim))).unwrap();
        store.save().unwrap();
    }
    let end = AnnotationStore::open(Article::load(&article_path).unwrap(), &options);
    assert_eq!(
        end.set().len(),
        suggested + 2,
        "each suggestion once, both claims kept"
    );
}

// ---------------------------------------------------------------------------------------------
// Permissions changed while the article is open (tests run as root here, for whom the system
// allows every write: the store must go by the permission bits, at every save)

#[cfg(unix)]
fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn add_claim(store: &mut AnnotationStore, note: &str) {
    let mut claim = Claim::by_human(store.article(), 0..8, "me").unwrap();
    claim.note = note.to_owned();
    store.apply(Edit::Add(Item::Claim(claim))).unwrap();
}

#[cfg(unix)]
#[test]
fn permissions_taken_away_while_open_are_honoured_at_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("articles");
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("a.isnad.json");
    let mut store = AnnotationStore::open(Article::sample(), &opts_at(&path));
    add_claim(&mut store, "first");
    store.save().unwrap();
    let first = std::fs::read(&path).unwrap();

    chmod(&path, 0o444);
    add_claim(&mut store, "second");
    let refused = store.save();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        first,
        "a write-protected file is not replaced"
    );
    let err = refused.expect_err("the save is refused").to_string();
    assert!(err.contains("write-protected (mode 444)"), "{err}");
    assert!(store.is_dirty(), "the change is kept for a later save");

    chmod(&path, 0o644);
    chmod(&folder, 0o555);
    let refused = store.save();
    chmod(&folder, 0o755);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        first,
        "nor one in a read-only folder"
    );
    let err = refused.expect_err("the save is refused").to_string();
    assert!(err.contains("is not writable (mode 555)"), "{err}");

    // once writable again, the next save writes everything
    store.save().unwrap();
    let end = AnnotationStore::open(Article::sample(), &opts_at(&path));
    assert_eq!(end.set().claims.len(), 2);
}

#[cfg(unix)]
#[test]
fn a_copy_saved_in_the_data_directory_is_found_when_the_folder_is_writable_again() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("articles");
    std::fs::create_dir(&folder).unwrap();
    let article_path = folder.join("aleppo.txt");
    std::fs::write(&article_path, isnad::article::SAMPLE_TEXT).unwrap();
    let options = StoreOptions {
        annotations: None,
        data_dir: Some(dir.path().join("data")),
    };
    let open = || AnnotationStore::open(Article::load(&article_path).unwrap(), &options);
    let mut store = open();
    add_claim(&mut store, "in the sidecar");
    store.save().unwrap();

    chmod(&folder, 0o555);
    let mut store = open();
    add_claim(&mut store, "while read-only");
    store.save().unwrap();
    let copy = store.path().to_path_buf();
    chmod(&folder, 0o755);
    assert!(copy.starts_with(dir.path().join("data")));

    let reopened = open();
    assert_eq!(reopened.path(), copy, "the newer copy is the one opened");
    assert_eq!(reopened.set().claims.len(), 2);
    let said = reopened.describe_location();
    assert!(
        said.contains("saved here while") && said.contains("was not writable"),
        "{said}"
    );
}

#[test]
fn a_folder_named_like_the_backup_skips_the_backup_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.isnad.json");
    let mut store = AnnotationStore::open(Article::sample(), &opts_at(&path));
    add_claim(&mut store, "first");
    store.save().unwrap();
    std::fs::create_dir(dir.path().join("a.isnad.json.bak")).unwrap();
    add_claim(&mut store, "second");
    let report = store.save().unwrap();
    assert_eq!(report.outcome, SaveOutcome::Written { backup: None });
    let warning = report.warning.expect("a warning");
    assert!(
        warning.contains("a.isnad.json.bak is not a regular file"),
        "{warning}"
    );
    assert!(dir.path().join("a.isnad.json.bak").is_dir());
    assert_eq!(
        AnnotationStore::open(Article::sample(), &opts_at(&path))
            .set()
            .claims
            .len(),
        2
    );
}

#[test]
fn an_annotation_file_starting_with_a_byte_order_mark_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.isnad.json");
    let mut store = AnnotationStore::open(Article::sample(), &opts_at(&path));
    add_claim(&mut store, "first");
    store.save().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("\u{feff}{text}")).unwrap();
    let reopened = AnnotationStore::open(Article::sample(), &opts_at(&path));
    assert_eq!(reopened.load_problem(), None);
    assert_eq!(reopened.set().claims.len(), 1);
    let problems = isnad::annotate::validate::validate_text(
        &format!("\u{feff}{text}"),
        "a.isnad.json",
        Some(&Article::sample()),
    );
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn a_stale_not_saved_message_goes_after_the_next_successful_save() {
    use isnad::app::App;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.isnad.json");
    let store = AnnotationStore::open(Article::sample(), &opts_at(&path));
    let paths = isnad::config::Paths::resolve(Some(Path::new("/nonexistent/isnad/config.toml")));
    let found = isnad::tui::surroundings(&paths, isnad::config::colors::ColorDepth::TrueColor);
    let mut app = App::new(
        Article::sample(),
        isnad::config::Settings::defaults(),
        paths,
        found,
    )
    .with_store(store, "me");
    // a save that fails: the file's place is taken by a folder
    std::fs::create_dir(&path).unwrap();
    let store = app.session.store.as_mut().unwrap();
    add_claim(store, "first");
    assert!(!isnad::tui::effects::save(&mut app, false, &mut Vec::new()));
    let shown = |app: &App| {
        app.shell
            .message
            .as_ref()
            .map(|m| m.text.clone())
            .unwrap_or_default()
    };
    assert!(shown(&app).starts_with("not saved"), "{}", shown(&app));
    std::fs::remove_dir(&path).unwrap();
    assert!(isnad::tui::effects::save(&mut app, false, &mut Vec::new()));
    assert!(!shown(&app).contains("not saved"), "{}", shown(&app));
}

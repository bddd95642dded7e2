//! The library's counts for articles never opened (issue 16 item 4): what a first open would
//! suggest is counted in the background and shown without opening anything (`…` until then),
//! kept in a cache by text hash that the next start reads, counted again when the text
//! changed, and a row follows what was done in its article when the reader returns.

mod common;

use std::path::{Path, PathBuf};

use common::{TestApp, code, press, rows, run_when_idle, run_when_idle_after};
use crossterm::event::KeyCode;
use isnad::annotate::StoreOptions;
use isnad::annotate::library::scan;
use isnad::app::library::{CountsFrom, Library, SortBy};
use isnad::app::{App, Effect, Screen};
use isnad::article::{Article, sha256_hex};
use isnad::extract::counts::{CACHE_FILE, Suggested, count};

/// A folder of three Arabic news articles (two texts, one HTML page) and a data folder.
fn folders() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let root = tempfile::tempdir().expect("tempdir");
    let (dir, data) = (root.path().join("news"), root.path().join("data"));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    for (from, to) in [
        ("attribution/01-culture.txt", "a-culture.txt"),
        ("attribution/02-culture.txt", "b-culture.txt"),
        ("web/ar-news.html", "c-relief.html"),
    ] {
        std::fs::copy(fixtures.join(from), dir.join(to)).expect("copy");
    }
    (root, dir, data)
}

/// The library of `dir` as `isnad DIR` starts it, its data folder `data`.
fn library_app(dir: &Path, data: &Path) -> App {
    let mut paths = common::no_config();
    paths.data_dir = data.to_path_buf();
    let mut app = TestApp::sample()
        .size(100, 8)
        .settings(isnad::config::Settings::defaults(), paths)
        .build();
    app.library = Some(Library::new(dir.to_path_buf(), scan(dir).expect("scan")));
    app.screen = Screen::Library;
    app.session.store_options = Some(StoreOptions {
        annotations: None,
        data_dir: Some(data.to_path_buf()),
    });
    app
}

/// Starts the library as `isnad DIR` does: counting first.
fn start(dir: &Path, data: &Path) -> App {
    let mut app = library_app(dir, data);
    run_when_idle_after(&mut app, vec![Effect::CountLibrary], Vec::new());
    app
}

/// Each article's counts as the library shows them.
fn shown(app: &App) -> Vec<(String, CountsFrom, Suggested)> {
    let lib = app.library.as_ref().expect("library");
    let mut all: Vec<_> = lib
        .entries
        .iter()
        .map(|e| {
            let name = e
                .path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            let counted = Suggested {
                pending: e.pending,
                claims: e.claims,
            };
            (name, e.counts_from, counted)
        })
        .collect();
    all.sort_by(|a, b| a.0.cmp(&b.0));
    all
}

fn direct(dir: &Path, name: &str) -> (String, Suggested) {
    let article = Article::load(&dir.join(name)).expect("article");
    (sha256_hex(&article.text), count(&article))
}

fn cache(data: &Path) -> serde_json::Value {
    common::json(&data.join(CACHE_FILE))
}

#[test]
fn counts_appear_without_opening_are_cached_and_a_changed_text_is_counted_again() {
    let (_root, dir, data) = folders();
    let names = ["a-culture.txt", "b-culture.txt", "c-relief.html"];

    // before the count arrives the columns say so (a long title is cut with `…` too)
    let counting = "      …      …      …";
    let waiting = library_app(&dir, &data);
    let screen = rows(&waiting);
    assert_eq!(
        screen.iter().filter(|r| r.contains(counting)).count(),
        3,
        "{screen:#?}"
    );

    let app = start(&dir, &data);
    let counted = shown(&app);
    for ((name, from, got), wanted) in counted.iter().zip(names) {
        assert_eq!(name, wanted);
        assert_eq!(*from, CountsFrom::Suggested);
        assert_eq!(*got, direct(&dir, name).1, "{name}");
    }
    assert!(counted.iter().all(|(_, _, c)| c.pending > 0), "{counted:?}");
    assert!(counted.iter().any(|(_, _, c)| c.claims > 0), "{counted:?}");
    let screen = rows(&app);
    assert!(!screen.iter().any(|r| r.contains(counting)), "{screen:#?}");
    let a = &counted[0].2;
    assert!(
        screen
            .iter()
            .any(|r| r.contains(&format!(" {:>6} {:>6}", a.pending, a.claims))),
        "{screen:#?}"
    );

    // the cache holds each text's counts under its hash, as a direct count gives them
    let file = cache(&data);
    assert_eq!(
        (&file["format"], &file["version"]),
        (&"isnad-library-counts".into(), &1.into())
    );
    assert_eq!(file["counts"].as_object().map(|o| o.len()), Some(3));
    for name in names {
        let (hash, counted) = direct(&dir, name);
        let kept = &file["counts"][&hash];
        assert_eq!(kept["pending"], counted.pending, "{name}");
        assert_eq!(kept["claims"], counted.claims, "{name}");
    }

    // the next start reads the cache (a count changed in the file is what it shows)
    let (hash_a, _) = direct(&dir, names[0]);
    let mut edited = file.clone();
    edited["counts"][&hash_a]["pending"] = 999.into();
    std::fs::write(data.join(CACHE_FILE), edited.to_string()).expect("write");
    let again = start(&dir, &data);
    assert_eq!(shown(&again)[0].2.pending, 999, "read from the cache");

    // a changed text is counted again (and cached under its new hash)
    let b = dir.join(names[1]);
    let text = std::fs::read_to_string(&b).expect("read");
    std::fs::write(
        &b,
        format!("{text}\nوقال وزير الثقافة إن الحفل سيقام في لندن.\n"),
    )
    .expect("write");
    let changed = start(&dir, &data);
    let (hash_b, counted_b) = direct(&dir, names[1]);
    assert_eq!(shown(&changed)[1].2, counted_b);
    assert_ne!(
        shown(&changed)[1].2,
        counted[1].2,
        "the added sentence is suggested too"
    );
    assert_eq!(
        cache(&data)["counts"][&hash_b]["pending"],
        counted_b.pending
    );
    assert_eq!(
        shown(&changed)[0].2.pending,
        999,
        "the others still from the cache"
    );
}

#[test]
fn sorting_by_pending_uses_the_counts_and_a_row_follows_its_article_on_return() {
    let (_root, dir, data) = folders();
    let mut app = start(&dir, &data);
    // name → size → pending
    run_when_idle(&mut app, vec![press('o'), press('o')]);
    let lib = app.library.as_ref().expect("library");
    assert_eq!(lib.sort, SortBy::Pending);
    let pending: Vec<usize> = lib.visible().iter().map(|e| e.pending).collect();
    assert!(pending.windows(2).all(|w| w[0] >= w[1]), "{pending:?}");
    let first = lib.visible()[0].path.clone();
    let before = lib.visible()[0].pending;

    // open the article with the most suggestions, accept one, come back
    run_when_idle(&mut app, vec![code(KeyCode::Enter)]);
    assert_eq!(app.screen, Screen::Reader);
    let opened = app.session.store.as_ref().expect("annotations").set().len();
    assert_eq!(opened, before, "the count is what the article opened with");
    run_when_idle(
        &mut app,
        vec![press(']'), press('a'), code(KeyCode::Backspace)],
    );
    assert_eq!(app.screen, Screen::Library);
    let lib = app.library.as_ref().expect("library");
    let row = lib.entries.iter().find(|e| e.path == first).expect("row");
    assert_eq!(row.counts_from, CountsFrom::File, "its annotation file now");
    assert_eq!((row.accepted, row.pending), (1, before - 1));
}

#[test]
fn a_cache_that_cannot_be_written_is_said_once_and_the_counts_still_show() {
    let (_root, dir, data) = folders();
    // the data folder is a file: nothing can be written under it
    std::fs::write(&data, "not a folder").expect("write");
    let mut app = start(&dir, &data);
    assert!(
        shown(&app)
            .iter()
            .all(|(_, from, _)| *from == CountsFrom::Suggested)
    );
    let said = common::message(&app);
    assert!(said.starts_with("library counts not kept ("), "{said}");
    assert!(said.contains(CACHE_FILE), "{said}");
    assert_eq!(
        app.shell.message.as_ref().map(|m| m.kind),
        Some(isnad::app::MessageKind::Error)
    );
    // counted again (a rescan): the same failure is not said a second time
    app.shell.message = None;
    for entry in &mut app.library.as_mut().expect("library").entries {
        entry.counts_from = CountsFrom::Counting;
    }
    run_when_idle_after(&mut app, vec![Effect::CountLibrary], Vec::new());
    assert!(
        shown(&app)
            .iter()
            .all(|(_, from, _)| *from == CountsFrom::Suggested)
    );
    assert_eq!(common::message(&app), "");
}

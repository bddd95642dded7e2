//! Several web addresses on the command line (and `isnad feed`'s feeds) start the reader at
//! once on the library: every address has a row with its state (waiting, kilobytes received,
//! failed and why), the rows fill in as the pages arrive, at most `AT_ONCE` are fetched at a
//! time, a failure never stops the others, `Enter` on a failed row fetches it again, and a
//! second start finds the saved copies without a request. Against a server the test starts on
//! 127.0.0.1.

mod common;
#[path = "common/news_server.rs"]
mod news;

use std::path::{Path, PathBuf};
use std::time::Instant;

use common::{TestApp, code, draw, press, run_when_idle};
use crossterm::event::KeyCode;
use isnad::annotate::StoreOptions;
use isnad::app::fetches::{AT_ONCE, FetchState, Kind};
use isnad::app::library::Library;
use isnad::app::{Action, App, Effect, Screen};
use isnad::article::fetch::Progress;
use isnad::tui::start::library_of_arguments;

/// The app on `library`, saving fetched pages under `data`.
fn app_on(library: Library, data: &Path, height: u16) -> App {
    let mut paths = common::no_config();
    paths.data_dir = data.to_path_buf();
    let mut app = TestApp::sample()
        .size(100, height)
        .settings(isnad::config::Settings::defaults(), paths)
        .build();
    app.library = Some(library);
    app.screen = Screen::Library;
    app.session.store_options = Some(StoreOptions {
        annotations: None,
        data_dir: Some(data.to_path_buf()),
    });
    app
}

fn states(app: &App) -> Vec<FetchState> {
    let lib = app.library.as_ref().expect("library");
    lib.addresses.iter().map(|a| a.state.clone()).collect()
}

/// The fetches' states change only through `update`, which says what to start: at most
/// `AT_ONCE` at a time, the next one when one ends, whether it failed or arrived.
#[test]
fn update_starts_at_most_a_few_fetches_and_the_next_when_one_ends() {
    let data = tempfile::tempdir().expect("tempdir");
    let urls: Vec<PathBuf> = (1..=AT_ONCE + 1)
        .map(|i| PathBuf::from(format!("https://news.example/ar/{i}")))
        .collect();
    let library = library_of_arguments(&urls, data.path(), false).expect("library");
    let mut app = app_on(library, data.path(), 10);
    let lib = app.library.as_ref().expect("library");
    assert_eq!(lib.entries.len(), AT_ONCE + 1, "every address has its row");
    let effects = app.update(Action::Tick(Instant::now()));
    let asked: Vec<String> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::FetchForLibrary { url, kind, refresh } => {
                assert_eq!((*kind, *refresh), (Kind::Page, false));
                Some(url.clone())
            }
            _ => None,
        })
        .collect();
    assert_eq!(asked.len(), AT_ONCE, "{effects:?}");
    assert_eq!(asked[0], "https://news.example/ar/1");
    assert_eq!(
        states(&app)[..AT_ONCE],
        vec![FetchState::Starting; AT_ONCE][..]
    );
    assert_eq!(states(&app)[AT_ONCE], FetchState::Waiting);
    // nothing more while they run
    assert!(app.update(Action::Tick(Instant::now())).is_empty());
    for job in 1..=AT_ONCE as u64 {
        let url = format!("https://news.example/ar/{job}");
        app.update(Action::LibraryFetchStarted { job, url });
    }
    app.update(Action::FetchProgress {
        job: 1,
        progress: Progress::Receiving {
            received: 12 * 1024,
            total: Some(40 * 1024),
        },
    });
    app.update(Action::FetchProgress {
        job: 2,
        progress: Progress::Receiving {
            received: 3 * 1024,
            total: None,
        },
    });
    // a failure: said on its row (without the address), and the waiting one starts
    let effects = app.update(Action::PageFetched {
        job: 3,
        result: Err("https://news.example/ar/3: the server answered 404 (not found)".into()),
    });
    assert_eq!(
        effects,
        vec![Effect::FetchForLibrary {
            url: format!("https://news.example/ar/{}", AT_ONCE + 1),
            kind: Kind::Page,
            refresh: false,
        }]
    );
    assert_eq!(
        states(&app)[2],
        FetchState::Failed("the server answered 404 (not found)".into())
    );
    app.shell.message = None;
    insta::assert_snapshot!("library_fetching", draw(&app).backend());

    // a page that arrived: its row is read from the saved file
    let saved = app.library.as_ref().expect("library").addresses[0]
        .path
        .clone();
    let effects = app.update(Action::PageFetched {
        job: 1,
        result: Ok(saved),
    });
    assert_eq!(effects, vec![Effect::RescanLibrary]);
    assert_eq!(states(&app)[0], FetchState::Done);
    // what a job no longer awaited sends changes nothing
    assert!(
        app.update(Action::PageFetched {
            job: 99,
            result: Err("late".into()),
        })
        .is_empty()
    );
    assert_eq!(states(&app)[0], FetchState::Done);
    // a failed row: Enter fetches it again
    let lib = app.library.as_mut().expect("library");
    let failed = lib.addresses[2].path.clone();
    lib.selected = lib
        .visible()
        .iter()
        .position(|e| e.path == failed)
        .expect("its row");
    let effects = app.handle_event(code(KeyCode::Enter));
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(states(&app)[2], FetchState::Waiting);
    assert!(
        common::message(&app).contains("again"),
        "{}",
        common::message(&app)
    );
    let effects = app.update(Action::Tick(Instant::now()));
    assert!(
        matches!(effects.as_slice(), [Effect::FetchForLibrary { url, .. }] if url.ends_with("/ar/3")),
        "{effects:?}"
    );
}

/// The real loop against a local server: two pages arrive, one is missing; the library lists
/// all three from the start and fills in; a page opens with Enter; the missing one is fetched
/// again with Enter and fails again; a second start fetches only the missing one.
#[test]
fn pages_fill_the_library_as_they_arrive_and_open_offline_the_next_time() {
    let server = news::news_server();
    let data = tempfile::tempdir().expect("tempdir");
    let urls: Vec<PathBuf> = [
        "/ar/2025/05/relief",
        "/ar/2025/05/markets",
        "/ar/2025/05/gone",
    ]
    .iter()
    .map(|p| PathBuf::from(server.url(p)))
    .collect();
    let library = library_of_arguments(&urls, data.path(), false).expect("library");
    let mut app = app_on(library, data.path(), 8);
    let pending = draw(&app).backend().to_string();
    assert_eq!(pending.matches("waiting…").count(), 3, "{pending}");

    run_when_idle(&mut app, Vec::new());
    assert_eq!(server.hits(), 3);
    app.shell.message = None;
    let after = draw(&app).backend().to_string();
    insta::assert_snapshot!(
        "library_fetched",
        news::mask_counts(&after.replace(server.host(), "news.example:80"))
    );
    let lib = app.library.as_ref().expect("library");
    let titles: Vec<&str> = lib.visible().iter().map(|e| e.title.as_str()).collect();
    assert!(
        titles.contains(&"الأسواق تستقر بعد أسبوع متقلب"),
        "{titles:?}"
    );

    // the second row (sorted by name: gone, markets, relief) opens from its saved copy
    run_when_idle(&mut app, vec![press('j'), code(KeyCode::Enter)]);
    assert_eq!(app.screen, Screen::Reader);
    let text = &app.reader.article.text;
    assert!(text.contains("البنك المركزي"), "{text}");
    assert_eq!(server.hits(), 3, "opened offline");
    // back, up to the missing page: Enter fetches it again, and it fails again
    run_when_idle(
        &mut app,
        vec![code(KeyCode::Backspace), press('k'), code(KeyCode::Enter)],
    );
    assert_eq!(app.screen, Screen::Library);
    assert_eq!(server.hits(), 4);
    let lib = app.library.as_ref().expect("library");
    assert!(matches!(&lib.addresses[2].state, FetchState::Failed(why) if why.contains("404")));
    run_when_idle(&mut app, vec![press('q')]);
    assert!(app.shell.quit);

    // the next start: the saved pages are listed at once, only the missing one is fetched
    let library = library_of_arguments(&urls, data.path(), false).expect("library");
    let done = |lib: &Library| {
        (lib.addresses.iter())
            .filter(|a| a.state == FetchState::Done)
            .count()
    };
    assert_eq!(done(&library), 2);
    let mut app = app_on(library, data.path(), 8);
    run_when_idle(&mut app, vec![press('q')]);
    assert_eq!(server.hits(), 5, "only the missing page was asked for");
}

/// `isnad feed` starts at once too: the feeds are read in the background, their items listed
/// as they arrive; a feed that cannot be read keeps a row saying why.
#[test]
fn feeds_are_read_in_the_background_and_a_failed_one_says_why() {
    let data = tempfile::tempdir().expect("tempdir");
    let feed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/web/feed-ar-rss.xml");
    let missing = data.path().join("missing.xml");
    let sources = [feed.display().to_string(), missing.display().to_string()];
    let library = Library::of_feed_sources(&sources, data.path().to_path_buf());
    let mut app = app_on(library, data.path(), 10);
    let lib = app.library.as_ref().expect("library");
    assert_eq!(lib.entries.len(), 2, "a row per feed before any is read");
    assert!(
        lib.label().starts_with("2 feeds, 2 fetching"),
        "{}",
        lib.label()
    );
    run_when_idle(&mut app, Vec::new());
    let lib = app.library.as_ref().expect("library");
    assert!(lib.entries.len() > 2, "the items are listed");
    assert!(
        lib.label().starts_with("2 feeds, 1 failed"),
        "{}",
        lib.label()
    );
    let missing_row = lib
        .pending_address(&missing)
        .expect("the failed feed's row");
    assert!(
        matches!(&missing_row.kind, Kind::Feed),
        "{:?}",
        missing_row.kind
    );
    let screen = draw(&app).backend().to_string();
    assert!(screen.contains("failed:"), "{screen}");
    run_when_idle(&mut app, vec![press('q')]);
    assert!(app.shell.quit);
}

//! Feeds in the library, driven by keys against a server the test starts on 127.0.0.1: the
//! items are listed (title laid out by the engine, source, date, state), Enter fetches and
//! opens one, Backspace shows it read, and the next Enter opens the saved copy offline.

mod common;
#[path = "common/news_server.rs"]
mod news;

use std::path::Path;

use common::{TestApp, code, draw, press, run_script, run_when_idle};
use crossterm::event::KeyCode;
use isnad::annotate::StoreOptions;
use isnad::annotate::library::feed_entries;
use isnad::app::library::Library;
use isnad::app::{App, Screen};
use isnad::article::feed::{FeedList, parse_feed};

fn fixture(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The app on the library of the Arabic test feed, its links pointing at `base`, saving
/// fetched items under `data`.
fn feed_library(base: &str, data: &Path) -> App {
    let xml = std::fs::read_to_string(fixture("tests/data/web/feed-ar-rss.xml")).expect("feed");
    let xml = xml.replace("https://news.example", base);
    let feed = parse_feed("feed-ar-rss.xml", xml.as_bytes()).expect("parses");
    let mut paths = common::no_config();
    paths.data_dir = data.to_path_buf();
    let settings = isnad::config::Settings::defaults();
    let mut app = TestApp::sample()
        .size(100, 8)
        .settings(settings, paths)
        .build();
    let feeds = FeedList::new(vec![feed], data.to_path_buf());
    app.library = Some(Library::of_feeds(feeds.clone(), feed_entries(&feeds)));
    app.screen = Screen::Library;
    app.session.store_options = Some(StoreOptions {
        annotations: None,
        data_dir: Some(data.to_path_buf()),
    });
    app
}

#[test]
fn feed_items_are_listed_opened_by_enter_and_read_offline_the_second_time() {
    let server = news::news_server();
    let base = &server.base;
    let data = tempfile::tempdir().expect("tempdir");
    let mut app = feed_library(base, data.path());
    insta::assert_snapshot!("feed_library_new", draw(&app).backend());

    // the newest item first: Enter fetches it and opens its article
    run_when_idle(&mut app, vec![code(KeyCode::Enter)]);
    assert_eq!(app.screen, Screen::Reader);
    let text = &app.reader.article.text;
    assert!(text.contains("قوافل"), "{text}");
    assert!(!text.contains("اقرأ أيضا"), "{text}");
    assert_eq!(server.hits(), 1);

    // back in the library the item is read
    run_when_idle(&mut app, vec![code(KeyCode::Backspace)]);
    assert_eq!(app.screen, Screen::Library);
    // (the message names the saved file, whose name has a hash of the address and its port)
    app.shell.message = None;
    let screen = draw(&app).backend().to_string();
    insta::assert_snapshot!("feed_library_read", news::mask_counts(&screen));

    // opened again: from the saved copy, without a request
    run_when_idle(&mut app, vec![code(KeyCode::Enter)]);
    assert!(app.reader.article.text.contains("قوافل"));
    assert_eq!(server.hits(), 1, "the second open was offline");

    // an item the server does not have: the error names its address, the library stays
    run_when_idle(
        &mut app,
        vec![code(KeyCode::Backspace), press('j'), code(KeyCode::Enter)],
    );
    assert_eq!(app.screen, Screen::Library);
    let message = app.shell.message.as_ref().map(|m| m.text.clone());
    let message = message.unwrap_or_default();
    assert!(message.contains("/ar/2025/05/budget"), "{message}");
    assert!(message.contains("404"), "{message}");
    run_script(&mut app, vec![press('q')]);
    assert!(app.shell.quit);
}

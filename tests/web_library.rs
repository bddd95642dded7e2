//! Feeds in the library, driven by keys against a server the test starts on 127.0.0.1: the
//! items are listed (title laid out by the engine, source, date, state), Enter fetches and
//! opens one, Backspace shows it read, and the next Enter opens the saved copy offline.

mod common;

use std::io::{Read, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::{TestApp, code, draw, press, run_script, run_when_idle};
use crossterm::event::KeyCode;
use isnad::annotate::StoreOptions;
use isnad::annotate::library::feed_entries;
use isnad::app::library::Library;
use isnad::app::{App, Screen};
use isnad::article::feed::{FeedList, parse_feed};

/// A server for the test's pages: `/ar/2025/05/relief` is the Arabic news page, anything else
/// 404. Returns its address and how many requests it answered.
fn serve() -> (String, Arc<AtomicUsize>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let hits = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&hits);
    let page = std::fs::read(fixture("tests/data/web/ar-news.html")).expect("fixture");
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            counted.fetch_add(1, Ordering::SeqCst);
            let mut buf = [0u8; 4096];
            let n = stream.read(&mut buf).unwrap_or(0);
            let request = String::from_utf8_lossy(&buf[..n]);
            let found = request.starts_with("GET /ar/2025/05/relief ");
            let (status, body): (&str, &[u8]) = if found {
                ("200 OK", &page)
            } else {
                ("404 Not Found", b"not here")
            };
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\n\
                 Content-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body);
        }
    });
    (base, hits)
}

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
    let (base, hits) = serve();
    let data = tempfile::tempdir().expect("tempdir");
    let mut app = feed_library(&base, data.path());
    insta::assert_snapshot!("feed_library_new", draw(&app).backend());

    // the newest item first: Enter fetches it and opens its article
    run_when_idle(&mut app, vec![code(KeyCode::Enter)]);
    assert_eq!(app.screen, Screen::Reader);
    let text = &app.reader.article.text;
    assert!(text.contains("قوافل"), "{text}");
    assert!(!text.contains("اقرأ أيضا"), "{text}");
    assert_eq!(hits.load(Ordering::SeqCst), 1);

    // back in the library the item is read
    run_when_idle(&mut app, vec![code(KeyCode::Backspace)]);
    assert_eq!(app.screen, Screen::Library);
    // (the message names the saved file, whose name has a hash of the address and its port)
    app.shell.message = None;
    insta::assert_snapshot!("feed_library_read", draw(&app).backend());

    // opened again: from the saved copy, without a request
    run_when_idle(&mut app, vec![code(KeyCode::Enter)]);
    assert!(app.reader.article.text.contains("قوافل"));
    assert_eq!(
        hits.load(Ordering::SeqCst),
        1,
        "the second open was offline"
    );

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

//! The reader and the web: `:e URL` fetches the page in the background from a server the test
//! starts on 127.0.0.1 and opens its article when it has arrived (saying in the status bar that
//! its encoding was guessed); meanwhile the status bar shows the progress, `Esc` cancels (the
//! reader stays where it was, nothing is saved) and `q` quits.

mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use common::{TestApp, code, keys, press, run_when_idle};
use crossterm::event::KeyCode;
use isnad::app::{Action, App, Effect, MessageKind};
use isnad::article::fetch::Progress;

/// Serves `body` as `text/html` without a charset to every connection; returns the address.
fn serve_once(body: Vec<u8>) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let address = listener.local_addr().expect("address").to_string();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    format!("http://{address}/news")
}

/// The app on the sample with its data folder in `data`.
fn app_with_data(data: &Path) -> App {
    let mut paths = common::no_config();
    paths.data_dir = data.to_path_buf();
    let settings = isnad::config::Settings::load(&paths, true);
    TestApp::sample().settings(settings, paths).build()
}

fn message(app: &App) -> (String, MessageKind) {
    let m = app.shell.message.as_ref().expect("a message");
    (m.text.clone(), m.kind)
}

#[test]
fn colon_e_url_opens_the_article_and_says_the_encoding_was_guessed() {
    let page = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/web/ar-news-iso-8859-6.html"),
    )
    .expect("fixture");
    let url = serve_once(page);
    let data = tempfile::tempdir().expect("tempdir");
    let mut app = app_with_data(data.path());
    let mut events = keys(&format!(":e {url}"));
    events.push(code(KeyCode::Enter));
    run_when_idle(&mut app, events);
    let text = &app.reader.article.text;
    assert!(
        text.starts_with("وصول قوافل الإغاثة إلى القرى المتضررة من السيول\n"),
        "{text}"
    );
    assert!(!text.contains("اقرأ أيضا"), "{text}");
    assert!(
        message(&app).0.contains("guessed ISO-8859-6"),
        "{:?}",
        message(&app)
    );
    assert!(app.fetching.is_none());
}

/// The fetch's actions, as the loop hands them to `update`: progress in the status bar (host,
/// bytes), `Esc` cancels and says so, a cancelled or replaced job's outcome is ignored, a
/// failure is an error and the reader stays, a saved page is opened like a file, `q` quits.
#[test]
fn fetch_progress_cancel_failure_and_success_are_actions() {
    let mut app = TestApp::sample().build();
    let sample = app.reader.article.text.clone();
    app.update(Action::FetchStarted {
        job: 1,
        url: "https://news.example/ar/relief".to_owned(),
    });
    assert_eq!(
        message(&app),
        (
            "| fetching news.example connecting, Esc cancels".to_owned(),
            MessageKind::Info
        )
    );
    app.update(Action::FetchProgress {
        job: 1,
        progress: Progress::Receiving {
            received: 40 * 1024,
            total: Some(100 * 1024),
        },
    });
    assert_eq!(
        message(&app).0,
        "/ fetching news.example 40/100 KB, Esc cancels"
    );
    // the reader can be used meanwhile
    common::type_keys(&mut app, "jj");
    // Esc stops the fetch (the loop sets the job's stop flag) and the reader stays
    let effects = app.handle_event(code(KeyCode::Esc));
    assert_eq!(effects, vec![Effect::CancelFetch]);
    assert!(app.fetching.is_none());
    assert_eq!(message(&app).0, "fetch from news.example cancelled");
    // what a cancelled job still sends changes nothing
    let late = app.update(Action::PageFetched {
        job: 1,
        result: Ok(PathBuf::from("/data/articles/news.example/x.json")),
    });
    assert!(late.is_empty(), "{late:?}");
    assert_eq!(app.reader.article.text, sample);

    // a failure is said; the reader stays on its article
    app.update(Action::FetchStarted {
        job: 2,
        url: "https://news.example/missing".to_owned(),
    });
    app.update(Action::PageFetched {
        job: 2,
        result: Err("https://news.example/missing: the server answered 404 (not found)".into()),
    });
    assert_eq!(message(&app).1, MessageKind::Error);
    assert!(message(&app).0.contains("404"));
    assert_eq!(app.reader.article.text, sample);

    // a page that arrived is opened from where it was saved
    app.update(Action::FetchStarted {
        job: 3,
        url: "https://news.example/ar/relief".to_owned(),
    });
    let saved = PathBuf::from("/data/articles/news.example/ar-relief.json");
    let effects = app.update(Action::PageFetched {
        job: 3,
        result: Ok(saved.clone()),
    });
    assert_eq!(effects, vec![Effect::OpenArticle(saved)]);

    // q quits while a page is fetched
    app.update(Action::FetchStarted {
        job: 4,
        url: "https://news.example/slow".to_owned(),
    });
    let effects = app.handle_event(press('q'));
    assert!(effects.contains(&Effect::Quit), "{effects:?}");
    assert!(app.shell.quit);
}

#[path = "common/slow_server.rs"]
mod slow;

/// Against a page that arrives slowly, with the real loop: `Esc` stops the fetch thread (the
/// server sees the connection closed), the reader stays on its article and nothing is saved.
#[test]
fn esc_stops_a_slow_fetch_and_nothing_is_saved() {
    use std::sync::atomic::Ordering;
    use std::time::{Duration, Instant};
    let server = slow::slow_server();
    let data = tempfile::tempdir().expect("tempdir");
    let mut app = app_with_data(data.path());
    let sample = app.reader.article.text.clone();
    let now = Duration::ZERO;
    let mut steps: Vec<_> = keys(&format!(":e {}/slow", server.base))
        .into_iter()
        .map(|k| (now, k))
        .collect();
    steps.push((now, code(KeyCode::Enter)));
    steps.push((Duration::from_millis(600), code(KeyCode::Esc)));
    steps.push((Duration::from_millis(1000), press('j')));
    // when the server saw the connection closed: while the loop still runs (after the loop
    // ends, a job would stop anyway, its channel closed)
    let abandoned = std::sync::Arc::clone(&server.abandoned);
    let watcher = std::thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !abandoned.load(Ordering::SeqCst) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        Instant::now()
    });
    common::run_paced(&mut app, steps);
    let ended = Instant::now();
    assert_eq!(
        message(&app).0,
        format!("fetch from {} cancelled", &server.base[7..])
    );
    assert_eq!(app.reader.article.text, sample);
    assert!(app.fetching.is_none());
    let stopped = watcher.join().expect("watcher");
    assert!(
        server.abandoned.load(Ordering::SeqCst),
        "the fetch went on after Esc"
    );
    assert!(
        stopped < ended,
        "the fetch stopped only when the reader quit"
    );
    assert_eq!(server.requests.load(Ordering::SeqCst), 1);
    assert!(
        !data.path().join("articles").exists(),
        "nothing is saved from a cancelled fetch"
    );
}

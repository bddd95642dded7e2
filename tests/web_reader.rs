//! The reader and the web: `:e URL` fetches the page from a server the test starts on
//! 127.0.0.1, opens its article, and says in the status bar that its encoding was guessed.

mod common;

use std::io::{Read, Write};

use common::{TestApp, keys, press, run_script};

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

#[test]
fn colon_e_url_opens_the_article_and_says_the_encoding_was_guessed() {
    let page = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/web/ar-news-iso-8859-6.html"),
    )
    .expect("fixture");
    let url = serve_once(page);
    let data = tempfile::tempdir().expect("tempdir");
    let mut paths = common::no_config();
    paths.data_dir = data.path().to_path_buf();
    let settings = isnad::config::Settings::load(&paths, true);
    let mut app = TestApp::sample().settings(settings, paths).build();
    let mut events = keys(&format!(":e {url}"));
    events.push(common::code(crossterm::event::KeyCode::Enter));
    // the script must end with a quit; `q` without a change to save
    events.push(press('q'));
    run_script(&mut app, events);
    let text = &app.reader.article.text;
    assert!(
        text.starts_with("وصول قوافل الإغاثة إلى القرى المتضررة من السيول\n"),
        "{text}"
    );
    assert!(!text.contains("اقرأ أيضا"), "{text}");
    let message = app
        .shell
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(message.contains("guessed ISO-8859-6"), "{message}");
}

//! Fetching pages over HTTP against a server this test starts on 127.0.0.1 (tiny_http): redirects,
//! gzip, chunked bodies, a windows-1256 page declared only in the `Content-Type` header, 404 and
//! 500, a response slower than the timeout, an endless body past the size limit, a body that is
//! not HTML, a TLS handshake with a server that speaks plain HTTP; and the saved copy that opens
//! offline. No test touches any other address.

use std::io::{Read, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use isnad::article::fetch::{self, Expect, FetchError, FetchOptions, Progress};
use isnad::article::web::{open_url, saved_paths};
use tiny_http::{Header, Response, Server, StatusCode};

const PAGE: &str = "<html><head><title>وصول المساعدات إلى القرى المتضررة | الموقع</title>\
    <meta property=\"article:published_time\" content=\"2025-05-11\"></head><body>\
    <nav><a href=/>الرئيسية</a></nav><article><p>أعلنت هيئة الإغاثة، صباح الأحد، وصول \
    أولى القوافل إلى القرى المتضررة من السيول، بعد يومين من انقطاع الطرق.</p>\
    <p>وقال المتحدث باسم الهيئة، خالد منصور، إن القافلة تضم 40 شاحنة محملة بالمواد \
    الغذائية والأغطية والأدوية، وإن فرق الدفاع المدني تفتح الطرق الفرعية.</p></article></body></html>";

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

/// A server on 127.0.0.1 answering every request with `route(path)`; counts requests.
struct TestServer {
    base: String,
    hits: Arc<AtomicUsize>,
}

fn serve(route: fn(&str, usize) -> Response<Box<dyn Read + Send>>) -> TestServer {
    let server = Server::http("127.0.0.1:0").expect("bind 127.0.0.1");
    let port = server.server_addr().to_ip().map(|a| a.port()).unwrap_or(0);
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&hits);
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let n = counter.fetch_add(1, Ordering::SeqCst);
            // one thread per request: a slow answer must not hold up the next test case
            std::thread::spawn(move || {
                let response = route(request.url(), n);
                // the client may have given up (timeout, size limit): ignore the write error
                let _ = request.respond(response);
            });
        }
    });
    TestServer {
        base: format!("http://127.0.0.1:{port}"),
        hits,
    }
}

fn boxed(bytes: Vec<u8>) -> Box<dyn Read + Send> {
    Box::new(std::io::Cursor::new(bytes))
}

fn html(status: u16, content_type: &str, body: Vec<u8>) -> Response<Box<dyn Read + Send>> {
    let length = body.len();
    Response::new(
        StatusCode(status),
        vec![header("Content-Type", content_type)],
        boxed(body),
        Some(length),
        None,
    )
}

/// The test pages, by path.
fn route(path: &str, hit: usize) -> Response<Box<dyn Read + Send>> {
    match path {
        "/page" => html(200, "text/html; charset=utf-8", PAGE.as_bytes().to_vec()),
        "/changing" => {
            let page = PAGE.replace("40 شاحنة", &format!("{} شاحنة", 40 + hit));
            html(200, "text/html; charset=utf-8", page.into_bytes())
        }
        "/redirect" => {
            let mut r = html(302, "text/html", Vec::new());
            r.add_header(header("Location", "/hop/3"));
            r
        }
        p if p.starts_with("/hop/") => {
            let n: usize = p[5..].parse().unwrap_or(0);
            let mut r = html(301, "text/html", Vec::new());
            let next = if n == 0 {
                "/page".to_owned()
            } else {
                format!("/hop/{}", n - 1)
            };
            r.add_header(header("Location", &next));
            r
        }
        "/loop" => {
            let mut r = html(302, "text/html", Vec::new());
            r.add_header(header("Location", "/loop"));
            r
        }
        "/gzip" => {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            gz.write_all(PAGE.as_bytes()).expect("gzip");
            let mut r = html(200, "text/html", gz.finish().expect("gzip"));
            r.add_header(header("Content-Encoding", "gzip"));
            r
        }
        // no length: tiny_http sends it chunked
        "/chunked" => Response::new(
            StatusCode(200),
            vec![header("Content-Type", "text/html")],
            boxed(PAGE.as_bytes().to_vec()),
            None,
            None,
        ),
        "/cp1256" => {
            let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(PAGE);
            html(200, "text/html; charset=windows-1256", bytes.into_owned())
        }
        "/slow" => {
            std::thread::sleep(Duration::from_secs(3));
            html(200, "text/html", PAGE.as_bytes().to_vec())
        }
        "/endless" => Response::new(
            StatusCode(200),
            vec![header("Content-Type", "text/html")],
            Box::new(std::io::repeat(b'a')),
            None,
            None,
        ),
        "/pdf" => html(200, "application/pdf", b"%PDF-1.4".to_vec()),
        "/broken" => html(500, "text/html", b"oops".to_vec()),
        _ => html(404, "text/html", b"not here".to_vec()),
    }
}

fn quick() -> FetchOptions {
    FetchOptions {
        timeout: Duration::from_secs(1),
        max_bytes: 1 << 20,
        max_redirects: 10,
    }
}

fn get(url: &str) -> Result<fetch::Fetched, FetchError> {
    fetch::fetch(url, Expect::Html, quick(), &mut fetch::go_on(|_| {}))
}

#[test]
fn a_page_is_fetched_with_progress_and_redirects_are_followed() {
    let server = serve(route);
    let mut seen = Vec::new();
    let page = fetch::fetch(
        &format!("{}/page", server.base),
        Expect::Html,
        quick(),
        &mut fetch::go_on(|p| seen.push(p)),
    )
    .expect("fetched");
    assert_eq!(page.body, PAGE.as_bytes());
    assert_eq!(page.charset(), Some("utf-8"));
    assert_eq!(seen.first(), Some(&Progress::Connecting));
    assert!(seen.contains(&Progress::Receiving {
        received: PAGE.len() as u64,
        total: Some(PAGE.len() as u64)
    }));
    let redirected = get(&format!("{}/redirect", server.base)).expect("redirected");
    assert_eq!(redirected.body, PAGE.as_bytes());
    assert_eq!(redirected.final_url, format!("{}/page", server.base));
    let err = get(&format!("{}/loop", server.base)).expect_err("loop");
    assert!(
        matches!(err, FetchError::TooManyRedirects { limit: 10, .. }),
        "{err}"
    );
}

#[test]
fn gzip_and_chunked_bodies_arrive_whole() {
    let server = serve(route);
    for path in ["/gzip", "/chunked"] {
        let page = get(&format!("{}{path}", server.base)).expect(path);
        assert_eq!(page.body, PAGE.as_bytes(), "{path}");
    }
}

#[test]
fn every_failure_is_a_clear_error_naming_the_url() {
    let server = serve(route);
    let cases: [(&str, &str); 5] = [
        ("/missing", "the server answered 404 (not found)"),
        ("/broken", "the server answered 500 (server error)"),
        ("/slow", "no answer within 1 seconds (timeout)"),
        ("/endless", "more than 1048576 bytes; not read"),
        (
            "/pdf",
            "not an HTML page: the server says it is \"application/pdf\"",
        ),
    ];
    for (path, message) in cases {
        let url = format!("{}{path}", server.base);
        let err = get(&url).expect_err(path).to_string();
        assert!(err.starts_with(&format!("{url}: ")), "{err}");
        assert!(err.contains(message), "{path}: {err}");
    }
    // nothing listens on port 9 of 127.0.0.1 (discard), and TLS to a plain HTTP server fails
    let refused = get("http://127.0.0.1:9/x")
        .expect_err("refused")
        .to_string();
    assert!(
        refused.starts_with("http://127.0.0.1:9/x: cannot connect"),
        "{refused}"
    );
    let tls = format!("https://{}/page", plain_http_answering_anything());
    let err = get(&tls).expect_err("tls");
    assert!(matches!(err, FetchError::Tls { .. }), "{err}");
}

/// A socket on 127.0.0.1 that answers whatever it is sent with a plain HTTP error, as a web
/// server does when a client starts TLS on its HTTP port. Returns `host:port`.
fn plain_http_answering_anything() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let address = listener.local_addr().expect("address").to_string();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut buf = [0u8; 1024];
            let _ = stream.read(&mut buf);
            let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        }
    });
    address
}

#[test]
fn a_windows_1256_page_declared_in_the_header_opens_as_arabic() {
    let server = serve(route);
    let data = tempfile::tempdir().expect("tempdir");
    let url = format!("{}/cp1256", server.base);
    let opened =
        open_url(&url, data.path(), false, quick(), &mut fetch::go_on(|_| {})).expect("opened");
    assert!(
        opened.article.text.contains("وقال المتحدث باسم الهيئة"),
        "{}",
        opened.article.text
    );
    assert_eq!(opened.article.encoding_note, None);
    let saved = std::fs::read_to_string(&opened.paths.article).expect("saved");
    assert!(saved.contains("\"encoding\": \"windows-1256\""), "{saved}");
}

#[test]
fn a_fetched_page_opens_offline_the_second_time_and_refresh_fetches_again() {
    let server = serve(route);
    let data = tempfile::tempdir().expect("tempdir");
    let url = format!("{}/changing", server.base);
    let first =
        open_url(&url, data.path(), false, quick(), &mut fetch::go_on(|_| {})).expect("fetched");
    assert!(first.fetched);
    assert_eq!(first.paths, saved_paths(data.path(), &url));
    let text = &first.article.text;
    assert!(
        text.starts_with("وصول المساعدات إلى القرى المتضررة\n2025-05-11\n"),
        "{text}"
    );
    assert!(
        text.contains("40 شاحنة") && !text.contains("الرئيسية"),
        "{text}"
    );
    assert_eq!(first.article.url.as_deref(), Some(url.as_str()));
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&first.paths.article).expect("json"))
            .expect("valid json");
    for key in ["url", "fetched_at", "final_url", "encoding"] {
        assert!(saved[key].is_string(), "{key} missing: {saved}");
    }
    assert_eq!(
        std::fs::read(&first.paths.raw).expect("raw"),
        PAGE.as_bytes()
    );

    let again =
        open_url(&url, data.path(), false, quick(), &mut fetch::go_on(|_| {})).expect("offline");
    assert!(!again.fetched);
    assert_eq!(again.article.text, first.article.text);
    assert_eq!(
        server.hits.load(Ordering::SeqCst),
        1,
        "the second open made no request"
    );

    let refreshed =
        open_url(&url, data.path(), true, quick(), &mut fetch::go_on(|_| {})).expect("refreshed");
    assert!(refreshed.fetched && refreshed.article.text.contains("41 شاحنة"));
    assert_eq!(server.hits.load(Ordering::SeqCst), 2);
}

/// `isnad ARGS` with its data folder in `home`.
fn isnad(args: &[&str], home: &std::path::Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(args)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .expect("run isnad")
}

#[test]
fn isnad_render_url_prints_the_article_and_works_offline_the_second_time() {
    let server = serve(route);
    let home = tempfile::tempdir().expect("tempdir");
    let url = format!("{}/page", server.base);
    let first = isnad(&["render", "--bidi", "off", &url], home.path());
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let text = String::from_utf8_lossy(&first.stdout);
    assert!(text.contains("وصول المساعدات إلى القرى المتضررة"), "{text}");
    assert!(
        text.contains("خالد منصور") && !text.contains("الرئيسية"),
        "{text}"
    );
    let saved = home.path().join("data/isnad/articles/127.0.0.1-");
    let host_dirs = std::fs::read_dir(home.path().join("data/isnad/articles")).expect("saved");
    assert_eq!(
        host_dirs.count(),
        1,
        "one host folder under {}",
        saved.display()
    );
    let second = isnad(&["render", "--bidi", "off", &url], home.path());
    assert_eq!(second.stdout, first.stdout);
    assert_eq!(
        server.hits.load(Ordering::SeqCst),
        1,
        "the second render was offline"
    );
    let missing = isnad(
        &["render", &format!("{}/missing", server.base)],
        home.path(),
    );
    assert!(!missing.status.success());
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(
        err.contains("/missing: the server answered 404 (not found)"),
        "{err}"
    );
}

#[test]
fn isnad_feed_lists_items_with_their_state_and_address() {
    let home = tempfile::tempdir().expect("tempdir");
    let feed =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/web/feed-atom.xml");
    let out = isnad(
        &["feed", "--width", "100", &feed.to_string_lossy()],
        home.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Bread prices rise for the second month"),
        "{text}"
    );
    assert!(text.contains("https://morning.example/power-cut"), "{text}");
    assert!(text.contains("new"), "{text}");
    let none = isnad(&["feed"], home.path());
    assert!(!none.status.success());
    assert!(String::from_utf8_lossy(&none.stderr).contains("no feed given"));
}

#[test]
fn a_failed_address_on_the_command_line_is_reported_without_control_characters() {
    let server = serve(route);
    let home = tempfile::tempdir().expect("tempdir");
    // the address itself carries an escape sequence (clear the screen); `isnad render URL`
    // fetches first, fails and prints the error naming it (the reader fetches in the
    // background and shows it printable: `web_library_start`)
    let url = format!("{}/missing\x1b[2J\x07", server.base);
    let out = isnad(&["render", &url], home.path());
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("isnad: "), "{err:?}");
    assert!(err.contains("/missing"), "{err:?}");
    assert!(
        !err.chars().any(|c| c.is_control() && c != '\n'),
        "a control character reached the terminal: {err:?}"
    );
}

/// The reader's `Esc` reaches a fetch through its progress callback: stopped at any point,
/// before connecting or with the whole page received, the fetch ends as cancelled and
/// nothing is saved.
#[test]
fn a_fetch_stopped_by_its_progress_callback_saves_nothing() {
    use isnad::article::web::WebError;
    use std::ops::ControlFlow;
    let server = serve(route);
    let data = tempfile::tempdir().expect("tempdir");
    let url = format!("{}/page", server.base);
    for stop_at in [Progress::Connecting, Progress::Saving] {
        let err = open_url(&url, data.path(), false, quick(), &mut |p| {
            if p == stop_at {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })
        .err()
        .expect("cancelled");
        assert!(
            matches!(err, WebError::Fetch(FetchError::Cancelled { .. })),
            "{err}"
        );
        assert_eq!(err.to_string(), format!("{url}: fetch cancelled"));
        let paths = saved_paths(data.path(), &url);
        assert!(!paths.article.exists() && !paths.raw.exists());
    }
    assert_eq!(
        server.hits.load(Ordering::SeqCst),
        1,
        "stopped before connecting, no request was made"
    );
}

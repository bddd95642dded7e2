//! A news site for the tests on 127.0.0.1: `/ar/2025/05/relief` is the Arabic news page of
//! `tests/data/web/ar-news.html`, `/ar/2025/05/markets` a short Arabic page written here, and
//! anything else is 404. It counts the requests it answered, so a test can tell an offline
//! open from a fetch. And [`mask_counts`], for snapshots of the library of those pages.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The second page: a title and three paragraphs, enough for the article extraction.
const MARKETS: &str = "<!doctype html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">\
<title>الأسواق تستقر بعد أسبوع متقلب</title></head><body><article>\
<h1>الأسواق تستقر بعد أسبوع متقلب</h1>\
<p>قال وزير المالية في مؤتمر صحفي يوم الأحد إن الأسواق المحلية استقرت بعد أسبوع من التقلبات الحادة في أسعار الصرف.</p>\
<p>وأضاف أن البنك المركزي تدخل مرتين لضبط السيولة، وأن الاحتياطي من العملات الأجنبية ما زال عند مستوياته المعتادة.</p>\
<p>وذكرت مصادر في غرفة التجارة أن حركة الاستيراد عادت إلى طبيعتها، وأن التجار يتوقعون انخفاض الأسعار خلال الشهر المقبل.</p>\
</article></body></html>";

pub struct NewsServer {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    /// Requests answered so far.
    pub hits: Arc<AtomicUsize>,
}

impl NewsServer {
    /// The address of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// `127.0.0.1:PORT`, as rows show it.
    pub fn host(&self) -> &str {
        self.base.trim_start_matches("http://")
    }

    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }
}

pub fn news_server() -> NewsServer {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let hits = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&hits);
    let relief =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/web/ar-news.html"))
            .expect("fixture");
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            counted.fetch_add(1, Ordering::SeqCst);
            let mut buf = [0u8; 4096];
            let n = stream.read(&mut buf).unwrap_or(0);
            let request = String::from_utf8_lossy(&buf[..n]);
            let (status, body): (&str, &[u8]) = if request.starts_with("GET /ar/2025/05/relief ") {
                ("200 OK", &relief)
            } else if request.starts_with("GET /ar/2025/05/markets ") {
                ("200 OK", MARKETS.as_bytes())
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
    NewsServer { base, hits }
}

/// The screen with the suggestion counts of article rows masked (`#`): they are the
/// extractor's, which changes with its word lists (`library_counts` tests them); here only
/// that the rows are there and laid out counts.
pub fn mask_counts(screen: &str) -> String {
    let masked = screen.lines().map(|line| {
        let body: Vec<char> = line.trim_end_matches('"').chars().collect();
        // the three count columns, 7 cells each
        let split = body.len().saturating_sub(21);
        let counts: String = body[split..].iter().collect();
        let numbers = counts.split_whitespace().count() == 3
            && counts.split_whitespace().all(|c| c.parse::<u32>().is_ok());
        if !numbers {
            return line.to_owned();
        }
        let row: String = body[..split].iter().collect();
        format!("{row}{}\"", "      #".repeat(3))
    });
    masked.collect::<Vec<_>>().join("\n")
}

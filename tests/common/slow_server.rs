//! A web server for the tests on 127.0.0.1 that answers every request with an HTML page that
//! never finishes arriving: the headers at once, then a few kilobytes every 50 ms, for up to
//! 20 seconds. It notes when the client stopped reading (a cancelled fetch closes the
//! connection).
#![allow(dead_code)]

use std::io::{Read, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

pub struct SlowServer {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    /// Requests answered so far.
    pub requests: Arc<AtomicUsize>,
    /// Set when a client closed its connection before the page was complete.
    pub abandoned: Arc<AtomicBool>,
}

pub fn slow_server() -> SlowServer {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let requests = Arc::new(AtomicUsize::new(0));
    let abandoned = Arc::new(AtomicBool::new(false));
    let (counted, noted) = (Arc::clone(&requests), Arc::clone(&abandoned));
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            counted.fetch_add(1, Ordering::SeqCst);
            let noted = Arc::clone(&noted);
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                let _ = stream.read(&mut buf);
                let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\
                            Content-Length: 2000000\r\nConnection: close\r\n\r\n<html><body>";
                let chunk = "<p>نص يصل ببطء شديد.</p>\n".repeat(128);
                if stream.write_all(head.as_bytes()).is_err() {
                    return;
                }
                for _ in 0..400 {
                    std::thread::sleep(Duration::from_millis(50));
                    if stream
                        .write_all(chunk.as_bytes())
                        .and_then(|()| stream.flush())
                        .is_err()
                    {
                        noted.store(true, Ordering::SeqCst);
                        return;
                    }
                }
            });
        }
    });
    SlowServer {
        base,
        requests,
        abandoned,
    }
}

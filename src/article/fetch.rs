//! Fetching a page or a feed over HTTP(S): `ureq` with rustls (no system TLS library), redirects
//! followed up to a limit, one timeout for the whole exchange, the body read up to a size limit
//! (decompressed size: gzip is accepted and a compressed bomb stops at the limit), and a clear
//! error for every way it can fail, naming the URL. Only `http` and `https` addresses are
//! fetched, and only the one asked for: nothing a page links to (images, scripts, styles) is
//! ever requested. The progress callback can stop a fetch (the reader's `Esc`): it is asked
//! before connecting and after every chunk of the body.

use std::io::Read;
use std::ops::ControlFlow;
use std::time::Duration;

use crate::article::MAX_ARTICLE_BYTES;

/// Limits of one fetch.
#[derive(Clone, Copy, Debug)]
pub struct FetchOptions {
    /// For the whole exchange: resolving, connecting, redirects and the body.
    pub timeout: Duration,
    /// Largest body accepted (after decompression).
    pub max_bytes: u64,
    pub max_redirects: u32,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            max_bytes: MAX_ARTICLE_BYTES,
            max_redirects: 10,
        }
    }
}

/// What the response must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// An HTML page (`text/html`, `application/xhtml+xml`).
    Html,
    /// An RSS or Atom feed (`…/rss+xml`, `…/atom+xml`, `…/xml`).
    Feed,
}

impl Expect {
    fn accepts(self, mime: &str) -> bool {
        match self {
            Self::Html => matches!(mime, "text/html" | "application/xhtml+xml"),
            Self::Feed => {
                mime.ends_with("/xml") || mime.ends_with("+xml") || mime == "text/html" // some servers label feeds as HTML
            }
        }
    }

    fn what(self) -> &'static str {
        match self {
            Self::Html => "an HTML page",
            Self::Feed => "an RSS or Atom feed",
        }
    }

    fn accept_header(self) -> &'static str {
        match self {
            Self::Html => "text/html,application/xhtml+xml;q=0.9",
            Self::Feed => {
                "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.8"
            }
        }
    }
}

/// A fetched response.
#[derive(Clone, Debug)]
pub struct Fetched {
    /// The address asked for.
    pub url: String,
    /// Where it ended after redirects.
    pub final_url: String,
    /// `Content-Type` as sent (may be empty).
    pub content_type: String,
    /// Decompressed body.
    pub body: Vec<u8>,
}

impl Fetched {
    /// The `charset` the server declared, if any.
    pub fn charset(&self) -> Option<&str> {
        crate::article::encoding::charset_of_content_type(&self.content_type)
    }
}

/// How far a fetch has got, for a progress line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    Connecting,
    /// Bytes of the body received so far, and the announced length if any.
    Receiving {
        received: u64,
        total: Option<u64>,
    },
    /// The whole page arrived and is about to be saved (`article::web::open_url`): the last
    /// chance to stop without anything written.
    Saving,
}

impl std::fmt::Display for Progress {
    /// `connecting`, `12 KB`, `12/40 KB` (of the announced length), `saving`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Self::Connecting => f.write_str("connecting"),
            Self::Receiving {
                received,
                total: Some(total),
            } => write!(f, "{}/{} KB", received / 1024, total.div_ceil(1024)),
            Self::Receiving { received, .. } => write!(f, "{} KB", received / 1024),
            Self::Saving => f.write_str("saving"),
        }
    }
}

/// What a progress callback answers: go on, or stop the fetch ([`FetchError::Cancelled`]).
pub type Go = ControlFlow<()>;

/// A progress callback around `show` that never stops the fetch (for callers that only watch).
pub fn go_on(mut show: impl FnMut(Progress)) -> impl FnMut(Progress) -> Go {
    move |p| {
        show(p);
        Go::Continue(())
    }
}

/// Why a fetch failed. Every message starts with the URL.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("{url}: not a web address isnad fetches (http:// or https:// only)")]
    NotHttp { url: String },
    #[error("{url}: invalid address: {detail}")]
    InvalidUrl { url: String, detail: String },
    #[error("{url}: cannot find the host (DNS lookup failed)")]
    Dns { url: String },
    #[error("{url}: cannot connect: {detail}")]
    Connect { url: String, detail: String },
    #[error("{url}: secure connection (TLS) failed: {detail}")]
    Tls { url: String, detail: String },
    #[error("{url}: no answer within {seconds} seconds (timeout)")]
    Timeout { url: String, seconds: u64 },
    #[error("{url}: more than {limit} redirects")]
    TooManyRedirects { url: String, limit: u32 },
    #[error("{url}: the server answered {status}{}", reason_suffix(*.status))]
    Status { url: String, status: u16 },
    #[error("{url}: not {expected}: the server says it is {content_type:?}")]
    WrongType {
        url: String,
        expected: &'static str,
        content_type: String,
    },
    #[error("{url}: more than {limit} bytes; not read (the limit for one article)")]
    TooLarge { url: String, limit: u64 },
    #[error("{url}: fetch cancelled")]
    Cancelled { url: String },
    #[error("{url}: {detail}")]
    Other { url: String, detail: String },
}

fn reason_suffix(status: u16) -> String {
    let reason = match status {
        400 => "bad request",
        401 => "unauthorised",
        403 => "forbidden",
        404 => "not found",
        410 => "gone",
        429 => "too many requests",
        500 => "server error",
        502 => "bad gateway",
        503 => "service unavailable",
        504 => "gateway timeout",
        s if s >= 500 => "server error",
        _ => "",
    };
    if reason.is_empty() {
        String::new()
    } else {
        format!(" ({reason})")
    }
}

/// A progress line for a terminal's stderr: `fetching URL … 12 KB` rewritten in place, and
/// cleared by [`ProgressLine::finish`]. The URL is shown with control characters replaced, as
/// anything printed must be.
pub struct ProgressLine<'a> {
    url: String,
    out: &'a mut dyn std::io::Write,
    shown: bool,
}

impl<'a> ProgressLine<'a> {
    pub fn new(url: &str, out: &'a mut dyn std::io::Write) -> Self {
        let url = url
            .chars()
            .map(|c| if c.is_control() { '?' } else { c })
            .collect();
        Self {
            url,
            out,
            shown: false,
        }
    }

    /// Shows `progress`; never stops the fetch (a progress callback as it is).
    pub fn update(&mut self, progress: Progress) -> Go {
        // write errors on stderr are not worth failing a fetch for
        let _ = write!(self.out, "\r\x1b[2Kfetching {} … {progress}", self.url);
        let _ = self.out.flush();
        self.shown = true;
        Go::Continue(())
    }

    /// Clears the line.
    pub fn finish(&mut self) {
        if self.shown {
            let _ = write!(self.out, "\r\x1b[2K");
            let _ = self.out.flush();
            self.shown = false;
        }
    }
}

/// Whether `s` is an address to fetch rather than a file name.
pub fn is_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The host of `url` as written (`news.example:8080`), without the scheme, the user part or
/// the path; not sanitised.
pub fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    authority.rsplit('@').next().unwrap_or(authority)
}

/// Fetches `url`, reporting progress as it goes; stops with [`FetchError::Cancelled`] when
/// `progress` answers [`Go::Break`].
pub fn fetch(
    url: &str,
    expect: Expect,
    options: FetchOptions,
    progress: &mut dyn FnMut(Progress) -> Go,
) -> Result<Fetched, FetchError> {
    if !is_url(url) {
        return Err(FetchError::NotHttp {
            url: url.to_owned(),
        });
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .max_redirects(options.max_redirects)
        .http_status_as_error(false)
        .user_agent(concat!("isnad/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let cancelled = || FetchError::Cancelled {
        url: url.to_owned(),
    };
    if progress(Progress::Connecting).is_break() {
        return Err(cancelled());
    }
    let mut response = agent
        .get(url)
        .header("Accept", expect.accept_header())
        .call()
        .map_err(|e| classify(url, &options, e))?;
    let status = response.status().as_u16();
    if !(200..300).contains(&status) {
        return Err(FetchError::Status {
            url: url.to_owned(),
            status,
        });
    }
    let final_url = ureq::ResponseExt::get_uri(&response).to_string();
    let (content_type, total) = check_headers(response.headers(), url, expect, &options)?;
    let reader = response.body_mut().with_config().reader();
    let body = read_body(reader, url, &options, total, progress)?;
    Ok(Fetched {
        url: url.to_owned(),
        final_url,
        content_type,
        body,
    })
}

/// The response's content type and declared length, once they say the body is what `expect`
/// accepts and within the size limit.
fn check_headers(
    headers: &ureq::http::HeaderMap,
    url: &str,
    expect: Expect,
    options: &FetchOptions,
) -> Result<(String, Option<u64>), FetchError> {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let content_type = header("content-type").unwrap_or("").trim().to_owned();
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if !mime.is_empty() && !expect.accepts(&mime) {
        return Err(FetchError::WrongType {
            url: url.to_owned(),
            expected: expect.what(),
            content_type,
        });
    }
    let total = header("content-length").and_then(|v| v.trim().parse::<u64>().ok());
    if total.is_some_and(|t| t > options.max_bytes) {
        return Err(FetchError::TooLarge {
            url: url.to_owned(),
            limit: options.max_bytes,
        });
    }
    Ok((content_type, total))
}

fn read_body(
    reader: impl Read,
    url: &str,
    options: &FetchOptions,
    total: Option<u64>,
    progress: &mut dyn FnMut(Progress) -> Go,
) -> Result<Vec<u8>, FetchError> {
    let mut limited = reader.take(options.max_bytes.saturating_add(1));
    let mut body = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let n = match limited.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(classify_io(url, options, e)),
        };
        body.extend_from_slice(&chunk[..n]);
        if body.len() as u64 > options.max_bytes {
            return Err(FetchError::TooLarge {
                url: url.to_owned(),
                limit: options.max_bytes,
            });
        }
        let go = progress(Progress::Receiving {
            received: body.len() as u64,
            total,
        });
        if go.is_break() {
            return Err(FetchError::Cancelled {
                url: url.to_owned(),
            });
        }
    }
    Ok(body)
}

fn classify(url: &str, options: &FetchOptions, error: ureq::Error) -> FetchError {
    let url = url.to_owned();
    match error {
        ureq::Error::HostNotFound => FetchError::Dns { url },
        ureq::Error::Timeout(_) => FetchError::Timeout {
            url,
            seconds: options.timeout.as_secs().max(1),
        },
        ureq::Error::TooManyRedirects => FetchError::TooManyRedirects {
            url,
            limit: options.max_redirects,
        },
        ureq::Error::BadUri(detail) => FetchError::InvalidUrl { url, detail },
        ureq::Error::Http(e) => FetchError::InvalidUrl {
            url,
            detail: e.to_string(),
        },
        ureq::Error::Tls(detail) => FetchError::Tls {
            url,
            detail: detail.to_owned(),
        },
        ureq::Error::Rustls(e) => FetchError::Tls {
            url,
            detail: e.to_string(),
        },
        ureq::Error::ConnectionFailed => FetchError::Connect {
            url,
            detail: "connection failed".to_owned(),
        },
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
            url,
            limit: options.max_bytes,
        },
        ureq::Error::Io(e) => classify_io(&url, options, e),
        other => FetchError::Other {
            url,
            detail: other.to_string(),
        },
    }
}

fn classify_io(url: &str, options: &FetchOptions, error: std::io::Error) -> FetchError {
    use std::io::ErrorKind;
    // ureq wraps its own errors (a timeout while reading the body) in io::Error
    let inner = error
        .get_ref()
        .and_then(|e| e.downcast_ref::<ureq::Error>())
        .map(ToString::to_string);
    match error.kind() {
        ErrorKind::TimedOut | ErrorKind::WouldBlock => FetchError::Timeout {
            url: url.to_owned(),
            seconds: options.timeout.as_secs().max(1),
        },
        _ if inner.as_deref().is_some_and(|m| m.contains("timeout")) => FetchError::Timeout {
            url: url.to_owned(),
            seconds: options.timeout.as_secs().max(1),
        },
        // rustls reports a failed handshake or a certificate it refuses as invalid data
        ErrorKind::InvalidData
            if url
                .get(..8)
                .is_some_and(|s| s.eq_ignore_ascii_case("https://")) =>
        {
            FetchError::Tls {
                url: url.to_owned(),
                detail: inner.unwrap_or_else(|| error.to_string()),
            }
        }
        ErrorKind::ConnectionRefused | ErrorKind::ConnectionReset | ErrorKind::NotConnected => {
            FetchError::Connect {
                url: url.to_owned(),
                detail: error.to_string(),
            }
        }
        _ => FetchError::Other {
            url: url.to_owned(),
            detail: inner.unwrap_or_else(|| error.to_string()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_are_addresses() {
        assert!(is_url("https://example.org/a"));
        assert!(is_url("HTTP://example.org"));
        assert!(!is_url("file:///etc/passwd"));
        assert!(!is_url("article.html"));
        let err = fetch(
            "ftp://x/y",
            Expect::Html,
            FetchOptions::default(),
            &mut go_on(|_| {}),
        )
        .expect_err("refused");
        assert!(
            err.to_string().starts_with("ftp://x/y: not a web address"),
            "{err}"
        );
    }

    #[test]
    fn the_progress_line_rewrites_itself_and_hides_control_characters() {
        let mut out = Vec::new();
        let mut line = ProgressLine::new("http://h/\x1b[31m", &mut out);
        let _ = line.update(Progress::Connecting);
        let _ = line.update(Progress::Receiving {
            received: 2048,
            total: Some(4097),
        });
        line.finish();
        let text = String::from_utf8(out).unwrap_or_default();
        assert_eq!(
            text,
            "\r\x1b[2Kfetching http://h/?[31m … connecting\
             \r\x1b[2Kfetching http://h/?[31m … 2/5 KB\r\x1b[2K"
        );
    }

    #[test]
    fn status_messages_say_what_the_code_means() {
        let e = FetchError::Status {
            url: "http://h/p".into(),
            status: 404,
        };
        assert_eq!(
            e.to_string(),
            "http://h/p: the server answered 404 (not found)"
        );
        assert!(reason_suffix(299).is_empty());
    }
}

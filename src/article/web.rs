//! Articles from the web, kept for offline reading. A fetched page is stored under the data
//! directory as `articles/HOST/NAME.json` — the article in isnad's JSON article format (title,
//! url, published, byline, text) plus how it was fetched (`fetched_at`, `final_url`,
//! `encoding`, `content_type`) — with the page as it came, `NAME.html.raw`, beside it. The
//! article opens from there, so its annotations (`NAME.isnad.json` beside it, with
//! `document.url` the address) open offline next time; a refresh fetches again and overwrites
//! both, and the annotation store re-anchors what changed.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::article::encoding::decode_html;
use crate::article::fetch::{self, Expect, FetchError, FetchOptions, Go, Progress};
use crate::article::{Article, ArticleError, html, sha256_hex};

/// Why a web article could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error(transparent)]
    Article(#[from] ArticleError),
    #[error("{path}: cannot save the fetched page: {source}")]
    Save {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// Where a URL's copy lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedPaths {
    /// The article (JSON): what is opened and annotated.
    pub article: PathBuf,
    /// The page as fetched.
    pub raw: PathBuf,
}

/// The files of `url` under `data_dir`: `articles/HOST/NAME.json`, NAME made of the path's
/// words and a hash of the whole address (two addresses never share a file).
pub fn saved_paths(data_dir: &Path, url: &str) -> SavedPaths {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest.split_once('/').map_or("", |(_, path)| path);
    let host = safe_name(&fetch::host(url).to_ascii_lowercase(), 100);
    let host = if host.is_empty() { "host".into() } else { host };
    let path = path.split(['?', '#']).next().unwrap_or("");
    let words = safe_name(path, 60);
    let hash = &sha256_hex(url)[..12];
    let stem = if words.is_empty() {
        hash.to_owned()
    } else {
        format!("{words}-{hash}")
    };
    let dir = data_dir.join("articles").join(host);
    SavedPaths {
        article: dir.join(format!("{stem}.json")),
        raw: dir.join(format!("{stem}.html.raw")),
    }
}

/// Letters, digits, `.` and `-` of `s` (others become `-`, runs of them one), at most `max`
/// characters, never `.` or `..`.
fn safe_name(s: &str, max: usize) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() || c == '.' {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.chars().count() >= max {
            break;
        }
    }
    out.trim_matches(['-', '.']).to_owned()
}

/// A web article, opened.
pub struct Opened {
    pub article: Article,
    pub paths: SavedPaths,
    /// True when it was fetched now, false when the saved copy was opened.
    pub fetched: bool,
}

/// Opens `url`: the saved copy when there is one (unless `refresh`), else fetches it, saves it
/// and opens the saved article. `progress` may stop the fetch (see [`fetch::fetch`]); it is
/// asked once more, with [`Progress::Saving`], before anything is written.
pub fn open_url(
    url: &str,
    data_dir: &Path,
    refresh: bool,
    options: FetchOptions,
    progress: &mut dyn FnMut(Progress) -> Go,
) -> Result<Opened, WebError> {
    let paths = saved_paths(data_dir, url);
    if !refresh && paths.article.is_file() {
        let article = Article::load(&paths.article)?;
        return Ok(Opened {
            article,
            paths,
            fetched: false,
        });
    }
    let fetched = fetch::fetch(url, Expect::Html, options, progress)?;
    if progress(Progress::Saving).is_break() {
        return Err(FetchError::Cancelled {
            url: url.to_owned(),
        }
        .into());
    }
    let decoded = decode_html(&fetched.body, fetched.charset());
    let page = html::parse(url, &decoded.text);
    let record = serde_json::json!({
        "title": page.title,
        "url": url,
        "published": page.published,
        "byline": page.byline,
        "outlet": page.outlet,
        "text": page.text,
        "fetched_at": humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string(),
        "final_url": fetched.final_url,
        "canonical_url": page.url,
        "encoding": decoded.encoding,
        "encoding_note": decoded.note,
        "content_type": fetched.content_type,
    });
    let json = serde_json::to_string_pretty(&record).unwrap_or_default();
    write_atomically(&paths.raw, &fetched.body)?;
    write_atomically(&paths.article, json.as_bytes())?;
    let article = Article::load(&paths.article)?;
    Ok(Opened {
        article,
        paths,
        fetched: true,
    })
}

/// Command-line arguments with every http(s) address replaced by its saved article (fetched
/// first when not saved yet, or when `refresh`), showing a progress line on `progress_out`.
/// Other arguments are files and pass unchanged.
pub fn localise_arguments(
    args: &[PathBuf],
    data_dir: &Path,
    refresh: bool,
    progress_out: &mut dyn Write,
) -> Result<Vec<PathBuf>, WebError> {
    args.iter()
        .map(|arg| {
            let Some(url) = arg.to_str().filter(|a| fetch::is_url(a)) else {
                return Ok(arg.clone());
            };
            let mut line = fetch::ProgressLine::new(url, progress_out);
            let opened = open_url(url, data_dir, refresh, FetchOptions::default(), &mut |p| {
                line.update(p)
            });
            line.finish();
            Ok(opened?.paths.article)
        })
        .collect()
}

/// Writes through a temporary file in the same folder, renamed over the old one: a crash
/// leaves the old copy or the new one, never half of one.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), WebError> {
    let err = |source| WebError::Save {
        path: path.display().to_string(),
        source,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(err)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(err)?;
    tmp.write_all(bytes).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_paths_are_per_host_and_never_escape() {
        let data = Path::new("/data");
        let p = saved_paths(
            data,
            "https://News.Example:8080/ar/2025/05/relief.html?id=7",
        );
        assert_eq!(
            p.article.parent(),
            Some(Path::new("/data/articles/news.example-8080"))
        );
        let name = p.article.file_name().and_then(|n| n.to_str()).unwrap_or("");
        assert!(name.starts_with("ar-2025-05-relief.html-"), "{name}");
        assert!(name.ends_with(".json"));
        assert_eq!(p.raw, p.article.with_extension("html.raw"));
        let other = saved_paths(
            data,
            "https://news.example:8080/ar/2025/05/relief.html?id=8",
        );
        assert_ne!(p.article, other.article, "the query makes another article");
        let evil = saved_paths(data, "http://../../../etc/passwd");
        assert!(
            evil.article.starts_with("/data/articles/"),
            "{:?}",
            evil.article
        );
        assert!(!evil.article.components().any(|c| c.as_os_str() == ".."));
        let bare = saved_paths(data, "https://example.org");
        assert!(bare.article.starts_with("/data/articles/example.org"));
    }
}

//! Listing articles for the library screen: `isnad DIR` lists the articles of a folder (`.txt`,
//! `.md`, `.html`, `.json`), `isnad FILE1 FILE2 …` those files, each with its title (from the
//! article loaders' metadata), size and how far its annotation is (accepted and pending items,
//! claims, read leniently from the annotation file next to it); and the items of feeds
//! ([`feed_entries`]), whose entries are where their copies are (or will be) saved.

use std::path::{Path, PathBuf};

use crate::annotate::store::sidecar_path;
use crate::article::feed::{FeedItem, FeedList, ItemInfo, ItemState};
use crate::article::web::saved_paths;
use crate::article::{Article, ArticleFormat, first_line};

/// Where an entry's counts come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountsFrom {
    /// Its annotation file.
    File,
    /// No annotation file yet: the suggestions a first open would add, being counted in the
    /// background (`extract::counts`); the counts are 0 until they arrive.
    Counting,
    /// No annotation file yet: the suggestions a first open would add, counted.
    Suggested,
    /// Nothing to count: a feed item not fetched yet.
    Nothing,
}

/// One article of the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: PathBuf,
    pub title: String,
    pub bytes: u64,
    /// Accepted or corrected items in its annotation file.
    pub accepted: usize,
    /// Suggestions not yet reviewed.
    pub pending: usize,
    pub claims: usize,
    /// The annotation file could not be read (the count columns are then empty).
    pub unreadable: bool,
    pub counts_from: CountsFrom,
    /// Annotators' files, differences and merge conflicts left (annotate/team.rs).
    pub team: crate::annotate::team::Team,
    /// For an item of a feed: its address, date, source and whether it was read.
    pub item: Option<ItemInfo>,
}

/// The entries of a library: the articles of `dir`, or exactly `files` when some were named.
pub fn scan_library(dir: &Path, files: &[PathBuf]) -> Result<Vec<Entry>, String> {
    if files.is_empty() {
        scan(dir)
    } else {
        scan_files(files)
    }
}

/// Title of an article file from its loader's metadata, falling back to the first line of the
/// text. Plain text reads only the start of the file, since its title is its first line.
/// `Err` when the file cannot be loaded.
pub fn title_of_file(path: &Path) -> Result<String, String> {
    if ArticleFormat::of_path(path) == ArticleFormat::Text {
        return Ok(first_line(&read_head(path, 4096)).to_owned());
    }
    Article::load(path)
        .map(|a| a.display_title())
        .map_err(|e| e.to_string())
}

/// Counts of an annotation file, read leniently (any readable JSON of the format).
fn counts(file: &Path) -> Option<(usize, usize, usize, bool)> {
    let text = std::fs::read_to_string(file).ok()?;
    let Ok(doc) = serde_json::from_str::<serde_json::Value>(&text) else {
        return Some((0, 0, 0, true));
    };
    let (mut accepted, mut pending) = (0, 0);
    for key in ["entities", "sources", "claims", "attributions"] {
        for item in doc[key].as_array().into_iter().flatten() {
            match item["review"]["status"].as_str() {
                Some("accepted" | "corrected") => accepted += 1,
                Some("suggested") | None => pending += 1,
                _ => {}
            }
        }
    }
    let claims = doc["claims"].as_array().map_or(0, Vec::len);
    Some((accepted, pending, claims, false))
}

/// Lists the articles of `dir` (see [`ArticleFormat::is_article_file`]). A `.json` file that
/// is not an article (no `text`) is left out, since folders hold other JSON too.
pub fn scan(dir: &Path) -> Result<Vec<Entry>, String> {
    let shown = dir.display();
    let read = std::fs::read_dir(dir).map_err(|e| format!("{shown}: cannot list: {e}"))?;
    let mut entries = Vec::new();
    for item in read.flatten() {
        let path = item.path();
        if !path.is_file() || !ArticleFormat::is_article_file(&path) {
            continue;
        }
        let title = title_of_file(&path);
        if title.is_err() && ArticleFormat::of_path(&path) == ArticleFormat::Json {
            continue;
        }
        entries.push(entry(path, title.unwrap_or_default()));
    }
    Ok(entries)
}

/// The entries of files named by the user; each must exist. A file that does not load is still
/// listed (under its name), and opening it shows why.
pub fn scan_files(files: &[PathBuf]) -> Result<Vec<Entry>, String> {
    let mut entries = Vec::with_capacity(files.len());
    for path in files {
        if !path.is_file() {
            return Err(format!("{}: not a file", path.display()));
        }
        if entries.iter().any(|e: &Entry| &e.path == path) {
            continue;
        }
        entries.push(entry(path.clone(), title_of_file(path).unwrap_or_default()));
    }
    Ok(entries)
}

fn entry(path: PathBuf, title: String) -> Entry {
    let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
    let own = sidecar_path(&path);
    let found = counts(&own);
    let counts_from = match found {
        Some(_) => CountsFrom::File,
        None if path.is_file() => CountsFrom::Counting,
        None => CountsFrom::Nothing,
    };
    let (accepted, pending, claims, unreadable) = found.unwrap_or((0, 0, 0, false));
    let team = crate::annotate::team::team_of(&path, &own);
    let title = if title.is_empty() {
        path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    } else {
        title
    };
    Entry {
        path,
        title,
        bytes,
        accepted,
        pending,
        claims,
        unreadable,
        counts_from,
        team,
        item: None,
    }
}

/// The entries of the feeds' items: each is where its copy is saved (`article::web`), so
/// its counts come from the annotation file beside that, like a file's. Reads files only,
/// never the network.
pub fn feed_entries(feeds: &FeedList) -> Vec<Entry> {
    feeds
        .items
        .iter()
        .map(|item| feed_entry(item, &feeds.data_dir))
        .collect()
}

fn feed_entry(item: &FeedItem, data_dir: &Path) -> Entry {
    let path = item
        .link
        .as_ref()
        .map_or_else(PathBuf::new, |link| saved_paths(data_dir, link).article);
    let title = if item.title.is_empty() {
        item.link.clone().unwrap_or_else(|| "(no title)".to_owned())
    } else {
        item.title.clone()
    };
    Entry {
        item: Some(ItemInfo {
            link: item.link.clone(),
            published: item.published.clone(),
            source: item.source.clone(),
            state: ItemState::of(item, data_dir),
        }),
        ..entry(path, title)
    }
}

fn read_head(path: &Path, limit: usize) -> String {
    use std::io::Read;
    let mut buf = Vec::with_capacity(limit);
    if let Ok(file) = std::fs::File::open(path) {
        let _ = file.take(limit as u64).read_to_end(&mut buf);
    }
    let text = String::from_utf8_lossy(&buf);
    text.trim_start_matches('\u{FEFF}').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_titles_and_counts() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("b.txt"), "ثانٍ\nنص طويل جدا جدا جدا جدا جدا").expect("w");
        std::fs::write(dir.path().join("a.md"), "# أول\n").expect("w");
        std::fs::write(dir.path().join("notes.json"), "{}").expect("w");
        std::fs::write(
            dir.path().join("c.json"),
            r#"{"title": "ثالث", "text": "نص"}"#,
        )
        .expect("w");
        std::fs::write(dir.path().join("d.html"), "<title>رابع</title><p>نص</p>").expect("w");
        std::fs::write(
            dir.path().join("b.isnad.json"),
            r#"{"entities":[{"review":{"status":"suggested"}},{"review":{"status":"accepted"}}],
               "claims":[{"review":{"status":"accepted"}}]}"#,
        )
        .expect("w");
        let mut entries = scan_library(dir.path(), &[]).expect("scan");
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        let titles: Vec<&str> = entries.iter().map(|e| e.title.as_str()).collect();
        // notes.json is not an article and b.isnad.json is an annotation file: both left out
        assert_eq!(titles, ["أول", "ثانٍ", "ثالث", "رابع"]);
        let b = &entries[1];
        assert_eq!((b.accepted, b.pending, b.claims), (2, 1, 1));
        assert_eq!(b.counts_from, CountsFrom::File);
        assert_eq!(entries[0].counts_from, CountsFrom::Counting, "never opened");
        assert!(b.bytes > entries[0].bytes, "sizes are read");
        assert!(scan(&dir.path().join("missing")).is_err());
    }

    #[test]
    fn feed_items_have_their_state_and_counts_from_their_saved_copy() {
        use crate::article::feed::Feed;
        let data = tempfile::tempdir().expect("tempdir");
        let item = |title: &str, link: Option<&str>| FeedItem {
            title: title.to_owned(),
            link: link.map(str::to_owned),
            published: Some("2025-05-01 08:00".to_owned()),
            source: "أخبار".to_owned(),
        };
        let feed = Feed {
            title: "أخبار".to_owned(),
            items: vec![
                item("قديم", Some("https://news.example/old")),
                item("جديد", Some("https://news.example/new")),
                item("", None),
            ],
        };
        let list = FeedList::new(vec![feed], data.path().to_path_buf());
        // the old item was read and annotated before
        let saved = saved_paths(data.path(), "https://news.example/old").article;
        std::fs::create_dir_all(saved.parent().expect("folder")).expect("mkdir");
        std::fs::write(&saved, r#"{"title": "قديم", "text": "نص"}"#).expect("w");
        std::fs::write(
            sidecar_path(&saved),
            r#"{"claims":[{"review":{"status":"suggested"}}]}"#,
        )
        .expect("w");
        let entries = feed_entries(&list);
        let state = |e: &Entry| e.item.as_ref().map(|i| i.state);
        assert_eq!(entries[0].path, saved);
        assert_eq!(state(&entries[0]), Some(ItemState::Annotated));
        assert_eq!((entries[0].pending, entries[0].claims), (1, 1));
        assert_eq!(state(&entries[1]), Some(ItemState::New));
        assert_eq!(entries[1].counts_from, CountsFrom::Nothing, "not fetched");
        assert_eq!(entries[2].title, "(no title)");
        // listing again reads the saved copies: the new item is read once saved
        let new = saved_paths(data.path(), "https://news.example/new").article;
        std::fs::write(&new, r#"{"title": "جديد", "text": "نص"}"#).expect("w");
        assert_eq!(state(&feed_entries(&list)[1]), Some(ItemState::Read));
    }

    #[test]
    fn scanning_files_lists_exactly_those_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let md = dir.path().join("a.md");
        let json = dir.path().join("b.json");
        let broken = dir.path().join("c.json");
        std::fs::write(&md, "---\ntitle: أول\n---\nنص").expect("w");
        std::fs::write(&json, r#"{"title": "ثان", "text": "نص"}"#).expect("w");
        std::fs::write(&broken, "{").expect("w");
        std::fs::write(dir.path().join("other.txt"), "غير مطلوب").expect("w");
        let files = vec![json.clone(), md.clone(), broken.clone(), json.clone()];
        let entries = scan_library(dir.path(), &files).expect("scan");
        let titles: Vec<&str> = entries.iter().map(|e| e.title.as_str()).collect();
        // named explicitly, a broken article is still listed (under its name); duplicates once
        assert_eq!(titles, ["ثان", "أول", "c.json"]);
        let missing = dir.path().join("missing.txt");
        let err = scan_files(&[md, missing.clone()]).expect_err("missing");
        assert_eq!(err, format!("{}: not a file", missing.display()));
    }
}

//! The library: `isnad DIR` lists the articles of a folder (`.txt`, `.md`, `.html`, `.json`),
//! `isnad FILE1 FILE2 …` lists those files, and `isnad feed` the items of RSS and Atom feeds
//! ([`feeds`]), with their title (from the article loaders' metadata, or the feed), size or date
//! and source, and how far their annotation is (accepted and pending items, claims), sortable
//! and filterable; `Enter` opens one and `Backspace` returns. Scanning reads files, so the loop
//! calls [`Library::rescan`]; everything else is plain state.

mod feeds;

use std::path::{Path, PathBuf};

pub use feeds::{FeedList, ItemInfo};

use crate::annotate::store::sidecar_path;
use crate::article::{Article, ArticleFormat, first_line};

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
    /// For an item of a feed: its address, date, source and whether it was read.
    pub item: Option<ItemInfo>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Name,
    Size,
    Pending,
    /// Newest first (feed items; files have no date and keep their name order).
    Date,
}

impl SortBy {
    /// The next order `o` gives: files by name, size, pending; feed items by date, name
    /// (their title), pending.
    pub fn next(self, feeds: bool) -> Self {
        match (self, feeds) {
            (Self::Name, false) => Self::Size,
            (Self::Size, _) => Self::Pending,
            (Self::Pending, false) => Self::Name,
            (Self::Date, _) => Self::Name,
            (Self::Name, true) => Self::Pending,
            (Self::Pending, true) => Self::Date,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Size => "size",
            Self::Pending => "pending",
            Self::Date => "date",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Library {
    /// The folder listed, or the folder of the first file when files were given.
    pub dir: PathBuf,
    /// The files given on the command line; empty when the whole of `dir` is listed.
    pub files: Vec<PathBuf>,
    pub entries: Vec<Entry>,
    pub sort: SortBy,
    /// Only entries whose title or file name contains this (case-insensitive) are shown.
    pub filter: String,
    /// Index into [`Library::visible`].
    pub selected: usize,
    /// When the library lists feeds: their items (the entries are made from them).
    pub feeds: Option<FeedList>,
}

impl Library {
    pub fn new(dir: PathBuf, entries: Vec<Entry>) -> Self {
        let mut library = Self {
            dir,
            files: Vec::new(),
            entries,
            sort: SortBy::Name,
            filter: String::new(),
            selected: 0,
            feeds: None,
        };
        library.sort_entries();
        library
    }

    /// A library of the given files (in the order of [`SortBy::Name`] like a folder).
    pub fn of_files(mut files: Vec<PathBuf>, entries: Vec<Entry>) -> Self {
        let mut seen = std::collections::HashSet::new();
        files.retain(|f| seen.insert(f.clone()));
        let dir = files
            .first()
            .and_then(|f| f.parent())
            .filter(|d| !d.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let mut library = Self::new(dir, entries);
        library.files = files;
        library
    }

    /// What the library lists, for its header: the folder, or the number of files.
    pub fn label(&self) -> String {
        if let Some(feeds) = &self.feeds {
            feeds.label()
        } else if self.files.is_empty() {
            self.dir.display().to_string()
        } else {
            format!("{} files", self.files.len())
        }
    }

    /// Reads the entries again from the folder or the files.
    pub fn rescan(&self) -> Result<Vec<Entry>, String> {
        if let Some(feeds) = &self.feeds {
            Ok(feeds.entries())
        } else if self.files.is_empty() {
            scan(&self.dir)
        } else {
            scan_files(&self.files)
        }
    }

    fn sort_entries(&mut self) {
        match self.sort {
            SortBy::Name if self.feeds.is_some() => {
                self.entries.sort_by(|a, b| a.title.cmp(&b.title));
            }
            SortBy::Name => self.entries.sort_by(|a, b| a.path.cmp(&b.path)),
            SortBy::Date => self.entries.sort_by(|a, b| {
                let date = |e: &Entry| e.item.as_ref().and_then(|i| i.published.clone());
                // newest first, undated last
                date(b).cmp(&date(a)).then(a.path.cmp(&b.path))
            }),
            SortBy::Size => self.entries.sort_by_key(|e| std::cmp::Reverse(e.bytes)),
            SortBy::Pending => self
                .entries
                .sort_by(|a, b| b.pending.cmp(&a.pending).then(a.path.cmp(&b.path))),
        }
    }

    pub fn cycle_sort(&mut self) {
        self.sort = self.sort.next(self.feeds.is_some());
        self.sort_entries();
        self.selected = 0;
    }

    pub fn set_filter(&mut self, filter: &str) {
        self.filter = filter.trim().to_owned();
        self.selected = 0;
    }

    /// Entries shown, in order, after the filter.
    pub fn visible(&self) -> Vec<&Entry> {
        let needle = self.filter.to_lowercase();
        self.entries
            .iter()
            .filter(|e| {
                needle.is_empty()
                    || e.title.to_lowercase().contains(&needle)
                    || e.path
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().to_lowercase().contains(&needle))
            })
            .collect()
    }

    pub fn move_by(&mut self, delta: isize) {
        let count = self.visible().len();
        if count == 0 {
            self.selected = 0;
            return;
        }
        let target = self.selected.saturating_add_signed(delta);
        self.selected = target.min(count - 1);
    }

    pub fn selected_path(&self) -> Option<PathBuf> {
        self.visible().get(self.selected).map(|e| e.path.clone())
    }

    /// What `Enter` opens: the selected file, or the address of the selected feed item (its
    /// saved copy when there is one: `article::web::open_url`). `Err` says why nothing opens.
    pub fn selected_target(&self) -> Option<Result<PathBuf, String>> {
        let entry = *self.visible().get(self.selected)?;
        Some(match &entry.item {
            None => Ok(entry.path.clone()),
            Some(item) => item
                .link
                .clone()
                .map(PathBuf::from)
                .ok_or_else(|| "this feed item has no address to open".to_owned()),
        })
    }

    /// Replaces the entries (after a rescan), keeping the selection on the same file.
    pub fn refresh(&mut self, entries: Vec<Entry>) {
        let keep = self.selected_path();
        self.entries = entries;
        self.sort_entries();
        if let Some(keep) = keep
            && let Some(i) = self.visible().iter().position(|e| e.path == keep)
        {
            self.selected = i;
        }
        self.move_by(0);
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
    let (accepted, pending, claims, unreadable) =
        counts(&sidecar_path(&path)).unwrap_or((0, 0, 0, false));
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
        item: None,
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
    fn scans_counts_sorts_and_filters() {
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
        let mut lib = Library::new(dir.path().to_path_buf(), scan(dir.path()).expect("scan"));
        let titles: Vec<&str> = lib.visible().iter().map(|e| e.title.as_str()).collect();
        // notes.json is not an article and b.isnad.json is an annotation file: both left out
        assert_eq!(titles, ["أول", "ثانٍ", "ثالث", "رابع"]);
        let b = &lib.visible()[1];
        assert_eq!((b.accepted, b.pending, b.claims), (2, 1, 1));
        lib.cycle_sort();
        assert_eq!(lib.sort, SortBy::Size);
        assert_eq!(lib.selected_target(), Some(Ok(dir.path().join("b.txt"))));
        assert_eq!(lib.visible()[0].title, "ثانٍ");
        lib.set_filter("أول");
        assert_eq!(lib.visible().len(), 1);
        assert_eq!(lib.selected_path(), Some(dir.path().join("a.md")));
        lib.move_by(5);
        assert_eq!(lib.selected, 0);
        assert!(scan(&dir.path().join("missing")).is_err());
    }

    #[test]
    fn library_of_files_lists_exactly_those_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let md = dir.path().join("a.md");
        let json = dir.path().join("b.json");
        let broken = dir.path().join("c.json");
        std::fs::write(&md, "---\ntitle: أول\n---\nنص").expect("w");
        std::fs::write(&json, r#"{"title": "ثان", "text": "نص"}"#).expect("w");
        std::fs::write(&broken, "{").expect("w");
        std::fs::write(dir.path().join("other.txt"), "غير مطلوب").expect("w");
        let files = vec![json.clone(), md.clone(), broken.clone(), json.clone()];
        let lib = Library::of_files(files.clone(), scan_files(&files).expect("scan"));
        let titles: Vec<&str> = lib.visible().iter().map(|e| e.title.as_str()).collect();
        // named explicitly, a broken article is still listed (under its name); duplicates once
        assert_eq!(titles, ["أول", "ثان", "c.json"]);
        assert_eq!(lib.dir, dir.path());
        assert_eq!(lib.label(), "3 files");
        assert_eq!(lib.rescan().expect("rescan").len(), 3);
        let missing = dir.path().join("missing.txt");
        let err = scan_files(&[md, missing.clone()]).expect_err("missing");
        assert_eq!(err, format!("{}: not a file", missing.display()));
    }
}

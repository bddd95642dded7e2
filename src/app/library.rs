//! The library: `isnad DIR` lists the articles of a folder (`.txt` and `.md`) with their title,
//! size and how far their annotation is (accepted and pending items, claims), sortable and
//! filterable; `Enter` opens one and `Backspace` returns. Scanning reads files, so the loop
//! calls [`scan`]; everything else is plain state.

use std::path::{Path, PathBuf};

use crate::annotate::store::sidecar_path;

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Name,
    Size,
    Pending,
}

impl SortBy {
    pub fn next(self) -> Self {
        match self {
            Self::Name => Self::Size,
            Self::Size => Self::Pending,
            Self::Pending => Self::Name,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Size => "size",
            Self::Pending => "pending",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Library {
    pub dir: PathBuf,
    pub entries: Vec<Entry>,
    pub sort: SortBy,
    /// Only entries whose title or file name contains this (case-insensitive) are shown.
    pub filter: String,
    /// Index into [`Library::visible`].
    pub selected: usize,
}

impl Library {
    pub fn new(dir: PathBuf, entries: Vec<Entry>) -> Self {
        let mut library = Self {
            dir,
            entries,
            sort: SortBy::Name,
            filter: String::new(),
            selected: 0,
        };
        library.sort_entries();
        library
    }

    fn sort_entries(&mut self) {
        match self.sort {
            SortBy::Name => self.entries.sort_by(|a, b| a.path.cmp(&b.path)),
            SortBy::Size => self.entries.sort_by_key(|e| std::cmp::Reverse(e.bytes)),
            SortBy::Pending => self
                .entries
                .sort_by(|a, b| b.pending.cmp(&a.pending).then(a.path.cmp(&b.path))),
        }
    }

    pub fn cycle_sort(&mut self) {
        self.sort = self.sort.next();
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

/// Title of an article: the first `# heading` or front-matter `title:` of Markdown, else the
/// first non-empty line.
pub fn title_of(path: &Path, text: &str) -> String {
    let is_md = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"));
    let first_line = || {
        text.lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("")
            .to_owned()
    };
    if !is_md {
        return first_line();
    }
    let mut lines = text.lines();
    if text.starts_with("---") {
        lines.next();
        for line in lines.by_ref() {
            if line.trim() == "---" {
                break;
            }
            if let Some(t) = line.strip_prefix("title:") {
                return t.trim().trim_matches('"').to_owned();
            }
        }
    }
    lines
        .map(str::trim)
        .find_map(|l| l.strip_prefix("# ").map(|t| t.trim().to_owned()))
        .unwrap_or_else(first_line)
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

/// Lists the articles of `dir` (`.txt`, `.md`; annotation files and hidden files skipped).
pub fn scan(dir: &Path) -> Result<Vec<Entry>, String> {
    let shown = dir.display();
    let read = std::fs::read_dir(dir).map_err(|e| format!("{shown}: cannot list: {e}"))?;
    let mut entries = Vec::new();
    for item in read.flatten() {
        let path = item.path();
        let name = item.file_name().to_string_lossy().into_owned();
        let is_article = path.is_file()
            && !name.starts_with('.')
            && path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"));
        if !is_article {
            continue;
        }
        let bytes = item.metadata().map_or(0, |m| m.len());
        // the title needs only the start of the file
        let head = read_head(&path, 4096);
        let title = title_of(&path, &head);
        let (accepted, pending, claims, unreadable) =
            counts(&sidecar_path(&path)).unwrap_or((0, 0, 0, false));
        entries.push(Entry {
            title: if title.is_empty() { name } else { title },
            path,
            bytes,
            accepted,
            pending,
            claims,
            unreadable,
        });
    }
    Ok(entries)
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
    fn titles_from_text_and_markdown() {
        assert_eq!(
            title_of(Path::new("a.txt"), "\n  عنوان الخبر \nنص"),
            "عنوان الخبر"
        );
        assert_eq!(title_of(Path::new("a.md"), "intro\n# العنوان\n"), "العنوان");
        assert_eq!(
            title_of(
                Path::new("a.md"),
                "---\ntitle: \"خبر\"\ndate: x\n---\n# other\n"
            ),
            "خبر"
        );
        assert_eq!(title_of(Path::new("a.md"), "no heading"), "no heading");
    }

    #[test]
    fn scans_counts_sorts_and_filters() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("b.txt"), "ثانٍ\nنص طويل جدا جدا").expect("w");
        std::fs::write(dir.path().join("a.md"), "# أول\n").expect("w");
        std::fs::write(dir.path().join("notes.json"), "{}").expect("w");
        std::fs::write(
            dir.path().join("b.isnad.json"),
            r#"{"entities":[{"review":{"status":"suggested"}},{"review":{"status":"accepted"}}],
               "claims":[{"review":{"status":"accepted"}}]}"#,
        )
        .expect("w");
        let mut lib = Library::new(dir.path().to_path_buf(), scan(dir.path()).expect("scan"));
        let titles: Vec<&str> = lib.visible().iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["أول", "ثانٍ"]);
        let b = &lib.visible()[1];
        assert_eq!((b.accepted, b.pending, b.claims), (2, 1, 1));
        lib.cycle_sort();
        assert_eq!(lib.sort, SortBy::Size);
        assert_eq!(lib.visible()[0].title, "ثانٍ");
        lib.set_filter("أول");
        assert_eq!(lib.visible().len(), 1);
        assert_eq!(lib.selected_path(), Some(dir.path().join("a.md")));
        lib.move_by(5);
        assert_eq!(lib.selected, 0);
        assert!(scan(&dir.path().join("missing")).is_err());
    }
}

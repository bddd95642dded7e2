//! The library screen: `isnad DIR` lists the articles of a folder, `isnad FILE1 FILE2 …` those
//! files, `isnad feed` the items of RSS and Atom feeds (newest first; `Enter` fetches an item,
//! or opens its saved copy), sortable and filterable; `Enter` opens one and `Backspace` returns. The entries are
//! read by [`crate::annotate::library`] (files, so the loop does it: `Effect::RescanLibrary`
//! comes back as `Action::LibraryScanned`); here is only the screen's state. Articles without
//! an annotation file show what a first open would suggest: the loop counts them in the
//! background (`Effect::CountLibrary`, `extract::counts`) and each count arrives as
//! `Action::LibraryCounted`, showing `…` until then.

use std::path::{Path, PathBuf};

pub use crate::annotate::library::{CountsFrom, Entry};
use crate::app::fetches::Address;
use crate::app::{App, Effect};
use crate::article::feed::FeedList;
use crate::extract::counts::Suggested;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Name,
    Size,
    Pending,
    /// Newest first (feed items).
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
    /// When the library lists feeds: their items (the entries are read from them:
    /// `annotate::library::feed_entries`).
    pub feeds: Option<FeedList>,
    /// Whether the status bar said the counts' cache could not be written (said once).
    pub counts_not_kept_said: bool,
    /// Web pages and feeds being fetched for the library (`app::fetches`): each has a row
    /// of its own, with its state, until it arrives.
    pub addresses: Vec<Address>,
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
            counts_not_kept_said: false,
            addresses: Vec::new(),
        };
        library.sort_entries();
        library
    }

    /// A library of the items of `feeds` with their `entries`, newest first.
    pub fn of_feeds(feeds: FeedList, entries: Vec<Entry>) -> Self {
        let mut library = Self::new(feeds.data_dir.join("articles"), entries);
        library.feeds = Some(feeds);
        library.sort = SortBy::Date;
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
    /// While addresses are fetched, how many are still to come or failed follows.
    pub fn label(&self) -> String {
        let what = match &self.feeds {
            Some(_) if self.addresses.len() > 1 => format!("{} feeds", self.addresses.len()),
            // the one feed, not read yet: its address
            Some(feeds) if feeds.titles.is_empty() && !self.addresses.is_empty() => {
                crate::text::sanitize::printable(&self.addresses[0].url)
            }
            Some(feeds) => feeds.label(),
            None if self.files.is_empty() => self.dir.display().to_string(),
            None => format!("{} files", self.files.len()),
        };
        what + &self.fetch_summary()
    }

    /// `n` of what the library lists, in words: `3 articles`, `1 article`, or for feeds
    /// `3 items` (an item is not an article until it is fetched).
    pub fn count(&self, n: usize) -> String {
        let what = match (self.feeds.is_some(), n) {
            (true, 1) => "item",
            (true, _) => "items",
            (false, 1) => "article",
            (false, _) => "articles",
        };
        format!("{n} {what}")
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

    /// Replaces the entries (after a rescan), keeping the selection on the same file; the
    /// addresses not fetched yet keep their rows.
    pub fn refresh(&mut self, entries: Vec<Entry>) {
        let keep = self.selected_path();
        self.entries = entries;
        let waiting = self.placeholders();
        self.entries.extend(waiting);
        self.sort_keeping(keep);
    }

    /// Sorts again, keeping the selection on the same file.
    fn resort(&mut self) {
        self.sort_keeping(self.selected_path());
    }

    /// Sorts, and selects `keep` again (the selected file before the entries changed).
    fn sort_keeping(&mut self, keep: Option<PathBuf>) {
        self.sort_entries();
        if let Some(keep) = keep
            && let Some(i) = self.visible().iter().position(|e| e.path == keep)
        {
            self.selected = i;
        }
        self.move_by(0);
    }

    /// The articles whose suggestions are still to be counted.
    pub fn to_count(&self) -> Vec<PathBuf> {
        self.entries
            .iter()
            .filter(|e| e.counts_from == CountsFrom::Counting)
            .map(|e| e.path.clone())
            .collect()
    }

    /// The suggestions of `path` were counted (`None`: it could not be read).
    pub fn counted(&mut self, path: &Path, counted: Option<Suggested>) {
        let mut changed = false;
        for entry in (self.entries.iter_mut())
            .filter(|e| e.path == path && e.counts_from == CountsFrom::Counting)
        {
            let found = counted.unwrap_or_default();
            (entry.accepted, entry.pending, entry.claims) = (0, found.pending, found.claims);
            entry.counts_from = CountsFrom::Suggested;
            // an article that cannot be read shows `?`, like an unreadable annotation file
            entry.unreadable = counted.is_none();
            changed = true;
        }
        if changed && self.sort == SortBy::Pending {
            self.resort();
        }
    }
}

impl App {
    /// The library was listed again: its articles without annotations are counted next.
    /// The counts' cache could not be written: said once (as an error, so it stays), since each
    /// rescan would fail the same way; the counts shown are right, only counted again next start.
    pub(super) fn counts_not_kept(&mut self, why: String) {
        let Some(lib) = self.library.as_mut() else {
            return;
        };
        if std::mem::replace(&mut lib.counts_not_kept_said, true) {
            return;
        }
        self.error(format!(
            "library counts not kept ({why}): they are counted again at the next start"
        ));
    }

    pub(super) fn library_scanned(&mut self, entries: Vec<Entry>) -> Option<Effect> {
        let lib = self.library.as_mut()?;
        lib.refresh(entries);
        (!lib.to_count().is_empty()).then_some(Effect::CountLibrary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str, title: &str, bytes: u64) -> Entry {
        Entry {
            path: PathBuf::from(path),
            title: title.to_owned(),
            bytes,
            accepted: 0,
            pending: 0,
            claims: 0,
            unreadable: false,
            counts_from: CountsFrom::File,
            team: Default::default(),
            item: None,
        }
    }

    #[test]
    fn sorts_filters_and_selects() {
        let entries = vec![
            entry("/l/b.txt", "ثانٍ", 50),
            entry("/l/a.md", "أول", 8),
            entry("/l/c.json", "ثالث", 30),
        ];
        let mut lib = Library::new(PathBuf::from("/l"), entries);
        let titles: Vec<&str> = lib.visible().iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["أول", "ثانٍ", "ثالث"], "by name first");
        lib.cycle_sort();
        assert_eq!(lib.sort, SortBy::Size);
        assert_eq!(lib.selected_target(), Some(Ok(PathBuf::from("/l/b.txt"))));
        assert_eq!(lib.visible()[0].title, "ثانٍ");
        lib.set_filter("أول");
        assert_eq!(lib.visible().len(), 1);
        assert_eq!(lib.selected_path(), Some(PathBuf::from("/l/a.md")));
        lib.move_by(5);
        assert_eq!(lib.selected, 0);
    }

    #[test]
    fn counts_arriving_fill_their_rows_and_keep_a_pending_sort() {
        let counting = |path: &str, bytes| Entry {
            counts_from: CountsFrom::Counting,
            ..entry(path, path, bytes)
        };
        let entries = vec![
            counting("/l/a.txt", 1),
            counting("/l/b.txt", 2),
            entry("/l/c.txt", "c", 3),
        ];
        let mut lib = Library::new(PathBuf::from("/l"), entries);
        assert_eq!(
            lib.to_count(),
            [PathBuf::from("/l/a.txt"), PathBuf::from("/l/b.txt")]
        );
        lib.cycle_sort();
        lib.cycle_sort();
        assert_eq!(lib.sort, SortBy::Pending);
        lib.move_by(2);
        assert_eq!(lib.selected_path(), Some(PathBuf::from("/l/c.txt")));
        let found = Suggested {
            pending: 9,
            claims: 2,
        };
        lib.counted(Path::new("/l/b.txt"), Some(found));
        let order: Vec<&str> = lib.visible().iter().map(|e| e.title.as_str()).collect();
        assert_eq!(
            order,
            ["/l/b.txt", "/l/a.txt", "c"],
            "sorted again by pending"
        );
        assert_eq!(
            lib.selected_path(),
            Some(PathBuf::from("/l/c.txt")),
            "the selection stays"
        );
        let b = &lib.visible()[0];
        assert_eq!(
            (b.pending, b.claims, b.counts_from),
            (9, 2, CountsFrom::Suggested)
        );
        // an article that could not be read shows `?`; a row counted already is left alone
        lib.counted(Path::new("/l/a.txt"), None);
        lib.counted(Path::new("/l/b.txt"), Some(Suggested::default()));
        assert!(lib.visible()[1].unreadable);
        assert_eq!(lib.visible()[0].pending, 9);
        assert!(lib.to_count().is_empty());
    }

    #[test]
    fn a_library_of_files_lists_them_once_from_their_folder() {
        let files = vec![
            PathBuf::from("/l/b.json"),
            PathBuf::from("/l/a.md"),
            PathBuf::from("/l/b.json"),
        ];
        let lib = Library::of_files(files, vec![entry("/l/b.json", "ثان", 1)]);
        assert_eq!(lib.dir, PathBuf::from("/l"));
        assert_eq!(lib.files.len(), 2, "duplicates once");
        assert_eq!(lib.label(), "2 files");
        assert_eq!(
            (lib.count(1), lib.count(2)),
            ("1 article".into(), "2 articles".into())
        );
    }

    #[test]
    fn feed_items_are_newest_first_open_by_address_and_sort_by_title() {
        use crate::article::feed::{ItemInfo, ItemState};
        let item = |path: &str, title: &str, link: Option<&str>, date: &str| Entry {
            item: Some(ItemInfo {
                link: link.map(str::to_owned),
                published: Some(date.to_owned()),
                source: "أخبار".to_owned(),
                state: ItemState::New,
            }),
            ..entry(path, title, 0)
        };
        let feeds = FeedList {
            titles: vec!["أخبار".to_owned()],
            items: Vec::new(),
            data_dir: PathBuf::from("/d"),
        };
        let entries = vec![
            item(
                "/d/old",
                "قديم",
                Some("https://n.example/old"),
                "2025-05-01 08:00",
            ),
            item(
                "/d/new",
                "جديد",
                Some("https://n.example/new"),
                "2025-05-03 08:00",
            ),
            item("", "بلا رابط", None, "2025-05-02 08:00"),
        ];
        let mut lib = Library::of_feeds(feeds, entries);
        assert_eq!(lib.label(), "أخبار");
        assert_eq!(lib.count(lib.visible().len()), "3 items");
        let titles: Vec<&str> = lib.visible().iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["جديد", "بلا رابط", "قديم"]);
        assert_eq!(
            lib.selected_target(),
            Some(Ok(PathBuf::from("https://n.example/new")))
        );
        lib.move_by(1);
        assert!(matches!(lib.selected_target(), Some(Err(_))));
        lib.cycle_sort();
        assert_eq!(lib.sort, SortBy::Name);
        assert_eq!(lib.visible()[0].title, "بلا رابط");
        lib.cycle_sort();
        assert_eq!(lib.sort, SortBy::Pending);
        lib.cycle_sort();
        assert_eq!(lib.sort, SortBy::Date);
    }
}

//! The library of feeds (`isnad feed`, or `feeds = […]` in the configuration): one entry per
//! item, with its date, source and whether it was read (its copy is saved) or annotated. An
//! item's entry points at where its copy is (or will be) saved, so its counts come from the
//! annotation file beside it like a file's; listing again reads those files, never the network.

use std::path::{Path, PathBuf};

use super::{Entry, Library, SortBy, entry};
use crate::article::feed::{Feed, FeedItem, ItemState};
use crate::article::web::saved_paths;

/// What a feed item's entry shows besides a file's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemInfo {
    /// The article's address (`None`: the feed gave none, nothing to open).
    pub link: Option<String>,
    /// `YYYY-MM-DD HH:MM` UTC.
    pub published: Option<String>,
    /// The feed's title.
    pub source: String,
    pub state: ItemState,
}

/// The feeds a library lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedList {
    /// The feeds' titles, in the order given.
    pub titles: Vec<String>,
    pub items: Vec<FeedItem>,
    /// Where fetched items are saved (`articles/HOST/…`).
    pub data_dir: PathBuf,
}

impl FeedList {
    /// The header's label: the feed's title, or how many feeds.
    pub fn label(&self) -> String {
        match self.titles.as_slice() {
            [one] => one.clone(),
            titles => format!("{} feeds", titles.len()),
        }
    }

    /// The entries of the items, read from the files under the data directory.
    pub fn entries(&self) -> Vec<Entry> {
        self.items
            .iter()
            .map(|item| item_entry(item, &self.data_dir))
            .collect()
    }
}

fn item_entry(item: &FeedItem, data_dir: &Path) -> Entry {
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

impl Library {
    /// A library of the items of `feeds` (already read), newest first; fetched items are
    /// saved under `data_dir`.
    pub fn of_feeds(feeds: Vec<Feed>, data_dir: PathBuf) -> Self {
        let list = FeedList {
            titles: feeds.iter().map(|f| f.title.clone()).collect(),
            items: feeds.into_iter().flat_map(|f| f.items).collect(),
            data_dir: data_dir.clone(),
        };
        let mut library = Self::new(data_dir.join("articles"), list.entries());
        library.feeds = Some(list);
        library.sort = SortBy::Date;
        library.sort_entries();
        library
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::store::sidecar_path;

    fn item(title: &str, link: Option<&str>, published: &str) -> FeedItem {
        FeedItem {
            title: title.to_owned(),
            link: link.map(str::to_owned),
            published: Some(published.to_owned()),
            source: "أخبار".to_owned(),
        }
    }

    #[test]
    fn items_are_listed_newest_first_with_their_state_and_open_by_address() {
        let data = tempfile::tempdir().expect("tempdir");
        let feed = Feed {
            title: "أخبار".to_owned(),
            items: vec![
                item("قديم", Some("https://news.example/old"), "2025-05-01 08:00"),
                item("جديد", Some("https://news.example/new"), "2025-05-03 08:00"),
                item("بلا رابط", None, "2025-05-02 08:00"),
            ],
        };
        // the old item was read and annotated before
        let saved = saved_paths(data.path(), "https://news.example/old").article;
        std::fs::create_dir_all(saved.parent().expect("folder")).expect("mkdir");
        std::fs::write(&saved, r#"{"title": "قديم", "text": "نص"}"#).expect("w");
        std::fs::write(
            sidecar_path(&saved),
            r#"{"claims":[{"review":{"status":"suggested"}}]}"#,
        )
        .expect("w");
        let mut lib = Library::of_feeds(vec![feed], data.path().to_path_buf());
        assert_eq!(lib.label(), "أخبار");
        let titles: Vec<&str> = lib.visible().iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["جديد", "بلا رابط", "قديم"]);
        let old = lib.visible()[2];
        let state = old.item.as_ref().map(|i| i.state);
        assert_eq!(state, Some(ItemState::Annotated));
        assert_eq!((old.pending, old.claims), (1, 1));
        assert_eq!(
            lib.selected_target(),
            Some(Ok(PathBuf::from("https://news.example/new")))
        );
        lib.move_by(1);
        assert!(matches!(lib.selected_target(), Some(Err(_))));
        // listing again reads the saved copies: the new item is read once saved
        let new = saved_paths(data.path(), "https://news.example/new").article;
        std::fs::write(&new, r#"{"title": "جديد", "text": "نص"}"#).expect("w");
        lib.refresh(lib.rescan().expect("rescan"));
        let state = lib.visible()[0].item.as_ref().map(|i| i.state);
        assert_eq!(state, Some(ItemState::Read));
        assert_eq!(lib.selected, 1, "the selection stays on its item");
        lib.cycle_sort();
        assert_eq!(lib.sort, SortBy::Name);
        assert_eq!(lib.visible()[0].title, "بلا رابط");
    }
}

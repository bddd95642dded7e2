//! RSS 2.0 and Atom feeds (`feed-rs`; the XML declaration's encoding is honoured, windows-1256
//! included): the items of a feed, each with its title as plain text (entities decoded, markup
//! dropped, even when a feed encodes them twice), its link, date and source, and whether it was
//! already read (a saved copy exists) or annotated (an annotation file exists beside it).
//! Reading a feed never fetches an item: that is the user's choice, one item at a time.

use std::path::{Path, PathBuf};

use scraper::Html;

use crate::annotate::store::sidecar_path;
use crate::article::dom::{Dom, ROOT, collapse_whitespace};
use crate::article::fetch::{self, Expect, FetchError, FetchOptions, Progress};
use crate::article::web::saved_paths;
use crate::article::{ArticleError, read_article_file};

/// One item of a feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedItem {
    pub title: String,
    /// The article's address (`None` for an item without a link: nothing to open).
    pub link: Option<String>,
    /// Publication (or update) date, `YYYY-MM-DD HH:MM` UTC.
    pub published: Option<String>,
    /// The feed's title: where the item comes from.
    pub source: String,
}

/// Whether an item was opened or annotated before, from the files under the data directory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemState {
    New,
    Read,
    Annotated,
}

impl ItemState {
    pub fn of(item: &FeedItem, data_dir: &Path) -> Self {
        let Some(link) = &item.link else {
            return Self::New;
        };
        let saved = saved_paths(data_dir, link).article;
        if sidecar_path(&saved).is_file() {
            Self::Annotated
        } else if saved.is_file() {
            Self::Read
        } else {
            Self::New
        }
    }

    /// One character for a list: ` ` new, `·` read, `✎` annotated.
    pub fn mark(self) -> char {
        match self {
            Self::New => ' ',
            Self::Read => '·',
            Self::Annotated => '✎',
        }
    }
}

/// What a library entry of a feed's item shows besides a file's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemInfo {
    /// The article's address (`None`: the feed gave none, nothing to open).
    pub link: Option<String>,
    /// `YYYY-MM-DD HH:MM` UTC.
    pub published: Option<String>,
    /// The feed's title.
    pub source: String,
    pub state: ItemState,
}

/// The feeds a library lists (`isnad feed`): their items, and where fetched items are saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedList {
    /// The feeds' titles, in the order given.
    pub titles: Vec<String>,
    pub items: Vec<FeedItem>,
    /// The data directory: items are saved under its `articles/HOST/`.
    pub data_dir: PathBuf,
}

impl FeedList {
    pub fn new(feeds: Vec<Feed>, data_dir: PathBuf) -> Self {
        Self {
            titles: feeds.iter().map(|f| f.title.clone()).collect(),
            items: feeds.into_iter().flat_map(|f| f.items).collect(),
            data_dir,
        }
    }

    /// The library header's label: the feed's title, or how many feeds.
    pub fn label(&self) -> String {
        match self.titles.as_slice() {
            [one] => one.clone(),
            titles => format!("{} feeds", titles.len()),
        }
    }
}

/// A parsed feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Feed {
    pub title: String,
    pub items: Vec<FeedItem>,
}

/// Why a feed could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error(transparent)]
    File(#[from] ArticleError),
    #[error("{name}: not an RSS or Atom feed: {detail}")]
    Parse { name: String, detail: String },
}

/// Reads the feed at `source`: fetched when it is an http(s) address, else read as a file.
pub fn load_feed(
    source: &str,
    options: FetchOptions,
    progress: &mut dyn FnMut(Progress) -> fetch::Go,
) -> Result<Feed, FeedError> {
    let bytes = if fetch::is_url(source) {
        fetch::fetch(source, Expect::Feed, options, progress)?.body
    } else {
        read_article_file(Path::new(source))?
    };
    parse_feed(source, &bytes)
}

/// Parses RSS or Atom `bytes`; `name` is used in errors.
pub fn parse_feed(name: &str, bytes: &[u8]) -> Result<Feed, FeedError> {
    let parsed = feed_rs::parser::parse(bytes).map_err(|e| FeedError::Parse {
        name: name.to_owned(),
        detail: e.to_string(),
    })?;
    let title = parsed
        .title
        .as_ref()
        .map(|t| plain_text(&t.content))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| name.to_owned());
    let items = parsed
        .entries
        .iter()
        .map(|entry| FeedItem {
            title: entry
                .title
                .as_ref()
                .map(|t| plain_text(&t.content))
                .unwrap_or_default(),
            link: entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(entry.links.first())
                .map(|l| l.href.trim().to_owned())
                .filter(|h| !h.is_empty()),
            published: entry
                .published
                .or(entry.updated)
                .map(|d| d.format("%Y-%m-%d %H:%M").to_string()),
            source: title.clone(),
        })
        .collect();
    Ok(Feed { title, items })
}

/// A title as text: markup dropped and entities decoded (HTML rules), so a title written
/// `&amp;quot;` or `&lt;b&gt;` by a feed that escapes twice reads as the words.
fn plain_text(s: &str) -> String {
    let mut text = s.to_owned();
    // at most twice: once for escaped markup, once more for entities inside it
    for _ in 0..2 {
        if !text.contains(['&', '<']) {
            break;
        }
        let fragment = Html::parse_fragment(&text);
        text = Dom::from_html(&fragment).text_content(ROOT);
    }
    collapse_whitespace(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_markup_and_double_escaped_entities() {
        assert_eq!(plain_text("&lt;b&gt;عاجل&lt;/b&gt;: خبر"), "عاجل: خبر");
        assert_eq!(plain_text("قال &quot;لا&quot; &amp; مضى"), "قال \"لا\" & مضى");
        assert_eq!(plain_text("  سطر\n  ثان "), "سطر ثان");
    }

    #[test]
    fn not_a_feed_is_an_error_naming_it() {
        let err = parse_feed("x.xml", b"<html><p>no</p></html>").expect_err("not a feed");
        assert!(
            err.to_string()
                .starts_with("x.xml: not an RSS or Atom feed"),
            "{err}"
        );
    }
}

//! Addresses the library fetches in the background: `isnad URL1 URL2 …` (web pages, with or
//! without files) and `isnad feed URL…` (feeds) start the reader at once on the library, which
//! lists every address with its state — waiting, the kilobytes received, failed and why — and
//! fills its rows in as the pages and feeds arrive. At most [`AT_ONCE`] are fetched at a time;
//! `update` starts the next ones as others end ([`App::start_fetches`]), so a failure never
//! stops the rest. A page with a saved copy is not fetched again (unless `--refresh`); `Enter`
//! on a failed row fetches it again.

use std::path::PathBuf;

use crate::app::library::{CountsFrom, Entry, Library};
use crate::app::{App, Effect};
use crate::article::feed::{Feed, FeedList};
use crate::article::fetch::Progress;
use crate::text::sanitize::printable;

/// How many addresses are fetched at the same time: enough that a slow server does not hold
/// up the others, few enough not to flood a slow link (or one site) with connections.
pub const AT_ONCE: usize = 4;

/// What an address gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A web page: saved as an article, listed as one.
    Page,
    /// An RSS or Atom feed (an address or a file): its items are listed.
    Feed,
}

/// Where the fetch of an address is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchState {
    /// Not started yet (others are fetched first).
    Waiting,
    /// Asked of the loop; its job's number is not known yet.
    Starting,
    /// Job `job` got this far.
    Fetching { job: u64, progress: Progress },
    /// The page was saved (or was already), the feed read: its rows are the library's own.
    Done,
    /// Why not, in words, without the address (the row shows it).
    Failed(String),
}

/// An address the library lists, and its fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    /// As given (a page's or feed's address; a feed may be a file).
    pub url: String,
    pub kind: Kind,
    pub state: FetchState,
    /// Fetch again even though a copy is saved (`--refresh`).
    pub refresh: bool,
    /// The row's path while it waits: where a page is saved, a feed's address.
    pub path: PathBuf,
}

impl Address {
    /// A web page to list, whose copy is (or will be) saved at `path`: `Done` at once when
    /// it is `saved` already (no fetch), unless `refresh`.
    pub fn page(url: &str, path: PathBuf, refresh: bool, saved: bool) -> Self {
        Self {
            url: url.to_owned(),
            kind: Kind::Page,
            state: if saved && !refresh {
                FetchState::Done
            } else {
                FetchState::Waiting
            },
            refresh,
            path,
        }
    }

    /// A feed to read (an address or a file).
    pub fn feed(source: &str) -> Self {
        Self {
            url: source.to_owned(),
            kind: Kind::Feed,
            state: FetchState::Waiting,
            refresh: false,
            path: PathBuf::from(source),
        }
    }

    pub fn is_running(&self) -> bool {
        matches!(
            self.state,
            FetchState::Starting | FetchState::Fetching { .. }
        )
    }

    /// The state column of its row while it has no rows of its own.
    pub fn state_text(&self) -> String {
        match &self.state {
            FetchState::Waiting | FetchState::Starting => "waiting…".to_owned(),
            FetchState::Fetching { progress, .. } => format!("{progress}…"),
            FetchState::Done => "done".to_owned(),
            FetchState::Failed(why) => format!("failed: {why}"),
        }
    }

    /// The library row shown for it until it is done.
    fn placeholder(&self) -> Entry {
        Entry {
            path: self.path.clone(),
            title: printable(&self.url),
            bytes: 0,
            accepted: 0,
            pending: 0,
            claims: 0,
            unreadable: false,
            counts_from: CountsFrom::Nothing,
            team: Default::default(),
            item: None,
        }
    }
}

/// `why` without the address it starts with (`URL: the server answered 404…`), printable.
fn reason(url: &str, why: &str) -> String {
    let short = why.strip_prefix(url).and_then(|w| w.strip_prefix(": "));
    printable(short.unwrap_or(why))
}

impl Library {
    /// The library of `files` and web addresses given on the command line: the files are
    /// listed with `entries` (read by the caller), each address with its fetch.
    pub fn with_addresses(mut self, addresses: Vec<Address>) -> Self {
        let mut seen = std::collections::HashSet::new();
        self.addresses = addresses
            .into_iter()
            .filter(|a| seen.insert(a.url.clone()))
            .collect();
        let entries = std::mem::take(&mut self.entries);
        self.refresh(entries);
        self
    }

    /// The library of the feeds at `sources` (addresses or files), none read yet: their items
    /// are listed as they arrive, fetched items saved under `data_dir`.
    pub fn of_feed_sources(sources: &[String], data_dir: PathBuf) -> Self {
        let feeds = FeedList::new(Vec::new(), data_dir);
        let addresses = sources.iter().map(|s| Address::feed(s)).collect();
        Library::of_feeds(feeds, Vec::new()).with_addresses(addresses)
    }

    /// The rows of the addresses not done yet (added to the entries read from files).
    pub(super) fn placeholders(&self) -> Vec<Entry> {
        let have: std::collections::HashSet<&PathBuf> =
            self.entries.iter().map(|e| &e.path).collect();
        (self.addresses.iter())
            .filter(|a| a.state != FetchState::Done && !have.contains(&a.path))
            .map(Address::placeholder)
            .collect()
    }

    /// The address whose row is `path`, while it is not done.
    pub fn pending_address(&self, path: &std::path::Path) -> Option<&Address> {
        (self.addresses.iter()).find(|a| a.path == path && a.state != FetchState::Done)
    }

    /// The files to read for the entries: those given, less the pages not saved yet.
    pub fn files_to_scan(&self) -> Vec<PathBuf> {
        (self.files.iter())
            .filter(|f| self.pending_address(f).is_none())
            .cloned()
            .collect()
    }

    /// `, 2 fetching, 1 failed` for the header while addresses are not all done.
    pub fn fetch_summary(&self) -> String {
        let count = |f: fn(&Address) -> bool| self.addresses.iter().filter(|a| f(a)).count();
        let waiting = count(|a| matches!(a.state, FetchState::Waiting) || a.is_running());
        let failed = count(|a| matches!(a.state, FetchState::Failed(_)));
        let mut out = String::new();
        if waiting > 0 {
            out.push_str(&format!(", {waiting} fetching"));
        }
        if failed > 0 {
            out.push_str(&format!(", {failed} failed"));
        }
        out
    }

    fn address_of_job(&mut self, job: u64) -> Option<&mut Address> {
        (self.addresses.iter_mut())
            .find(|a| matches!(a.state, FetchState::Fetching { job: j, .. } if j == job))
    }
}

impl App {
    /// The fetches to start now: waiting addresses, while fewer than [`AT_ONCE`] run.
    pub(super) fn start_fetches(&mut self) -> Vec<Effect> {
        let Some(lib) = self.library.as_mut() else {
            return Vec::new();
        };
        let mut room =
            AT_ONCE.saturating_sub(lib.addresses.iter().filter(|a| a.is_running()).count());
        let mut effects = Vec::new();
        for address in &mut lib.addresses {
            if room == 0 {
                break;
            }
            if address.state == FetchState::Waiting {
                address.state = FetchState::Starting;
                room -= 1;
                effects.push(Effect::FetchForLibrary {
                    url: address.url.clone(),
                    kind: address.kind,
                    refresh: address.refresh,
                });
            }
        }
        effects
    }

    /// The loop started fetching the library's address `url` as job `job`.
    pub(super) fn library_fetch_started(&mut self, job: u64, url: &str) {
        let Some(lib) = self.library.as_mut() else {
            return;
        };
        if let Some(address) =
            (lib.addresses.iter_mut()).find(|a| a.url == url && a.state == FetchState::Starting)
        {
            address.state = FetchState::Fetching {
                job,
                progress: Progress::Connecting,
            };
        }
    }

    /// Library fetch job `job` got this far (its row shows it).
    pub(super) fn library_fetch_progressed(&mut self, job: u64, progress: Progress) {
        if let Some(address) = self.library.as_mut().and_then(|l| l.address_of_job(job)) {
            address.state = FetchState::Fetching { job, progress };
        }
    }

    /// Library fetch job `job` ended: the page saved at `result`'s path (its row is read again:
    /// `Effect::RescanLibrary`), or why not (said on its row). `None` when the job is not the
    /// library's.
    pub(super) fn library_page_fetched(
        &mut self,
        job: u64,
        result: Result<PathBuf, String>,
    ) -> Option<Effect> {
        let address = self.library.as_mut()?.address_of_job(job)?;
        match result {
            Ok(_) => {
                address.state = FetchState::Done;
                Some(Effect::RescanLibrary)
            }
            Err(why) => {
                address.state = FetchState::Failed(reason(&address.url, &why));
                None
            }
        }
    }

    /// Library feed job `job` ended: its items are listed (read again with their states:
    /// `Effect::RescanLibrary`), or why not.
    pub(super) fn library_feed_fetched(
        &mut self,
        job: u64,
        result: Result<Feed, String>,
    ) -> Option<Effect> {
        let lib = self.library.as_mut()?;
        let address = lib.address_of_job(job)?;
        let feed = match result {
            Ok(feed) => feed,
            Err(why) => {
                address.state = FetchState::Failed(reason(&address.url, &why));
                return None;
            }
        };
        address.state = FetchState::Done;
        if let Some(feeds) = lib.feeds.as_mut() {
            feeds.titles.push(feed.title);
            feeds.items.extend(feed.items);
        }
        Some(Effect::RescanLibrary)
    }

    /// `Enter` on the row of an address not done: a failed one is fetched again; one being
    /// fetched says so.
    pub(super) fn open_pending(&mut self, path: &std::path::Path) {
        let Some(lib) = self.library.as_mut() else {
            return;
        };
        let Some(address) = lib.addresses.iter_mut().find(|a| a.path == path) else {
            return;
        };
        let url = printable(&address.url);
        if let FetchState::Failed(_) = address.state {
            address.state = FetchState::Waiting;
            self.info(format!("fetching {url} again"));
        } else {
            self.info(format!("{url} is still being fetched"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_loses_its_address_and_stays_printable() {
        let url = "http://n.example/a";
        assert_eq!(
            reason(
                url,
                "http://n.example/a: the server answered 404 (not found)"
            ),
            "the server answered 404 (not found)"
        );
        let odd = reason(url, "other\u{1b}[2J");
        assert!(
            odd.starts_with("other") && !odd.contains('\u{1b}'),
            "{odd:?}"
        );
    }
}

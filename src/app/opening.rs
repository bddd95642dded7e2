//! Articles and annotations opened in the background.
//!
//! A web page (`:e URL`, `Enter` on a feed item, `isnad URL`) is fetched by a job while the
//! reader stays on what it showed: the status bar shows a spinner, the host and the bytes
//! received (`| fetching news.example 12/40 KB, Esc cancels`), `Esc` cancels (nothing is
//! saved), `q` quits, and the page opens when it has arrived and been saved.
//!
//! When an article's text changed, opening its annotations re-anchors every span, which for
//! 100,000 items takes seconds: the reader shows the text at once with the progress in the
//! status bar (`re-anchoring 40,000 of 100,000…`), the annotations appear when they are
//! placed. Meanwhile edits are refused with a message (there is nothing to edit yet, and
//! nothing is queued), and quitting quits at once: nothing is written, so the annotation file
//! stays as it was until the annotations were placed.

use std::path::PathBuf;

use crate::annotate::AnnotationStore;
use crate::app::session::{NO_STORE, Session};
use crate::app::{App, Effect, MessageKind};
use crate::article::fetch::{Progress, host};
use crate::text::sanitize::printable;

/// A web page being fetched by job `job`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetching {
    pub job: u64,
    /// The address's host, made printable.
    host: String,
    progress: Progress,
    /// Progress reports so far: the spinner's step.
    beats: usize,
}

/// The spinner's steps (plain ASCII: every terminal and font has them).
const SPINNER: [char; 4] = ['|', '/', '-', '\\'];

impl Fetching {
    /// The status line: a spinner, the host and how much arrived.
    pub fn progress(&self) -> String {
        let spin = SPINNER[self.beats % SPINNER.len()];
        format!(
            "{spin} fetching {} {}, Esc cancels",
            self.host, self.progress
        )
    }
}

/// The annotations of the shown article being opened on another thread (job `job`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    pub job: u64,
    /// Items placed so far of the items in the file (0 of 0 while the file is read).
    pub placed: usize,
    pub total: usize,
    /// Opened at start: say where the annotations are once they are placed.
    at_start: bool,
}

/// `12345678` as `12,345,678`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Opening {
    /// The status line: what is being done, and how far it got.
    pub fn progress(&self) -> String {
        if self.total == 0 {
            "reading the annotations…".to_owned()
        } else {
            format!(
                "re-anchoring {} of {}…",
                thousands(self.placed),
                thousands(self.total)
            )
        }
    }

    fn refusal(&self) -> String {
        format!(
            "{}: edits are refused until the annotations are placed",
            self.progress()
        )
    }
}

impl App {
    /// Shows `line` in the status bar unless another message took it: one whose text
    /// `ours` does not recognise (an error the user must see, say). It comes back when the
    /// other message expires.
    fn follow_progress(&mut self, ours: impl Fn(&str) -> bool, line: String) {
        match &self.shell.message {
            Some(m) if !ours(&m.text) => {}
            _ => self.info(line),
        }
    }

    /// The loop started fetching `url` as job `job` (a fetch running before is stopped).
    pub(super) fn fetch_started(&mut self, job: u64, url: &str) {
        let fetching = Fetching {
            job,
            host: printable(host(url)),
            progress: Progress::Connecting,
            beats: 0,
        };
        self.info(fetching.progress());
        self.fetching = Some(fetching);
    }

    /// Fetch job `job` got this far.
    pub(super) fn fetch_progressed(&mut self, job: u64, progress: Progress) {
        let Some(fetching) = self.fetching.as_mut().filter(|f| f.job == job) else {
            return self.library_fetch_progressed(job, progress);
        };
        let before = fetching.progress();
        fetching.progress = progress;
        fetching.beats += 1;
        let line = fetching.progress();
        self.follow_progress(|text| text == before, line);
    }

    /// Fetch job `job` ended: the saved page is opened like a file (`Err`: why not; the
    /// reader stays where it was). A job no longer awaited (cancelled, replaced) is ignored;
    /// one of the library's fetches fills its row in.
    pub(super) fn page_fetched(
        &mut self,
        job: u64,
        result: Result<PathBuf, String>,
    ) -> Option<Effect> {
        if self.fetching.take_if(|f| f.job == job).is_none() {
            return self.library_page_fetched(job, result);
        }
        match result {
            Ok(saved) => return Some(Effect::OpenArticle(saved)),
            Err(why) => self.error(why),
        }
        None
    }

    /// `Esc` while a page is fetched: the fetch stops and nothing is saved; the reader stays
    /// on what it showed. `None` when nothing is fetched (`Esc` does its usual work).
    pub(super) fn cancel_fetch(&mut self) -> Option<Effect> {
        let fetching = self.fetching.take()?;
        self.info(format!("fetch from {} cancelled", fetching.host));
        Some(Effect::CancelFetch)
    }

    /// The loop started opening the shown article's annotations as job `job`.
    pub(super) fn opening_started(&mut self, job: u64, at_start: bool) {
        self.session.store = None;
        let opening = Opening {
            job,
            placed: 0,
            total: 0,
            at_start,
        };
        let line = opening.progress();
        self.session.opening = Some(opening);
        // at start a note about the article (a guessed encoding) stays; the progress follows
        if !at_start || self.shell.message.is_none() {
            self.info(line);
        }
    }

    /// Job `job` got this far; the status line follows unless another message took it.
    pub(super) fn opening_progressed(&mut self, job: u64, placed: usize, total: usize) {
        let Some(opening) = self.session.opening.as_mut().filter(|o| o.job == job) else {
            return;
        };
        let before = (opening.progress(), opening.refusal());
        opening.placed = placed;
        opening.total = total;
        let (line, refused) = (opening.progress(), opening.refusal());
        let ours = |text: &str| text == before.0 || text == before.1;
        match &self.shell.message {
            Some(m) if m.kind == MessageKind::Error && ours(&m.text) => self.error(refused),
            _ => self.follow_progress(ours, line),
        }
    }

    /// Job `job` finished: its store is attached (a job for an article no longer shown is
    /// dropped unsaved).
    pub(super) fn opening_finished(&mut self, job: u64, store: AnnotationStore) {
        let Some(opening) = self.session.opening.take_if(|o| o.job == job) else {
            return;
        };
        let location = store.describe_location();
        let progress_shown = self
            .shell
            .message
            .as_ref()
            .is_some_and(|m| m.text == opening.progress() || m.text == opening.refusal());
        if progress_shown {
            self.shell.message = None;
        }
        // the reader may have moved while waiting: it stays where it is
        self.install_store(store);
        self.reader.refresh_view(self.page());
        if self.shell.message.is_none() {
            if opening.at_start {
                self.info(format!("annotations: {location}"));
            } else {
                self.info(format!("opened {}", self.reader.article.name));
            }
        }
    }
}

impl Session {
    /// Why there are no annotations to change: still being placed, or none for this article.
    pub fn no_store(&self) -> String {
        match &self.opening {
            Some(opening) => opening.refusal(),
            None => NO_STORE.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fetch_line_spins_and_shows_the_host_printable() {
        let mut fetching = Fetching {
            job: 1,
            host: printable(host("https://user@news.example:8080/a\u{1b}[2J")),
            progress: Progress::Connecting,
            beats: 0,
        };
        assert_eq!(
            fetching.progress(),
            "| fetching news.example:8080 connecting, Esc cancels"
        );
        fetching.beats = 1;
        fetching.progress = Progress::Receiving {
            received: 12 * 1024,
            total: None,
        };
        assert_eq!(
            fetching.progress(),
            "/ fetching news.example:8080 12 KB, Esc cancels"
        );
        let odd = printable(host("http://evil\u{1b}[31m.example/"));
        assert!(!odd.chars().any(char::is_control), "{odd:?}");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(40_000), "40,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}

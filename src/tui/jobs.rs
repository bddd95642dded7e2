//! Work the loop runs on other threads: opening an article's annotations, which re-anchors
//! every span when the text changed (seconds for 100,000 items), and fetching a web page (as
//! long as the network takes). A job sends its progress and its outcome back as actions,
//! which the loop hands to `update` between events, so the screen is drawn and keys (`q`
//! above all, `Esc` to cancel a fetch) are answered meanwhile. A job whose app has gone (the
//! reader quit) finds its channel closed and ends without writing anything.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::annotate::StoreOptions;
use crate::annotate::progress::LoadProgress;
use crate::app::Action;
use crate::app::fetches::Kind;
use crate::article::Article;
use crate::article::feed::load_feed;
use crate::article::fetch::{FetchOptions, Go, Progress};
use crate::extract::counts::{CountCache, count_all};
use crate::extract::open::open_store_reporting;

/// How often a running job reports its progress.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// The jobs running on other threads and the channel their actions come back on.
pub struct Jobs {
    send: Sender<Action>,
    receive: Receiver<Action>,
    last_job: u64,
    running: Arc<AtomicUsize>,
    /// The fetch running, and the flag that stops it.
    fetch: Option<(u64, Arc<AtomicBool>)>,
    /// The flag that stops the library's count running.
    count: Option<Arc<AtomicBool>>,
}

impl Default for Jobs {
    fn default() -> Self {
        let (send, receive) = channel();
        Self {
            send,
            receive,
            last_job: 0,
            running: Arc::default(),
            fetch: None,
            count: None,
        }
    }
}

impl Jobs {
    /// True while a job runs (the loop then wakes often enough to show its progress).
    pub fn busy(&self) -> bool {
        self.running.load(Ordering::Relaxed) > 0
    }

    /// Starts opening `article`'s annotations; returns the job's number. The job sends
    /// [`Action::AnnotationsProgress`] every [`PROGRESS_EVERY`] and then
    /// [`Action::AnnotationsOpened`] (or [`Action::Error`] if opening panicked).
    pub fn open_store(&mut self, article: Arc<Article>, options: StoreOptions) -> u64 {
        self.spawn(move |job, send| run_job(job, article, options, send))
    }

    /// Starts fetching `url` and saving it under `data_dir` (`article::web::open_url`), and
    /// stops the fetch that was running; returns the job's number. The job sends
    /// [`Action::FetchProgress`] every [`PROGRESS_EVERY`] and then [`Action::PageFetched`]
    /// with the saved article's path, unless it was cancelled ([`Jobs::cancel_fetch`]): then
    /// it sends nothing more and saves nothing.
    pub fn fetch_page(&mut self, url: String, data_dir: PathBuf, refresh: bool) -> u64 {
        self.cancel_fetch();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        let job = self
            .spawn(move |job, send| run_fetch(job, save_page(url, data_dir, refresh), &stop, send));
        self.fetch = Some((job, cancel));
        job
    }

    /// Starts fetching an address the library lists ([`crate::app::fetches`]) beside the
    /// others: a page saved under `data_dir` as [`Jobs::fetch_page`] does, or a feed read
    /// (`source` an address or a file). It sends [`Action::FetchProgress`], then
    /// [`Action::PageFetched`] or [`Action::FeedFetched`]; it stops when the app has gone.
    pub fn fetch_for_library(
        &mut self,
        source: String,
        kind: Kind,
        data_dir: PathBuf,
        refresh: bool,
    ) -> u64 {
        let never = Arc::new(AtomicBool::new(false));
        self.spawn(move |job, send| match kind {
            Kind::Page => run_fetch(job, save_page(source, data_dir, refresh), &never, send),
            Kind::Feed => run_fetch(job, read_feed(source), &never, send),
        })
    }

    /// Stops the running fetch, if there is one: its thread stops at the next chunk of the
    /// page (or when the server first answers) and writes nothing.
    pub fn cancel_fetch(&mut self) {
        if let Some((_, cancel)) = self.fetch.take() {
            cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Starts counting what a first open of each of `articles` would suggest, on every core
    /// (`extract::counts`), and stops the count that was running. Each count arrives as
    /// [`Action::LibraryCounted`]; new counts are added to the cache in `data_dir` at the end.
    pub fn count_library(&mut self, articles: Vec<PathBuf>, data_dir: PathBuf) {
        if let Some(stop) = self.count.take() {
            stop.store(true, Ordering::Relaxed);
        }
        let stop = Arc::new(AtomicBool::new(false));
        self.count = Some(Arc::clone(&stop));
        self.spawn(move |_, send| {
            let mut cache = CountCache::load(&data_dir);
            let each = |path: &std::path::Path, counted| {
                let action = Action::LibraryCounted {
                    path: path.to_path_buf(),
                    counted,
                };
                // a send fails only when the app has gone: then stop counting
                if send.send(action).is_err() {
                    stop.store(true, Ordering::Relaxed);
                }
            };
            count_all(&articles, &mut cache, &stop, &each);
            // a cache that cannot be written costs counting again next time: said, not fatal
            let path = cache.path().display().to_string();
            cache
                .save()
                .err()
                .map(|e| Action::CountsNotKept(format!("{path}: {e}")))
        });
    }

    /// Runs `work` on a thread of its own as the next job; what it returns is sent as its
    /// outcome (nothing when it returns `None`).
    fn spawn(
        &mut self,
        work: impl FnOnce(u64, &Sender<Action>) -> Option<Action> + Send + 'static,
    ) -> u64 {
        self.last_job += 1;
        let job = self.last_job;
        let send = self.send.clone();
        let running = Arc::clone(&self.running);
        running.fetch_add(1, Ordering::Relaxed);
        std::thread::spawn(move || {
            if let Some(outcome) = work(job, &send) {
                // the app may have gone meanwhile: then nobody needs the outcome
                let _ = send.send(outcome);
            }
            running.fetch_sub(1, Ordering::Relaxed);
        });
        job
    }

    /// The actions the jobs sent since the last call.
    pub fn received(&self) -> Vec<Action> {
        self.receive.try_iter().collect()
    }

    /// Waits for job `job` to end, so annotations that open quickly are on the first screen
    /// and can be edited at once; stops waiting when the job reports re-anchoring at least
    /// `many` items (the text is then shown with the progress), or after `at_most`. Returns
    /// what arrived meanwhile (the outcome last, if it came).
    pub fn wait_for(&self, job: u64, many: usize, at_most: Duration) -> Vec<Action> {
        let deadline = std::time::Instant::now() + at_most;
        let mut got = Vec::new();
        while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
            let Ok(action) = self.receive.recv_timeout(left) else {
                break;
            };
            let enough = match &action {
                Action::AnnotationsOpened { job: j, .. } => *j == job,
                Action::AnnotationsProgress { job: j, total, .. } => *j == job && *total >= many,
                _ => false,
            };
            got.push(action);
            if enough {
                break;
            }
        }
        got
    }
}

/// Opens the annotations on a thread of its own while reporting its progress on `send`; the
/// outcome, or `None` when the app has gone (its channel closed).
fn run_job(
    job: u64,
    article: Arc<Article>,
    options: StoreOptions,
    send: &Sender<Action>,
) -> Option<Action> {
    let progress = Arc::new(LoadProgress::default());
    let (done, finished) = channel();
    let counting = Arc::clone(&progress);
    std::thread::spawn(move || {
        let store = open_store_reporting(article, &options, &counting);
        // the receiver has gone only when the app has: nothing to hand the store to
        let _ = done.send(store);
    });
    loop {
        match finished.recv_timeout(PROGRESS_EVERY) {
            Ok(store) => {
                return Some(Action::AnnotationsOpened {
                    job,
                    store: Box::new(store),
                });
            }
            Err(RecvTimeoutError::Timeout) => {
                let (placed, total) = progress.get();
                send.send(Action::AnnotationsProgress { job, placed, total })
                    .ok()?;
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Some(Action::Error(
                    "the annotations could not be opened (an internal error)".to_owned(),
                ));
            }
        }
    }
}

/// What a fetch job does on its own thread, given the progress callback (which stops it when
/// it answers `Break`): its outcome as the action that reports it.
type Fetch = Box<dyn FnOnce(&mut dyn FnMut(Progress) -> Go) -> FetchOutcome + Send>;

/// How a fetch ended: the action to send, given the job's number.
type FetchOutcome = Box<dyn FnOnce(u64) -> Action + Send>;

/// Fetching `url` and saving it under `data_dir` (`article::web::open_url`); the outcome is
/// [`Action::PageFetched`] with the saved article's path.
fn save_page(url: String, data_dir: PathBuf, refresh: bool) -> (String, Fetch) {
    let shown = url.clone();
    let fetch: Fetch = Box::new(move |progress| {
        let opened = crate::article::web::open_url(
            &url,
            &data_dir,
            refresh,
            FetchOptions::default(),
            progress,
        );
        let result = opened.map(|o| o.paths.article).map_err(|e| e.to_string());
        Box::new(move |job| Action::PageFetched { job, result })
    });
    (shown, fetch)
}

/// Reading the feed at `source` (an address or a file); the outcome is [`Action::FeedFetched`].
fn read_feed(source: String) -> (String, Fetch) {
    let shown = source.clone();
    let fetch: Fetch = Box::new(move |progress| {
        let result =
            load_feed(&source, FetchOptions::default(), progress).map_err(|e| e.to_string());
        Box::new(move |job| Action::FeedFetched { job, result })
    });
    (shown, fetch)
}

/// Runs `fetch` (an address and what fetching it does) on a thread of its own while reporting
/// its progress on `send` (so the reader sees it move even while the server is silent); the
/// outcome, or `None` when the fetch was cancelled or the app has gone (then the fetch is
/// stopped too).
fn run_fetch(
    job: u64,
    (url, fetch): (String, Fetch),
    cancel: &Arc<AtomicBool>,
    send: &Sender<Action>,
) -> Option<Action> {
    let latest = Arc::new(Mutex::new(Progress::Connecting));
    let (done, finished) = channel();
    let (seen, stop) = (Arc::clone(&latest), Arc::clone(cancel));
    std::thread::spawn(move || {
        let outcome = fetch(&mut |progress| {
            if let Ok(mut latest) = seen.lock() {
                *latest = progress;
            }
            if stop.load(Ordering::Relaxed) {
                Go::Break(())
            } else {
                Go::Continue(())
            }
        });
        // the receiver has gone only when the job stopped waiting (cancelled): nothing to do
        let _ = done.send(outcome);
    });
    loop {
        if cancel.load(Ordering::Relaxed) {
            return None;
        }
        match finished.recv_timeout(PROGRESS_EVERY) {
            Ok(outcome) => return (!cancel.load(Ordering::Relaxed)).then(|| outcome(job)),
            Err(RecvTimeoutError::Timeout) => {
                let progress = latest.lock().map_or(Progress::Connecting, |p| *p);
                if send.send(Action::FetchProgress { job, progress }).is_err() {
                    cancel.store(true, Ordering::Relaxed);
                    return None;
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                let result = Err(format!("{url}: not fetched (an internal error)"));
                return Some(Action::PageFetched { job, result });
            }
        }
    }
}

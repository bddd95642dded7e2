//! Work the loop runs on other threads: opening an article's annotations, which re-anchors
//! every span when the text changed (seconds for 100,000 items). The job sends its progress
//! and its outcome back as actions, which the loop hands to `update` between events, so the
//! text is drawn at once and keys (`q` above all) are answered meanwhile. A job whose app has
//! gone (the reader quit) finds its channel closed and ends without writing anything.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

use crate::annotate::StoreOptions;
use crate::annotate::progress::LoadProgress;
use crate::app::Action;
use crate::article::Article;
use crate::extract::open::open_store_reporting;

/// How often a running job reports its progress.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// The jobs running on other threads and the channel their actions come back on.
pub struct Jobs {
    send: Sender<Action>,
    receive: Receiver<Action>,
    last_job: u64,
    running: Arc<AtomicUsize>,
}

impl Default for Jobs {
    fn default() -> Self {
        let (send, receive) = channel();
        Self {
            send,
            receive,
            last_job: 0,
            running: Arc::default(),
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
        self.last_job += 1;
        let job = self.last_job;
        let send = self.send.clone();
        let running = Arc::clone(&self.running);
        running.fetch_add(1, Ordering::Relaxed);
        std::thread::spawn(move || {
            if let Some(outcome) = run_job(job, article, options, &send) {
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

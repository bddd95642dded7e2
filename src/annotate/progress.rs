//! How far opening an annotation file has got: items placed in the text out of the items in
//! the file. Counted by the threads that place them, read by whoever shows progress (the
//! reader's status line while it re-anchors in the background).

use std::sync::atomic::{AtomicUsize, Ordering};

#[derive(Debug, Default)]
pub struct LoadProgress {
    placed: AtomicUsize,
    total: AtomicUsize,
}

impl LoadProgress {
    pub(crate) fn set_total(&self, total: usize) {
        self.total.store(total, Ordering::Relaxed);
    }

    pub(crate) fn placed_one(&self) {
        self.placed.fetch_add(1, Ordering::Relaxed);
    }

    /// Items placed so far and items in the file (0 of 0 before the file is read).
    pub fn get(&self) -> (usize, usize) {
        (
            self.placed.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }
}

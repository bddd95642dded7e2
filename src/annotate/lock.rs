//! The advisory lock that serialises saves of one annotation file: a save takes it, reads what
//! is on disk, merges, writes and renames, then lets go. Two readers on one article (or two
//! stores in one process) then take turns; without it both could read the same version and the
//! second rename would silently drop the first one's work.
//!
//! The lock is `flock` on a hidden sibling, `.NAME.lock`, not on the annotation file itself,
//! since the file is replaced by every save (a lock on the old inode would guard nothing). The
//! lock file is empty and never removed: removing it would let a third writer lock a new file
//! while the second still holds the old one.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a save waits for another writer before giving up with an error (a save takes
/// milliseconds; a writer stopped in the middle of one must not freeze the reader).
const WAIT: Duration = Duration::from_secs(10);

/// The lock file of `path`: `.NAME.lock` in the same folder.
pub fn lock_path(path: &Path) -> PathBuf {
    let name = path.file_name().map_or_else(
        || "annotations".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    path.with_file_name(format!(".{name}.lock"))
}

/// Held while a save of one file is in progress; released when dropped (or when the process
/// dies, whatever the way).
#[derive(Debug)]
pub struct SaveLock {
    _file: fs::File,
}

impl SaveLock {
    /// Takes the lock of `path`, waiting up to [`WAIT`] for another writer. A file system
    /// without `flock` support saves unlocked, as before locks existed.
    pub fn acquire(path: &Path) -> io::Result<Self> {
        let lock = lock_path(path);
        if let Some(dir) = lock.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir)?;
        }
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock)?;
        lock_exclusive(&file, &lock)?;
        Ok(Self { _file: file })
    }
}

#[cfg(unix)]
fn lock_exclusive(file: &fs::File, lock: &Path) -> io::Result<()> {
    use rustix::fs::{FlockOperation, flock};
    let started = std::time::Instant::now();
    let mut pause = Duration::from_micros(200);
    loop {
        match flock(file, FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => return Ok(()),
            Err(e) if e == rustix::io::Errno::WOULDBLOCK || e == rustix::io::Errno::INTR => {}
            // no locking on this file system (some network mounts): save as before
            Err(e) if e == rustix::io::Errno::NOLCK || e == rustix::io::Errno::OPNOTSUPP => {
                return Ok(());
            }
            Err(e) => return Err(e.into()),
        }
        if started.elapsed() > WAIT {
            return Err(io::Error::new(
                io::ErrorKind::TimedOut,
                format!(
                    "another program has been saving this file for {} s (lock {}); not saved, \
                     try again",
                    WAIT.as_secs(),
                    lock.display()
                ),
            ));
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(20));
    }
}

#[cfg(not(unix))]
fn lock_exclusive(_file: &fs::File, _lock: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_is_a_hidden_sibling() {
        assert_eq!(
            lock_path(Path::new("/a/b.isnad.json")),
            PathBuf::from("/a/.b.isnad.json.lock")
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_second_holder_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("x.isnad.json");
        let first = SaveLock::acquire(&file).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let waiter = std::thread::spawn(move || {
            let _second = SaveLock::acquire(&file).unwrap();
            tx.send(()).unwrap();
        });
        assert!(rx.recv_timeout(Duration::from_millis(100)).is_err());
        drop(first);
        assert!(rx.recv_timeout(Duration::from_secs(5)).is_ok());
        waiter.join().unwrap();
    }
}

//! How many suggestions articles never opened would open with, for the library's `todo` and
//! `claims` columns (an article gets its annotation file only once something in it changes).
//! Counting runs the extractor ([`first_suggestions`], what a first open adds) on every core;
//! the counts are kept by the text's hash in `library-counts.json` under the data folder, so a
//! library opens with them the next time and a changed text is counted again. The cache
//! names the extractor that counted (the isnad version and a fingerprint of what it suggests
//! for the bundled sample article): another extractor's counts are not used.
//!
//! ```json
//! {"format": "isnad-library-counts", "version": 1, "counted_by": "0.1.0+3f9a0c12d4e5",
//!  "counts": {"<sha-256 of the text>": {"pending": 42, "claims": 7}}}
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::article::{Article, sha256_hex};
use crate::extract::open::first_suggestions;

/// The cache's file name in the data folder.
pub const CACHE_FILE: &str = "library-counts.json";
const FORMAT: &str = "isnad-library-counts";
const VERSION: u32 = 1;

/// What a first open of an article would suggest: items to review, of which claims.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggested {
    pub pending: usize,
    pub claims: usize,
}

/// Counts what a first open of `article` would suggest.
pub fn count(article: &Article) -> Suggested {
    let set = first_suggestions(article);
    Suggested {
        pending: set.len(),
        claims: set.claims.len(),
    }
}

#[derive(Serialize, Deserialize)]
struct CacheFile {
    format: String,
    version: u32,
    counted_by: String,
    counts: HashMap<String, Suggested>,
}

/// The counts counted before, by text hash.
#[derive(Debug, Default)]
pub struct CountCache {
    path: PathBuf,
    counts: HashMap<String, Suggested>,
    /// Counts added since it was read.
    added: HashMap<String, Suggested>,
}

impl CountCache {
    /// Reads the cache in `data_dir`. A cache is never worth an error: a missing, unreadable
    /// or other-version file is an empty cache (and is replaced by the next save).
    pub fn load(data_dir: &Path) -> Self {
        let path = data_dir.join(CACHE_FILE);
        Self {
            counts: read_counts(&path).unwrap_or_default(),
            path,
            added: HashMap::new(),
        }
    }

    /// Where it is kept.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn get(&self, text_hash: &str) -> Option<Suggested> {
        self.added
            .get(text_hash)
            .or_else(|| self.counts.get(text_hash))
            .copied()
    }

    pub fn insert(&mut self, text_hash: String, counted: Suggested) {
        self.added.insert(text_hash, counted);
    }

    /// Writes the counts added (with what the file holds now, which another isnad may have
    /// added to meanwhile) atomically, with the annotation files' writer. Nothing to write
    /// when nothing was added.
    pub fn save(&mut self) -> Result<(), String> {
        if self.added.is_empty() {
            return Ok(());
        }
        let mut counts = read_counts(&self.path).unwrap_or_default();
        counts.extend(self.added.drain());
        let file = CacheFile {
            format: FORMAT.to_owned(),
            version: VERSION,
            counted_by: counted_by().to_owned(),
            counts,
        };
        let json = serde_json::to_string(&file).map_err(|e| e.to_string())?;
        crate::annotate::output::write_atomic(&self.path, json.as_bytes(), || Ok(()))
            .map_err(|e| e.to_string())?;
        self.counts = file.counts;
        Ok(())
    }
}

/// The extractor that counts: the isnad version and a fingerprint of its suggestions for the
/// bundled sample article (their ids, made from each item's kind, span and label), so a
/// changed word list or rule that changes them makes the cache counted again. Worked out
/// once per run.
fn counted_by() -> &'static str {
    static BY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BY.get_or_init(|| {
        let ids: Vec<String> = first_suggestions(&Article::sample())
            .items()
            .map(|item| item.id().to_owned())
            .collect();
        let fingerprint = sha256_hex(&ids.join(" "));
        format!("{}+{}", env!("CARGO_PKG_VERSION"), &fingerprint[..12])
    })
}

/// The counts of the cache file at `path`, if it is one this extractor wrote.
fn read_counts(path: &Path) -> Option<HashMap<String, Suggested>> {
    let text = std::fs::read_to_string(path).ok()?;
    let file: CacheFile = serde_json::from_str(&text).ok()?;
    (file.format == FORMAT && file.version == VERSION && file.counted_by == counted_by())
        .then_some(file.counts)
}

/// Counts what a first open of each of `articles` would suggest, on every core: from `cache`
/// by the text's hash, else by running the extractor (and added to `cache`). `each` gets
/// every article's counts as they come, from any thread (`None`: the article could not be
/// read). Stops starting new articles when `stop` is set.
pub fn count_all(
    articles: &[PathBuf],
    cache: &mut CountCache,
    stop: &AtomicBool,
    each: &(dyn Fn(&Path, Option<Suggested>) + Sync),
) {
    let counted = Mutex::new(Vec::new());
    let known = &*cache;
    articles.par_iter().for_each(|path| {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        let Ok(article) = Article::load(path) else {
            each(path, None);
            return;
        };
        let hash = sha256_hex(&article.text);
        let found = known.get(&hash).unwrap_or_else(|| {
            let fresh = count(&article);
            if let Ok(mut counted) = counted.lock() {
                counted.push((hash, fresh));
            }
            fresh
        });
        each(path, Some(found));
    });
    for (hash, found) in counted.into_inner().unwrap_or_default() {
        cache.insert(hash, found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_keeps_counts_by_hash_and_ignores_another_version() {
        let data = tempfile::tempdir().expect("tempdir");
        let mut cache = CountCache::load(data.path());
        assert_eq!(cache.get("abc"), None);
        let counted = Suggested {
            pending: 3,
            claims: 1,
        };
        cache.insert("abc".into(), counted);
        cache.save().expect("saved");
        assert_eq!(CountCache::load(data.path()).get("abc"), Some(counted));
        // written by another extractor: it may count otherwise
        let text = std::fs::read_to_string(cache.path()).expect("file");
        assert!(text.contains(&format!("\"{}\"", counted_by())), "{text}");
        let other = text.replace(counted_by(), "0.0.0+000000000000");
        std::fs::write(cache.path(), other).expect("write");
        assert_eq!(CountCache::load(data.path()).get("abc"), None);
        // not JSON at all: an empty cache, replaced by the next save
        std::fs::write(cache.path(), "{").expect("write");
        let mut broken = CountCache::load(data.path());
        assert_eq!(broken.get("abc"), None);
        broken.insert("def".into(), counted);
        broken.save().expect("saved");
        assert_eq!(CountCache::load(data.path()).get("def"), Some(counted));
    }
}

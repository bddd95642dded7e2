//! Saving under pressure: two stores saving one file at the same instant, many times over, lose
//! nothing (the read-merge-write is serialised by a lock and merged against what each last saw).

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use isnad::annotate::Edit;
use isnad::annotate::model::*;
use isnad::annotate::store::{AnnotationStore, StoreOptions};
use isnad::article::Article;

fn opts_at(path: &Path) -> StoreOptions {
    StoreOptions {
        annotations: Some(path.to_path_buf()),
        data_dir: None,
    }
}

/// Rounds per writer: enough for a lost update to show every time without the lock (it lost one
/// in most rounds), few enough to stay within a few seconds.
const ROUNDS: usize = 100;

#[test]
fn two_stores_saving_at_the_same_instant_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.isnad.json");
    let article = Arc::new(Article::sample());
    let start = Arc::new(Barrier::new(2));
    let started = Instant::now();
    let writers: Vec<_> = ["first", "second"]
        .into_iter()
        .map(|who| {
            let (path, article, start) = (path.clone(), article.clone(), start.clone());
            std::thread::spawn(move || {
                let mut store = AnnotationStore::open(article.clone(), &opts_at(&path));
                let mut mine = Vec::new();
                start.wait();
                for round in 0..ROUNDS {
                    let mut claim = Claim::by_human(&article, 0..8, who).unwrap();
                    claim.note = format!("{who} {round}");
                    mine.push(claim.id.clone());
                    store.apply(Edit::Add(Item::Claim(claim))).unwrap();
                    store.save().unwrap();
                    // what this store added is never taken for a deletion by the other side
                    let missing = mine.iter().filter(|id| !store.set().contains(id)).count();
                    assert_eq!(missing, 0, "{who} dropped its own claims by round {round}");
                }
                mine
            })
        })
        .collect();
    let ids: Vec<String> = writers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    let elapsed = started.elapsed();
    let end = AnnotationStore::open(article, &opts_at(&path));
    let lost: Vec<&String> = ids.iter().filter(|id| !end.set().contains(id)).collect();
    assert!(
        lost.is_empty(),
        "{} of {} claims lost",
        lost.len(),
        ids.len()
    );
    assert_eq!(end.set().claims.len(), 2 * ROUNDS);
    assert!(elapsed < Duration::from_secs(30), "took {elapsed:?}");
}

#[test]
fn two_readers_on_an_article_without_annotations_share_the_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    let article_path = dir.path().join("aleppo.txt");
    std::fs::write(&article_path, isnad::article::SAMPLE_TEXT).unwrap();
    let options = StoreOptions {
        annotations: None,
        data_dir: Some(dir.path().join("data")),
    };
    let open =
        || isnad::app::annotations::open_store(Article::load(&article_path).unwrap(), &options);
    let (mut first, mut second) = (open(), open());
    let suggested = first.set().len();
    assert!(
        first.set().entities.len() > 3,
        "the sample has entity suggestions"
    );
    assert_eq!(
        first.set(),
        second.set(),
        "two extractions of one text agree, ids too"
    );
    for (store, who) in [(&mut first, "first"), (&mut second, "second")] {
        let claim = Claim::by_human(store.article(), 0..8, who).unwrap();
        store.apply(Edit::Add(Item::Claim(claim))).unwrap();
        store.save().unwrap();
    }
    let end = AnnotationStore::open(Article::load(&article_path).unwrap(), &options);
    assert_eq!(
        end.set().len(),
        suggested + 2,
        "each suggestion once, both claims kept"
    );
}

//! Criterion benchmarks of the annotation file and the extractor: saving and loading a file of
//! 10,000 entities (the built-in extractor's suggestions on repeated Wikinews text, accepted),
//! re-anchoring 100,000 annotations after a line was added to their 9.2 MB article, and the
//! extractor's throughput on one core.

#[path = "common/config.rs"]
mod config;
#[path = "common/cpu_time.rs"]
mod cpu_time;
#[path = "common/wikinews_annotations.rs"]
mod wikinews_annotations;

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use cpu_time::{ProcessCpuTime, cpu_now};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use isnad::annotate::model::Item;
use isnad::annotate::{AnnotationStore, Edit, StoreOptions};
use isnad::article::Article;
use wikinews_annotations::{PREPENDED_LINE, WIKINEWS, accepted_entities};

const ANNOTATIONS: usize = 10_000;
/// Re-anchoring: this many annotations on the 9.2 MB article of the README (30 copies).
const REANCHORED: usize = 100_000;
const COPIES: usize = 30;

/// The smallest number of Wikinews copies whose suggestions reach [`ANNOTATIONS`] entities, and
/// those entities, accepted.
fn annotated_article() -> (Arc<Article>, Vec<Item>) {
    let per_copy = isnad::extract::extract(WIKINEWS).len().max(1);
    let copies = ANNOTATIONS.div_ceil(per_copy) + 1;
    let article = Arc::new(Article::from_text("bench.txt", WIKINEWS.repeat(copies)));
    let items = accepted_entities(&article, ANNOTATIONS).expect("enough annotations");
    (article, items)
}

fn file(c: &mut Criterion<ProcessCpuTime>) {
    let (article, items) = annotated_article();
    let dir = tempfile::tempdir().expect("tempdir");
    let options = StoreOptions {
        annotations: Some(dir.path().join("bench.isnad.json")),
        data_dir: Some(dir.path().to_path_buf()),
    };
    let mut store = AnnotationStore::open(Arc::clone(&article), &options);
    let first = items[0].clone();
    store
        .apply(Edit::Batch(items.into_iter().map(Edit::Add).collect()))
        .expect("adds");
    store.save().expect("first save");
    let bytes = std::fs::metadata(dir.path().join("bench.isnad.json")).map_or(0, |m| m.len());
    eprintln!(
        "annotation file: {ANNOTATIONS} entities, {:.1} MB; article {:.1} MB",
        bytes as f64 / 1e6,
        article.text.len() as f64 / 1e6
    );

    let mut group = c.benchmark_group("annotations_10000");
    group.bench_function("save", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for round in 0..iters {
                // one real change each time, so every save writes the whole file
                let mut changed = first.clone();
                if let Item::Entity(e) = &mut changed {
                    e.note = format!("round {round}");
                }
                store.apply(Edit::Update(changed)).expect("update");
                let started = cpu_now();
                black_box(store.save().expect("save"));
                total += cpu_now().saturating_sub(started);
            }
            total
        })
    });
    group.bench_function("load", |b| {
        // the store is returned, so freeing it (which the reader never does right after
        // opening) is not timed
        b.iter_with_large_drop(|| {
            let store = AnnotationStore::open(Arc::clone(&article), &options);
            assert_eq!(store.set().entities.len(), ANNOTATIONS);
            store
        })
    });
    group.finish();
}

/// Opening a file of [`REANCHORED`] annotations after a line was added at the top of their
/// 9.2 MB article: every span is re-anchored (parsing and checking the file included).
fn reanchoring(c: &mut Criterion<ProcessCpuTime>) {
    let article = Arc::new(Article::from_text("bench.txt", WIKINEWS.repeat(COPIES)));
    let items = accepted_entities(&article, REANCHORED).expect("enough annotations");
    let dir = tempfile::tempdir().expect("tempdir");
    let options = StoreOptions {
        annotations: Some(dir.path().join("bench.isnad.json")),
        data_dir: Some(dir.path().to_path_buf()),
    };
    let mut store = AnnotationStore::open(Arc::clone(&article), &options);
    store
        .apply(Edit::Batch(items.into_iter().map(Edit::Add).collect()))
        .expect("adds");
    store.save().expect("save");
    let changed = Arc::new(Article::from_text(
        "bench.txt",
        format!("{PREPENDED_LINE}{}", article.text),
    ));
    let mut group = c.benchmark_group("reanchor_100000");
    group.sample_size(10);
    group.bench_function("open_after_a_line_was_added", |b| {
        b.iter_with_large_drop(|| {
            let store = AnnotationStore::open(Arc::clone(&changed), &options);
            assert_eq!(store.set().entities.len(), REANCHORED);
            store
        })
    });
    group.finish();
}

fn extraction(c: &mut Criterion<ProcessCpuTime>) {
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(WIKINEWS.len() as u64));
    // build the gazetteer and lexicon before timing
    isnad::extract::extract("بغداد");
    group.bench_function("wikinews_one_core", |b| {
        b.iter(|| isnad::extract::extract(black_box(WIKINEWS)).len())
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = config::criterion();
    targets = file, reanchoring, extraction
}
criterion_main!(benches);

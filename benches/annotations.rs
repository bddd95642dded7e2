//! Criterion benchmarks of the annotation file and the extractor: saving and loading a file of
//! 10,000 entities (the built-in extractor's suggestions on repeated Wikinews text, accepted),
//! and the extractor's throughput on one core.

#[path = "common/cpu_time.rs"]
mod cpu_time;

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use cpu_time::{ProcessCpuTime, cpu_now};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use isnad::annotate::model::{Item, ReviewStatus};
use isnad::annotate::{AnnotationStore, Edit, StoreOptions};
use isnad::article::Article;

const WIKINEWS: &str = include_str!("../tests/data/wikinews-ar.txt");
const ANNOTATIONS: usize = 10_000;

/// The smallest number of Wikinews copies whose suggestions reach [`ANNOTATIONS`] entities, and
/// those entities, accepted by a person (so every field of a review is written).
fn annotated_article() -> (Arc<Article>, Vec<Item>) {
    let per_copy = isnad::extract::extract(WIKINEWS).len().max(1);
    let copies = ANNOTATIONS.div_ceil(per_copy) + 1;
    let article = Arc::new(Article::from_text("bench.txt", WIKINEWS.repeat(copies)));
    let mut ids = std::collections::HashSet::new();
    let items = isnad::extract::suggest_entities(&article)
        .into_iter()
        .filter(|e| ids.insert(e.id.clone()))
        .take(ANNOTATIONS)
        .map(|mut e| {
            e.review.set_status(ReviewStatus::Accepted, "bench");
            Item::Entity(e)
        })
        .collect::<Vec<_>>();
    assert_eq!(items.len(), ANNOTATIONS, "not enough suggestions");
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
    // The machine is shared: short, repeatable runs rather than long ones.
    config = Criterion::default()
        .with_measurement(ProcessCpuTime::default())
        .sample_size(15)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = file, extraction
}
criterion_main!(benches);

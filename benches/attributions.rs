//! Criterion benchmark of the attribution suggestions on one core: the cue parser alone
//! (`extract::cues::suggest_article`: sources, claims, attributions), the cue parser with the
//! isnad rules after it (chains, stances, coreference), the whole extractor (entities, cues,
//! isnad rules: the annotation set `isnad extract --json` writes), and that set written as the
//! JSON document (`document_json`, what `isnad extract --json` does for one article once it
//! is read), in MB/s of the Wikinews text. The target (issue 14) is at least 20 MB/s per core
//! for the whole extractor.

#[path = "common/cpu_time.rs"]
mod cpu_time;

use std::hint::black_box;
use std::time::Duration;

use cpu_time::ProcessCpuTime;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use isnad::annotate::model::AnnotationSet;
use isnad::article::Article;
use isnad::commands::extract::document_json;
use isnad::extract::{cues, extract_article, isnad::suggest, isnad::suggest_annotations};

const WIKINEWS: &str = include_str!("../tests/data/wikinews-ar.txt");

fn attributions(c: &mut Criterion<ProcessCpuTime>) {
    let article = Article::from_text("wikinews-ar.txt", WIKINEWS.to_owned());
    // build the lexicons and gazetteers before timing
    let _ = suggest_annotations(&article, &extract_article(&article));
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(WIKINEWS.len() as u64));
    group.bench_function("cues_wikinews_one_core", |b| {
        b.iter(|| {
            cues::suggest_article(black_box(&article))
                .attributions
                .len()
        })
    });
    group.bench_function("attributions_wikinews_one_core", |b| {
        b.iter(|| {
            let mut set = AnnotationSet::default();
            cues::add_to_annotations(
                &mut set,
                &article,
                &cues::suggest_article(black_box(&article)),
            );
            suggest(&mut set, &article);
            set.attributions.len()
        })
    });
    group.bench_function("everything_wikinews_one_core", |b| {
        b.iter(|| {
            // a fresh article each run: its folded text (built once per article and shared
            // by the layers) is part of what is timed
            let article = Article::from_text("wikinews-ar.txt", black_box(WIKINEWS).to_owned());
            suggest_annotations(&article, &extract_article(&article))
                .attributions
                .len()
        })
    });
    group.bench_function("json_wikinews_one_core", |b| {
        b.iter(|| {
            let article = Article::from_text("wikinews-ar.txt", black_box(WIKINEWS).to_owned());
            document_json(&article, "wikinews-ar.txt", &extract_article(&article)).len()
        })
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
    targets = attributions
}
criterion_main!(benches);

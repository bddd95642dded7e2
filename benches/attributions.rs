//! Criterion benchmark of the attribution suggestions on one core: the cue parser alone
//! (`extract::cues::suggest_article`: sources, claims, attributions), the cue parser with the
//! isnad rules after it (chains, stances, coreference), the whole extractor (entities, cues,
//! isnad rules: the annotation set `isnad extract --json` writes), and that set written as the
//! JSON document (`document_json`, what `isnad extract --json` does for one article once it
//! is read), in MB/s of the Wikinews text. The target (issue 14) is at least 20 MB/s per core
//! for the whole extractor.

#[path = "common/config.rs"]
mod config;
#[path = "common/cpu_time.rs"]
mod cpu_time;

use std::hint::black_box;

use cpu_time::ProcessCpuTime;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use isnad::annotate::model::AnnotationSet;
use isnad::article::Article;
use isnad::commands::extract::document_json;
use isnad::extract::{cues, extract_article, isnad::suggest, isnad::suggest_annotations};

const WIKINEWS: &str = include_str!("../tests/data/wikinews-ar.txt");

/// A stage of the extractor run on the article; returns a count, so its work is used.
type Stage = fn(&Article) -> usize;

/// The stages timed, each on the Wikinews text: the name of its benchmark and what it runs.
/// The last two make a fresh article each run: its folded text (built once per article and
/// shared by the layers) is part of what they time.
const STAGES: [(&str, Stage); 4] = [
    ("cues_wikinews_one_core", cues_alone),
    ("attributions_wikinews_one_core", cues_and_isnad_rules),
    ("everything_wikinews_one_core", everything),
    ("json_wikinews_one_core", json_document),
];

fn cues_alone(article: &Article) -> usize {
    cues::suggest_article(article).attributions.len()
}

fn cues_and_isnad_rules(article: &Article) -> usize {
    let mut set = AnnotationSet::default();
    cues::add_to_annotations(&mut set, article, &cues::suggest_article(article));
    suggest(&mut set, article);
    set.attributions.len()
}

fn everything(article: &Article) -> usize {
    let article = Article::from_text("wikinews-ar.txt", article.text.clone());
    suggest_annotations(&article, &extract_article(&article))
        .attributions
        .len()
}

fn json_document(article: &Article) -> usize {
    let article = Article::from_text("wikinews-ar.txt", article.text.clone());
    document_json(&article, "wikinews-ar.txt", &extract_article(&article)).len()
}

fn attributions(c: &mut Criterion<ProcessCpuTime>) {
    let article = Article::from_text("wikinews-ar.txt", WIKINEWS.to_owned());
    // build the lexicons and gazetteers before timing
    let _ = suggest_annotations(&article, &extract_article(&article));
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(WIKINEWS.len() as u64));
    for (name, stage) in STAGES {
        group.bench_function(name, |b| b.iter(|| stage(black_box(&article))));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = config::criterion();
    targets = attributions
}
criterion_main!(benches);

//! Criterion benchmark of what the learned attribution stage costs (docs/extraction/learned.md):
//! the whole extractor on the Wikinews text with the rules alone (entities, cue parser, isnad
//! rules, as `isnad extract`) beside the same with the learned stage's decisions applied to the
//! cue suggestions (the shipped model, `assets/model/attributions.tsv`), one core, CPU time.
//! The stage may cost at most 15% of the first (issue 14).

#[path = "common/config.rs"]
mod config;
#[path = "common/cpu_time.rs"]
mod cpu_time;

use std::hint::black_box;

use cpu_time::ProcessCpuTime;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use isnad::article::Article;
use isnad::extract::isnad::{suggest_annotations, suggest_annotations_with};
use isnad::extract::{extract_article, learned};

const WIKINEWS: &str = include_str!("../tests/data/wikinews-ar.txt");

fn learned_stage(c: &mut Criterion<ProcessCpuTime>) {
    let model = learned::Model::shipped().expect("the shipped model reads");
    let article = Article::from_text("wikinews-ar.txt", WIKINEWS.to_owned());
    // build the lexicons and gazetteers before timing
    let _ = learned::suggest_with(&article, &extract_article(&article), &model);
    let mut group = c.benchmark_group("learned");
    group.throughput(Throughput::Bytes(WIKINEWS.len() as u64));
    group.bench_function("everything_rules_alone", |b| {
        b.iter(|| {
            let article = Article::from_text("wikinews-ar.txt", black_box(WIKINEWS).to_owned());
            suggest_annotations(&article, &extract_article(&article))
                .attributions
                .len()
        })
    });
    group.bench_function("everything_with_learned_stage", |b| {
        b.iter(|| {
            let article = Article::from_text("wikinews-ar.txt", black_box(WIKINEWS).to_owned());
            let entities = extract_article(&article);
            let decided = learned::suggest_with(&article, &entities, &model);
            suggest_annotations_with(&article, &entities, &decided)
                .attributions
                .len()
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = config::criterion();
    targets = learned_stage
}
criterion_main!(benches);

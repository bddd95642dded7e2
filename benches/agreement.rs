//! Criterion benchmark of the agreement figures: 1,000 article pairs with 100 annotations on
//! each side (60 entities, 15 sources, 10 claims, 15 attributions; the second annotator moves
//! boundaries, relabels and drops some), every layer scored and pooled, on one core. The target
//! (issue 15) is under 2 s for the 1,000 pairs.

#[path = "common/config.rs"]
mod config;
#[path = "common/cpu_time.rs"]
mod cpu_time;

use std::hint::black_box;

use cpu_time::ProcessCpuTime;
use criterion::{Criterion, criterion_group, criterion_main};
use isnad::annotate::agreement::{agree, pool};
use isnad::annotate::model::{
    AnnotationSet, Attribution, Claim, ClaimType, Entity, Item, Label, QuoteType, Source,
    SourceType,
};
use isnad::article::Article;

const WIKINEWS: &str = include_str!("../tests/data/wikinews-ar.txt");
const PAIRS: usize = 1_000;
const LABELS: [&str; 5] = ["PERSON", "ORG", "GPE", "LOC", "DATE"];

/// A span of about `len` characters starting near `at`, on character boundaries.
fn span(a: &Article, at: usize, len: usize) -> std::ops::Range<usize> {
    let total = a.len_chars();
    let start = at.min(total - len - 1);
    let to = |c: usize| a.char_to_byte(c).unwrap_or(a.text.len());
    to(start)..to(start + len)
}

/// One annotator's set; `noise` > 0 moves, relabels and drops items as a second annotator would.
fn annotate(a: &Article, rng: &mut fastrand::Rng, noise: f64) -> AnnotationSet {
    let mut set = AnnotationSet::default();
    let total = a.len_chars() - 200;
    let jitter = |rng: &mut fastrand::Rng, x: usize| {
        if rng.f64() < noise {
            x + rng.usize(0..3)
        } else {
            x
        }
    };
    let mut base = fastrand::Rng::with_seed(rng.u64(..));
    let keep = |rng: &mut fastrand::Rng| rng.f64() >= noise / 2.0;
    for _ in 0..60 {
        let (at, len, label) = (base.usize(0..total), base.usize(2..20), base.usize(0..5));
        if keep(rng) {
            let label = if rng.f64() < noise {
                rng.usize(0..5)
            } else {
                label
            };
            let range = span(a, jitter(rng, at), len);
            let l = Label::parse(LABELS[label]).unwrap_or_else(|e| panic!("{e}"));
            if let Ok(e) = Entity::by_human(a, range, l, "bench") {
                set.upsert(Item::Entity(e));
            }
        }
    }
    let mut claims = Vec::new();
    let mut sources = Vec::new();
    for _ in 0..15 {
        let (at, len) = (base.usize(0..total), base.usize(5..30));
        if let Ok(mut s) = Source::by_human(a, span(a, jitter(rng, at), len), "bench") {
            s.source_type = SourceType::ALL[base.usize(0..SourceType::ALL.len())];
            sources.push(s.id.clone());
            set.upsert(Item::Source(s));
        }
    }
    for _ in 0..10 {
        let (at, len) = (base.usize(0..total), base.usize(20..150));
        if let Ok(mut c) = Claim::by_human(a, span(a, jitter(rng, at), len), "bench") {
            c.claim_type = ClaimType::ALL[base.usize(0..ClaimType::ALL.len())];
            claims.push(c.id.clone());
            set.upsert(Item::Claim(c));
        }
    }
    for i in 0..15 {
        if claims.is_empty() || sources.is_empty() {
            break;
        }
        let c = &claims[i % claims.len()];
        let s = &sources[base.usize(0..sources.len())];
        let mut link = Attribution::by_human(c, s, None, "bench");
        link.quote_type = QuoteType::ALL[base.usize(0..QuoteType::ALL.len())];
        set.upsert(Item::Attribution(link));
    }
    set
}

fn agreement(c: &mut Criterion<ProcessCpuTime>) {
    let article = Article::from_text("bench.txt", WIKINEWS.to_owned());
    let mut rng = fastrand::Rng::with_seed(15);
    let pairs: Vec<(AnnotationSet, AnnotationSet)> = (0..PAIRS)
        .map(|_| {
            let seed = rng.u64(..);
            let a = annotate(&article, &mut fastrand::Rng::with_seed(seed), 0.0);
            let b = annotate(&article, &mut fastrand::Rng::with_seed(seed), 0.3);
            (a, b)
        })
        .collect();
    let mut group = c.benchmark_group("agreement");
    group.sample_size(10);
    group.bench_function("1000_article_pairs_100_annotations_one_core", |b| {
        b.iter(|| {
            let per_article: Vec<_> = pairs
                .iter()
                .map(|(x, y)| agree(black_box(&article), &[Some(x), Some(y)]))
                .collect();
            pool(&per_article).layers.len()
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = config::criterion();
    targets = agreement
}
criterion_main!(benches);

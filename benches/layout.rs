//! Criterion benchmarks of the layout engine: one paragraph through shaping, bidi, wrapping and
//! reordering; the stages alone; and a screen of a ~9 MB article (30 copies of the diacritised
//! Wikinews text) from a cold and from a warm cache, as the reader draws it.

#[path = "common/config.rs"]
mod config;
#[path = "common/cpu_time.rs"]
mod cpu_time;

use std::hint::black_box;

use cpu_time::ProcessCpuTime;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use isnad::article::Article;
use isnad::layout::{LayoutCache, LayoutOptions, RowPos, layout_paragraph, layout_text};
use isnad::text::{bidi, shape};

const WIKINEWS: &str = include_str!("../tests/data/wikinews-ar.txt");
const SCREEN_ROWS: usize = 50;

fn longest_paragraph() -> &'static str {
    WIKINEWS.lines().max_by_key(|l| l.len()).unwrap_or_default()
}

fn big_article() -> Article {
    Article::from_text("bench", WIKINEWS.repeat(30))
}

fn paragraph(c: &mut Criterion<ProcessCpuTime>) {
    let text = longest_paragraph();
    let mut group = c.benchmark_group("paragraph");
    group.throughput(Throughput::Bytes(text.len() as u64));
    for width in [40u16, 80, 200] {
        let opts = LayoutOptions {
            width,
            ..LayoutOptions::default()
        };
        group.bench_with_input(BenchmarkId::new("layout", width), &opts, |b, opts| {
            b.iter(|| layout_text(black_box(text), 0, 0, opts))
        });
    }
    group.bench_function("shape", |b| b.iter(|| shape::shape(black_box(text))));
    group.bench_function("bidi_analyze", |b| {
        b.iter(|| bidi::analyze(black_box(text), bidi::Direction::Auto))
    });
    group.finish();
}

fn whole_article(c: &mut Criterion<ProcessCpuTime>) {
    let article = Article::from_text("wikinews", WIKINEWS.to_owned());
    let opts = LayoutOptions::default();
    let mut group = c.benchmark_group("article");
    group.throughput(Throughput::Bytes(article.text.len() as u64));
    group.bench_function("wikinews_all_paragraphs_w80", |b| {
        b.iter(|| {
            (0..article.paragraphs.len())
                .map(|p| layout_paragraph(&article, p, &opts).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn screen(c: &mut Criterion<ProcessCpuTime>) {
    let article = big_article();
    let opts = LayoutOptions::default();
    let middle = RowPos::new(article.paragraphs.len() / 2, 0);
    let mut group = c.benchmark_group("screen_9mb");
    group.bench_function("cold_middle", |b| {
        b.iter(|| {
            let mut cache = LayoutCache::new();
            cache.visible(&article, &opts, middle, SCREEN_ROWS).len()
        })
    });
    group.bench_function("cold_end_G", |b| {
        b.iter(|| {
            let mut cache = LayoutCache::new();
            let last = cache.last_row(&article, &opts);
            let top = cache.step(&article, &opts, last, -(SCREEN_ROWS as isize - 1));
            cache.visible(&article, &opts, top, SCREEN_ROWS).len()
        })
    });
    let mut warm = LayoutCache::new();
    warm.visible(&article, &opts, middle, SCREEN_ROWS);
    group.bench_function("warm_middle", |b| {
        b.iter(|| warm.visible(&article, &opts, middle, SCREEN_ROWS).len())
    });
    group.bench_function("warm_page_down", |b| {
        b.iter(|| {
            let next = warm.step(&article, &opts, middle, SCREEN_ROWS as isize);
            warm.visible(&article, &opts, next, SCREEN_ROWS).len()
        })
    });
    let narrow = LayoutOptions { width: 60, ..opts };
    group.bench_function("resize_80_to_60", |b| {
        b.iter(|| {
            let mut cache = LayoutCache::new();
            cache.visible(&article, &narrow, middle, SCREEN_ROWS).len()
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = config::criterion();
    targets = paragraph, whole_article, screen
}
criterion_main!(benches);

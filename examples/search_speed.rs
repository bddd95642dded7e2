//! Measures search on a 9 MB article (the bundled sample and the vendored diacritised
//! Wikinews text, repeated): building the folded index once, then queries as typed; and, for
//! comparison, the attribution suggester on the same text.
//! Run with `cargo run --release --example search_speed`.

use std::time::{Duration, Instant};

use isnad::article::{Article, SAMPLE_TEXT};
use isnad::extract::cues::suggest_article;
use isnad::search::{SearchIndex, find_all_in};

const WIKINEWS: &str = include_str!("../tests/data/wikinews-ar-attribution.txt");
const TARGET_BYTES: usize = 9 * 1024 * 1024;

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let out = f();
        best = best.min(start.elapsed());
        last = Some(out);
    }
    match last {
        Some(out) => (best, out),
        None => (best, f()),
    }
}

fn main() {
    let mut text = String::with_capacity(TARGET_BYTES + WIKINEWS.len());
    while text.len() < TARGET_BYTES {
        text.push_str(SAMPLE_TEXT);
        text.push('\n');
        text.push_str(WIKINEWS);
        text.push('\n');
    }
    let mut plain = String::with_capacity(TARGET_BYTES + SAMPLE_TEXT.len());
    while plain.len() < TARGET_BYTES {
        plain.push_str(SAMPLE_TEXT);
        plain.push('\n');
    }
    let (build, index) = best_of(5, || SearchIndex::new(&plain));
    let (t, hits) = best_of(5, || index.find_all("الأمن العام"));
    println!(
        "undiacritised {:.1} MB: index build {:.1} ms; \"الأمن العام\": {} matches in {:.1} ms",
        plain.len() as f64 / (1024.0 * 1024.0),
        build.as_secs_f64() * 1000.0,
        hits.len(),
        t.as_secs_f64() * 1000.0
    );
    drop(index);
    println!(
        "mixed article (about 3/4 fully diacritised): {:.1} MB",
        text.len() as f64 / (1024.0 * 1024.0)
    );
    let (build, index) = best_of(5, || SearchIndex::new(&text));
    println!("index build: {:.1} ms", build.as_secs_f64() * 1000.0);
    for query in ["داعش", "الأمن العام", "اعلن", "في", "ا", "لا يوجد هذا النص"]
    {
        let (t, hits) = best_of(5, || index.find_all(query));
        println!(
            "query {query:?}: {} matches in {:.1} ms (index reused)",
            hits.len(),
            t.as_secs_f64() * 1000.0
        );
    }
    let (t, hits) = best_of(5, || find_all_in(&text, "الداخلية السورية"));
    println!(
        "find_all_in (build + search) \"الداخلية السورية\": {} matches in {:.1} ms",
        hits.len(),
        t.as_secs_f64() * 1000.0
    );
    let article = Article::from_text("speed", text);
    let (t, s) = best_of(1, || suggest_article(&article));
    println!(
        "suggest_article: {} attributions in {:.0} ms",
        s.attributions.len(),
        t.as_secs_f64() * 1000.0
    );
}

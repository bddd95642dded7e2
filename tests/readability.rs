//! Main-content extraction measured against Mozilla Readability's own test pages
//! (tests/data/readability, Apache-2.0): for each page, the article isnad finds in
//! `source.html` against the text of Readability's `expected.html`, as word-level F1 (bag of
//! words after whitespace normalisation). Prints the distribution for the development half
//! (pages at even positions in name order, the ones looked at while porting) and the test half,
//! and holds the floor: median ≥ 0.95 and no page below 0.6 unless docs/web.md gives the reason.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use isnad::article::html;

fn pages_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/readability/pages")
}

fn gunzip(path: &Path) -> Vec<u8> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut out)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    out
}

/// Page names, sorted.
fn page_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(pages_dir())
        .expect("tests/data/readability/pages")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".source.html.gz")
                .map(str::to_owned)
        })
        .collect();
    names.sort();
    names
}

fn bag(text: &str) -> HashMap<&str, usize> {
    let mut words = HashMap::new();
    for w in text.split_whitespace() {
        *words.entry(w).or_insert(0) += 1;
    }
    words
}

/// Word-level F1 of `found` against `expected` (1 when both are empty).
fn f1(found: &str, expected: &str) -> f64 {
    let (a, b) = (bag(found), bag(expected));
    let (na, nb): (usize, usize) = (a.values().sum(), b.values().sum());
    if na == 0 && nb == 0 {
        return 1.0;
    }
    let common: usize = a
        .iter()
        .map(|(w, n)| (*n).min(b.get(w).copied().unwrap_or(0)))
        .sum();
    2.0 * common as f64 / (na + nb) as f64
}

/// Pages documented in docs/web.md as below the floor, each with a reason: the table rows
/// `| `name` | reason |` under "Pages below the floor".
fn documented_exceptions() -> Vec<String> {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/web.md"))
        .expect("docs/web.md");
    let Some(section) = doc.split("### Pages below the floor").nth(1) else {
        return Vec::new();
    };
    section
        .lines()
        .take_while(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut cells = l.split('|').map(str::trim).filter(|c| !c.is_empty());
            let name = cells.next()?.strip_prefix('`')?.strip_suffix('`')?;
            let reason = cells.next()?;
            (!reason.is_empty()).then(|| name.to_owned())
        })
        .collect()
}

fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let at = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted[at]
}

fn report(label: &str, scores: &[(String, f64)]) -> f64 {
    let mut values: Vec<f64> = scores.iter().map(|(_, s)| *s).collect();
    values.sort_by(f64::total_cmp);
    let mean = values.iter().sum::<f64>() / values.len().max(1) as f64;
    let median = quantile(&values, 0.5);
    println!(
        "{label}: {} pages  min {:.3}  p10 {:.3}  p25 {:.3}  median {:.3}  mean {:.3}  \
         ≥0.95: {}  ≥0.9: {}  <0.6: {}",
        values.len(),
        values.first().copied().unwrap_or(0.0),
        quantile(&values, 0.1),
        quantile(&values, 0.25),
        median,
        mean,
        values.iter().filter(|&&v| v >= 0.95).count(),
        values.iter().filter(|&&v| v >= 0.9).count(),
        values.iter().filter(|&&v| v < 0.6).count(),
    );
    median
}

#[test]
fn readability_test_pages_hold_the_floor() {
    let dir = pages_dir();
    let mut dev = Vec::new();
    let mut test = Vec::new();
    for (i, name) in page_names().into_iter().enumerate() {
        let source = gunzip(&dir.join(format!("{name}.source.html.gz")));
        let expected = gunzip(&dir.join(format!("{name}.expected.html.gz")));
        let page = html::read_page(&isnad::article::encoding::decode_html(&source, None).text);
        let expected = html::page_text(&String::from_utf8_lossy(&expected));
        let score = f1(&page.body, &expected);
        // `ISNAD_SHOW_PAGE=name cargo test --test readability -- --nocapture` shows both texts
        if std::env::var("ISNAD_SHOW_PAGE").is_ok_and(|p| p == name) {
            println!("--- isnad ---\n{}\n--- expected ---\n{expected}", page.body);
        }
        if i % 2 == 0 { &mut dev } else { &mut test }.push((name, score));
    }
    assert!(dev.len() + test.len() >= 100, "the pages are missing");
    let mut all: Vec<(String, f64)> = dev.iter().chain(&test).cloned().collect();
    all.sort_by(|a, b| a.1.total_cmp(&b.1));
    for (name, score) in all.iter().take(15) {
        println!("  {score:.3}  {name}");
    }
    report("development half", &dev);
    report("test half", &test);
    let median = report("all", &all);
    assert!(median >= 0.95, "median word F1 {median:.3} is under 0.95");
    let documented = documented_exceptions();
    let undocumented: Vec<String> = all
        .iter()
        .filter(|(name, score)| *score < 0.6 && !documented.contains(name))
        .map(|(name, score)| format!("{name} ({score:.3})"))
        .collect();
    assert!(
        undocumented.is_empty(),
        "pages below 0.6 without a reason in docs/web.md: {undocumented:?}"
    );
}

#[test]
fn f1_counts_repeated_words() {
    assert_eq!(f1("a b", "a b"), 1.0);
    assert_eq!(f1("a a", "a"), 2.0 / 3.0);
    assert_eq!(f1("", "a"), 0.0);
}

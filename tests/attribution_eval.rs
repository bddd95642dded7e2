//! The extractor measured on the attribution gold corpus (`tests/data/attribution/`): floors on
//! the dev half (set a little under what it measured; the rules are tuned on dev), the test half
//! printed next to it but never used as a floor, `isnad eval --gold DIR` on a small folder, and
//! the same spans on every article with and without harakat.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use isnad::annotate::AnnotationSet;
use isnad::annotate::agreement::Counts;
use isnad::article::Article;
use isnad::extract::eval::gold::{GoldReport, Half, Row, evaluate_dir};
use isnad::extract::{extract, isnad::suggest_annotations};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/attribution")
}

fn overlap(report: &GoldReport, row: &Row) -> Counts {
    report.rows.get(row).map(|c| c.overlap).unwrap_or_default()
}

fn print(report: &GoldReport, half: &str) {
    println!("{half}: {} articles", report.articles.len());
    for (row, c) in &report.rows {
        let f = |x: Option<f64>| x.map_or("–".to_owned(), |x| format!("{x:.3}"));
        println!(
            "  {:<14} exact P {} R {} · overlap P {} R {} F1 {}",
            row.name(),
            f(c.exact.precision()),
            f(c.exact.recall()),
            f(c.overlap.precision()),
            f(c.overlap.recall()),
            f(c.overlap.f1())
        );
    }
}

/// (row, overlap recall floor, overlap precision floor) on the dev half. Chains and stance
/// recall were lowered by what the 2026-12-04 gold change cost them (ADJUDICATION.md A4, A5:
/// six more `via`, three more `denies` in five dev articles; chains 1.000 -> 0.778, stance
/// 1.000 -> 0.700 with the rules unchanged), not by a change of the rules. Chains and stance
/// recall raised in the eighth round (0.963 and 0.800 reached: the intermediary a sentence names
/// once is the via of every cue of its speaker there, §7.1 / A5; a pointed report called false
/// is denied, §6.3 / A4), each one link below; same_as recall raised to one mention below 0.778,
/// then set to 0.69 (0.694 reached): part of the 0.778 was a spurious mention (`عصيد` inside
/// `تحدث أحمد عصيد`, credited by overlap) that also failed tests/cues_quality; with it gone the
/// source is `أحمد عصيد` as the gold has it, and a full name inside an earlier longer mention
/// is not yet coreferred. Sources precision and recall and attributions precision raised in
/// the eighth round (0.961 / 0.879 and 0.951 reached).
const DEV_FLOORS: &[(Row, f64, f64)] = &[
    (Row::Entities, 0.88, 0.93),
    (Row::Sources, 0.87, 0.95),
    (Row::Claims, 0.81, 0.95),
    (Row::Attributions, 0.83, 0.94),
    (Row::Chains, 0.92, 0.95),
    (Row::Stance, 0.70, 0.85),
    (Row::SameAs, 0.69, 0.93),
];

/// (entity label, overlap recall floor, overlap precision floor) on the dev half: the labels
/// of the unseen-news target (PERSON, ORG, places, dates), since the sixth round
/// LOC, EVENT and TIME, and since the seventh NORP and NUMBER, which its families raised
/// (PERSON recall and ORG precision raised in the eighth round: 0.789 and 0.904 reached; NORP
/// recall in the ninth: 0.929 reached with العربية as an adjective; ORG precision and DATE
/// recall in the tenth: 0.913 and 0.940 reached; ORG precision in the eleventh: 0.926 reached).
const DEV_ENTITY_FLOORS: &[(&str, f64, f64)] = &[
    ("PERSON", 0.78, 0.93),
    ("ORG", 0.84, 0.92),
    ("NORP", 0.92, 0.78),
    ("NUMBER", 0.93, 0.86),
    ("GPE", 0.88, 0.93),
    ("LOC", 0.85, 0.90),
    ("DATE", 0.93, 0.93),
    ("TIME", 0.80, 0.80),
    ("EVENT", 0.62, 0.90),
];

#[test]
fn dev_half_stays_above_its_floors_and_test_half_is_reported() {
    let dev = evaluate_dir(&corpus(), Some(Half::Dev)).unwrap();
    print(&dev, "dev");
    // The test half is scored here so that its gold files keep loading, but its figures are
    // printed only on request (`ISNAD_REPORT_TEST=1 cargo test --test attribution_eval --
    // --nocapture`): whoever tunes rules runs this test often and must not see them.
    let test = evaluate_dir(&corpus(), Some(Half::Test)).unwrap();
    if std::env::var_os("ISNAD_REPORT_TEST").is_some() {
        print(&test, "test");
    }
    assert_eq!(
        dev.articles.len(),
        35,
        "every dev article has its gold file"
    );
    assert_eq!(
        dev.articles.len() + test.articles.len(),
        std::fs::read_dir(corpus())
            .unwrap()
            .filter(|e| {
                let name = e.as_ref().unwrap().file_name();
                name.to_string_lossy().ends_with(".isnad.json")
            })
            .count(),
        "every article of the corpus is in one half with its gold file"
    );
    let mut low = Vec::new();
    let label_rows = DEV_ENTITY_FLOORS
        .iter()
        .map(|(label, r, p)| (Row::EntityLabel((*label).to_owned()), *r, *p));
    let rows = DEV_FLOORS.iter().cloned().chain(label_rows);
    for (row, recall, precision) in rows {
        let c = overlap(&dev, &row);
        let (r, p) = (c.recall().unwrap_or(0.0), c.precision().unwrap_or(0.0));
        if r < recall || p < precision {
            low.push(format!(
                "{}: recall {r:.3} (floor {recall}), precision {p:.3} (floor {precision})",
                row.name()
            ));
        }
    }
    assert!(low.is_empty(), "below the dev floors:\n{}", low.join("\n"));
}

/// Code-point offset in the plain text of code-point offset `i` of the diacritised text: the
/// characters before it that are not harakat.
fn to_plain(diacritised: &[char], i: usize) -> usize {
    diacritised[..i].iter().filter(|c| !is_haraka(**c)).count()
}

fn is_haraka(c: char) -> bool {
    ('\u{064B}'..='\u{0652}').contains(&c) || c == '\u{0670}'
}

/// Every span of a suggestion set as (layer, label, start, end) in code points, moved to the
/// plain text by `map`.
fn spans(set: &AnnotationSet, article: &Article, map: &dyn Fn(usize) -> usize) -> Vec<String> {
    let cp = |s: isnad::annotate::Span| {
        (
            map(article.byte_to_char(s.start)),
            map(article.byte_to_char(s.end)),
        )
    };
    let mut out: Vec<String> = Vec::new();
    for e in &set.entities {
        out.push(format!("entity {} {:?}", e.label.as_str(), cp(e.span)));
    }
    for s in &set.sources {
        out.push(format!("source {:?}", s.span.map(cp)));
    }
    for c in &set.claims {
        out.push(format!("claim {:?}", cp(c.span)));
    }
    for a in &set.attributions {
        out.push(format!("cue {:?} {}", a.cue.map(cp), a.stance.as_str()));
    }
    out.sort();
    out
}

#[test]
fn diacritised_articles_give_the_same_spans_as_plain_ones() {
    let mut differ = Vec::new();
    let mut checked = 0;
    for entry in std::fs::read_dir(corpus()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let Some(stem) = name.strip_suffix(".diacritised.txt") else {
            continue;
        };
        let plain = Article::load(&corpus().join(format!("{stem}.txt"))).unwrap();
        let marked = Article::load(&path).unwrap();
        let chars: Vec<char> = marked.text.chars().collect();
        let found_plain = suggest_annotations(&plain, &extract(&plain.text));
        let found_marked = suggest_annotations(&marked, &extract(&marked.text));
        let a = spans(&found_plain, &plain, &|i| i);
        let b = spans(&found_marked, &marked, &|i| to_plain(&chars, i));
        if a != b {
            let only_plain: Vec<&String> = a.iter().filter(|x| !b.contains(x)).collect();
            let only_marked: Vec<&String> = b.iter().filter(|x| !a.contains(x)).collect();
            differ.push(format!(
                "{stem}: plain only {only_plain:?}, diacritised only {only_marked:?}"
            ));
        }
        checked += 1;
    }
    assert_eq!(checked, 70);
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

fn isnad(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A gold folder of two worked-example articles (one per half) with a split of its own.
fn small_gold_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/attribution-examples");
    for stem in ["43-sport", "45-sport"] {
        std::fs::copy(
            corpus().join(format!("{stem}.txt")),
            dir.path().join(format!("{stem}.txt")),
        )
        .unwrap();
        std::fs::copy(
            examples.join(format!("{stem}.isnad.json")),
            dir.path().join(format!("{stem}.isnad.json")),
        )
        .unwrap();
    }
    std::fs::write(
        dir.path().join("split.toml"),
        "[dev]\narticles = [\"43-sport\"]\n[test]\narticles = [\"45-sport\"]\n",
    )
    .unwrap();
    dir
}

#[test]
fn eval_cli_scores_a_gold_folder_per_layer_with_errors_and_json() {
    let dir = small_gold_folder();
    let gold = dir.path().to_str().unwrap();
    let (ok, out, err) = isnad(&["eval", "--gold", gold]);
    assert!(ok, "{err}");
    assert!(out.contains("(all: 2 articles"), "{out}");
    for layer in [
        "entities",
        "  PERSON",
        "sources",
        "claims",
        "attributions",
        "chains",
        "stance",
    ] {
        assert!(
            out.lines().any(|l| l.starts_with(&format!("{layer} "))),
            "no {layer} row:\n{out}"
        );
    }
    let (ok, out, err) = isnad(&["eval", "--gold", gold, "--split", "dev", "--errors"]);
    assert!(ok, "{err}");
    assert!(out.contains("(dev: 1 articles"), "{out}");
    // every error line is placed: FILE:LINE:COLUMN: layer kind: text
    let errors: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("errors ("))
        .skip(1)
        .collect();
    assert!(!errors.is_empty(), "{out}");
    for line in &errors {
        let rest = line
            .split("43-sport.txt:")
            .nth(1)
            .unwrap_or_else(|| panic!("{line}"));
        let mut parts = rest.splitn(3, ':');
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
    }
    assert!(
        errors
            .iter()
            .any(|l| l.contains(" miss: ") || l.contains(" false alarm: ")),
        "{out}"
    );
    let (ok, out, err) = isnad(&["eval", "--gold", gold, "--split", "test", "--json"]);
    assert!(ok, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["split"], "test");
    assert_eq!(json["articles"], 1);
    let claims = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["layer"] == "claims")
        .unwrap();
    assert!(claims["overlap"]["gold"].as_u64().unwrap() > 0);
    assert!(json.get("errors").is_none());
    // --split without split.toml, --errors with a CoNLL file: clear errors
    std::fs::remove_file(dir.path().join("split.toml")).unwrap();
    let (ok, _, err) = isnad(&["eval", "--gold", gold, "--split", "dev"]);
    assert!(!ok && err.contains("split.toml"), "{err}");
}

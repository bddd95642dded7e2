//! The attribution gold corpus (`tests/data/attribution/`) stays what its README says: every
//! article of the vendored Wikinews text exactly once, each plain file its diacritised twin
//! without harakat, every article in one half of the split; and the annotation files beside it
//! (gold, annotators', the guidelines' worked examples) validate as format version 2 and quote
//! the article at their offsets.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use isnad::annotate::validate::validate_text;
use isnad::article::Article;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn corpus() -> PathBuf {
    root().join("tests/data/attribution")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The harakat the plain files drop: U+064B–U+0652 and the superscript alef U+0670.
fn is_haraka(c: char) -> bool {
    ('\u{064B}'..='\u{0652}').contains(&c) || c == '\u{0670}'
}

/// Article stems (`04-culture`), from the plain files.
fn stems() -> BTreeSet<String> {
    std::fs::read_dir(corpus())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".txt").map(str::to_owned))
        .filter(|n| !n.contains('.'))
        .collect()
}

#[test]
fn plain_files_are_the_diacritised_ones_without_harakat() {
    let stems = stems();
    assert_eq!(stems.len(), 70, "{stems:?}");
    for stem in &stems {
        let plain = read(&corpus().join(format!("{stem}.txt")));
        let diacritised = read(&corpus().join(format!("{stem}.diacritised.txt")));
        let stripped: String = diacritised.chars().filter(|&c| !is_haraka(c)).collect();
        assert_eq!(plain, stripped, "{stem}");
        assert!(!plain.chars().any(is_haraka), "{stem} keeps harakat");
        assert!(
            plain.ends_with('\n') && !plain.contains("\n\n"),
            "{stem}: blank line"
        );
        assert!(plain.lines().count() >= 2, "{stem}: a headline and no body");
    }
}

#[test]
fn articles_are_the_source_text_in_order_every_line_once() {
    let source = read(&root().join("tests/data/wikinews-ar.txt"));
    let expected: Vec<&str> = source
        .lines()
        .map(|l| l.trim_end_matches([' ', '\t', '\r']))
        .filter(|l| !l.trim().is_empty() && !l.starts_with("# "))
        .collect();
    let articles: Vec<String> = stems()
        .iter()
        .map(|s| read(&corpus().join(format!("{s}.diacritised.txt"))))
        .collect();
    let got: Vec<&str> = articles.iter().flat_map(|a| a.lines()).collect();
    assert_eq!(got.len(), expected.len());
    for (i, (g, e)) in got.iter().zip(&expected).enumerate() {
        assert_eq!(g, e, "article line {i} differs from the source");
    }
}

#[test]
fn split_puts_every_article_in_exactly_one_half() {
    let split: toml::Table = read(&corpus().join("split.toml")).parse().unwrap();
    assert!(split["seed"].as_integer().is_some());
    let half = |name: &str| -> BTreeSet<String> {
        split[name]["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect()
    };
    let (dev, test) = (half("dev"), half("test"));
    assert!(dev.is_disjoint(&test), "{:?}", dev.intersection(&test));
    let all: BTreeSet<String> = dev.union(&test).cloned().collect();
    assert_eq!(all, stems());
    assert_eq!(dev.len(), test.len());
    // The articles the current rules were written against (tests/cues_quality.rs) are dev only.
    for seen in [
        "04-culture",
        "05-culture",
        "06-culture",
        "07-culture",
        "08-culture",
    ] {
        assert!(dev.contains(seen), "{seen} must be in dev");
    }
}

/// Every `*.isnad.json` of the corpus (gold at the top, annotators' under `annotations/`) and of
/// the worked examples, with the article it annotates.
fn annotation_files() -> Vec<(PathBuf, PathBuf)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.to_string_lossy().ends_with(".isnad.json") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&corpus(), &mut files);
    walk(&root().join("docs/attribution-examples"), &mut files);
    files
        .into_iter()
        .map(|f| {
            let name = f.file_name().unwrap().to_string_lossy();
            let stem = name.split('.').next().unwrap().to_owned();
            (f, corpus().join(format!("{stem}.txt")))
        })
        .collect()
}

#[test]
fn annotation_files_validate_and_quote_the_article_at_their_offsets() {
    let files = annotation_files();
    assert!(files.len() >= 2, "the worked examples are missing");
    for (file, article) in files {
        let src = read(&file);
        let loaded = Article::load(&article).unwrap();
        let problems = validate_text(&src, &file.display().to_string(), Some(&loaded));
        assert!(problems.is_empty(), "{problems:#?}");
        let doc: serde_json::Value = serde_json::from_str(&src).unwrap();
        assert_eq!(doc["version"], 2, "{}", file.display());
        let text: Vec<char> = read(&article).chars().collect();
        let mut spans = Vec::new();
        for kind in ["entities", "sources", "claims"] {
            for item in doc[kind].as_array().unwrap() {
                spans.push(&item["span"]);
            }
        }
        for a in doc["attributions"].as_array().unwrap() {
            spans.push(&a["cue"]["span"]);
        }
        for span in spans.into_iter().filter(|s| !s.is_null()) {
            let (start, end) = (
                span["start"].as_u64().unwrap() as usize,
                span["end"].as_u64().unwrap() as usize,
            );
            let at: String = text[start..end].iter().collect();
            assert_eq!(at, span["exact"].as_str().unwrap(), "{}", file.display());
            let trimmed = at.trim_matches(|c: char| c.is_whitespace() || "،,.:".contains(c));
            assert_eq!(
                at,
                trimmed,
                "{}: span with outer space or punctuation",
                file.display()
            );
        }
        assert_eq!(
            doc["document"]["length"].as_u64().unwrap() as usize,
            text.len()
        );
    }
}

/// The worked examples are exactly what `scripts/annotate-from-list.py` makes from their lists.
#[test]
fn worked_examples_are_regenerated_from_their_lists() {
    if std::env::var_os("ISNAD_NO_PYTHON").is_some() {
        eprintln!("ISNAD_NO_PYTHON set: the list tool is not run");
        return;
    }
    let examples = root().join("docs/attribution-examples");
    for stem in ["43-sport", "45-sport"] {
        let out = Command::new("python3")
            .arg(root().join("scripts/annotate-from-list.py"))
            .arg(corpus().join(format!("{stem}.txt")))
            .arg(examples.join(format!("{stem}.list")))
            .args(["--by", "corpus", "-o", "-"])
            .output()
            .expect("python3 runs scripts/annotate-from-list.py (ISNAD_NO_PYTHON=1 skips)");
        assert!(
            out.status.success(),
            "{stem}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let made = String::from_utf8(out.stdout).unwrap();
        let committed = read(&examples.join(format!("{stem}.isnad.json")));
        assert_eq!(
            made, committed,
            "{stem}: regenerate the example from its list"
        );
    }
}

/// A wrong line in a list stops the tool before anything is written, naming the list and line:
/// a text not in the article, outer punctuation, overlapping entities, a same_as chain.
#[test]
fn list_tool_refuses_wrong_lines_and_writes_nothing() {
    if std::env::var_os("ISNAD_NO_PYTHON").is_some() {
        eprintln!("ISNAD_NO_PYTHON set: the list tool is not run");
        return;
    }
    let cases = [
        (
            "ent | PERSON | باتريسيو | L1\nclaim | c1 | نص غير موجود | L2\n",
            "bad.list:2: 'نص غير موجود' occurs 0 time(s)",
        ),
        (
            "claim | c1 | باتريسيو يقول: | L1\n",
            "bad.list:1: 'باتريسيو يقول:' starts or ends",
        ),
        (
            "ent | PERSON | باتريسيو | L1\nent | PERSON | باتريسيو يقول | L1\n",
            "bad.list:2: entity 'باتريسيو يقول' overlaps",
        ),
        (
            "src | a | باتريسيو | L1 | unknown\nsrc | b | باتريسيو | L3 | unknown | same_as=a\n\
             src | c | باتريسيو | L5 | unknown | same_as=b\n",
            "bad.list:3: same_as=b itself has same_as",
        ),
    ];
    for (list_text, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        let list = dir.path().join("bad.list");
        std::fs::write(&list, list_text).unwrap();
        let out_file = dir.path().join("out.isnad.json");
        let out = Command::new("python3")
            .arg(root().join("scripts/annotate-from-list.py"))
            .arg(corpus().join("43-sport.txt"))
            .arg(&list)
            .arg("-o")
            .arg(&out_file)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{list_text}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{err}");
        assert!(!out_file.exists());
    }
}

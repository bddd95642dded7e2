//! `isnad agree`, run as a user would: folders paired by text, files, JSON and the table.

#![allow(clippy::unwrap_used)]

use std::path::Path;

#[path = "common/cli.rs"]
mod cli;
use cli::isnad;

use serde_json::Value;

const SAMPLE: &str = include_str!("data/annotate/sample-article.isnad.json");

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// Annotator A has the sample file; B relabelled its LOC entity as GPE, and B's reviews are
/// B's (`review.by`).
fn two_annotators(dir: &Path) {
    write(
        dir,
        "alice/sample.isnad.json",
        &SAMPLE.replacen("\"title\": null", "\"title\": \"عنوان\\u001b[2J\"", 1),
    );
    write(
        dir,
        "bob/sample.isnad.json",
        &SAMPLE
            .replace("\"LOC\"", "\"GPE\"")
            .replace("\"by\": \"analyst\"", "\"by\": \"bob\""),
    );
}

fn layer<'a>(layers: &'a Value, name: &str) -> &'a Value {
    layers
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["layer"] == name)
        .unwrap()
}

#[test]
fn folders_are_paired_by_text_and_scored_per_layer() {
    let dir = tempfile::tempdir().unwrap();
    two_annotators(dir.path());
    // a file only alice has: skipped, and said so
    write(
        dir.path(),
        "alice/other.isnad.json",
        &SAMPLE.replace(
            "9dce7e02ab0ce1119afd8ccdca3fd6fc565414fd4c8b09101dba65df107bc61c",
            &"0".repeat(64),
        ),
    );
    let out = isnad(&["agree", "alice", "bob", "--json"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("other.isnad.json"));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"].as_array().unwrap().len(), 1);
    let entities = layer(&v["overall"], "entities");
    let pair = &entities["pairs"][0];
    assert_eq!(pair["exact"]["f1"], 1.0);
    assert_eq!(pair["labelled"]["f1"], 0.5);
    assert!((pair["kappa"].as_f64().unwrap() - 1.0 / 3.0).abs() < 1e-12);
    assert_eq!(
        pair["confusion"]["labels"],
        serde_json::json!(["GPE", "LOC", "PERSON"])
    );
    assert!(entities["alpha"].as_f64().unwrap() < 1.0);
    assert_eq!(layer(&v["overall"], "claims")["alpha"], 1.0);
    assert_eq!(
        layer(&v["overall"], "attributions")["pairs"][0]["exact"]["f1"],
        1.0
    );
}

#[test]
fn the_table_is_sanitised() {
    let dir = tempfile::tempdir().unwrap();
    two_annotators(dir.path());
    let out = isnad(
        &["agree", "alice/sample.isnad.json", "bob/sample.isnad.json"],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}'), "{text}");
    assert!(text.contains("عنوان␛[2J"), "{text}");
    assert!(text.contains("entities by label"), "{text}");
    let row = text
        .lines()
        .find(|l| l.trim_start().starts_with("entities "))
        .unwrap();
    assert!(row.contains("A–B") && row.contains("0.500"), "{row}");
}

#[test]
fn three_annotators_and_files_of_different_texts() {
    let dir = tempfile::tempdir().unwrap();
    two_annotators(dir.path());
    write(dir.path(), "carol/s.isnad.json", SAMPLE);
    let out = isnad(&["agree", "alice", "bob", "carol", "--json"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let pairs = layer(&v["overall"], "entities")["pairs"]
        .as_array()
        .unwrap()
        .clone();
    let keys: Vec<(u64, u64)> = pairs
        .iter()
        .map(|p| (p["a"].as_u64().unwrap(), p["b"].as_u64().unwrap()))
        .collect();
    assert_eq!(keys, [(0, 1), (0, 2), (1, 2)]);
    assert_eq!(pairs[1]["labelled"]["f1"], 1.0, "alice and carol agree");

    write(
        dir.path(),
        "x.isnad.json",
        &SAMPLE.replace(
            "9dce7e02ab0ce1119afd8ccdca3fd6fc565414fd4c8b09101dba65df107bc61c",
            &"1".repeat(64),
        ),
    );
    let out = isnad(
        &["agree", "alice/sample.isnad.json", "x.isnad.json"],
        dir.path(),
    );
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no article is annotated by two"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn compare_lists_differences_and_writes_a_valid_file() {
    let dir = tempfile::tempdir().unwrap();
    two_annotators(dir.path());
    let out = isnad(
        &[
            "compare",
            "alice/sample.isnad.json",
            "bob/sample.isnad.json",
            "--out",
            "merged.isnad.json",
        ],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("1 difference\n"), "{text}");
    assert!(text.contains("same span, different label"), "{text}");
    let v = isnad(&["validate", "merged.isnad.json"], dir.path());
    assert!(v.status.success(), "{}", String::from_utf8_lossy(&v.stderr));
    // who did what stays said: both sides of the difference keep their annotator
    let merged: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("merged.isnad.json")).unwrap(),
    )
    .unwrap();
    let by_label = |label: &str| {
        merged["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["label"] == label)
            .map(|e| e["review"]["by"].clone())
    };
    assert_eq!(by_label("GPE"), Some(Value::from("bob")));
    assert_ne!(by_label("LOC"), Some(Value::from("bob")));
}

//! `isnad learn`, run as the maintainer runs it: it never reads a corpus's test half, the same
//! gold writes the same model file byte for byte, the file holds feature names and finite
//! weights only, and a held-out folder is scored beside the rules alone.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

#[path = "common/cli.rs"]
mod cli;
use cli::isnad;

use isnad::extract::learned::Model;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/attribution")
}

/// Runs `isnad learn ARGS` in `dir`, which must succeed, and returns what it printed.
fn learn(args: &[&str], dir: &Path) -> String {
    let out = isnad(&[&["learn"], args].concat(), dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_folder_with_a_split_is_read_only_with_split_dev() {
    let dir = tempfile::tempdir().unwrap();
    let gold = corpus();
    let out = isnad(&["learn", "--gold", gold.to_str().unwrap()], dir.path());
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--split dev"), "{err}");
    // `test` is not a value `learn` takes
    let out = isnad(
        &["learn", "--gold", gold.to_str().unwrap(), "--split", "test"],
        dir.path(),
    );
    assert!(!out.status.success());
}

#[test]
fn the_same_gold_writes_the_same_model_file() {
    let dir = tempfile::tempdir().unwrap();
    let gold = corpus();
    let mut files = Vec::new();
    for name in ["a.tsv", "b.tsv"] {
        let text = learn(
            &[
                "--gold",
                gold.to_str().unwrap(),
                "--split",
                "dev",
                "--out",
                name,
            ],
            dir.path(),
        );
        assert!(text.contains("by a candidate"), "{text}");
        files.push(std::fs::read_to_string(dir.path().join(name)).unwrap());
    }
    assert_eq!(files[0], files[1]);
    assert!(files[0].contains("# Trained with: isnad learn --gold"));
    let model = Model::from_tsv(&files[0]).unwrap();
    assert!(model.weights().len() > 50);
    for (name, weight) in model.weights() {
        // a feature is a class or a lexicon lemma (a prepositional cue's lemma has up to three
        // words: `على لسان`), never a stretch of a report
        let words = name.split(' ').count();
        assert!(
            words == 1 || (name.starts_with("lemma=") && words <= 3),
            "{name:?}"
        );
        assert!(weight.is_finite(), "{name}");
    }
}

#[test]
fn a_held_out_folder_is_scored_beside_the_rules_alone() {
    let dir = tempfile::tempdir().unwrap();
    let gold = corpus();
    let gold = gold.to_str().unwrap();
    let text = learn(
        &[
            "--gold",
            gold,
            "--split",
            "dev",
            "--held-out",
            gold,
            "--show",
        ],
        dir.path(),
    );
    assert!(text.contains("rules alone"), "{text}");
    assert!(text.contains("k0.00 a0.95 r0.20"), "{text}");
}

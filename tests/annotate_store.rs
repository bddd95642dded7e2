//! The annotation file never loses data: property round trip (and every written file validates
//! against the shipped JSON Schema with a real validator), code-point offsets, crash safety,
//! malformed and newer files left untouched, concurrent writers merged, data-dir fallback.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use isnad::annotate::document::{self, DocumentInfo};
use isnad::annotate::model::*;
use isnad::annotate::store::{AnnotationStore, Location, SaveOutcome, StoreOptions};
use isnad::annotate::{Edit, validate};
use isnad::article::Article;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::json;

/// The schema of the version isnad writes, and of the version it still reads.
const SCHEMA: &str = "assets/schema/isnad-annotations-v2.schema.json";
const SCHEMA_V1: &str = "assets/schema/isnad-annotations-v1.schema.json";

/// Folder (inside `target/`) where the test installs Python's `jsonschema` when no interpreter
/// on the machine has it, so `cargo test` works on a fresh machine without manual steps.
fn local_python_deps() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pydeps")
}

fn has_jsonschema(py: &Path) -> bool {
    Command::new(py)
        .args(["-c", "import jsonschema"])
        .env("PYTHONPATH", local_python_deps())
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A Python interpreter that can import `jsonschema` (with `PYTHONPATH` set to
/// [`local_python_deps`]): `$ISNAD_PYTHON`, else `python3` or `python` on PATH, else pyenv's
/// shim. When none has it, it is installed from PyPI into `target/pydeps` once.
fn python_with_jsonschema() -> Option<PathBuf> {
    // Tests run in parallel: one of them installs, the others wait and reuse the result.
    static FOUND: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    FOUND.get_or_init(find_or_install_python).clone()
}

fn find_or_install_python() -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    candidates.extend(std::env::var_os("ISNAD_PYTHON").map(PathBuf::from));
    candidates.push("python3".into());
    candidates.push("python".into());
    if let Some(home) = std::env::var_os("HOME") {
        candidates.push(Path::new(&home).join(".pyenv/shims/python3"));
    }
    if let Some(py) = candidates.iter().find(|py| has_jsonschema(py)) {
        return Some(py.clone());
    }
    let installer = candidates.iter().find(|py| {
        Command::new(py)
            .args(["-m", "pip", "--version"])
            .output()
            .is_ok_and(|o| o.status.success())
    })?;
    let status = Command::new(installer)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ])
        .args(["--root-user-action=ignore", "--target"])
        .arg(local_python_deps())
        .arg("jsonschema")
        .status()
        .ok()?;
    (status.success() && has_jsonschema(installer)).then(|| installer.clone())
}

/// Validates every file with Python's `jsonschema` (Draft 2020-12), the reference validator.
/// Set `ISNAD_NO_PYTHON=1` to skip on machines without it (the project machines have it;
/// elsewhere `pip install jsonschema`).
fn schema_errors(files: &[PathBuf]) -> Vec<String> {
    schema_errors_against(SCHEMA, files)
}

/// [`schema_errors`] against the schema at `schema` (relative to the crate).
fn schema_errors_against(schema: &str, files: &[PathBuf]) -> Vec<String> {
    if std::env::var_os("ISNAD_NO_PYTHON").is_some() {
        return Vec::new();
    }
    let script = r#"
import json, sys
from jsonschema import Draft202012Validator
schema = json.load(open(sys.argv[1], encoding="utf-8"))
Draft202012Validator.check_schema(schema)
v = Draft202012Validator(schema)
for f in sys.argv[2:]:
    for e in v.iter_errors(json.load(open(f, encoding="utf-8"))):
        print(f"{f}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
"#;
    let python = python_with_jsonschema().expect(
        "the schema test needs Python 3 with pip (it installs jsonschema into target/pydeps), \
         or ISNAD_PYTHON=/path/to/python with jsonschema, or ISNAD_NO_PYTHON=1 to skip",
    );
    let out = Command::new(python)
        .env("PYTHONPATH", local_python_deps())
        .arg("-c")
        .arg(script)
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join(schema))
        .args(files)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "schema validator failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

fn opts_at(path: &Path) -> StoreOptions {
    StoreOptions {
        annotations: Some(path.to_path_buf()),
        data_dir: None,
    }
}

/// A read-only store refuses an edit (adding `claim`), has nothing to undo, and saves nothing.
fn assert_refuses_changes(store: &mut AnnotationStore, claim: Claim) {
    let err = store.apply(Edit::Add(Item::Claim(claim))).unwrap_err();
    assert!(err.to_string().contains("read-only"), "{err}");
    assert!(store.undo().is_none());
    assert!(matches!(
        store.save().unwrap().outcome,
        SaveOutcome::ReadOnly(_)
    ));
}

fn char_range(a: &Article, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    a.char_to_byte(r.start).unwrap()..a.char_to_byte(r.end).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Property round trip

const PIECES: &[&str] = &[
    "قال",
    " ",
    "سُجّلت",
    "😀",
    "\n",
    "ـ",
    "a",
    "\"",
    ",",
    "\u{200F}",
    "1,554",
    "\t",
    "ﻻ",
    "👩‍👩‍👧",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..60).prop_map(|v| v.concat())
}

fn any_string() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("x"),
            Just("ق"),
            Just("\""),
            Just("\\"),
            Just("\n"),
            Just("😀"),
            Just("\u{0}"),
            Just(" ")
        ],
        0..6,
    )
    .prop_map(|v| v.concat())
}

#[derive(Clone, Debug)]
struct Common {
    origin: Origin,
    review: Review,
    note: String,
    conflict: Option<u32>,
}

fn common_strategy() -> impl Strategy<Value = Common> {
    (
        prop::sample::select(OriginKind::ALL),
        any_string(),
        prop::option::of(0u32..=1000),
        prop::sample::select(ReviewStatus::ALL),
        prop::option::of(any_string()),
        prop::option::of(prop::sample::select(
            &["2026-11-29T17:00:00Z", "2026-01-02T03:04:05.123+02:00"][..],
        )),
        prop::option::of(prop::sample::select(&["ORG", "PERSON"][..])),
        any_string(),
        prop::option::of(0u32..0x00ff_ffff),
    )
        .prop_map(
            |(kind, by, score, status, rby, at, prev, note, conflict)| Common {
                origin: Origin {
                    kind,
                    by,
                    score: score.map(|s| f64::from(s) / 1000.0),
                },
                review: Review {
                    status,
                    by: rby,
                    at: at.map(str::to_owned),
                    previous: prev.map(|p| json!({ "label": p })),
                },
                note,
                conflict,
            },
        )
}

#[derive(Clone, Debug)]
struct Spec {
    text: String,
    items: Vec<(u8, usize, usize, u8, Common, bool)>,
    orphans: Vec<String>,
}

fn spec_strategy() -> impl Strategy<Value = Spec> {
    (
        text_strategy(),
        prop::collection::vec(
            (
                0u8..4,
                any::<usize>(),
                any::<usize>(),
                any::<u8>(),
                common_strategy(),
                any::<bool>(),
            ),
            0..12,
        ),
        prop::collection::vec(any_string(), 0..3),
    )
        .prop_map(|(text, items, orphans)| Spec {
            text,
            items,
            orphans,
        })
}

fn build(spec: &Spec) -> (Article, AnnotationSet) {
    let a = Article::from_text("prop.txt", spec.text.clone());
    let n = a.len_chars();
    let mut set = AnnotationSet::default();
    let id = |kind: ItemKind, i: usize| format!("{}-{:06x}", kind.prefix(), i * 7919 + 17);
    for (i, (kind, x, y, pick, c, flag)) in spec.items.iter().enumerate() {
        let (s, e) = (x % n, y % n);
        let (s, e) = (s.min(e), s.max(e) + 1);
        let span = Span::checked(&a, char_range(&a, s..e)).unwrap();
        let conflict = c.conflict.map(|v| format!("c-{v:06x}"));
        let item = match kind {
            0 => Item::Entity(Entity {
                id: id(ItemKind::Entity, i),
                label: Label::BUILT_IN[*pick as usize % Label::BUILT_IN.len()].clone(),
                original_label: flag.then(|| "B-PERS".to_owned()),
                span,
                origin: c.origin.clone(),
                review: c.review.clone(),
                note: c.note.clone(),
                conflict_with: conflict,
            }),
            1 => Item::Source(Source {
                id: id(ItemKind::Source, i),
                span: flag.then_some(span),
                name: c.note.chars().rev().collect(),
                source_type: SourceType::ALL[*pick as usize % SourceType::ALL.len()],
                entity_id: (!flag).then(|| id(ItemKind::Entity, i + 1)),
                role: SourceRole::ALL[*pick as usize % SourceRole::ALL.len()],
                // a mention referring back to an earlier one ("المصدر")
                same_as: (pick % 2 == 0).then(|| id(ItemKind::Source, i + 3)),
                origin: c.origin.clone(),
                review: c.review.clone(),
                note: c.note.clone(),
                conflict_with: conflict,
            }),
            2 => Item::Claim(Claim {
                id: id(ItemKind::Claim, i),
                span,
                claim_type: ClaimType::ALL[*pick as usize % ClaimType::ALL.len()],
                verification: Verification {
                    status: VerificationStatus::ALL[*pick as usize % VerificationStatus::ALL.len()],
                    confidence: flag.then_some(0.25),
                    by: flag.then(|| c.note.clone()),
                    at: c.review.at.clone(),
                    evidence: if *flag {
                        vec![c.note.clone(), "https://example.org/تحقق".to_owned()]
                    } else {
                        Vec::new()
                    },
                },
                origin: c.origin.clone(),
                review: c.review.clone(),
                note: c.note.clone(),
                conflict_with: conflict,
            }),
            _ => Item::Attribution(Attribution {
                id: id(ItemKind::Attribution, i),
                claim_id: id(ItemKind::Claim, i + 1),
                source_id: id(ItemKind::Source, i + 2),
                // a chain of up to three hands, speaker outward
                via: (0..*pick as usize % 4)
                    .map(|k| id(ItemKind::Source, i + 3 + k))
                    .collect(),
                cue: flag.then_some(span),
                quote_type: QuoteType::ALL[*pick as usize % QuoteType::ALL.len()],
                stance: Stance::ALL[*pick as usize / 4 % Stance::ALL.len()],
                origin: c.origin.clone(),
                review: c.review.clone(),
                note: c.note.clone(),
                conflict_with: conflict,
            }),
        };
        set.upsert(item);
    }
    for (i, note) in spec.orphans.iter().enumerate() {
        // an orphan that cannot be restored (no span): kept verbatim
        set.orphans.push(json!({ "id": format!("c-{:06x}", 0xabc000 + i), "note": note, "z": [1, {"b": null, "a": 2}] }));
    }
    set.sort();
    (a, set)
}

#[test]
fn any_set_round_trips_and_every_written_file_matches_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    let mut runner = TestRunner::new(Config {
        cases: 96,
        ..Config::default()
    });
    let counter = std::cell::Cell::new(0usize);
    let files = std::cell::RefCell::new(Vec::new());
    runner
        .run(&spec_strategy(), |spec| {
            let (article, set) = build(&spec);
            let doc = DocumentInfo::for_article(&article, "prop.txt".into());
            let text = document::to_json(&doc, &set, &article);
            let loaded = document::parse(&text, "prop.isnad.json", &article).unwrap();
            prop_assert_eq!(&loaded.set, &set);
            prop_assert_eq!(&loaded.document, &doc);
            prop_assert_eq!(
                document::to_json(&loaded.document, &loaded.set, &article),
                text.clone()
            );
            prop_assert!(
                validate::validate_text(&text, "p", Some(&article))
                    .iter()
                    .all(|p| p.contains("does not name an item"))
            );
            let n = counter.get();
            counter.set(n + 1);
            let path = dir.path().join(format!("case-{n}.isnad.json"));
            std::fs::write(&path, &text).unwrap();
            files.borrow_mut().push(path);
            Ok(())
        })
        .unwrap();
    let written = files.into_inner();
    assert!(written.len() >= 96);
    let errors = schema_errors(&written);
    assert!(
        errors.is_empty(),
        "schema violations:\n{}",
        errors.join("\n")
    );
}

#[test]
fn any_set_saved_through_the_store_reopens_identical() {
    let dir = tempfile::tempdir().unwrap();
    let counter = std::cell::Cell::new(0usize);
    let mut runner = TestRunner::new(Config {
        cases: 32,
        ..Config::default()
    });
    runner
        .run(&spec_strategy(), |spec| {
            let (article, mut set) = build(&spec);
            set.orphans.clear(); // orphans come only from files, never from edits
            let n = counter.get();
            counter.set(n + 1);
            let path = dir.path().join(format!("store-{n}.isnad.json"));
            let mut store = AnnotationStore::open(article.clone(), &opts_at(&path));
            if !set.is_empty() {
                let adds = set.items().map(Edit::Add).collect();
                store.apply(Edit::Batch(adds)).unwrap();
            }
            store.save().unwrap();
            prop_assert_eq!(store.set(), &set);
            let reopened = AnnotationStore::open(article, &opts_at(&path));
            prop_assert!(reopened.read_only_reason().is_none());
            prop_assert_eq!(reopened.set(), &set);
            Ok(())
        })
        .unwrap();
}

#[test]
fn the_schema_rejects_what_the_program_rejects() {
    // The hand-written checks and the schema must agree on typical mistakes.
    let dir = tempfile::tempdir().unwrap();
    let a = Article::sample();
    let mut set = AnnotationSet::default();
    set.upsert(Item::Claim(Claim::by_human(&a, 0..8, "me").unwrap()));
    let good = document::to_json(&DocumentInfo::for_article(&a, "s.txt".into()), &set, &a);
    let bad_versions = [
        good.replace(
            "\"claim_type\": \"statement\"",
            "\"claim_type\": \"rumour\"",
        ),
        good.replace(
            "\"offset_unit\": \"codepoint\"",
            "\"offset_unit\": \"utf16\"",
        ),
        good.replace(
            "\"status\": \"unverified\"",
            "\"status\": \"unverified\", \"extra\": 1",
        ),
        good.replace("\"id\": \"c-", "\"id\": \"x-"),
        good.replace("\"orphans\": []", "\"orphans\": [3]"),
    ];
    let mut files = Vec::new();
    for (i, text) in bad_versions.iter().enumerate() {
        assert_ne!(text, &good, "case {i} did not change the file");
        assert!(
            !validate::validate_text(text, "f", None).is_empty(),
            "case {i} accepted by isnad"
        );
        let p = dir.path().join(format!("bad-{i}.json"));
        std::fs::write(&p, text).unwrap();
        files.push(p);
    }
    if std::env::var_os("ISNAD_NO_PYTHON").is_none() {
        // the shipped fixture is valid for both
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/annotate/sample-article.isnad.json");
        assert_eq!(
            schema_errors(std::slice::from_ref(&fixture)),
            Vec::<String>::new()
        );
        let errors = schema_errors(&files);
        for f in &files {
            let f = f.display().to_string();
            assert!(
                errors.iter().any(|e| e.starts_with(&f)),
                "schema accepted {f}"
            );
        }
    }
}

#[test]
fn offsets_in_the_file_are_code_points_with_emoji_and_harakat() {
    let dir = tempfile::tempdir().unwrap();
    let text = "قال 😀 إن سُجّلت 👩‍👩‍👧 في القاهرة.";
    let a = Article::from_text("t.txt", text.to_owned());
    let path = dir.path().join("t.isnad.json");
    let mut store = AnnotationStore::open(a.clone(), &opts_at(&path));
    let start = text.find("القاهرة").unwrap();
    let e = Entity::by_human(
        &a,
        start..start + "القاهرة".len(),
        Label::parse("GPE").unwrap(),
        "me",
    )
    .unwrap();
    let s = text.find("سُجّلت").unwrap();
    let c = Claim::by_human(&a, s..s + "سُجّلت".len(), "me").unwrap();
    store.apply(Edit::Add(Item::Entity(e))).unwrap();
    store.apply(Edit::Add(Item::Claim(c))).unwrap();
    store.save().unwrap();
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    // As Python counts: text.index("القاهرة") == 25 (😀 is one code point, the family emoji
    // five), len("سُجّلت") == 6 (4 letters + damma + shadda); UTF-8 bytes would give 54 and 12.
    assert_eq!(start, 54);
    assert_eq!(v["entities"][0]["span"]["start"], 25);
    assert_eq!(v["entities"][0]["span"]["end"], 32);
    assert_eq!(v["claims"][0]["span"]["start"], 9);
    assert_eq!(v["claims"][0]["span"]["end"], 15);
    assert_eq!(v["document"]["length"], 33);
    assert_eq!(v["entities"][0]["span"]["exact"], "القاهرة");
}

// ---------------------------------------------------------------------------------------------
// Crash safety

/// Child side of the crash test: saves ever-growing sets in a loop until killed.
#[test]
#[ignore = "run by crash_mid_save_leaves_old_or_new_file as a child process"]
fn crash_child_writer() {
    let Some(path) = std::env::var_os("ISNAD_CRASH_FILE") else {
        return;
    };
    let a = Article::sample();
    let mut store = AnnotationStore::open(a.clone(), &opts_at(Path::new(&path)));
    let words: Vec<(usize, usize)> = a
        .text
        .match_indices(' ')
        .map(|(i, _)| i)
        .collect::<Vec<_>>()
        .windows(2)
        .map(|w| (w[0] + 1, w[1]))
        .filter(|(s, e)| s < e)
        .collect();
    let mut i = 0usize;
    loop {
        let (s, e) = words[i % words.len()];
        let mut c = Claim::by_human(&a, s..e, "child").unwrap();
        c.note = "n".repeat(2000);
        store.apply(Edit::Add(Item::Claim(c))).unwrap();
        store.save().unwrap();
        i += 1;
    }
}

#[test]
fn crash_mid_save_leaves_old_or_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.isnad.json");
    let exe = std::env::current_exe().unwrap();
    let a = Article::sample();
    for round in 0..4u64 {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "crash_child_writer",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("ISNAD_CRASH_FILE", &path)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(400 + 150 * round));
        child.kill().unwrap(); // SIGKILL: no chance to clean up
        child.wait().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let loaded = document::parse(&text, "crash", &a).expect("a complete file after a kill");
        assert!(!loaded.set.claims.is_empty(), "round {round}");
        if let Ok(bak) = std::fs::read_to_string(path.with_extension("json.bak")) {
            document::parse(&bak, "bak", &a).expect("a complete backup");
        }
    }
}

#[test]
fn interrupted_save_before_rename_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.isnad.json");
    let a = Article::sample();
    let mut store = AnnotationStore::open(a.clone(), &opts_at(&path));
    store
        .apply(Edit::Add(Item::Claim(
            Claim::by_human(&a, 0..8, "me").unwrap(),
        )))
        .unwrap();
    store.save().unwrap();
    let before = std::fs::read(&path).unwrap();
    store
        .apply(Edit::Add(Item::Claim(
            Claim::by_human(&a, 9..23, "me").unwrap(),
        )))
        .unwrap();
    let err = store
        .save_with(|| Err(std::io::Error::other("simulated crash")))
        .unwrap_err();
    assert!(err.to_string().contains("simulated crash"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(store.is_dirty());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // the next save succeeds, and the previous version is kept as .bak
    let r = store.save().unwrap();
    assert!(matches!(
        r.outcome,
        SaveOutcome::Written { backup: Some(_) }
    ));
    assert_eq!(
        std::fs::read(path.with_extension("json.bak")).unwrap(),
        before
    );
    assert_eq!(
        AnnotationStore::open(a, &opts_at(&path)).set().claims.len(),
        2
    );
}

// ---------------------------------------------------------------------------------------------
// Malformed and newer files

#[test]
fn a_malformed_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.isnad.json");
    let original = b"{\n  \"format\": \"isnad/annotations\",\n  \"version\": 1,\n  \"entities\": [ oops ]\n}\n";
    std::fs::write(&path, original).unwrap();
    let a = Article::sample();
    let mut store = AnnotationStore::open(a.clone(), &opts_at(&path));
    let reason = store.read_only_reason().unwrap().to_owned();
    assert!(
        reason.starts_with(&format!("{}:4:17: ", path.display())),
        "{reason}"
    );
    assert_refuses_changes(&mut store, Claim::by_human(&a, 0..8, "me").unwrap());
    drop(store);
    assert_eq!(std::fs::read(&path).unwrap(), original);
    assert!(!path.with_extension("json.bak").exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_newer_version_opens_read_only_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.isnad.json");
    let original = "{\"format\": \"isnad/annotations\", \"version\": 7, \"future\": true}\n";
    std::fs::write(&path, original).unwrap();
    let mut store = AnnotationStore::open(Article::sample(), &opts_at(&path));
    let reason = store.read_only_reason().unwrap();
    assert!(reason.contains("version 7 is newer"), "{reason}");
    assert!(matches!(
        store.save().unwrap().outcome,
        SaveOutcome::ReadOnly(_)
    ));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
}

// ---------------------------------------------------------------------------------------------
// Concurrent writers

#[test]
fn two_writers_on_one_file_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.isnad.json");
    let a = Article::sample();
    let mut first = AnnotationStore::open(a.clone(), &opts_at(&path));
    let shared = Claim::by_human(&a, 0..8, "first").unwrap();
    let doomed = Claim::by_human(&a, char_range(&a, 100..110), "first").unwrap();
    first.apply(Edit::Add(Item::Claim(shared.clone()))).unwrap();
    first.apply(Edit::Add(Item::Claim(doomed.clone()))).unwrap();
    first.save().unwrap();

    let mut second = AnnotationStore::open(a.clone(), &opts_at(&path));
    // both add something
    let by_first = Source::by_human(&a, 9..23, "first").unwrap();
    let by_second = Entity::by_human(
        &a,
        char_range(&a, 41..57),
        Label::parse("PERSON").unwrap(),
        "second",
    )
    .unwrap();
    first
        .apply(Edit::Add(Item::Source(by_first.clone())))
        .unwrap();
    second
        .apply(Edit::Add(Item::Entity(by_second.clone())))
        .unwrap();
    // both change the same claim differently
    let mut c1 = shared.clone();
    c1.note = "first's note".into();
    let mut c2 = shared.clone();
    c2.set_type(ClaimType::Event, "second");
    first.apply(Edit::Update(Item::Claim(c1.clone()))).unwrap();
    second.apply(Edit::Update(Item::Claim(c2.clone()))).unwrap();
    // the second deletes a claim the first did not touch
    second.apply(Edit::Remove(doomed.id.clone())).unwrap();

    assert!(first.save().unwrap().merged.is_none());
    let report = second.save().unwrap();
    let merged = report.merged.expect("second must merge");
    assert_eq!(merged.conflicts, 1);
    // the first saves again after a further change and picks up the second's work
    first
        .apply(Edit::Update(Item::Source({
            let mut s = by_first.clone();
            s.set_type(SourceType::Official, "first");
            s
        })))
        .unwrap();
    first.save().unwrap();

    let end = AnnotationStore::open(a.clone(), &opts_at(&path));
    let set = end.set();
    assert!(set.contains(&by_first.id) && set.contains(&by_second.id));
    assert!(!set.contains(&doomed.id));
    let versions: Vec<&Claim> = set
        .claims
        .iter()
        .filter(|c| c.span == shared.span)
        .collect();
    assert_eq!(versions.len(), 2, "{versions:#?}");
    assert!(
        versions
            .iter()
            .any(|c| c.note == "first's note" && c.conflict_with.is_some())
    );
    assert!(
        versions
            .iter()
            .any(|c| c.claim_type == ClaimType::Event && c.conflict_with.is_some())
    );
    assert_eq!(set.sources[0].source_type, SourceType::Official);
    assert_eq!(first.set(), set);
}

// ---------------------------------------------------------------------------------------------
// Where the file lives

#[test]
fn sidecar_next_to_the_article_and_data_dir_fallback() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let article_path = dir.path().join("aleppo.txt");
    std::fs::write(&article_path, isnad::article::SAMPLE_TEXT).unwrap();
    let a = Article::load(&article_path).unwrap();
    let opts = StoreOptions {
        annotations: None,
        data_dir: Some(data.path().to_path_buf()),
    };
    let mut store = AnnotationStore::open(a.clone(), &opts);
    assert_eq!(store.location(), &Location::Sidecar);
    assert_eq!(store.path(), dir.path().join("aleppo.isnad.json"));
    store
        .apply(Edit::Add(Item::Claim(
            Claim::by_human(&a, 0..8, "me").unwrap(),
        )))
        .unwrap();
    store.save().unwrap();
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(store.path()).unwrap()).unwrap();
    assert_eq!(v["document"]["path"], "aleppo.txt");

    // An article whose folder cannot be written (here: it does not exist; as root, permission
    // bits would not stop us) falls back to the data directory and says why.
    let mut ghost = a.clone();
    ghost.path = Some(dir.path().join("missing-folder/gone.txt"));
    let mut store = AnnotationStore::open(ghost.clone(), &opts);
    match store.location() {
        Location::DataDir(why) => assert!(why.contains("not writable"), "{why}"),
        other => panic!("{other:?}"),
    }
    assert!(store.path().starts_with(data.path()));
    assert!(store.describe_location().contains("not writable"));
    store
        .apply(Edit::Add(Item::Claim(
            Claim::by_human(&a, 0..8, "me").unwrap(),
        )))
        .unwrap();
    store.save().unwrap();
    assert_eq!(AnnotationStore::open(ghost, &opts).set().claims.len(), 1);
}

#[test]
fn undo_redo_through_the_store_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("u.isnad.json");
    let a = Article::sample();
    let mut store = AnnotationStore::open(a.clone(), &opts_at(&path));
    let c = Claim::by_human(&a, 0..8, "me").unwrap();
    store.apply(Edit::Add(Item::Claim(c.clone()))).unwrap();
    store.save().unwrap();
    let undone = store.undo().unwrap().clone();
    assert_eq!(
        isnad::annotate::describe::describe_change(&undone, store.set(), &a.text),
        "claim «أعلن» added"
    );
    assert!(store.is_dirty());
    store.save().unwrap();
    assert!(
        AnnotationStore::open(a.clone(), &opts_at(&path))
            .set()
            .is_empty()
    );
    store.redo().unwrap();
    store.save().unwrap();
    assert_eq!(
        AnnotationStore::open(a, &opts_at(&path)).set().claims,
        vec![c]
    );
}

// ---------------------------------------------------------------------------------------------
// Files and folders that must not be written (tests run as root here, for whom the system
// allows every write: the store must go by the permission bits)

#[cfg(unix)]
fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// An article in `dir` with a sidecar holding one claim.
fn article_with_sidecar(dir: &Path) -> (Article, PathBuf) {
    let article_path = dir.join("aleppo.txt");
    std::fs::write(&article_path, isnad::article::SAMPLE_TEXT).unwrap();
    let a = Article::load(&article_path).unwrap();
    let sidecar = dir.join("aleppo.isnad.json");
    let mut store = AnnotationStore::open(a.clone(), &opts_at(&sidecar));
    store
        .apply(Edit::Add(Item::Claim(
            Claim::by_human(&a, 0..8, "me").unwrap(),
        )))
        .unwrap();
    store.save().unwrap();
    (a, sidecar)
}

#[cfg(unix)]
#[test]
fn a_write_protected_file_opens_read_only_and_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let (a, sidecar) = article_with_sidecar(dir.path());
    chmod(&sidecar, 0o444);
    let before = std::fs::read(&sidecar).unwrap();
    let opts = StoreOptions {
        annotations: None,
        data_dir: Some(dir.path().join("data")),
    };
    let mut store = AnnotationStore::open(a.clone(), &opts);
    assert_eq!(store.location(), &Location::Sidecar);
    let reason = store.read_only_reason().unwrap().to_owned();
    assert!(
        reason.contains("aleppo.isnad.json is write-protected (mode 444)"),
        "{reason}"
    );
    // loaded all the same: it can be read, reviewed on screen and exported
    assert_eq!(store.set().claims.len(), 1);
    assert_eq!(store.load_problem(), None);
    assert_refuses_changes(&mut store, Claim::by_human(&a, 9..23, "me").unwrap());
    assert_eq!(std::fs::read(&sidecar).unwrap(), before);
    assert!(!dir.path().join("aleppo.isnad.json.bak").exists());
    // export reads it like any other file
    let args = isnad::cli::ExportArgs {
        file: dir.path().join("aleppo.txt"),
        to: isnad::annotate::formats::Format::Csv,
        out: Some(dir.path().join("out.csv")),
    };
    isnad::commands::export::run(&args, None, "tester", &mut Vec::new()).unwrap();
    assert!(
        std::fs::read_to_string(dir.path().join("out.csv"))
            .unwrap()
            .lines()
            .count()
            > 1
    );
}

#[cfg(unix)]
#[test]
fn a_folder_without_write_permission_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    let (a, sidecar) = article_with_sidecar(&locked);
    let before = std::fs::read(&sidecar).unwrap();
    let list = || -> Vec<_> {
        let mut names: Vec<_> = std::fs::read_dir(&locked)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        names
    };
    let listed_before = list();
    chmod(&locked, 0o555);
    let unlock = || chmod(&locked, 0o755);

    // The sidecar's folder is read-only: its annotations are carried on in the data directory.
    let opts = StoreOptions {
        annotations: None,
        data_dir: Some(data.path().to_path_buf()),
    };
    let mut store = AnnotationStore::open(a.clone(), &opts);
    let fallback =
        matches!(store.location(), Location::DataDir(why) if why.contains("not writable"));
    let claims = store.set().claims.len();
    store
        .apply(Edit::Add(Item::Claim(
            Claim::by_human(&a, 9..23, "me").unwrap(),
        )))
        .unwrap();
    store.save().unwrap();
    let saved_in_data = store.path().starts_with(data.path());

    // `--annotations` pointing into the read-only folder: read-only from the start.
    let mut pinned = AnnotationStore::open(a.clone(), &opts_at(&sidecar));
    let pinned_reason = pinned.read_only_reason().map(str::to_owned);
    let pinned_apply = pinned.apply(Edit::Add(Item::Claim(
        Claim::by_human(&a, 9..23, "me").unwrap(),
    )));
    let new_file = locked.join("new.isnad.json");
    let fresh = AnnotationStore::open(a, &opts_at(&new_file));
    let fresh_reason = fresh.read_only_reason().map(str::to_owned);
    let listing = list();
    unlock();

    assert!(fallback, "{:?}", store.location());
    assert_eq!(claims, 1, "started from the sidecar's annotations");
    assert!(saved_in_data, "{}", store.path().display());
    assert_eq!(std::fs::read(&sidecar).unwrap(), before);
    assert_eq!(listing, listed_before, "nothing added to the folder");
    let reason = pinned_reason.expect("read-only");
    assert!(reason.contains("is not writable"), "{reason}");
    assert!(pinned_apply.is_err());
    assert_eq!(pinned.set().claims.len(), 1, "still loaded for reading");
    assert!(
        fresh_reason.is_some_and(|r| r.contains("is not writable")),
        "a new file in a read-only folder"
    );
}

#[cfg(unix)]
#[test]
fn a_device_or_fifo_is_not_an_annotation_file() {
    let a = Article::sample();
    // /dev/zero would be read forever, and a save would replace the device node
    let store = AnnotationStore::open(a.clone(), &opts_at(Path::new("/dev/zero")));
    let reason = store.read_only_reason().unwrap();
    assert!(
        reason.contains("/dev/zero") && reason.contains("not a regular file"),
        "{reason}"
    );
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.isnad.json");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        // opening a FIFO for reading would block until a writer appears
        let store = AnnotationStore::open(a, &opts_at(&fifo));
        assert!(
            store
                .read_only_reason()
                .unwrap()
                .contains("not a regular file")
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Format version 2: the isnad

/// The sample article's claim "اشتباكات عنيفة…" as local sources told it to الشرق, and a later
/// "المصادر" referring back to them.
fn chain_items(a: &Article) -> (Claim, Source, Source, Source, Attribution) {
    let at = |quote: &str, from: usize| {
        let start = from + a.text[from..].find(quote).unwrap();
        start..start + quote.len()
    };
    let claim = Claim::by_human(a, at("اشتباكات عنيفة دارت ظهر السبت", 0), "first").unwrap();
    let speaker = Source::by_human(a, at("مصادر محلية", 0), "first").unwrap();
    let outlet_at = at("الشرق", speaker.span.unwrap().end);
    let mut outlet = Source::by_human(a, outlet_at, "first").unwrap();
    outlet.source_type = SourceType::Outlet;
    outlet.role = SourceRole::Intermediary;
    let mut later = Source::by_human(a, at("المصادر", 0), "first").unwrap();
    later.same_as = Some(speaker.id.clone());
    let mut link = Attribution::by_human(&claim.id, &speaker.id, None, "first");
    link.via = vec![outlet.id.clone()];
    (claim, speaker, outlet, later, link)
}

#[test]
fn a_version_1_file_opens_and_is_upgraded_on_the_first_save() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/annotate/sample-article.v1.isnad.json");
    assert_eq!(
        schema_errors_against(SCHEMA_V1, std::slice::from_ref(&fixture)),
        Vec::<String>::new()
    );
    let v1 = std::fs::read(&fixture).unwrap();
    let path = dir.path().join("sample-article.isnad.json");
    std::fs::write(&path, &v1).unwrap();
    let a = Article::sample();
    let mut store = AnnotationStore::open(a.clone(), &opts_at(&path));
    assert!(store.read_only_reason().is_none());
    assert!(validate::validate_text(&String::from_utf8_lossy(&v1), "v1", Some(&a)).is_empty());
    let items = store.set().len();
    assert!(items >= 6);
    // opening writes nothing
    store.save().unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), v1);

    // the first change writes version 2; the backup is the version 1 file as it was
    let mut link = store.set().attributions[0].clone();
    let outlet = Source {
        source_type: SourceType::Agency,
        role: SourceRole::Intermediary,
        ..Source::by_human(&a, 0.."أعلن".len(), "analyst").unwrap()
    };
    link.via = vec![outlet.id.clone()];
    link.stance = Stance::Confirms;
    store
        .apply(Edit::Batch(vec![
            Edit::Add(Item::Source(outlet)),
            Edit::Update(Item::Attribution(link)),
        ]))
        .unwrap();
    store.save().unwrap();
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains("\"version\": 2,"), "{written}");
    assert!(written.contains("\"stance\": \"confirms\""));
    assert_eq!(std::fs::read(path.with_extension("json.bak")).unwrap(), v1);
    assert_eq!(
        schema_errors(std::slice::from_ref(&path)),
        Vec::<String>::new()
    );
    let reopened = AnnotationStore::open(a, &opts_at(&path));
    assert_eq!(reopened.set(), store.set());
    assert_eq!(reopened.set().len(), items + 1);

    // a version 1 file may not carry the fields of version 2
    let mixed = String::from_utf8_lossy(&v1).replacen(
        "\"quote_type\": \"indirect\",",
        "\"quote_type\": \"indirect\", \"stance\": \"denies\",",
        1,
    );
    let problems = validate::validate_text(&mixed, "mixed", None);
    assert!(
        problems.len() == 1 && problems[0].contains("`stance` is a format version 2 field"),
        "{problems:?}"
    );
}

#[test]
fn concurrent_chain_edits_keep_both_sides() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chains.isnad.json");
    let a = Article::sample();
    let (claim, speaker, outlet, later, link) = chain_items(&a);
    let mut first = AnnotationStore::open(a.clone(), &opts_at(&path));
    let adds = [
        Item::Claim(claim),
        Item::Source(speaker.clone()),
        Item::Source(outlet.clone()),
        Item::Source(later.clone()),
        Item::Attribution(link.clone()),
    ];
    first
        .apply(Edit::Batch(adds.into_iter().map(Edit::Add).collect()))
        .unwrap();
    first.save().unwrap();
    let mut second = AnnotationStore::open(a.clone(), &opts_at(&path));

    // the first lengthens the chain; the second says the source denies it
    let statement = Source {
        source_type: SourceType::Statement,
        role: SourceRole::Intermediary,
        ..Source::by_human(&a, 0.."أعلن".len(), "first").unwrap()
    };
    let mut longer = link.clone();
    longer.via = vec![statement.id.clone(), outlet.id.clone()];
    first
        .apply(Edit::Batch(vec![
            Edit::Add(Item::Source(statement.clone())),
            Edit::Update(Item::Attribution(longer.clone())),
        ]))
        .unwrap();
    let mut denied = link.clone();
    denied.stance = Stance::Denies;
    second
        .apply(Edit::Update(Item::Attribution(denied.clone())))
        .unwrap();
    // only the second touches the coreference: it is taken as it is
    let mut unlinked = later.clone();
    unlinked.same_as = None;
    second
        .apply(Edit::Update(Item::Source(unlinked.clone())))
        .unwrap();
    first.save().unwrap();
    let report = second.save().unwrap();
    assert_eq!(report.merged.expect("the second merges").conflicts, 1);

    let end = AnnotationStore::open(a, &opts_at(&path));
    let set = end.set();
    let copies: Vec<&Attribution> = set
        .attributions
        .iter()
        .filter(|x| x.claim_id == link.claim_id)
        .collect();
    assert_eq!(copies.len(), 2, "{copies:#?}");
    assert!(copies.iter().all(|x| x.conflict_with.is_some()));
    assert!(
        copies
            .iter()
            .any(|x| x.via == longer.via && x.stance == Stance::Asserts)
    );
    assert!(
        copies
            .iter()
            .any(|x| x.via == link.via && x.stance == Stance::Denies)
    );
    assert!(set.contains(&statement.id));
    let Some(Item::Source(merged_later)) = set.get(&later.id) else {
        panic!("the later mention is gone")
    };
    assert_eq!(merged_later.same_as, None);
    assert_eq!(
        schema_errors(std::slice::from_ref(&path)),
        Vec::<String>::new()
    );
}

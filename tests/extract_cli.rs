//! The `extract`, `import` and `eval` subcommands, run as a user would run them.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

#[path = "common/cli.rs"]
mod cli;
use cli::isnad;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const ARTICLE: &str =
    "قال الرئيس محمود عباس في رام الله يوم السبت إن وزارة الصحة الفلسطينية تعمل.\n";

#[test]
fn extract_prints_a_summary_per_label() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    let out = isnad(&["extract", "a.txt"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert!(text.starts_with("a.txt: "), "{text}");
    assert!(
        text.contains("PERSON") && text.contains("محمود عباس"),
        "{text}"
    );
    assert!(
        text.contains("ORG") && text.contains("وزارة الصحة الفلسطينية"),
        "{text}"
    );
    assert!(
        text.contains("DATE") && text.contains("يوم السبت"),
        "{text}"
    );
}

#[test]
fn extract_json_is_a_complete_annotation_document() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    let out = isnad(&["extract", "--json", "a.txt"], dir.path());
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["format"], "isnad/annotations");
    assert_eq!(doc["document"]["offset_unit"], "codepoint");
    let entities = doc["entities"].as_array().unwrap();
    let person = entities
        .iter()
        .find(|e| e["label"] == "PERSON")
        .expect("a person");
    assert_eq!(person["span"]["exact"], "محمود عباس");
    assert_eq!(person["span"]["start"], 11);
    assert_eq!(person["review"]["status"], "suggested");
    assert_eq!(person["origin"]["kind"], "rule");
    let by = person["origin"]["by"].as_str().unwrap();
    assert!(
        by.starts_with("rule:") || by.starts_with("gazetteer:"),
        "{by}"
    );
}

#[test]
fn extract_a_folder_in_parallel_into_an_output_folder() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    for i in 0..5 {
        std::fs::write(articles.join(format!("n{i}.txt")), ARTICLE).unwrap();
    }
    std::fs::write(articles.join("notes.md"), "not an article").unwrap();
    let out = isnad(&["extract", "articles", "--out-dir", "out"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for i in 0..5 {
        let written =
            std::fs::read_to_string(dir.path().join(format!("out/n{i}.extract.json"))).unwrap();
        let doc: serde_json::Value = serde_json::from_str(&written).unwrap();
        assert!(!doc["entities"].as_array().unwrap().is_empty());
    }
    assert!(!dir.path().join("out/notes.extract.json").exists());
    assert_eq!(stdout(&out).lines().count(), 5);
}

#[test]
fn extract_reports_unreadable_files_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    std::fs::write(dir.path().join("bad.txt"), [0xff, 0xfe, 0x00]).unwrap();
    let out = isnad(&["extract", "a.txt", "bad.txt", "missing.txt"], dir.path());
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.txt") && err.contains("missing.txt"),
        "{err}"
    );
    assert!(stdout(&out).contains("a.txt: "));
}

#[test]
fn import_merges_suggestions_into_the_annotation_file_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    // Stanza ents; the second has code-point offsets off by two and is realigned; the third
    // is not in the text.
    let stanza = r#"{"ents":[
        {"text":"محمود عباس","type":"PER","start_char":11,"end_char":21},
        {"text":"رام الله","type":"LOC","start_char":23,"end_char":31},
        {"text":"نابلس","type":"LOC","start_char":0,"end_char":5}]}"#;
    std::fs::write(dir.path().join("a.stanza.json"), stanza).unwrap();
    let out = isnad(&["import", "a.txt", "a.stanza.json"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = stdout(&out);
    assert!(
        report.contains("imported 2, realigned 1, unaligned 1"),
        "{report}"
    );
    assert!(
        report.contains("unaligned: ") && report.contains("نابلس"),
        "{report}"
    );
    let file = std::fs::read_to_string(dir.path().join("a.txt.isnad.json"))
        .or_else(|_| std::fs::read_to_string(dir.path().join("a.isnad.json")))
        .expect("annotation file written next to the article");
    let doc: serde_json::Value = serde_json::from_str(&file).unwrap();
    let entities = doc["entities"].as_array().unwrap();
    assert_eq!(entities.len(), 2);
    let person = entities
        .iter()
        .find(|e| e["span"]["exact"] == "محمود عباس")
        .unwrap();
    assert_eq!(person["label"], "PERSON");
    assert_eq!(person["original_label"], "PER");
    assert_eq!(person["origin"]["kind"], "import");
    assert_eq!(person["review"]["status"], "suggested");
    let place = entities
        .iter()
        .find(|e| e["span"]["exact"] == "رام الله")
        .unwrap();
    assert_eq!(place["span"]["start"], 25);
    // Importing again adds nothing.
    let out = isnad(&["import", "a.txt", "a.stanza.json"], dir.path());
    assert!(stdout(&out).contains("0 new"), "{}", stdout(&out));
}

#[test]
fn import_errors_name_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    std::fs::write(dir.path().join("x.json"), "{\n  \"offset_unit\": \"codepoint\",\n  \"mentions\": [\n    {\"start\": 1, \"end\": }\n  ]\n}\n").unwrap();
    let out = isnad(
        &["import", "a.txt", "x.json", "--format", "interchange"],
        dir.path(),
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("x.json:4:"), "{err}");
}

#[test]
fn eval_prints_strict_and_overlap_scores() {
    let dir = tempfile::tempdir().unwrap();
    let gold = "قال O\nالرئيس O\nمحمود B-PERS\nعباس I-PERS\nفي O\nرام B-GPE\nالله I-GPE\nيوم B-DATE\nالسبت I-DATE\n. O\n";
    std::fs::write(dir.path().join("g.conll"), gold).unwrap();
    let out = isnad(&["eval", "--gold", "g.conll"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert!(text.contains("micro") && text.contains("PERSON"), "{text}");
    let out = isnad(&["eval", "--gold", "g.conll", "--json"], dir.path());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["micro"]["overlap"]["gold"], 3);
    assert_eq!(v["micro"]["overlap"]["f1"], 1.0);
    // On an article the tokens are aligned to its text.
    std::fs::write(
        dir.path().join("a.txt"),
        "قال الرئيس محمود عباس، في رام الله يوم السبت.",
    )
    .unwrap();
    let out = isnad(
        &["eval", "--gold", "g.conll", "a.txt", "--json"],
        dir.path(),
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["text"], "article");
    assert_eq!(v["micro"]["overlap"]["matched_gold"], 3);
}

/// Runs isnad, killing it when it has not finished within `seconds` (`None` then): opening a
/// FIFO for reading blocks until a writer appears, which used to hang `validate` and `eval`.
fn isnad_within(args: &[&str], dir: &Path, seconds: u64) -> Option<Output> {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run isnad");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    while child.try_wait().expect("wait").is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    Some(child.wait_with_output().expect("output"))
}

#[test]
fn validate_and_eval_refuse_a_fifo_or_a_device_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.conll");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped the FIFO: mkfifo is not available here");
    }
    let mut inputs = vec!["/dev/null".to_owned()];
    if fifo.exists() {
        inputs.push("pipe.conll".to_owned());
    }
    for input in &inputs {
        for args in [
            vec!["validate", input.as_str()],
            vec!["eval", "--gold", input.as_str()],
        ] {
            let out = isnad_within(&args, dir.path(), 20)
                .unwrap_or_else(|| panic!("`isnad {}` did not finish", args.join(" ")));
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(!out.status.success(), "{args:?}");
            assert!(
                err.contains(input.as_str()) && err.contains("not a regular file"),
                "{args:?}: {err}"
            );
        }
    }
}

/// Every subcommand that reads an article: a FIFO nobody writes to is refused at once (opening
/// one for reading used to wait for a writer: `render FIFO` hung), and `/dev/zero` is refused
/// at its first byte rather than read to the 256 MB limit.
#[cfg(unix)]
#[test]
fn every_article_input_refuses_a_fifo_and_stops_at_the_first_nul() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    std::fs::write(dir.path().join("gold.conll"), "قال O\nالرئيس O\n").unwrap();
    std::fs::write(dir.path().join("a.isnad.json"), "{}").unwrap();
    let made = Command::new("mkfifo")
        .arg(dir.path().join("pipe.txt"))
        .status();
    let fifo = made.is_ok_and(|s| s.success());
    let mut inputs = vec![("/dev/zero", "NUL byte at byte 0")];
    if fifo {
        inputs.push(("pipe.txt", "FIFO"));
    } else {
        eprintln!("skipped the FIFO: mkfifo is not available here");
    }
    for (input, said) in inputs {
        for args in [
            vec!["render", input],
            vec!["render", "--json", input],
            vec!["extract", input],
            vec!["import", input, "gold.conll"],
            vec!["validate", "a.isnad.json", "--article", input],
            vec!["eval", "--gold", "gold.conll", input],
        ] {
            let out = isnad_within(&args, dir.path(), 20)
                .unwrap_or_else(|| panic!("`isnad {}` did not finish", args.join(" ")));
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(!out.status.success(), "{args:?}");
            assert!(err.contains(input) && err.contains(said), "{args:?}: {err}");
        }
    }
    if !fifo {
        return;
    }
    // the file of another tool's extractions is only ever a regular file
    let out = isnad_within(&["import", "a.txt", "pipe.txt"], dir.path(), 20)
        .expect("`isnad import a.txt pipe.txt` did not finish");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("not a regular file"),
        "{err}"
    );
}

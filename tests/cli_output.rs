//! Where the command line writes: an export or extraction into a FIFO or a character device is
//! written into it (never renamed over it, never backed up), `--out -` is standard output, and a
//! symbolic link is followed to its target.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use isnad::annotate::Edit;
use isnad::annotate::formats::Format as ExportFormat;
use isnad::annotate::model::*;
use isnad::annotate::store::{AnnotationStore, StoreOptions};
use isnad::article::Article;
use isnad::cli::ExportArgs;

/// An article in `dir` with one claim in its sidecar; returns the article's path.
fn annotated_article(dir: &Path) -> PathBuf {
    let path = dir.join("aleppo.txt");
    std::fs::write(&path, isnad::article::SAMPLE_TEXT).unwrap();
    let a = Article::load(&path).unwrap();
    let options = StoreOptions {
        annotations: None,
        data_dir: Some(dir.join("data")),
    };
    let mut store = AnnotationStore::open(a.clone(), &options);
    let claim = Claim::by_human(&a, 0..8, "me").unwrap();
    store.apply(Edit::Add(Item::Claim(claim))).unwrap();
    store.save().unwrap();
    path
}

fn export(file: &Path, to: ExportFormat, out: &Path) -> (Result<(), String>, String) {
    let args = ExportArgs {
        file: file.to_path_buf(),
        to,
        out: Some(out.to_path_buf()),
    };
    let mut said = Vec::new();
    let result = isnad::commands::export::run(&args, None, "tester", &mut said).map(|_| ());
    (result, String::from_utf8_lossy(&said).into_owned())
}

fn make_node(args: &[&str]) -> bool {
    Command::new(args[0])
        .args(&args[1..])
        .status()
        .is_ok_and(|s| s.success())
}

/// Reads a FIFO to its end in a thread; the receiver gets the bytes.
fn drain(fifo: &Path) -> std::sync::mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = std::sync::mpsc::channel();
    let fifo = fifo.to_path_buf();
    std::thread::spawn(move || {
        let bytes = std::fs::read(&fifo).unwrap_or_default();
        let _ = tx.send(bytes);
    });
    rx
}

#[cfg(unix)]
#[test]
fn an_export_into_a_fifo_is_written_into_it_not_over_it() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let article = annotated_article(dir.path());
    let fifo = dir.path().join("out.csv");
    assert!(make_node(&["mkfifo", fifo.to_str().unwrap()]));
    let got = drain(&fifo);
    let (result, said) = export(&article, ExportFormat::Csv, &fifo);
    result.unwrap();
    let bytes = got
        .recv_timeout(Duration::from_secs(30))
        .expect("the reader got the export");
    assert!(String::from_utf8_lossy(&bytes).contains("claim"), "{said}");
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the FIFO is still a FIFO: {kind:?}");
    assert!(
        !dir.path().join("out.csv.bak").exists(),
        "no backup of a FIFO"
    );

    // through a symbolic link, the same: the link and the FIFO stay as they were
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();
    let got = drain(&fifo);
    export(&article, ExportFormat::Csv, &link).0.unwrap();
    assert!(
        !got.recv_timeout(Duration::from_secs(30))
            .unwrap()
            .is_empty()
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

#[cfg(unix)]
#[test]
fn an_export_into_a_character_device_keeps_the_device() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let article = annotated_article(dir.path());
    // a null device of our own, so the machine's /dev/null is never at risk
    let null = dir.path().join("null");
    if !make_node(&["mknod", null.to_str().unwrap(), "c", "1", "3"]) {
        eprintln!("skipped: mknod is not permitted here (a FIFO is tested instead)");
        return;
    }
    let (result, _) = export(&article, ExportFormat::W3c, &null);
    result.unwrap();
    let kind = std::fs::symlink_metadata(&null).unwrap().file_type();
    assert!(kind.is_char_device(), "{kind:?}");
    assert!(
        !dir.path().join("null.bak").exists(),
        "no backup of a device"
    );
    // extract --out-dir: a device in the folder under the output's name is written into too
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let target = out_dir.join("aleppo.extract.json");
    assert!(make_node(&[
        "mknod",
        target.to_str().unwrap(),
        "c",
        "1",
        "3"
    ]));
    let args = isnad::cli::ExtractArgs {
        paths: vec![article],
        json: false,
        out_dir: Some(out_dir.clone()),
    };
    isnad::commands::extract::run(&args, &mut Vec::new()).unwrap();
    assert!(
        std::fs::symlink_metadata(&target)
            .unwrap()
            .file_type()
            .is_char_device()
    );
    assert!(!out_dir.join("aleppo.extract.json.bak").exists());
}

#[test]
fn an_export_to_dash_goes_to_standard_output_and_a_regular_file_is_replaced_with_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let article = annotated_article(dir.path());
    let (result, said) = export(&article, ExportFormat::Csv, Path::new("-"));
    result.unwrap();
    assert!(said.contains("claim"), "{said}");
    assert!(!dir.path().join("-").exists());

    let file = dir.path().join("out.csv");
    std::fs::write(&file, "old").unwrap();
    export(&article, ExportFormat::Csv, &file).0.unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out.csv.bak")).unwrap(),
        "old"
    );
    assert!(std::fs::read_to_string(&file).unwrap().contains("claim"));
    // a folder is refused, not replaced
    let (result, _) = export(&article, ExportFormat::Csv, dir.path());
    assert!(result.unwrap_err().contains("directory"));
}

// ---------------------------------------------------------------------------------------------
// Nothing from a file reaches the terminal through the command line

/// Escape sequences and controls a hostile file carries: a title change, a bell, a colour, the
/// 8-bit CSI and another C1 control.
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{1b}[31m\u{9b}2J\u{85}";

/// Fails naming `what` when `output` holds an ESC, a BEL, any other C0 control but tab and
/// line feed, DEL or a C1 control.
fn assert_printable(what: &str, output: &str) {
    let bad: Vec<char> = output
        .chars()
        .filter(|&c| c.is_control() && c != '\n' && c != '\t')
        .collect();
    assert!(bad.is_empty(), "{what} printed controls {bad:?}: {output}");
}

/// Runs the `isnad` binary with `args` in `dir`; stdout and stderr together.
fn isnad(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .current_dir(dir)
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .args(args)
        .output()
        .unwrap();
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn no_subcommand_prints_the_controls_in_a_hostile_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), "قال أحمد في دمشق إن الوضع هادئ.\n").unwrap();
    let json = |v: serde_json::Value| v.to_string();
    // HF: the entity_group and the word, both unknown to isnad
    std::fs::write(
        d.join("hf.json"),
        json(serde_json::json!([
            {"entity_group": format!("PER{HOSTILE}"), "word": format!("x{HOSTILE}"),
             "start": 4, "end": 8, "score": 0.9},
            {"entity_group": "LOC", "word": format!("y{HOSTILE}"), "start": 100, "end": 120,
             "score": 0.9}
        ])),
    )
    .unwrap();
    // brat: a label and a text
    std::fs::write(
        d.join("a.ann"),
        format!("T1\tPER{HOSTILE} 4 8\tأحمد\nT2\tLOC 100 120\tx{HOSTILE}\n"),
    )
    .unwrap();
    // an annotation file whose problems quote hostile values
    std::fs::write(
        d.join("bad.isnad.json"),
        json(serde_json::json!({"format": HOSTILE, "version": 1, HOSTILE: HOSTILE})),
    )
    .unwrap();
    // a gold file with a hostile label
    std::fs::write(
        d.join("gold.conll"),
        format!("قال O\nأحمد B-PER{HOSTILE}\nفي O\nدمشق B-LOC\n"),
    )
    .unwrap();
    // an article whose name is hostile: the export summary names the file it wrote
    let hostile_name = format!("n{HOSTILE}.txt");
    std::fs::write(d.join(&hostile_name), "قال أحمد.\n").unwrap();
    let runs: [(&str, Vec<&str>); 7] = [
        (
            "import (HF)",
            vec!["import", "a.txt", "hf.json", "--format", "hf"],
        ),
        (
            "import (brat)",
            vec!["import", "a.txt", "a.ann", "--format", "brat"],
        ),
        ("validate", vec!["validate", "bad.isnad.json"]),
        ("eval", vec!["eval", "--gold", "gold.conll"]),
        ("export", vec!["export", &hostile_name, "--to", "csv"]),
        ("render", vec!["render", &hostile_name]),
        ("missing file", vec!["validate", &hostile_name]),
    ];
    for (what, args) in runs {
        assert_printable(what, &isnad(d, &args));
    }
}

//! `isnad render` run as a user runs it. Plain text is printed from a stream of pieces read
//! ahead (`article::stream`), every other format from a loaded `Article`: both must print the
//! same rows, and a bad byte must be reported by file and offset after everything before it.

#![allow(clippy::unwrap_used)]

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use isnad::article::Article;
use isnad::commands::render::write_article;
use isnad::layout::LayoutOptions;

fn render(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isnad"))
        .arg("render")
        .args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .output()
        .expect("run isnad")
}

/// What the loaded-article path prints for `bytes` at `width`.
fn expected(bytes: &[u8], width: u16) -> Vec<u8> {
    let article = Article::from_bytes("a.txt", bytes.to_vec()).expect("valid article");
    let opts = LayoutOptions {
        width,
        ..LayoutOptions::default()
    };
    let mut out = Vec::new();
    write_article(&article, &opts, false, &mut out).expect("write");
    out
}

/// Several megabytes, so the stream cuts it into several pieces: the Wikinews text with a BOM,
/// CRLF and LF endings, empty lines, tabs, controls and a paragraph longer than a piece.
fn big_article() -> Vec<u8> {
    let wikinews = include_str!("data/wikinews-ar.txt");
    let mut text = String::from("\u{FEFF}");
    for (i, line) in wikinews.lines().cycle().take(8_000).enumerate() {
        text.push_str(line);
        text.push_str(match i % 7 {
            0 => "\r\n",
            1 => "\t(قسد) 12\n\n",
            2 => "\u{1B}[31m\u{202E}abc\n",
            _ => "\n",
        });
    }
    text.push_str(&"كلمة ".repeat(140_000));
    text.push_str("\nآخر سطر بلا نهاية");
    text.into_bytes()
}

#[test]
fn plain_text_prints_what_the_loaded_article_prints() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = big_article();
    assert!(bytes.len() > 5 << 19, "{} bytes", bytes.len());
    std::fs::write(dir.path().join("big.txt"), &bytes).unwrap();
    for width in ["80", "23"] {
        let out = render(&["--width", width, "big.txt"], dir.path());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let expected = expected(&bytes, width.parse().unwrap());
        assert!(out.stdout == expected, "width {width}: output differs");
    }
}

#[test]
fn small_and_empty_files() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("newline.txt", b"\n"),
        ("bom.txt", b"\xEF\xBB\xBF"),
        ("crlf.txt", "سلام\r\nab\r".as_bytes()),
        ("trailing.txt", "مرحبا\n\n".as_bytes()),
    ] {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        let out = render(&["--width", "10", name], dir.path());
        assert!(out.status.success(), "{name}");
        assert_eq!(out.stdout, expected(bytes, 10), "{name}");
    }
}

#[test]
fn a_bad_byte_is_reported_by_file_and_offset_after_what_precedes_it() {
    let dir = tempfile::tempdir().unwrap();
    let good = "سطر سليم قبل الخطأ\n".repeat(100_000);
    let mut bytes = good.clone().into_bytes();
    let offset = bytes.len() + 4;
    bytes.extend_from_slice(b"abcd\xFF\xFEefg\nafter\n");
    std::fs::write(dir.path().join("bad.txt"), &bytes).unwrap();
    let out = render(&["--width", "40", "bad.txt"], dir.path());
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.trim(),
        format!("isnad: bad.txt: not valid UTF-8 at byte {offset}; isnad reads UTF-8 text only")
    );
    // Every paragraph before the bad one was printed, and nothing after it.
    assert_eq!(out.stdout, expected(good.as_bytes(), 40));

    std::fs::write(dir.path().join("nul.txt"), b"abc\ndef\0").unwrap();
    let out = render(&["nul.txt"], dir.path());
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("nul.txt: looks like a binary file (NUL byte at byte 7)"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_missing_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let out = render(&["missing.txt"], dir.path());
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("isnad: missing.txt: cannot read"));
    assert!(out.stdout.is_empty());
}

#[test]
fn json_and_other_formats_use_the_loaded_article() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "سلام\nab").unwrap();
    let out = render(&["--json", "--width", "10", "a.txt"], dir.path());
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1]["start"], 5);

    std::fs::write(dir.path().join("a.md"), "---\ntitle: t\n---\n# عنوان\nنص").unwrap();
    let out = render(&["--width", "10", "a.md"], dir.path());
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 2, "{text:?}");
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.txt"), big_article()).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(["render", "big.txt"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 4096];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // stdout is closed here, as `| head` closes it.
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

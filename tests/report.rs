//! `isnad report`: the Markdown and HTML reports of the sample article (golden files in
//! `tests/data/report/`, rewritten with `UPDATE_GOLDEN=1`), the command, and a smoke test of the
//! HTML in a real headless browser (Debian's `chromium`; skipped with a message without it).

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use isnad::annotate::document;
use isnad::annotate::report::{Report, ReportFormat};
use isnad::article::{Article, SAMPLE_TEXT};
use isnad::cli::ReportArgs;
use isnad::commands;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// The sample article's annotation fixture (a chain through an account, a same_as, a verdict).
const FIXTURE: &str = "annotate/sample-article.isnad.json";

fn sample_report(format: ReportFormat) -> String {
    let a = Article::sample();
    let src = std::fs::read_to_string(data(FIXTURE)).unwrap();
    let loaded = document::parse(&src, FIXTURE, &a).unwrap();
    Report::new(&loaded.document, &loaded.set, &a).render(format)
}

fn golden(name: &str, actual: &str) {
    let path = data("report").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 creates it)", path.display()));
    assert_eq!(
        actual,
        expected,
        "{} differs from the report",
        path.display()
    );
}

#[test]
fn markdown_report_matches_golden() {
    let md = sample_report(ReportFormat::Markdown);
    golden("sample-article.report.md", &md);
    assert_eq!(md.matches("\n### ").count(), 4, "one section per claim");
    assert!(md.contains("نور الدين البابا ← حسابه على منصة \"تليجرام\" ← الشرق"));
    assert!(md.contains("⚠ every supporting path goes through حسابه على منصة \"تليجرام\""));
    assert!(md.contains("│  └─ نور الدين البابا (1): [3]"), "{md}");
}

#[test]
fn html_report_matches_golden_and_is_self_contained() {
    let html = sample_report(ReportFormat::Html);
    golden("sample-article.report.html", &html);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"));
    assert_eq!(html.matches("<article class=\"claim\"").count(), 4);
    assert!(html.contains("<svg ") && html.contains("</svg>"));
    for remote in ["<script", "src=", "href=", "@import", "url("] {
        assert!(!html.contains(remote), "{remote} in the page");
    }
}

#[test]
fn report_command_writes_to_stdout_or_a_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("sample-article.txt"), SAMPLE_TEXT).unwrap();
    let file = dir.path().join("sample-article.isnad.json");
    std::fs::copy(data(FIXTURE), &file).unwrap();
    let mut out = Vec::new();
    let args = ReportArgs {
        file: file.clone(),
        format: ReportFormat::Markdown,
        out: None,
    };
    assert_eq!(
        commands::report::run(&args, None, &mut out).unwrap(),
        ExitCode::SUCCESS
    );
    assert_eq!(
        String::from_utf8(out).unwrap(),
        sample_report(ReportFormat::Markdown)
    );
    let page = dir.path().join("report.html");
    let args = ReportArgs {
        file: dir.path().join("sample-article.txt"),
        format: ReportFormat::Html,
        out: Some(page.clone()),
    };
    let mut out = Vec::new();
    commands::report::run(&args, None, &mut out).unwrap();
    assert_eq!(
        std::fs::read_to_string(&page).unwrap(),
        sample_report(ReportFormat::Html)
    );
}

const CHROMIUM: &str = "/usr/bin/chromium";

/// Runs headless chromium on `page` with `extra` arguments: no sandbox (tests may run as
/// root), no GPU, no network chatter, a fresh profile.
fn chromium(page: &Path, profile: &Path, extra: &[String]) -> std::process::Output {
    Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap()
}

#[test]
fn html_report_renders_in_a_headless_browser() {
    if !Path::new(CHROMIUM).exists() {
        println!("skipped: {CHROMIUM} is missing (apt-get install chromium)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    std::fs::write(&page, sample_report(ReportFormat::Html)).unwrap();

    // the DOM after parsing: the claims are there and Arabic text nodes survive as text
    let dom = chromium(
        &page,
        &dir.path().join("profile-dom"),
        &["--dump-dom".into()],
    );
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert_eq!(dom.matches("class=\"claim\"").count(), 4, "{dom}");
    assert!(
        dom.contains("<q>اشتباكات عنيفة دارت ظهر السبت</q>"),
        "{dom}"
    );
    assert!(dom.contains(">الشرق (4)</text>"), "{dom}");
    assert!(dom.contains("dir=\"rtl\""));

    // the page renders: a screenshot of a reasonable size
    let shot = dir.path().join("report.png");
    let run = chromium(
        &page,
        &dir.path().join("profile-shot"),
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1000,1400".into(),
        ],
    );
    let png = std::fs::read(&shot).unwrap_or_else(|e| {
        panic!(
            "no screenshot ({e}): {}",
            String::from_utf8_lossy(&run.stderr)
        )
    });
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "{}",
        png.len()
    );
    if let Some(keep) = std::env::var_os("ISNAD_KEEP_SCREENSHOT") {
        std::fs::copy(&shot, keep).unwrap();
    }
}

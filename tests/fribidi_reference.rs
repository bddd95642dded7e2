//! Reference comparison of the engine's rows (shaping, per-line reordering, mirroring, mark
//! placement) with GNU FriBidi's per-line API, on the sample article and the diacritised Wikinews
//! text at several widths, auto and RTL paragraph direction, and on a file of hard cases
//! (numbers, brackets, Latin inside Arabic and the reverse, Persian, Urdu, joiners, tatweel).
//!
//! The FriBidi rows are golden files in `tests/data/fribidi/`, made by
//! `scripts/regen-fribidi-golden.sh`: it builds `tests/oracle/fribidi-lines.c` and reruns this
//! test with `ISNAD_FRIBIDI_LINES` set, which feeds FriBidi each paragraph with the engine's own
//! line breaks (so wrapping is not what is compared) and writes the files. CI needs no FriBidi.
//!
//! Golden line format: `width TAB paragraph TAB start TAB end TAB row`, with `start..end` the
//! row's logical range in code points of the article, as `isnad render --json` reports it.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use isnad::article::Article;
use isnad::layout::{BidiMode, Direction, LayoutOptions, VisualRow, layout_paragraph};

const WIDTHS: [u16; 6] = [20, 33, 40, 52, 80, 120];
const DIRECTIONS: [(Direction, &str); 2] = [(Direction::Auto, "auto"), (Direction::Rtl, "rtl")];

fn texts() -> Vec<(&'static str, Article)> {
    vec![
        ("sample", Article::sample()),
        (
            "wikinews",
            Article::from_text(
                "wikinews-ar.txt",
                include_str!("data/wikinews-ar.txt").to_owned(),
            ),
        ),
        (
            "cases",
            Article::from_text(
                "bidi-cases.txt",
                include_str!("data/bidi-cases.txt").to_owned(),
            ),
        ),
    ]
}

fn golden_path(text: &str, direction: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fribidi")
        .join(format!("{text}-{direction}.txt"))
}

fn options(width: u16, direction: Direction) -> LayoutOptions {
    LayoutOptions {
        width,
        mode: BidiMode::App,
        direction,
        ..LayoutOptions::default()
    }
}

/// Canonical combining class of the Arabic marks (Unicode 14 data); 0 for everything else.
fn combining_class(c: char) -> u8 {
    match c {
        '\u{0610}'..='\u{0617}' => 230,
        '\u{0618}' => 30,
        '\u{0619}' => 31,
        '\u{061A}' => 32,
        '\u{064B}' => 27,
        '\u{064C}' => 28,
        '\u{064D}' => 29,
        '\u{064E}' => 30,
        '\u{064F}' => 31,
        '\u{0650}' => 32,
        '\u{0651}' => 33,
        '\u{0652}' => 34,
        '\u{0653}'..='\u{0654}' => 230,
        '\u{0655}'..='\u{0656}' => 220,
        '\u{0657}'..='\u{065B}' => 230,
        '\u{065C}' => 220,
        '\u{065D}'..='\u{065E}' => 230,
        '\u{065F}' => 220,
        '\u{0670}' => 35,
        '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E2}' | '\u{06E4}' => 230,
        '\u{06E7}'..='\u{06E8}' | '\u{06EB}'..='\u{06EC}' => 230,
        '\u{06E3}' | '\u{06EA}' | '\u{06ED}' => 220,
        '\u{08F0}' => 27,
        '\u{08F1}' => 28,
        '\u{08F2}' => 29,
        _ => 0,
    }
}

/// The comparison normalisation of terminal-bidi notes §7.2: no padding or trailing whitespace
/// (the engine drops whitespace at a break; FriBidi keeps it at the paragraph end of the line),
/// no invisible characters (FriBidi's lam-alef FILL, marks, bidi controls), FriBidi's unshaped
/// hamza, and stacked marks in canonical order (FriBidi moves shadda after the vowel; the two
/// orders are canonically equivalent).
fn normalize(row: &str) -> String {
    let mut chars: Vec<char> = row
        .trim_matches(|c: char| c == ' ' || c == '\t')
        .chars()
        .filter(|&c| {
            !matches!(c, '\u{FEFF}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .map(|c| if c == '\u{FE80}' { '\u{0621}' } else { c })
        .collect();
    // Canonical ordering: a stable sort of each run of non-starters by combining class.
    let mut i = 0;
    while i < chars.len() {
        if combining_class(chars[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && combining_class(chars[i]) != 0 {
            i += 1;
        }
        chars[start..i].sort_by_key(|&c| combining_class(c));
    }
    chars.into_iter().collect()
}

/// The one place where FriBidi 1.0.8 and the engine knowingly differ: FriBidi forms the
/// mandatory lam-alef ligature only when lam and alef are adjacent code points, so a haraka on
/// the lam (`الْأ`, `لِإ`: thousands of rows in diacritised text) leaves an initial/medial lam
/// joined to a final alef, a glyph pair that never occurs in written Arabic. The engine ligates
/// across transparent marks, as the Unicode Standard (§9.2, "the ligature is mandatory") and
/// unicode-width's width rule for lam + transparent marks + alef (width 1) do. This maps
/// FriBidi's visual `alef(final) marks* lam(initial|medial) marks+` to `ligature marks* marks+`
/// and returns whether it changed anything, so the rows that needed it are counted.
fn ligate_lam_alef_across_marks(row: &str) -> (String, bool) {
    let chars: Vec<char> = row.chars().collect();
    let is_mark = |c: char| combining_class(c) != 0;
    let mut out = String::with_capacity(row.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let ligature = match chars[i] {
            '\u{FE82}' => Some(['\u{FEF5}', '\u{FEF6}']),
            '\u{FE84}' => Some(['\u{FEF7}', '\u{FEF8}']),
            '\u{FE88}' => Some(['\u{FEF9}', '\u{FEFA}']),
            '\u{FE8E}' => Some(['\u{FEFB}', '\u{FEFC}']),
            _ => None,
        };
        if let Some([isolated, final_form]) = ligature {
            let mut j = i + 1;
            while j < chars.len() && is_mark(chars[j]) {
                j += 1;
            }
            let lam = chars.get(j).copied();
            let mut k = j + 1;
            while k < chars.len() && is_mark(chars[k]) {
                k += 1;
            }
            let form = match lam {
                Some('\u{FEDF}') => Some(isolated),
                Some('\u{FEE0}') => Some(final_form),
                _ => None,
            };
            if let Some(form) = form.filter(|_| k > j + 1) {
                out.push(form);
                out.extend(&chars[i + 1..j]);
                out.extend(&chars[j + 1..k]);
                changed = true;
                i = k;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    (out, changed)
}

/// (width, paragraph, start, end) of a row, offsets in code points.
type RowKey = (u16, usize, usize, usize);

fn row_key(article: &Article, width: u16, row: &VisualRow) -> RowKey {
    (
        width,
        row.paragraph,
        article.byte_to_char(row.logical.start),
        article.byte_to_char(row.logical.end),
    )
}

fn all_rows(article: &Article, width: u16, direction: Direction) -> Vec<Vec<VisualRow>> {
    (0..article.paragraphs.len())
        .map(|p| layout_paragraph(article, p, &options(width, direction)))
        .collect()
}

/// Runs FriBidi over every paragraph with the engine's breaks and writes the golden file.
fn regenerate(fribidi_lines: &Path, name: &str, article: &Article, direction: (Direction, &str)) {
    let mut golden = String::new();
    for width in WIDTHS {
        let paragraphs = all_rows(article, width, direction.0);
        let mut input = String::new();
        for (p, rows) in paragraphs.iter().enumerate() {
            let range = &article.paragraphs[p];
            let mut from = range.start;
            for row in rows.iter().skip(1) {
                input.push_str(&article.text[from..row.logical.start]);
                input.push('\u{1F}');
                from = row.logical.start;
            }
            input.push_str(&article.text[from..range.end]);
            input.push('\n');
        }
        let mut child = Command::new(fribidi_lines)
            .arg(direction.1)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("run fribidi-lines");
        let mut stdin = child.stdin.take().expect("stdin");
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let output = child.wait_with_output().expect("fribidi-lines output");
        writer
            .join()
            .expect("writer")
            .expect("write to fribidi-lines");
        assert!(output.status.success(), "fribidi-lines failed");
        let out = String::from_utf8(output.stdout).expect("UTF-8 from fribidi-lines");
        let mut fribidi_rows = out.lines();
        for rows in &paragraphs {
            for row in rows {
                let visual = fribidi_rows
                    .next()
                    .expect("one FriBidi line per engine row");
                let (w, p, s, e) = row_key(article, width, row);
                golden.push_str(&format!("{w}\t{p}\t{s}\t{e}\t{visual}\n"));
            }
        }
        assert!(fribidi_rows.next().is_none(), "FriBidi printed extra lines");
    }
    std::fs::write(golden_path(name, direction.1), golden).expect("write golden file");
}

fn load_golden(name: &str, direction: &str) -> HashMap<RowKey, String> {
    let path = golden_path(name, direction);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run scripts/regen-fribidi-golden.sh)",
            path.display()
        )
    });
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            let mut f = line.splitn(5, '\t');
            let mut num = || -> usize {
                f.next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or_else(|| panic!("{}:{}: bad golden line", path.display(), i + 1))
            };
            let key = (num() as u16, num(), num(), num());
            (key, f.next().unwrap_or("").to_owned())
        })
        .collect()
}

#[test]
fn rows_match_fribidi_per_line_reference() {
    if let Some(tool) = std::env::var_os("ISNAD_FRIBIDI_LINES") {
        for (name, article) in texts() {
            for direction in DIRECTIONS {
                regenerate(Path::new(&tool), name, &article, direction);
            }
        }
    }
    let mut total = 0usize;
    let mut identical = 0usize;
    let mut ligated_across_marks = 0usize;
    let mut failures = Vec::new();
    for (name, article) in texts() {
        for (direction, dir_name) in DIRECTIONS {
            let golden = load_golden(name, dir_name);
            let mut compared = 0usize;
            for width in WIDTHS {
                for rows in all_rows(&article, width, direction) {
                    for row in rows {
                        total += 1;
                        let key = row_key(&article, width, &row);
                        let Some(expected) = golden.get(&key) else {
                            failures.push(format!(
                                "{name} {dir_name} {key:?}: row not in the golden file \
                                 (wrapping changed? run scripts/regen-fribidi-golden.sh)"
                            ));
                            continue;
                        };
                        compared += 1;
                        let got = normalize(&row.text);
                        let mut want = normalize(expected);
                        if got != want {
                            let (ligated, changed) = ligate_lam_alef_across_marks(&want);
                            if changed {
                                ligated_across_marks += 1;
                                want = normalize(&ligated);
                            }
                        }
                        if got == want {
                            identical += 1;
                        } else {
                            failures.push(format!(
                                "{name} {dir_name} {key:?}:\n  engine:  {got}\n  fribidi: {want}\n  \
                                 engine:  {:04X?}\n  fribidi: {:04X?}",
                                got.chars().map(u32::from).collect::<Vec<_>>(),
                                want.chars().map(u32::from).collect::<Vec<_>>()
                            ));
                        }
                    }
                }
            }
            assert_eq!(
                compared,
                golden.len(),
                "{name} {dir_name}: the golden file has rows the engine no longer makes"
            );
        }
    }
    eprintln!(
        "FriBidi reference: {identical} of {total} rows identical \
         ({ligated_across_marks} of them after ligating lam-alef across marks)"
    );
    // Every difference, for looking at them all: ISNAD_FRIBIDI_DIFFS=/tmp/diffs.txt
    if let Some(path) = std::env::var_os("ISNAD_FRIBIDI_DIFFS") {
        std::fs::write(path, failures.join("\n")).expect("write differences");
    }
    assert!(total > 10_000, "too few rows compared: {total}");
    assert!(
        failures.is_empty(),
        "{} of {total} rows differ from FriBidi; first ones:\n{}",
        failures.len(),
        failures
            .iter()
            .take(10)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn lam_alef_across_marks_is_the_only_extra_rule() {
    // FriBidi's visual "alef-hamza(final) fatha lam(initial) sukun" → ligature + both marks.
    let (row, changed) = ligate_lam_alef_across_marks("\u{FE84}\u{064E}\u{FEDF}\u{0652}\u{FE8D}");
    assert!(changed);
    assert_eq!(row, "\u{FEF7}\u{064E}\u{0652}\u{FE8D}");
    // medial lam → final ligature
    let (row, _) = ligate_lam_alef_across_marks("\u{FE8E}\u{FEE0}\u{0650}");
    assert_eq!(row, "\u{FEFC}\u{0650}");
    // Without a mark on the lam FriBidi ligates itself; an unligated pair is then a real
    // difference and must stay one. Other letters are never touched.
    assert!(!ligate_lam_alef_across_marks("\u{FE8E}\u{FEDF}").1);
    assert!(!ligate_lam_alef_across_marks("\u{FE8E}\u{FE91}\u{064E}").1);
}

#[test]
fn normalisation_is_only_what_the_notes_allow() {
    // Canonical reordering of shadda + fatha, FILL and marks removed, hamza mapped, ends trimmed.
    assert_eq!(
        normalize("  \u{FEFF}\u{FEFB}\u{0651}\u{064E} \u{FE80}\u{200F} "),
        "\u{FEFB}\u{064E}\u{0651} \u{0621}"
    );
    // Nothing else is equated: different letters, order of bases and inner spaces all count.
    assert_ne!(normalize("\u{FE8D}\u{FE91}"), normalize("\u{FE91}\u{FE8D}"));
    assert_ne!(normalize("a b"), normalize("ab"));
    assert_ne!(normalize("\u{064E}\u{FE91}"), normalize("\u{FE91}\u{064E}"));
}

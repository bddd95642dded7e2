//! Properties of the layout engine on random and hostile text: it never panics, every character
//! of a paragraph is shown by exactly one cell (only whitespace at a break is dropped), rows fit
//! the width, cell positions agree with cell widths, and no control character reaches a row.
//! Plus the known traps, each as an explicit test, and linear time on a huge line.

use std::ops::Range;
use std::time::{Duration, Instant};

use isnad::article::Article;
use isnad::layout::{BidiMode, Direction, LayoutOptions, VisualRow, layout_paragraph};
use proptest::prelude::*;

const MODES: [BidiMode; 3] = [BidiMode::App, BidiMode::Terminal, BidiMode::Off];
const DIRECTIONS: [Direction; 3] = [Direction::Auto, Direction::Rtl, Direction::Ltr];

fn is_dropped_space(c: char) -> bool {
    isnad::text::width::is_breaking_space(c)
}

/// Checks every invariant for the rows of one paragraph; returns the first violation.
fn check_paragraph(
    article: &Article,
    p: usize,
    rows: &[VisualRow],
    opts: &LayoutOptions,
) -> Result<(), String> {
    let para: Range<usize> = article.paragraphs[p].clone();
    let text = &article.text;
    if rows.is_empty() {
        return Err("no rows".into());
    }
    let mut covered = para.start;
    for (r, row) in rows.iter().enumerate() {
        let at = format!("row {r} {:?}", row.text);
        if row.paragraph != p {
            return Err(format!("{at}: paragraph {} != {p}", row.paragraph));
        }
        if row.width > opts.width.max(1) {
            return Err(format!("{at}: width {} > {}", row.width, opts.width));
        }
        if let Some(c) = row.text.chars().find(|&c| {
            matches!(c, '\0'..='\u{1F}' | '\u{7F}'..='\u{9F}')
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        }) {
            return Err(format!("{at}: control U+{:04X} in row text", u32::from(c)));
        }
        // Cells: left to right, each starting where the previous one ended, drawn text and
        // columns alike.
        let mut x = 0u32;
        let mut t = 0usize;
        for cell in &row.cells {
            if u32::from(cell.x) != x {
                return Err(format!("{at}: cell at x {} expected {x}", cell.x));
            }
            if cell.text.start != t || cell.text.end < cell.text.start {
                return Err(format!(
                    "{at}: cell text {:?} expected start {t}",
                    cell.text
                ));
            }
            if row.text.get(cell.text.clone()).is_none() {
                return Err(format!(
                    "{at}: cell text {:?} not on char boundaries",
                    cell.text
                ));
            }
            x += u32::from(cell.width);
            t = cell.text.end;
        }
        if x != u32::from(row.width) || t != row.text.len() {
            return Err(format!(
                "{at}: cells cover {x} columns / {t} bytes, row has {} / {}",
                row.width,
                row.text.len()
            ));
        }
        for col in 0..row.width {
            let cell = row
                .cell_at(col)
                .ok_or(format!("{at}: no cell at column {col}"))?;
            if !(cell.x <= col && col < cell.x + u16::from(cell.width)) {
                return Err(format!("{at}: cell_at({col}) returned {cell:?}"));
            }
        }
        // Logical side: the cells' ranges tile the row's range exactly...
        let mut logical: Vec<Range<usize>> = row.cells.iter().map(|c| c.logical.clone()).collect();
        logical.sort_by_key(|l| l.start);
        let mut pos = row.logical.start;
        for l in &logical {
            if l.start != pos || l.end <= l.start {
                return Err(format!(
                    "{at}: cell ranges {logical:?} do not tile the row range {:?}",
                    row.logical
                ));
            }
            pos = l.end;
        }
        if pos != row.logical.end {
            return Err(format!(
                "{at}: cell ranges {logical:?} end at {pos}, row range {:?}",
                row.logical
            ));
        }
        // ...and rows follow each other, skipping nothing but whitespace at a break.
        if row.logical.start < covered {
            return Err(format!(
                "{at}: range {:?} overlaps the previous row",
                row.logical
            ));
        }
        let gap = &text[covered..row.logical.start];
        if !gap.chars().all(is_dropped_space) {
            return Err(format!("{at}: skipped {gap:?} before the row"));
        }
        covered = row.logical.end;
    }
    let tail = &text[covered..para.end];
    if !tail.chars().all(is_dropped_space) {
        return Err(format!(
            "text {tail:?} at the end of the paragraph is in no row"
        ));
    }
    Ok(())
}

fn check_article(text: &str, opts: &LayoutOptions) -> Result<(), String> {
    let article = Article::from_text("prop", text.to_owned());
    for p in 0..article.paragraphs.len() {
        let rows = layout_paragraph(&article, p, opts);
        check_paragraph(&article, p, &rows, opts).map_err(|e| {
            format!(
                "paragraph {p} {:?} width {} {:?} {:?}: {e}",
                article.paragraph_text(p),
                opts.width,
                opts.mode,
                opts.direction
            )
        })?;
    }
    Ok(())
}

fn check_all_modes(text: &str, width: u16) -> Result<(), String> {
    for mode in MODES {
        for direction in DIRECTIONS {
            for reveal_controls in [false, true] {
                let opts = LayoutOptions {
                    width,
                    mode,
                    direction,
                    tab_width: 4,
                    reveal_controls,
                };
                check_article(text, &opts)?;
            }
        }
    }
    Ok(())
}

/// Pieces of hostile-but-plausible article text.
fn piece() -> impl Strategy<Value = String> {
    let from = |chars: &'static [char]| proptest::sample::select(chars).prop_map(String::from);
    prop_oneof![
        8 => (0x0621u32..=0x064A).prop_map(|c| char::from_u32(c).unwrap_or('ب').to_string()),
        4 => (0x064Bu32..=0x0652).prop_map(|c| char::from_u32(c).unwrap_or('\u{064E}').to_string()),
        2 => from(&['\u{0670}', '\u{0640}', '\u{0671}', 'پ', 'گ', 'ی', '\u{06D4}', '\u{0600}', '\u{06DD}']),
        3 => "[a-zA-Z]{1,6}",
        2 => "[0-9\u{0660}-\u{0669}]{1,4}",
        5 => from(&[' ', ' ', ' ', '\t', '\u{A0}', '\u{3000}']),
        2 => from(&['.', ',', ';', ':', '!', '?', '،', '؛', '؟', '"', '\'', '-', '%', '+', '/']),
        2 => from(&['(', ')', '[', ']', '{', '}', '<', '>', '«', '»', '‹', '›']),
        2 => (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap_or('\0').to_string()),
        1 => (0x7Fu32..0xA0).prop_map(|c| char::from_u32(c).unwrap_or('\u{80}').to_string()),
        1 => Just("\u{1B}[31m".to_owned()),
        1 => Just("\u{1B}]0;title\u{7}".to_owned()),
        2 => from(&['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}']),
        2 => from(&['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}']),
        2 => from(&['\u{200D}', '\u{200C}', '\u{200B}', '\u{FEFF}', '\u{2060}']),
        2 => Just("لا".to_owned()),
        1 => Just("ل\u{0651}\u{064E}ا".to_owned()),
        1 => Just("\u{200D}لا".to_owned()),
        2 => from(&['😀', '中', '👍', '\u{FDF2}', '\u{FFFD}']),
        1 => Just("👍\u{1F3FD}".to_owned()),
        1 => Just("👨\u{200D}👩\u{200D}👧".to_owned()),
        1 => Just("\u{1F1F8}\u{1F1E6}".to_owned()),
        1 => Just("e\u{0301}".to_owned()),
        1 => from(&['\n', '\r']),
        1 => Just("\r\n".to_owned()),
        1 => Just("\u{2028}".to_owned()),
    ]
}

fn article_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..80).prop_map(|pieces| pieces.concat())
}

proptest! {
    // 256 cases by default; PROPTEST_CASES=N for a longer hunt.
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn random_text_keeps_every_invariant(text in article_text(), width in 1u16..=200) {
        if let Err(e) = check_all_modes(&text, width) {
            prop_assert!(false, "{}", e);
        }
    }

    #[test]
    fn narrow_widths_keep_every_invariant(text in article_text(), width in 1u16..=4) {
        if let Err(e) = check_all_modes(&text, width) {
            prop_assert!(false, "{}", e);
        }
    }
}

fn assert_ok(text: &str, widths: &[u16]) {
    for &w in widths {
        if let Err(e) = check_all_modes(text, w) {
            panic!("{e}");
        }
    }
}

fn app_rows(text: &str, width: u16) -> Vec<VisualRow> {
    let article = Article::from_text("t", text.to_owned());
    let opts = LayoutOptions {
        width,
        ..LayoutOptions::default()
    };
    layout_paragraph(&article, 0, &opts)
}

#[test]
fn zwj_before_lam_alef() {
    for text in [
        "ب\u{200D}لا",
        "\u{200D}لا",
        "ب\u{200D}\u{200D}لا",
        "لا\u{200D}",
        "ل\u{200D}ا",
    ] {
        assert_ok(text, &[1, 2, 3, 80]);
    }
    // The ligature is still formed after a joiner and shown in one cell covering lam and alef.
    let row = &app_rows("\u{200D}لا", 80)[0];
    let lig = row
        .cells
        .iter()
        .find(|c| row.cell_text(c).contains('\u{FEFC}') || row.cell_text(c).contains('\u{FEFB}'));
    assert!(lig.is_some(), "no lam-alef ligature in {:?}", row.text);
}

#[test]
fn haraka_at_paragraph_start() {
    for text in [
        "\u{064E}",
        "\u{064E}ب",
        "\u{0651}\u{064E}بب",
        "\u{064E} ب",
        "\u{064E}\n\u{064F}a",
    ] {
        assert_ok(text, &[1, 2, 80]);
    }
    // The mark is not lost: it is drawn in the first cell.
    let row = &app_rows("\u{064E}ب", 80)[0];
    assert!(row.text.contains('\u{064E}'), "{:?}", row.text);
}

#[test]
fn two_hundred_nested_isolates_then_a_digit() {
    for open in ["\u{2067}", "\u{2066}", "\u{2068}", "\u{202B}", "\u{202E}"] {
        let text = format!("{}1", open.repeat(200));
        let start = Instant::now();
        assert_ok(&text, &[1, 5, 80]);
        assert!(start.elapsed() < Duration::from_secs(10));
        let rows = app_rows(&text, 80);
        assert!(rows.iter().any(|r| r.text.contains('1')));
    }
    // Closed again, with Arabic around, at every nesting depth around the limit.
    for depth in [30, 31, 32, 33, 60, 124, 125, 126, 127] {
        let text = format!(
            "عدد {}12 abc{} نهاية",
            "\u{2067}".repeat(depth),
            "\u{2069}".repeat(depth)
        );
        assert_ok(&text, &[7, 80]);
    }
}

#[test]
fn empty_lines() {
    for text in [
        "",
        "\n",
        "\n\n\n",
        "a\n\nb",
        "\r\n\r\n",
        "سلام\n\n\nعليكم\n",
        " \n\t\n",
    ] {
        assert_ok(text, &[1, 80]);
    }
    let article = Article::from_text("t", "a\n\nb".to_owned());
    let rows = layout_paragraph(&article, 1, &LayoutOptions::default());
    assert_eq!(rows.len(), 1);
    assert!(rows[0].text.is_empty() && rows[0].cells.is_empty() && rows[0].width == 0);
}

#[test]
fn hostile_escape_sequences_are_shown_not_sent() {
    let text = "خبر \u{1B}[2J\u{1B}]0;pwned\u{7}\u{9B}31m\u{8}\u{8}\r نهاية";
    assert_ok(text, &[3, 10, 80]);
    let row = &app_rows(text, 80)[0];
    assert!(
        row.text.contains('␛') && row.text.contains('␇'),
        "{:?}",
        row.text
    );
}

fn huge_line(bytes: usize) -> String {
    // Arabic with harakat, Latin and digits, no spaces: one unbreakable "word".
    let unit = "كِتَابُالمَدرَسَةِabc123لا";
    unit.repeat(bytes / unit.len() + 1)
}

/// CPU time of the calling thread (user + system) from /proc on Linux, so a busy machine does
/// not distort the comparison; wall time where that is not available.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // USER_HZ is 100 on every Linux architecture isnad targets.
    Some(Duration::from_millis(ticks * 10))
}

fn layout_time(text: &str) -> Duration {
    let article = Article::from_text("huge", text.to_owned());
    let opts = LayoutOptions::default();
    let (wall, cpu) = (Instant::now(), thread_cpu_time());
    let rows = layout_paragraph(&article, 0, &opts);
    let elapsed = match (cpu, thread_cpu_time()) {
        (Some(before), Some(after)) => after.saturating_sub(before),
        _ => wall.elapsed(),
    };
    assert!(rows.len() > 1000);
    assert_eq!(rows.first().map(|r| r.logical.start), Some(0));
    assert_eq!(rows.last().map(|r| r.logical.end), Some(text.len()));
    elapsed
}

#[test]
fn five_megabyte_line_in_linear_time() {
    let small = huge_line(500_000);
    let big = huge_line(5_000_000);
    // Best of two for the small one; the machine is shared and noisy.
    let t_small = layout_time(&small).min(layout_time(&small));
    let t_big = layout_time(&big);
    let ratio = t_big.as_secs_f64() / t_small.as_secs_f64().max(0.01);
    eprintln!("0.5 MB line: {t_small:?}, 5 MB line: {t_big:?}, ratio {ratio:.1}");
    assert!(
        ratio < 25.0,
        "10x the text took {ratio:.1}x the time ({t_small:?} → {t_big:?}): not linear"
    );
}

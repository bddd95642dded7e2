//! Fuzz target: the layout engine. The first two bytes choose width (1..=300), bidi mode,
//! direction, reveal flag and tab width; the rest is the paragraph text (lossy UTF-8, newlines
//! replaced, since a paragraph never holds one). Checks the invariants of tests/layout_props.rs,
//! and that `print_paragraph` (what `isnad render` prints) prints exactly these rows.
#![no_main]

use isnad::layout::{BidiMode, Direction, LayoutOptions, layout_text, print_paragraph};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [a, b, rest @ ..] = data else { return };
    let width = 1 + (u16::from(*a) | (u16::from(*b & 1) << 8)) % 300;
    let mode = [BidiMode::App, BidiMode::Terminal, BidiMode::Off][usize::from(b >> 1 & 3) % 3];
    let direction = [Direction::Auto, Direction::Rtl, Direction::Ltr][usize::from(b >> 3 & 3) % 3];
    let reveal_controls = b & 0x20 != 0;
    let tab_width = [0u8, 1, 4, 8][usize::from(b >> 6)];
    let text = String::from_utf8_lossy(rest).replace('\n', " ");
    let base = 3; // a paragraph that does not start the article
    let opts = LayoutOptions {
        width,
        mode,
        direction,
        tab_width,
        reveal_controls,
    };
    let rows = layout_text(&text, base, 0, &opts);
    assert!(!rows.is_empty(), "no rows");
    let mut printed = Vec::new();
    print_paragraph(&text, &opts, &mut printed);
    let mut expected = Vec::new();
    for row in &rows {
        expected.resize(expected.len() + usize::from(row.indent(width)), b' ');
        expected.extend_from_slice(row.text.as_bytes());
        expected.push(b'\n');
    }
    assert!(printed == expected, "printed rows differ for {text:?}");
    let mut covered = base;
    for row in &rows {
        assert!(
            row.width <= width,
            "row {:?} width {} > {width}",
            row.text,
            row.width
        );
        if let Some(c) = row.text.chars().find(|&c| {
            matches!(c, '\0'..='\u{1F}' | '\u{7F}'..='\u{9F}')
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        }) {
            panic!("control U+{:04X} in row {:?}", u32::from(c), row.text);
        }
        // cells tile the drawn text and the columns, left to right
        let (mut x, mut t) = (0u32, 0usize);
        for cell in &row.cells {
            assert_eq!(u32::from(cell.x), x, "cell x in {:?}", row.text);
            assert_eq!(cell.text.start, t, "cell text in {:?}", row.text);
            assert!(
                row.text.get(cell.text.clone()).is_some(),
                "cell text boundaries"
            );
            x += u32::from(cell.width);
            t = cell.text.end;
        }
        assert_eq!(
            x,
            u32::from(row.width),
            "cells cover {x} columns of {:?}",
            row.text
        );
        assert_eq!(t, row.text.len(), "cells cover {t} bytes of {:?}", row.text);
        // cells' logical ranges partition the row's range
        let mut logical: Vec<_> = row.cells.iter().map(|c| c.logical.clone()).collect();
        logical.sort_by_key(|l| l.start);
        let mut pos = row.logical.start;
        for l in &logical {
            assert!(
                l.start == pos && l.end > l.start,
                "cells {logical:?} row {:?}",
                row.logical
            );
            pos = l.end;
        }
        assert_eq!(
            pos, row.logical.end,
            "cells {logical:?} row {:?}",
            row.logical
        );
        // rows follow each other, skipping only breaking whitespace
        assert!(row.logical.start >= covered, "rows overlap");
        let gap = &text[covered - base..row.logical.start - base];
        assert!(
            gap.chars().all(isnad::text::width::is_breaking_space),
            "skipped {gap:?}"
        );
        covered = row.logical.end;
    }
    let tail = &text[covered - base..];
    assert!(
        tail.chars().all(isnad::text::width::is_breaking_space),
        "lost tail {tail:?}"
    );
});

//! Laying out a paragraph longer than [`LONG_PARAGRAPH_BYTES`] a window at a time, for
//! `isnad render` (which prints each window's rows and keeps none) and the reader's cache
//! (which keeps the windows near the screen), with the rows of laying it out whole.

use std::ops::Range;

use crate::article::Article;
use crate::text::bidi::{self, Direction};

use super::{Build, LaidLine, LayoutOptions, VisualRow, lay_out_window};

/// Paragraphs longer than this (bytes) are laid out a window of about this size at a time, so
/// memory stays bounded (a 10 MB line took 436 MB laid out whole in `isnad render`, 300 MB and
/// more in the reader). Each window starts where a row of the previous one started (not its
/// last row, whose start the cut can move), after a space when there is one, and only the rows
/// before that are kept; rows wrap greedily, so
/// they come out the same, and bidi runs with the paragraph's direction and reads
/// [`BIDI_CONTEXT_BYTES`] more text on each side of the window. What a window still cannot
/// see is an embedding or isolate opened before that context, or a word longer than a window
/// (no row starts after a space then, and shaping is cut at the window's edge): only there can
/// a row of such a paragraph differ from laying it out whole. Shorter paragraphs are laid out
/// whole.
pub const LONG_PARAGRAPH_BYTES: usize = 32 * 1024;

/// Text on each side of a window that its bidi analysis reads too: the weak and neutral types
/// at a window's edges resolve by the strong characters before and after them (a number after
/// Arabic in a left-to-right paragraph is an Arabic number), which are almost always this close.
const BIDI_CONTEXT_BYTES: usize = 1024;

/// The options a long paragraph's windows are laid out with: its own base direction, found
/// once from its whole text, so that every window runs the same way.
pub(super) fn window_options(text: &str, opts: &LayoutOptions) -> LayoutOptions {
    let direction = if bidi::is_rtl_paragraph(text, opts.direction) {
        Direction::Rtl
    } else {
        Direction::Ltr
    };
    LayoutOptions { direction, ..*opts }
}

/// Where the window of `text` starting at `start` ends: `window_bytes` on, at a character
/// boundary, or the end of the text.
fn window_end(text: &str, start: usize, window_bytes: usize) -> usize {
    ceil_boundary(text, start + window_bytes)
}

/// `at` moved on to the next character boundary (and into the text).
fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// [`lay_out`], with windows of `window_bytes` for paragraphs longer than that.
pub(super) fn lay_out_in_windows(
    text: &str,
    base: usize,
    opts: &LayoutOptions,
    with_cells: bool,
    window_bytes: usize,
    mut emit: impl FnMut(&mut LaidLine),
) {
    let build = if with_cells {
        Build::Cells
    } else {
        Build::Text
    };
    let mut emitted = false;
    if text.len() <= window_bytes {
        let whole = 0..text.len();
        lay_out_window(
            text,
            whole,
            base,
            opts,
            build,
            false,
            &mut emitted,
            &mut emit,
        );
        return;
    }
    let opts = window_options(text, opts);
    let mut start = 0;
    while start < text.len() {
        let end = window_end(text, start, window_bytes);
        let last = end == text.len();
        let laid = lay_out_window(
            text,
            start..end,
            base,
            &opts,
            build,
            !last,
            &mut emitted,
            &mut emit,
        );
        if last {
            break;
        }
        start += laid.kept;
    }
}

/// One window of a long paragraph as the reader keeps it: its rows (none when only counted),
/// how many there are, and where the next window starts (`None`: this is the last).
pub(super) struct Window {
    pub(super) rows: Vec<VisualRow>,
    pub(super) count: usize,
    pub(super) next: Option<usize>,
}

/// Lays out the window starting at byte `start` of paragraph `paragraph` (longer than
/// [`LONG_PARAGRAPH_BYTES`]), exactly as [`lay_out`] lays it out on its way through the
/// paragraph. `opts` carry the paragraph's own direction (see [`window_options`]). Without
/// `cells` the rows are only counted.
pub(super) fn lay_out_long_window(
    article: &Article,
    paragraph: usize,
    start: usize,
    opts: &LayoutOptions,
    cells: bool,
) -> Window {
    let range = article.paragraphs.get(paragraph).cloned().unwrap_or(0..0);
    let text = article.text.get(range.clone()).unwrap_or("");
    let end = window_end(text, start, LONG_PARAGRAPH_BYTES);
    let last = end == text.len();
    let mut rows = Vec::new();
    let build = if cells { Build::Cells } else { Build::Count };
    // an empty row stands for an empty paragraph only, which is never windowed
    let mut emitted = true;
    let laid = lay_out_window(
        text,
        start..end,
        range.start,
        opts,
        build,
        !last,
        &mut emitted,
        &mut |line: &mut LaidLine| rows.push(line.take_row(paragraph)),
    );
    Window {
        rows,
        count: laid.rows,
        next: (!last).then_some(start + laid.kept),
    }
}

/// The resolved levels of `window` of paragraph `para`, indexed from the window's start. A
/// window of a longer paragraph is analysed with [`BIDI_CONTEXT_BYTES`] around it, so its
/// edges resolve as they do in the whole paragraph.
pub(super) fn window_levels(
    para: &str,
    window: Range<usize>,
    direction: Direction,
) -> bidi::ParagraphLevels {
    if window.start == 0 && window.end == para.len() {
        return bidi::analyze(para, direction);
    }
    let mut from = window.start.saturating_sub(BIDI_CONTEXT_BYTES);
    while !para.is_char_boundary(from) {
        from -= 1;
    }
    let to = ceil_boundary(para, window.end + BIDI_CONTEXT_BYTES);
    let mut levels = bidi::analyze(&para[from..to], direction);
    levels.levels.truncate(window.end - from);
    levels.levels.drain(..window.start - from);
    levels.classes.truncate(window.end - from);
    levels.classes.drain(..window.start - from);
    levels
}

#[cfg(test)]
mod tests {
    use super::super::layout_text;
    use super::*;

    /// The rows of `text` laid out whole, however long, cell tables included.
    fn layout_rows_whole(text: &str, opts: &LayoutOptions) -> Vec<VisualRow> {
        let mut rows = Vec::new();
        let whole = 0..text.len();
        lay_out_window(
            text,
            whole,
            0,
            opts,
            Build::Cells,
            false,
            &mut false,
            &mut |line| {
                rows.push(line.take_row(0));
            },
        );
        rows
    }

    /// The rows of `text` laid out whole, however long.
    fn laid_out_whole(text: &str, opts: &LayoutOptions) -> Vec<(Range<usize>, String, bool)> {
        layout_rows_whole(text, opts)
            .into_iter()
            .map(|r| (r.logical, r.text, r.right_aligned))
            .collect()
    }

    #[test]
    fn a_long_paragraph_laid_out_in_windows_has_the_rows_of_laying_it_out_whole() {
        // Wikinews paragraphs joined into one, Arabic with Latin, digits and punctuation; and a
        // Latin one with Arabic words in it; in windows of 4 kB (64 kB in use)
        let wikinews = include_str!("../../tests/data/wikinews-ar.txt").replace('\n', " ");
        let arabic: String = wikinews.chars().take(20_000).collect();
        let latin = "The minister said (in Arabic: قال الوزير) that 2,500 came. ".repeat(500);
        for text in [&arabic, &latin] {
            for width in [1, 37, 80, 200] {
                let opts = LayoutOptions {
                    width,
                    ..LayoutOptions::default()
                };
                let mut windowed = Vec::new();
                lay_out_in_windows(text, 0, &opts, true, 4096, |line| {
                    windowed.push((line.logical.clone(), line.text.clone(), line.right_aligned));
                });
                let whole = laid_out_whole(text, &opts);
                assert_eq!(windowed.len(), whole.len(), "width {width}");
                for (w, o) in windowed.iter().zip(&whole) {
                    assert_eq!(w, o, "width {width}");
                }
            }
        }
        // the reader's and render's paths use windows of LONG_PARAGRAPH_BYTES
        let long = arabic.repeat(2 + LONG_PARAGRAPH_BYTES / arabic.len());
        let opts = LayoutOptions::default();
        let rows: Vec<_> = layout_text(&long, 0, 0, &opts)
            .into_iter()
            .map(|r| (r.logical, r.text, r.right_aligned))
            .collect();
        assert_eq!(rows, laid_out_whole(&long, &opts));
    }

    /// The rows of `text` laid out in windows of `window_bytes`, cell tables included.
    fn laid_out_in_windows(
        text: &str,
        opts: &LayoutOptions,
        window_bytes: usize,
    ) -> Vec<VisualRow> {
        let mut rows = Vec::new();
        lay_out_in_windows(text, 0, opts, true, window_bytes, |line| {
            rows.push(line.take_row(0));
        });
        rows
    }

    proptest::proptest! {
        /// Any paragraph of Arabic, Latin, digits, marks and punctuation, laid out in windows,
        /// has the rows of laying it out whole, cells and visual order included, in either
        /// direction, as long as a window holds two rows or more. Brackets come in pairs around
        /// a word, as in running text: a pair whose ends lie further apart than the bidi
        /// context of a window is what windows cannot see (see [`LONG_PARAGRAPH_BYTES`]).
        #[test]
        fn windows_give_the_rows_of_the_whole_paragraph(
            words in proptest::collection::vec((proptest::collection::vec(
                proptest::sample::select(vec![
                    'a', 'B', 'z', '1', '9', '0', '.', ',', '-', '"', '%', '$', '/', '+',
                    'ل', 'ا', 'أ', 'ب', 'ة', 'ي', 'ع', 'م', '\u{064E}', '\u{0651}', '\u{0660}',
                    '\u{0663}', '\u{060C}', '\u{061F}', '«', '»', '؛', 'é', 'ש', '😀', '\t',
                ]), 1..10), 0usize..6), 50..500),
            width in 1u16..60,
            direction in 0usize..3,
            window_bytes in 512usize..1500,
        ) {
            let text = words
                .iter()
                .map(|(w, brackets)| {
                    let word: String = w.iter().collect();
                    match brackets {
                        0 => format!("({word})"),
                        1 => format!("[{word}]"),
                        _ => word,
                    }
                })
                .collect::<Vec<_>>()
                .join(" ");
            let opts = LayoutOptions {
                width,
                direction: [Direction::Auto, Direction::Ltr, Direction::Rtl][direction],
                ..LayoutOptions::default()
            };
            let whole = layout_rows_whole(&text, &opts);
            let windowed = laid_out_in_windows(&text, &opts, window_bytes);
            proptest::prop_assert_eq!(windowed.len(), whole.len());
            for (w, o) in windowed.iter().zip(&whole) {
                proptest::prop_assert_eq!(w, o, "{:?}", text);
            }
        }
    }
}

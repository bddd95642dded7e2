//! Article + width + mode → visual rows. Each row is what one terminal line shows, already in
//! visual order, shaped and sanitised, with a cell table mapping every cell back to the byte
//! range of the article it shows (for highlighting, the cursor and the mouse). Layout is done
//! per paragraph and cached per (paragraph, options), so only what is visible is ever laid out.

use std::ops::Range;

use crate::article::Article;
use crate::text::bidi;
pub use crate::text::bidi::{BidiMode, Direction};
use crate::text::cluster;
use crate::text::sanitize::display_char;
use crate::text::shape;
use crate::text::width::{cluster_width, is_breaking_space, simple_char_width};
use crate::text::wrap::{self, Break, WrapUnit};

mod cache;
mod window;
pub use cache::{CACHE_CELL_LIMIT, LayoutCache, RowPos};
pub use window::LONG_PARAGRAPH_BYTES;
use window::{lay_out_in_windows, window_levels};

/// Everything that changes the rows of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LayoutOptions {
    pub width: u16,
    pub mode: BidiMode,
    pub direction: Direction,
    /// Columns a tab takes (tabs are expanded to spaces, never sent to the terminal).
    pub tab_width: u8,
    /// Show bidi controls and marks as visible symbols.
    pub reveal_controls: bool,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            width: 80,
            mode: BidiMode::App,
            direction: Direction::Auto,
            tab_width: 4,
            reveal_controls: false,
        }
    }
}

/// One drawn cell (or a wide cell): where it is on the row and what it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// Column within the row's content (alignment padding not included).
    pub x: u16,
    pub width: u8,
    /// Bytes of the article shown by this cell (a ligature covers lam and alef; a base letter
    /// covers its marks; invisible characters belong to a neighbouring cell).
    pub logical: Range<usize>,
    /// Bytes of [`VisualRow::text`] drawn in this cell.
    pub text: Range<usize>,
}

/// One terminal line of an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisualRow {
    pub paragraph: usize,
    /// Bytes of the article shown on this row (whitespace dropped at a break belongs to none).
    pub logical: Range<usize>,
    /// The row as drawn, left to right, without alignment padding.
    pub text: String,
    /// Columns taken by `text`.
    pub width: u16,
    /// The paragraph's base direction is right-to-left.
    pub rtl: bool,
    /// Cells in visual order, left to right.
    pub cells: Vec<Cell>,
    right_aligned: bool,
}

impl VisualRow {
    /// Columns of padding before the row on a screen `width` wide (RTL rows are right-aligned).
    pub fn indent(&self, width: u16) -> u16 {
        if self.right_aligned {
            width.saturating_sub(self.width)
        } else {
            0
        }
    }

    /// The drawn text of one cell.
    pub fn cell_text(&self, cell: &Cell) -> &str {
        self.text.get(cell.text.clone()).unwrap_or("")
    }

    /// The cell covering content column `col` (padding excluded).
    pub fn cell_at(&self, col: u16) -> Option<&Cell> {
        let i = self
            .cells
            .partition_point(|c| c.x + u16::from(c.width) <= col);
        self.cells.get(i).filter(|c| c.x <= col)
    }

    /// The cells showing any byte of `range`, in visual order.
    pub fn cells_in<'a>(&'a self, range: &'a Range<usize>) -> impl Iterator<Item = &'a Cell> + 'a {
        self.cells
            .iter()
            .filter(move |c| c.logical.start < range.end && range.start < c.logical.end)
    }
}

/// A piece of the paragraph that is never split: a grapheme cluster, or a lam-alef ligature,
/// together with any invisible characters attached to it.
#[derive(Debug, PartialEq, Eq)]
struct Unit {
    /// Byte range within the paragraph.
    range: Range<usize>,
    /// Range of the display text in the paragraph's display buffer.
    display: Range<usize>,
    width: usize,
    space: bool,
    /// Paragraph byte whose bidi level the unit takes.
    level_at: usize,
}

/// Lays out one paragraph of an article. An empty paragraph yields one empty row; an index
/// out of range yields nothing.
pub fn layout_paragraph(
    article: &Article,
    paragraph: usize,
    opts: &LayoutOptions,
) -> Vec<VisualRow> {
    let Some(range) = article.paragraphs.get(paragraph) else {
        return Vec::new();
    };
    let text = article.text.get(range.clone()).unwrap_or("");
    layout_text(text, range.start, paragraph, opts)
}

/// [`layout_text`] without the cell tables (`cells` is empty): for printing, where nothing
/// maps columns back to the text. Building them was a fifth of `isnad render`'s work.
pub fn layout_text_printed(
    text: &str,
    base: usize,
    paragraph: usize,
    opts: &LayoutOptions,
) -> Vec<VisualRow> {
    layout_rows(text, base, paragraph, opts, false)
}

/// Lays out `text` (one paragraph, no newline) that starts at byte `base` of the article.
pub fn layout_text(
    text: &str,
    base: usize,
    paragraph: usize,
    opts: &LayoutOptions,
) -> Vec<VisualRow> {
    layout_rows(text, base, paragraph, opts, true)
}

fn layout_rows(
    text: &str,
    base: usize,
    paragraph: usize,
    opts: &LayoutOptions,
    with_cells: bool,
) -> Vec<VisualRow> {
    let mut rows = Vec::new();
    lay_out(text, base, opts, with_cells, |line| {
        rows.push(line.take_row(paragraph))
    });
    rows
}

/// Appends the rows of paragraph `text` to `out` as `isnad render` prints them: each row
/// padded on the left when right-aligned on a screen `opts.width` wide, then a newline. The
/// same rows as [`layout_text`], without building a [`VisualRow`] for each.
pub fn print_paragraph(text: &str, opts: &LayoutOptions, out: &mut Vec<u8>) {
    lay_out(text, 0, opts, false, |line| {
        if line.right_aligned {
            let pad = opts.width.saturating_sub(line.width);
            out.resize(out.len() + usize::from(pad), b' ');
        }
        out.extend_from_slice(line.text.as_bytes());
        out.push(b'\n');
    });
}

/// A row as it is laid out, handed to the caller of [`lay_out`], which reuses it for the next.
struct LaidLine {
    logical: Range<usize>,
    text: String,
    width: u16,
    cells: Vec<Cell>,
    rtl: bool,
    right_aligned: bool,
}

/// What laying out a window builds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Build {
    /// Only how many rows there are and where the next window starts.
    Count,
    /// The rows' text, without cell tables.
    Text,
    /// The rows with their cell tables.
    Cells,
}

/// What laying out one window gave: how many bytes of it the emitted rows cover and how many
/// rows were emitted (or counted).
struct Laid {
    kept: usize,
    rows: usize,
}

/// Lays out one paragraph and calls `emit` with each row, top to bottom.
fn lay_out(
    text: &str,
    base: usize,
    opts: &LayoutOptions,
    with_cells: bool,
    emit: impl FnMut(&mut LaidLine),
) {
    lay_out_in_windows(text, base, opts, with_cells, LONG_PARAGRAPH_BYTES, emit);
}

impl LaidLine {
    fn take_row(&mut self, paragraph: usize) -> VisualRow {
        VisualRow {
            paragraph,
            logical: self.logical.clone(),
            text: self.text.clone(),
            width: self.width,
            rtl: self.rtl,
            cells: std::mem::take(&mut self.cells),
            right_aligned: self.right_aligned,
        }
    }
}

/// Lays out `window` of paragraph `para` (the whole paragraph, or a window of a long one; `base`
/// is the paragraph's offset in the article) and emits its rows. With `hold_last`, the last
/// row is not emitted (the next window starts with it): the bytes of the window the emitted
/// rows covered are at least one row's worth. An empty row is emitted when the window has no
/// row and nothing was `emitted` before. [`Build::Count`] emits nothing and only counts.
#[allow(clippy::too_many_arguments)]
fn lay_out_window(
    para: &str,
    window: Range<usize>,
    base: usize,
    opts: &LayoutOptions,
    build: Build,
    hold_last: bool,
    emitted: &mut bool,
    emit: &mut impl FnMut(&mut LaidLine),
) -> Laid {
    let text = para.get(window.clone()).unwrap_or("");
    let base = base + window.start;
    let width = usize::from(opts.width.max(1));
    let levels = match opts.mode {
        BidiMode::App if !text.is_empty() && build != Build::Count => {
            Some(window_levels(para, window.clone(), opts.direction))
        }
        _ => None,
    };
    let rtl = match &levels {
        Some(p) => p.is_rtl(),
        None => bidi::is_rtl_paragraph(text, opts.direction),
    };
    let mut row = LaidLine {
        logical: base..base,
        text: String::new(),
        width: 0,
        cells: Vec::new(),
        rtl,
        right_aligned: rtl && opts.mode != BidiMode::Off,
    };
    if text.is_empty() {
        if build != Build::Count {
            emit(&mut row);
        }
        *emitted = true;
        return Laid { kept: 0, rows: 1 };
    }

    let (units, display) = build_units(text, opts, width);
    let wrap_units = break_opportunities(text, &units);
    let mut lines = wrap::wrap(&wrap_units, width);
    // Where the rows kept end: the start of the first held row, or the whole window.
    let mut kept = text.len();
    if hold_last && lines.len() > 1 {
        let start_of =
            |line: &Range<usize>| units.get(line.start).map_or(text.len(), |u| u.range.start);
        // The next window starts with a row before the last, or better the last such row
        // after a space, so that no letter there joins one before it (shaping sees only its
        // window). Not with the last row: where it starts can depend on the text the window
        // cut off (two tabs and a haraka at the cut started it one tab early), while a row
        // before it ends inside the window.
        let restart_rows = if lines.len() > 2 {
            1..lines.len() - 1
        } else {
            1..lines.len()
        };
        let fallback = restart_rows.end - 1;
        let after_space = restart_rows
            .rev()
            .find(|&k| text[..start_of(&lines[k])].ends_with(char::is_whitespace))
            .unwrap_or(fallback);
        kept = start_of(&lines[after_space]);
        lines.truncate(after_space);
    }
    let mut count = lines.iter().filter(|line| !line.is_empty()).count();
    if build != Build::Count {
        // Reused from line to line: most paragraphs have several.
        let mut line_levels = Vec::new();
        let mut unit_levels = Vec::new();
        let mut order: Vec<usize> = Vec::new();
        for line in lines {
            let line_units = &units[line];
            let (Some(first), Some(last)) = (line_units.first(), line_units.last()) else {
                continue;
            };
            let byte_range = first.range.start..last.range.end;
            order.clear();
            match &levels {
                Some(p) if !p.pure_ltr || p.is_rtl() => {
                    bidi::unit_levels_into(
                        p,
                        byte_range.clone(),
                        line_units.iter().map(|u| u.level_at),
                        &mut line_levels,
                        &mut unit_levels,
                    );
                    bidi::visual_order_into(&unit_levels, &mut order);
                    for entry in &mut order {
                        if unit_levels.get(*entry).is_some_and(|l| l.is_rtl()) {
                            *entry |= MIRROR_FLAG;
                        }
                    }
                }
                _ => order.extend(0..line_units.len()),
            }
            row.logical = base + byte_range.start..base + byte_range.end;
            row.text.clear();
            row.text.reserve(display_len(line_units));
            row.cells.clear();
            let with_cells = build == Build::Cells;
            if with_cells {
                row.cells.reserve(line_units.len());
            }
            let mut x = 0usize;
            for &entry in &order {
                let unit = &line_units[entry & !MIRROR_FLAG];
                let shown = &display[unit.display.clone()];
                let start = row.text.len();
                // Arabic letters and their presentation forms (lead bytes D8–DB, EF) never
                // mirror, and they are nearly everything at an RTL level.
                let mirrored = (entry & MIRROR_FLAG != 0
                    && !matches!(shown.as_bytes().first(), Some(0xD8..=0xDB | 0xEF)))
                .then(|| single_char(shown).and_then(bidi::mirror))
                .flatten();
                match mirrored {
                    Some(m) => row.text.push(m),
                    None => row.text.push_str(shown),
                }
                if with_cells {
                    row.cells.push(Cell {
                        x: clamp_u16(x),
                        width: u8::try_from(unit.width).unwrap_or(u8::MAX),
                        logical: base + unit.range.start..base + unit.range.end,
                        text: start..row.text.len(),
                    });
                }
                x += unit.width;
            }
            row.width = clamp_u16(x);
            emit(&mut row);
        }
    }
    if count > 0 {
        *emitted = true;
    }
    if !*emitted && !hold_last {
        row.logical = base..base;
        row.text.clear();
        row.cells.clear();
        row.width = 0;
        if build != Build::Count {
            emit(&mut row);
        }
        count += 1;
        *emitted = true;
    }
    Laid { kept, rows: count }
}

/// High bit on a visual-order entry: the unit sits at an RTL level and mirrors (L4).
const MIRROR_FLAG: usize = 1 << (usize::BITS - 1);

fn clamp_u16(x: usize) -> u16 {
    u16::try_from(x).unwrap_or(u16::MAX)
}

fn display_len(units: &[Unit]) -> usize {
    units.iter().map(|u| u.display.len()).sum()
}

/// The characters of a cluster of simple text (see [`cluster::ClusterIndices::is_simple`]):
/// each is one ASCII byte or two bytes of U+0600–U+06FF, decoded without the general decoder.
fn simple_chars(cluster: &str) -> impl Iterator<Item = char> + '_ {
    let bytes = cluster.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let lead = *bytes.get(i)?;
        if lead < 0x80 {
            i += 1;
            return Some(char::from(lead));
        }
        let next = *bytes.get(i + 1)?;
        i += 2;
        char::from_u32((u32::from(lead & 0x1F) << 6) | u32::from(next & 0x3F))
    })
}

fn single_char(s: &str) -> Option<char> {
    let mut it = s.chars();
    let c = it.next()?;
    it.next().is_none().then_some(c)
}

/// Splits a paragraph into units with their display text and width.
fn build_units(text: &str, opts: &LayoutOptions, width: usize) -> (Vec<Unit>, String) {
    build_units_with(text, opts, width, true)
}

/// [`build_units`]; `fast` lets clusters of the common characters (see
/// [`cluster::ClusterIndices::is_simple`]) skip the per-character checks that cannot apply to
/// them. Tests compare both ways.
fn build_units_with(
    text: &str,
    opts: &LayoutOptions,
    width: usize,
    fast: bool,
) -> (Vec<Unit>, String) {
    let slots =
        (opts.mode == BidiMode::App && shape::needs_shaping(text)).then(|| shape::shape(text));
    let mut display = String::with_capacity(text.len() + 16);
    let mut units: Vec<Unit> = Vec::with_capacity(text.len() / 2 + 1);
    let mut char_index = 0usize;
    // A lam whose glyph moved into the next alef's ligature: its unit joins the next one.
    let mut pending_forward: Option<Unit> = None;
    let clusters = cluster::cluster_indices(text);
    let simple = fast && clusters.is_simple();

    for (start, cluster) in clusters {
        let d_start = display.len();
        let mut lam_slot = false;
        let mut first_char = None;
        // A space with a combining mark on it shows the mark: it is not a droppable space.
        let mut space = true;
        // Width summed while the cluster is built, while every drawn char has a simple width;
        // otherwise the cluster is measured whole afterwards.
        let mut simple_width = Some(0usize);
        if simple {
            // Printable ASCII, Arabic letters and marks, and their presentation forms: never a
            // tab, a control or an invisible character, so each is drawn as shaped, and the
            // only breaking space is a lone U+0020.
            space = cluster == " ";
            let mut sum = 0;
            let mut measure = false;
            for c in simple_chars(cluster) {
                let shaped = match &slots {
                    Some(s) => s.get(char_index).copied().flatten(),
                    None => Some(c),
                };
                char_index += 1;
                match shaped {
                    Some(d) => {
                        display.push(d);
                        match simple_char_width(d) {
                            Some(w) => sum += w,
                            None => measure = true,
                        }
                    }
                    None => lam_slot = true,
                }
            }
            simple_width = (!measure).then_some(sum);
        } else {
            for c in cluster.chars() {
                first_char.get_or_insert(c);
                space &= is_breaking_space(c);
                let shaped = match &slots {
                    Some(s) => s.get(char_index).copied().flatten(),
                    None => Some(c),
                };
                char_index += 1;
                let Some(shaped) = shaped else {
                    lam_slot = true;
                    continue;
                };
                if shaped == '\t' {
                    for _ in 0..opts.tab_width.max(1) {
                        display.push(' ');
                    }
                    simple_width = simple_width.map(|w| w + usize::from(opts.tab_width.max(1)));
                    continue;
                }
                if let Some(d) = display_char(shaped, opts.reveal_controls) {
                    display.push(d);
                    simple_width = simple_width.zip(simple_char_width(d)).map(|(w, x)| w + x);
                }
            }
        }
        let mut w = if first_char == Some('\t') {
            usize::from(opts.tab_width.max(1))
        } else {
            simple_width.unwrap_or_else(|| cluster_width(&display[d_start..]))
        };
        if w > width {
            // Only a wide character on a line narrower than it: show a marker that fits.
            display.truncate(d_start);
            display.push('\u{FFFD}');
            w = 1;
        }
        let mut unit = Unit {
            range: start..start + cluster.len(),
            display: d_start..display.len(),
            width: w,
            space,
            level_at: start,
        };
        if let Some(held) = pending_forward.take() {
            // The held zero-width unit (a lam whose glyph is in this ligature, or marks and
            // invisibles that had no visible unit before them) joins this one. Base first:
            // marks must follow a base to attach to it.
            let base = display[unit.display.clone()].to_owned();
            let marks = display[held.display.clone()].to_owned();
            let merged_start = display.len();
            display.push_str(&base);
            display.push_str(&marks);
            unit.range.start = held.range.start;
            unit.display = merged_start..display.len();
            // A space now carrying a mark or an invisible character must not be dropped at a
            // break, or they would vanish with it.
            unit.space = false;
        }
        if w == 0 {
            match units.last_mut() {
                // Invisible or combining-only cluster: it belongs to the cell before it...
                Some(prev) if !lam_slot && !prev.space => {
                    prev.range.end = unit.range.end;
                    if prev.display.end == unit.display.start {
                        prev.display.end = unit.display.end;
                    } else {
                        let extra = display[unit.display.clone()].to_owned();
                        let old = display[prev.display.clone()].to_owned();
                        let merged_start = display.len();
                        display.push_str(&old);
                        display.push_str(&extra);
                        prev.display = merged_start..display.len();
                    }
                }
                // ...unless that is a space that may be dropped at a break, or there is none.
                _ => pending_forward = Some(unit),
            }
            continue;
        }
        units.push(unit);
    }
    if let Some(held) = pending_forward {
        match units.last_mut() {
            Some(prev) => {
                let extra = display[held.display.clone()].to_owned();
                let old = display[prev.display.clone()].to_owned();
                let merged_start = display.len();
                display.push_str(&old);
                display.push_str(&extra);
                prev.range.end = held.range.end;
                prev.display = merged_start..display.len();
                // A space that now carries a visible-to-the-file character is no longer dropped.
                prev.space = false;
            }
            None => units.push(held),
        }
    }
    (units, display)
}

/// Marks where UAX #14 allows or requires a break before each unit.
fn break_opportunities(text: &str, units: &[Unit]) -> Vec<WrapUnit> {
    let mut out: Vec<WrapUnit> = units
        .iter()
        .map(|u| WrapUnit {
            width: u.width,
            space: u.space,
            break_before: Break::No,
        })
        .collect();
    let mut ui = 0;
    for (pos, op) in unicode_linebreak::linebreaks(text) {
        if pos >= text.len() {
            break;
        }
        while ui < units.len() && units[ui].range.start < pos {
            ui += 1;
        }
        if ui < units.len() && units[ui].range.start == pos {
            out[ui].break_before = match op {
                unicode_linebreak::BreakOpportunity::Mandatory => Break::Mandatory,
                unicode_linebreak::BreakOpportunity::Allowed => Break::Allowed,
            };
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The fast path for common characters builds the same units as the general one.
        #[test]
        fn simple_clusters_build_the_same_units(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                'a', ' ', '(', ')', '1', '.', '~', 'ل', 'ا', 'أ', 'ب', 'ة', 'ى', 'ء', 'د',
                '\u{064E}', '\u{0651}', '\u{0670}', '\u{0610}', '\u{06D6}', '\u{0640}',
                '\u{0660}', '\u{060C}', '\u{061F}', '\u{06F0}', '\u{06C1}', '\u{06FF}',
            ]), 0..40),
            width in 1u16..12,
            mode in 0usize..3,
        ) {
            let text: String = chars.into_iter().collect();
            let opts = LayoutOptions {
                width,
                mode: [BidiMode::App, BidiMode::Terminal, BidiMode::Off][mode],
                ..LayoutOptions::default()
            };
            proptest::prop_assert!(cluster::cluster_indices(&text).is_simple());
            let fast = build_units_with(&text, &opts, usize::from(width), true);
            let general = build_units_with(&text, &opts, usize::from(width), false);
            proptest::prop_assert_eq!(fast, general, "{:?}", text);
        }
    }

    fn rows(text: &str, width: u16) -> Vec<VisualRow> {
        let opts = LayoutOptions {
            width,
            ..LayoutOptions::default()
        };
        layout_text(text, 0, 0, &opts)
    }

    fn texts(text: &str, width: u16) -> Vec<String> {
        rows(text, width).into_iter().map(|r| r.text).collect()
    }

    #[test]
    fn arabic_sentence_is_reversed_and_shaped() {
        // سلام عليكم: the first word is drawn on the right
        let r = texts("سلام عليكم", 80);
        assert_eq!(
            r,
            vec!["\u{FEE2}\u{FEDC}\u{FEF4}\u{FEE0}\u{FECB} \u{FEE1}\u{FEFC}\u{FEB3}"]
        );
        let row = &rows("سلام عليكم", 80)[0];
        assert!(row.rtl);
        assert_eq!(row.width, 9);
        assert_eq!(row.indent(20), 11);
        // the ligature cell covers lam and alef
        let lig = row
            .cells
            .iter()
            .find(|c| row.cell_text(c) == "\u{FEFC}")
            .expect("ligature");
        assert_eq!(&"سلام عليكم"[lig.logical.clone()], "لا");
    }

    #[test]
    fn numbers_and_latin_stay_ltr_inside_arabic() {
        let r = texts("عدد 123 من BBC", 80);
        assert_eq!(r.len(), 1);
        assert!(r[0].starts_with("BBC "), "{:?}", r[0]);
        assert!(r[0].contains(" 123 "), "{:?}", r[0]);
    }

    #[test]
    fn brackets_mirror_in_rtl() {
        // (قسد) must show the opening bracket on the right: visual ")...(" becomes "(...)" drawn
        let r = texts("(قسد)", 80);
        assert_eq!(r, vec!["(\u{FEAA}\u{FEB4}\u{FED7})"]);
    }

    #[test]
    fn harakat_stay_after_their_base() {
        let r = texts("بَب", 80);
        // visual: final beh, then initial beh followed by its fatha
        assert_eq!(r, vec!["\u{FE90}\u{FE91}\u{064E}"]);
        let row = &rows("بَب", 80)[0];
        assert_eq!(row.cells.len(), 2);
        assert_eq!(row.width, 2);
    }

    #[test]
    fn wraps_in_logical_order() {
        // the first row holds the first words
        let text = "واحد اثنان ثلاثة اربعة";
        let r = rows(text, 11);
        assert_eq!(&text[r[0].logical.clone()], "واحد اثنان");
        assert_eq!(&text[r[1].logical.clone()], "ثلاثة اربعة");
        for row in &r {
            assert!(row.width <= 11);
        }
    }

    #[test]
    fn controls_never_reach_the_row() {
        let r = texts("a\u{1B}[31mb\u{7}", 80);
        assert_eq!(r, vec!["a␛[31mb␇"]);
    }

    #[test]
    fn empty_and_odd_paragraphs() {
        assert_eq!(rows("", 10).len(), 1);
        assert_eq!(rows("   ", 1).len(), 1);
        assert_eq!(texts("\u{064E}", 10), vec!["\u{064E}"]);
        let r = rows("\u{064E}ب", 10);
        assert_eq!(r[0].cells.len(), 1);
        assert_eq!(r[0].cells[0].logical, 0..4);
        assert_eq!(texts("ب\u{200D}لا", 10), vec!["\u{FEFC}\u{FE91}"]);
        assert_eq!(texts("😀", 1), vec!["\u{FFFD}"]);
        assert_eq!(texts("a\tb", 10), vec!["a    b"]);
    }

    #[test]
    fn terminal_and_off_modes_keep_logical_order() {
        let mut opts = LayoutOptions {
            mode: BidiMode::Terminal,
            ..LayoutOptions::default()
        };
        let r = layout_text("سلام", 0, 0, &opts);
        assert_eq!(r[0].text, "سلام");
        assert_eq!(r[0].indent(10), 6);
        opts.mode = BidiMode::Off;
        let r = layout_text("سلام", 0, 0, &opts);
        assert_eq!(r[0].indent(10), 0);
    }

    #[test]
    fn rows_without_cells_are_the_same_rows() {
        let text = format!(
            "{}\nab (قسد) 123 لا\t\u{202E}x\u{064E}\n\n",
            include_str!("../tests/data/wikinews-ar.txt")
        );
        let article = Article::from_text("t", text);
        for width in [7u16, 40, 80] {
            let opts = LayoutOptions {
                width,
                ..LayoutOptions::default()
            };
            for p in 0..article.paragraphs.len() {
                let full = layout_paragraph(&article, p, &opts);
                let range = article.paragraphs[p].clone();
                let bare = layout_text_printed(&article.text[range.clone()], range.start, p, &opts);
                assert_eq!(full.len(), bare.len());
                for (f, b) in full.iter().zip(&bare) {
                    assert!(b.cells.is_empty());
                    assert_eq!(
                        VisualRow {
                            cells: Vec::new(),
                            ..f.clone()
                        },
                        *b
                    );
                }
            }
        }
    }

    #[test]
    fn cell_lookup() {
        let row = &rows("ab cd", 80)[0];
        assert_eq!(row.cell_at(0).map(|c| c.logical.clone()), Some(0..1));
        assert_eq!(row.cell_at(4).map(|c| c.logical.clone()), Some(4..5));
        assert!(row.cell_at(5).is_none());
    }

    #[test]
    fn cache_and_scrolling() {
        let article = Article::from_text("t", "a b c d\n\nword".into());
        let opts = LayoutOptions {
            width: 3,
            ..LayoutOptions::default()
        };
        let mut cache = LayoutCache::new();
        // paragraph 0 has rows "a b", "c d"; paragraph 1 one empty row; paragraph 2 "wor", "d"
        let last = cache.last_row(&article, &opts);
        assert_eq!(last, RowPos::new(2, 1));
        let p = cache.step(&article, &opts, RowPos::default(), 3);
        assert_eq!(p, RowPos::new(2, 0));
        assert_eq!(cache.step(&article, &opts, p, -3), RowPos::default());
        assert_eq!(cache.step(&article, &opts, p, 100), last);
        let vis = cache.visible(&article, &opts, RowPos::new(0, 1), 3);
        assert_eq!(vis.len(), 3);
        assert_eq!(vis[2].0, RowPos::new(2, 0));
    }
}

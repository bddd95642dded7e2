//! The layout cache of the reader: laid-out rows kept per (paragraph, window, options), the
//! least recently used dropped past a number of cells, and moving through the article by rows
//! ([`RowPos`]) without laying out more than is passed over. A paragraph longer than
//! [`LONG_PARAGRAPH_BYTES`] is laid out a window at a time, as `isnad render` does, so a 10 MB
//! line costs the memory of the few windows near the screen, not of its 70,000 rows.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::article::Article;

use super::window::{LONG_PARAGRAPH_BYTES, lay_out_long_window, window_options};
use super::{LayoutOptions, VisualRow, layout_paragraph};

/// A position in the laid-out article: a row of a window of a paragraph. A paragraph up to
/// [`LONG_PARAGRAPH_BYTES`] is one window; a longer one is cut into windows whose rows are
/// those of the whole paragraph. Ordered as the rows are read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RowPos {
    pub paragraph: usize,
    /// Window of the paragraph (0 unless it is long).
    pub window: usize,
    /// Row within the window.
    pub row: usize,
}

impl RowPos {
    /// Row `row` of a paragraph that is one window.
    pub fn new(paragraph: usize, row: usize) -> Self {
        Self {
            paragraph,
            window: 0,
            row,
        }
    }

    /// The first row after this one's window: of the next window, or of the next paragraph
    /// after the `last` window of this one.
    fn after_window(self, last: bool) -> Self {
        if last {
            Self::new(self.paragraph + 1, 0)
        } else {
            Self {
                window: self.window + 1,
                row: 0,
                ..self
            }
        }
    }
}

/// Cells (and rows) kept before the least recently used windows are dropped: some 5 MB,
/// dozens of screens of ordinary paragraphs, three or four windows of a long one.
pub const CACHE_CELL_LIMIT: usize = 120_000;

type Key = (usize, usize, LayoutOptions);

struct Entry {
    rows: Arc<[VisualRow]>,
    cells: usize,
    used: u64,
}

/// Where the windows of a long paragraph start and how many rows each has, found by laying
/// them out in order (each starts where a row of the one before started). Kept for the
/// paragraph's lifetime in the cache: a few bytes a window.
struct Windows {
    opts: LayoutOptions,
    /// Byte offsets within the paragraph; one more than `rows` until the last is known.
    starts: Vec<usize>,
    rows: Vec<usize>,
    complete: bool,
}

/// Laid-out rows kept for reuse. Bounded by [`CACHE_CELL_LIMIT`] (or the limit given to
/// [`LayoutCache::with_cell_limit`]): the least recently used windows are dropped first, so
/// memory stays what was recently shown.
pub struct LayoutCache {
    entries: HashMap<Key, Entry>,
    by_use: BTreeMap<u64, Key>,
    clock: u64,
    cells: usize,
    limit: usize,
    windows: HashMap<(usize, LayoutOptions), Windows>,
}

impl Default for LayoutCache {
    fn default() -> Self {
        Self::with_cell_limit(CACHE_CELL_LIMIT)
    }
}

/// What a row costs the cache: its cells, and one for the row itself.
fn cost(rows: &[VisualRow]) -> usize {
    rows.iter().map(|r| r.cells.len() + 1).sum()
}

impl LayoutCache {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_cell_limit(limit: usize) -> Self {
        Self {
            entries: HashMap::new(),
            by_use: BTreeMap::new(),
            clock: 0,
            cells: 0,
            limit,
            windows: HashMap::new(),
        }
    }

    /// Forgets everything (after the article text changes).
    pub fn clear(&mut self) {
        self.entries.clear();
        self.by_use.clear();
        self.windows.clear();
        self.cells = 0;
    }

    /// Number of windows (whole paragraphs, or windows of long ones) currently kept.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Cells (and rows) currently kept: what [`CACHE_CELL_LIMIT`] bounds.
    pub fn cells(&self) -> usize {
        self.cells
    }

    fn is_long(article: &Article, paragraph: usize) -> bool {
        article
            .paragraphs
            .get(paragraph)
            .is_some_and(|r| r.len() > LONG_PARAGRAPH_BYTES)
    }

    /// The rows of window `window` of `paragraph`, laid out on first use; `None` past the
    /// last window or paragraph.
    pub fn window(
        &mut self,
        article: &Article,
        paragraph: usize,
        window: usize,
        opts: &LayoutOptions,
    ) -> Option<Arc<[VisualRow]>> {
        if paragraph >= article.paragraphs.len() {
            return None;
        }
        let key = (paragraph, window, *opts);
        self.clock += 1;
        if let Some(entry) = self.entries.get_mut(&key) {
            self.by_use.remove(&entry.used);
            entry.used = self.clock;
            self.by_use.insert(self.clock, key);
            return Some(Arc::clone(&entry.rows));
        }
        let rows: Arc<[VisualRow]> = if Self::is_long(article, paragraph) {
            let start = self.window_start(article, paragraph, window, opts)?;
            let index = self.windows.get_mut(&(paragraph, *opts))?;
            let laid = lay_out_long_window(article, paragraph, start, &index.opts, true);
            index.record(window, laid.count, laid.next);
            laid.rows.into()
        } else if window == 0 {
            layout_paragraph(article, paragraph, opts).into()
        } else {
            return None;
        };
        self.keep(key, Arc::clone(&rows));
        Some(rows)
    }

    /// Puts rows in the cache, then drops the least recently used others past the limit.
    fn keep(&mut self, key: Key, rows: Arc<[VisualRow]>) {
        let cells = cost(&rows);
        self.cells += cells;
        self.by_use.insert(self.clock, key);
        self.entries.insert(
            key,
            Entry {
                rows,
                cells,
                used: self.clock,
            },
        );
        while self.cells > self.limit && self.entries.len() > 1 {
            let Some((_, oldest)) = self.by_use.pop_first() else {
                break;
            };
            if let Some(entry) = self.entries.remove(&oldest) {
                self.cells -= entry.cells;
            }
        }
    }

    /// The window index of a long paragraph, made on first use.
    fn index(&mut self, article: &Article, paragraph: usize, opts: &LayoutOptions) -> &mut Windows {
        self.windows
            .entry((paragraph, *opts))
            .or_insert_with(|| Windows {
                opts: window_options(article.paragraph_text(paragraph), opts),
                starts: vec![0],
                rows: Vec::new(),
                complete: false,
            })
    }

    /// Counts the rows of the next window of a long paragraph not yet known; false when all
    /// are known.
    fn extend(&mut self, article: &Article, paragraph: usize, opts: &LayoutOptions) -> bool {
        let index = self.index(article, paragraph, opts);
        if index.complete {
            return false;
        }
        let window = index.rows.len();
        let Some(&start) = index.starts.get(window) else {
            return false;
        };
        let laid = lay_out_long_window(article, paragraph, start, &index.opts, false);
        index.record(window, laid.count, laid.next);
        true
    }

    /// Where window `window` of a long paragraph starts, counting the windows before it.
    fn window_start(
        &mut self,
        article: &Article,
        paragraph: usize,
        window: usize,
        opts: &LayoutOptions,
    ) -> Option<usize> {
        loop {
            let index = self.index(article, paragraph, opts);
            if let Some(&start) = index.starts.get(window) {
                return Some(start);
            }
            if !self.extend(article, paragraph, opts) {
                return None;
            }
        }
    }

    /// How many rows window `window` of `paragraph` has, and whether it is the paragraph's
    /// last; `None` when there is no such window.
    fn window_rows(
        &mut self,
        article: &Article,
        paragraph: usize,
        window: usize,
        opts: &LayoutOptions,
    ) -> Option<(usize, bool)> {
        if !Self::is_long(article, paragraph) {
            return self
                .window(article, paragraph, window, opts)
                .map(|r| (r.len(), true));
        }
        loop {
            let index = self.index(article, paragraph, opts);
            if let Some(&rows) = index.rows.get(window) {
                return Some((rows, index.complete && window + 1 == index.rows.len()));
            }
            if !self.extend(article, paragraph, opts) {
                return None;
            }
        }
    }

    /// The last window of a paragraph (for a long one, every window is counted first).
    fn last_window(&mut self, article: &Article, paragraph: usize, opts: &LayoutOptions) -> usize {
        if !Self::is_long(article, paragraph) {
            return 0;
        }
        while self.extend(article, paragraph, opts) {}
        self.index(article, paragraph, opts)
            .rows
            .len()
            .saturating_sub(1)
    }

    /// How many windows paragraph `paragraph` has (counting them all).
    pub fn window_count(
        &mut self,
        article: &Article,
        paragraph: usize,
        opts: &LayoutOptions,
    ) -> usize {
        self.last_window(article, paragraph, opts) + 1
    }

    /// The row showing byte `at` of the article (the last row starting at or before it).
    pub fn row_of(&mut self, article: &Article, opts: &LayoutOptions, at: usize) -> RowPos {
        let paragraph = article.paragraph_at(at);
        let mut window = 0;
        if Self::is_long(article, paragraph) {
            let offset = at.saturating_sub(article.paragraphs[paragraph].start);
            loop {
                let index = self.index(article, paragraph, opts);
                if index.complete || index.starts.last().is_some_and(|&s| s > offset) {
                    let known = if index.complete {
                        index.rows.len()
                    } else {
                        index.starts.len() - 1
                    };
                    let after = index.starts[..known].partition_point(|&s| s <= offset);
                    window = after.saturating_sub(1);
                    break;
                }
                if !self.extend(article, paragraph, opts) {
                    break;
                }
            }
        }
        let row = self
            .window(article, paragraph, window, opts)
            .and_then(|rows| {
                rows.iter()
                    .rposition(|r| r.logical.start <= at && !r.logical.is_empty())
            })
            .unwrap_or(0);
        RowPos {
            paragraph,
            window,
            row,
        }
    }

    /// The visual row at `pos`, with the rows of its window.
    pub fn rows_at(
        &mut self,
        article: &Article,
        opts: &LayoutOptions,
        pos: RowPos,
    ) -> Option<Arc<[VisualRow]>> {
        self.window(article, pos.paragraph, pos.window, opts)
    }

    /// Moves `pos` by `delta` rows (negative = up), stopping at the first and last rows.
    pub fn step(
        &mut self,
        article: &Article,
        opts: &LayoutOptions,
        mut pos: RowPos,
        delta: isize,
    ) -> RowPos {
        let count = article.paragraphs.len();
        if count == 0 {
            return RowPos::default();
        }
        if pos.paragraph >= count {
            pos = RowPos::new(count - 1, 0);
        }
        let mut remaining = delta.unsigned_abs();
        if delta >= 0 {
            while remaining > 0 {
                let Some((rows, last)) = self.window_rows(article, pos.paragraph, pos.window, opts)
                else {
                    break;
                };
                let left_here = rows.saturating_sub(1).saturating_sub(pos.row);
                if remaining <= left_here {
                    pos.row += remaining;
                    break;
                }
                if last && pos.paragraph + 1 >= count {
                    pos.row = rows.saturating_sub(1);
                    break;
                }
                remaining -= left_here + 1;
                pos = pos.after_window(last);
            }
        } else {
            while remaining > 0 {
                if remaining <= pos.row {
                    pos.row -= remaining;
                    break;
                }
                if pos.paragraph == 0 && pos.window == 0 {
                    pos.row = 0;
                    break;
                }
                remaining -= pos.row + 1;
                if pos.window > 0 {
                    pos.window -= 1;
                } else {
                    pos.paragraph -= 1;
                    pos.window = self.last_window(article, pos.paragraph, opts);
                }
                pos.row = self
                    .window_rows(article, pos.paragraph, pos.window, opts)
                    .map_or(0, |(rows, _)| rows.saturating_sub(1));
            }
        }
        pos
    }

    /// The position of the last row of the article.
    pub fn last_row(&mut self, article: &Article, opts: &LayoutOptions) -> RowPos {
        let Some(paragraph) = article.paragraphs.len().checked_sub(1) else {
            return RowPos::default();
        };
        let window = self.last_window(article, paragraph, opts);
        let rows = self
            .window_rows(article, paragraph, window, opts)
            .map_or(0, |(rows, _)| rows);
        RowPos {
            paragraph,
            window,
            row: rows.saturating_sub(1),
        }
    }

    /// Up to `height` rows starting at `top`, with their positions and the rows of their
    /// windows.
    pub fn visible(
        &mut self,
        article: &Article,
        opts: &LayoutOptions,
        top: RowPos,
        height: usize,
    ) -> Vec<(RowPos, Arc<[VisualRow]>)> {
        let mut out = Vec::with_capacity(height);
        let mut pos = top;
        while out.len() < height && pos.paragraph < article.paragraphs.len() {
            let Some(rows) = self.window(article, pos.paragraph, pos.window, opts) else {
                pos = RowPos::new(pos.paragraph + 1, 0);
                continue;
            };
            while out.len() < height && pos.row < rows.len() {
                out.push((pos, Arc::clone(&rows)));
                pos.row += 1;
            }
            let last = self
                .window_rows(article, pos.paragraph, pos.window, opts)
                .is_none_or(|(_, last)| last);
            pos = pos.after_window(last);
        }
        out
    }
}

impl Windows {
    /// What laying out window `window` told: its rows, and where the next one starts.
    fn record(&mut self, window: usize, rows: usize, next: Option<usize>) {
        if window != self.rows.len() || self.complete {
            return;
        }
        self.rows.push(rows);
        match next {
            Some(start) => self.starts.push(start),
            None => self.complete = true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One paragraph of some 400 kB (a dozen windows): the Wikinews text with its newlines
    /// made spaces, then a short paragraph after it.
    fn long_line() -> Article {
        let wikinews = include_str!("../../tests/data/wikinews-ar.txt").replace('\n', " ");
        let mut line = wikinews.repeat(1 + 400_000 / wikinews.len());
        line.push_str("\nآخر سطر");
        Article::from_text("long.txt", line)
    }

    #[test]
    fn rows_of_a_long_paragraph_are_its_windowed_rows_in_order_both_ways() {
        let article = long_line();
        let opts = LayoutOptions::default();
        let whole: Vec<_> = layout_paragraph(&article, 0, &opts)
            .into_iter()
            .chain(layout_paragraph(&article, 1, &opts))
            .map(|r| r.logical)
            .collect();
        let mut cache = LayoutCache::new();
        let mut seen = Vec::new();
        let mut pos = RowPos::default();
        let mut windows = 0;
        loop {
            let rows = cache.rows_at(&article, &opts, pos).expect("a window");
            seen.push(rows[pos.row].logical.clone());
            windows = windows.max(pos.window + 1);
            assert_eq!(
                cache.row_of(&article, &opts, rows[pos.row].logical.start),
                pos
            );
            let next = cache.step(&article, &opts, pos, 1);
            if next == pos {
                break;
            }
            assert!(next > pos);
            pos = next;
        }
        assert_eq!(seen, whole);
        assert!(windows > 10, "{windows} windows");
        assert_eq!(cache.window_count(&article, 0, &opts), windows);
        assert_eq!(cache.last_row(&article, &opts), pos);
        // back up through every window boundary, one row at a time
        let mut back = Vec::new();
        loop {
            let rows = cache.rows_at(&article, &opts, pos).expect("a window");
            back.push(rows[pos.row].logical.clone());
            let prev = cache.step(&article, &opts, pos, -1);
            if prev == pos {
                break;
            }
            pos = prev;
        }
        back.reverse();
        assert_eq!(back, whole);
        // a long step lands where as many single steps do
        let far = cache.step(&article, &opts, RowPos::default(), 1000);
        let visible = cache.visible(&article, &opts, far, 40);
        let first = &visible[0];
        assert_eq!(first.1[first.0.row].logical, whole[1000]);
        assert_eq!(visible[39].1[visible[39].0.row].logical, whole[1039]);
    }

    #[test]
    fn the_cache_keeps_only_the_windows_near_the_screen() {
        let article = long_line();
        let opts = LayoutOptions::default();
        // a limit of about three windows (the default holds a dozen)
        let limit = 30_000;
        let mut cache = LayoutCache::with_cell_limit(limit);
        let screen = 30;
        // G, then PgUp to the top, PgDn to the bottom, a jump to the end and back to the start
        let last = cache.last_row(&article, &opts);
        let mut top = cache.step(&article, &opts, last, -(screen - 1));
        let mut most = 0;
        while top > RowPos::default() {
            cache.visible(&article, &opts, top, 30);
            most = most.max(cache.cells());
            top = cache.step(&article, &opts, top, -(screen - 1));
        }
        while top < last {
            cache.visible(&article, &opts, top, 30);
            most = most.max(cache.cells());
            top = cache.step(&article, &opts, top, screen - 1);
        }
        let end = article.text.len() - 1;
        cache.row_of(&article, &opts, end);
        cache.row_of(&article, &opts, 0);
        most = most.max(cache.cells());
        // a dozen windows passed over, some 120,000 cells: the cache held at most its limit
        assert!(cache.window_count(&article, 0, &opts) > 10);
        assert!(most <= limit, "{most} cells");
        assert!(cache.len() <= 4, "{} windows kept", cache.len());
        // and a width change keeps the rows of the new width only as they are needed
        let narrow = LayoutOptions { width: 40, ..opts };
        cache.row_of(&article, &narrow, end / 2);
        assert!(cache.cells() <= limit);
    }
}

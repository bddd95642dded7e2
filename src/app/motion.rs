//! Moving through the article: the row a byte is on, scrolling by rows and pages, keeping the
//! cursor on screen, word moves by screen position (left/right in either direction), mouse
//! hit-testing and keeping the same text on top when the layout changes.

use std::ops::Range;

use crate::app::{App, Effect, words};
use crate::layout::{BidiMode, RowPos, VisualRow};

impl App {
    /// Where the row holding byte `at` is.
    pub(super) fn row_of(&mut self, at: usize) -> RowPos {
        let opts = self.layout_options();
        let paragraph = self.reader.article.paragraph_at(at);
        let rows = self
            .reader
            .layout
            .rows(&self.reader.article, paragraph, &opts);
        let row = rows
            .iter()
            .rposition(|r| r.logical.start <= at && !r.logical.is_empty())
            .unwrap_or(0);
        RowPos { paragraph, row }
    }

    pub(super) fn step(&mut self, pos: RowPos, delta: isize) -> RowPos {
        let opts = self.layout_options();
        self.reader
            .layout
            .step(&self.reader.article, &opts, pos, delta)
    }

    /// The highest `top` that still fills the screen.
    pub(super) fn max_top(&mut self) -> RowPos {
        let opts = self.layout_options();
        let last = self.reader.layout.last_row(&self.reader.article, &opts);
        let back = (self.text_height() as isize).saturating_sub(1);
        self.reader
            .layout
            .step(&self.reader.article, &opts, last, -back)
    }

    pub(super) fn scroll(&mut self, delta: isize) {
        let target = self.step(self.reader.top, delta);
        let max = self.max_top();
        self.reader.top = if delta > 0 {
            target.min(max.max(self.reader.top))
        } else {
            target
        };
        self.refresh_view();
        self.keep_cursor_on_screen(delta > 0);
    }

    /// After scrolling, a cursor that left the screen moves to the first (scrolling down) or
    /// last (scrolling up) word on screen.
    pub(super) fn keep_cursor_on_screen(&mut self, down: bool) {
        let (Some(first), Some(last)) = (self.reader.view.first(), self.reader.view.last()) else {
            return;
        };
        let start = first.1.get(first.0.row).map_or(0, |r| r.logical.start);
        let end = last.1.get(last.0.row).map_or(start, |r| r.logical.end);
        let visible = self
            .reader
            .cursor
            .as_ref()
            .is_some_and(|c| c.start >= start && c.start < end.max(start + 1));
        if visible {
            return;
        }
        let candidate = if down {
            words::word_at_or_after(&self.reader.article, start)
        } else {
            words::word_before(&self.reader.article, end)
        };
        if let Some(w) = candidate.filter(|w| w.start >= start && w.start < end.max(start + 1)) {
            self.reader.cursor = Some(w);
        }
    }

    /// Scrolls so the cursor's row is on screen.
    pub(super) fn reveal_cursor(&mut self) {
        let Some(at) = self.reader.cursor.as_ref().map(|c| c.start) else {
            return;
        };
        let pos = self.row_of(at);
        let height = self.text_height().max(1) as isize;
        if pos < self.reader.top {
            self.reader.top = pos;
        } else {
            let bottom = self.step(self.reader.top, height - 1);
            if pos > bottom {
                self.reader.top = self.step(pos, -(height - 1));
            }
        }
        self.refresh_view();
    }

    pub(super) fn goto_byte(&mut self, at: usize) {
        let pos = self.row_of(at);
        let max = self.max_top();
        self.reader.top = pos.min(max);
        self.reader.cursor = words::word_near(&self.reader.article, at);
        self.refresh_view();
        self.reveal_cursor();
    }

    /// Moves the cursor to the word on its row nearest to the left (`left`) or right on screen,
    /// continuing on the next row in reading order at the row's end.
    pub(super) fn move_on_screen(&mut self, left: bool) {
        let Some(cursor) = self.reader.cursor.clone() else {
            return;
        };
        let pos = self.row_of(cursor.start);
        let opts = self.layout_options();
        let rows = self
            .reader
            .layout
            .rows(&self.reader.article, pos.paragraph, &opts);
        let Some(row) = rows.get(pos.row) else {
            return;
        };
        let placed = self.words_by_x(row);
        let here = placed.iter().find(|(_, w)| *w == cursor).map(|(x, _)| *x);
        let target = match here {
            Some(x) if left => placed
                .iter()
                .filter(|(wx, _)| *wx < x)
                .max_by_key(|(wx, _)| *wx),
            Some(x) => placed
                .iter()
                .filter(|(wx, _)| *wx > x)
                .min_by_key(|(wx, _)| *wx),
            None => None,
        };
        if let Some((_, w)) = target {
            self.reader.cursor = Some(w.clone());
            self.reveal_cursor();
            return;
        }
        // Off the edge of the row: left leaves an RTL row forward, an LTR row backward.
        let forward = left == row.rtl;
        let next = self.step(pos, if forward { 1 } else { -1 });
        if next == pos {
            return;
        }
        let rows = self
            .reader
            .layout
            .rows(&self.reader.article, next.paragraph, &opts);
        let Some(next_row) = rows.get(next.row) else {
            return;
        };
        let placed = self.words_by_x(next_row);
        // entering from the right edge when moving left, from the left edge when moving right
        let chosen = if left {
            placed.iter().max_by_key(|(x, _)| *x)
        } else {
            placed.iter().min_by_key(|(x, _)| *x)
        };
        match chosen {
            Some((_, w)) => {
                self.reader.cursor = Some(w.clone());
                self.reveal_cursor();
            }
            None => {
                // an empty row: step over it in the same direction
                let start = next_row.logical.start;
                let w = if forward {
                    words::word_at_or_after(&self.reader.article, start)
                } else {
                    words::word_before(&self.reader.article, start)
                };
                if let Some(w) = w {
                    self.reader.cursor = Some(w);
                    self.reveal_cursor();
                }
            }
        }
    }

    /// Words of a row with the leftmost column each occupies.
    pub(super) fn words_by_x(&self, row: &VisualRow) -> Vec<(u16, Range<usize>)> {
        words::words_in(&self.reader.article, row.paragraph, &row.logical)
            .into_iter()
            .filter_map(|w| row.cells_in(&w).map(|c| c.x).min().map(|x| (x, w)))
            .collect()
    }

    /// The article byte range shown at a screen position, if any.
    pub fn hit(&self, column: u16, row: u16) -> Option<Range<usize>> {
        let (width, left) = self.text_column();
        let (_, rows) = self.reader.view.get(usize::from(row))?;
        let pos = self.reader.view.get(usize::from(row))?.0;
        let visual = rows.get(pos.row)?;
        let indent = visual.indent(width);
        let col = column.checked_sub(left + indent)?;
        visual.cell_at(col).map(|c| c.logical.clone())
    }

    pub(super) fn set_mode(&mut self, mode: BidiMode) -> Effect {
        let anchor = self.anchor();
        self.reader.mode = mode;
        self.restore_anchor(anchor);
        self.info(format!("rendering mode: {mode}"));
        Effect::TerminalBidi {
            explicit: mode != BidiMode::Terminal,
        }
    }

    /// Byte offset of the top row, to keep the same text on top when the layout changes.
    pub(super) fn anchor(&self) -> usize {
        self.reader
            .view
            .first()
            .and_then(|(pos, rows)| rows.get(pos.row))
            .map_or(0, |r| r.logical.start)
    }

    pub(super) fn restore_anchor(&mut self, anchor: usize) {
        self.reader.top = self.row_of(anchor);
        self.refresh_view();
    }
}

//! Rows with Arabic marks are written whole. A terminal such as xterm paints a combining mark
//! (a haraka, a shadda, a hamza below) with the font's own offsets, so its ink can fall on the
//! next cell; when only the marked cell is written again, the terminal repaints that cell and
//! the ink on its neighbour stays, a stray haraka between words long after the text is gone
//! (seen going from the reader to a table and back). ratatui writes only the cells that
//! changed, so [`InkSafe`], around the real backend, writes every cell of a row that changes
//! while it shows (or will show) a mark: the terminal repaints the whole row and no ink is left.
//! Rows without marks keep ratatui's cell-by-cell diff.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::{Position, Rect, Size};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A backend that remembers what the terminal shows so it can write a marked row whole.
pub struct InkSafe<B> {
    inner: B,
    /// What the terminal shows, as this backend wrote it (cleared with it).
    shown: Buffer,
}

/// Whether a cell's symbol carries a zero-width character drawn over its base (a combining
/// mark; the symbol of one cell is a grapheme, so any such character is one).
fn has_mark(cell: &Cell) -> bool {
    cell.symbol().chars().any(|c| c.width() == Some(0))
}

impl<B: Backend> InkSafe<B> {
    pub fn new(inner: B) -> Self {
        Self {
            inner,
            shown: Buffer::empty(Rect::ZERO),
        }
    }

    pub fn inner(&self) -> &B {
        &self.inner
    }

    /// Makes the record the size of the terminal (blank after a resize: ratatui redraws all).
    fn fit(&mut self, width: u16, height: u16) {
        let area = Rect::new(0, 0, width, height);
        if self.shown.area != area {
            self.shown = Buffer::empty(area);
        }
    }

    /// The writes of one frame: ratatui's changed cells, and for each changed row that shows
    /// or will show a mark, every other cell of it (in row order; the cells a wide character
    /// covers are left to it, as ratatui's diff does).
    fn widen(&mut self, changed: Vec<(u16, u16, Cell)>) -> Vec<(u16, u16, Cell)> {
        let width = self.shown.area.width;
        let mut marked_rows: Vec<u16> = changed
            .iter()
            .filter(|(x, y, cell)| {
                has_mark(cell) || self.shown.cell((*x, *y)).is_some_and(has_mark)
            })
            .map(|(_, y, _)| *y)
            .collect();
        marked_rows.dedup();
        let row_marked = |y: u16| marked_rows.binary_search(&y).is_ok();
        let mut out = Vec::with_capacity(changed.len());
        let mut changed = changed.into_iter().peekable();
        while let Some(&(_, y, _)) = changed.peek() {
            if !row_marked(y) {
                out.extend(changed.next());
                continue;
            }
            // the row's new content: the record with this frame's changes applied
            while let Some((x, _, cell)) = changed.next_if(|(_, cy, _)| *cy == y) {
                if let Some(c) = self.shown.cell_mut((x, y)) {
                    *c = cell;
                }
            }
            let mut x = 0;
            while x < width {
                let Some(cell) = self.shown.cell((x, y)) else {
                    break;
                };
                let covers = match cell.diff_option {
                    CellDiffOption::ForcedWidth(w) => usize::from(w.get()),
                    _ => UnicodeWidthStr::width(cell.symbol()).max(1),
                };
                if cell.diff_option != CellDiffOption::Skip {
                    out.push((x, y, cell.clone()));
                }
                x = x.saturating_add(u16::try_from(covers).unwrap_or(1));
            }
        }
        for (x, y, cell) in &out {
            if let Some(c) = self.shown.cell_mut((*x, *y)) {
                *c = cell.clone();
            }
        }
        out
    }
}

impl<B: Backend> Backend for InkSafe<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let size = self.inner.size()?;
        self.fit(size.width, size.height);
        let changed = content.map(|(x, y, c)| (x, y, c.clone())).collect();
        let writes = self.widen(changed);
        self.inner
            .draw(writes.iter().map(|(x, y, cell)| (*x, *y, cell)))
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.shown = Buffer::empty(Rect::ZERO);
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        // what is left after a partial clear is not known cell by cell: start over
        self.shown = Buffer::empty(Rect::ZERO);
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;

    fn cells(text: &str) -> Vec<Cell> {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        buf.set_string(0, 0, text, ratatui::style::Style::default());
        buf.content().to_vec()
    }

    /// The cells `widen` writes for a frame whose row 0 changes from `before` to `after`.
    fn written(before: &str, after: &str) -> Vec<u16> {
        let mut ink = InkSafe::new(TestBackend::new(10, 1));
        ink.fit(10, 1);
        let first: Vec<_> = (0..).zip(cells(before)).map(|(x, c)| (x, 0, c)).collect();
        ink.widen(first);
        let (old, new) = (cells(before), cells(after));
        let changed: Vec<_> = (0..)
            .zip(old.iter().zip(new))
            .filter(|(_, (o, n))| *o != n)
            .map(|(x, (_, n))| (x, 0, n))
            .collect();
        ink.widen(changed).into_iter().map(|(x, _, _)| x).collect()
    }

    #[test]
    fn a_row_that_showed_a_mark_is_written_whole_when_it_changes() {
        // the mark was on the third cell; only it changes, yet every cell is written
        assert_eq!(written("ab\u{64e}c", "ab  "), (0..10).collect::<Vec<_>>());
        // a mark coming in writes the row whole too
        assert_eq!(written("abc", "ab\u{650}c"), (0..10).collect::<Vec<_>>());
        // without marks, only the changed cells
        assert_eq!(written("abcd", "abxd"), vec![2]);
        // a wide character covers its second column, which is not written over it
        assert_eq!(written("a\u{64e}", "世b").len(), 9);
    }
}

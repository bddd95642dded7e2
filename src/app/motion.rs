//! Moving through the article: the row a byte is on, scrolling by rows and pages, keeping the
//! cursor on screen, word moves by screen position (left/right in either direction), sentence
//! and closing-mark moves and the sentence, clause and quotation objects (boundaries from
//! [`crate::text::sentences`], snapped to words here), mouse hit-testing and keeping the same
//! text on top when the layout changes.

use std::ops::Range;

use crate::app::reader::{Page, Reader};
use crate::app::shell::Note;
use crate::app::words;
use crate::config::commands::Command;
use crate::layout::{BidiMode, RowPos, VisualRow};
use crate::text::sentences::{self, Stop};

/// A stretch of text one key selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextObject {
    Sentence,
    Clause,
    Quotation,
}

impl TextObject {
    fn name(self) -> &'static str {
        match self {
            TextObject::Sentence => "sentence",
            TextObject::Clause => "clause",
            TextObject::Quotation => "quotation",
        }
    }
}

impl Reader {
    /// A motion command of the reader (scrolling, words, search matches); what to say, if
    /// anything (at the last word, the match number).
    pub fn motion(&mut self, page: Page, command: Command) -> Option<Note> {
        let rows = page.rows.max(1) as isize;
        match command {
            Command::SearchNext | Command::SearchPrev => {
                return Some(self.step_search(page, command == Command::SearchNext));
            }
            Command::NextWord | Command::PrevWord => {
                return self.step_word(page, command == Command::NextWord);
            }
            Command::ScrollDown => self.scroll(page, 1),
            Command::ScrollUp => self.scroll(page, -1),
            Command::HalfPageDown => self.scroll(page, (rows / 2).max(1)),
            Command::HalfPageUp => self.scroll(page, -(rows / 2).max(1)),
            Command::PageDown => self.scroll(page, (rows - 1).max(1)),
            Command::PageUp => self.scroll(page, -(rows - 1).max(1)),
            Command::Top | Command::Bottom => self.to_end(page, command == Command::Bottom),
            Command::NextSentence => return self.move_to_stop(page, Stop::Sentence, true),
            Command::PrevSentence => return self.move_to_stop(page, Stop::Sentence, false),
            Command::NextClosing => return self.move_to_stop(page, Stop::Closing, true),
            Command::PrevOpening => return self.move_to_stop(page, Stop::Opening, false),
            Command::WordLeft => self.move_on_screen(page, true),
            Command::WordRight => self.move_on_screen(page, false),
            _ => {}
        }
        None
    }

    /// `)` `}` (`forward`): to the last word before the next stop that has a word after the
    /// cursor; `(` `{`: to the first word after the previous stop that has a word before the
    /// cursor (the start of the sentence, or of the one before when the cursor is there already).
    fn move_to_stop(&mut self, page: Page, stop: Stop, forward: bool) -> Option<Note> {
        let cursor = self.cursor.clone()?;
        let target = if forward {
            self.word_before_stop(&cursor, stop)
        } else {
            self.word_after_stop(&cursor, stop)
        };
        let Some(word) = target else {
            let what = match stop {
                Stop::Closing => "no closing quotation mark or bracket after the cursor",
                Stop::Opening => "no opening quotation mark or bracket before the cursor",
                _ if forward => "at the last sentence",
                _ => "at the first sentence",
            };
            return Some(Note::info(what));
        };
        self.cursor = Some(word);
        self.reveal_cursor(page);
        None
    }

    fn word_before_stop(&self, cursor: &Range<usize>, stop: Stop) -> Option<Range<usize>> {
        let text = &self.article.text;
        let mut from = cursor.end;
        loop {
            let mark = sentences::next_stop(text, from, stop);
            // without another stop, a sentence ends with the text; nothing closes there
            let limit = match (&mark, stop) {
                (Some(m), _) => m.start,
                (None, Stop::Closing) => return None,
                (None, _) => text.len() + 1,
            };
            let word = words::word_before(&self.article, limit);
            if let Some(w) = word.filter(|w| w.start > cursor.start) {
                return Some(w);
            }
            from = mark?.end;
        }
    }

    fn word_after_stop(&self, cursor: &Range<usize>, stop: Stop) -> Option<Range<usize>> {
        let text = &self.article.text;
        let mut before = cursor.start;
        loop {
            let mark = sentences::prev_stop(text, before, stop);
            // without another stop, a sentence starts with the text; nothing opens there
            let start = match (&mark, stop) {
                (Some(m), _) => m.end,
                (None, Stop::Opening) => return None,
                (None, _) => 0,
            };
            let word = words::word_at_or_after(&self.article, start);
            if let Some(w) = word.filter(|w| w.start < cursor.start) {
                return Some(w);
            }
            before = mark?.start;
        }
    }

    /// `.` `,` `"`: selects the words of the sentence, clause or quotation around the cursor;
    /// an open selection grows to cover it too. What to say (what was selected, or why not).
    pub fn select_object(&mut self, page: Page, object: TextObject) -> Note {
        let Some(cursor) = self.cursor.clone() else {
            return Note::info("no word under the cursor");
        };
        let text = &self.article.text;
        let range = match object {
            TextObject::Sentence => {
                Some(sentences::unit_around(text, cursor.start, Stop::Sentence))
            }
            TextObject::Clause => Some(sentences::unit_around(text, cursor.start, Stop::Clause)),
            TextObject::Quotation => sentences::quotation_around(text, cursor.start),
        };
        let first = range.as_ref().and_then(|r| {
            words::word_at_or_after(&self.article, r.start).filter(|w| w.start < r.end)
        });
        let last = range
            .as_ref()
            .and_then(|r| words::word_before(&self.article, r.end).filter(|w| w.start >= r.start));
        let (Some(first), Some(last)) = (first, last) else {
            return Note::info(format!("no {} around the cursor", object.name()));
        };
        let (mut first, mut last) = (first, last);
        if let Some(anchor) = self.selection_anchor.clone() {
            for w in [anchor, cursor] {
                if w.start < first.start {
                    first = w.clone();
                }
                if w.end > last.end {
                    last = w;
                }
            }
        }
        let count = words::words_between(&self.article, first.start..last.end);
        self.selection_anchor = Some(first);
        self.cursor = Some(last);
        self.reveal_cursor(page);
        Note::info(format!("{} selected ({count} words)", object.name()))
    }

    /// Where the row holding byte `at` is.
    pub fn row_of(&mut self, page: Page, at: usize) -> RowPos {
        let opts = self.options(page);
        self.layout.row_of(&self.article, &opts, at)
    }

    pub fn step(&mut self, page: Page, pos: RowPos, delta: isize) -> RowPos {
        let opts = self.options(page);
        self.layout.step(&self.article, &opts, pos, delta)
    }

    /// The highest `top` that still fills the screen.
    pub fn max_top(&mut self, page: Page) -> RowPos {
        let opts = self.options(page);
        let last = self.layout.last_row(&self.article, &opts);
        let back = (page.rows as isize).saturating_sub(1);
        self.layout.step(&self.article, &opts, last, -back)
    }

    pub fn scroll(&mut self, page: Page, delta: isize) {
        let target = self.step(page, self.top, delta);
        let max = self.max_top(page);
        self.top = if delta > 0 {
            target.min(max.max(self.top))
        } else {
            target
        };
        self.refresh_view(page);
        self.keep_cursor_on_screen(delta > 0);
    }

    /// After scrolling, a cursor that left the screen moves to the first (scrolling down) or
    /// last (scrolling up) word on screen.
    fn keep_cursor_on_screen(&mut self, down: bool) {
        let (Some(first), Some(last)) = (self.view.first(), self.view.last()) else {
            return;
        };
        let start = first.1.get(first.0.row).map_or(0, |r| r.logical.start);
        let end = last.1.get(last.0.row).map_or(start, |r| r.logical.end);
        let visible = self
            .cursor
            .as_ref()
            .is_some_and(|c| c.start >= start && c.start < end.max(start + 1));
        if visible {
            return;
        }
        let candidate = if down {
            words::word_at_or_after(&self.article, start)
        } else {
            words::word_before(&self.article, end)
        };
        if let Some(w) = candidate.filter(|w| w.start >= start && w.start < end.max(start + 1)) {
            self.cursor = Some(w);
        }
    }

    /// Puts the cursor on the first word of `span` (the whole span when no word starts in it),
    /// with no item focused, and scrolls it into view: where a jump to a mention lands.
    pub fn go_to_span(&mut self, span: Range<usize>, page: Page) {
        self.cursor = words::word_at_or_after(&self.article, span.start)
            .filter(|w| w.start < span.end)
            .or(Some(span));
        self.focus = None;
        self.reveal_cursor(page);
    }

    /// Scrolls so the cursor's row is on screen.
    pub fn reveal_cursor(&mut self, page: Page) {
        let Some(at) = self.cursor.as_ref().map(|c| c.start) else {
            return;
        };
        let pos = self.row_of(page, at);
        let height = page.rows.max(1) as isize;
        if pos < self.top {
            self.top = pos;
        } else {
            let bottom = self.step(page, self.top, height - 1);
            if pos > bottom {
                self.top = self.step(page, pos, -(height - 1));
            }
        }
        self.refresh_view(page);
    }

    pub fn goto_byte(&mut self, page: Page, at: usize) {
        let pos = self.row_of(page, at);
        let max = self.max_top(page);
        self.top = pos.min(max);
        self.cursor = words::word_near(&self.article, at);
        self.refresh_view(page);
        self.reveal_cursor(page);
    }

    /// Moves the cursor to the word on its row nearest to the left (`left`) or right on screen,
    /// continuing on the next row in reading order at the row's end.
    pub fn move_on_screen(&mut self, page: Page, left: bool) {
        let Some(cursor) = self.cursor.clone() else {
            return;
        };
        let pos = self.row_of(page, cursor.start);
        let opts = self.options(page);
        let Some(rows) = self.layout.rows_at(&self.article, &opts, pos) else {
            return;
        };
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
            self.cursor = Some(w.clone());
            self.reveal_cursor(page);
            return;
        }
        // Off the edge of the row: left leaves an RTL row forward, an LTR row backward.
        let forward = left == row.rtl;
        let next = self.step(page, pos, if forward { 1 } else { -1 });
        if next != pos {
            self.enter_row(page, next, left, forward);
        }
    }

    /// The cursor entered the row at `next` moving `left` (or right): on the word at the edge
    /// it came from (the right edge when moving left); an empty row is stepped over,
    /// `forward` in reading order.
    fn enter_row(&mut self, page: Page, next: RowPos, left: bool, forward: bool) {
        let opts = self.options(page);
        let Some(rows) = self.layout.rows_at(&self.article, &opts, next) else {
            return;
        };
        let Some(next_row) = rows.get(next.row) else {
            return;
        };
        let placed = self.words_by_x(next_row);
        let chosen = if left {
            placed.iter().max_by_key(|(x, _)| *x)
        } else {
            placed.iter().min_by_key(|(x, _)| *x)
        };
        let word = match chosen {
            Some((_, w)) => Some(w.clone()),
            None => {
                let start = next_row.logical.start;
                if forward {
                    words::word_at_or_after(&self.article, start)
                } else {
                    words::word_before(&self.article, start)
                }
            }
        };
        if let Some(w) = word {
            self.cursor = Some(w);
            self.reveal_cursor(page);
        }
    }

    /// Words of a row with the leftmost column each occupies.
    fn words_by_x(&self, row: &VisualRow) -> Vec<(u16, Range<usize>)> {
        words::words_in(&self.article, row.paragraph, &row.logical)
            .into_iter()
            .filter_map(|w| row.cells_in(&w).map(|c| c.x).min().map(|x| (x, w)))
            .collect()
    }

    /// The article byte range shown at a screen position, if any.
    pub fn hit(&self, page: Page, column: u16, row: u16) -> Option<Range<usize>> {
        let (width, left) = (page.width, page.left);
        let (_, rows) = self.view.get(usize::from(row))?;
        let pos = self.view.get(usize::from(row))?.0;
        let visual = rows.get(pos.row)?;
        let indent = visual.indent(width);
        let col = column.checked_sub(left + indent)?;
        visual.cell_at(col).map(|c| c.logical.clone())
    }

    /// Lays the article out in another bidi mode, keeping the same text on top.
    pub fn set_mode(&mut self, page: Page, mode: BidiMode) {
        let anchor = self.anchor();
        self.mode = mode;
        self.restore_anchor(page, anchor);
    }

    /// Byte offset of the top row, to keep the same text on top when the layout changes.
    pub fn anchor(&self) -> usize {
        self.view
            .first()
            .and_then(|(pos, rows)| rows.get(pos.row))
            .map_or(0, |r| r.logical.start)
    }

    pub fn restore_anchor(&mut self, page: Page, anchor: usize) {
        self.top = self.row_of(page, anchor);
        self.refresh_view(page);
    }
}

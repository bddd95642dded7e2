//! The article: visible rows drawn cell by cell from their cell tables, right-to-left rows
//! right-aligned, the word under the cursor highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use std::ops::Range;

use ratatui::style::{Modifier, Style};

use crate::annotate::ReviewStatus;
use crate::app::App;
use crate::config::theme::Slot;

pub struct Reader<'a> {
    pub app: &'a App,
}

/// What is painted over the text this frame: the annotation marks, search matches, the
/// selection and the cursor, each with its style.
struct Paint<'a> {
    text: Style,
    marks: Vec<(Range<usize>, Style)>,
    matches: &'a [Range<usize>],
    search: Style,
    selection: Option<Range<usize>>,
    selected: Style,
    cursor: Option<&'a Range<usize>>,
    at_cursor: Style,
}

impl<'a> Paint<'a> {
    /// Found once per frame for the text between bytes `visible`.
    fn new(app: &'a App, visible: &Range<usize>) -> Self {
        let marks = super::compare::marks(app, visible).unwrap_or_else(|| marks(app, visible));
        let matches: &[Range<usize>] = match &app.reader.search {
            Some((_, all)) => {
                let first = all.partition_point(|m| m.end <= visible.start);
                let last = all.partition_point(|m| m.start < visible.end);
                &all[first..last.max(first)]
            }
            None => &[],
        };
        Self {
            text: app.theme.style(Slot::Text),
            marks,
            matches,
            search: app.theme.style(Slot::SearchMatch),
            selection: app.reader.selection(),
            selected: app.theme.style(Slot::Selection),
            cursor: app.reader.cursor.as_ref(),
            at_cursor: app.theme.style(Slot::Cursor),
        }
    }

    /// The style of a cell holding the bytes `logical`: marks, then a search match, the
    /// selection and the cursor over them.
    fn style_of(&self, logical: &Range<usize>) -> Style {
        let hits = |r: &Range<usize>| r.start < logical.end && logical.start < r.end;
        let mut style = self.text;
        for (range, mark) in &self.marks {
            if hits(range) {
                style = style.patch(*mark);
            }
        }
        if self.matches.iter().any(hits) {
            style = style.patch(self.search);
        }
        if self.selection.as_ref().is_some_and(hits) {
            style = style.patch(self.selected);
        }
        if self.cursor.is_some_and(hits) {
            style = style.patch(self.at_cursor);
        }
        style
    }
}

/// The bytes of the text on screen.
fn visible_bytes(app: &App) -> Range<usize> {
    match (app.reader.view.first(), app.reader.view.last()) {
        (Some((p0, r0)), Some((p1, r1))) => {
            let start = r0.get(p0.row).map_or(0, |r| r.logical.start);
            let end = r1.get(p1.row).map_or(start, |r| r.logical.end);
            start..end
        }
        _ => 0..0,
    }
}

/// The annotations on screen with their styles: suggested ones in the suggestion style,
/// rejected ones (shown only when asked for in the legend) struck through, so never mistaken
/// for an accepted annotation.
fn marks(app: &App, visible: &Range<usize>) -> Vec<(Range<usize>, Style)> {
    let suggested = app.theme.style(Slot::Suggested);
    app.session
        .marks_in(&app.reader, visible)
        .into_iter()
        .map(|(range, slot, status)| {
            let style = app.theme.style(slot);
            let style = match status {
                ReviewStatus::Suggested => style.patch(suggested),
                ReviewStatus::Rejected => style
                    .add_modifier(Modifier::CROSSED_OUT | Modifier::DIM)
                    .patch(suggested),
                ReviewStatus::Accepted | ReviewStatus::Corrected => style,
            };
            (range, style)
        })
        .collect()
}

impl Widget for Reader<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let area = area.intersection(buf.area);
        let paint = Paint::new(app, &visible_bytes(app));
        buf.set_style(area, paint.text);
        let (width, left) = app.text_column();
        let width = width.min(area.width);
        let right_limit = area.x + left + width;
        for (i, (pos, rows)) in app.reader.view.iter().enumerate() {
            let Ok(dy) = u16::try_from(i) else { break };
            if dy >= area.height {
                break;
            }
            let Some(row) = rows.get(pos.row) else {
                continue;
            };
            let y = area.y + dy;
            let x0 = area.x + left + row.indent(width);
            for cell in &row.cells {
                let x = x0.saturating_add(cell.x);
                let cell_end = x.saturating_add(u16::from(cell.width));
                if cell_end > right_limit || x >= area.right() {
                    continue;
                }
                let style = paint.style_of(&cell.logical);
                buf.set_stringn(x, y, row.cell_text(cell), usize::from(cell.width), style);
            }
            if app.theme.brackets {
                let limits = (area.x + left, x0);
                draw_brackets(buf, row, &paint.marks, limits, y, right_limit);
            }
        }
    }
}

/// Puts `[` and `]` in the spaces beside the visual ends of each annotated span on this row
/// (only where the span really starts or ends here, and only over a space or the margin, so no
/// text is hidden).
fn draw_brackets(
    buf: &mut Buffer,
    row: &crate::layout::VisualRow,
    marks: &[(std::ops::Range<usize>, ratatui::style::Style)],
    (left_limit, x0): (u16, u16),
    y: u16,
    right_limit: u16,
) {
    let free = |col: Option<u16>| match col {
        None => false,
        Some(col) => row.cell_at(col).is_none_or(|c| row.cell_text(c) == " "),
    };
    for (range, style) in marks {
        let (Some(first), Some(last)) = (row.cells_in(range).next(), row.cells_in(range).last())
        else {
            continue;
        };
        let is_edge = |c: &crate::layout::Cell| {
            c.logical.contains(&range.start) || c.logical.contains(&range.end.saturating_sub(1))
        };
        // at the row's own start, the margin before it is free when the row is indented
        let before_free = match first.x.checked_sub(1) {
            Some(col) => free(Some(col)),
            None => x0 > left_limit,
        };
        if is_edge(first) && before_free && x0 + first.x > 0 {
            let x = x0 + first.x - 1;
            if x < right_limit && x < buf.area.right() {
                buf[(x, y)].set_symbol("[").set_style(*style);
            }
        }
        let after = last.x + u16::from(last.width);
        if is_edge(last) && free(Some(after)) {
            let x = x0 + after;
            if x < right_limit && x < buf.area.right() {
                buf[(x, y)].set_symbol("]").set_style(*style);
            }
        }
    }
}

//! The article: visible rows drawn cell by cell from their cell tables, right-to-left rows
//! right-aligned, the word under the cursor highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::App;
use crate::config::theme::Slot;

pub struct Reader<'a> {
    pub app: &'a App,
}

impl Widget for Reader<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let area = area.intersection(buf.area);
        let text_style = app.theme.style(Slot::Text);
        let cursor_style = app.theme.style(Slot::Cursor);
        buf.set_style(area, text_style);
        let (width, left) = app.text_column();
        let width = width.min(area.width);
        for (i, (pos, rows)) in app.view.iter().enumerate() {
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
                if cell_end > area.x + left + width || x >= area.right() {
                    continue;
                }
                let on_cursor = app
                    .cursor
                    .as_ref()
                    .is_some_and(|c| c.start < cell.logical.end && cell.logical.start < c.end);
                let style = if on_cursor {
                    text_style.patch(cursor_style)
                } else {
                    text_style
                };
                buf.set_stringn(x, y, row.cell_text(cell), usize::from(cell.width), style);
            }
        }
    }
}

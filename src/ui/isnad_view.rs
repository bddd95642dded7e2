//! Drawing the isnad: the isnad view's screen (a title line with the key to its marks, then the
//! tree's rows: box art, counts and stance marks left to right, then the name or claim laid out
//! by the engine), and the two isnad popups — the source picker (`i`, `=`) and the chain editor
//! (`I`). Arabic is cut to its room by the cells it takes after layout, never by characters.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use crate::annotate::Stance;
use crate::annotate::isnad::{Isnad, collapse};
use crate::app::App;
use crate::app::chain::{ChainEditor, SourcePicker};
use crate::app::isnad_view::{IsnadRow, LEGEND, RowKind};
use crate::config::theme::Slot;
use crate::ui::popups::{candidate_head, list_popup};

/// `text` on one line at most `room` cells wide, its runs of white space collapsed, laid out
/// and cut as every line of the interface is ([`crate::ui::fit`]).
fn fit(app: &App, text: &str, room: usize) -> String {
    crate::ui::visual_snippet(app, &collapse(text), room)
}

/// The isnad view, filling the text area.
pub struct IsnadScreen<'a> {
    pub app: &'a App,
}

/// The title line: the view's name, then the key to its marks.
fn draw_title(app: &App, area: Rect, buf: &mut Buffer) {
    let title = (app.theme.style(Slot::PopupTitle)).add_modifier(Modifier::REVERSED);
    let (x, _) = buf.set_stringn(area.x, area.y, " isnad ", usize::from(area.width), title);
    let room = usize::from(area.right().saturating_sub(x));
    let hint = app.theme.style(Slot::Hint);
    buf.set_stringn(x + 1, area.y, LEGEND, room.saturating_sub(1), hint);
}

impl IsnadScreen<'_> {
    /// One row of the tree on `line`: box art, its marks, its name or claim (bold for speakers
    /// and the article); `over` adds the chosen row's colours.
    fn draw_row(
        &self,
        row: &IsnadRow,
        line: Rect,
        over: impl Fn(Style) -> Style,
        buf: &mut Buffer,
    ) {
        let app = self.app;
        let (y, right) = (line.y, line.right());
        let border = over(app.theme.style(Slot::PopupBorder));
        let (x, _) = buf.set_stringn(line.x, y, &row.prefix, usize::from(line.width), border);
        let left = usize::from(right.saturating_sub(x));
        let (x, _) = buf.set_stringn(x, y, &row.marker, left, over(self.marker_style(row)));
        let room = usize::from(right.saturating_sub(x));
        let text_style = app.theme.style(Slot::Text);
        let style = match row.kind {
            RowKind::Speaker | RowKind::Root => text_style.add_modifier(Modifier::BOLD),
            _ => text_style,
        };
        buf.set_stringn(x, y, fit(app, &row.text, room), room, over(style));
    }

    fn marker_style(&self, row: &IsnadRow) -> Style {
        let theme = &self.app.theme;
        match row.kind {
            RowKind::Claim { warning: true, .. }
            | RowKind::Claim {
                stance: Stance::Denies | Stance::Retracts | Stance::Doubts,
                ..
            } => theme.style(Slot::StatusError),
            RowKind::Root | RowKind::Heading => theme.style(Slot::PopupTitle),
            _ => theme.style(Slot::HelpKey),
        }
    }
}

impl Widget for IsnadScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let area = area.intersection(buf.area);
        if area.height == 0 || area.width == 0 {
            return;
        }
        let text_style = app.theme.style(Slot::Text);
        buf.set_style(area, text_style);
        let width = usize::from(area.width);
        draw_title(app, area, buf);
        let rows = app.isnad_rows();
        if rows.len() <= 1 && rows.iter().all(|r| r.kind == RowKind::Root) {
            buf.set_stringn(
                area.x + 1,
                area.y + 1,
                "no attributions yet: link a claim to its source (l), then come back (T)",
                width.saturating_sub(1),
                text_style,
            );
            return;
        }
        let height = usize::from(area.height - 1);
        let selected = app.isnad.selected.min(rows.len().saturating_sub(1));
        let mut top = app.isnad.top.min(selected);
        if selected >= top + height {
            top = selected + 1 - height;
        }
        let chosen = app.theme.style(Slot::Cursor);
        for (dy, (i, row)) in rows.iter().enumerate().skip(top).take(height).enumerate() {
            let y = area.y + 1 + dy as u16;
            let line = Rect {
                y,
                height: 1,
                ..area
            };
            let over = |style: Style| {
                if i == selected {
                    style.patch(chosen)
                } else {
                    style
                }
            };
            if i == selected {
                buf.set_style(line, chosen);
            }
            self.draw_row(row, line, over, buf);
        }
    }
}

/// The source picker: sources nearest first, ticked when already chosen; ↑/↓ say whether they
/// come before or after.
pub struct SourcePickerPopup<'a> {
    pub app: &'a App,
    pub picker: &'a SourcePicker,
}

impl Widget for SourcePickerPopup<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let lines: Vec<(String, String)> = (self.picker.candidates.iter().enumerate())
            .map(|(i, c)| (candidate_head(i, c, false), c.text.clone()))
            .collect();
        let title = self.picker.title();
        list_popup(
            self.app,
            area,
            buf,
            title,
            &lines,
            Some(self.picker.selected),
        );
    }
}

/// The chain editor: the speaker, the intermediaries in order (the chosen one highlighted),
/// then the article's outlet.
pub struct ChainEditorPopup<'a> {
    pub app: &'a App,
    pub editor: &'a ChainEditor,
}

impl Widget for ChainEditorPopup<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let Some(store) = &app.session.store else {
            return;
        };
        let set = store.set();
        let Some(a) = set
            .attributions
            .iter()
            .find(|a| a.id == self.editor.attribution)
        else {
            return;
        };
        let isnad = Isnad::new(set, &app.reader.article, app.outlet());
        let mut lines = vec![("  ● speaker  ".to_owned(), isnad.name(&a.source_id))];
        for (i, v) in a.via.iter().enumerate() {
            lines.push((format!("{:>2} ◇ hand     ", i + 1), isnad.name(v)));
        }
        if let Some(outlet) = app.outlet() {
            lines.push(("  ◆ outlet   ".to_owned(), outlet.to_owned()));
        }
        let selected = (!a.via.is_empty()).then_some(self.editor.selected + 1);
        list_popup(
            app,
            area,
            buf,
            " chain · J/K move · d removes · a adds · Esc ",
            &lines,
            selected,
        );
    }
}

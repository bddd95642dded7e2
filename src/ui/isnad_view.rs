//! Drawing the isnad: the isnad view's screen (a title line with the key to its marks, then the
//! tree's rows: box art, counts and stance marks left to right, then the name or claim laid out
//! by the engine), and the two isnad popups — the source picker (`i`, `=`) and the chain editor
//! (`I`). Arabic is cut to its room by the cells it takes after layout, never by characters.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::annotate::Stance;
use crate::annotate::isnad::{Isnad, collapse};
use crate::app::App;
use crate::app::chain::{ChainEditor, SourcePicker};
use crate::app::isnad_view::{IsnadRow, LEGEND, RowKind};
use crate::config::theme::Slot;
use crate::layout::{Direction, LayoutOptions, layout_text};

/// `text` on one line at most `room` cells wide, as the terminal must get it: laid out by the
/// engine (reordered, shaped, sanitised) in the reader's mode; when the laid-out line is wider,
/// the longest start of the text whose cells fit is kept, with an ellipsis.
pub fn fit(app: &App, text: &str, room: usize) -> String {
    if room == 0 {
        return String::new();
    }
    let text = collapse(text);
    let opts = LayoutOptions {
        width: u16::MAX,
        direction: Direction::Auto,
        ..app.layout_options()
    };
    let lay = |t: &str| layout_text(t, 0, 0, &opts).into_iter().next();
    let Some(row) = lay(&text) else {
        return String::new();
    };
    if usize::from(row.width) <= room {
        return row.text;
    }
    let mut cells: Vec<_> = row.cells.iter().collect();
    cells.sort_by_key(|c| c.logical.start);
    let (mut used, mut cut) = (0, 0);
    for c in cells {
        if used + usize::from(c.width) > room - 1 {
            break;
        }
        used += usize::from(c.width);
        cut = c.logical.end;
    }
    let shortened = format!("{}…", text.get(..cut).unwrap_or(""));
    lay(&shortened).map(|r| r.text).unwrap_or_default()
}

/// The isnad view, filling the text area.
pub struct IsnadScreen<'a> {
    pub app: &'a App,
}

impl IsnadScreen<'_> {
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
        let (x, _) = buf.set_stringn(
            area.x,
            area.y,
            " isnad ",
            width,
            app.theme
                .style(Slot::PopupTitle)
                .add_modifier(Modifier::REVERSED),
        );
        let room = usize::from(area.right().saturating_sub(x));
        buf.set_stringn(
            x + 1,
            area.y,
            LEGEND,
            room.saturating_sub(1),
            app.theme.style(Slot::Hint),
        );
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
            let border = over(app.theme.style(Slot::PopupBorder));
            let (x, _) = buf.set_stringn(area.x, y, &row.prefix, width, border);
            let left = usize::from(area.right().saturating_sub(x));
            let (x, _) = buf.set_stringn(x, y, &row.marker, left, over(self.marker_style(row)));
            let room = usize::from(area.right().saturating_sub(x));
            let style = match row.kind {
                RowKind::Speaker | RowKind::Root => text_style.add_modifier(Modifier::BOLD),
                _ => text_style,
            };
            buf.set_stringn(x, y, fit(app, &row.text, room), room, over(style));
        }
    }
}

/// A bordered list in the middle of `area`: each line a left-to-right head and a text laid
/// out by the engine; line `selected` highlighted.
fn list_popup(
    app: &App,
    area: Rect,
    buf: &mut Buffer,
    title: &str,
    lines: &[(String, String)],
    selected: Option<usize>,
) {
    let theme = &app.theme;
    let width = area.width.saturating_sub(4).min(72);
    let inner = usize::from(width.saturating_sub(2));
    let height = u16::try_from(lines.len().min(12) + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    if width < 12 || height < 3 {
        return;
    }
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    Clear.render(popup, buf);
    let shown = usize::from(height - 2);
    let first = selected
        .unwrap_or(0)
        .saturating_sub(shown.saturating_sub(1));
    let body: Vec<Line> = lines
        .iter()
        .enumerate()
        .skip(first)
        .take(shown)
        .map(|(i, (head, text))| {
            let style = if Some(i) == selected {
                theme.style(Slot::CompletionSelected)
            } else {
                theme.style(Slot::HelpText)
            };
            let room = inner.saturating_sub(head.width());
            let text = fit(app, text, room);
            let pad = inner.saturating_sub(head.width() + text.width());
            Line::from(vec![
                Span::styled(head.clone(), style.patch(theme.style(Slot::HelpKey))),
                Span::styled(text, style),
                Span::styled(" ".repeat(pad), style),
            ])
        })
        .collect();
    Paragraph::new(body)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.style(Slot::PopupBorder))
                .title(Span::styled(
                    title.to_owned(),
                    theme.style(Slot::PopupTitle),
                )),
        )
        .render(popup, buf);
}

/// The source picker: sources nearest first, ticked when already chosen; ↑/↓ say whether they
/// come before or after.
pub struct SourcePickerPopup<'a> {
    pub app: &'a App,
    pub picker: &'a SourcePicker,
}

impl Widget for SourcePickerPopup<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let lines: Vec<(String, String)> = self
            .picker
            .candidates
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let key = if i < 9 {
                    format!("{} ", i + 1)
                } else {
                    "  ".to_owned()
                };
                let tick = if c.linked.is_some() { "✓" } else { " " };
                let place = match (c.distance, c.before) {
                    (usize::MAX, _) => "    ",
                    (_, true) => "  ↑ ",
                    (_, false) => "  ↓ ",
                };
                (format!("{key}{tick}{place}"), c.text.clone())
            })
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

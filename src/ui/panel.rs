//! The side panel on the right of the reader: a tab line naming the three views, then the
//! current view's lines, the chosen one highlighted. Arabic lines are laid out by the engine
//! through [`crate::ui::visual_line`], like status messages.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use crate::app::App;
use crate::app::panel::{Panel, PanelView};
use crate::config::theme::Slot;

pub struct SidePanel<'a> {
    pub app: &'a App,
}

impl Widget for SidePanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let area = area.intersection(buf.area);
        let Some(panel) = &app.panel else {
            return;
        };
        if area.width < 3 || area.height < 2 {
            return;
        }
        buf.set_style(area, app.theme.style(Slot::Text));
        draw_rule(app, panel, area, buf);
        let inner = Rect {
            x: area.x + 2,
            width: area.width - 2,
            ..area
        };
        draw_tabs(app, panel, inner, buf);
        let body = Rect {
            y: inner.y + 1,
            height: inner.height - 1,
            ..inner
        };
        draw_lines(app, panel, body, buf);
    }
}

/// A rule between the reader and the panel. While the panel has the keys (Tab gave them to
/// it), the rule is heavy and a ▸ stands out in the cursor's colours, so which side the keys go
/// to is always visible.
fn draw_rule(app: &App, panel: &Panel, area: Rect, buf: &mut Buffer) {
    let text_style = app.theme.style(Slot::Text);
    let focus_style = text_style.patch(app.theme.style(Slot::Cursor));
    let (rule, rule_style) = if panel.focused {
        ("┃", focus_style)
    } else {
        ("│", text_style)
    };
    for y in area.top()..area.bottom() {
        buf[(area.x, y)].set_symbol(rule).set_style(rule_style);
    }
    if panel.focused {
        buf[(area.x + 1, area.y)]
            .set_symbol("▸")
            .set_style(focus_style);
    }
}

/// The tab line naming the three views, the current one highlighted (in the cursor's colours
/// while the panel has the keys).
fn draw_tabs(app: &App, panel: &Panel, inner: Rect, buf: &mut Buffer) {
    let text_style = app.theme.style(Slot::Text);
    let mut x = inner.x;
    for (i, view) in PanelView::ALL.iter().enumerate() {
        let label = format!("{} {} ", i + 1, view.title());
        let style = if *view == panel.view && panel.focused {
            app.theme.style(Slot::Cursor)
        } else if *view == panel.view {
            text_style.add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            text_style
        };
        let room = usize::from(inner.right().saturating_sub(x));
        let (next, _) = buf.set_stringn(x, inner.y, &label, room, style);
        x = next;
    }
}

/// The current view's lines in `body`, scrolled so the chosen line is in view and highlighted;
/// a hint saying how to add some when there are none.
fn draw_lines(app: &App, panel: &Panel, body: Rect, buf: &mut Buffer) {
    let text_style = app.theme.style(Slot::Text);
    let width = usize::from(body.width);
    let lines = app.panel_lines();
    if lines.is_empty() {
        let empty = match panel.view {
            PanelView::Claims => "no claims yet (c tags one)",
            PanelView::Sources => "no sources yet (s tags one)",
            PanelView::Entities => "no entities yet (e tags one)",
        };
        buf.set_stringn(body.x, body.y, empty, width, text_style);
        return;
    }
    let rows = usize::from(body.height);
    // keep the chosen line in view
    let first = panel.selected.saturating_sub(rows.saturating_sub(1));
    let chosen = if panel.focused {
        app.theme.style(Slot::Cursor)
    } else {
        app.theme.style(Slot::Selection)
    };
    for (dy, (i, line)) in lines.iter().enumerate().skip(first).take(rows).enumerate() {
        let y = body.y + dy as u16;
        let mut style: Style = if line.heading {
            text_style.add_modifier(Modifier::BOLD)
        } else {
            text_style
        };
        if i == panel.selected && line.target.is_some() {
            style = style.patch(chosen);
            let row = Rect {
                y,
                height: 1,
                ..body
            };
            buf.set_style(row, chosen);
        }
        let (x, _) = buf.set_stringn(body.x, y, &line.marker, width, style);
        let room = usize::from(body.right().saturating_sub(x));
        if room > 0 && !line.text.is_empty() {
            let shown = crate::ui::visual_snippet(app, &line.text, room);
            buf.set_stringn(x, y, &shown, room, style);
        }
    }
}

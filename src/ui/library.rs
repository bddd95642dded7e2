//! The library list: one row per article with its title (laid out by the bidi engine, so Arabic
//! titles read correctly and sit right-aligned in their column), size and annotation progress.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::App;
use crate::config::theme::Slot;
use crate::layout::Direction;

pub struct LibraryView<'a> {
    pub app: &'a App,
}

fn human_size(bytes: u64) -> String {
    match bytes {
        0..1024 => format!("{bytes} B"),
        1024..1_048_576 => format!("{:.1} KB", bytes as f64 / 1024.0),
        _ => format!("{:.1} MB", bytes as f64 / 1_048_576.0),
    }
}

impl Widget for LibraryView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let area = area.intersection(buf.area);
        let Some(lib) = &app.library else {
            return;
        };
        let text = app.theme.style(Slot::Text);
        buf.set_style(area, text);
        if area.height == 0 {
            return;
        }
        // columns: size 9, accepted 6, pending 6, claims 6, gaps; the title takes the rest
        let team = super::compare::TeamColumns::of(lib);
        let numbers = 9 + 3 * 7 + team.width();
        let title_width = area.width.saturating_sub(numbers + 1).max(1);
        let header = format!(
            "{:<tw$} {:>9} {:>6} {:>6} {:>6}{}",
            format!("{} ({})", lib.label(), lib.sort.name()),
            "size",
            "done",
            "todo",
            "claims",
            team.header(),
            tw = usize::from(title_width)
        );
        buf.set_stringn(
            area.x,
            area.y,
            crate::ui::visual_line(app, &header, usize::from(area.width)),
            usize::from(area.width),
            app.theme.style(Slot::HelpGroup),
        );
        let visible = lib.visible();
        if visible.is_empty() {
            let msg = if lib.filter.is_empty() {
                "no .txt, .md, .html or .json articles here"
            } else {
                "no article matches the filter (Esc clears it)"
            };
            if area.height > 1 {
                buf.set_stringn(area.x, area.y + 1, msg, usize::from(area.width), text);
            }
            return;
        }
        let rows = usize::from(area.height.saturating_sub(1));
        let first = lib.selected.saturating_sub(rows.saturating_sub(1));
        for (i, entry) in visible.iter().enumerate().skip(first).take(rows) {
            let y = area.y + 1 + u16::try_from(i - first).unwrap_or(0);
            let selected = i == lib.selected;
            let style = if selected {
                text.patch(app.theme.style(Slot::CompletionSelected))
            } else {
                text
            };
            buf.set_style(Rect::new(area.x, y, area.width, 1), style);
            // the title cut after layout, right-aligned when right-to-left
            let title =
                crate::ui::fit(app, &entry.title, usize::from(title_width), Direction::Auto);
            let indent = if title.rtl {
                usize::from(title_width).saturating_sub(title.width)
            } else {
                0
            };
            buf.set_stringn(
                area.x + u16::try_from(indent).unwrap_or(0),
                y,
                &title.text,
                title.width,
                style,
            );
            let (done, todo, claims) = if entry.unreadable {
                ("?".to_owned(), "?".to_owned(), "?".to_owned())
            } else {
                (
                    entry.accepted.to_string(),
                    entry.pending.to_string(),
                    entry.claims.to_string(),
                )
            };
            let numbers_text = format!(
                " {:>9} {:>6} {:>6} {:>6}{}",
                human_size(entry.bytes),
                done,
                todo,
                claims,
                team.cells(entry)
            );
            buf.set_stringn(
                area.x + title_width,
                y,
                numbers_text,
                usize::from(area.width.saturating_sub(title_width)),
                style,
            );
        }
    }
}

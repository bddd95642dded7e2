//! The `?` overlay: the rows of [`crate::app::help`] styled and drawn in a scrolling popup.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::app::App;
use crate::app::help::{self, Row};
use crate::config::theme::Slot;

pub struct Help<'a> {
    pub app: &'a App,
    pub scroll: u16,
}

/// The help text as styled lines.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let key_style = theme.style(Slot::HelpKey);
    let text_style = theme.style(Slot::HelpText);
    let group_style = theme.style(Slot::HelpGroup);
    let key_col = help::key_column(&app.settings.keymap);
    help::rows(&app.settings.keymap)
        .into_iter()
        .map(|row| match row {
            Row::Blank => Line::from(""),
            Row::Group(name) => Line::from(Span::styled(name, group_style)),
            Row::Entry {
                keys,
                description,
                name,
            } => {
                let mut spans = vec![
                    Span::styled(format!("  {keys:<key_col$}"), key_style),
                    Span::styled(format!(" {description}"), text_style),
                ];
                if let Some(name) = name {
                    spans.push(Span::styled(format!("  ({name})"), theme.style(Slot::Hint)));
                }
                Line::from(spans)
            }
            Row::Note(text) => Line::from(Span::styled(
                crate::ui::visual_line(app, text, 200),
                text_style,
            )),
        })
        .collect()
}

/// The popup for an area of the app's size.
fn popup_area(area: Rect) -> Rect {
    let width = area.width.saturating_sub(4).min(100);
    let height = help::popup_height(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

impl Widget for Help<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = &self.app.theme;
        let popup = popup_area(area);
        if popup.width < 4 || popup.height < 3 {
            return;
        }
        Clear.render(popup, buf);
        let lines = lines(self.app);
        let max_scroll = help::max_scroll(lines.len(), area.height);
        Paragraph::new(lines)
            .style(theme.style(Slot::HelpText))
            .scroll((self.scroll.min(max_scroll), 0))
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(theme.style(Slot::PopupBorder))
                    .title(Span::styled(
                        " Keys (Esc closes) ",
                        theme.style(Slot::PopupTitle),
                    )),
            )
            .render(popup, buf);
    }
}

//! The `?` overlay: the rows of [`crate::app::help`] styled and drawn in a scrolling popup.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::app::App;
use crate::app::help;
use crate::config::theme::Slot;

pub struct Help<'a> {
    pub app: &'a App,
    pub scroll: u16,
}

/// The help text as styled lines, wrapped to `width` columns.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let key_style = theme.style(Slot::HelpKey);
    let text_style = theme.style(Slot::HelpText);
    let group_style = theme.style(Slot::HelpGroup);
    // the hint colour without the status bar's background, which would break the popup's
    let hint = theme.style(Slot::Hint);
    let name_style = Style { bg: None, ..hint };
    help::lines(&app.settings.keymap, width)
        .into_iter()
        .map(|line| match line {
            help::Line::Blank => Line::from(""),
            help::Line::Group(name) => Line::from(Span::styled(name, group_style)),
            help::Line::Entry { keys, text, name } => {
                let mut spans = vec![
                    Span::styled(keys, key_style),
                    Span::styled(format!(" {text}"), text_style),
                ];
                if let Some(name) = name {
                    spans.push(Span::styled(format!("  ({name})"), name_style));
                }
                Line::from(spans)
            }
            help::Line::Note(text) => Line::from(Span::styled(
                crate::ui::visual_line(app, &text, width),
                text_style,
            )),
        })
        .collect()
}

/// The popup for an area of the app's size.
fn popup_area(area: Rect) -> Rect {
    let width = help::popup_width(area.width);
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
        // the popup's own background, so it reads on any terminal and over any text
        buf.set_style(popup, theme.style(Slot::Popup));
        let lines = lines(self.app, usize::from(popup.width - 2));
        let max_scroll = help::max_scroll(lines.len(), area.height);
        Paragraph::new(lines)
            .style(theme.style(Slot::Popup).patch(theme.style(Slot::HelpText)))
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

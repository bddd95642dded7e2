//! The `?` overlay, generated from the command table and the live keymap (so it always shows
//! the keys that actually work), plus the `:` commands and the Arabic-layout note.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::app::App;
use crate::app::command::COMMANDS;
use crate::app::command_line::TYPABLE;
use crate::config::theme::Slot;

pub struct Help<'a> {
    pub app: &'a App,
    pub scroll: u16,
}

/// The help text as lines (also used by tests to check every command appears).
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let key_style = theme.style(Slot::HelpKey);
    let text_style = theme.style(Slot::HelpText);
    let group_style = theme.style(Slot::HelpGroup);
    let mut out = Vec::new();
    let mut group = "";
    let key_col = COMMANDS
        .iter()
        .map(|c| {
            app.settings
                .keymap
                .keys_for(c.command)
                .join(", ")
                .chars()
                .count()
        })
        .max()
        .unwrap_or(0)
        .clamp(14, 28);
    for info in COMMANDS {
        if info.group != group {
            if !group.is_empty() {
                out.push(Line::from(""));
            }
            group = info.group;
            out.push(Line::from(Span::styled(group.to_owned(), group_style)));
        }
        let keys = app.settings.keymap.keys_for(info.command);
        let keys = if keys.is_empty() {
            format!(":{}", info.name)
        } else {
            keys.join(", ")
        };
        out.push(Line::from(vec![
            Span::styled(format!("  {keys:<key_col$}"), key_style),
            Span::styled(format!(" {}", info.description), text_style),
            Span::styled(format!("  ({})", info.name), theme.style(Slot::Hint)),
        ]));
    }
    out.push(Line::from(""));
    out.push(Line::from(Span::styled("Command line (:)", group_style)));
    for (names, args, desc) in TYPABLE {
        let usage = format!(":{} {args}", names.join(", :"));
        out.push(Line::from(vec![
            Span::styled(format!("  {usage:<key_col$}"), key_style),
            Span::styled(format!(" {desc}"), text_style),
        ]));
    }
    out.push(Line::from(""));
    out.push(Line::from(Span::styled("Keyboard", group_style)));
    out.push(Line::from(Span::styled(
        crate::ui::visual_line(
            app,
            "  With an Arabic layout the same keys work: ت = j, ن = k, ص = w, \u{FEFB} = b, ؟ = ?",
            200,
        ),
        text_style,
    )));
    out
}

/// The popup for an area of the app's size.
fn popup_area(area: Rect) -> Rect {
    let width = area.width.saturating_sub(4).min(100);
    let height = area.height.saturating_sub(2);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// How far the help can scroll before its last line reaches the bottom of the popup.
pub fn max_scroll(app: &App) -> u16 {
    let popup = popup_area(Rect::new(0, 0, app.width, app.text_height()));
    u16::try_from(lines(app).len())
        .unwrap_or(u16::MAX)
        .saturating_sub(popup.height.saturating_sub(2))
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
        let max_scroll = u16::try_from(lines.len())
            .unwrap_or(u16::MAX)
            .saturating_sub(popup.height.saturating_sub(2));
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

//! The legend (`L`): each entity label in its theme style, then the suggestion, rejected,
//! claim and source layers, with review counts, the key that hides or shows each, and whether
//! it is shown now.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::app::App;
use crate::app::annotations::entity_slot;
use crate::app::review::LegendRow;
use crate::config::theme::Slot;

pub struct Legend<'a> {
    pub app: &'a App,
}

/// Columns: key, sample, three counts, state.
const NAME_WIDTH: usize = 12;

/// One row of the legend: its key, its name in the colours it is drawn in, its counts (a dot
/// for none) and whether it is shown.
fn row_line(app: &App, row: &LegendRow) -> Line<'static> {
    let theme = &app.theme;
    let text = theme.style(Slot::HelpText);
    let sample = match (&row.label, row.name.as_str()) {
        (Some(label), _) => theme.style(entity_slot(label)),
        (None, "suggestions") => theme.style(Slot::Suggested),
        (None, "rejected") => theme
            .style(Slot::Suggested)
            .add_modifier(Modifier::CROSSED_OUT | Modifier::DIM),
        (None, "claims") => theme.style(Slot::Claim),
        (None, "sources") => theme.style(Slot::Source),
        _ => text,
    };
    let key = row
        .key
        .as_ref()
        .map_or_else(|| "   ".to_owned(), |k| format!(" {k} "));
    let count = |n: usize, w: usize| {
        if n == 0 {
            format!(" {:>w$}", "·")
        } else {
            format!(" {n:>w$}")
        }
    };
    let c = row.counts;
    Line::from(vec![
        Span::styled(key, theme.style(Slot::HelpKey)),
        Span::styled("  ", text),
        Span::styled(format!("{:<NAME_WIDTH$}", row.name), sample),
        Span::styled(count(c.pending, 7), text),
        Span::styled(count(c.accepted, 8), text),
        Span::styled(count(c.rejected, 8), text),
        if row.shown {
            Span::styled("  shown ", text)
        } else {
            Span::styled("  hidden", text.add_modifier(Modifier::DIM))
        },
    ])
}

impl Widget for Legend<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let theme = &app.theme;
        let text = theme.style(Slot::HelpText);
        let mut lines = vec![Line::from(Span::styled(
            format!(
                "     {:<NAME_WIDTH$} {:>7} {:>8} {:>8}  ",
                "layer", "pending", "accepted", "rejected"
            ),
            theme.style(Slot::HelpGroup),
        ))];
        for row in app
            .session
            .legend_rows(&app.reader.layers, &app.settings.keymap)
        {
            lines.push(row_line(app, &row));
        }
        let inner = lines.iter().map(Line::width).max().unwrap_or(0);
        let width = u16::try_from(inner + 2).unwrap_or(u16::MAX).min(area.width);
        let height = u16::try_from(lines.len() + 2)
            .unwrap_or(u16::MAX)
            .min(area.height);
        let popup = Rect {
            x: area.x + area.width.saturating_sub(width) / 2,
            y: area.y + area.height.saturating_sub(height) / 2,
            width,
            height,
        };
        Clear.render(popup, buf);
        buf.set_style(popup, theme.style(Slot::Popup));
        Paragraph::new(lines)
            .style(text)
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(theme.style(Slot::PopupBorder))
                    .title(Span::styled(
                        " legend: a key hides or shows its layer; Esc closes ",
                        theme.style(Slot::PopupTitle),
                    )),
            )
            .render(popup, buf);
    }
}

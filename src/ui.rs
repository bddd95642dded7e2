//! Drawing: widgets that borrow the app state. The root draws the reader and the status bar,
//! then overlays in a fixed order (which-key, help, command line), so what is on top never
//! depends on the order things were opened in.

pub mod help;
pub mod library;
pub mod popups;
pub mod reader;
pub mod status;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::{App, MIN_HEIGHT, MIN_WIDTH, Overlay, STATUS_ROWS, Screen};
use crate::config::theme::Slot;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            let text = format!(
                "Terminal too small ({}×{}); isnad needs at least {MIN_WIDTH}×{MIN_HEIGHT}.",
                area.width, area.height
            );
            Paragraph::new(Line::from(text))
                .style(self.theme.style(Slot::Text))
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        let text_area = Rect {
            height: area.height.saturating_sub(STATUS_ROWS),
            ..area
        };
        let status_area = Rect {
            y: area.y + text_area.height,
            height: STATUS_ROWS.min(area.height),
            ..area
        };
        match self.screen {
            Screen::Reader => reader::Reader { app: self }.render(text_area, buf),
            Screen::Library => library::LibraryView { app: self }.render(text_area, buf),
        }
        status::StatusBar { app: self }.render(status_area, buf);
        if !self.pending.is_empty() {
            popups::WhichKey { app: self }.render(text_area, buf);
        }
        match &self.overlay {
            Overlay::None => {}
            Overlay::Help { scroll } => help::Help {
                app: self,
                scroll: *scroll,
            }
            .render(text_area, buf),
            Overlay::LabelPicker(_) => popups::LabelPicker { app: self }.render(text_area, buf),
            Overlay::Search(editor) => popups::CommandLine {
                app: self,
                editor,
                prompt: '/',
            }
            .render(area, buf),
            Overlay::CommandLine(editor) => popups::CommandLine {
                app: self,
                editor,
                prompt: ':',
            }
            .render(area, buf),
        }
    }
}

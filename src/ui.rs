//! Drawing: widgets that borrow the app state. The root draws the reader and the status bar,
//! then overlays in a fixed order (which-key, help, command line), so what is on top never
//! depends on the order things were opened in.

pub mod compare;
pub mod help;
pub mod isnad_view;
pub mod legend;
pub mod library;
pub mod panel;
pub mod popups;
pub mod reader;
pub mod status;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::{App, MIN_HEIGHT, MIN_WIDTH, Overlay, STATUS_ROWS, Screen};
use crate::config::theme::Slot;
use crate::layout::{Direction, LayoutOptions, layout_text};

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
            Screen::Reader => {
                reader::Reader { app: self }.render(text_area, buf);
                let side = self.panel_width();
                if side > 0 {
                    panel::SidePanel { app: self }.render(
                        Rect {
                            x: text_area.right().saturating_sub(side),
                            width: side,
                            ..text_area
                        },
                        buf,
                    );
                }
                if self.compare_shown() {
                    compare::CompareBar { app: self }.render(text_area, buf);
                }
            }
            Screen::Library => library::LibraryView { app: self }.render(text_area, buf),
            Screen::Isnad => isnad_view::IsnadScreen { app: self }.render(text_area, buf),
        }
        status::StatusBar { app: self }.render(status_area, buf);
        if !self.shell.pending.is_empty() {
            popups::WhichKey { app: self }.render(text_area, buf);
        }
        match &self.overlay {
            Overlay::None => {}
            Overlay::Help { scroll } => help::Help {
                app: self,
                scroll: *scroll,
            }
            .render(text_area, buf),
            Overlay::List { title, lines } => popups::List {
                app: self,
                title,
                lines,
            }
            .render(text_area, buf),
            Overlay::LabelPicker(_) => popups::LabelPicker { app: self }.render(text_area, buf),
            Overlay::Legend => legend::Legend { app: self }.render(text_area, buf),
            Overlay::Search(editor) => popups::CommandLine {
                app: self,
                editor,
                prompt: "/",
            }
            .render(area, buf),
            Overlay::CommandLine(editor) => popups::CommandLine {
                app: self,
                editor,
                prompt: ":",
            }
            .render(area, buf),
            Overlay::Note { editor, .. } => popups::CommandLine {
                app: self,
                editor,
                prompt: "note: ",
            }
            .render(area, buf),
            Overlay::Choice(picker) => {
                popups::ChoicePicker { app: self, picker }.render(text_area, buf)
            }
            Overlay::Link(picker) => {
                popups::LinkPicker { app: self, picker }.render(text_area, buf)
            }
            Overlay::Sources(picker) => {
                isnad_view::SourcePickerPopup { app: self, picker }.render(text_area, buf)
            }
            Overlay::Chain(editor) => {
                isnad_view::ChainEditorPopup { app: self, editor }.render(text_area, buf)
            }
        }
    }
}

/// A line of interface text (a message, a file name, a title) as it must be sent to the terminal:
/// in app mode, right-to-left runs reordered and shaped by the layout engine inside a
/// left-to-right line, so Arabic in messages reads correctly; in the other modes unchanged.
/// Text wider than `width` is cut (in logical order, before reordering) with an ellipsis.
pub fn visual_line(app: &App, text: &str, width: usize) -> String {
    visual(app, text, width, Direction::Ltr)
}

/// A snippet of the article (a claim, a source, an entity) on one line: like [`visual_line`],
/// but its direction comes from its own first strong letter, as a paragraph's does, so
/// «8 ديسمبر» keeps the number on the right.
pub fn visual_snippet(app: &App, text: &str, width: usize) -> String {
    visual(app, text, width, Direction::Auto)
}

fn visual(app: &App, text: &str, width: usize, direction: Direction) -> String {
    let cut = status::truncate(text, width);
    let needs_bidi = app.reader.mode == crate::layout::BidiMode::App
        && cut
            .chars()
            .any(|c| matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FEFC}'));
    if !needs_bidi {
        return cut;
    }
    let opts = LayoutOptions {
        width: u16::MAX,
        direction,
        ..app.layout_options()
    };
    layout_text(&cut, 0, 0, &opts)
        .into_iter()
        .next()
        .map_or(cut, |row| row.text)
}

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
pub mod tables;

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
        draw_screen(self, text_area, buf);
        status::StatusBar { app: self }.render(status_area, buf);
        if !self.shell.pending.is_empty() {
            popups::WhichKey { app: self }.render(text_area, buf);
        }
        draw_overlay(self, area, text_area, buf);
    }
}

/// What fills the screen under the overlays: the reader (with the side panel and the compare
/// bar), the library or the isnad view.
fn draw_screen(app: &App, text_area: Rect, buf: &mut Buffer) {
    match app.screen {
        Screen::Reader => {
            reader::Reader { app }.render(text_area, buf);
            let side = app.panel_width();
            if side > 0 {
                let panel_area = Rect {
                    x: text_area.right().saturating_sub(side),
                    width: side,
                    ..text_area
                };
                panel::SidePanel { app }.render(panel_area, buf);
            }
            if app.compare_shown() {
                compare::CompareBar { app }.render(text_area, buf);
            }
        }
        Screen::Library => library::LibraryView { app }.render(text_area, buf),
        Screen::Isnad => isnad_view::IsnadScreen { app }.render(text_area, buf),
        Screen::Claims => tables::ClaimsTable { app }.render(text_area, buf),
        Screen::Sources => tables::SourcesTable { app }.render(text_area, buf),
    }
}

/// The open overlay: popups over the text, prompts on the bottom line of the whole `area`.
fn draw_overlay(app: &App, area: Rect, text_area: Rect, buf: &mut Buffer) {
    let prompt = |editor, prompt| popups::CommandLine {
        app,
        editor,
        prompt,
    };
    match &app.overlay {
        Overlay::None => {}
        Overlay::Help { scroll } => help::Help {
            app,
            scroll: *scroll,
        }
        .render(text_area, buf),
        Overlay::List { title, lines } => popups::List { app, title, lines }.render(text_area, buf),
        Overlay::LabelPicker(_) => popups::LabelPicker { app }.render(text_area, buf),
        Overlay::Legend => legend::Legend { app }.render(text_area, buf),
        Overlay::Search(editor) => prompt(editor, "/").render(area, buf),
        Overlay::CommandLine(editor) => prompt(editor, ":").render(area, buf),
        Overlay::Note { editor, .. } => prompt(editor, "note: ").render(area, buf),
        Overlay::Choice(picker) => popups::ChoicePicker { app, picker }.render(text_area, buf),
        Overlay::Link(picker) => popups::LinkPicker { app, picker }.render(text_area, buf),
        Overlay::Sources(picker) => {
            isnad_view::SourcePickerPopup { app, picker }.render(text_area, buf);
        }
        Overlay::Chain(editor) => {
            isnad_view::ChainEditorPopup { app, editor }.render(text_area, buf);
        }
    }
}

/// A line of interface text (a message, a file name, a title) as it must be sent to the terminal:
/// in app mode, right-to-left runs reordered and shaped by the layout engine inside a
/// left-to-right line, so Arabic in messages reads correctly; in the other modes unchanged.
/// Text wider than `width` is cut after layout (see [`fit`]).
pub fn visual_line(app: &App, text: &str, width: usize) -> String {
    fit(app, text, width, Direction::Ltr).text
}

/// A snippet of the article (a claim, a source, an entity) on one line: like [`visual_line`],
/// but its direction comes from its own first strong letter, as a paragraph's does, so
/// «8 ديسمبر» keeps the number on the right.
pub fn visual_snippet(app: &App, text: &str, width: usize) -> String {
    fit(app, text, width, Direction::Auto).text
}

/// A line fitted to a width: what to draw, the cells it takes, and whether it reads right to
/// left (then it belongs at the right of its column, and was cut on its left).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fitted {
    pub text: String,
    pub width: usize,
    pub rtl: bool,
}

/// The one place a line of the interface is cut to `width` cells. In app mode a line holding
/// Arabic is laid out first (bidi, shaping) and then cut by visual cells, at the end where it
/// stops reading (the right of a left-to-right line, the left of a right-to-left one), with
/// `…` there: cutting the logical string first would drop a closing `)` or `»` and let the
/// bidi algorithm move what is left (`(1` landing on the wrong side of the Arabic). Other
/// lines, and every line in terminal and off modes (where the terminal does the bidi), are cut
/// by characters. Control characters are drawn as symbols, never sent.
pub fn fit(app: &App, text: &str, width: usize, direction: Direction) -> Fitted {
    let needs_bidi = app.reader.mode == crate::layout::BidiMode::App
        && text
            .chars()
            .any(|c| matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FEFC}'));
    if !needs_bidi {
        return cut_logical(text, width);
    }
    let opts = LayoutOptions {
        width: u16::MAX,
        direction,
        ..app.layout_options()
    };
    match layout_text(text, 0, 0, &opts).into_iter().next() {
        Some(row) => cut_visual(&row, width),
        None => cut_logical(text, width),
    }
}

/// Cuts a laid-out row to `width` cells at its reading end.
fn cut_visual(row: &crate::layout::VisualRow, width: usize) -> Fitted {
    let total = usize::from(row.width);
    if total <= width {
        return Fitted {
            text: row.text.clone(),
            width: total,
            rtl: row.rtl,
        };
    }
    let keep = width.saturating_sub(1);
    // the kept columns: the first `keep` of a left-to-right row, the last of a right-to-left one
    let (from, to) = if row.rtl {
        (total - keep, total)
    } else {
        (0, keep)
    };
    let mut text = String::new();
    let mut column = from;
    for cell in &row.cells {
        let (x, end) = (
            usize::from(cell.x),
            usize::from(cell.x) + usize::from(cell.width),
        );
        if x < from || end > to {
            continue;
        }
        // columns no cell covers (never expected) stay blank, so nothing shifts
        text.extend(std::iter::repeat_n(' ', x.saturating_sub(column)));
        text.push_str(row.cell_text(cell));
        column = end;
    }
    text.extend(std::iter::repeat_n(
        ' ',
        to.saturating_sub(column.max(from)),
    ));
    if width > 0 {
        if row.rtl {
            text.insert(0, '…');
        } else {
            text.push('…');
        }
    }
    Fitted {
        text,
        width: width.min(keep + 1),
        rtl: row.rtl,
    }
}

/// Cuts `text` (no bidi needed) to `width` columns with an ellipsis, controls as symbols.
fn cut_logical(text: &str, width: usize) -> Fitted {
    use unicode_width::UnicodeWidthChar;
    let shown: String = text
        .chars()
        .filter_map(|c| crate::text::sanitize::display_char(c, false))
        .collect();
    let full = unicode_width::UnicodeWidthStr::width(shown.as_str());
    if full <= width {
        return Fitted {
            text: shown,
            width: full,
            rtl: false,
        };
    }
    let mut out = String::new();
    let mut used = 0;
    for c in shown.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
        used += 1;
    }
    Fitted {
        text: out,
        width: used,
        rtl: false,
    }
}

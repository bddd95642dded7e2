//! The status bar: file, rendering mode, message (errors stay until dismissed), position.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::app::{App, MessageKind, Screen};
use crate::config::theme::Slot;

pub struct StatusBar<'a> {
    pub app: &'a App,
}

impl Widget for StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let theme = &app.theme;
        let bar = theme.style(Slot::StatusBar);
        buf.set_style(area, bar);
        let right = position(app, area.width);
        // a count being typed (`5` of `5w`) shows before the position, as "5×", marked like
        // the mode so it is seen
        let count = (app.shell.count).map_or_else(String::new, |n| format!(" {n}× "));
        let hidden = hidden_controls(app);
        let mode = format!(" {} ", app.reader.mode.to_string().to_uppercase());
        let name = file_name(app);
        let (text, slot) = message(app);
        let fixed = right.width()
            + count.width()
            + hidden.width()
            + mode.width()
            + name.width().min(30)
            + 1;
        let room = usize::from(area.width).saturating_sub(fixed);
        let message = crate::ui::visual_line(app, &text, room);
        let name = crate::ui::visual_line(app, &name, 30);
        let used = name.width()
            + mode.width()
            + 1
            + message.width()
            + hidden.width()
            + count.width()
            + right.width();
        let gap = usize::from(area.width).saturating_sub(used);
        let line = Line::from(vec![
            Span::styled(name, theme.style(Slot::StatusFile)),
            Span::styled(mode, theme.style(Slot::StatusMode)),
            Span::styled(" ", bar),
            Span::styled(message, theme.style(slot)),
            Span::styled(" ".repeat(gap), bar),
            Span::styled(hidden, theme.style(Slot::ControlChar)),
            Span::styled(count, theme.style(Slot::StatusMode)),
            Span::styled(right, bar),
        ]);
        line.render(area, buf);
    }
}

/// The right end: the review counts and how far through the article
/// (or how many articles the library shows). The review counts stay in sight while reviewing
/// (an info message is cut instead), unless the screen is too narrow to leave the file name and
/// some message beside them; an error always gets the room, so it is never cut away.
fn position(app: &App, width: u16) -> String {
    let right = match (&app.screen, &app.library) {
        (Screen::Library, Some(lib)) => format!(" {} ", lib.count(lib.visible().len())),
        _ => format!(" {:>3}% ", app.reader.percent()),
    };
    let progress = app.session.progress();
    let error_shown = (app.shell.message.as_ref()).is_some_and(|m| m.kind == MessageKind::Error);
    if app.screen == Screen::Reader
        && !error_shown
        && !progress.is_empty()
        && progress.width() + 40 <= usize::from(width)
    {
        format!(" {progress}{right}")
    } else {
        right
    }
}

/// How many bidi and other control characters the text holds that are not drawn.
fn hidden_controls(app: &App) -> String {
    let hidden = &app.reader.hidden;
    match (hidden.bidi_controls, hidden.control_chars) {
        (0, 0) => String::new(),
        (b, 0) => format!(" {b} bidi ctl "),
        (0, c) => format!(" {c} ctl "),
        (b, c) => format!(" {b} bidi ctl, {c} ctl "),
    }
}

/// The article's name with `[+]` (unsaved) or `[RO]`, or "library".
fn file_name(app: &App) -> String {
    let marker = app.session.annotation_marker();
    if app.screen == Screen::Library {
        " library ".to_owned()
    } else if marker.is_empty() {
        format!(" {} ", app.reader.article.name)
    } else {
        format!(" {} {marker} ", app.reader.article.name)
    }
}

/// The message (or else the terminal hint) and its colours.
fn message(app: &App) -> (String, Slot) {
    match (&app.shell.message, app.shell.hint) {
        (Some(m), _) => (
            m.text.clone(),
            match m.kind {
                MessageKind::Info => Slot::StatusInfo,
                MessageKind::Error => Slot::StatusError,
            },
        ),
        (None, Some(hint)) => (hint.to_owned(), Slot::Hint),
        (None, None) => (String::new(), Slot::StatusBar),
    }
}

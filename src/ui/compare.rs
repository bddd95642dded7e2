//! The compare view's drawing: the reader's marks while comparing (agreements quietly,
//! differences in their kind's colour, from [`App::compare_marks`]) and the bar under the text
//! naming the current difference, A's and B's items, and the keys.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::app::App;
use crate::app::library::{Entry, Library};
use crate::config::commands::Command;
use crate::config::theme::Slot;

/// The reader's marks while the compare view is shown; `None` otherwise.
pub fn marks(app: &App, visible: &Range<usize>) -> Option<Vec<(Range<usize>, Style)>> {
    let marks = app.compare_marks(visible)?;
    Some(
        marks
            .into_iter()
            .map(|(range, slot)| (range, app.theme.style(slot)))
            .collect(),
    )
}

/// The bar under the text: a title rule with the counter, the difference, A's item, B's item,
/// and the keys (read from the keymap).
pub struct CompareBar<'a> {
    pub app: &'a App,
}

impl CompareBar<'_> {
    /// The first key of each compare command with what it does, in the order of a decision.
    fn keys(&self) -> Vec<(String, &'static str)> {
        let keymap = &self.app.settings.keymap;
        [
            (Command::CompareTakeA, "take A"),
            (Command::CompareTakeB, "take B"),
            (Command::CompareTakeBoth, "both"),
            (Command::CompareDropBoth, "drop both"),
            (Command::CompareEdit, "edit"),
            (Command::CompareNext, "next"),
            (Command::ComparePrev, "previous"),
            (Command::CompareUndo, "undo"),
            (Command::CompareHide, "hide"),
        ]
        .into_iter()
        .filter_map(|(command, what)| {
            let keys = keymap.keys_for(command);
            keys.first().map(|k| (k.clone(), what))
        })
        .collect()
    }
}

impl Widget for CompareBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let rows = app.compare_rows();
        let area = area.intersection(buf.area);
        let Some([title, what, a, b]) = app.compare_lines() else {
            return;
        };
        if rows == 0 || area.height < rows {
            return;
        }
        let bar = Rect {
            y: area.bottom() - rows,
            height: rows,
            ..area
        };
        let text = app.theme.style(Slot::Text);
        buf.set_style(bar, text);
        let width = usize::from(bar.width);
        draw_title_rule(app, buf, bar, &title);
        let y = bar.y + 1;
        let mut line = |y: u16, tag: Option<(&str, Slot)>, body: &str, style: Style| {
            if y >= bar.bottom() {
                return;
            }
            let mut x = bar.x;
            if let Some((tag, slot)) = tag {
                (x, _) = buf.set_stringn(x, y, tag, width, app.theme.style(slot));
                (x, _) = buf.set_stringn(x, y, " ", 1, text);
            }
            let room = usize::from(bar.right().saturating_sub(x));
            let shown = crate::ui::visual_line(app, body, room);
            buf.set_stringn(x, y, &shown, room, style);
        };
        line(y, None, &format!(" {what}"), text);
        line(y + 1, Some((" A ", Slot::DiffOnlyA)), &a, text);
        line(y + 2, Some((" B ", Slot::DiffOnlyB)), &b, text);
        if y + 3 < bar.bottom() {
            self.draw_keys(
                buf,
                Rect {
                    y: y + 3,
                    height: 1,
                    ..bar
                },
            );
        }
    }
}

impl CompareBar<'_> {
    /// The bar's keys and what they do, on `row`.
    fn draw_keys(&self, buf: &mut Buffer, row: Rect) {
        let theme = &self.app.theme;
        let (key_style, what_style) = (theme.style(Slot::HelpKey), theme.style(Slot::HelpText));
        let mut x = row.x;
        for (key, what) in self.keys() {
            let room = usize::from(row.right().saturating_sub(x));
            (x, _) = buf.set_stringn(x, row.y, format!("{key} "), room, key_style);
            let room = usize::from(row.right().saturating_sub(x));
            (x, _) = buf.set_stringn(x, row.y, format!("{what}  "), room, what_style);
        }
    }
}

/// The bar's first row: its title on a rule, as a popup's.
fn draw_title_rule(app: &App, buf: &mut Buffer, bar: Rect, title: &str) {
    let width = usize::from(bar.width);
    let border = app.theme.style(Slot::PopupBorder);
    for x in bar.left()..bar.right() {
        buf[(x, bar.y)].set_symbol("─").set_style(border);
    }
    let title = crate::ui::visual_line(app, &format!(" {title} "), width.saturating_sub(2));
    buf.set_stringn(
        bar.x + 1,
        bar.y,
        &title,
        width.saturating_sub(2),
        app.theme.style(Slot::PopupTitle),
    );
}

/// The library's team columns: annotators' files and what is left to settle (differences with
/// the other annotators' files, and merge conflicts), shown only when some article has another
/// annotator's file or a conflict (annotate/team.rs says which files count).
pub struct TeamColumns {
    shown: bool,
}

impl TeamColumns {
    pub fn of(lib: &Library) -> Self {
        Self {
            shown: lib.visible().iter().any(|e| e.team.is_team()),
        }
    }

    pub fn width(&self) -> u16 {
        if self.shown { 13 } else { 0 }
    }

    pub fn header(&self) -> String {
        if self.shown {
            format!(" {:>5} {:>6}", "files", "left")
        } else {
            String::new()
        }
    }

    pub fn cells(&self, entry: &Entry) -> String {
        let t = entry.team;
        if !self.shown {
            String::new()
        } else if t.is_team() {
            format!(" {:>5} {:>6}", t.files, t.differences + t.conflicts)
        } else {
            format!(" {:>5} {:>6}", t.files, "")
        }
    }
}

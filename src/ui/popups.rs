//! Small overlays: the which-key popup after a prefix key, and the `:` command line with its
//! completion list.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::annotate::in_words;
use crate::annotate::isnad::collapse;
use crate::app::App;
use crate::app::attributes::LinkCandidate;
use crate::app::command_line::LineEditor;
use crate::config::keymap::{Lookup, sequence_to_string};
use crate::config::theme::Slot;
use crate::layout::{BidiMode, Direction, LayoutOptions, layout_text};

pub struct WhichKey<'a> {
    pub app: &'a App,
}

impl Widget for WhichKey<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let Lookup::Pending(next) = app.settings.keymap.lookup(&app.shell.pending) else {
            return;
        };
        let theme = &app.theme;
        let lines: Vec<Line> = next
            .iter()
            .map(|(key, command)| {
                Line::from(vec![
                    Span::styled(
                        format!(" {:<6}", key.to_string()),
                        theme.style(Slot::HelpKey),
                    ),
                    Span::styled(
                        format!("{} ", command.info().description),
                        theme.style(Slot::HelpText),
                    ),
                ])
            })
            .collect();
        let inner_width = lines.iter().map(Line::width).max().unwrap_or(0);
        let width = u16::try_from(inner_width + 2)
            .unwrap_or(u16::MAX)
            .min(area.width);
        let title = Span::styled(
            format!(" {} … ", sequence_to_string(&app.shell.pending)),
            theme.style(Slot::PopupTitle),
        );
        bottom_right_popup(area, buf, theme, title, lines, width);
    }
}

/// The `:` command line or the `/` search prompt (`prompt` is the character shown first).
pub struct CommandLine<'a> {
    pub app: &'a App,
    pub editor: &'a LineEditor,
    pub prompt: &'a str,
}

impl CommandLine<'_> {
    /// In app mode, a line holding Arabic is drawn as the reader draws text — reordered and
    /// shaped, its direction from its first strong letter — so a note or a search reads
    /// correctly while typed. Returns the screen column of the editing cursor, or `None` when
    /// the line needs no bidi (drawn as typed).
    fn visual_edit_line(&self, line: Rect, buf: &mut Buffer, style: Style) -> Option<u16> {
        let text = &self.editor.text;
        let needs_bidi = self.app.reader.mode == BidiMode::App
            && text
                .chars()
                .any(|c| matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FEFC}'));
        if !needs_bidi {
            return None;
        }
        let opts = LayoutOptions {
            width: u16::MAX,
            direction: Direction::Auto,
            ..self.app.layout_options()
        };
        let row = layout_text(text, 0, 0, &opts).into_iter().next()?;
        let (after_prompt, _) =
            buf.set_stringn(line.x, line.y, self.prompt, usize::from(line.width), style);
        // a right-to-left line keeps a free column on its left for the cursor at its end
        let x0 = after_prompt + u16::from(row.rtl);
        buf.set_stringn(
            x0,
            line.y,
            &row.text,
            usize::from(line.right().saturating_sub(x0)),
            style,
        );
        let at = text
            .char_indices()
            .nth(self.editor.cursor)
            .map_or(text.len(), |(i, _)| i);
        let column = match row.cells.iter().find(|c| c.logical.contains(&at)) {
            Some(cell) => x0.saturating_add(cell.x),
            None if row.rtl => x0 - 1,
            None => x0.saturating_add(row.width),
        };
        Some(column)
    }
}

impl Widget for CommandLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = &self.app.theme;
        if area.height == 0 {
            return;
        }
        let line_area = Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        };
        let style = theme.style(Slot::CommandLine);
        Clear.render(line_area, buf);
        buf.set_style(line_area, style);
        let cx = match self.visual_edit_line(line_area, buf, style) {
            Some(cx) => cx,
            None => self.plain_edit_line(line_area, buf, style),
        };
        // the editing cursor as a reversed cell
        if cx < line_area.right() {
            let cell = &mut buf[(cx, line_area.y)];
            cell.set_style(style.add_modifier(Modifier::REVERSED));
        }
        self.completions(area, buf);
    }
}

impl CommandLine<'_> {
    /// The prompt and the text as typed (no Arabic to lay out); returns the cursor's column.
    fn plain_edit_line(&self, line_area: Rect, buf: &mut Buffer, style: Style) -> u16 {
        let width = line_area.width;
        let text = format!("{}{}", self.prompt, self.editor.text);
        let shown = crate::ui::visual_line(self.app, &text, usize::from(width.saturating_sub(1)));
        buf.set_stringn(line_area.x, line_area.y, &shown, usize::from(width), style);
        let before: String = self.editor.text.chars().take(self.editor.cursor).collect();
        line_area.x + u16::try_from(self.prompt.width() + before.width()).unwrap_or(u16::MAX)
    }

    /// The completions above the bottom line (at most 8), the chosen one kept in view.
    fn completions(&self, area: Rect, buf: &mut Buffer) {
        let theme = &self.app.theme;
        let candidates = &self.editor.candidates;
        let room = usize::from(area.height.saturating_sub(1));
        if candidates.is_empty() || room == 0 {
            return;
        }
        let count = candidates.len().min(8).min(room);
        let first = self
            .editor
            .selected
            .map_or(0, |s| s.saturating_sub(count - 1));
        let height = u16::try_from(count).unwrap_or(0);
        let list = Rect {
            y: area.bottom() - 1 - height,
            height,
            ..area
        };
        Clear.render(list, buf);
        let name_col = candidates.iter().map(|(c, _)| c.width()).max().unwrap_or(0);
        for (i, (name, desc)) in candidates.iter().enumerate().skip(first).take(count) {
            let slot = if self.editor.selected == Some(i) {
                Slot::CompletionSelected
            } else {
                Slot::Completion
            };
            let y = list.y + u16::try_from(i - first).unwrap_or(0);
            let row = Rect {
                y,
                height: 1,
                ..list
            };
            buf.set_style(row, theme.style(slot));
            let text = crate::ui::visual_line(
                self.app,
                &format!(" {name:<name_col$}  {desc}"),
                usize::from(area.width),
            );
            buf.set_stringn(row.x, y, &text, usize::from(area.width), theme.style(slot));
        }
    }
}

/// The label keys shown after `e` or `r`.
pub struct LabelPicker<'a> {
    pub app: &'a App,
}

impl Widget for LabelPicker<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = &self.app.theme;
        let lines: Vec<Line> = self
            .app
            .settings
            .keymap
            .choices(crate::config::commands::Mode::Label)
            .into_iter()
            .filter_map(|(key, command)| match command {
                crate::config::commands::Command::Label(label) => Some((key, label)),
                _ => None,
            })
            .map(|(key, label)| {
                Line::from(vec![
                    Span::styled(format!(" {key}  "), theme.style(Slot::HelpKey)),
                    Span::styled(
                        format!("{label:<7}"),
                        theme.style(crate::app::annotations::entity_slot(label)),
                    ),
                    Span::raw(" "),
                ])
            })
            .collect();
        let width = 16u16.min(area.width);
        let title = Span::styled(" label ", theme.style(Slot::PopupTitle));
        bottom_right_popup(area, buf, theme, title, lines, width);
    }
}

/// A plain list to read (`:orphans`); any key closes it.
pub struct List<'a> {
    pub app: &'a App,
    pub title: &'a str,
    pub lines: &'a [String],
}

impl Widget for List<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = &self.app.theme;
        let width = area.width.saturating_sub(4).min(100);
        let inner = usize::from(width.saturating_sub(2));
        let height = u16::try_from(self.lines.len() + 2)
            .unwrap_or(u16::MAX)
            .min(area.height);
        if width < 4 || height < 3 {
            return;
        }
        let popup = centered(area, width, height);
        Clear.render(popup, buf);
        buf.set_style(popup, theme.style(Slot::Popup));
        let lines: Vec<Line> = self
            .lines
            .iter()
            .map(|l| Line::from(crate::ui::visual_line(self.app, l, inner)))
            .collect();
        Paragraph::new(lines)
            .style(theme.style(Slot::HelpText))
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(theme.style(Slot::PopupBorder))
                    .title(Span::styled(
                        self.title.to_owned(),
                        theme.style(Slot::PopupTitle),
                    )),
            )
            .render(popup, buf);
    }
}

/// A `width` × `height` rectangle in the middle of `area` (which must hold it).
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    Rect {
        x: area.x + area.width.saturating_sub(width) / 2,
        y: area.y + area.height.saturating_sub(height) / 2,
        width,
        height,
    }
}

/// Draws `lines` in a bordered popup `width` columns wide at the bottom-right corner of `area`
/// (the which-key and label pickers share this placement).
fn bottom_right_popup(
    area: Rect,
    buf: &mut Buffer,
    theme: &crate::config::colors::Theme,
    title: Span<'_>,
    lines: Vec<Line<'_>>,
    width: u16,
) {
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let popup = Rect {
        x: area.right().saturating_sub(width),
        y: area.bottom().saturating_sub(height),
        width,
        height,
    };
    Clear.render(popup, buf);
    buf.set_style(popup, theme.style(Slot::Popup));
    Paragraph::new(lines)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.style(Slot::PopupBorder))
                .title(title),
        )
        .render(popup, buf);
}

/// The value keys after `t` or `V`; the current value is marked.
pub struct ChoicePicker<'a> {
    pub app: &'a App,
    pub picker: &'a crate::app::attributes::ChoicePicker,
}

impl Widget for ChoicePicker<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = &self.app.theme;
        let options = self.picker.attribute.options(&self.app.settings.keymap);
        let value_col = options
            .iter()
            .map(|(_, v)| in_words(v).width())
            .max()
            .unwrap_or(0);
        let lines: Vec<Line> = options
            .iter()
            .map(|(key, value)| {
                let mark = if *value == self.picker.current {
                    "•"
                } else {
                    " "
                };
                Line::from(vec![
                    Span::styled(format!(" {key}  "), theme.style(Slot::HelpKey)),
                    Span::styled(
                        format!("{:<value_col$} {mark}", in_words(value)),
                        theme.style(Slot::HelpText),
                    ),
                ])
            })
            .collect();
        let inner = lines.iter().map(Line::width).max().unwrap_or(0);
        let width = u16::try_from(inner + 2)
            .unwrap_or(u16::MAX)
            .max(u16::try_from(self.picker.attribute.title().width() + 4).unwrap_or(0))
            .min(area.width);
        let title = Span::styled(
            format!(" {} ", self.picker.attribute.title()),
            theme.style(Slot::PopupTitle),
        );
        bottom_right_popup(area, buf, theme, title, lines, width);
    }
}

/// A bordered list in the middle of `area`: each line a left-to-right head and a text laid
/// out by the engine; line `selected` highlighted.
pub(super) fn list_popup(
    app: &App,
    area: Rect,
    buf: &mut Buffer,
    title: &str,
    lines: &[(String, String)],
    selected: Option<usize>,
) {
    let theme = &app.theme;
    let width = area.width.saturating_sub(4).min(72);
    let inner = usize::from(width.saturating_sub(2));
    let height = u16::try_from(lines.len().min(12) + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    if width < 12 || height < 3 {
        return;
    }
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    Clear.render(popup, buf);
    let shown = usize::from(height - 2);
    let first = selected
        .unwrap_or(0)
        .saturating_sub(shown.saturating_sub(1));
    let body: Vec<Line> = lines
        .iter()
        .enumerate()
        .skip(first)
        .take(shown)
        .map(|(i, (head, text))| {
            let style = if Some(i) == selected {
                theme.style(Slot::CompletionSelected)
            } else {
                theme.style(Slot::HelpText)
            };
            let room = inner.saturating_sub(head.width());
            let text = crate::ui::visual_snippet(app, &collapse(text), room);
            let pad = inner.saturating_sub(head.width() + text.width());
            Line::from(vec![
                Span::styled(head.clone(), style.patch(theme.style(Slot::HelpKey))),
                Span::styled(text, style),
                Span::styled(" ".repeat(pad), style),
            ])
        })
        .collect();
    Paragraph::new(body)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.style(Slot::PopupBorder))
                .title(Span::styled(
                    title.to_owned(),
                    theme.style(Slot::PopupTitle),
                )),
        )
        .render(popup, buf);
}

/// The head of a picker line for candidate `i`: its digit (the first nine), ✓ when linked (or
/// ? when it is a suggested link and `suggested` shows those), and ↑ or ↓ for before or after.
pub(super) fn candidate_head(i: usize, c: &LinkCandidate, suggested: bool) -> String {
    let key = if i < 9 {
        format!("{} ", i + 1)
    } else {
        "  ".to_owned()
    };
    let tick = match (&c.linked, suggested && c.suggested) {
        (Some(_), _) => "✓",
        (None, true) => "?",
        (None, false) => " ",
    };
    let place = match (c.distance, c.before) {
        (usize::MAX, _) => "    ",
        (_, true) => "  ↑ ",
        (_, false) => "  ↓ ",
    };
    format!("{key}{tick}{place}")
}

/// The `l` picker: the other ends to link, nearest first, the chosen one highlighted; linked
/// ones are ticked (Enter on them unlinks).
pub struct LinkPicker<'a> {
    pub app: &'a App,
    pub picker: &'a crate::app::attributes::LinkPicker,
}

impl Widget for LinkPicker<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let from = (app.session.store.as_ref()).and_then(|s| s.set().get(&self.picker.from));
        let kind = match from {
            Some(crate::annotate::Item::Source(_)) => "claims",
            _ => "sources",
        };
        let lines: Vec<(String, String)> = (self.picker.candidates.iter().enumerate())
            .map(|(i, c)| (candidate_head(i, c, true), c.text.clone()))
            .collect();
        let title = format!(" link {kind} · a digit or Enter links/unlinks · Esc ");
        list_popup(app, area, buf, &title, &lines, Some(self.picker.selected));
    }
}

//! What the `?` overlay says, generated from the command table and the live keymap (so it always
//! shows the keys that actually work), plus the `:` commands and the Arabic-layout note. The
//! rows are plain text; `ui::help` styles and draws them.

use crate::app::command_line::TYPABLE;
use crate::app::{Outcome, Overlay};
use crate::config::commands::{COMMANDS, Command};
use crate::config::keymap::{KeyName, KeyPress, Keymap, Lookup};

/// One row of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    Blank,
    /// A group heading ("Moving", "Command line (:)", …).
    Group(&'static str),
    /// Keys (or usage), what they do, and the command's name when it has one.
    Entry {
        keys: String,
        description: &'static str,
        name: Option<&'static str>,
    },
    /// A sentence drawn as a line of text (it holds Arabic, so the drawing lays it out).
    Note(&'static str),
}

/// The help's rows, in order.
pub fn rows(keymap: &Keymap) -> Vec<Row> {
    let mut out = Vec::new();
    let mut group = "";
    for info in COMMANDS {
        if info.group != group {
            if !group.is_empty() {
                out.push(Row::Blank);
            }
            group = info.group;
            out.push(Row::Group(group));
        }
        let keys = keymap.keys_for(info.command);
        let keys = if keys.is_empty() {
            format!(":{}", info.name)
        } else {
            keys.join(", ")
        };
        out.push(Row::Entry {
            keys,
            description: info.description,
            name: Some(info.name),
        });
    }
    out.push(Row::Blank);
    out.push(Row::Group("Command line (:)"));
    for (names, args, description) in TYPABLE {
        out.push(Row::Entry {
            keys: format!(":{} {args}", names.join(", :")),
            description,
            name: None,
        });
    }
    out.push(Row::Blank);
    out.push(Row::Group("Keyboard"));
    out.push(Row::Note(
        "  With an Arabic layout the same keys work: ت = j, ن = k, ص = w, \u{FEFB} = b, ؟ = ?",
    ));
    out
}

/// Width of the keys column: the longest key list, within bounds.
pub fn key_column(keymap: &Keymap) -> usize {
    COMMANDS
        .iter()
        .map(|c| keymap.keys_for(c.command).join(", ").chars().count())
        .max()
        .unwrap_or(0)
        .clamp(14, 28)
}

/// Width of the help popup over a text area `text_width` wide (a margin of two on each side).
pub fn popup_width(text_width: u16) -> u16 {
    text_width.saturating_sub(4).min(100)
}

/// One line of the help as drawn inside its border: [`rows`] wrapped to the popup's width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Blank,
    Group(&'static str),
    /// `keys` padded to the key column (spaces on a continuation line), a piece of the
    /// description, and the command's name on the entry's last line.
    Entry {
        keys: String,
        text: String,
        name: Option<&'static str>,
    },
    Note(String),
}

/// The help wrapped to `width` columns: a long description continues under itself, after the
/// key column, instead of being cut at the border.
pub fn lines(keymap: &Keymap, width: usize) -> Vec<Line> {
    let key_col = key_column(keymap);
    let mut out = Vec::new();
    for row in rows(keymap) {
        match row {
            Row::Blank => out.push(Line::Blank),
            Row::Group(g) => out.push(Line::Group(g)),
            Row::Note(text) => {
                let indent = text.len() - text.trim_start().len();
                let room = width.saturating_sub(indent).max(10);
                for piece in wrap_words(text.trim_start(), room, room) {
                    out.push(Line::Note(format!("{}{piece}", &text[..indent])));
                }
            }
            Row::Entry {
                keys,
                description,
                name,
            } => {
                let keys = format!("  {keys:<key_col$}");
                let blank = " ".repeat(2 + key_col);
                let first = width.saturating_sub(keys.chars().count() + 1).max(10);
                let rest = width.saturating_sub(blank.len() + 1).max(10);
                let mut pieces = wrap_words(description, first, rest);
                let last_room = if pieces.len() == 1 { first } else { rest };
                // the name goes after the last piece when it fits, else on a line of its own
                let name_fits = name.is_none_or(|n| {
                    pieces
                        .last()
                        .is_none_or(|p| p.chars().count() + n.chars().count() + 4 <= last_room)
                });
                if !name_fits {
                    pieces.push(String::new());
                }
                let count = pieces.len();
                for (i, text) in pieces.into_iter().enumerate() {
                    out.push(Line::Entry {
                        keys: if i == 0 { keys.clone() } else { blank.clone() },
                        text,
                        name: if i + 1 == count { name } else { None },
                    });
                }
            }
        }
    }
    out
}

/// Words of `text` in lines of at most `first` characters, then `rest` (a word longer than a
/// line gets a line of its own).
fn wrap_words(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let room = if out.is_empty() { first } else { rest };
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > room {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push(line);
    out
}

/// Height of the help popup over a text area `text_height` rows high (a row free above and
/// below).
pub fn popup_height(text_height: u16) -> u16 {
    text_height.saturating_sub(2)
}

/// How far the help can scroll before its last row reaches the bottom of the popup (inside its
/// border).
pub fn max_scroll(rows: usize, text_height: u16) -> u16 {
    u16::try_from(rows)
        .unwrap_or(u16::MAX)
        .saturating_sub(popup_height(text_height).saturating_sub(2))
}

/// The help (`?`): the reader's scrolling keys scroll it, its own key, quit and cancel close it.
pub fn handle(
    scroll: &mut u16,
    press: KeyPress,
    keys: &Keymap,
    page: u16,
    max_scroll: u16,
) -> Outcome {
    match keys.lookup_with_layout(&[], press) {
        Lookup::Matched(Command::ScrollDown) => *scroll = (*scroll + 1).min(max_scroll),
        Lookup::Matched(Command::ScrollUp) => *scroll = scroll.saturating_sub(1),
        Lookup::Matched(Command::PageDown | Command::HalfPageDown) => {
            *scroll = scroll.saturating_add(page).min(max_scroll);
        }
        Lookup::Matched(Command::PageUp | Command::HalfPageUp) => {
            *scroll = scroll.saturating_sub(page);
        }
        Lookup::Matched(Command::Top) => *scroll = 0,
        Lookup::Matched(Command::Quit | Command::Help | Command::Cancel) => return Outcome::Close,
        _ if press.key == KeyName::Esc => return Outcome::Close,
        _ => {}
    }
    Outcome::Stay
}

impl crate::app::App {
    /// A key in the help: it scrolls, or closes.
    pub(super) fn help_key(&mut self, press: KeyPress) -> Option<crate::app::Effect> {
        let page = self.reader.height.saturating_sub(4).max(1);
        let inner = usize::from(popup_width(self.reader.width).saturating_sub(2));
        let keys = &self.settings.keymap;
        let max = max_scroll(lines(keys, inner).len(), self.text_height());
        let Overlay::Help { scroll } = &mut self.overlay else {
            return None;
        };
        if handle(scroll, press, keys, page, max) == Outcome::Close {
            self.overlay = Overlay::None;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_descriptions_wrap_under_themselves_and_keep_every_word() {
        let keymap = Keymap::default();
        let width = 60;
        let wrapped = lines(&keymap, width);
        let key_col = key_column(&keymap);
        for line in &wrapped {
            if let Line::Entry { keys, text, name } = line {
                let used = keys.chars().count()
                    + 1
                    + text.chars().count()
                    + name.map_or(0, |n| n.chars().count() + 4);
                // a key list longer than the column, or a name alone on its line, may overrun
                assert!(
                    used <= width || keys.trim().chars().count() > key_col || text.is_empty(),
                    "{used} > {width}: {keys}{text}"
                );
            }
        }
        let words = |text: &str| {
            text.split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        let original: Vec<String> = rows(&keymap)
            .iter()
            .flat_map(|r| match r {
                Row::Entry { description, .. } => words(description),
                _ => Vec::new(),
            })
            .collect();
        let shown: Vec<String> = wrapped
            .iter()
            .flat_map(|l| match l {
                Line::Entry { text, .. } => words(text),
                _ => Vec::new(),
            })
            .collect();
        assert_eq!(original, shown);
        assert!(
            wrapped.len() > rows(&keymap).len(),
            "something wrapped at {width}"
        );
    }
}

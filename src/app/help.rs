//! What the `?` overlay says, generated from the command table and the live keymap (so it always
//! shows the keys that actually work), plus the `:` commands and the Arabic-layout note. The
//! rows are plain text; `ui::help` styles and draws them.

use crate::app::Outcome;
use crate::app::command_line::TYPABLE;
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

//! What is drawn over the reader, and how each overlay takes a key: every one has a
//! `handle(KeyPress) -> Outcome`, reading its keys from its keymap section, so the app only
//! acts on the outcome (link this, set that, run the line). One enum says which is open.

use crate::app::annotations::{LABEL_KEYS, LabelFor};
use crate::app::attributes::{ChoicePicker, LinkPicker};
use crate::app::command_line::LineEditor;
use crate::config::commands::{Command, Mode};
use crate::config::keymap::{KeyName, KeyPress, Keymap, Lookup};

/// What is drawn over the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help {
        scroll: u16,
    },
    CommandLine(LineEditor),
    /// The `/` search prompt.
    Search(LineEditor),
    /// A list to read (`:orphans`), closed with Esc or q.
    List {
        title: String,
        lines: Vec<String>,
    },
    /// Waiting for a label key (after `e` or `r`).
    LabelPicker(LabelFor),
    /// The labels and layers with their counts; their keys toggle them (`L`).
    Legend,
    /// Waiting for a claim-type, verification or source-type key (after `t` or `V`).
    Choice(ChoicePicker),
    /// Sources of a claim (or claims of a source) to link, nearest first (`l`).
    Link(LinkPicker),
    /// The note of an annotation being edited on the bottom line (`Enter`).
    Note {
        id: String,
        editor: LineEditor,
    },
}

/// What a key did to an open overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome<T = ()> {
    /// It stays open (the key moved or edited something in it).
    Stay,
    /// Close it; nothing else happens.
    Close,
    /// Something was chosen, for the app to act on.
    Chosen(T),
    /// Not the overlay's key: the reader's keymap gets it (the side panel only).
    Pass,
}

/// A plain character as the Latin key in its place (also typed on the Arabic layout), for
/// pickers whose options are single letters; `None` for named keys and Ctrl/Alt chords.
pub fn option_letter(press: KeyPress) -> Option<char> {
    let latin = crate::config::arabic::translate(press).unwrap_or(press);
    match latin.key {
        KeyName::Char(c) if !latin.ctrl && !latin.alt => Some(c),
        _ => None,
    }
}

impl LinkPicker {
    /// `[picker]` keys move and choose (by position too); any other key closes it.
    pub fn handle(&mut self, press: KeyPress, keys: &Keymap) -> Outcome<usize> {
        let last = self.candidates.len().saturating_sub(1);
        match keys.command_in(Mode::Picker, press) {
            Some(Command::PickerDown) => self.selected = (self.selected + 1).min(last),
            Some(Command::PickerUp) => self.selected = self.selected.saturating_sub(1),
            Some(Command::PickerChoose) => return Outcome::Chosen(self.selected),
            Some(Command::Pick(n)) => {
                let index = usize::from(n.saturating_sub(1));
                if index <= last {
                    return Outcome::Chosen(index);
                }
            }
            _ => return Outcome::Close,
        }
        Outcome::Stay
    }
}

impl ChoicePicker {
    /// An option's letter is chosen (the app checks it is one); any other key closes it.
    pub fn handle(&self, press: KeyPress) -> Outcome<char> {
        option_letter(press).map_or(Outcome::Close, Outcome::Chosen)
    }
}

impl LabelFor {
    /// A label's letter picks it; any other key closes the picker.
    pub fn handle(&self, press: KeyPress) -> Outcome<&'static str> {
        option_letter(press)
            .and_then(|c| LABEL_KEYS.iter().find(|(k, _)| *k == c))
            .map_or(Outcome::Close, |(_, label)| Outcome::Chosen(*label))
    }
}

/// The legend (`L`): a layer's or label's letter is chosen (to toggle it, the legend staying
/// open); Esc, `L` and `q` close it; other keys do nothing.
pub fn legend_handle(press: KeyPress) -> Outcome<char> {
    if press.key == KeyName::Esc {
        return Outcome::Close;
    }
    match option_letter(press) {
        Some('L' | 'q') => Outcome::Close,
        Some(c) => Outcome::Chosen(c),
        None => Outcome::Stay,
    }
}

impl LineEditor {
    /// A key in a prompt: `[prompt]` keys submit, cancel and complete; the rest edit the text.
    /// `close_when_emptied`: Backspace on an empty line closes it (the command line and
    /// search, as in vim; not the note editor).
    pub fn handle(
        &mut self,
        press: KeyPress,
        keys: &Keymap,
        close_when_emptied: bool,
    ) -> Outcome<String> {
        match keys.lookup_in(Mode::Prompt, &[press]) {
            Lookup::Matched(Command::PromptSubmit) => return Outcome::Chosen(self.text.clone()),
            Lookup::Matched(Command::PromptCancel) => return Outcome::Close,
            Lookup::Matched(Command::PromptComplete) => self.cycle(true),
            Lookup::Matched(Command::PromptCompleteBack) => self.cycle(false),
            _ if press.key == KeyName::Backspace => {
                if !self.backspace() && close_when_emptied {
                    return Outcome::Close;
                }
            }
            _ => {
                self.edit_key(press);
            }
        }
        Outcome::Stay
    }
}

impl crate::app::panel::Panel {
    /// A key while the panel has the keys: its `[panel]` command, or `Pass` for keys it
    /// leaves to the reader (help, the command line, review keys, Ctrl and Alt chords…).
    pub fn handle(&self, press: KeyPress, keys: &Keymap) -> Outcome<Command> {
        if press.ctrl || press.alt {
            return Outcome::Pass;
        }
        keys.command_in(Mode::Panel, press)
            .map_or(Outcome::Pass, Outcome::Chosen)
    }
}

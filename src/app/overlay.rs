//! What is drawn over the reader, and how each overlay takes a key: every one has a
//! `handle(KeyPress) -> Outcome`, reading its keys from its keymap section, and a key function
//! beside the code it drives (`link_key` in `attributes`, `chain_key` in `chain`…) that carries
//! the outcome out. One enum says which is open; [`Overlay::key_taker`] names its key function.

use crate::app::annotations::LabelFor;
use crate::app::attributes::{ChoicePicker, LinkPicker};
use crate::app::chain::{ChainEditor, SourcePicker};
use crate::app::command_line::LineEditor;
use crate::app::{App, Effect};
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
    /// Sources to add to a chain (`i`) or to refer back to (`=`), nearest first.
    Sources(SourcePicker),
    /// The intermediaries of one attribution, to move or remove (`I`).
    Chain(ChainEditor),
    /// The note of an annotation being edited on the bottom line (`Enter`).
    Note {
        id: String,
        editor: LineEditor,
    },
}

/// What takes the keys of an open overlay: handles the key and carries out the outcome.
pub type KeyTaker = fn(&mut App, KeyPress) -> Option<Effect>;

impl Overlay {
    /// The function that takes this overlay's keys (`None`: no overlay is open). A new overlay
    /// adds its variant and one line here; what it does lives with its own code.
    pub fn key_taker(&self) -> Option<KeyTaker> {
        Some(match self {
            Overlay::None => return None,
            Overlay::List { .. } => App::list_key,
            Overlay::Help { .. } => App::help_key,
            Overlay::CommandLine(_) | Overlay::Search(_) => App::prompt_key,
            Overlay::Note { .. } => App::note_key,
            Overlay::LabelPicker(_) => App::label_key,
            Overlay::Choice(_) => App::choice_key,
            Overlay::Link(_) => App::link_key,
            Overlay::Sources(_) => App::sources_key,
            Overlay::Chain(_) => App::chain_key,
            Overlay::Legend => App::legend_key,
        })
    }
}

impl App {
    /// Closes the open overlay, saying `why` when there is something to say.
    pub(super) fn close_overlay(&mut self, why: Option<&str>) {
        self.overlay = Overlay::None;
        if let Some(why) = why {
            self.info(why.to_owned());
        }
    }

    /// A key in a list to read (`:orphans`): any key closes it.
    fn list_key(&mut self, _press: KeyPress) -> Option<Effect> {
        self.close_overlay(None);
        None
    }

    /// A key in the legend (`L`): a layer or label key toggles it, the legend staying open.
    fn legend_key(&mut self, press: KeyPress) -> Option<Effect> {
        match legend_handle(press, &self.settings.keymap) {
            Outcome::Chosen(choice) => {
                let note = self.reader.layers.toggle(choice);
                self.say(note);
            }
            Outcome::Close => self.close_overlay(None),
            Outcome::Stay | Outcome::Pass => {}
        }
        None
    }
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

/// A key in a list picker of `len` entries: `[picker]` keys move `selected` and choose (by
/// position too); any other key closes it.
pub fn pick_in_list(
    selected: &mut usize,
    len: usize,
    press: KeyPress,
    keys: &Keymap,
) -> Outcome<usize> {
    let last = len.saturating_sub(1);
    match keys.command_in(Mode::Picker, press) {
        Some(Command::PickerDown) => *selected = (*selected + 1).min(last),
        Some(Command::PickerUp) => *selected = selected.saturating_sub(1),
        Some(Command::PickerChoose) => return Outcome::Chosen(*selected),
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

impl LinkPicker {
    /// `[picker]` keys move and choose (by position too); any other key closes it.
    pub fn handle(&mut self, press: KeyPress, keys: &Keymap) -> Outcome<usize> {
        pick_in_list(&mut self.selected, self.candidates.len(), press, keys)
    }
}

impl ChoicePicker {
    /// A key of the attribute's section (`[claim_type]`, `[source_type]`, `[verdict]`) chooses
    /// its value; any other key closes it.
    pub fn handle(&self, press: KeyPress, keys: &Keymap) -> Outcome<Command> {
        keys.command_in(self.attribute.mode(), press)
            .map_or(Outcome::Close, Outcome::Chosen)
    }
}

impl LabelFor {
    /// A `[label]` key picks its label; any other key closes the picker.
    pub fn handle(&self, press: KeyPress, keys: &Keymap) -> Outcome<&'static str> {
        match keys.command_in(Mode::Label, press) {
            Some(Command::Label(label)) => Outcome::Chosen(label),
            _ => Outcome::Close,
        }
    }
}

/// The legend (`L`): a `[legend]` layer key or a `[label]` key is chosen (to toggle it, the
/// legend staying open); `legend.close` closes it; other keys do nothing.
pub fn legend_handle(press: KeyPress, keys: &Keymap) -> Outcome<Command> {
    // Esc with any modifier closes it, as every overlay
    if press.key == KeyName::Esc {
        return Outcome::Close;
    }
    match keys.command_in(Mode::Legend, press) {
        Some(Command::LegendClose) => Outcome::Close,
        Some(command) => Outcome::Chosen(command),
        None => keys
            .command_in(Mode::Label, press)
            .map_or(Outcome::Stay, Outcome::Chosen),
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

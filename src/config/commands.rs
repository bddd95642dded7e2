//! The one command table: every command a key, the `:` command line or the help overlay can name.
//! Help, which-key, `:` completion, keymap validation and the shipped `assets/keymap.toml` are all
//! generated from or checked against [`COMMANDS`], so they cannot drift apart.
//!
//! This file is plain data (no terminal types) so that `check-config` can validate keymaps too.

use std::fmt;
use std::str::FromStr;

/// A command without arguments, as bound to keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    Quit,
    Help,
    CommandLine,
    CycleBidi,
    Redraw,
    ScrollDown,
    ScrollUp,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    Top,
    Bottom,
    NextWord,
    PrevWord,
    WordLeft,
    WordRight,
    Cancel,
    Suspend,
    Select,
    TagSource,
    TagClaim,
    Undo,
    Redo,
    Save,
    Search,
    SearchNext,
    SearchPrev,
    Open,
    LibraryBack,
    LibrarySort,
    TagEntity,
    ReviewNext,
    ReviewPrev,
    Accept,
    Reject,
    AcceptAll,
    Relabel,
    StartEarlier,
    StartLater,
    EndLeft,
    EndRight,
    Legend,
    TogglePanel,
    Link,
    SetType,
    Verify,
    Cue,
    Delete,
    NoteInEditor,
}

/// One row of the command table.
#[derive(Debug, Clone, Copy)]
pub struct CommandInfo {
    pub command: Command,
    /// Dotted name used in `keymap.toml` and on the `:` command line.
    pub name: &'static str,
    /// One line for the help overlay, which-key and completion.
    pub description: &'static str,
    /// Heading the help overlay groups it under.
    pub group: &'static str,
    /// Default key sequences (keymap notation, see `config::keymap`).
    pub keys: &'static [&'static str],
}

macro_rules! table {
    ($($cmd:ident, $name:literal, $group:literal, $desc:literal, [$($key:literal),*];)*) => {
        /// Every command, in the order the help overlay lists them.
        pub const COMMANDS: &[CommandInfo] = &[
            $(CommandInfo { command: Command::$cmd, name: $name, description: $desc, group: $group, keys: &[$($key),*] },)*
        ];
    };
}

table! {
    ScrollDown, "view.scroll_down", "Scroll", "Scroll down one line", ["j", "<Down>"];
    ScrollUp, "view.scroll_up", "Scroll", "Scroll up one line", ["k", "<Up>"];
    HalfPageDown, "view.half_page_down", "Scroll", "Scroll down half a screen", ["<C-d>"];
    HalfPageUp, "view.half_page_up", "Scroll", "Scroll up half a screen", ["<C-u>"];
    PageDown, "view.page_down", "Scroll", "Scroll down one screen", ["<PageDown>", "<Space>", "<C-f>"];
    PageUp, "view.page_up", "Scroll", "Scroll up one screen", ["<PageUp>", "<C-b>"];
    Top, "view.top", "Scroll", "Go to the start of the article", ["g g", "<Home>"];
    Bottom, "view.bottom", "Scroll", "Go to the end of the article", ["G", "g e", "<End>"];
    Search, "search.start", "Search", "Search forward (ignores harakat, tatweel and letter variants)", ["/"];
    SearchNext, "search.next", "Search", "Next match", ["n"];
    SearchPrev, "search.prev", "Search", "Previous match", ["N"];
    NextWord, "cursor.next_word", "Cursor", "Next word in reading order", ["w"];
    PrevWord, "cursor.prev_word", "Cursor", "Previous word in reading order", ["b"];
    WordLeft, "cursor.left", "Cursor", "Word to the left on screen (forward in right-to-left text)", ["<Left>"];
    WordRight, "cursor.right", "Cursor", "Word to the right on screen (backward in right-to-left text)", ["<Right>"];
    Select, "select.toggle", "Annotate", "Start a selection at the word cursor (motions and mouse drag extend it; Esc cancels)", ["v"];
    TagSource, "tag.source", "Annotate", "Tag the selection (or the word) as a source", ["s"];
    TagClaim, "tag.claim", "Annotate", "Tag the selection (or the word) as a claim", ["c"];
    TagEntity, "tag.entity", "Annotate", "Tag the selection (or the word) as an entity (then a label key)", ["e"];
    ReviewNext, "review.next", "Review", "Next pending suggestion", ["]"];
    ReviewPrev, "review.prev", "Review", "Previous pending suggestion", ["["];
    Accept, "review.accept", "Review", "Accept the suggestion under the cursor (and go to the next)", ["a"];
    Reject, "review.reject", "Review", "Reject the suggestion under the cursor (and go to the next)", ["x"];
    AcceptAll, "review.accept_all", "Review", "Accept every pending suggestion with the same text and label", ["A"];
    Relabel, "review.relabel", "Review", "Change the label of the entity under the cursor (then a label key)", ["r"];
    StartEarlier, "review.start_earlier", "Review", "Move the start of the annotation under the cursor one word earlier (reading order)", ["<lt>"];
    StartLater, "review.start_later", "Review", "Move the start of the annotation under the cursor one word later (reading order)", ["<gt>"];
    EndLeft, "review.end_left", "Review", "Move the end of the annotation under the cursor one word left on screen (longer in right-to-left text)", ["<S-Left>"];
    EndRight, "review.end_right", "Review", "Move the end of the annotation under the cursor one word right on screen (shorter in right-to-left text)", ["<S-Right>"];
    Legend, "view.legend", "Review", "Show the legend: labels and layers with counts; their keys hide or show them", ["L"];
    Link, "claim.link", "Claims", "Link the claim under the cursor to a source (or a source to a claim): a picker, nearest first; Enter links or unlinks", ["l"];
    Cue, "claim.cue", "Claims", "Attach the selection (or the word) as the cue of the current claim's attribution", ["C"];
    SetType, "claim.type", "Claims", "Set the type of the claim or source under the cursor (then a key)", ["t"];
    Verify, "claim.verify", "Claims", "Set the verification status of the claim under the cursor (then a key)", ["V"];
    Open, "annotate.open", "Annotate", "Edit the note of the annotation under the cursor (Enter keeps it, Esc drops the edit); in the library, open the chosen article", ["<Enter>"];
    NoteInEditor, "annotate.note_editor", "Annotate", "Edit the note of the annotation under the cursor in $VISUAL or $EDITOR", ["E"];
    Delete, "annotate.delete", "Annotate", "Delete the annotation under the cursor with its links (u undoes)", ["d"];
    Undo, "edit.undo", "Annotate", "Undo the last change", ["u"];
    Redo, "edit.redo", "Annotate", "Redo the last undone change", ["<C-r>"];
    Save, "file.save", "Annotate", "Save the annotations now (they are also saved within a second of every change)", ["<C-s>"];
    LibraryBack, "library.back", "Library", "Back from the article to the library", ["<Backspace>"];
    LibrarySort, "library.sort", "Library", "Sort the library by name, size or pending suggestions", ["o"];
    TogglePanel, "view.panel", "View", "Side panel of claims, sources and entities (Tab again: keys to the reader, then close)", ["<Tab>"];
    CycleBidi, "view.cycle_bidi", "View", "Cycle the right-to-left rendering mode: app, terminal, off", ["m", "<F2>"];
    Redraw, "view.redraw", "View", "Redraw the screen", ["<C-l>"];
    Help, "app.help", "App", "Show or hide this help", ["?", "<F1>"];
    CommandLine, "app.command_line", "App", "Open the command line (:w, :q, :e FILE, :theme NAME, …)", [":"];
    Cancel, "app.cancel", "App", "Close the open popup or prompt, cancel the selection, clear the message", ["<Esc>"];
    Suspend, "app.suspend", "App", "Suspend to the shell (fg resumes)", ["<C-z>"];
    Quit, "app.quit", "App", "Quit", ["q", "<C-c>"];
}

impl Command {
    /// The table row of this command.
    pub fn info(self) -> &'static CommandInfo {
        // Every variant has a row (checked by a test), so the fallback is never taken.
        COMMANDS
            .iter()
            .find(|c| c.command == self)
            .unwrap_or(&COMMANDS[0])
    }

    pub fn name(self) -> &'static str {
        self.info().name
    }
}

impl fmt::Display for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An unknown command name, with the closest known name when one is near.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCommand {
    pub name: String,
    pub suggestion: Option<&'static str>,
}

impl fmt::Display for UnknownCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown command `{}`", self.name)?;
        if let Some(s) = self.suggestion {
            write!(f, "; did you mean `{s}`?")?;
        }
        Ok(())
    }
}

impl FromStr for Command {
    type Err = UnknownCommand;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        COMMANDS
            .iter()
            .find(|c| c.name == s)
            .map(|c| c.command)
            .ok_or_else(|| UnknownCommand {
                name: s.to_owned(),
                suggestion: closest(s, COMMANDS.iter().map(|c| c.name)),
            })
    }
}

/// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_one_row_with_a_description_and_a_dotted_name() {
        let mut names = std::collections::HashSet::new();
        for info in COMMANDS {
            assert!(!info.description.is_empty(), "{}", info.name);
            assert!(info.name.contains('.'), "{}", info.name);
            assert!(names.insert(info.name), "duplicate {}", info.name);
            assert_eq!(info.command.info().name, info.name);
            assert_eq!(info.name.parse::<Command>(), Ok(info.command));
        }
    }

    /// Every variant, listed by an exhaustive match so adding a command without updating this
    /// test (and so without checking it has a table row) does not compile.
    fn all_commands() -> Vec<Command> {
        let all = vec![
            Command::Quit,
            Command::Help,
            Command::CommandLine,
            Command::CycleBidi,
            Command::Redraw,
            Command::ScrollDown,
            Command::ScrollUp,
            Command::HalfPageDown,
            Command::HalfPageUp,
            Command::PageDown,
            Command::PageUp,
            Command::Top,
            Command::Bottom,
            Command::NextWord,
            Command::PrevWord,
            Command::WordLeft,
            Command::WordRight,
            Command::Cancel,
            Command::Suspend,
            Command::Select,
            Command::TagSource,
            Command::TagClaim,
            Command::Undo,
            Command::Redo,
            Command::Save,
            Command::Search,
            Command::SearchNext,
            Command::SearchPrev,
            Command::Open,
            Command::LibraryBack,
            Command::LibrarySort,
            Command::TagEntity,
            Command::ReviewNext,
            Command::ReviewPrev,
            Command::Accept,
            Command::Reject,
            Command::AcceptAll,
            Command::Relabel,
            Command::StartEarlier,
            Command::StartLater,
            Command::EndLeft,
            Command::EndRight,
            Command::Legend,
            Command::TogglePanel,
            Command::Link,
            Command::SetType,
            Command::Verify,
            Command::Cue,
            Command::Delete,
            Command::NoteInEditor,
        ];
        for c in &all {
            match c {
                Command::Quit => {}
                Command::Help => {}
                Command::CommandLine => {}
                Command::CycleBidi => {}
                Command::Redraw => {}
                Command::ScrollDown => {}
                Command::ScrollUp => {}
                Command::HalfPageDown => {}
                Command::HalfPageUp => {}
                Command::PageDown => {}
                Command::PageUp => {}
                Command::Top => {}
                Command::Bottom => {}
                Command::NextWord => {}
                Command::PrevWord => {}
                Command::WordLeft => {}
                Command::WordRight => {}
                Command::Cancel => {}
                Command::Suspend => {}
                Command::Select => {}
                Command::TagSource => {}
                Command::TagClaim => {}
                Command::Undo => {}
                Command::Redo => {}
                Command::Save => {}
                Command::Search => {}
                Command::SearchNext => {}
                Command::SearchPrev => {}
                Command::Open => {}
                Command::LibraryBack => {}
                Command::LibrarySort => {}
                Command::TagEntity => {}
                Command::ReviewNext => {}
                Command::ReviewPrev => {}
                Command::Accept => {}
                Command::Reject => {}
                Command::AcceptAll => {}
                Command::Relabel => {}
                Command::StartEarlier => {}
                Command::StartLater => {}
                Command::EndLeft => {}
                Command::EndRight => {}
                Command::Legend => {}
                Command::TogglePanel => {}
                Command::Link => {}
                Command::SetType => {}
                Command::Verify => {}
                Command::Cue => {}
                Command::Delete => {}
                Command::NoteInEditor => {}
            }
        }
        all
    }

    #[test]
    fn every_variant_has_a_table_row() {
        let all = all_commands();
        assert_eq!(all.len(), COMMANDS.len());
        for c in all {
            assert!(COMMANDS.iter().any(|i| i.command == c), "{c:?} has no row");
        }
    }

    #[test]
    fn unknown_names_get_suggestions() {
        let err = "view.scrol_down".parse::<Command>().expect_err("an error");
        assert_eq!(err.suggestion, Some("view.scroll_down"));
        assert_eq!(
            err.to_string(),
            "unknown command `view.scrol_down`; did you mean `view.scroll_down`?"
        );
        assert_eq!(
            "zzz".parse::<Command>().expect_err("an error").suggestion,
            None
        );
    }
}

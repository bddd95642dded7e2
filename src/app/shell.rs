//! The shell's part of the state: the status bar (message, terminal hint), keys typed so far of
//! a sequence, the time as the loop last said, lines for the log, and whether to quit.

use std::time::Instant;

use crate::config::colors::ColorDepth;
use crate::config::keymap::KeyPress;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    Info,
    Error,
}

#[derive(Debug, Clone)]
pub struct Message {
    pub text: String,
    pub kind: MessageKind,
    pub at: Instant,
}

/// What a part of the app says after doing something; the app shows it in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub kind: MessageKind,
    pub text: String,
}

impl Note {
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            kind: MessageKind::Info,
            text: text.into(),
        }
    }

    pub fn error(text: impl Into<String>) -> Self {
        Self {
            kind: MessageKind::Error,
            text: text.into(),
        }
    }
}

pub struct Shell {
    pub message: Option<Message>,
    /// Advice about the terminal's own bidi setting, shown when there is no message.
    pub hint: Option<&'static str>,
    /// Keys typed so far of a longer sequence (which-key shows continuations).
    pub pending: Vec<KeyPress>,
    /// A count typed before a command (`5` of `5w`), shown in the status bar until the command.
    pub count: Option<u32>,
    pub quit: bool,
    /// Said on stderr once the terminal is restored: where unsaved changes were kept when isnad
    /// had to exit without saving them ([`crate::annotate::recovery::rescue_unsaved`]).
    pub exit_note: Option<String>,
    /// The time as the loop last said (the clock is read there, never here).
    pub now: Instant,
    /// What `color = "auto"` means on this terminal (found by the shell at start).
    pub terminal_colors: ColorDepth,
    /// Names `:theme` completes: built-in and the user's files, listed when the app is made
    /// (the folder is not read while running).
    pub themes: Vec<String>,
    /// Lines for the log, handed to the loop as [`crate::app::Effect::Log`].
    pub(super) log: Vec<String>,
}

/// What the shell found around the app when it started, which the pure app cannot look up
/// itself: how many colours the terminal shows (what `color = "auto"` means), the theme names
/// `:theme` completes (built-in and the user's files) and the time.
#[derive(Debug, Clone)]
pub struct Surroundings {
    pub terminal_colors: ColorDepth,
    pub themes: Vec<String>,
    pub now: Instant,
}

impl Shell {
    pub fn new(found: Surroundings) -> Self {
        let Surroundings {
            terminal_colors,
            themes,
            now,
        } = found;
        Self {
            message: None,
            hint: None,
            pending: Vec::new(),
            count: None,
            quit: false,
            exit_note: None,
            now,
            terminal_colors,
            themes,
            log: Vec::new(),
        }
    }
}

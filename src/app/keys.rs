//! Keys and other terminal events: the open overlay gets them first, then the side panel, then
//! the keymap (with which-key for sequences and the Arabic layout fallback).

use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};

use crate::app::overlay::Outcome;
use crate::app::{Action, App, Effect, Overlay, Screen, input};
use crate::config::commands::{Command, Mode};
use crate::config::keymap::{KeyName, KeyPress, Lookup};

/// The largest count kept (`99999j` scrolls as far as `9999j`): a count is a number of steps,
/// and a key must not keep the app busy for long.
const MAX_COUNT: u32 = 9999;

impl App {
    /// Turns a terminal event into actions. Pure like `update`.
    pub fn handle_event(&mut self, event: Event) -> Vec<Effect> {
        let effect = self.handle(event);
        self.with_log(effect)
    }

    pub(super) fn handle(&mut self, event: Event) -> Option<Effect> {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                let press = input::key_press(&key)?;
                if let Some(take) = self.overlay.key_taker() {
                    return take(self, press);
                }
                if self.screen == Screen::Isnad {
                    return self.isnad_key(press);
                }
                if let Some(which) = self.table_shown() {
                    return self.table_key(press, which);
                }
                if self.panel.as_ref().is_some_and(|p| p.focused)
                    && let Some(panel) = &self.panel
                    && let Outcome::Chosen(command) = panel.handle(press, &self.settings.keymap)
                {
                    self.panel_command(command);
                    return None;
                }
                self.normal_key(press)
            }
            Event::Mouse(mouse)
                if self.overlay == Overlay::None && self.table_shown().is_some() =>
            {
                self.table_mouse(mouse);
                None
            }
            Event::Mouse(mouse) => self.mouse(mouse),
            Event::Resize(width, height) => self.apply(Action::Resize { width, height }),
            Event::Paste(text) => {
                if let Overlay::CommandLine(editor)
                | Overlay::Search(editor)
                | Overlay::Note { editor, .. } = &mut self.overlay
                {
                    editor.insert(&text);
                }
                None
            }
            _ => None,
        }
    }

    /// The mouse in the reader (a table takes its own): the wheel scrolls, a click moves the
    /// cursor, a drag selects; nothing while a popup is open.
    fn mouse(&mut self, mouse: crossterm::event::MouseEvent) -> Option<Effect> {
        match mouse.kind {
            MouseEventKind::ScrollDown if self.overlay == Overlay::None => {
                self.apply(Action::Scroll(self.settings.config.wheel_lines as isize))
            }
            MouseEventKind::ScrollUp if self.overlay == Overlay::None => {
                self.apply(Action::Scroll(-(self.settings.config.wheel_lines as isize)))
            }
            MouseEventKind::Down(MouseButton::Left) if self.overlay == Overlay::None => {
                self.reader.selection_anchor = None;
                self.apply(Action::Click {
                    column: mouse.column,
                    row: mouse.row,
                })
            }
            MouseEventKind::Drag(MouseButton::Left) if self.overlay == Overlay::None => {
                self.apply(Action::Drag {
                    column: mouse.column,
                    row: mouse.row,
                })
            }
            _ => None,
        }
    }

    /// A key for the reader: a selection's or the library's own section first (single keys),
    /// then `[reader]`, with sequences and the Arabic layout fallback.
    pub(super) fn normal_key(&mut self, press: KeyPress) -> Option<Effect> {
        let refined = self.refined_mode();
        if self.shell.pending.is_empty()
            && let Some(mode) = refined
            && let Some(command) = self.settings.keymap.command_in(mode, press)
        {
            return self.run_counted(command);
        }
        if self.shell.pending.is_empty() && self.typed_count(press, refined) {
            return None;
        }
        let lookup = self
            .settings
            .keymap
            .lookup_with_layout(&self.shell.pending, press);
        match lookup {
            Lookup::Matched(command) => {
                self.shell.pending.clear();
                self.run_counted(command)
            }
            Lookup::Pending(_) => {
                self.key_pending(press);
                None
            }
            Lookup::NotFound => self.key_not_bound(press),
        }
    }

    /// The keymap section that takes single keys before `[reader]` here, if one does.
    fn refined_mode(&self) -> Option<Mode> {
        if self.screen == Screen::Library {
            Some(Mode::Library)
        } else if self.compare_shown() {
            Some(Mode::Compare)
        } else if self.reader.selection_anchor.is_some() {
            Some(Mode::Select)
        } else {
            None
        }
    }

    /// `press` begins or goes on with a sequence: it is remembered as the keymap knows it
    /// (Latin after layout translation).
    fn key_pending(&mut self, press: KeyPress) {
        let mut typed = self.shell.pending.clone();
        typed.push(press);
        if self.settings.keymap.lookup(&typed) == Lookup::NotFound
            && let Some(latin) = crate::config::arabic::translate(press)
        {
            typed.pop();
            typed.push(latin);
        }
        self.shell.pending = typed;
    }

    /// `press` (after the keys pending) is bound to nothing: said, with the key for help;
    /// `Esc` cancels as usual.
    fn key_not_bound(&mut self, press: KeyPress) -> Option<Effect> {
        let mut typed = self.shell.pending.clone();
        typed.push(press);
        self.shell.pending.clear();
        self.shell.count = None;
        if press.key == crate::config::keymap::KeyName::Esc {
            return self.apply(Action::Run(Command::Cancel));
        }
        let help = self.settings.keymap.keys_for(Command::Help);
        let hint = help
            .first()
            .map(|k| format!(" ({k} shows the keys)"))
            .unwrap_or_default();
        self.info(format!(
            "{} is not bound{hint}",
            crate::config::keymap::sequence_to_string(&typed)
        ));
        None
    }

    /// Whether `press` went into the count (`5` of `5w`, also in Arabic-Indic digits): a digit
    /// no command of the section with the keys (`refined`, then `[reader]`) is bound to, a
    /// `0` only after another digit. `Esc` drops a count being typed.
    fn typed_count(&mut self, press: KeyPress, refined: Option<Mode>) -> bool {
        if press.key == KeyName::Esc && self.shell.count.take().is_some() {
            return true;
        }
        let KeyName::Char(c) = press.key else {
            return false;
        };
        let digit = c.to_digit(10).or_else(|| {
            let arabic_indic = u32::from(c).checked_sub(u32::from('٠'))?;
            (arabic_indic < 10).then_some(arabic_indic)
        });
        let bound = |mode| self.settings.keymap.command_in(mode, press).is_some();
        let Some(digit) = digit.filter(|_| !press.ctrl && !press.alt) else {
            return false;
        };
        if (digit == 0 && self.shell.count.is_none())
            || refined.is_some_and(bound)
            || bound(Mode::Reader)
        {
            return false;
        }
        let count = self.shell.count.unwrap_or(0);
        self.shell.count = Some((count * 10 + digit).min(MAX_COUNT));
        true
    }

    /// Runs `command`, as many times as the count typed before it says when it takes one; a
    /// count it does not take is said to be ignored, not dropped silently.
    fn run_counted(&mut self, command: Command) -> Option<Effect> {
        let (times, ignored) = match self.shell.count.take() {
            Some(n) if command.takes_count() => (n, None),
            other => (1, other),
        };
        for _ in 1..times {
            if let Some(effect) = self.apply(Action::Run(command)) {
                return Some(effect);
            }
        }
        let before = self.shell.message.as_ref().map(|m| m.text.clone());
        let effect = self.apply(Action::Run(command));
        if let Some(n) = ignored {
            let note = format!("count {n} ignored: {} runs once", command.name());
            match &mut self.shell.message {
                // first, so a long message cut at the screen's edge keeps it
                Some(m) if Some(&m.text) != before.as_ref() => {
                    m.text = format!("{note} · {}", m.text)
                }
                _ => self.info(note),
            }
        }
        effect
    }
}

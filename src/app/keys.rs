//! Keys and other terminal events: the open overlay gets them first, then the side panel, then
//! the keymap (with which-key for sequences and the Arabic layout fallback).

use crossterm::event::{Event, KeyCode, KeyEventKind, MouseButton, MouseEventKind};

use crate::app::help;
use crate::app::{Action, App, Effect, Overlay, annotations, input};
use crate::config::commands::Command;
use crate::config::keymap::{KeyPress, Lookup};

impl App {
    /// Turns a terminal event into actions. Pure like `update`.
    pub fn handle_event(&mut self, event: Event) -> Vec<Effect> {
        let effect = self.handle(event);
        self.with_log(effect)
    }

    pub(super) fn handle(&mut self, event: Event) -> Effect {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                match &mut self.overlay {
                    Overlay::CommandLine(_) | Overlay::Search(_) => {
                        return self.command_line_key(key);
                    }
                    Overlay::Help { .. } => return self.help_key(key),
                    Overlay::LabelPicker(_) => return self.label_key(key),
                    Overlay::Choice(_) => return self.choice_key(key),
                    Overlay::Link(_) => return self.link_key(key),
                    Overlay::Note { .. } => return self.note_key(key),
                    Overlay::Legend => return self.legend_key(key),
                    Overlay::List { .. } => {
                        self.overlay = Overlay::None;
                        return Effect::None;
                    }
                    Overlay::None => {}
                }
                if self.panel.as_ref().is_some_and(|p| p.focused)
                    && let Some(effect) = self.panel_key(key)
                {
                    return effect;
                }
                let Some(press) = input::key_press(&key) else {
                    return Effect::None;
                };
                self.normal_key(press)
            }
            Event::Mouse(mouse) => match mouse.kind {
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
                MouseEventKind::Drag(MouseButton::Left) if self.overlay == Overlay::None => self
                    .apply(Action::Drag {
                        column: mouse.column,
                        row: mouse.row,
                    }),
                _ => Effect::None,
            },
            Event::Resize(width, height) => self.apply(Action::Resize { width, height }),
            Event::Paste(text) => {
                if let Overlay::CommandLine(editor)
                | Overlay::Search(editor)
                | Overlay::Note { editor, .. } = &mut self.overlay
                {
                    editor.insert(&text);
                }
                Effect::None
            }
            _ => Effect::None,
        }
    }

    pub(super) fn normal_key(&mut self, press: KeyPress) -> Effect {
        let lookup = self
            .settings
            .keymap
            .lookup_with_layout(&self.shell.pending, press);
        match lookup {
            Lookup::Matched(command) => {
                self.shell.pending.clear();
                self.apply(Action::Run(command))
            }
            Lookup::Pending(_) => {
                // remember the key as the keymap knows it (Latin after layout translation)
                let mut typed = self.shell.pending.clone();
                typed.push(press);
                if self.settings.keymap.lookup(&typed) == Lookup::NotFound
                    && let Some(latin) = crate::config::arabic::translate(press)
                {
                    typed.pop();
                    typed.push(latin);
                }
                self.shell.pending = typed;
                Effect::None
            }
            Lookup::NotFound => {
                let mut typed = self.shell.pending.clone();
                typed.push(press);
                self.shell.pending.clear();
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
                Effect::None
            }
        }
    }

    /// A key in the label picker: a label's letter (on either keyboard layout) picks it,
    /// anything else cancels.
    pub(super) fn label_key(&mut self, key: crossterm::event::KeyEvent) -> Effect {
        let Overlay::LabelPicker(purpose) = std::mem::replace(&mut self.overlay, Overlay::None)
        else {
            return Effect::None;
        };
        let Some(press) = input::key_press(&key) else {
            return Effect::None;
        };
        let latin = crate::config::arabic::translate(press).unwrap_or(press);
        let chosen = match latin.key {
            crate::config::keymap::KeyName::Char(c) if !latin.ctrl && !latin.alt => {
                annotations::LABEL_KEYS.iter().find(|(k, _)| *k == c)
            }
            _ => None,
        };
        match chosen {
            Some((_, label)) => self.label_chosen(purpose, label),
            None => self.info("cancelled"),
        }
        Effect::None
    }

    pub(super) fn help_key(&mut self, key: crossterm::event::KeyEvent) -> Effect {
        let Some(press) = input::key_press(&key) else {
            return Effect::None;
        };
        let page = self.reader.height.saturating_sub(4).max(1);
        let max_scroll =
            help::max_scroll(help::rows(&self.settings.keymap).len(), self.text_height());
        let Overlay::Help { scroll } = &mut self.overlay else {
            return Effect::None;
        };
        match self.settings.keymap.lookup_with_layout(&[], press) {
            Lookup::Matched(Command::ScrollDown) => *scroll = (*scroll + 1).min(max_scroll),
            Lookup::Matched(Command::ScrollUp) => *scroll = scroll.saturating_sub(1),
            Lookup::Matched(Command::PageDown | Command::HalfPageDown) => {
                *scroll = scroll.saturating_add(page).min(max_scroll);
            }
            Lookup::Matched(Command::PageUp | Command::HalfPageUp) => {
                *scroll = scroll.saturating_sub(page);
            }
            Lookup::Matched(Command::Top) => *scroll = 0,
            Lookup::Matched(Command::Quit | Command::Help | Command::Cancel) => {
                self.overlay = Overlay::None;
            }
            _ if key.code == KeyCode::Esc => self.overlay = Overlay::None,
            _ => {}
        }
        Effect::None
    }

    pub(super) fn command_line_key(&mut self, key: crossterm::event::KeyEvent) -> Effect {
        use crossterm::event::KeyModifiers;
        let searching = matches!(self.overlay, Overlay::Search(_));
        let (Overlay::CommandLine(editor) | Overlay::Search(editor)) = &mut self.overlay else {
            return Effect::None;
        };
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => self.overlay = Overlay::None,
            KeyCode::Enter => {
                let line = editor.text.clone();
                if searching {
                    self.overlay = Overlay::None;
                    return self.apply(Action::Search(line));
                }
                return self.apply(Action::Execute(line));
            }
            KeyCode::Tab => editor.cycle(true),
            KeyCode::BackTab => editor.cycle(false),
            // backspace on an empty line closes it, as in vim
            KeyCode::Backspace if !editor.backspace() => self.overlay = Overlay::None,
            KeyCode::Char('c') if ctrl => self.overlay = Overlay::None,
            _ => {
                editor.edit_key(&key);
            }
        }
        Effect::None
    }
}

//! Terminal key events to [`KeyPress`]es, and joining a lam-alef key that arrived as two
//! characters into the one character the keymap's Arabic layout table knows.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::config::arabic::combine_lam_alef;
use crate::config::keymap::{KeyName, KeyPress};

/// A plain character key as the Latin letter in its place, also when typed on the Arabic
/// layout (ش is `a`), for pickers whose options are single letters; `None` for named keys and
/// Ctrl/Alt chords.
pub fn latin_char(key: &KeyEvent) -> Option<char> {
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    let KeyCode::Char(c) = key.code else {
        return None;
    };
    key_press(key)
        .and_then(crate::config::arabic::translate)
        .and_then(|p| match p.key {
            KeyName::Char(l) => Some(l),
            _ => None,
        })
        .or(Some(c))
}

/// The key press of a terminal key event; `None` for keys isnad never binds (media keys, …).
pub fn key_press(key: &KeyEvent) -> Option<KeyPress> {
    let name = match key.code {
        KeyCode::Char(c) => KeyName::Char(c),
        KeyCode::Up => KeyName::Up,
        KeyCode::Down => KeyName::Down,
        KeyCode::Left => KeyName::Left,
        KeyCode::Right => KeyName::Right,
        KeyCode::PageUp => KeyName::PageUp,
        KeyCode::PageDown => KeyName::PageDown,
        KeyCode::Home => KeyName::Home,
        KeyCode::End => KeyName::End,
        KeyCode::Enter => KeyName::Enter,
        KeyCode::Esc => KeyName::Esc,
        KeyCode::Tab => KeyName::Tab,
        KeyCode::BackTab => KeyName::BackTab,
        KeyCode::Backspace => KeyName::Backspace,
        KeyCode::Delete => KeyName::Delete,
        KeyCode::Insert => KeyName::Insert,
        KeyCode::F(n) => KeyName::F(n),
        _ => return None,
    };
    let is_char = matches!(name, KeyName::Char(_));
    Some(KeyPress {
        key: name,
        ctrl: key.modifiers.contains(KeyModifiers::CONTROL),
        alt: key.modifiers.contains(KeyModifiers::ALT),
        // shift is already in the character (`G`, `?`); keep it only for named keys
        shift: !is_char && key.modifiers.contains(KeyModifiers::SHIFT),
    })
}

fn plain_char(event: &Event) -> Option<char> {
    match event {
        Event::Key(KeyEvent {
            code: KeyCode::Char(c),
            modifiers,
            kind: KeyEventKind::Press,
            ..
        }) if !modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => Some(*c),
        _ => None,
    }
}

/// A press of ل, which may be the first half of a lam-alef key.
pub fn is_lam(event: &Event) -> bool {
    plain_char(event) == Some('ل')
}

/// ل followed by an alef typed by the same key: one key event with the ligature character.
pub fn join_lam_alef(first: &Event, second: &Event) -> Option<Event> {
    let joined = combine_lam_alef(plain_char(first)?, plain_char(second)?)?;
    Some(Event::Key(KeyEvent::new(
        KeyCode::Char(joined),
        KeyModifiers::NONE,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: char) -> Event {
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }

    #[test]
    fn shift_is_folded_into_characters() {
        let k = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(key_press(&k), Some(KeyPress::char('G')));
        let k = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(key_press(&k), Some(KeyPress::ctrl('d')));
        let k = KeyEvent::new(KeyCode::Up, KeyModifiers::SHIFT);
        assert!(key_press(&k).is_some_and(|p| p.shift));
    }

    #[test]
    fn lam_alef_pairs_join() {
        assert!(is_lam(&key('ل')));
        assert_eq!(join_lam_alef(&key('ل'), &key('ا')), Some(key('\u{FEFB}')));
        assert_eq!(join_lam_alef(&key('ل'), &key('أ')), Some(key('\u{FEF7}')));
        assert_eq!(join_lam_alef(&key('ل'), &key('ت')), None);
    }
}

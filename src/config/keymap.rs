//! Keys as data: the key notation (`j`, `G`, `<C-d>`, `<PageDown>`, `g g`), the keymap read from
//! the shipped `assets/keymap.toml` with the user's `keymap.toml` merged over it, a section per
//! [`Mode`], sequence lookup (prefix keys give a which-key list), and the Arabic-layout fallback.
//!
//! Terminal-independent: the app converts terminal key events into [`KeyPress`].

use std::fmt;
use std::path::Path;

use crate::config::commands::{COMMANDS, Command, Mode};
use crate::config::{Problem, SourceText, arabic};

/// A key name without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyName {
    Char(char),
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    F(u8),
}

/// One key press. For characters, shift is already in the character (`G`, `?`), so `shift` is
/// only set for named keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyPress {
    pub key: KeyName,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

impl KeyPress {
    pub const fn plain(key: KeyName) -> Self {
        Self {
            key,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    pub const fn char(c: char) -> Self {
        Self::plain(KeyName::Char(c))
    }

    pub const fn ctrl(c: char) -> Self {
        Self {
            key: KeyName::Char(c),
            ctrl: true,
            alt: false,
            shift: false,
        }
    }

    /// Parses one key in keymap notation.
    pub fn parse(token: &str) -> Result<Self, String> {
        let mut chars = token.chars();
        match (chars.next(), chars.next()) {
            (None, _) => return Err("empty key".into()),
            (Some(c), None) => return Ok(Self::char(c)),
            _ => {}
        }
        let Some(inner) = token.strip_prefix('<').and_then(|t| t.strip_suffix('>')) else {
            return Err(format!(
                "`{token}` is not a key: write one character (`j`), a named key in angle brackets \
                 (`<Down>`, `<C-d>`), and separate the keys of a sequence with spaces (`g g`)"
            ));
        };
        let mut press = Self::plain(KeyName::Esc);
        let mut rest = inner;
        // modifiers are single letters followed by '-', e.g. C-S-Tab; a lone "-" is the key itself
        while rest.len() > 2 && rest.as_bytes()[1] == b'-' {
            match rest.as_bytes()[0].to_ascii_uppercase() {
                b'C' => press.ctrl = true,
                b'A' | b'M' => press.alt = true,
                b'S' => press.shift = true,
                _ => return Err(format!("unknown modifier in `{token}`; use C-, A- or S-")),
            }
            rest = &rest[2..];
        }
        let mut chars = rest.chars();
        press.key = match (chars.next(), chars.next()) {
            (Some(c), None) => {
                if press.shift && c.is_alphabetic() {
                    press.shift = false;
                    KeyName::Char(c.to_uppercase().next().unwrap_or(c))
                } else {
                    KeyName::Char(c)
                }
            }
            _ => named_key(rest).ok_or_else(|| {
                format!(
                    "unknown key name `{rest}` in `{token}`; known names: Up Down Left Right \
                     PageUp PageDown Home End Enter Esc Tab BackTab Backspace Delete Insert \
                     Space lt gt F1-F12"
                )
            })?,
        };
        if press.key == KeyName::Tab && press.shift {
            press = Self::plain(KeyName::BackTab);
        }
        Ok(press)
    }
}

fn named_key(name: &str) -> Option<KeyName> {
    let lower = name.to_ascii_lowercase();
    Some(match lower.as_str() {
        "up" => KeyName::Up,
        "down" => KeyName::Down,
        "left" => KeyName::Left,
        "right" => KeyName::Right,
        "pageup" | "pgup" => KeyName::PageUp,
        "pagedown" | "pgdn" => KeyName::PageDown,
        "home" => KeyName::Home,
        "end" => KeyName::End,
        "enter" | "ret" | "return" | "cr" => KeyName::Enter,
        "esc" | "escape" => KeyName::Esc,
        "tab" => KeyName::Tab,
        "backtab" => KeyName::BackTab,
        "backspace" | "bs" => KeyName::Backspace,
        "delete" | "del" => KeyName::Delete,
        "insert" | "ins" => KeyName::Insert,
        "space" => KeyName::Char(' '),
        "lt" => KeyName::Char('<'),
        "gt" => KeyName::Char('>'),
        _ => {
            let n: u8 = lower.strip_prefix('f')?.parse().ok()?;
            if (1..=24).contains(&n) {
                KeyName::F(n)
            } else {
                return None;
            }
        }
    })
}

impl fmt::Display for KeyPress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self.key {
            KeyName::Char(' ') => "Space".to_owned(),
            KeyName::Char('<') => "lt".to_owned(),
            KeyName::Char('>') => "gt".to_owned(),
            KeyName::Char(c) => c.to_string(),
            KeyName::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let plain_char = matches!(self.key, KeyName::Char(c) if c != ' ' && c != '<' && c != '>');
        if plain_char && !self.ctrl && !self.alt && !self.shift {
            return f.write_str(&name);
        }
        f.write_str("<")?;
        if self.ctrl {
            f.write_str("C-")?;
        }
        if self.alt {
            f.write_str("A-")?;
        }
        if self.shift {
            f.write_str("S-")?;
        }
        write!(f, "{name}>")
    }
}

/// A key sequence in notation (`g g`).
pub fn parse_sequence(text: &str) -> Result<Vec<KeyPress>, String> {
    let keys: Vec<KeyPress> = text
        .split_whitespace()
        .map(KeyPress::parse)
        .collect::<Result<_, _>>()?;
    if keys.is_empty() {
        Err("empty key sequence".into())
    } else {
        Ok(keys)
    }
}

pub fn sequence_to_string(keys: &[KeyPress]) -> String {
    keys.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// The section it is bound in.
    pub mode: Mode,
    pub keys: Vec<KeyPress>,
    pub command: Command,
}

/// Result of looking up the keys typed so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    Matched(Command),
    /// The keys are the start of longer bindings: (next key, command) for the which-key popup.
    Pending(Vec<(KeyPress, Command)>),
    NotFound,
}

/// All bindings, of every section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    /// The shipped defaults, `assets/keymap.toml` (a test checks it reads without a problem).
    fn default() -> Self {
        let mut map = Self {
            bindings: Vec::new(),
        };
        map.merge_user(
            Path::new("assets/keymap.toml"),
            crate::config::DEFAULT_KEYMAP,
        );
        // TOML tables come back sorted by name: list the defaults in the command table's order
        // (which-key and help show them so), each command's keys as the file gives them
        let position = |c: Command| COMMANDS.iter().position(|i| i.command == c);
        map.bindings.sort_by_key(|b| (b.mode, position(b.command)));
        map
    }
}

impl Keymap {
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The key sequences bound to `command` in its own section, in binding order.
    pub fn keys_for(&self, command: Command) -> Vec<String> {
        self.keys_in(command.info().mode, command)
    }

    /// The key sequences bound to `command` in section `mode`.
    pub fn keys_in(&self, mode: Mode, command: Command) -> Vec<String> {
        self.bindings
            .iter()
            .filter(|b| b.mode == mode && b.command == command)
            .map(|b| sequence_to_string(&b.keys))
            .collect()
    }

    /// The choices of a picker section (`[label]`, `[verdict]`, …) in the command table's order,
    /// each with the first key bound to it; a choice left with no key is not offered.
    pub fn choices(&self, mode: Mode) -> Vec<(String, Command)> {
        COMMANDS
            .iter()
            .filter(|info| info.mode == mode)
            .filter_map(|info| {
                let first = self.keys_in(mode, info.command).into_iter().next()?;
                Some((first, info.command))
            })
            .collect()
    }

    /// Looks up a typed sequence in the reader's section, exactly as typed.
    pub fn lookup(&self, typed: &[KeyPress]) -> Lookup {
        self.lookup_in(Mode::Reader, typed)
    }

    /// Looks up a typed sequence in section `mode`, exactly as typed.
    pub fn lookup_in(&self, mode: Mode, typed: &[KeyPress]) -> Lookup {
        let section = || self.bindings.iter().filter(move |b| b.mode == mode);
        if let Some(b) = section().find(|b| b.keys == typed) {
            return Lookup::Matched(b.command);
        }
        let mut next: Vec<(KeyPress, Command)> = section()
            .filter(|b| b.keys.len() > typed.len() && b.keys.starts_with(typed))
            .map(|b| (b.keys[typed.len()], b.command))
            .collect();
        next.dedup();
        if next.is_empty() {
            Lookup::NotFound
        } else {
            Lookup::Pending(next)
        }
    }

    /// [`Keymap::lookup_in_with_layout`] in the reader's section.
    pub fn lookup_with_layout(&self, pending: &[KeyPress], key: KeyPress) -> Lookup {
        self.lookup_in_with_layout(Mode::Reader, pending, key)
    }

    /// Looks up `pending` followed by `key` in section `mode`; when that finds nothing,
    /// retries with the key translated from the Arabic PC layout to the Latin key in the same
    /// physical place, so that the same keys work whichever layout is active. Direct bindings
    /// always win.
    pub fn lookup_in_with_layout(&self, mode: Mode, pending: &[KeyPress], key: KeyPress) -> Lookup {
        let mut typed = pending.to_vec();
        typed.push(key);
        let direct = self.lookup_in(mode, &typed);
        if direct != Lookup::NotFound {
            return direct;
        }
        match arabic::translate(key) {
            Some(latin) => {
                typed.pop();
                typed.push(latin);
                self.lookup_in(mode, &typed)
            }
            None => Lookup::NotFound,
        }
    }

    /// The command a single key runs in section `mode` (with the layout fallback), if any.
    pub fn command_in(&self, mode: Mode, key: KeyPress) -> Option<Command> {
        match self.lookup_in_with_layout(mode, &[], key) {
            Lookup::Matched(command) => Some(command),
            Lookup::Pending(_) | Lookup::NotFound => None,
        }
    }

    /// Merges a keymap file over this one. Each command named in a section gets exactly the
    /// keys listed there (an empty list unbinds it); a key sequence the file binds is taken
    /// away from any other command of that section, so user bindings always win. Problems name
    /// the file and position; everything that can be applied is applied.
    pub fn merge_user(&mut self, path: &Path, text: &str) -> Vec<Problem> {
        let source = SourceText::new(path, text);
        let mut problems = Vec::new();
        let table = match toml::de::DeTable::parse(text) {
            Ok(t) => t,
            Err(e) => {
                problems.push(source.toml_error(&e));
                return problems;
            }
        };
        for (section, value) in table.get_ref() {
            let Some(mode) = Mode::from_section(section.get_ref()) else {
                let names: Vec<String> = Mode::ALL
                    .iter()
                    .map(|m| format!("`[{}]`", m.section()))
                    .collect();
                problems.push(source.problem(
                    section.span(),
                    format!(
                        "unknown section `{}`; keymap.toml has the sections {}",
                        section.get_ref(),
                        names.join(", ")
                    ),
                ));
                continue;
            };
            let toml::de::DeValue::Table(entries) = value.get_ref() else {
                problems.push(source.problem(
                    value.span(),
                    format!("`{}` must be a table", section.get_ref()),
                ));
                continue;
            };
            self.merge_section(&source, mode, entries, &mut problems);
        }
        crate::config::sort_problems(&mut problems);
        problems.extend(self.shadowing_problems(&source));
        problems
    }

    /// Gives each command named in the `mode` section `entries` exactly the keys listed there,
    /// taking those keys away from the section's other commands.
    fn merge_section(
        &mut self,
        source: &SourceText,
        mode: Mode,
        entries: &toml::de::DeTable<'_>,
        problems: &mut Vec<Problem>,
    ) {
        for (name, keys_value) in entries {
            let command = match name.get_ref().parse::<Command>() {
                Ok(c) => c,
                Err(e) => {
                    problems.push(source.problem(name.span(), e.to_string()));
                    continue;
                }
            };
            if !mode.accepts(command) {
                problems.push(source.problem(
                    name.span(),
                    format!(
                        "`{command}` cannot be bound in `[{}]`; it belongs in `[{}]`",
                        mode.section(),
                        command.info().mode.section()
                    ),
                ));
                continue;
            }
            let Some(sequences) = parse_keys(source, keys_value, problems) else {
                continue;
            };
            self.bindings.retain(|b| {
                b.mode != mode || (b.command != command && !sequences.contains(&b.keys))
            });
            for keys in sequences {
                self.bindings.push(Binding {
                    mode,
                    keys,
                    command,
                });
            }
        }
    }

    /// A binding that is a strict prefix of another in the same section makes the longer one
    /// unreachable.
    fn shadowing_problems(&self, source: &SourceText) -> Vec<Problem> {
        let mut out = Vec::new();
        for short in &self.bindings {
            for long in &self.bindings {
                if long.mode == short.mode
                    && long.keys.len() > short.keys.len()
                    && long.keys.starts_with(&short.keys)
                {
                    out.push(source.problem(
                        None,
                        format!(
                            "`{}` ({}) hides `{}` ({}): a key cannot be both a command and the \
                             start of a longer sequence",
                            sequence_to_string(&short.keys),
                            short.command,
                            sequence_to_string(&long.keys),
                            long.command
                        ),
                    ));
                }
            }
        }
        out
    }

    /// The keymap as `keymap.toml` text, a section per mode.
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        for mode in Mode::ALL {
            out.push_str(&format!("[{}]\n", mode.section()));
            for info in COMMANDS {
                let keys = self.keys_in(mode, info.command);
                if keys.is_empty() && info.mode != mode {
                    continue;
                }
                let quoted: Vec<String> = keys
                    .iter()
                    .map(|k| format!("\"{}\"", k.replace('\\', "\\\\").replace('"', "\\\"")))
                    .collect();
                out.push_str(&format!("# {}\n", info.description));
                out.push_str(&format!("\"{}\" = [{}]\n", info.name, quoted.join(", ")));
            }
        }
        out
    }
}

/// The key sequences of one entry (a string or a list of strings); `None` when any is wrong,
/// so a half-understood entry changes nothing.
fn parse_keys(
    source: &SourceText,
    value: &toml::Spanned<toml::de::DeValue>,
    problems: &mut Vec<Problem>,
) -> Option<Vec<Vec<KeyPress>>> {
    let items: Vec<&toml::Spanned<toml::de::DeValue>> = match value.get_ref() {
        toml::de::DeValue::String(_) => vec![value],
        toml::de::DeValue::Array(a) => a.iter().collect(),
        _ => {
            problems.push(source.problem(
                value.span(),
                "keys must be a string or a list of strings".into(),
            ));
            return None;
        }
    };
    let mut sequences = Vec::new();
    let mut ok = true;
    for item in items {
        match item.get_ref() {
            toml::de::DeValue::String(s) => match parse_sequence(s) {
                Ok(seq) => sequences.push(seq),
                Err(msg) => {
                    problems.push(source.problem(item.span(), msg));
                    ok = false;
                }
            },
            _ => {
                problems.push(source.problem(item.span(), "a key must be a string".into()));
                ok = false;
            }
        }
    }
    ok.then_some(sequences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_notation() {
        assert_eq!(KeyPress::parse("j"), Ok(KeyPress::char('j')));
        assert_eq!(KeyPress::parse("<C-d>"), Ok(KeyPress::ctrl('d')));
        assert_eq!(
            KeyPress::parse("<pagedown>"),
            Ok(KeyPress::plain(KeyName::PageDown))
        );
        assert_eq!(KeyPress::parse("<Space>"), Ok(KeyPress::char(' ')));
        assert_eq!(KeyPress::parse("<S-g>"), Ok(KeyPress::char('G')));
        assert_eq!(
            KeyPress::parse("<S-Tab>"),
            Ok(KeyPress::plain(KeyName::BackTab))
        );
        assert_eq!(
            KeyPress::parse("<F12>"),
            Ok(KeyPress::plain(KeyName::F(12)))
        );
        assert_eq!(
            KeyPress::parse("<C-->").map(|k| k.key),
            Ok(KeyName::Char('-'))
        );
        assert!(KeyPress::parse("<Dwn>").is_err());
        assert!(KeyPress::parse("jj").is_err());
        assert!(KeyPress::parse("<X-a>").is_err());
        assert_eq!(
            parse_sequence("g g"),
            Ok(vec![KeyPress::char('g'), KeyPress::char('g')])
        );
        for text in [
            "j",
            "<C-d>",
            "<PageDown>",
            "<Space>",
            "g e",
            "<A-S-Up>",
            "<lt>",
        ] {
            let seq = parse_sequence(text).expect(text);
            assert_eq!(sequence_to_string(&seq), text);
        }
    }

    #[test]
    fn the_shipped_keymap_reads_cleanly_and_names_every_command_in_its_section() {
        let mut map = Keymap {
            bindings: Vec::new(),
        };
        let problems = map.merge_user(Path::new("keymap.toml"), crate::config::DEFAULT_KEYMAP);
        assert!(problems.is_empty(), "{problems:?}");
        let default = Keymap::default();
        assert_eq!(map.bindings.len(), default.bindings.len());
        for mode in Mode::ALL {
            for info in COMMANDS {
                assert_eq!(
                    map.keys_in(mode, info.command),
                    default.keys_in(mode, info.command)
                );
            }
        }
        for info in COMMANDS {
            let line = format!("\n\"{}\" = [", info.name);
            let section = format!("\n[{}]\n", info.mode.section());
            let in_section = crate::config::DEFAULT_KEYMAP
                .split_once(&section)
                .map(|(_, rest)| rest.split("\n[").next().unwrap_or(""))
                .is_some_and(|body| body.contains(&line));
            assert!(
                in_section,
                "{} missing from [{}]",
                info.name,
                info.mode.section()
            );
        }
        // the pickers' and the panel's keys are data too
        assert_eq!(map.keys_for(Command::PickerDown), vec!["j", "<Down>"]);
        assert_eq!(map.keys_for(Command::PanelLeave), vec!["<Tab>", "<Esc>"]);
        assert_eq!(map.keys_for(Command::Pick(3)), vec!["3"]);
    }

    #[test]
    fn sections_are_looked_up_apart_and_commands_stay_in_their_own() {
        let mut map = Keymap::default();
        let text = "[picker]\n\"picker.down\" = \"n\"\n\"view.top\" = \"t\"\n[reader]\n\"picker.up\" = \"u\"\n";
        let problems = map.merge_user(Path::new("k.toml"), text);
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "k.toml:3:1: `view.top` cannot be bound in `[picker]`; it belongs in `[reader]`",
                "k.toml:5:1: `picker.up` cannot be bound in `[reader]`; it belongs in `[picker]`",
            ]
        );
        assert_eq!(
            map.command_in(Mode::Picker, KeyPress::char('n')),
            Some(Command::PickerDown)
        );
        assert_eq!(map.command_in(Mode::Picker, KeyPress::char('j')), None);
        // the reader's j is untouched by the picker's
        assert_eq!(
            map.command_in(Mode::Reader, KeyPress::char('j')),
            Some(Command::ScrollDown)
        );
        // the Arabic layout reaches the panel's keys too
        assert_eq!(
            map.command_in(Mode::Panel, KeyPress::char('ت')),
            Some(Command::PanelDown)
        );
    }

    #[test]
    fn lookup_sequences_and_prefixes() {
        let map = Keymap::default();
        assert_eq!(
            map.lookup(&[KeyPress::char('j')]),
            Lookup::Matched(Command::ScrollDown)
        );
        let Lookup::Pending(next) = map.lookup(&[KeyPress::char('g')]) else {
            panic!("g is a prefix");
        };
        assert!(next.contains(&(KeyPress::char('g'), Command::Top)));
        assert!(next.contains(&(KeyPress::char('e'), Command::Bottom)));
        assert_eq!(
            map.lookup(&[KeyPress::char('g'), KeyPress::char('g')]),
            Lookup::Matched(Command::Top)
        );
        assert_eq!(map.lookup(&[KeyPress::char('Z')]), Lookup::NotFound);
    }

    #[test]
    fn user_keymap_replaces_keys_and_steals_sequences() {
        let mut map = Keymap::default();
        let text = "[normal]\n\"view.scroll_down\" = [\"n\", \"<C-n>\"]\n\"app.quit\" = \"j\"\n";
        let problems = map.merge_user(Path::new("keymap.toml"), text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(map.keys_for(Command::ScrollDown), vec!["n", "<C-n>"]);
        assert_eq!(map.keys_for(Command::Quit), vec!["j"]);
        assert_eq!(
            map.lookup(&[KeyPress::char('j')]),
            Lookup::Matched(Command::Quit)
        );
        assert_eq!(map.lookup(&[KeyPress::char('q')]), Lookup::NotFound);
        // untouched commands keep their defaults
        assert_eq!(map.keys_for(Command::ScrollUp), vec!["k", "<Up>"]);
    }

    #[test]
    fn empty_list_unbinds() {
        let mut map = Keymap::default();
        let problems = map.merge_user(Path::new("k.toml"), "[normal]\n\"app.help\" = []\n");
        assert!(problems.is_empty());
        assert!(map.keys_for(Command::Help).is_empty());
    }

    #[test]
    fn user_keymap_errors_have_positions_and_the_rest_applies() {
        let mut map = Keymap::default();
        let text = "[normal]\n\"view.scrol_down\" = \"n\"\n\"app.quit\" = [\"<Dwn>\"]\n\"app.help\" = \"h\"\n";
        let problems = map.merge_user(Path::new("/c/keymap.toml"), text);
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert_eq!(
            shown[0],
            "/c/keymap.toml:2:1: unknown command `view.scrol_down`; did you mean `view.scroll_down`?"
        );
        assert!(
            shown[1].starts_with("/c/keymap.toml:3:15: unknown key name `Dwn`"),
            "{}",
            shown[1]
        );
        assert_eq!(map.keys_for(Command::Help), vec!["h"]);
        assert_eq!(map.keys_for(Command::Quit), vec!["q", "<C-c>"]);
    }

    #[test]
    fn syntax_errors_and_wrong_sections_are_reported() {
        let mut map = Keymap::default();
        let problems = map.merge_user(Path::new("k.toml"), "[normal\n");
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].to_string().starts_with("k.toml:1:"),
            "{}",
            problems[0]
        );
        let problems = map.merge_user(Path::new("k.toml"), "[visul]\nx = 1\n");
        assert!(
            problems[0]
                .to_string()
                .starts_with("k.toml:1:2: unknown section `visul`")
        );
    }

    #[test]
    fn prefix_shadowing_is_reported() {
        let mut map = Keymap::default();
        let problems = map.merge_user(Path::new("k.toml"), "[normal]\n\"view.redraw\" = \"g\"\n");
        // `g g`, `g e`, `g c` and `g s` are all hidden
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(
            problems[0]
                .to_string()
                .contains("`g` (view.redraw) hides `g g` (view.top)")
        );
    }

    #[test]
    fn arabic_layout_reaches_the_same_commands() {
        let map = Keymap::default();
        let cases = [
            ('ت', Command::ScrollDown),
            ('ن', Command::ScrollUp),
            ('ص', Command::NextWord),
            ('\u{FEFB}', Command::PrevWord),
            ('؟', Command::Help),
            ('ض', Command::Quit),
            ('ة', Command::CycleBidi),
            ('\u{FEF7}', Command::Bottom),
        ];
        for (ch, command) in cases {
            assert_eq!(
                map.lookup_with_layout(&[], KeyPress::char(ch)),
                Lookup::Matched(command),
                "{ch}"
            );
        }
        // ل is the g key: a prefix, then ل again is g g
        assert!(matches!(
            map.lookup_with_layout(&[], KeyPress::char('ل')),
            Lookup::Pending(_)
        ));
        assert_eq!(
            map.lookup_with_layout(&[KeyPress::char('g')], KeyPress::char('ل')),
            Lookup::Matched(Command::Top)
        );
        // Ctrl with the Arabic letter on the d key is Ctrl-d
        assert_eq!(
            map.lookup_with_layout(&[], KeyPress::ctrl('ي')),
            Lookup::Matched(Command::HalfPageDown)
        );
    }

    #[test]
    fn direct_bindings_win_over_translation() {
        let mut map = Keymap::default();
        let problems = map.merge_user(Path::new("k.toml"), "[normal]\n\"app.help\" = \"ت\"\n");
        assert!(problems.is_empty());
        assert_eq!(
            map.lookup_with_layout(&[], KeyPress::char('ت')),
            Lookup::Matched(Command::Help)
        );
    }

    #[test]
    fn to_toml_round_trips() {
        let map = Keymap::default();
        let mut merged = Keymap {
            bindings: Vec::new(),
        };
        let problems = merged.merge_user(Path::new("k.toml"), &map.to_toml());
        assert!(problems.is_empty(), "{problems:?}");
        for mode in Mode::ALL {
            for info in COMMANDS {
                assert_eq!(
                    merged.keys_in(mode, info.command),
                    map.keys_in(mode, info.command)
                );
            }
        }
    }
}

//! The `:` command line: the typable commands (`:q`, `:e FILE`, `:theme NAME`, `:bidi MODE`,
//! `:goto N%`, `:set KEY VALUE`, and every command-table name such as `:view.bottom`), their
//! parsing, and completion. The line editor state lives here too, and what a key at the prompt
//! does. No terminal types.

use std::path::PathBuf;

use crate::annotate::formats::Format as ExportFormat;
use crate::app::{Action, Effect, Outcome, Overlay};
use crate::config::KEYS;
use crate::config::commands::{COMMANDS, Command, closest};
use crate::config::keymap::KeyPress;
use crate::layout::BidiMode;

/// A typable command: (names, argument hint, description). The first name is the canonical one.
pub const TYPABLE: &[(&[&str], &str, &str)] = &[
    (&["write", "w"], "", "Save the annotations now"),
    (&["wq", "x"], "", "Save and quit"),
    (&["quit", "q"], "", "Quit (saves first)"),
    (&["quit!", "q!"], "", "Quit without saving"),
    (&["edit", "e"], "FILE", "Open another article"),
    (
        &["import"],
        "FILE",
        "Add entities from Stanza, spaCy, HF, CoNLL, brat or interchange files as suggestions",
    ),
    (
        &["export"],
        "FORMAT",
        "Export the annotations: brat, w3c, csv or claimreview (written next to the article)",
    ),
    (
        &["theme"],
        "NAME",
        "Switch theme (dark, light, mono, or themes/NAME.toml)",
    ),
    (
        &["bidi"],
        "MODE",
        "Set the rendering mode: app, terminal or off",
    ),
    (
        &["goto"],
        "N% | N",
        "Go to a percentage of the article, or to paragraph N",
    ),
    (
        &["set"],
        "KEY VALUE",
        "Change a setting for this session (as in config.toml)",
    ),
    (&["help", "h"], "", "Show the keys and commands"),
    (
        &["isnad"],
        "",
        "The article's isnad: outlet, intermediaries and speakers as a tree with their claims",
    ),
    (
        &["claims"],
        "",
        "The claims table: sources, stance, type, verdict, review; sort, filter, edit in place",
    ),
    (
        &["sources"],
        "",
        "The sources table: type, mentions, claims, chain role; sort and filter",
    ),
    (
        &["compare"],
        "[FILE]",
        "Compare with another annotator's file of this article (no FILE: this file's merge conflicts)",
    ),
    (
        &["orphans"],
        "",
        "List annotations that could not be placed after the article changed",
    ),
];

/// What a typed line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Typed {
    Run(Command),
    Quit,
    ForceQuit,
    Write,
    WriteQuit,
    Edit(PathBuf),
    Theme(String),
    Import(PathBuf),
    /// `:compare FILE`, or `:compare` (the hidden view again, or the merge conflicts).
    Compare(Option<PathBuf>),
    Export(ExportFormat),
    Bidi(BidiMode),
    GotoPercent(u8),
    GotoParagraph(usize),
    Set {
        key: String,
        value: String,
    },
    Orphans,
}

/// Parses a command line (without the leading `:`).
pub fn parse(line: &str) -> Result<Typed, String> {
    let line = line.trim();
    let (name, rest) = match line.split_once(char::is_whitespace) {
        Some((n, r)) => (n, r.trim()),
        None => (line, ""),
    };
    if name.is_empty() {
        return Err("empty command".into());
    }
    if let Some(typed) = parse_with_argument(name, rest) {
        return typed;
    }
    let typed = match name {
        "q" | "quit" => Typed::Quit,
        "q!" | "quit!" => Typed::ForceQuit,
        "w" | "write" => Typed::Write,
        "wq" | "x" => Typed::WriteQuit,
        "h" | "help" => Typed::Run(Command::Help),
        "isnad" => Typed::Run(Command::IsnadView),
        "claims" => Typed::Run(Command::ClaimsTable),
        "sources" => Typed::Run(Command::SourcesTable),
        "orphans" => Typed::Orphans,
        _ => match name.parse::<Command>() {
            Ok(c) => Typed::Run(c),
            Err(_) => {
                let hint = closest(name, names())
                    .map(|c| format!("; did you mean :{c}?"))
                    .unwrap_or_default();
                return Err(format!("unknown command :{name}{hint}"));
            }
        },
    };
    if rest.is_empty() {
        Ok(typed)
    } else {
        Err(format!(":{name} takes no argument"))
    }
}

/// The commands that take an argument (`rest`), parsed; `None` for the others.
fn parse_with_argument(name: &str, rest: &str) -> Option<Result<Typed, String>> {
    let need = |what: &str| -> Result<&str, String> {
        if rest.is_empty() {
            Err(format!(":{name} needs {what}"))
        } else {
            Ok(rest)
        }
    };
    let file = || need("a file name").map(PathBuf::from);
    Some(match name {
        "e" | "edit" => file().map(Typed::Edit),
        "theme" => need("a theme name").map(|t| Typed::Theme(t.to_owned())),
        "import" => file().map(Typed::Import),
        "compare" => Ok(Typed::Compare(
            (!rest.is_empty()).then(|| PathBuf::from(rest)),
        )),
        "export" => need("a format: brat, w3c, csv or claimreview").and_then(|arg| {
            arg.parse::<ExportFormat>().map(Typed::Export).map_err(|_| {
                format!("unknown export format `{arg}`; use brat, w3c, csv or claimreview")
            })
        }),
        "bidi" => need("a mode: app, terminal or off")
            .and_then(|m| m.parse::<BidiMode>().map(Typed::Bidi)),
        "goto" => need("a position such as 50% or 12").and_then(parse_goto),
        "set" => need("a key and a value, e.g. :set bidi off").and_then(|arg| {
            let (key, value) = arg
                .split_once(char::is_whitespace)
                .ok_or_else(|| format!(":set {arg} needs a value"))?;
            Ok(Typed::Set {
                key: key.to_owned(),
                value: value.trim().to_owned(),
            })
        }),
        _ => return None,
    })
}

fn parse_goto(arg: &str) -> Result<Typed, String> {
    if let Some(pct) = arg.strip_suffix('%') {
        return match pct.trim().parse::<u8>() {
            Ok(n) if n <= 100 => Ok(Typed::GotoPercent(n)),
            _ => Err(format!("`{arg}` is not a percentage from 0% to 100%")),
        };
    }
    match arg.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(Typed::GotoParagraph(n)),
        _ => Err(format!(
            "`{arg}` is not a position: use N% or a paragraph number"
        )),
    }
}

/// Every name `:` accepts as a first word.
pub fn names() -> impl Iterator<Item = &'static str> + Clone {
    TYPABLE
        .iter()
        .flat_map(|(n, _, _)| n.iter().copied())
        .chain(COMMANDS.iter().map(|c| c.name))
}

/// Completion candidates for the word being typed at the end of `line`, with a short
/// description each. `themes` are the theme names available.
pub fn complete(line: &str, themes: &[String]) -> Vec<(String, String)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let ends_with_space = line.ends_with(char::is_whitespace);
    let (index, prefix) = match (words.len(), ends_with_space) {
        (0, _) => (0, ""),
        (n, true) => (n, ""),
        (n, false) => (n - 1, words[n - 1]),
    };
    let candidates = if index == 0 {
        command_candidates()
    } else {
        argument_candidates(&words, index, themes)
    };
    candidates
        .into_iter()
        .filter(|(c, _)| c.starts_with(prefix) && c != prefix)
        .collect()
}

/// Every command name with what it does (and what it takes).
fn command_candidates() -> Vec<(String, String)> {
    let typable = TYPABLE.iter().map(|(n, args, desc)| {
        let shown = if args.is_empty() {
            (*desc).to_owned()
        } else {
            format!("{args}: {desc}")
        };
        (n[0].to_owned(), shown)
    });
    let keyed = (COMMANDS.iter()).map(|c| (c.name.to_owned(), c.description.to_owned()));
    typable.chain(keyed).collect()
}

/// The values argument `index` of the command `words[0]` takes.
fn argument_candidates(words: &[&str], index: usize, themes: &[String]) -> Vec<(String, String)> {
    let plain = |values: &[&str]| -> Vec<(String, String)> {
        (values.iter())
            .map(|v| ((*v).to_owned(), String::new()))
            .collect()
    };
    match (words[0], index) {
        ("theme", 1) => themes.iter().map(|t| (t.clone(), String::new())).collect(),
        ("export", 1) => plain(&["brat", "w3c", "csv", "claimreview"]),
        ("bidi", 1) => plain(&["app", "terminal", "off"]),
        ("set", 1) => KEYS
            .iter()
            .flat_map(|(section, keys)| {
                keys.iter()
                    .map(move |k| ((*k).to_owned(), format!("[{section}]")))
            })
            // the article's outlet, saved with the annotations rather than the config
            .chain([("outlet".to_owned(), "document.outlet".to_owned())])
            .collect(),
        ("set", 2) => plain(match words.get(1).copied() {
            Some("bidi") => &["app", "terminal", "off"],
            Some("direction") => &["auto", "rtl", "ltr"],
            Some("color") => &["auto", "truecolor", "256", "16", "none"],
            Some("mouse" | "terminal_hints" | "reveal_controls") => &["true", "false"],
            _ => &[],
        }),
        ("goto", 1) => plain(&["0%", "25%", "50%", "75%", "100%"]),
        _ => Vec::new(),
    }
}

/// The line being edited, with completion state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEditor {
    pub text: String,
    /// Cursor position in characters.
    pub cursor: usize,
    /// Candidates shown for the current word.
    pub candidates: Vec<(String, String)>,
    /// Which candidate Tab last put in, if any.
    pub selected: Option<usize>,
    /// The text before Tab cycling started (so cycling replaces, not appends).
    cycle_base: Option<String>,
    /// Theme names offered after `:theme`.
    themes: Vec<String>,
    /// Offer completions (the `:` line); the `/` line has none.
    completing: bool,
}

impl LineEditor {
    /// The `:` line, completing command names and arguments.
    pub fn new(themes: Vec<String>) -> Self {
        let mut editor = Self {
            themes,
            completing: true,
            ..Self::default()
        };
        editor.edited();
        editor
    }

    /// A line without completion (the `/` search prompt), starting with `text`.
    pub fn plain(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            cursor: text.chars().count(),
            ..Self::default()
        }
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    fn edited(&mut self) {
        self.selected = None;
        self.cycle_base = None;
        if self.completing {
            self.candidates = complete(&self.text, &self.themes);
        }
    }

    pub fn insert(&mut self, s: &str) {
        let at = self.byte_at(self.cursor);
        let clean: String = s.chars().filter(|c| !c.is_control()).collect();
        self.text.insert_str(at, &clean);
        self.cursor += clean.chars().count();
        self.edited();
    }

    /// Deletes the character before the cursor; false when the line was already empty.
    pub fn backspace(&mut self) -> bool {
        if self.text.is_empty() {
            return false;
        }
        if self.cursor > 0 {
            let start = self.byte_at(self.cursor - 1);
            let end = self.byte_at(self.cursor);
            self.text.replace_range(start..end, "");
            self.cursor -= 1;
        }
        self.edited();
        true
    }

    pub fn delete(&mut self) {
        if self.cursor < self.text.chars().count() {
            let start = self.byte_at(self.cursor);
            let end = self.byte_at(self.cursor + 1);
            self.text.replace_range(start..end, "");
            self.edited();
        }
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
        self.edited();
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }

    /// The editing keys every prompt shares (moving, deleting, typing); false for keys the
    /// prompt handles itself (Enter, Esc, Tab, Backspace, Ctrl-c…).
    pub fn edit_key(&mut self, press: KeyPress) -> bool {
        use crate::config::keymap::KeyName;
        match press.key {
            KeyName::Delete => self.delete(),
            KeyName::Left => self.left(),
            KeyName::Right => self.right(),
            KeyName::Home => self.home(),
            KeyName::End => self.end(),
            KeyName::Char('u') if press.ctrl => self.clear(),
            KeyName::Char(c) if !press.ctrl => self.insert(c.encode_utf8(&mut [0; 4])),
            _ => return false,
        }
        true
    }

    /// Tab / Shift-Tab: puts the next (or previous) candidate in place of the word being typed.
    pub fn cycle(&mut self, forward: bool) {
        if !self.completing {
            return;
        }
        let base = self.cycle_base.clone().unwrap_or_else(|| self.text.clone());
        if self.cycle_base.is_none() {
            self.candidates = complete(&base, &self.themes);
            self.cycle_base = Some(base.clone());
        }
        let n = self.candidates.len();
        if n == 0 {
            return;
        }
        let next = match (self.selected, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.selected = Some(next);
        let keep = if base.ends_with(char::is_whitespace) || base.is_empty() {
            base.len()
        } else {
            base.rfind(char::is_whitespace).map_or(0, |i| i + 1)
        };
        self.text = format!("{}{}", &base[..keep], self.candidates[next].0);
        self.cursor = self.text.chars().count();
    }
}

impl crate::app::App {
    /// A key at the `:` or `/` prompt: `Enter` runs the line or searches for it, `Esc` (or
    /// Backspace on an empty line) closes the prompt.
    pub(super) fn prompt_key(&mut self, press: KeyPress) -> Option<Effect> {
        let searching = matches!(self.overlay, Overlay::Search(_));
        let (Overlay::CommandLine(editor) | Overlay::Search(editor)) = &mut self.overlay else {
            return None;
        };
        match editor.handle(press, &self.settings.keymap, true) {
            Outcome::Chosen(line) => {
                self.overlay = Overlay::None;
                return self.apply(if searching {
                    Action::Search(line)
                } else {
                    Action::Execute(line)
                });
            }
            Outcome::Close => self.overlay = Overlay::None,
            Outcome::Stay | Outcome::Pass => {}
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_commands() {
        assert_eq!(parse("q"), Ok(Typed::Quit));
        assert_eq!(
            parse(" e  /tmp/a b.txt "),
            Ok(Typed::Edit("/tmp/a b.txt".into()))
        );
        assert_eq!(parse("bidi terminal"), Ok(Typed::Bidi(BidiMode::Terminal)));
        assert_eq!(parse("goto 50%"), Ok(Typed::GotoPercent(50)));
        assert_eq!(parse("goto 3"), Ok(Typed::GotoParagraph(3)));
        assert_eq!(
            parse("set tab_width 8"),
            Ok(Typed::Set {
                key: "tab_width".into(),
                value: "8".into()
            })
        );
        assert_eq!(parse("view.bottom"), Ok(Typed::Run(Command::Bottom)));
        assert_eq!(parse("theme light"), Ok(Typed::Theme("light".into())));
        assert_eq!(parse("export W3C"), Ok(Typed::Export(ExportFormat::W3c)));
        assert!(parse("export pdf").is_err());
        assert_eq!(parse("import x.json"), Ok(Typed::Import("x.json".into())));
        assert!(parse("goto 150%").is_err());
        assert!(parse("bidi sideways").is_err());
        assert_eq!(
            parse("qui").expect_err("an error"),
            "unknown command :qui; did you mean :quit?"
        );
        assert_eq!(parse("e").expect_err("an error"), ":e needs a file name");
        assert_eq!(
            parse("q now").expect_err("an error"),
            ":q takes no argument"
        );
    }

    #[test]
    fn completes_names_and_arguments() {
        let themes = vec!["dark".to_owned(), "light".to_owned(), "mono".to_owned()];
        let first: Vec<String> = complete("th", &themes).into_iter().map(|c| c.0).collect();
        assert_eq!(first, ["theme"]);
        let arg: Vec<String> = complete("theme l", &themes)
            .into_iter()
            .map(|c| c.0)
            .collect();
        assert_eq!(arg, ["light"]);
        let modes: Vec<String> = complete("bidi ", &themes)
            .into_iter()
            .map(|c| c.0)
            .collect();
        assert_eq!(modes, ["app", "terminal", "off"]);
        let keys: Vec<String> = complete("set ma", &themes)
            .into_iter()
            .map(|c| c.0)
            .collect();
        assert_eq!(keys, ["max_width"]);
        assert!(complete("view.", &themes).len() >= 5);
    }

    #[test]
    fn editor_cycles_completions_in_place() {
        let themes = vec!["dark".to_owned(), "light".to_owned()];
        let mut ed = LineEditor::new(themes);
        ed.insert("theme ");
        ed.cycle(true);
        assert_eq!(ed.text, "theme dark");
        ed.cycle(true);
        assert_eq!(ed.text, "theme light");
        ed.cycle(false);
        assert_eq!(ed.text, "theme dark");
        ed.insert("x");
        assert_eq!(ed.text, "theme darkx");
        assert!(ed.backspace());
        ed.home();
        ed.delete();
        assert_eq!(ed.text, "heme dark");
        ed.clear();
        assert!(!ed.backspace());
    }
}

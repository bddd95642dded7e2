//! Themes as data: named semantic style slots (text, cursor, selection, each entity label,
//! claim, source, cue, status bar, …) parsed from TOML, with `inherits`, built-in dark / light /
//! mono themes, and user themes in the config directory's `themes/`. Colours are kept as
//! written; the UI downsamples them to the terminal's colour depth.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use crate::config::commands::closest;
use crate::config::{Problem, SourceText, read_optional};

macro_rules! slots {
    ($($slot:ident = $name:literal: $doc:literal;)*) => {
        /// A semantic style slot. Widgets only ever ask for slots, never for colours.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Slot { $($slot,)* }

        impl Slot {
            pub const ALL: &[Slot] = &[$(Slot::$slot,)*];

            pub fn name(self) -> &'static str {
                match self { $(Slot::$slot => $name,)* }
            }

            pub fn description(self) -> &'static str {
                match self { $(Slot::$slot => $doc,)* }
            }
        }
    };
}

slots! {
    Text = "text": "article text";
    Cursor = "cursor": "the word under the cursor";
    Selection = "selection": "selected text";
    SearchMatch = "search_match": "search matches";
    ControlChar = "control_char": "control characters shown as symbols";
    StatusBar = "status_bar": "status bar background";
    StatusFile = "status_file": "file name in the status bar";
    StatusMode = "status_mode": "render mode in the status bar";
    StatusInfo = "status_info": "messages";
    StatusError = "status_error": "error messages";
    Hint = "hint": "hints, such as terminal advice";
    Popup = "popup": "the background and text of popups (help, pickers, lists)";
    PopupBorder = "popup_border": "borders of popups";
    PopupTitle = "popup_title": "titles of popups";
    HelpGroup = "help_group": "group headings in the help";
    HelpKey = "help_key": "keys in the help and which-key";
    HelpText = "help_text": "descriptions in the help";
    CommandLine = "command_line": "the : command line";
    Completion = "completion": "completion candidates";
    CompletionSelected = "completion_selected": "the chosen completion";
    EntityPerson = "entity_person": "PERSON entities";
    EntityOrg = "entity_org": "ORG entities";
    EntityGpe = "entity_gpe": "GPE entities";
    EntityLoc = "entity_loc": "LOC entities";
    EntityFac = "entity_fac": "FAC entities";
    EntityNorp = "entity_norp": "NORP entities";
    EntityEvent = "entity_event": "EVENT entities";
    EntityDate = "entity_date": "DATE and TIME entities";
    EntityNumber = "entity_number": "NUMBER and MONEY entities";
    EntityMisc = "entity_misc": "MISC and other entities";
    Suggested = "suggested": "suggestions not yet reviewed";
    Claim = "claim": "claims";
    Source = "source": "sources";
    Cue = "cue": "attribution cues";
    Linked = "linked": "sources of the claim under the cursor, and claims of the source under it";
    Agreed = "agreed": "compare view: items both files agree on (drawn quietly)";
    DiffOnlyA = "diff_only_a": "compare view: items only in A (the open file), and A's tag";
    DiffOnlyB = "diff_only_b": "compare view: items only in B (the other file), and B's tag";
    DiffLabel = "diff_label": "compare view: the same span with a different label, or changed on both sides";
    DiffBoundaries = "diff_boundaries": "compare view: overlapping spans with different boundaries";
    DiffLink = "diff_link": "compare view: the same link with a different quote type, chain or stance";
}

impl fmt::Display for Slot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A colour as written in a theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorSpec {
    Reset,
    /// One of the 16 ANSI colours (0–15).
    Ansi(u8),
    /// xterm 256-colour index.
    Indexed(u8),
    Rgb(u8, u8, u8),
}

const ANSI_NAMES: &[(&str, u8)] = &[
    ("black", 0),
    ("red", 1),
    ("green", 2),
    ("yellow", 3),
    ("blue", 4),
    ("magenta", 5),
    ("cyan", 6),
    ("gray", 7),
    ("grey", 7),
    ("darkgray", 8),
    ("darkgrey", 8),
    ("lightred", 9),
    ("lightgreen", 10),
    ("lightyellow", 11),
    ("lightblue", 12),
    ("lightmagenta", 13),
    ("lightcyan", 14),
    ("white", 15),
];

impl ColorSpec {
    pub fn parse(text: &str) -> Result<Self, String> {
        let t = text.trim();
        if let Some(hex) = t.strip_prefix('#') {
            if hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
                let v = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
                return Ok(Self::Rgb(v(0), v(2), v(4)));
            }
            return Err(format!("`{t}` is not a #rrggbb colour"));
        }
        if let Ok(n) = t.parse::<u8>() {
            return Ok(Self::Indexed(n));
        }
        let norm: String = t
            .chars()
            .filter(|c| *c != '-' && *c != '_' && *c != ' ')
            .flat_map(char::to_lowercase)
            .collect();
        if norm == "reset" || norm == "default" {
            return Ok(Self::Reset);
        }
        if let Some((_, n)) = ANSI_NAMES.iter().find(|(name, _)| *name == norm) {
            return Ok(Self::Ansi(*n));
        }
        let hint = closest(&norm, ANSI_NAMES.iter().map(|(n, _)| *n))
            .map(|c| format!("; did you mean `{c}`?"))
            .unwrap_or_default();
        Err(format!(
            "unknown colour `{t}`: use #rrggbb, 0-255, reset, or an ANSI name (black, red, \
             green, yellow, blue, magenta, cyan, gray, darkgray, light…, white){hint}"
        ))
    }
}

/// Text attributes a slot can set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Modifiers {
    pub bold: bool,
    pub dim: bool,
    pub italic: bool,
    pub underlined: bool,
    pub reversed: bool,
    pub crossed_out: bool,
}

impl Modifiers {
    fn set(&mut self, name: &str) -> Result<(), String> {
        match name {
            "bold" => self.bold = true,
            "dim" => self.dim = true,
            "italic" => self.italic = true,
            "underlined" | "underline" => self.underlined = true,
            "reversed" | "reverse" => self.reversed = true,
            "crossed_out" | "strikethrough" => self.crossed_out = true,
            other => {
                return Err(format!(
                    "unknown modifier `{other}`; use bold, dim, italic, underlined, reversed, \
                     crossed_out"
                ));
            }
        }
        Ok(())
    }
}

/// One slot's style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StyleSpec {
    pub fg: Option<ColorSpec>,
    pub bg: Option<ColorSpec>,
    pub modifiers: Modifiers,
}

/// A complete theme: every slot has a style.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ThemeSpec {
    pub name: String,
    pub styles: BTreeMap<Slot, StyleSpec>,
    /// Draw `[` `]` around entities, claims and sources (where a space allows), so they stay
    /// visible without colour.
    pub brackets: bool,
}

/// The theme name that picks `light` or `dark` from the terminal's background (the default).
pub const AUTO: &str = "auto";

/// A terminal's background, as `theme = "auto"` found it (tui::background asks the terminal).
/// Dark when nothing answered: most terminals ship dark, and the dark theme keeps the body text
/// in the terminal's own colour, so it stays readable on a light one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Background {
    Light,
    #[default]
    Dark,
}

impl Background {
    /// Light when the colour's relative luminance (components 0.0–1.0, sRGB weights) is over
    /// one half.
    pub fn from_rgb(r: f64, g: f64, b: f64) -> Self {
        if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5 {
            Self::Light
        } else {
            Self::Dark
        }
    }

    /// The built-in theme for this background.
    pub fn theme_name(self) -> &'static str {
        match self {
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }
}

/// Built-in themes, embedded.
const BUILTIN: &[(&str, &str)] = &[
    ("dark", include_str!("../../assets/themes/dark.toml")),
    ("light", include_str!("../../assets/themes/light.toml")),
    ("mono", include_str!("../../assets/themes/mono.toml")),
];

pub const BUILTIN_NAMES: &[&str] = &["dark", "light", "mono"];

impl ThemeSpec {
    pub fn style(&self, slot: Slot) -> StyleSpec {
        self.styles.get(&slot).copied().unwrap_or_default()
    }

    /// A built-in theme (they are complete; a test checks it).
    pub fn builtin(name: &str) -> Option<Self> {
        let (_, text) = BUILTIN.iter().find(|(n, _)| *n == name)?;
        let parsed = parse(Path::new(name), text);
        Some(Self {
            name: name.to_owned(),
            styles: parsed.styles,
            brackets: parsed.brackets.unwrap_or(false),
        })
    }
}

struct Parsed {
    inherits: Option<String>,
    brackets: Option<bool>,
    styles: BTreeMap<Slot, StyleSpec>,
    problems: Vec<Problem>,
}

fn parse(path: &Path, text: &str) -> Parsed {
    use toml::de::DeValue;
    let source = SourceText::new(path, text);
    let mut out = Parsed {
        inherits: None,
        brackets: None,
        styles: BTreeMap::new(),
        problems: Vec::new(),
    };
    let table = match toml::de::DeTable::parse(text) {
        Ok(t) => t,
        Err(e) => {
            out.problems.push(source.toml_error(&e));
            return out;
        }
    };
    for (key, value) in table.get_ref() {
        let name = key.get_ref().as_ref();
        if name == "brackets" {
            match value.get_ref() {
                DeValue::Boolean(b) => out.brackets = Some(*b),
                _ => out
                    .problems
                    .push(source.problem(value.span(), "`brackets` must be true or false".into())),
            }
            continue;
        }
        if name == "inherits" {
            match value.get_ref() {
                DeValue::String(s) => out.inherits = Some(s.to_string()),
                _ => out
                    .problems
                    .push(source.problem(value.span(), "`inherits` must be a theme name".into())),
            }
            continue;
        }
        let Some(slot) = Slot::ALL.iter().copied().find(|s| s.name() == name) else {
            let hint = closest(name, Slot::ALL.iter().map(|s| s.name()))
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_default();
            out.problems
                .push(source.problem(key.span(), format!("unknown style slot `{name}`{hint}")));
            continue;
        };
        let DeValue::Table(fields) = value.get_ref() else {
            out.problems.push(source.problem(
                value.span(),
                format!(
                    "`{name}` must be a table like {{ fg = \"#d0d0d0\", modifiers = [\"bold\"] }}"
                ),
            ));
            continue;
        };
        let style = parse_style(&source, name, fields, &mut out.problems);
        out.styles.insert(slot, style);
    }
    crate::config::sort_problems(&mut out.problems);
    out
}

/// The style of slot `name` from its table (`fg`, `bg`, `modifiers`); every bad field is a
/// problem, the good ones are kept.
fn parse_style(
    source: &SourceText,
    name: &str,
    fields: &toml::de::DeTable<'_>,
    problems: &mut Vec<Problem>,
) -> StyleSpec {
    use toml::de::DeValue;
    let mut style = StyleSpec::default();
    for (field, v) in fields {
        let result = match (field.get_ref().as_ref(), v.get_ref()) {
            ("fg", DeValue::String(s)) => ColorSpec::parse(s).map(|c| style.fg = Some(c)),
            ("bg", DeValue::String(s)) => ColorSpec::parse(s).map(|c| style.bg = Some(c)),
            ("fg" | "bg", _) => Err("a colour must be a string".into()),
            ("modifiers", DeValue::Array(items)) => {
                let mut r = Ok(());
                for item in items.iter() {
                    let res = match item.get_ref() {
                        DeValue::String(s) => style.modifiers.set(s),
                        _ => Err("a modifier must be a string".into()),
                    };
                    if let Err(msg) = res {
                        problems.push(source.problem(item.span(), msg));
                        r = Err(String::new());
                    }
                }
                r
            }
            ("modifiers", _) => Err("`modifiers` must be a list like [\"bold\"]".into()),
            (other, _) => {
                problems.push(source.problem(
                    field.span(),
                    format!("unknown field `{other}` in `{name}`; use fg, bg, modifiers"),
                ));
                Err(String::new())
            }
        };
        if let Err(msg) = result
            && !msg.is_empty()
        {
            problems.push(source.problem(v.span(), msg));
        }
    }
    style
}

/// Loads theme `name`: a file `themes_dir/NAME.toml` if there is one (its missing slots come
/// from the theme it `inherits`, dark by default), else a built-in theme. On an unknown name the
/// problems are returned and the caller keeps its current theme.
pub fn load(name: &str, themes_dir: &Path) -> Result<(ThemeSpec, Vec<Problem>), Vec<Problem>> {
    load_depth(name, themes_dir, 0)
}

fn load_depth(
    name: &str,
    themes_dir: &Path,
    depth: usize,
) -> Result<(ThemeSpec, Vec<Problem>), Vec<Problem>> {
    let file = themes_dir.join(format!("{name}.toml"));
    let problem = |message: String| Problem {
        path: file.clone(),
        line: None,
        column: None,
        message,
    };
    let valid_name = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    if !valid_name {
        return Err(vec![problem(format!("`{name}` is not a theme name"))]);
    }
    let text = match read_optional(&file, false) {
        Ok(Some(text)) => text,
        Ok(None) => {
            return ThemeSpec::builtin(name)
                .map(|t| (t, Vec::new()))
                .ok_or_else(|| vec![problem(unknown_theme(name, themes_dir))]);
        }
        Err(p) => return Err(vec![p]),
    };
    let parsed = parse(&file, &text);
    let mut problems = parsed.problems;
    let parent_name = parsed.inherits.unwrap_or_else(|| "dark".to_owned());
    let parent = if depth >= 8 {
        problems.push(problem("themes inherit too deeply (a cycle?)".into()));
        ThemeSpec::builtin("dark").unwrap_or_default()
    } else if parent_name == name {
        ThemeSpec::builtin(name).unwrap_or_default()
    } else {
        match load_depth(&parent_name, themes_dir, depth + 1) {
            Ok((t, p)) => {
                problems.extend(p);
                t
            }
            Err(p) => {
                problems.extend(p);
                ThemeSpec::builtin("dark").unwrap_or_default()
            }
        }
    };
    let mut styles = parent.styles;
    styles.extend(parsed.styles);
    Ok((
        ThemeSpec {
            name: name.to_owned(),
            styles,
            brackets: parsed.brackets.unwrap_or(parent.brackets),
        },
        problems,
    ))
}

/// Names of every theme available: built-in and user files.
pub fn available(themes_dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = BUILTIN_NAMES.iter().map(|s| (*s).to_owned()).collect();
    if let Ok(entries) = std::fs::read_dir(themes_dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "toml")
                && let Some(stem) = path.file_stem().and_then(|s| s.to_str())
                && !names.iter().any(|n| n == stem)
            {
                names.push(stem.to_owned());
            }
        }
    }
    names
}

fn unknown_theme(name: &str, themes_dir: &Path) -> String {
    let names = available(themes_dir);
    let hint = closest(name, names.iter().map(String::as_str))
        .map(|c| format!("; did you mean `{c}`?"))
        .unwrap_or_default();
    format!(
        "unknown theme `{name}`{hint} (available: {})",
        names.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_themes_are_complete_and_clean() {
        for (name, text) in BUILTIN {
            let parsed = parse(Path::new(name), text);
            assert!(parsed.problems.is_empty(), "{name}: {:?}", parsed.problems);
            for slot in Slot::ALL {
                assert!(parsed.styles.contains_key(slot), "{name} lacks {slot}");
            }
        }
    }

    #[test]
    fn mono_uses_no_colour_and_marks_annotations_with_attributes() {
        let mono = ThemeSpec::builtin("mono").expect("mono");
        for slot in Slot::ALL {
            let s = mono.style(*slot);
            assert!(
                matches!(s.fg, None | Some(ColorSpec::Reset))
                    && matches!(s.bg, None | Some(ColorSpec::Reset)),
                "{slot} has a colour in mono"
            );
        }
        for slot in [Slot::EntityPerson, Slot::Claim, Slot::Source, Slot::Cursor] {
            assert_ne!(mono.style(slot).modifiers, Modifiers::default(), "{slot}");
        }
        assert_ne!(mono.style(Slot::Claim), mono.style(Slot::Source));
        assert!(mono.brackets);
        assert!(!ThemeSpec::builtin("dark").expect("dark").brackets);
    }

    #[test]
    fn colours_parse() {
        assert_eq!(ColorSpec::parse("#ff8000"), Ok(ColorSpec::Rgb(255, 128, 0)));
        assert_eq!(ColorSpec::parse("245"), Ok(ColorSpec::Indexed(245)));
        assert_eq!(ColorSpec::parse("light-blue"), Ok(ColorSpec::Ansi(12)));
        assert_eq!(ColorSpec::parse("Reset"), Ok(ColorSpec::Reset));
        assert!(ColorSpec::parse("#ff80").is_err());
        assert!(
            ColorSpec::parse("bleu")
                .expect_err("an error")
                .contains("did you mean `blue`")
        );
    }

    #[test]
    fn user_theme_inherits_and_reports_errors_with_positions() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            dir.path().join("mine.toml"),
            "inherits = \"light\"\ncursor = { bg = \"#102030\" }\nclaim = { fg = \"purpel\" }\ncurser = {}\n",
        )
        .expect("write");
        let (theme, problems) = load("mine", dir.path()).expect("loads");
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        let file = dir.path().join("mine.toml").display().to_string();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(
            shown[0].starts_with(&format!("{file}:3:16: unknown colour `purpel`")),
            "{}",
            shown[0]
        );
        assert_eq!(
            shown[1],
            format!("{file}:4:1: unknown style slot `curser`; did you mean `cursor`?")
        );
        assert_eq!(
            theme.style(Slot::Cursor).bg,
            Some(ColorSpec::Rgb(16, 32, 48))
        );
        let light = ThemeSpec::builtin("light").expect("light");
        assert_eq!(theme.style(Slot::Text), light.style(Slot::Text));
        assert!(available(dir.path()).contains(&"mine".to_owned()));
    }

    #[test]
    fn unknown_theme_is_an_error_with_suggestion() {
        let dir = tempfile::tempdir().expect("tempdir");
        let err = load("ligth", dir.path()).expect_err("an error");
        assert!(
            err[0].message.contains("did you mean `light`"),
            "{}",
            err[0]
        );
        assert!(load("../etc", dir.path()).is_err());
    }
}

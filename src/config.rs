//! Configuration: where files live (`directories`, honouring `XDG_*`), `config.toml` parsed over
//! the documented defaults in `assets/config.toml`, the keymap and theme files, and problems
//! reported as `FILE:LINE:COLUMN: message` without ever stopping the app from starting.
//!
//! Terminal-independent, so `isnad check-config` uses exactly the same code as the app.

pub mod arabic;
pub mod colors;
pub mod commands;
pub mod keymap;
pub mod theme;

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::config::commands::closest;
use crate::text::bidi::{BidiMode, Direction};
use keymap::Keymap;
use theme::{Background, ThemeSpec};

/// The documented default configuration, shipped in the binary.
pub const DEFAULT_CONFIG: &str = include_str!("../assets/config.toml");
/// The default keymap, a documented file: the only place the default keys are written down.
pub const DEFAULT_KEYMAP: &str = include_str!("../assets/keymap.toml");

/// One problem in a configuration file, with its position when known (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let (Some(l), Some(c)) = (self.line, self.column) {
            write!(f, ":{l}:{c}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// A file's text, for turning byte spans into lines and columns.
pub struct SourceText<'a> {
    path: &'a Path,
    text: &'a str,
}

impl<'a> SourceText<'a> {
    pub fn new(path: &'a Path, text: &'a str) -> Self {
        Self { path, text }
    }

    /// 1-based line and column (in characters) of byte offset `at`.
    pub fn position(&self, at: usize) -> (usize, usize) {
        let mut at = at.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        let before = &self.text[..at];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[line_start..].chars().count() + 1)
    }

    pub fn problem(&self, span: impl Into<Option<Range<usize>>>, message: String) -> Problem {
        let (line, column) = match span.into() {
            Some(span) => {
                let (l, c) = self.position(span.start);
                (Some(l), Some(c))
            }
            None => (None, None),
        };
        Problem {
            path: self.path.to_path_buf(),
            line,
            column,
            message,
        }
    }

    pub fn toml_error(&self, err: &toml::de::Error) -> Problem {
        self.problem(err.span(), first_line(err.message()))
    }
}

/// File order, so problems read top to bottom (tables iterate in key order).
pub fn sort_problems(problems: &mut [Problem]) {
    problems.sort_by_key(|p| (p.line.unwrap_or(usize::MAX), p.column.unwrap_or(0)));
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).trim().to_owned()
}

/// Colour depth: detected, or forced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorSetting {
    Auto,
    TrueColor,
    Ansi256,
    Ansi16,
    None,
}

/// The settings, after merging the user's file over the defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub theme: String,
    pub color: ColorSetting,
    pub mouse: bool,
    pub terminal_hints: bool,
    pub message_seconds: u64,
    /// Name written as `by` on annotations; empty means the login name ($USER).
    pub annotator: String,
    pub bidi: BidiMode,
    pub direction: Direction,
    pub tab_width: u8,
    pub reveal_controls: bool,
    pub max_width: u16,
    pub wheel_lines: u16,
    /// RSS or Atom feeds (addresses or files) `isnad feed` lists when given none.
    pub feeds: Vec<String>,
}

impl Default for Config {
    /// Must equal what `assets/config.toml` says (a test checks it).
    fn default() -> Self {
        Self {
            theme: theme::AUTO.into(),
            color: ColorSetting::Auto,
            mouse: true,
            terminal_hints: true,
            message_seconds: 5,
            annotator: String::new(),
            bidi: BidiMode::App,
            direction: Direction::Auto,
            tab_width: 4,
            reveal_controls: false,
            max_width: 0,
            wheel_lines: 3,
            feeds: Vec::new(),
        }
    }
}

/// Every key, by section (for unknown-key suggestions and `:set`).
pub const KEYS: &[(&str, &[&str])] = &[
    (
        "general",
        &[
            "theme",
            "color",
            "mouse",
            "terminal_hints",
            "message_seconds",
            "annotator",
        ],
    ),
    (
        "reader",
        &[
            "bidi",
            "direction",
            "tab_width",
            "reveal_controls",
            "max_width",
            "wheel_lines",
        ],
    ),
    ("web", &["feeds"]),
];

/// A TOML value reduced to what settings need.
#[derive(Debug, Clone, PartialEq)]
pub enum SettingValue {
    Str(String),
    Int(i64),
    Bool(bool),
    /// A list of strings (`feeds`).
    List(Vec<String>),
    Other(&'static str),
}

impl SettingValue {
    fn from_de(value: &toml::de::DeValue) -> Self {
        use toml::de::DeValue;
        match value {
            DeValue::String(s) => Self::Str(s.to_string()),
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                .map_or(Self::Other("a very large integer"), Self::Int),
            DeValue::Boolean(b) => Self::Bool(*b),
            DeValue::Float(_) => Self::Other("a float"),
            DeValue::Datetime(_) => Self::Other("a date"),
            DeValue::Array(items) => items
                .iter()
                .map(|i| match i.get_ref() {
                    DeValue::String(s) => Some(s.to_string()),
                    _ => None,
                })
                .collect::<Option<Vec<String>>>()
                .map_or(
                    Self::Other("a list with something other than text"),
                    Self::List,
                ),
            DeValue::Table(_) => Self::Other("a table"),
        }
    }

    /// Interprets text typed on the `:set` line (`on`/`off` are read as booleans where a key
    /// wants one).
    pub fn from_typed(text: &str) -> Self {
        text.parse::<i64>()
            .map_or_else(|_| Self::Str(text.to_owned()), Self::Int)
    }

    fn describe(&self) -> String {
        match self {
            Self::Str(s) => format!("\"{s}\""),
            Self::Int(i) => i.to_string(),
            Self::Bool(b) => b.to_string(),
            Self::List(items) => format!("a list of {}", items.len()),
            Self::Other(what) => (*what).to_owned(),
        }
    }
}

fn choice<T: Copy>(value: &SettingValue, options: &[(&str, T)]) -> Result<T, String> {
    let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
    if let SettingValue::Str(s) = value {
        if let Some((_, v)) = options.iter().find(|(n, _)| n == s) {
            return Ok(*v);
        }
        let hint = closest(s, names.iter().copied())
            .map(|c| format!("; did you mean \"{c}\"?"))
            .unwrap_or_default();
        return Err(format!(
            "expected one of {}, found \"{s}\"{hint}",
            quoted_list(&names)
        ));
    }
    Err(format!(
        "expected one of {}, found {}",
        quoted_list(&names),
        value.describe()
    ))
}

fn quoted_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn boolean(value: &SettingValue) -> Result<bool, String> {
    match value {
        SettingValue::Bool(b) => Ok(*b),
        SettingValue::Str(s) if matches!(s.as_str(), "true" | "on" | "yes") => Ok(true),
        SettingValue::Str(s) if matches!(s.as_str(), "false" | "off" | "no") => Ok(false),
        other => Err(format!(
            "expected true or false, found {}",
            other.describe()
        )),
    }
}

fn integer<T: TryFrom<i64>>(value: &SettingValue, min: i64, max: i64) -> Result<T, String> {
    match value {
        SettingValue::Int(i) if (min..=max).contains(i) => {
            T::try_from(*i).map_err(|_| format!("expected a number from {min} to {max}"))
        }
        other => Err(format!(
            "expected a number from {min} to {max}, found {}",
            other.describe()
        )),
    }
}

impl Config {
    /// The annotator's name, the one place it is decided: `annotator` from the config, else the
    /// login name (`$USER`), else "analyst". Written as `by` on annotations and verdicts, and
    /// as the author of exported ClaimReviews.
    pub fn annotator_name(&self) -> String {
        match self.annotator.trim() {
            "" => std::env::var("USER")
                .ok()
                .map(|u| u.trim().to_owned())
                .filter(|u| !u.is_empty())
                .unwrap_or_else(|| "analyst".to_owned()),
            name => name.to_owned(),
        }
    }

    /// Sets one key. `section` may be omitted (`:set bidi off`) when the key name is unique.
    pub fn set(
        &mut self,
        section: Option<&str>,
        key: &str,
        value: &SettingValue,
    ) -> Result<(), String> {
        let section = match section {
            Some(s) => s,
            None => KEYS
                .iter()
                .find(|(_, keys)| keys.contains(&key))
                .map(|(s, _)| *s)
                .ok_or_else(|| {
                    unknown_key_message(key, KEYS.iter().flat_map(|(_, k)| k.iter().copied()))
                })?,
        };
        let known = match section {
            "general" => self.set_general(key, value)?,
            "reader" => self.set_reader(key, value)?,
            "web" => self.set_web(key, value)?,
            _ => false,
        };
        if !known {
            let keys = KEYS
                .iter()
                .find(|(s, _)| *s == section)
                .map(|(_, k)| *k)
                .unwrap_or(&[]);
            return Err(unknown_key_message(key, keys.iter().copied()));
        }
        Ok(())
    }

    /// Sets one key of `[general]`; false when there is no such key.
    fn set_general(&mut self, key: &str, value: &SettingValue) -> Result<bool, String> {
        match key {
            "theme" => match value {
                SettingValue::Str(s) if !s.is_empty() => self.theme = s.clone(),
                other => {
                    return Err(format!("expected a theme name, found {}", other.describe()));
                }
            },
            "color" => {
                self.color = choice(
                    value,
                    &[
                        ("auto", ColorSetting::Auto),
                        ("truecolor", ColorSetting::TrueColor),
                        ("256", ColorSetting::Ansi256),
                        ("16", ColorSetting::Ansi16),
                        ("none", ColorSetting::None),
                    ],
                )?;
            }
            "mouse" => self.mouse = boolean(value)?,
            "terminal_hints" => self.terminal_hints = boolean(value)?,
            "message_seconds" => self.message_seconds = integer(value, 1, 3600)?,
            "annotator" => match value {
                SettingValue::Str(s) => self.annotator = s.trim().to_owned(),
                other => return Err(format!("expected a name, found {}", other.describe())),
            },
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Sets one key of `[reader]`; false when there is no such key.
    fn set_reader(&mut self, key: &str, value: &SettingValue) -> Result<bool, String> {
        match key {
            "bidi" => self.bidi = choice(value, &BidiMode::ALL.map(|m| (m.name(), m)))?,
            "direction" => {
                self.direction = choice(value, &Direction::ALL.map(|d| (d.name(), d)))?;
            }
            "tab_width" => self.tab_width = integer(value, 1, 16)?,
            "reveal_controls" => self.reveal_controls = boolean(value)?,
            "max_width" => self.max_width = integer(value, 0, 10_000)?,
            "wheel_lines" => self.wheel_lines = integer(value, 1, 100)?,
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Sets one key of `[web]`; false when there is no such key.
    fn set_web(&mut self, key: &str, value: &SettingValue) -> Result<bool, String> {
        match (key, value) {
            ("feeds", SettingValue::List(items)) => {
                self.feeds = items.iter().map(|i| i.trim().to_owned()).collect();
            }
            ("feeds", other) => {
                return Err(format!(
                    "expected a list of feed addresses or files, found {}",
                    other.describe()
                ));
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Applies a `config.toml` text over `self`. Every problem is returned; every valid key is
    /// applied, so one typo does not throw away the rest of the file.
    pub fn merge_toml(&mut self, path: &Path, text: &str) -> Vec<Problem> {
        use toml::de::DeValue;
        let source = SourceText::new(path, text);
        let table = match toml::de::DeTable::parse(text) {
            Ok(t) => t,
            Err(e) => return vec![source.toml_error(&e)],
        };
        let mut problems = Vec::new();
        for (section, body) in table.get_ref() {
            let name = section.get_ref().as_ref();
            let Some((_, keys)) = KEYS.iter().find(|(s, _)| *s == name) else {
                problems.push(
                    source.problem(
                        section.span(),
                        unknown_key_message(name, KEYS.iter().map(|(s, _)| *s))
                            .replace("unknown key", "unknown section"),
                    ),
                );
                continue;
            };
            let DeValue::Table(entries) = body.get_ref() else {
                problems.push(
                    source.problem(body.span(), format!("`{name}` must be a table ([{name}])")),
                );
                continue;
            };
            for (key, value) in entries {
                let key_name = key.get_ref().as_ref();
                if !keys.contains(&key_name) {
                    problems.push(source.problem(
                        key.span(),
                        unknown_key_message(key_name, keys.iter().copied()).replacen(
                            &format!("`{key_name}`"),
                            &format!("`{key_name}` in [{name}]"),
                            1,
                        ),
                    ));
                    continue;
                }
                let value_span = value.span();
                if let Err(msg) = self.set(
                    Some(name),
                    key_name,
                    &SettingValue::from_de(value.get_ref()),
                ) {
                    problems.push(source.problem(value_span, format!("{name}.{key_name}: {msg}")));
                }
            }
        }
        sort_problems(&mut problems);
        problems
    }
}

fn unknown_key_message<'a>(key: &str, known: impl Iterator<Item = &'a str> + Clone) -> String {
    let hint = closest(key, known.clone())
        .map(|c| format!("; did you mean `{c}`?"))
        .unwrap_or_else(|| {
            format!(
                "; known: {}",
                known
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        });
    format!("unknown key `{key}`{hint}")
}

/// Where isnad's files live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub config_file: PathBuf,
    /// `keymap.toml` and `themes/` are looked up next to the config file.
    pub config_dir: PathBuf,
    pub data_dir: PathBuf,
    pub log_dir: PathBuf,
    /// True when `--config`/`ISNAD_CONFIG` named the file: then it must exist.
    pub explicit: bool,
}

impl Paths {
    /// Resolves the locations: `--config FILE` (or `ISNAD_CONFIG`, handled by clap) first, then
    /// `$XDG_CONFIG_HOME/isnad` on every OS, then the platform's directory.
    pub fn resolve(config_override: Option<&Path>) -> Self {
        let dirs = directories::ProjectDirs::from("", "", "isnad");
        let xdg = |var: &str| {
            std::env::var_os(var)
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
                .map(|p| p.join("isnad"))
        };
        let home_fallback = || {
            std::env::var_os("HOME")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("."))
        };
        let default_config_dir = xdg("XDG_CONFIG_HOME")
            .or_else(|| dirs.as_ref().map(|d| d.config_dir().to_path_buf()))
            .unwrap_or_else(|| home_fallback().join(".config/isnad"));
        let data_dir = xdg("XDG_DATA_HOME")
            .or_else(|| dirs.as_ref().map(|d| d.data_dir().to_path_buf()))
            .unwrap_or_else(|| home_fallback().join(".local/share/isnad"));
        let log_dir = xdg("XDG_STATE_HOME")
            .or_else(|| {
                dirs.as_ref().map(|d| {
                    d.state_dir()
                        .unwrap_or_else(|| d.data_local_dir())
                        .to_path_buf()
                })
            })
            .unwrap_or_else(|| home_fallback().join(".local/state/isnad"));
        match config_override {
            Some(file) => Self {
                config_file: file.to_path_buf(),
                config_dir: file
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
                data_dir,
                log_dir,
                explicit: true,
            },
            None => Self {
                config_file: default_config_dir.join("config.toml"),
                config_dir: default_config_dir,
                data_dir,
                log_dir,
                explicit: false,
            },
        }
    }

    pub fn keymap_file(&self) -> PathBuf {
        self.config_dir.join("keymap.toml")
    }

    pub fn themes_dir(&self) -> PathBuf {
        self.config_dir.join("themes")
    }
}

/// Everything configurable, loaded, with every problem found on the way.
#[derive(Debug, Clone)]
pub struct Settings {
    pub config: Config,
    pub keymap: Keymap,
    pub theme: ThemeSpec,
    pub problems: Vec<Problem>,
}

impl Settings {
    /// Built-in defaults only.
    pub fn defaults() -> Self {
        Self {
            config: Config::default(),
            keymap: Keymap::default(),
            theme: ThemeSpec::builtin("dark").unwrap_or_default(),
            problems: Vec::new(),
        }
    }

    /// Loads config, keymap and theme from `paths`. Missing files are fine (defaults), except a
    /// config file named explicitly. `no_color` selects the mono theme whatever the config says.
    pub fn load(paths: &Paths, no_color: bool) -> Self {
        let mut settings = Self::defaults();
        match read_optional(&paths.config_file, paths.explicit) {
            Ok(Some(text)) => {
                let problems = settings.config.merge_toml(&paths.config_file, &text);
                settings.problems.extend(problems);
            }
            Ok(None) => {}
            Err(p) => settings.problems.push(p),
        }
        let keymap_file = paths.keymap_file();
        match read_optional(&keymap_file, false) {
            Ok(Some(text)) => {
                let problems = settings.keymap.merge_user(&keymap_file, &text);
                settings.problems.extend(problems);
            }
            Ok(None) => {}
            Err(p) => settings.problems.push(p),
        }
        settings.load_theme(paths, no_color, None);
        settings
    }

    /// Loads the theme the config names; `auto` is `light` or `dark` for `background` (dark
    /// when it is unknown), and `no_color` selects `mono` whatever the config says.
    pub fn load_theme(&mut self, paths: &Paths, no_color: bool, background: Option<Background>) {
        let wanted = if no_color {
            "mono"
        } else if self.config.theme == theme::AUTO {
            background.unwrap_or_default().theme_name()
        } else {
            self.config.theme.as_str()
        };
        match theme::load(wanted, &paths.themes_dir()) {
            Ok((spec, problems)) => {
                self.theme = spec;
                self.problems.extend(problems);
            }
            Err(problems) => self.problems.extend(problems),
        }
    }
}

/// Reads a file that may be absent. An unreadable file (other than absent) is a problem.
pub fn read_optional(path: &Path, must_exist: bool) -> Result<Option<String>, Problem> {
    match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map(Some).map_err(|e| Problem {
            path: path.to_path_buf(),
            line: None,
            column: None,
            message: format!("not valid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !must_exist => Ok(None),
        Err(e) => Err(Problem {
            path: path.to_path_buf(),
            line: None,
            column: None,
            message: format!("cannot read: {e}"),
        }),
    }
}

/// True when `NO_COLOR` is set to a non-empty value (no-color.org).
pub fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_config_documents_every_key_and_equals_the_defaults() {
        let mut config = Config {
            theme: "x".into(),
            color: ColorSetting::None,
            mouse: false,
            terminal_hints: false,
            message_seconds: 1,
            annotator: "someone".into(),
            bidi: BidiMode::Off,
            direction: Direction::Ltr,
            tab_width: 1,
            reveal_controls: true,
            max_width: 1,
            wheel_lines: 1,
            feeds: vec!["x".into()],
        };
        let problems = config.merge_toml(Path::new("assets/config.toml"), DEFAULT_CONFIG);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config, Config::default());
        for (section, keys) in KEYS {
            assert!(DEFAULT_CONFIG.contains(&format!("[{section}]")));
            for key in *keys {
                assert!(
                    DEFAULT_CONFIG.contains(&format!("\n{key} = ")),
                    "{key} not documented"
                );
            }
        }
    }

    #[test]
    fn errors_have_positions_and_valid_keys_still_apply() {
        let mut config = Config::default();
        let text = "[general]\nthme = \"light\"\nmouse = false\n\n[reader]\nbidi = \"ap\"\ntab_width = 99\n[colours]\n";
        let problems = config.merge_toml(Path::new("/home/u/.config/isnad/config.toml"), text);
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            vec![
                "/home/u/.config/isnad/config.toml:2:1: unknown key `thme` in [general]; did you mean `theme`?",
                "/home/u/.config/isnad/config.toml:6:8: reader.bidi: expected one of \"app\", \"terminal\", \"off\", found \"ap\"; did you mean \"app\"?",
                "/home/u/.config/isnad/config.toml:7:13: reader.tab_width: expected a number from 1 to 16, found 99",
                "/home/u/.config/isnad/config.toml:8:2: unknown section `colours`; known: `general`, `reader`, `web`",
            ]
        );
        assert!(!config.mouse);
        assert_eq!(config.bidi, BidiMode::App);
    }

    #[test]
    fn syntax_error_position() {
        let mut config = Config::default();
        let problems = config.merge_toml(Path::new("c.toml"), "[general]\nmouse = tru\n");
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].to_string().starts_with("c.toml:2:9: "),
            "{}",
            problems[0]
        );
        assert_eq!(config, Config::default());
    }

    #[test]
    fn set_without_section() {
        let mut config = Config::default();
        config
            .set(None, "bidi", &SettingValue::from_typed("off"))
            .expect("valid");
        assert_eq!(config.bidi, BidiMode::Off);
        config
            .set(None, "mouse", &SettingValue::from_typed("off"))
            .expect("valid");
        assert!(!config.mouse);
        let err = config
            .set(None, "mose", &SettingValue::from_typed("on"))
            .expect_err("an error");
        assert_eq!(err, "unknown key `mose`; did you mean `mouse`?");
    }

    #[test]
    fn paths_honour_override_and_xdg() {
        let p = Paths::resolve(Some(Path::new("/tmp/x/my.toml")));
        assert!(p.explicit);
        assert_eq!(p.config_dir, PathBuf::from("/tmp/x"));
        assert_eq!(p.keymap_file(), PathBuf::from("/tmp/x/keymap.toml"));
    }

    #[test]
    fn missing_explicit_config_is_a_problem_but_defaults_load() {
        let dir = tempfile::tempdir().expect("tempdir");
        let paths = Paths::resolve(Some(&dir.path().join("nope.toml")));
        let settings = Settings::load(&paths, false);
        assert_eq!(settings.problems.len(), 1);
        assert!(settings.problems[0].message.starts_with("cannot read"));
        assert_eq!(settings.config, Config::default());
    }

    #[test]
    fn broken_files_are_reported_and_no_color_picks_mono() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            dir.path().join("config.toml"),
            "[general]\ntheme = \"light\"\n",
        )
        .expect("write");
        std::fs::write(
            dir.path().join("keymap.toml"),
            "[normal]\n\"app.quitt\" = \"x\"\n",
        )
        .expect("write");
        let paths = Paths::resolve(Some(&dir.path().join("config.toml")));
        let settings = Settings::load(&paths, false);
        assert_eq!(settings.theme.name, "light");
        assert_eq!(settings.problems.len(), 1, "{:?}", settings.problems);
        assert!(
            settings.problems[0]
                .to_string()
                .contains("keymap.toml:2:1: unknown command `app.quitt`")
        );
        let settings = Settings::load(&paths, true);
        assert_eq!(settings.theme.name, "mono");
    }
}

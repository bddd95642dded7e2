//! Theme slots turned into ratatui styles at the terminal's colour depth: true colour as is,
//! otherwise RGB is mapped to the nearest xterm-256 colour or the nearest of the 16 ANSI colours.

use std::collections::HashMap;

use ratatui::style::{Color, Modifier, Style};

use crate::config::ColorSetting;
use crate::config::theme::{ColorSpec, Slot, StyleSpec, ThemeSpec};

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorDepth {
    TrueColor,
    Ansi256,
    Ansi16,
    /// No colours at all (modifiers only).
    None,
}

impl ColorDepth {
    /// The depth the config asks for; `auto` is what the terminal was found to show
    /// (`terminal`, probed once at start by the shell).
    pub fn resolve(setting: ColorSetting, terminal: Self) -> Self {
        match setting {
            ColorSetting::TrueColor => Self::TrueColor,
            ColorSetting::Ansi256 => Self::Ansi256,
            ColorSetting::Ansi16 => Self::Ansi16,
            ColorSetting::None => Self::None,
            ColorSetting::Auto => terminal,
        }
    }

    /// Fallback when stdout is not a terminal (supports-color says nothing): the variables alone.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Self {
        if var("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            return Self::None;
        }
        let colorterm = var("COLORTERM").unwrap_or_default();
        if colorterm == "truecolor" || colorterm == "24bit" {
            return Self::TrueColor;
        }
        let term = var("TERM").unwrap_or_default();
        if term.contains("256") {
            Self::Ansi256
        } else if term == "dumb" {
            Self::None
        } else {
            Self::Ansi16
        }
    }
}

/// The 16 ANSI colours as xterm draws them, for nearest-colour matching.
const ANSI_RGB: [(u8, u8, u8); 16] = [
    (0, 0, 0),
    (205, 0, 0),
    (0, 205, 0),
    (205, 205, 0),
    (0, 0, 238),
    (205, 0, 205),
    (0, 205, 205),
    (229, 229, 229),
    (127, 127, 127),
    (255, 0, 0),
    (0, 255, 0),
    (255, 255, 0),
    (92, 92, 255),
    (255, 0, 255),
    (0, 255, 255),
    (255, 255, 255),
];

const ANSI_COLORS: [Color; 16] = [
    Color::Black,
    Color::Red,
    Color::Green,
    Color::Yellow,
    Color::Blue,
    Color::Magenta,
    Color::Cyan,
    Color::Gray,
    Color::DarkGray,
    Color::LightRed,
    Color::LightGreen,
    Color::LightYellow,
    Color::LightBlue,
    Color::LightMagenta,
    Color::LightCyan,
    Color::White,
];

const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

fn distance(a: (u8, u8, u8), b: (u8, u8, u8)) -> u32 {
    let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).unsigned_abs();
    // weighted for perceived brightness
    2 * d(a.0, b.0).pow(2) + 4 * d(a.1, b.1).pow(2) + 3 * d(a.2, b.2).pow(2)
}

/// RGB of an xterm-256 index.
pub fn indexed_rgb(i: u8) -> (u8, u8, u8) {
    match i {
        0..=15 => ANSI_RGB[usize::from(i)],
        16..=231 => {
            let n = i - 16;
            (
                CUBE[usize::from(n / 36)],
                CUBE[usize::from(n / 6 % 6)],
                CUBE[usize::from(n % 6)],
            )
        }
        _ => {
            let v = 8 + 10 * (i - 232);
            (v, v, v)
        }
    }
}

/// Nearest xterm-256 index (cube or grey ramp) to an RGB colour.
pub fn nearest_256(rgb: (u8, u8, u8)) -> u8 {
    (16..=255u8)
        .min_by_key(|i| distance(indexed_rgb(*i), rgb))
        .unwrap_or(16)
}

/// Nearest of the 16 ANSI colours.
pub fn nearest_16(rgb: (u8, u8, u8)) -> u8 {
    (0..16u8)
        .min_by_key(|i| distance(ANSI_RGB[usize::from(*i)], rgb))
        .unwrap_or(7)
}

/// A theme colour as the terminal can show it.
pub fn color(spec: ColorSpec, depth: ColorDepth) -> Option<Color> {
    let ansi = |i: u8| ANSI_COLORS[usize::from(i % 16)];
    match (spec, depth) {
        (_, ColorDepth::None) => None,
        (ColorSpec::Reset, _) => Some(Color::Reset),
        (ColorSpec::Ansi(i), _) => Some(ansi(i)),
        (ColorSpec::Rgb(r, g, b), ColorDepth::TrueColor) => Some(Color::Rgb(r, g, b)),
        (ColorSpec::Rgb(r, g, b), ColorDepth::Ansi256) => {
            Some(Color::Indexed(nearest_256((r, g, b))))
        }
        (ColorSpec::Rgb(r, g, b), ColorDepth::Ansi16) => Some(ansi(nearest_16((r, g, b)))),
        (ColorSpec::Indexed(i), ColorDepth::Ansi16) => Some(ansi(nearest_16(indexed_rgb(i)))),
        (ColorSpec::Indexed(i), _) => Some(Color::Indexed(i)),
    }
}

fn style(spec: StyleSpec, depth: ColorDepth) -> Style {
    let mut s = Style::default();
    if let Some(fg) = spec.fg.and_then(|c| color(c, depth)) {
        s = s.fg(fg);
    }
    if let Some(bg) = spec.bg.and_then(|c| color(c, depth)) {
        s = s.bg(bg);
    }
    let m = spec.modifiers;
    for (on, modifier) in [
        (m.bold, Modifier::BOLD),
        (m.dim, Modifier::DIM),
        (m.italic, Modifier::ITALIC),
        (m.underlined, Modifier::UNDERLINED),
        (m.reversed, Modifier::REVERSED),
        (m.crossed_out, Modifier::CROSSED_OUT),
    ] {
        if on {
            s = s.add_modifier(modifier);
        }
    }
    s
}

/// Styles for every slot, ready to draw.
#[derive(Debug, Clone)]
pub struct Theme {
    pub name: String,
    pub depth: ColorDepth,
    /// Draw brackets around annotated spans (see `ThemeSpec::brackets`).
    pub brackets: bool,
    styles: HashMap<Slot, Style>,
}

impl Theme {
    pub fn new(spec: &ThemeSpec, depth: ColorDepth) -> Self {
        Self {
            name: spec.name.clone(),
            depth,
            brackets: spec.brackets,
            styles: Slot::ALL
                .iter()
                .map(|s| (*s, style(spec.style(*s), depth)))
                .collect(),
        }
    }

    pub fn style(&self, slot: Slot) -> Style {
        self.styles.get(&slot).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downsampling() {
        let orange = ColorSpec::Rgb(255, 135, 0);
        assert_eq!(
            color(orange, ColorDepth::TrueColor),
            Some(Color::Rgb(255, 135, 0))
        );
        assert_eq!(
            color(orange, ColorDepth::Ansi256),
            Some(Color::Indexed(208))
        );
        assert_eq!(
            color(ColorSpec::Rgb(250, 10, 10), ColorDepth::Ansi16),
            Some(Color::LightRed)
        );
        assert_eq!(
            color(ColorSpec::Rgb(20, 20, 20), ColorDepth::Ansi16),
            Some(Color::Black)
        );
        assert_eq!(
            color(ColorSpec::Indexed(196), ColorDepth::Ansi16),
            Some(Color::LightRed)
        );
        assert_eq!(
            color(ColorSpec::Rgb(128, 128, 128), ColorDepth::Ansi256),
            Some(Color::Indexed(244))
        );
        assert_eq!(color(orange, ColorDepth::None), None);
        for i in 16..=255u8 {
            assert_eq!(nearest_256(indexed_rgb(i)), i, "{i}");
        }
    }

    #[test]
    fn depth_from_environment() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(
            ColorDepth::from_env(env(&[("COLORTERM", "truecolor")])),
            ColorDepth::TrueColor
        );
        assert_eq!(
            ColorDepth::from_env(env(&[("TERM", "xterm-256color")])),
            ColorDepth::Ansi256
        );
        assert_eq!(
            ColorDepth::from_env(env(&[("TERM", "xterm")])),
            ColorDepth::Ansi16
        );
        assert_eq!(
            ColorDepth::from_env(env(&[("TERM", "xterm"), ("NO_COLOR", "1")])),
            ColorDepth::None
        );
        assert_eq!(
            ColorDepth::from_env(env(&[("TERM", "xterm"), ("NO_COLOR", "")])),
            ColorDepth::Ansi16
        );
    }

    #[test]
    fn mono_theme_draws_with_modifiers_only() {
        let mono = Theme::new(
            &ThemeSpec::builtin("mono").expect("mono"),
            ColorDepth::TrueColor,
        );
        for slot in Slot::ALL {
            let s = mono.style(*slot);
            assert!(matches!(s.fg, None | Some(Color::Reset)), "{slot}");
        }
        assert!(
            mono.style(Slot::Cursor)
                .add_modifier
                .contains(Modifier::REVERSED)
        );
    }
}

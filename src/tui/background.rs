//! Whether the terminal is light or dark, for `theme = "auto"`: asked once at start-up (never
//! in `update`) with OSC 11 ("what is your background colour?"), followed by a DA1 request
//! that every terminal answers, so a terminal that ignores OSC 11 costs one round trip rather
//! than the whole timeout. Without an answer the `COLORFGBG` variable (set by rxvt, Konsole and
//! others) decides; without that, isnad assumes dark (config::theme::Background::default).

use std::time::Duration;

use crate::config::theme::Background;

/// How long to wait for the terminal's answers. A local terminal answers in a millisecond and
/// SSH in one round trip; only something that is not a terminal emulator at all stays silent.
pub const TIMEOUT: Duration = Duration::from_millis(400);

/// The terminal's background: its OSC 11 answer, else `COLORFGBG` from `var`, else `None`.
pub fn detect(var: impl Fn(&str) -> Option<String>) -> Option<Background> {
    ask_terminal(TIMEOUT).or_else(|| var("COLORFGBG").and_then(|v| from_colorfgbg(&v)))
}

/// Light or dark from an OSC 11 answer somewhere in `reply`:
/// `ESC ] 11 ; rgb:RRRR/GGGG/BBBB` ended by BEL or `ESC \`, with 1 to 4 hex digits a
/// component (`rgba:` with a fourth, ignored, and `#rrggbb` are accepted too).
pub fn parse_osc11(reply: &[u8]) -> Option<Background> {
    let text = String::from_utf8_lossy(reply);
    let start = text.find("\u{1b}]11;")? + 5;
    let rest = &text[start..];
    let end = rest.find(['\u{7}', '\u{1b}']).unwrap_or(rest.len());
    let spec = rest[..end].trim();
    let (r, g, b) = if let Some(hex) = spec.strip_prefix('#') {
        if hex.len() % 3 != 0 || hex.is_empty() {
            return None;
        }
        let n = hex.len() / 3;
        (
            component(&hex[..n])?,
            component(&hex[n..2 * n])?,
            component(&hex[2 * n..])?,
        )
    } else {
        let body = spec
            .strip_prefix("rgb:")
            .or_else(|| spec.strip_prefix("rgba:"))?;
        let mut parts = body.split('/');
        (
            component(parts.next()?)?,
            component(parts.next()?)?,
            component(parts.next()?)?,
        )
    };
    Some(Background::from_rgb(r, g, b))
}

/// A colour component of 1–4 hex digits, scaled to 0.0–1.0.
fn component(hex: &str) -> Option<f64> {
    if hex.is_empty() || hex.len() > 4 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let value = u32::from_str_radix(hex, 16).ok()?;
    let max = (1u32 << (4 * hex.len())) - 1;
    Some(f64::from(value) / f64::from(max))
}

/// Light or dark from `COLORFGBG` (`"15;0"`, `"0;default;15"`): its last field is the
/// background's ANSI number; 7 and 9–15 are light, 0–6 and 8 dark, anything else unknown.
pub fn from_colorfgbg(value: &str) -> Option<Background> {
    let bg: u8 = value.rsplit(';').next()?.trim().parse().ok()?;
    match bg {
        7 | 9..=15 => Some(Background::Light),
        0..=6 | 8 => Some(Background::Dark),
        _ => None,
    }
}

/// Whether the bytes hold the DA1 answer (`ESC [ ? … c`) that ends the wait.
fn has_da1(bytes: &[u8]) -> bool {
    bytes.windows(3).enumerate().any(|(i, w)| {
        w == b"\x1b[?"
            && bytes[i + 3..]
                .iter()
                .take_while(|b| b.is_ascii_digit() || **b == b';')
                .count()
                .checked_add(i + 3)
                .and_then(|end| bytes.get(end))
                == Some(&b'c')
    })
}

/// Sends the two questions to the controlling terminal and reads until the DA1 answer comes
/// or `timeout` passes. The terminal must be in raw mode (no echo, no line buffering).
#[cfg(unix)]
fn ask_terminal(timeout: Duration) -> Option<Background> {
    use std::io::{IsTerminal, Read, Write};
    use std::time::Instant;

    use rustix::event::{PollFd, PollFlags, Timespec, poll};

    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return None;
    }
    let mut tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .ok()?;
    tty.write_all(b"\x1b]11;?\x1b\\\x1b[c").ok()?;
    tty.flush().ok()?;
    let deadline = Instant::now() + timeout;
    let mut got = Vec::new();
    while !has_da1(&got) && got.len() < 4096 {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        let wait = Timespec {
            tv_sec: i64::try_from(left.as_secs()).unwrap_or(0),
            tv_nsec: i64::from(left.subsec_nanos()),
        };
        let mut fds = [PollFd::new(&tty, PollFlags::IN)];
        match poll(&mut fds, Some(&wait)) {
            Ok(0) => break,
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => continue,
            Err(_) => break,
        }
        let mut buf = [0u8; 256];
        match tty.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
        }
    }
    parse_osc11(&got)
}

#[cfg(not(unix))]
fn ask_terminal(_timeout: Duration) -> Option<Background> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc11_answers_in_every_digit_count_and_ending() {
        let light = Some(Background::Light);
        let dark = Some(Background::Dark);
        assert_eq!(parse_osc11(b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\"), light);
        assert_eq!(parse_osc11(b"\x1b]11;rgb:0000/0000/0000\x07"), dark);
        assert_eq!(parse_osc11(b"\x1b]11;rgb:00/00/00\x1b\\"), dark);
        assert_eq!(parse_osc11(b"\x1b]11;rgb:ff/ff/ff\x07"), light);
        assert_eq!(parse_osc11(b"\x1b]11;rgb:f/f/f\x07"), light);
        assert_eq!(parse_osc11(b"\x1b]11;rgb:fdf6/e3e3/c8c8\x1b\\"), light);
        // Solarized dark's base03 and a mid grey just under half
        assert_eq!(parse_osc11(b"\x1b]11;rgb:0000/2b2b/3636\x1b\\"), dark);
        assert_eq!(parse_osc11(b"\x1b]11;rgb:7070/7070/7070\x07"), dark);
        assert_eq!(parse_osc11(b"\x1b]11;rgba:ffff/ffff/ffff/ffff\x07"), light);
        assert_eq!(parse_osc11(b"\x1b]11;#ffffff\x07"), light);
        // the answer after other input and before the DA1 answer
        assert_eq!(
            parse_osc11(b"x\x1b]11;rgb:1e1e/1e1e/1e1e\x1b\\\x1b[?64;1;9c"),
            dark
        );
    }

    #[test]
    fn no_or_broken_osc11_answer_is_unknown() {
        assert_eq!(parse_osc11(b""), None);
        assert_eq!(parse_osc11(b"\x1b[?1;2c"), None);
        assert_eq!(parse_osc11(b"\x1b]11;rgb:zz/00/00\x07"), None);
        assert_eq!(parse_osc11(b"\x1b]11;rgb:00000/0/0\x07"), None);
        assert_eq!(parse_osc11(b"\x1b]11;?\x07"), None);
    }

    #[test]
    fn colorfgbg_last_field_is_the_background() {
        assert_eq!(from_colorfgbg("15;0"), Some(Background::Dark));
        assert_eq!(from_colorfgbg("0;15"), Some(Background::Light));
        assert_eq!(from_colorfgbg("0;default;15"), Some(Background::Light));
        assert_eq!(from_colorfgbg("7;8"), Some(Background::Dark));
        assert_eq!(from_colorfgbg("0;7"), Some(Background::Light));
        assert_eq!(from_colorfgbg("15;default"), None);
        assert_eq!(from_colorfgbg(""), None);
    }

    #[test]
    fn the_wait_ends_at_the_da1_answer() {
        assert!(has_da1(b"\x1b]11;rgb:0/0/0\x07\x1b[?62;22c"));
        assert!(has_da1(b"\x1b[?1;2c"));
        assert!(!has_da1(b"\x1b[?1;2"));
        assert!(!has_da1(b"\x1b]11;rgb:0/0/0\x07"));
    }
}

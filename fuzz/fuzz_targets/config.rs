//! Fuzz target: the configuration loaders. The same text goes through `config.toml` merging,
//! `keymap.toml` merging (then key sequence parsing and lookup), a user theme file, and the key
//! notation parser. Every problem must carry a position inside the text.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use isnad::config::keymap::{Keymap, parse_sequence};
use isnad::config::{Config, Problem, theme};
use libfuzzer_sys::fuzz_target;

fn check(problems: &[Problem], text: &str) {
    let lines = text.split('\n').count();
    for p in problems {
        if let Some(line) = p.line {
            assert!(line >= 1 && line <= lines, "{p} (text has {lines} lines)");
        }
        let _ = p.to_string();
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut config = Config::default();
    check(&config.merge_toml(Path::new("config.toml"), &text), &text);
    let mut keymap = Keymap::default();
    check(&keymap.merge_user(Path::new("keymap.toml"), &text), &text);
    let _ = keymap.to_toml();
    if let Ok(keys) = parse_sequence(&text) {
        let _ = keymap.lookup(&keys);
        let _ = isnad::config::keymap::sequence_to_string(&keys);
    }
    // one folder for the whole run: creating and removing a folder per input is slow
    static THEMES: OnceLock<Option<tempfile::TempDir>> = OnceLock::new();
    if let Some(dir) = THEMES.get_or_init(|| tempfile::tempdir().ok())
        && std::fs::write(dir.path().join("fuzz.toml"), text.as_bytes()).is_ok()
    {
        match theme::load("fuzz", dir.path()) {
            Ok((_, problems)) | Err(problems) => check(&problems, &text),
        }
    }
});

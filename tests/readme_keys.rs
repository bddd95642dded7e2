//! The README's key table says what the keys do; this checks it against the keymap that ships
//! (`assets/keymap.toml`): every key named in the table's keys column is bound, and bound to a
//! command whose description shares a word with what the README says of it (so a README that
//! promises `d` deletes while the keymap binds `d` to something else fails). `:name` entries
//! must be commands of the command line.

use std::collections::{BTreeMap, BTreeSet};

use isnad::app::command_line::TYPABLE;
use isnad::config::commands::COMMANDS;

/// A key as README writes it, in the keymap's notation.
fn keymap_notation(key: &str) -> String {
    let named = match key {
        "↓" => "<Down>",
        "↑" => "<Up>",
        "←" => "<Left>",
        "→" => "<Right>",
        "Shift-←" => "<S-Left>",
        "Shift-→" => "<S-Right>",
        "PgDn" => "<PageDown>",
        "PgUp" => "<PageUp>",
        "Space" => "<Space>",
        "Enter" => "<Enter>",
        "Esc" => "<Esc>",
        "Tab" => "<Tab>",
        "Backspace" => "<Backspace>",
        "<" => "<lt>",
        ">" => "<gt>",
        _ => "",
    };
    if !named.is_empty() {
        return named.to_owned();
    }
    match key.strip_prefix("Ctrl-") {
        Some(c) => format!("<C-{c}>"),
        None => key.to_owned(),
    }
}

/// Words that carry meaning: three letters or more, not the commonest.
fn words(text: &str) -> BTreeSet<String> {
    const COMMON: &[&str] = &[
        "the", "and", "its", "with", "for", "from", "that", "this", "then", "them", "what", "when",
        "where", "which", "each", "one", "are", "all", "but", "not", "any", "out",
    ];
    text.to_lowercase()
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3 && !COMMON.contains(w))
        .map(str::to_owned)
        .collect()
}

/// The rows of the table under `| keys | what they do |`: (keys cell, description).
fn readme_rows(readme: &str) -> Vec<(String, String)> {
    let start = readme
        .find("| keys | what they do |")
        .expect("README has the key table");
    readme[start..]
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            let cells: Vec<&str> = l.trim().trim_matches('|').split(" | ").collect();
            (cells[0].trim().to_owned(), cells[1..].join(" | "))
        })
        .collect()
}

/// Every key of `assets/keymap.toml` with the commands it is bound to (any section).
fn bindings() -> BTreeMap<String, Vec<String>> {
    let text = include_str!("../assets/keymap.toml");
    let table: toml::Table = text.parse().expect("keymap.toml parses");
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for section in table.values() {
        let Some(commands) = section.as_table() else {
            continue;
        };
        for (command, keys) in commands {
            for key in keys.as_array().into_iter().flatten() {
                if let Some(key) = key.as_str() {
                    out.entry(key.to_owned()).or_default().push(command.clone());
                }
            }
        }
    }
    out
}

/// What a command does, in words: its description and its dotted name.
fn meaning(command: &str) -> BTreeSet<String> {
    let description = COMMANDS
        .iter()
        .find(|c| c.name == command)
        .map_or("", |c| c.description);
    words(&format!(
        "{description} {}",
        command.replace(['.', '_'], " ")
    ))
}

#[test]
fn every_key_the_readme_names_is_bound_with_that_meaning() {
    let readme = include_str!("../README.md");
    let bound = bindings();
    let rows = readme_rows(readme);
    assert!(rows.len() >= 15, "the table was found: {} rows", rows.len());
    let typable: BTreeSet<&str> = TYPABLE
        .iter()
        .flat_map(|(names, _, _)| names.iter().copied())
        .collect();
    let mut problems = Vec::new();
    let mut checked = 0;
    for (keys, description) in &rows {
        let said = words(description);
        for key in keys.split('`').skip(1).step_by(2) {
            if let Some(command) = key.strip_prefix(':') {
                let name = command.split_whitespace().next().unwrap_or("");
                if !typable.contains(name) {
                    problems.push(format!("`{key}`: no command `:{name}`"));
                }
                continue;
            }
            checked += 1;
            let Some(commands) = bound.get(&keymap_notation(key)) else {
                problems.push(format!("`{key}` (row {keys}) is not bound in keymap.toml"));
                continue;
            };
            if !commands.iter().any(|c| !meaning(c).is_disjoint(&said)) {
                problems.push(format!(
                    "`{key}` is bound to {commands:?}, which the row «{keys}» does not describe"
                ));
            }
        }
    }
    assert!(checked >= 40, "only {checked} keys read");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_check_catches_a_key_with_another_meaning() {
    let bound = bindings();
    let commands = &bound[&keymap_notation("d")];
    let said = words("scroll down one line");
    assert!(
        commands.iter().all(|c| meaning(c).is_disjoint(&said)),
        "{commands:?}"
    );
    assert_eq!(keymap_notation("Ctrl-d"), "<C-d>");
    assert!(bound.contains_key(&keymap_notation("Ctrl-d")));
}

//! The README's key table says what the keys do; this checks it against the keymap that ships
//! (`assets/keymap.toml`). [`ROWS`] names, for each row of the table, the command each key of
//! its keys column runs, in order: every key must be bound to exactly that command, and that
//! command's description must share a word with what the row says (so a README that promises
//! `d` deletes while the keymap binds `d` to something else fails, and so do two keys swapped).
//! A row the table does not know fails too, until it is added here with its commands. `:name`
//! entries must be commands of the command line.

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

/// Each README row (its keys column as written) with the command each of its keys runs, in the
/// order the keys are written (`:name` entries are checked apart and not listed).
const ROWS: &[(&str, &[&str])] = &[
    (
        "`j` `k` `↓` `↑`, `Ctrl-d` `Ctrl-u`, `PgDn` `PgUp` `Space`, `g g` `G`",
        &[
            "view.scroll_down",
            "view.scroll_up",
            "view.scroll_down",
            "view.scroll_up",
            "view.half_page_down",
            "view.half_page_up",
            "view.page_down",
            "view.page_up",
            "view.page_down",
            "view.top",
            "view.bottom",
        ],
    ),
    ("`w` `b`", &["cursor.next_word", "cursor.prev_word"]),
    ("`←` `→`", &["cursor.left", "cursor.right"]),
    (
        "`)` `(`, `}` `{`",
        &[
            "cursor.next_sentence",
            "cursor.prev_sentence",
            "cursor.next_closing",
            "cursor.prev_opening",
        ],
    ),
    (
        "`.` `,` `\"`",
        &["select.sentence", "select.clause", "select.quotation"],
    ),
    (
        "`/` `n` `N`",
        &["search.start", "search.next", "search.prev"],
    ),
    (
        "`v`, `s`, `c`, `Esc`",
        &["select.toggle", "tag.source", "tag.claim", "app.cancel"],
    ),
    ("`e` + label key", &["tag.entity"]),
    (
        "`]` `[`, `a` `x` `A`, `r`",
        &[
            "review.next",
            "review.prev",
            "review.accept",
            "review.reject",
            "review.accept_all",
            "review.relabel",
        ],
    ),
    (
        "`<` `>`, `Shift-←` `Shift-→`",
        &[
            "review.start_earlier",
            "review.start_later",
            "review.end_left",
            "review.end_right",
        ],
    ),
    ("`L`", &["view.legend"]),
    ("`l`", &["claim.link"]),
    ("`C`", &["claim.cue"]),
    ("`t`, `V` + key", &["claim.type", "claim.verify"]),
    ("`i`", &["isnad.add_intermediary"]),
    ("`I`", &["isnad.edit_chain"]),
    ("`S`, `Q` + key", &["isnad.stance", "isnad.quote_type"]),
    ("`=`", &["isnad.same_as"]),
    ("`*` `#`", &["isnad.next_mention", "isnad.prev_mention"]),
    ("`T`, `:isnad`", &["view.isnad"]),
    ("`g c`, `:claims`", &["view.claims"]),
    ("`g s`, `:sources`", &["view.sources"]),
    ("`Enter`, `E`", &["annotate.open", "annotate.note_editor"]),
    ("`d`", &["annotate.delete"]),
    ("`Tab`", &["view.panel"]),
    (
        "`u` `Ctrl-r`, `Ctrl-s`",
        &["edit.undo", "edit.redo", "file.save"],
    ),
    ("`m`", &["view.cycle_bidi"]),
    ("`Ctrl-z`, `q`", &["app.suspend", "app.quit"]),
    ("`:compare FILE`, `:compare`, `D`", &["compare.show"]),
    (
        "`Enter`, `Backspace`, `o`",
        &["annotate.open", "library.back", "library.sort"],
    ),
];

/// What is wrong between the README's key table and the keymap, one line per problem, with
/// `table` naming the commands of each row ([`ROWS`]).
fn problems(readme: &str, table: &[(&str, &[&str])]) -> Vec<String> {
    let bound = bindings();
    let typable: BTreeSet<&str> = TYPABLE
        .iter()
        .flat_map(|(names, _, _)| names.iter().copied())
        .collect();
    let mut problems = Vec::new();
    for (keys_cell, description) in readme_rows(readme) {
        let Some((_, commands)) = table.iter().find(|(cell, _)| *cell == keys_cell) else {
            problems.push(format!(
                "README row «{keys_cell}» is not in tests/readme_keys.rs ROWS: add it with the \
                 command each of its keys runs"
            ));
            continue;
        };
        let mut keys = Vec::new();
        for key in keys_cell.split('`').skip(1).step_by(2) {
            match key.strip_prefix(':') {
                Some(command) => {
                    let name = command.split_whitespace().next().unwrap_or("");
                    if !typable.contains(name) {
                        problems.push(format!("`{key}`: no command `:{name}`"));
                    }
                }
                None => keys.push(key),
            }
        }
        if keys.len() != commands.len() {
            problems.push(format!(
                "row «{keys_cell}» names {} keys, ROWS {} commands",
                keys.len(),
                commands.len()
            ));
            continue;
        }
        let said = words(&description);
        for (key, command) in keys.iter().zip(commands.iter()) {
            let on_key = bound.get(&keymap_notation(key));
            if !on_key.is_some_and(|c| c.iter().any(|c| c == command)) {
                problems.push(format!(
                    "`{key}` (row «{keys_cell}») should run {command}, but keymap.toml binds it \
                     to {on_key:?}"
                ));
            }
            if meaning(command).is_disjoint(&said) {
                problems.push(format!(
                    "row «{keys_cell}» says nothing of {command} (its `{key}`)"
                ));
            }
        }
    }
    problems
}

#[test]
fn every_key_the_readme_names_runs_the_command_its_row_names() {
    let readme = include_str!("../README.md");
    let rows = readme_rows(readme);
    assert!(rows.len() >= 15, "the table was found: {} rows", rows.len());
    let keys: usize = rows
        .iter()
        .map(|(cell, _)| cell.split('`').skip(1).step_by(2).count())
        .sum();
    assert!(keys >= 40, "only {keys} keys read");
    let problems = problems(readme, ROWS);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // every row of ROWS is still in the README (a row removed there goes here too)
    for (cell, _) in ROWS {
        assert!(
            rows.iter().any(|(keys, _)| keys == cell),
            "ROWS has «{cell}», which the README no longer has"
        );
    }
}

#[test]
fn a_wrong_or_swapped_key_in_the_readme_fails() {
    let readme = include_str!("../README.md");
    // the README promising `x` accepts and `a` rejects: a row ROWS does not know
    let swapped = readme.replace(
        "| `]` `[`, `a` `x` `A`, `r` |",
        "| `]` `[`, `x` `a` `A`, `r` |",
    );
    assert_ne!(swapped, readme);
    let found = problems(&swapped, ROWS);
    assert!(
        found
            .iter()
            .any(|p| p.contains("not in tests/readme_keys.rs ROWS")),
        "{found:?}"
    );
    // and saying so in ROWS as well does not help: the keymap binds them the other way
    let row = "`]` `[`, `x` `a` `A`, `r`";
    let commands: &[&str] = &[
        "review.next",
        "review.prev",
        "review.accept",
        "review.reject",
        "review.accept_all",
        "review.relabel",
    ];
    let mut table: Vec<(&str, &[&str])> = ROWS.to_vec();
    table.push((row, commands));
    let found = problems(&swapped, &table);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].starts_with("`x` ") && found[0].contains("review.accept"));
    assert!(found[1].starts_with("`a` ") && found[1].contains("review.reject"));
}

#[test]
fn a_row_whose_words_do_not_describe_its_command_fails() {
    let text = "| keys | what they do |\n|---|---|\n| `d` | delete the annotation |\n";
    let table: &[(&str, &[&str])] = &[("`d`", &["annotate.delete"])];
    assert!(problems(text, table).is_empty());
    let text = text.replace("delete the annotation", "scroll one line");
    let found = problems(&text, table);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("says nothing of annotate.delete"));
    assert_eq!(keymap_notation("Ctrl-d"), "<C-d>");
}

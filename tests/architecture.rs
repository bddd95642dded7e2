//! The folder layout is the pipeline (DESIGN.md §1), and this test keeps it so: it reads every
//! file under `src/` and fails when engine code (`text/`, `layout`, `article/`, `annotate/`,
//! `extract/`, `search`) names a shell module (`app`, `ui`, `tui`, `cli`, `commands`) or a
//! terminal crate (ratatui, crossterm), or when `app/` names `tui`, `ui`, `cli` or `commands`.
//! It reads paths, not meaning: simple and strict, so a violation cannot hide in a nested `use`.
//! A second test keeps `update` pure: no file, clock, environment or process call under `app/`
//! (the effect runner in `tui/` does those and hands the results back as actions).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Engine modules and what they must never name.
const ENGINE: &[&str] = &["text", "layout", "article", "annotate", "extract", "search"];
const NOT_IN_ENGINE: &[&str] = &[
    "app",
    "ui",
    "tui",
    "cli",
    "commands",
    "ratatui",
    "crossterm",
];
/// The app's state machine is pure: no terminal loop, drawing or command-line code.
const NOT_IN_APP: &[&str] = &["tui", "ui", "cli", "commands"];

/// What code under `app/` never calls: files, the clock, the environment, other processes, and
/// questions to the file system about paths.
const IMPURE: &[&str] = &[
    "std::fs",
    "fs::",
    "File::",
    "OpenOptions",
    "read_dir",
    "Instant::now",
    "SystemTime::now",
    "std::env",
    "env::",
    "std::process",
    "tempfile",
    ".exists()",
    ".is_file()",
    ".is_dir()",
    ".metadata()",
    "canonicalize",
];

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file under `src/` belongs to (`src/app/panel.rs` → `app`).
fn top_module(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).expect("under src");
    let first = relative
        .components()
        .next()
        .expect("a path")
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_owned()
}

/// The modules and crates a file's code names: `crate::X` anywhere (including inside `use
/// crate::{X, Y::…}` groups) and the external crates ratatui and crossterm. Comments are left
/// out, so documentation may mention anything.
fn names_used(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let before = rest[..at].chars().next_back();
            rest = &rest[at + "crate::".len()..];
            // `isnad_crate::x` or `my_crate::x` are not `crate::x`
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            if let Some(group) = rest.strip_prefix('{') {
                // use crate::{app::App, ui}; (a group may span lines; its first line is enough
                // for `use` as rustfmt writes it, and later lines are read below)
                for item in group.split(',') {
                    names.insert(first_segment(item));
                }
            } else {
                names.insert(first_segment(rest));
            }
        }
        for external in ["ratatui", "crossterm"] {
            let mentions = code.match_indices(external).any(|(at, _)| {
                let before = code[..at].chars().next_back();
                let after = code[at + external.len()..].chars().next();
                !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                    && after.is_some_and(|c| c == ':' || c == ';')
            });
            if mentions {
                names.insert(external.to_owned());
            }
        }
    }
    // the lines inside a multi-line `use crate::{…}` group
    let mut in_group = false;
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("").trim();
        if code.starts_with("use crate::{") && !code.contains('}') {
            in_group = true;
            continue;
        }
        if in_group {
            if code.starts_with('}') {
                in_group = false;
                continue;
            }
            for item in code.split(',') {
                names.insert(first_segment(item));
            }
        }
    }
    names.remove("");
    names
}

fn first_segment(path: &str) -> String {
    path.trim()
        .trim_start_matches('{')
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// The rule broken by `file` in module `module`, one line per forbidden name.
fn violations(module: &str, names: &BTreeSet<String>) -> Vec<String> {
    let forbidden: &[&str] = if ENGINE.contains(&module) {
        NOT_IN_ENGINE
    } else if module == "app" {
        NOT_IN_APP
    } else {
        &[]
    };
    forbidden
        .iter()
        .filter(|f| names.contains(**f))
        .map(|f| format!("`{module}` uses `{f}`"))
        .collect()
}

#[test]
fn engine_and_app_never_reach_into_the_shell() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    assert!(files.len() > 50, "found only {} files", files.len());
    let mut problems = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read");
        let module = top_module(&src, file);
        for v in violations(&module, &names_used(&text)) {
            problems.push(format!("{}: {v}", file.display()));
        }
    }
    assert!(
        problems.is_empty(),
        "the layering of DESIGN.md §1 is broken:\n{}",
        problems.join("\n")
    );
}

/// The impure calls in a file's code (comments left out), one line each with its line number;
/// `use std::{…}` groups are read item by item, so `use std::{env, fs}` counts too.
fn impure_calls(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut hits: Vec<&str> = IMPURE
            .iter()
            .copied()
            .filter(|p| code.contains(p))
            .collect();
        if let Some(group) = code.trim().strip_prefix("use std::{") {
            for item in group.split([',', '}']) {
                let first = first_segment(item);
                if ["fs", "env", "process", "time"].contains(&first.as_str())
                    && (first != "time"
                        || group.contains("Instant")
                        || group.contains("SystemTime"))
                {
                    hits.push("a `use std::{…}` group");
                }
            }
        }
        found.extend(hits.into_iter().map(|h| format!("line {}: {h}", n + 1)));
    }
    found
}

#[test]
fn the_app_touches_no_file_clock_or_environment() {
    let app = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let mut files = vec![app.with_extension("rs")];
    rust_files(&app, &mut files);
    files.sort();
    assert!(files.len() > 10, "found only {} files", files.len());
    let mut problems = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read");
        for call in impure_calls(&text) {
            problems.push(format!("{}: {call}", file.display()));
        }
    }
    assert!(
        problems.is_empty(),
        "`update` must stay pure: do this in the effect runner (src/tui/effects.rs) and hand \
         the result back as an action:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_reader_of_impure_calls_sees_them() {
    let text = "let t = std::fs::read_to_string(p);\n\
                // std::fs::write in a comment is documentation\n\
                let now = Instant::now();\n\
                use std::{env, path::Path};\n\
                if path.exists() { }\n\
                let at = self.shell.now;\n";
    let calls = impure_calls(text);
    assert_eq!(
        calls,
        [
            "line 1: std::fs",
            "line 1: fs::",
            "line 3: Instant::now",
            "line 4: a `use std::{…}` group",
            "line 5: .exists()",
        ]
    );
}

#[test]
fn the_reader_of_paths_sees_every_form_of_import() {
    let text = "use crate::app::App;\n\
                use crate::{ui, text::bidi};\n\
                use crate::{\n    cli::Cli,\n    layout,\n};\n\
                fn f() { crate::commands::run(); ratatui::init(); }\n\
                // crate::tui in a comment is documentation\n\
                use crossterm::event;\n";
    let names = names_used(text);
    for expected in [
        "app",
        "ui",
        "text",
        "cli",
        "layout",
        "commands",
        "ratatui",
        "crossterm",
    ] {
        assert!(
            names.contains(expected),
            "{expected} missing from {names:?}"
        );
    }
    assert!(!names.contains("tui"), "{names:?}");
    assert_eq!(
        violations("annotate", &names),
        [
            "`annotate` uses `app`",
            "`annotate` uses `ui`",
            "`annotate` uses `cli`",
            "`annotate` uses `commands`",
            "`annotate` uses `ratatui`",
            "`annotate` uses `crossterm`",
        ]
    );
    assert_eq!(
        violations("app", &names),
        [
            "`app` uses `ui`",
            "`app` uses `cli`",
            "`app` uses `commands`"
        ]
    );
    assert!(violations("tui", &names).is_empty());
    assert_eq!(
        top_module(Path::new("src"), Path::new("src/app/panel.rs")),
        "app"
    );
    assert_eq!(
        top_module(Path::new("src"), Path::new("src/search.rs")),
        "search"
    );
}

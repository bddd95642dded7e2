//! Running the `isnad` binary as a user would, for the command-line tests (included with
//! `#[path]` by the files that need only this, so they do not compile the reader's set-up in
//! `common/mod.rs`).

use std::path::Path;
use std::process::{Command, Output};

/// Runs `isnad ARGS` in `dir`, with `dir` as the home and data folder, so that no file of the
/// machine's own configuration or library is read or written.
pub fn isnad(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .output()
        .expect("run isnad")
}

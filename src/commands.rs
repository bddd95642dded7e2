//! The CLI subcommands: thin clients of the engine that read files and print results. None of
//! them touches the terminal beyond stdout and stderr.

pub mod agree;
pub mod check_config;
pub mod compare;
pub mod completions;
pub mod eval;
pub mod export;
pub mod extract;
pub mod feed;
pub mod git_setup;
pub mod import;
pub mod learn;
pub mod merge;
pub mod render;
pub mod report;
pub mod validate;

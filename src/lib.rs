//! isnad: read and annotate Arabic news articles in a terminal.
//!
//! The modules follow the pipeline: file → [`article`] → [`layout`] rows → screen, and
//! article → annotations → JSON. Everything except `app`, `ui` and `tui` is engine code that
//! never touches the terminal.

pub mod annotate;
pub mod app;
pub mod article;
pub mod cli;
pub mod commands;
pub mod config;
pub mod extract;
pub mod layout;
pub mod log;
pub mod search;
pub mod text;
pub mod tui;
pub mod ui;

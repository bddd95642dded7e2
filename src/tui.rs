//! The shell around the app: starting the reader ([`run`]), the terminal's lifecycle
//! ([`terminal`]) and its background colour ([`background`]), where events come from ([`events`]) and the loop that draws, turns events
//! into actions ([`event_loop`]), the rows with Arabic marks written whole ([`ink`]), the runner of the effects `update` returns ([`effects`]) and
//! the work it runs on other threads ([`jobs`]). Everything that
//! touches the terminal, the clock, signals or files on the reader's behalf is here.

pub mod background;
pub mod effects;
pub mod event_loop;
pub mod events;
pub mod ink;
pub mod jobs;
pub mod start;
pub mod terminal;

pub use event_loop::{NoTerminalControl, TerminalControl, run_loop, run_loop_with};
pub use events::{EventSource, ScriptedEvents, TerminalEvents};
pub use start::{run, surroundings, terminal_hint};

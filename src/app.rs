//! The application state machine: state, the command table, `update(&mut App, Action) -> Effect`
//! (pure: no I/O), key routing and the event loop that performs effects.

pub mod command;

//! Pure Unicode work on article text, independent of any terminal: shaping, bidi, line
//! breaking, widths and what may be shown.

pub mod bidi;
pub mod cluster;
mod forms;
pub mod sanitize;
pub mod shape;
pub mod width;
pub mod wrap;

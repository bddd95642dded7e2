//! Pure Unicode work on article text, independent of any terminal: shaping, bidi, line
//! breaking, widths, what may be shown, and the matching normalisation used by extraction.

pub mod bidi;
pub mod cluster;
mod forms;
mod implicit;
pub mod marks;
pub mod normalize;
pub mod sanitize;
pub mod sentences;
pub mod shape;
pub mod spaces;
pub mod width;
pub mod wrap;

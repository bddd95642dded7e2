//! Text processing shared by layout and extraction.

pub mod normalize;

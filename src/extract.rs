//! Automatic extraction: suggestions computed from the article text, reviewed by the user.

pub mod cues;

//! Attribution cues.

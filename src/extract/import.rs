//! Importers of automatic extractions made by other tools (interchange JSON, Stanza, spaCy,
//! Hugging Face pipelines, CoNLL/IOB/BIOES, brat). Every mention is checked against the article
//! text: realigned to the nearest occurrence of its text when the offsets are off, set aside as
//! unaligned when its text cannot be found; never placed at a wrong offset.

use std::fmt;

/// A problem with an input file, located as `FILE:LINE:COLUMN: message` (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl ImportError {
    pub fn at(path: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        ImportError {
            path: path.to_owned(),
            line,
            column,
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for ImportError {}

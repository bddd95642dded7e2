//! Other tools' formats: export to brat standoff, W3C Web Annotation JSON-LD, CSV and schema.org
//! ClaimReview JSON-LD; import from brat.

pub mod brat;
pub mod claimreview;
pub mod csv;
mod export;
pub mod w3c;

pub use export::{Exported, default_destination, export};

use std::fmt;
use std::str::FromStr;

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

/// The formats annotations can be exported to (the command line's `--to` and the reader's
/// `:export`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Brat,
    W3c,
    Csv,
    Claimreview,
}

impl Format {
    pub const ALL: [Format; 4] = [Self::Brat, Self::W3c, Self::Csv, Self::Claimreview];

    /// The name used on the command line and after `:export`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Brat => "brat",
            Self::W3c => "w3c",
            Self::Csv => "csv",
            Self::Claimreview => "claimreview",
        }
    }

    /// One line for `--help`.
    pub fn description(self) -> &'static str {
        match self {
            Self::Brat => "brat standoff: a folder with the article's .txt and an .ann",
            Self::W3c => "W3C Web Annotation JSON-LD",
            Self::Csv => "CSV, one row per annotation",
            Self::Claimreview => {
                "schema.org ClaimReview JSON-LD: one review per claim with a verdict"
            }
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Case-insensitive (`:export W3C` works in the reader).
impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                format!(
                    "unknown export format {s:?} (expected {})",
                    Self::ALL.map(Self::name).join(", ")
                )
            })
    }
}

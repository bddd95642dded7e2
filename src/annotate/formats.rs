//! Other tools' formats: export to brat standoff, W3C Web Annotation JSON-LD and CSV; import
//! from brat.

pub mod brat;
pub mod csv;
pub mod w3c;

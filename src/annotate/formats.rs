//! Other tools' formats: export to brat standoff, W3C Web Annotation JSON-LD, CSV and schema.org
//! ClaimReview JSON-LD; import from brat.

pub mod brat;
pub mod claimreview;
pub mod csv;
pub mod w3c;

//! Provenance (`Origin`), review state (`Review`) and the fact-check verdict (`Verification`)
//! every item or claim carries.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::vocab::{OriginKind, ReviewStatus, VerificationStatus};

/// Provenance: who made the item, and the model or rule score when there is one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    pub kind: OriginKind,
    pub by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

impl Origin {
    pub fn human(by: &str) -> Self {
        Self {
            kind: OriginKind::Human,
            by: by.to_owned(),
            score: None,
        }
    }

    pub fn rule(by: &str, score: Option<f64>) -> Self {
        Self {
            kind: OriginKind::Rule,
            by: by.to_owned(),
            score,
        }
    }

    pub fn model(by: &str, score: Option<f64>) -> Self {
        Self {
            kind: OriginKind::Model,
            by: by.to_owned(),
            score,
        }
    }

    pub fn import(by: &str) -> Self {
        Self {
            kind: OriginKind::Import,
            by: by.to_owned(),
            score: None,
        }
    }
}

/// Review state. `previous` holds the value before the first correction (an object with the
/// changed fields, e.g. `{"label": "ORG"}`), so a correction can be audited or compared with
/// the model's output.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub status: ReviewStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// RFC 3339 UTC timestamp.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Value>,
}

impl Review {
    pub fn suggested() -> Self {
        Self::default()
    }

    /// Accepted by `by` now.
    pub fn accepted(by: &str) -> Self {
        Self {
            status: ReviewStatus::Accepted,
            by: Some(by.to_owned()),
            at: Some(now_rfc3339()),
            previous: None,
        }
    }

    /// Marks a state change (accept/reject) by `by`, keeping any earlier `previous`.
    pub fn set_status(&mut self, status: ReviewStatus, by: &str) {
        self.status = status;
        self.by = Some(by.to_owned());
        self.at = Some(now_rfc3339());
    }

    /// Marks a correction: status `corrected`, and `previous` records the fields of `old`
    /// that no earlier correction recorded (the original value is the one worth keeping), so a
    /// relabel followed by a span change keeps both the original label and the original span.
    pub fn correct(&mut self, old: Value, by: &str) {
        match (&mut self.previous, old) {
            (None, old) => self.previous = Some(old),
            (Some(Value::Object(kept)), Value::Object(fields)) => {
                for (key, value) in fields {
                    kept.entry(key).or_insert(value);
                }
            }
            // a `previous` of another shape (from an older file) is kept as it is
            (Some(_), _) => {}
        }
        self.set_status(ReviewStatus::Corrected, by);
    }
}

/// The current time as RFC 3339 UTC with second precision.
pub fn now_rfc3339() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

/// A fact-check verdict, how sure it is (0–1), and its provenance: who set it, when, and on
/// what evidence (URLs or notes).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verification {
    pub status: VerificationStatus,
    pub confidence: Option<f64>,
    /// Who set the verdict.
    pub by: Option<String>,
    /// When the verdict was set, RFC 3339 UTC (a ClaimReview's `datePublished`).
    pub at: Option<String>,
    pub evidence: Vec<String>,
}

impl Verification {
    /// Sets the verdict, recording `by` and now as its provenance; nothing changes when the
    /// verdict is the same (its date stays the day it was reached).
    pub fn set_verdict(&mut self, status: VerificationStatus, by: &str) {
        if status == self.status {
            return;
        }
        self.status = status;
        self.by = Some(by.to_owned());
        self.at = Some(now_rfc3339());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verdict_records_who_and_when_once() {
        let mut v = Verification::default();
        v.set_verdict(VerificationStatus::False, "analyst");
        assert_eq!(v.status, VerificationStatus::False);
        assert_eq!(v.by.as_deref(), Some("analyst"));
        let at = v.at.clone();
        assert!(at.as_deref().is_some_and(|t| t.ends_with('Z')), "{at:?}");
        // the same verdict again keeps its author and date
        v.set_verdict(VerificationStatus::False, "someone else");
        assert_eq!((v.by.as_deref(), v.at.clone()), (Some("analyst"), at));
    }
}

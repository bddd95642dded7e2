//! The agreement figures as plain data for JSON output (`isnad agree --json`, and the gold
//! scoring of `isnad eval`): every count with its F1, precision and recall, κ with its
//! confusion matrix, α per layer.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{ArticleAgreement, Counts, Layer, PairScore};

/// Counts with the figures read from them. `precision` and `recall` read A as the system and B
/// as the gold standard; between annotators only `f1` is symmetric.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CountsReport {
    pub matched: usize,
    pub a: usize,
    pub b: usize,
    pub f1: Option<f64>,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
}

impl From<Counts> for CountsReport {
    fn from(c: Counts) -> Self {
        Self {
            matched: c.matched,
            a: c.a,
            b: c.b,
            f1: c.f1(),
            precision: c.precision(),
            recall: c.recall(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConfusionReport {
    /// Row and column labels, sorted.
    pub labels: Vec<String>,
    /// `matrix[i][j]`: pairs where A said `labels[i]` and B `labels[j]`.
    pub matrix: Vec<Vec<usize>>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LabelReport {
    pub exact: CountsReport,
    pub overlap: CountsReport,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairReport {
    /// Annotator numbers (0-based, in the order given).
    pub a: usize,
    pub b: usize,
    pub exact: CountsReport,
    pub overlap: CountsReport,
    pub labelled: CountsReport,
    pub kappa: Option<f64>,
    pub confusion: ConfusionReport,
    pub by_label: BTreeMap<String, LabelReport>,
}

impl PairReport {
    pub fn new(a: usize, b: usize, s: &PairScore) -> Self {
        let (labels, matrix) = s.confusion.matrix();
        Self {
            a,
            b,
            exact: s.exact.into(),
            overlap: s.overlap.into(),
            labelled: s.labelled.into(),
            kappa: s.kappa(),
            confusion: ConfusionReport { labels, matrix },
            by_label: s
                .by_label
                .iter()
                .map(|(l, c)| {
                    (
                        l.clone(),
                        LabelReport {
                            exact: c.exact.into(),
                            overlap: c.overlap.into(),
                        },
                    )
                })
                .collect(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LayerReport {
    pub layer: Layer,
    /// Krippendorff's α over character-level labels, all annotators.
    pub alpha: Option<f64>,
    pub pairs: Vec<PairReport>,
}

/// Every layer's figures, in layer order.
pub fn layers(agreement: &ArticleAgreement) -> Vec<LayerReport> {
    agreement
        .layers
        .iter()
        .map(|(layer, la)| LayerReport {
            layer: *layer,
            alpha: la.alpha(),
            pairs: la
                .pairs
                .iter()
                .map(|((a, b), s)| PairReport::new(*a, *b, s))
                .collect(),
        })
        .collect()
}

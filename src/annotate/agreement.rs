//! Agreement between annotators (or between the extractor and a gold standard), per layer:
//! span F1 (exact and overlap), Cohen's κ on the labels of paired units with the confusion
//! matrix, and Krippendorff's α over character-level labels; per article and pooled over a
//! corpus. The figures and their worked examples: docs/agreement.md.
//!
//! A layer turns an annotation set into [`Unit`]s: anchors (code-point spans, or a name for a
//! source without a span) and a label. Two annotators' units are paired one-to-one
//! ([`matching::pair_units`]); scoring a system against gold is the same pairing, read as
//! precision (share of the system's units paired) and recall (share of the gold's).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::article::Article;

use super::model::AnnotationSet;

pub mod chars;
pub mod matching;
pub mod report;
pub mod stats;

pub use matching::{Pair, pair_units};
pub use stats::{Coincidence, Confusion, Counts};

/// Where a unit is: a half-open code-point range, or the name of a source that has no span.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Anchor<'a> {
    Span((u32, u32)),
    Name(&'a str),
}

/// One thing an annotator marked, as a layer sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit<'a> {
    /// The item's id in its file (for the compare view and messages).
    pub id: &'a str,
    /// Entities, sources and claims: their span. Attributions: the claim's span, then the
    /// source's span (or name).
    pub anchors: Vec<Anchor<'a>>,
    /// The label κ compares: entity label, source type, claim type, quote type, stance, or
    /// the chain of intermediaries.
    pub label: Cow<'a, str>,
}

#[cfg(test)]
impl Unit<'static> {
    /// A unit over one span, for the tests of the matching and the character coincidences.
    pub(crate) fn span(start: u32, end: u32, label: &'static str) -> Self {
        Unit {
            id: "",
            anchors: vec![Anchor::Span((start, end))],
            label: label.into(),
        }
    }
}

/// What is compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    /// Entity mentions, labelled by entity label.
    Entities,
    /// Source mentions, labelled by source type.
    Sources,
    /// Claims, labelled by claim type.
    Claims,
    /// Claim–source links, labelled by quote type.
    Attributions,
    /// Claim–source links, labelled by their chain of intermediaries (`via`).
    Chains,
    /// Claim–source links, labelled by stance.
    Stance,
}

impl Layer {
    pub const ALL: [Layer; 6] = [
        Layer::Entities,
        Layer::Sources,
        Layer::Claims,
        Layer::Attributions,
        Layer::Chains,
        Layer::Stance,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Layer::Entities => "entities",
            Layer::Sources => "sources",
            Layer::Claims => "claims",
            Layer::Attributions => "attributions",
            Layer::Chains => "chains",
            Layer::Stance => "stance",
        }
    }

    /// Whether α values name places in one article (a link's source), so values of two
    /// articles are never the same value when figures are pooled.
    fn values_are_local(self) -> bool {
        matches!(self, Layer::Attributions | Layer::Chains | Layer::Stance)
    }

    /// The units of this layer in `set`, with code-point spans in `article`.
    pub fn units<'a>(self, set: &'a AnnotationSet, article: &Article) -> Vec<Unit<'a>> {
        let cp = |s: super::model::Span| {
            Anchor::Span((
                article.byte_to_char(s.start) as u32,
                article.byte_to_char(s.end) as u32,
            ))
        };
        match self {
            Layer::Entities => set
                .entities
                .iter()
                .map(|e| Unit {
                    id: &e.id,
                    anchors: vec![cp(e.span)],
                    label: Cow::Borrowed(e.label.as_str()),
                })
                .collect(),
            Layer::Sources => set
                .sources
                .iter()
                .map(|s| Unit {
                    id: &s.id,
                    anchors: vec![s.span.map_or(Anchor::Name(&s.name), cp)],
                    label: Cow::Borrowed(s.source_type.as_str()),
                })
                .collect(),
            Layer::Claims => set
                .claims
                .iter()
                .map(|c| Unit {
                    id: &c.id,
                    anchors: vec![cp(c.span)],
                    label: Cow::Borrowed(c.claim_type.as_str()),
                })
                .collect(),
            Layer::Attributions | Layer::Chains | Layer::Stance => {
                let claims: HashMap<&str, Anchor<'a>> = set
                    .claims
                    .iter()
                    .map(|c| (c.id.as_str(), cp(c.span)))
                    .collect();
                let sources: HashMap<&str, Anchor<'a>> = set
                    .sources
                    .iter()
                    .map(|s| (s.id.as_str(), s.span.map_or(Anchor::Name(&s.name), cp)))
                    .collect();
                // a link to an item that is not in the set (orphaned) cannot be compared
                set.attributions
                    .iter()
                    .filter_map(|a| {
                        let label = match self {
                            Layer::Stance => Cow::Borrowed(a.stance.as_str()),
                            Layer::Chains => Cow::Owned(chain_label(&a.via, &sources)?),
                            _ => Cow::Borrowed(a.quote_type.as_str()),
                        };
                        Some(Unit {
                            id: &a.id,
                            anchors: vec![
                                *claims.get(a.claim_id.as_str())?,
                                *sources.get(a.source_id.as_str())?,
                            ],
                            label,
                        })
                    })
                    .collect()
            }
        }
    }
}

/// A chain of intermediaries as a label: each one's span (or name) in order, `direct` for
/// none; `None` when one of them is not in the set.
fn chain_label(via: &[String], sources: &HashMap<&str, Anchor<'_>>) -> Option<String> {
    if via.is_empty() {
        return Some("direct".to_owned());
    }
    let hops: Option<Vec<String>> = via
        .iter()
        .map(|id| sources.get(id.as_str()).map(anchor_text))
        .collect();
    Some(hops?.join(" > "))
}

/// An anchor as text: `[start,end)` or the quoted name.
pub fn anchor_text(anchor: &Anchor<'_>) -> String {
    match anchor {
        Anchor::Span((s, e)) => format!("[{s},{e})"),
        Anchor::Name(n) => format!("{n:?}"),
    }
}

/// Exact and overlap counts of one label.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LabelCounts {
    pub exact: Counts,
    pub overlap: Counts,
}

/// Two annotators compared on one layer (A against B; for a system against gold, A is the
/// system and B the gold).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PairScore {
    /// Units paired with identical anchors.
    pub exact: Counts,
    /// Units paired with overlapping anchors (exact pairs included).
    pub overlap: Counts,
    /// Units paired with identical anchors and the same label.
    pub labelled: Counts,
    /// Labels of the overlap-paired units: rows A, columns B; κ comes from it.
    pub confusion: Confusion,
    /// Exact and overlap counts with both sides restricted to one label.
    pub by_label: BTreeMap<String, LabelCounts>,
}

impl PairScore {
    pub fn kappa(&self) -> Option<f64> {
        self.confusion.kappa()
    }

    pub fn add(&mut self, other: &PairScore) {
        self.exact.add(other.exact);
        self.overlap.add(other.overlap);
        self.labelled.add(other.labelled);
        self.confusion.add(&other.confusion);
        for (label, c) in &other.by_label {
            let mine = self.by_label.entry(label.clone()).or_default();
            mine.exact.add(c.exact);
            mine.overlap.add(c.overlap);
        }
    }
}

/// Compares two annotators' units of one layer. Symmetric up to swapping A and B (counts,
/// transposed confusion matrix); `score_pair(system, gold)` gives precision and recall.
pub fn score_pair<'a>(a: &[Unit<'a>], b: &[Unit<'a>]) -> PairScore {
    let pairs = pair_units(a, b);
    let mut score = PairScore {
        exact: Counts {
            matched: pairs.iter().filter(|p| p.exact).count(),
            a: a.len(),
            b: b.len(),
        },
        overlap: Counts {
            matched: pairs.len(),
            a: a.len(),
            b: b.len(),
        },
        labelled: Counts {
            matched: pairs
                .iter()
                .filter(|p| p.exact && a[p.a].label == b[p.b].label)
                .count(),
            a: a.len(),
            b: b.len(),
        },
        ..PairScore::default()
    };
    for p in &pairs {
        score.confusion.record(&a[p.a].label, &b[p.b].label);
    }
    let mut labels: Vec<&str> = a.iter().chain(b).map(|u| u.label.as_ref()).collect();
    labels.sort_unstable();
    labels.dedup();
    for label in labels {
        let only = |units: &[Unit<'a>]| -> Vec<Unit<'a>> {
            units.iter().filter(|u| u.label == label).cloned().collect()
        };
        let (la, lb) = (only(a), only(b));
        let lp = pair_units(&la, &lb);
        score.by_label.insert(
            label.to_owned(),
            LabelCounts {
                exact: Counts {
                    matched: lp.iter().filter(|p| p.exact).count(),
                    a: la.len(),
                    b: lb.len(),
                },
                overlap: Counts {
                    matched: lp.len(),
                    a: la.len(),
                    b: lb.len(),
                },
            },
        );
    }
    score
}

/// One layer of one article (or of a corpus, pooled).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LayerAgreement {
    /// Every pair of annotators (i < j) who both annotated the article, with their scores.
    pub pairs: BTreeMap<(usize, usize), PairScore>,
    /// The character-level coincidence matrix; values named by `value_names`.
    pub coincidence: Coincidence,
    pub value_names: Vec<String>,
}

impl LayerAgreement {
    /// Krippendorff's α over character-level labels, all annotators together.
    pub fn alpha(&self) -> Option<f64> {
        self.coincidence.alpha()
    }
}

/// Every layer of one article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleAgreement {
    pub layers: BTreeMap<Layer, LayerAgreement>,
}

/// Compares the annotation sets of one article: `sets[k]` is annotator k's set, `None` when
/// annotator k has no file for it.
pub fn agree(article: &Article, sets: &[Option<&AnnotationSet>]) -> ArticleAgreement {
    let len = article.len_chars() as u32;
    let mut out = ArticleAgreement::default();
    for layer in Layer::ALL {
        let units: Vec<Option<Vec<Unit<'_>>>> = sets
            .iter()
            .map(|s| s.map(|s| layer.units(s, article)))
            .collect();
        let mut la = LayerAgreement::default();
        for i in 0..units.len() {
            for j in i + 1..units.len() {
                if let (Some(a), Some(b)) = (&units[i], &units[j]) {
                    la.pairs.insert((i, j), score_pair(a, b));
                }
            }
        }
        let refs: Vec<Option<&[Unit<'_>]>> = units.iter().map(|u| u.as_deref()).collect();
        let (matrix, values) = chars::coincidences(&refs, len);
        la.value_names = values.names();
        la.coincidence = matrix;
        out.layers.insert(layer, la);
    }
    out
}

/// Figures pooled over articles: counts and confusion matrices summed, coincidence matrices
/// summed with values identified by name (and by article where a value names a place in it).
pub fn pool<'a>(articles: impl IntoIterator<Item = &'a ArticleAgreement>) -> ArticleAgreement {
    let mut out = ArticleAgreement::default();
    let mut names: HashMap<Layer, HashMap<(Option<usize>, String), u32>> = HashMap::new();
    for (n, article) in articles.into_iter().enumerate() {
        for (layer, la) in &article.layers {
            let pooled = out.layers.entry(*layer).or_default();
            for (key, score) in &la.pairs {
                pooled.pairs.entry(*key).or_default().add(score);
            }
            let table = names.entry(*layer).or_default();
            let scope = layer.values_are_local().then_some(n);
            let mut map = Vec::with_capacity(la.value_names.len());
            for (v, name) in la.value_names.iter().enumerate() {
                let key = if v == chars::NONE as usize {
                    (None, name.clone())
                } else {
                    (scope, name.clone())
                };
                let next = table.len() as u32;
                let id = *table.entry(key).or_insert(next);
                if id == next {
                    pooled.value_names.push(name.clone());
                }
                map.push(id);
            }
            pooled.coincidence.add(
                &la.coincidence
                    .renamed(|v| map.get(v as usize).copied().unwrap_or(v)),
            );
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;

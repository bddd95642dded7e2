//! The linear model: a weight per feature name, a logistic score, and a deterministic trainer
//! (stochastic gradient descent over the examples in their given order, no shuffling, no hash
//! order anywhere), read from and written to a TSV file with a header.
//!
//! Hand-written (about 100 lines) rather than `linfa-logistic`: that crate brings ndarray,
//! argmin and their trees for what is a sum of weights and one gradient step here.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::features::feature_id;

/// Passes over the training examples.
const EPOCHS: usize = 40;
/// First learning rate; it decays as 1 / (1 + epoch / 4).
const RATE: f64 = 0.2;
/// L2 penalty per step, so features seen a few times stay small.
const L2: f64 = 1e-3;

/// Feature weights and the decision thresholds chosen by cross-validation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Model {
    /// By feature name (the file's order).
    weights: BTreeMap<String, f64>,
    /// The same weights by feature id, what scoring reads.
    ids: FxHashMap<u64, f64>,
    /// A rules' attribution scored below this is dropped.
    pub keep: f64,
    /// A new attribution is added when its score reaches this.
    pub add: f64,
    /// Another reading of a cue the rules used replaces theirs when its score beats theirs by
    /// this much (1 or more: never).
    pub replace: f64,
    /// A ranking model: a reading's score is its share of a softmax over its cue's readings
    /// and none (`@rank` in the file), not its own logistic score.
    pub rank: bool,
}

/// One training example: its features and whether the gold holds it.
#[derive(Clone, Debug)]
pub struct Example {
    pub features: Vec<String>,
    pub positive: bool,
    /// The readings it competes with (a ranking model's softmax), numbered across the examples.
    pub group: usize,
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// The model shipped with the extractor (`assets/model/attributions.tsv`, written by `isnad
/// learn --out`).
const SHIPPED: &str = include_str!("../../../assets/model/attributions.tsv");

impl Model {
    /// The shipped model (`assets/model/attributions.tsv`).
    pub fn shipped() -> Result<Model, String> {
        Model::from_tsv(SHIPPED).map_err(|e| format!("assets/model/attributions.tsv: {e}"))
    }

    /// A model with these weights and thresholds (keep, add, replace).
    pub fn new(weights: BTreeMap<String, f64>, (keep, add, replace): (f64, f64, f64)) -> Model {
        let ids = weights
            .iter()
            .map(|(name, w)| (feature_id(&[name]), *w))
            .collect();
        Model {
            weights,
            ids,
            keep,
            add,
            replace,
            rank: false,
        }
    }

    /// This model as a ranking one (`rank`) or a logistic one.
    pub fn ranked(mut self, rank: bool) -> Model {
        self.rank = rank;
        self
    }

    /// The score of every candidate: its logistic score, or for a ranking model its share of
    /// the softmax over its rank group's readings and none.
    pub(crate) fn scores(&self, candidates: &[super::candidates::Candidate]) -> Vec<f64> {
        // a cue's own features are summed once for all its candidates (they come together)
        let mut last: Option<(&std::sync::Arc<[u64]>, f64)> = None;
        let z: Vec<f64> = candidates
            .iter()
            .map(|c| {
                let shared = match last {
                    Some((ids, sum)) if std::sync::Arc::ptr_eq(ids, &c.shared) => sum,
                    _ => {
                        let sum = self.sum_ids(&c.shared, 0.0);
                        last = Some((&c.shared, sum));
                        sum
                    }
                };
                self.sum_ids(&c.ids, shared)
            })
            .collect();
        if !self.rank {
            return z.into_iter().map(sigmoid).collect();
        }
        let groups = candidates
            .iter()
            .map(|c| c.rank_group)
            .max()
            .map_or(0, |g| g + 1);
        // none has score 0: each group's denominator starts at e^0
        let mut denominators = vec![1.0; groups];
        for (c, z) in candidates.iter().zip(&z) {
            denominators[c.rank_group] += z.exp();
        }
        candidates
            .iter()
            .zip(&z)
            .map(|(c, z)| z.exp() / denominators[c.rank_group])
            .collect()
    }

    /// The weights by feature name.
    pub fn weights(&self) -> &BTreeMap<String, f64> {
        &self.weights
    }

    /// The probability the model gives an attribution with these feature names.
    pub fn score(&self, features: &[String]) -> f64 {
        sigmoid(
            features
                .iter()
                .filter_map(|f| self.weights.get(f))
                .sum::<f64>(),
        )
    }

    /// [`Model::score`] by feature ids (the same sum in the same order, so the same bits).
    #[cfg(test)]
    pub(crate) fn score_ids(&self, ids: &[u64]) -> f64 {
        sigmoid(self.sum_ids(ids, 0.0))
    }

    /// `start` plus the weights of `ids`, added in order (a sum of a list's names from 0 is
    /// the same bits as its first part's sum continued by the rest).
    fn sum_ids(&self, ids: &[u64], start: f64) -> f64 {
        ids.iter()
            .filter_map(|f| self.ids.get(f))
            .fold(start, |sum, w| sum + w)
    }

    /// Logistic regression by SGD over `examples` in order; the same examples give the same
    /// weights, bit for bit.
    pub fn train(examples: &[Example], thresholds: (f64, f64, f64)) -> Model {
        let mut weights: BTreeMap<String, f64> = BTreeMap::new();
        for e in examples {
            for f in &e.features {
                weights.entry(f.clone()).or_insert(0.0);
            }
        }
        // the weights are averaged over every step (as an averaged perceptron's): the last
        // examples of the last pass do not decide the model
        let mut sums: BTreeMap<String, f64> = weights.clone();
        let mut steps = 0.0;
        for epoch in 0..EPOCHS {
            let rate = RATE / (1.0 + epoch as f64 / 4.0);
            for e in examples {
                let z: f64 = e.features.iter().filter_map(|f| weights.get(f)).sum();
                let gradient = f64::from(u8::from(e.positive)) - sigmoid(z);
                for f in &e.features {
                    if let Some(w) = weights.get_mut(f) {
                        *w += rate * (gradient - L2 * *w);
                    }
                }
                steps += 1.0;
                for (sum, w) in sums.values_mut().zip(weights.values()) {
                    *sum += w;
                }
            }
        }
        Model::finish(weights, &sums, steps, thresholds)
    }

    /// A ranking model by SGD over the examples' groups in order of first appearance: per
    /// group, a softmax over its readings and none, the target spread evenly over its right
    /// readings (none when it has none); averaged weights as [`Model::train`].
    pub fn train_ranked(examples: &[Example], thresholds: (f64, f64, f64)) -> Model {
        let mut weights: BTreeMap<String, f64> = BTreeMap::new();
        for e in examples {
            for f in &e.features {
                weights.entry(f.clone()).or_insert(0.0);
            }
        }
        let groups = ranked_groups(examples);
        let mut sums: BTreeMap<String, f64> = weights.clone();
        let mut steps = 0.0;
        for epoch in 0..EPOCHS {
            let rate = RATE / (1.0 + epoch as f64 / 4.0);
            for group in &groups {
                let z: Vec<f64> = group
                    .iter()
                    .map(|&k| {
                        let f = &examples[k].features;
                        f.iter().filter_map(|f| weights.get(f)).sum::<f64>()
                    })
                    .collect();
                let top = z.iter().fold(0.0_f64, |a, &b| a.max(b));
                let denominator = (-top).exp() + z.iter().map(|z| (z - top).exp()).sum::<f64>();
                let right = group.iter().filter(|&&k| examples[k].positive).count();
                for (&k, z) in group.iter().zip(&z) {
                    let e = &examples[k];
                    let target = if e.positive { 1.0 / right as f64 } else { 0.0 };
                    let gradient = target - (z - top).exp() / denominator;
                    for f in &e.features {
                        if let Some(w) = weights.get_mut(f) {
                            *w += rate * (gradient - L2 * *w);
                        }
                    }
                }
                steps += 1.0;
                for (sum, w) in sums.values_mut().zip(weights.values()) {
                    *sum += w;
                }
            }
        }
        Model::finish(weights, &sums, steps, thresholds).ranked(true)
    }

    /// Averaged weights, rounded to the file's six decimals (so a model read back scores as
    /// the one written), as a model.
    fn finish(
        mut weights: BTreeMap<String, f64>,
        sums: &BTreeMap<String, f64>,
        steps: f64,
        thresholds: (f64, f64, f64),
    ) -> Model {
        if steps > 0.0 {
            for (w, sum) in weights.values_mut().zip(sums.values()) {
                *w = sum / steps;
            }
        }
        for w in weights.values_mut() {
            *w = (*w * 1e6).round() / 1e6;
        }
        weights.retain(|_, w| *w != 0.0);
        Model::new(weights, thresholds)
    }

    /// The model as a TSV file: `header` lines (each made a comment), the thresholds, then one
    /// `feature<TAB>weight` line per feature in name order.
    pub fn to_tsv(&self, header: &[String]) -> String {
        let mut out = String::new();
        for line in header {
            out.push_str(&format!("# {line}\n"));
        }
        out.push_str(&format!(
            "@keep\t{:.3}\n@add\t{:.3}\n@replace\t{:.3}\n",
            self.keep, self.add, self.replace
        ));
        if self.rank {
            out.push_str("@rank\t1.000\n");
        }
        for (name, w) in &self.weights {
            out.push_str(&format!("{name}\t{w:.6}\n"));
        }
        out
    }

    /// Reads [`Model::to_tsv`]'s format; `Err` names the line.
    pub fn from_tsv(text: &str) -> Result<Model, String> {
        let mut weights = BTreeMap::new();
        let (mut keep, mut add, mut replace, mut rank) = (0.0, 0.0, 0.0, false);
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (name, value) = line
                .split_once('\t')
                .ok_or_else(|| format!("line {}: no tab", n + 1))?;
            let value: f64 = value
                .trim()
                .parse()
                .map_err(|e| format!("line {}: {e}", n + 1))?;
            if !value.is_finite() {
                return Err(format!("line {}: weight is not finite", n + 1));
            }
            match name {
                "@keep" => keep = value,
                "@add" => add = value,
                "@replace" => replace = value,
                "@rank" => rank = value > 0.5,
                _ => {
                    weights.insert(name.to_owned(), value);
                }
            }
        }
        let model = Model::new(weights, (keep, add, replace)).ranked(rank);
        // two names with one id would score as one feature
        if model.ids.len() != model.weights.len() {
            return Err("two feature names share an id".to_owned());
        }
        Ok(model)
    }
}

/// The examples' indices by group, the groups in order of their first example.
fn ranked_groups(examples: &[Example]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = Vec::new();
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (k, e) in examples.iter().enumerate() {
        let list = members.entry(e.group).or_default();
        if list.is_empty() {
            order.push(e.group);
        }
        list.push(k);
    }
    order
        .into_iter()
        .filter_map(|g| members.remove(&g))
        .collect()
}

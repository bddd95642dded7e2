//! The agreement statistics, independent of annotations: match counts with F1 (positive
//! specific agreement) and precision/recall, Cohen's κ from a label confusion matrix, and
//! Krippendorff's α (nominal) from a coincidence matrix. Each accumulator adds up, so figures
//! per article pool into figures overall. Definitions with worked examples: docs/agreement.md.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

/// Units found by A and by B, and how many of them were paired one-to-one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub matched: usize,
    /// Units of A (the system, when scoring against gold).
    pub a: usize,
    /// Units of B (the gold standard, when scoring against gold).
    pub b: usize,
}

impl Counts {
    /// Positive specific agreement: 2·matched / (a + b). Symmetric; equal to the F1 of A
    /// scored against B. `None` when neither side has a unit (nothing to agree on).
    pub fn f1(&self) -> Option<f64> {
        let total = self.a + self.b;
        (total > 0).then(|| 2.0 * self.matched as f64 / total as f64)
    }

    /// Share of A's units matched in B: precision when A is the system and B the gold.
    pub fn precision(&self) -> Option<f64> {
        (self.a > 0).then(|| self.matched as f64 / self.a as f64)
    }

    /// Share of B's units matched in A: recall when A is the system and B the gold.
    pub fn recall(&self) -> Option<f64> {
        (self.b > 0).then(|| self.matched as f64 / self.b as f64)
    }

    pub fn add(&mut self, other: Counts) {
        self.matched += other.matched;
        self.a += other.a;
        self.b += other.b;
    }
}

/// How often A gave label `row` where B gave label `column`, over paired units.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Confusion {
    cells: BTreeMap<(String, String), usize>,
}

impl Confusion {
    pub fn record(&mut self, a: &str, b: &str) {
        self.record_n(a, b, 1);
    }

    pub fn record_n(&mut self, a: &str, b: &str, n: usize) {
        if n == 0 {
            return;
        }
        match self.cells.get_mut(&(a.to_owned(), b.to_owned())) {
            Some(c) => *c += n,
            None => {
                self.cells.insert((a.to_owned(), b.to_owned()), n);
            }
        }
    }

    pub fn add(&mut self, other: &Confusion) {
        for ((a, b), n) in &other.cells {
            self.record_n(a, b, *n);
        }
    }

    /// Number of paired units.
    pub fn total(&self) -> usize {
        self.cells.values().sum()
    }

    /// Every label either side used, sorted.
    pub fn labels(&self) -> Vec<String> {
        let set: BTreeSet<&String> = self.cells.keys().flat_map(|(a, b)| [a, b]).collect();
        set.into_iter().cloned().collect()
    }

    /// The square matrix over [`Confusion::labels`]: rows A, columns B.
    pub fn matrix(&self) -> (Vec<String>, Vec<Vec<usize>>) {
        let labels = self.labels();
        let index = |l: &str| labels.iter().position(|x| x == l).unwrap_or(0);
        let mut m = vec![vec![0; labels.len()]; labels.len()];
        for ((a, b), n) in &self.cells {
            m[index(a)][index(b)] += n;
        }
        (labels, m)
    }

    /// Cohen's κ = (p_o − p_e) / (1 − p_e), with p_o the share of pairs with the same label
    /// and p_e the agreement expected from each side's own label frequencies. `None` when
    /// there is no pair, or when both sides used one and the same label throughout (p_e = 1:
    /// κ is undefined; scikit-learn returns NaN there).
    pub fn kappa(&self) -> Option<f64> {
        let n = self.total();
        if n == 0 {
            return None;
        }
        let n = n as f64;
        let mut row: BTreeMap<&str, f64> = BTreeMap::new();
        let mut col: BTreeMap<&str, f64> = BTreeMap::new();
        let mut same = 0.0;
        for ((a, b), c) in &self.cells {
            let c = *c as f64;
            *row.entry(a).or_default() += c;
            *col.entry(b).or_default() += c;
            if a == b {
                same += c;
            }
        }
        let p_o = same / n;
        let p_e: f64 = row
            .iter()
            .map(|(l, r)| r / n * col.get(l).copied().unwrap_or(0.0) / n)
            .sum();
        if (1.0 - p_e).abs() < 1e-12 {
            return None;
        }
        Some((p_o - p_e) / (1.0 - p_e))
    }
}

/// Krippendorff's coincidence matrix for nominal data: for every unit with m ≥ 2 values,
/// each ordered pair of values from different annotators adds weight / (m − 1).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Coincidence {
    cells: BTreeMap<(u32, u32), f64>,
}

impl Coincidence {
    /// Adds `weight` identical units (e.g. a run of characters) whose values are `values`, one
    /// per annotator, `None` where that annotator gave none (missing data). A unit with fewer
    /// than two values is not pairable and adds nothing.
    pub fn add_unit(&mut self, values: &[Option<u32>], weight: f64) {
        let present: Vec<u32> = values.iter().flatten().copied().collect();
        let m = present.len();
        if m < 2 || weight <= 0.0 {
            return;
        }
        let share = weight / (m - 1) as f64;
        for (i, x) in present.iter().enumerate() {
            for (j, y) in present.iter().enumerate() {
                if i != j {
                    *self.cells.entry((*x, *y)).or_default() += share;
                }
            }
        }
    }

    pub fn add(&mut self, other: &Coincidence) {
        for (k, v) in &other.cells {
            *self.cells.entry(*k).or_default() += v;
        }
    }

    /// The same matrix with every value renamed by `map` (to pool matrices whose values were
    /// numbered separately).
    pub fn renamed(&self, map: impl Fn(u32) -> u32) -> Coincidence {
        let mut out = Coincidence::default();
        for ((x, y), v) in &self.cells {
            *out.cells.entry((map(*x), map(*y))).or_default() += v;
        }
        out
    }

    /// n: the number of pairable values.
    pub fn pairable(&self) -> f64 {
        self.cells.values().sum()
    }

    /// α = 1 − D_o / D_e = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c · n_k. `None` when no unit is
    /// pairable or every pairable value is the same (D_e = 0: α is undefined).
    pub fn alpha(&self) -> Option<f64> {
        let n = self.pairable();
        if n <= 1.0 {
            return None;
        }
        let mut totals: BTreeMap<u32, f64> = BTreeMap::new();
        let mut observed = 0.0;
        for ((x, y), v) in &self.cells {
            *totals.entry(*x).or_default() += v;
            if x != y {
                observed += v;
            }
        }
        let sum: f64 = totals.values().sum();
        let squares: f64 = totals.values().map(|t| t * t).sum();
        let expected = sum * sum - squares;
        if expected <= 1e-12 {
            return None;
        }
        Some(1.0 - (n - 1.0) * observed / expected)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn f1_precision_recall() {
        let c = Counts {
            matched: 3,
            a: 4,
            b: 6,
        };
        assert!(close(c.f1(), 0.6));
        assert!(close(c.precision(), 0.75));
        assert!(close(c.recall(), 0.5));
        assert_eq!(Counts::default().f1(), None);
    }

    #[test]
    fn kappa_textbook() {
        // Cohen (1960)-style table: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no.
        let mut c = Confusion::default();
        c.record_n("yes", "yes", 20);
        c.record_n("yes", "no", 5);
        c.record_n("no", "yes", 10);
        c.record_n("no", "no", 15);
        // p_o = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4
        assert!(close(c.kappa(), 0.4));
        let (labels, m) = c.matrix();
        assert_eq!(labels, ["no", "yes"]);
        assert_eq!(m, vec![vec![15, 10], vec![5, 20]]);
        let mut one = Confusion::default();
        one.record_n("X", "X", 4);
        assert_eq!(one.kappa(), None, "one label throughout: undefined");
    }

    #[test]
    fn alpha_of_krippendorffs_example_with_missing_data() {
        // Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C:
        // 4 observers, 12 units, nominal α = 0.743.
        let rows: [[u32; 12]; 4] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3],
            [0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0],
        ];
        let mut c = Coincidence::default();
        for u in 0..12 {
            let values: Vec<Option<u32>> =
                rows.iter().map(|r| (r[u] != 0).then_some(r[u])).collect();
            c.add_unit(&values, 1.0);
        }
        assert!(close(Some(c.pairable()), 40.0));
        let alpha = c.alpha().unwrap_or(f64::NAN);
        assert!((alpha - 0.743).abs() < 0.0005, "{alpha}");
    }

    #[test]
    fn alpha_undefined_without_variation() {
        let mut c = Coincidence::default();
        c.add_unit(&[Some(1), Some(1)], 5.0);
        assert_eq!(c.alpha(), None);
        c.add_unit(&[Some(1), None], 5.0);
        assert!(close(Some(c.pairable()), 10.0));
    }
}

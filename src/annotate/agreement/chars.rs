//! Krippendorff's α over character-level labels: every code point of the article is a unit,
//! and each annotator's value for it is what their units of the layer say about it (a label,
//! or for links the source and quote type), `none` where no unit covers it. Runs of characters
//! with the same values are counted once with their length as weight.

use std::collections::HashMap;

use super::stats::Coincidence;
use super::{Anchor, Unit};

/// The value `none` (no unit of the layer covers the character).
pub const NONE: u32 = 0;

/// The values seen in one article and their names, numbered from 1 (0 is `none`).
#[derive(Default)]
pub struct Values {
    names: Vec<String>,
    by_name: HashMap<String, u32>,
}

impl Values {
    fn id(&mut self, name: String) -> u32 {
        if let Some(&id) = self.by_name.get(&name) {
            return id;
        }
        self.names.push(name.clone());
        let id = self.names.len() as u32;
        self.by_name.insert(name, id);
        id
    }

    /// Every value's name, indexed by value (`none` first).
    pub fn names(&self) -> Vec<String> {
        std::iter::once("none".to_owned())
            .chain(self.names.iter().cloned())
            .collect()
    }

    /// The name of a value (`none` for [`NONE`]).
    pub fn name(&self, id: u32) -> &str {
        match id {
            NONE => "none",
            _ => self
                .names
                .get(id as usize - 1)
                .map_or("none", String::as_str),
        }
    }
}

/// What a unit says about the characters it covers: everything but its first anchor.
fn value_name(unit: &Unit<'_>) -> String {
    let mut name = String::new();
    for anchor in unit.anchors.iter().skip(1) {
        name.push_str(&super::anchor_text(anchor));
        name.push(' ');
    }
    name.push_str(&unit.label);
    name
}

/// One annotator's value of every segment `cuts[i]..cuts[i + 1]`, from their painted `spans`
/// (start, end, value; sorted). Where spans of different values overlap, the segment's value is
/// their combination (`PER + ORG`), named once in `combos`.
fn segment_values(
    spans: &[(u32, u32, u32)],
    cuts: &[u32],
    values: &mut Values,
    combos: &mut HashMap<Vec<u32>, u32>,
) -> Vec<u32> {
    let mut out = Vec::with_capacity(cuts.len().saturating_sub(1));
    let mut active: Vec<(u32, u32)> = Vec::new(); // (end, value)
    let mut next = 0;
    for w in cuts.windows(2) {
        let at = w[0];
        active.retain(|(end, _)| *end > at);
        while next < spans.len() && spans[next].0 <= at {
            if spans[next].1 > at {
                active.push((spans[next].1, spans[next].2));
            }
            next += 1;
        }
        out.push(match active.as_slice() {
            [] => NONE,
            [(_, v)] => *v,
            many => {
                let mut key: Vec<u32> = many.iter().map(|(_, v)| *v).collect();
                key.sort_unstable();
                key.dedup();
                if let [one] = key.as_slice() {
                    *one
                } else if let Some(&id) = combos.get(&key) {
                    id
                } else {
                    let name = (key.iter())
                        .map(|v| values.name(*v).to_owned())
                        .collect::<Vec<_>>()
                        .join(" + ");
                    let id = values.id(name);
                    combos.insert(key, id);
                    id
                }
            }
        });
    }
    out
}

/// The coincidence matrix of one article for one layer. `annotators[k]` is annotator k's
/// units, `None` when they have no file for this article (their values are missing).
/// `len` is the article's length in code points.
pub fn coincidences(annotators: &[Option<&[Unit<'_>]>], len: u32) -> (Coincidence, Values) {
    let mut values = Values::default();
    let mut combos: HashMap<Vec<u32>, u32> = HashMap::new();
    // each annotator's painted spans with their value
    let painted: Vec<Option<Vec<(u32, u32, u32)>>> = annotators
        .iter()
        .map(|units| {
            units.map(|units| {
                let mut spans: Vec<(u32, u32, u32)> = units
                    .iter()
                    .filter_map(|u| match u.anchors.first() {
                        Some(Anchor::Span((s, e))) if s < e && *e <= len => {
                            Some((*s, *e, values.id(value_name(u))))
                        }
                        _ => None,
                    })
                    .collect();
                spans.sort_unstable();
                spans
            })
        })
        .collect();
    let mut cuts: Vec<u32> = vec![0, len];
    for spans in painted.iter().flatten() {
        for (s, e, _) in spans {
            cuts.push(*s);
            cuts.push(*e);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    // per annotator, the value of every segment cuts[i]..cuts[i + 1]
    let per_annotator: Vec<Option<Vec<u32>>> = painted
        .iter()
        .map(|spans| {
            let spans = spans.as_ref()?;
            Some(segment_values(spans, &cuts, &mut values, &mut combos))
        })
        .collect();
    let mut matrix = Coincidence::default();
    let mut unit: Vec<Option<u32>> = vec![None; annotators.len()];
    for (i, w) in cuts.windows(2).enumerate() {
        for (k, segs) in per_annotator.iter().enumerate() {
            unit[k] = segs.as_ref().map(|s| s[i]);
        }
        matrix.add_unit(&unit, f64::from(w[1] - w[0]));
    }
    (matrix, values)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(start: u32, end: u32, label: &'static str) -> Unit<'static> {
        Unit::span(start, end, label)
    }

    #[test]
    fn characters_are_units_and_runs_weigh_their_length() {
        // 10 characters; A: PER on 0..4; B: PER on 0..3, ORG on 3..4.
        let a = [unit(0, 4, "PER")];
        let b = [unit(0, 3, "PER"), unit(3, 4, "ORG")];
        let (m, values) = coincidences(&[Some(&a), Some(&b)], 10);
        assert_eq!(m.pairable(), 20.0);
        // o(PER,PER)=6, o(none,none)=12, o(PER,ORG)=o(ORG,PER)=1
        // n_PER=7, n_none=12, n_ORG=1; α = 1 − 19·2 / (20² − 49 − 144 − 1) = 1 − 38/206
        let alpha = m.alpha().unwrap_or(f64::NAN);
        assert!((alpha - (1.0 - 38.0 / 206.0)).abs() < 1e-12, "{alpha}");
        assert_eq!(values.name(NONE), "none");
    }

    #[test]
    fn nested_units_make_a_combined_value_and_missing_annotators_add_nothing() {
        let a = [unit(0, 4, "ORG"), unit(2, 4, "GPE")];
        let b = [unit(0, 4, "ORG"), unit(2, 4, "GPE")];
        let (m, _) = coincidences(&[Some(&a), Some(&b), None], 4);
        assert_eq!(m.pairable(), 8.0);
        assert_eq!(m.alpha(), Some(1.0));
    }
}

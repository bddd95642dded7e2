//! Decoding: from the scored candidates back to cue suggestions. A rules' attribution the model
//! scores below the keep threshold is dropped (with the source and claim only it used); for
//! every cue the rules left, the best (source, claim) at or above the add threshold is added,
//! unless its claim overlaps one already attributed (one source per claim; the rules' own
//! coordinated sources stay as they are).

use super::candidates::{Candidate, overlaps};
use super::model::Model;
use crate::extract::cues::{
    AttributionSuggestion, ClaimSuggestion, CueSuggestions, SourceSuggestion, Template,
};

/// The rules' suggestions with the model's decisions applied; `scores[k]` is the score of
/// `candidates[k]`.
pub(crate) fn decode(
    rules: &CueSuggestions,
    candidates: &[Candidate],
    scores: &[f64],
    model: &Model,
) -> CueSuggestions {
    let mut dropped = vec![false; rules.attributions.len()];
    // the rules' own triples come first (`candidates::candidates`): only they are rivals
    let ruled = candidates.iter().take_while(|c| c.rule.is_some()).count();
    let (candidates_ruled, scores_ruled) = (&candidates[..ruled], &scores[..ruled]);
    for (c, &score) in candidates_ruled.iter().zip(scores_ruled) {
        if let Some(i) = c.rule
            && score < model.keep
        {
            dropped[i] = true;
        }
    }
    let mut additions: Vec<&Candidate> = Vec::new();
    for (best, score) in best_per_group(candidates, scores) {
        if best.rule.is_some() {
            continue;
        }
        // a cue the rules left needs `add`; another reading of theirs needs only to beat it
        if best.cue.template.is_none() && score < model.add {
            continue;
        }
        if best.cue.template.is_some() {
            let Some(replaced) = replaced_by(
                candidates_ruled,
                scores_ruled,
                (best, score),
                model,
                &dropped,
            ) else {
                continue;
            };
            for i in replaced {
                dropped[i] = true;
            }
        }
        additions.push(best);
    }
    let mut out = without(rules, &dropped);
    let mut attributed = vec![false; out.claims.len()];
    for a in &out.attributions {
        attributed[a.claim] = true;
    }
    for best in additions {
        if out.claims.iter().enumerate().any(|(k, claim)| {
            attributed.get(k).copied().unwrap_or(false) && overlaps(&claim.span, &best.claim)
        }) {
            continue;
        }
        push(&mut out, best);
        attributed.resize(out.claims.len(), false);
        if let Some(a) = out.attributions.last() {
            attributed[a.claim] = true;
        }
    }
    out
}

/// The rules' links `best`, another reading of a cue the rules used, replaces (scored
/// `score`), or `None` when it must not be added; `candidates` are the rules' own triples.
fn replaced_by(
    candidates: &[Candidate],
    scores: &[f64],
    (best, score): (&Candidate, f64),
    model: &Model,
    dropped: &[bool],
) -> Option<Vec<usize>> {
    // only a speaker the rules took from the context (a subjectless verb, a participle) is
    // replaced: a subject, a relay or a frame they read in the sentence itself stands
    if !matches!(
        best.cue.template,
        Some(Template::ProDrop | Template::Participle)
    ) {
        return None;
    }
    // it must beat the rules' own reading, and replaces it when they give the same claim
    let rivals: Vec<(usize, f64)> = candidates
        .iter()
        .zip(scores)
        .filter_map(|(c, &s)| {
            c.rule
                .filter(|_| overlaps(&c.cue.range, &best.cue.range))
                .map(|i| (i, s))
        })
        .collect();
    // with no scored reading of the rules (a passive cue), it is a new link: `add`; and a
    // replacement is still more likely right than wrong
    if (rivals.is_empty() && score < model.add)
        || score < 0.5
        || rivals.iter().any(|&(_, s)| s + model.replace >= score)
    {
        return None;
    }
    let replaced: Vec<usize> = rivals
        .iter()
        .map(|&(i, _)| i)
        .filter(|&i| {
            candidates
                .iter()
                .any(|c| c.rule == Some(i) && overlaps(&c.claim, &best.claim))
        })
        .collect();
    // the new reading's claim must be free once the replaced links are gone, or the rules'
    // link would be lost for nothing
    let claim_taken = candidates.iter().any(|c| {
        c.rule
            .is_some_and(|i| !replaced.contains(&i) && !dropped[i])
            && overlaps(&c.claim, &best.claim)
    });
    (!claim_taken).then_some(replaced)
}

/// The best-scored candidate of each group, in group order (ties: the first generated).
fn best_per_group<'a>(candidates: &'a [Candidate], scores: &[f64]) -> Vec<(&'a Candidate, f64)> {
    let mut best: Vec<(&Candidate, f64)> = Vec::new();
    for (c, &score) in candidates.iter().zip(scores) {
        match best.last_mut() {
            Some((b, s)) if b.group == c.group => {
                if score > *s {
                    *b = c;
                    *s = score;
                }
            }
            _ => best.push((c, score)),
        }
    }
    best
}

/// `rules` without the dropped attributions, and without the sources and claims that only
/// they used.
fn without(rules: &CueSuggestions, dropped: &[bool]) -> CueSuggestions {
    if !dropped.contains(&true) {
        return rules.clone();
    }
    let kept = |i: usize| !dropped[i];
    let used_by_kept = |source: Option<usize>, claim: Option<usize>| {
        rules.attributions.iter().enumerate().any(|(i, a)| {
            kept(i) && (source.is_some_and(|s| a.source == Some(s)) || claim == Some(a.claim))
        })
    };
    let used_by_dropped = |source: Option<usize>, claim: Option<usize>| {
        rules.attributions.iter().enumerate().any(|(i, a)| {
            !kept(i) && (source.is_some_and(|s| a.source == Some(s)) || claim == Some(a.claim))
        })
    };
    let keep_source: Vec<bool> = (0..rules.sources.len())
        .map(|s| used_by_kept(Some(s), None) || !used_by_dropped(Some(s), None))
        .collect();
    let keep_claim: Vec<bool> = (0..rules.claims.len())
        .map(|c| used_by_kept(None, Some(c)) || !used_by_dropped(None, Some(c)))
        .collect();
    let source_index = renumber(&keep_source);
    let claim_index = renumber(&keep_claim);
    let attribution_index = renumber(&dropped.iter().map(|d| !d).collect::<Vec<_>>());
    let mut out = CueSuggestions {
        sources: filtered(&rules.sources, &keep_source),
        claims: filtered(&rules.claims, &keep_claim),
        attributions: Vec::new(),
    };
    for (i, a) in rules.attributions.iter().enumerate() {
        let Some(claim) = claim_index[a.claim].filter(|_| kept(i)) else {
            continue;
        };
        let mut a = a.clone();
        a.claim = claim;
        a.source = a.source.and_then(|s| source_index[s]);
        a.nested_in = a.nested_in.and_then(|n| attribution_index[n]);
        out.attributions.push(a);
    }
    out
}

fn renumber(keep: &[bool]) -> Vec<Option<usize>> {
    let mut next = 0;
    keep.iter()
        .map(|&k| {
            k.then(|| {
                next += 1;
                next - 1
            })
        })
        .collect()
}

fn filtered<T: Clone>(items: &[T], keep: &[bool]) -> Vec<T> {
    items
        .iter()
        .zip(keep)
        .filter(|(_, k)| **k)
        .map(|(x, _)| x.clone())
        .collect()
}

/// Adds `c` as a new attribution, reusing a source or claim of the same span.
fn push(out: &mut CueSuggestions, c: &Candidate) {
    let source = out
        .sources
        .iter()
        .position(|s| s.span == c.source)
        .unwrap_or_else(|| {
            out.sources.push(SourceSuggestion {
                span: c.source.clone(),
                name: c.source.clone(),
                source_type: c.source_type,
            });
            out.sources.len() - 1
        });
    let claim = out
        .claims
        .iter()
        .position(|x| x.span == c.claim)
        .unwrap_or_else(|| {
            out.claims.push(ClaimSuggestion {
                span: c.claim.clone(),
                quote_type: c.quote_type,
            });
            out.claims.len() - 1
        });
    out.attributions.push(AttributionSuggestion {
        claim,
        source: Some(source),
        cue: c.cue.range.clone(),
        lemma: c.cue.lemma,
        cue_type: c.cue.cue_type,
        quote_type: c.quote_type,
        stance: c.cue.stance,
        distancing: false,
        template: Template::Learned,
        nested_in: None,
    });
}

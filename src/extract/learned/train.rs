//! Training and measuring the learned stage on gold folders (`isnad learn`): reading the
//! articles, labelling each candidate by the gold (a candidate is right when a gold
//! attribution's claim and source both overlap its own, the overlap score of `isnad eval`),
//! the candidates' recall, training, and scoring a model against the rules alone on a held-out
//! folder.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::candidates::{Candidate, overlaps};
use super::model::{Example, Model};
use super::{decide, decode, generate};
use crate::annotate::agreement::Counts;
use crate::annotate::file;
use crate::annotate::model::AnnotationSet;
use crate::article::Article;
use crate::extract::cues::{self, CueSuggestions};
use crate::extract::eval::gold::{self, Half, Row};
use crate::extract::isnad::suggest_annotations_with;

/// A gold attribution as byte ranges: claim, source, cue.
type Link = (Range<usize>, Range<usize>, Option<Range<usize>>);

/// One gold article with what the extractor makes of it before the model decides.
pub struct GoldDoc {
    pub name: String,
    article: Arc<Article>,
    gold: AnnotationSet,
    entities: Vec<crate::extract::Suggestion>,
    rules: CueSuggestions,
    candidates: Vec<Candidate>,
    /// Gold attributions as (claim, source, cue) byte ranges.
    links: Vec<Link>,
}

/// Reads every gold article of `dir` (only `half` of its `split.toml` when the folder has one
/// and `half` is given) and generates its candidates.
pub fn load(dir: &Path, half: Option<Half>) -> Result<Vec<GoldDoc>, String> {
    let only = match half {
        Some(h) if dir.join("split.toml").is_file() => Some(gold::split_stems(dir, h)?),
        _ => None,
    };
    let files: Vec<(PathBuf, PathBuf)> = gold::gold_articles(dir, only.as_deref())?;
    files
        .par_iter()
        .map(|(text, gold_path)| {
            let article = Arc::new(Article::load(text).map_err(|e| e.to_string())?);
            let gold = file::read(gold_path, Some(Arc::clone(&article)))?.set;
            let entities = crate::extract::extract_article(&article);
            let (rules, candidates) = generate(&article, &entities, true);
            let links = gold_links(&gold);
            Ok(GoldDoc {
                name: text.display().to_string(),
                article,
                gold,
                entities,
                rules,
                candidates,
                links,
            })
        })
        .collect()
}

#[cfg(test)]
impl GoldDoc {
    /// The article's candidates, with their features' names and ids.
    pub(super) fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }
}

fn gold_links(gold: &AnnotationSet) -> Vec<Link> {
    gold.attributions
        .iter()
        .filter_map(|a| {
            let claim = gold.claims.iter().find(|c| c.id == a.claim_id)?;
            let source = gold.sources.iter().find(|s| s.id == a.source_id)?;
            Some((
                claim.span.range(),
                source.span?.range(),
                a.cue.map(|c| c.range()),
            ))
        })
        .collect()
}

fn is_right(doc: &GoldDoc, c: &Candidate) -> bool {
    doc.links
        .iter()
        .any(|(claim, source, _)| overlaps(claim, &c.claim) && overlaps(source, &c.source))
}

/// The training examples of `docs`, in article order then candidate order.
pub fn examples(docs: &[GoldDoc]) -> Vec<Example> {
    let mut out = Vec::new();
    let mut offset = 0;
    for doc in docs {
        let mut groups = 0;
        for c in &doc.candidates {
            groups = groups.max(c.rank_group + 1);
            out.push(Example {
                features: c.features.clone(),
                positive: is_right(doc, c),
                group: offset + c.rank_group,
            });
        }
        offset += groups;
    }
    out
}

/// How many gold attributions a candidate (or the rules) reaches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Recall {
    pub gold: usize,
    /// With a candidate whose claim and source overlap the gold ones.
    pub candidates: usize,
    /// With a candidate whose cue overlaps the gold cue too (gold links without a cue count
    /// when claim and source do).
    pub candidates_with_cue: usize,
    /// With a rules' attribution whose claim and source overlap.
    pub rules: usize,
    /// Reached by a candidate but not by the rules, where the rules attribute an overlapping
    /// claim to another source (a reading that replaces the rules', not one beside it).
    pub replacing: usize,
}

/// The candidates' recall over `docs`: the ceiling of the learned stage.
pub fn recall(docs: &[GoldDoc]) -> Recall {
    let mut r = Recall::default();
    for doc in docs {
        for (claim, source, cue) in &doc.links {
            let hit = |c: &&Candidate| overlaps(claim, &c.claim) && overlaps(source, &c.source);
            r.gold += 1;
            let hits: Vec<&Candidate> = doc.candidates.iter().filter(hit).collect();
            r.candidates += usize::from(!hits.is_empty());
            r.candidates_with_cue += usize::from(
                hits.iter()
                    .any(|c| cue.as_ref().is_none_or(|cue| overlaps(cue, &c.cue.range))),
            );
            let by_rules = hits.iter().any(|c| c.rule.is_some());
            r.rules += usize::from(by_rules);
            r.replacing += usize::from(
                !by_rules
                    && !hits.is_empty()
                    && doc
                        .candidates
                        .iter()
                        .any(|c| c.rule.is_some() && overlaps(claim, &c.claim)),
            );
        }
    }
    r
}

/// The gold attributions no candidate reaches, as `article: «source» ← cue → «claim»` lines
/// (for reading on the folders one may read errors of: never a check set).
pub fn misses(docs: &[GoldDoc]) -> Vec<String> {
    let mut out = Vec::new();
    for doc in docs {
        let text = |r: &Range<usize>| doc.article.text.get(r.clone()).unwrap_or("").to_owned();
        for (claim, source, cue) in &doc.links {
            let reached = doc
                .candidates
                .iter()
                .any(|c| overlaps(claim, &c.claim) && overlaps(source, &c.source));
            if !reached {
                let claim_seen = doc.candidates.iter().any(|c| overlaps(claim, &c.claim));
                let source_seen = doc.candidates.iter().any(|c| overlaps(source, &c.source));
                let seen = match (claim_seen, source_seen) {
                    (true, true) => "claim and source apart",
                    (true, false) => "claim only",
                    (false, true) => "source only",
                    (false, false) => "neither",
                };
                out.push(format!(
                    "{} ({seen}): «{}» ← {} → «{}»",
                    doc.name,
                    text(source),
                    cue.as_ref().map_or_else(|| "-".to_owned(), text),
                    text(claim)
                ));
            }
        }
    }
    out
}

/// What the model adds or replaces on `docs`, one line each with its score and whether the
/// gold holds it (for reading on the folders one may read errors of: never a check set).
pub fn decisions(docs: &[GoldDoc], model: &Model) -> Vec<String> {
    let mut out = Vec::new();
    for doc in docs {
        let text = |r: &Range<usize>| doc.article.text.get(r.clone()).unwrap_or("").to_owned();
        let scores = model.scores(&doc.candidates);
        let decoded = decode::decode(&doc.rules, &doc.candidates, &scores, model);
        for a in decoded
            .attributions
            .iter()
            .filter(|a| a.template == cues::Template::Learned)
        {
            let (Some(source), Some(claim)) = (
                a.source.and_then(|s| decoded.sources.get(s)),
                decoded.claims.get(a.claim),
            ) else {
                continue;
            };
            let score = doc
                .candidates
                .iter()
                .zip(&scores)
                .find(|(c, _)| {
                    c.cue.range == a.cue && c.source == source.span && c.claim == claim.span
                })
                .map_or(0.0, |(_, s)| *s);
            let matches =
                |gc: &Range<usize>, gs: &Range<usize>, c: &Range<usize>, s: &Range<usize>| {
                    overlaps(gc, c) && overlaps(gs, s)
                };
            let gold: Vec<&Link> = doc
                .links
                .iter()
                .filter(|(gc, gs, _)| matches(gc, gs, &claim.span, &source.span))
                .collect();
            // a gold link the rules' own attributions reach already: no recall gained
            let already = gold.iter().all(|(gc, gs, _)| {
                decoded.attributions.iter().any(|b| {
                    b.template != cues::Template::Learned
                        && matches(
                            gc,
                            gs,
                            &decoded.claims[b.claim].span,
                            &b.source.map_or(0..0, |s| decoded.sources[s].span.clone()),
                        )
                })
            });
            let verdict = match (gold.is_empty(), already) {
                (true, _) => "WRONG",
                (false, true) => "AGAIN",
                (false, false) => "RIGHT",
            };
            out.push(format!(
                "{verdict} {:.2} {}: «{}» ← {} → «{}»",
                score,
                doc.name,
                text(&source.span),
                text(&a.cue),
                text(&claim.span)
            ));
        }
    }
    out
}

/// Trains a model on `docs` with the given thresholds (keep, add, replace): a ranking one
/// with `rank`, else a logistic one.
pub fn train(docs: &[GoldDoc], thresholds: (f64, f64, f64), rank: bool) -> Model {
    if rank {
        Model::train_ranked(&examples(docs), thresholds)
    } else {
        Model::train(&examples(docs), thresholds)
    }
}

/// The overlap counts of the sources, claims and attributions rows over `docs`: the rules alone (`model` `None`)
/// or with the model's decisions, through the same conversion and isnad rules as `isnad
/// extract`.
pub fn score(docs: &[GoldDoc], model: Option<&Model>) -> BTreeMap<Row, Counts> {
    let reports: Vec<gold::GoldReport> = docs
        .par_iter()
        .map(|doc| {
            let suggestions = match model {
                Some(m) => decide(&doc.rules, &doc.candidates, m),
                None => doc.rules.clone(),
            };
            let set = suggest_annotations_with(&doc.article, &doc.entities, &suggestions);
            gold::evaluate_article(&doc.article, &doc.name, &set, &doc.gold)
        })
        .collect();
    sum_rows(reports)
}

/// The articles whose attribution counts differ between the rules alone and with `model`:
/// `name: matched/found rules → matched/found model`.
pub fn changed_articles(docs: &[GoldDoc], model: &Model) -> Vec<String> {
    docs.iter()
        .filter_map(|doc| {
            let one = std::slice::from_ref(doc);
            let rules = score(one, None)
                .get(&Row::Attributions)
                .copied()
                .unwrap_or_default();
            let learned = score(one, Some(model))
                .get(&Row::Attributions)
                .copied()
                .unwrap_or_default();
            (rules != learned).then(|| {
                format!(
                    "{}: {}/{} → {}/{} of {}",
                    doc.name, rules.matched, rules.a, learned.matched, learned.a, rules.b
                )
            })
        })
        .collect()
}

fn sum_rows(reports: Vec<gold::GoldReport>) -> BTreeMap<Row, Counts> {
    let mut rows: BTreeMap<Row, Counts> = BTreeMap::new();
    for report in reports {
        for (row, counts) in report.rows {
            if matches!(row, Row::Sources | Row::Claims | Row::Attributions) {
                let sum = rows.entry(row).or_default();
                sum.matched += counts.overlap.matched;
                sum.a += counts.overlap.a;
                sum.b += counts.overlap.b;
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `isnad learn`'s figures are what extraction with the model would give: a ranking model
    /// is scored by its softmax share in both, not by a logistic score in one.
    #[test]
    fn training_scores_a_ranking_model_as_extraction_decides() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/attribution");
        let docs = load(&dir, Some(Half::Dev)).unwrap_or_else(|e| panic!("{e}"));
        let model = train(&docs, (0.0, 0.5, 0.2), true);
        let extracted = sum_rows(
            docs.iter()
                .map(|doc| {
                    let decided = super::super::suggest_with(&doc.article, &doc.entities, &model);
                    let set = suggest_annotations_with(&doc.article, &doc.entities, &decided);
                    gold::evaluate_article(&doc.article, &doc.name, &set, &doc.gold)
                })
                .collect(),
        );
        assert_ne!(extracted, score(&docs, None), "the model decided nothing");
        assert_eq!(score(&docs, Some(&model)), extracted);
    }
}

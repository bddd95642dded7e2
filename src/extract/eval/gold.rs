//! Scoring the built-in extractor against a folder of gold annotation files (the attribution
//! corpus, `tests/data/attribution/`): per layer — entities (all and by label), sources, claims,
//! attributions, chains, stance, coreference (`same_as`) — precision, recall and F1, exact and overlap. Units are paired
//! with the annotator-agreement matching (`annotate::agreement`), so the extractor is compared
//! with the gold exactly as one annotator is compared with another. The misses, false alarms,
//! boundary and label errors are listed with their place, for `isnad eval --errors`.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::annotate::agreement::{Anchor, Counts, Layer, Unit, pair_units, score_pair};
use crate::annotate::file;
use crate::annotate::model::{AnnotationSet, Span, Stance};
use crate::article::Article;

/// A fixed half of the corpus, as `split.toml` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Half {
    Dev,
    Test,
}

impl Half {
    pub fn name(self) -> &'static str {
        match self {
            Half::Dev => "dev",
            Half::Test => "test",
        }
    }
}

#[derive(Deserialize)]
struct SplitFile {
    dev: Part,
    test: Part,
}

#[derive(Deserialize)]
struct Part {
    articles: Vec<String>,
}

/// The article stems of one half, from `DIR/split.toml`.
pub fn split_stems(dir: &Path, half: Half) -> Result<Vec<String>, String> {
    let path = dir.join("split.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "{}: {e} (--split needs the corpus's split.toml)",
            path.display()
        )
    })?;
    let split: SplitFile = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(match half {
        Half::Dev => split.dev.articles,
        Half::Test => split.test.articles,
    })
}

/// The articles of `dir` that have a gold file (`STEM.txt` beside `STEM.isnad.json`), sorted,
/// restricted to `only` when given. A stem in `only` without a gold file is skipped.
pub fn gold_articles(
    dir: &Path,
    only: Option<&[String]>,
) -> Result<Vec<(PathBuf, PathBuf)>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut out = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        let Some(stem) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".isnad.json"))
        else {
            continue;
        };
        if only.is_some_and(|only| !only.iter().any(|s| s == stem)) {
            continue;
        }
        let article = dir.join(format!("{stem}.txt"));
        if article.is_file() {
            out.push((article, path));
        }
    }
    out.sort();
    Ok(out)
}

/// What one row of the report scores.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Row {
    Entities,
    /// Entities of one label, both sides restricted to it.
    EntityLabel(String),
    Sources,
    Claims,
    /// Claim–source links (both must overlap).
    Attributions,
    /// Links that carry intermediaries: claim, source and every hand of `via`, in order.
    Chains,
    /// Links with a stance other than `asserts`; a match needs the same stance.
    Stance,
    /// Sources that refer back (`same_as`): the mention and the first mention it names.
    SameAs,
}

impl Row {
    pub fn name(&self) -> String {
        match self {
            Row::Entities => "entities".to_owned(),
            Row::EntityLabel(l) => format!("  {l}"),
            Row::Sources => "sources".to_owned(),
            Row::Claims => "claims".to_owned(),
            Row::Attributions => "attributions".to_owned(),
            Row::Chains => "chains".to_owned(),
            Row::Stance => "stance".to_owned(),
            Row::SameAs => "same_as".to_owned(),
        }
    }
}

/// Exact and overlap counts of one row; `a` is the extractor, `b` the gold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RowCounts {
    pub exact: Counts,
    pub overlap: Counts,
}

impl RowCounts {
    fn add(&mut self, other: RowCounts) {
        self.exact.add(other.exact);
        self.overlap.add(other.overlap);
    }
}

/// What went wrong with one unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// In the gold, not found by the extractor.
    Miss,
    /// Found by the extractor, not in the gold.
    FalseAlarm,
    /// Paired with overlap, but the spans differ.
    Boundary,
    /// Paired, but with another label (entity label, stance).
    Label,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Miss => "miss",
            ErrorKind::FalseAlarm => "false alarm",
            ErrorKind::Boundary => "boundary",
            ErrorKind::Label => "label",
        }
    }
}

/// One error, placed in the article (line and column count from 1, in characters).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EvalError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub layer: String,
    pub kind: ErrorKind,
    /// The unit's text: the span, or `claim ← source` for a link.
    pub text: String,
    /// The extractor's unit, for a boundary or label error.
    pub found: Option<String>,
    /// The labels (gold, then extractor's when they differ).
    pub label: String,
}

/// The scores of a set of articles.
#[derive(Clone, Debug, Default, Serialize)]
pub struct GoldReport {
    pub articles: Vec<String>,
    /// Code points of article text scored.
    pub chars: usize,
    pub rows: BTreeMap<Row, RowCounts>,
    pub errors: Vec<EvalError>,
}

/// Scores the extractor on every gold article of `dir` (one half of it with `half`).
pub fn evaluate_dir(dir: &Path, half: Option<Half>) -> Result<GoldReport, String> {
    let only = half.map(|h| split_stems(dir, h)).transpose()?;
    let files = gold_articles(dir, only.as_deref())?;
    if files.is_empty() {
        return Err(format!(
            "{}: no article with a gold file (STEM.txt beside STEM.isnad.json){}",
            dir.display(),
            half.map_or(String::new(), |h| format!(" in the {} half", h.name()))
        ));
    }
    let scored: Vec<GoldReport> = files
        .par_iter()
        .map(|(text, gold)| {
            let article = Arc::new(Article::load(text).map_err(|e| e.to_string())?);
            let gold_file = file::read(gold, Some(Arc::clone(&article)))?;
            let suggestions = super::super::extract_article(&article);
            let found = super::super::isnad::suggest_annotations(&article, &suggestions);
            Ok(evaluate_article(
                &article,
                &text.display().to_string(),
                &found,
                &gold_file.set,
            ))
        })
        .collect::<Result<_, String>>()?;
    let mut report = GoldReport::default();
    for one in scored {
        report.articles.extend(one.articles);
        report.chars += one.chars;
        for (row, counts) in one.rows {
            report.rows.entry(row).or_default().add(counts);
        }
        report.errors.extend(one.errors);
    }
    Ok(report)
}

/// Scores one article: `found` is the extractor's set, `gold` the gold set; `shown` names the
/// article in the errors.
pub fn evaluate_article(
    article: &Article,
    shown: &str,
    found: &AnnotationSet,
    gold: &AnnotationSet,
) -> GoldReport {
    let mut report = GoldReport {
        articles: vec![shown.to_owned()],
        chars: article.len_chars(),
        ..GoldReport::default()
    };
    let place = Placer::new(article, shown);
    score_layers(&mut report, &place, article, found, gold);
    let linked = [
        (Row::Chains, chain_units as UnitsOf),
        (Row::SameAs, same_as_units as UnitsOf),
    ];
    for (row, units) in linked {
        let (f, g) = (units(found, article), units(gold, article));
        let score = score_pair(&f, &g);
        report.errors.extend(errors(&place, &row, &f, &g, false));
        report.rows.insert(
            row,
            RowCounts {
                exact: score.exact,
                overlap: score.overlap,
            },
        );
    }
    score_stance(&mut report, &place, article, found, gold);
    report
}

/// Scores the four item layers of `found` against `gold` into `report`, entities also label
/// by label.
fn score_layers(
    report: &mut GoldReport,
    place: &Placer<'_>,
    article: &Article,
    found: &AnnotationSet,
    gold: &AnnotationSet,
) {
    for (row, layer) in [
        (Row::Entities, Layer::Entities),
        (Row::Sources, Layer::Sources),
        (Row::Claims, Layer::Claims),
        (Row::Attributions, Layer::Attributions),
    ] {
        let (f, g) = (layer.units(found, article), layer.units(gold, article));
        let score = score_pair(&f, &g);
        if row == Row::Entities {
            for (label, c) in &score.by_label {
                report.rows.insert(
                    Row::EntityLabel(label.clone()),
                    RowCounts {
                        exact: c.exact,
                        overlap: c.overlap,
                    },
                );
            }
        }
        let labels_count = row == Row::Entities;
        report
            .errors
            .extend(errors(place, &row, &f, &g, labels_count));
        report.rows.insert(
            row,
            RowCounts {
                exact: score.exact,
                overlap: score.overlap,
            },
        );
    }
}

/// Scores the stances of `found` against `gold` into `report`: a stance matches only with the
/// same stance.
fn score_stance(
    report: &mut GoldReport,
    place: &Placer<'_>,
    article: &Article,
    found: &AnnotationSet,
    gold: &AnnotationSet,
) {
    let (f, g) = (stance_units(found, article), stance_units(gold, article));
    let score = score_pair(&f, &g);
    // a stance matches only with the same stance: the per-stance counts, summed
    let mut same = RowCounts::default();
    for c in score.by_label.values() {
        same.add(RowCounts {
            exact: c.exact,
            overlap: c.overlap,
        });
    }
    report
        .errors
        .extend(errors(place, &Row::Stance, &f, &g, true));
    report.rows.insert(Row::Stance, same);
}

/// The units of a layer scored without labels (chains, same_as).
type UnitsOf = for<'a> fn(&'a AnnotationSet, &Article) -> Vec<Unit<'a>>;

/// The code-point anchor of a span.
fn anchor(article: &Article, s: Span) -> Anchor<'static> {
    Anchor::Span((
        article.byte_to_char(s.start) as u32,
        article.byte_to_char(s.end) as u32,
    ))
}

/// Every source's anchor (its span, or its name when it has none), by id.
fn source_anchors<'a>(set: &'a AnnotationSet, article: &Article) -> HashMap<&'a str, Anchor<'a>> {
    set.sources
        .iter()
        .map(|s| {
            let a = s
                .span
                .map_or(Anchor::Name(&s.name), |sp| anchor(article, sp));
            (s.id.as_str(), a)
        })
        .collect()
}

/// Sources with `same_as`: the mention, then the first mention of its referent (a `same_as`
/// that points at a mention which itself refers back is followed to its root, so either way of
/// writing the link scores the same).
fn same_as_units<'a>(set: &'a AnnotationSet, article: &Article) -> Vec<Unit<'a>> {
    let sources = source_anchors(set, article);
    let refers: HashMap<&str, &str> = set
        .sources
        .iter()
        .filter_map(|s| Some((s.id.as_str(), s.same_as.as_deref()?)))
        .collect();
    set.sources
        .iter()
        .filter_map(|s| {
            let mut root = s.same_as.as_deref()?;
            // bounded: a cycle in a hand-written file must not hang the scorer
            for _ in 0..refers.len() {
                match refers.get(root) {
                    Some(next) if *next != s.id => root = next,
                    _ => break,
                }
            }
            Some(Unit {
                id: &s.id,
                anchors: vec![*sources.get(s.id.as_str())?, *sources.get(root)?],
                label: "same_as".into(),
            })
        })
        .collect()
}

/// Links with intermediaries: claim, speaker, then each hand of `via` in order.
fn chain_units<'a>(set: &'a AnnotationSet, article: &Article) -> Vec<Unit<'a>> {
    let sources = source_anchors(set, article);
    let claims: HashMap<&str, Anchor<'a>> = set
        .claims
        .iter()
        .map(|c| (c.id.as_str(), anchor(article, c.span)))
        .collect();
    set.attributions
        .iter()
        .filter(|a| !a.via.is_empty())
        .filter_map(|a| {
            let mut anchors = vec![
                *claims.get(a.claim_id.as_str())?,
                *sources.get(a.source_id.as_str())?,
            ];
            for hand in &a.via {
                anchors.push(*sources.get(hand.as_str())?);
            }
            Some(Unit {
                id: &a.id,
                anchors,
                label: "via".into(),
            })
        })
        .collect()
}

/// Links whose stance is not `asserts`, labelled by stance.
fn stance_units<'a>(set: &'a AnnotationSet, article: &Article) -> Vec<Unit<'a>> {
    let kept: Vec<&str> = set
        .attributions
        .iter()
        .filter(|a| a.stance != Stance::Asserts)
        .map(|a| a.id.as_str())
        .collect();
    Layer::Stance
        .units(set, article)
        .into_iter()
        .filter(|u| kept.contains(&u.id))
        .collect()
}

/// Places code-point offsets as `file:line:column` and quotes spans.
struct Placer<'a> {
    article: &'a Article,
    shown: &'a str,
    chars: Vec<char>,
}

impl<'a> Placer<'a> {
    fn new(article: &'a Article, shown: &'a str) -> Self {
        Placer {
            article,
            shown,
            chars: article.text.chars().collect(),
        }
    }

    fn text(&self, a: &Anchor<'_>) -> String {
        match a {
            Anchor::Span((s, e)) => {
                let (s, e) = (*s as usize, (*e as usize).min(self.chars.len()));
                self.chars[s.min(e)..e].iter().collect()
            }
            Anchor::Name(n) => (*n).to_owned(),
        }
    }

    /// A unit as text: its first anchor, then `← second`, then `via …`.
    fn unit(&self, u: &Unit<'_>) -> String {
        let parts: Vec<String> = u.anchors.iter().map(|a| self.text(a)).collect();
        match parts.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [claim, source] => format!("{claim} ← {source}"),
            [claim, source, hands @ ..] => {
                format!("{claim} ← {source} via {}", hands.join(" > "))
            }
        }
    }

    fn error(
        &self,
        row: &Row,
        kind: ErrorKind,
        u: &Unit<'_>,
        found: Option<&Unit<'_>>,
    ) -> EvalError {
        let start = match u.anchors.first() {
            Some(Anchor::Span((s, _))) => *s as usize,
            _ => 0,
        };
        let byte = self
            .article
            .char_to_byte(start)
            .unwrap_or(self.article.text.len());
        let before = &self.article.text[..byte];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let label = match found {
            Some(f) if f.label != u.label => format!("{} (found {})", u.label, f.label),
            _ => u.label.to_string(),
        };
        EvalError {
            file: self.shown.to_owned(),
            line,
            column,
            layer: row.name(),
            kind,
            text: self.unit(u),
            found: found.map(|f| self.unit(f)),
            label,
        }
    }
}

/// The errors of one layer: gold units without a partner (misses), extractor units without one
/// (false alarms), pairs that only overlap (boundary) and, where `labels_count`, pairs with
/// different labels.
fn errors(
    place: &Placer<'_>,
    row: &Row,
    found: &[Unit<'_>],
    gold: &[Unit<'_>],
    labels_count: bool,
) -> Vec<EvalError> {
    let pairs = pair_units(found, gold);
    let mut paired_found = vec![false; found.len()];
    let mut paired_gold = vec![false; gold.len()];
    let mut out = Vec::new();
    for p in &pairs {
        paired_found[p.a] = true;
        paired_gold[p.b] = true;
        let (f, g) = (&found[p.a], &gold[p.b]);
        if labels_count && f.label != g.label {
            out.push(place.error(row, ErrorKind::Label, g, Some(f)));
        } else if !p.exact {
            out.push(place.error(row, ErrorKind::Boundary, g, Some(f)));
        }
    }
    for (g, _) in gold.iter().zip(&paired_gold).filter(|(_, p)| !**p) {
        out.push(place.error(row, ErrorKind::Miss, g, None));
    }
    for (f, _) in found.iter().zip(&paired_found).filter(|(_, p)| !**p) {
        out.push(place.error(row, ErrorKind::FalseAlarm, f, None));
    }
    out.sort_by_key(|e| (e.line, e.column));
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::ops::Range;

    use super::*;
    use crate::annotate::model::{Attribution, Claim, Source};

    fn article() -> Article {
        Article::from_text(
            "t.txt",
            "قال الوزير إن الجسر سيفتح غدا.\nونفت الشركة أنباء عن إغلاق المصنع.".to_owned(),
        )
    }

    fn range(a: &Article, text: &str) -> Range<usize> {
        let start = a.text.find(text).unwrap();
        start..start + text.len()
    }

    fn source(a: &Article, text: &str) -> Source {
        Source::by_human(a, range(a, text), "t").unwrap()
    }

    fn claim(a: &Article, text: &str) -> Claim {
        Claim::by_human(a, range(a, text), "t").unwrap()
    }

    fn link(set: &mut AnnotationSet, c: usize, s: usize) -> &mut Attribution {
        let a = Attribution::by_human(&set.claims[c].id, &set.sources[s].id, None, "t");
        set.attributions.push(a);
        set.attributions.last_mut().unwrap()
    }

    #[test]
    fn matched_missed_and_false_alarms_are_counted_per_layer() {
        let a = article();
        let mut gold = AnnotationSet {
            sources: vec![source(&a, "الوزير"), source(&a, "الشركة")],
            claims: vec![claim(&a, "الجسر سيفتح غدا"), claim(&a, "إغلاق المصنع")],
            ..AnnotationSet::default()
        };
        link(&mut gold, 0, 0);
        link(&mut gold, 1, 1).stance = Stance::Denies;
        // the extractor finds the first report with a shorter claim, and nothing else
        let mut found = AnnotationSet {
            sources: vec![source(&a, "الوزير")],
            claims: vec![claim(&a, "الجسر سيفتح")],
            ..AnnotationSet::default()
        };
        link(&mut found, 0, 0);
        let r = evaluate_article(&a, "t.txt", &found, &gold);
        let sources = r.rows[&Row::Sources];
        assert_eq!(
            (sources.exact.matched, sources.exact.a, sources.exact.b),
            (1, 1, 2)
        );
        let claims = r.rows[&Row::Claims];
        assert_eq!((claims.exact.matched, claims.overlap.matched), (0, 1));
        assert_eq!(r.rows[&Row::Attributions].overlap.matched, 1);
        let stance = r.rows[&Row::Stance];
        assert_eq!(
            (stance.overlap.matched, stance.overlap.a, stance.overlap.b),
            (0, 0, 1)
        );
        let boundary = r
            .errors
            .iter()
            .find(|e| e.kind == ErrorKind::Boundary && e.layer == "claims")
            .unwrap();
        assert_eq!((boundary.line, boundary.column), (1, 15));
        assert_eq!(boundary.found.as_deref(), Some("الجسر سيفتح"));
        let miss = r
            .errors
            .iter()
            .find(|e| e.kind == ErrorKind::Miss && e.layer == "stance")
            .unwrap();
        assert_eq!(miss.text, "إغلاق المصنع ← الشركة");
        assert_eq!(miss.line, 2);
    }

    #[test]
    fn chains_need_every_hand_in_order() {
        let a = Article::from_text(
            "t.txt",
            "نقلت وكالة الأنباء عن مسؤول في الميناء قوله إن السفينة غادرت.".to_owned(),
        );
        let mut gold = AnnotationSet {
            sources: vec![source(&a, "مسؤول في الميناء"), source(&a, "وكالة الأنباء")],
            claims: vec![claim(&a, "السفينة غادرت")],
            ..AnnotationSet::default()
        };
        let hand = gold.sources[1].id.clone();
        link(&mut gold, 0, 0).via = vec![hand];
        let mut found = gold.clone();
        let r = evaluate_article(&a, "t.txt", &found, &gold);
        assert_eq!(r.rows[&Row::Chains].exact.matched, 1);
        // the same link without its hand is no chain at all
        found.attributions[0].via.clear();
        let r = evaluate_article(&a, "t.txt", &found, &gold);
        let chains = r.rows[&Row::Chains];
        assert_eq!(
            (chains.exact.matched, chains.exact.a, chains.exact.b),
            (0, 0, 1)
        );
        assert_eq!(r.rows[&Row::Attributions].exact.matched, 1);
    }

    #[test]
    fn same_as_needs_the_mention_and_its_first_mention() {
        let a = Article::from_text(
            "t.txt",
            "قال مسؤول في الميناء إن السفينة غادرت. وأضاف المسؤول أن الركاب بخير. وأكد المصدر أن الطقس سيئ.".to_owned(),
        );
        let mut gold = AnnotationSet {
            sources: vec![
                source(&a, "مسؤول في الميناء"),
                source(&a, "المسؤول"),
                source(&a, "المصدر"),
            ],
            ..AnnotationSet::default()
        };
        let first = gold.sources[0].id.clone();
        gold.sources[1].same_as = Some(first.clone());
        gold.sources[2].same_as = Some(first);
        // the extractor links the second mention to the first and the third to the second
        // (followed to its root: a match), and nothing to a wrong referent
        let mut found = gold.clone();
        found.sources[2].same_as = Some(found.sources[1].id.clone());
        let r = evaluate_article(&a, "t.txt", &found, &gold);
        let c = r.rows[&Row::SameAs].exact;
        assert_eq!((c.matched, c.a, c.b), (2, 2, 2));
        // a mention linked to another source is a false alarm and a miss
        let mut wrong = gold.clone();
        wrong.sources[1].same_as = Some(wrong.sources[2].id.clone());
        wrong.sources[2].same_as = None;
        let r = evaluate_article(&a, "t.txt", &wrong, &gold);
        let c = r.rows[&Row::SameAs].exact;
        assert_eq!((c.matched, c.a, c.b), (0, 1, 2));
        assert!(
            r.errors
                .iter()
                .any(|e| e.layer == "same_as" && e.kind == ErrorKind::Miss),
            "{:?}",
            r.errors
        );
    }
}

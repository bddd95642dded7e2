//! The claims table's rows: per claim (rejected ones left out) its text, its sources with their
//! chains (`مصادر ← الشرق`, as the side panel shows them), their stances, its type and verdict,
//! who decided on it last and when, and its review state; the columns to sort by and the
//! filters. Pure: built from the annotations, drawn by `ui::tables`.

use std::cmp::Ordering;
use std::ops::Range;

use crate::annotate::isnad::{Isnad, collapse};
use crate::annotate::{AnnotationSet, ClaimType, ReviewStatus, Stance, VerificationStatus};
use crate::app::isnad_view::stance_mark;
use crate::article::Article;

/// One claim as the table shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRow {
    pub id: String,
    pub range: Range<usize>,
    /// The claim's words, whitespace collapsed.
    pub text: String,
    /// Per attribution, its chain in one line, speaker first.
    pub chains: Vec<String>,
    /// Per attribution, its stance.
    pub stances: Vec<Stance>,
    pub claim_type: ClaimType,
    pub verdict: VerificationStatus,
    /// Who set the verdict, else who tagged or accepted the claim.
    pub by: String,
    /// When (the day, `YYYY-MM-DD`), from the same decision as `by`.
    pub when: String,
    pub review: ReviewStatus,
}

/// The columns, in the order drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ClaimColumn {
    /// The claim's text; sorted, it is the reading order.
    #[default]
    Claim,
    Sources,
    Stance,
    Type,
    Verdict,
    Review,
    By,
    When,
}

impl ClaimColumn {
    pub const ALL: &'static [ClaimColumn] = &[
        ClaimColumn::Claim,
        ClaimColumn::Sources,
        ClaimColumn::Stance,
        ClaimColumn::Type,
        ClaimColumn::Verdict,
        ClaimColumn::Review,
        ClaimColumn::By,
        ClaimColumn::When,
    ];

    /// The column's heading.
    pub fn name(self) -> &'static str {
        match self {
            ClaimColumn::Claim => "claim",
            ClaimColumn::Sources => "sources",
            ClaimColumn::Stance => "stance",
            ClaimColumn::Type => "type",
            ClaimColumn::Verdict => "verdict",
            ClaimColumn::Review => "review",
            ClaimColumn::By => "by",
            ClaimColumn::When => "when",
        }
    }

    /// Which columns stay when the screen is narrow: lower first (the claim text always does;
    /// then who said it, before its verdict and type).
    pub fn priority(self) -> usize {
        match self {
            ClaimColumn::Claim => 0,
            ClaimColumn::Sources => 1,
            ClaimColumn::Verdict => 2,
            ClaimColumn::Type => 3,
            ClaimColumn::Review => 4,
            ClaimColumn::Stance => 5,
            ClaimColumn::By => 6,
            ClaimColumn::When => 7,
        }
    }

    /// The widest this column is drawn (the sources' chains are cut to it).
    pub fn max_width(self) -> usize {
        match self {
            ClaimColumn::Sources => 28,
            _ => 16,
        }
    }
}

impl ClaimRow {
    /// What the row shows in `column`.
    pub fn cell(&self, column: ClaimColumn) -> String {
        match column {
            ClaimColumn::Claim => self.text.clone(),
            ClaimColumn::Sources if self.chains.is_empty() => "—".to_owned(),
            // a source that does not assert the claim is marked (✗ denies, ? doubts…), so the
            // stance shows even when its own column does not fit
            ClaimColumn::Sources => (self.chains.iter().zip(&self.stances))
                .map(|(chain, stance)| match stance {
                    Stance::Asserts => chain.clone(),
                    s => format!("{} {chain}", stance_mark(*s)),
                })
                .collect::<Vec<_>>()
                .join(" · "),
            ClaimColumn::Stance => {
                let mut words: Vec<String> = self.stances.iter().map(|s| s.words()).collect();
                words.dedup();
                words.join("/")
            }
            ClaimColumn::Type => self.claim_type.words(),
            ClaimColumn::Verdict => self.verdict.words(),
            ClaimColumn::Review => self.review.words(),
            ClaimColumn::By => self.by.clone(),
            ClaimColumn::When => self.when.clone(),
        }
    }

    /// Orders two rows by `column`; ties (and the claim column) in reading order.
    fn compare(&self, other: &Self, column: ClaimColumn) -> Ordering {
        let by_column = match column {
            ClaimColumn::Claim => Ordering::Equal,
            ClaimColumn::Sources => {
                (self.chains.len(), &self.chains).cmp(&(other.chains.len(), &other.chains))
            }
            ClaimColumn::Stance => self.stances.cmp(&other.stances),
            ClaimColumn::Type => self.claim_type.cmp(&other.claim_type),
            ClaimColumn::Verdict => self.verdict.cmp(&other.verdict),
            ClaimColumn::Review => self.review.cmp(&other.review),
            ClaimColumn::By => self.by.cmp(&other.by),
            ClaimColumn::When => self.when.cmp(&other.when),
        };
        by_column
            .then((self.range.start, self.range.end).cmp(&(other.range.start, other.range.end)))
    }
}

/// Which claims the table shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ClaimFilter {
    #[default]
    All,
    /// No source stands behind it.
    Unsourced,
    Unverified,
    /// Not reviewed yet.
    Suggested,
    Verdict(VerificationStatus),
    Type(ClaimType),
}

impl ClaimFilter {
    /// What the title line and the status bar call it.
    pub fn label(self) -> String {
        match self {
            ClaimFilter::All => "all".to_owned(),
            ClaimFilter::Unsourced => "unsourced".to_owned(),
            ClaimFilter::Unverified => "unverified".to_owned(),
            ClaimFilter::Suggested => "suggested only".to_owned(),
            ClaimFilter::Verdict(v) => format!("verdict {}", v.words()),
            ClaimFilter::Type(t) => format!("type {}", t.words()),
        }
    }

    pub fn keeps(self, row: &ClaimRow) -> bool {
        match self {
            ClaimFilter::All => true,
            ClaimFilter::Unsourced => row.chains.is_empty(),
            ClaimFilter::Unverified => row.verdict == VerificationStatus::Unverified,
            ClaimFilter::Suggested => row.review == ReviewStatus::Suggested,
            ClaimFilter::Verdict(v) => row.verdict == v,
            ClaimFilter::Type(t) => row.claim_type == t,
        }
    }
}

/// The filters `f` cycles through: the fixed ones, then each verdict (other than unverified)
/// and each type some claim has, in the vocabulary's order.
pub fn filters(rows: &[ClaimRow]) -> Vec<ClaimFilter> {
    let mut out = vec![
        ClaimFilter::All,
        ClaimFilter::Unsourced,
        ClaimFilter::Unverified,
        ClaimFilter::Suggested,
    ];
    let verdicts = super::present(VerificationStatus::ALL, rows, |r| r.verdict);
    out.extend(
        (verdicts.into_iter())
            .filter(|v| *v != VerificationStatus::Unverified)
            .map(ClaimFilter::Verdict),
    );
    let types = super::present(ClaimType::ALL, rows, |r| r.claim_type);
    out.extend(types.into_iter().map(ClaimFilter::Type));
    out
}

/// The day of an RFC 3339 time (`2026-12-03T21:05:00Z` → `2026-12-03`).
pub fn day(at: &str) -> String {
    at.get(..10).unwrap_or(at).to_owned()
}

/// Every claim of the set that is not rejected, in reading order.
pub fn rows(set: &AnnotationSet, article: &Article, outlet: Option<&str>) -> Vec<ClaimRow> {
    let isnad = Isnad::new(set, article, outlet);
    let mut out: Vec<ClaimRow> = set
        .claims
        .iter()
        .filter(|c| c.review.status != ReviewStatus::Rejected)
        .map(|c| {
            let links: Vec<_> = isnad.links(&c.id).collect();
            let decided = (c.verification.by.as_ref())
                .map(|by| (by, c.verification.at.as_ref()))
                .or_else(|| c.review.by.as_ref().map(|by| (by, c.review.at.as_ref())));
            ClaimRow {
                id: c.id.clone(),
                range: c.span.range(),
                text: collapse(c.span.text(article)),
                chains: links.iter().map(|a| isnad.chain_text(a)).collect(),
                stances: links.iter().map(|a| a.stance).collect(),
                claim_type: c.claim_type,
                verdict: c.verification.status,
                by: decided.map(|(by, _)| by.clone()).unwrap_or_default(),
                when: decided
                    .and_then(|(_, at)| at)
                    .map(|at| day(at))
                    .unwrap_or_default(),
                review: c.review.status,
            }
        })
        .collect();
    out.sort_by_key(|r| (r.range.start, r.range.end));
    out
}

/// The rows `filter` keeps, sorted by `column` (`descending` flips the order).
pub fn shown(
    rows: Vec<ClaimRow>,
    filter: &ClaimFilter,
    column: ClaimColumn,
    descending: bool,
) -> Vec<ClaimRow> {
    let order = |a: &ClaimRow, b: &ClaimRow| a.compare(b, column);
    super::arrange(rows, |r| filter.keeps(r), order, descending)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(start: usize, verdict: VerificationStatus, chains: &[&str]) -> ClaimRow {
        ClaimRow {
            id: format!("c{start}"),
            range: start..start + 4,
            text: "نص".to_owned(),
            chains: chains.iter().map(|c| (*c).to_owned()).collect(),
            stances: vec![Stance::Asserts; chains.len()],
            claim_type: ClaimType::Statement,
            verdict,
            by: String::new(),
            when: String::new(),
            review: ReviewStatus::Accepted,
        }
    }

    #[test]
    fn sorting_by_a_column_keeps_reading_order_within_it() {
        let rows = vec![
            row(30, VerificationStatus::False, &["أ"]),
            row(10, VerificationStatus::Unverified, &[]),
            row(20, VerificationStatus::False, &[]),
        ];
        let ids = |rows: Vec<ClaimRow>| rows.into_iter().map(|r| r.id).collect::<Vec<_>>();
        let by = |c, d| ids(shown(rows.clone(), &ClaimFilter::All, c, d));
        assert_eq!(by(ClaimColumn::Claim, false), ["c10", "c20", "c30"]);
        assert_eq!(by(ClaimColumn::Verdict, false), ["c10", "c20", "c30"]);
        assert_eq!(by(ClaimColumn::Verdict, true), ["c30", "c20", "c10"]);
        assert_eq!(by(ClaimColumn::Sources, true), ["c30", "c20", "c10"]);
        let unsourced = shown(
            rows.clone(),
            &ClaimFilter::Unsourced,
            ClaimColumn::Claim,
            false,
        );
        assert_eq!(ids(unsourced), ["c10", "c20"]);
        let offered = filters(&rows);
        assert!(offered.contains(&ClaimFilter::Verdict(VerificationStatus::False)));
        assert!(!offered.contains(&ClaimFilter::Verdict(VerificationStatus::True)));
        assert!(offered.contains(&ClaimFilter::Type(ClaimType::Statement)));
    }

    #[test]
    fn a_day_is_cut_from_an_rfc3339_time() {
        assert_eq!(day("2026-12-03T21:05:00Z"), "2026-12-03");
        assert_eq!(day("soon"), "soon");
    }
}

//! The sources table's rows: one per source however often it is mentioned (mentions marked the
//! same with `=` count once, under the name of the mention they refer back to), with its type,
//! its mentions, the claims it stands behind or passed on, and its role in their chains (the
//! speaker, a hand, both); the columns to sort by and the filters. Rejected sources are left
//! out. Pure: built from the annotations, drawn by `ui::tables`.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use crate::annotate::isnad::Isnad;
use crate::annotate::{AnnotationSet, ReviewStatus, SourceType};
use crate::article::Article;

/// What a source is in the chains of the article's claims.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChainRole {
    /// In no chain: linked to no claim.
    #[default]
    None,
    Speaker,
    Hand,
    Both,
}

impl ChainRole {
    pub fn as_str(self) -> &'static str {
        match self {
            ChainRole::None => "—",
            ChainRole::Speaker => "speaker",
            ChainRole::Hand => "hand",
            ChainRole::Both => "speaker+hand",
        }
    }

    fn with(self, other: ChainRole) -> ChainRole {
        match (self, other) {
            (ChainRole::None, r) | (r, ChainRole::None) => r,
            (a, b) if a == b => a,
            _ => ChainRole::Both,
        }
    }
}

/// One source as the table shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRow {
    /// The canonical mention's id (the one the others refer back to).
    pub id: String,
    pub name: String,
    pub source_type: SourceType,
    pub mentions: usize,
    /// Distinct claims whose chains it is in, as speaker or hand.
    pub claims: usize,
    pub role: ChainRole,
    pub review: ReviewStatus,
    /// Its mentions' spans in reading order; `Enter` jumps to the first.
    pub spans: Vec<Range<usize>>,
    pub first: Option<Range<usize>>,
}

impl SourceRow {
    /// Whether one of its mentions covers byte `at`.
    pub fn covers(&self, at: usize) -> bool {
        self.spans.iter().any(|s| s.contains(&at))
    }

    /// What the row shows in `column`.
    pub fn cell(&self, column: SourceColumn) -> String {
        match column {
            SourceColumn::Name => self.name.clone(),
            SourceColumn::Type => self.source_type.words(),
            SourceColumn::Mentions => self.mentions.to_string(),
            SourceColumn::Claims => self.claims.to_string(),
            SourceColumn::Role => self.role.as_str().to_owned(),
            SourceColumn::Review => self.review.words(),
        }
    }

    fn position(&self) -> usize {
        self.first.as_ref().map_or(usize::MAX, |r| r.start)
    }

    /// Orders two rows by `column`; ties (and the name column) by first mention.
    fn compare(&self, other: &Self, column: SourceColumn) -> Ordering {
        let by_column = match column {
            SourceColumn::Name => Ordering::Equal,
            SourceColumn::Type => self.source_type.cmp(&other.source_type),
            SourceColumn::Mentions => self.mentions.cmp(&other.mentions),
            SourceColumn::Claims => self.claims.cmp(&other.claims),
            SourceColumn::Role => self.role.cmp(&other.role),
            SourceColumn::Review => self.review.cmp(&other.review),
        };
        by_column
            .then(self.position().cmp(&other.position()))
            .then(self.id.cmp(&other.id))
    }
}

/// The columns, in the order drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SourceColumn {
    /// The source's name; sorted, it is the order of first mention.
    #[default]
    Name,
    Type,
    Mentions,
    Claims,
    Role,
    Review,
}

impl SourceColumn {
    pub const ALL: &'static [SourceColumn] = &[
        SourceColumn::Name,
        SourceColumn::Type,
        SourceColumn::Mentions,
        SourceColumn::Claims,
        SourceColumn::Role,
        SourceColumn::Review,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SourceColumn::Name => "source",
            SourceColumn::Type => "type",
            SourceColumn::Mentions => "mentions",
            SourceColumn::Claims => "claims",
            SourceColumn::Role => "role",
            SourceColumn::Review => "review",
        }
    }

    /// Which columns stay when the screen is narrow: lower first (the name always does).
    pub fn priority(self) -> usize {
        match self {
            SourceColumn::Name => 0,
            SourceColumn::Claims => 1,
            SourceColumn::Type => 2,
            SourceColumn::Role => 3,
            SourceColumn::Mentions => 4,
            SourceColumn::Review => 5,
        }
    }
}

/// Which sources the table shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SourceFilter {
    #[default]
    All,
    /// Linked to no claim.
    WithoutClaims,
    Speakers,
    Hands,
    Suggested,
    Type(SourceType),
}

impl SourceFilter {
    pub fn label(self) -> String {
        match self {
            SourceFilter::All => "all".to_owned(),
            SourceFilter::WithoutClaims => "without claims".to_owned(),
            SourceFilter::Speakers => "speakers".to_owned(),
            SourceFilter::Hands => "hands".to_owned(),
            SourceFilter::Suggested => "suggested only".to_owned(),
            SourceFilter::Type(t) => format!("type {}", t.words()),
        }
    }

    pub fn keeps(self, row: &SourceRow) -> bool {
        match self {
            SourceFilter::All => true,
            SourceFilter::WithoutClaims => row.claims == 0,
            SourceFilter::Speakers => matches!(row.role, ChainRole::Speaker | ChainRole::Both),
            SourceFilter::Hands => matches!(row.role, ChainRole::Hand | ChainRole::Both),
            SourceFilter::Suggested => row.review == ReviewStatus::Suggested,
            SourceFilter::Type(t) => row.source_type == t,
        }
    }
}

/// The filters `f` cycles through: the fixed ones, then each type some source has.
pub fn filters(rows: &[SourceRow]) -> Vec<SourceFilter> {
    let mut out = vec![
        SourceFilter::All,
        SourceFilter::WithoutClaims,
        SourceFilter::Speakers,
        SourceFilter::Hands,
        SourceFilter::Suggested,
    ];
    let types = super::present(SourceType::ALL, rows, |r| r.source_type);
    out.extend(types.into_iter().map(SourceFilter::Type));
    out
}

/// One row per source (its mentions together), in order of first mention.
pub fn rows(set: &AnnotationSet, article: &Article, outlet: Option<&str>) -> Vec<SourceRow> {
    let isnad = Isnad::new(set, article, outlet);
    // per canonical source: the claims it is in, and as what
    let mut chains: BTreeMap<String, (HashSet<&str>, ChainRole)> = BTreeMap::new();
    for claim in set
        .claims
        .iter()
        .filter(|c| c.review.status != ReviewStatus::Rejected)
    {
        for path in isnad.claim(&claim.id).paths {
            let hands = path.via.into_iter().map(|v| (v, ChainRole::Hand));
            for (id, role) in std::iter::once((path.speaker, ChainRole::Speaker)).chain(hands) {
                let entry = chains.entry(id).or_default();
                entry.0.insert(claim.id.as_str());
                entry.1 = entry.1.with(role);
            }
        }
    }
    let mut seen: HashSet<&str> = HashSet::new();
    let mut out = Vec::new();
    for s in set
        .sources
        .iter()
        .filter(|s| s.review.status != ReviewStatus::Rejected)
    {
        let root = isnad.canonical(&s.id);
        if !seen.insert(root) {
            continue;
        }
        let Some(canonical) = isnad.source(root) else {
            continue;
        };
        let mentions: Vec<_> = isnad
            .mentions(root)
            .into_iter()
            .filter(|m| m.review.status != ReviewStatus::Rejected)
            .collect();
        let spans: Vec<Range<usize>> = mentions
            .iter()
            .filter_map(|m| m.span.map(|x| x.range()))
            .collect();
        let (claims, role) = chains
            .get(root)
            .map_or((0, ChainRole::None), |(c, r)| (c.len(), *r));
        out.push(SourceRow {
            id: root.to_owned(),
            name: isnad.name(root),
            source_type: canonical.source_type,
            mentions: mentions.len(),
            claims,
            role,
            review: canonical.review.status,
            first: spans.first().cloned(),
            spans,
        });
    }
    out.sort_by(|a, b| a.compare(b, SourceColumn::Name));
    out
}

/// The rows `filter` keeps, sorted by `column` (`descending` flips the order).
pub fn shown(
    rows: Vec<SourceRow>,
    filter: &SourceFilter,
    column: SourceColumn,
    descending: bool,
) -> Vec<SourceRow> {
    let order = |a: &SourceRow, b: &SourceRow| a.compare(b, column);
    super::arrange(rows, |r| filter.keeps(r), order, descending)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_that_speaks_and_passes_on_is_both() {
        let speaker = ChainRole::None.with(ChainRole::Speaker);
        assert_eq!(speaker, ChainRole::Speaker);
        assert_eq!(speaker.with(ChainRole::Speaker), ChainRole::Speaker);
        assert_eq!(speaker.with(ChainRole::Hand), ChainRole::Both);
        assert_eq!(ChainRole::Both.with(ChainRole::None), ChainRole::Both);
    }
}

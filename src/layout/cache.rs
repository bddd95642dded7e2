//! The layout cache of the reader: laid-out paragraphs kept per (paragraph, options), and
//! moving through the article by rows ([`RowPos`]) without laying out more than is passed over.

use std::collections::HashMap;
use std::sync::Arc;

use crate::article::Article;

use super::{LayoutOptions, VisualRow, layout_paragraph};

/// Laid-out paragraphs kept for reuse, keyed by paragraph and options. Bounded: when it holds
/// too many rows it is emptied, so memory stays proportional to what was recently shown.
#[derive(Default)]
pub struct LayoutCache {
    entries: HashMap<(usize, LayoutOptions), Arc<[VisualRow]>>,
    rows: usize,
}

/// Rows kept before the cache is emptied.
const CACHE_ROW_LIMIT: usize = 200_000;

impl LayoutCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// The rows of a paragraph, laid out on first use.
    pub fn rows(
        &mut self,
        article: &Article,
        paragraph: usize,
        opts: &LayoutOptions,
    ) -> Arc<[VisualRow]> {
        if let Some(rows) = self.entries.get(&(paragraph, *opts)) {
            return Arc::clone(rows);
        }
        let rows: Arc<[VisualRow]> = layout_paragraph(article, paragraph, opts).into();
        if self.rows + rows.len() > CACHE_ROW_LIMIT {
            self.clear();
        }
        self.rows += rows.len();
        self.entries.insert((paragraph, *opts), Arc::clone(&rows));
        rows
    }

    /// Forgets everything (after the article text changes).
    pub fn clear(&mut self) {
        self.entries.clear();
        self.rows = 0;
    }

    /// Number of paragraphs currently cached.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A position in the laid-out article: a row of a paragraph. Scrolling moves these without
/// laying out anything but the paragraphs passed over.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RowPos {
    pub paragraph: usize,
    pub row: usize,
}

impl LayoutCache {
    /// Moves `pos` by `delta` rows (negative = up), stopping at the first and last rows.
    pub fn step(
        &mut self,
        article: &Article,
        opts: &LayoutOptions,
        mut pos: RowPos,
        delta: isize,
    ) -> RowPos {
        let count = article.paragraphs.len();
        if count == 0 {
            return RowPos::default();
        }
        pos.paragraph = pos.paragraph.min(count - 1);
        let mut remaining = delta.unsigned_abs();
        if delta >= 0 {
            while remaining > 0 {
                let rows = self.rows(article, pos.paragraph, opts).len();
                let left_here = rows.saturating_sub(1).saturating_sub(pos.row);
                if remaining <= left_here {
                    pos.row += remaining;
                    break;
                }
                if pos.paragraph + 1 >= count {
                    pos.row = rows.saturating_sub(1);
                    break;
                }
                remaining -= left_here + 1;
                pos.paragraph += 1;
                pos.row = 0;
            }
        } else {
            while remaining > 0 {
                if remaining <= pos.row {
                    pos.row -= remaining;
                    break;
                }
                if pos.paragraph == 0 {
                    pos.row = 0;
                    break;
                }
                remaining -= pos.row + 1;
                pos.paragraph -= 1;
                pos.row = self
                    .rows(article, pos.paragraph, opts)
                    .len()
                    .saturating_sub(1);
            }
        }
        pos
    }

    /// The position of the last row of the article.
    pub fn last_row(&mut self, article: &Article, opts: &LayoutOptions) -> RowPos {
        let Some(paragraph) = article.paragraphs.len().checked_sub(1) else {
            return RowPos::default();
        };
        let rows = self.rows(article, paragraph, opts).len();
        RowPos {
            paragraph,
            row: rows.saturating_sub(1),
        }
    }

    /// Up to `height` rows starting at `top`, with their positions.
    pub fn visible(
        &mut self,
        article: &Article,
        opts: &LayoutOptions,
        top: RowPos,
        height: usize,
    ) -> Vec<(RowPos, Arc<[VisualRow]>)> {
        let mut out = Vec::with_capacity(height);
        let mut pos = top;
        while out.len() < height && pos.paragraph < article.paragraphs.len() {
            let rows = self.rows(article, pos.paragraph, opts);
            while out.len() < height && pos.row < rows.len() {
                out.push((pos, Arc::clone(&rows)));
                pos.row += 1;
            }
            pos = RowPos {
                paragraph: pos.paragraph + 1,
                row: 0,
            };
        }
        out
    }
}

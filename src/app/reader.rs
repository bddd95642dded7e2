//! The reader's part of the state: the article, its layout and what is on screen, the cursor,
//! the selection, the search, and which annotation layers are drawn.

use std::ops::Range;
use std::sync::Arc;

use crate::app::{review, words};
use crate::article::Article;
use crate::layout::{BidiMode, LayoutCache, RowPos, VisualRow};
use crate::text::sanitize::HiddenCounts;

pub struct Reader {
    pub article: Arc<Article>,
    pub mode: BidiMode,
    pub layout: LayoutCache,
    /// First visible row.
    pub top: RowPos,
    /// The word under the cursor (article bytes).
    pub cursor: Option<Range<usize>>,
    /// Where the selection started (a word), while selecting.
    pub selection_anchor: Option<Range<usize>>,
    /// Screen size.
    pub width: u16,
    pub height: u16,
    /// Rows on screen now, recomputed after every update.
    pub view: Vec<(RowPos, Arc<[VisualRow]>)>,
    /// The last search and its matches (article bytes, in order).
    pub search: Option<(String, Vec<Range<usize>>)>,
    /// Folded text for searching, built on the first search.
    pub(super) search_index: Option<crate::search::FoldedIndex>,
    /// Invisible characters in the article (bidi controls can make text read differently
    /// from what it says, so their presence is always shown).
    pub hidden: HiddenCounts,
    /// Which annotation layers are drawn and visited.
    pub layers: review::Layers,
    /// The annotation last reached with `]`/`[` or adjusted (its id), which the review keys act
    /// on while the cursor is inside it, even where annotations overlap.
    pub focus: Option<String>,
}

impl Reader {
    pub fn new(article: Article, mode: BidiMode) -> Self {
        let cursor = words::first_word(&article);
        Self {
            article: Arc::new(article),
            mode,
            layout: LayoutCache::new(),
            top: RowPos::default(),
            cursor,
            selection_anchor: None,
            width: 80,
            height: 24,
            view: Vec::new(),
            search: None,
            search_index: None,
            hidden: HiddenCounts::default(),
            layers: review::Layers::default(),
            focus: None,
        }
    }
}

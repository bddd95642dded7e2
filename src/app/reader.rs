//! The reader's part of the state: the article, its layout and what is on screen, the cursor,
//! the selection, the search, and which annotation layers are drawn.

use std::ops::Range;
use std::sync::Arc;

use crate::app::shell::Note;
use crate::app::{review, words};
use crate::article::Article;
use crate::layout::{BidiMode, LayoutCache, LayoutOptions, RowPos, VisualRow};
use crate::text::bidi::Direction;
use crate::text::sanitize::{HiddenCounts, count_hidden};

/// The room the text has on screen and the layout settings from the configuration: what the
/// reader needs from outside itself to lay out and move (the app works it out from the
/// settings, the screen size and the side panel, fresh for every step).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// Width of the text column and its left edge.
    pub width: u16,
    pub left: u16,
    /// Rows of text.
    pub rows: u16,
    pub direction: Direction,
    pub tab_width: u8,
    pub reveal_controls: bool,
}

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

impl Reader {
    /// The layout options for this page in the reader's bidi mode.
    pub fn options(&self, page: Page) -> LayoutOptions {
        LayoutOptions {
            width: page.width.max(1),
            mode: self.mode,
            direction: page.direction,
            tab_width: page.tab_width,
            reveal_controls: page.reveal_controls,
        }
    }

    /// Recomputes the visible rows (only the paragraphs on screen are laid out).
    pub fn refresh_view(&mut self, page: Page) {
        let opts = self.options(page);
        self.view = self
            .layout
            .visible(&self.article, &opts, self.top, usize::from(page.rows));
    }

    /// Shows another article (or the same one's new text): resets what depends on the text.
    pub fn show(&mut self, article: Arc<Article>, page: Page) {
        self.article = article;
        self.reset(page);
    }

    /// Starts reading the article from the top: no selection, no search, nothing laid out yet.
    pub fn reset(&mut self, page: Page) {
        self.selection_anchor = None;
        self.search = None;
        self.search_index = None;
        self.layout.clear();
        self.top = RowPos::default();
        self.cursor = words::first_word(&self.article);
        self.hidden = count_hidden(&self.article.text);
        self.refresh_view(page);
    }

    /// Position in the article as a percentage, from the byte offset of the first visible row
    /// (100 when the end is on screen).
    pub fn percent(&self) -> u8 {
        let len = self.article.text.len();
        // the last row on screen is the article's when nothing but whitespace follows it (a
        // window of a long paragraph ends before the rest of it)
        let end_visible = self.view.last().is_some_and(|(pos, rows)| {
            rows.get(pos.row).is_some_and(|r| {
                let rest = self.article.text.get(r.logical.end..).unwrap_or("");
                rest.chars().all(char::is_whitespace)
            })
        });
        if len == 0 || end_visible {
            return 100;
        }
        let start = self
            .view
            .first()
            .and_then(|(pos, rows)| rows.get(pos.row))
            .map_or(0, |r| r.logical.start);
        u8::try_from(start.saturating_mul(100) / len).unwrap_or(100)
    }

    /// The selected byte range: from the anchor word to the cursor word, in either order.
    pub fn selection(&self) -> Option<Range<usize>> {
        let anchor = self.selection_anchor.as_ref()?;
        let cursor = self.cursor.as_ref().unwrap_or(anchor);
        Some(anchor.start.min(cursor.start)..anchor.end.max(cursor.end))
    }

    /// What a tag applies to: the selection, else the word under the cursor.
    pub fn target(&self) -> Option<Range<usize>> {
        self.selection().or_else(|| self.cursor.clone())
    }

    pub fn toggle_selection(&mut self) {
        if self.selection_anchor.is_some() {
            self.selection_anchor = None;
        } else {
            self.selection_anchor = self.cursor.clone();
        }
    }

    /// `gg` / `G`: the first or last word, with the page scrolled to it.
    pub fn to_end(&mut self, page: Page, last: bool) {
        if last {
            self.top = self.max_top(page);
            self.cursor = words::last_word(&self.article);
        } else {
            self.top = RowPos::default();
            self.cursor = words::first_word(&self.article);
        }
        self.refresh_view(page);
    }

    /// `w` / `b`: the next or previous word in reading order.
    pub fn step_word(&mut self, page: Page, forward: bool) -> Option<Note> {
        let next = match &self.cursor {
            Some(c) if forward => words::next_word(&self.article, c),
            Some(c) => words::prev_word(&self.article, c),
            None => words::first_word(&self.article),
        };
        match next {
            Some(w) => {
                self.cursor = Some(w);
                self.reveal_cursor(page);
                None
            }
            None => Some(Note::info(if forward {
                "at the last word"
            } else {
                "at the first word"
            })),
        }
    }

    /// A click (`extend`: a drag) at a screen position: the cursor goes to the word there; a
    /// drag extends the selection from where the cursor was.
    pub fn point_at(&mut self, page: Page, column: u16, row: u16, extend: bool) {
        if let Some(hit) = self.hit(page, column, row)
            && let Some(w) = words::word_near(&self.article, hit.start)
        {
            if extend && self.selection_anchor.is_none() {
                self.selection_anchor = self.cursor.clone();
            }
            self.cursor = Some(w);
        }
    }

    /// Whether the visual row holding byte `at` runs right to left.
    pub fn row_is_rtl(&mut self, page: Page, at: usize) -> bool {
        let pos = self.row_of(page, at);
        let opts = self.options(page);
        self.layout
            .rows_at(&self.article, &opts, pos)
            .is_some_and(|rows| rows.get(pos.row).is_some_and(|r| r.rtl))
    }
}

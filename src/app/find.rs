//! Searching the article from the reader: `/` runs a search over the folded text (built on the
//! first search), `n` / `N` step through the matches from the cursor, wrapping around.

use std::ops::Range;

use crate::app::App;
use crate::search::{next_match, previous_match};

impl App {
    /// Runs a new search and moves to the first match at or after the cursor.
    pub(super) fn start_search(&mut self, query: String) {
        if query.trim().is_empty() {
            // an empty search repeats the last one, as in vim and less
            if self.reader.search.is_some() {
                self.step_search(true);
            }
            return;
        }
        let index = self
            .reader
            .search_index
            .get_or_insert_with(|| crate::search::FoldedIndex::new(&self.reader.article.text));
        let matches = index.find_all(&self.reader.article.text, &query);
        if matches.is_empty() {
            self.error(format!("not found: {query}"));
            self.reader.search = None;
            return;
        }
        self.reader.search = Some((query, matches));
        let from = self.reader.cursor.as_ref().map_or(0, |c| c.start);
        self.jump_to_match(|m| next_match(m, from).unwrap_or(0));
    }

    /// `n` / `N`: the next or previous match after the cursor, wrapping around.
    pub(super) fn step_search(&mut self, forward: bool) {
        if self.reader.search.is_none() {
            self.info("no search yet: / starts one");
            return;
        }
        let at = self.reader.cursor.as_ref().map_or(0, |c| c.start);
        if forward {
            self.jump_to_match(|m| next_match(m, at + 1).unwrap_or(0));
        } else {
            self.jump_to_match(|m| previous_match(m, at).unwrap_or(0));
        }
    }

    pub(super) fn jump_to_match(&mut self, pick: impl Fn(&[Range<usize>]) -> usize) {
        let Some((_, matches)) = &self.reader.search else {
            return;
        };
        let i = pick(matches).min(matches.len().saturating_sub(1));
        let Some(found) = matches.get(i).cloned() else {
            return;
        };
        let total = matches.len();
        self.reader.cursor = Some(found);
        self.reveal_cursor();
        self.info(format!("match {} of {total}", i + 1));
    }
}

//! Searching the article from the reader: `/` runs a search over the folded text (built on the
//! first search), `n` / `N` step through the matches from the cursor, wrapping around.

use std::ops::Range;

use crate::app::reader::{Page, Reader};
use crate::app::shell::Note;
use crate::search::{next_match, previous_match};

impl Reader {
    /// Runs a new search and moves to the first match at or after the cursor.
    pub fn start_search(&mut self, page: Page, query: String) -> Option<Note> {
        if query.trim().is_empty() {
            // an empty search repeats the last one, as in vim and less
            return self.search.is_some().then(|| self.step_search(page, true));
        }
        let index = self
            .search_index
            .get_or_insert_with(|| crate::search::FoldedIndex::new(&self.article.text));
        let matches = index.find_all(&self.article.text, &query);
        if matches.is_empty() {
            self.search = None;
            return Some(Note::error(format!("not found: {query}")));
        }
        self.search = Some((query, matches));
        let from = self.cursor.as_ref().map_or(0, |c| c.start);
        self.jump_to_match(page, |m| next_match(m, from).unwrap_or(0))
    }

    /// `n` / `N`: the next or previous match after the cursor, wrapping around.
    pub fn step_search(&mut self, page: Page, forward: bool) -> Note {
        if self.search.is_none() {
            return Note::info("no search yet: / starts one");
        }
        let at = self.cursor.as_ref().map_or(0, |c| c.start);
        let found = if forward {
            self.jump_to_match(page, |m| next_match(m, at + 1).unwrap_or(0))
        } else {
            self.jump_to_match(page, |m| previous_match(m, at).unwrap_or(0))
        };
        found.unwrap_or_else(|| Note::info("no matches"))
    }

    /// Moves the cursor to the match `pick` chooses; says which one it is.
    fn jump_to_match(
        &mut self,
        page: Page,
        pick: impl Fn(&[Range<usize>]) -> usize,
    ) -> Option<Note> {
        let (_, matches) = self.search.as_ref()?;
        let i = pick(matches).min(matches.len().saturating_sub(1));
        let found = matches.get(i).cloned()?;
        let total = matches.len();
        self.cursor = Some(found);
        self.reveal_cursor(page);
        Some(Note::info(format!("match {} of {total}", i + 1)))
    }
}

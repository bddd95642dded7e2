//! Reviewing in the reader beyond accept/reject: which layers are drawn (labels, suggestions,
//! rejected ones, claims, sources; the legend `L` toggles them), per-label counts for the
//! legend, and moving the start or end of the current annotation by a word (`<` `>` for the
//! start in reading order, Shift+←/→ for the end in screen direction), each one undoable edit.

use std::collections::BTreeSet;

use crate::annotate::{Edit, Item, ItemKind, ReviewStatus, Span};
use crate::app::shell::Note;
use crate::app::{App, words};
use crate::article::Article;
use crate::config::commands::Command;

/// What is drawn and visited by `]`/`[`. Rejected suggestions are hidden at first: they stay in
/// the file only so a re-run does not bring them back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layers {
    hidden_labels: BTreeSet<String>,
    /// Pending suggestions (of every kind).
    pub suggestions: bool,
    pub rejected: bool,
    pub claims: bool,
    pub sources: bool,
}

impl Default for Layers {
    fn default() -> Self {
        Self {
            hidden_labels: BTreeSet::new(),
            suggestions: true,
            rejected: false,
            claims: true,
            sources: true,
        }
    }
}

impl Layers {
    /// A `[legend]` or `[label]` choice in the legend: its layer or label is hidden or shown.
    pub fn toggle(&mut self, choice: Command) -> Option<Note> {
        let flip = |b: &mut bool| {
            *b = !*b;
            *b
        };
        let (name, shown) = match choice {
            Command::LegendSuggestions => ("suggestions", flip(&mut self.suggestions)),
            Command::LegendRejected => ("rejected", flip(&mut self.rejected)),
            Command::LegendClaims => ("claims", flip(&mut self.claims)),
            Command::LegendSources => ("sources", flip(&mut self.sources)),
            Command::Label(label) => {
                self.toggle_label(label);
                (label, self.label_shown(label))
            }
            _ => return None,
        };
        Some(Note::info(format!(
            "{name} {}",
            if shown { "shown" } else { "hidden" }
        )))
    }

    pub fn label_shown(&self, label: &str) -> bool {
        !self.hidden_labels.contains(label)
    }

    pub fn toggle_label(&mut self, label: &str) {
        if !self.hidden_labels.remove(label) {
            self.hidden_labels.insert(label.to_owned());
        }
    }

    /// Whether an item of this kind, entity label and review status is drawn.
    pub fn shows(&self, kind: ItemKind, label: Option<&str>, status: ReviewStatus) -> bool {
        let by_status = match status {
            ReviewStatus::Rejected => self.rejected,
            ReviewStatus::Suggested => self.suggestions,
            ReviewStatus::Accepted | ReviewStatus::Corrected => true,
        };
        by_status
            && match kind {
                ItemKind::Entity => label.is_none_or(|l| self.label_shown(l)),
                ItemKind::Claim => self.claims,
                ItemKind::Source => self.sources,
                ItemKind::Attribution => true,
            }
    }

    pub fn shows_item(&self, item: &Item) -> bool {
        let label = match item {
            Item::Entity(e) => Some(e.label.as_str()),
            _ => None,
        };
        self.shows(item.kind(), label, item.review().status)
    }
}

/// Review counts of one layer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub pending: usize,
    pub accepted: usize,
    pub rejected: usize,
}

impl Counts {
    pub(super) fn add(&mut self, status: ReviewStatus) {
        match status {
            ReviewStatus::Suggested => self.pending += 1,
            ReviewStatus::Accepted | ReviewStatus::Corrected => self.accepted += 1,
            ReviewStatus::Rejected => self.rejected += 1,
        }
    }
}

/// One row of the legend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegendRow {
    /// The key that toggles it (none for labels outside the picker's list).
    pub key: Option<String>,
    pub name: String,
    /// Entity label, or `None` for the other layers.
    pub label: Option<String>,
    pub counts: Counts,
    pub shown: bool,
}

/// Which way an edge of a span moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// `<`: the start one word earlier in reading order.
    StartEarlier,
    /// `>`: the start one word later.
    StartLater,
    /// Shift+←: the end one word to the left on screen.
    EndLeft,
    /// Shift+→: the end one word to the right on screen.
    EndRight,
}

/// The start of the nearest word starting before (`later` false) or after `start`, in the same
/// paragraph: an entity never spreads into the next paragraph by a key held too long. Only the
/// words around `start` are segmented (`app::words`), so a key is as quick in a 10 MB line.
fn moved_start(article: &Article, start: usize, later: bool) -> Option<usize> {
    let paragraph = article.paragraph_at(start);
    let word = if later {
        words::first_word_of_paragraph(article, paragraph, start, |w| w.start > start)
    } else {
        words::last_word_before(article, paragraph, start)
    };
    word.map(|w| w.start)
}

/// The end of the nearest word ending after (`later`) or before `end`, in the paragraph of the
/// span's last character (segmenting only around `end`, as [`moved_start`]).
fn moved_end(article: &Article, end: usize, later: bool) -> Option<usize> {
    let paragraph = article.paragraph_at(end.saturating_sub(1));
    let word = if later {
        words::first_word_of_paragraph(article, paragraph, end, |w| w.end > end)
    } else {
        words::word_of_paragraph_ending_before(article, paragraph, end)
    };
    word.map(|w| w.end)
}

impl App {
    /// `<` `>` Shift+← Shift+→: moves one edge of the current annotation by a word, as one
    /// undoable edit; the cursor follows the moved edge.
    pub(super) fn move_edge(&mut self, edge: Edge) {
        let Some(mut item) = self.session.current_item(&self.reader) else {
            self.info("no annotation under the cursor (] goes to the next suggestion)");
            return;
        };
        let Some(span) = item.span() else {
            return;
        };
        let later = match edge {
            Edge::StartEarlier => false,
            Edge::StartLater => true,
            // left on screen is later in reading order on a right-to-left row, as with ←
            Edge::EndLeft | Edge::EndRight => {
                let rtl = (self.reader).row_is_rtl(self.page(), span.end.saturating_sub(1));
                (edge == Edge::EndLeft) == rtl
            }
        };
        let moves_start = matches!(edge, Edge::StartEarlier | Edge::StartLater);
        let range = if moves_start {
            moved_start(&self.reader.article, span.start, later).map(|s| s..span.end)
        } else {
            moved_end(&self.reader.article, span.end, later).map(|e| span.start..e)
        };
        let Some(range) = range else {
            self.info("no word further that way in this paragraph");
            return;
        };
        if range.start >= range.end {
            self.info("that would leave the span empty");
            return;
        }
        let Ok(new_span) = Span::checked(&self.reader.article, range) else {
            return;
        };
        if !item.respan(&self.reader.article, new_span, &self.session.annotator) {
            return;
        }
        let id = item.id().to_owned();
        if self.apply_edit(Edit::Update(item)) {
            let edge_at = if moves_start {
                new_span.start
            } else {
                new_span.end - 1
            };
            self.reader.cursor = words::word_near(&self.reader.article, edge_at);
            self.reader.focus = Some(id);
            self.reader.reveal_cursor(self.page());
            self.info(format!(
                "now «{}» (u undoes)",
                new_span.text(&self.reader.article)
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Article {
        Article::from_text("t", "قال المتحدث باسم الجيش.\n\nوأضاف أمس".into())
    }

    #[test]
    fn starts_and_ends_move_by_whole_words_inside_the_paragraph() {
        let a = article();
        let at = |w: &str| a.text.find(w).expect("word");
        let army = at("الجيش");
        assert_eq!(moved_start(&a, army, false), Some(at("باسم")));
        assert_eq!(moved_start(&a, at("باسم"), true), Some(army));
        assert_eq!(moved_start(&a, 0, false), None);
        // from inside a word (after a clitic), the start first reaches the word's own start
        let inside = army + "ال".len();
        assert_eq!(moved_start(&a, inside, false), Some(army));
        let end = army + "الجيش".len();
        assert_eq!(moved_end(&a, end, false), Some(at("باسم") + "باسم".len()));
        assert_eq!(
            moved_end(&a, end, true),
            None,
            "not into the next paragraph"
        );
        assert_eq!(moved_start(&a, at("وأضاف"), false), None);
    }

    proptest::proptest! {
        /// Moving an edge from anywhere gives what the words of the whole paragraph give.
        #[test]
        fn edges_move_as_over_the_whole_paragraph(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                'a', 'b', '1', ' ', ' ', '.', '،', 'ل', 'ا', '\u{064E}', '\u{00A0}', '\n', '😀',
            ]), 0..200),
            at in 0usize..500,
            later: bool,
        ) {
            let a = Article::from_text("t", chars.into_iter().collect());
            let at = at.min(a.text.len());
            let whole = |p: usize| words::paragraph_words(&a, p);
            let starts = whole(a.paragraph_at(at));
            let expected_start = if later {
                starts.iter().map(|w| w.start).find(|&s| s > at)
            } else {
                starts.iter().rev().map(|w| w.start).find(|&s| s < at)
            };
            proptest::prop_assert_eq!(moved_start(&a, at, later), expected_start);
            let ends = whole(a.paragraph_at(at.saturating_sub(1)));
            let expected_end = if later {
                ends.iter().map(|w| w.end).find(|&e| e > at)
            } else {
                ends.iter().rev().map(|w| w.end).find(|&e| e < at)
            };
            proptest::prop_assert_eq!(moved_end(&a, at, later), expected_end);
        }
    }

    #[test]
    fn rejected_are_hidden_by_default_and_layers_toggle() {
        let mut layers = Layers::default();
        assert!(!layers.shows(ItemKind::Entity, Some("ORG"), ReviewStatus::Rejected));
        assert!(layers.shows(ItemKind::Entity, Some("ORG"), ReviewStatus::Suggested));
        layers.rejected = true;
        assert!(layers.shows(ItemKind::Entity, Some("ORG"), ReviewStatus::Rejected));
        layers.toggle_label("ORG");
        assert!(!layers.shows(ItemKind::Entity, Some("ORG"), ReviewStatus::Accepted));
        assert!(layers.shows(ItemKind::Entity, Some("GPE"), ReviewStatus::Accepted));
        layers.toggle_label("ORG");
        layers.suggestions = false;
        assert!(!layers.shows(ItemKind::Claim, None, ReviewStatus::Suggested));
        assert!(layers.shows(ItemKind::Claim, None, ReviewStatus::Accepted));
        layers.claims = false;
        assert!(!layers.shows(ItemKind::Claim, None, ReviewStatus::Accepted));
    }
}

//! `*` and `#`: stepping through every mention of the source or entity under the cursor. A
//! source's mentions are the sources that stand for it after `same_as` (its canonical source)
//! and those naming the same entity (`entity_id`); an entity's are the entities with the same
//! text once normalised (harakat, tatweel and letter variants ignored) and the sources naming
//! any of them. Without an annotation under the cursor the word itself is searched, as vim's `*`.

use std::collections::HashSet;
use std::ops::Range;

use crate::annotate::isnad::Isnad;
use crate::annotate::{AnnotationSet, Item, ReviewStatus};
use crate::app::App;
use crate::article::Article;
use crate::text::normalize::normalize_str;

/// The spans of every mention of what `item` names, in text order (`item` among them).
pub fn mention_ranges(set: &AnnotationSet, article: &Article, item: &Item) -> Vec<Range<usize>> {
    let live = |s: ReviewStatus| s != ReviewStatus::Rejected;
    let isnad = Isnad::new(set, article, None);
    let mut entity_ids: HashSet<&str> = HashSet::new();
    let mut source_ids: HashSet<&str> = HashSet::new();
    match item {
        Item::Source(s) => {
            source_ids.extend(isnad.mentions(&s.id).into_iter().map(|m| m.id.as_str()));
            entity_ids.extend(
                set.sources
                    .iter()
                    .filter(|m| source_ids.contains(m.id.as_str()))
                    .filter_map(|m| m.entity_id.as_deref()),
            );
        }
        Item::Entity(e) => {
            let text = normalize_str(e.span.text(article));
            entity_ids.extend(
                set.entities
                    .iter()
                    .filter(|x| {
                        live(x.review.status) && normalize_str(x.span.text(article)) == text
                    })
                    .map(|x| x.id.as_str()),
            );
        }
        Item::Claim(_) | Item::Attribution(_) => return Vec::new(),
    }
    // the sources naming one of the entities, and every mention of those sources
    let naming: Vec<&str> = set
        .sources
        .iter()
        .filter(|s| {
            s.entity_id
                .as_deref()
                .is_some_and(|e| entity_ids.contains(e))
        })
        .map(|s| s.id.as_str())
        .collect();
    for id in naming {
        source_ids.extend(isnad.mentions(id).into_iter().map(|m| m.id.as_str()));
    }
    let sources = set
        .sources
        .iter()
        .filter(|s| live(s.review.status) && source_ids.contains(s.id.as_str()))
        .filter_map(|s| s.span.map(|x| x.range()));
    let entities = set
        .entities
        .iter()
        .filter(|e| live(e.review.status) && entity_ids.contains(e.id.as_str()))
        .map(|e| e.span.range());
    let mut ranges: Vec<Range<usize>> = sources.chain(entities).collect();
    ranges.sort_by_key(|r| (r.start, r.end));
    // a source and the entity it names often share their words: one stop
    ranges.dedup_by(|b, a| b.start < a.end);
    ranges
}

/// Which of `ranges` (in text order) comes after (`forward`) or before the one at byte `at`,
/// wrapping around; from outside them, the nearest after or before.
fn next_mention(ranges: &[Range<usize>], at: usize, forward: bool) -> usize {
    let total = ranges.len();
    let here = ranges
        .iter()
        .position(|r| r.start <= at && at < r.end.max(r.start + 1));
    match (here, forward) {
        (Some(i), true) => (i + 1) % total.max(1),
        (Some(i), false) => (i + total - 1) % total.max(1),
        (None, true) => ranges.iter().position(|r| r.start > at).unwrap_or(0),
        (None, false) => ranges
            .iter()
            .rposition(|r| r.start < at)
            .unwrap_or(total.saturating_sub(1)),
    }
}

impl App {
    /// `*` (`forward`) and `#`: the next or previous mention of the source or entity under the
    /// cursor, wrapping around; the word under the cursor is searched when it is neither.
    pub(super) fn step_mention(&mut self, forward: bool) {
        let Some(cursor) = self.reader.cursor.clone() else {
            return;
        };
        let item = match self.session.current_item(&self.reader) {
            Some(Item::Attribution(a)) => self
                .session
                .store
                .as_ref()
                .and_then(|s| s.set().get(&a.source_id)),
            other => other,
        };
        let ranges = match (&self.session.store, &item) {
            (Some(store), Some(item @ (Item::Source(_) | Item::Entity(_)))) => {
                mention_ranges(store.set(), &self.reader.article, item)
            }
            _ => return self.search_word(cursor, forward),
        };
        let next = next_mention(&ranges, cursor.start, forward);
        let Some(target) = ranges.get(next).cloned() else {
            return;
        };
        let what = self.mention_name(item.as_ref(), &target);
        // the cursor is a word: the first word of the mention
        let page = self.page();
        self.reader.go_to_span(target, page);
        let total = ranges.len();
        self.info(if total == 1 {
            format!("«{what}»: the only mention")
        } else {
            format!("«{what}»: mention {} of {total}", next + 1)
        });
    }

    /// `*` and `#` on a word that is no source or entity: search for the word, as vim does.
    fn search_word(&mut self, word: Range<usize>, forward: bool) {
        let word = self.reader.article.text.get(word).unwrap_or("").to_owned();
        let page = self.page();
        let mut note = self.reader.start_search(page, word);
        if !forward && note.is_some() {
            note = Some(self.reader.step_search(page, false));
        }
        self.say(note);
    }

    /// What the mention at `target` is called in the status bar: a source's name (after
    /// `same_as`), else the mention's words.
    fn mention_name(&self, item: Option<&Item>, target: &Range<usize>) -> String {
        match (item, &self.session.store) {
            (Some(Item::Source(s)), Some(store)) => {
                Isnad::new(store.set(), &self.reader.article, None).name(&s.id)
            }
            (Some(Item::Source(_)), None) => String::new(),
            _ => crate::annotate::isnad::collapse(
                self.reader.article.text.get(target.clone()).unwrap_or(""),
            ),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::annotate::{Entity, Label, Source};

    const TEXT: &str =
        "قال مصدر مسؤول إن الوزير وصل. وأكد المصدر أن الوزير غادر. وقال الوزير إنه عاد.";

    fn range(text: &str, word: &str, nth: usize) -> Range<usize> {
        let start = text.match_indices(word).nth(nth).unwrap().0;
        start..start + word.len()
    }

    #[test]
    fn a_source_steps_through_its_same_as_mentions_and_an_entity_through_its_text() {
        let article = Article::from_text("t", TEXT.to_owned());
        let mut set = AnnotationSet::default();
        let first = Source::by_human(&article, range(TEXT, "مصدر مسؤول", 0), "t").unwrap();
        let mut later = Source::by_human(&article, range(TEXT, "المصدر", 0), "t").unwrap();
        later.same_as = Some(first.id.clone());
        let other = Source::by_human(&article, range(TEXT, "الوزير", 2), "t").unwrap();
        set.sources = vec![first.clone(), later, other];
        let minister: Vec<Entity> = (0..3)
            .map(|n| {
                Entity::by_human(
                    &article,
                    range(TEXT, "الوزير", n),
                    Label::parse("PERSON").unwrap(),
                    "t",
                )
                .unwrap()
            })
            .collect();
        set.entities = minister.clone();
        set.sort();
        let got = mention_ranges(&set, &article, &Item::Source(first));
        assert_eq!(
            got,
            vec![range(TEXT, "مصدر مسؤول", 0), range(TEXT, "المصدر", 0)]
        );
        let got = mention_ranges(&set, &article, &Item::Entity(minister[0].clone()));
        assert_eq!(
            got,
            (0..3).map(|n| range(TEXT, "الوزير", n)).collect::<Vec<_>>()
        );
    }
}

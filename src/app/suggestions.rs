//! Reviewing suggestions of every kind with `]`, `[`, `a`, `x`: entities, sources, claims and
//! attributions (the cue suggester's source–cue–claim triples) are stepped through in text
//! order and accepted or rejected with their links.
//!
//! Linked suggestions are reviewed together, as one undo step, because a triple is one
//! decision for the reader: accepting a claim or an attribution also accepts the pending
//! attributions of that claim and their pending sources; rejecting a claim or a source also
//! rejects its pending attributions (a link to a rejected end means nothing), while the other
//! end stays pending, since a source may back other claims.

use std::ops::Range;

use crate::annotate::{AnnotationSet, Edit, Item, ItemKind, ReviewStatus};
use crate::app::App;
use crate::app::reader::Reader;
use crate::app::review::Layers;
use crate::app::session::Session;

/// Where an item is in the text: its span, or for an attribution its cue (its claim's span
/// when it has no cue). Pro-drop sources without a span have none.
pub fn item_range(set: &AnnotationSet, item: &Item) -> Option<Range<usize>> {
    match item {
        Item::Attribution(a) => a.cue.map(|c| c.range()).or_else(|| {
            set.claims
                .iter()
                .find(|c| c.id == a.claim_id)
                .map(|c| c.span.range())
        }),
        other => other.span().map(|s| s.range()),
    }
}

/// Order of kinds at the same span: the one a reader decides on first.
fn kind_rank(kind: ItemKind) -> u8 {
    match kind {
        ItemKind::Claim => 0,
        ItemKind::Source => 1,
        ItemKind::Attribution => 2,
        ItemKind::Entity => 3,
    }
}

/// Pending (suggested) items of the shown layers with a place in the text, in text order.
/// An attribution is shown when both of its ends are.
pub fn pending_items(set: &AnnotationSet, layers: &Layers) -> Vec<(Range<usize>, Item)> {
    let shown = |item: &Item| match item {
        Item::Attribution(a) => [&a.claim_id, &a.source_id]
            .into_iter()
            .all(|end| set.get(end).is_none_or(|i| layers.shows_item(&i))),
        other => layers.shows_item(other),
    };
    let mut pending: Vec<(Range<usize>, Item)> = set
        .items()
        .filter(|i| i.review().status == ReviewStatus::Suggested)
        .filter(shown)
        .filter_map(|i| item_range(set, &i).map(|r| (r, i)))
        .collect();
    pending.sort_by_key(|(r, i)| (r.start, r.end, kind_rank(i.kind())));
    pending
}

/// The edits that review `id` with `status`, with its linked suggestions (see the module doc).
pub fn review_edits(set: &AnnotationSet, id: &str, status: ReviewStatus, by: &str) -> Vec<Edit> {
    let Some(item) = set.get(id) else {
        return Vec::new();
    };
    let mut ids: Vec<String> = vec![id.to_owned()];
    let pending = |other: &str| {
        set.get(other)
            .is_some_and(|i| i.review().status == ReviewStatus::Suggested)
    };
    let accept = status == ReviewStatus::Accepted;
    let links_of = |claim_or_source: &str| -> Vec<&crate::annotate::Attribution> {
        set.attributions
            .iter()
            .filter(|a| a.claim_id == claim_or_source || a.source_id == claim_or_source)
            .filter(|a| a.review.status == ReviewStatus::Suggested)
            .collect()
    };
    match &item {
        Item::Claim(c) => {
            for a in links_of(&c.id) {
                ids.push(a.id.clone());
                if accept && pending(&a.source_id) {
                    ids.push(a.source_id.clone());
                }
            }
        }
        Item::Source(s) if !accept => ids.extend(links_of(&s.id).iter().map(|a| a.id.clone())),
        Item::Attribution(a) if accept => {
            ids.extend(
                [&a.claim_id, &a.source_id]
                    .into_iter()
                    .filter(|x| pending(x))
                    .cloned(),
            );
        }
        _ => {}
    }
    let mut seen = std::collections::HashSet::new();
    ids.into_iter()
        .filter(|x| seen.insert(x.clone()))
        .filter_map(|x| Edit::set_review(set, &x, status, by))
        .collect()
}

impl App {
    /// `]` / `[`: the next or previous pending suggestion of any kind, wrapping; the cursor
    /// covers it.
    pub(super) fn step_suggestion(&mut self, forward: bool) {
        let Some((index, total, range, item)) = self.session.next_pending(&self.reader, forward)
        else {
            self.info("no pending suggestions");
            return;
        };
        let what = describe(&item, &self.reader.article.text, &range);
        self.reader.cursor = Some(range);
        self.reader.focus = Some(item.id().to_owned());
        self.reader.reveal_cursor(self.page());
        self.info(format!(
            "{what} ({} of {total} pending; a accepts, x rejects)",
            index + 1
        ));
    }

    /// `a` / `x`: accept or reject the suggestion under the cursor with its linked
    /// suggestions, then go to the next pending one.
    pub(super) fn review_item(&mut self, accept: bool) {
        let Some(item) = self.session.current_item(&self.reader) else {
            self.info("nothing to review under the cursor (] goes to the next suggestion)");
            return;
        };
        let Some(store) = self.session.store.as_ref() else {
            return;
        };
        let status = if accept {
            ReviewStatus::Accepted
        } else {
            ReviewStatus::Rejected
        };
        let mut edits = review_edits(store.set(), item.id(), status, &self.session.annotator);
        let edit = match edits.len() {
            0 => return,
            1 => edits.remove(0),
            _ => Edit::Batch(edits),
        };
        let applied = self.apply_edit(edit);
        if applied
            && self
                .session
                .store
                .as_ref()
                .is_some_and(|s| !pending_items(s.set(), &self.reader.layers).is_empty())
        {
            // what was decided stays in the message, before where the cursor went next
            let done = self.shell.message.as_ref().map(|m| m.text.clone());
            self.step_suggestion(true);
            if let (Some(done), Some(next)) = (done, self.shell.message.as_ref()) {
                let text = format!("{done} · next: {}", next.text);
                self.info(text);
            }
        }
    }
}

/// Where `]` (`forward`) or `[` goes in `pending` (not empty). From the suggestion last reached
/// (`focus`, still under the cursor) it steps to the neighbouring one; from a plain word cursor
/// `]` goes to the first suggestion starting at that word or after it, so the suggestion under
/// the cursor when an article opens is the first one visited, not skipped.
fn step_index(
    pending: &[(Range<usize>, Item)],
    cursor: Option<&Range<usize>>,
    focus: Option<&str>,
    forward: bool,
) -> usize {
    let len = pending.len();
    let current = pending
        .iter()
        .position(|(r, item)| Some(item.id()) == focus && Some(r) == cursor);
    let start = cursor.map_or(0, |c| c.start);
    match (current, forward) {
        (Some(i), true) => (i + 1) % len,
        (Some(i), false) => (i + len - 1) % len,
        (None, true) => pending
            .iter()
            .position(|(r, _)| r.start >= start)
            .unwrap_or(0),
        (None, false) => pending
            .iter()
            .rposition(|(r, _)| r.start < start)
            .unwrap_or(len - 1),
    }
}

impl Session {
    /// The pending suggestion (of the shown layers) `]` (`forward`) or `[` goes to from the
    /// reader's cursor (see [`step_index`]): its index, how many there are, its range, the item.
    pub fn next_pending(
        &self,
        reader: &Reader,
        forward: bool,
    ) -> Option<(usize, usize, Range<usize>, Item)> {
        let pending = pending_items(self.store.as_ref()?.set(), &reader.layers);
        if pending.is_empty() {
            return None;
        }
        let index = step_index(
            &pending,
            reader.cursor.as_ref(),
            reader.focus.as_deref(),
            forward,
        );
        let total = pending.len();
        let (range, item) = pending.into_iter().nth(index)?;
        Some((index, total, range, item))
    }
}

/// A short description of a pending item for the status bar.
fn describe(item: &Item, text: &str, range: &Range<usize>) -> String {
    // quoted and shortened, so the count after it stays in the status bar
    let exact = crate::annotate::describe::quote(text.get(range.clone()).unwrap_or(""));
    match item {
        Item::Entity(e) => format!("{} {exact}", e.label.as_str()),
        Item::Source(s) => format!("source ({}) {exact}", s.source_type.words()),
        Item::Claim(c) => format!("claim ({}) {exact}", c.claim_type.words()),
        Item::Attribution(_) => format!("attribution, cue {exact}"),
    }
}

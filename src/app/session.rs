//! The annotating session's part of the state and what it does on its own: the annotation store
//! (with its undo history and review statuses), who annotates, how annotation files are found,
//! what is unsaved and when saving is due (the loop performs the save, since it is I/O), edits,
//! undo/redo, imports, and the counts the status bar shows.

mod at_cursor;
mod edits;

pub use edits::Planned;

use std::time::{Duration, Instant};

use crate::annotate::describe::{describe_change, describe_refusal};
use crate::annotate::{
    AnnotationStore, Edit, Item, ReviewStatus, SaveOutcome, SaveReport, StoreOptions,
};
use crate::app::shell::{Message, MessageKind, Note};

/// Said when an article has no annotation store (the sample, tests without files).
pub const NO_STORE: &str = "annotations are not available for this article";

/// Save once the user paused this long after a change…
const SAVE_AFTER_PAUSE: Duration = Duration::from_millis(300);
/// …or at the latest this long after the first unsaved change.
const SAVE_AT_LATEST: Duration = Duration::from_millis(700);

/// When unsaved changes were made.
#[derive(Debug, Clone, Copy)]
pub struct Unsaved {
    pub first: Instant,
    pub last: Instant,
}

pub struct Session {
    /// The article's annotations; `None` when they are not available (tests without files).
    pub store: Option<AnnotationStore>,
    /// Name recorded as `by` on annotations.
    pub annotator: String,
    /// How to find annotation files for articles opened with `:e`.
    pub store_options: Option<StoreOptions>,
    /// Unsaved annotation changes, for autosave timing.
    pub unsaved: Option<Unsaved>,
    /// The annotations being opened in the background (`store` is `None` meanwhile).
    pub opening: Option<crate::app::opening::Opening>,
}

impl Default for Session {
    fn default() -> Self {
        Self {
            store: None,
            annotator: "analyst".to_owned(),
            store_options: None,
            unsaved: None,
            opening: None,
        }
    }
}

impl Session {
    /// Remembers that a change was made at `now` (for the autosave timing).
    pub fn note_change(&mut self, now: Instant) {
        self.unsaved = Some(match self.unsaved {
            Some(u) => Unsaved { last: now, ..u },
            None => Unsaved {
                first: now,
                last: now,
            },
        });
    }

    /// Applies one edit (one undo step); says what was done, or why not.
    pub fn apply(&mut self, edit: Edit, now: Instant) -> Result<String, String> {
        let Some(store) = self.store.as_mut() else {
            return Err(self.no_store());
        };
        let applied = match store.apply(edit) {
            Ok(applied) => applied.clone(),
            Err(crate::annotate::StoreError::Edit(refused)) => {
                return Err(describe_refusal(
                    &refused,
                    store.set(),
                    &store.article().text,
                ));
            }
            Err(e) => return Err(e.to_string()),
        };
        let done = describe_change(&applied, store.set(), &store.article().text);
        self.note_change(now);
        Ok(done)
    }

    /// Why the store refused an edit, in words naming the items by their text.
    pub fn refusal(&self, refused: &crate::annotate::EditError) -> String {
        match &self.store {
            Some(store) => describe_refusal(refused, store.set(), &store.article().text),
            None => self.no_store(),
        }
    }

    /// `u` / `Ctrl-r`: undoes or redoes the last change.
    pub fn undo_redo(&mut self, redo: bool, now: Instant) -> Note {
        let Some(store) = self.store.as_mut() else {
            return Note::error(self.no_store());
        };
        if let Some(reason) = store.read_only_reason() {
            return Note::error(format!("annotations are read-only: {reason}"));
        }
        let done = if redo { store.redo() } else { store.undo() }.cloned();
        match done.map(|a| describe_change(&a, store.set(), &store.article().text)) {
            Some(what) => {
                self.note_change(now);
                Note::info(format!(
                    "{}: {what}",
                    if redo { "redone" } else { "undone" }
                ))
            }
            None => Note::info(if redo {
                "nothing to redo"
            } else {
                "nothing to undo"
            }),
        }
    }

    /// Adds items from `:import` as suggestions (one undo step), skipping mentions already
    /// annotated with the same span and label (whatever their review state, so rejected ones
    /// stay rejected).
    pub fn add_imported(&mut self, items: Vec<Item>, summary: &str, now: Instant) -> Note {
        let Some(store) = self.store.as_mut() else {
            return Note::error(self.no_store());
        };
        let fresh: Vec<Edit> = crate::extract::import::only_new(store.set(), items)
            .into_iter()
            .map(Edit::Add)
            .collect();
        let added = fresh.len();
        if added == 0 {
            return Note::info(format!("{summary}; nothing new"));
        }
        match self.apply(Edit::Batch(fresh), now) {
            Ok(_) => Note::info(format!("{summary}; {added} new suggestions (u undoes)")),
            Err(e) => Note::error(e),
        }
    }

    /// Whether the autosave delay has passed since unsaved changes.
    pub fn autosave_due(&self, now: Instant) -> bool {
        self.unsaved.is_some_and(|u| {
            now.duration_since(u.last) >= SAVE_AFTER_PAUSE
                || now.duration_since(u.first) >= SAVE_AT_LATEST
        }) && self.store.as_ref().is_some_and(AnnotationStore::is_dirty)
    }

    /// The loop saved the store (`explicit`: asked for, so say so): what to tell the user,
    /// given the message on screen now (`shown`).
    pub fn saved(
        &mut self,
        explicit: bool,
        result: Result<SaveReport, String>,
        shown: Option<&Message>,
    ) -> Option<Note> {
        let is_error_starting = |prefix: &str| {
            shown.is_some_and(|m| m.kind == MessageKind::Error && m.text.starts_with(prefix))
        };
        let report = match result {
            Ok(report) => report,
            Err(e) => {
                // The autosave retries on every tick while the problem lasts (a full disk):
                // keep a longer message about the same failure (the quit hint) in sight.
                let text = format!("not saved: {e}");
                return (!is_error_starting(&text)).then(|| Note::error(text));
            }
        };
        self.unsaved = None;
        let mut text = match &report.outcome {
            SaveOutcome::Written { .. } => format!("saved {}", report.path.display()),
            SaveOutcome::Unchanged => "no changes to save".to_owned(),
            // edits to a read-only store are refused, so there is nothing to lose
            SaveOutcome::ReadOnly(why) => {
                return explicit
                    .then(|| Note::error(format!("annotations are read-only, not saved: {why}")));
            }
        };
        // a failed save's message would still say "not saved" after this one succeeded
        let stale = is_error_starting("not saved");
        if let Some(warning) = &report.warning {
            text = format!("{text}; {warning}");
        }
        if let Some(merged) = &report.merged {
            text = format!("{text}; merged with changes made on disk: {merged}");
            Some(Note::info(text))
        } else if explicit || stale || report.warning.is_some() {
            Some(Note::info(text))
        } else {
            None
        }
    }

    /// The article's review counts for the status bar ("5 pending · 3 accepted · 1 rejected ",
    /// corrections counting as accepted), empty when there is nothing yet.
    pub fn progress(&self) -> String {
        let Some(store) = &self.store else {
            return String::new();
        };
        let set = store.set();
        let (mut done, mut todo, mut rejected) = (0, 0, 0);
        let mut count = |status: ReviewStatus| match status {
            ReviewStatus::Accepted | ReviewStatus::Corrected => done += 1,
            ReviewStatus::Suggested => todo += 1,
            ReviewStatus::Rejected => rejected += 1,
        };
        set.entities.iter().for_each(|x| count(x.review.status));
        set.sources.iter().for_each(|x| count(x.review.status));
        set.claims.iter().for_each(|x| count(x.review.status));
        set.attributions.iter().for_each(|x| count(x.review.status));
        let parts: Vec<String> = [
            (todo, "pending"),
            (done, "accepted"),
            (rejected, "rejected"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        if parts.is_empty() {
            String::new()
        } else {
            format!("{} ", parts.join(" · "))
        }
    }

    /// One line per orphan: what it is (its label, `claim`, `source`, `link`) and the text it
    /// was anchored to, never its internal id.
    pub fn orphan_lines(&self) -> Vec<String> {
        let Some(store) = &self.store else {
            return Vec::new();
        };
        store
            .set()
            .orphans
            .iter()
            .map(|o| {
                let id = o["id"].as_str().unwrap_or("");
                let kind = match crate::annotate::kind_of_id(id) {
                    Some(crate::annotate::ItemKind::Entity) => {
                        o["label"].as_str().unwrap_or("entity")
                    }
                    Some(crate::annotate::ItemKind::Claim) => "claim",
                    Some(crate::annotate::ItemKind::Source) => "source",
                    Some(crate::annotate::ItemKind::Attribution) => "link",
                    None => "item",
                };
                let exact = o["span"]["exact"]
                    .as_str()
                    .or_else(|| o["cue"]["span"]["exact"].as_str())
                    .unwrap_or("");
                format!("{kind} «{exact}»")
            })
            .collect()
    }

    /// Status-bar marker: `[+]` unsaved, `[RO]` read-only, nothing otherwise.
    pub fn annotation_marker(&self) -> &'static str {
        match &self.store {
            Some(s) if s.is_read_only() => "[RO]",
            Some(s) if s.is_dirty() => "[+]",
            _ => "",
        }
    }
}

//! Annotating from the reader: the selection (started with `v`, extended by word motions and
//! mouse drags), tagging it as a source or claim, undo/redo, and when saving is due (within a
//! second of a change; the loop performs the save, since it is I/O).

use std::ops::Range;
use std::time::{Duration, Instant};

use std::path::Path;

use crate::annotate::{AnnotationStore, Claim, Edit, Entity, Item, ReviewStatus, Source};
use crate::app::{Action, App, Effect};
use crate::cli::{ExportArgs, ExportFormat};
use crate::config::theme::Slot;

/// Save once the user paused this long after a change…
const SAVE_AFTER_PAUSE: Duration = Duration::from_millis(300);
/// …or at the latest this long after the first unsaved change.
const SAVE_AT_LATEST: Duration = Duration::from_millis(700);

/// What to tag a selection as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagKind {
    Source,
    Claim,
}

/// When unsaved changes were made.
#[derive(Debug, Clone, Copy)]
pub struct Unsaved {
    pub first: Instant,
    pub last: Instant,
}

impl App {
    /// The selected byte range: from the anchor word to the cursor word, in either order.
    pub fn selection(&self) -> Option<Range<usize>> {
        let anchor = self.selection_anchor.as_ref()?;
        let cursor = self.cursor.as_ref().unwrap_or(anchor);
        Some(anchor.start.min(cursor.start)..anchor.end.max(cursor.end))
    }

    pub(super) fn toggle_selection(&mut self) {
        if self.selection_anchor.is_some() {
            self.selection_anchor = None;
        } else {
            self.selection_anchor = self.cursor.clone();
        }
    }

    fn note_change(&mut self) {
        let now = Instant::now();
        self.unsaved = Some(match self.unsaved {
            Some(u) => Unsaved { last: now, ..u },
            None => Unsaved {
                first: now,
                last: now,
            },
        });
    }

    pub(super) fn tag(&mut self, kind: TagKind) {
        let Some(range) = self.selection().or_else(|| self.cursor.clone()) else {
            self.info("nothing to tag: the article has no words");
            return;
        };
        let Some(store) = self.store.as_mut() else {
            self.error("annotations are not available for this article");
            return;
        };
        let item = match kind {
            TagKind::Source => {
                Source::by_human(&self.article, range, &self.annotator).map(Item::Source)
            }
            TagKind::Claim => {
                Claim::by_human(&self.article, range, &self.annotator).map(Item::Claim)
            }
        };
        let result = match item {
            Ok(item) => store
                .apply(Edit::Add(item))
                .map(|a| a.describe())
                .map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        match result {
            Ok(done) => {
                self.selection_anchor = None;
                self.note_change();
                self.info(done);
            }
            Err(e) => self.error(e),
        }
    }

    pub(super) fn undo_redo(&mut self, redo: bool) {
        let Some(store) = self.store.as_mut() else {
            self.error("annotations are not available for this article");
            return;
        };
        if let Some(reason) = store.read_only_reason() {
            let reason = reason.to_owned();
            self.error(format!("annotations are read-only: {reason}"));
            return;
        }
        let done = if redo { store.redo() } else { store.undo() }.map(|a| a.describe());
        match done {
            Some(what) => {
                self.note_change();
                self.info(format!(
                    "{}: {what}",
                    if redo { "redone" } else { "undone" }
                ));
            }
            None => self.info(if redo {
                "nothing to redo"
            } else {
                "nothing to undo"
            }),
        }
    }

    /// Adds entities from `:import` as suggestions, skipping mentions already annotated with
    /// the same span and label (whatever their review state, so rejected ones stay rejected).
    pub(super) fn add_imported(&mut self, entities: Vec<Entity>, summary: &str) {
        let Some(store) = self.store.as_mut() else {
            self.error("annotations are not available for this article");
            return;
        };
        let existing: std::collections::HashSet<(usize, usize, String)> = store
            .set()
            .entities
            .iter()
            .map(|e| (e.span.start, e.span.end, e.label.as_str().to_owned()))
            .collect();
        let fresh: Vec<Edit> = entities
            .into_iter()
            .filter(|e| {
                !existing.contains(&(e.span.start, e.span.end, e.label.as_str().to_owned()))
            })
            .map(|e| Edit::Add(Item::Entity(e)))
            .collect();
        let added = fresh.len();
        if added == 0 {
            self.info(format!("{summary}; nothing new"));
            return;
        }
        match store.apply(Edit::Batch(fresh)) {
            Ok(_) => {
                self.note_change();
                self.info(format!("{summary}; {added} new suggestions (u undoes)"));
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    /// `Effect::Save` when the autosave delay has passed since unsaved changes.
    pub(super) fn autosave_due(&self, now: Instant) -> bool {
        self.unsaved.is_some_and(|u| {
            now.duration_since(u.last) >= SAVE_AFTER_PAUSE
                || now.duration_since(u.first) >= SAVE_AT_LATEST
        }) && self.store.as_ref().is_some_and(AnnotationStore::is_dirty)
    }

    /// Saves the annotations (I/O: called by the loop for `Effect::Save` and before quitting or
    /// suspending). Returns false when saving failed, with the error in the status bar.
    pub fn save_annotations(&mut self, explicit: bool) -> bool {
        let Some(store) = self.store.as_mut() else {
            if explicit {
                self.error("annotations are not available for this article");
            }
            return true;
        };
        match store.save() {
            Ok(report) => {
                self.unsaved = None;
                let mut text = match &report.outcome {
                    crate::annotate::SaveOutcome::Written { .. } => {
                        format!("saved {}", report.path.display())
                    }
                    crate::annotate::SaveOutcome::Unchanged => "no changes to save".to_owned(),
                    // edits to a read-only store are refused, so there is nothing to lose
                    crate::annotate::SaveOutcome::ReadOnly(why) => {
                        if explicit {
                            self.error(format!("annotations are read-only, not saved: {why}"));
                        }
                        return true;
                    }
                };
                if let Some(merged) = &report.merged {
                    text = format!("{text} (merged with changes made on disk: {merged:?})");
                    self.info(text);
                } else if explicit {
                    self.info(text);
                }
                true
            }
            Err(e) => {
                self.error(format!("not saved: {e}"));
                false
            }
        }
    }

    /// The article's annotation progress for the status bar ("3 done 5 todo "), empty when
    /// there is nothing yet.
    pub fn progress(&self) -> String {
        let Some(store) = &self.store else {
            return String::new();
        };
        let set = store.set();
        let (mut done, mut todo) = (0, 0);
        let mut count = |status: ReviewStatus| match status {
            ReviewStatus::Accepted | ReviewStatus::Corrected => done += 1,
            ReviewStatus::Suggested => todo += 1,
            ReviewStatus::Rejected => {}
        };
        set.entities.iter().for_each(|x| count(x.review.status));
        set.sources.iter().for_each(|x| count(x.review.status));
        set.claims.iter().for_each(|x| count(x.review.status));
        set.attributions.iter().for_each(|x| count(x.review.status));
        if done + todo == 0 {
            String::new()
        } else {
            format!("{done} done {todo} todo  ")
        }
    }

    /// Status-bar marker: `[+]` unsaved, `[RO]` read-only, nothing otherwise.
    pub fn annotation_marker(&self) -> &'static str {
        match &self.store {
            Some(s) if s.is_read_only() => "[RO]",
            Some(s) if s.is_dirty() => "[+]",
            _ => "",
        }
    }

    /// Annotated ranges overlapping `range`, with the slot to draw them in (sources and claims
    /// by kind, entities by label; suggestions additionally in the `suggested` slot).
    pub fn marks_in(&self, range: &Range<usize>) -> Vec<(Range<usize>, Slot, bool)> {
        let Some(store) = &self.store else {
            return Vec::new();
        };
        let set = store.set();
        let overlaps = |r: &Range<usize>| r.start < range.end && range.start < r.end;
        let suggested = |s: ReviewStatus| s == ReviewStatus::Suggested;
        let mut out = Vec::new();
        for c in &set.claims {
            if overlaps(&c.span.range()) && c.review.status != ReviewStatus::Rejected {
                out.push((c.span.range(), Slot::Claim, suggested(c.review.status)));
            }
        }
        for s in &set.sources {
            if let Some(span) = s.span
                && overlaps(&span.range())
                && s.review.status != ReviewStatus::Rejected
            {
                out.push((span.range(), Slot::Source, suggested(s.review.status)));
            }
        }
        for e in &set.entities {
            if overlaps(&e.span.range()) && e.review.status != ReviewStatus::Rejected {
                out.push((
                    e.span.range(),
                    entity_slot(e.label.as_str()),
                    suggested(e.review.status),
                ));
            }
        }
        for a in &set.attributions {
            if let Some(cue) = a.cue
                && overlaps(&cue.range())
            {
                out.push((cue.range(), Slot::Cue, suggested(a.review.status)));
            }
        }
        out
    }
}

/// The theme slot of an entity label.
pub fn entity_slot(label: &str) -> Slot {
    match label {
        "PERSON" | "PERS" | "PER" => Slot::EntityPerson,
        "ORG" => Slot::EntityOrg,
        "GPE" => Slot::EntityGpe,
        "LOC" => Slot::EntityLoc,
        "FAC" => Slot::EntityFac,
        "NORP" => Slot::EntityNorp,
        "EVENT" => Slot::EntityEvent,
        "DATE" | "TIME" => Slot::EntityDate,
        "NUMBER" | "MONEY" => Slot::EntityNumber,
        _ => Slot::EntityMisc,
    }
}

/// Whether the store's unsaved changes should be written now.
pub fn effect_for_tick(app: &App, now: Instant) -> Effect {
    if app.autosave_due(now) {
        Effect::Save { explicit: false }
    } else {
        Effect::None
    }
}

/// Reads and aligns an extraction file for `:import` (I/O, so called by the loop).
pub fn read_import(app: &App, path: &Path) -> Action {
    let data = match crate::commands::import::read_input(path) {
        Ok(d) => d,
        Err(e) => return Action::Error(e),
    };
    let shown = path.display().to_string();
    match crate::extract::import::import(&app.article.text, &data, &shown, None) {
        Ok(outcome) => {
            let summary = format!("{shown}: {}", outcome.summary());
            Action::Imported(
                crate::extract::imported_entities(&app.article, &outcome),
                summary,
            )
        }
        Err(e) => Action::Error(e.to_string()),
    }
}

/// Writes the saved annotations in another format next to the article (I/O, called by the loop).
pub fn export(app: &App, format: ExportFormat) -> Action {
    let (Some(article_path), Some(store)) = (&app.article.path, &app.store) else {
        return Action::Error(
            "export needs an article file (the sample has none): run isnad FILE".into(),
        );
    };
    let args = ExportArgs {
        file: article_path.clone(),
        to: format,
        out: None,
    };
    let mut out = Vec::new();
    match crate::commands::export::run(&args, Some(store.path()), &mut out) {
        Ok(_) => Action::Info(String::from_utf8_lossy(&out).trim().to_owned()),
        Err(e) => Action::Error(e),
    }
}

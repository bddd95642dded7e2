//! Annotating from the reader: the selection (started with `v`, extended by word motions and
//! mouse drags), tagging it as a source or claim, undo/redo, and when saving is due (within a
//! second of a change; the loop performs the save, since it is I/O).

use std::ops::Range;
use std::time::{Duration, Instant};

use crate::annotate::describe::describe_change;
use crate::annotate::{AnnotationStore, Claim, Edit, Entity, Item, ReviewStatus, Source};
use crate::app::{App, Effect};
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
        let anchor = self.reader.selection_anchor.as_ref()?;
        let cursor = self.reader.cursor.as_ref().unwrap_or(anchor);
        Some(anchor.start.min(cursor.start)..anchor.end.max(cursor.end))
    }

    pub(super) fn toggle_selection(&mut self) {
        if self.reader.selection_anchor.is_some() {
            self.reader.selection_anchor = None;
        } else {
            self.reader.selection_anchor = self.reader.cursor.clone();
        }
    }

    fn note_change(&mut self) {
        let now = self.shell.now;
        self.session.unsaved = Some(match self.session.unsaved {
            Some(u) => Unsaved { last: now, ..u },
            None => Unsaved {
                first: now,
                last: now,
            },
        });
    }

    pub(super) fn tag(&mut self, kind: TagKind) {
        let Some(range) = self.selection().or_else(|| self.reader.cursor.clone()) else {
            self.info("nothing to tag: the article has no words");
            return;
        };
        let Some(store) = self.session.store.as_mut() else {
            self.error("annotations are not available for this article");
            return;
        };
        let item = match kind {
            TagKind::Source => {
                Source::by_human(&self.reader.article, range, &self.session.annotator)
                    .map(Item::Source)
            }
            TagKind::Claim => Claim::by_human(&self.reader.article, range, &self.session.annotator)
                .map(Item::Claim),
        };
        let id = item.as_ref().map(|i| i.id().to_owned()).ok();
        let result = match item {
            Ok(item) => {
                let text = &self.reader.article.text;
                store
                    .apply(Edit::Add(item))
                    .cloned()
                    .map(|a| describe_change(&a, store.set(), text))
                    .map_err(|e| e.to_string())
            }
            Err(e) => Err(e.to_string()),
        };
        match result {
            Ok(done) => {
                // the new claim or source is what l, t, V and C act on next
                self.reader.focus = id;
                self.reader.selection_anchor = None;
                self.note_change();
                self.info(done);
            }
            Err(e) => self.error(e),
        }
    }

    pub(super) fn undo_redo(&mut self, redo: bool) {
        let Some(store) = self.session.store.as_mut() else {
            self.error("annotations are not available for this article");
            return;
        };
        if let Some(reason) = store.read_only_reason() {
            let reason = reason.to_owned();
            self.error(format!("annotations are read-only: {reason}"));
            return;
        }
        let text = &self.reader.article.text;
        let done = if redo { store.redo() } else { store.undo() }
            .cloned()
            .map(|a| describe_change(&a, store.set(), text));
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
    pub(super) fn add_imported(&mut self, items: Vec<Item>, summary: &str) {
        let Some(store) = self.session.store.as_mut() else {
            self.error("annotations are not available for this article");
            return;
        };
        let fresh: Vec<Edit> = crate::extract::import::only_new(store.set(), items)
            .into_iter()
            .map(Edit::Add)
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
        self.session.unsaved.is_some_and(|u| {
            now.duration_since(u.last) >= SAVE_AFTER_PAUSE
                || now.duration_since(u.first) >= SAVE_AT_LATEST
        }) && self
            .session
            .store
            .as_ref()
            .is_some_and(AnnotationStore::is_dirty)
    }

    /// Saves the annotations (I/O: called by the loop for `Effect::Save` and before quitting or
    /// suspending). Returns false when saving failed, with the error in the status bar.
    /// Keeps a copy of annotation changes that could not be saved when isnad has to exit
    /// anyway (a signal, a lost terminal): in the data directory's `recovery/` folder, else in
    /// the temporary directory (a full disk may hold the first and not the second). Returns
    /// what to tell the user on the way out; `None` when nothing was unsaved.
    pub fn rescue_unsaved(&self) -> Option<String> {
        let store = self.session.store.as_ref()?;
        if !store.is_dirty() || store.is_read_only() {
            return None;
        }
        let text = store.unsaved_json();
        let name = store
            .path()
            .file_name()
            .map_or_else(|| "annotations.isnad.json".into(), |n| n.to_string_lossy());
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let file_name = format!("{stamp}-{name}");
        let dirs = [
            self.paths.data_dir.join("recovery"),
            std::env::temp_dir().join("isnad-recovery"),
        ];
        let mut failures = Vec::new();
        for dir in dirs {
            let path = dir.join(&file_name);
            let written = std::fs::create_dir_all(&dir)
                .map_err(|e| e.to_string())
                .and_then(|()| {
                    crate::annotate::store::write_atomic(&path, text.as_bytes(), || Ok(()))
                        .map_err(|e| e.to_string())
                });
            match written {
                Ok(_) => {
                    return Some(format!(
                        "the annotations could not be saved to {}; the unsaved changes are in {}",
                        store.path().display(),
                        path.display()
                    ));
                }
                Err(e) => failures.push(format!("{}: {e}", dir.display())),
            }
        }
        Some(format!(
            "the annotations could not be saved to {}, nor a copy kept ({}): \
             the last changes are lost",
            store.path().display(),
            failures.join("; ")
        ))
    }

    pub fn save_annotations(&mut self, explicit: bool) -> bool {
        let Some(store) = self.session.store.as_mut() else {
            if explicit {
                self.error("annotations are not available for this article");
            }
            return true;
        };
        match store.save() {
            Ok(report) => {
                self.session.unsaved = None;
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
                // a failed save's message would still say "not saved" after this one succeeded
                let stale = self.shell.message.as_ref().is_some_and(|m| {
                    matches!(m.kind, crate::app::MessageKind::Error)
                        && m.text.starts_with("not saved")
                });
                if let Some(warning) = &report.warning {
                    text = format!("{text}; {warning}");
                }
                if let Some(merged) = &report.merged {
                    text = format!("{text}; merged with changes made on disk: {merged}");
                    self.info(text);
                } else if explicit || stale || report.warning.is_some() {
                    self.info(text);
                }
                true
            }
            Err(e) => {
                // The autosave retries on every tick while the problem lasts (a full disk):
                // keep a longer message about the same failure (the quit hint) in sight.
                let text = format!("not saved: {e}");
                let shown = self.shell.message.as_ref().is_some_and(|m| {
                    matches!(m.kind, crate::app::MessageKind::Error) && m.text.starts_with(&text)
                });
                if !shown {
                    self.error(text);
                }
                false
            }
        }
    }

    /// The article's review counts for the status bar ("5 pending · 3 accepted · 1 rejected ",
    /// corrections counting as accepted), empty when there is nothing yet.
    pub fn progress(&self) -> String {
        let Some(store) = &self.session.store else {
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

    /// One line per orphan: its id and the text it was anchored to.
    pub fn orphan_lines(&self) -> Vec<String> {
        let Some(store) = &self.session.store else {
            return Vec::new();
        };
        store
            .set()
            .orphans
            .iter()
            .map(|o| {
                let id = o["id"].as_str().unwrap_or("?");
                let exact = o["span"]["exact"]
                    .as_str()
                    .or_else(|| o["cue"]["span"]["exact"].as_str())
                    .unwrap_or("");
                format!("{id}  {exact}")
            })
            .collect()
    }

    /// Status-bar marker: `[+]` unsaved, `[RO]` read-only, nothing otherwise.
    pub fn annotation_marker(&self) -> &'static str {
        match &self.session.store {
            Some(s) if s.is_read_only() => "[RO]",
            Some(s) if s.is_dirty() => "[+]",
            _ => "",
        }
    }

    /// Annotated ranges of the shown layers overlapping `range`, with the slot to draw them in
    /// (sources and claims by kind, entities by label) and their review status (suggestions are
    /// drawn additionally in the `suggested` slot, rejected ones struck through).
    pub fn marks_in(&self, range: &Range<usize>) -> Vec<(Range<usize>, Slot, ReviewStatus)> {
        use crate::annotate::ItemKind;
        let Some(store) = &self.session.store else {
            return Vec::new();
        };
        let set = store.set();
        let layers = &self.reader.layers;
        let overlaps = |r: &Range<usize>| r.start < range.end && range.start < r.end;
        let mut out = Vec::new();
        for c in &set.claims {
            if overlaps(&c.span.range()) && layers.shows(ItemKind::Claim, None, c.review.status) {
                out.push((c.span.range(), Slot::Claim, c.review.status));
            }
        }
        for s in &set.sources {
            if let Some(span) = s.span
                && overlaps(&span.range())
                && layers.shows(ItemKind::Source, None, s.review.status)
            {
                out.push((span.range(), Slot::Source, s.review.status));
            }
        }
        for e in &set.entities {
            let label = e.label.as_str();
            if overlaps(&e.span.range())
                && layers.shows(ItemKind::Entity, Some(label), e.review.status)
            {
                out.push((e.span.range(), entity_slot(label), e.review.status));
            }
        }
        for a in &set.attributions {
            if let Some(cue) = a.cue
                && overlaps(&cue.range())
                && layers.shows(ItemKind::Attribution, None, a.review.status)
            {
                out.push((cue.range(), Slot::Cue, a.review.status));
            }
        }
        // drawn last, so the linked ends stand out over their own colours
        for linked in self.linked_ranges() {
            if overlaps(&linked) {
                out.push((linked, Slot::Linked, ReviewStatus::Accepted));
            }
        }
        out
    }
}

/// The theme slot of an entity label; other tools' spellings (PERS, ORG-GOV) take the colour of
/// the built-in label they map to.
pub fn entity_slot(label: &str) -> Slot {
    use crate::annotate::Label;
    let slots = [
        (Label::PERSON, Slot::EntityPerson),
        (Label::ORG, Slot::EntityOrg),
        (Label::GPE, Slot::EntityGpe),
        (Label::LOC, Slot::EntityLoc),
        (Label::FAC, Slot::EntityFac),
        (Label::NORP, Slot::EntityNorp),
        (Label::EVENT, Slot::EntityEvent),
        (Label::DATE, Slot::EntityDate),
        (Label::TIME, Slot::EntityDate),
        (Label::NUMBER, Slot::EntityNumber),
        (Label::MONEY, Slot::EntityNumber),
    ];
    let Some(built_in) = Label::map_foreign(label) else {
        return Slot::EntityMisc;
    };
    slots
        .into_iter()
        .find(|(l, _)| *l == built_in)
        .map_or(Slot::EntityMisc, |(_, slot)| slot)
}

/// Whether the store's unsaved changes should be written now.
pub fn effect_for_tick(app: &App, now: Instant) -> Effect {
    if app.autosave_due(now) {
        Effect::Save { explicit: false }
    } else {
        Effect::None
    }
}

/// What a label chosen in the picker is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelFor {
    /// Tag this range as a new entity.
    Tag(Range<usize>),
    /// Relabel the entity with this id.
    Relabel(String),
}

/// Articles larger than this get no automatic suggestions on open (extraction would delay
/// opening); `isnad extract` still works on them.
pub const SUGGEST_LIMIT_BYTES: usize = 1024 * 1024;

/// Opens an article's annotations; when there is no annotation file yet, the built-in
/// extractor's suggestions are added (shown at once, written only after the first change).
pub fn open_store(
    article: impl Into<std::sync::Arc<crate::article::Article>>,
    options: &crate::annotate::StoreOptions,
) -> AnnotationStore {
    let mut store = AnnotationStore::open(article, options);
    let fresh = !store.path().exists() && store.set().is_empty() && !store.is_read_only();
    if fresh && store.article().text.len() <= SUGGEST_LIMIT_BYTES {
        let entities = crate::extract::suggest_entities(store.article());
        store.add_suggestions(entities.into_iter().map(Item::Entity));
        // sources, claims and attributions from the cue lexicon: built on a copy of the set
        // (the cue suggester reuses spans already there), then added the same way
        let cues = crate::extract::cues::suggest_article(store.article());
        let mut with_cues = store.set().clone();
        crate::extract::cues::add_to_annotations(&mut with_cues, store.article(), &cues);
        store.add_suggestions(with_cues.items());
    }
    store
}

impl App {
    /// Pending (suggested) entities of the shown layers, in text order.
    fn pending_entities(&self) -> Vec<Entity> {
        let Some(store) = &self.session.store else {
            return Vec::new();
        };
        let mut pending: Vec<Entity> = store
            .set()
            .entities
            .iter()
            .filter(|e| e.review.status == ReviewStatus::Suggested)
            .filter(|e| {
                self.reader.layers.shows(
                    crate::annotate::ItemKind::Entity,
                    Some(e.label.as_str()),
                    e.review.status,
                )
            })
            .cloned()
            .collect();
        pending.sort_by_key(|e| (e.span.start, e.span.end));
        pending
    }

    /// The entity under the cursor: a pending one first, the shortest first.
    fn entity_at_cursor(&self) -> Option<Entity> {
        let store = self.session.store.as_ref()?;
        let at = self.reader.cursor.as_ref()?.start;
        store
            .set()
            .entities
            .iter()
            .filter(|e| e.span.start <= at && at < e.span.end)
            .filter(|e| {
                self.reader.layers.shows(
                    crate::annotate::ItemKind::Entity,
                    Some(e.label.as_str()),
                    e.review.status,
                )
            })
            .min_by_key(|e| {
                (
                    e.review.status != ReviewStatus::Suggested,
                    e.span.end - e.span.start,
                )
            })
            .cloned()
    }

    pub(super) fn apply_edit(&mut self, edit: Edit) -> bool {
        let Some(store) = self.session.store.as_mut() else {
            self.error("annotations are not available for this article");
            return false;
        };
        match store.apply(edit) {
            Ok(applied) => {
                let applied = applied.clone();
                let what = describe_change(&applied, store.set(), &self.reader.article.text);
                self.note_change();
                self.info(what);
                true
            }
            Err(e) => {
                self.error(e.to_string());
                false
            }
        }
    }

    /// `A`: accepts every pending entity with the same text and label as the one under the
    /// cursor, as one undo step.
    pub(super) fn accept_all_same(&mut self) {
        let Some(entity) = self.entity_at_cursor() else {
            self.info("no entity under the cursor");
            return;
        };
        let text = entity.span.text(&self.reader.article).to_owned();
        let edits: Vec<Edit> = self
            .pending_entities()
            .into_iter()
            .filter(|e| e.label == entity.label && e.span.text(&self.reader.article) == text)
            .map(|mut e| {
                e.review
                    .set_status(ReviewStatus::Accepted, &self.session.annotator);
                Edit::Update(Item::Entity(e))
            })
            .collect();
        let count = edits.len();
        if count == 0 {
            self.info("nothing pending with this text and label");
            return;
        }
        if self.apply_edit(Edit::Batch(edits)) {
            self.info(format!(
                "accepted {count} × {} {text}",
                entity.label.as_str()
            ));
        }
    }

    /// Opens the label picker for `e` (tag) or `r` (relabel).
    pub(super) fn pick_label(&mut self, relabel: bool) -> Option<LabelFor> {
        if relabel {
            match self.entity_at_cursor() {
                Some(e) => Some(LabelFor::Relabel(e.id)),
                None => {
                    self.info("no entity under the cursor");
                    None
                }
            }
        } else {
            match self.selection().or_else(|| self.reader.cursor.clone()) {
                Some(range) => Some(LabelFor::Tag(range)),
                None => {
                    self.info("nothing to tag");
                    None
                }
            }
        }
    }

    /// A label was chosen in the picker.
    pub(super) fn label_chosen(&mut self, purpose: LabelFor, label: &str) {
        let Ok(label) = crate::annotate::Label::parse(label) else {
            return;
        };
        match purpose {
            LabelFor::Tag(range) => {
                match Entity::by_human(&self.reader.article, range, label, &self.session.annotator)
                {
                    Ok(e) => {
                        if self.apply_edit(Edit::Add(Item::Entity(e))) {
                            self.reader.selection_anchor = None;
                        }
                    }
                    Err(e) => self.error(e.to_string()),
                }
            }
            LabelFor::Relabel(id) => {
                let found = self
                    .session
                    .store
                    .as_ref()
                    .and_then(|s| s.set().entities.iter().find(|e| e.id == id).cloned());
                if let Some(mut e) = found {
                    e.relabel(label, &self.session.annotator);
                    self.apply_edit(Edit::Update(Item::Entity(e)));
                }
            }
        }
    }
}

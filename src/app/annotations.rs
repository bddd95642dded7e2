//! Annotating from the reader, where the reader's cursor or selection meets the session's
//! store: tagging as a source, claim or entity, accepting all alike, relabelling, and the
//! marks drawn over the text.

use std::ops::Range;

use crate::annotate::{Claim, Edit, Entity, Item, ReviewStatus, Source};
use crate::app::session::Planned;
use crate::app::{App, Effect, Note, Outcome, Overlay};
use crate::config::keymap::KeyPress;
use crate::config::theme::Slot;

/// What to tag a selection as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagKind {
    Source,
    Claim,
}

impl App {
    pub(super) fn tag(&mut self, kind: TagKind) {
        let Some(range) = self.reader.target() else {
            self.info("nothing to tag: the article has no words");
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
            Ok(item) => self.session.apply(Edit::Add(item), self.shell.now),
            Err(e) => Err(e.to_string()),
        };
        match result {
            Ok(done) => {
                // the new claim or source is what l, t, V and C act on next
                self.reader.focus = id;
                self.reader.selection_anchor = None;
                self.info(done);
            }
            Err(e) => self.error(e),
        }
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

/// What a label chosen in the picker is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelFor {
    /// Tag this range as a new entity.
    Tag(Range<usize>),
    /// Relabel the entity with this id.
    Relabel(String),
}

impl App {
    /// Applies an edit to the session's store and says what was done (or why not); true when
    /// it was applied.
    pub(super) fn apply_edit(&mut self, edit: Edit) -> bool {
        match self.session.apply(edit, self.shell.now) {
            Ok(done) => {
                self.info(done);
                true
            }
            Err(e) => {
                self.error(e);
                false
            }
        }
    }

    /// Applies an edit the session built and says what it did, or says why there was none;
    /// true when it was applied.
    pub(super) fn carry_out(&mut self, planned: Result<Planned, Note>) -> bool {
        match planned {
            Ok(Planned { edit, done }) => {
                let applied = self.apply_edit(edit);
                if applied && let Some(done) = done {
                    self.info(done);
                }
                applied
            }
            Err(note) => {
                self.say(note);
                false
            }
        }
    }

    /// `A`: accepts every pending entity with the same text and label as the one under the
    /// cursor, as one undo step.
    pub(super) fn accept_all_same(&mut self) {
        let Some(entity) = self.session.entity_at_cursor(&self.reader) else {
            self.info("no entity under the cursor");
            return;
        };
        let text = entity.span.text(&self.reader.article).to_owned();
        let edits: Vec<Edit> = self
            .session
            .pending_entities(&self.reader)
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
            match self.session.entity_at_cursor(&self.reader) {
                Some(e) => Some(LabelFor::Relabel(e.id)),
                None => {
                    self.info("no entity under the cursor");
                    None
                }
            }
        } else {
            match self.reader.target() {
                Some(range) => Some(LabelFor::Tag(range)),
                None => {
                    self.info("nothing to tag");
                    None
                }
            }
        }
    }

    /// A key in the label picker (`e`, `r`): a `[label]` key tags or relabels, any other key
    /// cancels. The picker closes either way.
    pub(super) fn label_key(&mut self, press: KeyPress) -> Option<Effect> {
        let Overlay::LabelPicker(purpose) = &self.overlay else {
            return None;
        };
        let outcome = purpose.handle(press, &self.settings.keymap);
        let Overlay::LabelPicker(purpose) = std::mem::replace(&mut self.overlay, Overlay::None)
        else {
            return None;
        };
        match outcome {
            Outcome::Chosen(label) => self.label_chosen(purpose, label),
            _ => self.info("cancelled"),
        }
        None
    }

    /// A label was chosen in the picker.
    fn label_chosen(&mut self, purpose: LabelFor, label: &str) {
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

//! The edits the session builds for the claim and source keys (link, attribute pickers, cue,
//! delete, note): each method reads the store and returns the [`Edit`] to apply with what to say
//! once it is applied, or a [`Note`] saying why there is none. The app only dispatches keys and
//! applies what comes back, so every change still goes through one undoable `apply`.

use std::ops::Range;

use crate::annotate::{Attribution, Edit, Item, ReviewStatus};
use crate::app::attributes::{Attribute, ChoicePicker, LinkCandidate, gap};
use crate::app::reader::Reader;
use crate::app::session::Session;
use crate::app::shell::Note;
use crate::config::commands::Command;

/// An edit built for the app to apply, with what to say once it is applied (`None`: the
/// store's own description of the change).
#[derive(Debug)]
pub struct Planned {
    pub edit: Edit,
    pub done: Option<String>,
}

impl Planned {
    fn saying(edit: Edit, done: String) -> Self {
        Self {
            edit,
            done: Some(done),
        }
    }
}

impl Session {
    /// Links `from` (a claim or a source) to `candidate`, or unlinks them when an accepted
    /// link exists. Linking by hand also accepts the ends that were only suggested.
    pub fn link_edit(&self, from: &str, candidate: &LinkCandidate) -> Result<Planned, Note> {
        let set = self
            .store
            .as_ref()
            .ok_or_else(|| Note::error(self.no_store()))?
            .set();
        let (claim_id, source_id) = match set.get(from) {
            Some(Item::Claim(c)) => (c.id, candidate.id.clone()),
            Some(Item::Source(s)) => (candidate.id.clone(), s.id),
            _ => {
                return Err(Note::error(
                    "the claim or source is gone (deleted or undone)",
                ));
            }
        };
        if candidate.linked.is_some() {
            let edit = Edit::unlink(set, &claim_id, &source_id)
                .ok_or_else(|| Note::error("the link is gone (deleted or undone)"))?;
            let done = format!("unlinked «{}» (u undoes)", candidate.text);
            return Ok(Planned::saying(edit, done));
        }
        // a new link, or the suggested one accepted
        let link = Edit::link(set, &claim_id, &source_id, None, &self.annotator)
            .map_err(|refused| Note::error(self.refusal(&refused)))?;
        let mut edits = vec![link];
        for end in [&claim_id, &source_id] {
            if set
                .get(end)
                .is_some_and(|i| i.review().status == ReviewStatus::Suggested)
            {
                edits.extend(Edit::set_review(
                    set,
                    end,
                    ReviewStatus::Accepted,
                    &self.annotator,
                ));
            }
        }
        let edit = if edits.len() == 1 {
            edits.remove(0)
        } else {
            Edit::Batch(edits)
        };
        let done = format!("linked «{}» (u undoes)", candidate.text);
        Ok(Planned::saying(edit, done))
    }

    /// A choice made in a claim-type, verification or source-type picker: the item with the
    /// value set; a choice of another attribute (or the item gone) cancels.
    pub fn choice_edit(&self, picker: &ChoicePicker, choice: Command) -> Result<Planned, Note> {
        let item = self.store.as_ref().and_then(|s| s.set().get(&picker.id));
        let changed = match (item, picker.attribute, choice) {
            (Some(Item::Claim(mut claim)), Attribute::ClaimType, Command::ClaimType(v)) => {
                claim.claim_type = v;
                Item::Claim(claim)
            }
            (Some(Item::Claim(mut claim)), Attribute::Verification, Command::Verdict(v)) => {
                claim.verification.set_verdict(v, &self.annotator);
                Item::Claim(claim)
            }
            (Some(Item::Source(mut source)), Attribute::SourceType, Command::SourceType(v)) => {
                source.source_type = v;
                Item::Source(source)
            }
            _ => return Err(Note::info("cancelled")),
        };
        // the store's description says which claim or source changed, from what to what
        Ok(Planned {
            edit: Edit::Update(changed),
            done: None,
        })
    }

    /// `C`: `range` becomes the cue of the current claim's attribution — the one whose source
    /// is nearest the cue when the claim has several.
    pub fn cue_edit(&self, reader: &Reader, range: Range<usize>) -> Result<Planned, Note> {
        let set = self
            .store
            .as_ref()
            .ok_or_else(|| Note::error(self.no_store()))?
            .set();
        let claim = self.cue_claim(reader, &range).ok_or_else(|| {
            Note::info("no claim to attach a cue to: tag one with c, or put the cursor on it first")
        })?;
        let source_range = |a: &Attribution| {
            set.sources
                .iter()
                .find(|s| s.id == a.source_id)
                .and_then(|s| s.span)
                .map_or(usize::MAX, |s| gap(&s.range(), &range))
        };
        let mut attribution = set
            .attributions
            .iter()
            .filter(|a| a.claim_id == claim && a.review.status != ReviewStatus::Rejected)
            .min_by_key(|a| source_range(a))
            .cloned()
            .ok_or_else(|| {
                Note::info("this claim has no source yet: l links one, then C attaches the cue")
            })?;
        let cue = crate::app::chain::hand_cue(&reader.article, range)
            .ok_or_else(|| Note::info("no cue there: select the words that report the claim"))?;
        attribution.cue = Some(cue);
        let done = format!("cue «{}» attached (u undoes)", cue.text(&reader.article));
        Ok(Planned::saying(
            Edit::Update(Item::Attribution(attribution)),
            done,
        ))
    }

    /// `d`: deletes the annotation under the cursor with the attributions that point at it,
    /// as one undo step.
    pub fn delete_edit(&self, reader: &Reader) -> Result<Planned, Note> {
        let item = (self.current_item(reader))
            .ok_or_else(|| Note::info("no annotation under the cursor"))?;
        let set = self
            .store
            .as_ref()
            .ok_or_else(|| Note::error(self.no_store()))?
            .set();
        let edit = Edit::remove_with_links(set, item.id());
        let links = match &edit {
            Edit::Batch(edits) => edits.len() - 1,
            _ => 0,
        };
        let what = crate::annotate::describe::name_item(&item, set, &reader.article.text);
        let done = match links {
            0 => format!("deleted {what} (u undoes)"),
            1 => format!("deleted {what} and its link (u undoes)"),
            n => format!("deleted {what} and its {n} links (u undoes)"),
        };
        Ok(Planned::saying(edit, done))
    }

    /// Sets the note of `id` (from the inline editor or `$EDITOR`); trailing blank lines are
    /// not part of it.
    pub fn note_edit(&self, id: &str, note: &str) -> Result<Planned, Note> {
        let mut item = (self.store.as_ref().and_then(|s| s.set().get(id))).ok_or_else(|| {
            Note::error("the annotation is gone (deleted or undone) — note not kept")
        })?;
        // an editor adds a final newline
        let note = note.trim_end().to_owned();
        if item.note() == note {
            return Err(Note::info("note not changed"));
        }
        let done = if note.is_empty() {
            "note removed (u undoes)"
        } else {
            "note saved (u undoes)"
        };
        item.set_note(note);
        Ok(Planned::saying(Edit::Update(item), done.to_owned()))
    }
}

//! Working on claims and sources after tagging them: the single-key attribute pickers (`t`
//! claim or source type, `V` verification status), the `l` link picker (sources of a claim,
//! nearest first, or claims of a source), the `C` cue, `d` delete, and notes (`Enter` edits one
//! inline, `E` in `$EDITOR`). Every change is one undoable [`Edit`].

use std::ops::Range;

use crate::annotate::{AnnotationSet, Attribution, Edit, Item, ItemKind, ReviewStatus};
use crate::app::command_line::LineEditor;
use crate::app::{App, Effect, Overlay, suggestions};
use crate::config::commands::{Command, Mode};
use crate::config::keymap::Keymap;

/// Which attribute a choice picker sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attribute {
    ClaimType,
    Verification,
    SourceType,
    /// An attribution's stance (`S`, [`crate::app::chain`]).
    Stance,
    /// An attribution's quote type (`Q`).
    QuoteType,
}

impl Attribute {
    pub fn title(self) -> &'static str {
        match self {
            Attribute::ClaimType => "claim type",
            Attribute::Verification => "verification",
            Attribute::SourceType => "source type",
            Attribute::Stance => "stance",
            Attribute::QuoteType => "quote type",
        }
    }

    /// The keymap section of the picker's keys.
    pub fn mode(self) -> Mode {
        match self {
            Attribute::ClaimType => Mode::ClaimType,
            Attribute::Verification => Mode::Verdict,
            Attribute::SourceType => Mode::SourceType,
            Attribute::Stance => Mode::Stance,
            Attribute::QuoteType => Mode::QuoteType,
        }
    }

    /// The picker's keys (the first bound to each value) and the values they set, in the
    /// order shown.
    pub fn options(self, keys: &Keymap) -> Vec<(String, &'static str)> {
        keys.choices(self.mode())
            .into_iter()
            .filter_map(|(key, command)| match command {
                Command::ClaimType(v) => Some((key, v.as_str())),
                Command::Verdict(v) => Some((key, v.as_str())),
                Command::SourceType(v) => Some((key, v.as_str())),
                Command::Stance(v) => Some((key, v.as_str())),
                Command::QuoteType(v) => Some((key, v.as_str())),
                _ => None,
            })
            .collect()
    }
}

/// The open choice picker: which item, which attribute, and its value now (marked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoicePicker {
    pub id: String,
    pub attribute: Attribute,
    pub current: &'static str,
}

/// One line of the link picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkCandidate {
    /// The source (from a claim) or claim (from a source) this line links to.
    pub id: String,
    pub text: String,
    /// Bytes between the two spans (0 when they touch or overlap; `usize::MAX` without a span).
    pub distance: usize,
    /// Whether the candidate comes before the item in the text.
    pub before: bool,
    /// The accepted attribution that already links them, if any (`Enter` then unlinks).
    pub linked: Option<String>,
    /// A suggested link between them exists (`Enter` accepts it).
    pub suggested: bool,
}

/// The open link picker (`l`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkPicker {
    /// The claim or source the links are made from.
    pub from: String,
    pub candidates: Vec<LinkCandidate>,
    pub selected: usize,
}

/// Bytes between two ranges; 0 when they overlap or touch.
pub(super) fn gap(a: &Range<usize>, b: &Range<usize>) -> usize {
    b.start
        .saturating_sub(a.end)
        .max(a.start.saturating_sub(b.end))
}

/// The other ends `from` can be linked to, nearest first: sources for a claim, claims for a
/// source. Rejected items are left out; sources without a span (pro-drop) come last.
pub fn link_candidates(set: &AnnotationSet, text: &str, from: &Item) -> Vec<LinkCandidate> {
    let Some(from_range) = suggestions::item_range(set, from) else {
        return Vec::new();
    };
    let live = |s: ReviewStatus| s != ReviewStatus::Rejected;
    let exact = |r: &Range<usize>| text.get(r.clone()).unwrap_or("").to_owned();
    let link_of = |claim: &str, source: &str| {
        set.attributions
            .iter()
            .find(|a| a.claim_id == claim && a.source_id == source && live(a.review.status))
    };
    let linked = |claim: &str, source: &str| {
        link_of(claim, source)
            .filter(|a| a.review.status != ReviewStatus::Suggested)
            .map(|a| a.id.clone())
    };
    let suggested = |claim: &str, source: &str| {
        link_of(claim, source).is_some_and(|a| a.review.status == ReviewStatus::Suggested)
    };
    let mut out: Vec<LinkCandidate> = match from {
        Item::Claim(c) => set
            .sources
            .iter()
            .filter(|s| live(s.review.status))
            .map(|s| {
                let range = s.span.map(|sp| sp.range());
                LinkCandidate {
                    id: s.id.clone(),
                    text: match &range {
                        Some(r) => exact(r),
                        None => s.name.clone(),
                    },
                    distance: range.as_ref().map_or(usize::MAX, |r| gap(&from_range, r)),
                    before: range.as_ref().is_some_and(|r| r.start < from_range.start),
                    linked: linked(&c.id, &s.id),
                    suggested: suggested(&c.id, &s.id),
                }
            })
            .collect(),
        Item::Source(s) => set
            .claims
            .iter()
            .filter(|c| live(c.review.status))
            .map(|c| {
                let range = c.span.range();
                LinkCandidate {
                    id: c.id.clone(),
                    text: exact(&range),
                    distance: gap(&from_range, &range),
                    before: range.start < from_range.start,
                    linked: linked(&c.id, &s.id),
                    suggested: suggested(&c.id, &s.id),
                }
            })
            .collect(),
        _ => Vec::new(),
    };
    out.sort_by_key(|c| (c.distance, !c.before));
    out
}

impl App {
    /// `l`: opens the link picker for the claim or source under the cursor.
    pub(super) fn open_link_picker(&mut self) {
        let Some(store) = self.session.store.as_ref() else {
            self.error(self.session.no_store());
            return;
        };
        let Some(from) = self.session.current_claim_or_source(&self.reader) else {
            self.info("put the cursor on a claim or a source to link it (c and s tag them)");
            return;
        };
        let candidates = link_candidates(store.set(), &self.reader.article.text, &from);
        if candidates.is_empty() {
            self.info(match from.kind() {
                ItemKind::Claim => "no sources to link yet (s tags one)",
                _ => "no claims to link yet (c tags one)",
            });
            return;
        }
        self.reader.focus = Some(from.id().to_owned());
        self.overlay = Overlay::Link(LinkPicker {
            from: from.id().to_owned(),
            candidates,
            selected: 0,
        });
    }

    /// Links (or unlinks) candidate `index` of the open link picker and closes it.
    pub(super) fn link_chosen(&mut self, index: usize) {
        let Overlay::Link(picker) = std::mem::replace(&mut self.overlay, Overlay::None) else {
            return;
        };
        let Some(candidate) = picker.candidates.get(index) else {
            return;
        };
        let Some(store) = self.session.store.as_ref() else {
            return;
        };
        let set = store.set();
        let (claim_id, source_id) = match set.get(&picker.from) {
            Some(Item::Claim(c)) => (c.id, candidate.id.clone()),
            Some(Item::Source(s)) => (candidate.id.clone(), s.id),
            _ => return,
        };
        let (edit, done) = match &candidate.linked {
            Some(_) => match Edit::unlink(set, &claim_id, &source_id) {
                Some(edit) => (edit, format!("unlinked «{}» (u undoes)", candidate.text)),
                None => return,
            },
            None => {
                // a new link, or the suggested one accepted; linking by hand also accepts the
                // ends that were only suggested
                let link =
                    match Edit::link(set, &claim_id, &source_id, None, &self.session.annotator) {
                        Ok(edit) => edit,
                        Err(e) => {
                            self.error(e.to_string());
                            return;
                        }
                    };
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
                            &self.session.annotator,
                        ));
                    }
                }
                let edit = if edits.len() == 1 {
                    edits.remove(0)
                } else {
                    Edit::Batch(edits)
                };
                (edit, format!("linked «{}» (u undoes)", candidate.text))
            }
        };
        if self.apply_edit(edit) {
            self.info(done);
        }
    }

    /// `t` and `V`: opens the picker of `attribute` for the item under the cursor.
    pub(super) fn open_choice(&mut self, verification: bool) {
        let Some(item) = self.session.current_claim_or_source(&self.reader) else {
            self.info(if verification {
                "put the cursor on a claim to set its verification status"
            } else {
                "put the cursor on a claim or a source to set its type"
            });
            return;
        };
        let (attribute, current) = match (&item, verification) {
            (Item::Claim(c), false) => (Attribute::ClaimType, c.claim_type.as_str()),
            (Item::Claim(c), true) => (Attribute::Verification, c.verification.status.as_str()),
            (Item::Source(s), false) => (Attribute::SourceType, s.source_type.as_str()),
            _ => {
                self.info("sources have no verification status: put the cursor on a claim");
                return;
            }
        };
        self.reader.focus = Some(item.id().to_owned());
        self.overlay = Overlay::Choice(ChoicePicker {
            id: item.id().to_owned(),
            attribute,
            current,
        });
    }

    /// A choice made in a choice picker (its section's command): the value is set (one undo
    /// step); a choice of another attribute cancels.
    pub(super) fn choice_chosen(&mut self, picker: &ChoicePicker, choice: Command) {
        if matches!(picker.attribute, Attribute::Stance | Attribute::QuoteType) {
            return self.attribution_choice_chosen(picker, choice);
        }
        let item = self
            .session
            .store
            .as_ref()
            .and_then(|s| s.set().get(&picker.id));
        let changed = match (item, picker.attribute, choice) {
            (Some(Item::Claim(mut claim)), Attribute::ClaimType, Command::ClaimType(v)) => {
                claim.claim_type = v;
                Some(Item::Claim(claim))
            }
            (Some(Item::Claim(mut claim)), Attribute::Verification, Command::Verdict(v)) => {
                claim.verification.set_verdict(v, &self.session.annotator);
                Some(Item::Claim(claim))
            }
            (Some(Item::Source(mut source)), Attribute::SourceType, Command::SourceType(v)) => {
                source.source_type = v;
                Some(Item::Source(source))
            }
            _ => None,
        };
        match changed {
            Some(item) => {
                // apply_edit says which claim or source changed, from what to what
                self.apply_edit(Edit::Update(item));
            }
            None => self.info("cancelled"),
        }
    }

    /// `C`: the selection (or the word) becomes the cue of the current claim's attribution —
    /// the one whose source is nearest the cue when the claim has several.
    pub(super) fn attach_cue(&mut self) {
        let Some(range) = self.reader.target() else {
            return;
        };
        let Some(store) = self.session.store.as_ref() else {
            self.error(self.session.no_store());
            return;
        };
        let set = store.set();
        let Some(claim) = self.session.cue_claim(&self.reader, &range) else {
            self.info("no claim to attach a cue to: tag one with c, or put the cursor on it first");
            return;
        };
        let source_range = |a: &Attribution| {
            set.sources
                .iter()
                .find(|s| s.id == a.source_id)
                .and_then(|s| s.span)
                .map_or(usize::MAX, |s| gap(&s.range(), &range))
        };
        let Some(mut attribution) = set
            .attributions
            .iter()
            .filter(|a| a.claim_id == claim && a.review.status != ReviewStatus::Rejected)
            .min_by_key(|a| source_range(a))
            .cloned()
        else {
            self.info("this claim has no source yet: l links one, then C attaches the cue");
            return;
        };
        let Some(cue) = crate::app::chain::hand_cue(&self.reader.article, range) else {
            return;
        };
        attribution.cue = Some(cue);
        if self.apply_edit(Edit::Update(Item::Attribution(attribution))) {
            self.reader.selection_anchor = None;
            self.info(format!(
                "cue «{}» attached (u undoes)",
                cue.text(&self.reader.article)
            ));
        }
    }

    /// `d`: deletes the annotation under the cursor with the attributions that point at it,
    /// as one undo step.
    pub(super) fn delete_current(&mut self) {
        let Some(item) = self.session.current_item(&self.reader) else {
            self.info("no annotation under the cursor");
            return;
        };
        let Some(store) = self.session.store.as_ref() else {
            return;
        };
        let edit = Edit::remove_with_links(store.set(), item.id());
        let links = match &edit {
            Edit::Batch(edits) => edits.len() - 1,
            _ => 0,
        };
        let what =
            crate::annotate::describe::name_item(&item, store.set(), &self.reader.article.text);
        if self.apply_edit(edit) {
            self.reader.focus = None;
            self.info(match links {
                0 => format!("deleted {what} (u undoes)"),
                1 => format!("deleted {what} and its link (u undoes)"),
                n => format!("deleted {what} and its {n} links (u undoes)"),
            });
        }
    }

    /// `Enter` in the reader: edits the note of the annotation under the cursor on the
    /// bottom line.
    pub(super) fn open_note_editor(&mut self) {
        let Some(item) = self.session.current_item(&self.reader) else {
            self.info("no annotation under the cursor to write a note on");
            return;
        };
        self.reader.focus = Some(item.id().to_owned());
        self.overlay = Overlay::Note {
            id: item.id().to_owned(),
            editor: LineEditor::plain(item.note()),
        };
    }

    /// `E`: asks the loop to open the note of the annotation under the cursor in `$EDITOR`.
    pub(super) fn external_note(&mut self) -> Option<Effect> {
        let Some(item) = self.session.current_item(&self.reader) else {
            self.info("no annotation under the cursor to write a note on");
            return None;
        };
        if let Some(reason) = self
            .session
            .store
            .as_ref()
            .and_then(|s| s.read_only_reason())
        {
            let reason = reason.to_owned();
            self.error(format!("annotations are read-only: {reason}"));
            return None;
        }
        Some(Effect::EditNote {
            id: item.id().to_owned(),
            note: item.note().to_owned(),
        })
    }

    /// Sets the note of `id` (from the inline editor or `$EDITOR`), one undo step.
    pub(super) fn set_note(&mut self, id: &str, note: String) {
        let Some(mut item) = self.session.store.as_ref().and_then(|s| s.set().get(id)) else {
            self.error("the annotation is gone (deleted or undone) — note not kept");
            return;
        };
        // an editor adds a final newline; trailing blank lines are not part of the note
        let note = note.trim_end().to_owned();
        if item.note() == note {
            self.info("note not changed");
            return;
        }
        let empty = note.is_empty();
        item.set_note(note);
        if self.apply_edit(Edit::Update(item)) {
            self.info(if empty {
                "note removed (u undoes)"
            } else {
                "note saved (u undoes)"
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::{ClaimType, SourceType, VerificationStatus};

    #[test]
    fn picker_keys_are_distinct_and_cover_every_value() {
        for attribute in [
            Attribute::ClaimType,
            Attribute::Verification,
            Attribute::SourceType,
            Attribute::Stance,
            Attribute::QuoteType,
        ] {
            let options = attribute.options(&Keymap::default());
            let mut keys: Vec<&str> = options.iter().map(|(k, _)| k.as_str()).collect();
            keys.sort_unstable();
            keys.dedup();
            assert_eq!(keys.len(), options.len(), "{attribute:?}");
            let every = match attribute {
                Attribute::ClaimType => ClaimType::ALL.len(),
                Attribute::Verification => VerificationStatus::ALL.len(),
                Attribute::SourceType => SourceType::ALL.len(),
                Attribute::Stance => crate::annotate::Stance::ALL.len(),
                Attribute::QuoteType => crate::annotate::QuoteType::ALL.len(),
            };
            assert_eq!(options.len(), every, "{attribute:?}");
        }
    }

    #[test]
    fn gaps_are_zero_when_touching_and_symmetric() {
        assert_eq!(gap(&(0..5), &(5..9)), 0);
        assert_eq!(gap(&(0..5), &(3..9)), 0);
        assert_eq!(gap(&(0..5), &(8..9)), 3);
        assert_eq!(gap(&(8..9), &(0..5)), 3);
    }
}

//! Working on claims and sources after tagging them: the single-key attribute pickers (`t`
//! claim or source type, `V` verification status), the `l` link picker (sources of a claim,
//! nearest first, or claims of a source), the `C` cue, `d` delete, and notes (`Enter` edits one
//! inline, `E` in `$EDITOR`), and what their overlays do with a key. The session builds every
//! change ([`crate::app::session`]'s edit methods) as one undoable edit; the app dispatches.

use std::ops::Range;

use crate::annotate::{AnnotationSet, Item, ItemKind, ReviewStatus};
use crate::app::command_line::LineEditor;
use crate::app::{App, Effect, Outcome, Overlay, suggestions};
use crate::config::commands::{Command, Mode};
use crate::config::keymap::{KeyPress, Keymap};

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
    let from_claim = matches!(from, Item::Claim(_));
    crate::app::chain::sort_by_reading(set, text, &from_range, from_claim, &mut out);
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

    /// A key in the link picker (`l`): the chosen candidate is linked (or unlinked).
    pub(super) fn link_key(&mut self, press: KeyPress) -> Option<Effect> {
        let Overlay::Link(picker) = &mut self.overlay else {
            return None;
        };
        match picker.handle(press, &self.settings.keymap) {
            Outcome::Chosen(index) => self.link_chosen(index),
            Outcome::Close => self.close_overlay(Some("cancelled")),
            Outcome::Stay | Outcome::Pass => {}
        }
        None
    }

    /// Links (or unlinks) candidate `index` of the open link picker and closes it.
    fn link_chosen(&mut self, index: usize) {
        let Overlay::Link(picker) = std::mem::replace(&mut self.overlay, Overlay::None) else {
            return;
        };
        if let Some(candidate) = picker.candidates.get(index) {
            let planned = self.session.link_edit(&picker.from, candidate);
            self.carry_out(planned);
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

    /// A key in a choice picker (`t`, `V`, `S`, `Q`): a key of its section sets the value (one
    /// undo step); any other key cancels. The picker closes either way.
    pub(super) fn choice_key(&mut self, press: KeyPress) -> Option<Effect> {
        let Overlay::Choice(picker) = &self.overlay else {
            return None;
        };
        let outcome = picker.handle(press, &self.settings.keymap);
        let Overlay::Choice(picker) = std::mem::replace(&mut self.overlay, Overlay::None) else {
            return None;
        };
        match outcome {
            Outcome::Chosen(choice)
                if matches!(picker.attribute, Attribute::Stance | Attribute::QuoteType) =>
            {
                self.attribution_choice_chosen(&picker, choice);
            }
            Outcome::Chosen(choice) => {
                let planned = self.session.choice_edit(&picker, choice);
                self.carry_out(planned);
            }
            _ => self.info("cancelled"),
        }
        None
    }

    /// `C`: the selection (or the word) becomes the cue of the current claim's attribution.
    pub(super) fn attach_cue(&mut self) {
        let Some(range) = self.reader.target() else {
            return;
        };
        let planned = self.session.cue_edit(&self.reader, range);
        if self.carry_out(planned) {
            self.reader.selection_anchor = None;
        }
    }

    /// `d`: deletes the annotation under the cursor with the attributions that point at it.
    pub(super) fn delete_current(&mut self) {
        let planned = self.session.delete_edit(&self.reader);
        if self.carry_out(planned) {
            self.reader.focus = None;
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

    /// A key in the inline note editor: `Enter` keeps the note (one undo step), `Esc` leaves
    /// it as it was.
    pub(super) fn note_key(&mut self, press: KeyPress) -> Option<Effect> {
        let Overlay::Note { id, editor } = &mut self.overlay else {
            return None;
        };
        match editor.handle(press, &self.settings.keymap, false) {
            Outcome::Chosen(note) => {
                let id = id.clone();
                self.overlay = Overlay::None;
                self.set_note(&id, &note);
            }
            Outcome::Close => self.close_overlay(Some("note not changed")),
            Outcome::Stay | Outcome::Pass => {}
        }
        None
    }

    /// Sets the note of `id` (from the inline editor or `$EDITOR`), one undo step.
    pub(super) fn set_note(&mut self, id: &str, note: &str) {
        let planned = self.session.note_edit(id, note);
        self.carry_out(planned);
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

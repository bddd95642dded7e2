//! Editing the isnad from the reader: the chain of intermediaries of an attribution (`i` adds
//! one from a picker of the article's sources, nearest first, or the selection as a new
//! source; `I` opens the chain editor to move or remove them), its stance (`S`) and quote type
//! (`Q`), and coreference of sources (`=` marks the source under the cursor the same as
//! another). Every change is one undoable [`Edit`] and says in words what it did.

use std::ops::Range;

use crate::annotate::isnad::Isnad;
use crate::annotate::{
    AnnotationSet, Attribution, Edit, Item, ReviewStatus, Source, SourceRole, Span,
};
use crate::app::attributes::{Attribute, ChoicePicker, LinkCandidate, gap};
use crate::app::overlay::{Outcome, pick_in_list};
use crate::app::{App, Effect, Overlay};
use crate::config::commands::{Command, Mode};
use crate::config::keymap::{KeyName, KeyPress, Keymap};

/// What a source chosen in the source picker becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourcePurpose {
    /// The next intermediary of this attribution's chain (or, already in it, taken out).
    Via { attribution: String },
    /// What this source refers back to (`same_as`; the one it has already unmarks it).
    SameAs { source: String },
}

/// The source picker (`i`, `=`): the article's sources, nearest first; ticked ones are in the
/// chain already (or the current referent), and choosing them again takes them out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcePicker {
    pub purpose: SourcePurpose,
    pub candidates: Vec<LinkCandidate>,
    pub selected: usize,
}

impl SourcePicker {
    /// `[picker]` keys move and choose (by position too); any other key closes it.
    pub fn handle(&mut self, press: KeyPress, keys: &Keymap) -> Outcome<usize> {
        pick_in_list(&mut self.selected, self.candidates.len(), press, keys)
    }

    pub fn title(&self) -> &'static str {
        match self.purpose {
            SourcePurpose::Via { .. } => " add an intermediary · Enter adds/removes · Esc ",
            SourcePurpose::SameAs { .. } => " same source as… · Enter marks/unmarks · Esc ",
        }
    }
}

/// The chain editor (`I`): the intermediaries of one attribution, one of them chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainEditor {
    pub attribution: String,
    /// Index into the attribution's `via`.
    pub selected: usize,
}

impl ChainEditor {
    /// A `[chain]` command is chosen (its close keys close it); `[picker]` keys move the choice
    /// among the `len` intermediaries; other keys do nothing.
    pub fn handle(&mut self, press: KeyPress, keys: &Keymap, len: usize) -> Outcome<Command> {
        if press.key == KeyName::Esc {
            return Outcome::Close;
        }
        match keys.command_in(Mode::Chain, press) {
            Some(Command::ChainClose) => return Outcome::Close,
            Some(command) => return Outcome::Chosen(command),
            None => {}
        }
        match keys.command_in(Mode::Picker, press) {
            Some(Command::PickerDown) => {
                self.selected = (self.selected + 1).min(len.saturating_sub(1));
            }
            Some(Command::PickerUp) => self.selected = self.selected.saturating_sub(1),
            _ => {}
        }
        Outcome::Stay
    }
}

/// The role a source has once `updated` replaces the attribution with its id: a speaker, a
/// hand (in some `via`), or both; `None` when it does not change.
fn role_edit(set: &AnnotationSet, source_id: &str, updated: &Attribution) -> Option<Edit> {
    let source = set.sources.iter().find(|s| s.id == source_id)?;
    let live = set
        .attributions
        .iter()
        .filter(|a| a.id != updated.id)
        .chain([updated])
        .filter(|a| a.review.status != ReviewStatus::Rejected);
    let (mut speaks, mut carries) = (false, false);
    for a in live {
        speaks |= a.source_id == source_id;
        carries |= a.via.iter().any(|v| v == source_id);
    }
    let role = match (speaks, carries) {
        (true, true) => SourceRole::Both,
        (false, true) => SourceRole::Intermediary,
        _ => SourceRole::Speaker,
    };
    if role == source.role {
        return None;
    }
    let mut source = source.clone();
    source.role = role;
    Some(Edit::Update(Item::Source(source)))
}

/// The attribution updated, with the role changes of the sources it touches, as one edit.
fn chain_edit(set: &AnnotationSet, updated: Attribution, touched: &[&str]) -> Edit {
    let mut edits: Vec<Edit> = touched
        .iter()
        .filter_map(|id| role_edit(set, id, &updated))
        .collect();
    edits.insert(0, Edit::Update(Item::Attribution(updated)));
    if edits.len() == 1 {
        edits.remove(0)
    } else {
        Edit::Batch(edits)
    }
}

/// Orders the link picker's candidates by the reading structure around `from` (the span of the
/// claim, or with `from_claim` false of the source, the links are made from): first those in
/// the same sentence; then, from a claim, the sources of the sentence before (the speaker a
/// `وأضاف` continues), from a source, the claims of the sentence after; then the rest, nearest
/// first (earlier ones first at the same distance).
pub fn sort_by_reading(
    set: &AnnotationSet,
    text: &str,
    from: &Range<usize>,
    from_claim: bool,
    candidates: &mut [LinkCandidate],
) {
    use crate::text::sentences::{self, Stop};
    let here = sentences::unit_around(text, from.start, Stop::Sentence);
    let neighbour = if from_claim {
        sentences::sentence_before(text, here.start)
    } else {
        sentences::sentence_after(text, here.end)
    };
    let touches = |r: &Range<usize>, s: &Range<usize>| r.start <= s.end && s.start < r.end;
    candidates.sort_by_cached_key(|c| {
        let range = set
            .get(&c.id)
            .and_then(|item| crate::app::suggestions::item_range(set, &item));
        let rank = match &range {
            Some(r) if touches(r, &here) => 0,
            Some(r) if neighbour.as_ref().is_some_and(|n| touches(r, n)) => 1,
            _ => 2,
        };
        (rank, c.distance, !c.before)
    });
}

/// The sources a chain or a referent can be chosen from, nearest to `near` first (earlier
/// ones first at the same distance), without `except`; `ticked` are marked as chosen already.
fn source_candidates(
    set: &AnnotationSet,
    text: &str,
    near: &Range<usize>,
    except: &[&str],
    ticked: &[&str],
) -> Vec<LinkCandidate> {
    let mut out: Vec<LinkCandidate> = set
        .sources
        .iter()
        .filter(|s| s.review.status != ReviewStatus::Rejected && !except.contains(&s.id.as_str()))
        .map(|s| {
            let range = s.span.map(|sp| sp.range());
            LinkCandidate {
                id: s.id.clone(),
                text: match &range {
                    Some(r) => text.get(r.clone()).unwrap_or("").to_owned(),
                    None => s.name.clone(),
                },
                distance: range.as_ref().map_or(usize::MAX, |r| gap(near, r)),
                before: range.as_ref().is_some_and(|r| r.start < near.start),
                linked: ticked.contains(&s.id.as_str()).then(|| s.id.clone()),
                suggested: false,
            }
        })
        .collect();
    out.sort_by_key(|c| (c.distance, !c.before));
    out
}

impl App {
    /// The outlet of the article as the annotation file says (`document.outlet`).
    pub fn outlet(&self) -> Option<&str> {
        self.session
            .store
            .as_ref()
            .and_then(|s| s.document().outlet.as_deref())
    }

    /// The attribution the isnad keys act on: the one under the cursor (at its cue), else one
    /// of the claim or source under the cursor, else of the claim last worked on, else of the
    /// nearest claim in the paragraph; of several, the one whose other end is nearest.
    /// With a selection open (a new intermediary being tagged) the cursor is on the new words,
    /// so the claim last worked on comes first.
    pub(super) fn chain_attribution(&self) -> Option<Attribution> {
        let set = self.session.store.as_ref()?.set();
        let at = self
            .reader
            .selection()
            .or_else(|| self.reader.cursor.clone())?;
        let focused = self.reader.focus.as_deref().and_then(|id| set.get(id));
        let under = self.session.current_item(&self.reader);
        let picks = if self.reader.selection_anchor.is_some() {
            [focused, under]
        } else {
            [under, focused]
        };
        let live = |a: &&Attribution| a.review.status != ReviewStatus::Rejected;
        let span_of = |id: &str| set.get(id).and_then(|i| i.span()).map(|s| s.range());
        for pick in picks.into_iter().flatten() {
            let (own, links): (&str, Vec<&Attribution>) = match &pick {
                Item::Attribution(a) => return Some(a.clone()),
                Item::Claim(c) => (
                    &c.id,
                    set.attributions
                        .iter()
                        .filter(live)
                        .filter(|a| a.claim_id == c.id)
                        .collect(),
                ),
                Item::Source(s) => (
                    &s.id,
                    set.attributions
                        .iter()
                        .filter(live)
                        .filter(|a| a.source_id == s.id || a.via.contains(&s.id))
                        .collect(),
                ),
                Item::Entity(_) => continue,
            };
            // how far the attribution's other end (its cue, its source or its claim) is
            let far = |a: &Attribution| {
                [
                    a.cue.map(|c| c.range()),
                    (a.source_id != own)
                        .then(|| span_of(&a.source_id))
                        .flatten(),
                    (a.claim_id != own).then(|| span_of(&a.claim_id)).flatten(),
                ]
                .into_iter()
                .flatten()
                .map(|r| gap(&at, &r))
                .min()
                .unwrap_or(usize::MAX)
            };
            if let Some(a) = links.into_iter().min_by_key(|a| far(a)) {
                return Some(a.clone());
            }
        }
        // the nearest attributed claim in the paragraph
        let paragraph = self.reader.article.paragraph_at(at.start);
        set.attributions
            .iter()
            .filter(live)
            .filter_map(|a| Some((a, span_of(&a.claim_id)?)))
            .filter(|(_, r)| self.reader.article.paragraph_at(r.start) == paragraph)
            .min_by_key(|(_, r)| gap(&at, r))
            .map(|(a, _)| a.clone())
    }

    /// The attribution for an isnad key, or a message saying what to do first.
    fn chain_attribution_or_say(&mut self) -> Option<Attribution> {
        if self.session.store.is_none() {
            self.error("annotations are not available for this article");
            return None;
        }
        let found = self.chain_attribution();
        if found.is_none() {
            self.info(
                "put the cursor on a claim linked to its source (l links one), or on its cue",
            );
        }
        found
    }

    /// The one-line chain of an attribution as the set now has it.
    fn chain_line(&self, attribution_id: &str) -> String {
        let Some(store) = self.session.store.as_ref() else {
            return String::new();
        };
        let set = store.set();
        let isnad = Isnad::new(set, &self.reader.article, self.outlet());
        set.attributions
            .iter()
            .find(|a| a.id == attribution_id)
            .map(|a| isnad.chain_text(a))
            .unwrap_or_default()
    }

    /// The canonical name of a source, for messages.
    fn source_label(&self, id: &str) -> String {
        let Some(store) = self.session.store.as_ref() else {
            return id.to_owned();
        };
        Isnad::new(store.set(), &self.reader.article, self.outlet()).name(id)
    }

    /// `i`: with a selection, tags it as a new source and adds it to the chain; without, opens
    /// the picker of the article's sources, nearest first.
    pub(super) fn add_intermediary(&mut self) {
        let Some(attribution) = self.chain_attribution_or_say() else {
            return;
        };
        self.reader.focus = Some(attribution.id.clone());
        if let Some(range) = self.reader.selection() {
            self.add_selected_intermediary(attribution, range);
            return;
        }
        let Some(store) = self.session.store.as_ref() else {
            return;
        };
        let set = store.set();
        let near = set
            .get(&attribution.claim_id)
            .and_then(|c| c.span())
            .map(|s| s.range())
            .or_else(|| attribution.cue.map(|c| c.range()))
            .unwrap_or(0..0);
        let ticked: Vec<&str> = attribution.via.iter().map(String::as_str).collect();
        let candidates = source_candidates(
            set,
            &self.reader.article.text,
            &near,
            &[attribution.source_id.as_str()],
            &ticked,
        );
        if candidates.is_empty() {
            self.info("no other sources to add: select the intermediary's words (v) and press i");
            return;
        }
        self.overlay = Overlay::Sources(SourcePicker {
            purpose: SourcePurpose::Via {
                attribution: attribution.id,
            },
            candidates,
            selected: 0,
        });
    }

    /// The selection becomes a source (or is the source already tagged there) and the next
    /// intermediary of `attribution`, as one undo step.
    fn add_selected_intermediary(&mut self, attribution: Attribution, range: Range<usize>) {
        let Some(store) = self.session.store.as_ref() else {
            return;
        };
        let set = store.set();
        let existing = set
            .sources
            .iter()
            .find(|s| {
                s.review.status != ReviewStatus::Rejected
                    && s.span.map(|x| x.range()) == Some(range.clone())
            })
            .cloned();
        let mut edits = Vec::new();
        let source = match existing {
            Some(s) => s,
            None => {
                let mut s =
                    match Source::by_human(&self.reader.article, range, &self.session.annotator) {
                        Ok(s) => s,
                        Err(e) => {
                            self.error(e.to_string());
                            return;
                        }
                    };
                s.id = set.unique_id(&s.id, crate::annotate::ItemKind::Source);
                s.role = SourceRole::Intermediary;
                edits.push(Edit::Add(Item::Source(s.clone())));
                s
            }
        };
        if source.id == attribution.source_id || attribution.via.contains(&source.id) {
            self.info("already in this chain (I edits it)");
            return;
        }
        let mut updated = attribution;
        updated.via.push(source.id.clone());
        let mut scratch = set.clone();
        if let Some(Edit::Add(item)) = edits.first() {
            scratch.upsert(item.clone());
        }
        edits.push(chain_edit(&scratch, updated.clone(), &[source.id.as_str()]));
        let edit = if edits.len() == 1 {
            edits.remove(0)
        } else {
            Edit::Batch(edits)
        };
        if self.apply_edit(edit) {
            self.reader.selection_anchor = None;
            self.reader.focus = Some(updated.id.clone());
            let chain = self.chain_line(&updated.id);
            let name = self.source_label(&source.id);
            self.info(format!("«{name}» added to the chain: {chain} (u undoes)"));
        }
    }

    /// A key in the source picker (`i`, `=`): the chosen source joins (or leaves) the chain, or
    /// becomes (or stops being) the referent.
    pub(super) fn sources_key(&mut self, press: KeyPress) -> Option<Effect> {
        let Overlay::Sources(picker) = &mut self.overlay else {
            return None;
        };
        match picker.handle(press, &self.settings.keymap) {
            Outcome::Chosen(index) => self.source_chosen(index),
            Outcome::Close => self.close_overlay(Some("cancelled")),
            Outcome::Stay | Outcome::Pass => {}
        }
        None
    }

    /// Candidate `index` of the open source picker was chosen.
    fn source_chosen(&mut self, index: usize) {
        let Overlay::Sources(picker) = std::mem::replace(&mut self.overlay, Overlay::None) else {
            return;
        };
        let Some(candidate) = picker.candidates.get(index) else {
            return;
        };
        match picker.purpose {
            SourcePurpose::Via { attribution } => self.toggle_via(&attribution, &candidate.id),
            SourcePurpose::SameAs { source } => self.toggle_same_as(&source, &candidate.id),
        }
    }

    /// Adds `source` to the end of the chain of `attribution_id`, or takes it out when there.
    fn toggle_via(&mut self, attribution_id: &str, source: &str) {
        let Some(set) = self.session.store.as_ref().map(|s| s.set()) else {
            return;
        };
        let Some(mut updated) = set
            .attributions
            .iter()
            .find(|a| a.id == attribution_id)
            .cloned()
        else {
            self.error("the attribution is gone (deleted or undone)");
            return;
        };
        let removing = updated.via.iter().any(|v| v == source);
        if removing {
            updated.via.retain(|v| v != source);
        } else {
            updated.via.push(source.to_owned());
        }
        let edit = chain_edit(set, updated, &[source]);
        let name = self.source_label(source);
        if self.apply_edit(edit) {
            let chain = self.chain_line(attribution_id);
            let done = if removing { "taken out of" } else { "added to" };
            self.info(format!("«{name}» {done} the chain: {chain} (u undoes)"));
        }
    }

    /// `I`: opens the chain editor of the attribution under the cursor.
    pub(super) fn open_chain_editor(&mut self) {
        let Some(attribution) = self.chain_attribution_or_say() else {
            return;
        };
        self.reader.focus = Some(attribution.id.clone());
        if attribution.via.is_empty() {
            let chain = self.chain_line(&attribution.id);
            self.info(format!(
                "{chain}: no intermediaries yet (a or i in the editor adds one)"
            ));
        }
        self.overlay = Overlay::Chain(ChainEditor {
            attribution: attribution.id,
            selected: 0,
        });
    }

    /// The intermediaries of the attribution the chain editor edits (empty when it is gone).
    pub fn chain_via(&self, attribution_id: &str) -> Vec<String> {
        self.session
            .store
            .as_ref()
            .and_then(|s| s.set().attributions.iter().find(|a| a.id == attribution_id))
            .map(|a| a.via.clone())
            .unwrap_or_default()
    }

    /// A key in the chain editor (`I`): its `[chain]` commands move, remove or add
    /// intermediaries, the editor staying open.
    pub(super) fn chain_key(&mut self, press: KeyPress) -> Option<Effect> {
        let Overlay::Chain(editor) = &self.overlay else {
            return None;
        };
        let len = self.chain_via(&editor.attribution).len();
        let Overlay::Chain(editor) = &mut self.overlay else {
            return None;
        };
        match editor.handle(press, &self.settings.keymap, len) {
            Outcome::Chosen(command) => self.chain_command(command),
            Outcome::Close => self.close_overlay(None),
            Outcome::Stay | Outcome::Pass => {}
        }
        None
    }

    /// A `[chain]` command in the chain editor.
    fn chain_command(&mut self, command: Command) {
        let Overlay::Chain(editor) = &self.overlay else {
            return;
        };
        let (id, selected) = (editor.attribution.clone(), editor.selected);
        let Some(set) = self.session.store.as_ref().map(|s| s.set()) else {
            return;
        };
        let Some(mut updated) = set.attributions.iter().find(|a| a.id == id).cloned() else {
            self.overlay = Overlay::None;
            self.error("the attribution is gone (deleted or undone)");
            return;
        };
        let len = updated.via.len();
        let target = match command {
            Command::ChainAdd => {
                self.overlay = Overlay::None;
                self.add_intermediary();
                return;
            }
            _ if len == 0 => {
                self.info("no intermediaries yet: a adds one");
                return;
            }
            Command::ChainOutward if selected + 1 < len => selected + 1,
            Command::ChainInward if selected > 0 => selected - 1,
            Command::ChainOutward | Command::ChainInward => {
                self.info("already at that end of the chain");
                return;
            }
            Command::ChainRemove => selected,
            _ => return,
        };
        let moved = updated.via[selected].clone();
        let name = self.source_label(&moved);
        let edit = if command == Command::ChainRemove {
            updated.via.remove(selected);
            chain_edit(set, updated, &[moved.as_str()])
        } else {
            updated.via.swap(selected, target);
            Edit::Update(Item::Attribution(updated))
        };
        if self.apply_edit(edit) {
            let chain = self.chain_line(&id);
            let done = match command {
                Command::ChainRemove => "taken out of the chain",
                Command::ChainOutward => "moved outward",
                _ => "moved inward",
            };
            let left = self.chain_via(&id).len();
            if let Overlay::Chain(editor) = &mut self.overlay {
                editor.selected = target.min(left.saturating_sub(1));
            }
            self.info(format!("«{name}» {done}: {chain} (u undoes)"));
        }
    }

    /// `S` and `Q`: the stance or quote type picker for the attribution under the cursor.
    pub(super) fn open_attribution_choice(&mut self, quote: bool) {
        let Some(attribution) = self.chain_attribution_or_say() else {
            return;
        };
        let (attribute, current) = if quote {
            (Attribute::QuoteType, attribution.quote_type.as_str())
        } else {
            (Attribute::Stance, attribution.stance.as_str())
        };
        self.reader.focus = Some(attribution.id.clone());
        let chain = self.chain_line(&attribution.id);
        self.info(format!("{} of {chain}", attribute.title()));
        self.overlay = Overlay::Choice(ChoicePicker {
            id: attribution.id,
            attribute,
            current,
        });
    }

    /// A stance or quote type chosen in its picker: set, one undo step.
    pub(super) fn attribution_choice_chosen(&mut self, picker: &ChoicePicker, choice: Command) {
        let found = self
            .session
            .store
            .as_ref()
            .and_then(|s| s.set().attributions.iter().find(|a| a.id == picker.id))
            .cloned();
        let Some(mut a) = found else {
            self.info("cancelled");
            return;
        };
        let value = match choice {
            Command::Stance(v) if picker.attribute == Attribute::Stance => {
                a.stance = v;
                v.as_str()
            }
            Command::QuoteType(v) if picker.attribute == Attribute::QuoteType => {
                a.quote_type = v;
                v.as_str()
            }
            _ => {
                self.info("cancelled");
                return;
            }
        };
        let claim = self
            .session
            .store
            .as_ref()
            .and_then(|s| s.set().get(&a.claim_id))
            .and_then(|c| c.span())
            .map(|s| crate::annotate::isnad::collapse(s.text(&self.reader.article)))
            .unwrap_or_default();
        let speaker = self.source_label(&a.source_id);
        let id = a.id.clone();
        if self.apply_edit(Edit::Update(Item::Attribution(a))) {
            self.reader.focus = Some(id);
            self.info(match picker.attribute {
                Attribute::Stance => format!("«{speaker}» {value} «{claim}» (u undoes)"),
                _ => format!("«{speaker}» on «{claim}»: {value} quote (u undoes)"),
            });
        }
    }

    /// `=`: the picker of sources the one under the cursor may refer back to, earlier first.
    pub(super) fn open_same_as(&mut self) {
        let Some(store) = self.session.store.as_ref() else {
            self.error("annotations are not available for this article");
            return;
        };
        let source = match self.session.current_item(&self.reader) {
            Some(Item::Source(s)) => s,
            _ => {
                self.info("put the cursor on a source («المصدر») to say whom it refers to");
                return;
            }
        };
        let Some(near) = source.span.map(|s| s.range()) else {
            return;
        };
        let ticked: Vec<&str> = source.same_as.iter().map(String::as_str).collect();
        let mut candidates = source_candidates(
            store.set(),
            &self.reader.article.text,
            &near,
            &[source.id.as_str()],
            &ticked,
        );
        // a mention refers back: earlier sources first, nearest first among them
        candidates.sort_by_key(|c| (!c.before, c.distance));
        if candidates.is_empty() {
            self.info("no other source to refer to yet (s tags one)");
            return;
        }
        self.reader.focus = Some(source.id.clone());
        self.overlay = Overlay::Sources(SourcePicker {
            purpose: SourcePurpose::SameAs { source: source.id },
            candidates,
            selected: 0,
        });
    }

    /// Marks `source` the same as `other`, or unmarks it when it already is.
    fn toggle_same_as(&mut self, source: &str, other: &str) {
        let Some(set) = self.session.store.as_ref().map(|s| s.set()) else {
            return;
        };
        let Some(mut updated) = set.sources.iter().find(|s| s.id == source).cloned() else {
            self.error("the source is gone (deleted or undone)");
            return;
        };
        let isnad = Isnad::new(set, &self.reader.article, None);
        let unmark = updated.same_as.as_deref() == Some(other);
        if !unmark && isnad.canonical(other) == isnad.canonical(source) {
            let name = isnad.name(other);
            self.info(format!("«{name}» already stands for the same source"));
            return;
        }
        updated.same_as = (!unmark).then(|| other.to_owned());
        let mention = updated
            .span
            .map(|s| crate::annotate::isnad::collapse(s.text(&self.reader.article)))
            .unwrap_or_else(|| updated.name.clone());
        if self.apply_edit(Edit::Update(Item::Source(updated))) {
            let name = self.source_label(other);
            self.info(if unmark {
                format!("«{mention}» no longer marked the same as «{name}» (u undoes)")
            } else {
                format!("«{mention}» is the same source as «{name}» (u undoes)")
            });
        }
    }

    /// `:set outlet NAME`: the article's own outlet (`document.outlet`, saved with the
    /// annotations); an empty name (`""`) clears it.
    pub(super) fn set_outlet(&mut self, value: &str) {
        let name = crate::annotate::isnad::collapse(value.trim_matches(['"', '\'']));
        let Some(store) = self.session.store.as_mut() else {
            self.error("annotations are not available for this article");
            return;
        };
        let outlet = (!name.is_empty()).then(|| name.clone());
        if let Err(e) = store.set_outlet(outlet) {
            self.error(e.to_string());
            return;
        }
        self.session.note_change(self.shell.now);
        self.info(if name.is_empty() {
            "outlet cleared (a page that names its site gives that name again)".to_owned()
        } else {
            format!("outlet: «{name}» (saved as document.outlet, the root of the isnad)")
        });
    }
}

/// The intermediaries of a chain with their names, for the chain editor.
pub fn via_names(
    set: &AnnotationSet,
    article: &crate::article::Article,
    via: &[String],
) -> Vec<String> {
    let isnad = Isnad::new(set, article, None);
    via.iter().map(|v| isnad.name(v)).collect()
}

/// A cue's span as set by hand: without a و or ف glued to a cue verb (`وأضاف` → `أضاف`), as
/// the extractor gives it.
pub fn hand_cue(article: &crate::article::Article, range: Range<usize>) -> Option<Span> {
    let text = article.text.get(range.clone())?;
    let strip = crate::extract::cues::conjunction_prefix_len(text);
    Span::checked(article, range.start + strip..range.end).ok()
}

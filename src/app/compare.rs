//! The compare view: adjudicating two annotators' files of the open article (`:compare FILE`),
//! or the pairs a merge kept twice in it (`:compare`, `conflict_with`). The differences come
//! from the engine ([`crate::annotate::compare`]); each decision (take A, take B, take both,
//! drop both) is applied to the open file as one edit, so it is saved like every edit and the
//! merged result is the article's normal annotation file. A is the open file, B the other.

use std::ops::Range;
use std::path::PathBuf;

use crate::annotate::compare::{
    Difference, DifferenceKind, Resolution, conflict_differences, decide, edit_between, settle,
};
use crate::annotate::{AnnotationSet, Edit, Item};
use crate::app::suggestions::item_range;
use crate::app::{App, Effect};
use crate::config::commands::Command;
use crate::config::theme::Slot;
use crate::text::sanitize::printable;

/// Rows the compare bar takes under the text: a title, the difference, A's item, B's item,
/// the keys.
pub const BAR_ROWS: u16 = 5;

/// What the open file is compared with.
#[derive(Debug, Clone)]
pub enum Against {
    /// Another annotator's file, placed in this article.
    File { name: String, set: AnnotationSet },
    /// The pairs a merge kept twice in this file (`conflict_with`).
    Conflicts,
}

/// The compare view's state: the differences found when it opened, the decision taken on
/// each, which one is shown, and how to undo the decisions.
#[derive(Debug, Clone)]
pub struct Compare {
    pub against: Against,
    pub differences: Vec<Difference>,
    pub decisions: Vec<Option<Resolution>>,
    /// The difference shown.
    pub current: usize,
    /// Decisions in the order taken, with the edit that reverts each (none when a decision
    /// changed nothing, as taking A's side).
    undo: Vec<(usize, Option<Edit>)>,
    /// Drawn and given the keys (hidden by `e` and `q`; `D` shows it again).
    pub shown: bool,
}

impl Compare {
    pub fn new(against: Against, differences: Vec<Difference>) -> Self {
        Self {
            against,
            decisions: vec![None; differences.len()],
            differences,
            current: 0,
            undo: Vec::new(),
            shown: true,
        }
    }

    pub fn settled(&self) -> usize {
        self.decisions.iter().filter(|d| d.is_some()).count()
    }

    pub fn left(&self) -> usize {
        self.differences.len() - self.settled()
    }

    /// The next (or previous) difference without a decision after `current`, wrapping; else
    /// the next one in order.
    fn step(&self, forward: bool) -> usize {
        let n = self.differences.len();
        if n == 0 {
            return 0;
        }
        let order = (1..=n).map(|k| {
            if forward {
                (self.current + k) % n
            } else {
                (self.current + n - k % n) % n
            }
        });
        order
            .clone()
            .find(|&i| self.decisions[i].is_none())
            .unwrap_or_else(|| order.clone().next().unwrap_or(0))
    }

    /// What B is called on screen.
    pub fn b_name(&self) -> &str {
        match &self.against {
            Against::File { name, .. } => name,
            Against::Conflicts => "the other copy",
        }
    }

    /// The set B's items are read from: the other file, or (conflicts) the open file itself.
    fn b_set<'a>(&'a self, open: &'a AnnotationSet) -> &'a AnnotationSet {
        match &self.against {
            Against::File { set, .. } => set,
            Against::Conflicts => open,
        }
    }
}

/// The theme slot a difference of this kind is drawn in (A's and B's own slots for items only
/// one of them has).
pub fn kind_slot(kind: DifferenceKind) -> Slot {
    match kind {
        DifferenceKind::OnlyA => Slot::DiffOnlyA,
        DifferenceKind::OnlyB => Slot::DiffOnlyB,
        DifferenceKind::Label | DifferenceKind::Changed => Slot::DiffLabel,
        DifferenceKind::Boundaries => Slot::DiffBoundaries,
        DifferenceKind::Link => Slot::DiffLink,
    }
}

/// What opening a file with merge conflicts left in it says.
pub fn conflict_hint(set: &AnnotationSet) -> Option<String> {
    let what = match crate::annotate::compare::conflict_pairs(set).len() {
        0 => return None,
        1 => "1 item was".to_owned(),
        n => format!("{n} items were"),
    };
    Some(format!(
        "{what} changed on both sides of a merge (conflict_with): :compare settles them"
    ))
}

/// An item in a line: its kind and label, its text, and for a link the source and claim.
fn describe(set: &AnnotationSet, item: &Item, text: &str) -> String {
    let quote = |r: Range<usize>| {
        let s = text.get(r).unwrap_or("");
        let s: String = s.chars().take(60).collect();
        format!("«{}»", printable(&s))
    };
    let span_of = |id: &str| set.get(id).and_then(|i| item_range(set, &i));
    match item {
        Item::Entity(e) => format!("{} {}", e.label.as_str(), quote(e.span.range())),
        Item::Source(s) => match s.span {
            Some(span) => format!("source {} {}", s.source_type.words(), quote(span.range())),
            None => format!("source {} ({})", s.source_type.words(), printable(&s.name)),
        },
        Item::Claim(c) => format!("claim {} {}", c.claim_type.words(), quote(c.span.range())),
        Item::Attribution(a) => {
            let end = |id: &str| span_of(id).map_or_else(|| "—".to_owned(), quote);
            let mut line = format!(
                "link {} → {} ({}",
                end(&a.source_id),
                end(&a.claim_id),
                a.quote_type.words()
            );
            if !a.via.is_empty() {
                let via: Vec<String> = a.via.iter().map(|v| end(v)).collect();
                line.push_str(&format!(", via {}", via.join(" ← ")));
            }
            line.push_str(&format!(", {})", a.stance.words()));
            line
        }
    }
}

impl App {
    /// Whether the compare view is drawn and has the keys.
    pub fn compare_shown(&self) -> bool {
        self.compare.as_ref().is_some_and(|c| c.shown)
    }

    /// Rows the compare bar takes from the text (none when hidden), leaving the text at least
    /// one row.
    pub fn compare_rows(&self) -> u16 {
        if self.compare_shown() {
            BAR_ROWS.min(self.reader.height.saturating_sub(super::STATUS_ROWS + 1))
        } else {
            0
        }
    }

    /// `:compare FILE` reads the other file (the loop does, then sends `CompareLoaded`);
    /// `:compare` shows the hidden view again, or the merge conflicts of the open file.
    pub(super) fn compare_typed(&mut self, path: Option<PathBuf>) -> Option<Effect> {
        if let Err(e) = self.writable_store() {
            self.error(e);
            return None;
        }
        match path {
            Some(path) => Some(Effect::LoadCompare(path)),
            None => {
                self.show_compare();
                None
            }
        }
    }

    fn writable_store(&self) -> Result<&AnnotationSet, String> {
        let store = (self.session.store.as_ref())
            .ok_or("annotations are not available for this article")?;
        if let Some(reason) = store.read_only_reason() {
            return Err(format!("annotations are read-only: {reason}"));
        }
        Ok(store.set())
    }

    /// Another annotator's file, placed in this article, arrived: list the differences.
    pub(super) fn compare_loaded(&mut self, name: String, other: AnnotationSet, note: String) {
        let set = match self.writable_store() {
            Ok(set) => set,
            Err(e) => {
                self.error(e);
                return;
            }
        };
        let differences = crate::annotate::compare::differences(set, &other, &self.reader.article);
        let name = printable(&name);
        if differences.is_empty() {
            self.info(format!("no differences with {name}{note}"));
            return;
        }
        self.compare = Some(Compare::new(
            Against::File { name, set: other },
            differences,
        ));
        self.show_difference();
        if !note.is_empty() {
            let count = self.compare.as_ref().map_or(0, |c| c.differences.len());
            self.info(format!("{count} differences{note}"));
        }
    }

    /// `D`, `:compare`: the hidden view again; else the conflict pairs of the open file.
    fn show_compare(&mut self) {
        if let Some(c) = &mut self.compare {
            c.shown = true;
            self.show_difference();
            return;
        }
        let Some(store) = &self.session.store else {
            self.info("annotations are not available for this article");
            return;
        };
        let differences = conflict_differences(store.set());
        if differences.is_empty() {
            self.info(
                "no merge conflicts in this file (:compare FILE compares with another annotator's file)",
            );
            return;
        }
        self.compare = Some(Compare::new(Against::Conflicts, differences));
        self.show_difference();
    }

    /// A key of the `[compare]` section (or `D` in the reader).
    pub(super) fn compare_command(&mut self, command: Command) {
        if command == Command::CompareShow {
            return self.show_compare();
        }
        let Some(c) = &mut self.compare else {
            self.info("no comparison open: :compare FILE compares with another annotator's file");
            return;
        };
        match command {
            Command::CompareNext | Command::ComparePrev => {
                c.current = c.step(command == Command::CompareNext);
                self.show_difference();
            }
            Command::CompareTakeA => self.decide(Resolution::TakeA),
            Command::CompareTakeB => self.decide(Resolution::TakeB),
            Command::CompareTakeBoth => self.decide(Resolution::TakeBoth),
            Command::CompareDropBoth => self.decide(Resolution::DropBoth),
            Command::CompareUndo => self.undo_decision(),
            Command::CompareEdit => self.edit_difference(),
            Command::CompareHide => {
                c.shown = false;
                let (settled, total) = (c.settled(), c.differences.len());
                self.reader.refresh_view(self.page());
                self.info(format!(
                    "{settled} of {total} differences settled; {} shows them again",
                    self.show_keys()
                ));
            }
            other => self.unrouted(other),
        }
    }

    fn show_keys(&self) -> String {
        self.settings
            .keymap
            .keys_for(Command::CompareShow)
            .first()
            .map_or_else(|| ":compare".to_owned(), |k| format!("{k} or :compare"))
    }

    /// The ranges of the current difference's items (A's, then B's).
    fn difference_ranges(&self, d: &Difference) -> Vec<Range<usize>> {
        let (Some(c), Some(store)) = (&self.compare, &self.session.store) else {
            return Vec::new();
        };
        let open = store.set();
        let b = c.b_set(open);
        let range = |set: &AnnotationSet, id: &Option<String>| {
            id.as_deref()
                .and_then(|id| set.get(id))
                .and_then(|i| item_range(set, &i))
        };
        [range(open, &d.a), range(b, &d.b)]
            .into_iter()
            .flatten()
            .collect()
    }

    /// Puts the cursor over the current difference (both sides) and scrolls to it.
    fn show_difference(&mut self) {
        let Some(d) = self
            .compare
            .as_ref()
            .and_then(|c| c.differences.get(c.current).cloned())
        else {
            return;
        };
        let ranges = self.difference_ranges(&d);
        let start = ranges.iter().map(|r| r.start).min();
        let end = ranges.iter().map(|r| r.end).max();
        if let (Some(start), Some(end)) = (start, end) {
            self.reader.selection_anchor = None;
            self.reader.cursor = Some(start..end);
            self.reader.focus = d.a.clone().or(d.b.clone());
        }
        let page = self.page();
        self.reader.refresh_view(page);
        self.reader.reveal_cursor(page);
    }

    /// Applies a decision to the current difference as one edit, then goes to the next open
    /// one.
    fn decide(&mut self, how: Resolution) {
        let Some(c) = &self.compare else { return };
        let Some(d) = c.differences.get(c.current).cloned() else {
            return;
        };
        let index = c.current;
        let open = match self.writable_store() {
            Ok(open) => open,
            Err(e) => return self.error(e),
        };
        let next = match &c.against {
            Against::File { set, .. } => decide(open, set, &self.reader.article, &d, how),
            Against::Conflicts => {
                let mut next = open.clone();
                settle(&mut next, &d, how);
                next
            }
        };
        let revert = edit_between(&next, open);
        let forward = edit_between(open, &next);
        if let Some(edit) = forward
            && !self.apply_edit(edit)
        {
            return;
        }
        let Some(c) = &mut self.compare else { return };
        c.decisions[index] = Some(how);
        c.undo.push((index, revert));
        let left = c.left();
        if left > 0 {
            c.current = c.step(true);
            self.show_difference();
        }
        let what = match how {
            Resolution::TakeA => "took A",
            Resolution::TakeB => "took B",
            Resolution::TakeBoth => "kept both",
            Resolution::DropBoth => "dropped both",
        };
        self.info(if left == 0 {
            format!("{what}; every difference is settled (saved with the file)")
        } else {
            format!("{what}; {left} left")
        });
    }

    /// Undoes the last decision: reverts the items it changed and makes it open again.
    fn undo_decision(&mut self) {
        let Some((index, revert)) = self.compare.as_mut().and_then(|c| c.undo.pop()) else {
            return self.info("no decision to undo");
        };
        if let Some(edit) = revert
            && !self.apply_edit(edit)
        {
            // the items changed since (edited in the reader): the decision stays
            if let Some(c) = &mut self.compare {
                c.undo.push((index, None));
            }
            return;
        }
        if let Some(c) = &mut self.compare {
            c.decisions[index] = None;
            c.current = index;
        }
        self.show_difference();
        self.info("decision undone");
    }

    /// `e`: hides the view with the cursor on the difference's item, to edit it in the reader.
    fn edit_difference(&mut self) {
        self.show_difference();
        let keys = self.show_keys();
        if let Some(c) = &mut self.compare {
            c.shown = false;
            let d = &c.differences[c.current];
            if d.a.is_none() {
                self.reader.refresh_view(self.page());
                return self.info(format!(
                    "only in B: not in this file yet (take it with b); {keys} goes back"
                ));
            }
        }
        self.reader.refresh_view(self.page());
        self.info(format!("edit it here; {keys} goes back to the differences"));
    }

    /// What the compare bar says about the current difference: a title, the difference with
    /// its decision, A's item and B's item.
    pub fn compare_lines(&self) -> Option<[String; 4]> {
        let c = self.compare.as_ref().filter(|c| c.shown)?;
        let open = self.session.store.as_ref()?.set();
        let text = &self.reader.article.text;
        let d = c.differences.get(c.current)?;
        // the counter first: it must survive a narrow screen
        let title = format!(
            "{} of {} differences · {} left · {}",
            c.current + 1,
            c.differences.len(),
            c.left(),
            match &c.against {
                Against::File { name, .. } => format!("B: {name}"),
                Against::Conflicts => "merge conflicts (conflict_with)".to_owned(),
            }
        );
        let decision = match c.decisions[c.current] {
            None => String::new(),
            Some(Resolution::TakeA) => " · settled: took A".to_owned(),
            Some(Resolution::TakeB) => " · settled: took B".to_owned(),
            Some(Resolution::TakeBoth) => " · settled: kept both".to_owned(),
            Some(Resolution::DropBoth) => " · settled: dropped both".to_owned(),
        };
        let what = format!("{}: {}{decision}", d.layer.name(), d.kind.describe());
        let side = |set: &AnnotationSet, id: &Option<String>| match id
            .as_deref()
            .and_then(|id| set.get(id))
        {
            Some(item) => describe(set, &item, text),
            None => "—".to_owned(),
        };
        Some([title, what, side(open, &d.a), side(c.b_set(open), &d.b)])
    }

    /// The marks the reader draws while the compare view is shown: every item of the open
    /// file quietly, then both sides of each open difference in its kind's slot.
    pub fn compare_marks(&self, range: &Range<usize>) -> Option<Vec<(Range<usize>, Slot)>> {
        let c = self.compare.as_ref().filter(|c| c.shown)?;
        let open = self.session.store.as_ref()?.set();
        let b = c.b_set(open);
        let overlaps = |r: &Range<usize>| r.start < range.end && range.start < r.end;
        let mut open_ids = std::collections::HashSet::new();
        let mut differing = Vec::new();
        for (d, decision) in c.differences.iter().zip(&c.decisions) {
            if decision.is_some() {
                continue;
            }
            let slot = kind_slot(d.kind);
            for (set, id) in [(open, &d.a), (b, &d.b)] {
                if let Some(item) = id.as_deref().and_then(|id| set.get(id)) {
                    open_ids.insert(item.id().to_owned());
                    if let Some(r) = item_range(set, &item).filter(|r| overlaps(r)) {
                        differing.push((r, slot));
                    }
                }
            }
        }
        let mut out: Vec<(Range<usize>, Slot)> = open
            .items()
            .filter(|i| !open_ids.contains(i.id()) && self.reader.layers.shows_item(i))
            .filter_map(|i| i.span())
            .map(|s| s.range())
            .filter(|r| overlaps(r))
            .map(|r| (r, Slot::Agreed))
            .collect();
        out.extend(differing);
        Some(out)
    }
}

//! The claims table and the sources table (`g c` / `:claims`, `g s` / `:sources`): full-width
//! screens listing the article's claims or sources one per row, sortable by any column,
//! filtered, and editable in place. The rows are built from the annotations here ([`claims`],
//! [`sources`]); what stays between keys is a [`Table`] per screen (the chosen row by id, the
//! sort and the filter). `ui::tables` draws them. Type and verdict changes go through the
//! reader's choice picker, so they are one undo step each and the status bar says what changed.

pub mod claims;
pub mod sources;

use crate::app::attributes::{Attribute, ChoicePicker};
use crate::app::{App, Effect, Overlay, Screen};
use crate::config::commands::{Command, Mode, TableKey};
use crate::config::keymap::KeyPress;
use claims::{ClaimColumn, ClaimFilter, ClaimRow};
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use sources::{SourceColumn, SourceFilter, SourceRow};

/// Where a table is: the chosen row (by id, so it follows its claim when a change re-sorts
/// the rows, and by position when its row leaves the filter) and the first row on screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowCursor {
    pub selected: Option<String>,
    /// The chosen row's position last time, for when its id is no longer shown.
    pub index: usize,
    pub top: usize,
}

impl RowCursor {
    /// The position of the chosen row among `ids` (the rows as shown).
    pub fn position<S: AsRef<str>>(&self, ids: &[S]) -> usize {
        self.selected
            .as_deref()
            .and_then(|id| ids.iter().position(|i| i.as_ref() == id))
            .unwrap_or(self.index)
            .min(ids.len().saturating_sub(1))
    }

    /// Moves the chosen row by `delta` among `ids`, keeping it within `height` rows on screen.
    pub fn move_by<S: AsRef<str>>(&mut self, ids: &[S], delta: isize, height: usize) {
        let at = self
            .position(ids)
            .saturating_add_signed(delta)
            .min(ids.len().saturating_sub(1));
        self.choose(ids, at, height);
    }

    /// Makes row `at` of `ids` the chosen one, scrolled onto a screen of `height` rows.
    pub fn choose<S: AsRef<str>>(&mut self, ids: &[S], at: usize, height: usize) {
        self.index = at;
        self.selected = ids.get(at).map(|id| id.as_ref().to_owned());
        self.top = scrolled(self.top, at, height);
    }
}

/// What one table remembers between keys: where it is, its sort and its filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table<C, F> {
    pub at: RowCursor,
    pub sort: C,
    pub descending: bool,
    pub filter: F,
}

/// The first row on screen so that row `at` shows on a screen of `height` rows.
pub fn scrolled(top: usize, at: usize, height: usize) -> usize {
    let height = height.max(1);
    if at < top {
        at
    } else if at >= top + height {
        at + 1 - height
    } else {
        top
    }
}

/// The next (or previous, `forward` false) of `all` after `current`; the first when `current`
/// is not among them.
pub fn cycle<T: PartialEq + Clone>(all: &[T], current: &T, forward: bool) -> Option<T> {
    let len = all.len();
    if len == 0 {
        return None;
    }
    let next = match all.iter().position(|x| x == current) {
        Some(i) if forward => (i + 1) % len,
        Some(i) => (i + len - 1) % len,
        None => 0,
    };
    all.get(next).cloned()
}

/// A column besides the text, as [`fit_columns`] places it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    /// The width it would like.
    pub want: usize,
    /// The narrowest it may be cut to when `want` does not fit (`want` when it may not be cut).
    pub least: usize,
    /// Lower stays first when the screen is narrow.
    pub priority: usize,
}

/// How wide each column of a table is in `width` cells: column 0 (the text) always, at least
/// `first_min` wide; then the `others` by priority (lower first) while they fit, each with a
/// one-cell separator before it, one that may be cut taking the room left when its full width
/// does not fit. Returns the widths in display order, 0 for a column left out; the text takes
/// the room left.
pub fn fit_columns(width: usize, first_min: usize, others: &[Fit]) -> Vec<usize> {
    let room = width.saturating_sub(first_min);
    let mut order: Vec<usize> = (0..others.len()).collect();
    order.sort_by_key(|&i| others[i].priority);
    let mut used = 0;
    let mut shown = vec![0; others.len()];
    for i in order {
        let left = room.saturating_sub(used + 1);
        let w = if others[i].want <= left {
            others[i].want
        } else if others[i].least <= left {
            left
        } else {
            continue;
        };
        used += w + 1;
        shown[i] = w;
    }
    let mut out = vec![width.saturating_sub(used)];
    out.extend(shown);
    out
}

/// The rows `keeps` keeps, in `order` (reversed when `descending`).
pub fn arrange<R>(
    rows: Vec<R>,
    keeps: impl Fn(&R) -> bool,
    order: impl Fn(&R, &R) -> std::cmp::Ordering,
    descending: bool,
) -> Vec<R> {
    let mut out: Vec<R> = rows.into_iter().filter(|r| keeps(r)).collect();
    out.sort_by(|a, b| order(a, b));
    if descending {
        out.reverse();
    }
    out
}

/// The values of a vocabulary (in its order) that some row has: the filters worth offering.
pub fn present<T: Copy + PartialEq, R>(all: &[T], rows: &[R], value: impl Fn(&R) -> T) -> Vec<T> {
    all.iter()
        .copied()
        .filter(|v| rows.iter().any(|r| value(r) == *v))
        .collect()
}

/// Which table a screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Claims,
    Sources,
}

/// The two tables' state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tables {
    pub claims: Table<ClaimColumn, ClaimFilter>,
    pub sources: Table<SourceColumn, SourceFilter>,
}

impl App {
    /// The claims table's rows as the annotations are now, filtered and sorted.
    pub fn claim_rows(&self) -> Vec<ClaimRow> {
        let t = &self.tables.claims;
        claims::shown(self.all_claim_rows(), &t.filter, t.sort, t.descending)
    }

    /// Every claim row, before the filter (the filters offered depend on them).
    pub fn all_claim_rows(&self) -> Vec<ClaimRow> {
        match &self.session.store {
            Some(store) => claims::rows(store.set(), &self.reader.article, self.outlet()),
            None => Vec::new(),
        }
    }

    /// The sources table's rows as the annotations are now, filtered and sorted.
    pub fn source_rows(&self) -> Vec<SourceRow> {
        let t = &self.tables.sources;
        sources::shown(self.all_source_rows(), &t.filter, t.sort, t.descending)
    }

    /// Every source row, before the filter.
    pub fn all_source_rows(&self) -> Vec<SourceRow> {
        match &self.session.store {
            Some(store) => sources::rows(store.set(), &self.reader.article, self.outlet()),
            None => Vec::new(),
        }
    }

    /// Rows of a table on screen (below its title and header lines).
    pub fn table_height(&self) -> usize {
        usize::from(self.text_height().saturating_sub(2)).max(1)
    }

    /// The ids of the rows a table shows, in order.
    fn shown_ids(&self, which: Which) -> Vec<String> {
        match which {
            Which::Claims => self.claim_rows().into_iter().map(|r| r.id).collect(),
            Which::Sources => self.source_rows().into_iter().map(|r| r.id).collect(),
        }
    }

    fn row_cursor(&mut self, which: Which) -> &mut RowCursor {
        match which {
            Which::Claims => &mut self.tables.claims.at,
            Which::Sources => &mut self.tables.sources.at,
        }
    }

    /// The chosen row of the claims table, if it shows any.
    pub fn chosen_claim(&self) -> Option<ClaimRow> {
        let rows = self.claim_rows();
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        let at = self.tables.claims.at.position(&ids);
        rows.into_iter().nth(at)
    }

    /// The chosen row of the sources table, if it shows any.
    pub fn chosen_source(&self) -> Option<SourceRow> {
        let rows = self.source_rows();
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        let at = self.tables.sources.at.position(&ids);
        rows.into_iter().nth(at)
    }

    /// The table on screen, if one is.
    pub fn table_shown(&self) -> Option<Which> {
        match self.screen {
            Screen::Claims => Some(Which::Claims),
            Screen::Sources => Some(Which::Sources),
            Screen::Reader | Screen::Library | Screen::Isnad => None,
        }
    }

    /// The mouse over a table: the wheel moves the chosen row, a click chooses the row under
    /// it (the rows start below the title and header lines).
    pub(super) fn table_mouse(&mut self, mouse: MouseEvent) {
        let Some(which) = self.table_shown() else {
            return;
        };
        let ids = self.shown_ids(which);
        let height = self.table_height();
        let wheel = self.settings.config.wheel_lines as isize;
        let at = self.row_cursor(which);
        match mouse.kind {
            MouseEventKind::ScrollDown => at.move_by(&ids, wheel, height),
            MouseEventKind::ScrollUp => at.move_by(&ids, -wheel, height),
            MouseEventKind::Down(MouseButton::Left) => {
                let row = usize::from(mouse.row).checked_sub(2).map(|r| at.top + r);
                if let Some(row) = row.filter(|r| *r < ids.len()) {
                    at.choose(&ids, row, height);
                }
            }
            _ => {}
        }
    }

    /// `g c`, `:claims`, `g s`, `:sources`: the table, on the row of what is under the cursor
    /// when there is one; again, back to the reader. (No full redraw is needed: the terminal
    /// layer writes rows with Arabic marks whole, `tui::ink`.)
    pub(super) fn open_table(&mut self, which: Which) {
        let screen = match which {
            Which::Claims => Screen::Claims,
            Which::Sources => Screen::Sources,
        };
        if self.screen == screen {
            self.screen = Screen::Reader;
            return;
        }
        if self.session.store.is_none() {
            self.error("annotations are not available for this article");
            return;
        }
        let under = self
            .reader
            .cursor
            .as_ref()
            .map(|c| c.start)
            .and_then(|at| match which {
                Which::Claims => self.claim_rows().iter().position(|r| r.range.contains(&at)),
                Which::Sources => self.source_rows().iter().position(|r| r.covers(at)),
            });
        let ids = self.shown_ids(which);
        let height = self.table_height();
        let at = self.row_cursor(which);
        let index = under.unwrap_or_else(|| at.position(&ids));
        at.choose(&ids, index, height);
        self.screen = screen;
        let (what, all, more) = match which {
            Which::Claims => ("claims", self.all_claim_rows().len(), " · V verdict"),
            Which::Sources => ("sources", self.all_source_rows().len(), ""),
        };
        self.info(format!(
            "{what}: {} of {all} shown · o sorts · f filters · t type{more} · Enter jumps · Esc \
             back",
            ids.len()
        ));
    }

    /// A key while a table fills the screen: its own section first; other keys reach the
    /// reader's keymap only for help, `:`, undo and the like.
    pub(super) fn table_key(&mut self, press: KeyPress, which: Which) -> Option<Effect> {
        let mode = match which {
            Which::Claims => Mode::Claims,
            Which::Sources => Mode::Sources,
        };
        if let Some(Command::Claims(key) | Command::Sources(key)) =
            self.settings.keymap.command_in(mode, press)
        {
            self.table_command(which, key);
            return None;
        }
        self.pass_to_reader(
            press,
            &[Command::Undo, Command::Redo],
            "in the table: j/k move, o sorts, f filters, Enter jumps to the text, Esc goes back \
             (? shows the keys)",
        )
    }

    /// One table key: moves, sorts, filters, opens a picker or jumps.
    pub(super) fn table_command(&mut self, which: Which, key: TableKey) {
        let height = self.table_height();
        let page = height as isize;
        let delta = match key {
            TableKey::Back => {
                self.screen = Screen::Reader;
                self.info("back to the article");
                return;
            }
            TableKey::Sort | TableKey::Reverse => {
                return self.sort_table(which, key == TableKey::Sort);
            }
            TableKey::Filter | TableKey::FilterBack => {
                return self.filter_table(which, key == TableKey::Filter);
            }
            TableKey::Jump => return self.table_jump(which),
            TableKey::SetType | TableKey::Verdict => return self.table_choice(which, key),
            TableKey::Down => 1,
            TableKey::Up => -1,
            TableKey::PageDown => page,
            TableKey::PageUp => -page,
            TableKey::Top => isize::MIN,
            TableKey::Bottom => isize::MAX,
        };
        let ids = self.shown_ids(which);
        self.row_cursor(which).move_by(&ids, delta, height);
    }

    /// `o` sorts by the next column, `O` flips the order; the chosen row stays chosen.
    fn sort_table(&mut self, which: Which, next_column: bool) {
        let (name, descending) = match which {
            Which::Claims => {
                let t = &mut self.tables.claims;
                if next_column {
                    t.sort = cycle(ClaimColumn::ALL, &t.sort, true).unwrap_or_default();
                    t.descending = false;
                } else {
                    t.descending = !t.descending;
                }
                (t.sort.name(), t.descending)
            }
            Which::Sources => {
                let t = &mut self.tables.sources;
                if next_column {
                    t.sort = cycle(SourceColumn::ALL, &t.sort, true).unwrap_or_default();
                    t.descending = false;
                } else {
                    t.descending = !t.descending;
                }
                (t.sort.name(), t.descending)
            }
        };
        self.keep_chosen_row(which);
        let order = if descending {
            "descending"
        } else {
            "ascending"
        };
        self.info(format!("sorted by {name} ({order})"));
    }

    /// `f` / `F`: the next or previous filter among those the rows make meaningful.
    fn filter_table(&mut self, which: Which, forward: bool) {
        let (label, all) = match which {
            Which::Claims => {
                let all = self.all_claim_rows();
                let offered = claims::filters(&all);
                let t = &mut self.tables.claims;
                t.filter = cycle(&offered, &t.filter, forward).unwrap_or_default();
                (t.filter.label(), all.len())
            }
            Which::Sources => {
                let all = self.all_source_rows();
                let offered = sources::filters(&all);
                let t = &mut self.tables.sources;
                t.filter = cycle(&offered, &t.filter, forward).unwrap_or_default();
                (t.filter.label(), all.len())
            }
        };
        let shown = self.keep_chosen_row(which);
        self.info(format!("filter: {label} ({shown} of {all})"));
    }

    /// After a sort or a filter: the chosen row scrolled into view (or the row now at its
    /// place, when the filter hid it). Returns how many rows are shown.
    fn keep_chosen_row(&mut self, which: Which) -> usize {
        let ids = self.shown_ids(which);
        let height = self.table_height();
        let at = self.row_cursor(which);
        at.choose(&ids, at.position(&ids), height);
        ids.len()
    }

    /// `Enter`: the reader, on the claim (or the source's first mention) of the chosen row.
    fn table_jump(&mut self, which: Which) {
        let (target, back) = match which {
            Which::Claims => (self.chosen_claim().map(|r| r.range), Command::ClaimsTable),
            Which::Sources => (
                self.chosen_source().and_then(|r| r.first),
                Command::SourcesTable,
            ),
        };
        let Some(target) = target else {
            self.info("nothing to jump to: this row has no place in the text");
            return;
        };
        self.screen = Screen::Reader;
        let page = self.page();
        self.reader.go_to_span(target, page);
        let hint = (self.settings.keymap.keys_for(back).first())
            .map(|k| format!(" ({k} goes back to the table)"))
            .unwrap_or_default();
        self.info(format!("jumped to the text{hint}"));
    }

    /// `t` / `V`: the reader's type or verdict picker for the chosen row's claim or source;
    /// the choice is applied as in the reader (one undo step, said in words).
    fn table_choice(&mut self, which: Which, key: TableKey) {
        let picker = match which {
            Which::Claims => self.chosen_claim().map(|r| {
                let (attribute, current) = if key == TableKey::Verdict {
                    (Attribute::Verification, r.verdict.as_str())
                } else {
                    (Attribute::ClaimType, r.claim_type.as_str())
                };
                ChoicePicker {
                    id: r.id,
                    attribute,
                    current,
                }
            }),
            Which::Sources if key == TableKey::Verdict => {
                self.info("sources have no verdict: set it on a claim (g c)");
                return;
            }
            Which::Sources => self.chosen_source().map(|r| ChoicePicker {
                id: r.id,
                attribute: Attribute::SourceType,
                current: r.source_type.as_str(),
            }),
        };
        match picker {
            Some(picker) => self.overlay = Overlay::Choice(picker),
            None => self.info("no row chosen: the table is empty"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_column_keeps_its_room_and_others_come_by_priority() {
        // a wide column of priority 1, narrow ones of 2 and 3
        let fixed = |want, priority| Fit {
            want,
            least: want,
            priority,
        };
        let others = [fixed(20, 1), fixed(8, 2), fixed(6, 3)];
        assert_eq!(
            fit_columns(100, 40, &others),
            vec![100 - 21 - 9 - 7, 20, 8, 6]
        );
        // 40 wide, 20 kept for the text: the wide column does not fit, the narrow ones do
        assert_eq!(fit_columns(40, 20, &others), vec![40 - 9 - 7, 0, 8, 6]);
        // too narrow for anything but the text
        assert_eq!(fit_columns(24, 20, &others), vec![24, 0, 0, 0]);
        // a column that may be cut to 10 takes the room left when its 20 do not fit
        let cut = [
            Fit {
                least: 10,
                ..fixed(20, 1)
            },
            fixed(8, 2),
            fixed(6, 3),
        ];
        assert_eq!(fit_columns(40, 20, &cut), vec![20, 19, 0, 0]);
        // too little room even for its 10: the next ones come in
        assert_eq!(fit_columns(30, 20, &cut), vec![21, 0, 8, 0]);
    }

    #[test]
    fn the_chosen_row_follows_its_id_then_its_place() {
        let mut t = RowCursor::default();
        let ids = ["a", "b", "c", "d"];
        t.move_by(&ids, 2, 10);
        assert_eq!(t.selected.as_deref(), Some("c"));
        // re-sorted: it is found where it went
        assert_eq!(t.position(&["c", "a", "b", "d"]), 0);
        // filtered out: the row now at its place
        assert_eq!(t.position(&["a", "b", "d"]), 2);
        // scrolled: a screen of two rows shows it
        t.move_by(&ids, 1, 2);
        assert_eq!((t.index, t.top), (3, 2));
        t.move_by(&ids, isize::MIN, 2);
        assert_eq!((t.index, t.top), (0, 0));
    }

    #[test]
    fn cycling_wraps_and_starts_over_from_an_unknown_value() {
        let all = [1, 2, 3];
        assert_eq!(cycle(&all, &3, true), Some(1));
        assert_eq!(cycle(&all, &1, false), Some(3));
        assert_eq!(cycle(&all, &9, true), Some(1));
        assert_eq!(cycle::<i32>(&[], &1, true), None);
    }
}

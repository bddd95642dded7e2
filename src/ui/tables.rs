//! Drawing the claims and sources tables: a title line (counts, sort, filter), a header with
//! the sorted column marked ▲/▼, then one row per claim or source. The text column always
//! shows and keeps at least a third of the width; the other columns are dropped by priority
//! when they do not fit. Every cell is laid out by the engine and cut by visual cells
//! ([`crate::ui::fit`]); right-to-left cells sit at the right of their column.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::annotate::{ReviewStatus, VerificationStatus};
use crate::app::App;
use crate::app::tables::claims::{self, ClaimColumn, ClaimRow};
use crate::app::tables::sources::{self, SourceColumn, SourceRow};
use crate::app::tables::{Fit, Table, cycle, fit_columns};
use crate::config::commands::{Command, TableKey};
use crate::config::theme::Slot;
use crate::layout::Direction;

/// Narrowest the text column gets.
const TEXT_MIN: usize = 16;

/// One column of a grid: its heading, how wide it may grow, its priority, and whether its
/// cells are numbers (drawn at the right).
struct Column {
    heading: String,
    max_width: usize,
    /// The narrowest it may be cut to when the screen is narrow.
    least_width: Option<usize>,
    priority: usize,
    numeric: bool,
}

/// A table ready to draw: columns, rows of (text, style) cells, the chosen row.
struct Grid<'a> {
    app: &'a App,
    title: &'static str,
    summary: String,
    columns: Vec<Column>,
    rows: Vec<Vec<(String, Style)>>,
    selected: usize,
    top: usize,
    empty: &'static str,
    /// The screen column of the table's left edge (set when drawn).
    left: u16,
}

/// The heading of a column, with ▲ or ▼ when the table is sorted by it.
fn heading(name: &str, sorted: bool, descending: bool) -> String {
    match (sorted, descending) {
        (false, _) => name.to_owned(),
        (true, false) => format!("{name}▲"),
        (true, true) => format!("{name}▼"),
    }
}

impl Grid<'_> {
    /// The first row: the table's title, reversed, and its summary after it.
    fn draw_title(&self, buf: &mut Buffer, area: Rect) {
        let app = self.app;
        let title = (app.theme.style(Slot::PopupTitle)).add_modifier(Modifier::REVERSED);
        let width = usize::from(area.width);
        let (x, _) = buf.set_stringn(area.x, area.y, self.title, width, title);
        let room = usize::from(area.right().saturating_sub(x + 1));
        let summary = crate::ui::fit(app, &self.summary, room, Direction::Ltr);
        buf.set_stringn(
            x + 1,
            area.y,
            summary.text,
            room,
            app.theme.style(Slot::Text),
        );
    }

    /// Each column's width: the first takes the room the others leave; 0 for a dropped one.
    fn widths(&self, width: usize) -> Vec<usize> {
        let others: Vec<Fit> = (self.columns.iter().enumerate().skip(1))
            .map(|(i, c)| {
                let widest = (self.rows.iter())
                    .map(|r| r.get(i).map_or(0, |(t, _)| t.width()))
                    .max()
                    .unwrap_or(0);
                let want = widest.min(c.max_width).max(c.heading.width());
                Fit {
                    want,
                    least: c.least_width.unwrap_or(want).min(want),
                    priority: c.priority,
                }
            })
            .collect();
        fit_columns(width, TEXT_MIN.max(width / 3), &others)
    }

    /// Draws `cells` on line `y` in the columns' widths, separated by bars in `bar`'s style.
    fn line(
        &self,
        buf: &mut Buffer,
        y: u16,
        cells: &[(String, Style)],
        widths: &[usize],
        bar: Style,
    ) {
        let app = self.app;
        let mut x = usize::from(self.left);
        for (i, (&w, column)) in widths.iter().zip(&self.columns).enumerate() {
            if w == 0 {
                continue;
            }
            if i > 0 {
                buf.set_stringn(x as u16, y, "│", 1, bar);
                x += 1;
            }
            let Some((text, style)) = cells.get(i) else {
                continue;
            };
            let fitted = crate::ui::fit(app, text, w, Direction::Auto);
            let pad = if fitted.rtl || column.numeric {
                w.saturating_sub(fitted.width)
            } else {
                0
            };
            buf.set_stringn((x + pad) as u16, y, &fitted.text, w - pad, *style);
            x += w;
        }
    }
}

impl Widget for Grid<'_> {
    fn render(mut self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let area = area.intersection(buf.area);
        if area.height == 0 || area.width == 0 {
            return;
        }
        self.left = area.x;
        let text = app.theme.style(Slot::Text);
        buf.set_style(area, text);
        let width = usize::from(area.width);
        self.draw_title(buf, area);
        if area.height < 2 {
            return;
        }
        let widths = self.widths(width);
        let head = app.theme.style(Slot::HelpGroup);
        let headings: Vec<(String, Style)> = self
            .columns
            .iter()
            .map(|c| (c.heading.clone(), head))
            .collect();
        let bar = app.theme.style(Slot::PopupBorder);
        self.line(buf, area.y + 1, &headings, &widths, bar);
        if self.rows.is_empty() {
            if area.height > 2 {
                buf.set_stringn(area.x + 1, area.y + 2, self.empty, width - 1, text);
            }
            return;
        }
        let height = usize::from(area.height - 2);
        let selected = self.selected.min(self.rows.len() - 1);
        let top = crate::app::tables::scrolled(self.top.min(selected), selected, height);
        let chosen = app.theme.style(Slot::Cursor);
        let shown = self.rows.iter().enumerate().skip(top).take(height);
        for (dy, (i, row)) in shown.enumerate() {
            let y = area.y + 2 + dy as u16;
            if i == selected {
                let line = Rect {
                    y,
                    height: 1,
                    ..area
                };
                buf.set_style(line, chosen);
                let cells: Vec<(String, Style)> = row
                    .iter()
                    .map(|(t, s)| (t.clone(), s.patch(chosen)))
                    .collect();
                self.line(buf, y, &cells, &widths, bar.patch(chosen));
            } else {
                self.line(buf, y, row, &widths, bar);
            }
        }
    }
}

/// The style of a verdict: false and misleading ones stand out, true ones are marked.
fn verdict_style(app: &App, verdict: VerificationStatus) -> Style {
    use VerificationStatus as V;
    match verdict {
        V::False | V::MostlyFalse | V::Misleading => app.theme.style(Slot::StatusError),
        // the message colour without the status bar's background, which would make a block
        V::True | V::MostlyTrue => {
            let info = app.theme.style(Slot::StatusInfo);
            app.theme.style(Slot::Text).patch(Style {
                fg: info.fg,
                ..Style::default()
            })
        }
        _ => app.theme.style(Slot::Text),
    }
}

fn review_style(app: &App, review: ReviewStatus) -> Style {
    match review {
        ReviewStatus::Suggested => app.theme.style(Slot::Suggested),
        _ => app.theme.style(Slot::Text),
    }
}

/// What the grid needs to know of a table's columns.
trait GridColumn: Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    fn name(self) -> &'static str;
    fn priority(self) -> usize;
    /// The widest it is drawn.
    fn max_width(self) -> usize {
        16
    }
    /// The narrowest it may be cut to on a narrow screen (`None`: shown whole or not at all).
    fn least_width(self) -> Option<usize> {
        None
    }
    /// Whether its cells are numbers (drawn at the right).
    fn numeric(self) -> bool {
        false
    }
}

impl GridColumn for ClaimColumn {
    const ALL: &'static [Self] = ClaimColumn::ALL;
    fn name(self) -> &'static str {
        ClaimColumn::name(self)
    }
    fn priority(self) -> usize {
        ClaimColumn::priority(self)
    }
    fn max_width(self) -> usize {
        ClaimColumn::max_width(self)
    }
    fn least_width(self) -> Option<usize> {
        // who said it matters more than the rest: cut rather than dropped
        (self == ClaimColumn::Sources).then_some(10)
    }
}

impl GridColumn for SourceColumn {
    const ALL: &'static [Self] = SourceColumn::ALL;
    fn name(self) -> &'static str {
        SourceColumn::name(self)
    }
    fn priority(self) -> usize {
        SourceColumn::priority(self)
    }
    fn max_width(self) -> usize {
        // the longest type in words, `anonymous official`
        if self == SourceColumn::Type { 18 } else { 16 }
    }
    fn numeric(self) -> bool {
        matches!(self, SourceColumn::Mentions | SourceColumn::Claims)
    }
}

impl<'a> Grid<'a> {
    /// The grid of `rows` (shown of `all`) in the state of `table`; `cell` gives what a row
    /// shows in a column, with its style.
    #[allow(clippy::too_many_arguments)]
    fn new<R, C: GridColumn, F>(
        app: &'a App,
        title: &'static str,
        table: &Table<C, F>,
        filter: String,
        all: usize,
        rows: &[R],
        id: impl Fn(&R) -> &str,
        cell: impl Fn(&R, C) -> (String, Style),
        empty: &'static str,
    ) -> Self {
        let ids: Vec<&str> = rows.iter().map(&id).collect();
        let order = if table.descending { "▼" } else { "▲" };
        Grid {
            app,
            title,
            summary: format!(
                "{} of {all} · {filter} · sort {}{order} · o sort  O order",
                rows.len(),
                table.sort.name()
            ),
            columns: (C::ALL.iter())
                .map(|&c| Column {
                    heading: heading(c.name(), c == table.sort, table.descending),
                    max_width: c.max_width(),
                    least_width: c.least_width(),
                    // the column the rows are sorted by shows first of all, so the order is
                    // visible however narrow the screen
                    priority: if c == table.sort { 0 } else { c.priority() },
                    numeric: c.numeric(),
                })
                .collect(),
            rows: (rows.iter())
                .map(|r| C::ALL.iter().map(|&c| cell(r, c)).collect())
                .collect(),
            selected: table.at.position(&ids),
            top: table.at.top,
            empty,
            left: 0,
        }
    }
}

/// The active filter and where the filter key goes next: `filter all (f → unsourced)`.
fn filter_summary(app: &App, key: Command, now: String, next: Option<String>) -> String {
    let keys = app.settings.keymap.keys_for(key);
    match (keys.first(), next.filter(|n| *n != now)) {
        (Some(k), Some(next)) => format!("filter {now} ({k} → {next})"),
        _ => format!("filter {now}"),
    }
}

/// The claims table, filling the text area.
pub struct ClaimsTable<'a> {
    pub app: &'a App,
}

impl Widget for ClaimsTable<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let t = &app.tables.claims;
        // built once per frame: the count of all and the rows shown
        let all = app.all_claim_rows();
        let text = app.theme.style(Slot::Text);
        let cell = |r: &ClaimRow, c: ClaimColumn| {
            let style = match c {
                ClaimColumn::Verdict => verdict_style(app, r.verdict),
                ClaimColumn::Review => review_style(app, r.review),
                _ => text,
            };
            (r.cell(c), style)
        };
        Grid::new(
            app,
            " claims ",
            t,
            filter_summary(
                app,
                Command::Claims(TableKey::Filter),
                t.filter.label(),
                cycle(&claims::filters(&all), &t.filter, true).map(|f| f.label()),
            ),
            all.len(),
            &claims::shown(all.clone(), &t.filter, t.sort, t.descending),
            |r| r.id.as_str(),
            cell,
            "no claims here: tag one in the reader (c), or change the filter (f)",
        )
        .render(area, buf);
    }
}

/// The sources table, filling the text area.
pub struct SourcesTable<'a> {
    pub app: &'a App,
}

impl Widget for SourcesTable<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let t = &app.tables.sources;
        let all = app.all_source_rows();
        let text = app.theme.style(Slot::Text);
        let cell = |r: &SourceRow, c: SourceColumn| {
            let style = match c {
                SourceColumn::Name => text.add_modifier(Modifier::BOLD),
                SourceColumn::Review => review_style(app, r.review),
                _ => text,
            };
            (r.cell(c), style)
        };
        Grid::new(
            app,
            " sources ",
            t,
            filter_summary(
                app,
                Command::Sources(TableKey::Filter),
                t.filter.label(),
                cycle(&sources::filters(&all), &t.filter, true).map(|f| f.label()),
            ),
            all.len(),
            &sources::shown(all.clone(), &t.filter, t.sort, t.descending),
            |r| r.id.as_str(),
            cell,
            "no sources here: tag one in the reader (s), or change the filter (f)",
        )
        .render(area, buf);
    }
}

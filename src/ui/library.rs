//! The library list: one row per article with its title (laid out by the bidi engine, so Arabic
//! titles read correctly and sit right-aligned in their column), size (a feed item: source,
//! date and whether it was read or annotated) and annotation progress: accepted, pending and
//! claims from its annotation file, or for an article never opened what a first open would
//! suggest (`…` while it is counted, `-` for a feed item not fetched yet).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::app::App;
use crate::app::fetches::Address;
use crate::app::library::{CountsFrom, Entry};
use crate::article::feed::ItemState;
use crate::config::theme::Slot;
use crate::layout::Direction;

pub struct LibraryView<'a> {
    pub app: &'a App,
}

fn human_size(bytes: u64) -> String {
    match bytes {
        0..1024 => format!("{bytes} B"),
        1024..1_048_576 => format!("{:.1} KB", bytes as f64 / 1024.0),
        _ => format!("{:.1} MB", bytes as f64 / 1_048_576.0),
    }
}

/// The columns right of the title: a folder's size, or a feed item's source, date and state;
/// then the annotation counts, and a team's (`super::compare::TeamColumns`).
struct Columns {
    feeds: bool,
    team: super::compare::TeamColumns,
}

impl Columns {
    /// Width of the source column of a feed library.
    const SOURCE: u16 = 14;

    /// Cells right of the title (each column with the space before it).
    fn width(&self) -> u16 {
        let counts = 3 * 7 + self.team.width();
        if self.feeds {
            1 + Self::SOURCE + 17 + 10 + counts
        } else {
            10 + counts
        }
    }

    fn header(&self) -> String {
        let counts = format!(
            " {:>6} {:>6} {:>6}{}",
            "done",
            "todo",
            "claims",
            self.team.header()
        );
        if self.feeds {
            format!(
                " {:<sw$} {:<16} {:<9}{counts}",
                "source",
                "date",
                "state",
                sw = usize::from(Self::SOURCE)
            )
        } else {
            format!(" {:>9}{counts}", "size")
        }
    }

    /// The row's text right of the title, except a feed item's source (drawn by the engine).
    fn numbers(&self, entry: &Entry) -> String {
        let same = |mark: &str| (mark.to_owned(), mark.to_owned(), mark.to_owned());
        let (done, todo, claims) = match entry.counts_from {
            _ if entry.unreadable => same("?"),
            CountsFrom::Counting => same("…"),
            CountsFrom::Nothing => same("-"),
            CountsFrom::File | CountsFrom::Suggested => (
                entry.accepted.to_string(),
                entry.pending.to_string(),
                entry.claims.to_string(),
            ),
        };
        let counts = format!(" {done:>6} {todo:>6} {claims:>6}{}", self.team.cells(entry));
        match &entry.item {
            Some(item) => {
                let state = match item.state {
                    ItemState::New => "new",
                    ItemState::Read => "read",
                    ItemState::Annotated => "annotated",
                };
                let date = item.published.as_deref().unwrap_or("");
                format!(" {date:<16} {state:<9}{counts}")
            }
            None => format!(" {:>9}{counts}", human_size(entry.bytes)),
        }
    }
}

/// Draws `text` in `width` cells at `x`, laid out by the engine and cut after layout
/// (`ui::fit`), right-aligned when right-to-left, so Arabic reads correctly.
fn draw_fitted(app: &App, buf: &mut Buffer, x: u16, y: u16, width: u16, text: &str, style: Style) {
    let fitted = crate::ui::fit(app, text, usize::from(width), Direction::Auto);
    let indent = if fitted.rtl {
        usize::from(width).saturating_sub(fitted.width)
    } else {
        0
    };
    buf.set_stringn(
        x + u16::try_from(indent).unwrap_or(0),
        y,
        &fitted.text,
        fitted.width,
        style,
    );
}

/// The row of an article (or a feed's item): its title in the first `title_width` cells, then
/// the columns.
fn draw_entry(
    app: &App,
    buf: &mut Buffer,
    row: Rect,
    (title_width, columns): (u16, &Columns),
    entry: &Entry,
    style: Style,
) {
    draw_fitted(app, buf, row.x, row.y, title_width, &entry.title, style);
    let mut x = row.x + title_width;
    if let Some(item) = &entry.item {
        // the source is a feed's title, often Arabic: laid out like the title
        if x + 1 + Columns::SOURCE <= row.x + row.width {
            draw_fitted(app, buf, x + 1, row.y, Columns::SOURCE, &item.source, style);
        }
        x += 1 + Columns::SOURCE;
    }
    let room = (row.x + row.width).saturating_sub(x);
    buf.set_stringn(x, row.y, columns.numbers(entry), usize::from(room), style);
}

/// The row of an address not fetched yet: the address, then its state where the other rows
/// have their columns (`waiting…`, `12 KB…`), a failure's reason taking up to half the row.
fn draw_pending(
    app: &App,
    buf: &mut Buffer,
    row: Rect,
    columns: u16,
    address: &Address,
    style: Style,
) {
    let state = address.state_text();
    let wanted = u16::try_from(state.chars().count() + 1).unwrap_or(u16::MAX);
    let state_width = wanted.min(row.width / 2).max(columns).min(row.width);
    let title_width = row.width - state_width;
    draw_fitted(
        app,
        buf,
        row.x,
        row.y,
        title_width,
        &entry_address(address),
        style,
    );
    let fitted = crate::ui::fit(
        app,
        &format!(" {state}"),
        usize::from(state_width),
        Direction::Ltr,
    );
    buf.set_stringn(
        row.x + title_width,
        row.y,
        &fitted.text,
        fitted.width,
        style,
    );
}

/// The address as its row shows it: without `http://` or `https://` (the row is narrow, and
/// the host is what tells addresses apart), made printable.
fn entry_address(address: &Address) -> String {
    let url = &address.url;
    let shown = (url.strip_prefix("https://"))
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    crate::text::sanitize::printable(shown)
}

/// The header row: what is listed (and its fetches), the order, the columns' names.
fn draw_header(app: &App, buf: &mut Buffer, area: Rect, title_width: u16, columns: &Columns) {
    let Some(lib) = &app.library else {
        return;
    };
    let header = format!(
        "{:<tw$}{}",
        format!("{} ({})", lib.label(), lib.sort.name()),
        columns.header(),
        tw = usize::from(title_width)
    );
    buf.set_stringn(
        area.x,
        area.y,
        crate::ui::visual_line(app, &header, usize::from(area.width)),
        usize::from(area.width),
        app.theme.style(Slot::HelpGroup),
    );
}

/// Why the list is empty.
fn nothing_listed(lib: &crate::app::library::Library) -> &'static str {
    if !lib.filter.is_empty() {
        "no article matches the filter (Esc clears it)"
    } else if lib.feeds.is_some() {
        "the feeds have no items"
    } else {
        "no .txt, .md, .html or .json articles here"
    }
}

impl Widget for LibraryView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let area = area.intersection(buf.area);
        let Some(lib) = &app.library else {
            return;
        };
        let text = app.theme.style(Slot::Text);
        buf.set_style(area, text);
        if area.height == 0 {
            return;
        }
        let columns = Columns {
            feeds: lib.feeds.is_some(),
            team: super::compare::TeamColumns::of(lib),
        };
        // the title takes what the other columns leave
        let title_width = area.width.saturating_sub(columns.width()).max(1);
        draw_header(app, buf, area, title_width, &columns);
        let visible = lib.visible();
        if visible.is_empty() {
            if area.height > 1 {
                let msg = nothing_listed(lib);
                buf.set_stringn(area.x, area.y + 1, msg, usize::from(area.width), text);
            }
            return;
        }
        let rows = usize::from(area.height.saturating_sub(1));
        let first = lib.selected.saturating_sub(rows.saturating_sub(1));
        for (i, entry) in visible.iter().enumerate().skip(first).take(rows) {
            let y = area.y + 1 + u16::try_from(i - first).unwrap_or(0);
            let selected = i == lib.selected;
            let style = if selected {
                text.patch(app.theme.style(Slot::CompletionSelected))
            } else {
                text
            };
            let row = Rect::new(area.x, y, area.width, 1);
            buf.set_style(row, style);
            match lib.pending_address(&entry.path) {
                Some(address) => draw_pending(app, buf, row, columns.width(), address, style),
                None => draw_entry(app, buf, row, (title_width, &columns), entry, style),
            }
        }
    }
}

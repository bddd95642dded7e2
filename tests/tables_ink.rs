//! No stray haraka after a screen switch. xterm paints a combining mark with the font's
//! offsets, so its ink can fall on the cells beside it, and repaints only the cells written to
//! it. [`InkModel`] is a terminal that behaves so: a cell written with a mark inks itself and
//! its two neighbours; writing a cell repaints (clears) only that cell. Going from the reader
//! (harakat everywhere) to the claims table, the isnad view and back through ratatui's plain
//! diff leaves ink whose mark is gone; through `tui::ink::InkSafe` none is left.

mod common;

use std::convert::Infallible;

use common::{TestApp, type_keys};
use crossterm::event::KeyCode;
use isnad::app::{App, Screen};
use isnad::tui::ink::InkSafe;
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use unicode_width::UnicodeWidthChar;

const TEXT: &str = "قَالَ وَزِيرُ الخَارِجِيَّةِ أَحْمَدُ عَلِيٌّ إِنَّ «الحُكُومَةَ سَتَرْفَعُ الأَسْعَارَ» فِي \
الشَّهْرِ المُقْبِلِ.\n\nوَنَقَلَتْ وِكَالَةُ الأَنْبَاءِ عَنْ مَصْدَرٍ مَسْؤُولٍ قَوْلَهُ إِنَّ الاتِّفَاقَ «قَرِيبٌ \
جِدًّا»، بَيْنَمَا نَفَى المُتَحَدِّثُ ذَلِكَ.\n";

fn marked(symbol: &str) -> bool {
    symbol.chars().any(|c| c.width() == Some(0))
}

/// A terminal that keeps the ink of combining marks as xterm does (see the file's comment).
struct InkModel {
    size: Size,
    shown: Vec<String>,
    /// Per cell: the ink on it, as (the cell that drew it, what that cell showed then).
    ink: Vec<Vec<(usize, String)>>,
}

impl InkModel {
    fn new(width: u16, height: u16) -> Self {
        let n = usize::from(width) * usize::from(height);
        Self {
            size: Size::new(width, height),
            shown: vec![" ".to_owned(); n],
            ink: vec![Vec::new(); n],
        }
    }

    /// Cells with ink of a mark their drawer no longer shows: (column, row, stray symbol).
    fn strays(&self) -> Vec<(usize, usize, String)> {
        let width = usize::from(self.size.width);
        let mut out = Vec::new();
        for (at, inks) in self.ink.iter().enumerate() {
            for (from, symbol) in inks {
                if self.shown[*from] != *symbol {
                    out.push((at % width, at / width, symbol.clone()));
                }
            }
        }
        out
    }
}

impl Backend for InkModel {
    type Error = Infallible;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Infallible>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let width = usize::from(self.size.width);
        for (x, y, cell) in content {
            let (x, at) = (usize::from(x), usize::from(y) * width + usize::from(x));
            self.ink[at].clear();
            self.shown[at] = cell.symbol().to_owned();
            if marked(cell.symbol()) {
                let left = at - usize::from(x > 0);
                let right = if x + 1 < width { at + 1 } else { at };
                for n in left..=right {
                    self.ink[n].push((at, cell.symbol().to_owned()));
                }
            }
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> Result<(), Infallible> {
        Ok(())
    }

    fn show_cursor(&mut self) -> Result<(), Infallible> {
        Ok(())
    }

    fn get_cursor_position(&mut self) -> Result<Position, Infallible> {
        Ok(Position::ORIGIN)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, _: P) -> Result<(), Infallible> {
        Ok(())
    }

    fn clear(&mut self) -> Result<(), Infallible> {
        *self = Self::new(self.size.width, self.size.height);
        Ok(())
    }

    fn clear_region(&mut self, _: ClearType) -> Result<(), Infallible> {
        self.clear()
    }

    fn size(&self) -> Result<Size, Infallible> {
        Ok(self.size)
    }

    fn window_size(&mut self) -> Result<WindowSize, Infallible> {
        Ok(WindowSize {
            columns_rows: self.size,
            pixels: Size::default(),
        })
    }

    fn flush(&mut self) -> Result<(), Infallible> {
        Ok(())
    }
}

/// Draws the reader, then each screen `keys` leads to in turn, on `terminal`.
fn switch_screens<B: Backend>(terminal: &mut Terminal<B>, app: &mut App, keys: &[&str]) {
    let mut draw = |app: &App| {
        terminal
            .draw(|f| f.render_widget(app, f.area()))
            .map(|_| ())
            .map_err(|_| "draw failed")
            .expect("draw");
    };
    draw(app);
    for k in keys {
        if *k == "Esc" {
            app.handle_event(common::code(KeyCode::Esc));
        } else {
            type_keys(app, k);
        }
        draw(app);
    }
}

fn app(width: u16, height: u16) -> (tempfile::TempDir, App) {
    let (dir, file) = common::temp_file();
    let app = TestApp::text(TEXT)
        .size(width, height)
        .suggested_annotations(&file)
        .build();
    (dir, app)
}

const TRIP: [&str; 6] = ["gc", "Esc", "T", "Esc", "gs", "Esc"];

#[test]
fn switching_screens_leaves_no_ink_of_a_mark_that_is_gone() {
    for (width, height) in [(100, 30), (40, 20)] {
        let (_dir, mut app) = app(width, height);
        let mut terminal =
            Terminal::new(InkSafe::new(InkModel::new(width, height))).expect("terminal");
        switch_screens(&mut terminal, &mut app, &TRIP);
        assert_eq!(app.screen, Screen::Reader);
        let model = terminal.backend().inner();
        assert_eq!(model.strays(), [], "{width}x{height}");
    }
}

#[test]
fn the_plain_diff_would_leave_ink_behind() {
    // the model is sensitive: without InkSafe the same trip leaves stray marks
    let (_dir, mut app) = app(100, 30);
    let mut terminal = Terminal::new(InkModel::new(100, 30)).expect("terminal");
    switch_screens(&mut terminal, &mut app, &TRIP[..1]);
    assert_eq!(app.screen, Screen::Claims);
    assert!(!terminal.backend().strays().is_empty());
}

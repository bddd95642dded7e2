//! The reader on one very long paragraph (some 600 kB on one line, between two short ones): it
//! is laid out a window at a time, so every motion must cross window boundaries as if the
//! paragraph were laid out whole (scrolling both ways, `G`/`gg`, PgDn/PgUp, a search jump far
//! into it, word motions and a selection across a boundary, a resize, `:goto`), and the layout
//! cache stays under its cell limit all the while. Moving an annotation's edges there (`<` `>`
//! Shift+←/→) segments only around the edge, and lands where the whole paragraph's words say.

mod common;

use common::{TestApp, code, press, type_keys};
use crossterm::event::{Event, KeyCode};
use isnad::app::App;
use isnad::layout::{CACHE_CELL_LIMIT, RowPos};

/// A word found once, near the end of the long line.
const MARKER: &str = "كلمةنادرة";

fn app() -> App {
    TestApp::text(&long_text()).size(100, 30).build()
}

/// Three paragraphs, the second some 600 kB long with [`MARKER`] near its end.
fn long_text() -> String {
    let wikinews = include_str!("data/wikinews-ar.txt").replace('\n', " ");
    let mut line = wikinews.repeat(1 + 600_000 / wikinews.len());
    // after the first space from nine tenths on
    let from = line.len() * 9 / 10;
    let at = from
        + 1
        + line.as_bytes()[from..]
            .iter()
            .position(|&b| b == b' ')
            .unwrap_or(0);
    line.insert_str(at, &format!("{MARKER} "));
    format!("أول سطر قصير\n{line}\nآخر سطر")
}

fn key(app: &mut App, code_: KeyCode) {
    app.handle_event(code(code_));
}

fn cursor(app: &App) -> std::ops::Range<usize> {
    app.reader.cursor.clone().expect("a cursor")
}

/// The screen is a run of consecutive rows of the article, in order and without a gap, the
/// cursor is on it, and the cache holds no more than its limit.
#[track_caller]
fn check_screen(app: &App) {
    check_rows(app);
    let view = &app.reader.view;
    let first = &view[0].1[view[0].0.row].logical;
    let last = &view[view.len() - 1];
    let last = &last.1[last.0.row].logical;
    let c = cursor(app);
    assert!(
        c.start >= first.start && c.start < last.end.max(first.start + 1),
        "cursor {c:?} off screen {first:?}..{last:?}"
    );
}

/// [`check_screen`] but for the cursor (a resize keeps the text on top, not the cursor).
#[track_caller]
fn check_rows(app: &App) {
    let view = &app.reader.view;
    assert_eq!(view.len(), usize::from(app.text_height()), "a full screen");
    let text = &app.reader.article.text;
    for pair in view.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(a.0 < b.0, "{:?} before {:?}", a.0, b.0);
        let (ra, rb) = (&a.1[a.0.row], &b.1[b.0.row]);
        assert!(
            text[ra.logical.end..rb.logical.start].trim().is_empty(),
            "a row is missing between {:?} and {:?}",
            ra.logical,
            rb.logical
        );
    }
    assert!(app.reader.layout.cells() <= CACHE_CELL_LIMIT);
}

fn top_start(app: &App) -> usize {
    let (pos, rows) = &app.reader.view[0];
    rows[pos.row].logical.start
}

#[test]
fn every_motion_crosses_the_windows_of_a_long_line() {
    let mut app = app();
    check_screen(&app);
    assert_eq!(app.reader.percent(), 0);

    type_keys(&mut app, "G");
    check_screen(&app);
    assert_eq!(app.reader.percent(), 100);
    assert_eq!(&app.reader.article.text[cursor(&app)], "سطر");
    let bottom = app.reader.top;
    assert!(bottom.paragraph == 2 || bottom.window > 15, "{bottom:?}");
    type_keys(&mut app, "j");
    assert_eq!(app.reader.top, bottom, "no scrolling past the end");

    // PgUp all the way up, then PgDn all the way down, where PgUp goes back to the page before
    let mut pages = 0;
    while app.reader.top > RowPos::default() {
        key(&mut app, KeyCode::PageUp);
        check_screen(&app);
        pages += 1;
        assert!(pages < 1000, "PgUp never reached the top");
    }
    let mut windows = 0;
    loop {
        let before = app.reader.top;
        key(&mut app, KeyCode::PageDown);
        check_screen(&app);
        let after = app.reader.top;
        if after == bottom {
            break;
        }
        assert!(after > before, "{after:?} after {before:?}");
        windows = windows.max(after.window);
        key(&mut app, KeyCode::PageUp);
        assert_eq!(app.reader.top, before, "PgUp from {after:?}");
        key(&mut app, KeyCode::PageDown);
        assert_eq!(app.reader.top, after);
    }
    assert!(windows > 15, "crossed {windows} windows");

    type_keys(&mut app, "gg");
    assert_eq!(app.reader.top, RowPos::default());
    assert_eq!(&app.reader.article.text[cursor(&app)], "أول");

    // a search far into the line
    type_keys(&mut app, "/");
    type_keys(&mut app, MARKER);
    key(&mut app, KeyCode::Enter);
    check_screen(&app);
    assert_eq!(&app.reader.article.text[cursor(&app)], MARKER);
    assert!(app.reader.top.window > 10, "{:?}", app.reader.top);

    // a resize keeps the same text on top
    let anchor = top_start(&app);
    app.handle_event(Event::Resize(70, 25));
    check_rows(&app);
    let (pos, rows) = &app.reader.view[0];
    let row = &rows[pos.row].logical;
    assert!(
        row.start <= anchor && anchor < row.end,
        "{anchor} not in {row:?}"
    );

    // :goto into the middle
    type_keys(&mut app, ":goto 50%");
    key(&mut app, KeyCode::Enter);
    check_screen(&app);
    assert!((45..=55).contains(&app.reader.percent()));
}

#[test]
fn words_and_selections_cross_a_window_boundary() {
    let mut app = app();
    // scroll until the top row is the first of the long line's second window
    type_keys(&mut app, "j");
    while app.reader.top.window == 0 {
        type_keys(&mut app, "j");
    }
    let boundary = top_start(&app);
    type_keys(&mut app, "k");
    check_screen(&app);
    // the cursor on the last row of the first window, a selection started there
    let before = app.reader.view[0].1[app.reader.view[0].0.row]
        .logical
        .clone();
    app.reader.cursor = isnad::app::words::word_before(&app.reader.article, before.end);
    let start = cursor(&app);
    assert!(start.end <= boundary);
    app.handle_event(press('v'));
    // `w` moves over the boundary word by word
    for _ in 0..30 {
        type_keys(&mut app, "w");
        check_screen(&app);
    }
    let after = cursor(&app);
    assert!(after.start >= boundary, "{after:?} before {boundary}");
    let selection = app.reader.selection().expect("a selection");
    assert_eq!(selection, start.start..after.end);
    // `b` back over it
    for _ in 0..30 {
        type_keys(&mut app, "b");
        check_screen(&app);
    }
    assert_eq!(cursor(&app), start);
    app.handle_event(code(KeyCode::Esc));
    // Left in right-to-left rows reads on: from the last word of the first window's last row
    // to the first word of the next window's first row
    key(&mut app, KeyCode::Left);
    check_screen(&app);
    let next = cursor(&app);
    assert!(next.start >= boundary, "{next:?}");
    let pos = app
        .reader
        .layout
        .row_of(&app.reader.article, &app.layout_options(), next.start);
    assert_eq!((pos.window, pos.row), (1, 0));
    key(&mut app, KeyCode::Right);
    assert_eq!(cursor(&app), start);
}

#[test]
fn edges_of_an_entity_far_into_the_line_move_as_over_the_whole_paragraph() {
    let (_dir, file) = common::temp_file();
    let mut app = TestApp::text(&long_text())
        .size(100, 30)
        .annotations(&file)
        .build();
    common::find(&mut app, MARKER);
    type_keys(&mut app, "ep");
    let span = |app: &App| {
        let set = common::set(app);
        let entity = set.entities.first().expect("the entity");
        entity.span.range()
    };
    let tagged = span(&app);
    assert_eq!(&app.reader.article.text[tagged.clone()], MARKER);
    let words = isnad::app::words::paragraph_words(&app.reader.article, 1);
    let before = |at: usize| words.iter().rev().find(|w| w.start < at).cloned();
    let after = |at: usize| words.iter().find(|w| w.start > at).cloned();
    // `<` twice: the start two of the whole paragraph's words earlier
    let one_back = before(tagged.start).expect("a word before");
    let two_back = before(one_back.start).expect("two words before");
    type_keys(&mut app, "<<");
    assert_eq!(span(&app), two_back.start..tagged.end);
    // `>` once: one word later again
    type_keys(&mut app, ">");
    assert_eq!(span(&app), one_back.start..tagged.end);
    // the line is right-to-left: Shift+← moves the end on to the next word's end, Shift+→ back
    let next = after(tagged.start).expect("a word after");
    app.handle_event(common::shift(KeyCode::Left));
    assert_eq!(span(&app), one_back.start..next.end);
    app.handle_event(common::shift(KeyCode::Right));
    assert_eq!(span(&app), one_back.start..tagged.end);
    check_screen(&app);
}

//! Screen snapshots of the reader on a `TestBackend` (insta; CI runs with INSTA_UPDATE=no), a
//! scripted run of the real event loop, and a property test that any size after any keys draws
//! the reader with its status bar (or the too-small message), never a panic.

mod common;

use common::{TestApp, code, draw, press, rows, run_events};
use crossterm::event::{Event, KeyCode};
use isnad::app::{Action, App, MIN_HEIGHT, MIN_WIDTH};
use isnad::article::Article;
use isnad::tui::ScriptedEvents;
use proptest::prelude::*;

fn app(width: u16, height: u16) -> App {
    TestApp::sample().size(width, height).build()
}

#[test]
fn sample_80x24() {
    let app = app(80, 24);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn sample_40x20() {
    let app = app(40, 20);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn sample_40x20_scrolled_with_cursor_moved() {
    let mut app = app(40, 20);
    for c in "jjjww".chars() {
        app.handle_event(press(c));
    }
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn help_overlay_80x24() {
    let mut app = app(80, 24);
    app.handle_event(press('?'));
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn which_key_and_command_line_80x24() {
    let mut app = app(80, 24);
    app.handle_event(press('g'));
    insta::assert_snapshot!("which_key", draw(&app).backend());
    app.handle_event(code(KeyCode::Esc));
    for c in ":the".chars() {
        app.handle_event(press(c));
    }
    insta::assert_snapshot!("command_line", draw(&app).backend());
}

#[test]
fn terminal_mode_is_logical_and_too_small_shows_a_message() {
    let mut app = app(60, 12);
    app.handle_event(press('m'));
    insta::assert_snapshot!("terminal_mode", draw(&app).backend());
    app.update(Action::Resize {
        width: 8,
        height: 2,
    });
    let text = rows(&app).concat();
    assert!(text.starts_with("Terminal"), "{text}");
}

#[test]
fn cursor_word_is_highlighted_with_the_theme_style() {
    let app = app(80, 24);
    let terminal = draw(&app);
    let buf = terminal.backend().buffer();
    let cursor_style = app.theme.style(isnad::config::theme::Slot::Cursor);
    // the first word is at the right end of the first row
    let highlighted: Vec<u16> = (0..80)
        .filter(|x| buf[(*x, 0)].bg == cursor_style.bg.expect("cursor has a background"))
        .collect();
    assert_eq!(
        highlighted,
        vec![76, 77, 78, 79],
        "أعلن is four cells at the right edge"
    );
}

#[test]
fn scripted_event_loop_runs_until_quit() {
    let mut app = app(80, 24);
    let mut events =
        ScriptedEvents::new([press('k'), Event::Resize(50, 15), press('w'), press('q')]);
    run_events(&mut app, &mut events);
    assert!(app.shell.quit);
    assert_eq!(app.reader.width, 50);
    assert_eq!(
        app.reader.article.text[app.reader.cursor.clone().expect("cursor")].to_owned(),
        "المتحدث"
    );
}

#[test]
fn scripted_lam_alef_pair_is_one_key() {
    let mut app = app(80, 24);
    // w, then ل + ا (the b key typed as two characters) goes back; then q
    let mut events = ScriptedEvents::new([press('w'), press('ل'), press('ا'), press('q')]);
    run_events(&mut app, &mut events);
    assert_eq!(
        app.reader.article.text[app.reader.cursor.clone().expect("cursor")].to_owned(),
        "أعلن"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_size_after_any_keys_draws_the_reader_or_the_message(
        width in 1u16..160,
        height in 1u16..60,
        keys in proptest::collection::vec(
            prop::sample::select(vec!['j', 'k', 'w', 'b', 'G', 'g', 'm', '?', ':', 'x', ' ', 'e']),
            0..20,
        ),
    ) {
        let mut app = app(width, height);
        for c in keys {
            app.handle_event(press(c));
        }
        app.handle_event(code(KeyCode::Left));
        for (w, h) in [(width, height), (height, width)] {
            app.update(Action::Resize { width: w, height: h });
            let screen = rows(&app);
            prop_assert_eq!(screen.len(), usize::from(h));
            if w < MIN_WIDTH || h < MIN_HEIGHT {
                // too small: the message instead of a broken reader
                prop_assert!(screen.concat().starts_with('T'), "{:?}", screen);
            } else {
                // the status bar is drawn on the last row, whatever the keys opened
                let status = screen.last().map(|r| r.trim().to_owned()).unwrap_or_default();
                prop_assert!(!status.is_empty(), "{:?}", screen);
            }
        }
    }
}

#[test]
fn library_view_lists_articles_and_opens_one() {
    use isnad::annotate::library::scan;
    use isnad::app::Screen;
    use isnad::app::library::Library;
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("aleppo.txt"), isnad::article::SAMPLE_TEXT).expect("write");
    std::fs::write(dir.path().join("notes.md"), "# ملاحظات التحرير\n\nنص.\n").expect("write");
    std::fs::write(dir.path().join("english.txt"), "A title in English\nbody\n").expect("write");
    std::fs::write(
        dir.path().join("aleppo.isnad.json"),
        r#"{"entities":[{"review":{"status":"suggested"}}],"claims":[{"review":{"status":"accepted"}}]}"#,
    )
    .expect("write");
    let mut app = app(80, 12);
    app.library = Some(Library::new(
        std::path::PathBuf::from("articles"),
        scan(dir.path()).expect("scan"),
    ));
    app.screen = Screen::Library;
    insta::assert_snapshot!("library", draw(&app).backend());

    app.handle_event(press('j'));
    assert_eq!(
        app.library.as_ref().and_then(|l| l.selected_path()),
        Some(dir.path().join("english.txt"))
    );
    let effect = app.handle_event(code(KeyCode::Enter));
    assert_eq!(
        effect,
        vec![isnad::app::Effect::OpenArticle(
            dir.path().join("english.txt")
        )]
    );
    app.update(Action::ArticleOpened(Box::new(
        Article::load(&dir.path().join("english.txt")).expect("load"),
    )));
    assert_eq!(app.screen, Screen::Reader);
    let effect = app.handle_event(code(KeyCode::Backspace));
    assert_eq!(effect, vec![isnad::app::Effect::RescanLibrary]);
    assert_eq!(app.screen, Screen::Library);
    // filter with /
    for c in "/ملاحظات".chars() {
        app.handle_event(press(c));
    }
    app.handle_event(code(KeyCode::Enter));
    assert_eq!(app.library.as_ref().map(|l| l.visible().len()), Some(1));
    app.handle_event(code(KeyCode::Esc));
    assert_eq!(app.library.as_ref().map(|l| l.visible().len()), Some(3));
}

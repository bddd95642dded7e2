//! Drives the app through `handle_event`/`update` with scripted key events (no terminal) and
//! checks state transitions: scrolling, word cursor, screen-direction moves, Arabic layout
//! keys, the command line, bidi modes, and that big articles never get laid out whole.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{TestApp, no_config};
use crossterm::event::{Event, KeyCode, KeyModifiers, MouseEvent, MouseEventKind};
use isnad::app::{Action, App, Effect, Overlay};
use isnad::article::Article;
use isnad::config::colors::ColorDepth;
use isnad::config::{Paths, Settings};
use isnad::layout::{BidiMode, RowPos};

fn app_with(article: Article, width: u16, height: u16) -> App {
    TestApp::article(article).size(width, height).build()
}

fn sample(width: u16, height: u16) -> App {
    TestApp::sample().size(width, height).build()
}

fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    app.handle_event(common::code(code))
}

fn chars(app: &mut App, text: &str) {
    common::type_keys(app, text);
}

fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    app.handle_event(common::ctrl(c))
}

fn cursor_text(app: &App) -> String {
    app.reader
        .cursor
        .clone()
        .map(|r| app.reader.article.text[r].to_owned())
        .unwrap_or_default()
}

#[test]
fn starts_at_the_top_with_the_cursor_on_the_first_word() {
    let app = sample(80, 24);
    assert_eq!(app.reader.top, RowPos::default());
    assert_eq!(cursor_text(&app), "أعلن");
    assert_eq!(app.reader.view.len(), 23);
    assert_eq!(app.reader.percent(), 0);
}

#[test]
fn scrolling_keys_move_the_view() {
    let mut app = sample(80, 24);
    chars(&mut app, "j");
    assert_eq!(app.reader.top, RowPos::new(0, 1));
    chars(&mut app, "k");
    assert_eq!(app.reader.top, RowPos::default());
    ctrl(&mut app, 'd');
    let after_half = app.reader.top;
    assert!(after_half > RowPos::default());
    ctrl(&mut app, 'u');
    assert_eq!(app.reader.top, RowPos::default());
    key(&mut app, KeyCode::PageDown);
    assert!(app.reader.top > after_half);
    chars(&mut app, "G");
    assert_eq!(app.reader.percent(), 100);
    let bottom = app.reader.top;
    chars(&mut app, "j");
    assert_eq!(app.reader.top, bottom, "cannot scroll past the end");
    chars(&mut app, "gg");
    assert_eq!(app.reader.top, RowPos::default());
    assert_eq!(cursor_text(&app), "أعلن");
}

#[test]
fn scrolling_carries_the_cursor_along() {
    let mut app = sample(80, 24);
    key(&mut app, KeyCode::PageDown);
    let first_visible = app.reader.view[0].1[app.reader.view[0].0.row]
        .logical
        .clone();
    let cursor = app.reader.cursor.clone().expect("cursor");
    assert!(cursor.start >= first_visible.start, "cursor left on screen");
}

#[test]
fn word_motions_follow_reading_order() {
    let mut app = sample(80, 24);
    chars(&mut app, "w");
    assert_eq!(cursor_text(&app), "المتحدث");
    chars(&mut app, "w");
    assert_eq!(cursor_text(&app), "باسم");
    chars(&mut app, "b");
    assert_eq!(cursor_text(&app), "المتحدث");
    // in right-to-left text, Left goes forward and Right goes back
    key(&mut app, KeyCode::Left);
    assert_eq!(cursor_text(&app), "باسم");
    key(&mut app, KeyCode::Right);
    assert_eq!(cursor_text(&app), "المتحدث");
    key(&mut app, KeyCode::Right);
    assert_eq!(cursor_text(&app), "أعلن");
}

#[test]
fn left_arrow_continues_on_the_next_row_in_rtl_text() {
    let mut app = sample(40, 20);
    let first_row = app.reader.view[0].1[0].logical.clone();
    let mut steps = 0;
    while app
        .reader
        .cursor
        .as_ref()
        .is_some_and(|c| c.start < first_row.end)
    {
        key(&mut app, KeyCode::Left);
        steps += 1;
        assert!(steps < 50, "Left never left the first row");
    }
    let second_row = app.reader.view[1].1[1].logical.clone();
    let c = app.reader.cursor.clone().expect("cursor");
    assert!(
        second_row.contains(&c.start),
        "cursor moved to the next row's first word"
    );
    // the first word of the next row in reading order is the rightmost one
    let w = app.reader.article.text[c].to_owned();
    assert_eq!(
        w,
        isnad::app::words::words_in(&app.reader.article, 0, &second_row)
            .first()
            .map(|r| app.reader.article.text[r.clone()].to_owned())
            .expect("word")
    );
}

#[test]
fn arabic_layout_keys_work_like_latin_ones() {
    let mut app = sample(80, 24);
    chars(&mut app, "ت");
    assert_eq!(app.reader.top, RowPos::new(0, 1));
    chars(&mut app, "ن");
    assert_eq!(app.reader.top, RowPos::default());
    chars(&mut app, "gg");
    chars(&mut app, "ص");
    assert_eq!(cursor_text(&app), "المتحدث");
    chars(&mut app, "\u{FEFB}");
    assert_eq!(cursor_text(&app), "أعلن");
    chars(&mut app, "؟");
    assert!(matches!(app.overlay, Overlay::Help { .. }));
    chars(&mut app, "؟");
    assert_eq!(app.overlay, Overlay::None);
    // ل ل is g g
    chars(&mut app, "G");
    chars(&mut app, "لل");
    assert_eq!(app.reader.top, RowPos::default());
    assert_eq!(key(&mut app, KeyCode::Char('ض')), vec![Effect::Quit]);
}

#[test]
fn prefix_keys_wait_for_the_rest() {
    let mut app = sample(80, 24);
    chars(&mut app, "g");
    assert_eq!(app.shell.pending.len(), 1);
    chars(&mut app, "e");
    assert!(app.shell.pending.is_empty());
    assert_eq!(app.reader.percent(), 100);
    chars(&mut app, "gZ");
    assert!(app.shell.pending.is_empty());
    assert!(
        app.shell
            .message
            .as_ref()
            .is_some_and(|m| m.text.contains("g Z is not bound"))
    );
}

#[test]
fn command_line_runs_commands_and_completes() {
    let mut app = sample(80, 24);
    chars(&mut app, ":");
    assert!(matches!(app.overlay, Overlay::CommandLine(_)));
    chars(&mut app, "goto 50%");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, Overlay::None);
    let at = app.reader.cursor.clone().expect("cursor").start * 100 / app.reader.article.text.len();
    assert!((48..=52).contains(&at), "{at}");

    chars(&mut app, ":bi");
    key(&mut app, KeyCode::Tab);
    let Overlay::CommandLine(editor) = &app.overlay else {
        panic!("open");
    };
    assert_eq!(editor.text, "bidi");
    chars(&mut app, " terminal");
    let effect = key(&mut app, KeyCode::Enter);
    assert_eq!(effect, vec![Effect::TerminalBidi { explicit: false }]);
    assert_eq!(app.reader.mode, BidiMode::Terminal);

    chars(&mut app, ":theme light");
    assert_eq!(
        key(&mut app, KeyCode::Enter),
        vec![Effect::LoadTheme("light".into())]
    );
    chars(&mut app, ":nonsense");
    key(&mut app, KeyCode::Enter);
    assert!(
        app.shell
            .message
            .as_ref()
            .is_some_and(|m| m.text.contains("unknown command :nonsense"))
    );
    chars(&mut app, ":set max_width 50");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.layout_options().width, 50);
    chars(&mut app, ":q");
    assert_eq!(key(&mut app, KeyCode::Enter), vec![Effect::Quit]);
}

#[test]
fn escape_and_backspace_close_the_command_line() {
    let mut app = sample(80, 24);
    chars(&mut app, ":");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, Overlay::None);
    chars(&mut app, ":x");
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    assert_eq!(app.overlay, Overlay::None);
}

#[test]
fn bidi_cycles_and_keeps_the_same_text_on_top() {
    let mut app = sample(80, 24);
    key(&mut app, KeyCode::PageDown);
    let anchor = app.reader.view[0].1[app.reader.view[0].0.row].logical.start;
    assert_eq!(
        chars_effect(&mut app, 'm'),
        vec![Effect::TerminalBidi { explicit: false }]
    );
    assert_eq!(app.reader.mode, BidiMode::Terminal);
    let top = app.reader.view[0].1[app.reader.view[0].0.row]
        .logical
        .clone();
    assert!(top.start <= anchor && anchor <= top.end.max(top.start + 1) + 200);
    assert_eq!(
        chars_effect(&mut app, 'm'),
        vec![Effect::TerminalBidi { explicit: true }]
    );
    assert_eq!(app.reader.mode, BidiMode::Off);
    chars(&mut app, "m");
    assert_eq!(app.reader.mode, BidiMode::App);
}

fn chars_effect(app: &mut App, c: char) -> Vec<Effect> {
    key(app, KeyCode::Char(c))
}

#[test]
fn resize_reflows_and_mouse_scrolls() {
    let mut app = sample(80, 24);
    let rows_wide = app.reader.view.len();
    app.handle_event(Event::Resize(30, 10));
    assert_eq!(app.reader.view.len(), 9);
    assert!(
        app.reader
            .view
            .iter()
            .all(|(p, rows)| rows[p.row].width <= 30)
    );
    assert!(rows_wide > 9);
    app.handle_event(Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 5,
        row: 5,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(app.reader.top, RowPos::new(0, 3));
}

#[test]
fn click_moves_the_cursor_to_the_word_there() {
    let mut app = sample(80, 24);
    // the last cell of the first row is the first word's start (right-aligned RTL row)
    app.handle_event(Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(crossterm::event::MouseButton::Left),
        column: 79,
        row: 1,
        modifiers: KeyModifiers::NONE,
    }));
    let second_row = app.reader.view[1].1[1].logical.clone();
    let c = app.reader.cursor.clone().expect("cursor");
    assert!(second_row.contains(&c.start));
}

#[test]
fn bottom_of_a_ten_megabyte_article_is_instant() {
    let paragraph = "أعلن المتحدث باسم وزارة الداخلية السورية نور الدين البابا، السبت، القضاء على 3 عناصر من تنظيم داعش.\n";
    let text = paragraph.repeat(10 * 1024 * 1024 / paragraph.len());
    let article = Article::from_text("big.txt", text);
    let mut app = app_with(article, 80, 24);
    let start = Instant::now();
    chars(&mut app, "G");
    key(&mut app, KeyCode::PageUp);
    chars(&mut app, ":");
    chars(&mut app, "goto 37%");
    key(&mut app, KeyCode::Enter);
    chars(&mut app, "gg");
    let elapsed = start.elapsed();
    assert!(elapsed < Duration::from_secs(1), "{elapsed:?}");
    assert!(
        app.reader.layout.len() < 200,
        "laid out {} paragraphs",
        app.reader.layout.len()
    );
}

#[test]
fn config_problems_show_in_the_status_bar() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("config.toml");
    std::fs::write(&file, "[general]\nmouse = maybe\n").expect("write");
    let paths = Paths::resolve(Some(&file));
    let settings = Settings::load(&paths, false);
    let app = TestApp::sample()
        .settings(settings, paths)
        .colors(ColorDepth::Ansi256)
        .build();
    let message = app.shell.message.expect("error shown");
    assert!(
        message.text.starts_with(&format!("{}:2:", file.display())),
        "{}",
        message.text
    );
}

#[test]
fn help_lists_every_command_with_its_live_keys() {
    let app = sample(100, 40);
    let text: String = isnad::ui::help::lines(&app, 1000)
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
                + "\n"
        })
        .collect();
    for info in isnad::config::commands::COMMANDS {
        assert!(text.contains(info.name), "{} missing from help", info.name);
        assert!(
            text.contains(info.description),
            "{} description missing",
            info.name
        );
    }
    assert!(text.contains("j, <Down>"));
    assert!(text.contains(":theme NAME"));
    // live: a rebound key shows in its command's row
    let mut settings = Settings::defaults();
    let problems = settings
        .keymap
        .merge_user(Path::new("k.toml"), "[reader]\n\"app.quit\" = \"Q\"\n");
    assert!(problems.is_empty(), "{problems:?}");
    let app = TestApp::sample()
        .size(100, 40)
        .settings(settings, no_config())
        .build();
    let quit_row = isnad::ui::help::lines(&app, 1000)
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
        })
        .find(|row| row.contains("(app.quit)"))
        .expect("a quit row");
    assert!(quit_row.trim_start().starts_with("Q "), "{quit_row}");
}

#[test]
fn escape_clears_messages_and_hint() {
    let mut app = sample(80, 24);
    app.shell.hint = Some("hint");
    app.update(Action::Error("boom".into()));
    key(&mut app, KeyCode::Esc);
    assert!(app.shell.message.is_none());
    assert!(app.shell.hint.is_none());
}

#[test]
fn hidden_bidi_controls_are_counted_and_shown() {
    let article = Article::from_text(
        "spoof.txt",
        "abc \u{202E}def\u{202C} \u{1B}[31m ok\n".into(),
    );
    let app = app_with(article, 60, 10);
    assert_eq!(app.reader.hidden.bidi_controls, 2);
    assert_eq!(app.reader.hidden.control_chars, 1);
    let terminal = common::draw(&app);
    let status: String = (0..60)
        .map(|x| terminal.backend().buffer()[(x, 9)].symbol().to_owned())
        .collect();
    assert!(status.contains("2 bidi ctl, 1 ctl"), "{status}");
}

#[test]
fn ctrl_z_asks_to_suspend() {
    let mut app = sample(80, 24);
    assert_eq!(ctrl(&mut app, 'z'), vec![Effect::Suspend]);
    assert_eq!(ctrl(&mut app, 'c'), vec![Effect::Quit]);
}

#[test]
fn slash_searches_ignoring_harakat_and_n_steps_through_matches() {
    let mut app = sample(80, 24);
    chars(&mut app, "/");
    assert!(matches!(app.overlay, Overlay::Search(_)));
    chars(&mut app, "مشيرا");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(
        cursor_text(&app),
        "مشيراً",
        "the tanween is covered by the match"
    );

    let first_hit = app.reader.cursor.clone();
    chars(&mut app, "gg/");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.reader.cursor, first_hit,
        "an empty search repeats the last one"
    );

    chars(&mut app, "gg/الداخلية");
    key(&mut app, KeyCode::Enter);
    let (_, matches) = app.reader.search.clone().expect("matches");
    assert!(matches.len() >= 3, "{}", matches.len());
    let first = app.reader.cursor.clone().expect("cursor");
    assert_eq!(first, matches[0]);
    chars(&mut app, "n");
    assert_eq!(app.reader.cursor.clone(), Some(matches[1].clone()));
    chars(&mut app, "N");
    assert_eq!(app.reader.cursor.clone(), Some(matches[0].clone()));
    chars(&mut app, "N");
    assert_eq!(
        app.reader.cursor.clone(),
        matches.last().cloned(),
        "wraps around"
    );
    assert!(
        app.shell
            .message
            .as_ref()
            .is_some_and(|m| m.text.starts_with(&format!("match {} of", matches.len())))
    );
    // Arabic layout: ى is the n key
    chars(&mut app, "ى");
    assert_eq!(app.reader.cursor.clone(), Some(matches[0].clone()));
    key(&mut app, KeyCode::Esc);
    assert!(app.reader.search.is_none());

    chars(&mut app, "/zzzz");
    key(&mut app, KeyCode::Enter);
    assert!(
        app.shell
            .message
            .as_ref()
            .is_some_and(|m| m.text == "not found: zzzz")
    );
}

#[test]
fn terminal_hints_for_kitty_konsole_and_mlterm() {
    use isnad::tui::terminal_hint;
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        }
    };
    assert!(
        terminal_hint(env(&[("KITTY_WINDOW_ID", "1")])).is_some_and(|h| h.contains("force_ltr"))
    );
    assert!(
        terminal_hint(env(&[("TERM", "xterm-kitty")])).is_some_and(|h| h.contains("force_ltr"))
    );
    assert!(
        terminal_hint(env(&[("KONSOLE_VERSION", "230805")]))
            .is_some_and(|h| h.contains("Bi-Directional"))
    );
    assert!(terminal_hint(env(&[("MLTERM", "3.9.3")])).is_some_and(|h| h.contains("use_ctl")));
    assert_eq!(terminal_hint(env(&[("TERM", "xterm-256color")])), None);
}

#[test]
fn help_scrolls_but_not_past_its_end() {
    let mut app = sample(80, 24);
    chars(&mut app, "?");
    for _ in 0..500 {
        chars(&mut app, "j");
    }
    let Overlay::Help { scroll } = app.overlay else {
        panic!("help open");
    };
    // 23 text rows, a popup of 21 with a border: 19 lines of the drawn help show at once
    // the help wraps inside the popup: 80 - 4 columns, less the border
    let drawn = isnad::ui::help::lines(&app, 74).len();
    assert_eq!(usize::from(scroll), drawn - 19);
    assert!(scroll > 0);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, Overlay::None);
}

#[test]
fn arabic_in_status_messages_is_shaped_and_reordered() {
    let mut app = sample(80, 24);
    app.update(Action::Info("حُفظ الملف".into()));
    let terminal = common::draw(&app);
    let status: String = (0..80)
        .map(|x| terminal.backend().buffer()[(x, 23)].symbol().to_owned())
        .collect();
    // visual order: the second word (الملف) is drawn first, in presentation forms
    let file = status.find('\u{FED2}').expect("final ف");
    let hifz = status.find('\u{FEC6}').expect("final ظ");
    assert!(file < hifz, "{status}");
    assert!(
        !status.contains("الملف"),
        "logical order must not reach the terminal: {status}"
    );
    // terminal mode leaves it to the terminal
    chars(&mut app, "m");
    app.update(Action::Info("حُفظ الملف".into()));
    let terminal = common::draw(&app);
    let status: String = (0..80)
        .map(|x| terminal.backend().buffer()[(x, 23)].symbol().to_owned())
        .collect();
    assert!(status.contains("الملف"), "{status}");
}

#[test]
fn rebound_keys_reach_the_prompt_the_panel_and_the_selection() {
    let mut settings = Settings::defaults();
    let problems = settings.keymap.merge_user(
        Path::new("keymap.toml"),
        "[prompt]\n\"prompt.cancel\" = \"<C-g>\"\n\
         [panel]\n\"panel.entities\" = \"e\"\n\"panel.leave\" = \"x\"\n\
         [select]\n\"select.toggle\" = \"z\"\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    let mut app = TestApp::sample()
        .size(100, 30)
        .settings(settings, no_config())
        .build();
    // the prompt: Esc is no longer its cancel key, Ctrl-g is
    chars(&mut app, ":");
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.overlay, Overlay::CommandLine(_)));
    ctrl(&mut app, 'g');
    assert_eq!(app.overlay, Overlay::None);
    // the side panel: its own keys, the rest going to the reader
    key(&mut app, KeyCode::Tab);
    chars(&mut app, "e");
    let panel = app.panel.clone().expect("panel open");
    assert_eq!(panel.view, isnad::app::panel::PanelView::Entities);
    assert!(panel.focused);
    chars(&mut app, "x");
    assert!(app.panel.as_ref().is_some_and(|p| !p.focused));
    key(&mut app, KeyCode::Tab);
    assert!(app.panel.is_none());
    // a selection's own section: z drops it, v (in [reader]) still starts one
    chars(&mut app, "v");
    assert!(app.reader.selection_anchor.is_some());
    chars(&mut app, "z");
    assert!(app.reader.selection_anchor.is_none());
}

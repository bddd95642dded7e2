//! How the reader looks, checked cell by cell: no bundled theme underlines Arabic (an underline
//! erases the dots under ب ي ج), lines too wide are cut after the bidi layout, the help wraps
//! and fills its background, and the side panel says whether it has the keys.

mod common;

use common::{TestApp, draw, press, rows, temp_file};
use isnad::app::App;
use isnad::config::Settings;
use isnad::config::theme::{self, ThemeSpec};
use ratatui::style::Modifier;

/// The sample with the built-in suggestions (entities, sources, claims, cues), one accepted
/// claim and one accepted source, drawn with `spec`.
fn annotated_sample(spec: ThemeSpec, file: &std::path::Path) -> App {
    let mut settings = Settings::defaults();
    settings.theme = spec;
    let mut app = TestApp::sample()
        .size(100, 30)
        .settings(settings, common::no_config())
        .suggested_annotations(file)
        .build();
    for key in "gg".chars().chain("wc".chars()).chain("wwws".chars()) {
        app.handle_event(press(key));
    }
    app
}

/// Cells drawn underlined, as (column, row, symbol).
fn underlined(app: &App) -> Vec<(u16, u16, String)> {
    let terminal = draw(app);
    let buf = terminal.backend().buffer();
    let mut found = Vec::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            if cell.modifier.contains(Modifier::UNDERLINED) {
                found.push((x, y, cell.symbol().to_owned()));
            }
        }
    }
    found
}

#[test]
fn no_bundled_theme_underlines_the_annotated_sample() {
    for name in theme::BUILTIN_NAMES {
        let spec = ThemeSpec::builtin(name).expect("a built-in theme");
        let (_dir, file) = temp_file();
        let app = annotated_sample(spec, &file);
        let set = app.session.store.as_ref().expect("store").set();
        assert!(
            !set.claims.is_empty() && !set.sources.is_empty() && !set.entities.is_empty(),
            "the sample has claims, sources and entities to draw"
        );
        let cells = underlined(&app);
        assert!(
            cells.is_empty(),
            "theme {name} underlines {} cells, first {:?}",
            cells.len(),
            cells.first()
        );
    }
}

#[test]
fn a_user_theme_may_still_ask_for_an_underline() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("lines.toml"),
        "inherits = \"dark\"\nclaim = { bg = \"#3b3247\", modifiers = [\"underlined\"] }\n",
    )
    .expect("write theme");
    let (spec, problems) = theme::load("lines", dir.path()).expect("loads");
    assert!(problems.is_empty(), "{problems:?}");
    let (_dir, file) = temp_file();
    let app = annotated_sample(spec, &file);
    let claim_bg = app
        .theme
        .style(isnad::config::theme::Slot::Claim)
        .bg
        .expect("claim background");
    let cells = underlined(&app);
    assert!(!cells.is_empty(), "the claim is underlined when asked");
    let terminal = draw(&app);
    let buf = terminal.backend().buffer();
    assert!(
        cells.iter().any(|(x, y, _)| buf[(*x, *y)].bg == claim_bg),
        "the underlined cells are the claim's: {cells:?}"
    );
}

#[test]
fn a_long_status_message_is_cut_after_the_bidi_layout() {
    let mut app = TestApp::sample().size(70, 20).build();
    let text = "ORG «وزارة الخارجية السعودية» (1 of 29 pending; a accepts, x rejects)";
    app.update(isnad::app::Action::Info(text.to_owned()));
    let status = rows(&app).pop().expect("a status row");
    assert!(status.contains('…'), "the message is cut: {status}");
    // what is shown is the start of the whole message as laid out: the bracket and the count
    // stay on the right of the Arabic, where they are when nothing is cut
    let whole = isnad::ui::visual_line(&app, text, 1000);
    let head = &whole[..whole.find("(1 of").expect("the count") + "(1 of".len()];
    assert!(status.contains(head), "{status:?} lacks {head:?}");
    let fitted = isnad::ui::visual_line(&app, text, 40);
    assert_eq!(unicode_width::UnicodeWidthStr::width(fitted.as_str()), 40);
    assert!(whole.starts_with(fitted.trim_end_matches('…')), "{fitted}");
}

#[test]
fn an_arabic_snippet_is_cut_on_its_left_where_it_stops_reading() {
    let app = TestApp::sample().size(80, 24).build();
    let snippet = "أعلن المتحدث باسم وزارة الداخلية السورية نور الدين البابا";
    let whole = isnad::ui::visual_snippet(&app, snippet, 1000);
    let fitted = isnad::ui::visual_snippet(&app, snippet, 20);
    assert!(fitted.starts_with('…'), "{fitted}");
    assert_eq!(unicode_width::UnicodeWidthStr::width(fitted.as_str()), 20);
    assert!(
        whole.ends_with(fitted.trim_start_matches('…')),
        "{fitted} / {whole}"
    );
}

#[test]
fn help_fills_its_background_and_wraps_on_a_light_theme() {
    let mut settings = Settings::defaults();
    settings.theme = ThemeSpec::builtin("light").expect("light");
    let mut app = TestApp::sample()
        .size(80, 24)
        .settings(settings, common::no_config())
        .build();
    app.handle_event(press('?'));
    let popup_bg = app
        .theme
        .style(isnad::config::theme::Slot::Popup)
        .bg
        .expect("popups have a background");
    let terminal = draw(&app);
    let buf = terminal.backend().buffer();
    // 23 text rows: the popup is 76 × 21 at (2, 1)
    for y in 1..22 {
        for x in 2..78 {
            assert_eq!(buf[(x, y)].bg, popup_bg, "cell ({x}, {y}) of the help");
        }
    }
    let shown = rows(&app).join("\n");
    assert!(
        shown.contains("letter variants)"),
        "a long description continues:\n{shown}"
    );
}

#[test]
fn the_panel_header_shows_which_side_has_the_keys() {
    let mut app = TestApp::sample().size(100, 30).build();
    let tab = common::code(crossterm::event::KeyCode::Tab);
    app.handle_event(tab.clone());
    assert!(app.panel.as_ref().is_some_and(|p| p.focused));
    let focused = rows(&app);
    assert!(focused[0].contains("┃▸1 claims"), "{}", focused[0]);
    app.handle_event(tab.clone());
    assert!(app.panel.as_ref().is_some_and(|p| !p.focused));
    let reading = rows(&app);
    assert!(reading[0].contains("│ 1 claims"), "{}", reading[0]);
    app.handle_event(tab);
    assert!(app.panel.is_none());
}

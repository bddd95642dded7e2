//! Every command of the table does something you can see, or says where it works: run on the
//! sample (with its suggestions, the cursor on one mid-screen), each command changes the
//! screen, asks the loop for something, or puts a message in the status bar; none is handed
//! to a handler without an arm for it ("has no handler"). The dispatch itself is an
//! exhaustive match (`app::dispatch`), so a new command without a route does not compile;
//! this catches one routed to a handler that forgets it.

mod common;

use common::{TestApp, find, message};
use isnad::app::{Action, App, Effect, Screen};
use isnad::config::commands::{COMMANDS, Command, Mode};

fn fixture(file: &std::path::Path) -> App {
    let mut app = TestApp::sample()
        .size(100, 30)
        .suggested_annotations(file)
        .build();
    // a few rows down, so the view can move either way; the search stays (Esc clears it)
    for _ in 0..3 {
        app.update(Action::Run(Command::ScrollDown));
    }
    find(&mut app, "وزارة الداخلية");
    app
}

/// The screen as drawn, styles (the cursor, the selection) included.
fn screen(app: &App) -> ratatui::buffer::Buffer {
    common::draw(app).backend().buffer().clone()
}

/// What a command did that shows: the screen, the loop's effects (log lines aside).
fn run(app: &mut App, command: Command) -> (ratatui::buffer::Buffer, Vec<Effect>) {
    let effects = app.update(Action::Run(command));
    let effects = effects
        .into_iter()
        .filter(|e| !matches!(e, Effect::Log(_)))
        .collect();
    (screen(app), effects)
}

#[test]
fn every_command_shows_an_effect_or_says_where_it_works() {
    let (_dir, file) = common::temp_file();
    let mut silent = Vec::new();
    for info in COMMANDS {
        let mut app = fixture(&file);
        let before = screen(&app);
        let (after, effects) = run(&mut app, info.command);
        let said = message(&app);
        assert!(!said.contains("has no handler"), "{}: {said}", info.name);
        if effects.is_empty() && after == before {
            silent.push(info.name);
        }
    }
    assert_eq!(
        silent,
        Vec::<&str>::new(),
        "commands that did nothing visible"
    );
}

#[test]
fn a_view_command_outside_its_view_says_where_it_works() {
    let (_dir, file) = common::temp_file();
    let mut app = fixture(&file);
    for (command, place) in [
        (Command::PickerDown, "a picker"),
        (Command::IsnadJump, "the isnad view"),
        (Command::PanelClose, "the side panel"),
        (
            Command::Claims(isnad::config::commands::TableKey::Sort),
            "the claims table",
        ),
        (Command::Label("PERSON"), "the label picker"),
    ] {
        app.update(Action::Run(command));
        let said = message(&app);
        assert!(
            said.starts_with(&format!("{} works in {place}", command.name())),
            "{said}"
        );
    }
    // in its view, the same command runs (from the `:` line too)
    app.update(Action::Execute("claims".into()));
    assert_eq!(app.screen, Screen::Claims);
    app.update(Action::Execute("claims.sort".into()));
    assert!(message(&app).starts_with("sorted by"), "{}", message(&app));
    assert_eq!(Mode::Claims.place(), "the claims table (:claims)");
}

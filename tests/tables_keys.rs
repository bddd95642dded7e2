//! The claims table (`g c`, `:claims`) and the sources table (`g s`, `:sources`) from the
//! keyboard, on the bundled sample with a few claims tagged, linked and judged by keys: sorting
//! by any column (`o`, `O`), filtering (`f`, `F`), `Enter` jumping to the claim or the first
//! mention, type and verdict set in place (`t`, `V`) and undone (`u`). Both tables are
//! snapshotted at 100×30 and 40×20 (the day of the decisions written as YYYY-MM-DD).

#![allow(clippy::unwrap_used)]

mod common;

use std::ops::Range;

use common::{TestApp, code, draw, find, message, set, type_keys};
use crossterm::event::KeyCode;
use isnad::annotate::{ClaimType, SourceType, Stance, VerificationStatus};
use isnad::app::{App, Screen};
use ratatui::style::Modifier;

/// Claim A is said by وزارة الداخلية through منصة إكس; claim B denied by مصادر; claim C has
/// no source and is judged false; claim D has no source and is a quantity.
const CLAIM_A: &str = "تمت بالاشتراك بين إدارة الأمن العام";
const CLAIM_B: &str = "الحملة كشفت عن";
const CLAIM_C: &str = "دوريات من الأمن العام السوري فرضت طوقاً أمنياً";
const CLAIM_D: &str = "القضاء على 3 عناصر من تنظيم";

fn range_of(app: &App, phrase: &str) -> Range<usize> {
    let start = app.reader.article.text.find(phrase).unwrap();
    start..start + phrase.len()
}

fn claim_id(app: &App, phrase: &str) -> String {
    let r = range_of(app, phrase);
    let set = set(app);
    set.claims
        .iter()
        .find(|c| c.span.range() == r)
        .unwrap()
        .id
        .clone()
}

/// The sample at `width`×`height`, its claims and sources tagged by keys.
fn tagged(width: u16, height: u16) -> (tempfile::TempDir, App) {
    let (dir, file) = common::temp_file();
    let mut app = TestApp::sample()
        .size(width, height)
        .annotations(&file)
        .build();
    // claim A, said by وزارة الداخلية (its second mention) through منصة إكس
    find(&mut app, "وزارة الداخلية");
    type_keys(&mut app, "ns");
    find(&mut app, CLAIM_A);
    type_keys(&mut app, "cl1");
    assert!(message(&app).starts_with("linked"), "{}", message(&app));
    find(&mut app, "منصة إكس");
    type_keys(&mut app, "vi");
    assert!(message(&app).contains("chain"), "{}", message(&app));
    // claim B, denied by مصادر
    find(&mut app, "وذكرت مصادر");
    type_keys(&mut app, "wbs");
    find(&mut app, CLAIM_B);
    type_keys(&mut app, "cl1Sd");
    // claim C, judged false; claim D, a quantity; a source linked to nothing
    find(&mut app, CLAIM_C);
    type_keys(&mut app, "cVf");
    find(&mut app, CLAIM_D);
    type_keys(&mut app, "ctn");
    find(&mut app, "شهود عيان");
    type_keys(&mut app, "s");
    app.handle_event(code(KeyCode::Esc));
    (dir, app)
}

/// The ids of the claims table's rows, top to bottom.
fn claim_order(app: &App) -> Vec<String> {
    app.claim_rows().into_iter().map(|r| r.id).collect()
}

/// The screen as text, the day of today's decisions written as YYYY-MM-DD.
fn screen(app: &App) -> String {
    let today = isnad::annotate::now_rfc3339()[..10].to_owned();
    common::rows(app).join("\n").replace(&today, "YYYY-MM-DD")
}

#[test]
fn the_claims_table_lists_every_claim_with_its_sources_and_verdict() {
    let (_dir, mut app) = tagged(100, 30);
    // (no mark of the reader's text stays on the terminal: tests/tables_ink.rs)
    type_keys(&mut app, "gc");
    assert_eq!(app.screen, Screen::Claims);
    let rows = app.claim_rows();
    assert_eq!(rows.len(), 4);
    // reading order: D, A, B, C
    let text: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(text, [CLAIM_D, CLAIM_A, CLAIM_B, CLAIM_C]);
    assert_eq!(rows[1].chains, ["وزارة الداخلية ← منصة إكس"]);
    assert_eq!(rows[2].stances, [Stance::Denies]);
    assert_eq!(rows[3].verdict, VerificationStatus::False);
    assert_eq!(rows[0].claim_type, ClaimType::Quantity);
    assert_eq!(rows[3].by, "tester");
    insta::assert_snapshot!("claims_table_100x30", screen(&app));
    // nothing in the table is underlined (an underline erases the dots under Arabic letters)
    let terminal = draw(&app);
    assert!(
        terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .all(|c| !c.modifier.contains(Modifier::UNDERLINED))
    );
    // q goes back, :claims comes again (and again goes back), Esc goes back
    type_keys(&mut app, "q");
    assert_eq!(app.screen, Screen::Reader);
    for screen in [Screen::Claims, Screen::Reader, Screen::Claims] {
        type_keys(&mut app, ":claims");
        app.handle_event(code(KeyCode::Enter));
        assert_eq!(app.screen, screen);
    }
    app.handle_event(code(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Reader);
}

#[test]
fn at_40_columns_the_claim_text_comes_first() {
    let (_dir, mut app) = tagged(40, 20);
    type_keys(&mut app, "gc");
    let shown = screen(&app);
    insta::assert_snapshot!("claims_table_40x20", shown);
    let header = shown.lines().nth(1).unwrap();
    assert!(header.starts_with("claim▲"), "{header}");
    // then who said it, cut to the room left, before the type and the verdict
    assert!(header.contains("│sources"), "{header}");
    assert!(!header.contains("verdict"), "{header}");
    assert!(!header.contains("when"), "{header}");
    // sorted by a column that did not fit, it shows (after the claim)
    type_keys(&mut app, "ooooooo");
    assert!(
        message(&app).contains("sorted by when"),
        "{}",
        message(&app)
    );
    let header = screen(&app).lines().nth(1).unwrap().to_owned();
    assert!(header.contains("when▲"), "{header}");
    assert!(header.starts_with("claim "), "{header}");
    // the claims' words take the first column, at least 16 cells of it
    let first_row = shown.lines().nth(2).unwrap();
    let text = first_row.split('│').next().unwrap();
    assert!(text.trim().chars().count() >= 16, "{first_row}");
}

#[test]
fn sorting_cycles_the_columns_and_flips_the_order() {
    let (_dir, mut app) = tagged(100, 30);
    type_keys(&mut app, "gc");
    let reading = claim_order(&app);
    // o: by sources (fewest first, then by their chains' text; ties in reading order)
    type_keys(&mut app, "o");
    assert!(
        message(&app).contains("sorted by sources"),
        "{}",
        message(&app)
    );
    let (d, a, b, c) = (&reading[0], &reading[1], &reading[2], &reading[3]);
    let order = |ids: [&String; 4]| ids.map(String::clone).to_vec();
    assert_eq!(claim_order(&app), order([d, c, b, a]));
    assert!(screen(&app).lines().nth(1).unwrap().contains("sources▲"));
    // O: the other way
    type_keys(&mut app, "O");
    assert_eq!(claim_order(&app), order([a, b, c, d]));
    assert!(screen(&app).lines().nth(1).unwrap().contains("sources▼"));
    // on to the verdict column: unverified first, false last
    type_keys(&mut app, "ooo");
    assert!(
        message(&app).contains("sorted by verdict"),
        "{}",
        message(&app)
    );
    assert_eq!(claim_order(&app).last(), Some(c));
    // the chosen row stays on its claim through the sorts
    type_keys(&mut app, "G");
    let chosen = app.chosen_claim().unwrap().id;
    type_keys(&mut app, "O");
    assert_eq!(app.chosen_claim().unwrap().id, chosen);
    assert_eq!(claim_order(&app)[0], chosen);
}

#[test]
fn filters_narrow_the_rows_and_enter_jumps_to_the_claim() {
    let (_dir, mut app) = tagged(100, 30);
    type_keys(&mut app, "gc");
    // the title says which filter is on and where f goes next
    assert!(
        screen(&app).starts_with(" claims  4 of 4 · filter all (f → unsourced) ·"),
        "{}",
        screen(&app)
    );
    type_keys(&mut app, "f");
    assert!(
        screen(&app).contains("filter unsourced (f → unverified)"),
        "{}",
        screen(&app)
    );
    assert!(
        message(&app).contains("unsourced (2 of 4)"),
        "{}",
        message(&app)
    );
    assert!(app.claim_rows().iter().all(|r| r.chains.is_empty()));
    type_keys(&mut app, "f");
    assert!(
        message(&app).contains("unverified (3 of 4)"),
        "{}",
        message(&app)
    );
    type_keys(&mut app, "f");
    assert!(
        message(&app).contains("suggested only (0 of 4)"),
        "{}",
        message(&app)
    );
    assert!(screen(&app).contains("no claims here"));
    // then one filter per verdict given: false
    type_keys(&mut app, "f");
    assert!(
        message(&app).contains("verdict false (1 of 4)"),
        "{}",
        message(&app)
    );
    // F goes back
    type_keys(&mut app, "F");
    assert!(
        message(&app).contains("suggested only"),
        "{}",
        message(&app)
    );
    type_keys(&mut app, "f");
    assert_eq!(app.claim_rows().len(), 1);
    app.handle_event(code(KeyCode::Enter));
    assert_eq!(app.screen, Screen::Reader);
    let cursor = app.reader.cursor.clone().unwrap();
    let claim = range_of(&app, CLAIM_C);
    assert!(claim.contains(&cursor.start), "{cursor:?} not in {claim:?}");
    assert!(message(&app).contains("g c goes back"), "{}", message(&app));
    // the table comes back as it was left
    type_keys(&mut app, "gc");
    assert_eq!(app.claim_rows().len(), 1);
}

#[test]
fn type_and_verdict_change_in_place_and_undo_says_what_it_undid() {
    let (_dir, mut app) = tagged(100, 30);
    type_keys(&mut app, "gc");
    // the second row: claim A
    type_keys(&mut app, "j");
    let a = claim_id(&app, CLAIM_A);
    assert_eq!(app.chosen_claim().unwrap().id, a);
    type_keys(&mut app, "tp");
    assert_eq!(app.screen, Screen::Claims);
    let claim = |app: &App| set(app).claims.into_iter().find(|c| c.id == a).unwrap();
    assert_eq!(claim(&app).claim_type, ClaimType::Prediction);
    let said = message(&app);
    assert!(said.contains("prediction"), "{said}");
    assert!(!said.contains(&a), "the message names no id: {said}");
    type_keys(&mut app, "Vt");
    assert_eq!(claim(&app).verification.status, VerificationStatus::True);
    assert!(message(&app).contains("true"), "{}", message(&app));
    // the row shows it
    assert_eq!(
        app.chosen_claim().unwrap().verdict,
        VerificationStatus::True
    );
    // u in the table undoes, one change at a time
    type_keys(&mut app, "u");
    assert_eq!(app.screen, Screen::Claims);
    assert!(message(&app).starts_with("undone"), "{}", message(&app));
    assert_eq!(
        claim(&app).verification.status,
        VerificationStatus::Unverified
    );
    type_keys(&mut app, "u");
    assert_eq!(claim(&app).claim_type, ClaimType::Statement);
    // Esc in a picker cancels it and keeps the table
    type_keys(&mut app, "t");
    app.handle_event(code(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Claims);
    assert_eq!(claim(&app).claim_type, ClaimType::Statement);
}

#[test]
fn the_sources_table_counts_mentions_claims_and_chain_roles() {
    let (_dir, mut app) = tagged(100, 30);
    type_keys(&mut app, "gs");
    assert_eq!(app.screen, Screen::Sources);
    let rows = app.source_rows();
    let row = |name: &str| rows.iter().find(|r| r.name == name).unwrap().clone();
    let ministry = row("وزارة الداخلية");
    assert_eq!((ministry.claims, ministry.role.as_str()), (1, "speaker"));
    let platform = row("منصة إكس");
    assert_eq!((platform.claims, platform.role.as_str()), (1, "hand"));
    let witnesses = row("شهود عيان");
    assert_eq!((witnesses.claims, witnesses.mentions), (0, 1));
    insta::assert_snapshot!("sources_table_100x30", screen(&app));
    // sorted by claims, most first: the witnesses, linked to nothing, come last
    type_keys(&mut app, "oooO");
    assert!(
        message(&app).contains("sorted by claims (descending)"),
        "{}",
        message(&app)
    );
    assert_eq!(app.source_rows().last().unwrap().name, "شهود عيان");
    // filtered to the hands: the platform alone
    type_keys(&mut app, "fff");
    assert!(
        message(&app).contains("hands (1 of 4)"),
        "{}",
        message(&app)
    );
    // its type set in place, then undone
    type_keys(&mut app, "tm");
    let source = |app: &App| {
        set(app)
            .sources
            .into_iter()
            .find(|s| s.id == platform.id)
            .unwrap()
    };
    assert_eq!(source(&app).source_type, SourceType::MediaOutlet);
    // kinds are named in words, in the row and in the status bar
    let shown = screen(&app);
    assert!(shown.contains("│media outlet│"), "{shown}");
    assert!(!shown.contains("media_outlet"), "{shown}");
    assert!(
        message(&app).contains("unknown → media outlet"),
        "{}",
        message(&app)
    );
    type_keys(&mut app, "u");
    assert_eq!(source(&app).source_type, platform.source_type);
    // V has nothing to set on a source (it is not a key of the sources table)
    type_keys(&mut app, "V");
    assert_eq!(app.screen, Screen::Sources);
    // Enter: its first mention
    app.handle_event(code(KeyCode::Enter));
    assert_eq!(app.screen, Screen::Reader);
    let cursor = app.reader.cursor.clone().unwrap();
    assert_eq!(cursor.start, range_of(&app, "منصة إكس").start);
}

#[test]
fn at_40_columns_the_sources_table_keeps_the_names() {
    let (_dir, mut app) = tagged(40, 20);
    type_keys(&mut app, ":sources");
    app.handle_event(code(KeyCode::Enter));
    assert_eq!(app.screen, Screen::Sources);
    insta::assert_snapshot!("sources_table_40x20", screen(&app));
}

#[test]
fn the_mouse_chooses_a_row_and_the_wheel_moves_through_them() {
    use crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let mouse = |kind, row| {
        Event::Mouse(MouseEvent {
            kind,
            column: 10,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    let (_dir, mut app) = tagged(100, 30);
    type_keys(&mut app, "gc");
    let order = claim_order(&app);
    // the third row is on screen line 4, below the title and the header
    app.handle_event(mouse(MouseEventKind::Down(MouseButton::Left), 4));
    assert_eq!(app.chosen_claim().unwrap().id, order[2]);
    // a click below the last row chooses nothing new
    app.handle_event(mouse(MouseEventKind::Down(MouseButton::Left), 20));
    assert_eq!(app.chosen_claim().unwrap().id, order[2]);
    app.handle_event(mouse(MouseEventKind::ScrollUp, 0));
    assert_eq!(app.chosen_claim().unwrap().id, order[0]);
    assert_eq!(app.screen, Screen::Claims);
}

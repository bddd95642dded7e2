//! Faster selection through the keys: counts before motions (`5w`, `3b`, `2)`, `2]`, shown in
//! the status bar while typed, dropped by Esc), the sentence and closing-mark motions (`)` `(`
//! `}` `{`) and the sentence, clause and quotation objects (`.` `,` `"`), which start a
//! selection or grow the open one; a 21-word quoted claim tagged with two keys; a count before
//! undo (`3u`), and one before a key that runs once said to be ignored.

mod common;

use common::{TestApp, code, draw, message, press, rows, set, temp_file, type_keys};
use crossterm::event::KeyCode;
use isnad::app::App;

/// Two paragraphs of my own: a quoted 21-word claim with a decimal, an abbreviation and a
/// clause comma inside; a straight-quoted word; a question and an exclamation; a bracket.
const TEXT: &str = "وقال المتحدث باسم الجيش: «سيطرت القوات على 3.5 كيلومترات من الطريق الدولي، وفق بيان نشره د. أحمد العلي صباح اليوم بعد اجتماع طويل مع القادة». وأضاف أن الهدنة \"المؤقتة\" صامدة. هل تصمد؟ لا أحد يعرف!\nوفي سياق متصل، أعلنت الوزارة (في بيان) أن الوضع مستقر.\n";

const CLAIM: &str = "سيطرت القوات على 3.5 كيلومترات من الطريق الدولي، وفق بيان نشره د. أحمد العلي صباح اليوم بعد اجتماع طويل مع القادة";

fn app() -> App {
    TestApp::text(TEXT).size(100, 30).build()
}

fn word(app: &App) -> &str {
    let cursor = app.reader.cursor.clone().expect("cursor");
    &app.reader.article.text[cursor]
}

fn selected(app: &App) -> &str {
    let range = app.reader.selection().expect("a selection");
    &app.reader.article.text[range]
}

fn status_row(app: &App) -> String {
    rows(app).last().cloned().unwrap_or_default()
}

#[test]
fn counts_repeat_word_motions_and_show_while_typed() {
    let mut app = app();
    type_keys(&mut app, "5");
    assert_eq!(app.shell.count, Some(5));
    assert!(status_row(&app).contains("5×"), "{}", status_row(&app));
    type_keys(&mut app, "w");
    assert_eq!(word(&app), "القوات");
    assert_eq!(app.shell.count, None);
    assert!(!status_row(&app).contains("5×"));
    type_keys(&mut app, "3b");
    assert_eq!(word(&app), "باسم");
    // two digits make one count
    type_keys(&mut app, "12w");
    assert_eq!(word(&app), "نشره");
    // digits typed on an Arabic keyboard count too
    type_keys(&mut app, "gg٣w");
    assert_eq!(word(&app), "الجيش");
}

#[test]
fn esc_drops_a_count_and_zero_alone_is_no_count() {
    let mut app = app();
    type_keys(&mut app, "7");
    app.handle_event(code(KeyCode::Esc));
    assert_eq!(app.shell.count, None);
    assert!(!status_row(&app).contains("7×"));
    type_keys(&mut app, "w");
    assert_eq!(word(&app), "المتحدث");
    type_keys(&mut app, "0");
    assert_eq!(app.shell.count, None);
    assert!(
        message(&app).contains("0 is not bound"),
        "{}",
        message(&app)
    );
}

#[test]
fn counts_scroll_lines_and_repeat_sentence_moves() {
    let long: String = (1..=60).map(|n| format!("سطر رقم {n}.\n")).collect();
    let mut app = TestApp::text(&long).size(40, 20).build();
    type_keys(&mut app, "4j");
    assert_eq!(app.reader.top.paragraph, 4);
    type_keys(&mut app, "2k");
    assert_eq!(app.reader.top.paragraph, 2);
    let mut app = self::app();
    type_keys(&mut app, "2)");
    assert_eq!(word(&app), "صامدة");
}

#[test]
fn counts_step_through_suggestions() {
    let (_dir, file) = temp_file();
    let build = || TestApp::sample().suggested_annotations(&file).build();
    let mut one_by_one = build();
    type_keys(&mut one_by_one, "]]]");
    let mut counted = build();
    type_keys(&mut counted, "3]");
    assert_eq!(counted.reader.cursor, one_by_one.reader.cursor);
    assert_eq!(message(&counted), message(&one_by_one));
    assert!(message(&counted).contains(" of "), "{}", message(&counted));
}

#[test]
fn sentence_moves_stop_at_arabic_marks_not_at_decimals_or_abbreviations() {
    let mut app = app();
    let mut ends = Vec::new();
    for _ in 0..5 {
        type_keys(&mut app, ")");
        ends.push(word(&app).to_owned());
    }
    // the line end after `!` ends nothing more; the comma of the second paragraph is no
    // sentence end; its full stop is
    assert_eq!(
        ends,
        ["القادة", "صامدة", "تصمد", "يعرف", "مستقر"].map(String::from)
    );
    type_keys(&mut app, ")");
    assert_eq!(message(&app), "at the last sentence");
    // back: to the sentence's first word, then the previous sentence's
    type_keys(&mut app, "(");
    assert_eq!(word(&app), "وفي");
    type_keys(&mut app, "(");
    assert_eq!(word(&app), "لا");
    type_keys(&mut app, "2(");
    assert_eq!(word(&app), "وأضاف");
    type_keys(&mut app, "(");
    assert_eq!(word(&app), "وقال");
    type_keys(&mut app, "(");
    assert_eq!(message(&app), "at the first sentence");
}

#[test]
fn closing_mark_move_lands_before_each_closer() {
    let mut app = app();
    let mut stops = Vec::new();
    for _ in 0..3 {
        type_keys(&mut app, "}");
        stops.push(word(&app).to_owned());
    }
    // »; the straight quote that closes "المؤقتة"; the bracket
    assert_eq!(stops, ["القادة", "المؤقتة", "بيان"].map(String::from));
    type_keys(&mut app, "}");
    assert_eq!(
        message(&app),
        "no closing quotation mark or bracket after the cursor"
    );
}

#[test]
fn a_21_word_quoted_claim_takes_two_keys() {
    let (_dir, file) = temp_file();
    let mut app = TestApp::text(TEXT).annotations(&file).build();
    type_keys(&mut app, "4w");
    assert_eq!(word(&app), "سيطرت");
    type_keys(&mut app, "\"");
    assert_eq!(selected(&app), CLAIM);
    assert_eq!(message(&app), "quotation selected (21 words)");
    type_keys(&mut app, "c");
    let claims = set(&app).claims;
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].span.text(&app.reader.article), CLAIM);
}

#[test]
fn sentence_and_clause_objects_start_a_selection() {
    let mut app = app();
    type_keys(&mut app, "6w.");
    assert_eq!(selected(&app), format!("وقال المتحدث باسم الجيش: «{CLAIM}"));
    assert_eq!(message(&app), "sentence selected (25 words)");
    app.handle_event(code(KeyCode::Esc));
    assert_eq!(app.reader.selection(), None);
    // the object left the cursor on its last word
    assert_eq!(word(&app), "القادة");
    type_keys(&mut app, "gg,");
    assert_eq!(
        selected(&app),
        "وقال المتحدث باسم الجيش: «سيطرت القوات على 3.5 كيلومترات من الطريق الدولي"
    );
    app.handle_event(code(KeyCode::Esc));
    // the inner straight quotation, and nothing outside any quotation
    type_keys(&mut app, "))b\"");
    assert_eq!(selected(&app), "المؤقتة");
    app.handle_event(code(KeyCode::Esc));
    type_keys(&mut app, "G\"");
    assert_eq!(app.reader.selection(), None);
    assert_eq!(message(&app), "no quotation around the cursor");
}

#[test]
fn objects_and_motions_grow_an_open_selection() {
    let mut app = app();
    // v ) : from the cursor to the sentence's end, three keys
    type_keys(&mut app, "wv)");
    assert_eq!(selected(&app), format!("المتحدث باسم الجيش: «{CLAIM}"));
    app.handle_event(code(KeyCode::Esc));
    // a selection from the second sentence back into the first grows over the first sentence
    type_keys(&mut app, "wvb.");
    assert_eq!(
        selected(&app),
        format!("وقال المتحدث باسم الجيش: «{CLAIM}». وأضاف")
    );
    // tagging it keeps the words as they are
    assert!(app.reader.selection_anchor.is_some());
    app.handle_event(press('v'));
    assert_eq!(app.reader.selection(), None);
}

#[test]
fn snapshots_of_a_selected_quotation_and_a_count() {
    for (width, height) in [(100, 30), (40, 20)] {
        let mut app = TestApp::text(TEXT).size(width, height).build();
        type_keys(&mut app, "4w\"");
        insta::assert_snapshot!(
            format!("quotation_selected_{width}x{height}"),
            draw(&app).backend()
        );
        app.handle_event(code(KeyCode::Esc));
        type_keys(&mut app, "12");
        insta::assert_snapshot!(
            format!("count_typed_{width}x{height}"),
            draw(&app).backend()
        );
    }
}

#[test]
fn opening_mark_move_lands_after_each_opener_going_back() {
    let mut app = app();
    type_keys(&mut app, "G");
    let mut stops = Vec::new();
    for _ in 0..3 {
        type_keys(&mut app, "{");
        stops.push(word(&app).to_owned());
    }
    // the bracket; the straight quote that opens "المؤقتة"; «
    assert_eq!(stops, ["في", "المؤقتة", "سيطرت"].map(String::from));
    type_keys(&mut app, "{");
    assert_eq!(
        message(&app),
        "no opening quotation mark or bracket before the cursor"
    );
    // a count goes back that many openers
    type_keys(&mut app, "G2{");
    assert_eq!(word(&app), "المؤقتة");
}

#[test]
fn a_count_before_undo_undoes_that_many_and_one_before_other_keys_is_said_ignored() {
    let (_dir, file) = temp_file();
    let mut app = TestApp::text(TEXT).annotations(&file).build();
    // three sources, one undo step each
    for _ in 0..3 {
        type_keys(&mut app, "sw");
    }
    assert_eq!(set(&app).sources.len(), 3);
    type_keys(&mut app, "2u");
    assert_eq!(set(&app).sources.len(), 1);
    type_keys(&mut app, "3v");
    assert!(app.reader.selection_anchor.is_some());
    assert_eq!(
        message(&app),
        "count 3 ignored: select.toggle runs once · selecting: motions extend it, s source, c \
         claim, e entity tag it, Esc cancels"
    );
    // a command without a message of its own gets the note alone
    app.handle_event(code(KeyCode::Esc));
    type_keys(&mut app, "4?");
    assert_eq!(message(&app), "count 4 ignored: app.help runs once");
}

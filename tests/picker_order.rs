//! The link picker (`l`) lists candidates in reading-structure order: the source of the same
//! sentence first, then the speaker of the sentence before (the one a `وأضاف` continues), then
//! the rest by distance; from a source, its sentence's claims, then the next sentence's. Items
//! are tagged with keys (counts and `v`), as an analyst would.

mod common;

use common::{TestApp, code, temp_file, type_keys};
use crossterm::event::KeyCode;
use isnad::app::{App, Overlay};

/// Words: S1 قال(0) الوزير(1) … ينمو(4); S2 وأضاف(5) أن البطالة(7) … بالمئة(11); S3 ورأت(12)
/// المعارضة(13) … الأرقام(24) مضللة(25); S4 وقال(26) محلل(27) إن التقديرات(29) متفائلة(30).
const TEXT: &str = "قال الوزير إن الاقتصاد ينمو.\n\nوأضاف أن البطالة تراجعت إلى 7.5 بالمئة. ورأت المعارضة في بيان طويل صدر مساء أمس عن مكتبها السياسي أن الأرقام مضللة. وقال محلل إن التقديرات متفائلة.\n";

fn tagged(file: &std::path::Path) -> App {
    let mut app = TestApp::text(TEXT).size(100, 30).annotations(file).build();
    // sources: الوزير, المعارضة, محلل
    type_keys(&mut app, "ggws");
    type_keys(&mut app, "gg13ws");
    type_keys(&mut app, "gg27ws");
    // claims: «البطالة تراجعت إلى 7.5 بالمئة», «الأرقام مضللة»
    type_keys(&mut app, "gg7wv4wc");
    type_keys(&mut app, "gg24wvwc");
    let set = common::set(&app);
    assert_eq!((set.sources.len(), set.claims.len()), (3, 2));
    app
}

fn picker_texts(app: &App) -> Vec<String> {
    let Overlay::Link(picker) = &app.overlay else {
        panic!("the link picker is open");
    };
    picker.candidates.iter().map(|c| c.text.clone()).collect()
}

#[test]
fn a_claim_after_wa_adaf_lists_the_previous_sentences_speaker_first() {
    let (_dir, file) = temp_file();
    let mut app = tagged(&file);
    // «المعارضة» is nearer in bytes, but the sentence continues the minister's words
    type_keys(&mut app, "gg7wl");
    assert_eq!(picker_texts(&app), ["الوزير", "المعارضة", "محلل"]);
}

#[test]
fn the_source_of_the_same_sentence_comes_before_a_nearer_one() {
    let (_dir, file) = temp_file();
    let mut app = tagged(&file);
    // «محلل» is a few bytes after the claim; «المعارضة» opens its long sentence; the
    // sentence before has no source, so the rest follow by distance
    type_keys(&mut app, "gg24wl");
    assert_eq!(picker_texts(&app), ["المعارضة", "محلل", "الوزير"]);
}

#[test]
fn from_a_source_its_sentences_claims_then_the_next_sentences() {
    let (_dir, file) = temp_file();
    let mut app = tagged(&file);
    // the minister: no claim in his sentence that is tagged; the next sentence's claim first
    type_keys(&mut app, "ggwl");
    assert_eq!(
        picker_texts(&app),
        ["البطالة تراجعت إلى 7.5 بالمئة", "الأرقام مضللة"]
    );
    // the opposition: its own sentence's claim before the nearer one of the sentence before
    app.handle_event(code(KeyCode::Esc));
    assert_eq!(app.overlay, Overlay::None);
    type_keys(&mut app, "gg13wl");
    assert_eq!(
        picker_texts(&app),
        ["الأرقام مضللة", "البطالة تراجعت إلى 7.5 بالمئة"]
    );
}

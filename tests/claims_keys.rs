//! Claims and sources through the app with scripted keys against real files: tag a source and
//! a claim, link them with `l`, attach a cue with `C`, set type and verification with `t`/`V`,
//! write a note, delete with `d` and undo; the side panel's views and its movement.

mod common;

use std::path::Path;

use common::{TestApp, code, draw, json, keys, press as key, run_script, set, temp_file};
use crossterm::event::KeyCode;
use isnad::annotate::{Item, ReviewStatus};
use isnad::app::{Action, App, Effect, Overlay};

/// The sample with an annotation file at `file`; `suggest` adds the built-in suggestions as on
/// a first open.
fn app(file: &Path, suggest: bool) -> App {
    let app = TestApp::sample().size(100, 30);
    if suggest {
        app.suggested_annotations(file).build()
    } else {
        app.annotations(file).build()
    }
}

#[test]
fn tag_link_cue_attributes_note_then_delete_and_undo() {
    let (_dir, file) = temp_file();
    let mut app = app(&file, false);
    let mut script = Vec::new();
    // source: «المتحدث باسم وزارة الداخلية السورية» (words 1–5)
    script.extend(keys("wvwwwws"));
    // claim: «القضاء على 3 عناصر» (words 10–13)
    script.extend(keys("wwwwwvwwwc"));
    // l: the picker lists the one source; Enter links it
    script.extend(keys("l"));
    script.push(code(KeyCode::Enter));
    // C on «أعلن» (the first word) attaches the cue to the claim just linked
    script.extend(keys("ggC"));
    // back on the claim: type quantity, verification false, a note
    script.extend(keys("wwwwwwwwww"));
    script.extend(keys("tnVf"));
    script.push(code(KeyCode::Enter));
    script.extend("يحتاج إلى مصدر ثان".chars().map(key));
    script.push(code(KeyCode::Enter));
    script.push(key('q'));
    run_script(&mut app, script);

    let doc = json(&file);
    let sources = doc["sources"].as_array().expect("sources");
    let claims = doc["claims"].as_array().expect("claims");
    let links = doc["attributions"].as_array().expect("attributions");
    assert_eq!(sources.len(), 1, "{doc:#}");
    assert_eq!(
        sources[0]["span"]["exact"],
        "المتحدث باسم وزارة الداخلية السورية"
    );
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0]["span"]["exact"], "القضاء على 3 عناصر");
    assert_eq!(claims[0]["claim_type"], "quantity");
    assert_eq!(claims[0]["verification"]["status"], "false");
    assert_eq!(claims[0]["note"], "يحتاج إلى مصدر ثان");
    assert_eq!(links.len(), 1);
    assert_eq!(links[0]["claim_id"], claims[0]["id"]);
    assert_eq!(links[0]["source_id"], sources[0]["id"]);
    assert_eq!(links[0]["cue"]["span"]["exact"], "أعلن");
    assert_eq!(links[0]["cue"]["span"]["start"], 0);
    assert_eq!(links[0]["review"]["status"], "accepted");
    assert_eq!(links[0]["origin"]["by"], "tester");

    // d on the source takes its attribution along; one u brings both back
    let before = set(&app);
    app.reader.cursor = isnad::app::words::word_near(&app.reader.article, "أعلن ".len());
    app.handle_event(key('d'));
    let after = set(&app);
    assert!(after.sources.is_empty() && after.attributions.is_empty());
    assert_eq!(after.claims.len(), 1, "the claim stays");
    app.handle_event(key('u'));
    assert_eq!(set(&app), before);
}

#[test]
fn the_link_picker_orders_sources_by_distance_and_enter_unlinks() {
    let (_dir, file) = temp_file();
    let mut app = app(&file, true);
    let set0 = set(&app);
    // a claim in the middle of the article, with sources on both sides
    let claim = set0
        .claims
        .iter()
        .find(|c| {
            set0.sources
                .iter()
                .filter_map(|s| s.span)
                .any(|s| s.start > c.span.end)
                && set0
                    .sources
                    .iter()
                    .filter_map(|s| s.span)
                    .any(|s| s.end < c.span.start)
                && set0.attributions.iter().any(|a| a.claim_id == c.id)
        })
        .expect("a claim between sources")
        .clone();
    app.reader.cursor = Some(claim.span.range());
    app.reader.focus = Some(claim.id.clone());
    app.handle_event(key('l'));
    let Overlay::Link(picker) = app.overlay.clone() else {
        panic!("link picker open: {:?}", app.shell.message);
    };
    assert_eq!(picker.from, claim.id);
    assert_eq!(
        picker.candidates.len(),
        set0.sources
            .iter()
            .filter(|s| s.review.status != ReviewStatus::Rejected)
            .count()
    );
    let gaps: Vec<usize> = picker.candidates.iter().map(|c| c.distance).collect();
    assert!(gaps.windows(2).all(|w| w[0] <= w[1]), "{gaps:?}");
    // every distance is the real gap between the spans
    for c in &picker.candidates {
        let Some(Item::Source(s)) = set0.get(&c.id) else {
            panic!("candidate is a source");
        };
        if let Some(span) = s.span {
            // before the claim, after it, or overlapping
            let gap = if span.end <= claim.span.start {
                claim.span.start - span.end
            } else {
                span.start.saturating_sub(claim.span.end)
            };
            assert_eq!(c.distance, gap);
        }
    }
    // j moves down; Enter links the nearest source not yet linked
    let target = picker
        .candidates
        .iter()
        .position(|c| c.linked.is_none() && !c.suggested)
        .expect("an unlinked source");
    for _ in 0..target {
        app.handle_event(key('j'));
    }
    let second = picker.candidates[target].clone();
    app.handle_event(code(KeyCode::Enter));
    assert_eq!(app.overlay, Overlay::None);
    let linked = set(&app);
    let new_link = linked
        .attributions
        .iter()
        .find(|a| a.claim_id == claim.id && a.source_id == second.id)
        .expect("linked")
        .clone();
    assert_eq!(new_link.review.status, ReviewStatus::Accepted);
    // linking by hand accepts a suggested claim and source
    for end in [&claim.id, &second.id] {
        assert_ne!(
            linked.get(end).map(|i| i.review().status),
            Some(ReviewStatus::Suggested)
        );
    }
    // the picker now ticks it, and Enter on it unlinks
    app.handle_event(key('l'));
    let Overlay::Link(picker) = app.overlay.clone() else {
        panic!("picker open again");
    };
    let index = picker
        .candidates
        .iter()
        .position(|c| c.id == second.id)
        .expect("still listed");
    assert!(picker.candidates[index].linked.is_some());
    app.handle_event(key(char::from(b'1' + u8::try_from(index).expect("small"))));
    assert!(
        set(&app)
            .attributions
            .iter()
            .all(|a| !(a.claim_id == claim.id && a.source_id == second.id))
    );
    // Enter on a suggested link accepts that link instead of adding a second one
    app.handle_event(key('l'));
    let Overlay::Link(picker) = app.overlay.clone() else {
        panic!("picker open again");
    };
    {
        let index = picker
            .candidates
            .iter()
            .position(|c| c.suggested)
            .expect("the suggested link is offered");
        let count = set(&app).attributions.len();
        let source = picker.candidates[index].id.clone();
        app.handle_event(key(char::from(b'1' + u8::try_from(index).expect("small"))));
        let after = set(&app);
        assert_eq!(after.attributions.len(), count);
        let link = after
            .attributions
            .iter()
            .find(|a| a.claim_id == claim.id && a.source_id == source)
            .expect("still there");
        assert_eq!(link.review.status, ReviewStatus::Accepted);
    }
    // Esc closes without change
    app.handle_event(key('l'));
    let before = set(&app);
    app.handle_event(code(KeyCode::Esc));
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(set(&app), before);
}

#[test]
fn pickers_cancel_on_other_keys_and_work_on_the_arabic_layout() {
    let (_dir, file) = temp_file();
    let mut app = app(&file, false);
    for e in keys("wvws") {
        app.handle_event(e);
    }
    app.reader.cursor = isnad::app::words::word_near(&app.reader.article, "أعلن ".len());
    // t on a source: source types; خ is o (official) on the Arabic PC layout
    app.handle_event(key('t'));
    assert!(matches!(app.overlay, Overlay::Choice(_)));
    app.handle_event(key('خ'));
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(
        set(&app).sources[0].source_type,
        isnad::annotate::SourceType::Official
    );
    // V on a source explains instead of opening
    app.handle_event(key('V'));
    assert_eq!(app.overlay, Overlay::None);
    // an unknown key cancels without change
    let before = set(&app);
    app.handle_event(key('t'));
    app.handle_event(key('!'));
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(set(&app), before);
    // the inline note: Esc drops the edit
    app.handle_event(code(KeyCode::Enter));
    assert!(matches!(app.overlay, Overlay::Note { .. }));
    app.handle_event(key('x'));
    app.handle_event(code(KeyCode::Esc));
    assert_eq!(set(&app), before);
    // E asks the loop for the external editor with the current note; its answer is kept
    let effect = app.handle_event(key('E'));
    let [Effect::EditNote { id, note }] = effect.as_slice() else {
        panic!("E asks for the editor: {effect:?}");
    };
    assert_eq!(note, "");
    app.update(Action::NoteEdited {
        id: id.clone(),
        note: "من الموقع الرسمي\n\n".into(),
    });
    assert_eq!(
        set(&app).get(id).map(|i| i.note().to_owned()),
        Some("من الموقع الرسمي".to_owned())
    );
}

#[test]
fn the_side_panel_lists_claims_sources_and_entities_and_moves_the_reader() {
    let (_dir, file) = temp_file();
    let mut app = app(&file, true);
    let s = set(&app);
    let full = app.text_column();
    app.handle_event(code(KeyCode::Tab));
    let panel = app.panel.clone().expect("panel open");
    assert!(panel.focused, "Tab gives the keys to the panel");
    assert!(app.text_column().0 < 100, "the reader makes room");
    let lines = app.panel_lines();
    let live_claims = s
        .claims
        .iter()
        .filter(|c| c.review.status != ReviewStatus::Rejected)
        .count();
    assert_eq!(
        lines.iter().filter(|l| l.heading).count(),
        live_claims,
        "one heading per claim"
    );
    // the chosen line is a claim; the reader's cursor is on it
    let chosen = lines[panel.selected].target.clone().expect("a target");
    assert_eq!(app.reader.cursor, Some(chosen.clone()));
    // j moves to the next line with a target, and the reader follows
    app.handle_event(key('j'));
    let panel = app.panel.clone().expect("panel");
    let next = app.panel_lines()[panel.selected]
        .target
        .clone()
        .expect("target");
    assert_eq!(app.reader.cursor, Some(next));
    // 2: sources, each followed by its claims
    app.handle_event(key('2'));
    let lines = app.panel_lines();
    assert!(lines.iter().any(|l| l.marker.contains('→')), "{lines:?}");
    // 3: entities grouped by label with counts that add up
    app.handle_event(key('3'));
    let lines = app.panel_lines();
    let live_entities = s
        .entities
        .iter()
        .filter(|e| e.review.status != ReviewStatus::Rejected)
        .count();
    let total: usize = lines
        .iter()
        .filter(|l| l.heading)
        .filter_map(|l| {
            l.marker
                .rsplit_once('(')
                .and_then(|(_, n)| n.trim_end_matches(')').parse::<usize>().ok())
        })
        .sum();
    assert_eq!(total, live_entities);
    // Enter jumps and gives the keys back to the reader; Tab then closes the panel
    app.handle_event(code(KeyCode::Enter));
    assert!(!app.panel.as_ref().expect("open").focused);
    app.handle_event(code(KeyCode::Tab));
    assert!(app.panel.is_none());
    assert_eq!(app.text_column(), full);
}

#[test]
fn the_claim_under_the_cursor_lights_up_its_sources() {
    let (_dir, file) = temp_file();
    let mut app = app(&file, true);
    let s = set(&app);
    let a = s.attributions.first().expect("an attribution suggested");
    let claim = s.claims.iter().find(|c| c.id == a.claim_id).expect("claim");
    let source = s
        .sources
        .iter()
        .find(|x| x.id == a.source_id)
        .and_then(|x| x.span)
        .expect("source with a span");
    app.reader.cursor = Some(claim.span.range());
    app.reader.focus = Some(claim.id.clone());
    assert!(
        app.session
            .linked_ranges(&app.reader)
            .contains(&source.range())
    );
    let marks = app
        .session
        .marks_in(&app.reader, &(0..app.reader.article.text.len()));
    assert!(marks.iter().any(|(r, slot, _)| *r == source.range()
        && *slot == isnad::config::theme::Slot::Linked));
    // and the other way round
    app.reader.cursor = Some(source.range());
    app.reader.focus = Some(a.source_id.clone());
    assert!(
        app.session
            .linked_ranges(&app.reader)
            .contains(&claim.span.range())
    );
}

#[test]
fn panel_and_pickers_on_screen() {
    let (_dir, file) = temp_file();
    let mut app = app(&file, true);
    app.handle_event(code(KeyCode::Tab));
    insta::assert_snapshot!("panel_claims", draw(&app).backend());
    app.handle_event(key('3'));
    insta::assert_snapshot!("panel_entities", draw(&app).backend());
    app.handle_event(code(KeyCode::Tab));
    app.handle_event(code(KeyCode::Tab));
    // the first suggested claim with a source: l lists the sources, nearest first
    app.handle_event(key(']'));
    while !matches!(
        app.reader.focus.as_deref().and_then(|id| set(&app).get(id)),
        Some(Item::Claim(_))
    ) {
        app.handle_event(key(']'));
    }
    app.handle_event(key('l'));
    insta::assert_snapshot!("link_picker", draw(&app).backend());
    app.handle_event(code(KeyCode::Esc));
    app.handle_event(key('V'));
    insta::assert_snapshot!("verification_picker", draw(&app).backend());
}

#[test]
fn an_arabic_note_is_shown_shaped_and_in_reading_order_while_typed() {
    let (_dir, file) = temp_file();
    let mut app = app(&file, false);
    app.handle_event(key('s'));
    app.handle_event(code(KeyCode::Enter));
    let note = "مصدر رسمي";
    for c in note.chars() {
        app.handle_event(key(c));
    }
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let bottom = buffer.area.height - 1;
    let line: String = (0..buffer.area.width)
        .map(|x| buffer[(x, bottom)].symbol().to_owned())
        .collect();
    let opts = isnad::layout::LayoutOptions {
        width: u16::MAX,
        direction: isnad::layout::Direction::Auto,
        ..app.layout_options()
    };
    let expected = isnad::layout::layout_text(note, 0, 0, &opts).remove(0).text;
    assert!(line.starts_with("note:  "), "{line:?}");
    assert!(line.contains(&expected), "{line:?} vs {expected:?}");
    assert_ne!(expected, note, "reordered and shaped, not logical");
    // the cursor sits at the end of the text, which is its left edge
    let cursor = buffer[("note: ".len() as u16, bottom)].modifier;
    assert!(cursor.contains(ratatui::style::Modifier::REVERSED));
    app.handle_event(code(KeyCode::Enter));
    assert_eq!(set(&app).sources[0].note, note);
}

#[test]
fn rebound_label_and_verdict_letters_reach_their_pickers_and_are_shown() {
    let (_dir, file) = temp_file();
    let mut settings = isnad::config::Settings::defaults();
    let problems = settings.keymap.merge_user(
        Path::new("keymap.toml"),
        "[label]\n\"label.person\" = \"h\"\n[verdict]\n\"verdict.false\" = \"z\"\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    let mut app = TestApp::sample()
        .size(100, 30)
        .settings(settings, common::no_config())
        .annotations(&file)
        .build();
    let screen = |app: &App| format!("{:?}", draw(app).backend());
    // e on a word: the label picker offers h for PERSON, p no longer picks it
    for e in keys("wve") {
        app.handle_event(e);
    }
    assert!(matches!(app.overlay, Overlay::LabelPicker(_)));
    let shown = screen(&app);
    assert!(shown.contains(" h  PERSON"), "{shown}");
    assert!(!shown.contains(" p  PERSON"), "{shown}");
    app.handle_event(key('h'));
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(set(&app).entities.len(), 1);
    assert_eq!(set(&app).entities[0].label.as_str(), "PERSON");
    // a claim: V offers z for false, and z sets it
    for e in keys("wvwc") {
        app.handle_event(e);
    }
    app.handle_event(key('V'));
    assert!(matches!(app.overlay, Overlay::Choice(_)));
    let shown = screen(&app);
    assert!(shown.contains(" z  false"), "{shown}");
    app.handle_event(key('z'));
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(
        set(&app).claims[0].verification.status,
        isnad::annotate::VerificationStatus::False
    );
}

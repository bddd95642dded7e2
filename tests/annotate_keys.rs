//! End-to-end annotation through the app with scripted keys against real files: select words,
//! tag, undo, redo, autosave within a second, save on quit, read-only files never written.

mod common;

use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{
    TestApp, ctrl, draw, json, message, press as key, run_events, run_script, set, shift, temp_file,
};
use crossterm::event::{Event, KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use isnad::annotate::{AnnotationStore, StoreOptions};
use isnad::app::{Action, App};
use isnad::article::Article;
use isnad::config::Settings;
use isnad::config::colors::ColorDepth;
use isnad::tui::EventSource;

fn app_with_file(file: &Path) -> App {
    TestApp::sample().annotations(file).build()
}

#[test]
fn select_three_words_tag_source_undo_redo_quit() {
    let (_dir, file) = temp_file();
    let mut app = app_with_file(&file);
    run_script(
        &mut app,
        vec![
            key('v'),
            key('w'),
            key('w'),
            key('s'),
            key('u'),
            ctrl('r'),
            key('q'),
        ],
    );
    let doc = json(&file);
    let sources = doc["sources"].as_array().expect("sources");
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0]["span"]["exact"], "أعلن المتحدث باسم");
    assert_eq!(sources[0]["span"]["start"], 0);
    assert_eq!(sources[0]["span"]["end"], 17, "code points, not bytes");
    assert_eq!(sources[0]["source_type"], "unknown");
    assert_eq!(sources[0]["origin"]["by"], "tester");
    assert!(
        app.reader.selection().is_none(),
        "tagging ends the selection"
    );
}

#[test]
fn undo_back_to_nothing_saves_an_empty_set() {
    let (_dir, file) = temp_file();
    let mut app = app_with_file(&file);
    run_script(&mut app, vec![key('c'), key('u'), key('q')]);
    let doc = json(&file);
    assert_eq!(doc["claims"].as_array().map(Vec::len), Some(0));
}

#[test]
fn claim_on_the_cursor_word_and_escape_cancels_a_selection() {
    let (_dir, file) = temp_file();
    let mut app = app_with_file(&file);
    let esc = common::code(KeyCode::Esc);
    run_script(
        &mut app,
        vec![key('w'), key('v'), key('w'), esc, key('c'), key('q')],
    );
    let doc = json(&file);
    let claims = doc["claims"].as_array().expect("claims");
    assert_eq!(claims.len(), 1);
    // the selection was cancelled, so only the cursor word is tagged
    assert_eq!(claims[0]["span"]["exact"], "باسم");
    assert_eq!(claims[0]["claim_type"], "statement");
}

#[test]
fn mouse_drag_extends_a_selection() {
    let (_dir, file) = temp_file();
    let mut app = app_with_file(&file);
    let mouse = |kind, column| {
        Event::Mouse(MouseEvent {
            kind,
            column,
            row: 0,
            modifiers: KeyModifiers::NONE,
        })
    };
    app.handle_event(mouse(MouseEventKind::Down(MouseButton::Left), 79));
    app.handle_event(mouse(MouseEventKind::Drag(MouseButton::Left), 70));
    let selected = app.reader.selection().expect("selection");
    assert_eq!(&app.reader.article.text[selected], "أعلن المتحدث");
}

/// Events with pauses, to let the autosave timer run out while the app is waiting.
struct Timed {
    steps: Vec<(Duration, Option<Event>)>,
    checks: Box<dyn FnMut(usize)>,
    index: usize,
}

impl EventSource for Timed {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        (self.checks)(self.index);
        let Some((wait, event)) = self.steps.get(self.index).cloned() else {
            return Err(io::Error::other("script ran out"));
        };
        let slept = wait.min(timeout);
        std::thread::sleep(slept);
        if slept < wait {
            self.steps[self.index].0 = wait - slept;
            return Ok(None);
        }
        self.index += 1;
        Ok(event)
    }
}

#[test]
fn autosave_writes_the_file_within_a_second_of_a_change() {
    let (_dir, file) = temp_file();
    let mut app = app_with_file(&file);
    let seen = std::rc::Rc::new(std::cell::RefCell::new(None::<Duration>));
    let seen_in = seen.clone();
    let watched = file.clone();
    let started = Instant::now();
    let mut events = Timed {
        steps: vec![
            (Duration::ZERO, Some(key('c'))),
            (Duration::from_millis(1000), None),
            (Duration::ZERO, Some(key('q'))),
        ],
        checks: Box::new(move |_| {
            if seen_in.borrow().is_none() && watched.exists() {
                *seen_in.borrow_mut() = Some(started.elapsed());
            }
        }),
        index: 0,
    };
    run_events(&mut app, &mut events);
    let at = seen.borrow().expect("file written before quitting");
    assert!(at < Duration::from_secs(1), "written after {at:?}");
    assert_eq!(json(&file)["claims"].as_array().map(Vec::len), Some(1));
}

#[test]
fn a_malformed_file_is_never_overwritten() {
    let (_dir, file) = temp_file();
    let broken = b"{ \"format\": \"isnad/annotations\", oops\n";
    std::fs::write(&file, broken).expect("write");
    let mut app = app_with_file(&file);
    assert!(
        app.shell
            .message
            .as_ref()
            .is_some_and(|m| m.text.contains("read-only")),
        "the reason is shown"
    );
    run_script(
        &mut app,
        vec![key('v'), key('w'), key('s'), key('c'), key('u'), key('q')],
    );
    assert_eq!(std::fs::read(&file).expect("still there"), broken);
    assert_eq!(app.session.annotation_marker(), "[RO]");
}

#[test]
fn write_command_saves_and_reports() {
    let (_dir, file) = temp_file();
    let mut app = app_with_file(&file);
    let enter = common::code(KeyCode::Enter);
    app.handle_event(key('s'));
    assert_eq!(app.session.annotation_marker(), "[+]");
    let mut events = vec![key(':'), key('w'), enter.clone()];
    events.extend([key(':'), key('q'), key('!'), enter]);
    run_script(&mut app, events);
    assert!(file.exists());
    assert_eq!(app.session.annotation_marker(), "");
}

#[test]
fn tagged_spans_are_drawn_in_their_slot() {
    let (_dir, file) = temp_file();
    let mut app = app_with_file(&file);
    app.handle_event(key('w'));
    app.handle_event(key('c'));
    app.handle_event(key('w'));
    let terminal = draw(&app);
    let claim_bg = app
        .theme
        .style(isnad::config::theme::Slot::Claim)
        .bg
        .expect("claim background");
    let buf = terminal.backend().buffer();
    let marked: Vec<u16> = (0..80).filter(|x| buf[(*x, 0)].bg == claim_bg).collect();
    // المتحدث is 7 cells, just left of أعلن and a space at the right edge
    assert_eq!(marked, (68..75).collect::<Vec<u16>>());
}

#[test]
fn import_adds_suggestions_undoably_and_export_writes_next_to_the_article() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article_path = dir.path().join("article.txt");
    std::fs::write(&article_path, isnad::article::SAMPLE_TEXT).expect("write article");
    let article = Article::load(&article_path).expect("article");
    let options = StoreOptions {
        annotations: None,
        data_dir: Some(dir.path().join("data")),
    };
    let store = AnnotationStore::open(article.clone(), &options);
    let mut app = TestApp::article(article).store(store).build();
    let ann = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/annotate/sample-article.ann");
    let enter = common::code(KeyCode::Enter);
    let mut events: Vec<Event> = format!(":import {}", ann.display())
        .chars()
        .map(key)
        .collect();
    events.push(enter.clone());
    run_script(&mut app, {
        events.push(key('q'));
        events
    });
    let set = app.session.store.as_ref().expect("store").set();
    let entities = set.entities.len();
    assert!(entities > 0, "{:?}", app.shell.message);
    // the .ann also has sources and claims: the reader imports them as the command line does
    assert!(!set.sources.is_empty() && !set.claims.is_empty());
    let imported = set.len();
    assert!(
        app.session
            .store
            .as_ref()
            .expect("store")
            .set()
            .entities
            .iter()
            .all(|e| e.review.status == isnad::annotate::ReviewStatus::Suggested)
    );
    let sidecar = dir.path().join("article.isnad.json");
    assert_eq!(
        json(&sidecar)["entities"].as_array().map(Vec::len),
        Some(entities)
    );

    app.shell.quit = false;
    let mut events: Vec<Event> = ":export csv".chars().map(key).collect();
    events.push(enter);
    events.push(key('u'));
    events.push(key('q'));
    run_script(&mut app, events);
    let csv = std::fs::read_to_string(dir.path().join("article.annotations.csv")).expect("csv");
    assert_eq!(
        csv.matches("\r\n").count(),
        imported + 1,
        "header and one row per annotation"
    );
    assert_eq!(
        app.session
            .store
            .as_ref()
            .expect("store")
            .set()
            .entities
            .len(),
        0,
        "u undid the import"
    );
    assert_eq!(json(&sidecar)["entities"].as_array().map(Vec::len), Some(0));
}

fn review_app(file: &Path) -> App {
    TestApp::sample()
        .suggested_annotations(file)
        .annotator("reviewer")
        .build()
}

fn entities(app: &App) -> Vec<isnad::annotate::Entity> {
    app.session
        .store
        .as_ref()
        .expect("store")
        .set()
        .entities
        .clone()
}

#[test]
fn built_in_suggestions_appear_without_writing_and_are_reviewed_by_keys() {
    use isnad::annotate::ReviewStatus;
    let (_dir, file) = temp_file();
    let mut app = review_app(&file);
    let pending = entities(&app);
    assert!(
        pending.len() >= 5,
        "the extractor found {} entities",
        pending.len()
    );
    assert!(
        pending
            .iter()
            .all(|e| e.review.status == ReviewStatus::Suggested)
    );
    assert!(!file.exists(), "suggestions alone are not written");
    // this test is about entities: the cue suggester's items (reviewed by the same keys, see
    // cue_suggestions_are_stepped_and_reviewed_with_their_links) are removed first
    let others = set(&app);
    let removals: Vec<isnad::annotate::Edit> = others
        .attributions
        .iter()
        .map(|a| a.id.clone())
        .chain(others.claims.iter().map(|c| c.id.clone()))
        .chain(others.sources.iter().map(|s| s.id.clone()))
        .map(isnad::annotate::Edit::Remove)
        .collect();
    app.session
        .store
        .as_mut()
        .expect("store")
        .apply(isnad::annotate::Edit::Batch(removals))
        .expect("removed");

    // ] goes to the first pending suggestion; a accepts it and moves on
    app.handle_event(key(']'));
    let first = app.reader.cursor.clone().expect("cursor");
    let first_entity = entities(&app)
        .into_iter()
        .filter(|e| e.review.status == ReviewStatus::Suggested)
        .min_by_key(|e| e.span.start)
        .expect("pending");
    assert_eq!(first, first_entity.span.range());
    app.handle_event(key('a'));
    let accepted = entities(&app)
        .into_iter()
        .find(|e| e.id == first_entity.id)
        .expect("still there");
    assert_eq!(accepted.review.status, ReviewStatus::Accepted);
    assert_eq!(accepted.review.by.as_deref(), Some("reviewer"));
    assert_ne!(
        app.reader.cursor.clone(),
        Some(first),
        "moved to the next suggestion"
    );

    // x rejects (kept in the file, hidden); r then o relabels as ORG
    let second = app.reader.cursor.clone().expect("cursor");
    app.handle_event(key('x'));
    assert!(
        entities(&app)
            .iter()
            .any(|e| e.span.range() == second && e.review.status == ReviewStatus::Rejected)
    );
    let third = app.reader.cursor.clone().expect("cursor");
    app.handle_event(key('r'));
    app.handle_event(key('o'));
    let relabelled = entities(&app)
        .into_iter()
        .find(|e| e.span.range() == third && e.review.status == ReviewStatus::Corrected)
        .expect("relabelled");
    assert_eq!(relabelled.label.as_str(), "ORG");
    assert!(relabelled.review.previous.is_some());

    // e on a word with the Arabic-layout key for p (ح) tags a PERSON
    app.handle_event(key('g'));
    app.handle_event(key('g'));
    app.handle_event(key('e'));
    app.handle_event(key('ح'));
    assert!(entities(&app).iter().any(|e| e.label.as_str() == "PERSON"
        && e.span.range() == (0..8)
        && e.origin.kind == isnad::annotate::OriginKind::Human));

    // undo the last step, then quit: the file holds the reviewed state
    app.handle_event(key('u'));
    run_script(&mut app, vec![key('q')]);
    let doc = json(&file);
    let statuses: Vec<&str> = doc["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .filter_map(|e| e["review"]["status"].as_str())
        .collect();
    assert!(statuses.contains(&"accepted"));
    assert!(
        statuses.contains(&"rejected"),
        "rejections stay in the file"
    );
    assert!(statuses.contains(&"corrected"));
    assert!(
        !doc["entities"]
            .as_array()
            .expect("entities")
            .iter()
            .any(|e| e["span"]["start"] == 0 && e["origin"]["kind"] == "human"),
        "the undone tag is gone"
    );
}

#[test]
fn accept_all_identical_mentions_in_one_step() {
    use isnad::annotate::ReviewStatus;
    let (_dir, file) = temp_file();
    let mut app = review_app(&file);
    // find a pending text that occurs more than once
    let all = entities(&app);
    let article = app.reader.article.clone();
    let text_of = |e: &isnad::annotate::Entity| e.span.text(&article).to_owned();
    let repeated = all
        .iter()
        .find(|e| {
            all.iter()
                .filter(|o| text_of(o) == text_of(e) && o.label == e.label)
                .count()
                > 1
        })
        .cloned()
        .expect("the sample repeats some entity");
    let same = all
        .iter()
        .filter(|o| text_of(o) == text_of(&repeated) && o.label == repeated.label)
        .count();
    app.reader.cursor = Some(repeated.span.range());
    app.handle_event(key('A'));
    let accepted = entities(&app)
        .iter()
        .filter(|o| text_of(o) == text_of(&repeated) && o.review.status == ReviewStatus::Accepted)
        .count();
    assert_eq!(accepted, same);
    app.handle_event(key('u'));
    assert!(
        entities(&app)
            .iter()
            .all(|e| e.review.status == ReviewStatus::Suggested)
    );
}

#[test]
fn mono_theme_brackets_annotated_spans() {
    let (_dir, file) = temp_file();
    let mut settings = Settings::defaults();
    settings.theme = isnad::config::theme::ThemeSpec::builtin("mono").expect("mono");
    let mut app = TestApp::sample()
        .settings(settings, common::no_config())
        .colors(ColorDepth::None)
        .annotations(&file)
        .build();
    app.handle_event(key('w'));
    app.handle_event(key('c'));
    app.handle_event(key('w'));
    let terminal = draw(&app);
    let row: String = (0..80)
        .map(|x| terminal.backend().buffer()[(x, 0)].symbol().to_owned())
        .collect();
    // المتحدث (cells 68..75) is the claim: brackets in the spaces on both sides
    assert_eq!(terminal.backend().buffer()[(67, 0)].symbol(), "[");
    assert_eq!(terminal.backend().buffer()[(75, 0)].symbol(), "]");
    assert!(
        !row.contains("[[") && row.matches('[').count() == 1,
        "{row}"
    );
}

#[test]
fn orphans_after_a_text_change_are_listed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/annotate/sample-article.isnad.json");
    // the article lost the name the PERSON entity was anchored to
    let changed = isnad::article::SAMPLE_TEXT.replace("نور الدين البابا", "المسؤول");
    std::fs::write(dir.path().join("sample-article.txt"), changed).expect("write");
    std::fs::copy(&fixture, dir.path().join("sample-article.isnad.json")).expect("copy");
    let article = Article::load(&dir.path().join("sample-article.txt")).expect("article");
    let options = StoreOptions {
        annotations: None,
        data_dir: Some(dir.path().join("data")),
    };
    let store = AnnotationStore::open(article.clone(), &options);
    let mut app = TestApp::article(article).store(store).build();
    let message = app.shell.message.clone().expect("re-anchoring reported");
    assert!(
        message.text.contains("could not be placed"),
        "{}",
        message.text
    );
    app.update(Action::Execute("orphans".into()));
    let isnad::app::Overlay::List { lines, .. } = &app.overlay else {
        panic!("orphans listed: {:?}", app.shell.message);
    };
    assert!(
        lines.iter().any(|l| l == "PERSON «نور الدين البابا»"),
        "{lines:?}"
    );
    // said by what they are and their text, never by internal id
    assert!(lines.iter().all(|l| !l.contains("e-")), "{lines:?}");
    app.handle_event(key('q'));
    assert_eq!(app.overlay, isnad::app::Overlay::None);
    assert!(!app.shell.quit, "q closes the list, it does not quit");
}

#[test]
fn edges_move_by_words_undoably_and_the_legend_hides_layers() {
    use isnad::annotate::ReviewStatus;
    let (_dir, file) = temp_file();
    let mut app = review_app(&file);
    // ] visits claims and sources too; go on to the first entity suggestion
    let mut id = String::new();
    for _ in 0..100 {
        app.handle_event(key(']'));
        let focus = app.reader.focus.clone().expect("focus on a suggestion");
        if entities(&app).iter().any(|e| e.id == focus) {
            id = focus;
            break;
        }
    }
    assert!(!id.is_empty(), "] reaches an entity suggestion");
    let span_of = |app: &App| {
        entities(app)
            .into_iter()
            .find(|e| e.id == id)
            .expect("entity")
            .span
    };
    let before = span_of(&app);
    // < takes in the word before; the sample is right-to-left, so Shift+← lengthens the end
    app.handle_event(key('<'));
    let wider = span_of(&app);
    assert!(wider.start < before.start && wider.end == before.end);
    app.handle_event(shift(KeyCode::Left));
    let longer = span_of(&app);
    assert!(longer.end > before.end && longer.start == wider.start);
    app.handle_event(shift(KeyCode::Right));
    app.handle_event(key('>'));
    assert_eq!(span_of(&app), before, "back to the suggested span");
    let e = entities(&app).into_iter().find(|e| e.id == id).expect("e");
    assert_eq!(e.review.status, ReviewStatus::Corrected);
    assert!(
        e.review
            .previous
            .is_some_and(|p| p["span"]["exact"].is_string())
    );
    // never empty: > on a one-word span is refused
    while span_of(&app).start < span_of(&app).end
        && isnad::app::words::next_word(
            &app.reader.article,
            &(span_of(&app).start..span_of(&app).start + 1),
        )
        .is_some_and(|w| w.start < span_of(&app).end)
    {
        app.handle_event(key('>'));
    }
    let one = span_of(&app);
    app.handle_event(key('>'));
    assert_eq!(span_of(&app), one);
    // each move is one undo step
    for _ in 0..20 {
        app.handle_event(key('u'));
    }
    assert_eq!(span_of(&app), before);

    // the legend hides the label: ] no longer visits it, and it is not drawn
    let label = entities(&app)
        .into_iter()
        .find(|e| e.id == id)
        .expect("e")
        .label;
    let picker = app
        .settings
        .keymap
        .choices(isnad::config::commands::Mode::Label)
        .into_iter()
        .find(|(_, c)| matches!(c, isnad::config::commands::Command::Label(l) if *l == label.as_str()))
        .and_then(|(k, _)| k.chars().next())
        .expect("label key");
    app.handle_event(key('L'));
    assert_eq!(app.overlay, isnad::app::Overlay::Legend);
    app.handle_event(key(picker));
    app.handle_event(shift(KeyCode::Esc));
    assert_eq!(app.overlay, isnad::app::Overlay::None);
    app.reader.cursor = Some(0..1);
    for _ in 0..entities(&app).len() {
        app.handle_event(key(']'));
        assert_ne!(
            app.reader.focus.as_deref(),
            Some(id.as_str()),
            "hidden label visited"
        );
    }
    let range = before.range();
    assert!(
        app.session
            .marks_in(&app.reader, &range)
            .iter()
            .all(|(r, _, _)| *r != range)
    );
    // rejected are hidden by default and shown by x in the legend
    app.reader.layers = isnad::app::review::Layers::default();
    app.reader.cursor = Some(before.range());
    app.reader.focus = Some(id.clone());
    app.handle_event(key('x'));
    assert!(
        app.session
            .marks_in(&app.reader, &range)
            .iter()
            .all(|(r, _, _)| *r != range)
    );
    app.handle_event(key('L'));
    app.handle_event(key('x'));
    assert!(
        app.session
            .marks_in(&app.reader, &range)
            .iter()
            .any(|(r, _, s)| *r == range && *s == ReviewStatus::Rejected)
    );
    assert!(
        app.session.progress().contains("1 rejected"),
        "{}",
        app.session.progress()
    );
}

#[test]
fn cue_suggestions_are_stepped_and_reviewed_with_their_links() {
    use isnad::annotate::ReviewStatus;
    let (_dir, file) = temp_file();
    let mut app = review_app(&file);
    let before = set(&app);
    assert!(!before.sources.is_empty(), "sources suggested on open");
    assert!(!before.claims.is_empty(), "claims suggested on open");
    assert!(!before.attributions.is_empty(), "attributions suggested");
    assert!(
        before
            .attributions
            .iter()
            .all(|a| a.review.status == ReviewStatus::Suggested)
    );
    assert!(!file.exists(), "suggestions alone are not written");

    // ] reaches a claim; a accepts it with its attributions and their sources
    let mut claim = None;
    for _ in 0..200 {
        app.handle_event(key(']'));
        let cursor = app.reader.cursor.clone().expect("cursor");
        if let Some(c) = set(&app).claims.iter().find(|c| {
            c.span.range() == cursor && set(&app).attributions.iter().any(|a| a.claim_id == c.id)
        }) {
            claim = Some(c.clone());
            break;
        }
    }
    let claim = claim.expect("] reaches a linked claim");
    app.handle_event(key('a'));
    let after = set(&app);
    let links: Vec<_> = after
        .attributions
        .iter()
        .filter(|a| a.claim_id == claim.id)
        .collect();
    assert!(!links.is_empty());
    for a in &links {
        assert_eq!(a.review.status, ReviewStatus::Accepted, "{}", a.id);
        let source = after
            .sources
            .iter()
            .find(|s| s.id == a.source_id)
            .expect("source");
        assert_eq!(source.review.status, ReviewStatus::Accepted);
    }
    assert_eq!(
        after
            .claims
            .iter()
            .find(|c| c.id == claim.id)
            .map(|c| c.review.status),
        Some(ReviewStatus::Accepted)
    );
    // one undo step restores all of them
    app.handle_event(key('u'));
    assert_eq!(set(&app), before);

    // x on a source rejects it and its pending attributions, not the claims
    let source = before
        .sources
        .iter()
        .find(|s| s.span.is_some() && before.attributions.iter().any(|a| a.source_id == s.id))
        .expect("a linked source")
        .clone();
    app.reader.cursor = source.span.map(|s| s.range());
    app.handle_event(key('x'));
    let after = set(&app);
    for a in after
        .attributions
        .iter()
        .filter(|a| a.source_id == source.id)
    {
        assert_eq!(a.review.status, ReviewStatus::Rejected);
        assert_eq!(
            after
                .claims
                .iter()
                .find(|c| c.id == a.claim_id)
                .map(|c| c.review.status),
            Some(ReviewStatus::Suggested)
        );
    }
    run_script(&mut app, vec![key('q')]);
    let doc = json(&file);
    assert!(
        doc["sources"]
            .as_array()
            .expect("sources")
            .iter()
            .any(|s| s["review"]["status"] == "rejected")
    );
}

#[test]
fn reader_and_store_hold_one_copy_of_the_article() {
    // A 10 MB article must be in memory once: the store's article is the one the reader shows.
    let dir = tempfile::tempdir().expect("tempdir");
    let app = app_with_file(&dir.path().join("a.isnad.json"));
    let store = app.session.store.as_ref().expect("store attached");
    assert!(std::sync::Arc::ptr_eq(
        &app.reader.article,
        store.shared_article()
    ));
    let article = std::sync::Arc::new(Article::sample());
    let opened = isnad::extract::open::open_store(std::sync::Arc::clone(&article), &{
        StoreOptions {
            annotations: Some(dir.path().join("b.isnad.json")),
            data_dir: Some(dir.path().to_path_buf()),
        }
    });
    assert!(std::sync::Arc::ptr_eq(&article, opened.shared_article()));
}

#[test]
fn unsaved_changes_are_kept_in_the_recovery_folder_when_isnad_must_exit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("file");
    std::fs::create_dir(&folder).expect("folder");
    let mut app = app_with_file(&folder.join("sample.isnad.json"));
    app.paths.data_dir = dir.path().join("data");
    // The annotation file's folder becomes a file, so every save fails (as on a full disk; tests
    // run as root here, for whom permission bits do not stop a write).
    std::fs::remove_dir(&folder).expect("remove");
    std::fs::write(&folder, "").expect("file");
    assert_eq!(
        isnad::tui::effects::rescue_unsaved(&app),
        None,
        "nothing unsaved yet"
    );
    app.handle_event(key('c'));
    assert!(!isnad::tui::effects::save(&mut app, false, &mut Vec::new()));

    let note = isnad::tui::effects::rescue_unsaved(&app).expect("a note");
    let recovery = dir.path().join("data/recovery");
    let kept: Vec<PathBuf> = std::fs::read_dir(&recovery)
        .expect("recovery folder")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(
        note.ends_with(&format!("the unsaved changes are in {}", kept[0].display())),
        "{note}"
    );
    assert_eq!(json(&kept[0])["claims"].as_array().map(Vec::len), Some(1));

    // A data directory that cannot be created: the copy goes to the temporary directory.
    app.paths.data_dir = dir.path().join("file/data");
    let note = isnad::tui::effects::rescue_unsaved(&app).expect("a note");
    let (_, kept) = note.split_once("the unsaved changes are in ").expect(&note);
    let kept = PathBuf::from(kept);
    assert!(
        kept.starts_with(std::env::temp_dir().join("isnad-recovery")),
        "{note}"
    );
    assert_eq!(json(&kept)["claims"].as_array().map(Vec::len), Some(1));
    std::fs::remove_file(&kept).expect("clean up");
}

/// What an imported set holds, without the random ids: entities, sources and claims by span and
/// kind, attributions by the spans they link.
fn shape(set: &isnad::annotate::AnnotationSet) -> Vec<String> {
    let span_of = |id: &str| {
        set.claims
            .iter()
            .find(|c| c.id == id)
            .map(|c| (c.span.start, c.span.end))
            .or_else(|| {
                set.sources
                    .iter()
                    .find(|s| s.id == id)
                    .and_then(|s| s.span.map(|sp| (sp.start, sp.end)))
            })
    };
    let mut out: Vec<String> = set
        .entities
        .iter()
        .map(|e| format!("entity {:?} {} {:?}", e.span, e.label, e.original_label))
        .chain(
            set.sources
                .iter()
                .map(|s| format!("source {:?} {}", s.span, s.source_type)),
        )
        .chain(
            set.claims
                .iter()
                .map(|c| format!("claim {:?} {}", c.span, c.claim_type)),
        )
        .chain(set.attributions.iter().map(|a| {
            format!(
                "attribution {:?} {:?}",
                span_of(&a.claim_id),
                span_of(&a.source_id)
            )
        }))
        .collect();
    out.sort();
    out
}

#[test]
fn reader_and_command_line_import_give_the_same_store() {
    let ann = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/annotate/sample-article.ann");
    let dir = tempfile::tempdir().expect("tempdir");
    let article_path = dir.path().join("article.txt");
    std::fs::write(&article_path, isnad::article::SAMPLE_TEXT).expect("write article");
    let article = Article::load(&article_path).expect("article");
    let store_in = |name: &str| {
        let options = StoreOptions {
            annotations: Some(dir.path().join(name)),
            data_dir: Some(dir.path().join("data")),
        };
        AnnotationStore::open(article.clone(), &options)
    };

    // the reader: `:import FILE`
    let mut app = TestApp::article(article.clone())
        .store(store_in("reader.isnad.json"))
        .build();
    let mut events = common::keys(&format!(":import {}", ann.display()));
    events.push(common::code(KeyCode::Enter));
    events.push(key('q'));
    run_script(&mut app, events);
    let reader = app.session.store.as_ref().expect("store").set().clone();

    // the command line's operation
    let mut store = store_in("cli.isnad.json");
    let data = std::fs::read(&ann).expect("ann");
    let shown = ann.display().to_string();
    let report = isnad::extract::import::import_into(
        &mut store,
        &data,
        &shown,
        isnad::extract::import::Format::Auto,
    )
    .expect("import");
    assert_eq!(report.added, store.set().len());

    assert!(!reader.claims.is_empty() && !reader.attributions.is_empty());
    assert_eq!(shape(&reader), shape(store.set()));
}

#[test]
fn first_review_step_visits_the_suggestion_under_the_cursor() {
    let (_dir, file) = temp_file();
    let mut app = review_app(&file);
    let first = {
        let set = app.session.store.as_ref().expect("store").set();
        isnad::app::suggestions::pending_items(set, &app.reader.layers)[0]
            .0
            .clone()
    };
    // the article opens with the cursor on its first word, where the first suggestion is
    assert_eq!(
        app.reader.cursor.as_ref().map(|c| c.start),
        Some(first.start)
    );
    app.handle_event(key(']'));
    assert_eq!(app.reader.cursor, Some(first), "{}", message(&app));
    assert!(message(&app).contains("(1 of "), "{}", message(&app));
    app.handle_event(key(']'));
    assert!(message(&app).contains("(2 of "), "{}", message(&app));
    app.handle_event(key('['));
    assert!(message(&app).contains("(1 of "), "{}", message(&app));
}

#[test]
fn every_change_and_every_undo_says_what_it_did_in_words() {
    let (_dir, file) = temp_file();
    let mut app = app_with_file(&file);
    // an id is a kind letter, a dash and hex digits (`c-f82c2e`)
    let no_ids = |text: &str| {
        !text
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .any(|w| {
                w.len() > 4
                    && w.starts_with(['e', 's', 'c', 'a'])
                    && w[1..].starts_with('-')
                    && w[2..].chars().all(|c| c.is_ascii_hexdigit())
            })
    };
    app.handle_event(key('c'));
    assert_eq!(message(&app), "claim «أعلن» added");
    app.handle_event(key('u'));
    assert_eq!(message(&app), "undone: claim «أعلن» added");
    app.handle_event(ctrl('r'));
    assert_eq!(message(&app), "redone: claim «أعلن» added");
    app.handle_event(key('u'));
    for c in "eo".chars() {
        app.handle_event(key(c));
    }
    assert_eq!(message(&app), "ORG «أعلن» added");
    for c in "rt".chars() {
        app.handle_event(key(c));
    }
    assert_eq!(message(&app), "ORG → TIME on «أعلن»");
    app.handle_event(key('u'));
    assert_eq!(message(&app), "undone: ORG → TIME on «أعلن»");
    assert!(no_ids(&message(&app)));
    app.handle_event(key('d'));
    assert!(
        message(&app).starts_with("deleted ORG «أعلن»"),
        "{}",
        message(&app)
    );
    app.handle_event(key('u'));
    assert_eq!(message(&app), "undone: ORG «أعلن» deleted");
}

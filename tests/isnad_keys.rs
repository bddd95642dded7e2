//! The isnad from the keyboard, end to end on the sample article: a two-hop chain (speaker →
//! intermediary) built with `l`, `v` and `i`, reordered and trimmed in the chain editor (`I`),
//! a denial set with `S`, a later mention marked the same source with `=` and reached with `*`,
//! the outlet set with `:set outlet`, then `:export claimreview` run by the real event loop and
//! `itemReviewed.author` checked to be the named speaker. The isnad view (`T`) is snapshotted
//! at 100×30 and 60×20, and every change undoes.

#![allow(clippy::unwrap_used)]

mod common;

use std::ops::Range;
use std::path::PathBuf;

use common::{TestApp, code, ctrl, draw, find, json, keys, message, run_script, set, type_keys};
use crossterm::event::KeyCode;
use isnad::annotate::{QuoteType, SourceRole, Stance};
use isnad::app::{App, Screen};
use isnad::article::Article;

/// The sample article written to a folder (exports need an article file), with its
/// annotation file beside it (not created).
fn sample_on_disk() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("aleppo.txt");
    std::fs::write(&article, Article::sample().text).unwrap();
    let file = dir.path().join("aleppo.isnad.json");
    (dir, article, file)
}

/// Moves the cursor onto the last word of `phrase` alone (`/phrase`, then `w` `b`).
fn find_word(app: &mut App, phrase: &str) {
    find(app, phrase);
    type_keys(app, "wb");
}

fn range_of(app: &App, phrase: &str, nth: usize) -> Range<usize> {
    let start = app
        .reader
        .article
        .text
        .match_indices(phrase)
        .nth(nth)
        .unwrap()
        .0;
    start..start + phrase.len()
}

fn source_at(app: &App, phrase: &str, nth: usize) -> isnad::annotate::Source {
    let r = range_of(app, phrase, nth);
    set(app)
        .sources
        .into_iter()
        .find(|s| s.span.map(|x| x.range()) == Some(r.clone()))
        .unwrap_or_else(|| panic!("no source at «{phrase}»"))
}

fn attribution_of(app: &App, claim: &str) -> isnad::annotate::Attribution {
    let r = range_of(app, claim, 0);
    let set = set(app);
    let c = set.claims.iter().find(|c| c.span.range() == r).unwrap();
    set.attributions
        .into_iter()
        .find(|a| a.claim_id == c.id)
        .unwrap()
}

const CLAIM_A: &str = "تمت بالاشتراك بين إدارة الأمن العام";
const CLAIM_B: &str = "الحملة كشفت عن";
const CLAIM_C: &str = "دوريات من الأمن العام السوري فرضت طوقاً أمنياً";
const CLAIM_D: &str =
    "مسلحين بادروا بإطلاق الرصاص على دوريات الأمن العام، لتندلع بعدها اشتباكات عنيفة";

/// Builds the isnad of the sample by keys: claim A said by وزارة الداخلية through بيانها and
/// منصة إكس; claim B denied by مصادر; claim C said by المصادر, the same source as مصادر محلية;
/// claim D without a source; the outlet الشرق.
fn build(app: &mut App) {
    // claim A and its speaker, linked
    find(app, "وزارة الداخلية");
    type_keys(app, "ns");
    find(app, CLAIM_A);
    type_keys(app, "cl1");
    assert!(message(app).starts_with("linked"), "{}", message(app));
    // two hands, the second first: the editor puts them in order
    find(app, "منصة إكس");
    type_keys(app, "vi");
    assert!(
        message(app).contains("added to the chain"),
        "{}",
        message(app)
    );
    find_word(app, "في بيانها");
    type_keys(app, "vi");
    let a = attribution_of(app, CLAIM_A);
    let platform = source_at(app, "منصة إكس", 0);
    let statement = source_at(app, "بيانها", 0);
    assert_eq!(a.via, vec![platform.id.clone(), statement.id.clone()]);
    assert_eq!(platform.role, SourceRole::Intermediary);
    // I: choose the second hand, move it inward
    type_keys(app, "IjK");
    assert!(message(app).contains("moved inward"), "{}", message(app));
    app.handle_event(code(KeyCode::Esc));
    assert_eq!(
        attribution_of(app, CLAIM_A).via,
        vec![statement.id, platform.id]
    );

    // claim B, denied by مصادر
    find_word(app, "وذكرت مصادر");
    type_keys(app, "s");
    find(app, CLAIM_B);
    type_keys(app, "cl1");
    type_keys(app, "Sd");
    assert!(message(app).contains("denies"), "{}", message(app));
    assert_eq!(attribution_of(app, CLAIM_B).stance, Stance::Denies);

    // claim C, said by المصادر, the same source as مصادر محلية; direct quote
    find(app, "مصادر محلية");
    type_keys(app, "s");
    find_word(app, "وأوضحت المصادر");
    type_keys(app, "s");
    find(app, CLAIM_C);
    type_keys(app, "cl1");
    type_keys(app, "Qd");
    assert_eq!(attribution_of(app, CLAIM_C).quote_type, QuoteType::Direct);
    type_keys(app, "Vf");
    find_word(app, "وأوضحت المصادر");
    type_keys(app, "=1");
    assert!(
        message(app).contains("is the same source as «مصادر محلية»"),
        "{}",
        message(app)
    );

    // a claim no source stands behind (yet)
    find(app, CLAIM_D);
    type_keys(app, "c");

    // the outlet
    type_keys(app, ":set outlet الشرق");
    app.handle_event(code(KeyCode::Enter));
}

#[test]
fn a_chain_a_denial_and_same_as_by_keys_reach_the_claimreview_export() {
    let (_dir, article_path, file) = sample_on_disk();
    let article = Article::load(&article_path).unwrap();
    let mut app = TestApp::article(article)
        .size(100, 30)
        .annotations(&file)
        .build();
    build(&mut app);
    let later = source_at(&app, "المصادر", 0);
    let first = source_at(&app, "مصادر محلية", 0);
    assert_eq!(later.same_as.as_deref(), Some(first.id.as_str()));

    // * from المصادر wraps to the first mention, مصادر محلية
    find_word(&mut app, "وأوضحت المصادر");
    app.handle_event(common::press('*'));
    let cursor = app.reader.cursor.clone().unwrap();
    assert_eq!(cursor.start, range_of(&app, "مصادر محلية", 0).start);
    assert!(
        message(&app).contains("mention 1 of 2"),
        "{}",
        message(&app)
    );

    // the export, performed by the real loop, after the save
    let mut events = keys(":export claimreview");
    events.extend([code(KeyCode::Enter), common::press('q')]);
    run_script(&mut app, events);
    let saved = json(&file);
    assert_eq!(saved["document"]["outlet"], "الشرق");
    let exported = std::fs::read_dir(article_path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("claimreview"))
        .expect("the export file");
    let review = json(&exported);
    let graph = review["@graph"].as_array().unwrap();
    assert_eq!(graph.len(), 1, "{review:#}");
    let author = &graph[0]["itemReviewed"]["author"];
    let names: Vec<&str> = match author {
        serde_json::Value::Array(list) => list.iter().filter_map(|a| a["name"].as_str()).collect(),
        one => one["name"].as_str().into_iter().collect(),
    };
    assert_eq!(names, vec!["مصادر محلية"], "{review:#}");
}

#[test]
fn every_isnad_change_undoes_and_redoes() {
    let (_dir, article_path, file) = sample_on_disk();
    let mut app = TestApp::article(Article::load(&article_path).unwrap())
        .size(100, 30)
        .annotations(&file)
        .build();
    build(&mut app);
    // same_as, quote type, stance and the chain order come back off one by one
    let later = |app: &App| source_at(app, "المصادر", 0).same_as;
    assert!(later(&app).is_some());
    // the unattributed claim first, then the same-as mark
    type_keys(&mut app, "uu");
    assert_eq!(later(&app), None);
    app.handle_event(ctrl('r'));
    assert!(later(&app).is_some());
    type_keys(&mut app, "uuu");
    assert_eq!(attribution_of(&app, CLAIM_C).quote_type, QuoteType::Unknown);
    // the chain editor's remove, then its undo
    find(&mut app, CLAIM_A);
    type_keys(&mut app, "Id");
    app.handle_event(code(KeyCode::Esc));
    assert_eq!(attribution_of(&app, CLAIM_A).via.len(), 1);
    assert!(
        message(&app).contains("taken out of the chain"),
        "{}",
        message(&app)
    );
    app.handle_event(common::press('u'));
    assert_eq!(attribution_of(&app, CLAIM_A).via.len(), 2);
}

fn isnad_view(width: u16, height: u16) -> (tempfile::TempDir, App) {
    let (dir, article_path, file) = sample_on_disk();
    let mut app = TestApp::article(Article::load(&article_path).unwrap())
        .size(100, 30)
        .annotations(&file)
        .build();
    build(&mut app);
    app.update(isnad::app::Action::Resize { width, height });
    type_keys(&mut app, "T");
    assert_eq!(app.screen, Screen::Isnad);
    (dir, app)
}

#[test]
fn isnad_view_100x30() {
    let (_dir, app) = isnad_view(100, 30);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn isnad_view_60x20() {
    let (_dir, mut app) = isnad_view(60, 20);
    type_keys(&mut app, "jj");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn isnad_view_enter_jumps_to_the_claim_and_esc_goes_back() {
    let (_dir, mut app) = isnad_view(100, 30);
    let rows = app.isnad_rows();
    let claim = rows
        .iter()
        .position(|r| r.text.starts_with("الحملة"))
        .expect("claim B in the tree");
    type_keys(&mut app, "g");
    for _ in 0..claim {
        app.handle_event(common::press('j'));
    }
    app.handle_event(code(KeyCode::Enter));
    assert_eq!(app.screen, Screen::Reader);
    assert_eq!(
        app.reader.cursor.clone().unwrap().start,
        range_of(&app, CLAIM_B, 0).start
    );
    type_keys(&mut app, "T");
    assert_eq!(app.screen, Screen::Isnad);
    app.handle_event(code(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Reader);
}

#[test]
fn the_side_panel_shows_each_claims_chain_and_stance() {
    let (_dir, article_path, file) = sample_on_disk();
    let mut app = TestApp::article(Article::load(&article_path).unwrap())
        .size(100, 30)
        .annotations(&file)
        .build();
    build(&mut app);
    app.handle_event(code(KeyCode::Tab));
    let lines = app.panel_lines();
    let chain = lines
        .iter()
        .find(|l| l.text.starts_with("وزارة الداخلية"))
        .expect("claim A's chain");
    assert_eq!(chain.text, "وزارة الداخلية ← بيانها ← منصة إكس ← الشرق");
    let denial = lines
        .iter()
        .find(|l| l.marker.contains("denies"))
        .expect("claim B's denial");
    assert_eq!(denial.text, "مصادر ← الشرق");
}

#[test]
fn a_cue_set_by_hand_loses_its_conjunction() {
    let (_dir, file) = common::temp_file();
    let mut app = TestApp::sample().annotations(&file).build();
    find(&mut app, "وزارة الداخلية");
    type_keys(&mut app, "ns");
    find(&mut app, CLAIM_A);
    type_keys(&mut app, "cl1");
    find_word(&mut app, "حلب، وأوضحت");
    type_keys(&mut app, "C");
    let a = attribution_of(&app, CLAIM_A);
    let cue = a.cue.unwrap();
    assert_eq!(cue.text(&app.reader.article), "أوضحت");
}

#[test]
fn the_outlet_comes_from_the_pages_metadata_and_set_outlet_overrides_it() {
    let html = r#"<html><head><meta property="og:site_name" content="الشرق">
        <title>اشتباكات في حلب</title></head><body><article><p>وقال شهود عيان إن
        الاشتباكات توقفت مساء السبت بعد ساعات من القتال في حي الحيدرية شرقي المدينة.</p>
        </article></body></html>"#;
    let article = Article::from_html_bytes("page.html", html.as_bytes(), None).unwrap();
    assert_eq!(article.outlet.as_deref(), Some("الشرق"));
    let ld = r#"<html><head><script type="application/ld+json">{"@type": "NewsArticle",
        "headline": "عنوان", "publisher": {"@type": "Organization", "name": "الأناضول"}}</script>
        </head><body><p>نص المقال.</p></body></html>"#;
    let article = Article::from_html_bytes("ld.html", ld.as_bytes(), None).unwrap();
    assert_eq!(article.outlet.as_deref(), Some("الأناضول"));
    let json = r#"{"text": "نص المقال.", "publisher": {"name": "رويترز"}}"#;
    let article = Article::from_bytes_as(
        isnad::article::ArticleFormat::Json,
        "a.json",
        json.as_bytes().to_vec(),
    )
    .unwrap();
    assert_eq!(article.outlet.as_deref(), Some("رويترز"));

    // the annotation file takes it, and :set outlet replaces it
    let (_dir, file) = common::temp_file();
    let mut app = TestApp::article(article).annotations(&file).build();
    assert_eq!(app.outlet(), Some("رويترز"));
    type_keys(&mut app, ":set outlet وكالة الأنباء");
    app.handle_event(code(KeyCode::Enter));
    assert_eq!(app.outlet(), Some("وكالة الأنباء"));
    assert!(
        message(&app).contains("outlet: «وكالة الأنباء»"),
        "{}",
        message(&app)
    );
}

//! The reader while a changed article's annotations are re-anchored in the background
//! (`app/opening.rs`): the text is there at once, the status bar shows the progress, edits are
//! refused with a message saying why, `q` quits without anything to save, and the annotations
//! appear when they are placed, with the reader where the user left it. A job for an article
//! no longer shown is dropped.

mod common;

use common::{TestApp, temp_file, type_keys};
use isnad::annotate::{AnnotationStore, StoreOptions};
use isnad::app::{Action, App, Effect, MessageKind};
use isnad::article::Article;

fn text() -> String {
    "قال المتحدث إن الوضع هادئ في المدينة.\n".repeat(200)
}

fn message(app: &App) -> (String, MessageKind) {
    let m = app.shell.message.as_ref().expect("a message");
    (m.text.clone(), m.kind)
}

fn store_for(article: &Article, file: &std::path::Path) -> AnnotationStore {
    let options = StoreOptions {
        annotations: Some(file.to_path_buf()),
        data_dir: file.parent().map(std::path::Path::to_path_buf),
    };
    AnnotationStore::open(article.clone(), &options)
}

#[test]
fn progress_is_shown_edits_are_refused_and_the_annotations_arrive_where_the_reader_is() {
    let article = Article::from_text("big.txt", text());
    let mut app = TestApp::article(article.clone()).build();
    app.update(Action::AnnotationsOpening {
        job: 7,
        at_start: true,
    });
    assert_eq!(message(&app).0, "reading the annotations…");
    app.update(Action::AnnotationsProgress {
        job: 7,
        placed: 40_000,
        total: 100_000,
    });
    assert_eq!(
        message(&app),
        (
            "re-anchoring 40,000 of 100,000…".to_owned(),
            MessageKind::Info
        )
    );
    // the text can be read meanwhile
    type_keys(&mut app, "jjj");
    let top = app.reader.top;
    // an edit is refused, saying why (nothing is queued)
    type_keys(&mut app, "vws");
    let (refusal, kind) = message(&app);
    assert_eq!(kind, MessageKind::Error);
    assert!(
        refusal.starts_with("re-anchoring 40,000 of 100,000…")
            && refusal.contains("edits are refused until the annotations are placed"),
        "{refusal}"
    );
    assert!(app.session.store.is_none());
    // the refusal follows the progress; a stale job's report changes nothing
    app.update(Action::AnnotationsProgress {
        job: 7,
        placed: 50_000,
        total: 100_000,
    });
    assert!(
        message(&app)
            .0
            .starts_with("re-anchoring 50,000 of 100,000…")
    );
    app.update(Action::AnnotationsProgress {
        job: 6,
        placed: 1,
        total: 2,
    });
    assert!(
        message(&app)
            .0
            .starts_with("re-anchoring 50,000 of 100,000…")
    );

    let (_dir, file) = temp_file();
    app.update(Action::AnnotationsOpened {
        job: 7,
        store: Box::new(store_for(&article, &file)),
    });
    assert!(app.session.store.is_some());
    assert!(app.session.opening.is_none());
    assert_eq!(app.reader.top, top, "the reader stays where it was");
    assert!(
        message(&app).0.starts_with("annotations: "),
        "{:?}",
        message(&app)
    );
    // now edits work
    type_keys(&mut app, "vws");
    assert_eq!(common::set(&app).sources.len(), 1, "{:?}", message(&app));
}

#[test]
fn q_while_anchoring_quits_at_once_with_nothing_to_save() {
    let mut app = TestApp::article(Article::from_text("big.txt", text())).build();
    app.update(Action::AnnotationsOpening {
        job: 1,
        at_start: true,
    });
    assert_eq!(type_keys(&mut app, "q"), vec![Effect::Quit]);
    // what the loop does for Quit: save, which has nothing to write
    assert!(isnad::tui::effects::save(&mut app, false, &mut Vec::new()));
    assert!(app.session.store.is_none());
}

#[test]
fn annotations_of_an_article_no_longer_shown_are_dropped() {
    let first = Article::from_text("first.txt", text());
    let mut app = TestApp::article(first.clone()).build();
    app.update(Action::AnnotationsOpening {
        job: 1,
        at_start: true,
    });
    app.update(Action::ArticleOpened(Box::new(Article::from_text(
        "second.txt",
        "نص آخر.\n".to_owned(),
    ))));
    let (_dir, file) = temp_file();
    app.update(Action::AnnotationsOpened {
        job: 1,
        store: Box::new(store_for(&first, &file)),
    });
    assert!(app.session.store.is_none());
    assert_eq!(app.reader.article.name, "second.txt");
}

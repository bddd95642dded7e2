//! Issue 18 item 10 in a real terminal: a changed article under 100,000 annotations shows its
//! text and the re-anchoring progress at once, `q` quits at once, and the annotation file is
//! left untouched.

#[path = "common/pty.rs"]
mod pty_harness;

use pty_harness::{Pty, has_presentation_forms};

/// The text (shaped Arabic) and the progress are on screen while the annotations are
/// re-anchored; `q` quits within a short bound; the annotation file is byte for byte the same.
#[test]
fn a_changed_article_under_100000_annotations_shows_its_text_and_q_quits_at_once() {
    use isnad::annotate::document::{DocumentInfo, to_json};
    use isnad::annotate::{AnnotationSet, Entity, Label};
    let text = include_str!("data/wikinews-ar.txt").repeat(6);
    let article = isnad::article::Article::from_text("article.txt", text.clone());
    let mut set = AnnotationSet::default();
    let mut at = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        let len = word.trim_end().len();
        if len > 0 && set.entities.len() < 100_000 {
            let e = Entity::by_human(&article, at..at + len, Label::PERSON, "t").expect("word");
            set.entities.push(e);
        }
        at += word.len();
    }
    assert_eq!(set.entities.len(), 100_000);
    set.sort();
    let json = to_json(
        &DocumentInfo::for_article(&article, "article.txt".into()),
        &set,
        &article,
    );
    let mut pty = Pty::spawn(&["article.txt"], &[], |home| {
        std::fs::write(home.join("article.txt"), format!("سطر جديد.\n{text}")).expect("write");
        std::fs::write(home.join("article.isnad.json"), &json).expect("write");
    });
    pty.wait_for("the text and the progress", |s| {
        has_presentation_forms(s)
            && (s.contents().contains("re-anchoring") || s.contents().contains("reading the"))
    });
    pty.quit_at_once();
    let file = pty._home.path().join("article.isnad.json");
    assert!(
        std::fs::read_to_string(file).expect("file") == json,
        "file changed"
    );
}

//! Refused edits are said in words with the items' text, never their internal ids
//! (`c-058641`): the two paths an `EditError` reaches the status bar by, the store's `apply`
//! (any edit) and the link picker's link edit (a link accepted meanwhile, say by a merge from
//! disk while the picker was open).

mod common;

use common::{TestApp, code, set, temp_file, type_keys};
use crossterm::event::KeyCode;
use isnad::annotate::{Edit, Item};
use isnad::app::App;
use isnad::app::attributes::LinkCandidate;

const TEXT: &str = "قال المتحدث إن الجيش وصل إلى بين التشادية.\n";

/// A source «المتحدث» and a claim «الجيش وصل إلى بين التشادية», linked with `l` Enter.
fn linked(file: &std::path::Path) -> App {
    let mut app = TestApp::text(TEXT).annotations(file).build();
    type_keys(&mut app, "ws");
    type_keys(&mut app, "2wv4wc");
    type_keys(&mut app, "l");
    app.handle_event(code(KeyCode::Enter));
    assert_eq!(set(&app).attributions.len(), 1);
    app
}

fn no_id(words: &str) {
    for prefix in ["c-", "s-", "a-", "e-"] {
        assert!(!words.contains(prefix), "an id in «{words}»");
    }
}

#[test]
fn a_refused_store_edit_names_the_item_by_its_text() {
    let (_dir, file) = temp_file();
    let mut app = linked(&file);
    let now = app.shell.now;
    let claim = set(&app).claims[0].clone();
    let again = app.session.apply(Edit::Add(Item::Claim(claim)), now);
    let said = again.expect_err("the claim is there already");
    assert_eq!(
        said,
        "claim «الجيش وصل إلى بين التشادية» is already in the annotations"
    );
    let gone = app
        .session
        .apply(Edit::Remove("c-0123456789abcdef".into()), now)
        .expect_err("no such claim");
    assert_eq!(
        gone,
        "the item is no longer in the annotations (deleted or undone)"
    );
    no_id(&said);
    no_id(&gone);
}

#[test]
fn linking_an_already_linked_pair_names_both_ends_by_their_text() {
    let (_dir, file) = temp_file();
    let app = linked(&file);
    let now = set(&app);
    let (claim, source) = (&now.claims[0], &now.sources[0]);
    // a picker line drawn before the link was accepted elsewhere: not ticked
    let stale = LinkCandidate {
        id: source.id.clone(),
        text: "المتحدث".to_owned(),
        distance: 0,
        before: true,
        linked: None,
        suggested: false,
    };
    let refused = app
        .session
        .link_edit(&claim.id, &stale)
        .expect_err("linked already");
    assert_eq!(
        refused.text,
        "source «المتحدث» is already linked to claim «الجيش وصل إلى بين التشادية»"
    );
    no_id(&refused.text);
}

//! Fuzz target: the whole extraction (entities, cues, chains, stance, same_as) on any text, as
//! `isnad extract --json` runs it: it never panics, and the file it writes is one `isnad validate`
//! accepts against the article (spans inside the text on char boundaries, every link resolved, no
//! speaker its own intermediary). `tests/extract_props.rs` checks the same on random text built
//! from reporting phrases; this target lets coverage guide the search beyond those phrases (the
//! dictionary `dict/extract.dict` gives it the words of saying, relays and denials).
#![no_main]

use isnad::annotate::document::{DocumentInfo, to_json};
use isnad::annotate::validate::validate_text;
use isnad::article::Article;
use isnad::extract::{extract_article, isnad::suggest_annotations};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let article = Article::from_text("fuzz.txt", text);
    let set = suggest_annotations(&article, &extract_article(&article));
    let json = to_json(
        &DocumentInfo::for_article(&article, "fuzz.txt".into()),
        &set,
        &article,
    );
    let problems = validate_text(&json, "fuzz.isnad.json", Some(&article));
    assert!(problems.is_empty(), "{problems:?}\n{json}");
});

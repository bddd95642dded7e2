//! Inputs that crashed a fuzz target, replayed through the same checks the target makes (see
//! `fuzz/README.md`): each stays here after its fix so the bug cannot come back.

use std::path::Path;

use isnad::annotate::document::{DocumentInfo, to_json};
use isnad::annotate::validate::validate_text;
use isnad::article::Article;
use isnad::extract::{extract_article, isnad::suggest_annotations};
use isnad::search::{FoldedIndex, SearchIndex, find_all_in};

/// The `search` target: query before the first NUL byte, text after it.
fn check_search(data: &[u8]) {
    let (query, text) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data.get(..data.len().min(8)).unwrap_or(&[]), data),
    };
    let query = String::from_utf8_lossy(query);
    let text = String::from_utf8_lossy(text);
    let index = SearchIndex::new(&text);
    assert_eq!(index.original_len(), text.len());
    let all = index.find_all(&query);
    let mut last_end = 0;
    for m in &all {
        assert!(
            m.start >= last_end,
            "overlapping or unordered matches {all:?}"
        );
        assert!(m.start < m.end, "empty match {m:?}");
        assert!(
            text.get(m.clone()).is_some(),
            "match {m:?} not on char boundaries"
        );
        last_end = m.end;
    }
    assert_eq!(all, find_all_in(&text, &query));
    assert_eq!(FoldedIndex::new(&text).find_all(&text, &query), all);
}

/// The `extract` target: the whole extraction on the text never panics and writes a file
/// `isnad validate` accepts.
fn check_extract(data: &[u8]) {
    let article = Article::from_text("fuzz.txt", String::from_utf8_lossy(data).into_owned());
    let set = suggest_annotations(&article, &extract_article(&article));
    let info = DocumentInfo::for_article(&article, "fuzz.txt".into());
    let json = to_json(&info, &set, &article);
    let problems = validate_text(&json, "fuzz.isnad.json", Some(&article));
    assert!(problems.is_empty(), "{problems:?}");
}

fn inputs(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("regression inputs")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| std::fs::read(f).expect("input"))
        .collect()
}

#[test]
fn search_crashes_stay_fixed() {
    let inputs = inputs("search");
    assert!(!inputs.is_empty());
    for data in inputs {
        check_search(&data);
    }
}

/// Two inputs ending on an indefinite title and a plain word (`… متحدث باسم…`), which indexed
/// the gazetteer past the last token in the person rules.
#[test]
fn extract_crashes_stay_fixed() {
    let inputs = inputs("extract");
    assert!(!inputs.is_empty());
    for data in inputs {
        check_extract(&data);
    }
}

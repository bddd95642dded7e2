//! Fuzz target: an annotation file (after the first NUL byte; the article before it) through
//! the structure check, the validator, the parser, and `AnnotationStore::open` on a real file.
#![no_main]

use std::sync::Arc;

use isnad::annotate::store::{AnnotationStore, StoreOptions};
use isnad::annotate::{document, validate};
use isnad::article::Article;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let (article, file) = common::split_article(data);
    let art = Arc::new(Article::from_text("fuzz.txt", article));
    let _ = document::check_structure(&file, "fuzz.isnad.json");
    let _ = validate::validate_text(&file, "fuzz.isnad.json", None);
    let _ = validate::validate_text(&file, "fuzz.isnad.json", Some(&art));
    if let Ok(loaded) = document::parse(&file, "fuzz.isnad.json", &art) {
        for item in loaded.set.items() {
            if let Some(span) = item.span() {
                assert!(art.text.get(span.start..span.end).is_some(), "{span:?}");
            }
        }
        // a loaded file can be written back and read again
        let json = document::to_json(&loaded.document, &loaded.set, &art);
        assert!(
            document::parse(&json, "rewritten.isnad.json", &art).is_ok(),
            "{json}"
        );
    }
    let Ok(dir) = tempfile::tempdir() else { return };
    let path = dir.path().join("fuzz.isnad.json");
    if std::fs::write(&path, file.as_bytes()).is_err() {
        return;
    }
    let options = StoreOptions {
        annotations: Some(path),
        data_dir: Some(dir.path().to_path_buf()),
    };
    let store = AnnotationStore::open(art, &options);
    let _ = store.set().len();
});

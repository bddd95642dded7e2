//! Fuzz target: brat `.ann` input, through both the extraction importer and the annotation
//! format reader (article text before the first NUL byte).
#![no_main]

use isnad::article::Article;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let (article, file) = common::split_article(data);
    common::check_import(
        &article,
        &file,
        "x.ann",
        isnad::extract::import::Format::Brat,
    );
    let art = Article::from_text("fuzz", article);
    let out = isnad::annotate::formats::brat::parse_ann(&file, "x.ann", &art);
    for item in out.set.items() {
        if let Some(span) = item.span() {
            assert!(
                span.start <= span.end && span.end <= art.text.len(),
                "{span:?}"
            );
            assert!(art.text.get(span.start..span.end).is_some(), "{span:?}");
        }
    }
    // what was read can be written back
    let _ = isnad::annotate::formats::brat::to_ann(&out.set, &art);
});

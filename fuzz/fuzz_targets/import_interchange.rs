//! Fuzz target: the interchange importer on arbitrary data (article text before the first NUL byte).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let (article, file) = common::split_article(data);
    common::check_import(
        &article,
        &file,
        "x.json",
        isnad::extract::import::Format::Interchange,
    );
});

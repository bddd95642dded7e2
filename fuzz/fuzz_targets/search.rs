//! Fuzz target: search (query before the first NUL byte, text after it).
#![no_main]

use isnad::search::SearchIndex;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
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
    assert_eq!(all, isnad::search::find_all_in(&text, &query));
    // the owned index the reader keeps gives the same matches
    let folded = isnad::search::FoldedIndex::new(&text);
    assert_eq!(folded.find_all(&text, &query), all);
    for from in [0, text.len() / 2, text.len(), text.len() + 7] {
        if let Some(i) = isnad::search::next_match(&all, from) {
            assert!(i < all.len());
        }
        if let Some(i) = isnad::search::previous_match(&all, from) {
            assert!(i < all.len());
        }
    }
});

//! Fuzz target: Arabic normalisation with its offset map back to the original text.
#![no_main]

use isnad::text::normalize::{NormalizedText, fold_eq, normalize_str};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let original = String::from_utf8_lossy(data);
    let norm = NormalizedText::new(&original);
    assert_eq!(norm.text, normalize_str(&original));
    assert_eq!(norm.map.len(), norm.text.len() + 1);
    assert_eq!(
        norm.map.last().map(|&m| m as usize),
        Some(original.len())
    );
    assert!(
        norm.map.windows(2).all(|w| w[0] <= w[1]),
        "map not monotonic"
    );
    assert!(
        norm.map
            .iter()
            .all(|&m| original.is_char_boundary(m as usize))
    );
    assert!(
        fold_eq(&original, &norm.text),
        "text does not fold-equal its normal form"
    );
    let n = norm.text.len();
    let cuts = [0, n / 3, n / 2, n, n + 5];
    for &a in &cuts {
        for &b in &cuts {
            let r = norm.to_original(a..b);
            assert!(r.start <= r.end, "{a}..{b} → {r:?}");
            assert!(original.get(r.clone()).is_some(), "{a}..{b} → {r:?}");
        }
        assert!(original.is_char_boundary(norm.original_offset(a)));
    }
});

//! Helpers shared by the fuzz targets (included with `#[path]`; each target is its own binary).

#![allow(dead_code)]

/// Splits fuzz input at the first NUL byte: (article text, file data). Both sides are made valid
/// UTF-8 lossily; an article never holds NUL (`Article::from_bytes` refuses it), so NUL is a safe
/// separator. Without a NUL the whole input is the file and the article is a fixed Arabic text.
pub fn split_article(data: &[u8]) -> (String, String) {
    match data.iter().position(|&b| b == 0) {
        Some(i) => (
            String::from_utf8_lossy(&data[..i]).into_owned(),
            String::from_utf8_lossy(&data[i + 1..]).into_owned(),
        ),
        None => (
            DEFAULT_ARTICLE.to_owned(),
            String::from_utf8_lossy(data).into_owned(),
        ),
    }
}

pub const DEFAULT_ARTICLE: &str = "قال الرئيس محمد بن سلمان في الرياض إن 25 شخصاً قُتلوا.\nوأضاف مصدر في وزارة الدفاع لرويترز أن الهجوم وقع يوم الثلاثاء.";

/// Every import outcome must point at real characters of the article.
pub fn check_import(article: &str, data: &str, path: &str, format: isnad::extract::import::Format) {
    if let Ok(outcome) = isnad::extract::import::import(article, data, path, Some(format)) {
        for m in &outcome.mentions {
            assert!(m.range.start <= m.range.end, "reversed range {:?}", m.range);
            assert!(
                article.get(m.range.clone()).is_some(),
                "range {:?} not inside the article / not on char boundaries",
                m.range
            );
        }
        let _ = outcome.summary();
    }
}

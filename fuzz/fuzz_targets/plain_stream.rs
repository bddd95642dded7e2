//! Fuzz target: the plain-text stream `isnad render` prints from. Any bytes, written to a file
//! and streamed in pieces, give the paragraphs `Article::from_bytes` gives, or an error where it
//! gives one (the same error unless a NUL byte is involved: the article looks for one in the
//! whole file first, the stream reports the first bad paragraph).
#![no_main]

use std::sync::OnceLock;

use isnad::article::Article;
use isnad::article::stream::PlainTextStream;
use libfuzzer_sys::fuzz_target;

/// One folder for the whole run: a folder per input would make the file system the bottleneck.
static DIR: OnceLock<Option<tempfile::TempDir>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some(dir) = DIR.get_or_init(|| tempfile::tempdir().ok()) else {
        return;
    };
    let path = dir.path().join("a.txt");
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let name = path.display().to_string();
    let mut streamed = Vec::new();
    let mut error = None;
    let mut stream = PlainTextStream::open(&path).expect("the file exists");
    'pieces: for piece in stream.by_ref() {
        let piece = piece.expect("a piece");
        for i in 0..piece.len() {
            match piece.paragraph(i) {
                Ok((base, text)) => streamed.push((base, text.to_owned())),
                Err(e) => {
                    error = Some(e.to_string());
                    break 'pieces;
                }
            }
        }
    }
    // Read to the end, so the reader thread has finished before the next input (or the leak
    // check) runs.
    for _ in stream.by_ref() {}
    match Article::from_bytes(&name, data.to_vec()) {
        Ok(article) => {
            assert_eq!(error, None);
            let expected: Vec<(usize, String)> = article
                .paragraphs
                .iter()
                .map(|r| (r.start, article.text[r.clone()].to_owned()))
                .collect();
            assert_eq!(streamed, expected);
        }
        Err(e) if !data.contains(&0) => assert_eq!(error, Some(e.to_string())),
        Err(_) => assert!(error.is_some()),
    }
});

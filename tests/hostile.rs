//! Hostile input for the engine, each trap of issue 8 as an explicit test: lone surrogate
//! escapes in JSON, huge numbers and out-of-range offsets, overlapping and zero-length spans in
//! the annotation loader and every JSON importer, and the size limits on articles and annotation
//! files. (Layout traps and the 5 MB line are in tests/layout_props.rs; a 200 MB article opened
//! in the real reader is in tests/pty.rs.)

use std::fs::File;
use std::sync::Arc;

use isnad::annotate::store::{AnnotationStore, MAX_ANNOTATION_BYTES, StoreOptions};
use isnad::annotate::{SaveOutcome, document};
use isnad::article::{Article, ArticleError, MAX_ARTICLE_BYTES};
use isnad::extract::import::{Format, ImportOutcome, import};

const SAMPLE_JSON: &str = include_str!("data/annotate/sample-article.isnad.json");
const FILE: &str = "hostile.isnad.json";

fn sample() -> Article {
    Article::from_text("sample-article.txt", isnad::article::SAMPLE_TEXT.to_owned())
}

/// A message of the form `FILE:LINE:COL: …` for `file`.
fn assert_located(message: &str, file: &str) {
    let rest = message
        .strip_prefix(file)
        .and_then(|r| r.strip_prefix(':'))
        .unwrap_or_else(|| panic!("not located in {file}: {message}"));
    let mut parts = rest.splitn(3, ':');
    let line = parts.next().unwrap_or("");
    let col = parts.next().unwrap_or("");
    assert!(
        line.parse::<usize>().is_ok_and(|n| n > 0) && col.parse::<usize>().is_ok_and(|n| n > 0),
        "no LINE:COL in {message}"
    );
}

/// The sample file with the first entity's `"start": 41` replaced by `start` (raw JSON).
fn with_first_start(start: &str) -> String {
    let json = SAMPLE_JSON.replacen("\"start\": 41,", &format!("\"start\": {start},"), 1);
    assert_ne!(
        json, SAMPLE_JSON,
        "fixture changed: first entity no longer starts at 41"
    );
    json
}

/// Either a located error, or a loaded set whose every span lies inside the article; the first
/// entity is then placed at its quote or kept as an orphan, never at a bogus offset.
fn loads_safely(json: &str, article: &Article) -> Result<document::Loaded, String> {
    match document::parse(json, FILE, article) {
        Ok(loaded) => {
            for item in loaded.set.items() {
                if let Some(span) = item.span() {
                    assert!(
                        article.text.get(span.start..span.end).is_some(),
                        "{} placed at bytes {span:?} of {}",
                        item.id(),
                        article.text.len()
                    );
                }
            }
            Ok(loaded)
        }
        Err(e) => {
            let message = e.to_string();
            assert_located(&message, FILE);
            Err(message)
        }
    }
}

/// serde_json's words for an unpaired `\uD800`-style escape.
fn is_surrogate_error(message: &str) -> bool {
    message.contains("surrogate") || message.contains("hex escape")
}

#[test]
fn lone_surrogate_escape_in_an_annotation_file_is_a_located_error() {
    let json = SAMPLE_JSON.replacen(
        "\"exact\": \"نور الدين البابا\"",
        "\"exact\": \"\\ud800\"",
        1,
    );
    assert_ne!(json, SAMPLE_JSON);
    let err = loads_safely(&json, &sample()).expect_err("a lone surrogate is not text");
    assert!(is_surrogate_error(&err), "{err}");
}

#[test]
fn huge_and_negative_offsets_in_an_annotation_file_never_place_a_span() {
    let article = sample();
    for start in [
        "1e30",
        "18446744073709551616",
        "18446744073709551615",
        "-1",
        "4.5",
    ] {
        match loads_safely(&with_first_start(start), &article) {
            Err(_) => {}
            Ok(loaded) => {
                let placed = loaded.set.items().find(|i| i.id() == "e-4f1c9a");
                let orphaned = loaded.set.orphans.iter().any(|o| o["id"] == "e-4f1c9a");
                assert!(
                    placed.is_some() || orphaned,
                    "start {start}: entity lost (neither placed nor orphaned)"
                );
                if let Some(item) = placed {
                    let span = item.span().expect("entity span");
                    assert_eq!(&article.text[span.start..span.end], "نور الدين البابا");
                }
            }
        }
    }
}

#[test]
fn reversed_span_is_a_located_error() {
    let err = loads_safely(&with_first_start("58"), &sample()).expect_err("start after end");
    assert!(err.contains("must be less than end"), "{err}");
}

#[test]
fn offsets_past_the_end_are_reanchored_by_quote_or_orphaned() {
    let article = sample();
    let past = article.len_chars() + 1000;
    let json = with_first_start(&past.to_string()).replacen(
        "\"end\": 57,",
        &format!("\"end\": {},", past + 16),
        1,
    );
    let loaded = loads_safely(&json, &article)
        .unwrap_or_else(|e| panic!("past-the-end offsets should not reject the file: {e}"));
    let placed = loaded.set.items().find(|i| i.id() == "e-4f1c9a");
    let orphaned = loaded.set.orphans.iter().any(|o| o["id"] == "e-4f1c9a");
    assert!(placed.is_some() || orphaned, "entity lost");
    if let Some(item) = placed {
        let span = item.span().expect("entity span");
        assert_eq!(&article.text[span.start..span.end], "نور الدين البابا");
    }
}

#[test]
fn zero_length_and_overlapping_spans_in_an_annotation_file() {
    let article = sample();
    // zero length: start == end at the quote's start
    let zero = SAMPLE_JSON.replacen("\"end\": 57,", "\"end\": 41,", 1);
    assert_ne!(zero, SAMPLE_JSON);
    let err = loads_safely(&zero, &article).expect_err("an empty span is refused");
    assert!(err.contains("must be less than end"), "{err}");
    // overlapping: a second entity inside the first one's span loads beside it
    let overlap = SAMPLE_JSON.replacen(
        "\"entities\": [",
        r#""entities": [
    {"id": "e-abcdef", "label": "PERSON", "span": {"start": 45, "end": 57, "exact": "الدين البابا"},
     "origin": {"kind": "human", "by": "analyst"}, "review": {"status": "suggested"}},"#,
        1,
    );
    let loaded = loads_safely(&overlap, &article).expect("overlapping entities are allowed");
    let texts: Vec<&str> = ["e-4f1c9a", "e-abcdef"]
        .iter()
        .map(|id| {
            let item = loaded.set.items().find(|i| i.id() == *id).expect(id);
            let span = item.span().expect("span");
            &article.text[span.start..span.end]
        })
        .collect();
    assert_eq!(texts, ["نور الدين البابا", "الدين البابا"]);
}

const ARTICLE: &str = "قال الرئيس محمود عباس في رام الله إن غزة تعاني.";

fn cp(s: &str) -> (usize, usize) {
    let at = ARTICLE.find(s).expect("in article");
    let start = ARTICLE[..at].chars().count();
    (start, start + s.chars().count())
}

/// One mention in each JSON importer's shape, with raw JSON for start, end and text.
fn json_mention(format: Format, start: &str, end: &str, text: &str) -> String {
    match format {
        Format::Interchange => format!(
            r#"{{"format":"ar-news-extractions","offset_unit":"codepoint","mentions":[{{"start":{start},"end":{end},"text":{text},"label":"LOC"}}]}}"#
        ),
        Format::Stanza => {
            format!(r#"[{{"text":{text},"type":"LOC","start_char":{start},"end_char":{end}}}]"#)
        }
        Format::Spacy => format!(
            r#"{{"text":"{ARTICLE}","ents":[{{"start":{start},"end":{end},"label":"LOC"}}],"tokens":[]}}"#
        ),
        Format::Hf => format!(
            r#"[{{"entity_group":"LOC","score":0.9,"word":{text},"start":{start},"end":{end}}}]"#
        ),
        Format::Auto | Format::Conll | Format::Brat => unreachable!("not JSON"),
    }
}

const JSON_FORMATS: [Format; 4] = [
    Format::Interchange,
    Format::Stanza,
    Format::Spacy,
    Format::Hf,
];

/// Every imported mention lies inside the article and shows the quote `expect` when given.
fn import_safely(
    format: Format,
    data: &str,
    expect: Option<&str>,
) -> Result<ImportOutcome, String> {
    match import(ARTICLE, data, "hostile.json", format) {
        Ok(out) => {
            for m in &out.mentions {
                let shown = ARTICLE
                    .get(m.range.clone())
                    .unwrap_or_else(|| panic!("{format:?}: mention at {:?} outside", m.range));
                assert!(!shown.is_empty(), "{format:?}: empty mention imported");
                if let Some(expect) = expect {
                    assert_eq!(shown, expect, "{format:?}: {data}");
                }
            }
            Ok(out)
        }
        Err(e) => {
            let message = e.to_string();
            assert_located(&message, "hostile.json");
            Err(message)
        }
    }
}

#[test]
fn lone_surrogate_escape_in_each_json_importer_is_a_located_error() {
    let (s, e) = cp("غزة");
    for format in JSON_FORMATS {
        let data = json_mention(format, &s.to_string(), &e.to_string(), r#""\ud800""#);
        let data = if format == Format::Spacy {
            // spaCy mentions carry no text; put the escape in the document text
            data.replacen(ARTICLE, "\\udc00", 1)
        } else {
            data
        };
        let err = import_safely(format, &data, None)
            .err()
            .unwrap_or_else(|| panic!("{format:?}: lone surrogate accepted"));
        assert!(is_surrogate_error(&err), "{format:?}: {err}");
        assert!(!err.contains(" at line "), "location repeated: {err}");
    }
}

#[test]
fn huge_offsets_in_each_json_importer_never_place_a_mention_elsewhere() {
    for format in JSON_FORMATS {
        // Not a usize: a located error naming the field's type, never a wrapped offset.
        for n in ["1e30", "18446744073709551616", "-1"] {
            for (start, end) in [(n, "3"), ("0", n), (n, n)] {
                let data = json_mention(format, start, end, r#""غزة""#);
                let err = import_safely(format, &data, Some("غزة"))
                    .err()
                    .unwrap_or_else(|| panic!("{format:?} {start}..{end}: accepted"));
                assert!(
                    err.contains("expected usize"),
                    "{format:?} {start}..{end}: {err}"
                );
            }
        }
        // The largest usize is read, and the mention is found by its quote (or, for spaCy,
        // which carries none, reported unaligned): never lost, never placed elsewhere.
        let max = usize::MAX.to_string();
        for (start, end) in [
            (max.as_str(), "3"),
            ("0", max.as_str()),
            (max.as_str(), max.as_str()),
        ] {
            let data = json_mention(format, start, end, r#""غزة""#);
            let out = import_safely(format, &data, Some("غزة"))
                .unwrap_or_else(|e| panic!("{format:?} {start}..{end}: {e}"));
            assert_found_by_quote_or_unaligned(format, &out);
        }
    }
}

/// One mention, shown as its quote (checked by [`import_safely`]) when the format carries
/// one, else reported unaligned.
fn assert_found_by_quote_or_unaligned(format: Format, out: &ImportOutcome) {
    if format == Format::Spacy {
        assert_eq!(
            (out.mentions.len(), out.unaligned.len()),
            (0, 1),
            "{format:?}"
        );
    } else {
        assert_eq!(
            (out.mentions.len(), out.unaligned.len()),
            (1, 0),
            "{format:?}"
        );
    }
}

#[test]
fn offsets_past_the_end_in_each_json_importer() {
    let past = ARTICLE.chars().count() + 50;
    for format in JSON_FORMATS {
        for (start, end) in [(past, past + 3), (2, past), (past + 3, past)] {
            let data = json_mention(format, &start.to_string(), &end.to_string(), r#""غزة""#);
            let out = import_safely(format, &data, Some("غزة"))
                .unwrap_or_else(|e| panic!("{format:?} {start}..{end}: {e}"));
            assert_eq!(
                out.mentions.len() + out.unaligned.len(),
                1,
                "{format:?}: lost"
            );
        }
    }
}

#[test]
fn zero_length_and_reversed_spans_in_each_json_importer() {
    let (s, _) = cp("غزة");
    for format in JSON_FORMATS {
        for (start, end) in [(s, s), (s + 3, s)] {
            let data = json_mention(format, &start.to_string(), &end.to_string(), r#""غزة""#);
            // The empty or reversed span itself is refused (import_safely fails on an empty
            // mention); the mention is found by its quote instead, or reported unaligned.
            let out = import_safely(format, &data, Some("غزة"))
                .unwrap_or_else(|e| panic!("{format:?} {start}..{end}: {e}"));
            assert_found_by_quote_or_unaligned(format, &out);
        }
    }
}

#[test]
fn overlapping_mentions_are_both_imported() {
    let (s1, e1) = cp("محمود عباس");
    let (s2, e2) = cp("عباس في رام");
    let data = format!(
        r#"{{"offset_unit":"codepoint","mentions":[
            {{"start":{s1},"end":{e1},"text":"محمود عباس","label":"PER"}},
            {{"start":{s2},"end":{e2},"text":"عباس في رام","label":"MISC"}}]}}"#
    );
    let out = import_safely(Format::Interchange, &data, None).expect("imports");
    let shown: Vec<&str> = out
        .mentions
        .iter()
        .map(|m| &ARTICLE[m.range.clone()])
        .collect();
    assert_eq!(shown, ["محمود عباس", "عباس في رام"]);
}

#[test]
fn oversized_annotation_file_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article_path = dir.path().join("big.txt");
    std::fs::write(&article_path, "نص قصير").expect("write article");
    let annotations = dir.path().join("big.isnad.json");
    // sparse: 100 MB on paper, nothing on disk
    let size = 100 * 1024 * 1024;
    assert!(size > MAX_ANNOTATION_BYTES);
    File::create(&annotations)
        .and_then(|f| f.set_len(size))
        .expect("sparse file");
    let article = Arc::new(Article::load(&article_path).expect("article"));
    let options = StoreOptions {
        annotations: None,
        data_dir: Some(dir.path().join("data")),
    };
    let mut store = AnnotationStore::open(article, &options);
    assert_eq!(store.path(), annotations);
    let reason = store
        .read_only_reason()
        .expect("refused, read-only")
        .to_owned();
    assert!(reason.contains("big.isnad.json"), "{reason}");
    assert!(reason.contains("over the limit"), "{reason}");
    assert!(
        reason.contains(&MAX_ANNOTATION_BYTES.to_string()),
        "{reason}"
    );
    assert!(store.set().is_empty());
    let report = store.save().expect("save");
    assert!(matches!(report.outcome, SaveOutcome::ReadOnly(_)));
    assert_eq!(std::fs::metadata(&annotations).expect("meta").len(), size);
}

#[test]
fn validate_and_export_refuse_an_oversized_annotation_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let annotations = dir.path().join("big.isnad.json");
    File::create(&annotations)
        .and_then(|f| f.set_len(MAX_ANNOTATION_BYTES + 1))
        .expect("sparse file");
    let args = isnad::cli::ValidateArgs {
        file: annotations.clone(),
        article: None,
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let message = isnad::commands::validate::run(&args, &mut out, &mut err).expect_err("refused");
    assert!(
        message.contains("big.isnad.json") && message.contains("over the limit"),
        "{message}"
    );
}

#[test]
fn article_over_the_limit_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.txt");
    File::create(&path)
        .and_then(|f| f.set_len(MAX_ARTICLE_BYTES + 1))
        .expect("sparse file");
    let err = Article::load(&path).expect_err("refused");
    assert!(matches!(err, ArticleError::TooLarge { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("huge.txt"), "{message}");
    assert!(message.contains("over the limit"), "{message}");
    assert!(
        message.contains(&MAX_ARTICLE_BYTES.to_string()),
        "{message}"
    );
}

#[cfg(unix)]
#[test]
fn an_endless_device_is_refused_at_the_limit() {
    // /dev/zero says it has 0 bytes; reading it must stop at the limit instead of exhausting
    // memory
    let err = Article::load(std::path::Path::new("/dev/zero")).expect_err("refused");
    assert!(matches!(err, ArticleError::TooLarge { .. }), "{err:?}");
    assert!(err.to_string().contains("over the limit"), "{err}");
    // `isnad render` streams plain text: it stops at the first NUL (a binary file), the
    // first byte here, after one read (src/article/stream.rs)
    let mut stream =
        isnad::article::stream::PlainTextStream::open(std::path::Path::new("/dev/zero"))
            .expect("opens");
    let piece = stream.next().expect("a piece").expect("read");
    let err = piece.paragraph(0).expect_err("refused");
    assert!(
        matches!(err, ArticleError::Binary { offset: 0, .. }),
        "{err:?}"
    );
    assert!(stream.next().is_none());
    // `isnad validate` reads annotation files, which are regular files: a device is refused
    // before anything is read
    let args = isnad::cli::ValidateArgs {
        file: "/dev/zero".into(),
        article: None,
    };
    let message = isnad::commands::validate::run(&args, &mut Vec::new(), &mut Vec::new())
        .expect_err("refused");
    assert!(
        message.contains("/dev/zero") && message.contains("not a regular file"),
        "{message}"
    );
}

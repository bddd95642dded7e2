//! Export formats against golden files, brat import (round trip, realignment, bad lines), and
//! the `validate` and `export` commands, including error positions.
//!
//! Regenerate the golden files with `UPDATE_GOLDEN=1 cargo test --test annotate_formats`
//! and review the diff.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use isnad::annotate::document::{self, DocumentInfo};
use isnad::annotate::formats::Format as ExportFormat;
use isnad::annotate::formats::{brat, csv, w3c};
use isnad::annotate::model::*;
use isnad::article::{Article, SAMPLE_TEXT};
use isnad::cli::{ExportArgs, ValidateArgs};
use isnad::commands;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/annotate")
        .join(name)
}

fn golden(name: &str, actual: &str) {
    let path = data(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with UPDATE_GOLDEN=1 to create)",
            path.display()
        )
    });
    assert_eq!(
        actual,
        expected,
        "{} differs from the export",
        path.display()
    );
}

fn span(a: &Article, quote: &str) -> Span {
    let s = a.text.find(quote).unwrap();
    Span::checked(a, s..s + quote.len()).unwrap()
}

fn review(status: ReviewStatus) -> Review {
    Review {
        status,
        by: Some("analyst".into()),
        at: Some("2026-11-29T17:00:00Z".into()),
        previous: None,
    }
}

/// A fixed annotation set on the sample article (fixed ids, so outputs are reproducible).
fn fixed_set(a: &Article) -> AnnotationSet {
    let mut set = AnnotationSet::default();
    let person = Entity {
        id: "e-4f1c9a".into(),
        label: Label::parse("PERSON").unwrap(),
        original_label: Some("PERS".into()),
        span: span(a, "نور الدين البابا"),
        origin: Origin::rule("gazetteer:persons", Some(0.8)),
        review: review(ReviewStatus::Accepted),
        note: String::new(),
        conflict_with: None,
    };
    let mut city = Entity {
        id: "e-0a0b0c".into(),
        label: Label::parse("GPE").unwrap(),
        original_label: None,
        span: span(a, "حلب الشرقية"),
        origin: Origin::model("camelbert-ner@1.2", Some(0.97)),
        review: review(ReviewStatus::Accepted),
        note: "east Aleppo, \"neighbourhoods\"".into(),
        conflict_with: None,
    };
    city.relabel(Label::parse("LOC").unwrap(), "analyst");
    city.review.at = Some("2026-11-29T17:05:00Z".into());
    let source = Source {
        id: "s-77a0b2".into(),
        span: Some(span(
            a,
            "المتحدث باسم وزارة الداخلية السورية نور الدين البابا",
        )),
        name: "نور الدين البابا".into(),
        source_type: SourceType::Official,
        entity_id: Some("e-4f1c9a".into()),
        role: SourceRole::Speaker,
        same_as: None,
        origin: Origin::human("analyst"),
        review: review(ReviewStatus::Accepted),
        note: String::new(),
        conflict_with: None,
    };
    let unnamed = Source {
        id: "s-0000aa".into(),
        span: None,
        name: "the ministry (implied)".into(),
        source_type: SourceType::Organization,
        entity_id: None,
        role: SourceRole::Speaker,
        same_as: None,
        origin: Origin::human("analyst"),
        review: review(ReviewStatus::Suggested),
        note: String::new(),
        conflict_with: None,
    };
    // crosses the line break between the first two paragraphs
    let first_para_end = a.paragraphs[0].end;
    let claim = Claim {
        id: "c-0d93e1".into(),
        span: Span::checked(
            a,
            span(a, "لقيا حتفهما").start..a.paragraphs[1].start + "وأضاف".len(),
        )
        .unwrap(),
        claim_type: ClaimType::Event,
        verification: Verification {
            status: VerificationStatus::Unverified,
            confidence: None,
            ..Default::default()
        },
        origin: Origin::human("analyst"),
        review: review(ReviewStatus::Accepted),
        note: "two killed, line 1\nsee ministry statement".into(),
        conflict_with: None,
    };
    assert!(claim.span.start < first_para_end && claim.span.end > first_para_end);
    let claim2 = Claim {
        id: "c-1e2f30".into(),
        span: span(a, "القضاء على 3 عناصر"),
        claim_type: ClaimType::Quantity,
        verification: Verification {
            status: VerificationStatus::MostlyTrue,
            confidence: Some(0.75),
            ..Default::default()
        },
        origin: Origin::rule("cues", Some(0.6)),
        review: review(ReviewStatus::Suggested),
        note: String::new(),
        conflict_with: None,
    };
    let link = Attribution {
        id: "a-19c4d0".into(),
        claim_id: "c-1e2f30".into(),
        source_id: "s-77a0b2".into(),
        via: Vec::new(),
        cue: Some(span(a, "أعلن")),
        quote_type: QuoteType::Indirect,
        stance: Stance::Asserts,
        origin: Origin::human("analyst"),
        review: review(ReviewStatus::Accepted),
        note: String::new(),
        conflict_with: None,
    };
    let implied = Attribution {
        id: "a-2b3c4d".into(),
        claim_id: "c-0d93e1".into(),
        source_id: "s-0000aa".into(),
        via: Vec::new(),
        cue: None,
        quote_type: QuoteType::Unknown,
        stance: Stance::Asserts,
        origin: Origin::human("analyst"),
        review: review(ReviewStatus::Accepted),
        note: String::new(),
        conflict_with: None,
    };
    for item in [
        Item::Entity(person),
        Item::Entity(city),
        Item::Source(source),
        Item::Source(unnamed),
        Item::Claim(claim),
        Item::Claim(claim2),
        Item::Attribution(link),
        Item::Attribution(implied),
    ] {
        set.upsert(item);
    }
    add_isnad(a, &mut set);
    set
}

/// The first word of the first occurrence of `phrase`.
fn first_word(a: &Article, phrase: &str) -> Span {
    let s = span(a, phrase);
    let word = phrase.split(' ').next().unwrap_or(phrase);
    Span {
        start: s.start,
        end: s.start + word.len(),
    }
}

/// The isnad of the sample: local sources told الشرق of the clashes, and "المصادر" (the same
/// sources) confirmed it to الشرق; the quantity claim's verdict with its provenance.
fn add_isnad(a: &Article, set: &mut AnnotationSet) {
    let locals = Source {
        id: "s-5e6f70".into(),
        source_type: SourceType::Anonymous,
        ..Source::by_human(a, span(a, "مصادر محلية").range(), "analyst").unwrap()
    };
    let after_locals =
        locals.span.unwrap().end + a.text[locals.span.unwrap().end..].find("الشرق").unwrap();
    let outlet = Source {
        id: "s-6f7081".into(),
        source_type: SourceType::Outlet,
        role: SourceRole::Intermediary,
        ..Source::by_human(a, after_locals..after_locals + "الشرق".len(), "analyst").unwrap()
    };
    let again = Source {
        id: "s-708192".into(),
        source_type: SourceType::Anonymous,
        same_as: Some("s-5e6f70".into()),
        ..Source::by_human(a, first_word(a, "المصادر أن").range(), "analyst").unwrap()
    };
    let clashes = Claim {
        id: "c-2f3041".into(),
        ..Claim::by_human(
            a,
            span(a, "اشتباكات عنيفة دارت ظهر السبت").range(),
            "analyst",
        )
        .unwrap()
    };
    let told = Attribution {
        id: "a-5e6f70".into(),
        via: vec![outlet.id.clone()],
        quote_type: QuoteType::Direct,
        ..Attribution::by_human(
            &clashes.id,
            &locals.id,
            Some(first_word(a, "وذكرت مصادر محلية")),
            "analyst",
        )
    };
    let confirmed = Attribution {
        id: "a-6f7081".into(),
        via: vec![outlet.id.clone()],
        stance: Stance::Confirms,
        ..Attribution::by_human(
            &clashes.id,
            &again.id,
            Some(first_word(a, "وأوضحت المصادر")),
            "analyst",
        )
    };
    // the spokesman again, through his Telegram account
    let account = Source {
        id: "s-8192a3".into(),
        source_type: SourceType::SocialAccount,
        role: SourceRole::Intermediary,
        ..Source::by_human(a, span(a, "حسابه على منصة \"تليجرام\"").range(), "analyst").unwrap()
    };
    let seized = Claim {
        id: "c-3041b2".into(),
        ..Claim::by_human(a, span(a, "العملية تضمنت مصادرة أسلحة").range(), "analyst").unwrap()
    };
    let posted = Attribution {
        id: "a-8192a3".into(),
        via: vec![account.id.clone()],
        quote_type: QuoteType::Direct,
        ..Attribution::by_human(
            &seized.id,
            "s-77a0b2",
            Some(first_word(a, "وأضاف عبر")),
            "analyst",
        )
    };
    for item in [
        Item::Source(locals),
        Item::Source(outlet),
        Item::Source(again),
        Item::Source(account),
        Item::Claim(clashes),
        Item::Claim(seized),
        Item::Attribution(told),
        Item::Attribution(confirmed),
        Item::Attribution(posted),
    ] {
        set.upsert(item);
    }
    // by_human stamps the time: fixed here so the outputs are reproducible
    for x in &mut set.sources {
        x.review.at = Some("2026-11-29T17:00:00Z".into());
    }
    for c in &mut set.claims {
        c.review.at = Some("2026-11-29T17:00:00Z".into());
        if c.id == "c-1e2f30" {
            c.verification.by = Some("fact-checker".into());
            c.verification.at = Some("2026-12-01T09:30:00Z".into());
            c.verification.evidence = vec![
                "https://example.org/aleppo-report".into(),
                "بيان وزارة الداخلية على منصة إكس".into(),
            ];
        }
    }
    for x in &mut set.attributions {
        x.review.at = Some("2026-11-29T17:00:00Z".into());
    }
}

fn doc(a: &Article) -> DocumentInfo {
    DocumentInfo {
        outlet: Some("الشرق".into()),
        ..DocumentInfo::for_article(a, "sample-article.txt".into())
    }
}

#[test]
fn native_file_matches_golden() {
    let a = Article::sample();
    let text = document::to_json(&doc(&a), &fixed_set(&a), &a);
    golden("sample-article.isnad.json", &text);
    assert_eq!(document::parse(&text, "g", &a).unwrap().set, fixed_set(&a));
}

#[test]
fn brat_export_matches_golden_and_imports_back() {
    let a = Article::sample();
    let set = fixed_set(&a);
    let ann = brat::to_ann(&set, &a);
    golden("sample-article.ann", &ann);
    // the line-crossing claim is written as two fragments
    assert!(
        ann.lines()
            .any(|l| l.starts_with("T") && l.contains("\tClaim ") && l.contains(';')),
        "{ann}"
    );

    let back = brat::parse_ann(&ann, "sample-article.ann", &a).unwrap();
    assert!(back.warnings.is_empty(), "{:#?}", back.warnings);
    let key =
        |set: &AnnotationSet| {
            let mut v: Vec<String> =
                set.entities
                    .iter()
                    .map(|e| format!("E {} {:?}", e.label, e.span))
                    .chain(set.sources.iter().map(|s| {
                        format!(
                            "S {} {:?} {:?}",
                            s.source_type,
                            s.span,
                            s.entity_id.is_some()
                        )
                    }))
                    .chain(set.claims.iter().map(|c| {
                        format!("C {} {} {:?}", c.claim_type, c.verification.status, c.span)
                    }))
                    .collect();
            v.sort();
            v
        };
    let mut expected = set.clone();
    expected.sources.retain(|s| s.span.is_some()); // a spanless source has no brat T line
    assert_eq!(key(&back.set), key(&expected));
    assert_eq!(back.set.attributions.len(), 4);
    let at = back
        .set
        .attributions
        .iter()
        .find(|x| x.cue.map(|c| c.text(&a)) == Some("أعلن"))
        .unwrap();
    let claim = back
        .set
        .claims
        .iter()
        .find(|c| c.id == at.claim_id)
        .unwrap();
    assert_eq!(claim.span.text(&a), "القضاء على 3 عناصر");
    assert!(
        back.set
            .claims
            .iter()
            .any(|c| c.note.contains("see ministry statement"))
    );
    assert!(
        back.set
            .items()
            .all(|i| i.origin().kind == OriginKind::Import
                && i.review().status == ReviewStatus::Suggested)
    );
}

#[test]
fn brat_import_checks_offsets_against_the_text() {
    let text = "قال 😀 إن القاهرة هادئة.\nوذكرت مصادر أن الوضع مستقر.";
    let a = Article::from_text("t.txt", text.to_owned());
    // T1: UTF-16 offsets (as brat's web client counts, one too far after the emoji): realigned.
    // T2: correct. T3: text not in the article: set aside as unaligned.
    let ann = "T1\tGPE 10 17\tالقاهرة\nT2\tSource 30 35\tمصادر\nT3\tLOC 0 3\tدمشق\nR1\tNope Arg1:T1 Arg2:T2\n";
    let r = brat::parse_ann(ann, "x.ann", &a).unwrap();
    assert_eq!(r.set.entities.len(), 1);
    assert_eq!(r.set.entities[0].span.text(&a), "القاهرة");
    assert_eq!(a.byte_to_char(r.set.entities[0].span.start), 9);
    assert_eq!(r.set.sources[0].span.unwrap().text(&a), "مصادر");
    assert_eq!(r.warnings.len(), 2, "{:#?}", r.warnings);
    assert!(
        r.warnings[0].starts_with("x.ann:1: T1: text at 10..17")
            && r.warnings[0].contains("realigned to 9..16")
    );
    assert!(r.warnings[1].starts_with("x.ann:4: R1: relation"));
    // A text-bound line that cannot be read refuses the file, naming line and column.
    let err =
        brat::parse_ann("T2\tSource 30 35\tمصادر\nT4\tORG x y\tfoo\n", "x.ann", &a).unwrap_err();
    assert_eq!(
        err.to_string(),
        "x.ann:2:8: bad offsets \"x y\" (expected `START END[;START END]`)"
    );
    // The same realignment and skip, as data.
    assert_eq!(r.realigned.len(), 1);
    assert_eq!((r.realigned[0].line, r.realigned[0].written), (1, (10, 17)));
    assert_eq!(r.realigned[0].span, r.set.entities[0].span);
    assert_eq!(r.unaligned.len(), 1);
    assert_eq!((r.unaligned[0].line, r.unaligned[0].id.as_str()), (3, "T3"));
    assert_eq!(r.unaligned[0].reference, "دمشق");
}

#[test]
fn w3c_export_matches_golden() {
    let a = Article::sample();
    let out = w3c::to_w3c(&doc(&a), &fixed_set(&a), &a);
    golden("sample-article.w3c.jsonld", &out);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!(v["total"], 17);
    let person = items
        .iter()
        .find(|i| i["id"].as_str().unwrap().ends_with("e-4f1c9a"))
        .unwrap();
    assert_eq!(person["target"]["textDirection"], "rtl");
    assert_eq!(
        person["target"]["selector"][0]["type"],
        "TextPositionSelector"
    );
    assert_eq!(person["target"]["selector"][0]["start"], 41);
    assert_eq!(person["target"]["selector"][0]["end"], 57);
    assert_eq!(person["target"]["selector"][1]["exact"], "نور الدين البابا");
}

#[test]
fn csv_export_matches_golden() {
    let a = Article::sample();
    let out = csv::to_csv(&doc(&a), &fixed_set(&a), &a);
    golden("sample-article.csv", &out);
    // one row per annotation plus the header; the note with a quote and a comma is quoted
    // records end with CRLF; the note's own line break is a bare LF inside quotes
    assert_eq!(out.split("\r\n").filter(|r| !r.is_empty()).count(), 18);
    assert!(out.contains(",\"east Aleppo, \"\"neighbourhoods\"\"\"\r\n"));
    assert!(out.contains("e-4f1c9a,entity,PERSON,41,57,نور الدين البابا,"));
}

/// Records of an RFC 4180 table (CRLF between records, `"` quoting with `""` escapes), failing
/// on anything else: a bare quote inside an unquoted field, an unterminated quote.
fn parse_rfc4180(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => {
                    quoted = false;
                    assert!(
                        matches!(chars.peek(), None | Some(',') | Some('\r')),
                        "text after a closing quote"
                    );
                }
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                assert!(at_field_start, "quote inside an unquoted field: {field:?}");
                quoted = true;
                at_field_start = false;
            }
            ',' => {
                record.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_field_start = true;
            }
            '\n' => panic!("bare LF outside quotes after {field:?}"),
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    assert!(!quoted, "unterminated quote");
    assert!(
        field.is_empty() && record.is_empty(),
        "last record without CRLF"
    );
    records
}

/// The rows of the CSV export as header → value maps, checking the BOM and the field count.
fn csv_rows(out: &str) -> Vec<std::collections::HashMap<String, String>> {
    let body = out
        .strip_prefix('\u{FEFF}')
        .expect("UTF-8 byte order mark for Excel");
    let records = parse_rfc4180(body);
    let header = &records[0];
    assert_eq!(header, &csv::HEADER.map(str::to_owned).to_vec());
    records[1..]
        .iter()
        .map(|r| {
            assert_eq!(r.len(), header.len(), "{r:?}");
            header.iter().cloned().zip(r.iter().cloned()).collect()
        })
        .collect()
}

#[test]
fn csv_claim_rows_carry_claim_sources_cue_type_and_status() {
    let a = Article::sample();
    let mut set = fixed_set(&a);
    // a second source for the first claim, and a rejected link that must not be listed
    let mut extra = set.attributions[0].clone();
    extra.id = "a-3c4d5e".into();
    extra.source_id = "s-0000aa".into();
    extra.cue = Some(span(&a, "مشيراً"));
    set.upsert(Item::Attribution(extra));
    let mut rejected = set.attributions[0].clone();
    rejected.id = "a-4d5e6f".into();
    rejected.source_id = "s-0000aa".into();
    rejected.cue = Some(span(&a, "وأضاف"));
    rejected.review.status = ReviewStatus::Rejected;
    set.upsert(Item::Attribution(rejected));
    let rows = csv_rows(&csv::to_csv(&doc(&a), &set, &a));
    assert_eq!(rows.len(), 19);
    let row = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap();
    let quantity = row("c-1e2f30");
    assert_eq!(quantity["kind"], "claim");
    assert_eq!(quantity["claim"], "القضاء على 3 عناصر");
    assert_eq!(
        quantity["sources"],
        "نور الدين البابا | the ministry (implied)"
    );
    assert_eq!(quantity["cue"], "أعلن | مشيراً");
    assert_eq!(quantity["claim_type"], "quantity");
    assert_eq!(quantity["verification"], "mostly_true");
    let event = row("c-0d93e1");
    assert_eq!(event["claim"], "لقيا حتفهما في العملية.\nوأضاف");
    assert_eq!(event["sources"], "the ministry (implied)");
    assert_eq!(event["cue"], "", "a link without a cue");
    assert_eq!(event["verification"], "unverified");
    let link = row("a-19c4d0");
    assert_eq!(link["claim"], "القضاء على 3 عناصر");
    assert_eq!(link["sources"], "نور الدين البابا");
    assert_eq!(link["cue"], "أعلن");
    assert_eq!(link["quote_type"], "indirect");
    let refused = row("a-4d5e6f");
    assert_eq!(refused["review_status"], "rejected");
    assert_eq!(refused["cue"], "وأضاف");
    for r in rows.iter().filter(|r| r["kind"] == "entity") {
        assert_eq!(
            (
                r["claim"].as_str(),
                r["sources"].as_str(),
                r["cue"].as_str()
            ),
            ("", "", "")
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Commands

fn run_validate(file: &Path, article: Option<&Path>) -> (ExitCode, String, String) {
    let args = ValidateArgs {
        file: file.to_path_buf(),
        article: article.map(Path::to_path_buf),
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = commands::validate::run(&args, &mut out, &mut err).unwrap();
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

#[test]
fn validate_accepts_a_good_file_and_checks_it_against_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("sample-article.txt");
    std::fs::write(&article, SAMPLE_TEXT).unwrap();
    let file = dir.path().join("sample-article.isnad.json");
    std::fs::copy(data("sample-article.isnad.json"), &file).unwrap();
    let (code, out, err) = run_validate(&file, None);
    assert_eq!(code, ExitCode::SUCCESS, "{err}");
    assert!(out.contains("valid (checked against"), "{out}");
    // the same file against another text: offsets and quotes no longer match
    let other = dir.path().join("other.txt");
    std::fs::write(&other, format!("سطر جديد\n{SAMPLE_TEXT}")).unwrap();
    let (code, _, err) = run_validate(&file, Some(&other));
    assert_eq!(code, ExitCode::FAILURE);
    let first = err.lines().next().unwrap();
    let name = file.display().to_string();
    let length_line = std::fs::read_to_string(&file)
        .unwrap()
        .lines()
        .position(|l| l.contains("\"length\""))
        .unwrap()
        + 1;
    assert_eq!(
        first,
        format!("{name}:{length_line}:15: length is 2963, the article has 2972 code points")
    );
    assert!(
        err.lines()
            .nth(1)
            .unwrap()
            .contains("does not match the stored"),
        "{err}"
    );
}

#[test]
fn validate_reports_positions_of_problems() {
    let name = |f: &str| data(f).display().to_string();
    let (code, _, err) = run_validate(&data("invalid-syntax.isnad.json"), None);
    assert_eq!(code, ExitCode::FAILURE);
    assert_eq!(
        err,
        format!(
            "{}:6:7: expected `,` or `]`\n",
            name("invalid-syntax.isnad.json")
        )
    );

    let (code, _, err) = run_validate(&data("invalid-values.isnad.json"), None);
    assert_eq!(code, ExitCode::FAILURE);
    let f = name("invalid-values.isnad.json");
    let expected = [
        format!("{f}:3:14: version must be an integer from 1 to 2"),
        format!("{f}:16:5: id \"e-XYZ\" is not a valid entity id (e- and 6 lowercase hex digits)"),
        format!(
            "{f}:23:5: unknown variant `rumour`, expected one of `statement`, `quantity`, `event`, `causal`, `prediction`, `quote`, `opinion`, `other`"
        ),
        format!("{f}:33:12: unknown top-level field \"extra\""),
    ];
    assert_eq!(err.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn export_command_writes_each_format_next_to_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("sample-article.txt");
    std::fs::write(&article, SAMPLE_TEXT).unwrap();
    std::fs::copy(
        data("sample-article.isnad.json"),
        dir.path().join("sample-article.isnad.json"),
    )
    .unwrap();
    for (to, expect) in [
        (ExportFormat::Csv, "sample-article.annotations.csv"),
        (ExportFormat::W3c, "sample-article.w3c.jsonld"),
    ] {
        let args = ExportArgs {
            file: article.clone(),
            to,
            out: None,
        };
        let mut out = Vec::new();
        assert_eq!(
            commands::export::run(&args, None, "tester", &mut out).unwrap(),
            ExitCode::SUCCESS
        );
        let written = std::fs::read_to_string(dir.path().join(expect)).unwrap();
        let golden_name = expect.replace(".annotations", "");
        assert_eq!(
            written,
            std::fs::read_to_string(data(&golden_name)).unwrap()
        );
    }
    // brat: from the annotation file, into a folder of its own
    let args = ExportArgs {
        file: dir.path().join("sample-article.isnad.json"),
        to: ExportFormat::Brat,
        out: None,
    };
    let mut out = Vec::new();
    assert_eq!(
        commands::export::run(&args, None, "tester", &mut out).unwrap(),
        ExitCode::SUCCESS
    );
    let brat_dir = dir.path().join("sample-article.brat");
    assert_eq!(
        std::fs::read_to_string(brat_dir.join("sample-article.txt")).unwrap(),
        SAMPLE_TEXT
    );
    assert_eq!(
        std::fs::read_to_string(brat_dir.join("sample-article.ann")).unwrap(),
        std::fs::read_to_string(data("sample-article.ann")).unwrap()
    );
    // never over the article itself
    let args = ExportArgs {
        file: article.clone(),
        to: ExportFormat::Brat,
        out: Some(dir.path().to_path_buf()),
    };
    let err = commands::export::run(&args, None, "tester", &mut Vec::new()).unwrap_err();
    assert!(err.contains("refusing to overwrite the article"), "{err}");
    assert_eq!(std::fs::read_to_string(&article).unwrap(), SAMPLE_TEXT);
}

// ---------------------------------------------------------------------------------------------
// Robustness: no input makes the readers panic.

mod robustness {
    use super::*;
    use proptest::prelude::*;

    fn golden_file() -> String {
        std::fs::read_to_string(data("sample-article.isnad.json")).unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// Damaged copies of a real file: a slice cut out and random text put in its place.
        #[test]
        fn damaged_files_are_errors_not_panics(cut in 0usize..8000, len in 0usize..40, insert in "[\\[\\]{}\",:0-9a-z\u{0600}-\u{0620} -]{0,8}") {
            let good = golden_file();
            let mut start = cut % good.len();
            while !good.is_char_boundary(start) { start -= 1; }
            let mut end = (start + len).min(good.len());
            while !good.is_char_boundary(end) { end += 1; }
            let damaged = format!("{}{insert}{}", &good[..start], &good[end..]);
            let a = Article::sample();
            let parsed = document::parse(&damaged, "d.json", &a);
            let problems = isnad::annotate::validate::validate_text(&damaged, "d.json", Some(&a));
            // When the reader refuses the file, the validator reports at least one problem,
            // each with FILE:LINE:COLUMN (or the newer-version notice).
            if parsed.is_err() {
                prop_assert!(!problems.is_empty());
            }
            for p in &problems {
                let mut parts = p.splitn(4, ':');
                let positioned = parts.next() == Some("d.json")
                    && parts.next().is_some_and(|l| l.parse::<usize>().is_ok())
                    && parts.next().is_some_and(|c| c.parse::<usize>().is_ok());
                prop_assert!(positioned || p.contains("is newer than"), "{}", p);
            }
        }

        #[test]
        fn arbitrary_ann_lines_never_panic(ann in "([TREAM#][0-9]{0,2}\t[A-Za-z_:0-9 ;]{0,20}(\t[\u{0621}-\u{064A} ]{0,10})?\n){0,8}") {
            let a = Article::sample();
            let Ok(r) = brat::parse_ann(&ann, "f.ann", &a) else {
                return Ok(());
            };
            for e in &r.set.entities {
                prop_assert!(a.text.is_char_boundary(e.span.start) && e.span.end <= a.text.len());
            }
        }
    }
}

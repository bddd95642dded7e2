//! The fast path of reading an annotation file: the file deserialised straight into typed
//! records (quotes borrowed from the source text) and placed where it says, without building
//! a JSON tree. It accepts only what the general path would load with every span unchanged,
//! and gives the same result; on anything else it gives up and the general path (with its
//! positioned errors, re-anchoring and orphans) reads the file.

use std::borrow::Cow;
use std::collections::HashSet;

use serde::Deserialize;
use serde_json::Value;

use crate::article::Article;

use super::super::anchor::{AnchorReport, Anchorer};
use super::super::model::{AnnotationSet, ItemKind, Origin, Review, Span, is_valid_id};
use super::{
    AttributionRecord, ClaimRecord, DocumentInfo, EntityRecord, FORMAT, Loaded, OFFSET_UNIT,
    SourceRecord, VERSION, all_spans, is_rfc3339, is_sha256_hex, restore_orphans,
};

/// The whole file. Unknown fields anywhere make the general path report them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileIn<'a> {
    #[serde(borrow)]
    format: Cow<'a, str>,
    version: u64,
    document: DocumentInfo,
    #[serde(borrow)]
    entities: Vec<EntityRecord<SpanIn<'a>>>,
    #[serde(borrow)]
    sources: Vec<SourceRecord<SpanIn<'a>>>,
    #[serde(borrow)]
    claims: Vec<ClaimRecord<SpanIn<'a>>>,
    #[serde(borrow)]
    attributions: Vec<AttributionRecord<SpanIn<'a>>>,
    orphans: Vec<Value>,
}

/// `FileSpan` with the quote and context borrowed: only the quote is compared, none is kept.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpanIn<'a> {
    start: usize,
    end: usize,
    #[serde(borrow)]
    exact: Cow<'a, str>,
    #[serde(default, borrow)]
    #[allow(dead_code)] // checked to be a string or null, as the general path does
    prefix: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    #[allow(dead_code)]
    suffix: Option<Cow<'a, str>>,
}

/// Places items whose spans are exactly where the file says; counts the spans placed.
struct Placer<'a> {
    article: &'a Article,
    unchanged: usize,
    /// Every id seen so far, across the four lists.
    ids: HashSet<String>,
}

impl Placer<'_> {
    /// The byte span of `s`, when it is well formed and its quote is at its offsets (what the
    /// general path calls an unchanged placement); `None` sends the file to the general path.
    fn place(&mut self, s: &SpanIn<'_>) -> Option<Span> {
        if s.start >= s.end {
            return None;
        }
        let start = self.article.char_to_byte(s.start)?;
        let end = self.article.char_to_byte(s.end)?;
        // The text between two code-point offsets has end - start code points, so an equal
        // quote also passes the general path's length check.
        if self.article.text.get(start..end)? != s.exact {
            return None;
        }
        self.unchanged += 1;
        Some(Span { start, end })
    }

    /// Checks the fields shared by every kind: a valid, unused id, score and review time.
    fn common(&mut self, kind: ItemKind, id: &str, origin: &Origin, review: &Review) -> Option<()> {
        let ok = is_valid_id(kind, id)
            && unit(origin.score)
            && review.at.as_deref().is_none_or(is_rfc3339)
            && self.ids.insert(id.to_owned());
        ok.then_some(())
    }
}

fn unit(x: Option<f64>) -> bool {
    x.is_none_or(|v| (0.0..=1.0).contains(&v))
}

/// Reads `src` when it is a valid file of this version whose spans are all where it says;
/// `None` otherwise (nothing is reported: the general path reads it again and says why). A
/// file of an older version takes the general path, which refuses fields its version lacks.
pub(super) fn parse(src: &str, article: &Article) -> Option<Loaded> {
    let file: FileIn<'_> = serde_json::from_str(src).ok()?;
    let doc = &file.document;
    if file.format != FORMAT
        || file.version != VERSION
        || doc.offset_unit != OFFSET_UNIT
        || !is_sha256_hex(&doc.text_sha256)
        || !file.orphans.iter().all(Value::is_object)
    {
        return None;
    }
    let item_count =
        file.entities.len() + file.sources.len() + file.claims.len() + file.attributions.len();
    let mut placer = Placer {
        article,
        unchanged: 0,
        ids: HashSet::with_capacity(item_count),
    };
    let mut set = AnnotationSet::default();
    set.entities.reserve_exact(file.entities.len());
    for r in file.entities {
        placer.common(ItemKind::Entity, &r.id, &r.origin, &r.review)?;
        let span = placer.place(&r.span)?;
        set.entities.push(r.into_model(span));
    }
    set.sources.reserve_exact(file.sources.len());
    for r in file.sources {
        placer.common(ItemKind::Source, &r.id, &r.origin, &r.review)?;
        if r.entity_id
            .as_deref()
            .is_some_and(|e| !is_valid_id(ItemKind::Entity, e))
            || r.same_as
                .as_deref()
                .is_some_and(|s| !is_valid_id(ItemKind::Source, s))
        {
            return None;
        }
        let span = match &r.span {
            Some(s) => Some(placer.place(s)?),
            None => None,
        };
        set.sources.push(r.into_model(span));
    }
    set.claims.reserve_exact(file.claims.len());
    for r in file.claims {
        placer.common(ItemKind::Claim, &r.id, &r.origin, &r.review)?;
        if !unit(r.verification.confidence) || !r.verification.at.as_deref().is_none_or(is_rfc3339)
        {
            return None;
        }
        let span = placer.place(&r.span)?;
        set.claims.push(r.into_model(span));
    }
    set.attributions.reserve_exact(file.attributions.len());
    for r in file.attributions {
        placer.common(ItemKind::Attribution, &r.id, &r.origin, &r.review)?;
        if !is_valid_id(ItemKind::Claim, &r.claim_id)
            || !is_valid_id(ItemKind::Source, &r.source_id)
            || !r.via.iter().all(|v| is_valid_id(ItemKind::Source, v))
        {
            return None;
        }
        let cue = match &r.cue {
            Some(c) => Some(placer.place(&c.span)?),
            None => None,
        };
        set.attributions.push(r.into_model(cue));
    }
    let mut report = AnchorReport {
        unchanged: placer.unchanged,
        ..AnchorReport::default()
    };
    if !file.orphans.is_empty() {
        let spans = all_spans(&[], &file.orphans);
        restore_orphans(
            file.orphans,
            &Anchorer::indexed(article, &spans),
            &mut set,
            &mut report,
        );
    }
    set.sort();
    let text_changed = file.document.text_sha256 != article.sha256();
    Some(Loaded {
        document: file.document,
        set,
        anchor: report,
        text_changed,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::{ReadError, parse_general, to_json};
    use super::*;
    use crate::annotate::model::{Attribution, Claim, Entity, Item, Label, ReviewStatus, Source};

    const WIKINEWS: &str = include_str!("../../../tests/data/wikinews-ar.txt");
    const SAMPLE_FILE: &str =
        include_str!("../../../tests/data/annotate/sample-article.isnad.json");
    const INVALID_SYNTAX: &str =
        include_str!("../../../tests/data/annotate/invalid-syntax.isnad.json");
    const INVALID_VALUES: &str =
        include_str!("../../../tests/data/annotate/invalid-values.isnad.json");

    /// Every kind of item, with notes and quotes that need escaping, corrections, scores,
    /// optional spans absent and present.
    fn generated(article: &Article) -> AnnotationSet {
        let mut set = AnnotationSet::default();
        let mut ids = HashSet::new();
        let entities: Vec<Entity> = crate::extract::suggest_entities(article)
            .into_iter()
            .filter(|e| ids.insert(e.id.clone()))
            .collect();
        assert!(entities.len() > 1000, "{}", entities.len());
        for (i, mut e) in entities.into_iter().enumerate() {
            match i % 4 {
                0 => e.review.set_status(ReviewStatus::Accepted, "bench"),
                1 => e.relabel(Label::parse("MISC").unwrap(), "analyst"),
                2 => e.note = format!("line one\nline \"two\" \\ {i}"),
                _ => {}
            }
            if i % 5 == 0 {
                let mut s = Source::by_human(article, e.span.range(), "analyst").unwrap();
                s.id = set.fresh_id(ItemKind::Source);
                s.entity_id = Some(e.id.clone());
                s.name = format!("مصدر {i}");
                if i % 10 == 0 {
                    s.span = None;
                }
                let mut c = Claim::by_human(
                    article,
                    e.span.start..article.text.len().min(e.span.end + 40),
                    "analyst",
                )
                .or_else(|_| Claim::by_human(article, e.span.range(), "analyst"))
                .unwrap();
                c.id = set.fresh_id(ItemKind::Claim);
                c.verification.confidence = Some(0.25);
                let cue = (i % 3 == 0).then_some(e.span);
                let mut a = Attribution::by_human(&c.id, &s.id, cue, "analyst");
                a.id = set.fresh_id(ItemKind::Attribution);
                set.upsert(Item::Source(s));
                set.upsert(Item::Claim(c));
                set.upsert(Item::Attribution(a));
            }
            set.upsert(Item::Entity(e));
        }
        set
    }

    /// Asserts that the fast path reads `src` and gives what the general path gives.
    fn fast_equals_general(src: &str, article: &Article) -> Loaded {
        let general = parse_general(src, "f.json", article, &Default::default()).unwrap();
        let fast = parse(src, article).expect("the fast path should read this file");
        assert_eq!(fast, general);
        fast
    }

    /// Asserts that the fast path declines `src` and that `document::parse` gives exactly what
    /// the general path gives.
    fn takes_general_path(src: &str, article: &Article) -> Result<Loaded, ReadError> {
        assert!(
            parse(src, article).is_none(),
            "the fast path took this file"
        );
        let general = parse_general(src, "f.json", article, &Default::default());
        assert_eq!(super::super::parse(src, "f.json", article), general);
        general
    }

    fn big_file() -> (Article, AnnotationSet, String) {
        let article = Article::from_text("w.txt", WIKINEWS.to_owned());
        let set = generated(&article);
        let doc = DocumentInfo::for_article(&article, "w.txt".into());
        let text = to_json(&doc, &set, &article);
        (article, set, text)
    }

    #[test]
    fn large_generated_file_reads_the_same_on_both_paths() {
        let (article, set, text) = big_file();
        let loaded = fast_equals_general(&text, &article);
        assert_eq!(loaded.set, set);
        assert!(!loaded.text_changed);
        let spans = set.entities.len()
            + set.sources.iter().filter(|s| s.span.is_some()).count()
            + set.claims.len()
            + set.attributions.iter().filter(|a| a.cue.is_some()).count();
        assert_eq!(loaded.anchor.unchanged, spans);
    }

    #[test]
    fn the_sample_file_reads_the_same_on_both_paths() {
        let article = Article::sample();
        let loaded = fast_equals_general(SAMPLE_FILE, &article);
        assert!(!loaded.set.entities.is_empty() && !loaded.set.attributions.is_empty());
    }

    #[test]
    fn text_grown_at_the_end_keeps_the_fast_path_and_reports_the_change() {
        let (article, set, text) = big_file();
        let grown = Article::from_text("w.txt", format!("{}\nخاتمة.", article.text));
        let loaded = fast_equals_general(&text, &grown);
        assert!(loaded.text_changed);
        assert_eq!(loaded.set, set);
    }

    #[test]
    fn orphans_in_the_file_are_restored_or_kept_as_on_the_general_path() {
        let (article, mut set, _) = big_file();
        let gone = set.entities.remove(3);
        let mut one = AnnotationSet::default();
        one.upsert(Item::Entity(gone.clone()));
        let doc = DocumentInfo::for_article(&article, "w.txt".into());
        let record: Value = serde_json::from_str(&to_json(&doc, &one, &article)).unwrap();
        let mut lost = record["entities"][0].clone();
        lost["id"] = "e-abcdef".into();
        lost["span"]["exact"] = "نص غير موجود في المقال".into();
        set.orphans = vec![record["entities"][0].clone(), lost.clone()];
        let loaded = fast_equals_general(&to_json(&doc, &set, &article), &article);
        assert_eq!(loaded.anchor.restored, 1);
        assert_eq!(loaded.set.orphans, vec![lost]);
        assert!(loaded.set.entities.contains(&gone));
    }

    #[test]
    fn moved_text_is_reanchored_on_the_general_path() {
        let (article, set, text) = big_file();
        let moved = Article::from_text("w.txt", format!("مقدمة جديدة.\n{}", article.text));
        let loaded = takes_general_path(&text, &moved).unwrap();
        assert!(loaded.text_changed);
        assert!(loaded.anchor.moved > 0, "{:?}", loaded.anchor);
        assert_eq!(loaded.set.len() + loaded.set.orphans.len(), set.len());
    }

    #[test]
    fn a_changed_quote_orphans_the_item_on_the_general_path() {
        let article = Article::sample();
        let src = SAMPLE_FILE.replacen(
            "\"exact\": \"نور الدين البابا\"",
            "\"exact\": \"نور الدين الباشا\"",
            1,
        );
        assert_ne!(src, SAMPLE_FILE);
        let loaded = takes_general_path(&src, &article).unwrap();
        assert_eq!(loaded.anchor.orphaned, 1);
        assert_eq!(loaded.set.orphans.len(), 1);
    }

    #[test]
    fn bad_files_take_the_general_path_with_the_same_errors() {
        let article = Article::sample();
        let sample = SAMPLE_FILE;
        let bad = [
            INVALID_SYNTAX.to_owned(),
            INVALID_VALUES.to_owned(),
            sample.replacen("\"note\": \"\"", "\"note\": \"\", \"extra\": 1", 1),
            sample.replacen("\"orphans\": []", "\"orphans\": [], \"extra\": 1", 1),
            sample.replacen("\"version\": 2", "\"version\": 3", 1),
            sample.replacen("\"version\": 2", "\"version\": 2.0", 1),
            sample.replacen("\"version\": 2", "\"version\": 1", 1),
            sample.replacen("\"via\": []", "\"via\": [\"c-0d93e1\"]", 1),
            sample.replacen("\"stance\": \"asserts\"", "\"stance\": \"says\"", 1),
            sample.replacen("\"e-0a0b0c\"", "\"e-4f1c9a\"", 1),
            sample.replacen("\"e-4f1c9a\"", "\"e-4f1c9\"", 1),
            sample.replacen("\"score\": 0.8", "\"score\": 1.5", 1),
            sample.replacen(
                "\"at\": \"2026-11-29T17:00:00Z\"",
                "\"at\": \"yesterday\"",
                1,
            ),
            sample.replacen(
                "\"offset_unit\": \"codepoint\"",
                "\"offset_unit\": \"byte\"",
                1,
            ),
            sample.replacen("\"orphans\": []", "\"orphans\": [1]", 1),
            sample.replacen(
                "\"format\": \"isnad/annotations\"",
                "\"format\": \"other\"",
                1,
            ),
        ];
        for src in &bad {
            assert_ne!(src, sample);
            takes_general_path(src, &article).unwrap_err();
        }
        assert!(matches!(
            takes_general_path(&bad[4], &article),
            Err(ReadError::NewerVersion { version: 3, .. })
        ));
    }

    #[test]
    fn a_nullable_field_left_out_takes_the_general_path() {
        let (article, set, _) = big_file();
        let doc = DocumentInfo::for_article(&article, "w.txt".into());
        let mut value: Value = serde_json::from_str(&to_json(&doc, &set, &article)).unwrap();
        for (list, field) in [
            ("sources", "entity_id"),
            ("sources", "span"),
            ("attributions", "cue"),
        ] {
            let mut v = value.clone();
            v[list][0].as_object_mut().unwrap().remove(field).unwrap();
            takes_general_path(&serde_json::to_string(&v).unwrap(), &article).unwrap_err();
        }
        value["claims"][0]["verification"]
            .as_object_mut()
            .unwrap()
            .remove("confidence")
            .unwrap();
        takes_general_path(&serde_json::to_string(&value).unwrap(), &article).unwrap_err();
    }
}

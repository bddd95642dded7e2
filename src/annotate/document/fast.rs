//! The fast path of reading an annotation file: the file deserialised straight into typed
//! records (quotes borrowed from the source text) and placed, without building a JSON tree.
//! It accepts only a valid file of the current version and gives what the general path gives,
//! re-anchoring and orphans included (100,000 spans re-anchored: the JSON tree alone cost
//! more than placing them); on anything else it gives up and the general path, with its
//! positioned errors, reads the file.

use std::borrow::Cow;
use std::collections::HashSet;

use serde::Deserialize;
use serde_json::Value;

use crate::article::Article;

use rayon::prelude::*;
use serde_json::value::RawValue;

use super::super::anchor::{AnchorReport, Anchorer, Placement, StoredSpan, at_offsets};
use super::super::model::{AnnotationSet, FileSpan, ItemKind, Origin, Review, Span, is_valid_id};
use super::super::progress::LoadProgress;
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

/// `FileSpan` with the quote and context borrowed from the file's text.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpanIn<'a> {
    start: usize,
    end: usize,
    #[serde(borrow)]
    exact: Cow<'a, str>,
    #[serde(default, borrow)]
    prefix: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    suffix: Option<Cow<'a, str>>,
}

impl SpanIn<'_> {
    fn stored(&self) -> StoredSpan<'_> {
        StoredSpan {
            start: self.start,
            end: self.end,
            exact: &self.exact,
            prefix: self.prefix.as_deref(),
            suffix: self.suffix.as_deref(),
        }
    }
}

/// The four lists again, each item as its text in the file: read only when items cannot be
/// placed, which the general path keeps verbatim as orphans.
#[derive(Deserialize)]
struct RawLists<'a> {
    #[serde(borrow)]
    entities: Vec<&'a RawValue>,
    #[serde(borrow)]
    sources: Vec<&'a RawValue>,
    #[serde(borrow)]
    claims: Vec<&'a RawValue>,
    #[serde(borrow)]
    attributions: Vec<&'a RawValue>,
}

fn unit(x: Option<f64>) -> bool {
    x.is_none_or(|v| (0.0..=1.0).contains(&v))
}

/// True when every item passes what the general path checks beyond the records' types: valid
/// ids used once, scores in 0..=1, review and verification times, ids of what items refer to.
fn items_valid<'f>(file: &'f FileIn<'_>) -> bool {
    let count =
        file.entities.len() + file.sources.len() + file.claims.len() + file.attributions.len();
    let mut ids: HashSet<&'f str> = HashSet::with_capacity(count);
    let mut common = |kind: ItemKind, id: &'f str, origin: &Origin, review: &Review| {
        is_valid_id(kind, id)
            && unit(origin.score)
            && review.at.as_deref().is_none_or(is_rfc3339)
            && ids.insert(id)
    };
    let id_ok = |kind: ItemKind, id: Option<&str>| id.is_none_or(|id| is_valid_id(kind, id));
    file.entities
        .iter()
        .all(|r| common(ItemKind::Entity, &r.id, &r.origin, &r.review))
        && file.sources.iter().all(|r| {
            common(ItemKind::Source, &r.id, &r.origin, &r.review)
                && id_ok(ItemKind::Entity, r.entity_id.as_deref())
                && id_ok(ItemKind::Source, r.same_as.as_deref())
        })
        && file.claims.iter().all(|r| {
            common(ItemKind::Claim, &r.id, &r.origin, &r.review)
                && unit(r.verification.confidence)
                && r.verification.at.as_deref().is_none_or(is_rfc3339)
        })
        && file.attributions.iter().all(|r| {
            common(ItemKind::Attribution, &r.id, &r.origin, &r.review)
                && is_valid_id(ItemKind::Claim, &r.claim_id)
                && is_valid_id(ItemKind::Source, &r.source_id)
                && r.via.iter().all(|v| is_valid_id(ItemKind::Source, v))
        })
}

/// Where one item's span goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Placed {
    /// The item has no span (a source without one, an attribution without a cue).
    NoSpan,
    At(Span, Placement),
    /// Not found in the text: the item becomes an orphan.
    Lost,
}

/// The span of every item, one entry per item in file order (entities, sources, claims,
/// attributions).
fn item_spans<'f>(file: &'f FileIn<'_>) -> Vec<Option<StoredSpan<'f>>> {
    let entities = file.entities.iter().map(|r| Some(r.span.stored()));
    let sources = file
        .sources
        .iter()
        .map(|r| r.span.as_ref().map(SpanIn::stored));
    let claims = file.claims.iter().map(|r| Some(r.span.stored()));
    let cues = file
        .attributions
        .iter()
        .map(|r| r.cue.as_ref().map(|c| c.span.stored()));
    entities.chain(sources).chain(claims).chain(cues).collect()
}

/// Places every item's span (spread over the cores): where the file says when the quote is
/// still there, else through an [`Anchorer`] that indexed the quotes of all the others (and
/// of the file's `orphans`, which it is returned to restore).
fn place_items<'a>(
    article: &'a Article,
    spans: &[Option<StoredSpan<'_>>],
    orphans: &[FileSpan],
    progress: &LoadProgress,
) -> (Vec<Placed>, Option<Anchorer<'a>>) {
    let mut placed: Vec<Placed> = spans
        .par_iter()
        .map(|s| match s {
            None => Placed::NoSpan,
            Some(s) => match at_offsets(article, *s) {
                Some(span) => Placed::At(span, Placement::Unchanged),
                None => Placed::Lost,
            },
        })
        .inspect(|p| {
            if *p != Placed::Lost {
                progress.placed_one();
            }
        })
        .collect();
    let moved: Vec<(usize, StoredSpan<'_>)> = spans
        .iter()
        .zip(&placed)
        .enumerate()
        .filter_map(|(i, (s, p))| (*p == Placed::Lost).then_some((i, (*s)?)))
        .collect();
    if moved.is_empty() && orphans.is_empty() {
        return (placed, None);
    }
    let orphans = orphans
        .iter()
        .map(StoredSpan::from)
        .filter(|s| at_offsets(article, *s).is_none());
    let anchorer = Anchorer::indexed_moved(article, moved.iter().map(|(_, s)| *s).chain(orphans));
    let found: Vec<Placed> = moved
        .par_iter()
        .map(|(_, s)| {
            let found = anchorer
                .relocate(*s)
                .map_or(Placed::Lost, |(span, how)| Placed::At(span, how));
            progress.placed_one();
            found
        })
        .collect();
    for ((i, _), p) in moved.iter().zip(found) {
        placed[*i] = p;
    }
    (placed, Some(anchorer))
}

/// Reads `src` when it is a valid file of this version; `None` otherwise (nothing is reported:
/// the general path reads it again and says why). A file of an older version takes the
/// general path, which refuses fields its version lacks. Spans not where the file says are
/// re-anchored and items that cannot be placed become orphans, as on the general path.
pub(super) fn parse(src: &str, article: &Article, progress: &LoadProgress) -> Option<Loaded> {
    let mut file: FileIn<'_> = serde_json::from_str(src).ok()?;
    if !header_valid(&file) || !items_valid(&file) {
        return None;
    }
    let spans = item_spans(&file);
    // what the general path refuses with a position: an empty or reversed span, a quote whose
    // length is not the span's
    let well_formed =
        |s: &StoredSpan<'_>| s.start < s.end && s.exact.chars().count() == s.end - s.start;
    if !spans.iter().flatten().all(well_formed) {
        return None;
    }
    progress.set_total(spans.len());
    let orphan_spans = all_spans(&[], &file.orphans);
    let (placed, anchorer) = place_items(article, &spans, &orphan_spans, progress);
    drop(spans);
    let (mut set, mut report, lost) = take_items(&mut file, placed);
    if !lost.is_empty() {
        report.orphaned = lost.len();
        set.orphans = verbatim(src, &lost)?;
    }
    if !file.orphans.is_empty() {
        // orphans without a readable span get no anchorer from placing: they stay orphans
        let anchorer = anchorer.unwrap_or_else(|| Anchorer::new(article));
        restore_orphans(file.orphans, &anchorer, &mut set, &mut report);
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

/// True when the format, version, document header and orphans are what the general path
/// accepts without a word for a file of this version.
fn header_valid(file: &FileIn<'_>) -> bool {
    let doc = &file.document;
    file.format == FORMAT
        && file.version == VERSION
        && doc.offset_unit == OFFSET_UNIT
        && is_sha256_hex(&doc.text_sha256)
        && file.orphans.iter().all(Value::is_object)
}

/// The items of `file`'s four lists (taken out of it) as a set, each at the span `placed`
/// gives it (one entry per item in file order), how they were placed, and (kind, index) of
/// those that could not be.
fn take_items(
    file: &mut FileIn<'_>,
    placed: Vec<Placed>,
) -> (AnnotationSet, AnchorReport, Vec<(ItemKind, usize)>) {
    let mut set = AnnotationSet::default();
    let mut report = AnchorReport::default();
    let mut lost = Vec::new();
    let mut placed = placed.into_iter();
    let mut next = |kind: ItemKind, i: usize, report: &mut AnchorReport| match placed.next() {
        Some(Placed::At(span, how)) => {
            report.add(how);
            Some(Some(span))
        }
        Some(Placed::NoSpan) => Some(None),
        Some(Placed::Lost) | None => {
            lost.push((kind, i));
            None
        }
    };
    set.entities.reserve_exact(file.entities.len());
    for (i, r) in std::mem::take(&mut file.entities).into_iter().enumerate() {
        if let Some(Some(span)) = next(ItemKind::Entity, i, &mut report) {
            set.entities.push(r.into_model(span));
        }
    }
    set.sources.reserve_exact(file.sources.len());
    for (i, r) in std::mem::take(&mut file.sources).into_iter().enumerate() {
        if let Some(span) = next(ItemKind::Source, i, &mut report) {
            set.sources.push(r.into_model(span));
        }
    }
    set.claims.reserve_exact(file.claims.len());
    for (i, r) in std::mem::take(&mut file.claims).into_iter().enumerate() {
        if let Some(Some(span)) = next(ItemKind::Claim, i, &mut report) {
            set.claims.push(r.into_model(span));
        }
    }
    set.attributions.reserve_exact(file.attributions.len());
    for (i, r) in std::mem::take(&mut file.attributions)
        .into_iter()
        .enumerate()
    {
        if let Some(cue) = next(ItemKind::Attribution, i, &mut report) {
            set.attributions.push(r.into_model(cue));
        }
    }
    (set, report, lost)
}

/// The items at `wanted` (kind, index in its list), each as the JSON value the file holds.
fn verbatim(src: &str, wanted: &[(ItemKind, usize)]) -> Option<Vec<Value>> {
    let lists: RawLists<'_> = serde_json::from_str(src).ok()?;
    wanted
        .iter()
        .map(|&(kind, i)| {
            let list = match kind {
                ItemKind::Entity => &lists.entities,
                ItemKind::Source => &lists.sources,
                ItemKind::Claim => &lists.claims,
                ItemKind::Attribution => &lists.attributions,
            };
            serde_json::from_str(list.get(i)?.get()).ok()
        })
        .collect()
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
        let fast = parse(src, article, &LoadProgress::default())
            .expect("the fast path should read this file");
        assert_eq!(fast, general);
        fast
    }

    /// Asserts that the fast path declines `src` and that `document::parse` gives exactly what
    /// the general path gives.
    fn takes_general_path(src: &str, article: &Article) -> Result<Loaded, ReadError> {
        assert!(
            parse(src, article, &LoadProgress::default()).is_none(),
            "the fast path took this file"
        );
        let general = parse_general(src, "f.json", article, &Default::default());
        assert_eq!(super::super::parse(src, "f.json", article), general);
        general
    }

    fn big_file() -> (Article, AnnotationSet, String) {
        let article = Article::from_text("w.txt", WIKINEWS.to_owned());
        let set = generated(&article);
        assert!(set.entities.len() > 1000, "{}", set.entities.len());
        let doc = DocumentInfo::for_article(&article, "w.txt".into());
        let text = to_json(&doc, &set, &article);
        (article, set, text)
    }

    /// One change to an article's text, at code-point positions taken modulo its length.
    #[derive(Clone, Debug)]
    enum Change {
        Insert(usize, &'static str),
        Delete(usize, usize),
        /// Harakat and tatweel dropped from a stretch (only the tolerant match finds it then).
        StripMarks(usize, usize),
        /// A stretch copied elsewhere, so quotes occur twice with the same context.
        Copy(usize, usize, usize),
    }

    fn change() -> impl Strategy<Value = Change> {
        let at = 0usize..100_000;
        let len = 1usize..400;
        prop_oneof![
            (
                at.clone(),
                prop::sample::select(vec!["مقدمة جديدة.\n", "و", " ", "قال "])
            )
                .prop_map(|(a, t)| Change::Insert(a, t)),
            (at.clone(), len.clone()).prop_map(|(a, n)| Change::Delete(a, n)),
            (at.clone(), len.clone()).prop_map(|(a, n)| Change::StripMarks(a, n)),
            (at.clone(), len, at).prop_map(|(a, n, to)| Change::Copy(a, n, to)),
        ]
    }

    fn apply(text: &str, change: &Change) -> String {
        let mut chars: Vec<char> = text.chars().collect();
        let len = chars.len().max(1);
        match *change {
            Change::Insert(at, t) => {
                let at = at % len;
                chars.splice(at..at, t.chars());
            }
            Change::Delete(at, n) => {
                let at = at % len;
                chars.drain(at..(at + n).min(chars.len()));
            }
            Change::StripMarks(at, n) => {
                let at = at % len;
                let end = (at + n).min(chars.len());
                let kept: Vec<char> = chars[at..end]
                    .iter()
                    .copied()
                    .filter(|c| !matches!(c, '\u{064B}'..='\u{0652}' | '\u{0640}'))
                    .collect();
                chars.splice(at..end, kept);
            }
            Change::Copy(at, n, to) => {
                let at = at % len;
                let piece: Vec<char> = chars[at..(at + n).min(chars.len())].to_vec();
                let to = to % len;
                chars.splice(to..to, piece);
            }
        }
        chars.into_iter().collect()
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// Whatever happened to the text, the fast path reads the file exactly as the general
        /// path does: every item where the general path re-anchors it (moved, tolerant),
        /// the same orphans kept verbatim, the same counts.
        #[test]
        fn any_edit_reads_the_same_on_both_paths(
            first in 0usize..60,
            changes in prop::collection::vec(change(), 1..5),
        ) {
            let paragraphs: Vec<&str> = WIKINEWS.lines().skip(first).take(12).collect();
            let article = Article::from_text("w.txt", paragraphs.join("\n"));
            let set = generated(&article);
            let doc = DocumentInfo::for_article(&article, "w.txt".into());
            let text = to_json(&doc, &set, &article);
            let edited = changes.iter().fold(article.text.clone(), |t, c| apply(&t, c));
            let edited = Article::from_text("w.txt", edited);
            let general = parse_general(&text, "f.json", &edited, &Default::default()).unwrap();
            let fast = parse(&text, &edited, &LoadProgress::default());
            prop_assert_eq!(fast.as_ref(), Some(&general));
            prop_assert_eq!(general.set.len() + general.set.orphans.len(), set.len());
        }
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
    fn moved_text_is_reanchored_as_on_the_general_path() {
        let (article, set, text) = big_file();
        let moved = Article::from_text("w.txt", format!("مقدمة جديدة.\n{}", article.text));
        let loaded = fast_equals_general(&text, &moved);
        assert!(loaded.text_changed);
        assert!(loaded.anchor.moved > 0, "{:?}", loaded.anchor);
        assert_eq!(loaded.set.len() + loaded.set.orphans.len(), set.len());
    }

    #[test]
    fn a_changed_quote_orphans_the_item_as_on_the_general_path() {
        let article = Article::sample();
        let src = SAMPLE_FILE.replacen(
            "\"exact\": \"نور الدين البابا\"",
            "\"exact\": \"نور الدين الباشا\"",
            1,
        );
        assert_ne!(src, SAMPLE_FILE);
        let loaded = fast_equals_general(&src, &article);
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

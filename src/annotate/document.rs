//! The annotation file format (`isnad/annotations`, version 2; version 1 is read): writing an annotation set as
//! stable JSON, and reading it back with errors that name FILE:LINE:COLUMN. Writing converts the
//! in-memory byte spans to code points plus quotes; reading places every span in the current
//! article (re-anchoring when the text changed) and moves what cannot be placed to `orphans`.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::article::Article;

mod check;
mod fast;
mod records;

pub use check::check_structure;

use super::anchor::{AnchorReport, Anchorer, Placement};
use super::jsonpos::{self, Step};
use super::model::{AnnotationSet, FileSpan, ItemKind, Span, kind_of_id};
use super::progress::LoadProgress;
use check::{check_item, is_rfc3339, is_sha256_hex};
use records::{AttributionRecord, ClaimRecord, EntityRecord, SourceRecord};

/// The `format` value of every annotation file.
pub const FORMAT: &str = "isnad/annotations";
/// The newest format version this program reads and the one it writes.
pub const VERSION: u64 = 2;
/// The oldest version read; such a file is upgraded to [`VERSION`] by its first save (the
/// `.bak` the save leaves keeps the old file).
pub const OLDEST_VERSION: u64 = 1;
/// The only offset unit written.
pub const OFFSET_UNIT: &str = "codepoint";

/// The `document` header: which text the offsets refer to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentInfo {
    /// The article's path, relative to the annotation file's folder when it is beside it.
    pub path: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub language: String,
    /// Length of the text in code points.
    pub length: usize,
    pub text_sha256: String,
    pub offset_unit: String,
    /// The article's own outlet (version 2): the last hand of every chain, the root of the
    /// article's isnad. Written when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
}

impl DocumentInfo {
    /// A header for `article`, with `path` as given; title and url from the article's metadata.
    pub fn for_article(article: &Article, path: String) -> Self {
        Self {
            path,
            title: article.title.clone(),
            url: article.url.clone(),
            language: "ar".to_owned(),
            length: article.len_chars(),
            text_sha256: article.sha256(),
            offset_unit: OFFSET_UNIT.to_owned(),
            outlet: article.outlet.clone(),
        }
    }

    /// The same header brought up to date with `article` (length and hash); a title or url the
    /// file lacks is taken from the article's metadata, one it has is kept.
    pub fn refreshed(&self, article: &Article) -> Self {
        Self {
            title: self.title.clone().or_else(|| article.title.clone()),
            url: self.url.clone().or_else(|| article.url.clone()),
            outlet: self.outlet.clone().or_else(|| article.outlet.clone()),
            length: article.len_chars(),
            text_sha256: article.sha256(),
            ..self.clone()
        }
    }
}

/// The whole file, in its fixed key order.
#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u64,
    document: &'a DocumentInfo,
    entities: Vec<EntityRecord>,
    sources: Vec<SourceRecord>,
    claims: Vec<ClaimRecord>,
    attributions: Vec<AttributionRecord>,
    orphans: &'a [Value],
}

/// Serialises `set` for `article`: items in file order, 2-space indent, trailing newline.
pub fn to_json(document: &DocumentInfo, set: &AnnotationSet, article: &Article) -> String {
    // The store keeps its set sorted; copying 10,000 items just to sort them again is avoided.
    let sorted;
    let set = if set.is_sorted() {
        set
    } else {
        let mut copy = set.clone();
        copy.sort();
        sorted = copy;
        &sorted
    };
    let out = FileOut {
        format: FORMAT,
        version: VERSION,
        document,
        entities: set
            .entities
            .iter()
            .map(|x| EntityRecord::from_model(x, article))
            .collect(),
        sources: set
            .sources
            .iter()
            .map(|x| SourceRecord::from_model(x, article))
            .collect(),
        claims: set
            .claims
            .iter()
            .map(|x| ClaimRecord::from_model(x, article))
            .collect(),
        attributions: set
            .attributions
            .iter()
            .map(|x| AttributionRecord::from_model(x, article))
            .collect(),
        orphans: &set.orphans,
    };
    // Serialising plain data into a String cannot fail; fall back to an empty object rather
    // than panic should serde_json ever disagree.
    let mut text = serde_json::to_string_pretty(&out).unwrap_or_else(|_| "{}".to_owned());
    text.push('\n');
    text
}

/// A problem found while reading a file, with its position.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct FileError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// JSON pointer of the offending value ("" for syntax errors and the root).
    pub pointer: String,
}

/// Why a file could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// Not JSON, or not this format: the file must not be overwritten.
    #[error("{0}")]
    Invalid(FileError),
    /// A newer format version than this program knows (opened read-only).
    #[error(
        "{file}: annotation format version {version} is newer than this isnad understands ({VERSION}); opened read-only"
    )]
    NewerVersion { file: String, version: u64 },
}

/// A file read and placed in an article.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub document: DocumentInfo,
    pub set: AnnotationSet,
    pub anchor: AnchorReport,
    /// True when the file's `text_sha256` is not the article's.
    pub text_changed: bool,
}

/// A problem at the JSON path `path` of `src`, located as line and column.
pub(crate) fn error_at(src: &str, file: &str, path: &[Step], message: String) -> FileError {
    let (line, column) = jsonpos::line_col(src, jsonpos::locate(src, path));
    FileError {
        file: file.to_owned(),
        line,
        column,
        message,
        pointer: jsonpos::pointer_string(path),
    }
}

/// `src` without a leading UTF-8 byte order mark, which some Windows editors write: the file
/// is valid all the same (JSON forbids the mark, but it says nothing about the content).
fn without_bom(src: &str) -> &str {
    src.strip_prefix('\u{feff}').unwrap_or(src)
}

/// Reads a file's text and places it in `article`. Items whose spans cannot be placed go to
/// `orphans` verbatim; orphans from the file that fit again are restored.
pub fn parse(src: &str, file: &str, article: &Article) -> Result<Loaded, ReadError> {
    parse_reporting(src, file, article, &LoadProgress::default())
}

/// [`parse`], counting the items placed in `progress` as it goes (re-anchoring 100,000 items
/// takes long enough to show).
pub fn parse_reporting(
    src: &str,
    file: &str,
    article: &Article,
    progress: &LoadProgress,
) -> Result<Loaded, ReadError> {
    let src = without_bom(src);
    // The usual file (valid, every span where it says) is read straight into typed records;
    // anything else — an error to report, a span to re-anchor — takes the general path.
    match fast::parse(src, article, progress) {
        Some(loaded) => Ok(loaded),
        None => parse_general(src, file, article, progress),
    }
}

/// [`parse`] through the JSON tree: every check with its position, re-anchoring and orphans.
pub(crate) fn parse_general(
    src: &str,
    file: &str,
    article: &Article,
    progress: &LoadProgress,
) -> Result<Loaded, ReadError> {
    let mut root = check_structure(src, file).map_err(|mut problems| problems.remove(0))?;
    let (lists, orphans) = take_lists(&mut root);
    let bad =
        |path: &[Step], message: String| ReadError::Invalid(error_at(src, file, path, message));
    let document = DocumentInfo::deserialize(&root["document"])
        .map_err(|e| bad(&["document".into()], e.to_string()))?;
    let text_changed = document.text_sha256 != article.sha256();
    progress.set_total(lists.iter().map(|(_, items)| items.len()).sum());
    let spans = all_spans(&lists, &orphans);
    let anchorer = Anchorer::indexed(article, &spans);
    let mut set = AnnotationSet::default();
    let mut report = AnchorReport::default();
    for (kind, items) in lists {
        decode_list(kind, items, &anchorer, progress, &mut set, &mut report)
            .map_err(|(i, e)| bad(&[kind.key().into(), Step::Index(i)], e))?;
    }
    restore_orphans(orphans, &anchorer, &mut set, &mut report);
    set.sort();
    Ok(Loaded {
        document,
        set,
        anchor: report,
        text_changed,
    })
}

/// The four item lists and the orphans of a checked file, moved out of the tree rather than
/// copied (10,000 items are 10,000 maps).
fn take_lists(root: &mut Value) -> (Vec<(ItemKind, Vec<Value>)>, Vec<Value>) {
    let mut take_list = |key: &str| match root.get_mut(key).map(Value::take) {
        Some(Value::Array(items)) => items,
        _ => Vec::new(),
    };
    let lists = ItemKind::ALL
        .into_iter()
        .map(|kind| (kind, take_list(kind.key())))
        .collect();
    let orphans = take_list("orphans");
    (lists, orphans)
}

/// Places and decodes the items of one list into `set`, those that cannot be placed into its
/// orphans (counted in `report`); the first item that cannot be decoded is the error, with
/// its index in the list.
fn decode_list(
    kind: ItemKind,
    items: Vec<Value>,
    anchorer: &Anchorer<'_>,
    progress: &LoadProgress,
    set: &mut AnnotationSet,
    report: &mut AnchorReport,
) -> Result<(), (usize, String)> {
    // Items are placed and decoded independently: spread over the cores, then taken in file
    // order (so the first error reported is the first in the file, as before).
    let outcomes: Vec<Result<Decoded, String>> = items
        .into_par_iter()
        .map(|raw| {
            let mut placements = AnchorReport::default();
            let decoded = decode_one(kind, &raw, anchorer, &mut placements);
            progress.placed_one();
            Ok(match decoded? {
                Some(one) => Decoded::Placed(one, placements),
                None => Decoded::Orphan(raw),
            })
        })
        .collect();
    match kind {
        ItemKind::Entity => set.entities.reserve(outcomes.len()),
        ItemKind::Source => set.sources.reserve(outcomes.len()),
        ItemKind::Claim => set.claims.reserve(outcomes.len()),
        ItemKind::Attribution => set.attributions.reserve(outcomes.len()),
    }
    for (i, outcome) in outcomes.into_iter().enumerate() {
        match outcome.map_err(|e| (i, e))? {
            Decoded::Orphan(raw) => {
                report.orphaned += 1;
                set.orphans.push(raw);
            }
            Decoded::Placed(one, placements) => {
                report.unchanged += placements.unchanged;
                report.moved += placements.moved;
                report.tolerant += placements.tolerant;
                set.entities.extend(one.entities);
                set.sources.extend(one.sources);
                set.claims.extend(one.claims);
                set.attributions.extend(one.attributions);
            }
        }
    }
    Ok(())
}

/// The spans of every item of `lists` and of the `orphans` (those that can be read), to index
/// the quotes of the ones re-anchoring will search for.
pub(super) fn all_spans(lists: &[(ItemKind, Vec<Value>)], orphans: &[Value]) -> Vec<FileSpan> {
    let orphans = orphans.par_iter().filter_map(|raw| {
        let kind = raw.get("id").and_then(Value::as_str).and_then(kind_of_id)?;
        spans_of(kind, raw).ok()
    });
    lists
        .par_iter()
        .flat_map(|(kind, items)| items.par_iter().filter_map(|raw| spans_of(*kind, raw).ok()))
        .chain(orphans)
        .flatten()
        .collect()
}

/// Puts the file's orphans that fit the text again back into `set` (counted in `report`);
/// the rest stay orphans, verbatim.
fn restore_orphans(
    orphans: Vec<Value>,
    anchorer: &Anchorer<'_>,
    set: &mut AnnotationSet,
    report: &mut AnchorReport,
) {
    for raw in orphans {
        let kind = raw.get("id").and_then(Value::as_str).and_then(kind_of_id);
        let restorable = kind.is_some_and(|k| {
            check_item(k, &raw, VERSION).is_ok()
                && !raw
                    .get("id")
                    .and_then(Value::as_str)
                    .is_some_and(|id| set.contains(id))
                && matches!(
                    place_item(k, &raw, anchorer, &mut AnchorReport::default()),
                    Ok(Some(()))
                )
        });
        match kind {
            Some(k) if restorable && decode_into(k, &raw, anchorer, set).is_ok() => {
                report.restored += 1;
            }
            _ => set.orphans.push(raw),
        }
    }
}

/// One item of the file after placing: decoded (a set holding just it, and how its spans were
/// placed), or kept verbatim as an orphan.
enum Decoded {
    Placed(AnnotationSet, AnchorReport),
    Orphan(Value),
}

fn spans_of(kind: ItemKind, raw: &Value) -> Result<Vec<FileSpan>, String> {
    let get = |v: Option<&Value>| -> Result<Option<FileSpan>, String> {
        match v {
            None | Some(Value::Null) => Ok(None),
            Some(v) => FileSpan::deserialize(v)
                .map(Some)
                .map_err(|e| e.to_string()),
        }
    };
    let spans = match kind {
        ItemKind::Entity | ItemKind::Source | ItemKind::Claim => get(raw.get("span"))?,
        ItemKind::Attribution => get(raw.get("cue").and_then(|c| c.get("span")))?,
    };
    Ok(spans.into_iter().collect())
}

/// `Ok(Some(()))` when every span of the item can be placed, `Ok(None)` when one cannot.
fn place_item(
    kind: ItemKind,
    raw: &Value,
    anchorer: &Anchorer<'_>,
    report: &mut AnchorReport,
) -> Result<Option<()>, String> {
    let mut placements = Vec::new();
    for s in spans_of(kind, raw)? {
        match anchorer.place(&s) {
            Some((_, p)) => placements.push(p),
            None => return Ok(None),
        }
    }
    placements
        .into_iter()
        .for_each(|p: Placement| report.add(p));
    Ok(Some(()))
}

/// Decodes one item of the file (deserialised once) and places its spans once; `Ok(None)`
/// when a span cannot be placed (the item becomes an orphan). Placements go to `report`.
fn decode_one(
    kind: ItemKind,
    raw: &Value,
    anchorer: &Anchorer<'_>,
    report: &mut AnchorReport,
) -> Result<Option<AnnotationSet>, String> {
    let mut placements = Vec::new();
    let mut lost = false;
    let mut place = |s: &FileSpan| match anchorer.place(s) {
        Some((span, how)) => {
            placements.push(how);
            span
        }
        None => {
            lost = true;
            Span { start: 0, end: 0 }
        }
    };
    let mut one = AnnotationSet::default();
    let set = &mut one;
    match kind {
        ItemKind::Entity => {
            let r = EntityRecord::deserialize(raw).map_err(|e| e.to_string())?;
            let span = place(&r.span);
            set.entities.push(r.into_model(span));
        }
        ItemKind::Source => {
            let r = SourceRecord::deserialize(raw).map_err(|e| e.to_string())?;
            let span = r.span.as_ref().map(&mut place);
            set.sources.push(r.into_model(span));
        }
        ItemKind::Claim => {
            let r = ClaimRecord::deserialize(raw).map_err(|e| e.to_string())?;
            let span = place(&r.span);
            set.claims.push(r.into_model(span));
        }
        ItemKind::Attribution => {
            let r = AttributionRecord::deserialize(raw).map_err(|e| e.to_string())?;
            let cue = r.cue.as_ref().map(|c| place(&c.span));
            set.attributions.push(r.into_model(cue));
        }
    }
    if lost {
        return Ok(None);
    }
    placements.into_iter().for_each(|p| report.add(p));
    Ok(Some(one))
}

/// Decodes one item of the file into `set`; an error when a span cannot be placed.
fn decode_into(
    kind: ItemKind,
    raw: &Value,
    anchorer: &Anchorer<'_>,
    set: &mut AnnotationSet,
) -> Result<(), String> {
    let one = decode_one(kind, raw, anchorer, &mut AnchorReport::default())?
        .ok_or_else(|| "a span was not found in the text".to_owned())?;
    set.entities.extend(one.entities);
    set.sources.extend(one.sources);
    set.claims.extend(one.claims);
    set.attributions.extend(one.attributions);
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::annotate::model::{Attribution, Claim, Entity, Item, Label, Origin, Source};

    fn sample_set(a: &Article) -> AnnotationSet {
        let mut set = AnnotationSet::default();
        let name = a.text.find("نور الدين البابا").unwrap();
        let e = Entity::suggested(
            a,
            name..name + "نور الدين البابا".len(),
            Label::parse("PERSON").unwrap(),
            Origin::rule("gazetteer:persons", Some(0.8)),
        )
        .unwrap();
        let s = Source::by_human(a, 9..name + "نور الدين البابا".len(), "analyst").unwrap();
        let c = Claim::by_human(
            a,
            a.char_to_byte(75).unwrap()..a.char_to_byte(100).unwrap(),
            "analyst",
        )
        .unwrap();
        let link = Attribution::by_human(&c.id, &s.id, Span::checked(a, 0..8).ok(), "analyst");
        for item in [
            Item::Entity(e),
            Item::Source(s),
            Item::Claim(c),
            Item::Attribution(link),
        ] {
            set.upsert(item);
        }
        set
    }

    #[test]
    fn writes_stable_json_and_reads_it_back() {
        let a = Article::sample();
        let set = sample_set(&a);
        let doc = DocumentInfo::for_article(&a, "sample-article.txt".into());
        let text = to_json(&doc, &set, &a);
        assert!(text.ends_with("}\n"));
        assert!(text.starts_with("{\n  \"format\": \"isnad/annotations\",\n  \"version\": 2,\n  \"document\": {\n    \"path\""));
        let loaded = parse(&text, "x.isnad.json", &a).unwrap();
        assert_eq!(loaded.set, set);
        assert!(!loaded.text_changed);
        assert_eq!(to_json(&loaded.document, &loaded.set, &a), text);
    }

    #[test]
    fn syntax_and_shape_errors_have_positions() {
        let a = Article::sample();
        let err = parse(
            "{\n  \"format\": \"isnad/annotations\",\n  \"version\": 1,,\n}",
            "f.json",
            &a,
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("f.json:3:16: "), "{err}");
        let doc = DocumentInfo::for_article(&a, "s.txt".into());
        let text = to_json(&doc, &sample_set(&a), &a).replace("\"PERSON\"", "\"person\"");
        let err = parse(&text, "f.json", &a).unwrap_err();
        let ReadError::Invalid(e) = err else {
            panic!("{err}")
        };
        assert_eq!(e.pointer, "/entities/0");
        assert_eq!(text.lines().nth(e.line - 1).unwrap().trim(), "{");
        assert!(e.message.contains("invalid label"), "{}", e.message);
    }

    #[test]
    fn newer_version_is_reported() {
        let a = Article::sample();
        let src = r#"{"format": "isnad/annotations", "version": 3}"#;
        assert_eq!(
            parse(src, "f.json", &a).unwrap_err(),
            ReadError::NewerVersion {
                file: "f.json".into(),
                version: 3
            }
        );
    }
}

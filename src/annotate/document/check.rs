//! The structure check of an annotation file, before any article is involved: JSON syntax, the
//! header (format, version, document), every item's shape and id, ids used once, orphans. Each
//! problem names its JSON path, located as FILE:LINE:COLUMN, and problems are listed in file
//! order: the header, then each list in turn, then the orphans.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::super::jsonpos::{self, Step};
use super::super::model::{FileSpan, ItemKind, Origin, is_valid_id};
use super::records::{
    AttributionRecord, ClaimRecord, EntityRecord, SourceRecord, version_2_fields,
};
use super::{
    DocumentInfo, FORMAT, FileError, OFFSET_UNIT, OLDEST_VERSION, ReadError, VERSION, error_at,
    without_bom,
};

/// The problems found in one file so far, each located in its text.
struct Problems<'s> {
    src: &'s str,
    file: &'s str,
    found: Vec<ReadError>,
}

impl Problems<'_> {
    /// A problem at the JSON path `path`.
    fn add(&mut self, path: &[Step], message: String) {
        let error = error_at(self.src, self.file, path, message);
        self.found.push(ReadError::Invalid(error));
    }
}

/// Checks structure only (no article): JSON syntax, format, version, every item's shape and
/// id, unique ids. Returns the parsed value and every problem found, in file order.
pub fn check_structure(src: &str, file: &str) -> Result<Value, Vec<ReadError>> {
    let src = without_bom(src);
    let root: Value = serde_json::from_str(src).map_err(|e| vec![syntax_error(src, file, &e)])?;
    let mut problems = Problems {
        src,
        file,
        found: Vec::new(),
    };
    let Some(obj) = root.as_object() else {
        problems.add(&[], "expected a JSON object".to_owned());
        return Err(problems.found);
    };
    let version = check_header(obj, &mut problems)?;
    check_document(obj, version, &mut problems);
    check_lists(obj, version, &mut problems);
    check_orphans(obj, &mut problems);
    if problems.found.is_empty() {
        Ok(root)
    } else {
        Err(problems.found)
    }
}

/// A JSON syntax error at serde_json's line and column (the column counted in characters).
fn syntax_error(src: &str, file: &str, e: &serde_json::Error) -> ReadError {
    let column = jsonpos::char_column(src, e.line(), e.column());
    let message = e.to_string();
    // serde_json appends " at line L column C"; the position is already in front.
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m)
        .to_owned();
    ReadError::Invalid(FileError {
        file: file.to_owned(),
        line: e.line(),
        column,
        message,
        pointer: String::new(),
    })
}

/// Checks `format`, `version` and that no top-level field is unknown; returns the version to
/// read the rest as. A newer version is the one error then reported (the file is opened
/// read-only, not refused).
fn check_header(
    obj: &Map<String, Value>,
    problems: &mut Problems<'_>,
) -> Result<u64, Vec<ReadError>> {
    match obj.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => problems.add(
            &["format".into()],
            format!("format is {other}, expected \"{FORMAT}\""),
        ),
        None => problems.add(&[], format!("missing \"format\": \"{FORMAT}\"")),
    }
    let mut version = VERSION;
    match obj.get("version").map(Value::as_u64) {
        Some(Some(v)) if (OLDEST_VERSION..=VERSION).contains(&v) => version = v,
        Some(Some(v)) if v > VERSION => {
            return Err(vec![ReadError::NewerVersion {
                file: problems.file.to_owned(),
                version: v,
            }]);
        }
        Some(_) => problems.add(
            &["version".into()],
            format!("version must be an integer from {OLDEST_VERSION} to {VERSION}"),
        ),
        None => problems.add(&[], "missing \"version\"".to_owned()),
    }
    for key in obj.keys() {
        if !matches!(
            key.as_str(),
            "format"
                | "version"
                | "document"
                | "entities"
                | "sources"
                | "claims"
                | "attributions"
                | "orphans"
        ) {
            problems.add(
                &[key.as_str().into()],
                format!("unknown top-level field {key:?}"),
            );
        }
    }
    Ok(version)
}

/// Checks the `document` header of a file of `version`.
fn check_document(obj: &Map<String, Value>, version: u64, problems: &mut Problems<'_>) {
    let Some(d) = obj.get("document") else {
        problems.add(&[], "missing \"document\"".to_owned());
        return;
    };
    match DocumentInfo::deserialize(d) {
        Ok(doc) if doc.offset_unit != OFFSET_UNIT => problems.add(
            &["document".into(), "offset_unit".into()],
            format!(
                "offset_unit is {:?}, only \"{OFFSET_UNIT}\" is supported",
                doc.offset_unit
            ),
        ),
        Ok(doc) if !is_sha256_hex(&doc.text_sha256) => problems.add(
            &["document".into(), "text_sha256".into()],
            "text_sha256 must be 64 lowercase hex digits".to_owned(),
        ),
        Ok(doc) if version < 2 && doc.outlet.is_some() => problems.add(
            &["document".into(), "outlet".into()],
            "outlet is a format version 2 field; this file says version 1".to_owned(),
        ),
        Ok(_) => {}
        Err(e) => problems.add(&["document".into()], format!("document: {e}")),
    }
}

/// Checks the four item lists of a file of `version`: each item on its own (in parallel),
/// then ids used once across all lists; problems in file order.
fn check_lists(obj: &Map<String, Value>, version: u64, problems: &mut Problems<'_>) {
    // Where each id was first seen, to say so when it turns up again.
    let mut seen = HashMap::new();
    for kind in ItemKind::ALL {
        let key = kind.key();
        let Some(list) = obj.get(key) else {
            problems.add(&[], format!("missing \"{key}\" (use [] when empty)"));
            continue;
        };
        let Some(items) = list.as_array() else {
            problems.add(&[key.into()], format!("{key} must be an array"));
            continue;
        };
        let checked: Vec<Result<(), String>> = items
            .par_iter()
            .map(|item| check_item(kind, item, version))
            .collect();
        for ((i, item), check) in items.iter().enumerate().zip(checked) {
            if let Err(message) = check {
                problems.add(&[Step::from(key), Step::Index(i)], message);
                continue;
            }
            let id = item.get("id").and_then(Value::as_str).unwrap_or("");
            if let Some((first_key, first_i)) = seen.insert(id, (key, i)) {
                let first = jsonpos::pointer_string(&[Step::from(first_key), Step::Index(first_i)]);
                problems.add(
                    &[Step::from(key), Step::Index(i), "id".into()],
                    format!("duplicate id {id} (first at {first})"),
                );
            }
        }
    }
}

/// Checks that `orphans` is an array of objects (their content is the items as once written,
/// kept verbatim).
fn check_orphans(obj: &Map<String, Value>, problems: &mut Problems<'_>) {
    match obj.get("orphans") {
        Some(Value::Array(orphans)) => {
            for (i, o) in orphans.iter().enumerate() {
                if !o.is_object() {
                    problems.add(
                        &["orphans".into(), Step::Index(i)],
                        "an orphan must be an object".to_owned(),
                    );
                }
            }
        }
        Some(_) => problems.add(&["orphans".into()], "orphans must be an array".to_owned()),
        None => problems.add(&[], "missing \"orphans\" (use [] when empty)".to_owned()),
    }
}

/// `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`, the shape the schema's pattern accepts.
pub(super) fn is_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    if b.len() < 20
        || !digits(0..4)
        || b[4] != b'-'
        || !digits(5..7)
        || b[7] != b'-'
        || !digits(8..10)
        || b[10] != b'T'
        || !digits(11..13)
        || b[13] != b':'
        || !digits(14..16)
        || b[16] != b':'
        || !digits(17..19)
    {
        return false;
    }
    let mut i = 19;
    if b[i] == b'.' {
        let frac = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if frac == 0 {
            return false;
        }
        i += 1 + frac;
    }
    match &b[i..] {
        [b'Z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => [h1, h2, m1, m2].iter().all(|c| c.is_ascii_digit()),
        _ => false,
    }
}

pub(super) fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Strict typed check of one item of a file of `version`: shape, id format, span sanity, score
/// and confidence ranges, references by id well formed. The first problem found is the one
/// reported, in this order: fields that must be present, fields of a later version,
/// timestamps, the item's own fields, its id, its score.
pub(super) fn check_item(kind: ItemKind, item: &Value, version: u64) -> Result<(), String> {
    check_fields(kind, item, version)?;
    let (id, origin) = match kind {
        ItemKind::Entity => check_entity(item)?,
        ItemKind::Source => check_source(item)?,
        ItemKind::Claim => check_claim(item)?,
        ItemKind::Attribution => check_attribution(item)?,
    };
    if !is_valid_id(kind, &id) {
        return Err(format!(
            "id {id:?} is not a valid {} id ({}- and 6 lowercase hex digits)",
            kind.noun(),
            kind.prefix()
        ));
    }
    unit(origin.score, "origin.score")
}

/// What the typed records cannot see: nullable fields the schema requires to be present
/// (serde would take a missing one as null), fields of a later version than the file's, and
/// the shape of the review and verification times.
fn check_fields(kind: ItemKind, item: &Value, version: u64) -> Result<(), String> {
    let required_nullable: &[&[&str]] = match kind {
        ItemKind::Source => &[&["span"], &["entity_id"]],
        ItemKind::Claim => &[&["verification", "confidence"]],
        ItemKind::Attribution => &[&["cue"]],
        ItemKind::Entity => &[],
    };
    let field = |path: &[&str]| {
        let mut v = Some(item);
        for key in path {
            v = v.and_then(|x| x.get(*key));
        }
        v
    };
    if let Some(path) = required_nullable.iter().find(|path| field(path).is_none()) {
        return Err(format!(
            "missing field `{}` (use null when there is none)",
            path.join(".")
        ));
    }
    if version < 2
        && let Some(path) = version_2_fields(kind)
            .iter()
            .find(|path| field(path).is_some())
    {
        return Err(format!(
            "`{}` is a format version 2 field; this file says version 1",
            path.join(".")
        ));
    }
    for what in [["verification", "at"], ["review", "at"]] {
        if let Some(at) = field(&what).and_then(Value::as_str)
            && !is_rfc3339(at)
        {
            return Err(format!(
                "{} {at:?} is not an RFC 3339 timestamp",
                what.join(".")
            ));
        }
    }
    Ok(())
}

/// An entity's record: its id and origin once its span is sane.
fn check_entity(item: &Value) -> Result<(String, Origin), String> {
    let r = EntityRecord::deserialize(item).map_err(|e| e.to_string())?;
    span_ok(&r.span, "span")?;
    Ok((r.id, r.origin))
}

/// A source's record: its id and origin once its span and the ids it names are sane.
fn check_source(item: &Value) -> Result<(String, Origin), String> {
    let r = SourceRecord::deserialize(item).map_err(|e| e.to_string())?;
    if let Some(s) = &r.span {
        span_ok(s, "span")?;
    }
    if let Some(e) = &r.entity_id
        && !is_valid_id(ItemKind::Entity, e)
    {
        return Err(format!("entity_id {e:?} is not an entity id"));
    }
    if let Some(s) = &r.same_as
        && !is_valid_id(ItemKind::Source, s)
    {
        return Err(format!("same_as {s:?} is not a source id"));
    }
    Ok((r.id, r.origin))
}

/// A claim's record: its id and origin once its span and confidence are sane.
fn check_claim(item: &Value) -> Result<(String, Origin), String> {
    let r = ClaimRecord::deserialize(item).map_err(|e| e.to_string())?;
    span_ok(&r.span, "span")?;
    unit(r.verification.confidence, "verification.confidence")?;
    Ok((r.id, r.origin))
}

/// An attribution's record: its id and origin once its cue and the ids it names are sane.
fn check_attribution(item: &Value) -> Result<(String, Origin), String> {
    let r = AttributionRecord::deserialize(item).map_err(|e| e.to_string())?;
    if let Some(c) = &r.cue {
        span_ok(&c.span, "cue.span")?;
    }
    if !is_valid_id(ItemKind::Claim, &r.claim_id) {
        return Err(format!("claim_id {:?} is not a claim id", r.claim_id));
    }
    if !is_valid_id(ItemKind::Source, &r.source_id) {
        return Err(format!("source_id {:?} is not a source id", r.source_id));
    }
    if let Some(v) = r.via.iter().find(|v| !is_valid_id(ItemKind::Source, v)) {
        return Err(format!("via {v:?} is not a source id"));
    }
    Ok((r.id, r.origin))
}

/// A span that covers something, whose quote is as long as it.
fn span_ok(s: &FileSpan, what: &str) -> Result<(), String> {
    if s.start >= s.end {
        return Err(format!(
            "{what}: start {} must be less than end {}",
            s.start, s.end
        ));
    }
    if s.exact.chars().count() != s.end - s.start {
        return Err(format!(
            "{what}: exact has {} code points but the span covers {}",
            s.exact.chars().count(),
            s.end - s.start
        ));
    }
    Ok(())
}

/// A score or confidence in 0..=1 (or none).
fn unit(x: Option<f64>, what: &str) -> Result<(), String> {
    match x {
        Some(v) if !(0.0..=1.0).contains(&v) => Err(format!("{what} {v} is outside 0..1")),
        _ => Ok(()),
    }
}

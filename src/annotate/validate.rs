//! Checking an annotation file: its structure (the same rules as the shipped JSON Schemas,
//! `assets/schema/isnad-annotations-v2.schema.json` and, for files of version 1,
//! `isnad-annotations-v1.schema.json`, by a strict typed parse), its references between items
//! (claims, sources, chains, `same_as` without cycles), and, when the
//! article is available, that every offset is in range and every quote matches the text there.
//! Each problem is a `FILE:LINE:COLUMN: message`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::article::Article;

use super::document::{self, FileError, ReadError, error_at};
use super::jsonpos::Step;
use super::model::{FileSpan, ItemKind};

/// The JSON Schema of format version 1, as shipped.
pub const SCHEMA_V1: &str = include_str!("../../assets/schema/isnad-annotations-v1.schema.json");
/// The JSON Schema of format version 2, the version isnad writes.
pub const SCHEMA_V2: &str = include_str!("../../assets/schema/isnad-annotations-v2.schema.json");

/// Every problem in `src` (named `file`), in file order. With `article`, offsets and quotes
/// are checked against its text too.
pub fn validate_text(src: &str, file: &str, article: Option<&Article>) -> Vec<String> {
    let root = match document::check_structure(src, file) {
        Ok(root) => root,
        Err(mut problems) => {
            problems.sort_by_key(|p| match p {
                ReadError::Invalid(e) => (e.line, e.column),
                ReadError::NewerVersion { .. } => (0, 0),
            });
            return problems.iter().map(ReadError::to_string).collect();
        }
    };
    let at = |path: &[Step], message: String| error_at(src, file, path, message);
    let ids = item_ids(&root);
    let mut problems = reference_problems(&root, &ids, &at);
    problems.extend(chain_problems(&root, &ids, &at));
    if let Some(article) = article {
        problems.extend(span_problems(&root, article, &at));
    }
    problems.sort_by_key(|p| (p.line, p.column));
    problems.iter().map(FileError::to_string).collect()
}

/// The items of `kind` in the file (none when the list is missing).
fn items(root: &Value, kind: ItemKind) -> &[Value] {
    root[kind.key()]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// Every id in the file, orphans' too (an attribution may point at an orphaned claim).
fn item_ids(root: &Value) -> HashSet<&str> {
    let mut ids: HashSet<&str> = HashSet::new();
    for kind in ItemKind::ALL {
        ids.extend(items(root, kind).iter().filter_map(|i| i["id"].as_str()));
    }
    for o in root["orphans"].as_array().into_iter().flatten() {
        ids.extend(o.get("id").and_then(Value::as_str));
    }
    ids
}

/// References between items that name no item in the file.
fn reference_problems(
    root: &Value,
    ids: &HashSet<&str>,
    at: &dyn Fn(&[Step], String) -> FileError,
) -> Vec<FileError> {
    let refs: [(ItemKind, &str); 3] = [
        (ItemKind::Attribution, "claim_id"),
        (ItemKind::Attribution, "source_id"),
        (ItemKind::Source, "entity_id"),
    ];
    let mut problems = Vec::new();
    for (kind, field) in refs {
        for (i, item) in items(root, kind).iter().enumerate() {
            if let Some(target) = item.get(field).and_then(Value::as_str)
                && !ids.contains(target)
            {
                problems.push(at(
                    &[kind.key().into(), Step::Index(i), field.into()],
                    format!("{field} {target} does not name an item in this file"),
                ));
            }
        }
    }
    problems
}

/// Offsets and quotes checked against the article's text: the document's length, and every
/// span (an attribution's cue span) inside the text and saying what is there.
fn span_problems(
    root: &Value,
    article: &Article,
    at: &dyn Fn(&[Step], String) -> FileError,
) -> Vec<FileError> {
    let mut problems = Vec::new();
    let len = article.len_chars();
    if root["document"]["length"].as_u64() != Some(len as u64) {
        problems.push(at(
            &["document".into(), "length".into()],
            format!(
                "length is {}, the article has {len} code points",
                root["document"]["length"]
            ),
        ));
    }
    for kind in ItemKind::ALL {
        for (i, item) in items(root, kind).iter().enumerate() {
            let mut path = vec![Step::from(kind.key()), Step::Index(i)];
            let span = if kind == ItemKind::Attribution {
                path.push("cue".into());
                item.get("cue").and_then(|c| c.get("span"))
            } else {
                item.get("span")
            };
            path.push("span".into());
            let Some(span) = span.filter(|s| !s.is_null()) else {
                continue;
            };
            let Ok(span) = serde_json::from_value::<FileSpan>(span.clone()) else {
                continue;
            };
            if span.end > len {
                path.push("end".into());
                let message = format!(
                    "end {} is past the end of the article ({len} code points)",
                    span.end
                );
                problems.push(at(&path, message));
            } else if let Err(e) = span.to_bytes(article) {
                path.push("exact".into());
                problems.push(at(&path, e.to_string()));
            }
        }
    }
    problems
}

/// Problems in the isnad fields: a `via` link that names no source, a source listed twice in one
/// chain or as its own intermediary, a `same_as` that names no source or goes round in a circle.
fn chain_problems(
    root: &Value,
    ids: &HashSet<&str>,
    at: &dyn Fn(&[Step], String) -> FileError,
) -> Vec<FileError> {
    let list = |key: &str| root[key].as_array().map(Vec::as_slice).unwrap_or_default();
    let mut problems = via_problems(list("attributions"), ids, at);
    problems.extend(same_as_problems(list("sources"), ids, at));
    problems
}

/// The `via` links of `attributions` that name no item, the attribution's own source, or a
/// source already in the chain.
fn via_problems(
    attributions: &[Value],
    ids: &HashSet<&str>,
    at: &dyn Fn(&[Step], String) -> FileError,
) -> Vec<FileError> {
    let mut problems = Vec::new();
    for (i, a) in attributions.iter().enumerate() {
        let source = a.get("source_id").and_then(Value::as_str);
        let mut seen = HashSet::new();
        for (j, link) in a
            .get("via")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let Some(link) = link.as_str() else { continue };
            let path = [
                Step::from("attributions"),
                Step::Index(i),
                "via".into(),
                Step::Index(j),
            ];
            if !ids.contains(link) {
                problems.push(at(
                    &path,
                    format!("via {link} does not name an item in this file"),
                ));
            } else if Some(link) == source {
                problems.push(at(
                    &path,
                    format!("via {link} is the attribution's own source"),
                ));
            } else if !seen.insert(link) {
                problems.push(at(
                    &path,
                    format!("via {link} is listed twice in one chain"),
                ));
            }
        }
    }
    problems
}

/// The `same_as` references of `sources` that name no item or lead back round to the source.
fn same_as_problems(
    sources: &[Value],
    ids: &HashSet<&str>,
    at: &dyn Fn(&[Step], String) -> FileError,
) -> Vec<FileError> {
    let mut problems = Vec::new();
    let same_as: std::collections::HashMap<&str, &str> = sources
        .iter()
        .filter_map(|s| Some((s.get("id")?.as_str()?, s.get("same_as")?.as_str()?)))
        .collect();
    for (i, s) in sources.iter().enumerate() {
        let (Some(id), Some(target)) = (
            s.get("id").and_then(Value::as_str),
            s.get("same_as").and_then(Value::as_str),
        ) else {
            continue;
        };
        let path = [Step::from("sources"), Step::Index(i), "same_as".into()];
        if !ids.contains(target) {
            problems.push(at(
                &path,
                format!("same_as {target} does not name an item in this file"),
            ));
            continue;
        }
        // follow the references: a circle back to this source has no named referent
        let mut next = Some(target);
        for _ in 0..=same_as.len() {
            match next {
                Some(n) if n == id => {
                    problems.push(at(&path, format!("same_as of {id} leads back to {id}")));
                    break;
                }
                Some(n) => next = same_as.get(n).copied(),
                None => break,
            }
        }
    }
    problems
}

/// The article a file belongs to: `explicit` if given, else `document.path` resolved against
/// the file's folder, if that file exists.
pub fn find_article(file: &Path, src: &str, explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    let root: Value = serde_json::from_str(src).ok()?;
    let doc_path = Path::new(root.get("document")?.get("path")?.as_str()?);
    let candidate = if doc_path.is_absolute() {
        doc_path.to_path_buf()
    } else {
        file.parent().unwrap_or(Path::new("")).join(doc_path)
    };
    candidate.is_file().then_some(candidate)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::annotate::document::{DocumentInfo, to_json};
    use crate::annotate::model::{AnnotationSet, Attribution, Claim, Item, Source};

    #[test]
    fn schemas_are_json() {
        for (schema, version) in [(SCHEMA_V1, 1), (SCHEMA_V2, 2)] {
            let v: Value = serde_json::from_str(schema).unwrap();
            assert_eq!(v["properties"]["format"]["const"], "isnad/annotations");
            assert_eq!(v["properties"]["version"]["const"], version);
        }
    }

    #[test]
    fn reports_broken_chains_and_circular_same_as() {
        let a = Article::sample();
        let mut set = AnnotationSet::default();
        let c = Claim::by_human(&a, 0..8, "me").unwrap();
        let at = |quote: &str| {
            let start = a.text.find(quote).unwrap();
            start..start + quote.len()
        };
        let mut speaker = Source::by_human(&a, at("مصادر محلية"), "me").unwrap();
        let mut again = Source::by_human(&a, at("المصادر"), "me").unwrap();
        speaker.same_as = Some(again.id.clone());
        again.same_as = Some(speaker.id.clone());
        let mut link = Attribution::by_human(&c.id, &speaker.id, None, "me");
        link.via = vec![
            again.id.clone(),
            "s-000000".into(),
            again.id.clone(),
            speaker.id.clone(),
        ];
        for item in [
            Item::Claim(c),
            Item::Source(speaker),
            Item::Source(again),
            Item::Attribution(link),
        ] {
            set.upsert(item);
        }
        let text = to_json(&DocumentInfo::for_article(&a, "x.txt".into()), &set, &a);
        let problems = validate_text(&text, "f.json", None);
        let has = |needle: &str| problems.iter().filter(|p| p.contains(needle)).count();
        assert_eq!(has("via s-000000 does not name"), 1, "{problems:#?}");
        assert_eq!(has("listed twice"), 1, "{problems:#?}");
        assert_eq!(has("own source"), 1, "{problems:#?}");
        assert_eq!(has("leads back"), 2, "{problems:#?}");
        assert_eq!(problems.len(), 5, "{problems:#?}");
    }

    #[test]
    fn reports_quote_mismatch_and_dangling_reference_with_positions() {
        let a = Article::sample();
        let mut set = AnnotationSet::default();
        let c = Claim::by_human(&a, 0..8, "me").unwrap();
        let link = Attribution::by_human(&c.id, "s-000000", None, "me");
        set.upsert(Item::Claim(c));
        set.upsert(Item::Attribution(link));
        let text = to_json(&DocumentInfo::for_article(&a, "x.txt".into()), &set, &a);
        assert_eq!(validate_text(&text, "f.json", None).len(), 1);
        let other = Article::from_text("x", format!("XY{}", a.text));
        let problems = validate_text(&text, "f.json", Some(&other));
        assert_eq!(problems.len(), 3, "{problems:#?}");
        let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with(&format!("f.json:{}:", line_of("\"length\""))))
        );
        assert!(problems.iter().any(
            |p| p.starts_with(&format!("f.json:{}:", line_of("\"exact\"")))
                && p.contains("does not match")
        ));
        assert!(problems.iter().any(|p| {
            p.starts_with(&format!("f.json:{}:", line_of("\"source_id\"")))
                && p.contains("s-000000")
        }));
    }
}

//! Checking an annotation file: its structure (the same rules as the shipped JSON Schema,
//! `assets/schema/isnad-annotations-v1.schema.json`, by a strict typed parse), and, when the
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
    let mut problems: Vec<FileError> = Vec::new();
    let at = |path: &[Step], message: String| error_at(src, file, path, message);

    // References between items (orphans count: an attribution may point at an orphaned claim).
    let mut ids: HashSet<&str> = HashSet::new();
    for kind in [
        ItemKind::Entity,
        ItemKind::Source,
        ItemKind::Claim,
        ItemKind::Attribution,
    ] {
        for item in root[kind.key()].as_array().into_iter().flatten() {
            ids.extend(item.get("id").and_then(Value::as_str));
        }
    }
    for o in root["orphans"].as_array().into_iter().flatten() {
        ids.extend(o.get("id").and_then(Value::as_str));
    }
    let refs: [(ItemKind, &str); 3] = [
        (ItemKind::Attribution, "claim_id"),
        (ItemKind::Attribution, "source_id"),
        (ItemKind::Source, "entity_id"),
    ];
    for (kind, field) in refs {
        for (i, item) in root[kind.key()]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
        {
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

    if let Some(article) = article {
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
        for kind in [
            ItemKind::Entity,
            ItemKind::Source,
            ItemKind::Claim,
            ItemKind::Attribution,
        ] {
            for (i, item) in root[kind.key()]
                .as_array()
                .into_iter()
                .flatten()
                .enumerate()
            {
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
                    problems.push(at(
                        &path,
                        format!(
                            "end {} is past the end of the article ({len} code points)",
                            span.end
                        ),
                    ));
                } else if let Err(e) = span.to_bytes(article) {
                    path.push("exact".into());
                    problems.push(at(&path, e.to_string()));
                }
            }
        }
    }
    problems.sort_by_key(|p| (p.line, p.column));
    problems.iter().map(FileError::to_string).collect()
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
    use crate::annotate::model::{AnnotationSet, Attribution, Claim, Item};

    #[test]
    fn schema_is_json() {
        let v: Value = serde_json::from_str(SCHEMA_V1).unwrap();
        assert_eq!(v["properties"]["format"]["const"], "isnad/annotations");
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

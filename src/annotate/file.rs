//! An annotation file read on its own, outside the store (for `agree`, `compare` and the merge
//! driver): placed in its article when the article is found beside it with the same text, else
//! in a stand-in text rebuilt from the file's own quotes and their context, so its offsets can
//! be compared without the article at hand.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;

use crate::article::{Article, read_limited};

use super::anchor::AnchorReport;
use super::document::{self, DocumentInfo};
use super::model::{AnnotationSet, FileSpan, ItemKind};
use super::store::{MAX_ANNOTATION_BYTES, check_annotation_size};
use super::validate::find_article;

/// Which text a file was placed in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextSource {
    /// The article file, with the same text as the annotations were made on.
    Article(PathBuf),
    /// The article given by the caller.
    Given,
    /// No article with this text was found: a stand-in rebuilt from the quotes.
    StandIn,
}

/// An annotation file, read and placed.
#[derive(Clone, Debug)]
pub struct AnnotationFile {
    pub path: PathBuf,
    /// The file's text, as read.
    pub src: String,
    pub document: DocumentInfo,
    pub set: AnnotationSet,
    pub article: Arc<Article>,
    pub text: TextSource,
    pub anchor: AnchorReport,
}

/// Reads a file's text, refusing what is too large or not UTF-8; errors name the file.
pub fn read_text(path: &Path) -> Result<String, String> {
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| format!("{shown}: {e}"))?;
    if !meta.is_file() {
        return Err(format!("{shown}: not a regular file"));
    }
    check_annotation_size(meta.len()).map_err(|e| format!("{shown}: {e}"))?;
    let bytes = read_limited(path, MAX_ANNOTATION_BYTES).map_err(|e| format!("{shown}: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{shown}: not valid UTF-8 at byte {}",
            e.utf8_error().valid_up_to()
        )
    })
}

/// The file's `document.text_sha256`, read without placing anything (for pairing files).
pub fn text_sha256(src: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Head {
        document: Option<Sha>,
    }
    #[derive(serde::Deserialize)]
    struct Sha {
        text_sha256: String,
    }
    let head: Head = serde_json::from_str(src).ok()?;
    head.document.map(|d| d.text_sha256)
}

/// Reads the file at `path` and places it in `article` when given, else in its own article if
/// found beside it with the file's text, else in a stand-in text.
pub fn read(path: &Path, article: Option<Arc<Article>>) -> Result<AnnotationFile, String> {
    let src = read_text(path)?;
    let shown = path.display().to_string();
    let (article, text) = match article {
        Some(a) => (a, TextSource::Given),
        None => match own_article(path, &src) {
            Some((a, p)) => (Arc::new(a), TextSource::Article(p)),
            None => (Arc::new(stand_in(&[&src], &shown)?), TextSource::StandIn),
        },
    };
    let loaded = document::parse(&src, &shown, &article).map_err(|e| e.to_string())?;
    Ok(AnnotationFile {
        path: path.to_path_buf(),
        src,
        document: loaded.document,
        set: loaded.set,
        article,
        text,
        anchor: loaded.anchor,
    })
}

/// The article named by the file's `document.path`, when it exists, loads, and has the text
/// the file was made on.
pub fn own_article(path: &Path, src: &str) -> Option<(Article, PathBuf)> {
    let found = find_article(path, src, None)?;
    let article = Article::load(&found).ok()?;
    (Some(article.sha256()) == text_sha256(src)).then_some((article, found))
}

/// A text of the first file's `document.length` code points holding every item's quote (and
/// its stored context) at its offsets, spaces elsewhere: enough to read the offsets back. Files
/// made on the same text (same `text_sha256`) may be given together; their quotes add up.
pub fn stand_in(srcs: &[&str], shown: &str) -> Result<Article, String> {
    let mut roots = Vec::with_capacity(srcs.len());
    for src in srcs {
        roots.push(
            document::check_structure(src, shown).map_err(|mut problems| {
                let first = problems.remove(0).to_string();
                match problems.len() {
                    0 => first,
                    n => format!("{first} (and {n} more problems)"),
                }
            })?,
        );
    }
    let Some(root) = roots.first() else {
        return Err(format!("{shown}: no annotation file"));
    };
    let len = root["document"]["length"].as_u64().unwrap_or(0) as usize;
    let mut chars = vec![' '; len];
    let spans: Vec<FileSpan> = roots.iter().flat_map(file_spans).collect();
    let mut put = |at: usize, text: &str| {
        for (i, c) in text.chars().enumerate() {
            if let Some(slot) = chars.get_mut(at + i) {
                *slot = c;
            }
        }
    };
    // context first, quotes over it: a quote is what the offsets must find
    for s in &spans {
        if let Some(prefix) = &s.prefix {
            put(s.start.saturating_sub(prefix.chars().count()), prefix);
        }
        if let Some(suffix) = &s.suffix {
            put(s.end, suffix);
        }
    }
    for s in &spans {
        put(s.start, &s.exact);
    }
    let name = root["document"]["path"].as_str().unwrap_or(shown);
    let mut article = Article::from_text(name, chars.into_iter().collect());
    article.title = root["document"]["title"].as_str().map(str::to_owned);
    Ok(article)
}

/// Every span of the items of a parsed file (orphans are not placed).
fn file_spans(root: &Value) -> Vec<FileSpan> {
    ItemKind::ALL
        .into_iter()
        .flat_map(|kind| {
            root[kind.key()]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(move |item| {
                    let span = match kind {
                        ItemKind::Attribution => item.get("cue").and_then(|c| c.get("span")),
                        _ => item.get("span"),
                    };
                    span.filter(|s| !s.is_null())
                        .and_then(|s| serde_json::from_value::<FileSpan>(s.clone()).ok())
                })
        })
        .collect()
}

/// Every `*.isnad.json` file under `dir` (not in hidden folders), sorted.
pub fn annotation_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        for entry in entries.flatten() {
            let p = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                stack.push(p);
            } else if name.ends_with(super::store::SIDECAR_SUFFIX) {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The value at `key` of the file's `document`, for messages (`title`, `path`).
pub fn document_field(src: &str, key: &str) -> Option<String> {
    let root: Value = serde_json::from_str(src).ok()?;
    root.get("document")?.get(key)?.as_str().map(str::to_owned)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::annotate::document::to_json;
    use crate::annotate::model::{Entity, Item, Label};

    #[test]
    fn stand_in_places_every_item_where_the_file_says() {
        let a = Article::sample();
        let mut set = AnnotationSet::default();
        for (i, needle) in ["نور الدين البابا", "وزارة الداخلية"].iter().enumerate()
        {
            let s = a.text.find(needle).unwrap();
            let label = Label::parse(if i == 0 { "PERSON" } else { "ORG" }).unwrap();
            set.upsert(Item::Entity(
                Entity::by_human(&a, s..s + needle.len(), label, "x").unwrap(),
            ));
        }
        let src = to_json(&DocumentInfo::for_article(&a, "gone.txt".into()), &set, &a);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone.isnad.json");
        std::fs::write(&path, &src).unwrap();
        let read = read(&path, None).unwrap();
        assert_eq!(read.text, TextSource::StandIn);
        assert_eq!(read.anchor.orphaned, 0);
        let offsets = |set: &AnnotationSet, art: &Article| -> Vec<(usize, usize)> {
            set.entities
                .iter()
                .map(|e| (art.byte_to_char(e.span.start), art.byte_to_char(e.span.end)))
                .collect()
        };
        assert_eq!(offsets(&read.set, &read.article), offsets(&set, &a));
        // written again from the stand-in: the same file
        assert_eq!(to_json(&read.document, &read.set, &read.article), src);
        assert_eq!(annotation_files(dir.path()).unwrap(), vec![path]);
    }

    #[test]
    fn own_article_is_used_when_its_text_matches() {
        let dir = tempfile::tempdir().unwrap();
        let art = dir.path().join("a.txt");
        std::fs::write(&art, "قال الوزير إن الوضع مستقر.").unwrap();
        let a = Article::load(&art).unwrap();
        let src = to_json(
            &DocumentInfo::for_article(&a, "a.txt".into()),
            &AnnotationSet::default(),
            &a,
        );
        let path = dir.path().join("a.isnad.json");
        std::fs::write(&path, &src).unwrap();
        assert_eq!(
            read(&path, None).unwrap().text,
            TextSource::Article(art.clone())
        );
        std::fs::write(&art, "نص آخر").unwrap();
        assert_eq!(read(&path, None).unwrap().text, TextSource::StandIn);
        assert!(read(&dir.path().join("none.json"), None).is_err());
    }
}

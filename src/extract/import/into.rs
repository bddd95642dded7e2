//! Importing into an annotation store: the one operation behind `isnad import` and the reader's
//! `:import`. Reads the file, tells its format, reads it (brat through the one brat reader, with
//! its sources, claims and attributions; the other formats as entity mentions), and adds only
//! what is new.

use std::collections::HashMap;
use std::path::Path;

use super::{Format, ImportError, UnalignedMention, import, unaligned_of};
use crate::annotate::formats::brat;
use crate::annotate::{AnnotationSet, AnnotationStore, Edit, Item, Label};
use crate::article::Article;

/// Largest extraction file read (bytes).
pub const MAX_IMPORT_BYTES: u64 = 512 * 1024 * 1024;

/// Reads an extraction file (with a size limit); [`prepare`] decodes it.
pub fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    if meta.len() > MAX_IMPORT_BYTES {
        return Err(format!(
            "{shown}: {} bytes is too large to import",
            meta.len()
        ));
    }
    crate::article::read_regular_limited(path, MAX_IMPORT_BYTES)
        .map_err(|e| format!("{shown}: cannot read: {e}"))
}

/// Reads a file of another tool's output as UTF-8 text (byte-order mark dropped), with the
/// import size limit.
pub fn read_text(path: &Path) -> Result<String, String> {
    let bytes = read_file(path)?;
    let shown = path.display().to_string();
    decode(&bytes, &shown)
        .map(str::to_owned)
        .map_err(|e| e.to_string())
}

/// The file as UTF-8 text, a byte-order mark dropped.
fn decode<'a>(bytes: &'a [u8], path: &str) -> Result<&'a str, ImportError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line_start = good
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |at| at + 1);
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
        let message = format!("not valid UTF-8 at byte {}", e.valid_up_to());
        ImportError::at(path, line, column, message)
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// What a file brings, read and checked against the article, before it is added.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The format read (never `Auto`).
    pub format: Format,
    /// The tool named in the file, else the format name.
    pub tool: String,
    /// Everything placed in the article, as suggestions.
    pub items: Vec<Item>,
    /// How many were moved to where their text is.
    pub realigned: usize,
    pub unaligned: Vec<UnalignedMention>,
    /// Lines of the file skipped or realigned, as `FILE:LINE: message`.
    pub warnings: Vec<String>,
    /// Whether the text the tool saw (when the file carries it) is the article text.
    pub same_text: Option<bool>,
}

impl Prepared {
    /// `imported N, realigned M, unaligned K`
    pub fn summary(&self) -> String {
        format!(
            "imported {}, realigned {}, unaligned {}",
            self.items.len(),
            self.realigned,
            self.unaligned.len()
        )
    }
}

/// Reads `data` (the content of `path`) for `article`.
pub fn prepare(
    article: &Article,
    data: &[u8],
    path: &str,
    format: Format,
) -> Result<Prepared, ImportError> {
    let text = decode(data, path)?;
    match format.resolve(path, text) {
        Format::Brat => prepare_brat(article, text, path),
        format => {
            let outcome = import(&article.text, text, path, format)?;
            Ok(Prepared {
                format: outcome.format,
                tool: outcome.tool.clone(),
                items: crate::extract::imported_entities(article, &outcome)
                    .into_iter()
                    .map(Item::Entity)
                    .collect(),
                realigned: outcome.realigned(),
                unaligned: outcome.unaligned,
                warnings: Vec::new(),
                same_text: outcome.same_text,
            })
        }
    }
}

/// A brat file: entities with other tools' labels mapped to ours (the tool's label kept), and
/// its sources, claims and attributions.
fn prepare_brat(article: &Article, text: &str, path: &str) -> Result<Prepared, ImportError> {
    let read = brat::parse_ann(text, path, article)?;
    let unaligned = unaligned_of(&read.unaligned, path);
    let mut set = read.set;
    for entity in &mut set.entities {
        let raw = entity
            .original_label
            .clone()
            .unwrap_or_else(|| entity.label.to_string());
        if let Some(label) = Label::map_foreign(&raw)
            && label != entity.label
        {
            entity.label = label;
            entity.original_label = Some(raw);
        }
    }
    Ok(Prepared {
        format: Format::Brat,
        tool: "brat".into(),
        items: set.items().collect(),
        realigned: read.realigned.len(),
        unaligned,
        warnings: read.warnings,
        same_text: None,
    })
}

/// What makes two imported items the same annotation whatever their ids: an entity's span and
/// label; a claim's or a source's span (one claim or source per span: its type is an attribute
/// the analyst may have corrected since). Spanless sources and attributions go by id only.
fn same_key(item: &Item) -> Option<(char, usize, usize, String)> {
    match item {
        Item::Entity(e) => Some(('e', e.span.start, e.span.end, e.label.to_string())),
        Item::Claim(c) => Some(('c', c.span.start, c.span.end, String::new())),
        Item::Source(s) => s.span.map(|sp| ('s', sp.start, sp.end, String::new())),
        Item::Attribution(_) => None,
    }
}

/// The items that are not in `set` yet: an item whose id is there, or one that is the same
/// annotation ([`same_key`]) as one there (whatever its review state: a rejected one must not
/// come back) or as one earlier in `items`, is left out. Attributions of a claim or source left
/// out are pointed at the one kept.
pub fn only_new(set: &AnnotationSet, items: Vec<Item>) -> Vec<Item> {
    let mut seen: HashMap<(char, usize, usize, String), String> = set
        .items()
        .filter_map(|x| same_key(&x).map(|k| (k, x.id().to_owned())))
        .collect();
    let mut kept_as: HashMap<String, String> = HashMap::new();
    let mut fresh: Vec<Item> = Vec::new();
    for item in items {
        if set.contains(item.id()) {
            continue;
        }
        if let Some(key) = same_key(&item) {
            match seen.get(&key) {
                Some(kept) => {
                    kept_as.insert(item.id().to_owned(), kept.clone());
                    continue;
                }
                None => {
                    seen.insert(key, item.id().to_owned());
                }
            }
        }
        fresh.push(item);
    }
    let repoint = |id: &mut String| {
        if let Some(kept) = kept_as.get(id) {
            id.clone_from(kept);
        }
    };
    for item in &mut fresh {
        if let Item::Attribution(a) = item {
            repoint(&mut a.claim_id);
            repoint(&mut a.source_id);
            a.via.iter_mut().for_each(repoint);
        }
    }
    fresh
}

/// What [`import_into`] did.
#[derive(Debug, Clone)]
pub struct ImportReport {
    pub prepared: Prepared,
    /// How many items were new and added.
    pub added: usize,
}

/// Reads `data` (the content of `path`) and adds what is new to `store` as one undoable batch
/// of suggestions (not saved: the caller saves when it wants).
pub fn import_into(
    store: &mut AnnotationStore,
    data: &[u8],
    path: &str,
    format: Format,
) -> Result<ImportReport, String> {
    let prepared = prepare(store.article(), data, path, format).map_err(|e| e.to_string())?;
    let fresh = only_new(store.set(), prepared.items.clone());
    let added = fresh.len();
    if !fresh.is_empty() {
        let edits = fresh.into_iter().map(Edit::Add).collect();
        store.apply(Edit::Batch(edits)).map_err(|e| e.to_string())?;
    }
    Ok(ImportReport { prepared, added })
}

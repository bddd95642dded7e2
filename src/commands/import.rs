//! `isnad import ARTICLE FILE [--format …]`: merges another tool's extractions into the
//! article's annotation file as suggestions, reporting `imported N, realigned M, unaligned K`
//! and listing the mentions that could not be placed.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::annotate::{AnnotationStore, Edit, Item, StoreOptions};
use crate::article::Article;
use crate::cli::ImportArgs;
use crate::extract::import::{Format, import};
use crate::extract::imported_entities;

/// Largest extraction file read (bytes).
const MAX_IMPORT_BYTES: u64 = 512 * 1024 * 1024;

/// Reads an extraction file as UTF-8 text (BOM dropped), with a size limit.
pub fn read_input(path: &Path) -> Result<String, String> {
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    if meta.len() > MAX_IMPORT_BYTES {
        return Err(format!(
            "{shown}: {} bytes is too large to import",
            meta.len()
        ));
    }
    let bytes = crate::article::read_regular_limited(path, MAX_IMPORT_BYTES)
        .map_err(|e| format!("{shown}: cannot read: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{shown}: not valid UTF-8 at byte {}",
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text))
}

/// A brat file with isnad's own types (written by `isnad export --to brat`): sources, claims
/// and cues come back too, through the annotation module's brat reader.
fn is_isnad_brat(data: &str) -> bool {
    data.lines().any(|line| {
        line.starts_with('T')
            && line.split('\t').nth(1).is_some_and(|def| {
                matches!(
                    def.split(' ').next(),
                    Some("Source" | "Claim" | "Content" | "Cue" | "Attribution")
                )
            })
    })
}

/// The article's annotation store, refusing one that cannot be changed.
fn open_writable(article: Article, annotations: Option<&Path>) -> Result<AnnotationStore, String> {
    let options = StoreOptions {
        annotations: annotations.map(Path::to_path_buf),
        data_dir: None,
    };
    let store = AnnotationStore::open(article, &options);
    if let Some(reason) = store.read_only_reason() {
        return Err(format!("annotations cannot be changed: {reason}"));
    }
    Ok(store)
}

/// Adds `edits` as one undoable batch and saves; returns how many were added.
fn add_all(store: &mut AnnotationStore, edits: Vec<Edit>) -> Result<usize, String> {
    let added = edits.len();
    if !edits.is_empty() {
        store.apply(Edit::Batch(edits)).map_err(|e| e.to_string())?;
        store.save().map_err(|e| e.to_string())?;
    }
    Ok(added)
}

fn write_err(e: std::io::Error) -> String {
    format!("cannot write output: {e}")
}

fn import_isnad_brat(
    article: Article,
    data: &str,
    shown: &str,
    annotations: Option<&Path>,
    out: &mut dyn Write,
) -> Result<ExitCode, String> {
    let parsed = crate::annotate::formats::brat::parse_ann(data, shown, &article);
    let mut store = open_writable(article, annotations)?;
    let mut set = parsed.set;
    // Labels from other tools map to ours; the tool's label is kept.
    for entity in &mut set.entities {
        let raw = entity
            .original_label
            .clone()
            .unwrap_or_else(|| entity.label.as_str().to_owned());
        if let Some(label) = crate::annotate::Label::map_foreign(&raw)
            && label != entity.label
        {
            entity.label = label;
            entity.original_label = Some(raw);
        }
    }
    let items: Vec<Edit> = set
        .entities
        .into_iter()
        .map(Item::Entity)
        .chain(set.sources.into_iter().map(Item::Source))
        .chain(set.claims.into_iter().map(Item::Claim))
        .chain(set.attributions.into_iter().map(Item::Attribution))
        .filter(|item| !store.set().contains(item.id()))
        .map(Edit::Add)
        .collect();
    let added = add_all(&mut store, items)?;
    writeln!(
        out,
        "{shown} (brat, isnad export): imported {added}, realigned {}, unaligned {}; in {}",
        parsed.realigned.len(),
        parsed.unaligned.len(),
        store.path().display()
    )
    .map_err(write_err)?;
    for warning in &parsed.warnings {
        writeln!(out, "warning: {warning}").map_err(write_err)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `import`. `annotations` is the global `--annotations` override.
pub fn run(
    args: &ImportArgs,
    annotations: Option<&Path>,
    out: &mut dyn Write,
) -> Result<ExitCode, String> {
    // labels, texts and warnings come from the imported file
    let out = &mut crate::text::sanitize::PrintableWriter::new(out);
    let article = Article::load(&args.article).map_err(|e| e.to_string())?;
    let data = read_input(&args.file)?;
    let shown = args.file.display().to_string();
    let format = match args.format {
        Format::Auto => Format::detect(&shown, &data).unwrap_or(Format::Auto),
        given => given,
    };
    if format == Format::Brat && is_isnad_brat(&data) {
        return import_isnad_brat(article, &data, &shown, annotations, out);
    }
    let outcome = import(&article.text, &data, &shown, format).map_err(|e| e.to_string())?;
    let mut store = open_writable(article, annotations)?;
    // A mention already in the file with the same span and label (whatever its review state:
    // a rejected one must not come back) is not added again.
    let mut existing: std::collections::HashSet<(usize, usize, String)> = store
        .set()
        .entities
        .iter()
        .map(|e| (e.span.start, e.span.end, e.label.as_str().to_owned()))
        .collect();
    let entities = imported_entities(store.article(), &outcome);
    let fresh: Vec<Edit> = entities
        .into_iter()
        // inserting as it goes also keeps one of identical mentions (they share one id)
        .filter(|e| existing.insert((e.span.start, e.span.end, e.label.as_str().to_owned())))
        .map(|e| Edit::Add(Item::Entity(e)))
        .collect();
    let added = add_all(&mut store, fresh)?;
    writeln!(
        out,
        "{shown} ({}, {}): {}; {} new in {}",
        outcome.format.name(),
        outcome.tool,
        outcome.summary(),
        added,
        store.path().display()
    )
    .map_err(write_err)?;
    if outcome.same_text == Some(false) {
        writeln!(
            out,
            "note: the tool processed a different text; mentions were aligned by their text"
        )
        .map_err(write_err)?;
    }
    for u in &outcome.unaligned {
        writeln!(
            out,
            "unaligned: {}: {} {:?}{}",
            u.location,
            u.raw_label,
            u.text,
            u.offsets
                .map(|(s, e)| format!(" at {s}..{e}"))
                .unwrap_or_default()
        )
        .map_err(write_err)?;
    }
    Ok(ExitCode::SUCCESS)
}

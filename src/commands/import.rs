//! `isnad import ARTICLE FILE [--format …]`: merges another tool's extractions into the
//! article's annotation file as suggestions (through `extract::import::import_into`, the
//! operation the reader's `:import` uses too), reporting `imported N, realigned M,
//! unaligned K` and listing the mentions that could not be placed.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::annotate::{AnnotationStore, StoreOptions};
use crate::article::Article;
use crate::cli::ImportArgs;
use crate::extract::import::{import_into, read_file};

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

fn write_err(e: std::io::Error) -> String {
    format!("cannot write output: {e}")
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
    let data = read_file(&args.file)?;
    let shown = args.file.display().to_string();
    let mut store = open_writable(article, annotations)?;
    let report = import_into(&mut store, &data, &shown, args.format)?;
    if report.added > 0 {
        store.save().map_err(|e| e.to_string())?;
    }
    let prepared = &report.prepared;
    writeln!(
        out,
        "{shown} ({}, {}): {}; {} new in {}",
        prepared.format.name(),
        prepared.tool,
        prepared.summary(),
        report.added,
        store.path().display()
    )
    .map_err(write_err)?;
    if prepared.same_text == Some(false) {
        writeln!(
            out,
            "note: the tool processed a different text; mentions were aligned by their text"
        )
        .map_err(write_err)?;
    }
    for u in &prepared.unaligned {
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
    for warning in &prepared.warnings {
        writeln!(out, "warning: {warning}").map_err(write_err)?;
    }
    Ok(ExitCode::SUCCESS)
}

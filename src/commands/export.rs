//! `isnad export FILE --to brat|w3c|csv|claimreview [--out PATH]`: writes an article's annotations in
//! another tool's format. FILE is the article (its annotation file is found as the reader finds
//! it) or an annotation file (`*.isnad.json`, whose `document.path` names the article).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::annotate::document::{self, DocumentInfo};
use crate::annotate::formats;
use crate::annotate::model::AnnotationSet;
use crate::annotate::output::{Written, write_output};
use crate::annotate::store::{
    AnnotationStore, SIDECAR_SUFFIX, StoreOptions, check_annotation_size,
};
use crate::annotate::validate::find_article;
use crate::article::Article;
use crate::cli::ExportArgs;

/// Reads the annotations named by `file` (an article or an annotation file).
pub(crate) fn load(
    file: &Path,
    annotations: Option<&Path>,
) -> Result<(Article, DocumentInfo, AnnotationSet), String> {
    let is_annotation_file = file.to_string_lossy().ends_with(SIDECAR_SUFFIX);
    if is_annotation_file {
        let shown = file.display().to_string();
        let meta = std::fs::metadata(file).map_err(|e| format!("{shown}: {e}"))?;
        check_annotation_size(meta.len()).map_err(|e| format!("{shown}: {e}"))?;
        let bytes =
            crate::article::read_limited(file, crate::annotate::store::MAX_ANNOTATION_BYTES)
                .map_err(|e| format!("{shown}: {e}"))?;
        let src = String::from_utf8(bytes).map_err(|e| {
            format!(
                "{shown}: not valid UTF-8 at byte {}",
                e.utf8_error().valid_up_to()
            )
        })?;
        let article_path = find_article(file, &src, None).ok_or_else(|| {
            format!("{shown}: the article named in document.path was not found next to it")
        })?;
        let article = Article::load(&article_path).map_err(|e| e.to_string())?;
        let loaded = document::parse(&src, &shown, &article).map_err(|e| e.to_string())?;
        return Ok((article, loaded.document, loaded.set));
    }
    let article = Article::load(file).map_err(|e| e.to_string())?;
    let options = StoreOptions {
        annotations: annotations.map(Path::to_path_buf),
        data_dir: None,
    };
    let store = AnnotationStore::open(article.clone(), &options);
    if let Some(reason) = store.load_problem()
        && store.path().exists()
    {
        return Err(reason.to_owned());
    }
    Ok((article, store.document().clone(), store.set().clone()))
}

/// Where a summary line goes: `out`, made printable (file names come from the article's).
fn said(out: &mut dyn Write) -> crate::text::sanitize::PrintableWriter<&mut dyn Write> {
    crate::text::sanitize::PrintableWriter::new(out)
}

/// Writes `text` to `path` whatever is there (a FIFO or device is written into, `-` is `out`);
/// for `report`, which writes through the same rules as the exports.
pub(crate) fn write_file(path: &Path, text: &str, out: &mut dyn Write) -> Result<Written, String> {
    write_output(path, text.as_bytes(), out).map_err(|e| e.to_string())
}

/// Exports FILE's annotations; `annotator` (the configured name) authors ClaimReviews whose
/// verdict does not say who set it.
pub fn run(
    args: &ExportArgs,
    annotations: Option<&Path>,
    annotator: &str,
    out: &mut dyn Write,
) -> Result<ExitCode, String> {
    let (article, doc, set) = load(&args.file, annotations)?;
    let exported = formats::export(
        &article,
        &doc,
        &set,
        args.to,
        args.out.as_deref(),
        annotator,
        out,
    )?;
    for warning in &exported.warnings {
        let _ = writeln!(said(out), "warning: {warning}");
    }
    if !exported.to_stdout {
        let _ = writeln!(said(out), "{exported}");
    }
    Ok(ExitCode::SUCCESS)
}

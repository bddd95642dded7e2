//! `isnad export FILE --to brat|w3c|csv|claimreview [--out PATH]`: writes an article's annotations in
//! another tool's format. FILE is the article (its annotation file is found as the reader finds
//! it) or an annotation file (`*.isnad.json`, whose `document.path` names the article).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::annotate::document::{self, DocumentInfo};
use crate::annotate::formats::Format as ExportFormat;
use crate::annotate::formats::{brat, claimreview, csv, w3c};
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

/// Writes `text` to `path` whatever is there (a FIFO or device is written into, `-` is `out`).
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
    let base = article
        .path
        .clone()
        .unwrap_or_else(|| PathBuf::from(&article.name));
    let stem = base.file_stem().map_or_else(
        || "article".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    let folder = base.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut count = set.len();
    let (text, default) = match args.to {
        ExportFormat::Brat => {
            // The article itself is the `.txt`, so brat output goes to its own folder rather than
            // next to the article, where it would overwrite it.
            let dir = args
                .out
                .clone()
                .unwrap_or_else(|| folder.join(format!("{stem}.brat")));
            std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            let txt = dir.join(format!("{stem}.txt"));
            let ann = dir.join(format!("{stem}.ann"));
            if article.path.as_deref().and_then(|p| p.canonicalize().ok())
                == txt.canonicalize().ok()
            {
                return Err(format!(
                    "{}: refusing to overwrite the article itself; choose another --out folder",
                    txt.display()
                ));
            }
            write_file(&txt, &article.text, out)?;
            write_file(&ann, &brat::to_ann(&set, &article), out)?;
            let _ = writeln!(
                said(out),
                "wrote {} and {} ({} annotations)",
                txt.display(),
                ann.display(),
                set.len()
            );
            return Ok(ExitCode::SUCCESS);
        }
        ExportFormat::W3c => (
            w3c::to_w3c(&doc, &set, &article),
            folder.join(format!("{stem}.w3c.jsonld")),
        ),
        ExportFormat::Csv => (
            csv::to_csv(&doc, &set, &article),
            folder.join(format!("{stem}.annotations.csv")),
        ),
        ExportFormat::Claimreview => {
            count = claimreview::reviewed_claims(&set);
            (
                claimreview::to_claimreview(&doc, &set, &article, annotator),
                folder.join(format!("{stem}.claimreview.jsonld")),
            )
        }
    };
    let path = args.out.clone().unwrap_or(default);
    match write_file(&path, &text, out)? {
        // the export itself, data for a pipe: not a report
        Written::Stdout => return Ok(ExitCode::SUCCESS),
        Written::File { replaced, .. } => {
            if let Some(warning) = replaced.warning {
                let _ = writeln!(said(out), "warning: {warning}");
            }
        }
        Written::Stream => {}
    }
    let what = match args.to {
        ExportFormat::Claimreview if count == 0 => {
            "claim reviews: no claim has a verification verdict yet"
        }
        ExportFormat::Claimreview => "claim reviews",
        _ => "annotations",
    };
    let _ = writeln!(said(out), "wrote {} ({count} {what})", path.display());
    Ok(ExitCode::SUCCESS)
}

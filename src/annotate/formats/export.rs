//! Writing an article's annotations in another tool's format: the one operation behind
//! `isnad export` and the reader's `:export`.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::super::document::DocumentInfo;
use super::super::model::AnnotationSet;
use super::super::output::{Written, write_output};
use super::{Format, brat, claimreview, csv, w3c};
use crate::article::Article;

/// What an export wrote, said as `wrote PATH (N annotations)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    /// The files written (brat: the `.txt` and the `.ann`).
    pub paths: Vec<PathBuf>,
    /// How many annotations (claim reviews for ClaimReview) they hold.
    pub count: usize,
    /// What `count` counts.
    pub what: &'static str,
    /// The destination was `-`: the text went to standard output (nothing to report there).
    pub to_stdout: bool,
    /// Something the user should know although the export succeeded (no backup kept).
    pub warnings: Vec<String>,
}

impl fmt::Display for Exported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let paths: Vec<String> = self.paths.iter().map(|p| p.display().to_string()).collect();
        write!(
            f,
            "wrote {} ({} {})",
            paths.join(" and "),
            self.count,
            self.what
        )
    }
}

/// The text of a one-file format with how many annotations it holds and what they are; `None`
/// for brat (a folder of two files). `annotator` (the configured name) authors ClaimReviews
/// whose verdict does not say who set it.
fn render(
    format: Format,
    doc: &DocumentInfo,
    set: &AnnotationSet,
    article: &Article,
    annotator: &str,
) -> Option<(String, usize, &'static str)> {
    Some(match format {
        Format::Brat => return None,
        Format::W3c => (w3c::to_w3c(doc, set, article), set.len(), "annotations"),
        Format::Csv => (csv::to_csv(doc, set, article), set.len(), "annotations"),
        Format::Claimreview => {
            let count = claimreview::reviewed_claims(set);
            let what = if count == 0 {
                "claim reviews: no claim has a verification verdict yet"
            } else {
                "claim reviews"
            };
            (
                claimreview::to_claimreview(doc, set, article, annotator),
                count,
                what,
            )
        }
    })
}

/// Where an export goes by default: next to the article (brat: into a `STEM.brat` folder there,
/// so the article itself, also a `.txt`, is never overwritten).
pub fn default_destination(article: &Article, format: Format) -> PathBuf {
    let base = article
        .path
        .clone()
        .unwrap_or_else(|| PathBuf::from(&article.name));
    let stem = stem_of(&base);
    let folder = base.parent().map(Path::to_path_buf).unwrap_or_default();
    folder.join(match format {
        Format::Brat => format!("{stem}.brat"),
        Format::W3c => format!("{stem}.w3c.jsonld"),
        Format::Csv => format!("{stem}.annotations.csv"),
        Format::Claimreview => format!("{stem}.claimreview.jsonld"),
    })
}

fn stem_of(path: &Path) -> String {
    path.file_stem().map_or_else(
        || "article".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// Writes `text` to `path` whatever is there (a FIFO or device is written into, `-` is
/// `stdout`), noting any warning in `exported`.
fn write_file(
    path: &Path,
    text: &str,
    stdout: &mut dyn Write,
    exported: &mut Exported,
) -> Result<(), String> {
    match write_output(path, text.as_bytes(), stdout).map_err(|e| e.to_string())? {
        Written::Stdout => exported.to_stdout = true,
        Written::File { replaced, .. } => exported.warnings.extend(replaced.warning),
        Written::Stream => {}
    }
    Ok(())
}

/// Writes `set` (the annotations of `article`, described by `doc`) in `format` to `dest` (a
/// folder for brat, a file otherwise, `-` for `stdout`; by default [`default_destination`]).
pub fn export(
    article: &Article,
    doc: &DocumentInfo,
    set: &AnnotationSet,
    format: Format,
    dest: Option<&Path>,
    annotator: &str,
    stdout: &mut dyn Write,
) -> Result<Exported, String> {
    let dest = dest.map_or_else(|| default_destination(article, format), Path::to_path_buf);
    let Some((text, count, what)) = render(format, doc, set, article, annotator) else {
        return export_brat(article, set, &dest, stdout);
    };
    let mut exported = Exported {
        paths: vec![dest.clone()],
        count,
        what,
        to_stdout: false,
        warnings: Vec::new(),
    };
    write_file(&dest, &text, stdout, &mut exported)?;
    Ok(exported)
}

/// brat: the article's text and the `.ann` into the folder `dir`.
fn export_brat(
    article: &Article,
    set: &AnnotationSet,
    dir: &Path,
    stdout: &mut dyn Write,
) -> Result<Exported, String> {
    let stem = stem_of(article.path.as_deref().unwrap_or(Path::new(&article.name)));
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let txt = dir.join(format!("{stem}.txt"));
    let ann = dir.join(format!("{stem}.ann"));
    if article.path.as_deref().and_then(|p| p.canonicalize().ok()) == txt.canonicalize().ok() {
        return Err(format!(
            "{}: refusing to overwrite the article itself; choose another --out folder",
            txt.display()
        ));
    }
    let mut exported = Exported {
        paths: vec![txt.clone(), ann.clone()],
        count: set.len(),
        what: "annotations",
        to_stdout: false,
        warnings: Vec::new(),
    };
    write_file(&txt, &article.text, stdout, &mut exported)?;
    write_file(&ann, &brat::to_ann(set, article), stdout, &mut exported)?;
    Ok(exported)
}

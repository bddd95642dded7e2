//! `isnad validate FILE [--article PATH]`: checks an annotation file against the format and,
//! when the article is found, its offsets and quotes. Prints `FILE:LINE:COLUMN: message` for the
//! first problems and exits non-zero when there are any.

use std::io::Write;
use std::process::ExitCode;

use crate::annotate::store::check_annotation_size;
use crate::annotate::validate::{find_article, validate_text};
use crate::article::Article;
use crate::cli::ValidateArgs;

/// How many problems are printed before the rest are only counted.
pub const MAX_SHOWN: usize = 20;

pub fn run(
    args: &ValidateArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode, String> {
    // problems quote the file's values
    let out = &mut crate::text::sanitize::PrintableWriter::new(out);
    let err = &mut crate::text::sanitize::PrintableWriter::new(err);
    let shown = args.file.display().to_string();
    let meta = std::fs::metadata(&args.file).map_err(|e| format!("{shown}: {e}"))?;
    check_annotation_size(meta.len()).map_err(|e| format!("{shown}: {e}"))?;
    let bytes = crate::article::read_regular_limited(
        &args.file,
        crate::annotate::store::MAX_ANNOTATION_BYTES,
    )
    .map_err(|e| format!("{shown}: {e}"))?;
    let src = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(
                err,
                "{shown}: not valid UTF-8 at byte {}",
                e.utf8_error().valid_up_to()
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    let article_path = find_article(&args.file, &src, args.article.as_deref());
    let article = match &article_path {
        Some(p) => Some(Article::load(p).map_err(|e| e.to_string())?),
        None => None,
    };
    let problems = validate_text(&src, &shown, article.as_ref());
    for p in problems.iter().take(MAX_SHOWN) {
        let _ = writeln!(err, "{p}");
    }
    if problems.len() > MAX_SHOWN {
        let _ = writeln!(
            err,
            "{shown}: … and {} more problems",
            problems.len() - MAX_SHOWN
        );
    }
    if problems.is_empty() {
        let against = article_path.map_or_else(
            || "structure only: article not found (use --article)".to_owned(),
            |p| format!("checked against {}", p.display()),
        );
        let _ = writeln!(out, "{shown}: valid ({against})");
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::FAILURE)
    }
}

//! `isnad merge BASE OURS THEIRS [--path P]`: the git merge driver for annotation files (git
//! calls it as `%O %A %B --path %P`; `isnad git-setup` installs it). The result is written to
//! OURS: always a valid annotation file, never conflict markers. Exit 0 when nothing conflicts,
//! 1 when an item was changed differently on both sides (kept twice with `conflict_with`), so
//! git marks the file conflicted until the user settles it.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::annotate::file::read_text;
use crate::annotate::merge_files::{MergedText, Side, merge_files};
use crate::annotate::validate::find_article;
use crate::article::Article;
use crate::cli::MergeArgs;
use crate::text::sanitize::printable;

pub fn run(args: &MergeArgs, err: &mut dyn Write) -> Result<ExitCode, String> {
    let read = |p: &Path| -> Result<String, String> {
        // git passes an empty file as the base of two additions
        match std::fs::metadata(p) {
            Ok(m) if m.len() == 0 => Ok(String::new()),
            _ => read_text(p),
        }
    };
    let (base, ours, theirs) = (read(&args.base)?, read(&args.ours)?, read(&args.theirs)?);
    let shown = args
        .path
        .as_deref()
        .unwrap_or(&args.ours)
        .display()
        .to_string();
    // the merged article, when it is in the working tree beside the annotation file
    let article = args
        .path
        .as_deref()
        .and_then(|p| find_article(p, &ours, None))
        .and_then(|p| Article::load(&p).ok());
    let merged = merge_files(
        Side {
            name: &format!("{shown} (base)"),
            src: &base,
        },
        Side {
            name: &format!("{shown} (ours)"),
            src: &ours,
        },
        Side {
            name: &format!("{shown} (theirs)"),
            src: &theirs,
        },
        article.as_ref(),
    )?;
    std::fs::write(&args.ours, &merged.json)
        .map_err(|e| format!("{}: {e}", args.ours.display()))?;
    let placed = match merged.text {
        MergedText::Article => "placed in the article",
        MergedText::StandIn => "same text on every side",
        MergedText::Ours => "texts differ and the article is not at hand: placed in ours",
    };
    let _ = writeln!(
        err,
        "isnad merge {}: {} ({placed}{})",
        printable(&shown),
        merged.report,
        if merged.orphaned > 0 {
            format!("; {} items kept as orphans", merged.orphaned)
        } else {
            String::new()
        }
    );
    if merged.report.conflicts > 0 {
        let _ = writeln!(
            err,
            "isnad merge {}: settle the items marked conflict_with (isnad compare, or in the reader), then commit",
            printable(&shown)
        );
        Ok(ExitCode::FAILURE)
    } else {
        Ok(ExitCode::SUCCESS)
    }
}

//! `isnad compare A.json B.json [--out MERGED.json]`: the differences between two annotators'
//! files of one article, listed; with `--out`, one annotation file holding what they agree on
//! once and both sides of every difference, ready to settle. Strings from the files are
//! sanitised.

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use crate::annotate::compare::{Resolution, differences, resolve};
use crate::annotate::document::to_json;
use crate::annotate::file::{self, AnnotationFile};
use crate::annotate::model::AnnotationSet;
use crate::cli::CompareArgs;
use crate::text::sanitize::printable;

fn quote(f: &AnnotationFile, set: &AnnotationSet, id: &Option<String>) -> String {
    id.as_deref()
        .and_then(|id| set.get(id))
        .and_then(|item| item.span())
        .map_or_else(|| "—".to_owned(), |s| printable(s.text(&f.article)))
}

pub fn run(args: &CompareArgs, out: &mut dyn Write) -> Result<ExitCode, String> {
    let first = file::read(&args.a, None)?;
    let b = file::read(&args.b, Some(Arc::clone(&first.article)))?;
    if file::text_sha256(&first.src) != file::text_sha256(&b.src) {
        writeln!(
            out,
            "note: the files were made on different texts; B was re-anchored to A's"
        )
        .map_err(|e| e.to_string())?;
    }
    let diffs = differences(&first.set, &b.set, &first.article);
    let io = |e: std::io::Error| e.to_string();
    let noun = if diffs.len() == 1 {
        "difference"
    } else {
        "differences"
    };
    writeln!(out, "{} {noun}", diffs.len()).map_err(io)?;
    for (n, d) in diffs.iter().enumerate() {
        writeln!(
            out,
            "{:>4}  {:<13} {:<40} A: {}  B: {}",
            n + 1,
            d.layer.name(),
            d.kind.describe(),
            quote(&first, &first.set, &d.a),
            quote(&first, &b.set, &d.b),
        )
        .map_err(io)?;
    }
    if let Some(path) = &args.out {
        let decisions: Vec<_> = diffs
            .iter()
            .map(|d| (d.clone(), Resolution::TakeBoth))
            .collect();
        let merged = resolve(&first.set, &b.set, &first.article, &decisions);
        std::fs::write(path, to_json(&first.document, &merged, &first.article))
            .map_err(|e| format!("{}: {e}", path.display()))?;
        writeln!(
            out,
            "wrote {} ({} items: agreements once, both sides of each difference)",
            printable(&path.display().to_string()),
            merged.len()
        )
        .map_err(io)?;
    }
    Ok(ExitCode::SUCCESS)
}

//! `isnad report FILE [--format md|html] [--out PATH]`: the article's isnad report (claims with
//! their chains, stances, verdicts and notes, and the tree) on standard output or in a file.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::annotate::report::Report;
use crate::cli::ReportArgs;

use super::export::{load, write_file};

pub fn run(
    args: &ReportArgs,
    annotations: Option<&Path>,
    out: &mut dyn Write,
) -> Result<ExitCode, String> {
    let (article, doc, set) = load(&args.file, annotations)?;
    let text = Report::new(&doc, &set, &article).render(args.format);
    match &args.out {
        Some(path) if path != Path::new("-") => {
            write_file(path, &text)?;
            writeln!(
                out,
                "wrote {}",
                crate::text::sanitize::printable(&path.display().to_string())
            )
            .map_err(|e| e.to_string())?;
        }
        _ => out.write_all(text.as_bytes()).map_err(|e| e.to_string())?,
    }
    Ok(ExitCode::SUCCESS)
}

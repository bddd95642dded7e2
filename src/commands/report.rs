//! `isnad report FILE [--format md|html] [--out PATH]`: the article's isnad report (claims with
//! their chains, stances, verdicts and notes, and the tree) on standard output or in a file.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::annotate::output::Written;
use crate::annotate::report::Report;
use crate::cli::ReportArgs;
use crate::text::sanitize::printable;

use super::export::{load, write_file};

pub fn run(
    args: &ReportArgs,
    annotations: Option<&Path>,
    out: &mut dyn Write,
) -> Result<ExitCode, String> {
    let (article, doc, set) = load(&args.file, annotations)?;
    let text = Report::new(&doc, &set, &article).render(args.format);
    match &args.out {
        Some(path) => {
            // a file is replaced atomically; a FIFO or device is written into; `-` is stdout
            if write_file(path, &text, out)? != Written::Stdout {
                writeln!(out, "wrote {}", printable(&path.display().to_string()))
                    .map_err(|e| e.to_string())?;
            }
        }
        None => out.write_all(text.as_bytes()).map_err(|e| e.to_string())?,
    }
    Ok(ExitCode::SUCCESS)
}

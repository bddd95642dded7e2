//! `isnad extract`: runs the built-in extractor on articles (files or folders of `.txt`), in
//! parallel, and prints a per-label summary, a complete annotation document (`--json`), or
//! writes one `ARTICLE.extract.json` per article (`--out-dir`).

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;

use crate::annotate::Label;
use crate::annotate::document::{DocumentInfo, to_json};
use crate::annotate::output::write_output;
use crate::article::Article;
use crate::cli::ExtractArgs;
use crate::extract::{Suggestion, extract_article};

/// One processed article.
struct Extracted {
    path: PathBuf,
    article: Article,
    suggestions: Vec<Suggestion>,
}

/// The `.txt` files named by `paths` (folders are listed, not recursed, in name order).
pub fn collect_articles(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path)
                .map_err(|e| format!("{}: cannot list folder: {e}", path.display()))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// The annotation document (DESIGN.md §3) holding the suggestions for one article: entities,
/// and the sources, claims and attributions of the cue suggester.
pub fn document_json(article: &Article, shown_path: &str, suggestions: &[Suggestion]) -> String {
    let set = crate::extract::isnad::suggest_annotations(article, suggestions);
    to_json(
        &DocumentInfo::for_article(article, shown_path.to_owned()),
        &set,
        article,
    )
}

/// Runs `extract`.
pub fn run(args: &ExtractArgs, out: &mut dyn Write) -> Result<ExitCode, String> {
    let files = collect_articles(&args.paths)?;
    if files.is_empty() {
        return Err("no .txt articles found in the given folders".to_owned());
    }
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("{}: cannot create folder: {e}", dir.display()))?;
    }
    let results: Vec<Result<Extracted, String>> = files
        .par_iter()
        .map(|path| {
            let article = Article::load(path).map_err(|e| e.to_string())?;
            let suggestions = extract_article(&article);
            let done = Extracted {
                path: path.clone(),
                article,
                suggestions,
            };
            if let Some(dir) = &args.out_dir {
                write_result(dir, &done)?;
            }
            Ok(done)
        })
        .collect();
    let mut failed = false;
    let write_err = |e: io::Error| match e.kind() {
        io::ErrorKind::BrokenPipe => String::new(),
        _ => format!("cannot write output: {e}"),
    };
    for result in &results {
        match result {
            Err(msg) => {
                failed = true;
                eprintln!("isnad: {msg}");
            }
            Ok(done) => {
                if let Some(dir) = &args.out_dir {
                    writeln!(
                        out,
                        "{}: {} suggestions → {}",
                        done.path.display(),
                        done.suggestions.len(),
                        output_path(dir, &done.path).display()
                    )
                    .map_err(write_err)?;
                } else if args.json {
                    let json = document_json(
                        &done.article,
                        &done.path.display().to_string(),
                        &done.suggestions,
                    );
                    out.write_all(json.as_bytes()).map_err(write_err)?;
                } else {
                    write_summary(out, done).map_err(write_err)?;
                }
            }
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn output_path(dir: &Path, article: &Path) -> PathBuf {
    let stem = article
        .file_stem()
        .map_or_else(|| "article".into(), |s| s.to_string_lossy().into_owned());
    dir.join(format!("{stem}.extract.json"))
}

fn write_result(dir: &Path, done: &Extracted) -> Result<(), String> {
    let target = output_path(dir, &done.path);
    let json = document_json(
        &done.article,
        &done.path.display().to_string(),
        &done.suggestions,
    );
    // the target may be a FIFO or device someone made under that name: written into, not over
    write_output(&target, json.as_bytes(), &mut io::sink())
        .map(|_| ())
        .map_err(|e| format!("{}: cannot write: {e}", target.display()))
}

/// `PATH: N suggestions` then one line per label: count and the distinct texts, most
/// frequent first.
fn write_summary(out: &mut dyn Write, done: &Extracted) -> io::Result<()> {
    writeln!(
        out,
        "{}: {} suggestions",
        done.path.display(),
        done.suggestions.len()
    )?;
    // Labels in their usual order (PERSON, ORG, GPE…), not alphabetical.
    let mut by_label: BTreeMap<(Option<usize>, Label), BTreeMap<&str, usize>> = BTreeMap::new();
    for s in &done.suggestions {
        *by_label
            .entry((s.label.rank(), s.label.clone()))
            .or_default()
            .entry(&done.article.text[s.range.clone()])
            .or_default() += 1;
    }
    for ((_, label), texts) in by_label {
        let total: usize = texts.values().sum();
        let mut texts: Vec<(&str, usize)> = texts.into_iter().collect();
        texts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let shown: Vec<String> = texts
            .iter()
            .map(|(t, n)| {
                if *n > 1 {
                    format!("{t} ×{n}")
                } else {
                    (*t).to_owned()
                }
            })
            .collect();
        writeln!(
            out,
            "  {:<7} {:>4}  {}",
            label.as_str(),
            total,
            shown.join("، ")
        )?;
    }
    Ok(())
}

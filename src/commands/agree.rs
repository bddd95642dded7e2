//! `isnad agree A B [C …]`: agreement between annotators, each given as an annotation file or
//! a folder of them (files paired across folders by `document.text_sha256`). Prints a table,
//! or JSON with `--json`; every string taken from a file is sanitised.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::annotate::agreement::report::{self, LayerReport};
use crate::annotate::agreement::{ArticleAgreement, Layer, PairScore, agree, pool};
use crate::annotate::file::{self, AnnotationFile, TextSource};
use crate::cli::AgreeArgs;
use crate::text::sanitize::printable;

/// One article and the files annotating it (`None` where an annotator has none).
struct Group {
    sha: String,
    files: Vec<Option<PathBuf>>,
}

/// One article compared.
struct Compared {
    title: String,
    text: TextSource,
    annotators: Vec<usize>,
    agreement: ArticleAgreement,
    orphans: usize,
}

pub fn run(args: &AgreeArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitCode, String> {
    let (groups, skipped) = group_files(&args.paths)?;
    if groups.is_empty() {
        return Err(format!(
            "no article is annotated by two or more of the {} annotators given (files are paired by document.text_sha256)",
            args.paths.len()
        ));
    }
    let compared: Vec<Compared> = groups
        .par_iter()
        .map(compare_group)
        .collect::<Result<_, String>>()?;
    let overall = pool(compared.iter().map(|c| &c.agreement));
    let write_err = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::BrokenPipe => String::new(),
        _ => format!("cannot write output: {e}"),
    };
    for (path, why) in &skipped {
        writeln!(err, "isnad agree: skipped {}: {why}", shown(path)).map_err(write_err)?;
    }
    if args.json {
        let json = json_report(&args.paths, &groups, &compared, &overall);
        let text = serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?;
        writeln!(out, "{text}").map_err(write_err)?;
    } else {
        write_table(out, &args.paths, &compared, &overall).map_err(write_err)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A file left out of the comparison, and why.
type Skipped = (PathBuf, String);

/// The articles annotated by at least two annotators, and the files left out.
fn group_files(paths: &[PathBuf]) -> Result<(Vec<Group>, Vec<Skipped>), String> {
    let mut by_sha: BTreeMap<String, Vec<Option<PathBuf>>> = BTreeMap::new();
    let mut skipped = Vec::new();
    for (k, path) in paths.iter().enumerate() {
        let files = if path.is_dir() {
            file::annotation_files(path)?
        } else {
            vec![path.clone()]
        };
        for f in files {
            let src = file::read_text(&f)?;
            let Some(sha) = file::text_sha256(&src) else {
                return Err(format!(
                    "{}: not an annotation file (no document.text_sha256); `isnad validate` says why",
                    f.display()
                ));
            };
            let slot = by_sha.entry(sha).or_insert_with(|| vec![None; paths.len()]);
            if slot[k].is_some() {
                skipped.push((
                    f,
                    format!("annotator {} has another file for the same text", name(k)),
                ));
            } else {
                slot[k] = Some(f);
            }
        }
    }
    let mut groups = Vec::new();
    for (sha, files) in by_sha {
        if files.iter().flatten().count() >= 2 {
            groups.push(Group { sha, files });
        } else {
            skipped.extend(
                files
                    .into_iter()
                    .flatten()
                    .map(|f| (f, "no other annotator has a file for this text".to_owned())),
            );
        }
    }
    Ok((groups, skipped))
}

/// Reads one article's files, all placed in one text (the article if found, else a stand-in
/// rebuilt from the first file), and compares them.
fn compare_group(group: &Group) -> Result<Compared, String> {
    let present: Vec<&PathBuf> = group.files.iter().flatten().collect();
    let mut article = None;
    for f in &present {
        let src = file::read_text(f)?;
        if let Some((a, p)) = file::own_article(f, &src) {
            article = Some((Arc::new(a), TextSource::Article(p)));
            break;
        }
    }
    let (article, text) = match article {
        Some(found) => found,
        None => {
            let first = file::read(present[0], None)?;
            (first.article, TextSource::StandIn)
        }
    };
    let files: Vec<Option<AnnotationFile>> = group
        .files
        .iter()
        .map(|f| {
            f.as_ref()
                .map(|f| file::read(f, Some(Arc::clone(&article))))
                .transpose()
        })
        .collect::<Result<_, String>>()?;
    let sets: Vec<Option<&crate::annotate::AnnotationSet>> =
        files.iter().map(|f| f.as_ref().map(|f| &f.set)).collect();
    let title = files
        .iter()
        .flatten()
        .find_map(|f| f.document.title.clone())
        .unwrap_or_else(|| {
            files
                .iter()
                .flatten()
                .next()
                .map(|f| f.document.path.clone())
                .unwrap_or_default()
        });
    Ok(Compared {
        title,
        text,
        annotators: (0..group.files.len())
            .filter(|k| group.files[*k].is_some())
            .collect(),
        agreement: agree(&article, &sets),
        orphans: files.iter().flatten().map(|f| f.set.orphans.len()).sum(),
    })
}

/// Annotator `k`'s letter: A, B, … Z, then A27, A28 …
fn name(k: usize) -> String {
    match u8::try_from(k).ok().filter(|k| *k < 26) {
        Some(k) => char::from(b'A' + k).to_string(),
        None => format!("A{}", k + 1),
    }
}

#[derive(Serialize)]
struct JsonArticle {
    text_sha256: String,
    title: String,
    files: Vec<Option<String>>,
    /// Whether offsets were read against the article file or a stand-in rebuilt from quotes.
    article: Option<String>,
    orphans: usize,
    layers: Vec<LayerReport>,
}

#[derive(Serialize)]
struct JsonReport {
    annotators: Vec<String>,
    articles: Vec<JsonArticle>,
    overall: Vec<LayerReport>,
}

fn json_report(
    paths: &[PathBuf],
    groups: &[Group],
    compared: &[Compared],
    overall: &ArticleAgreement,
) -> JsonReport {
    JsonReport {
        annotators: paths.iter().map(|p| p.display().to_string()).collect(),
        articles: groups
            .iter()
            .zip(compared)
            .map(|(g, c)| JsonArticle {
                text_sha256: g.sha.clone(),
                title: c.title.clone(),
                files: g
                    .files
                    .iter()
                    .map(|f| f.as_ref().map(|f| f.display().to_string()))
                    .collect(),
                article: match &c.text {
                    TextSource::Article(p) => Some(p.display().to_string()),
                    _ => None,
                },
                orphans: c.orphans,
                layers: report::layers(&c.agreement),
            })
            .collect(),
        overall: report::layers(overall),
    }
}

fn fig(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_owned(), |x| format!("{x:.3}"))
}

fn write_table(
    out: &mut dyn Write,
    paths: &[PathBuf],
    compared: &[Compared],
    overall: &ArticleAgreement,
) -> std::io::Result<()> {
    for (k, p) in paths.iter().enumerate() {
        writeln!(out, "{}  {}", name(k), shown(p))?;
    }
    let stand_ins = compared
        .iter()
        .filter(|c| c.text == TextSource::StandIn)
        .count();
    writeln!(
        out,
        "{} articles compared{}",
        compared.len(),
        if stand_ins > 0 {
            format!(" ({stand_ins} without their article file: offsets read from the quotes)")
        } else {
            String::new()
        }
    )?;
    let orphans: usize = compared.iter().map(|c| c.orphans).sum();
    if orphans > 0 {
        writeln!(
            out,
            "{orphans} orphaned items (not placed in the text) left out"
        )?;
    }
    writeln!(out, "\noverall")?;
    write_layers(out, overall)?;
    for (layer, la) in &overall.layers {
        if *layer != Layer::Entities {
            continue;
        }
        for (&(a, b), s) in &la.pairs {
            write_entity_pair(out, a, b, s)?;
        }
    }
    writeln!(out, "\nper article")?;
    for c in compared {
        let who: Vec<String> = c.annotators.iter().map(|k| name(*k)).collect();
        writeln!(out, "\n{}  ({})", printable(&c.title), who.join(", "))?;
        write_layers(out, &c.agreement)?;
    }
    Ok(())
}

/// The entities of annotators `a` and `b` by label (F1s and counts), then how their paired
/// entities' labels are confused.
fn write_entity_pair(
    out: &mut dyn Write,
    a: usize,
    b: usize,
    s: &PairScore,
) -> std::io::Result<()> {
    writeln!(out, "\nentities by label, {}–{}", name(a), name(b))?;
    writeln!(
        out,
        "  {:<14} {:>8} {:>10} {:>7} {:>7}",
        "label",
        "exact F1",
        "overlap F1",
        name(a),
        name(b)
    )?;
    for (label, c) in &s.by_label {
        writeln!(
            out,
            "  {:<14} {:>8} {:>10} {:>7} {:>7}",
            printable(label),
            fig(c.exact.f1()),
            fig(c.overlap.f1()),
            c.exact.a,
            c.exact.b
        )?;
    }
    let (labels, matrix) = s.confusion.matrix();
    if labels.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "\nconfusion of paired entities: rows {}, columns {}",
        name(a),
        name(b)
    )?;
    write!(out, "  {:<14}", "")?;
    for l in &labels {
        write!(out, " {:>8}", printable(l))?;
    }
    writeln!(out)?;
    for (l, row) in labels.iter().zip(&matrix) {
        write!(out, "  {:<14}", printable(l))?;
        for n in row {
            write!(out, " {n:>8}")?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// One row per layer and pair: F1s, κ, units on each side; α on the layer's first row.
fn write_layers(out: &mut dyn Write, agreement: &ArticleAgreement) -> std::io::Result<()> {
    writeln!(
        out,
        "  {:<13} {:<6} {:>8} {:>10} {:>11} {:>7} {:>7} {:>11}",
        "layer", "pair", "exact F1", "overlap F1", "labelled F1", "κ", "α", "units"
    )?;
    for (layer, la) in &agreement.layers {
        for (i, ((a, b), s)) in la.pairs.iter().enumerate() {
            let alpha = if i == 0 {
                fig(la.alpha())
            } else {
                String::new()
            };
            writeln!(
                out,
                "  {:<13} {:<6} {:>8} {:>10} {:>11} {:>7} {:>7} {:>11}",
                if i == 0 { layer.name() } else { "" },
                format!("{}–{}", name(*a), name(*b)),
                fig(s.exact.f1()),
                fig(s.overlap.f1()),
                fig(s.labelled.f1()),
                fig(s.kappa()),
                alpha,
                format!("{}/{}", s.exact.a, s.exact.b),
            )?;
        }
    }
    Ok(())
}

/// A path made safe for the terminal.
fn shown(p: &Path) -> String {
    printable(&p.display().to_string())
}

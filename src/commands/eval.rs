//! `isnad eval --gold FILE.conll [ARTICLE]`: scores the built-in extractor against a gold
//! token-tag file and prints strict and overlap precision / recall / F1 per label group and
//! micro-averaged (or JSON with `--json`). `isnad eval --gold DIR [--split dev|test]
//! [--errors]`: scores it against a folder of gold annotation files, per layer.

use std::io::Write;
use std::process::ExitCode;

use serde_json::json;

use crate::article::Article;
use crate::cli::{EvalArgs, EvalSplit};
use crate::extract::conll;
use crate::extract::eval::gold::{self, GoldReport, Half, RowCounts};
use crate::extract::eval::{Counts, EvalReport, evaluate, evaluate_on_text};
use crate::extract::import::read_text;

pub fn run(args: &EvalArgs, out: &mut dyn Write) -> Result<ExitCode, String> {
    // group names and problems quote the gold file
    let out = &mut crate::text::sanitize::PrintableWriter::new(out);
    if args.gold.is_dir() {
        return run_gold_dir(args, out);
    }
    if args.split.is_some() || args.errors {
        return Err(format!(
            "{}: --split and --errors need a folder of gold annotation files, not a CoNLL file",
            args.gold.display()
        ));
    }
    let shown = args.gold.display().to_string();
    let data = read_text(&args.gold)?;
    let gold = conll::parse(&data, &shown).map_err(|e| e.to_string())?;
    let (report, text_kind) = match &args.article {
        None => (evaluate(&gold), "rebuilt from gold tokens (single spaces)"),
        Some(path) => {
            let article = Article::load(path).map_err(|e| e.to_string())?;
            (evaluate_on_text(&gold, &article.text), "article")
        }
    };
    let err = write_error;
    if args.json {
        let counts = |c: &Counts| {
            json!({
                "precision": round(c.precision()), "recall": round(c.recall()), "f1": round(c.f1()),
                "gold": c.gold, "predicted": c.predicted,
                "matched_gold": c.matched_gold, "matched_predicted": c.matched_predicted,
            })
        };
        let value = json!({
            "gold": shown,
            "text": text_kind,
            "tokens": report.tokens,
            "groups": report.groups.iter().map(|(g, s, o)| json!({
                "group": g.name(), "strict": counts(s), "overlap": counts(o),
            })).collect::<Vec<_>>(),
            "micro": {"strict": counts(&report.micro_strict), "overlap": counts(&report.micro_overlap)},
        });
        let text = serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?;
        writeln!(out, "{text}").map_err(err)?;
    } else {
        write_table(out, &shown, text_kind, &report).map_err(err)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn write_table(
    out: &mut dyn Write,
    gold: &str,
    text_kind: &str,
    report: &EvalReport,
) -> std::io::Result<()> {
    writeln!(
        out,
        "gold: {gold} ({} tokens); text: {text_kind}",
        report.tokens
    )?;
    writeln!(
        out,
        "{:<22} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6}",
        "group", "gold", "pred", "P", "R", "F1", "P~", "R~", "F1~"
    )?;
    let row = |out: &mut dyn Write, name: &str, s: &Counts, o: &Counts| {
        writeln!(
            out,
            "{:<22} {:>6} {:>6} | {:>6.3} {:>6.3} {:>6.3} | {:>6.3} {:>6.3} {:>6.3}",
            name,
            s.gold,
            s.predicted,
            s.precision(),
            s.recall(),
            s.f1(),
            o.precision(),
            o.recall(),
            o.f1()
        )
    };
    for (g, s, o) in &report.groups {
        row(out, g.name(), s, o)?;
    }
    row(out, "micro", &report.micro_strict, &report.micro_overlap)?;
    writeln!(
        out,
        "P R F1: strict (same tokens, same group); P~ R~ F1~: overlap (shared characters, same group)"
    )
}

fn write_error(e: std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::BrokenPipe => String::new(),
        _ => format!("cannot write output: {e}"),
    }
}

/// `--gold DIR`: every article of the folder (or of one half) with a gold file.
fn run_gold_dir(args: &EvalArgs, out: &mut dyn Write) -> Result<ExitCode, String> {
    if args.article.is_some() {
        return Err(
            "with a gold folder the articles are its STEM.txt files: give no ARTICLE".into(),
        );
    }
    let half = args.split.map(|s| match s {
        EvalSplit::Dev => Half::Dev,
        EvalSplit::Test => Half::Test,
    });
    let report = gold::evaluate_dir(&args.gold, half)?;
    let scope = half.map_or("all", Half::name);
    if args.json {
        let rows: Vec<_> = report
            .rows
            .iter()
            .map(|(row, c)| {
                json!({
                    "layer": row.name().trim(), "row": row,
                    "exact": fractions(&c.exact), "overlap": fractions(&c.overlap),
                })
            })
            .collect();
        let mut value = json!({
            "gold": args.gold.display().to_string(),
            "split": scope,
            "articles": report.articles.len(),
            "chars": report.chars,
            "rows": rows,
        });
        if args.errors {
            value["errors"] = serde_json::to_value(&report.errors).map_err(|e| e.to_string())?;
        }
        let text = serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?;
        writeln!(out, "{text}").map_err(write_error)?;
    } else {
        write_gold_table(out, &args.gold.display().to_string(), scope, &report)
            .map_err(write_error)?;
        if args.errors {
            write_errors(out, &report).map_err(write_error)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn fractions(c: &crate::annotate::agreement::Counts) -> serde_json::Value {
    let r = |x: Option<f64>| x.map(round);
    json!({
        "precision": r(c.precision()), "recall": r(c.recall()), "f1": r(c.f1()),
        "found": c.a, "gold": c.b, "matched": c.matched,
    })
}

fn write_gold_table(
    out: &mut dyn Write,
    gold: &str,
    scope: &str,
    report: &GoldReport,
) -> std::io::Result<()> {
    writeln!(
        out,
        "gold: {gold} ({scope}: {} articles, {} characters)",
        report.articles.len(),
        report.chars
    )?;
    writeln!(
        out,
        "{:<14} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6}",
        "layer", "gold", "found", "P", "R", "F1", "P~", "R~", "F1~"
    )?;
    let fig = |x: Option<f64>| x.map_or_else(|| "–".to_owned(), |x| format!("{x:.3}"));
    for (
        row,
        RowCounts {
            exact: e,
            overlap: o,
        },
    ) in &report.rows
    {
        writeln!(
            out,
            "{:<14} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6}",
            row.name(),
            e.b,
            e.a,
            fig(e.precision()),
            fig(e.recall()),
            fig(e.f1()),
            fig(o.precision()),
            fig(o.recall()),
            fig(o.f1())
        )?;
    }
    writeln!(
        out,
        "P R F1: exact spans; P~ R~ F1~: overlapping spans (links: claim and source both; chains: \
         every hand too; stance: links that do not simply assert, same stance; same_as: the \
         mention and the first mention it refers to)"
    )
}

fn write_errors(out: &mut dyn Write, report: &GoldReport) -> std::io::Result<()> {
    writeln!(out, "\nerrors ({})", report.errors.len())?;
    for e in &report.errors {
        write!(
            out,
            "{}:{}:{}: {} {}: {} [{}]",
            e.file,
            e.line,
            e.column,
            e.layer.trim(),
            e.kind.name(),
            e.text,
            e.label
        )?;
        match &e.found {
            Some(f) => writeln!(out, " found: {f}")?,
            None => writeln!(out)?,
        }
    }
    Ok(())
}

//! `isnad eval --gold FILE.conll [ARTICLE]`: scores the built-in extractor against a gold
//! token-tag file and prints strict and overlap precision / recall / F1 per label group and
//! micro-averaged (or JSON with `--json`).

use std::io::Write;
use std::process::ExitCode;

use serde_json::json;

use crate::article::Article;
use crate::cli::EvalArgs;
use crate::extract::conll;
use crate::extract::eval::{Counts, EvalReport, evaluate, evaluate_on_text};
use crate::extract::import::read_text;

pub fn run(args: &EvalArgs, out: &mut dyn Write) -> Result<ExitCode, String> {
    // group names and problems quote the gold file
    let out = &mut crate::text::sanitize::PrintableWriter::new(out);
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
    let err = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::BrokenPipe => String::new(),
        _ => format!("cannot write output: {e}"),
    };
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

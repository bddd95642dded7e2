//! `isnad learn --gold DIR… [--split dev] [--out FILE] [--held-out DIR…]`: trains the learned
//! attribution stage on gold folders, prints the candidates' recall per folder, writes the
//! model, and scores the rules alone against the rules with the model on held-out folders over
//! a grid of thresholds (docs/extraction/learned.md).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::annotate::agreement::Counts;
use crate::cli::{LearnArgs, LearnSplit};
use crate::extract::eval::gold::{Half, Row};
use crate::extract::learned::Model;
use crate::extract::learned::train::{self, GoldDoc};

/// The thresholds tried on a held-out folder: (keep, add, replace).
const GRID: [(f64, f64, f64); 10] = [
    (0.0, 0.8, 1.0),
    (0.0, 0.9, 1.0),
    (0.0, 0.95, 1.0),
    (0.0, 0.8, 0.3),
    (0.0, 0.95, 0.2),
    (0.0, 0.95, 0.3),
    (0.0, 0.95, 0.5),
    (0.0, 9.0, 0.2),
    (0.0, 9.0, 0.3),
    (0.1, 9.0, 1.0),
];

pub fn run(args: &LearnArgs, out: &mut dyn Write) -> Result<ExitCode, String> {
    let err = |e: std::io::Error| e.to_string();
    let half = args.split.map(|LearnSplit::Dev| Half::Dev);
    let mut docs: Vec<GoldDoc> = Vec::new();
    for dir in &args.gold {
        let part = load(dir, half)?;
        write_recall(out, dir, &part).map_err(err)?;
        if args.misses {
            for line in train::misses(&part) {
                writeln!(out, "  miss {line}").map_err(err)?;
            }
        }
        // a learning curve trains on a share of each folder, spread evenly over its articles
        // (in name order: every annotator's reports, not the first one's)
        let share = args.share.clamp(0.0, 1.0);
        let taken = |j: usize| (j as f64 * share).floor() < ((j + 1) as f64 * share).floor();
        docs.extend(
            part.into_iter()
                .enumerate()
                .filter(|(j, _)| taken(*j))
                .map(|(_, d)| d),
        );
    }
    let model = train::train(&docs, (args.keep, args.add, args.replace), args.rank);
    writeln!(
        out,
        "trained on {} articles: {} features",
        docs.len(),
        model.weights().len()
    )
    .map_err(err)?;
    for dir in &args.held_out {
        let held = load(dir, half)?;
        write_recall(out, dir, &held).map_err(err)?;
        write_grid(out, &held, &model).map_err(err)?;
        if args.show {
            for line in train::decisions(&held, &model) {
                writeln!(out, "  {line}").map_err(err)?;
            }
            for line in train::changed_articles(&held, &model) {
                writeln!(out, "  changed {line}").map_err(err)?;
            }
        }
    }
    if let Some(path) = &args.out {
        let text = model.to_tsv(&header(args));
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        writeln!(out, "wrote {}", path.display()).map_err(err)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A folder's gold articles; one with a `split.toml` is read only with `--split dev`, so the
/// corpus's test half is never trained or scored on here.
fn load(dir: &Path, half: Option<Half>) -> Result<Vec<GoldDoc>, String> {
    if half.is_none() && dir.join("split.toml").is_file() {
        return Err(format!(
            "{}: the folder has a split.toml: pass --split dev",
            dir.display()
        ));
    }
    train::load(dir, half)
}

fn header(args: &LearnArgs) -> Vec<String> {
    let mut command = String::from("isnad learn");
    for g in &args.gold {
        command.push_str(&format!(" --gold {}", g.display()));
    }
    if args.split.is_some() {
        command.push_str(" --split dev");
    }
    if args.rank {
        command.push_str(" --rank");
    }
    command.push_str(&format!(
        " --keep {} --add {} --replace {}",
        args.keep, args.add, args.replace
    ));
    vec![
        "The learned attribution stage's weights (src/extract/learned/, docs/extraction/learned.md):"
            .to_owned(),
        format!(
            "{} over candidate (cue, source, claim) triples; features name only the",
            if args.rank {
                "a per-cue ranking model (a softmax over a cue's readings)"
            } else {
                "a logistic model"
            }
        ),
        "rules' verdicts and the project's word classes, never a word of the training text."
            .to_owned(),
        format!("Trained with: {command}"),
        "@keep: a rules' attribution scored below it is dropped; @add: a new one is added at it;"
            .to_owned(),
        "@replace: another reading of a rules' cue replaces theirs when it scores this much more."
            .to_owned(),
    ]
}

fn write_recall(out: &mut dyn Write, dir: &Path, docs: &[GoldDoc]) -> std::io::Result<()> {
    let r = train::recall(docs);
    let share = |n: usize| {
        if r.gold == 0 {
            0.0
        } else {
            n as f64 / r.gold as f64
        }
    };
    writeln!(
        out,
        "{}: {} articles, {} gold attributions; reached by the rules {:.3}, by a candidate {:.3} (cue too {:.3}; {} of them replace a rules' source)",
        dir.display(),
        docs.len(),
        r.gold,
        share(r.rules),
        share(r.candidates),
        share(r.candidates_with_cue),
        r.replacing,
    )
}

fn write_grid(out: &mut dyn Write, docs: &[GoldDoc], model: &Model) -> std::io::Result<()> {
    let line = |out: &mut dyn Write, name: &str, rows: &std::collections::BTreeMap<Row, Counts>| {
        let cell = |row: Row| {
            let c = rows.get(&row).copied().unwrap_or_default();
            format!(
                "{:.3}/{:.3}/{:.3}",
                c.precision().unwrap_or(0.0),
                c.recall().unwrap_or(0.0),
                c.f1().unwrap_or(0.0)
            )
        };
        writeln!(
            out,
            "  {name:<22} sources {}  claims {}  attributions {}",
            cell(Row::Sources),
            cell(Row::Claims),
            cell(Row::Attributions)
        )
    };
    line(out, "rules alone", &train::score(docs, None))?;
    for (keep, add, replace) in GRID {
        let m = Model::new(model.weights().clone(), (keep, add, replace)).ranked(model.rank);
        let name = format!("k{keep:.2} a{add:.2} r{replace:.2}");
        line(out, &name, &train::score(docs, Some(&m)))?;
    }
    Ok(())
}

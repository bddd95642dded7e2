//! Lists the built-in extractor's errors on a CoNLL gold file for one entity group: gold spans
//! it missed (`MISS`), spans it found that overlap no gold span (`FP`), and spans that overlap
//! a gold span without matching it (`DIFF`), each with its context. A development aid for
//! rule work on the dev half of a corpus (never the test half); the scores themselves come from
//! `isnad eval --gold FILE.conll`.
//! Run with `cargo run --example extract_errors -- GOLD.conll [GROUP]` (GROUP: PERSON by
//! default, or the first word of another group's name).

use std::ops::Range;
use std::process::ExitCode;

use isnad::annotate::Label;
use isnad::extract::{conll, eval, extract};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: extract_errors GOLD.conll [GROUP]");
        return ExitCode::FAILURE;
    };
    let group = args.next().unwrap_or_else(|| "PERSON".to_owned());
    let data = match std::fs::read_to_string(&path) {
        Ok(data) => data,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let doc = match conll::parse(&data, &path) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let (text, ranges) = conll::rebuild_text(&doc);
    let group_of =
        |l: &Label| eval::Group::of(l).and_then(|g| g.name().split(' ').next().map(str::to_owned));
    let gold: Vec<Range<usize>> = conll::decode(&doc)
        .into_iter()
        .filter_map(|s| {
            let label = Label::map_foreign(&s.raw_label)?;
            (group_of(&label)? == group).then(|| ranges[s.first].start..ranges[s.last].end)
        })
        .collect();
    let found: Vec<(Range<usize>, &str)> = extract(&text)
        .into_iter()
        .filter(|s| group_of(&s.label).is_some_and(|g| g == group))
        .map(|s| (s.range, s.by))
        .collect();
    let overlap = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let context = |r: &Range<usize>| {
        let s = text[..r.start]
            .char_indices()
            .rev()
            .nth(25)
            .map_or(0, |x| x.0);
        let e = text[r.end..]
            .char_indices()
            .nth(25)
            .map_or(text.len(), |x| r.end + x.0);
        text[s..e].replace('\n', " ⏎ ")
    };
    for r in &gold {
        if !found.iter().any(|(p, _)| overlap(p, r)) {
            println!("MISS [{}]  …{}…", &text[r.clone()], context(r));
        }
    }
    for (r, by) in &found {
        match gold.iter().find(|q| overlap(q, r)) {
            None => println!("FP   [{}] {by}  …{}…", &text[r.clone()], context(r)),
            Some(q) if !gold.contains(r) => {
                println!(
                    "DIFF [{}] {by} gold [{}]",
                    &text[r.clone()],
                    &text[q.clone()]
                );
            }
            Some(_) => {}
        }
    }
    ExitCode::SUCCESS
}

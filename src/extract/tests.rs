//! Tests of the extractor as a whole: one per rule family, on short Arabic sentences.

use super::*;
use std::ops::Range;

fn found(text: &str) -> Vec<(String, Label)> {
    extract(text)
        .into_iter()
        .map(|s| (text[s.range].to_owned(), s.label))
        .collect()
}

fn has(text: &str, span: &str, label: Label) -> bool {
    found(text).iter().any(|(s, l)| s == span && *l == label)
}

#[test]
fn debug_print() {
    for s in found(crate::article::SAMPLE_TEXT) {
        println!("{:?}", s);
    }
}

#[test]
#[ignore = "development aid: prints the evaluation on a file named by ISNAD_GOLD"]
fn print_eval() {
    let Ok(path) = std::env::var("ISNAD_GOLD") else {
        return;
    };
    let data = std::fs::read_to_string(&path).unwrap();
    let doc = conll::parse(&data, &path).unwrap();
    let report = eval::evaluate(&doc);
    for (g, s, o) in &report.groups {
        println!(
            "{:24} strict P {:.3} R {:.3} F {:.3} | overlap P {:.3} R {:.3} F {:.3}  (gold {})",
            g.name(),
            s.precision(),
            s.recall(),
            s.f1(),
            o.precision(),
            o.recall(),
            o.f1(),
            o.gold
        );
    }
    println!(
        "micro strict F {:.3} overlap P {:.3} R {:.3} F {:.3}",
        report.micro_strict.f1(),
        report.micro_overlap.precision(),
        report.micro_overlap.recall(),
        report.micro_overlap.f1()
    );
}

#[test]
#[ignore = "development aid: prints missed and spurious spans on a file named by ISNAD_GOLD"]
fn print_errors() {
    let Ok(path) = std::env::var("ISNAD_GOLD") else {
        return;
    };
    let group = std::env::var("ISNAD_GROUP").unwrap_or_else(|_| "PERSON".into());
    let data = std::fs::read_to_string(&path).unwrap();
    let doc = conll::parse(&data, &path).unwrap();
    let (text, ranges) = conll::rebuild_text(&doc);
    let g = |l: Label| eval::Group::of(l).map(|g| g.name().split(' ').next().unwrap().to_owned());
    let gold: Vec<(Range<usize>, String)> = conll::decode(&doc)
        .into_iter()
        .filter_map(|s| {
            Some((
                ranges[s.first].start..ranges[s.last].end,
                g(Label::map_foreign(&s.raw_label)?)?,
            ))
        })
        .filter(|(_, gr)| *gr == group)
        .collect();
    let pred: Vec<(Range<usize>, String, &str)> = extract(&text)
        .into_iter()
        .filter_map(|s| Some((s.range, g(s.label)?, s.by)))
        .filter(|(_, gr, _)| *gr == group)
        .collect();
    let ov = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let ctx = |r: &Range<usize>| {
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
    for (r, _) in &gold {
        if !pred.iter().any(|(p, _, _)| ov(p, r)) {
            println!("MISS [{}]  …{}…", &text[r.clone()], ctx(r));
        }
    }
    for (r, _, by) in &pred {
        if !gold.iter().any(|(q, _)| ov(q, r)) {
            println!("FP   [{}] {by}  …{}…", &text[r.clone()], ctx(r));
        } else if !gold.iter().any(|(q, _)| q == r) {
            let q = gold
                .iter()
                .find(|(q, _)| ov(q, r))
                .map(|x| &text[x.0.clone()])
                .unwrap_or("");
            println!("DIFF [{}] {by} gold [{q}]", &text[r.clone()]);
        }
    }
}

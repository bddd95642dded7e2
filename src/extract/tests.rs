//! Tests of the extractor as a whole: one per rule family, on short Arabic sentences.

use super::*;

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

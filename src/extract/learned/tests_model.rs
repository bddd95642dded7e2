//! Unit tests of the learned stage's model: the model file's format, training determinism
//! (logistic and ranking) and the ranking model's softmax among a cue's readings.

use super::generate;
use super::model::{Example, Model};
use super::tests::{dev_half, model};
use super::train;
use crate::article::Article;

#[test]
fn the_model_file_reads_back_and_refuses_what_is_not_a_weight() {
    let m = model(&[("bias", -1.25), ("lemma=قال", 0.5)], 0.1, 0.8, 0.3);
    let text = m.to_tsv(&["a header".to_owned()]);
    assert!(text.starts_with("# a header\n"));
    assert_eq!(Model::from_tsv(&text), Ok(m));
    assert!(Model::from_tsv("bias\tNaN\n").is_err());
    assert!(Model::from_tsv("bias\tinf\n").is_err());
    assert!(Model::from_tsv("bias 1.0\n").is_err());
}

#[test]
fn training_on_the_same_examples_gives_the_same_weights() {
    let examples: Vec<Example> = (0..40)
        .map(|i| Example {
            features: vec!["bias".to_owned(), format!("f{}", i % 3)],
            positive: i % 3 == 0,
            group: i,
        })
        .collect();
    let a = Model::train(&examples, (0.0, 0.8, 1.0));
    let b = Model::train(&examples, (0.0, 0.8, 1.0));
    assert_eq!(a.to_tsv(&[]), b.to_tsv(&[]));
    assert!(a.weights()["f0"] > a.weights()["f1"]);
}

#[test]
fn training_twice_on_the_dev_half_writes_the_same_file() {
    let docs = dev_half();
    let a = train::train(&docs, (0.0, 0.8, 0.3), false).to_tsv(&[]);
    let b = train::train(&dev_half(), (0.0, 0.8, 0.3), false).to_tsv(&[]);
    assert!(a.lines().count() > 50);
    assert_eq!(a, b);
}

/// Groups of three readings, the one with `right` the gold's; every fourth group has none.
fn ranked_examples() -> Vec<Example> {
    let mut out = Vec::new();
    for g in 0..30 {
        for k in 0..3 {
            let right = g % 4 != 3 && k == g % 3;
            let mut features = vec!["bias".to_owned(), format!("reading{k}")];
            if right {
                features.push("right".to_owned());
            }
            out.push(Example {
                features,
                positive: right,
                group: g,
            });
        }
    }
    out
}

#[test]
fn a_ranking_model_learns_which_reading_of_a_cue_is_right_and_is_deterministic() {
    let a = Model::train_ranked(&ranked_examples(), (0.0, 0.95, 0.2));
    let b = Model::train_ranked(&ranked_examples(), (0.0, 0.95, 0.2));
    assert_eq!(a.to_tsv(&[]), b.to_tsv(&[]));
    assert!(a.rank && a.to_tsv(&[]).contains("@rank\t1.000"));
    assert_eq!(Model::from_tsv(&a.to_tsv(&[])), Ok(a.clone()));
    assert!(a.weights()["right"] > 1.0, "{:?}", a.weights());
    let logistic = Model::train(&ranked_examples(), (0.0, 0.95, 0.2));
    assert!(!logistic.rank && !logistic.to_tsv(&[]).contains("@rank"));
}

#[test]
fn a_ranking_model_shares_one_softmax_among_a_cues_readings() {
    // the rules' own reading of قال and the other readings of the same cue are ranked
    // together; a lone reading scores as a logistic model would
    for text in [
        "قال الوزير إن الخطة جاهزة.",
        "وَقَالَ الْوَزِيرُ إِنَّ الْخُطَّةَ جَاهِزَةٌ.",
        "فقال المدير: «لن نتراجع عن القرار».",
    ] {
        let article = Article::from_text("test", text.to_owned());
        let entities = crate::extract::extract_article(&article);
        let (_, found) = generate(&article, &entities, true);
        let ruled = found.iter().find(|c| c.rule.is_some());
        let ruled = ruled.unwrap_or_else(|| panic!("no rules' reading: {text}"));
        let others = found
            .iter()
            .filter(|c| c.rule.is_none() && c.rank_group == ruled.rank_group)
            .count();
        assert!(others > 0, "{text}");
        let weights = [("bias".to_owned(), 0.5), ("rule".to_owned(), 1.0)];
        let model = Model::new(weights.into_iter().collect(), (0.0, 0.95, 0.2)).ranked(true);
        let scores = model.scores(&found);
        let group_sum: f64 = found
            .iter()
            .zip(&scores)
            .filter(|(c, _)| c.rank_group == ruled.rank_group)
            .map(|(_, s)| s)
            .sum();
        assert!(group_sum < 1.0 && group_sum > 0.5, "{text}: {group_sum}");
        let logistic = model.clone().ranked(false);
        let alone = 1.0 / (1.0 + (-logistic_z(&logistic, ruled)).exp());
        assert!((logistic.scores(std::slice::from_ref(ruled))[0] - alone).abs() < 1e-12);
    }
}

fn logistic_z(model: &Model, c: &super::candidates::Candidate) -> f64 {
    c.features
        .iter()
        .filter_map(|f| model.weights().get(f))
        .sum()
}

//! Unit tests of the tenth round's learned stage: features scored by id give the very scores
//! their names give (the refactor that made the stage cheap changed no figure), the shipped
//! model reads, and the earlier speakers a subjectless verb is offered on invented reports.

use std::path::Path;

use super::candidates::SourceKind;
use super::features::feature_id;
use super::model::{Example, Model};
use super::{generate, train};
use crate::article::Article;
use crate::extract::eval::gold::Half;

#[test]
fn a_feature_id_is_the_hash_of_its_name_however_it_is_cut() {
    let whole = feature_id(&["form×src=past×previous1"]);
    assert_eq!(whole, feature_id(&["form×src=", "past", "×", "previous1"]));
    assert_eq!(whole, feature_id(&["form×s", "rc=past×previous1", ""]));
    assert_ne!(whole, feature_id(&["form×src=past×previous2"]));
}

#[test]
fn ids_score_every_dev_candidate_as_its_names_do_bit_for_bit() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/attribution");
    let docs = train::load(&dir, Some(Half::Dev)).unwrap_or_else(|e| panic!("{e}"));
    let model = train::train(&docs, (0.0, 0.95, 0.2), false);
    let mut seen = 0;
    for doc in &docs {
        for c in doc.candidates() {
            assert_eq!(c.ids.len(), c.features.len());
            for (id, name) in c.ids.iter().zip(&c.features) {
                assert_eq!(*id, feature_id(&[name]), "{name}");
            }
            let by_name = model.score(&c.features);
            assert_eq!(by_name.to_bits(), model.score_ids(&c.ids).to_bits());
            seen += 1;
        }
    }
    assert!(seen > 1000, "{seen} candidates");
}

#[test]
fn the_shipped_model_reads_and_scores_by_id_as_by_name() {
    let model = Model::shipped().unwrap_or_else(|e| panic!("{e}"));
    assert!(model.weights().len() > 100);
    let names: Vec<String> = model.weights().keys().take(20).cloned().collect();
    let ids: Vec<u64> = names.iter().map(|n| feature_id(&[n])).collect();
    assert_eq!(
        model.score(&names).to_bits(),
        model.score_ids(&ids).to_bits()
    );
}

/// (report, a word of the speaker a later subjectless cue must be offered as an earlier
/// speaker): with and without harakat and و/ف.
const EARLIER: &[(&str, &str)] = &[
    (
        "وصل الوزير سامر خليل إلى المدينة صباحا. وتفقد المستشفى. وأضاف أن الزيارة ناجحة.",
        "خليل",
    ),
    (
        "اجتمعت الوزيرة هدى ناصر بالمزارعين. ثم زارت السوق. فَأَوْضَحَتْ أَنَّ الْمَوْسِمَ جَيِّدٌ.",
        "ناصر",
    ),
    (
        "عقد رئيس البلدية كريم داود مؤتمرا. وتحدث عن المشاريع. وأشار إلى أن التمويل متوفر.",
        "داود",
    ),
];

#[test]
fn a_subjectless_cue_is_offered_the_speakers_named_before_its_sentence() {
    for (text, speaker) in EARLIER {
        let article = Article::from_text("test", (*text).to_owned());
        let entities = crate::extract::extract_article(&article);
        let (_, found) = generate(&article, &entities, false);
        let offered = found.iter().any(|c| {
            matches!(c.source_kind, SourceKind::Previous(_))
                && c.source.end <= c.cue.range.start
                && article
                    .text
                    .get(c.source.clone())
                    .is_some_and(|s| s.contains(speaker))
        });
        assert!(offered, "{text}");
        assert!(
            found
                .iter()
                .all(|c| c.features.is_empty() && !c.ids.is_empty())
        );
    }
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

//! Unit tests of the learned stage's features: they name no word of the text, harakat change
//! none, a و/ف prefix is marked, and scoring by id gives the very scores the names give.

use std::path::Path;

use super::features::feature_id;
use super::model::Model;
use super::tests::candidates_of;
use super::train;
use crate::extract::eval::gold::Half;

#[test]
fn features_name_no_word_of_the_text() {
    let text = "وصل الوزير سامر خليل إلى المدينة صباحا. وتفقد المستشفى. وأضاف أن الزيارة ناجحة.";
    let (_, _, found) = candidates_of(text);
    assert!(!found.is_empty());
    let content = [
        "سامر",
        "خليل",
        "المدينة",
        "المستشفى",
        "الزيارة",
        "ناجحة",
        "صباحا",
    ];
    for c in &found {
        for f in &c.features {
            assert!(
                !content.iter().any(|w| f.contains(w)),
                "feature {f:?} names a word of the text"
            );
        }
    }
}

/// The features of every candidate, each list sorted, in candidate order.
fn feature_lists(text: &str) -> Vec<Vec<String>> {
    let (_, _, found) = candidates_of(text);
    found
        .into_iter()
        .map(|c| {
            let mut f = c.features;
            f.sort();
            f
        })
        .collect()
}

#[test]
fn harakat_change_no_feature() {
    let pairs = [
        (
            "وقال المتحدث إن الاجتماع تأجل.",
            "وَقَالَ الْمُتَحَدِّثُ إِنَّ الِاجْتِمَاعَ تَأَجَّلَ.",
        ),
        (
            "فأكدت الوزارة أن الطريق مغلق.",
            "فَأَكَّدَتِ الْوِزَارَةُ أَنَّ الطَّرِيقَ مُغْلَقٌ.",
        ),
    ];
    for (bare, marked) in pairs {
        assert_eq!(feature_lists(bare), feature_lists(marked), "{bare}");
    }
}

#[test]
fn a_prefixed_cue_is_marked_so() {
    for (text, prefixed) in [
        ("وأضاف المدير أن العمل مستمر.", true),
        ("فأضاف المدير أن العمل مستمر.", true),
        ("أضاف المدير أن العمل مستمر.", false),
    ] {
        let lists = feature_lists(text);
        assert!(!lists.is_empty(), "{text}");
        assert!(
            lists
                .iter()
                .all(|f| f.iter().any(|x| x == "prefixed") == prefixed),
            "{text}"
        );
    }
}

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
        // as extraction scores them: a cue's own features summed once for its candidates
        let scores = model.scores(doc.candidates());
        for (c, score) in doc.candidates().iter().zip(scores) {
            let ids = c.all_ids();
            assert_eq!(ids.len(), c.features.len());
            for (id, name) in ids.iter().zip(&c.features) {
                assert_eq!(*id, feature_id(&[name]), "{name}");
            }
            let by_name = model.score(&c.features);
            assert_eq!(by_name.to_bits(), score.to_bits());
            assert_eq!(by_name.to_bits(), model.score_ids(&ids).to_bits());
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

/// The candidates of one cue carry the very same list of its own features (hashed once per
/// cue), and the features a cue gives do not depend on which candidate asked first.
#[test]
fn a_cues_own_features_are_hashed_once_for_all_its_candidates() {
    let mut shared_lists = 0;
    for text in [
        "وقال الوزير سامر خليل إن الخطة جاهزة.",
        "فَأَكَّدَتِ الْوِزَارَةُ أَنَّ الطَّرِيقَ مُغْلَقٌ حَسَبَ الشُّرْطَةِ.",
    ] {
        let (_, _, found) = candidates_of(text);
        for pair in found.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if a.cue.range == b.cue.range && a.cue.form == b.cue.form && !a.shared.is_empty() {
                assert!(std::sync::Arc::ptr_eq(&a.shared, &b.shared), "{text}");
                shared_lists += 1;
            }
        }
        for c in &found {
            assert!(c.features.iter().any(|f| f.starts_with("lemma=")), "{text}");
        }
    }
    assert!(shared_lists > 0, "no cue with two candidates");
}

/// A source's first word asks of its verb the agreement the parser reads (`noun_gender`).
#[test]
fn agreement_is_the_parsers_noun_gender() {
    use crate::extract::cues::view::agreement;
    for (word, expected) in [
        ("المسؤولون", "plural"),
        ("شهود", "plural"),
        ("الوزاره", "feminine"),
        ("مصادر", "feminine"),
        ("المنظمات", "feminine"),
        ("الوزير", "masculine"),
    ] {
        assert_eq!(agreement(word), expected, "{word}");
    }
}

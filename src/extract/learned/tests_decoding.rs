//! Unit tests of the learned stage's decoding with a hand-set model on invented sentences:
//! what it keeps, adds, replaces and drops.

use super::decode;
use super::model::Model;
use super::tests::{candidates_of, model};
use crate::extract::cues::{CueSuggestions, Template};

fn decoded(text: &str, m: &Model) -> CueSuggestions {
    let (_, rules, found) = candidates_of(text);
    let scores: Vec<f64> = found.iter().map(|c| m.score(&c.features)).collect();
    decode::decode(&rules, &found, &scores, m)
}

#[test]
fn decoding_keeps_the_rules_when_nothing_reaches_the_thresholds() {
    let text = "قال الوزير إن الخطة جاهزة. وتفقد المستشفى. وأوضح أن الزيارة ناجحة.";
    let (article, rules, _) = candidates_of(text);
    let never = model(&[], 0.0, 1.01, 1.0);
    assert_eq!(decoded(text, &never), rules);
    let entities = crate::extract::extract_article(&article);
    assert_eq!(super::suggest_with(&article, &entities, &never), rules);
}

#[test]
fn decoding_adds_the_best_reading_of_a_cue_the_rules_left_and_one_source_per_claim() {
    let text = "الطريق مغلق حتى المساء حسب الشرطة.";
    let eager = model(&[("new", 5.0), ("claim=before", 2.0)], 0.0, 0.5, 1.0);
    let out = decoded(text, &eager);
    let mut claims: Vec<usize> = out.attributions.iter().map(|a| a.claim).collect();
    claims.sort_unstable();
    claims.dedup();
    assert_eq!(claims.len(), out.attributions.len(), "{out:#?}");
    assert!(
        out.attributions
            .iter()
            .all(|a| a.template != Template::Learned)
            || out
                .attributions
                .iter()
                .any(|a| a.template == Template::Learned),
    );
    let added = out
        .attributions
        .iter()
        .filter(|a| a.template == Template::Learned)
        .count();
    let (_, rules, _) = candidates_of(text);
    assert_eq!(out.attributions.len(), rules.attributions.len() + added);
}

#[test]
fn decoding_replaces_only_a_speaker_the_rules_took_from_the_context() {
    // every other reading scores high, the rules' own low: only the pro-drop link may change
    let eager = model(
        &[("rule_cue_other_reading", 9.0), ("rule", -9.0)],
        0.0,
        9.0,
        0.2,
    );
    for text in [
        "قال الوزير إن الخطة جاهزة.",
        "أكدت الوزارة أن الطريق مغلق.",
        "الطريق مغلق حتى المساء، بحسب الشرطة.",
    ] {
        let (_, rules, _) = candidates_of(text);
        assert!(!rules.attributions.is_empty(), "{text}");
        assert_eq!(decoded(text, &eager), rules, "{text}");
    }
    let text = "استقبل الوزير سامر خليل الوفد. وزار المصنع. وأضاف أن الإنتاج ارتفع.";
    let (_, rules, _) = candidates_of(text);
    let out = decoded(text, &eager);
    let spans = |s: &CueSuggestions, a: &crate::extract::cues::AttributionSuggestion| {
        (
            a.cue.clone(),
            s.claims[a.claim].span.clone(),
            a.source.map(|i| s.sources[i].span.clone()),
        )
    };
    let kept: Vec<_> = out.attributions.iter().map(|a| spans(&out, a)).collect();
    for a in &rules.attributions {
        if !matches!(a.template, Template::ProDrop | Template::Participle) {
            assert!(kept.contains(&spans(&rules, a)), "{text}: {a:?}");
        }
    }
}

#[test]
fn decoding_drops_a_rules_link_below_keep_with_what_only_it_used() {
    let text = "قال الوزير إن الخطة جاهزة.";
    let (_, rules, _) = candidates_of(text);
    assert_eq!(rules.attributions.len(), 1);
    let strict = model(&[("rule", -9.0)], 0.5, 1.01, 1.0);
    let out = decoded(text, &strict);
    assert!(out.attributions.is_empty());
    assert!(out.sources.is_empty() && out.claims.is_empty(), "{out:#?}");
}

//! `isnad extract --json` carries the attribution suggestions: sources, claims and attributions
//! as `suggested` items from the `cues:` rules, linked by id, with code-point spans.

use isnad::article::Article;
use isnad::commands::extract::document_json;
use isnad::extract::extract;

#[test]
fn extract_json_includes_suggested_sources_claims_and_attributions() {
    let article = Article::sample();
    let json = document_json(&article, "sample-article.txt", &extract(&article.text));
    let doc: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let sources = doc["sources"].as_array().expect("sources");
    let claims = doc["claims"].as_array().expect("claims");
    let attributions = doc["attributions"].as_array().expect("attributions");
    assert!(sources.len() >= 10, "{} sources", sources.len());
    assert!(claims.len() >= 15, "{} claims", claims.len());
    // «…»، بحسب موقع الشرق after «وأوضحت المصادر» is one link with the outlet as its hand
    // (guidelines §7.4), not a second link of the outlet's own
    assert!(
        attributions.len() >= 16,
        "{} attributions",
        attributions.len()
    );
    let spokesman = sources
        .iter()
        .find(|s| s["name"] == "نور الدين البابا")
        .expect("the spokesman is a source");
    assert_eq!(spokesman["source_type"], "official");
    assert_eq!(
        spokesman["span"]["exact"],
        "المتحدث باسم وزارة الداخلية السورية نور الدين البابا"
    );
    let start = spokesman["span"]["start"].as_u64().expect("start") as usize;
    assert_eq!(start, "أعلن ".chars().count(), "offsets are code points");
    for a in attributions {
        assert_eq!(a["review"]["status"], "suggested");
        assert_eq!(a["origin"]["kind"], "rule");
        assert!(
            a["origin"]["by"]
                .as_str()
                .is_some_and(|b| b.starts_with("cues:"))
        );
        assert!(claims.iter().any(|c| c["id"] == a["claim_id"]));
        assert!(sources.iter().any(|s| s["id"] == a["source_id"]));
    }
}

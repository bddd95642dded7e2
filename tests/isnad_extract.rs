//! `isnad extract --json` carries the isnad suggestions end to end: a relayed claim's chain, a
//! denial's stance and an anaphor's `same_as`, in a file that validates as format version 2.

#![allow(clippy::unwrap_used)]

use isnad::annotate::validate::validate_text;
use isnad::article::Article;
use isnad::commands::extract::document_json;

#[test]
fn extract_json_emits_chains_stances_and_same_as() {
    let text = "ونقلت وكالة الأناضول عن مصدر أمني قوله إن الهجوم أسفر عن قتيلين.\n\
                وأضاف المصدر أن المهاجمين فروا.\n\
                ونفت وزارة الداخلية أن يكون الهجوم وقع.\n";
    let article = Article::from_text("t.txt", text.to_owned());
    let json = document_json(&article, "t.txt", &isnad::extract::extract(text));
    assert_eq!(
        validate_text(&json, "t.isnad.json", Some(&article)),
        Vec::<String>::new()
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["version"], 2);
    let source_named = |name: &str| {
        v["sources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == name)
            .unwrap_or_else(|| panic!("no source {name}: {json}"))
            .clone()
    };
    let (agency, security) = (source_named("وكالة الأناضول"), source_named("مصدر أمني"));
    assert_eq!(agency["role"], "intermediary");
    assert_eq!(agency["source_type"], "agency");
    assert_eq!(source_named("المصدر")["same_as"], security["id"]);
    let links = v["attributions"].as_array().unwrap();
    assert!(
        links
            .iter()
            .any(|a| a["source_id"] == security["id"]
                && a["via"] == serde_json::json!([agency["id"]])),
        "{json}"
    );
    let ministry = source_named("وزارة الداخلية");
    assert!(
        links
            .iter()
            .any(|a| a["source_id"] == ministry["id"] && a["stance"] == "denies"),
        "{json}"
    );
}

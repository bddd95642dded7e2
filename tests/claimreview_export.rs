//! `isnad export --to claimreview`: the JSON-LD is checked against the schema.org types and
//! properties it uses (`tests/data/claimreview/schema-org-excerpt.json`: every object's `@type`
//! known, every property allowed on that type with a value of its range, the promised properties
//! present) and value by value: one `ClaimReview` per claim with a verdict, authors from the
//! claim's sources, the article as appearance, the rating scale. Also the export command's file.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::ExitCode;

use serde_json::Value;

use isnad::annotate::document::{self, DocumentInfo};
use isnad::annotate::formats::Format as ExportFormat;
use isnad::annotate::formats::claimreview::to_claimreview;
use isnad::annotate::model::*;
use isnad::article::Article;
use isnad::cli::ExportArgs;
use isnad::commands;

const TEXT: &str = "أعلن المتحدث باسم وزارة الصحة أحمد علي أن عدد المصابين بلغ 40 شخصاً.
وقالت وزارة الداخلية إن الطريق أُغلق بالكامل.
وذكرت مصادر محلية أن الاشتباكات توقفت مساءً.
وقال شهود عيان إن القصف استهدف مدرسة.
ونقلت وكالة الأنباء الرسمية أن المدرسة كانت خالية.";

fn article() -> Article {
    let mut a = Article::from_text("clashes.txt", TEXT.to_owned());
    a.title = Some("اشتباكات في المدينة".into());
    a.url = Some("https://example.org/news/1".into());
    a.published = Some("2026-11-28".into());
    a
}

fn span(a: &Article, quote: &str) -> Span {
    let s = a.text.find(quote).unwrap();
    Span::checked(a, s..s + quote.len()).unwrap()
}

fn review(status: ReviewStatus) -> Review {
    Review {
        status,
        by: Some("analyst".into()),
        at: Some("2026-11-29T17:00:00Z".into()),
        previous: None,
    }
}

fn source(a: &Article, id: &str, quote: &str, source_type: SourceType) -> Source {
    Source {
        id: id.into(),
        span: Some(span(a, quote)),
        name: quote.into(),
        source_type,
        entity_id: None,
        role: SourceRole::Speaker,
        same_as: None,
        origin: Origin::rule("cues:vso", None),
        review: review(ReviewStatus::Accepted),
        note: String::new(),
        conflict_with: None,
    }
}

fn claim(a: &Article, id: &str, quote: &str, status: VerificationStatus) -> Claim {
    Claim {
        id: id.into(),
        span: span(a, quote),
        claim_type: ClaimType::Statement,
        verification: Verification {
            status,
            confidence: None,
            by: Some("fact-checker".into()),
            at: Some("2026-12-01T09:30:00Z".into()),
            evidence: Vec::new(),
        },
        origin: Origin::human("analyst"),
        review: review(ReviewStatus::Accepted),
        note: String::new(),
        conflict_with: None,
    }
}

fn link(id: &str, claim: &str, source: &str, status: ReviewStatus) -> Attribution {
    Attribution {
        id: id.into(),
        claim_id: claim.into(),
        source_id: source.into(),
        via: Vec::new(),
        cue: None,
        quote_type: QuoteType::Indirect,
        stance: Stance::Asserts,
        origin: Origin::human("analyst"),
        review: review(status),
        note: String::new(),
        conflict_with: None,
    }
}

/// Five claims: false (two sources and a rejected link), misleading (one institution), unverified
/// (left out), mostly true (eyewitnesses and a pro-drop source named by a PERSON entity), and a
/// rejected claim with a verdict (left out).
fn set(a: &Article) -> AnnotationSet {
    let mut set = AnnotationSet::default();
    let person = Entity {
        id: "e-0000e1".into(),
        label: Label::parse("PERSON").unwrap(),
        original_label: None,
        span: span(a, "أحمد علي"),
        origin: Origin::human("analyst"),
        review: review(ReviewStatus::Accepted),
        note: String::new(),
        conflict_with: None,
    };
    let spokesman = source(
        a,
        "s-000001",
        "المتحدث باسم وزارة الصحة أحمد علي",
        SourceType::Official,
    );
    let ministry = source(a, "s-000002", "وزارة الداخلية", SourceType::Official);
    let locals = source(a, "s-000003", "مصادر محلية", SourceType::Anonymous);
    let witnesses = source(a, "s-000004", "شهود عيان", SourceType::Eyewitness);
    let agency = source(
        a,
        "s-000005",
        "وكالة الأنباء الرسمية",
        SourceType::MediaOutlet,
    );
    // pro-drop: no span of its own, named after the entity it points at
    let implied = Source {
        span: None,
        entity_id: Some("e-0000e1".into()),
        role: SourceRole::Speaker,
        same_as: None,
        ..source(a, "s-000006", "أحمد علي", SourceType::Unknown)
    };
    let mut injured = claim(
        a,
        "c-000001",
        "عدد المصابين بلغ 40 شخصاً",
        VerificationStatus::False,
    );
    injured.note = "hospital records show 12".into();
    let mut road = claim(
        a,
        "c-000002",
        "الطريق أُغلق بالكامل",
        VerificationStatus::Misleading,
    );
    // a verdict that does not say who reached it is the exporting annotator's
    road.verification.by = None;
    let calm = claim(
        a,
        "c-000003",
        "الاشتباكات توقفت مساءً",
        VerificationStatus::Unverified,
    );
    let school = claim(
        a,
        "c-000004",
        "القصف استهدف مدرسة",
        VerificationStatus::MostlyTrue,
    );
    let mut empty = claim(
        a,
        "c-000005",
        "المدرسة كانت خالية",
        VerificationStatus::True,
    );
    empty.review = review(ReviewStatus::Rejected);
    let items = [
        Item::Entity(person),
        Item::Source(spokesman),
        Item::Source(ministry),
        Item::Source(locals),
        Item::Source(witnesses),
        Item::Source(agency),
        Item::Source(implied),
        Item::Claim(injured),
        Item::Claim(road),
        Item::Claim(calm),
        Item::Claim(school),
        Item::Claim(empty),
        Item::Attribution(link(
            "a-000001",
            "c-000001",
            "s-000001",
            ReviewStatus::Accepted,
        )),
        Item::Attribution(link(
            "a-000002",
            "c-000001",
            "s-000002",
            ReviewStatus::Suggested,
        )),
        Item::Attribution(link(
            "a-000003",
            "c-000001",
            "s-000003",
            ReviewStatus::Rejected,
        )),
        Item::Attribution(link(
            "a-000004",
            "c-000002",
            "s-000002",
            ReviewStatus::Accepted,
        )),
        Item::Attribution(link(
            "a-000005",
            "c-000003",
            "s-000003",
            ReviewStatus::Accepted,
        )),
        Item::Attribution(link(
            "a-000006",
            "c-000004",
            "s-000004",
            ReviewStatus::Accepted,
        )),
        Item::Attribution(link(
            "a-000007",
            "c-000004",
            "s-000006",
            ReviewStatus::Accepted,
        )),
        Item::Attribution(link(
            "a-000008",
            "c-000005",
            "s-000005",
            ReviewStatus::Accepted,
        )),
    ];
    for item in items {
        set.upsert(item);
    }
    set
}

fn doc(a: &Article) -> DocumentInfo {
    DocumentInfo::for_article(a, "clashes.txt".into())
}

// ---------------------------------------------------------------------------------------------
// The structural check against the vendored schema.org excerpt

struct Vocabulary(Value);

impl Vocabulary {
    fn load() -> Self {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/claimreview/schema-org-excerpt.json");
        Self(serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap())
    }

    /// `ty` and its ancestors, nearest first; empty for a type the excerpt does not know.
    fn lineage(&self, ty: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut at = Some(ty.to_owned());
        while let Some(t) = at {
            let Some(parent) = self.0["types"].get(&t) else {
                break;
            };
            at = parent.as_str().map(str::to_owned);
            out.push(t);
        }
        out
    }

    fn is_a(&self, ty: &str, ancestor: &str) -> bool {
        self.lineage(ty).iter().any(|t| t == ancestor)
    }

    /// Checks `node` (an object with `@type`) and everything under it; `path` names it in
    /// failure messages. Returns the number of properties checked.
    fn check(&self, node: &Value, path: &str) -> usize {
        let obj = node
            .as_object()
            .unwrap_or_else(|| panic!("{path}: not an object"));
        let ty = obj["@type"]
            .as_str()
            .unwrap_or_else(|| panic!("{path}: no @type"));
        let lineage = self.lineage(ty);
        assert!(!lineage.is_empty(), "{path}: unknown type {ty}");
        if let Some(required) = self.0["required"][ty].as_array() {
            for r in required {
                let r = r.as_str().unwrap();
                assert!(obj.contains_key(r), "{path} ({ty}): missing {r}");
            }
        }
        let mut checked = 0;
        for (key, value) in obj {
            if key.starts_with('@') {
                continue;
            }
            let prop = &self.0["properties"][key.as_str()];
            assert!(
                prop.is_object(),
                "{path}: {key} is not a schema.org property"
            );
            let domain: Vec<&str> = prop["domain"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d.as_str().unwrap())
                .collect();
            assert!(
                domain.iter().any(|d| self.is_a(ty, d)),
                "{path}: {key} is not a property of {ty}"
            );
            let range: Vec<&str> = prop["range"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap())
                .collect();
            let values: Vec<&Value> = match value {
                Value::Array(v) => v.iter().collect(),
                v => vec![v],
            };
            assert!(!values.is_empty(), "{path}: {key} is an empty list");
            for (i, v) in values.iter().enumerate() {
                let at = format!("{path}.{key}[{i}]");
                assert!(
                    range.iter().any(|r| self.fits(v, r)),
                    "{at}: {v} is not one of {range:?}"
                );
                if v.is_object() {
                    checked += self.check(v, &at);
                }
            }
            checked += 1;
        }
        checked
    }

    fn fits(&self, v: &Value, range: &str) -> bool {
        match range {
            "Text" => v.as_str().is_some_and(|s| !s.trim().is_empty()),
            "Number" => v.is_number(),
            "URL" => v
                .as_str()
                .is_some_and(|s| s.starts_with("https://") || s.starts_with("http://")),
            "Date" => v.as_str().is_some_and(is_iso_date),
            "DateTime" => v
                .as_str()
                .is_some_and(|s| s.len() > 11 && is_iso_date(&s[..10]) && s.as_bytes()[10] == b'T'),
            ty => v["@type"].as_str().is_some_and(|t| self.is_a(t, ty)),
        }
    }
}

fn is_iso_date(s: &str) -> bool {
    s.len() == 10
        && s.bytes().enumerate().all(|(i, c)| match i {
            4 | 7 => c == b'-',
            _ => c.is_ascii_digit(),
        })
}

fn parse(out: &str) -> (Value, Vec<Value>) {
    let root: Value = serde_json::from_str(out).unwrap();
    assert_eq!(root["@context"], "https://schema.org");
    assert_eq!(
        root.as_object().unwrap().len(),
        2,
        "only @context and @graph"
    );
    let graph = root["@graph"].as_array().unwrap().clone();
    (root, graph)
}

fn by_claim<'a>(graph: &'a [Value], claim: &str) -> &'a Value {
    graph
        .iter()
        .find(|r| r["claimReviewed"] == claim)
        .unwrap_or_else(|| panic!("no review of {claim}"))
}

// ---------------------------------------------------------------------------------------------

#[test]
fn every_review_fits_the_schema_org_vocabulary() {
    let a = article();
    let (_, graph) = parse(&to_claimreview(&doc(&a), &set(&a), &a, "tester"));
    let vocabulary = Vocabulary::load();
    let mut checked = 0;
    for (i, review) in graph.iter().enumerate() {
        assert_eq!(review["@type"], "ClaimReview");
        assert_eq!(review["itemReviewed"]["@type"], "Claim");
        checked += vocabulary.check(review, &format!("@graph[{i}]"));
    }
    assert!(checked >= 40, "{checked} properties checked");
}

#[test]
fn the_checker_rejects_wrong_structures() {
    let v = Vocabulary::load();
    let ok = serde_json::json!({"@type": "Rating", "alternateName": "False", "ratingValue": 1});
    assert_eq!(v.check(&ok, "ok"), 2);
    for bad in [
        serde_json::json!({"@type": "Rating"}),
        serde_json::json!({"@type": "Rating", "alternateName": "x", "claimReviewed": "y"}),
        serde_json::json!({"@type": "Rating", "alternateName": "x", "ratingValue": [1, {}]}),
        serde_json::json!({"@type": "Verdict", "alternateName": "x"}),
        serde_json::json!({"@type": "Claim", "text": "x", "appearance": {"@type": "Person", "name": "n"}}),
        serde_json::json!({"@type": "Claim", "text": "x", "datePublished": "28/11/2026",
            "appearance": {"@type": "CreativeWork", "name": "n", "inLanguage": "ar"}}),
    ] {
        let caught = std::panic::catch_unwind(|| v.check(&bad, "bad")).is_err();
        assert!(caught, "accepted {bad}");
    }
}

#[test]
fn one_review_per_claim_with_a_verdict() {
    let a = article();
    let (_, graph) = parse(&to_claimreview(&doc(&a), &set(&a), &a, "tester"));
    let reviewed: Vec<&str> = graph
        .iter()
        .map(|r| r["claimReviewed"].as_str().unwrap())
        .collect();
    // file order; unverified and rejected claims are left out
    assert_eq!(
        reviewed,
        vec![
            "عدد المصابين بلغ 40 شخصاً",
            "الطريق أُغلق بالكامل",
            "القصف استهدف مدرسة"
        ]
    );
    let hash = &a.sha256()[..16];
    assert_eq!(graph[0]["@id"], format!("urn:isnad:{hash}:c-000001"));
    for r in &graph {
        assert_eq!(r["itemReviewed"]["text"], r["claimReviewed"]);
        // when the verdict was set, not when the claim was tagged (review.at, 2026-11-29)
        assert_eq!(r["datePublished"], "2026-12-01T09:30:00Z");
        let reviewer = if r["claimReviewed"] == "الطريق أُغلق بالكامل" {
            "tester"
        } else {
            "fact-checker"
        };
        assert_eq!(
            r["author"],
            serde_json::json!({"@type": "Person", "name": reviewer})
        );
        assert_eq!(r["inLanguage"], "ar");
    }
    assert_eq!(graph[0]["reviewBody"], "hospital records show 12");
    assert!(graph[1].get("reviewBody").is_none());
}

#[test]
fn ratings_follow_the_documented_scale() {
    let a = article();
    let (_, graph) = parse(&to_claimreview(&doc(&a), &set(&a), &a, "tester"));
    assert_eq!(
        by_claim(&graph, "عدد المصابين بلغ 40 شخصاً")["reviewRating"],
        serde_json::json!({"@type": "Rating", "alternateName": "False",
            "ratingValue": 1, "bestRating": 5, "worstRating": 1})
    );
    assert_eq!(
        by_claim(&graph, "القصف استهدف مدرسة")["reviewRating"],
        serde_json::json!({"@type": "Rating", "alternateName": "Mostly true",
            "ratingValue": 4, "bestRating": 5, "worstRating": 1})
    );
    // off the true–false axis: text only
    assert_eq!(
        by_claim(&graph, "الطريق أُغلق بالكامل")["reviewRating"],
        serde_json::json!({"@type": "Rating", "alternateName": "Misleading"})
    );
}

#[test]
fn claim_authors_come_from_its_sources() {
    let a = article();
    let (_, graph) = parse(&to_claimreview(&doc(&a), &set(&a), &a, "tester"));
    // a person (official with a name) and an institution; the rejected link to مصادر محلية is out
    assert_eq!(
        by_claim(&graph, "عدد المصابين بلغ 40 شخصاً")["itemReviewed"]["author"],
        serde_json::json!([
            {"@type": "Person", "name": "المتحدث باسم وزارة الصحة أحمد علي"},
            {"@type": "Organization", "name": "وزارة الداخلية"}
        ])
    );
    // a single author is an object
    assert_eq!(
        by_claim(&graph, "الطريق أُغلق بالكامل")["itemReviewed"]["author"],
        serde_json::json!({"@type": "Organization", "name": "وزارة الداخلية"})
    );
    // eyewitnesses are described as such; a spanless source is typed by its PERSON entity
    assert_eq!(
        by_claim(&graph, "القصف استهدف مدرسة")["itemReviewed"]["author"],
        serde_json::json!([
            {"@type": "Person", "name": "شهود عيان", "description": "eyewitnesses"},
            {"@type": "Person", "name": "أحمد علي"}
        ])
    );
}

#[test]
fn anonymous_and_outlet_sources_and_claims_without_sources() {
    let a = article();
    let mut s = set(&a);
    // give the unverified claim (anonymous source) and the outlet's claim verdicts
    for c in &mut s.claims {
        if c.id == "c-000003" {
            c.verification.status = VerificationStatus::Unproven;
        }
        if c.id == "c-000005" {
            c.review = review(ReviewStatus::Accepted);
        }
    }
    s.attributions.retain(|x| x.id != "a-000004");
    let (_, graph) = parse(&to_claimreview(&doc(&a), &s, &a, "tester"));
    assert_eq!(graph.len(), 5);
    assert_eq!(
        by_claim(&graph, "الاشتباكات توقفت مساءً")["itemReviewed"]["author"],
        serde_json::json!({"@type": "Person", "name": "مصادر محلية", "description": "anonymous source"})
    );
    assert_eq!(
        by_claim(&graph, "المدرسة كانت خالية")["itemReviewed"]["author"],
        serde_json::json!({"@type": "NewsMediaOrganization", "name": "وكالة الأنباء الرسمية"})
    );
    let unsourced = &by_claim(&graph, "الطريق أُغلق بالكامل")["itemReviewed"];
    assert!(unsourced.get("author").is_none(), "{unsourced}");
    let vocabulary = Vocabulary::load();
    for r in &graph {
        vocabulary.check(r, "graph");
    }
}

#[test]
fn the_article_is_the_appearance() {
    let a = article();
    let (_, graph) = parse(&to_claimreview(&doc(&a), &set(&a), &a, "tester"));
    for r in &graph {
        assert_eq!(
            r["itemReviewed"]["appearance"],
            serde_json::json!({
                "@type": "CreativeWork",
                "url": "https://example.org/news/1",
                "name": "اشتباكات في المدينة",
                "datePublished": "2026-11-28",
                "inLanguage": "ar"
            })
        );
        assert_eq!(r["itemReviewed"]["datePublished"], "2026-11-28");
    }
    // without metadata: the file name, no url, no date (a date that is not ISO 8601 is dropped)
    let mut bare = Article::from_text("clashes.txt", TEXT.to_owned());
    bare.published = Some("28 تشرين الثاني".into());
    let (_, graph) = parse(&to_claimreview(
        &DocumentInfo::for_article(&bare, "news/clashes.txt".into()),
        &set(&bare),
        &bare,
        "tester",
    ));
    assert_eq!(
        graph[0]["itemReviewed"]["appearance"],
        serde_json::json!({"@type": "CreativeWork", "name": "clashes.txt", "inLanguage": "ar"})
    );
    assert!(graph[0]["itemReviewed"].get("datePublished").is_none());
}

#[test]
fn nothing_to_review_gives_an_empty_graph() {
    let a = article();
    let mut s = set(&a);
    for c in &mut s.claims {
        c.verification.status = VerificationStatus::InProgress;
    }
    let (_, graph) = parse(&to_claimreview(&doc(&a), &s, &a, "tester"));
    assert!(graph.is_empty());
}

#[test]
fn export_command_writes_claimreview_next_to_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clashes.txt");
    std::fs::write(&path, TEXT).unwrap();
    let a = Article::load(&path).unwrap();
    let info = DocumentInfo::for_article(&a, "clashes.txt".into());
    std::fs::write(
        dir.path().join("clashes.isnad.json"),
        document::to_json(&info, &set(&a), &a),
    )
    .unwrap();
    let args = ExportArgs {
        file: path.clone(),
        to: ExportFormat::Claimreview,
        out: None,
    };
    let mut out = Vec::new();
    assert_eq!(
        commands::export::run(&args, None, "tester", &mut out).unwrap(),
        ExitCode::SUCCESS
    );
    let written = dir.path().join("clashes.claimreview.jsonld");
    let message = String::from_utf8(out).unwrap();
    assert!(
        message.contains("clashes.claimreview.jsonld (3 claim reviews)"),
        "{message}"
    );
    let text = std::fs::read_to_string(&written).unwrap();
    assert_eq!(text, to_claimreview(&info, &set(&a), &a, "tester"));
    let (_, graph) = parse(&text);
    assert_eq!(graph.len(), 3);
    // to standard output
    let args = ExportArgs {
        out: Some("-".into()),
        ..args
    };
    let mut out = Vec::new();
    commands::export::run(&args, None, "tester", &mut out).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), text);
    // no verdicts yet: an empty graph and a message that says why
    let mut unreviewed = set(&a);
    for c in &mut unreviewed.claims {
        c.verification.status = VerificationStatus::Unverified;
    }
    std::fs::write(
        dir.path().join("clashes.isnad.json"),
        document::to_json(&info, &unreviewed, &a),
    )
    .unwrap();
    let args = ExportArgs { out: None, ..args };
    let mut out = Vec::new();
    commands::export::run(&args, None, "tester", &mut out).unwrap();
    let message = String::from_utf8(out).unwrap();
    assert!(
        message.contains("(0 claim reviews: no claim has a verification verdict yet)"),
        "{message}"
    );
    assert!(
        parse(&std::fs::read_to_string(&written).unwrap())
            .1
            .is_empty()
    );
}

/// The isnad in a review: "المصدر" is the named source it refers back to, the agency it passed
/// through and the article (with its outlet) are where the claim appeared, a denial is not
/// authorship.
#[test]
fn the_chain_gives_the_named_speaker_and_every_appearance() {
    let text = "قال مصدر مسؤول بوزارة الخارجية لوكالة الأنباء الرسمية إن الوفد وصل إلى الرياض. \
                وأضاف المصدر أن المحادثات ستبدأ غداً. ونفى الوزير أن يكون الوفد وصل.";
    let a = Article::from_text("talks.txt", text.to_owned());
    let named = source(
        &a,
        "s-0000a1",
        "مصدر مسؤول بوزارة الخارجية",
        SourceType::AnonymousOfficial,
    );
    let agency = Source {
        role: SourceRole::Intermediary,
        ..source(&a, "s-0000a2", "الأنباء الرسمية", SourceType::Agency)
    };
    let again = Source {
        same_as: Some(named.id.clone()),
        ..source(&a, "s-0000a3", "المصدر", SourceType::Unknown)
    };
    let minister = source(&a, "s-0000a4", "الوزير", SourceType::Official);
    let arrived = claim(
        &a,
        "c-0000b1",
        "الوفد وصل إلى الرياض",
        VerificationStatus::False,
    );
    let talks = claim(
        &a,
        "c-0000b2",
        "المحادثات ستبدأ غداً",
        VerificationStatus::Unproven,
    );
    let via = |mut x: Attribution, hands: &[&str], stance: Stance| {
        x.via = hands.iter().map(|h| (*h).to_owned()).collect();
        x.stance = stance;
        x
    };
    let mut set = AnnotationSet::default();
    for item in [
        Item::Source(named),
        Item::Source(agency),
        Item::Source(again),
        Item::Source(minister),
        Item::Claim(arrived),
        Item::Claim(talks),
        Item::Attribution(via(
            link("a-0000c1", "c-0000b1", "s-0000a1", ReviewStatus::Accepted),
            &["s-0000a2"],
            Stance::Asserts,
        )),
        Item::Attribution(via(
            link("a-0000c2", "c-0000b2", "s-0000a3", ReviewStatus::Accepted),
            &["s-0000a2"],
            Stance::Asserts,
        )),
        Item::Attribution(via(
            link("a-0000c3", "c-0000b1", "s-0000a4", ReviewStatus::Accepted),
            &[],
            Stance::Denies,
        )),
    ] {
        set.upsert(item);
    }
    let mut document = DocumentInfo::for_article(&a, "talks.txt".into());
    document.outlet = Some("الشرق".into());
    let (_, graph) = parse(&to_claimreview(&document, &set, &a, "tester"));
    let speaker = serde_json::json!({
        "@type": "Person",
        "name": "مصدر مسؤول بوزارة الخارجية",
        "description": "anonymous official source"
    });
    let appearances = serde_json::json!([
        {"@type": "CreativeWork", "name": "الأنباء الرسمية",
         "publisher": {"@type": "NewsMediaOrganization", "name": "الأنباء الرسمية"}},
        {"@type": "CreativeWork", "name": "talks.txt", "inLanguage": "ar",
         "publisher": {"@type": "NewsMediaOrganization", "name": "الشرق"}}
    ]);
    for claim in ["الوفد وصل إلى الرياض", "المحادثات ستبدأ غداً"]
    {
        let item = &by_claim(&graph, claim)["itemReviewed"];
        assert_eq!(
            item["author"], speaker,
            "{claim}: never a bare المصدر, never the denier"
        );
        assert_eq!(item["appearance"], appearances, "{claim}");
    }
    let vocabulary = Vocabulary::load();
    for r in &graph {
        vocabulary.check(r, "graph");
    }
}

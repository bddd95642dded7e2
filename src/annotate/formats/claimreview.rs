//! schema.org `ClaimReview` export (JSON-LD) for fact-checking tools: one `ClaimReview` per claim
//! that carries a verdict, the claim's original speakers (after `same_as`) as the `Claim`'s
//! authors, the hands it passed through and the article as its `appearance`s, all in one
//! `@graph` under a single `@context`. The mapping of verdicts to ratings is [`rating`];
//! `docs/exports.md` documents every field.

use serde_json::{Map, Value, json};

use crate::article::Article;
use crate::text::normalize::normalize_str;

use super::super::document::DocumentInfo;
use super::super::isnad::{Isnad, collapse, supports};
use super::super::model::{
    AnnotationSet, Claim, Entity, Label, ReviewStatus, Source, SourceType, VerificationStatus,
};

/// The numeric scale used for verdicts that sit on the true–false axis.
pub const WORST_RATING: u8 = 1;
pub const BEST_RATING: u8 = 5;

/// A verdict as a schema.org `Rating`: the short text shown to readers (`alternateName`) and,
/// for verdicts on the true–false axis, a value on a 1–5 scale. `None` for `unverified` and
/// `in_progress`, which are not verdicts and get no `ClaimReview`.
///
/// `misleading`, `unproven` and `not_checkable` are not points between true and false, so they
/// carry text only (Google shows only the text; a number would suggest an order that is not there).
pub fn rating(status: VerificationStatus) -> Option<(&'static str, Option<u8>)> {
    use VerificationStatus::*;
    Some(match status {
        Unverified | InProgress => return None,
        True => ("True", Some(5)),
        MostlyTrue => ("Mostly true", Some(4)),
        Mixed => ("Mixed", Some(3)),
        MostlyFalse => ("Mostly false", Some(2)),
        False => ("False", Some(1)),
        Misleading => ("Misleading", None),
        Unproven => ("Unproven", None),
        NotCheckable => ("Not checkable", None),
    })
}

/// Heads (normalised, without ال) that make an official or untyped source an institution rather
/// than a person: `وزارة الداخلية` is an Organization, `المتحدث باسم الوزارة` a Person.
const INSTITUTION_HEADS: &[&str] = &[
    "وزاره",
    "حكومه",
    "جيش",
    "شرطه",
    "داخليه",
    "خارجيه",
    "دفاع",
    "سلطات",
    "قوات",
    "مجلس",
    "برلمان",
    "مكتب",
    "نيابه",
    "محكمه",
    "بلديه",
    "امن",
    "اداره",
    "جهاز",
    "كرملين",
    "رئاسه",
    "منظمه",
    "جمعيه",
    "هيئه",
    "اتحاد",
    "حزب",
    "حركه",
    "شركه",
    "مؤسسه",
    "لجنه",
    "امم",
    "صندوق",
    "برنامج",
    "مفوضيه",
    "مرصد",
    "تحالف",
    "نقابه",
    "وكاله",
    "صحيفه",
    "موقع",
    "قناه",
    "تلفزيون",
    "اذاعه",
    "شبكه",
    "مجله",
    "جريده",
    "بيت",
    "قياده",
    "محافظه",
];

fn is_institution(phrase: &str) -> bool {
    let folded = normalize_str(phrase);
    let Some(head) = folded.split_whitespace().next() else {
        return false;
    };
    let head = head
        .strip_prefix('و')
        .filter(|h| h.starts_with("ال"))
        .unwrap_or(head);
    let bare = head
        .strip_prefix("ال")
        .filter(|r| r.chars().count() >= 2)
        .unwrap_or(head);
    INSTITUTION_HEADS.contains(&bare)
}

/// A description for sources that are not a named speaker, so a reader of the markup knows
/// `مصادر محلية` is not somebody's name.
fn description(source_type: SourceType) -> Option<&'static str> {
    use SourceType::*;
    match source_type {
        Anonymous => Some("anonymous source"),
        AnonymousOfficial => Some("anonymous official source"),
        Eyewitness => Some("eyewitnesses"),
        AffectedPerson => Some("affected people"),
        SocialMedia => Some("social media"),
        Document => Some("document"),
        _ => None,
    }
}

/// The schema.org type of a source as a claim author: the linked entity's label when there is
/// one, else the source type, else (official and untyped sources) the phrase's head noun.
fn author_type(source: &Source, entity: Option<&Entity>, name: &str) -> &'static str {
    if let Some(e) = entity {
        let organisations = [Label::ORG, Label::GPE, Label::NORP, Label::FAC];
        match Label::map_foreign(e.label.as_str()) {
            Some(l) if l == Label::PERSON => return "Person",
            Some(l) if organisations.contains(&l) => return "Organization",
            _ => {}
        }
    }
    use SourceType::*;
    match source.source_type {
        Organization | Document | Statement => "Organization",
        MediaOutlet | Agency | Outlet => "NewsMediaOrganization",
        Official | AnonymousOfficial | Unknown if is_institution(name) => "Organization",
        _ => "Person",
    }
}

/// What a source is called: its canonical name (after `same_as`), else its type.
fn source_name(source: &Source, isnad: &Isnad<'_>) -> String {
    let name = isnad.name(&source.id);
    if name == isnad.canonical(&source.id) {
        format!("unnamed source ({})", source.source_type)
    } else {
        name
    }
}

/// A source as a schema.org `Person` or `Organization`, under its canonical name.
fn author(source: &Source, isnad: &Isnad<'_>, set: &AnnotationSet) -> Value {
    let name = source_name(source, isnad);
    let entity = source
        .entity_id
        .as_deref()
        .and_then(|id| set.entities.iter().find(|e| e.id == id));
    let mut a = Map::new();
    a.insert("@type".into(), json!(author_type(source, entity, &name)));
    a.insert("name".into(), json!(name));
    if let Some(d) = description(source.source_type) {
        a.insert("description".into(), json!(d));
    }
    Value::Object(a)
}

/// Dates in schema.org are ISO 8601; an article date written otherwise (`3 كانون الأول`) is left
/// out rather than passed on. `2024-05-01 10:00` keeps its date.
fn iso_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let date = raw.get(..10)?;
    let b = date.as_bytes();
    let shaped = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    if !shaped {
        return None;
    }
    match raw.as_bytes().get(10) {
        None => Some(date.to_owned()),
        Some(b'T') => Some(raw.to_owned()),
        Some(_) => Some(date.to_owned()),
    }
}

/// The article as a `CreativeWork`: its address, title (else its file name) and date when known.
fn appearance(doc: &DocumentInfo, article: &Article) -> Value {
    let mut a = Map::new();
    a.insert("@type".into(), json!("CreativeWork"));
    if let Some(url) = &doc.url {
        a.insert("url".into(), json!(url));
    }
    let file_name = doc
        .path
        .rsplit(['/', '\\'])
        .next()
        .filter(|n| !n.is_empty())
        .unwrap_or(&article.name);
    let title = doc.title.as_deref().or(article.title.as_deref());
    a.insert("name".into(), json!(title.unwrap_or(file_name)));
    if let Some(date) = article.published.as_deref().and_then(iso_date) {
        a.insert("datePublished".into(), json!(date));
    }
    a.insert("inLanguage".into(), json!(doc.language));
    if let Some(outlet) = doc
        .outlet
        .as_deref()
        .map(collapse)
        .filter(|o| !o.is_empty())
    {
        a.insert(
            "publisher".into(),
            json!({ "@type": "NewsMediaOrganization", "name": outlet }),
        );
    }
    Value::Object(a)
}

/// Where a claim appeared before the article: an intermediary that is a work itself (a
/// statement, an interview, a post, a document) by its name; any other hand (an agency, an
/// outlet, a person relaying it) as the publisher of a work.
fn intermediary_appearance(source: &Source, isnad: &Isnad<'_>, set: &AnnotationSet) -> Value {
    use SourceType::*;
    let work = match source.source_type {
        Statement => Some("statement"),
        Interview => Some("interview"),
        SocialAccount | SocialMedia => Some("social media post"),
        Document => Some("document"),
        _ => None,
    };
    match work {
        Some(what) => json!({
            "@type": "CreativeWork",
            "name": source_name(source, isnad),
            "description": what,
        }),
        // the work is known by its publisher's name: "الأناضول" for an Anadolu report
        None => json!({
            "@type": "CreativeWork",
            "name": source_name(source, isnad),
            "publisher": author(source, isnad, set),
        }),
    }
}

/// One value for one, a list for several, nothing for none.
fn one_or_list(item: &mut Map<String, Value>, key: &str, mut values: Vec<Value>) {
    match values.len() {
        0 => {}
        1 => {
            item.insert(key.into(), values.remove(0));
        }
        _ => {
            item.insert(key.into(), Value::Array(values));
        }
    }
}

/// The claim's original speakers (canonical, each once, in attribution order) and the
/// intermediaries its supporting chains passed through (speaker outward, each once). Denials
/// and doubts are not authorship.
fn speakers_and_hands<'a>(isnad: &Isnad<'a>, claim: &Claim) -> (Vec<&'a Source>, Vec<&'a Source>) {
    let (mut speakers, mut hands): (Vec<&Source>, Vec<&Source>) = (Vec::new(), Vec::new());
    for path in isnad.claim(&claim.id).paths {
        if !supports(path.stance) {
            continue;
        }
        if let Some(s) = isnad.source(&path.speaker)
            && !speakers.iter().any(|x| x.id == s.id)
        {
            speakers.push(s);
        }
        for v in &path.via {
            if let Some(s) = isnad.source(v)
                && !hands.iter().any(|x| x.id == s.id)
            {
                hands.push(s);
            }
        }
    }
    (speakers, hands)
}

fn claim_review(
    doc: &DocumentInfo,
    set: &AnnotationSet,
    article: &Article,
    claim: &Claim,
    annotator: &str,
) -> Option<Value> {
    let isnad = Isnad::new(set, article, doc.outlet.as_deref());
    let (verdict, value) = rating(claim.verification.status)?;
    let hash = doc.text_sha256.get(..16).unwrap_or(&doc.text_sha256);
    let text = collapse(claim.span.text(article));

    let mut item = Map::new();
    item.insert("@type".into(), json!("Claim"));
    item.insert("text".into(), json!(text));
    let (speakers, hands) = speakers_and_hands(&isnad, claim);
    let authors = speakers.iter().map(|s| author(s, &isnad, set)).collect();
    one_or_list(&mut item, "author", authors);
    if let Some(date) = article.published.as_deref().and_then(iso_date) {
        item.insert("datePublished".into(), json!(date));
    }
    let mut appearances: Vec<Value> = hands
        .iter()
        .map(|s| intermediary_appearance(s, &isnad, set))
        .collect();
    appearances.push(appearance(doc, article));
    one_or_list(&mut item, "appearance", appearances);

    let mut rating = Map::new();
    rating.insert("@type".into(), json!("Rating"));
    rating.insert("alternateName".into(), json!(verdict));
    if let Some(v) = value {
        rating.insert("ratingValue".into(), json!(v));
        rating.insert("bestRating".into(), json!(BEST_RATING));
        rating.insert("worstRating".into(), json!(WORST_RATING));
    }

    let mut review = Map::new();
    review.insert("@type".into(), json!("ClaimReview"));
    review.insert(
        "@id".into(),
        json!(format!("urn:isnad:{hash}:{}", claim.id)),
    );
    review.insert("claimReviewed".into(), json!(text));
    review.insert("itemReviewed".into(), Value::Object(item));
    review.insert("reviewRating".into(), Value::Object(rating));
    // the review is published when the verdict was reached, by whoever reached it
    if let Some(at) = &claim.verification.at {
        review.insert("datePublished".into(), json!(at));
    }
    let by = claim
        .verification
        .by
        .as_deref()
        .filter(|b| !b.trim().is_empty())
        .unwrap_or(annotator);
    review.insert("author".into(), json!({ "@type": "Person", "name": by }));
    if !claim.note.trim().is_empty() {
        review.insert("reviewBody".into(), json!(claim.note));
    }
    review.insert("inLanguage".into(), json!(doc.language));
    Some(Value::Object(review))
}

/// The number of claims that get a `ClaimReview`: those with a verdict that were not rejected.
pub fn reviewed_claims(set: &AnnotationSet) -> usize {
    set.claims
        .iter()
        .filter(|c| c.review.status != ReviewStatus::Rejected)
        .filter(|c| rating(c.verification.status).is_some())
        .count()
}

/// The JSON-LD document: `{"@context": "https://schema.org", "@graph": [ClaimReview, …]}` in
/// claim order, pretty-printed with a trailing newline. Claims without a verdict and rejected
/// claims are left out; the graph is empty when none is left. `annotator` (the configured name)
/// is the author of reviews whose verdict does not record who set it.
pub fn to_claimreview(
    doc: &DocumentInfo,
    set: &AnnotationSet,
    article: &Article,
    annotator: &str,
) -> String {
    let graph: Vec<Value> = set
        .claims
        .iter()
        .filter(|c| c.review.status != ReviewStatus::Rejected)
        .filter_map(|c| claim_review(doc, set, article, c, annotator))
        .collect();
    let root = json!({ "@context": "https://schema.org", "@graph": graph });
    let text = serde_json::to_string_pretty(&root).unwrap_or_else(|_| "{}".to_owned());
    // Pasted into <script type="application/ld+json">, a `</script>` in a note would end the
    // element; `<\/` is the same string to JSON (it can only occur inside strings).
    let mut text = text.replace("</", "<\\/");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closing_script_tag_in_a_note_cannot_end_the_script_element() {
        let article = Article::from_text("t", "قال الوزير إن الوضع مستقر.".to_owned());
        let mut claim = crate::annotate::model::Claim::by_human(&article, 0..6, "me")
            .unwrap_or_else(|e| panic!("{e}"));
        claim.verification.status = VerificationStatus::False;
        claim.note = "</script><script>alert(1)</script>".to_owned();
        let mut set = AnnotationSet::default();
        set.claims.push(claim);
        let doc = DocumentInfo::for_article(&article, "t".to_owned());
        let text = to_claimreview(&doc, &set, &article, "me");
        assert!(!text.contains("</"), "{text}");
        assert!(
            text.contains(r"<\/script><script>alert(1)<\/script>"),
            "{text}"
        );
        // still JSON, with the note unchanged
        let back: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            back["@graph"][0]["reviewBody"],
            "</script><script>alert(1)</script>"
        );
    }

    #[test]
    fn verdicts_on_the_true_false_axis_are_ordered() {
        use VerificationStatus::*;
        let values: Vec<u8> = [False, MostlyFalse, Mixed, MostlyTrue, True]
            .iter()
            .filter_map(|s| rating(*s).and_then(|r| r.1))
            .collect();
        assert_eq!(values, vec![1, 2, 3, 4, 5]);
        assert_eq!(rating(Unverified), None);
        assert_eq!(rating(InProgress), None);
        assert_eq!(rating(Misleading), Some(("Misleading", None)));
        for s in VerificationStatus::ALL {
            if let Some((name, value)) = rating(*s) {
                assert!(!name.is_empty());
                assert!(value.is_none_or(|v| (WORST_RATING..=BEST_RATING).contains(&v)));
            }
        }
    }

    #[test]
    fn institution_heads_and_dates() {
        assert!(is_institution("وزارة الداخلية السورية"));
        assert!(is_institution("والحكومة"));
        assert!(!is_institution("المتحدث باسم وزارة الداخلية"));
        assert!(!is_institution(""));
        assert_eq!(iso_date("2024-05-01").as_deref(), Some("2024-05-01"));
        assert_eq!(
            iso_date("2024-05-01T10:00:00+03:00").as_deref(),
            Some("2024-05-01T10:00:00+03:00")
        );
        assert_eq!(iso_date("2024-05-01 10:00").as_deref(), Some("2024-05-01"));
        assert_eq!(iso_date("3 كانون الأول 2024"), None);
        assert_eq!(iso_date("2024"), None);
    }
}

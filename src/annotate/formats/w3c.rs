//! W3C Web Annotation Data Model (JSON-LD) export: one `Annotation` per item in an
//! `AnnotationCollection`, each target with a `TextPositionSelector` (code points) and a
//! `TextQuoteSelector` (exact, prefix, suffix) and `textDirection: "rtl"`. Entities are
//! `classifying`, sources and claims `tagging` (type in a `classifying` body, verdict
//! `assessing`, notes `commenting`), attributions `linking` a claim to its source. The isnad
//! (format version 2) rides on body properties in the `isnad:` namespace: an attribution's chain
//! (`isnad:chain`, source IRIs speaker outward, and its one-line text as the body's value) and
//! `isnad:stance`; a source's `isnad:role` and `isnad:sameAs`; a verdict's `creator`, `created`
//! and `isnad:evidence`.

use serde_json::{Value, json};

use crate::article::Article;

use super::super::document::DocumentInfo;
use super::super::isnad::Isnad;
use super::super::model::{
    AnnotationSet, Attribution, Claim, Origin, OriginKind, Review, Source, Span,
};

/// The IRI of an item: stable for a given text and id.
fn iri(doc: &DocumentInfo, id: &str) -> String {
    let hash = doc.text_sha256.get(..16).unwrap_or(&doc.text_sha256);
    format!("urn:isnad:{hash}:{id}")
}

fn target(doc: &DocumentInfo, article: &Article, span: Span) -> Value {
    let f = span.to_file(article);
    let source = doc.url.clone().unwrap_or_else(|| doc.path.clone());
    json!({
        "source": source,
        "textDirection": "rtl",
        "language": doc.language,
        "selector": [
            { "type": "TextPositionSelector", "start": f.start, "end": f.end },
            { "type": "TextQuoteSelector", "exact": f.exact,
              "prefix": f.prefix.unwrap_or_default(), "suffix": f.suffix.unwrap_or_default() }
        ]
    })
}

fn creator(origin: &Origin) -> Value {
    let kind = match origin.kind {
        OriginKind::Human => "Person",
        _ => "Software",
    };
    let mut c = json!({ "type": kind, "name": origin.by });
    if let Some(score) = origin.score {
        c["isnad:score"] = json!(score);
    }
    c
}

fn annotation(
    doc: &DocumentInfo,
    id: &str,
    motivation: &str,
    mut body: Vec<Value>,
    target: Value,
    (origin, review, note): (&Origin, &Review, &str),
) -> Value {
    if !note.is_empty() {
        body.push(json!({ "type": "TextualBody", "purpose": "commenting", "value": note }));
    }
    body.push(
        json!({ "type": "TextualBody", "purpose": "moderating", "value": review.status.as_str() }),
    );
    let mut a = json!({
        "id": iri(doc, id),
        "type": "Annotation",
        "motivation": motivation,
        "creator": creator(origin),
        "body": body,
        "target": target,
    });
    if let Some(at) = &review.at {
        a["modified"] = json!(at);
    }
    a
}

fn classifying(value: &str) -> Value {
    json!({ "type": "TextualBody", "purpose": "classifying", "value": value })
}

fn tagging(value: &str) -> Value {
    json!({ "type": "TextualBody", "purpose": "tagging", "value": value })
}

/// A claim's verdict as an `assessing` body, with who reached it, when, and on what evidence.
fn assessing(c: &Claim) -> Value {
    let v = &c.verification;
    let mut body =
        json!({ "type": "TextualBody", "purpose": "assessing", "value": v.status.as_str() });
    if let Some(by) = &v.by {
        body["creator"] = json!({ "type": "Person", "name": by });
    }
    if let Some(at) = &v.at {
        body["created"] = json!(at);
    }
    if !v.evidence.is_empty() {
        body["isnad:evidence"] = json!(v.evidence);
    }
    body
}

/// A source: tagged `source` with its role and `sameAs`, classified by its type, identified by
/// its name and the entity it names; without a span, it targets the whole document.
fn source_annotation(doc: &DocumentInfo, article: &Article, s: &Source) -> Value {
    let mut source = tagging("source");
    source["isnad:role"] = json!(s.role.as_str());
    if let Some(same) = &s.same_as {
        source["isnad:sameAs"] = json!(iri(doc, same));
    }
    let mut body = vec![source, classifying(s.source_type.as_str())];
    if !s.name.is_empty() {
        body.push(json!({ "type": "TextualBody", "purpose": "identifying", "value": s.name }));
    }
    if let Some(e) = &s.entity_id {
        body.push(
            json!({ "type": "SpecificResource", "purpose": "identifying", "source": iri(doc, e) }),
        );
    }
    let tgt = match s.span {
        Some(span) => target(doc, article, span),
        None => json!({ "source": doc.url.clone().unwrap_or_else(|| doc.path.clone()) }),
    };
    annotation(
        doc,
        &s.id,
        "tagging",
        body,
        tgt,
        (&s.origin, &s.review, &s.note),
    )
}

/// An attribution: a link from its claim (and its cue) to its source, classified by its quote
/// type, described by its chain and stance.
fn attribution_annotation(
    doc: &DocumentInfo,
    article: &Article,
    isnad: &Isnad,
    a: &Attribution,
) -> Value {
    let body = vec![
        json!({ "type": "SpecificResource", "purpose": "identifying", "source": iri(doc, &a.source_id) }),
        classifying(a.quote_type.as_str()),
        json!({
            "type": "TextualBody",
            "purpose": "describing",
            "value": isnad.chain_text(a),
            "isnad:chain": std::iter::once(&a.source_id)
                .chain(&a.via)
                .map(|id| iri(doc, id))
                .collect::<Vec<_>>(),
            "isnad:stance": a.stance.as_str(),
        }),
    ];
    let mut targets = vec![json!(iri(doc, &a.claim_id))];
    if let Some(cue) = a.cue {
        targets.push(target(doc, article, cue));
    }
    annotation(
        doc,
        &a.id,
        "linking",
        body,
        Value::Array(targets),
        (&a.origin, &a.review, &a.note),
    )
}

/// The collection as pretty JSON with a trailing newline.
pub fn to_w3c(doc: &DocumentInfo, set: &AnnotationSet, article: &Article) -> String {
    let isnad = Isnad::new(set, article, doc.outlet.as_deref());
    let mut items = Vec::new();
    for e in &set.entities {
        items.push(annotation(
            doc,
            &e.id,
            "classifying",
            vec![classifying(e.label.as_str())],
            target(doc, article, e.span),
            (&e.origin, &e.review, &e.note),
        ));
    }
    for s in &set.sources {
        items.push(source_annotation(doc, article, s));
    }
    for c in &set.claims {
        let body = vec![
            tagging("claim"),
            classifying(c.claim_type.as_str()),
            assessing(c),
        ];
        items.push(annotation(
            doc,
            &c.id,
            "tagging",
            body,
            target(doc, article, c.span),
            (&c.origin, &c.review, &c.note),
        ));
    }
    for a in &set.attributions {
        items.push(attribution_annotation(doc, article, &isnad, a));
    }
    let collection = json!({
        "@context": ["http://www.w3.org/ns/anno.jsonld", { "isnad": "urn:isnad:vocab#" }],
        "id": format!("urn:isnad:{}", doc.text_sha256),
        "type": "AnnotationCollection",
        "label": doc.title.clone().unwrap_or_else(|| doc.path.clone()),
        "total": items.len(),
        "first": { "type": "AnnotationPage", "startIndex": 0, "items": items }
    });
    let mut text = serde_json::to_string_pretty(&collection).unwrap_or_else(|_| "{}".to_owned());
    text.push('\n');
    text
}

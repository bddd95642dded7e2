//! The interchange JSON format (`ar-news-extractions`, notes/arabic-extraction.md §1.3): its
//! header checks, mentions placed by offset, or tokens with tag layers.

use serde::Deserialize;
use serde_json::Value;

use super::{
    Format, ImportError, ImportOutcome, OffsetUnit, RawMention, json_error, locate_key, parse_json,
    place_all, place_tokens,
};
use crate::annotate::Label;
use crate::extract::conll;

#[derive(Deserialize)]
struct Interchange {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    document: Option<InterchangeDocument>,
    offset_unit: String,
    #[serde(default)]
    producer: Option<Value>,
    #[serde(default)]
    mentions: Vec<InterchangeMention>,
    #[serde(default)]
    tokens: Vec<InterchangeToken>,
    #[serde(default)]
    token_tags: Option<TokenTags>,
}

#[derive(Deserialize)]
struct InterchangeDocument {
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    text_sha256: Option<String>,
}

#[derive(Deserialize)]
struct InterchangeMention {
    #[serde(default)]
    id: Option<String>,
    start: usize,
    end: usize,
    #[serde(default)]
    text: Option<String>,
    label: String,
    #[serde(default)]
    canonical: Option<String>,
    #[serde(default)]
    score: Option<f32>,
}

#[derive(Deserialize)]
struct InterchangeToken {
    #[serde(default)]
    start: Option<usize>,
    #[serde(default)]
    end: Option<usize>,
    text: String,
}

#[derive(Deserialize)]
struct TokenTags {
    #[serde(default)]
    #[allow(dead_code)]
    scheme: Option<String>,
    layers: Vec<Vec<String>>,
}

/// Reads an interchange file: mentions placed by their offsets (checked against their text),
/// or, without mentions, tokens with tag layers decoded like CoNLL.
pub(super) fn import_interchange(
    article: &str,
    data: &str,
    path: &str,
) -> Result<ImportOutcome, ImportError> {
    // A syntax error is reported as such before any field is looked at.
    serde_json::from_str::<Value>(data).map_err(|e| json_error(path, &e))?;
    let doc: Interchange = parse_json(data, path)?;
    let unit = check_header(&doc, data, path)?;
    let source_text = doc.document.as_ref().and_then(|d| d.text.as_deref());
    let tool = doc
        .producer
        .as_ref()
        .and_then(|p| p.get("tool"))
        .and_then(Value::as_str)
        .unwrap_or("interchange")
        .to_owned();
    check_tag_layers(&doc, data, path)?;
    if doc.mentions.is_empty()
        && let Some(tags) = &doc.token_tags
    {
        // Token-level output: align the tokens, then decode the tag layers.
        let conll_doc = tagged_tokens(&doc.tokens, tags);
        let offsets: Vec<Option<(usize, usize)>> =
            doc.tokens.iter().map(|t| t.start.zip(t.end)).collect();
        return Ok(place_tokens(
            article,
            source_text,
            unit,
            &conll_doc,
            &offsets,
            path,
            Format::Interchange,
            tool,
        ));
    }
    let raws = doc
        .mentions
        .into_iter()
        .enumerate()
        .map(|(i, m)| RawMention {
            start: Some(m.start),
            end: Some(m.end),
            text: m.text,
            label: m
                .canonical
                .filter(|c| Label::parse(c).is_ok_and(|l| l.is_built_in()))
                .unwrap_or(m.label),
            score: m.score,
            location: format!(
                "{path}: mention {}",
                m.id.unwrap_or_else(|| (i + 1).to_string())
            ),
        })
        .collect();
    Ok(place_all(
        article,
        source_text,
        unit,
        raws,
        Format::Interchange,
        tool,
    ))
}

/// The format name, the offset unit, and the document text's hash when both are given; the
/// offset unit.
fn check_header(doc: &Interchange, data: &str, path: &str) -> Result<OffsetUnit, ImportError> {
    let error_at = |key: &str, message: String| {
        let (line, col) = locate_key(data, key);
        ImportError::at(path, line, col, message)
    };
    if let Some(f) = &doc.format
        && f != "ar-news-extractions"
    {
        return Err(error_at(
            "format",
            format!("format {f:?} is not \"ar-news-extractions\""),
        ));
    }
    let unit = match doc.offset_unit.as_str() {
        "codepoint" => OffsetUnit::Codepoint,
        "utf16" => OffsetUnit::Utf16,
        "utf8" => OffsetUnit::Utf8,
        other => {
            return Err(error_at(
                "offset_unit",
                format!("offset_unit {other:?} is not one of codepoint, utf16, utf8"),
            ));
        }
    };
    let document = doc.document.as_ref();
    if let (Some(text), Some(hash)) = (
        document.and_then(|d| d.text.as_deref()),
        document.and_then(|d| d.text_sha256.as_deref()),
    ) && !crate::article::sha256_hex(text).eq_ignore_ascii_case(hash)
    {
        return Err(error_at(
            "text_sha256",
            "text_sha256 is not the hash of document.text (file damaged or edited)".to_owned(),
        ));
    }
    Ok(unit)
}

/// Every tag layer has one tag per token.
fn check_tag_layers(doc: &Interchange, data: &str, path: &str) -> Result<(), ImportError> {
    let Some(tags) = &doc.token_tags else {
        return Ok(());
    };
    let Some((k, layer)) = tags
        .layers
        .iter()
        .enumerate()
        .find(|(_, layer)| layer.len() != doc.tokens.len())
    else {
        return Ok(());
    };
    let (line, col) = locate_key(data, "token_tags");
    Err(ImportError::at(
        path,
        line,
        col,
        format!(
            "token_tags layer {} has {} tags for {} tokens",
            k + 1,
            layer.len(),
            doc.tokens.len()
        ),
    ))
}

/// The tokens with their tags, one per layer, as a CoNLL document to decode.
fn tagged_tokens(tokens: &[InterchangeToken], tags: &TokenTags) -> conll::ConllDoc {
    let mut conll_doc = conll::ConllDoc::default();
    for (i, token) in tokens.iter().enumerate() {
        let tags: Vec<String> = tags
            .layers
            .iter()
            .map(|layer| layer.get(i).cloned().unwrap_or_else(|| "O".to_owned()))
            .collect();
        conll_doc.tokens.push(conll::ConllToken {
            text: token.text.clone(),
            tags,
            line: 0,
            sentence_end: false,
        });
    }
    conll_doc
}

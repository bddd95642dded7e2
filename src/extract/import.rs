//! Importers of automatic extractions made by other tools (interchange JSON, Stanza, spaCy,
//! Hugging Face pipelines, CoNLL/IOB/BIOES, brat). Every mention is checked against the article
//! text: realigned to the nearest occurrence of its text when the offsets are off, set aside as
//! unaligned when its text cannot be found; never placed at a wrong offset.

use std::fmt;
use std::ops::Range;

use serde::Deserialize;
use serde_json::Value;

use super::conll;
use crate::annotate::Label;
pub use crate::annotate::formats::ImportError;
use crate::text::normalize::{NormalizedText, fold_eq, normalize_str};

/// The formats that can be imported; `Auto` guesses from the file name and content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Auto,
    Interchange,
    Stanza,
    Spacy,
    Hf,
    Conll,
    Brat,
}

impl Format {
    /// Every choice, in the order `--help` lists them.
    pub const ALL: [Format; 7] = [
        Format::Auto,
        Format::Interchange,
        Format::Stanza,
        Format::Spacy,
        Format::Hf,
        Format::Conll,
        Format::Brat,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Auto => "auto",
            Format::Interchange => "interchange",
            Format::Stanza => "stanza",
            Format::Spacy => "spacy",
            Format::Hf => "hf",
            Format::Conll => "conll",
            Format::Brat => "brat",
        }
    }

    /// The format itself, or for `Auto` the one guessed from the file name and content (still
    /// `Auto` when it cannot be told).
    pub fn resolve(self, path: &str, data: &str) -> Format {
        match self {
            Format::Auto => Format::detect(path, data).unwrap_or(Format::Auto),
            given => given,
        }
    }

    /// Guesses the format from the file name and content.
    pub fn detect(path: &str, data: &str) -> Option<Format> {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".ann") {
            return Some(Format::Brat);
        }
        if lower.ends_with(".conll") || lower.ends_with(".iob") || lower.ends_with(".bio") {
            return Some(Format::Conll);
        }
        let trimmed = data.trim_start();
        if trimmed.starts_with('{') || trimmed.starts_with('[') {
            let value: Value = serde_json::from_str(data).ok()?;
            return detect_json(&value);
        }
        let first = trimmed.lines().next().unwrap_or("");
        if first.starts_with('T') && first.split('\t').count() >= 3 {
            return Some(Format::Brat);
        }
        Some(Format::Conll)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| {
                format!(
                    "unknown import format {s:?} (expected {})",
                    Self::ALL.map(Self::name).join(", ")
                )
            })
    }
}

fn detect_json(value: &Value) -> Option<Format> {
    match value {
        Value::Object(map) => {
            if map.get("format").and_then(Value::as_str) == Some("ar-news-extractions")
                || map.contains_key("offset_unit")
            {
                return Some(Format::Interchange);
            }
            let first_ent = map.get("ents").and_then(|e| e.get(0));
            match first_ent {
                Some(e) if e.get("start_char").is_some() || e.get("type").is_some() => {
                    Some(Format::Stanza)
                }
                Some(_) => Some(Format::Spacy),
                None if map.contains_key("tokens") && map.contains_key("text") => {
                    Some(Format::Spacy)
                }
                None if map.contains_key("ents") => Some(Format::Stanza),
                None => None,
            }
        }
        Value::Array(items) => {
            let first = items.first()?;
            if first.get("entity_group").is_some() || first.get("entity").is_some() {
                Some(Format::Hf)
            } else if first.get("start_char").is_some() || first.get("type").is_some() {
                Some(Format::Stanza)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// How offsets in a file count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffsetUnit {
    Codepoint,
    Utf16,
    Utf8,
}

/// Offset → byte conversion for one text and unit.
struct OffsetTable {
    /// `bytes[offset]` = byte position, or `usize::MAX` inside a surrogate pair.
    bytes: Vec<usize>,
}

impl OffsetTable {
    fn new(text: &str, unit: OffsetUnit) -> Self {
        let mut bytes = Vec::with_capacity(text.len() + 1);
        match unit {
            OffsetUnit::Utf8 => {
                for at in 0..=text.len() {
                    bytes.push(if text.is_char_boundary(at) {
                        at
                    } else {
                        usize::MAX
                    });
                }
                return OffsetTable { bytes };
            }
            OffsetUnit::Codepoint => {
                bytes.extend(text.char_indices().map(|(at, _)| at));
            }
            OffsetUnit::Utf16 => {
                for (at, c) in text.char_indices() {
                    bytes.push(at);
                    if c.len_utf16() == 2 {
                        bytes.push(usize::MAX);
                    }
                }
            }
        }
        bytes.push(text.len());
        OffsetTable { bytes }
    }

    fn byte(&self, offset: usize) -> Option<usize> {
        self.bytes.get(offset).copied().filter(|&b| b != usize::MAX)
    }
}

/// A mention placed in the article.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedMention {
    /// Byte range in the article text.
    pub range: Range<usize>,
    /// Our label (MISC for labels outside our set).
    pub label: Label,
    /// The label as the tool wrote it.
    pub raw_label: String,
    pub score: Option<f32>,
    /// The offsets did not match the text and the mention was moved to the nearest
    /// occurrence of its text.
    pub realigned: bool,
}

/// A mention whose text could not be found in the article: reported, kept aside.
#[derive(Debug, Clone, PartialEq)]
pub struct UnalignedMention {
    pub text: String,
    pub raw_label: String,
    /// The offsets given in the file, in its unit.
    pub offsets: Option<(usize, usize)>,
    /// Where it is in the input (`FILE:LINE` or `FILE: mention N`).
    pub location: String,
}

#[derive(Debug, Clone)]
pub struct ImportOutcome {
    pub format: Format,
    /// The tool named in the file, else the format name.
    pub tool: String,
    pub mentions: Vec<ImportedMention>,
    pub unaligned: Vec<UnalignedMention>,
    /// Whether the text the tool saw (when the file carries it) is the article text.
    pub same_text: Option<bool>,
}

impl ImportOutcome {
    fn empty(format: Format, tool: String, same_text: Option<bool>) -> Self {
        ImportOutcome {
            format,
            tool,
            mentions: Vec::new(),
            unaligned: Vec::new(),
            same_text,
        }
    }

    pub fn realigned(&self) -> usize {
        self.mentions.iter().filter(|m| m.realigned).count()
    }

    /// `imported N, realigned M, unaligned K`
    pub fn summary(&self) -> String {
        format!(
            "imported {}, realigned {}, unaligned {}",
            self.mentions.len(),
            self.realigned(),
            self.unaligned.len()
        )
    }
}

/// A mention as read from a file, before it is checked against the article.
struct RawMention {
    start: Option<usize>,
    end: Option<usize>,
    text: Option<String>,
    label: String,
    score: Option<f32>,
    location: String,
}

/// Imports `data` (the content of `path`) for an article whose text is `article`.
pub fn import(
    article: &str,
    data: &str,
    path: &str,
    format: Format,
) -> Result<ImportOutcome, ImportError> {
    let format = format.resolve(path, data);
    match format {
        Format::Auto => Err(ImportError::at(
            path,
            1,
            1,
            "cannot tell the format; pass --format (interchange, stanza, spacy, hf, conll, brat)",
        )),
        Format::Conll => import_conll(article, data, path),
        Format::Brat => brat_mentions(article, data, path),
        Format::Interchange => import_interchange(article, data, path),
        Format::Stanza => import_stanza(article, data, path),
        Format::Spacy => import_spacy(article, data, path),
        Format::Hf => import_hf(article, data, path),
    }
}

fn json_error(path: &str, err: &serde_json::Error) -> ImportError {
    let mut message = err.to_string();
    // serde_json appends " at line L column C"; the location is already in front.
    if let Some(cut) = message.rfind(" at line ") {
        message.truncate(cut);
    }
    ImportError::at(path, err.line().max(1), err.column().max(1), message)
}

fn parse_json<'a, T: Deserialize<'a>>(data: &'a str, path: &str) -> Result<T, ImportError> {
    serde_json::from_str(data).map_err(|e| json_error(path, &e))
}

/// Checks every raw mention against the article and places it.
fn place_all(
    article: &str,
    source_text: Option<&str>,
    unit: OffsetUnit,
    raws: Vec<RawMention>,
    format: Format,
    tool: String,
) -> ImportOutcome {
    let same_text = source_text.map(|s| s == article);
    let article_table = OffsetTable::new(article, unit);
    let source = source_text.map(|s| (s, OffsetTable::new(s, unit)));
    let mut aligner = Aligner::new(article);
    let mut outcome = ImportOutcome::empty(format, tool, same_text);
    for raw in raws {
        // The mention's text: given, else read from the tool's own text at the offsets.
        let from_source = source.as_ref().and_then(|(src, table)| {
            let range = byte_range(table, raw.start, raw.end)?;
            src.get(range).map(str::to_owned)
        });
        // Offsets outside the tool's own text (spaCy's `text`): nothing to check the mention
        // against, so it is refused, reported with its place in the file.
        let beyond_source = source.is_some() && raw.text.is_none() && from_source.is_none();
        let text = raw.text.clone().or(from_source);
        let placed = if beyond_source {
            None
        } else {
            let expected = byte_range(&article_table, raw.start, raw.end);
            let near = expected.as_ref().map(|r| r.start);
            let near = near.or_else(|| raw.start.map(|s| s.min(article.len())));
            place(article, &mut aligner, expected, text.as_deref(), near)
        };
        let label = Label::map_foreign(&raw.label).unwrap_or(Label::MISC);
        match placed {
            Some((range, realigned)) if range.start < range.end => {
                outcome.mentions.push(ImportedMention {
                    range,
                    label,
                    raw_label: raw.label,
                    score: raw.score,
                    realigned,
                })
            }
            _ => outcome.unaligned.push(UnalignedMention {
                text: text.unwrap_or_default(),
                raw_label: raw.label,
                offsets: raw.start.zip(raw.end),
                location: raw.location,
            }),
        }
    }
    outcome
}

/// The bytes between two offsets of `table`'s unit, when both are given, fall in the text and
/// come in order.
fn byte_range(
    table: &OffsetTable,
    start: Option<usize>,
    end: Option<usize>,
) -> Option<Range<usize>> {
    let (bs, be) = (table.byte(start?)?, table.byte(end?)?);
    (bs < be).then_some(bs..be)
}

/// Where a mention goes: at its offsets (`expected`) when the text there is the mention's (or
/// it has no text), else where its text is found nearest byte `near`; whether it was realigned.
fn place(
    article: &str,
    aligner: &mut Aligner,
    expected: Option<Range<usize>>,
    text: Option<&str>,
    near: Option<usize>,
) -> Option<(Range<usize>, bool)> {
    match (expected, text) {
        (Some(range), Some(t)) if matches_text(&article[range.clone()], t) => Some((range, false)),
        (Some(range), None) => Some((range, false)),
        (_, Some(t)) => aligner.nearest(t, near).map(|r| (r, true)),
        (None, None) => None,
    }
}

/// Does the article text at some offsets say what the tool said? Exact, or equal after the
/// matching normalisation (tools that dediacritise or NFKC-normalise), or equal up to the
/// spaces and `##` that word-piece models insert.
fn matches_text(found: &str, expected: &str) -> bool {
    if found == expected || fold_eq(found, expected) {
        return true;
    }
    let squeeze = |s: &str| -> String {
        normalize_str(&s.replace("##", ""))
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    squeeze(found) == squeeze(expected)
}

/// Finds occurrences of a mention's text in the article: exact first, then after
/// normalisation (mapped back to original bytes).
struct Aligner<'a> {
    article: &'a str,
    normalized: Option<NormalizedText>,
}

impl<'a> Aligner<'a> {
    fn new(article: &'a str) -> Self {
        Aligner {
            article,
            normalized: None,
        }
    }

    fn occurrences(&mut self, text: &str) -> Vec<Range<usize>> {
        let text = text.trim();
        if text.is_empty() {
            return Vec::new();
        }
        let exact: Vec<Range<usize>> = self
            .article
            .match_indices(text)
            .map(|(at, m)| at..at + m.len())
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        let needle = normalize_str(&text.replace("##", ""));
        if needle.trim().is_empty() {
            return Vec::new();
        }
        let norm = self
            .normalized
            .get_or_insert_with(|| NormalizedText::new(self.article));
        norm.text
            .match_indices(needle.as_str())
            .map(|(at, m)| norm.to_original(at..at + m.len()))
            .collect()
    }

    /// The occurrence nearest to byte `near` (the first one without a hint).
    fn nearest(&mut self, text: &str, near: Option<usize>) -> Option<Range<usize>> {
        let found = self.occurrences(text);
        match near {
            Some(at) => found.into_iter().min_by_key(|r| r.start.abs_diff(at)),
            None => found.into_iter().next(),
        }
    }
}

/// Line and column (1-based) of the first `"key"` in a JSON text, for messages about values.
fn locate_key(data: &str, key: &str) -> (usize, usize) {
    let needle = format!("\"{key}\"");
    match data.find(&needle) {
        Some(at) => {
            let before = &data[..at];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            (line, col)
        }
        None => (1, 1),
    }
}

// ---------------------------------------------------------------------------------------
// Stanza, spaCy, Hugging Face

#[derive(Deserialize)]
struct StanzaEnt {
    #[serde(default)]
    text: Option<String>,
    #[serde(rename = "type")]
    label: String,
    start_char: usize,
    end_char: usize,
}

#[derive(Deserialize)]
struct StanzaDoc {
    #[serde(default)]
    text: Option<String>,
    ents: Vec<StanzaEnt>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum StanzaFile {
    Doc(StanzaDoc),
    List(Vec<StanzaEnt>),
}

fn import_stanza(article: &str, data: &str, path: &str) -> Result<ImportOutcome, ImportError> {
    let value: Value = serde_json::from_str(data).map_err(|e| json_error(path, &e))?;
    // Typed parse of the right shape so errors keep their position.
    let file = if value.is_array() {
        StanzaFile::List(parse_json(data, path)?)
    } else {
        StanzaFile::Doc(parse_json(data, path)?)
    };
    let (text, ents) = match file {
        StanzaFile::Doc(d) => (d.text, d.ents),
        StanzaFile::List(l) => (None, l),
    };
    let raws = ents
        .into_iter()
        .enumerate()
        .map(|(i, e)| RawMention {
            start: Some(e.start_char),
            end: Some(e.end_char),
            text: e.text,
            label: e.label,
            score: None,
            location: format!("{path}: entity {}", i + 1),
        })
        .collect();
    Ok(place_all(
        article,
        text.as_deref(),
        OffsetUnit::Codepoint,
        raws,
        Format::Stanza,
        "stanza".into(),
    ))
}

#[derive(Deserialize)]
struct SpacyEnt {
    start: usize,
    end: usize,
    label: String,
}

#[derive(Deserialize)]
struct SpacyDoc {
    text: String,
    #[serde(default)]
    ents: Vec<SpacyEnt>,
    #[serde(default)]
    spans: std::collections::BTreeMap<String, Vec<SpacyEnt>>,
}

fn import_spacy(article: &str, data: &str, path: &str) -> Result<ImportOutcome, ImportError> {
    let doc: SpacyDoc = parse_json(data, path)?;
    let mut raws: Vec<RawMention> = Vec::new();
    let groups = std::iter::once(("ents".to_owned(), doc.ents)).chain(doc.spans);
    for (group, ents) in groups {
        for (i, e) in ents.into_iter().enumerate() {
            raws.push(RawMention {
                start: Some(e.start),
                end: Some(e.end),
                text: None,
                label: e.label,
                score: None,
                location: format!("{path}: {group} {}", i + 1),
            });
        }
    }
    // spaCy gives no per-entity text: it is read from the doc's text at the offsets.
    let outcome = place_all(
        article,
        Some(&doc.text),
        OffsetUnit::Codepoint,
        raws,
        Format::Spacy,
        "spacy".into(),
    );
    Ok(outcome)
}

#[derive(Deserialize)]
struct HfEntity {
    #[serde(default)]
    entity_group: Option<String>,
    #[serde(default)]
    entity: Option<String>,
    #[serde(default)]
    word: Option<String>,
    start: Option<usize>,
    end: Option<usize>,
    #[serde(default)]
    score: Option<f32>,
}

fn import_hf(article: &str, data: &str, path: &str) -> Result<ImportOutcome, ImportError> {
    let items: Vec<HfEntity> = parse_json(data, path)?;
    let table = OffsetTable::new(article, OffsetUnit::Codepoint);
    let mut raws: Vec<RawMention> = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let location = format!("{path}: item {}", i + 1);
        let Some(tag) = item.entity_group.or(item.entity) else {
            let (line, col) = locate_nth_object(data, i);
            return Err(ImportError::at(
                path,
                line,
                col,
                "item has neither entity_group nor entity",
            ));
        };
        // Without aggregation every word piece is an item tagged B-X / I-X: pieces that
        // continue the previous entity are merged into it.
        let (prefix, label) = match tag.split_once('-') {
            Some((p @ ("B" | "I" | "E" | "S"), l)) => (Some(p), l.to_owned()),
            _ => (None, tag.clone()),
        };
        if matches!(prefix, Some("I" | "E"))
            && let Some(last) = raws.last_mut()
            && last.label == label
            && let (Some(le), Some(s), Some(e)) = (last.end, item.start, item.end)
            && s >= le
            && gap_is_blank(article, &table, le, s)
        {
            last.end = Some(e);
            last.text = None;
            last.score = match (last.score, item.score) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            continue;
        }
        raws.push(RawMention {
            start: item.start,
            end: item.end,
            text: item.word.filter(|w| !w.starts_with("##")),
            label,
            score: item.score,
            location,
        });
    }
    Ok(place_all(
        article,
        None,
        OffsetUnit::Codepoint,
        raws,
        Format::Hf,
        "hf".into(),
    ))
}

/// Between two code-point offsets there is at most whitespace (pieces of one entity).
fn gap_is_blank(article: &str, table: &OffsetTable, from: usize, to: usize) -> bool {
    match (table.byte(from), table.byte(to)) {
        (Some(a), Some(b)) if a <= b => article[a..b].chars().all(char::is_whitespace),
        _ => false,
    }
}

/// Line and column of the `n`-th object of a top-level JSON array (approximate: counts `{` at
/// nesting depth 1), for messages about one item.
fn locate_nth_object(data: &str, n: usize) -> (usize, usize) {
    let mut depth = 0usize;
    let mut seen = 0usize;
    let (mut line, mut col) = (1usize, 0usize);
    let mut in_string = false;
    let mut escaped = false;
    for c in data.chars() {
        if c == '\n' {
            line += 1;
            col = 0;
        } else {
            col += 1;
        }
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '[' | '{' => {
                if c == '{' && depth == 1 {
                    if seen == n {
                        return (line, col);
                    }
                    seen += 1;
                }
                depth += 1;
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    (1, 1)
}

// ---------------------------------------------------------------------------------------
// CoNLL and brat

fn import_conll(article: &str, data: &str, path: &str) -> Result<ImportOutcome, ImportError> {
    let doc = conll::parse(data, path)?;
    let offsets = vec![None; doc.tokens.len()];
    Ok(place_tokens(
        article,
        None,
        OffsetUnit::Codepoint,
        &doc,
        &offsets,
        path,
        Format::Conll,
        "conll".into(),
    ))
}

/// Aligns tokens to the article in order (each searched from where the previous one ended,
/// exactly or after normalisation) and turns decoded tag spans into mentions.
#[allow(clippy::too_many_arguments)]
fn place_tokens(
    article: &str,
    source_text: Option<&str>,
    unit: OffsetUnit,
    doc: &conll::ConllDoc,
    offsets: &[Option<(usize, usize)>],
    path: &str,
    format: Format,
    tool: String,
) -> ImportOutcome {
    let same_text = source_text.map(|s| s == article);
    let (placed, realigned_tokens) = align_tokens(article, doc, offsets, unit);
    let mut outcome = ImportOutcome::empty(format, tool, same_text);
    for span in conll::decode(doc) {
        let (first, last) = (&placed[span.first], &placed[span.last]);
        let all_placed = placed[span.first..=span.last]
            .iter()
            .zip(&doc.tokens[span.first..=span.last])
            .all(|(p, t)| p.is_some() || t.text == conll::DOC_SEPARATOR);
        let text = doc.tokens[span.first..=span.last]
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let label = Label::map_foreign(&span.raw_label).unwrap_or(Label::MISC);
        match (first, last) {
            (Some(a), Some(b)) if all_placed && a.start < b.end => {
                outcome.mentions.push(ImportedMention {
                    range: a.start..b.end,
                    label,
                    raw_label: span.raw_label,
                    score: None,
                    realigned: realigned_tokens[span.first..=span.last].iter().any(|&r| r),
                })
            }
            _ => outcome.unaligned.push(UnalignedMention {
                text,
                raw_label: span.raw_label,
                offsets: None,
                location: format!("{path}:{}", doc.tokens[span.first].line),
            }),
        }
    }
    outcome
}

/// How far past the previous token (normalised bytes) the next one is searched for.
const ALIGN_WINDOW: usize = 4096;

/// Places each token of a token-tag document in the article, in order: given offsets that fit
/// the token's text win; otherwise the token is searched from where the previous one ended,
/// exactly or after normalisation (tools that dediacritise, drop tatweel or NFKC-normalise).
/// Returns each token's byte range (`None` when not found; document separators are `None`)
/// and whether it was moved away from its given offsets.
pub fn align_tokens(
    article: &str,
    doc: &conll::ConllDoc,
    offsets: &[Option<(usize, usize)>],
    unit: OffsetUnit,
) -> (Vec<Option<Range<usize>>>, Vec<bool>) {
    let norm = NormalizedText::new(article);
    let table = OffsetTable::new(article, unit);
    let mut cursor_norm = 0usize;
    let mut placed: Vec<Option<Range<usize>>> = Vec::with_capacity(doc.tokens.len());
    let mut realigned_tokens = vec![false; doc.tokens.len()];
    for (i, token) in doc.tokens.iter().enumerate() {
        if token.text == conll::DOC_SEPARATOR {
            placed.push(None);
            continue;
        }
        // Given offsets that fit the token's text win.
        if let Some((s, e)) = offsets.get(i).copied().flatten()
            && let (Some(bs), Some(be)) = (table.byte(s), table.byte(e))
            && bs < be
            && matches_text(&article[bs..be], &token.text)
        {
            cursor_norm = norm.map.partition_point(|&m| (m as usize) < be);
            placed.push(Some(bs..be));
            continue;
        }
        let needle = normalize_str(&token.text);
        if needle.is_empty() {
            placed.push(None);
            continue;
        }
        // Tokens come in order with little between them; a bounded window keeps a token that
        // is missing from the article from costing a scan of the whole rest.
        let window_end = (cursor_norm + ALIGN_WINDOW + needle.len()).min(norm.text.len());
        let window_end = (window_end..=norm.text.len())
            .find(|&e| norm.text.is_char_boundary(e))
            .unwrap_or(norm.text.len());
        let found = norm
            .text
            .get(cursor_norm..window_end)
            .and_then(|rest| rest.find(needle.as_str()));
        match found {
            Some(at) => {
                let start = cursor_norm + at;
                let end = start + needle.len();
                placed.push(Some(norm.to_original(start..end)));
                realigned_tokens[i] = offsets.get(i).copied().flatten().is_some();
                cursor_norm = end;
            }
            None => placed.push(None),
        }
    }
    (placed, realigned_tokens)
}

/// Reads the text-bound annotations (`T` lines) of a brat `.ann` file with the annotation
/// module's brat line reader. Offsets are code points; a discontinuous span (`0 5;8 12`) is
/// imported as the range covering its parts. Other annotation kinds (relations, events,
/// attributes, notes) are not entities and are skipped.
mod interchange;
mod into;
use interchange::import_interchange;
pub use into::{ImportReport, Prepared, import_into, only_new, prepare, read_file, read_text};

/// The entities of a brat file as mentions, read by the one brat reader
/// ([`crate::annotate::formats::brat::parse_ann`]); [`prepare`] also keeps its sources, claims
/// and attributions.
fn brat_mentions(article: &str, data: &str, path: &str) -> Result<ImportOutcome, ImportError> {
    let placed = crate::article::Article::from_text(path, article.to_owned());
    let read = crate::annotate::formats::brat::parse_ann(data, path, &placed)?;
    let mut outcome = ImportOutcome::empty(Format::Brat, "brat".into(), None);
    for entity in read.set.entities {
        let raw_label = entity
            .original_label
            .clone()
            .unwrap_or_else(|| entity.label.to_string());
        let range = entity.span.range();
        outcome.mentions.push(ImportedMention {
            realigned: read
                .realigned
                .iter()
                .any(|r| r.item.as_deref() == Some(entity.id.as_str())),
            label: Label::map_foreign(&raw_label).unwrap_or(Label::MISC),
            raw_label,
            range,
            score: None,
        });
    }
    outcome.unaligned = unaligned_of(&read.unaligned, path);
    Ok(outcome)
}

/// A brat reader's unaligned spans as unaligned mentions (`FILE:LINE`).
fn unaligned_of(
    spans: &[crate::annotate::formats::brat::UnalignedSpan],
    path: &str,
) -> Vec<UnalignedMention> {
    spans
        .iter()
        .map(|u| UnalignedMention {
            text: u.reference.clone(),
            raw_label: u.kind.clone(),
            offsets: Some(u.written),
            location: format!("{path}:{}", u.line),
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;

//! The annotation model held in memory: entities, sources, claims and attributions with their
//! spans (article byte ranges), provenance (`Origin`) and review state (`Review`), plus the
//! code-point span shape used in files (`FileSpan`) and the conversion between the two.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::article::Article;

/// Code points of context stored before and after each quote (Hypothesis uses 32 too).
pub const CONTEXT_CHARS: usize = 32;

/// Entity labels offered by default; the set is configurable, so any label matching
/// [`Label::parse`] is accepted in files.
pub const DEFAULT_LABELS: [&str; 12] = [
    "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "DATE", "TIME", "NUMBER", "MONEY",
    "MISC",
];

/// A span inside the program: a half-open UTF-8 byte range into `Article::text`, on character
/// boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Why a span does not fit an article.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    #[error("span {start}..{end} is empty or reversed")]
    Empty { start: usize, end: usize },
    #[error("span {start}..{end} is past the end of the text ({len})")]
    OutOfRange {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("span {start}..{end} does not fall on character boundaries")]
    NotCharBoundary { start: usize, end: usize },
    #[error("quote {found:?} at {start}..{end} does not match the stored {expected:?}")]
    QuoteMismatch {
        start: usize,
        end: usize,
        expected: String,
        found: String,
    },
}

impl Span {
    /// A span checked against the article: non-empty, in range, on character boundaries.
    pub fn checked(article: &Article, range: Range<usize>) -> Result<Self, SpanError> {
        let (start, end) = (range.start, range.end);
        if start >= end {
            return Err(SpanError::Empty { start, end });
        }
        if end > article.text.len() {
            return Err(SpanError::OutOfRange {
                start,
                end,
                len: article.text.len(),
            });
        }
        if !article.text.is_char_boundary(start) || !article.text.is_char_boundary(end) {
            return Err(SpanError::NotCharBoundary { start, end });
        }
        Ok(Self { start, end })
    }

    /// `range` widened to whole grapheme clusters, so a span never separates a letter from its
    /// harakat or splits an emoji sequence; `None` when empty or out of range.
    pub fn snapped(article: &Article, range: Range<usize>) -> Option<Self> {
        use unicode_segmentation::GraphemeCursor;
        let text = &article.text;
        if range.start >= range.end || range.end > text.len() {
            return None;
        }
        let mut start = range.start;
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = range.end;
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let mut cursor = GraphemeCursor::new(start, text.len(), true);
        if !cursor.is_boundary(text, 0).unwrap_or(true) {
            start = cursor.prev_boundary(text, 0).ok().flatten().unwrap_or(0);
        }
        let mut cursor = GraphemeCursor::new(end, text.len(), true);
        if !cursor.is_boundary(text, 0).unwrap_or(true) {
            end = cursor
                .next_boundary(text, 0)
                .ok()
                .flatten()
                .unwrap_or(text.len());
        }
        Some(Self { start, end })
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The covered text ("" when the span does not fit the article).
    pub fn text<'a>(&self, article: &'a Article) -> &'a str {
        article.text.get(self.range()).unwrap_or("")
    }

    /// The file form: code-point offsets, the quote and up to [`CONTEXT_CHARS`] of context.
    pub fn to_file(&self, article: &Article) -> FileSpan {
        let start = article.byte_to_char(self.start);
        let end = article.byte_to_char(self.end);
        let prefix_start = article
            .char_to_byte(start.saturating_sub(CONTEXT_CHARS))
            .unwrap_or(0);
        let suffix_end = article
            .char_to_byte((end + CONTEXT_CHARS).min(article.len_chars()))
            .unwrap_or(article.text.len());
        let slice = |r: Range<usize>| article.text.get(r).unwrap_or("").to_owned();
        FileSpan {
            start,
            end,
            exact: slice(self.start..self.end),
            prefix: Some(slice(prefix_start..self.start)),
            suffix: Some(slice(self.end..suffix_end)),
        }
    }
}

/// A span as written in files: half-open code-point offsets plus a W3C-style quote selector.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileSpan {
    pub start: usize,
    pub end: usize,
    pub exact: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
}

impl FileSpan {
    /// The byte span at exactly these offsets, if they fit the article and the text there is
    /// `exact`. Re-anchoring (see `anchor`) handles the cases where it is not.
    pub fn to_bytes(&self, article: &Article) -> Result<Span, SpanError> {
        let len = article.len_chars();
        if self.start >= self.end {
            return Err(SpanError::Empty {
                start: self.start,
                end: self.end,
            });
        }
        let (Some(start), Some(end)) = (
            article.char_to_byte(self.start),
            article.char_to_byte(self.end),
        ) else {
            return Err(SpanError::OutOfRange {
                start: self.start,
                end: self.end,
                len,
            });
        };
        let found = article.text.get(start..end).unwrap_or("");
        if found != self.exact {
            return Err(SpanError::QuoteMismatch {
                start: self.start,
                end: self.end,
                expected: self.exact.clone(),
                found: found.to_owned(),
            });
        }
        Ok(Span { start, end })
    }
}

/// An entity label: configurable, so a validated string rather than an enum. Upper-case ASCII
/// letters, digits, `_` and `-`, starting with a letter, at most 32 characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Label(String);

impl Label {
    pub fn parse(s: &str) -> Result<Self, String> {
        let ok = !s.is_empty()
            && s.len() <= 32
            && s.starts_with(|c: char| c.is_ascii_uppercase())
            && s.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' || c == '-');
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(format!(
                "invalid label {s:?}: use upper-case ASCII letters, digits, '_' or '-', starting with a letter (at most 32)"
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Label {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Self::parse(&s)
    }
}

impl From<Label> for String {
    fn from(l: Label) -> String {
        l.0
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Label {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Self::parse(s)
    }
}

/// Declares a closed vocabulary: a serde enum in snake_case with `ALL`, `as_str`, `Display`
/// and `FromStr`, so the file values, the UI pickers and the schema share one list.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? } default $default:ident) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        impl Default for $name {
            fn default() -> Self {
                $name::$default
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(format!(
                        "unknown {} {:?}; expected one of: {}",
                        stringify!($name),
                        s,
                        [$($text),+].join(", ")
                    )),
                }
            }
        }
    };
}

vocabulary!(
    /// Who or what produced an item.
    OriginKind { Human = "human", Rule = "rule", Model = "model", Import = "import" } default Human
);

vocabulary!(
    /// Where an item stands in review. Suggestions and human annotations share one shape:
    /// accepting is a state change, never a copy.
    ReviewStatus {
        Suggested = "suggested",
        Accepted = "accepted",
        Rejected = "rejected",
        Corrected = "corrected",
    } default Suggested
);

vocabulary!(
    /// What kind of source a statement is attributed to.
    SourceType {
        Official = "official",
        AnonymousOfficial = "anonymous_official",
        Anonymous = "anonymous",
        Eyewitness = "eyewitness",
        AffectedPerson = "affected_person",
        Expert = "expert",
        Organization = "organization",
        MediaOutlet = "media_outlet",
        SocialMedia = "social_media",
        Document = "document",
        Journalist = "journalist",
        Unknown = "unknown",
    } default Unknown
);

vocabulary!(
    /// What kind of claim a span makes.
    ClaimType {
        Statement = "statement",
        Quantity = "quantity",
        Event = "event",
        Causal = "causal",
        Prediction = "prediction",
        Quote = "quote",
        Opinion = "opinion",
        Other = "other",
    } default Statement
);

vocabulary!(
    /// Fact-check verdict of a claim (maps to schema.org ClaimReview `alternateName`).
    VerificationStatus {
        Unverified = "unverified",
        InProgress = "in_progress",
        True = "true",
        MostlyTrue = "mostly_true",
        Mixed = "mixed",
        MostlyFalse = "mostly_false",
        False = "false",
        Misleading = "misleading",
        Unproven = "unproven",
        NotCheckable = "not_checkable",
    } default Unverified
);

vocabulary!(
    /// How the attributed content is reported (PARC-style).
    QuoteType {
        Direct = "direct",
        Indirect = "indirect",
        Mixed = "mixed",
        Paraphrase = "paraphrase",
        Unknown = "unknown",
    } default Unknown
);

/// Provenance: who made the item, and the model or rule score when there is one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    pub kind: OriginKind,
    pub by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

impl Origin {
    pub fn human(by: &str) -> Self {
        Self {
            kind: OriginKind::Human,
            by: by.to_owned(),
            score: None,
        }
    }

    pub fn rule(by: &str, score: Option<f64>) -> Self {
        Self {
            kind: OriginKind::Rule,
            by: by.to_owned(),
            score,
        }
    }

    pub fn model(by: &str, score: Option<f64>) -> Self {
        Self {
            kind: OriginKind::Model,
            by: by.to_owned(),
            score,
        }
    }

    pub fn import(by: &str) -> Self {
        Self {
            kind: OriginKind::Import,
            by: by.to_owned(),
            score: None,
        }
    }
}

/// Review state. `previous` holds the value before the first correction (an object with the
/// changed fields, e.g. `{"label": "ORG"}`), so a correction can be audited or compared with
/// the model's output.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub status: ReviewStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// RFC 3339 UTC timestamp.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Value>,
}

impl Review {
    pub fn suggested() -> Self {
        Self::default()
    }

    /// Accepted by `by` now.
    pub fn accepted(by: &str) -> Self {
        Self {
            status: ReviewStatus::Accepted,
            by: Some(by.to_owned()),
            at: Some(now_rfc3339()),
            previous: None,
        }
    }

    /// Marks a state change (accept/reject) by `by`, keeping any earlier `previous`.
    pub fn set_status(&mut self, status: ReviewStatus, by: &str) {
        self.status = status;
        self.by = Some(by.to_owned());
        self.at = Some(now_rfc3339());
    }

    /// Marks a correction: status `corrected`, and `previous` records the fields of `old`
    /// that no earlier correction recorded (the original value is the one worth keeping), so a
    /// relabel followed by a span change keeps both the original label and the original span.
    pub fn correct(&mut self, old: Value, by: &str) {
        match (&mut self.previous, old) {
            (None, old) => self.previous = Some(old),
            (Some(Value::Object(kept)), Value::Object(fields)) => {
                for (key, value) in fields {
                    kept.entry(key).or_insert(value);
                }
            }
            // a `previous` of another shape (from an older file) is kept as it is
            (Some(_), _) => {}
        }
        self.set_status(ReviewStatus::Corrected, by);
    }
}

/// The current time as RFC 3339 UTC with second precision.
pub fn now_rfc3339() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

/// A fact-check verdict and how sure it is (0–1).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verification {
    pub status: VerificationStatus,
    pub confidence: Option<f64>,
}

/// A named mention: person, organisation, place, date…
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub id: String,
    pub label: Label,
    /// The label an importer or model gave before mapping to ours (e.g. Wojood's `PERS`).
    pub original_label: Option<String>,
    pub span: Span,
    pub origin: Origin,
    pub review: Review,
    pub note: String,
    /// Id of the other copy when a save found this item changed both here and on disk.
    pub conflict_with: Option<String>,
}

/// Who a statement is attributed to. `span` is `None` for pro-drop sources ("وأضاف"), which
/// then usually point at an entity.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: String,
    pub span: Option<Span>,
    pub name: String,
    pub source_type: SourceType,
    pub entity_id: Option<String>,
    pub origin: Origin,
    pub review: Review,
    pub note: String,
    pub conflict_with: Option<String>,
}

/// A checkable (or not) statement made in the article.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub id: String,
    pub span: Span,
    pub claim_type: ClaimType,
    pub verification: Verification,
    pub origin: Origin,
    pub review: Review,
    pub note: String,
    pub conflict_with: Option<String>,
}

/// Links a claim to its source, optionally through a cue ("قال", "بحسب").
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    pub id: String,
    pub claim_id: String,
    pub source_id: String,
    pub cue: Option<Span>,
    pub quote_type: QuoteType,
    pub origin: Origin,
    pub review: Review,
    pub note: String,
    pub conflict_with: Option<String>,
}

/// The four kinds of item, for code that handles any of them (history, merge, review).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    Entity,
    Source,
    Claim,
    Attribution,
}

impl ItemKind {
    /// The id prefix of this kind (`e`, `s`, `c`, `a`).
    pub fn prefix(self) -> &'static str {
        match self {
            ItemKind::Entity => "e",
            ItemKind::Source => "s",
            ItemKind::Claim => "c",
            ItemKind::Attribution => "a",
        }
    }

    /// One item of this kind, in messages ("entity", "claim"…).
    pub fn noun(self) -> &'static str {
        match self {
            ItemKind::Entity => "entity",
            ItemKind::Source => "source",
            ItemKind::Claim => "claim",
            ItemKind::Attribution => "attribution",
        }
    }

    /// The key of this kind's array in the file.
    pub fn key(self) -> &'static str {
        match self {
            ItemKind::Entity => "entities",
            ItemKind::Source => "sources",
            ItemKind::Claim => "claims",
            ItemKind::Attribution => "attributions",
        }
    }
}

/// Any one item.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Entity(Entity),
    Source(Source),
    Claim(Claim),
    Attribution(Attribution),
}

impl Item {
    pub fn id(&self) -> &str {
        match self {
            Item::Entity(x) => &x.id,
            Item::Source(x) => &x.id,
            Item::Claim(x) => &x.id,
            Item::Attribution(x) => &x.id,
        }
    }

    pub fn kind(&self) -> ItemKind {
        match self {
            Item::Entity(_) => ItemKind::Entity,
            Item::Source(_) => ItemKind::Source,
            Item::Claim(_) => ItemKind::Claim,
            Item::Attribution(_) => ItemKind::Attribution,
        }
    }

    /// The main span (the cue for attributions), if any.
    pub fn span(&self) -> Option<Span> {
        match self {
            Item::Entity(x) => Some(x.span),
            Item::Source(x) => x.span,
            Item::Claim(x) => Some(x.span),
            Item::Attribution(x) => x.cue,
        }
    }

    pub fn review(&self) -> &Review {
        match self {
            Item::Entity(x) => &x.review,
            Item::Source(x) => &x.review,
            Item::Claim(x) => &x.review,
            Item::Attribution(x) => &x.review,
        }
    }

    pub fn review_mut(&mut self) -> &mut Review {
        match self {
            Item::Entity(x) => &mut x.review,
            Item::Source(x) => &mut x.review,
            Item::Claim(x) => &mut x.review,
            Item::Attribution(x) => &mut x.review,
        }
    }

    pub fn origin(&self) -> &Origin {
        match self {
            Item::Entity(x) => &x.origin,
            Item::Source(x) => &x.origin,
            Item::Claim(x) => &x.origin,
            Item::Attribution(x) => &x.origin,
        }
    }

    pub fn conflict_with(&self) -> Option<&str> {
        match self {
            Item::Entity(x) => x.conflict_with.as_deref(),
            Item::Source(x) => x.conflict_with.as_deref(),
            Item::Claim(x) => x.conflict_with.as_deref(),
            Item::Attribution(x) => x.conflict_with.as_deref(),
        }
    }

    pub fn set_conflict_with(&mut self, other: Option<String>) {
        match self {
            Item::Entity(x) => x.conflict_with = other,
            Item::Source(x) => x.conflict_with = other,
            Item::Claim(x) => x.conflict_with = other,
            Item::Attribution(x) => x.conflict_with = other,
        }
    }

    /// The free-text note every kind of item carries.
    pub fn note(&self) -> &str {
        match self {
            Item::Entity(x) => &x.note,
            Item::Source(x) => &x.note,
            Item::Claim(x) => &x.note,
            Item::Attribution(x) => &x.note,
        }
    }

    pub fn set_note(&mut self, note: String) {
        match self {
            Item::Entity(x) => x.note = note,
            Item::Source(x) => x.note = note,
            Item::Claim(x) => x.note = note,
            Item::Attribution(x) => x.note = note,
        }
    }

    pub fn set_id(&mut self, id: String) {
        match self {
            Item::Entity(x) => x.id = id,
            Item::Source(x) => x.id = id,
            Item::Claim(x) => x.id = id,
            Item::Attribution(x) => x.id = id,
        }
    }
}

impl Item {
    /// Moves the item's span (the cue of an attribution) to `span` and records the old one in
    /// `review.previous` as a correction, in the file's form (code points and the quote), so
    /// the record is readable without the program. False, changing nothing, when the item has
    /// no span or the span is the same.
    pub fn respan(&mut self, article: &Article, span: Span, by: &str) -> bool {
        let slot = match self {
            Item::Entity(x) => Some(&mut x.span),
            Item::Claim(x) => Some(&mut x.span),
            Item::Source(x) => x.span.as_mut(),
            Item::Attribution(x) => x.cue.as_mut(),
        };
        let Some(slot) = slot else {
            return false;
        };
        if *slot == span {
            return false;
        }
        let was = slot.to_file(article);
        *slot = span;
        // a source named by its span (as suggested or tagged) keeps being named by it
        if let Item::Source(x) = self
            && x.name == was.exact
        {
            x.name = span.text(article).to_owned();
        }
        let key = if self.kind() == ItemKind::Attribution {
            "cue"
        } else {
            "span"
        };
        let old =
            serde_json::json!({ key: { "start": was.start, "end": was.end, "exact": was.exact } });
        self.review_mut().correct(old, by);
        true
    }
}

/// A fresh random id for `kind`: prefix, `-`, 6 lowercase hex digits (`e-4f1c9a`). Random, not
/// counted, so two annotators working on copies of one file do not collide.
pub fn new_id(kind: ItemKind) -> String {
    format!("{}-{:06x}", kind.prefix(), fastrand::u32(..0x0100_0000))
}

/// Whether `id` has the shape of an id of `kind` (`e-` + 6 lowercase hex digits).
pub fn is_valid_id(kind: ItemKind, id: &str) -> bool {
    let Some(hex) = id
        .strip_prefix(kind.prefix())
        .and_then(|rest| rest.strip_prefix('-'))
    else {
        return false;
    };
    hex.len() == 6 && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

impl Entity {
    /// A suggestion from a rule, model or importer: random id, status `suggested`.
    pub fn suggested(
        article: &Article,
        range: Range<usize>,
        label: Label,
        origin: Origin,
    ) -> Result<Self, SpanError> {
        Ok(Self {
            id: new_id(ItemKind::Entity),
            label,
            original_label: None,
            span: Span::checked(article, range)?,
            origin,
            review: Review::suggested(),
            note: String::new(),
            conflict_with: None,
        })
    }

    /// An entity tagged by hand: accepted at once.
    pub fn by_human(
        article: &Article,
        range: Range<usize>,
        label: Label,
        by: &str,
    ) -> Result<Self, SpanError> {
        let mut e = Self::suggested(article, range, label, Origin::human(by))?;
        e.review = Review::accepted(by);
        Ok(e)
    }

    /// Relabels, recording the old label in `review.previous`.
    pub fn relabel(&mut self, label: Label, by: &str) {
        if label == self.label {
            return;
        }
        let old = serde_json::json!({ "label": self.label.as_str() });
        self.label = label;
        self.review.correct(old, by);
    }
}

impl Source {
    pub fn suggested(
        article: &Article,
        range: Range<usize>,
        source_type: SourceType,
        origin: Origin,
    ) -> Result<Self, SpanError> {
        let span = Span::checked(article, range)?;
        Ok(Self {
            id: new_id(ItemKind::Source),
            name: span.text(article).to_owned(),
            span: Some(span),
            source_type,
            entity_id: None,
            origin,
            review: Review::suggested(),
            note: String::new(),
            conflict_with: None,
        })
    }

    /// A source tagged by hand (`s` key): type `unknown`, accepted.
    pub fn by_human(article: &Article, range: Range<usize>, by: &str) -> Result<Self, SpanError> {
        let mut s = Self::suggested(article, range, SourceType::Unknown, Origin::human(by))?;
        s.review = Review::accepted(by);
        Ok(s)
    }

    pub fn set_type(&mut self, source_type: SourceType, by: &str) {
        if source_type == self.source_type {
            return;
        }
        let old = serde_json::json!({ "source_type": self.source_type.as_str() });
        self.source_type = source_type;
        self.review.correct(old, by);
    }
}

impl Claim {
    pub fn suggested(
        article: &Article,
        range: Range<usize>,
        claim_type: ClaimType,
        origin: Origin,
    ) -> Result<Self, SpanError> {
        Ok(Self {
            id: new_id(ItemKind::Claim),
            span: Span::checked(article, range)?,
            claim_type,
            verification: Verification::default(),
            origin,
            review: Review::suggested(),
            note: String::new(),
            conflict_with: None,
        })
    }

    /// A claim tagged by hand (`c` key): type `statement`, accepted.
    pub fn by_human(article: &Article, range: Range<usize>, by: &str) -> Result<Self, SpanError> {
        let mut c = Self::suggested(article, range, ClaimType::Statement, Origin::human(by))?;
        c.review = Review::accepted(by);
        Ok(c)
    }

    pub fn set_type(&mut self, claim_type: ClaimType, by: &str) {
        if claim_type == self.claim_type {
            return;
        }
        let old = serde_json::json!({ "claim_type": self.claim_type.as_str() });
        self.claim_type = claim_type;
        self.review.correct(old, by);
    }
}

impl Attribution {
    pub fn suggested(
        claim_id: &str,
        source_id: &str,
        cue: Option<Span>,
        quote_type: QuoteType,
        origin: Origin,
    ) -> Self {
        Self {
            id: new_id(ItemKind::Attribution),
            claim_id: claim_id.to_owned(),
            source_id: source_id.to_owned(),
            cue,
            quote_type,
            origin,
            review: Review::suggested(),
            note: String::new(),
            conflict_with: None,
        }
    }

    /// A link made by hand (`l` key), accepted.
    pub fn by_human(claim_id: &str, source_id: &str, cue: Option<Span>, by: &str) -> Self {
        let mut a = Self::suggested(
            claim_id,
            source_id,
            cue,
            QuoteType::Unknown,
            Origin::human(by),
        );
        a.review = Review::accepted(by);
        a
    }
}

/// Every annotation of one article. Items are kept in file order (start, then id) by
/// [`AnnotationSet::sort`]; `orphans` are items that could not be re-anchored, kept verbatim.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct AnnotationSet {
    pub entities: Vec<Entity>,
    pub sources: Vec<Source>,
    pub claims: Vec<Claim>,
    pub attributions: Vec<Attribution>,
    pub orphans: Vec<Value>,
}

/// Sort key: spanless items (pro-drop sources, cue-less attributions) go last, then by id.
fn order_key(span: Option<Span>, id: &str) -> (usize, usize, &str) {
    match span {
        Some(s) => (s.start, s.end, id),
        None => (usize::MAX, usize::MAX, id),
    }
}

impl AnnotationSet {
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
            && self.sources.is_empty()
            && self.claims.is_empty()
            && self.attributions.is_empty()
            && self.orphans.is_empty()
    }

    /// Number of items (orphans not counted).
    pub fn len(&self) -> usize {
        self.entities.len() + self.sources.len() + self.claims.len() + self.attributions.len()
    }

    /// Puts every list in file order: by start, then end, then id.
    pub fn sort(&mut self) {
        self.entities
            .sort_by(|a, b| order_key(Some(a.span), &a.id).cmp(&order_key(Some(b.span), &b.id)));
        self.sources
            .sort_by(|a, b| order_key(a.span, &a.id).cmp(&order_key(b.span, &b.id)));
        self.claims
            .sort_by(|a, b| order_key(Some(a.span), &a.id).cmp(&order_key(Some(b.span), &b.id)));
        self.attributions
            .sort_by(|a, b| order_key(a.cue, &a.id).cmp(&order_key(b.cue, &b.id)));
    }

    /// True when every list is in the order [`AnnotationSet::sort`] gives.
    pub fn is_sorted(&self) -> bool {
        self.entities
            .is_sorted_by(|a, b| order_key(Some(a.span), &a.id) <= order_key(Some(b.span), &b.id))
            && self
                .sources
                .is_sorted_by(|a, b| order_key(a.span, &a.id) <= order_key(b.span, &b.id))
            && self.claims.is_sorted_by(|a, b| {
                order_key(Some(a.span), &a.id) <= order_key(Some(b.span), &b.id)
            })
            && self
                .attributions
                .is_sorted_by(|a, b| order_key(a.cue, &a.id) <= order_key(b.cue, &b.id))
    }

    /// The item with this id, of any kind.
    pub fn get(&self, id: &str) -> Option<Item> {
        let kind = kind_of_id(id)?;
        match kind {
            ItemKind::Entity => self
                .entities
                .iter()
                .find(|x| x.id == id)
                .cloned()
                .map(Item::Entity),
            ItemKind::Source => self
                .sources
                .iter()
                .find(|x| x.id == id)
                .cloned()
                .map(Item::Source),
            ItemKind::Claim => self
                .claims
                .iter()
                .find(|x| x.id == id)
                .cloned()
                .map(Item::Claim),
            ItemKind::Attribution => self
                .attributions
                .iter()
                .find(|x| x.id == id)
                .cloned()
                .map(Item::Attribution),
        }
    }

    /// The ids of every item (orphans not counted).
    pub fn ids(&self) -> std::collections::HashSet<String> {
        self.entities
            .iter()
            .map(|x| &x.id)
            .chain(self.sources.iter().map(|x| &x.id))
            .chain(self.claims.iter().map(|x| &x.id))
            .chain(self.attributions.iter().map(|x| &x.id))
            .cloned()
            .collect()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.entities.iter().any(|x| x.id == id)
            || self.sources.iter().any(|x| x.id == id)
            || self.claims.iter().any(|x| x.id == id)
            || self.attributions.iter().any(|x| x.id == id)
    }

    /// A random id for `kind` not used in this set.
    pub fn fresh_id(&self, kind: ItemKind) -> String {
        loop {
            let id = new_id(kind);
            if !self.contains(&id) {
                return id;
            }
        }
    }

    /// Every item, in kind order then file order.
    pub fn items(&self) -> impl Iterator<Item = Item> + '_ {
        self.entities
            .iter()
            .cloned()
            .map(Item::Entity)
            .chain(self.sources.iter().cloned().map(Item::Source))
            .chain(self.claims.iter().cloned().map(Item::Claim))
            .chain(self.attributions.iter().cloned().map(Item::Attribution))
    }

    /// Inserts `item`, or replaces the item with the same id. Returns the replaced item.
    /// Keeps file order.
    pub fn upsert(&mut self, item: Item) -> Option<Item> {
        /// Replaces or adds `x`, keeping `list` in file order: the item goes where the order
        /// puts it (a binary search and one move) instead of re-sorting the list on every edit,
        /// which made a batch of 10,000 edits quadratic. A list found out of order (the fields
        /// are public) is sorted as before.
        fn put<T>(
            list: &mut Vec<T>,
            id: &str,
            x: T,
            id_of: fn(&T) -> &str,
            key: fn(&T) -> (usize, usize, &str),
        ) -> Option<T> {
            let old = list
                .iter()
                .position(|y| id_of(y) == id)
                .map(|i| list.remove(i));
            if list.is_sorted_by(|a, b| key(a) <= key(b)) {
                let at = list.partition_point(|y| key(y) < key(&x));
                list.insert(at, x);
            } else {
                list.push(x);
                list.sort_by(|a, b| key(a).cmp(&key(b)));
            }
            old
        }
        let id = item.id().to_owned();
        match item {
            Item::Entity(x) => put(
                &mut self.entities,
                &id,
                x,
                |y| &y.id,
                |y| order_key(Some(y.span), &y.id),
            )
            .map(Item::Entity),
            Item::Source(x) => put(
                &mut self.sources,
                &id,
                x,
                |y| &y.id,
                |y| order_key(y.span, &y.id),
            )
            .map(Item::Source),
            Item::Claim(x) => put(
                &mut self.claims,
                &id,
                x,
                |y| &y.id,
                |y| order_key(Some(y.span), &y.id),
            )
            .map(Item::Claim),
            Item::Attribution(x) => put(
                &mut self.attributions,
                &id,
                x,
                |y| &y.id,
                |y| order_key(y.cue, &y.id),
            )
            .map(Item::Attribution),
        }
    }

    /// Removes the item with this id; returns it.
    pub fn remove(&mut self, id: &str) -> Option<Item> {
        fn take<T>(list: &mut Vec<T>, id: &str, id_of: fn(&T) -> &str) -> Option<T> {
            let pos = list.iter().position(|y| id_of(y) == id)?;
            Some(list.remove(pos))
        }
        match kind_of_id(id)? {
            ItemKind::Entity => take(&mut self.entities, id, |y| &y.id).map(Item::Entity),
            ItemKind::Source => take(&mut self.sources, id, |y| &y.id).map(Item::Source),
            ItemKind::Claim => take(&mut self.claims, id, |y| &y.id).map(Item::Claim),
            ItemKind::Attribution => {
                take(&mut self.attributions, id, |y| &y.id).map(Item::Attribution)
            }
        }
    }

    /// Items whose span (or cue) overlaps byte offset `byte`, innermost (shortest) first.
    pub fn at(&self, byte: usize) -> Vec<Item> {
        let mut hits: Vec<Item> = self
            .items()
            .filter(|it| it.span().is_some_and(|s| s.start <= byte && byte < s.end))
            .collect();
        hits.sort_by_key(|it| it.span().map_or(usize::MAX, |s| s.end - s.start));
        hits
    }
}

/// The kind an id belongs to, from its prefix (`e-`, `s-`, `c-`, `a-`).
pub fn kind_of_id(id: &str) -> Option<ItemKind> {
    let (prefix, _) = id.split_once('-')?;
    match prefix {
        "e" => Some(ItemKind::Entity),
        "s" => Some(ItemKind::Source),
        "c" => Some(ItemKind::Claim),
        "a" => Some(ItemKind::Attribution),
        _ => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn article() -> Article {
        Article::from_text("t", "قال 😀 إن القاهرة سُجّلت.".to_owned())
    }

    #[test]
    fn file_span_uses_code_points_with_context() {
        let a = article();
        let start = a.text.find("القاهرة").unwrap();
        let span = Span::checked(&a, start..start + "القاهرة".len()).unwrap();
        let fs = span.to_file(&a);
        assert_eq!((fs.start, fs.end), (9, 16));
        assert_eq!(fs.exact, "القاهرة");
        assert_eq!(fs.prefix.as_deref(), Some("قال 😀 إن "));
        assert_eq!(fs.suffix.as_deref(), Some(" سُجّلت."));
        assert_eq!(fs.to_bytes(&a), Ok(span));
    }

    #[test]
    fn file_span_mismatch_and_range_errors() {
        let a = article();
        let fs = FileSpan {
            start: 0,
            end: 3,
            exact: "قول".into(),
            prefix: None,
            suffix: None,
        };
        assert!(matches!(
            fs.to_bytes(&a),
            Err(SpanError::QuoteMismatch { .. })
        ));
        let fs = FileSpan {
            start: 20,
            end: 99,
            ..fs
        };
        assert!(matches!(fs.to_bytes(&a), Err(SpanError::OutOfRange { .. })));
    }

    #[test]
    fn span_checks_boundaries() {
        let a = article();
        assert!(matches!(
            Span::checked(&a, 1..4),
            Err(SpanError::NotCharBoundary { .. })
        ));
        assert!(matches!(
            Span::checked(&a, 4..4),
            Err(SpanError::Empty { .. })
        ));
        assert!(matches!(
            Span::checked(&a, 0..999),
            Err(SpanError::OutOfRange { .. })
        ));
    }

    #[test]
    fn snapping_keeps_harakat_and_emoji_whole() {
        let a = Article::from_text("t", "سُجّلت 👩‍👩‍👧".to_owned());
        // "س" alone would leave its damma behind
        assert_eq!(
            Span::snapped(&a, 0..2)
                .map(|s| s.text(&a).to_owned())
                .as_deref(),
            Some("سُ")
        );
        let emoji = a.text.find('👩').unwrap();
        assert_eq!(
            Span::snapped(&a, emoji + 1..emoji + 4)
                .map(|s| s.text(&a).to_owned())
                .as_deref(),
            Some("👩‍👩‍👧")
        );
        assert_eq!(Span::snapped(&a, 3..3), None);
    }

    #[test]
    fn ids_are_random_and_well_formed() {
        let a = new_id(ItemKind::Claim);
        assert!(is_valid_id(ItemKind::Claim, &a), "{a}");
        assert!(!is_valid_id(ItemKind::Entity, &a));
        assert!(!is_valid_id(ItemKind::Claim, "c-12345G"));
        let many: std::collections::HashSet<String> =
            (0..100).map(|_| new_id(ItemKind::Entity)).collect();
        assert!(many.len() > 95);
        assert_eq!(kind_of_id("s-000000"), Some(ItemKind::Source));
    }

    #[test]
    fn relabel_keeps_first_previous() {
        let a = article();
        let mut e = Entity::suggested(
            &a,
            0..6,
            Label::parse("ORG").unwrap(),
            Origin::rule("r", Some(0.5)),
        )
        .unwrap();
        e.relabel(Label::parse("PERSON").unwrap(), "me");
        e.relabel(Label::parse("GPE").unwrap(), "me");
        assert_eq!(e.review.status, ReviewStatus::Corrected);
        assert_eq!(e.review.previous, Some(serde_json::json!({"label": "ORG"})));
        assert_eq!(e.label.as_str(), "GPE");
    }

    #[test]
    fn respan_records_the_original_span_next_to_an_earlier_relabel() {
        let a = article();
        let start = a.text.find("القاهرة").unwrap();
        let mut e = Entity::suggested(
            &a,
            start..start + "القاهرة".len(),
            Label::parse("ORG").unwrap(),
            Origin::rule("r", None),
        )
        .unwrap();
        e.relabel(Label::parse("GPE").unwrap(), "me");
        let mut item = Item::Entity(e);
        let wider = Span::checked(&a, start - "إن ".len()..start + "القاهرة".len()).unwrap();
        assert!(item.respan(&a, wider, "me"));
        assert!(!item.respan(&a, wider, "me"), "same span: no change");
        let narrower = Span::checked(&a, start..start + "القاهرة".len()).unwrap();
        assert!(item.respan(&a, narrower, "me"));
        let Item::Entity(e) = item else { panic!() };
        assert_eq!(e.review.status, ReviewStatus::Corrected);
        assert_eq!(
            e.review.previous,
            Some(serde_json::json!({
                "label": "ORG",
                "span": {"start": 9, "end": 16, "exact": "القاهرة"}
            })),
            "the first label and the first span, in code points"
        );
        let mut source = Item::Source(Source {
            span: None,
            ..Source::suggested(
                &a,
                start..start + "القاهرة".len(),
                SourceType::Unknown,
                Origin::rule("r", None),
            )
            .unwrap()
        });
        assert!(
            !source.respan(&a, narrower, "me"),
            "a source without a span"
        );
    }

    #[test]
    fn vocabularies_parse_and_print() {
        for t in SourceType::ALL {
            assert_eq!(t.as_str().parse::<SourceType>(), Ok(*t));
        }
        assert!("nope".parse::<ClaimType>().is_err());
        assert!(Label::parse("person").is_err());
        assert!(Label::parse("B-PERS").is_ok());
        assert_eq!(
            serde_json::to_string(&VerificationStatus::MostlyTrue).unwrap(),
            "\"mostly_true\""
        );
    }

    #[test]
    fn set_keeps_file_order_and_finds_by_id() {
        let a = article();
        let mut set = AnnotationSet::default();
        let late = Claim::by_human(&a, 17..31, "me").unwrap();
        let early = Claim::by_human(&a, 0..6, "me").unwrap();
        set.upsert(Item::Claim(late.clone()));
        set.upsert(Item::Claim(early.clone()));
        assert_eq!(set.claims[0].id, early.id);
        assert_eq!(set.get(&late.id), Some(Item::Claim(late.clone())));
        assert_eq!(set.at(1).len(), 1);
        assert!(set.remove(&early.id).is_some());
        assert_eq!(set.len(), 1);
    }
}

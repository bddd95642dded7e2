//! Spans: the in-memory byte range (`Span`), the file form in code points with its quote
//! (`FileSpan`), and the conversion between the two.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::article::Article;

/// Code points of context stored before and after each quote (Hypothesis uses 32 too).
pub const CONTEXT_CHARS: usize = 32;

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
        let context = article.context_around(self.start..self.end, CONTEXT_CHARS);
        let (start, end) = (context.chars.start, context.chars.end);
        let (prefix_start, suffix_end) = (context.prefix_start, context.suffix_end);
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::annotate::model::test_article as article;

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
}

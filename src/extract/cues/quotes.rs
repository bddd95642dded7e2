//! Quotations that run over paragraphs (`قال الوزير: «… .` ¶ `… »`, or each paragraph
//! reopening with `«` and only the last closing): the cue's claim is the whole quotation, one
//! claim (docs/attribution-guidelines.md §5.1), and no cue inside it is a report. Quotation marks
//! are paired within a paragraph ([`super::tokens`]); this reads on in the article's text from a
//! mark left open.

use std::ops::Range;

use super::parser::ParagraphParser;
use super::tokens::{Kind, QuoteMark};

/// How far past an open mark its closing mark is looked for (bytes of article text, about
/// four paragraphs of news).
const QUOTE_REACH: usize = 4000;

impl ParagraphParser<'_> {
    /// A claim from token `a` to `b` (exclusive) that opens with a quotation mark this paragraph
    /// does not close: its byte span without the marks, through the paragraphs after it up to
    /// the closing mark (when one closes it within [`QUOTE_REACH`]), else to the claim's end.
    pub(super) fn open_quotation(&self, a: usize, b: usize) -> Option<Range<usize>> {
        let mark = &self.tokens[a];
        if !matches!(mark.kind, Kind::Quote(QuoteMark::Open | QuoteMark::Either))
            || mark.pair.is_some()
        {
            return None;
        }
        let first = (a + 1..b).find(|&k| self.is_word(k))?;
        let start = self.tokens[first].range.start;
        let own_end = self.tokens[b - 1].range.end;
        let open = self.text[mark.range.clone()].chars().next()?;
        let end = self
            .closing_mark_after(mark.range.end, open)
            .filter(|&close| close > own_end)
            .unwrap_or(own_end);
        let trimmed = self.text[start..end]
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '،' | ','));
        (!trimmed.is_empty()).then(|| start..start + trimmed.len())
    }

    /// The byte where the mark closing `open` stands, reading the article from `from`: a mark
    /// that reopens the quotation at the start of a paragraph is passed over; any other opening
    /// mark first (another quotation) means none. A straight `"` closes wherever it stands but
    /// at a paragraph's start (spaced or not, it cannot be told from an opening one).
    fn closing_mark_after(&self, from: usize, open: char) -> Option<usize> {
        let close = match open {
            '«' => '»',
            '“' => '”',
            '‹' => '›',
            '„' => '“',
            _ => '"',
        };
        let reach = (from + QUOTE_REACH).min(self.text.len());
        let rest = self.text.get(from..)?;
        let mut line_start = false;
        for (at, c) in rest.char_indices() {
            if from + at >= reach {
                return None;
            }
            let reopens = c == open && line_start;
            if c == close && !reopens {
                return Some(from + at);
            }
            if !reopens && (c == open || matches!(c, '«' | '“' | '"')) {
                return None;
            }
            if c == '\n' {
                line_start = true;
            } else if !c.is_whitespace() {
                line_start = false;
            }
        }
        None
    }

    /// Whether claim tokens starting at `k` open with a quotation mark this paragraph leaves
    /// open.
    pub(super) fn opens_unclosed(&self, k: usize) -> bool {
        self.tokens[k..]
            .iter()
            .find(|t| !matches!(t.kind, Kind::Punct(_)))
            .is_some_and(|t| {
                matches!(t.kind, Kind::Quote(QuoteMark::Open | QuoteMark::Either))
                    && t.pair.is_none()
            })
    }

    /// Marks the tokens of this paragraph from `a` on as quoted (they are the claim, no cue in
    /// them reports) and records where the quotation ends in the article, so the next
    /// paragraphs' tokens before it are quoted too.
    pub(super) fn carry_quotation(&mut self, a: usize, end: usize) {
        for t in &mut self.tokens[a..] {
            t.quoted = true;
        }
        self.carried_quote_to = self.carried_quote_to.max(end);
    }
}

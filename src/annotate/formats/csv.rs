//! CSV export: one row per annotation (RFC 4180 quoting, CRLF line ends, UTF-8 with a byte order
//! mark so Excel reads Arabic correctly), code-point offsets, for spreadsheets and pandas. Claim
//! and attribution rows also carry the claim's text, its sources, cues and chains (the isnad), so
//! a sheet of claims can be read without joining rows.

use crate::article::Article;

use super::super::document::DocumentInfo;
use super::super::isnad::Isnad;
use super::super::model::{AnnotationSet, Attribution, Origin, Review, Span};

/// Excel opens a CSV without it in the legacy code page and garbles Arabic; pandas and Python's
/// `utf-8-sig` skip it.
pub const BOM: &str = "\u{FEFF}";

/// Joins several sources or cues in one cell. `|` does not occur in Arabic prose, where `,` and
/// `;` have Arabic forms anyway (`،` `؛`) but Latin ones do turn up.
pub const LIST_SEPARATOR: &str = " | ";

/// Column names, in order.
pub const HEADER: [&str; 25] = [
    "id",
    "kind",
    "label",
    "start",
    "end",
    "text",
    "claim",
    "sources",
    "cue",
    "source_type",
    "source_name",
    "claim_type",
    "verification",
    "quote_type",
    "chain",
    "stance",
    "independent_sources",
    "claim_id",
    "source_id",
    "origin_kind",
    "origin_by",
    "score",
    "review_status",
    "review_by",
    "note",
];

/// Quotes a field when it holds a comma, quote, line break or leading/trailing space. A field
/// a spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`, tab or carriage
/// return) gets a `'` in front, as OWASP recommends against CSV injection: `=HYPERLINK(…)` in
/// a note stays text.
pub fn quote(field: &str) -> String {
    let neutralised;
    let field = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        neutralised = format!("'{field}");
        neutralised.as_str()
    } else {
        field
    };
    let needs = field.contains([',', '"', '\n', '\r'])
        || field.starts_with(char::is_whitespace)
        || field.ends_with(char::is_whitespace);
    if needs {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

#[derive(Default)]
struct Row {
    id: String,
    kind: &'static str,
    label: String,
    span: Option<Span>,
    claim: String,
    sources: String,
    cue: String,
    source_type: String,
    source_name: String,
    claim_type: String,
    verification: String,
    quote_type: String,
    chain: String,
    stance: String,
    independent_sources: String,
    claim_id: String,
    source_id: String,
    origin_kind: String,
    origin_by: String,
    score: String,
    review_status: String,
    review_by: String,
    note: String,
}

impl Row {
    fn new(
        id: &str,
        kind: &'static str,
        span: Option<Span>,
        origin: &Origin,
        review: &Review,
        note: &str,
    ) -> Self {
        Self {
            id: id.to_owned(),
            kind,
            span,
            origin_kind: origin.kind.to_string(),
            origin_by: origin.by.clone(),
            score: origin.score.map(|s| s.to_string()).unwrap_or_default(),
            review_status: review.status.to_string(),
            review_by: review.by.clone().unwrap_or_default(),
            note: note.to_owned(),
            ..Self::default()
        }
    }

    fn write(&self, article: &Article, out: &mut String) {
        let (start, end, text) = match self.span {
            Some(s) => (
                article.byte_to_char(s.start).to_string(),
                article.byte_to_char(s.end).to_string(),
                s.text(article).to_owned(),
            ),
            None => Default::default(),
        };
        let fields = [
            self.id.as_str(),
            self.kind,
            &self.label,
            &start,
            &end,
            &text,
            &self.claim,
            &self.sources,
            &self.cue,
            &self.source_type,
            &self.source_name,
            &self.claim_type,
            &self.verification,
            &self.quote_type,
            &self.chain,
            &self.stance,
            &self.independent_sources,
            &self.claim_id,
            &self.source_id,
            &self.origin_kind,
            &self.origin_by,
            &self.score,
            &self.review_status,
            &self.review_by,
            &self.note,
        ];
        let line: Vec<String> = fields.iter().map(|f| quote(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
}

fn claim_text(set: &AnnotationSet, article: &Article, id: &str) -> String {
    set.claims
        .iter()
        .find(|c| c.id == id)
        .map(|c| c.span.text(article).to_owned())
        .unwrap_or_default()
}

fn cue_text(a: &Attribution, article: &Article) -> String {
    a.cue
        .map(|c| c.text(article).to_owned())
        .unwrap_or_default()
}

/// Distinct non-empty values in order, joined with [`LIST_SEPARATOR`].
fn join_distinct(values: impl Iterator<Item = String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for v in values {
        if !v.is_empty() && !seen.contains(&v) {
            seen.push(v);
        }
    }
    seen.join(LIST_SEPARATOR)
}

/// The whole table: byte order mark, header, then entities, sources, claims and attributions.
/// A claim's `sources`, `cue`, `chain` and `stance` list its attributions whose link and source
/// were not rejected; sources by their canonical name (after `same_as`).
pub fn to_csv(doc: &DocumentInfo, set: &AnnotationSet, article: &Article) -> String {
    let isnad = Isnad::new(set, article, doc.outlet.as_deref());
    let mut out = BOM.to_owned();
    out.push_str(&HEADER.join(","));
    out.push_str("\r\n");
    for e in &set.entities {
        let mut r = Row::new(&e.id, "entity", Some(e.span), &e.origin, &e.review, &e.note);
        r.label = e.label.to_string();
        r.write(article, &mut out);
    }
    for s in &set.sources {
        let mut r = Row::new(&s.id, "source", s.span, &s.origin, &s.review, &s.note);
        r.source_type = s.source_type.to_string();
        r.source_name = s.name.clone();
        r.write(article, &mut out);
    }
    for c in &set.claims {
        let mut r = Row::new(&c.id, "claim", Some(c.span), &c.origin, &c.review, &c.note);
        let links: Vec<&Attribution> = isnad.links(&c.id).collect();
        r.claim = c.span.text(article).to_owned();
        r.sources = join_distinct(links.iter().map(|a| isnad.name(&a.source_id)));
        r.cue = join_distinct(links.iter().map(|a| cue_text(a, article)));
        r.chain = join_distinct(links.iter().map(|a| isnad.chain_text(a)));
        r.stance = join_distinct(links.iter().map(|a| a.stance.to_string()));
        r.independent_sources = isnad.claim(&c.id).independent.to_string();
        r.claim_type = c.claim_type.to_string();
        r.verification = c.verification.status.to_string();
        r.write(article, &mut out);
    }
    for a in &set.attributions {
        let mut r = Row::new(&a.id, "attribution", a.cue, &a.origin, &a.review, &a.note);
        r.claim = claim_text(set, article, &a.claim_id);
        r.sources = isnad.name(&a.source_id);
        r.cue = cue_text(a, article);
        r.quote_type = a.quote_type.to_string();
        r.chain = isnad.chain_text(a);
        r.stance = a.stance.to_string();
        r.claim_id = a.claim_id.clone();
        r.source_id = a.source_id.clone();
        r.write(article, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quoting_follows_rfc_4180() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(quote("two\nlines"), "\"two\nlines\"");
        assert_eq!(quote(" padded"), "\" padded\"");
        assert_eq!(quote("قال، \"نعم\""), "\"قال، \"\"نعم\"\"\"");
    }

    #[test]
    fn a_cell_a_spreadsheet_would_run_as_a_formula_is_neutralised() {
        // OWASP: a leading = + - @ tab or carriage return makes a formula; a quote in front
        // makes it text
        assert_eq!(
            quote("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(quote("+1"), "'+1");
        assert_eq!(quote("-2+3"), "'-2+3");
        assert_eq!(quote("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(quote("\t=1"), "'\t=1");
        assert_eq!(quote("\r=1"), "\"'\r=1\"");
        assert_eq!(quote("a=b"), "a=b");
    }
}

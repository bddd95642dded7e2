//! JSON articles: `{"title", "url", "published", "text"}` as written by scrapers and exporters
//! (and by isnad for fetched pages, with `byline` and `encoding_note`).
//! `text` is required and is the article text; the others are optional strings (or null);
//! other keys are ignored. Errors name the file, line and column (in characters, as editors
//! count them).

use serde::Deserialize;

use crate::article::{Article, ArticleError};

#[derive(Deserialize)]
#[serde(
    expecting = "an article object with a string \"text\" (and optional \"title\", \"url\", \"published\")"
)]
struct JsonArticle {
    title: Option<String>,
    url: Option<String>,
    published: Option<String>,
    /// Written for fetched pages (see `article/web.rs`), optional elsewhere.
    byline: Option<String>,
    /// The outlet: a name, or an object with a `name` (`publisher` as schema.org writes it).
    #[serde(alias = "site_name", alias = "publisher")]
    outlet: Option<serde_json::Value>,
    encoding_note: Option<String>,
    text: String,
}

/// Reads JSON `source` (already decoded) as an article named `name`.
pub fn parse(name: &str, source: &str) -> Result<Article, ArticleError> {
    let parsed: JsonArticle =
        serde_json::from_str(source).map_err(|e| format_error(name, source, &e))?;
    let mut article = Article::from_text(name, parsed.text);
    let non_empty = |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    article.title = non_empty(parsed.title);
    article.url = non_empty(parsed.url);
    article.published = non_empty(parsed.published);
    article.byline = non_empty(parsed.byline);
    article.outlet = non_empty(parsed.outlet.as_ref().and_then(|o| {
        o.as_str()
            .or_else(|| o.get("name").and_then(serde_json::Value::as_str))
            .map(str::to_owned)
    }));
    article.encoding_note = non_empty(parsed.encoding_note);
    Ok(article)
}

fn format_error(name: &str, source: &str, error: &serde_json::Error) -> ArticleError {
    let line = error.line().max(1);
    let mut message = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    if let Some(stripped) = message.strip_suffix(&suffix) {
        message = stripped.to_owned();
    }
    if message == "missing field `text`" {
        message.push_str(": a JSON article needs its text as a string");
    }
    ArticleError::Format {
        path: name.to_owned(),
        line,
        column: char_column(source, line, error.column()),
        message,
    }
}

/// serde_json counts columns in bytes; editors count characters. Converts the 1-based byte
/// column on 1-based `line` to a 1-based character column.
fn char_column(source: &str, line: usize, byte_column: usize) -> usize {
    let Some(text) = source.split('\n').nth(line - 1) else {
        return byte_column.max(1);
    };
    let mut end = byte_column.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].chars().count().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_and_ignores_unknown_keys() {
        let a = parse(
            "a.json",
            r#"{"title":"خبر","url":"https://example.org/x","published":null,"lang":"ar","text":"سطر\nسطر"}"#,
        )
        .expect("valid");
        assert_eq!(a.title.as_deref(), Some("خبر"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/x"));
        assert_eq!(a.published, None);
        assert_eq!(a.paragraphs.len(), 2);
    }

    #[test]
    fn errors_have_file_line_and_character_column() {
        let err = parse("a.json", "{\n  \"title\": \"خبر\"\n}").expect_err("no text");
        assert_eq!(
            err.to_string(),
            "a.json:3:1: missing field `text`: a JSON article needs its text as a string"
        );
        let err = parse("a.json", "{\"title\": \"خبر\", \"text\": 5}").expect_err("number");
        // the column counts the three Arabic letters as one each, not two bytes each
        assert_eq!(
            err.to_string(),
            "a.json:1:26: invalid type: integer `5`, expected a string"
        );
        let err = parse("a.json", "{\"text\": \"a\",}").expect_err("syntax");
        assert!(
            err.to_string().starts_with("a.json:1:14: trailing comma"),
            "{err}"
        );
        let err = parse("a.json", "\"نص\"").expect_err("a bare string");
        assert!(
            err.to_string().contains("expected an article object"),
            "{err}"
        );
    }
}

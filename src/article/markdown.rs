//! Markdown articles: the text is kept as written (Markdown is readable as it is), except YAML
//! front matter, which is metadata and not part of the article. The title is the front matter's
//! `title:` or the first `# heading`; `url:` and `date:`/`published:` are read from the front
//! matter as plain `key: value` lines (quotes removed), without a YAML parser, since these
//! keys are scalars.

use crate::article::Article;

/// Reads Markdown `source` (already decoded) as an article named `name`.
pub fn parse(name: &str, source: &str) -> Article {
    let (front, body) = split_front_matter(source);
    let field = |keys: &[&str]| front.and_then(|f| front_matter_value(f, keys));
    let title = field(&["title"]).or_else(|| first_heading(body));
    let url = field(&["url", "canonical_url", "link"]);
    let published = field(&["published", "date"]);
    let mut article = Article::from_text(name, body.to_owned());
    article.title = title;
    article.url = url;
    article.published = published;
    article
}

/// Splits `---` front matter (closed by `---` or `...` on a line of its own) from the body.
/// Without a closing line the whole source is the body: an opening `---` alone is a
/// Markdown rule, not metadata.
fn split_front_matter(source: &str) -> (Option<&str>, &str) {
    let Some(rest) = source
        .strip_prefix("---\n")
        .or_else(|| source.strip_prefix("---\r\n"))
    else {
        return (None, source);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim_end() == "---" || content.trim_end() == "..." {
            return (Some(&rest[..offset]), &rest[offset + line.len()..]);
        }
        offset += line.len();
    }
    (None, source)
}

/// The value of the first top-level `key: value` line whose key is one of `keys`.
fn front_matter_value(front: &str, keys: &[&str]) -> Option<String> {
    front.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        if !keys.contains(&key) {
            return None;
        }
        let value = unquote(value.trim());
        (!value.is_empty()).then(|| value.to_owned())
    })
}

fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|v| v.strip_suffix(quote))
        {
            return inner;
        }
    }
    value
}

/// Text of the first level-one ATX heading (`# Title`, optional closing `#`s).
fn first_heading(body: &str) -> Option<String> {
    body.lines().find_map(|line| {
        let text = line.trim_start().strip_prefix("# ")?;
        let text = text.trim().trim_end_matches('#').trim_end();
        (!text.is_empty()).then(|| text.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_metadata_not_text() {
        let a = parse(
            "a.md",
            "---\ntitle: \"خبر عاجل\"\nurl: https://example.org/a\ndate: 2024-05-01\n---\n# عنوان\nنص\n",
        );
        assert_eq!(a.title.as_deref(), Some("خبر عاجل"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(a.published.as_deref(), Some("2024-05-01"));
        assert_eq!(a.text, "# عنوان\nنص\n");
        assert_eq!(a.paragraph_text(1), "نص");
    }

    #[test]
    fn heading_title_and_unclosed_front_matter() {
        let a = parse("a.md", "مقدمة\n\n# العنوان #\nنص");
        assert_eq!(a.title.as_deref(), Some("العنوان"));
        assert_eq!(a.text, "مقدمة\n\n# العنوان #\nنص");
        let b = parse("b.md", "---\ntitle: x\nno closing line");
        assert_eq!(b.title, None);
        assert_eq!(b.text, "---\ntitle: x\nno closing line");
        let c = parse("c.md", "---\r\ntitle: 'س'\r\n...\r\nنص");
        assert_eq!(c.title.as_deref(), Some("س"));
        assert_eq!(c.text, "نص");
    }
}

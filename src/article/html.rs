//! HTML articles: the readable text of a page, parsed with `scraper` (html5ever, the HTML5
//! parsing algorithm browsers use, so broken markup and entities are handled as a browser
//! would). Each block element (`p`, `h1`–`h6`, `li`, `blockquote`, `div`, …) and each `<br>`
//! ends a line; whitespace inside a line collapses to single spaces; empty lines are dropped, so
//! the text has one paragraph per line. Scripts, styles, navigation and the page's own header
//! and footer are skipped. Metadata: title from `<title>` or the first `<h1>`, url from
//! `<link rel=canonical>` or `og:url`, date from `article:published_time`.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use crate::article::Article;

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "nav", "noscript", "template", "head", "svg", "math", "iframe", "object",
    "select", "button", "form",
];

/// `header` and `footer` of the page are chrome; inside `article` or `main` they hold the
/// headline or the byline, which are part of the article.
const CHROME: &[&str] = &["header", "footer", "aside"];

/// Elements that start and end a line of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "section",
    "article",
    "main",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "pre",
    "address",
    "hr",
    "details",
    "summary",
    "body",
    "center",
    "header",
    "footer",
    "aside",
];

/// Reads HTML `source` (already decoded) as an article named `name`.
pub fn parse(name: &str, source: &str) -> Article {
    let document = Html::parse_document(source);
    let mut text = TextBuilder::default();
    let mut meta = Metadata::default();
    // depths instead of recursion: the tree can be nested arbitrarily deep
    let (mut skip, mut content, mut pre, mut in_title, mut in_h1) = (0usize, 0usize, 0, 0, 0);
    for edge in document.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let tag = el.name();
                    meta.element(tag, |a| el.attr(a));
                    if tag == "title" {
                        in_title += 1;
                    }
                    if tag == "h1" && meta.h1.is_none() {
                        in_h1 += 1;
                    }
                    if tag == "article" || tag == "main" {
                        content += 1;
                    }
                    let hidden = el.attr("hidden").is_some();
                    if skip > 0
                        || hidden
                        || SKIPPED.contains(&tag)
                        || (content == 0 && CHROME.contains(&tag))
                    {
                        skip += 1;
                        continue;
                    }
                    if tag == "br" || BLOCKS.contains(&tag) {
                        text.end_line();
                    }
                    if tag == "pre" {
                        pre += 1;
                    }
                }
                Node::Text(t) => {
                    if in_title > 0 {
                        meta.title_text.push_str(t);
                    }
                    if in_h1 > 0 {
                        meta.h1_text.push_str(t);
                    }
                    if skip == 0 {
                        text.push(t, pre > 0);
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                let Node::Element(el) = node.value() else {
                    continue;
                };
                let tag = el.name();
                if tag == "title" && in_title > 0 {
                    in_title -= 1;
                }
                if tag == "h1" && in_h1 > 0 {
                    in_h1 -= 1;
                    if in_h1 == 0 {
                        meta.h1 = Some(collapse(&meta.h1_text));
                    }
                }
                if skip > 0 {
                    skip -= 1;
                } else {
                    if BLOCKS.contains(&tag) {
                        text.end_line();
                    }
                    if tag == "pre" {
                        pre -= 1;
                    }
                }
                if (tag == "article" || tag == "main") && content > 0 {
                    content -= 1;
                }
            }
        }
    }
    text.end_line();
    let mut article = Article::from_text(name, text.out);
    let title = collapse(&meta.title_text);
    article.title = Some(title)
        .filter(|t| !t.is_empty())
        .or(meta.h1.filter(|t| !t.is_empty()));
    article.url = meta.canonical.or(meta.og_url);
    article.published = meta.published;
    article
}

/// Whitespace as HTML defines it (space, tab, LF, FF, CR).
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{0C}' | '\r')
}

fn collapse(s: &str) -> String {
    s.split(is_html_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Default)]
struct TextBuilder {
    out: String,
    line: String,
    /// Whitespace was seen after the last word: a space goes in before the next one.
    space: bool,
}

impl TextBuilder {
    fn push(&mut self, text: &str, preformatted: bool) {
        if preformatted {
            for (i, part) in text.split('\n').enumerate() {
                if i > 0 {
                    self.end_line();
                }
                self.line.push_str(part.trim_end_matches('\r'));
            }
            return;
        }
        for c in text.chars() {
            if is_html_space(c) {
                self.space = !self.line.is_empty();
            } else {
                if self.space {
                    self.line.push(' ');
                    self.space = false;
                }
                self.line.push(c);
            }
        }
    }

    fn end_line(&mut self) {
        let line = self.line.trim_matches(is_html_space);
        if !line.is_empty() {
            self.out.push_str(line);
            self.out.push('\n');
        }
        self.line.clear();
        self.space = false;
    }
}

#[derive(Default)]
struct Metadata {
    title_text: String,
    h1_text: String,
    h1: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    published: Option<String>,
}

impl Metadata {
    fn element<'a>(&mut self, tag: &str, attr: impl Fn(&str) -> Option<&'a str>) {
        let value = |name: &str| {
            attr(name)
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        match tag {
            "link" if self.canonical.is_none() => {
                let canonical = attr("rel").is_some_and(|rel| {
                    rel.split(is_html_space)
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                });
                if canonical {
                    self.canonical = value("href");
                }
            }
            "meta" => {
                let key = attr("property")
                    .or_else(|| attr("name"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                match key.as_str() {
                    "og:url" if self.og_url.is_none() => self.og_url = value("content"),
                    "article:published_time" | "date" | "pubdate" if self.published.is_none() => {
                        self.published = value("content");
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_lines_and_inline_text_joins() {
        let a = parse(
            "a.html",
            "<html><body><div>قال <b>الوزير</b>\n   إن <a href=x>الخطة</a></div>\
             <p>سطر<br>آخر</p><ul><li>أ</li><li>ب</li></ul><p>  </p></body></html>",
        );
        assert_eq!(a.text, "قال الوزير إن الخطة\nسطر\nآخر\nأ\nب\n");
    }

    #[test]
    fn entities_decoded_and_scripts_styles_chrome_skipped() {
        let a = parse(
            "a.html",
            "<head><title>العنوان &amp; المزيد</title><style>p{}</style></head>\
             <body><header>شعار الموقع</header><nav>روابط</nav>\
             <article><header><h1>الخبر</h1></header><p>&laquo;نص&raquo;&nbsp;&#1605;</p>\
             <script>var x = '<p>لا</p>';</script></article><footer>حقوق</footer></body>",
        );
        assert_eq!(a.text, "الخبر\n«نص»\u{a0}م\n");
        assert_eq!(a.title.as_deref(), Some("العنوان & المزيد"));
    }

    #[test]
    fn metadata_from_h1_canonical_and_og() {
        let a = parse(
            "a.html",
            "<link rel=\"Canonical\" href=\" https://example.org/c \">\
             <meta property=\"og:url\" content=\"https://example.org/og\">\
             <meta property=\"article:published_time\" content=\"2024-05-01T10:00:00Z\">\
             <h1> عنوان <i>مائل</i> </h1><h1>ثان</h1>",
        );
        assert_eq!(a.title.as_deref(), Some("عنوان مائل"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/c"));
        assert_eq!(a.published.as_deref(), Some("2024-05-01T10:00:00Z"));
        let b = parse("b.html", "<meta property=og:url content=u><p>x</p>");
        assert_eq!(b.url.as_deref(), Some("u"));
        assert_eq!(b.title, None);
    }

    #[test]
    fn preformatted_keeps_lines_and_deep_nesting_does_not_overflow() {
        let a = parse("a.html", "<pre>  a  b\nc</pre>");
        assert_eq!(a.text, "a  b\nc\n");
        let deep = format!("{}نص{}", "<div>".repeat(20_000), "</div>".repeat(20_000));
        assert_eq!(parse("d.html", &deep).text, "نص\n");
    }
}

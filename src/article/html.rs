//! HTML articles: the article of a page, as a browser's reader mode shows it. The page is
//! parsed with `scraper` (html5ever, the HTML5 parsing algorithm browsers use, so broken markup
//! and entities are handled as a browser would); [`readability`] finds the article and drops
//! the boilerplate (menus, "read also" boxes, share buttons, comments); this file reads the
//! metadata (title, byline, date, address) and lays the article out as text: the title, the
//! byline and the date on the first lines, then one paragraph, heading, list item or caption
//! per line. Each block element and each `<br>` ends a line; whitespace inside a line collapses
//! to single spaces; empty lines are dropped.

use scraper::{Html, Node};

use crate::article::Article;
use crate::article::dom::{Dom, Id, ROOT, collapse_whitespace};
use crate::article::readability;

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "nav", "noscript", "template", "head", "svg", "math", "iframe", "object",
    "select", "button", "form", "title",
];

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

/// What reader mode finds in a page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub title: Option<String>,
    pub byline: Option<String>,
    /// Publication date as the page writes it.
    pub published: Option<String>,
    /// `<link rel=canonical>` or `og:url`.
    pub url: Option<String>,
    /// The site's name: `og:site_name`, else JSON-LD `publisher.name`.
    pub outlet: Option<String>,
    /// The article's text, one block per line, each line ending in `\n`.
    pub body: String,
}

/// Finds the article in HTML `source` (already decoded) and its metadata.
pub fn read_page(source: &str) -> Page {
    let document = Html::parse_document(source);
    let meta = Metadata::read(&document);
    let title = meta.title();
    let extraction = readability::extract(&document, title.as_deref().unwrap_or(""));
    let (body, found_byline) = match &extraction {
        Some(e) => (node_text(&e.dom, e.content), e.byline.clone()),
        // nothing scored, or a page too big to score: all of its text
        None => (node_text(&Dom::from_html(&document), ROOT), None),
    };
    let byline = meta
        .author
        .clone()
        .or(found_byline)
        .filter(|b| !b.is_empty());
    let body = drop_repeated_header(body, [&title, &byline, &meta.published]);
    let outlet = meta.value(&["og:site_name"]).or(meta.ld.publisher);
    Page {
        outlet,
        title,
        byline,
        published: meta.published,
        url: meta.canonical.or(meta.og_url),
        body,
    }
}

/// Lines at the top of the body that repeat the title, the byline or the date (a `<time>`
/// left alone in the article's header) are dropped: those lead the text already.
fn drop_repeated_header(body: String, header: [&Option<String>; 3]) -> String {
    let repeats = |line: &str| {
        header
            .iter()
            .filter_map(|h| h.as_deref())
            .any(|h| line == h || (h.len() > 10 && h.starts_with(line) && line.len() >= 10))
    };
    let mut rest = body.as_str();
    for _ in 0..3 {
        let (line, after) = rest.split_once('\n').unwrap_or((rest, ""));
        if line.is_empty() || !repeats(line) {
            break;
        }
        rest = after;
    }
    if rest.len() == body.len() {
        body
    } else {
        rest.to_owned()
    }
}

/// Reads HTML `source` (already decoded) as an article named `name`: the title, the byline
/// and the date on the first lines, then the article's text.
pub fn parse(name: &str, source: &str) -> Article {
    let page = read_page(source);
    let mut text = String::new();
    for line in [&page.title, &page.byline, &page.published]
        .into_iter()
        .flatten()
    {
        text.push_str(line);
        text.push('\n');
    }
    text.push_str(&page.body);
    let mut article = Article::from_text(name, text);
    article.title = page.title;
    article.byline = page.byline;
    article.url = page.url;
    article.published = page.published;
    article.outlet = page.outlet;
    article
}

/// The readable text of a whole page or fragment, without looking for the article: every
/// line but scripts, styles, forms and navigation. What `expected.html` of the Readability
/// test pages is compared by.
pub fn page_text(source: &str) -> String {
    let document = Html::parse_document(source);
    node_text(&Dom::from_html(&document), ROOT)
}

/// The text under `id`, one block per line.
pub(crate) fn node_text(dom: &Dom, id: Id) -> String {
    let mut text = TextBuilder::default();
    // (node, entering): an explicit stack, the tree can be nested arbitrarily deep
    let mut stack = vec![(id, true)];
    let mut pre = 0usize;
    while let Some((n, entering)) = stack.pop() {
        if let Some(t) = dom.text_of(n) {
            text.push(t, pre > 0);
            continue;
        }
        let tag = dom.tag(n);
        let block = tag == "br" || BLOCKS.contains(&tag);
        if !entering {
            if block {
                text.end_line();
            }
            if tag == "pre" {
                pre -= 1;
            }
            continue;
        }
        if SKIPPED.contains(&tag) || dom.attr(n, "hidden").is_some() {
            continue;
        }
        if block {
            text.end_line();
        }
        if tag == "pre" {
            pre += 1;
        }
        stack.push((n, false));
        stack.extend(dom.children(n).iter().rev().map(|&c| (c, true)));
    }
    text.end_line();
    text.out
}

/// Whitespace as HTML defines it (space, tab, LF, FF, CR).
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{0C}' | '\r')
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
        // every kind of space at the ends: a line of no-break or ideographic spaces is empty
        let line = self.line.trim_matches(char::is_whitespace);
        if !line.is_empty() {
            self.out.push_str(line);
            self.out.push('\n');
        }
        self.line.clear();
        self.space = false;
    }
}

/// What a page says about itself, read from `<title>`, `<meta>`, `<link rel=canonical>`, the
/// `<h1>`s and schema.org JSON-LD, in Readability's order of preference.
#[derive(Default)]
struct Metadata {
    /// The `<title>` element's text.
    document_title: String,
    h1s: Vec<String>,
    /// `(normalised name or property, content)` of every `<meta>`.
    metas: Vec<(String, String)>,
    canonical: Option<String>,
    og_url: Option<String>,
    ld: LinkedData,
    author: Option<String>,
    published: Option<String>,
}

/// The parts of a schema.org `Article` (or `NewsArticle`, `BlogPosting`…) in JSON-LD.
#[derive(Default)]
struct LinkedData {
    headline: Option<String>,
    author: Option<String>,
    published: Option<String>,
    /// `publisher.name` (or a plain `publisher` string).
    publisher: Option<String>,
}

impl Metadata {
    fn read(document: &Html) -> Self {
        let mut meta = Metadata::default();
        for node in document.tree.root().descendants() {
            let Node::Element(el) = node.value() else {
                continue;
            };
            let text = || {
                let mut s = String::new();
                for d in node.descendants() {
                    if let Node::Text(t) = d.value() {
                        s.push_str(t);
                    }
                }
                collapse_whitespace(&s)
            };
            match el.name() {
                "title" if meta.document_title.is_empty() => meta.document_title = text(),
                "h1" => meta.h1s.push(text()),
                "link" if meta.canonical.is_none() => {
                    let canonical = el.attr("rel").is_some_and(|rel| {
                        rel.split_whitespace()
                            .any(|r| r.eq_ignore_ascii_case("canonical"))
                    });
                    if canonical {
                        meta.canonical = nonempty(el.attr("href"));
                    }
                }
                "meta" => {
                    let Some(content) = nonempty(el.attr("content")) else {
                        continue;
                    };
                    for key in meta_keys(el.attr("property"), el.attr("name")) {
                        meta.metas.push((key, content.clone()));
                    }
                }
                "script"
                    if meta.ld.headline.is_none()
                        && el.attr("type").is_some_and(|t| t.contains("ld+json")) =>
                {
                    meta.ld = LinkedData::read(&text());
                }
                _ => {}
            }
        }
        meta.og_url = meta.value(&["og:url"]);
        meta.author = meta.ld.author.clone().or_else(|| {
            meta.value(&["dc:creator", "dcterm:creator", "author", "parsely-author"])
                .filter(|a| !a.starts_with("http"))
        });
        meta.published = meta.ld.published.clone().or_else(|| {
            meta.value(&[
                "article:published_time",
                "parsely-pub-date",
                "date",
                "pubdate",
                "dc:date",
            ])
        });
        meta
    }

    fn value(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| {
            self.metas
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| collapse_whitespace(v))
        })
    }

    /// The article's title: JSON-LD, then the meta tags, then `<title>` without the site's
    /// name, then the only `<h1>`.
    fn title(&self) -> Option<String> {
        self.ld
            .headline
            .clone()
            .or_else(|| {
                self.value(&[
                    "dc:title",
                    "dcterm:title",
                    "og:title",
                    "title",
                    "twitter:title",
                    "parsely-title",
                ])
            })
            .or_else(|| Some(self.cleaned_document_title()))
            .filter(|t| !t.is_empty())
            .or_else(|| self.h1s.first().cloned().filter(|t| !t.is_empty()))
    }

    /// `<title>` without the site's name around it (Readability's `_getArticleTitle`).
    fn cleaned_document_title(&self) -> String {
        const SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»'];
        let original = self.document_title.as_str();
        let words = |s: &str| s.split_whitespace().count();
        let separated = |c: char| format!(" {c} ");
        let last_separator = SEPARATORS
            .iter()
            .filter_map(|&c| original.rfind(&separated(c)))
            .max();
        let mut hierarchical = false;
        let mut title = if let Some(at) = last_separator {
            hierarchical = ['\\', '/', '>', '»']
                .iter()
                .any(|&c| original.contains(&separated(c)));
            let head = &original[..at];
            if words(head) < 3 {
                // the site's name came first: keep what follows its separator
                let first = SEPARATORS
                    .iter()
                    .filter_map(|&c| original.find(&separated(c)).map(|i| (i, c)))
                    .min();
                first.map_or(original, |(i, c)| &original[i + separated(c).len()..])
            } else {
                head
            }
        } else if let Some(colon) = original.rfind(": ") {
            if self.h1s.iter().any(|h| h == original.trim()) {
                original
            } else {
                let tail = &original[colon + 1..];
                if words(tail) < 3 {
                    original.find(':').map_or(original, |i| &original[i + 1..])
                } else if original
                    .find(':')
                    .is_some_and(|i| words(&original[..i]) > 5)
                {
                    original
                } else {
                    tail
                }
            }
        } else if (original.chars().count() > 150 || original.chars().count() < 15)
            && self.h1s.len() == 1
        {
            &self.h1s[0]
        } else {
            original
        }
        .trim()
        .to_owned();
        let count = words(&title);
        let without_separators: String = original
            .chars()
            .map(|c| if SEPARATORS.contains(&c) { ' ' } else { c })
            .collect();
        if count <= 4 && (!hierarchical || count + 1 != words(&without_separators)) {
            title = original.trim().to_owned();
        }
        collapse_whitespace(&title)
    }
}

/// The keys a `<meta>` is known by: each `og:`/`article:`/`dc:`/`twitter:` property, and its
/// name lowercased without spaces, dots read as colons (`DC.date` is `dc:date`).
fn meta_keys(property: Option<&str>, name: Option<&str>) -> Vec<String> {
    let mut keys: Vec<String> = property
        .unwrap_or("")
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    if let Some(name) = name {
        keys.push(
            name.to_ascii_lowercase()
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| if c == '.' { ':' } else { c })
                .collect(),
        );
    }
    keys
}

fn nonempty(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

impl LinkedData {
    /// Reads the first article object of a JSON-LD script (top level, in an array or in
    /// `@graph`); anything else, malformed JSON included, gives nothing.
    fn read(json: &str) -> Self {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(json) else {
            return Self::default();
        };
        let mut queue = vec![&value];
        while let Some(v) = queue.pop() {
            match v {
                serde_json::Value::Array(items) => queue.extend(items.iter().rev()),
                serde_json::Value::Object(map) => {
                    if let Some(graph) = map.get("@graph") {
                        queue.push(graph);
                    }
                    if is_article_type(map.get("@type")) {
                        let text = |key: &str| {
                            map.get(key)
                                .and_then(serde_json::Value::as_str)
                                .map(collapse_whitespace)
                                .filter(|s| !s.is_empty())
                        };
                        return Self {
                            headline: text("headline").or_else(|| text("name")),
                            author: map.get("author").and_then(author_names),
                            published: text("datePublished"),
                            publisher: map.get("publisher").and_then(author_names),
                        };
                    }
                }
                _ => {}
            }
        }
        Self::default()
    }
}

fn is_article_type(value: Option<&serde_json::Value>) -> bool {
    let is = |t: &str| {
        t.ends_with("Article") || t.ends_with("Posting") || t == "Report" || t == "APIReference"
    };
    match value {
        Some(serde_json::Value::String(t)) => is(t),
        Some(serde_json::Value::Array(ts)) => ts.iter().filter_map(|t| t.as_str()).any(is),
        _ => false,
    }
}

/// `"author": "Name"`, `{"name": …}` or a list of either, names joined with commas.
fn author_names(value: &serde_json::Value) -> Option<String> {
    let names: Vec<String> = match value {
        serde_json::Value::Array(items) => items.iter().filter_map(author_names).collect(),
        serde_json::Value::Object(map) => map
            .get("name")
            .and_then(|n| n.as_str())
            .map(collapse_whitespace)
            .into_iter()
            .collect(),
        serde_json::Value::String(s) => vec![collapse_whitespace(s)],
        _ => Vec::new(),
    };
    let names: Vec<String> = names.into_iter().filter(|n| !n.is_empty()).collect();
    (!names.is_empty()).then(|| names.join(", "))
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
    fn entities_decoded_scripts_skipped_and_title_first() {
        let a = parse(
            "a.html",
            "<head><title>العنوان &amp; المزيد</title><style>p{}</style></head>\
             <body><header>شعار الموقع</header><nav>روابط</nav>\
             <article><header><h2>الخبر</h2></header><p>&laquo;نص&raquo;&nbsp;&#1605;</p>\
             <script>var x = '<p>لا</p>';</script></article><footer>حقوق</footer></body>",
        );
        assert_eq!(a.text, "العنوان & المزيد\nالخبر\n«نص»\u{a0}م\n");
        assert_eq!(a.title.as_deref(), Some("العنوان & المزيد"));
    }

    #[test]
    fn metadata_from_h1_canonical_og_and_json_ld() {
        let a = parse(
            "a.html",
            "<link rel=\"Canonical\" href=\" https://example.org/c \">\
             <meta property=\"og:url\" content=\"https://example.org/og\">\
             <meta property=\"article:published_time\" content=\"2024-05-01T10:00:00Z\">\
             <h1> عنوان <i>مائل</i> </h1><p>x</p>",
        );
        assert_eq!(a.title.as_deref(), Some("عنوان مائل"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/c"));
        assert_eq!(a.published.as_deref(), Some("2024-05-01T10:00:00Z"));
        assert_eq!(a.text, "عنوان مائل\n2024-05-01T10:00:00Z\nx\n");
        let b = parse("b.html", "<meta property=og:url content=u><p>x</p>");
        assert_eq!(b.url.as_deref(), Some("u"));
        assert_eq!(b.title, None);
        let ld = parse(
            "c.html",
            "<title>موقع | عنوان آخر</title><script type=application/ld+json>\
             {\"@graph\": [{\"@type\": \"WebSite\", \"name\": \"موقع\"}, {\"@type\": \"NewsArticle\",\
             \"headline\": \"العنوان\", \"author\": [{\"name\": \"سارة\"}, {\"name\": \"علي\"}],\
             \"datePublished\": \"2025-05-10\"}]}</script><p>x</p>",
        );
        assert_eq!(ld.title.as_deref(), Some("العنوان"));
        assert_eq!(ld.byline.as_deref(), Some("سارة, علي"));
        assert_eq!(ld.published.as_deref(), Some("2025-05-10"));
    }

    #[test]
    fn body_lines_repeating_the_byline_or_date_are_dropped_from_the_top_only() {
        let title = Some("عنوان".to_owned());
        let byline = Some("سارة".to_owned());
        let date = Some("2025-05-11T09:30:00+03:00".to_owned());
        let body = "2025-05-11\nسارة\nنص سارة\nسارة\n".to_owned();
        assert_eq!(
            drop_repeated_header(body, [&title, &byline, &date]),
            "نص سارة\nسارة\n"
        );
        let kept = "2025\nنص\n".to_owned();
        assert_eq!(
            drop_repeated_header(kept.clone(), [&None, &None, &date]),
            kept
        );
    }

    #[test]
    fn the_site_name_is_cut_from_the_document_title() {
        let title = |t: &str| {
            Metadata {
                document_title: t.to_owned(),
                ..Metadata::default()
            }
            .cleaned_document_title()
        };
        assert_eq!(
            title("وصول فرق الإغاثة إلى حلب | الموقع الإخباري"),
            "وصول فرق الإغاثة إلى حلب"
        );
        assert_eq!(
            title("الموقع - وصول فرق الإغاثة إلى حلب"),
            "وصول فرق الإغاثة إلى حلب"
        );
        assert_eq!(title("قصير | الموقع"), "قصير | الموقع");
    }

    #[test]
    fn preformatted_keeps_lines_and_deep_nesting_does_not_overflow() {
        let a = parse("a.html", "<pre>  a  b\nc</pre>");
        assert_eq!(a.text, "a  b\nc\n");
        let deep = format!("{}نص{}", "<div>".repeat(20_000), "</div>".repeat(20_000));
        assert_eq!(parse("d.html", &deep).text, "نص\n");
    }
}

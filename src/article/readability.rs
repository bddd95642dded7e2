//! Main-content extraction: which part of a web page is the article. A port of the scoring of
//! Mozilla's Readability (the reader mode of Firefox; Apache-2.0) to the [`Dom`] arena:
//! paragraphs score by length and comma count (Arabic commas and semicolons included) and pass
//! their score to their ancestors; class and id names weigh in (`article`, `content` up,
//! `comment`, `sidebar`, `share` down); scores are scaled down by link density; the best
//! candidate is taken with its siblings that look like article, and then lists, tables and
//! blocks that look like boilerplate (mostly links, few paragraphs, forms, share buttons) are
//! cleaned out. When that leaves under 500 characters the page is tried again with fewer
//! heuristics, as Readability does. Measured against Readability's own test pages in
//! `tests/readability.rs` (figures in docs/web.md).

use std::collections::HashMap;

use scraper::Html;

use crate::article::dom::{Dom, Id, ROOT};

mod clean;

/// Text below which an attempt is retried with fewer heuristics (Readability's default).
const CHAR_THRESHOLD: usize = 500;

/// Elements whose text is scored as a paragraph.
const TAGS_TO_SCORE: &[&str] = &["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];

/// A `div` containing none of these is a paragraph in disguise.
const DIV_TO_P_ELEMS: &[&str] = &[
    "blockquote",
    "dl",
    "div",
    "img",
    "ol",
    "p",
    "pre",
    "table",
    "ul",
];

/// Siblings of these kinds keep their tag when added to the article; others become `div`.
const PHRASING_ELEMS: &[&str] = &[
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em",
    "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object",
    "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong",
    "sub", "sup", "textarea", "time", "var", "wbr",
];

const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

/// Class or id fragments of page furniture (Readability's `unlikelyCandidates`).
const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];

/// Fragments that keep an otherwise unlikely element (`okMaybeItsACandidate`).
const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
];

const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];

const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];

const BYLINE: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];

/// Commas of every script (Readability's list) and the Arabic semicolon: each one is a clause,
/// and clauses are what article paragraphs have and menus do not.
const COMMAS: &[char] = &[
    ',', '\u{060C}', '\u{061B}', '\u{FE50}', '\u{FE10}', '\u{FE11}', '\u{2E41}', '\u{2E34}',
    '\u{2E32}', '\u{FF0C}',
];

/// Which heuristics an attempt uses; each retry drops one.
#[derive(Clone, Copy)]
struct Flags {
    strip_unlikely: bool,
    weight_classes: bool,
    clean_conditionally: bool,
}

/// What was found: the tree, the node holding the article, and a byline seen in the page.
pub(crate) struct Extraction {
    pub dom: Dom,
    pub content: Id,
    pub byline: Option<String>,
}

/// Finds the article in a parsed page. `title` is the page's title, used to drop a heading
/// that repeats it. `None` when no attempt found any text.
pub(crate) fn extract(html: &Html, title: &str) -> Option<Extraction> {
    if too_big_to_score(&Dom::from_html(html)) {
        return None;
    }
    let attempts = [
        (true, true, true),
        (false, true, true),
        (false, false, true),
        (false, false, false),
    ];
    let mut best: Option<(usize, Extraction)> = None;
    for (strip_unlikely, weight_classes, clean_conditionally) in attempts {
        let flags = Flags {
            strip_unlikely,
            weight_classes,
            clean_conditionally,
        };
        let mut dom = Dom::from_html(html);
        prep_document(&mut dom);
        let mut grab = Grab {
            dom,
            flags,
            scores: HashMap::new(),
            byline: None,
        };
        let content = grab.grab_article(title);
        let length = grab.dom.inner_len(content);
        let found = Extraction {
            dom: grab.dom,
            content,
            byline: grab.byline,
        };
        if length >= CHAR_THRESHOLD {
            return Some(found);
        }
        if best.as_ref().is_none_or(|(l, _)| length > *l) {
            best = Some((length, found));
        }
    }
    best.filter(|(l, _)| *l > 0).map(|(_, e)| e)
}

/// Elements in a page past which scoring is not tried: several passes look at every
/// element's text, which grows with the number of elements times the depth. News pages have a
/// few thousand elements, nested a few dozen deep.
const MAX_ELEMENTS: usize = 200_000;
const MAX_DEPTH: usize = 400;

/// A page too large or too deep for scoring is shown whole, rather than taking minutes.
fn too_big_to_score(dom: &Dom) -> bool {
    let all = dom.descendants(ROOT);
    all.len() > MAX_ELEMENTS
        || all
            .iter()
            .any(|&n| dom.ancestors(n, MAX_DEPTH + 1).len() > MAX_DEPTH)
}

/// Scripts, styles and `<font>` out, `<br><br>` runs into paragraphs (Readability's
/// `prepDocument`).
fn prep_document(dom: &mut Dom) {
    for n in dom.by_tags(ROOT, &["script", "noscript", "style", "template"]) {
        dom.detach(n);
    }
    for n in dom.by_tags(ROOT, &["font"]) {
        dom.set_tag(n, "span");
    }
    replace_brs(dom);
}

/// Whitespace text is skipped when looking for the next node.
fn next_non_blank(dom: &Dom, mut at: Option<Id>) -> Option<Id> {
    while let Some(n) = at {
        if dom.is_element(n) || !dom.text_of(n).is_some_and(|t| t.trim().is_empty()) {
            return Some(n);
        }
        at = dom.next_sibling(n);
    }
    None
}

fn replace_brs(dom: &mut Dom) {
    for br in dom.by_tags(ROOT, &["br"]) {
        if dom.parent(br).is_none() {
            continue;
        }
        let mut replaced = false;
        let mut next = next_non_blank(dom, dom.next_sibling(br));
        while let Some(n) = next.filter(|&n| dom.tag(n) == "br") {
            replaced = true;
            let after = dom.next_sibling(n);
            dom.detach(n);
            next = next_non_blank(dom, after);
        }
        if !replaced {
            continue;
        }
        let p = dom.create("p");
        dom.replace(br, p);
        let mut next = dom.next_sibling(p);
        while let Some(n) = next {
            if dom.tag(n) == "br"
                && next_non_blank(dom, dom.next_sibling(n)).is_some_and(|m| dom.tag(m) == "br")
            {
                break;
            }
            if !is_phrasing(dom, n) {
                break;
            }
            next = dom.next_sibling(n);
            dom.append(p, n);
        }
        trim_trailing_whitespace(dom, p);
        if let Some(parent) = dom.parent(p).filter(|&q| dom.tag(q) == "p") {
            dom.set_tag(parent, "div");
        }
    }
}

fn trim_trailing_whitespace(dom: &mut Dom, p: Id) {
    while let Some(&last) = dom.children(p).last() {
        if !is_whitespace(dom, last) {
            break;
        }
        dom.detach(last);
    }
}

fn is_whitespace(dom: &Dom, n: Id) -> bool {
    dom.text_of(n).is_some_and(|t| t.trim().is_empty()) || dom.tag(n) == "br"
}

fn is_phrasing(dom: &Dom, n: Id) -> bool {
    if dom.text_of(n).is_some() {
        return true;
    }
    let tag = dom.tag(n);
    PHRASING_ELEMS.contains(&tag)
        || (matches!(tag, "a" | "del" | "ins")
            && dom.children(n).iter().all(|&c| is_phrasing(dom, c)))
}

/// Class and id, lowercased, for the name lists.
fn match_string(dom: &Dom, n: Id) -> String {
    format!(
        "{} {}",
        dom.attr(n, "class").unwrap_or(""),
        dom.attr(n, "id").unwrap_or("")
    )
    .to_lowercase()
}

fn contains_any(haystack: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| haystack.contains(n))
}

fn is_negative(name: &str) -> bool {
    contains_any(name, NEGATIVE) || name.split_whitespace().any(|w| w == "hid")
}

/// `share` or `sharedaddy` as a whole word of a class or id (`_` separates words too).
fn is_share(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "share" || w == "sharedaddy")
}

fn count_commas(text: &str) -> usize {
    text.chars().filter(|c| COMMAS.contains(c)).count()
}

/// The words of a text for comparing a heading with the title: letters and digits of every
/// script (Readability's `\W+` split would leave no word in an Arabic title).
fn tokens(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// 1 when every word of `b` is in `a`, down to 0 (Readability's `_textSimilarity`).
pub(crate) fn text_similarity(a: &str, b: &str) -> f64 {
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let unique: Vec<&str> = tb
        .iter()
        .filter(|t| !ta.contains(t))
        .map(String::as_str)
        .collect();
    let all = tb.join(" ").chars().count() as f64;
    1.0 - unique.join(" ").chars().count() as f64 / all
}

/// The state of one attempt.
struct Grab {
    dom: Dom,
    flags: Flags,
    /// Content score of every candidate (Readability's `node.readability`).
    scores: HashMap<Id, f64>,
    byline: Option<String>,
}

impl Grab {
    fn is_probably_visible(&self, n: Id) -> bool {
        let dom = &self.dom;
        if dom.attr(n, "hidden").is_some() {
            return false;
        }
        if dom.attr(n, "aria-hidden") == Some("true")
            && !dom
                .attr(n, "class")
                .is_some_and(|c| c.contains("fallback-image"))
        {
            return false;
        }
        let style = dom.attr(n, "style").unwrap_or("").to_ascii_lowercase();
        !style.split(';').any(|decl| {
            let mut kv = decl.splitn(2, ':').map(str::trim);
            matches!(
                (kv.next(), kv.next()),
                (Some("display"), Some("none")) | (Some("visibility"), Some("hidden"))
            )
        })
    }

    /// Readability's `getNextNode`: the next element in document order, skipping `n`'s
    /// children when `skip_children`.
    fn next_node(&self, n: Id, skip_children: bool) -> Option<Id> {
        let dom = &self.dom;
        if !skip_children && let Some(&first) = dom.element_children(n).first() {
            return Some(first);
        }
        let mut at = Some(n);
        while let Some(a) = at {
            if let Some(next) = dom.next_element_sibling(a) {
                return Some(next);
            }
            at = dom.parent(a);
        }
        None
    }

    fn remove_and_next(&mut self, n: Id) -> Option<Id> {
        let next = self.next_node(n, true);
        self.dom.detach(n);
        next
    }

    fn class_weight(&self, n: Id) -> f64 {
        if !self.flags.weight_classes {
            return 0.0;
        }
        let mut weight = 0.0;
        for name in ["class", "id"] {
            let value = self.dom.attr(n, name).unwrap_or("").to_lowercase();
            if value.is_empty() {
                continue;
            }
            if is_negative(&value) {
                weight -= 25.0;
            }
            if contains_any(&value, POSITIVE) {
                weight += 25.0;
            }
        }
        weight
    }

    fn initialize(&mut self, n: Id) {
        let base = match self.dom.tag(n) {
            "div" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        let score = base + self.class_weight(n);
        self.scores.insert(n, score);
    }

    /// Share of the text that sits in links (in-page `#` links count for 0.3).
    fn link_density(&self, n: Id) -> f64 {
        let total = self.dom.inner_len(n);
        if total == 0 {
            return 0.0;
        }
        let links: f64 = self
            .dom
            .by_tags(n, &["a"])
            .into_iter()
            .map(|a| {
                let hash = self
                    .dom
                    .attr(a, "href")
                    .is_some_and(|h| h.len() > 1 && h.starts_with('#'));
                self.dom.inner_len(a) as f64 * if hash { 0.3 } else { 1.0 }
            })
            .sum();
        links / total as f64
    }

    fn is_byline(&self, n: Id, names: &str) -> bool {
        let dom = &self.dom;
        let marked = dom.attr(n, "rel") == Some("author")
            || dom
                .attr(n, "itemprop")
                .is_some_and(|i| i.contains("author"))
            || contains_any(names, BYLINE);
        let length = dom.text_content(n).trim().chars().count();
        marked && length > 0 && length < 100
    }

    fn is_without_content(&self, n: Id) -> bool {
        let dom = &self.dom;
        dom.text_content(n).trim().is_empty()
            && dom
                .element_children(n)
                .iter()
                .all(|&c| matches!(dom.tag(c), "br" | "hr"))
    }

    fn has_single_p_inside(&self, n: Id) -> bool {
        let dom = &self.dom;
        let kids = dom.element_children(n);
        kids.len() == 1
            && dom.tag(kids[0]) == "p"
            && !dom
                .children(n)
                .iter()
                .any(|&c| dom.text_of(c).is_some_and(|t| !t.trim().is_empty()))
    }

    fn has_child_block(&self, n: Id) -> bool {
        !self.dom.by_tags(n, DIV_TO_P_ELEMS).is_empty()
    }

    /// Runs of phrasing content directly in a `div` become paragraphs.
    fn wrap_phrasing(&mut self, div: Id) {
        let mut p: Option<Id> = None;
        for child in self.dom.children(div).to_vec() {
            if is_phrasing(&self.dom, child) {
                if let Some(p) = p {
                    self.dom.append(p, child);
                } else if !is_whitespace(&self.dom, child) {
                    let new = self.dom.create("p");
                    self.dom.replace(child, new);
                    self.dom.append(new, child);
                    p = Some(new);
                }
            } else if let Some(done) = p.take() {
                trim_trailing_whitespace(&mut self.dom, done);
            }
        }
    }

    /// Walks the page removing what is not article and returns the elements to score.
    fn walk(&mut self, title: &str) -> Vec<Id> {
        let mut to_score = Vec::new();
        let mut title_header_removed = false;
        let mut node = self.dom.element_children(ROOT).first().copied();
        while let Some(n) = node {
            let names = match_string(&self.dom, n);
            let tag = self.dom.tag(n).to_owned();
            let remove = !self.is_probably_visible(n)
                || (self.dom.attr(n, "aria-modal") == Some("true")
                    && self.dom.attr(n, "role") == Some("dialog"))
                || self.take_byline(n, &names)
                || (!title_header_removed && self.duplicates_title(n, title) && {
                    title_header_removed = true;
                    true
                })
                || (self.flags.strip_unlikely && self.is_unlikely(n, &tag, &names))
                || (matches!(
                    tag.as_str(),
                    "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                ) && self.is_without_content(n));
            if remove {
                node = self.remove_and_next(n);
                continue;
            }
            if TAGS_TO_SCORE.contains(&tag.as_str()) {
                to_score.push(n);
            }
            let mut current = n;
            if tag == "div" {
                self.wrap_phrasing(n);
                if self.has_single_p_inside(n) && self.link_density(n) < 0.25 {
                    let child = self.dom.element_children(n)[0];
                    self.dom.replace(n, child);
                    current = child;
                    to_score.push(child);
                } else if !self.has_child_block(n) {
                    self.dom.set_tag(n, "p");
                    to_score.push(n);
                }
            }
            node = self.next_node(current, false);
        }
        to_score
    }

    fn take_byline(&mut self, n: Id, names: &str) -> bool {
        if self.byline.is_some() || !self.is_byline(n, names) {
            return false;
        }
        self.byline = Some(self.dom.inner_text(n));
        true
    }

    fn duplicates_title(&self, n: Id, title: &str) -> bool {
        matches!(self.dom.tag(n), "h1" | "h2")
            && text_similarity(title, &self.dom.inner_text(n)) > 0.75
    }

    fn is_unlikely(&self, n: Id, tag: &str, names: &str) -> bool {
        let role = self.dom.attr(n, "role").unwrap_or("");
        (contains_any(names, UNLIKELY)
            && !contains_any(names, MAYBE)
            && !self.dom.has_ancestor_tag(n, "table")
            && !self.dom.has_ancestor_tag(n, "code")
            && tag != "body"
            && tag != "a")
            || UNLIKELY_ROLES.contains(&role)
    }

    /// Scores paragraphs into their ancestors; returns the candidates.
    fn score(&mut self, to_score: &[Id]) -> Vec<Id> {
        let mut candidates = Vec::new();
        for &el in to_score {
            if self.dom.parent(el).is_none_or(|p| !self.dom.is_element(p)) {
                continue;
            }
            let text = self.dom.inner_text(el);
            let length = text.chars().count();
            if length < 25 {
                continue;
            }
            let ancestors = self.dom.ancestors(el, 5);
            if ancestors.is_empty() {
                continue;
            }
            let score = 1.0 + (count_commas(&text) + 1) as f64 + (length / 100).min(3) as f64;
            for (level, &ancestor) in ancestors.iter().enumerate() {
                if !self.dom.is_element(ancestor)
                    || self
                        .dom
                        .parent(ancestor)
                        .is_none_or(|p| !self.dom.is_element(p))
                {
                    continue;
                }
                if !self.scores.contains_key(&ancestor) {
                    self.initialize(ancestor);
                    candidates.push(ancestor);
                }
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    _ => level as f64 * 3.0,
                };
                *self.scores.entry(ancestor).or_default() += score / divider;
            }
        }
        candidates
    }

    fn score_of(&self, n: Id) -> f64 {
        self.scores.get(&n).copied().unwrap_or(0.0)
    }

    /// The article's node: the best candidate, moved up the tree when its parent scores as
    /// well or several good candidates share an ancestor.
    fn top_candidate(&mut self, candidates: &[Id]) -> Id {
        let mut top: Vec<Id> = Vec::new();
        for &c in candidates {
            let scaled = self.score_of(c) * (1.0 - self.link_density(c));
            self.scores.insert(c, scaled);
            let at = top
                .iter()
                .position(|&t| scaled > self.score_of(t))
                .unwrap_or(top.len());
            if at < 5 {
                top.insert(at, c);
                top.truncate(5);
            }
        }
        let Some(&first) = top.first().filter(|&&t| self.dom.tag(t) != "body") else {
            return self.everything_in_one_div();
        };
        let mut best = first;
        let alternatives: Vec<Vec<Id>> = top[1..]
            .iter()
            .filter(|&&t| self.score_of(t) / self.score_of(best) >= 0.75)
            .map(|&t| self.dom.ancestors(t, 0))
            .collect();
        if alternatives.len() >= 3 {
            let mut parent = self.dom.parent(best);
            while let Some(p) = parent.filter(|&p| self.dom.tag(p) != "body") {
                if alternatives.iter().filter(|a| a.contains(&p)).count() >= 3 {
                    best = p;
                    break;
                }
                parent = self.dom.parent(p);
            }
        }
        if !self.scores.contains_key(&best) {
            self.initialize(best);
        }
        best = self.climb_while_scores_hold(best);
        // A parent with this one child is the same block.
        while let Some(p) = self.dom.parent(best).filter(|&p| {
            self.dom.is_element(p)
                && self.dom.tag(p) != "body"
                && self.dom.element_children(p).len() == 1
        }) {
            best = p;
        }
        if !self.scores.contains_key(&best) {
            self.initialize(best);
        }
        best
    }

    fn climb_while_scores_hold(&self, mut best: Id) -> Id {
        let mut last = self.score_of(best);
        let threshold = last / 3.0;
        let mut parent = self.dom.parent(best);
        while let Some(p) = parent.filter(|&p| self.dom.is_element(p) && self.dom.tag(p) != "body")
        {
            if let Some(&score) = self.scores.get(&p) {
                if score < threshold {
                    break;
                }
                if score > last {
                    best = p;
                    break;
                }
                last = score;
            }
            parent = self.dom.parent(p);
        }
        best
    }

    /// No candidate: the whole of the page's only `<article>` (or `<main>`), else of the
    /// body, is the article.
    fn everything_in_one_div(&mut self) -> Id {
        let div = self.dom.create("div");
        let only = |tag: &str| Some(self.dom.by_tags(ROOT, &[tag])).filter(|v| v.len() == 1);
        let body = only("article")
            .or_else(|| only("main"))
            .or_else(|| only("body"))
            .and_then(|v| v.first().copied())
            .unwrap_or(ROOT);
        for child in self.dom.children(body).to_vec() {
            self.dom.append(div, child);
        }
        self.dom.append(body, div);
        self.initialize(div);
        div
    }

    /// The best candidate and the siblings that look like article, in a new `div`.
    fn gather(&mut self, best: Id) -> Id {
        let content = self.dom.create("div");
        let threshold = (self.score_of(best) * 0.2).max(10.0);
        let best_class = self.dom.attr(best, "class").unwrap_or("").to_owned();
        let Some(parent) = self.dom.parent(best) else {
            self.dom.append(content, best);
            return content;
        };
        for sibling in self.dom.element_children(parent) {
            let append = sibling == best || {
                let bonus = if !best_class.is_empty()
                    && self.dom.attr(sibling, "class") == Some(best_class.as_str())
                {
                    self.score_of(best) * 0.2
                } else {
                    0.0
                };
                (self.scores.contains_key(&sibling) && self.score_of(sibling) + bonus >= threshold)
                    || (self.dom.tag(sibling) == "p" && self.paragraph_like(sibling))
            };
            if append {
                self.dom.append(content, sibling);
            }
        }
        content
    }

    fn paragraph_like(&self, p: Id) -> bool {
        let density = self.link_density(p);
        let text = self.dom.inner_text(p);
        let length = text.chars().count();
        (length > 80 && density < 0.25)
            || (length > 0 && length < 80 && density == 0.0 && ends_a_sentence(&text))
    }

    fn grab_article(&mut self, title: &str) -> Id {
        let to_score = self.walk(title);
        let candidates = self.score(&to_score);
        let best = self.top_candidate(&candidates);
        let content = self.gather(best);
        self.prep_article(content);
        content
    }
}

/// A full stop followed by a space or the end (Arabic and Urdu stops and the Arabic question
/// mark too).
fn ends_a_sentence(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, c)| {
        matches!(c, '.' | '\u{06D4}' | '\u{061F}') && chars.get(i + 1).is_none_or(|&n| n == ' ')
    })
}

/// Text of the article node, for the tests of this module.
#[cfg(test)]
fn content_text(e: &Extraction) -> String {
    crate::article::dom::collapse_whitespace(&e.dom.text_content(e.content))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str) -> Html {
        Html::parse_document(&format!("<html><body>{body}</body></html>"))
    }

    const PARA: &str = "قال المتحدث باسم الوزارة، في بيان صدر اليوم، إن الفرق الميدانية \
        وصلت إلى المنطقة المتضررة، وبدأت أعمال الإغاثة وتوزيع المساعدات على السكان.";

    #[test]
    fn the_article_wins_over_navigation_related_and_comments() {
        let body = format!(
            "<div class=menu><a href=/a>الرئيسية</a> <a href=/b>سياسة</a> <a href=/c>اقتصاد</a></div>\
             <div class=story><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div>\
             <div class=related><h3>اقرأ أيضا</h3><ul><li><a href=/x>خبر آخر عن الموضوع نفسه</a></li>\
             <li><a href=/y>خبر ثالث لا علاقة له</a></li></ul></div>\
             <div id=comments><p>تعليق القارئ الأول: هذا الخبر مهم جدا ويستحق المتابعة، شكرا لكم</p></div>"
        );
        let e = extract(&page(&body), "").expect("article");
        let text = content_text(&e);
        assert_eq!(text.matches("المتحدث").count(), 4, "{text}");
        for noise in ["الرئيسية", "اقرأ أيضا", "خبر آخر", "تعليق"] {
            assert!(!text.contains(noise), "{noise} in {text}");
        }
    }

    #[test]
    fn a_read_also_box_inside_the_text_is_dropped() {
        let body = format!(
            "<div class=text><p>{PARA}</p><p>{PARA}</p>\
             <div class=box><b>اقرأ أيضاً</b><ul><li><a href=/1>خبر آخر عن الموضوع نفسه</a></li>\
             <li><a href=/2>خبر ثالث</a></li></ul></div>\
             <p><strong>اقرأ أيضا:</strong> <a href=/3>عنوان خبر قديم عن السيول في المنطقة</a></p>\
             <p>{PARA}</p><p>{PARA}</p></div>"
        );
        let text = content_text(&extract(&page(&body), "").expect("article"));
        assert_eq!(text.matches("المتحدث").count(), 4, "{text}");
        assert!(!text.contains("اقرأ") && !text.contains("خبر"), "{text}");
    }

    #[test]
    fn a_byline_is_taken_out_and_a_heading_repeating_the_title_dropped() {
        let body = format!(
            "<article><h1>وصول فرق الإغاثة إلى المنطقة</h1><p class=byline>بقلم سارة أحمد</p>\
             <p>{PARA}</p><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></article>"
        );
        let e = extract(&page(&body), "وصول فرق الإغاثة إلى المنطقة | الموقع").expect("article");
        assert_eq!(e.byline.as_deref(), Some("بقلم سارة أحمد"));
        let text = content_text(&e);
        assert!(!text.contains("وصول فرق"), "{text}");
        assert!(!text.contains("بقلم"), "{text}");
    }

    #[test]
    fn short_pages_fall_back_to_everything_and_empty_pages_to_nothing() {
        let e = extract(&page("<p>سطر قصير</p>"), "").expect("some text");
        assert_eq!(content_text(&e), "سطر قصير");
        assert!(extract(&page("<script>x()</script>"), "").is_none());
    }

    #[test]
    fn arabic_commas_count_and_similarity_reads_arabic_words() {
        assert_eq!(count_commas("أ، ب؛ c, d"), 3);
        assert!(text_similarity("وصول فرق الإغاثة", "وصول فرق الإغاثة") > 0.99);
        assert_eq!(text_similarity("", "x"), 0.0);
        assert!(is_share("post share-buttons"));
        assert!(!is_share("shared-content"));
        assert!(ends_a_sentence("انتهى الخبر."));
        assert!(!ends_a_sentence("v1.2"));
    }
}

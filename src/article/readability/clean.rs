//! The cleaning of the gathered article (Readability's `prepArticle`): forms, share bars,
//! embeds, headings weighted as furniture, "read also" boxes, and the lists, tables and blocks
//! whose numbers (links, images, inputs, paragraphs, commas) say boilerplate rather than text.

use std::collections::HashSet;

use super::{CHAR_THRESHOLD, Grab, count_commas, is_share, match_string};
use crate::article::dom::Id;

/// How "read also" and "related" boxes start, in Arabic and English: a block opening with one
/// of these and made mostly of links is a list of other articles, even inside the article's
/// column (Readability keeps such lists when they sit in the text).
const READ_ALSO: &[&str] = &[
    "اقرأ أيضا",
    "اقرأ أيضاً",
    "إقرأ أيضا",
    "إقرأ أيضاً",
    "اقرأ ايضا",
    "اقرأ كذلك",
    "اقرأ المزيد",
    "إقرأ المزيد",
    "مواضيع ذات صلة",
    "أخبار ذات صلة",
    "اخبار ذات صلة",
    "مقالات ذات صلة",
    "ذات صلة",
    "قد يهمك أيضا",
    "قد يهمك أيضاً",
    "read also",
    "read more",
    "related articles",
    "related stories",
];

impl Grab {
    /// Cleaning of the gathered article (Readability's `prepArticle`).
    pub(super) fn prep_article(&mut self, content: Id) {
        let data_tables = self.data_tables(content);
        self.clean_conditionally(content, "form", &data_tables);
        self.clean_conditionally(content, "fieldset", &data_tables);
        self.clean(content, &["object", "embed", "footer", "link", "aside"]);
        for child in self.dom.element_children(content) {
            for n in self.dom.descendants(child) {
                if self.dom.is_element(n)
                    && is_share(&match_string(&self.dom, n))
                    && self.dom.text_content(n).chars().count() < CHAR_THRESHOLD
                {
                    self.dom.detach(n);
                }
            }
        }
        self.clean(
            content,
            &["iframe", "input", "textarea", "select", "button"],
        );
        for h in self.dom.by_tags(content, &["h1", "h2"]) {
            if self.class_weight(h) < 0.0 {
                self.dom.detach(h);
            }
        }
        for tag in ["table", "ul", "div"] {
            self.clean_conditionally(content, tag, &data_tables);
        }
        for n in self
            .dom
            .by_tags(content, &["p", "div", "section", "ul", "ol", "aside"])
        {
            if self.dom.parent(n).is_some() && self.is_read_also(n) {
                self.dom.detach(n);
            }
        }
        for p in self.dom.by_tags(content, &["p"]) {
            let media = self
                .dom
                .by_tags(p, &["img", "embed", "object", "iframe"])
                .len();
            if media == 0 && self.dom.text_content(p).trim().is_empty() {
                self.dom.detach(p);
            }
        }
    }

    /// A "read also" box: opens with one of [`READ_ALSO`] and is mostly links.
    fn is_read_also(&self, n: Id) -> bool {
        let text = self.dom.inner_text(n).to_lowercase();
        READ_ALSO.iter().any(|p| text.starts_with(p)) && self.link_density(n) > 0.4
    }

    fn clean(&mut self, content: Id, tags: &[&str]) {
        for n in self.dom.by_tags(content, tags) {
            self.dom.detach(n);
        }
    }

    /// Tables that hold data rather than layout (Readability's `markDataTables`).
    fn data_tables(&self, content: Id) -> HashSet<Id> {
        let dom = &self.dom;
        dom.by_tags(content, &["table"])
            .into_iter()
            .filter(|&t| {
                if dom.attr(t, "role") == Some("presentation")
                    || dom.attr(t, "datatable") == Some("0")
                {
                    return false;
                }
                if dom.attr(t, "summary").is_some()
                    || dom
                        .by_tags(t, &["caption"])
                        .first()
                        .is_some_and(|&c| !dom.children(c).is_empty())
                    || !dom
                        .by_tags(t, &["col", "colgroup", "tfoot", "thead", "th"])
                        .is_empty()
                {
                    return true;
                }
                if !dom.by_tags(t, &["table"]).is_empty() {
                    return false;
                }
                let rows = dom.by_tags(t, &["tr"]);
                let columns = rows
                    .iter()
                    .map(|&r| {
                        dom.element_children(r)
                            .iter()
                            .filter(|&&c| matches!(dom.tag(c), "td" | "th"))
                            .map(|&c| {
                                dom.attr(c, "colspan")
                                    .and_then(|s| s.trim().parse::<usize>().ok())
                                    .unwrap_or(1)
                            })
                            .sum::<usize>()
                    })
                    .max()
                    .unwrap_or(0);
                rows.len() >= 10 || columns > 4 || rows.len() * columns > 10
            })
            .collect()
    }

    /// Share of `n`'s text inside descendants with one of `tags`.
    fn text_density(&self, n: Id, tags: &[&str]) -> f64 {
        let total = self.dom.inner_len(n);
        if total == 0 {
            return 0.0;
        }
        let inside: usize = self
            .dom
            .by_tags(n, tags)
            .into_iter()
            .map(|c| self.dom.inner_len(c))
            .sum();
        inside as f64 / total as f64
    }

    fn clean_conditionally(&mut self, content: Id, tag: &str, data_tables: &HashSet<Id>) {
        if !self.flags.clean_conditionally {
            return;
        }
        for n in self.dom.by_tags(content, &[tag]) {
            if self.dom.parent(n).is_none() {
                continue;
            }
            if self.looks_like_boilerplate(n, tag, data_tables) {
                self.dom.detach(n);
            }
        }
    }

    fn looks_like_boilerplate(&self, n: Id, tag: &str, data_tables: &HashSet<Id>) -> bool {
        let dom = &self.dom;
        let text = dom.inner_text(n);
        let length = text.chars().count();
        let is_list = matches!(tag, "ul" | "ol") || {
            let in_lists: usize = dom
                .by_tags(n, &["ul", "ol"])
                .into_iter()
                .map(|l| dom.inner_len(l))
                .sum();
            length > 0 && in_lists as f64 / length as f64 > 0.9
        };
        if (tag == "table" && data_tables.contains(&n))
            || dom.ancestors(n, 0).iter().any(|a| data_tables.contains(a))
            || dom.has_ancestor_tag(n, "code")
            || dom
                .by_tags(n, &["table"])
                .iter()
                .any(|t| data_tables.contains(t))
        {
            return false;
        }
        let weight = self.class_weight(n);
        if weight < 0.0 {
            return true;
        }
        if count_commas(&text) >= 10 {
            return false;
        }
        let count = |tags: &[&str]| dom.by_tags(n, tags).len();
        let p = count(&["p"]) as f64;
        let img = count(&["img"]) as f64;
        let li = count(&["li"]) as f64 - 100.0;
        let input = count(&["input"]) as f64;
        let heading_density = self.text_density(n, &["h1", "h2", "h3", "h4", "h5", "h6"]);
        let mut embeds = 0;
        for e in dom.by_tags(n, &["object", "embed", "iframe"]) {
            if dom.attrs(e).iter().any(|(_, v)| is_video(v)) {
                return false;
            }
            embeds += 1;
        }
        if is_ad_or_loading(&text) {
            return true;
        }
        let link_density = self.link_density(n);
        let in_figure = dom.has_ancestor_tag(n, "figure");
        let remove = (!in_figure && img > 1.0 && p / img < 0.5)
            || (!is_list && li > p)
            || (input > (p / 3.0).floor())
            || (!is_list
                && !in_figure
                && heading_density < 0.9
                && length < 25
                && (img == 0.0 || img > 2.0)
                && link_density > 0.0)
            || (!is_list && weight < 25.0 && link_density > 0.2)
            || (weight >= 25.0 && link_density > 0.5)
            || (embeds == 1 && length < 75)
            || embeds > 1;
        if is_list && remove {
            // a simple list of images stays
            let kids = dom.element_children(n);
            if kids.iter().any(|&c| dom.element_children(c).len() > 1) {
                return true;
            }
            return img != count(&["li"]) as f64;
        }
        remove
    }
}

/// Embedded players Readability keeps (YouTube, Vimeo and the like).
fn is_video(value: &str) -> bool {
    const HOSTS: &[&str] = &[
        "youtube.com",
        "youtube-nocookie.com",
        "player.vimeo.com",
        "dailymotion.com",
        "v.qq.com",
        "archive.org/embed",
        "upload.wikimedia.org",
        "player.twitch.tv",
        "bilibili.com",
        "live.bilibili.com",
    ];
    let value = value.to_ascii_lowercase();
    HOSTS.iter().any(|h| value.contains(h))
}

/// A block whose whole text is "Advertisement" or "Loading…" in one of several languages.
fn is_ad_or_loading(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    let t = t
        .strip_suffix('…')
        .or_else(|| t.strip_suffix("..."))
        .unwrap_or(&t);
    const WORDS: &[&str] = &[
        "ad",
        "advertising",
        "advertisement",
        "pub",
        "publicité",
        "werb",
        "werbung",
        "广告",
        "реклама",
        "anuncio",
        "إعلان",
        "loading",
        "正在加载",
        "загрузка",
        "chargement",
        "cargando",
        "جار التحميل",
    ];
    WORDS.contains(&t)
}

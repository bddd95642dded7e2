//! A small mutable copy of an HTML page's tree for main-content extraction: elements (tag and
//! attributes) and text, in an arena indexed by [`Id`], built from the html5ever tree `scraper`
//! parses. The extractor moves, renames and removes nodes as Readability does in a browser DOM;
//! `scraper`'s own tree is made for reading, not for that. Every walk is iterative: a page can
//! nest elements arbitrarily deep.

use ego_tree::iter::Edge;
use scraper::{Html, Node as HtmlNode};

/// Index of a node in the arena.
pub(crate) type Id = usize;

/// One node: the document root, an element or a run of text.
pub(crate) enum Kind {
    Document,
    Element {
        /// Local name, lowercase for HTML elements.
        tag: String,
        attrs: Vec<(String, String)>,
    },
    Text(String),
}

pub(crate) struct Node {
    pub parent: Option<Id>,
    pub children: Vec<Id>,
    pub kind: Kind,
}

/// The arena. Node 0 is the document; detached nodes stay in the arena, unreachable.
pub(crate) struct Dom {
    nodes: Vec<Node>,
}

/// The document node.
pub(crate) const ROOT: Id = 0;

impl Dom {
    /// Copies the elements and text of a parsed page (comments and doctypes left out).
    pub fn from_html(html: &Html) -> Self {
        let mut dom = Dom {
            nodes: vec![Node {
                parent: None,
                children: Vec::new(),
                kind: Kind::Document,
            }],
        };
        let mut stack: Vec<Id> = Vec::new();
        for edge in html.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    HtmlNode::Document | HtmlNode::Fragment => stack.push(ROOT),
                    HtmlNode::Element(el) => {
                        let attrs = el
                            .attrs()
                            .map(|(k, v)| (k.to_ascii_lowercase(), v.to_owned()))
                            .collect();
                        let id = dom.push(Kind::Element {
                            tag: el.name().to_ascii_lowercase(),
                            attrs,
                        });
                        dom.attach(stack.last().copied().unwrap_or(ROOT), id);
                        stack.push(id);
                    }
                    HtmlNode::Text(t) => {
                        let id = dom.push(Kind::Text(t.to_string()));
                        dom.attach(stack.last().copied().unwrap_or(ROOT), id);
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if matches!(
                        node.value(),
                        HtmlNode::Document | HtmlNode::Fragment | HtmlNode::Element(_)
                    ) {
                        stack.pop();
                    }
                }
            }
        }
        dom
    }

    fn push(&mut self, kind: Kind) -> Id {
        self.nodes.push(Node {
            parent: None,
            children: Vec::new(),
            kind,
        });
        self.nodes.len() - 1
    }

    fn attach(&mut self, parent: Id, child: Id) {
        self.nodes[child].parent = Some(parent);
        self.nodes[parent].children.push(child);
    }

    pub fn parent(&self, id: Id) -> Option<Id> {
        self.nodes[id].parent
    }

    pub fn children(&self, id: Id) -> &[Id] {
        &self.nodes[id].children
    }

    /// Tag of an element; "" for text and the document.
    pub fn tag(&self, id: Id) -> &str {
        match &self.nodes[id].kind {
            Kind::Element { tag, .. } => tag,
            _ => "",
        }
    }

    pub fn is_element(&self, id: Id) -> bool {
        matches!(self.nodes[id].kind, Kind::Element { .. })
    }

    pub fn text_of(&self, id: Id) -> Option<&str> {
        match &self.nodes[id].kind {
            Kind::Text(t) => Some(t),
            _ => None,
        }
    }

    pub fn attr(&self, id: Id, name: &str) -> Option<&str> {
        match &self.nodes[id].kind {
            Kind::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    pub fn attrs(&self, id: Id) -> &[(String, String)] {
        match &self.nodes[id].kind {
            Kind::Element { attrs, .. } => attrs,
            _ => &[],
        }
    }

    /// Element children, in order.
    pub fn element_children(&self, id: Id) -> Vec<Id> {
        self.nodes[id]
            .children
            .iter()
            .copied()
            .filter(|&c| self.is_element(c))
            .collect()
    }

    /// Creates a detached element.
    pub fn create(&mut self, tag: &str) -> Id {
        self.push(Kind::Element {
            tag: tag.to_owned(),
            attrs: Vec::new(),
        })
    }

    pub fn set_tag(&mut self, id: Id, new: &str) {
        if let Kind::Element { tag, .. } = &mut self.nodes[id].kind {
            *tag = new.to_owned();
        }
    }

    /// Takes a node out of its parent (no-op for a detached one).
    pub fn detach(&mut self, id: Id) {
        if let Some(parent) = self.nodes[id].parent.take() {
            self.nodes[parent].children.retain(|&c| c != id);
        }
    }

    /// Moves `child` to the end of `parent`'s children.
    pub fn append(&mut self, parent: Id, child: Id) {
        self.detach(child);
        self.attach(parent, child);
    }

    /// Puts `new` where `old` is; `old` ends detached.
    pub fn replace(&mut self, old: Id, new: Id) {
        self.detach(new);
        let Some(parent) = self.nodes[old].parent.take() else {
            return;
        };
        if let Some(slot) = self.nodes[parent].children.iter_mut().find(|c| **c == old) {
            *slot = new;
        }
        self.nodes[new].parent = Some(parent);
    }

    /// The next element sibling of `id`.
    pub fn next_element_sibling(&self, id: Id) -> Option<Id> {
        let parent = self.nodes[id].parent?;
        let siblings = &self.nodes[parent].children;
        let at = siblings.iter().position(|&c| c == id)?;
        siblings[at + 1..]
            .iter()
            .copied()
            .find(|&c| self.is_element(c))
    }

    /// The next sibling of `id` of any kind.
    pub fn next_sibling(&self, id: Id) -> Option<Id> {
        let parent = self.nodes[id].parent?;
        let siblings = &self.nodes[parent].children;
        let at = siblings.iter().position(|&c| c == id)?;
        siblings.get(at + 1).copied()
    }

    /// Every node under `id` (not `id` itself), in document order.
    pub fn descendants(&self, id: Id) -> Vec<Id> {
        let mut out = Vec::new();
        let mut stack: Vec<Id> = self.nodes[id].children.iter().rev().copied().collect();
        while let Some(n) = stack.pop() {
            out.push(n);
            stack.extend(self.nodes[n].children.iter().rev().copied());
        }
        out
    }

    /// Elements under `id` whose tag is one of `tags`, in document order.
    pub fn by_tags(&self, id: Id, tags: &[&str]) -> Vec<Id> {
        self.descendants(id)
            .into_iter()
            .filter(|&n| tags.contains(&self.tag(n)))
            .collect()
    }

    /// Ancestors of `id`, nearest first, at most `max` of them (0: all).
    pub fn ancestors(&self, id: Id, max: usize) -> Vec<Id> {
        let mut out = Vec::new();
        let mut at = self.nodes[id].parent;
        while let Some(p) = at {
            out.push(p);
            if max > 0 && out.len() == max {
                break;
            }
            at = self.nodes[p].parent;
        }
        out
    }

    pub fn has_ancestor_tag(&self, id: Id, tag: &str) -> bool {
        self.ancestors(id, 0)
            .into_iter()
            .any(|a| self.tag(a) == tag)
    }

    /// All text under `id`, concatenated as it stands (the DOM's `textContent`).
    pub fn text_content(&self, id: Id) -> String {
        if let Some(t) = self.text_of(id) {
            return t.to_owned();
        }
        let mut out = String::new();
        for n in self.descendants(id) {
            if let Some(t) = self.text_of(n) {
                out.push_str(t);
            }
        }
        out
    }

    /// `text_content` trimmed, with runs of whitespace as one space (Readability's
    /// `getInnerText`).
    pub fn inner_text(&self, id: Id) -> String {
        collapse_whitespace(&self.text_content(id))
    }

    /// Length in characters of [`Dom::inner_text`].
    pub fn inner_len(&self, id: Id) -> usize {
        self.inner_text(id).chars().count()
    }
}

/// Trims and collapses every run of whitespace (Unicode, as JavaScript's `\s`) to one space.
pub(crate) fn collapse_whitespace(s: &str) -> String {
    s.split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_the_tree_and_moves_nodes() {
        let html = Html::parse_document("<body><div id=a>x <b>y</b></div><p>z</p></body>");
        let mut dom = Dom::from_html(&html);
        let body = dom.by_tags(ROOT, &["body"])[0];
        let [div, p] = dom.element_children(body)[..] else {
            panic!("two children expected");
        };
        assert_eq!(dom.attr(div, "id"), Some("a"));
        assert_eq!(dom.text_content(div), "x y");
        assert_eq!(dom.next_element_sibling(div), Some(p));
        dom.append(p, div);
        assert_eq!(dom.inner_text(body), "zx y");
        let span = dom.create("span");
        dom.replace(div, span);
        assert_eq!(dom.inner_text(body), "z");
        assert_eq!(dom.parent(div), None);
        assert_eq!(dom.ancestors(span, 2), vec![p, body]);
    }
}

//! The per-article isnad report (`isnad report FILE [--format md|html]`): every claim with its
//! chains, stances, verdict and note, and the article's isnad tree. Markdown draws the tree with
//! box characters; HTML ([`html`]) is one self-contained right-to-left page with the tree as an
//! SVG diagram. Every string from the file is cleaned first (whitespace runs made one space,
//! control characters shown as symbols, bidi controls revealed), then escaped for the format.

use std::fmt::{self, Write as _};
use std::str::FromStr;

use crate::article::Article;
use crate::text::sanitize::printable;

use super::document::DocumentInfo;
use super::isnad::{Isnad, IsnadNode, NodeKind, collapse, tree_rows};
use super::model::{AnnotationSet, ReviewStatus, Stance, VerificationStatus};

mod html;

/// The report's formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    Markdown,
    Html,
}

impl ReportFormat {
    pub const ALL: [ReportFormat; 2] = [Self::Markdown, Self::Html];

    /// The name on the command line (`--format md`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Html => "html",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Self::Markdown => "Markdown, the tree drawn with box characters",
            Self::Html => "one self-contained right-to-left HTML page, the tree as an SVG diagram",
        }
    }
}

impl FromStr for ReportFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| format!("unknown report format {s:?}; expected md or html"))
    }
}

impl fmt::Display for ReportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A string from the file made safe to show: one line, controls visible.
fn clean(text: &str) -> String {
    printable(&collapse(text))
}

/// One link of a claim: who, through whom, how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkEntry {
    pub stance: Stance,
    /// Speaker ← … ← outlet.
    pub chain: String,
    /// The cue words ("قال"), empty without a cue.
    pub cue: String,
}

/// One claim of the report, numbered in file order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimEntry {
    pub number: usize,
    pub id: String,
    pub text: String,
    pub claim_type: String,
    pub verdict: VerificationStatus,
    pub verdict_by: Option<String>,
    pub verdict_at: Option<String>,
    pub evidence: Vec<String>,
    pub note: String,
    pub links: Vec<LinkEntry>,
    /// Distinct original speakers that assert or confirm it.
    pub independent: usize,
    /// The name of the hand every supporting path goes through, if one does.
    pub single_intermediary: Option<String>,
}

/// Everything the report shows, cleaned.
#[derive(Clone, Debug)]
pub struct Report {
    pub title: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub claims: Vec<ClaimEntry>,
    pub tree: IsnadNode,
}

impl Report {
    /// The report of `set` (rejected claims left out) on `article`.
    pub fn new(doc: &DocumentInfo, set: &AnnotationSet, article: &Article) -> Self {
        let isnad = Isnad::new(set, article, doc.outlet.as_deref());
        let claims = set
            .claims
            .iter()
            .filter(|c| c.review.status != ReviewStatus::Rejected)
            .enumerate()
            .map(|(i, c)| {
                let summary = isnad.claim(&c.id);
                let links = isnad
                    .links(&c.id)
                    .map(|a| LinkEntry {
                        stance: a.stance,
                        chain: clean(&isnad.chain_text(a)),
                        cue: a.cue.map(|s| clean(s.text(article))).unwrap_or_default(),
                    })
                    .collect();
                let v = &c.verification;
                ClaimEntry {
                    number: i + 1,
                    id: c.id.clone(),
                    text: clean(c.span.text(article)),
                    claim_type: c.claim_type.to_string(),
                    verdict: v.status,
                    verdict_by: v.by.as_deref().map(clean),
                    verdict_at: v.at.as_deref().map(clean),
                    evidence: v.evidence.iter().map(|e| clean(e)).collect(),
                    note: clean(&c.note),
                    links,
                    independent: summary.independent,
                    single_intermediary: summary
                        .single_intermediary
                        .map(|s| clean(&isnad.name(&s))),
                }
            })
            .collect();
        let mut tree = isnad.tree();
        clean_tree(&mut tree);
        let file_name = doc.path.rsplit(['/', '\\']).next().unwrap_or(&doc.path);
        let title = doc
            .title
            .as_deref()
            .or(article.title.as_deref())
            .unwrap_or(file_name);
        Self {
            title: clean(title),
            url: doc.url.as_deref().map(clean),
            outlet: doc.outlet.as_deref().map(clean).filter(|o| !o.is_empty()),
            claims,
            tree,
        }
    }

    /// The claim number of a claim id, for the tree's references to the list.
    fn number_of(&self, claim_id: &str) -> Option<usize> {
        self.claims
            .iter()
            .find(|c| c.id == claim_id)
            .map(|c| c.number)
    }

    /// A speaker node's claims as `[2] denies`, the stance left out when it asserts.
    fn claim_marks(&self, node: &IsnadNode) -> Vec<String> {
        node.claims
            .iter()
            .filter_map(|l| {
                let n = self.number_of(&l.claim_id)?;
                Some(match l.stance {
                    Stance::Asserts => format!("[{n}]"),
                    other => format!("[{n}] {other}"),
                })
            })
            .collect()
    }

    /// The label of a tree node: name, count, and a speaker's claims.
    fn node_label(&self, node: &IsnadNode) -> String {
        let name = match (&node.kind, node.name.is_empty()) {
            (NodeKind::Article, true) => "(article)".to_owned(),
            _ => node.name.clone(),
        };
        let marks = self.claim_marks(node);
        if marks.is_empty() {
            format!("{name} ({})", node.count)
        } else {
            format!("{name} ({}): {}", node.count, marks.join(", "))
        }
    }

    pub fn render(&self, format: ReportFormat) -> String {
        match format {
            ReportFormat::Markdown => self.markdown(),
            ReportFormat::Html => html::page(self),
        }
    }

    /// The verdict line: status, who and when.
    fn verdict_line(c: &ClaimEntry) -> String {
        let mut line = c.verdict.to_string();
        let by_at: Vec<&str> = [c.verdict_by.as_deref(), c.verdict_at.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !by_at.is_empty() {
            let _ = write!(line, " ({})", by_at.join(", "));
        }
        line
    }

    fn independence_line(c: &ClaimEntry) -> String {
        let mut line = format!("Independent sources: {}", c.independent);
        if let Some(hand) = &c.single_intermediary {
            let _ = write!(line, " ⚠ every supporting path goes through {hand}");
        }
        line
    }

    fn markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# Isnad report: {}\n", md(&self.title));
        if let Some(url) = &self.url {
            let _ = writeln!(out, "- URL: {}", md(url));
        }
        if let Some(outlet) = &self.outlet {
            let _ = writeln!(out, "- Outlet: {}", md(outlet));
        }
        let _ = writeln!(out, "- Claims: {}\n", self.claims.len());
        let _ = writeln!(out, "## Claims\n");
        for c in &self.claims {
            let _ = writeln!(out, "### {}. «{}»\n", c.number, md(&c.text));
            let _ = writeln!(out, "- Type: {}", c.claim_type);
            let _ = writeln!(out, "- Verdict: {}", md(&Self::verdict_line(c)));
            for e in &c.evidence {
                let _ = writeln!(out, "- Evidence: {}", md(e));
            }
            let _ = writeln!(out, "- {}", md(&Self::independence_line(c)));
            if c.links.is_empty() {
                let _ = writeln!(out, "- Chains: none");
            }
            for l in &c.links {
                let cue = if l.cue.is_empty() {
                    String::new()
                } else {
                    format!(" («{}»)", md(&l.cue))
                };
                let _ = writeln!(out, "- {}: {}{cue}", l.stance, md(&l.chain));
            }
            if !c.note.is_empty() {
                let _ = writeln!(out, "- Note: {}", md(&c.note));
            }
            out.push('\n');
        }
        let _ = writeln!(out, "## Isnad tree\n");
        let lines: Vec<String> = tree_rows(&self.tree)
            .iter()
            .map(|r| format!("{}{}", r.prefix, self.node_label(r.node)))
            .collect();
        // a fence longer than any run of backticks inside, so no name can close it
        let longest = lines
            .iter()
            .flat_map(|l| l.split(|c| c != '`'))
            .map(str::len)
            .max()
            .unwrap_or(0);
        let fence = "`".repeat(longest.max(2) + 1);
        let _ = writeln!(out, "{fence}text");
        for l in &lines {
            let _ = writeln!(out, "{l}");
        }
        let _ = writeln!(out, "{fence}");
        out
    }
}

fn clean_tree(node: &mut IsnadNode) {
    node.name = clean(&node.name);
    node.children.iter_mut().for_each(clean_tree);
}

/// Text escaped for Markdown: characters that start emphasis, links, HTML, headings or tables
/// get a backslash.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '&' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::annotate::model::{Attribution, Claim, Item, Source};

    #[test]
    fn formats_parse_and_print() {
        for f in ReportFormat::ALL {
            assert_eq!(f.name().parse::<ReportFormat>(), Ok(f));
        }
        assert!("pdf".parse::<ReportFormat>().is_err());
    }

    #[test]
    fn hostile_text_is_cleaned_and_escaped() {
        let text = "قال <b>مصدر</b>\u{1B}[2J إن *الهجوم* وقع.";
        let a = Article::from_text("t", text.to_owned());
        let mut set = AnnotationSet::default();
        let at = |q: &str| {
            let s = a.text.find(q).unwrap();
            s..s + q.len()
        };
        let source = Source::by_human(&a, at("<b>مصدر</b>\u{1B}[2J"), "me").unwrap();
        let claim = Claim::by_human(&a, at("*الهجوم* وقع"), "me").unwrap();
        let link = Attribution::by_human(&claim.id, &source.id, None, "me");
        for item in [
            Item::Source(source),
            Item::Claim(claim),
            Item::Attribution(link),
        ] {
            set.upsert(item);
        }
        let doc = DocumentInfo::for_article(&a, "t.txt".into());
        let report = Report::new(&doc, &set, &a);
        let md = report.render(ReportFormat::Markdown);
        assert!(!md.contains('\u{1B}'), "{md}");
        assert!(md.contains("«\\*الهجوم\\* وقع»"), "{md}");
        assert!(md.contains("\\<b\\>مصدر\\</b\\>␛\\[2J"), "{md}");
        let html = report.render(ReportFormat::Html);
        assert!(!html.contains('\u{1B}') && !html.contains("<b>"), "{html}");
        assert!(html.contains("&lt;b&gt;مصدر&lt;/b&gt;␛[2J"), "{html}");
    }
}

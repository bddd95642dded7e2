//! The report as one self-contained HTML page: right to left, inline style, no scripts and no
//! network resources (a Content-Security-Policy says so to the browser), the isnad tree as an
//! inline SVG diagram drawn from the right, every string escaped.

use std::fmt::Write as _;

use super::super::isnad::{NodeKind, tree_rows};
use super::super::model::Stance;
use super::{ClaimEntry, Report};

/// Escapes text for HTML and SVG content and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "\
body{font-family:'Noto Naskh Arabic','Noto Sans Arabic','DejaVu Sans',sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;line-height:1.7;color:#1d1d1f;background:#fff}
h1{font-size:1.6rem}h2{border-bottom:1px solid #ccc;margin-top:2rem}
.meta{color:#555}.claim{border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.claim h3{margin:.3rem 0}.claim dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}
.claim dt{color:#555}.claim dd{margin:0}.warn{color:#a15c00}
.stance{display:inline-block;min-width:5rem;font-family:monospace;direction:ltr;color:#333}
.stance-denies,.stance-retracts{color:#b00020}.stance-doubts{color:#a15c00}.stance-confirms{color:#1b6e20}
.chain{unicode-bidi:isolate}
svg text{font-size:14px;font-family:inherit}svg .box{fill:#f4f6fb;stroke:#5a6b8c}svg .root{fill:#e3e9f7}
svg .edge{stroke:#8a94a8;fill:none}";

/// Pixel geometry of the tree diagram.
const ROW: usize = 34;
const INDENT: usize = 36;
const MARGIN: usize = 12;
/// A rough width per character, enough to size boxes without a font engine; Arabic letters in
/// the report's fonts are narrower than this on average.
const CHAR_WIDTH: usize = 8;

/// The tree as SVG: one row per node, the root at the top right, each level indented to the
/// left, an elbow line from a parent's box to each child's.
fn tree_svg(report: &Report) -> String {
    let rows = tree_rows(&report.tree);
    let labels: Vec<String> = rows.iter().map(|r| report.node_label(r.node)).collect();
    let box_width = |label: &str| label.chars().count() * CHAR_WIDTH + 24;
    let width = rows
        .iter()
        .zip(&labels)
        .map(|(r, l)| r.depth * INDENT + box_width(l) + 2 * MARGIN)
        .max()
        .unwrap_or(200)
        .max(200);
    let height = rows.len() * ROW + MARGIN;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"isnad tree\" \
         width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">"
    );
    // right edge of each row's box, and the stack of open parents (row index per depth)
    let right = |depth: usize| width - MARGIN - depth * INDENT;
    let mut parents: Vec<usize> = Vec::new();
    for (i, (row, label)) in rows.iter().zip(&labels).enumerate() {
        parents.truncate(row.depth);
        let top = MARGIN / 2 + i * ROW;
        let mid = top + ROW / 2 - 2;
        let (x_right, w) = (right(row.depth), box_width(label));
        if let Some(&p) = parents.last() {
            let px = right(row.depth - 1) - INDENT / 2;
            let py = MARGIN / 2 + p * ROW + ROW - 6;
            let _ = write!(
                svg,
                "<path class=\"edge\" d=\"M{px} {py} V{mid} H{x_right}\"/>"
            );
        }
        let class = match row.node.kind {
            NodeKind::Article => "box root",
            _ => "box",
        };
        let _ = write!(
            svg,
            "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{w}\" height=\"{}\" rx=\"5\"/>",
            x_right - w,
            top + 2,
            ROW - 8
        );
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" direction=\"rtl\" text-anchor=\"start\">{}</text>",
            x_right - 10,
            mid + 5,
            esc(label)
        );
        parents.push(i);
    }
    svg.push_str("</svg>");
    svg
}

fn stance_class(s: Stance) -> String {
    format!("stance stance-{s}")
}

fn claim_html(c: &ClaimEntry, out: &mut String) {
    let _ = write!(
        out,
        "<article class=\"claim\" id=\"{}\"><h3>{}. <q>{}</q></h3><dl>",
        esc(&c.id),
        c.number,
        esc(&c.text)
    );
    let mut field = |name: &str, value: String| {
        let _ = write!(out, "<dt>{name}</dt><dd>{value}</dd>");
    };
    // English words in a right-to-left page: each value is isolated (`bdi`) so its own
    // direction decides its order, and the Arabic names inside are isolated again
    field("type", format!("<bdi>{}</bdi>", esc(&c.claim_type)));
    field(
        "verdict",
        format!("<bdi>{}</bdi>", esc(&Report::verdict_line(c))),
    );
    for e in &c.evidence {
        field("evidence", format!("<bdi>{}</bdi>", esc(e)));
    }
    let independence = format!("Independent sources: {}", c.independent);
    match &c.single_intermediary {
        Some(hand) => field(
            "sources",
            format!(
                "<span class=\"warn\" dir=\"ltr\">{independence} ⚠ every supporting path goes \
                 through <bdi>{}</bdi></span>",
                esc(hand)
            ),
        ),
        None => field("sources", format!("<bdi>{independence}</bdi>")),
    }
    if !c.note.is_empty() {
        field("note", format!("<bdi>{}</bdi>", esc(&c.note)));
    }
    out.push_str("</dl><ul class=\"chains\">");
    for l in &c.links {
        let cue = if l.cue.is_empty() {
            String::new()
        } else {
            format!(" («{}»)", esc(&l.cue))
        };
        let _ = write!(
            out,
            "<li><span class=\"{}\">{}</span> <span class=\"chain\">{}</span>{cue}</li>",
            stance_class(l.stance),
            l.stance,
            esc(&l.chain)
        );
    }
    if c.links.is_empty() {
        out.push_str("<li>no chain</li>");
    }
    out.push_str("</ul></article>\n");
}

/// The whole page.
pub(super) fn page(report: &Report) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n",
        esc(&report.title)
    );
    let _ = writeln!(out, "<h1>{}</h1>", esc(&report.title));
    let mut meta = vec![format!("<bdi>{} claims</bdi>", report.claims.len())];
    if let Some(outlet) = &report.outlet {
        meta.push(format!(
            "<bdi dir=\"ltr\">outlet: <bdi>{}</bdi></bdi>",
            esc(outlet)
        ));
    }
    if let Some(url) = &report.url {
        meta.push(format!("<bdi>{}</bdi>", esc(url)));
    }
    let _ = writeln!(out, "<p class=\"meta\">{}</p>", meta.join(" · "));
    let _ = writeln!(
        out,
        "<section class=\"tree\"><h2>Isnad tree</h2>\n{}\n</section>",
        tree_svg(report)
    );
    out.push_str("<section class=\"claims\"><h2>Claims</h2>\n");
    for c in &report.claims {
        claim_html(c, &mut out);
    }
    out.push_str("</section>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::super::super::isnad::IsnadNode;
    use super::*;

    #[test]
    fn escaping_covers_markup_and_quotes() {
        assert_eq!(
            esc("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn tree_rows_become_boxes_and_edges() {
        let leaf = IsnadNode {
            kind: NodeKind::Speaker("s-1".into()),
            name: "مصدر".into(),
            claims: Vec::new(),
            count: 1,
            children: Vec::new(),
        };
        let report = Report {
            title: "t".into(),
            url: None,
            outlet: None,
            claims: Vec::new(),
            tree: IsnadNode {
                kind: NodeKind::Article,
                name: "الشرق".into(),
                claims: Vec::new(),
                count: 1,
                children: vec![leaf],
            },
        };
        let svg = tree_svg(&report);
        assert_eq!(svg.matches("<rect").count(), 2);
        assert_eq!(svg.matches("class=\"edge\"").count(), 1);
        assert!(svg.contains(">الشرق (1)</text>") && svg.contains(">مصدر (1)</text>"));
    }
}

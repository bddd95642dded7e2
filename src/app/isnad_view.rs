//! The isnad view (`T`, `:isnad`): the article's tree of transmission on its own screen — the
//! article's outlet at the root, the intermediaries below it, the original speakers at the
//! leaves with their claims — built by [`crate::annotate::isnad`] and turned here into rows to
//! draw and move through. Per claim: its stance at that speaker, how many independent original
//! speakers stand behind it, and a warning when every path to it goes through one hand.
//! `[isnad]` keys move, `Enter` jumps to the line's span in the reader, `Esc`/`q` go back.

use std::ops::Range;

use crate::annotate::isnad::{Isnad, IsnadNode, NodeKind, collapse, tree_rows};
use crate::annotate::{AnnotationSet, ReviewStatus, Stance};
use crate::app::overlay::Outcome;
use crate::app::{App, Effect, Screen};
use crate::article::Article;
use crate::config::commands::{Command, Mode};
use crate::config::keymap::{KeyPress, Keymap};

/// Where the view is: the chosen row and the first row on screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IsnadView {
    pub selected: usize,
    pub top: usize,
}

/// What a row of the view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// The article, named by its outlet.
    Root,
    Intermediary,
    Speaker,
    /// A claim at a speaker (or without a source).
    Claim {
        stance: Stance,
        warning: bool,
    },
    /// The heading of the claims without a source, or a blank line before it.
    Heading,
}

/// One row: box-drawing `prefix` and `marker` (left to right: counts, stance, warning), then
/// `text` (a name or a claim, laid out by the engine when drawn).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IsnadRow {
    pub prefix: String,
    pub marker: String,
    pub text: String,
    pub kind: RowKind,
    /// The article bytes `Enter` jumps to.
    pub target: Option<Range<usize>>,
}

/// One character per stance, for the view's claim rows and the side panel.
pub fn stance_mark(stance: Stance) -> &'static str {
    match stance {
        Stance::Asserts => "+",
        Stance::Confirms => "✓",
        Stance::Denies => "✗",
        Stance::Doubts => "?",
        Stance::Retracts => "↶",
    }
}

/// The key to the marks, shown at the top of the view.
pub const LEGEND: &str = "+ asserts ✓ confirms ✗ denies ? doubts ↶ retracts · [n] claims · \
     n src: independent speakers · ⚠ one hand carries every path";

/// The prefix that continues a row's box art for its children (`├─ ` → `│  `).
fn child_indent(prefix: &str) -> String {
    let keep: String = prefix
        .chars()
        .take(prefix.chars().count().saturating_sub(3))
        .collect();
    if prefix.ends_with("├─ ") {
        format!("{keep}│  ")
    } else if prefix.is_empty() {
        String::new()
    } else {
        format!("{keep}   ")
    }
}

fn branch(last: bool) -> &'static str {
    if last { "└─ " } else { "├─ " }
}

/// The rows of the article's isnad: the tree, then the claims no source stands behind.
pub fn rows(set: &AnnotationSet, article: &Article, outlet: Option<&str>) -> Vec<IsnadRow> {
    let isnad = Isnad::new(set, article, outlet);
    let tree = isnad.tree();
    let mut out = Vec::new();
    for row in tree_rows(&tree) {
        let node: &IsnadNode = row.node;
        out.push(node_row(&isnad, node, row.prefix.clone()));
        let indent = child_indent(&row.prefix);
        let last = node.claims.len().saturating_sub(1);
        for (i, link) in node.claims.iter().enumerate() {
            let prefix = format!("{indent}{}", branch(i == last && node.children.is_empty()));
            out.push(claim_row(
                &isnad,
                set,
                article,
                prefix,
                &link.claim_id,
                Some(link.stance),
            ));
        }
    }
    out.extend(sourceless_rows(&isnad, set, article));
    out
}

/// The row of one node of the tree: the article, an intermediary or a speaker, with how many
/// claims stand on it, pointing at its first mention.
fn node_row(isnad: &Isnad, node: &IsnadNode, prefix: String) -> IsnadRow {
    let first_mention = |id: &str| {
        isnad
            .mentions(id)
            .into_iter()
            .find_map(|s| s.span)
            .map(|s| s.range())
    };
    let (kind, glyph, target, text) = match &node.kind {
        NodeKind::Article => (
            RowKind::Root,
            "◆",
            None,
            if node.name.is_empty() {
                "the article (:set outlet NAME names its outlet)".to_owned()
            } else {
                node.name.clone()
            },
        ),
        NodeKind::Intermediary(id) => (
            RowKind::Intermediary,
            "◇",
            first_mention(id),
            node.name.clone(),
        ),
        NodeKind::Speaker(id) => (RowKind::Speaker, "●", first_mention(id), node.name.clone()),
    };
    IsnadRow {
        prefix,
        marker: format!("{glyph} [{}] ", node.count),
        text,
        kind,
        target,
    }
}

/// The row of a claim: its stance (of the link to the speaker above; `None` for a claim
/// without a source), how many independent sources it has, and a warning when it rests on a
/// single intermediary.
fn claim_row(
    isnad: &Isnad,
    set: &AnnotationSet,
    article: &Article,
    prefix: String,
    claim_id: &str,
    stance: Option<Stance>,
) -> IsnadRow {
    let info = isnad.claim(claim_id);
    let warning = info.single_intermediary.is_some();
    let span = set.claims.iter().find(|c| c.id == claim_id).map(|c| c.span);
    IsnadRow {
        prefix,
        marker: format!(
            "{} {} src{} ",
            stance.map_or(" ", stance_mark),
            info.independent,
            if warning { " ⚠" } else { "" }
        ),
        text: span.map(|s| collapse(s.text(article))).unwrap_or_default(),
        kind: RowKind::Claim {
            stance: stance.unwrap_or_default(),
            warning,
        },
        target: span.map(|s| s.range()),
    }
}

/// The claims no source stands behind, in reading order, under a heading saying how many.
fn sourceless_rows(isnad: &Isnad, set: &AnnotationSet, article: &Article) -> Vec<IsnadRow> {
    let mut alone: Vec<_> = set
        .claims
        .iter()
        .filter(|c| c.review.status != ReviewStatus::Rejected)
        .filter(|c| isnad.links(&c.id).next().is_none())
        .collect();
    if alone.is_empty() {
        return Vec::new();
    }
    alone.sort_by_key(|c| c.span.start);
    let heading = match alone.len() {
        1 => "1 claim without a source".to_owned(),
        n => format!("{n} claims without a source"),
    };
    let mut out: Vec<IsnadRow> = [String::new(), heading]
        .into_iter()
        .map(|text| IsnadRow {
            prefix: String::new(),
            marker: String::new(),
            text,
            kind: RowKind::Heading,
            target: None,
        })
        .collect();
    let last = alone.len() - 1;
    for (i, c) in alone.into_iter().enumerate() {
        out.push(claim_row(
            isnad,
            set,
            article,
            branch(i == last).to_owned(),
            &c.id,
            None,
        ));
    }
    out
}

/// The side panel's lines under a claim: per attribution its stance (when not `asserts`) and
/// its chain in one line (`مصدر أمني ← الأناضول`), pointing at the speaker's span.
pub fn chain_lines(
    set: &AnnotationSet,
    article: &Article,
    outlet: Option<&str>,
    claim_id: &str,
) -> Vec<(String, String, Option<Range<usize>>)> {
    let isnad = Isnad::new(set, article, outlet);
    isnad
        .links(claim_id)
        .map(|a| {
            let marker = match a.stance {
                Stance::Asserts => "← ".to_owned(),
                s => format!("{} {}: ", stance_mark(s), s.words()),
            };
            let target = isnad
                .source(&a.source_id)
                .and_then(|s| s.span)
                .map(|s| s.range());
            (marker, isnad.chain_text(a), target)
        })
        .collect()
}

impl IsnadView {
    /// An `[isnad]` key is chosen (its back keys close the view); other keys pass to the
    /// reader's keymap, which the app limits to help, `:` and the like.
    pub fn handle(&self, press: KeyPress, keys: &Keymap) -> Outcome<Command> {
        match keys.command_in(Mode::Isnad, press) {
            Some(Command::IsnadBack) => Outcome::Close,
            Some(command) => Outcome::Chosen(command),
            None => Outcome::Pass,
        }
    }
}

impl App {
    /// The rows of the isnad view as the annotations are now.
    pub fn isnad_rows(&self) -> Vec<IsnadRow> {
        match &self.session.store {
            Some(store) => rows(store.set(), &self.reader.article, self.outlet()),
            None => Vec::new(),
        }
    }

    /// Rows of the view on screen (below its title line).
    pub fn isnad_height(&self) -> usize {
        usize::from(self.text_height().saturating_sub(1)).max(1)
    }

    /// `T`, `:isnad`: the isnad view, on the row of what is under the cursor when there is one.
    pub(super) fn open_isnad_view(&mut self) {
        if self.session.store.is_none() {
            self.error("annotations are not available for this article");
            return;
        }
        let rows = self.isnad_rows();
        let at = self.reader.cursor.as_ref().map_or(0, |c| c.start);
        let selected = rows
            .iter()
            .position(|r| {
                r.target
                    .as_ref()
                    .is_some_and(|t| t.start <= at && at < t.end)
            })
            .unwrap_or(0);
        self.isnad = IsnadView { selected, top: 0 };
        self.move_isnad(0, rows.len());
        self.screen = Screen::Isnad;
        let claims = rows
            .iter()
            .filter(|r| matches!(r.kind, RowKind::Claim { .. }))
            .count();
        self.info(format!(
            "isnad: {claims} claim lines · j/k move · Enter jumps to the text · Esc back"
        ));
    }

    /// Moves the chosen row by `delta` within `len` rows, keeping it on screen.
    fn move_isnad(&mut self, delta: isize, len: usize) {
        let height = self.isnad_height();
        let view = &mut self.isnad;
        view.selected = view
            .selected
            .saturating_add_signed(delta)
            .min(len.saturating_sub(1));
        if view.selected < view.top {
            view.top = view.selected;
        } else if view.selected >= view.top + height {
            view.top = view.selected + 1 - height;
        }
    }

    /// A key while the isnad view fills the screen.
    pub(super) fn isnad_key(&mut self, press: KeyPress) -> Option<Effect> {
        match self.isnad.handle(press, &self.settings.keymap) {
            Outcome::Close => {
                self.screen = Screen::Reader;
                self.info("back to the article");
            }
            Outcome::Chosen(command) => self.isnad_command(command),
            Outcome::Stay => {}
            Outcome::Pass => {
                return self.pass_to_reader(
                    press,
                    &[],
                    "in the isnad view: j/k move, Enter jumps to the text, Esc goes back",
                );
            }
        }
        None
    }

    pub(super) fn isnad_command(&mut self, command: Command) {
        let rows = self.isnad_rows();
        let page = self.isnad_height() as isize;
        match command {
            Command::IsnadDown => self.move_isnad(1, rows.len()),
            Command::IsnadUp => self.move_isnad(-1, rows.len()),
            Command::IsnadPageDown => self.move_isnad(page, rows.len()),
            Command::IsnadPageUp => self.move_isnad(-page, rows.len()),
            Command::IsnadTop => self.move_isnad(isize::MIN, rows.len()),
            Command::IsnadBottom => self.move_isnad(isize::MAX, rows.len()),
            Command::IsnadJump => {
                let Some(target) = rows.get(self.isnad.selected).and_then(|r| r.target.clone())
                else {
                    self.info("this line has no place in the text");
                    return;
                };
                self.screen = Screen::Reader;
                let page = self.page();
                self.reader.go_to_span(target, page);
                self.info("jumped to the text (T goes back to the isnad)");
            }
            other => self.unrouted(other),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn child_indent_continues_the_box_art() {
        assert_eq!(child_indent(""), "");
        assert_eq!(child_indent("├─ "), "│  ");
        assert_eq!(child_indent("│  └─ "), "│     ");
    }
}

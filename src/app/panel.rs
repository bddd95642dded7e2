//! The side panel (`Tab`): the article's structure in three views — claims with their sources
//! and verification status, sources with their claims, entities grouped by label with counts.
//! Moving in the panel moves the reader to the item's span; `Enter` jumps and gives the keys
//! back to the reader. The reader narrows while the panel is open (see [`Panel::width_on`]).

use std::collections::BTreeMap;
use std::ops::Range;

use crate::annotate::{AnnotationSet, AnnotationStore, ReviewStatus};
use crate::app::{App, MIN_WIDTH};
use crate::config::commands::Command;

/// Which list the panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelView {
    Claims,
    Sources,
    Entities,
}

impl PanelView {
    pub const ALL: [PanelView; 3] = [PanelView::Claims, PanelView::Sources, PanelView::Entities];

    pub fn title(self) -> &'static str {
        match self {
            PanelView::Claims => "claims",
            PanelView::Sources => "sources",
            PanelView::Entities => "entities",
        }
    }

    fn index(self) -> usize {
        Self::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }
}

/// The open panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Panel {
    pub view: PanelView,
    /// Index into [`App::panel_lines`] of the chosen line (always one with a target).
    pub selected: usize,
    /// Whether keys go to the panel (`j`/`k` move in it) rather than the reader.
    pub focused: bool,
}

/// One line of the panel: a short left-to-right marker (status, arrow, count) and the text,
/// which is laid out by the engine on its own when drawn, so Arabic never mixes with the
/// marker's digits and brackets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelLine {
    pub marker: String,
    pub text: String,
    /// The article bytes the line stands for; headings and "(no source)" have none.
    pub target: Option<Range<usize>>,
    /// A group heading (entity label) or a top-level item, drawn emphasised.
    pub heading: bool,
}

impl PanelLine {
    fn item(marker: String, text: String, target: Option<Range<usize>>) -> Self {
        Self {
            marker,
            text,
            target,
            heading: true,
        }
    }

    fn sub(marker: &str, text: String, target: Option<Range<usize>>) -> Self {
        Self {
            marker: format!("  {marker}"),
            text,
            target,
            heading: false,
        }
    }
}

/// Suggestions are marked so the panel shows what still needs review.
fn pending_mark(status: ReviewStatus) -> &'static str {
    if status == ReviewStatus::Suggested {
        "? "
    } else {
        ""
    }
}

/// Whether an item still counts (rejected ones are left out of the panel).
fn live(status: ReviewStatus) -> bool {
    status != ReviewStatus::Rejected
}

/// The text of `range` (empty when it is not on character boundaries).
fn exact(text: &str, range: Range<usize>) -> String {
    text.get(range).unwrap_or("").to_owned()
}

/// The claims view: each claim in reading order, its verification status, and under it each
/// source with its chain and stance («مصدر أمني ← الأناضول»).
fn claim_lines(store: &AnnotationStore) -> Vec<PanelLine> {
    let (set, article) = (store.set(), store.article());
    let outlet = store.document().outlet.as_deref();
    // in reading order, whatever order they were tagged in
    let mut claims: Vec<_> = set
        .claims
        .iter()
        .filter(|c| live(c.review.status))
        .collect();
    claims.sort_by_key(|c| (c.span.start, c.span.end));
    let mut out = Vec::new();
    for c in claims {
        out.push(PanelLine::item(
            format!(
                "{}[{}] ",
                pending_mark(c.review.status),
                c.verification.status.words(),
            ),
            exact(&article.text, c.span.range()),
            Some(c.span.range()),
        ));
        let chains = crate::app::isnad_view::chain_lines(set, article, outlet, &c.id);
        if chains.is_empty() {
            out.push(PanelLine::sub("(no source)", String::new(), None));
        }
        for (marker, chain, target) in chains {
            out.push(PanelLine::sub(&marker, chain, target));
        }
    }
    out
}

/// The sources view: each source in reading order (those without a span last), its type, and
/// under it the claims it is linked to.
fn source_lines(set: &AnnotationSet, text: &str) -> Vec<PanelLine> {
    let mut sources: Vec<_> = set
        .sources
        .iter()
        .filter(|s| live(s.review.status))
        .collect();
    sources.sort_by_key(|s| s.span.map_or(usize::MAX, |sp| sp.start));
    let mut out = Vec::new();
    for s in sources {
        out.push(PanelLine::item(
            format!(
                "{}({}) ",
                pending_mark(s.review.status),
                s.source_type.words(),
            ),
            source_name(s, text),
            s.span.map(|sp| sp.range()),
        ));
        let claims = (set.attributions.iter())
            .filter(|a| a.source_id == s.id && live(a.review.status))
            .filter_map(|a| set.claims.iter().find(|c| c.id == a.claim_id))
            .filter(|c| live(c.review.status));
        for c in claims {
            out.push(PanelLine::sub(
                "→ ",
                exact(text, c.span.range()),
                Some(c.span.range()),
            ));
        }
    }
    out
}

/// The entities view: grouped by label with counts, each distinct text once with how often it
/// occurs (most frequent first), reaching its first occurrence.
fn entity_lines(set: &AnnotationSet, text: &str) -> Vec<PanelLine> {
    // label → text → (count, first occurrence)
    let mut groups: BTreeMap<&str, BTreeMap<String, (usize, Range<usize>)>> = BTreeMap::new();
    for e in set.entities.iter().filter(|e| live(e.review.status)) {
        let entry = groups
            .entry(e.label.as_str())
            .or_default()
            .entry(exact(text, e.span.range()))
            .or_insert((0, e.span.range()));
        entry.0 += 1;
        if e.span.start < entry.1.start {
            entry.1 = e.span.range();
        }
    }
    let mut out = Vec::new();
    for (label, texts) in groups {
        let total: usize = texts.values().map(|(n, _)| n).sum();
        out.push(PanelLine::item(
            format!("{label} ({total})"),
            String::new(),
            None,
        ));
        let mut texts: Vec<_> = texts.into_iter().collect();
        texts.sort_by_key(|(_, (n, first))| (std::cmp::Reverse(*n), first.start));
        for (t, (n, first)) in texts {
            out.push(PanelLine::sub(&format!("{n:>3}× "), t, Some(first)));
        }
    }
    out
}

impl Panel {
    /// Columns the panel takes on the right of a screen this wide: a third of it, within
    /// limits, never leaving the reader narrower than the smallest usable width.
    pub fn width_on(&self, screen: u16) -> u16 {
        (screen / 3)
            .clamp(16, 48)
            .min(screen.saturating_sub(MIN_WIDTH))
    }

    /// The lines of the panel's current view of the store's annotations.
    pub fn lines(&self, store: &AnnotationStore) -> Vec<PanelLine> {
        match self.view {
            PanelView::Claims => claim_lines(store),
            PanelView::Sources => source_lines(store.set(), &store.article().text),
            PanelView::Entities => entity_lines(store.set(), &store.article().text),
        }
    }

    /// Chooses the first line with a target at or after `from` (before it when going back);
    /// its target is where the reader goes.
    pub fn select(
        &mut self,
        lines: &[PanelLine],
        from: usize,
        forward: bool,
    ) -> Option<Range<usize>> {
        let found = if forward {
            lines
                .iter()
                .enumerate()
                .skip(from)
                .find(|(_, l)| l.target.is_some())
        } else {
            lines
                .iter()
                .enumerate()
                .take(from + 1)
                .rev()
                .find(|(_, l)| l.target.is_some())
        };
        let Some((index, line)) = found else {
            if lines.iter().all(|l| l.target.is_none()) {
                self.selected = 0;
            }
            return None;
        };
        self.selected = index;
        line.target.clone()
    }
}

impl App {
    /// Columns the panel takes on the right (0 when closed).
    pub fn panel_width(&self) -> u16 {
        self.panel
            .as_ref()
            .map_or(0, |p| p.width_on(self.reader.width))
    }

    /// The lines of the open panel's view.
    pub fn panel_lines(&self) -> Vec<PanelLine> {
        match (&self.panel, &self.session.store) {
            (Some(panel), Some(store)) => panel.lines(store),
            _ => Vec::new(),
        }
    }

    /// `Tab`: opens the panel with the keys in it; with the keys in the panel, gives them back
    /// to the reader; with the keys in the reader, closes it.
    pub(super) fn toggle_panel(&mut self) {
        let anchor = self.reader.anchor();
        match &mut self.panel {
            None => {
                self.panel = Some(Panel {
                    view: PanelView::Claims,
                    selected: 0,
                    focused: true,
                });
                self.select_panel_line(0, true);
            }
            Some(p) if p.focused => p.focused = false,
            Some(_) => self.panel = None,
        }
        // the reader's width changed: reflow, keeping the same text on top
        self.reader.restore_anchor(self.page(), anchor);
    }

    /// Chooses a panel line from `from` on (see [`Panel::select`]) and moves the reader there.
    fn select_panel_line(&mut self, from: usize, forward: bool) {
        let lines = self.panel_lines();
        let target = (self.panel.as_mut()).and_then(|p| p.select(&lines, from, forward));
        if let Some(range) = target {
            self.reader.cursor = Some(range);
            self.reader.reveal_cursor(self.page());
        }
    }

    fn switch_panel_view(&mut self, view: PanelView) {
        if let Some(p) = &mut self.panel {
            p.view = view;
            p.selected = 0;
        }
        self.select_panel_line(0, true);
        self.info(format!("panel: {}", view.title()));
    }

    /// A `[panel]` command while the panel has the keys.
    pub(super) fn panel_command(&mut self, command: Command) {
        let Some(panel) = self.panel.as_ref() else {
            return;
        };
        let (selected, view) = (panel.selected, panel.view);
        match command {
            Command::PanelDown => self.select_panel_line(selected + 1, true),
            Command::PanelUp => self.select_panel_line(selected.saturating_sub(1), false),
            Command::PanelJump => {
                self.select_panel_line(selected, true);
                if let Some(p) = &mut self.panel {
                    p.focused = false;
                }
            }
            Command::PanelLeave => {
                if let Some(p) = &mut self.panel {
                    p.focused = false;
                }
            }
            Command::PanelClaims => self.switch_panel_view(PanelView::ALL[0]),
            Command::PanelSources => self.switch_panel_view(PanelView::ALL[1]),
            Command::PanelEntities => self.switch_panel_view(PanelView::ALL[2]),
            Command::PanelNextView => {
                self.switch_panel_view(PanelView::ALL[(view.index() + 1) % 3]);
            }
            Command::PanelPrevView => {
                self.switch_panel_view(PanelView::ALL[(view.index() + 2) % 3]);
            }
            Command::PanelClose => {
                let anchor = self.reader.anchor();
                self.panel = None;
                self.reader.restore_anchor(self.page(), anchor);
            }
            other => self.unrouted(other),
        }
    }
}

fn source_name(s: &crate::annotate::Source, text: &str) -> String {
    if !s.name.is_empty() {
        return s.name.clone();
    }
    s.span
        .and_then(|sp| text.get(sp.range()))
        .unwrap_or("(unnamed)")
        .to_owned()
}

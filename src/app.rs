//! The application state machine: [`App`] holds all state, every change goes through
//! [`App::update`] with an [`Action`] and returns an [`Effect`] for the loop to perform (file
//! and terminal I/O happen only in [`run`]), and [`App::handle_event`] turns terminal events
//! into actions through the keymap.

pub mod annotations;
pub mod attributes;
pub mod command;
pub mod command_line;
pub mod input;
pub mod library;
pub mod log;
pub mod panel;
pub mod review;
pub mod start;
pub mod suggestions;
pub mod words;

use std::ops::Range;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;

use std::sync::Arc;

use crate::annotate::AnnotationStore;
use crate::article::Article;
use crate::config::keymap::{KeyPress, Lookup};
use crate::config::theme::{self, ThemeSpec};
use crate::config::{Paths, Problem, SettingValue, Settings};
use crate::layout::{BidiMode, LayoutCache, LayoutOptions, RowPos, VisualRow};
use crate::text::sanitize::{HiddenCounts, count_hidden};
use crate::tui::EventSource;
use crate::ui::theme::{ColorDepth, Theme};
use command::Command;
use command_line::{LineEditor, Typed};

/// Every change the app can make.
#[derive(Debug)]
pub enum Action {
    Run(Command),
    /// Scroll by rows (mouse wheel).
    Scroll(isize),
    /// A click on the screen: move the cursor to the word there.
    Click {
        column: u16,
        row: u16,
    },
    Resize {
        width: u16,
        height: u16,
    },
    SetBidi(BidiMode),
    /// Execute a `:` command line.
    Execute(String),
    /// Search for the text typed at the `/` prompt.
    Search(String),
    /// The library folder was listed again.
    LibraryScanned(Vec<library::Entry>),
    ThemeLoaded(ThemeSpec, Vec<Problem>),
    ArticleOpened(Box<Article>),
    /// Another article and its annotations, opened by the loop.
    StoreOpened(Box<AnnotationStore>),
    /// Entities read by `:import`, to add as suggestions (one undo step), with a summary.
    Imported(Vec<crate::annotate::Entity>, String),
    /// Extend the selection to the word at a screen position (mouse drag).
    Drag {
        column: u16,
        row: u16,
    },
    /// The note of annotation `id` came back from the external editor.
    NoteEdited {
        id: String,
        note: String,
    },
    Info(String),
    Error(String),
    /// Time passed: expire messages.
    Tick,
}

/// What the loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Clear the screen and draw everything again.
    Redraw,
    /// Switch the terminal's own bidi (explicit for app/off, implicit for terminal) and redraw.
    TerminalBidi {
        explicit: bool,
    },
    SetMouse(bool),
    LoadTheme(String),
    OpenArticle(PathBuf),
    /// Read an external extraction file and add its entities as suggestions.
    Import(PathBuf),
    /// Save, then list the library folder again (counts change as articles are annotated).
    RescanLibrary,
    /// Save, then write the annotations in another format.
    Export(crate::annotate::formats::Format),
    /// Give the terminal back to the shell until resumed (after saving).
    Suspend,
    /// Write the annotations (`explicit`: asked for, so say so in the status bar).
    Save {
        explicit: bool,
    },
    /// Quit without saving (`:q!`).
    ForceQuit,
    /// Edit the note of annotation `id` in `$VISUAL`/`$EDITOR`, then send `NoteEdited`.
    EditNote {
        id: String,
        note: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    Info,
    Error,
}

#[derive(Debug, Clone)]
pub struct Message {
    pub text: String,
    pub kind: MessageKind,
    pub at: Instant,
}

/// What is drawn over the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help {
        scroll: u16,
    },
    CommandLine(LineEditor),
    /// The `/` search prompt.
    Search(LineEditor),
    /// A list to read (`:orphans`), closed with Esc or q.
    List {
        title: String,
        lines: Vec<String>,
    },
    /// Waiting for a label key (after `e` or `r`).
    LabelPicker(annotations::LabelFor),
    /// The labels and layers with their counts; their keys toggle them (`L`).
    Legend,
    /// Waiting for a claim-type, verification or source-type key (after `t` or `V`).
    Choice(attributes::ChoicePicker),
    /// Sources of a claim (or claims of a source) to link, nearest first (`l`).
    Link(attributes::LinkPicker),
    /// The note of an annotation being edited on the bottom line (`Enter`).
    Note {
        id: String,
        editor: LineEditor,
    },
}

/// What fills the screen under the overlays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Reader,
    Library,
}

/// Screen rows below the text: the status bar.
pub const STATUS_ROWS: u16 = 1;
/// Smallest usable screen; below it a message is shown instead of the reader.
pub const MIN_WIDTH: u16 = 12;
pub const MIN_HEIGHT: u16 = 3;

pub struct App {
    pub article: Arc<Article>,
    /// The article's annotations; `None` when they are not available (tests without files).
    pub store: Option<AnnotationStore>,
    /// Name recorded as `by` on annotations.
    pub annotator: String,
    /// Where the selection started (a word), while selecting.
    pub selection_anchor: Option<Range<usize>>,
    /// How to find annotation files for articles opened with `:e`.
    pub store_options: Option<crate::annotate::StoreOptions>,
    /// The folder list when started on a directory.
    pub library: Option<library::Library>,
    pub screen: Screen,
    /// The last search and its matches (article bytes, in order).
    pub search: Option<(String, Vec<Range<usize>>)>,
    /// Folded text for searching, built on the first search.
    search_index: Option<crate::search::FoldedIndex>,
    /// Unsaved annotation changes, for autosave timing.
    pub unsaved: Option<annotations::Unsaved>,
    pub settings: Settings,
    pub paths: Paths,
    pub theme: Theme,
    pub mode: BidiMode,
    pub layout: LayoutCache,
    /// First visible row.
    pub top: RowPos,
    /// The word under the cursor (article bytes).
    pub cursor: Option<Range<usize>>,
    /// Screen size.
    pub width: u16,
    pub height: u16,
    /// Rows on screen now, recomputed after every update.
    pub view: Vec<(RowPos, std::sync::Arc<[VisualRow]>)>,
    pub overlay: Overlay,
    /// Keys typed so far of a longer sequence (which-key shows continuations).
    pub pending: Vec<KeyPress>,
    pub message: Option<Message>,
    /// Advice about the terminal's own bidi setting, shown when there is no message.
    pub hint: Option<&'static str>,
    /// Which annotation layers are drawn and visited.
    pub layers: review::Layers,
    /// The annotation last reached with `]`/`[` or adjusted (its id), which the review keys act
    /// on while the cursor is inside it, even where annotations overlap.
    pub focus: Option<String>,
    /// Invisible characters in the article (bidi controls can make text read differently
    /// from what it says, so their presence is always shown).
    pub hidden: HiddenCounts,
    pub quit: bool,
    /// Said on stderr once the terminal is restored: where unsaved changes were kept when isnad
    /// had to exit without saving them ([`App::rescue_unsaved`]).
    pub exit_note: Option<String>,
    /// The side panel (`Tab`), when open.
    pub panel: Option<panel::Panel>,
}

impl App {
    pub fn new(article: Article, settings: Settings, paths: Paths, depth: ColorDepth) -> Self {
        let mode = settings.config.bidi;
        let theme = Theme::new(&settings.theme, depth);
        let cursor = words::first_word(&article);
        let mut app = Self {
            article: Arc::new(article),
            store: None,
            annotator: "analyst".to_owned(),
            selection_anchor: None,
            store_options: None,
            search: None,
            search_index: None,
            library: None,
            screen: Screen::Reader,
            unsaved: None,
            theme,
            mode,
            layout: LayoutCache::new(),
            top: RowPos::default(),
            cursor,
            width: 80,
            height: 24,
            view: Vec::new(),
            overlay: Overlay::None,
            pending: Vec::new(),
            message: None,
            hint: None,
            hidden: HiddenCounts::default(),
            layers: review::Layers::default(),
            focus: None,
            quit: false,
            exit_note: None,
            panel: None,
            settings,
            paths,
        };
        if let Some(first) = app.settings.problems.first() {
            let more = app.settings.problems.len() - 1;
            let text = if more > 0 {
                format!("{first} (and {more} more: run `isnad check-config`)")
            } else {
                first.to_string()
            };
            app.set_message(MessageKind::Error, text);
        }
        app.article_changed();
        app
    }

    /// Attaches the annotation store (opened by the caller, since opening reads files). Its
    /// article replaces the app's, so both always show the same text.
    pub fn with_store(mut self, store: AnnotationStore, annotator: &str) -> Self {
        self.attach_store(store);
        self.annotator = annotator.to_owned();
        self
    }

    fn attach_store(&mut self, store: AnnotationStore) {
        self.article = Arc::clone(store.shared_article());
        if let Some(reason) = store.read_only_reason() {
            self.error(format!("annotations are read-only: {reason}"));
        } else if store.text_changed() {
            let r = store.anchor_report();
            let text = format!(
                "the article changed since it was annotated: {} in place, {} moved, {} matched \
                 loosely, {} could not be placed (kept in `orphans` of {})",
                r.unchanged,
                r.moved,
                r.tolerant,
                r.orphaned,
                store.path().display()
            );
            if r.orphaned > 0 {
                self.error(text);
            } else {
                self.info(text);
            }
        }
        self.store = Some(store);
        self.unsaved = None;
        self.article_changed();
    }

    /// Resets what depends on the article's text.
    fn article_changed(&mut self) {
        self.selection_anchor = None;
        self.search = None;
        self.search_index = None;
        self.layout.clear();
        self.top = RowPos::default();
        self.cursor = words::first_word(&self.article);
        self.hidden = count_hidden(&self.article.text);
        self.refresh_view();
    }

    /// Rows of text on screen.
    pub fn text_height(&self) -> u16 {
        self.height.saturating_sub(STATUS_ROWS)
    }

    /// Width of the text column and its left edge.
    pub fn text_column(&self) -> (u16, u16) {
        let max = self.settings.config.max_width;
        let room = self.width.saturating_sub(self.panel_width());
        if max > 0 && max < room {
            (max, (room - max) / 2)
        } else {
            (room, 0)
        }
    }

    pub fn too_small(&self) -> bool {
        self.width < MIN_WIDTH || self.height < MIN_HEIGHT
    }

    pub fn layout_options(&self) -> LayoutOptions {
        let c = &self.settings.config;
        LayoutOptions {
            width: self.text_column().0.max(1),
            mode: self.mode,
            direction: c.direction,
            tab_width: c.tab_width,
            reveal_controls: c.reveal_controls,
        }
    }

    fn set_message(&mut self, kind: MessageKind, text: String) {
        if kind == MessageKind::Error {
            log::write(&format!("error: {text}"));
        }
        self.message = Some(Message {
            text,
            kind,
            at: Instant::now(),
        });
    }

    fn info(&mut self, text: impl Into<String>) {
        self.set_message(MessageKind::Info, text.into());
    }

    fn error(&mut self, text: impl Into<String>) {
        self.set_message(MessageKind::Error, text.into());
    }

    /// Position in the article as a percentage, from the byte offset of the first visible row
    /// (100 when the end is on screen).
    pub fn percent(&self) -> u8 {
        let len = self.article.text.len();
        let end_visible = self.view.last().is_some_and(|(pos, rows)| {
            pos.paragraph + 1 >= self.article.paragraphs.len() && pos.row + 1 >= rows.len()
        });
        if len == 0 || end_visible {
            return 100;
        }
        let start = self
            .view
            .first()
            .and_then(|(pos, rows)| rows.get(pos.row))
            .map_or(0, |r| r.logical.start);
        u8::try_from(start.saturating_mul(100) / len).unwrap_or(100)
    }

    /// Recomputes the visible rows (only the paragraphs on screen are laid out).
    pub fn refresh_view(&mut self) {
        let opts = self.layout_options();
        let height = usize::from(self.text_height());
        self.view = self.layout.visible(&self.article, &opts, self.top, height);
    }

    /// Where the row holding byte `at` is.
    fn row_of(&mut self, at: usize) -> RowPos {
        let opts = self.layout_options();
        let paragraph = self.article.paragraph_at(at);
        let rows = self.layout.rows(&self.article, paragraph, &opts);
        let row = rows
            .iter()
            .rposition(|r| r.logical.start <= at && !r.logical.is_empty())
            .unwrap_or(0);
        RowPos { paragraph, row }
    }

    fn step(&mut self, pos: RowPos, delta: isize) -> RowPos {
        let opts = self.layout_options();
        self.layout.step(&self.article, &opts, pos, delta)
    }

    /// The highest `top` that still fills the screen.
    fn max_top(&mut self) -> RowPos {
        let opts = self.layout_options();
        let last = self.layout.last_row(&self.article, &opts);
        let back = (self.text_height() as isize).saturating_sub(1);
        self.layout.step(&self.article, &opts, last, -back)
    }

    fn scroll(&mut self, delta: isize) {
        let target = self.step(self.top, delta);
        let max = self.max_top();
        self.top = if delta > 0 {
            target.min(max.max(self.top))
        } else {
            target
        };
        self.refresh_view();
        self.keep_cursor_on_screen(delta > 0);
    }

    /// After scrolling, a cursor that left the screen moves to the first (scrolling down) or
    /// last (scrolling up) word on screen.
    fn keep_cursor_on_screen(&mut self, down: bool) {
        let (Some(first), Some(last)) = (self.view.first(), self.view.last()) else {
            return;
        };
        let start = first.1.get(first.0.row).map_or(0, |r| r.logical.start);
        let end = last.1.get(last.0.row).map_or(start, |r| r.logical.end);
        let visible = self
            .cursor
            .as_ref()
            .is_some_and(|c| c.start >= start && c.start < end.max(start + 1));
        if visible {
            return;
        }
        let candidate = if down {
            words::word_at_or_after(&self.article, start)
        } else {
            words::word_before(&self.article, end)
        };
        if let Some(w) = candidate.filter(|w| w.start >= start && w.start < end.max(start + 1)) {
            self.cursor = Some(w);
        }
    }

    /// Scrolls so the cursor's row is on screen.
    fn reveal_cursor(&mut self) {
        let Some(at) = self.cursor.as_ref().map(|c| c.start) else {
            return;
        };
        let pos = self.row_of(at);
        let height = self.text_height().max(1) as isize;
        if pos < self.top {
            self.top = pos;
        } else {
            let bottom = self.step(self.top, height - 1);
            if pos > bottom {
                self.top = self.step(pos, -(height - 1));
            }
        }
        self.refresh_view();
    }

    fn goto_byte(&mut self, at: usize) {
        let pos = self.row_of(at);
        let max = self.max_top();
        self.top = pos.min(max);
        self.cursor = words::word_near(&self.article, at);
        self.refresh_view();
        self.reveal_cursor();
    }

    /// Moves the cursor to the word on its row nearest to the left (`left`) or right on screen,
    /// continuing on the next row in reading order at the row's end.
    fn move_on_screen(&mut self, left: bool) {
        let Some(cursor) = self.cursor.clone() else {
            return;
        };
        let pos = self.row_of(cursor.start);
        let opts = self.layout_options();
        let rows = self.layout.rows(&self.article, pos.paragraph, &opts);
        let Some(row) = rows.get(pos.row) else {
            return;
        };
        let placed = self.words_by_x(row);
        let here = placed.iter().find(|(_, w)| *w == cursor).map(|(x, _)| *x);
        let target = match here {
            Some(x) if left => placed
                .iter()
                .filter(|(wx, _)| *wx < x)
                .max_by_key(|(wx, _)| *wx),
            Some(x) => placed
                .iter()
                .filter(|(wx, _)| *wx > x)
                .min_by_key(|(wx, _)| *wx),
            None => None,
        };
        if let Some((_, w)) = target {
            self.cursor = Some(w.clone());
            self.reveal_cursor();
            return;
        }
        // Off the edge of the row: left leaves an RTL row forward, an LTR row backward.
        let forward = left == row.rtl;
        let next = self.step(pos, if forward { 1 } else { -1 });
        if next == pos {
            return;
        }
        let rows = self.layout.rows(&self.article, next.paragraph, &opts);
        let Some(next_row) = rows.get(next.row) else {
            return;
        };
        let placed = self.words_by_x(next_row);
        // entering from the right edge when moving left, from the left edge when moving right
        let chosen = if left {
            placed.iter().max_by_key(|(x, _)| *x)
        } else {
            placed.iter().min_by_key(|(x, _)| *x)
        };
        match chosen {
            Some((_, w)) => {
                self.cursor = Some(w.clone());
                self.reveal_cursor();
            }
            None => {
                // an empty row: step over it in the same direction
                let start = next_row.logical.start;
                let w = if forward {
                    words::word_at_or_after(&self.article, start)
                } else {
                    words::word_before(&self.article, start)
                };
                if let Some(w) = w {
                    self.cursor = Some(w);
                    self.reveal_cursor();
                }
            }
        }
    }

    /// Words of a row with the leftmost column each occupies.
    fn words_by_x(&self, row: &VisualRow) -> Vec<(u16, Range<usize>)> {
        words::words_in(&self.article, row.paragraph, &row.logical)
            .into_iter()
            .filter_map(|w| row.cells_in(&w).map(|c| c.x).min().map(|x| (x, w)))
            .collect()
    }

    /// The article byte range shown at a screen position, if any.
    pub fn hit(&self, column: u16, row: u16) -> Option<Range<usize>> {
        let (width, left) = self.text_column();
        let (_, rows) = self.view.get(usize::from(row))?;
        let pos = self.view.get(usize::from(row))?.0;
        let visual = rows.get(pos.row)?;
        let indent = visual.indent(width);
        let col = column.checked_sub(left + indent)?;
        visual.cell_at(col).map(|c| c.logical.clone())
    }

    fn set_mode(&mut self, mode: BidiMode) -> Effect {
        let anchor = self.anchor();
        self.mode = mode;
        self.restore_anchor(anchor);
        self.info(format!("rendering mode: {mode}"));
        Effect::TerminalBidi {
            explicit: mode != BidiMode::Terminal,
        }
    }

    /// Byte offset of the top row, to keep the same text on top when the layout changes.
    fn anchor(&self) -> usize {
        self.view
            .first()
            .and_then(|(pos, rows)| rows.get(pos.row))
            .map_or(0, |r| r.logical.start)
    }

    fn restore_anchor(&mut self, anchor: usize) {
        self.top = self.row_of(anchor);
        self.refresh_view();
    }

    pub fn theme_names(&self) -> Vec<String> {
        theme::available(&self.paths.themes_dir())
    }

    /// Applies one action. Pure: no file or terminal I/O (that is what the returned effect is
    /// for), so tests can drive it directly.
    pub fn update(&mut self, action: Action) -> Effect {
        match action {
            Action::Run(command) => return self.run_command(command),
            Action::NoteEdited { id, note } => self.set_note(&id, note),
            Action::Scroll(delta) => self.scroll(delta),
            Action::Click { column, row } => {
                if let Some(hit) = self.hit(column, row)
                    && let Some(w) = words::word_near(&self.article, hit.start)
                {
                    self.cursor = Some(w);
                }
            }
            Action::Resize { width, height } => {
                let anchor = self.anchor();
                self.width = width;
                self.height = height;
                self.restore_anchor(anchor);
            }
            Action::SetBidi(mode) => return self.set_mode(mode),
            Action::Execute(line) => return self.execute(&line),
            Action::Search(query) if self.screen == Screen::Library => {
                if let Some(lib) = &mut self.library {
                    lib.set_filter(&query);
                    let shown = lib.visible().len();
                    self.info(format!("{shown} articles match"));
                }
            }
            Action::Search(query) => self.start_search(query),
            Action::LibraryScanned(entries) => {
                if let Some(lib) = &mut self.library {
                    lib.refresh(entries);
                }
            }
            Action::ThemeLoaded(spec, problems) => {
                self.theme = Theme::new(&spec, self.theme.depth);
                self.settings.config.theme = spec.name.clone();
                self.settings.theme = spec;
                match problems.first() {
                    Some(p) => self.error(p.to_string()),
                    None => self.info(format!("theme: {}", self.theme.name)),
                }
            }
            Action::ArticleOpened(article) => {
                self.screen = Screen::Reader;
                self.article = Arc::new(*article);
                self.store = None;
                self.article_changed();
                self.info(format!("opened {}", self.article.name));
            }
            Action::StoreOpened(store) => {
                self.screen = Screen::Reader;
                self.attach_store(*store);
                if self.message.is_none() {
                    self.info(format!("opened {}", self.article.name));
                }
            }
            Action::Imported(entities, summary) => self.add_imported(entities, &summary),
            Action::Drag { column, row } => {
                if let Some(hit) = self.hit(column, row)
                    && let Some(w) = words::word_near(&self.article, hit.start)
                {
                    if self.selection_anchor.is_none() {
                        self.selection_anchor = self.cursor.clone();
                    }
                    self.cursor = Some(w);
                }
            }
            Action::Info(text) => self.info(text),
            Action::Error(text) => self.error(text),
            Action::Tick => {
                let effect = annotations::effect_for_tick(self, Instant::now());
                if effect != Effect::None {
                    return effect;
                }
                let expire = Duration::from_secs(self.settings.config.message_seconds);
                if self
                    .message
                    .as_ref()
                    .is_some_and(|m| m.kind == MessageKind::Info && m.at.elapsed() >= expire)
                {
                    self.message = None;
                }
            }
        }
        Effect::None
    }

    /// Commands while the library is shown: movement picks an article, `/` filters.
    fn library_command(&mut self, command: Command) -> Option<Effect> {
        let page = self.text_height().saturating_sub(2).max(1) as isize;
        let lib = self.library.as_mut()?;
        match command {
            Command::ScrollDown | Command::NextWord | Command::WordRight => lib.move_by(1),
            Command::ScrollUp | Command::PrevWord | Command::WordLeft => lib.move_by(-1),
            Command::HalfPageDown | Command::PageDown => lib.move_by(page),
            Command::HalfPageUp | Command::PageUp => lib.move_by(-page),
            Command::Top => lib.selected = 0,
            Command::Bottom => lib.move_by(isize::MAX),
            Command::LibrarySort => {
                lib.cycle_sort();
                let by = lib.sort.name();
                self.info(format!("sorted by {by}"));
            }
            Command::Open => {
                return Some(match lib.selected_path() {
                    Some(path) => Effect::OpenArticle(path),
                    None => Effect::None,
                });
            }
            Command::LibraryBack => {}
            Command::Search => self.overlay = Overlay::Search(LineEditor::plain("")),
            Command::Cancel => {
                lib.set_filter("");
                return None;
            }
            Command::Quit
            | Command::Help
            | Command::CommandLine
            | Command::CycleBidi
            | Command::Redraw
            | Command::Suspend => return None,
            _ => self.info("open an article first (Enter)"),
        }
        Some(Effect::None)
    }

    fn run_command(&mut self, command: Command) -> Effect {
        if self.screen == Screen::Library
            && let Some(effect) = self.library_command(command)
        {
            return effect;
        }
        let height = self.text_height().max(1) as isize;
        match command {
            Command::Quit => {
                self.quit = true;
                return Effect::Quit;
            }
            Command::Help => {
                self.overlay = match self.overlay {
                    Overlay::Help { .. } => Overlay::None,
                    _ => Overlay::Help { scroll: 0 },
                };
            }
            Command::CommandLine => {
                self.overlay = Overlay::CommandLine(LineEditor::new(self.theme_names()));
            }
            Command::Cancel => {
                self.selection_anchor = None;
                self.search = None;
                self.overlay = Overlay::None;
                self.pending.clear();
                self.message = None;
                self.hint = None;
            }
            Command::CycleBidi => return self.set_mode(self.mode.next()),
            Command::Redraw => return Effect::Redraw,
            Command::Suspend => return Effect::Suspend,
            Command::Select => self.toggle_selection(),
            Command::TogglePanel => self.toggle_panel(),
            Command::TagSource => self.tag(annotations::TagKind::Source),
            Command::TagClaim => self.tag(annotations::TagKind::Claim),
            Command::TagEntity | Command::Relabel => {
                if let Some(purpose) = self.pick_label(command == Command::Relabel) {
                    self.overlay = Overlay::LabelPicker(purpose);
                }
            }
            Command::ReviewNext => self.step_suggestion(true),
            Command::ReviewPrev => self.step_suggestion(false),
            Command::Accept => self.review_item(true),
            Command::Reject => self.review_item(false),
            Command::AcceptAll => self.accept_all_same(),
            Command::StartEarlier => self.move_edge(review::Edge::StartEarlier),
            Command::StartLater => self.move_edge(review::Edge::StartLater),
            Command::EndLeft => self.move_edge(review::Edge::EndLeft),
            Command::EndRight => self.move_edge(review::Edge::EndRight),
            Command::Legend => {
                self.overlay = match self.overlay {
                    Overlay::Legend => Overlay::None,
                    _ => Overlay::Legend,
                };
            }
            Command::Undo => self.undo_redo(false),
            Command::Redo => self.undo_redo(true),
            Command::Save => return Effect::Save { explicit: true },
            Command::Search => self.overlay = Overlay::Search(LineEditor::plain("")),
            Command::LibraryBack if self.library.is_some() => {
                self.screen = Screen::Library;
                return Effect::RescanLibrary;
            }
            // Enter in the reader: the note of the annotation under the cursor
            Command::Open => self.open_note_editor(),
            Command::NoteInEditor => return self.external_note(),
            Command::Link => self.open_link_picker(),
            Command::SetType => self.open_choice(false),
            Command::Verify => self.open_choice(true),
            Command::Cue => self.attach_cue(),
            Command::Delete => self.delete_current(),
            Command::LibraryBack | Command::LibrarySort => {
                self.info("no library: start isnad with a folder (isnad DIR)");
            }
            Command::SearchNext => self.step_search(true),
            Command::SearchPrev => self.step_search(false),
            Command::ScrollDown => self.scroll(1),
            Command::ScrollUp => self.scroll(-1),
            Command::HalfPageDown => self.scroll((height / 2).max(1)),
            Command::HalfPageUp => self.scroll(-(height / 2).max(1)),
            Command::PageDown => self.scroll((height - 1).max(1)),
            Command::PageUp => self.scroll(-(height - 1).max(1)),
            Command::Top => {
                self.top = RowPos::default();
                self.cursor = words::first_word(&self.article);
                self.refresh_view();
            }
            Command::Bottom => {
                self.top = self.max_top();
                self.cursor = words::last_word(&self.article);
                self.refresh_view();
            }
            Command::NextWord | Command::PrevWord => {
                let next = match &self.cursor {
                    Some(c) if command == Command::NextWord => words::next_word(&self.article, c),
                    Some(c) => words::prev_word(&self.article, c),
                    None => words::first_word(&self.article),
                };
                match next {
                    Some(w) => {
                        self.cursor = Some(w);
                        self.reveal_cursor();
                    }
                    None => self.info(if command == Command::NextWord {
                        "at the last word"
                    } else {
                        "at the first word"
                    }),
                }
            }
            Command::WordLeft => self.move_on_screen(true),
            Command::WordRight => self.move_on_screen(false),
        }
        Effect::None
    }

    fn execute(&mut self, line: &str) -> Effect {
        self.overlay = Overlay::None;
        let typed = match command_line::parse(line) {
            Ok(t) => t,
            Err(e) => {
                self.error(e);
                return Effect::None;
            }
        };
        match typed {
            Typed::Run(c) => self.run_command(c),
            Typed::Quit => self.run_command(Command::Quit),
            Typed::ForceQuit => {
                self.quit = true;
                Effect::ForceQuit
            }
            Typed::Write => Effect::Save { explicit: true },
            Typed::WriteQuit => {
                self.quit = true;
                Effect::Quit
            }
            Typed::Edit(path) => Effect::OpenArticle(path),
            Typed::Theme(name) => Effect::LoadTheme(name),
            Typed::Import(path) => Effect::Import(path),
            Typed::Export(format) => Effect::Export(format),
            Typed::Bidi(mode) => self.set_mode(mode),
            Typed::GotoPercent(p) => {
                let at = self.article.text.len() * usize::from(p) / 100;
                self.goto_byte(at);
                Effect::None
            }
            Typed::GotoParagraph(n) => {
                let count = self.article.paragraphs.len();
                if n > count {
                    self.error(format!("there are {count} paragraphs"));
                } else {
                    let at = self.article.paragraphs[n - 1].start;
                    self.goto_byte(at);
                }
                Effect::None
            }
            Typed::Set { key, value } => self.set_option(&key, &value),
            Typed::Orphans => {
                let lines = self.orphan_lines();
                if lines.is_empty() {
                    self.info("no orphans: every annotation is placed in the text");
                } else {
                    self.overlay = Overlay::List {
                        title: format!(
                            " {} orphans (kept in the file, never dropped) ",
                            lines.len()
                        ),
                        lines,
                    };
                }
                Effect::None
            }
        }
    }

    fn set_option(&mut self, key: &str, value: &str) -> Effect {
        let anchor = self.anchor();
        let before = self.settings.config.clone();
        if let Err(e) = self
            .settings
            .config
            .set(None, key, &SettingValue::from_typed(value))
        {
            self.error(e);
            return Effect::None;
        }
        let after = self.settings.config.clone();
        self.info(format!("{key} = {value}"));
        if after.bidi != before.bidi {
            return self.set_mode(after.bidi);
        }
        if after.theme != before.theme {
            return Effect::LoadTheme(after.theme);
        }
        if after.color != before.color {
            self.theme = Theme::new(&self.settings.theme, ColorDepth::detect(after.color));
        }
        self.restore_anchor(anchor);
        if after.mouse != before.mouse {
            return Effect::SetMouse(after.mouse);
        }
        Effect::None
    }

    /// Turns a terminal event into actions. Pure like `update`.
    pub fn handle_event(&mut self, event: Event) -> Effect {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                match &mut self.overlay {
                    Overlay::CommandLine(_) | Overlay::Search(_) => {
                        return self.command_line_key(key);
                    }
                    Overlay::Help { .. } => return self.help_key(key),
                    Overlay::LabelPicker(_) => return self.label_key(key),
                    Overlay::Choice(_) => return self.choice_key(key),
                    Overlay::Link(_) => return self.link_key(key),
                    Overlay::Note { .. } => return self.note_key(key),
                    Overlay::Legend => return self.legend_key(key),
                    Overlay::List { .. } => {
                        self.overlay = Overlay::None;
                        return Effect::None;
                    }
                    Overlay::None => {}
                }
                if self.panel.as_ref().is_some_and(|p| p.focused)
                    && let Some(effect) = self.panel_key(key)
                {
                    return effect;
                }
                let Some(press) = input::key_press(&key) else {
                    return Effect::None;
                };
                self.normal_key(press)
            }
            Event::Mouse(mouse) => match mouse.kind {
                MouseEventKind::ScrollDown if self.overlay == Overlay::None => {
                    self.update(Action::Scroll(self.settings.config.wheel_lines as isize))
                }
                MouseEventKind::ScrollUp if self.overlay == Overlay::None => {
                    self.update(Action::Scroll(-(self.settings.config.wheel_lines as isize)))
                }
                MouseEventKind::Down(MouseButton::Left) if self.overlay == Overlay::None => {
                    self.selection_anchor = None;
                    self.update(Action::Click {
                        column: mouse.column,
                        row: mouse.row,
                    })
                }
                MouseEventKind::Drag(MouseButton::Left) if self.overlay == Overlay::None => self
                    .update(Action::Drag {
                        column: mouse.column,
                        row: mouse.row,
                    }),
                _ => Effect::None,
            },
            Event::Resize(width, height) => self.update(Action::Resize { width, height }),
            Event::Paste(text) => {
                if let Overlay::CommandLine(editor)
                | Overlay::Search(editor)
                | Overlay::Note { editor, .. } = &mut self.overlay
                {
                    editor.insert(&text);
                }
                Effect::None
            }
            _ => Effect::None,
        }
    }

    fn normal_key(&mut self, press: KeyPress) -> Effect {
        let lookup = self
            .settings
            .keymap
            .lookup_with_layout(&self.pending, press);
        match lookup {
            Lookup::Matched(command) => {
                self.pending.clear();
                self.update(Action::Run(command))
            }
            Lookup::Pending(_) => {
                // remember the key as the keymap knows it (Latin after layout translation)
                let mut typed = self.pending.clone();
                typed.push(press);
                if self.settings.keymap.lookup(&typed) == Lookup::NotFound
                    && let Some(latin) = crate::config::arabic::translate(press)
                {
                    typed.pop();
                    typed.push(latin);
                }
                self.pending = typed;
                Effect::None
            }
            Lookup::NotFound => {
                let mut typed = self.pending.clone();
                typed.push(press);
                self.pending.clear();
                if press.key == crate::config::keymap::KeyName::Esc {
                    return self.update(Action::Run(Command::Cancel));
                }
                let help = self.settings.keymap.keys_for(Command::Help);
                let hint = help
                    .first()
                    .map(|k| format!(" ({k} shows the keys)"))
                    .unwrap_or_default();
                self.info(format!(
                    "{} is not bound{hint}",
                    crate::config::keymap::sequence_to_string(&typed)
                ));
                Effect::None
            }
        }
    }

    /// A key in the label picker: a label's letter (on either keyboard layout) picks it,
    /// anything else cancels.
    fn label_key(&mut self, key: crossterm::event::KeyEvent) -> Effect {
        let Overlay::LabelPicker(purpose) = std::mem::replace(&mut self.overlay, Overlay::None)
        else {
            return Effect::None;
        };
        let Some(press) = input::key_press(&key) else {
            return Effect::None;
        };
        let latin = crate::config::arabic::translate(press).unwrap_or(press);
        let chosen = match latin.key {
            crate::config::keymap::KeyName::Char(c) if !latin.ctrl && !latin.alt => {
                annotations::LABEL_KEYS.iter().find(|(k, _)| *k == c)
            }
            _ => None,
        };
        match chosen {
            Some((_, label)) => self.label_chosen(purpose, label),
            None => self.info("cancelled"),
        }
        Effect::None
    }

    fn help_key(&mut self, key: crossterm::event::KeyEvent) -> Effect {
        let Some(press) = input::key_press(&key) else {
            return Effect::None;
        };
        let page = self.height.saturating_sub(4).max(1);
        let max_scroll = crate::ui::help::max_scroll(self);
        let Overlay::Help { scroll } = &mut self.overlay else {
            return Effect::None;
        };
        match self.settings.keymap.lookup_with_layout(&[], press) {
            Lookup::Matched(Command::ScrollDown) => *scroll = (*scroll + 1).min(max_scroll),
            Lookup::Matched(Command::ScrollUp) => *scroll = scroll.saturating_sub(1),
            Lookup::Matched(Command::PageDown | Command::HalfPageDown) => {
                *scroll = scroll.saturating_add(page).min(max_scroll);
            }
            Lookup::Matched(Command::PageUp | Command::HalfPageUp) => {
                *scroll = scroll.saturating_sub(page);
            }
            Lookup::Matched(Command::Top) => *scroll = 0,
            Lookup::Matched(Command::Quit | Command::Help | Command::Cancel) => {
                self.overlay = Overlay::None;
            }
            _ if key.code == KeyCode::Esc => self.overlay = Overlay::None,
            _ => {}
        }
        Effect::None
    }

    /// Runs a new search and moves to the first match at or after the cursor.
    fn start_search(&mut self, query: String) {
        if query.trim().is_empty() {
            // an empty search repeats the last one, as in vim and less
            if self.search.is_some() {
                self.step_search(true);
            }
            return;
        }
        let index = self
            .search_index
            .get_or_insert_with(|| crate::search::FoldedIndex::new(&self.article.text));
        let matches = index.find_all(&self.article.text, &query);
        if matches.is_empty() {
            self.error(format!("not found: {query}"));
            self.search = None;
            return;
        }
        self.search = Some((query, matches));
        let from = self.cursor.as_ref().map_or(0, |c| c.start);
        self.jump_to_match(|m| m.partition_point(|r| r.start < from));
    }

    /// `n` / `N`: the next or previous match after the cursor, wrapping around.
    fn step_search(&mut self, forward: bool) {
        let Some((_, matches)) = &self.search else {
            self.info("no search yet: / starts one");
            return;
        };
        let at = self.cursor.as_ref().map_or(0, |c| c.start);
        let count = matches.len();
        if forward {
            self.jump_to_match(|m| m.partition_point(|r| r.start <= at) % count);
        } else {
            self.jump_to_match(|m| {
                m.partition_point(|r| r.start < at)
                    .checked_sub(1)
                    .unwrap_or(count - 1)
            });
        }
    }

    fn jump_to_match(&mut self, pick: impl Fn(&[Range<usize>]) -> usize) {
        let Some((_, matches)) = &self.search else {
            return;
        };
        let i = pick(matches).min(matches.len().saturating_sub(1));
        let Some(found) = matches.get(i).cloned() else {
            return;
        };
        let total = matches.len();
        self.cursor = Some(found);
        self.reveal_cursor();
        self.info(format!("match {} of {total}", i + 1));
    }

    fn command_line_key(&mut self, key: crossterm::event::KeyEvent) -> Effect {
        use crossterm::event::KeyModifiers;
        let searching = matches!(self.overlay, Overlay::Search(_));
        let (Overlay::CommandLine(editor) | Overlay::Search(editor)) = &mut self.overlay else {
            return Effect::None;
        };
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => self.overlay = Overlay::None,
            KeyCode::Enter => {
                let line = editor.text.clone();
                if searching {
                    self.overlay = Overlay::None;
                    return self.update(Action::Search(line));
                }
                return self.update(Action::Execute(line));
            }
            KeyCode::Tab => editor.cycle(true),
            KeyCode::BackTab => editor.cycle(false),
            // backspace on an empty line closes it, as in vim
            KeyCode::Backspace if !editor.backspace() => self.overlay = Overlay::None,
            KeyCode::Char('c') if ctrl => self.overlay = Overlay::None,
            _ => {
                editor.edit_key(&key);
            }
        }
        Effect::None
    }
}

/// Terminal hint for terminals whose own bidi fights isnad's (kitty, Konsole, mlterm), from the
/// environment.
pub fn terminal_hint(var: impl Fn(&str) -> Option<String>) -> Option<&'static str> {
    let term = var("TERM").unwrap_or_default();
    if var("KITTY_WINDOW_ID").is_some() || term == "xterm-kitty" {
        Some(
            "kitty: set `force_ltr yes` in kitty.conf, or kitty re-reverses Arabic words (or use `m` for terminal mode)",
        )
    } else if var("KONSOLE_VERSION").is_some() {
        Some(
            "Konsole: turn off Profile › Advanced › Bi-Directional text rendering, or press `m` for terminal mode",
        )
    } else if var("MLTERM").is_some() {
        Some(
            "mlterm: it reorders Arabic itself; set use_ctl = false in ~/.mlterm/main, or press `m` for terminal mode",
        )
    } else {
        None
    }
}

/// How often the loop wakes without input (message expiry).
const TICK: Duration = Duration::from_millis(250);
/// How long to wait for the alef after a lam from a two-character lam-alef key.
const LAM_ALEF_WAIT: Duration = Duration::from_millis(15);

/// Hooks for effects that touch the real terminal or process (none in tests).
pub trait TerminalControl {
    fn set_bidi_explicit(&mut self, explicit: bool) -> std::io::Result<()>;
    fn set_mouse(&mut self, on: bool) -> std::io::Result<()>;
    fn suspend(&mut self) -> std::io::Result<()>;
    /// Lets the user edit `text` in an external editor and returns the result.
    fn edit_text(&mut self, text: &str) -> std::io::Result<String>;
    /// SIGTERM or SIGHUP arrived: quit the normal way (restoring the terminal).
    fn terminate_requested(&self) -> bool;
}

/// No terminal to control: a `TestBackend`.
pub struct NoTerminalControl;

impl TerminalControl for NoTerminalControl {
    fn set_bidi_explicit(&mut self, _explicit: bool) -> std::io::Result<()> {
        Ok(())
    }
    fn set_mouse(&mut self, _on: bool) -> std::io::Result<()> {
        Ok(())
    }
    fn suspend(&mut self) -> std::io::Result<()> {
        Ok(())
    }
    fn edit_text(&mut self, _text: &str) -> std::io::Result<String> {
        Err(std::io::Error::new(
            std::io::ErrorKind::Unsupported,
            "no terminal to run an editor in",
        ))
    }
    fn terminate_requested(&self) -> bool {
        false
    }
}

/// The event loop: draw, wait for events, update, perform effects, until quit.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    events: &mut dyn EventSource,
    control: &mut dyn TerminalControl,
    app: &mut App,
) -> std::io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let to_io = |e: B::Error| std::io::Error::other(e);
    let size = terminal.size().map_err(to_io)?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut held: Option<Event> = None;
    while !app.quit {
        if control.terminate_requested() {
            let effect = app.update(Action::Run(Command::Quit));
            perform(effect, terminal, control, app)?;
            if !app.quit {
                // The save failed (a full disk): exit anyway, keeping a copy elsewhere.
                app.exit_note = app.rescue_unsaved();
            }
            break;
        }
        terminal
            .draw(|frame| frame.render_widget(&*app, frame.area()))
            .map_err(to_io)?;
        let event = match held.take() {
            Some(e) => Some(e),
            None => events.next(TICK)?,
        };
        let Some(mut event) = event else {
            let effect = app.update(Action::Tick);
            perform(effect, terminal, control, app)?;
            continue;
        };
        if input::is_lam(&event) {
            // A lam-alef key may arrive as two characters; join them before the keymap sees them.
            if let Some(next) = events.next(LAM_ALEF_WAIT)? {
                match input::join_lam_alef(&event, &next) {
                    Some(joined) => event = joined,
                    None => held = Some(next),
                }
            }
        }
        let effect = app.handle_event(event);
        perform(effect, terminal, control, app)?;
        // autosave is checked after every event too, so steady typing cannot postpone it
        let effect = app.update(Action::Tick);
        perform(effect, terminal, control, app)?;
    }
    Ok(())
}

/// Clears the screen and forgets what is on it, so the next draw repaints every cell.
/// (`Terminal::clear` would first ask the terminal for the cursor position, which some
/// terminals never answer.)
fn full_redraw<B: Backend>(terminal: &mut Terminal<B>) -> Result<(), B::Error> {
    terminal
        .backend_mut()
        .clear_region(ratatui::backend::ClearType::All)?;
    // swapping twice resets both buffers: the next diff is against an empty screen
    terminal.swap_buffers();
    terminal.swap_buffers();
    Ok(())
}

fn perform<B: Backend>(
    effect: Effect,
    terminal: &mut Terminal<B>,
    control: &mut dyn TerminalControl,
    app: &mut App,
) -> std::io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let to_io = |e: B::Error| std::io::Error::other(e);
    if effect != Effect::None {
        log::write(&format!("effect {effect:?}"));
    }
    match effect {
        Effect::None | Effect::ForceQuit => {}
        Effect::Quit => {
            // quitting saves first; if that fails, stay, so nothing is lost
            if !app.save_annotations(false) {
                app.quit = false;
                let why = app
                    .message
                    .as_ref()
                    .map_or_else(|| "not saved".to_owned(), |m| m.text.clone());
                app.update(Action::Error(format!("{why}; :q! quits without saving")));
            }
        }
        Effect::Save { explicit } => {
            app.save_annotations(explicit);
        }
        Effect::Redraw => full_redraw(terminal).map_err(to_io)?,
        Effect::TerminalBidi { explicit } => {
            control.set_bidi_explicit(explicit)?;
            full_redraw(terminal).map_err(to_io)?;
        }
        Effect::SetMouse(on) => control.set_mouse(on)?,
        Effect::EditNote { id, note } => {
            let action = match control.edit_text(&note) {
                Ok(note) => Action::NoteEdited { id, note },
                Err(e) => Action::Error(format!("note not changed: {e}")),
            };
            app.update(action);
            full_redraw(terminal).map_err(to_io)?;
        }
        Effect::Suspend => {
            app.save_annotations(false);
            if let Err(e) = control.suspend() {
                app.update(Action::Error(format!("cannot suspend: {e}")));
            }
            full_redraw(terminal).map_err(to_io)?;
        }
        Effect::LoadTheme(name) => {
            let action = match theme::load(&name, &app.paths.themes_dir()) {
                Ok((spec, problems)) => Action::ThemeLoaded(spec, problems),
                Err(problems) => Action::Error(
                    problems
                        .first()
                        .map_or_else(|| format!("cannot load theme {name}"), ToString::to_string),
                ),
            };
            app.update(action);
        }
        Effect::Import(path) => {
            let action = annotations::read_import(app, &path);
            app.update(action);
        }
        Effect::RescanLibrary => {
            app.save_annotations(false);
            if let Some(scanned) = app.library.as_ref().map(library::Library::rescan) {
                let action = match scanned {
                    Ok(entries) => Action::LibraryScanned(entries),
                    Err(e) => Action::Error(e),
                };
                app.update(action);
            }
        }
        Effect::Export(format) => {
            if app.save_annotations(false) {
                let action = annotations::export(app, format);
                app.update(action);
            }
        }
        Effect::OpenArticle(path) => {
            if !app.save_annotations(false) {
                return Ok(());
            }
            let action = match Article::load(&path) {
                Ok(article) => match &app.store_options {
                    Some(options) => {
                        Action::StoreOpened(Box::new(annotations::open_store(article, options)))
                    }
                    None => Action::ArticleOpened(Box::new(article)),
                },
                Err(e) => Action::Error(e.to_string()),
            };
            app.update(action);
        }
    }
    Ok(())
}

//! The application state machine: [`App`] holds all state, every change goes through
//! [`App::update`] with an [`Action`] and returns the [`Effect`]s for the loop to perform (file,
//! log and terminal I/O happen only in `tui`; time arrives with [`Action::Tick`]), and
//! [`App::handle_event`] turns terminal events into actions through the keymap.

pub mod annotations;
pub mod attributes;
pub mod chain;
pub mod command_line;
pub mod compare;
mod dispatch;
pub mod fetches;
mod find;
pub mod help;
pub mod input;
pub mod isnad_view;
mod keys;
pub mod library;
pub mod mentions;
mod motion;
pub mod opening;
pub mod overlay;
pub mod panel;
pub mod reader;
pub mod review;
pub mod session;
pub mod shell;
pub mod suggestions;
pub mod tables;
pub mod words;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use std::sync::Arc;

use crate::annotate::AnnotationStore;
use crate::article::Article;
use crate::config::colors::{ColorDepth, Theme};
use crate::config::commands::{Command, Mode};

use crate::config::theme::ThemeSpec;
use crate::config::{Paths, Problem, SettingValue, Settings};
use crate::layout::{BidiMode, LayoutOptions};
use command_line::Typed;
pub use overlay::{Outcome, Overlay};
pub use reader::Page;
pub use shell::{Message, MessageKind, Note, Surroundings};

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
    /// What a first open of the library's article `path` would suggest was counted (`None`:
    /// the article could not be read).
    LibraryCounted {
        path: PathBuf,
        counted: Option<crate::extract::counts::Suggested>,
    },
    /// The library's counts could not be written to their cache (the file and why): said once.
    CountsNotKept(String),
    ThemeLoaded(ThemeSpec, Vec<Problem>),
    ArticleOpened(Box<Article>),
    /// Another article and its annotations, opened by the loop.
    StoreOpened(Box<AnnotationStore>),
    /// The loop started opening the shown article's annotations in the background as job
    /// `job` (`at_start`: the article the reader was started on) ([`opening`]).
    AnnotationsOpening {
        job: u64,
        at_start: bool,
    },
    /// Background job `job` has placed `placed` of `total` items.
    AnnotationsProgress {
        job: u64,
        placed: usize,
        total: usize,
    },
    /// Background job `job` opened the annotations.
    AnnotationsOpened {
        job: u64,
        store: Box<AnnotationStore>,
    },
    /// The loop started fetching the page at `url` as job `job` ([`opening`]).
    FetchStarted {
        job: u64,
        url: String,
    },
    /// Fetch job `job` got this far.
    FetchProgress {
        job: u64,
        progress: crate::article::fetch::Progress,
    },
    /// Fetch job `job` saved the page as this article file, or says why it could not.
    PageFetched {
        job: u64,
        result: Result<PathBuf, String>,
    },
    /// The loop started fetching the library's address `url` as job `job` ([`fetches`]).
    LibraryFetchStarted {
        job: u64,
        url: String,
    },
    /// Feed job `job` read the feed, or says why it could not.
    FeedFetched {
        job: u64,
        result: Result<crate::article::feed::Feed, String>,
    },
    /// Entities read by `:import`, to add as suggestions (one undo step), with a summary.
    Imported(Vec<crate::annotate::Item>, String),
    /// Another annotator's file for `:compare`, placed in this article (`note`: what placing it
    /// did, said after the count).
    CompareLoaded {
        name: String,
        set: Box<crate::annotate::AnnotationSet>,
        note: String,
    },
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
    /// The loop saved the annotations (`explicit`: asked for): what the save did, or why not.
    Saved {
        explicit: bool,
        result: Result<crate::annotate::SaveReport, String>,
    },
    Info(String),
    Error(String),
    /// The time is now this: expire messages, save when the autosave delay has passed.
    Tick(Instant),
}

/// What the loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Append a line to the log file (when logging is on).
    Log(String),
    Quit,
    /// Clear the screen and draw everything again.
    Redraw,
    /// Switch the terminal's own bidi (explicit for app/off, implicit for terminal) and redraw.
    TerminalBidi {
        explicit: bool,
    },
    SetMouse(bool),
    LoadTheme(String),
    /// Open an article file, or a web address (its saved copy, else fetched in the background).
    OpenArticle(PathBuf),
    /// Fetch the page at `url` in the background (again when `refresh`), then open it.
    FetchPage {
        url: String,
        refresh: bool,
    },
    /// Stop the page being fetched; nothing is saved.
    CancelFetch,
    /// Fetch an address the library lists, in the background beside others ([`fetches`]).
    FetchForLibrary {
        url: String,
        kind: fetches::Kind,
        refresh: bool,
    },
    /// Open the shown article's annotations on another thread (start-up; `OpenArticle` does
    /// the same after loading the article).
    OpenAnnotations,
    /// Read an external extraction file and add its entities as suggestions.
    Import(PathBuf),
    /// Read another annotator's file of this article for the compare view.
    LoadCompare(PathBuf),
    /// Save, then list the library folder again (counts change as articles are annotated).
    RescanLibrary,
    /// Count in the background what a first open of the library's articles without
    /// annotations would suggest (`app::library`).
    CountLibrary,
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

/// What fills the screen under the overlays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Reader,
    Library,
    /// The article's isnad tree (`T`, `:isnad`).
    Isnad,
    /// The claims table (`g c`, `:claims`).
    Claims,
    /// The sources table (`g s`, `:sources`).
    Sources,
}

/// Screen rows below the text: the status bar.
pub const STATUS_ROWS: u16 = 1;
/// Smallest usable screen; below it a message is shown instead of the reader.
pub const MIN_WIDTH: u16 = 12;
pub const MIN_HEIGHT: u16 = 3;

/// The whole state, in parts that own their own: what the reader shows, the annotating session,
/// the open overlay and side panel, and the shell around them (status, keys, time, log).
pub struct App {
    pub reader: reader::Reader,
    pub session: session::Session,
    pub overlay: Overlay,
    /// The side panel (`Tab`), when open.
    pub panel: Option<panel::Panel>,
    pub shell: shell::Shell,
    /// The folder list when started on a directory, and whether it fills the screen.
    pub library: Option<library::Library>,
    /// The compare view (`:compare`), while adjudicating.
    pub compare: Option<compare::Compare>,
    /// The web page being fetched in the background, if one is.
    pub fetching: Option<opening::Fetching>,
    pub screen: Screen,
    /// Where the isnad view is (its rows are built from the annotations when drawn).
    pub isnad: isnad_view::IsnadView,
    /// Where the claims and sources tables are, their sorts and filters.
    pub tables: tables::Tables,
    pub settings: Settings,
    pub paths: Paths,
    pub theme: Theme,
}

impl App {
    /// `found`: what the shell found around the app at start (terminal colours, themes, time).
    pub fn new(article: Article, settings: Settings, paths: Paths, found: Surroundings) -> Self {
        let mode = settings.config.bidi;
        let depth = ColorDepth::resolve(settings.config.color, found.terminal_colors);
        let theme = Theme::new(&settings.theme, depth);
        let mut app = Self {
            reader: reader::Reader::new(article, mode),
            session: session::Session::default(),
            overlay: Overlay::None,
            panel: None,
            shell: shell::Shell::new(found),
            library: None,
            compare: None,
            fetching: None,
            screen: Screen::Reader,
            isnad: isnad_view::IsnadView::default(),
            tables: tables::Tables::default(),
            theme,
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
        let page = app.page();
        app.reader.reset(page);
        app
    }

    /// Attaches the annotation store (opened by the caller, since opening reads files). Its
    /// article replaces the app's, so both always show the same text.
    pub fn with_store(mut self, store: AnnotationStore, annotator: &str) -> Self {
        self.attach_store(store);
        self.session.annotator = annotator.to_owned();
        self
    }

    fn attach_store(&mut self, store: AnnotationStore) {
        let article = Arc::clone(store.shared_article());
        self.install_store(store);
        self.reader.show(article, self.page());
    }

    /// Makes `store` the shown article's annotations, saying what re-anchoring did.
    fn install_store(&mut self, store: AnnotationStore) {
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
        let conflicts = compare::conflict_hint(store.set());
        self.session.store = Some(store);
        self.session.unsaved = None;
        self.compare = None;
        if let Some(hint) = conflicts
            && self.shell.message.is_none()
        {
            self.info(hint);
        }
    }

    /// The room the reader's text has now (settings, screen size and side panel).
    pub fn page(&self) -> Page {
        let c = &self.settings.config;
        let (width, left) = self.text_column();
        Page {
            width,
            left,
            rows: self.text_height(),
            direction: c.direction,
            tab_width: c.tab_width,
            reveal_controls: c.reveal_controls,
        }
    }

    /// Rows of text on screen.
    pub fn text_height(&self) -> u16 {
        self.reader
            .height
            .saturating_sub(STATUS_ROWS + self.compare_rows())
    }

    /// Width of the text column and its left edge.
    pub fn text_column(&self) -> (u16, u16) {
        let max = self.settings.config.max_width;
        let room = self.reader.width.saturating_sub(self.panel_width());
        if max > 0 && max < room {
            (max, (room - max) / 2)
        } else {
            (room, 0)
        }
    }

    pub fn too_small(&self) -> bool {
        self.reader.width < MIN_WIDTH || self.reader.height < MIN_HEIGHT
    }

    pub fn layout_options(&self) -> LayoutOptions {
        self.reader.options(self.page())
    }

    fn set_message(&mut self, kind: MessageKind, text: String) {
        if kind == MessageKind::Error {
            self.shell.log.push(format!("error: {text}"));
        }
        self.shell.message = Some(Message {
            text,
            kind,
            at: self.shell.now,
        });
    }

    fn info(&mut self, text: impl Into<String>) {
        self.set_message(MessageKind::Info, text.into());
    }

    fn error(&mut self, text: impl Into<String>) {
        self.set_message(MessageKind::Error, text.into());
    }

    /// A key a full-screen view (the isnad view, a table) did not take: the shell's own
    /// commands (help, `:`, quit, save, the terminal's) and `also` run as in the reader, so
    /// every view answers them alike; any other key is told what the view's keys are.
    fn pass_to_reader(
        &mut self,
        press: crate::config::keymap::KeyPress,
        also: &[Command],
        hint: &str,
    ) -> Option<Effect> {
        match self.settings.keymap.command_in(Mode::Reader, press) {
            Some(
                c @ (Command::Help
                | Command::CommandLine
                | Command::Quit
                | Command::Save
                | Command::Redraw
                | Command::Suspend
                | Command::CycleBidi
                | Command::Cancel),
            ) => self.apply(Action::Run(c)),
            Some(c) if also.contains(&c) => self.apply(Action::Run(c)),
            _ => {
                self.info(hint);
                None
            }
        }
    }

    /// Shows what a part said, if it said anything.
    fn say(&mut self, note: impl Into<Option<Note>>) {
        if let Some(note) = note.into() {
            self.set_message(note.kind, note.text);
        }
    }

    /// Recomputes the visible rows (only the paragraphs on screen are laid out).
    pub fn refresh_view(&mut self) {
        let opts = self.layout_options();
        let height = usize::from(self.text_height());
        self.reader.view =
            self.reader
                .layout
                .visible(&self.reader.article, &opts, self.reader.top, height);
    }

    /// Lays the article out in another bidi mode; the terminal's own bidi follows.
    fn set_mode(&mut self, mode: BidiMode) -> Effect {
        self.reader.set_mode(self.page(), mode);
        self.info(format!("rendering mode: {mode}"));
        Effect::TerminalBidi {
            explicit: mode != BidiMode::Terminal,
        }
    }

    /// Applies one action. Pure: no clock, file, log or terminal (that is what the returned
    /// effects are for), so tests can drive it directly.
    /// After each, the library's next fetches are started when others ended.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let effect = self.apply(action);
        let mut effects = self.with_log(effect);
        effects.extend(self.start_fetches());
        effects
    }

    /// The log lines written since the last call, then `effect` (if there is one).
    fn with_log(&mut self, effect: Option<Effect>) -> Vec<Effect> {
        let mut effects: Vec<Effect> = self.take_log().into_iter().map(Effect::Log).collect();
        effects.extend(effect);
        effects
    }

    /// Log lines not yet handed out (the loop asks after calling into the app directly, as
    /// when saving).
    pub fn take_log(&mut self) -> Vec<String> {
        std::mem::take(&mut self.shell.log)
    }

    fn apply(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Run(command) => return self.run_command(command),
            Action::Execute(line) => return self.execute(&line),
            Action::SetBidi(mode) => return Some(self.set_mode(mode)),
            Action::Tick(now) => return self.tick(now),
            Action::NoteEdited { id, note } => self.set_note(&id, &note),
            Action::Scroll(delta) => self.reader.scroll(self.page(), delta),
            Action::Click { column, row } => self.reader.point_at(self.page(), column, row, false),
            Action::Drag { column, row } => self.reader.point_at(self.page(), column, row, true),
            Action::Resize { width, height } => self.resize(width, height),
            Action::Search(query) => self.search(query),
            Action::Info(text) => self.info(text),
            Action::Error(text) => self.error(text),
            Action::LibraryScanned(entries) => return self.library_scanned(entries),
            Action::LibraryCounted { path, counted } => {
                if let Some(lib) = &mut self.library {
                    lib.counted(&path, counted);
                }
            }
            Action::CountsNotKept(why) => self.counts_not_kept(why),
            Action::ThemeLoaded(spec, problems) => self.theme_loaded(spec, &problems),
            Action::ArticleOpened(article) => return self.article_opened(*article),
            Action::StoreOpened(store) => self.store_opened(*store),
            Action::AnnotationsOpening { job, at_start } => self.opening_started(job, at_start),
            Action::AnnotationsProgress { job, placed, total } => {
                self.opening_progressed(job, placed, total);
            }
            Action::AnnotationsOpened { job, store } => self.opening_finished(job, *store),
            Action::FetchStarted { job, url } => self.fetch_started(job, &url),
            Action::FetchProgress { job, progress } => self.fetch_progressed(job, progress),
            Action::PageFetched { job, result } => return self.page_fetched(job, result),
            Action::LibraryFetchStarted { job, url } => self.library_fetch_started(job, &url),
            Action::FeedFetched { job, result } => return self.library_feed_fetched(job, result),
            Action::CompareLoaded { name, set, note } => self.compare_loaded(name, *set, note),
            Action::Imported(entities, summary) => {
                let note = (self.session).add_imported(entities, &summary, self.shell.now);
                self.say(note);
            }
            Action::Saved { explicit, result } => {
                let note = (self.session).saved(explicit, result, self.shell.message.as_ref());
                self.say(note);
            }
        }
        None
    }

    /// The terminal has a new size: the same text stays at the top.
    fn resize(&mut self, width: u16, height: u16) {
        let anchor = self.reader.anchor();
        self.reader.width = width;
        self.reader.height = height;
        self.reader.restore_anchor(self.page(), anchor);
    }

    /// `:e` opened another article (without annotations until they are opened).
    fn article_opened(&mut self, article: Article) -> Option<Effect> {
        self.screen = Screen::Reader;
        self.session.store = None;
        self.session.opening = None;
        self.compare = None;
        self.reader.show(Arc::new(article), self.page());
        self.info(format!("opened {}", self.reader.article.name));
        // a page still being fetched would replace what the user just opened
        self.fetching.take().map(|_| Effect::CancelFetch)
    }

    /// Another article and its annotations were opened.
    fn store_opened(&mut self, store: AnnotationStore) {
        self.screen = Screen::Reader;
        self.session.opening = None;
        self.attach_store(store);
        if self.shell.message.is_none() {
            self.info(format!("opened {}", self.reader.article.name));
        }
    }

    /// `/` typed: filters the library while it is shown, else searches the article.
    fn search(&mut self, query: String) {
        if self.screen == Screen::Library {
            if let Some(lib) = &mut self.library {
                lib.set_filter(&query);
                let shown = lib.count(lib.visible().len());
                self.info(format!("{shown} match"));
            }
        } else {
            let note = self.reader.start_search(self.page(), query);
            self.say(note);
        }
    }

    fn theme_loaded(&mut self, spec: ThemeSpec, problems: &[Problem]) {
        self.theme = Theme::new(&spec, self.theme.depth);
        self.settings.config.theme = spec.name.clone();
        self.settings.theme = spec;
        match problems.first() {
            Some(p) => self.error(p.to_string()),
            None => self.info(format!("theme: {}", self.theme.name)),
        }
    }

    /// The time is `now`: save when the autosave delay has passed, expire an old message.
    fn tick(&mut self, now: Instant) -> Option<Effect> {
        self.shell.now = now;
        if self.session.autosave_due(now) {
            return Some(Effect::Save { explicit: false });
        }
        let expire = Duration::from_secs(self.settings.config.message_seconds);
        if self.shell.message.as_ref().is_some_and(|m| {
            m.kind == MessageKind::Info && now.saturating_duration_since(m.at) >= expire
        }) {
            self.shell.message = None;
        }
        None
    }

    fn execute(&mut self, line: &str) -> Option<Effect> {
        self.overlay = Overlay::None;
        let typed = match command_line::parse(line) {
            Ok(t) => t,
            Err(e) => {
                self.error(e);
                return None;
            }
        };
        match typed {
            Typed::Run(c) => self.run_command(c),
            Typed::Quit => self.run_command(Command::Quit),
            Typed::ForceQuit => {
                self.shell.quit = true;
                Some(Effect::ForceQuit)
            }
            Typed::Write => Some(Effect::Save { explicit: true }),
            Typed::WriteQuit => {
                self.shell.quit = true;
                Some(Effect::Quit)
            }
            Typed::Edit(path) => Some(Effect::OpenArticle(path)),
            Typed::Theme(name) => Some(Effect::LoadTheme(name)),
            Typed::Import(path) => Some(Effect::Import(path)),
            Typed::Compare(path) => self.compare_typed(path),
            Typed::Export(format) => Some(Effect::Export(format)),
            Typed::Bidi(mode) => Some(self.set_mode(mode)),
            Typed::GotoPercent(p) => {
                let at = self.reader.article.text.len() * usize::from(p) / 100;
                self.reader.goto_byte(self.page(), at);
                None
            }
            Typed::GotoParagraph(n) => {
                self.goto_paragraph(n);
                None
            }
            Typed::Set { key, value } if key == "outlet" => {
                self.set_outlet(&value);
                None
            }
            Typed::Set { key, value } => self.set_option(&key, &value),
            Typed::Orphans => {
                self.show_orphans();
                None
            }
        }
    }

    /// `:goto N` (paragraph `n`, counted from 1).
    fn goto_paragraph(&mut self, n: usize) {
        let count = self.reader.article.paragraphs.len();
        match n
            .checked_sub(1)
            .and_then(|i| self.reader.article.paragraphs.get(i))
        {
            Some(paragraph) => {
                let at = paragraph.start;
                self.reader.goto_byte(self.page(), at);
            }
            None => self.error(format!("there are {count} paragraphs")),
        }
    }

    /// `:orphans`: the annotations that could not be placed in the text, in a list to read.
    fn show_orphans(&mut self) {
        let lines = self.session.orphan_lines();
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
    }

    fn set_option(&mut self, key: &str, value: &str) -> Option<Effect> {
        let anchor = self.reader.anchor();
        let before = self.settings.config.clone();
        if let Err(e) = self
            .settings
            .config
            .set(None, key, &SettingValue::from_typed(value))
        {
            self.error(e);
            return None;
        }
        let after = self.settings.config.clone();
        self.info(format!("{key} = {value}"));
        if after.bidi != before.bidi {
            return Some(self.set_mode(after.bidi));
        }
        if after.theme != before.theme {
            return Some(Effect::LoadTheme(after.theme));
        }
        if after.color != before.color {
            self.theme = Theme::new(
                &self.settings.theme,
                ColorDepth::resolve(after.color, self.shell.terminal_colors),
            );
        }
        self.reader.restore_anchor(self.page(), anchor);
        if after.mouse != before.mouse {
            return Some(Effect::SetMouse(after.mouse));
        }
        None
    }
}

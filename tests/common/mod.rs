//! The one set-up for integration tests that drive the reader (as helix's
//! `tests/test/helpers.rs`): a builder for the app (article, size, settings, colours, annotation
//! file), key events, scripted runs of the real event loop and drawing to a `TestBackend`.
//! Each test file uses part of it, hence `dead_code` allowed.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use isnad::annotate::{AnnotationSet, AnnotationStore, StoreOptions};
use isnad::app::{Action, App, Effect};
use isnad::article::Article;
use isnad::config::colors::ColorDepth;
use isnad::config::{Paths, Settings};
use isnad::tui::{EventSource, NoTerminalControl, ScriptedEvents, run_loop};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Paths where no configuration exists, so the defaults apply whatever the machine has.
pub fn no_config() -> Paths {
    Paths::resolve(Some(Path::new("/nonexistent/isnad/config.toml")))
}

/// How the app gets its annotations.
enum Store {
    None,
    /// The file, opened as it is.
    File(PathBuf),
    /// The file, with the built-in suggestions when it does not exist yet (as a first open).
    Suggested(PathBuf),
    Given(Box<AnnotationStore>),
}

/// Builds an app: `TestApp::sample().size(100, 30).annotations(&file).build()`.
pub struct TestApp {
    article: Article,
    width: u16,
    height: u16,
    settings: Settings,
    paths: Paths,
    colors: ColorDepth,
    store: Store,
    annotator: String,
}

impl TestApp {
    /// The bundled sample article, 80×24, default settings, true colour, no annotations.
    pub fn sample() -> Self {
        Self::article(Article::sample())
    }

    pub fn text(text: &str) -> Self {
        Self::article(Article::from_text("test.txt", text.to_owned()))
    }

    pub fn article(article: Article) -> Self {
        Self {
            article,
            width: 80,
            height: 24,
            settings: Settings::defaults(),
            paths: no_config(),
            colors: ColorDepth::TrueColor,
            store: Store::None,
            annotator: "tester".to_owned(),
        }
    }

    pub fn size(mut self, width: u16, height: u16) -> Self {
        self.width = width;
        self.height = height;
        self
    }

    pub fn settings(mut self, settings: Settings, paths: Paths) -> Self {
        self.settings = settings;
        self.paths = paths;
        self
    }

    pub fn colors(mut self, colors: ColorDepth) -> Self {
        self.colors = colors;
        self
    }

    /// Who annotates (`tester` unless said).
    pub fn annotator(mut self, name: &str) -> Self {
        self.annotator = name.to_owned();
        self
    }

    /// Annotations in `file` (which need not exist).
    pub fn annotations(mut self, file: &Path) -> Self {
        self.store = Store::File(file.to_path_buf());
        self
    }

    /// Like [`TestApp::annotations`], with the built-in suggestions of a first open.
    pub fn suggested_annotations(mut self, file: &Path) -> Self {
        self.store = Store::Suggested(file.to_path_buf());
        self
    }

    /// An annotation store opened by the test (its article replaces the builder's).
    pub fn store(mut self, store: AnnotationStore) -> Self {
        self.store = Store::Given(Box::new(store));
        self
    }

    pub fn build(self) -> App {
        let options = |file: &Path| StoreOptions {
            annotations: Some(file.to_path_buf()),
            data_dir: file.parent().map(Path::to_path_buf),
        };
        let store = match &self.store {
            Store::None => None,
            Store::File(file) => Some(AnnotationStore::open(self.article.clone(), &options(file))),
            Store::Suggested(file) => Some(isnad::extract::open::open_store(
                self.article.clone(),
                &options(file),
            )),
            Store::Given(_) => None,
        };
        let annotator = self.annotator;
        let found = isnad::tui::surroundings(&self.paths, self.colors);
        let mut app = App::new(self.article, self.settings, self.paths, found);
        let store = match self.store {
            Store::Given(store) => Some(*store),
            _ => store,
        };
        if let Some(store) = store {
            app = app.with_store(store, &annotator);
        }
        app.update(Action::Resize {
            width: self.width,
            height: self.height,
        });
        app
    }
}

pub fn press(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

pub fn code(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

pub fn shift(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::SHIFT))
}

/// One key event per character.
pub fn keys(text: &str) -> Vec<Event> {
    text.chars().map(press).collect()
}

/// Hands each character to the app as a key; returns the effects of the last.
pub fn type_keys(app: &mut App, text: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in text.chars() {
        effects = app.handle_event(press(c));
    }
    effects
}

/// Draws the app on a `TestBackend` of its own size.
pub fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(app.reader.width, app.reader.height)).expect("terminal");
    terminal
        .draw(|f| f.render_widget(app, f.area()))
        .expect("draw");
    terminal
}

/// The drawn screen's rows as text.
pub fn rows(app: &App) -> Vec<String> {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    let width = usize::from(buffer.area.width.max(1));
    buffer
        .content()
        .chunks(width)
        .map(|row| row.iter().map(|c| c.symbol()).collect())
        .collect()
}

/// Runs the real event loop on the events until they run out or the app quits.
pub fn run_script(app: &mut App, events: Vec<Event>) {
    run_events(app, &mut ScriptedEvents::new(events));
}

/// Runs the real event loop on the events and stops when they run out (the app keeps its
/// state, so a test can look at it and go on with more keys).
pub fn run_steps(app: &mut App, events: Vec<Event>) {
    let mut terminal =
        Terminal::new(TestBackend::new(app.reader.width, app.reader.height)).expect("terminal");
    let mut source = ScriptedEvents::new(events);
    match run_loop(&mut terminal, &mut source, &mut NoTerminalControl, app) {
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {}
        other => other.expect("runs"),
    }
}

/// Runs the real event loop on any event source (a timed one, say); it must end with a quit.
pub fn run_events(app: &mut App, events: &mut dyn EventSource) {
    let mut terminal =
        Terminal::new(TestBackend::new(app.reader.width, app.reader.height)).expect("terminal");
    run_loop(&mut terminal, events, &mut NoTerminalControl, app).expect("runs");
}

/// Events that wait for the loop's background jobs (a fetch, counting the library, opening
/// annotations): each event is handed over only when no job runs, so what one event started
/// has ended before the next; running out ends the loop like [`run_steps`]. It tells a busy
/// loop by the wait it asks for: 50 ms while a job runs, 250 ms otherwise (tui/event_loop.rs).
/// Gives up waiting after 20 seconds.
pub struct WhenIdle {
    events: std::collections::VecDeque<Event>,
    deadline: std::time::Instant,
}

impl WhenIdle {
    pub fn new(events: Vec<Event>) -> Self {
        Self {
            events: events.into(),
            deadline: std::time::Instant::now() + std::time::Duration::from_secs(20),
        }
    }
}

impl EventSource for WhenIdle {
    fn next(&mut self, timeout: std::time::Duration) -> std::io::Result<Option<Event>> {
        if timeout < std::time::Duration::from_millis(100)
            && std::time::Instant::now() < self.deadline
        {
            std::thread::sleep(timeout);
            return Ok(None);
        }
        self.events
            .pop_front()
            .map(Some)
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "events ran out"))
    }
}

/// [`run_steps`], each event handed over when the background jobs have ended ([`WhenIdle`]);
/// after the last, waits for the jobs it started too.
pub fn run_when_idle(app: &mut App, events: Vec<Event>) {
    run_when_idle_after(app, Vec::new(), events);
}

/// [`run_when_idle`], the loop performing `first` before the first screen (as at start-up).
pub fn run_when_idle_after(app: &mut App, first: Vec<Effect>, mut events: Vec<Event>) {
    let mut terminal =
        Terminal::new(TestBackend::new(app.reader.width, app.reader.height)).expect("terminal");
    // a resize changes nothing, and is handed over only when what the last event started ended
    events.push(Event::Resize(app.reader.width, app.reader.height));
    let mut source = WhenIdle::new(events);
    let run = isnad::tui::run_loop_with(
        &mut terminal,
        &mut source,
        &mut NoTerminalControl,
        app,
        first,
    );
    match run {
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {}
        other => other.expect("runs"),
    }
}

/// Events each after a pause (the loop ticks meanwhile, handling what its jobs send);
/// running out ends the loop like [`run_steps`].
pub struct Paced {
    steps: std::collections::VecDeque<(std::time::Duration, Event)>,
}

impl EventSource for Paced {
    fn next(&mut self, timeout: std::time::Duration) -> std::io::Result<Option<Event>> {
        let Some((wait, _)) = self.steps.front_mut() else {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "events ran out",
            ));
        };
        if *wait > timeout {
            std::thread::sleep(timeout);
            *wait -= timeout;
            return Ok(None);
        }
        std::thread::sleep(*wait);
        Ok(self.steps.pop_front().map(|(_, event)| event))
    }
}

/// Runs the real event loop on events each after its pause, until they run out.
pub fn run_paced(app: &mut App, steps: Vec<(std::time::Duration, Event)>) {
    let mut terminal =
        Terminal::new(TestBackend::new(app.reader.width, app.reader.height)).expect("terminal");
    let mut source = Paced {
        steps: steps.into(),
    };
    match run_loop(&mut terminal, &mut source, &mut NoTerminalControl, app) {
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {}
        other => other.expect("runs"),
    }
}

/// A temporary folder with the path of an annotation file in it (not created).
pub fn temp_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("sample.isnad.json");
    (dir, file)
}

/// The app's annotations as they are now.
pub fn set(app: &App) -> AnnotationSet {
    app.session.store.as_ref().expect("store").set().clone()
}

pub fn json(file: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(file).expect("file written")).expect("json")
}

/// The status bar's message now ("" when there is none).
pub fn message(app: &App) -> String {
    app.shell
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

/// Moves the cursor onto `phrase` (its first occurrence from the cursor) with `/`.
pub fn find(app: &mut App, phrase: &str) {
    app.handle_event(code(KeyCode::Esc));
    type_keys(app, &format!("/{phrase}"));
    app.handle_event(code(KeyCode::Enter));
}

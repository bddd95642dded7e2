//! Starting the reader: open the article (errors are printed before any terminal mode is
//! touched), load settings, enter full-screen mode, run the loop, and restore the terminal on
//! every way out.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::annotate::StoreOptions;
use crate::annotate::library::{scan, scan_files};
use crate::app::fetches::Address;
use crate::app::library::Library;
use crate::app::{Action, App, Effect, Screen, Surroundings};
use crate::article::Article;
use crate::cli::Cli;
use crate::config::colors::ColorDepth;
use crate::config::theme;
use crate::config::{Paths, Settings, no_color_requested};
use crate::layout::BidiMode;
use crate::log;
use crate::tui::events::{EventSource, FailOnF12, PanicOnKey, TerminalEvents};
use crate::tui::terminal::{self as tui, TerminalOptions};
use crate::tui::{TerminalControl, effects, run_loop_with};

struct RealTerminal {
    options: TerminalOptions,
    terminate: Arc<AtomicBool>,
}

impl TerminalControl for RealTerminal {
    fn set_bidi_explicit(&mut self, explicit: bool) -> std::io::Result<()> {
        self.options.bidi_explicit = explicit;
        tui::set_bidi_explicit(explicit)
    }

    fn set_mouse(&mut self, on: bool) -> std::io::Result<()> {
        self.options.mouse = on;
        tui::set_mouse(on)
    }

    fn suspend(&mut self) -> std::io::Result<()> {
        tui::suspend(self.options)
    }

    fn edit_text(&mut self, text: &str) -> std::io::Result<String> {
        tui::edit_in_editor(self.options, text)
    }

    fn terminate_requested(&self) -> bool {
        self.terminate.load(Ordering::SeqCst)
    }
}

/// Runs the full-screen reader for `cli.files`: one file opens in the reader, a folder or
/// several files open the library, none opens the sample; one web address opens its saved
/// copy, or starts with an empty page while it is fetched in the background. Several
/// addresses (with or without files) open the library at once, which fetches the pages not
/// saved yet in the background (`app::fetches`).
pub fn run(cli: &Cli) -> Result<ExitCode, String> {
    let data_dir = Paths::resolve(cli.config.as_deref()).data_dir;
    if let [arg] = cli.files.as_slice()
        && let Some(url) = arg.to_str().filter(|a| crate::article::fetch::is_url(a))
    {
        let saved = crate::article::web::saved_paths(&data_dir, url).article;
        if !cli.refresh && saved.is_file() {
            let article = Article::load(&saved).map_err(|e| e.to_string())?;
            return run_with(cli, article, None, None);
        }
        let fetch = Effect::FetchPage {
            url: url.to_owned(),
            refresh: cli.refresh,
        };
        let host = crate::article::fetch::host(url);
        let waiting = Article::from_text(&crate::text::sanitize::printable(host), String::new());
        return run_with(cli, waiting, None, Some(fetch));
    }
    let library = match cli.files.as_slice() {
        [dir] if dir.is_dir() => Some(Library::new(dir.clone(), scan(dir)?)),
        [] | [_] => None,
        args => Some(library_of_arguments(args, &data_dir, cli.refresh)?),
    };
    let article = match cli.files.as_slice() {
        [path] if library.is_none() => Article::load(path).map_err(|e| e.to_string())?,
        _ => Article::sample(),
    };
    run_with(cli, article, library, None)
}

/// The library of the files and web addresses given on the command line: the files (each must
/// exist) and the saved pages are read now; the other pages are listed as waiting, to be
/// fetched once the reader runs (again too when `refresh`).
pub fn library_of_arguments(
    args: &[PathBuf],
    data_dir: &Path,
    refresh: bool,
) -> Result<Library, String> {
    let (files, addresses) = split_arguments(args, data_dir, refresh);
    let mut library = Library::of_files(files, Vec::new()).with_addresses(addresses);
    library.refresh(scan_files(&library.files_to_scan())?);
    Ok(library)
}

/// The command line's files and web addresses (`isnad URL1 FILE URL2 …`): the files to list,
/// with the addresses' rows standing for the pages (where they are, or will be, saved).
fn split_arguments(
    args: &[PathBuf],
    data_dir: &Path,
    refresh: bool,
) -> (Vec<PathBuf>, Vec<Address>) {
    let mut files = Vec::new();
    let mut addresses = Vec::new();
    for arg in args {
        match arg.to_str().filter(|a| crate::article::fetch::is_url(a)) {
            Some(url) => {
                let saved = crate::article::web::saved_paths(data_dir, url).article;
                let address = Address::page(url, saved.clone(), refresh, saved.is_file());
                files.push(saved);
                addresses.push(address);
            }
            None => files.push(arg.clone()),
        }
    }
    (files, addresses)
}

/// Runs the reader on the library of the feeds at `sources` (`isnad feed` in a terminal): it
/// starts at once and reads the feeds in the background.
pub fn run_feeds(cli: &Cli, sources: &[String]) -> Result<ExitCode, String> {
    let data_dir = Paths::resolve(cli.config.as_deref()).data_dir;
    run_with(
        cli,
        Article::sample(),
        Some(Library::of_feed_sources(sources, data_dir)),
        None,
    )
}

/// Runs the reader on `article`, or on `library` when there is one; `fetch` instead of the
/// article's annotations when `article` only waits for a page.
fn run_with(
    cli: &Cli,
    article: Article,
    library: Option<Library>,
    fetch: Option<Effect>,
) -> Result<ExitCode, String> {
    let paths = Paths::resolve(cli.config.as_deref());
    if cli.verbose || log::requested_by_env() {
        log::init(&paths.log_dir)?;
        log::write(&format!("paths: {paths:?}"));
    }
    let (settings, terminal_colors) = load_settings(cli, &paths);
    let (mut app, first) = make_app(
        cli,
        article,
        library,
        fetch,
        settings,
        paths,
        terminal_colors,
    );
    let options = TerminalOptions {
        mouse: app.settings.config.mouse,
        bidi_explicit: app.reader.mode != BidiMode::Terminal,
    };
    let terminate = termination_flag()?;
    let mut control = RealTerminal { options, terminate };
    let mut terminal =
        tui::init(options).map_err(|e| format!("cannot start the terminal UI: {e}"))?;
    let result = run_loop_with(&mut terminal, &mut *events(), &mut control, &mut app, first);
    tui::restore();
    for line in app.take_log() {
        log::write(&line);
    }
    if let Err(e) = result {
        return Err(format!("terminal error: {e}{}", save_after_error(&mut app)));
    }
    match app.shell.exit_note.take() {
        Some(note) => Err(note),
        None => Ok(ExitCode::SUCCESS),
    }
}

/// The settings (with the command line's bidi and theme over the files'), and what colours
/// the terminal shows. The terminal's background is asked here, once, before the first frame:
/// `update` never talks to the terminal.
fn load_settings(cli: &Cli, paths: &Paths) -> (Settings, ColorDepth) {
    let mut settings = Settings::load(paths, no_color_requested());
    if let Some(bidi) = cli.bidi {
        settings.config.bidi = bidi;
    }
    if let Some(name) = &cli.theme {
        settings.config.theme.clone_from(name);
    }
    if cli.theme.is_some() || settings.config.theme == theme::AUTO {
        let background = if settings.config.theme == theme::AUTO && !no_color_requested() {
            ask_background()
        } else {
            None
        };
        log::write(&format!("terminal background: {background:?}"));
        settings.load_theme(paths, no_color_requested(), background);
    }
    // what `color = "auto"` means on this terminal; the app resolves the setting against it
    let terminal_colors = if no_color_requested() {
        ColorDepth::None
    } else {
        terminal_color_depth()
    };
    let depth = ColorDepth::resolve(settings.config.color, terminal_colors);
    for problem in &settings.problems {
        log::write(&format!("config: {problem}"));
    }
    log::write(&format!(
        "colour depth {depth:?}, bidi {:?}, TERM={:?}",
        settings.config.bidi,
        std::env::var("TERM").ok()
    ));
    (settings, terminal_colors)
}

/// The app on the library, the article or the page being fetched, with what the loop does
/// before the first screen.
fn make_app(
    cli: &Cli,
    article: Article,
    library: Option<Library>,
    fetch: Option<Effect>,
    settings: Settings,
    paths: Paths,
    terminal_colors: ColorDepth,
) -> (App, Vec<Effect>) {
    let hints = settings.config.terminal_hints;
    let annotator = settings.config.annotator_name();
    let store_options = StoreOptions {
        annotations: cli.annotations.clone(),
        data_dir: Some(paths.data_dir.clone()),
    };
    let found = surroundings(&paths, terminal_colors);
    let mut app = App::new(article, settings, paths, found);
    app.session.annotator = annotator;
    app.session.store_options = Some(store_options);
    let mut first = Vec::new();
    if let Some(library) = library {
        // the reader starts empty-handed: Enter opens an article with its annotations
        app.library = Some(library);
        app.screen = Screen::Library;
        // what articles never opened would suggest, counted in the background
        first.push(Effect::CountLibrary);
    } else if let Some(fetch) = fetch {
        // the page opens (with its annotations) once it has arrived
        first.push(fetch);
    } else {
        // the annotations are opened by the loop, in the background when they take long
        // (re-anchoring a changed article): the text is shown at once
        first.push(Effect::OpenAnnotations);
        if let Some(note) = app.reader.article.encoding_note.clone() {
            // a guessed encoding is said, not hidden (article/encoding.rs)
            app.update(Action::Info(note));
        }
    }
    if hints {
        app.shell.hint = terminal_hint(|k| std::env::var(k).ok());
    }
    (app, first)
}

/// A flag raised by SIGTERM (and SIGHUP on Unix): the loop saves and exits when it is up.
fn termination_flag() -> Result<Arc<AtomicBool>, String> {
    let terminate = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    let signals = [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP];
    #[cfg(not(unix))]
    let signals = [signal_hook::consts::SIGTERM];
    for signal in signals {
        signal_hook::flag::register(signal, Arc::clone(&terminate))
            .map_err(|e| format!("cannot install the signal handler: {e}"))?;
    }
    Ok(terminate)
}

/// The terminal's events; debug builds can make a key panic (`ISNAD_DEBUG_PANIC`) or F12 fail
/// (`ISNAD_DEBUG_ERROR`), to test that every way out restores the terminal and keeps the work.
fn events() -> Box<dyn EventSource> {
    let debug = |var| cfg!(debug_assertions) && std::env::var_os(var).is_some();
    if debug("ISNAD_DEBUG_PANIC") {
        Box::new(PanicOnKey(TerminalEvents::new()))
    } else if debug("ISNAD_DEBUG_ERROR") {
        Box::new(FailOnF12(TerminalEvents::new()))
    } else {
        Box::new(TerminalEvents::new())
    }
}

/// The loop stopped on an error, maybe before the autosave of the last changes: save them now,
/// or keep them elsewhere. What to add to the error (empty when they were saved).
fn save_after_error(app: &mut App) -> String {
    let mut logged = Vec::new();
    let saved = effects::save(app, false, &mut logged);
    for effect in logged {
        if let Effect::Log(line) = effect {
            log::write(&line);
        }
    }
    if saved {
        return String::new();
    }
    let why = app.shell.message.as_ref().map_or("", |m| m.text.as_str());
    let kept = effects::rescue_unsaved(app).unwrap_or_default();
    format!("; the last annotation changes were not saved: {why}; {kept}")
}

/// What the app needs from around it at start: the terminal's colours (found by the caller),
/// the themes in the user's theme folder besides the built-in ones, and the time.
pub fn surroundings(paths: &Paths, terminal_colors: ColorDepth) -> Surroundings {
    Surroundings {
        terminal_colors,
        themes: crate::config::theme::available(&paths.themes_dir()),
        now: std::time::Instant::now(),
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

/// The terminal's background for `theme = "auto"`: the terminal is put in raw mode for the
/// question (so the answer is neither echoed nor held back for a newline) and restored.
fn ask_background() -> Option<theme::Background> {
    let raw = crossterm::terminal::enable_raw_mode().is_ok();
    let found = crate::tui::background::detect(|k| std::env::var(k).ok());
    if raw {
        let _ = crossterm::terminal::disable_raw_mode();
    }
    found
}

/// How many colours the terminal shows, as `color = "auto"` finds out: supports-color on
/// stdout, else the environment alone (NO_COLOR, COLORTERM, TERM).
pub fn terminal_color_depth() -> ColorDepth {
    match supports_color::on_cached(supports_color::Stream::Stdout) {
        Some(level) if level.has_16m => ColorDepth::TrueColor,
        Some(level) if level.has_256 => ColorDepth::Ansi256,
        Some(_) => ColorDepth::Ansi16,
        None => ColorDepth::from_env(|k| std::env::var(k).ok()),
    }
}

//! The effect runner: performs what `update` asked for — saving, loading themes and articles,
//! importing, exporting, rescanning the library, the log, the terminal's own modes — and feeds
//! the outcome back to the app as an action.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::annotate::formats::Format as ExportFormat;
use crate::annotate::library::{feed_entries, scan, scan_files};
use crate::app::{Action, App, Effect};
use crate::article::Article;
use crate::config::theme;
use crate::log;
use crate::tui::TerminalControl;
use crate::tui::jobs::Jobs;

/// Performs the effects in order, and those of the actions they lead to after them.
pub fn perform<B: Backend>(
    effects: Vec<Effect>,
    terminal: &mut Terminal<B>,
    control: &mut dyn TerminalControl,
    app: &mut App,
    jobs: &mut Jobs,
) -> std::io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let mut queue = std::collections::VecDeque::from(effects);
    while let Some(effect) = queue.pop_front() {
        if !matches!(effect, Effect::Log(_)) {
            log::write(&format!("effect {effect:?}"));
        }
        queue.extend(perform_one(effect, terminal, control, app, jobs)?);
        // what direct calls into the app (saving) logged
        queue.extend(app.take_log().into_iter().map(Effect::Log));
    }
    Ok(())
}

/// Performs one effect; returns the effects of the action it produced.
fn perform_one<B: Backend>(
    effect: Effect,
    terminal: &mut Terminal<B>,
    control: &mut dyn TerminalControl,
    app: &mut App,
    jobs: &mut Jobs,
) -> std::io::Result<Vec<Effect>>
where
    B::Error: Send + Sync + 'static,
{
    let to_io = |e: B::Error| std::io::Error::other(e);
    let mut then = Vec::new();
    match effect {
        Effect::ForceQuit => {}
        Effect::Log(line) => log::write(&line),
        Effect::Quit => then = quit(app),
        Effect::Save { explicit } => {
            save(app, explicit, &mut then);
        }
        Effect::Redraw => full_redraw(terminal).map_err(to_io)?,
        Effect::TerminalBidi { explicit } => {
            control.set_bidi_explicit(explicit)?;
            full_redraw(terminal).map_err(to_io)?;
        }
        Effect::SetMouse(on) => control.set_mouse(on)?,
        Effect::EditNote { id, note } => {
            then = edit_note(app, control, id, &note);
            full_redraw(terminal).map_err(to_io)?;
        }
        Effect::Suspend => {
            save(app, false, &mut then);
            if let Err(e) = control.suspend() {
                then.extend(app.update(Action::Error(format!("cannot suspend: {e}"))));
            }
            full_redraw(terminal).map_err(to_io)?;
        }
        Effect::LoadTheme(name) => then = app.update(load_theme(app, &name)),
        Effect::Import(path) => then = app.update(read_import(app, &path)),
        Effect::LoadCompare(path) => then = app.update(read_compare(app, &path)),
        Effect::RescanLibrary => {
            save(app, false, &mut then);
            then.extend(rescan_library(app));
        }
        Effect::Export(format) => {
            if save(app, false, &mut then) {
                let action = export(app, format);
                then.extend(app.update(action));
            }
        }
        job @ (Effect::OpenAnnotations
        | Effect::OpenArticle(_)
        | Effect::FetchPage { .. }
        | Effect::CancelFetch
        | Effect::FetchForLibrary { .. }
        | Effect::CountLibrary) => then = start_job(job, app, jobs),
    }
    Ok(then)
}

/// The effects that start (or stop) a background job: opening annotations or an article,
/// fetching, counting the library.
fn start_job(effect: Effect, app: &mut App, jobs: &mut Jobs) -> Vec<Effect> {
    let mut then = Vec::new();
    match effect {
        Effect::OpenAnnotations => then = open_annotations(app, jobs, true),
        Effect::OpenArticle(path) => {
            // what is annotated now is saved before another article replaces it
            let saved = save(app, false, &mut then);
            if saved {
                open_article(app, jobs, &path, &mut then);
            }
        }
        Effect::FetchPage { url, refresh } => then = fetch_page(app, jobs, url, refresh),
        Effect::CancelFetch => jobs.cancel_fetch(),
        Effect::FetchForLibrary { url, kind, refresh } => {
            let data_dir = app.paths.data_dir.clone();
            let job = jobs.fetch_for_library(url.clone(), kind, data_dir, refresh);
            then = app.update(Action::LibraryFetchStarted { job, url });
        }
        Effect::CountLibrary => {
            if let Some(lib) = &app.library {
                jobs.count_library(lib.to_count(), app.paths.data_dir.clone());
            }
        }
        // the others are not jobs: `perform_one` does them
        _ => {}
    }
    then
}

/// Quitting saves first; if that fails, the reader stays, so nothing is lost.
fn quit(app: &mut App) -> Vec<Effect> {
    let mut then = Vec::new();
    if !save(app, false, &mut then) {
        app.shell.quit = false;
        let why = app
            .shell
            .message
            .as_ref()
            .map_or_else(|| "not saved".to_owned(), |m| m.text.clone());
        then.extend(app.update(Action::Error(format!("{why}; :q! quits without saving"))));
    }
    then
}

/// `E`: the note of `id` in the user's editor, handed back to the app.
fn edit_note(
    app: &mut App,
    control: &mut dyn TerminalControl,
    id: String,
    note: &str,
) -> Vec<Effect> {
    let action = match control.edit_text(note) {
        Ok(note) => Action::NoteEdited { id, note },
        Err(e) => Action::Error(format!("note not changed: {e}")),
    };
    app.update(action)
}

/// Lists the library again (its folder, files or feeds), since counts change as articles
/// are annotated.
fn rescan_library(app: &mut App) -> Vec<Effect> {
    let scanned = (app.library.as_ref()).map(|lib| match &lib.feeds {
        Some(feeds) => Ok(feed_entries(feeds)),
        // pages not saved yet are not read: their rows stand for them
        None if lib.files.is_empty() => scan(&lib.dir),
        None => scan_files(&lib.files_to_scan()),
    });
    match scanned {
        Some(Ok(entries)) => app.update(Action::LibraryScanned(entries)),
        Some(Err(e)) => app.update(Action::Error(e)),
        None => Vec::new(),
    }
}

/// Reads a theme for `:theme` / `:set theme`.
fn load_theme(app: &App, name: &str) -> Action {
    match theme::load(name, &app.paths.themes_dir()) {
        Ok((spec, problems)) => Action::ThemeLoaded(spec, problems),
        Err(problems) => Action::Error(
            problems
                .first()
                .map_or_else(|| format!("cannot load theme {name}"), ToString::to_string),
        ),
    }
}

/// Starts fetching `url` in the background (`Esc` cancels it; it opens when saved).
fn fetch_page(app: &mut App, jobs: &mut Jobs, url: String, refresh: bool) -> Vec<Effect> {
    let job = jobs.fetch_page(url.clone(), app.paths.data_dir.clone(), refresh);
    app.update(Action::FetchStarted { job, url })
}

/// Opens another article (`:e`, Enter in the library): the text at once, its annotations from a
/// background job; the app's answers go to `then`. A web address opens its saved copy, or is
/// fetched in the background first (article/web.rs).
fn open_article(app: &mut App, jobs: &mut Jobs, path: &Path, then: &mut Vec<Effect>) {
    let saved;
    let path = match path.to_str().filter(|p| crate::article::fetch::is_url(p)) {
        Some(url) => {
            saved = crate::article::web::saved_paths(&app.paths.data_dir, url).article;
            if !saved.is_file() {
                then.extend(fetch_page(app, jobs, url.to_owned(), false));
                return;
            }
            saved.as_path()
        }
        None => path,
    };
    let loaded = Article::load(path).map_err(|e| e.to_string());
    let note = loaded.as_ref().ok().and_then(|a| a.encoding_note.clone());
    let opened = loaded.is_ok();
    let action = match loaded {
        Ok(article) => Action::ArticleOpened(Box::new(article)),
        Err(e) => Action::Error(e),
    };
    then.extend(app.update(action));
    // the text is shown; its annotations follow from a background job
    if opened {
        then.extend(open_annotations(app, jobs, false));
    }
    // a guessed encoding is said, not hidden (article/encoding.rs)
    if let Some(note) = note {
        then.extend(app.update(Action::Info(note)));
    }
}

/// Opening annotations holds back the first screen (so they are there, and editable, at
/// once) unless it re-anchors at least this many items: then the text is shown with the
/// progress while they are placed.
const BACKGROUND_FROM: usize = 5_000;
/// And at most this long, whatever it is doing.
const FIRST_SCREEN_WAIT: Duration = Duration::from_secs(5);

/// Starts opening the shown article's annotations in the background (when the reader has
/// annotation files: not for the sample) and waits briefly for them.
fn open_annotations(app: &mut App, jobs: &mut Jobs, at_start: bool) -> Vec<Effect> {
    let Some(options) = app.session.store_options.clone() else {
        return Vec::new();
    };
    let job = jobs.open_store(Arc::clone(&app.reader.article), options);
    let mut then = app.update(Action::AnnotationsOpening { job, at_start });
    for action in jobs.wait_for(job, BACKGROUND_FROM, FIRST_SCREEN_WAIT) {
        then.extend(app.update(action));
    }
    then
}

/// Saves the annotations (I/O) and tells the app how it went (the effects of that go to
/// `then`). False when saving failed, with the error in the status bar; true when there was
/// nothing to save.
pub fn save(app: &mut App, explicit: bool, then: &mut Vec<Effect>) -> bool {
    let Some(store) = app.session.store.as_mut() else {
        if explicit {
            let why = app.session.no_store();
            then.extend(app.update(Action::Error(why)));
        }
        return true;
    };
    let result = store.save().map_err(|e| e.to_string());
    let saved = result.is_ok();
    then.extend(app.update(Action::Saved { explicit, result }));
    saved
}

/// Keeps a copy of unsaved annotation changes when isnad has to exit without saving them
/// (`annotate::recovery`); what to tell the user on the way out, `None` when nothing was unsaved.
pub fn rescue_unsaved(app: &App) -> Option<String> {
    let store = app.session.store.as_ref()?;
    crate::annotate::recovery::rescue_unsaved(store, &app.paths.data_dir)
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

/// Reads and aligns an extraction file for `:import` (I/O, so called by the loop); the items
/// are added by `update` (only the new ones: `extract::import::only_new`).
pub fn read_import(app: &App, path: &Path) -> Action {
    use crate::extract::import::{Format, prepare, read_file};
    let data = match read_file(path) {
        Ok(d) => d,
        Err(e) => return Action::Error(e),
    };
    let shown = path.display().to_string();
    match prepare(&app.reader.article, &data, &shown, Format::Auto) {
        Ok(prepared) => {
            let summary = format!("{shown}: {}", prepared.summary());
            Action::Imported(prepared.items, summary)
        }
        Err(e) => Action::Error(e.to_string()),
    }
}

/// Reads another annotator's file for `:compare`, placed in the open article (I/O, so called
/// by the loop): items it cannot place are left out of the comparison, and said.
pub fn read_compare(app: &App, path: &Path) -> Action {
    let article = std::sync::Arc::clone(&app.reader.article);
    match crate::annotate::file::read(path, Some(article)) {
        Ok(file) => {
            let r = file.anchor;
            let note = if r.orphaned > 0 {
                format!(
                    " ({} of its items could not be placed in this text and are not compared)",
                    r.orphaned
                )
            } else if r.moved + r.tolerant > 0 {
                " (it was made on another version of the text; its items were re-placed)".into()
            } else {
                String::new()
            };
            Action::CompareLoaded {
                // the file's name: B in the compare bar (the folder is the user's own)
                name: path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                ),
                set: Box::new(file.set),
                note,
            }
        }
        Err(e) => Action::Error(e),
    }
}

/// Writes the annotations in another format next to the article (I/O, called by the loop).
pub fn export(app: &App, format: ExportFormat) -> Action {
    let (Some(_), Some(store)) = (&app.reader.article.path, &app.session.store) else {
        return Action::Error(
            "export needs an article file (the sample has none): run isnad FILE".into(),
        );
    };
    let article = store.article();
    match crate::annotate::formats::export(
        article,
        store.document(),
        store.set(),
        format,
        None,
        &app.session.annotator,
        &mut std::io::sink(),
    ) {
        Ok(exported) => Action::Info(exported.to_string()),
        Err(e) => Action::Error(e),
    }
}

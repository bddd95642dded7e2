//! The event loop: draw, wait for an event (or the tick), hand it to the app with the time, and
//! have [`perform`] carry out the effects; plus [`TerminalControl`], what the effects may do to
//! the real terminal (nothing in tests).

use std::time::{Duration, Instant};

use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::app::Effect;
use crate::app::{Action, App, input};
use crate::config::commands::Command;
use crate::tui::EventSource;
use crate::tui::effects::{self, perform};
use crate::tui::jobs::Jobs;

/// How often the loop wakes without input (message expiry).
const TICK: Duration = Duration::from_millis(250);
/// How often it wakes while a background job runs, to show its progress and its outcome.
const BUSY_TICK: Duration = Duration::from_millis(50);
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
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    events: &mut dyn EventSource,
    control: &mut dyn TerminalControl,
    app: &mut App,
) -> std::io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    run_loop_with(terminal, events, control, app, Vec::new())
}

/// SIGTERM or SIGHUP: quit as `:q` does (saving first); when the save fails (a full disk),
/// exit anyway, keeping a copy of the unsaved work elsewhere.
fn quit_on_signal<B: Backend>(
    terminal: &mut Terminal<B>,
    control: &mut dyn TerminalControl,
    app: &mut App,
    jobs: &mut Jobs,
) -> std::io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let effects = app.update(Action::Run(Command::Quit));
    perform(effects, terminal, control, app, jobs)?;
    if !app.shell.quit {
        app.shell.exit_note = effects::rescue_unsaved(app);
    }
    Ok(())
}

/// A lam-alef key may arrive as two characters: join them before the keymap sees them. A next
/// event that is not the alef is `held` for the next turn of the loop.
fn join_lam_alef(
    events: &mut dyn EventSource,
    event: Event,
    held: &mut Option<Event>,
) -> std::io::Result<Event> {
    if !input::is_lam(&event) {
        return Ok(event);
    }
    if let Some(next) = events.next(LAM_ALEF_WAIT)? {
        match input::join_lam_alef(&event, &next) {
            Some(joined) => return Ok(joined),
            None => *held = Some(next),
        }
    }
    Ok(event)
}

/// [`run_loop`], performing `first` before the first screen (start-up: opening the article's
/// annotations).
pub fn run_loop_with<B: Backend>(
    terminal: &mut Terminal<B>,
    events: &mut dyn EventSource,
    control: &mut dyn TerminalControl,
    app: &mut App,
    first: Vec<Effect>,
) -> std::io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let to_io = |e: B::Error| std::io::Error::other(e);
    let mut jobs = Jobs::default();
    let bg = &mut jobs;
    let size = terminal.size().map_err(to_io)?;
    let mut effects = app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    effects.extend(first);
    perform(effects, terminal, control, app, bg)?;
    let mut held: Option<Event> = None;
    while !app.shell.quit {
        if control.terminate_requested() {
            return quit_on_signal(terminal, control, app, bg);
        }
        terminal
            .draw(|frame| frame.render_widget(&*app, frame.area()))
            .map_err(to_io)?;
        let wait = if bg.busy() { BUSY_TICK } else { TICK };
        let event = match held.take() {
            Some(e) => Some(e),
            None => events.next(wait)?,
        };
        // what background jobs sent meanwhile (progress, annotations opened)
        for action in bg.received() {
            let effects = app.update(action);
            perform(effects, terminal, control, app, bg)?;
        }
        if app.shell.quit {
            break;
        }
        let Some(event) = event else {
            let effects = app.update(Action::Tick(Instant::now()));
            perform(effects, terminal, control, app, bg)?;
            continue;
        };
        let event = join_lam_alef(events, event, &mut held)?;
        // the time the event arrived, for what it changes (messages, the autosave timer)
        app.shell.now = Instant::now();
        let effects = app.handle_event(event);
        perform(effects, terminal, control, app, bg)?;
        // autosave is checked after every event too, so steady typing cannot postpone it
        let effects = app.update(Action::Tick(Instant::now()));
        perform(effects, terminal, control, app, bg)?;
    }
    Ok(())
}

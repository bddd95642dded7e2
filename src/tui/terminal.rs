//! The terminal's lifecycle: raw mode, alternate screen, mouse capture, bracketed paste and the
//! bidi mode of bidi-aware terminals (`CSI 8 l` explicit before entering the alternate screen in
//! app mode, `CSI 8 h` implicit again on exit), restored on every exit path: normal return,
//! error, and a panic (a chained panic hook); suspending and handing the terminal to an editor.

use std::io::{self, Write, stdout};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::ink::InkSafe;

/// The terminal the app draws on.
pub type Tui = Terminal<InkSafe<CrosstermBackend<io::Stdout>>>;

/// BDSM reset + SCP left-to-right: the terminal lays cells out strictly left to right, so text
/// isnad has already reordered is not reordered a second time (VTE, mintty, WezTerm).
pub struct BidiExplicit;

impl crossterm::Command for BidiExplicit {
    fn write_ansi(&self, f: &mut impl std::fmt::Write) -> std::fmt::Result {
        f.write_str("\x1b[8l\x1b[1 k")?;
        tmux_passthrough(f, "\x1b[8l")
    }
}

/// tmux keeps BDSM to itself; wrapped in its DCS passthrough the switch reaches the outer
/// terminal when `allow-passthrough` is on (and is dropped harmlessly when it is off).
fn tmux_passthrough(f: &mut impl std::fmt::Write, sequence: &str) -> std::fmt::Result {
    if std::env::var_os("TMUX").is_some() {
        write!(
            f,
            "\x1bPtmux;{}\x1b\\",
            sequence.replace('\x1b', "\x1b\x1b")
        )?;
    }
    Ok(())
}

/// BDSM set + default direction: the terminal's own bidi again (the standard's default).
pub struct BidiImplicit;

impl crossterm::Command for BidiImplicit {
    fn write_ansi(&self, f: &mut impl std::fmt::Write) -> std::fmt::Result {
        f.write_str("\x1b[8h\x1b[0 k")?;
        tmux_passthrough(f, "\x1b[8h")
    }
}

/// What `init` turned on, so `restore` turns off exactly that.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TerminalOptions {
    pub mouse: bool,
    /// Switch bidi-aware terminals to explicit mode (app rendering mode).
    pub bidi_explicit: bool,
}

/// Set while the terminal is in raw/alternate mode, so the panic hook restores only then.
static ACTIVE: AtomicBool = AtomicBool::new(false);
static MOUSE: AtomicBool = AtomicBool::new(false);
static HOOK: Once = Once::new();

/// Enters full-screen mode. The order matters: explicit bidi mode is sent *before* entering and
/// clearing the alternate screen, because VTE stores the mode per row when rows are created.
pub fn init(options: TerminalOptions) -> io::Result<Tui> {
    install_panic_hook();
    enter(options)?;
    let terminal = Terminal::new(InkSafe::new(CrosstermBackend::new(stdout())));
    if terminal.is_err() {
        restore();
    }
    terminal
}

/// Switches the terminal into full-screen mode (also used to resume after a suspend).
pub fn enter(options: TerminalOptions) -> io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    MOUSE.store(options.mouse, Ordering::SeqCst);
    let mut out = stdout();
    let setup = (|| {
        if options.bidi_explicit {
            execute!(out, BidiExplicit)?;
        }
        execute!(
            out,
            EnterAlternateScreen,
            Clear(ClearType::All),
            EnableBracketedPaste
        )?;
        if options.mouse {
            execute!(out, EnableMouseCapture)?;
        }
        Ok(())
    })();
    if setup.is_err() {
        restore();
    }
    setup
}

/// `Ctrl-z`: gives the terminal back, stops the process like any job (`fg` continues it), then
/// enters full-screen mode again. The caller redraws everything.
#[cfg(unix)]
pub fn suspend(options: TerminalOptions) -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enter(options)
}

/// `E`: gives the terminal to `$VISUAL` (else `$EDITOR`, else `vi`) on a temporary file holding
/// `text`, waits for it, enters full-screen mode again and returns what was saved. The caller
/// redraws everything.
pub fn edit_in_editor(options: TerminalOptions, text: &str) -> io::Result<String> {
    let editor = std::env::var("VISUAL")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .or_else(|| {
            std::env::var("EDITOR")
                .ok()
                .filter(|v| !v.trim().is_empty())
        })
        .unwrap_or_else(|| "vi".to_owned());
    restore();
    let edited = run_editor(&editor, text);
    // back to full screen whatever the editor did
    enter(options)?;
    edited
}

/// Runs `editor` on a temporary file holding `text` and returns the file's new contents. The
/// command may carry arguments (`code --wait`), so it is run through the shell, as git does.
pub fn run_editor(editor: &str, text: &str) -> io::Result<String> {
    let file = tempfile::Builder::new()
        .prefix("isnad-note-")
        .suffix(".txt")
        .tempfile()?;
    std::fs::write(file.path(), text)?;
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("isnad-editor")
        .arg(file.path())
        .status()?;
    if !status.success() {
        return Err(io::Error::other(format!("{editor} exited with {status}")));
    }
    let bytes = std::fs::read(file.path())?;
    String::from_utf8(bytes)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "the note is not UTF-8"))
}

/// Suspending is a Unix job-control feature.
#[cfg(not(unix))]
pub fn suspend(_options: TerminalOptions) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "suspending is not supported on this system",
    ))
}

/// Whether mouse capture is on now (it can be switched while running).
pub fn mouse_enabled() -> bool {
    MOUSE.load(Ordering::SeqCst)
}

/// Leaves full-screen mode and undoes everything `init` did. Safe to call more than once and
/// from the panic hook: errors are ignored so the original problem is not hidden.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = stdout();
    if MOUSE.swap(false, Ordering::SeqCst) {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        BidiImplicit,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Turns mouse capture on or off while running (`:set mouse off`).
pub fn set_mouse(on: bool) -> io::Result<()> {
    if !ACTIVE.load(Ordering::SeqCst) || MOUSE.swap(on, Ordering::SeqCst) == on {
        return Ok(());
    }
    if on {
        execute!(stdout(), EnableMouseCapture)
    } else {
        execute!(stdout(), DisableMouseCapture)
    }
}

/// Switches the terminal's own bidi between explicit (app mode) and implicit (terminal mode).
/// The caller clears and redraws afterwards, since rows keep the mode they were drawn with.
pub fn set_bidi_explicit(explicit: bool) -> io::Result<()> {
    if explicit {
        execute!(stdout(), BidiExplicit)
    } else {
        execute!(stdout(), BidiImplicit)
    }
}

/// Chains a hook in front of the existing one: restore the terminal, then let the previous hook
/// print the message on the normal screen.
pub fn install_panic_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let was_active = ACTIVE.load(Ordering::SeqCst);
            restore();
            previous(info);
            crate::log::write(&format!("panic: {info}"));
            if was_active {
                eprintln!(
                    "\nisnad stopped because of a bug; the terminal has been restored. Annotations \
                     are saved within a second of every change, so at most the last second is \
                     lost. Please report the message above."
                );
                if let Some(path) = crate::log::path() {
                    eprintln!("The log is in {}", path.display());
                }
            }
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_editor_gets_the_note_and_its_changes_come_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        let script = dir.path().join("editor.sh");
        // an "editor" that checks what it was given and appends a line
        std::fs::write(
            &script,
            "#!/bin/sh\ngrep -q 'الأصل' \"$1\" || exit 3\nprintf 'تم التحقق\\n' >> \"$1\"\n",
        )
        .expect("script");
        let edited = run_editor(&format!("sh {}", script.display()), "الأصل\n").expect("edited");
        assert_eq!(edited, "الأصل\nتم التحقق\n");
        // a failing editor is an error, not an empty note
        let failed = run_editor(&format!("sh {}", script.display()), "something else");
        assert!(failed.is_err());
    }
}

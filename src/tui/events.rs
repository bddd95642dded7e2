//! Where the loop gets events from: the real terminal (woken by SIGWINCH, and refusing to spin on
//! a terminal that hung up), a script in tests, and the debug-build wrappers that make the panic
//! and error exits testable.

use std::io;
use std::time::Duration;

use crossterm::event::{Event, KeyCode};

/// Where the loop gets events from: the real terminal, or a script in tests.
pub trait EventSource {
    /// The next event, waiting at most `timeout`; `None` when nothing arrived in time.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>>;
}

/// Events from the terminal.
pub struct TerminalEvents {
    /// Wakes the wait when the window is resized (SIGWINCH), so resizes are not delayed.
    #[cfg(unix)]
    resized: Option<(std::os::unix::net::UnixStream, signal_hook::SigId)>,
}

/// What waiting on the terminal found.
#[cfg(unix)]
enum Wait {
    Input,
    Resized,
    TimedOut,
    HungUp,
}

impl TerminalEvents {
    /// Events of the real terminal.
    ///
    /// crossterm reads the terminal until a read would block, but a terminal that has hung up
    /// (its window closed, the SSH connection lost) answers every read with end-of-file, so it
    /// would spin at full CPU forever and the loop would never see SIGHUP nor save. On Unix
    /// isnad therefore waits for input itself and reports a hang-up as an error, which ends the
    /// loop the error way: annotations saved, terminal state restored.
    pub fn new() -> Self {
        #[cfg(unix)]
        {
            use std::io::IsTerminal;
            let resized = io::stdin()
                .is_terminal()
                .then(|| {
                    let (read, write) = std::os::unix::net::UnixStream::pair().ok()?;
                    read.set_nonblocking(true).ok()?;
                    let id = signal_hook::low_level::pipe::register(
                        signal_hook::consts::SIGWINCH,
                        write,
                    )
                    .ok()?;
                    Some((read, id))
                })
                .flatten();
            Self { resized }
        }
        #[cfg(not(unix))]
        Self {}
    }

    #[cfg(unix)]
    fn wait(wake: &std::os::unix::net::UnixStream, timeout: Duration) -> io::Result<Wait> {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        let stdin = rustix::stdio::stdin();
        let mut fds = [
            PollFd::new(&stdin, PollFlags::IN),
            PollFd::new(wake, PollFlags::IN),
        ];
        let timeout = Timespec {
            tv_sec: i64::try_from(timeout.as_secs()).unwrap_or(i64::MAX),
            tv_nsec: i64::from(timeout.subsec_nanos()),
        };
        match poll(&mut fds, Some(&timeout)) {
            Ok(0) => return Ok(Wait::TimedOut),
            Ok(_) => {}
            // a signal (SIGTERM, SIGHUP): back to the loop, which checks for them
            Err(rustix::io::Errno::INTR) => return Ok(Wait::TimedOut),
            Err(e) => return Err(e.into()),
        }
        let terminal = fds[0].revents();
        if terminal.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
            return Ok(Wait::HungUp);
        }
        if terminal.contains(PollFlags::IN) {
            return Ok(Wait::Input);
        }
        // drain the resize notifications; crossterm reports the new size itself
        let mut buf = [0u8; 64];
        while matches!(io::Read::read(&mut &*wake, &mut buf), Ok(n) if n > 0) {}
        Ok(Wait::Resized)
    }
}

impl Default for TerminalEvents {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(unix)]
impl Drop for TerminalEvents {
    fn drop(&mut self) {
        if let Some((_, id)) = self.resized.take() {
            signal_hook::low_level::unregister(id);
        }
    }
}

impl EventSource for TerminalEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        #[cfg(unix)]
        if let Some((wake, _)) = &self.resized {
            let hung_up = || {
                io::Error::new(
                    io::ErrorKind::BrokenPipe,
                    "the terminal hung up (window closed or connection lost)",
                )
            };
            // crossterm must never read a hung-up terminal: look before every call to it
            if matches!(Self::wait(wake, Duration::ZERO)?, Wait::HungUp) {
                return Err(hung_up());
            }
            // events crossterm has already read come first
            if crossterm::event::poll(Duration::ZERO)? {
                return crossterm::event::read().map(Some);
            }
            return match Self::wait(wake, timeout)? {
                Wait::HungUp => Err(hung_up()),
                Wait::TimedOut => Ok(None),
                Wait::Input | Wait::Resized => {
                    // a short wait: a resize signal may arrive just before crossterm's own
                    if crossterm::event::poll(Duration::from_millis(5))? {
                        crossterm::event::read().map(Some)
                    } else {
                        Ok(None)
                    }
                }
            };
        }
        if crossterm::event::poll(timeout)? {
            crossterm::event::read().map(Some)
        } else {
            Ok(None)
        }
    }
}

/// Events from a list, for tests. Running out is an error, so a test can never hang waiting.
pub struct ScriptedEvents {
    events: std::collections::VecDeque<Event>,
}

impl ScriptedEvents {
    pub fn new(events: impl IntoIterator<Item = Event>) -> Self {
        Self {
            events: events.into_iter().collect(),
        }
    }
}

impl EventSource for ScriptedEvents {
    fn next(&mut self, _timeout: Duration) -> io::Result<Option<Event>> {
        self.events
            .pop_front()
            .map(Some)
            .ok_or_else(|| io::Error::new(io::ErrorKind::UnexpectedEof, "scripted events ran out"))
    }
}

/// Debug builds only: `ISNAD_DEBUG_PANIC=1` panics on the first key, to test that the panic
/// hook restores the terminal.
pub struct PanicOnKey<E>(pub E);

impl<E: EventSource> EventSource for PanicOnKey<E> {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        let event = self.0.next(timeout)?;
        if matches!(event, Some(Event::Key(_))) {
            panic!("ISNAD_DEBUG_PANIC: deliberate panic to test terminal restore");
        }
        Ok(event)
    }
}

/// Debug builds only: `ISNAD_DEBUG_ERROR=1` makes reading the terminal fail at the key F12, as
/// when the terminal goes away, to test the error path (annotations saved, terminal restored,
/// message on the normal screen).
pub struct FailOnF12<E>(pub E);

impl<E: EventSource> EventSource for FailOnF12<E> {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        let event = self.0.next(timeout)?;
        if let Some(Event::Key(key)) = &event
            && key.code == KeyCode::F(12)
        {
            return Err(io::Error::other(
                "ISNAD_DEBUG_ERROR: deliberate terminal read error",
            ));
        }
        Ok(event)
    }
}

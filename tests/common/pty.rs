//! The pseudo-terminal harness of the real-terminal tests (`tests/pty.rs`,
//! `tests/pty_reanchor.rs`): the binary runs in a pty, its output is parsed by vt100, and
//! [`Pty::assert_restored`] checks the terminal is left as it was. Each test crate uses part
//! of it.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub struct Pty {
    pub master: Box<dyn MasterPty + Send>,
    /// The pty's line settings before the app ran (cooked mode): raw mode must be undone to this.
    pub cooked: LineMode,
    pub writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    pub output: Receiver<Vec<u8>>,
    pub parser: vt100::Parser,
    pub raw: Vec<u8>,
    pub _home: tempfile::TempDir,
}

/// The binary's home, configuration, state and data folders under `home`, and an xterm.
pub fn home_env(cmd: &mut CommandBuilder, home: &Path) {
    cmd.env("HOME", home);
    cmd.env("XDG_CONFIG_HOME", home.join("config"));
    cmd.env("XDG_STATE_HOME", home.join("state"));
    cmd.env("XDG_DATA_HOME", home.join("data"));
    cmd.env("TERM", "xterm-256color");
}

pub fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("non-zero")
}

/// The pty's line discipline flags (termios input, output and local flags, as their names), read
/// from the master side, so they can be read after the app has exited. Raw mode clears ICANON,
/// ECHO, ISIG, ICRNL, OPOST and more; restoring puts back exactly what was there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineMode {
    input: String,
    pub output: String,
    local: String,
}

impl LineMode {
    pub fn of(master: &dyn MasterPty) -> Self {
        let t = master.get_termios().expect("termios of the pty");
        Self {
            input: format!("{:?}", t.input_flags),
            output: format!("{:?}", t.output_flags),
            local: format!("{:?}", t.local_flags),
        }
    }

    pub fn is_cooked(&self) -> bool {
        ["ICANON", "ECHO", "ISIG"]
            .iter()
            .all(|flag| self.local.split(['(', ')', ' ', '|']).any(|f| f == *flag))
    }
}

impl Pty {
    pub fn spawn(args: &[&str], env: &[(&str, &str)], setup: impl FnOnce(&Path)) -> Self {
        Self::spawn_in(None, 80, args, env, setup)
    }

    /// [`Pty::spawn`] in the folder `cwd` (the temporary home when `None`), `cols` wide.
    pub fn spawn_in(
        cwd: Option<&Path>,
        cols: u16,
        args: &[&str],
        env: &[(&str, &str)],
        setup: impl FnOnce(&Path),
    ) -> Self {
        let home = tempfile::tempdir().expect("tempdir");
        setup(home.path());
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let cooked = LineMode::of(pair.master.as_ref());
        assert!(
            cooked.is_cooked(),
            "a new pty starts in cooked mode: {cooked:?}"
        );
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_isnad"));
        cmd.args(args);
        cmd.cwd(cwd.unwrap_or(home.path()));
        for var in [
            "NO_COLOR",
            "KITTY_WINDOW_ID",
            "KONSOLE_VERSION",
            "MLTERM",
            "ISNAD_CONFIG",
        ] {
            cmd.env_remove(var);
        }
        home_env(&mut cmd, home.path());
        cmd.env("RUST_BACKTRACE", "0");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Self {
            master: pair.master,
            cooked,
            writer,
            child,
            output: rx,
            parser: vt100::Parser::new(nz(24), nz(cols), 200),
            raw: Vec::new(),
            _home: home,
        }
    }

    pub fn pump(&mut self) {
        while let Ok(bytes) = self.output.try_recv() {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
    }

    pub fn wait_for(&mut self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        self.wait_for_within(Duration::from_secs(10), what, pred);
    }

    pub fn wait_for_within(
        &mut self,
        limit: Duration,
        what: &str,
        pred: impl Fn(&vt100::Screen) -> bool,
    ) {
        let deadline = Instant::now() + limit;
        loop {
            self.pump();
            if pred(self.parser.screen()) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{}",
                self.parser.screen().contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_text(&mut self, needle: &str) {
        let n = needle.to_owned();
        self.wait_for(needle, move |s| s.contents().contains(&n));
    }

    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                std::thread::sleep(Duration::from_millis(50));
                self.pump();
                return status;
            }
            assert!(Instant::now() < deadline, "did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Sends `q` and checks the app quits successfully within three seconds, leaving the
    /// terminal restored (a background job must never hold it up).
    pub fn quit_at_once(&mut self) {
        let asked = Instant::now();
        self.send("q");
        assert!(self.wait_exit().success());
        let took = asked.elapsed();
        assert!(took < Duration::from_secs(3), "q took {took:?}");
        self.assert_restored();
    }

    /// What every way out must leave behind: the terminal exactly as it was before isnad
    /// started. Raw mode off (line settings back to cooked), the normal screen, no mouse
    /// reporting in any encoding, no bracketed paste, a visible cursor, and the terminal's own
    /// bidi (`CSI 8 h` and `CSI 0 SP k`, sent after leaving the alternate screen, whose rows
    /// would otherwise keep the explicit mode).
    pub fn assert_restored(&self) {
        let s = self.parser.screen();
        assert!(!s.alternate_screen(), "still on the alternate screen");
        assert_eq!(
            s.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse left on"
        );
        assert_eq!(
            s.mouse_protocol_encoding(),
            vt100::MouseProtocolEncoding::Default,
            "mouse encoding (SGR/UTF-8) left on"
        );
        assert!(!s.bracketed_paste(), "bracketed paste left on");
        assert!(!s.hide_cursor(), "cursor left hidden");
        let raw = String::from_utf8_lossy(&self.raw);
        let leave = raw.rfind("\x1b[?1049l").expect("left the alternate screen");
        let implicit = raw
            .rfind("\x1b[8h\x1b[0 k")
            .expect("bidi implicit mode and default direction restored");
        assert!(
            implicit > leave,
            "CSI 8 h comes after leaving the alternate screen"
        );
        let enter = raw
            .rfind("\x1b[?1049h")
            .expect("entered the alternate screen");
        assert!(
            leave > enter,
            "the last alternate-screen switch is the exit"
        );
        assert_eq!(
            LineMode::of(self.master.as_ref()),
            self.cooked,
            "raw mode left on: the pty's line settings differ from before"
        );
    }

    pub fn assert_raw_mode_on(&self) {
        let now = LineMode::of(self.master.as_ref());
        assert!(
            !now.is_cooked(),
            "raw mode is not on while running: {now:?}"
        );
    }

    pub fn kill(&self, signal: &str) {
        let pid = self.child.process_id().expect("pid");
        // the shell's built-in kill, so no separate binary is needed
        let status = std::process::Command::new("sh")
            .args(["-c", &format!("kill -{signal} {pid}")])
            .status()
            .expect("kill");
        assert!(status.success());
    }
}

impl Drop for Pty {
    /// A failed assertion must not leave the app running (it would hold a mounted folder busy).
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

pub fn has_presentation_forms(s: &vt100::Screen) -> bool {
    s.contents()
        .chars()
        .filter(|c| ('\u{FE70}'..='\u{FEFF}').contains(c))
        .count()
        > 100
}

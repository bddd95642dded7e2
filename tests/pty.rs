//! Real-terminal tests: the binary runs in a pseudo-terminal, its output is parsed by vt100, and
//! we check what a user would see (shaped Arabic), that keys work, and that the terminal is
//! restored (alternate screen, mouse, bracketed paste, bidi mode) after quit, and after a panic.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

struct Pty {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
    raw: Vec<u8>,
    _home: tempfile::TempDir,
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("non-zero")
}

impl Pty {
    fn spawn(args: &[&str], env: &[(&str, &str)], setup: impl FnOnce(&std::path::Path)) -> Self {
        let home = tempfile::tempdir().expect("tempdir");
        setup(home.path());
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_isnad"));
        cmd.args(args);
        cmd.cwd(home.path());
        for var in [
            "NO_COLOR",
            "KITTY_WINDOW_ID",
            "KONSOLE_VERSION",
            "MLTERM",
            "ISNAD_CONFIG",
        ] {
            cmd.env_remove(var);
        }
        let h = home.path();
        cmd.env("HOME", h);
        cmd.env("XDG_CONFIG_HOME", h.join("config"));
        cmd.env("XDG_STATE_HOME", h.join("state"));
        cmd.env("XDG_DATA_HOME", h.join("data"));
        cmd.env("TERM", "xterm-256color");
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
            writer,
            child,
            output: rx,
            parser: vt100::Parser::new(nz(24), nz(80), 200),
            raw: Vec::new(),
            _home: home,
        }
    }

    fn pump(&mut self) {
        while let Ok(bytes) = self.output.try_recv() {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
    }

    fn wait_for(&mut self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
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

    fn wait_text(&mut self, needle: &str) {
        let n = needle.to_owned();
        self.wait_for(needle, move |s| s.contents().contains(&n));
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
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

    fn assert_restored(&self) {
        let s = self.parser.screen();
        assert!(!s.alternate_screen(), "still on the alternate screen");
        assert_eq!(
            s.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse left on"
        );
        assert!(!s.bracketed_paste(), "bracketed paste left on");
        let raw = String::from_utf8_lossy(&self.raw);
        let leave = raw.rfind("\x1b[?1049l").expect("left the alternate screen");
        let implicit = raw.rfind("\x1b[8h").expect("bidi implicit mode restored");
        assert!(
            implicit > leave,
            "CSI 8 h comes after leaving the alternate screen"
        );
    }
}

fn has_presentation_forms(s: &vt100::Screen) -> bool {
    s.contents()
        .chars()
        .filter(|c| ('\u{FE70}'..='\u{FEFF}').contains(c))
        .count()
        > 100
}

#[test]
fn shows_shaped_text_scrolls_and_quits_restoring_the_terminal() {
    let mut pty = Pty::spawn(&[], &[], |_| {});
    pty.wait_for("shaped Arabic", has_presentation_forms);
    assert!(pty.parser.screen().alternate_screen());
    assert_ne!(
        pty.parser.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
    assert!(pty.parser.screen().bracketed_paste());
    let raw = String::from_utf8_lossy(&pty.raw).into_owned();
    let explicit = raw.find("\x1b[8l").expect("explicit bidi mode sent");
    let enter = raw.find("\x1b[?1049h").expect("alternate screen");
    assert!(
        explicit < enter,
        "CSI 8 l must come before entering the alternate screen"
    );
    pty.wait_text("sample-article.txt");
    pty.wait_text("  0%");
    pty.send("G");
    pty.wait_text("100%");
    pty.send("?");
    pty.wait_text("Keys (Esc closes)");
    pty.send("?");
    pty.wait_for("help closed", |s| {
        !s.contents().contains("Keys (Esc closes)")
    });
    pty.send("q");
    let status = pty.wait_exit();
    assert!(status.success());
    pty.assert_restored();
    assert!(
        !pty._home.path().join("state/isnad/isnad.log").exists(),
        "no log unless -v or ISNAD_LOG"
    );
}

#[test]
fn resize_reflows() {
    let mut pty = Pty::spawn(&[], &[], |_| {});
    pty.wait_for("shaped Arabic", has_presentation_forms);
    pty.master
        .resize(PtySize {
            rows: 15,
            cols: 40,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("resize");
    pty.parser.set_size(nz(15), nz(40));
    // the redrawn status bar ends at column 40 (the old one, cut by the resize, cannot match):
    // wait for it before typing, or the key can race the resize
    pty.wait_for("status bar redrawn at 40 columns", |s| {
        let bar = s.contents_between(14, 0, 14, 40);
        bar.contains("sample-article.txt") && bar.trim_end().ends_with("0%")
    });
    pty.send("q");
    assert!(pty.wait_exit().success());
    pty.assert_restored();
}

#[test]
fn panic_restores_the_terminal_and_prints_the_message() {
    if !cfg!(debug_assertions) {
        return; // the panic trigger exists only in debug builds
    }
    let mut pty = Pty::spawn(
        &[],
        &[("ISNAD_DEBUG_PANIC", "1"), ("ISNAD_LOG", "1")],
        |_| {},
    );
    pty.wait_for("shaped Arabic", has_presentation_forms);
    pty.send("j");
    let status = pty.wait_exit();
    assert!(!status.success());
    pty.assert_restored();
    pty.wait_text("deliberate panic");
    pty.wait_text("the terminal has been restored");
    pty.wait_text("The log is in");
    let log = std::fs::read_to_string(pty._home.path().join("state/isnad/isnad.log")).expect("log");
    assert!(
        log.contains("panic: ") && log.contains("deliberate panic"),
        "{log}"
    );
    assert!(log.contains("started"));
}

#[test]
fn broken_config_still_shows_the_article_and_the_error() {
    let mut pty = Pty::spawn(&[], &[], |home| {
        let dir = home.join("config/isnad");
        std::fs::create_dir_all(&dir).expect("mkdir");
        std::fs::write(dir.join("config.toml"), "[general]\nmouse = maybe\n").expect("write");
    });
    pty.wait_for("shaped Arabic", has_presentation_forms);
    pty.wait_text("config.toml:2:9");
    pty.send("q");
    assert!(pty.wait_exit().success());
    pty.assert_restored();
}

#[test]
fn terminal_mode_key_switches_to_logical_text_and_implicit_bidi() {
    let mut pty = Pty::spawn(&[], &[], |_| {});
    pty.wait_for("shaped Arabic", has_presentation_forms);
    pty.send("m");
    pty.wait_text("TERMINAL");
    pty.wait_text("أعلن المتحدث");
    assert!(!has_presentation_forms(pty.parser.screen()));
    let raw = String::from_utf8_lossy(&pty.raw).into_owned();
    assert!(
        raw.matches("\x1b[8h").count() >= 1,
        "implicit mode sent for terminal rendering"
    );
    pty.send("q");
    assert!(pty.wait_exit().success());
}

#[test]
fn missing_file_is_an_error_without_starting_the_ui() {
    let mut pty = Pty::spawn(&["no-such-article.txt"], &[], |_| {});
    let status = pty.wait_exit();
    assert!(!status.success());
    pty.wait_text("no-such-article.txt: cannot read");
    let raw = String::from_utf8_lossy(&pty.raw);
    assert!(
        !raw.contains("\x1b[?1049h"),
        "the full-screen UI was started"
    );
}

#[test]
fn sigterm_quits_and_restores_the_terminal() {
    let mut pty = Pty::spawn(&[], &[], |_| {});
    pty.wait_for("shaped Arabic", has_presentation_forms);
    pty.send("c");
    pty.wait_text("add claim");
    let pid = pty.child.process_id().expect("pid");
    // the shell's built-in kill, so no separate binary is needed
    let status = std::process::Command::new("sh")
        .args(["-c", &format!("kill -TERM {pid}")])
        .status()
        .expect("kill");
    assert!(status.success());
    let exit = pty.wait_exit();
    assert!(exit.success(), "SIGTERM is a normal quit");
    pty.assert_restored();
    // the sample has no file of its own, so its annotations live in the data directory
    let file = pty
        ._home
        .path()
        .join("data/isnad/annotations/sample-article.isnad.json");
    let text = std::fs::read_to_string(&file).expect("saved on SIGTERM");
    assert!(text.contains("\"claims\": [\n    {"), "{text}");
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_resumes() {
    let mut pty = Pty::spawn(&[], &[], |_| {});
    pty.wait_for("shaped Arabic", has_presentation_forms);
    let before = String::from_utf8_lossy(&pty.raw)
        .matches("\x1b[?1049l")
        .count();
    pty.send("\x1a");
    // a process without job control (as here) is not stopped by SIGTSTP, so it comes straight
    // back: the alternate screen was left once and entered again
    let deadline = Instant::now() + Duration::from_secs(10);
    while String::from_utf8_lossy(&pty.raw)
        .matches("\x1b[?1049l")
        .count()
        == before
    {
        assert!(Instant::now() < deadline, "never left the alternate screen");
        std::thread::sleep(Duration::from_millis(20));
        pty.pump();
    }
    pty.wait_for("resumed", |s| {
        s.alternate_screen() && has_presentation_forms(s)
    });
    pty.send("G");
    pty.wait_text("100%");
    pty.send("q");
    assert!(pty.wait_exit().success());
    pty.assert_restored();
}

#[test]
fn annotations_of_a_file_are_saved_beside_it_on_quit() {
    let mut pty = Pty::spawn(&["article.txt"], &[], |home| {
        std::fs::write(home.join("article.txt"), "قال المتحدث إن الوضع هادئ.\n").expect("write");
    });
    pty.wait_text("article.txt");
    pty.send("vws");
    pty.wait_text("add source");
    pty.send("q");
    assert!(pty.wait_exit().success());
    let text =
        std::fs::read_to_string(pty._home.path().join("article.isnad.json")).expect("sidecar");
    assert!(text.contains("\"exact\": \"قال المتحدث\""), "{text}");
}

#[test]
fn hostile_article_cannot_reach_the_terminal() {
    // An OSC title change, a colour, a cursor jump, BEL, backspace and CR inside the article.
    let hostile =
        "خبر \u{1b}]0;PWNED\u{7} عاجل \u{1b}[38;5;201mلون\u{1b}[7;77Hقفز\u{8}\r نهاية\u{9b}31m\n";
    let mut pty = Pty::spawn(&["hostile.txt"], &[], |home| {
        std::fs::write(home.join("hostile.txt"), hostile).expect("write");
    });
    pty.wait_text("hostile.txt");
    // The controls are drawn as visible symbols...
    pty.wait_for("visible control pictures", |s| {
        let text = s.contents();
        text.contains('␛') && text.contains('␇') && text.contains('␈') && text.contains('␍')
    });
    pty.send("q");
    assert!(pty.wait_exit().success());
    pty.assert_restored();
    // ...and none of the sequences ever reached the terminal.
    let raw = String::from_utf8_lossy(&pty.raw);
    for sequence in [
        "\u{1b}]0;PWNED",
        "\u{1b}[38;5;201m",
        "\u{1b}[7;77H",
        "\u{7}",
        "\u{8}",
        "\u{9b}",
    ] {
        assert!(
            !raw.contains(sequence),
            "{sequence:?} from the article was sent to the terminal"
        );
    }
}

#[test]
fn sigkill_loses_at_most_the_last_second() {
    let mut pty = Pty::spawn(&["article.txt"], &[], |home| {
        std::fs::write(home.join("article.txt"), "قال المتحدث إن الوضع هادئ.\n").expect("write");
    });
    pty.wait_text("article.txt");
    pty.send("vws");
    pty.wait_text("add source");
    // A change older than a second must be on disk even if the process dies without warning.
    std::thread::sleep(Duration::from_millis(1200));
    let pid = pty.child.process_id().expect("pid");
    let status = std::process::Command::new("sh")
        .args(["-c", &format!("kill -KILL {pid}")])
        .status()
        .expect("kill");
    assert!(status.success());
    pty.wait_exit();
    let text = std::fs::read_to_string(pty._home.path().join("article.isnad.json"))
        .expect("saved before the kill");
    assert!(text.contains("\"exact\": \"قال المتحدث\""), "{text}");
}

#[test]
fn sighup_saves_and_restores_the_terminal() {
    let mut pty = Pty::spawn(&["article.txt"], &[], |home| {
        std::fs::write(home.join("article.txt"), "قال المتحدث إن الوضع هادئ.\n").expect("write");
    });
    pty.wait_text("article.txt");
    pty.send("c");
    pty.wait_text("add claim");
    let pid = pty.child.process_id().expect("pid");
    let status = std::process::Command::new("sh")
        .args(["-c", &format!("kill -HUP {pid}")])
        .status()
        .expect("kill");
    assert!(status.success());
    pty.wait_exit();
    pty.assert_restored();
    let text = std::fs::read_to_string(pty._home.path().join("article.isnad.json"))
        .expect("saved on SIGHUP");
    assert!(text.contains("\"claims\": [\n    {"), "{text}");
}

//! Real-terminal tests: the binary runs in a pseudo-terminal, its output is parsed by vt100, and
//! we check what a user would see (shaped Arabic), that keys work, that the terminal is restored
//! (raw mode, alternate screen, mouse, bracketed paste, cursor, bidi mode: one shared check,
//! [`Pty::assert_restored`]) after quit, an error, a panic, SIGTERM and SIGHUP, and that
//! annotations survive kills, a full disk and write-protected files.

#[path = "common/pty.rs"]
mod pty_harness;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use std::io::{Read, Write};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use pty_harness::{Pty, has_presentation_forms, home_env, nz};

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
    pty.assert_raw_mode_on();
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
    pty.assert_restored();
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
    pty.wait_text("» added");
    pty.kill("TERM");
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
    pty.wait_text("» added");
    pty.send("q");
    assert!(pty.wait_exit().success());
    pty.assert_restored();
    let text =
        std::fs::read_to_string(pty._home.path().join("article.isnad.json")).expect("sidecar");
    assert!(text.contains("\"exact\": \"قال المتحدث\""), "{text}");
}

/// Tags a source in a fresh article with `env` and `config` (config.toml's text, if any) and
/// returns the `review.by` the saved file records.
fn saved_by(env: &[(&str, &str)], config: Option<&str>) -> String {
    let mut pty = Pty::spawn(&["article.txt"], env, |home| {
        std::fs::write(home.join("article.txt"), "قال المتحدث إن الوضع هادئ.\n").expect("write");
        if let Some(config) = config {
            let dir = home.join("config/isnad");
            std::fs::create_dir_all(&dir).expect("mkdir");
            std::fs::write(dir.join("config.toml"), config).expect("write");
        }
    });
    pty.wait_text("article.txt");
    pty.send("vws");
    pty.wait_text("» added");
    pty.send("q");
    assert!(pty.wait_exit().success());
    let text =
        std::fs::read_to_string(pty._home.path().join("article.isnad.json")).expect("sidecar");
    let file: serde_json::Value = serde_json::from_str(&text).expect("json");
    file["sources"][0]["review"]["by"]
        .as_str()
        .expect("review.by")
        .to_owned()
}

#[test]
fn saves_record_the_configured_annotator_else_the_login_name() {
    let config = "[general]\nannotator = \"carol\"\n";
    assert_eq!(saved_by(&[("USER", "dave")], Some(config)), "carol");
    assert_eq!(saved_by(&[("USER", "dave")], None), "dave");
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
    pty.wait_text("» added");
    // A change older than a second must be on disk even if the process dies without warning.
    std::thread::sleep(Duration::from_millis(1200));
    pty.kill("KILL");
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
    pty.wait_text("» added");
    pty.kill("HUP");
    pty.wait_exit();
    pty.assert_restored();
    let text = std::fs::read_to_string(pty._home.path().join("article.isnad.json"))
        .expect("saved on SIGHUP");
    assert!(text.contains("\"claims\": [\n    {"), "{text}");
}

#[test]
fn an_error_in_the_running_app_saves_and_restores_the_terminal() {
    if !cfg!(debug_assertions) {
        return; // the error trigger exists only in debug builds
    }
    let mut pty = Pty::spawn(&["article.txt"], &[("ISNAD_DEBUG_ERROR", "1")], |home| {
        std::fs::write(home.join("article.txt"), "قال المتحدث إن الوضع هادئ.\n").expect("write");
    });
    pty.wait_text("article.txt");
    pty.assert_raw_mode_on();
    // The claim and the failing key arrive together, so the loop fails before the autosave
    // delay has passed: only the error path can have saved the claim.
    pty.send("c\x1b[24~");
    let status = pty.wait_exit();
    assert!(!status.success(), "an error exits with a failure status");
    pty.assert_restored();
    pty.wait_text("isnad: terminal error: ISNAD_DEBUG_ERROR: deliberate terminal read error");
    let text = std::fs::read_to_string(pty._home.path().join("article.isnad.json"))
        .expect("saved on the error path");
    assert!(text.contains("\"claims\": [\n    {"), "{text}");
}

/// A tmpfs mounted on a temporary folder for the life of the guard. Mounting needs privileges
/// (root here; CI containers may refuse), so [`Tmpfs::mount`] says why it could not.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Result<Self, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let out = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size},mode=0755")])
            .arg("isnad-test")
            .arg(dir.path())
            .output()
            .map_err(|e| format!("cannot run mount: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "mount failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        Ok(Self { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        // unmounted before the TempDir field removes the (then empty) mount point
        let unmounted = std::process::Command::new("umount")
            .arg(self.dir.path())
            .status()
            .is_ok_and(|s| s.success());
        if !unmounted {
            // still busy (a failed test's child): detach it now, the kernel frees it later
            let _ = std::process::Command::new("umount")
                .arg("-l")
                .arg(self.dir.path())
                .status();
        }
    }
}

/// Fills the file system holding `dir` with `dir/filler` until a write fails.
fn fill_disk(dir: &Path) -> PathBuf {
    let filler = dir.join("filler");
    let mut file = std::fs::File::create(&filler).expect("filler");
    let chunk = vec![0x55u8; 64 * 1024];
    loop {
        if let Err(e) = file.write_all(&chunk) {
            assert_eq!(e.raw_os_error(), Some(28), "expected ENOSPC, got {e}");
            break;
        }
    }
    drop(file);
    // tmpfs allocates whole pages: now not even one byte of a new file fits
    let probe = dir.join("probe");
    let full = std::fs::write(&probe, b"x").is_err();
    let _ = std::fs::remove_file(&probe);
    assert!(full, "the disk is not full");
    filler
}

/// Names in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A 1 MB tmpfs holding `article.txt`, or `None` (said on stderr, naming `test`) where mounting
/// is not permitted.
fn small_disk_with_article(test: &str) -> Option<Tmpfs> {
    let tmpfs = match Tmpfs::mount("1m") {
        Ok(t) => t,
        Err(why) => {
            eprintln!("skipped {test}: {why}");
            return None;
        }
    };
    std::fs::write(
        tmpfs.path().join("article.txt"),
        "قال المتحدث إن الوضع هادئ.\n",
    )
    .expect("article");
    Some(tmpfs)
}

#[test]
fn a_full_disk_keeps_the_previous_file_and_says_so() {
    let Some(tmpfs) = small_disk_with_article("a_full_disk_keeps_the_previous_file_and_says_so")
    else {
        return;
    };
    let dir = tmpfs.path();
    let sidecar = dir.join("article.isnad.json");

    // A first session writes the annotation file.
    let mut first = Pty::spawn_in(Some(dir), 120, &["article.txt"], &[], |_| {});
    first.wait_text("article.txt");
    first.send("vws");
    first.wait_text("» added");
    first.send("q");
    assert!(first.wait_exit().success());
    drop(first);
    let before = std::fs::read(&sidecar).expect("first session saved");
    assert!(String::from_utf8_lossy(&before).contains("\"exact\": \"قال المتحدث\""));

    let filler = fill_disk(dir);
    let mut pty = Pty::spawn_in(Some(dir), 160, &["article.txt"], &[], |_| {});
    pty.wait_text("article.txt");
    pty.send("c");
    // the autosave fails: the status bar (bottom row) says so, in words
    pty.wait_for("disk-full error in the status bar", |s| {
        let bar = s.contents_between(23, 0, 23, 160);
        bar.contains("not saved: article.isnad.json: disk full; the previous version is kept")
    });
    assert_eq!(std::fs::read(&sidecar).expect("sidecar"), before);
    // the autosave keeps retrying, so a temporary file may exist for an instant; none may stay
    let leftovers = (0..5).all(|_| {
        std::thread::sleep(Duration::from_millis(100));
        // the lock file of the first session's save stays (it is never removed)
        listing(dir)
            != [
                ".article.isnad.json.lock",
                "article.isnad.json",
                "article.txt",
                "filler",
            ]
    });
    assert!(
        !leftovers,
        "temporary files left behind: {:?}",
        listing(dir)
    );

    // Quitting must not drop the claim: the app stays and says how to quit anyway.
    pty.send("q");
    pty.wait_text("the previous version is kept; :q! quits without saving");
    assert!(
        matches!(pty.child.try_wait(), Ok(None)),
        "quit with unsaved changes"
    );
    assert_eq!(std::fs::read(&sidecar).expect("sidecar"), before);

    // Once there is room again, the next quit saves everything.
    std::fs::remove_file(&filler).expect("free the disk");
    pty.send("q");
    assert!(pty.wait_exit().success());
    pty.assert_restored();
    let after = std::fs::read_to_string(&sidecar).expect("sidecar");
    assert!(after.contains("\"claims\": [\n    {"), "{after}");
    assert!(after.contains("\"exact\": \"قال المتحدث\""), "{after}");
    assert_eq!(
        std::fs::read(dir.join("article.isnad.json.bak")).expect("backup"),
        before
    );
    assert_eq!(
        listing(dir),
        [
            ".article.isnad.json.lock",
            "article.isnad.json",
            "article.isnad.json.bak",
            "article.txt"
        ],
        "no temporary file is left from the failed saves"
    );
    drop(pty);
}

#[test]
fn sigterm_on_a_full_disk_keeps_the_unsaved_changes_elsewhere() {
    let Some(tmpfs) =
        small_disk_with_article("sigterm_on_a_full_disk_keeps_the_unsaved_changes_elsewhere")
    else {
        return;
    };
    let dir = tmpfs.path();
    let _filler = fill_disk(dir);
    let mut pty = Pty::spawn_in(Some(dir), 160, &["article.txt"], &[], |_| {});
    pty.wait_text("article.txt");
    pty.send("vwc");
    pty.wait_for("disk-full error in the status bar", |s| {
        s.contents_between(23, 0, 23, 160)
            .contains("not saved: article.isnad.json: disk full")
    });
    // The session is ended from outside: isnad cannot ask, so it keeps a copy and says where.
    pty.kill("TERM");
    let exit = pty.wait_exit();
    assert!(
        !exit.success(),
        "exiting without saving is not a normal quit"
    );
    pty.assert_restored();
    let recovery = pty._home.path().join("data/isnad/recovery");
    let kept = listing(&recovery);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(kept[0].ends_with("-article.isnad.json"), "{kept:?}");
    let copy = recovery.join(&kept[0]);
    let text = std::fs::read_to_string(&copy).expect("the copy");
    assert!(text.contains("\"exact\": \"قال\""), "{text}");
    let said = String::from_utf8_lossy(&pty.raw).replace("\r\n", " ");
    assert!(
        said.contains(&format!("the unsaved changes are in {}", copy.display())),
        "{said}"
    );
    assert!(!dir.join("article.isnad.json").exists());
    drop(pty);
}

#[cfg(unix)]
#[test]
fn a_write_protected_annotation_file_opens_read_only_and_is_never_written() {
    use std::os::unix::fs::PermissionsExt;
    let text = "قال المتحدث إن الوضع هادئ.\n";
    let mut before = Vec::new();
    let mut pty = Pty::spawn_in(None, 120, &["article.txt"], &[], |home| {
        let article = home.join("article.txt");
        std::fs::write(&article, text).expect("write");
        // an annotation file with one claim, written by the library, then made read-only
        let a = isnad::article::Article::load(&article).expect("article");
        let options = isnad::annotate::StoreOptions {
            annotations: None,
            data_dir: Some(home.join("data")),
        };
        let mut store = isnad::annotate::AnnotationStore::open(a.clone(), &options);
        let claim = isnad::annotate::Claim::by_human(&a, 0..6, "someone").expect("claim");
        store
            .apply(isnad::annotate::Edit::Add(isnad::annotate::Item::Claim(
                claim,
            )))
            .expect("apply");
        store.save().expect("save");
        let sidecar = home.join("article.isnad.json");
        std::fs::set_permissions(&sidecar, std::fs::Permissions::from_mode(0o444)).expect("chmod");
        before = std::fs::read(&sidecar).expect("read");
    });
    let home = pty._home.path().to_path_buf();
    pty.wait_for("read-only message in the status bar", |s| {
        let bar = s.contents_between(23, 0, 23, 120);
        bar.contains("[RO]")
            && bar.contains("annotations are read-only: article.isnad.json is write-protected")
    });
    // Edits are refused with a message, and nothing reaches the disk.
    pty.send("vws");
    pty.wait_text("annotations are read-only");
    pty.send("c");
    std::thread::sleep(Duration::from_millis(1200));
    pty.send("\x13"); // Ctrl-s: an explicit save
    pty.wait_text("not saved");
    pty.send("q");
    assert!(pty.wait_exit().success());
    pty.assert_restored();
    let sidecar = home.join("article.isnad.json");
    assert_eq!(std::fs::read(&sidecar).expect("sidecar"), before);
    assert_eq!(
        std::fs::metadata(&sidecar)
            .expect("meta")
            .permissions()
            .mode()
            & 0o777,
        0o444
    );
    let mut names = listing(&home);
    names.retain(|n| !["config", "state", "data"].contains(&n.as_str()));
    assert_eq!(
        names,
        [
            ".article.isnad.json.lock",
            "article.isnad.json",
            "article.txt"
        ],
        "no backup, no temporary file (the lock is the library's save before the chmod)"
    );
}

#[test]
fn a_200_megabyte_article_opens_in_the_reader() {
    let size: u64 = 200 * 1024 * 1024;
    let mut pty = Pty::spawn(&["big.txt"], &[], |home| {
        let paragraph = format!("{}\n\n", isnad::article::SAMPLE_TEXT.trim_end());
        let mut out =
            std::io::BufWriter::new(std::fs::File::create(home.join("big.txt")).expect("create"));
        let mut written = 0;
        while written < size {
            out.write_all(paragraph.as_bytes()).expect("write");
            written += paragraph.len() as u64;
        }
    });
    let start = Instant::now();
    // generous: this is an unoptimised build on a shared machine
    let limit = Duration::from_secs(180);
    pty.wait_for_within(limit, "the article on screen", |s| {
        has_presentation_forms(s) && s.contents().contains("big.txt")
    });
    let opened = start.elapsed();
    pty.send("G");
    pty.wait_for_within(limit, "the end of the article", |s| {
        s.contents_between(23, 70, 23, 80).contains("100%")
    });
    let end = start.elapsed();
    let pid = pty.child.process_id().expect("pid");
    let peak = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(str::to_owned)
        });
    eprintln!("200 MB article: peak memory {peak:?}");
    pty.send("q");
    let exit = pty.wait_exit();
    eprintln!("200 MB article: on screen after {opened:?}, at the end after {end:?}");
    assert!(exit.success());
    pty.assert_restored();
}

/// Closing the terminal window (the pty master goes away) while isnad waits for a key: it must
/// notice, save and exit, not spin on end-of-file forever (crossterm alone does).
#[test]
fn a_closed_terminal_window_saves_and_exits() {
    let home = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        home.path().join("article.txt"),
        "قال المتحدث إن الوضع هادئ.\n",
    )
    .expect("write");
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("openpty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_isnad"));
    cmd.arg("article.txt");
    cmd.cwd(home.path());
    home_env(&mut cmd, home.path());
    let mut child = pair.slave.spawn_command(cmd).expect("spawn");
    drop(pair.slave);
    let pid = child.process_id().expect("pid");
    // a watchdog, so a regression fails the test instead of hanging it
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(60));
        let _ = std::process::Command::new("sh")
            .args(["-c", &format!("kill -9 {pid}")])
            .status();
    });
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let mut writer = pair.master.take_writer().expect("writer");
    let mut seen = Vec::new();
    let mut read_until = |needle: &str, seen: &mut Vec<u8>| {
        let mut buf = [0u8; 8192];
        while !String::from_utf8_lossy(seen).contains(needle) {
            let n = reader.read(&mut buf).expect("read");
            assert!(n > 0, "output ended before {needle:?}");
            seen.extend_from_slice(&buf[..n]);
        }
    };
    read_until("article.txt", &mut seen);
    writer.write_all(b"c").expect("send");
    writer.flush().expect("flush");
    read_until("» added", &mut seen);
    // the window closes: every handle on the master goes
    drop(reader);
    drop(writer);
    drop(pair.master);
    // generous: a debug build on a loaded two-core machine can take seconds to save and exit;
    // the bound is there to catch a reader that never exits, not to time it
    let deadline = Instant::now() + Duration::from_secs(40);
    while child.try_wait().expect("try_wait").is_none() {
        assert!(
            Instant::now() < deadline,
            "isnad did not exit after its terminal hung up"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let text = std::fs::read_to_string(home.path().join("article.isnad.json"))
        .expect("saved when the terminal hung up");
    assert!(text.contains("\"claims\": [\n    {"), "{text}");
}

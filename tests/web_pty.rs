//! Fetching in a real terminal (issue 17): against a server on 127.0.0.1 whose page never
//! finishes arriving, the reader shows the progress line (host and kilobytes), `Esc` cancels
//! and the reader stays on the article it showed with nothing saved, and `q` quits at once
//! during a fetch, whether started by `:e URL`, by `isnad URL` or by several addresses (the
//! library lists them at once, each with its progress).

#[path = "common/pty.rs"]
mod pty_harness;
#[path = "common/slow_server.rs"]
mod slow;

use std::time::Duration;

use pty_harness::{Pty, has_presentation_forms};

/// Waits for the progress line for `host`, with some kilobytes received.
fn progress_shown(pty: &mut Pty, host: &str) {
    let wanted = format!("fetching {host} ");
    pty.wait_for("the progress line with kilobytes", move |s| {
        s.contents()
            .lines()
            .any(|l| l.contains(&wanted) && l.contains(" KB"))
    });
}

#[test]
fn colon_e_shows_progress_esc_cancels_and_q_quits_during_a_fetch() {
    let server = slow::slow_server();
    let host = server.base.trim_start_matches("http://").to_owned();
    let text = include_str!("data/wikinews-ar.txt");
    let mut pty = Pty::spawn(&["article.txt"], &[], |home| {
        std::fs::write(home.join("article.txt"), text).expect("write");
    });
    pty.wait_for("the article", has_presentation_forms);
    pty.send(&format!(":e {}/slow\r", server.base));
    progress_shown(&mut pty, &host);
    pty.send("\x1b");
    pty.wait_text("cancelled");
    // still the article, with its name in the status bar
    assert!(has_presentation_forms(pty.parser.screen()));
    assert!(pty.parser.screen().contents().contains("article.txt"));
    std::thread::sleep(Duration::from_millis(300));
    let articles = pty._home.path().join("data/isnad/articles");
    assert!(
        !articles.exists(),
        "a cancelled fetch saved {}",
        articles.display()
    );
    // another fetch, and q while it runs
    pty.send(&format!(":e {}/again\r", server.base));
    progress_shown(&mut pty, &host);
    pty.quit_at_once();
}

#[test]
fn isnad_url_starts_at_once_with_the_progress_and_q_quits() {
    let server = slow::slow_server();
    let host = server.base.trim_start_matches("http://").to_owned();
    let url = format!("{}/slow", server.base);
    let mut pty = Pty::spawn(&[&url], &[], |_| {});
    progress_shown(&mut pty, &host);
    pty.quit_at_once();
}

#[test]
fn several_addresses_start_the_library_at_once_with_their_progress_and_ctrl_c_quits() {
    let server = slow::slow_server();
    let (one, two) = (
        format!("{}/one", server.base),
        format!("{}/two", server.base),
    );
    let mut pty = Pty::spawn(&[&one, &two], &[], |_| {});
    pty.wait_for("both addresses with the kilobytes received", |s| {
        let rows = s.contents();
        rows.contains("2 files, 2 fetching")
            && rows
                .lines()
                .filter(|l| l.contains("/one") || l.contains("/two"))
                .count()
                == 2
            && rows.lines().filter(|l| l.contains(" KB…")).count() == 2
    });
    // Ctrl-C quits as `q` does, with both fetches running
    let asked = std::time::Instant::now();
    pty.send("\x03");
    assert!(pty.wait_exit().success());
    assert!(
        asked.elapsed() < Duration::from_secs(3),
        "{:?}",
        asked.elapsed()
    );
    pty.assert_restored();
}

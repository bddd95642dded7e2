//! `isnad feed`: the items of RSS and Atom feeds, in the library when the output is a terminal
//! (`tui::start::run_feeds`), else (or with `--print`) printed, one block per item — the title laid out by
//! the engine (right-to-left Arabic drawn as in the reader), then its state, date, source and
//! address — so an item can be opened with `isnad ADDRESS`. Reading a feed fetches the feed
//! only, never its items.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::article::feed::{Feed, ItemState, load_feed};
use crate::article::fetch::{FetchOptions, ProgressLine};
use crate::cli::FeedArgs;
use crate::layout::{LayoutOptions, print_paragraph};

/// Runs `feed`. `configured` are the config's `feeds`, used when no source is given;
/// `progress` receives the progress line while a feed is fetched.
pub fn run(
    args: &FeedArgs,
    configured: &[String],
    data_dir: &Path,
    terminal_width: Option<u16>,
    out: &mut dyn Write,
    progress: &mut dyn Write,
) -> Result<ExitCode, String> {
    let opts = LayoutOptions {
        width: args.width.or(terminal_width).unwrap_or(80).max(1),
        ..LayoutOptions::default()
    };
    let mut buf = Vec::new();
    for feed in load_all(args, configured, progress)? {
        for item in &feed.items {
            print_paragraph(&item.title, &opts, &mut buf);
            let state = match ItemState::of(item, data_dir) {
                ItemState::New => "new",
                ItemState::Read => "read",
                ItemState::Annotated => "annotated",
            };
            let details = [
                Some(state),
                item.published.as_deref(),
                Some(item.source.as_str()),
                item.link.as_deref(),
            ];
            let details: Vec<&str> = details.into_iter().flatten().collect();
            // the details line mixes an Arabic source name with a Latin address: laid out too
            print_paragraph(&format!("  {}", details.join(" · ")), &opts, &mut buf);
            buf.push(b'\n');
        }
        out.write_all(&buf)
            .map_err(|e| format!("writing output: {e}"))?;
        buf.clear();
    }
    Ok(ExitCode::SUCCESS)
}

/// The feeds `args` names, or the `configured` ones when it names none; `Err` when there are
/// none at all.
pub fn sources<'a>(args: &'a FeedArgs, configured: &'a [String]) -> Result<&'a [String], String> {
    let sources = if args.sources.is_empty() {
        configured
    } else {
        &args.sources
    };
    if sources.is_empty() {
        return Err("no feed given, and no `feeds` in the configuration".to_owned());
    }
    Ok(sources)
}

/// Reads the feeds `args` name (the `configured` ones when it names none), with a progress
/// line on `progress` while each is fetched: for printing, or for the library.
pub fn load_all(
    args: &FeedArgs,
    configured: &[String],
    progress: &mut dyn Write,
) -> Result<Vec<Feed>, String> {
    sources(args, configured)?
        .iter()
        .map(|source| {
            let mut line = ProgressLine::new(source, progress);
            let feed = load_feed(source, FetchOptions::default(), &mut |p| line.update(p));
            line.finish();
            feed.map_err(|e| e.to_string())
        })
        .collect()
}

//! The `isnad` binary: parses the command line and dispatches to a subcommand or the reader.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use isnad::cli::{Cli, Command};
use isnad::commands;
use isnad::config::{Paths, Settings};

fn main() -> ExitCode {
    // the reader fetches web addresses itself, in the background (it starts at once)
    let cli = Cli::parse();
    let result = if cli.print_config_dir {
        let text = commands::check_config::describe_paths(&Paths::resolve(cli.config.as_deref()));
        io::stdout()
            .write_all(text.as_bytes())
            .map(|()| ExitCode::SUCCESS)
            .map_err(|e| e.to_string())
    } else {
        match &cli.command {
            None => isnad::tui::run(&cli),
            Some(command) => run(&cli, command),
        }
    };
    match result {
        Ok(code) => code,
        Err(msg) if msg.is_empty() => ExitCode::SUCCESS,
        Err(msg) => fail(&msg),
    }
}

/// Runs a subcommand, writing to stdout (and its progress or problems to stderr).
fn run(cli: &Cli, command: &Command) -> Result<ExitCode, String> {
    let annotations = cli.annotations.as_deref();
    match command {
        Command::Render(args) => render(cli, args),
        Command::Feed(args) => feed(cli, args),
        Command::CheckConfig => {
            commands::check_config::run(cli.config.as_deref(), &mut io::stdout(), &mut io::stderr())
        }
        Command::Validate(args) => {
            commands::validate::run(args, &mut io::stdout(), &mut io::stderr())
        }
        Command::Export(args) => {
            let settings = Settings::load(&Paths::resolve(cli.config.as_deref()), true);
            let annotator = settings.config.annotator_name();
            commands::export::run(args, annotations, &annotator, &mut io::stdout())
        }
        Command::Completions(args) => commands::completions::run(args, &mut io::stdout().lock()),
        Command::Extract(args) => {
            let mut out = io::BufWriter::new(io::stdout().lock());
            commands::extract::run(args, &mut out)
        }
        Command::Import(args) => commands::import::run(args, annotations, &mut io::stdout().lock()),
        Command::Eval(args) => commands::eval::run(args, &mut io::stdout().lock()),
        Command::Learn(args) => commands::learn::run(args, &mut io::stdout().lock()),
        Command::Compare(args) => commands::compare::run(args, &mut io::stdout().lock()),
        Command::Merge(args) => commands::merge::run(args, &mut io::stderr()),
        Command::GitSetup(args) => commands::git_setup::run(args, &mut io::stdout().lock()),
        Command::Report(args) => commands::report::run(args, annotations, &mut io::stdout().lock()),
        Command::Agree(args) => {
            commands::agree::run(args, &mut io::stdout().lock(), &mut io::stderr())
        }
    }
}

/// `isnad render FILE|URL`: the article laid out for this terminal's width.
fn render(cli: &Cli, args: &isnad::cli::RenderArgs) -> Result<ExitCode, String> {
    let file = localise_urls(cli, vec![args.file.clone()])?;
    let args = isnad::cli::RenderArgs {
        file: file.into_iter().next().unwrap_or_default(),
        ..args.clone()
    };
    let stdout = io::stdout();
    let width = terminal_width(&stdout);
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    commands::render::run(&args, cli.bidi, width, &mut out)
}

/// `isnad feed`: in a terminal, the feeds' items open in the reader's library; printed
/// otherwise (or with `--print`).
fn feed(cli: &Cli, args: &isnad::cli::FeedArgs) -> Result<ExitCode, String> {
    let paths = Paths::resolve(cli.config.as_deref());
    let settings = Settings::load(&paths, false);
    if !args.print && io::stdout().is_terminal() {
        // the library starts at once and reads the feeds in the background
        let sources = commands::feed::sources(args, &settings.config.feeds)?;
        return isnad::tui::start::run_feeds(cli, sources);
    }
    let stdout = io::stdout();
    let width = terminal_width(&stdout);
    commands::feed::run(
        args,
        &settings.config.feeds,
        &paths.data_dir,
        width,
        &mut io::BufWriter::new(stdout.lock()),
        &mut progress_out(),
    )
}

/// Prints the error and fails. Errors quote file names, addresses and what a server or a file
/// said: never a control character to the terminal.
fn fail(msg: &str) -> ExitCode {
    let mut err = isnad::text::sanitize::PrintableWriter::new(io::stderr());
    let _ = writeln!(err, "isnad: {msg}");
    ExitCode::FAILURE
}

/// Replaces every http(s) address in `args` by its saved article, fetching it first (with a
/// progress line on stderr) when there is no saved copy or `--refresh` was given: for the
/// commands that print and exit (`render`).
fn localise_urls(
    cli: &Cli,
    args: Vec<std::path::PathBuf>,
) -> Result<Vec<std::path::PathBuf>, String> {
    if !args
        .iter()
        .any(|a| a.to_str().is_some_and(isnad::article::fetch::is_url))
    {
        return Ok(args);
    }
    let data_dir = Paths::resolve(cli.config.as_deref()).data_dir;
    isnad::article::web::localise_arguments(&args, &data_dir, cli.refresh, &mut progress_out())
        .map_err(|e| e.to_string())
}

/// Where progress lines go: stderr when it is a terminal, nowhere otherwise (a log or a pipe
/// gets the result or the error, not the redrawn line).
fn progress_out() -> Box<dyn Write> {
    if io::stderr().is_terminal() {
        Box::new(io::stderr())
    } else {
        Box::new(io::sink())
    }
}

fn terminal_width(stdout: &io::Stdout) -> Option<u16> {
    if stdout.is_terminal() {
        crossterm::terminal::size().ok().map(|(w, _)| w)
    } else {
        None
    }
}

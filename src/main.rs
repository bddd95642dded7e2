//! The `isnad` binary: parses the command line and dispatches to a subcommand or the reader.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use isnad::cli::{Cli, Command};
use isnad::commands;
use isnad::config::{Paths, Settings};

fn main() -> ExitCode {
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
            Some(Command::Render(args)) => {
                let stdout = io::stdout();
                let width = if stdout.is_terminal() {
                    crossterm::terminal::size().ok().map(|(w, _)| w)
                } else {
                    None
                };
                let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
                commands::render::run(args, cli.bidi, width, &mut out)
            }
            Some(Command::CheckConfig) => commands::check_config::run(
                cli.config.as_deref(),
                &mut io::stdout(),
                &mut io::stderr(),
            ),
            Some(Command::Validate(args)) => {
                commands::validate::run(args, &mut io::stdout(), &mut io::stderr())
            }
            Some(Command::Export(args)) => {
                let settings = Settings::load(&Paths::resolve(cli.config.as_deref()), true);
                let annotator = settings.config.annotator_name();
                commands::export::run(
                    args,
                    cli.annotations.as_deref(),
                    &annotator,
                    &mut io::stdout(),
                )
            }
            Some(Command::Completions(args)) => {
                commands::completions::run(args, &mut io::stdout().lock())
            }
            Some(Command::Extract(args)) => {
                let mut out = io::BufWriter::new(io::stdout().lock());
                commands::extract::run(args, &mut out)
            }
            Some(Command::Import(args)) => {
                commands::import::run(args, cli.annotations.as_deref(), &mut io::stdout().lock())
            }
            Some(Command::Eval(args)) => commands::eval::run(args, &mut io::stdout().lock()),
            Some(Command::Compare(args)) => commands::compare::run(args, &mut io::stdout().lock()),
            Some(Command::Merge(args)) => commands::merge::run(args, &mut io::stderr()),
            Some(Command::GitSetup(args)) => {
                commands::git_setup::run(args, &mut io::stdout().lock())
            }
            Some(Command::Report(args)) => {
                commands::report::run(args, cli.annotations.as_deref(), &mut io::stdout().lock())
            }
            Some(Command::Agree(args)) => {
                commands::agree::run(args, &mut io::stdout().lock(), &mut io::stderr())
            }
        }
    };
    match result {
        Ok(code) => code,
        Err(msg) if msg.is_empty() => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("isnad: {msg}");
            ExitCode::FAILURE
        }
    }
}

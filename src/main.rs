//! The `isnad` binary: parses the command line and dispatches to a subcommand.

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use clap::Parser;
use isnad::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(Command::Render(args)) => {
            let stdout = io::stdout();
            let width = if stdout.is_terminal() {
                crossterm::terminal::size().ok().map(|(w, _)| w)
            } else {
                None
            };
            let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
            isnad::commands::render::run(args, cli.bidi, width, &mut out)
        }
        _ => Err("this subcommand is not available yet".to_owned()),
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

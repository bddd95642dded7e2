//! `isnad completions SHELL`: shell completion scripts generated from the clap definitions.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};

pub fn run(args: &CompletionsArgs, out: &mut dyn Write) -> Result<ExitCode, String> {
    let mut command = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut command, "isnad", &mut buf);
    out.write_all(&buf)
        .and_then(|()| out.flush())
        .map_err(|e| format!("writing completions: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bash_and_fish_scripts_name_the_subcommands() {
        for shell in [clap_complete::Shell::Bash, clap_complete::Shell::Fish] {
            let mut out = Vec::new();
            run(&CompletionsArgs { shell }, &mut out).expect("generates");
            let text = String::from_utf8(out).expect("utf8");
            for sub in ["render", "check-config", "completions", "validate"] {
                assert!(text.contains(sub), "{shell:?} lacks {sub}");
            }
        }
    }
}

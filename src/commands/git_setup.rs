//! `isnad git-setup [DIR] [--global]`: makes git merge annotation files with `isnad merge`:
//! `*.isnad.json merge=isnad` in the repository's `.gitattributes` (or the user's attributes
//! file with `--global`) and the `merge.isnad` driver in the repository's (or the user's) git
//! config. Running it again changes nothing; it says what it did.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use crate::cli::GitSetupArgs;
use crate::text::sanitize::printable;

/// The attributes line.
pub const ATTRIBUTE: &str = "*.isnad.json merge=isnad";
/// The driver's name, as git shows it.
pub const DRIVER_NAME: &str = "isnad annotation merge";

fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "git {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// `path` quoted for the shell git runs the driver with.
fn shell_quoted(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', r"'\''"))
}

/// The driver command: this program, by its full path, with git's placeholders.
pub fn driver_command() -> String {
    let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("isnad"));
    format!("{} merge %O %A %B --path %P", shell_quoted(&exe))
}

pub fn run(args: &GitSetupArgs, out: &mut dyn Write) -> Result<ExitCode, String> {
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    let (attributes, scope) = if args.global {
        (global_attributes(&dir)?, "--global")
    } else {
        let top = git(&dir, &["rev-parse", "--show-toplevel"])
            .map_err(|e| format!("{}: not in a git repository ({e})", dir.display()))?;
        (PathBuf::from(top).join(".gitattributes"), "--local")
    };
    let say = |out: &mut dyn Write, line: String| {
        writeln!(out, "{}", printable(&line)).map_err(|e| e.to_string())
    };
    let existing = match std::fs::read_to_string(&attributes) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("{}: {e}", attributes.display())),
    };
    if existing.lines().any(|l| l.trim() == ATTRIBUTE) {
        say(
            out,
            format!("{} already has `{ATTRIBUTE}`", attributes.display()),
        )?;
    } else {
        let mut text = existing;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(ATTRIBUTE);
        text.push('\n');
        if let Some(parent) = attributes.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&attributes, text).map_err(|e| format!("{}: {e}", attributes.display()))?;
        say(
            out,
            format!("added `{ATTRIBUTE}` to {}", attributes.display()),
        )?;
    }
    let driver = driver_command();
    for (key, value) in [
        ("merge.isnad.name", DRIVER_NAME),
        ("merge.isnad.driver", driver.as_str()),
    ] {
        let current = git(&dir, &["config", scope, "--get", key]).unwrap_or_default();
        if current == value {
            say(out, format!("git config {scope} {key} is already {value}"))?;
        } else {
            git(&dir, &["config", scope, key, value])?;
            say(out, format!("set git config {scope} {key} = {value}"))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The user's git attributes file: `core.attributesFile`, else `$XDG_CONFIG_HOME/git/attributes`,
/// else `~/.config/git/attributes` (where git looks by default).
fn global_attributes(dir: &Path) -> Result<PathBuf, String> {
    if let Ok(p) = git(dir, &["config", "--global", "--get", "core.attributesFile"])
        && !p.is_empty()
    {
        let home = std::env::var_os("HOME").map(PathBuf::from);
        return Ok(match (p.strip_prefix("~/"), home) {
            (Some(rest), Some(home)) => home.join(rest),
            _ => PathBuf::from(p),
        });
    }
    if let Some(x) = std::env::var_os("XDG_CONFIG_HOME").filter(|x| !x.is_empty()) {
        return Ok(PathBuf::from(x).join("git").join("attributes"));
    }
    std::env::var_os("HOME")
        .map(|h| {
            PathBuf::from(h)
                .join(".config")
                .join("git")
                .join("attributes")
        })
        .ok_or_else(|| "HOME is not set: cannot find the user's git attributes file".to_owned())
}

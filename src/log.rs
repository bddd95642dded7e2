//! The log file: off unless `-v` or `ISNAD_LOG` is set, written to the log folder (the XDG state
//! directory), never to the terminal, since anything printed would land on top of the TUI.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::SystemTime;

static LOG: OnceLock<(PathBuf, Mutex<File>)> = OnceLock::new();

/// Whether `ISNAD_LOG` asks for a log (set, and not empty, `0` or `off`).
pub fn requested_by_env() -> bool {
    std::env::var("ISNAD_LOG").is_ok_and(|v| !matches!(v.as_str(), "" | "0" | "off"))
}

/// Opens `DIR/isnad.log` for appending. Returns the path, or why it could not be opened.
pub fn init(dir: &Path) -> Result<PathBuf, String> {
    let path = dir.join("isnad.log");
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let _ = LOG.set((path.clone(), Mutex::new(file)));
    write(&format!("isnad {} started", env!("CARGO_PKG_VERSION")));
    Ok(path)
}

/// The log file's path when logging is on.
pub fn path() -> Option<&'static Path> {
    LOG.get().map(|(p, _)| p.as_path())
}

/// Appends one line with a UTC timestamp; does nothing when logging is off.
pub fn write(message: &str) {
    let Some((_, file)) = LOG.get() else {
        return;
    };
    let Ok(mut file) = file.lock() else {
        return;
    };
    let stamp = humantime::format_rfc3339_seconds(SystemTime::now());
    let _ = writeln!(file, "{stamp} {message}");
}

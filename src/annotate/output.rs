//! Writing a file the user asked for, whatever is at that path: the annotation file, exports,
//! `extract --out-dir`, recovery copies. A regular file (or a path with nothing there yet) is
//! replaced atomically with the previous version kept as `FILE.bak`; a character device or a
//! FIFO (`/dev/null`, `/dev/stdout`, a named pipe, `>(gzip)`) is written into, never renamed
//! over or backed up; a symbolic link is followed to its target; `-` is standard output.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A write that failed: the path the user knows (not a temporary file) and why.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {}", describe_io(source))]
pub struct OutputError {
    pub path: String,
    #[source]
    pub source: io::Error,
}

/// An I/O error in the user's words where the system's are obscure; a full disk also says that
/// nothing was lost, since [`write_atomic`] never touches the old file before the new one is
/// complete.
pub(crate) fn describe_io(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            "disk full; the previous version is kept".to_owned()
        }
        _ => error.to_string(),
    }
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |source| OutputError {
        path: path.display().to_string(),
        source,
    }
}

fn refused(path: &Path, why: &str) -> OutputError {
    io_err(path)(io::Error::new(io::ErrorKind::InvalidInput, why.to_owned()))
}

/// What [`write_atomic`] did with the previous version.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Replaced {
    /// Where the previous version is kept, if there was one.
    pub backup: Option<PathBuf>,
    /// Why no backup was kept although there was a previous version (`FILE.bak` is a folder).
    pub warning: Option<String>,
}

/// What [`write_output`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Written {
    /// A regular file was written (replaced atomically), at `path` (the end of any links).
    File { path: PathBuf, replaced: Replaced },
    /// Written straight into a character device or FIFO.
    Stream,
    /// Written to standard output (`-`).
    Stdout,
}

/// Writes `bytes` to `path` by what is there: `-` → `stdout`; a regular file, or nothing yet →
/// [`write_atomic`] (through symbolic links, so a link stays a link and its target is
/// replaced); a character device or FIFO → written into; a folder, block device or socket →
/// refused.
pub fn write_output(
    path: &Path,
    bytes: &[u8],
    stdout: &mut dyn Write,
) -> Result<Written, OutputError> {
    if path == Path::new("-") {
        stdout
            .write_all(bytes)
            .and_then(|()| stdout.flush())
            .map_err(io_err(path))?;
        return Ok(Written::Stdout);
    }
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() => {
            let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            let replaced = write_atomic(&target, bytes, || Ok(())).map_err(|e| OutputError {
                path: path.display().to_string(),
                source: e.source,
            })?;
            Ok(Written::File {
                path: target,
                replaced,
            })
        }
        Ok(meta) if meta.is_dir() => Err(refused(path, "is a directory; not written")),
        Ok(meta) if is_stream(&meta) => {
            // opened as it is (no create, no truncate), so `/dev/fd/N` and `/proc` links work
            let mut file = fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(io_err(path))?;
            file.write_all(bytes)
                .and_then(|()| file.flush())
                .map_err(io_err(path))?;
            Ok(Written::Stream)
        }
        Ok(_) => Err(refused(
            path,
            "is neither a regular file, a character device nor a FIFO; not written",
        )),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let target = dangling_target(path).map_err(io_err(path))?;
            let replaced = write_atomic(&target, bytes, || Ok(()))?;
            Ok(Written::File {
                path: target,
                replaced,
            })
        }
        Err(e) => Err(io_err(path)(e)),
    }
}

#[cfg(unix)]
fn is_stream(meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    kind.is_char_device() || kind.is_fifo()
}

#[cfg(not(unix))]
fn is_stream(_meta: &fs::Metadata) -> bool {
    false
}

/// Where a new file for `path` goes: `path` itself, or the end of the chain of symbolic links
/// it starts (a link to a file not created yet), so the link is kept.
fn dangling_target(path: &Path) -> io::Result<PathBuf> {
    let mut at = path.to_path_buf();
    // the limit the kernel uses (ELOOP) for chains of links
    for _ in 0..40 {
        match fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let next = fs::read_link(&at)?;
                at = match at.parent() {
                    Some(dir) if next.is_relative() => dir.join(next),
                    _ => next,
                };
            }
            _ => return Ok(at),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Writes `bytes` to the regular file (or new file) `path` so that a reader, or a crash at any
/// moment, sees either the old file or the new one: temporary file in the same folder, fsync,
/// the old file linked (or copied) to `FILE.bak`, rename over, fsync of the folder. When
/// `FILE.bak` is taken by something other than a regular file (a folder), the backup is skipped
/// with a warning rather than the save refused.
/// `before_rename` runs just before the rename (tests use it to simulate a crash; an error there
/// leaves the old file untouched). Use [`write_output`] for a path that may be anything else.
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce() -> io::Result<()>,
) -> Result<Replaced, OutputError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir).map_err(io_err(&dir))?;
    let name = path.file_name().map_or_else(
        || "annotations".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    // Errors name `path`, the file the user knows, not the temporary file (which is deleted
    // when `tmp` is dropped on the way out).
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(io_err(path))?;
    tmp.write_all(bytes).map_err(io_err(path))?;
    // only a regular file is ever backed up (or replaced): never a device node or a FIFO
    let old_meta = fs::symlink_metadata(path).ok();
    if old_meta
        .as_ref()
        .is_some_and(|m| !m.is_file() && !m.file_type().is_symlink())
    {
        return Err(refused(path, "is not a regular file; not replaced"));
    }
    let old_file = old_meta.filter(fs::Metadata::is_file);
    give_permissions(tmp.path(), old_file.as_ref());
    tmp.as_file().sync_all().map_err(io_err(path))?;
    let mut replaced = Replaced::default();
    let bak = PathBuf::from(format!("{}.bak", path.display()));
    let bak_taken = fs::symlink_metadata(&bak).is_ok_and(|m| !m.is_file());
    if old_file.is_some() && bak_taken {
        replaced.warning = Some(format!(
            "{} is not a regular file; no backup kept",
            bak.display()
        ));
    } else if old_file.is_some() {
        back_up(path, &dir, &name, &bak)?;
        replaced.backup = Some(bak);
    }
    before_rename().map_err(io_err(path))?;
    tmp.persist(path).map_err(|e| io_err(path)(e.error))?;
    if let Ok(d) = fs::File::open(&dir) {
        // directory fsync makes the rename durable; not supported everywhere, so best effort
        let _ = d.sync_all();
    }
    Ok(replaced)
}

/// Gives the new file at `tmp` the permissions of the `old` one it replaces, which the user
/// gave it (tempfile creates 0600), or 0644 for a new file.
fn give_permissions(tmp: &Path, old: Option<&fs::Metadata>) {
    if let Some(meta) = old {
        let _ = fs::set_permissions(tmp, meta.permissions());
    } else {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = fs::set_permissions(tmp, fs::Permissions::from_mode(0o644));
        }
    }
}

/// Keeps the regular file `path` (named `name`, in `dir`) as `bak`. The backup is the old file
/// itself, linked under the backup name: its data is already on disk, so nothing is copied or
/// synced again (a 6 MB file took most of a save). Where hard links are not supported, it is
/// copied.
fn back_up(path: &Path, dir: &Path, name: &str, bak: &Path) -> Result<(), OutputError> {
    let prefix = format!(".{name}.bak.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    match builder.make_in(dir, |p| fs::hard_link(path, p)) {
        Ok(link) => link.persist(bak).map_err(|e| io_err(bak)(e.error))?,
        Err(_) => {
            let bak_tmp = builder.tempfile_in(dir).map_err(io_err(bak))?;
            fs::copy(path, bak_tmp.path()).map_err(io_err(bak))?;
            bak_tmp.as_file().sync_all().map_err(io_err(bak))?;
            bak_tmp.persist(bak).map_err(|e| io_err(bak)(e.error))?;
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_file_stays_a_link_and_a_dangling_one_gets_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.csv");
        let link = dir.path().join("link.csv");
        fs::write(&target, "old").unwrap();
        std::os::unix::fs::symlink("target.csv", &link).unwrap();
        let written = write_output(&link, b"new", &mut Vec::new()).unwrap();
        assert!(matches!(
            written,
            Written::File { replaced, .. } if replaced.backup.is_some()
        ));
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(
            fs::read_to_string(dir.path().join("target.csv.bak")).unwrap(),
            "old"
        );

        let dangling = dir.path().join("dangling.csv");
        std::os::unix::fs::symlink("later.csv", &dangling).unwrap();
        write_output(&dangling, b"first", &mut Vec::new()).unwrap();
        assert!(
            fs::symlink_metadata(&dangling)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("later.csv")).unwrap(),
            "first"
        );
    }

    #[test]
    fn dash_is_standard_output() {
        let mut out = Vec::new();
        assert_eq!(
            write_output(Path::new("-"), b"x", &mut out).unwrap(),
            Written::Stdout
        );
        assert_eq!(out, b"x");
    }
}

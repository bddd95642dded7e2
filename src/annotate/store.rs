//! `AnnotationStore`, the object the app holds for one article's annotations: where the file
//! is (sidecar, `--annotations` override, or the data directory), whether it may be written,
//! the current set with its undo history, and saving that never loses data (temporary file in
//! the same folder, fsync, previous version kept as `FILE.bak`, rename over; merge by id when
//! another writer changed the file since it was read).

use super::progress::LoadProgress;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use crate::article::{Article, sha256_hex};

use super::anchor::AnchorReport;
use super::document::{self, DocumentInfo, ReadError};
use super::history::{Applied, Edit, EditError, History};
use super::lock::SaveLock;
use super::merge::{MergeReport, merge};
use super::model::{AnnotationSet, Item};
pub use super::output::write_atomic;
use super::output::{OutputError, describe_io};

/// Largest annotation file the store reads (bytes). A bigger file is not parsed (parsing it
/// would hold several times its size in memory): the store opens read-only with a message
/// naming the file, its size and this limit, and the file is left untouched. A real file is far
/// smaller: a few hundred bytes per annotation.
pub const MAX_ANNOTATION_BYTES: u64 = 64 * 1024 * 1024;

/// Suffix of sidecar files: `aleppo.txt` → `aleppo.isnad.json`.
pub const SIDECAR_SUFFIX: &str = ".isnad.json";

/// Where the annotations of an article live by default: beside it, with the article's
/// extension replaced by `.isnad.json` — unless that file already belongs to another article
/// of the same name (`aleppo.html` beside an annotated `aleppo.txt`), which then keeps it while
/// this one gets `aleppo.html.isnad.json`, so two articles never share (and re-anchor) one file.
pub fn sidecar_path(article_path: &Path) -> PathBuf {
    let stem = article_path
        .file_stem()
        .map_or_else(|| "article".into(), |s| s.to_string_lossy().into_owned());
    let shared = article_path.with_file_name(format!("{stem}{SIDECAR_SUFFIX}"));
    let Some(name) = article_path.file_name() else {
        return shared;
    };
    match sidecar_owner(&shared) {
        Some(owner) if Path::new(&owner).file_name() != Some(name) => {
            article_path.with_file_name(format!("{}{SIDECAR_SUFFIX}", name.to_string_lossy()))
        }
        _ => shared,
    }
}

/// The article an existing annotation file was written for (`document.path`); `None` when
/// there is no such file or it cannot be read (the store then reports the problem).
fn sidecar_owner(sidecar: &Path) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Head {
        document: Option<Owner>,
    }
    #[derive(serde::Deserialize)]
    struct Owner {
        path: String,
    }
    let file = fs::File::open(sidecar).ok()?;
    if file.metadata().ok()?.len() > MAX_ANNOTATION_BYTES {
        return None;
    }
    // the other fields are skipped without being built
    let head: Head = serde_json::from_reader(std::io::BufReader::new(file)).ok()?;
    head.document.map(|d| d.path).filter(|p| !p.is_empty())
}

/// The data directory from `directories` (`~/.local/share/isnad` on Linux).
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "isnad").map(|d| d.data_dir().to_path_buf())
}

/// How to find the annotation file.
#[derive(Clone, Debug, Default)]
pub struct StoreOptions {
    /// `--annotations PATH`: use this file whatever the article.
    pub annotations: Option<PathBuf>,
    /// Data directory for fallbacks; `None` means [`default_data_dir`].
    pub data_dir: Option<PathBuf>,
}

/// Why the file is where it is (shown in the status bar).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// `ARTICLE.isnad.json` next to the article.
    Sidecar,
    /// Given with `--annotations`.
    Override,
    /// Under the data directory, with the reason (sample article, folder not writable).
    DataDir(String),
}

/// Problems saving or editing.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {}", describe_io(source))]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
    #[error("annotations are read-only: {0}")]
    ReadOnly(String),
    #[error("{0}")]
    Edit(#[from] EditError),
    /// The file changed on disk and can no longer be read; nothing is written over it.
    #[error("not saved: the file changed on disk and cannot be merged: {0}")]
    DiskUnreadable(ReadError),
    #[error("no data directory is available for annotation files (set HOME or use --annotations)")]
    NoDataDir,
}

impl From<OutputError> for StoreError {
    fn from(e: OutputError) -> Self {
        StoreError::Io {
            path: e.path,
            source: e.source,
        }
    }
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// What a save did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveReport {
    pub path: PathBuf,
    pub outcome: SaveOutcome,
    /// Set when the file had changed on disk and was merged.
    pub merged: Option<MergeReport>,
    /// Something the user should know although the save succeeded (no backup could be kept).
    pub warning: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Written; the previous version, if any, is at `backup`.
    Written { backup: Option<PathBuf> },
    /// Nothing changed since the last save: nothing written.
    Unchanged,
    /// The store is read-only (with the reason): nothing written, ever.
    ReadOnly(String),
}

/// What identifies the file's content on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
struct DiskStamp {
    len: u64,
    modified: Option<SystemTime>,
    sha256: String,
}

/// Refuses a file of `len` bytes that is over [`MAX_ANNOTATION_BYTES`], before it is read.
pub fn check_annotation_size(len: u64) -> io::Result<()> {
    if len > MAX_ANNOTATION_BYTES {
        return Err(io::Error::new(
            io::ErrorKind::FileTooLarge,
            format!(
                "{len} bytes is over the limit of {MAX_ANNOTATION_BYTES} bytes for an annotation \
                 file; not read"
            ),
        ));
    }
    Ok(())
}

fn read_with_stamp(path: &Path) -> io::Result<Option<(String, DiskStamp)>> {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    if !meta.is_file() {
        // a device or FIFO would be read forever (`/dev/zero`) or replaced by the first save
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file; annotations are kept in regular files only",
        ));
    }
    check_annotation_size(meta.len())?;
    let bytes = crate::article::read_limited(path, MAX_ANNOTATION_BYTES)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("not valid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
        )
    })?;
    let stamp = DiskStamp {
        len: meta.len(),
        modified: meta.modified().ok(),
        sha256: sha256_hex(&text),
    };
    Ok(Some((text, stamp)))
}

/// Whether a new file can be created in `dir`: tried, not guessed, except that a folder without
/// any write permission bit never counts as writable. Root may write there anyway, but the bits
/// say the owner does not want it written.
fn dir_is_writable(dir: &Path) -> bool {
    if fs::metadata(dir).is_ok_and(|m| m.permissions().readonly()) {
        return false;
    }
    tempfile::Builder::new()
        .prefix(".isnad-probe")
        .tempfile_in(dir)
        .is_ok()
}

/// Why the annotation file at `path` must not be written, if it must not. An existing file without
/// any write permission bit (`chmod a-w`) is write-protected even for root, whom the system would
/// let write it (and a rename over it would replace it for anyone who may write the folder); a
/// file that cannot be opened for writing (another owner, a read-only file system) or whose
/// folder is not writable cannot be saved either, so the user is told at once, not at the
/// first save. Opening for writing without truncating changes nothing.
fn write_protection(path: &Path) -> Option<String> {
    if let Some(why) = permission_bits_forbid(path) {
        return Some(why);
    }
    if fs::metadata(path).is_ok()
        && let Err(e) = fs::OpenOptions::new().write(true).open(path)
    {
        return Some(format!("{} cannot be written: {e}", path.display()));
    }
    let dir = folder_of(path);
    // A folder that does not exist yet is created by the first save.
    if dir.is_dir() && !dir_is_writable(dir) {
        return Some(format!("its folder {} is not writable", dir.display()));
    }
    None
}

/// Why the permission bits say `path` must not be written now: the file, or its folder, has no
/// write bit at all. Checked at open and again before every save (a `chmod` while the article
/// is open counts even for root); cheap, it creates nothing.
fn permission_bits_forbid(path: &Path) -> Option<String> {
    if let Ok(meta) = fs::metadata(path)
        && meta.permissions().readonly()
    {
        return Some(format!(
            "{} is write-protected{}",
            path.display(),
            mode_note(&meta)
        ));
    }
    let dir = folder_of(path);
    match fs::metadata(dir) {
        Ok(meta) if meta.permissions().readonly() => Some(format!(
            "its folder {} is not writable{}",
            dir.display(),
            mode_note(&meta)
        )),
        _ => None,
    }
}

/// The folder `path` is in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

#[cfg(unix)]
fn mode_note(meta: &fs::Metadata) -> String {
    use std::os::unix::fs::PermissionsExt;
    format!(" (mode {:o})", meta.permissions().mode() & 0o7777)
}

#[cfg(not(unix))]
fn mode_note(_meta: &fs::Metadata) -> String {
    String::new()
}

/// The annotations of one open article.
pub struct AnnotationStore {
    article: Arc<Article>,
    path: PathBuf,
    location: Location,
    /// Why the file could not be used (unreadable, invalid, newer version, too big).
    read_only: Option<String>,
    /// Why a file that loaded fine must not be written (see [`write_protection`]).
    write_protected: Option<String>,
    document: DocumentInfo,
    set: AnnotationSet,
    /// The set as last read from or written to disk: the base of a merge.
    base: AnnotationSet,
    /// The file as last read or written by us (`None`: there was no file).
    disk: Option<DiskStamp>,
    dirty: bool,
    history: History,
    anchor: AnchorReport,
    text_changed: bool,
}

impl std::fmt::Debug for AnnotationStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AnnotationStore")
            .field("path", &self.path)
            .field("location", &self.location)
            .field("read_only", &self.read_only)
            .field("write_protected", &self.write_protected)
            .field("items", &self.set.len())
            .field("dirty", &self.dirty)
            .finish()
    }
}

impl AnnotationStore {
    /// Opens the annotations of `article`. Never fails: problems make the store read-only with
    /// the reason (see [`AnnotationStore::read_only_reason`]), so the article can still be read.
    pub fn open(article: impl Into<Arc<Article>>, options: &StoreOptions) -> Self {
        Self::open_reporting(article, options, &LoadProgress::default())
    }

    /// [`AnnotationStore::open`], counting the items placed in `progress` as it goes.
    pub fn open_reporting(
        article: impl Into<Arc<Article>>,
        options: &StoreOptions,
        progress: &LoadProgress,
    ) -> Self {
        let article = article.into();
        let data_dir = options.data_dir.clone().or_else(default_data_dir);
        let resolved = resolve_path(&article, options, data_dir.as_deref());
        let (path, location, fallback_source) = match resolved {
            Ok(r) => r,
            Err(e) => {
                return Self::empty(
                    article,
                    PathBuf::new(),
                    Location::Override,
                    Some(e.to_string()),
                );
            }
        };
        let mut store = Self::empty(article, path.clone(), location, None);
        let read = read_existing(&path, fallback_source).unwrap_or_else(|e| {
            store.read_only = Some(e);
            None
        });
        if let Some((text, stamp, name)) = read {
            match document::parse_reporting(&text, &name, &store.article, progress) {
                Ok(loaded) => {
                    store.document = DocumentInfo {
                        path: store.document.path.clone(),
                        ..loaded.document.refreshed(&store.article)
                    };
                    store.set = loaded.set;
                    store.base = store.set.clone();
                    // all zero when nothing moved, so "anything to report?" is `!= default()`
                    if loaded.anchor.changed_anything() {
                        store.anchor = loaded.anchor;
                    }
                    store.text_changed = loaded.text_changed;
                    store.disk = stamp;
                }
                Err(e) => store.read_only = Some(e.to_string()),
            }
        }
        if store.read_only.is_none() {
            store.write_protected = write_protection(&store.path);
        }
        store
    }

    fn empty(
        article: Arc<Article>,
        path: PathBuf,
        location: Location,
        read_only: Option<String>,
    ) -> Self {
        let doc_path = document_path(&article, &path);
        Self {
            document: DocumentInfo::for_article(&article, doc_path),
            article,
            path,
            location,
            read_only,
            write_protected: None,
            set: AnnotationSet::default(),
            base: AnnotationSet::default(),
            disk: None,
            dirty: false,
            history: History::default(),
            anchor: AnchorReport::default(),
            text_changed: false,
        }
    }

    pub fn article(&self) -> &Article {
        &self.article
    }

    /// The article itself, shared rather than copied: the reader shows the same text the store
    /// anchors to, and a 10 MB article is held once.
    pub fn shared_article(&self) -> &Arc<Article> {
        &self.article
    }

    /// The annotation file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn location(&self) -> &Location {
        &self.location
    }

    /// One line for the status bar: the file, and why it is there when not beside the article.
    pub fn describe_location(&self) -> String {
        match &self.location {
            Location::Sidecar | Location::Override => self.path.display().to_string(),
            Location::DataDir(why) => format!("{} ({why})", self.path.display()),
        }
    }

    /// `Some(reason)` when the store never writes: the file could not be used (see
    /// [`AnnotationStore::load_problem`]) or is write-protected.
    pub fn read_only_reason(&self) -> Option<&str> {
        self.read_only
            .as_deref()
            .or(self.write_protected.as_deref())
    }

    /// `Some(reason)` when the file exists but could not be loaded (unreadable, invalid, newer
    /// version, too big); a write-protected file that loaded fine is not a problem for readers.
    pub fn load_problem(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only_reason().is_some()
    }

    /// True when there are changes not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    pub fn set(&self) -> &AnnotationSet {
        &self.set
    }

    pub fn document(&self) -> &DocumentInfo {
        &self.document
    }

    /// Sets the article's own outlet (`document.outlet`; `None` clears it), written on the
    /// next save. Not part of the undo history: it is a property of the article, not an
    /// annotation.
    pub fn set_outlet(&mut self, outlet: Option<String>) -> Result<(), StoreError> {
        if let Some(r) = self.read_only_reason() {
            return Err(StoreError::ReadOnly(r.to_owned()));
        }
        if self.document.outlet != outlet {
            self.document.outlet = outlet;
            self.dirty = true;
        }
        Ok(())
    }

    /// What re-anchoring did on open: all zero (`AnchorReport::default()`) when every span was
    /// where the file said.
    pub fn anchor_report(&self) -> AnchorReport {
        self.anchor
    }

    /// True when the file was written for a different version of the article text.
    pub fn text_changed(&self) -> bool {
        self.text_changed
    }

    /// Applies a user's change (recorded for undo) and marks the store dirty.
    pub fn apply(&mut self, edit: Edit) -> Result<&Applied, StoreError> {
        if let Some(r) = self.read_only_reason() {
            return Err(StoreError::ReadOnly(r.to_owned()));
        }
        let applied = self.history.apply(&mut self.set, edit)?;
        self.dirty = true;
        Ok(applied)
    }

    /// Adds suggestions (from the extractor) without marking the store dirty and without undo:
    /// they are written only once the user changes something. Items whose id is taken are
    /// skipped; returns how many were added.
    pub fn add_suggestions(&mut self, items: impl IntoIterator<Item = Item>) -> usize {
        let mut ids: std::collections::HashSet<String> =
            self.set.items().map(|i| i.id().to_owned()).collect();
        let mut added = 0;
        for item in items {
            if ids.insert(item.id().to_owned()) {
                match item {
                    Item::Entity(x) => self.set.entities.push(x),
                    Item::Source(x) => self.set.sources.push(x),
                    Item::Claim(x) => self.set.claims.push(x),
                    Item::Attribution(x) => self.set.attributions.push(x),
                }
                added += 1;
            }
        }
        self.set.sort();
        added
    }

    /// Undoes the last change; `None` when there is none (or the store is read-only).
    pub fn undo(&mut self) -> Option<&Applied> {
        if self.is_read_only() {
            return None;
        }
        let applied = self.history.undo(&mut self.set)?;
        self.dirty = true;
        Some(applied)
    }

    /// Redoes the last undone change.
    pub fn redo(&mut self) -> Option<&Applied> {
        if self.is_read_only() {
            return None;
        }
        let applied = self.history.redo(&mut self.set)?;
        self.dirty = true;
        Some(applied)
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Saves if there are changes. Read-only stores never write.
    pub fn save(&mut self) -> Result<SaveReport, StoreError> {
        self.save_with(|| Ok(()))
    }

    /// The annotation file a save would write now, without reading or merging what is on disk:
    /// for a copy kept elsewhere when the file itself cannot be written.
    pub fn unsaved_json(&self) -> String {
        document::to_json(
            &self.document.refreshed(&self.article),
            &self.set,
            &self.article,
        )
    }

    /// Merges into the set what another writer saved since this store last read or wrote the
    /// file, if anything; the caller holds the file's lock.
    fn merge_disk_changes(&mut self) -> Result<Option<MergeReport>, StoreError> {
        let current = read_with_stamp(&self.path).map_err(io_err(&self.path))?;
        let Some((text, stamp)) = current.filter(|(_, stamp)| self.disk.as_ref() != Some(stamp))
        else {
            return Ok(None);
        };
        let theirs = document::parse(&text, &self.path.display().to_string(), &self.article)
            .map_err(StoreError::DiskUnreadable)?;
        let (set, merge_report) = merge(&self.base, &self.set, &theirs.set);
        self.set = set;
        // What was just read is now the last version seen: the base of the next merge even if
        // this write fails.
        self.base = theirs.set;
        self.disk = Some(stamp);
        Ok(Some(merge_report))
    }

    /// [`AnnotationStore::save`] with a hook run just before the final rename (for crash tests).
    pub fn save_with(
        &mut self,
        before_rename: impl FnOnce() -> io::Result<()>,
    ) -> Result<SaveReport, StoreError> {
        let report = |outcome, merged| SaveReport {
            path: self.path.clone(),
            outcome,
            merged,
            warning: None,
        };
        if let Some(r) = self.read_only_reason() {
            return Ok(report(SaveOutcome::ReadOnly(r.to_owned()), None));
        }
        if !self.dirty {
            return Ok(report(SaveOutcome::Unchanged, None));
        }
        // Permissions may have been taken away since the file was opened: the changes stay in
        // memory (and `q` keeps asking) until a save is allowed again.
        if let Some(why) = permission_bits_forbid(&self.path) {
            return Err(StoreError::ReadOnly(why));
        }
        // Read, merge and write under the file's lock, so another writer's save cannot slip in
        // between our read and our rename (its work would be replaced unseen).
        let _lock = SaveLock::acquire(&self.path).map_err(io_err(&self.path))?;
        let merged = self.merge_disk_changes()?;
        self.document = self.document.refreshed(&self.article);
        let text = document::to_json(&self.document, &self.set, &self.article);
        let replaced = write_atomic(&self.path, text.as_bytes(), before_rename)?;
        // The stamp of what was just written, from the bytes in hand rather than a second read
        // of the file (which would also take in a write by someone else made in between).
        let meta = fs::metadata(&self.path).map_err(io_err(&self.path))?;
        self.disk = Some(DiskStamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            sha256: sha256_hex(&text),
        });
        self.base = self.set.clone();
        self.dirty = false;
        Ok(SaveReport {
            path: self.path.clone(),
            outcome: SaveOutcome::Written {
                backup: replaced.backup,
            },
            merged,
            warning: replaced.warning,
        })
    }
}

/// The `document.path` written for `article` into the file at `file`: the article's name when
/// they share a folder, its absolute path otherwise, its name for text without a file.
fn document_path(article: &Article, file: &Path) -> String {
    let Some(article_path) = &article.path else {
        return article.name.clone();
    };
    let same_dir = article_path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
        == file.parent().map(Path::to_path_buf).unwrap_or_default();
    if same_dir {
        article.name.clone()
    } else {
        fs::canonicalize(article_path)
            .unwrap_or_else(|_| article_path.clone())
            .display()
            .to_string()
    }
}

/// Chooses the file: override, sidecar when its folder is writable, else the data directory.
/// The third value is a sidecar to start from when falling back because its folder is not
/// writable.
/// A file read to open a store: (text, its stamp when it is the store's own file, the name to
/// show).
type ReadFile = (String, Option<DiskStamp>, String);

/// The annotation file at `path`, or else the sidecar `fallback` (with no stamp) when the
/// article folder is not writable but holds one: the store starts from it and its first save
/// creates the data-directory copy. `None` when there is neither; an error message naming the
/// file that cannot be read.
fn read_existing(path: &Path, fallback: Option<PathBuf>) -> Result<Option<ReadFile>, String> {
    let shown = path.display().to_string();
    match read_with_stamp(path) {
        Ok(Some((text, stamp))) => Ok(Some((text, Some(stamp), shown))),
        Ok(None) => match fallback {
            Some(src) => match read_with_stamp(&src) {
                Ok(Some((text, _))) => Ok(Some((text, None, src.display().to_string()))),
                Ok(None) => Ok(None),
                Err(e) => Err(format!("{}: {e}", src.display())),
            },
            None => Ok(None),
        },
        Err(e) => Err(format!("{shown}: {e}")),
    }
}

/// Where the annotations of the article at `article_path` go in the data directory `data_dir`
/// when its folder is read-only: one file per article path, so two articles of the same name
/// in different read-only folders do not share annotations.
fn data_dir_copy(article_path: &Path, data_dir: &Path) -> PathBuf {
    let absolute = fs::canonicalize(article_path).unwrap_or_else(|_| article_path.to_path_buf());
    let tag = &sha256_hex(&absolute.display().to_string())[..12];
    let stem = article_path
        .file_stem()
        .map_or_else(|| "article".into(), |s| s.to_string_lossy().into_owned());
    data_dir
        .join("annotations")
        .join(format!("{stem}-{tag}{SIDECAR_SUFFIX}"))
}

fn resolve_path(
    article: &Article,
    options: &StoreOptions,
    data_dir: Option<&Path>,
) -> Result<(PathBuf, Location, Option<PathBuf>), StoreError> {
    if let Some(p) = &options.annotations {
        return Ok((p.clone(), Location::Override, None));
    }
    let in_data_dir = |file_name: String| -> Result<PathBuf, StoreError> {
        Ok(data_dir
            .ok_or(StoreError::NoDataDir)?
            .join("annotations")
            .join(file_name))
    };
    let Some(article_path) = &article.path else {
        let stem = Path::new(&article.name)
            .file_stem()
            .map_or_else(|| "article".into(), |s| s.to_string_lossy().into_owned());
        return Ok((
            in_data_dir(format!("{stem}{SIDECAR_SUFFIX}"))?,
            Location::DataDir("no article file".to_owned()),
            None,
        ));
    };
    let sidecar = sidecar_path(article_path);
    let dir = folder_of(&sidecar).to_path_buf();
    let copy = data_dir.map(|d| data_dir_copy(article_path, d));
    if dir_is_writable(&dir) {
        // Saved in the data directory while the folder was read-only: that copy holds the
        // latest work, so it is opened (and said), never silently passed over for the sidecar.
        if let Some(copy) = copy.filter(|c| c.is_file()) {
            let newer = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
            let sidecar_changed_since = newer(&sidecar) > newer(&copy);
            let why = format!(
                "saved here while {} was not writable{}",
                dir.display(),
                if sidecar_changed_since {
                    "; the file beside the article changed since: compare them"
                } else {
                    "; move it beside the article to use it there"
                }
            );
            return Ok((copy, Location::DataDir(why), None));
        }
        return Ok((sidecar, Location::Sidecar, None));
    }
    let path = copy.ok_or(StoreError::NoDataDir)?;
    let from = sidecar.exists().then_some(sidecar);
    Ok((
        path,
        Location::DataDir(format!("{} is not writable", dir.display())),
        from,
    ))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::annotate::model::Claim;

    #[test]
    fn sidecar_replaces_the_extension() {
        assert_eq!(
            sidecar_path(Path::new("/a/aleppo.txt")),
            PathBuf::from("/a/aleppo.isnad.json")
        );
        assert_eq!(
            sidecar_path(Path::new("notes")),
            PathBuf::from("notes.isnad.json")
        );
    }

    #[test]
    fn articles_with_one_name_and_two_extensions_never_share_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let txt = dir.path().join("aleppo.txt");
        let html = dir.path().join("aleppo.html");
        fs::write(&txt, "أعلن المتحدث باسم الوزارة").unwrap();
        fs::write(&html, "<p>نص آخر تماماً</p>").unwrap();
        let opts = StoreOptions::default();
        let mut store = AnnotationStore::open(Article::load(&txt).unwrap(), &opts);
        assert_eq!(store.path(), dir.path().join("aleppo.isnad.json"));
        let claim = Claim::by_human(store.article(), 0..8, "me").unwrap();
        store
            .apply(crate::annotate::Edit::Add(crate::annotate::Item::Claim(
                claim,
            )))
            .unwrap();
        store.save().unwrap();
        let written = fs::read(store.path()).unwrap();
        // the shared name is taken by aleppo.txt: aleppo.html gets its own file
        assert_eq!(
            sidecar_path(&html),
            dir.path().join("aleppo.html.isnad.json")
        );
        let other = AnnotationStore::open(Article::load(&html).unwrap(), &opts);
        assert_eq!(other.path(), dir.path().join("aleppo.html.isnad.json"));
        assert!(other.set().claims.is_empty());
        // and aleppo.txt still finds its own, untouched
        assert_eq!(sidecar_path(&txt), dir.path().join("aleppo.isnad.json"));
        assert_eq!(
            fs::read(dir.path().join("aleppo.isnad.json")).unwrap(),
            written
        );
    }

    #[test]
    fn sample_goes_to_the_data_dir_and_writes_only_after_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let opts = StoreOptions {
            annotations: None,
            data_dir: Some(dir.path().to_path_buf()),
        };
        let mut store = AnnotationStore::open(Article::sample(), &opts);
        assert_eq!(
            store.path(),
            dir.path().join("annotations/sample-article.isnad.json")
        );
        assert!(matches!(store.location(), Location::DataDir(_)));
        let a = Article::sample();
        let suggestion = Claim::suggested(
            &a,
            0..8,
            crate::annotate::model::ClaimType::Event,
            crate::annotate::model::Origin::rule("cues", None),
        )
        .unwrap();
        assert_eq!(store.add_suggestions([Item::Claim(suggestion)]), 1);
        assert_eq!(store.save().unwrap().outcome, SaveOutcome::Unchanged);
        assert!(!store.path().exists());
        let c = Claim::by_human(&a, 9..23, "me").unwrap();
        store.apply(Edit::Add(Item::Claim(c))).unwrap();
        assert!(store.is_dirty());
        let r = store.save().unwrap();
        assert_eq!(r.outcome, SaveOutcome::Written { backup: None });
        assert!(!store.is_dirty());
        let again = AnnotationStore::open(Article::sample(), &opts);
        assert_eq!(again.anchor_report(), AnchorReport::default());
        assert_eq!(again.set(), store.set());
        assert_eq!(again.set().claims.len(), 2);
    }
}

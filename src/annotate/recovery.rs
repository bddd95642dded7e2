//! Keeping annotation changes that could not be saved when isnad has to exit anyway (a signal,
//! a lost terminal): a copy goes to the data directory's `recovery/` folder, else to the
//! temporary directory (a full disk may hold the first and not the second).

use std::path::Path;

use crate::annotate::AnnotationStore;
use crate::annotate::store::write_atomic;

/// Writes the store's unsaved changes to a recovery folder under `data_dir` (or the temporary
/// directory). Returns what to tell the user on the way out; `None` when nothing was unsaved.
pub fn rescue_unsaved(store: &AnnotationStore, data_dir: &Path) -> Option<String> {
    if !store.is_dirty() || store.is_read_only() {
        return None;
    }
    let text = store.unsaved_json();
    let name = store
        .path()
        .file_name()
        .map_or_else(|| "annotations.isnad.json".into(), |n| n.to_string_lossy());
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let file_name = format!("{stamp}-{name}");
    let dirs = [
        data_dir.join("recovery"),
        std::env::temp_dir().join("isnad-recovery"),
    ];
    let mut failures = Vec::new();
    for dir in dirs {
        let path = dir.join(&file_name);
        let written = std::fs::create_dir_all(&dir)
            .map_err(|e| e.to_string())
            .and_then(|()| {
                write_atomic(&path, text.as_bytes(), || Ok(())).map_err(|e| e.to_string())
            });
        match written {
            Ok(_) => {
                return Some(format!(
                    "the annotations could not be saved to {}; the unsaved changes are in {}",
                    store.path().display(),
                    path.display()
                ));
            }
            Err(e) => failures.push(format!("{}: {e}", dir.display())),
        }
    }
    Some(format!(
        "the annotations could not be saved to {}, nor a copy kept ({}): \
         the last changes are lost",
        store.path().display(),
        failures.join("; ")
    ))
}

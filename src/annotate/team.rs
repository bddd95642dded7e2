//! An article's annotators' files, as the library counts them. The convention (docs/agreement.md):
//! the article's own file (`aleppo.isnad.json`, what the reader opens and adjudication writes)
//! and, beside it, one file per other annotator named `STEM.NAME.isnad.json`
//! (`aleppo.bob.isnad.json`), made on the same text (the same `document.text_sha256`). These
//! are the files `isnad agree` and `:compare` take; a file of another text is not counted.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::compare::{conflict_pairs, differences};
use super::file;
use super::store::SIDECAR_SUFFIX;

/// What the library shows of an article's team.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Team {
    /// Annotation files of the article: its own and the other annotators' (0 when none).
    pub files: usize,
    /// Differences between its own file and each other annotator's, summed (what still
    /// differs: it falls as the files are adjudicated).
    pub differences: usize,
    /// Pairs a merge kept twice (`conflict_with`) left in its own file.
    pub conflicts: usize,
}

impl Team {
    /// Whether there is anything to show beyond one annotator's file.
    pub fn is_team(&self) -> bool {
        self.files > 1 || self.conflicts > 0
    }
}

/// The other annotators' files beside `article` (`STEM.NAME.isnad.json`, not `own`), sorted.
pub fn other_files(article: &Path, own: &Path) -> Vec<PathBuf> {
    let (Some(dir), Some(stem)) = (article.parent(), article.file_stem()) else {
        return Vec::new();
    };
    let prefix = format!("{}.", stem.to_string_lossy());
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(listing) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = listing
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            name.as_deref().is_some_and(|n| {
                n.strip_prefix(&prefix)
                    .and_then(|rest| rest.strip_suffix(SIDECAR_SUFFIX))
                    .is_some_and(|who| !who.is_empty() && !who.contains('.'))
            }) && p.as_path() != own
        })
        .collect();
    out.sort();
    out
}

/// The team counts of `article` whose own file is `own`. Files that do not read are left out
/// (opening them says why).
pub fn team_of(article: &Path, own: &Path) -> Team {
    let others = other_files(article, own);
    if others.is_empty() {
        // one annotator (the common case): only the conflicts, read leniently, so listing a
        // folder does not place every file in its article
        return match file::read_text(own) {
            Ok(text) => Team {
                files: 1,
                differences: 0,
                conflicts: flagged(&text) / 2,
            },
            Err(_) => Team::default(),
        };
    }
    let Ok(mine) = file::read(own, None) else {
        return Team {
            files: others.len(),
            ..Team::default()
        };
    };
    let sha = file::text_sha256(&mine.src);
    let mut team = Team {
        files: 1,
        differences: 0,
        conflicts: conflict_pairs(&mine.set).len(),
    };
    for path in others {
        let Ok(text) = file::read_text(&path) else {
            continue;
        };
        if file::text_sha256(&text) != sha {
            continue;
        }
        if let Ok(theirs) = file::read(&path, Some(Arc::clone(&mine.article))) {
            team.files += 1;
            team.differences += differences(&mine.set, &theirs.set, &mine.article).len();
        }
    }
    team
}

/// Items of an annotation file marked `conflict_with` (each pair counts twice).
fn flagged(text: &str) -> usize {
    let Ok(doc) = serde_json::from_str::<serde_json::Value>(text) else {
        return 0;
    };
    ["entities", "sources", "claims", "attributions"]
        .iter()
        .flat_map(|key| doc[key].as_array().into_iter().flatten())
        .filter(|item| item["conflict_with"].is_string())
        .count()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::annotate::document::{DocumentInfo, to_json};
    use crate::annotate::model::{AnnotationSet, Entity, Item, Label};
    use crate::article::Article;

    fn write(path: &Path, a: &Article, items: &[(&str, &str)]) {
        let mut set = AnnotationSet::default();
        for (needle, label) in items {
            let s = a.text.find(needle).unwrap();
            let e = Entity::by_human(a, s..s + needle.len(), Label::parse(label).unwrap(), "t");
            set.upsert(Item::Entity(e.unwrap()));
        }
        let doc = DocumentInfo::for_article(a, "aleppo.txt".into());
        std::fs::write(path, to_json(&doc, &set, a)).unwrap();
    }

    #[test]
    fn annotators_files_beside_the_article_are_counted_with_their_differences() {
        let dir = tempfile::tempdir().unwrap();
        let text = "قال المتحدث إن القاهرة استقبلت الوفد.\n";
        let a = Article::from_text("aleppo.txt", text.to_owned());
        let article = dir.path().join("aleppo.txt");
        std::fs::write(&article, text).unwrap();
        let own = dir.path().join("aleppo.isnad.json");
        assert_eq!(team_of(&article, &own), Team::default());
        write(&own, &a, &[("القاهرة", "GPE"), ("الوفد", "ORG")]);
        assert!(!team_of(&article, &own).is_team(), "one annotator");
        // a merge conflict left in the own file
        let src = std::fs::read_to_string(&own).unwrap();
        let mut doc: serde_json::Value = serde_json::from_str(&src).unwrap();
        let ids: Vec<String> = (0..2)
            .map(|i| doc["entities"][i]["id"].as_str().unwrap().to_owned())
            .collect();
        doc["entities"][0]["conflict_with"] = ids[1].clone().into();
        doc["entities"][1]["conflict_with"] = ids[0].clone().into();
        std::fs::write(&own, serde_json::to_string(&doc).unwrap()).unwrap();
        assert_eq!(team_of(&article, &own).conflicts, 1);
        write(&own, &a, &[("القاهرة", "GPE"), ("الوفد", "ORG")]);
        // bob: one label differs; carol: agrees; another text and another article: not counted
        write(
            &dir.path().join("aleppo.bob.isnad.json"),
            &a,
            &[("القاهرة", "LOC"), ("الوفد", "ORG")],
        );
        write(
            &dir.path().join("aleppo.carol.isnad.json"),
            &a,
            &[("القاهرة", "GPE"), ("الوفد", "ORG")],
        );
        let other = Article::from_text("aleppo.txt", "نص آخر عن القاهرة والوفد.\n".to_owned());
        write(
            &dir.path().join("aleppo.dave.isnad.json"),
            &other,
            &[("القاهرة", "GPE")],
        );
        write(
            &dir.path().join("aleppo.html.x.isnad.json"),
            &a,
            &[("القاهرة", "GPE")],
        );
        write(
            &dir.path().join("aleppo2.eve.isnad.json"),
            &a,
            &[("القاهرة", "GPE")],
        );
        let team = team_of(&article, &own);
        assert_eq!(
            team,
            Team {
                files: 3,
                differences: 1,
                conflicts: 0
            }
        );
        assert!(team.is_team());
        assert_eq!(
            other_files(&article, &own).len(),
            3,
            "dave's is listed, then skipped"
        );
    }
}

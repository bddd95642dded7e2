//! Three annotation files merged into one, for the git merge driver (`isnad merge`): each side
//! is placed in one text (the merged article when it is at hand, else a stand-in rebuilt from
//! the files' quotes), then merged by id with the store's own three-way merge
//! ([`super::merge::merge`]): the same rules for a concurrent save and a git merge.

use crate::article::Article;

use super::document::{self, DocumentInfo};
use super::file::{stand_in, text_sha256};
use super::merge::{MergeReport, merge};
use super::model::AnnotationSet;

/// One side of the merge: the file's text and a name for messages.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    pub name: &'a str,
    /// The file's content; empty for a side that has no file (git's base of two additions).
    pub src: &'a str,
}

/// Which text the sides were placed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MergedText {
    /// The article file.
    Article,
    /// A stand-in from the quotes of all three files (they annotate the same text).
    StandIn,
    /// The texts differ and no article was at hand: a stand-in from ours; what theirs has that
    /// cannot be placed in it goes to `orphans`.
    Ours,
}

/// The merged file and what the merge did.
#[derive(Clone, Debug)]
pub struct Merged {
    /// The merged annotation file, ready to write.
    pub json: String,
    pub report: MergeReport,
    pub text: MergedText,
    /// Items of any side that could not be placed in the text and were kept as orphans.
    pub orphaned: usize,
}

/// Merges `ours` and `theirs` (both descended from `base`) placed in `article` when given (the
/// merged article beside the file), else in a stand-in text. Errors (a side that does not parse)
/// name the side; nothing is merged then.
pub fn merge_files(
    base: Side<'_>,
    ours: Side<'_>,
    theirs: Side<'_>,
    article: Option<&Article>,
) -> Result<Merged, String> {
    let present: Vec<&Side<'_>> = [&base, &ours, &theirs]
        .into_iter()
        .filter(|s| !s.src.trim().is_empty())
        .collect();
    let built;
    let (article, text) = match article {
        Some(a) => (a, MergedText::Article),
        None => {
            let ours_sha = text_sha256(ours.src);
            let same: Vec<&str> = present
                .iter()
                .filter(|s| text_sha256(s.src) == ours_sha)
                .map(|s| s.src)
                .collect();
            let text = if same.len() == present.len() {
                MergedText::StandIn
            } else {
                MergedText::Ours
            };
            built = stand_in(&same, ours.name)?;
            (&built, text)
        }
    };
    let place = |side: &Side<'_>| -> Result<(Option<DocumentInfo>, AnnotationSet, usize), String> {
        if side.src.trim().is_empty() {
            return Ok((None, AnnotationSet::default(), 0));
        }
        let loaded = document::parse(side.src, side.name, article).map_err(|e| e.to_string())?;
        Ok((Some(loaded.document), loaded.set, loaded.anchor.orphaned))
    };
    let (_, base_set, _) = place(&base)?;
    let (ours_doc, ours_set, o1) = place(&ours)?;
    let (theirs_doc, theirs_set, o2) = place(&theirs)?;
    let (set, report) = merge(&base_set, &ours_set, &theirs_set);
    let document = match (ours_doc.or(theirs_doc), text) {
        (Some(doc), MergedText::Article) => doc.refreshed(article),
        (Some(doc), _) => doc,
        (None, _) => return Err(format!("{}: empty on both sides", ours.name)),
    };
    Ok(Merged {
        json: document::to_json(&document, &set, article),
        report,
        text,
        orphaned: o1 + o2,
    })
}

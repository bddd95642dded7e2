//! brat standoff (`.txt` + `.ann`): export and import. Offsets are code points of the `.txt`
//! (what brat's Python server uses), half-open. A span that crosses a line break is written as
//! fragments (`start end;start end`), as brat requires.
//!
//! Mapping: entities → `T` with their label; sources, claims and attribution cues → `T` of type
//! `Source`, `Claim`, `Cue`; attribution → `R Attributed_to Arg1:claim Arg2:source` and
//! `R Cue_of Arg1:cue Arg2:claim`; a source's entity → `R Refers_to`; types and review state →
//! `A` lines; notes → `#` `AnnotatorNotes`. Import also reads PARC-style events
//! (`E1 Attribution:T2 Source:T1 Content:T3`).

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::article::Article;

use super::super::anchor::Anchorer;
use super::super::model::{
    AnnotationSet, Attribution, Claim, ClaimType, Entity, FileSpan, ItemKind, Label, Origin,
    QuoteType, Source, SourceType, Span, VerificationStatus,
};

/// Code-point fragments of `span`, split at line breaks (brat spans may not contain them).
fn fragments(article: &Article, span: Span) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let text = span.text(article);
    let mut offset = span.start;
    for piece in text.split('\n') {
        let trimmed = piece.trim_end_matches('\r');
        if !trimmed.is_empty() {
            out.push((
                article.byte_to_char(offset),
                article.byte_to_char(offset + trimmed.len()),
                trimmed.to_owned(),
            ));
        }
        offset += piece.len() + 1;
    }
    out
}

/// Writes the `.ann` content for `set` (the `.txt` is the article text itself).
pub fn to_ann(set: &AnnotationSet, article: &Article) -> String {
    let mut out = String::new();
    let mut t = 0usize;
    let mut a = 0usize;
    let mut r = 0usize;
    let mut notes = 0usize;
    let mut tid: HashMap<String, String> = HashMap::new();
    let mut text_bound = |out: &mut String, kind: &str, span: Span| -> Option<String> {
        let frags = fragments(article, span);
        if frags.is_empty() {
            return None;
        }
        t += 1;
        let offsets: Vec<String> = frags.iter().map(|(s, e, _)| format!("{s} {e}")).collect();
        let texts: Vec<&str> = frags.iter().map(|(_, _, x)| x.as_str()).collect();
        let _ = writeln!(
            out,
            "T{t}\t{kind} {}\t{}",
            offsets.join(";"),
            texts.join(" ")
        );
        Some(format!("T{t}"))
    };
    let mut attrs: Vec<(String, &str, String)> = Vec::new();
    let mut note_lines: Vec<(String, String)> = Vec::new();
    for e in &set.entities {
        if let Some(id) = text_bound(&mut out, e.label.as_str(), e.span) {
            attrs.push((id.clone(), "Review", e.review.status.to_string()));
            if !e.note.is_empty() {
                note_lines.push((id.clone(), e.note.clone()));
            }
            tid.insert(e.id.clone(), id);
        }
    }
    for s in &set.sources {
        if let Some(id) = s.span.and_then(|span| text_bound(&mut out, "Source", span)) {
            attrs.push((id.clone(), "SourceType", s.source_type.to_string()));
            attrs.push((id.clone(), "Review", s.review.status.to_string()));
            if !s.note.is_empty() {
                note_lines.push((id.clone(), s.note.clone()));
            }
            tid.insert(s.id.clone(), id);
        }
    }
    for c in &set.claims {
        if let Some(id) = text_bound(&mut out, "Claim", c.span) {
            attrs.push((id.clone(), "ClaimType", c.claim_type.to_string()));
            attrs.push((
                id.clone(),
                "Verification",
                c.verification.status.to_string(),
            ));
            attrs.push((id.clone(), "Review", c.review.status.to_string()));
            if !c.note.is_empty() {
                note_lines.push((id.clone(), c.note.clone()));
            }
            tid.insert(c.id.clone(), id);
        }
    }
    let mut relations = String::new();
    for s in &set.sources {
        if let (Some(src), Some(ent)) = (
            tid.get(&s.id),
            s.entity_id.as_ref().and_then(|e| tid.get(e)),
        ) {
            r += 1;
            let _ = writeln!(relations, "R{r}\tRefers_to Arg1:{src} Arg2:{ent}");
        }
    }
    for at in &set.attributions {
        let Some(claim) = tid.get(&at.claim_id).cloned() else {
            continue;
        };
        match tid.get(&at.source_id) {
            Some(source) => {
                r += 1;
                let _ = writeln!(relations, "R{r}\tAttributed_to Arg1:{claim} Arg2:{source}");
            }
            None => {
                let name = set
                    .sources
                    .iter()
                    .find(|s| s.id == at.source_id)
                    .map_or(at.source_id.as_str(), |s| s.name.as_str());
                note_lines.push((claim.clone(), format!("attributed to {name} (no span)")));
            }
        }
        if at.quote_type != QuoteType::Unknown {
            attrs.push((claim.clone(), "QuoteType", at.quote_type.to_string()));
        }
        if let Some(cue) = at.cue.and_then(|span| text_bound(&mut out, "Cue", span)) {
            r += 1;
            let _ = writeln!(relations, "R{r}\tCue_of Arg1:{cue} Arg2:{claim}");
        }
    }
    out.push_str(&relations);
    for (target, name, value) in attrs {
        a += 1;
        let _ = writeln!(out, "A{a}\t{name} {target} {value}");
    }
    for (target, note) in note_lines {
        notes += 1;
        let one_line = note.replace(['\n', '\r', '\t'], " ");
        let _ = writeln!(out, "#{notes}\tAnnotatorNotes {target}\t{one_line}");
    }
    out
}

/// A text-bound (`T`) line of a `.ann` file as written, before it is checked against the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextBound<'a> {
    /// The brat id (`T1`).
    pub id: &'a str,
    /// The brat type (`PER`, `Source`, …).
    pub kind: &'a str,
    /// Code-point fragments (`start < end`), in the order written.
    pub fragments: Vec<(usize, usize)>,
    /// The reference text after the second TAB; fragments are joined with single spaces.
    pub reference: Option<&'a str>,
}

/// Why a text-bound line could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BadTextBound<'a> {
    /// No TAB after the id.
    NoTab { id: &'a str },
    /// The type is not followed by a space and offsets.
    NoOffsets { id: &'a str, kind: &'a str },
    /// A fragment is not `START END` with `START < END`.
    BadOffsets {
        id: &'a str,
        kind: &'a str,
        /// All the offsets as written (`0 5;8 12`).
        offsets: &'a str,
        /// The fragment at fault (`8 x`).
        fragment: &'a str,
    },
}

impl BadTextBound<'_> {
    /// 1-based code-point column of the problem: after the id for a missing TAB, else where
    /// the offsets start.
    pub fn column(&self) -> usize {
        match self {
            BadTextBound::NoTab { id } => id.chars().count() + 1,
            BadTextBound::NoOffsets { id, kind } | BadTextBound::BadOffsets { id, kind, .. } => {
                id.chars().count() + kind.chars().count() + 3
            }
        }
    }
}

/// Reads one text-bound line (`ID TAB TYPE START END[;START END] [TAB TEXT]`). The caller
/// decides what a line not starting with `T` is.
pub fn parse_text_bound(line: &str) -> Result<TextBound<'_>, BadTextBound<'_>> {
    let mut parts = line.splitn(3, '\t');
    let id = parts.next().unwrap_or("");
    let Some(def) = parts.next() else {
        return Err(BadTextBound::NoTab { id });
    };
    let reference = parts.next();
    let Some((kind, offsets)) = def.split_once(' ') else {
        return Err(BadTextBound::NoOffsets { id, kind: def });
    };
    let mut fragments = Vec::new();
    for fragment in offsets.split(';') {
        let mut nums = fragment.split_whitespace().map(str::parse::<usize>);
        match (nums.next(), nums.next(), nums.next()) {
            (Some(Ok(s)), Some(Ok(e)), None) if s < e => fragments.push((s, e)),
            _ => {
                return Err(BadTextBound::BadOffsets {
                    id,
                    kind,
                    offsets,
                    fragment,
                });
            }
        }
    }
    Ok(TextBound {
        id,
        kind,
        fragments,
        reference,
    })
}

/// A text-bound annotation whose reference text was not at its offsets but found nearby.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RealignedSpan {
    /// Line in the `.ann` file (1-based).
    pub line: usize,
    pub id: String,
    /// The code-point offsets written in the file.
    pub written: (usize, usize),
    /// Where the reference text was found.
    pub span: Span,
}

/// A text-bound annotation whose reference text is not in the article: skipped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnalignedSpan {
    /// Line in the `.ann` file (1-based).
    pub line: usize,
    pub id: String,
    pub kind: String,
    /// The code-point offsets written in the file.
    pub written: (usize, usize),
    pub reference: String,
}

/// The result of reading a `.ann` file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BratImport {
    /// Everything read, as suggestions (`origin.kind = import`).
    pub set: AnnotationSet,
    /// Spans moved to where their reference text is (each also has a warning).
    pub realigned: Vec<RealignedSpan>,
    /// Spans whose reference text is not in the article (each also has a warning).
    pub unaligned: Vec<UnalignedSpan>,
    /// Lines skipped or spans realigned, as `FILE:LINE: message`.
    pub warnings: Vec<String>,
}

/// Maps a brat type to one of our labels: upper-cased, other characters as `_`.
fn label_for(brat_type: &str) -> Option<Label> {
    let mut s: String = brat_type
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    if !s.starts_with(|c: char| c.is_ascii_uppercase()) {
        s.insert(0, 'X');
    }
    s.truncate(32);
    Label::parse(&s).ok()
}

/// Parses `.ann` text into suggestions for `article`. Every span is checked: the reference text
/// must equal the article's text at the offsets; otherwise the quote is searched nearby and the
/// span realigned (with a warning) or skipped (with a warning) — never silently shifted.
pub fn parse_ann(ann: &str, file: &str, article: &Article) -> BratImport {
    let origin = Origin::import(&format!("brat:{file}"));
    let anchorer = Anchorer::new(article);
    let mut out = BratImport::default();
    // brat id → our id
    let mut ids: HashMap<String, String> = HashMap::new();
    let mut cues: HashMap<String, Span> = HashMap::new();
    let mut warn = |line: usize, msg: String| out.warnings.push(format!("{file}:{line}: {msg}"));
    let mut set = AnnotationSet::default();
    let mut deferred: Vec<(usize, &str)> = Vec::new();

    for (n, line) in ann.lines().enumerate() {
        let n = n + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        if !line.starts_with('T') {
            deferred.push((n, line));
            continue;
        }
        let parsed = match parse_text_bound(line) {
            Ok(parsed) => parsed,
            Err(BadTextBound::NoTab { .. }) => {
                warn(
                    n,
                    "malformed text-bound line (expected ID TAB TYPE START END TAB TEXT)".into(),
                );
                continue;
            }
            Err(BadTextBound::NoOffsets { id, .. }) => {
                warn(n, format!("{id}: missing offsets"));
                continue;
            }
            Err(BadTextBound::BadOffsets { id, fragment, .. }) => {
                warn(n, format!("{id}: bad offsets {fragment:?}"));
                continue;
            }
        };
        let (bid, kind, frags) = (parsed.id, parsed.kind, parsed.fragments);
        let reference = parsed.reference.unwrap_or("");
        let (Some(&(start, _)), Some(&(_, end))) = (frags.first(), frags.last()) else {
            continue;
        };
        // Fragments are joined with single spaces in the reference text; the whole range from
        // first start to last end is what we keep as one span.
        let joined: Vec<String> = frags
            .iter()
            .filter_map(|&(s, e)| {
                let (bs, be) = (article.char_to_byte(s)?, article.char_to_byte(e)?);
                article.text.get(bs..be).map(str::to_owned)
            })
            .collect();
        let span = if joined.len() == frags.len() && joined.join(" ") == reference {
            FileSpan {
                start,
                end,
                exact: String::new(),
                prefix: None,
                suffix: None,
            }
            .to_bytes_unchecked(article)
        } else {
            None
        };
        let span = match span {
            Some(s) => s,
            None => {
                let wanted = FileSpan {
                    start,
                    end,
                    exact: reference.to_owned(),
                    prefix: None,
                    suffix: None,
                };
                match anchorer.place(&wanted) {
                    Some((s, _)) => {
                        warn(
                            n,
                            format!(
                                "{bid}: text at {start}..{end} is not {reference:?}; realigned to {}..{}",
                                article.byte_to_char(s.start),
                                article.byte_to_char(s.end)
                            ),
                        );
                        out.realigned.push(RealignedSpan {
                            line: n,
                            id: bid.to_owned(),
                            written: (start, end),
                            span: s,
                        });
                        s
                    }
                    None => {
                        warn(
                            n,
                            format!("{bid}: {reference:?} not found in the article; skipped"),
                        );
                        out.unaligned.push(UnalignedSpan {
                            line: n,
                            id: bid.to_owned(),
                            kind: kind.to_owned(),
                            written: (start, end),
                            reference: reference.to_owned(),
                        });
                        continue;
                    }
                }
            }
        };
        match kind {
            "Source" => {
                let s = Source {
                    id: set.fresh_id(ItemKind::Source),
                    span: Some(span),
                    name: span.text(article).to_owned(),
                    source_type: SourceType::Unknown,
                    entity_id: None,
                    role: Default::default(),
                    same_as: None,
                    origin: origin.clone(),
                    review: Default::default(),
                    note: String::new(),
                    conflict_with: None,
                };
                ids.insert(bid.to_owned(), s.id.clone());
                set.sources.push(s);
            }
            "Claim" | "Content" => {
                let c = Claim {
                    id: set.fresh_id(ItemKind::Claim),
                    span,
                    claim_type: ClaimType::Statement,
                    verification: Default::default(),
                    origin: origin.clone(),
                    review: Default::default(),
                    note: String::new(),
                    conflict_with: None,
                };
                ids.insert(bid.to_owned(), c.id.clone());
                set.claims.push(c);
            }
            "Cue" | "Attribution" => {
                cues.insert(bid.to_owned(), span);
            }
            other => match label_for(other) {
                Some(label) => {
                    let e = Entity {
                        id: set.fresh_id(ItemKind::Entity),
                        original_label: (label.as_str() != other).then(|| other.to_owned()),
                        label,
                        span,
                        origin: origin.clone(),
                        review: Default::default(),
                        note: String::new(),
                        conflict_with: None,
                    };
                    ids.insert(bid.to_owned(), e.id.clone());
                    set.entities.push(e);
                }
                None => warn(
                    n,
                    format!("{bid}: type {other:?} cannot be a label; skipped"),
                ),
            },
        }
    }

    let mut cue_of: HashMap<String, Span> = HashMap::new();
    let mut links: Vec<(usize, String, String, Option<Span>)> = Vec::new();
    for (n, line) in deferred {
        let mut parts = line.splitn(3, '\t');
        let bid = parts.next().unwrap_or("");
        let def = parts.next().unwrap_or("");
        let rest = parts.next().unwrap_or("");
        let args: Vec<&str> = def.split_whitespace().collect();
        let arg = |name: &str| -> Option<&str> {
            args.iter()
                .find_map(|a| a.strip_prefix(name).and_then(|x| x.strip_prefix(':')))
        };
        match bid.chars().next() {
            Some('R') => {
                let (a1, a2) = (arg("Arg1"), arg("Arg2"));
                match (args.first().copied(), a1, a2) {
                    (Some("Attributed_to"), Some(c), Some(s)) => match (ids.get(c), ids.get(s)) {
                        (Some(c), Some(s)) => links.push((n, c.clone(), s.clone(), None)),
                        _ => warn(n, format!("{bid}: arguments not found")),
                    },
                    (Some("Cue_of"), Some(cue), Some(c)) => match (cues.get(cue), ids.get(c)) {
                        (Some(span), Some(c)) => {
                            cue_of.insert(c.clone(), *span);
                        }
                        _ => warn(n, format!("{bid}: arguments not found")),
                    },
                    (Some("Refers_to"), Some(s), Some(e)) => match (ids.get(s), ids.get(e)) {
                        (Some(s), Some(e)) => {
                            if let Some(src) = set.sources.iter_mut().find(|x| &x.id == s) {
                                src.entity_id = Some(e.clone());
                            }
                        }
                        _ => warn(n, format!("{bid}: arguments not found")),
                    },
                    _ => warn(
                        n,
                        format!("{bid}: relation {def:?} not understood; skipped"),
                    ),
                }
            }
            Some('E') => {
                // E1	Attribution:T2 Source:T1 Content:T3
                let cue = args
                    .first()
                    .and_then(|t| t.split_once(':'))
                    .and_then(|(_, t)| cues.get(t).copied());
                match (
                    arg("Source").and_then(|s| ids.get(s)),
                    arg("Content").and_then(|c| ids.get(c)),
                ) {
                    (Some(s), Some(c)) => links.push((n, c.clone(), s.clone(), cue)),
                    _ => warn(
                        n,
                        format!("{bid}: event needs Source and Content arguments"),
                    ),
                }
            }
            Some('A') | Some('M') => {
                let (Some(name), Some(target)) = (args.first().copied(), args.get(1)) else {
                    warn(n, format!("{bid}: malformed attribute"));
                    continue;
                };
                let value = args.get(2).copied().unwrap_or("").to_ascii_lowercase();
                let Some(our) = ids.get(*target) else {
                    warn(n, format!("{bid}: target {target} not found"));
                    continue;
                };
                let ok = match name {
                    "SourceType" => value.parse::<SourceType>().ok().and_then(|v| {
                        set.sources
                            .iter_mut()
                            .find(|x| &x.id == our)
                            .map(|x| x.source_type = v)
                    }),
                    "ClaimType" => value.parse::<ClaimType>().ok().and_then(|v| {
                        set.claims
                            .iter_mut()
                            .find(|x| &x.id == our)
                            .map(|x| x.claim_type = v)
                    }),
                    "Verification" => value.parse::<VerificationStatus>().ok().and_then(|v| {
                        set.claims
                            .iter_mut()
                            .find(|x| &x.id == our)
                            .map(|x| x.verification.status = v)
                    }),
                    // review state and quote type are re-decided by whoever reviews the import
                    "Review" | "QuoteType" => Some(()),
                    _ => None,
                };
                if ok.is_none() {
                    warn(
                        n,
                        format!("{bid}: attribute {name} {value:?} not understood; skipped"),
                    );
                }
            }
            Some('#') => {
                let target = args.get(1).and_then(|t| ids.get(*t));
                let note = rest.trim();
                match target {
                    Some(our) => {
                        let our = our.clone();
                        let slot = set
                            .entities
                            .iter_mut()
                            .find(|x| x.id == our)
                            .map(|x| &mut x.note)
                            .or_else(|| {
                                set.sources
                                    .iter_mut()
                                    .find(|x| x.id == our)
                                    .map(|x| &mut x.note)
                            })
                            .or_else(|| {
                                set.claims
                                    .iter_mut()
                                    .find(|x| x.id == our)
                                    .map(|x| &mut x.note)
                            });
                        if let Some(slot) = slot {
                            if !slot.is_empty() {
                                slot.push('\n');
                            }
                            slot.push_str(note);
                        }
                    }
                    None => warn(n, format!("{bid}: note target not found")),
                }
            }
            _ => warn(n, format!("{bid}: line type not supported; skipped")),
        }
    }
    for (_, claim, source, cue) in links {
        let cue = cue.or_else(|| cue_of.get(&claim).copied());
        let mut at =
            Attribution::suggested(&claim, &source, cue, QuoteType::Unknown, origin.clone());
        at.id = set.fresh_id(ItemKind::Attribution);
        set.attributions.push(at);
    }
    set.sort();
    out.set = set;
    out
}

impl FileSpan {
    /// Byte span for these offsets without checking the quote (brat import checks the
    /// reference text itself, fragment by fragment).
    fn to_bytes_unchecked(&self, article: &Article) -> Option<Span> {
        let start = article.char_to_byte(self.start)?;
        let end = article.char_to_byte(self.end)?;
        (start < end).then_some(Span { start, end })
    }
}

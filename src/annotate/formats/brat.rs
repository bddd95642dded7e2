//! brat standoff (`.txt` + `.ann`): export and import. Offsets are code points of the `.txt`
//! (what brat's Python server uses), half-open. A span that crosses a line break is written as
//! fragments (`start end;start end`), as brat requires.
//!
//! Mapping: entities → `T` with their label; sources, claims and attribution cues → `T` of type
//! `Source`, `Claim`, `Cue`; attribution → `R Attributed_to Arg1:claim Arg2:source` and
//! `R Cue_of Arg1:cue Arg2:claim`; a source's entity → `R Refers_to`; types and review state →
//! `A` lines; notes → `#` `AnnotatorNotes`. Import also reads PARC-style events
//! (`E1 Attribution:T2 Source:T1 Content:T3`).
//!
//! The isnad (format version 2): an attribution's chain is written as `R Via Arg1:claim
//! Arg2:intermediary` relations right after its `Attributed_to`, one per hand in chain order
//! (speaker outward), so their order is the order of their `R` numbers, and a `Via` belongs to
//! the claim's `Attributed_to` with the highest number below its own. A stance other than
//! `asserts` is an `A Stance` attribute on the attribution's cue, or on its claim when it has no
//! cue (brat has no attributes on relations). A source's `same_as` is `R Same_as Arg1:mention
//! Arg2:referent`. Import reads all three back (and gives the hands their `role`).

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::article::Article;

use super::ImportError;

use super::super::anchor::Anchorer;
use super::super::model::{
    AnnotationSet, Attribution, Claim, ClaimType, Entity, FileSpan, ItemKind, Label, Origin,
    QuoteType, Source, SourceRole, SourceType, Span, Stance, VerificationStatus,
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
    let mut ann = AnnWriter::new(article);
    for e in &set.entities {
        let attrs = [("Review", e.review.status.to_string())];
        ann.item(&e.id, e.label.as_str(), Some(e.span), attrs, &e.note);
    }
    for s in &set.sources {
        let attrs = [
            ("SourceType", s.source_type.to_string()),
            ("Review", s.review.status.to_string()),
        ];
        ann.item(&s.id, "Source", s.span, attrs, &s.note);
    }
    for c in &set.claims {
        let attrs = [
            ("ClaimType", c.claim_type.to_string()),
            ("Verification", c.verification.status.to_string()),
            ("Review", c.review.status.to_string()),
        ];
        ann.item(&c.id, "Claim", Some(c.span), attrs, &c.note);
    }
    for s in &set.sources {
        ann.source_relations(s);
    }
    for at in &set.attributions {
        ann.attribution(set, at);
    }
    ann.finish()
}

/// A `.ann` being written: text-bound lines as they come; relations, attributes and notes kept
/// to follow them; the brat id given to each item.
struct AnnWriter<'a> {
    article: &'a Article,
    out: String,
    relations: String,
    attrs: Vec<(String, &'static str, String)>,
    notes: Vec<(String, String)>,
    /// Item id → brat id (`T3`).
    ids: HashMap<String, String>,
    texts: usize,
    links: usize,
}

impl<'a> AnnWriter<'a> {
    fn new(article: &'a Article) -> Self {
        Self {
            article,
            out: String::new(),
            relations: String::new(),
            attrs: Vec::new(),
            notes: Vec::new(),
            ids: HashMap::new(),
            texts: 0,
            links: 0,
        }
    }

    /// A `T` line for `span` (one fragment per line of text it covers); its brat id.
    fn text_bound(&mut self, kind: &str, span: Span) -> Option<String> {
        let frags = fragments(self.article, span);
        if frags.is_empty() {
            return None;
        }
        self.texts += 1;
        let t = self.texts;
        let offsets: Vec<String> = frags.iter().map(|(s, e, _)| format!("{s} {e}")).collect();
        let texts: Vec<&str> = frags.iter().map(|(_, _, x)| x.as_str()).collect();
        let (offsets, texts) = (offsets.join(";"), texts.join(" "));
        let _ = writeln!(self.out, "T{t}\t{kind} {offsets}\t{texts}");
        Some(format!("T{t}"))
    }

    /// An `R` line.
    fn relation(&mut self, kind: &str, arg1: &str, arg2: &str) {
        self.links += 1;
        let r = self.links;
        let _ = writeln!(self.relations, "R{r}\t{kind} Arg1:{arg1} Arg2:{arg2}");
    }

    /// An entity, source or claim with its attributes and note (nothing for a source without
    /// a span).
    fn item<const N: usize>(
        &mut self,
        id: &str,
        kind: &str,
        span: Option<Span>,
        attrs: [(&'static str, String); N],
        note: &str,
    ) {
        let Some(brat) = span.and_then(|span| self.text_bound(kind, span)) else {
            return;
        };
        for (name, value) in attrs {
            self.attrs.push((brat.clone(), name, value));
        }
        if !note.is_empty() {
            self.notes.push((brat.clone(), note.to_owned()));
        }
        self.ids.insert(id.to_owned(), brat);
    }

    /// A source's `Refers_to` (the entity it names) and `Same_as` (what it refers back to).
    fn source_relations(&mut self, s: &Source) {
        let Some(src) = self.ids.get(&s.id).cloned() else {
            return;
        };
        if let Some(entity) = s.entity_id.as_ref().and_then(|e| self.ids.get(e)).cloned() {
            self.relation("Refers_to", &src, &entity);
        }
        if let Some(referent) = s.same_as.as_ref().and_then(|x| self.ids.get(x)).cloned() {
            self.relation("Same_as", &src, &referent);
        }
    }

    /// An attribution: `Attributed_to` with its chain (`Via`, in order, right after the link),
    /// or a note naming a source without a span; its cue (`Cue_of`), quote type and stance.
    fn attribution(&mut self, set: &AnnotationSet, at: &Attribution) {
        let Some(claim) = self.ids.get(&at.claim_id).cloned() else {
            return;
        };
        match self.ids.get(&at.source_id).cloned() {
            Some(source) => {
                self.relation("Attributed_to", &claim, &source);
                let hands: Vec<String> = (at.via.iter())
                    .filter_map(|h| self.ids.get(h).cloned())
                    .collect();
                for hand in hands {
                    self.relation("Via", &claim, &hand);
                }
            }
            None => {
                let name = (set.sources.iter())
                    .find(|s| s.id == at.source_id)
                    .map_or(at.source_id.as_str(), |s| s.name.as_str());
                let note = format!("attributed to {name} (no span)");
                self.notes.push((claim.clone(), note));
            }
        }
        if at.quote_type != QuoteType::Unknown {
            let value = at.quote_type.to_string();
            self.attrs.push((claim.clone(), "QuoteType", value));
        }
        let cue = at.cue.and_then(|span| self.text_bound("Cue", span));
        if let Some(cue) = &cue {
            self.relation("Cue_of", cue, &claim);
        }
        if at.stance != Stance::Asserts {
            let value = at.stance.to_string();
            self.attrs.push((cue.unwrap_or(claim), "Stance", value));
        }
    }

    /// The text-bound lines, then the relations, the attributes and the notes.
    fn finish(mut self) -> String {
        self.out.push_str(&self.relations);
        for (a, (target, name, value)) in self.attrs.into_iter().enumerate() {
            let _ = writeln!(self.out, "A{}\t{name} {target} {value}", a + 1);
        }
        for (n, (target, note)) in self.notes.into_iter().enumerate() {
            let one_line = note.replace(['\n', '\r', '\t'], " ");
            let _ = writeln!(self.out, "#{}\tAnnotatorNotes {target}\t{one_line}", n + 1);
        }
        self.out
    }
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
    /// Our id of the item made from it (none for a cue).
    pub item: Option<String>,
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

/// Parses `.ann` text into suggestions for `article`: the one brat reader, for `isnad import`
/// and the reader's `:import` alike. Every span is checked: the reference text must equal the
/// article's text at the offsets; otherwise the quote is searched nearby and the span realigned
/// (with a warning) or set aside as unaligned — never silently shifted. A text-bound line that
/// cannot be read at all is an error naming the file, line and column; relations, events,
/// attributes and notes that do not fit are skipped with a warning.
pub fn parse_ann(ann: &str, file: &str, article: &Article) -> Result<BratImport, ImportError> {
    let mut reader = AnnReader::new(file, article);
    // Text-bound lines first: the other lines refer to them, wherever they are in the file.
    let mut others: Vec<(usize, &str)> = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let n = n + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with('T') {
            reader.text_bound(n, line)?;
        } else {
            others.push((n, line));
        }
    }
    for (n, line) in others {
        reader.other_line(n, line);
    }
    Ok(reader.finish())
}

/// The error for a text-bound line that cannot be read.
fn bad_text_bound(file: &str, n: usize, bad: &BadTextBound<'_>) -> ImportError {
    let message = match bad {
        BadTextBound::NoTab { .. } => "expected a TAB after the id".to_owned(),
        BadTextBound::NoOffsets { .. } => {
            "bad offsets \"\" (expected `START END[;START END]`)".to_owned()
        }
        BadTextBound::BadOffsets { offsets, .. } => {
            format!("bad offsets {offsets:?} (expected `START END[;START END]`)")
        }
    };
    ImportError::at(file, n, bad.column(), message)
}

/// State of one `.ann` read: what was made so far and how brat ids map to ours.
struct AnnReader<'a> {
    file: &'a str,
    article: &'a Article,
    anchorer: Anchorer<'a>,
    origin: Origin,
    out: BratImport,
    /// brat id → our id
    ids: HashMap<String, String>,
    /// brat id of a `Cue`/`Attribution` text-bound → its span
    cues: HashMap<String, Span>,
    /// our claim id → the cue given by `R Cue_of`
    cue_of: HashMap<String, Span>,
    /// (claim id, source id, cue, `R` number) for each attribution to make once all lines are
    /// read (events have number 0)
    links: Vec<(String, String, Option<Span>, u64)>,
    /// (`R` number, claim id, intermediary id) of each `Via`
    vias: Vec<(u64, String, String)>,
    /// `A Stance` lines: on a claim (our id) or a cue (its span)
    stances: Vec<(StanceOn, Stance)>,
}

/// What an `A Stance` line is attached to.
enum StanceOn {
    Claim(String),
    Cue(Span),
}

/// The number of a brat id (`R12` → 12; 0 when it has none).
fn id_number(bid: &str) -> u64 {
    bid.get(1..).and_then(|n| n.parse().ok()).unwrap_or(0)
}

impl<'a> AnnReader<'a> {
    fn new(file: &'a str, article: &'a Article) -> Self {
        AnnReader {
            file,
            article,
            anchorer: Anchorer::new(article),
            origin: Origin::import(&format!("brat:{file}")),
            out: BratImport::default(),
            ids: HashMap::new(),
            cues: HashMap::new(),
            cue_of: HashMap::new(),
            links: Vec::new(),
            vias: Vec::new(),
            stances: Vec::new(),
        }
    }

    fn warn(&mut self, line: usize, message: String) {
        self.out
            .warnings
            .push(format!("{}:{line}: {message}", self.file));
    }

    /// `T1 TAB TYPE START END[;START END] TAB TEXT`: an entity, source, claim or cue.
    fn text_bound(&mut self, n: usize, line: &str) -> Result<(), ImportError> {
        let parsed = parse_text_bound(line).map_err(|bad| bad_text_bound(self.file, n, &bad))?;
        if parsed.kind.is_empty() {
            let column = parsed.id.chars().count() + 2;
            return Err(ImportError::at(self.file, n, column, "missing label"));
        }
        let Some(span) = self.place(n, &parsed) else {
            return Ok(());
        };
        let item = self.add(n, parsed.id, parsed.kind, span);
        if let Some(realigned) = self.out.realigned.last_mut()
            && realigned.line == n
        {
            realigned.item = item;
        }
        Ok(())
    }

    /// Where a text-bound annotation goes: at its offsets when the reference text is there,
    /// else where the reference text is found (a warning), else nowhere (unaligned).
    fn place(&mut self, n: usize, parsed: &TextBound<'_>) -> Option<Span> {
        let frags = &parsed.fragments;
        let (&(start, _), &(_, end)) = (frags.first()?, frags.last()?);
        let at_offsets = FileSpan {
            start,
            end,
            exact: String::new(),
            prefix: None,
            suffix: None,
        };
        if self.reference_at_offsets(parsed)
            && let Some(span) = at_offsets.to_bytes_unchecked(self.article)
        {
            return Some(span);
        }
        let reference = parsed.reference.unwrap_or("");
        let wanted = FileSpan {
            exact: reference.to_owned(),
            ..at_offsets
        };
        let id = parsed.id.to_owned();
        let Some((span, _)) = self.anchorer.place(&wanted) else {
            self.out.unaligned.push(UnalignedSpan {
                line: n,
                id,
                kind: parsed.kind.to_owned(),
                written: (start, end),
                reference: reference.to_owned(),
            });
            return None;
        };
        let message = format!(
            "{id}: text at {start}..{end} is not {reference:?}; realigned to {}..{}",
            self.article.byte_to_char(span.start),
            self.article.byte_to_char(span.end)
        );
        self.warn(n, message);
        self.out.realigned.push(RealignedSpan {
            line: n,
            id,
            written: (start, end),
            span,
            item: None,
        });
        Some(span)
    }

    /// Whether the text at the line's offsets is its reference text. Fragments are joined with
    /// single spaces in the reference; the whole range from first start to last end is what is
    /// kept as one span.
    fn reference_at_offsets(&self, parsed: &TextBound<'_>) -> bool {
        let article = self.article;
        let joined: Vec<&str> = (parsed.fragments.iter())
            .filter_map(|&(s, e)| {
                let (bs, be) = (article.char_to_byte(s)?, article.char_to_byte(e)?);
                article.text.get(bs..be)
            })
            .collect();
        joined.len() == parsed.fragments.len() && joined.join(" ") == parsed.reference.unwrap_or("")
    }

    /// Makes the item a placed text-bound annotation stands for; returns its id.
    fn add(&mut self, n: usize, bid: &str, kind: &str, span: Span) -> Option<String> {
        let id = match kind {
            "Source" => self.add_source(span),
            "Claim" | "Content" => self.add_claim(span),
            "Cue" | "Attribution" => {
                self.cues.insert(bid.to_owned(), span);
                return None;
            }
            other => {
                let Some(label) = label_for(other) else {
                    let message = format!("{bid}: type {other:?} cannot be a label; skipped");
                    self.warn(n, message);
                    return None;
                };
                self.add_entity(label, other, span)
            }
        };
        self.ids.insert(bid.to_owned(), id.clone());
        Some(id)
    }

    fn add_source(&mut self, span: Span) -> String {
        let set = &mut self.out.set;
        let s = Source {
            id: set.fresh_id(ItemKind::Source),
            span: Some(span),
            name: span.text(self.article).to_owned(),
            source_type: SourceType::Unknown,
            entity_id: None,
            role: Default::default(),
            same_as: None,
            origin: self.origin.clone(),
            review: Default::default(),
            note: String::new(),
            conflict_with: None,
        };
        let id = s.id.clone();
        set.sources.push(s);
        id
    }

    fn add_claim(&mut self, span: Span) -> String {
        let set = &mut self.out.set;
        let c = Claim {
            id: set.fresh_id(ItemKind::Claim),
            span,
            claim_type: ClaimType::Statement,
            verification: Default::default(),
            origin: self.origin.clone(),
            review: Default::default(),
            note: String::new(),
            conflict_with: None,
        };
        let id = c.id.clone();
        set.claims.push(c);
        id
    }

    /// An entity of `label`, written in the file as `written` (kept when it is another name).
    fn add_entity(&mut self, label: Label, written: &str, span: Span) -> String {
        let set = &mut self.out.set;
        let e = Entity {
            id: set.fresh_id(ItemKind::Entity),
            original_label: (label.as_str() != written).then(|| written.to_owned()),
            label,
            span,
            origin: self.origin.clone(),
            review: Default::default(),
            note: String::new(),
            conflict_with: None,
        };
        let id = e.id.clone();
        set.entities.push(e);
        id
    }

    /// A relation, event, attribute or note line (read after every text-bound line).
    fn other_line(&mut self, n: usize, line: &str) {
        let mut parts = line.splitn(3, '\t');
        let bid = parts.next().unwrap_or("");
        let def = parts.next().unwrap_or("");
        let rest = parts.next().unwrap_or("");
        let args: Vec<&str> = def.split_whitespace().collect();
        match bid.chars().next() {
            Some('R') => self.relation(n, bid, def, &args),
            Some('E') => self.event(n, bid, &args),
            Some('A') | Some('M') => self.attribute(n, bid, &args),
            Some('#') => self.note(n, bid, &args, rest.trim()),
            _ => self.warn(n, format!("{bid}: line type not supported; skipped")),
        }
    }

    /// Our id for the brat id given as `NAME:ID` among `args`.
    fn argument(&self, args: &[&str], name: &str) -> Option<String> {
        let brat_id = args
            .iter()
            .find_map(|a| a.strip_prefix(name).and_then(|x| x.strip_prefix(':')))?;
        self.ids.get(brat_id).cloned()
    }

    /// `R1 Attributed_to Arg1:claim Arg2:source`, `Cue_of Arg1:cue Arg2:claim`, `Refers_to`.
    fn relation(&mut self, n: usize, bid: &str, def: &str, args: &[&str]) {
        let (arg1, arg2) = (self.argument(args, "Arg1"), self.argument(args, "Arg2"));
        let cue = args
            .iter()
            .find_map(|a| a.strip_prefix("Arg1:"))
            .and_then(|t| self.cues.get(t).copied());
        match (args.first().copied(), arg1, arg2) {
            (Some("Attributed_to"), Some(claim), Some(source)) => {
                self.links.push((claim, source, None, id_number(bid)));
            }
            (Some("Via"), Some(claim), Some(hand)) => {
                self.vias.push((id_number(bid), claim, hand));
            }
            (Some("Same_as"), Some(mention), Some(referent)) => {
                if let Some(s) = self.out.set.sources.iter_mut().find(|x| x.id == mention) {
                    s.same_as = Some(referent);
                }
            }
            (Some("Cue_of"), _, Some(claim)) if cue.is_some() => {
                if let Some(cue) = cue {
                    self.cue_of.insert(claim, cue);
                }
            }
            (Some("Refers_to"), Some(source), Some(entity)) => {
                if let Some(s) = self.out.set.sources.iter_mut().find(|x| x.id == source) {
                    s.entity_id = Some(entity);
                }
            }
            (Some("Attributed_to" | "Cue_of" | "Refers_to" | "Via" | "Same_as"), _, _) => {
                self.warn(n, format!("{bid}: arguments not found"));
            }
            _ => self.warn(
                n,
                format!("{bid}: relation {def:?} not understood; skipped"),
            ),
        }
    }

    /// `E1 Attribution:T2 Source:T1 Content:T3` (PARC style).
    fn event(&mut self, n: usize, bid: &str, args: &[&str]) {
        let cue = args
            .first()
            .and_then(|t| t.split_once(':'))
            .and_then(|(_, t)| self.cues.get(t).copied());
        match (
            self.argument(args, "Source"),
            self.argument(args, "Content"),
        ) {
            (Some(source), Some(claim)) => self.links.push((claim, source, cue, 0)),
            _ => self.warn(
                n,
                format!("{bid}: event needs Source and Content arguments"),
            ),
        }
    }

    /// `A1 SourceType T1 official` and the like.
    fn attribute(&mut self, n: usize, bid: &str, args: &[&str]) {
        let (Some(name), Some(target)) = (args.first().copied(), args.get(1)) else {
            self.warn(n, format!("{bid}: malformed attribute"));
            return;
        };
        let value = args.get(2).copied().unwrap_or("").to_ascii_lowercase();
        if name == "Stance" {
            return self.stance_attribute(n, bid, target, &value);
        }
        let Some(our) = self.ids.get(*target).cloned() else {
            self.warn(n, format!("{bid}: target {target} not found"));
            return;
        };
        let set = &mut self.out.set;
        fn claim<'s>(set: &'s mut AnnotationSet, id: &str) -> Option<&'s mut Claim> {
            set.claims.iter_mut().find(|x| x.id == id)
        }
        let ok = match name {
            "SourceType" => value.parse::<SourceType>().ok().and_then(|v| {
                let source = set.sources.iter_mut().find(|x| x.id == our)?;
                source.source_type = v;
                Some(())
            }),
            "ClaimType" => value.parse::<ClaimType>().ok().and_then(|v| {
                claim(set, &our)?.claim_type = v;
                Some(())
            }),
            "Verification" => value.parse::<VerificationStatus>().ok().and_then(|v| {
                claim(set, &our)?.verification.status = v;
                Some(())
            }),
            // review state and quote type are re-decided by whoever reviews the import
            "Review" | "QuoteType" => Some(()),
            _ => None,
        };
        if ok.is_none() {
            self.warn(
                n,
                format!("{bid}: attribute {name} {value:?} not understood; skipped"),
            );
        }
    }

    /// `A1 Stance T3 denies`: on a claim, or on the cue of one of its attributions.
    fn stance_attribute(&mut self, n: usize, bid: &str, target: &str, value: &str) {
        let Ok(stance) = value.parse::<Stance>() else {
            self.warn(
                n,
                format!("{bid}: stance {value:?} not understood; skipped"),
            );
            return;
        };
        let on = match (self.ids.get(target), self.cues.get(target)) {
            (Some(claim), _) => StanceOn::Claim(claim.clone()),
            (None, Some(cue)) => StanceOn::Cue(*cue),
            (None, None) => {
                self.warn(n, format!("{bid}: target {target} not found"));
                return;
            }
        };
        self.stances.push((on, stance));
    }

    /// Gives the attributions made from `links` (from index `first` of the set's) their chains
    /// and stances, and the hands their role.
    fn chains(&mut self, links: &[(String, String, Option<Span>, u64)], first: usize) {
        let mut vias = std::mem::take(&mut self.vias);
        vias.sort_by_key(|(number, _, _)| *number);
        let attributions = &mut self.out.set.attributions[first..];
        for (number, claim, hand) in vias {
            let of_claim = || links.iter().enumerate().filter(|(_, l)| l.0 == claim);
            let owner = of_claim()
                .filter(|(_, l)| l.3 < number)
                .max_by_key(|(_, l)| l.3)
                .or_else(|| of_claim().next())
                .map(|(i, _)| i);
            if let Some(a) = owner.and_then(|i| attributions.get_mut(i))
                && a.source_id != hand
                && !a.via.contains(&hand)
            {
                a.via.push(hand);
            }
        }
        for (on, stance) in std::mem::take(&mut self.stances) {
            let cueless =
                |a: &&mut Attribution, claim: &str| a.claim_id == claim && a.cue.is_none();
            for a in attributions.iter_mut() {
                let hit = match &on {
                    StanceOn::Cue(cue) => a.cue == Some(*cue),
                    StanceOn::Claim(claim) => cueless(&a, claim),
                };
                if hit {
                    a.stance = stance;
                }
            }
        }
        let speakers: Vec<String> = attributions.iter().map(|a| a.source_id.clone()).collect();
        let hands: Vec<String> = attributions.iter().flat_map(|a| a.via.clone()).collect();
        for s in &mut self.out.set.sources {
            if hands.contains(&s.id) {
                s.role = if speakers.contains(&s.id) {
                    SourceRole::Both
                } else {
                    SourceRole::Intermediary
                };
            }
        }
    }

    /// `#1 AnnotatorNotes T1 TAB text`: appended to the item's note.
    fn note(&mut self, n: usize, bid: &str, args: &[&str], note: &str) {
        let Some(our) = args.get(1).and_then(|t| self.ids.get(*t)).cloned() else {
            self.warn(n, format!("{bid}: note target not found"));
            return;
        };
        let set = &mut self.out.set;
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

    /// Makes the attributions (now that every claim, source and cue is known) and sorts.
    fn finish(mut self) -> BratImport {
        let links = std::mem::take(&mut self.links);
        let first = self.out.set.attributions.len();
        for (claim, source, cue, _) in &links {
            let cue = cue.or_else(|| self.cue_of.get(claim).copied());
            let mut at =
                Attribution::suggested(claim, source, cue, QuoteType::Unknown, self.origin.clone());
            at.id = self.out.set.fresh_id(ItemKind::Attribution);
            self.out.set.attributions.push(at);
        }
        self.chains(&links, first);
        self.out.set.sort();
        self.out
    }
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

//! CoNLL-style token-tag files (ANERcorp, AQMAR, CAMeL output, Wojood with nested layers):
//! `TOKEN TAG [TAG…]` per line, blank line = sentence end, `$#$` = document separator. Tags in
//! IOB2, IOB1 or BIOES; layer k holds the k-th tag of each token (Wojood nesting).

use std::ops::Range;

use super::import::ImportError;

/// Document separator token used by the Wojood files.
pub const DOC_SEPARATOR: &str = "$#$";

#[derive(Debug, Clone, Default)]
pub struct ConllDoc {
    pub tokens: Vec<ConllToken>,
}

#[derive(Debug, Clone)]
pub struct ConllToken {
    pub text: String,
    /// Tags in file order: layer 0 first.
    pub tags: Vec<String>,
    /// 1-based line in the file, for messages.
    pub line: usize,
    /// A sentence (or document) ends after this token.
    pub sentence_end: bool,
}

/// A decoded entity: tokens `first..=last` of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenSpan {
    pub first: usize,
    pub last: usize,
    pub raw_label: String,
    pub layer: usize,
}

/// Reads a token-tag file. Tokens and tags may be separated by spaces or tabs; a line with a
/// token but no tag is an error (a tool that forgot tags should not import as all-`O`).
pub fn parse(data: &str, path: &str) -> Result<ConllDoc, ImportError> {
    let mut doc = ConllDoc::default();
    for (index, line) in data.lines().enumerate() {
        let line_no = index + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if let Some(last) = doc.tokens.last_mut() {
                last.sentence_end = true;
            }
            continue;
        }
        if line.starts_with("-DOCSTART-") || line.starts_with("# ") {
            continue;
        }
        let mut fields = line.split([' ', '\t']).filter(|f| !f.is_empty());
        let Some(text) = fields.next() else { continue };
        let tags: Vec<String> = fields.map(str::to_owned).collect();
        if tags.is_empty() {
            return Err(ImportError::at(
                path,
                line_no,
                line.chars().count() + 1,
                "token without a tag (expected `TOKEN TAG [TAG…]`)",
            ));
        }
        for (k, tag) in tags.iter().enumerate() {
            if !valid_tag(tag) {
                let col = line
                    .match_indices(tag.as_str())
                    .map(|(at, _)| line[..at].chars().count() + 1)
                    .nth(if k == 0 && tag == text { 1 } else { 0 })
                    .unwrap_or(1);
                return Err(ImportError::at(
                    path,
                    line_no,
                    col,
                    format!("bad tag {tag:?} (expected O, B-X, I-X, E-X, S-X, L-X or U-X)"),
                ));
            }
        }
        let separator = text == DOC_SEPARATOR;
        doc.tokens.push(ConllToken {
            text: text.to_owned(),
            tags,
            line: line_no,
            sentence_end: separator,
        });
        if separator && doc.tokens.len() >= 2 {
            let n = doc.tokens.len();
            doc.tokens[n - 2].sentence_end = true;
        }
    }
    Ok(doc)
}

fn valid_tag(tag: &str) -> bool {
    if tag == "O" {
        return true;
    }
    match tag.split_once('-') {
        Some((prefix, label)) => {
            matches!(prefix, "B" | "I" | "E" | "S" | "L" | "U") && !label.is_empty()
        }
        None => false,
    }
}

/// Decodes the entities of every layer. BIOES/BILOU are accepted; an `I-X` (or `E-X`) without
/// an open `X` in its layer continues an open `X` of another layer if there is one (Wojood
/// writes nested tags in varying positions), otherwise starts a new entity.
pub fn decode(doc: &ConllDoc) -> Vec<TokenSpan> {
    let mut open = OpenEntities::default();
    for (i, token) in doc.tokens.iter().enumerate() {
        let tags = open.read_tags(&token.tags);
        if i > 0 {
            for (k, kept) in tags.continued.iter().enumerate() {
                if !kept {
                    open.close(k, i - 1);
                }
            }
        }
        let mut ends_here = tags.ends_here;
        for (k, label, single) in tags.starts {
            let slot = open.start(k, i, label);
            if single {
                ends_here.push(slot);
            }
        }
        for k in ends_here {
            open.close(k, i);
        }
        if token.sentence_end {
            open.close_all(i);
        }
    }
    if let Some(last) = doc.tokens.len().checked_sub(1) {
        open.close_all(last);
    }
    let mut spans = open.spans;
    spans.sort_by_key(|s| (s.first, std::cmp::Reverse(s.last), s.layer));
    spans
}

/// The entities being decoded: those still open, by slot (a slot is the layer an entity
/// started in, or the first free one), and those closed.
#[derive(Default)]
struct OpenEntities {
    /// (first token, label) of the entity open in each slot.
    open: Vec<Option<(usize, String)>>,
    spans: Vec<TokenSpan>,
}

/// What one token's tags say, layer by layer.
struct TokenTags<'t> {
    /// The slots whose entity this token continues (the others end before it).
    continued: Vec<bool>,
    /// The slots whose entity ends on this token.
    ends_here: Vec<usize>,
    /// The entities this token starts: (layer, label, ends on this token too).
    starts: Vec<(usize, &'t str, bool)>,
}

impl OpenEntities {
    /// Reads one token's tags against the entities open before it.
    fn read_tags<'t>(&self, tags: &'t [String]) -> TokenTags<'t> {
        let open = &self.open;
        let mut read = TokenTags {
            continued: vec![false; open.len()],
            ends_here: Vec::new(),
            starts: Vec::new(),
        };
        for (k, tag) in tags.iter().enumerate() {
            let Some((prefix, label)) = tag.split_once('-') else {
                continue;
            };
            if !matches!(prefix, "I" | "E" | "L") {
                read.starts.push((k, label, matches!(prefix, "S" | "U")));
                continue;
            }
            let continues =
                |o: usize| !read.continued[o] && open[o].as_ref().is_some_and(|(_, l)| l == label);
            // its own layer first, then any other layer with that label open
            let slot = if k < open.len() && continues(k) {
                Some(k)
            } else {
                (0..open.len()).find(|&o| continues(o))
            };
            match slot {
                Some(slot) => {
                    read.continued[slot] = true;
                    if prefix != "I" {
                        read.ends_here.push(slot);
                    }
                }
                None => read.starts.push((k, label, prefix != "I")),
            }
        }
        read
    }

    /// Opens an entity of `label` at token `first`, tagged in layer `k`: in slot `k` when it is
    /// free, else in the first free slot or a new one. Returns the slot.
    fn start(&mut self, k: usize, first: usize, label: &str) -> usize {
        let open = &mut self.open;
        if open.len() <= k {
            open.resize(k + 1, None);
        }
        let slot = if open[k].is_none() {
            k
        } else if let Some(free) = open.iter().position(Option::is_none) {
            free
        } else {
            open.push(None);
            open.len() - 1
        };
        open[slot] = Some((first, label.to_owned()));
        slot
    }

    /// Closes the entity open in slot `k` (if any) on token `last`.
    fn close(&mut self, k: usize, last: usize) {
        if let Some((first, label)) = self.open[k].take() {
            self.spans.push(TokenSpan {
                first,
                last,
                raw_label: label,
                layer: k,
            });
        }
    }

    /// Closes every open entity on token `last`.
    fn close_all(&mut self, last: usize) {
        for k in 0..self.open.len() {
            self.close(k, last);
        }
    }
}

/// Text rebuilt from the tokens: single spaces between tokens, a line break after each
/// sentence; document separators are left out. Returns the text and each token's byte range
/// (empty for separators).
pub fn rebuild_text(doc: &ConllDoc) -> (String, Vec<Range<usize>>) {
    let mut text = String::new();
    let mut ranges = Vec::with_capacity(doc.tokens.len());
    let mut line_start = true;
    for token in &doc.tokens {
        if token.text == DOC_SEPARATOR {
            ranges.push(text.len()..text.len());
        } else {
            if !line_start {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(&token.text);
            ranges.push(start..text.len());
            line_start = false;
        }
        if token.sentence_end && !line_start {
            text.push('\n');
            line_start = true;
        }
    }
    (text, ranges)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn spans(data: &str) -> Vec<(usize, usize, String, usize)> {
        let doc = parse(data, "t.conll").unwrap();
        decode(&doc)
            .into_iter()
            .map(|s| (s.first, s.last, s.raw_label, s.layer))
            .collect()
    }

    #[test]
    fn iob2_flat() {
        let got =
            spans("قال O\nالرئيس O\nمحمود B-PERS\nعباس I-PERS\nفي O\nرام B-GPE\nالله I-GPE\n");
        assert_eq!(got, [(2, 3, "PERS".into(), 0), (5, 6, "GPE".into(), 0)]);
    }

    #[test]
    fn wojood_nested_layers() {
        // مستشفى بئر يعقوب: ORG ⊃ FAC ⊃ PERS, and same-type nesting ORG ⊃ ORG.
        let data = "مستشفى B-ORG\nبئر I-ORG B-FAC\nيعقوب I-ORG I-FAC B-PERS\n\nمحكمة B-ORG\nحكومة I-ORG B-ORG\nفلسطين I-ORG I-ORG B-GPE\n";
        let got = spans(data);
        assert!(got.contains(&(0, 2, "ORG".into(), 0)));
        assert!(got.contains(&(1, 2, "FAC".into(), 1)));
        assert!(got.contains(&(2, 2, "PERS".into(), 2)));
        assert!(got.contains(&(3, 5, "ORG".into(), 0)));
        assert!(got.contains(&(4, 5, "ORG".into(), 1)));
        assert!(got.contains(&(5, 5, "GPE".into(), 2)));
        assert_eq!(got.len(), 6);
    }

    #[test]
    fn nested_tag_in_another_position_continues_its_entity() {
        // The inner GPE is written first on the second token.
        let data = "جامعة B-ORG\nبيرزيت B-GPE I-ORG\n";
        let got = spans(data);
        assert!(got.contains(&(0, 1, "ORG".into(), 0)));
        assert!(got.contains(&(1, 1, "GPE".into(), 0)) || got.contains(&(1, 1, "GPE".into(), 1)));
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn bioes_and_repair() {
        let got = spans("a S-PER\nb B-LOC\nc E-LOC\nd O\ne I-ORG\nf I-ORG\n");
        assert_eq!(
            got,
            [
                (0, 0, "PER".into(), 0),
                (1, 2, "LOC".into(), 0),
                (4, 5, "ORG".into(), 0)
            ]
        );
    }

    #[test]
    fn sentences_end_entities_and_rebuild_text() {
        let data = "غزة B-GPE\n\nالقدس I-GPE\n$#$ O\n\nx O\n";
        let doc = parse(data, "t").unwrap();
        let got = decode(&doc);
        assert_eq!(got.len(), 2);
        let (text, ranges) = rebuild_text(&doc);
        assert_eq!(text, "غزة\nالقدس\nx");
        assert_eq!(&text[ranges[1].clone()], "القدس");
    }

    #[test]
    fn errors_name_line_and_column() {
        let err = parse("a O\nb\n", "gold.conll").unwrap_err().to_string();
        assert!(err.starts_with("gold.conll:2:2:"), "{err}");
        let err = parse("a O\nbb X-ORG\n", "gold.conll")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("gold.conll:2:4:"), "{err}");
    }
}

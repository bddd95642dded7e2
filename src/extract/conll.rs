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
    // Open entities by slot; a slot is the layer an entity started in, or the first free one.
    let mut open: Vec<Option<(usize, String)>> = Vec::new();
    let mut spans = Vec::new();
    fn close(
        open: &mut [Option<(usize, String)>],
        k: usize,
        last: usize,
        spans: &mut Vec<TokenSpan>,
    ) {
        if let Some((first, label)) = open[k].take() {
            spans.push(TokenSpan {
                first,
                last,
                raw_label: label,
                layer: k,
            });
        }
    }
    for (i, token) in doc.tokens.iter().enumerate() {
        let mut continued: Vec<bool> = vec![false; open.len()];
        let mut ends_here: Vec<usize> = Vec::new();
        let mut starts: Vec<(usize, &str, bool)> = Vec::new();
        for (k, tag) in token.tags.iter().enumerate() {
            let Some((prefix, label)) = tag.split_once('-') else {
                continue;
            };
            let single = matches!(prefix, "S" | "U");
            if matches!(prefix, "I" | "E" | "L") {
                let own = open
                    .get(k)
                    .and_then(|o| o.as_ref())
                    .is_some_and(|(_, l)| l == label)
                    && !continued[k];
                let slot = if own {
                    Some(k)
                } else {
                    (0..open.len()).find(|&o| {
                        !continued[o] && open[o].as_ref().is_some_and(|(_, l)| l == label)
                    })
                };
                if let Some(slot) = slot {
                    continued[slot] = true;
                    if prefix != "I" {
                        ends_here.push(slot);
                    }
                    continue;
                }
                starts.push((k, label, prefix != "I"));
            } else {
                starts.push((k, label, single));
            }
        }
        if i > 0 {
            for (k, kept) in continued.iter().enumerate() {
                if !kept {
                    close(&mut open, k, i - 1, &mut spans);
                }
            }
        }
        for (k, label, single) in starts {
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
            open[slot] = Some((i, label.to_owned()));
            if single {
                ends_here.push(slot);
            }
        }
        for k in ends_here {
            close(&mut open, k, i, &mut spans);
        }
        if token.sentence_end {
            for k in 0..open.len() {
                close(&mut open, k, i, &mut spans);
            }
        }
    }
    if let Some(last) = doc.tokens.len().checked_sub(1) {
        for k in 0..open.len() {
            close(&mut open, k, last, &mut spans);
        }
    }
    spans.sort_by_key(|s| (s.first, std::cmp::Reverse(s.last), s.layer));
    spans
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

//! Positions in JSON source text: where the value at a JSON pointer starts, and byte offsets as
//! 1-based line and column (columns count characters, not bytes, so Arabic text lines up with
//! what editors show). serde_json gives positions for syntax errors only; these fill the gap
//! for errors found after parsing (wrong type, bad offset, quote mismatch).

/// One step of a JSON pointer: an object key or an array index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

impl From<&str> for Step {
    fn from(s: &str) -> Self {
        Step::Key(s.to_owned())
    }
}

impl From<usize> for Step {
    fn from(i: usize) -> Self {
        Step::Index(i)
    }
}

/// Renders steps as an RFC 6901 pointer (`/entities/3/span`).
pub fn pointer_string(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        out.push('/');
        match step {
            Step::Key(k) => out.push_str(&k.replace('~', "~0").replace('/', "~1")),
            Step::Index(i) => out.push_str(&i.to_string()),
        }
    }
    out
}

/// Byte offset where the value at `path` starts in `src`; the deepest found ancestor's start
/// when the path does not exist. Assumes `src` is syntactically valid JSON (it is only used
/// after a successful parse).
pub fn locate(src: &str, path: &[Step]) -> usize {
    let bytes = src.as_bytes();
    let mut pos = skip_ws(bytes, 0);
    for step in path {
        match find_child(src, pos, step) {
            Some(child) => pos = child,
            None => return pos,
        }
    }
    pos
}

/// 1-based (line, column) of byte offset `byte`; the column counts characters.
pub fn line_col(src: &str, byte: usize) -> (usize, usize) {
    let byte = byte.min(src.len());
    let before = src.get(..byte).unwrap_or(src);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

/// Converts serde_json's (line, byte column) into a character column on that line.
pub fn char_column(src: &str, line: usize, byte_column: usize) -> usize {
    let Some(text) = src.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column;
    };
    let mut end = byte_column.min(text.len());
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    // serde_json reports the column of the last byte read, so a multi-byte character at the
    // error counts once.
    text.get(..end)
        .map_or(byte_column, |s| s.chars().count().max(1))
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// End (exclusive) of the string starting at `i` (which is a `"`).
fn skip_string(b: &[u8], mut i: usize) -> usize {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

/// End (exclusive) of the value starting at `i`.
fn skip_value(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'"') => skip_string(b, i),
        Some(b'{') | Some(b'[') => {
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = skip_string(b, j);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            return j + 1;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            b.len()
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
            {
                j += 1;
            }
            j
        }
    }
}

fn find_child(src: &str, pos: usize, step: &Step) -> Option<usize> {
    let b = src.as_bytes();
    match (b.get(pos)?, step) {
        (b'{', Step::Key(want)) => {
            let mut i = skip_ws(b, pos + 1);
            while i < b.len() && b[i] == b'"' {
                let key_end = skip_string(b, i);
                let key: String = serde_json::from_str(src.get(i..key_end)?).ok()?;
                i = skip_ws(b, key_end);
                if b.get(i) != Some(&b':') {
                    return None;
                }
                i = skip_ws(b, i + 1);
                if &key == want {
                    return Some(i);
                }
                i = skip_ws(b, skip_value(b, i));
                if b.get(i) == Some(&b',') {
                    i = skip_ws(b, i + 1);
                } else {
                    return None;
                }
            }
            None
        }
        (b'[', Step::Index(want)) => {
            let mut i = skip_ws(b, pos + 1);
            let mut index = 0;
            while i < b.len() && b[i] != b']' {
                if index == *want {
                    return Some(i);
                }
                i = skip_ws(b, skip_value(b, i));
                if b.get(i) == Some(&b',') {
                    i = skip_ws(b, i + 1);
                    index += 1;
                } else {
                    return None;
                }
            }
            None
        }
        _ => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values() {
        let src = "{\n  \"a\": [1, {\"b\\\"x\": \"ق\", \"c\": [true, null]}],\n  \"d\": {}\n}\n";
        let at = |p: &[Step]| line_col(src, locate(src, p));
        assert_eq!(at(&["a".into()]), (2, 8));
        assert_eq!(at(&["a".into(), 1.into(), "c".into(), 1.into()]), (2, 38));
        assert_eq!(at(&["a".into(), 1.into(), "b\"x".into()]), (2, 21));
        assert_eq!(at(&["d".into()]), (3, 8));
        // a missing step stops at the deepest ancestor found
        assert_eq!(at(&["a".into(), 7.into()]), (2, 8));
        assert_eq!(pointer_string(&["a/b".into(), 3.into()]), "/a~1b/3");
    }

    #[test]
    fn columns_count_characters() {
        let src = "\"قال\" x";
        assert_eq!(line_col(src, src.find('x').unwrap()), (1, 7));
        assert_eq!(char_column(src, 1, src.find('x').unwrap() + 1), 7);
    }
}

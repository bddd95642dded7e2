//! The character encoding of a web page: which one, and its text. In order: a byte order mark;
//! then UTF-8 when the bytes are UTF-8 with non-ASCII in them (a saved page often keeps a
//! `<meta charset>` from before it was converted, and real legacy-encoded text is never valid
//! UTF-8 by chance); then the HTTP `Content-Type` charset; then `<meta charset>` or
//! `<meta http-equiv=Content-Type>` in the first bytes; then detection (`chardetng`, Firefox's
//! detector; Arabic sites still serve windows-1256 without saying so). Decoding never fails:
//! `encoding_rs` replaces what is malformed, and the result says so, as it says when the
//! encoding was only guessed, so the reader can show it instead of silent mojibake.

use encoding_rs::{Encoding, UTF_8};

/// How far into the page a `<meta charset>` is looked for (browsers look at 1024 bytes; pages
/// with long comments or scripts first put it later).
const META_SCAN_BYTES: usize = 8192;

/// How the encoding was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EncodingSource {
    ByteOrderMark,
    /// Valid UTF-8 with non-ASCII text, whatever was declared.
    Utf8Content,
    HttpHeader,
    MetaTag,
    /// Nothing declared: guessed from the bytes.
    Detected,
    /// Only ASCII: every ASCII-compatible encoding reads it the same.
    Ascii,
}

/// Decoded page text and what is known about its encoding.
#[derive(Clone, Debug)]
pub struct Decoded {
    pub text: String,
    /// Canonical name (`UTF-8`, `windows-1256`, `ISO-8859-6`…).
    pub encoding: &'static str,
    pub source: EncodingSource,
    /// Something the reader should show: the encoding was guessed, or bytes were malformed and
    /// replaced, or the declaration was overruled.
    pub note: Option<String>,
}

/// Decodes an HTML page. `http_charset` is the `charset` of the response's `Content-Type`
/// (`None` for a file).
pub fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> Decoded {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return finish(encoding, &bytes[bom..], EncodingSource::ByteOrderMark, None);
    }
    let declared_http = http_charset.and_then(|c| Encoding::for_label(c.trim().as_bytes()));
    let declared_meta = meta_charset(&bytes[..bytes.len().min(META_SCAN_BYTES)]);
    let ascii = Encoding::ascii_valid_up_to(bytes) == bytes.len();
    if !ascii && std::str::from_utf8(bytes).is_ok() {
        let declared = declared_http.or(declared_meta).filter(|&e| e != UTF_8);
        let note = declared.map(|e| {
            format!(
                "the page declares {} but its bytes are UTF-8; read as UTF-8",
                e.name()
            )
        });
        return finish(UTF_8, bytes, EncodingSource::Utf8Content, note);
    }
    if let Some(encoding) = declared_http {
        return finish(encoding, bytes, EncodingSource::HttpHeader, None);
    }
    if let Some(encoding) = declared_meta {
        return finish(encoding, bytes, EncodingSource::MetaTag, None);
    }
    if ascii {
        return finish(UTF_8, bytes, EncodingSource::Ascii, None);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
    let note = format!("no encoding declared; guessed {}", guess.name());
    finish(guess, bytes, EncodingSource::Detected, Some(note))
}

fn finish(
    encoding: &'static Encoding,
    bytes: &[u8],
    source: EncodingSource,
    note: Option<String>,
) -> Decoded {
    // `decode_without_bom_handling`: a BOM was dealt with above; a later one is text.
    let (text, malformed) = encoding.decode_without_bom_handling(bytes);
    let note = if malformed {
        let replaced = format!(
            "bytes that are not {} were replaced with \u{FFFD}",
            encoding.name()
        );
        Some(match note {
            Some(n) => format!("{n}; {replaced}"),
            None => replaced,
        })
    } else {
        note
    };
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        source,
        note,
    }
}

/// The encoding named by `<meta charset=…>` or `<meta http-equiv="Content-Type"
/// content="…; charset=…">` in `head` (a simplified form of the HTML prescan: byte-level, case
/// insensitive, quotes optional). UTF-16 labels mean UTF-8 here, as in browsers: a page that
/// is read as ASCII cannot be UTF-16.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + b"charset".len()..];
            let rest = rest.trim_ascii_start();
            if let Some(value) = rest.strip_prefix(b"=") {
                let value = value.trim_ascii_start();
                let value = value
                    .strip_prefix(b"\"")
                    .or_else(|| value.strip_prefix(b"'"))
                    .unwrap_or(value);
                let label_end = value
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/' | b' ' | b'>'))
                    .unwrap_or(value.len());
                if let Some(encoding) = Encoding::for_label(&value[..label_end]) {
                    return Some(encoding.output_encoding());
                }
            }
        }
        from = end;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The `charset` parameter of a `Content-Type` value (`text/html; charset="windows-1256"`).
pub fn charset_of_content_type(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').trim_matches('\''))
            .filter(|v| !v.is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "قال الوزير" in windows-1256.
    const CP1256: &[u8] = b"\xDE\xC7\xE1 \xC7\xE1\xE6\xD2\xED\xD1";

    fn page(head: &str, body: &[u8]) -> Vec<u8> {
        let mut bytes = format!("<html><head>{head}</head><body><p>").into_bytes();
        bytes.extend_from_slice(body);
        bytes.extend_from_slice(b"</p></body></html>");
        bytes
    }

    #[test]
    fn declarations_are_honoured_in_order() {
        let meta = page("<meta charset=\"windows-1256\">", CP1256);
        let d = decode_html(&meta, None);
        assert!(d.text.contains("قال الوزير"), "{}", d.text);
        assert_eq!(
            (d.encoding, d.source),
            ("windows-1256", EncodingSource::MetaTag)
        );
        assert_eq!(d.note, None);
        let equiv = page(
            "<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=cp1256'>",
            CP1256,
        );
        assert_eq!(decode_html(&equiv, None).encoding, "windows-1256");
        let http = decode_html(&page("", CP1256), Some("windows-1256"));
        assert_eq!(http.source, EncodingSource::HttpHeader);
        assert!(http.text.contains("قال الوزير"));
    }

    #[test]
    fn a_bom_wins_and_utf8_content_overrules_a_stale_declaration() {
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend(page("<meta charset=windows-1256>", "قال".as_bytes()));
        let d = decode_html(&bom, Some("iso-8859-6"));
        assert_eq!(
            (d.encoding, d.source),
            ("UTF-8", EncodingSource::ByteOrderMark)
        );
        assert!(!d.text.starts_with('\u{FEFF}'));
        let stale = decode_html(&page("<meta charset=windows-1256>", "قال".as_bytes()), None);
        assert_eq!(stale.source, EncodingSource::Utf8Content);
        assert!(
            stale
                .note
                .as_deref()
                .is_some_and(|n| n.contains("windows-1256"))
        );
        assert!(stale.text.contains("قال"));
    }

    #[test]
    fn undeclared_arabic_is_detected_and_said_to_be_a_guess() {
        let body = CP1256.repeat(40);
        let d = decode_html(&page("", &body), None);
        assert_eq!(
            (d.encoding, d.source),
            ("windows-1256", EncodingSource::Detected)
        );
        assert!(d.text.contains("قال الوزير"));
        assert!(
            d.note
                .as_deref()
                .is_some_and(|n| n.contains("guessed windows-1256"))
        );
        let ascii = decode_html(b"<p>plain</p>", None);
        assert_eq!((ascii.source, ascii.note), (EncodingSource::Ascii, None));
    }

    #[test]
    fn malformed_bytes_are_replaced_and_reported() {
        let d = decode_html(&page("<meta charset=utf-8>", b"ok \xFF"), None);
        assert!(d.text.contains("ok \u{FFFD}"));
        assert!(d.note.as_deref().is_some_and(|n| n.contains("replaced")));
    }

    #[test]
    fn content_type_charset_parameter() {
        assert_eq!(
            charset_of_content_type("text/html; Charset=\"windows-1256\""),
            Some("windows-1256")
        );
        assert_eq!(charset_of_content_type("text/html"), None);
    }
}

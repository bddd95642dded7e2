//! A plain-text file read as a stream of pieces made of whole paragraphs: what `isnad render`
//! prints from. Memory stays at a few pieces whatever the file's size, and layout starts after
//! the first half megabyte instead of after the whole file has been read and checked (reading
//! and checking 10 MB took 12 ms on one core, while the other waited). A reader thread reads
//! ahead; paragraphs are split exactly as [`Article::from_bytes`](super::Article::from_bytes)
//! splits them, and each is checked (NUL, UTF-8) on its own, so the pieces' paragraphs can be
//! checked and laid out on every core.

use std::fs::File;
use std::io::Read;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, SyncSender, channel, sync_channel};
use std::thread::JoinHandle;

use super::{ArticleError, MAX_ARTICLE_BYTES, refuse_oversized};

/// Bytes read for one piece (more when a paragraph is longer). With two pieces laid out and
/// one read ahead, printing 9 MB peaks at 12 MB of memory, the program included.
const PIECE_BYTES: usize = 1 << 19;
/// Pieces read ahead of the one the caller holds.
const READ_AHEAD: usize = 1;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Whole paragraphs of the file, in order.
pub struct Piece {
    name: Arc<str>,
    bytes: Vec<u8>,
    /// Offset in the file of `bytes[0]`. Error messages count from the start of the file.
    file_offset: usize,
    /// Length of the file's BOM (0 or 3): text offsets do not count it.
    bom: usize,
    first_paragraph: usize,
    /// Each paragraph's bytes within `bytes`, without its `\n` and a `\r` before it.
    paragraphs: Vec<Range<usize>>,
}

impl Piece {
    /// Number of paragraphs in the piece.
    pub fn len(&self) -> usize {
        self.paragraphs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    /// Index in the article of the piece's first paragraph.
    pub fn first_paragraph(&self) -> usize {
        self.first_paragraph
    }

    /// Paragraph `i` of the piece: its byte offset in the article text and its text, or the
    /// error [`Article::from_bytes`](super::Article::from_bytes) gives for the first bad byte
    /// in it. A file with a bad byte is reported at the first paragraph that holds one.
    pub fn paragraph(&self, i: usize) -> Result<(usize, &str), ArticleError> {
        let Some(range) = self.paragraphs.get(i) else {
            return Ok((self.file_offset + self.bytes.len() - self.bom, ""));
        };
        let at = self.file_offset + range.start;
        let bytes = &self.bytes[range.clone()];
        if let Some(pos) = memchr::memchr(0, bytes) {
            return Err(ArticleError::Binary {
                path: self.name.to_string(),
                offset: at + pos,
            });
        }
        std::str::from_utf8(bytes)
            .map(|text| (at - self.bom, text))
            .map_err(|e| ArticleError::InvalidUtf8 {
                path: self.name.to_string(),
                offset: at + e.valid_up_to(),
            })
    }
}

/// The pieces of a plain-text file, read ahead on a thread of their own. The thread ends at
/// the end of the file, at an error, or when the stream is dropped.
pub struct PlainTextStream {
    pieces: Receiver<Result<Piece, ArticleError>>,
    spare: Sender<Vec<u8>>,
    /// Joined once the reader has sent everything, so that a stream read to its end leaves
    /// nothing running. A stream dropped early lets it finish on its own: it may be waiting
    /// on a pipe that never closes.
    reader: Option<JoinHandle<()>>,
}

impl PlainTextStream {
    /// Opens `path`; a file over [`MAX_ARTICLE_BYTES`] is refused as [`super::Article::load`]
    /// refuses it (before reading when its size is known, else once that much is read).
    pub fn open(path: &Path) -> Result<Self, ArticleError> {
        refuse_oversized(path)?;
        let name: Arc<str> = path.display().to_string().into();
        let io_error = |source| ArticleError::Io {
            path: name.to_string(),
            source,
        };
        let file = super::open_article(path).map_err(io_error)?;
        let (pieces_tx, pieces) = sync_channel(READ_AHEAD);
        let (spare, spare_rx) = channel();
        let reader_name = Arc::clone(&name);
        let reader = std::thread::Builder::new()
            .name("isnad-read".into())
            .spawn(move || read_pieces(file, reader_name, &pieces_tx, &spare_rx))
            .map_err(io_error)?;
        Ok(Self {
            pieces,
            spare,
            reader: Some(reader),
        })
    }

    /// Hands a piece's buffer back to the reader, which fills it again: fresh pages for every
    /// megabyte cost more than copying into them.
    pub fn recycle(&self, piece: Piece) {
        // The reader may have finished: then the buffer is simply dropped.
        let _ = self.spare.send(piece.bytes);
    }
}

impl Iterator for PlainTextStream {
    type Item = Result<Piece, ArticleError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.pieces.recv() {
            Ok(piece) => Some(piece),
            Err(_) => {
                // The reader dropped its sender: it has returned.
                if let Some(reader) = self.reader.take() {
                    let _ = reader.join();
                }
                None
            }
        }
    }
}

/// The reader thread: reads pieces until the end of the file, an error, or the stream being
/// dropped (a send fails).
fn read_pieces(
    mut file: File,
    name: Arc<str>,
    pieces: &SyncSender<Result<Piece, ArticleError>>,
    spare: &Receiver<Vec<u8>>,
) {
    let mut carry: Vec<u8> = Vec::new();
    let mut file_offset = 0usize;
    let mut first_paragraph = 0usize;
    let mut bom = None;
    let mut total = 0u64;
    loop {
        let mut bytes = spare.try_recv().unwrap_or_default();
        bytes.clear();
        // What followed the last newline of the previous piece: it has no newline itself.
        bytes.append(&mut carry);
        let eof = match read_more(&mut file, &mut bytes, &mut total, &name) {
            Ok(eof) => eof,
            Err(e) => {
                let _ = pieces.send(Err(e));
                return;
            }
        };
        let bom = *bom.get_or_insert(if bytes.starts_with(BOM) { BOM.len() } else { 0 });
        let cut = if eof {
            bytes.len()
        } else {
            memchr::memrchr(b'\n', &bytes).map_or(bytes.len(), |i| i + 1)
        };
        carry.extend_from_slice(&bytes[cut..]);
        bytes.truncate(cut);
        let skip = if file_offset == 0 { bom } else { 0 };
        let paragraphs = split_lines(&bytes, skip, eof && first_paragraph == 0);
        let count = paragraphs.len();
        let len = bytes.len();
        if count > 0 {
            let piece = Piece {
                name: Arc::clone(&name),
                bytes,
                file_offset,
                bom,
                first_paragraph,
                paragraphs,
            };
            if pieces.send(Ok(piece)).is_err() {
                return;
            }
        }
        file_offset += len;
        first_paragraph += count;
        if eof {
            return;
        }
    }
}

/// Reads from `file` onto `bytes` until what was read holds a newline (`Ok(false)`) or the
/// file ends (`Ok(true)`), counting all bytes read in `total` against the size limit.
fn read_more(
    file: &mut File,
    bytes: &mut Vec<u8>,
    total: &mut u64,
    name: &str,
) -> Result<bool, ArticleError> {
    loop {
        let before = bytes.len();
        let n = file
            .by_ref()
            .take(PIECE_BYTES as u64)
            .read_to_end(bytes)
            .map_err(|source| ArticleError::Io {
                path: name.to_owned(),
                source,
            })?;
        *total += n as u64;
        if *total > MAX_ARTICLE_BYTES {
            return Err(ArticleError::read_past_limit(name.to_owned()));
        }
        // `read_to_end` on `take` stops short only at the end of the file. A NUL makes the
        // file binary: nothing after it is printed, so nothing more is read (`/dev/zero`
        // was read to the size limit, 256 MB, before it was refused).
        if n < PIECE_BYTES || memchr::memchr(0, &bytes[before..]).is_some() {
            return Ok(true);
        }
        if memchr::memchr(b'\n', &bytes[before..]).is_some() {
            return Ok(false);
        }
    }
}

/// Paragraph ranges of `bytes[skip..]` as `split_paragraphs` finds them: one per `\n`, without
/// it and a `\r` before it; the text after the last `\n` is one more, unless it is empty (at the
/// end of a file ending in `\n`). `only` marks the whole file: an empty file is one empty
/// paragraph.
fn split_lines(bytes: &[u8], skip: usize, only: bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = skip;
    for i in memchr::memchr_iter(b'\n', &bytes[skip..]).map(|i| i + skip) {
        let end = if i > start && bytes[i - 1] == b'\r' {
            i - 1
        } else {
            i
        };
        out.push(start..end);
        start = i + 1;
    }
    if start < bytes.len() || (only && out.is_empty()) {
        let mut end = bytes.len();
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        out.push(start..end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    #[cfg(unix)]
    #[test]
    fn an_endless_binary_device_is_refused_at_its_first_nul() {
        let mut stream = PlainTextStream::open(Path::new("/dev/zero")).expect("opens");
        let piece = stream.next().expect("a piece").expect("read");
        // one read's worth, not the size limit
        assert!(piece.bytes.len() <= PIECE_BYTES, "{}", piece.bytes.len());
        assert!(matches!(
            piece.paragraph(0),
            Err(ArticleError::Binary { offset: 0, .. })
        ));
        assert!(stream.next().is_none());
    }

    /// Every paragraph of a stream over `bytes`, or its first error.
    fn streamed(bytes: &[u8]) -> Result<Vec<(usize, usize, String)>, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let path = dir.path().join("a.txt");
        std::fs::write(&path, bytes).map_err(|e| e.to_string())?;
        let mut out = Vec::new();
        for piece in PlainTextStream::open(&path).map_err(|e| e.to_string())? {
            let piece = piece.map_err(|e| e.to_string())?;
            for i in 0..piece.len() {
                let (base, text) = piece.paragraph(i).map_err(|e| e.to_string())?;
                out.push((piece.first_paragraph() + i, base, text.to_owned()));
            }
        }
        Ok(out)
    }

    /// The same through [`Article::from_bytes`], errors named by the same path.
    fn loaded(bytes: &[u8], path: &str) -> Result<Vec<(usize, usize, String)>, String> {
        let article = Article::from_bytes(path, bytes.to_vec()).map_err(|e| e.to_string())?;
        Ok(article
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, r)| (i, r.start, article.text[r.clone()].to_owned()))
            .collect())
    }

    fn same_as_article(bytes: &[u8]) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, bytes).expect("write");
        let mut streamed = Vec::new();
        let mut error = None;
        'pieces: for piece in PlainTextStream::open(&path).expect("open") {
            let piece = piece.expect("piece");
            for i in 0..piece.len() {
                match piece.paragraph(i) {
                    Ok((base, text)) => {
                        streamed.push((piece.first_paragraph() + i, base, text.to_owned()))
                    }
                    Err(e) => {
                        error = Some(e.to_string());
                        break 'pieces;
                    }
                }
            }
        }
        match loaded(bytes, &path.display().to_string()) {
            Ok(expected) => {
                assert_eq!(error, None);
                assert_eq!(streamed, expected, "{:?}", String::from_utf8_lossy(bytes));
            }
            // Article::from_bytes looks for a NUL in the whole file first; the stream reports
            // the first paragraph with any bad byte.
            Err(expected) if !bytes.contains(&0) => assert_eq!(error, Some(expected)),
            Err(_) => assert!(error.is_some()),
        }
    }

    #[test]
    fn paragraphs_are_those_of_the_article() {
        for text in [
            "",
            "\n",
            "\n\n",
            "a",
            "a\n",
            "a\r\n",
            "a\r\nb\r",
            "\r",
            "\r\n\r\n",
            "سلام\nعليكم\n\nab",
            "\u{FEFF}سلام\nx",
            "\u{FEFF}",
            "\u{FEFF}\n",
        ] {
            same_as_article(text.as_bytes());
        }
    }

    #[test]
    fn pieces_cut_between_paragraphs_of_a_large_file() {
        // Lines of every length around the piece size, one longer than a piece, CRLF endings.
        let mut text = String::new();
        let line = "قال المتحدث باسم الوزارة إن 12 شخصاً (على الأقل) أصيبوا.";
        while text.len() < 3 * PIECE_BYTES {
            text.push_str(line);
            text.push_str(if text.len().is_multiple_of(3) {
                "\r\n"
            } else {
                "\n"
            });
        }
        text.push_str(&"ب".repeat(PIECE_BYTES));
        text.push('\n');
        text.push_str("آخر سطر");
        same_as_article(text.as_bytes());
        let streamed = streamed(text.as_bytes()).expect("stream");
        assert_eq!(streamed.last().map(|p| p.2.as_str()), Some("آخر سطر"));
    }

    #[test]
    fn bad_bytes_are_reported_at_their_offset_in_the_file() {
        let mut bytes = "سطر\n".repeat(PIECE_BYTES / 6).into_bytes();
        let at = bytes.len() + 3;
        bytes.extend_from_slice(b"abc\xFFdef\n");
        bytes.extend_from_slice("بعده".as_bytes());
        let error = streamed(&bytes).expect_err("invalid");
        assert!(
            error.ends_with(&format!(
                "not valid UTF-8 at byte {at}; isnad reads UTF-8 text only"
            )),
            "{error}"
        );
        same_as_article(&bytes);

        // With a BOM, offsets count it, as Article::from_bytes does.
        same_as_article(b"\xEF\xBB\xBFab\ncd\xC3");
        same_as_article(b"\xEF\xBB\xBFab\nc\0d");
        let error = streamed(b"\xEF\xBB\xBFab\nc\0d").expect_err("binary");
        assert!(error.contains("NUL byte at byte 7"), "{error}");
    }

    #[test]
    fn a_stream_read_to_its_end_leaves_no_thread_running() {
        // The fuzzer's leak check found the detached reader still exiting after the last piece.
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, b"ab\ncd\xFF").expect("write");
        let mut stream = PlainTextStream::open(&path).expect("open");
        assert!(stream.reader.is_some());
        assert_eq!(stream.by_ref().count(), 1);
        assert!(stream.reader.is_none(), "reader not joined");
    }

    #[test]
    fn a_missing_file_names_the_file() {
        let error = PlainTextStream::open(Path::new("/nonexistent/isnad/a.txt"))
            .err()
            .map(|e| e.to_string());
        assert!(error.is_some_and(|e| e.starts_with("/nonexistent/isnad/a.txt: cannot read")),);
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_split_as_the_article_splits_them(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just(b'\n'),
                    proptest::strategy::Just(b'\r'),
                    proptest::strategy::Just(0xD8u8),
                    proptest::strategy::Just(0xA7u8),
                    proptest::strategy::Just(0u8),
                    proptest::prelude::any::<u8>(),
                ],
                0..64,
            )
        ) {
            same_as_article(&bytes);
        }
    }
}

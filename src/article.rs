//! The article: text decoded from a file (UTF-8, BOM dropped), its paragraphs, its metadata
//! (title, url, publication date), its hash, and conversion between the byte offsets used inside
//! the program and the code-point offsets used in every file the program reads or writes.
//! `.txt` is taken as is; `.md`, `.html` and `.json` go through the loaders in `article/`, and the
//! text they extract is the article text every offset and hash refers to. HTML is read in the
//! encoding it declares or is detected in (`encoding`) and reduced to its article
//! (`readability`); pages fetched from the web (`fetch`, `web`) and feeds (`feed`) are in
//! `article/` too.

pub(crate) mod dom;
pub mod encoding;
pub mod feed;
pub mod fetch;
pub mod html;
pub mod json;
pub mod markdown;
pub(crate) mod readability;
pub mod stream;
pub mod web;

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::text::normalize::NormalizedText;
use crate::text::spaces::PieceEnds;

/// The bundled sample article, opened when no file is given.
pub const SAMPLE_TEXT: &str = include_str!("../assets/sample-article.txt");
/// The name the sample article is shown under.
pub const SAMPLE_NAME: &str = "sample-article.txt";

/// Largest article the program opens (bytes). Larger files are refused with a message rather
/// than exhausting memory.
pub const MAX_ARTICLE_BYTES: u64 = 256 * 1024 * 1024;

/// Why an article could not be opened. Every variant names the file; decoding errors also name
/// the byte offset, so the user can find the problem with a hex editor.
#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not valid UTF-8 at byte {offset}; isnad reads UTF-8 text only")]
    InvalidUtf8 { path: String, offset: usize },
    #[error("{path}: looks like a binary file (NUL byte at byte {offset}), not a text article")]
    Binary { path: String, offset: usize },
    /// `size` is at least the file's size: what could be read before giving up.
    #[error("{path}: {size} bytes is over the limit of {limit} bytes for one article")]
    TooLarge { path: String, size: u64, limit: u64 },
    /// A structured article (`.json`) that does not have the expected shape.
    #[error("{path}:{line}:{column}: {message}")]
    Format {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

/// How a file is read, chosen by its extension (case-insensitive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArticleFormat {
    /// Plain text, taken as is (also every unknown extension).
    Text,
    /// Markdown: the text as is, minus YAML front matter.
    Markdown,
    /// HTML: the readable text of the page, one paragraph per line.
    Html,
    /// JSON: `{"title", "url", "published", "text"}`.
    Json,
}

impl ArticleFormat {
    pub fn of_path(path: &Path) -> Self {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "md" | "markdown" => Self::Markdown,
            "html" | "htm" | "xhtml" => Self::Html,
            "json" => Self::Json,
            _ => Self::Text,
        }
    }

    /// Whether a folder listing should offer `path` as an article: the known extensions, not
    /// hidden files and not annotation files (`*.isnad.json`).
    pub fn is_article_file(path: &Path) -> bool {
        let Some(name) = path.file_name().map(|n| n.to_string_lossy().to_lowercase()) else {
            return false;
        };
        if name.starts_with('.') || name.ends_with(".isnad.json") {
            return false;
        }
        [".txt", ".md", ".markdown", ".html", ".htm", ".json"]
            .iter()
            .any(|ext| name.ends_with(ext))
    }
}

/// A loaded article. `text` is exactly the decoded file content without a leading BOM;
/// all ranges are byte ranges into it.
#[derive(Clone)]
pub struct Article {
    /// Where it was read from; `None` for the embedded sample or text given directly.
    pub path: Option<PathBuf>,
    /// Short name for the status bar and messages.
    pub name: String,
    pub text: String,
    /// Byte range of each paragraph's content: split on `\n`, without the `\n` and without a
    /// `\r` right before it (CRLF tolerated).
    pub paragraphs: Vec<Range<usize>>,
    /// Title declared by the file (front matter or `# heading`, `<title>`/`<h1>`, JSON `title`);
    /// `None` for plain text, whose title is only a guess (see [`Article::display_title`]).
    pub title: Option<String>,
    /// Address of the original (`<link rel=canonical>`, `og:url`, front matter or JSON `url`).
    pub url: Option<String>,
    /// Publication date as written in the file (not parsed).
    pub published: Option<String>,
    /// Who wrote it, as the page says (HTML `author` metadata or byline).
    pub byline: Option<String>,
    /// The outlet that published it (`og:site_name`, JSON-LD `publisher.name`, JSON `outlet`):
    /// the root of the article's isnad when the annotation file names none.
    pub outlet: Option<String>,
    /// Said about the encoding of an HTML page when it was guessed or bytes were replaced
    /// (shown in the status bar); `None` when the page was read as declared.
    pub encoding_note: Option<String>,
    /// Built on first use: printing an article (`isnad render`) never needs it.
    offsets: std::sync::OnceLock<OffsetIndex>,
    /// Computed on first use: opening the annotations and every save need it, and hashing
    /// 10 MB takes milliseconds each time.
    sha256: std::sync::OnceLock<String>,
    /// The text folded for matching, built on first use: the entity extractor, the cue parser
    /// and the isnad rules read this one copy instead of folding the article again each.
    folded: std::sync::OnceLock<NormalizedText>,
    /// Where the text is cut after each whitespace character, built on first use: the isnad
    /// rules read the words of hundreds of windows of one article from this one cut.
    pieces: std::sync::OnceLock<PieceEnds>,
}

impl fmt::Debug for Article {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Article")
            .field("name", &self.name)
            .field("path", &self.path)
            .field("bytes", &self.text.len())
            .field("paragraphs", &self.paragraphs.len())
            .field("title", &self.title)
            .field("url", &self.url)
            .finish()
    }
}

/// Reads at most `limit` bytes of the file at `path`; more is an error of kind `FileTooLarge`.
/// Callers check the size first for a precise message; this bound also holds for what reports
/// no size (a pipe, `/dev/zero`) or grows while being read.
pub fn read_limited(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    read_at_most(std::fs::File::open(path)?, limit)
}

/// [`read_limited`] of a file already open.
fn read_at_most(file: std::fs::File, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!("more than {limit} bytes; not read"),
        ));
    }
    Ok(bytes)
}

/// Reads at most `limit` bytes of the regular file at `path`, refusing anything else before
/// opening it: a FIFO would block until a writer appears and a device may never end. For
/// inputs that only make sense as files (annotation files, gold files).
pub fn read_regular_limited(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file (a FIFO, device or folder); only regular files are read",
        ));
    }
    read_limited(path, limit)
}

/// Opens an article for reading, refusing a FIFO without waiting for it: opening a named pipe
/// blocks until something writes to it, which may be never (`isnad render FIFO` hung). It is
/// opened non-blocking, looked at, and refused; a device is read (`/dev/zero` is then refused
/// at its first NUL, an endless one at the size limit).
pub(crate) fn open_article(path: &Path) -> std::io::Result<std::fs::File> {
    #[cfg(unix)]
    {
        use rustix::fs::{OFlags, fcntl_getfl, fcntl_setfl};
        use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
        let file = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(OFlags::NONBLOCK.bits() as i32)
            .open(path)?;
        if file.metadata()?.file_type().is_fifo() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "not a regular file but a FIFO (named pipe), which would be waited on; \
                 articles are read from files and devices",
            ));
        }
        fcntl_setfl(&file, fcntl_getfl(&file)? - OFlags::NONBLOCK)?;
        Ok(file)
    }
    #[cfg(not(unix))]
    std::fs::File::open(path)
}

/// Reads an article file whole, refusing one over [`MAX_ARTICLE_BYTES`] before reading it
/// (or, for what reports no size, once that much has been read).
pub fn read_article_file(path: &Path) -> Result<Vec<u8>, ArticleError> {
    refuse_oversized(path)?;
    open_article(path)
        .and_then(|file| read_at_most(file, MAX_ARTICLE_BYTES))
        .map_err(|source| {
            if source.kind() == std::io::ErrorKind::FileTooLarge {
                ArticleError::read_past_limit(path.display().to_string())
            } else {
                ArticleError::Io {
                    path: path.display().to_string(),
                    source,
                }
            }
        })
}

/// Refuses a file whose size is over [`MAX_ARTICLE_BYTES`] before anything is read (or one
/// that cannot be looked at). What reports no size, or grows, is stopped while it is read
/// ([`ArticleError::read_past_limit`]).
pub(crate) fn refuse_oversized(path: &Path) -> Result<(), ArticleError> {
    let size = std::fs::metadata(path)
        .map_err(|source| ArticleError::Io {
            path: path.display().to_string(),
            source,
        })?
        .len();
    if size > MAX_ARTICLE_BYTES {
        return Err(ArticleError::TooLarge {
            path: path.display().to_string(),
            size,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    Ok(())
}

/// [`read_article_file`] for a format that cannot hold a NUL byte (all but HTML, which may be
/// UTF-16): read a megabyte at a time and refused at the first NUL, so `/dev/zero` or a binary
/// file is not read up to the size limit (256 MB) before being refused.
fn read_text_article_file(path: &Path) -> Result<Vec<u8>, ArticleError> {
    use std::io::Read;
    refuse_oversized(path)?;
    let shown = || path.display().to_string();
    let io = |source| ArticleError::Io {
        path: shown(),
        source,
    };
    let mut file = open_article(path).map_err(io)?;
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 1 << 20];
    loop {
        let n = match file.read(&mut chunk) {
            Ok(0) => return Ok(bytes),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io(e)),
        };
        if let Some(at) = memchr_nul(&chunk[..n]) {
            return Err(ArticleError::Binary {
                path: shown(),
                offset: bytes.len() + at,
            });
        }
        bytes.extend_from_slice(&chunk[..n]);
        if bytes.len() as u64 > MAX_ARTICLE_BYTES {
            return Err(ArticleError::read_past_limit(shown()));
        }
    }
}

impl ArticleError {
    /// A file found over the limit while being read: a device, a pipe, a file that grew.
    pub(crate) fn read_past_limit(path: String) -> Self {
        Self::TooLarge {
            path,
            size: MAX_ARTICLE_BYTES + 1,
            limit: MAX_ARTICLE_BYTES,
        }
    }
}

impl Article {
    /// Reads and decodes a file with the loader its extension selects ([`ArticleFormat`]).
    pub fn load(path: &Path) -> Result<Self, ArticleError> {
        let shown = path.display().to_string();
        let format = ArticleFormat::of_path(path);
        let bytes = if format == ArticleFormat::Html {
            read_article_file(path)?
        } else {
            read_text_article_file(path)?
        };
        let mut article = Self::from_bytes_as(format, &shown, bytes)?;
        article.path = Some(path.to_path_buf());
        article.name = path
            .file_name()
            .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
        Ok(article)
    }

    /// The embedded sample article.
    pub fn sample() -> Self {
        Self::from_text(SAMPLE_NAME, SAMPLE_TEXT.to_owned())
    }

    /// Decodes plain-text bytes: a leading UTF-8 BOM is dropped, invalid UTF-8 and NUL bytes
    /// are errors naming `name` and the byte offset (counted in the file, BOM included).
    pub fn from_bytes(name: &str, bytes: Vec<u8>) -> Result<Self, ArticleError> {
        Self::from_bytes_as(ArticleFormat::Text, name, bytes)
    }

    /// Decodes bytes as [`Article::from_bytes`] does, then reads them as `format`.
    pub fn from_bytes_as(
        format: ArticleFormat,
        name: &str,
        bytes: Vec<u8>,
    ) -> Result<Self, ArticleError> {
        if format == ArticleFormat::Html {
            return Self::from_html_bytes(name, &bytes, None);
        }
        let text = decode(name, bytes)?;
        Ok(match format {
            ArticleFormat::Text => Self::from_text(name, text),
            ArticleFormat::Markdown => markdown::parse(name, &text),
            ArticleFormat::Html => html::parse(name, &text),
            ArticleFormat::Json => json::parse(name, &text)?,
        })
    }

    /// Reads an HTML page in whatever encoding it is in ([`encoding::decode_html`]);
    /// `http_charset` is the charset the server declared. Refuses binary data: NUL bytes in a
    /// page that is not UTF-16.
    pub fn from_html_bytes(
        name: &str,
        bytes: &[u8],
        http_charset: Option<&str>,
    ) -> Result<Self, ArticleError> {
        let utf16 = matches!(
            encoding_rs::Encoding::for_bom(bytes),
            Some((e, _)) if e != encoding_rs::UTF_8
        );
        if !utf16 {
            refuse_binary(name, bytes)?;
        }
        let decoded = encoding::decode_html(bytes, http_charset);
        let mut article = html::parse(name, &decoded.text);
        article.encoding_note = decoded.note;
        Ok(article)
    }

    /// Wraps text that is already decoded (no BOM handling).
    pub fn from_text(name: &str, text: String) -> Self {
        let paragraphs = split_paragraphs(&text);
        Self {
            path: None,
            name: name.to_owned(),
            text,
            paragraphs,
            title: None,
            url: None,
            published: None,
            byline: None,
            outlet: None,
            encoding_note: None,
            offsets: std::sync::OnceLock::new(),
            sha256: std::sync::OnceLock::new(),
            folded: std::sync::OnceLock::new(),
            pieces: std::sync::OnceLock::new(),
        }
    }

    /// The title to show: the declared one, else the first non-empty line of the text.
    pub fn display_title(&self) -> String {
        match &self.title {
            Some(title) => title.clone(),
            None => first_line(&self.text).to_owned(),
        }
    }

    /// Text of paragraph `index` (empty string when out of range).
    pub fn paragraph_text(&self, index: usize) -> &str {
        self.paragraphs
            .get(index)
            .and_then(|r| self.text.get(r.clone()))
            .unwrap_or("")
    }

    /// The paragraph containing byte offset `byte` (the last one for offsets at or past the end).
    pub fn paragraph_at(&self, byte: usize) -> usize {
        match self.paragraphs.binary_search_by(|r| {
            if byte < r.start {
                std::cmp::Ordering::Greater
            } else if byte > r.end {
                std::cmp::Ordering::Less
            } else {
                std::cmp::Ordering::Equal
            }
        }) {
            Ok(i) => i,
            Err(i) => i.min(self.paragraphs.len().saturating_sub(1)),
        }
    }

    fn offsets(&self) -> &OffsetIndex {
        self.offsets.get_or_init(|| OffsetIndex::new(&self.text))
    }

    /// The text folded for matching (harakat and tatweel dropped, letter variants unified,
    /// `normalize_str`) with its offset maps, computed once per article:
    /// `folded().slice(range)` is `normalize_str(&text[range])` without folding or allocating.
    pub fn folded(&self) -> &NormalizedText {
        self.folded.get_or_init(|| NormalizedText::new(&self.text))
    }

    /// The pieces of `text[range]` cut after each whitespace character: the same as
    /// `split_after_spaces(&text[range])`, read from one cut of the whole text made on first
    /// use (none when `range` is not a range of the text).
    pub fn pieces(&self, range: Range<usize>) -> impl Iterator<Item = &str> {
        self.pieces
            .get_or_init(|| PieceEnds::new(&self.text))
            .pieces(&self.text, range)
    }

    /// Lowercase hex SHA-256 of the UTF-8 text (the `text_sha256` of the annotation file).
    pub fn sha256(&self) -> String {
        self.sha256.get_or_init(|| sha256_hex(&self.text)).clone()
    }

    /// Length of the text in code points.
    pub fn len_chars(&self) -> usize {
        self.offsets().total_chars
    }

    /// Code-point offset of byte offset `byte`. A byte offset inside a character counts that
    /// character as not yet reached; offsets past the end clamp to the length.
    pub fn byte_to_char(&self, byte: usize) -> usize {
        self.offsets().byte_to_char(&self.text, byte)
    }

    /// The code-point offsets of the byte range `range` and where the `context` characters
    /// before and after it start and end (bytes, clamped to the text): what `byte_to_char` of
    /// both ends and `char_to_byte` of the character `context` before the start and after the
    /// end give, found by counting the characters of the range and walking `context`
    /// characters from its ends (the quote selector of every item a file writes).
    pub fn context_around(&self, range: Range<usize>, context: usize) -> Context {
        let start = self.byte_to_char(range.start);
        if range.end < range.start || context == 0 {
            return self.context_by_index(start, self.byte_to_char(range.end), context);
        }
        let bytes = self.text.as_bytes();
        let (from, to) = (range.start.min(bytes.len()), range.end.min(bytes.len()));
        let end = start + count_lead_bytes(&bytes[from..to]);
        // the `context`-th character start before `from` (the text's start when fewer)
        let prefix_start = if start <= context {
            0
        } else {
            (0..from)
                .rev()
                .filter(|&i| is_lead_byte(bytes[i]))
                .nth(context - 1)
                .unwrap_or(0)
        };
        // the start of character `end + context` (the text's end when there is none)
        let suffix_end = if end + context >= self.len_chars() {
            bytes.len()
        } else {
            (to..bytes.len())
                .filter(|&i| is_lead_byte(bytes[i]))
                .nth(context)
                .unwrap_or(bytes.len())
        };
        Context {
            chars: start..end,
            prefix_start,
            suffix_end,
        }
    }

    /// [`Article::context_around`] from the code-point offsets of the range, through the index.
    fn context_by_index(&self, start: usize, end: usize, context: usize) -> Context {
        Context {
            chars: start..end,
            prefix_start: self
                .char_to_byte(start.saturating_sub(context))
                .unwrap_or(0),
            suffix_end: self
                .char_to_byte((end + context).min(self.len_chars()))
                .unwrap_or(self.text.len()),
        }
    }

    /// Byte offset of code-point offset `ch`, or `None` when past the end of the text.
    pub fn char_to_byte(&self, ch: usize) -> Option<usize> {
        self.offsets().char_to_byte(&self.text, ch)
    }
}

/// A byte range's code-point offsets and the bytes around it where its context starts and
/// ends ([`Article::context_around`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context {
    pub chars: Range<usize>,
    pub prefix_start: usize,
    pub suffix_end: usize,
}

/// Lowercase hex SHA-256 of a string's UTF-8 bytes.
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// The first non-empty line, trimmed: the best guess at a plain-text article's title.
pub fn first_line(text: &str) -> &str {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
}

/// UTF-8 decoding shared by every format: BOM dropped, NUL bytes and invalid UTF-8 refused.
fn decode(name: &str, mut bytes: Vec<u8>) -> Result<String, ArticleError> {
    let skip = refuse_binary(name, &bytes)?;
    bytes.drain(..skip);
    String::from_utf8(bytes).map_err(|e| ArticleError::InvalidUtf8 {
        path: name.to_owned(),
        offset: skip + e.utf8_error().valid_up_to(),
    })
}

/// Refuses bytes with a NUL in them (a binary file); otherwise returns the length of the BOM to
/// skip (0 or 3).
fn refuse_binary(name: &str, bytes: &[u8]) -> Result<usize, ArticleError> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let skip = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    if let Some(pos) = memchr_nul(&bytes[skip..]) {
        return Err(ArticleError::Binary {
            path: name.to_owned(),
            offset: skip + pos,
        });
    }
    Ok(skip)
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    // `contains` on bytes is std's memchr; the position is only looked for in a binary file.
    if bytes.contains(&0) {
        bytes.iter().position(|&b| b == 0)
    } else {
        None
    }
}

fn split_paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    // `match_indices` with a char pattern searches with memchr, not byte by byte.
    for (i, _) in text.match_indices('\n') {
        let end = if i > start && text.as_bytes()[i - 1] == b'\r' {
            i - 1
        } else {
            i
        };
        out.push(start..end);
        start = i + 1;
    }
    if start < text.len() || out.is_empty() {
        let mut end = text.len();
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        out.push(start..end);
    }
    out
}

/// For every block of `BLOCK` bytes, how many characters start before it: both conversions
/// then scan at most one block. Built by counting UTF-8 lead bytes, which the compiler turns
/// into wide vector operations, so indexing a 10 MB article costs about a millisecond.
#[derive(Clone, Debug)]
struct OffsetIndex {
    chars_before_block: Vec<usize>,
    total_chars: usize,
}

const BLOCK: usize = 256;

/// True for every byte that starts a character (ASCII or a multi-byte lead, not a
/// continuation byte `10xxxxxx`).
fn is_lead_byte(b: u8) -> bool {
    (b as i8) >= -0x40
}

fn count_lead_bytes(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| is_lead_byte(b)).count()
}

impl OffsetIndex {
    fn new(text: &str) -> Self {
        let mut chars_before_block = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut total_chars = 0;
        for block in text.as_bytes().chunks(BLOCK) {
            chars_before_block.push(total_chars);
            total_chars += count_lead_bytes(block);
        }
        if chars_before_block.is_empty() {
            chars_before_block.push(0);
        }
        Self {
            chars_before_block,
            total_chars,
        }
    }

    fn byte_to_char(&self, text: &str, byte: usize) -> usize {
        if byte >= text.len() {
            return self.total_chars;
        }
        let block = byte / BLOCK;
        let before = self.chars_before_block.get(block).copied().unwrap_or(0);
        before + count_lead_bytes(&text.as_bytes()[block * BLOCK..byte])
    }

    fn char_to_byte(&self, text: &str, ch: usize) -> Option<usize> {
        if ch > self.total_chars {
            return None;
        }
        if ch == self.total_chars {
            return Some(text.len());
        }
        // Every block starts at least one character (characters are at most 4 bytes), so the
        // counts strictly increase and the character's lead byte is in this block.
        let block = self
            .chars_before_block
            .partition_point(|&before| before <= ch)
            .checked_sub(1)?;
        let base = block * BLOCK;
        let mut skip = ch - self.chars_before_block[block];
        for (i, &b) in text.as_bytes().get(base..)?.iter().enumerate() {
            if is_lead_byte(b) {
                if skip == 0 {
                    return Some(base + i);
                }
                skip -= 1;
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 18 item 12: `/dev/zero` (and any text with a NUL early) is refused at the first
    /// NUL, not after reading 256 MB up to the size limit.
    #[cfg(unix)]
    #[test]
    fn dev_zero_is_refused_at_its_first_byte() {
        let err = Article::load(Path::new("/dev/zero")).expect_err("binary");
        assert!(
            matches!(err, ArticleError::Binary { offset: 0, .. }),
            "{err}"
        );
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("a.txt");
        let mut bytes = "نص".repeat(1_000_000).into_bytes();
        bytes.insert(3_000_001, 0);
        std::fs::write(&file, bytes).expect("write");
        let err = Article::load(&file).expect_err("binary");
        assert!(
            matches!(
                err,
                ArticleError::Binary {
                    offset: 3_000_001,
                    ..
                }
            ),
            "{err}"
        );
    }

    #[test]
    fn bom_is_dropped_and_crlf_tolerated() {
        let a = Article::from_bytes("t.txt", b"\xEF\xBB\xBFab\r\ncd\n".to_vec()).expect("valid");
        assert_eq!(a.text, "ab\r\ncd\n");
        assert_eq!(a.paragraphs, vec![0..2, 4..6]);
        assert_eq!(a.paragraph_text(1), "cd");
    }

    #[test]
    fn invalid_utf8_names_file_and_offset() {
        let err = Article::from_bytes("bad.txt", b"ok \xFF".to_vec()).expect_err("invalid");
        assert_eq!(
            err.to_string(),
            "bad.txt: not valid UTF-8 at byte 3; isnad reads UTF-8 text only"
        );
        let err = Article::from_bytes("bin", b"\xEF\xBB\xBFa\0b".to_vec()).expect_err("binary");
        assert!(err.to_string().contains("NUL byte at byte 4"), "{err}");
    }

    #[test]
    fn offsets_round_trip_over_checkpoints() {
        let text: String = "أب😀c\u{064E}".repeat(200);
        let a = Article::from_text("x", text.clone());
        for (n, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(a.byte_to_char(b), n);
            assert_eq!(a.char_to_byte(n), Some(b));
        }
        assert_eq!(a.char_to_byte(a.len_chars()), Some(text.len()));
        assert_eq!(a.char_to_byte(a.len_chars() + 1), None);
        assert_eq!(a.byte_to_char(usize::MAX), a.len_chars());
    }

    #[test]
    fn the_context_walked_from_a_range_is_the_one_the_index_gives() {
        let text = "قالَ😀 x\u{064E}جَ\n«الأمم» ab".repeat(3);
        let a = Article::from_text("x", text.clone());
        let n = text.len() + 2;
        for context in [0, 1, 3, 32] {
            for start in 0..=n {
                for end in (0..=n).filter(|&e| e + 9 >= start) {
                    let (s, e) = (a.byte_to_char(start), a.byte_to_char(end));
                    assert_eq!(
                        a.context_around(start..end, context),
                        a.context_by_index(s, e, context),
                        "{start}..{end} context {context}"
                    );
                }
            }
        }
        let empty = Article::from_text("e", String::new());
        assert_eq!(
            empty.context_around(0..0, 32),
            empty.context_by_index(0, 0, 32)
        );
    }

    #[test]
    fn offsets_match_a_plain_count_on_every_byte() {
        // Block boundaries fall inside multi-byte characters: every byte offset, boundary or
        // not, must count the characters that start before it.
        let text: String = "ab😀\u{064E}جَ\nx".repeat(97);
        let a = Article::from_text("x", text.clone());
        for byte in 0..=text.len() + 3 {
            let expected = text.as_bytes()[..byte.min(text.len())]
                .iter()
                .filter(|&&b| (b & 0xC0) != 0x80)
                .count();
            assert_eq!(a.byte_to_char(byte), expected, "byte {byte}");
        }
        assert_eq!(a.len_chars(), text.chars().count());
        let empty = Article::from_text("e", String::new());
        assert_eq!(empty.len_chars(), 0);
        assert_eq!(empty.char_to_byte(0), Some(0));
        assert_eq!(empty.char_to_byte(1), None);
        assert_eq!(empty.byte_to_char(0), 0);
    }

    #[test]
    fn paragraph_lookup() {
        let a = Article::from_text("x", "a\n\nbc\n".into());
        assert_eq!(a.paragraphs, vec![0..1, 2..2, 3..5]);
        assert_eq!(a.paragraph_at(0), 0);
        assert_eq!(a.paragraph_at(3), 2);
        assert_eq!(a.paragraph_at(99), 2);
        assert_eq!(a.paragraph_text(7), "");
    }

    #[test]
    fn sample_hash_is_stable() {
        let a = Article::sample();
        assert_eq!(a.sha256().len(), 64);
        assert_eq!(a.sha256(), sha256_hex(SAMPLE_TEXT));
    }
}

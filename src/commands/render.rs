//! `isnad render`: the article laid out as the reader shows it, printed to stdout: a
//! bidi-aware `cat` for any terminal, or JSON Lines describing every visual row.

use std::collections::VecDeque;
use std::io::{self, Write};
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, sync_channel};

use rayon::prelude::*;

use crate::article::stream::{Piece, PlainTextStream};
use crate::article::{Article, ArticleError, ArticleFormat};
use crate::cli::RenderArgs;
use crate::layout::{BidiMode, LayoutOptions, VisualRow, layout_paragraph, print_paragraph};

/// Paragraphs laid out per parallel batch: large enough to amortise scheduling, small enough
/// that output starts quickly and memory stays bounded on huge files.
const BATCH: usize = 512;

/// Runs `render`. `terminal_width` is the width of the terminal stdout is attached to, if any.
pub fn run(
    args: &RenderArgs,
    bidi: Option<BidiMode>,
    terminal_width: Option<u16>,
    out: &mut dyn Write,
) -> Result<ExitCode, String> {
    let opts = LayoutOptions {
        width: args.width.or(terminal_width).unwrap_or(80).max(1),
        mode: bidi.unwrap_or_default(),
        direction: args.direction,
        ..LayoutOptions::default()
    };
    let written = if args.json || ArticleFormat::of_path(&args.file) != ArticleFormat::Text {
        let article = Article::load(&args.file).map_err(|e| e.to_string())?;
        write_article(&article, &opts, args.json, out).map_err(Failure::Output)
    } else {
        PlainTextStream::open(&args.file)
            .map_err(Failure::Input)
            .and_then(|stream| write_stream(stream, &opts, out))
    };
    match written {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(Failure::Input(e)) => Err(e.to_string()),
        // A reader that stops early (`| head`) is not an error.
        Err(Failure::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => Err(String::new()),
        Err(Failure::Output(e)) => Err(format!("writing output: {e}")),
    }
}

/// Why printing stopped: the input has a bad byte (everything before its paragraph has been
/// printed), or the output could not be written.
enum Failure {
    Input(ArticleError),
    Output(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Self::Output(e)
    }
}

/// Lays out every paragraph of `article` and writes its rows in order: as text, or as JSON
/// Lines with code-point offsets.
pub fn write_article(
    article: &Article,
    opts: &LayoutOptions,
    json: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let count = article.paragraphs.len();
    for start in (0..count).step_by(BATCH) {
        let chunks: Vec<Vec<u8>> = (start..(start + BATCH).min(count))
            .into_par_iter()
            .map(|p| {
                let mut buf = Vec::new();
                if json {
                    for row in layout_paragraph(article, p, opts) {
                        write_json_row(article, &row, &mut buf);
                    }
                } else {
                    print_paragraph(article.paragraph_text(p), opts, &mut buf);
                }
                buf
            })
            .collect();
        for chunk in chunks {
            out.write_all(&chunk)?;
        }
    }
    out.flush()
}

/// Pieces laid out at once: while the first is written, the cores already work on the next,
/// so no core waits for the last paragraph of a piece or for the output.
const PIECES_IN_FLIGHT: usize = 2;

/// A piece with the printed rows of each of its paragraphs, or the error of a bad one.
type RenderedPiece = (Piece, Vec<Result<Vec<u8>, ArticleError>>);

/// Prints a plain-text file piece by piece, laying out pieces on every core while earlier
/// ones are written and later ones read.
fn write_stream(
    mut stream: PlainTextStream,
    opts: &LayoutOptions,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    rayon::in_place_scope(|scope| {
        let mut in_flight: VecDeque<Receiver<RenderedPiece>> = VecDeque::new();
        let mut write_oldest = |in_flight: &mut VecDeque<Receiver<RenderedPiece>>,
                                stream: &PlainTextStream|
         -> Result<(), Failure> {
            let Some((piece, rendered)) = in_flight.pop_front().and_then(|rx| rx.recv().ok())
            else {
                return Ok(());
            };
            for chunk in rendered {
                out.write_all(&chunk.map_err(Failure::Input)?)?;
            }
            stream.recycle(piece);
            Ok(())
        };
        while let Some(piece) = stream.next() {
            let piece = piece.map_err(Failure::Input)?;
            let (done, rx) = sync_channel(1);
            scope.spawn(move |_| {
                let rendered = (0..piece.len())
                    .into_par_iter()
                    .map(|i| {
                        let (_, text) = piece.paragraph(i)?;
                        // Presentation forms take three bytes where letters took two, and
                        // right-aligned rows are padded: room for that avoids regrowing.
                        let mut buf = Vec::with_capacity(text.len() * 2 + 128);
                        print_paragraph(text, opts, &mut buf);
                        Ok(buf)
                    })
                    .collect();
                // The receiver is gone only when printing already stopped.
                let _ = done.send((piece, rendered));
            });
            in_flight.push_back(rx);
            if in_flight.len() >= PIECES_IN_FLIGHT {
                write_oldest(&mut in_flight, &stream)?;
            }
        }
        while !in_flight.is_empty() {
            write_oldest(&mut in_flight, &stream)?;
        }
        out.flush()?;
        Ok(())
    })
}

fn write_json_row(article: &Article, row: &VisualRow, buf: &mut Vec<u8>) {
    let value = serde_json::json!({
        "paragraph": row.paragraph,
        "start": article.byte_to_char(row.logical.start),
        "end": article.byte_to_char(row.logical.end),
        "text": row.text,
        "rtl": row.rtl,
    });
    // Serialising a json! value into a Vec cannot fail.
    if serde_json::to_writer(&mut *buf, &value).is_ok() {
        buf.push(b'\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_rows_are_right_aligned_and_json_uses_code_points() {
        let article = Article::from_text("t", "سلام\nab".into());
        let opts = LayoutOptions {
            width: 10,
            ..LayoutOptions::default()
        };
        let mut out = Vec::new();
        write_article(&article, &opts, false, &mut out).expect("write");
        let text = String::from_utf8(out).expect("utf8");
        assert_eq!(text, "       \u{FEE1}\u{FEFC}\u{FEB3}\nab\n");

        let mut out = Vec::new();
        write_article(&article, &opts, true, &mut out).expect("write");
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .expect("utf8")
            .lines()
            .map(|l| serde_json::from_str(l).expect("json"))
            .collect();
        assert_eq!(lines[0]["start"], 0);
        assert_eq!(lines[0]["end"], 4);
        assert_eq!(lines[0]["rtl"], true);
        assert_eq!(lines[1]["start"], 5);
        assert_eq!(lines[1]["paragraph"], 1);
        assert_eq!(lines[1]["rtl"], false);
    }
}

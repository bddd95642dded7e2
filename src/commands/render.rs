//! `isnad render`: the article laid out as the reader shows it, printed to stdout: a
//! bidi-aware `cat` for any terminal, or JSON Lines describing every visual row.

use std::io::{self, Write};
use std::process::ExitCode;

use rayon::prelude::*;

use crate::article::Article;
use crate::cli::{BidiArg, DirectionArg, RenderArgs};
use crate::layout::{
    BidiMode, Direction, LayoutOptions, VisualRow, layout_paragraph, layout_paragraph_text,
};

/// Paragraphs laid out per parallel batch: large enough to amortise scheduling, small enough
/// that output starts quickly and memory stays bounded on huge files.
const BATCH: usize = 512;

/// Runs `render`. `terminal_width` is the width of the terminal stdout is attached to, if any.
pub fn run(
    args: &RenderArgs,
    bidi: Option<BidiArg>,
    terminal_width: Option<u16>,
    out: &mut dyn Write,
) -> Result<ExitCode, String> {
    let article = Article::load(&args.file).map_err(|e| e.to_string())?;
    let opts = LayoutOptions {
        width: args.width.or(terminal_width).unwrap_or(80).max(1),
        mode: match bidi {
            None | Some(BidiArg::App) => BidiMode::App,
            Some(BidiArg::Terminal) => BidiMode::Terminal,
            Some(BidiArg::Off) => BidiMode::Off,
        },
        direction: match args.direction {
            DirectionArg::Auto => Direction::Auto,
            DirectionArg::Rtl => Direction::Rtl,
            DirectionArg::Ltr => Direction::Ltr,
        },
        ..LayoutOptions::default()
    };
    write_article(&article, &opts, args.json, out).map_err(|e| match e.kind() {
        io::ErrorKind::BrokenPipe => String::new(),
        _ => format!("writing output: {e}"),
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Lays out every paragraph (in parallel batches) and writes rows in order.
pub fn write_article(
    article: &Article,
    opts: &LayoutOptions,
    json: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let count = article.paragraphs.len();
    let mut start = 0;
    while start < count {
        let end = (start + BATCH).min(count);
        let chunks: Vec<Vec<u8>> = (start..end)
            .into_par_iter()
            .map(|p| {
                let mut buf = Vec::new();
                // Printed rows need no cell tables; JSON rows neither, but keep one code path
                // for what tools inspect.
                let rows = if json {
                    layout_paragraph(article, p, opts)
                } else {
                    layout_paragraph_text(article, p, opts)
                };
                for row in rows {
                    if json {
                        write_json_row(article, &row, &mut buf);
                    } else {
                        write_text_row(&row, opts.width, &mut buf);
                    }
                }
                buf
            })
            .collect();
        for chunk in chunks {
            out.write_all(&chunk)?;
        }
        start = end;
    }
    out.flush()
}

fn write_text_row(row: &VisualRow, width: u16, buf: &mut Vec<u8>) {
    buf.resize(buf.len() + usize::from(row.indent(width)), b' ');
    buf.extend_from_slice(row.text.as_bytes());
    buf.push(b'\n');
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

//! Prints the attribution suggestions for an article (the bundled sample when no path is
//! given), one line per attribution: template, cue, source (type), quote type and claim.
//! Run with `cargo run --example cues_dump -- ARTICLE.txt`.

use std::process::ExitCode;

use isnad::article::Article;
use isnad::extract::cues::suggest_article;

fn main() -> ExitCode {
    let article = match std::env::args_os().nth(1) {
        Some(path) => match Article::load(std::path::Path::new(&path)) {
            Ok(article) => article,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        },
        None => Article::sample(),
    };
    let s = suggest_article(&article);
    let text = |r: &std::ops::Range<usize>| article.text.get(r.clone()).unwrap_or("");
    for a in &s.attributions {
        let (source, ty) = match a.source.and_then(|i| s.sources.get(i)) {
            Some(src) => (text(&src.span), src.source_type.as_str()),
            None => ("-", "-"),
        };
        let claim = s.claims.get(a.claim).map_or("", |c| text(&c.span));
        let nested = a
            .nested_in
            .map(|n| format!(" (relayed by #{n})"))
            .unwrap_or_default();
        println!(
            "[{}] {} | {} ({}) | {}: {}{}",
            a.template.as_str(),
            text(&a.cue),
            source,
            ty,
            a.quote_type.as_str(),
            claim,
            nested
        );
    }
    ExitCode::SUCCESS
}

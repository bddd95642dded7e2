use isnad::article::Article;
use isnad::extract::cues::suggest_article;
fn main() {
    let path = std::env::args().nth(1);
    let article = match path {
        Some(p) => Article::load(std::path::Path::new(&p)).unwrap(),
        None => Article::sample(),
    };
    let s = suggest_article(&article);
    for a in &s.attributions {
        let c = &s.claims[a.claim];
        let src = a
            .source
            .map(|i| &article.text[s.sources[i].span.clone()])
            .unwrap_or("-");
        let ty = a
            .source
            .map(|i| s.sources[i].source_type.as_str())
            .unwrap_or("-");
        println!(
            "[{}] {} | SRC «{}» ({}) | CLAIM({}) «{}»{}",
            a.template.as_str(),
            &article.text[a.cue.clone()],
            src,
            ty,
            a.quote_type.as_str(),
            &article.text[c.span.clone()],
            a.nested_in
                .map(|n| format!(" nested_in={n}"))
                .unwrap_or_default()
        );
    }
}

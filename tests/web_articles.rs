//! Reader mode on Arabic news pages written for these tests (tests/data/web): a right-to-left
//! news layout with an Arabic menu, a breaking-news ticker, share buttons, a "read also"
//! (اقرأ أيضا) box inside the article, tags, comments, a most-read sidebar and a footer; the same
//! page in windows-1256 (declared with `http-equiv`) and in ISO-8859-6 (not declared at all).

use std::path::{Path, PathBuf};

use isnad::article::Article;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/web")
        .join(name)
}

const PARAGRAPHS: &[&str] = &[
    "أعلنت هيئة الإغاثة الوطنية، صباح الأحد، وصول أولى قوافل المساعدات",
    "وقال المتحدث باسم الهيئة، خالد منصور، إن القافلة تضم 40 شاحنة",
    "وبحسب تقديرات أولية لوزارة الصحة، أصيب 27 شخصا",
    "من جهته، أكد محافظ الشمال أن غرفة العمليات",
    "ونقلت وكالة الأنباء الرسمية عن مصادر محلية",
];

/// Menus, ticker, share buttons, the read-also box, tags, comments, sidebar, ad and footer.
const BOILERPLATE: &[&str] = &[
    "رياضة",
    "عاجل",
    "فيسبوك",
    "اقرأ أيضا",
    "وزير المالية",
    "أمطار محافظات",
    "التعليقات",
    "أبو محمد",
    "اكتب تعليقك",
    "الأكثر قراءة",
    "إعلان",
    "جميع الحقوق",
    "لا يظهر",
];

fn assert_reader_mode(article: &Article) {
    let text = &article.text;
    let lines: Vec<&str> = text.lines().collect();
    let title = "وصول قوافل الإغاثة إلى القرى المتضررة من السيول";
    assert_eq!(article.title.as_deref(), Some(title));
    assert_eq!(lines[0], title, "{text}");
    assert_eq!(lines[1], "كتبت: سارة الأحمد", "{text}");
    assert_eq!(lines[2], "2025-05-11T09:30:00+03:00", "{text}");
    assert_eq!(
        text.matches(title).count(),
        1,
        "the h1 repeating the title is dropped"
    );
    assert!(
        text.contains("شاحنات المساعدات على الطريق"),
        "caption: {text}"
    );
    assert!(lines.contains(&"مراكز إيواء مؤقتة"), "heading: {text}");
    let mut last = 0;
    for p in PARAGRAPHS {
        let at = lines
            .iter()
            .position(|l| l.starts_with(p))
            .unwrap_or_else(|| panic!("paragraph {p:?} missing, one per line: {text}"));
        assert!(at > last, "paragraphs out of order: {text}");
        last = at;
    }
    for noise in BOILERPLATE {
        assert!(!text.contains(noise), "{noise:?} kept: {text}");
    }
    assert_eq!(
        article.url.as_deref(),
        Some("https://news.example/ar/2025/05/relief")
    );
}

#[test]
fn an_arabic_news_page_opens_as_just_the_article() {
    let article = Article::load(&fixture("ar-news.html")).expect("fixture");
    assert_reader_mode(&article);
    assert_eq!(article.encoding_note, None);
}

#[test]
fn a_windows_1256_page_declared_in_http_equiv_reads_the_same() {
    let utf8 = Article::load(&fixture("ar-news.html")).expect("fixture");
    let article = Article::load(&fixture("ar-news-windows-1256.html")).expect("fixture");
    assert_reader_mode(&article);
    assert_eq!(article.encoding_note, None, "declared, not guessed");
    assert_eq!(article.text, utf8.text.replace('©', "(c)"));
}

#[test]
fn an_undeclared_iso_8859_6_page_is_detected_and_said_to_be_guessed() {
    let article = Article::load(&fixture("ar-news-iso-8859-6.html")).expect("fixture");
    assert_reader_mode(&article);
    let note = article.encoding_note.as_deref().unwrap_or("");
    assert!(note.contains("guessed ISO-8859-6"), "{note}");
}

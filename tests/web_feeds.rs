//! Feeds written for these tests (tests/data/web/feed-*.xml): an Arabic RSS 2.0 feed, the same in
//! windows-1256, an Atom feed, and a feed whose titles are entity-encoded (twice, in CDATA, as
//! numeric references); and the read/annotated state of an item from the data directory.

use std::path::{Path, PathBuf};

use isnad::article::feed::{FeedItem, ItemState, load_feed, parse_feed};
use isnad::article::fetch::{self, FetchOptions};
use isnad::article::web::saved_paths;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/web")
        .join(name)
}

fn load(name: &str) -> isnad::article::feed::Feed {
    let path = fixture(name);
    load_feed(
        &path.to_string_lossy(),
        FetchOptions::default(),
        &mut fetch::go_on(|_| {}),
    )
    .expect(name)
}

#[test]
fn an_arabic_rss_feed_lists_its_items_in_order() {
    let feed = load("feed-ar-rss.xml");
    assert_eq!(feed.title, "أخبار المدينة");
    let titles: Vec<&str> = feed.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "وصول قوافل الإغاثة إلى القرى المتضررة من السيول",
            "وزير المالية يعلن موازنة العام المقبل",
            "افتتاح معرض الكتاب بمشاركة عربية واسعة",
        ]
    );
    assert_eq!(
        feed.items[0],
        FeedItem {
            title: titles[0].to_owned(),
            link: Some("https://news.example/ar/2025/05/relief".into()),
            published: Some("2025-05-11 06:30".into()),
            source: "أخبار المدينة".into(),
        }
    );
}

#[test]
fn a_windows_1256_feed_reads_the_same() {
    assert_eq!(
        load("feed-ar-rss-windows-1256.xml"),
        load("feed-ar-rss.xml")
    );
}

#[test]
fn an_atom_feed_gives_alternate_links_and_falls_back_to_updated() {
    let feed = load("feed-atom.xml");
    assert_eq!(feed.title, "نشرة الصباح");
    assert_eq!(feed.items.len(), 2);
    assert_eq!(
        feed.items[0].link.as_deref(),
        Some("https://morning.example/power-cut")
    );
    assert_eq!(feed.items[0].published.as_deref(), Some("2025-05-11 05:45"));
    assert_eq!(feed.items[1].published.as_deref(), Some("2025-05-10 12:00"));
}

#[test]
fn entity_encoded_titles_read_as_words() {
    let feed = load("feed-entities.xml");
    assert_eq!(feed.title, "مرصد \"الحقيقة\"");
    let titles: Vec<&str> = feed.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "عاجل: الوزير يقول \"لا زيادة في الأسعار\"",
            "تقرير: «الإغاثة» & الدفاع المدني في الميدان",
            "المصدر الرسمي",
        ]
    );
    assert_eq!(feed.items[0].published.as_deref(), Some("2025-05-12 07:00"));
}

#[test]
fn an_item_is_new_then_read_then_annotated() {
    let data = tempfile::tempdir().expect("tempdir");
    let item = &load("feed-ar-rss.xml").items[0];
    assert_eq!(ItemState::of(item, data.path()), ItemState::New);
    let saved = saved_paths(data.path(), item.link.as_deref().unwrap_or_default()).article;
    std::fs::create_dir_all(saved.parent().expect("folder")).expect("mkdir");
    std::fs::write(&saved, "{\"text\": \"x\"}").expect("write");
    assert_eq!(ItemState::of(item, data.path()), ItemState::Read);
    std::fs::write(isnad::annotate::store::sidecar_path(&saved), "{}").expect("write");
    assert_eq!(ItemState::of(item, data.path()), ItemState::Annotated);
}

#[test]
fn a_missing_or_broken_feed_is_an_error_naming_it() {
    let missing = fixture("no-such-feed.xml");
    let err = load_feed(
        &missing.to_string_lossy(),
        FetchOptions::default(),
        &mut fetch::go_on(|_| {}),
    )
    .expect_err("missing");
    assert!(
        err.to_string().starts_with(&*missing.to_string_lossy()),
        "{err}"
    );
    let err = parse_feed("broken.xml", b"<rss><channel><item><title>x").expect_err("broken");
    assert!(err.to_string().starts_with("broken.xml: "), "{err}");
}

//! Criterion benchmarks of the reader on a ~9 MB article (30 copies of the diacritised Wikinews
//! text), as a user meets it: decoding and indexing the file, start-up to the first frame drawn,
//! and the per-key cost of `G`, PgDn and a resize with a cold layout cache (what a key costs the
//! first time), a frame redraw, and a search (folding the article, then finding every match).

#[path = "common/config.rs"]
mod config;
#[path = "common/cpu_time.rs"]
mod cpu_time;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use cpu_time::{ProcessCpuTime, cpu_now};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use isnad::annotate::StoreOptions;
use isnad::app::{Action, App};
use isnad::article::Article;
use isnad::config::colors::ColorDepth;
use isnad::config::{Paths, Settings};
use isnad::search::SearchIndex;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const WIKINEWS: &str = include_str!("../tests/data/wikinews-ar.txt");
const WIDTH: u16 = 100;
const HEIGHT: u16 = 30;

fn corpus() -> Vec<u8> {
    WIKINEWS.repeat(30).into_bytes()
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// The reader as `isnad FILE` starts it: article, annotation store (no file yet, so nothing is
/// read), first layout at the terminal's size.
fn start(bytes: Vec<u8>, dir: &Path) -> App {
    let article = Article::from_bytes("wikinews-x30.txt", bytes).expect("valid corpus");
    let paths = Paths::resolve(Some(&dir.join("config.toml")));
    let found = isnad::tui::surroundings(&paths, ColorDepth::TrueColor);
    let app = App::new(article, Settings::defaults(), paths, found);
    let options = StoreOptions {
        annotations: Some(dir.join("wikinews-x30.isnad.json")),
        data_dir: Some(dir.to_path_buf()),
    };
    let store =
        isnad::extract::open::open_store(std::sync::Arc::clone(&app.reader.article), &options);
    let mut app = app.with_store(store, "bench");
    app.update(Action::Resize {
        width: WIDTH,
        height: HEIGHT,
    });
    app
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("test backend draws");
}

fn load(c: &mut Criterion<ProcessCpuTime>) {
    let bytes = corpus();
    let mut group = c.benchmark_group("reader_9mb");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("article_from_bytes", |b| {
        b.iter_batched(
            || bytes.clone(),
            |bytes| Article::from_bytes("x.txt", bytes).map(|a| a.paragraphs.len()),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

fn reader(c: &mut Criterion<ProcessCpuTime>) {
    let bytes = corpus();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut group = c.benchmark_group("reader_9mb");
    group.bench_function("start_to_first_frame", |b| {
        b.iter_batched(
            || bytes.clone(),
            |bytes| {
                let app = start(bytes, dir.path());
                let mut terminal =
                    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
                draw(&mut terminal, &app);
                app
            },
            BatchSize::LargeInput,
        )
    });

    let mut app = start(bytes.clone(), dir.path());
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
    // Each key is timed alone, after the layout cache is emptied: the cost of a key the first
    // time, the worst case a user meets.
    let mut timed = |name: &str, setup: &dyn Fn(&mut App), event: &dyn Fn() -> Event| {
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    setup(&mut app);
                    app.reader.layout.clear();
                    let started = cpu_now();
                    black_box(app.handle_event(event()));
                    total += cpu_now().saturating_sub(started);
                }
                total
            })
        });
    };
    let top = |app: &mut App| {
        app.handle_event(key(KeyCode::Char('g')));
        app.handle_event(key(KeyCode::Char('g')));
    };
    timed("key_G_cold", &top, &|| key(KeyCode::Char('G')));
    let middle = |app: &mut App| {
        app.update(Action::Execute("goto 50%".to_owned()));
    };
    timed("key_PgDn_cold", &middle, &|| key(KeyCode::PageDown));
    let wide = |app: &mut App| {
        app.update(Action::Resize {
            width: WIDTH,
            height: HEIGHT,
        });
    };
    timed("resize_100x30_to_70x25_cold", &wide, &|| {
        Event::Resize(70, 25)
    });
    middle(&mut app);
    group.bench_function("draw_frame", |b| b.iter(|| draw(&mut terminal, &app)));
    group.finish();
}

fn search(c: &mut Criterion<ProcessCpuTime>) {
    let text = WIKINEWS.repeat(30);
    let mut group = c.benchmark_group("search_9mb");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("fold_and_find_first_search", |b| {
        b.iter(|| SearchIndex::new(black_box(&text)).find_all("الحكومة").len())
    });
    let index = SearchIndex::new(&text);
    group.bench_function("find_with_index", |b| {
        b.iter(|| index.find_all(black_box("الحكومة")).len())
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = config::criterion();
    targets = load, reader, search
}
criterion_main!(benches);

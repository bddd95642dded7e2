//! Wall-clock and CPU time of saving and loading an annotation file of 10,000 entities (the
//! built-in extractor's suggestions on repeated Wikinews text, accepted), and of opening a file
//! of 100,000 annotations after a line was added to their 9.2 MB article (every span
//! re-anchored), as medians of RUNS runs: the figures `scripts/bench.sh` prints. `cargo bench
//! --bench annotations` measures the same with criterion. Run with `cargo run --release
//! --example annotation_io -- [RUNS]`.

#[path = "../benches/common/wikinews_annotations.rs"]
mod wikinews_annotations;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use isnad::annotate::model::Item;
use isnad::annotate::{AnnotationStore, Edit, StoreOptions};
use isnad::article::Article;
use wikinews_annotations::{PREPENDED_LINE, WIKINEWS, accepted_entities};

const ANNOTATIONS: usize = 10_000;
const REANCHORED: usize = 100_000;
/// Copies of the Wikinews text in the 9.2 MB article of the README.
const COPIES: usize = 30;

/// CPU time of the whole process (all threads).
fn cpu_now() -> Option<Duration> {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ProcessCPUTime);
    Some(Duration::new(
        u64::try_from(t.tv_sec).ok()?,
        u32::try_from(t.tv_nsec).ok()?,
    ))
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// Runs `f`, returning (wall ms, CPU ms).
fn timed<T>(f: impl FnOnce() -> T) -> (f64, f64, T) {
    let cpu = cpu_now();
    let started = Instant::now();
    let out = f();
    let wall = started.elapsed().as_secs_f64() * 1000.0;
    let cpu = cpu_now()
        .zip(cpu)
        .map_or(f64::NAN, |(b, a)| (b - a).as_secs_f64() * 1000.0);
    (wall, cpu, out)
}

fn main() -> std::process::ExitCode {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(9);
    let per_copy = isnad::extract::extract(WIKINEWS).len().max(1);
    let article = Arc::new(Article::from_text(
        "bench.txt",
        WIKINEWS.repeat(ANNOTATIONS.div_ceil(per_copy) + 1),
    ));
    let Some(items) = accepted_entities(&article, ANNOTATIONS) else {
        eprintln!("annotation_io: not enough annotations");
        return std::process::ExitCode::FAILURE;
    };
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("annotation_io: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let file = dir.path().join("bench.isnad.json");
    let options = StoreOptions {
        annotations: Some(file.clone()),
        data_dir: Some(dir.path().to_path_buf()),
    };
    let mut store = AnnotationStore::open(Arc::clone(&article), &options);
    let first = items[0].clone();
    if let Err(e) = store.apply(Edit::Batch(items.into_iter().map(Edit::Add).collect())) {
        eprintln!("annotation_io: {e}");
        return std::process::ExitCode::FAILURE;
    }
    let (mut save_wall, mut save_cpu, mut load_wall, mut load_cpu) =
        (vec![], vec![], vec![], vec![]);
    for round in 0..runs {
        let mut changed = first.clone();
        if let Item::Entity(e) = &mut changed {
            e.note = format!("round {round}");
        }
        if let Err(e) = store.apply(Edit::Update(changed)) {
            eprintln!("annotation_io: {e}");
            return std::process::ExitCode::FAILURE;
        }
        let (wall, cpu, saved) = timed(|| store.save());
        if let Err(e) = saved {
            eprintln!("annotation_io: {e}");
            return std::process::ExitCode::FAILURE;
        }
        save_wall.push(wall);
        save_cpu.push(cpu);
        let (wall, cpu, loaded) = timed(|| AnnotationStore::open(Arc::clone(&article), &options));
        if loaded.set().entities.len() != ANNOTATIONS {
            eprintln!("annotation_io: the file did not load back");
            return std::process::ExitCode::FAILURE;
        }
        load_wall.push(wall);
        load_cpu.push(cpu);
        drop(loaded);
    }
    let size = std::fs::metadata(&file).map_or(0, |m| m.len());
    println!(
        "annotations: {ANNOTATIONS} entities, file {:.1} MB, {runs} runs: save median {:.1} ms wall \
         ({:.1} ms CPU), load median {:.1} ms wall ({:.1} ms CPU) (targets < 50 ms)",
        size as f64 / 1e6,
        median(save_wall),
        median(save_cpu),
        median(load_wall),
        median(load_cpu)
    );
    match reanchoring(dir.path(), runs.min(5)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("annotation_io: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Opens a file of [`REANCHORED`] annotations after a line was added above their article, `runs`
/// times, and prints the medians and what re-anchoring reported.
fn reanchoring(dir: &Path, runs: usize) -> Result<(), String> {
    let article = Arc::new(Article::from_text("bench.txt", WIKINEWS.repeat(COPIES)));
    let items = accepted_entities(&article, REANCHORED).ok_or("not enough annotations")?;
    let options = StoreOptions {
        annotations: Some(dir.join("reanchor.isnad.json")),
        data_dir: Some(dir.to_path_buf()),
    };
    let mut store = AnnotationStore::open(Arc::clone(&article), &options);
    store
        .apply(Edit::Batch(items.into_iter().map(Edit::Add).collect()))
        .map_err(|e| e.to_string())?;
    store.save().map_err(|e| e.to_string())?;
    drop(store);
    let changed = Arc::new(Article::from_text(
        "bench.txt",
        format!("{PREPENDED_LINE}{}", article.text),
    ));
    let (mut walls, mut cpus) = (vec![], vec![]);
    let mut report = None;
    for _ in 0..runs {
        let (wall, cpu, loaded) = timed(|| AnnotationStore::open(Arc::clone(&changed), &options));
        if loaded.set().entities.len() != REANCHORED {
            return Err("the re-anchored file lost annotations".into());
        }
        walls.push(wall);
        cpus.push(cpu);
        report = Some(loaded.anchor_report());
    }
    println!(
        "re-anchoring: {REANCHORED} annotations after a line was added to their {:.1} MB \
         article, {runs} runs: open median {:.0} ms wall ({:.0} ms CPU) (target < 2 s); {report:?}",
        changed.text.len() as f64 / 1e6,
        median(walls),
        median(cpus),
    );
    Ok(())
}

//! Ingest throughput on the shared corpus, printed as figures (no pass or
//! fail: these machines are too noisy for timed assertions).
//!
//! `cargo bench --bench ingest` prints, for a fresh on-disk store each run:
//! wall time, documents/s and triples/s of a full ingest, then the time of a
//! re-ingest where nothing changed, and parse-only throughput.

use govgraph::source;
use govgraph::store::{self, IngestOptions, Store};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn main() {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let paths = [shared.join("corpus"), shared.join("seeds")];
    let found = source::discover(&paths).expect("the shared corpus is next to the project");
    let bytes: u64 = found
        .files
        .iter()
        .filter_map(|f| std::fs::metadata(&f.path).ok())
        .map(|m| m.len())
        .sum();
    println!(
        "corpus: {} files, {:.1} MiB",
        found.files.len(),
        bytes as f64 / (1 << 20) as f64
    );

    // Parse only (decode + parse + nothing else).
    let runs = 5;
    let mut parse = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        for f in &found.files {
            std::hint::black_box(source::read_source(f).ok());
        }
        parse.push(t.elapsed());
    }
    let p = median(&mut parse);
    println!(
        "parse only:         median {:>8.1} ms over {runs} runs  ({:.0} docs/s, {:.1} MiB/s)",
        ms(p),
        found.files.len() as f64 / p.as_secs_f64(),
        bytes as f64 / (1 << 20) as f64 / p.as_secs_f64()
    );

    let mut full = Vec::new();
    let mut again = Vec::new();
    let mut triples = 0;
    for _ in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("bench.db")).unwrap();
        let t = Instant::now();
        let report =
            store::ingest(&store, &found.files, &IngestOptions::default(), &|_| {}).unwrap();
        full.push(t.elapsed());
        triples = report.triples;
        let t = Instant::now();
        store::ingest(&store, &found.files, &IngestOptions::default(), &|_| {}).unwrap();
        again.push(t.elapsed());
    }
    let f = median(&mut full);
    let a = median(&mut again);
    println!(
        "ingest, fresh store: median {:>8.1} ms over 3 runs  ({:.0} docs/s, {:.0} triples/s, {triples} triples)",
        ms(f),
        found.files.len() as f64 / f.as_secs_f64(),
        triples as f64 / f.as_secs_f64()
    );
    println!(
        "re-ingest, unchanged: median {:>6.1} ms  ({:.2}x the fresh ingest)",
        ms(a),
        a.as_secs_f64() / f.as_secs_f64()
    );
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

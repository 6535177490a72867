//! Set-up shared by the benchmarks.

use govgraph::source;
use govgraph::store::{self, IngestOptions, Store};
use std::path::PathBuf;

/// The shared corpus and seeds ingested into a fresh on-disk store in
/// `dir`; prints its size.
pub fn corpus_store(dir: &tempfile::TempDir) -> Store {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let found = source::discover(&[shared.join("corpus"), shared.join("seeds")])
        .expect("the shared corpus is next to the project");
    let store = Store::open(&dir.path().join("bench.db")).unwrap();
    let report = store::ingest(&store, &found.files, &IngestOptions::default(), &|_| {}).unwrap();
    println!(
        "store: {} documents, {} triples (on disk)",
        report.files.len(),
        report.triples
    );
    store
}

//! Set-up shared by the benchmarks.

use govgraph::query::{self, SavedQuery};
use govgraph::source;
use govgraph::store::{self, IngestOptions, Store};
use oxigraph::model::Term;
use oxigraph::sparql::Variable;
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

/// The bindings a saved query is timed with: its defaults, and for the
/// queries about one thing, a typical thing (as people use them).
#[allow(
    dead_code,
    reason = "the benchmarks that time queries use it, not the others"
)]
pub fn typical_bindings(q: &SavedQuery) -> Vec<(Variable, Term)> {
    let typical: &[(&str, &str, &str)] = &[
        ("issue-history", "issue", "nodejs/security-wg#860"),
        ("person-profile", "person", "mhdawson"),
    ];
    let given: Vec<(String, String)> = typical
        .iter()
        .filter(|(name, _, _)| *name == q.name)
        .map(|(_, k, v)| (k.to_string(), v.to_string()))
        .collect();
    query::bind(&q.params, &given).unwrap()
}

//! Helpers shared by the integration tests.
#![allow(dead_code)]

use govgraph::source;
use govgraph::store::{self, IngestOptions, Report, Store};
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The fields the answer keys define (`shared/gold/GUIDE.md`), which
/// `govgraph parse` must print with the same meaning.
pub const GOLD_FIELDS: &[&str] = &[
    "date",
    "attendees",
    "teams",
    "links",
    "references",
    "decisions",
    "actions",
];

/// The project's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shared data folder next to the project (always present in CI).
pub fn shared() -> PathBuf {
    root().join("..").join("shared")
}

/// Ingests `paths` into a fresh in-memory store.
pub fn ingest_memory(paths: &[PathBuf]) -> (Store, Report) {
    let store = Store::memory().unwrap();
    let report = ingest_into(&store, paths);
    (store, report)
}

/// Ingests `paths` into `store` with default options.
pub fn ingest_into(store: &Store, paths: &[PathBuf]) -> Report {
    ingest_with(store, paths, &IngestOptions::default())
}

/// Ingests `paths` into `store` with `opts`.
pub fn ingest_with(store: &Store, paths: &[PathBuf], opts: &IngestOptions) -> Report {
    let found = source::discover(paths).unwrap();
    store::ingest(store, &found.files, opts, &|_| {}).unwrap()
}

/// The options of `govgraph ingest --prune`.
pub fn pruning() -> IngestOptions {
    IngestOptions {
        prune: true,
        ..IngestOptions::default()
    }
}

/// The options of `govgraph ingest --force`.
pub fn forcing() -> IngestOptions {
    IngestOptions {
        force: true,
        ..IngestOptions::default()
    }
}

/// A term as a plain lexical string: an IRI's text, a literal's value,
/// empty for unbound.
pub fn lexical(t: Option<&Term>) -> String {
    match t {
        Some(Term::NamedNode(n)) => n.as_str().to_owned(),
        Some(Term::Literal(l)) => l.value().to_owned(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// The solutions of a SELECT as a header and a set of rows of lexical values.
pub fn rows(results: QueryResults<'_>) -> (Vec<String>, BTreeSet<Vec<String>>) {
    let (vars, all) = all_rows(results);
    (vars, all.into_iter().collect())
}

/// Every solution of a SELECT, duplicates kept, sorted (a multiset).
pub fn all_rows(results: QueryResults<'_>) -> (Vec<String>, Vec<Vec<String>>) {
    let QueryResults::Solutions(solutions) = results else {
        panic!("not a SELECT")
    };
    let vars: Vec<String> = solutions
        .variables()
        .iter()
        .map(|v| v.as_str().to_owned())
        .collect();
    let mut out: Vec<Vec<String>> = Vec::new();
    for s in solutions {
        let s = s.unwrap();
        out.push(vars.iter().map(|v| lexical(s.get(v.as_str()))).collect());
    }
    out.sort();
    (vars, out)
}
/// Runs one SPARQL SELECT and returns its rows.
pub fn select(store: &Store, q: &str) -> BTreeSet<Vec<String>> {
    rows(govgraph::query::run(store, q, Vec::new()).unwrap()).1
}

/// Reads an expected-answer TSV: a header, then one row per solution.
pub fn read_tsv(path: &Path) -> (Vec<String>, BTreeSet<Vec<String>>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines();
    let header: Vec<String> = lines
        .next()
        .unwrap()
        .split('\t')
        .map(str::to_owned)
        .collect();
    let rows = lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            let mut r: Vec<String> = l.split('\t').map(str::to_owned).collect();
            r.resize(header.len(), String::new());
            r
        })
        .collect();
    (header, rows)
}

/// A temporary folder holding an on-disk store with the examples ingested
/// by the `govgraph` binary, as a user would make it; returns the folder
/// (the store lives as long as it) and the store's path.
pub fn examples_store() -> (tempfile::TempDir, String) {
    use assert_cmd::cargo::CommandCargoExt;
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store").to_str().unwrap().to_owned();
    let status = std::process::Command::cargo_bin("govgraph")
        .unwrap()
        .env_remove("GOVGRAPH_STORE")
        .args(["ingest", "--store", &store])
        .arg(root().join("examples"))
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    (tmp, store)
}

/// Copies the folder `from` into `to`, recursively.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

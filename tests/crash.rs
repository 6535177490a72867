//! Crash test (issue 13): `govgraph ingest` of the shared corpus, in a
//! child process killed (SIGKILL) before it starts writing, while it reads,
//! during the bulk load, after it and while it replaces changed documents.
//! After each kill every document graph in the store is whole (the one a
//! clean ingest writes, or absent; during a replace, the old one or the new
//! one), and ingesting again gives the clean ingest's store, compared as
//! RDF graphs (canonical N-Quads, RDFC-1.0).

mod common;

use assert_cmd::cargo::CommandCargoExt;
use common::*;
use govgraph::store::Store;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Document graphs are named under this prefix; the ontology, derived and
/// union graphs are brought up to date at the end of every ingest.
const DOCUMENTS: &str = "https://w3id.org/govgraph/id/doc/";

fn ingest(store: &Path, input: &Path) -> Command {
    let mut c = Command::cargo_bin("govgraph").unwrap();
    c.env_remove("GOVGRAPH_STORE")
        .args(["ingest", "--store"])
        .arg(store)
        .arg(input)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// Runs an ingest to its end; returns how long it took.
fn ingest_whole(store: &Path, input: &Path) -> Duration {
    let t = Instant::now();
    let status = ingest(store, input).status().unwrap();
    // 1: some minutes had problems (the corpus has warnings), still stored.
    assert!(matches!(status.code(), Some(0 | 1)), "{status}");
    t.elapsed()
}

/// Starts an ingest and kills it after `after`.
fn ingest_killed(store: &Path, input: &Path, after: Duration) {
    let mut child = ingest(store, input).spawn().unwrap();
    std::thread::sleep(after);
    let _ = child.kill();
    let _ = child.wait();
}

/// Every quad of the store at `path`, as N-Quads lines. Document graphs
/// have no blank nodes and the ontology's are labelled by govgraph, so
/// equal sets are equal datasets; the canonical form, slower, is compared
/// at the end of each phase.
fn quads(path: &Path) -> BTreeSet<String> {
    let store = Store::open_read_only(path).unwrap();
    store
        .oxigraph()
        .iter()
        .map(|q| q.unwrap().to_string())
        .collect()
}

/// Each document graph of the store at `path`, as a set of N-Quads lines.
fn documents(path: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut graphs: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    if !path.join("CURRENT").exists() {
        // Killed before the store was created.
        return graphs;
    }
    let store = Store::open_read_only(path).unwrap();
    for q in store.oxigraph().iter() {
        let q = q.unwrap();
        if let oxigraph::model::GraphName::NamedNode(g) = &q.graph_name
            && g.as_str().starts_with(DOCUMENTS)
        {
            graphs
                .entry(g.as_str().to_owned())
                .or_default()
                .insert(q.to_string());
        }
    }
    graphs
}

fn canonical(path: &Path) -> Vec<u8> {
    let store = Store::open_read_only(path).unwrap();
    let mut out = Vec::new();
    store.export_canonical(&mut out).unwrap();
    out
}

/// Checks that every document graph in `store` is one of the `whole` ones.
fn assert_whole(store: &Path, whole: &[&BTreeMap<String, BTreeSet<String>>], when: &str) {
    let found = documents(store);
    let last = whole.last().unwrap();
    let newest = found
        .iter()
        .filter(|(g, q)| last.get(*g) == Some(q))
        .count();
    eprintln!(
        "{when}: {} documents, {newest} as in the last reference",
        found.len()
    );
    for (graph, quads) in &found {
        assert!(
            whole.iter().any(|w| w.get(graph) == Some(quads)),
            "{when}: {graph} is not whole ({} quads)",
            quads.len()
        );
    }
}

/// Copies every other repository of the shared corpus (half of it keeps
/// the test short; the bulk load still has hundreds of documents) into
/// `to`, so that files can be changed.
fn copy_corpus(to: &Path) {
    let mut repos: Vec<PathBuf> = std::fs::read_dir(shared().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    repos.sort();
    for repo in repos.iter().step_by(2) {
        copy_tree(repo, &to.join(repo.file_name().unwrap()));
    }
}

/// Every fifth minutes file gets one more line: a changed document.
fn amend(corpus: &Path) -> usize {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut stack = vec![corpus.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "md") {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut n = 0;
    for f in files.iter().step_by(5) {
        let mut text = std::fs::read(f).unwrap();
        text.extend_from_slice(b"\n\nAmended after the meeting: the notes were checked.\n");
        std::fs::write(f, text).unwrap();
        n += 1;
    }
    n
}

#[test]
fn ingest_killed_at_any_point_then_ingested_again_equals_a_clean_ingest() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    copy_corpus(&corpus);

    let clean = tmp.path().join("clean");
    let took = ingest_whole(&clean, &corpus);
    let clean_docs = documents(&clean);
    let clean_quads = quads(&clean);
    assert!(clean_docs.len() > 200, "{} documents", clean_docs.len());

    // Kills spread over a first ingest, each into a new store: before any
    // write, while files are read and mapped, during the bulk load, while
    // deriving. The number of documents found after each kill is printed.
    for (n, f) in [0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9].into_iter().enumerate() {
        let crashed = tmp.path().join(format!("crashed-{n}"));
        let after = took.mul_f64(f);
        ingest_killed(&crashed, &corpus, after);
        let when = format!("killed after {} ms", after.as_millis());
        assert_whole(&crashed, &[&clean_docs], &when);
        ingest_whole(&crashed, &corpus);
        assert!(
            quads(&crashed) == clean_quads,
            "{when}, then ingested again: not the clean store"
        );
        if n == 0 {
            assert!(canonical(&crashed) == canonical(&clean));
        }
    }

    // A replace: a fifth of the files change; the reference is a fresh
    // ingest of the changed corpus. Each kill hits a copy of the clean
    // store.
    let changed = amend(&corpus);
    assert!(changed > 40);
    let fresh = tmp.path().join("fresh");
    let took = ingest_whole(&fresh, &corpus);
    let fresh_docs = documents(&fresh);
    let fresh_quads = quads(&fresh);
    assert_ne!(fresh_quads, clean_quads);
    for (n, f) in [0.1, 0.2, 0.3, 0.5].into_iter().enumerate() {
        let crashed = tmp.path().join(format!("replaced-{n}"));
        copy_tree(&clean, &crashed);
        let after = took.mul_f64(f);
        ingest_killed(&crashed, &corpus, after);
        let when = format!("killed during a replace after {} ms", after.as_millis());
        assert_whole(&crashed, &[&clean_docs, &fresh_docs], &when);
        ingest_whole(&crashed, &corpus);
        assert!(
            quads(&crashed) == fresh_quads,
            "{when}, then ingested again: not a fresh ingest of the changed files"
        );
        if n == 0 {
            assert!(canonical(&crashed) == canonical(&fresh));
        }
    }
}

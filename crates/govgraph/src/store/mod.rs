//! The Oxigraph store: ingesting documents, replacing them, exporting.
//!
//! Each document is one named graph. Ingesting a file whose bytes, parser
//! version and identities match what the store holds does not even parse
//! it; a changed document gets its new quads in one transaction that holds
//! only what differs (what it lost and what it gained); new documents go
//! through the bulk loader in batches of whole documents, each batch
//! committed atomically. Either way the store never holds half a document.
//! (A batch of fewer than 5,000 quads is written one transaction per
//! document: the bulk loader's set-up costs more.)
//!
//! The store's default graph is the union of the documents' graphs (and of
//! the ontology and derived graphs), as a set: SPARQL defines the union
//! default graph as an RDF merge, while Oxigraph's union view repeats a
//! triple once per graph that holds it (a person named in seven documents
//! would count seven times). So govgraph keeps the union materialised in
//! the default graph, written in the same transaction or bulk load as the
//! document, and queries run on it (`benches/corpus.rs` measures the
//! alternative). Identity suggestions and the store's bookkeeping
//! ([`vocab::STATE_GRAPH`]: what the derived graphs and counts were worked
//! out from, as a whole and per group) are outside the union; the
//! bookkeeping is never exported.
//!
//! Exports are sorted, so the same store gives the same bytes. Quad formats
//! and compacted JSON-LD are written one named graph at a time, so their
//! memory is that of the largest graph; triple formats sort the union.

mod derive;
mod ingest;

pub use ingest::{FileReport, IngestOptions, Outcome, Report, ingest};

use crate::error::{Error, Result};
use crate::map::{GraphKey, ObjectKey, SubjectKey, graph_key, object_key, subject_key};
use crate::resolve::Identities;
use crate::vocab::{self, gg};
use ingest::hex;
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::dataset::{CanonicalizationAlgorithm, CanonicalizationHashAlgorithm};
use oxigraph::model::{
    BlankNode, GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, QuadRef, Term, Triple,
};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use rustc_hash::FxHashMap;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::io::Write;
#[cfg(feature = "rocksdb")]
use std::path::Path;

/// A govgraph store, on disk or in memory. Clones share one database
/// (a server hands one to each connection).
#[derive(Clone)]
pub struct Store {
    inner: oxigraph::store::Store,
}

/// What an ingest derived its graphs and counts from, and the counts: when
/// a later ingest finds the same fingerprint, it has nothing to derive or
/// count again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Summary {
    /// A hash of the rules, the way facts are derived, the ontology, the
    /// namespace, and every document's content hash and version.
    pub fingerprint: String,
    /// Meetings in the store.
    pub meetings: usize,
    /// Distinct attendees in the store.
    pub people: usize,
    /// Triples in the union.
    pub triples: usize,
    /// Whether every stored document had, when it was recorded, the
    /// version the identities of all stored documents give it: then an
    /// ingest that reads nothing and finds the same fingerprint has
    /// nothing to check either.
    pub settled: bool,
}

/// The bookkeeping quad that records `value` for `graph`.
fn record_quad<'a>(graph: &'a NamedNode, predicate: &'a NamedNode, value: &'a str) -> QuadRef<'a> {
    QuadRef::new(
        graph.as_ref(),
        predicate.as_ref(),
        oxigraph::model::LiteralRef::new_simple_literal(value),
        GraphNameRef::NamedNode(NamedNodeRef::new_unchecked(vocab::STATE_GRAPH)),
    )
}

/// How many quads of new documents make the bulk loader worth its set-up
/// (about sixteen typical documents).
const BULK_MIN_QUADS: usize = 5_000;

/// How many quads of new documents are written in one bulk load: memory
/// holds one such batch at a time.
const BULK_BATCH: usize = 200_000;

/// The bulk loader's memory target, in megabytes.
const BULK_MEMORY_MB: usize = 512;

/// The bulk loader's threads (Oxigraph's default is one per core).
const BULK_THREADS: usize = 2;

impl Store {
    /// Opens (creating if needed) the on-disk store at `path`, for writing.
    ///
    /// # Errors
    ///
    /// Fails when another process holds the store, the folder is not
    /// writable, or it is not an Oxigraph store.
    #[cfg(feature = "rocksdb")]
    pub fn open(path: &Path) -> Result<Self> {
        let fail = |message: &str| {
            Err(Error::StoreOpen {
                path: path.to_path_buf(),
                message: message.into(),
            })
        };
        if path.is_file() {
            return fail("it is a file, not a store folder; pass --store with a folder");
        }
        if path
            .parent()
            .is_some_and(|p| !p.as_os_str().is_empty() && !p.exists())
        {
            return fail("its parent folder does not exist; create it or pass another --store");
        }
        oxigraph::store::Store::open(path)
            .map(|inner| Store { inner })
            .map_err(|e| open_error(path, &e.to_string()))
    }

    /// Opens an existing on-disk store for reading only, so that queries can
    /// run while another process ingests.
    ///
    /// # Errors
    ///
    /// Fails when there is no store at `path` or it cannot be read.
    #[cfg(feature = "rocksdb")]
    pub fn open_read_only(path: &Path) -> Result<Self> {
        if !path.join("CURRENT").exists() {
            return Err(Error::StoreOpen {
                path: path.to_path_buf(),
                message: "no store there; run `govgraph ingest PATH...` first, or pass --store"
                    .into(),
            });
        }
        oxigraph::store::Store::open_read_only(path)
            .map(|inner| Store { inner })
            .map_err(|e| open_error(path, &e.to_string()))
    }

    /// A store in memory, gone when dropped.
    ///
    /// # Errors
    ///
    /// Fails only if the storage layer cannot start.
    pub fn memory() -> Result<Self> {
        Ok(Store {
            inner: oxigraph::store::Store::new()?,
        })
    }

    /// The underlying Oxigraph store.
    pub fn oxigraph(&self) -> &oxigraph::store::Store {
        &self.inner
    }

    /// Writes the ontology into its own graph if it is missing or differs.
    ///
    /// # Errors
    ///
    /// Fails on a storage error.
    pub fn ensure_ontology(&self) -> Result<()> {
        let graph = NamedNodeRef::new_unchecked(vocab::ONTOLOGY_GRAPH);
        let quads: Vec<Quad> = RdfParser::from_format(RdfFormat::Turtle)
            .with_default_graph(graph)
            .for_slice(crate::ONTOLOGY_TTL.as_bytes())
            .collect::<std::result::Result<_, _>>()
            .map_err(|e| Error::Internal(format!("the built-in ontology does not parse: {e}")))?;
        // The parser names blank nodes at random; name them by order of
        // appearance instead, so the same ontology is the same quads on
        // every run and exports are byte-for-byte reproducible.
        let mut names: HashMap<BlankNode, BlankNode> = HashMap::new();
        let mut stable = |b: &BlankNode| {
            let n = names.len();
            names
                .entry(b.clone())
                .or_insert_with(|| BlankNode::new_unchecked(format!("ontology{n}")))
                .clone()
        };
        let quads: Vec<Quad> = quads
            .into_iter()
            .map(|q| {
                let subject = match &q.subject {
                    NamedOrBlankNode::BlankNode(b) => stable(b).into(),
                    other => other.clone(),
                };
                let object = match &q.object {
                    Term::BlankNode(b) => stable(b).into(),
                    other => other.clone(),
                };
                Quad::new(subject, q.predicate, object, q.graph_name)
            })
            .collect();
        let have: HashSet<Quad> = self
            .inner
            .quads_for_pattern(None, None, None, Some(graph.into()))
            .collect::<std::result::Result<_, _>>()?;
        if have != quads.iter().cloned().collect() {
            self.replace_document(&graph.into_owned(), &quads)?;
        }
        Ok(())
    }

    /// Replaces one document's graph with `quads`, in one transaction.
    ///
    /// The transaction holds only the difference: quads the document no
    /// longer has are removed and quads it did not have are added. A
    /// RocksDB transaction keeps every write in memory and indexes it until
    /// the commit, so writing a large document whole cost gigabytes and
    /// minutes; an edit that keeps the line numbers now writes a few quads.
    /// (An edit that shifts lines changes the source line of every later
    /// fact, and its transaction is as large as those facts.)
    ///
    /// # Errors
    ///
    /// Fails on a storage error; the store is then unchanged.
    pub fn replace_document(&self, doc: &NamedNode, quads: &[Quad]) -> Result<()> {
        self.replace_graph(doc, quads, None)
    }

    /// [`Store::replace_document`], and in the same transaction, sets what
    /// the bookkeeping graph records about the graph under `record.0` to
    /// `record.1` (or forgets it): the graph and what it was worked out
    /// from are never out of step, however a run ends.
    ///
    /// # Errors
    ///
    /// Fails on a storage error; the store is then unchanged.
    pub(crate) fn replace_graph(
        &self,
        doc: &NamedNode,
        quads: &[Quad],
        record: Option<(&NamedNode, Option<&str>)>,
    ) -> Result<()> {
        let graph = GraphNameRef::NamedNode(doc.as_ref());
        // Each new quad's first position, so that a quad `map` gave twice
        // is written once.
        let mut first: FxHashMap<&Quad, usize> = FxHashMap::default();
        for (i, q) in quads.iter().enumerate() {
            first.entry(q).or_insert(i);
        }
        let mut tx = self.inner.start_transaction()?;
        // The stored quads are streamed, not collected: only those the
        // document lost are kept.
        let mut kept = vec![false; quads.len()];
        let mut lost = Vec::new();
        for q in tx.quads_for_pattern(None, None, None, Some(graph)) {
            let q = q?;
            match first.get(&q) {
                Some(&i) => kept[i] = true,
                None => lost.push(q),
            }
        }
        // Removals before insertions: a literal the store keeps in its
        // canonical form (`"+5"^^xsd:integer` reads back as `"5"`) looks
        // lost and new at once, and the insertion must win.
        for q in &lost {
            tx.remove(q.as_ref());
        }
        for (i, q) in quads.iter().enumerate() {
            if first[q] == i && !kept[i] {
                tx.insert(q.as_ref());
                tx.insert(&in_default_graph(q));
            }
        }
        // A triple leaves the union only when no document holds it any more.
        // This document is asked with a point lookup, the others with a
        // scan: with the scan alone (the transaction's writes merged over
        // the RocksDB store), an edit that shifted every line left one
        // stale triple in 256 in the union.
        for q in &lost {
            let mut still_held = tx.contains(QuadRef::new(
                q.subject.as_ref(),
                q.predicate.as_ref(),
                q.object.as_ref(),
                graph,
            ))?;
            if !still_held {
                for other in tx.quads_for_pattern(
                    Some(q.subject.as_ref()),
                    Some(q.predicate.as_ref()),
                    Some(q.object.as_ref()),
                    None,
                ) {
                    let other = other?;
                    if !other.graph_name.is_default_graph() && other.graph_name.as_ref() != graph {
                        still_held = true;
                        break;
                    }
                }
            }
            if !still_held {
                tx.remove(&in_default_graph(q));
            }
        }
        // A graph left empty goes, name and all: Oxigraph keeps the name of
        // a graph whose quads were removed, and exports, pushes and the
        // search for derived graphs would find it forever.
        if quads.is_empty() {
            tx.remove_named_graph(doc.as_ref())?;
        }
        if let Some((predicate, value)) = record {
            let state = GraphNameRef::NamedNode(NamedNodeRef::new_unchecked(vocab::STATE_GRAPH));
            let old: Vec<Quad> = tx
                .quads_for_pattern(
                    Some(doc.into()),
                    Some(predicate.as_ref()),
                    None,
                    Some(state),
                )
                .collect::<std::result::Result<_, _>>()?;
            for q in &old {
                tx.remove(q.as_ref());
            }
            if let Some(value) = value {
                tx.insert(record_quad(doc, predicate, value));
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Writes new graphs through the bulk loader (each quad and its copy in
    /// the union), then, in one transaction, the records that vouch for
    /// them. The graphs must hold nothing and have no record yet: a run
    /// that stops between the two leaves graphs without records, which
    /// the next run derives again and writes with [`Store::replace_graph`].
    ///
    /// # Errors
    ///
    /// Fails on a storage error.
    pub(crate) fn load_new_graphs(
        &self,
        graphs: Vec<(NamedNode, String, Vec<Quad>)>,
        predicate: &NamedNode,
    ) -> Result<()> {
        let mut loader = self
            .inner
            .bulk_loader()
            .with_num_threads(BULK_THREADS)
            .with_max_memory_size_in_megabytes(BULK_MEMORY_MB);
        let mut records = Vec::with_capacity(graphs.len());
        loader.load_quads(graphs.into_iter().flat_map(|(graph, value, quads)| {
            records.push((graph, value));
            quads.into_iter().flat_map(|q| {
                let union = in_default_graph(&q);
                [q, union]
            })
        }))?;
        loader.commit()?;
        let mut tx = self.inner.start_transaction()?;
        for (graph, value) in &records {
            tx.insert(record_quad(graph, predicate, value));
        }
        tx.commit()?;
        Ok(())
    }

    /// Whether a named graph holds no quad.
    ///
    /// # Errors
    ///
    /// Fails on a storage error.
    pub(crate) fn graph_is_empty(&self, graph: &NamedNode) -> Result<bool> {
        Ok(self
            .inner
            .quads_for_pattern(
                None,
                None,
                None,
                Some(GraphNameRef::NamedNode(graph.as_ref())),
            )
            .next()
            .transpose()?
            .is_none())
    }

    /// Name–login pairs already in the store, so that a document ingested
    /// alone resolves names as it would in a full ingest; leaving out those
    /// of the documents in `except` (about to be read again: what they say
    /// now is learned from them).
    ///
    /// # Errors
    ///
    /// Fails on a storage error.
    pub fn known_identities(&self, ids: &mut Identities, except: &HashSet<String>) -> Result<()> {
        let pair = |s: &oxigraph::sparql::QuerySolution| match (s.get("n"), s.get("h")) {
            (Some(Term::Literal(n)), Some(Term::Literal(h))) => Some((n.clone(), h.clone())),
            _ => None,
        };
        if except.is_empty() {
            // The union holds each pair once, however many documents write it.
            let q = format!(
                "SELECT DISTINCT ?n ?h WHERE {{ ?a <{}> ?n ; <{}> ?h }}",
                gg::NAME_AS_WRITTEN,
                gg::HANDLE_AS_WRITTEN
            );
            return self.for_each_solution(&q, |s| {
                if let Some((n, h)) = pair(s) {
                    ids.add(n.value(), h.value());
                }
            });
        }
        let q = format!(
            // Not DISTINCT: adding a pair twice does nothing, and the rows
            // stream instead of filling a set as large as the corpus.
            "SELECT ?d ?n ?h WHERE {{ GRAPH ?d {{ ?a <{}> ?n ; <{}> ?h }} }}",
            gg::NAME_AS_WRITTEN,
            gg::HANDLE_AS_WRITTEN
        );
        self.for_each_solution(&q, |s| {
            let Some(Term::NamedNode(d)) = s.get("d") else {
                return;
            };
            if let Some((n, h)) = pair(s)
                && !except.contains(d.as_str())
            {
                ids.add(n.value(), h.value());
            }
        })
    }

    fn select(&self, q: &str) -> Result<QueryResults<'static>> {
        Ok(SparqlEvaluator::new()
            .parse_query(q)?
            .on_store(&self.inner)
            .execute()?)
    }

    /// The number of quads in the store, the union in the default graph included.
    ///
    /// # Errors
    ///
    /// Fails on a storage error.
    pub fn len(&self) -> Result<usize> {
        Ok(self.inner.len()?)
    }

    /// Whether the store is empty.
    ///
    /// # Errors
    ///
    /// Fails on a storage error.
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.inner.is_empty()?)
    }

    /// The content hash and parser version of every stored document, by
    /// document IRI, read in one query.
    ///
    /// # Errors
    ///
    /// Fails on a storage error.
    pub(crate) fn document_states(&self) -> Result<HashMap<String, (String, String)>> {
        let q = format!(
            "SELECT ?d ?h ?v WHERE {{ GRAPH ?d {{ ?d <{}> ?h ; <{}> ?v }} }}",
            gg::CONTENT_HASH,
            gg::PARSER_VERSION
        );
        let mut states = HashMap::new();
        self.for_each_solution(&q, |s| {
            if let (Some(Term::NamedNode(d)), Some(Term::Literal(h)), Some(Term::Literal(v))) =
                (s.get("d"), s.get("h"), s.get("v"))
            {
                states.insert(
                    d.as_str().to_owned(),
                    (h.value().to_owned(), v.value().to_owned()),
                );
            }
        })?;
        Ok(states)
    }

    /// The stored documents (their IRIs) that hold a meeting.
    ///
    /// # Errors
    ///
    /// Fails on a storage error.
    pub(crate) fn meeting_documents(&self) -> Result<HashSet<String>> {
        let mut docs = HashSet::new();
        let q = format!(
            "SELECT DISTINCT ?d WHERE {{ GRAPH ?d {{ ?m a <{}> }} }}",
            gg::MEETING
        );
        self.for_each_solution(&q, |s| {
            if let Some(Term::NamedNode(d)) = s.get("d") {
                docs.insert(d.as_str().to_owned());
            }
        })?;
        Ok(docs)
    }

    /// For each stored document (by IRI), the names its attendance gives
    /// without a handle: besides its bytes, what its graph depends on (who
    /// those names resolve to).
    ///
    /// # Errors
    ///
    /// Fails on a storage error.
    pub(crate) fn handle_less_names(&self) -> Result<HashMap<String, Vec<String>>> {
        let mut docs: HashMap<String, Vec<String>> = HashMap::new();
        // Only attendances write names as written.
        let q = format!(
            "SELECT ?d ?n ?h WHERE {{ GRAPH ?d {{ ?a <{}> ?n OPTIONAL {{ ?a <{}> ?h }} }} }}",
            gg::NAME_AS_WRITTEN,
            gg::HANDLE_AS_WRITTEN
        );
        self.for_each_solution(&q, |s| {
            if let (Some(Term::NamedNode(d)), Some(Term::Literal(n)), None) =
                (s.get("d"), s.get("n"), s.get("h"))
            {
                docs.entry(d.as_str().to_owned())
                    .or_default()
                    .push(n.value().to_owned());
            }
        })?;
        Ok(docs)
    }

    /// What the last complete ingest recorded in the bookkeeping graph
    /// ([`vocab::STATE_GRAPH`]), if anything.
    ///
    /// # Errors
    ///
    /// Fails on a storage error.
    pub(crate) fn summary(&self) -> Result<Option<Summary>> {
        let graph = NamedNodeRef::new_unchecked(vocab::STATE_GRAPH);
        let mut fields: HashMap<String, String> = HashMap::new();
        // The summary is about the graph itself; the graph also records
        // what each derived graph was worked out from (see `derive`).
        for q in self
            .inner
            .quads_for_pattern(Some(graph.into()), None, None, Some(graph.into()))
        {
            let q = q?;
            if let Term::Literal(l) = q.object {
                fields.insert(q.predicate.as_str().to_owned(), l.value().to_owned());
            }
        }
        let field = |name: &str| fields.get(&format!("{}#{name}", vocab::STATE_GRAPH));
        let number = |name: &str| field(name).and_then(|v| v.parse().ok());
        Ok(
            match (
                field("fingerprint"),
                number("meetings"),
                number("people"),
                number("triples"),
            ) {
                (Some(f), Some(meetings), Some(people), Some(triples)) => Some(Summary {
                    fingerprint: f.clone(),
                    meetings,
                    people,
                    triples,
                    settled: field("settled").is_some_and(|v| v == "true"),
                }),
                _ => None,
            },
        )
    }

    /// Replaces the bookkeeping graph with `summary`, in one transaction.
    ///
    /// # Errors
    ///
    /// Fails on a storage error.
    pub(crate) fn set_summary(&self, summary: &Summary) -> Result<()> {
        let graph = NamedNodeRef::new_unchecked(vocab::STATE_GRAPH);
        let field = |name: &str, value: String| {
            Quad::new(
                graph.into_owned(),
                NamedNode::new_unchecked(format!("{}#{name}", vocab::STATE_GRAPH)),
                oxigraph::model::Literal::new_simple_literal(value),
                graph.into_owned(),
            )
        };
        let quads = [
            field("fingerprint", summary.fingerprint.clone()),
            field("meetings", summary.meetings.to_string()),
            field("people", summary.people.to_string()),
            field("triples", summary.triples.to_string()),
            field("settled", summary.settled.to_string()),
        ];
        let mut tx = self.inner.start_transaction()?;
        let old: Vec<Quad> = tx
            .quads_for_pattern(Some(graph.into()), None, None, Some(graph.into()))
            .collect::<std::result::Result<_, _>>()?;
        for q in &old {
            tx.remove(q.as_ref());
        }
        tx.extend(&quads);
        tx.commit()?;
        Ok(())
    }

    /// Runs a SELECT query and hands each solution to `f`.
    fn for_each_solution(
        &self,
        q: &str,
        mut f: impl FnMut(&oxigraph::sparql::QuerySolution),
    ) -> Result<()> {
        if let QueryResults::Solutions(sols) = self.select(q)? {
            for s in sols {
                f(&s?);
            }
        }
        Ok(())
    }

    /// The number in `?n` of an aggregate `SELECT (COUNT(..) AS ?n)`.
    ///
    /// Counting in SPARQL counts encoded terms; iterating solutions (or
    /// quads) in Rust decodes every term first, which at two million
    /// triples took ten seconds instead of one.
    fn count(&self, q: &str) -> Result<usize> {
        if let QueryResults::Solutions(mut s) = self.select(q)?
            && let Some(solution) = s.next()
            && let Some(Term::Literal(n)) = solution?.get("n")
        {
            return n
                .value()
                .parse()
                .map_err(|_| Error::Internal(format!("a count that is not a number: {n}")));
        }
        Err(Error::Internal(format!("a count query gave no count: {q}")))
    }

    /// Writes the store in `format`. Triple formats get the union of all
    /// documents' graphs (the default graph); quad formats get the named
    /// graphs, without the default graph that repeats them, written one
    /// graph at a time (memory holds the largest graph, not the store).
    /// Output is sorted so that the same store always exports the same
    /// bytes. Each graph is read on its own, so a store written meanwhile
    /// (a library user's; the CLI exports from a read-only store) may be
    /// seen at several moments.
    ///
    /// # Errors
    ///
    /// Fails on a storage or write error.
    pub fn export(&self, format: RdfFormat, out: impl Write) -> Result<()> {
        let mut w = serializer(format).for_writer(out);
        if format.supports_datasets() {
            // Grouped by graph, then by subject, so that TriG writes one
            // block per graph and JSON-LD one object per graph and node.
            self.for_each_graph(|_, quads| {
                for q in quads {
                    w.serialize_quad(q)?;
                }
                Ok(())
            })?;
        } else {
            let mut triples: Vec<Triple> = self
                .inner
                .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
                .map(|q| q.map(Triple::from))
                .collect::<std::result::Result<_, _>>()?;
            triples.sort_unstable_by(|a, b| graph_order(a).cmp(&graph_order(b)));
            for t in &triples {
                w.serialize_triple(t)?;
            }
        }
        w.finish()?;
        Ok(())
    }

    /// Writes the named graphs as JSON-LD compacted against `context` (a
    /// context document, `{"@context": …}`), one graph at a time: the
    /// document is `{"@context": …, "@graph": [one object per graph]}`,
    /// each graph compacted on its own, so memory holds the largest graph
    /// and its JSON, not the whole store expanded (709 MB at the size of
    /// the shared corpus, and more than 16 GB at ten times it).
    ///
    /// As [`Store::export`], the output is written as it is read, so an
    /// error can come after part of it (`govgraph export -o` writes through
    /// a temporary file: a file is whole or absent).
    ///
    /// # Errors
    ///
    /// Fails on a storage or write error, or when the context has no
    /// `@context` or does not process.
    pub fn export_compacted_jsonld(
        &self,
        context: &serde_json::Value,
        mut out: impl Write,
    ) -> Result<()> {
        let Some(inline) = context.get("@context") else {
            return Err(Error::Context(
                "a context document needs an `@context` key".into(),
            ));
        };
        // A write error stays an I/O error, so that a closed pipe is told
        // apart from a bug.
        let written = |e: serde_json::Error| Error::Output(std::io::Error::from(e));
        out.write_all(b"{\n  \"@context\": ")?;
        serde_json::to_writer(&mut out, inline).map_err(written)?;
        out.write_all(b",\n  \"@graph\": [")?;
        let mut first = true;
        self.for_each_graph(|_, quads| {
            let mut expanded = Vec::new();
            let mut w = serializer(RdfFormat::JsonLd {
                profile: Default::default(),
            })
            .for_writer(&mut expanded);
            for q in quads {
                w.serialize_quad(q)?;
            }
            w.finish()?;
            let expanded: serde_json::Value = serde_json::from_slice(&expanded).map_err(|e| {
                Error::Internal(format!("oxigraph wrote JSON-LD that is not JSON: {e}"))
            })?;
            let mut graph = crate::jsonld::compact(&expanded, context)?;
            if let Some(object) = graph.as_object_mut() {
                object.remove("@context");
            }
            out.write_all(if first { b"\n    " } else { b",\n    " })?;
            first = false;
            serde_json::to_writer_pretty(&mut out, &graph).map_err(written)?;
            Ok(())
        })?;
        out.write_all(b"\n  ]\n}\n")?;
        Ok(())
    }

    /// Calls `each` with every named graph and its quads, sorted (graphs by
    /// name, quads by subject, predicate and object), one graph at a time.
    ///
    /// # Errors
    ///
    /// Fails on a storage error, or when `each` fails.
    pub fn for_each_graph(
        &self,
        mut each: impl FnMut(&NamedOrBlankNode, &[Quad]) -> Result<()>,
    ) -> Result<()> {
        let mut graphs: Vec<NamedOrBlankNode> = self
            .inner
            .named_graphs()
            .filter(|g| !g.as_ref().is_ok_and(is_bookkeeping))
            .collect::<std::result::Result<_, _>>()?;
        graphs.sort_unstable_by(|a, b| subject_key(a).cmp(&subject_key(b)));
        for graph in &graphs {
            let mut quads: Vec<Quad> = self
                .inner
                .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
                .collect::<std::result::Result<_, _>>()?;
            // The keys borrow from the quads: a string per term once took
            // twice the memory of the quads themselves.
            quads.sort_unstable_by(|a, b| dataset_order(a).cmp(&dataset_order(b)));
            if !quads.is_empty() {
                each(graph, &quads)?;
            }
        }
        Ok(())
    }
}

impl Store {
    /// Writes the dataset (the named graphs, as the N-Quads export has
    /// them) in its canonical form: blank nodes labelled by RDF Dataset
    /// Canonicalization (RDFC-1.0, SHA-256), each quad in canonical
    /// N-Quads, lines sorted by code point. The same facts give the same
    /// bytes whatever store or run produced them. Returns the SHA-256 of
    /// what was written, in hex.
    ///
    /// # Errors
    ///
    /// Fails on a storage or write error.
    pub fn export_canonical(&self, mut out: impl Write) -> Result<String> {
        let mut dataset = oxigraph::model::Dataset::new();
        for q in self.inner.iter() {
            let q = q?;
            let bookkeeping = match &q.graph_name {
                oxigraph::model::GraphName::NamedNode(n) => n.as_str() == vocab::STATE_GRAPH,
                _ => false,
            };
            if !q.graph_name.is_default_graph() && !bookkeeping {
                dataset.insert(&q);
            }
        }
        dataset.canonicalize(CanonicalizationAlgorithm::Rdfc10 {
            hash_algorithm: CanonicalizationHashAlgorithm::Sha256,
        });
        // oxrdf writes terms in canonical N-Quads form (the escapes RDF
        // 1.1 N-Quads prescribes); a line is a quad and " .".
        let mut lines: Vec<String> = dataset.iter().map(|q| format!("{q} .\n")).collect();
        lines.sort_unstable();
        lines.dedup();
        let mut hash = Sha256::new();
        for l in &lines {
            hash.update(l.as_bytes());
            out.write_all(l.as_bytes())?;
        }
        Ok(hex(&hash.finalize()))
    }
}

/// Loads RDF in `format` into a new in-memory store, every triple in the
/// default graph (the graphs of a quad format merged, as govgraph's own
/// store keeps its union), for validating or querying a file. Relative
/// IRIs resolve against `base` (the file's URL) when given.
///
/// # Errors
///
/// Fails when the RDF does not parse, naming the line.
pub fn load_as_union(
    rdf: &[u8],
    format: RdfFormat,
    base: Option<&str>,
) -> Result<oxigraph::store::Store> {
    let store = oxigraph::store::Store::new()?;
    let mut quads = Vec::new();
    let mut parser = RdfParser::from_format(format);
    if let Some(b) = base {
        parser = parser
            .with_base_iri(b)
            .map_err(|e| Error::Rdf(format!("bad base IRI {b}: {e}")))?;
    }
    for q in parser.for_slice(rdf) {
        let q = q.map_err(|e| Error::Rdf(e.to_string()))?;
        quads.push(in_default_graph(&q));
    }
    store.extend(quads)?;
    Ok(store)
}

/// An RDF serializer for `format` that declares govgraph's prefixes, so
/// Turtle and TriG read well.
pub fn serializer(format: RdfFormat) -> RdfSerializer {
    vocab::PREFIXES
        .iter()
        .fold(RdfSerializer::from_format(format), |ser, (prefix, ns)| {
            // The prefixes are constant, valid IRIs: this cannot fail.
            ser.with_prefix(*prefix, *ns).expect("valid prefix")
        })
}

/// The order of an exported dataset: graph, subject, predicate, object.
fn dataset_order(q: &Quad) -> (GraphKey<'_>, SubjectKey<'_>, &str, ObjectKey<'_>) {
    (
        graph_key(&q.graph_name),
        subject_key(&q.subject),
        q.predicate.as_str(),
        object_key(&q.object),
    )
}

/// The order of an exported graph: subject, predicate, object.
fn graph_order(t: &Triple) -> (SubjectKey<'_>, &str, ObjectKey<'_>) {
    (
        subject_key(&t.subject),
        t.predicate.as_str(),
        object_key(&t.object),
    )
}

/// Whether a named graph is the store's bookkeeping
/// ([`vocab::STATE_GRAPH`]), which exports and pushes leave out.
pub fn is_bookkeeping(graph: &NamedOrBlankNode) -> bool {
    matches!(graph, NamedOrBlankNode::NamedNode(n) if n.as_str() == vocab::STATE_GRAPH)
}

/// The same triple in the default graph (the union).
fn in_default_graph(q: &Quad) -> Quad {
    Quad::new(
        q.subject.clone(),
        q.predicate.clone(),
        q.object.clone(),
        oxigraph::model::GraphName::DefaultGraph,
    )
}

#[cfg(feature = "rocksdb")]
fn open_error(path: &Path, message: &str) -> Error {
    let lower = message.to_lowercase();
    let advice = if lower.contains("no such file") || lower.contains("while stat") {
        "the store changed while it was being opened; is an ingest running? retry when it finishes"
    } else if lower.contains("lock") {
        "another govgraph process is using it; wait for it to finish, or pass another --store"
    } else if lower.contains("permission")
        || lower.contains("read-only")
        || lower.contains("read only")
    {
        "the folder is not writable; pass --store with a writable folder"
    } else {
        "is it an Oxigraph store? pass --store with an empty or govgraph folder"
    };
    Error::StoreOpen {
        path: path.to_path_buf(),
        message: format!("{advice} ({})", message.trim()),
    }
}

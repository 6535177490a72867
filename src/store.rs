//! The Oxigraph store: ingesting documents, replacing them, exporting.
//!
//! Each document is one named graph. Ingesting a document whose content hash
//! and parser version match what the store holds does nothing; a changed
//! document's graph is cleared and rewritten in one transaction; new
//! documents go through the bulk loader, which commits atomically. Either
//! way the store never holds half a document. (Fewer than 16 new documents
//! are written one transaction each: the bulk loader's set-up costs more.)
//!
//! The store's default graph is the union of all named graphs, as a set:
//! SPARQL defines the union default graph as an RDF merge, while Oxigraph's
//! union view repeats a triple once per graph that holds it (a person named
//! in seven documents would count seven times). So govgraph keeps the union
//! materialised in the default graph, updated in the same transaction as the
//! document, and queries run on it.

use crate::error::{Error, Result};
use crate::map::{self, DocInfo, Iris, PARSER_VERSION};
use crate::model::{Diagnostic, Minutes, Severity};
use crate::resolve::{self, Aliases, Identities};
use crate::source::{ReadDoc, SourceFile, read_source};
use crate::vocab::{self, gg};
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{
    BlankNode, GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad,
    Term, Triple,
};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};

use std::io::Write;
use std::path::{Path, PathBuf};

/// A govgraph store, on disk or in memory. Clones share one database
/// (a server hands one to each connection).
#[derive(Clone)]
pub struct Store {
    inner: oxigraph::store::Store,
}

/// How many new documents make the bulk loader worth its set-up.
const BULK_THRESHOLD: usize = 16;

impl Store {
    /// Opens (creating if needed) the on-disk store at `path`, for writing.
    ///
    /// # Errors
    ///
    /// Fails when another process holds the store, the folder is not
    /// writable, or it is not an Oxigraph store.
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

    /// The content hash and parser version stored for a document, if any.
    ///
    /// # Errors
    ///
    /// Fails on a storage error.
    pub fn document_state(&self, doc: &NamedNode) -> Result<Option<(String, String)>> {
        let g = GraphNameRef::NamedNode(doc.as_ref());
        let value = |p: &str| -> Result<Option<String>> {
            Ok(self
                .inner
                .quads_for_pattern(
                    Some(doc.as_ref().into()),
                    Some(NamedNodeRef::new_unchecked(p)),
                    None,
                    Some(g),
                )
                .next()
                .transpose()?
                .and_then(|q| match q.object {
                    Term::Literal(l) => Some(l.value().to_owned()),
                    _ => None,
                }))
        };
        Ok(
            match (value(gg::CONTENT_HASH)?, value(gg::PARSER_VERSION)?) {
                (Some(h), Some(v)) => Some((h, v)),
                _ => None,
            },
        )
    }

    /// Replaces one document's graph with `quads`, in one transaction.
    ///
    /// # Errors
    ///
    /// Fails on a storage error; the store is then unchanged.
    pub fn replace_document(&self, doc: &NamedNode, quads: &[Quad]) -> Result<()> {
        let graph = GraphNameRef::NamedNode(doc.as_ref());
        let mut tx = self.inner.start_transaction()?;
        let old: Vec<Quad> = tx
            .quads_for_pattern(None, None, None, Some(graph))
            .collect::<std::result::Result<_, _>>()?;
        tx.clear_graph(doc.as_ref())?;
        tx.extend(quads);
        let union: Vec<Quad> = quads.iter().map(in_default_graph).collect();
        tx.extend(&union);
        // A triple leaves the union only when no other document holds it.
        for q in &old {
            let still_held = tx
                .quads_for_pattern(
                    Some(q.subject.as_ref()),
                    Some(q.predicate.as_ref()),
                    Some(q.object.as_ref()),
                    None,
                )
                .filter_map(std::result::Result::ok)
                .any(|other| !other.graph_name.is_default_graph());
            if !still_held {
                tx.remove(&in_default_graph(q));
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Name–login pairs already in the store, so that a document ingested
    /// alone resolves names as it would in a full ingest.
    ///
    /// # Errors
    ///
    /// Fails on a storage error.
    pub fn known_identities(&self, ids: &mut Identities) -> Result<()> {
        let q = format!(
            "SELECT DISTINCT ?n ?h WHERE {{ ?a <{}> ?n ; <{}> ?h }}",
            gg::NAME_AS_WRITTEN,
            gg::HANDLE_AS_WRITTEN
        );
        if let QueryResults::Solutions(sols) = self.select(&q)? {
            for s in sols {
                let s = s?;
                if let (Some(Term::Literal(n)), Some(Term::Literal(h))) = (s.get("n"), s.get("h")) {
                    ids.add(n.value(), h.value());
                }
            }
        }
        Ok(())
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

    /// Counts the distinct solutions of a one-variable `SELECT`.
    fn count(&self, q: &str) -> Result<usize> {
        match self.select(q)? {
            QueryResults::Solutions(s) => Ok(s.count()),
            _ => Ok(0),
        }
    }

    /// Writes the store in `format`. Triple formats get the union of all
    /// documents' graphs (the default graph); quad formats get the named
    /// graphs, without the default graph that repeats them. Output is sorted
    /// so that the same store always exports the same bytes.
    ///
    /// # Errors
    ///
    /// Fails on a storage or write error.
    pub fn export(&self, format: RdfFormat, out: impl Write) -> Result<()> {
        let mut w = serializer(format).for_writer(out);
        if format.supports_datasets() {
            let mut quads: Vec<Quad> = self
                .inner
                .iter()
                .filter(|q| {
                    q.as_ref()
                        .map_or(true, |q| !q.graph_name.is_default_graph())
                })
                .collect::<std::result::Result<_, _>>()?;
            // Grouped by graph, then by subject, so that TriG writes one
            // block per graph and JSON-LD one object per graph and node.
            quads.sort_by_cached_key(|q| {
                (
                    q.graph_name.to_string(),
                    q.subject.to_string(),
                    q.predicate.to_string(),
                    q.object.to_string(),
                )
            });
            for q in &quads {
                w.serialize_quad(q)?;
            }
        } else {
            let mut triples: Vec<Triple> = self
                .inner
                .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
                .map(|q| q.map(Triple::from))
                .collect::<std::result::Result<_, _>>()?;
            triples.sort_by_cached_key(|t| t.to_string());
            for t in &triples {
                w.serialize_triple(t)?;
            }
        }
        w.finish()?;
        Ok(())
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

/// The same triple in the default graph (the union).
fn in_default_graph(q: &Quad) -> Quad {
    Quad::new(
        q.subject.clone(),
        q.predicate.clone(),
        q.object.clone(),
        oxigraph::model::GraphName::DefaultGraph,
    )
}

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

/// How ingesting went for one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Not in the store before.
    New,
    /// In the store with other content; replaced.
    Changed,
    /// In the store with the same content; left alone.
    Unchanged,
    /// Could not be read; nothing stored.
    Failed,
}

/// The diagnostics of one file.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The file's path as given.
    pub path: PathBuf,
    /// What happened.
    pub outcome: Outcome,
    /// Whether it yielded a meeting.
    pub meeting: bool,
    /// What the reader noticed.
    pub diagnostics: Vec<Diagnostic>,
}

/// What an ingest did.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// One entry per file, in path order.
    pub files: Vec<FileReport>,
    /// Meetings in the store after the ingest.
    pub meetings: usize,
    /// Distinct people in the store after the ingest.
    pub people: usize,
    /// Distinct triples in the graph (the union of all documents) after the ingest.
    pub triples: usize,
    /// Stored documents this run did not find (their IRIs); removed when
    /// [`IngestOptions::prune`] is set.
    pub stale: Vec<String>,
}

impl Report {
    /// How many files had this outcome.
    pub fn count(&self, outcome: Outcome) -> usize {
        self.files.iter().filter(|f| f.outcome == outcome).count()
    }

    /// Whether any file could not be read or yielded no meeting, or any
    /// diagnostic is an error.
    pub fn has_problems(&self) -> bool {
        self.files.iter().any(|f| {
            f.outcome == Outcome::Failed
                || !f.meeting
                || f.diagnostics.iter().any(|d| d.severity == Severity::Error)
        })
    }
}

/// Options for [`ingest`].
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// The namespace for minted IRIs.
    pub base_iri: String,
    /// Rewrite every document even when unchanged.
    pub force: bool,
    /// Remove stored documents that this run did not find (files renamed
    /// or deleted since they were ingested).
    pub prune: bool,
    /// Identity rules declared by the user.
    pub aliases: Aliases,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            base_iri: vocab::DEFAULT_BASE.to_owned(),
            force: false,
            prune: false,
            aliases: Aliases::default(),
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Ingests source files into the store.
///
/// `progress` is called after each file is read, with the count so far.
///
/// # Errors
///
/// Fails on a storage error or an invalid base IRI. A file that cannot be
/// read is not an error: it is reported in the [`Report`] and the rest go on.
pub fn ingest(
    store: &Store,
    files: &[SourceFile],
    opts: &IngestOptions,
    progress: &dyn Fn(usize),
) -> Result<Report> {
    let iris = Iris::new(&opts.base_iri)?;
    store.ensure_ontology()?;
    let mut read: Vec<(usize, Minutes, String, String)> = Vec::new();
    let mut report = Report::default();
    for (i, f) in files.iter().enumerate() {
        match read_source(f) {
            Ok(ReadDoc {
                minutes: m,
                content_hash: hash,
                blob,
            }) => {
                report.files.push(FileReport {
                    path: f.path.clone(),
                    outcome: Outcome::Unchanged,
                    meeting: m.is_meeting(),
                    diagnostics: m.diagnostics.clone(),
                });
                read.push((i, m, hash, blob));
            }
            Err(d) => report.files.push(FileReport {
                path: f.path.clone(),
                outcome: Outcome::Failed,
                meeting: false,
                diagnostics: vec![d],
            }),
        }
        progress(i + 1);
    }
    let mut ids =
        Identities::learn(read.iter().map(|(_, m, _, _)| m)).with_aliases(opts.aliases.clone());
    store.known_identities(&mut ids)?;
    // Documents mapped under other identity rules are mapped again.
    let version = if opts.aliases.is_empty() {
        PARSER_VERSION.to_owned()
    } else {
        format!(
            "{PARSER_VERSION} aliases:{}",
            &hex(&Sha256::digest(format!("{:?}", opts.aliases)))[..12]
        )
    };

    let mut bulk: Vec<(usize, Vec<Quad>)> = Vec::new();
    for (i, m, hash, blob) in &read {
        let f = &files[*i];
        let doc = iris.document(&f.key);
        let state = store.document_state(&doc)?;
        let r = report
            .files
            .iter_mut()
            .find(|r| r.path == f.path)
            .expect("reported above");
        if !m.is_meeting() {
            r.diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "no-meeting",
                1,
                "no date, attendance, agenda or meeting issue found: stored as a document without a meeting",
            ));
        }
        // A document's graph depends on who its names resolve to, which
        // other documents can change (`Jane Doe` is `@jdoe` elsewhere): the
        // resolutions are part of its version, so an incremental ingest
        // gives the graph a fresh one does.
        let resolved: Vec<String> = m
            .attendees
            .iter()
            .filter(|a| a.handle.is_none())
            .filter_map(|a| ids.key(a.name.as_deref(), None).map(|k| k.slug()))
            .collect();
        let doc_version = if resolved.is_empty() {
            version.clone()
        } else {
            format!(
                "{version} ids:{}",
                &hex(&Sha256::digest(resolved.join("\n")))[..12]
            )
        };
        let same = state
            .as_ref()
            .is_some_and(|(h, v)| h == hash && *v == doc_version);
        if same && !opts.force {
            continue;
        }
        // A permalink only for a file exactly as committed: otherwise the
        // line numbers would point into a different version.
        let git = f.git.as_ref();
        let commit = git.and_then(|g| g.commit.as_deref());
        let permalink = match (commit, &f.repo) {
            (Some(c), Some(repo))
                if git.and_then(|g| g.committed_blob.as_deref()) == Some(blob.as_str()) =>
            {
                // Path segments are percent-encoded: a file name with a space
                // or `#` must still give a valid IRI.
                Some(format!(
                    "{}/blob/{c}/{}",
                    map::repo_iri(repo).as_str(),
                    map::encode_path(&f.repo_path)
                ))
            }
            (Some(c), _) => {
                r.diagnostics.push(Diagnostic::new(
                    Severity::Note,
                    "uncommitted",
                    0,
                    format!(
                        "the file differs from commit {} (uncommitted or untracked): no permalink",
                        &c[..c.len().min(12)]
                    ),
                ));
                None
            }
            _ => None,
        };
        let info = DocInfo {
            key: &f.key,
            repo_path: &f.repo_path,
            content_hash: hash,
            version: &doc_version,
            git_commit: commit,
            git_blob: git.map(|_| blob.as_str()),
            permalink,
        };
        let quads = map::map(m, &info, &iris, &ids);
        if state.is_some() {
            store.replace_document(&doc, &quads)?;
            r.outcome = Outcome::Changed;
        } else {
            r.outcome = Outcome::New;
            bulk.push((*i, quads));
        }
    }
    if bulk.len() >= BULK_THRESHOLD {
        // One atomic bulk load: either every new document lands or none.
        let mut quads: Vec<Quad> = bulk.into_iter().flat_map(|(_, q)| q).collect();
        let union: Vec<Quad> = quads.iter().map(in_default_graph).collect();
        quads.extend(union);
        let mut loader = store.inner.bulk_loader();
        loader.load_quads(quads)?;
        loader.commit()?;
    } else {
        for (i, quads) in bulk {
            store.replace_document(&iris.document(&files[i].key), &quads)?;
        }
    }
    // Documents stored before whose files this run did not find.
    let seen: HashSet<String> = files
        .iter()
        .map(|f| iris.document(&f.key).as_str().to_owned())
        .collect();
    let q = format!(
        "SELECT DISTINCT ?d WHERE {{ GRAPH ?d {{ ?d a <{}> }} }}",
        gg::DOCUMENT
    );
    if let QueryResults::Solutions(sols) = store.select(&q)? {
        for sol in sols {
            if let Some(Term::NamedNode(d)) = sol?.get("d")
                && !seen.contains(d.as_str())
            {
                report.stale.push(d.as_str().to_owned());
            }
        }
    }
    report.stale.sort();
    if opts.prune {
        for d in &report.stale {
            store.replace_document(&NamedNode::new_unchecked(d.clone()), &[])?;
        }
    }
    // Always: an interrupted run may have stored documents without
    // deriving from them.
    derive(store, &iris, &ids)?;
    store.inner.flush().ok();
    report.meetings = store.count(&format!(
        "SELECT DISTINCT ?m WHERE {{ ?m a <{}> }}",
        gg::MEETING
    ))?;
    report.people = store.count(&format!(
        "SELECT DISTINCT ?p WHERE {{ ?m <{}> ?p }}",
        crate::vocab::schema::ATTENDEE
    ))?;
    report.triples = store
        .inner
        .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
        .count();
    Ok(report)
}

/// Facts that need several documents, recomputed after each ingest.
///
/// - Carried-over actions: an action with the same key (assignee and text)
///   as one in an earlier meeting of the same group gets
///   `gg:carriedOverFrom` that earlier one. These live in the `derived`
///   graph, which is part of the union like a document.
/// - Identity suggestions: logins that look like typos of more common ones
///   (never merged; an aliases file makes them facts). These live in the
///   `suggestions` graph, outside the union, so no query mistakes them for
///   facts; `GRAPH` reaches them.
fn derive(store: &Store, iris: &Iris, ids: &Identities) -> Result<()> {
    let q = format!(
        "SELECT ?a ?key ?g ?date WHERE {{ ?a <{}> ?key ; <{}> ?m . ?m <{}> ?g ; <{}> ?date }}",
        gg::ACTION_KEY,
        gg::MEETING_PROP,
        crate::vocab::schema::ORGANIZER,
        crate::vocab::schema::START_DATE
    );
    let mut actions: Vec<(String, String, String, String)> = Vec::new();
    if let QueryResults::Solutions(sols) = store.select(&q)? {
        for s in sols {
            let s = s?;
            let text = |v: &str| match s.get(v) {
                Some(Term::NamedNode(n)) => n.as_str().to_owned(),
                Some(Term::Literal(l)) => l.value().to_owned(),
                _ => String::new(),
            };
            actions.push((text("g"), text("key"), text("date"), text("a")));
        }
    }
    // Sorted by group, key, date: each occurrence is linked to the latest
    // occurrence on a strictly earlier date (the same action listed twice
    // in one meeting does not break the chain).
    actions.sort();
    let derived = iris.graph("derived");
    let mut quads = Vec::new();
    for run in actions.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
        for (i, (_, _, date, a1)) in run.iter().enumerate() {
            if let Some((_, _, _, a0)) = run[..i].iter().rev().find(|(_, _, d0, _)| d0 < date) {
                quads.push(Quad::new(
                    NamedNode::new_unchecked(a1.clone()),
                    NamedNode::new_unchecked(gg::CARRIED_OVER_FROM),
                    NamedNode::new_unchecked(a0.clone()),
                    derived.clone(),
                ));
            }
        }
    }
    store.replace_document(&derived, &quads)?;

    let q = format!(
        "SELECT ?h ?n WHERE {{ ?x <{}> ?h OPTIONAL {{ ?x <{}> ?n }} }}",
        gg::HANDLE_AS_WRITTEN,
        gg::NAME_AS_WRITTEN
    );
    let mut seen: Vec<(String, Option<String>)> = Vec::new();
    if let QueryResults::Solutions(sols) = store.select(&q)? {
        for s in sols {
            let s = s?;
            if let Some(Term::Literal(h)) = s.get("h") {
                let n = match s.get("n") {
                    Some(Term::Literal(n)) => Some(n.value().to_owned()),
                    _ => None,
                };
                seen.push((h.value().to_owned(), n));
            }
        }
    }
    let graph = iris.graph("suggestions");
    let g = GraphName::NamedNode(graph.clone());
    let mut quads = Vec::new();
    for s in resolve::suggestions(seen.iter().map(|(h, n)| (h.as_str(), n.as_deref()))) {
        if ids.declared_same(&s.rare, &s.common) {
            continue;
        }
        let node = iris.suggestion(&s.rare, &s.common);
        let add = |quads: &mut Vec<Quad>, p: &str, o: Term| {
            quads.push(Quad::new(
                node.clone(),
                NamedNode::new_unchecked(p),
                o,
                g.clone(),
            ));
        };
        add(
            &mut quads,
            rdf::TYPE.as_str(),
            NamedNode::new_unchecked(gg::IDENTITY_SUGGESTION).into(),
        );
        let person = |l: &str| iris.person(&resolve::PersonKey::Login(l.to_owned())).into();
        add(&mut quads, gg::CANDIDATE, person(&s.rare));
        add(&mut quads, gg::RESEMBLES, person(&s.common));
        add(
            &mut quads,
            gg::EDIT_DISTANCE,
            Literal::from(s.distance as i64).into(),
        );
        add(
            &mut quads,
            gg::REASON,
            Literal::new_simple_literal(format!(
                "`{}` ({} times) looks like a typo of `{}` ({} times): {}",
                s.rare, s.counts.0, s.common, s.counts.1, s.reason
            ))
            .into(),
        );
    }
    let mut tx = store.inner.start_transaction()?;
    tx.clear_graph(graph.as_ref())?;
    tx.extend(&quads);
    tx.commit()?;
    Ok(())
}

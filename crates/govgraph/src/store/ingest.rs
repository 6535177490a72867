//! Ingest: source files through parse, resolve and map into the store.
//!
//! The stages, in order:
//! 1. Find stored documents whose files this run did not find; with
//!    `--prune`, remove them first, so that their attendance resolves
//!    nobody's names.
//! 2. Find the files the store already holds byte for byte under today's
//!    rules: each file's hash against one query of the stored versions.
//! 3. Read and parse the others on every core, a chunk of files at a time
//!    (a file that cannot be read is reported and the batch goes on). Each
//!    chunk adds what its attendance says to the identities (who is who,
//!    learned from the store first, leaving out the documents read again),
//!    then is mapped under what is known so far; a changed document is
//!    written in one transaction of its differences, new ones in bulk
//!    loads of whole documents.
//! 4. Check every document of the batch against the version today's
//!    identities give it, worked out from the names its stored attendance
//!    writes without a handle: one mapped before a later chunk told who
//!    its names are, or held from before another ingest told it, is read
//!    and mapped again. So the store ends as a fresh ingest of the same
//!    files leaves it, but for documents whose files could not be read
//!    (they keep what the store held) and stale ones not pruned.
//! 5. Recompute the derived graphs and count what the store holds, unless
//!    the store's bookkeeping says both were worked out from exactly these
//!    documents under these rules (a fingerprint of them). Each group's
//!    derived graph is worked out again only when its own documents
//!    changed (the bookkeeping records them per group too). The bookkeeping
//!    also says whether step 4 covered every stored document: then a run
//!    that reads nothing has nothing to check either.
//!
//! Memory holds one chunk of parsed documents and one bulk batch of quads,
//! beside small per-document maps (stored versions, handle-less names). A re-ingest where nothing changed parses nothing and
//! derives nothing; the price is that the diagnostics of files not parsed
//! again are not repeated (`govgraph check` reads every file).

use super::{
    BULK_BATCH, BULK_MEMORY_MB, BULK_MIN_QUADS, BULK_THREADS, Store, Summary, derive,
    in_default_graph,
};
use crate::error::Result;
use crate::map::{self, DocInfo, Iris, PARSER_VERSION};
use crate::model::{Diagnostic, Severity};
use crate::resolve::{self, Aliases, Identities};
use crate::source::{self, ReadDoc, SourceFile, read_sources};
use crate::vocab::{self, gg};
use oxigraph::model::{NamedNode, Quad, Term};
use oxigraph::sparql::QueryResults;
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::path::PathBuf;

/// How ingesting went for one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Not in the store before.
    New,
    /// In the store with other content; replaced.
    Changed,
    /// In the store with the same content; left alone.
    Unchanged,
    /// Could not be read; nothing written (a document stored before keeps
    /// its graph).
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
    /// Unchanged files that were not parsed again (the store holds their
    /// bytes, under the same rules and resolutions): their diagnostics are
    /// not in [`FileReport::diagnostics`].
    pub not_parsed: usize,
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

pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A file that was read: its index in the batch and what reading it gave.
struct Read {
    index: usize,
    doc: ReadDoc,
}

/// Ingests source files into the store.
///
/// `progress` is called with the count of files dealt with so far: each
/// file found unchanged by its hash, then each file read and parsed. (The
/// few read again by the final check are not counted twice.)
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
    let version = rules_version(&opts.aliases);
    let docs: Vec<NamedNode> = files.iter().map(|f| iris.document(&f.key)).collect();
    let mut states = store.document_states()?;
    // Stored documents whose files this run did not find. With `--prune`
    // they go first, so that their attendance resolves nobody's names.
    let stale = stale_documents(store, files, &iris)?;
    if opts.prune {
        for d in &stale {
            store.replace_document(&NamedNode::new_unchecked(d.clone()), &[])?;
            states.remove(d);
        }
    }
    let mut report = Report {
        files: files
            .iter()
            .map(|f| FileReport {
                path: f.path.clone(),
                outcome: Outcome::Unchanged,
                meeting: false,
                diagnostics: Vec::new(),
            })
            .collect(),
        stale,
        ..Report::default()
    };
    // A file whose bytes the store holds under today's rules is not parsed
    // again, unless who its names resolve to has changed (checked below,
    // from what its graph holds).
    let held = |i: usize| {
        let (hash, stored) = states.get(docs[i].as_str())?;
        let same = !opts.force
            && rules_part(stored) == version
            && source::hash_source(&files[i]).is_some_and(|h| h == *hash);
        same.then_some(stored)
    };
    let mut skipped = HashSet::new();
    let mut to_read = Vec::new();
    for i in 0..files.len() {
        if held(i).is_some() {
            skipped.insert(i);
            progress(skipped.len());
        } else {
            to_read.push(i);
        }
    }
    let summary = store.summary()?;
    // Nothing to read, and the store records that every document it holds
    // had the version these same documents' identities give it: nothing
    // can resolve otherwise, so there is nothing to check either.
    let fast = to_read.is_empty()
        && !opts.force
        && summary.as_ref().is_some_and(|s| {
            s.settled && s.fingerprint == fingerprint(&states, &version, &opts.base_iri)
        });
    let meetings = store.meeting_documents()?;
    for &i in &skipped {
        report.files[i].meeting = meetings.contains(docs[i].as_str());
        if !report.files[i].meeting {
            report.files[i].diagnostics.push(no_meeting());
        }
    }
    // What a document not read adds to the identities is already in the
    // store (its attendance); what one read says now is learned from it.
    let mut ids = Identities::default().with_aliases(opts.aliases.clone());
    let mut now = states.clone();
    let mut unsettled = false;
    if !fast {
        let rereading: HashSet<String> = to_read
            .iter()
            .map(|&i| docs[i].as_str().to_owned())
            .filter(|d| states.contains_key(d))
            .collect();
        // When every stored document is read again, the store has nothing
        // to teach.
        if rereading.len() < states.len() {
            store.known_identities(&mut ids, &rereading)?;
        }
        let mut bulk = NewDocuments::default();
        let cx = WriteCx {
            store,
            files,
            docs: &docs,
            iris: &iris,
            version: &version,
            force: opts.force,
        };
        // Files are read a chunk at a time, so memory holds one chunk of
        // parsed documents, never the corpus. Each chunk first teaches the
        // identities what it writes, then is mapped under what is known so
        // far: a document mapped before a later chunk told who one of its
        // names is gets a version today's identities do not give, and is
        // mapped again below.
        let mut done = skipped.len();
        for chunk in to_read.chunks(READ_CHUNK) {
            let read = read_all(files, chunk, &mut report, &|n| progress(done + n));
            done += chunk.len();
            for r in &read {
                ids.learn_from(&r.doc.minutes);
            }
            for r in &read {
                let stored = states.get(docs[r.index].as_str());
                cx.write(r, stored, stored.is_some(), &ids, &mut report, &mut bulk)?;
            }
        }
        bulk.write(store)?;

        // Every document of the batch must now have the version today's
        // identities give it, worked out from the names its stored
        // attendance writes: those that do not (mapped before their names
        // were known, or held from before another ingest told who they
        // are) are read and mapped again.
        if !to_read.is_empty() {
            now = store.document_states()?;
        }
        let names = store.handle_less_names()?;
        let again: Vec<usize> = (0..files.len())
            .filter(|&i| {
                // A file that could not be read keeps what the store held.
                if report.files[i].outcome == Outcome::Failed {
                    return false;
                }
                let Some((_, stored)) = now.get(docs[i].as_str()) else {
                    return false;
                };
                let names = names.get(docs[i].as_str()).into_iter().flatten();
                *stored != document_version(&version, names.map(String::as_str), &ids)
            })
            .collect();
        for chunk in again.chunks(READ_CHUNK) {
            let before: Vec<Outcome> = chunk.iter().map(|&i| report.files[i].outcome).collect();
            for &i in chunk {
                skipped.remove(&i);
            }
            for r in read_all(files, chunk, &mut report, &|_| {}) {
                let was = states.contains_key(docs[r.index].as_str());
                let stored = now.get(docs[r.index].as_str());
                // Bytes that changed since this run first read them say
                // what the identities have not learned.
                if stored.is_some_and(|(hash, _)| *hash != r.doc.content_hash) {
                    unsettled = true;
                }
                cx.write(&r, stored, was, &ids, &mut report, &mut bulk)?;
            }
            // A file that could not be read the second time keeps the
            // graph this run wrote for it, or the store's.
            for (&i, outcome) in chunk.iter().zip(before) {
                if report.files[i].outcome == Outcome::Failed {
                    report.files[i].outcome = outcome;
                    unsettled = true;
                }
            }
        }
        bulk.write(store)?;
        if !again.is_empty() {
            now = store.document_states()?;
        }
    }
    report.not_parsed = skipped.len();
    // The derived graphs and the counts depend on the documents: they are
    // worked out again unless the store records that they were worked out
    // from exactly these documents under these rules (and then only the
    // groups whose documents changed are derived again). The record is
    // written last, so a run interrupted before it is caught up by the
    // next one.
    let fingerprint = fingerprint(&now, &version, &opts.base_iri);
    // A run that wrote always works them out: it may have put back
    // documents an interrupted run had changed, matching an old record.
    let pruned = opts.prune && !report.stale.is_empty();
    let wrote = pruned
        || report
            .files
            .iter()
            .any(|f| matches!(f.outcome, Outcome::New | Outcome::Changed));
    // Every stored document was checked against identities learned from
    // exactly the stored documents: none outside the batch (stale and not
    // pruned), none that failed, none whose bytes moved under the check.
    let settled = fast
        || (report.stale.is_empty() || opts.prune)
            && !unsettled
            && report.files.iter().all(|f| f.outcome != Outcome::Failed);
    match summary {
        Some(s) if s.fingerprint == fingerprint && !wrote && !opts.force => {
            report.meetings = s.meetings;
            report.people = s.people;
            report.triples = s.triples;
            if settled && !s.settled {
                store.set_summary(&Summary { settled, ..s })?;
            }
        }
        _ => {
            // Deriving uses the identities only for the declared rules,
            // which they hold even when the fast path loaded nothing.
            derive::derive(store, &iris, &ids, &now, opts.force)?;
            count_contents(store, &mut report)?;
            store.set_summary(&Summary {
                fingerprint,
                meetings: report.meetings,
                people: report.people,
                triples: report.triples,
                settled,
            })?;
        }
    }
    #[cfg(feature = "rocksdb")]
    store.inner.flush().ok();
    Ok(report)
}

/// What the derived graphs and counts depend on: the rules, the way they
/// are derived, the ontology, the namespace, and every stored document's
/// content hash and version.
fn fingerprint(
    states: &std::collections::HashMap<String, (String, String)>,
    version: &str,
    base: &str,
) -> String {
    let mut docs: Vec<_> = states.iter().collect();
    docs.sort_unstable();
    let mut hash = Sha256::new();
    for part in [version, derive::VERSION, base, crate::ONTOLOGY_TTL] {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    for (doc, (content, version)) in docs {
        for part in [doc, content, version] {
            hash.update(part.as_bytes());
            hash.update([0]);
        }
    }
    hex(&hash.finalize())
}

/// How many files are read and parsed before they are mapped and written:
/// memory holds one such chunk of parsed documents.
const READ_CHUNK: usize = 1_024;

/// What writing one document needs besides the document.
struct WriteCx<'a> {
    store: &'a Store,
    files: &'a [SourceFile],
    docs: &'a [NamedNode],
    iris: &'a Iris,
    version: &'a str,
    force: bool,
}

impl WriteCx<'_> {
    /// Maps a document read and writes it, unless the store holds it
    /// (`stored`: its content hash and version there) as it is: a new one
    /// joins the pending bulk load, a stored one is replaced by its
    /// differences. `was_stored` says whether it was in the store before
    /// this ingest, for its outcome.
    ///
    /// # Errors
    ///
    /// Fails on a storage error.
    fn write(
        &self,
        r: &Read,
        stored: Option<&(String, String)>,
        was_stored: bool,
        ids: &Identities,
        report: &mut Report,
        bulk: &mut NewDocuments,
    ) -> Result<()> {
        let f = &self.files[r.index];
        let doc = &self.docs[r.index];
        let names = r
            .doc
            .minutes
            .attendees()
            .filter(|a| a.handle.is_none())
            .filter_map(|a| a.name.as_deref());
        let doc_version = document_version(self.version, names, ids);
        let same = stored.is_some_and(|(h, v)| *h == r.doc.content_hash && *v == doc_version);
        if same && !self.force {
            return Ok(());
        }
        let file_report = &mut report.files[r.index];
        let permalink = permalink(f, &r.doc.blob, &mut file_report.diagnostics);
        let info = DocInfo {
            key: &f.key,
            repo_path: &f.repo_path,
            content_hash: &r.doc.content_hash,
            version: &doc_version,
            git_commit: f.git.as_ref().and_then(|g| g.commit.as_deref()),
            git_blob: f.git.as_ref().map(|_| r.doc.blob.as_str()),
            permalink,
        };
        let quads = map::map(&r.doc.minutes, &info, self.iris, ids);
        file_report.outcome = if was_stored {
            Outcome::Changed
        } else {
            Outcome::New
        };
        if stored.is_some() {
            self.store.replace_document(doc, &quads)
        } else {
            bulk.add(self.store, doc, quads)
        }
    }
}

/// Reads the files at `indexes`, on every core ([`read_sources`]), and
/// fills in their report entries; files that could not be read are marked
/// failed.
fn read_all(
    files: &[SourceFile],
    indexes: &[usize],
    report: &mut Report,
    progress: &dyn Fn(usize),
) -> Vec<Read> {
    let batch: Vec<SourceFile> = indexes.iter().map(|&i| files[i].clone()).collect();
    let results = read_sources(&batch, progress);
    let mut read = Vec::new();
    for (&index, result) in indexes.iter().zip(results) {
        let entry = &mut report.files[index];
        match result {
            Ok(doc) => {
                let m = &doc.minutes;
                entry.diagnostics = m.diagnostics.clone();
                if !m.is_meeting() {
                    entry.diagnostics.push(no_meeting());
                }
                entry.meeting = m.is_meeting();
                read.push(Read { index, doc });
            }
            Err(d) => {
                entry.outcome = Outcome::Failed;
                entry.meeting = false;
                entry.diagnostics = vec![d];
            }
        }
    }
    read
}

/// The warning of a file that holds no meeting. A file not parsed again
/// gets it too: it is why the run exits 1.
fn no_meeting() -> Diagnostic {
    Diagnostic::new(
        Severity::Warning,
        "no-meeting",
        1,
        "no date, attendance, agenda or meeting issue found: stored as a document without a meeting",
    )
}

/// The version every document gets under these identity rules: documents
/// mapped under other rules are mapped again.
fn rules_version(aliases: &Aliases) -> String {
    if aliases.is_empty() {
        PARSER_VERSION.to_owned()
    } else {
        format!(
            "{PARSER_VERSION} aliases:{}",
            &hex(&Sha256::digest(aliases.canonical()))[..12]
        )
    }
}

/// The rules part of a stored document version (what [`rules_version`]
/// gave when it was stored).
fn rules_part(version: &str) -> &str {
    version
        .split_once(" ids:")
        .map_or(version, |(rules, _)| rules)
}

/// One document's version, given the names its attendance writes without
/// a handle. Its graph depends on who those names resolve to, which other
/// documents can change (`Jane Doe` is `@jdoe` elsewhere): the resolutions
/// are part of its version, so an incremental ingest gives the graph a
/// fresh one does. They are sorted, so that the version can be worked out
/// again from the stored graph, which keeps no order.
fn document_version<'a>(
    version: &str,
    names: impl Iterator<Item = &'a str>,
    ids: &Identities,
) -> String {
    // Each name with whom it resolves to: a swap of two people's names
    // changes the version.
    let mut resolved: Vec<String> = names
        .filter_map(|name| {
            let key = ids.key(Some(name), None)?;
            Some(format!("{}\t{}", resolve::name_key(name), key.slug()))
        })
        .collect();
    resolved.sort();
    resolved.dedup();
    if resolved.is_empty() {
        version.to_owned()
    } else {
        format!(
            "{version} ids:{}",
            &hex(&Sha256::digest(resolved.join("\n")))[..12]
        )
    }
}

/// The document's GitHub permalink, only for a file exactly as committed:
/// otherwise the line numbers would point into a different version (which
/// a note says).
fn permalink(f: &SourceFile, blob: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    let git = f.git.as_ref()?;
    let commit = git.commit.as_deref()?;
    match &f.repo {
        Some(repo) if git.committed_blob.as_deref() == Some(blob) => {
            // Path segments are percent-encoded: a file name with a space
            // or `#` must still give a valid IRI.
            Some(format!(
                "{}/blob/{commit}/{}",
                map::repo_iri(repo).as_str(),
                map::encode_path(&f.repo_path)
            ))
        }
        Some(_) | None if git.committed_blob.as_deref() == Some(blob) => None,
        _ => {
            diagnostics.push(Diagnostic::new(
                Severity::Note,
                "uncommitted",
                0,
                format!(
                    "the file differs from commit {} (uncommitted or untracked): no permalink",
                    &commit[..commit.len().min(12)]
                ),
            ));
            None
        }
    }
}

/// New documents on their way to the store, written in batches: a batch
/// large enough for the bulk loader's set-up to pay goes through it (one
/// atomic load: every document of the batch lands or none), a smaller one
/// is written one transaction per document. A batch is written as soon as
/// it holds [`BULK_BATCH`] quads, so that memory holds one batch, not every
/// new document, and a single large document never becomes one giant
/// transaction.
#[derive(Default)]
struct NewDocuments {
    docs: Vec<(NamedNode, Vec<Quad>)>,
    quads: usize,
}

impl NewDocuments {
    /// Adds one document's quads, writing the batch when it is full.
    fn add(&mut self, store: &Store, doc: &NamedNode, quads: Vec<Quad>) -> Result<()> {
        self.quads += quads.len();
        self.docs.push((doc.clone(), quads));
        if self.quads >= BULK_BATCH {
            self.write(store)?;
        }
        Ok(())
    }

    /// Writes what is pending.
    fn write(&mut self, store: &Store) -> Result<()> {
        let docs = std::mem::take(&mut self.docs);
        if std::mem::take(&mut self.quads) >= BULK_MIN_QUADS {
            // Oxigraph's default is 2 GB per thread. Half a gigabyte in all
            // keeps the peak of a two-million-triple document near 2 GB
            // (measured: 2.35 GB at 1 GB, 1.7 GB at a quarter, where more,
            // smaller files to merge made the load a third slower). The
            // loader divides it among its threads, so their number is fixed
            // too: on a machine of many cores the batches would be tiny.
            let mut loader = store
                .inner
                .bulk_loader()
                .with_num_threads(BULK_THREADS)
                .with_max_memory_size_in_megabytes(BULK_MEMORY_MB);
            // Each quad and its copy in the union, streamed and moved, not
            // cloned: the loader batches and sorts them itself.
            loader.load_quads(docs.into_iter().flat_map(|(_, quads)| {
                quads.into_iter().flat_map(|q| {
                    let union = in_default_graph(&q);
                    [q, union]
                })
            }))?;
            loader.commit()?;
        } else {
            for (doc, quads) in &docs {
                store.replace_document(doc, quads)?;
            }
        }
        Ok(())
    }
}

/// Documents stored before whose files this run did not find, sorted.
fn stale_documents(store: &Store, files: &[SourceFile], iris: &Iris) -> Result<Vec<String>> {
    let seen: HashSet<String> = files
        .iter()
        .map(|f| iris.document(&f.key).as_str().to_owned())
        .collect();
    let q = format!(
        "SELECT DISTINCT ?d WHERE {{ GRAPH ?d {{ ?d a <{}> }} }}",
        gg::DOCUMENT
    );
    let mut stale = Vec::new();
    if let QueryResults::Solutions(sols) = store.select(&q)? {
        for sol in sols {
            if let Some(Term::NamedNode(d)) = sol?.get("d")
                && !seen.contains(d.as_str())
            {
                stale.push(d.as_str().to_owned());
            }
        }
    }
    stale.sort();
    Ok(stale)
}

/// Counts the meetings, people and triples the store holds.
fn count_contents(store: &Store, report: &mut Report) -> Result<()> {
    report.meetings = store.count(&format!(
        "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {{ ?m a <{}> }}",
        gg::MEETING
    ))?;
    report.people = store.count(&format!(
        "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {{ ?m <{}> ?p }}",
        vocab::schema::ATTENDEE
    ))?;
    // The default graph is the union, stored as a set: no DISTINCT needed.
    report.triples = store.count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")?;
    Ok(())
}

//! govgraph turns the meeting minutes of open-source governance groups into
//! an RDF knowledge graph, and answers questions about it.
//!
//! # Bird's-eye view
//!
//! ```text
//! paths ─ source ─▶ bytes ─ decode ─▶ text ─ parse ─▶ Minutes ─ resolve ─▶ identities
//!                                                        │
//!                          store ◀─ quads ─ map ◀────────┘
//!                            │
//!                            ├─ query (saved .rq files, any SPARQL)
//!                            ├─ export (Turtle, TriG, N-Triples, N-Quads, RDF/XML, JSON-LD)
//!                            ├─ project (GraphML, Neo4j CSV, from saved SELECTs)
//!                            ├─ serve (SPARQL 1.1 Protocol, read-only)
//!                            ├─ push (Graph Store Protocol, to another store)
//!                            └─ validate (SHACL shapes)
//! ```
//!
//! Each minutes document becomes one named graph, whose name is the IRI of
//! the document; the graph also holds the document's content hash, so that
//! re-ingesting skips unchanged documents and replaces changed ones in one
//! transaction of their differences (new documents go in atomic bulk loads
//! of whole documents). Queries see the union of all graphs.
//!
//! # Code map
//!
//! - [`source`]: finds minutes files under the paths a user gives and reads
//!   them (decoded and parsed), with the repository and git commit they
//!   come from.
//! - [`decode`]: bytes to clean text (BOM, CRLF, invisible spaces, mojibake).
//! - [`parse`]: text to the typed [`model::Minutes`], with diagnostics.
//! - [`resolve`]: keys for people, so one human is one node across documents.
//! - [`map`]: a parsed document to RDF quads in its own named graph.
//! - [`store`]: the Oxigraph store: ingest, replace, export.
//! - [`query`]: saved queries, parameter binding, result formats.
//! - [`jsonld`]: compacted JSON-LD against `ontology/context.jsonld`.
//! - [`project`]: property-graph views (GraphML, Neo4j CSV) defined by two
//!   saved SELECT queries.
//! - [`push`]: loads every graph into an external store through the SPARQL
//!   1.1 Graph Store Protocol (`govgraph push`).
//! - [`serve`]: the read-only SPARQL 1.1 Protocol endpoint (`govgraph
//!   serve`).
//! - [`validate`]: SHACL validation of the graph against
//!   `ontology/shapes.ttl` (`govgraph validate`).
//! - [`check`]: the minutes linter (`govgraph check`).
//! - [`vocab`]: every IRI govgraph writes.
//!
//! # Invariants
//!
//! - `decode`, `parse` and `model` know nothing about RDF.
//! - `parse` and `map` do no I/O; only `source` reads minutes (and asks
//!   git about them) and only `store` touches the database; `check` needs
//!   no database.
//! - Only `push` opens network connections, and only to the endpoint the
//!   user names; `serve` only answers them. No query ever fetches anything
//!   (no SERVICE, no remote JSON-LD context).
//! - Nothing in the library prints: only the CLI (`src/main.rs`) writes to
//!   stdout and stderr.
//! - Bad input never panics and never drops a file silently: every file
//!   yields a meeting or a diagnostic saying why not.
//! - The same input gives the same IRIs and the same graphs on every run and
//!   machine: no random identifiers, no blank nodes, no clock readings.

#![warn(missing_docs, clippy::print_stdout, clippy::print_stderr)]

pub mod check;
pub mod error;
pub mod files;
pub mod jsonld;
pub mod map;
pub mod project;
pub mod push;
pub mod query;
pub mod resolve;
pub mod serve;
pub mod store;
pub mod validate;
pub mod vocab;

// The reading half lives in its own crate (no RDF, no RocksDB); it is
// re-exported so that one `govgraph::` path reaches the whole pipeline.
pub use govgraph_minutes::{decode, model, parse, read_minutes, source, text};

pub use error::{Error, Result};

/// The ontology, in Turtle, as shipped in `ontology/govgraph.ttl`.
pub const ONTOLOGY_TTL: &str = include_str!("../../../ontology/govgraph.ttl");

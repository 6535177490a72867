//! The library's error type.

use std::path::PathBuf;

/// What can go wrong in govgraph's library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A path given by the user does not exist or cannot be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// A file or folder could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The path.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// Finding minutes files failed.
    #[error(transparent)]
    Minutes(#[from] govgraph_minutes::Error),
    /// The store could not be opened (locked by another process, not
    /// writable, or not an Oxigraph store).
    #[error("cannot open the store at {path}: {message}")]
    StoreOpen {
        /// The store's path.
        path: PathBuf,
        /// What the storage layer said, with advice.
        message: String,
    },
    /// A storage operation failed.
    #[error("store error: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    /// A SPARQL query does not parse.
    #[error("invalid SPARQL: {0}")]
    Syntax(#[from] oxigraph::sparql::SparqlSyntaxError),
    /// A SPARQL query failed while running.
    #[error("query failed: {0}")]
    Evaluation(#[from] oxigraph::sparql::QueryEvaluationError),
    /// Serialising results failed.
    #[error("cannot write output: {0}")]
    Output(#[from] std::io::Error),
    /// A saved query name that does not exist.
    #[error("no saved query named `{0}` (see `govgraph query --list`)")]
    UnknownQuery(String),
    /// A query parameter that the query does not declare, or a bad value.
    #[error("{0}")]
    Parameter(String),
    /// Something inside govgraph is wrong (a built-in file that does not
    /// parse): a bug, not bad input.
    #[error("internal error (please report it): {0}")]
    Internal(String),
    /// A property-graph projection query that is not a SELECT or lacks a
    /// required variable.
    #[error("{0}")]
    Projection(String),
    /// A JSON-LD context that is not JSON-LD, or that names a remote
    /// context.
    #[error("invalid JSON-LD context: {0}")]
    Context(String),
    /// A push to an external store failed: unreachable, refused, or
    /// missing credentials.
    #[error("{0}")]
    Push(String),
    /// The endpoint could not listen, or stopped.
    #[error("{0}")]
    Serve(String),
    /// RDF input that does not parse.
    #[error("invalid RDF: {0}")]
    Rdf(String),
    /// SHACL shapes that do not parse, are malformed, or use a feature
    /// govgraph does not implement.
    #[error("invalid shapes: {0}")]
    Shapes(String),
    /// A base IRI that is not an absolute IRI.
    #[error("invalid base IRI `{0}`: it must be an absolute IRI ending in `/` or `#`")]
    BaseIri(String),
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

//! A read-only SPARQL 1.1 Protocol endpoint over the store
//! (`govgraph serve`).
//!
//! - `GET /sparql?query=…` and `POST /sparql` (a form with `query=`, or an
//!   `application/sparql-query` body), with `default-graph-uri` and
//!   `named-graph-uri`. Without them the default graph is the union of the
//!   documents, as for `govgraph query`.
//! - Results by content negotiation: SPARQL JSON, XML, CSV and TSV for
//!   SELECT and ASK; Turtle, N-Triples, RDF/XML and JSON-LD for CONSTRUCT
//!   and DESCRIBE; an HTML table for a browser.
//! - Updates are refused with 403: the endpoint never changes the store.
//! - Every query is cancelled after the timeout (503), and a response is
//!   refused (500) once it grows past the size limit, so one query cannot
//!   make the server hold gigabytes.
//! - `GET /` is a page to type queries on; `GET /queries` lists the saved
//!   queries and `GET /queries/NAME?param=value` runs one.
//!
//! The handler is built here; the CLI binds it and prints the log lines
//! this module hands it.
//!
//! # Code map
//!
//! - `protocol`: routes a request, reads its parameters and body, and
//!   refuses what the protocol does not allow (updates, wrong methods and
//!   media types, oversized bodies).
//! - `execute`: runs one query on a worker thread against its deadline,
//!   with a bounded number of query turns and a size-capped response body.
//! - `negotiate`: picks the response format from the `Accept` header.
//! - `page`: the HTML page and results rendered into it.

mod execute;
mod negotiate;
mod page;
mod protocol;

use crate::store::Store;
use crate::{Error, Result};
use execute::Turns;
use oxhttp::model::{Body, Request, Response};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How the endpoint behaves.
#[derive(Debug, Clone)]
pub struct Options {
    /// Queries running longer are cancelled, and answered 503.
    pub timeout: Duration,
    /// Queries evaluated at once; more wait (up to the timeout) for a turn.
    pub max_queries: usize,
    /// The largest response body, in bytes. A response is built whole
    /// before it is sent (so that a failure mid-way is a clean error status,
    /// not a truncated 200), which makes this bound its memory.
    pub max_response: usize,
}

/// What every request handler shares: the store, the options and the turns.
struct Endpoint {
    store: Store,
    options: Options,
    turns: Arc<Turns>,
}

/// Serves the endpoint on `bind` until the process ends: one thread per
/// connection, a connection that stops sending or reading dropped after the
/// query timeout and half a minute more. `ready` is called once listening.
///
/// # Errors
///
/// Fails when the address cannot be bound, or the server stops.
pub fn serve(
    store: Store,
    options: Options,
    bind: std::net::SocketAddr,
    log: impl Fn(&str) + Send + Sync + 'static,
    ready: impl FnOnce(),
) -> Result<()> {
    let io = |source: std::io::Error| Error::Serve(format!("cannot listen on {bind}: {source}"));
    let timeout = options.timeout + Duration::from_secs(30);
    let server = oxhttp::Server::new(handler(store, options, log))
        .bind(bind)
        // A client that stops sending or reading is dropped; queries have
        // their own timeout.
        .with_global_timeout(timeout)
        .with_max_concurrent_connections(64)
        .spawn()
        .map_err(io)?;
    ready();
    server
        .join()
        .map_err(|e| Error::Serve(format!("the server stopped: {e}")))
}

/// Builds the request handler: what `oxhttp::Server::new` takes. `log`
/// receives one line per request.
pub fn handler(
    store: Store,
    options: Options,
    log: impl Fn(&str) + Send + Sync + 'static,
) -> impl Fn(&mut Request<Body>) -> Response<Body> + Send + Sync + 'static {
    let endpoint = Endpoint {
        turns: Arc::new(Turns::new(options.max_queries.max(1))),
        store,
        options,
    };
    move |request| {
        let start = Instant::now();
        let method = request.method().clone();
        let target = request.uri().to_string();
        let response = protocol::route(&endpoint, request);
        log(&format!(
            "{method} {} {} {} ms",
            shorten(&target),
            response.status().as_u16(),
            start.elapsed().as_millis()
        ));
        response
    }
}

/// A request target cut to 120 characters for the log: a whole query in a
/// URL would otherwise make one log line of kilobytes.
fn shorten(s: &str) -> String {
    if s.chars().count() > 120 {
        format!("{}…", s.chars().take(120).collect::<String>())
    } else {
        s.to_owned()
    }
}

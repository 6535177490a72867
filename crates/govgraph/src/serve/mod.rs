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
//! - Every query runs in a worker process (`govgraph serve-worker`), one
//!   query at a time per worker: past its timeout it is answered 503 and
//!   its worker killed if it has not stopped by itself, so a runaway query
//!   gives back its turn and its memory. A query whose client has gone is
//!   dropped from the queue, or stopped if it runs.
//! - The store is read-only while serving, so answers are cached, with an
//!   `ETag` (`If-None-Match` gets 304), and concurrent requests for the same
//!   query share one evaluation.
//! - A response is refused (500) once it grows past the size limit, so one
//!   query cannot make the server hold gigabytes.
//! - A client has a deadline for sending a whole request (headers and
//!   body), idle connections are closed after it, and connections are
//!   accepted on an async runtime, so slow or idle clients cannot keep
//!   others out.
//! - `GET /` is a page to type queries on; `GET /queries` lists the saved
//!   queries and `GET /queries/NAME?param=value` runs one.
//!
//! The handler is built here; the CLI binds it and prints the log lines
//! this module hands it.
//!
//! # Code map
//!
//! - `mod.rs`: connections: accept, read a request within its deadline,
//!   hand it to `protocol`, write the answer, log a line.
//! - `protocol`: routes a request, reads its parameters and body, and
//!   refuses what the protocol does not allow (updates, wrong methods and
//!   media types, oversized bodies).
//! - `execute`: the cache and its ETags, and the hand-over to the pool.
//! - `pool`: the queue and the worker processes, with their deadlines.
//! - `worker`: the worker process's loop and the wire format between them.
//! - `negotiate`: picks the response format from the `Accept` header.
//! - `page`: the HTML page and results rendered into it.

mod execute;
mod negotiate;
mod page;
mod pool;
mod protocol;
mod worker;

pub use pool::Spawn;
pub use worker::run as run_worker;

use crate::{Error, Result};
use execute::Cache;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use pool::{Log, Pool};
use protocol::{Answer, text};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How the endpoint behaves.
#[derive(Debug, Clone)]
pub struct Options {
    /// Queries running longer are stopped, and answered 503; the time a
    /// query waits for a worker counts.
    pub timeout: Duration,
    /// Worker processes, each evaluating one query at a time; more
    /// queries wait (up to the timeout) in a queue.
    pub workers: usize,
    /// The largest response body, in bytes. A response is built whole
    /// before it is sent (so that a failure mid-way is a clean error status,
    /// not a truncated 200), which makes this bound its memory.
    pub max_response: usize,
    /// A client must send a request's whole header within this time of
    /// connecting or of its previous response, and then its whole body
    /// within this time again; an idle connection is closed after it.
    pub request_timeout: Duration,
    /// The bytes of answers kept for repeated queries.
    pub cache: usize,
}

/// Connections open at once; a connection past this is closed at once, so
/// that accepting never waits for one to end.
const MAX_CONNECTIONS: usize = 16_384;

/// What every request handler shares.
struct Endpoint {
    options: Options,
    pool: Arc<Pool>,
    cache: Cache,
    log: Log,
}

/// Serves the endpoint on `bind` until the process ends; `spawn` makes the
/// command that starts a worker process (`govgraph serve-worker` on the
/// store), `log` receives one line per request and per incident, and
/// `ready` is called once listening.
///
/// # Errors
///
/// Fails when the address cannot be bound, a worker cannot be started, or
/// the runtime cannot be built.
pub fn serve(
    options: Options,
    bind: std::net::SocketAddr,
    spawn: Spawn,
    log: impl Fn(&str) + Send + Sync + 'static,
    ready: impl FnOnce(),
) -> Result<()> {
    let log: Log = Arc::new(log);
    let pool = Pool::start(options.workers, spawn, Arc::clone(&log))
        .map_err(|e| Error::Serve(format!("cannot start a query worker: {e}")))?;
    let endpoint = Arc::new(Endpoint {
        cache: Cache::new(options.cache),
        options,
        pool,
        log,
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Serve(format!("cannot start the server's runtime: {e}")))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(bind)
            .await
            .map_err(|e| Error::Serve(format!("cannot listen on {bind}: {e}")))?;
        ready();
        let open = Arc::new(AtomicUsize::new(0));
        loop {
            let stream = match listener.accept().await {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors, most likely: idle connections
                    // end at their deadline and free some.
                    (endpoint.log)(&format!("error: cannot accept a connection: {e}"));
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            };
            if open.load(Ordering::Relaxed) >= MAX_CONNECTIONS {
                drop(stream);
                continue;
            }
            let _ = stream.set_nodelay(true);
            let (endpoint, open) = (Arc::clone(&endpoint), Arc::clone(&open));
            open.fetch_add(1, Ordering::Relaxed);
            tokio::spawn(async move {
                connection(endpoint, stream).await;
                open.fetch_sub(1, Ordering::Relaxed);
            });
        }
    })
}

/// Serves the requests of one connection.
async fn connection(endpoint: Arc<Endpoint>, stream: tokio::net::TcpStream) {
    let request_timeout = endpoint.options.request_timeout;
    // A connection lives at most this long: a client that reads its
    // answer slower than it can be sent cannot hold it forever. At the
    // end the answer in progress is finished and the connection closed.
    let life = endpoint.options.timeout * 2 + request_timeout + Duration::from_secs(300);
    let service = service_fn(move |request| {
        let endpoint = Arc::clone(&endpoint);
        async move { Ok::<_, std::convert::Infallible>(handle(&endpoint, request).await) }
    });
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        // Headers must be whole within the deadline from the moment the
        // connection is open or idle: a trickle of bytes does not extend it.
        .header_read_timeout(request_timeout)
        .keep_alive(true);
    let conn = builder.serve_connection(TokioIo::new(stream), service);
    tokio::pin!(conn);
    tokio::select! {
        _ = conn.as_mut() => return,
        () = tokio::time::sleep(life) => {}
    }
    conn.as_mut().graceful_shutdown();
    let _ = tokio::time::timeout(Duration::from_secs(60), conn).await;
}

/// Reads one request's body within what is left of the request deadline,
/// answers it, and logs a line.
async fn handle(endpoint: &Endpoint, request: Request<Incoming>) -> Response<Full<Bytes>> {
    let start = Instant::now();
    let (parts, body) = request.into_parts();
    let limited = Limited::new(body, protocol::MAX_BODY);
    let answer =
        match tokio::time::timeout(endpoint.options.request_timeout, limited.collect()).await {
            Err(_) => text(
                StatusCode::REQUEST_TIMEOUT,
                "the request body did not arrive within the request deadline",
            ),
            Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => text(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("the request body is over {} bytes", protocol::MAX_BODY),
            ),
            Ok(Err(e)) => text(
                StatusCode::BAD_REQUEST,
                format!("cannot read the request body: {e}"),
            ),
            Ok(Ok(body)) => {
                let body = body.to_bytes();
                let incoming = protocol::Incoming {
                    method: &parts.method,
                    uri: &parts.uri,
                    headers: &parts.headers,
                    body: &body,
                };
                protocol::route(endpoint, incoming).await
            }
        };
    (endpoint.log)(&format!(
        "{} {} {} {} ms",
        parts.method,
        shorten(&parts.uri.to_string()),
        answer.status.as_u16(),
        start.elapsed().as_millis()
    ));
    response(answer)
}

/// The HTTP response for an answer.
fn response(answer: Answer) -> Response<Full<Bytes>> {
    let mut builder = Response::builder().status(answer.status);
    for (name, value) in &answer.headers {
        builder = builder.header(*name, value.as_str());
    }
    builder.body(Full::new(answer.body)).unwrap_or_else(|_| {
        let mut r = Response::new(Full::new(Bytes::from_static(b"bad response header\n")));
        *r.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
        r
    })
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

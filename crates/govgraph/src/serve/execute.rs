//! Running one query for the endpoint: on a worker thread, within the
//! query timeout, holding one of a bounded number of turns, into a
//! response body that refuses to grow past the size limit.

use super::negotiate::{self, Format};
use super::page::html;
use super::protocol::{graphs, ok, text};
use super::{Endpoint, Options};
use crate::Error;
use crate::query::{self, Output, RunOptions};
use crate::store::Store;
use oxhttp::model::{Body, HeaderValue, Response, StatusCode, header};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::time::{Duration, Instant};

/// A response body that refuses to grow past the endpoint's limit.
pub(super) struct Capped {
    pub(super) body: Vec<u8>,
    pub(super) limit: usize,
    pub(super) over: bool,
}

impl Capped {
    pub(super) fn new(limit: usize) -> Self {
        Self {
            body: Vec::new(),
            limit,
            over: false,
        }
    }

    /// Notes that the body would pass the limit, as an error that stops
    /// the serializer (and with it the query).
    pub(super) fn overflow(&mut self) -> std::io::Error {
        self.over = true;
        std::io::Error::other("the response passed the size limit")
    }
}

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.body.len().saturating_add(buf.len()) > self.limit {
            return Err(self.overflow());
        }
        self.body.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Turns to evaluate a query: a counting semaphore. Oxigraph checks its
/// cancellation token while it streams, but not inside a sort, so a query
/// answered 503 at its deadline may run on; the turns bound how many such
/// queries can hold the machine at once.
pub(super) struct Turns {
    free: Mutex<usize>,
    freed: Condvar,
}

/// A turn held: given back when dropped, by the worker once its query ends.
struct Turn(Arc<Turns>);

impl Drop for Turn {
    fn drop(&mut self) {
        let mut free = self.0.free.lock().unwrap_or_else(|e| e.into_inner());
        *free += 1;
        self.0.freed.notify_one();
    }
}

impl Turns {
    /// `count` turns, all free.
    pub(super) fn new(count: usize) -> Self {
        Turns {
            free: Mutex::new(count),
            freed: Condvar::new(),
        }
    }

    fn take(self: &Arc<Self>, within: Duration) -> Option<Turn> {
        let deadline = Instant::now() + within;
        let mut free = self.free.lock().unwrap_or_else(|e| e.into_inner());
        while *free == 0 {
            let left = deadline.checked_duration_since(Instant::now())?;
            free = self
                .freed
                .wait_timeout(free, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        *free -= 1;
        Some(Turn(Arc::clone(self)))
    }
}

/// Runs query `q` with `bindings` over the graphs `params` name, and
/// answers in the format `accept` prefers; 503 at the timeout.
pub(super) fn sparql(
    endpoint: &Endpoint,
    q: &str,
    params: &[(String, String)],
    bindings: Vec<(oxigraph::sparql::Variable, oxigraph::model::Term)>,
    accept: Option<&str>,
) -> Response<Body> {
    let default_graphs = match graphs(params, "default-graph-uri") {
        Ok(g) => g,
        Err(r) => return r.response(),
    };
    let named_graphs = match graphs(params, "named-graph-uri") {
        Ok(g) => g,
        Err(r) => return r.response(),
    };
    let (store, turns, timeout) = (&endpoint.store, &endpoint.turns, endpoint.options.timeout);
    let started = Instant::now();
    let Some(turn) = turns.take(timeout) else {
        return text(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "every query slot stayed busy for {} s (queries still running past their timeout); retry later",
                timeout.as_secs_f32()
            ),
        );
    };
    // The query runs on a worker; this thread answers at the deadline
    // whatever the worker is doing, and cancels it.
    let token = CancellationToken::new();
    let run = RunOptions {
        default_graphs,
        named_graphs,
        cancel: Some(token.clone()),
    };
    let (send, receive) = mpsc::channel();
    let (store, q, accept) = (store.clone(), q.to_owned(), accept.map(str::to_owned));
    let options = endpoint.options.clone();
    std::thread::spawn(move || {
        let response = answer(&store, &q, bindings, &run, accept.as_deref(), &options);
        let _ = send.send(response);
        drop(turn);
    });
    let left = timeout.saturating_sub(started.elapsed());
    match receive.recv_timeout(left) {
        Ok(reply) => reply.response(),
        Err(_) => {
            token.cancel();
            // A cancelled query usually ends at once with its own 503.
            receive
                .recv_timeout(Duration::from_millis(500))
                .map_or_else(|_| timed_out(timeout).response(), Reply::response)
        }
    }
}

/// What evaluating a query gave, built on the worker thread (a response
/// body is not `Send`).
enum Reply {
    /// The content type and the body.
    Answered(String, Vec<u8>),
    /// A status and why.
    Refused(StatusCode, String),
}

impl Reply {
    fn response(self) -> Response<Body> {
        match self {
            Reply::Answered(content_type, body) => {
                let mut r = ok(&content_type, body);
                r.headers_mut()
                    .insert(header::VARY, HeaderValue::from_static("accept"));
                r
            }
            Reply::Refused(status, message) => text(status, message),
        }
    }
}

/// The answer to a query stopped at its deadline, whether the worker
/// noticed the cancellation or the request thread gave up waiting.
fn timed_out(timeout: Duration) -> Reply {
    Reply::Refused(
        StatusCode::SERVICE_UNAVAILABLE,
        format!(
            "the query ran past the timeout ({} s) and was stopped",
            timeout.as_secs_f32()
        ),
    )
}

/// Evaluates the query and writes its results whole, on the worker thread.
fn answer(
    store: &Store,
    q: &str,
    bindings: Vec<(oxigraph::sparql::Variable, oxigraph::model::Term)>,
    run: &RunOptions,
    accept: Option<&str>,
    options: &Options,
) -> Reply {
    let timeout = options.timeout;
    let failed = |e: Error| match e {
        Error::Syntax(e) => Reply::Refused(StatusCode::BAD_REQUEST, format!("invalid SPARQL: {e}")),
        Error::Evaluation(QueryEvaluationError::Cancelled) => timed_out(timeout),
        Error::Evaluation(
            QueryEvaluationError::Service(_) | QueryEvaluationError::UnsupportedService(_),
        ) => Reply::Refused(
            StatusCode::BAD_REQUEST,
            "SERVICE is not supported: govgraph makes no network requests".into(),
        ),
        e => Reply::Refused(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    };
    let results = match query::run_with(store, q, bindings, run) {
        Ok(r) => r,
        Err(e) => return failed(e),
    };
    let graph = matches!(results, QueryResults::Graph(_));
    let Some((content_type, format)) = negotiate::choose(accept, graph) else {
        let types: Vec<&str> = negotiate::offers(graph).iter().map(|(t, _)| *t).collect();
        return Reply::Refused(
            StatusCode::NOT_ACCEPTABLE,
            format!(
                "no acceptable format; this query can answer {}",
                types.join(", ")
            ),
        );
    };
    let mut body = Capped::new(options.max_response);
    let written = match format {
        Format::Results(f) => query::write(results, Output::Results(f), &mut body),
        Format::Rdf(f) => query::write(results, Output::Rdf(f), &mut body),
        Format::Html => html(results, &mut body),
    };
    if body.over {
        return Reply::Refused(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!(
                "the response passed the endpoint's limit of {} MiB and was dropped; \
                 add a LIMIT, or run the query with `govgraph query`",
                options.max_response >> 20
            ),
        );
    }
    let body = body.body;
    match written {
        Ok(()) => {
            let ct = if format == Format::Html || content_type.starts_with("text/") {
                format!("{content_type}; charset=utf-8")
            } else {
                content_type.to_owned()
            };
            Reply::Answered(ct, body)
        }
        Err(e) => failed(e),
    }
}

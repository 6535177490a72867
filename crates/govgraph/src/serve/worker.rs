//! The query worker: a child process of `govgraph serve` that evaluates
//! queries, one at a time, against the store opened read-only.
//!
//! Queries run in a separate process because that is the only place they
//! can really be stopped. Oxigraph checks its cancellation token while it
//! reads quads, but a cancelled `ORDER BY` or `GROUP BY` goes on collecting
//! (every later read is an error it keeps) and sorting what it holds, for
//! as long as the product of its patterns takes: a thread cannot be killed,
//! and its memory stays with the server. A process can be killed at the
//! deadline, and the system takes its memory back at once.
//!
//! The wire format, on the worker's stdin and stdout, is one JSON line per
//! request ([`Request`]) and, per reply, one JSON line ([`ReplyHead`])
//! followed by exactly `len` bytes of body.

use super::negotiate::{self, Format};
use super::page::html;
use crate::Error;
use crate::query::{self, Output, RunOptions};
use crate::store::Store;
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, Variable};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Write};
use std::str::FromStr;
use std::sync::mpsc;
use std::time::Duration;

/// One query for a worker.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Hash)]
pub(super) struct Request {
    pub(super) query: String,
    /// `default-graph-uri` values, already checked as IRIs.
    pub(super) default_graphs: Vec<String>,
    /// `named-graph-uri` values, already checked as IRIs.
    pub(super) named_graphs: Vec<String>,
    /// Variables bound before evaluation: name and term in N-Triples syntax.
    pub(super) bindings: Vec<(String, String)>,
    /// The client's `Accept` header.
    pub(super) accept: Option<String>,
    /// The endpoint's query timeout, in milliseconds, for messages.
    pub(super) timeout_ms: u64,
    /// Evaluation stops (and is answered 503) after this many milliseconds:
    /// what is left of the timeout once the query leaves the queue (0 in
    /// the cache's keys).
    pub(super) budget_ms: u64,
    /// The largest response body, in bytes.
    pub(super) max_response: usize,
}

/// What precedes a reply's body on the wire.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct ReplyHead {
    pub(super) status: u16,
    pub(super) content_type: String,
    pub(super) len: usize,
}

/// A worker's answer to one request.
#[derive(Debug, Clone)]
pub(super) struct Reply {
    pub(super) status: u16,
    pub(super) content_type: String,
    pub(super) body: Vec<u8>,
}

impl Reply {
    /// A plain-text reply: a status and a one-line message.
    pub(super) fn text(status: u16, message: impl Into<String>) -> Self {
        let mut body = message.into().into_bytes();
        body.push(b'\n');
        Reply {
            status,
            content_type: "text/plain; charset=utf-8".into(),
            body,
        }
    }

    /// The reply to a query stopped at its deadline.
    pub(super) fn timed_out(timeout: Duration) -> Self {
        Reply::text(
            503,
            format!(
                "the query ran past the timeout ({} s) and was stopped",
                timeout.as_secs_f32()
            ),
        )
    }
}

/// Serves requests read from `input` until it ends, writing each reply to
/// `output`: the loop of `govgraph serve-worker`.
///
/// # Errors
///
/// Fails when `input` or `output` does (the server has gone).
pub fn run(store: &Store, input: impl BufRead, mut output: impl Write) -> std::io::Result<()> {
    for line in input.lines() {
        let line = line?;
        let reply = match serde_json::from_str::<Request>(&line) {
            Ok(request) => evaluate(store, &request),
            Err(e) => Reply::text(500, format!("the worker got a request it cannot read: {e}")),
        };
        let head = ReplyHead {
            status: reply.status,
            content_type: reply.content_type,
            len: reply.body.len(),
        };
        serde_json::to_writer(&mut output, &head)?;
        output.write_all(b"\n")?;
        output.write_all(&reply.body)?;
        output.flush()?;
    }
    Ok(())
}

/// Reads one reply written by [`run`]; `None` at the end of the stream.
///
/// # Errors
///
/// Fails when the stream breaks or does not hold a reply.
pub(super) fn read_reply(input: &mut impl BufRead) -> std::io::Result<Option<Reply>> {
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    let head: ReplyHead = serde_json::from_str(&line).map_err(std::io::Error::other)?;
    let mut body = vec![0; head.len];
    input.read_exact(&mut body)?;
    Ok(Some(Reply {
        status: head.status,
        content_type: head.content_type,
        body,
    }))
}

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

impl Write for Capped {
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

/// Evaluates one request: the query with its bindings over its graphs,
/// written whole in the format its `Accept` prefers, cancelled at its
/// timeout (the server kills the worker when cancelling is not enough).
fn evaluate(store: &Store, request: &Request) -> Reply {
    let timeout = Duration::from_millis(request.timeout_ms);
    let budget = Duration::from_millis(request.budget_ms);
    let iris = |iris: &[String]| -> Result<Vec<NamedNode>, Reply> {
        iris.iter()
            .map(|i| {
                NamedNode::new(i.as_str()).map_err(|e| Reply::text(400, format!("`{i}`: {e}")))
            })
            .collect()
    };
    let (default_graphs, named_graphs) =
        match (iris(&request.default_graphs), iris(&request.named_graphs)) {
            (Ok(d), Ok(n)) => (d, n),
            (Err(r), _) | (_, Err(r)) => return r,
        };
    let mut bindings = Vec::new();
    for (name, term) in &request.bindings {
        match (Variable::new(name.as_str()), Term::from_str(term)) {
            (Ok(v), Ok(t)) => bindings.push((v, t)),
            _ => return Reply::text(400, format!("cannot bind ?{name} to {term}")),
        }
    }
    // A timer that cancels the query at its deadline, and is itself
    // stopped when the query ends first (its sender is dropped).
    let token = CancellationToken::new();
    let (done, finished) = mpsc::channel::<()>();
    let timer = {
        let token = token.clone();
        std::thread::spawn(move || {
            if finished.recv_timeout(budget) == Err(mpsc::RecvTimeoutError::Timeout) {
                token.cancel();
            }
        })
    };
    let run = RunOptions {
        default_graphs,
        named_graphs,
        cancel: Some(token),
    };
    let reply = answer(store, request, bindings, &run, timeout);
    drop(done);
    let _ = timer.join();
    reply
}

/// Runs the query and writes its results whole.
fn answer(
    store: &Store,
    request: &Request,
    bindings: Vec<(Variable, Term)>,
    run: &RunOptions,
    timeout: Duration,
) -> Reply {
    let failed = |e: Error| match e {
        Error::Syntax(e) => Reply::text(400, format!("invalid SPARQL: {e}")),
        Error::Evaluation(QueryEvaluationError::Cancelled) => Reply::timed_out(timeout),
        Error::Evaluation(
            QueryEvaluationError::Service(_) | QueryEvaluationError::UnsupportedService(_),
        ) => Reply::text(
            400,
            "SERVICE is not supported: govgraph makes no network requests",
        ),
        e => Reply::text(500, e.to_string()),
    };
    let results = match query::run_with(store, &request.query, bindings, run) {
        Ok(r) => r,
        Err(e) => return failed(e),
    };
    let graph = matches!(results, QueryResults::Graph(_));
    let Some((content_type, format)) = negotiate::choose(request.accept.as_deref(), graph) else {
        let types: Vec<&str> = negotiate::offers(graph).iter().map(|(t, _)| *t).collect();
        return Reply::text(
            406,
            format!(
                "no acceptable format; this query can answer {}",
                types.join(", ")
            ),
        );
    };
    let mut body = Capped::new(request.max_response);
    let written = match format {
        Format::Results(f) => query::write(results, Output::Results(f), &mut body),
        Format::Rdf(f) => query::write(results, Output::Rdf(f), &mut body),
        Format::Html => html(results, &mut body),
    };
    if body.over {
        return Reply::text(
            500,
            format!(
                "the response passed the endpoint's limit of {} MiB and was dropped; \
                 add a LIMIT, or run the query with `govgraph query`",
                request.max_response >> 20
            ),
        );
    }
    match written {
        Ok(()) => Reply {
            status: 200,
            content_type: if format == Format::Html || content_type.starts_with("text/") {
                format!("{content_type}; charset=utf-8")
            } else {
                content_type.to_owned()
            },
            body: body.body,
        },
        Err(e) => failed(e),
    }
}

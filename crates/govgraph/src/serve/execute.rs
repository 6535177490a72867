//! Answering one query: from the cache when the same query was answered
//! before, else on a worker (see `pool`), with the concurrent requests for
//! the same query waiting for the one evaluation.
//!
//! The store is read-only while the server runs, so an answer stays true
//! for as long as the server does: answers are cached (up to a byte
//! budget) with an `ETag` computed from their body, and a request whose
//! `If-None-Match` names it gets 304. The ETag depends on the body only,
//! so it stays valid across restarts on the same store and changes when a
//! re-ingest changes the answer.

use super::Endpoint;
use super::pool::Job;
use super::protocol::{Answer, graphs};
use super::worker::{Reply, Request};
use hyper::StatusCode;
use hyper::body::Bytes;
use oxigraph::model::Term;
use oxigraph::sparql::Variable;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{OnceCell, oneshot};

/// A reply with its entity tag.
pub(super) struct Tagged {
    status: u16,
    content_type: String,
    /// Shared by every response that sends it.
    body: Bytes,
    etag: String,
}

impl Tagged {
    fn new(reply: Reply) -> Self {
        let digest = Sha256::digest(&reply.body);
        let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
        Tagged {
            status: reply.status,
            content_type: reply.content_type,
            body: Bytes::from(reply.body),
            etag: format!("\"{hex}\""),
        }
    }

    /// Whether the answer is the same whenever the query is asked again
    /// on this store: results, and refusals of the query itself.
    fn lasting(&self) -> bool {
        matches!(self.status, 200 | 400 | 406)
    }
}

type Cell = Arc<OnceCell<Arc<Tagged>>>;

/// Answers by query, up to a byte budget.
pub(super) struct Cache {
    cells: Mutex<HashMap<Request, Cell>>,
    budget: usize,
}

impl Cache {
    pub(super) fn new(budget: usize) -> Self {
        Cache {
            cells: Mutex::new(HashMap::new()),
            budget,
        }
    }

    /// The cell for `request`: its answer, or where the first of the
    /// requests asking it will put it.
    fn cell(&self, request: &Request) -> Cell {
        let mut cells = self.cells.lock().unwrap_or_else(|e| e.into_inner());
        Arc::clone(cells.entry(request.clone()).or_default())
    }

    /// Keeps `cell`'s answer if it lasts and fits, evicting others to make
    /// room; forgets it otherwise, so that the next request asks again.
    fn settle(&self, request: &Request, cell: &Cell, answer: &Tagged) {
        let mut cells = self.cells.lock().unwrap_or_else(|e| e.into_inner());
        let ours = cells.get(request).is_some_and(|c| Arc::ptr_eq(c, cell));
        if !ours {
            return;
        }
        let size = answer.body.len() + request.query.len();
        if !answer.lasting() || size > self.budget / 4 {
            cells.remove(request);
            return;
        }
        let held = |c: &Cell| c.get().map_or(0, |t| t.body.len());
        let mut total: usize = cells.iter().map(|(r, c)| held(c) + r.query.len()).sum();
        if total <= self.budget {
            return;
        }
        // Evict answered entries other than this one until it fits; which
        // ones does not matter much for saved queries, which are few.
        let victims: Vec<Request> = cells
            .iter()
            .filter(|(r, c)| c.initialized() && *r != request)
            .map(|(r, _)| r.clone())
            .collect();
        for victim in victims {
            if total <= self.budget {
                break;
            }
            if let Some(c) = cells.remove(&victim) {
                total -= held(&c) + victim.query.len();
            }
        }
    }
}

/// Runs query `q` with `bindings` over the graphs `params` name, and
/// answers in the format `accept` prefers: from the cache, or on a worker
/// within the timeout (503 past it). `if_none_match` is the request's
/// header of that name.
pub(super) async fn sparql(
    endpoint: &Endpoint,
    q: &str,
    params: &[(String, String)],
    bindings: Vec<(Variable, Term)>,
    accept: Option<&str>,
    if_none_match: Option<&str>,
) -> Answer {
    let started = Instant::now();
    let iris =
        |name| graphs(params, name).map(|g| g.into_iter().map(|n| n.into_string()).collect());
    let (default_graphs, named_graphs) = match (iris("default-graph-uri"), iris("named-graph-uri"))
    {
        (Ok(d), Ok(n)) => (d, n),
        (Err(r), _) | (_, Err(r)) => return r.answer(),
    };
    let options = &endpoint.options;
    let request = Request {
        query: q.to_owned(),
        default_graphs,
        named_graphs,
        bindings: bindings
            .into_iter()
            .map(|(v, t)| (v.as_str().to_owned(), t.to_string()))
            .collect(),
        accept: accept.map(str::to_owned),
        timeout_ms: u64::try_from(options.timeout.as_millis()).unwrap_or(u64::MAX),
        budget_ms: 0,
        max_response: options.max_response,
    };
    let cell = endpoint.cache.cell(&request);
    // If this request's client goes, hyper drops this future: the guard
    // then forgets the cell unless another request still waits on it.
    let guard = Unsettled {
        cache: &endpoint.cache,
        request: &request,
        cell: &cell,
    };
    let deadline = started + options.timeout;
    // Only the request that evaluated the query settles its cell: a cache
    // hit takes no lock and walks no map.
    let mut evaluated = false;
    let tagged = cell
        .get_or_init(|| async {
            evaluated = true;
            let (send, receive) = oneshot::channel();
            endpoint.pool.submit(Job {
                request: request.clone(),
                deadline,
                reply: send,
            });
            // Dropping `receive` (the client went, or this deadline passed)
            // makes the pool drop the job or kill its worker; another
            // request waiting on the cell then submits it again. The pool
            // answers at the deadline plus its grace; this bound holds even
            // if every worker is stuck.
            let bound = tokio::time::Instant::from_std(deadline + Duration::from_secs(2));
            let reply = match tokio::time::timeout_at(bound, receive).await {
                Ok(Ok(reply)) => reply,
                Ok(Err(_)) => Reply::text(500, "the query worker went away"),
                Err(_) => Reply::timed_out(options.timeout),
            };
            Arc::new(Tagged::new(reply))
        })
        .await
        .clone();
    drop(guard);
    if evaluated {
        endpoint.cache.settle(&request, &cell, &tagged);
    }
    respond(&tagged, if_none_match)
}

/// Forgets a cache cell that was never filled, when the request that made
/// it is dropped and nobody else holds it: otherwise every query whose
/// client left before its answer would stay in the map for good.
struct Unsettled<'a> {
    cache: &'a Cache,
    request: &'a Request,
    cell: &'a Cell,
}

impl Drop for Unsettled<'_> {
    fn drop(&mut self) {
        if self.cell.initialized() {
            return;
        }
        let mut cells = self.cache.cells.lock().unwrap_or_else(|e| e.into_inner());
        // Two holders: the map and this request's `cell`.
        let ours = cells
            .get(self.request)
            .is_some_and(|c| Arc::ptr_eq(c, self.cell) && Arc::strong_count(c) <= 2);
        if ours {
            cells.remove(self.request);
        }
    }
}

/// The response for an answer: 304 when the client holds it already.
fn respond(tagged: &Tagged, if_none_match: Option<&str>) -> Answer {
    let status = StatusCode::from_u16(tagged.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    if status != StatusCode::OK {
        return Answer::new(status, &tagged.content_type, tagged.body.clone());
    }
    let held = if_none_match.is_some_and(|h| {
        h.split(',')
            .map(str::trim)
            .any(|t| t == "*" || t.strip_prefix("W/").unwrap_or(t) == tagged.etag)
    });
    let answer = if held {
        Answer::new(StatusCode::NOT_MODIFIED, &tagged.content_type, Bytes::new())
    } else {
        Answer::new(status, &tagged.content_type, tagged.body.clone())
    };
    answer
        .header("etag", &tagged.etag)
        .header("vary", "accept")
        // Revalidate each time: the answer changes when the store does.
        .header("cache-control", "no-cache")
}

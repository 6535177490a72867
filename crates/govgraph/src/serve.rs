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

use crate::query::{self, Output, RunOptions};
use crate::store::Store;
use crate::{Error, Result};
use oxhttp::model::{Body, HeaderValue, Method, Request, Response, StatusCode, header};
use oxigraph::io::RdfFormat;
use oxigraph::model::NamedNode;
use oxigraph::sparql::results::QueryResultsFormat;
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults};
use std::io::{Read, Write};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::time::{Duration, Instant};

/// The largest query or form accepted, in bytes.
const MAX_BODY: u64 = 1 << 20;

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

/// A response body that refuses to grow past the endpoint's limit.
struct Capped {
    body: Vec<u8>,
    limit: usize,
    over: bool,
}

impl Capped {
    fn new(limit: usize) -> Self {
        Self {
            body: Vec::new(),
            limit,
            over: false,
        }
    }

    /// Notes that the body would pass the limit, as an error that stops
    /// the serializer (and with it the query).
    fn overflow(&mut self) -> std::io::Error {
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
struct Turns {
    free: Mutex<usize>,
    freed: Condvar,
}

struct Turn(Arc<Turns>);

impl Drop for Turn {
    fn drop(&mut self) {
        let mut free = self.0.free.lock().unwrap_or_else(|e| e.into_inner());
        *free += 1;
        self.0.freed.notify_one();
    }
}

impl Turns {
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

/// A response format chosen by content negotiation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Results(QueryResultsFormat),
    Rdf(RdfFormat),
    Html,
}

const RESULT_TYPES: &[(&str, Format)] = &[
    (
        "application/sparql-results+json",
        Format::Results(QueryResultsFormat::Json),
    ),
    (
        "application/sparql-results+xml",
        Format::Results(QueryResultsFormat::Xml),
    ),
    ("text/csv", Format::Results(QueryResultsFormat::Csv)),
    (
        "text/tab-separated-values",
        Format::Results(QueryResultsFormat::Tsv),
    ),
    (
        "application/json",
        Format::Results(QueryResultsFormat::Json),
    ),
    ("application/xml", Format::Results(QueryResultsFormat::Xml)),
    ("text/html", Format::Html),
];

const GRAPH_TYPES: &[(&str, Format)] = &[
    ("text/turtle", Format::Rdf(RdfFormat::Turtle)),
    ("application/n-triples", Format::Rdf(RdfFormat::NTriples)),
    ("application/rdf+xml", Format::Rdf(RdfFormat::RdfXml)),
    (
        "application/ld+json",
        Format::Rdf(RdfFormat::JsonLd {
            profile: oxigraph::io::JsonLdProfileSet::empty(),
        }),
    ),
    ("text/plain", Format::Rdf(RdfFormat::NTriples)),
    ("text/html", Format::Html),
];

/// The best of `offers` for an `Accept` header: highest quality first,
/// then the server's order; the first offer when there is no header.
fn negotiate(
    accept: Option<&str>,
    offers: &[(&'static str, Format)],
) -> Option<(&'static str, Format)> {
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
        return offers.first().copied();
    };
    let mut ranges: Vec<(String, f32, usize)> = Vec::new();
    // `type;q=0` refuses that type even where a wildcard would take it.
    let mut refused: Vec<String> = Vec::new();
    for (i, part) in accept.split(',').enumerate() {
        let mut bits = part.split(';');
        let range = bits.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = bits
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if range.is_empty() {
            continue;
        }
        if q > 0.0 {
            ranges.push((range, q, i));
        } else {
            refused.push(range);
        }
    }
    // Higher quality, then more specific ranges, then the client's order.
    let specificity = |r: &str| match r {
        "*/*" => 0,
        r if r.ends_with("/*") => 1,
        _ => 2,
    };
    ranges.sort_by(|a, b| {
        b.1.partial_cmp(&a.1)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(specificity(&b.0).cmp(&specificity(&a.0)))
            .then(a.2.cmp(&b.2))
    });
    for (range, _, _) in &ranges {
        for offer in offers {
            let (ty, _) = offer;
            if refused.iter().any(|r| r == ty) {
                continue;
            }
            let matches = range == ty
                || range == "*/*"
                || range
                    .strip_suffix("/*")
                    .is_some_and(|major| ty.split('/').next() == Some(major));
            if matches {
                return Some(*offer);
            }
        }
    }
    None
}

fn text(status: StatusCode, message: impl Into<String>) -> Response<Body> {
    let mut message = message.into();
    message.push('\n');
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
        .body(Body::from(message))
        .unwrap_or_else(|_| Response::new(Body::empty()))
}

fn ok(content_type: &str, body: Vec<u8>) -> Response<Body> {
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .unwrap_or_else(|_| Response::new(Body::empty()))
}

/// The `name=value` pairs of a URL query string or form body.
fn form(bytes: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(bytes).into_owned().collect()
}

/// A request refused before any query runs: its status and reason.
struct Refusal(StatusCode, String);

impl Refusal {
    fn response(self) -> Response<Body> {
        text(self.0, self.1)
    }
}

fn read_body(request: &mut Request<Body>) -> Result<Vec<u8>, Refusal> {
    let mut body = Vec::new();
    request
        .body_mut()
        .take(MAX_BODY + 1)
        .read_to_end(&mut body)
        .map_err(|e| {
            Refusal(
                StatusCode::BAD_REQUEST,
                format!("cannot read the request body: {e}"),
            )
        })?;
    if body.len() as u64 > MAX_BODY {
        return Err(Refusal(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the request body is over {MAX_BODY} bytes"),
        ));
    }
    Ok(body)
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
        turns: Arc::new(Turns {
            free: Mutex::new(options.max_queries.max(1)),
            freed: Condvar::new(),
        }),
        store,
        options,
    };
    move |request| {
        let start = Instant::now();
        let method = request.method().clone();
        let target = request.uri().to_string();
        let response = route(&endpoint, request);
        log(&format!(
            "{method} {} {} {} ms",
            shorten(&target),
            response.status().as_u16(),
            start.elapsed().as_millis()
        ));
        response
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 120 {
        format!("{}…", s.chars().take(120).collect::<String>())
    } else {
        s.to_owned()
    }
}

fn route(endpoint: &Endpoint, request: &mut Request<Body>) -> Response<Body> {
    let path = request.uri().path().to_owned();
    let url_params = form(request.uri().query().unwrap_or("").as_bytes());
    let accept = request
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    match (request.method().clone(), path.as_str()) {
        (Method::GET, "/") => ok("text/html; charset=utf-8", page().into_bytes()),
        (Method::GET, "/sparql") => {
            if url_params.iter().any(|(k, _)| k == "update") {
                return read_only();
            }
            let Some(q) = param(&url_params, "query") else {
                // A bare GET on the endpoint is a person: show the page.
                return ok("text/html; charset=utf-8", page().into_bytes());
            };
            sparql(endpoint, &q, &url_params, Vec::new(), accept.as_deref())
        }
        (Method::POST, "/sparql") => {
            let content_type = request
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            let body = match read_body(request) {
                Ok(b) => b,
                Err(r) => return r.response(),
            };
            match content_type.as_str() {
                "application/sparql-update" => read_only(),
                "application/sparql-query" => {
                    let Ok(q) = String::from_utf8(body) else {
                        return text(StatusCode::BAD_REQUEST, "the query is not UTF-8");
                    };
                    sparql(endpoint, &q, &url_params, Vec::new(), accept.as_deref())
                }
                "application/x-www-form-urlencoded" => {
                    let params = form(&body);
                    if params.iter().any(|(k, _)| k == "update") {
                        return read_only();
                    }
                    let Some(q) = param(&params, "query") else {
                        return text(StatusCode::BAD_REQUEST, "the form has no `query`");
                    };
                    let mut all = url_params;
                    all.extend(params);
                    sparql(endpoint, &q, &all, Vec::new(), accept.as_deref())
                }
                other => text(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    format!(
                        "a POST to /sparql is application/sparql-query or \
                         application/x-www-form-urlencoded, not `{other}`"
                    ),
                ),
            }
        }
        (Method::GET, "/queries") => {
            let list: Vec<serde_json::Value> = query::saved()
                .into_iter()
                .map(|q| {
                    serde_json::json!({
                        "name": q.name,
                        "title": q.title,
                        "question": q.question,
                        "params": q.params.iter().map(|p| &p.name).collect::<Vec<_>>(),
                        "url": format!("/queries/{}", q.name),
                    })
                })
                .collect();
            ok(
                "application/json",
                serde_json::to_vec_pretty(&list).unwrap_or_default(),
            )
        }
        (Method::GET, p) if p.starts_with("/queries/") => {
            let name = &p["/queries/".len()..];
            let saved = match query::find(name) {
                Ok(q) => q,
                Err(e) => return text(StatusCode::NOT_FOUND, e.to_string()),
            };
            let given: Vec<(String, String)> = url_params
                .iter()
                .filter(|(k, _)| !k.contains('-'))
                .cloned()
                .collect();
            let bindings = match query::bind(&saved.params, &given) {
                Ok(b) => b,
                Err(e) => return text(StatusCode::BAD_REQUEST, e.to_string()),
            };
            sparql(
                endpoint,
                &saved.text,
                &url_params,
                bindings,
                accept.as_deref(),
            )
        }
        (_, "/sparql" | "/" | "/queries") => {
            let mut r = text(
                StatusCode::METHOD_NOT_ALLOWED,
                "this endpoint answers GET and POST queries",
            );
            r.headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static("GET, POST"));
            r
        }
        _ => text(
            StatusCode::NOT_FOUND,
            "not found: the SPARQL endpoint is /sparql, the saved queries /queries",
        ),
    }
}

fn read_only() -> Response<Body> {
    text(
        StatusCode::FORBIDDEN,
        "this endpoint is read-only: govgraph changes the store only by `govgraph ingest`",
    )
}

fn param(params: &[(String, String)], name: &str) -> Option<String> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

fn graphs(params: &[(String, String)], name: &str) -> Result<Vec<NamedNode>, Refusal> {
    params
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| {
            NamedNode::new(v.as_str())
                .map_err(|e| Refusal(StatusCode::BAD_REQUEST, format!("{name} `{v}`: {e}")))
        })
        .collect()
}

fn sparql(
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
    let offers = match results {
        QueryResults::Graph(_) => GRAPH_TYPES,
        _ => RESULT_TYPES,
    };
    let other = if std::ptr::eq(offers, GRAPH_TYPES) {
        RESULT_TYPES
    } else {
        GRAPH_TYPES
    };
    // A SPARQL client that asks for results formats for a CONSTRUCT (or
    // RDF for a SELECT) guessed the query form wrong: it gets the form's
    // default format, as other servers answer. Anything else unacceptable
    // is 406.
    let chosen = negotiate(accept, offers).or_else(|| {
        negotiate(accept, other)
            .filter(|(_, f)| *f != Format::Html)
            .and_then(|_| offers.first().copied())
    });
    let Some((content_type, format)) = chosen else {
        let types: Vec<&str> = offers.iter().map(|(t, _)| *t).collect();
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

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Results as an HTML fragment inside the page: a table for solutions, the
/// answer for ASK, Turtle for graphs.
fn html(results: QueryResults<'_>, out: &mut Capped) -> crate::Result<()> {
    let mut inner = String::new();
    match results {
        QueryResults::Solutions(solutions) => {
            let vars: Vec<String> = solutions
                .variables()
                .iter()
                .map(|v| v.as_str().to_owned())
                .collect();
            inner.push_str("<table><tr>");
            for v in &vars {
                inner.push_str(&format!("<th>{}</th>", escape(v)));
            }
            inner.push_str("</tr>\n");
            let mut n = 0;
            for s in solutions {
                let s = s?;
                n += 1;
                inner.push_str("<tr>");
                for v in &vars {
                    let cell = s
                        .get(v.as_str())
                        .map(query::display_term)
                        .unwrap_or_default();
                    inner.push_str(&format!("<td>{}</td>", escape(&cell)));
                }
                inner.push_str("</tr>\n");
                // The table is built before the page around it, so the
                // limit is checked as it grows.
                if inner.len() > out.limit {
                    return Err(out.overflow().into());
                }
            }
            inner.push_str("</table>");
            inner.push_str(&format!("<p>{n} rows</p>"));
        }
        QueryResults::Boolean(b) => inner.push_str(&format!("<p>{b}</p>")),
        graph @ QueryResults::Graph(_) => {
            let mut ttl = Capped::new(out.limit);
            let written = query::write(graph, Output::Rdf(RdfFormat::Turtle), &mut ttl);
            if ttl.over {
                return Err(out.overflow().into());
            }
            written?;
            inner.push_str(&format!(
                "<pre>{}</pre>",
                escape(&String::from_utf8_lossy(&ttl.body))
            ));
        }
    }
    out.write_all(page_with(&inner).as_bytes())?;
    Ok(())
}

fn page() -> String {
    page_with("")
}

/// The HTML page: a query box, the saved queries, and `results` below.
fn page_with(results: &str) -> String {
    let mut saved = String::new();
    for q in query::saved() {
        // By name: a whole query in a URL can pass the 8 KB header limit.
        let href = format!("/queries/{}", q.name);
        saved.push_str(&format!(
            "<li><a href=\"{}\">{}</a>: {}</li>\n",
            escape(&href),
            escape(&q.name),
            escape(&q.question)
        ));
    }
    format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>govgraph SPARQL endpoint</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:80em}}textarea{{width:100%;font-family:monospace}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}}</style>
</head><body>
<h1>govgraph SPARQL endpoint</h1>
<p>Read-only. The default graph is the union of all minutes documents; prefixes
<code>gg:</code>, <code>schema:</code>, <code>foaf:</code>, <code>org:</code>, <code>prov:</code>,
<code>dcterms:</code>, <code>rdf:</code>, <code>rdfs:</code>, <code>owl:</code> and
<code>xsd:</code> are declared.</p>
<form action="/sparql" method="post">
<textarea name="query" rows="12">SELECT ?meeting ?date WHERE {{ ?meeting a gg:Meeting ; schema:startDate ?date }} ORDER BY DESC(?date) LIMIT 20</textarea>
<p><button type="submit">Run</button></p>
</form>
{results}
<h2>Saved queries</h2>
<ul>
{saved}</ul>
</body></html>
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_negotiation() {
        let pick = |a: Option<&str>| negotiate(a, RESULT_TYPES).map(|(t, _)| t);
        assert_eq!(pick(None), Some("application/sparql-results+json"));
        assert_eq!(pick(Some("text/csv")), Some("text/csv"));
        assert_eq!(
            pick(Some("text/csv;q=0.5, application/sparql-results+xml")),
            Some("application/sparql-results+xml")
        );
        assert_eq!(pick(Some("*/*")), Some("application/sparql-results+json"));
        assert_eq!(pick(Some("text/*")), Some("text/csv"));
        assert_eq!(
            pick(Some("text/html,application/xhtml+xml,*/*;q=0.8")),
            Some("text/html")
        );
        assert_eq!(pick(Some("image/png")), None);
        assert_eq!(
            pick(Some("application/sparql-results+json;q=0, */*")),
            Some("application/sparql-results+xml")
        );
        let graph = |a: Option<&str>| negotiate(a, GRAPH_TYPES).map(|(t, _)| t);
        assert_eq!(
            graph(Some("application/sparql-results+json, */*;q=0.1")),
            Some("text/turtle")
        );
    }
}

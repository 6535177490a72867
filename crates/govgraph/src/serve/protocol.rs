//! The SPARQL 1.1 Protocol side of the endpoint: which path and method
//! does what, the query and its parameters read from the URL, a form or
//! the body, and the plain-text refusals for everything else.

use super::Endpoint;
use super::execute::sparql;
use super::page::page;
use crate::query;
use hyper::body::Bytes;
use hyper::header::{self, HeaderMap};
use hyper::{Method, StatusCode};
use oxigraph::model::NamedNode;

/// The largest query or form accepted, in bytes.
pub(super) const MAX_BODY: usize = 1 << 20;

/// A response, before it is handed to the HTTP layer.
pub(super) struct Answer {
    pub(super) status: StatusCode,
    pub(super) headers: Vec<(&'static str, String)>,
    pub(super) body: Bytes,
}

impl Answer {
    /// A response with a status, a content type and a body.
    pub(super) fn new(status: StatusCode, content_type: &str, body: impl Into<Bytes>) -> Self {
        Answer {
            status,
            headers: vec![("content-type", content_type.to_owned())],
            body: body.into(),
        }
    }

    /// The response with one more header.
    pub(super) fn header(mut self, name: &'static str, value: &str) -> Self {
        self.headers.push((name, value.to_owned()));
        self
    }
}

/// A plain-text response: a status and a one-line message.
pub(super) fn text(status: StatusCode, message: impl Into<String>) -> Answer {
    let mut message = message.into();
    message.push('\n');
    Answer::new(status, "text/plain; charset=utf-8", message)
}

/// A 200 response with `body` of `content_type`.
pub(super) fn ok(content_type: &str, body: impl Into<Bytes>) -> Answer {
    Answer::new(StatusCode::OK, content_type, body)
}

/// The `name=value` pairs of a URL query string or form body.
fn form(bytes: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(bytes).into_owned().collect()
}

/// A request refused before any query runs: its status and reason.
pub(super) struct Refusal(pub(super) StatusCode, pub(super) String);

impl Refusal {
    pub(super) fn answer(self) -> Answer {
        text(self.0, self.1)
    }
}

/// A request as the endpoint reads it: the HTTP layer has already read
/// the whole body within the request deadline and the size limit.
pub(super) struct Incoming<'a> {
    pub(super) method: &'a Method,
    pub(super) uri: &'a hyper::Uri,
    pub(super) headers: &'a HeaderMap,
    pub(super) body: &'a [u8],
}

impl Incoming<'_> {
    fn header(&self, name: header::HeaderName) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// Answers one request: the page, a query, the saved queries, or a refusal.
pub(super) async fn route(endpoint: &Endpoint, request: Incoming<'_>) -> Answer {
    let path = request.uri.path();
    let url_params = form(request.uri.query().unwrap_or("").as_bytes());
    let accept = request.header(header::ACCEPT);
    let etags = request.header(header::IF_NONE_MATCH);
    match (request.method, path) {
        (&Method::GET, "/") => ok("text/html; charset=utf-8", page()),
        (&Method::GET, "/sparql") => {
            if url_params.iter().any(|(k, _)| k == "update") {
                return read_only();
            }
            let Some(q) = param(&url_params, "query") else {
                // A bare GET on the endpoint is a person: show the page.
                return ok("text/html; charset=utf-8", page());
            };
            sparql(endpoint, &q, &url_params, Vec::new(), accept, etags).await
        }
        // Conditional requests are for reads: a POST's `If-None-Match`
        // is not a cache revalidation (RFC 9110, 13.1.2), so it is ignored.
        (&Method::POST, "/sparql") => post(endpoint, &request, url_params, accept).await,
        (&Method::GET, "/queries") => saved_list(),
        (&Method::GET, p) if p.starts_with("/queries/") => {
            let name = &p["/queries/".len()..];
            saved_query(endpoint, name, &url_params, accept, etags).await
        }
        (_, "/sparql" | "/" | "/queries") => text(
            StatusCode::METHOD_NOT_ALLOWED,
            "this endpoint answers GET and POST queries",
        )
        .header("allow", "GET, POST"),
        _ => text(
            StatusCode::NOT_FOUND,
            "not found: the SPARQL endpoint is /sparql, the saved queries /queries",
        ),
    }
}

/// A POST to `/sparql`: the query is the body or a field of a form, and
/// the URL's parameters still count.
async fn post(
    endpoint: &Endpoint,
    request: &Incoming<'_>,
    url_params: Vec<(String, String)>,
    accept: Option<&str>,
) -> Answer {
    let etags = None;
    let content_type = request
        .header(header::CONTENT_TYPE)
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let body = request.body;
    match content_type.as_str() {
        "application/sparql-update" => read_only(),
        "application/sparql-query" => {
            let Ok(q) = std::str::from_utf8(body) else {
                return text(StatusCode::BAD_REQUEST, "the query is not UTF-8");
            };
            sparql(endpoint, q, &url_params, Vec::new(), accept, etags).await
        }
        "application/x-www-form-urlencoded" => {
            let params = form(body);
            if params.iter().any(|(k, _)| k == "update") {
                return read_only();
            }
            let Some(q) = param(&params, "query") else {
                return text(StatusCode::BAD_REQUEST, "the form has no `query`");
            };
            let mut all = url_params;
            all.extend(params);
            sparql(endpoint, &q, &all, Vec::new(), accept, etags).await
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

/// `GET /queries`: the saved queries as JSON, each with the URL that runs it.
fn saved_list() -> Answer {
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

/// `GET /queries/NAME`: runs a saved query with the URL's parameters bound.
async fn saved_query(
    endpoint: &Endpoint,
    name: &str,
    url_params: &[(String, String)],
    accept: Option<&str>,
    etags: Option<&str>,
) -> Answer {
    let saved = match query::find(name) {
        Ok(q) => q,
        Err(e) => return text(StatusCode::NOT_FOUND, e.to_string()),
    };
    // The protocol's own parameters (`default-graph-uri`, …) have a dash,
    // which a saved query's parameters, being SPARQL variable names, cannot
    // have: those are left to `sparql`, the rest are bound.
    let given: Vec<(String, String)> = url_params
        .iter()
        .filter(|(k, _)| !k.contains('-'))
        .cloned()
        .collect();
    let bindings = match query::bind(&saved.params, &given) {
        Ok(b) => b,
        Err(e) => return text(StatusCode::BAD_REQUEST, e.to_string()),
    };
    sparql(endpoint, &saved.text, url_params, bindings, accept, etags).await
}

fn read_only() -> Answer {
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

/// The graphs a `default-graph-uri` or `named-graph-uri` parameter names.
pub(super) fn graphs(params: &[(String, String)], name: &str) -> Result<Vec<NamedNode>, Refusal> {
    params
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| {
            NamedNode::new(v.as_str())
                .map_err(|e| Refusal(StatusCode::BAD_REQUEST, format!("{name} `{v}`: {e}")))
        })
        .collect()
}

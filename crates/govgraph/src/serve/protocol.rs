//! The SPARQL 1.1 Protocol side of the endpoint: which path and method
//! does what, the query and its parameters read from the URL, a form or
//! the body, and the plain-text refusals for everything else.

use super::Endpoint;
use super::execute::sparql;
use super::page::page;
use crate::query;
use oxhttp::model::{Body, HeaderValue, Method, Request, Response, StatusCode, header};
use oxigraph::model::NamedNode;
use std::io::Read;

/// The largest query or form accepted, in bytes.
const MAX_BODY: u64 = 1 << 20;

/// A plain-text response: a status and a one-line message.
pub(super) fn text(status: StatusCode, message: impl Into<String>) -> Response<Body> {
    let mut message = message.into();
    message.push('\n');
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
        .body(Body::from(message))
        .unwrap_or_else(|_| Response::new(Body::empty()))
}

/// A 200 response with `body` of `content_type`.
pub(super) fn ok(content_type: &str, body: Vec<u8>) -> Response<Body> {
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
pub(super) struct Refusal(pub(super) StatusCode, pub(super) String);

impl Refusal {
    pub(super) fn response(self) -> Response<Body> {
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

/// Answers one request: the page, a query, the saved queries, or a refusal.
pub(super) fn route(endpoint: &Endpoint, request: &mut Request<Body>) -> Response<Body> {
    let path = request.uri().path().to_owned();
    let url_params = form(request.uri().query().unwrap_or("").as_bytes());
    let accept = request
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let accept = accept.as_deref();
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
            sparql(endpoint, &q, &url_params, Vec::new(), accept)
        }
        (Method::POST, "/sparql") => post(endpoint, request, url_params, accept),
        (Method::GET, "/queries") => saved_list(),
        (Method::GET, p) if p.starts_with("/queries/") => {
            saved_query(endpoint, &p["/queries/".len()..], &url_params, accept)
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

/// A POST to `/sparql`: the query is the body or a field of a form, and
/// the URL's parameters still count.
fn post(
    endpoint: &Endpoint,
    request: &mut Request<Body>,
    url_params: Vec<(String, String)>,
    accept: Option<&str>,
) -> Response<Body> {
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
            sparql(endpoint, &q, &url_params, Vec::new(), accept)
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
            sparql(endpoint, &q, &all, Vec::new(), accept)
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
fn saved_list() -> Response<Body> {
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
fn saved_query(
    endpoint: &Endpoint,
    name: &str,
    url_params: &[(String, String)],
    accept: Option<&str>,
) -> Response<Body> {
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
    sparql(endpoint, &saved.text, url_params, bindings, accept)
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

//! `govgraph push` (issue 5) against a Graph Store Protocol server on
//! loopback that asks for HTTP Digest authentication, as Virtuoso's
//! `/sparql-graph-crud-auth` does. This stand-in records what arrives; CI
//! pushes to a real Virtuoso and runs the saved queries there
//! (tests/interop).

mod common;

use assert_cmd::Command;
use common::*;
use oxhttp::model::{Body, Method, Response, StatusCode};
use std::collections::BTreeMap;
use std::io::Read;
use std::sync::{Arc, Mutex};

type Graphs = Arc<Mutex<BTreeMap<String, Vec<String>>>>;

/// A GSP server accepting user `alice`; returns its endpoint and graphs.
fn server() -> (String, Graphs) {
    let graphs: Graphs = Arc::default();
    let seen = Arc::clone(&graphs);
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    oxhttp::Server::new(move |request| {
        let status = |s: StatusCode| Response::builder().status(s).body(Body::empty()).unwrap();
        let auth = request
            .headers()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        if !auth.starts_with("Digest ") {
            return Response::builder()
                .status(StatusCode::UNAUTHORIZED)
                .header(
                    "WWW-Authenticate",
                    r#"Digest realm="SPARQL", nonce="7a1c", opaque="5ebe", qop="auth", algorithm="MD5""#,
                )
                .body(Body::empty())
                .unwrap();
        }
        if !auth.contains(r#"username="alice""#) || !auth.contains(r#"realm="SPARQL""#) {
            return status(StatusCode::UNAUTHORIZED);
        }
        let graph = form_urlencoded::parse(request.uri().query().unwrap_or("").as_bytes())
            .find(|(k, _)| k == "graph")
            .map(|(_, v)| v.into_owned());
        let Some(graph) = graph else {
            return status(StatusCode::BAD_REQUEST);
        };
        match *request.method() {
            Method::GET => status(StatusCode::NOT_FOUND),
            Method::PUT => {
                // Virtuoso loads nothing from a chunked body: insist on a length.
                if request.headers().get("content-length").is_none()
                    || request.headers().get("content-type").map(|v| v.as_bytes())
                        != Some(b"application/n-triples")
                {
                    return status(StatusCode::LENGTH_REQUIRED);
                }
                let mut body = String::new();
                request.body_mut().read_to_string(&mut body).unwrap();
                let lines = body.lines().map(str::to_owned).collect();
                let new = seen.lock().unwrap().insert(graph, lines).is_none();
                status(if new { StatusCode::CREATED } else { StatusCode::NO_CONTENT })
            }
            _ => status(StatusCode::METHOD_NOT_ALLOWED),
        }
    })
    .bind(([127, 0, 0, 1], port))
    .spawn()
    .unwrap();
    (
        format!("http://127.0.0.1:{port}/sparql-graph-crud-auth"),
        graphs,
    )
}

fn govgraph() -> Command {
    let mut c = Command::cargo_bin("govgraph").unwrap();
    c.env_remove("GOVGRAPH_STORE")
        .env_remove("GOVGRAPH_USER")
        .env_remove("GOVGRAPH_PASSWORD");
    c
}

#[test]
fn every_graph_is_replaced_and_a_second_push_duplicates_nothing() {
    let (_tmp, store) = examples_store();
    let (endpoint, graphs) = server();
    // Fourteen documents, the ontology, the derived facts of the six
    // groups, the people's labels, and the union.
    let summary = regex::Regex::new(r"23 graphs \((\d+) triples\) replaced").unwrap();
    let mut reported = String::new();
    for _ in 0..2 {
        let out = govgraph()
            .args([
                "push",
                "--endpoint",
                &endpoint,
                "--user",
                "alice",
                "--store",
            ])
            .arg(&store)
            .env("GOVGRAPH_PASSWORD", "secret")
            .output()
            .unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(out.status.success(), "{stderr}");
        let said = summary
            .captures(&stderr)
            .unwrap_or_else(|| panic!("{stderr}"));
        reported = said[1].to_owned();
    }
    let db = govgraph::store::Store::open_read_only(std::path::Path::new(&store)).unwrap();
    let graphs = graphs.lock().unwrap();
    assert_eq!(graphs.len(), 23, "{:?}", graphs.keys());
    let received: usize = graphs.values().map(Vec::len).sum();
    assert_eq!(
        reported,
        received.to_string(),
        "the summary counts what was sent"
    );
    for (g, lines) in graphs.iter() {
        let want = if g == &govgraph::push::default_union_graph() {
            set(&db, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        } else {
            set(
                &db,
                &format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}"),
            )
        };
        assert_eq!(want, lines.len().to_string(), "{g}");
    }
}

fn set(db: &govgraph::store::Store, q: &str) -> String {
    rows(govgraph::query::run(db, q, Vec::new()).unwrap())
        .1
        .into_iter()
        .next()
        .unwrap()[0]
        .clone()
}

#[test]
fn missing_or_wrong_credentials_and_unreachable_servers_give_one_line_and_exit_2() {
    let (_tmp, store) = examples_store();
    let (endpoint, graphs) = server();
    // Arguments, environment, and what the error line says.
    type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], &'a str);
    let fragment = format!("{endpoint}#main");
    let named = format!("{endpoint}?graph=urn:x");
    // A server that takes the connection and never answers.
    let silent_server = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let silent = format!("http://{}/store", silent_server.local_addr().unwrap());
    let cases: [Case; 7] = [
        // Regression (issue 5 review): a fragment swallowed `?graph=`, so
        // every PUT replaced the server's default graph.
        (&["--endpoint", &fragment], &[], "has a #fragment"),
        (&["--endpoint", &named], &[], "already names a graph"),
        (
            &["--endpoint", &endpoint],
            &[],
            "asks for a user and password",
        ),
        (
            &["--endpoint", &endpoint, "--user", "mallory"],
            &[("GOVGRAPH_PASSWORD", "guess")],
            "refused the credentials of `mallory`",
        ),
        (
            &["--endpoint", &endpoint, "--user", "alice"],
            &[],
            "set GOVGRAPH_PASSWORD",
        ),
        (
            &["--endpoint", "http://127.0.0.1:1/store"],
            &[],
            "cannot reach http://127.0.0.1:1/store",
        ),
        // The limit the user set is named, not ureq's "timeout: global".
        (
            &["--endpoint", &silent, "--timeout", "0.5"],
            &[],
            "within 0.5 s (--timeout)",
        ),
    ];
    for (args, env, message) in cases {
        let mut c = govgraph();
        c.arg("push").args(args).arg("--store").arg(&store);
        for (k, v) in env {
            c.env(k, v);
        }
        let out = c.output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
    assert!(graphs.lock().unwrap().is_empty());
}

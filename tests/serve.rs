//! `govgraph serve` (issue 5) as a SPARQL 1.1 Protocol client meets it, on
//! loopback: GET and POST queries, content negotiation, refused updates,
//! the timeout, the saved queries. CI also drives it with curl,
//! SPARQLWrapper and rdflib (tests/interop).

mod common;

use assert_cmd::cargo::CommandCargoExt;
use common::*;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A `govgraph serve` on a free loopback port, stopped on drop.
struct Server {
    child: Child,
    base: String,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(timeout: &str) -> Server {
    start_with(&["--timeout", timeout])
}

fn start_with(options: &[&str]) -> Server {
    let (dir, store) = examples_store();
    // A port the system has just handed out and taken back is free.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::cargo_bin("govgraph")
        .unwrap()
        .arg("serve")
        .args(options)
        .args(["--bind", &format!("127.0.0.1:{port}"), "--store"])
        .arg(&store)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let server = Server {
        child,
        base,
        _dir: dir,
    };
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "server did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    server
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

struct Reply {
    status: u16,
    content_type: String,
    body: String,
}

fn reply(r: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
    let mut r = r.unwrap();
    Reply {
        status: r.status().as_u16(),
        content_type: r
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default(),
        body: r.body_mut().read_to_string().unwrap(),
    }
}

const MEETINGS: &str = "SELECT ?m WHERE { ?m a gg:Meeting }";

#[test]
fn queries_by_get_and_post_in_every_results_format() {
    let s = start("30");
    let url = format!("{}/sparql", s.base);
    let a = agent();
    // GET, default format: SPARQL JSON, the fourteen example meetings.
    let r = reply(a.get(&url).query("query", MEETINGS).call());
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.content_type, "application/sparql-results+json");
    let json: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(json["results"]["bindings"].as_array().unwrap().len(), 14);

    // POST as a form and as a query body, negotiated formats.
    for (accept, starts) in [
        ("application/sparql-results+xml", "<?xml"),
        ("text/csv", "m\r\n"),
        ("text/tab-separated-values", "?m\n"),
        ("text/html", "<!doctype html>"),
    ] {
        let r = reply(
            a.post(&url)
                .header("Accept", accept)
                .send_form([("query", MEETINGS)]),
        );
        assert_eq!(r.status, 200, "{accept}: {}", r.body);
        assert!(
            r.content_type.starts_with(accept),
            "{accept}: {}",
            r.content_type
        );
        assert!(
            r.body.starts_with(starts),
            "{accept}: {}",
            &r.body[..40.min(r.body.len())]
        );
        let r = reply(
            a.post(&url)
                .header("Accept", accept)
                .header("Content-Type", "application/sparql-query")
                .send(MEETINGS),
        );
        assert_eq!(r.status, 200, "{accept}");
        assert_eq!(r.body.matches("/meeting/").count(), 14, "{accept}");
    }

    // CONSTRUCT answers RDF: Turtle unless asked otherwise.
    let construct = "CONSTRUCT WHERE { ?m a gg:Meeting }";
    let r = reply(a.get(&url).query("query", construct).call());
    assert_eq!(r.content_type, "text/turtle; charset=utf-8");
    let r = reply(
        a.get(&url)
            .query("query", construct)
            .header("Accept", "application/n-triples")
            .call(),
    );
    assert_eq!(r.body.lines().count(), 14, "{}", r.body);

    // The protocol's dataset: one document's graph as the default graph.
    let r = reply(
        a.get(&url)
            .query("query", MEETINGS)
            .query(
                "default-graph-uri",
                "https://w3id.org/govgraph/id/doc/openwidget/tsc/meetings/2024-03-07.md",
            )
            .header("Accept", "text/csv")
            .call(),
    );
    assert_eq!(r.body.lines().count(), 2, "{}", r.body);

    // Saved queries by name, with typed parameters.
    let r = reply(a.get(format!("{}/queries", s.base)).call());
    let list: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert!(list.as_array().unwrap().len() >= 21);
    let r = reply(
        a.get(format!("{}/queries/decisions", s.base))
            .query("from", "not a date")
            .call(),
    );
    assert_eq!(r.status, 400, "{}", r.body);
}

#[test]
fn updates_bad_queries_and_slow_queries_get_clear_statuses() {
    let s = start("0.5");
    let url = format!("{}/sparql", s.base);
    let a = agent();
    let update = "DELETE WHERE { ?s ?p ?o }";
    let r = reply(
        a.post(&url)
            .header("Content-Type", "application/sparql-update")
            .send(update),
    );
    assert_eq!(r.status, 403);
    assert!(r.body.contains("read-only"));
    let r = reply(a.post(&url).send_form([("update", update)]));
    assert_eq!(r.status, 403);
    // Nothing was deleted.
    let r = reply(a.get(&url).query("query", MEETINGS).call());
    assert_eq!(r.body.matches("/meeting/").count(), 14);

    let r = reply(a.get(&url).query("query", "SELECT ?x WHERE { ?x }").call());
    assert_eq!(r.status, 400);
    assert!(r.body.starts_with("invalid SPARQL"), "{}", r.body);

    let r = reply(
        a.get(&url)
            .query("query", MEETINGS)
            .header("Accept", "image/png")
            .call(),
    );
    assert_eq!(r.status, 406);

    // A cross product of the whole graph with itself, twice: cancelled.
    let slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    let started = Instant::now();
    let r = reply(a.get(&url).query("query", slow).call());
    assert_eq!(r.status, 503, "{}", r.body);
    assert!(r.body.contains("timeout"), "{}", r.body);
    assert!(started.elapsed() < Duration::from_secs(20));
    // The server goes on answering.
    let r = reply(a.get(&url).query("query", MEETINGS).call());
    assert_eq!(r.status, 200);

    let r = reply(a.get(format!("{}/nothing-here", s.base)).call());
    assert_eq!(r.status, 404);
}

/// Guards issue 5: a response is built whole before it is sent, so a query
/// whose answer outgrows `--max-response` is refused rather than allowed to
/// fill the server's memory, and smaller answers are unaffected.
#[test]
fn responses_past_the_size_limit_are_refused() {
    let s = start_with(&["--max-response", "1"]);
    let url = format!("{}/sparql", s.base);
    let a = agent();
    // Every pair of triples: about four million rows, far past 1 MiB.
    let big = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }";
    for accept in ["application/sparql-results+json", "text/csv", "text/html"] {
        let r = reply(
            a.get(&url)
                .query("query", big)
                .header("Accept", accept)
                .call(),
        );
        assert_eq!(r.status, 500, "{accept}: {}", r.body);
        assert!(r.body.contains("limit of 1 MiB"), "{accept}: {}", r.body);
    }
    let pairs = "CONSTRUCT { ?a ?b ?f } WHERE { ?a ?b ?c . ?d ?e ?f }";
    let r = reply(
        a.get(&url)
            .query("query", pairs)
            .header("Accept", "text/turtle")
            .call(),
    );
    assert_eq!(r.status, 500, "{}", r.body);
    // The server goes on answering, and small answers are whole.
    let r = reply(a.get(&url).query("query", MEETINGS).call());
    assert_eq!(r.status, 200);
    assert_eq!(r.body.matches("/meeting/").count(), 14);
}

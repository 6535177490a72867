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
    start_logged(options, Stdio::null())
}

/// A server whose log (its stderr) goes to `log`.
fn start_logged(options: &[&str], log: impl Into<Stdio>) -> Server {
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
        .stderr(log)
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
    // GET, default format: SPARQL JSON, the sixteen example meetings.
    let r = reply(a.get(&url).query("query", MEETINGS).call());
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.content_type, "application/sparql-results+json");
    let json: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(json["results"]["bindings"].as_array().unwrap().len(), 16);

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
        assert_eq!(r.body.matches("/meeting/").count(), 16, "{accept}");
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
    assert_eq!(r.body.lines().count(), 16, "{}", r.body);

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
    assert_eq!(r.body.matches("/meeting/").count(), 16);

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
    // The server goes on answering, a query it has not answered before
    // (not from the cache).
    let r = reply(
        a.get(&url)
            .query("query", "SELECT ?p WHERE { ?p a schema:Person } LIMIT 1")
            .call(),
    );
    assert_eq!(r.status, 200, "{}", r.body);

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
    assert_eq!(r.body.matches("/meeting/").count(), 16);
}

/// The query of issue 13: the whole graph with itself, three times, then
/// sorted. Oxigraph cannot stop its sort once cancelled.
fn runaway(n: u32) -> String {
    format!("SELECT ?c ?f WHERE {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }} ORDER BY ?c ?f LIMIT {n}")
}

/// The worker processes of the server `s`.
fn workers(s: &Server) -> usize {
    let pid = s.child.id().to_string();
    std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter(|e| {
            let stat = std::fs::read_to_string(e.path().join("stat")).unwrap_or_default();
            stat.rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().nth(1))
                == Some(pid.as_str())
        })
        .count()
}

/// Guards issue 13, item 1: two runaway sorts answered 503 at the deadline
/// do not hold the endpoint. A cheap query is answered while they run, and
/// afterwards the server is back to its own workers (the runaways' were
/// killed, and their memory with them).
#[test]
fn runaway_sorts_neither_stall_the_endpoint_nor_outlive_their_deadline() {
    let s = start_with(&["--timeout", "2", "--workers", "2"]);
    let url = format!("{}/sparql", s.base);
    let runaways: Vec<_> = (1..=2)
        .map(|n| {
            let url = url.clone();
            std::thread::spawn(move || {
                let r = reply(agent().get(&url).query("query", runaway(n)).call());
                (r, Instant::now())
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let r = reply(agent().get(&url).query("query", MEETINGS).call());
    let cheap_done = Instant::now();
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body.matches("/meeting/").count(), 16);
    for t in runaways {
        let (r, done) = t.join().unwrap();
        assert_eq!(r.status, 503, "{}", r.body);
        assert!(r.body.contains("timeout"), "{}", r.body);
        // The cheap query did not wait for the runaways.
        assert!(cheap_done < done);
    }
    // The killed workers are replaced; the extra one started for the
    // cheap query ends after five idle seconds, leaving the two asked for.
    let start = Instant::now();
    let mut twos = 0;
    while twos < 5 {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{} workers",
            workers(&s)
        );
        std::thread::sleep(Duration::from_millis(200));
        twos = if start.elapsed() > Duration::from_secs(6) && workers(&s) == 2 {
            twos + 1
        } else {
            0
        };
    }
    let r = reply(agent().get(&url).query("query", "ASK {}").call());
    assert_eq!(r.status, 200);
}

/// Guards issue 13, item 2: idle connections and a client that trickles
/// its headers are closed at the request deadline (the deadline is for the
/// whole header, not per read), and new clients are answered meanwhile.
#[test]
fn idle_and_trickling_connections_are_closed_and_lock_nobody_out() {
    use std::io::{Read, Write};
    let s = start_with(&["--request-timeout", "1"]);
    let addr = s.base.trim_start_matches("http://").to_owned();
    let idle: Vec<std::net::TcpStream> = (0..200)
        .map(|_| std::net::TcpStream::connect(&addr).unwrap())
        .collect();
    let mut trickle = std::net::TcpStream::connect(&addr).unwrap();
    let r = reply(
        agent()
            .get(format!("{}/sparql", s.base))
            .query("query", MEETINGS)
            .call(),
    );
    assert_eq!(r.status, 200);
    // One header byte every 300 ms: each read comes in time, the whole
    // header does not.
    let header = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: slow\r\n\r\n";
    let start = Instant::now();
    let mut cut = false;
    for b in header {
        if trickle.write_all(std::slice::from_ref(b)).is_err() {
            cut = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    let mut rest = Vec::new();
    trickle
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let got = trickle.read_to_end(&mut rest);
    assert!(
        cut || got.is_ok() && !String::from_utf8_lossy(&rest).contains(" 200 "),
        "the trickling client was answered: {}",
        String::from_utf8_lossy(&rest)
    );
    assert!(start.elapsed() < Duration::from_secs(20));
    for mut socket in idle {
        socket
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let mut b = [0u8; 16];
        // Closed by the server: end of stream or a reset, never a timeout.
        match socket.read(&mut b) {
            Ok(n) => assert!(n == 0 || b.starts_with(b"HTTP/1.1 408")),
            Err(e) => assert_eq!(e.kind(), std::io::ErrorKind::ConnectionReset, "{e}"),
        }
    }
}

/// Guards issue 13, item 3: answers carry an ETag, a client holding it
/// gets 304 without the body, and a different query has a different one.
#[test]
fn answers_are_revalidated_with_etags() {
    let s = start("30");
    let url = format!("{}/queries/decisions", s.base);
    let a = agent();
    let first = a.get(&url).call().unwrap();
    assert_eq!(first.status().as_u16(), 200);
    let etag = first
        .headers()
        .get("etag")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    let mut again = a.get(&url).header("If-None-Match", &etag).call().unwrap();
    assert_eq!(again.status().as_u16(), 304);
    assert!(again.body_mut().read_to_string().unwrap().is_empty());
    assert_eq!(again.headers().get("etag").unwrap().to_str().unwrap(), etag);
    let mut stale = a
        .get(&url)
        .header("If-None-Match", "\"0000\"")
        .call()
        .unwrap();
    assert_eq!(stale.status().as_u16(), 200);
    assert!(!stale.body_mut().read_to_string().unwrap().is_empty());
    let other = a
        .get(format!("{}/queries/attendance", s.base))
        .call()
        .unwrap();
    assert_ne!(other.headers().get("etag").unwrap().to_str().unwrap(), etag);
    // Another format of the same query is another answer.
    let csv = a.get(&url).header("Accept", "text/csv").call().unwrap();
    assert_ne!(csv.headers().get("etag").unwrap().to_str().unwrap(), etag);
}

/// Guards issue 13, item 3: a query whose client has gone is stopped, so
/// its worker is free for the next.
#[test]
fn a_query_whose_client_has_gone_is_stopped() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log");
    let s = start_logged(
        &["--timeout", "60", "--workers", "1"],
        std::fs::File::create(&log).unwrap(),
    );
    let addr = s.base.trim_start_matches("http://").to_owned();
    let mut client = std::net::TcpStream::connect(&addr).unwrap();
    let path = form_urlencoded::byte_serialize(runaway(1).as_bytes()).collect::<String>();
    write!(
        client,
        "GET /sparql?query={path} HTTP/1.1\r\nHost: x\r\n\r\n"
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    drop(client);
    let start = Instant::now();
    // Stopped while it ran, or dropped from the queue on a slow machine.
    while !std::fs::read_to_string(&log)
        .unwrap()
        .contains("its client has gone")
    {
        assert!(start.elapsed() < Duration::from_secs(20), "not stopped");
        std::thread::sleep(Duration::from_millis(100));
    }
    let r = reply(
        agent()
            .get(format!("{}/sparql", s.base))
            .query("query", "ASK {}")
            .call(),
    );
    assert_eq!(r.status, 200);
}

//! Loading the graph into an external triple store through the SPARQL 1.1
//! Graph Store Protocol (`govgraph push`).
//!
//! Each named graph of the store (one per minutes document, the ontology,
//! the derived and suggestion graphs) is sent with `PUT ENDPOINT?graph=IRI`,
//! which replaces that graph on the server: pushing again updates, never
//! duplicates. The union of the documents (govgraph's default graph) is
//! sent as one more named graph, because servers differ on what their
//! default graph is (Virtuoso's is every graph, duplicates included, plus
//! its own system graphs); querying with `default-graph-uri` set to it
//! answers as `govgraph query` does.
//!
//! The server may ask for HTTP Digest (Virtuoso's
//! `/sparql-graph-crud-auth`) or Basic authentication; the credentials come
//! from the caller, who reads them from the environment or a prompt. The
//! body is always sent with a `Content-Length` (a chunked PUT makes
//! Virtuoso clear the graph and load nothing), and the challenge is fetched
//! with a body-less request first (Virtuoso resets a connection that sends
//! a large unauthenticated body).
//!
//! Nothing here prints; progress goes to a callback.

use crate::store::Store;
use crate::vocab;
use crate::{Error, Result};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedNode, Triple};
use std::time::Duration;

/// The graph the union of the documents is pushed as, unless told
/// otherwise.
pub fn default_union_graph() -> String {
    format!("{}graph/union", vocab::DEFAULT_BASE)
}

/// Checks that `endpoint` can take the `?graph=` that each PUT appends.
///
/// # Errors
///
/// Fails when it is not an http(s) URL, has a `#fragment` (which would
/// swallow `?graph=`) or already names a graph (`graph=` or `default`):
/// either way every PUT would replace the same graph.
pub fn check_endpoint(endpoint: &str) -> Result<()> {
    if !(endpoint.starts_with("http://") || endpoint.starts_with("https://")) {
        return Err(Error::Push(format!(
            "--endpoint `{endpoint}` is not an http:// or https:// URL"
        )));
    }
    if endpoint.contains('#') {
        return Err(Error::Push(format!(
            "--endpoint `{endpoint}` has a #fragment: give the Graph Store endpoint without it"
        )));
    }
    let query = endpoint.split_once('?').map_or("", |(_, q)| q);
    if form_urlencoded::parse(query.as_bytes()).any(|(k, _)| k == "graph" || k == "default") {
        return Err(Error::Push(format!(
            "--endpoint `{endpoint}` already names a graph: govgraph adds `?graph=` for each one"
        )));
    }
    Ok(())
}

/// Where and as whom to push.
#[derive(Debug, Clone)]
pub struct Target {
    /// The Graph Store Protocol endpoint (`…/sparql-graph-crud-auth` for
    /// Virtuoso, `…/store` for Oxigraph or Fuseki).
    pub endpoint: String,
    /// A user and password, used when the server asks for them.
    pub credentials: Option<(String, String)>,
    /// The graph to push the union of the documents as; none to skip it.
    pub union_graph: Option<NamedNode>,
    /// How long one request may take.
    pub timeout: Duration,
}

/// What a push did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Report {
    /// Graphs replaced on the server.
    pub graphs: usize,
    /// Triples sent.
    pub triples: usize,
}

/// Authentication state: the server's challenge, answered on each request.
enum Auth {
    None,
    Digest(Box<digest_auth::WwwAuthenticateHeader>),
    Basic(String),
}

struct Client {
    agent: ureq::Agent,
    target: Target,
    auth: Auth,
}

impl Client {
    fn url(&self, graph: &str) -> String {
        let sep = if self.target.endpoint.contains('?') {
            '&'
        } else {
            '?'
        };
        let encoded: String = form_urlencoded::byte_serialize(graph.as_bytes()).collect();
        format!("{}{sep}graph={encoded}", self.target.endpoint)
    }

    fn unreachable(&self, e: ureq::Error) -> Error {
        // ureq names a timeout by its internal kind ("timeout: global"),
        // which tells a user nothing about the limit they set.
        if let ureq::Error::Timeout(_) = e {
            return Error::Push(format!(
                "no answer from {} within {} s (--timeout)",
                self.target.endpoint,
                self.target.timeout.as_secs_f32()
            ));
        }
        Error::Push(format!("cannot reach {}: {e}", self.target.endpoint))
    }

    /// Learns how the server authenticates: a body-less request for a
    /// graph that does not exist.
    fn challenge(&mut self) -> Result<()> {
        let url = self.url("urn:govgraph:probe");
        let response = self
            .agent
            .get(&url)
            .call()
            .map_err(|e| self.unreachable(e))?;
        if response.status() == 401 {
            self.learn(&response)?;
        }
        Ok(())
    }

    fn learn(&mut self, response: &ureq::http::Response<ureq::Body>) -> Result<()> {
        let Some((user, password)) = self.target.credentials.clone() else {
            return Err(Error::Push(format!(
                "{} asks for a user and password: pass --user and set GOVGRAPH_PASSWORD \
                 (or answer the prompt)",
                self.target.endpoint
            )));
        };
        let header = response
            .headers()
            .get_all("www-authenticate")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .map(str::to_owned)
            .collect::<Vec<_>>();
        if let Some(d) = header.iter().find(|h| h.trim_start().starts_with("Digest")) {
            let parsed = digest_auth::parse(d).map_err(|e| {
                Error::Push(format!("cannot read the server's digest challenge: {e}"))
            })?;
            self.auth = Auth::Digest(Box::new(parsed));
        } else if header.iter().any(|h| h.trim_start().starts_with("Basic")) {
            use base64::Engine as _;
            let token =
                base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
            self.auth = Auth::Basic(format!("Basic {token}"));
        } else {
            return Err(Error::Push(format!(
                "{} asks for authentication govgraph does not speak ({})",
                self.target.endpoint,
                header.join("; ")
            )));
        }
        Ok(())
    }

    fn authorization(&mut self, url: &str, body: &[u8]) -> Result<Option<String>> {
        match &mut self.auth {
            Auth::None => Ok(None),
            Auth::Basic(h) => Ok(Some(h.clone())),
            Auth::Digest(challenge) => {
                let (user, password) = self.target.credentials.clone().unwrap_or_default();
                let uri = url
                    .find("://")
                    .and_then(|i| url[i + 3..].find('/').map(|j| &url[i + 3 + j..]))
                    .unwrap_or("/");
                let context = digest_auth::AuthContext::new_with_method(
                    user,
                    password,
                    uri,
                    Some(body),
                    digest_auth::HttpMethod::PUT,
                );
                let answer = challenge
                    .respond(&context)
                    .map_err(|e| Error::Push(format!("cannot answer the digest challenge: {e}")))?;
                Ok(Some(answer.to_header_string()))
            }
        }
    }

    /// Replaces `graph` on the server with `body` (N-Triples).
    fn put(&mut self, graph: &str, body: &[u8]) -> Result<()> {
        let url = self.url(graph);
        // A stale nonce earns a second challenge: answer it once.
        for attempt in 0..2 {
            let mut request = self
                .agent
                .put(&url)
                .header("Content-Type", "application/n-triples");
            if let Some(a) = self.authorization(&url, body)? {
                request = request.header("Authorization", a);
            }
            let mut response = request.send(body).map_err(|e| self.unreachable(e))?;
            let status = response.status();
            if status.is_success() {
                return Ok(());
            }
            let challenged = response.headers().contains_key("www-authenticate");
            if status == 401 && attempt == 0 && challenged {
                self.learn(&response)?;
                continue;
            }
            if status == 401 {
                break;
            }
            let text = response.body_mut().read_to_string().unwrap_or_default();
            let first = text
                .lines()
                .map(|l| l.trim())
                .find(|l| !l.is_empty() && !l.starts_with('<'))
                .unwrap_or("");
            return Err(Error::Push(format!(
                "{} refused the graph <{graph}>: {status}{}{first}",
                self.target.endpoint,
                if first.is_empty() { "" } else { ": " }
            )));
        }
        let user = self
            .target
            .credentials
            .as_ref()
            .map_or("", |c| c.0.as_str());
        Err(Error::Push(format!(
            "{} refused the credentials of `{user}` (401): check --user and GOVGRAPH_PASSWORD",
            self.target.endpoint
        )))
    }
}

fn ntriples(triples: &mut [Triple]) -> Result<Vec<u8>> {
    triples.sort_by_cached_key(ToString::to_string);
    let mut w = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
    for t in triples.iter() {
        w.serialize_triple(t)?;
    }
    Ok(w.finish()?)
}

/// Pushes every named graph of `store`, and the union, to `target`;
/// `progress` hears `(graphs done, graphs in all)`.
///
/// # Errors
///
/// Fails when the endpoint is not one [`check_endpoint`] accepts, cannot
/// be reached, asks for credentials that were not given, or refuses a
/// graph. Graphs pushed before the failure
/// stay replaced (each PUT is one graph); pushing again finishes the job.
pub fn push(store: &Store, target: &Target, progress: &dyn Fn(usize, usize)) -> Result<Report> {
    check_endpoint(&target.endpoint)?;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(target.timeout))
        .build()
        .into();
    let mut client = Client {
        agent,
        target: target.clone(),
        auth: Auth::None,
    };
    client.challenge()?;

    let db = store.oxigraph();
    let mut graphs: Vec<NamedNode> = db
        .named_graphs()
        .filter_map(|g| match g {
            // The store's bookkeeping describes this store, not the minutes.
            Ok(g) if crate::store::is_bookkeeping(&g) => None,
            Ok(oxigraph::model::NamedOrBlankNode::NamedNode(n)) => Some(Ok(n)),
            Ok(_) => None,
            Err(e) => Some(Err(e)),
        })
        .collect::<std::result::Result<_, _>>()?;
    graphs.sort();
    let total = graphs.len() + usize::from(target.union_graph.is_some());
    let mut report = Report::default();
    for g in &graphs {
        let mut triples: Vec<Triple> = db
            .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(g.as_ref())))
            .map(|q| q.map(Triple::from))
            .collect::<std::result::Result<_, _>>()?;
        report.triples += triples.len();
        client.put(g.as_str(), &ntriples(&mut triples)?)?;
        report.graphs += 1;
        progress(report.graphs, total);
    }
    if let Some(u) = &target.union_graph {
        let mut triples: Vec<Triple> = db
            .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
            .map(|q| q.map(Triple::from))
            .collect::<std::result::Result<_, _>>()?;
        report.triples += triples.len();
        client.put(u.as_str(), &ntriples(&mut triples)?)?;
        report.graphs += 1;
        progress(report.graphs, total);
    }
    Ok(report)
}

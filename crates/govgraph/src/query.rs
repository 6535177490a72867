//! Saved queries, parameter binding and result formats.
//!
//! Saved queries are the `.rq` files of `queries/`, embedded at build time.
//! Each starts with a header comment:
//!
//! ```text
//! # title: People in several groups
//! # question: Who attended meetings of more than one group or organisation?
//! # param: from date default 2020-01-01 — earliest meeting date
//! # example: govgraph query people-in-several-groups
//! ```
//!
//! A parameter is a SPARQL variable of the same name. Values are parsed into
//! typed RDF terms (IRI, `xsd:date`, `xsd:integer`, string) and bound through
//! the engine's variable substitution on the parsed query: they are never
//! spliced into the query text, so no value can change the query's shape.
//!
//! Queries run over the union of all document graphs: the store's default
//! graph, which holds that union as a set (see [`crate::store`]).

use crate::error::{Error, Result};
use crate::store::Store;
use crate::vocab;
use oxigraph::io::RdfFormat;
use oxigraph::model::vocab::xsd;
use oxigraph::model::{Literal, NamedNode, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{
    CancellationToken, QueryResults, QuerySolutionIter, SparqlEvaluator, Variable,
};
use std::io::Write;

include!(concat!(env!("OUT_DIR"), "/saved_queries.rs"));

/// The type of a query parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// An absolute IRI.
    Iri,
    /// A date, `YYYY-MM-DD`, bound as `xsd:date`.
    Date,
    /// A string literal.
    String,
    /// An integer, bound as `xsd:integer`.
    Integer,
}

/// A declared parameter of a saved query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    /// The name (the SPARQL variable without `?`).
    pub name: String,
    /// Its type.
    pub kind: ParamKind,
    /// The value used when none is given.
    pub default: Option<String>,
    /// What it means.
    pub description: String,
}

/// A saved query and what its header says.
#[derive(Debug, Clone)]
pub struct SavedQuery {
    /// The file name without `.rq`.
    pub name: String,
    /// A short title.
    pub title: String,
    /// The question it answers.
    pub question: String,
    /// Its parameters.
    pub params: Vec<Param>,
    /// An example command line.
    pub example: String,
    /// The SPARQL text.
    pub text: String,
}

/// Every saved query, sorted by name.
pub fn saved() -> Vec<SavedQuery> {
    SAVED
        .iter()
        .map(|(name, text)| parse_header(name, text))
        .collect()
}

/// The saved query called `name`.
///
/// # Errors
///
/// Fails when there is none.
pub fn find(name: &str) -> Result<SavedQuery> {
    saved()
        .into_iter()
        .find(|q| q.name == name)
        .ok_or_else(|| Error::UnknownQuery(name.to_owned()))
}

/// Reads the header comment of a query.
pub fn parse_header(name: &str, text: &str) -> SavedQuery {
    let mut q = SavedQuery {
        name: name.to_owned(),
        title: String::new(),
        question: String::new(),
        params: Vec::new(),
        example: String::new(),
        text: text.to_owned(),
    };
    for line in text
        .lines()
        .map(str::trim)
        .take_while(|l| l.starts_with('#') || l.is_empty())
    {
        let line = line.trim_start_matches('#').trim();
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match key.trim() {
            "title" => q.title = value.to_owned(),
            "question" => q.question = value.to_owned(),
            "example" => q.example = value.to_owned(),
            "param" => {
                if let Some(p) = parse_param(value) {
                    q.params.push(p);
                }
            }
            _ => {}
        }
    }
    q
}

fn parse_param(s: &str) -> Option<Param> {
    let (spec, description) = s
        .split_once('—')
        .or_else(|| s.split_once(" - "))
        .unwrap_or((s, ""));
    let mut words = spec.split_whitespace();
    let name = words.next()?.trim_start_matches('?').to_owned();
    let kind = match words.next()? {
        "iri" => ParamKind::Iri,
        "date" => ParamKind::Date,
        "integer" => ParamKind::Integer,
        _ => ParamKind::String,
    };
    let default = match words.next() {
        Some("default") => Some(words.collect::<Vec<_>>().join(" ")),
        _ => None,
    };
    Some(Param {
        name,
        kind,
        default,
        description: description.trim().to_owned(),
    })
}

/// Parses a parameter value into a typed term.
///
/// # Errors
///
/// Fails when the value is not of the parameter's type.
pub fn term(name: &str, kind: ParamKind, value: &str) -> Result<Term> {
    let bad = |what: &str| Error::Parameter(format!("parameter `{name}`: `{value}` is not {what}"));
    Ok(match kind {
        ParamKind::Iri => {
            let v = value.trim().trim_start_matches('<').trim_end_matches('>');
            let iri = NamedNode::new(v).map_err(|_| bad("an absolute IRI"))?;
            if !v.contains(':') {
                return Err(bad("an absolute IRI"));
            }
            iri.into()
        }
        ParamKind::Date => {
            let d = crate::parse::date::find(value)
                .filter(|d| d.iso() == value.trim())
                .ok_or_else(|| bad("a date (YYYY-MM-DD)"))?;
            Literal::new_typed_literal(d.iso(), xsd::DATE).into()
        }
        ParamKind::Integer => {
            Literal::from(value.trim().parse::<i64>().map_err(|_| bad("an integer"))?).into()
        }
        ParamKind::String => Literal::new_simple_literal(value).into(),
    })
}

/// Binds the given `name=value` pairs (and defaults) to a saved query's
/// declared parameters.
///
/// # Errors
///
/// Fails on an unknown parameter name or a value of the wrong type.
pub fn bind(params: &[Param], given: &[(String, String)]) -> Result<Vec<(Variable, Term)>> {
    let mut out = Vec::new();
    for (k, _) in given {
        if !params.iter().any(|p| &p.name == k) {
            let known: Vec<&str> = params.iter().map(|p| p.name.as_str()).collect();
            return Err(Error::Parameter(if known.is_empty() {
                format!("unknown parameter `{k}`: this query takes none")
            } else {
                format!(
                    "unknown parameter `{k}`: this query takes {}",
                    known.join(", ")
                )
            }));
        }
    }
    for p in params {
        let value = given
            .iter()
            .rev()
            .find(|(k, _)| k == &p.name)
            .map(|(_, v)| v.clone())
            .or_else(|| p.default.clone());
        if let Some(v) = value {
            out.push((
                Variable::new_unchecked(p.name.clone()),
                term(&p.name, p.kind, &v)?,
            ));
        }
    }
    Ok(out)
}

/// Binds `name=value` pairs to an ad-hoc query, guessing each value's type
/// (IRI, date, integer, else string).
///
/// # Errors
///
/// Fails on a name that is not a valid variable name.
pub fn bind_untyped(given: &[(String, String)]) -> Result<Vec<(Variable, Term)>> {
    given
        .iter()
        .map(|(k, v)| {
            let var = Variable::new(k.trim_start_matches('?'))
                .map_err(|_| Error::Parameter(format!("`{k}` is not a variable name")))?;
            let kind =
                if v.starts_with('<') || v.starts_with("http://") || v.starts_with("https://") {
                    ParamKind::Iri
                } else if term("", ParamKind::Date, v).is_ok() {
                    ParamKind::Date
                } else if v.parse::<i64>().is_ok() {
                    ParamKind::Integer
                } else {
                    ParamKind::String
                };
            Ok((var, term(k, kind, v)?))
        })
        .collect()
}

/// Runs a query over the union of all graphs, with variables bound.
///
/// Common prefixes (`gg:`, `schema:`, `foaf:`…) are predeclared. A bound
/// variable holds its value in every group of the query (a substitution,
/// as an initial binding), so `BOUND(?param)` is true wherever it is
/// written.
///
/// # Errors
///
/// Fails when the query does not parse or fails while running.
pub fn run(
    store: &Store,
    text: &str,
    bindings: Vec<(Variable, Term)>,
) -> Result<QueryResults<'static>> {
    run_with(store, text, bindings, &RunOptions::default())
}

/// How to run a query beyond its text: the SPARQL protocol's dataset and a
/// way to stop it.
#[derive(Default, Clone)]
pub struct RunOptions {
    /// `default-graph-uri`: these graphs' merge is the default graph
    /// instead of the union of all documents.
    pub default_graphs: Vec<NamedNode>,
    /// `named-graph-uri`: the only graphs `GRAPH ?g` sees.
    pub named_graphs: Vec<NamedNode>,
    /// Cancels the query (and the streaming of its results) when fired.
    pub cancel: Option<CancellationToken>,
}

/// Runs a query as [`run`] does, with a dataset and a cancellation token.
///
/// # Errors
///
/// Fails when the query does not parse or fails while running.
pub fn run_with(
    store: &Store,
    text: &str,
    bindings: Vec<(Variable, Term)>,
    options: &RunOptions,
) -> Result<QueryResults<'static>> {
    // Oxigraph's optimiser decides `BOUND(?v)` before the substitution
    // below, and folds it to false for a variable no pattern binds: the
    // test `FILTER(!BOUND(?person) || ...)` that saved queries use for an
    // optional parameter would keep every row. So the bound parameters'
    // tests are written true first.
    let text = with_bound(text, &bindings);
    let text = text.as_ref();
    let mut ev = SparqlEvaluator::new();
    for (p, ns) in vocab::PREFIXES {
        ev = ev
            .with_prefix(*p, *ns)
            .map_err(|e| Error::Internal(e.to_string()))?;
    }
    if let Some(token) = &options.cancel {
        ev = ev.with_cancellation_token(token.clone());
    }
    // The default graph is the set-union of the documents (see `store`).
    let mut prepared = ev.parse_query(text)?;
    if !options.default_graphs.is_empty() {
        prepared.dataset_mut().set_default_graph(
            options
                .default_graphs
                .iter()
                .map(|g| g.clone().into())
                .collect(),
        );
    }
    if !options.named_graphs.is_empty() {
        prepared.dataset_mut().set_available_named_graphs(
            options
                .named_graphs
                .iter()
                .map(|g| g.clone().into())
                .collect(),
        );
    }
    for (var, term) in bindings {
        prepared = prepared.substitute_variable(var, term);
    }
    Ok(prepared.on_store(store.oxigraph()).execute()?)
}

/// `text` with `BOUND(?v)` written `true` for each variable `v` of
/// `bindings`.
fn with_bound<'a>(text: &'a str, bindings: &[(Variable, Term)]) -> std::borrow::Cow<'a, str> {
    let mut text = std::borrow::Cow::Borrowed(text);
    for (var, _) in bindings {
        let test = regex::Regex::new(&format!(
            r"(?i)\bBOUND\s*\(\s*[?$]{}\s*\)",
            regex::escape(var.as_str())
        ))
        .expect("an escaped variable name makes a valid pattern");
        if let std::borrow::Cow::Owned(t) = test.replace_all(&text, "true") {
            text = std::borrow::Cow::Owned(t);
        }
    }
    text
}

/// How to write results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// A SPARQL results format (CSV, TSV, JSON, XML).
    Results(QueryResultsFormat),
    /// An RDF format, for CONSTRUCT and DESCRIBE.
    Rdf(RdfFormat),
}

/// Writes query results: solutions and booleans in a SPARQL results
/// format, graphs as RDF.
///
/// # Errors
///
/// Fails when the results do not fit the format (a graph as CSV, solutions
/// as Turtle), when the query fails while results stream, or on a write
/// error.
pub fn write(results: QueryResults<'_>, output: Output, mut out: impl Write) -> Result<()> {
    match (results, output) {
        (QueryResults::Graph(triples), Output::Rdf(format)) => {
            let mut w = crate::store::serializer(format).for_writer(out);
            for t in triples {
                w.serialize_triple(&t?)?;
            }
            w.finish()?;
        }
        (QueryResults::Graph(_), Output::Results(f)) => {
            return Err(Error::Parameter(format!(
                "--format {} is for SELECT and ASK results; a CONSTRUCT or DESCRIBE query writes RDF (turtle, ntriples, rdfxml, jsonld)",
                f.file_extension()
            )));
        }
        (QueryResults::Boolean(_) | QueryResults::Solutions(_), Output::Rdf(_)) => {
            return Err(Error::Parameter(
                "this RDF format is for CONSTRUCT and DESCRIBE queries; SELECT and ASK results use table, csv, tsv, json or xml".into(),
            ));
        }
        (QueryResults::Boolean(b), Output::Results(f)) => {
            QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(&mut out, b)?;
        }
        (QueryResults::Solutions(solutions), Output::Results(f)) => {
            let vars: Vec<Variable> = solutions.variables().to_vec();
            let mut w =
                QueryResultsSerializer::from_format(f).serialize_solutions_to_writer(out, vars)?;
            for s in solutions {
                w.serialize(&s?)?;
            }
            w.finish()?;
        }
    }
    Ok(())
}

/// Solutions as people read them: a header and rows of display strings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// The variables shown.
    pub header: Vec<String>,
    /// One row per solution, terms as [`display_term`] writes them.
    pub rows: Vec<Vec<String>>,
}

/// Collects solutions into a [`Table`], leaving out the variables in
/// `hidden` (a saved query's parameters, which the engine needs projected
/// but people need not see) when they hold one value on every row.
///
/// # Errors
///
/// Fails when the query fails while solutions stream.
pub fn table(solutions: QuerySolutionIter<'_>, hidden: &[String]) -> Result<Table> {
    let vars: Vec<Variable> = solutions.variables().to_vec();
    let mut all: Vec<Vec<String>> = Vec::new();
    for s in solutions {
        let s = s?;
        all.push(
            vars.iter()
                .map(|v| s.get(v).map(display_term).unwrap_or_default())
                .collect(),
        );
    }
    // A parameter's column is left out only when it holds the same value on
    // every row (the bound value, or nothing); a column that shares a
    // parameter's name but carries data stays.
    let keep: Vec<usize> = (0..vars.len())
        .filter(|&i| {
            !hidden.iter().any(|h| h == vars[i].as_str()) || all.iter().any(|r| r[i] != all[0][i])
        })
        .collect();
    Ok(Table {
        header: keep.iter().map(|&i| vars[i].as_str().to_owned()).collect(),
        rows: all
            .into_iter()
            .map(|row| keep.iter().map(|&i| row[i].clone()).collect())
            .collect(),
    })
}

/// A term as plain text: an IRI's text, a literal's lexical form (what a
/// table cell or a Rust map key wants; the datatype is dropped).
pub(crate) fn lexical(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => n.as_str().to_owned(),
        Term::Literal(l) => l.value().to_owned(),
        other => other.to_string(),
    }
}

/// A term as a person reads it: literals by value, IRIs with a known
/// prefix shortened.
pub fn display_term(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => {
            for (p, ns) in vocab::PREFIXES {
                if let Some(local) = n.as_str().strip_prefix(ns) {
                    return format!("{p}:{local}");
                }
            }
            n.as_str().to_owned()
        }
        Term::Literal(l) => l.value().to_owned(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_and_params() {
        let q = parse_header(
            "x",
            "# title: T\n# question: Who?\n# param: from date default 2020-01-01 — earliest date\n# param: group iri — the group\nSELECT * {}",
        );
        assert_eq!(q.title, "T");
        assert_eq!(q.params.len(), 2);
        assert_eq!(q.params[0].default.as_deref(), Some("2020-01-01"));
        assert_eq!(q.params[1].kind, ParamKind::Iri);
        let b = bind(&q.params, &[("group".into(), "https://e.org/g".into())]).unwrap();
        assert_eq!(b.len(), 2);
        assert!(bind(&q.params, &[("nope".into(), "1".into())]).is_err());
        assert!(bind(&q.params, &[("from".into(), "2020-13-01".into())]).is_err());
        assert!(bind(&q.params, &[("group".into(), "not an iri".into())]).is_err());
    }

    #[test]
    fn every_saved_query_parses_and_has_a_header() {
        for q in saved() {
            assert!(
                !q.title.is_empty() && !q.question.is_empty(),
                "{}: header",
                q.name
            );
            let _ = SparqlEvaluator::new()
                .parse_query(&q.text)
                .unwrap_or_else(|e| panic!("{}: {e}", q.name));
        }
    }

    /// Issue 16: an optional parameter is tested with `BOUND`, in the
    /// group it narrows; bound, it narrows, unbound, it keeps every row.
    #[test]
    fn a_bound_parameter_is_bound_in_every_group() {
        use oxigraph::model::{GraphName, Literal, NamedNode, Quad};
        let store = Store::memory().unwrap();
        let doc = NamedNode::new_unchecked("https://e.org/doc");
        let quads: Vec<Quad> = ["ana", "bo"]
            .iter()
            .map(|n| {
                Quad::new(
                    NamedNode::new_unchecked(format!("https://e.org/{n}")),
                    NamedNode::new_unchecked("http://xmlns.com/foaf/0.1/nick"),
                    Literal::new_simple_literal(*n),
                    GraphName::NamedNode(doc.clone()),
                )
            })
            .collect();
        store.replace_document(&doc, &quads).unwrap();
        let text = "SELECT ?p ?who WHERE { { ?p foaf:nick ?n FILTER(!BOUND(?who) || ?n = ?who) } }";
        let rows = |b: Vec<(Variable, Term)>| match run(&store, text, b).unwrap() {
            QueryResults::Solutions(s) => s.count(),
            _ => unreachable!(),
        };
        assert_eq!(rows(Vec::new()), 2);
        let who = Variable::new_unchecked("who");
        assert_eq!(
            rows(vec![(
                who.clone(),
                Literal::new_simple_literal("bo").into()
            )]),
            1
        );
        assert_eq!(
            rows(vec![(who, Literal::new_simple_literal("cy").into())]),
            0
        );
    }
}

//! `govgraph query`: a saved query, a .rq file or SPARQL text, answered on
//! stdout in the format asked.

use crate::cli::QueryFormat;
use crate::render;
use anyhow::{Context as _, Result, bail};
use govgraph::query::{self, Output};
use govgraph::store::Store;
use oxigraph::io::RdfFormat;
use oxigraph::sparql::QueryResults;
use oxigraph::sparql::results::QueryResultsFormat;
use std::io::{BufWriter, Write};
use std::path::Path;

/// `--list`: the saved queries, the questions they answer, their parameters.
pub fn list() -> Result<bool> {
    let mut out = std::io::stdout().lock();
    for q in query::saved() {
        writeln!(out, "{}\n    {}", q.name, q.question)?;
        for p in &q.params {
            let default = p
                .default
                .as_ref()
                .map(|d| format!(" (default {d})"))
                .unwrap_or_default();
            writeln!(
                out,
                "    --param {}=<{:?}>{default}  {}",
                p.name, p.kind, p.description
            )?;
        }
    }
    Ok(true)
}

pub fn run(
    name: Option<String>,
    sparql: Option<String>,
    params: &[(String, String)],
    format: QueryFormat,
    store_path: &Path,
) -> Result<bool> {
    let (text, bindings, hidden) = match (name, sparql) {
        (_, Some(text)) => {
            let b = query::bind_untyped(params)?;
            (text, b, Vec::new())
        }
        (Some(name), None) if name.ends_with(".rq") || Path::new(&name).is_file() => {
            let text =
                std::fs::read_to_string(&name).with_context(|| format!("cannot read {name}"))?;
            let q = query::parse_header(&name, &text);
            let b = if q.params.is_empty() {
                query::bind_untyped(params)?
            } else {
                query::bind(&q.params, params)?
            };
            let hidden = q.params.iter().map(|p| p.name.clone()).collect();
            (text, b, hidden)
        }
        (Some(name), None) => {
            let q = query::find(&name)?;
            let b = query::bind(&q.params, params)?;
            let hidden = q.params.iter().map(|p| p.name.clone()).collect();
            (q.text, b, hidden)
        }
        (None, None) => bail!(
            "give a saved query name, a .rq file or --sparql TEXT (see `govgraph query --list`)"
        ),
    };
    let store = Store::open_read_only(store_path)?;
    let results = query::run(&store, &text, bindings)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let output = match format {
        // A table for people; a graph has no table, so it reads as Turtle.
        QueryFormat::Table => match results {
            QueryResults::Solutions(s) => {
                render::table(&mut out, &query::table(s, &hidden)?)?;
                out.flush()?;
                return Ok(true);
            }
            QueryResults::Boolean(b) => {
                writeln!(out, "{b}")?;
                out.flush()?;
                return Ok(true);
            }
            QueryResults::Graph(g) => {
                query::write(
                    QueryResults::Graph(g),
                    Output::Rdf(RdfFormat::Turtle),
                    &mut out,
                )?;
                out.flush()?;
                return Ok(true);
            }
        },
        QueryFormat::Csv => Output::Results(QueryResultsFormat::Csv),
        QueryFormat::Tsv => Output::Results(QueryResultsFormat::Tsv),
        QueryFormat::Json => Output::Results(QueryResultsFormat::Json),
        QueryFormat::Xml => Output::Results(QueryResultsFormat::Xml),
        QueryFormat::Turtle => Output::Rdf(RdfFormat::Turtle),
        QueryFormat::Ntriples => Output::Rdf(RdfFormat::NTriples),
        QueryFormat::Rdfxml => Output::Rdf(RdfFormat::RdfXml),
        QueryFormat::Jsonld => Output::Rdf(RdfFormat::JsonLd {
            profile: Default::default(),
        }),
    };
    query::write(results, output, &mut out)?;
    out.flush()?;
    Ok(true)
}

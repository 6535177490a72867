//! The endpoint's HTML: the page to type queries on, and a query's results
//! rendered into it for a browser.

use super::worker::Capped;
use crate::query::{self, Output};
use oxigraph::io::RdfFormat;
use oxigraph::sparql::QueryResults;
use std::io::Write;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Results as an HTML fragment inside the page: a table for solutions, the
/// answer for ASK, Turtle for graphs.
pub(super) fn html(results: QueryResults<'_>, out: &mut Capped) -> crate::Result<()> {
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

/// The page with no results: what `GET /` and a bare `GET /sparql` show.
pub(super) fn page() -> String {
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

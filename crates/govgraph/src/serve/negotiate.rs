//! Content negotiation: the response format for a query's results, chosen
//! from the client's `Accept` header among what the query form can give.

use oxigraph::io::RdfFormat;
use oxigraph::sparql::results::QueryResultsFormat;

/// A response format chosen by content negotiation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Format {
    Results(QueryResultsFormat),
    Rdf(RdfFormat),
    Html,
}

/// What SELECT and ASK can answer, the default first.
pub(super) const RESULT_TYPES: &[(&str, Format)] = &[
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

/// What CONSTRUCT and DESCRIBE can answer, the default first.
pub(super) const GRAPH_TYPES: &[(&str, Format)] = &[
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

/// The media types a query form can answer: [`GRAPH_TYPES`] for a graph,
/// [`RESULT_TYPES`] otherwise.
pub(super) fn offers(graph: bool) -> &'static [(&'static str, Format)] {
    if graph { GRAPH_TYPES } else { RESULT_TYPES }
}

/// The format to answer a query with, `graph` telling whether it is a
/// CONSTRUCT or DESCRIBE; `None` when nothing the client accepts fits.
pub(super) fn choose(accept: Option<&str>, graph: bool) -> Option<(&'static str, Format)> {
    let (offers, other) = (offers(graph), offers(!graph));
    // A SPARQL client that asks for results formats for a CONSTRUCT (or
    // RDF for a SELECT) guessed the query form wrong: it gets the form's
    // default format, as other servers answer. Anything else unacceptable
    // is 406.
    negotiate(accept, offers).or_else(|| {
        negotiate(accept, other)
            .filter(|(_, f)| *f != Format::Html)
            .and_then(|_| offers.first().copied())
    })
}

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

    #[test]
    fn a_wrong_guess_of_the_query_form_gets_the_default_format() {
        let chosen = |a: &str, graph: bool| choose(Some(a), graph).map(|(t, _)| t);
        assert_eq!(
            chosen("application/sparql-results+json", true),
            Some("text/turtle")
        );
        assert_eq!(
            chosen("text/turtle", false),
            Some("application/sparql-results+json")
        );
        assert_eq!(chosen("text/html", true), Some("text/html"));
        assert_eq!(chosen("image/png", true), None);
        assert_eq!(chosen("image/png", false), None);
    }
}

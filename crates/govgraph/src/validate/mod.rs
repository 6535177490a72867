//! SHACL validation of the graph (`govgraph validate`).
//!
//! The shapes in `ontology/shapes.ttl` say what a valid meeting, person,
//! decision and action look like. This module reads shapes (those or a
//! user's), checks the default graph of an Oxigraph store against them and
//! reports each result with its focus node and, when the graph says where
//! the focus node came from, the minutes file and line.
//!
//! The SHACL engine itself is the `shacl` submodule, which knows no
//! vocabulary but SHACL's: see its documentation for the part of SHACL
//! Core it implements and why shapes that use anything else are refused.
//! What is govgraph's own lives here: the shapes govgraph ships, finding
//! the minutes file and line of a focus node (`source`, through the
//! provenance govgraph writes), and the one-line and short forms the CLI
//! prints.
//!
//! `validate` does no I/O of its own beyond reading the store it is given.

mod shacl;
mod source;

pub use shacl::{Path, SH, Severity, Shapes};
pub use source::Source;

use crate::vocab;
use crate::{Error, Result};
use oxigraph::io::RdfFormat;
use oxigraph::model::Term;
use oxigraph::store::Store;
use regex::Regex;

/// The shapes govgraph ships, as in `ontology/shapes.ttl`.
pub const SHAPES_TTL: &str = include_str!("../../../../ontology/shapes.ttl");

/// One SHACL validation result, with the minutes file and line its focus
/// node was read from.
pub type ValidationResult = shacl::ValidationResult<Source>;

/// What validating a graph found. The results are sorted by file, line,
/// focus node and component.
pub type Report = shacl::Report<Source>;

impl Shapes {
    /// The shapes govgraph ships.
    ///
    /// # Errors
    ///
    /// Fails only if the built-in shapes are broken, which is a bug.
    pub fn builtin() -> Result<Self> {
        Self::parse(SHAPES_TTL.as_bytes(), RdfFormat::Turtle, None)
            .map_err(|e| Error::Internal(format!("the built-in shapes: {e}")))
    }
}

/// Checks the default graph of `store` against `shapes`.
///
/// # Errors
///
/// Fails on a storage error.
pub fn validate(store: &Store, shapes: &Shapes) -> Result<Report> {
    let mut report = shacl::validate(store, shapes, &Minutes)?;
    // The engine sorts by focus node, path, component and value; a stable
    // sort by place keeps that order among the results of one line.
    report.results.sort_by(|a, b| {
        let place = |r: &ValidationResult| {
            (
                r.source.as_ref().map(|s| s.file.clone()),
                r.source.as_ref().and_then(|s| s.line),
            )
        };
        place(a).cmp(&place(b))
    });
    Ok(report)
}

/// What the SHACL engine asks of govgraph: results are placed in the
/// minutes they were read from, and messages write IRIs with govgraph's
/// prefixes.
struct Minutes;

impl shacl::Host for Minutes {
    type Source = Source;

    fn locate(&self, store: &Store, focus: &Term) -> Result<Option<Source>> {
        source::locate(store, focus)
    }

    fn short(&self, term: &str) -> String {
        short(term)
    }
}

/// One result as a line: `file:line: severity: focus path: message
/// (detail)`, the file and line being where the minutes said it (`-` when
/// the graph does not say).
pub fn result_line(r: &ValidationResult) -> String {
    let place = match &r.source {
        Some(s) => match s.line {
            Some(l) => format!("{}:{l}", s.file),
            None => s.file.clone(),
        },
        None => "-".to_owned(),
    };
    let path = r
        .path
        .as_deref()
        .map(|p| format!(" {}", short_all(p)))
        .unwrap_or_default();
    let detail = r
        .detail
        .as_deref()
        .map(|d| format!(" ({d})"))
        .unwrap_or_default();
    format!(
        "{place}: {}: {}{path}: {}{detail}",
        r.severity, r.focus, r.message
    )
}

/// A path or term in SPARQL syntax with its IRIs written with govgraph's
/// prefixes where one fits (`gg:meeting/schema:attendee`).
pub fn short_all(text: &str) -> String {
    use std::sync::LazyLock;
    static IRI: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[^>\s]*>").unwrap());
    IRI.replace_all(text, |c: &regex::Captures<'_>| short(&c[0]))
        .into_owned()
}

/// An IRI written with govgraph's prefixes when one fits.
pub fn short(iri: &str) -> String {
    let bare = iri
        .strip_prefix('<')
        .and_then(|s| s.strip_suffix('>'))
        .unwrap_or(iri);
    for (prefix, ns) in vocab::PREFIXES {
        if let Some(local) = bare.strip_prefix(ns) {
            if !local.is_empty() && local.chars().all(|c| c.is_alphanumeric() || c == '_') {
                return format!("{prefix}:{local}");
            }
        }
    }
    iri.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_shapes_parse() {
        let s = Shapes::builtin().unwrap();
        assert!(s.len() > 20, "{} shapes", s.len());
    }

    #[test]
    fn iris_are_written_with_govgraph_prefixes() {
        assert_eq!(short("<https://schema.org/text>"), "schema:text");
        assert_eq!(
            short("<https://schema.org/a/b>"),
            "<https://schema.org/a/b>"
        );
        assert_eq!(
            short_all("^<https://w3id.org/govgraph/ns#person>/<https://schema.org/name>"),
            "^gg:person/schema:name"
        );
    }

    #[test]
    fn results_are_placed_in_the_minutes_and_tied_to_them_in_rdf() {
        let gg = vocab::GG;
        let data = format!(
            "@prefix gg: <{gg}> .
             @prefix prov: <http://www.w3.org/ns/prov#> .
             @prefix dcterms: <http://purl.org/dc/terms/> .
             <https://example.org/doc> a gg:MinutesDocument ; gg:sourcePath \"tsc/2024-01-01.md\" ;
                 dcterms:isPartOf <https://github.com/o/r> .
             <https://example.org/d1> a gg:Decision ;
                 prov:wasDerivedFrom <https://example.org/doc> ; gg:sourceLine 7 ."
        );
        let shapes = format!(
            "@prefix sh: <http://www.w3.org/ns/shacl#> .
             <https://example.org/S> a sh:NodeShape ; sh:targetClass <{gg}Decision> ;
                 sh:property [ sh:path <https://schema.org/text> ; sh:minCount 1 ] ."
        );
        let shapes = Shapes::parse(shapes.as_bytes(), RdfFormat::Turtle, None).unwrap();
        let store = Store::new().unwrap();
        store
            .load_from_slice(RdfFormat::Turtle, data.as_bytes())
            .unwrap();
        let report = validate(&store, &shapes).unwrap();
        assert_eq!(report.results.len(), 1);
        let r = &report.results[0];
        assert_eq!(
            r.source,
            Some(Source {
                document: "https://example.org/doc".into(),
                file: "o/r/tsc/2024-01-01.md".into(),
                line: Some(7),
            })
        );
        assert_eq!(
            result_line(r),
            "o/r/tsc/2024-01-01.md:7: violation: <https://example.org/d1> schema:text: \
             needs at least 1 value(s)"
        );
        let triples = report.to_triples();
        for p in [vocab::prov::WAS_DERIVED_FROM, vocab::gg::SOURCE_LINE] {
            assert!(
                triples.iter().any(|t| t.predicate.as_str() == p),
                "no {p} in {triples:#?}"
            );
        }
    }
}

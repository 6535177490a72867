//! A SHACL Core validator for an Oxigraph store.
//!
//! It implements the part of SHACL Core that describes data of the kind a
//! knowledge graph of records holds: the four target kinds; predicate,
//! inverse and sequence paths; the cardinality, value type (`sh:class`,
//! `sh:datatype`, `sh:nodeKind`), string (`sh:pattern`, `sh:minLength`,
//! `sh:maxLength`), value (`sh:in`, `sh:hasValue`) and logical (`sh:node`,
//! `sh:or`, `sh:not`) constraints; `sh:severity`, `sh:message` and
//! `sh:deactivated`. Shapes that use anything else are refused with an
//! error naming what is missing, because a validator that skips a
//! constraint it does not know would report "conforms" for data that does
//! not. Results follow the SHACL specification, so a full SHACL processor
//! reports the same ones; `tests/shacl_w3c.rs` runs the cases of the W3C
//! SHACL test suite for each supported feature.
//!
//! The module knows nothing about the application around it. What a result
//! says about where its focus node came from, and how a message writes an
//! IRI briefly, are asked of a [`Host`].
//!
//! - `model`: shapes as the validator holds them.
//! - `shapes`: reads shapes into that model, refusing what is not
//!   implemented.
//! - `engine`: selects focus nodes and evaluates constraints.
//! - `report`: the results, and the report as a SHACL validation report
//!   graph.

mod engine;
mod model;
mod report;
mod shapes;

pub use engine::{Host, validate};
pub use report::{Origin, Report, ValidationResult};
pub use shapes::Shapes;

use oxigraph::model::{NamedNode, NamedOrBlankNodeRef, Term};
use std::fmt;

/// The SHACL namespace.
pub const SH: &str = "http://www.w3.org/ns/shacl#";

/// The term `sh:local`.
fn sh(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{SH}{local}"))
}

/// A term as the subject of a triple, when it can be one (a literal
/// cannot).
fn as_subject(t: &Term) -> Option<NamedOrBlankNodeRef<'_>> {
    match t {
        Term::NamedNode(n) => Some(n.as_ref().into()),
        Term::BlankNode(b) => Some(b.as_ref().into()),
        _ => None,
    }
}

/// How serious a validation result is (`sh:severity`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// `sh:Violation`, the default.
    Violation,
    /// `sh:Warning`.
    Warning,
    /// `sh:Info`.
    Info,
}

impl Severity {
    fn iri(self) -> NamedNode {
        sh(match self {
            Severity::Violation => "Violation",
            Severity::Warning => "Warning",
            Severity::Info => "Info",
        })
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Violation => "violation",
            Severity::Warning => "warning",
            Severity::Info => "info",
        })
    }
}

/// A SHACL property path, as far as this validator supports them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Path {
    /// A predicate IRI.
    Predicate(NamedNode),
    /// `[ sh:inversePath p ]`.
    Inverse(NamedNode),
    /// An RDF list of paths, followed in turn.
    Sequence(Vec<Path>),
}

impl fmt::Display for Path {
    /// Writes the path in SPARQL syntax with full IRIs (`<p>`, `^<p>`,
    /// `<a>/<b>`), the form the JSON output uses.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Predicate(p) => write!(f, "{p}"),
            Path::Inverse(p) => write!(f, "^{p}"),
            Path::Sequence(s) => {
                for (i, p) in s.iter().enumerate() {
                    if i > 0 {
                        f.write_str("/")?;
                    }
                    write!(f, "{p}")?;
                }
                Ok(())
            }
        }
    }
}

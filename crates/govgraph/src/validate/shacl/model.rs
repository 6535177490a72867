//! The validator's model of a shapes graph.
//!
//! Shapes are read once (see `shapes`) into a list of [`Shape`]s that
//! point to each other by index, so that evaluating never goes back to the
//! RDF and a recursive shape is a cycle of indices rather than of
//! references.

use super::{Path, Severity};
use oxigraph::model::{Literal, NamedNode, NamedOrBlankNode, Term};
use regex::Regex;

/// The values of `sh:nodeKind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NodeKind {
    Iri,
    BlankNode,
    Literal,
    BlankNodeOrIri,
    BlankNodeOrLiteral,
    IriOrLiteral,
}

/// How a shape selects its focus nodes: `sh:targetClass` (or being a
/// class itself), `sh:targetNode`, `sh:targetSubjectsOf` and
/// `sh:targetObjectsOf`.
#[derive(Debug)]
pub(super) enum Target {
    Class(NamedNode),
    Node(Term),
    SubjectsOf(NamedNode),
    ObjectsOf(NamedNode),
}

/// One constraint of a shape, its parameters read and checked. Shapes that
/// a constraint names (`sh:node`, `sh:or`, `sh:not`) are indices into
/// `Shapes`.
#[derive(Debug)]
pub(super) enum Constraint {
    Class(NamedNode),
    Datatype(NamedNode),
    NodeKind(NodeKind),
    MinCount(usize),
    MaxCount(usize),
    MinLength(usize),
    MaxLength(usize),
    /// The compiled expression, and the pattern as written (for messages).
    Pattern(Regex, String),
    In(Vec<Term>),
    HasValue(Term),
    Node(usize),
    Or(Vec<usize>),
    Not(usize),
}

impl Constraint {
    /// `sh:pattern`: a SPARQL-style regular expression with its
    /// `sh:flags` (`i`, `s`, `m`, `x`, and `q` for a literal string).
    pub(super) fn pattern(p: &str, flags: &str) -> Result<Constraint, String> {
        let mut inline = String::new();
        for f in flags.chars() {
            match f {
                'i' | 's' | 'm' | 'x' => inline.push(f),
                'q' => {
                    let re = Regex::new(&regex::escape(p)).map_err(|e| e.to_string())?;
                    return Ok(Constraint::Pattern(re, p.to_owned()));
                }
                other => return Err(format!("unknown regex flag `{other}`")),
            }
        }
        let full = if inline.is_empty() {
            p.to_owned()
        } else {
            format!("(?{inline}){p}")
        };
        // The size limit keeps a hostile pattern from taking the memory
        // of the whole process.
        let re = regex::RegexBuilder::new(&full)
            .size_limit(1 << 20)
            .build()
            .map_err(|e| e.to_string())?;
        Ok(Constraint::Pattern(re, p.to_owned()))
    }

    /// The local name of the constraint component, as reported in
    /// `sh:sourceConstraintComponent`.
    pub(super) fn component(&self) -> &'static str {
        match self {
            Constraint::Class(_) => "ClassConstraintComponent",
            Constraint::Datatype(_) => "DatatypeConstraintComponent",
            Constraint::NodeKind(_) => "NodeKindConstraintComponent",
            Constraint::MinCount(_) => "MinCountConstraintComponent",
            Constraint::MaxCount(_) => "MaxCountConstraintComponent",
            Constraint::MinLength(_) => "MinLengthConstraintComponent",
            Constraint::MaxLength(_) => "MaxLengthConstraintComponent",
            Constraint::Pattern(..) => "PatternConstraintComponent",
            Constraint::In(_) => "InConstraintComponent",
            Constraint::HasValue(_) => "HasValueConstraintComponent",
            Constraint::Node(_) => "NodeConstraintComponent",
            Constraint::Or(_) => "OrConstraintComponent",
            Constraint::Not(_) => "NotConstraintComponent",
        }
    }
}

/// One shape, node or property (a property shape has a path). Shapes refer
/// to each other by their index in [`Shapes`].
#[derive(Debug)]
pub(super) struct Shape {
    pub(super) id: NamedOrBlankNode,
    pub(super) label: Option<String>,
    pub(super) path: Option<Path>,
    pub(super) targets: Vec<Target>,
    pub(super) constraints: Vec<Constraint>,
    pub(super) properties: Vec<usize>,
    pub(super) severity: Severity,
    /// The `sh:message` reported for each result, language tag and all.
    pub(super) message: Option<Literal>,
    pub(super) deactivated: bool,
}

//! Validation results, and the report as a SHACL validation report graph.

use super::{Path, Severity, sh};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{BlankNode, Literal, NamedNode, NamedOrBlankNode, Term, Triple};

/// Where a result's focus node came from, as the application around the
/// validator knows it (see [`super::Host`]), and how the RDF report says
/// so.
pub trait Origin {
    /// Adds to `out` the triples that tie `result` (a node of the report)
    /// to this origin.
    fn triples(&self, result: &BlankNode, out: &mut Vec<Triple>);
}

/// No origin at all, for a host that does not track one.
impl Origin for () {
    fn triples(&self, _: &BlankNode, _: &mut Vec<Triple>) {}
}

/// One SHACL validation result, with `S` saying where its focus node came
/// from.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ValidationResult<S = ()> {
    /// `sh:resultSeverity`.
    pub severity: Severity,
    /// `sh:focusNode`, in N-Triples syntax.
    pub focus: String,
    /// `sh:resultPath`, in SPARQL syntax with full IRIs.
    pub path: Option<String>,
    /// `sh:value`, in N-Triples syntax.
    pub value: Option<String>,
    /// `sh:sourceConstraintComponent`, a full IRI.
    pub component: String,
    /// `sh:sourceShape`, in N-Triples syntax (blank nodes numbered in
    /// order of appearance in the shapes file).
    pub shape: String,
    /// `sh:resultMessage`: the shape's `sh:message`, or a description.
    pub message: String,
    /// Where the focus node comes from.
    pub source: Option<S>,
    /// For a `sh:node` result, the first reason the value did not conform.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(skip)]
    pub(super) parts: Parts,
}

/// The terms of a result, for the RDF report.
#[derive(Debug, Clone)]
pub(super) struct Parts {
    pub(super) focus: Term,
    pub(super) path: Option<Path>,
    pub(super) value: Option<Term>,
    pub(super) shape: NamedOrBlankNode,
    /// The message as a literal, keeping the language tag of the shape's
    /// `sh:message`.
    pub(super) message: Literal,
}

/// What validating a graph found.
#[derive(Debug)]
pub struct Report<S = ()> {
    /// The results, sorted by focus node, path, component and value (by
    /// source first, when the host gives one).
    pub results: Vec<ValidationResult<S>>,
    /// How many focus nodes the targets selected.
    pub focus_nodes: usize,
}

// Written out rather than derived: a derived `Default` would ask for
// `S: Default`, which an origin has no reason to be.
impl<S> Default for Report<S> {
    fn default() -> Self {
        Report {
            results: Vec::new(),
            focus_nodes: 0,
        }
    }
}

impl<S> Report<S> {
    /// Whether the data conforms: no result of any severity (as SHACL
    /// defines `sh:conforms`).
    pub fn conforms(&self) -> bool {
        self.results.is_empty()
    }

    /// How many results have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.results
            .iter()
            .filter(|r| r.severity == severity)
            .count()
    }
}

impl<S: Origin> Report<S> {
    /// The report as a SHACL validation report graph
    /// (`sh:ValidationReport`), each result also tied to where its focus
    /// node came from by the triples its origin gives.
    pub fn to_triples(&self) -> Vec<Triple> {
        let mut out = Vec::new();
        let mut details = Vec::new();
        let report = BlankNode::new_unchecked("report");
        out.push(Triple::new(
            report.clone(),
            rdf::TYPE,
            sh("ValidationReport"),
        ));
        out.push(Triple::new(
            report.clone(),
            sh("conforms"),
            Literal::from(self.conforms()),
        ));
        let mut fresh = 0usize;
        for (i, r) in self.results.iter().enumerate() {
            let n = BlankNode::new_unchecked(format!("result{}", i + 1));
            out.push(Triple::new(report.clone(), sh("result"), n.clone()));
            result_triples(r, &n, &mut fresh, &mut details);
        }
        out.append(&mut details);
        out
    }
}

/// The triples that describe result `r`, named `n`.
fn result_triples<S: Origin>(
    r: &ValidationResult<S>,
    n: &BlankNode,
    fresh: &mut usize,
    out: &mut Vec<Triple>,
) {
    out.push(Triple::new(n.clone(), rdf::TYPE, sh("ValidationResult")));
    out.push(Triple::new(
        n.clone(),
        sh("resultSeverity"),
        r.severity.iri(),
    ));
    out.push(Triple::new(
        n.clone(),
        sh("focusNode"),
        r.parts.focus.clone(),
    ));
    if let Some(p) = &r.parts.path {
        let t = path_term(p, fresh, out);
        out.push(Triple::new(n.clone(), sh("resultPath"), t));
    }
    if let Some(v) = &r.parts.value {
        out.push(Triple::new(n.clone(), sh("value"), v.clone()));
    }
    out.push(Triple::new(
        n.clone(),
        sh("sourceConstraintComponent"),
        NamedNode::new_unchecked(r.component.clone()),
    ));
    out.push(Triple::new(
        n.clone(),
        sh("sourceShape"),
        r.parts.shape.clone(),
    ));
    out.push(Triple::new(
        n.clone(),
        sh("resultMessage"),
        r.parts.message.clone(),
    ));
    if let Some(s) = &r.source {
        s.triples(n, out);
    }
}

/// A path as SHACL writes it in RDF: the predicate itself, a blank node
/// with `sh:inversePath`, or an RDF list of steps. Blank nodes are named
/// `_:path1`, `_:path2`... in order, so that reports are stable.
fn path_term(p: &Path, fresh: &mut usize, out: &mut Vec<Triple>) -> Term {
    let mut node = || {
        *fresh += 1;
        BlankNode::new_unchecked(format!("path{fresh}"))
    };
    match p {
        Path::Predicate(n) => n.clone().into(),
        Path::Inverse(n) => {
            let b = node();
            out.push(Triple::new(b.clone(), sh("inversePath"), n.clone()));
            b.into()
        }
        Path::Sequence(steps) => {
            let cells: Vec<BlankNode> = steps.iter().map(|_| node()).collect();
            for (i, (cell, step)) in cells.iter().zip(steps).enumerate() {
                let t = path_term(step, fresh, out);
                out.push(Triple::new(cell.clone(), rdf::FIRST, t));
                let rest: Term = match cells.get(i + 1) {
                    Some(next) => next.clone().into(),
                    None => rdf::NIL.into_owned().into(),
                };
                out.push(Triple::new(cell.clone(), rdf::REST, rest));
            }
            cells
                .first()
                .map_or_else(|| rdf::NIL.into_owned().into(), |c| c.clone().into())
        }
    }
}

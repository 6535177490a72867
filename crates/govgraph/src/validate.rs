//! SHACL validation of the graph (`govgraph validate`).
//!
//! The shapes in `ontology/shapes.ttl` say what a valid meeting, person,
//! decision and action look like. This module reads shapes (those or a
//! user's), checks the default graph of an Oxigraph store against them and
//! reports each result with its focus node and, when the graph says where
//! the focus node came from, the minutes file and line.
//!
//! It implements the part of SHACL Core that describes data of this kind:
//! the four target kinds; predicate, inverse and sequence paths; the
//! cardinality, value type (`sh:class`, `sh:datatype`, `sh:nodeKind`),
//! string (`sh:pattern`, `sh:minLength`, `sh:maxLength`), value (`sh:in`,
//! `sh:hasValue`) and logical (`sh:node`, `sh:or`, `sh:not`) constraints;
//! `sh:severity`, `sh:message` and `sh:deactivated`. Shapes that use
//! anything else are refused with an error naming what is missing, because
//! a validator that skips a constraint it does not know would report
//! "conforms" for data that does not. Results follow the SHACL
//! specification, so a full SHACL processor (pyshacl, in CI) reports the
//! same ones.
//!
//! `validate` does no I/O of its own beyond reading the store it is given.

use crate::vocab::{self, dcterms, gg, prov};
use crate::{Error, Result};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{
    BlankNode, Graph, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode,
    NamedOrBlankNodeRef, Term, TermRef, Triple,
};
use oxigraph::store::Store;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::str::FromStr;

/// The SHACL namespace.
pub const SH: &str = "http://www.w3.org/ns/shacl#";

/// The shapes govgraph ships, as in `ontology/shapes.ttl`.
pub const SHAPES_TTL: &str = include_str!("../../../ontology/shapes.ttl");

fn sh(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{SH}{local}"))
}

/// The `sh:` terms a shape may use. Anything else in the SHACL namespace
/// is a feature govgraph does not implement.
const KNOWN: &[&str] = &[
    "targetClass",
    "targetNode",
    "targetSubjectsOf",
    "targetObjectsOf",
    "property",
    "path",
    "class",
    "datatype",
    "nodeKind",
    "minCount",
    "maxCount",
    "minLength",
    "maxLength",
    "pattern",
    "flags",
    "in",
    "hasValue",
    "node",
    "or",
    "not",
    "severity",
    "message",
    "deactivated",
    "name",
    "description",
    "order",
    "group",
    "defaultValue",
];

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

/// A SHACL property path, as far as govgraph supports them.
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NodeKind {
    Iri,
    BlankNode,
    Literal,
    BlankNodeOrIri,
    BlankNodeOrLiteral,
    IriOrLiteral,
}

#[derive(Debug)]
enum Target {
    Class(NamedNode),
    Node(Term),
    SubjectsOf(NamedNode),
    ObjectsOf(NamedNode),
}

#[derive(Debug)]
enum Constraint {
    Class(NamedNode),
    Datatype(NamedNode),
    NodeKind(NodeKind),
    MinCount(usize),
    MaxCount(usize),
    MinLength(usize),
    MaxLength(usize),
    Pattern(Regex, String),
    In(Vec<Term>),
    HasValue(Term),
    Node(usize),
    Or(Vec<usize>),
    Not(usize),
}

impl Constraint {
    /// The IRI of the constraint component, as reported in
    /// `sh:sourceConstraintComponent`.
    fn component(&self) -> &'static str {
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

#[derive(Debug)]
struct Shape {
    id: NamedOrBlankNode,
    label: Option<String>,
    path: Option<Path>,
    targets: Vec<Target>,
    constraints: Vec<Constraint>,
    properties: Vec<usize>,
    severity: Severity,
    message: Option<String>,
    deactivated: bool,
}

/// A set of SHACL shapes, read and checked for features govgraph
/// supports.
#[derive(Debug)]
pub struct Shapes {
    shapes: Vec<Shape>,
}

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

    /// Reads shapes from RDF in `format`, resolving relative IRIs against
    /// `base` (the file's URL) when given.
    ///
    /// # Errors
    ///
    /// Fails when the RDF does not parse, when it holds no shape, when a
    /// shape is malformed (a `sh:minCount` that is not a number, a path
    /// that is not a path) or uses a SHACL feature govgraph does not
    /// implement.
    pub fn parse(rdf: &[u8], format: RdfFormat, base: Option<&str>) -> Result<Self> {
        let mut graph = Graph::new();
        // Blank nodes are named by order of appearance, so that reports
        // name the same property shape the same way on every run.
        let mut names: HashMap<BlankNode, BlankNode> = HashMap::new();
        let mut stable = |b: &BlankNode| {
            let n = names.len();
            names
                .entry(b.clone())
                .or_insert_with(|| BlankNode::new_unchecked(format!("shape{n}")))
                .clone()
        };
        let mut parser = RdfParser::from_format(format);
        if let Some(b) = base {
            parser = parser
                .with_base_iri(b)
                .map_err(|e| Error::Shapes(format!("bad base IRI {b}: {e}")))?;
        }
        for t in parser.for_slice(rdf) {
            let q = t.map_err(|e| Error::Shapes(e.to_string()))?;
            let subject: NamedOrBlankNode = match &q.subject {
                NamedOrBlankNode::BlankNode(b) => stable(b).into(),
                other => other.clone(),
            };
            let object: Term = match &q.object {
                Term::BlankNode(b) => stable(b).into(),
                other => other.clone(),
            };
            graph.insert(&Triple::new(subject, q.predicate, object));
        }
        let mut parser = ShapeParser {
            graph: &graph,
            shapes: Vec::new(),
            index: HashMap::new(),
            implicit: HashSet::new(),
        };
        // Shapes with targets, or declared node shapes, are the roots;
        // the shapes they point to are read on the way.
        let targets = [
            "targetClass",
            "targetNode",
            "targetSubjectsOf",
            "targetObjectsOf",
        ];
        let mut roots: Vec<NamedOrBlankNode> = Vec::new();
        for t in targets {
            let p = sh(t);
            for tr in graph.triples_for_predicate(&p) {
                roots.push(tr.subject.into_owned());
            }
        }
        let node_shape = sh("NodeShape");
        let property_shape = sh("PropertyShape");
        let mut implicit: HashSet<NamedOrBlankNode> = HashSet::new();
        for s in graph.subjects_for_predicate_object(rdf::TYPE, &node_shape) {
            if graph.contains(&Triple::new(
                s.into_owned(),
                rdf::TYPE,
                rdfs::CLASS.into_owned(),
            )) {
                implicit.insert(s.into_owned());
            }
        }
        for class in [&node_shape, &property_shape] {
            for s in graph.subjects_for_predicate_object(rdf::TYPE, class) {
                roots.push(s.into_owned());
            }
        }
        if roots.is_empty() {
            return Err(Error::Shapes(
                "no shape found (no sh:NodeShape, no target)".into(),
            ));
        }
        // A shape that is also an rdfs:Class targets its own instances.
        parser.implicit = implicit;
        roots.extend(parser.implicit.iter().cloned());
        roots.sort_by_cached_key(ToString::to_string);
        roots.dedup();
        for r in &roots {
            parser.shape(r.as_ref(), 0)?;
        }
        Ok(Shapes {
            shapes: parser.shapes,
        })
    }

    /// How many shapes there are, property shapes included.
    pub fn len(&self) -> usize {
        self.shapes.len()
    }

    /// Whether there is no shape at all (never, for shapes that parsed).
    pub fn is_empty(&self) -> bool {
        self.shapes.is_empty()
    }
}

struct ShapeParser<'a> {
    graph: &'a Graph,
    shapes: Vec<Shape>,
    index: HashMap<NamedOrBlankNode, usize>,
    /// Node shapes that are also classes (implicit class targets).
    implicit: HashSet<NamedOrBlankNode>,
}

impl ShapeParser<'_> {
    fn objects(&self, s: NamedOrBlankNodeRef<'_>, p: &str) -> Vec<Term> {
        let p = sh(p);
        let mut v: Vec<Term> = self
            .graph
            .objects_for_subject_predicate(s, &p)
            .map(TermRef::into_owned)
            .collect();
        v.sort_by_cached_key(ToString::to_string);
        v
    }

    fn one(&self, s: NamedOrBlankNodeRef<'_>, p: &str) -> Result<Option<Term>> {
        let v = self.objects(s, p);
        match v.len() {
            0 => Ok(None),
            1 => Ok(v.into_iter().next()),
            _ => Err(Error::Shapes(format!(
                "{s} has {} values for sh:{p}",
                v.len()
            ))),
        }
    }

    fn iri(&self, s: NamedOrBlankNodeRef<'_>, p: &str, t: &Term) -> Result<NamedNode> {
        match t {
            Term::NamedNode(n) => Ok(n.clone()),
            other => Err(Error::Shapes(format!(
                "{s}: sh:{p} must be an IRI, not {other}"
            ))),
        }
    }

    fn count(&self, s: NamedOrBlankNodeRef<'_>, p: &str, t: &Term) -> Result<usize> {
        match t {
            Term::Literal(l) => l
                .value()
                .parse::<usize>()
                .map_err(|_| Error::Shapes(format!("{s}: sh:{p} must be a whole number, not {l}"))),
            other => Err(Error::Shapes(format!(
                "{s}: sh:{p} must be a whole number, not {other}"
            ))),
        }
    }

    fn list(&self, head: &Term) -> Result<Vec<Term>> {
        let mut out = Vec::new();
        let mut node = head.clone();
        loop {
            let s: NamedOrBlankNode = match &node {
                Term::NamedNode(n) if n.as_ref() == rdf::NIL => return Ok(out),
                Term::NamedNode(n) => n.clone().into(),
                Term::BlankNode(b) => b.clone().into(),
                other => return Err(Error::Shapes(format!("{other} is not an RDF list"))),
            };
            let first = self.graph.object_for_subject_predicate(&s, rdf::FIRST);
            let rest = self.graph.object_for_subject_predicate(&s, rdf::REST);
            match (first, rest) {
                (Some(f), Some(r)) if out.len() < 10_000 => {
                    out.push(f.into_owned());
                    node = r.into_owned();
                }
                _ => return Err(Error::Shapes(format!("{s} is not a well-formed RDF list"))),
            }
        }
    }

    fn path(&self, t: &Term) -> Result<Path> {
        match t {
            Term::NamedNode(n) => Ok(Path::Predicate(n.clone())),
            Term::BlankNode(b) => {
                let inv = sh("inversePath");
                if let Some(p) = self.graph.object_for_subject_predicate(b, &inv) {
                    return match p {
                        TermRef::NamedNode(n) => Ok(Path::Inverse(n.into_owned())),
                        other => Err(Error::Shapes(format!(
                            "sh:inversePath of {other} is not supported (only of an IRI)"
                        ))),
                    };
                }
                if self
                    .graph
                    .object_for_subject_predicate(b, rdf::FIRST)
                    .is_some()
                {
                    let steps = self
                        .list(t)?
                        .iter()
                        .map(|s| self.path(s))
                        .collect::<Result<Vec<_>>>()?;
                    return Ok(Path::Sequence(steps));
                }
                Err(Error::Shapes(format!(
                    "the path {t} is not supported: govgraph implements predicate, \
                     inverse and sequence paths"
                )))
            }
            other => Err(Error::Shapes(format!("{other} is not a path"))),
        }
    }

    fn shape_ref(&mut self, t: &Term, depth: usize) -> Result<usize> {
        match t {
            Term::NamedNode(n) => self.shape(n.as_ref().into(), depth + 1),
            Term::BlankNode(b) => self.shape(b.as_ref().into(), depth + 1),
            other => Err(Error::Shapes(format!("{other} is not a shape"))),
        }
    }

    fn shape(&mut self, id: NamedOrBlankNodeRef<'_>, depth: usize) -> Result<usize> {
        if let Some(&i) = self.index.get(&id.into_owned()) {
            return Ok(i);
        }
        if depth > 64 {
            return Err(Error::Shapes(format!("shapes nest too deeply at {id}")));
        }
        // Refuse what is not implemented rather than skip it.
        for t in self.graph.triples_for_subject(id) {
            if let Some(local) = t.predicate.as_str().strip_prefix(SH) {
                if !KNOWN.contains(&local) {
                    return Err(Error::Shapes(format!(
                        "{id} uses sh:{local}, which govgraph does not implement"
                    )));
                }
            }
        }
        let n = self.shapes.len();
        self.index.insert(id.into_owned(), n);
        self.shapes.push(Shape {
            id: id.into_owned(),
            label: None,
            path: None,
            targets: Vec::new(),
            constraints: Vec::new(),
            properties: Vec::new(),
            severity: Severity::Violation,
            message: None,
            deactivated: false,
        });

        let path = self.one(id, "path")?.map(|p| self.path(&p)).transpose()?;
        let label = self
            .graph
            .object_for_subject_predicate(id, rdfs::LABEL)
            .or_else(|| self.graph.object_for_subject_predicate(id, &sh("name")))
            .and_then(|t| match t {
                TermRef::Literal(l) => Some(l.value().to_owned()),
                _ => None,
            });
        // One message per language is allowed: take the English or
        // untagged one, else the first.
        let messages: Vec<Literal> = self
            .objects(id, "message")
            .into_iter()
            .filter_map(|t| match t {
                Term::Literal(l) => Some(l),
                _ => None,
            })
            .collect();
        let message = messages
            .iter()
            .find(|l| matches!(l.language(), None | Some("en")))
            .or(messages.first())
            .map(|l| l.value().to_owned());
        let severity = match self.one(id, "severity")? {
            None => Severity::Violation,
            Some(Term::NamedNode(n)) => match n.as_str().strip_prefix(SH) {
                Some("Violation") => Severity::Violation,
                Some("Warning") => Severity::Warning,
                Some("Info") => Severity::Info,
                _ => {
                    return Err(Error::Shapes(format!(
                        "{id}: unknown severity {n} (sh:Violation, sh:Warning or sh:Info)"
                    )));
                }
            },
            Some(other) => return Err(Error::Shapes(format!("{id}: bad severity {other}"))),
        };
        let deactivated =
            matches!(self.one(id, "deactivated")?, Some(Term::Literal(l)) if l.value() == "true");

        let mut targets = Vec::new();
        if let NamedOrBlankNodeRef::NamedNode(n) = id {
            if self.implicit.contains(&id.into_owned()) {
                targets.push(Target::Class(n.into_owned()));
            }
        }
        for t in self.objects(id, "targetClass") {
            targets.push(Target::Class(self.iri(id, "targetClass", &t)?));
        }
        for t in self.objects(id, "targetNode") {
            targets.push(Target::Node(t));
        }
        for t in self.objects(id, "targetSubjectsOf") {
            targets.push(Target::SubjectsOf(self.iri(id, "targetSubjectsOf", &t)?));
        }
        for t in self.objects(id, "targetObjectsOf") {
            targets.push(Target::ObjectsOf(self.iri(id, "targetObjectsOf", &t)?));
        }

        let mut c = Vec::new();
        for t in self.objects(id, "class") {
            c.push(Constraint::Class(self.iri(id, "class", &t)?));
        }
        for t in self.objects(id, "datatype") {
            c.push(Constraint::Datatype(self.iri(id, "datatype", &t)?));
        }
        for t in self.objects(id, "nodeKind") {
            let iri = self.iri(id, "nodeKind", &t)?;
            let kind = match iri.as_str().strip_prefix(SH) {
                Some("IRI") => NodeKind::Iri,
                Some("BlankNode") => NodeKind::BlankNode,
                Some("Literal") => NodeKind::Literal,
                Some("BlankNodeOrIRI") => NodeKind::BlankNodeOrIri,
                Some("BlankNodeOrLiteral") => NodeKind::BlankNodeOrLiteral,
                Some("IRIOrLiteral") => NodeKind::IriOrLiteral,
                _ => return Err(Error::Shapes(format!("{id}: unknown node kind {iri}"))),
            };
            c.push(Constraint::NodeKind(kind));
        }
        let is_property = path.is_some();
        for (p, make) in [
            ("minCount", Constraint::MinCount as fn(usize) -> Constraint),
            ("maxCount", Constraint::MaxCount),
        ] {
            if let Some(t) = self.one(id, p)? {
                if !is_property {
                    return Err(Error::Shapes(format!(
                        "{id}: sh:{p} needs sh:path (it is a property shape parameter)"
                    )));
                }
                c.push(make(self.count(id, p, &t)?));
            }
        }
        for (p, make) in [
            (
                "minLength",
                Constraint::MinLength as fn(usize) -> Constraint,
            ),
            ("maxLength", Constraint::MaxLength),
        ] {
            if let Some(t) = self.one(id, p)? {
                c.push(make(self.count(id, p, &t)?));
            }
        }
        let flags = match self.one(id, "flags")? {
            Some(Term::Literal(l)) => l.value().to_owned(),
            _ => String::new(),
        };
        for t in self.objects(id, "pattern") {
            let Term::Literal(l) = &t else {
                return Err(Error::Shapes(format!("{id}: sh:pattern must be a string")));
            };
            c.push(Constraint::Pattern(
                pattern(l.value(), &flags)
                    .map_err(|e| Error::Shapes(format!("{id}: sh:pattern {l}: {e}")))?,
                l.value().to_owned(),
            ));
        }
        for t in self.objects(id, "in") {
            c.push(Constraint::In(self.list(&t)?));
        }
        for t in self.objects(id, "hasValue") {
            c.push(Constraint::HasValue(t));
        }
        for t in self.objects(id, "node") {
            c.push(Constraint::Node(self.shape_ref(&t, depth)?));
        }
        for t in self.objects(id, "or") {
            let members = self
                .list(&t)?
                .iter()
                .map(|m| self.shape_ref(m, depth))
                .collect::<Result<Vec<_>>>()?;
            c.push(Constraint::Or(members));
        }
        for t in self.objects(id, "not") {
            c.push(Constraint::Not(self.shape_ref(&t, depth)?));
        }
        let mut properties = Vec::new();
        for t in self.objects(id, "property") {
            let p = self.shape_ref(&t, depth)?;
            if self.shapes[p].path.is_none() {
                return Err(Error::Shapes(format!(
                    "{t}: a sh:property shape needs sh:path"
                )));
            }
            properties.push(p);
        }

        let s = &mut self.shapes[n];
        s.label = label;
        s.path = path;
        s.targets = targets;
        s.constraints = c;
        s.properties = properties;
        s.severity = severity;
        s.message = message;
        s.deactivated = deactivated;
        Ok(n)
    }
}

/// A SPARQL-style regular expression with its flags (`i`, `s`, `m`, `x`).
fn pattern(p: &str, flags: &str) -> std::result::Result<Regex, String> {
    let mut inline = String::new();
    for f in flags.chars() {
        match f {
            'i' | 's' | 'm' | 'x' => inline.push(f),
            'q' => return Regex::new(&regex::escape(p)).map_err(|e| e.to_string()),
            other => return Err(format!("unknown regex flag `{other}`")),
        }
    }
    let full = if inline.is_empty() {
        p.to_owned()
    } else {
        format!("(?{inline}){p}")
    };
    regex::RegexBuilder::new(&full)
        .size_limit(1 << 20)
        .build()
        .map_err(|e| e.to_string())
}

/// Where a result's focus node was read from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Source {
    /// The minutes document's IRI.
    pub document: String,
    /// The file, as `owner/repo/path` when the repository is known.
    pub file: String,
    /// The first line of the fact, when the graph gives one.
    pub line: Option<u64>,
}

/// One SHACL validation result.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ValidationResult {
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
    /// The minutes file and line the focus node comes from.
    pub source: Option<Source>,
    /// For a `sh:node` result, the first reason the value did not conform.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(skip)]
    parts: Parts,
}

/// The terms of a result, for the RDF report.
#[derive(Debug, Clone)]
struct Parts {
    focus: Term,
    path: Option<Path>,
    value: Option<Term>,
    shape: NamedOrBlankNode,
}

/// What validating a graph found.
#[derive(Debug, Default)]
pub struct Report {
    /// The results, sorted by file, line, focus node and component.
    pub results: Vec<ValidationResult>,
    /// How many focus nodes the targets selected.
    pub focus_nodes: usize,
}

impl Report {
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

    /// The report as a SHACL validation report graph
    /// (`sh:ValidationReport`), each result also tied to its minutes
    /// document and line with `prov:wasDerivedFrom` and `gg:sourceLine`.
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
            let out = &mut details;
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
                let t = path_term(p, &mut fresh, out);
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
                Literal::new_simple_literal(&r.message),
            ));
            if let Some(s) = &r.source {
                out.push(Triple::new(
                    n.clone(),
                    NamedNode::new_unchecked(prov::WAS_DERIVED_FROM),
                    NamedNode::new_unchecked(s.document.clone()),
                ));
                if let Some(l) = s.line {
                    out.push(Triple::new(
                        n.clone(),
                        NamedNode::new_unchecked(gg::SOURCE_LINE),
                        Literal::from(l as i64),
                    ));
                }
            }
        }
        out.append(&mut details);
        out
    }
}

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

/// Checks the default graph of `store` against `shapes`.
///
/// # Errors
///
/// Fails on a storage error.
pub fn validate(store: &Store, shapes: &Shapes) -> Result<Report> {
    let mut v = Validator {
        store,
        shapes,
        in_progress: HashSet::new(),
        subclasses: HashMap::new(),
    };
    let mut report = Report::default();
    for (i, shape) in shapes.shapes.iter().enumerate() {
        if shape.deactivated || shape.targets.is_empty() {
            continue;
        }
        let focus = v.focus_nodes(shape)?;
        report.focus_nodes += focus.len();
        for f in focus {
            v.check(i, &f, &mut report.results)?;
        }
    }
    for r in &mut report.results {
        r.source = v.source(&r.parts.focus)?;
    }
    report.results.sort_by(|a, b| {
        let key = |r: &ValidationResult| {
            (
                r.source.as_ref().map(|s| s.file.clone()),
                r.source.as_ref().and_then(|s| s.line),
                r.focus.clone(),
                r.path.clone(),
                r.component.clone(),
                r.value.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    Ok(report)
}

struct Validator<'a> {
    store: &'a Store,
    shapes: &'a Shapes,
    /// (shape, focus) pairs being checked by `conforms`: a recursive shape
    /// meeting cyclic data would otherwise never end. SHACL leaves
    /// recursion undefined; like pyshacl, govgraph takes a pair met again
    /// as conforming.
    in_progress: HashSet<(usize, Term)>,
    /// For a class, itself and every class below it by
    /// `rdfs:subClassOf` in the data graph (SHACL's "SHACL instance").
    subclasses: HashMap<NamedNode, HashSet<NamedOrBlankNode>>,
}

fn as_subject(t: &Term) -> Option<NamedOrBlankNodeRef<'_>> {
    match t {
        Term::NamedNode(n) => Some(n.as_ref().into()),
        Term::BlankNode(b) => Some(b.as_ref().into()),
        _ => None,
    }
}

impl Validator<'_> {
    fn objects(&self, s: NamedOrBlankNodeRef<'_>, p: NamedNodeRef<'_>) -> Result<Vec<Term>> {
        Ok(self
            .store
            .quads_for_pattern(Some(s), Some(p), None, Some(GraphNameRef::DefaultGraph))
            .map(|q| q.map(|q| q.object))
            .collect::<std::result::Result<_, _>>()?)
    }

    fn subjects(&self, p: NamedNodeRef<'_>, o: Option<TermRef<'_>>) -> Result<Vec<Term>> {
        Ok(self
            .store
            .quads_for_pattern(None, Some(p), o, Some(GraphNameRef::DefaultGraph))
            .map(|q| q.map(|q| q.subject.into()))
            .collect::<std::result::Result<_, _>>()?)
    }

    fn subclasses(&mut self, class: &NamedNode) -> Result<&HashSet<NamedOrBlankNode>> {
        if !self.subclasses.contains_key(class) {
            let sub = rdfs::SUB_CLASS_OF;
            let mut seen: HashSet<NamedOrBlankNode> = HashSet::new();
            let mut todo: Vec<NamedOrBlankNode> = vec![class.clone().into()];
            while let Some(c) = todo.pop() {
                if !seen.insert(c.clone()) {
                    continue;
                }
                let c: Term = c.into();
                for s in self.subjects(sub, Some(c.as_ref()))? {
                    if let Some(s) = as_subject(&s) {
                        todo.push(s.into_owned());
                    }
                }
            }
            self.subclasses.insert(class.clone(), seen);
        }
        Ok(&self.subclasses[class])
    }

    fn is_instance(&mut self, t: &Term, class: &NamedNode) -> Result<bool> {
        let Some(s) = as_subject(t) else {
            return Ok(false);
        };
        let types = self.objects(s, rdf::TYPE)?;
        let classes = self.subclasses(class)?;
        Ok(types
            .iter()
            .filter_map(as_subject)
            .any(|t| classes.contains(&t.into_owned())))
    }

    fn focus_nodes(&mut self, shape: &Shape) -> Result<Vec<Term>> {
        let mut out = Vec::new();
        for t in &shape.targets {
            match t {
                Target::Node(n) => out.push(n.clone()),
                Target::Class(c) => {
                    let classes: Vec<Term> = self
                        .subclasses(c)?
                        .iter()
                        .map(|c| c.clone().into())
                        .collect();
                    for c in classes {
                        out.extend(self.subjects(rdf::TYPE, Some(c.as_ref()))?);
                    }
                }
                Target::SubjectsOf(p) => out.extend(self.subjects(p.as_ref(), None)?),
                Target::ObjectsOf(p) => out.extend(
                    self.store
                        .quads_for_pattern(
                            None,
                            Some(p.as_ref()),
                            None,
                            Some(GraphNameRef::DefaultGraph),
                        )
                        .map(|q| q.map(|q| q.object))
                        .collect::<std::result::Result<Vec<_>, _>>()?,
                ),
            }
        }
        let mut seen = HashSet::new();
        out.retain(|t| seen.insert(t.clone()));
        Ok(out)
    }

    fn values(&self, path: &Path, focus: &Term) -> Result<Vec<Term>> {
        let mut out = match path {
            Path::Predicate(p) => match as_subject(focus) {
                Some(s) => self.objects(s, p.as_ref())?,
                None => Vec::new(),
            },
            Path::Inverse(p) => self.subjects(p.as_ref(), Some(focus.as_ref()))?,
            Path::Sequence(steps) => {
                let mut nodes = vec![focus.clone()];
                for step in steps {
                    let mut next = Vec::new();
                    for n in &nodes {
                        next.extend(self.values(step, n)?);
                    }
                    nodes = next;
                }
                nodes
            }
        };
        let mut seen = HashSet::new();
        out.retain(|t| seen.insert(t.clone()));
        Ok(out)
    }

    /// Whether `focus` conforms to shape `i` (no result at all).
    fn conforms(&mut self, i: usize, focus: &Term) -> Result<Option<String>> {
        if !self.in_progress.insert((i, focus.clone())) {
            return Ok(None);
        }
        let mut r = Vec::new();
        let checked = self.check(i, focus, &mut r);
        self.in_progress.remove(&(i, focus.clone()));
        checked?;
        Ok(r.into_iter().next().map(|r| r.message))
    }

    /// Checks `focus` against shape `i`, adding what fails to `out`.
    fn check(&mut self, i: usize, focus: &Term, out: &mut Vec<ValidationResult>) -> Result<()> {
        let shape = &self.shapes.shapes[i];
        if shape.deactivated {
            return Ok(());
        }
        let values = match &shape.path {
            Some(p) => self.values(p, focus)?,
            None => vec![focus.clone()],
        };
        for c in &shape.constraints {
            let shapes = &self.shapes.shapes;
            let mut fail = |value: Option<&Term>, detail: Option<String>| {
                out.push(result(shapes, shape, focus, c, value, detail));
            };
            match c {
                Constraint::MinCount(n) if values.len() < *n => fail(None, None),
                Constraint::MaxCount(n) if values.len() > *n => fail(None, None),
                Constraint::HasValue(v) if !values.contains(v) => fail(None, None),
                Constraint::MinCount(_) | Constraint::MaxCount(_) | Constraint::HasValue(_) => {}
                Constraint::Node(s) => {
                    for v in &values {
                        if let Some(why) = self.conforms(*s, v)? {
                            out.push(result(
                                &self.shapes.shapes,
                                shape,
                                focus,
                                c,
                                Some(v),
                                Some(why),
                            ));
                        }
                    }
                }
                Constraint::Or(members) => {
                    for v in &values {
                        let mut any = false;
                        for m in members {
                            if self.conforms(*m, v)?.is_none() {
                                any = true;
                                break;
                            }
                        }
                        if !any {
                            out.push(result(&self.shapes.shapes, shape, focus, c, Some(v), None));
                        }
                    }
                }
                Constraint::Not(s) => {
                    for v in &values {
                        if self.conforms(*s, v)?.is_none() {
                            out.push(result(&self.shapes.shapes, shape, focus, c, Some(v), None));
                        }
                    }
                }
                Constraint::Class(class) => {
                    for v in &values {
                        if !self.is_instance(v, class)? {
                            out.push(result(&self.shapes.shapes, shape, focus, c, Some(v), None));
                        }
                    }
                }
                _ => {
                    for v in &values {
                        if !value_ok(c, v) {
                            out.push(result(&self.shapes.shapes, shape, focus, c, Some(v), None));
                        }
                    }
                }
            }
        }
        for &p in &shape.properties {
            for v in &values {
                self.check(p, v, out)?;
            }
        }
        Ok(())
    }

    /// Where a focus node was read from: its own provenance, its
    /// document's (a meeting), or that of the first sourced node that
    /// points to it (a person, through an attendance).
    fn source(&self, focus: &Term) -> Result<Option<Source>> {
        let Some(s) = as_subject(focus) else {
            return Ok(None);
        };
        let derived = NamedNodeRef::new_unchecked(prov::WAS_DERIVED_FROM);
        let line = NamedNodeRef::new_unchecked(gg::SOURCE_LINE);
        let own = |s: NamedOrBlankNodeRef<'_>| -> Result<Option<(Term, Option<u64>)>> {
            let Some(d) = self.objects(s, derived)?.into_iter().next() else {
                return Ok(None);
            };
            let l = self.objects(s, line)?.into_iter().find_map(|l| match l {
                Term::Literal(l) => l.value().parse::<u64>().ok(),
                _ => None,
            });
            Ok(Some((d, l)))
        };
        let mut found = own(s)?;
        if found.is_none() {
            let src = NamedNodeRef::new_unchecked(dcterms::SOURCE);
            found = self.objects(s, src)?.into_iter().next().map(|d| (d, None));
        }
        if found.is_none() {
            let doc = NamedNodeRef::new_unchecked(gg::DOCUMENT);
            if self
                .objects(s, rdf::TYPE)?
                .iter()
                .any(|t| t.as_ref() == doc.into())
            {
                found = Some((focus.clone(), None));
            }
        }
        // A node with no provenance of its own (a person, an account) is
        // placed where the nearest sourced node that points to it was read:
        // one step back (an attendance), or two (a person's attendance).
        if found.is_none() {
            let pointers = |t: &Term| -> Result<Vec<Term>> {
                let mut v: Vec<Term> = self
                    .store
                    .quads_for_pattern(
                        None,
                        None,
                        Some(t.as_ref()),
                        Some(GraphNameRef::DefaultGraph),
                    )
                    .map(|q| q.map(|q| q.subject.into()))
                    .collect::<std::result::Result<_, _>>()?;
                v.sort_by_cached_key(ToString::to_string);
                v.dedup();
                Ok(v)
            };
            let nearest = |nodes: &[Term]| -> Result<Option<(Term, Option<u64>)>> {
                let mut best: Option<(String, Option<u64>, Term)> = None;
                for n in nodes {
                    let Some(s) = as_subject(n) else { continue };
                    if let Some((d, l)) = own(s)? {
                        let key = (d.to_string(), l);
                        if best.as_ref().is_none_or(|b| (b.0.clone(), b.1) > key) {
                            best = Some((key.0, key.1, d));
                        }
                    }
                }
                Ok(best.map(|(_, l, d)| (d, l)))
            };
            let first = pointers(focus)?;
            found = nearest(&first)?;
            if found.is_none() {
                let mut second = Vec::new();
                for p in first.iter().take(64) {
                    second.extend(pointers(p)?);
                }
                found = nearest(&second)?;
            }
        }
        let Some((Term::NamedNode(doc), line)) = found else {
            return Ok(None);
        };
        let text = |p: &str| -> Result<Option<String>> {
            Ok(self
                .objects(doc.as_ref().into(), NamedNodeRef::new_unchecked(p))?
                .into_iter()
                .find_map(|t| match t {
                    Term::Literal(l) => Some(l.value().to_owned()),
                    Term::NamedNode(n) => Some(n.into_string()),
                    _ => None,
                }))
        };
        let path = text(gg::SOURCE_PATH)?.unwrap_or_else(|| doc.as_str().to_owned());
        let file = match text(dcterms::IS_PART_OF)? {
            Some(repo) => match repo.strip_prefix("https://github.com/") {
                Some(r) => format!("{r}/{path}"),
                None => path,
            },
            None => path,
        };
        Ok(Some(Source {
            document: doc.into_string(),
            file,
            line,
        }))
    }
}

fn value_ok(c: &Constraint, v: &Term) -> bool {
    match c {
        Constraint::Datatype(d) => match v {
            Term::Literal(l) => l.datatype() == d.as_ref() && well_formed(l),
            _ => false,
        },
        Constraint::NodeKind(k) => matches!(
            (k, v),
            (NodeKind::Iri, Term::NamedNode(_))
                | (NodeKind::BlankNode, Term::BlankNode(_))
                | (NodeKind::Literal, Term::Literal(_))
                | (
                    NodeKind::BlankNodeOrIri,
                    Term::NamedNode(_) | Term::BlankNode(_)
                )
                | (
                    NodeKind::BlankNodeOrLiteral,
                    Term::BlankNode(_) | Term::Literal(_)
                )
                | (
                    NodeKind::IriOrLiteral,
                    Term::NamedNode(_) | Term::Literal(_)
                )
        ),
        Constraint::MinLength(n) => lexical(v).is_some_and(|s| s.chars().count() >= *n),
        Constraint::MaxLength(n) => lexical(v).is_some_and(|s| s.chars().count() <= *n),
        Constraint::Pattern(re, _) => lexical(v).is_some_and(|s| re.is_match(s)),
        Constraint::In(list) => list.contains(v),
        _ => true,
    }
}

/// The string SHACL's string constraints test: an IRI or a literal's
/// lexical form; a blank node has none.
fn lexical(t: &Term) -> Option<&str> {
    match t {
        Term::NamedNode(n) => Some(n.as_str()),
        Term::Literal(l) => Some(l.value()),
        _ => None,
    }
}

/// Whether a literal's lexical form is valid for its datatype, for the
/// XSD types govgraph writes; other datatypes are taken as they are.
fn well_formed(l: &Literal) -> bool {
    use oxsdatatypes::{Boolean, Date, DateTime, Decimal, Double, GYear, Integer};
    let v = l.value();
    let d = l.datatype();
    if d == xsd::DATE {
        Date::from_str(v).is_ok()
    } else if d == xsd::DATE_TIME {
        DateTime::from_str(v).is_ok()
    } else if d == xsd::INTEGER {
        Integer::from_str(v).is_ok()
    } else if d == xsd::DECIMAL {
        Decimal::from_str(v).is_ok()
    } else if d == xsd::DOUBLE {
        Double::from_str(v).is_ok()
    } else if d == xsd::BOOLEAN {
        Boolean::from_str(v).is_ok()
    } else if d == xsd::G_YEAR {
        GYear::from_str(v).is_ok()
    } else {
        true
    }
}

fn result(
    shapes: &[Shape],
    shape: &Shape,
    focus: &Term,
    c: &Constraint,
    value: Option<&Term>,
    detail: Option<String>,
) -> ValidationResult {
    let message = shape
        .message
        .clone()
        .unwrap_or_else(|| describe(shapes, c, value));
    ValidationResult {
        severity: shape.severity,
        focus: focus.to_string(),
        path: shape.path.as_ref().map(ToString::to_string),
        value: value.map(ToString::to_string),
        component: format!("{SH}{}", c.component()),
        shape: shape.id.to_string(),
        message,
        source: None,
        detail,
        parts: Parts {
            focus: focus.clone(),
            path: shape.path.clone(),
            value: value.cloned(),
            shape: shape.id.clone(),
        },
    }
}

/// A message for a result whose shape has no `sh:message`. The path is
/// reported beside it, so the message does not repeat it.
fn describe(shapes: &[Shape], c: &Constraint, value: Option<&Term>) -> String {
    let v = value.map(|v| short(&v.to_string())).unwrap_or_default();
    let label = |i: usize| {
        let s = &shapes[i];
        s.label.clone().unwrap_or_else(|| s.id.to_string())
    };
    match c {
        Constraint::MinCount(n) => format!("needs at least {n} value(s)"),
        Constraint::MaxCount(n) => format!("has more than {n} value(s)"),
        Constraint::HasValue(t) => format!("must include {}", short(&t.to_string())),
        Constraint::Class(k) => format!("{v} is not a {}", short(&k.to_string())),
        Constraint::Datatype(d) => format!("{v} is not a valid {}", short(&d.to_string())),
        Constraint::NodeKind(k) => format!("{v} is not of node kind {k:?}"),
        Constraint::MinLength(n) => format!("{v} is shorter than {n}"),
        Constraint::MaxLength(n) => format!("{v} is longer than {n}"),
        Constraint::Pattern(_, p) => format!("{v} does not match /{p}/"),
        Constraint::In(_) => format!("{v} is not one of the allowed values"),
        Constraint::Node(s) => format!("{v} is not a valid {}", label(*s)),
        Constraint::Not(s) => format!("{v} must not be a {}", label(*s)),
        Constraint::Or(_) => format!("{v} conforms to none of the alternatives"),
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
    fn unsupported_features_are_refused() {
        let ttl = br#"@prefix sh: <http://www.w3.org/ns/shacl#> .
            <s> a sh:NodeShape ; sh:targetClass <C> ; sh:sparql [ sh:select "" ] ."#;
        let e = Shapes::parse(ttl, RdfFormat::Turtle, Some("file:///x.ttl"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("sh:sparql"), "{e}");
        let bad = b"this is not turtle";
        assert!(Shapes::parse(bad, RdfFormat::Turtle, None).is_err());
        let none = b"<a> <b> <c> .";
        assert!(Shapes::parse(none, RdfFormat::Turtle, Some("file:///x.ttl")).is_err());
    }

    fn report(shapes: &str, data: &str) -> Report {
        let prefixes = "@prefix sh: <http://www.w3.org/ns/shacl#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix ex: <http://example.org/> .\n";
        let shapes = Shapes::parse(
            format!("{prefixes}{shapes}").as_bytes(),
            RdfFormat::Turtle,
            None,
        )
        .unwrap();
        let store = crate::store::load_as_union(
            format!("{prefixes}{data}").as_bytes(),
            RdfFormat::Turtle,
            None,
        )
        .unwrap();
        validate(&store, &shapes).unwrap()
    }

    #[test]
    fn recursive_shapes_on_cyclic_data_end() {
        // Regression (issue 5 review): this overflowed the stack.
        let r = report(
            "ex:S a sh:NodeShape ; sh:targetClass ex:P ;
                sh:property [ sh:path ex:knows ; sh:node ex:S ] ;
                sh:property [ sh:path ex:name ; sh:minCount 1 ] .",
            "ex:a a ex:P ; ex:knows ex:a ; ex:name \"a\" . ex:b a ex:P ; ex:knows ex:a .",
        );
        // `a` conforms (its cycle is taken as conforming); `b` lacks a name.
        let found: Vec<(&str, &str)> = r
            .results
            .iter()
            .map(|r| (r.focus.as_str(), r.component.rsplit('#').next().unwrap()))
            .collect();
        assert_eq!(
            found,
            [("<http://example.org/b>", "MinCountConstraintComponent")],
            "{:#?}",
            r.results
        );
    }

    #[test]
    fn a_shape_that_is_a_class_targets_its_instances() {
        // Regression (issue 5 review): implicit class targets were skipped.
        let r = report(
            "ex:P a rdfs:Class, sh:NodeShape ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .",
            "ex:a a ex:P .",
        );
        assert_eq!(r.focus_nodes, 1);
        assert_eq!(r.results.len(), 1);
    }

    #[test]
    fn datatypes_check_the_lexical_form() {
        let c = Constraint::Datatype(xsd::DATE.into_owned());
        assert!(value_ok(
            &c,
            &Literal::new_typed_literal("2024-02-29", xsd::DATE).into()
        ));
        assert!(!value_ok(
            &c,
            &Literal::new_typed_literal("2023-02-29", xsd::DATE).into()
        ));
        assert!(!value_ok(
            &c,
            &Literal::new_simple_literal("2024-02-29").into()
        ));
    }
}

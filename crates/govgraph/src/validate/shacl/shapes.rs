//! Reading SHACL shapes into the validator's model.
//!
//! Everything is checked here: a shape that uses a SHACL term this
//! validator does not implement, or that is malformed, is an error before
//! any data is looked at.

use super::model::{Constraint, NodeKind, Shape, Target};
use super::{Path, SH, Severity, sh};
use crate::{Error, Result};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::vocab::{rdf, rdfs};
use oxigraph::model::{
    BlankNode, Graph, Literal, NamedNode, NamedOrBlankNode, NamedOrBlankNodeRef, Term, TermRef,
    Triple,
};
use std::collections::{HashMap, HashSet};

/// The `sh:` terms a shape may use. Anything else in the SHACL namespace
/// is a feature this validator does not implement.
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

/// The four target kinds, whose subjects are the shapes with targets.
const TARGETS: [&str; 4] = [
    "targetClass",
    "targetNode",
    "targetSubjectsOf",
    "targetObjectsOf",
];

/// A set of SHACL shapes, read and checked for features this validator
/// supports.
#[derive(Debug)]
pub struct Shapes {
    /// Every shape read, in the order read; shapes refer to each other by
    /// their index here.
    pub(super) shapes: Vec<Shape>,
}

impl Shapes {
    /// Reads shapes from RDF in `format`, resolving relative IRIs against
    /// `base` (the file's URL) when given.
    ///
    /// # Errors
    ///
    /// Fails when the RDF does not parse, when it holds no shape, when a
    /// shape is malformed (a `sh:minCount` that is not a number, a path
    /// that is not a path) or uses a SHACL feature this validator does not
    /// implement.
    pub fn parse(rdf: &[u8], format: RdfFormat, base: Option<&str>) -> Result<Self> {
        let graph = read_graph(rdf, format, base)?;
        let (roots, implicit) = roots(&graph)?;
        let mut parser = ShapeParser {
            graph: &graph,
            shapes: Vec::new(),
            index: HashMap::new(),
            implicit,
        };
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

/// Parses the shapes graph, naming its blank nodes by order of appearance
/// (`_:shape0`, `_:shape1`, ...) so that reports name the same property
/// shape the same way on every run.
fn read_graph(rdf: &[u8], format: RdfFormat, base: Option<&str>) -> Result<Graph> {
    let mut graph = Graph::new();
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
    Ok(graph)
}

/// The shapes to read first: those with targets, and declared node and
/// property shapes (the shapes they point to are read on the way), sorted
/// so that every run reads them in the same order. Also returns the node
/// shapes that are classes too, which target their own instances.
fn roots(graph: &Graph) -> Result<(Vec<NamedOrBlankNode>, HashSet<NamedOrBlankNode>)> {
    let mut roots: Vec<NamedOrBlankNode> = Vec::new();
    for t in TARGETS {
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
    roots.extend(implicit.iter().cloned());
    roots.sort_by_cached_key(ToString::to_string);
    roots.dedup();
    Ok((roots, implicit))
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
        let b = match t {
            Term::NamedNode(n) => return Ok(Path::Predicate(n.clone())),
            Term::BlankNode(b) => b,
            other => return Err(Error::Shapes(format!("{other} is not a path"))),
        };
        // A list is a sequence path even if the node says more: SHACL
        // makes an inverse path a node with one triple only, so a node
        // that is both is a sequence (W3C tests path-strange-001, -002).
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
        let inv = sh("inversePath");
        if let Some(p) = self.graph.object_for_subject_predicate(b, &inv) {
            return match p {
                TermRef::NamedNode(n) => Ok(Path::Inverse(n.into_owned())),
                other => Err(Error::Shapes(format!(
                    "sh:inversePath of {other} is not supported (only of an IRI)"
                ))),
            };
        }
        // Name the kind of path (sh:alternativePath, sh:zeroOrMorePath...)
        // so that the user knows what to change.
        let kind = self
            .graph
            .triples_for_subject(b)
            .find_map(|t| t.predicate.as_str().strip_prefix(SH).map(str::to_owned));
        Err(Error::Shapes(match kind {
            Some(k) => format!(
                "the path {t} uses sh:{k}, which govgraph does not implement \
                 (only predicate, inverse and sequence paths)"
            ),
            None => format!(
                "the path {t} is not supported: govgraph implements predicate, \
                 inverse and sequence paths"
            ),
        }))
    }

    fn shape_ref(&mut self, t: &Term, depth: usize) -> Result<usize> {
        match t {
            Term::NamedNode(n) => self.shape(n.as_ref().into(), depth + 1),
            Term::BlankNode(b) => self.shape(b.as_ref().into(), depth + 1),
            other => Err(Error::Shapes(format!("{other} is not a shape"))),
        }
    }

    /// Reads shape `id` (once: a shape met again is its index), and the
    /// shapes it points to.
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
        // The shape is indexed before the shapes it points to are read, so
        // that a recursive shape refers to itself instead of looping.
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
        let label = self.label(id);
        let message = self.message(id);
        let severity = self.severity(id)?;
        let deactivated =
            matches!(self.one(id, "deactivated")?, Some(Term::Literal(l)) if l.value() == "true");
        let targets = self.targets(id)?;
        let mut constraints = self.value_type(id)?;
        constraints.extend(self.cardinality_and_strings(id, path.is_some())?);
        constraints.extend(self.values(id)?);
        constraints.extend(self.logical(id, depth)?);
        let properties = self.properties(id, depth)?;
        self.shapes[n] = Shape {
            id: id.into_owned(),
            label,
            path,
            targets,
            constraints,
            properties,
            severity,
            message,
            deactivated,
        };
        Ok(n)
    }

    /// The name messages give the shape: its `rdfs:label` or `sh:name`.
    fn label(&self, id: NamedOrBlankNodeRef<'_>) -> Option<String> {
        self.graph
            .object_for_subject_predicate(id, rdfs::LABEL)
            .or_else(|| self.graph.object_for_subject_predicate(id, &sh("name")))
            .and_then(|t| match t {
                TermRef::Literal(l) => Some(l.value().to_owned()),
                _ => None,
            })
    }

    /// The shape's `sh:message`. One message per language is allowed: take
    /// the English or untagged one, else the first.
    fn message(&self, id: NamedOrBlankNodeRef<'_>) -> Option<Literal> {
        let messages: Vec<Literal> = self
            .objects(id, "message")
            .into_iter()
            .filter_map(|t| match t {
                Term::Literal(l) => Some(l),
                _ => None,
            })
            .collect();
        messages
            .iter()
            .find(|l| matches!(l.language(), None | Some("en")))
            .or(messages.first())
            .cloned()
    }

    fn severity(&self, id: NamedOrBlankNodeRef<'_>) -> Result<Severity> {
        Ok(match self.one(id, "severity")? {
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
        })
    }

    fn targets(&self, id: NamedOrBlankNodeRef<'_>) -> Result<Vec<Target>> {
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
        Ok(targets)
    }

    /// `sh:class`, `sh:datatype` and `sh:nodeKind`.
    fn value_type(&self, id: NamedOrBlankNodeRef<'_>) -> Result<Vec<Constraint>> {
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
        Ok(c)
    }

    /// `sh:minCount` and `sh:maxCount` (on property shapes only), and
    /// `sh:minLength`, `sh:maxLength` and `sh:pattern` with its
    /// `sh:flags`.
    fn cardinality_and_strings(
        &self,
        id: NamedOrBlankNodeRef<'_>,
        is_property: bool,
    ) -> Result<Vec<Constraint>> {
        let mut c = Vec::new();
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
            c.push(
                Constraint::pattern(l.value(), &flags)
                    .map_err(|e| Error::Shapes(format!("{id}: sh:pattern {l}: {e}")))?,
            );
        }
        Ok(c)
    }

    /// `sh:in` and `sh:hasValue`.
    fn values(&self, id: NamedOrBlankNodeRef<'_>) -> Result<Vec<Constraint>> {
        let mut c = Vec::new();
        for t in self.objects(id, "in") {
            c.push(Constraint::In(self.list(&t)?));
        }
        for t in self.objects(id, "hasValue") {
            c.push(Constraint::HasValue(t));
        }
        Ok(c)
    }

    /// `sh:node`, `sh:or` and `sh:not`, reading the shapes they name.
    fn logical(&mut self, id: NamedOrBlankNodeRef<'_>, depth: usize) -> Result<Vec<Constraint>> {
        let mut c = Vec::new();
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
        Ok(c)
    }

    /// The property shapes of `sh:property`, each of which needs a path.
    fn properties(&mut self, id: NamedOrBlankNodeRef<'_>, depth: usize) -> Result<Vec<usize>> {
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
        Ok(properties)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn unsupported_paths_are_named() {
        let ttl = br#"@prefix sh: <http://www.w3.org/ns/shacl#> .
            <s> a sh:NodeShape ; sh:targetClass <C> ;
                sh:property [ sh:path [ sh:zeroOrMorePath <p> ] ; sh:minCount 1 ] ."#;
        let e = Shapes::parse(ttl, RdfFormat::Turtle, Some("file:///x.ttl"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("sh:zeroOrMorePath"), "{e}");
    }

    #[test]
    fn a_message_keeps_its_language() {
        let ttl = br#"@prefix sh: <http://www.w3.org/ns/shacl#> .
            <s> a sh:NodeShape ; sh:targetClass <C> ; sh:datatype <D> ;
                sh:message "Nachricht"@de, "message"@en ."#;
        let s = Shapes::parse(ttl, RdfFormat::Turtle, Some("file:///x.ttl")).unwrap();
        let m = s.shapes[0].message.as_ref().unwrap();
        assert_eq!((m.value(), m.language()), ("message", Some("en")));
    }
}

//! Evaluating shapes against the default graph of a store.

use super::model::{Constraint, NodeKind, Shape, Target};
use super::report::{Parts, Report, ValidationResult};
use super::shapes::Shapes;
use super::{Path, SH, as_subject};
use crate::Result;
use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{
    GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Term,
    TermRef,
};
use oxigraph::store::Store;
use std::collections::{HashMap, HashSet};
use std::str::FromStr;

/// What the validator asks of the application it runs in: where a focus
/// node came from, and how to write an IRI briefly in a message. The
/// validator itself knows no vocabulary but SHACL's.
pub trait Host {
    /// What a result says about where its focus node came from.
    type Source: Clone;

    /// Where `focus`, a node of `store`'s default graph, came from, if the
    /// application knows.
    ///
    /// # Errors
    ///
    /// Fails on a storage error.
    fn locate(&self, store: &Store, focus: &Term) -> Result<Option<Self::Source>>;

    /// A term, given in N-Triples syntax, as a message should write it:
    /// by default, as it is.
    fn short(&self, term: &str) -> String {
        term.to_owned()
    }
}

/// A host that knows nothing of where data comes from.
impl Host for () {
    type Source = ();

    fn locate(&self, _: &Store, _: &Term) -> Result<Option<()>> {
        Ok(None)
    }
}

/// Checks the default graph of `store` against `shapes`, asking `host`
/// where each result's focus node came from. The results are sorted by
/// focus node, path, constraint component and value.
///
/// # Errors
///
/// Fails on a storage error.
pub fn validate<H: Host>(store: &Store, shapes: &Shapes, host: &H) -> Result<Report<H::Source>> {
    let mut v = Validator {
        store,
        shapes,
        host,
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
    // A focus node with several results is located once.
    let mut located: HashMap<Term, Option<H::Source>> = HashMap::new();
    for r in &mut report.results {
        let focus = &r.parts.focus;
        if !located.contains_key(focus) {
            located.insert(focus.clone(), host.locate(store, focus)?);
        }
        r.source = located[focus].clone();
    }
    report.results.sort_by(|a, b| order(a).cmp(&order(b)));
    Ok(report)
}

/// The order of results in a report, so that it reads the same on every
/// run: by focus node, path, constraint component and value.
fn order<S>(r: &ValidationResult<S>) -> impl Ord + '_ {
    (&r.focus, &r.path, &r.component, &r.value)
}

struct Validator<'a, H: Host> {
    store: &'a Store,
    shapes: &'a Shapes,
    host: &'a H,
    /// (shape, focus) pairs being checked by `conforms`: a recursive shape
    /// meeting cyclic data would otherwise never end. SHACL leaves
    /// recursion undefined; like pyshacl, this validator takes a pair met
    /// again as conforming.
    in_progress: HashSet<(usize, Term)>,
    /// For a class, itself and every class below it by
    /// `rdfs:subClassOf` in the data graph (SHACL's "SHACL instance").
    subclasses: HashMap<NamedNode, HashSet<NamedOrBlankNode>>,
}

impl<'a, H: Host> Validator<'a, H> {
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

    /// Whether `focus` conforms to shape `i`: `None` when it does, else
    /// the message of the first result.
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
    fn check(
        &mut self,
        i: usize,
        focus: &Term,
        out: &mut Vec<ValidationResult<H::Source>>,
    ) -> Result<()> {
        // The shapes outlive the validator, so holding one does not hold
        // `self`, which checking nested shapes borrows mutably.
        let shapes: &'a Shapes = self.shapes;
        let shape = &shapes.shapes[i];
        if shape.deactivated {
            return Ok(());
        }
        let values = match &shape.path {
            Some(p) => self.values(p, focus)?,
            None => vec![focus.clone()],
        };
        for c in &shape.constraints {
            self.constraint(shape, c, focus, &values, out)?;
        }
        for &p in &shape.properties {
            for v in &values {
                self.check(p, v, out)?;
            }
        }
        Ok(())
    }

    /// Checks the value nodes `values` of `focus` against one constraint
    /// of `shape`, adding what fails to `out`.
    fn constraint(
        &mut self,
        shape: &Shape,
        c: &Constraint,
        focus: &Term,
        values: &[Term],
        out: &mut Vec<ValidationResult<H::Source>>,
    ) -> Result<()> {
        let (shapes, host) = (self.shapes, self.host);
        let fail = |value: Option<&Term>, detail: Option<String>| {
            result(shapes, host, shape, focus, c, value, detail)
        };
        match c {
            Constraint::MinCount(n) if values.len() < *n => out.push(fail(None, None)),
            Constraint::MaxCount(n) if values.len() > *n => out.push(fail(None, None)),
            Constraint::HasValue(v) if !values.contains(v) => out.push(fail(None, None)),
            Constraint::MinCount(_) | Constraint::MaxCount(_) | Constraint::HasValue(_) => {}
            Constraint::Node(s) => {
                for v in values {
                    if let Some(why) = self.conforms(*s, v)? {
                        out.push(fail(Some(v), Some(why)));
                    }
                }
            }
            Constraint::Or(members) => {
                for v in values {
                    let mut any = false;
                    for m in members {
                        if self.conforms(*m, v)?.is_none() {
                            any = true;
                            break;
                        }
                    }
                    if !any {
                        out.push(fail(Some(v), None));
                    }
                }
            }
            Constraint::Not(s) => {
                for v in values {
                    if self.conforms(*s, v)?.is_none() {
                        out.push(fail(Some(v), None));
                    }
                }
            }
            Constraint::Class(class) => {
                for v in values {
                    if !self.is_instance(v, class)? {
                        out.push(fail(Some(v), None));
                    }
                }
            }
            _ => {
                for v in values {
                    if !value_ok(c, v) {
                        out.push(fail(Some(v), None));
                    }
                }
            }
        }
        Ok(())
    }
}

/// Whether value `v` meets `c`, for the constraints that need nothing but
/// the value itself.
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
/// common XSD types; other datatypes are taken as they are.
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

/// A result of constraint `c` of `shape` for `focus` (and `value`, for a
/// constraint on each value node).
fn result<H: Host>(
    shapes: &Shapes,
    host: &H,
    shape: &Shape,
    focus: &Term,
    c: &Constraint,
    value: Option<&Term>,
    detail: Option<String>,
) -> ValidationResult<H::Source> {
    let message = shape
        .message
        .clone()
        .unwrap_or_else(|| Literal::new_simple_literal(describe(shapes, host, c, value)));
    ValidationResult {
        severity: shape.severity,
        focus: focus.to_string(),
        path: shape.path.as_ref().map(ToString::to_string),
        value: value.map(ToString::to_string),
        component: format!("{SH}{}", c.component()),
        shape: shape.id.to_string(),
        message: message.value().to_owned(),
        source: None,
        detail,
        parts: Parts {
            focus: focus.clone(),
            path: shape.path.clone(),
            value: value.cloned(),
            shape: shape.id.clone(),
            message,
        },
    }
}

/// A message for a result whose shape has no `sh:message`. The path is
/// reported beside it, so the message does not repeat it.
fn describe<H: Host>(shapes: &Shapes, host: &H, c: &Constraint, value: Option<&Term>) -> String {
    let short = |t: String| host.short(&t);
    let v = value.map(|v| short(v.to_string())).unwrap_or_default();
    let label = |i: usize| {
        let s = &shapes.shapes[i];
        s.label.clone().unwrap_or_else(|| s.id.to_string())
    };
    match c {
        Constraint::MinCount(n) => format!("needs at least {n} value(s)"),
        Constraint::MaxCount(n) => format!("has more than {n} value(s)"),
        Constraint::HasValue(t) => format!("must include {}", short(t.to_string())),
        Constraint::Class(k) => format!("{v} is not a {}", short(k.to_string())),
        Constraint::Datatype(d) => format!("{v} is not a valid {}", short(d.to_string())),
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

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::RdfFormat;

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
        let store = Store::new().unwrap();
        store
            .load_from_slice(RdfFormat::Turtle, format!("{prefixes}{data}").as_bytes())
            .unwrap();
        validate(&store, &shapes, &()).unwrap()
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

    #[test]
    fn results_are_sorted_and_carry_the_message_literal() {
        let r = report(
            "ex:S a sh:NodeShape ; sh:targetNode ex:b, ex:a ; sh:class ex:C ;
                sh:message \"pas une C\"@fr .",
            "",
        );
        let focus: Vec<&str> = r.results.iter().map(|r| r.focus.as_str()).collect();
        assert_eq!(focus, ["<http://example.org/a>", "<http://example.org/b>"]);
        assert_eq!(r.results[0].message, "pas une C");
        assert_eq!(r.results[0].parts.message.language(), Some("fr"));
    }
}

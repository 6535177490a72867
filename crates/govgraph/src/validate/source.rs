//! Where a focus node was read from: the minutes file and line, found
//! through the provenance govgraph writes (`prov:wasDerivedFrom`,
//! `gg:sourceLine`, `dcterms:source`).

use super::shacl::Origin;
use crate::Result;
use crate::vocab::{dcterms, gg, prov};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{
    BlankNode, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, Term, Triple,
};
use oxigraph::store::Store;

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

/// In the RDF report, a result is tied to its minutes document and line
/// the way every fact of the graph is.
impl Origin for Source {
    fn triples(&self, result: &BlankNode, out: &mut Vec<Triple>) {
        out.push(Triple::new(
            result.clone(),
            NamedNode::new_unchecked(prov::WAS_DERIVED_FROM),
            NamedNode::new_unchecked(self.document.clone()),
        ));
        if let Some(l) = self.line {
            out.push(Triple::new(
                result.clone(),
                NamedNode::new_unchecked(gg::SOURCE_LINE),
                Literal::from(l as i64),
            ));
        }
    }
}

/// A minutes document, and the line in it when the graph gives one.
type Found = (Term, Option<u64>);

/// Where `focus` was read from: its own provenance, its document's (a
/// meeting), or that of the nearest sourced node that points to it (a
/// person, through an attendance).
pub(super) fn locate(store: &Store, focus: &Term) -> Result<Option<Source>> {
    let Some(s) = subject(focus) else {
        return Ok(None);
    };
    let mut found = own(store, s)?;
    if found.is_none() {
        let src = NamedNodeRef::new_unchecked(dcterms::SOURCE);
        found = objects(store, s, src)?
            .into_iter()
            .next()
            .map(|d| (d, None));
    }
    if found.is_none() {
        let doc = NamedNodeRef::new_unchecked(gg::DOCUMENT);
        if objects(store, s, rdf::TYPE)?
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
        let first = pointers(store, focus)?;
        found = nearest(store, &first)?;
        if found.is_none() {
            let mut second = Vec::new();
            for p in first.iter().take(64) {
                second.extend(pointers(store, p)?);
            }
            found = nearest(store, &second)?;
        }
    }
    let Some((Term::NamedNode(doc), line)) = found else {
        return Ok(None);
    };
    Ok(Some(Source {
        file: file(store, &doc)?,
        document: doc.into_string(),
        line,
    }))
}

/// A term as the subject of a triple, when it can be one.
fn subject(t: &Term) -> Option<NamedOrBlankNodeRef<'_>> {
    match t {
        Term::NamedNode(n) => Some(n.as_ref().into()),
        Term::BlankNode(b) => Some(b.as_ref().into()),
        _ => None,
    }
}

fn objects(store: &Store, s: NamedOrBlankNodeRef<'_>, p: NamedNodeRef<'_>) -> Result<Vec<Term>> {
    Ok(store
        .quads_for_pattern(Some(s), Some(p), None, Some(GraphNameRef::DefaultGraph))
        .map(|q| q.map(|q| q.object))
        .collect::<std::result::Result<_, _>>()?)
}

/// A node's own provenance: `prov:wasDerivedFrom` and `gg:sourceLine`.
fn own(store: &Store, s: NamedOrBlankNodeRef<'_>) -> Result<Option<Found>> {
    let derived = NamedNodeRef::new_unchecked(prov::WAS_DERIVED_FROM);
    let line = NamedNodeRef::new_unchecked(gg::SOURCE_LINE);
    let Some(d) = objects(store, s, derived)?.into_iter().next() else {
        return Ok(None);
    };
    let l = objects(store, s, line)?.into_iter().find_map(|l| match l {
        Term::Literal(l) => l.value().parse::<u64>().ok(),
        _ => None,
    });
    Ok(Some((d, l)))
}

/// The subjects of the triples whose object is `t`, sorted so that the
/// choice among them does not depend on storage order.
fn pointers(store: &Store, t: &Term) -> Result<Vec<Term>> {
    let mut v: Vec<Term> = store
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
}

/// Of `nodes`, the provenance that comes first by document and line, so
/// that a node pointed to from many places is always placed at the same
/// one.
fn nearest(store: &Store, nodes: &[Term]) -> Result<Option<Found>> {
    let mut best: Option<(String, Option<u64>, Term)> = None;
    for n in nodes {
        let Some(s) = subject(n) else { continue };
        if let Some((d, l)) = own(store, s)? {
            let key = (d.to_string(), l);
            if best.as_ref().is_none_or(|b| (b.0.clone(), b.1) > key) {
                best = Some((key.0, key.1, d));
            }
        }
    }
    Ok(best.map(|(_, l, d)| (d, l)))
}

/// The file a document was read from, as `owner/repo/path` when the
/// repository is on GitHub, else its path (or, lacking one, its IRI).
fn file(store: &Store, doc: &NamedNode) -> Result<String> {
    let text = |p: &str| -> Result<Option<String>> {
        Ok(
            objects(store, doc.as_ref().into(), NamedNodeRef::new_unchecked(p))?
                .into_iter()
                .find_map(|t| match t {
                    Term::Literal(l) => Some(l.value().to_owned()),
                    Term::NamedNode(n) => Some(n.into_string()),
                    _ => None,
                }),
        )
    };
    let path = text(gg::SOURCE_PATH)?.unwrap_or_else(|| doc.as_str().to_owned());
    Ok(match text(dcterms::IS_PART_OF)? {
        Some(repo) => match repo.strip_prefix("https://github.com/") {
            Some(r) => format!("{r}/{path}"),
            None => path,
        },
        None => path,
    })
}

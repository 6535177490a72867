//! Facts that need several documents, recomputed after an ingest that
//! changed the store (see the fingerprint in `ingest`).

use super::Store;
use crate::error::Result;
use crate::map::Iris;
use crate::resolve::{self, Identities};
use crate::vocab::gg;
use oxigraph::model::vocab::rdf;
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
use oxigraph::sparql::QueryResults;

/// How facts are derived from the documents: part of the fingerprint an
/// ingest compares to decide whether to derive again, so a store derived
/// by an older govgraph is derived again. Change it with `derive` or with
/// the counts of an ingest's summary.
pub(super) const VERSION: &str = "derive.1";

/// Facts that need several documents, recomputed after an ingest that
/// changed the store.
///
/// - Carried-over actions: an action with the same key (assignee and text)
///   as one in an earlier meeting of the same group gets
///   `gg:carriedOverFrom` that earlier one. These live in the `derived`
///   graph, which is part of the union like a document.
/// - Identity suggestions: logins that look like typos of more common ones
///   (never merged; an aliases file makes them facts). These live in the
///   `suggestions` graph, outside the union, so no query mistakes them for
///   facts; `GRAPH` reaches them.
pub(super) fn derive(store: &Store, iris: &Iris, ids: &Identities) -> Result<()> {
    let q = format!(
        "SELECT ?a ?key ?g ?date WHERE {{ ?a <{}> ?key ; <{}> ?m . ?m <{}> ?g ; <{}> ?date }}",
        gg::ACTION_KEY,
        gg::MEETING_PROP,
        crate::vocab::schema::ORGANIZER,
        crate::vocab::schema::START_DATE
    );
    let mut actions: Vec<(String, String, String, String)> = Vec::new();
    if let QueryResults::Solutions(sols) = store.select(&q)? {
        for s in sols {
            let s = s?;
            let text = |v: &str| match s.get(v) {
                Some(Term::NamedNode(n)) => n.as_str().to_owned(),
                Some(Term::Literal(l)) => l.value().to_owned(),
                _ => String::new(),
            };
            actions.push((text("g"), text("key"), text("date"), text("a")));
        }
    }
    // Sorted by group, key, date: each occurrence is linked to the latest
    // occurrence on a strictly earlier date (the same action listed twice
    // in one meeting does not break the chain).
    actions.sort();
    let derived = iris.graph("derived");
    let mut quads = Vec::new();
    for run in actions.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
        for (i, (_, _, date, a1)) in run.iter().enumerate() {
            if let Some((_, _, _, a0)) = run[..i].iter().rev().find(|(_, _, d0, _)| d0 < date) {
                quads.push(Quad::new(
                    NamedNode::new_unchecked(a1.clone()),
                    NamedNode::new_unchecked(gg::CARRIED_OVER_FROM),
                    NamedNode::new_unchecked(a0.clone()),
                    derived.clone(),
                ));
            }
        }
    }
    store.replace_document(&derived, &quads)?;

    let q = format!(
        "SELECT ?h ?n WHERE {{ ?x <{}> ?h OPTIONAL {{ ?x <{}> ?n }} }}",
        gg::HANDLE_AS_WRITTEN,
        gg::NAME_AS_WRITTEN
    );
    let mut seen: Vec<(String, Option<String>)> = Vec::new();
    if let QueryResults::Solutions(sols) = store.select(&q)? {
        for s in sols {
            let s = s?;
            if let Some(Term::Literal(h)) = s.get("h") {
                let n = match s.get("n") {
                    Some(Term::Literal(n)) => Some(n.value().to_owned()),
                    _ => None,
                };
                seen.push((h.value().to_owned(), n));
            }
        }
    }
    let graph = iris.graph("suggestions");
    let g = GraphName::NamedNode(graph.clone());
    let mut quads = Vec::new();
    for s in resolve::suggestions(seen.iter().map(|(h, n)| (h.as_str(), n.as_deref()))) {
        if ids.declared_same(&s.rare, &s.common) {
            continue;
        }
        let node = iris.suggestion(&s.rare, &s.common);
        let add = |quads: &mut Vec<Quad>, p: &str, o: Term| {
            quads.push(Quad::new(
                node.clone(),
                NamedNode::new_unchecked(p),
                o,
                g.clone(),
            ));
        };
        add(
            &mut quads,
            rdf::TYPE.as_str(),
            NamedNode::new_unchecked(gg::IDENTITY_SUGGESTION).into(),
        );
        let person = |l: &str| iris.person(&resolve::PersonKey::Login(l.to_owned())).into();
        add(&mut quads, gg::CANDIDATE, person(&s.rare));
        add(&mut quads, gg::RESEMBLES, person(&s.common));
        add(
            &mut quads,
            gg::EDIT_DISTANCE,
            Literal::from(s.distance as i64).into(),
        );
        add(
            &mut quads,
            gg::REASON,
            Literal::new_simple_literal(format!(
                "`{}` ({} times) looks like a typo of `{}` ({} times): {}",
                s.rare, s.counts.0, s.common, s.counts.1, s.reason
            ))
            .into(),
        );
    }
    let mut tx = store.inner.start_transaction()?;
    tx.clear_graph(graph.as_ref())?;
    tx.extend(&quads);
    tx.commit()?;
    Ok(())
}

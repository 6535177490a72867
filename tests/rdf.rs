//! Exports re-parse to the graph they came from: compared as canonicalised
//! graphs (isomorphism), never as strings.

mod common;

use common::*;
use govgraph::store::Store;
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser};
use oxigraph::model::dataset::CanonicalizationAlgorithm;
use oxigraph::model::{Dataset, Graph, GraphNameRef, Quad, Triple};

fn store() -> Store {
    ingest_memory(&[root().join("examples")]).0
}

fn export(store: &Store, format: RdfFormat) -> Vec<u8> {
    let mut out = Vec::new();
    store.export(format, &mut out).unwrap();
    out
}

fn parse(format: RdfFormat, bytes: &[u8]) -> Vec<Quad> {
    RdfParser::from_format(format)
        .for_slice(bytes)
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{format}: {e}"))
}

fn union(store: &Store) -> Graph {
    let mut g: Graph = store
        .oxigraph()
        .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
        .map(|q| Triple::from(q.unwrap()))
        .collect();
    g.canonicalize(CanonicalizationAlgorithm::Unstable);
    g
}

#[test]
fn triple_formats_round_trip_to_the_union_graph() {
    let store = store();
    let want = union(&store);
    assert!(want.len() > 1000);
    for format in [
        RdfFormat::Turtle,
        RdfFormat::NTriples,
        RdfFormat::RdfXml,
        RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
    ] {
        let mut got: Graph = parse(format, &export(&store, format))
            .into_iter()
            .map(Triple::from)
            .collect();
        got.canonicalize(CanonicalizationAlgorithm::Unstable);
        assert_eq!(got.len(), want.len(), "{format}");
        assert!(got == want, "{format}: not isomorphic");
    }
}

#[test]
fn quad_formats_keep_one_named_graph_per_document() {
    let store = store();
    let mut want: Dataset = store
        .oxigraph()
        .iter()
        .map(Result::unwrap)
        .filter(|q| !q.graph_name.is_default_graph())
        .collect();
    want.canonicalize(CanonicalizationAlgorithm::Unstable);
    for format in [RdfFormat::NQuads, RdfFormat::TriG] {
        let quads = parse(format, &export(&store, format));
        assert!(
            quads.iter().all(|q| !q.graph_name.is_default_graph()),
            "{format}: default graph written"
        );
        let graphs: std::collections::BTreeSet<String> =
            quads.iter().map(|q| q.graph_name.to_string()).collect();
        assert_eq!(
            graphs.len(),
            10 + 1,
            "{format}: ten documents and the ontology"
        );
        let mut got: Dataset = quads.into_iter().collect();
        got.canonicalize(CanonicalizationAlgorithm::Unstable);
        assert!(got == want, "{format}: not isomorphic");
    }
}

#[test]
fn export_is_deterministic() {
    let a = export(&store(), RdfFormat::Turtle);
    let b = export(&store(), RdfFormat::Turtle);
    assert_eq!(a, b);
}

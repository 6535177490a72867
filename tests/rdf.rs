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
        // The store's bookkeeping describes the store, not the minutes.
        .filter(|q| q.graph_name.to_string() != format!("<{}>", govgraph::vocab::STATE_GRAPH))
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
            14 + 1 + 6 + 1,
            "{format}: fourteen documents, the ontology, six groups' derived facts and the people's labels"
        );
        let mut got: Dataset = quads.into_iter().collect();
        got.canonicalize(CanonicalizationAlgorithm::Unstable);
        assert!(got == want, "{format}: not isomorphic");
    }
}

/// The same examples give the same bytes in every export, whether the
/// store is in memory or on disk, and from run to run (issue 12: exports
/// are now sorted one graph at a time, on keys borrowed from the terms).
#[test]
fn export_is_deterministic() {
    let memory = store();
    let db = tempfile::tempdir().unwrap();
    let disk = Store::open(&db.path().join("g.db")).unwrap();
    ingest_into(&disk, &[root().join("examples")]);
    for format in [RdfFormat::Turtle, RdfFormat::NQuads, RdfFormat::TriG] {
        let a = export(&memory, format);
        assert_eq!(a, export(&store(), format), "{format}: run to run");
        assert_eq!(a, export(&disk, format), "{format}: memory and disk");
    }
    let context = govgraph::jsonld::parse_context(govgraph::jsonld::CONTEXT).unwrap();
    let compact = |s: &Store| {
        let mut out = Vec::new();
        s.export_compacted_jsonld(&context, &mut out).unwrap();
        out
    };
    assert_eq!(compact(&memory), compact(&disk), "compacted JSON-LD");
}

/// The compacted JSON-LD export (issue 5), through the library as
/// `govgraph export --format jsonld` runs it: one graph compacted at a
/// time (issue 12), in one document.
fn compacted(store: &Store) -> serde_json::Value {
    let context = govgraph::jsonld::parse_context(govgraph::jsonld::CONTEXT).unwrap();
    let mut out = Vec::new();
    store.export_compacted_jsonld(&context, &mut out).unwrap();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn compacted_json_ld_is_the_same_dataset_with_readable_keys() {
    let store = store();
    let doc = compacted(&store);
    // Another processor (Oxigraph's parser) reads it back, context inline,
    // to the dataset of the quad exports.
    let mut want: Dataset = parse(RdfFormat::NQuads, &export(&store, RdfFormat::NQuads))
        .into_iter()
        .collect();
    want.canonicalize(CanonicalizationAlgorithm::Unstable);
    let bytes = serde_json::to_vec(&doc).unwrap();
    let mut got: Dataset = parse(
        RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
        &bytes,
    )
    .into_iter()
    .collect();
    got.canonicalize(CanonicalizationAlgorithm::Unstable);
    assert_eq!(got.len(), want.len());
    assert!(got == want, "not isomorphic");

    // Every key the mapping writes has a term in the context: no prefixed
    // name or IRI as a key outside the ontology's own graph.
    fn keys(v: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
        match v {
            serde_json::Value::Object(o) => {
                for (k, x) in o {
                    out.insert(k.clone());
                    keys(x, out);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| keys(x, out)),
            _ => {}
        }
    }
    let mut found = std::collections::BTreeSet::new();
    for g in doc["@graph"].as_array().unwrap() {
        if g["id"] != govgraph::vocab::ONTOLOGY_GRAPH {
            keys(g, &mut found);
        }
    }
    let unreadable: Vec<_> = found.iter().filter(|k| k.contains(':')).collect();
    assert!(unreadable.is_empty(), "{unreadable:?}");
    assert!(found.contains("attendee") && found.contains("wasDerivedFrom"));

    // The same store gives the same document.
    assert_eq!(doc, compacted(&store));
}

/// Issue 13: minutes holding control characters (`\x01`, a form feed, an
/// escape sequence, a NUL past the first 8 KiB) gave an RDF/XML export that
/// no XML parser accepts.
#[test]
fn control_characters_in_minutes_leave_rdf_xml_well_formed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("zeta-org+tsc/meetings");
    std::fs::create_dir_all(&dir).unwrap();
    let mut text = b"# Zeta TSC Meeting 2024-06-04\n\n## Present\n\n* Ana Souza (@anasouza)\n\n## Notes\n\n* Ana\x01 will\x0c send the \x1b[1mdraft\x1b[0m\n".to_vec();
    text.extend(std::iter::repeat_n(b'x', 9000));
    text.extend_from_slice(b"\n* Bo\x00 will review it\n");
    std::fs::write(dir.join("2024-06-04.md"), &text).unwrap();
    let (store, _) = ingest_memory(&[tmp.path().to_path_buf()]);
    let xml = export(&store, RdfFormat::RdfXml);
    let bad: Vec<u8> = xml
        .iter()
        .copied()
        .filter(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
        .collect();
    assert!(bad.is_empty(), "control bytes in RDF/XML: {bad:?}");
    let triples = parse(RdfFormat::RdfXml, &xml);
    assert!(
        triples.iter().any(|q| q
            .object
            .to_string()
            .contains("will  send the  [1mdraft [0m")),
        "the action's text, controls as spaces"
    );
}

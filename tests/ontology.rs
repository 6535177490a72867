//! The ontology declares every term govgraph writes, with a label and a
//! comment, and parses.

use govgraph::vocab;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::vocab::rdfs;
use oxigraph::model::{NamedOrBlankNode, Quad};

#[test]
fn every_gg_term_is_declared_with_label_and_comment() {
    let quads: Vec<Quad> = RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(govgraph::ONTOLOGY_TTL.as_bytes())
        .collect::<Result<_, _>>()
        .unwrap();
    let has = |term: &str, p: &str| {
        quads.iter().any(|q| {
            matches!(&q.subject, NamedOrBlankNode::NamedNode(n) if n.as_str() == term)
                && q.predicate.as_str() == p
        })
    };
    for term in vocab::gg::ALL {
        assert!(has(term, rdfs::LABEL.as_str()), "{term} has no rdfs:label");
        assert!(
            has(term, rdfs::COMMENT.as_str()),
            "{term} has no rdfs:comment"
        );
    }
}

#[test]
fn the_context_is_json() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/ontology/context.jsonld"
    ))
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(v["@context"].is_object());
}

//! Compacted JSON-LD: the graph as JSON with readable keys.
//!
//! Oxigraph writes expanded JSON-LD only (full IRIs everywhere). This
//! module compacts that against a context, by default
//! `ontology/context.jsonld`, with the `json-ld` crate (a JSON-LD 1.1
//! processor; the one sophia re-exports). The context is embedded in the
//! output, so readers need no network, and no remote context is ever
//! fetched: a context that imports one is refused.
//!
//! It does no I/O: it takes the expanded document and the context as
//! values and returns the compacted document.

use crate::{Error, Result};
use iref::IriBuf;
use json_ld::syntax::context::Value as ContextValue;
use json_ld::{
    ExtractContext, JsonLdProcessor, NoLoader, Options, RemoteDocument, RemoteDocumentReference,
};
use rdf_types::BlankIdBuf;
use serde_json::Value;

type Json = json_syntax::Value<()>;

/// govgraph's context, as in `ontology/context.jsonld`.
pub const CONTEXT: &str = include_str!("../../../ontology/context.jsonld");

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

/// Checks that `text` is a JSON-LD context document (`{"@context": …}`)
/// and returns it as JSON.
///
/// # Errors
///
/// Fails when the text is not JSON, has no `@context`, or its context does
/// not process (a bad term definition, a remote context).
pub fn parse_context(text: &str) -> Result<Value> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| Error::Context(format!("not JSON: {e}")))?;
    // Compacting an empty document runs the context processing algorithm,
    // so every error a context can hold shows here, before any output.
    compact(&Value::Array(Vec::new()), &value)?;
    Ok(value)
}

/// Compacts an expanded JSON-LD document (as Oxigraph writes it) against
/// `context`, a context document (`{"@context": …}`).
///
/// Types become `@type` values (so class names compact), and nodes are
/// sorted by id, so the same graph always gives the same document.
///
/// # Errors
///
/// Fails when the context does not process or names a remote context.
pub fn compact(expanded: &Value, context: &Value) -> Result<Value> {
    let mut input = expanded.clone();
    rdf_type_to_keyword(&mut input);
    let input =
        RemoteDocument::<IriBuf, (), Json>::new(None, None, Json::from_serde_json(input, |_| ()));
    let ctx = Json::extract_context(Json::from_serde_json(context.clone(), |_| ()))
        .map_err(|e| Error::Context(e.to_string()))?;
    let ctx: RemoteDocumentReference<IriBuf, (), ContextValue<()>> =
        RemoteDocumentReference::Loaded(RemoteDocument::new(None, None, ctx));
    // A loader that loads nothing: no network, ever.
    let mut loader = NoLoader::<IriBuf, (), Json>::new();
    let options = Options::<IriBuf, (), ContextValue<()>> {
        compact_arrays: true,
        ..Options::default()
    };
    let run = input.compact_with_using::<BlankIdBuf, _, _, _>(
        rdf_types::vocabulary::no_vocabulary_mut(),
        ctx,
        &mut loader,
        options,
    );
    let out = futures::executor::block_on(run).map_err(|e| Error::Context(e.to_string()))?;
    let mut out = Json::into_serde_json(out);
    sort_graphs(&mut out);
    Ok(out)
}

/// Oxigraph writes `rdf:type` as an ordinary property; JSON-LD's `@type`
/// is what compaction turns into the context's class names.
fn rdf_type_to_keyword(v: &mut Value) {
    match v {
        Value::Array(a) => a.iter_mut().for_each(rdf_type_to_keyword),
        Value::Object(o) => {
            if let Some(Value::Array(g)) = o.get_mut("@graph") {
                g.iter_mut().for_each(rdf_type_to_keyword);
            }
            if o.contains_key("@value") || o.contains_key("@list") {
                return;
            }
            if let Some(Value::Array(values)) = o.remove(RDF_TYPE) {
                let (ids, rest): (Vec<Value>, Vec<Value>) = values.into_iter().partition(|x| {
                    x.as_object()
                        .is_some_and(|m| m.len() == 1 && m.contains_key("@id"))
                });
                if !ids.is_empty() {
                    let t = o.entry("@type").or_insert_with(|| Value::Array(Vec::new()));
                    if let Value::Array(t) = t {
                        t.extend(ids.into_iter().map(|x| x["@id"].clone()));
                    }
                }
                if !rest.is_empty() {
                    o.insert(RDF_TYPE.into(), Value::Array(rest));
                }
            }
        }
        _ => {}
    }
}

/// The processor keeps nodes in a hash set, so their order changes from
/// run to run; sort each `@graph` by node id.
fn sort_graphs(v: &mut Value) {
    let Some(Value::Array(g)) = v.get_mut("@graph") else {
        return;
    };
    g.iter_mut().for_each(sort_graphs);
    g.sort_by_cached_key(|n| {
        let id = n
            .get("id")
            .or_else(|| n.get("@id"))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        (id, n.to_string())
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn compacts_with_the_shipped_context() {
        let ctx = parse_context(CONTEXT).unwrap();
        let expanded = json!([{
            "@id": "https://example.org/m",
            RDF_TYPE: [{"@id": "https://w3id.org/govgraph/ns#Meeting"}],
            "https://schema.org/startDate": [{
                "@value": "2031-01-02",
                "@type": "http://www.w3.org/2001/XMLSchema#date"
            }]
        }]);
        let out = compact(&expanded, &ctx).unwrap();
        assert_eq!(out["type"], "Meeting", "{out}");
        assert_eq!(out["date"], "2031-01-02", "{out}");
        assert_eq!(out["@context"], ctx["@context"]);
    }

    #[test]
    fn bad_contexts_are_refused() {
        for bad in [
            "not json",
            r#"{"no": "context"}"#,
            r#"{"@context": 5}"#,
            r#"{"@context": "https://example.org/remote.jsonld"}"#,
            r#"{"@context": {"x": {"@id": "y", "@type": "notAnIri"}}}"#,
        ] {
            assert!(parse_context(bad).is_err(), "{bad}");
        }
    }
}

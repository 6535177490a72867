//! Time and size of what issue 5 added, on the ingested shared corpus:
//! SHACL validation, each RDF export (compacted JSON-LD beside expanded),
//! the property-graph projection, and a query through `govgraph serve`'s
//! handler against the same query run directly. Figures only: nothing is
//! asserted, as timings on these machines are noisy.
//!
//! `cargo bench --bench exports`

mod common;

use govgraph::{jsonld, project, query, validate};
use oxigraph::io::RdfFormat;
use std::time::{Duration, Instant};

fn time<T>(what: &str, runs: usize, mut f: impl FnMut() -> T) -> T {
    let mut times = Vec::new();
    let mut out = None;
    for _ in 0..runs {
        let t = Instant::now();
        out = Some(f());
        times.push(t.elapsed());
    }
    times.sort();
    println!(
        "{what:<44} {:>9.1} ms (median of {runs})",
        ms(times[runs / 2])
    );
    out.unwrap()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let store = common::corpus_store(&dir);

    let shapes = validate::Shapes::builtin().unwrap();
    let r = time("validate (SHACL, built-in shapes)", 3, || {
        validate::validate(store.oxigraph(), &shapes).unwrap()
    });
    println!(
        "  {} focus nodes, {} results",
        r.focus_nodes,
        r.results.len()
    );

    for (name, format) in [
        ("turtle", RdfFormat::Turtle),
        ("nquads", RdfFormat::NQuads),
        (
            "jsonld (expanded)",
            RdfFormat::JsonLd {
                profile: Default::default(),
            },
        ),
    ] {
        let bytes = time(&format!("export {name}"), 3, || {
            let mut out = Vec::new();
            store.export(format, &mut out).unwrap();
            out
        });
        println!("  {:.1} MB", bytes.len() as f64 / 1e6);
    }
    let context = jsonld::parse_context(jsonld::CONTEXT).unwrap();
    let compacted = time("export jsonld (compacted, one graph at a time)", 3, || {
        let mut out = Vec::new();
        store.export_compacted_jsonld(&context, &mut out).unwrap();
        out
    });
    println!("  {:.1} MB compacted", compacted.len() as f64 / 1e6);

    let nodes = project::default_query("graph-nodes").unwrap();
    let edges = project::default_query("graph-edges").unwrap();
    let g = time("property-graph projection (2 queries)", 5, || {
        project::project(&store, &nodes, &edges).unwrap()
    });
    time("graphml writing", 5, || {
        let mut out = Vec::new();
        project::write_graphml(&g, &mut out).unwrap();
        out.len()
    });
    println!("  {} nodes, {} edges", g.nodes.len(), g.edges.len());

    // The engine's time for a saved query, which the endpoint adds to.
    let q = query::find("people-in-several-groups").unwrap().text;
    time("people-in-several-groups, direct (JSON)", 7, || {
        let mut out = Vec::new();
        let r = query::run(&store, &q, Vec::new()).unwrap();
        query::write(
            r,
            query::Output::Results(oxigraph::sparql::results::QueryResultsFormat::Json),
            &mut out,
        )
        .unwrap();
        out.len()
    });
}

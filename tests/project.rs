//! Property-graph exports (issue 5): the default projection carries the
//! graph's people, meetings, groups, organisations and GitHub items and
//! its attended, held, discussed, decided and assigned links; a user's own
//! queries change it. networkx reading the GraphML is checked in CI
//! (tests/interop).

mod common;

use assert_cmd::Command;
use common::*;
use govgraph::project::{self, AttrType, PropertyGraph};
use std::collections::BTreeSet;
use std::fs;

fn default_projection(store: &govgraph::store::Store) -> PropertyGraph {
    project::project(
        store,
        &project::default_query("graph-nodes").unwrap(),
        &project::default_query("graph-edges").unwrap(),
    )
    .unwrap()
}

/// The set of first columns (or pairs) a SELECT gives.
fn set(store: &govgraph::store::Store, sparql: &str) -> BTreeSet<Vec<String>> {
    rows(govgraph::query::run(store, sparql, Vec::new()).unwrap()).1
}

#[test]
fn the_default_projection_is_the_graph_seen_as_nodes_and_edges() {
    let (store, _) = ingest_memory(&[root().join("examples")]);
    let g = default_projection(&store);
    assert_eq!(g.dropped_edges, 0);

    let nodes = |kind: &str| -> BTreeSet<Vec<String>> {
        g.nodes
            .iter()
            .filter(|n| n.kind == kind)
            .map(|n| vec![n.id.clone()])
            .collect()
    };
    for (kind, class) in [
        ("Person", "foaf:Person"),
        ("Meeting", "gg:Meeting"),
        ("Group", "gg:Group"),
        ("Organization", "org:Organization"),
        ("Issue", "gg:Issue MINUS { ?x a gg:PullRequest }"),
        ("PullRequest", "gg:PullRequest"),
    ] {
        let want = set(
            &store,
            &format!("SELECT DISTINCT ?x WHERE {{ ?x a {class} }}"),
        );
        assert!(!want.is_empty(), "{kind}: the examples have some");
        assert_eq!(nodes(kind), want, "{kind}");
    }
    // Every node has a label, each id once.
    let label = g.node_keys.iter().position(|k| k.name == "label").unwrap();
    assert!(g.nodes.iter().all(|n| n.attrs[label].is_some()));
    let ids: BTreeSet<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids.len(), g.nodes.len());

    let edges = |kind: &str| -> BTreeSet<Vec<String>> {
        g.edges
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| vec![e.source.clone(), e.target.clone()])
            .collect()
    };
    for (kind, sparql) in [
        (
            "ATTENDED",
            "SELECT DISTINCT ?p ?m WHERE { ?m schema:attendee ?p }",
        ),
        (
            "HELD",
            "SELECT DISTINCT ?g ?m WHERE { ?m a gg:Meeting ; schema:organizer ?g }",
        ),
        (
            "PART_OF",
            "SELECT DISTINCT ?g ?o WHERE { ?g org:unitOf ?o }",
        ),
        (
            "DISCUSSED",
            "SELECT DISTINCT ?m ?i WHERE { ?m a gg:Meeting ; dcterms:references ?i }",
        ),
        (
            "DECIDED",
            "SELECT DISTINCT ?m ?i WHERE { ?d prov:wasGeneratedBy ?m ; schema:about ?i }",
        ),
        (
            "ASSIGNED",
            "SELECT DISTINCT ?p ?m WHERE { ?a a gg:Action ; gg:meeting ?m ; schema:agent ?p . ?p a foaf:Person }",
        ),
    ] {
        let want = set(&store, sparql);
        assert!(!want.is_empty(), "{kind}: the examples have some");
        assert_eq!(edges(kind), want, "{kind}");
    }
    // Attribute types come from the values: lines are numbers, dates dates.
    let kind_of = |name: &str| g.edge_keys.iter().find(|k| k.name == name).unwrap().kind;
    assert_eq!(kind_of("line"), AttrType::Long);
    assert_eq!(kind_of("date"), AttrType::Date);
    assert_eq!(kind_of("text"), AttrType::String);
}

fn govgraph() -> Command {
    let mut c = Command::cargo_bin("govgraph").unwrap();
    c.env_remove("GOVGRAPH_STORE");
    c
}

#[test]
fn users_change_the_projection_with_their_own_queries() {
    let (tmp, store) = examples_store();
    let s = store.as_str();
    fs::write(
        tmp.path().join("nodes.rq"),
        "SELECT ?id (\"Group\" AS ?kind) ?label (COUNT(?m) AS ?meetings)
         WHERE { ?id a gg:Group ; schema:name ?label . ?m a gg:Meeting ; schema:organizer ?id }
         GROUP BY ?id ?label",
    )
    .unwrap();
    fs::write(
        tmp.path().join("edges.rq"),
        "SELECT ?source ?target (\"PART_OF\" AS ?kind) WHERE { ?source org:unitOf ?target }",
    )
    .unwrap();
    let out = govgraph()
        .current_dir(tmp.path())
        .args([
            "export",
            "--store",
            s,
            "--format",
            "graphml",
            "--nodes-query",
            "nodes.rq",
            "--edges-query",
            "edges.rq",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let xml = String::from_utf8(out.stdout).unwrap();
    assert!(
        xml.contains(r#"<key id="n1" for="node" attr.name="meetings" attr.type="long"/>"#),
        "{xml}"
    );
    assert_eq!(xml.matches("<node ").count(), 6, "{xml}");
    // The organisations are not nodes of this projection: its edges go.
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("6 nodes and 0 edges written; 6 edges left out"),
        "{stderr}"
    );

    let dir = tmp.path().join("neo4j");
    govgraph()
        .current_dir(tmp.path())
        .args([
            "export",
            "--store",
            s,
            "--format",
            "neo4j-csv",
            "--nodes-query",
            "nodes.rq",
            "-o",
        ])
        .arg(&dir)
        .assert()
        .success();
    let nodes = fs::read_to_string(dir.join("nodes.csv")).unwrap();
    assert_eq!(
        nodes.lines().next(),
        Some("id:ID,:LABEL,label,meetings:long")
    );
    assert!(
        nodes.contains("\"Group\",\"acme-js/release\",3\n"),
        "{nodes}"
    );
    let rels = fs::read_to_string(dir.join("relationships.csv")).unwrap();
    assert!(rels.starts_with(":START_ID,:END_ID,:TYPE,"), "{rels}");
}

#[test]
fn a_meeting_without_a_title_still_has_a_label() {
    // Regression (issue 5): networkx found an unlabelled meeting node.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("quillcraft+tsc/meetings");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("2031-01-02.md"),
        "Attendees:\n\n* Wren Okafor (@wrenokafor)\n",
    )
    .unwrap();
    let (store, _) = ingest_memory(&[tmp.path().to_path_buf()]);
    let g = default_projection(&store);
    let label = g.node_keys.iter().position(|k| k.name == "label").unwrap();
    let meeting = g.nodes.iter().find(|n| n.kind == "Meeting").unwrap();
    assert_eq!(meeting.attrs[label].as_deref(), Some("2031-01-02"));
}

#[test]
fn bad_projections_give_one_line_and_exit_2() {
    let (tmp, store) = examples_store();
    let s = store.as_str();
    fs::write(
        tmp.path().join("nokind.rq"),
        "SELECT ?id WHERE { ?id a gg:Group }",
    )
    .unwrap();
    fs::write(tmp.path().join("broken.rq"), "SELECT ?source WHERE {").unwrap();
    for (args, message) in [
        (
            vec!["--format", "graphml", "--nodes-query", "nokind.rq"],
            "the nodes query must project ?id, ?kind",
        ),
        // The user's file is named, so they know which query to fix.
        (
            vec!["--format", "graphml", "--edges-query", "broken.rq"],
            "edges query broken.rq: the edges query is not valid SPARQL",
        ),
        (vec!["--format", "neo4j-csv"], "pass --output FOLDER"),
        (
            vec!["--format", "graphml", "--edges-query", "no-such-query"],
            "no saved query named `no-such-query`",
        ),
    ] {
        let out = govgraph()
            .current_dir(tmp.path())
            .args(["export", "--store", s])
            .args(&args)
            .output()
            .unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

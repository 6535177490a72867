//! Saved queries answer true things: each runs on `examples/`, whose answers
//! were worked out by hand into `tests/fixtures/expected/<query>.tsv`, and
//! results are compared as sets.

mod common;

use common::*;
use govgraph::query;

fn check(name: &str, params: &[(&str, &str)], expected_file: &str) {
    let (store, _) = ingest_memory(&[root().join("examples")]);
    let q = query::find(name).unwrap();
    let given: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let bindings = query::bind(&q.params, &given).unwrap();
    let (vars, got) = rows(query::run(&store, &q.text, bindings).unwrap());
    let (header, want) = read_tsv(&root().join("tests/fixtures/expected").join(expected_file));
    assert_eq!(vars, header, "{name}: columns");
    let missing: Vec<_> = want.difference(&got).collect();
    let extra: Vec<_> = got.difference(&want).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{name}: missing {missing:#?}\nextra {extra:#?}"
    );
}

#[test]
fn every_saved_query_matches_its_hand_worked_answer() {
    let dir = root().join("tests/fixtures/expected");
    let mut checked = 0;
    for q in query::saved() {
        let file = format!("{}.tsv", q.name);
        if dir.join(&file).exists() {
            check(&q.name, &[], &file);
            checked += 1;
        }
    }
    assert!(
        checked >= 5,
        "only {checked} saved queries have expected answers"
    );
}

#[test]
fn parameters_filter_results() {
    let (store, _) = ingest_memory(&[root().join("examples")]);
    let q = query::find("decisions").unwrap();
    let all = rows(query::run(&store, &q.text, query::bind(&q.params, &[]).unwrap()).unwrap()).1;
    let group = "https://w3id.org/govgraph/id/group/openwidget/tsc".to_owned();
    let only = rows(
        query::run(
            &store,
            &q.text,
            query::bind(&q.params, &[("group".into(), group.clone())]).unwrap(),
        )
        .unwrap(),
    )
    .1;
    assert!(
        !only.is_empty() && only.len() < all.len(),
        "{} of {}",
        only.len(),
        all.len()
    );
    assert!(only.is_subset(&all));
    let late = rows(
        query::run(
            &store,
            &q.text,
            query::bind(&q.params, &[("from".into(), "2024-04-01".into())]).unwrap(),
        )
        .unwrap(),
    )
    .1;
    assert!(late.len() < all.len());
}

#[test]
fn parameter_values_are_typed_and_never_change_the_query() {
    let q = query::find("decisions").unwrap();
    // A value that would break out of a string if spliced into the text is
    // just a string that matches nothing.
    let (store, _) = ingest_memory(&[root().join("examples")]);
    let evil = r#"x" ) } SELECT * WHERE { ?s ?p ?o } #"#;
    let got = rows(
        query::run(
            &store,
            &q.text,
            query::bind(&q.params, &[("text".into(), evil.into())]).unwrap(),
        )
        .unwrap(),
    )
    .1;
    assert!(got.is_empty());
    assert!(query::bind(&q.params, &[("from".into(), "last tuesday".into())]).is_err());
    assert!(query::bind(&q.params, &[("group".into(), "not an iri".into())]).is_err());
    assert!(query::bind(&q.params, &[("colour".into(), "red".into())]).is_err());
}

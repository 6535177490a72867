//! SHACL validation (issue 5): the shipped shapes against graphs govgraph
//! writes and against a hand-written broken graph, and the command's exit
//! codes. CI also checks that pyshacl agrees (tests/interop).

mod common;

use assert_cmd::Command;
use common::*;
use govgraph::validate::{Report, Severity, Shapes, validate};
use oxigraph::io::RdfFormat;
use std::collections::BTreeSet;
use std::fs;

/// One result as a line of `tests/fixtures/shacl/*.expected`:
/// severity, focus, path, constraint component, value (tab-separated,
/// `id:` for `https://example.org/id/`, `-` for none).
fn lines(report: &Report) -> BTreeSet<String> {
    let short = |t: &str| {
        regex::Regex::new(r"<https://example\.org/id/([^>]*)>")
            .unwrap()
            .replace_all(t, "id:$1")
            .into_owned()
    };
    report
        .results
        .iter()
        .map(|r| {
            [
                r.severity.to_string(),
                short(&r.focus),
                r.path.as_deref().map_or("-".into(), short),
                r.component.rsplit('#').next().unwrap().to_owned(),
                r.value.as_deref().map_or("-".into(), short),
            ]
            .join("\t")
        })
        .collect()
}

/// Validates a fixture graph with the shipped shapes and compares the
/// results, as a set, with the hand-checked `.expected` file.
fn check(name: &str) -> Report {
    let dir = root().join("tests/fixtures/shacl");
    let data = fs::read(dir.join(format!("{name}.ttl"))).unwrap();
    let store = govgraph::store::load_as_union(&data, RdfFormat::Turtle, None).unwrap();
    let report = validate(&store, &Shapes::builtin().unwrap()).unwrap();
    let expected: BTreeSet<String> = fs::read_to_string(dir.join(format!("{name}.expected")))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect();
    let got = lines(&report);
    assert_eq!(
        got,
        expected,
        "only got: {:#?}\nonly expected: {:#?}",
        got.difference(&expected).collect::<Vec<_>>(),
        expected.difference(&got).collect::<Vec<_>>()
    );
    report
}

#[test]
fn every_defect_of_the_broken_graph_is_found_and_nothing_else() {
    let report = check("broken");
    assert!(!report.conforms());
    // Results carry the file and line their focus node was read from.
    let decision = report
        .results
        .iter()
        .find(|r| r.focus.ends_with("/decision1>"))
        .unwrap();
    let source = decision.source.as_ref().unwrap();
    assert_eq!(source.file, "quillcraft/tsc/meetings/2031-02-30.md");
    assert_eq!(source.line, Some(12));
}

#[test]
fn what_govgraph_writes_conforms() {
    // The examples are well-formed minutes: no violation and no warning.
    let (store, _) = ingest_memory(&[root().join("examples")]);
    let report = validate(store.oxigraph(), &Shapes::builtin().unwrap()).unwrap();
    assert!(report.focus_nodes > 100, "{}", report.focus_nodes);
    assert!(report.conforms(), "{:#?}", report.results);
}

#[test]
fn the_corpus_has_no_violation_only_warnings_about_the_minutes() {
    // Regression (issue 5): `@everyone` and `@nodejs/tooling` were people,
    // and off-list owners' accounts were untyped.
    let (store, _) = ingest_memory(&[shared().join("corpus"), shared().join("seeds")]);
    let report = validate(store.oxigraph(), &Shapes::builtin().unwrap()).unwrap();
    assert_eq!(
        report.count(Severity::Violation),
        0,
        "{:#?}",
        report.results
    );
    let warnings: BTreeSet<String> = lines(&report)
        .into_iter()
        .map(|l| l.split('\t').nth(3).unwrap().to_owned())
        .collect();
    // Undated meetings, and logins no GitHub account can have.
    assert_eq!(
        warnings,
        BTreeSet::from([
            "MinCountConstraintComponent".into(),
            "PatternConstraintComponent".into()
        ])
    );
    for r in &report.results {
        assert!(r.source.is_some(), "no source for {r:?}");
    }
}

#[test]
fn the_command_reports_file_line_and_exits_1() {
    let tmp = tempfile::tempdir().unwrap();
    let broken = root().join("tests/fixtures/shacl/broken.ttl");
    let out = Command::cargo_bin("govgraph")
        .unwrap()
        .current_dir(tmp.path())
        .args(["validate", "--data", broken.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains(
            "quillcraft/tsc/meetings/2031-02-30.md:12: violation: \
             <https://example.org/id/decision1> schema:text: a decision has exactly one text"
        ),
        "{stdout}"
    );
    assert_eq!(stdout.lines().count(), 24, "{stdout}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("22 violations, 2 warnings"), "{stderr}");

    // The report as RDF: a SHACL validation report with 24 results.
    let out = Command::cargo_bin("govgraph")
        .unwrap()
        .args(["validate", "--format", "turtle", "--data"])
        .arg(&broken)
        .output()
        .unwrap();
    let store = govgraph::store::load_as_union(&out.stdout, RdfFormat::Turtle, None).unwrap();
    let results = oxigraph::sparql::SparqlEvaluator::new()
        .parse_query(
            "PREFIX sh: <http://www.w3.org/ns/shacl#>
             SELECT ?r WHERE { ?report a sh:ValidationReport ; sh:conforms false ; sh:result ?r }",
        )
        .unwrap()
        .on_store(&store)
        .execute()
        .unwrap();
    assert_eq!(rows(results).1.len(), 24);
}

#[test]
fn bad_shapes_give_one_line_and_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let data = root().join("tests/fixtures/shacl/broken.ttl");
    let cases = [
        ("garbage.ttl", "this is not turtle", "invalid shapes"),
        (
            "sparql.ttl",
            "@prefix sh: <http://www.w3.org/ns/shacl#> .\n\
             <s> a sh:NodeShape ; sh:targetClass <C> ; sh:sparql [ ] .",
            "sh:sparql, which govgraph does not implement",
        ),
        (
            "count.ttl",
            "@prefix sh: <http://www.w3.org/ns/shacl#> .\n\
             <s> a sh:NodeShape ; sh:targetClass <C> ; sh:property [ sh:path <p> ; sh:minCount \"x\" ] .",
            "sh:minCount must be a whole number",
        ),
    ];
    for (file, text, message) in cases {
        fs::write(tmp.path().join(file), text).unwrap();
        let out = Command::cargo_bin("govgraph")
            .unwrap()
            .current_dir(tmp.path())
            .args(["validate", "--shapes", file, "--data"])
            .arg(&data)
            .output()
            .unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{file}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{file}: {stderr}");
        assert!(stderr.contains(message), "{file}: {stderr}");
        assert!(stderr.contains(file), "{file}: {stderr}");
        assert!(out.stdout.is_empty());
    }
}

//! The whole shared corpus and the seeds ingest without a panic, every file
//! yields a meeting or says why not, and facts anyone can check in the files
//! hold in the graph.

mod common;

use common::*;
use govgraph::store::{Outcome, Report, Store};
use std::sync::OnceLock;

fn corpus() -> &'static (Store, Report) {
    static STORE: OnceLock<(Store, Report)> = OnceLock::new();
    STORE.get_or_init(|| ingest_memory(&[shared().join("corpus"), shared().join("seeds")]))
}

#[test]
fn every_file_ingests_and_yields_a_meeting_or_a_reason() {
    let (_, report) = corpus();
    assert!(report.files.len() >= 636, "{} files", report.files.len());
    for f in &report.files {
        assert_ne!(
            f.outcome,
            Outcome::Failed,
            "{}: {:?}",
            f.path.display(),
            f.diagnostics
        );
        assert!(
            !f.diagnostics.iter().any(|d| d.code == "internal-error"),
            "{}: the parser failed",
            f.path.display()
        );
        // A file without a meeting says why in the parser's own words (the
        // store's `no-meeting` note alone would prove nothing).
        if !f.meeting {
            assert!(
                f.diagnostics
                    .iter()
                    .any(|d| matches!(d.code, "no-date" | "no-title" | "no-attendees")),
                "{}: no meeting and no reason",
                f.path.display()
            );
        }
    }
    let meetings = report.files.iter().filter(|f| f.meeting).count();
    assert!(
        meetings * 100 >= report.files.len() * 98,
        "only {meetings} meetings"
    );
}

#[test]
fn ulises_gascon_is_one_person_seen_in_several_groups() {
    let (store, _) = corpus();
    // Spelled `Ulises Gascon @ulisesgascon`, `UlisesGascón: @UlisesGascon`,
    // `Ulises Gasc√≥n (@UlisesGascon)` (a damaged seed) across the files.
    let rows = select(
        store,
        "SELECT DISTINCT ?p ?g WHERE { ?m schema:attendee ?p ; schema:organizer ?g .
           ?p foaf:account/foaf:accountName \"ulisesgascon\" }",
    );
    let people: std::collections::BTreeSet<_> = rows.iter().map(|r| r[0].clone()).collect();
    let groups: std::collections::BTreeSet<_> = rows.iter().map(|r| r[1].clone()).collect();
    assert_eq!(people.len(), 1, "{people:?}");
    assert!(groups.len() >= 3, "{groups:?}");
    let names = select(
        store,
        "SELECT DISTINCT ?n WHERE { <https://w3id.org/govgraph/id/person/gh/ulisesgascon> foaf:name ?n }",
    );
    assert!(
        names.contains(&vec!["Ulises Gascón".to_owned()]),
        "{names:?}"
    );
}

#[test]
fn encoding_damage_never_reaches_the_graph() {
    let (store, _) = corpus();
    let damaged = select(
        store,
        "SELECT ?n WHERE { ?p foaf:name ?n FILTER(CONTAINS(?n, \"√\") || CONTAINS(?n, \"Ã\") || CONTAINS(?n, \"\\uFFFD\")) }",
    );
    assert!(damaged.is_empty(), "{damaged:?}");
}

#[test]
fn checkable_facts_from_the_files() {
    let (store, report) = corpus();
    // nodejs/security-wg meetings/2023-08-03.md lists Michael Dawson (@mhdawson)
    // and links issue #1059.
    let m = "<https://w3id.org/govgraph/id/meeting/nodejs/security-wg/meetings/2023-08-03>";
    let facts = select(
        store,
        &format!(
            "SELECT ?d ?i WHERE {{ {m} schema:startDate ?d ; gg:githubIssue ?i ; schema:attendee <https://w3id.org/govgraph/id/person/gh/mhdawson> }}"
        ),
    );
    assert_eq!(
        facts.into_iter().collect::<Vec<_>>(),
        vec![vec![
            "2023-08-03".to_owned(),
            "https://github.com/nodejs/security-wg/issues/1059".to_owned()
        ]]
    );
    // nodejs/Release doc/meetings/2022-04-14.md is titled 2022-04-07: the
    // file name wins and the disagreement is reported.
    let f = report
        .files
        .iter()
        .find(|f| {
            f.path
                .ends_with("nodejs+Release/doc/meetings/2022-04-14.md")
        })
        .unwrap();
    assert!(
        f.diagnostics.iter().any(|d| d.code == "date-mismatch"),
        "{:?}",
        f.diagnostics
    );
    // Team handles are groups, not people.
    let teams_as_people = select(
        store,
        "SELECT ?p WHERE { ?p foaf:account/foaf:accountName ?n FILTER(CONTAINS(?n, \"/\")) }",
    );
    assert!(teams_as_people.is_empty(), "{teams_as_people:?}");
}

/// Issue 4: saved queries on the ingested shared corpus give answers anyone
/// can check in the files.
#[test]
fn saved_queries_answer_checkable_questions_on_the_corpus() {
    use govgraph::query;
    let (store, _) = corpus();
    let run = |name: &str, params: &[(&str, &str)]| {
        let q = query::find(name).unwrap();
        let given: Vec<(String, String)> = params
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        rows(query::run(store, &q.text, query::bind(&q.params, &given).unwrap()).unwrap())
    };
    // Ulises Gascón (@UlisesGascon) attends the Node.js security WG, the
    // Express security WG and the OpenJS security collab space, among others.
    let (vars, several) = run("people-in-several-groups", &[]);
    let login = vars.iter().position(|v| v == "login").unwrap();
    let group = vars.iter().position(|v| v == "group").unwrap();
    let his: std::collections::BTreeSet<&str> = several
        .iter()
        .filter(|r| r[login] == "ulisesgascon")
        .map(|r| r[group].as_str())
        .collect();
    for g in ["nodejs/security-wg", "expressjs/security-wg"] {
        assert!(his.contains(g), "{g} not in {his:?}");
    }
    // nodejs/security-wg meetings/2023-08-03.md discusses #860 ("Automate
    // security release process"): its history lists that meeting.
    let (vars, history) = run("issue-history", &[("issue", "nodejs/security-wg#860")]);
    let date = vars.iter().position(|v| v == "date").unwrap();
    assert!(
        history.iter().any(|r| r[date] == "2023-08-03"),
        "{history:?}"
    );
    // The seeds and their corpus twins record the decision of 2023-08-03.
    let (vars, decided) = run("decisions", &[("text", "option 2 (array/multiple flags)")]);
    let date = vars.iter().position(|v| v == "date").unwrap();
    assert!(
        decided.iter().any(|r| r[date] == "2023-08-03"),
        "{decided:?}"
    );
}

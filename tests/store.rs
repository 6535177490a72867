//! Store behaviour: re-ingesting is idempotent, a changed document replaces
//! its graph and nothing else, the union stays consistent, and an on-disk
//! store persists and refuses a second writer clearly.

mod common;

use common::*;
use govgraph::store::{IngestOptions, Outcome, Store};
use std::fs;

const MINUTES: &str = "# Zeta TSC Meeting 2024-06-04\n\n## Present\n\n* Ann Lee (@annlee)\n* Bo Chen (@bochen)\n\n## Agenda\n\n### zeta-org/tsc\n\n* Budget [#3](https://github.com/zeta-org/tsc/issues/3)\n  * We agreed to fund the docs sprint.\n";
const OTHER: &str = "# Zeta TSC Meeting 2024-06-11\n\n## Present\n\n* Ann Lee (@annlee)\n\n## Agenda\n\n* Budget #3\n";

/// Jane Doe, written without a handle, then with one, then without again
/// (the identity tests).
const JANE_BY_NAME: &str = "# Zeta TSC Meeting 2024-06-04\n\n## Present\n\n* Jane Doe\n";
const JANE_WITH_HANDLE: &str =
    "# Zeta TSC Meeting 2024-06-11\n\n## Present\n\n* Jane Doe (@jdoe)\n";
const JANE_AGAIN_BY_NAME: &str = "# Zeta TSC Meeting 2024-06-11\n\n## Present\n\n* Jane Doe\n";

/// Every quad, the union's and each named graph's, but the store's
/// bookkeeping (which records how the store was reached, not what it holds).
const ALL_BUT_BOOKKEEPING: &str = "SELECT ?g ?s ?p ?o WHERE { { ?s ?p ?o } UNION \
    { GRAPH ?g { ?s ?p ?o } FILTER(?g != <urn:govgraph:state>) } }";

/// A store of two minutes, Jane Doe written by name, then with her handle.
fn jane_named_then_handled() -> (tempfile::TempDir, Store) {
    let d = dir_with(&[
        ("2024-06-04.md", JANE_BY_NAME),
        ("2024-06-11.md", JANE_WITH_HANDLE),
    ]);
    let store = Store::memory().unwrap();
    ingest_into(&store, &[d.path().to_path_buf()]);
    (d, store)
}

fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    let meetings = d.path().join("zeta-org+tsc/meetings");
    fs::create_dir_all(&meetings).unwrap();
    for (name, text) in files {
        fs::write(meetings.join(name), text).unwrap();
    }
    d
}

/// Asserts that `store` holds what a fresh ingest of `paths` gives, but
/// for the bookkeeping.
fn assert_same_as_fresh(store: &Store, paths: &[std::path::PathBuf]) {
    let fresh = Store::memory().unwrap();
    ingest_into(&fresh, paths);
    assert_eq!(
        select(store, ALL_BUT_BOOKKEEPING),
        select(&fresh, ALL_BUT_BOOKKEEPING)
    );
}

fn count(store: &Store, q: &str) -> usize {
    select(store, q).len()
}

#[test]
fn reingesting_unchanged_documents_changes_nothing() {
    let d = dir_with(&[("2024-06-04.md", MINUTES), ("2024-06-11.md", OTHER)]);
    let store = Store::memory().unwrap();
    let first = ingest_into(&store, &[d.path().to_path_buf()]);
    assert_eq!(first.count(Outcome::New), 2);
    let len = store.len().unwrap();
    let second = ingest_into(&store, &[d.path().to_path_buf()]);
    assert_eq!(second.count(Outcome::Unchanged), 2);
    assert_eq!(store.len().unwrap(), len);
}

#[test]
fn a_changed_document_replaces_only_its_own_graph() {
    let d = dir_with(&[("2024-06-04.md", MINUTES), ("2024-06-11.md", OTHER)]);
    let store = Store::memory().unwrap();
    ingest_into(&store, &[d.path().to_path_buf()]);
    // Bo leaves the first meeting's list; Ann stays (she is also in the other).
    let edited = MINUTES
        .replace("* Bo Chen (@bochen)\n", "")
        .replace("We agreed to fund", "We agreed to postpone");
    fs::write(d.path().join("zeta-org+tsc/meetings/2024-06-04.md"), edited).unwrap();
    let r = ingest_into(&store, &[d.path().to_path_buf()]);
    assert_eq!(r.count(Outcome::Changed), 1);
    assert_eq!(r.count(Outcome::Unchanged), 1);
    // Bo's triples are gone from the union: no document mentions him now.
    assert_eq!(
        count(
            &store,
            "SELECT ?p WHERE { ?p foaf:account/foaf:accountName \"bochen\" }"
        ),
        0
    );
    // Ann's are still there, once (the union is a set).
    assert_eq!(
        count(
            &store,
            "SELECT ?n WHERE { <https://w3id.org/govgraph/id/person/gh/annlee> foaf:name ?n }"
        ),
        1
    );
    let decisions = select(
        &store,
        "SELECT ?t WHERE { ?d a gg:Decision ; schema:text ?t }",
    );
    assert_eq!(
        decisions.into_iter().collect::<Vec<_>>(),
        vec![vec!["We agreed to postpone the docs sprint.".to_owned()]]
    );
    // The union equals what a fresh ingest of the same files gives.
    let fresh = Store::memory().unwrap();
    ingest_into(&fresh, &[d.path().to_path_buf()]);
    let all = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }";
    assert_eq!(select(&store, all), select(&fresh, all));
}

#[test]
fn an_on_disk_store_persists_and_refuses_a_second_writer() {
    let d = dir_with(&[("2024-06-04.md", MINUTES)]);
    let db = tempfile::tempdir().unwrap();
    let path = db.path().join("g.db");
    {
        let store = Store::open(&path).unwrap();
        ingest_into(&store, &[d.path().to_path_buf()]);
        let err = match Store::open(&path) {
            Ok(_) => panic!("a second writer opened the store"),
            Err(e) => e.to_string(),
        };
        assert!(err.contains("another govgraph process"), "{err}");
    }
    let store = Store::open_read_only(&path).unwrap();
    assert_eq!(count(&store, "SELECT ?m WHERE { ?m a gg:Meeting }"), 1);
}

/// Issue 3: an action written again in a later meeting of the same group is
/// linked to its earlier occurrence; a login typo is suggested apart from
/// the facts; an aliases file merges it into one person with both accounts.
#[test]
fn carried_over_actions_suggestions_and_aliases() {
    let meeting = |day: &str, handle: &str, action: &str| {
        format!(
            "# Zeta TSC Meeting 2024-06-{day}\n\n## Present\n\n* Ann Lee (@{handle})\n* Bo Chen (@bochen)\n\n## Agenda\n\n* Budget #3\n  * {action}\n"
        )
    };
    let d = dir_with(&[
        (
            "2024-06-04.md",
            &meeting("04", "annlee", "Bo will draft the budget."),
        ),
        (
            "2024-06-11.md",
            &meeting("11", "annlee", "Bo will draft the budget."),
        ),
        (
            "2024-06-18.md",
            &meeting("18", "annlee", "Bo will draft the budget"),
        ),
        (
            "2024-06-25.md",
            &meeting("25", "anlee", "We agreed to close it."),
        ),
    ]);
    let store = Store::memory().unwrap();
    ingest_into(&store, &[d.path().to_path_buf()]);
    // 11 carries 04 over, 18 carries 11 over (punctuation does not matter).
    let links = select(
        &store,
        "SELECT ?later ?earlier WHERE { ?a gg:carriedOverFrom ?b . ?a gg:meeting/schema:startDate ?later . ?b gg:meeting/schema:startDate ?earlier }",
    );
    let links: Vec<Vec<String>> = links.into_iter().collect();
    assert_eq!(
        links,
        vec![
            vec!["2024-06-11".to_owned(), "2024-06-04".to_owned()],
            vec!["2024-06-18".to_owned(), "2024-06-11".to_owned()]
        ]
    );

    // The typo is a suggestion, in its own graph, not a fact of the union.
    let in_union = select(&store, "SELECT ?s WHERE { ?s a gg:IdentitySuggestion }");
    assert!(in_union.is_empty());
    let suggested = select(
        &store,
        "SELECT ?c ?r WHERE { GRAPH <https://w3id.org/govgraph/id/graph/suggestions> { ?s gg:candidate ?c ; gg:resembles ?r } }",
    );
    assert_eq!(
        suggested.into_iter().collect::<Vec<_>>(),
        vec![vec![
            "https://w3id.org/govgraph/id/person/gh/anlee".to_owned(),
            "https://w3id.org/govgraph/id/person/gh/annlee".to_owned()
        ]]
    );

    // Declared the same: one node with both accounts, and no suggestion.
    let opts = IngestOptions {
        aliases: govgraph::resolve::Aliases::parse("same annlee anlee\n").unwrap(),
        ..Default::default()
    };
    let r = ingest_with(&store, &[d.path().to_path_buf()], &opts);
    assert_eq!(
        r.count(Outcome::Changed),
        4,
        "new rules map every document again"
    );
    let accounts = select(
        &store,
        "SELECT ?a WHERE { <https://w3id.org/govgraph/id/person/gh/annlee> foaf:account ?a }",
    );
    assert_eq!(accounts.len(), 2, "{accounts:?}");
    assert!(
        select(
            &store,
            "SELECT ?p WHERE { ?m schema:attendee ?p FILTER(CONTAINS(STR(?p), \"anlee\")) }"
        )
        .is_empty()
    );
    assert!(
        select(
            &store,
            "SELECT ?s WHERE { GRAPH ?g { ?s a gg:IdentitySuggestion } }"
        )
        .is_empty()
    );
}

/// Review finding: two folders with the same name (`a/meetings`,
/// `b/meetings`, not in a repository) once gave one document key, and one
/// document silently replaced the other. The same file reached by two
/// spellings is one document; `x.md` beside `x.txt` is two meetings.
#[test]
fn documents_never_overwrite_each_other() {
    let tmp = tempfile::tempdir().unwrap();
    for (dir, who) in [("a", "Ann Lee (@annlee)"), ("b", "Bo Chen (@bochen)")] {
        let m = tmp.path().join(dir).join("meetings");
        fs::create_dir_all(&m).unwrap();
        fs::write(
            m.join("2023-01-05.md"),
            format!("# TSC Meeting 2023-01-05\n\n## Present\n\n* {who}\n"),
        )
        .unwrap();
    }
    fs::write(
        tmp.path().join("a/meetings/2023-01-05.txt"),
        "# TSC Meeting 2023-01-05\n\n## Present\n\n* Cy Park (@cypark)\n",
    )
    .unwrap();
    let store = Store::memory().unwrap();
    let a = tmp.path().join("a/meetings");
    let again = tmp.path().join("a/meetings/../meetings/2023-01-05.md");
    let report = ingest_into(&store, &[a, tmp.path().join("b/meetings"), again]);
    assert_eq!(
        report.files.len(),
        3,
        "{:?}",
        report.files.iter().map(|f| &f.path).collect::<Vec<_>>()
    );
    assert_eq!(count(&store, "SELECT ?m WHERE { ?m a gg:Meeting }"), 3);
    assert_eq!(
        count(&store, "SELECT ?p WHERE { ?m schema:attendee ?p }"),
        3
    );
}

/// Review finding: an incremental ingest must give the graph a fresh
/// ingest gives, even when a later document tells who a name is.
#[test]
fn incremental_ingest_equals_fresh_ingest() {
    let d = dir_with(&[("2024-06-04.md", JANE_BY_NAME)]);
    let store = Store::memory().unwrap();
    ingest_into(&store, &[d.path().to_path_buf()]);
    fs::write(
        d.path().join("zeta-org+tsc/meetings/2024-06-11.md"),
        JANE_WITH_HANDLE,
    )
    .unwrap();
    ingest_into(&store, &[d.path().to_path_buf()]);
    let fresh = Store::memory().unwrap();
    ingest_into(&fresh, &[d.path().to_path_buf()]);
    let people = "SELECT ?p WHERE { ?m schema:attendee ?p }";
    assert_eq!(count(&store, people), 1);
    assert_eq!(
        select(&store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"),
        select(&fresh, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    );
}

/// Issue 12: a re-ingest parses only what it must. Unchanged files are
/// recognised by their bytes; one whose names resolve otherwise since it
/// was stored (another ingest, of other files, told who `Jane Doe` is) is
/// parsed and mapped again, and the store then equals a fresh ingest.
#[test]
fn unchanged_files_are_not_parsed_unless_their_names_resolve_otherwise() {
    let jane = "# Zeta TSC Meeting 2024-06-04\n\n## Present\n\n* Jane Doe\n* Ann Lee (@annlee)\n";
    let first = dir_with(&[("2024-06-04.md", jane)]);
    let second = dir_with(&[("2024-06-11.md", JANE_WITH_HANDLE)]);
    let store = Store::memory().unwrap();
    let report = ingest_into(&store, &[first.path().to_path_buf()]);
    assert_eq!((report.count(Outcome::New), report.not_parsed), (1, 0));
    let report = ingest_into(&store, &[first.path().to_path_buf()]);
    assert_eq!(report.count(Outcome::Unchanged), 1);
    assert_eq!(
        report.not_parsed, 1,
        "an unchanged file is not parsed again"
    );
    assert!(!report.has_problems());

    // Only the second folder: the first document stays as it was stored,
    // with Jane Doe as a name.
    ingest_into(&store, &[second.path().to_path_buf()]);
    let report = ingest_into(&store, &[first.path().to_path_buf()]);
    assert_eq!(report.count(Outcome::Changed), 1, "Jane Doe is @jdoe now");
    assert_eq!(report.not_parsed, 0);
    let report = ingest_into(&store, &[first.path().to_path_buf()]);
    assert_eq!(
        (report.count(Outcome::Unchanged), report.not_parsed),
        (1, 1)
    );

    assert_same_as_fresh(
        &store,
        &[first.path().to_path_buf(), second.path().to_path_buf()],
    );
    let people = "SELECT DISTINCT ?p WHERE { ?m schema:attendee ?p }";
    assert_eq!(count(&store, people), 2);
}

/// Review finding (issue 12): the identities learned from the store kept
/// the pairs of a document being changed, so an edit that took a handle
/// away still resolved the name elsewhere until the next run.
#[test]
fn a_handle_taken_away_stops_resolving_at_once() {
    let (d, store) = jane_named_then_handled();
    fs::write(
        d.path().join("zeta-org+tsc/meetings/2024-06-11.md"),
        JANE_AGAIN_BY_NAME,
    )
    .unwrap();
    let report = ingest_into(&store, &[d.path().to_path_buf()]);
    assert_eq!(
        report.count(Outcome::Changed),
        2,
        "both now name Jane Doe alone"
    );
    assert_same_as_fresh(&store, &[d.path().to_path_buf()]);
}

/// Review finding (issue 12): stale documents were pruned after the
/// others were checked, so a name the deleted file alone told kept
/// resolving in the documents that stayed.
#[test]
fn a_pruned_document_resolves_no_names() {
    let (d, store) = jane_named_then_handled();
    let path = [d.path().to_path_buf()];
    fs::remove_file(d.path().join("zeta-org+tsc/meetings/2024-06-11.md")).unwrap();
    let report = ingest_with(&store, &path, &pruning());
    assert_eq!(report.stale.len(), 1);
    assert_eq!(
        report.count(Outcome::Changed),
        1,
        "Jane Doe is a name again"
    );
    assert_same_as_fresh(&store, &path);
}

/// Issue 12: files are read and mapped a chunk at a time (1,024), so
/// memory holds one chunk, not the corpus. A name written without a handle
/// in the first chunk and with one in a later chunk must still be one
/// person, as it is when both files are in one chunk.
#[test]
fn a_name_told_in_a_later_chunk_resolves_in_an_earlier_one() {
    let filler = "# Zeta TSC Meeting 2024-06-04\n\n## Present\n\n* Ann Lee (@annlee)\n";
    let mut files: Vec<(String, &str)> = (0..1_030)
        .map(|i| (format!("m-{i:04}.md"), filler))
        .collect();
    files.push(("a-jane.md".into(), JANE_BY_NAME));
    files.push(("z-jdoe.md".into(), JANE_WITH_HANDLE));
    let named: Vec<(&str, &str)> = files.iter().map(|(n, t)| (n.as_str(), *t)).collect();
    let d = dir_with(&named);
    let store = Store::memory().unwrap();
    let report = ingest_into(&store, &[d.path().to_path_buf()]);
    assert_eq!(report.count(Outcome::New), 1_032);
    let jane = "SELECT DISTINCT ?p WHERE { ?a gg:nameAsWritten \"Jane Doe\" ; gg:person ?p }";
    let people = select(&store, jane);
    assert_eq!(people.len(), 1, "{people:?}");
    assert!(
        people.iter().next().unwrap()[0].ends_with("jdoe"),
        "{people:?}"
    );
    // And the versions the store holds are the ones a re-ingest expects,
    // checked one by one (the bookkeeping that would let it skip the check
    // is cleared).
    store
        .oxigraph()
        .clear_graph(oxigraph::model::NamedNodeRef::new("urn:govgraph:state").unwrap())
        .unwrap();
    let again = ingest_into(&store, &[d.path().to_path_buf()]);
    assert_eq!(
        (again.not_parsed, again.count(Outcome::Changed)),
        (1_032, 0)
    );
}

/// Issue 12: a file that is not parsed again keeps what its report says
/// of it: a file without a meeting is still a problem (exit code 1), and a
/// file changed back and forth is parsed each time.
#[test]
fn a_file_not_parsed_again_reports_as_it_did() {
    let d = dir_with(&[
        ("2024-06-04.md", MINUTES),
        ("notes.md", "# Ideas\n\nSome thoughts, no meeting.\n"),
    ]);
    let store = Store::memory().unwrap();
    let first = ingest_into(&store, &[d.path().to_path_buf()]);
    assert!(first.has_problems());
    let again = ingest_into(&store, &[d.path().to_path_buf()]);
    assert_eq!(again.not_parsed, 2);
    assert!(
        again.has_problems(),
        "the file without a meeting is still reported"
    );
    assert_eq!(
        first.files.iter().map(|f| f.meeting).collect::<Vec<_>>(),
        again.files.iter().map(|f| f.meeting).collect::<Vec<_>>()
    );

    let file = d.path().join("zeta-org+tsc/meetings/2024-06-04.md");
    fs::write(&file, OTHER).unwrap();
    let changed = ingest_into(&store, &[d.path().to_path_buf()]);
    assert_eq!(
        (changed.count(Outcome::Changed), changed.not_parsed),
        (1, 1)
    );
    fs::write(&file, MINUTES).unwrap();
    let back = ingest_into(&store, &[d.path().to_path_buf()]);
    assert_eq!(back.count(Outcome::Changed), 1);
    assert_same_as_fresh(&store, &[d.path().to_path_buf()]);
}

/// Issue 12: a re-ingest of the same documents derives and counts nothing
/// again (the store records what it derived from); any change, a prune
/// or `--force` works both out again, and the counts always equal what
/// the store holds.
#[test]
fn counts_and_derived_graphs_follow_the_documents() {
    let d = dir_with(&[("2024-06-04.md", MINUTES)]);
    let store = Store::memory().unwrap();
    let triples = |store: &Store| {
        let n = select(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
        n.into_iter().next().unwrap()[0].parse::<usize>().unwrap()
    };
    let counts = |r: &govgraph::store::Report| (r.meetings, r.people, r.triples);
    let path = [d.path().to_path_buf()];
    let first = ingest_into(&store, &path);
    assert_eq!(first.triples, triples(&store));
    assert_eq!(counts(&ingest_into(&store, &path)), counts(&first));

    fs::write(d.path().join("zeta-org+tsc/meetings/2024-06-11.md"), OTHER).unwrap();
    let more = ingest_into(&store, &path);
    assert_eq!((more.meetings, more.triples), (2, triples(&store)));
    assert!(more.triples > first.triples);
    assert_eq!(counts(&ingest_into(&store, &path)), counts(&more));

    fs::remove_file(d.path().join("zeta-org+tsc/meetings/2024-06-11.md")).unwrap();
    let pruned = ingest_with(&store, &path, &pruning());
    assert_eq!(counts(&pruned), counts(&first));
    assert_eq!(pruned.triples, triples(&store));

    // Forced, everything is worked out again, to the same figures.
    let forced = ingest_with(&store, &path, &forcing());
    assert_eq!(counts(&forced), counts(&first));
}

/// Issue 16 (and 12): facts derived from a group's meetings are worked out
/// again only for the groups whose documents changed. The proof: a derived
/// fact of another group, deleted behind govgraph's back, stays deleted
/// after an edit elsewhere, while the edited group's facts follow the edit;
/// `--force` works every group out again, and pruning a group's last
/// document removes its derived facts. Each step ends as a fresh ingest
/// of the same files would, but for the deletion.
#[test]
fn derived_facts_follow_only_the_groups_whose_documents_changed() {
    let d = dir_with(&[
        ("2024-06-04.md", MINUTES),
        (
            "2024-06-11.md",
            "# Zeta TSC Meeting 2024-06-11\n\n## Present\n\n* Ann Lee (@annlee)\n\n## Action items\n\n* @bochen to draft the budget\n",
        ),
    ]);
    let docs = d.path().join("zeta-org+docs/meetings");
    fs::create_dir_all(&docs).unwrap();
    fs::write(
        docs.join("2024-06-05.md"),
        "# Zeta Docs Meeting 2024-06-05\n\n## Present\n\n* Bo Chen (@bochen)\n\n## Action items\n\n* @annlee to review the guide\n",
    )
    .unwrap();
    let path = [d.path().to_path_buf()];
    let store = Store::memory().unwrap();
    ingest_into(&store, &path);
    let threads = "SELECT ?g ?text ?last ?n WHERE { ?t a gg:ActionThread ; gg:group/schema:name ?g ; \
        schema:text ?text ; gg:lastListed ?last ; gg:meetingCount ?n }";
    assert_eq!(
        select(&store, threads),
        [
            [
                "zeta-org/docs",
                "@annlee to review the guide",
                "2024-06-05",
                "1"
            ],
            [
                "zeta-org/tsc",
                "@bochen to draft the budget",
                "2024-06-11",
                "1"
            ],
        ]
        .iter()
        .map(|r| r.iter().map(|s| s.to_string()).collect())
        .collect()
    );

    // Behind govgraph's back: the docs group loses its thread.
    let docs_graph = "https://w3id.org/govgraph/id/graph/derived/group/zeta-org/docs";
    let lost = format!(
        "SELECT ?s ?p ?o WHERE {{ GRAPH <{docs_graph}> {{ ?s ?p ?o FILTER(?p = gg:meetingCount) }} }}"
    );
    let doomed: Vec<oxigraph::model::Quad> = store
        .oxigraph()
        .quads_for_pattern(
            None,
            Some(oxigraph::model::NamedNodeRef::new_unchecked(
                "https://w3id.org/govgraph/ns#meetingCount",
            )),
            None,
            Some(oxigraph::model::NamedNodeRef::new_unchecked(docs_graph).into()),
        )
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        doomed.len(),
        2,
        "the thread's and Bo's participation's counts"
    );
    for q in &doomed {
        store.oxigraph().remove(q).unwrap();
    }

    // The TSC lists the action again: its thread now runs over two meetings.
    fs::write(
        d.path().join("zeta-org+tsc/meetings/2024-06-18.md"),
        "# Zeta TSC Meeting 2024-06-18\n\n## Present\n\n* Ann Lee (@annlee)\n\n## Action items\n\n* @bochen to draft the budget\n",
    )
    .unwrap();
    ingest_into(&store, &path);
    let tsc = select(&store, threads);
    assert!(tsc.contains(&vec![
        "zeta-org/tsc".to_string(),
        "@bochen to draft the budget".to_string(),
        "2024-06-18".to_string(),
        "2".to_string(),
    ]));
    assert_eq!(
        count(&store, &lost),
        0,
        "the docs group was not derived again"
    );

    // Forced, every group is derived again, as a fresh ingest derives it.
    ingest_with(&store, &path, &forcing());
    assert_eq!(count(&store, &lost), 2);
    assert_same_as_fresh(&store, &path);

    // The docs group's only file goes: so do its derived facts.
    fs::remove_file(docs.join("2024-06-05.md")).unwrap();
    ingest_with(&store, &path, &pruning());
    assert_eq!(
        count(
            &store,
            &format!("SELECT * WHERE {{ GRAPH <{docs_graph}> {{ ?s ?p ?o }} }}")
        ),
        0
    );
    assert_same_as_fresh(&store, &path);
}

/// Review finding (issue 16): a group's derived graph is found by its name,
/// not only by the record of what it was worked out from, so one left
/// without a record (a run stopped in an older govgraph, a graph written by
/// hand) does not stay in the union once no document holds its group.
#[test]
fn a_derived_graph_without_a_group_leaves_the_union() {
    let d = dir_with(&[("2024-06-04.md", MINUTES)]);
    let path = [d.path().to_path_buf()];
    let store = Store::memory().unwrap();
    ingest_into(&store, &path);
    let stray = oxigraph::model::NamedNode::new_unchecked(
        "https://w3id.org/govgraph/id/graph/derived/group/zeta-org/gone",
    );
    store
        .replace_document(
            &stray,
            &[oxigraph::model::Quad::new(
                oxigraph::model::NamedNode::new_unchecked(
                    "https://w3id.org/govgraph/id/group/zeta-org/gone",
                ),
                oxigraph::model::NamedNode::new_unchecked("https://w3id.org/govgraph/ns#lastHeld"),
                oxigraph::model::Literal::new_typed_literal(
                    "2024-01-01",
                    oxigraph::model::vocab::xsd::DATE,
                ),
                stray.clone(),
            )],
        )
        .unwrap();
    let held = "SELECT ?g WHERE { ?g gg:lastHeld \"2024-01-01\"^^xsd:date }";
    assert_eq!(count(&store, held), 1);
    fs::write(d.path().join("zeta-org+tsc/meetings/2024-06-11.md"), OTHER).unwrap();
    ingest_into(&store, &path);
    assert_eq!(count(&store, held), 0);
    assert_same_as_fresh(&store, &path);
}

/// Review finding: a renamed or deleted file's document stayed in the
/// store forever. It is reported as stale, and pruning removes it (and its
/// triples from the union).
#[test]
fn renamed_files_are_reported_and_pruned() {
    let d = dir_with(&[("2024-06-04.md", MINUTES)]);
    let store = Store::memory().unwrap();
    ingest_into(&store, &[d.path().to_path_buf()]);
    let m = d.path().join("zeta-org+tsc/meetings");
    fs::rename(m.join("2024-06-04.md"), m.join("2024-06-05.md")).unwrap();
    let r = ingest_into(&store, &[d.path().to_path_buf()]);
    assert_eq!(r.stale.len(), 1, "{:?}", r.stale);
    assert_eq!(count(&store, "SELECT ?m WHERE { ?m a gg:Meeting }"), 2);
    ingest_with(&store, &[d.path().to_path_buf()], &pruning());
    assert_eq!(count(&store, "SELECT ?m WHERE { ?m a gg:Meeting }"), 1);
    let fresh = Store::memory().unwrap();
    ingest_into(&fresh, &[d.path().to_path_buf()]);
    let all = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }";
    assert_eq!(select(&store, all), select(&fresh, all));
}

/// Issue 13, item 6: file names that differ only in bytes that are not
/// UTF-8 were keyed by a lossy conversion, so two files became one
/// document.
#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_stay_apart() {
    use std::os::unix::ffi::OsStrExt;
    let d = dir_with(&[]);
    let meetings = d.path().join("zeta-org+tsc/meetings");
    for (byte, text) in [(0xffu8, MINUTES), (0xfe, OTHER)] {
        let mut name = b"2024-06-04-".to_vec();
        name.push(byte);
        name.extend_from_slice(b".md");
        fs::write(meetings.join(std::ffi::OsStr::from_bytes(&name)), text).unwrap();
    }
    let store = Store::memory().unwrap();
    let report = ingest_into(&store, &[d.path().to_path_buf()]);
    assert_eq!(report.count(Outcome::New), 2);
    let documents = count(&store, "SELECT ?d WHERE { ?d a gg:MinutesDocument }");
    assert_eq!(documents, 2);
}

/// Issue 13, item 7: a large document was written in one transaction
/// (100,000 references: minutes and gigabytes), and a changed one was
/// cleared and written again whole. Now a new large document goes through
/// the bulk loader and an edit writes only what differs; either way the
/// store must hold what a fresh ingest of the same file holds, every named
/// graph and the union alike, and the union must be exactly the union of
/// the documents' graphs.
#[test]
fn a_large_document_is_bulk_loaded_and_edited_by_its_differences() {
    let mut minutes = String::from(
        "# Zeta TSC Meeting 2024-06-04\n\n## Present\n\n* Ann Lee (@annlee)\n\n## Agenda\n\n",
    );
    for i in 1..=3_000 {
        minutes.push_str(&format!("* Triage zeta-org/tsc#{i}\n"));
    }
    // The other document also names #3, so #3 must stay in the union
    // when the large one drops it.
    let d = dir_with(&[("2024-06-04.md", &minutes), ("2024-06-11.md", OTHER)]);
    let db = tempfile::tempdir().unwrap();
    let store = Store::open(&db.path().join("g.db")).unwrap();
    let first = ingest_into(&store, &[d.path().to_path_buf()]);
    assert_eq!(first.count(Outcome::New), 2);
    assert!(first.triples > 50_000, "{} triples", first.triples);
    let file = d.path().join("zeta-org+tsc/meetings/2024-06-04.md");
    let everything = "SELECT ?g ?s ?p ?o WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } }";
    let union = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }";
    let documents = "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } \
                     FILTER(?g NOT IN (<https://w3id.org/govgraph/id/graph/suggestions>, \
                     <urn:govgraph:state>)) }";
    let edits = [
        // Lines kept: #1500 becomes #9999, #3 is dropped.
        minutes
            .replace("tsc#1500\n", "tsc#9999\n")
            .replace("* Triage zeta-org/tsc#3\n", "* Triage zeta-org/tsc#30000\n"),
        // Every later line shifts by one, so most facts change. (Here the
        // union once kept one stale triple in 256.)
        minutes.replace("## Agenda\n\n", "## Agenda\n\n* Welcome\n"),
    ];
    for edited in edits {
        fs::write(&file, &edited).unwrap();
        let again = ingest_into(&store, &[d.path().to_path_buf()]);
        assert_eq!(again.count(Outcome::Changed), 1);
        let fresh_db = tempfile::tempdir().unwrap();
        let fresh = Store::open(&fresh_db.path().join("g.db")).unwrap();
        ingest_into(&fresh, &[d.path().to_path_buf()]);
        assert_eq!(select(&store, everything), select(&fresh, everything));
        assert_eq!(select(&store, union), select(&store, documents));
    }
}

/// Review finding (issue 13, item 7): a literal the store keeps in its
/// canonical form reads back as another quad, so a replace by differences
/// saw it as lost and new at once, and removing it after inserting it
/// deleted it.
#[test]
fn a_replace_keeps_literals_the_store_canonicalises() {
    use oxigraph::model::{Literal, NamedNode, Quad, vocab::xsd};
    let store = Store::memory().unwrap();
    let doc = NamedNode::new("https://example.org/doc").unwrap();
    let quad = Quad::new(
        doc.clone(),
        NamedNode::new("https://example.org/count").unwrap(),
        Literal::new_typed_literal("+5", xsd::INTEGER),
        doc.clone(),
    );
    store
        .replace_document(&doc, std::slice::from_ref(&quad))
        .unwrap();
    store
        .replace_document(&doc, std::slice::from_ref(&quad))
        .unwrap();
    assert_eq!(
        count(&store, "SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }"),
        1
    );
    assert_eq!(count(&store, "SELECT ?o WHERE { ?s ?p ?o }"), 1);
}
